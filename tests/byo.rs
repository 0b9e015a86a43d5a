//! Bring your own texts, end to end without a browser: hostile HTML imported as plain text,
//! added to the library, aligned, and exported as JSON, CSV and Markdown that read back to
//! the same content.
//!
//! `tests/data/xss-payloads.txt` holds 50 vectors from OWASP's XSS Filter Evasion Cheat Sheet
//! (cheatsheetseries.owasp.org, CC BY-SA 4.0), one per line.

#![cfg(not(target_arch = "wasm32"))]

use parallax::export;
use parallax::import::{text_from_bytes, Imported};
use parallax::library::{Library, QuestionDraft};
use parallax::report::Report;
use parallax::{Corpus, Engine, Stance};

fn payloads() -> Vec<&'static str> {
    let list = include_str!("data/xss-payloads.txt");
    let payloads: Vec<&str> = list.lines().filter(|l| !l.is_empty()).collect();
    assert!(payloads.len() >= 30, "the issue asks for at least 30");
    payloads
}

/// A page with the payload between two sentinel paragraphs, and in the title and author.
fn page_with(payload: &str) -> String {
    let attribute = payload.replace('&', "&amp;").replace('"', "&quot;");
    format!(
        "<!doctype html>\n<html><head><title>Page {payload}</title>\n\
         <meta name=\"author\" content=\"Ann {attribute}\">\n\
         <style>p {{ color: red }}</style></head>\n<body class=\"x\" onload=\"boot()\">\n\
         <p id=\"first\">Before the payload.</p>\n{payload}\n<p>After the payload.</p>\n\
         <script>document.write('<p>written</p>')</script>\n</body></html>\n"
    )
}

