//! Wording two passages share: runs of at least two content words, found with `similar` on
//! word tokens, as byte spans into each document.
//!
//! Both passages are cut into word tokens and diffed on their stems, so `relations` matches
//! `relation`. A phrase is a run of equal tokens, possibly bridged by one substituted word
//! ("highest *level* in history" ~ "highest *point* in history") or one stop word only one side
//! has. It must hold at least two content words matched on both sides, and it starts and ends
//! on content words: stop words alone never make a phrase.

use std::collections::HashMap;

use similar::algorithms::{lcs, Capture, Replace};
use similar::DiffOp;

use crate::align::SharedPhrase;
use crate::segment::Span;
use crate::text;

/// Content words a phrase must share, at least.
const MIN_SHARED_WORDS: usize = 2;

/// Words of each passage the diff looks at, at most. The LCS table is `a × b` cells, so this
/// bounds it (~9 MB) for a pasted text that is one enormous paragraph; prose paragraphs are far
/// shorter.
const MAX_DIFF_WORDS: usize = 1500;

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
    let mut a_tokens = text::tokens(a_text, a);
    let mut b_tokens = text::tokens(b_text, b);
    a_tokens.truncate(MAX_DIFF_WORDS);
    b_tokens.truncate(MAX_DIFF_WORDS);
    // Stems interned to small integers: the diff compares numbers, not strings.
    let mut ids: HashMap<&str, u32> = HashMap::new();
    let mut a_keys = Vec::with_capacity(a_tokens.len());
    let mut b_keys = Vec::with_capacity(b_tokens.len());
    for (tokens, keys) in [(&a_tokens, &mut a_keys), (&b_tokens, &mut b_keys)] {
        for t in tokens {
            let next = ids.len() as u32;
            keys.push(*ids.entry(t.stem.as_str()).or_insert(next));
        }
    }
    // The classic LCS table, called directly. `capture_diff_slices(Algorithm::…)` links every
    // algorithm, and Patience/Myers instantiate their divide-and-conquer for several hook types:
    // ~55 KB of wasm against ~8 KB for this, on passages of a few hundred words where an
    // O(a × b) table costs well under a millisecond.
    let mut hook = Replace::new(Capture::new());
    match lcs::diff(
        &mut hook,
        &a_keys,
        0..a_keys.len(),
        &b_keys,
        0..b_keys.len(),
    ) {
        Ok(()) => {}
        Err(never) => match never {},
    }
    let ops = hook.into_inner().into_ops();

    // Pairs of equal tokens, with a break wherever the two texts part for more than a bridge.
    let mut runs: Vec<Vec<(usize, usize)>> = vec![Vec::new()];
    for op in &ops {
        match *op {
            DiffOp::Equal {
                old_index,
                new_index,
                len,
            } => {
                let run = runs.last_mut().expect("runs start non-empty");
                run.extend((0..len).map(|k| (old_index + k, new_index + k)));
            }
            DiffOp::Replace {
                old_len: 1,
                new_len: 1,
                ..
            } => {}
            DiffOp::Delete {
                old_index,
                old_len: 1,
                ..
            } if a_tokens[old_index].stop => {}
            DiffOp::Insert {
                new_index,
                new_len: 1,
                ..
            } if b_tokens[new_index].stop => {}
            _ => runs.push(Vec::new()),
        }
    }

    let mut out = Vec::new();
    for run in runs {
        // A bridge only counts between equal words, so a run ending in one is cut there.
        let content = |&(i, _): &(usize, usize)| !a_tokens[i].stop;
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
            here: Span::new(a_tokens[a_first].span.start, a_tokens[a_last].span.end),
            there: Span::new(b_tokens[b_first].span.start, b_tokens[b_last].span.end),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

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
