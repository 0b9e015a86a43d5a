//! Draws a widget's state into a fresh tree: notices, toolbar and legend, the question tabs,
//! then either the author columns, the focus row (a passage and the closest passage of every
//! other author, aligned), or the question × author overview; plus the print handout when
//! printing. Pure drawing: events live in `events.rs`, decisions in [`crate::state`].

use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlElement};

use super::dom::{attrs, Attr, Dom};
use super::widget::Inner;
use super::Prepared;
use crate::align::{Passage, PassageMatch};
use crate::highlight::MarkKind;
use crate::marks::{self, Highlight, Piece};
use crate::segment::{Kind, Span};
use crate::stance::Stance;
use crate::state::Focus;

/// How a passage is drawn: its highlights and, in the focus row, its place.
struct PassageView<'a> {
    passage: &'a Passage,
    terms: &'a [Span],
    cue: Option<Span>,
    shared: Vec<Highlight>,
    key: String,
}

/// The widget's whole tree.
pub(crate) fn draw(w: &Inner, closest: Option<&[PassageMatch]>) -> Element {
    let dom = &w.dom;
    let s = &w.state;
    let mut class = format!("px theme-{}", w.theme.name());
    if s.projector {
        class.push_str(" projector");
    }
    if w.height.is_some() {
        class.push_str(" fixed-height");
    }
    let px = dom.el("div", &class);
    if let (Some(h), Some(px)) = (&w.height, px.dyn_ref::<HtmlElement>()) {
        let _ = px.style().set_property("height", h);
    }
    let app = dom.child(&px, "div", "app");
    notices(w, &app);
    toolbar(w, &app);
    #[cfg(feature = "byo")]
    {
        if w.byo.busy {
            dom.text_child(&app, "p", "busy", "Realigning…")
                .attr("role", "status");
        }
        if w.byo.open {
            super::byo::panel(w, &app);
        }
    }
    if let Err(why) = w.model.comparable() {
        dom.text_child(&app, "p", "notice", &why.to_string())
            .attr("role", "status");
        shortcuts(dom, &app);
        return px;
    }
    question_tabs(w, &app);
    let panel = dom.child(&app, "div", "panel");
    attrs(
        &panel,
        &[
            ("role", "tabpanel"),
            ("id", "panel"),
            ("aria-labelledby", &format!("qtab-{}", s.question)),
        ],
    );
    prompt(w, &panel, s.question);
    if s.overview {
        overview(w, &panel, true);
    } else if let (Some(focus), Some(matches)) = (s.focus, closest) {
        focus_row(w, &panel, focus, matches);
    } else {
        columns(w, &panel);
    }
    shortcuts(dom, &app);
    let live = dom.text_child(&px, "p", "sr-only", &w.announce);
    attrs(&live, &[("aria-live", "polite")]);
    if w.handout {
        handout(w, &px);
    }
    px
}

fn notices(w: &Inner, parent: &Element) {
    for (n, text) in w.notices.iter().enumerate() {
        let box_ = w.dom.child(parent, "div", "notice");
        box_.attr("role", "alert");
        w.dom.text_child(&box_, "p", "", text);
        let b = w.dom.button(&box_, "dismiss", "Dismiss", "dismiss");
        attrs(
            &b,
            &[
                ("data-notice", &n.to_string()),
                ("aria-label", &format!("Dismiss: {text}")),
            ],
        );
    }
}

fn pressed(b: &Element, on: bool) {
    b.attr("aria-pressed", if on { "true" } else { "false" });
}

