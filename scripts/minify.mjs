#!/usr/bin/env node
// Minifies the wasm-bindgen glue of a trunk release build in place (dist/ or dist/studio/) and
// updates its `integrity` hash in index.html. Trunk minifies neither the glue nor the snippets;
// the glue is ~27 KB of readable JavaScript that every reader downloads (−1.5 KB gzip).
// Run by scripts/dist.sh after the single file and the embed script are written: both read
// the glue's import lines, which minifying puts on one line.
import { readFileSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, resolve } from "node:path";
import { minify } from "terser";
import { trunkOutput } from "./single-file.mjs";

const DIST = resolve(process.argv[2] || "dist");
const page = join(DIST, "index.html");
const html = readFileSync(page, "utf8");
const { js } = trunkOutput(html);
const path = join(DIST, js);
const before = readFileSync(path, "utf8");
const { code } = await minify(before, { module: true, compress: true, mangle: true });
if (!code || !/\bexport\b/.test(code)) {
  console.error(`minify: terser gave no module for ${path}`);
  process.exit(1);
}
writeFileSync(path, code);
const sri = (text) => `sha384-${createHash("sha384").update(text, "utf8").digest("base64")}`;
const old = sri(before);
if (!html.includes(old)) {
  console.error(`minify: ${page} does not carry the glue's integrity hash ${old}`);
  process.exit(1);
}
writeFileSync(page, html.split(old).join(sri(code)));
console.log(`minify: ${path} ${before.length} -> ${code.length} bytes`);
