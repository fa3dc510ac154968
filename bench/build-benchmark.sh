#!/usr/bin/env bash
# Build benchmark: generate a synthetic corpus of PAGES Markdown pages (default 2000) and time
# full builds of it with the generator's jar, printing wall time, pages/s, CPU time (user+sys)
# and peak RSS per run. On a shared VM wall time drifts by tens of percent from minute to minute;
# CPU time is the steadier figure for comparing two versions (run them interleaved).
#
#   ./mvnw package -DskipTests   # once, to build target/wasm-tutorial.jar
#   bench/build-benchmark.sh [PAGES] [RUNS]
#   BENCH_JVM_ARGS="-XX:+UseParallelGC" bench/build-benchmark.sh   # try other JVM options
set -euo pipefail
cd "$(dirname "$0")/.."

pages="${1:-2000}"
runs="${2:-3}"
jar=target/wasm-tutorial.jar
[[ -f "$jar" ]] || { echo "error: $jar not found (hint: ./mvnw package -DskipTests)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time not found (hint: apt-get install time)" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java bench/GenerateCorpus.java "$work/content" "$pages"
cp -r templates "$work/templates"
echo "corpus: $pages pages, $(du -sk "$work/content" | cut -f1) KiB of Markdown; $(nproc) cores; $(java -version 2>&1 | head -1)"

# The same JVM options as the Maven build uses for the generator (see pom.xml: generator.jvm.args).
jvm_args=(${BENCH_JVM_ARGS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC})
echo "java ${jvm_args[*]} -jar $jar build ..."
for run in $(seq 1 "$runs"); do
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" \
    java "${jvm_args[@]}" -jar "$jar" build --timings --root "$work" --no-demos --out "$work/site" --reports "$work/reports" >"$work/build.log"
  read -r wall rss_kb user sys <"$work/time.txt"
  pages_per_s=$(awk -v p="$pages" -v w="$wall" 'BEGIN { printf "%.0f", (p + 1) / w }')
  cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  echo "run $run: wall ${wall} s, ${pages_per_s} pages/s, CPU ${cpu} s, peak RSS $((rss_kb / 1024)) MiB | $(tail -2 "$work/build.log" | tr '\n' ' ')"
done
