#!/usr/bin/env bash
# Server-side Python (serve --api, language "python"), beside the cost of the obvious alternative
# measured in the same run: a fresh Pyodide per request under the same Node, no sandbox (what a
# process-per-request service without a pool pays), and, with PEER_DIR set to a folder prepared as
# bench/peer-mcp-run-python.sh says, the peer pydantic's mcp-run-python (Pyodide in Deno) with a
# fresh process per call and with calls reusing one process (which then share state).
#
#   ./mvnw package -DskipTests
#   bench/python-api.sh [SEQUENTIAL=30] [CLIENTS=4] [SECONDS=20] [POOL=2] [PORT=8120]
set -euo pipefail
cd "$(dirname "$0")/.."

sequential="${1:-30}"; clients="${2:-4}"; seconds="${3:-20}"; pool="${4:-2}"; port="${5:-8120}"
jar=target/wasm-tutorial.jar
node=target/node/node
pyodide=src/main/frontend/node_modules/pyodide
[[ -f "$jar" && -x "$node" && -f "$pyodide/pyodide.mjs" ]] || { echo "error: build first (hint: ./mvnw package -DskipTests)" >&2; exit 1; }
command -v bwrap >/dev/null || { echo "error: bwrap is missing (hint: apt-get install bubblewrap)" >&2; exit 1; }

runs=$(mktemp -d)
started=$(date +%s%N)
java -jar "$jar" serve --api --port "$port" --runs-dir "$runs" --python-pool "$pool" >/tmp/python-api-bench-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$runs"' EXIT
until curl -fs -o /dev/null "http://127.0.0.1:$port/"; do sleep 0.05; done
# Server start to the first Python result: what an agent calling a freshly started service waits.
id=$(curl -s "http://127.0.0.1:$port/execute" -H 'content-type: application/json' -d '{"language":"python","code":"print(1)"}' \
  | sed -E 's/.*"id":"([0-9a-f]+)".*/\1/')
curl -sN "http://127.0.0.1:$port/runs/$id/events" >/dev/null
first=$(( ($(date +%s%N) - started) / 1000000 ))
echo "ours: server start to the first print(1) done: $first ms (pool of $pool, loading in the background from the start)"
sleep 8 # the pool refills
java bench/PythonApiBench.java "http://127.0.0.1:$port/" "$sequential" 300 "$clients" "$seconds"
echo "ours: server process after the runs: $(ps -o rss= -p "$server" | awk '{printf "%d MiB RSS (JVM)", $1/1024}'); runner processes: $(pgrep -f python-server.mjs | wc -l)"

# The alternative, in the same run: a new Node + Pyodide for one print(1), no sandbox, no pool.
cat > "$runs/fresh.mjs" <<JS
const t0 = performance.now();
const { loadPyodide } = await import(process.argv[2] + '/pyodide.mjs');
const py = await loadPyodide();
py.runPython('print(1)');
console.error('fresh ' + Math.round(performance.now() - t0));
JS
times=()
for i in 1 2 3 4 5; do
  t0=$(date +%s%N)
  "$node" "$runs/fresh.mjs" "$PWD/$pyodide" >/dev/null 2>&1
  times+=($(( ($(date +%s%N) - t0) / 1000000 )))
done
sorted=$(printf '%s\n' "${times[@]}" | sort -n | tr '\n' ' ')
echo "fresh Node + Pyodide per request (no sandbox), 5 processes, ms to print(1) done: $sorted(median $(printf '%s\n' "${times[@]}" | sort -n | sed -n 3p))"
if [[ -n "${PEER_DIR:-}" ]]; then
  "$PEER_DIR/peer-mcp-run-python.sh" 5 | tail -1
  "$PEER_DIR/peer-mcp-run-python.sh" --warm 20 | tail -1
fi