fn toolbar(w: &Inner, parent: &Element) {
    let dom = &w.dom;
    let s = &w.state;
    let bar = dom.child(parent, "div", "toolbar");
    attrs(&bar, &[("role", "group"), ("aria-label", "View options")]);
    let legend = dom.child(&bar, "div", "legend");
    attrs(&legend, &[("role", "group"), ("aria-label", "Highlights")]);
    dom.text_child(&legend, "span", "legend-title", "Highlights:");
    let kinds = [
        (MarkKind::Term, "term", "Question terms", "1"),
        (MarkKind::Cue, "cue", "Stance cue", "2"),
        (MarkKind::Shared, "shared", "Shared wording", "3"),
    ];
    for (n, (kind, class, label, key)) in kinds.into_iter().enumerate() {
        let b = dom.button(&legend, "toggle", "", "highlight");
        let swatch = dom.text_child(&b, "mark", class, "abc");
        swatch.attr("aria-hidden", "true");
        dom.text(&b, &format!(" {label}"));
        attrs(
            &b,
            &[
                ("data-kind", &n.to_string()),
                ("data-key", &format!("hl-{class}")),
                ("aria-keyshortcuts", key),
            ],
        );
        pressed(&b, s.highlights.shows(kind));
    }
    let modes = dom.child(&bar, "div", "modes");
    let b = dom.button(&modes, "toggle", "Overview", "overview");
    attrs(&b, &[("data-key", "overview"), ("aria-keyshortcuts", "o")]);
    pressed(&b, s.overview);
    let b = dom.button(&modes, "toggle", "Blind mode", "blind");
    attrs(&b, &[("data-key", "blind"), ("aria-keyshortcuts", "b")]);
    pressed(&b, s.blind);
    if s.blind {
        let b = dom.button(&modes, "reveal", "Reveal authors", "reveal");
        b.attr("data-key", "reveal");
    }
    let b = dom.button(&modes, "toggle", "Projector", "projector");
    attrs(&b, &[("data-key", "projector"), ("aria-keyshortcuts", "p")]);
    pressed(&b, s.projector);
    let b = dom.button(&modes, "", "Print handout", "print");
    b.attr("data-key", "print");
    // The panel's button: the studio build only (the reader build has no panel).
    #[cfg(feature = "byo")]
    {
        let b = dom.button(&modes, "toggle", "Add texts & questions", "byo");
        attrs(&b, &[("data-key", "byo"), ("aria-controls", "byo")]);
        b.attr("aria-expanded", if w.byo.open { "true" } else { "false" });
    }
}

fn question_tabs(w: &Inner, parent: &Element) {
    let dom = &w.dom;
    let questions = &w.model.corpus().questions;
    let list = dom.child(parent, "div", "tabs questions");
    attrs(&list, &[("role", "tablist"), ("aria-label", "Questions")]);
    for (n, q) in questions.iter().enumerate() {
        let selected = n == w.state.question;
        let tab = dom.button(&list, "tab", &q.title, "question");
        attrs(
            &tab,
            &[
                ("role", "tab"),
                ("id", &format!("qtab-{n}")),
                ("aria-selected", if selected { "true" } else { "false" }),
                ("aria-controls", "panel"),
                ("tabindex", if selected { "0" } else { "-1" }),
                ("data-q", &n.to_string()),
                ("data-key", &format!("q-{n}")),
                ("data-list", "questions"),
                ("data-index", &n.to_string()),
                ("data-count", &questions.len().to_string()),
            ],
        );
    }
}

fn prompt(w: &Inner, parent: &Element, q: usize) {
    let dom = &w.dom;
    let question = &w.model.corpus().questions[q];
    dom.text_child(parent, "h2", "prompt", &question.prompt);
    if question.has_sides() {
        let sides = dom.child(parent, "p", "sides");
        for (stance, text) in [(Stance::Pro, &question.pro), (Stance::Con, &question.con)] {
            if let Some(text) = text {
                let side = dom.child(&sides, "span", "side");
                badge(dom, &side, stance);
                dom.text(&side, &format!(" {text}"));
            }
        }
    }
}

/// A stance badge: an icon and a word, so stance never rests on colour alone.
fn badge(dom: &Dom, parent: &Element, stance: Stance) -> Element {
    let (class, icon) = match stance {
        Stance::Pro => ("pro", "✓"),
        Stance::Con => ("con", "✗"),
        Stance::Neutral => ("neutral", "○"),
    };
    let b = dom.child(parent, "span", &format!("badge {class}"));
    let i = dom.text_child(&b, "span", "icon", icon);
    i.attr("aria-hidden", "true");
    dom.text(&b, &format!(" {}", stance.word()));
    b
}

