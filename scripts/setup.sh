#!/usr/bin/env bash
# Installs what Parallax needs and is missing; skips what is already there at the right version.
#   scripts/setup.sh run    what `make run` and `make dist` need (wasm target, trunk,
#                           wasm-bindgen-cli, wasm-opt)
#   scripts/setup.sh test   the above plus chromium and chromedriver
# Both install the npm packages (package-lock.json): terser for `make dist`, and the test tools.
# Versions: ../shared/TOOLCHAIN.md records why each is pinned.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
BINARYEN_VERSION=132.0.0
TOOLS="$PWD/.tools"
what=${1:-run}

say() { printf 'setup: %s\n' "$*"; }

# wasm-bindgen-cli must equal the wasm-bindgen in Cargo.lock, or the glue and the wasm disagree.
locked_bindgen() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock
}

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if [ "$(trunk --version 2>/dev/null)" != "trunk $TRUNK_VERSION" ]; then
  say "installing trunk $TRUNK_VERSION (takes ~6 minutes on 2 cores)"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi

BINDGEN_VERSION=$(locked_bindgen)
if [ "$(wasm-bindgen --version 2>/dev/null)" != "wasm-bindgen $BINDGEN_VERSION" ]; then
  say "installing wasm-bindgen-cli $BINDGEN_VERSION (takes ~3 minutes)"
  # Without --locked: its own lockfile wants a crate version the registry here lacks.
  cargo install wasm-bindgen-cli --version "$BINDGEN_VERSION" --force
fi

# Debian's binaryen (108) corrupts the externref table; the npm package carries version 132.
if [ "$("$TOOLS/node_modules/.bin/wasm-opt" --version 2>/dev/null | awk '{print $3}')" != "${BINARYEN_VERSION%%.*}" ]; then
  say "installing wasm-opt (binaryen $BINARYEN_VERSION) into .tools/"
  mkdir -p "$TOOLS"
  npm install --silent --no-audit --no-fund --prefix "$TOOLS" "binaryen@$BINARYEN_VERSION"
fi

if [ "$what" = test ]; then
  if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
    say "installing chromium and chromium-driver from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
  fi
fi
# terser (scripts/minify.mjs, for `make dist`) and the end-to-end test packages.
if [ ! -d node_modules ] || ! npm ls --silent >/dev/null 2>&1; then
  say "installing the npm packages from package-lock.json"
  npm ci --silent --no-audit --no-fund
fi
say "ready"
