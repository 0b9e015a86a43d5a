//! Which passages of which author answer which question; passage ↔ passage matches.
//!
//! FIRST CUT (foundation): a keyword filter. The engine issue replaces the method; the types
//! below are the model the view draws.

use serde::Serialize;

use crate::corpus::Corpus;
use crate::segment::{paragraphs, Paragraph, Span};
use crate::shared::shared_wording;
use crate::stance::{self, Stance};

/// A paragraph judged to address a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// Index of the paragraph in [`Engine::paragraphs`] of that document.
    pub paragraph: usize,
    /// 1-based line in the source file.
    pub line: usize,
    /// Relevance, 0..=1.
    pub score: f32,
    /// Side taken.
    pub stance: Stance,
    /// The words that decided the stance, as a span into the document text.
    pub cue: Option<Span>,
    /// Question terms found in the passage, as spans into the document text.
    pub terms: Vec<Span>,
}

/// An author's overall stance on a question and the line that states it best.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Position {
    /// Index of the document.
    pub doc: usize,
    /// Overall stance.
    pub stance: Stance,
    /// Index of the paragraph that states it best.
    pub paragraph: usize,
    /// 1-based line of that paragraph.
    pub line: usize,
}

/// Everything the corpus says on one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionAlignment {
    /// Index of the question in the corpus.
    pub question: usize,
    /// Passages in document order, then reading order.
    pub passages: Vec<Passage>,
    /// One per author who addresses the question.
    pub positions: Vec<Position>,
}

/// A phrase two passages share: spans into each document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SharedPhrase {
    /// Where it stands in the passage matched from.
    pub here: Span,
    /// Where it stands in the other passage.
    pub there: Span,
}

/// The closest passage of another author to a given passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassageMatch {
    /// The other author's passage.
    pub passage: Passage,
    /// Similarity, 0..=1.
    pub score: f32,
    /// Wording the two share.
    pub shared: Vec<SharedPhrase>,
    /// One line on why they match (terms and cue).
    pub why: String,
}

/// The corpus, segmented and indexed once, ready to answer questions.
pub struct Engine {
    corpus: Corpus,
    paragraphs: Vec<Vec<Paragraph>>,
}

impl Engine {
    /// Segments and indexes `corpus`.
    pub fn new(corpus: Corpus) -> Engine {
        let paragraphs = corpus
            .documents
            .iter()
            .map(|d| paragraphs(&d.text))
            .collect();
        Engine { corpus, paragraphs }
    }

    /// The corpus this engine was built on.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The paragraphs of document `doc`, junk included (see [`Paragraph::kind`]).
    pub fn paragraphs(&self, doc: usize) -> &[Paragraph] {
        &self.paragraphs[doc]
    }

    /// The passages and positions on question `question`.
    pub fn align(&self, question: usize) -> QuestionAlignment {
        let q = &self.corpus.questions[question];
        let keywords: Vec<String> = q.keywords.iter().map(|k| k.to_lowercase()).collect();
        let mut passages = Vec::new();
        for (doc, document) in self.corpus.documents.iter().enumerate() {
            for (index, p) in self.paragraphs[doc].iter().enumerate() {
                if !p.is_body() {
                    continue;
                }
                let text = p.span.of(&document.text);
                let lower = text.to_lowercase();
                let terms: Vec<Span> = keywords
                    .iter()
                    .filter_map(|k| lower.find(k.as_str()).map(|at| (at, k.len())))
                    .filter(|(at, len)| {
                        text.is_char_boundary(*at) && text.is_char_boundary(at + len)
                    })
                    .map(|(at, len)| Span::new(p.span.start + at, p.span.start + at + len))
                    .collect();
                if !terms.is_empty() {
                    let judgement = stance::judge(q, &document.text, p.span);
                    passages.push(Passage {
                        doc,
                        paragraph: index,
                        line: p.line,
                        score: (terms.len() as f32 / keywords.len().max(1) as f32).min(1.0),
                        stance: judgement.stance,
                        cue: judgement.cue,
                        terms,
                    });
                }
            }
        }
        let mut positions = Vec::new();
        for doc in 0..self.corpus.documents.len() {
            if let Some(best) = passages
                .iter()
                .filter(|p| p.doc == doc)
                .max_by(|a, b| a.score.total_cmp(&b.score))
            {
                positions.push(Position {
                    doc,
                    stance: best.stance,
                    paragraph: best.paragraph,
                    line: best.line,
                });
            }
        }
        QuestionAlignment {
            question,
            passages,
            positions,
        }
    }

    /// For `from`, the closest passage on `alignment`'s question of every other author.
    pub fn closest(&self, alignment: &QuestionAlignment, from: &Passage) -> Vec<PassageMatch> {
        let mut out = Vec::new();
        for doc in 0..self.corpus.documents.len() {
            if doc == from.doc {
                continue;
            }
            if let Some(best) = alignment
                .passages
                .iter()
                .filter(|p| p.doc == doc)
                .max_by(|a, b| a.score.total_cmp(&b.score))
            {
                let docs = &self.corpus.documents;
                let here = self.paragraphs[from.doc][from.paragraph].span;
                let there = self.paragraphs[doc][best.paragraph].span;
                out.push(PassageMatch {
                    passage: best.clone(),
                    score: best.score,
                    shared: shared_wording(&docs[from.doc].text, here, &docs[doc].text, there),
                    why: String::new(),
                });
            }
        }
        out
    }
}
