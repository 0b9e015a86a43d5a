// The two builds from one source (scripts/dist.sh): the reader build in dist/ has no editing
// tools, and says so to a script that asks for them; the studio build (dist/studio/,
// dist/parallax-studio.html) has them, as a single file from disk and as an embed on a host page.
// byo.test.mjs tests the studio's panel itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { DIST, serve, launch, newPage, screenshot } from "./harness.mjs";
import { recordCspViolations, widgetText } from "./ship-support.mjs";

const METHODS = ["addText", "addQuestion", "reset", "export"];
const studioMessage = (method) =>
  `${method} needs the Parallax studio build (parallax-studio.html or studio/parallax-embed.js): this build only reads.`;

const TEXT = {
  title: "A short reply",
  author: "Test Writer",
  text: "Russia and China are not allies.\n\nTheir partnership is a marriage of convenience against Western pressure.",
};

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** What each script method of the element `selector` threw: [name, is an Error, message]. */
function thrown(frame, selector = "parallax-compare") {
  return frame.evaluate(({ selector, methods }) => methods.map((m) => {
    try {
      document.querySelector(selector)[m](m === "export" ? "markdown" : {});
      return [m, false, "returned"];
    } catch (e) {
      return [m, e instanceof Error, e.message];
    }
  }), { selector, methods: METHODS });
}

/** The panel's button and panel, any notice, and whether the adopted stylesheet has panel rules. */
function editingTools(frame, selector = "parallax-compare") {
  return frame.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot;
    const css = root.adoptedStyleSheets.flatMap((s) => [...s.cssRules].map((r) => r.cssText)).join("\n");
    return {
      button: !!root.querySelector("button[data-action=byo]"),
      panel: !!root.querySelector(".byo"),
      notice: !!root.querySelector(".notice"),
      panelRules: /\.byo\b|\.dropzone/.test(css),
    };
  }, selector);
}

const columns = (frame, selector = "parallax-compare") =>
  frame.evaluate((selector) => document.querySelector(selector).shadowRoot.querySelectorAll(".columns section[role=region]").length, selector);

test("reader build: no panel, no studio code fetched, and each script method throws naming the studio build", async () => {
  const page = await newPage(browser);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  await page.goto(server.url);
  await widgetText(page);
  assert.deepEqual(await editingTools(page), { button: false, panel: false, notice: false, panelRules: false });
  assert.deepEqual(await thrown(page), METHODS.map((m) => [m, true, studioMessage(m)]));
  // Thrown to the script only: the reader sees no notice about it.
  assert.deepEqual(await editingTools(page), { button: false, panel: false, notice: false, panelRules: false });
  assert.deepEqual(fetched.filter((p) => /byo|studio/.test(p)), [], "the reader fetches no studio file");
  await screenshot(page, "build-reader-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "build-reader-390");
  assert.deepEqual(page.problems, [], "console must stay empty");
});

test("reader build as a single file and as an embed: the same methods throw the same message", async () => {
  const file = await newPage(browser, { offline: true });
  await file.goto(pathToFileURL(join(DIST, "parallax.html")).href);
  await widgetText(file);
  assert.deepEqual(await thrown(file), METHODS.map((m) => [m, true, studioMessage(m)]));
  assert.equal((await editingTools(file)).button, false);
  assert.deepEqual(file.problems, [], "console must stay empty (single file)");

  const embed = await newPage(browser);
  await embed.goto(`${server.url}examples/blog.html`);
  await widgetText(embed, "#first");
  assert.deepEqual(await thrown(embed, "#second"), METHODS.map((m) => [m, true, studioMessage(m)]));
  assert.equal((await editingTools(embed, "#first")).button, false);
  assert.deepEqual(embed.problems, [], "console must stay empty (embed)");
});

test("studio single file from disk, network off: the panel, and a text added by script joins the comparison", async () => {
  const page = await newPage(browser, { offline: true });
  page.outside = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (/^(file|data|blob):/.test(url)) return route.continue();
    page.outside.push(url);
    return route.abort();
  });
  await page.addInitScript(recordCspViolations);
  await page.goto(pathToFileURL(join(DIST, "parallax-studio.html")).href);
  await widgetText(page);
  const tools = await editingTools(page);
  assert.equal(tools.button, true, "the studio has the panel's button");
  assert.equal(tools.panelRules, true, "and the panel's styles");
  const before = await columns(page);
  const id = await page.evaluate((t) => document.querySelector("parallax-compare").addText(t), TEXT);
  assert.match(id, /\S/);
  assert.equal(await columns(page), before + 1);
  const markdown = await page.evaluate(() => document.querySelector("parallax-compare").export("markdown"));
  assert.match(markdown, /A short reply/);
  await page.locator("parallax-compare button[data-action=byo]").click();
  await page.locator("parallax-compare .byo").waitFor();
  await screenshot(page, "build-studio-single-file-1280");
  await page.setViewportSize({ width: 390, height: 844 });
  await screenshot(page, "build-studio-single-file-390");
  assert.deepEqual(page.outside, [], "the single file must not request anything");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], "its own CSP must not block it");
  assert.deepEqual(page.problems, [], "console must stay empty");
});

test("studio embed on a host page (examples/studio.html): loads only from studio/, keeps what is added", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await newPage(context);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  page.on("response", (r) => r.status() >= 400 && page.problems.push(`HTTP ${r.status()} ${r.url()}`));
  await page.goto(`${server.url}examples/studio.html`);
  await widgetText(page);
  assert.equal((await editingTools(page)).button, true);
  const parallax = fetched.filter((p) => /parallax|snippets/.test(p));
  assert.ok(parallax.length >= 3, parallax.join(" "));
  assert.deepEqual(parallax.filter((p) => !p.startsWith("/studio/")), [], "the studio embed loads its own bundle only");
  const before = await columns(page);
  await page.evaluate((t) => document.querySelector("parallax-compare").addText(t), TEXT);
  assert.equal(await columns(page), before + 1);
  // `library`: kept in this browser, so a reload shows it again.
  await page.reload();
  await widgetText(page);
  assert.equal(await columns(page), before + 1);
  await screenshot(page, "build-studio-embed-1280");
  assert.deepEqual(page.problems, [], "console must stay empty");
  await context.close();
});
