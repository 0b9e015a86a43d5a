//! The reader's own additions — texts and questions added, base questions edited or hidden —
//! and how they are kept, independent of where they are kept.
//!
//! A [`Library`] is a small value: the view saves [`Library::to_json`] wherever it likes
//! (localStorage) and reads it back with [`Library::from_json`], which never panics: a damaged
//! or foreign value is an error the view can show while keeping what it has. The comparison
//! itself always runs on [`Library::corpus`]: the base corpus with the additions applied.

use std::fmt;

use serde::Serialize;

use crate::corpus::{Corpus, Document};
use crate::order;
use crate::question::Question;

pub(crate) mod json;

use json::Value;

/// The version [`Library::to_json`] writes; [`Library::from_json`] reads this and older.
pub const FORMAT_VERSION: u32 = 1;

/// Most texts a reader can add. Far above a class set of articles (30+ must stay responsive);
/// a cap at all keeps a runaway script from filling the browser's storage.
pub const MAX_TEXTS: usize = 100;
// Classes compare 30+ articles; a smaller cap would be felt.
const _: () = assert!(MAX_TEXTS >= 100);

/// Most questions a reader can add.
pub const MAX_QUESTIONS: usize = 100;

/// A text the reader added.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UserText {
    /// Stable id, `user-N`; also the document's file name in the comparison and exports.
    pub id: String,
    /// Title as given; empty means "take it from the text".
    pub title: String,
    /// Author as given; may be empty.
    pub author: String,
    /// The text, one paragraph per line (see [`crate::import`]).
    pub text: String,
    /// Order of addition, 1-based: one more than the highest kept when it was added.
    pub added_order: u64,
}

/// A question the reader added or edited: the same shape as a corpus question.
pub type UserQuestion = Question;

/// What a person types into the question form (or passes to the element's `addQuestion`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct QuestionDraft {
    /// Identifier; empty means "make one from the title".
    pub id: String,
    /// Short label (required).
    pub title: String,
    /// The question in full (required).
    pub prompt: String,
    /// Extra topic terms, separated by commas.
    pub keywords: String,
    /// What the `+` side means; may be empty.
    pub pro: String,
    /// What the `-` side means; may be empty.
    pub con: String,
}

impl QuestionDraft {
    /// Reads a draft from a JSON object, as a script passes it to `addQuestion`: every member
    /// optional, `keywords` a comma-separated string or an array of strings.
    ///
    /// ```
    /// use parallax::library::QuestionDraft;
    /// let draft = QuestionDraft::from_json(r#"{"title": "Office?", "keywords": ["desk", "commute"]}"#).unwrap();
    /// assert_eq!(draft.keywords, "desk, commute");
    /// ```
    pub fn from_json(text: &str) -> Result<QuestionDraft, LibraryError> {
        let value =
            json::parse(text).map_err(|e| field("question", format!("is not JSON: {e}")))?;
        QuestionDraft::from_value(&value)
    }

    /// [`QuestionDraft::from_json`] on a value already parsed (the browser view hands over
    /// what a script passed, without a round trip through JSON text).
    pub(crate) fn from_value(value: &Value) -> Result<QuestionDraft, LibraryError> {
        if !matches!(value, Value::Object(_)) {
            return Err(field(
                "question",
                format!("is {} instead of an object", value.kind()),
            ));
        }
        let member = |key: &'static str| -> Result<String, LibraryError> {
            match value.get(key) {
                None | Some(Value::Null) => Ok(String::new()),
                Some(Value::String(s)) => Ok(s.clone()),
                Some(Value::Array(items)) if key == "keywords" => items
                    .iter()
                    .map(|item| match item {
                        Value::String(s) => Ok(s.as_str()),
                        other => Err(field(
                            key,
                            format!("holds {} instead of a string", other.kind()),
                        )),
                    })
                    .collect::<Result<Vec<_>, _>>()
                    .map(|words| words.join(", ")),
                Some(other) => Err(field(key, format!("is {} instead of text", other.kind()))),
            }
        };
        Ok(QuestionDraft {
            id: member("id")?,
            title: member("title")?,
            prompt: member("prompt")?,
            keywords: member("keywords")?,
            pro: member("pro")?,
            con: member("con")?,
        })
    }
}

/// The reader's additions to a base corpus.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Library {
    /// Texts added, in order of addition.
    pub texts: Vec<UserText>,
    /// Questions added, and base questions edited (same id as the base question they replace).
    pub questions: Vec<UserQuestion>,
    /// Ids of base questions the reader deleted.
    pub removed_questions: Vec<String>,
    /// File names of base documents the reader removed (to compare only their own texts).
    pub removed_texts: Vec<String>,
}

