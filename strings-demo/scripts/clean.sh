#!/usr/bin/env bash
# Removes the strings demo's build output (dist/).
set -euo pipefail
rm -rf "$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)/dist"
echo "removed strings-demo/dist"
