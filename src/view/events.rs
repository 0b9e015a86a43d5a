//! DOM events into messages. A handful of listeners per widget, delegated on the shadow root:
//! every control carries a `data-action` (and the data it needs), so redrawing never has to
//! re-attach handlers.
//!
//! Keyboard shortcuts (also listed in the widget's "Keyboard shortcuts" panel):
//! `[` / `]` previous / next question; ←/→, Home/End on a tab list; `j` / `k` next / previous
//! passage; Enter or Space on a passage brings the closest passages alongside; Escape returns;
//! `o` overview; `b` blind mode; `p` projector mode; `1` `2` `3` toggle the highlight kinds.

use std::cell::RefCell;
use std::rc::{Rc, Weak};

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Element, Event, EventTarget, HtmlElement, KeyboardEvent};

use super::widget::Inner;
use crate::highlight::MarkKind;
use crate::state::{Focus, Msg};

/// The closures a widget's listeners call; dropped with the widget.
pub(crate) struct Listeners {
    _closures: Vec<Closure<dyn FnMut(Event)>>,
}

type Handler = fn(&Rc<RefCell<Inner>>, &Event);

/// Attaches the widget's listeners to its shadow root (and, for the hash and printing, to the
/// window).
pub(crate) fn install(inner: &Rc<RefCell<Inner>>) -> Result<Listeners, JsValue> {
    let (root, permalink) = {
        let i = inner.borrow();
        (i.root.clone(), i.permalink)
    };
    let window = web_sys::window().expect("a widget lives in a window");
    let mut closures = Vec::new();
    let mut listen = |target: &EventTarget, name: &str, handler: Handler| -> Result<(), JsValue> {
        let weak: Weak<RefCell<Inner>> = Rc::downgrade(inner);
        let closure = Closure::<dyn FnMut(Event)>::new(move |event: Event| {
            if let Some(inner) = weak.upgrade() {
                handler(&inner, &event);
            }
        });
        target.add_event_listener_with_callback(name, closure.as_ref().unchecked_ref())?;
        closures.push(closure);
        Ok(())
    };
    listen(&root, "click", on_click)?;
    listen(&root, "keydown", on_key)?;
    listen(&root, "mouseover", light_shared)?;
    listen(&root, "focusin", light_shared)?;
    listen(&root, "mouseout", unlight_shared)?;
    listen(&root, "focusout", unlight_shared)?;
    #[cfg(feature = "byo")]
    for name in ["change", "dragover", "drop"] {
        listen(&root, name, on_files)?;
    }
    listen(&window, "beforeprint", |inner, _| set_handout(inner, true))?;
    listen(&window, "afterprint", |inner, _| set_handout(inner, false))?;
    if permalink {
        listen(&window, "hashchange", |inner, _| {
            if let Ok(mut i) = inner.try_borrow_mut() {
                i.hash_changed();
            }
        })?;
    }
    Ok(Listeners {
        _closures: closures,
    })
}

fn target(event: &Event) -> Option<Element> {
    event.target()?.dyn_into::<Element>().ok()
}

fn data(el: &Element, name: &str) -> Option<usize> {
    el.get_attribute(name)?.parse().ok()
}

fn on_click(inner: &Rc<RefCell<Inner>>, event: &Event) {
    let Some(el) = target(event).and_then(|t| t.closest("[data-action]").ok().flatten()) else {
        return;
    };
    let Ok(mut i) = inner.try_borrow_mut() else {
        return;
    };
    let action = el.get_attribute("data-action").unwrap_or_default();
    #[cfg(feature = "byo")]
    if action.starts_with("byo") {
        drop(i);
        super::byo::act(inner, &action, &el);
        return;
    }
    if action == "print" {
        drop(i);
        set_handout(inner, true);
        if let Some(w) = web_sys::window() {
            let _ = w.print();
        }
        return;
    }
    if action == "dismiss" {
        if let Some(n) = data(&el, "data-notice") {
            if n < i.notices.len() {
                i.notices.remove(n);
            }
        }
        i.focus_after = Some("question-tab".into());
        i.redraw();
        return;
    }
    if let Some(msg) = message_for(&action, &el) {
        i.focus_after = match &msg {
            Msg::OpenCell { focus: Some(f), .. } => Some(format!("p-{}-{}", f.doc, f.line)),
            _ => el.get_attribute("data-key"),
        };
        dispatch_announced(&mut i, msg);
    }
}