/// Why a change to the library, or reading it back, failed. `Display` names the field.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LibraryError {
    /// A form field is missing or wrong.
    Field {
        /// The field, as the form labels it (`title`, `prompt`, `id`, `text`).
        field: &'static str,
        /// What is wrong with it.
        message: String,
    },
    /// [`MAX_TEXTS`] or [`MAX_QUESTIONS`] reached.
    Full {
        /// `"texts"` or `"questions"`.
        what: &'static str,
        /// The cap.
        max: usize,
    },
    /// No question or text with this id.
    Unknown {
        /// The id asked for.
        id: String,
    },
    /// The saved value is not a library this build can read (damaged, or not ours).
    Unreadable {
        /// Why, in a few words.
        reason: String,
    },
    /// The saved value was written by a newer Parallax.
    NewerVersion {
        /// The version found.
        version: u32,
    },
}

impl fmt::Display for LibraryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LibraryError::Field { field, message } => write!(f, "`{field}`: {message}"),
            LibraryError::Full { what, max } => write!(
                f,
                "You have added {max} {what}, the most this page keeps. Remove one to add another."
            ),
            LibraryError::Unknown { id } => write!(f, "There is no “{id}” to change."),
            LibraryError::Unreadable { reason } => write!(
                f,
                "Your saved texts and questions could not be read ({reason}). They were left untouched; the original corpus is shown."
            ),
            LibraryError::NewerVersion { version } => write!(
                f,
                "Your saved texts and questions were written by a newer Parallax (format {version}; this page reads up to {FORMAT_VERSION}). They were left untouched; reload the newer page to see them."
            ),
        }
    }
}

impl std::error::Error for LibraryError {}

fn field(field: &'static str, message: impl Into<String>) -> LibraryError {
    LibraryError::Field {
        field,
        message: message.into(),
    }
}

/// Why a corpus cannot be compared yet.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Incomparable {
    /// No documents at all.
    NoTexts,
    /// One document: nothing to compare it with.
    OneText,
    /// Documents but no question to compare them on.
    NoQuestions,
}

impl fmt::Display for Incomparable {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            Incomparable::NoTexts => "There are no texts yet: add two or more to compare them.",
            Incomparable::OneText => {
                "There is only one text, so there is nothing to compare it with: add another."
            }
            Incomparable::NoQuestions => "There are no questions: add one to compare the texts on.",
        })
    }
}

/// Whether `corpus` has what a comparison needs: two texts and a question.
pub fn check_comparable(corpus: &Corpus) -> Result<(), Incomparable> {
    match corpus.documents.len() {
        0 => Err(Incomparable::NoTexts),
        1 => Err(Incomparable::OneText),
        _ if corpus.questions.is_empty() => Err(Incomparable::NoQuestions),
        _ => Ok(()),
    }
}

/// An id made from a title: lowercase ASCII letters and digits, runs of anything else as one
/// `_` (`"Who gains? (2024)"` → `who_gains_2024`); `question` if nothing is left.
pub fn id_from_title(title: &str) -> String {
    let mut id = String::new();
    for c in title.chars() {
        if c.is_ascii_alphanumeric() {
            id.push(c.to_ascii_lowercase());
        } else if !id.is_empty() && !id.ends_with('_') {
            id.push('_');
        }
    }
    let id = id.trim_end_matches('_');
    let id: String = id.chars().take(40).collect();
    let id = id.trim_end_matches('_');
    if id.is_empty() {
        "question".to_string()
    } else {
        id.to_string()
    }
}

/// The saved form: `{"version": 1, "texts": […], "questions": […], "removed_questions": […],
/// "removed_texts": […]}` (`removed_texts` came later in version 1: absent reads as empty).
/// [`Library::to_json`] writes it by hand; the tests hold it to serde_json's output of this.
#[cfg(test)]
#[derive(Serialize)]
struct Saved<'a> {
    version: u32,
    texts: &'a [UserText],
    questions: &'a [UserQuestion],
    removed_questions: &'a [String],
    removed_texts: &'a [String],
}

