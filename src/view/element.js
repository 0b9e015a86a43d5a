// The <parallax-compare> custom element. wasm-bindgen cannot extend HTMLElement, so this small
// class holds the element's lifecycle and hands its shadow root to Rust (`create`), which
// returns the widget whose methods the element calls. Below it, the few browser calls that are
// asynchronous or page-wide (files, clipboard, downloads, storage): smaller here than as
// web-sys bindings, and none of them puts text into the page as markup.
const OBSERVED = ["question", "authors", "blind", "theme", "height", "highlights"];

export function define_element(create) {
  // A second define throws: the script may be included twice, or several bundles on a page.
  if (customElements.get("parallax-compare")) return;
  customElements.define(
    "parallax-compare",
    class ParallaxCompare extends HTMLElement {
      static get observedAttributes() {
        return OBSERVED;
      }
      connectedCallback() {
        if (this._widget) return;
        const root = this.shadowRoot || this.attachShadow({ mode: "open" });
        this._widget = create(root, this);
      }
      attributeChangedCallback(name, _old, value) {
        if (this._widget) this._widget.attribute_changed(name, value);
      }
      // For scripts: each throws an Error with the message the widget shows. (`export` is
      // written as a computed name: a line starting with `export` reads as a module export
      // to scripts/single-file.mjs.)
      addText(text) {
        return this._widget.call("addText", text ?? {});
      }
      addQuestion(question) {
        return this._widget.call("addQuestion", JSON.stringify(question ?? {}));
      }
      reset() {
        this._widget.call("reset", null);
      }
      ["export"](format) {
        return this._widget.call("export", String(format));
      }
    },
  );
}

/** Reads the files of a drop or a file input; calls `done([[name, Uint8Array], …])` or
 * `failed(message)`. */
export function read_files(event, done, failed) {
  const list = (event.dataTransfer || event.target).files;
  const files = Array.from(list || []);
  Promise.all(files.map(async (f) => [f.name, new Uint8Array(await f.arrayBuffer())])).then(
    done,
    (e) => failed(String(e && e.message ? e.message : e)),
  );
}

/** Copies `text`; calls `done(null)` or `done(message)`. */
export function copy_text(text, done) {
  const clip = navigator.clipboard;
  if (!clip) return done("the clipboard is not available on this page");
  clip.writeText(text).then(
    () => done(null),
    (e) => done(String(e && e.message ? e.message : e)),
  );
}

/** Saves `text` as a file named `name`. */
export function download(name, type, text) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement("a");
  a.href = url;
  a.download = name;
  a.style.display = "none";
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

/** localStorage[key], or throws when storage is disabled. */
export function store_get(key) {
  return localStorage.getItem(key);
}

/** Writes (or with `null`, removes) localStorage[key]; returns null or why it failed. */
export function store_set(key, value) {
  try {
    if (value === null || value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
    return null;
  } catch (e) {
    return e && e.name === "QuotaExceededError"
      ? "the browser's storage for this page is full"
      : String(e && e.message ? e.message : e);
  }
}

/** Calls `f` after the browser has painted. */
export function after_paint(f) {
  requestAnimationFrame(() => setTimeout(f, 0));
}
