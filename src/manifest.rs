//! Reading a corpus folder: `*.txt` documents, optional `corpus.toml` metadata and optional
//! `questions.toml`. Every mistake becomes a [`ManifestError`] naming the file, line and field.
//!
//! The build script includes this file (and `question.rs`) to embed the default corpus, so the
//! browser never carries a toml parser and the command line reads folders the same way.

use std::fmt;
use std::path::{Path, PathBuf};

use serde::Deserialize;

use super::corpus::{Corpus, Document};
use super::question::Question;

/// Metadata for one document, from a `[[document]]` table of `corpus.toml`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct DocumentMeta {
    /// File name of the text, relative to the folder.
    pub file: String,
    /// Title, if given.
    pub title: Option<String>,
    /// Author, if given.
    pub author: Option<String>,
    /// Short name for a column header, if given.
    pub label: Option<String>,
    /// Where the text was published, if given.
    pub source: Option<String>,
    /// Date (`YYYY`, `YYYY-MM` or `YYYY-MM-DD`), if given.
    pub date: Option<String>,
    /// How the date was found, when it was inferred.
    pub date_note: Option<String>,
}

/// A corpus folder as read from disk: texts with their metadata, and the questions.
#[derive(Debug, Clone, Default)]
pub struct Folder {
    /// Documents in file-name order: metadata and the UTF-8 text.
    pub documents: Vec<(DocumentMeta, String)>,
    /// Questions, in file order; empty when the folder has no `questions.toml`.
    pub questions: Vec<Question>,
    /// Every file read, so a build script can watch them.
    pub files_read: Vec<PathBuf>,
}

impl Folder {
    /// The documents (metadata defaults filled in, see [`Document::new`]) and questions.
    pub fn into_corpus(self) -> Corpus {
        let documents = self
            .documents
            .into_iter()
            .map(|(meta, text)| {
                Document::new(
                    &meta.file,
                    text,
                    meta.title.as_deref(),
                    meta.author.as_deref(),
                )
                .with_details(
                    meta.label.as_deref(),
                    meta.source.as_deref(),
                    meta.date.as_deref(),
                    meta.date_note.as_deref(),
                )
            })
            .collect();
        Corpus {
            documents,
            questions: self.questions,
        }
    }
}

/// A mistake in a corpus folder, with where it is.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ManifestError {
    /// The file at fault (as given or found).
    pub file: String,
    /// 1-based line, when known.
    pub line: Option<usize>,
    /// What is wrong, in words a person can act on.
    pub message: String,
}

impl fmt::Display for ManifestError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.line {
            Some(line) => write!(f, "{} line {}: {}", self.file, line, self.message),
            None => write!(f, "{}: {}", self.file, self.message),
        }
    }
}

impl std::error::Error for ManifestError {}

fn error(file: &Path, line: Option<usize>, message: impl Into<String>) -> ManifestError {
    ManifestError {
        file: file.display().to_string(),
        line,
        message: message.into(),
    }
}

/// 1-based line of byte offset `at` in `text`.
fn line_of(text: &str, at: usize) -> usize {
    text.as_bytes()[..at.min(text.len())]
        .iter()
        .filter(|&&b| b == b'\n')
        .count()
        + 1
}

fn toml_error(file: &Path, text: &str, e: toml::de::Error) -> ManifestError {
    let line = e.span().map(|span| line_of(text, span.start));
    // toml's message repeats the position in a multi-line form; keep the first sentence only.
    let message = e.message().lines().next().unwrap_or("invalid TOML").trim();
    error(file, line, message.to_string())
}

#[derive(Deserialize)]
struct CorpusFile {
    #[serde(default)]
    document: Vec<toml::Spanned<RawDocument>>,
}

#[derive(Deserialize)]
struct RawDocument {
    file: String,
    title: Option<String>,
    author: Option<String>,
    label: Option<String>,
    source: Option<String>,
    date: Option<String>,
    date_note: Option<String>,
}

