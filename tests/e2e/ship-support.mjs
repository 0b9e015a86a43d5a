// What the packaging tests (ship-*.test.mjs) share: reading a widget's shadow root the same way
// whatever the view draws, and recording Content-Security-Policy violations.

/**
 * What every version of the view shows of the corpus, at any width, when not in blind mode: the two
 * named authors and the first document's title (a narrow widget shows one author's column at a time).
 */
export const CORPUS_TEXT = ["Chan Kung", "Danil Bochkov", "The New Direction for Russia-China Relations"];

/** Init script: every `securitypolicyviolation` lands in `window.__cspViolations`. */
export function recordCspViolations() {
  window.__cspViolations = [];
  document.addEventListener("securitypolicyviolation", (e) => {
    window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"} (${e.sourceFile}:${e.lineNumber})`);
  });
}

/** Waits until the element (a selector, in `frame`) has a shadow root showing the corpus; returns its text. */
export async function widgetText(frame, selector = "parallax-compare", timeout = 15000) {
  const handle = await frame.waitForFunction(
    ({ selector, expected }) => {
      const root = document.querySelector(selector)?.shadowRoot;
      if (!root) return false;
      const text = [...root.children].map((c) => c.innerText || "").join("\n");
      return expected.every((s) => text.includes(s)) && text;
    },
    { selector, expected: CORPUS_TEXT },
    { timeout },
  );
  return handle.jsonValue();
}

/** Waits until the element has mounted and drawn something that is not an error message. */
export async function widgetRendered(frame, selector = "parallax-compare", timeout = 15000) {
  await frame.waitForFunction(
    (selector) => {
      const root = document.querySelector(selector)?.shadowRoot;
      return root && !root.querySelector('[role="alert"]') &&
        [...root.children].some((c) => (c.innerText || "").trim().length > 0);
    },
    selector,
    { timeout },
  );
}

/** The question tabs of a widget, if this version of the view has them: [{ name, selected }]. */
export function questionTabs(frame, selector = "parallax-compare") {
  return frame.evaluate((selector) => {
    const root = document.querySelector(selector)?.shadowRoot;
    const tabs = root ? [...root.querySelectorAll('[role="tablist"] [role="tab"]')] : [];
    return tabs.map((t) => ({ name: t.textContent.trim(), selected: t.getAttribute("aria-selected") === "true" }));
  }, selector);
}

/** The name of the selected question tab, or null when the view has no tabs. */
export async function selectedQuestion(frame, selector) {
  const tabs = await questionTabs(frame, selector);
  return tabs.find((t) => t.selected)?.name ?? null;
}
