//! What the comparison view shows, as plain data: the current question, the passage in focus,
//! blind and projector modes, the highlight toggles. Every user action is a [`Msg`] that
//! [`ViewState::update`] applies; the DOM layer (`view`) only draws a state and turns events
//! into messages, so the logic is tested here, natively.
//!
//! A state travels in the URL hash ([`ViewState::to_hash`], [`ViewState::from_hash`]) so that a
//! link restores the same view. The element's attributes are read by the `parse_*` functions,
//! which return messages a person can act on when a value is wrong.
//!
//! ```
//! use parallax::{state::{Msg, ViewState}, Corpus};
//! let corpus = Corpus::embedded();
//! let mut state = ViewState::new(corpus);
//! state.update(Msg::SelectQuestion(1));
//! state.update(Msg::ToggleBlind);
//! let link = state.to_hash(corpus);
//! assert_eq!(ViewState::from_hash(&link, corpus), Ok(state));
//! ```

use std::fmt;

use crate::corpus::Corpus;
use crate::highlight::MarkKind;
use crate::order;

/// A passage in focus: its document and the 1-based line it stands on. Lines, not paragraph
/// indices, because they are what a reader sees and they survive re-segmentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Focus {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// 1-based line of the passage in the document.
    pub line: usize,
}

/// Which highlight kinds are drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlights {
    /// Question terms.
    pub terms: bool,
    /// The words that decided the stance.
    pub cue: bool,
    /// Wording shared with the passage in focus.
    pub shared: bool,
}

impl Default for Highlights {
    fn default() -> Highlights {
        Highlights {
            terms: true,
            cue: true,
            shared: true,
        }
    }
}

impl Highlights {
    /// Whether `kind` is drawn.
    pub fn shows(&self, kind: MarkKind) -> bool {
        match kind {
            MarkKind::Term => self.terms,
            MarkKind::Cue => self.cue,
            MarkKind::Shared => self.shared,
        }
    }

    fn toggle(&mut self, kind: MarkKind) {
        let flag = match kind {
            MarkKind::Term => &mut self.terms,
            MarkKind::Cue => &mut self.cue,
            MarkKind::Shared => &mut self.shared,
        };
        *flag = !*flag;
    }

    /// The comma list used in the URL hash and the `highlights` attribute, e.g. `terms,cue`.
    pub fn to_list(&self) -> String {
        let names: Vec<&str> = KINDS
            .iter()
            .filter(|(_, kind)| self.shows(*kind))
            .map(|(name, _)| *name)
            .collect();
        crate::text::join(&names, ",")
    }
}

/// The names of the highlight kinds, as written in hashes and attributes.
pub const KINDS: [(&str, MarkKind); 3] = [
    ("terms", MarkKind::Term),
    ("cue", MarkKind::Cue),
    ("shared", MarkKind::Shared),
];

/// The colour theme of a widget.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    /// Light colours.
    Light,
    /// Dark colours.
    Dark,
    /// Follow the reader's system setting.
    #[default]
    Auto,
}

impl Theme {
    /// `light`, `dark` or `auto`.
    pub fn name(self) -> &'static str {
        match self {
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::Auto => "auto",
        }
    }
}

/// Everything the comparison view shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ViewState {
    /// Index of the current question.
    pub question: usize,
    /// The passage whose closest passages are brought alongside, if any.
    pub focus: Option<Focus>,
    /// Authors shown as "Author A–D", metadata hidden.
    pub blind: bool,
    /// Which highlight kinds are drawn.
    pub highlights: Highlights,
    /// Large type, high contrast.
    pub projector: bool,
    /// The question × author matrix is shown instead of the columns.
    pub overview: bool,
    /// The authors shown, in corpus order; `None`: all of them.
    pub authors: Option<Vec<usize>>,
    /// Documents whose full text is expanded in place.
    pub expanded: Vec<usize>,
    /// The author shown when the widget is too narrow for more than one column.
    pub author_tab: usize,
    questions: usize,
    documents: usize,
}

