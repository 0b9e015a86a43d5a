// scripts/single-file.mjs's rewriting of a wasm-bindgen snippet module into an expression, checked on
// the export forms a snippet may use, and on the forms it must refuse rather than inline wrongly.
import { test } from "node:test";
import assert from "node:assert/strict";
import { moduleExpression } from "../../scripts/single-file.mjs";

const evaluate = (expression) => new Function(`"use strict"; return ${expression};`)();

test("snippet exports of every declaration form become fields of the inlined module", () => {
  const module = evaluate(moduleExpression(`
const hidden = 2;
export function double(x) { return x * hidden; }
export async function later() { return 1; }
export class Box { get value() { return hidden; } }
export const answer = 42;
export let mutable = "m";
`, "forms.js"));
  assert.equal(module.double(4), 8);
  assert.equal(new module.Box().value, 2);
  assert.equal(module.answer, 42);
  assert.equal(module.mutable, "m");
  assert.equal(typeof module.later, "function");
  assert.equal(module.hidden, undefined, "what the snippet does not export stays private");
});

test("an export list, with renames, becomes fields under the exported names", () => {
  const module = evaluate(moduleExpression(`
function inner() { return "in"; }
const value = 7;
export { inner as outer, value };
`, "list.js"));
  assert.deepEqual(Object.keys(module).sort(), ["outer", "value"]);
  assert.equal(module.outer(), "in");
});

test("forms that cannot be inlined safely stop the build and name the snippet", () => {
  assert.throws(() => moduleExpression("export default function () {}", "default.js"), /default\.js.*export form/);
  assert.throws(() => moduleExpression('import { x } from "./other.js";\nexport const y = x;', "imports.js"),
    /imports\.js imports another module/);
});
