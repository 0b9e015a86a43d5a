//! "Bring your own": the panel where a reader adds texts (paste, drop, pick) and questions,
//! the library kept in localStorage, the comparison exported, and the element's script
//! methods (`Widget::call`). Compiled only with feature `byo`, the studio build (`studio.html`);
//! the reader build (`index.html`) has none of it, nor `byo.js` or the panel's CSS.
//!
//! Which instances keep: the one with `permalink` (the main page) and any with `library`
//! share one library and one model, read from storage by the first to mount. Other instances
//! change only themselves and keep nothing. A change is saved before it is applied: when the
//! save fails, nothing changes, in memory or in storage, and the reader is told why.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event};

use super::dom::{attrs, Attr, Dom};
use super::widget::Inner;
use super::{Model, Widget};
use crate::corpus::Corpus;
use crate::export;
use crate::import::{self, Imported};
use crate::library::{json, Library, LibraryError, QuestionDraft};
use crate::report::Report;

#[wasm_bindgen(module = "/src/view/byo.js")]
extern "C" {
    fn read_files(event: &web_sys::Event, done: JsValue);
    fn copy_text(text: &str, done: JsValue);
    fn download(name: &str, kind: &str, text: &str);
    #[wasm_bindgen(catch)]
    fn store_get(key: &str) -> Result<Option<String>, JsValue>;
    fn store_set(key: &str, value: Option<String>) -> Option<String>;
    fn after_paint(f: JsValue);
    fn html_text(html: &str) -> js_sys::Array;
}

/// Where the library is kept.
pub(crate) const KEY: &str = "parallax:library:v1";

const NO_STORAGE: &str = "Everything stays in this browser; nothing is sent anywhere. This page cannot keep data here (storage is disabled or what it held could not be read), so what you add lasts only until you leave the page.";

thread_local! {
    static KEPT: RefCell<Kept> = RefCell::new(Kept::default());
}

/// What the keeping instances share.
#[derive(Default)]
struct Kept {
    model: Option<Rc<Model>>,
    /// Whether saving is safe: storage works and what it held could be read (an unreadable
    /// value is left untouched until the reader resets).
    storable: bool,
    widgets: Vec<Weak<RefCell<Inner>>>,
}

/// The panel's state in one widget.
#[derive(Default)]
pub(crate) struct Byo {
    /// Whether the panel is shown.
    pub open: bool,
    /// The form's values, `(data-field, value)`, read back before every redraw.
    fields: Vec<(String, String)>,
    /// A file's imported text put into the text field: added as it is while unchanged.
    pending: Option<String>,
    /// The id of the question being edited.
    editing: Option<String>,
    confirm_reset: bool,
    /// The last outcome, said by a `role=status` line.
    pub status: String,
    /// The last error, shown in a `role=alert` line.
    pub error: String,
    /// A realign is under way.
    pub busy: bool,
    /// Where the status and error lines are drawn: next to the control that caused them (a
    /// phone shows one part of the long panel at a time). [`TOP`] … [`RESET`].
    at: u8,
}

/// The places of the status and error lines in the panel, in drawing order.
const TOP: u8 = 0;
const ADD: u8 = 1;
const TEXTS: u8 = 2;
const QUESTIONS: u8 = 3;
const EXPORT: u8 = 4;
const RESET: u8 = 5;

impl Byo {
    fn field(&self, name: &str) -> &str {
        self.fields
            .iter()
            .find(|(n, _)| n == name)
            .map_or("", |(_, v)| v.as_str())
    }

    fn set(&mut self, name: &str, value: &str) {
        match self.fields.iter_mut().find(|(n, _)| n == name) {
            Some(slot) => slot.1 = value.to_string(),
            None => self.fields.push((name.to_string(), value.to_string())),
        }
    }

    fn say(&mut self, status: String, error: String) {
        self.status = status;
        self.error = error;
    }
}

