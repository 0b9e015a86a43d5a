#!/usr/bin/env bash
# Comparison-view timings in headless Chromium (see docs/PERFORMANCE.md "View"): builds the
# release bundle if dist/ is missing or older than the sources, serves it, reads the timings
# the widget records with performance.now(). RUNS=N sets the number of page loads (default 7);
# STRICT=1 exits non-zero when a median is over its budget.
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$PWD/.tools/node_modules/.bin:$HOME/.cargo/bin:$PATH" TRUNK_OFFLINE=true
newest_source=$(find src style.css index.html boot.js Cargo.toml -newer dist/index.html 2>/dev/null | head -1 || true)
if [ ! -f dist/index.html ] || [ -n "$newest_source" ]; then
  echo "view bench: building the release bundle (trunk build --release)"
  scripts/fresh-snippets.sh
  trunk build --release >/dev/null
fi
node scripts/bench/view.mjs
