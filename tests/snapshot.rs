//! The relevance model of one question pinned with insta: which passages the engine finds on
//! `alliance`, their scores and the question terms it marks. Stance and cue are left out on
//! purpose (they belong to `stance::judge` and change with it); this pins relevance alone.
//! Reviewed by hand against `cat -n seeds/*.txt` before acceptance.
#![cfg(not(target_arch = "wasm32"))]

use std::fmt::Write as _;

use parallax::{Corpus, Engine};

#[test]
fn alliance_passages_and_terms() {
    let engine = Engine::new(Corpus::embedded().clone());
    let corpus = engine.corpus();
    let q = corpus
        .questions
        .iter()
        .position(|q| q.id == "alliance")
        .expect("the default corpus asks about an alliance");
    let alignment = engine.align(q);
    let mut out = String::new();
    for p in &alignment.passages {
        let doc = &corpus.documents[p.doc];
        let mut terms: Vec<String> = p
            .terms
            .iter()
            .map(|s| s.of(&doc.text).to_lowercase())
            .collect();
        terms.dedup();
        let text = engine.paragraphs(p.doc)[p.paragraph].span.of(&doc.text);
        let opening: String = text.chars().take(60).collect();
        writeln!(
            out,
            "{} line {:>2}  score {:.2}  terms [{}]\n    {opening}…",
            doc.label,
            p.line,
            p.score,
            terms.join(", ")
        )
        .unwrap();
    }
    insta::assert_snapshot!(out);
}
