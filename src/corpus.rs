//! The documents being compared and the questions they are compared on.
//!
//! The default corpus is embedded at compile time by `build.rs` (see [`crate::embedded`]).

use serde::{Deserialize, Serialize};

use crate::question::Question;
use crate::segment::{paragraphs, Paragraph};

/// What a document's metadata says when a field is not given.
pub const NOT_STATED: &str = "not stated in the text";

/// One text by one author, with its metadata.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Document {
    /// File name, unique within the corpus.
    pub file: String,
    /// Title.
    pub title: String,
    /// Author, or [`NOT_STATED`].
    pub author: String,
    /// Short name for a column header: the label given, else the author, else the title.
    pub label: String,
    /// Where it was published, or [`NOT_STATED`].
    pub source: String,
    /// Date as given (`YYYY[-MM[-DD]]`), or empty.
    pub date: String,
    /// How the date was inferred, or empty.
    pub date_note: String,
    /// The full text, one paragraph per line.
    pub text: String,
}

impl Document {
    /// Builds a document from its text and whatever metadata is known; missing fields get
    /// defaults (title from the text, author [`NOT_STATED`]).
    pub fn new(
        file: impl Into<String>,
        text: impl Into<String>,
        title: Option<&str>,
        author: Option<&str>,
    ) -> Document {
        let text = text.into();
        let file = file.into();
        let title = title
            .map(str::to_string)
            .or_else(|| crate::segment::title_of(&text))
            .unwrap_or_else(|| file.clone());
        Document::titled(file, text, title, author)
    }

    /// [`Document::new`] with its title already known: the embedded corpus's titles are found
    /// at build time, so the reader build carries no segmentation code.
    pub fn titled(file: String, text: String, title: String, author: Option<&str>) -> Document {
        let author = author
            .map(str::trim)
            .filter(|a| !a.is_empty())
            .unwrap_or(NOT_STATED)
            .to_string();
        let label = if author == NOT_STATED {
            title.clone()
        } else {
            author.clone()
        };
        Document {
            file,
            title,
            author,
            label,
            source: NOT_STATED.to_string(),
            date: String::new(),
            date_note: String::new(),
            text,
        }
    }

    /// Adds the optional metadata of `corpus.toml`: a given label replaces the default one; a
    /// missing source reads [`NOT_STATED`], a missing date or note stays empty.
    pub fn with_details(
        mut self,
        label: Option<&str>,
        source: Option<&str>,
        date: Option<&str>,
        date_note: Option<&str>,
    ) -> Document {
        if let Some(label) = label {
            self.label = label.to_string();
        }
        self.source = source.unwrap_or(NOT_STATED).to_string();
        self.date = date.unwrap_or_default().to_string();
        self.date_note = date_note.unwrap_or_default().to_string();
        self
    }

    /// Whether an author is named.
    pub fn has_author(&self) -> bool {
        self.author != NOT_STATED
    }
}

/// Documents plus questions: everything the engine aligns.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Corpus {
    /// Documents, in a stable order (file name for folders).
    pub documents: Vec<Document>,
    /// Questions, in file order.
    pub questions: Vec<Question>,
}

impl Corpus {
    /// Every document cut into paragraphs ([`paragraphs`]), junk included, in document order:
    /// what the engine indexes and the view draws.
    pub fn paragraphs(&self) -> Vec<Vec<Paragraph>> {
        self.documents.iter().map(|d| paragraphs(&d.text)).collect()
    }

    /// Reads a corpus folder (see [`crate::manifest::read_folder`]); `questions` overrides the
    /// folder's own `questions.toml`.
    #[cfg(feature = "cli")]
    pub fn from_folder(
        dir: &std::path::Path,
        questions: Option<&std::path::Path>,
    ) -> Result<Corpus, crate::manifest::ManifestError> {
        Ok(crate::manifest::read_folder(dir, questions)?.into_corpus())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_corpus_has_documents_with_text() {
        let corpus = Corpus::embedded();
        assert!(corpus.documents.len() >= 2);
        assert!(corpus.documents.iter().all(|d| !d.text.trim().is_empty()));
    }

    #[test]
    fn unnamed_author_reads_not_stated_and_label_falls_back_to_title() {
        let doc = Document::new("a.txt", "A Title\n\nBody text here.", None, None);
        assert_eq!(doc.author, NOT_STATED);
        assert_eq!(doc.label, "A Title");
        assert!(!doc.has_author());
    }
}
