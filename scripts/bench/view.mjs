// Browser timings of the comparison view, read from what the widget records with
// performance.now() (`element.parallaxTimings`): first full render after the wasm starts (on
// the first question, and from a permalink to another), question switch, passage focus.
// Prints the median of several runs. Run by view.sh.
import { serve, launch, newPage } from "../../tests/e2e/harness.mjs";

const RUNS = Number(process.env.RUNS || 7);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

const server = await serve();
const browser = await launch();
const first = [];
const parts = { beforeMount: [], style: [], engine: [], align: [], draw: [], layout: [] };
const switches = [];
const focuses = [];
const linked = [];
let permalink = "";
try {
  for (let run = 0; run < RUNS; run++) {
    const page = await newPage(browser);
    await page.goto(server.url);
    const w = page.locator("parallax-compare");
    await w.locator(".panel").waitFor();
    for (let q = 1; q <= 7; q++) {
      await w.locator(`[role=tab][data-q="${q % 7}"]`).click();
      // The page writes the view into its hash: the last question's is a permalink to open.
      if (q === 6) permalink = await page.evaluate(() => location.hash);
    }
    for (let n = 0; n < 4; n++) {
      await w.locator(".columns [role=region]").nth(n).locator("article").first().click();
      await page.keyboard.press("Escape");
    }
    const t = await page.evaluate(() => document.querySelector("parallax-compare").parallaxTimings);
    first.push(t.firstRender);
    for (const k of Object.keys(parts)) parts[k].push(t[k]);
    switches.push(...t.questionSwitch);
    focuses.push(...t.focus);
    if (page.problems.length) throw new Error(page.problems.join("\n"));
    await page.close();
  }
  for (let run = 0; run < RUNS; run++) {
    const page = await newPage(browser);
    await page.goto(server.url + permalink);
    await page.locator("parallax-compare .panel").waitFor();
    linked.push(await page.evaluate(() => document.querySelector("parallax-compare").parallaxTimings.firstRender));
    if (page.problems.length) throw new Error(page.problems.join("\n"));
    await page.close();
  }
} finally {
  await browser.close();
  await server.close();
}
const fmt = (xs) => `median ${median(xs).toFixed(1)} ms, max ${Math.max(...xs).toFixed(1)} ms (n=${xs.length})`;
console.log(`view: first full render after wasm start   ${fmt(first)}   budget 100 ms`);
console.log(`        of which: before mounting ${median(parts.beforeMount).toFixed(1)} ms, stylesheet ${median(parts.style).toFixed(1)} ms, model ready ${median(parts.engine).toFixed(1)} ms, question ready ${median(parts.align).toFixed(1)} ms, nodes built ${median(parts.draw).toFixed(1)} ms, style and layout ${median(parts.layout).toFixed(1)} ms (medians)`);
console.log(`view: first render from a permalink (${permalink})   ${fmt(linked)}   budget 100 ms`);
console.log(`view: question switch                      ${fmt(switches)}   budget 16 ms`);
console.log(`view: passage focus                        ${fmt(focuses)}   budget 16 ms`);
const over = median(first) > 100 || median(linked) > 100 || median(switches) > 16 || median(focuses) > 16;
if (over) console.log("view: OVER BUDGET (a median above its budget)");
// STRICT=1 makes a budget miss fail the run; by default `make bench` goes on to the next bench.
process.exit(over && process.env.STRICT === "1" ? 1 : 0);
