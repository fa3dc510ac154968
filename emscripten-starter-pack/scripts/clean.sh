#!/usr/bin/env bash
# Removes the starter pack's build output (dist/).
set -euo pipefail
pack_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rm -rf "$pack_dir/dist"
echo "removed: dist/"
