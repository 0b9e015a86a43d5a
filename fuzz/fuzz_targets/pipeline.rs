#![no_main]
//! Fuzzes segment → engine → align → closest → stance → shared wording → highlight on any
//! bytes (read as UTF-8, lossily). Panics are crashes; so are spans off the text, off char
//! boundaries or outside their paragraph, and fragments that do not cover a paragraph exactly.
//!
//! The input is cut at `\u{1}` into up to three documents; its first line also serves as an
//! extra question's prompt and sides, so odd questions are fuzzed too.
//!
//! Run from the crate root: `cargo +nightly fuzz run -s none pipeline -- -runs=1000000
//! -max_len=512` (the crate forbids unsafe code, so the address sanitizer adds nothing).

use libfuzzer_sys::fuzz_target;
use parallax::highlight::{fragments, readable};
use parallax::stance::judge;
use parallax::{Corpus, Document, Engine, Mark, MarkKind, Question, Span};

fn check(text: &str, span: Span, within: Span) {
    assert!(span.start <= span.end && span.end <= text.len(), "{span:?} out of bounds");
    assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
    assert!(within.start <= span.start && span.end <= within.end, "{span:?} outside {within:?}");
}

fuzz_target!(|data: &[u8]| {
    let input = String::from_utf8_lossy(data);
    let documents: Vec<Document> = input
        .split('\u{1}')
        .take(3)
        .enumerate()
        .map(|(i, t)| Document::new(format!("{i}.txt"), t, None, None))
        .collect();
    let first_line = input.lines().next().unwrap_or("").to_string();
    // Two questions with sides (one directional, one not) keep each run cheap enough for
    // millions of runs; the fuzzed one adds odd prompts, keywords and sides.
    let mut questions: Vec<Question> = Corpus::embedded().questions.iter().take(2).cloned().collect();
    questions.push(Question {
        id: "fuzzed".into(),
        title: "Fuzzed".into(),
        prompt: first_line.clone(),
        keywords: first_line.split_whitespace().take(4).map(str::to_string).collect(),
        pro: Some(first_line.clone()),
        con: Some(format!("No: not {first_line}")),
    });
    let engine = Engine::new(Corpus { documents, questions });
    let corpus = engine.corpus();
    for (q, question) in corpus.questions.iter().enumerate() {
        let alignment = engine.align(q);
        for passage in &alignment.passages {
            let text = &corpus.documents[passage.doc].text;
            let para = engine.paragraphs(passage.doc)[passage.paragraph].span;
            let mut marks: Vec<Mark> = passage
                .terms
                .iter()
                .map(|&span| Mark { span, kind: MarkKind::Term })
                .chain(passage.cue.map(|span| Mark { span, kind: MarkKind::Cue }))
                .collect();
            if let Some(cue) = judge(question, text, para).cue {
                check(text, cue, para);
            }
            for m in engine.closest(&alignment, passage) {
                let other = &corpus.documents[m.passage.doc].text;
                let other_para = engine.paragraphs(m.passage.doc)[m.passage.paragraph].span;
                for phrase in &m.shared {
                    check(text, phrase.here, para);
                    check(other, phrase.there, other_para);
                    marks.push(Mark { span: phrase.here, kind: MarkKind::Shared });
                }
            }
            for m in &marks {
                check(text, m.span, para);
            }
            let shown = readable(text, para, &marks);
            let pieces = fragments(para, &shown);
            let mut at = para.start;
            for f in &pieces {
                assert_eq!(f.span.start, at, "fragments leave a gap or overlap");
                check(text, f.span, para);
                at = f.span.end;
            }
            assert_eq!(at, para.end, "fragments stop short of the paragraph");
        }
    }
});
