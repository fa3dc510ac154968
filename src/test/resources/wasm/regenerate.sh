#!/usr/bin/env bash
# Rebuilds the test modules from their .wat sources (needs wabt: apt-get install wabt).
# The .wasm files are committed so that the tests need no wabt.
set -euo pipefail
cd "$(dirname "$0")"
for wat in *.wat; do
  wat2wasm "$wat" -o "${wat%.wat}.wasm"
done
printf '\0asm\1\0\0\0this is not a module' > malformed.wasm
