//! `parallax` — the engine on the command line.
//!
//! ```text
//! parallax align <corpus-dir> [--questions <file>] [--json]
//! ```
//! Bad input exits with code 2 and one line naming the file, line and field.

use std::path::PathBuf;
use std::process::ExitCode;

use parallax::{Corpus, Engine};

const USAGE: &str = "usage: parallax align <corpus-dir> [--questions <file>] [--json]";

struct Args {
    dir: PathBuf,
    questions: Option<PathBuf>,
    json: bool,
}

fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("align") => {}
        Some(other) => return Err(format!("unknown command {other:?}\n{USAGE}")),
        None => return Err(USAGE.to_string()),
    }
    let mut dir = None;
    let mut questions = None;
    let mut json = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--questions" => {
                let file = args.next().ok_or("--questions needs a file")?;
                questions = Some(PathBuf::from(file));
            }
            flag if flag.starts_with('-') => return Err(format!("unknown flag {flag:?}\n{USAGE}")),
            path if dir.is_none() => dir = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument {extra:?}\n{USAGE}")),
        }
    }
    Ok(Args {
        dir: dir.ok_or(USAGE)?,
        questions,
        json,
    })
}

fn main() -> ExitCode {
    let args = match parse_args(std::env::args().skip(1)) {
        Ok(args) => args,
        Err(message) => {
            eprintln!("parallax: {message}");
            return ExitCode::from(2);
        }
    };
    let corpus = match Corpus::from_folder(&args.dir, args.questions.as_deref()) {
        Ok(corpus) => corpus,
        Err(e) => {
            eprintln!("parallax: {e}");
            return ExitCode::from(2);
        }
    };
    if corpus.questions.is_empty() {
        eprintln!(
            "parallax: {}: no questions.toml in the folder; name one with --questions",
            args.dir.display()
        );
        return ExitCode::from(2);
    }
    let engine = Engine::new(corpus);
    let report = parallax::report::Report::new(&engine);
    if args.json {
        println!(
            "{}",
            serde_json::to_string_pretty(&report).expect("the report serialises")
        );
    } else {
        print!("{}", report.table());
    }
    ExitCode::SUCCESS
}
