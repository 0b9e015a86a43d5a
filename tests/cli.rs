//! The `parallax` binary as a script sees it: the JSON contract on the default corpus, the
//! table, and for each class of bad input exit code 2 with one line naming what is wrong.
#![cfg(not(target_arch = "wasm32"))]

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn parallax(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_parallax"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("the binary runs")
}

/// A fresh folder under cargo's scratch space for integration tests.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(format!("cli-{name}"));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const PROSE: &str = "The two countries signed a long agreement on trade and energy last year.\n";
const QUESTIONS: &str =
    "[[question]]\nid = \"trade\"\ntitle = \"Trade\"\nprompt = \"What about trade and energy?\"\n";

/// Exit code 2, nothing on stdout, exactly one line on stderr; returns that line.
fn refused(output: &Output) -> String {
    let stderr = String::from_utf8_lossy(&output.stderr).to_string();
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty());
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr.trim_end().to_string()
}

#[test]
fn json_follows_the_contract_on_the_default_corpus() {
    let out = parallax(&["align", "seeds", "--json"]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("valid JSON");
    let documents = json["documents"].as_array().unwrap();
    assert_eq!(documents.len(), 4);
    for d in documents {
        for field in ["file", "title", "author", "date"] {
            assert!(d[field].is_string(), "document.{field}");
        }
    }
    let questions = json["questions"].as_array().unwrap();
    let ids: Vec<&str> = questions
        .iter()
        .map(|q| q["id"].as_str().unwrap())
        .collect();
    assert_eq!(
        ids,
        [
            "alliance",
            "us_pressure",
            "asymmetry",
            "energy",
            "diplomatic_backing",
            "world_order",
            "trajectory"
        ]
    );
    for q in questions {
        assert!(q["title"].is_string());
        let passages = q["passages"].as_array().unwrap();
        assert!(!passages.is_empty(), "{} has passages", q["id"]);
        for p in passages {
            let file = p["file"].as_str().unwrap();
            let line = p["line"].as_u64().unwrap() as usize;
            let score = p["score"].as_f64().unwrap();
            assert!((0.0..=1.0).contains(&score));
            assert!(["+", "-", "0"].contains(&p["stance"].as_str().unwrap()));
            assert!(p["cue"].is_string());
            // `line` is the 1-based line of the source file and `text` is that line.
            let source = std::fs::read_to_string(Path::new("seeds").join(file)).unwrap();
            let at_line = source.lines().nth(line - 1).unwrap().trim();
            assert_eq!(p["text"].as_str().unwrap(), at_line);
        }
        for position in q["positions"].as_array().unwrap() {
            let file = position["file"].as_str().unwrap();
            let line = position["line"].as_u64().unwrap();
            assert!(["+", "-", "0"].contains(&position["stance"].as_str().unwrap()));
            assert!(
                passages
                    .iter()
                    .any(|p| p["file"] == file && p["line"] == line),
                "a position's line is one of its author's passages"
            );
        }
    }
}

#[test]
fn table_names_documents_by_label() {
    let out = parallax(&["align", "seeds"]);
    assert!(out.status.success());
    let table = String::from_utf8(out.stdout).unwrap();
    assert!(table.contains("alliance — Alliance or not?"));
    assert!(
        table.contains("Eurasia Daily Monitor"),
        "label, not the unstated author"
    );
    assert!(!table.contains("not stated in the text"));
}

#[test]
fn questions_flag_replaces_the_folders_questions() {
    let dir = scratch("questions-flag");
    let file = dir.join("mine.toml");
    std::fs::write(&file, QUESTIONS).unwrap();
    let out = parallax(&[
        "align",
        "seeds",
        "--questions",
        file.to_str().unwrap(),
        "--json",
    ]);
    assert!(out.status.success());
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["questions"].as_array().unwrap().len(), 1);
    assert_eq!(json["questions"][0]["id"], "trade");
}

#[test]
fn missing_folder_is_refused() {
    let line = refused(&parallax(&["align", "no/such/folder", "--json"]));
    assert!(line.contains("no/such/folder"), "{line}");
}

#[test]
fn folder_without_txt_is_refused() {
    let dir = scratch("no-txt");
    std::fs::write(dir.join("notes.md"), "hello").unwrap();
    let line = refused(&parallax(&["align", dir.to_str().unwrap()]));
    assert!(line.contains("no .txt"), "{line}");
}

#[test]
fn invalid_utf8_names_file_and_line() {
    let dir = scratch("bad-utf8");
    std::fs::write(dir.join("a.txt"), b"Title\n\nfine line\nbad \xff byte\n").unwrap();
    std::fs::write(dir.join("questions.toml"), QUESTIONS).unwrap();
    let line = refused(&parallax(&["align", dir.to_str().unwrap(), "--json"]));
    assert!(line.contains("a.txt line 4"), "{line}");
    assert!(line.contains("UTF-8"), "{line}");
}

#[test]
fn malformed_questions_toml_names_file_and_line() {
    let dir = scratch("bad-toml");
    std::fs::write(dir.join("a.txt"), PROSE).unwrap();
    std::fs::write(
        dir.join("questions.toml"),
        "[[question]]\nid = \"a\"\ntitle = \"T\nprompt = \"P\"\n",
    )
    .unwrap();
    let line = refused(&parallax(&["align", dir.to_str().unwrap()]));
    assert!(line.contains("questions.toml line 3"), "{line}");
}

#[test]
fn missing_required_field_is_named() {
    let dir = scratch("missing-field");
    std::fs::write(dir.join("a.txt"), PROSE).unwrap();
    std::fs::write(
        dir.join("questions.toml"),
        "\n[[question]]\nid = \"a\"\ntitle = \"T\"\n",
    )
    .unwrap();
    let line = refused(&parallax(&["align", dir.to_str().unwrap()]));
    assert!(line.contains("questions.toml line 2"), "{line}");
    assert!(line.contains("prompt"), "{line}");
}

#[test]
fn malformed_corpus_toml_names_file_and_line() {
    let dir = scratch("bad-corpus-toml");
    std::fs::write(dir.join("a.txt"), PROSE).unwrap();
    std::fs::write(dir.join("questions.toml"), QUESTIONS).unwrap();
    std::fs::write(
        dir.join("corpus.toml"),
        "[[document]]\nfile = \"a.txt\"\ndate = \"soon\"\n",
    )
    .unwrap();
    let line = refused(&parallax(&["align", dir.to_str().unwrap()]));
    assert!(line.contains("corpus.toml line 1"), "{line}");
    assert!(line.contains("date"), "{line}");
}

#[test]
fn unknown_flag_is_refused() {
    let line = refused(&parallax(&["align", "seeds", "--jsn"]));
    assert!(line.contains("--jsn"), "{line}");
    assert!(line.contains("usage"), "{line}");
}

#[test]
fn missing_questions_file_is_named() {
    let line = refused(&parallax(&[
        "align",
        "seeds",
        "--questions",
        "nowhere.toml",
    ]));
    assert!(line.contains("nowhere.toml"), "{line}");
}

#[test]
fn questions_flag_without_a_file_is_refused() {
    refused(&parallax(&["align", "seeds", "--questions"]));
}

#[test]
fn folder_without_questions_is_refused() {
    let dir = scratch("no-questions");
    std::fs::write(dir.join("a.txt"), PROSE).unwrap();
    let line = refused(&parallax(&["align", dir.to_str().unwrap()]));
    assert!(line.contains("--questions"), "{line}");
}

#[test]
fn no_command_prints_usage_and_fails() {
    let line = refused(&parallax(&[]));
    assert!(line.contains("usage"), "{line}");
}
