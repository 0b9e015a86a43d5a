//! Engine timings: `Engine::new` plus `align` of every question (and `closest` for every
//! passage), on the default corpus and on generated corpora of 50, 100 and 200 documents of
//! ~40 paragraphs each, with peak memory. Run by `scripts/bench/engine.sh`:
//! `cargo run --release --example bench`.
//!
//! Each generated size runs in a child process (this same binary with `--size N`) so that the
//! peak resident memory (`VmHWM` in `/proc/self/status`) belongs to that size alone.

use std::time::{Duration, Instant};

use parallax::{Corpus, Document, Engine, Kind};

const PARAGRAPHS_PER_DOC: usize = 40;

/// A deterministic corpus of `docs` documents built from the default corpus's own words, with
/// its questions: same vocabulary and term statistics, any size.
fn generated(docs: usize) -> Corpus {
    let seed = Corpus::embedded();
    let engine = Engine::new(seed.clone());
    let mut words: Vec<&str> = Vec::new();
    for (d, doc) in seed.documents.iter().enumerate() {
        for p in engine.paragraphs(d).iter().filter(|p| p.kind == Kind::Body) {
            words.extend(p.span.of(&doc.text).split_whitespace());
        }
    }
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move |n: usize| {
        // xorshift64*: small, fast and the same on every machine.
        state ^= state >> 12;
        state ^= state << 25;
        state ^= state >> 27;
        (state.wrapping_mul(0x2545_F491_4F6C_DD1D) >> 33) as usize % n
    };
    let documents = (0..docs)
        .map(|d| {
            let mut text = format!("Generated document {d}\n\n");
            for _ in 0..PARAGRAPHS_PER_DOC {
                for _ in 0..3 + next(3) {
                    let start = next(words.len().saturating_sub(25).max(1));
                    let len = 12 + next(12);
                    let sentence = words[start..(start + len).min(words.len())].join(" ");
                    text.push_str(sentence.trim_end_matches(['.', ',', ';', ':']));
                    text.push_str(". ");
                }
                text.push_str("\n\n");
            }
            Document::new(format!("{d:03}.txt"), text, None, None)
        })
        .collect();
    Corpus {
        documents,
        questions: seed.questions.clone(),
    }
}

/// Engine::new alone, then with align of every question; then closest for every passage.
/// Best of `runs`.
fn time(corpus: &Corpus, runs: usize) -> (Duration, Duration, Duration, usize) {
    let mut best = (Duration::MAX, Duration::MAX, Duration::MAX, 0);
    // The number of closest() calls: one per passage of every question.
    for _ in 0..runs {
        let start = Instant::now();
        let engine = Engine::new(corpus.clone());
        let built = start.elapsed();
        let alignments: Vec<_> = (0..corpus.questions.len())
            .map(|q| engine.align(q))
            .collect();
        let aligned = start.elapsed();
        let start = Instant::now();
        let mut calls = 0;
        for a in &alignments {
            for p in &a.passages {
                calls += 1;
                std::hint::black_box(engine.closest(a, p));
            }
        }
        let closest = start.elapsed();
        best = (
            best.0.min(built),
            best.1.min(aligned),
            best.2.min(closest),
            calls,
        );
    }
    best
}

fn peak_memory_kib() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(n) = args
        .iter()
        .position(|a| a == "--size")
        .and_then(|i| args.get(i + 1))
    {
        let docs: usize = n.parse().expect("--size takes a number");
        let corpus = generated(docs);
        let paragraphs = docs * PARAGRAPHS_PER_DOC;
        let (built, aligned, closest, calls) = time(&corpus, 3);
        let memory = peak_memory_kib().map_or("n/a".to_string(), |k| {
            format!("{:.1} MiB", k as f64 / 1024.0)
        });
        println!(
            "{docs:>4} documents ({paragraphs} paragraphs): new + align all questions {:>10} (new {}); closest {} per passage ({calls} calls); peak memory {memory}",
            ms(aligned),
            ms(built),
            ms(closest / calls.max(1) as u32)
        );
        return;
    }
    let corpus = Corpus::embedded().clone();
    let (built, aligned, closest, calls) = time(&corpus, 50);
    println!(
        "default corpus ({} documents, {} questions): new + align all questions {} (new {}); closest for every passage of every question {} ({calls} calls); peak memory {}",
        corpus.documents.len(),
        corpus.questions.len(),
        ms(aligned),
        ms(built),
        ms(closest),
        peak_memory_kib().map_or("n/a".to_string(), |k| format!("{:.1} MiB", k as f64 / 1024.0)),
    );
    let me = std::env::current_exe().expect("own path");
    for docs in [50, 100, 200] {
        let out = std::process::Command::new(&me)
            .args(["--size", &docs.to_string()])
            .output()
            .expect("child bench runs");
        print!("{}", String::from_utf8_lossy(&out.stdout));
        if !out.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}
