//! Scoring the engine against hand annotations (shared by `tests/quality.rs` and
//! `examples/tune.rs`). Annotation files: `tests/annotations/<corpus>.toml`, each with the
//! guideline it follows in its header; they were written by reading the texts, not by running
//! the engine.
#![allow(dead_code)]

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::path::Path;

use parallax::stance::{judge, Judgement};
use parallax::{Corpus, Engine, Tuning};

/// (file, line) → stance symbol.
pub type Gold = BTreeMap<(String, usize), String>;

/// The annotated debates under `tests/corpora/`, each with a short label for tables: our own
/// second corpus first, then the twelve written by hands that never saw the engine.
pub const DEBATES: [(&str, &str); 13] = [
    ("car_free", "car_free"),
    ("votes_at_16", "votes"),
    ("four_day_week", "4-day"),
    ("india_us", "india"),
    ("phone_ban", "phone"),
    ("eu_autonomy", "eu"),
    ("nuclear", "nuclear"),
    ("test_optional", "tests"),
    ("rent_control", "rent"),
    ("ai_homework", "ai"),
    ("basic_income", "ubi"),
    ("short_lets", "lets"),
    ("age_checks", "ages"),
];

/// The stance of the annotated paragraph at `line` of `file` on question `question`, judged
/// directly whether the engine found it or not, with the paragraph's document; `None` when the
/// file or the line is not a paragraph of the corpus.
pub fn judge_gold(
    engine: &Engine,
    question: usize,
    file: &str,
    line: usize,
) -> Option<(usize, Judgement)> {
    let corpus = engine.corpus();
    let doc = corpus.documents.iter().position(|d| d.file == file)?;
    let paragraph = engine.paragraphs(doc).iter().find(|p| p.line == line)?;
    let text = &corpus.documents[doc].text;
    // `judge`, the stable entry point: a few hundred passages, re-reading the sides is cheap.
    Some((
        doc,
        judge(&corpus.questions[question], text, paragraph.span),
    ))
}

/// One corpus's annotations.
pub struct Annotations {
    /// Question id → the passages that address it.
    pub passages: BTreeMap<String, Gold>,
    /// Question id → file → overall stance.
    pub positions: BTreeMap<String, BTreeMap<String, String>>,
}

