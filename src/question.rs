//! A question the authors are compared on, as written in `questions.toml`.
//!
//! Pure data: the build script reads this file too (see `build.rs`), so it must not depend on
//! the rest of the crate.

use serde::{Deserialize, Serialize};

/// One question of `questions.toml`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Question {
    /// Stable identifier, `[a-z0-9_]+`, unique in its file; used in permalinks and output.
    pub id: String,
    /// Short label for a tab.
    pub title: String,
    /// The question in full.
    pub prompt: String,
    /// Extra terms that signal the topic.
    #[serde(default)]
    pub keywords: Vec<String>,
    /// What stance `+` means, if the question has sides.
    #[serde(default)]
    pub pro: Option<String>,
    /// What stance `-` means, if the question has sides.
    #[serde(default)]
    pub con: Option<String>,
}

impl Question {
    /// Whether `id` is a valid question identifier: non-empty `[a-z0-9_]+`.
    pub fn is_valid_id(id: &str) -> bool {
        !id.is_empty()
            && id
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
    }

    /// Whether the question has two sides for a stance to be taken on.
    pub fn has_sides(&self) -> bool {
        self.pro.is_some() || self.con.is_some()
    }
}
