//! Small node builders. Text always enters the page as text nodes (`set_text_content`,
//! `create_text_node`), never parsed as HTML, so corpus text cannot become markup.
//!
//! They do not return `Result`: creating an element with one of our constant tag names,
//! setting one of our constant attribute names and appending a fresh node cannot fail, and a
//! `?` at each of the view's few hundred DOM calls cost the wasm an error path apiece (each
//! dropping every node still held), ~10 KB gzip in all.

use web_sys::{Document, Element};

/// Builds elements in one document.
pub(crate) struct Dom {
    pub doc: Document,
}

impl Dom {
    /// `<tag class=…>`.
    pub fn el(&self, tag: &str, class: &str) -> Element {
        // Not `Result::expect`: it would print the JsValue, whose Debug glue costs ~0.7 KB of JS.
        let Ok(el) = self.doc.create_element(tag) else {
            panic!("the view's tag names are valid");
        };
        if !class.is_empty() {
            el.set_class_name(class);
        }
        el
    }

    /// `<tag class=…>` appended to `parent`.
    pub fn child(&self, parent: &Element, tag: &str, class: &str) -> Element {
        let el = self.el(tag, class);
        let _ = parent.append_child(&el);
        el
    }

    /// `<tag class=…>text</tag>` appended to `parent`.
    pub fn text_child(&self, parent: &Element, tag: &str, class: &str, text: &str) -> Element {
        let el = self.child(parent, tag, class);
        el.set_text_content(Some(text));
        el
    }

    /// A text node appended to `parent`.
    pub fn text(&self, parent: &Element, text: &str) {
        let _ = parent.append_child(&self.doc.create_text_node(text));
    }

    /// A `<button type=button>` with a label and a `data-action`, appended to `parent`.
    pub fn button(&self, parent: &Element, class: &str, label: &str, action: &str) -> Element {
        let b = self.text_child(parent, "button", class, label);
        attrs(&b, &[("type", "button"), ("data-action", action)]);
        b
    }
}

/// Setting an attribute the view names itself, which cannot fail (see the module comment).
pub(crate) trait Attr {
    /// Sets `name` to `value`; returns the element for chaining.
    fn attr(&self, name: &str, value: &str) -> &Self;
}

impl Attr for Element {
    fn attr(&self, name: &str, value: &str) -> &Element {
        let _ = self.set_attribute(name, value);
        self
    }
}

/// Sets several attributes at once.
pub(crate) fn attrs(el: &Element, pairs: &[(&str, &str)]) {
    for (name, value) in pairs {
        el.attr(name, value);
    }
}
