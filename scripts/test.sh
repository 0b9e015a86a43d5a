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

step "cargo fmt --check" cargo fmt --check
step "clippy (native)" cargo clippy --all-targets --locked -- -D warnings
step "clippy (wasm32)" cargo clippy --all-targets --locked --target wasm32-unknown-unknown -- -D warnings
step "native tests" cargo test --locked
step "browser tests (wasm-bindgen-test, headless Chromium)" \
  cargo test --locked --target wasm32-unknown-unknown --test browser
step "release build (trunk, single file, embed)" scripts/dist.sh
step "size budget" scripts/sizes.sh
step "end-to-end tests (Playwright, Chromium)" npm run --silent e2e

printf '\n%d passed, %d failed\n' "$passed" "$failed"
[ "$failed" -eq 0 ]
