//! One `<parallax-compare>` instance: its state, its attributes, its permalink and its
//! timings. Each instance owns its state, so several on one page stay independent; only an
//! instance with the `permalink` attribute reads and writes the URL hash.

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlElement, ShadowRoot};

#[cfg(feature = "byo")]
use super::byo::{self, Byo};
use super::dom::Dom;
use super::events::{self, Listeners};
use super::{now, render, since_start, Model};
use crate::align::PassageMatch;
use crate::state::{
    self, parse_authors, parse_bool_attribute, parse_height, parse_highlights, parse_question,
    parse_theme, AttributeError, Focus, Msg, Theme, ViewState,
};

/// The widget's stylesheet, adopted into each shadow root (not blocked by a strict `style-src`).
const STYLE: &str = include_str!(concat!(env!("OUT_DIR"), "/style.min.css"));

/// The attributes the element observes (kept in step with `element.js`).
const ATTRIBUTES: [&str; 6] = [
    "question",
    "authors",
    "blind",
    "theme",
    "height",
    "highlights",
];

/// One `<parallax-compare>` instance, owned by the element (JS keeps it as `_widget`).
#[wasm_bindgen]
pub struct Widget {
    /// `pub(super)`: the studio's script methods (`byo.rs`) reach the state through it.
    pub(super) inner: Rc<RefCell<Inner>>,
    _listeners: Listeners,
}

#[wasm_bindgen]
impl Widget {
    /// Called by the element when an observed attribute changes. A bad value leaves the view
    /// as it was and says what is wrong inside the widget.
    pub fn attribute_changed(&self, name: String, value: Option<String>) {
        let Ok(mut inner) = self.inner.try_borrow_mut() else {
            return;
        };
        match inner.apply_attribute(&name, value.as_deref()) {
            Ok(Some(msg)) => inner.dispatch(msg),
            Ok(None) => inner.redraw(),
            Err(e) => {
                inner
                    .notices
                    .push(format!("The {name} attribute was ignored: {e}."));
                inner.redraw();
            }
        }
    }
}

impl Widget {
    /// Mounts a widget into `root`, reading the host's attributes and, for a permalink
    /// instance, the URL hash.
    pub(crate) fn mount(root: ShadowRoot, host: HtmlElement) -> Result<Widget, JsValue> {
        let began = now();
        let before_mount = since_start();
        let sheet = web_sys::CssStyleSheet::new()?;
        sheet.replace_sync(STYLE)?;
        root.set_adopted_style_sheets(&js_sys::Array::of1(&sheet));
        let style_ms = now() - began;
        let began = now();
        #[cfg(feature = "byo")]
        let (keeps, model, notices) = byo::mounted(&host);
        #[cfg(not(feature = "byo"))]
        let (model, notices) = (Model::shared(), Vec::new());
        let engine_ms = now() - began;
        let document = root
            .owner_document()
            .expect("a shadow root belongs to a document");
        let mut inner = Inner {
            state: ViewState::new(model.corpus()),
            permalink: host.has_attribute("permalink"),
            root,
            host,
            dom: Dom { doc: document },
            model,
            theme: Theme::Auto,
            height: None,
            notices,
            #[cfg(feature = "byo")]
            keeps,
            #[cfg(feature = "byo")]
            byo: Byo::default(),
            announce: String::new(),
            focus_after: None,
            closest: None,
            timings: Timings::default(),
            handout: false,
        };
        for name in ATTRIBUTES {
            let value = inner.host.get_attribute(name);
            match inner.apply_attribute(name, value.as_deref()) {
                Ok(Some(msg)) => inner.state.update(msg),
                Ok(None) => {}
                Err(e) => inner
                    .notices
                    .push(format!("The {name} attribute was ignored: {e}.")),
            }
        }
        if inner.permalink {
            inner.read_hash();
        }
        let aligning = now();
        if inner.model.comparable().is_ok() {
            inner.model.prepared(inner.state.question);
        }
        let align_ms = now() - aligning;
        inner.check_focus();
        let drawing = now();
        inner.redraw();
        let laying_out = now();
        if let Some(px) = inner.root.first_element_child() {
            let _ = px.dyn_ref::<HtmlElement>().map(HtmlElement::offset_height);
        }
        inner.timings.first_render = Some(since_start());
        inner.timings.parts = Some([
            before_mount,
            style_ms,
            engine_ms,
            align_ms,
            laying_out - drawing,
            now() - laying_out,
        ]);
        inner.publish_timings();
        let inner = Rc::new(RefCell::new(inner));
        let listeners = events::install(&inner)?;
        #[cfg(feature = "byo")]
        if keeps {
            byo::register(&inner);
        }
        prepare_in_background(&inner.borrow().model);
        Ok(Widget {
            inner,
            _listeners: listeners,
        })
    }
}

