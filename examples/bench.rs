//! Engine timings: `Engine::new`, then `align` of the first question (the widget's first
//! render), then of every question, then `closest` per passage, on the default corpus and on
//! generated corpora of 50, 100 and 200 documents of ~40 paragraphs each, with peak memory and
//! how new + align grows with the corpus. Run by `scripts/bench/engine.sh`:
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

/// The timings of one corpus, each the best of several runs.
struct Timings {
    /// `Engine::new`.
    new: Duration,
    /// `Engine::new` + `align` of the first question: what the widget does before its first
    /// render.
    first: Duration,
    /// `Engine::new` + `align` of every question.
    all: Duration,
    /// `closest` per call, over `calls` passages.
    closest: Duration,
    calls: usize,
}

/// Times `corpus`, best of `runs`. `closest` is called for every `every`-th passage of every
/// question (1: all of them; a large corpus has thousands, each compared with every other
/// author's).
fn time(corpus: &Corpus, runs: usize, every: usize) -> Timings {
    let mut best = Timings {
        new: Duration::MAX,
        first: Duration::MAX,
        all: Duration::MAX,
        closest: Duration::MAX,
        calls: 0,
    };
    for _ in 0..runs {
        let start = Instant::now();
        let engine = Engine::new(corpus.clone());
        let built = start.elapsed();
        let mut alignments = vec![engine.align(0)];
        let first = start.elapsed();
        alignments.extend((1..corpus.questions.len()).map(|q| engine.align(q)));
        let all = start.elapsed();
        let start = Instant::now();
        let mut calls = 0;
        for a in &alignments {
            for p in a.passages.iter().step_by(every) {
                calls += 1;
                std::hint::black_box(engine.closest(a, p));
            }
        }
        let closest = start.elapsed() / calls.max(1) as u32;
        best = Timings {
            new: best.new.min(built),
            first: best.first.min(first),
            all: best.all.min(all),
            closest: best.closest.min(closest),
            calls,
        };
    }
    best
}

fn peak_memory() -> String {
    let kib = std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|status| {
            let line = status
                .lines()
                .find(|l| l.starts_with("VmHWM:"))?
                .to_string();
            line.split_whitespace().nth(1)?.parse::<u64>().ok()
        });
    kib.map_or("n/a".to_string(), |k| {
        format!("{:.1} MiB", k as f64 / 1024.0)
    })
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

/// What a generated corpus's child process prints last, for the parent's growth line.
const ALL_MS: &str = "all-ms ";

/// One pass over the default corpus, untimed, for counting instructions with callgrind
/// (`scripts/bench/engine.sh` does): `first` is Engine::new + align of the first question,
/// `all` adds the other questions, `closest` adds closest for every passage. Wall times on a
/// shared machine swing with its load; instruction counts do not. With `docs`, on a generated
/// corpus of that many documents instead.
fn once(what: &str, docs: Option<usize>) {
    let corpus = docs.map_or_else(|| Corpus::embedded().clone(), generated);
    let engine = Engine::new(corpus);
    let questions = if what == "first" {
        1
    } else {
        engine.corpus().questions.len()
    };
    for q in 0..questions {
        let alignment = std::hint::black_box(engine.align(q));
        if what == "closest" {
            for p in &alignment.passages {
                std::hint::black_box(engine.closest(&alignment, p));
            }
        }
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(what) = args
        .iter()
        .position(|a| a == "--once")
        .and_then(|i| args.get(i + 1))
    {
        let docs = args
            .iter()
            .position(|a| a == "--docs")
            .and_then(|i| args.get(i + 1))
            .map(|n| n.parse().expect("--docs takes a number"));
        once(what, docs);
        return;
    }
    if let Some(n) = args
        .iter()
        .position(|a| a == "--size")
        .and_then(|i| args.get(i + 1))
    {
        let docs: usize = n.parse().expect("--size takes a number");
        let corpus = generated(docs);
        let paragraphs = docs * PARAGRAPHS_PER_DOC;
        // About 200 closest() calls whatever the size.
        let every = (docs / 7).max(1);
        let t = time(&corpus, 3, every);
        println!(
            "{docs:>4} documents ({paragraphs} paragraphs): new + align all questions {:>10} (new {}, new + align first question {}); closest {} per passage ({} calls, every {every}th passage); peak memory {}",
            ms(t.all),
            ms(t.new),
            ms(t.first),
            ms(t.closest),
            t.calls,
            peak_memory()
        );
        println!("{ALL_MS}{}", t.all.as_secs_f64() * 1000.0);
        return;
    }
    let corpus = Corpus::embedded().clone();
    let t = time(&corpus, 50, 1);
    println!(
        "default corpus ({} documents, {} questions): new + align all questions {} (new {}, new + align first question {}); closest {} per passage, {} for all {} passages; peak memory {}",
        corpus.documents.len(),
        corpus.questions.len(),
        ms(t.all),
        ms(t.new),
        ms(t.first),
        ms(t.closest),
        ms(t.closest * t.calls as u32),
        t.calls,
        peak_memory(),
    );
    let me = std::env::current_exe().expect("own path");
    let mut previous: Option<(usize, f64)> = None;
    for docs in [50, 100, 200] {
        let out = std::process::Command::new(&me)
            .args(["--size", &docs.to_string()])
            .output()
            .expect("child bench runs");
        let stdout = String::from_utf8_lossy(&out.stdout);
        for line in stdout.lines() {
            match line
                .strip_prefix(ALL_MS)
                .and_then(|v| v.parse::<f64>().ok())
            {
                Some(all) => {
                    if let Some((before, before_ms)) = previous {
                        println!(
                            "     growth {before} -> {docs} documents (x{:.1}): new + align all x{:.2}",
                            docs as f64 / before as f64,
                            all / before_ms
                        );
                    }
                    previous = Some((docs, all));
                }
                None => println!("{line}"),
            }
        }
        if !out.status.success() {
            eprintln!("{}", String::from_utf8_lossy(&out.stderr));
        }
    }
}
