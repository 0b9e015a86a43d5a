#!/usr/bin/env node
// Turns trunk's release output in dist/ into dist/parallax.html: one file that opens from disk
// (file://) with the network off. Trunk's loader fetches the wasm, which a file:// page may not do,
// so this inlines everything: the page's CSS, boot.js, the wasm-bindgen glue with the snippet
// modules it imports, and the wasm, gzip-compressed and base64-encoded, inflated in the browser
// (DecompressionStream) and handed to the glue's init as bytes. Compressing first matters: base64
// hides the wasm's byte patterns from the server's gzip, so plain base64 cost ~25 % more on the wire
// and 2.2× the bytes on disk.
//
// Generic on purpose: it reads whatever trunk wrote (script names, snippets, stylesheets) rather
// than knowing the view's files, and fails loudly on anything it cannot inline safely, so a change
// upstream breaks the build instead of shipping a file that quietly needs the network.
//
// It also puts a Content-Security-Policy <meta> into the file, made of the sha256 hashes of its own
// inline script(s) and style(s), and writes that policy to dist/parallax.html.csp for hosts that
// serve the file (the LMS iframe). Usage: node scripts/single-file.mjs [dist-dir] [output]
// (defaults: dist, <dist-dir>/parallax.html; scripts/dist.sh runs it for the reader build and,
// with `dist/studio dist/parallax-studio.html`, for the studio build).
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import { gzipSync } from "node:zlib";
import { createHash } from "node:crypto";
import { join, resolve, dirname, extname } from "node:path";
import { pathToFileURL } from "node:url";

const DIST = resolve(process.argv[2] || "dist");
const OUT = resolve(process.argv[3] || join(DIST, "parallax.html"));

/** Attributes the element observes; `?name=value` in the file's URL sets them (the iframe embed). */
const URL_ATTRIBUTES = ["question", "authors", "blind", "theme", "height", "highlights"];

/**
 * Browser check shared with the embed (plain ES5, so it runs where the rest would not): why this
 * browser cannot run Parallax, or "" when it can. The wasm uses reference types (externref
 * table), bulk memory and multi-value (Chrome 96); the widget adopts constructable stylesheets
 * (Safari 16.4); the single file inflates its wasm with DecompressionStream (Firefox 113).
 */
export const BROWSER_CHECK = `function parallaxUnsupported() {
  var needs = "needs Chrome 96, Firefox 113, Safari 16.4 or newer";
  var module = [0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 111, 3, 2, 1, 0, 10, 6, 1, 4, 0, 208, 111, 11];
  if (typeof WebAssembly !== "object" || !WebAssembly.validate(new Uint8Array(module))) {
    return "this browser cannot run its WebAssembly (" + needs + ").";
  }
  if (!("adoptedStyleSheets" in Document.prototype) || typeof DecompressionStream !== "function") {
    return "this browser is too old for it (" + needs + ").";
  }
  return "";
}`;

/** Stops the build with a message naming what could not be inlined. */
function fail(message) {
  throw new Error(`single-file: ${message}`);
}

function read(path, encoding = "utf8") {
  if (!existsSync(path)) fail(`${path} is missing (run \`trunk build --release\` first)`);
  return readFileSync(path, encoding);
}

