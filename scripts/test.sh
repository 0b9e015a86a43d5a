#!/usr/bin/env bash
# Every test, failing on the first failure, then one summary line: "N passed, M failed".
# Called by `make test` (which has set PATH and installed what is missing).
set -uo pipefail
cd "$(dirname "$0")/.."
mkdir -p test-output
log=test-output/test.log
: > "$log"
passed=0
failed=0

step() {
  local name=$1; shift
  printf '\n== %s\n' "$name"
  if "$@" 2>&1 | tee -a "$log" | tee test-output/step.log; then
    :
  else
    printf '\nFAILED at step: %s\n' "$name"
    count
    printf '%d passed, %d failed\n' "$passed" "$((failed > 0 ? failed : 1))"
    exit 1
  fi
  count
}

# Adds the counts the step's runner printed (cargo test, wasm-bindgen-test, node --test).
count() {
  local p f
  p=$(grep -hoE '(test result: (ok|FAILED)\. [0-9]+ passed)|(^(#|ℹ) pass [0-9]+)' test-output/step.log \
      | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
  f=$(grep -hoE '([0-9]+ failed;)|(^(#|ℹ) fail [0-9]+)' test-output/step.log \
      | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
  : > test-output/step.log
}

# Two builds from one source: the reader (no feature `byo`: index.html, dist/) and the studio
# (`--features byo`: studio.html, dist/studio/). Each is linted and browser-tested on its own;
# the native modules do not depend on the feature.
step "cargo fmt --check" cargo fmt --check
step "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32, reader)" cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step "clippy (wasm32, studio: --features byo)" \
  cargo clippy --all-targets --locked --target wasm32-unknown-unknown --features byo -- -D warnings
step "native tests" cargo test --locked
step "browser tests, reader (wasm-bindgen-test, headless Chromium)" \
  cargo test --locked --target wasm32-unknown-unknown --test browser
step "browser tests, studio (--features byo)" \
  cargo test --locked --target wasm32-unknown-unknown --test browser --features byo
step "release builds (trunk: reader and studio; single files, embeds)" scripts/dist.sh
step "size budgets (reader and studio)" scripts/sizes.sh
# tests/e2e: the reader's tests on dist/, byo.test.mjs on dist/studio/, builds.test.mjs on both.
step "end-to-end tests (Playwright, Chromium)" npm run --silent e2e

printf '\n%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
