//! Parallax shows, side by side, how different authors answer the same question.
//!
//! The pipeline, one module per step:
//!
//! 1. [`corpus`] — the documents and questions, [`embedded`] at compile time (`build.rs` reads
//!    the corpus folder with `manifest`'s reader, and segments it and aligns its first question
//!    ahead of time) or read from a folder by the command line.
//! 2. [`segment`] — scraped pages cleaned and cut into paragraphs, with byte [`Span`]s.
//! 3. [`index`] — term statistics over the prose paragraphs: BM25 with sentence evidence,
//!    tf-idf vectors for comparing passages.
//! 4. [`align`] — for each question, each author's passages that address it, their
//!    [`stance`], and for any passage the closest passage of every other author.
//! 5. [`highlight`] — the spans to emphasise, flattened into fragments for drawing.
//! 6. [`state`] — what the comparison view shows (question, focus, modes) and its permalink;
//!    [`marks`] — highlights snapped to whole words for drawing.
//! 7. [`import`], [`library`], [`export`] — a reader's own texts and questions, kept in the
//!    browser, and the comparison exported as Markdown, CSV or JSON.
//! 8. `view` (wasm only) — the one place that touches the DOM: it draws the model with web-sys.
//!    Its bring-your-own panel and script methods are feature `byo` (the studio build).
//!
//! ```
//! use parallax::{Corpus, Engine};
//! let engine = Engine::new(Corpus::embedded().clone());
//! let alliance = engine.align(0);
//! assert!(!alliance.passages.is_empty());
//! ```

pub mod align;
pub mod corpus;
pub mod embedded;
pub mod export;
pub mod highlight;
pub mod import;
pub mod index;
pub mod library;
#[cfg(feature = "cli")]
pub mod manifest;
pub mod marks;
mod order;
pub mod packed;
pub mod question;
pub mod report;
pub mod segment;
pub mod shared;
pub mod stance;
pub mod state;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod view;

pub use align::{Engine, Passage, PassageMatch, Position, QuestionAlignment, SharedPhrase, Tuning};
pub use corpus::{Corpus, Document};
pub use highlight::{fragments, Fragment, Mark, MarkKind};
pub use question::Question;
pub use segment::{Kind, Paragraph, Span};
pub use stance::Stance;
