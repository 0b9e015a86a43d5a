#!/usr/bin/env bash
# `make sizes`: raw / gzip -9 / brotli (quality 11) of what a visitor downloads, and the budget:
#   served bundle (every file in dist/ a host serves: html, css, js, wasm)  ≤ 150 KB gzip
#   single file (dist/parallax.html)                                       ≤ 180 KB gzip
# 1 KB = 1000 bytes. Fails (exit 1) above either budget. Needs `make dist` first.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVED_BUDGET=${SERVED_BUDGET:-150000}
SINGLE_BUDGET=${SINGLE_BUDGET:-180000}

[ -f dist/parallax.html ] || { echo "sizes: dist/parallax.html is missing; run \`make dist\` first" >&2; exit 1; }

gz() { gzip -9 -n -c "$1" | wc -c; }
br() {
  node -e 'const z = require("zlib"), b = require("fs").readFileSync(process.argv[1]);
    process.stdout.write(String(z.brotliCompressSync(b, { params: {
      [z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length))' "$1"
}
row() { printf '%-52s %10s %10s %10s\n' "$@"; }
num() { sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta' <<<"$1"; }

# The served bundle: everything a host copies, minus the single file and the examples.
mapfile -t served < <(find dist -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.wasm' \) \
  ! -path 'dist/examples/*' ! -name 'parallax.html' | LC_ALL=C sort)

row "artifact" "raw" "gzip -9" "brotli"
raw_total=0 gz_total=0 br_total=0
for f in "${served[@]}"; do
  r=$(stat -c %s "$f") g=$(gz "$f") b=$(br "$f")
  raw_total=$((raw_total + r)) gz_total=$((gz_total + g)) br_total=$((br_total + b))
  row "${f#dist/}" "$(num "$r")" "$(num "$g")" "$(num "$b")"
done
row "served bundle (${#served[@]} files, sum)" "$(num $raw_total)" "$(num $gz_total)" "$(num $br_total)"
s=dist/parallax.html
single_raw=$(stat -c %s "$s") single_gz=$(gz "$s") single_br=$(br "$s")
row "single file (parallax.html)" "$(num "$single_raw")" "$(num "$single_gz")" "$(num "$single_br")"

status=0
check() {
  local what=$1 size=$2 budget=$3
  if [ "$size" -le "$budget" ]; then
    printf 'sizes: %s %s bytes gzip ≤ %s budget: ok\n' "$what" "$(num "$size")" "$(num "$budget")"
  else
    printf 'sizes: %s %s bytes gzip is OVER the %s budget\n' "$what" "$(num "$size")" "$(num "$budget")" >&2
    status=1
  fi
}
check "served bundle" "$gz_total" "$SERVED_BUDGET"
check "single file" "$single_gz" "$SINGLE_BUDGET"
exit $status
