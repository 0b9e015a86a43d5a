//! The side a passage (or an author) takes on a question, relative to its `pro` and `con`.

use serde::{Deserialize, Serialize};

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
