#!/usr/bin/env bash
# `make sizes`: raw / gzip -9 / brotli (quality 11) of what a visitor downloads, per build, and
# the budgets (gzip):
#   reader build  served bundle (every html, css, js, wasm file in dist/ a host serves,
#                 without dist/studio/ and dist/examples/)                    ≤ 150 KB
#                 single file (dist/parallax.html)                           ≤ 180 KB
#   studio build  served bundle (the same, in dist/studio/)                   ≤ 200 KB
#                 single file (dist/parallax-studio.html)                    ≤ 205 KB
# 1 KB = 1000 bytes. Fails (exit 1) above any budget, after printing both builds. Needs
# `make dist` first.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVED_BUDGET=${SERVED_BUDGET:-150000}
SINGLE_BUDGET=${SINGLE_BUDGET:-180000}
STUDIO_SERVED_BUDGET=${STUDIO_SERVED_BUDGET:-200000}
STUDIO_SINGLE_BUDGET=${STUDIO_SINGLE_BUDGET:-205000}

for f in dist/parallax.html dist/studio/index.html dist/parallax-studio.html; do
  [ -f "$f" ] || { echo "sizes: $f is missing; run \`make dist\` first" >&2; exit 1; }
done

gz() { gzip -9 -n -c "$1" | wc -c; }
br() {
  node -e 'const z = require("zlib"), b = require("fs").readFileSync(process.argv[1]);
    process.stdout.write(String(z.brotliCompressSync(b, { params: {
      [z.constants.BROTLI_PARAM_QUALITY]: 11, [z.constants.BROTLI_PARAM_SIZE_HINT]: b.length } }).length))' "$1"
}
row() { printf '%-60s %10s %10s %10s\n' "$@"; }
num() { sed -e ':a' -e 's/\B[0-9]\{3\}\>/,&/' -e 'ta' <<<"$1"; }

status=0
results=()
check() {
  local what=$1 size=$2 budget=$3
  if [ "$size" -le "$budget" ]; then
    results+=("$(printf 'sizes: %s %s bytes gzip ≤ %s budget: ok' "$what" "$(num "$size")" "$(num "$budget")")")
  else
    results+=("$(printf 'sizes: %s %s bytes gzip is OVER the %s budget' "$what" "$(num "$size")" "$(num "$budget")")")
    status=1
  fi
}

# One build: its served files (paths under dist/, one a line on stdin), then its single file.
build() {
  local name=$1 single=$2 served_budget=$3 single_budget=$4 f r g b
  local -a served
  mapfile -t served
  printf '%s\n' "$name build"
  row "artifact" "raw" "gzip -9" "brotli"
  local raw_total=0 gz_total=0 br_total=0
  for f in "${served[@]}"; do
    r=$(stat -c %s "$f") g=$(gz "$f") b=$(br "$f")
    raw_total=$((raw_total + r)) gz_total=$((gz_total + g)) br_total=$((br_total + b))
    row "${f#dist/}" "$(num "$r")" "$(num "$g")" "$(num "$b")"
  done
  row "served bundle (${#served[@]} files, sum)" "$(num $raw_total)" "$(num $gz_total)" "$(num $br_total)"
  r=$(stat -c %s "$single") g=$(gz "$single") b=$(br "$single")
  row "single file (${single#dist/})" "$(num "$r")" "$(num "$g")" "$(num "$b")"
  echo
  check "$name served bundle" "$gz_total" "$served_budget"
  check "$name single file" "$g" "$single_budget"
}

served() {
  find "$@" -type f \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.wasm' \) | LC_ALL=C sort
}

# The reader's served bundle: everything a host copies, minus the single files, the examples
# and the studio.
build reader dist/parallax.html "$SERVED_BUDGET" "$SINGLE_BUDGET" < <(served dist \
  ! -path 'dist/examples/*' ! -path 'dist/studio/*' ! -name 'parallax.html' ! -name 'parallax-studio.html')
build studio dist/parallax-studio.html "$STUDIO_SERVED_BUDGET" "$STUDIO_SINGLE_BUDGET" < <(served dist/studio)

for line in "${results[@]}"; do
  if [[ $line == *OVER* ]]; then echo "$line" >&2; else echo "$line"; fi
done
exit $status
