// Bring your own texts and questions, in a real Chromium against the studio build (dist/studio/,
// feature `byo`; the reader build in dist/ has no panel, see builds.test.mjs): paste, drop and file
// pick; questions added, edited, deleted; kept across reloads; every kind of bad input; XSS
// payloads shown as text; the three exports checked against the view; the element's methods.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, newPage, screenshot, ROOT, DIST } from "./harness.mjs";

// Labels of the four seed authors, read by hand from seeds/corpus.toml.
const SEED_LABELS = ["Chan Kung", "Danil Bochkov", "Eurasia Daily Monitor", "Interview (Ophelie Barbier)"];

// A short article on the first seed question (is it an alliance?), written for these tests.
const ARTICLE = [
  "Russia and China are not allies, whatever their leaders say about a partnership without limits.",
  "Sanctions and Western pressure push Moscow toward Beijing, but the alliance remains a marriage of convenience.",
  "China buys Russian oil and gas at a discount, and Russia needs the market more than China needs the supplier.",
].join("\n\n");

let server, browser, payloads;
before(async () => {
  server = await serve(join(DIST, "studio"));
  browser = await launch();
  payloads = (await readFile(join(ROOT, "tests/data/xss-payloads.txt"), "utf8")).split("\n").filter((l) => l.trim());
});
after(async () => {
  await browser?.close();
  await server?.close();
});

/** A fresh browser context (empty storage), the main page open, dialogs instrumented. */
async function open(context) {
  context ??= await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addInitScript(() => {
    window.__dialogs = [];
    for (const name of ["alert", "confirm", "prompt"]) window[name] = (...a) => window.__dialogs.push([name, ...a]);
  });
  const page = await newPage(context);
  page.context_ = context;
  await page.goto(server.url);
  await page.locator("parallax-compare .panel").waitFor();
  return page;
}

const w = (page) => page.locator("parallax-compare").first();

async function openPanel(page) {
  await w(page).locator("button[data-action=byo]").click();
  await w(page).locator(".byo").waitFor();
}

/** Waits for the realign a change started to finish (the progress line is gone). */
async function settled(page) {
  await page.waitForFunction(() => !document.querySelector("parallax-compare").shadowRoot.querySelector(".busy"));
}

const columnLabels = (page) => w(page).locator(".columns section[role=region]").evaluateAll((els) => els.map((e) => e.getAttribute("aria-label")));
const status = (page) => w(page).locator(".byo-status").textContent();
const alertText = (page) => w(page).locator(".byo-error").textContent();

/** No element in the shadow root (or the page) that a payload could have injected. */
async function assertNothingInjected(page) {
  const found = await page.evaluate(() => {
    const bad = [];
    const scan = (root) => {
      for (const el of root.querySelectorAll("*")) {
        if (/^(script|iframe|img|svg|object|embed|frame|frameset|link|meta|base|style|body|video|audio|math|form|a)$/i.test(el.tagName))
          bad.push(el.tagName);
        for (const a of el.attributes) if (/^on/i.test(a.name)) bad.push(`${el.tagName}[${a.name}]`);
        if (/^javascript:/i.test(el.getAttribute("href") || "")) bad.push(`${el.tagName}[href]`);
      }
    };
    scan(document.querySelector("parallax-compare").shadowRoot);
    // The page's own markup holds no images, frames or handlers either.
    for (const el of document.body.querySelectorAll("iframe, img, svg, object, embed")) bad.push(`page ${el.tagName}`);
    return { bad, dialogs: window.__dialogs };
  });
  assert.deepEqual(found.dialogs, [], "alert/confirm/prompt was called");
  assert.deepEqual(found.bad, [], "elements or handlers were injected");
}