#[derive(Default)]
struct Timings {
    first_render: Option<f64>,
    /// Of the first render: start-up before mounting, the stylesheet, the model (for the
    /// embedded corpus: its texts and build-time paragraphs), the question (aligned at build
    /// time for the embedded corpus's first; else the engine is built and aligns it), building
    /// the nodes, style and layout.
    parts: Option<[f64; 6]>,
    question: Vec<f64>,
    focus: Vec<f64>,
    /// Building the engine anew after a text or question changed, through the redraw.
    realign: Vec<f64>,
}

/// A widget's state and the handles it draws into.
pub(crate) struct Inner {
    pub root: ShadowRoot,
    pub host: HtmlElement,
    pub dom: Dom,
    pub model: Rc<Model>,
    pub state: ViewState,
    pub theme: Theme,
    pub height: Option<String>,
    /// Messages shown at the top of the widget until dismissed.
    pub notices: Vec<String>,
    /// Said by the live region after the next render.
    pub announce: String,
    /// `data-key` of the element to give keyboard focus after the next render.
    pub focus_after: Option<String>,
    /// Whether the print handout is drawn (only around printing: it aligns every question).
    pub handout: bool,
    /// Whether this instance reads and writes the URL hash.
    pub permalink: bool,
    /// Whether this instance keeps the reader's library (`permalink` or `library`).
    #[cfg(feature = "byo")]
    pub keeps: bool,
    /// The "bring your own" panel.
    #[cfg(feature = "byo")]
    pub byo: Byo,
    closest: Option<(usize, Focus, Rc<Vec<PassageMatch>>)>,
    timings: Timings,
}

impl Inner {
    /// Applies a user action and redraws; times question switches and focus.
    pub fn dispatch(&mut self, msg: Msg) {
        let timed = match msg {
            Msg::SelectQuestion(_) | Msg::StepQuestion(_) => Some(true),
            Msg::Focus(_) | Msg::OpenCell { .. } => Some(false),
            _ => None,
        };
        let started = now();
        self.state.update(msg);
        self.check_focus();
        self.redraw();
        if timed.is_some() {
            // Count style and layout too, not only building the nodes: reading a size forces them.
            if let Some(px) = self.root.first_element_child() {
                let _ = px.dyn_ref::<HtmlElement>().map(HtmlElement::offset_height);
            }
        }
        let took = now() - started;
        match timed {
            Some(true) => self.timings.question.push(took),
            Some(false) => self.timings.focus.push(took),
            None => {}
        }
        if timed.is_some() {
            self.publish_timings();
        }
        self.write_hash();
    }

    /// Redraws the whole widget from its state, keeping what was typed in the panel.
    pub fn redraw(&mut self) {
        #[cfg(feature = "byo")]
        byo::harvest(self);
        self.paint();
    }

    /// Redraws the whole widget, keeping keyboard focus on the same control.
    pub fn paint(&mut self) {
        let active = self
            .root
            .active_element()
            .and_then(|e| e.get_attribute("data-key"));
        let closest = self.closest_matches();
        let tree = render::draw(self, closest.as_ref().map(|m| m.as_slice()));
        self.root.set_text_content(None);
        let _ = self.root.append_child(&tree);
        let key = self.focus_after.take().or(active).map(|k| {
            if k == "question-tab" {
                format!("q-{}", self.state.question)
            } else {
                k
            }
        });
        if let Some(key) = key {
            // The control may be gone (a cell of the closed overview, the reveal button):
            // then the current question's tab, so keyboard focus never falls out of the widget.
            let fallback = format!("q-{}", self.state.question);
            for key in [key.as_str(), fallback.as_str()] {
                let selector = format!("[data-key=\"{key}\"]");
                if let Ok(Some(el)) = self.root.query_selector(&selector) {
                    if let Ok(el) = el.dyn_into::<HtmlElement>() {
                        let _ = el.focus();
                        break;
                    }
                }
            }
        }
        self.announce.clear();
    }

