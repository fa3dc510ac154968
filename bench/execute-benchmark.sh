#!/usr/bin/env bash
# Execution API on loopback (not a test): warm runs/s and p50/p99 latency (submit to done, over
# the event stream) for a trivial Wasm call and for a cached C program, at 1, 8 and 64 concurrent
# clients; lost runs (accepted but without a final status); the server's RSS and CPU time, and its
# RSS again after IDLE_SECONDS (default 60) without requests. The server runs through the launcher
# (target/wasm-tutorial serve), as the README has users start it.
#
#   ./mvnw package -DskipTests      # builds target/wasm-tutorial.jar and site/
#   bench/execute-benchmark.sh [SECONDS_PER_STEP] [PORT] [IDLE_SECONDS]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-10}"
port="${2:-18090}"
idle="${3:-60}"
launcher=target/wasm-tutorial
[[ -x "$launcher" && -f site/index.html ]] || { echo "error: build first (hint: ./mvnw package -DskipTests)" >&2; exit 1; }
work=$(mktemp -d)
"$launcher" serve --api --api-queue 128 --dir site --port "$port" --runs-dir "$work/runs" >"$work/server.log" 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null || true; rm -rf "$work"' EXIT
base="http://127.0.0.1:$port/"
for _ in $(seq 1 100); do curl -fs -o /dev/null "$base" && break; sleep 0.2; done

rss() { awk '/VmRSS/ {print $2 " KiB"}' "/proc/$pid/status"; }
cpu() { awk '{printf "%.1f s", ($14 + $15) / '"$(getconf CLK_TCK)"'}' "/proc/$pid/stat"; }

# Inputs: add.wasm called with (2, 3); a C hello world, compiled once before measuring.
printf '{"language":"wasm","code":"%s","call":{"export":"add","args":[2,3]}}' \
  "$(base64 -w0 src/test/resources/wasm/add.wasm)" >"$work/wasm.json"
printf '%s' '{"language":"c","code":"#include <stdio.h>\nint main(){puts(\"hi\");}"}' >"$work/c.json"
java bench/ExecuteLoad.java "$base" "$work/c.json" 1 1 >/dev/null   # compile once: later runs hit the cache

echo "server RSS before: $(rss), CPU so far: $(cpu); $(nproc) cores; ${seconds}s per step"
for body in wasm c; do
  for clients in 1 8 64; do
    printf '%-5s ' "$body"
    java bench/ExecuteLoad.java "$base" "$work/$body.json" "$clients" "$seconds"
  done
done
echo "server RSS after: $(rss), CPU total: $(cpu)"
sleep "$idle"
echo "server RSS after ${idle}s idle: $(rss), CPU total: $(cpu)"
echo "runs kept on disk: $(ls "$work/runs" | wc -l)"
