//! The DOM layer: the only module that imports web-sys. It draws the engine's model into a
//! `<parallax-compare>` element's shadow root and owns the event handlers.
//!
//! - `mod.rs` (here): start-up, the panic message, the custom element glue, and the `Model`
//!   every widget on the page shares (one engine, each question aligned once).
//! - `widget.rs`: one `Widget` per element — its [`crate::state::ViewState`],
//!   attributes, permalink and timings.
//! - `render.rs`: draws a state into nodes. `events.rs`: turns DOM events into messages.
//! - `byo.rs`: "bring your own" — the panel to add texts and questions, keep them in
//!   localStorage, and export the comparison.
//! - `dom.rs`: node helpers; text always enters as text nodes, never as HTML.

mod byo;
mod dom;
mod events;
mod render;
mod widget;

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};

use crate::align::{Engine, QuestionAlignment};
use crate::corpus::Corpus;
use crate::library::{self, json, Library};
use crate::marks;
use crate::segment::Span;

pub use widget::Widget;

#[wasm_bindgen(module = "/src/view/element.js")]
extern "C" {
    fn define_element(create: &Closure<dyn Fn(ShadowRoot, HtmlElement) -> JsValue>);
    fn read_files(event: &web_sys::Event, done: JsValue);
    fn copy_text(text: &str, done: JsValue);
    fn download(name: &str, kind: &str, text: &str);
    #[wasm_bindgen(catch)]
    fn store_get(key: &str) -> Result<Option<String>, JsValue>;
    fn store_set(key: &str, value: Option<String>) -> Option<String>;
    fn after_paint(f: JsValue);
    fn html_text(html: &str) -> js_sys::Array;
}

/// What `JSON.parse` made (or a script passed) as the library's JSON value, so that the
/// library is read by the browser's parser and `library::json`'s own stays out of the wasm.
/// Numbers become their digits when they are whole and not negative (all the library reads),
/// and a marker that no integer reading accepts otherwise; functions and `undefined` are
/// `null`. Nesting is limited as the native parser limits it.
pub(crate) fn json_value(v: &JsValue, depth: usize) -> Result<json::Value, String> {
    if depth > json::MAX_DEPTH {
        return Err("nested too deeply".into());
    }
    Ok(if let Some(s) = v.as_string() {
        json::Value::String(s)
    } else if let Some(b) = v.as_bool() {
        json::Value::Bool(b)
    } else if let Some(n) = v.as_f64() {
        let whole = (0.0..=9_007_199_254_740_991.0).contains(&n) && n == (n as u64) as f64;
        json::Value::Number(if whole {
            (n as u64).to_string()
        } else {
            "not whole".into()
        })
    } else if js_sys::Array::is_array(v) {
        json::Value::Array(
            js_sys::Array::from(v)
                .iter()
                .map(|item| json_value(&item, depth + 1))
                .collect::<Result<_, _>>()?,
        )
    } else if v.is_object() && !v.is_function() {
        let mut members = Vec::new();
        for entry in js_sys::Object::entries(v.unchecked_ref()).iter() {
            let entry = js_sys::Array::from(&entry);
            let key = entry.get(0).as_string().unwrap_or_default();
            members.push((key, json_value(&entry.get(1), depth + 1)?));
        }
        json::Value::Object(members)
    } else {
        json::Value::Null
    })
}

/// An HTML page's text, read by the browser's `DOMParser` (`html_text` in `element.js`): it
/// parses as the browser does, runs no script and loads nothing, and it keeps the native
/// tokenizer of [`crate::import`] out of the wasm. The [`crate::import::HtmlReader`] of the view.
pub fn read_html(html: &str) -> crate::import::Extracted {
    let found = html_text(html);
    crate::import::Extracted {
        title: found.get(0).as_string(),
        author: found.get(1).as_string(),
        paragraphs: found.iter().skip(2).filter_map(|l| l.as_string()).collect(),
    }
}

thread_local! {
    /// Every mounted root, so a panic can say so in each widget instead of leaving it dead.
    static ROOTS: RefCell<Vec<ShadowRoot>> = const { RefCell::new(Vec::new()) };
    /// `performance.now()` when the module started: first-render timings count from here.
    static STARTED: Cell<f64> = const { Cell::new(0.0) };
    static MODEL: RefCell<Option<Rc<Model>>> = const { RefCell::new(None) };
}