/** A relative URL from the page → a file in dist/; absolute and data: URLs are not ours. */
function local(url) {
  if (/^([a-z][a-z0-9+.-]*:|\/\/|#)/i.test(url)) return null;
  return join(DIST, decodeURIComponent(url.replace(/[?#].*$/, "")));
}

/** Inline content may not close its own element early; base64 and our JS never contain these. */
function checkInline(text, tag, what) {
  if (new RegExp(`</${tag}`, "i").test(text) || /<!--/.test(text)) {
    fail(`${what} contains "</${tag}" or "<!--"; it cannot be inlined as is`);
  }
  return text;
}

/**
 * Rewrites one ES module (a wasm-bindgen snippet) into an expression that evaluates it in its own
 * function scope and returns its exports. Covers the export forms a hand-written snippet uses;
 * anything else fails the build with the snippet's name.
 */
export function moduleExpression(source, name) {
  if (/^\s*import[\s{*"']/m.test(source)) fail(`${name} imports another module; inline it by hand or extend this script`);
  const exported = [];
  let body = source.replace(
    /^export\s+(async\s+function\s*\*?|function\s*\*?|class|const|let|var)\s+([A-Za-z_$][\w$]*)/gm,
    (_, kind, id) => {
      exported.push([id, id]);
      return `${kind} ${id}`;
    },
  );
  body = body.replace(/^export\s*\{([^}]*)\}\s*;?/gm, (_, list) => {
    for (const item of list.split(",").map((s) => s.trim()).filter(Boolean)) {
      const [local, as = local] = item.split(/\s+as\s+/);
      exported.push([local, as]);
    }
    return "";
  });
  if (/^\s*export\b/m.test(body)) fail(`${name} has an export form this script does not rewrite (e.g. export default)`);
  const fields = exported.map(([local, as]) => `${JSON.stringify(as)}: ${local}`).join(", ");
  return `(() => {\n${body}\nreturn Object.freeze({ __proto__: null, ${fields} });\n})()`;
}

/** The glue with each `import … from "./snippets/…"` replaced by the inlined snippet module. */
function inlineGlue(gluePath) {
  const glue = read(gluePath);
  const rewritten = glue.replace(
    /^import\s+(.+?)\s+from\s+["'](\.\/snippets\/[^"']+)["'];?[ \t]*$/gm,
    (_, clause, spec) => {
      const path = join(dirname(gluePath), spec);
      const module = moduleExpression(read(path), spec);
      const namespace = clause.match(/^\*\s+as\s+([A-Za-z_$][\w$]*)$/);
      if (namespace) return `const ${namespace[1]} = ${module};`;
      const named = clause.match(/^\{([^}]*)\}$/);
      if (named) {
        const binds = named[1].split(",").map((s) => s.trim()).filter(Boolean)
          .map((b) => b.replace(/\s+as\s+/, ": "));
        return `const { ${binds.join(", ")} } = ${module};`;
      }
      return fail(`glue imports ${spec} as "${clause}", a form this script does not rewrite`);
    },
  );
  if (/^\s*import[\s{*"']/m.test(rewritten)) fail("the glue still imports a module after inlining the snippets");
  // The async init is the glue's default export: `export { initSync, __wbg_init as default };`.
  const init = rewritten.match(/export\s*\{[^}]*?\b([A-Za-z_$][\w$]*)\s+as\s+default\b/);
  if (!init) fail("could not find the glue's default export (its async init function)");
  return { code: rewritten, init: init[1] };
}

/** Where trunk put the glue and the wasm: read from its loader script in index.html. */
export function trunkOutput(html) {
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!loader) fail("dist/index.html has no trunk loader <script type=\"module\">");
  const js = loader[1].match(/from\s+['"]\.\/([^'"]+\.js)['"]/);
  const wasm = loader[1].match(/['"]\.\/([^'"]+\.wasm)['"]/);
  if (!js || !wasm) fail("could not find the glue .js and the .wasm in trunk's loader script");
  return { loader: loader[0], js: js[1], wasm: wasm[1] };
}

function sha256(text) {
  return `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
}

function build() {
  const html = read(join(DIST, "index.html"));
  const trunk = trunkOutput(html);
  const glue = inlineGlue(join(DIST, trunk.js));
  const wasm = read(join(DIST, trunk.wasm), null);

  // One module: glue first (it declares the init), then the start-up that feeds it the bytes.
  // `?question=…&blind` in the URL become attributes before the element upgrades, so an iframe
  // can choose what it shows; the view's own #hash permalink is left to the view.
  const module = checkInline(
    `${glue.code}
const PARALLAX_WASM_GZIP = "${gzipSync(wasm, { level: 9 }).toString("base64")}";
${BROWSER_CHECK}
{
  // Thrown at the top level, this reaches boot.js, which puts it in place of the widget.
  const unsupported = parallaxUnsupported();
  if (unsupported) throw new Error(unsupported);
  const params = new URLSearchParams(location.search);
  const element = document.querySelector("parallax-compare");
  if (element) {
    for (const name of ${JSON.stringify(URL_ATTRIBUTES)}) {
      if (params.has(name)) element.setAttribute(name, params.get(name));
    }
  }
  const text = atob(PARALLAX_WASM_GZIP);
  const packed = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) packed[i] = text.charCodeAt(i);
  const inflated = new Blob([packed]).stream().pipeThrough(new DecompressionStream("gzip"));
  const bytes = new Uint8Array(await new Response(inflated).arrayBuffer());
  const wasm = await ${glue.init}({ module_or_path: bytes });
  dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm } }));
}
`,
    "script",
    "the glue",
  );

  const scripts = [];
  const styles = [];
  let page = html.replace(trunk.loader, () => {
    scripts.push(module);
    return `<script type="module">${module}</script>`;
  });
  // Preloads would make the browser fetch files that are now inside the page.
  page = page.replace(/<link\b[^>]*\brel=["']?(modulepreload|preload)\b[^>]*>/gi, "");
  page = page.replace(/<link\b[^>]*\brel=["']?stylesheet\b[^>]*>/gi, (tag) => {
    const href = tag.match(/\bhref=["']?([^"'\s>]+)/);
    const path = href && local(href[1]);
    if (!path) return tag;
    return `<style>${checkInline(read(path), "style", href[1])}</style>`;
  });
  page = page.replace(/<script\b([^>]*)\bsrc=["']?([^"'\s>]+)["']?([^>]*)><\/script>/gi, (tag, before, src, after) => {
    const path = local(src);
    if (!path) return tag;
    if (/\btype=["']?module/i.test(before + after)) fail(`${src} is a module script; only classic scripts are inlined as is`);
    return `<script>${checkInline(read(path), "script", src)}</script>`;
  });
  page = page.replace(/<link\b[^>]*\brel=["']?(?:icon|shortcut icon|apple-touch-icon)["']?[^>]*>/gi, (tag) => {
    const href = tag.match(/\bhref=["']?([^"'\s>]+)/);
    const path = href && local(href[1]);
    if (!path) return tag;
    const type = { ".svg": "image/svg+xml", ".png": "image/png", ".ico": "image/x-icon" }[extname(path)];
    if (!type) fail(`icon ${href[1]} has a type this script does not inline`);
    return tag.replace(href[1], `data:${type};base64,${read(path, null).toString("base64")}`);
  });

  // Anything still pointing at a file in dist/ would need a server (or fail on file://).
  for (const m of page.matchAll(/<(script|link|img|source|iframe|video|audio)\b[^>]*\b(?:src|href)=["']?([^"'\s>]+)/gi)) {
    if (local(m[2])) fail(`<${m[1]}> still refers to ${m[2]}; the single file must not need other files`);
  }

  for (const m of page.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/gi)) {
    if (m[1].trim() && !scripts.includes(m[1])) scripts.push(m[1]);
  }
  for (const m of page.matchAll(/<style\b[^>]*>([\s\S]*?)<\/style>/gi)) styles.push(m[1]);

  // The file's own policy: only its inline code runs, nothing is fetched. Constructable
  // stylesheets (the widget's CSS) are not subject to style-src.
  const policy = [
    "default-src 'none'",
    `script-src ${scripts.map(sha256).join(" ")} 'wasm-unsafe-eval'`,
    `style-src ${styles.length ? styles.map(sha256).join(" ") : "'none'"}`,
    "img-src data:",
    "base-uri 'none'",
    "form-action 'none'",
  ].join("; ");
  // After <meta charset> (which must come first), else at the top of <head>.
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
  page = /<meta charset[^>]*>/i.test(page)
    ? page.replace(/<meta charset[^>]*>/i, (m) => `${m}\n  ${meta}`)
    : page.replace(/<head>/i, (m) => `${m}\n  ${meta}`);
  if (!page.includes(meta)) fail("dist/index.html has no <head> to put the policy in");

  writeFileSync(OUT, page);
  writeFileSync(`${OUT}.csp`, `${policy}\n`);
  console.log(`single-file: wrote ${OUT} (${page.length.toLocaleString("en")} bytes)`);
  console.log(`single-file: Content-Security-Policy: ${policy}`);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    build();
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