fn stance_name(stance: Stance) -> &'static str {
    match stance {
        Stance::Pro => "pro",
        Stance::Con => "con",
        Stance::Neutral => "neutral",
    }
}

fn columns(w: &Inner, parent: &Element) {
    let dom = &w.dom;
    let s = &w.state;
    let shown = s.shown();
    let prepared = w.model.prepared(s.question);
    // Below the narrowest breakpoint one column shows at a time, chosen with these tabs.
    let tabs = dom.child(parent, "div", "tabs authors");
    attrs(&tabs, &[("role", "tablist"), ("aria-label", "Authors")]);
    for (n, &doc) in shown.iter().enumerate() {
        let selected = doc == s.author_tab;
        let tab = dom.button(&tabs, "tab", &w.author_name(doc), "author-tab");
        attrs(
            &tab,
            &[
                ("role", "tab"),
                ("aria-selected", if selected { "true" } else { "false" }),
                ("aria-controls", &format!("col-{doc}")),
                ("tabindex", if selected { "0" } else { "-1" }),
                ("data-doc", &doc.to_string()),
                ("data-key", &format!("a-{doc}")),
                ("data-list", "authors"),
                ("data-index", &n.to_string()),
                ("data-count", &shown.len().to_string()),
            ],
        );
    }
    let grid = dom.child(
        parent,
        "div",
        &format!("columns cols-{}", shown.len().min(4)),
    );
    for &doc in &shown {
        let current = if doc == s.author_tab { " current" } else { "" };
        let col = dom.child(&grid, "section", &format!("column{current}"));
        attrs(
            &col,
            &[
                ("role", "region"),
                ("id", &format!("col-{doc}")),
                ("aria-label", &w.author_name(doc)),
                ("data-file", &w.model.corpus().documents[doc].file),
            ],
        );
        column_header(w, &col, doc);
        column_body(w, &col, doc, &prepared);
    }
}

fn column_header(w: &Inner, col: &Element, doc: usize) {
    let dom = &w.dom;
    let d = &w.model.corpus().documents[doc];
    let head = dom.child(col, "header", "column-head");
    dom.text_child(&head, "p", "label", &w.author_name(doc))
        .attr("dir", "auto");
    if w.state.blind {
        dom.text_child(
            &head,
            "p",
            "meta",
            "Title, author, date and source are hidden in blind mode.",
        );
        return;
    }
    dom.text_child(&head, "h3", "title", &d.title)
        .attr("dir", "auto");
    let meta = dom.child(&head, "dl", "meta");
    let date = if d.date.is_empty() {
        "not stated".to_string()
    } else if d.date_note.starts_with("inferred") {
        format!("{} (inferred)", d.date)
    } else {
        d.date.clone()
    };
    for (name, value) in [
        ("Author", d.author.as_str()),
        ("Date", &date),
        ("Source", &d.source),
    ] {
        let row = dom.child(&meta, "div", "");
        dom.text_child(&row, "dt", "", name);
        let dd = dom.text_child(&row, "dd", "", value);
        if name == "Date" && !d.date_note.is_empty() {
            dd.attr("title", &d.date_note);
        }
    }
}

