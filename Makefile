# Parallax — see README.md. `make run` serves the widget; `make test` runs every test.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

# Tools installed by scripts/setup.sh: wasm-opt lives in the project, cargo tools in ~/.cargo/bin.
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_OFFLINE := true

.PHONY: run test dist sizes bench setup setup-test clean

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

## Build the release bundle and serve it on http://127.0.0.1:8080
run: setup
	@echo "Parallax: building, then serving on http://127.0.0.1:8080 (Ctrl-C stops)"
	trunk serve --release

## Release build into dist/, plus dist/parallax.html (one file), dist/parallax-embed.js, dist/examples/
dist: setup
	@scripts/dist.sh

## Raw / gzip / brotli sizes of what ships; fails above the budget (served 150 KB, single file 180 KB gzip)
sizes: dist
	@scripts/sizes.sh

## fmt, clippy (native + wasm), native tests, browser tests, end-to-end tests; one summary line
test: setup-test
	@scripts/test.sh

## Engine and browser timings
bench: setup-test
	@scripts/bench.sh

clean:
	cargo clean
	rm -rf dist test-output
