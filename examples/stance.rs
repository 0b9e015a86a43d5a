//! How much the stance rules know, apart from how often they guess a side: on every annotated
//! passage of every annotated corpus (found by the engine or not), the share of pro/con pairs
//! of one question whose signed evidence ([`parallax::Judgement::score`]) puts the pro passage
//! above the con one (the AUC: 0.5 is no better than chance, 1 is a perfect order), how many
//! sided passages get no evidence at all, and the confusion of annotated against judged stance.
//! `cargo run --release --example stance`.
//!
//! Accuracy alone mixes knowledge with priors: where most annotated passages are pro, reading
//! every mention of the matter as pro scores well and knows nothing. The AUC does not.
//!
//! The last column is a property of the annotations, not of the engine: the share of sided
//! passages that take the side most of their author's sided passages on that question take.
//! It is what a reading that got each author's overall side right, and nothing else, would
//! score on them: authors seldom change sides within a text.

#[path = "../tests/support/eval.rs"]
mod eval;

use std::collections::BTreeMap;

use parallax::Engine;

fn main() {
    let mut corpora = vec![
        ("default", eval::folder("seeds")),
        (
            "independent",
            eval::folder_with_questions("seeds", "tests/corpora/independent/questions.toml"),
        ),
    ];
    for (name, _) in eval::DEBATES {
        corpora.push((name, eval::folder(&format!("tests/corpora/{name}"))));
    }
    println!("corpus          AUC   pairs  no evidence (+, -)  annotated -> judged (+ - 0)               author's side");
    for (name, corpus) in corpora {
        let gold = eval::annotations(name);
        let engine = Engine::new(corpus);
        let corpus = engine.corpus();
        let (mut pairs, mut wins) = (0usize, 0.0f64);
        let (mut silent_pro, mut silent_con) = (0, 0);
        let mut majority = 0;
        // confusion[annotated][judged], in the order +, -, 0.
        let mut confusion = [[0usize; 3]; 3];
        let row = |symbol: &str| ["+", "-", "0"].iter().position(|s| *s == symbol).unwrap();
        for (q, question) in corpus.questions.iter().enumerate() {
            let Some(truth) = gold.passages.get(&question.id) else {
                continue;
            };
            // Per file, how many sided passages take each side: (pro, con).
            let mut sides: BTreeMap<&str, (usize, usize)> = BTreeMap::new();
            for ((file, _), want) in truth {
                let entry = sides.entry(file.as_str()).or_default();
                match want.as_str() {
                    "+" => entry.0 += 1,
                    "-" => entry.1 += 1,
                    _ => {}
                }
            }
            majority += sides.values().map(|&(p, c)| p.max(c)).sum::<usize>();
            let (mut pro, mut con) = (Vec::new(), Vec::new());
            for ((file, line), want) in truth {
                let Some((_, j)) = eval::judge_gold(&engine, q, file, *line) else {
                    continue;
                };
                confusion[row(want)][row(j.stance.symbol())] += 1;
                match want.as_str() {
                    "+" => {
                        silent_pro += usize::from(j.score == 0.0);
                        pro.push(j.score);
                    }
                    "-" => {
                        silent_con += usize::from(j.score == 0.0);
                        con.push(j.score);
                    }
                    _ => {}
                }
            }
            for a in &pro {
                for b in &con {
                    pairs += 1;
                    wins += if a > b {
                        1.0
                    } else if a == b {
                        0.5
                    } else {
                        0.0
                    };
                }
            }
        }
        let auc = if pairs == 0 {
            f64::NAN
        } else {
            wins / pairs as f64
        };
        let sided = |r: usize| confusion[r].iter().sum::<usize>();
        let cells = |r: [usize; 3]| format!("{:>3} {:>3} {:>3}", r[0], r[1], r[2]);
        println!(
            "{name:<14} {auc:.3} {pairs:>6}  {silent_pro:>3}/{:<3} {silent_con:>3}/{:<3}     + [{}]  - [{}]  0 [{}]   {:.2}",
            sided(0),
            sided(1),
            cells(confusion[0]),
            cells(confusion[1]),
            cells(confusion[2]),
            majority as f64 / (sided(0) + sided(1)) as f64,
        );
    }
}