fn column_body(w: &Inner, col: &Element, doc: usize, prepared: &Prepared) {
    let dom = &w.dom;
    let s = &w.state;
    let body = dom.child(col, "div", "passages");
    let mine: Vec<usize> = (0..prepared.alignment.passages.len())
        .filter(|&n| prepared.alignment.passages[n].doc == doc)
        .collect();
    let expanded = s.expanded.contains(&doc);
    let paragraphs = w.model.paragraphs(doc);
    let visible_kind = |k: Kind| k != Kind::Junk && !(s.blind && k == Kind::Heading);
    if mine.is_empty() && !expanded {
        dom.text_child(&body, "p", "empty", "No passage on this question.");
    }
    let by_paragraph: std::collections::HashMap<usize, usize> = mine
        .iter()
        .map(|&n| (prepared.alignment.passages[n].paragraph, n))
        .collect();
    for (index, para) in paragraphs.iter().enumerate() {
        if let Some(&n) = by_paragraph.get(&index) {
            let p = &prepared.alignment.passages[n];
            passage(
                w,
                &body,
                &PassageView {
                    passage: p,
                    terms: &prepared.terms[n],
                    cue: prepared.cues[n],
                    shared: Vec::new(),
                    key: format!("p-{}-{}", p.doc, p.line),
                },
            );
        } else if expanded && visible_kind(para.kind) {
            let class = match para.kind {
                Kind::Heading => "context heading",
                Kind::Question => "context asked",
                _ => "context",
            };
            let el = dom.child(&body, "p", class);
            el.attr("dir", "auto");
            text_pieces(w, &el, doc, para.span, &[]);
        }
    }
    let others = paragraphs
        .iter()
        .enumerate()
        .filter(|(i, p)| !by_paragraph.contains_key(i) && visible_kind(p.kind))
        .count();
    if others > 0 || expanded {
        let label = if expanded {
            "Show only the passages".to_string()
        } else {
            format!("Show full text ({others} more paragraphs)")
        };
        let b = dom.button(col, "fulltext", &label, "fulltext");
        attrs(
            &b,
            &[
                ("data-doc", &doc.to_string()),
                ("data-key", &format!("full-{doc}")),
                ("aria-expanded", if expanded { "true" } else { "false" }),
                ("aria-controls", &format!("col-{doc}")),
            ],
        );
    }
}

/// One passage: stance badge, line, cue, and the highlighted text.
fn passage(w: &Inner, parent: &Element, v: &PassageView) -> Element {
    let dom = &w.dom;
    let p = v.passage;
    let d = &w.model.corpus().documents[p.doc];
    let focused = w.state.focus
        == Some(Focus {
            doc: p.doc,
            line: p.line,
        });
    let art = dom.child(
        parent,
        "article",
        if focused {
            "passage focused"
        } else {
            "passage"
        },
    );
    attrs(
        &art,
        &[
            ("data-file", &d.file),
            ("data-line", &p.line.to_string()),
            ("data-stance", stance_name(p.stance)),
            ("data-doc", &p.doc.to_string()),
            ("data-action", "focus"),
            ("data-key", &v.key),
            ("tabindex", "0"),
            (
                "aria-label",
                &format!(
                    "{}, line {}, stance {}",
                    w.author_name(p.doc),
                    p.line,
                    p.stance.word()
                ),
            ),
        ],
    );
    if focused {
        art.attr("aria-current", "true");
    }
    let meta = dom.child(&art, "div", "passage-meta");
    badge(dom, &meta, p.stance);
    dom.text_child(&meta, "span", "line", &format!("line {}", p.line));
    if let Some(cue) = v.cue {
        let text = &d.text;
        dom.text_child(
            &meta,
            "span",
            "cue-text",
            &format!("cue: “{}”", cue.of(text)),
        );
    } else if p.cue.is_none() && p.stance != Stance::Neutral {
        // No word of either side here: the side is the author's overall one.
        dom.text_child(&meta, "span", "cue-none", "no cue: the author’s side");
    }
    let hl = &w.state.highlights;
    let mut marks: Vec<Highlight> = Vec::new();
    if hl.terms {
        marks.extend(v.terms.iter().map(|&span| Highlight {
            span,
            kind: MarkKind::Term,
            pair: None,
        }));
    }
    if hl.cue {
        marks.extend(v.cue.map(|span| Highlight {
            span,
            kind: MarkKind::Cue,
            pair: None,
        }));
    }
    if hl.shared {
        marks.extend(v.shared.iter().copied());
    }
    let text = dom.child(&art, "p", "text");
    text.attr("dir", "auto");
    let span = w.model.paragraphs(p.doc)[p.paragraph].span;
    text_pieces(w, &text, p.doc, span, &marks);
    art
}

