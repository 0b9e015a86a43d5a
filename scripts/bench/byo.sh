#!/usr/bin/env bash
# "Bring your own" timings in headless Chromium (see docs/PERFORMANCE.md "Bring your own"):
# realign after adding a 5,000-word text (budget 200 ms) and with 30 documents (budget 1 s),
# read from what the widget records with performance.now() (`parallaxTimings.realign`: the
# engine rebuilt, the question aligned, the widget redrawn with layout), on the studio build
# (dist/studio/: the element methods are feature `byo`). Builds it if dist/studio/ is missing or
# older than the sources. RUNS=N page loads (default 5);
# STRICT=1 exits non-zero when a median is over its budget.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_OFFLINE=true
newest_source=$(find src style.css studio.html boot.js Cargo.toml -newer dist/studio/index.html 2>/dev/null | head -1 || true)
if [ ! -f dist/studio/index.html ] || [ -n "$newest_source" ]; then
  echo "byo bench: building the studio bundle (trunk build studio.html --release --dist dist/studio)"
  scripts/fresh-snippets.sh
  trunk build studio.html --release --dist dist/studio >/dev/null
fi
node scripts/bench/byo.mjs
