//! The side a passage (or an author) takes on a question, relative to its `pro` and `con`.

use serde::{Deserialize, Serialize};

use crate::question::Question;
use crate::segment::Span;

/// Which side of a question a passage takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stance {
    /// Takes the question's `pro` side (`+`).
    #[serde(rename = "+")]
    Pro,
    /// Takes the question's `con` side (`-`).
    #[serde(rename = "-")]
    Con,
    /// Addresses the question without taking a side, or the question has no sides (`0`).
    #[serde(rename = "0")]
    Neutral,
}

impl Stance {
    /// `+`, `-` or `0`, as in the JSON output.
    pub fn symbol(self) -> &'static str {
        match self {
            Stance::Pro => "+",
            Stance::Con => "-",
            Stance::Neutral => "0",
        }
    }

    /// A word for a badge, so stance is never shown by colour alone.
    pub fn word(self) -> &'static str {
        match self {
            Stance::Pro => "yes",
            Stance::Con => "no",
            Stance::Neutral => "neutral",
        }
    }
}

/// The stance of one passage on a question, with the words that decided it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Judgement {
    /// Side taken.
    pub stance: Stance,
    /// The deciding words, as a span into the document text (None when neutral by default).
    pub cue: Option<Span>,
}

/// Judges the stance of the passage `text[passage]` on `question`, relative to its `pro` and
/// `con`. FIRST CUT: always neutral (the engine issue fills this in).
pub fn judge(question: &Question, text: &str, passage: Span) -> Judgement {
    let _ = (question, text, passage);
    Judgement {
        stance: Stance::Neutral,
        cue: None,
    }
}
