//! `parallax` — the engine on the command line.
//!
//! ```text
//! parallax align <corpus-dir> [--questions <file>] [--json]
//! ```
//! Bad input exits with code 2 and one line naming the file, line and field.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use parallax::report::Report;
use parallax::{Corpus, Engine};

const USAGE: &str = "usage: parallax align <corpus-dir> [--questions <file>] [--json]";

struct Args {
    dir: PathBuf,
    questions: Option<PathBuf>,
    json: bool,
}

/// Reads the command line; every mistake is one line that ends with the usage.
fn parse_args(mut args: impl Iterator<Item = String>) -> Result<Args, String> {
    match args.next().as_deref() {
        Some("align") => {}
        Some("-h" | "--help" | "help") => return Err(USAGE.to_string()),
        Some(other) => return Err(format!("unknown command {other:?} ({USAGE})")),
        None => return Err(USAGE.to_string()),
    }
    let mut dir = None;
    let mut questions = None;
    let mut json = false;
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--json" => json = true,
            "--questions" => match args.next() {
                Some(file) if !file.starts_with("--") => questions = Some(PathBuf::from(file)),
                _ => return Err(format!("--questions needs a file ({USAGE})")),
            },
            flag if flag.starts_with('-') => {
                return Err(format!("unknown flag {flag:?} ({USAGE})"))
            }
            path if dir.is_none() => dir = Some(PathBuf::from(path)),
            extra => return Err(format!("unexpected argument {extra:?} ({USAGE})")),
        }
    }
    Ok(Args {
        dir: dir.ok_or_else(|| format!("the corpus folder is missing ({USAGE})"))?,
        questions,
        json,
    })
}

fn run() -> Result<String, String> {
    let args = parse_args(std::env::args().skip(1))?;
    let corpus =
        Corpus::from_folder(&args.dir, args.questions.as_deref()).map_err(|e| e.to_string())?;
    if corpus.questions.is_empty() {
        return Err(format!(
            "{}: no questions.toml in the folder; name one with --questions",
            args.dir.display()
        ));
    }
    let engine = Engine::new(corpus);
    let report = Report::new(&engine);
    Ok(if args.json {
        let mut json = serde_json::to_string_pretty(&report)
            .map_err(|e| format!("cannot write the report as JSON ({e})"))?;
        json.push('\n');
        json
    } else {
        report.table()
    })
}

fn main() -> ExitCode {
    match run() {
        Ok(output) => {
            // A closed pipe (`parallax … | head`) is not an error worth a message.
            let _ = std::io::stdout().lock().write_all(output.as_bytes());
            ExitCode::SUCCESS
        }
        Err(message) => {
            let line = message.replace('\n', " ");
            eprintln!("parallax: {line}");
            ExitCode::from(2)
        }
    }
}