impl Library {
    /// The JSON to keep: versioned, so a later format can still read it. The same bytes as
    /// `serde_json::to_string` on the derived schema (tested), written by hand to keep
    /// serde_json out of the wasm.
    pub fn to_json(&self) -> String {
        let mut w = json::Writer::new(false);
        w.open('{');
        w.key("version");
        w.number(u64::from(FORMAT_VERSION));
        w.key("texts");
        w.open('[');
        for t in &self.texts {
            w.open('{');
            for (key, value) in [
                ("id", &t.id),
                ("title", &t.title),
                ("author", &t.author),
                ("text", &t.text),
            ] {
                w.key(key);
                w.string(value);
            }
            w.key("added_order");
            w.number(t.added_order);
            w.close('}');
        }
        w.close(']');
        w.key("questions");
        w.open('[');
        for q in &self.questions {
            w.open('{');
            w.key("id");
            w.string(&q.id);
            w.key("title");
            w.string(&q.title);
            w.key("prompt");
            w.string(&q.prompt);
            w.key("keywords");
            w.open('[');
            for k in &q.keywords {
                w.string(k);
            }
            w.close(']');
            w.key("pro");
            w.optional_string(q.pro.as_deref());
            w.key("con");
            w.optional_string(q.con.as_deref());
            w.close('}');
        }
        w.close(']');
        w.key("removed_questions");
        w.open('[');
        for id in &self.removed_questions {
            w.string(id);
        }
        w.close(']');
        w.key("removed_texts");
        w.open('[');
        for file in &self.removed_texts {
            w.string(file);
        }
        w.close(']');
        w.close('}');
        w.finish()
    }

    /// Reads what [`Library::to_json`] wrote. Damaged JSON, a value that is not ours, a
    /// future version, and contents that break the library's rules are errors, never panics.
    /// Members this version does not know are ignored.
    ///
    /// ```
    /// use parallax::library::{Library, LibraryError};
    /// assert_eq!(Library::from_json(&Library::default().to_json()), Ok(Library::default()));
    /// assert!(matches!(Library::from_json("{\"version\":9}"), Err(LibraryError::NewerVersion { version: 9 })));
    /// ```
    pub fn from_json(text: &str) -> Result<Library, LibraryError> {
        let value = json::parse(text).map_err(|e| LibraryError::Unreadable {
            reason: format!("not JSON: {e}"),
        })?;
        Library::from_value(&value)
    }

    /// [`Library::from_json`] on a value already parsed (the browser view parses with
    /// `JSON.parse`, which keeps [`json::parse`] out of the wasm).
    pub(crate) fn from_value(value: &Value) -> Result<Library, LibraryError> {
        let unreadable = |reason: String| LibraryError::Unreadable { reason };
        if !matches!(value, Value::Object(_)) {
            return Err(unreadable(format!("{} instead of an object", value.kind())));
        }
        let version = value
            .get("version")
            .ok_or_else(|| unreadable("no format version".into()))?;
        let version = version
            .as_u64()
            .ok_or_else(|| unreadable(format!("`version` is {}", version.kind())))?;
        if version > u64::from(FORMAT_VERSION) {
            return Err(LibraryError::NewerVersion {
                version: u32::try_from(version).unwrap_or(u32::MAX),
            });
        }
        let texts = list(value, "texts", |v| {
            Ok(UserText {
                id: string(v, "id")?,
                title: optional_string(v, "title")?.unwrap_or_default(),
                author: optional_string(v, "author")?.unwrap_or_default(),
                text: string(v, "text")?,
                added_order: v
                    .get("added_order")
                    .and_then(Value::as_u64)
                    .ok_or("a text's `added_order` is not a whole number")?,
            })
        });
        let names = |key| {
            list(value, key, |v| match v {
                Value::String(s) => Ok(s.clone()),
                other => Err(format!("`{key}` holds {}", other.kind())),
            })
        };
        let library = Library {
            texts: texts.map_err(unreadable)?,
            questions: list(value, "questions", question_value).map_err(unreadable)?,
            removed_questions: names("removed_questions").map_err(unreadable)?,
            removed_texts: names("removed_texts").map_err(unreadable)?,
        };
        library.check().map_err(unreadable)?;
        Ok(library)
    }

    /// The rules every library keeps, checked on what is read back.
    fn check(&self) -> Result<(), String> {
        let mut ids = std::collections::HashSet::new();
        for text in &self.texts {
            if text.id.is_empty() || !ids.insert(text.id.as_str()) {
                return Err(format!("text id “{}” is empty or repeated", text.id));
            }
        }
        let mut ids = std::collections::HashSet::new();
        for q in &self.questions {
            if !Question::is_valid_id(&q.id) || !ids.insert(q.id.as_str()) {
                return Err(format!("question id “{}” is invalid or repeated", q.id));
            }
            if q.title.trim().is_empty() || q.prompt.trim().is_empty() {
                return Err(format!("question “{}” lacks a title or prompt", q.id));
            }
        }
        if self.texts.len() > MAX_TEXTS || self.questions.len() > MAX_QUESTIONS {
            return Err("more entries than a library holds".into());
        }
        Ok(())
    }

