// dist/parallax.html, the one-file build, opened from disk with the network off: it renders,
// takes its options from the URL, restores a permalink, and never asks for anything but itself.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { pathToFileURL } from "node:url";
import { join } from "node:path";
import { DIST, launch, newPage, screenshot } from "./harness.mjs";
import { recordCspViolations, widgetText, widgetRendered, questionTabs, selectedQuestion } from "./ship-support.mjs";

const FILE = pathToFileURL(join(DIST, "parallax.html")).href;
let browser;
before(async () => {
  browser = await launch();
});
after(async () => {
  await browser?.close();
});

/** A page with the network off that records (and refuses) every request that is not the file itself. */
async function offlinePage() {
  const page = await newPage(browser, { offline: true });
  page.outside = [];
  const local = (url) => /^(file|data|blob):/.test(url);
  page.on("request", (r) => local(r.url()) || page.outside.push(r.url()));
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (local(url)) return route.continue();
    page.outside.push(url);
    return route.abort();
  });
  await page.addInitScript(recordCspViolations);
  return page;
}

async function assertClean(page) {
  assert.deepEqual(page.outside, [], "the single file must not request anything");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], "its own CSP must not block it");
  assert.deepEqual(page.problems, [], "console must stay empty");
}

test("single file renders the corpus from file:// with the network off", async () => {
  const page = await offlinePage();
  await page.goto(FILE);
  await widgetText(page);
  await screenshot(page, "ship-single-file");
  await assertClean(page);
});

test("single file takes the element's options from its URL query", async () => {
  const page = await offlinePage();
  await page.goto(`${FILE}?question=us_pressure&blind&theme=dark&unknown=1`);
  await widgetRendered(page); // blind mode hides author names; the attributes are what this checks
  const attrs = await page.evaluate(() => {
    const el = document.querySelector("parallax-compare");
    return { question: el.getAttribute("question"), blind: el.getAttribute("blind"), theme: el.getAttribute("theme"),
      unknown: el.getAttribute("unknown"), mounted: !!el.shadowRoot };
  });
  assert.deepEqual(attrs, { question: "us_pressure", blind: "", theme: "dark", unknown: null, mounted: true });
  const selected = await selectedQuestion(page);
  if (selected !== null) assert.equal(selected, "Effect of US pressure");
  await assertClean(page);
});

test("single file switches questions and restores a permalink in a fresh page", async (t) => {
  const page = await offlinePage();
  await page.goto(FILE);
  await widgetText(page);
  const tabs = await questionTabs(page);
  if (tabs.length === 0) {
    // This view has no question tabs yet: a hash it does not know must still leave a working widget.
    t.diagnostic("the view has no question tabs yet; checked that a foreign #hash still renders");
    const other = await offlinePage();
    await other.goto(`${FILE}#q=no_such_question&blind=maybe`);
    await widgetText(other);
    await assertClean(other);
    return;
  }
  const target = tabs.findIndex((tab) => !tab.selected);
  await page.locator('parallax-compare [role="tablist"] [role="tab"]').nth(target).click();
  assert.equal(await selectedQuestion(page), tabs[target].name, "clicking a tab switches the question");
  await page.waitForFunction(() => location.hash.length > 1, null, { timeout: 5000 });
  const link = page.url();

  const fresh = await offlinePage();
  await fresh.goto(link);
  await fresh.waitForFunction(
    (name) => [...(document.querySelector("parallax-compare").shadowRoot?.querySelectorAll('[role="tab"]') ?? [])]
      .some((t) => t.getAttribute("aria-selected") === "true" && t.textContent.trim() === name),
    tabs[target].name,
    { timeout: 10000 },
  );
  await assertClean(page);
  await assertClean(fresh);
});

test("single file in a browser without constructable stylesheets shows a readable message", async () => {
  const page = await offlinePage();
  await page.addInitScript(() => delete Document.prototype.adoptedStyleSheets);
  await page.goto(FILE);
  const alert = page.locator("parallax-compare [role=alert]");
  await alert.waitFor({ timeout: 5000 });
  assert.match(await alert.innerText(), /Parallax could not start: .*Safari 16\.4/);
  assert.deepEqual(page.outside, []);
});

test("single file in a browser without DecompressionStream shows a readable message", async () => {
  const page = await offlinePage();
  await page.addInitScript(() => delete window.DecompressionStream);
  await page.goto(FILE);
  const alert = page.locator("parallax-compare [role=alert]");
  await alert.waitFor({ timeout: 5000 });
  assert.match(await alert.innerText(), /Parallax could not start: .*Firefox 113/);
});