    /// The closest passage of every other shown author to the passage in focus (cached).
    fn closest_matches(&mut self) -> Option<Rc<Vec<PassageMatch>>> {
        let focus = self.state.focus?;
        self.model.comparable().ok()?;
        let q = self.state.question;
        if let Some((cq, cf, m)) = &self.closest {
            if *cq == q && *cf == focus {
                return Some(m.clone());
            }
        }
        let prepared = self.model.prepared(q);
        let from = prepared
            .alignment
            .passages
            .iter()
            .find(|p| p.doc == focus.doc && p.line == focus.line)?;
        let shown = self.state.shown();
        let matches: Vec<PassageMatch> = self
            .model
            .engine()
            .closest(&prepared.alignment, from)
            .into_iter()
            .filter(|m| shown.contains(&m.passage.doc))
            .collect();
        let matches = Rc::new(matches);
        self.closest = Some((q, focus, matches.clone()));
        Some(matches)
    }

    /// Drops a focus that is not a passage on the current question, saying why.
    fn check_focus(&mut self) {
        let Some(focus) = self.state.focus else {
            return;
        };
        if self.model.comparable().is_err() {
            self.state.focus = None;
            return;
        }
        let prepared = self.model.prepared(self.state.question);
        let found = prepared
            .alignment
            .passages
            .iter()
            .any(|p| p.doc == focus.doc && p.line == focus.line);
        if !found {
            let name = self.author_name(focus.doc);
            let title = &self.model.corpus().questions[self.state.question].title;
            self.notices.push(format!(
                "Line {} of {name} is not a passage on “{title}”; showing all passages.",
                focus.line
            ));
            self.state.update(Msg::Unfocus);
        }
    }

    /// Shows `model` (the corpus changed): the same question when it is still there, or
    /// `select`; `started`: when the change began, for the realign timing.
    #[cfg(feature = "byo")]
    pub fn install(&mut self, model: Rc<Model>, select: Option<&str>, started: Option<f64>) {
        let was = self
            .model
            .corpus()
            .questions
            .get(self.state.question)
            .map(|q| q.id.clone());
        self.model = model;
        self.closest = None;
        self.byo.busy = false;
        let old = std::mem::replace(&mut self.state, ViewState::new(self.model.corpus()));
        let questions = &self.model.corpus().questions;
        let at = |id: &str| questions.iter().position(|q| q.id == id);
        self.state.question = select
            .and_then(at)
            .or_else(|| was.as_deref().and_then(at))
            .unwrap_or(old.question.min(questions.len().saturating_sub(1)));
        self.state.blind = old.blind;
        self.state.highlights = old.highlights;
        self.state.projector = old.projector;
        if let Some(list) = self.host.get_attribute("authors") {
            self.state.authors = parse_authors(&list, self.model.corpus()).ok();
        }
        if self.model.comparable().is_ok() {
            self.model.prepared(self.state.question);
        }
        self.redraw();
        if let Some(started) = started {
            if let Some(px) = self.root.first_element_child() {
                let _ = px.dyn_ref::<HtmlElement>().map(HtmlElement::offset_height);
            }
            self.timings.realign.push(now() - started);
            self.publish_timings();
        }
        self.write_hash();
        prepare_in_background(&self.model);
    }

    /// The name a column carries: the label, or "Author A–D" in blind mode.
    pub fn author_name(&self, doc: usize) -> String {
        if self.state.blind {
            let n = self.state.shown().iter().position(|&d| d == doc);
            n.map_or_else(|| "another author".to_string(), state::blind_name)
        } else {
            self.model.corpus().documents[doc].label.clone()
        }
    }