    /// Whether the reader has changed nothing.
    pub fn is_empty(&self) -> bool {
        self.texts.is_empty()
            && self.questions.is_empty()
            && self.removed_questions.is_empty()
            && self.removed_texts.is_empty()
    }

    /// Adds a text (already imported: see [`crate::import`]) and returns it. An empty `title`
    /// is taken from the text when the comparison is built.
    pub fn add_text(
        &mut self,
        title: &str,
        author: &str,
        text: &str,
    ) -> Result<&UserText, LibraryError> {
        if text.trim().is_empty() {
            return Err(field("text", "is empty: paste or pick a text first"));
        }
        if text.len() > crate::import::MAX_BYTES {
            return Err(field(
                "text",
                format!(
                    "is over the limit of {} MB",
                    crate::import::MAX_BYTES / (1024 * 1024)
                ),
            ));
        }
        if self.texts.len() >= MAX_TEXTS {
            return Err(LibraryError::Full {
                what: "texts",
                max: MAX_TEXTS,
            });
        }
        let order = self.texts.iter().map(|t| t.added_order).max().unwrap_or(0) + 1;
        self.texts.push(UserText {
            id: format!("user-{order}"),
            title: title.trim().to_string(),
            author: author.trim().to_string(),
            text: text.to_string(),
            added_order: order,
        });
        Ok(self.texts.last().expect("just pushed"))
    }

    /// Removes the text with id `id`: an added one is forgotten, a document of `base` (by its
    /// file name) hidden until reset.
    pub fn remove_text(&mut self, base: &Corpus, id: &str) -> Result<(), LibraryError> {
        let before = self.texts.len();
        self.texts.retain(|t| t.id != id);
        if self.texts.len() < before {
            return Ok(());
        }
        let in_base = base.documents.iter().any(|d| d.file == id);
        if !in_base || self.removed_texts.iter().any(|r| r == id) {
            return Err(LibraryError::Unknown { id: id.to_string() });
        }
        self.removed_texts.push(id.to_string());
        Ok(())
    }

    /// Adds a new question; its id is the draft's, or one made from the title (made unique
    /// with `_2`, `_3`… against every question of `base` and the library). Returns the id.
    pub fn add_question(
        &mut self,
        base: &Corpus,
        draft: &QuestionDraft,
    ) -> Result<String, LibraryError> {
        let taken = |id: &str| {
            base.questions.iter().any(|q| q.id == id) || self.questions.iter().any(|q| q.id == id)
        };
        let given = draft.id.trim();
        let id = if given.is_empty() {
            let stem = id_from_title(&draft.title);
            let mut id = stem.clone();
            let mut n = 2;
            while taken(&id) {
                id = format!("{stem}_{n}");
                n += 1;
            }
            id
        } else if !Question::is_valid_id(given) {
            return Err(field(
                "id",
                format!("“{given}” must be lowercase letters, digits and _ only"),
            ));
        } else if taken(given) {
            return Err(field(
                "id",
                format!("“{given}” is already used; pick another, or edit that question"),
            ));
        } else {
            given.to_string()
        };
        let question = question_from(id.clone(), draft)?;
        if self.questions.len() >= MAX_QUESTIONS {
            return Err(LibraryError::Full {
                what: "questions",
                max: MAX_QUESTIONS,
            });
        }
        self.questions.push(question);
        Ok(id)
    }

    /// Replaces question `id` (from `base` or added) with the draft; the id stays as it was.
    pub fn edit_question(
        &mut self,
        base: &Corpus,
        id: &str,
        draft: &QuestionDraft,
    ) -> Result<(), LibraryError> {
        let visible = self.corpus_questions(base);
        if !visible.iter().any(|q| q.id == id) {
            return Err(LibraryError::Unknown { id: id.to_string() });
        }
        let question = question_from(id.to_string(), draft)?;
        match self.questions.iter_mut().find(|q| q.id == id) {
            Some(existing) => *existing = question,
            None => self.questions.push(question),
        }
        Ok(())
    }

    /// Deletes question `id`: an added one is forgotten, a base one (edited or not) hidden.
    pub fn remove_question(&mut self, base: &Corpus, id: &str) -> Result<(), LibraryError> {
        let in_base = base.questions.iter().any(|q| q.id == id);
        let before = self.questions.len();
        self.questions.retain(|q| q.id != id);
        if in_base {
            if self.removed_questions.iter().any(|r| r == id) {
                return Err(LibraryError::Unknown { id: id.to_string() });
            }
            self.removed_questions.push(id.to_string());
        } else if self.questions.len() == before {
            return Err(LibraryError::Unknown { id: id.to_string() });
        }
        Ok(())
    }

