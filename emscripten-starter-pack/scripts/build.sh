#!/usr/bin/env bash
# Builds the starter pack's two examples into dist/:
#   hello_export.wasm              a standalone module exporting add (no glue)
#   hello_stdio.js + .wasm         printf through Emscripten's generated JS glue
#   hello_stdio.wasi.wasm          the same C as a standalone WASI command (no glue)
#
# Finds emcc on PATH, under $EMSDK, or as Debian's /usr/bin/emcc. Each output is
# rebuilt only when its source or this script is newer; FORCE=1 rebuilds all.
set -euo pipefail

pack_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
dist="$pack_dir/dist"

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

# up_to_date OUTPUT SOURCE: true when OUTPUT is newer than SOURCE and this script.
up_to_date() {
  [[ -z "${FORCE:-}" && -f "$1" && "$1" -nt "$2" && "$1" -nt "${BASH_SOURCE[0]}" ]]
}

mkdir -p "$dist"

# A pure function, exported by name. Emscripten's export list uses the C symbol
# name with a leading underscore (_add); the module's export is plain "add".
# An output ending in .wasm makes a standalone module with no JS glue.
if up_to_date "$dist/hello_export.wasm" "$pack_dir/c/hello_export.c"; then
  echo "up to date: dist/hello_export.wasm"
else
  # region: export
  "$emcc_bin" -O2 "$pack_dir/c/hello_export.c" -o "$dist/hello_export.wasm" \
    --no-entry \
    -s EXPORTED_FUNCTIONS=_add
  # endregion: export
  echo "built: dist/hello_export.wasm ($(wc -c <"$dist/hello_export.wasm") bytes)"
fi

# A whole program with main() and stdio. An output ending in .js makes the JS
# glue plus hello_stdio.wasm; the glue implements the module's imports
# (fd_write, ...) and routes stdout to Module.print. ENVIRONMENT=web keeps
# only the browser code paths.
if up_to_date "$dist/hello_stdio.wasm" "$pack_dir/c/hello_stdio.c"; then
  echo "up to date: dist/hello_stdio.js, dist/hello_stdio.wasm"
else
  # region: stdio
  "$emcc_bin" -O2 "$pack_dir/c/hello_stdio.c" -o "$dist/hello_stdio.js" \
    -s ENVIRONMENT=web
  # endregion: stdio
  echo "built: dist/hello_stdio.js, dist/hello_stdio.wasm ($(wc -c <"$dist/hello_stdio.wasm") bytes)"
fi

# The same program as a standalone WASI command: an output ending in .wasm, with
# main(), gives a module that exports _start and imports only
# wasi_snapshot_preview1 functions, so any WASI runtime can run it without glue.
if up_to_date "$dist/hello_stdio.wasi.wasm" "$pack_dir/c/hello_stdio.c"; then
  echo "up to date: dist/hello_stdio.wasi.wasm"
else
  # region: wasi
  "$emcc_bin" -O2 "$pack_dir/c/hello_stdio.c" -o "$dist/hello_stdio.wasi.wasm"
  # endregion: wasi
  echo "built: dist/hello_stdio.wasi.wasm ($(wc -c <"$dist/hello_stdio.wasi.wasm") bytes)"
fi
