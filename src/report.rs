//! The alignment of a whole corpus as one serialisable report: the `parallax align --json`
//! schema, also used by the browser's JSON export.

use serde::Serialize;

use crate::align::Engine;
use crate::stance::Stance;

/// `{"documents": […], "questions": […]}`.
#[derive(Debug, Clone, Serialize)]
pub struct Report {
    /// The documents compared.
    pub documents: Vec<ReportDocument>,
    /// One entry per question.
    pub questions: Vec<ReportQuestion>,
    /// Each document's short label (for the table; not part of the JSON schema).
    #[serde(skip)]
    pub labels: Vec<String>,
}

/// A document's metadata in the report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportDocument {
    /// File name.
    pub file: String,
    /// Title.
    pub title: String,
    /// Author.
    pub author: String,
    /// Date, possibly empty.
    pub date: String,
}

/// A question with its passages and positions.
#[derive(Debug, Clone, Serialize)]
pub struct ReportQuestion {
    /// Question id.
    pub id: String,
    /// Question title.
    pub title: String,
    /// Every passage that addresses the question.
    pub passages: Vec<ReportPassage>,
    /// Each author's overall stance.
    pub positions: Vec<ReportPosition>,
}

/// A passage in the report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportPassage {
    /// File name of its document.
    pub file: String,
    /// 1-based line.
    pub line: usize,
    /// Relevance, 0..=1.
    pub score: f32,
    /// `+`, `-` or `0`.
    pub stance: Stance,
    /// The words that decided the stance; empty if none, and then a `+` or `-` is the
    /// author's overall position on the question, which the passage does not contradict.
    pub cue: String,
    /// The paragraph's text.
    pub text: String,
}

/// An author's position in the report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportPosition {
    /// File name of the document.
    pub file: String,
    /// Overall stance.
    pub stance: Stance,
    /// Line that states it best.
    pub line: usize,
}

impl Report {
    /// Aligns every question of the engine's corpus.
    pub fn new(engine: &Engine) -> Report {
        let corpus = engine.corpus();
        let documents = corpus
            .documents
            .iter()
            .map(|d| ReportDocument {
                file: d.file.clone(),
                title: d.title.clone(),
                author: d.author.clone(),
                date: d.date.clone(),
            })
            .collect();
        let questions = (0..corpus.questions.len())
            .map(|q| {
                let alignment = engine.align(q);
                let question = &corpus.questions[q];
                ReportQuestion {
                    id: question.id.clone(),
                    title: question.title.clone(),
                    passages: alignment
                        .passages
                        .iter()
                        .map(|p| {
                            let doc = &corpus.documents[p.doc];
                            let para = &engine.paragraphs(p.doc)[p.paragraph];
                            ReportPassage {
                                file: doc.file.clone(),
                                line: p.line,
                                score: (p.score * 100.0).round() / 100.0,
                                stance: p.stance,
                                cue: p
                                    .cue
                                    .map(|c| c.of(&doc.text).to_string())
                                    .unwrap_or_default(),
                                text: para.span.of(&doc.text).to_string(),
                            }
                        })
                        .collect(),
                    positions: alignment
                        .positions
                        .iter()
                        .map(|p| ReportPosition {
                            file: corpus.documents[p.doc].file.clone(),
                            stance: p.stance,
                            line: p.line,
                        })
                        .collect(),
                }
            })
            .collect();
        Report {
            documents,
            questions,
            labels: corpus.documents.iter().map(|d| d.label.clone()).collect(),
        }
    }

    /// A readable table: per question, each document's position (by its label), how many
    /// passages it has and the line that states its position best.
    pub fn table(&self) -> String {
        let width = self
            .labels
            .iter()
            .map(|l| l.chars().count())
            .max()
            .unwrap_or(0)
            .clamp(8, 40);
        let mut out = String::new();
        for q in &self.questions {
            out.push_str(&format!("{} — {}\n", q.id, q.title));
            for (d, label) in self.documents.iter().zip(&self.labels) {
                let count = q.passages.iter().filter(|p| p.file == d.file).count();
                let position = q.positions.iter().find(|p| p.file == d.file);
                let (stance, line) = match position {
                    Some(p) => (
                        format!("{} {:<7}", p.stance.symbol(), p.stance.word()),
                        format!("best: line {}", p.line),
                    ),
                    None => ("—        ".to_string(), "does not address it".to_string()),
                };
                out.push_str(&format!(
                    "  {stance}  {:<width$}  {count:>3} passage{}  {line}\n",
                    truncate(label, width),
                    if count == 1 { " " } else { "s" },
                ));
            }
            out.push('\n');
        }
        out
    }
}

fn truncate(s: &str, max: usize) -> String {
    if s.chars().count() <= max {
        s.to_string()
    } else {
        s.chars().take(max - 1).chain(['…']).collect()
    }
}