    /// Reads an attribute; `Ok(Some(msg))` changes the state, `Ok(None)` only the look.
    fn apply_attribute(
        &mut self,
        name: &str,
        value: Option<&str>,
    ) -> Result<Option<Msg>, AttributeError> {
        let corpus = self.model.corpus();
        Ok(match name {
            "question" => match value {
                Some(id) => Some(Msg::SelectQuestion(parse_question(id, corpus)?)),
                None => None,
            },
            "authors" => Some(Msg::SetAuthors(match value {
                Some(list) => Some(parse_authors(list, corpus)?),
                None => None,
            })),
            "blind" => Some(Msg::SetBlind(parse_bool_attribute("blind", value)?)),
            "highlights" => match value {
                Some(list) => Some(Msg::SetHighlights(parse_highlights(list)?)),
                None => Some(Msg::SetHighlights(state::Highlights::default())),
            },
            "theme" => {
                self.theme = parse_theme(value)?;
                None
            }
            "height" => {
                self.height = parse_height(value)?;
                None
            }
            _ => None,
        })
    }

    /// For a permalink instance: restores the state in the URL hash, or shows why not.
    pub fn read_hash(&mut self) {
        let Some(hash) = location_hash() else { return };
        if hash.trim_start_matches('#').is_empty() {
            return;
        }
        match ViewState::from_hash(&hash, self.model.corpus()) {
            Ok(s) => {
                let mut restored = s;
                restored.expanded = std::mem::take(&mut self.state.expanded);
                self.state = restored;
            }
            Err(e) => {
                self.notices.push(e.to_string());
                self.state = ViewState::new(self.model.corpus());
            }
        }
    }

    /// Called on `hashchange`: applies a hash someone typed or a link opened in this page.
    pub fn hash_changed(&mut self) {
        let current = self.state.to_hash(self.model.corpus());
        if location_hash().is_some_and(|h| h == current) {
            return;
        }
        self.read_hash();
        self.check_focus();
        self.redraw();
    }

    fn write_hash(&self) {
        if !self.permalink {
            return;
        }
        let hash = self.state.to_hash(self.model.corpus());
        let Some(window) = web_sys::window() else {
            return;
        };
        if location_hash().is_some_and(|h| h == hash) {
            return;
        }
        if let Ok(history) = window.history() {
            // replaceState: a view change is not a page to go back to, and it fires no
            // hashchange of its own.
            let _ = history.replace_state_with_url(&JsValue::NULL, "", Some(&hash));
        }
    }

    /// Puts the timings on the element as `parallaxTimings` for the bench to read.
    fn publish_timings(&self) {
        let t = js_sys::Object::new();
        let set = |k: &str, v: JsValue| {
            let _ = js_sys::Reflect::set(&t, &k.into(), &v);
        };
        set(
            "firstRender",
            self.timings
                .first_render
                .map_or(JsValue::NULL, JsValue::from),
        );
        let array = |xs: &[f64]| {
            xs.iter()
                .map(|&x| JsValue::from(x))
                .collect::<js_sys::Array>()
        };
        if let Some([before, style, engine, align, draw, layout]) = self.timings.parts {
            set("beforeMount", before.into());
            set("style", style.into());
            set("engine", engine.into());
            set("align", align.into());
            set("draw", draw.into());
            set("layout", layout.into());
        }
        set("questionSwitch", array(&self.timings.question).into());
        set("focus", array(&self.timings.focus).into());
        set("realign", array(&self.timings.realign).into());
        let _ = js_sys::Reflect::set(&self.host, &"parallaxTimings".into(), &t);
    }
}

/// Builds the engine if the first view did without it (focusing a passage needs it), then
/// aligns the questions not aligned yet (none, for the embedded corpus: build.rs did them),
/// one per task after the first render, so that switching question only draws and no task
/// holds the page for long.
fn prepare_in_background(model: &Rc<Model>) {
    if model.has_engine() && model.unprepared().is_none() {
        return;
    }
    let Some(window) = web_sys::window() else {
        return;
    };
    let model = model.clone();
    let next = Closure::once_into_js(move || {
        // Nobody shows this model any more (the corpus changed): stop.
        if Rc::strong_count(&model) == 1 {
            return;
        }
        if !model.has_engine() {
            model.engine();
        } else if let Some(q) = model.unprepared() {
            model.prepared(q);
        }
        prepare_in_background(&model);
    });
    let _ = window.set_timeout_with_callback(next.unchecked_ref());
}

fn location_hash() -> Option<String> {
    web_sys::window()?.location().hash().ok()
}
