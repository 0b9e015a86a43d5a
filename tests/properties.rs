//! Property tests over the whole pipeline — segment → engine → align → closest → stance →
//! shared wording → highlight — on any UTF-8 input: nothing panics, every span is in bounds
//! and on char boundaries, the fragments cover each paragraph exactly, and the alignments
//! build.rs would pack come back unpacked as they were.
//!
//! Inputs mix arbitrary strings with lines built from words the rules react to (negations,
//! hedges, names, quotes, dashes) and awkward Unicode: right-to-left text and marks, emoji
//! sequences, combining marks, blank lines, CRLF. Native only: proptest does not build for wasm.
#![cfg(not(target_arch = "wasm32"))]

use parallax::highlight::{fragments, readable};
use parallax::marks::Prepared;
use parallax::packed;
use parallax::shared::shared_wording;
use parallax::stance::judge;
use parallax::{Corpus, Document, Engine, Mark, MarkKind, Question, Span};
use proptest::prelude::*;

/// Words and pieces the rules look at, and Unicode that breaks naive byte arithmetic.
const PIECES: &[&str] = &[
    "alliance",
    "allies",
    "quasi-allies",
    "not",
    "would",
    "form",
    "an",
    "neither",
    "nor",
    "rather",
    "than",
    "never",
    "no",
    "longer",
    "won’t",
    "don't",
    "but",
    "however",
    "Although",
    "If",
    "closer",
    "to",
    "the",
    "U.S.",
    "United",
    "States",
    "strengthen",
    "drift",
    "apart",
    "sanctions",
    "Pressure",
    "highest",
    "level",
    "in",
    "history",
    "“",
    "”",
    "\"",
    "—",
    "–",
    ",",
    ".",
    ";",
    ":",
    "?",
    "!",
    "…",
    "02:27",
    "Россия",
    "中国",
    "مرحبا",
    "שלום",
    "\u{200F}",
    "\u{202E}",
    "👩‍👩‍👧",
    "🇷🇺",
    "e\u{301}",
    "a\u{0308}\u{0308}",
    "Zoë",
    "\u{FEFF}",
    "\t",
    "\r",
    "\u{0}",
    "ﬁ",
];

fn line() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::collection::vec(prop::sample::select(PIECES), 0..40)
            .prop_map(|words| words.join(" ")),
        1 => any::<String>(),
        1 => Just(String::new()),
    ]
}

fn document_text() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => prop::collection::vec(line(), 0..12).prop_map(|lines| lines.join("\n")),
        1 => any::<String>(),
        1 => prop::collection::vec(line(), 0..6).prop_map(|lines| lines.join("\r\n")),
    ]
}

/// The default corpus's questions (they have sides), plus one without sides and one whose
/// sides are themselves odd text.
fn questions(odd: &str) -> Vec<Question> {
    let mut questions = Corpus::embedded().questions.clone();
    questions.push(Question {
        id: "plain".into(),
        title: "Plain".into(),
        prompt: "What do they say about the alliance?".into(),
        keywords: vec!["alliance".into()],
        pro: None,
        con: None,
    });
    questions.push(Question {
        id: "odd".into(),
        title: "Odd".into(),
        prompt: odd.into(),
        keywords: vec![odd.into()],
        pro: Some(odd.into()),
        con: Some(format!("not {odd}")),
    });
    questions
}

fn assert_span(text: &str, span: Span, what: &str) {
    assert!(span.start <= span.end, "{what}: inverted {span:?}");
    assert!(
        span.end <= text.len(),
        "{what}: {span:?} past {}",
        text.len()
    );
    assert!(
        text.is_char_boundary(span.start) && text.is_char_boundary(span.end),
        "{what}: {span:?} off char boundaries"
    );
}

fn assert_inside(inner: Span, outer: Span, what: &str) {
    assert!(
        outer.start <= inner.start && inner.end <= outer.end,
        "{what}: {inner:?} outside {outer:?}"
    );
}

/// The fragments of `within` cover it exactly, in order, without gaps or empty pieces.
fn assert_covers(text: &str, within: Span, marks: &[Mark]) {
    let pieces = fragments(within, marks);
    if within.is_empty() {
        assert!(pieces.iter().all(|f| f.span.is_empty()));
        return;
    }
    assert_eq!(pieces.first().map(|f| f.span.start), Some(within.start));
    assert_eq!(pieces.last().map(|f| f.span.end), Some(within.end));
    for pair in pieces.windows(2) {
        assert_eq!(pair[0].span.end, pair[1].span.start, "gap or overlap");
    }
    for f in &pieces {
        assert!(!f.span.is_empty(), "empty fragment");
        assert_span(text, f.span, "fragment");
    }
}

