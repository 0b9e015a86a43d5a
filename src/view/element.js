// The <parallax-compare> custom element. wasm-bindgen cannot extend HTMLElement, so this small
// class holds the element's lifecycle and hands its shadow root to Rust (`create`), which
// returns the widget whose methods the element calls.
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
    },
  );
}