/// A user action on the view.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Open question `n`; focus and overview close.
    SelectQuestion(usize),
    /// Open the next (`+1`) or previous (`-1`) question, wrapping around.
    StepQuestion(isize),
    /// Bring the closest passages of the other authors alongside this one.
    Focus(Focus),
    /// Back from focus to the columns.
    Unfocus,
    /// Turn one highlight kind on or off.
    ToggleHighlight(MarkKind),
    /// Set every highlight kind at once (the `highlights` attribute).
    SetHighlights(Highlights),
    /// Turn blind mode on or off.
    ToggleBlind,
    /// Set blind mode (the `blind` attribute).
    SetBlind(bool),
    /// Show the authors' names again (one click out of blind mode).
    Reveal,
    /// Turn projector mode on or off.
    ToggleProjector,
    /// Show or hide the question × author matrix.
    ToggleOverview,
    /// From the matrix: open `question`, with `focus` if the author addressed it.
    OpenCell {
        /// The question to open.
        question: usize,
        /// The author's passage to focus.
        focus: Option<Focus>,
    },
    /// Expand or collapse a document's full text.
    ToggleFullText(usize),
    /// Show this author in the one-column layout.
    SelectAuthorTab(usize),
    /// Restrict the view to some authors (`None`: all).
    SetAuthors(Option<Vec<usize>>),
}

impl ViewState {
    /// The default view of `corpus`: first question, all authors, every highlight on.
    pub fn new(corpus: &Corpus) -> ViewState {
        ViewState {
            question: 0,
            focus: None,
            blind: false,
            highlights: Highlights::default(),
            projector: false,
            overview: false,
            authors: None,
            expanded: Vec::new(),
            author_tab: 0,
            questions: corpus.questions.len(),
            documents: corpus.documents.len(),
        }
    }

    /// The documents shown, in column order.
    pub fn shown(&self) -> Vec<usize> {
        match &self.authors {
            Some(list) => list.clone(),
            None => (0..self.documents).collect(),
        }
    }

    /// Applies one user action.
    pub fn update(&mut self, msg: Msg) {
        match msg {
            Msg::SelectQuestion(q) => {
                if q < self.questions {
                    self.question = q;
                    self.focus = None;
                    self.overview = false;
                }
            }
            Msg::StepQuestion(step) => {
                if self.questions > 0 {
                    let n = self.questions as isize;
                    let q = (self.question as isize + step).rem_euclid(n) as usize;
                    self.update(Msg::SelectQuestion(q));
                }
            }
            Msg::Focus(focus) => {
                if self.shown().contains(&focus.doc) {
                    self.focus = Some(focus);
                    self.author_tab = focus.doc;
                }
            }
            Msg::Unfocus => self.focus = None,
            Msg::ToggleHighlight(kind) => self.highlights.toggle(kind),
            Msg::SetHighlights(h) => self.highlights = h,
            Msg::ToggleBlind => self.blind = !self.blind,
            Msg::SetBlind(blind) => self.blind = blind,
            Msg::Reveal => self.blind = false,
            Msg::ToggleProjector => self.projector = !self.projector,
            Msg::ToggleOverview => self.overview = !self.overview,
            Msg::OpenCell { question, focus } => {
                self.update(Msg::SelectQuestion(question));
                if let Some(focus) = focus {
                    self.update(Msg::Focus(focus));
                }
            }
            Msg::ToggleFullText(doc) => {
                if let Some(at) = self.expanded.iter().position(|&d| d == doc) {
                    self.expanded.remove(at);
                } else if doc < self.documents {
                    self.expanded.push(doc);
                }
            }
            Msg::SelectAuthorTab(doc) => {
                if self.shown().contains(&doc) {
                    self.author_tab = doc;
                }
            }
            Msg::SetAuthors(authors) => {
                self.authors = authors;
                let shown = self.shown();
                if self.focus.is_some_and(|f| !shown.contains(&f.doc)) {
                    self.focus = None;
                }
                if !shown.contains(&self.author_tab) {
                    self.author_tab = shown.first().copied().unwrap_or(0);
                }
            }
        }
    }

