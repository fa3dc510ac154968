#!/usr/bin/env bash
# Builds the strings demo into dist/:
#   shout.wasm                     standalone module: shout, malloc, free (page wires it by hand)
#   shout_glue.js + .wasm          the same C behind Emscripten's glue, as a factory function
#                                  (MODULARIZE) with ccall/cwrap and UTF8ToString
#
# Finds emcc on PATH, under $EMSDK, or as Debian's /usr/bin/emcc. Each output is
# rebuilt only when its source or this script is newer; FORCE=1 rebuilds all.
set -euo pipefail

demo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$demo_dir/dist"
src="$demo_dir/c/shout.c"

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

# up_to_date OUTPUT: true when OUTPUT is newer than the C source and this script.
up_to_date() {
  [[ -z "${FORCE:-}" && -f "$1" && "$1" -nt "$src" && "$1" -nt "${BASH_SOURCE[0]}" ]]
}

mkdir -p "$dist"

# The allocator is C code inside the module, so JavaScript needs malloc and free exported
# to place the input in linear memory and to release the result.
if up_to_date "$dist/shout.wasm"; then
  echo "up to date: dist/shout.wasm"
else
  # region: standalone
  "$emcc_bin" -O2 "$src" -o "$dist/shout.wasm" --no-entry \
    -s EXPORTED_FUNCTIONS=_shout,_malloc,_free
  # endregion: standalone
  echo "built: dist/shout.wasm ($(wc -c <"$dist/shout.wasm") bytes)"
fi

# MODULARIZE wraps the glue in a factory, createShoutModule(settings), that returns a promise
# of the module; settings such as print go in as an argument instead of a global Module.
if up_to_date "$dist/shout_glue.wasm"; then
  echo "up to date: dist/shout_glue.js, dist/shout_glue.wasm"
else
  # region: glue
  "$emcc_bin" -O2 "$src" -o "$dist/shout_glue.js" \
    -s MODULARIZE=1 -s EXPORT_NAME=createShoutModule \
    -s EXPORTED_FUNCTIONS=_shout_cstr,_shout_print,_malloc,_free \
    -s EXPORTED_RUNTIME_METHODS=ccall,cwrap,UTF8ToString \
    -s ENVIRONMENT=web
  # endregion: glue
  echo "built: dist/shout_glue.js, dist/shout_glue.wasm ($(wc -c <"$dist/shout_glue.wasm") bytes)"
fi