#[derive(Deserialize)]
struct QuestionsFile {
    #[serde(default)]
    question: Vec<toml::Spanned<Question>>,
}

/// Parses `corpus.toml` text; `path` only names the file in errors.
pub fn parse_corpus_toml(path: &Path, text: &str) -> Result<Vec<DocumentMeta>, ManifestError> {
    let parsed: CorpusFile = toml::from_str(text).map_err(|e| toml_error(path, text, e))?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for spanned in parsed.document {
        let line = Some(line_of(text, spanned.span().start));
        let raw = spanned.into_inner();
        if raw.file.trim().is_empty() {
            return Err(error(path, line, "`file` is empty"));
        }
        if !seen.insert(raw.file.clone()) {
            return Err(error(
                path,
                line,
                format!("`file` {:?} is listed twice", raw.file),
            ));
        }
        if let Some(date) = &raw.date {
            if !is_date(date) {
                return Err(error(
                    path,
                    line,
                    format!("`date` {date:?} is not YYYY, YYYY-MM or YYYY-MM-DD"),
                ));
            }
        }
        out.push(DocumentMeta {
            file: raw.file,
            title: raw.title,
            author: raw.author,
            label: raw.label,
            source: raw.source,
            date: raw.date,
            date_note: raw.date_note,
        });
    }
    Ok(out)
}

fn is_date(date: &str) -> bool {
    let parts: Vec<&str> = date.split('-').collect();
    let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
    match parts.as_slice() {
        [y] => digits(y, 4),
        [y, m] => digits(y, 4) && digits(m, 2),
        [y, m, d] => digits(y, 4) && digits(m, 2) && digits(d, 2),
        _ => false,
    }
}

/// Parses `questions.toml` text; `path` only names the file in errors.
pub fn parse_questions_toml(path: &Path, text: &str) -> Result<Vec<Question>, ManifestError> {
    let parsed: QuestionsFile = toml::from_str(text).map_err(|e| toml_error(path, text, e))?;
    let mut seen = std::collections::HashSet::new();
    let mut out = Vec::new();
    for spanned in parsed.question {
        let line = Some(line_of(text, spanned.span().start));
        let q = spanned.into_inner();
        if !Question::is_valid_id(&q.id) {
            return Err(error(
                path,
                line,
                format!("`id` {:?} must be lowercase letters, digits and _", q.id),
            ));
        }
        if !seen.insert(q.id.clone()) {
            return Err(error(path, line, format!("`id` {:?} is used twice", q.id)));
        }
        for (field, value) in [("title", &q.title), ("prompt", &q.prompt)] {
            if value.trim().is_empty() {
                return Err(error(path, line, format!("`{field}` is empty")));
            }
        }
        out.push(q);
    }
    if out.is_empty() {
        return Err(error(path, None, "no [[question]] tables"));
    }
    Ok(out)
}

/// Checks that `bytes` are UTF-8, naming the first bad line otherwise.
pub fn utf8_text(path: &Path, bytes: Vec<u8>) -> Result<String, ManifestError> {
    String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        error(path, Some(line), "is not valid UTF-8")
    })
}

