// The comparison view in a real Chromium, against the release build in dist/: questions,
// columns, highlights, passage focus, blind mode, permalinks, keyboard, layout, accessibility.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, newPage, screenshot, ROOT } from "./harness.mjs";

// The corpus facts below were read by hand from seeds/corpus.toml and seeds/questions.toml.
const AUTHORS = [
  { file: "000_1ae05535f9ca31e9.txt", label: "Chan Kung" },
  { file: "001_62601f8aaf7a05d7.txt", label: "Danil Bochkov" },
  { file: "002_fbb29aa8b82af950.txt", label: "Eurasia Daily Monitor" },
  { file: "004_f4d7401ad7038861.txt", label: "Interview (Ophelie Barbier)" },
];
const NAMES = ["Chan Kung", "Danil Bochkov", "Bochkov", "Ophelie Barbier", "Barbier", "Eurasia Daily Monitor"];
const US_PRESSURE_PROMPT =
  "What does US and Western pressure (sanctions, confrontation, isolation) do to the Russia-China relationship?";

const US_PRESSURE_SIDES =
  "It pushes Russia and China closer together. It does not push them together: Russia keeps its distance from China or moves toward the United States.";
const US_PRESSURE_KEYWORDS = ["pressure", "sanctions", "antagonism", "confrontation", "isolation", "isolated",
  "Washington", "United States", "West", "Western"];

