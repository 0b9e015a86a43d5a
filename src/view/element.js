// The <parallax-compare> custom element. wasm-bindgen cannot extend HTMLElement, so this small
// class holds the element's lifecycle and hands its shadow root to Rust (`create`), which
// returns the widget whose methods the element calls. Both builds share it; the studio's
// browser calls (files, clipboard, storage, DOMParser) are in byo.js, which only the studio
// build links.
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
        return studio(this, "addText", text ?? {});
      }
      addQuestion(question) {
        return studio(this, "addQuestion", question ?? {});
      }
      reset() {
        studio(this, "reset", null);
      }
      ["export"](format) {
        return studio(this, "export", String(format));
      }
    },
  );
}

// Only the studio build's widget has `call` (feature `byo`): the reader build leaves the
// editing and export code out of its wasm, and says so here rather than being silently
// without the methods.
function studio(element, method, arg) {
  const widget = element._widget;
  if (widget && typeof widget.call === "function") return widget.call(method, arg);
  throw new Error(
    `${method} needs the Parallax studio build (parallax-studio.html or studio/parallax-embed.js): this build only reads.`,
  );
}
