//! Relevance and stance against hand annotations: per question precision, recall and F1, macro
//! F1 per corpus, stance accuracy on found passages and positions on the core questions.
//! `cargo test --test quality -- --nocapture` prints the tables; `PARALLAX_DUMP=1` adds every
//! candidate's score.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/eval.rs"]
mod eval;

use parallax::Tuning;

fn run(name: &str, folder: &str) -> eval::Quality {
    let dump = std::env::var_os("PARALLAX_DUMP").is_some();
    let quality = eval::measure(name, eval::folder(folder), Tuning::default(), dump);
    println!("{}", quality.report);
    quality
}

#[test]
fn default_corpus_meets_its_relevance_floor() {
    let q = run("default", "seeds");
    assert!(q.macro_f1 >= 0.70, "macro F1 {:.3} < 0.70", q.macro_f1);
    for (id, _, _, f1) in &q.per_question {
        assert!(*f1 >= 0.45, "{id}: F1 {f1:.2} < 0.45");
    }
}

#[test]
fn second_corpus_meets_its_relevance_floor() {
    let q = run("car_free", "tests/corpora/car_free");
    assert!(q.macro_f1 >= 0.65, "macro F1 {:.3} < 0.65", q.macro_f1);
    for (id, _, _, f1) in &q.per_question {
        assert!(*f1 >= 0.45, "{id}: F1 {f1:.2} < 0.45");
    }
}