    /// The URL hash (with its `#`) that restores this state; defaults are left out, so the
    /// default view is `#q=<first question>`. Full-text expansion and the one-column author
    /// tab are left out on purpose: they are how one reader scrolls, not what a link shows.
    pub fn to_hash(&self, corpus: &Corpus) -> String {
        let mut parts = Vec::new();
        if let Some(q) = corpus.questions.get(self.question) {
            parts.push(format!("q={}", encode(&q.id)));
        }
        if let Some(f) = self.focus {
            if let Some(doc) = corpus.documents.get(f.doc) {
                parts.push(format!("focus={}:{}", encode(&doc.file), f.line));
            }
        }
        if self.blind {
            parts.push("blind=1".into());
        }
        if self.highlights != Highlights::default() {
            parts.push(format!("hl={}", self.highlights.to_list()));
        }
        if self.projector {
            parts.push("projector=1".into());
        }
        if self.overview {
            parts.push("overview=1".into());
        }
        if let Some(authors) = &self.authors {
            let files: Vec<String> = authors
                .iter()
                .filter_map(|&d| corpus.documents.get(d))
                .map(|d| encode(&d.file))
                .collect();
            parts.push(format!("authors={}", crate::text::join(&files, ",")));
        }
        format!("#{}", crate::text::join(&parts, "&"))
    }

    /// Reads a URL hash written by [`ViewState::to_hash`] (with or without its `#`). An empty
    /// hash is the default view. Anything malformed is an error; the caller shows the default
    /// view and the error's message.
    pub fn from_hash(hash: &str, corpus: &Corpus) -> Result<ViewState, HashError> {
        let mut state = ViewState::new(corpus);
        let body = hash.strip_prefix('#').unwrap_or(hash);
        let mut seen: Vec<&str> = Vec::new();
        for part in body.split('&').filter(|p| !p.is_empty()) {
            let (key, value) = part
                .split_once('=')
                .ok_or_else(|| HashError::new(HashErrorKind::NoValue(part.into())))?;
            if seen.contains(&key) {
                return Err(HashError::new(HashErrorKind::Repeated(key.into())));
            }
            seen.push(key);
            match key {
                "q" => state.question = parse_question(&decode(value)?, corpus)?,
                "focus" => state.focus = Some(parse_focus(value, corpus)?),
                "blind" => state.blind = parse_flag(key, value)?,
                "hl" => state.highlights = parse_highlights(&decode(value)?)?,
                "projector" => state.projector = parse_flag(key, value)?,
                "overview" => state.overview = parse_flag(key, value)?,
                "authors" => {
                    let list = value
                        .split(',')
                        .map(decode)
                        .collect::<Result<Vec<_>, _>>()?;
                    let list = crate::text::join(&list, ",");
                    state.authors = Some(parse_authors(&list, corpus)?);
                }
                _ => return Err(HashError::new(HashErrorKind::UnknownKey(key.into()))),
            }
        }
        if let Some(f) = state.focus {
            if !state.shown().contains(&f.doc) {
                return Err(HashError::new(HashErrorKind::FocusHidden));
            }
            state.author_tab = f.doc;
        } else if let Some(first) = state.shown().first() {
            state.author_tab = *first;
        }
        Ok(state)
    }
}

/// Why a URL hash could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct HashError {
    kind: HashErrorKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
enum HashErrorKind {
    NoValue(String),
    Repeated(String),
    UnknownKey(String),
    BadEncoding(String),
    BadFlag(String, String),
    BadFocus(String),
    FocusHidden,
    Attribute(AttributeError),
}

impl HashError {
    fn new(kind: HashErrorKind) -> HashError {
        HashError { kind }
    }
}

impl From<AttributeError> for HashError {
    fn from(e: AttributeError) -> HashError {
        HashError::new(HashErrorKind::Attribute(e))
    }
}

