//! The DOM layer: the only module that imports web-sys. It draws the engine's model into a
//! `<parallax-compare>` element's shadow root and owns the event handlers.

use std::cell::RefCell;

use wasm_bindgen::prelude::*;
use web_sys::{Document, Element, HtmlElement, ShadowRoot};

use crate::align::Engine;
use crate::corpus::Corpus;

/// The widget's stylesheet, adopted into each shadow root (not blocked by a strict `style-src`).
const STYLE: &str = include_str!("../../style.css");

#[wasm_bindgen(module = "/src/view/element.js")]
extern "C" {
    fn define_element(create: &Closure<dyn Fn(ShadowRoot, HtmlElement) -> JsValue>);
}

thread_local! {
    /// Every mounted root, so a panic can say so in each widget instead of leaving it dead.
    static ROOTS: RefCell<Vec<ShadowRoot>> = const { RefCell::new(Vec::new()) };
}

/// Runs once when the wasm module is instantiated: installs the panic message and defines
/// the custom element.
#[wasm_bindgen(start)]
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic(&info.to_string());
    }));
    let create = Closure::<dyn Fn(ShadowRoot, HtmlElement) -> JsValue>::new(
        |root: ShadowRoot, host: HtmlElement| match Widget::mount(root, host) {
            Ok(widget) => JsValue::from(widget),
            Err(e) => {
                web_sys::console::error_1(&e);
                JsValue::NULL
            }
        },
    );
    define_element(&create);
    // The element class keeps calling this for every new instance, for the page's lifetime.
    create.forget();
}

fn show_panic(message: &str) {
    ROOTS.with(|roots| {
        for root in roots.borrow().iter() {
            let Some(doc) = root.owner_document() else { continue };
            if let Ok(p) = doc.create_element("p") {
                p.set_class_name("error");
                let _ = p.set_attribute("role", "alert");
                p.set_text_content(Some(&format!(
                    "Parallax stopped because of an internal error. Reload the page to start again. ({message})"
                )));
                root.set_text_content(None);
                let _ = root.append_child(&p);
            }
        }
    });
}

/// One `<parallax-compare>` instance.
#[wasm_bindgen]
pub struct Widget {
    root: ShadowRoot,
    engine: Engine,
}

#[wasm_bindgen]
impl Widget {
    /// Called by the element when an observed attribute changes.
    pub fn attribute_changed(
        &mut self,
        _name: String,
        _value: Option<String>,
    ) -> Result<(), JsValue> {
        self.render()
    }
}

impl Widget {
    fn mount(root: ShadowRoot, _host: HtmlElement) -> Result<Widget, JsValue> {
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(STYLE)?;
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
        let widget = Widget {
            root,
            engine: Engine::new(Corpus::embedded().clone()),
        };
        widget.render()?;
        Ok(widget)
    }

    fn document(&self) -> Document {
        self.root
            .owner_document()
            .expect("a shadow root belongs to a document")
    }

    /// Creates `<tag class=…>text</tag>`; text always goes in as a text node, never as HTML.
    fn el(&self, tag: &str, class: &str, text: Option<&str>) -> Result<Element, JsValue> {
        let el = self.document().create_element(tag)?;
        if !class.is_empty() {
            el.set_class_name(class);
        }
        if let Some(text) = text {
            el.set_text_content(Some(text));
        }
        Ok(el)
    }

    /// Like [`Widget::el`], appended to `parent`.
    fn child(
        &self,
        parent: &Element,
        tag: &str,
        class: &str,
        text: Option<&str>,
    ) -> Result<Element, JsValue> {
        let el = self.el(tag, class, text)?;
        parent.append_child(&el)?;
        Ok(el)
    }

    fn render(&self) -> Result<(), JsValue> {
        let corpus = self.engine.corpus();
        let main = self.el("section", "documents", None)?;
        main.set_attribute("aria-label", "Documents")?;
        self.child(&main, "h2", "", Some("Documents"))?;
        let list = self.el("ul", "document-list", None)?;
        for (index, doc) in corpus.documents.iter().enumerate() {
            let item = self.el("li", "document", None)?;
            item.set_attribute("data-file", &doc.file)?;
            self.child(&item, "h3", "title", Some(&doc.title))?;
            self.child(&item, "p", "author", Some(&doc.author))?;
            let date = if doc.date.is_empty() {
                "date not stated"
            } else {
                &doc.date
            };
            self.child(&item, "p", "date", Some(date))?;
            let count = self
                .engine
                .paragraphs(index)
                .iter()
                .filter(|p| p.is_body())
                .count();
            self.child(
                &item,
                "p",
                "paragraphs",
                Some(&format!("{count} paragraphs")),
            )?;
            list.append_child(&item)?;
        }
        main.append_child(&list)?;
        self.root.set_text_content(None);
        self.root.append_child(&main)?;
        Ok(())
    }
}
