// Realign timings after a reader adds texts, through the element's `addText` (the same path as
// the panel, without the progress line's extra frame). Texts are cut from the seed articles, so
// they read like real prose: one of 5,000 words, then 26 of ~1,300 words for 30 documents.
// Prints medians over RUNS page loads. Run by byo.sh.
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { serve, launch, newPage, ROOT, DIST } from "../../tests/e2e/harness.mjs";

const RUNS = Number(process.env.RUNS || 5);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

// The seed prose, paragraph by paragraph, repeated as needed; `words` words from `offset`.
const seeds = [];
for (const f of (await readdir(join(ROOT, "seeds"))).filter((f) => f.endsWith(".txt")).sort())
  seeds.push(...(await readFile(join(ROOT, "seeds", f), "utf8")).split("\n").filter((l) => l.split(" ").length > 12));
function text(words, offset) {
  const out = [];
  let n = 0;
  for (let i = offset; n < words; i++) {
    const p = seeds[i % seeds.length];
    out.push(p);
    n += p.split(/\s+/).length;
  }
  return out.join("\n");
}

const server = await serve(join(DIST, "studio"));
const browser = await launch();
const big = [];
const thirty = [];
let words = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await newPage(browser);
    await page.goto(server.url);
    await page.locator("parallax-compare .panel").waitFor();
    const five = text(5000, run * 7);
    words = five.split(/\s+/).length;
    await page.evaluate((t) => document.querySelector("parallax-compare").addText({ title: "Five thousand", author: "Bench", text: t }), five);
    // Back to the four seeds, then 26 texts: 30 documents.
    await page.evaluate(() => document.querySelector("parallax-compare").reset());
    const texts = Array.from({ length: 26 }, (_, n) => text(1300, n * 11 + run));
    await page.evaluate((texts) => {
      const el = document.querySelector("parallax-compare");
      texts.forEach((t, n) => el.addText({ title: `Text ${n}`, author: `Writer ${n}`, text: t }));
    }, texts);
    const t = await page.evaluate(() => document.querySelector("parallax-compare").parallaxTimings.realign);
    const columns = await page.locator("parallax-compare").locator(".columns section").count();
    if (columns !== 30) throw new Error(`expected 30 columns, found ${columns}`);
    big.push(t[0]);
    thirty.push(t.at(-1));
    if (page.problems.length) throw new Error(page.problems.join("\n"));
    await page.evaluate(() => localStorage.clear());
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;
console.log(`byo: realign after adding a ${words}-word text     ${fmt(big)}   budget 200 ms`);
console.log(`byo: realign with 30 documents                 ${fmt(thirty)}   budget 1000 ms`);
const over = median(big) > 200 || median(thirty) > 1000;
if (over) console.log("byo: OVER BUDGET (a median above its budget)");
process.exit(over && process.env.STRICT === "1" ? 1 : 0);