/// `text[span]` of document `doc` as text nodes and `<mark>`s; in blind mode every author
/// name becomes "[Author X]".
fn text_pieces(w: &Inner, parent: &Element, doc: usize, span: Span, marks: &[Highlight]) {
    let dom = &w.dom;
    let text = &w.model.corpus().documents[doc].text;
    let names = if w.state.blind {
        marks::name_spans(text, span, &w.model.names)
    } else {
        Vec::new()
    };
    for Piece {
        span,
        kinds,
        pairs,
        redacted,
    } in marks::pieces(span, marks, &names)
    {
        if let Some(author) = redacted {
            let name = format!("[{}]", w.author_name(author));
            let el = dom.text_child(parent, "span", "redacted", &name);
            el.attr("title", "name hidden in blind mode");
        } else if kinds.is_empty() {
            dom.text(parent, span.of(text));
        } else {
            let class: Vec<&str> = kinds
                .iter()
                .map(|k| match k {
                    MarkKind::Term => "term",
                    MarkKind::Cue => "cue",
                    MarkKind::Shared => "shared",
                })
                .collect();
            let m = dom.text_child(
                parent,
                "mark",
                &crate::text::join(&class, " "),
                span.of(text),
            );
            if !pairs.is_empty() {
                let ids: Vec<String> = pairs.iter().map(|p| format!("s{p}")).collect();
                attrs(
                    &m,
                    &[
                        ("data-pairs", &crate::text::join(&ids, " ")),
                        ("tabindex", "0"),
                    ],
                );
            }
        }
    }
}

/// The passage in focus and, aligned in one row, the closest passage of every other author,
/// with the wording they share and a line on why they match.
fn focus_row(w: &Inner, parent: &Element, focus: Focus, matches: &[PassageMatch]) {
    let dom = &w.dom;
    let prepared = w.model.prepared(w.state.question);
    let index_of = |doc: usize, line: usize| {
        prepared
            .alignment
            .passages
            .iter()
            .position(|p| p.doc == doc && p.line == line)
    };
    let Some(from_n) = index_of(focus.doc, focus.line) else {
        return columns(w, parent);
    };
    let from = &prepared.alignment.passages[from_n];
    let section = dom.child(parent, "section", "focus");
    section.attr("aria-label", "Passage in focus and the closest passages");
    let head = dom.child(&section, "div", "focus-head");
    dom.text_child(
        &head,
        "p",
        "",
        &format!(
            "Closest passages to {}, line {} — shared wording marked. j / k: this author's next / previous passage.",
            w.author_name(focus.doc),
            focus.line
        ),
    );
    let back = dom.button(&head, "unfocus", "Back to all passages (Esc)", "unfocus");
    attrs(
        &back,
        &[("data-key", "unfocus"), ("aria-keyshortcuts", "Escape")],
    );
    let shown = w.state.shown();
    let row = dom.child(&section, "div", &format!("row cols-{}", shown.len().min(4)));
    // Shared phrases pair up by id: the phrase in the focused passage and its twin.
    let mut here: Vec<Highlight> = Vec::new();
    let mut there: Vec<Vec<Highlight>> = vec![Vec::new(); matches.len()];
    let engine = w.model.engine();
    let from_words = engine.words(from.doc, from.paragraph);
    let mut id = 0u32;
    for (m, matched) in matches.iter().enumerate() {
        let to_words = engine.words(matched.passage.doc, matched.passage.paragraph);
        for phrase in &matched.shared {
            let a = marks::whole_words(&from_words, phrase.here);
            let b = marks::whole_words(&to_words, phrase.there);
            if let (Some(a), Some(b)) = (a, b) {
                let pair = Some(id);
                here.push(Highlight {
                    span: a,
                    kind: MarkKind::Shared,
                    pair,
                });
                there[m].push(Highlight {
                    span: b,
                    kind: MarkKind::Shared,
                    pair,
                });
                id += 1;
            }
        }
    }
    for &doc in &shown {
        let cell = dom.child(&row, "div", "cell");
        attrs(
            &cell,
            &[
                ("role", "group"),
                ("aria-label", &w.author_name(doc)),
                ("data-doc", &doc.to_string()),
            ],
        );
        dom.text_child(&cell, "h3", "label", &w.author_name(doc));
        if doc == focus.doc {
            let _ = cell.class_list().add_1("origin");
            passage(
                w,
                &cell,
                &PassageView {
                    passage: from,
                    terms: &prepared.terms[from_n],
                    cue: prepared.cues[from_n],
                    shared: std::mem::take(&mut here),
                    key: format!("p-{}-{}", from.doc, from.line),
                },
            );
            dom.text_child(&cell, "p", "why", "The passage in focus.");
            continue;
        }
        let Some(m) = matches.iter().position(|m| m.passage.doc == doc) else {
            dom.text_child(&cell, "p", "empty", "No passage on this question.");
            continue;
        };
        let matched = &matches[m];
        let mp = &matched.passage;
        // A match outside the question's passages (the engine may look wider) gets its marks here.
        let n = index_of(mp.doc, mp.line);
        let own_terms;
        let (terms, cue) = match n {
            Some(n) => (prepared.terms[n].as_slice(), prepared.cues[n]),
            None => {
                let (marks, cue) = marks::passage_marks(engine, mp);
                own_terms = marks;
                (own_terms.as_slice(), cue)
            }
        };
        passage(
            w,
            &cell,
            &PassageView {
                passage: mp,
                terms,
                cue,
                shared: std::mem::take(&mut there[m]),
                key: format!("p-{}-{}", mp.doc, mp.line),
            },
        );
        let why = match n {
            _ if !matched.why.trim().is_empty() => matched.why.clone(),
            Some(n) => why_line(w, &prepared, from_n, n),
            // A whole percentage: formatting an f32 would pull ~14 KB of float printing into the wasm.
            None => format!(
                "closest wording ({}% similar).",
                (matched.score.clamp(0.0, 1.0) * 100.0).round() as u32
            ),
        };
        dom.text_child(&cell, "p", "why", &format!("Why: {why}"));
    }
}

