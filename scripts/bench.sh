#!/usr/bin/env bash
# `make bench`: runs every benchmark under scripts/bench/ in name order; each prints its figures.
# The latest figures, with the command that produced them, live in docs/PERFORMANCE.md.
set -euo pipefail
cd "$(dirname "$0")/.."
for bench in scripts/bench/*.sh; do
  [ -e "$bench" ] || continue
  printf '\n== %s\n' "$bench"
  bash "$bench"
done
