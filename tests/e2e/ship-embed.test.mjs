// The embed in host pages (examples/, copied into dist/ by `make dist`): three independent widgets on a
// blog with hostile CSS, a page served with a strict Content-Security-Policy, and an LMS-style iframe.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, screenshot } from "./harness.mjs";
import { recordCspViolations, widgetText, widgetRendered, questionTabs, selectedQuestion } from "./ship-support.mjs";

/** The policy README "Embed it" tells hosts to use, as strict as a host can make it. */
const STRICT_CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; object-src 'none'; " +
  "base-uri 'none'; frame-ancestors 'none'";

let server, browser;
before(async () => {
  server = await serve(undefined, (path) =>
    path === "/examples/csp.html" ? { "content-security-policy": STRICT_CSP } : {});
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

const HOST_ELEMENTS = ["body", "#post-title", "#post-meta", "#post-intro", "#widgets", "#host-mark", "#post-outro"];
const PROPERTIES = ["display", "font-family", "font-size", "line-height", "color", "background-color", "margin-top",
  "letter-spacing", "text-transform", "font-style", "flex-direction", "gap"];

/** Computed styles of the blog's own elements (not the widgets' boxes, whose content we add). */
function hostStyles(page) {
  return page.evaluate(({ selectors, properties }) => Object.fromEntries(selectors.map((s) => {
    const style = getComputedStyle(document.querySelector(s));
    return [s, Object.fromEntries(properties.map((p) => [p, style.getPropertyValue(p)]))];
  })), { selectors: HOST_ELEMENTS, properties: PROPERTIES });
}

test("hostile blog: three independent widgets, one wasm load, host styles untouched, marks visible", async (t) => {
  // The same page without our script: what the host's elements look like on their own.
  const bare = await newPage(browser);
  await bare.route(/parallax-embed\.js$/, (route) => route.abort());
  await bare.goto(`${server.url}examples/blog.html`);
  const before = await hostStyles(bare);

  const page = await newPage(browser);
  const fetched = [];
  page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
  page.on("response", (r) => r.status() >= 400 && page.problems.push(`HTTP ${r.status()} ${r.url()}`));
  await page.goto(`${server.url}examples/blog.html`);
  for (const id of ["#first", "#second", "#third"]) await widgetText(page, id);
  await screenshot(page, "ship-blog");
  // In the host's flex row, each widget must keep a readable width, not shrink to a sliver.
  const widths = await page.evaluate(() =>
    [...document.querySelectorAll("parallax-compare")].map((el) => Math.round(el.getBoundingClientRect().width)));
  assert.ok(widths.every((w) => w >= 240), `each widget is at least 240px wide in the host's flex row: ${widths}`);

  assert.deepEqual(await hostStyles(page), before, "the host's own elements keep their computed styles");
  assert.equal(fetched.filter((p) => p.endsWith(".wasm")).length, 1, "the wasm is fetched once");
  assert.equal(fetched.filter((p) => /parallax-[0-9a-f]+\.js$/.test(p)).length, 1, "the glue is loaded once");
  const roots = await page.evaluate(() => {
    const els = [...document.querySelectorAll("parallax-compare")];
    return { count: els.length, distinct: new Set(els.map((e) => e.shadowRoot)).size };
  });
  assert.deepEqual(roots, { count: 3, distinct: 3 });

  // Our marks stay visible although the host hides every <mark> it can reach.
  const marks = await page.evaluate(() => [...document.querySelectorAll("parallax-compare")].flatMap((el) =>
    [...el.shadowRoot.querySelectorAll("mark, .mark, [data-mark]")].map((m) => {
      const s = getComputedStyle(m);
      return s.display !== "none" && s.visibility !== "hidden";
    })));
  if (marks.length === 0) t.diagnostic("the view draws no marks yet");
  assert.ok(marks.every(Boolean), "every mark inside a widget is displayed");

  // Independent state: changing one widget leaves the others as they were.
  const secondBefore = await page.evaluate(() => document.querySelector("#second").shadowRoot.innerHTML);
  const tabs = await questionTabs(page, "#first");
  if (tabs.length > 0) {
    const target = tabs.findIndex((tab) => !tab.selected);
    const secondSelected = await selectedQuestion(page, "#second");
    await page.locator('#first [role="tablist"] [role="tab"]').nth(target).click();
    assert.equal(await selectedQuestion(page, "#first"), tabs[target].name);
    assert.equal(await selectedQuestion(page, "#second"), secondSelected, "the second widget keeps its question");
  } else {
    t.diagnostic("the view has no question tabs yet; changed an attribute instead");
    await page.evaluate(() => document.querySelector("#first").setAttribute("question", "energy"));
    await widgetText(page, "#first");
  }
  assert.equal(await page.evaluate(() => document.querySelector("#second").shadowRoot.innerHTML), secondBefore,
    "the second widget is untouched by the first one's change");
  assert.deepEqual(page.problems, []);
  assert.deepEqual(bare.problems.filter((p) => !/parallax-embed|ERR_FAILED/.test(p)), []);
});

/**
 * Typography inside a widget that does not depend on its layout (a narrow widget lays out differently):
 * the inherited text properties of its outermost element, and the set of font families it uses.
 */
async function widgetTypography(page, selector) {
  await widgetText(page, selector);
  return page.evaluate((selector) => {
    const root = document.querySelector(selector).shadowRoot;
    const s = getComputedStyle(root.firstElementChild);
    const families = new Set([...root.querySelectorAll("*")].map((el) => getComputedStyle(el).fontFamily));
    return {
      outer: `${s.fontFamily} ${s.fontSize}/${s.lineHeight} ${s.fontStyle} ${s.color} ${s.letterSpacing} ${s.textTransform}`,
      families: [...families].sort(),
    };
  }, selector);
}

test("hostile blog: the host's fonts and colours do not reach inside a widget", async () => {
  // The same default widget on a plain page (16px root, no hostile rules) is the reference.
  const plain = await newPage(browser);
  await plain.goto(`${server.url}examples/csp.html`);
  const reference = await widgetTypography(plain, "parallax-compare");

  const page = await newPage(browser);
  await page.goto(`${server.url}examples/blog.html`);
  assert.deepEqual(await widgetTypography(page, "#first"), reference,
    "on a page with * { all: revert }, 26px root font and Georgia body, the widget looks as on a plain page");
});

test("strict-CSP page renders with no policy violation", async () => {
  const page = await newPage(browser);
  await page.addInitScript(recordCspViolations);
  const response = await page.goto(`${server.url}examples/csp.html`);
  assert.equal(response.headers()["content-security-policy"], STRICT_CSP, "the page is served with the policy");
  await widgetText(page);
  await screenshot(page, "ship-csp");
  assert.deepEqual(await page.evaluate(() => window.__cspViolations), []);
  assert.deepEqual(page.problems, []);
});

test("LMS page: the single file in an iframe renders with the options from its URL", async () => {
  const page = await newPage(browser);
  await page.goto(`${server.url}examples/lms.html`);
  const frame = page.frameLocator("iframe").owner();
  const height = await frame.evaluate((f) => f.getBoundingClientRect().height);
  assert.ok(height >= 600, `the iframe is tall enough to use (${height}px)`);
  const inner = await (await frame.elementHandle()).contentFrame();
  await widgetRendered(inner);
  const attrs = await inner.evaluate(() => {
    const el = document.querySelector("parallax-compare");
    return { question: el.getAttribute("question"), blind: el.hasAttribute("blind") };
  });
  assert.deepEqual(attrs, { question: "us_pressure", blind: true });
  if ((await questionTabs(inner)).length > 0) {
    // The comparison view: the URL's question is open and blind mode hides the authors' names.
    assert.equal(await selectedQuestion(inner), "Effect of US pressure");
    const text = await inner.evaluate(() => document.querySelector("parallax-compare").shadowRoot.textContent);
    assert.ok(!text.includes("Chan Kung") && !text.includes("Danil Bochkov"), "blind mode hides the authors");
  }
  await screenshot(page, "ship-lms");
  assert.deepEqual(page.problems, []);
});

test("a browser without constructable stylesheets gets a readable message, not a blank", async () => {
  const page = await newPage(browser);
  await page.addInitScript(() => delete Document.prototype.adoptedStyleSheets);
  await page.goto(`${server.url}examples/blog.html`);
  const alerts = page.locator("parallax-compare [role=alert]");
  await alerts.first().waitFor({ timeout: 5000 });
  assert.equal(await alerts.count(), 3, "each widget says why");
  assert.match(await alerts.first().innerText(), /Parallax could not start: .*Safari 16\.4/);
});

test("an embed whose wasm cannot be fetched says so in place of each widget", async () => {
  const page = await newPage(browser);
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(`${server.url}examples/blog.html`);
  const alerts = page.locator("parallax-compare [role=alert]");
  await alerts.first().waitFor({ timeout: 15000 });
  assert.equal(await alerts.count(), 3);
  assert.match(await alerts.first().innerText(), /Parallax could not start/);
});
