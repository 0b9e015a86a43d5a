//! Word-level highlights for drawing a passage: the engine's spans (question terms, the stance
//! cue, shared wording) snapped to whole words, adjacent words merged into one mark, marks made
//! only of stop words dropped, and author names cut out for blind mode. Pure data, so the rules
//! are tested natively; the view turns [`Piece`]s into nodes.

use crate::align::{Engine, Passage, QuestionAlignment};
use crate::highlight::MarkKind;
use crate::index::FastSet;
use crate::order;
use crate::segment::Span;
use crate::stance::Tok;

/// One question, aligned, with its passages' highlights snapped to whole words: what the view
/// draws a question from.
#[derive(Debug, Clone, PartialEq)]
pub struct Prepared {
    /// The engine's alignment.
    pub alignment: QuestionAlignment,
    /// Per passage (same order as `alignment.passages`): question-term marks.
    pub terms: Vec<Vec<Span>>,
    /// Per passage: the stance cue, grown to whole words.
    pub cues: Vec<Option<Span>>,
}

impl Prepared {
    /// Aligns question `question` and marks its passages.
    pub fn new(engine: &Engine, question: usize) -> Prepared {
        let alignment = engine.align(question);
        let mut terms = Vec::with_capacity(alignment.passages.len());
        let mut cues = Vec::with_capacity(alignment.passages.len());
        for p in &alignment.passages {
            let (marks, cue) = passage_marks(engine, p);
            terms.push(marks);
            cues.push(cue);
        }
        Prepared {
            alignment,
            terms,
            cues,
        }
    }
}

/// Passage `p`'s question-term marks ([`term_marks`]) and its stance cue grown to whole words.
pub fn passage_marks(engine: &Engine, p: &Passage) -> (Vec<Span>, Option<Span>) {
    let text = &engine.corpus().documents[p.doc].text;
    let words = engine.words(p.doc, p.paragraph);
    let marks = term_marks(text, &words, &p.terms);
    (marks, p.cue.and_then(|c| whole_words(&words, c)))
}

/// A span to emphasise; `pair` links a shared phrase to its twin in another passage.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Highlight {
    /// Where, in the document text.
    pub span: Span,
    /// Why.
    pub kind: MarkKind,
    /// For shared wording: an id the twin phrase in the other passage carries too.
    pub pair: Option<u32>,
}

/// A run of a passage drawn one way.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Piece {
    /// Where, in the document text.
    pub span: Span,
    /// The highlight kinds over the whole run (empty: plain text).
    pub kinds: Vec<MarkKind>,
    /// The shared-phrase pair ids over the whole run.
    pub pairs: Vec<u32>,
    /// `Some(n)`: the run is the name of the author at index `n`, hidden in blind mode.
    pub redacted: Option<usize>,
}

/// Every occurrence among `words` (a passage's words, in order, as the engine read them) of a
/// word or phrase the engine marked as a question term, compared by stem (`alliances` for
/// `alliance`), merged into runs. A phrase (`United States`) matches only as the whole phrase;
/// term spans that cut a word (`un` in `unless`) and terms made only of stop words are ignored.
/// The words come from the engine because reading and stemming every passage again was most
/// of the cost of drawing a question.
pub fn term_marks(text: &str, words: &[Tok], terms: &[Span]) -> Vec<Span> {
    let mut phrases: Vec<Vec<&str>> = Vec::new();
    for term in terms {
        let inside = &words[inside(words, *term)];
        let aligned = inside.first().is_some_and(|w| w.span.start == term.start)
            && inside.last().is_some_and(|w| w.span.end == term.end);
        if aligned && inside.iter().any(|w| !w.stop) {
            let phrase: Vec<&str> = inside.iter().map(|w| w.stem).collect();
            if !phrases.contains(&phrase) {
                phrases.push(phrase);
            }
        }
    }
    let mut hits = Vec::new();
    for phrase in &phrases {
        for run in words.windows(phrase.len()) {
            if run.iter().zip(phrase).all(|(w, stem)| w.stem == *stem) {
                hits.push(Span::new(run[0].span.start, run[phrase.len() - 1].span.end));
            }
        }
    }
    merge_adjacent(text, hits)
}

/// The range of `words` lying wholly inside `span`.
fn inside(words: &[Tok], span: Span) -> std::ops::Range<usize> {
    let from = words.partition_point(|w| w.span.start < span.start);
    let to = from + words[from..].partition_point(|w| w.span.end <= span.end);
    from..to
}

/// `span` grown to the whole words among `words` it touches; `None` if it touches only stop
/// words.
pub fn whole_words(words: &[Tok], span: Span) -> Option<Span> {
    let from = words.partition_point(|w| w.span.end <= span.start);
    let to = from + words[from..].partition_point(|w| w.span.start < span.end);
    let touched = &words[from..to];
    if touched.iter().all(|w| w.stop) {
        return None;
    }
    Some(Span::new(
        touched.first()?.span.start,
        touched.last()?.span.end,
    ))
}