impl fmt::Display for HashError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("The link's view could not be restored: ")?;
        match &self.kind {
            HashErrorKind::NoValue(part) => write!(f, "“{part}” has no value (expected key=value)"),
            HashErrorKind::Repeated(key) => write!(f, "“{key}” is given twice"),
            HashErrorKind::UnknownKey(key) => write!(
                f,
                "“{key}” is not a setting (known: q, focus, blind, hl, projector, overview, authors)"
            ),
            HashErrorKind::BadEncoding(value) => {
                write!(f, "“{value}” has a broken %-escape")
            }
            HashErrorKind::BadFlag(key, value) => {
                write!(f, "{key} is “{value}”, expected 1 or 0")
            }
            HashErrorKind::BadFocus(value) => write!(
                f,
                "focus “{value}” is not a file name and line of a passage (file:line)"
            ),
            HashErrorKind::FocusHidden => {
                f.write_str("the passage in focus belongs to an author not shown")
            }
            HashErrorKind::Attribute(e) => write!(f, "{e}"),
        }?;
        f.write_str(". Showing the default view.")
    }
}

impl std::error::Error for HashError {}

/// Why an attribute value (or the same setting in a hash) is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AttributeError {
    message: String,
}

impl AttributeError {
    fn new(message: String) -> AttributeError {
        AttributeError { message }
    }
}

impl fmt::Display for AttributeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for AttributeError {}

/// The index of the question with id `id`.
pub fn parse_question(id: &str, corpus: &Corpus) -> Result<usize, AttributeError> {
    let id = id.trim();
    corpus
        .questions
        .iter()
        .position(|q| q.id == id)
        .ok_or_else(|| {
            let known: Vec<&str> = corpus.questions.iter().map(|q| q.id.as_str()).collect();
            AttributeError::new(format!(
                "question “{id}” does not exist (known: {})",
                crate::text::join(&known, ", ")
            ))
        })
}

/// A comma list of authors, each a file name or a label (case-insensitive), into document
/// indices in corpus order.
pub fn parse_authors(list: &str, corpus: &Corpus) -> Result<Vec<usize>, AttributeError> {
    let mut docs = Vec::new();
    for name in list.split(',').map(str::trim) {
        if name.is_empty() {
            continue;
        }
        let doc = corpus
            .documents
            .iter()
            .position(|d| d.file == name || d.label.eq_ignore_ascii_case(name))
            .ok_or_else(|| {
                let known: Vec<&str> = corpus.documents.iter().map(|d| d.label.as_str()).collect();
                AttributeError::new(format!(
                    "author “{name}” is neither a file name nor a label (labels: {})",
                    crate::text::join(&known, ", ")
                ))
            })?;
        if !docs.contains(&doc) {
            docs.push(doc);
        }
    }
    if docs.is_empty() {
        return Err(AttributeError::new("the author list is empty".into()));
    }
    order::sort(&mut docs);
    Ok(docs)
}

/// A comma list of highlight kinds (`terms`, `cue`, `shared`); the empty list turns all off.
pub fn parse_highlights(list: &str) -> Result<Highlights, AttributeError> {
    let mut h = Highlights {
        terms: false,
        cue: false,
        shared: false,
    };
    for name in list.split(',').map(str::trim).filter(|n| !n.is_empty()) {
        let kind = KINDS
            .iter()
            .find(|(n, _)| n.eq_ignore_ascii_case(name))
            .map(|(_, k)| *k)
            .ok_or_else(|| {
                AttributeError::new(format!(
                    "highlight kind “{name}” is unknown (known: terms, cue, shared)"
                ))
            })?;
        if !h.shows(kind) {
            h.toggle(kind);
        }
    }
    Ok(h)
}

/// `light`, `dark` or `auto`; absent means `auto`.
pub fn parse_theme(value: Option<&str>) -> Result<Theme, AttributeError> {
    match value.map(str::trim) {
        None | Some("") | Some("auto") => Ok(Theme::Auto),
        Some("light") => Ok(Theme::Light),
        Some("dark") => Ok(Theme::Dark),
        Some(other) => Err(AttributeError::new(format!(
            "theme “{other}” is unknown (use light, dark or auto)"
        ))),
    }
}

