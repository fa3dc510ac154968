#!/usr/bin/env bash
# Removes the minimal demo's build output (dist/).
set -euo pipefail
demo_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
rm -rf "$demo_dir/dist"
echo "removed: dist/"
