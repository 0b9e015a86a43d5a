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

/// Every annotated position on `questions` the engine gets wrong, as `question file: want/got`.
fn wrong_positions(q: &eval::Quality, questions: &[&str]) -> Vec<String> {
    q.positions
        .iter()
        .filter(|(id, _, want, got)| questions.contains(&id.as_str()) && want != got)
        .map(|(id, file, want, got)| format!("{id} {file}: want {want}, got {got}"))
        .collect()
}

#[test]
fn default_corpus_meets_its_relevance_floor() {
    let q = run("default", "seeds");
    assert!(q.macro_f1 >= 0.72, "macro F1 {:.3} < 0.72", q.macro_f1);
    for (id, _, _, f1) in &q.per_question {
        assert!(*f1 >= 0.45, "{id}: F1 {f1:.2} < 0.45");
    }
}

#[test]
fn default_corpus_meets_its_stance_floor() {
    let q = run("default", "seeds");
    let accuracy = q.stance_accuracy();
    assert!(accuracy >= 0.75, "stance accuracy {accuracy:.3} < 0.75");
    let wrong = wrong_positions(&q, &["alliance", "us_pressure"]);
    assert!(
        wrong.is_empty(),
        "positions on the core questions: {wrong:?}"
    );
}

/// The default corpus with its questions written again by someone else's hand: stance and the
/// core positions must not hang on our phrasing of `pro` and `con`. The stance floor was 0.5
/// until the keywords of a yes/no question of fact counted for its Yes side and a source of
/// pressure named in the prompt stopped counting as a party (terse 32/60 → 38/60 → 41/60, its
/// US-pressure position then right too; full sentences 39/59 → 41/59; plain 45/63
/// throughout), then 0.65, the target, until passages without a side took their
/// author's (full sentences 41 → 47/59, terse 41 → 47/60, plain 45 → 54/63).
#[test]
fn rephrased_questions_keep_stance_and_positions() {
    for file in ["full_sentences", "terse", "plain"] {
        let questions = format!("tests/corpora/rephrased/{file}.toml");
        let corpus = eval::folder_with_questions("seeds", &questions);
        let q = eval::measure("default", corpus, Tuning::default(), false);
        println!("rephrased ({file}):{}", q.report);
        let accuracy = q.stance_accuracy();
        assert!(
            accuracy >= 0.72,
            "{file}: stance accuracy {accuracy:.3} < 0.72"
        );
        let wrong = wrong_positions(&q, &["alliance", "us_pressure"]);
        assert!(
            wrong.is_empty(),
            "{file}: positions on the core questions: {wrong:?}"
        );
    }
}

/// Relevance must not hang on our own keywords and prompts either: the mean macro F1 over the
/// three rephrased question files (0.646 when this floor was set, with the words of direction
/// for questions about direction; 0.634 without them, 0.612 before field agreement and the
/// evidence tier). A guard against a rule that only helps our phrasing.
#[test]
fn rephrased_questions_meet_a_relevance_floor() {
    let files = ["full_sentences", "terse", "plain"];
    let mut total = 0.0;
    for file in files {
        let questions = format!("tests/corpora/rephrased/{file}.toml");
        let corpus = eval::folder_with_questions("seeds", &questions);
        let q = eval::measure("default", corpus, Tuning::default(), false);
        println!("rephrased ({file}): macro F1 {:.3}", q.macro_f1);
        total += q.macro_f1;
    }
    let mean = total / files.len() as f64;
    assert!(mean >= 0.635, "rephrased macro F1 {mean:.3} < 0.635");
}

#[test]
fn second_corpus_meets_its_relevance_floor() {
    let q = run("car_free", "tests/corpora/car_free");
    assert!(q.macro_f1 >= 0.68, "macro F1 {:.3} < 0.68", q.macro_f1);
    for (id, _, _, f1) in &q.per_question {
        assert!(*f1 >= 0.45, "{id}: F1 {f1:.2} < 0.45");
    }
}

#[test]
fn second_corpus_meets_its_stance_floor() {
    let q = run("car_free", "tests/corpora/car_free");
    let accuracy = q.stance_accuracy();
    assert!(
        accuracy >= CAR_FREE_STANCE,
        "stance accuracy {accuracy:.3} < {CAR_FREE_STANCE}"
    );
    // On `ban`, the traders' piece reads neutral: its passages argue by consequence ("would
    // fall hardest on them"), with no word of either side.
    let wrong = wrong_positions(&q, &["ban"]);
    assert!(wrong.len() <= 1, "positions on ban: {wrong:?}");
}

/// car_free's sides are a few words each ("Yes, clearly." / "No, or only a little.", "Yes,
/// they can." / "No, not here."): they name no claim to look for, and most of its passages
/// read neutral (11/38 right before the keywords of a yes/no question of fact counted for its
/// Yes side, 15/38 after, 17/38 once passages without a side took their author's). A guard
/// against losing what the general rules do find, not a target: the default corpus's floor is
/// the one that says stance works.
const CAR_FREE_STANCE: f64 = 0.42;