    /// The questions a comparison on `base` shows: base questions in order (an edited one in
    /// its place, a deleted one gone), then the added ones in order of addition.
    fn corpus_questions(&self, base: &Corpus) -> Vec<Question> {
        let mut questions: Vec<Question> = base
            .questions
            .iter()
            .filter(|q| !self.removed_questions.contains(&q.id))
            .map(|q| {
                self.questions
                    .iter()
                    .find(|mine| mine.id == q.id)
                    .unwrap_or(q)
                    .clone()
            })
            .collect();
        questions.extend(
            self.questions
                .iter()
                .filter(|mine| !base.questions.iter().any(|q| q.id == mine.id))
                .cloned(),
        );
        questions
    }

    /// `base` with the additions: its documents then the added texts, the questions as
    /// [`Library`] describes.
    pub fn corpus(&self, base: &Corpus) -> Corpus {
        let mut texts: Vec<&UserText> = self.texts.iter().collect();
        order::sort_by_key(&mut texts, |t| t.added_order);
        let mut documents: Vec<Document> = base
            .documents
            .iter()
            .filter(|d| !self.removed_texts.contains(&d.file))
            .cloned()
            .collect();
        documents.extend(texts.into_iter().map(|t| {
            let title = Some(t.title.as_str()).filter(|s| !s.is_empty());
            Document::new(&t.id, &t.text, title, Some(&t.author))
        }));
        Corpus {
            documents,
            questions: self.corpus_questions(base),
        }
    }
}

/// The array `key` of `object` (absent means empty), each item read by `item`.
fn list<T>(
    object: &Value,
    key: &str,
    item: impl Fn(&Value) -> Result<T, String>,
) -> Result<Vec<T>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(Vec::new()),
        Some(Value::Array(items)) => items.iter().map(item).collect(),
        Some(other) => Err(format!("`{key}` is {} instead of an array", other.kind())),
    }
}

/// The string member `key`, which must be there.
fn string(object: &Value, key: &str) -> Result<String, String> {
    optional_string(object, key)?.ok_or_else(|| format!("`{key}` is missing"))
}

/// The string member `key`, absent or null meaning `None`.
fn optional_string(object: &Value, key: &str) -> Result<Option<String>, String> {
    match object.get(key) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(s)) => Ok(Some(s.clone())),
        Some(other) => Err(format!("`{key}` is {} instead of a string", other.kind())),
    }
}

/// A saved question: `id`, `title`, `prompt`, optional `keywords`, `pro`, `con`.
fn question_value(v: &Value) -> Result<Question, String> {
    Ok(Question {
        id: string(v, "id")?,
        title: string(v, "title")?,
        prompt: string(v, "prompt")?,
        keywords: list(v, "keywords", |k| match k {
            Value::String(s) => Ok(s.clone()),
            other => Err(format!("a keyword is {}", other.kind())),
        })?,
        pro: optional_string(v, "pro")?,
        con: optional_string(v, "con")?,
    })
}

