//! How much the engine leans on a question file's `keywords`: macro F1 (and the oracle F1 of the
//! ranking, see `eval::oracle`) on both annotated corpora when each question keeps all its
//! keywords, only the first three, only the last three, or none (title, prompt, pro and con
//! only), and with the three rephrased question files of `tests/corpora/rephrased/`. Question files written by someone else choose other keywords, so an engine that is
//! only good with ours is not good. `cargo run --release --example robustness`.

#[path = "../tests/support/eval.rs"]
mod eval;

use parallax::{Corpus, Tuning};

/// Which of a question's keywords a variant keeps.
type Keep = fn(&[String]) -> Vec<String>;

fn variant(corpus: &Corpus, keep: Keep) -> Corpus {
    let mut c = corpus.clone();
    for q in &mut c.questions {
        q.keywords = keep(&q.keywords);
    }
    c
}

fn main() {
    let variants: [(&str, Keep); 4] = [
        ("all keywords", |k| k.to_vec()),
        ("first three", |k| k.iter().take(3).cloned().collect()),
        ("last three", |k| k.iter().rev().take(3).cloned().collect()),
        ("no keywords", |_| Vec::new()),
    ];
    let mut mean = 0.0;
    let mut n = 0;
    for (name, dir) in [("default", "seeds"), ("car_free", "tests/corpora/car_free")] {
        let corpus = eval::folder(dir);
        for (label, keep) in variants {
            let c = variant(&corpus, keep);
            let q = eval::measure(name, c.clone(), Tuning::default(), false);
            let (oracle, _) = eval::oracle(name, c, Tuning::default());
            println!(
                "{name:<9} {label:<13} macro F1 {:.3}  (oracle {oracle:.3})",
                q.macro_f1
            );
            mean += q.macro_f1;
            n += 1;
        }
    }
    for file in ["full_sentences", "terse", "plain"] {
        let questions = format!("tests/corpora/rephrased/{file}.toml");
        let c = eval::folder_with_questions("seeds", &questions);
        let q = eval::measure("default", c.clone(), Tuning::default(), false);
        let (oracle, _) = eval::oracle("default", c, Tuning::default());
        let label = format!("{file}.toml");
        println!(
            "default   {label:<13} macro F1 {:.3}  (oracle {oracle:.3})",
            q.macro_f1
        );
        mean += q.macro_f1;
        n += 1;
    }
    println!(
        "mean over corpora and question files: {:.3}",
        mean / n as f64
    );
}
