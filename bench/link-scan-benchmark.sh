#!/usr/bin/env bash
# Link-check extraction benchmark: the links and anchors of every page of a built 2,000-page site,
# read through jsoup's DOM (the check's old way) and through PageLinks.of (its new way), in
# interleaved rounds, each in its own JVM with the flags the build runs with. Prints the pass's
# wall and CPU time (bench/LinkScan.java), then times the whole `check --dir` command (new way).
#
#   ./mvnw package -DskipTests   # once, to build target/wasm-tutorial.jar
#   bench/link-scan-benchmark.sh [PAGES] [RUNS]
set -euo pipefail
cd "$(dirname "$0")/.."

pages="${1:-2000}"
runs="${2:-3}"
jar="$PWD/target/wasm-tutorial.jar"
[[ -f "$jar" ]] || { echo "error: $jar not found (hint: ./mvnw package -DskipTests)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time not found (hint: apt-get install time)" >&2; exit 1; }
jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
java bench/GenerateCorpus.java "$work/content" "$pages" tree
cp -r templates "$work/templates"
java "${jvm[@]}" -jar "$jar" build --root "$work" --no-demos --out "$work/site" --reports "$work/reports" >/dev/null
echo "site: $(find "$work/site" -name '*.html' | wc -l) pages, $(du -sk "$work/site" | cut -f1) KiB; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "JVM: java ${jvm[*]}"

# The single-file program compiles once into a class folder, so rounds time the pass, not javac.
mkdir -p "$work/classes"
javac -d "$work/classes" -cp "$jar" bench/LinkScan.java
for run in $(seq 1 "$runs"); do
  echo "round $run (load $(cut -d' ' -f1 /proc/loadavg)):"
  for way in jsoup scan; do
    printf '  pass     '; java "${jvm[@]}" -cp "$jar:$work/classes" LinkScan "$way" "$work/site"
  done
  /usr/bin/time -f '%e %U %S' -o "$work/time.txt" java "${jvm[@]}" -jar "$jar" check --dir "$work/site" >/dev/null
  read -r wall user sys <"$work/time.txt"
  printf '  command  check --dir (scan): wall %s s, CPU %s s\n' "$wall" "$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')"
done