test("a pasted text joins the comparison with its title and author, and stays after a reload", async () => {
  const page = await open();
  await openPanel(page);
  const panel = w(page).locator(".byo");
  await panel.locator("[data-field=title]").fill("A convenient partnership");
  await panel.locator("[data-field=author]").fill("Test Writer");
  await panel.locator("[data-field=text]").fill(ARTICLE);
  await panel.locator("button[data-action=byo-add-text]").click();
  await settled(page);
  assert.deepEqual(await columnLabels(page), [...SEED_LABELS, "Test Writer"]);
  assert.match(await status(page), /Added “A convenient partnership”/);
  const column = w(page).locator("section[aria-label='Test Writer']");
  assert.equal(await column.locator("h3.title").textContent(), "A convenient partnership");
  assert.ok((await column.locator("article").count()) >= 1, "the new text has passages on the alliance question");
  // The form is cleared, and typing in it is not taken for shortcuts (b = blind mode).
  assert.equal(await panel.locator("[data-field=text]").inputValue(), "");
  await panel.locator("[data-field=title]").type("abc");
  assert.equal(await w(page).locator("button[data-action=blind]").getAttribute("aria-pressed"), "false");

  const kept = JSON.parse(await page.evaluate(() => localStorage.getItem("parallax:library:v1")));
  assert.equal(kept.version, 1);
  assert.equal(kept.texts[0].author, "Test Writer");
  await page.reload();
  await w(page).locator(".panel").waitFor();
  assert.deepEqual(await columnLabels(page), [...SEED_LABELS, "Test Writer"]);

  // Remove it again from the panel.
  await openPanel(page);
  await w(page).locator("button[data-action=byo-remove-text][data-id=user-1]").click();
  await settled(page);
  assert.deepEqual(await columnLabels(page), SEED_LABELS);
  assert.equal(await page.evaluate(() => localStorage.getItem("parallax:library:v1")), null);
  assert.deepEqual(page.problems, []);
  await page.context_.close();
});