/// The message a control's `data-action` stands for.
fn message_for(action: &str, el: &Element) -> Option<Msg> {
    let focus = || {
        Some(Focus {
            doc: data(el, "data-doc")?,
            line: data(el, "data-line")?,
        })
    };
    Some(match action {
        "question" => Msg::SelectQuestion(data(el, "data-q")?),
        "author-tab" => Msg::SelectAuthorTab(data(el, "data-doc")?),
        "focus" => Msg::Focus(focus()?),
        "unfocus" => Msg::Unfocus,
        "highlight" => Msg::ToggleHighlight(kind(data(el, "data-kind")?)?),
        "blind" => Msg::ToggleBlind,
        "reveal" => Msg::Reveal,
        "projector" => Msg::ToggleProjector,
        "overview" => Msg::ToggleOverview,
        "fulltext" => Msg::ToggleFullText(data(el, "data-doc")?),
        "cell" => Msg::OpenCell {
            question: data(el, "data-q")?,
            focus: focus(),
        },
        _ => return None,
    })
}

fn kind(n: usize) -> Option<MarkKind> {
    [MarkKind::Term, MarkKind::Cue, MarkKind::Shared]
        .get(n)
        .copied()
}

fn on_key(inner: &Rc<RefCell<Inner>>, event: &Event) {
    let Some(key) = event.dyn_ref::<KeyboardEvent>() else {
        return;
    };
    if key.ctrl_key() || key.alt_key() || key.meta_key() {
        return;
    }
    let Some(el) = target(event) else { return };
    // Typing in the panel's fields is not a shortcut.
    if matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA") {
        return;
    }
    let Ok(mut i) = inner.try_borrow_mut() else {
        return;
    };
    let name = key.key();
    // Tab lists: arrows move and select (automatic activation), as the ARIA pattern says.
    if el.get_attribute("role").as_deref() == Some("tab") {
        let list = el.get_attribute("data-list").unwrap_or_default();
        let at = data(&el, "data-index").unwrap_or(0);
        let count = data(&el, "data-count").unwrap_or(1).max(1);
        let next = match name.as_str() {
            "ArrowRight" | "ArrowDown" => Some((at + 1) % count),
            "ArrowLeft" | "ArrowUp" => Some((at + count - 1) % count),
            "Home" => Some(0),
            "End" => Some(count - 1),
            _ => None,
        };
        if let Some(next) = next {
            event.prevent_default();
            let msg = if list == "questions" {
                i.focus_after = Some(format!("q-{next}"));
                Msg::SelectQuestion(next)
            } else {
                let shown = i.state.shown();
                let doc = shown.get(next).copied().unwrap_or(0);
                i.focus_after = Some(format!("a-{doc}"));
                Msg::SelectAuthorTab(doc)
            };
            i.dispatch(msg);
            return;
        }
    }
    let on_passage = el.tag_name().eq_ignore_ascii_case("article");
    let msg = match name.as_str() {
        "Enter" | " " if on_passage => {
            let msg = message_for("focus", &el);
            i.focus_after = el.get_attribute("data-key");
            msg
        }
        "Escape" => {
            if i.state.overview {
                i.focus_after = Some("overview".into());
                Some(Msg::ToggleOverview)
            } else if let Some(f) = i.state.focus {
                i.focus_after = Some(format!("p-{}-{}", f.doc, f.line));
                Some(Msg::Unfocus)
            } else {
                None
            }
        }
        "]" => {
            i.focus_after = Some("question-tab".into());
            Some(Msg::StepQuestion(1))
        }
        "[" => {
            i.focus_after = Some("question-tab".into());
            Some(Msg::StepQuestion(-1))
        }
        "j" | "k" => {
            let step = if name == "j" { 1 } else { -1 };
            step_passage(&mut i, step)
        }
        "o" => Some(Msg::ToggleOverview),
        "b" => Some(Msg::ToggleBlind),
        "p" => Some(Msg::ToggleProjector),
        "1" => Some(Msg::ToggleHighlight(MarkKind::Term)),
        "2" => Some(Msg::ToggleHighlight(MarkKind::Cue)),
        "3" => Some(Msg::ToggleHighlight(MarkKind::Shared)),
        _ => None,
    };
    if let Some(msg) = msg {
        event.prevent_default();
        dispatch_announced(&mut i, msg);
    }
}

