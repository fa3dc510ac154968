#!/usr/bin/env bash
# Builds dist/add_and_log.wasm from c/add_and_log.c with emcc.
#
# Finds emcc on PATH, under $EMSDK, or as Debian's /usr/bin/emcc. Skips the
# compile when the module is newer than its source and this script; set
# FORCE=1 to rebuild anyway.
set -euo pipefail

demo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
src="$demo_dir/c/add_and_log.c"
out="$demo_dir/dist/add_and_log.wasm"

find_emcc() {
  if command -v emcc >/dev/null 2>&1; then command -v emcc; return; fi
  if [[ -n "${EMSDK:-}" && -x "$EMSDK/upstream/emscripten/emcc" ]]; then
    echo "$EMSDK/upstream/emscripten/emcc"; return
  fi
  if [[ -x /usr/bin/emcc ]]; then echo /usr/bin/emcc; return; fi
  return 1
}

if ! emcc_bin="$(find_emcc)"; then
  echo "error: emcc (Emscripten) was not found on PATH, under \$EMSDK, or at /usr/bin/emcc." >&2
  echo "hint: on Debian/Ubuntu run 'sudo apt-get install emscripten'; elsewhere install the emsdk" >&2
  echo "      (https://emscripten.org/docs/getting_started/downloads.html) and 'source emsdk_env.sh'." >&2
  exit 2
fi

# Debian's emcc runs on the system Node and needs Debian's JS modules (acorn).
if [[ "$(readlink -f "$emcc_bin")" == /usr/share/emscripten/* && -z "${NODE_PATH:-}" ]]; then
  export NODE_PATH=/usr/share/nodejs
fi

if [[ -z "${FORCE:-}" && -f "$out" && "$out" -nt "$src" && "$out" -nt "${BASH_SOURCE[0]}" ]]; then
  echo "up to date: ${out#"$demo_dir"/}"
  exit 0
fi

mkdir -p "$demo_dir/dist"
# region: compile
# --no-entry: a library module, no main(). The import log_value stays undefined
# at link time on purpose, so undefined symbols must not be an error.
"$emcc_bin" -O2 "$src" -o "$out" \
  --no-entry \
  -Wl,--export=add_and_log \
  -sERROR_ON_UNDEFINED_SYMBOLS=0
# endregion: compile
echo "built: ${out#"$demo_dir"/} ($(wc -c <"$out") bytes)"
