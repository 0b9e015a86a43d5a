#!/usr/bin/env bash
# Engine timings (native, release profile): Engine::new + align of every question and closest
# for every passage, on the default corpus and on generated corpora of 50/100/200 documents of
# ~40 paragraphs, each with its peak memory. Figures go to docs/PERFORMANCE.md ("Engine").
set -euo pipefail
cd "$(dirname "$0")/../.."
cargo build --release --example bench --quiet
./target/release/examples/bench
