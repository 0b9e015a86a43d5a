#!/usr/bin/env bash
# Engine timings (native, release profile): Engine::new, + align of the first question (the
# widget's first render), + align of every question, and closest per passage (every passage of
# the default corpus; ~200 sampled passages of each generated corpus), on the default corpus and
# on generated corpora of 50/100/200 documents of ~40 paragraphs, each with its peak memory, and
# how new + align grows per doubling. Figures go to docs/PERFORMANCE.md ("Engine").
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --example bench --quiet
./target/release/examples/bench
# Instruction counts do not depend on the machine's load: the figure to compare across runs.
if command -v valgrind > /dev/null; then
  count() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null ./target/release/examples/bench --once "$1" 2>&1 \
      | sed -n 's/.*Collected : \([0-9]*\).*/\1/p'
  }
  first=$(count first) all=$(count all) closest=$(count closest)
  echo "default corpus, instructions (callgrind): new + align first question $first; new + align all questions $all; closest for every passage $((closest - all))"
else
  echo "(valgrind not installed: no instruction counts)"
fi
