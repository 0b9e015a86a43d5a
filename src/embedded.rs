//! The corpus compiled into this build, and what `build.rs` worked out from it ahead of time.
//!
//! `build.rs` reads `seeds/` (or the folder named by `PARALLAX_CORPUS`) with `manifest`'s reader
//! and runs the engine on it natively. Besides the texts and questions it writes each document's
//! paragraphs and every question aligned and marked, so the page can draw its first view, on
//! whichever question a link opens, before the engine is built: building it is most of the
//! first render's time in a browser, and it is done right after, before anyone can click.

use std::sync::OnceLock;

use crate::corpus::{Corpus, Document};
use crate::marks::Prepared;
use crate::packed;
use crate::question::Question;
use crate::segment::{lines, Kind, Paragraph};

struct EmbeddedDocument {
    file: &'static str,
    /// As `corpus.toml` gives it, or as [`crate::segment::title_of`] finds it at build time.
    title: &'static str,
    author: Option<&'static str>,
    label: Option<&'static str>,
    source: Option<&'static str>,
    date: Option<&'static str>,
    date_note: Option<&'static str>,
    text: &'static str,
}

struct EmbeddedQuestion {
    id: &'static str,
    title: &'static str,
    prompt: &'static str,
    keywords: &'static [&'static str],
    pro: Option<&'static str>,
    con: Option<&'static str>,
}

// DOCUMENTS, QUESTIONS; KINDS (per document, a letter per non-blank line: Body, Heading,
// Question, Junk); STARTS (per document, paragraphs that start after their line: index and
// offset); DISTINCTNESS; ALIGNED (every question's passages and positions, packed).
include!(concat!(env!("OUT_DIR"), "/embedded.rs"));

impl Corpus {
    /// The corpus compiled into this build, parsed on first use.
    pub fn embedded() -> &'static Corpus {
        static CORPUS: OnceLock<Corpus> = OnceLock::new();
        CORPUS.get_or_init(|| {
            let documents = DOCUMENTS
                .iter()
                .map(|d| {
                    Document::titled(d.file.into(), d.text.into(), d.title.into(), d.author)
                        .with_details(d.label, d.source, d.date, d.date_note)
                })
                .collect();
            let questions = QUESTIONS
                .iter()
                .map(|q| Question {
                    id: q.id.to_string(),
                    title: q.title.to_string(),
                    prompt: q.prompt.to_string(),
                    keywords: q.keywords.iter().map(|k| k.to_string()).collect(),
                    pro: q.pro.map(str::to_string),
                    con: q.con.map(str::to_string),
                })
                .collect();
            Corpus {
                documents,
                questions,
            }
        })
    }
}

/// The embedded documents' paragraphs, as [`crate::segment::paragraphs`] cuts them: their
/// lines, with the kinds build.rs found (a letter each, [`Kind::letter`]), since finding the kinds
/// is the costly part, and where a paragraph starts after its line (a transcript's time stamp).
pub fn paragraphs() -> Vec<Vec<Paragraph>> {
    (DOCUMENTS.iter().zip(KINDS).zip(STARTS))
        .map(|((d, kinds), starts)| {
            let mut paragraphs: Vec<Paragraph> = lines(d.text)
                .into_iter()
                .zip(kinds.bytes())
                .map(|((line, span), kind)| Paragraph {
                    line,
                    span,
                    kind: Kind::of_letter(kind),
                })
                .collect();
            for &(n, start) in *starts {
                if let Some(p) = paragraphs.get_mut(n as usize) {
                    p.span.start = start as usize;
                }
            }
            paragraphs
        })
        .collect()
}

/// How distinct the embedded questions are ([`crate::Engine::distinctness`]), found at build
/// time: an engine told it aligns one question without ranking the others first.
pub fn distinctness() -> f32 {
    DISTINCTNESS
}

/// Question `question` of the embedded corpus, aligned and marked as [`Prepared::new`] does
/// it at build time; `None` if there is no such question.
pub fn aligned(question: usize) -> Option<Prepared> {
    packed::unpack(ALIGNED, question)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Engine;

    #[test]
    fn embedded_paragraphs_are_what_segment_cuts() {
        assert_eq!(paragraphs(), Corpus::embedded().paragraphs());
    }

    #[test]
    fn embedded_documents_are_what_the_folder_reader_builds() {
        // Titles are found at build time (the reader build has no segmentation); they must be
        // the ones a document gets when its folder is read, titled in corpus.toml or not.
        let dir = std::path::Path::new(env!("PARALLAX_EMBEDDED_DIR"));
        let read = Corpus::from_folder(dir, None).expect("the embedded folder reads");
        assert_eq!(read.documents, Corpus::embedded().documents);
    }

    #[test]
    fn embedded_questions_are_what_the_engine_aligns() {
        let engine = Engine::new(Corpus::embedded().clone());
        let questions = engine.corpus().questions.len();
        for q in 0..questions {
            let built = aligned(q).expect("every question is embedded");
            assert!(!built.alignment.passages.is_empty(), "question {q}");
            assert_eq!(built, Prepared::new(&engine, q), "question {q}");
        }
        assert_eq!(aligned(questions), None);
    }

    #[test]
    fn embedded_distinctness_is_what_the_engine_finds_and_told_changes_nothing() {
        let engine = Engine::new(Corpus::embedded().clone());
        assert_eq!(distinctness(), engine.distinctness());
        let told = Engine::new(Corpus::embedded().clone()).knowing_distinctness(distinctness());
        for q in 0..engine.corpus().questions.len() {
            assert_eq!(told.align(q), engine.align(q), "question {q}");
        }
    }
}
