#!/usr/bin/env bash
# What the wasm spends its bytes on, by crate (for docs/PERFORMANCE.md "Size").
#   code: twiggy over the shipped wasm rebuilt with names kept (wasm-bindgen, then wasm-opt -Oz -g:
#         the same code as dist/, plus a name section), each function traced to its crate;
#   data: wasm-ld's link map (data segments carry no names in the wasm), each static traced to the
#         crate that defined it, with the largest named ones listed.
# Needs twiggy (`cargo install twiggy --locked`, ~1 min here). Builds the release wasm once more with
# a link map into target/size/ (~2 min the first time: a separate target dir, so dist/ is untouched).
set -euo pipefail
cd "$(dirname "$0")/.."
command -v twiggy >/dev/null || { echo "size-breakdown: needs twiggy (cargo install twiggy --locked)" >&2; exit 1; }
out=$PWD/target/size
mkdir -p "$out"
RUSTFLAGS="-C link-arg=--Map=$out/link.map" CARGO_TARGET_DIR="$out/build" \
  cargo build --quiet --profile web --lib --target wasm32-unknown-unknown --no-default-features
wasm-bindgen --target web --out-dir "$out" "$out/build/wasm32-unknown-unknown/web/parallax.wasm"
# The same wasm-opt flags as trunk's release build (index.html), so plain.wasm is the shipped wasm.
read -ra params < <(sed -n 's/.*data-wasm-opt-params="\([^"]*\)".*/\1/p' index.html)
wasm-opt -Oz "${params[@]}" -g "$out/parallax_bg.wasm" -o "$out/named.wasm"
wasm-opt -Oz "${params[@]}" "$out/parallax_bg.wasm" -o "$out/plain.wasm"
twiggy top -n 1000000 --format csv "$out/named.wasm" > "$out/top.csv"
node - "$out" <<'JS'
const fs = require("fs");
const out = process.argv[2];
const wasm = fs.readFileSync(`${out}/plain.wasm`);
// The same measure as sizes.sh (node's zlib at level 9 comes out ~4 KB larger than gzip -9).
const gzip = +require("child_process").execSync(`gzip -9 -n -c ${out}/plain.wasm | wc -c`);
console.log(`wasm after wasm-opt -Oz: ${wasm.length} bytes raw, ${gzip} gzip -9\n`);

// Code: twiggy's functions by crate (data segments and the name section are counted below / not shipped).
const code = new Map();
let sections = 0;
for (const line of fs.readFileSync(`${out}/top.csv`, "utf8").trim().split("\n").slice(1)) {
  const m = line.match(/^(".*"|[^,]*),(\d+),/);
  const name = m[1].replace(/^"|"$/g, "").replace(/""/g, '"');
  const size = +m[2];
  if (/^data segment|names" subsection|^"?name"? section/.test(name)) continue;
  const crate = (name.match(/(?:^|[<\s(&*])([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/) || [])[1];
  if (!crate) { sections += size; continue; }
  const key = crate === "parallax" ? `parallax::${(name.match(/parallax::([a-z_]+)/) || [, "?"])[1]}` : crate;
  code.set(key, (code.get(key) || 0) + size);
}
code.set("(wasm-bindgen shims, types, imports, exports, tables)", sections);

// Data: the DATA part of the link map; each input section line names the object (crate) it came from.
const map = fs.readFileSync(`${out}/link.map`, "utf8").split("\n");
const start = map.findIndex((l) => /\sDATA\s*$/.test(l));
const data = new Map();
const items = [];
let crate = "?";
for (const line of map.slice(start + 1)) {
  const p = line.trim().split(/\s+/);
  if (p.length === 4 && /^[A-Z_]+(\(.*\))?$/.test(p[3])) break; // the next output section
  if (p.length < 4) continue;
  const size = parseInt(p[2], 16);
  const name = p.slice(3).join(" ");
  const lib = name.match(/lib([a-z_0-9]+)-[0-9a-f]+\.rlib|deps\/([a-z_0-9]+)\.[a-z_0-9]+\.[0-9a-f]+-cgu/);
  if (lib || name.startsWith("<internal>")) {
    crate = lib ? lib[1] || lib[2] : "(linker)";
    data.set(crate, (data.get(crate) || 0) + size);
    continue;
  }
  if (!name.startsWith(".") && !name.startsWith("<")) items.push([size, crate, name]);
  else if (name.startsWith(".Lanon")) items.push([size, crate, "(anonymous constant)"]);
}

const table = (title, rows) => {
  const total = rows.reduce((a, [, s]) => a + s, 0);
  console.log(`${title}\n  bytes   share`);
  for (const [k, s] of rows.sort((a, b) => b[1] - a[1])) {
    if (s >= 200) console.log(`${String(s).padStart(7)}  ${(100 * s / total).toFixed(1).padStart(5)}%  ${k}`);
  }
  console.log(`${String(total).padStart(7)}  100.0%  total (rows under 200 bytes not shown)\n`);
};
table("CODE by crate (after wasm-opt -Oz)", [...code]);
table("DATA by crate (static data, from the link map)", [...data]);
console.log("largest static data items");
for (const [size, crate, name] of items.sort((a, b) => b[0] - a[0]).slice(0, 10)) {
  console.log(`${String(size).padStart(7)}  ${crate}: ${name}`);
}
JS