/// The view's own "why" when the engine gives none: the term words both passages use and
/// how their stances compare.
fn why_line(w: &Inner, prepared: &Prepared, a: usize, b: usize) -> String {
    let pa = &prepared.alignment.passages[a];
    let pb = &prepared.alignment.passages[b];
    let docs = &w.model.corpus().documents;
    let engine = w.model.engine();
    let common = marks::common_words(
        &docs[pa.doc].text,
        &engine.words(pa.doc, pa.paragraph),
        &prepared.terms[a],
        &engine.words(pb.doc, pb.paragraph),
        &prepared.terms[b],
    );
    let terms = if common.is_empty() {
        "no question term in common".to_string()
    } else {
        let shown: Vec<&str> = common.iter().take(4).map(String::as_str).collect();
        format!("both use {}", crate::text::join(&shown, ", "))
    };
    let stance = if pa.stance == pb.stance {
        format!("same stance ({})", pb.stance.word())
    } else {
        format!(
            "stance {} here, {} in the passage in focus",
            pb.stance.word(),
            pa.stance.word()
        )
    };
    format!("{terms}; {stance}; this author's best match on the question.")
}

/// The question × author matrix of stance badges; `interactive`: cells open the question.
fn overview(w: &Inner, parent: &Element, interactive: bool) {
    let dom = &w.dom;
    let corpus = w.model.corpus();
    let shown = w.state.shown();
    let table = dom.child(parent, "table", "overview");
    dom.text_child(
        &table,
        "caption",
        "",
        if interactive {
            "Each author's stance on each question. Open a cell to read that author's passage."
        } else {
            "Each author's stance on each question."
        },
    );
    let head = dom.child(&dom.child(&table, "thead", ""), "tr", "");
    dom.text_child(&head, "th", "", "Question")
        .attr("scope", "col");
    for &doc in &shown {
        dom.text_child(&head, "th", "", &w.author_name(doc))
            .attr("scope", "col");
    }
    let body = dom.child(&table, "tbody", "");
    for (q, question) in corpus.questions.iter().enumerate() {
        let prepared = w.model.prepared(q);
        let tr = dom.child(&body, "tr", "");
        let th = dom.text_child(&tr, "th", "", &question.title);
        th.attr("scope", "row");
        for &doc in &shown {
            let td = dom.child(&tr, "td", "");
            let position = prepared.alignment.positions.iter().find(|p| p.doc == doc);
            match (position, interactive) {
                (Some(pos), true) => {
                    let b = dom.button(&td, "cell-button", "", "cell");
                    badge(dom, &b, pos.stance);
                    attrs(
                        &b,
                        &[
                            ("data-q", &q.to_string()),
                            ("data-doc", &doc.to_string()),
                            ("data-line", &pos.line.to_string()),
                            ("data-key", &format!("cell-{q}-{doc}")),
                            (
                                "aria-label",
                                &format!(
                                    "{}: {} on “{}”, line {}",
                                    w.author_name(doc),
                                    pos.stance.word(),
                                    question.title,
                                    pos.line
                                ),
                            ),
                        ],
                    );
                }
                (Some(pos), false) => {
                    badge(dom, &td, pos.stance);
                }
                (None, _) => {
                    dom.text_child(&td, "span", "none", "— not addressed");
                }
            }
        }
    }
}

