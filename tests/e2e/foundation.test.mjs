// The release build, served on 127.0.0.1, lists the embedded corpus in a real Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, newPage, screenshot } from "./harness.mjs";

let server, browser;
before(async () => {
  server = await serve();
  browser = await launch();
});
after(async () => {
  await browser?.close();
  await server?.close();
});

test("page shows the four embedded documents as author columns with author and title, console empty", async () => {
  const page = await newPage(browser);
  await page.goto(server.url);
  const columns = page.locator("parallax-compare .columns [role=region]");
  await columns.first().waitFor();
  assert.equal(await columns.count(), 4);
  // innerText of the host holds only its light DOM; the widget lives in the shadow root.
  const text = (await columns.allInnerTexts()).join("\n");
  for (const expected of [
    "Chan Kung",
    "Danil Bochkov",
    "Toward a More Perfect Alliance",
    "The danger is to see the West alone",
  ]) {
    assert.ok(text.includes(expected), `page should show ${expected}`);
  }
  assert.match(text, /Show full text \(\d+ more paragraphs\)/);
  await screenshot(page, "foundation");
  assert.deepEqual(page.problems, []);
});

test("a wasm that fails to load shows a readable error, not a spinner", async () => {
  const page = await newPage(browser);
  await page.route(/\.wasm$/, (route) => route.abort());
  await page.goto(server.url);
  const alert = page.locator("parallax-compare [role=alert]");
  await alert.waitFor({ timeout: 15000 });
  assert.match(await alert.innerText(), /Parallax could not start/);
});
