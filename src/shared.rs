//! Wording two passages share: runs of at least two content words, found with `similar` on
//! word tokens, as byte spans into each document.

use crate::align::SharedPhrase;
use crate::segment::Span;

/// The phrases shared by `a_text[a]` and `b_text[b]`; `here` spans point into `a_text`,
/// `there` spans into `b_text`. FIRST CUT: nothing (the engine issue fills this in).
pub fn shared_wording(a_text: &str, a: Span, b_text: &str, b: Span) -> Vec<SharedPhrase> {
    let _ = (a_text, a, b_text, b);
    Vec::new()
}
