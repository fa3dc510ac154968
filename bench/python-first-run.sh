#!/usr/bin/env bash
# First Run of a live Python example (Pyodide in a Worker): time to first output cold and with a
# warm service-worker cache, and bytes transferred, in headless Chromium against the preview server.
#
#   ./mvnw package -DskipTests      # builds target/wasm-tutorial.jar and site/
#   bench/python-first-run.sh [RUNS] [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-3}"
port="${2:-8110}"
jar=target/wasm-tutorial.jar
[[ -f "$jar" && -f site/python_in_the_browser.html ]] || { echo "error: build first (hint: ./mvnw package -DskipTests)" >&2; exit 1; }
./mvnw -q -B -ntp dependency:build-classpath -Dmdep.includeScope=test -Dmdep.outputFile=target/bench-classpath.txt >/dev/null

java -jar "$jar" serve --dir site --port "$port" >/tmp/python-first-run-server.log 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 50); do curl -fs -o /dev/null "http://127.0.0.1:$port/index.html" && break; sleep 0.2; done

java -cp "$(cat target/bench-classpath.txt)" bench/PythonFirstRun.java "http://127.0.0.1:$port/python_in_the_browser.html" "$runs"
