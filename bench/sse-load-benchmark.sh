#!/usr/bin/env bash
# Idle event streams on loopback (not a test): `serve --watch` with N live-reload streams held
# open by bench/hold-streams.py, and wrk fetching a page meanwhile; requests/s and p50/p99 with
# N streams and with none, whether the server still answers after all streams are reset at
# once, and the server's RSS and CPU time.
#
#   ./mvnw package -DskipTests      # builds target/wasm-tutorial.jar
#   bench/sse-load-benchmark.sh [STREAMS] [SECONDS] [PORT]
set -euo pipefail
cd "$(dirname "$0")/.."

streams="${1:-500}"
seconds="${2:-10}"
port="${3:-8131}"
jar=target/wasm-tutorial.jar
[[ -f "$jar" ]] || { echo "error: build first (hint: ./mvnw package -DskipTests)" >&2; exit 1; }
command -v wrk >/dev/null || { echo "error: wrk not found (hint: sudo apt-get install wrk)" >&2; exit 1; }
work=$(mktemp -d)
java -jar "$jar" serve --watch --port "$port" >"$work/server.log" 2>&1 &
pid=$!
holder=
trap 'kill $pid ${holder:-} 2>/dev/null || true; rm -rf "$work"' EXIT
page="http://127.0.0.1:$port/index.html"
for _ in $(seq 1 300); do curl -fs -o /dev/null "$page" && break; sleep 0.2; done
curl -fs -o /dev/null "$page" || { echo "error: server did not come up; log:" >&2; cat "$work/server.log" >&2; exit 1; }

rss() { awk '/VmRSS/ {print $2 " KiB"}' "/proc/$pid/status"; }
cpu() { awk '{printf "%.1f s", ($14 + $15) / '"$(getconf CLK_TCK)"'}' "/proc/$pid/stat"; }
run() { # LABEL
  local out
  out=$(wrk --latency -t2 -c16 -d"${seconds}s" "$page")
  printf '%-22s %10s req/s   p50 %8s   p99 %8s   errors %s, non-2xx %s\n' "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1 == "50%" {print $2}' <<<"$out")" \
    "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/Socket errors/ {gsub(",", ""); print $4 + $6 + $8 + $10}' <<<"$out" | grep . || echo 0)" \
    "$(awk '/Non-2xx/ {print $5}' <<<"$out" | grep . || echo 0)"
}

echo "wrk: 2 threads, 16 connections, ${seconds}s per run on /index.html; $(nproc) cores shared by client, server and stream holder; load $(cut -d' ' -f1-3 /proc/loadavg)"
run "0 streams (warm-up)" >/dev/null
run "0 streams"
echo "server RSS with 0 streams: $(rss), CPU so far: $(cpu)"

python3 bench/hold-streams.py 127.0.0.1 "$port" /__livereload "$streams" >"$work/holder.log" 2>&1 &
holder=$!
for _ in $(seq 1 300); do grep -q '^open' "$work/holder.log" && break; kill -0 $holder 2>/dev/null || break; sleep 0.1; done
grep -q '^open' "$work/holder.log" || { echo "error: streams did not open:" >&2; cat "$work/holder.log" >&2; exit 1; }
echo "streams: $(cat "$work/holder.log")"
run "$streams streams open"
echo "server RSS with $streams streams: $(rss), CPU so far: $(cpu)"

kill -TERM $holder; wait $holder || true; holder=
echo "streams: $(tail -1 "$work/holder.log")"
code=$(curl -s -o /dev/null -w '%{http_code} in %{time_total}s' --max-time 5 "$page" || echo "no answer")
echo "after resetting all streams: $page -> $code"
run "after reset"
echo "server RSS at end: $(rss), CPU total: $(cpu)"
echo "server log lines mentioning an exception: $(grep -ci 'exception' "$work/server.log" || true)"