test("a dropped HTML file fills the form without running its script; picked files are added at once", async () => {
  const page = await open();
  await openPanel(page);
  const html = `<html><head><title>Dropped page</title><meta name="author" content="Drop Author">
    <script>alert("dropped")</script><style>p{}</style></head>
    <body><h1>Dropped page</h1><p onclick="alert(1)">${ARTICLE.replaceAll("\n\n", "</p><p>")}</p></body></html>`;
  await page.evaluate((html) => {
    const dt = new DataTransfer();
    dt.items.add(new File([html], "dropped.html", { type: "text/html" }));
    const zone = document.querySelector("parallax-compare").shadowRoot.querySelector(".dropzone");
    zone.dispatchEvent(new DragEvent("dragover", { dataTransfer: dt, bubbles: true, cancelable: true }));
    zone.dispatchEvent(new DragEvent("drop", { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, html);
  const panel = w(page).locator(".byo");
  await page.waitForFunction(() =>
    document.querySelector("parallax-compare").shadowRoot.querySelector("[data-field=title]").value === "Dropped page");
  assert.equal(await panel.locator("[data-field=author]").inputValue(), "Drop Author");
  const text = await panel.locator("[data-field=text]").inputValue();
  assert.match(text, /marriage of convenience/);
  assert.doesNotMatch(text, /alert|<p|p\{\}/);
  assert.match(await status(page), /Read dropped\.html/);
  await panel.locator("button[data-action=byo-add-text]").click();
  await settled(page);
  assert.deepEqual(await columnLabels(page), [...SEED_LABELS, "Drop Author"]);

  // Two files picked: both added at once, titled from the file.
  await w(page).locator("input[type=file]").setInputFiles([
    { name: "one.md", mimeType: "text/markdown", buffer: Buffer.from(`# First pick\n\n${ARTICLE}`) },
    { name: "two.txt", mimeType: "text/plain", buffer: Buffer.from(ARTICLE.replaceAll("Russia", "Moscow")) },
  ]);
  await page.waitForFunction(() => document.querySelector("parallax-compare").shadowRoot.querySelectorAll(".columns section").length === 7);
  await settled(page);
  const titles = await w(page).locator(".columns h3.title").allTextContents();
  assert.ok(titles.includes("First pick"), titles.join(" | "));
  await assertNothingInjected(page);
  assert.deepEqual(page.problems, []);
  await page.context_.close();
});

test("bad input gets a clear message and the widget keeps working", async () => {
  const page = await open();
  await openPanel(page);
  const panel = w(page).locator(".byo");
  const add = panel.locator("button[data-action=byo-add-text]");

  await panel.locator("[data-field=text]").fill("   \n\t  ");
  await add.click();
  assert.match(await alertText(page), /empty/i);
  // Said next to the button pressed, not at the top of a long panel (a phone shows only part).
  assert.equal(await panel.locator("fieldset:has(button[data-action=byo-add-text]) .byo-error").count(), 1);

  const pick = (name, buffer) => w(page).locator("input[type=file]").setInputFiles([{ name, mimeType: "application/octet-stream", buffer }]);
  await pick("huge.txt", Buffer.alloc(2 * 1024 * 1024 + 10, "a "));
  await panel.locator(".byo-error").waitFor();
  assert.match(await alertText(page), /2\.0 MB|limit/);

  await pick("photo.txt", Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), Buffer.alloc(200, 0)]));
  await page.waitForFunction(() => /not text|binary|PNG|image/i.test(document.querySelector("parallax-compare").shadowRoot.querySelector(".byo-error")?.textContent || ""));

  // Invalid UTF-8: read lossily, with a notice.
  await pick("latin1.txt", Buffer.concat([Buffer.from("Russia and China: caf"), Buffer.from([0xe9]), Buffer.from(" alliance talk and sanctions.\n")]));
  await page.waitForFunction(() => /not UTF-8/.test(document.querySelector("parallax-compare").shadowRoot.querySelector(".byo-status").textContent));
  assert.match(await panel.locator("[data-field=text]").inputValue(), /caf\uFFFD/);

  // Right-to-left text, emoji and combining marks arrive as they were typed, with dir=auto.
  const mixed = "روسيا والصين ليستا حليفتين 🇷🇺🤝🇨🇳 — Russia and China, an alliance? Zoë, e\u0301, a\u0308";
  await page.evaluate((text) => document.querySelector("parallax-compare").addText({ title: "عنوان 🌍 e\u0301", author: "Mixed", text }), mixed);
  const col = w(page).locator("section[aria-label=Mixed]");
  assert.equal(await col.locator("h3.title").textContent(), "عنوان 🌍 e\u0301");
  assert.equal(await col.locator("h3.title").getAttribute("dir"), "auto");
  await col.locator("button[data-action=fulltext]").click();
  const shown = await col.locator("p[dir=auto]").allTextContents();
  assert.ok(shown.includes(mixed), shown.join(" | "));

  // Deleting every question: nothing to compare, said so; the panel still adds one back.
  const count = await w(page).locator(".questions [role=tab]").count();
  for (let n = 0; n < count; n++) {
    await w(page).locator("button[data-action=byo-delete-q]").first().click();
    await settled(page);
  }
  assert.match(await w(page).locator("p.notice[role=status]").textContent(), /no questions/i);
  await panel.locator("[data-field=qtitle]").fill("Oil");
  await panel.locator("[data-field=qprompt]").fill("What role do oil and gas play?");
  await panel.locator("button[data-action=byo-save-q]").click();
  await settled(page);
  assert.deepEqual(await w(page).locator(".questions [role=tab]").allTextContents(), ["Oil"]);

  // Storage full: the change is refused, said so, and what was kept stays.
  const before = await page.evaluate(() => localStorage.getItem("parallax:library:v1"));
  await page.evaluate(() => {
    Storage.prototype.setItem = () => { throw new DOMException("full", "QuotaExceededError"); };
  });
  await panel.locator("[data-field=text]").fill(ARTICLE);
  await panel.locator("[data-field=author]").fill("Not kept");
  await add.click();
  assert.match(await alertText(page), /Not kept: the browser's storage for this page is full/);
  assert.equal(await w(page).locator("section[aria-label='Not kept']").count(), 0);
  assert.equal(await panel.locator("[data-field=text]").inputValue(), ARTICLE, "what was typed is not lost");
  assert.equal(await page.evaluate(() => localStorage.getItem("parallax:library:v1")), before);
  assert.deepEqual(page.problems, []);
  await page.context_.close();
});

test("one text left says there is nothing to compare; adding one brings the comparison back", async () => {
  const page = await open();
  await openPanel(page);
  for (let n = 0; n < 3; n++) {
    await w(page).locator("button[data-action=byo-remove-text]").first().click();
    await settled(page);
  }
  assert.match(await w(page).locator("p.notice[role=status]").textContent(), /only one text.*nothing to compare/);
  assert.equal(await w(page).locator(".columns").count(), 0);
  // The panel still works, the export says why it cannot, and a reload keeps the removal.
  const thrown = await page.evaluate(() => {
    try {
      document.querySelector("parallax-compare").export("csv");
    } catch (e) {
      return e.message;
    }
  });
  assert.match(thrown, /only one text/);
  await page.reload();
  await w(page).locator("p.notice[role=status]").waitFor();
  await openPanel(page);
  await w(page).locator("[data-field=author]").fill("Second voice");
  await w(page).locator("[data-field=text]").fill(ARTICLE);
  await w(page).locator("button[data-action=byo-add-text]").click();
  await settled(page);
  assert.deepEqual(await columnLabels(page), [SEED_LABELS[3], "Second voice"]);
  // Reset brings the original texts back.
  await w(page).locator("button[data-action=byo-reset]").click();
  await w(page).locator("button[data-action=byo-reset-yes]").click();
  await settled(page);
  assert.deepEqual(await columnLabels(page), SEED_LABELS);
  assert.deepEqual(page.problems, []);
  await page.context_.close();
});

test("questions are added, edited and deleted in the panel and by script", async () => {
  const page = await open();
  await openPanel(page);
  const panel = w(page).locator(".byo");
  await panel.locator("[data-field=qtitle]").fill("Energy");
  await panel.locator("[data-field=qprompt]").fill("How much do oil and gas bind Russia to China?");
  await panel.locator("[data-field=qkeywords]").fill("oil, gas, pipeline");
  await panel.locator("button[data-action=byo-save-q]").click();
  await settled(page);
  const selected = w(page).locator(".questions [role=tab][aria-selected=true]");
  assert.equal(await selected.textContent(), "Energy");
  assert.equal(await w(page).locator("h2.prompt").textContent(), "How much do oil and gas bind Russia to China?");

  await w(page).locator("button[data-action=byo-edit-q][aria-label='Edit “Energy”']").click();
  assert.equal(await panel.locator("[data-field=qkeywords]").inputValue(), "oil, gas, pipeline");
  await panel.locator("[data-field=qtitle]").fill("Energy ties");
  await panel.locator("button[data-action=byo-save-q]").click();
  await settled(page);
  assert.equal(await selected.textContent(), "Energy ties");

  const id = await page.evaluate(() =>
    document.querySelector("parallax-compare").addQuestion({ title: "Arms", prompt: "Does Russia sell arms to China?", keywords: ["arms", "weapons"], pro: "yes", con: "no" }));
  assert.equal(id, "arms");
  assert.equal(await selected.textContent(), "Arms");
  const thrown = await page.evaluate(() => {
    try {
      document.querySelector("parallax-compare").addQuestion({ prompt: "No title" });
      return null;
    } catch (e) {
      return `${e instanceof Error} ${e.message}`;
    }
  });
  assert.match(thrown, /^true .*title/);
  assert.match(await w(page).locator(".notice[role=alert]").first().textContent(), /title/);

  await w(page).locator("button[data-action=byo-delete-q][data-id=arms]").click();
  await settled(page);
  // A seed question edited then deleted is hidden; reset brings it back.
  await w(page).locator("button[data-action=byo-delete-q][data-id=energy]").click();
  await settled(page);
  assert.ok(!(await w(page).locator(".questions [role=tab]").allTextContents()).includes("Arms"));

  // Reset asks inside the widget, then goes back to the original corpus.
  await w(page).locator("button[data-action=byo-reset]").click();
  await w(page).locator("[role=alertdialog]").waitFor();
  await w(page).locator("button[data-action=byo-reset-yes]").click();
  await settled(page);
  const after = await w(page).locator(".questions [role=tab]").allTextContents();
  assert.ok(!after.includes("Energy ties") && !after.includes("Arms"), after.join(" | "));
  assert.equal(after.length, 7);
  assert.equal(await page.evaluate(() => localStorage.getItem("parallax:library:v1")), null);
  assert.deepEqual(page.problems, []);
  await page.context_.close();
});

test("XSS payloads as titles, authors and texts show as text and run nothing", async () => {
  assert.ok(payloads.length >= 30);
  const page = await open();
  await openPanel(page);
  const panel = w(page).locator(".byo");
  // Through the form: ten payloads, each as title, author and text.
  for (const p of payloads.slice(0, 10)) {
    await panel.locator("[data-field=title]").fill(p);
    await panel.locator("[data-field=author]").fill(p);
    await panel.locator("[data-field=text]").fill(`${p}\n\nRussia and China, an alliance under sanctions? ${p}`);
    await panel.locator("button[data-action=byo-add-text]").click();
    await settled(page);
  }
  // Through the element: every payload; a text made only of markup is refused with a message.
  const refused = await page.evaluate((list) => {
    const el = document.querySelector("parallax-compare");
    let refused = 0;
    for (const p of list) {
      try {
        el.addText({ title: p, author: p, text: p });
      } catch {
        refused++;
      }
    }
    return refused;
  }, payloads);
  const labels = await columnLabels(page);
  assert.equal(labels.length, 4 + 10 + payloads.length - refused);
  // The titles typed in the form show as the very characters typed.
  const titles = await w(page).locator(".columns h3.title").allTextContents();
  for (const p of payloads.slice(0, 10)) assert.ok(titles.includes(p.trim()), `title shown as text: ${p}`);
  await assertNothingInjected(page);
  await w(page).locator("button[data-action=blind]").click();
  await w(page).locator("button[data-action=overview]").click();
  await assertNothingInjected(page);
  assert.deepEqual(page.problems, []);
  await page.context_.close();
});

test("XSS payloads as file names and inside picked HTML files show as text and run nothing", async () => {
  const page = await open();
  await openPanel(page);
  // Every payload names a file (the name is shown in the status line, and is the title when the
  // file states none); the HTML files also carry it in the title, the author and the body.
  const files = payloads.map((p, n) => ({
    name: `${p}.${n % 2 ? "html" : "txt"}`,
    mimeType: "application/octet-stream",
    buffer: Buffer.from(
      n % 2
        ? `<title>${p}</title><meta name="author" content='${p.replaceAll("'", "&#39;")}'><p>${p}</p><p>Russia and China, an alliance under sanctions? ${p}</p>`
        : `${p}\n\nRussia and China, an alliance under sanctions?`,
    ),
  }));
  // One at a time: a single file fills the form, and its name is said in the status line.
  for (const f of files.slice(0, 5)) {
    await w(page).locator("input[type=file]").setInputFiles([f]);
    await page.waitForFunction(
      (name) => document.querySelector("parallax-compare").shadowRoot.querySelector(".byo-status").textContent.includes(name),
      f.name,
    );
    await assertNothingInjected(page);
  }
  // All at once: each is added (or refused with a message naming it), never run.
  await w(page).locator("input[type=file]").setInputFiles(files);
  await page.waitForFunction(() => document.querySelector("parallax-compare").shadowRoot.querySelectorAll(".columns section").length > 4);
  await settled(page);
  const added = (await columnLabels(page)).length - 4;
  const error = (await w(page).locator(".byo-error").count()) ? await alertText(page) : "";
  assert.ok(added >= 30, `${added} files added; ${error}`);
  await assertNothingInjected(page);
  await w(page).locator("button[data-action=overview]").click();
  await assertNothingInjected(page);
  assert.deepEqual(page.problems, []);
  await page.context_.close();
});

/** RFC 4180 rows. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\r" && text[i + 1] === "\n") row.push(field), rows.push(row), (row = []), (field = ""), i++;
    else field += c;
  }
  return rows;
}

test("each export matches the view; copy and download work", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: server.url });
  const page = await open(context);
  await page.evaluate((text) => document.querySelector("parallax-compare").addText({ title: "Mine", author: "Exporter", text }), ARTICLE);
  const get = (format) => page.evaluate((f) => document.querySelector("parallax-compare").export(f), format);

  const report = JSON.parse(await get("json"));
  assert.deepEqual(Object.keys(report), ["documents", "questions"]);
  assert.equal(report.documents.length, 5);
  const tabs = await w(page).locator(".questions [role=tab]").allTextContents();
  assert.deepEqual(report.questions.map((q) => q.title), tabs);
  // The passages of the question shown are the articles in the columns, file by file, line by line.
  const shown = await w(page).locator(".columns article").evaluateAll((els) => els.map((a) => `${a.dataset.file}:${a.dataset.line}`));
  const exported = report.questions[0].passages.map((p) => `${p.file}:${p.line}`);
  assert.deepEqual([...exported].sort(), [...shown].sort());
  assert.ok(exported.some((k) => k.startsWith("user-")), "the added text is exported");

  const csv = parseCsv(await get("csv"));
  assert.deepEqual(csv[0], ["question", "author", "stance", "line", "passage"]);
  assert.equal(csv.length - 1, report.questions.reduce((n, q) => n + q.passages.length, 0));
  assert.ok(csv.some((r) => r[1] === "Exporter"));
  // The rows of the question shown are the passages in the columns: author label and line.
  const inColumns = await w(page).locator(".columns section[role=region]").evaluateAll((cols) =>
    cols.flatMap((c) => Array.from(c.querySelectorAll("article"), (a) => `${c.getAttribute("aria-label")}:${a.dataset.line}`)));
  const csvShown = csv.slice(1).filter((r) => r[0] === tabs[0]).map((r) => `${r[1]}:${r[3]}`);
  assert.deepEqual([...csvShown].sort(), [...inColumns].sort());

  const md = await get("markdown");
  // The handout holds the question shown, its prompt as the view shows it, and every author.
  assert.ok(md.includes(await w(page).locator("h2.prompt").textContent()), "handout has the prompt");
  assert.ok(md.includes(tabs[0]), "handout has the question title");
  for (const label of [...SEED_LABELS, "Exporter"]) assert.ok(md.includes(label.replace(/[()]/g, (c) => `\\${c}`)) || md.includes(label), `handout names ${label}`);

  const bad = await page.evaluate(() => {
    try {
      document.querySelector("parallax-compare").export("pdf");
    } catch (e) {
      return e.message;
    }
  });
  assert.match(bad, /markdown, csv or json/);

  await openPanel(page);
  for (const [format, file] of [["markdown", "parallax.md"], ["csv", "parallax.csv"], ["json", "parallax.json"]]) {
    const [download] = await Promise.all([
      page.waitForEvent("download"),
      w(page).locator(`button[data-action=byo-download][data-format=${format}]`).click(),
    ]);
    assert.equal(download.suggestedFilename(), file);
    assert.equal(await readFile(await download.path(), "utf8"), await get(format), `downloaded ${format}`);
  }

  for (const format of ["markdown", "csv", "json"]) {
    await page.evaluate(() => navigator.clipboard.writeText(""));
    await w(page).locator(`button[data-action=byo-copy][data-format=${format}]`).click();
    const want = await get(format);
    let copied = "";
    for (let tries = 0; tries < 100 && copied !== want; tries++) {
      copied = await page.evaluate(() => navigator.clipboard.readText());
      if (copied !== want) await page.waitForTimeout(50);
    }
    assert.equal(copied, want, `copied ${format}`);
  }
  assert.match(await status(page), /Copied/);
  // A clipboard that refuses: said so inside the widget.
  await page.evaluate(() => {
    navigator.clipboard.writeText = () => Promise.reject(new Error("denied"));
  });
  await w(page).locator("button[data-action=byo-copy][data-format=markdown]").click();
  await page.waitForFunction(() => /Could not copy: denied/.test(document.querySelector("parallax-compare").shadowRoot.querySelector(".byo-error")?.textContent || ""));
  assert.deepEqual(page.problems, []);
  await context.close();
});

test("thirty documents stay responsive, with a progress line while realigning", async () => {
  const page = await open();
  await page.evaluate((text) => {
    const el = document.querySelector("parallax-compare");
    for (let n = 0; n < 25; n++) el.addText({ title: `Copy ${n}`, author: `Writer ${n}`, text: text.replaceAll("China", `China (${n})`) });
  }, ARTICLE);
  await openPanel(page);
  // Record whether the progress line is painted before the work.
  await page.evaluate(() => {
    const root = document.querySelector("parallax-compare").shadowRoot;
    window.__sawBusy = false;
    new MutationObserver(() => { if (root.querySelector(".busy")) window.__sawBusy = true; }).observe(root, { childList: true, subtree: true });
  });
  const panel = w(page).locator(".byo");
  await panel.locator("[data-field=author]").fill("Thirtieth");
  await panel.locator("[data-field=text]").fill(ARTICLE);
  await panel.locator("button[data-action=byo-add-text]").click();
  await settled(page);
  assert.equal((await columnLabels(page)).length, 30);
  assert.ok(await page.evaluate(() => window.__sawBusy), "a progress line was shown");
  const realign = await page.evaluate(() => document.querySelector("parallax-compare").parallaxTimings.realign);
  assert.ok(realign.at(-1) < 1000, `realign with 30 documents took ${realign.at(-1)} ms`);
  // Still responsive: a question switch after it.
  await w(page).locator(".questions [role=tab]").nth(1).click();
  assert.equal(await w(page).locator(".questions [role=tab][aria-selected=true]").getAttribute("data-q"), "1");
  assert.deepEqual(page.problems, []);
  await page.context_.close();
});

test("without storage the widget works and says it cannot keep; a damaged saved value is left alone", async () => {
  const blocked = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await blocked.addInitScript(() =>
    Object.defineProperty(window, "localStorage", { get() { throw new DOMException("denied", "SecurityError"); } }));
  let page = await open(blocked);
  assert.equal(await w(page).locator("[role=alert]").count(), 0, "no alarm before anything is added");
  await openPanel(page);
  assert.match(await w(page).locator(".byo-note").textContent(), /cannot keep data/);
  await page.evaluate((text) => document.querySelector("parallax-compare").addText({ author: "Unkept", text }), ARTICLE);
  assert.ok((await columnLabels(page)).includes("Unkept"));
  assert.deepEqual(page.problems, []);
  await blocked.close();

  const damaged = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await damaged.addInitScript(() => {
    if (!sessionStorage.getItem("seeded")) {
      localStorage.setItem("parallax:library:v1", "{broken");
      sessionStorage.setItem("seeded", "1");
    }
  });
  page = await open(damaged);
  assert.match(await w(page).locator(".notice[role=alert]").textContent(), /could not be read/);
  await page.evaluate((text) => document.querySelector("parallax-compare").addText({ author: "Later", text }), ARTICLE);
  assert.equal(await page.evaluate(() => localStorage.getItem("parallax:library:v1")), "{broken", "the saved value is untouched");
  assert.deepEqual(page.problems, []);
  await damaged.close();
});

test("axe-core: the open panel has no serious or critical violations in light and dark", async () => {
  const axeSource = await readFile(join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
  for (const colorScheme of ["light", "dark"]) {
    const page = await open(await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme }));
    await openPanel(page);
    await page.evaluate((text) => document.querySelector("parallax-compare").addText({ title: "Mine", author: "Axe", text }), ARTICLE);
    await w(page).locator("[data-field=text]").fill("   ");
    await w(page).locator("button[data-action=byo-add-text]").click();
    await w(page).locator(".byo-error").waitFor();
    await w(page).locator("button[data-action=byo-reset]").click();
    await page.evaluate(axeSource);
    const violations = await page.evaluate(async () => {
      const r = await window.axe.run(document, { resultTypes: ["violations"] });
      return r.violations
        .filter((v) => v.impact === "serious" || v.impact === "critical")
        .map((v) => ({ id: v.id, nodes: v.nodes.map((n) => n.target.join(" ")).slice(0, 3) }));
    });
    assert.deepEqual(violations, [], colorScheme);
    await screenshot(page, `byo-${colorScheme}`);
    assert.deepEqual(page.problems, []);
    await page.context_.close();
  }
});
