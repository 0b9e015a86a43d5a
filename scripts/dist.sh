#!/usr/bin/env bash
# `make dist`: the two release builds into dist/, each with what ships beside it.
#
# The reader build (index.html: the comparison, no editing tools; what an embedded widget is):
#   dist/index.html, boot.js, parallax-<hash>.js, parallax-<hash>_bg.wasm, snippets/
#   dist/parallax-embed.js        the one <script> a host page includes (scripts/embed.mjs)
#   dist/parallax.html            one file, everything inline, opens from disk (scripts/single-file.mjs)
#   dist/parallax.html.csp        the Content-Security-Policy of that file's inline code (hashes)
# The studio build (studio.html: the same plus feature `byo`, the panel to add texts and questions):
#   dist/studio/                  its served bundle (index.html, glue, wasm, snippets/, parallax-embed.js)
#   dist/parallax-studio.html     its single file, and parallax-studio.html.csp
# And dist/examples/, the example host pages (examples/).
#
# The reader is built first: trunk empties its dist folder, dist/studio/ with it.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/fresh-snippets.sh
trunk build --release
# The reader links no byo.js (feature `byo` off): if it shipped one, its readers would download it.
if compgen -G 'dist/snippets/*/src/view/byo.js' >/dev/null; then
  echo "dist: the reader build holds the studio's byo.js (stale wasm-bindgen snippets?)" >&2
  exit 1
fi
scripts/fresh-snippets.sh
trunk build studio.html --release --dist dist/studio
node scripts/single-file.mjs dist
node scripts/embed.mjs dist
node scripts/single-file.mjs dist/studio dist/parallax-studio.html
node scripts/embed.mjs dist/studio
# Last: the single files and embed scripts above read the glue as wasm-bindgen writes it.
node scripts/minify.mjs dist
node scripts/minify.mjs dist/studio
rm -rf dist/examples
cp -R examples dist/examples
