#!/usr/bin/env bash
# Build benchmark: generate a synthetic corpus of PAGES Markdown pages and time builds of it with
# the generator's jar and, when `hugo` is installed, with Hugo on the same pages in the same run.
# Each round runs, tool after tool (interleaved, so both see the same machine load):
#   cold       output (and this generator's build cache under target/) deleted first
#   no-change  the same build again
#   edit       after appending a line to one page
# and prints wall time, CPU time (user+sys) and peak RSS; the summary gives medians, output
# sizes and the ratio to Hugo. On a shared VM wall time drifts by tens of percent from minute to
# minute; CPU time is the steadier figure.
#
#   ./mvnw package -DskipTests   # once, to build target/wasm-tutorial.jar
#   bench/build-benchmark.sh [PAGES] [RUNS] [tree|flat|site]
#     tree  (default) chapters of 20 pages in folders, each with an index.md
#     flat  every page in one folder, each with order:
#     site  this repository's own content/ (PAGES ignored; demos published as last built, not rebuilt)
#   BENCH_COLD_ONLY=1 bench/build-benchmark.sh 20000 1       # cold builds only (for scaling runs)
#   BENCH_FLOOR=1 bench/build-benchmark.sh 2000 3 flat         # also time, beside each cold build, flexmark
#     alone parsing and rendering the same pages in a fresh JVM (bench/MarkdownFloor.java): the floor
#     under a cold build with this Markdown library, whatever the rest of the generator does; and
#     (floorw) the same with each page's bare HTML written to its own index.html, as a build must
#   BENCH_NO_CACHE=1 bench/build-benchmark.sh 2000 3 flat      # also time, beside each cold build, the same
#     build with --no-cache: what the build cache's bookkeeping costs a build that cannot use it
#   By default it times target/wasm-tutorial, the launcher the README gives (JVM options, class-data archive).
#   BENCH_TMPDIR=/dev/shm bench/build-benchmark.sh 2000 5 flat     # corpus and outputs on tmpfs: on a disk, creating
#     2,000 files costs both tools seconds of kernel time that vary several-fold with the file system's state
#     (Hugo's cold build measured 1.2 s to 5.2 s in one afternoon on this VM); tmpfs times the tools' own work
#   BENCH_JAR=/tmp/other.jar bench/build-benchmark.sh              # java -jar another build of the generator
#   BENCH_JVM_ARGS="-XX:+UseSerialGC" bench/build-benchmark.sh   # java OPTIONS -jar target/wasm-tutorial.jar instead
#   BENCH_JVM_ARGS=" " bench/build-benchmark.sh                  # plain java -jar (no options, no archive)
set -euo pipefail
cd "$(dirname "$0")/.."

pages="${1:-2000}"
runs="${2:-3}"
mode="${3:-tree}"
jar="${BENCH_JAR:-$PWD/target/wasm-tutorial.jar}"
launcher="$PWD/target/wasm-tutorial"
[[ -f "$jar" ]] || { echo "error: $jar not found (hint: ./mvnw package -DskipTests)" >&2; exit 1; }
[[ -n "${BENCH_JAR:-}${BENCH_JVM_ARGS:-}" || -x "$launcher" ]] || { echo "error: $launcher not found (hint: ./mvnw package -DskipTests)" >&2; exit 1; }
[[ -x /usr/bin/time ]] || { echo "error: /usr/bin/time not found (hint: apt-get install time)" >&2; exit 1; }
[[ "$mode" =~ ^(tree|flat|site)$ ]] || { echo "error: unknown mode '$mode' (hint: tree, flat or site)" >&2; exit 2; }

work="$(mktemp -d -p "${BENCH_TMPDIR:-${TMPDIR:-/tmp}}")"
trap 'rm -rf "$work"' EXIT
if [[ "$mode" == site ]]; then
  cp -r content "$work/content"
  # Included files are referenced relative to the project root.
  for checks in */wasm-checks.yaml; do cp -r "${checks%/*}" "$work/${checks%/*}"; done
else
  java bench/GenerateCorpus.java "$work/content" "$pages" "$mode"
fi
cp -r templates "$work/templates"
pages=$(find "$work/content" -name '*.md' | wc -l)
edited=$(find "$work/content" -name '*.md' ! -name index.md | sort | sed -n "$(( (pages + 1) / 2 ))p")
echo "corpus ($mode): $pages pages, $(du -sk "$work/content" | cut -f1) KiB of Markdown; $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg); $(java -version 2>&1 | head -1)"

