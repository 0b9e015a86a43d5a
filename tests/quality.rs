//! Relevance and stance against hand annotations: per question precision, recall and F1, macro
//! F1 per corpus, stance accuracy on found passages and positions on the core questions.
//! `cargo test --test quality -- --nocapture` prints the table.
//!
//! Annotations live in `tests/annotations/<corpus>.toml` (guideline in each file's header); they
//! were written by reading the texts, not by running the engine.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use parallax::{Corpus, Engine};

/// (file, line) → stance symbol.
type Gold = BTreeMap<(String, usize), String>;

struct Annotations {
    passages: BTreeMap<String, Gold>,
    positions: BTreeMap<String, BTreeMap<String, String>>,
}

fn annotations(name: &str) -> Annotations {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("tests/annotations/{name}.toml"));
    let text = std::fs::read_to_string(&path).expect("annotation file exists");
    let value: toml::Table = toml::from_str(&text).expect("annotation file is TOML");
    let mut passages = BTreeMap::new();
    for (question, files) in value["passages"].as_table().expect("[passages]") {
        let mut gold = Gold::new();
        for (file, lines) in files.as_table().expect("files table") {
            for entry in lines.as_array().expect("array of \"line:stance\"") {
                let (line, stance) = entry.as_str().unwrap().split_once(':').unwrap();
                gold.insert((file.clone(), line.parse().unwrap()), stance.to_string());
            }
        }
        passages.insert(question.clone(), gold);
    }
    let mut positions = BTreeMap::new();
    if let Some(table) = value.get("positions").and_then(|v| v.as_table()) {
        for (question, files) in table {
            let by_file = files
                .as_table()
                .unwrap()
                .iter()
                .map(|(f, s)| (f.clone(), s.as_str().unwrap().to_string()))
                .collect();
            positions.insert(question.clone(), by_file);
        }
    }
    Annotations {
        passages,
        positions,
    }
}

struct Quality {
    macro_f1: f64,
    per_question: Vec<(String, f64)>,
    stance_accuracy: f64,
    positions_right: usize,
    positions_total: usize,
}

fn measure(name: &str, corpus: Corpus) -> Quality {
    let gold = annotations(name);
    let engine = Engine::new(corpus);
    let corpus = engine.corpus();
    let mut per_question = Vec::new();
    let (mut stance_right, mut stance_total) = (0, 0);
    let (mut positions_right, mut positions_total) = (0, 0);
    println!("\n{name}: question             P     R     F1   (found/gold)");
    for (q, question) in corpus.questions.iter().enumerate() {
        let alignment = engine.align(q);
        let found: BTreeMap<(String, usize), String> = alignment
            .passages
            .iter()
            .map(|p| {
                let file = corpus.documents[p.doc].file.clone();
                ((file, p.line), p.stance.symbol().to_string())
            })
            .collect();
        let truth = gold.passages.get(&question.id).cloned().unwrap_or_default();
        let hits: BTreeSet<&(String, usize)> =
            found.keys().filter(|k| truth.contains_key(*k)).collect();
        for key in &hits {
            stance_total += 1;
            if found[*key] == truth[*key] {
                stance_right += 1;
            }
        }
        let precision = ratio(hits.len(), found.len());
        let recall = ratio(hits.len(), truth.len());
        let f1 = if found.is_empty() && truth.is_empty() {
            1.0
        } else if precision + recall == 0.0 {
            0.0
        } else {
            2.0 * precision * recall / (precision + recall)
        };
        println!(
            "  {:<22} {precision:.2}  {recall:.2}  {f1:.2}  ({}/{})",
            question.id,
            found.len(),
            truth.len()
        );
        let missed: Vec<String> = truth
            .keys()
            .filter(|k| !found.contains_key(*k))
            .map(|(f, l)| format!("{}:{l}", &f[..3.min(f.len())]))
            .collect();
        let extra: Vec<String> = found
            .keys()
            .filter(|k| !truth.contains_key(*k))
            .map(|(f, l)| format!("{}:{l}", &f[..3.min(f.len())]))
            .collect();
        println!("      missed {missed:?}\n      extra  {extra:?}");
        if let Some(expected) = gold.positions.get(&question.id) {
            for (file, stance) in expected {
                positions_total += 1;
                let got = alignment
                    .positions
                    .iter()
                    .find(|p| &corpus.documents[p.doc].file == file)
                    .map(|p| p.stance.symbol());
                if got == Some(stance.as_str()) {
                    positions_right += 1;
                }
            }
        }
        per_question.push((question.id.clone(), f1));
    }
    let macro_f1 = per_question.iter().map(|(_, f)| f).sum::<f64>() / per_question.len() as f64;
    let stance_accuracy = ratio(stance_right, stance_total);
    println!(
        "  macro F1 {macro_f1:.3}; stance right on {stance_right}/{stance_total} found passages; positions right {positions_right}/{positions_total}"
    );
    Quality {
        macro_f1,
        per_question,
        stance_accuracy,
        positions_right,
        positions_total,
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

fn folder(relative: &str) -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    Corpus::from_folder(&dir, None).expect("corpus folder reads")
}

#[test]
fn default_corpus_meets_its_relevance_floor() {
    let q = measure("default", folder("seeds"));
    assert!(q.macro_f1 >= 0.70, "macro F1 {:.3} < 0.70", q.macro_f1);
    for (id, f1) in &q.per_question {
        assert!(*f1 >= 0.40, "{id}: F1 {f1:.2} < 0.40");
    }
    let _ = (q.stance_accuracy, q.positions_right, q.positions_total);
}
