//! Spans to emphasise in a passage — question terms, the stance cue, shared wording — turned
//! into a flat list of fragments for the view. Data, not DOM.

use serde::Serialize;

use crate::segment::Span;

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
}