/// Runs once when the wasm module is instantiated: installs the panic message and defines
/// the custom element.
#[wasm_bindgen(start)]
pub fn start() {
    if STARTED.with(Cell::get) == 0.0 {
        STARTED.with(|s| s.set(now()));
    }
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic(&info.to_string());
    }));
    let create = Closure::<dyn Fn(ShadowRoot, HtmlElement) -> JsValue>::new(
        |root: ShadowRoot, host: HtmlElement| {
            ROOTS.with(|roots| roots.borrow_mut().push(root.clone()));
            match Widget::mount(root, host) {
                Ok(widget) => JsValue::from(widget),
                Err(e) => {
                    web_sys::console::error_1(&e);
                    JsValue::NULL
                }
            }
        },
    );
    define_element(&create);
    // The element class keeps calling this for every new instance, for the page's lifetime.
    create.forget();
}

fn show_panic(message: &str) {
    ROOTS.with(|roots| {
        // A panic inside a render may come while the roots are borrowed elsewhere: skip then.
        let Ok(roots) = roots.try_borrow() else { return };
        for root in roots.iter() {
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

/// Milliseconds since the page started, from `performance.now()`.
pub(crate) fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Milliseconds since the wasm module started.
pub(crate) fn since_start() -> f64 {
    now() - STARTED.with(Cell::get)
}

/// One question, aligned, with its passages' highlights snapped to whole words.
pub(crate) struct Prepared {
    pub alignment: QuestionAlignment,
    /// Per passage (same order as `alignment.passages`): question-term marks.
    pub terms: Vec<Vec<Span>>,
    /// Per passage: the stance cue, grown to whole words.
    pub cues: Vec<Option<Span>>,
}

/// What every widget on a page shares: the engine (the corpus segmented once) and each
/// question's alignment, computed the first time any widget shows it.
pub(crate) struct Model {
    pub engine: Engine,
    prepared: RefCell<Vec<Option<Rc<Prepared>>>>,
    /// For blind mode: each author's names, `(name, document)`, to cut out of the text.
    pub names: Vec<(String, usize)>,
    /// The reader's additions this model was built with (empty for the original corpus).
    pub library: Library,
}

impl Model {
    /// The page's model, built on first use.
    pub fn shared() -> Rc<Model> {
        MODEL.with(|m| {
            m.borrow_mut()
                .get_or_insert_with(|| Rc::new(Model::new(Corpus::embedded().clone())))
                .clone()
        })
    }

    /// The original corpus with `library`'s additions, segmented and indexed.
    pub fn with_library(library: Library) -> Model {
        let mut model = Model::new(library.corpus(Corpus::embedded()));
        model.library = library;
        model
    }

    /// Whether the corpus can be compared (two texts, a question), or why not.
    pub fn comparable(&self) -> Result<(), library::Incomparable> {
        library::check_comparable(self.corpus())
    }

    fn new(corpus: Corpus) -> Model {
        let names = corpus
            .documents
            .iter()
            .enumerate()
            .flat_map(|(doc, d)| names_of(d).into_iter().map(move |n| (n, doc)))
            .collect();
        let questions = corpus.questions.len();
        Model {
            engine: Engine::new(corpus),
            prepared: RefCell::new(vec![None; questions]),
            names,
            library: Library::default(),
        }
    }

    pub fn corpus(&self) -> &Corpus {
        self.engine.corpus()
    }

    /// The first question not aligned yet.
    pub fn unprepared(&self) -> Option<usize> {
        self.prepared.borrow().iter().position(Option::is_none)
    }

    /// Question `q`, aligned once per page.
    pub fn prepared(&self, q: usize) -> Rc<Prepared> {
        if let Some(p) = self.prepared.borrow().get(q).cloned().flatten() {
            return p;
        }
        let alignment = self.engine.align(q);
        let mut terms = Vec::with_capacity(alignment.passages.len());
        let mut cues = Vec::with_capacity(alignment.passages.len());
        for p in &alignment.passages {
            let text = &self.corpus().documents[p.doc].text;
            let span = self.engine.paragraphs(p.doc)[p.paragraph].span;
            terms.push(marks::term_marks(text, span, &p.terms));
            cues.push(p.cue.and_then(|c| marks::whole_words(text, span, c)));
        }
        let prepared = Rc::new(Prepared {
            alignment,
            terms,
            cues,
        });
        if let Some(slot) = self.prepared.borrow_mut().get_mut(q) {
            *slot = Some(prepared.clone());
        }
        prepared
    }
}

/// The names that give an author away: the author, the column label, and a name given in
/// parentheses in the label (`Interview (Jane Doe)`).
fn names_of(doc: &crate::corpus::Document) -> Vec<String> {
    let mut names = vec![doc.label.clone()];
    if doc.has_author() {
        names.push(doc.author.clone());
    }
    if let (Some(open), Some(close)) = (doc.label.find('('), doc.label.rfind(')')) {
        if open < close {
            names.push(doc.label[open + 1..close].trim().to_string());
        }
    }
    names.retain(|n| !n.trim().is_empty());
    names.dedup();
    names
}