/// Reads `tests/annotations/<name>.toml`.
pub fn annotations(name: &str) -> Annotations {
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

/// How well the engine did on one corpus.
pub struct Quality {
    /// Mean of the per-question F1.
    pub macro_f1: f64,
    /// (question id, precision, recall, F1).
    pub per_question: Vec<(String, f64, f64, f64)>,
    /// Found passages that are in the annotations.
    pub found_right: usize,
    /// Of those, how many have the annotated stance.
    pub stance_right: usize,
    /// (question id, found passages with the annotated stance, found passages in the annotations).
    pub stance_per_question: Vec<(String, usize, usize)>,
    /// Every annotated passage (found or not) judged directly: (with the annotated stance, all).
    /// Twice the evidence of the found ones, and independent of the relevance cut-off.
    pub stance_on_gold: (usize, usize),
    /// Annotated passages that take a side (`+` or `-`: where an author states a position)
    /// the engine found, and how many there are.
    pub sided_found: (usize, usize),
    /// Annotated positions the engine got right, and how many there are.
    pub positions_right: usize,
    /// Annotated positions.
    pub positions_total: usize,
    /// (question id, file, annotated position, the engine's, or `none`).
    pub positions: Vec<(String, String, String, String)>,
    /// A readable report.
    pub report: String,
}

impl Quality {
    /// Stance accuracy on found passages.
    pub fn stance_accuracy(&self) -> f64 {
        ratio(self.stance_right, self.found_right)
    }
}

/// Aligns every question of `corpus` with `tuning` and compares with the annotations `name`.
/// `dump` adds every candidate's score to the report, gold ones starred.
pub fn measure(name: &str, corpus: Corpus, tuning: Tuning, dump: bool) -> Quality {
    let gold = annotations(name);
    let engine = Engine::with_tuning(corpus, tuning);
    let corpus = engine.corpus();
    let mut report = String::new();
    let mut per_question = Vec::new();
    let (mut found_right, mut stance_right) = (0, 0);
    let (mut positions_right, mut positions_total) = (0, 0);
    let mut stance_per_question = Vec::new();
    let mut stance_on_gold = (0, 0);
    let mut sided_found = (0, 0);
    let mut positions = Vec::new();
    let mut stance_report = String::new();
    let short = |f: &str| f.chars().take(3).collect::<String>();
    writeln!(
        report,
        "\n{name}: question             P     R     F1   (found/gold)"
    )
    .unwrap();
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
        for (key, want) in &truth {
            if want != "0" {
                sided_found.1 += 1;
                sided_found.0 += usize::from(found.contains_key(key));
            }
        }
        let mut right_here = 0;
        for key in &hits {
            found_right += 1;
            if found[*key] == truth[*key] {
                stance_right += 1;
                right_here += 1;
            }
        }
        stance_per_question.push((question.id.clone(), right_here, hits.len()));
        // Stance on every annotated passage, found or not; misses listed with their cue.
        let mut wrong = Vec::new();
        for ((file, line), want) in &truth {
            let Some((doc, j)) = judge_gold(&engine, q, file, *line) else {
                continue;
            };
            let text = &corpus.documents[doc].text;
            stance_on_gold.1 += 1;
            if j.stance.symbol() == want {
                stance_on_gold.0 += 1;
            } else {
                let found = if found.contains_key(&(file.clone(), *line)) {
                    ""
                } else {
                    " (not found)"
                };
                let cue = j.cue.map(|c| c.of(text)).unwrap_or("");
                wrong.push(format!(
                    "{}:{line} want {want} got {} {:?}{found}",
                    short(file),
                    j.stance.symbol(),
                    cue
                ));
            }
        }
        writeln!(
            stance_report,
            "  {:<22} {right_here}/{} found right; wrong on gold:",
            question.id,
            hits.len()
        )
        .unwrap();
        for w in wrong {
            writeln!(stance_report, "      {w}").unwrap();
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
        writeln!(
            report,
            "  {:<22} {precision:.2}  {recall:.2}  {f1:.2}  ({}/{})",
            question.id,
            found.len(),
            truth.len()
        )
        .unwrap();
        let missed: Vec<String> = truth
            .keys()
            .filter(|k| !found.contains_key(*k))
            .map(|(f, l)| format!("{}:{l}", short(f)))
            .collect();
        let extra: Vec<String> = found
            .keys()
            .filter(|k| !truth.contains_key(*k))
            .map(|(f, l)| format!("{}:{l}", short(f)))
            .collect();
        writeln!(report, "      missed {missed:?}\n      extra  {extra:?}").unwrap();
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
                positions.push((
                    question.id.clone(),
                    file.clone(),
                    stance.clone(),
                    got.unwrap_or("none").to_string(),
                ));
                writeln!(
                    report,
                    "      position {}: expected {stance}, got {}",
                    short(file),
                    got.unwrap_or("none")
                )
                .unwrap();
            }
        }
        if dump {
            for r in engine.relevance(q) {
                let file = &corpus.documents[r.doc].file;
                let line = engine.paragraphs(r.doc)[r.paragraph].line;
                let mark = if truth.contains_key(&(file.clone(), line)) {
                    "*"
                } else {
                    " "
                };
                writeln!(
                    report,
                    "        {mark} {:.3} {}:{line}",
                    r.score,
                    short(file)
                )
                .unwrap();
            }
        }
        per_question.push((question.id.clone(), precision, recall, f1));
    }
    let macro_f1 = per_question.iter().map(|q| q.3).sum::<f64>() / per_question.len() as f64;
    writeln!(
        report,
        "  macro F1 {macro_f1:.3}; stance right on {stance_right}/{found_right} found passages; positions right {positions_right}/{positions_total}; sided passages found {}/{} ({}%)",
        sided_found.0,
        sided_found.1,
        percent(sided_found.0, sided_found.1)
    )
    .unwrap();
    writeln!(
        report,
        "\n{name}: stance per question (found passages), and every miss on all annotated ones\n{stance_report}  stance right on {stance_right}/{found_right} found ({}%), on {}/{} annotated ({}%)",
        percent(stance_right, found_right),
        stance_on_gold.0,
        stance_on_gold.1,
        percent(stance_on_gold.0, stance_on_gold.1)
    )
    .unwrap();
    Quality {
        macro_f1,
        per_question,
        found_right,
        stance_right,
        stance_per_question,
        stance_on_gold,
        sided_found,
        positions_right,
        positions_total,
        positions,
        report,
    }
}

fn percent(a: usize, b: usize) -> usize {
    (100.0 * ratio(a, b)).round() as usize
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Reads a corpus folder relative to the crate root, with the questions of another file.
pub fn folder_with_questions(relative: &str, questions: &str) -> Corpus {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    Corpus::from_folder(&root.join(relative), Some(&root.join(questions)))
        .expect("corpus folder and questions read")
}

/// Reads a corpus folder relative to the crate root.
pub fn folder(relative: &str) -> Corpus {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join(relative);
    Corpus::from_folder(&dir, None).expect("corpus folder reads")
}

/// The best macro F1 any per-question cut-off could reach on the engine's ranking: how good the
/// ranking is, apart from the threshold.
pub fn oracle(name: &str, corpus: Corpus, tuning: Tuning) -> (f64, Vec<f64>) {
    let gold = annotations(name);
    let engine = Engine::with_tuning(corpus, tuning);
    let corpus = engine.corpus();
    let mut best = Vec::new();
    for (q, question) in corpus.questions.iter().enumerate() {
        let truth = gold.passages.get(&question.id).cloned().unwrap_or_default();
        let ranked = engine.relevance(q);
        let mut hits = 0;
        let mut top: f64 = 0.0;
        for (k, r) in ranked.iter().enumerate() {
            let file = corpus.documents[r.doc].file.clone();
            let line = engine.paragraphs(r.doc)[r.paragraph].line;
            if truth.contains_key(&(file, line)) {
                hits += 1;
            }
            let (p, rc) = (ratio(hits, k + 1), ratio(hits, truth.len()));
            if p + rc > 0.0 {
                top = top.max(2.0 * p * rc / (p + rc));
            }
        }
        best.push(top);
    }
    (best.iter().sum::<f64>() / best.len() as f64, best)
}