/// Joins spans that touch or are separated only by spaces or hyphens (`United States`).
pub fn merge_adjacent(text: &str, mut spans: Vec<Span>) -> Vec<Span> {
    order::sort(&mut spans);
    let mut out: Vec<Span> = Vec::new();
    for span in spans {
        if let Some(last) = out.last_mut() {
            let joins = span.start <= last.end
                || text[last.end..span.start]
                    .chars()
                    .all(|c| c.is_whitespace() || c == '-');
            if joins {
                last.end = last.end.max(span.end);
                continue;
            }
        }
        out.push(span);
    }
    out
}

/// Where the names in `names` (`(name, author index)`) occur in `text[within]`, as whole
/// words, case-insensitively; longer names win over names they contain.
pub fn name_spans(text: &str, within: Span, names: &[(String, usize)]) -> Vec<(Span, usize)> {
    let hay = within.of(text).to_ascii_lowercase();
    let mut sorted: Vec<&(String, usize)> = names.iter().filter(|(n, _)| n.len() >= 3).collect();
    order::sort_by_key(&mut sorted, |(n, _)| std::cmp::Reverse(n.len()));
    let mut found: Vec<(Span, usize)> = Vec::new();
    for (name, author) in sorted {
        let needle = name.to_ascii_lowercase();
        for (at, _) in hay.match_indices(&needle) {
            let end = at + needle.len();
            let before = hay[..at].chars().next_back();
            let after = hay[end..].chars().next();
            let bounded = !before.is_some_and(char::is_alphanumeric)
                && !after.is_some_and(char::is_alphanumeric);
            let span = Span::new(within.start + at, within.start + end);
            let free = found
                .iter()
                .all(|(s, _)| s.end <= span.start || s.start >= span.end);
            if bounded && free {
                found.push((span, *author));
            }
        }
    }
    order::sort(&mut found);
    found
}

/// Cuts `within` into pieces, each with the highlights covering it; a redacted name becomes
/// one piece whatever marks it carries. The pieces cover `within` exactly, in order.
pub fn pieces(within: Span, marks: &[Highlight], names: &[(Span, usize)]) -> Vec<Piece> {
    let mut cuts = vec![within.start, within.end];
    let bounds = marks
        .iter()
        .map(|m| m.span)
        .chain(names.iter().map(|(s, _)| *s));
    for s in bounds {
        for at in [s.start, s.end] {
            if at > within.start && at < within.end {
                cuts.push(at);
            }
        }
    }
    order::sort(&mut cuts);
    cuts.dedup();
    let mut out: Vec<Piece> = Vec::new();
    for pair in cuts.windows(2) {
        let span = Span::new(pair[0], pair[1]);
        let covers = |s: Span| s.start <= span.start && s.end >= span.end;
        let piece = match names.iter().find(|(s, _)| covers(*s)) {
            Some(&(_, author)) => Piece {
                span,
                kinds: Vec::new(),
                pairs: Vec::new(),
                redacted: Some(author),
            },
            None => {
                let mut kinds: Vec<MarkKind> = Vec::new();
                let mut pairs: Vec<u32> = Vec::new();
                for m in marks.iter().filter(|m| covers(m.span)) {
                    kinds.push(m.kind);
                    pairs.extend(m.pair);
                }
                order::sort(&mut kinds);
                kinds.dedup();
                order::sort(&mut pairs);
                pairs.dedup();
                Piece {
                    span,
                    kinds,
                    pairs,
                    redacted: None,
                }
            }
        };
        match out.last_mut() {
            Some(last)
                if last.kinds == piece.kinds
                    && last.pairs == piece.pairs
                    && last.redacted == piece.redacted
                    && (piece.redacted.is_none() || last.span.end == piece.span.start) =>
            {
                last.span.end = piece.span.end;
            }
            _ => out.push(piece),
        }
    }
    out
}

