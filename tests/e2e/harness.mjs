// Shared pieces of the end-to-end tests: a static server for dist/ that each test file starts and
// stops itself, and Debian's Chromium driven by playwright-core.
import { createServer } from "node:http";
import { readFile, mkdir } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";
import { chromium } from "playwright-core";

export const ROOT = resolve(import.meta.dirname, "../..");
export const DIST = join(ROOT, "dist");
export const OUTPUT = join(ROOT, "test-output");

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".css": "text/css",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".png": "image/png",
  ".svg": "image/svg+xml",
};

/** Serves `dir` on 127.0.0.1 at a free port; `headers(path)` may add response headers. */
export async function serve(dir = DIST, headers = () => ({})) {
  const server = createServer(async (req, res) => {
    const path = decodeURIComponent(new URL(req.url, "http://x").pathname);
    const file = normalize(join(dir, path.endsWith("/") ? path + "index.html" : path));
    if (!file.startsWith(dir)) {
      res.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      res.writeHead(200, {
        "content-type": TYPES[extname(file)] || "application/octet-stream",
        ...headers(path),
      });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const url = `http://127.0.0.1:${server.address().port}/`;
  return { url, close: () => new Promise((ok) => server.close(ok)) };
}

/** Headless Debian Chromium; never downloads a browser. */
export function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** A page that records console errors and page errors into `page.problems` (warnings, such as
 * Chromium's note that `integrity` is ignored on a wasm preload, go to `page.warnings`). */
export async function newPage(browser, options = {}) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, ...options });
  page.problems = [];
  page.warnings = [];
  page.on("console", (msg) => {
    if (msg.type() === "error") page.problems.push(`${msg.type()}: ${msg.text()} ${JSON.stringify(msg.location())}`);
    if (msg.type() === "warning") page.warnings.push(msg.text());
  });
  page.on("pageerror", (err) => page.problems.push(`pageerror: ${err.message}`));
  return page;
}

/** Saves a screenshot under test-output/ (ignored by git) and returns its path. */
export async function screenshot(page, name) {
  await mkdir(OUTPUT, { recursive: true });
  const path = join(OUTPUT, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}
