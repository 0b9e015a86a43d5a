#!/usr/bin/env bash
# What the wasm spends its bytes on, grouped by crate (for docs/PERFORMANCE.md "Size").
# Needs a release build (`make dist`) and twiggy (`cargo install twiggy --locked`, ~1 min here).
# Rebuilds the shipped wasm with names kept (wasm-bindgen, then wasm-opt -Oz -g: same code as
# dist/, plus a name section), so every function can be traced to its crate. Data segments are
# reported by content: the embedded corpus and CSS, Unicode tables, panic/format strings.
set -euo pipefail
cd "$(dirname "$0")/.."
command -v twiggy >/dev/null || { echo "size-breakdown: needs twiggy (cargo install twiggy --locked)" >&2; exit 1; }
wasm=target/wasm32-unknown-unknown/release/parallax.wasm
[ -f "$wasm" ] || { echo "size-breakdown: $wasm is missing; run \`make dist\` first" >&2; exit 1; }
out=target/size
mkdir -p "$out"
wasm-bindgen --target web --out-dir "$out" "$wasm"
wasm-opt -Oz -g "$out/parallax_bg.wasm" -o "$out/named.wasm"
wasm-opt -Oz "$out/parallax_bg.wasm" -o "$out/plain.wasm"
printf 'wasm after wasm-opt -Oz: %s bytes (with names for this analysis: %s)\n\n' \
  "$(stat -c %s "$out/plain.wasm")" "$(stat -c %s "$out/named.wasm")"
twiggy top -n 1000000 --format csv "$out/named.wasm" > "$out/top.csv"
node - "$out/top.csv" "$out/named.wasm" <<'JS'
const fs = require("fs");
const [csvPath, wasmPath] = process.argv.slice(2);
const rows = fs.readFileSync(csvPath, "utf8").trim().split("\n").slice(1).map((line) => {
  const m = line.match(/^(".*"|[^,]*),(\d+),/);
  return { name: m[1].replace(/^"|"$/g, "").replace(/""/g, '"'), size: +m[2] };
});
const seeds = fs.readdirSync("seeds").filter((f) => f.endsWith(".txt"))
  .map((f) => fs.readFileSync(`seeds/${f}`, "utf8").slice(200, 260));
const wasm = fs.readFileSync(wasmPath);
// Data segments hold no symbol; say what is in them by looking at their bytes.
function leb(i) {
  let r = 0, s = 0, x;
  do { x = wasm[i++]; r |= (x & 0x7f) << s; s += 7; } while (x & 0x80);
  return [r >>> 0, i];
}
const segments = [];
for (let i = 8; i < wasm.length;) {
  const id = wasm[i];
  const [size, start] = leb(i + 1);
  if (id === 11) {
    let [n, j] = leb(start);
    while (n--) {
      let flag; [flag, j] = leb(j);
      if (flag === 0) { while (wasm[j] !== 0x0b) j++; j++; }
      let len; [len, j] = leb(j);
      segments.push(wasm.subarray(j, j + len));
      j += len;
    }
  }
  i = start + size;
}
function describe(bytes) {
  const text = bytes.toString("latin1");
  const printable = [...bytes].filter((c) => c >= 32 && c < 127).length / bytes.length;
  if (seeds.some((s) => text.includes(s))) return "corpus texts + questions + widget CSS + strings";
  if (printable < 0.5 && bytes.length > 2000) return "binary tables (Unicode case mapping for to_lowercase, char escapes)";
  return "panic / format strings, small constants";
}
function dataKind(name) {
  const m = name.match(/data segment "(.*)"/);
  if (!m) return null;
  const size = rows.find((r) => r.name === name).size;
  const seg = segments.find((b) => Math.abs(b.length - size) <= 16);
  return `data: ${seg ? describe(seg) : "unknown"}`;
}
const groups = new Map();
const add = (group, size) => groups.set(group, (groups.get(group) || 0) + size);
for (const { name, size } of rows) {
  if (name.includes("function names") || name.includes("names\" subsection") || /^"?name"? custom/.test(name)) continue;
  if (dataKind(name)) { add(dataKind(name), size); continue; }
  const crate = (name.match(/(?:^|[<\s(&*])([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/) || [])[1];
  if (crate) add(crate === "parallax" ? `parallax::${(name.match(/parallax::([a-z_]+)/) || [, "?"])[1]}` : crate, size);
  else if (/^(func|elem|type|import|export|table|memory|global|code|data)/.test(name) || /section|table|shim|__wbindgen|__externref|__wbg/.test(name)) add("wasm-bindgen glue & sections", size);
  else add("other", size);
}
const total = [...groups.values()].reduce((a, b) => a + b, 0);
console.log("bytes    share  group (wasm after -Oz, name section excluded)");
for (const [g, s] of [...groups].sort((a, b) => b[1] - a[1])) {
  console.log(`${String(s).padStart(6)}  ${(100 * s / total).toFixed(1).padStart(5)}%  ${g}`);
}
console.log(`${String(total).padStart(6)}  100.0%  total`);
const text = wasm.toString("latin1");
console.log(`\nembedded corpus texts found in the data: ${seeds.filter((s) => text.includes(s)).length}/${seeds.length}`);
JS
