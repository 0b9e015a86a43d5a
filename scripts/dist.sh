#!/usr/bin/env bash
# `make dist`: trunk's release build into dist/, then what ships beside it:
#   dist/parallax.html       one file, everything inline, opens from disk (scripts/single-file.mjs)
#   dist/parallax.html.csp   the Content-Security-Policy of that file's inline code (hashes)
#   dist/parallax-embed.js   the one <script> a host page includes (scripts/embed.mjs)
#   dist/examples/           the example host pages (examples/)
set -euo pipefail
cd "$(dirname "$0")/.."
trunk build --release
node scripts/single-file.mjs dist
node scripts/embed.mjs dist
rm -rf dist/examples
cp -R examples dist/examples