/// A question from a draft, with `id` already decided: title and prompt required, keywords
/// split on commas, empty sides absent.
fn question_from(id: String, draft: &QuestionDraft) -> Result<Question, LibraryError> {
    let title = draft.title.trim();
    let prompt = draft.prompt.trim();
    if title.is_empty() {
        return Err(field("title", "is required: a short label for the tab"));
    }
    if prompt.is_empty() {
        return Err(field("prompt", "is required: the question in full"));
    }
    let mut keywords: Vec<String> = Vec::new();
    for keyword in draft.keywords.split(',').map(str::trim) {
        if !keyword.is_empty() && !keywords.iter().any(|k| k.eq_ignore_ascii_case(keyword)) {
            keywords.push(keyword.to_string());
        }
    }
    let side = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());
    Ok(Question {
        id,
        title: title.to_string(),
        prompt: prompt.to_string(),
        keywords,
        pro: side(&draft.pro),
        con: side(&draft.con),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn base() -> Corpus {
        Corpus {
            documents: vec![
                Document::new("a.txt", "Alpha text.\n", Some("A"), Some("Ann")),
                Document::new("b.txt", "Beta text.\n", Some("B"), Some("Bo")),
            ],
            questions: vec![
                Question {
                    id: "first".into(),
                    title: "First".into(),
                    prompt: "First?".into(),
                    keywords: vec![],
                    pro: None,
                    con: None,
                },
                Question {
                    id: "second".into(),
                    title: "Second".into(),
                    prompt: "Second?".into(),
                    keywords: vec![],
                    pro: None,
                    con: None,
                },
            ],
        }
    }

    fn draft(title: &str, prompt: &str) -> QuestionDraft {
        QuestionDraft {
            title: title.into(),
            prompt: prompt.into(),
            ..QuestionDraft::default()
        }
    }

    fn ids(corpus: &Corpus) -> Vec<&str> {
        corpus.questions.iter().map(|q| q.id.as_str()).collect()
    }

    #[test]
    fn added_texts_follow_the_base_documents_in_order() {
        let mut lib = Library::default();
        lib.add_text("Mine", "Me", "My text.\n").unwrap();
        lib.add_text("", "", "Untitled First Line\nBody.\n")
            .unwrap();
        let corpus = lib.corpus(&base());
        let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["a.txt", "b.txt", "user-1", "user-2"]);
        assert_eq!(corpus.documents[2].title, "Mine");
        assert_eq!(corpus.documents[2].label, "Me");
        assert_eq!(corpus.documents[3].title, "Untitled First Line");
        assert!(!corpus.documents[3].has_author());
    }

    #[test]
    fn removed_base_text_is_hidden_until_reset_and_one_left_is_not_comparable() {
        let b = base();
        let mut lib = Library::default();
        lib.remove_text(&b, "a.txt").unwrap();
        let corpus = lib.corpus(&b);
        let files: Vec<&str> = corpus.documents.iter().map(|d| d.file.as_str()).collect();
        assert_eq!(files, ["b.txt"]);
        assert_eq!(check_comparable(&corpus), Err(Incomparable::OneText));
        assert!(lib.remove_text(&b, "a.txt").is_err(), "already removed");
        assert!(lib.remove_text(&b, "nope.txt").is_err());
        assert!(!lib.is_empty());
        let back = Library::from_json(&lib.to_json()).unwrap();
        assert_eq!(back.removed_texts, ["a.txt"]);
        // A library saved before `removed_texts` existed still reads.
        let old = r#"{"version":1,"texts":[],"questions":[],"removed_questions":[]}"#;
        assert_eq!(Library::from_json(old), Ok(Library::default()));
    }

    #[test]
    fn text_ids_stay_unique_after_removal() {
        let b = base();
        let mut lib = Library::default();
        lib.add_text("1", "", "x").unwrap();
        lib.add_text("2", "", "y").unwrap();
        lib.remove_text(&b, "user-2").unwrap();
        assert_eq!(lib.add_text("3", "", "z").unwrap().id, "user-2");
        lib.remove_text(&b, "user-1").unwrap();
        assert_eq!(lib.add_text("4", "", "w").unwrap().id, "user-3");
        assert_eq!(
            lib.remove_text(&b, "user-9"),
            Err(LibraryError::Unknown {
                id: "user-9".into()
            })
        );
    }

    #[test]
    fn empty_text_is_refused_naming_the_field() {
        let err = Library::default().add_text("T", "", "  \n ").unwrap_err();
        assert_eq!(
            err.to_string(),
            "`text`: is empty: paste or pick a text first"
        );
    }

    #[test]
    fn thirty_texts_and_more_are_fine_up_to_the_cap() {
        let mut lib = Library::default();
        for n in 0..MAX_TEXTS {
            lib.add_text(&format!("T{n}"), "", "Some words.").unwrap();
        }
        assert_eq!(lib.corpus(&base()).documents.len(), MAX_TEXTS + 2);
        let err = lib.add_text("one more", "", "x").unwrap_err();
        assert_eq!(
            err,
            LibraryError::Full {
                what: "texts",
                max: MAX_TEXTS
            }
        );
    }

    #[test]
    fn question_id_is_made_from_the_title_and_kept_unique() {
        let mut lib = Library::default();
        let b = base();
        assert_eq!(
            lib.add_question(&b, &draft("Who gains? (2024)", "P"))
                .unwrap(),
            "who_gains_2024"
        );
        assert_eq!(
            lib.add_question(&b, &draft("First", "P")).unwrap(),
            "first_2"
        );
        assert_eq!(
            lib.add_question(&b, &draft("First!", "P")).unwrap(),
            "first_3"
        );
        assert_eq!(lib.add_question(&b, &draft("¿Qué?", "P")).unwrap(), "qu");
        assert_eq!(
            lib.add_question(&b, &draft("???", "P")).unwrap(),
            "question"
        );
    }

    #[test]
    fn id_from_title_is_lowercase_ascii_and_underscores() {
        assert_eq!(id_from_title("Remote work: good?"), "remote_work_good");
        assert_eq!(id_from_title("  __Trade__  "), "trade");
        assert!(Question::is_valid_id(&id_from_title("Ωμέγα 3 — x")));
    }

    #[test]
    fn given_question_id_must_be_valid_and_free() {
        let mut lib = Library::default();
        let b = base();
        let mut d = draft("T", "P");
        d.id = "Bad Id".into();
        let err = lib.add_question(&b, &d).unwrap_err();
        assert!(
            err.to_string().starts_with("`id`: “Bad Id” must be"),
            "{err}"
        );
        d.id = "second".into();
        let err = lib.add_question(&b, &d).unwrap_err();
        assert!(err.to_string().contains("already used"), "{err}");
        d.id = "own".into();
        assert_eq!(lib.add_question(&b, &d).unwrap(), "own");
    }

    #[test]
    fn question_title_and_prompt_are_required() {
        let mut lib = Library::default();
        assert_eq!(
            lib.add_question(&base(), &draft(" ", "P"))
                .unwrap_err()
                .to_string(),
            "`title`: is required: a short label for the tab"
        );
        assert_eq!(
            lib.add_question(&base(), &draft("T", ""))
                .unwrap_err()
                .to_string(),
            "`prompt`: is required: the question in full"
        );
        assert!(lib.questions.is_empty());
    }

    #[test]
    fn keywords_split_on_commas_and_sides_are_optional() {
        let mut lib = Library::default();
        let d = QuestionDraft {
            keywords: " office, commute,,Office , home office ".into(),
            pro: "Yes".into(),
            con: "  ".into(),
            ..draft("T", "P")
        };
        lib.add_question(&base(), &d).unwrap();
        assert_eq!(
            lib.questions[0].keywords,
            ["office", "commute", "home office"]
        );
        assert_eq!(lib.questions[0].pro.as_deref(), Some("Yes"));
        assert_eq!(lib.questions[0].con, None);
    }

    #[test]
    fn edited_base_question_replaces_it_in_place() {
        let mut lib = Library::default();
        let b = base();
        lib.edit_question(&b, "first", &draft("Changed", "Changed?"))
            .unwrap();
        lib.add_question(&b, &draft("Mine", "Mine?")).unwrap();
        let corpus = lib.corpus(&b);
        assert_eq!(ids(&corpus), ["first", "second", "mine"]);
        assert_eq!(corpus.questions[0].title, "Changed");
        assert_eq!(
            lib.edit_question(&b, "nope", &draft("x", "y")),
            Err(LibraryError::Unknown { id: "nope".into() })
        );
    }

    #[test]
    fn deleted_base_question_is_hidden_and_added_one_forgotten() {
        let mut lib = Library::default();
        let b = base();
        lib.edit_question(&b, "first", &draft("Changed", "Changed?"))
            .unwrap();
        lib.add_question(&b, &draft("Mine", "Mine?")).unwrap();
        lib.remove_question(&b, "first").unwrap();
        lib.remove_question(&b, "mine").unwrap();
        assert_eq!(ids(&lib.corpus(&b)), ["second"]);
        assert!(lib.questions.is_empty());
        assert!(lib.remove_question(&b, "first").is_err());
        assert!(lib.edit_question(&b, "first", &draft("x", "y")).is_err());
    }

    #[test]
    fn json_round_trips_with_a_version() {
        let mut lib = Library::default();
        let b = base();
        lib.add_text("Título", "Ана", "مرحبا 👩\u{200D}👩\u{200D}👧 \"q\"\n")
            .unwrap();
        lib.add_question(&b, &draft("Mine", "Mine?")).unwrap();
        lib.remove_question(&b, "second").unwrap();
        let json = lib.to_json();
        assert!(json.starts_with("{\"version\":1,"), "{json}");
        assert_eq!(Library::from_json(&json), Ok(lib));
    }

    #[test]
    fn saved_json_is_what_serde_json_writes() {
        let mut lib = Library::default();
        let b = base();
        // Every character class the writer escapes, and some it must leave alone.
        let odd = "q\"\\ \n\r\t\u{8}\u{c}\u{1}\u{1f}\u{7f} / é 👩\u{200D}👩 </script>";
        lib.add_text(odd, "", &format!("{odd}\n")).unwrap();
        lib.add_text("", "Ана", "Second.\n").unwrap();
        let mut d = draft("Mine", "Mine?");
        d.keywords = "a, b".into();
        d.pro = odd.into();
        lib.add_question(&b, &d).unwrap();
        lib.add_question(&b, &draft("Bare", "Bare?")).unwrap();
        lib.remove_question(&b, "second").unwrap();
        let by_serde = |lib: &Library| {
            serde_json::to_string(&Saved {
                version: FORMAT_VERSION,
                texts: &lib.texts,
                questions: &lib.questions,
                removed_questions: &lib.removed_questions,
                removed_texts: &lib.removed_texts,
            })
            .unwrap()
        };
        assert_eq!(lib.to_json(), by_serde(&lib));
        assert_eq!(Library::default().to_json(), by_serde(&Library::default()));
    }

    #[test]
    fn malformed_json_is_an_error_not_a_panic() {
        for bad in [
            "",
            "{",
            "null",
            "[]",
            "{\"version\":\"1\"}",
            "{\"texts\":[]}",
            "\u{0}",
        ] {
            assert!(
                matches!(
                    Library::from_json(bad),
                    Err(LibraryError::Unreadable { .. })
                ),
                "{bad:?}"
            );
        }
    }

    #[test]
    fn wrong_shapes_and_broken_rules_are_unreadable() {
        let wrong_type = r#"{"version":1,"texts":5,"questions":[]}"#;
        let bad_id =
            r#"{"version":1,"texts":[],"questions":[{"id":"Bad","title":"t","prompt":"p"}]}"#;
        let repeated = r#"{"version":1,"texts":[{"id":"u","title":"","author":"","text":"x","added_order":1},{"id":"u","title":"","author":"","text":"y","added_order":2}],"questions":[]}"#;
        for bad in [wrong_type, bad_id, repeated] {
            let err = Library::from_json(bad).unwrap_err();
            assert!(matches!(err, LibraryError::Unreadable { .. }), "{bad}");
            assert!(err.to_string().contains("left untouched"), "{err}");
        }
    }

    #[test]
    fn future_version_says_so() {
        let err = Library::from_json(r#"{"version":2,"texts":[],"shelves":{}}"#).unwrap_err();
        assert_eq!(err, LibraryError::NewerVersion { version: 2 });
        assert!(err.to_string().contains("newer Parallax"));
    }

    #[test]
    fn one_document_is_not_comparable() {
        let mut corpus = base();
        assert_eq!(check_comparable(&corpus), Ok(()));
        corpus.documents.truncate(1);
        assert_eq!(check_comparable(&corpus), Err(Incomparable::OneText));
        assert!(Incomparable::OneText
            .to_string()
            .contains("nothing to compare"));
        corpus.documents.clear();
        assert_eq!(check_comparable(&corpus), Err(Incomparable::NoTexts));
        let mut no_questions = base();
        no_questions.questions.clear();
        assert_eq!(
            check_comparable(&no_questions),
            Err(Incomparable::NoQuestions)
        );
    }

    #[test]
    fn draft_from_script_accepts_keyword_arrays_and_names_bad_fields() {
        let draft = QuestionDraft::from_json(
            r#"{"id": "", "title": "T", "prompt": "P", "keywords": ["a", "b c"], "pro": null, "extra": 1}"#,
        )
        .unwrap();
        assert_eq!(draft.keywords, "a, b c");
        assert_eq!(draft.pro, "");
        assert_eq!(
            QuestionDraft::from_json(r#"{"title": 5}"#)
                .unwrap_err()
                .to_string(),
            "`title`: is a number instead of text"
        );
        assert_eq!(
            QuestionDraft::from_json(r#"{"keywords": [1]}"#)
                .unwrap_err()
                .to_string(),
            "`keywords`: holds a number instead of a string"
        );
        assert!(QuestionDraft::from_json("[]").is_err());
        assert!(QuestionDraft::from_json("{").is_err());
    }

    #[test]
    fn unknown_members_of_a_saved_library_are_ignored() {
        let lib = Library::from_json(
            r#"{"version":1,"texts":[{"id":"user-1","text":"x","added_order":1,"colour":"red"}],"theme":"dark"}"#,
        )
        .unwrap();
        assert_eq!(lib.texts[0].title, "");
        assert!(lib.questions.is_empty());
    }

    #[test]
    fn removing_every_base_question_leaves_none() {
        let mut lib = Library::default();
        let b = base();
        lib.remove_question(&b, "first").unwrap();
        lib.remove_question(&b, "second").unwrap();
        assert_eq!(
            check_comparable(&lib.corpus(&b)),
            Err(Incomparable::NoQuestions)
        );
        assert!(!lib.is_empty());
        assert!(Library::default().is_empty());
    }
}
