//! Wording two passages share: runs of at least two content words, found with a longest common
//! subsequence of word tokens, as byte spans into each document.
//!
//! Both passages are cut into word tokens and diffed on their stems, so `relations` matches
//! `relation`. A phrase is a run of equal tokens, possibly bridged by one substituted word
//! ("highest *level* in history" ~ "highest *point* in history") or one stop word only one side
//! has. It must hold at least two content words matched on both sides, and it starts and ends
//! on content words: stop words alone never make a phrase.

use std::collections::HashMap;

use crate::align::SharedPhrase;
use crate::segment::Span;
use crate::text;

/// Content words a phrase must share, at least.
const MIN_SHARED_WORDS: usize = 2;

/// Words of each passage the diff looks at, at most. The LCS table is `a × b` cells, so this
/// bounds it (~9 MB) for a pasted text that is one enormous paragraph; prose paragraphs are far
/// shorter.
const MAX_DIFF_WORDS: usize = 1500;

/// A word as the diff reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DiffWord {
    /// Where it stands in its document.
    pub span: Span,
    /// Its stem as a number: equal stems, equal keys.
    pub key: u32,
    /// Whether it is a stop word.
    pub stop: bool,
}

/// The phrases shared by `a_text[a]` and `b_text[b]`, in reading order of `a`; `here` spans
/// point into `a_text`, `there` spans into `b_text`.
///
/// ```
/// use parallax::{shared::shared_wording, Span};
/// let a = "Putin called the ties the highest level in history.";
/// let b = "Lavrov put relations at the highest point in history, he said.";
/// let found = shared_wording(a, Span::new(0, a.len()), b, Span::new(0, b.len()));
/// assert_eq!(found.len(), 1);
/// assert_eq!(found[0].here.of(a), "highest level in history");
/// assert_eq!(found[0].there.of(b), "highest point in history");
/// ```
pub fn shared_wording(a_text: &str, a: Span, b_text: &str, b: Span) -> Vec<SharedPhrase> {
    let a_tokens = text::tokens(a_text, a);
    let b_tokens = text::tokens(b_text, b);
    // Stems interned to small integers.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut words = [Vec::new(), Vec::new()];
    for (tokens, words) in [&a_tokens, &b_tokens].into_iter().zip(&mut words) {
        for t in tokens {
            let next = ids.len() as u32;
            words.push(DiffWord {
                span: t.span,
                key: *ids.entry(t.stem.as_str()).or_insert(next),
                stop: t.stop,
            });
        }
    }
    shared_phrases(&words[0], &words[1])
}

/// The phrases shared by two passages already cut into words (the engine keeps every
/// paragraph's words with their stems as numbers, see [`crate::index::Word`]); as
/// [`shared_wording`].
pub fn shared_phrases(a: &[DiffWord], b: &[DiffWord]) -> Vec<SharedPhrase> {
    let a = &a[..a.len().min(MAX_DIFF_WORDS)];
    let b = &b[..b.len().min(MAX_DIFF_WORDS)];
    let pairs = matches(
        &a.iter().map(|w| w.key).collect::<Vec<_>>(),
        &b.iter().map(|w| w.key).collect::<Vec<_>>(),
    );
    // Runs of equal words, held together across a bridge; the texts part anywhere else.
    let runs =
        pairs.chunk_by(
            |&(i, j), &(next_i, next_j)| match (next_i - i - 1, next_j - j - 1) {
                (0, 0) | (1, 1) => true,
                (1, 0) => a[i + 1].stop,
                (0, 1) => b[j + 1].stop,
                _ => false,
            },
        );
    let mut out = Vec::new();
    for run in runs {
        // A bridge only counts between equal words, so a run ending in one is cut there.
        let content = |&(i, _): &(usize, usize)| !a[i].stop;
        let Some(first) = run.iter().position(content) else {
            continue;
        };
        let last = run
            .iter()
            .rposition(content)
            .expect("a first implies a last");
        let run = &run[first..=last];
        if run.iter().filter(|p| content(p)).count() < MIN_SHARED_WORDS {
            continue;
        }
        let (a_first, b_first) = run[0];
        let (a_last, b_last) = run[run.len() - 1];
        out.push(SharedPhrase {
            here: Span::new(a[a_first].span.start, a[a_last].span.end),
            there: Span::new(b[b_first].span.start, b[b_last].span.end),
        });
    }
    out
}

/// The positions `(in a, in b)` of equal keys that `similar`'s longest common subsequence of
/// `a` and `b` pairs, in order. Its classic table is called directly (`diff_deadline_raw`),
/// with a hook that keeps only the equal runs: `capture_diff_slices` would link every
/// algorithm `similar` has (tens of KB of wasm), `lcs::diff` adds a preflight with hash maps
/// for inputs of 512 words and more (passages are shorter), and a captured op list would be
/// built only to be thrown away.
fn matches(a: &[u32], b: &[u32]) -> Vec<(usize, usize)> {
    let mut pairs = EqualPairs(Vec::new());
    // The hook cannot fail.
    let Ok(()) =
        similar::algorithms::lcs::diff_deadline_raw(&mut pairs, a, 0..a.len(), b, 0..b.len(), None);
    pairs.0
}

