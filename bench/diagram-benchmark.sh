#!/usr/bin/env bash
# Diagram benchmark: renders the tutorial's Mermaid diagrams (content/*.md) with the build's
# diagram step, RUNS times with an empty cache (one Chromium launch each) and RUNS times with a
# full one (no browser), printing wall time and CPU time (user+sys, Chromium's processes included).
#
#   ./mvnw initialize            # once: Node and the npm packages (playwright-core, mermaid)
#   bench/diagram-benchmark.sh [RUNS]
#   CHROMIUM_PATH=/path/to/chromium bench/diagram-benchmark.sh
set -euo pipefail
cd "$(dirname "$0")/.."

runs="${1:-3}"
node=target/node/node
[[ -x "$node" ]] || { echo "error: $node not found (hint: ./mvnw initialize)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time not found (hint: apt-get install time)" >&2; exit 1; }

export DIAGRAM_CACHE="$(mktemp -d)"
trap 'rm -rf "$DIAGRAM_CACHE"' EXIT
echo "$(nproc) cores; Chromium: $("${CHROMIUM_PATH:-/usr/bin/chromium}" --version 2>/dev/null || echo missing)"
for state in cold cached; do
  for run in $(seq 1 "$runs"); do
    [[ "$state" == cold ]] && rm -rf "${DIAGRAM_CACHE:?}"/*
    out="$(/usr/bin/time -f '%e %U %S' -o "$DIAGRAM_CACHE.time" "$node" bench/render-diagrams.mjs content)"
    read -r wall user sys <"$DIAGRAM_CACHE.time"
    echo "$state run $run: wall ${wall} s, CPU $(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }') s | $out"
  done
done
rm -f "$DIAGRAM_CACHE.time"
