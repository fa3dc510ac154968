#!/usr/bin/env bash
# Load check on loopback: the preview server (Jetty) and `python3 -m http.server`, serving the
# same built site/, each hit by wrk for a bounded time. Prints requests/s, p99 latency and errors.
#
#   ./mvnw package -DskipTests      # builds target/wasm-tutorial.jar and site/
#   bench/load-benchmark.sh [SECONDS] [CONNECTIONS]
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-10}"
connections="${2:-32}"
jar=target/wasm-tutorial.jar
[[ -f "$jar" && -f site/index.html ]] || { echo "error: build first (hint: ./mvnw package -DskipTests)" >&2; exit 1; }
if ! command -v wrk >/dev/null; then
  if [[ $(id -u) == 0 ]]; then apt-get install -y -qq wrk >/dev/null; else echo "error: wrk not found (hint: sudo apt-get install wrk)" >&2; exit 1; fi
fi

jetty_port=18080
python_port=18081
java -jar "$jar" serve --dir site --port "$jetty_port" >/tmp/load-jetty.log 2>&1 &
jetty_pid=$!
(cd site && exec python3 -m http.server "$python_port" --bind 127.0.0.1 >/tmp/load-python.log 2>&1) &
python_pid=$!
trap 'kill $jetty_pid $python_pid 2>/dev/null || true' EXIT

wait_for() { for _ in $(seq 1 50); do curl -fs -o /dev/null "$1" && return 0; sleep 0.2; done; echo "error: $1 did not come up" >&2; exit 1; }
wait_for "http://127.0.0.1:$jetty_port/index.html"
wait_for "http://127.0.0.1:$python_port/index.html"

run() { # NAME URL
  local out
  out=$(wrk --latency -t2 -c"$connections" -d"${seconds}s" "$2")
  local rps p99 errors non2xx
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p99=$(awk '$1 == "99%" {print $2}' <<<"$out")
  errors=$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $5}' <<<"$out")
  printf '%-8s %-28s %10s req/s   p99 %8s   errors %s, non-2xx %s\n' "$1" "${2#http://127.0.0.1:*/}" "$rps" "$p99" "${errors:-0}" "${non2xx:-0}"
}

echo "wrk: 2 threads, $connections connections, ${seconds}s per run, loopback; $(nproc) cores shared by client and server"
for path in intro_to_wasm.html minimal-demo/dist/add_and_log.wasm; do
  run "jetty" "http://127.0.0.1:$jetty_port/$path"
  run "python" "http://127.0.0.1:$python_port/$path"
done