fn import(name: &str, page: &str) -> Imported {
    text_from_bytes(name, page.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// `<` followed by what would open a tag, comment or declaration.
fn has_markup(text: &str) -> bool {
    text.as_bytes()
        .windows(2)
        .any(|w| w[0] == b'<' && (w[1].is_ascii_alphabetic() || matches!(w[1], b'/' | b'!' | b'?')))
}

/// `on…=` as an event-handler attribute would be written (`onerror=`, `onload =`).
fn has_event_handler(text: &str) -> bool {
    let lower = text.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    (0..bytes.len().saturating_sub(2)).any(|i| {
        let starts_word = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        if !starts_word || &bytes[i..i + 2] != b"on" {
            return false;
        }
        let name_end = i
            + 2
            + bytes[i + 2..]
                .iter()
                .take_while(|b| b.is_ascii_alphabetic())
                .count();
        name_end > i + 2 && lower[name_end..].trim_start().starts_with('=')
    })
}

#[test]
fn xss_payloads_leave_no_markup_in_imported_text_titles_or_authors() {
    for (n, payload) in payloads().into_iter().enumerate() {
        let imported = import("payload.html", &page_with(payload));
        let text = &imported.text;
        let at = format!("payload {} ({payload}) gave {text:?}", n + 1);
        assert!(text.starts_with("Before the payload.\n"), "{at}");
        assert!(!has_markup(text), "{at}");
        assert!(!text.to_ascii_lowercase().contains("<script"), "{at}");
        assert!(!has_event_handler(text), "{at}");
        assert!(!text.contains("written"), "{at}");
        // `javascript:` may only survive where the payload has it as text, before any tag.
        let text_part = payload.split('<').next().unwrap_or("");
        if !text_part.to_ascii_lowercase().contains("javascript:") {
            assert!(!text.to_ascii_lowercase().contains("javascript:"), "{at}");
        }
        for field in [&imported.title, &imported.author].into_iter().flatten() {
            assert!(!has_markup(field), "{at}: {field:?}");
            assert!(
                !field.to_ascii_lowercase().contains("<script"),
                "{at}: {field:?}"
            );
        }
    }
}

#[test]
fn xss_payloads_all_in_one_page_leave_no_markup() {
    let all: String = payloads()
        .iter()
        .map(|p| format!("<p>Next.</p>{p}\n"))
        .collect();
    let page = format!("<html><body><p>Before the payload.</p>\n{all}</body></html>");
    let imported = import("all.html", &page);
    assert!(imported.text.starts_with("Before the payload.\n"));
    // Payloads that open a raw-text element and never close it (`<SCRIPT SRC=…?< B >`)
    // swallow the rest, as in a browser; the ones before them are all read.
    assert!(
        imported.text.matches("Next.").count() >= 20,
        "{:?}",
        imported.text
    );
    assert!(!has_markup(&imported.text), "{:?}", imported.text);
    assert!(!has_event_handler(&imported.text), "{:?}", imported.text);
}

#[test]
fn event_handler_check_finds_handlers_and_not_words() {
    assert!(has_event_handler("x onerror=alert(1)"));
    assert!(has_event_handler("ONLOAD = go"));
    assert!(!has_event_handler("someone = two, cotton=soft, on = off"));
}

/// A small RFC 4180 reader: quoted fields may hold commas, CRLF and doubled quotes.
fn read_csv(text: &str) -> Vec<Vec<String>> {
    let mut rows = Vec::new();
    let mut row = Vec::new();
    let mut field = String::new();
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') if field.is_empty() => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') if chars.peek() == Some(&'\n') => {
                chars.next();
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(!quoted, "unterminated quoted field");
    if !field.is_empty() || !row.is_empty() {
        row.push(field);
        rows.push(row);
    }
    rows
}

#[test]
fn csv_reader_reads_rfc4180() {
    assert_eq!(
        read_csv("a,\"b,c\",\"d\"\"e\"\r\n\"x\r\ny\",,z\r\n"),
        vec![vec!["a", "b,c", "d\"e"], vec!["x\r\ny", "", "z"]]
    );
}

/// The corpus a teacher might build: the embedded one, a hostile HTML page, a Markdown text
/// and a question of their own.
fn corpus_with_additions() -> Corpus {
    let base = Corpus::embedded();
    let mut library = Library::default();
    let payload_lines: String = payloads()
        .iter()
        .map(|p| {
            format!("<p>The alliance between the two countries, \"so-called\", grows.</p>{p}\n")
        })
        .collect();
    let page = import("hostile.html", &page_with(&payload_lines));
    library
        .add_text(
            page.title.as_deref().unwrap_or(""),
            page.author.as_deref().unwrap_or(""),
            &page.text,
        )
        .unwrap();
    let md = import(
        "notes.md",
        "---\ntitle: Notes, \"quoted\"\nauthor: =Eve\n---\n\n-5% is the *alliance* figure, say critics.\n\n@mention: sanctions, again.\n",
    );
    library
        .add_text(
            md.title.as_deref().unwrap_or(""),
            md.author.as_deref().unwrap_or(""),
            &md.text,
        )
        .unwrap();
    library
        .add_question(
            base,
            &QuestionDraft {
                title: "Sanctions, \"and\" alliances".into(),
                prompt: "Do sanctions make an alliance?".into(),
                keywords: "sanctions, alliance".into(),
                ..QuestionDraft::default()
            },
        )
        .unwrap();
    library.corpus(base)
}

fn label(corpus: &Corpus, file: &str) -> String {
    corpus
        .documents
        .iter()
        .find(|d| d.file == file)
        .map(|d| d.label.clone())
        .expect("every report file is a corpus document")
}

#[test]
fn exports_read_back_to_the_report() {
    let corpus = corpus_with_additions();
    let engine = Engine::new(corpus.clone());
    let report = Report::new(&engine);
    assert_eq!(
        report.documents.len(),
        Corpus::embedded().documents.len() + 2
    );
    let passages: usize = report.questions.iter().map(|q| q.passages.len()).sum();
    assert!(passages > 0);

    // JSON: every field of the report, read back.
    let json: serde_json::Value = serde_json::from_str(&export::to_json(&report)).unwrap();
    let docs = json["documents"].as_array().unwrap();
    assert_eq!(docs.len(), report.documents.len());
    for (d, v) in report.documents.iter().zip(docs) {
        assert_eq!(v["file"], d.file.as_str());
        assert_eq!(v["title"], d.title.as_str());
        assert_eq!(v["author"], d.author.as_str());
        assert_eq!(v["date"], d.date.as_str());
    }
    let questions = json["questions"].as_array().unwrap();
    assert_eq!(questions.len(), report.questions.len());
    for (q, v) in report.questions.iter().zip(questions) {
        assert_eq!(v["id"], q.id.as_str());
        assert_eq!(v["title"], q.title.as_str());
        let ps = v["passages"].as_array().unwrap();
        assert_eq!(ps.len(), q.passages.len());
        for (p, v) in q.passages.iter().zip(ps) {
            assert_eq!(v["file"], p.file.as_str());
            assert_eq!(v["line"], p.line);
            assert_eq!(v["score"].as_f64().unwrap() as f32, p.score);
            assert_eq!(v["stance"], p.stance.symbol());
            assert_eq!(v["cue"], p.cue.as_str());
            assert_eq!(v["text"], p.text.as_str());
        }
        let positions = v["positions"].as_array().unwrap();
        assert_eq!(positions.len(), q.positions.len());
        for (p, v) in q.positions.iter().zip(positions) {
            assert_eq!(v["file"], p.file.as_str());
            assert_eq!(v["stance"], p.stance.symbol());
            assert_eq!(v["line"], p.line);
        }
    }

    // CSV: the same rows, the formula guard applied to text cells.
    let guard = |s: &str| {
        if s.starts_with(['=', '+', '-', '@', '\t', '\r']) {
            format!("'{s}")
        } else {
            s.to_string()
        }
    };
    let rows = read_csv(&export::to_csv(&report, &corpus));
    assert_eq!(rows[0], ["question", "author", "stance", "line", "passage"]);
    let expected: Vec<Vec<String>> = report
        .questions
        .iter()
        .flat_map(|q| {
            q.passages.iter().map(|p| {
                vec![
                    guard(&q.title),
                    guard(&label(&corpus, &p.file)),
                    p.stance.word().to_string(),
                    p.line.to_string(),
                    guard(&p.text),
                ]
            })
        })
        .collect();
    assert_eq!(rows[1..], expected[..]);

    // Markdown: every question and every passage's line, and no raw `<` a renderer could
    // take for HTML.
    let md = export::to_markdown(&report, &corpus);
    for q in &report.questions {
        assert!(md.contains(&format!("\n## {}\n", export::escape_markdown(&q.title))));
        for p in &q.passages {
            let quoted = format!(
                "> **Line {}** · {}\\\n> {}\n",
                p.line,
                p.stance.word(),
                export::escape_markdown(&p.text)
            );
            assert!(md.contains(&quoted), "{quoted}");
        }
    }
    assert!(
        md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')),
        "unescaped < in the handout"
    );
}

#[test]
fn exports_round_trip_awkward_cells() {
    use parallax::report::{ReportPassage, ReportQuestion};
    let corpus = Corpus {
        documents: vec![parallax::Document::new(
            "a.txt",
            "x",
            Some("A"),
            Some("-Dash, \"Quote\""),
        )],
        questions: vec![],
    };
    let nasty = [
        "=cmd|' /C calc'!A0",
        "+1, \"two\"\nthree",
        "@SUM(1)",
        "plain",
        "مرحبا 👩\u{200D}👧 e\u{301}",
        "\ttab",
    ];
    // Made by `Report::new`, then changed: fields the report gains later need no edit here.
    let mut report = Report::new(&Engine::new(corpus.clone()));
    report.questions = vec![ReportQuestion {
        id: "q".into(),
        title: "Q, \"1\"".into(),
        passages: nasty
            .iter()
            .enumerate()
            .map(|(i, text)| ReportPassage {
                file: "a.txt".into(),
                line: i + 1,
                score: 1.0,
                stance: [Stance::Pro, Stance::Con, Stance::Neutral][i % 3],
                cue: String::new(),
                text: text.to_string(),
            })
            .collect(),
        positions: vec![],
    }];
    let rows = read_csv(&export::to_csv(&report, &corpus));
    assert_eq!(rows.len(), nasty.len() + 1);
    for (i, row) in rows[1..].iter().enumerate() {
        assert_eq!(row[0], "Q, \"1\"");
        assert_eq!(row[1], "'-Dash, \"Quote\"");
        assert_eq!(row[2], ["yes", "no", "neutral"][i % 3]);
        assert_eq!(row[3], (i + 1).to_string());
    }
    let cells: Vec<&str> = rows[1..].iter().map(|r| r[4].as_str()).collect();
    assert_eq!(
        cells,
        [
            "'=cmd|' /C calc'!A0",
            "'+1, \"two\"\nthree",
            "'@SUM(1)",
            "plain",
            "مرحبا 👩\u{200D}👧 e\u{301}",
            "'\ttab"
        ]
    );
}

/// The README's worked example must keep building: the folder reads cleanly and every one of
/// its questions finds something to compare.
#[cfg(feature = "cli")]
#[test]
fn example_corpus_reads_and_aligns() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/corpus-remote-work");
    let corpus = Corpus::from_folder(&dir, None).unwrap_or_else(|e| panic!("{e}"));
    let labels: Vec<&str> = corpus.documents.iter().map(|d| d.label.as_str()).collect();
    assert_eq!(labels, ["The planner", "The developer", "The team lead"]);
    assert_eq!(parallax::library::check_comparable(&corpus), Ok(()));
    let engine = Engine::new(corpus);
    for (q, question) in engine.corpus().questions.iter().enumerate() {
        assert!(!engine.align(q).passages.is_empty(), "{}", question.id);
    }
}
