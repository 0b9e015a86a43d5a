//! Spans to emphasise in a passage — question terms, the stance cue, shared wording — turned
//! into a flat list of fragments for the view. Data, not DOM.

use serde::Serialize;

use crate::segment::Span;
use crate::text;

/// Why a piece of text is emphasised.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
pub enum MarkKind {
    /// A question term.
    Term,
    /// The words that decided the stance.
    Cue,
    /// Wording shared with another author's passage.
    Shared,
}

/// A span to emphasise, of one kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Mark {
    /// Where.
    pub span: Span,
    /// Why.
    pub kind: MarkKind,
}

/// A run of text with the same emphasis.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Fragment {
    /// Where, in the same text the marks point into.
    pub span: Span,
    /// The kinds of emphasis over the whole run (empty: plain text).
    pub kinds: Vec<MarkKind>,
}

/// Cuts `within` into fragments so that each fragment carries the set of marks covering it.
/// Marks outside `within` are clipped; the fragments cover `within` exactly, in order.
pub fn fragments(within: Span, marks: &[Mark]) -> Vec<Fragment> {
    let mut cuts = vec![within.start, within.end];
    for m in marks {
        for at in [m.span.start, m.span.end] {
            if at > within.start && at < within.end {
                cuts.push(at);
            }
        }
    }
    cuts.sort_unstable();
    cuts.dedup();
    let mut out: Vec<Fragment> = Vec::new();
    for pair in cuts.windows(2) {
        let span = Span::new(pair[0], pair[1]);
        let mut kinds: Vec<MarkKind> = marks
            .iter()
            .filter(|m| m.span.start <= span.start && m.span.end >= span.end)
            .map(|m| m.kind)
            .collect();
        kinds.sort_unstable();
        kinds.dedup();
        match out.last_mut() {
            Some(last) if last.kinds == kinds => last.span.end = span.end,
            _ => out.push(Fragment { span, kinds }),
        }
    }
    out
}

/// Makes marks readable word by word within `text[within]`: each mark is clipped to `within`
/// (and onto char boundaries) and trimmed to the words it covers; marks of the same kind with
/// only spaces, punctuation or stop words between them are merged — so "would not", "form",
/// "alliance" become one mark "would not form an alliance" — and what is left of only stop
/// words is dropped. Returns the marks sorted by start, then kind.
///
/// ```
/// use parallax::{highlight::readable, Mark, MarkKind, Span};
/// let text = "Russia would not form an alliance, he said.";
/// let mark = |s: &str| {
///     let at = text.find(s).unwrap();
///     Mark { span: Span::new(at, at + s.len()), kind: MarkKind::Cue }
/// };
/// let marks = readable(text, Span::new(0, text.len()), &[mark("would not"), mark("form"), mark("alliance")]);
/// assert_eq!(marks.len(), 1);
/// assert_eq!(marks[0].span.of(text), "would not form an alliance");
/// ```
pub fn readable(text: &str, within: Span, marks: &[Mark]) -> Vec<Mark> {
    let within = snap(text, within);
    let mut kept: Vec<Mark> = marks
        .iter()
        .filter_map(|m| {
            let clipped = Span::new(
                m.span.start.clamp(within.start, within.end),
                m.span.end.clamp(within.start, within.end),
            );
            let words = text::tokens(text, snap(text, clipped));
            let (first, last) = (words.first()?, words.last()?);
            Some(Mark {
                span: Span::new(first.span.start, last.span.end),
                kind: m.kind,
            })
        })
        .collect();
    kept.sort_by_key(|m| (m.kind, m.span.start, m.span.end));
    let mut merged: Vec<Mark> = Vec::with_capacity(kept.len());
    for m in kept {
        match merged.last_mut() {
            Some(last) if last.kind == m.kind && joins(text, last.span, m.span) => {
                last.span.end = last.span.end.max(m.span.end);
            }
            _ => merged.push(m),
        }
    }
    // Stop words count inside a mark ("would *not* form"), never as a mark of their own.
    merged.retain(|m| text::tokens(text, m.span).iter().any(|w| !w.stop));
    merged.sort_by_key(|m| (m.span.start, m.kind));
    merged
}

/// Whether `b` (starting at or after `a`'s start) overlaps `a` or follows it with only
/// spaces, punctuation and stop words between.
fn joins(text: &str, a: Span, b: Span) -> bool {
    b.start <= a.end
        || text::tokens(text, Span::new(a.end, b.start))
            .iter()
            .all(|w| w.stop)
}