/// The words two passages both have among their term marks, as written in the first, in its
/// order, without repeats (compared by stem). `a_words`, `b_words`: each passage's words.
pub fn common_words(
    a_text: &str,
    a_words: &[Tok],
    a_marks: &[Span],
    b_words: &[Tok],
    b_marks: &[Span],
) -> Vec<String> {
    let marked = |words: &'_ [Tok], marks: &[Span]| -> Vec<usize> {
        let mut out = Vec::new();
        for m in marks {
            out.extend(inside(words, *m).filter(|&n| !words[n].stop));
        }
        out
    };
    let b: FastSet<&str> = marked(b_words, b_marks)
        .into_iter()
        .map(|n| b_words[n].stem)
        .collect();
    let mut seen = FastSet::default();
    marked(a_words, a_marks)
        .into_iter()
        .map(|n| &a_words[n])
        .filter(|w| b.contains(w.stem) && seen.insert(w.stem))
        .map(|w| w.span.of(a_text).to_string())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn all(text: &str) -> Span {
        Span::new(0, text.len())
    }

    fn find(text: &str, needle: &str) -> Span {
        let at = text.find(needle).unwrap();
        Span::new(at, at + needle.len())
    }

    fn words(text: &str) -> Vec<Tok<'static>> {
        // Leaked: a few short test strings, so the borrowed words can outlive this helper.
        let tokens: &'static [crate::text::Token] = Vec::leak(crate::text::tokens(text, all(text)));
        tokens.iter().map(Tok::of).collect()
    }

    fn texts<'t>(text: &'t str, spans: &[Span]) -> Vec<&'t str> {
        spans.iter().map(|s| s.of(text)).collect()
    }

    #[test]
    fn every_inflection_of_a_term_is_marked() {
        let text = "An alliance is not what allied states call their alliances.";
        let marks = term_marks(text, &words(text), &[find(text, "alliance")]);
        assert_eq!(texts(text, &marks), vec!["alliance", "alliances"]);
    }

    #[test]
    fn adjacent_term_words_merge_into_one_mark() {
        let text = "Pressure from the United States grew.";
        let marks = term_marks(
            text,
            &words(text),
            &[find(text, "United"), find(text, "States")],
        );
        assert_eq!(texts(text, &marks), vec!["United States"]);
    }

    #[test]
    fn a_phrase_term_matches_only_as_the_whole_phrase() {
        let text = "The United States and the State Council; the balance of power shifts.";
        let marks = term_marks(
            text,
            &words(text),
            &[find(text, "United States"), find(text, "balance of power")],
        );
        assert_eq!(
            texts(text, &marks),
            vec!["United States", "balance of power"]
        );
    }

    #[test]
    fn words_across_punctuation_stay_apart() {
        let text = "sanctions, pressure";
        let marks = term_marks(
            text,
            &words(text),
            &[find(text, "sanctions"), find(text, "pressure")],
        );
        assert_eq!(texts(text, &marks), vec!["sanctions", "pressure"]);
    }

    #[test]
    fn term_spans_inside_a_word_are_ignored() {
        let text = "Unless the UN acts.";
        let un_in_unless = Span::new(0, 2);
        let marks = term_marks(text, &words(text), &[un_in_unless]);
        assert!(marks.is_empty());
    }

    #[test]
    fn stop_words_alone_are_never_marked() {
        let text = "It is not an alliance.";
        assert_eq!(whole_words(&words(text), find(text, "is not")), None);
        let marks = term_marks(text, &words(text), &[find(text, "not")]);
        assert!(marks.is_empty());
    }

    #[test]
    fn cue_grows_to_whole_words() {
        let text = "They will never become allies.";
        let cue = Span::new(
            find(text, "never").start + 2,
            find(text, "allies").start + 3,
        );
        let grown = whole_words(&words(text), cue).unwrap();
        assert_eq!(grown.of(text), "never become allies");
    }

    #[test]
    fn names_are_found_as_whole_words_longest_first() {
        let text = "Interview with Ophelie Barbier; Barbiers are not Barbier.";
        let names = vec![
            ("Ophelie Barbier".to_string(), 3),
            ("Barbier".to_string(), 3),
        ];
        let found = name_spans(text, all(text), &names);
        let words: Vec<&str> = found.iter().map(|(s, _)| s.of(text)).collect();
        assert_eq!(words, vec!["Ophelie Barbier", "Barbier"]);
    }

    #[test]
    fn pieces_cover_the_text_with_kinds_pairs_and_redactions() {
        let text = "Chan Kung says sanctions bind Russia.";
        let marks = [
            Highlight {
                span: find(text, "sanctions"),
                kind: MarkKind::Term,
                pair: None,
            },
            Highlight {
                span: find(text, "sanctions bind"),
                kind: MarkKind::Shared,
                pair: Some(7),
            },
            Highlight {
                span: find(text, "Chan"),
                kind: MarkKind::Term,
                pair: None,
            },
        ];
        let names = [(find(text, "Chan Kung"), 0)];
        let p = pieces(all(text), &marks, &names);
        let drawn: Vec<(&str, usize, Vec<u32>, Option<usize>)> = p
            .iter()
            .map(|p| (p.span.of(text), p.kinds.len(), p.pairs.clone(), p.redacted))
            .collect();
        assert_eq!(
            drawn,
            vec![
                ("Chan Kung", 0, vec![], Some(0)),
                (" says ", 0, vec![], None),
                ("sanctions", 2, vec![7], None),
                (" bind", 1, vec![7], None),
                (" Russia.", 0, vec![], None),
            ]
        );
    }

    #[test]
    fn common_words_compare_by_stem() {
        let a = "Sanctions push Russia closer.";
        let b = "The sanction regime and Russia.";
        let common = common_words(
            a,
            &words(a),
            &[find(a, "Sanctions"), find(a, "Russia")],
            &words(b),
            &[find(b, "sanction"), find(b, "Russia")],
        );
        assert_eq!(common, vec!["Sanctions", "Russia"]);
    }
}