/// Reads a corpus folder: every `*.txt` (sorted by name), `corpus.toml` if present, and the
/// questions from `questions` (or the folder's `questions.toml` if present).
pub fn read_folder(dir: &Path, questions: Option<&Path>) -> Result<Folder, ManifestError> {
    let entries = std::fs::read_dir(dir)
        .map_err(|e| error(dir, None, format!("cannot read the folder ({e})")))?;
    let mut texts: Vec<PathBuf> = entries
        .filter_map(|entry| entry.ok().map(|entry| entry.path()))
        .filter(|path| path.extension().is_some_and(|ext| ext == "txt") && path.is_file())
        .collect();
    texts.sort();
    if texts.is_empty() {
        return Err(error(dir, None, "holds no .txt documents"));
    }

    let mut folder = Folder::default();
    let read = |path: &Path| {
        std::fs::read(path).map_err(|e| error(path, None, format!("cannot be read ({e})")))
    };

    let corpus_toml = dir.join("corpus.toml");
    let metas = if corpus_toml.is_file() {
        let text = utf8_text(&corpus_toml, read(&corpus_toml)?)?;
        folder.files_read.push(corpus_toml.clone());
        parse_corpus_toml(&corpus_toml, &text)?
    } else {
        Vec::new()
    };
    for meta in &metas {
        if !dir.join(&meta.file).is_file() {
            return Err(error(
                &corpus_toml,
                None,
                format!("`file` {:?} does not exist in {}", meta.file, dir.display()),
            ));
        }
    }

    for path in texts {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let text = utf8_text(&path, read(&path)?)?;
        let meta = metas
            .iter()
            .find(|m| m.file == name)
            .cloned()
            .unwrap_or(DocumentMeta {
                file: name,
                ..DocumentMeta::default()
            });
        folder.files_read.push(path);
        folder.documents.push((meta, text));
    }

    let questions_path = match questions {
        Some(path) => Some(path.to_path_buf()),
        None => Some(dir.join("questions.toml")).filter(|p| p.is_file()),
    };
    if let Some(path) = questions_path {
        let text = utf8_text(&path, read(&path)?)?;
        folder.questions = parse_questions_toml(&path, &text)?;
        folder.files_read.push(path);
    }
    Ok(folder)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn questions(text: &str) -> Result<Vec<Question>, String> {
        parse_questions_toml(Path::new("questions.toml"), text).map_err(|e| e.to_string())
    }

    #[test]
    fn missing_id_names_file_line_and_field() {
        let err = questions("# c\n\n[[question]]\ntitle = \"T\"\nprompt = \"P\"\n").unwrap_err();
        assert!(err.starts_with("questions.toml line 3:"), "{err}");
        assert!(err.contains("`id`"), "{err}");
    }

    #[test]
    fn duplicate_id_is_refused_at_its_line() {
        let text = "[[question]]\nid = \"a\"\ntitle = \"T\"\nprompt = \"P\"\n\n[[question]]\nid = \"a\"\ntitle = \"T\"\nprompt = \"P\"\n";
        assert_eq!(
            questions(text).unwrap_err(),
            "questions.toml line 6: `id` \"a\" is used twice"
        );
    }

    #[test]
    fn uppercase_id_is_refused() {
        let err = questions("[[question]]\nid = \"Alliance\"\ntitle = \"T\"\nprompt = \"P\"\n")
            .unwrap_err();
        assert!(err.contains("lowercase"), "{err}");
    }

    #[test]
    fn extra_fields_are_allowed() {
        let qs = questions(
            "[[question]]\nid = \"a\"\ntitle = \"T\"\nprompt = \"P\"\nnotes = \"x\"\nkeywords = [\"k\"]\n",
        )
        .unwrap();
        assert_eq!(qs[0].keywords, vec!["k".to_string()]);
        assert_eq!(qs[0].pro, None);
    }

    #[test]
    fn bad_date_is_refused() {
        let err = parse_corpus_toml(
            Path::new("corpus.toml"),
            "[[document]]\nfile = \"a.txt\"\ndate = \"May 2021\"\n",
        )
        .unwrap_err()
        .to_string();
        assert_eq!(
            err,
            "corpus.toml line 1: `date` \"May 2021\" is not YYYY, YYYY-MM or YYYY-MM-DD"
        );
    }

    #[test]
    fn invalid_utf8_names_its_line() {
        let err = utf8_text(
            Path::new("a.txt"),
            b"ok\nstill ok\nbad \xff here\n".to_vec(),
        )
        .unwrap_err();
        assert_eq!(err.to_string(), "a.txt line 3: is not valid UTF-8");
    }
}