jvm_args=(${BENCH_JVM_ARGS:-})
# The site's pages link to its demos: publish them as built by the last ./mvnw package (modules still validated).
demo_args=(--no-demos); [[ "$mode" == site ]] && demo_args=(--skip-demo-build)
build_args=(build --root "$work" "${demo_args[@]}" --out "$work/site" --reports "$work/reports")
if [[ -n "${BENCH_JAR:-}${BENCH_JVM_ARGS:-}" ]]; then
  ours_prefix=(java "${jvm_args[@]}" -jar "$jar")
  ours_cmd=("${ours_prefix[@]}" "${build_args[@]}")
  echo "ours: java ${jvm_args[*]} -jar $jar build ${demo_args[*]} ..."
else
  ours_prefix=("$launcher")
  ours_cmd=("${ours_prefix[@]}" "${build_args[@]}")
  echo "ours: target/wasm-tutorial build ${demo_args[*]} ... (archive: $([[ target/wasm-tutorial.jsa -nt "$jar" ]] && echo yes || echo none))"
fi

hugo_site="$work/hugo"
if command -v hugo >/dev/null; then
  # The same Markdown; Hugo names a section's page _index.md. A minimal template: title, body, table
  # of contents, link to the section, previous/next in the section; section pages list their pages.
  mkdir -p "$hugo_site/layouts/_default" && cp -r "$work/content" "$hugo_site/content"
  find "$hugo_site/content" -name index.md -execdir mv index.md _index.md \;
  printf 'baseURL = "https://example.org/"\ntitle = "Benchmark"\ndisableKinds = ["taxonomy", "term", "RSS"]\n' >"$hugo_site/hugo.toml"
  head='<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{{ .Title }}</title><meta name="description" content="{{ .Description }}"></head><body><nav>{{ with .Parent }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</nav>'
  echo "$head"'<main><h1>{{ .Title }}</h1>{{ .Content }}</main><aside>{{ .TableOfContents }}</aside><footer>{{ with .PrevInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }} {{ with .NextInSection }}<a href="{{ .RelPermalink }}">{{ .Title }}</a>{{ end }}</footer></body></html>' \
    >"$hugo_site/layouts/_default/single.html"
  echo "$head"'<main><h1>{{ .Title }}</h1>{{ .Content }}<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>{{ end }}</ul></main></body></html>' \
    >"$hugo_site/layouts/_default/list.html"
  echo "hugo: $(hugo version | cut -d' ' -f1-2), hugo --source ... --quiet"
  tools=(ours hugo)
else
  echo "hugo: not installed, timing this generator only"
  tools=(ours)
fi
hugo_cmd=(hugo --source "$hugo_site" --destination "$hugo_site/public" --quiet)
output_dir() { case "$1" in ours) echo "$work/site" ;; hugo) echo "$hugo_site/public" ;; nocache) echo "$work/site-nocache" ;; floorw) echo "$work/floorw-out" ;; *) echo "$work/floor-out" ;; esac; }

cold_tools=("${tools[@]}")
if [[ -n "${BENCH_NO_CACHE:-}" ]]; then
  nocache_cmd=("${ours_prefix[@]}" build --root "$work" "${demo_args[@]}" --out "$work/site-nocache" --reports "$work/reports-nocache" --no-cache)
  echo "nocache: the same command with --no-cache and its own output folder (cold rounds only)"
  cold_tools+=(nocache)
fi
if [[ -n "${BENCH_FLOOR:-}" ]]; then
  # Compiled once, and given its own class-data archive (as the launcher has), so a round times
  # the Markdown work and the JVM's start, not javac or first-time class loading.
  # (Class-data sharing takes jars only, not class folders.)
  mkdir -p "$work/floor-classes" "$work/floor-out"
  javac -d "$work/floor-classes" -cp "$jar" bench/MarkdownFloor.java
  jar --create --file "$work/floor.jar" -C "$work/floor-classes" .
  floor_jvm=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$jar:$work/floor.jar")
  java "${floor_jvm[@]}" -XX:ArchiveClassesAtExit="$work/floor.jsa" -Xlog:cds*=off MarkdownFloor "$work/content" >/dev/null
  floor_cmd=(java "${floor_jvm[@]}" -XX:SharedArchiveFile="$work/floor.jsa" -Xlog:cds*=off MarkdownFloor "$work/content")
  floorw_cmd=("${floor_cmd[@]}" --write "$work/floorw-out")
  echo "floor: java ${floor_jvm[0]} ${floor_jvm[1]} ... MarkdownFloor (flexmark alone, cold rounds only; floorw: also writing the pages)"
  cold_tools+=(floor floorw)
fi