fn check_pipeline(texts: &[String], odd: &str) {
    let documents = texts
        .iter()
        .enumerate()
        .map(|(i, t)| Document::new(format!("{i}.txt"), t.clone(), None, None))
        .collect();
    let engine = Engine::new(Corpus {
        documents,
        questions: questions(odd),
    });
    let corpus = engine.corpus();
    for (doc, d) in corpus.documents.iter().enumerate() {
        for p in engine.paragraphs(doc) {
            assert_span(&d.text, p.span, "paragraph");
        }
    }
    // What build.rs embeds for a corpus comes back as the engine made it.
    let prepared: Vec<Prepared> = (0..corpus.questions.len())
        .map(|q| Prepared::new(&engine, q))
        .collect();
    let bytes = packed::pack(&prepared);
    for (q, want) in prepared.iter().enumerate() {
        assert_eq!(
            packed::unpack(&bytes, q).as_ref(),
            Some(want),
            "question {q} packed"
        );
    }
    for (q, question) in corpus.questions.iter().enumerate() {
        let alignment = engine.align(q);
        for position in &alignment.positions {
            assert!(position.doc < corpus.documents.len());
            assert!(position.paragraph < engine.paragraphs(position.doc).len());
        }
        for passage in &alignment.passages {
            let text = &corpus.documents[passage.doc].text;
            let para = engine.paragraphs(passage.doc)[passage.paragraph].span;
            let mut marks = Vec::new();
            for &term in &passage.terms {
                assert_span(text, term, "term");
                assert_inside(term, para, "term");
                marks.push(Mark {
                    span: term,
                    kind: MarkKind::Term,
                });
            }
            if let Some(cue) = passage.cue {
                assert_span(text, cue, "cue");
                assert_inside(cue, para, "cue");
                marks.push(Mark {
                    span: cue,
                    kind: MarkKind::Cue,
                });
            }
            let judged = judge(question, text, para);
            if let Some(cue) = judged.cue {
                assert_span(text, cue, "judged cue");
                assert_inside(cue, para, "judged cue");
            }
            for m in engine.closest(&alignment, passage) {
                let other = &corpus.documents[m.passage.doc].text;
                let other_para = engine.paragraphs(m.passage.doc)[m.passage.paragraph].span;
                for phrase in &m.shared {
                    assert_span(text, phrase.here, "shared here");
                    assert_inside(phrase.here, para, "shared here");
                    assert_span(other, phrase.there, "shared there");
                    assert_inside(phrase.there, other_para, "shared there");
                    marks.push(Mark {
                        span: phrase.here,
                        kind: MarkKind::Shared,
                    });
                }
            }
            let shown = readable(text, para, &marks);
            for m in &shown {
                assert_span(text, m.span, "readable mark");
                assert_inside(m.span, para, "readable mark");
            }
            assert_covers(text, para, &shown);
            assert_covers(text, para, &marks);
        }
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn pipeline_never_panics_and_spans_stay_on_char_boundaries(
        texts in prop::collection::vec(document_text(), 1..4),
        odd in line(),
    ) {
        check_pipeline(&texts, &odd);
    }

    #[test]
    fn stance_on_any_span_of_any_text_is_in_bounds(
        text in document_text(),
        odd in line(),
        cut in any::<(usize, usize)>(),
    ) {
        let a = text.floor_char_boundary(cut.0 % (text.len() + 1));
        let b = text.floor_char_boundary(cut.1 % (text.len() + 1));
        let passage = Span::new(a.min(b), a.max(b));
        for question in questions(&odd) {
            let j = judge(&question, &text, passage);
            if let Some(cue) = j.cue {
                assert_span(&text, cue, "cue");
                assert_inside(cue, passage, "cue");
            }
            prop_assert!(j.score.is_finite());
        }
    }

    #[test]
    fn any_bytes_unpack_to_a_question_or_nothing(
        bytes in prop::collection::vec(any::<u8>(), 0..200),
        question in 0usize..4,
    ) {
        let _ = packed::unpack(&bytes, question);
    }

    #[test]
    fn shared_wording_of_any_two_texts_is_in_bounds(a in document_text(), b in document_text()) {
        let (sa, sb) = (Span::new(0, a.len()), Span::new(0, b.len()));
        for phrase in shared_wording(&a, sa, &b, sb) {
            assert_span(&a, phrase.here, "here");
            assert_span(&b, phrase.there, "there");
        }
        // A text shares its own wording with itself.
        let itself = shared_wording(&a, sa, &a, sa);
        for phrase in &itself {
            prop_assert_eq!(phrase.here.of(&a), phrase.there.of(&a));
        }
    }

    #[test]
    fn readable_marks_of_any_spans_stay_inside_and_cover(
        text in document_text(),
        raw in prop::collection::vec((any::<usize>(), any::<usize>(), 0u8..3), 0..8),
        cut in any::<(usize, usize)>(),
    ) {
        let a = text.floor_char_boundary(cut.0 % (text.len() + 1));
        let b = text.floor_char_boundary(cut.1 % (text.len() + 1));
        let within = Span::new(a.min(b), a.max(b));
        let marks: Vec<Mark> = raw
            .iter()
            .map(|&(s, e, k)| {
                let (s, e) = (s % (text.len() + 2), e % (text.len() + 2));
                Mark {
                    span: Span::new(s.min(e), s.max(e)),
                    kind: [MarkKind::Term, MarkKind::Cue, MarkKind::Shared][k as usize],
                }
            })
            .collect();
        let shown = readable(&text, within, &marks);
        for m in &shown {
            assert_span(&text, m.span, "mark");
            assert_inside(m.span, within, "mark");
            prop_assert!(!m.span.is_empty());
        }
        assert_covers(&text, within, &shown);
    }
}