/// A diff hook that records the index pairs of equal runs.
struct EqualPairs(Vec<(usize, usize)>);

impl similar::algorithms::DiffHook for EqualPairs {
    type Error = std::convert::Infallible;

    fn equal(&mut self, old: usize, new: usize, len: usize) -> Result<(), Self::Error> {
        self.0.extend((0..len).map(|k| (old + k, new + k)));
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn matches_pair_a_longest_common_subsequence_in_order() {
        // Worked by hand: the LCS of these is 1 2 3 7 (length 4).
        let pairs = matches(&[7, 1, 2, 9, 3, 7], &[7, 2, 1, 3, 9, 7]);
        assert_eq!(pairs.len(), 4, "{pairs:?}");
        assert_eq!(pairs[0], (0, 0));
        assert_eq!(pairs[3], (5, 5));
        assert!(pairs.windows(2).all(|w| w[0].0 < w[1].0 && w[0].1 < w[1].1));
        assert_eq!(
            matches(&[1, 2, 3], &[1, 2, 3]),
            vec![(0, 0), (1, 1), (2, 2)]
        );
        assert_eq!(matches(&[1, 2, 3], &[4, 5]), Vec::new());
        assert_eq!(matches(&[], &[1]), Vec::new());
    }

    fn shared(a: &str, b: &str) -> Vec<(String, String)> {
        shared_wording(a, Span::new(0, a.len()), b, Span::new(0, b.len()))
            .iter()
            .map(|p| (p.here.of(a).to_string(), p.there.of(b).to_string()))
            .collect()
    }

    fn pair(a: &str, b: &str) -> (String, String) {
        (a.to_string(), b.to_string())
    }

    #[test]
    fn one_enormous_paragraph_is_diffed_on_its_first_words_only() {
        let filler = "lorem ipsum dolor sit amet ".repeat(2000);
        let a = format!("Energy security matters most. {filler}");
        let b = format!("{filler} energy security matters");
        // The phrase at the start of `a` lies beyond `b`'s first MAX_DIFF_WORDS words.
        assert!(shared(&a, &b)
            .iter()
            .all(|(here, _)| !here.contains("Energy")));
        let c = format!("Energy security matters most. {filler}");
        assert!(shared(&a, &c)[0]
            .0
            .starts_with("Energy security matters most"));
    }

    #[test]
    fn one_substituted_word_inside_a_phrase_is_tolerated() {
        assert_eq!(
            shared(
                "Ties have reached the highest level in history.",
                "Relations stand at the highest point in history today."
            ),
            vec![pair("highest level in history", "highest point in history")]
        );
    }

    #[test]
    fn inflections_match_through_their_stems() {
        assert_eq!(
            shared(
                "Trade relations improved quickly.",
                "Their trade relation improved, slowly."
            ),
            vec![pair("Trade relations improved", "trade relation improved")]
        );
    }

    #[test]
    fn a_stop_word_only_one_side_has_is_bridged() {
        assert_eq!(
            shared(
                "They deepened bilateral relations quickly.",
                "The deepening of bilateral relation is slow."
            ),
            vec![pair(
                "deepened bilateral relations",
                "deepening of bilateral relation"
            )]
        );
    }

    #[test]
    fn stop_words_alone_never_make_a_phrase() {
        assert!(shared(
            "It was in the end of it all.",
            "And it was in the end of it."
        )
        .is_empty());
    }

    #[test]
    fn a_single_shared_content_word_is_not_a_phrase() {
        assert!(shared("The alliance grew.", "No alliance was formed.").is_empty());
    }

    #[test]
    fn phrases_start_and_end_on_content_words() {
        let found = shared(
            "In the strategic partnership of the two, trade matters.",
            "Of the strategic partnership of the two, few speak.",
        );
        assert_eq!(
            found,
            vec![pair(
                "strategic partnership of the two",
                "strategic partnership of the two"
            )]
        );
    }

    #[test]
    fn spans_point_into_each_document_outside_the_passage_too() {
        let a = "Title\nMoscow and Beijing held a joint naval exercise.";
        let b = "Other words first. A joint naval exercise followed.";
        let a_span = Span::new(6, a.len());
        let b_span = Span::new(19, b.len());
        let found = shared_wording(a, a_span, b, b_span);
        assert_eq!(found.len(), 1);
        assert_eq!(found[0].here.of(a), "joint naval exercise");
        assert_eq!(found[0].there.of(b), "joint naval exercise");
        assert!(found[0].here.start >= a_span.start && found[0].there.start >= b_span.start);
    }

    #[test]
    fn two_substitutions_in_a_row_break_the_phrase() {
        assert!(shared(
            "the highest level ever recorded",
            "the highest point anyone remembers"
        )
        .is_empty());
    }
}
