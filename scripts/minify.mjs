#!/usr/bin/env node
// Minifies the JavaScript of a trunk release build in place (dist/ or dist/studio/): the
// wasm-bindgen glue, its snippets (element.js, byo.js), boot.js and parallax-embed.js, and
// updates the `integrity` hashes index.html carries for them. Trunk minifies none of these;
// the glue alone is ~27 KB of readable JavaScript that every reader downloads (−1.5 KB gzip),
// the others ~0.7 KB gzip together.
// Run by scripts/dist.sh after the single file and the embed script are written: both read
// the glue's import lines, which minifying puts on one line.
import { existsSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import { join, relative, resolve } from "node:path";
import { minify } from "terser";
import { trunkOutput } from "./single-file.mjs";

const DIST = resolve(process.argv[2] || "dist");
const page = join(DIST, "index.html");
let html = readFileSync(page, "utf8");
const sri = (text) => `sha384-${createHash("sha384").update(text, "utf8").digest("base64")}`;

/** Every .js file under `dir`. */
const scripts = (dir) =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? scripts(join(dir, e.name)) : e.name.endsWith(".js") ? [join(dir, e.name)] : [],
  );

/** Minifies `path` in place; `module`: an ES module (keeps its exports) rather than a script. */
async function shrink(path, { module, hashed }) {
  const before = readFileSync(path, "utf8");
  const { code } = await minify(before, { module, compress: true, mangle: true });
  if (!code || (module && /\bexport\b/.test(before) && !/\bexport\b/.test(code))) {
    console.error(`minify: terser gave no ${module ? "module" : "script"} for ${path}`);
    process.exit(1);
  }
  writeFileSync(path, code);
  const old = sri(before);
  if (html.includes(old)) {
    html = html.split(old).join(sri(code));
  } else if (hashed) {
    console.error(`minify: ${page} does not carry the integrity hash ${old} of ${path}`);
    process.exit(1);
  }
  console.log(`minify: ${relative(process.cwd(), path)} ${before.length} -> ${code.length} bytes`);
}

await shrink(join(DIST, trunkOutput(html).js), { module: true, hashed: true });
const snippets = join(DIST, "snippets");
for (const path of existsSync(snippets) ? scripts(snippets) : []) {
  await shrink(path, { module: true, hashed: true });
}
for (const name of ["boot.js", "parallax-embed.js"]) {
  if (existsSync(join(DIST, name))) await shrink(join(DIST, name), { module: false, hashed: false });
}
writeFileSync(page, html);
