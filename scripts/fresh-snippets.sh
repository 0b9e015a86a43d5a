#!/usr/bin/env bash
# Removes wasm-bindgen's snippets folder before a trunk build. Trunk runs wasm-bindgen into
# <target>/wasm-bindgen/release (or debug) without emptying it, then copies its whole
# snippets/ folder into dist and preloads every file in it: after a studio build, a reader build
# would ship (and make every reader download) the studio's byo.js. Called before each
# `trunk build` / `trunk serve` by scripts/dist.sh, the Makefile and the bench scripts.
set -euo pipefail
cd "$(dirname "$0")/.."
target=$(cargo metadata --format-version 1 --no-deps --offline 2>/dev/null \
  | node -e 'let s = ""; process.stdin.on("data", (d) => (s += d)).on("end", () => console.log(JSON.parse(s).target_directory))' \
  || echo target)
rm -rf "$target/wasm-bindgen/release/snippets" "$target/wasm-bindgen/debug/snippets"
