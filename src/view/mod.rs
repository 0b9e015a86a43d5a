//! The DOM layer: the only module that imports web-sys. It draws the engine's model into a
//! `<parallax-compare>` element's shadow root and owns the event handlers.
//!
//! - `mod.rs` (here): start-up, the panic message, the custom element glue, and the `Model`
//!   every widget on the page shares (one engine, each question aligned once).
//! - `widget.rs`: one `Widget` per element — its [`crate::state::ViewState`],
//!   attributes, permalink and timings.
//! - `render.rs`: draws a state into nodes. `events.rs`: turns DOM events into messages.
//! - `byo.rs` (feature `byo`, the studio build): "bring your own" — the panel to add texts
//!   and questions, keep them in localStorage, and export the comparison. The reader build
//!   (no `byo`) has no panel, and its element methods that edit say they need the studio.
//! - `dom.rs`: node helpers; text always enters as text nodes, never as HTML.

#[cfg(feature = "byo")]
mod byo;
mod dom;
mod events;
mod render;
mod widget;

use std::cell::{Cell, OnceCell, RefCell};
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use web_sys::{HtmlElement, ShadowRoot};

use crate::align::{Engine, Tuning};
use crate::corpus::Corpus;
use crate::embedded;
use crate::library;
#[cfg(feature = "byo")]
use crate::library::Library;
pub(crate) use crate::marks::Prepared;
use crate::segment::Paragraph;

pub use widget::Widget;

#[cfg(feature = "byo")]
pub use byo::read_html;

#[wasm_bindgen(module = "/src/view/element.js")]
extern "C" {
    fn define_element(create: &Closure<dyn Fn(ShadowRoot, HtmlElement) -> JsValue>);
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

/// What every widget on a page shares: the corpus, segmented once, its engine, and each
/// question's alignment, computed the first time any widget shows it (the embedded corpus's
/// come aligned from build.rs).
pub(crate) struct Model {
    corpus: Corpus,
    paragraphs: Vec<Vec<Paragraph>>,
    /// Built on first use: the embedded corpus's views are drawn from what build.rs aligned
    /// ahead of time, and the engine, which focusing a passage needs, is built just after the
    /// first (see `prepare_in_background`).
    engine: OnceCell<Engine>,
    /// How distinct the questions are, when build.rs found it (the embedded corpus).
    distinctness: Option<f32>,
    prepared: RefCell<Vec<Option<Rc<Prepared>>>>,
    /// For blind mode: each author's names, `(name, document)`, to cut out of the text.
    pub names: Vec<(String, usize)>,
    /// The reader's additions this model was built with (empty for the original corpus).
    #[cfg(feature = "byo")]
    pub library: Library,
}

impl Model {
    /// The page's model of the embedded corpus, built on first use.
    pub fn shared() -> Rc<Model> {
        MODEL.with(|m| {
            m.borrow_mut()
                .get_or_insert_with(|| {
                    let mut model = Model::new(Corpus::embedded().clone(), embedded::paragraphs());
                    model.distinctness = Some(embedded::distinctness());
                    for (q, slot) in model.prepared.borrow_mut().iter_mut().enumerate() {
                        *slot = embedded::aligned(q).map(Rc::new);
                    }
                    Rc::new(model)
                })
                .clone()
        })
    }

    /// The original corpus with `library`'s additions, segmented.
    #[cfg(feature = "byo")]
    pub fn with_library(library: Library) -> Model {
        let corpus = library.corpus(Corpus::embedded());
        let paragraphs = corpus.paragraphs();
        let mut model = Model::new(corpus, paragraphs);
        model.library = library;
        model
    }

    /// Whether the corpus can be compared (two texts, a question), or why not.
    pub fn comparable(&self) -> Result<(), library::Incomparable> {
        library::check_comparable(self.corpus())
    }

    fn new(corpus: Corpus, paragraphs: Vec<Vec<Paragraph>>) -> Model {
        let mut names = Vec::new();
        for (doc, d) in corpus.documents.iter().enumerate() {
            names.extend(names_of(d).into_iter().map(|n| (n, doc)));
        }
        let questions = corpus.questions.len();
        Model {
            corpus,
            paragraphs,
            engine: OnceCell::new(),
            distinctness: None,
            prepared: RefCell::new(vec![None; questions]),
            names,
            #[cfg(feature = "byo")]
            library: Library::default(),
        }
    }

    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The paragraphs of document `doc`, junk included.
    pub fn paragraphs(&self, doc: usize) -> &[Paragraph] {
        &self.paragraphs[doc]
    }

    /// The engine, built on first use.
    pub fn engine(&self) -> &Engine {
        self.engine.get_or_init(|| {
            let engine = Engine::with_paragraphs(
                self.corpus.clone(),
                self.paragraphs.clone(),
                Tuning::default(),
            );
            match self.distinctness {
                Some(known) => engine.knowing_distinctness(known),
                None => engine,
            }
        })
    }

    /// Whether the engine is built yet.
    pub fn has_engine(&self) -> bool {
        self.engine.get().is_some()
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
        let prepared = Rc::new(Prepared::new(self.engine(), q));
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
