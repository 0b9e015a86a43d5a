//! Any UTF-8 text through the engine's own steps — segmentation, quick sentence bounds, the
//! index, align and closest, and the marks the view draws — without a panic, with every span in bounds and on char
//! boundaries.
#![cfg(not(target_arch = "wasm32"))]

use parallax::segment::Span;
use parallax::{Corpus, Document, Engine, Question};
use proptest::prelude::*;

fn valid(text: &str, span: Span) -> bool {
    span.start <= span.end
        && span.end <= text.len()
        && text.is_char_boundary(span.start)
        && text.is_char_boundary(span.end)
}

/// Text with the shapes the rules look at: punctuation, quotes, colons, capitals, new lines.
fn texty() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[A-Za-z]{1,9}",
            Just(" ".to_string()),
            Just(". ".to_string()),
            Just("\n".to_string()),
            Just("…".to_string()),
            Just("“".to_string()),
            Just("”".to_string()),
            Just(": ".to_string()),
            Just("?".to_string()),
            Just("By ".to_string()),
            Just("U.S. ".to_string()),
            // The question's own words, so passages are found and marked.
            Just("alliance ".to_string()),
            Just("allies".to_string()),
            Just("United States ".to_string()),
            Just("not a bloc".to_string()),
            "\\PC{1,4}",
        ],
        0..80,
    )
    .prop_map(|parts| parts.concat())
}

fn question() -> Question {
    Question {
        id: "q".into(),
        title: "Alliance?".into(),
        prompt: "Is it an alliance between the United States and others?".into(),
        keywords: vec!["alliance".into(), "United States".into(), "bloc".into()],
        pro: Some("Yes".into()),
        con: Some("No".into()),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn quick_sentences_stay_in_bounds(text in texty()) {
        for s in parallax::text::quick_sentences(&text, Span::new(0, text.len())) {
            prop_assert!(valid(&text, s), "{s:?} in {text:?}");
        }
    }

    #[test]
    fn engine_spans_stay_in_bounds(a in texty(), b in texty(), any in "\\PC{0,200}") {
        let documents = [a, b, any]
            .into_iter()
            .enumerate()
            .map(|(i, text)| Document::new(format!("{i}.txt"), text, None, None))
            .collect();
        let engine = Engine::new(Corpus { documents, questions: vec![question()] });
        for d in 0..3 {
            let text = &engine.corpus().documents[d].text;
            for p in engine.paragraphs(d) {
                prop_assert!(valid(text, p.span));
            }
        }
        let alignment = engine.align(0);
        for p in &alignment.passages {
            let text = &engine.corpus().documents[p.doc].text;
            prop_assert!((0.0..=1.0).contains(&p.score));
            for span in p.terms.iter().chain(p.cue.iter()) {
                prop_assert!(valid(text, *span));
            }
            for m in engine.closest(&alignment, p) {
                prop_assert!(m.passage.doc != p.doc);
                prop_assert!((0.0..=1.0).contains(&m.score));
            }
        }
        // What the view draws: term marks and cues snapped to whole words, inside the passage.
        let prepared = parallax::marks::Prepared::new(&engine, 0);
        for (n, p) in prepared.alignment.passages.iter().enumerate() {
            let text = &engine.corpus().documents[p.doc].text;
            let para = engine.paragraphs(p.doc)[p.paragraph].span;
            for span in prepared.terms[n].iter().chain(prepared.cues[n].iter()) {
                prop_assert!(valid(text, *span), "{span:?} in {text:?}");
                prop_assert!(para.start <= span.start && span.end <= para.end);
            }
        }
    }
}