/// `j`/`k`: in focus, the author's next passage comes into focus; otherwise keyboard focus
/// moves to the next passage on screen.
fn step_passage(i: &mut Inner, step: isize) -> Option<Msg> {
    if let Some(f) = i.state.focus {
        let prepared = i.model.prepared(i.state.question);
        let lines: Vec<usize> = prepared
            .alignment
            .passages
            .iter()
            .filter(|p| p.doc == f.doc)
            .map(|p| p.line)
            .collect();
        // `lines` holds at least the passage in focus, so the clamp range is never empty.
        let at = lines.iter().position(|&l| l == f.line)? as isize;
        let line = *lines.get((at + step).clamp(0, lines.len() as isize - 1) as usize)?;
        i.focus_after = Some(format!("p-{}-{line}", f.doc));
        return Some(Msg::Focus(Focus { doc: f.doc, line }));
    }
    let all = i.root.query_selector_all("article.passage").ok()?;
    let visible: Vec<HtmlElement> = (0..all.length())
        .filter_map(|n| all.get(n)?.dyn_into::<HtmlElement>().ok())
        .filter(|e| e.offset_parent().is_some())
        .collect();
    let current = i
        .root
        .active_element()
        .and_then(|a| visible.iter().position(|v| **v == a));
    if visible.is_empty() {
        return None;
    }
    let next = match current {
        Some(n) => (n as isize + step).clamp(0, visible.len() as isize - 1) as usize,
        None => 0,
    };
    if let Some(el) = visible.get(next) {
        let _ = el.focus();
    }
    None
}

/// Hovering or focusing a shared phrase lights up its twins in the other passages.
fn light_shared(inner: &Rc<RefCell<Inner>>, event: &Event) {
    let Some(mark) = target(event).and_then(|t| t.closest("mark[data-pairs]").ok().flatten())
    else {
        return;
    };
    let Ok(i) = inner.try_borrow() else { return };
    for pair in mark
        .get_attribute("data-pairs")
        .unwrap_or_default()
        .split(' ')
    {
        let Ok(twins) = i
            .root
            .query_selector_all(&format!("mark[data-pairs~=\"{pair}\"]"))
        else {
            continue;
        };
        for n in 0..twins.length() {
            if let Some(el) = twins.get(n).and_then(|t| t.dyn_into::<Element>().ok()) {
                let _ = el.class_list().add_1("lit");
            }
        }
    }
}

fn unlight_shared(inner: &Rc<RefCell<Inner>>, _event: &Event) {
    let Ok(i) = inner.try_borrow() else { return };
    let Ok(lit) = i.root.query_selector_all("mark.lit") else {
        return;
    };
    for n in 0..lit.length() {
        if let Some(el) = lit.get(n).and_then(|t| t.dyn_into::<Element>().ok()) {
            let _ = el.class_list().remove_1("lit");
        }
    }
}

/// Files picked, or dragged over and dropped on the "bring your own" panel.
#[cfg(feature = "byo")]
fn on_files(inner: &Rc<RefCell<Inner>>, event: &Event) {
    let Some(el) = target(event) else { return };
    let kind = event.type_();
    let ours = if kind == "change" {
        el.has_attribute("data-files")
    } else {
        el.closest(".byo").ok().flatten().is_some()
    };
    if !ours {
        return;
    }
    // Without this the browser would open a dropped file in place of the page.
    event.prevent_default();
    if kind != "dragover" {
        super::byo::files(inner, event);
    }
}

fn set_handout(inner: &Rc<RefCell<Inner>>, on: bool) {
    if let Ok(mut i) = inner.try_borrow_mut() {
        if i.handout != on {
            i.handout = on;
            i.redraw();
        }
    }
}

/// Dispatches `msg`; a passage focus is also announced to screen readers.
fn dispatch_announced(i: &mut Inner, msg: Msg) {
    if let Msg::Focus(f) = &msg {
        i.announce = format!(
            "Closest passages to {}, line {}.",
            i.author_name(f.doc),
            f.line
        );
    }
    i.dispatch(msg);
}
