#!/usr/bin/env bash
# The peer for bench/python-api.sh. Copy this script into a folder prepared as follows (offline
# except for the npm registry), then run it from there, or set PEER_DIR to that folder:
#   1. the repository pydantic/mcp-run-python at commit 5ee2eea: its mcp_run_python/deno/src as
#      ./src, and src/prepareEnvCode.ts generated from build/prepare_env.py as their build/build.py does;
#   2. npm install deno@2.9.6 pyodide@314.0.7;
#   3. a shim_pyodide.ts that loads the local Pyodide instead of the CDN (micropip and pydantic
#      stubbed: not in npm's Pyodide), imported by src/runCode.ts in place of 'pyodide';
#   4. drive.ts: reads a program on stdin and runs it through their RunCode N times in one process.
#
# Time pydantic's mcp-run-python (commit 5ee2eea, Deno sources in ./src, Pyodide from local npm copy via
# ./shim_pyodide.ts) running `print(1)` through its own RunCode, exactly as ./drive.ts does. Offline.
#
#   peer-print1.sh [N]        N (default 5) fresh Deno processes, one RunCode.run call each, run one after
#                             another; per process: wall ms from launch (fork/exec) to the call's result line.
#   peer-print1.sh --warm N   N calls in ONE process on one RunCode (as their stdio / stateful-HTTP modes
#                             reuse one Pyodide); prints the median per-call ms of calls 2..N.
#
# Permissions: --allow-read=./node_modules only (cwd = this script's folder). Nothing else.
set -euo pipefail

HERE="$(cd "$(dirname "$(readlink -f "${BASH_SOURCE[0]}")")" && pwd)"
cd "$HERE"
DENO="$HERE/node_modules/@deno/linux-x64-glibc/deno"
export DENO_DIR="$HERE/.deno_dir"      # Deno's caches stay inside this folder
export DENO_NO_UPDATE_CHECK=1           # no network update check
export DENO_NO_PROMPT=1                 # a refused permission throws instead of prompting
export NO_COLOR=1
PROG="$HERE/print1.py"
printf 'print(1)\n' > "$PROG"

[[ -x "$DENO" ]] || { echo "missing $DENO (npm install deno@2.9.6 in $HERE)" >&2; exit 2; }

run_deno() { "$DENO" run --allow-read=./node_modules drive.ts "$1" < "$PROG"; }

# median of integers given as args (sorted numerically); even count -> mean of middle two
median() {
  local -a s; mapfile -t s < <(printf '%s\n' "$@" | sort -n)
  local n=${#s[@]}
  if (( n % 2 )); then echo "${s[n/2]}"
  else awk -v a="${s[n/2-1]}" -v b="${s[n/2]}" 'BEGIN{m=(a+b)/2; if (m==int(m)) printf "%d\n", m; else printf "%.1f\n", m}'
  fi
}

# pull a numeric / raw field out of drive.ts's one-line JSON
field() { local re="\"$1\":([^,}]*|\\[[^]]*\\])"; [[ "$2" =~ $re ]] && echo "${BASH_REMATCH[1]}" || echo "?"; }

check_line() {  # fail loudly unless the call succeeded and printed exactly 1
  local line="$1"
  if [[ "$(field status "$line")" != '"success"' || "$(field stdout "$line")" != '["1"]' ]]; then
    echo "ERROR: unexpected result: $line" >&2; return 1
  fi
}

if [[ "${1:-}" == "--warm" ]]; then
  N="${2:-20}"
  [[ "$N" =~ ^[0-9]+$ && "$N" -ge 2 ]] || { echo "usage: $0 --warm N   (N >= 2)" >&2; exit 2; }
  mapfile -t lines < <(run_deno "$N")
  (( ${#lines[@]} == N )) || { echo "ERROR: expected $N result lines, got ${#lines[@]}" >&2; printf '%s\n' "${lines[@]}" >&2; exit 1; }
  ms=()
  for i in "${!lines[@]}"; do
    check_line "${lines[i]}"
    m="$(field ms "${lines[i]}")"
    if (( i == 0 )); then
      echo "call 1: ${m} ms (includes Pyodide load $(field load_ms "${lines[i]}") ms; $(field since_start_ms "${lines[i]}") ms since Deno runtime start)"
    else
      ms+=("$m")
    fi
  done
  echo "calls 2..$N per-call ms (RunCode.run, whole ms as drive.ts rounds): ${ms[*]}"
  echo "peer mcp-run-python (Deno, one process, $N calls on one RunCode): median per-call ms of calls 2..$N: $(median "${ms[@]}")"
  exit 0
fi

N="${1:-5}"
[[ "$N" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 [N] | --warm N" >&2; exit 2; }
walls=()
for ((p = 1; p <= N; p++)); do
  t0=$EPOCHREALTIME
  # read the first result line as soon as it is printed (right after the call returns)
  { IFS= read -r line; t1=$EPOCHREALTIME; cat > /dev/null; } < <(run_deno 1)
  wall=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%d\n", (b-a)*1000 + 0.5}')
  check_line "$line"
  walls+=("$wall")
  echo "process $p: ${wall} ms launch -> print(1) done  (Deno's own clock: $(field since_start_ms "$line") ms since runtime start; Pyodide load $(field load_ms "$line") ms; RunCode.run $(field ms "$line") ms)"
done
sorted="$(printf '%s\n' "${walls[@]}" | sort -n | paste -sd, - | sed 's/,/, /g')"
echo "peer mcp-run-python (Deno, fresh process per call): $N processes, ms to print(1) done: $sorted (median $(median "${walls[@]}"))"