/// A boolean attribute: present (empty, `true` or its own name) is on, absent or `false` off.
pub fn parse_bool_attribute(name: &str, value: Option<&str>) -> Result<bool, AttributeError> {
    match value.map(str::trim) {
        None | Some("false") => Ok(false),
        Some("") | Some("true") => Ok(true),
        Some(v) if v == name => Ok(true),
        Some(other) => Err(AttributeError::new(format!(
            "{name} is “{other}”; write {name} alone to turn it on, or leave it out"
        ))),
    }
}

/// A CSS length for the `height` attribute (`600px`, `40rem`, `80vh`, `100%`); absent or
/// empty: the widget takes the height of its content.
pub fn parse_height(value: Option<&str>) -> Result<Option<String>, AttributeError> {
    const UNITS: &[&str] = &[
        "px", "rem", "em", "vh", "svh", "dvh", "lvh", "vw", "%", "ch", "ex", "lh", "cm", "mm",
        "in", "pt", "pc",
    ];
    let Some(v) = value.map(str::trim).filter(|v| !v.is_empty()) else {
        return Ok(None);
    };
    let number_end = v
        .find(|c: char| !(c.is_ascii_digit() || c == '.'))
        .unwrap_or(v.len());
    let (number, unit) = v.split_at(number_end);
    let number_ok = !number.is_empty()
        && number.matches('.').count() <= 1
        // Digits and at most one dot: positive iff some digit is non-zero. Not `parse::<f64>()`,
        // whose float tables cost the wasm ~16 KB gzip for this one check.
        && number.bytes().any(|b| (b'1'..=b'9').contains(&b));
    if number_ok && UNITS.contains(&unit.to_ascii_lowercase().as_str()) {
        Ok(Some(v.to_ascii_lowercase()))
    } else {
        Err(AttributeError::new(format!(
            "height “{v}” is not a CSS length such as 600px, 40rem or 80vh"
        )))
    }
}

fn parse_flag(key: &str, value: &str) -> Result<bool, HashError> {
    match value {
        "1" => Ok(true),
        "0" => Ok(false),
        _ => Err(HashError::new(HashErrorKind::BadFlag(
            key.into(),
            value.into(),
        ))),
    }
}

fn parse_focus(value: &str, corpus: &Corpus) -> Result<Focus, HashError> {
    let bad = || HashError::new(HashErrorKind::BadFocus(value.into()));
    let (file, line) = value.rsplit_once(':').ok_or_else(bad)?;
    let file = decode(file)?;
    let doc = corpus
        .documents
        .iter()
        .position(|d| d.file == file)
        .ok_or_else(bad)?;
    let line: usize = line.parse().map_err(|_| bad())?;
    let text = &corpus.documents[doc].text;
    let has_text = line >= 1
        && text
            .lines()
            .nth(line - 1)
            .is_some_and(|l| !l.trim().is_empty());
    if !has_text {
        return Err(bad());
    }
    Ok(Focus { doc, line })
}

/// Percent-encodes everything but unreserved characters, so any file name survives a URL.
fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~') {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

fn decode(s: &str) -> Result<String, HashError> {
    let bad = || HashError::new(HashErrorKind::BadEncoding(s.into()));
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = s.get(i + 1..i + 3).ok_or_else(bad)?;
            out.push(u8::from_str_radix(hex, 16).map_err(|_| bad())?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).map_err(|_| bad())
}