results="$work/results.txt"
measure() { # tool scenario
  local tool="$1" scenario="$2"
  local -n cmd="${tool}_cmd"
  /usr/bin/time -f '%e %M %U %S' -o "$work/time.txt" "${cmd[@]}" >"$work/$tool.log" 2>&1 || { cat "$work/$tool.log" >&2; exit 1; }
  read -r wall rss_kb user sys <"$work/time.txt"
  local cpu; cpu=$(awk -v u="$user" -v s="$sys" 'BEGIN { printf "%.2f", u + s }')
  local size; size=$(du -sk "$(output_dir "$tool")" | cut -f1)
  echo "$tool $scenario $wall $cpu $((rss_kb / 1024)) $size $sys" >>"$results"
  printf '  %-6s %-9s wall %6.2f s  CPU %6.2f s (sys %5.2f)  peak RSS %5d MiB  output %6d KiB\n' "$tool" "$scenario" "$wall" "$cpu" "$sys" $((rss_kb / 1024)) "$size"
}

for run in $(seq 1 "$runs"); do
  echo "round $run (load $(cut -d' ' -f1 /proc/loadavg)):"
  for tool in "${cold_tools[@]}"; do
    # Each tool's own output and caches only (deleting ours before Hugo's run would make our no-change run cold).
    case "$tool" in
      ours) rm -rf "$work/site" "$work/target" ;;
      hugo) rm -rf "$hugo_site/public" "$hugo_site/resources" ;;
      nocache) rm -rf "$work/site-nocache" ;;
      floorw) rm -rf "$work/floorw-out" ;;
    esac
    measure "$tool" cold
  done
  [[ -n "${BENCH_COLD_ONLY:-}" ]] && continue
  for tool in "${tools[@]}"; do measure "$tool" no-change; done
  printf '\nEdited in round %s.\n' "$run" >>"$edited"
  if [[ -d "$hugo_site" ]]; then cp "$edited" "$hugo_site/content/${edited#"$work/content/"}"; fi
  for tool in "${tools[@]}"; do measure "$tool" edit; done
done

echo "medians over $runs rounds ($mode, $pages pages; wall / CPU in s, peak RSS in MiB, output in KiB):"
awk -v have_hugo="${#tools[@]}" '
  function median(list,   n, a, i, j, t) {
    n = split(list, a, " ")
    for (i = 1; i <= n; i++) for (j = i + 1; j <= n; j++) if (a[j] + 0 < a[i] + 0) { t = a[i]; a[i] = a[j]; a[j] = t }
    return n % 2 ? a[(n + 1) / 2] : (a[n / 2] + a[n / 2 + 1]) / 2
  }
  { key = $1 " " $2; wall[key] = wall[key] " " $3; cpu[key] = cpu[key] " " $4; rss[key] = rss[key] " " $5; size[key] = $6; seen[$2] = 1 }
  END {
    split("cold no-change edit", scenarios, " ")
    for (s = 1; s <= 3; s++) {
      sc = scenarios[s]; o = "ours " sc; h = "hugo " sc
      if (!(sc in seen)) continue
      line = sprintf("  %-9s ours wall %6.2f CPU %6.2f RSS %5d out %6d", sc, median(wall[o]), median(cpu[o]), median(rss[o]), size[o])
      if (have_hugo == 2) {
        line = line sprintf(" | hugo wall %6.2f CPU %6.2f RSS %5d out %6d | ratio ours/hugo wall %.2f CPU %.2f", median(wall[h]), median(cpu[h]),
          median(rss[h]), size[h], median(wall[o]) / median(wall[h]), median(cpu[o]) / median(cpu[h]))
      }
      print line
    }
    # Wall time drifts between rounds: the ratio within each round (tools run back to back) says more than medians alone.
    if (have_hugo == 2 && "cold" in seen) {
      n = split(wall["ours cold"], ow, " "); split(wall["hugo cold"], hw, " ")
      line = "  cold wall ratio ours/hugo by round:"
      for (i = 1; i <= n; i++) line = line sprintf(" %.2f", ow[i] / hw[i])
      print line
    }
    split("nocache floor floorw", extras, " ")
    label["nocache"] = "ours with --no-cache, cold:"; label["floor"] = "flexmark alone, cold:"; label["floorw"] = "flexmark, pages written, cold:"
    for (e = 1; e <= 3; e++) {
      x = extras[e] " cold"
      if (!(x in wall)) continue
      line = sprintf("  %-9s %s wall %6.2f CPU %6.2f RSS %5d", extras[e], label[extras[e]], median(wall[x]), median(cpu[x]), median(rss[x]))
      if (have_hugo == 2) {
        line = line sprintf(" | ratio %s/hugo wall %.2f CPU %.2f; by round:", extras[e], median(wall[x]) / median(wall["hugo cold"]), median(cpu[x]) / median(cpu["hugo cold"]))
        n = split(wall[x], xw, " "); split(wall["hugo cold"], hw, " ")
        for (i = 1; i <= n; i++) line = line sprintf(" %.2f", xw[i] / hw[i])
      }
      print line
    }
  }' "$results"
