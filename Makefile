# Parallax — see README.md. `make run` serves the widget; `make test` runs every test.
SHELL := bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := run

# Tools installed by scripts/setup.sh: wasm-opt lives in the project, cargo tools in ~/.cargo/bin.
export PATH := $(CURDIR)/.tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_OFFLINE := true

.PHONY: run studio test dist sizes bench setup setup-test clean

setup:
	@scripts/setup.sh run

setup-test:
	@scripts/setup.sh test

## The reader build (release), served on http://127.0.0.1:8080
run: setup
	@echo "Parallax: building, then serving on http://127.0.0.1:8080 (Ctrl-C stops)"
	@scripts/fresh-snippets.sh
	trunk serve --release

## The studio build (feature byo: add your own texts and questions), served on http://127.0.0.1:8081
studio: setup
	@echo "Parallax studio: building, then serving on http://127.0.0.1:8081 (Ctrl-C stops)"
	@scripts/fresh-snippets.sh
	trunk serve studio.html --release --dist dist/studio --port 8081

## Both release builds: the reader in dist/ (+ parallax.html, parallax-embed.js), the studio in
## dist/studio/ (+ dist/parallax-studio.html), and dist/examples/
dist: setup
	@scripts/dist.sh

## Raw / gzip / brotli sizes of both builds; fails above a budget (reader: served 150 KB, single
## file 180 KB gzip; studio: 200 KB, 205 KB)
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