/// What `JSON.parse` made (or a script passed) as the library's JSON value, so that the
/// library is read by the browser's parser and `library::json`'s own stays out of the wasm.
/// Numbers become their digits when they are whole and not negative (all the library reads),
/// and a marker that no integer reading accepts otherwise; functions and `undefined` are
/// `null`. Nesting is limited as the native parser limits it.
fn json_value(v: &JsValue, depth: usize) -> Result<json::Value, String> {
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

#[wasm_bindgen]
impl Widget {
    /// The element's methods for scripts, one entry point (each `#[wasm_bindgen]` method
    /// costs its own glue): `addText` (`arg`: `{title, author, text}`; the text is read as a
    /// paste, HTML or plain) returns the text's id; `addQuestion` (`arg`: the script's object
    /// `{id, title, prompt, keywords, pro, con}`) returns its id and shows it; `reset` goes
    /// back to the original corpus; `export` (`arg`: `markdown`, `csv` or `json`) returns the
    /// comparison. A failure is shown in the widget and thrown as an `Error` with the same
    /// message. The reader build has no such method: `element.js` throws an `Error` that
    /// names the studio build instead.
    pub fn call(&self, method: &str, arg: JsValue) -> Result<String, JsValue> {
        let inner = &self.inner;
        let result = match method {
            "addText" => add_text(inner, &arg),
            "addQuestion" => add_question(inner, &arg),
            "reset" => reset(inner, true).map(|_| String::new()),
            _ => exported(&inner.borrow().model, &arg.as_string().unwrap_or_default()),
        };
        result.map_err(|e| {
            if let Ok(mut i) = inner.try_borrow_mut() {
                i.notices.push(e.clone());
                i.redraw();
            }
            js_sys::Error::new(&e).into()
        })
    }
}

/// `addQuestion`: the script's object read as the kept library is (`JSON`-like values).
fn add_question(inner: &Rc<RefCell<Inner>>, arg: &JsValue) -> Result<String, String> {
    let value =
        json_value(arg, 0).map_err(|why| format!("The question could not be read: {why}."))?;
    let draft = QuestionDraft::from_value(&value).map_err(|e| e.to_string())?;
    let done = format!("Question “{}” added.", draft.title.trim());
    change(
        inner,
        &mut |l| l.add_question(Corpus::embedded(), &draft),
        true,
        done,
        true,
    )
}

/// `addText`: `{title, author, text}`, the text read as a paste (HTML or plain).
fn add_text(inner: &Rc<RefCell<Inner>>, text: &JsValue) -> Result<String, String> {
    let get = |key: &str| {
        js_sys::Reflect::get(text, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
    };
    let (title, author) = (get("title"), get("author"));
    import::text_from_pasted_with(&get("text"), read_html)
        .map_err(|e| e.to_string())
        .and_then(|imp| {
            let title = if title.trim().is_empty() {
                imp.title.unwrap_or_default()
            } else {
                title
            };
            let done = format!("Added “{title}”.");
            change(
                inner,
                &mut |l| l.add_text(&title, &author, &imp.text).map(|t| t.id.clone()),
                false,
                done,
                true,
            )
        })
}

/// For a widget mounting on `host`: whether it keeps the library (`permalink` or
/// `library`), the model it starts with, and any notice about what storage held.
pub(crate) fn mounted(host: &web_sys::HtmlElement) -> (bool, Rc<Model>, Vec<String>) {
    let keeps = host.has_attribute("permalink") || host.has_attribute("library");
    let mut notices = Vec::new();
    let model = if keeps {
        kept_model(&mut notices)
    } else {
        Model::shared()
    };
    (keeps, model, notices)
}

/// The model a keeping instance starts with: the shared one, or the library in storage.
fn kept_model(notices: &mut Vec<String>) -> Rc<Model> {
    KEPT.with(|k| {
        let mut k = k.borrow_mut();
        if let Some(m) = &k.model {
            return m.clone();
        }
        let model = match store_get(KEY) {
            // Said in the panel, not as an alert: nothing is wrong until the reader adds something
            // (sandboxed frames, such as an LMS's, often have no storage).
            Err(_) => Model::shared(),
            Ok(saved) => match read_library(saved.as_deref()) {
                Ok(library) => {
                    k.storable = true;
                    model_of(library)
                }
                Err(e) => {
                    notices.push(e.to_string());
                    Model::shared()
                }
            },
        };
        k.model = Some(model.clone());
        model
    })
}

/// The library kept in storage (`None`: nothing kept yet), parsed by the browser's
/// `JSON.parse` and checked by [`Library::from_value`].
fn read_library(saved: Option<&str>) -> Result<Library, LibraryError> {
    let Some(text) = saved else {
        return Ok(Library::default());
    };
    let unreadable = |reason| LibraryError::Unreadable { reason };
    let value = js_sys::JSON::parse(text).map_err(|e| {
        let why = js_sys::Error::from(e).message();
        unreadable(format!("not JSON: {}", String::from(why)))
    })?;
    Library::from_value(&json_value(&value, 0).map_err(unreadable)?)
}

/// Remembers a keeping instance, so that a change made in one redraws all.
pub(crate) fn register(inner: &Rc<RefCell<Inner>>) {
    KEPT.with(|k| k.borrow_mut().widgets.push(Rc::downgrade(inner)));
}

fn model_of(library: Library) -> Rc<Model> {
    if library.is_empty() {
        Model::shared()
    } else {
        Rc::new(Model::with_library(library))
    }
}

/// Applies `edit` to a copy of the widget's library, keeps the copy (keeping instances), then
/// realigns: `at_once` (scripts), or after the browser has painted a progress line. Returns
/// what `edit` returned (an id); `select`: that id is a question to show. On error nothing
/// has changed.
pub(crate) fn change(
    inner: &Rc<RefCell<Inner>>,
    // `dyn`: one copy of this function (and of the realign it starts) for its ten callers.
    edit: &mut dyn FnMut(&mut Library) -> Result<String, LibraryError>,
    select: bool,
    done: String,
    at_once: bool,
) -> Result<String, String> {
    let (mut library, keeps) = {
        let i = inner.borrow();
        // A change made now would start from the library before the pending one and undo it.
        if i.byo.busy {
            return Err("Still realigning the last change; try again in a moment.".into());
        }
        (i.model.library.clone(), i.keeps)
    };
    let id = edit(&mut library).map_err(|e| e.to_string())?;
    if keeps && KEPT.with(|k| k.borrow().storable) {
        let value = (!library.is_empty()).then(|| library.to_json());
        if let Some(why) = store_set(KEY, value) {
            return Err(format!(
                "Not kept: {why}. Your texts and questions are as they were; remove a text to make room."
            ));
        }
    }
    let select = select.then(|| id.clone());
    if at_once {
        realign(inner, library, select, done);
    } else {
        {
            let mut i = inner.borrow_mut();
            i.byo.busy = true;
            let texts = i.model.corpus().documents.len();
            i.byo
                .say(format!("Realigning about {texts} texts…"), String::new());
            i.redraw();
        }
        let weak = Rc::downgrade(inner);
        after_paint(Closure::once_into_js(move || {
            if let Some(inner) = weak.upgrade() {
                realign(&inner, library, select, done);
            }
        }));
    }
    Ok(id)
}

fn realign(inner: &Rc<RefCell<Inner>>, library: Library, select: Option<String>, done: String) {
    let started = super::now();
    let model = model_of(library);
    let keeps = inner.borrow().keeps;
    let others = if keeps {
        KEPT.with(|k| {
            let mut k = k.borrow_mut();
            k.model = Some(model.clone());
            k.widgets.retain(|w| w.strong_count() > 0);
            k.widgets.clone()
        })
    } else {
        Vec::new()
    };
    {
        let mut i = inner.borrow_mut();
        i.byo.say(done, String::new());
        i.install(model.clone(), select.as_deref(), Some(started));
    }
    for other in others.iter().filter_map(Weak::upgrade) {
        if !Rc::ptr_eq(&other, inner) {
            if let Ok(mut o) = other.try_borrow_mut() {
                o.install(model.clone(), None, None);
            }
        }
    }
}

/// Reads every `[data-field]` control back into the panel's state.
pub(crate) fn harvest(i: &mut Inner) {
    let Ok(list) = i.root.query_selector_all("[data-field]") else {
        return;
    };
    for n in 0..list.length() {
        let Some(el) = list.get(n).and_then(|e| e.dyn_into::<Element>().ok()) else {
            continue;
        };
        let name = el.get_attribute("data-field").unwrap_or_default();
        let value = js_sys::Reflect::get(&el, &"value".into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default();
        i.byo.set(&name, &value);
    }
}

/// A control of the panel was clicked.
pub(crate) fn act(inner: &Rc<RefCell<Inner>>, action: &str, el: &Element) {
    let id = el.get_attribute("data-id").unwrap_or_default();
    let base = Corpus::embedded();
    let mut i = inner.borrow_mut();
    harvest(&mut i);
    if i.byo.busy {
        return;
    }
    i.byo.error.clear();
    i.byo.at = match action {
        "byo-add-text" => ADD,
        "byo-remove-text" => TEXTS,
        "byo-copy" | "byo-download" => EXPORT,
        a if a.ends_with("-q") => QUESTIONS,
        a if a.starts_with("byo-reset") => RESET,
        _ => TOP,
    };
    let outcome: Result<(), String> = match action {
        "byo" => {
            i.byo.open = !i.byo.open;
            i.focus_after = Some("byo".into());
            Ok(())
        }
        "byo-add-text" => {
            let text = i.byo.field("text").to_string();
            let imported = if i.byo.pending.as_deref() == Some(text.as_str()) {
                Ok(Imported {
                    text,
                    title: None,
                    author: None,
                    notices: Vec::new(),
                })
            } else {
                import::text_from_pasted_with(&text, read_html).map_err(|e| e.to_string())
            };
            let title = i.byo.field("title").to_string();
            let author = i.byo.field("author").to_string();
            drop(i);
            let result = imported.and_then(|imp| {
                let title = pick(&title, imp.title.as_deref());
                let author = pick(&author, imp.author.as_deref());
                let done = added_message(&[&title], &imp.notices);
                change(
                    inner,
                    &mut |lib| {
                        lib.add_text(&title, &author, &imp.text)
                            .map(|t| t.id.clone())
                    },
                    false,
                    done,
                    false,
                )
            });
            i = inner.borrow_mut();
            if result.is_ok() {
                for name in ["title", "author", "text"] {
                    i.byo.set(name, "");
                }
                i.byo.pending = None;
            }
            result.map(drop)
        }
        "byo-remove-text" => {
            drop(i);
            let r = change(
                inner,
                &mut |l| l.remove_text(base, &id).map(|_| id.clone()),
                false,
                "Text removed.".into(),
                false,
            );
            i = inner.borrow_mut();
            r.map(drop)
        }
        "byo-edit-q" => {
            if let Some(q) = i
                .model
                .corpus()
                .questions
                .iter()
                .find(|q| q.id == id)
                .cloned()
            {
                for (name, value) in [
                    ("qtitle", q.title.as_str()),
                    ("qprompt", &q.prompt),
                    ("qkeywords", &crate::text::join(&q.keywords, ", ")),
                    ("qpro", q.pro.as_deref().unwrap_or("")),
                    ("qcon", q.con.as_deref().unwrap_or("")),
                ] {
                    i.byo.set(name, value);
                }
                i.byo.editing = Some(id);
                i.focus_after = Some("qtitle".into());
            }
            i.paint();
            return;
        }
        "byo-delete-q" => {
            drop(i);
            let r = change(
                inner,
                &mut |l| l.remove_question(base, &id).map(|_| id.clone()),
                false,
                "Question deleted.".into(),
                false,
            );
            i = inner.borrow_mut();
            r.map(drop)
        }
        "byo-save-q" | "byo-cancel-q" => {
            let draft = QuestionDraft {
                id: String::new(),
                title: i.byo.field("qtitle").to_string(),
                prompt: i.byo.field("qprompt").to_string(),
                keywords: i.byo.field("qkeywords").to_string(),
                pro: i.byo.field("qpro").to_string(),
                con: i.byo.field("qcon").to_string(),
            };
            let editing = i.byo.editing.clone();
            drop(i);
            let r = if action == "byo-cancel-q" {
                Ok(String::new())
            } else {
                let done = format!("Question “{}” saved.", draft.title.trim());
                change(
                    inner,
                    &mut |l| match &editing {
                        Some(id) => l.edit_question(base, id, &draft).map(|_| id.clone()),
                        None => l.add_question(base, &draft),
                    },
                    true,
                    done,
                    false,
                )
            };
            i = inner.borrow_mut();
            if r.is_ok() {
                for name in ["qtitle", "qprompt", "qkeywords", "qpro", "qcon"] {
                    i.byo.set(name, "");
                }
                i.byo.editing = None;
            }
            r.map(drop)
        }
        "byo-reset" | "byo-reset-no" => {
            i.byo.confirm_reset = action == "byo-reset";
            i.focus_after = Some(
                if i.byo.confirm_reset {
                    "byo-reset-no"
                } else {
                    "byo-reset"
                }
                .into(),
            );
            Ok(())
        }
        "byo-reset-yes" => {
            i.byo.confirm_reset = false;
            drop(i);
            let r = reset(inner, false);
            i = inner.borrow_mut();
            r
        }
        "byo-copy" | "byo-download" => {
            let format = el.get_attribute("data-format").unwrap_or_default();
            match exported(&i.model, &format) {
                Ok(text) if action == "byo-download" => {
                    let (name, kind) = match format.as_str() {
                        "markdown" => ("parallax.md", "text/markdown"),
                        "csv" => ("parallax.csv", "text/csv"),
                        _ => ("parallax.json", "application/json"),
                    };
                    download(name, kind, &text);
                    i.byo.status = format!("Downloaded {name}.");
                    Ok(())
                }
                Ok(text) => {
                    let weak = Rc::downgrade(inner);
                    copy_text(
                        &text,
                        Closure::once_into_js(move |failed: JsValue| {
                            let Some(inner) = weak.upgrade() else { return };
                            let Ok(mut i) = inner.try_borrow_mut() else {
                                return;
                            };
                            match failed.as_string() {
                                Some(why) => i.byo.say(
                                    String::new(),
                                    format!("Could not copy: {why}. Use Download instead."),
                                ),
                                None => i.byo.say("Copied to the clipboard.".into(), String::new()),
                            }
                            i.redraw();
                        }),
                    );
                    Ok(())
                }
                Err(e) => Err(e),
            }
        }
        _ => Ok(()),
    };
    if let Err(e) = outcome {
        i.byo.say(String::new(), e);
    }
    // The fields were read above and may have been cleared since: draw, don't read again.
    i.paint();
}

/// The title or author typed, else the one the file states.
fn pick(typed: &str, stated: Option<&str>) -> String {
    let typed = typed.trim();
    if typed.is_empty() {
        stated.unwrap_or("").to_string()
    } else {
        typed.to_string()
    }
}

fn added_message(titles: &[&str], notices: &[String]) -> String {
    let named: Vec<&str> = titles.iter().copied().filter(|t| !t.is_empty()).collect();
    let mut s = if named.is_empty() {
        "Text added; everything is realigned.".to_string()
    } else {
        format!(
            "Added “{}”; everything is realigned.",
            crate::text::join(&named, "”, “")
        )
    };
    for n in notices {
        s.push(' ');
        s.push_str(n);
    }
    s
}

/// Back to the original corpus; clears storage (also a value that could not be read).
pub(crate) fn reset(inner: &Rc<RefCell<Inner>>, at_once: bool) -> Result<(), String> {
    if inner.borrow().keeps {
        if let Some(why) = store_set(KEY, None) {
            return Err(format!("Could not reset: {why}."));
        }
        KEPT.with(|k| k.borrow_mut().storable = store_get(KEY).is_ok());
    }
    change(
        inner,
        &mut |l| {
            *l = Library::default();
            Ok(String::new())
        },
        false,
        "Back to the original corpus.".into(),
        at_once,
    )
    .map(drop)
}

/// The comparison as `format`: `markdown`, `csv` or `json`.
pub(crate) fn exported(model: &Model, format: &str) -> Result<String, String> {
    model.comparable().map_err(|e| e.to_string())?;
    let report = Report::new(model.engine());
    Ok(match format {
        "markdown" => export::to_markdown(&report, model.corpus()),
        "csv" => export::to_csv(&report, model.corpus()),
        "json" => export::to_json(&report),
        _ => {
            return Err(format!(
                "Unknown export format “{format}”: use markdown, csv or json."
            ))
        }
    })
}

/// A drop on the panel or files picked: one file fills the form, several are added at once.
pub(crate) fn files(inner: &Rc<RefCell<Inner>>, event: &Event) {
    let weak = Rc::downgrade(inner);
    read_files(
        event,
        Closure::once_into_js(move |list: JsValue| {
            let Some(inner) = weak.upgrade() else { return };
            read(&inner, list);
        }),
    );
}

fn read(inner: &Rc<RefCell<Inner>>, list: JsValue) {
    let mut i = inner.borrow_mut();
    harvest(&mut i);
    i.byo.at = ADD;
    if let Some(why) = list.as_string() {
        i.byo
            .say(String::new(), format!("Could not read the file: {why}."));
        i.paint();
        return;
    }
    let mut read = Vec::new();
    let mut errors = Vec::new();
    for pair in js_sys::Array::from(&list).iter() {
        let pair = js_sys::Array::from(&pair);
        let name = pair.get(0).as_string().unwrap_or_default();
        let bytes = js_sys::Uint8Array::new(&pair.get(1)).to_vec();
        match import::text_from_bytes_with(&name, &bytes, read_html) {
            Ok(imported) => read.push((name, imported)),
            Err(e) => errors.push(e.to_string()),
        }
    }
    let errors = crate::text::join(&errors, " ");
    if read.len() == 1 && errors.is_empty() {
        let (name, imp) = read.remove(0);
        i.byo.set("text", &imp.text);
        i.byo.set("title", imp.title.as_deref().unwrap_or(""));
        i.byo.set("author", imp.author.as_deref().unwrap_or(""));
        i.byo.pending = Some(imp.text);
        let mut status = format!("Read {name}: check the title and author, then press Add text.");
        for n in &imp.notices {
            status.push(' ');
            status.push_str(n);
        }
        i.byo.say(status, String::new());
        i.focus_after = Some("title".into());
        i.paint();
        return;
    }
    if read.is_empty() {
        i.byo.say(
            String::new(),
            if errors.is_empty() {
                "No file was read.".into()
            } else {
                errors
            },
        );
        i.paint();
        return;
    }
    drop(i);
    let titles: Vec<String> = read
        .iter()
        .map(|(name, imp)| imp.title.clone().unwrap_or_else(|| name.clone()))
        .collect();
    let notices: Vec<String> = read
        .iter()
        .flat_map(|(_, imp)| imp.notices.clone())
        .collect();
    let done = added_message(
        &titles.iter().map(String::as_str).collect::<Vec<_>>(),
        &notices,
    );
    let result = change(
        inner,
        &mut |l| {
            for ((_, imp), title) in read.iter().zip(&titles) {
                l.add_text(title, imp.author.as_deref().unwrap_or(""), &imp.text)?;
            }
            Ok(String::new())
        },
        false,
        done,
        false,
    );
    let mut i = inner.borrow_mut();
    let error = match result {
        Err(e) => format!("{e} {errors}"),
        Ok(_) => errors,
    };
    if !error.is_empty() {
        i.byo.error = error.trim().to_string();
        i.paint();
    }
}

/// The panel: add a text, the texts added, the questions, export, reset.
pub(crate) fn panel(w: &Inner, parent: &Element) {
    let dom = &w.dom;
    let b = &w.byo;
    let panel = dom.child(parent, "section", "byo");
    attrs(
        &panel,
        &[("aria-label", "Your texts and questions"), ("id", "byo")],
    );
    // The status and error lines, drawn where `b.at` says.
    let say = |parent: &Element, here: u8| {
        if b.at != here {
            return;
        }
        dom.text_child(parent, "p", "byo-status", &b.status)
            .attr("role", "status");
        if !b.error.is_empty() {
            dom.text_child(parent, "p", "byo-error", &b.error)
                .attr("role", "alert");
        }
    };
    say(&panel, TOP);
    dom.text_child(
        &panel,
        "p",
        "byo-note",
        if w.keeps && !KEPT.with(|k| k.borrow().storable) {
            NO_STORAGE
        } else if w.keeps {
            "Everything stays in this browser; nothing is sent anywhere. What you add is kept here until you remove it or reset."
        } else {
            "Everything stays in this browser; nothing is sent anywhere. This widget does not keep what you add after the page closes."
        },
    );

    let set = dom.child(&panel, "fieldset", "");
    dom.text_child(&set, "legend", "", "Add a text");
    let zone = dom.text_child(
        &set,
        "div",
        "dropzone",
        "Drop .txt, .md or .html files here, or pick them: ",
    );
    let pick = dom.child(&zone, "input", "");
    attrs(
        &pick,
        &[
            ("type", "file"),
            ("multiple", ""),
            (
                "accept",
                ".txt,.md,.markdown,.html,.htm,text/plain,text/markdown,text/html",
            ),
            ("data-files", ""),
            ("data-key", "files"),
            ("aria-label", "Pick .txt, .md or .html files"),
        ],
    );
    field(w, &set, "Title (optional)", "title", false);
    field(w, &set, "Author (optional)", "author", false);
    field(w, &set, "Text: paste it here", "text", true);
    dom.button(&set, "", "Add text", "byo-add-text")
        .attr("data-key", "byo-add-text");
    say(&set, ADD);
    // Every text compared, the original ones too: a class may want only its own articles.
    let set = dom.child(&panel, "fieldset", "");
    dom.text_child(&set, "legend", "", "Texts compared");
    let list = dom.child(&set, "ul", "byo-list");
    for d in &w.model.corpus().documents {
        let li = dom.child(&list, "li", "");
        dom.text_child(&li, "span", "", &format!("{} — {}", d.title, d.label))
            .attr("dir", "auto");
        remove_button(dom, &li, "Remove", "byo-remove-text", &d.file, &d.title);
    }
    say(&set, TEXTS);

    let set = dom.child(&panel, "fieldset", "");
    dom.text_child(&set, "legend", "", "Questions");
    let list = dom.child(&set, "ul", "byo-list");
    for q in &w.model.corpus().questions {
        let li = dom.child(&list, "li", "");
        dom.text_child(&li, "span", "", &q.title)
            .attr("dir", "auto");
        remove_button(dom, &li, "Edit", "byo-edit-q", &q.id, &q.title);
        remove_button(dom, &li, "Delete", "byo-delete-q", &q.id, &q.title);
    }
    dom.text_child(
        &set,
        "p",
        "",
        if b.editing.is_some() {
            "Edit the question:"
        } else {
            "Add a question:"
        },
    );
    field(w, &set, "Title", "qtitle", false);
    field(w, &set, "Question in full", "qprompt", true);
    field(
        w,
        &set,
        "Keywords (optional, separated by commas)",
        "qkeywords",
        false,
    );
    field(w, &set, "What a “yes” (+) means (optional)", "qpro", false);
    field(w, &set, "What a “no” (−) means (optional)", "qcon", false);
    let label = if b.editing.is_some() {
        "Save question"
    } else {
        "Add question"
    };
    dom.button(&set, "", label, "byo-save-q")
        .attr("data-key", "byo-save-q");
    if b.editing.is_some() {
        dom.button(&set, "", "Cancel editing", "byo-cancel-q");
    }
    say(&set, QUESTIONS);

    let set = dom.child(&panel, "fieldset", "actions");
    dom.text_child(&set, "legend", "", "Export this comparison");
    for (format, name) in [("markdown", "Markdown"), ("csv", "CSV"), ("json", "JSON")] {
        for (action, verb) in [("byo-copy", "Copy"), ("byo-download", "Download")] {
            let b = dom.button(&set, "", &format!("{verb} {name}"), action);
            attrs(
                &b,
                &[
                    ("data-format", format),
                    ("data-key", &format!("{action}-{format}")),
                ],
            );
        }
    }
    say(&set, EXPORT);

    if b.confirm_reset {
        let ask = dom.child(&panel, "div", "confirm");
        attrs(&ask, &[("role", "alertdialog"), ("aria-label", "Reset")]);
        dom.text_child(
            &ask,
            "p",
            "",
            "Remove every text and question you added or changed, and show the original corpus again?",
        );
        dom.button(&ask, "", "Yes, reset", "byo-reset-yes")
            .attr("data-key", "byo-reset-yes");
        dom.button(&ask, "", "Cancel", "byo-reset-no")
            .attr("data-key", "byo-reset-no");
    } else {
        dom.button(&panel, "", "Reset to the original corpus", "byo-reset")
            .attr("data-key", "byo-reset");
    }
    say(&panel, RESET);
}

fn remove_button(dom: &Dom, parent: &Element, verb: &str, action: &str, id: &str, what: &str) {
    let b = dom.button(parent, "", verb, action);
    attrs(
        &b,
        &[("data-id", id), ("aria-label", &format!("{verb} “{what}”"))],
    );
}

/// A labelled text field (`area`: a text area) showing the panel's value for `name`.
fn field(w: &Inner, parent: &Element, label: &str, name: &str, area: bool) {
    let dom = &w.dom;
    let l = dom.child(parent, "label", "field");
    dom.text_child(&l, "span", "", label);
    let el = dom.child(&l, if area { "textarea" } else { "input" }, "");
    attrs(
        &el,
        &[("data-field", name), ("data-key", name), ("dir", "auto")],
    );
    if !area {
        el.attr("type", "text");
    }
    let _ = js_sys::Reflect::set(&el, &"value".into(), &w.byo.field(name).into());
}