/// `span` shrunk onto char boundaries of `text` (and inside it), never inverted.
fn snap(text: &str, span: Span) -> Span {
    let end = text.floor_char_boundary(span.end.min(text.len()));
    let start = text.ceil_char_boundary(span.start.min(end));
    Span::new(start.min(end), end)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fragments_cover_the_text_and_merge_equal_neighbours() {
        let marks = [
            Mark {
                span: Span::new(2, 5),
                kind: MarkKind::Term,
            },
            Mark {
                span: Span::new(5, 8),
                kind: MarkKind::Term,
            },
            Mark {
                span: Span::new(4, 6),
                kind: MarkKind::Cue,
            },
        ];
        let f = fragments(Span::new(0, 10), &marks);
        let spans: Vec<(usize, usize, usize)> = f
            .iter()
            .map(|f| (f.span.start, f.span.end, f.kinds.len()))
            .collect();
        assert_eq!(
            spans,
            vec![(0, 2, 0), (2, 4, 1), (4, 6, 2), (6, 8, 1), (8, 10, 0)]
        );
    }

    fn mark(text: &str, words: &str, kind: MarkKind) -> Mark {
        let at = text.find(words).expect("words in text");
        Mark {
            span: Span::new(at, at + words.len()),
            kind,
        }
    }

    fn shown(text: &str, marks: &[Mark]) -> Vec<(&'static str, String)> {
        marks
            .iter()
            .map(|m| {
                let kind = match m.kind {
                    MarkKind::Term => "term",
                    MarkKind::Cue => "cue",
                    MarkKind::Shared => "shared",
                };
                (kind, m.span.of(text).to_string())
            })
            .collect()
    }

    #[test]
    fn marks_of_one_kind_separated_by_stop_words_merge() {
        let text = "Russia would not form an alliance, he said.";
        let marks = [
            mark(text, "would not", MarkKind::Cue),
            mark(text, "form", MarkKind::Cue),
            mark(text, "alliance", MarkKind::Cue),
        ];
        let all = Span::new(0, text.len());
        assert_eq!(
            shown(text, &readable(text, all, &marks)),
            vec![("cue", "would not form an alliance".to_string())]
        );
    }

    #[test]
    fn marks_separated_by_punctuation_merge() {
        let text = "the highest level — in history";
        let marks = [
            mark(text, "highest level", MarkKind::Shared),
            mark(text, "history", MarkKind::Shared),
        ];
        let merged = readable(text, Span::new(0, text.len()), &marks);
        assert_eq!(
            shown(text, &merged),
            vec![("shared", "highest level — in history".to_string())]
        );
    }

    #[test]
    fn marks_separated_by_a_content_word_stay_apart() {
        let text = "sanctions against Moscow and pressure";
        let marks = [
            mark(text, "sanctions", MarkKind::Term),
            mark(text, "pressure", MarkKind::Term),
        ];
        assert_eq!(readable(text, Span::new(0, text.len()), &marks).len(), 2);
    }

    #[test]
    fn marks_of_different_kinds_do_not_merge() {
        let text = "an alliance and a bloc";
        let marks = [
            mark(text, "alliance", MarkKind::Term),
            mark(text, "bloc", MarkKind::Cue),
        ];
        assert_eq!(
            shown(text, &readable(text, Span::new(0, text.len()), &marks)),
            vec![
                ("term", "alliance".to_string()),
                ("cue", "bloc".to_string())
            ]
        );
    }

    #[test]
    fn marks_of_only_stop_words_are_dropped() {
        let text = "it is not the end";
        let marks = [mark(text, "it is not the", MarkKind::Cue)];
        assert!(readable(text, Span::new(0, text.len()), &marks).is_empty());
    }

    #[test]
    fn marks_are_clipped_to_the_paragraph_and_trimmed_to_words() {
        let text = "First line here.\nA second, longer line.";
        let para = Span::new(17, text.len());
        let marks = [Mark {
            span: Span::new(6, 26),
            kind: MarkKind::Term,
        }];
        assert_eq!(
            shown(text, &readable(text, para, &marks)),
            vec![("term", "A second".to_string())]
        );
    }

    #[test]
    fn marks_off_char_boundaries_snap_inside() {
        let text = "Zoë allies";
        // 3 is inside the two bytes of "ë".
        let marks = [Mark {
            span: Span::new(3, text.len()),
            kind: MarkKind::Term,
        }];
        let out = readable(text, Span::new(0, text.len()), &marks);
        assert_eq!(shown(text, &out), vec![("term", "allies".to_string())]);
    }
}
