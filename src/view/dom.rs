//! Small node builders. Text always enters the page as text nodes (`set_text_content`,
//! `create_text_node`), never parsed as HTML, so corpus text cannot become markup.

use wasm_bindgen::JsValue;
use web_sys::{Document, Element};

/// Builds elements in one document.
pub(crate) struct Dom {
    pub doc: Document,
}

impl Dom {
    /// `<tag class=…>`.
    pub fn el(&self, tag: &str, class: &str) -> Result<Element, JsValue> {
        let el = self.doc.create_element(tag)?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        Ok(el)
    }

    /// `<tag class=…>` appended to `parent`.
    pub fn child(&self, parent: &Element, tag: &str, class: &str) -> Result<Element, JsValue> {
        let el = self.el(tag, class)?;
        parent.append_child(&el)?;
        Ok(el)
    }

    /// `<tag class=…>text</tag>` appended to `parent`.
    pub fn text_child(
        &self,
        parent: &Element,
        tag: &str,
        class: &str,
        text: &str,
    ) -> Result<Element, JsValue> {
        let el = self.child(parent, tag, class)?;
        el.set_text_content(Some(text));
        Ok(el)
    }

    /// A text node appended to `parent`.
    pub fn text(&self, parent: &Element, text: &str) -> Result<(), JsValue> {
        parent.append_child(&self.doc.create_text_node(text))?;
        Ok(())
    }

    /// A `<button type=button>` with a label and a `data-action`, appended to `parent`.
    pub fn button(
        &self,
        parent: &Element,
        class: &str,
        label: &str,
        action: &str,
    ) -> Result<Element, JsValue> {
        let b = self.text_child(parent, "button", class, label)?;
        b.set_attribute("type", "button")?;
        b.set_attribute("data-action", action)?;
        Ok(b)
    }
}

/// Sets several attributes at once.
pub(crate) fn attrs(el: &Element, pairs: &[(&str, &str)]) -> Result<(), JsValue> {
    for (name, value) in pairs {
        el.set_attribute(name, value)?;
    }
    Ok(())
}