let server, browser, axeSource;
before(async () => {
  server = await serve();
  browser = await launch();
  axeSource = await readFile(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
});
after(async () => {
  await browser?.close();
  await server?.close();
});

async function open(hash = "", options = {}) {
  const page = await newPage(browser, options);
  await page.goto(server.url + hash);
  await page.locator("parallax-compare .panel").waitFor();
  return page;
}

const widget = (page) => page.locator("parallax-compare").first();
const selectedTab = (page) => widget(page).locator(".questions [role=tab][aria-selected=true]");

/** Every text node and attribute value in the first widget's shadow root. */
function everything(page) {
  return page.evaluate(() => {
    const root = document.querySelector("parallax-compare").shadowRoot;
    const parts = [root.textContent];
    for (const el of root.querySelectorAll("*")) for (const a of el.attributes) parts.push(a.value);
    return parts.join("\n");
  });
}

/** `{ file: [lines] }` of the passages shown in the columns. */
async function passagesByFile(page) {
  return page.evaluate(() => {
    const out = {};
    for (const a of document.querySelector("parallax-compare").shadowRoot.querySelectorAll(".columns article")) {
      (out[a.dataset.file] ||= []).push(Number(a.dataset.line));
    }
    return out;
  });
}

test("four author columns with title, author, date and source; passages in reading order", async () => {
  const page = await open();
  const regions = widget(page).locator(".columns [role=region]");
  assert.equal(await regions.count(), 4);
  for (const [n, a] of AUTHORS.entries()) {
    const region = regions.nth(n);
    assert.equal(await region.getAttribute("aria-label"), a.label);
    const head = await region.locator(".column-head").innerText();
    assert.match(head, /Author/);
    assert.match(head, /Date/);
    assert.match(head, /Source/);
  }
  assert.match(await regions.nth(0).locator(".title").innerText(), /Judgment and prediction/);
  const byFile = await passagesByFile(page);
  for (const lines of Object.values(byFile)) {
    assert.deepEqual(lines, [...lines].sort((a, b) => a - b), "reading order");
  }
  // "Show full text" expands a column in place: the other paragraphs appear between the
  // passages, which stay; a second click folds it back.
  const second = regions.nth(1);
  const passages = await second.locator("article").count();
  const more = second.getByRole("button", { name: /Show full text \((\d+) more paragraphs\)/ });
  const count = Number((await more.innerText()).match(/\((\d+)/)[1]);
  await more.click();
  assert.equal(await second.locator(".context").count(), count);
  assert.equal(await second.locator("article").count(), passages);
  assert.equal(await second.locator("button.fulltext").getAttribute("aria-expanded"), "true");
  await second.getByRole("button", { name: "Show only the passages" }).click();
  assert.equal(await second.locator(".context").count(), 0);
  for (const article of await widget(page).locator("article").all()) {
    assert.match(await article.getAttribute("data-stance"), /^(pro|con|neutral)$/);
    const badge = await article.locator(".badge").textContent();
    assert.match(badge, /[✓✗○] (yes|no|neutral)/, "icon and word, never colour alone");
  }
  assert.deepEqual(page.problems, []);
});

test("switching questions updates the tab, the prompt, the passages and the hash", async () => {
  const page = await open();
  assert.equal(await selectedTab(page).innerText(), "Alliance or not?");
  const before = await passagesByFile(page);
  await widget(page).getByRole("tab", { name: "Effect of US pressure" }).click();
  assert.equal(await selectedTab(page).innerText(), "Effect of US pressure");
  assert.equal(await widget(page).locator(".prompt").innerText(), US_PRESSURE_PROMPT);
  const after = await passagesByFile(page);
  assert.notDeepEqual(after, before);
  // textContent: passages off screen are not rendered (content-visibility), so no innerText.
  const terms = await widget(page).locator(".panel mark.term").allTextContents();
  assert.ok(terms.length > 0);
  // Each marked term comes from the question: its title, prompt, keywords or sides (compared by word
  // start, so inflections and acronyms such as "U.S." count).
  const source = ["Effect of US pressure", US_PRESSURE_PROMPT, US_PRESSURE_SIDES, ...US_PRESSURE_KEYWORDS].join(" ").toLowerCase().replace(/\./g, "");
  for (const t of terms) {
    const words = t.toLowerCase().replace(/\./g, "").match(/\p{L}+/gu);
    assert.ok(words.some((w) => source.includes(w.slice(0, 4))), `term “${t}” is from the question`);
  }
  assert.equal(new URL(page.url()).hash, "#q=us_pressure");
  assert.deepEqual(page.problems, []);
});

test("focusing a passage brings the closest passage of every other author alongside; Escape returns", async () => {
  const page = await open();
  const before = await passagesByFile(page);
  const first = widget(page).locator(".columns [role=region]").nth(1).locator("article").first();
  const line = await first.getAttribute("data-line");
  await first.click();
  const cells = widget(page).locator(".focus .row .cell");
  assert.equal(await cells.count(), 4);
  const tops = [];
  for (const [n, a] of AUTHORS.entries()) {
    const cell = cells.nth(n);
    assert.equal(await cell.getAttribute("aria-label"), a.label);
    const article = cell.locator("article");
    assert.equal(await article.count(), 1);
    assert.equal(await article.getAttribute("data-file"), a.file);
    const shownLine = Number(await article.getAttribute("data-line"));
    if (n === 1) {
      assert.equal(String(shownLine), line, "the focused passage keeps its place");
      assert.equal(await article.getAttribute("aria-current"), "true");
    } else {
      assert.ok(before[a.file].includes(shownLine), `${a.label}: a passage on this question`);
      assert.match(await cell.locator(".why").innerText(), /^Why: .+/);
    }
    tops.push((await article.boundingBox()).y);
  }
  assert.equal(new Set(tops.map(Math.round)).size, 1, "one aligned row");
  // Every shared phrase in the row has its twin in another cell, and hovering lights both.
  for (const mark of await cells.locator("mark.shared").all()) {
    const pairs = (await mark.getAttribute("data-pairs")).split(" ");
    const twins = widget(page).locator(pairs.map((p) => `mark[data-pairs~="${p}"]`).join(", "));
    assert.ok((await twins.count()) >= 2, `shared phrase ${pairs} has a twin`);
    await mark.hover();
    assert.equal(await widget(page).locator("mark.lit").count(), await twins.count());
  }
  assert.match(new URL(page.url()).hash, new RegExp(`focus=${AUTHORS[1].file}:${line}`));
  await page.keyboard.press("Escape");
  assert.equal(await widget(page).locator(".focus").count(), 0);
  assert.equal(await widget(page).locator(".columns [role=region]").count(), 4);
  const active = await page.evaluate(() => document.querySelector("parallax-compare").shadowRoot.activeElement?.dataset.line);
  assert.equal(active, line, "keyboard focus returns to the passage");
  assert.deepEqual(page.problems, []);
});

test("each highlight kind has a legend toggle that adds and removes its marks", async () => {
  const page = await open();
  const marks = (cls) => widget(page).locator(`.panel mark.${cls}`);
  const toggle = (name) => widget(page).getByRole("button", { name });
  // Question terms: present on the default question, gone when off, back when on.
  const terms = await marks("term").count();
  assert.ok(terms > 0);
  await toggle("Question terms").click();
  assert.equal(await toggle("Question terms").getAttribute("aria-pressed"), "false");
  assert.equal(await marks("term").count(), 0);
  assert.match(new URL(page.url()).hash, /hl=cue,shared/);
  await toggle("Question terms").click();
  assert.equal(await marks("term").count(), terms);
  // Stance cue: as many cue marks as passages that state a cue; none when off.
  const cueTexts = await widget(page).locator(".cue-text").count();
  // (Until the stance engine lands every passage is neutral without a cue: both are 0.)
  assert.equal((await marks("cue").count()) > 0, cueTexts > 0);
  assert.ok((await marks("cue").count()) >= cueTexts);
  await toggle("Stance cue").click();
  assert.equal(await toggle("Stance cue").getAttribute("aria-pressed"), "false");
  assert.equal(await marks("cue").count(), 0);
  assert.match(new URL(page.url()).hash, /hl=terms,shared/);
  await toggle("Stance cue").click();
  // Shared wording is drawn in focus; off removes every shared mark.
  await widget(page).locator("article").first().click();
  const shared = await marks("shared").count();
  await toggle("Shared wording").click();
  assert.equal(await toggle("Shared wording").getAttribute("aria-pressed"), "false");
  assert.equal(await marks("shared").count(), 0);
  await toggle("Shared wording").click();
  assert.equal(await marks("shared").count(), shared);
  // Legend swatches show what each kind looks like.
  for (const cls of ["term", "cue", "shared"]) {
    assert.equal(await widget(page).locator(`.legend mark.${cls}`).count(), 1);
  }
  assert.deepEqual(page.problems, []);
});

test("a passage that takes a side shows its cue, or says the side is its author's", async () => {
  const page = await open();
  const rows = await widget(page).locator(".columns article[data-stance]").evaluateAll((els) =>
    els.map((e) => ({
      line: e.dataset.line,
      stance: e.dataset.stance,
      cue: e.querySelectorAll(".cue-text").length,
      note: e.querySelectorAll(".cue-none").length,
    })),
  );
  assert.ok(rows.length > 0);
  for (const r of rows) {
    const want = r.stance === "neutral" ? [0, 0] : [r.cue, 1 - r.cue];
    assert.deepEqual([r.cue, r.note], want, `line ${r.line} (${r.stance})`);
  }
  // On the default question one author's passage (the interview's line 29) has no word of
  // either side and takes the author's "no".
  assert.ok(rows.some((r) => r.note === 1 && r.stance === "con"), JSON.stringify(rows));
  assert.deepEqual(page.problems, []);
});

test("blind mode hides every author name and all metadata; one click reveals", async () => {
  const page = await open();
  await widget(page).getByRole("button", { name: "Blind mode" }).click();
  const labels = await widget(page).locator(".columns [role=region]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
  assert.deepEqual(labels, ["Author A", "Author B", "Author C", "Author D"]);
  // Every column's full text, the focus row and the overview: still no name anywhere.
  for (const b of await widget(page).locator("button.fulltext").all()) await b.click();
  let all = await everything(page);
  for (const name of NAMES) assert.ok(!all.includes(name), `columns leak ${name}`);
  assert.ok(!all.includes("Judgment and prediction"), "titles are hidden");
  assert.ok(!all.includes("Russian International Affairs Council"), "sources are hidden");
  await widget(page).locator("article").first().click();
  all = await everything(page);
  for (const name of NAMES) assert.ok(!all.includes(name), `focus row leaks ${name}`);
  await widget(page).getByRole("button", { name: "Overview" }).click();
  all = await everything(page);
  for (const name of NAMES) assert.ok(!all.includes(name), `overview leaks ${name}`);
  await widget(page).getByRole("button", { name: "Reveal authors" }).click();
  all = await everything(page);
  assert.ok(all.includes("Chan Kung") && all.includes("Danil Bochkov"));
  assert.deepEqual(page.problems, []);
});

/** What a reader sees, to compare two pages. */
async function signature(page) {
  const w = widget(page);
  return {
    tab: await selectedTab(page).innerText(),
    labels: await w.locator("[role=region], .cell").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label"))),
    focused: await w.locator("article[aria-current=true]").evaluateAll((els) => els.map((e) => e.dataset.file + ":" + e.dataset.line)),
    pressed: await w.locator("button[aria-pressed]").evaluateAll((els) => els.map((e) => e.textContent + "=" + e.getAttribute("aria-pressed"))),
    projector: await w.locator(".px.projector").count(),
  };
}

test("a permalink opened in a fresh page restores the same view", async () => {
  const page = await open();
  await widget(page).getByRole("tab", { name: "Who benefits?" }).click();
  await widget(page).getByRole("button", { name: "Blind mode" }).click();
  await widget(page).getByRole("button", { name: "Stance cue" }).click();
  await widget(page).getByRole("button", { name: "Projector" }).click();
  const article = widget(page).locator(".columns article").last();
  const file = await article.getAttribute("data-file");
  const line = await article.getAttribute("data-line");
  await article.click();
  const expected = await signature(page);
  assert.equal(expected.focused.length, 1);
  const link = page.url();
  assert.ok(link.endsWith(`#q=asymmetry&focus=${file}:${line}&blind=1&hl=terms,shared&projector=1`), link);
  const fresh = await open(new URL(link).hash);
  assert.deepEqual(await signature(fresh), expected);
  assert.equal(await widget(fresh).locator(".notice").count(), 0);
  // Editing the hash in place (hashchange) applies it too.
  await fresh.evaluate(() => { location.hash = "#q=energy"; });
  await widget(fresh).locator(".questions [aria-selected=true]", { hasText: "Energy" }).waitFor();
  assert.deepEqual(page.problems, []);
  assert.deepEqual(fresh.problems, []);
});

test("a malformed hash shows the default view and a visible notice", async () => {
  for (const [hash, says] of [
    ["#q=nope", /question “nope” does not exist/],
    ["#q=alliance&focus=000_1ae05535f9ca31e9.txt:99999", /file:line/],
    ["#blind=maybe", /expected 1 or 0/],
    ["#zoom=3", /“zoom” is not a setting/],
  ]) {
    const page = await open(hash);
    const notice = widget(page).locator(".notice");
    assert.ok(await notice.isVisible(), hash);
    assert.match(await notice.innerText(), says);
    assert.match(await notice.innerText(), /Showing the default view/);
    assert.equal(await selectedTab(page).innerText(), "Alliance or not?");
    assert.equal(await widget(page).locator(".columns [role=region]").count(), 4);
    await notice.getByRole("button", { name: /Dismiss/ }).click();
    assert.equal(await widget(page).locator(".notice").count(), 0);
    assert.deepEqual(page.problems, [], hash);
    await page.close();
  }
});

test("keyboard only: tabs, shortcuts, passage focus and back, overview, with visible focus", async () => {
  const page = await open();
  const active = () =>
    page.evaluate(() => {
      const a = document.querySelector("parallax-compare").shadowRoot.activeElement;
      return a && { key: a.dataset.key, line: a.dataset.line, outline: getComputedStyle(a).outlineStyle };
    });
  // Tab into the widget until the selected question tab has focus.
  for (let n = 0; n < 20 && (await active())?.key !== "q-0"; n++) await page.keyboard.press("Tab");
  assert.equal((await active()).key, "q-0");
  assert.notEqual((await active()).outline, "none", "focus is visible");
  await page.keyboard.press("ArrowRight");
  assert.equal(await selectedTab(page).innerText(), "Effect of US pressure");
  assert.equal((await active()).key, "q-1");
  await page.keyboard.press("]");
  assert.equal(await selectedTab(page).innerText(), "Who benefits?");
  await page.keyboard.press("[");
  await page.keyboard.press("End");
  assert.equal(await selectedTab(page).innerText(), "Deepening or cooling?");
  await page.keyboard.press("Home");
  assert.equal(await selectedTab(page).innerText(), "Alliance or not?");
  // j / k walk the passages; Enter focuses one; Escape comes back to it.
  await page.keyboard.press("j");
  const firstLine = (await active()).line;
  assert.ok(firstLine);
  await page.keyboard.press("j");
  const secondLine = (await active()).line;
  assert.ok(secondLine);
  await page.keyboard.press("Enter");
  assert.equal(await widget(page).locator(".focus .cell").count(), 4);
  assert.equal(await widget(page).locator(".cell.origin article").getAttribute("data-line"), secondLine);
  await page.keyboard.press("Escape");
  assert.equal(await widget(page).locator(".focus").count(), 0);
  assert.equal((await active()).line, secondLine);
  // Highlights, blind mode, overview by shortcut.
  await page.keyboard.press("1");
  assert.equal(await widget(page).locator(".columns mark.term").count(), 0);
  await page.keyboard.press("1");
  await page.keyboard.press("b");
  assert.equal(await widget(page).locator(".columns [role=region]").first().getAttribute("aria-label"), "Author A");
  await page.keyboard.press("b");
  await page.keyboard.press("o");
  assert.equal(await widget(page).locator("table.overview").count(), 1);
  // No passage on screen in the overview: j and k do nothing (and break nothing).
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  assert.equal(await widget(page).locator("table.overview").count(), 1);
  // Into the matrix with Tab, open a cell with Enter: that question, that author in focus.
  for (let n = 0; n < 40 && !(await active())?.key?.startsWith("cell-1-"); n++) await page.keyboard.press("Tab");
  const cell = (await active()).key;
  assert.match(cell, /^cell-1-\d$/);
  await page.keyboard.press("Enter");
  assert.equal(await selectedTab(page).innerText(), "Effect of US pressure");
  assert.equal((await active()).key.startsWith("p-" + cell.split("-")[2]), true, "focus moves to the opened passage");
  assert.equal(await widget(page).locator(".cell.origin").getAttribute("data-doc"), cell.split("-")[2]);
  await page.keyboard.press("Escape");
  assert.equal(await widget(page).locator(".columns").count(), 1);
  assert.deepEqual(page.problems, []);
});

test("overview: a question × author matrix of stance badges; a cell opens that passage", async () => {
  const page = await open();
  await widget(page).getByRole("button", { name: "Overview" }).click();
  const table = widget(page).locator("table.overview");
  assert.equal(await table.locator("tbody tr").count(), 7);
  assert.deepEqual(await table.locator("thead th").allInnerTexts(), ["Question", ...AUTHORS.map((a) => a.label)]);
  const cells = table.locator("tbody .cell-button");
  assert.ok((await cells.count()) > 0);
  const cell = cells.first();
  const [q, doc, line] = await cell.evaluate((b) => [b.dataset.q, b.dataset.doc, b.dataset.line]);
  await cell.click();
  assert.equal(await widget(page).locator(".questions [aria-selected=true]").getAttribute("data-q"), q);
  const origin = widget(page).locator(".cell.origin article");
  assert.equal(await origin.getAttribute("data-line"), line);
  assert.equal(await widget(page).locator(".cell.origin").getAttribute("data-doc"), doc);
  assert.deepEqual(page.problems, []);
});

test("layout: four columns at 1280 px, two at 900 px, one with author tabs at 390 px, no horizontal scroll", async () => {
  const page = await open("", { viewport: { width: 1280, height: 900 } });
  const lefts = async () => {
    const boxes = [];
    for (const r of await widget(page).locator(".columns [role=region]").all()) {
      if (await r.isVisible()) boxes.push(await r.boundingBox());
    }
    return boxes;
  };
  let boxes = await lefts();
  assert.equal(new Set(boxes.map((b) => Math.round(b.y))).size, 1, "one row of four");
  assert.equal(new Set(boxes.map((b) => Math.round(b.x))).size, 4);
  await screenshot(page, "view-1280");
  // The first screen only, as the README shows it (docs/parallax-view.png is a copy).
  await page.screenshot({ path: join(ROOT, "test-output", "view-1280-top.png") });
  await page.setViewportSize({ width: 900, height: 900 });
  boxes = await lefts();
  assert.equal(new Set(boxes.map((b) => Math.round(b.x))).size, 2, "two columns");
  await page.setViewportSize({ width: 390, height: 844 });
  boxes = await lefts();
  assert.equal(boxes.length, 1, "one column at a time");
  const authorTabs = widget(page).locator(".tabs.authors [role=tab]");
  assert.ok(await authorTabs.first().isVisible());
  await authorTabs.nth(2).click();
  assert.equal(await widget(page).locator(".columns [role=region]:visible").getAttribute("aria-label"), AUTHORS[2].label);
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  assert.ok(overflow <= 0, `no horizontal scroll (${overflow}px)`);
  await screenshot(page, "view-390");
  await widget(page).locator("article:visible").first().click();
  await screenshot(page, "view-390-focus");
  await page.setViewportSize({ width: 1280, height: 900 });
  await screenshot(page, "view-1280-focus");
  assert.deepEqual(page.problems, []);
});

async function axe(page) {
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const r = await window.axe.run(document, { resultTypes: ["violations"] });
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
  });
  return result.filter((v) => v.impact === "serious" || v.impact === "critical");
}

test("axe-core: no serious or critical violations in light and dark, columns, focus and overview", async () => {
  for (const colorScheme of ["light", "dark"]) {
    const page = await open("", { colorScheme });
    assert.deepEqual(await axe(page), [], `${colorScheme}: columns`);
    await widget(page).locator("article").first().click();
    assert.deepEqual(await axe(page), [], `${colorScheme}: focus`);
    await widget(page).getByRole("button", { name: "Overview" }).click();
    assert.deepEqual(await axe(page), [], `${colorScheme}: overview`);
    await widget(page).getByRole("button", { name: "Projector" }).click();
    assert.deepEqual(await axe(page), [], `${colorScheme}: projector`);
    await screenshot(page, `view-${colorScheme}-overview`);
    assert.deepEqual(page.problems, []);
    await page.close();
  }
});

test("print: a handout with the matrix and every question's passages", async () => {
  const page = await open();
  await page.evaluate(() => dispatchEvent(new Event("beforeprint")));
  await page.emulateMedia({ media: "print" });
  const handout = widget(page).locator(".handout");
  assert.ok(await handout.isVisible());
  assert.ok(!(await widget(page).locator(".app").isVisible()), "controls are not printed");
  assert.equal(await handout.locator("table.overview tbody tr").count(), 7);
  assert.equal(await handout.locator(".handout-question").count(), 7);
  assert.ok((await handout.locator("article").count()) > 7);
  await page.emulateMedia({ media: "screen" });
  await page.evaluate(() => dispatchEvent(new Event("afterprint")));
  assert.equal(await widget(page).locator(".handout").count(), 0);
  assert.deepEqual(page.problems, []);
});

test("attributes: question, authors, blind, theme, height, highlights; bad values keep the view", async () => {
  const page = await open();
  const hashBefore = new URL(page.url()).hash;
  await page.evaluate(() => {
    for (const id of ["one", "two"]) {
      const el = document.createElement("parallax-compare");
      el.id = id;
      el.setAttribute("question", "energy");
      el.setAttribute("authors", "Chan Kung, 004_f4d7401ad7038861.txt");
      document.body.append(el);
    }
  });
  const one = page.locator("#one");
  const two = page.locator("#two");
  await one.locator(".panel").waitFor();
  assert.equal(await one.locator(".questions [aria-selected=true]").innerText(), "Energy and nuclear cooperation");
  assert.deepEqual(
    await one.locator(".columns [role=region]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label"))),
    ["Chan Kung", "Interview (Ophelie Barbier)"],
  );
  // Instances keep their own state, and only the permalink instance touches the hash.
  await one.getByRole("tab", { name: "Diplomatic backing" }).click();
  assert.equal(await two.locator(".questions [aria-selected=true]").innerText(), "Energy and nuclear cooperation");
  assert.equal(await selectedTab(page).innerText(), "Alliance or not?");
  assert.equal(new URL(page.url()).hash, hashBefore);
  // Changing attributes updates the view.
  await page.evaluate(() => {
    const el = document.querySelector("#one");
    el.setAttribute("question", "trajectory");
    el.setAttribute("blind", "");
    el.setAttribute("highlights", "cue");
    el.setAttribute("theme", "dark");
    el.setAttribute("height", "400px");
  });
  assert.equal(await one.locator(".questions [aria-selected=true]").innerText(), "Deepening or cooling?");
  assert.equal(await one.locator("[role=region]").first().getAttribute("aria-label"), "Author A");
  assert.equal(await one.getByRole("button", { name: "Question terms" }).getAttribute("aria-pressed"), "false");
  const look = await one.locator(".px").evaluate((px) => ({
    bg: getComputedStyle(px).backgroundColor,
    height: px.getBoundingClientRect().height,
    scrolls: px.scrollHeight > px.clientHeight,
  }));
  assert.equal(look.bg, "rgb(22, 24, 28)");
  assert.equal(Math.round(look.height), 400);
  assert.ok(look.scrolls, "content scrolls inside");
  // A bad value: visible notice, previous view kept.
  await page.evaluate(() => document.querySelector("#one").setAttribute("question", "nope"));
  assert.match(await one.locator(".notice").innerText(), /question attribute was ignored: question “nope” does not exist/);
  assert.equal(await one.locator(".questions [aria-selected=true]").innerText(), "Deepening or cooling?");
  await page.evaluate(() => document.querySelector("#one").setAttribute("height", "tall"));
  assert.match(await one.locator(".notice").last().innerText(), /height “tall” is not a CSS length/);
  assert.equal(Math.round(await one.locator(".px").evaluate((px) => px.getBoundingClientRect().height)), 400);
  assert.deepEqual(page.problems, []);
});
