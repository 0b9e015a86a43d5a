//! How good the engine's ranking and cut-off are on the annotated corpora, for the default
//! [`parallax::Tuning`] and a few variations: macro F1 with the engine's own cut-off, and the
//! best macro F1 any per-question cut-off could reach on its ranking (the "oracle").
//! `cargo run --release --example tune`. The defaults were chosen with it, on every column at
//! once; each variation moves one knob so that its effect can be seen on all of them. `indep.`
//! is the default corpus with another reader's questions and annotations; the last twelve
//! are debates written by hands that never saw the engine.

#[path = "../tests/support/eval.rs"]
mod eval;

use parallax::Tuning;

fn main() {
    let independent = "tests/corpora/independent/questions.toml";
    let mut corpora = vec![
        ("default", "default", eval::folder("seeds")),
        (
            "independent",
            "indep.",
            eval::folder_with_questions("seeds", independent),
        ),
    ];
    corpora.extend(
        eval::DEBATES
            .map(|(name, label)| (name, label, eval::folder(&format!("tests/corpora/{name}")))),
    );
    let base = Tuning::default();
    let variants: Vec<(&str, Tuning)> = vec![
        ("default", base),
        (
            "keep 0.3",
            Tuning {
                keep_fraction: 0.3,
                ..base
            },
        ),
        (
            "keep 0.42",
            Tuning {
                keep_fraction: 0.42,
                ..base
            },
        ),
        (
            "reference = max",
            Tuning {
                reference_rank: 1,
                ..base
            },
        ),
        (
            "no rivals",
            Tuning {
                rival_zone: 0.0,
                ..base
            },
        ),
        (
            "no evidence tier",
            Tuning {
                evidence_terms: usize::MAX,
                ..base
            },
        ),
        (
            "no feedback",
            Tuning {
                feedback_weight: 0.0,
                ..base
            },
        ),
        (
            "no sentences",
            Tuning {
                sentence_share: 0.0,
                ..base
            },
        ),
        (
            "no families",
            Tuning {
                family: 0.0,
                ..base
            },
        ),
        (
            "plain idf",
            Tuning {
                idf_sqrt: false,
                ..base
            },
        ),
        (
            "classic bm25 k1 1.2 b .75",
            Tuning {
                k1: 1.2,
                b: 0.75,
                ..base
            },
        ),
        ("no pro/con words", Tuning { sides: 0.0, ..base }),
        (
            "prompt weighs as the title",
            Tuning {
                prompt: base.title,
                ..base
            },
        ),
        (
            "keywords = prompt",
            Tuning {
                keyword: 1.0,
                ..base
            },
        ),
        (
            "bare BM25 over the prompt",
            Tuning {
                keyword: 0.0,
                title: 0.0,
                sides: 0.0,
                feedback_weight: 0.0,
                sentence_share: 0.0,
                family: 0.0,
                idf_sqrt: false,
                k1: 1.2,
                b: 0.75,
                direction: 0.0,
                ..base
            },
        ),
        (
            "no headings",
            Tuning {
                heading: 0.0,
                ..base
            },
        ),
        (
            "headings 0.5",
            Tuning {
                heading: 0.5,
                ..base
            },
        ),
        (
            "no words of direction",
            Tuning {
                direction: 0.0,
                ..base
            },
        ),
    ];
    for (label, tuning) in variants {
        let mut line = format!("{label:<26}");
        for (annotations, name, corpus) in &corpora {
            let f1 = eval::measure(annotations, corpus.clone(), tuning, false).macro_f1;
            let (oracle, _) = eval::oracle(annotations, corpus.clone(), tuning);
            line.push_str(&format!("  {name} {f1:.3} ({oracle:.2})"));
        }
        println!("{line}");
    }
}