fn shortcuts(dom: &Dom, parent: &Element) {
    let details = dom.child(parent, "details", "shortcuts");
    dom.text_child(&details, "summary", "", "Keyboard shortcuts");
    let list = dom.child(&details, "dl", "");
    for (keys, what) in [
        ("[  ]", "previous / next question"),
        ("← →  Home End", "move between tabs (questions, authors)"),
        ("j  k", "next / previous passage"),
        (
            "Enter or Space",
            "on a passage: bring the closest passages alongside",
        ),
        ("Escape", "back to all passages; close the overview"),
        ("o", "overview of stances"),
        ("b", "blind mode"),
        ("p", "projector mode"),
        (
            "1  2  3",
            "question terms, stance cue, shared wording on/off",
        ),
    ] {
        let row = dom.child(&list, "div", "");
        dom.text_child(&row, "dt", "", keys);
        dom.text_child(&row, "dd", "", what);
    }
}

/// The print handout: the matrix, then every question with each author's passages.
fn handout(w: &Inner, parent: &Element) {
    let dom = &w.dom;
    let corpus = w.model.corpus();
    let section = dom.child(parent, "section", "handout");
    section.attr("aria-label", "Handout");
    dom.text_child(&section, "h2", "", "How the authors answer the questions");
    overview(w, &section, false);
    for q in 0..corpus.questions.len() {
        let prepared = w.model.prepared(q);
        let block = dom.child(&section, "section", "handout-question");
        dom.text_child(&block, "h3", "", &corpus.questions[q].title);
        prompt(w, &block, q);
        for doc in w.state.shown() {
            dom.text_child(&block, "h4", "", &w.author_name(doc));
            let mut any = false;
            for (n, p) in prepared.alignment.passages.iter().enumerate() {
                if p.doc != doc {
                    continue;
                }
                any = true;
                let key = format!("h-{q}-{}-{}", p.doc, p.line);
                let art = passage(
                    w,
                    &block,
                    &PassageView {
                        passage: p,
                        terms: &prepared.terms[n],
                        cue: prepared.cues[n],
                        shared: Vec::new(),
                        key,
                    },
                );
                // Printed copies are not controls.
                for name in ["tabindex", "data-action", "aria-current"] {
                    let _ = art.remove_attribute(name);
                }
            }
            if !any {
                dom.text_child(&block, "p", "empty", "No passage on this question.");
            }
        }
    }
}