/// "Author A", "Author B", … for the `n`-th author shown in blind mode.
pub fn blind_name(n: usize) -> String {
    let letter = (b'A' + (n % 26) as u8) as char;
    if n < 26 {
        format!("Author {letter}")
    } else {
        format!("Author {letter}{}", n / 26)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn corpus() -> &'static Corpus {
        Corpus::embedded()
    }

    fn first_body_line(doc: usize) -> usize {
        // A line with text, found by hand-free means: the first line over 200 characters.
        corpus().documents[doc]
            .text
            .lines()
            .position(|l| l.len() > 200)
            .unwrap()
            + 1
    }

    fn malformed(hash: &str) -> String {
        ViewState::from_hash(hash, corpus())
            .expect_err(hash)
            .to_string()
    }

    #[test]
    fn empty_hash_is_the_default_view() {
        assert_eq!(
            ViewState::from_hash("", corpus()),
            Ok(ViewState::new(corpus()))
        );
        assert_eq!(
            ViewState::from_hash("#", corpus()),
            Ok(ViewState::new(corpus()))
        );
    }

    #[test]
    fn default_view_writes_only_the_question() {
        assert_eq!(ViewState::new(corpus()).to_hash(corpus()), "#q=alliance");
    }

    #[test]
    fn every_setting_round_trips() {
        let c = corpus();
        let mut s = ViewState::new(c);
        s.update(Msg::SetAuthors(Some(vec![1, 3])));
        s.update(Msg::OpenCell {
            question: 2,
            focus: Some(Focus {
                doc: 3,
                line: first_body_line(3),
            }),
        });
        s.update(Msg::ToggleBlind);
        s.update(Msg::ToggleHighlight(MarkKind::Cue));
        s.update(Msg::ToggleProjector);
        s.update(Msg::ToggleOverview);
        let hash = s.to_hash(c);
        assert!(hash.starts_with("#q=asymmetry&focus=004_f4d7401ad7038861.txt:"));
        assert!(hash.contains("&blind=1&hl=terms,shared&projector=1&overview=1&authors="));
        assert_eq!(ViewState::from_hash(&hash, c), Ok(s));
    }

    #[test]
    fn odd_file_names_survive_encoding() {
        let name = "a b&c:d,é.txt";
        assert_eq!(decode(&encode(name)), Ok(name.to_string()));
        assert!(!encode(name).contains(['&', ':', ',', ' ']));
    }

    #[test]
    fn unknown_question_is_malformed() {
        assert!(malformed("#q=nope").contains("question “nope” does not exist"));
    }

    #[test]
    fn unknown_key_is_malformed() {
        assert!(malformed("#q=alliance&zoom=2").contains("“zoom” is not a setting"));
    }

    #[test]
    fn key_without_value_is_malformed() {
        assert!(malformed("#blind").contains("has no value"));
    }

    #[test]
    fn repeated_key_is_malformed() {
        assert!(malformed("#q=alliance&q=energy").contains("given twice"));
    }

    #[test]
    fn flag_other_than_0_or_1_is_malformed() {
        assert!(malformed("#blind=yes").contains("expected 1 or 0"));
    }

    #[test]
    fn focus_on_unknown_file_or_missing_line_is_malformed() {
        assert!(malformed("#focus=nofile.txt:3").contains("not a file name and line"));
        assert!(malformed("#focus=000_1ae05535f9ca31e9.txt:99999").contains("file:line"));
        assert!(malformed("#focus=000_1ae05535f9ca31e9.txt:0").contains("file:line"));
        assert!(malformed("#focus=000_1ae05535f9ca31e9.txt").contains("file:line"));
        // Line 2 of that file is blank.
        assert!(malformed("#focus=000_1ae05535f9ca31e9.txt:2").contains("file:line"));
    }

    #[test]
    fn focus_on_an_author_not_shown_is_malformed() {
        let line = first_body_line(0);
        let hash =
            format!("#focus=000_1ae05535f9ca31e9.txt:{line}&authors=001_62601f8aaf7a05d7.txt");
        assert!(malformed(&hash).contains("not shown"));
    }

    #[test]
    fn unknown_highlight_kind_is_malformed() {
        assert!(malformed("#hl=terms,glow").contains("“glow” is unknown"));
    }

    #[test]
    fn broken_escape_is_malformed() {
        assert!(malformed("#q=%zz").contains("broken %-escape"));
        assert!(malformed("#q=%E2%82").contains("broken %-escape"));
    }

    #[test]
    fn messages_end_by_saying_what_is_shown() {
        assert!(malformed("#q=nope").ends_with("Showing the default view."));
    }

    #[test]
    fn question_steps_wrap_around() {
        let mut s = ViewState::new(corpus());
        s.update(Msg::StepQuestion(-1));
        assert_eq!(s.question, corpus().questions.len() - 1);
        s.update(Msg::StepQuestion(1));
        assert_eq!(s.question, 0);
    }

    #[test]
    fn switching_question_drops_focus_and_overview() {
        let mut s = ViewState::new(corpus());
        s.update(Msg::Focus(Focus { doc: 1, line: 5 }));
        s.update(Msg::ToggleOverview);
        s.update(Msg::SelectQuestion(3));
        assert_eq!((s.question, s.focus, s.overview), (3, None, false));
    }

    #[test]
    fn reveal_leaves_blind_mode() {
        let mut s = ViewState::new(corpus());
        s.update(Msg::ToggleBlind);
        assert!(s.blind);
        s.update(Msg::Reveal);
        assert!(!s.blind);
    }

    #[test]
    fn hiding_the_focused_author_drops_focus() {
        let mut s = ViewState::new(corpus());
        s.update(Msg::Focus(Focus { doc: 0, line: 8 }));
        s.update(Msg::SetAuthors(Some(vec![1, 2])));
        assert_eq!(s.focus, None);
        assert_eq!(s.author_tab, 1);
    }

    #[test]
    fn full_text_toggles_per_document() {
        let mut s = ViewState::new(corpus());
        s.update(Msg::ToggleFullText(2));
        s.update(Msg::ToggleFullText(0));
        s.update(Msg::ToggleFullText(2));
        assert_eq!(s.expanded, vec![0]);
    }

    #[test]
    fn authors_by_file_or_label_in_corpus_order() {
        let c = corpus();
        let list = format!(
            "{}, {}",
            c.documents[3].file,
            c.documents[1].label.to_uppercase()
        );
        assert_eq!(parse_authors(&list, c), Ok(vec![1, 3]));
        assert!(parse_authors("Nobody", c)
            .unwrap_err()
            .to_string()
            .contains("“Nobody”"));
        assert!(parse_authors(" , ", c).is_err());
    }

    #[test]
    fn highlight_lists() {
        assert_eq!(
            parse_highlights("cue, shared"),
            Ok(Highlights {
                terms: false,
                cue: true,
                shared: true
            })
        );
        assert_eq!(parse_highlights("").map(|h| h.to_list()), Ok(String::new()));
        assert!(parse_highlights("bold").is_err());
    }

    #[test]
    fn themes() {
        assert_eq!(parse_theme(None), Ok(Theme::Auto));
        assert_eq!(parse_theme(Some("dark")), Ok(Theme::Dark));
        assert!(parse_theme(Some("purple")).is_err());
    }

    #[test]
    fn boolean_attributes() {
        assert_eq!(parse_bool_attribute("blind", Some("")), Ok(true));
        assert_eq!(parse_bool_attribute("blind", Some("blind")), Ok(true));
        assert_eq!(parse_bool_attribute("blind", None), Ok(false));
        assert!(parse_bool_attribute("blind", Some("maybe")).is_err());
    }

    #[test]
    fn heights_are_css_lengths() {
        assert_eq!(parse_height(Some("600px")), Ok(Some("600px".into())));
        assert_eq!(parse_height(Some("80vh")), Ok(Some("80vh".into())));
        assert_eq!(parse_height(Some("12.5rem")), Ok(Some("12.5rem".into())));
        assert_eq!(parse_height(None), Ok(None));
        for bad in ["600", "px", "-3px", "1.2.3em", "10furlongs", "calc(1px)"] {
            assert!(parse_height(Some(bad)).is_err(), "{bad}");
        }
    }

    #[test]
    fn blind_names_are_letters() {
        assert_eq!(blind_name(0), "Author A");
        assert_eq!(blind_name(3), "Author D");
    }
}
