//! The current comparison, exported: a Markdown handout, a CSV table, and the JSON of
//! `parallax align --json`.
//!
//! All three start from a [`Report`]. The Markdown and CSV name each author by the column
//! label the widget shows ([`Document::label`](crate::corpus::Document::label)), which the
//! report does not carry, so they take the [`Corpus`] the report was made from as well.
//!
//! Text from the documents is data here, never markup: the handout escapes Markdown syntax
//! (so a passage holding `<script>` or `[x](javascript:…)` renders as those characters), and
//! the CSV guards cells against spreadsheet formula injection.

use crate::corpus::Corpus;
use crate::library::json::Writer;
use crate::report::{Report, ReportPassage};
use crate::stance::Stance;

/// The report as `parallax align --json` prints it: the same bytes as `serde_json`'s pretty
/// printer on the derived schema (tested), written by hand so that the wasm carries neither
/// serde_json's serializer nor its float printing (~17 KB).
pub fn to_json(report: &Report) -> String {
    let mut w = Writer::new(true);
    w.open('{');
    w.key("documents");
    w.open('[');
    for d in &report.documents {
        w.open('{');
        for (key, value) in [
            ("file", &d.file),
            ("title", &d.title),
            ("author", &d.author),
            ("date", &d.date),
        ] {
            w.key(key);
            w.string(value);
        }
        w.close('}');
    }
    w.close(']');
    w.key("questions");
    w.open('[');
    for q in &report.questions {
        w.open('{');
        w.key("id");
        w.string(&q.id);
        w.key("title");
        w.string(&q.title);
        w.key("passages");
        w.open('[');
        for p in &q.passages {
            w.open('{');
            w.key("file");
            w.string(&p.file);
            w.key("line");
            w.number(p.line as u64);
            w.key("score");
            if p.score.is_finite() {
                w.hundredths((p.score * 100.0).round() as i64);
            } else {
                w.raw("null");
            }
            w.key("stance");
            w.string(p.stance.symbol());
            w.key("cue");
            w.string(&p.cue);
            w.key("text");
            w.string(&p.text);
            w.close('}');
        }
        w.close(']');
        w.key("positions");
        w.open('[');
        for p in &q.positions {
            w.open('{');
            w.key("file");
            w.string(&p.file);
            w.key("stance");
            w.string(p.stance.symbol());
            w.key("line");
            w.number(p.line as u64);
            w.close('}');
        }
        w.close(']');
        w.close('}');
    }
    w.close(']');
    w.close('}');
    w.finish()
}

/// The name to show for the document `file`: its label in `corpus`, else the report's author,
/// else the file name.
fn author_of<'a>(report: &'a Report, corpus: &'a Corpus, file: &'a str) -> &'a str {
    if let Some(doc) = corpus.documents.iter().find(|d| d.file == file) {
        return &doc.label;
    }
    report
        .documents
        .iter()
        .find(|d| d.file == file)
        .map_or(file, |d| d.author.as_str())
}

/// Stance for people: `yes (+)`, `no (-)`, `neutral (0)`.
fn stance_label(stance: Stance) -> String {
    format!("{} ({})", stance.word(), stance.symbol())
}

/// A handout: the texts compared, then per question its title and prompt, what each side
/// means, and per author the position taken and every passage quoted with its line number.
///
/// ```
/// use parallax::{export, report::Report, Corpus, Engine};
/// let engine = Engine::new(Corpus::embedded().clone());
/// let handout = export::to_markdown(&Report::new(&engine), engine.corpus());
/// assert!(handout.starts_with("# "));
/// ```
pub fn to_markdown(report: &Report, corpus: &Corpus) -> String {
    let mut out = String::new();
    out.push_str(&format!(
        "# How {} texts answer {} questions\n\n",
        report.documents.len(),
        report.questions.len()
    ));
    out.push_str("## The texts\n\n");
    for doc in &report.documents {
        out.push_str(&format!(
            "- **{}**: *{}*",
            escape_markdown(author_of(report, corpus, &doc.file)),
            escape_markdown(&doc.title)
        ));
        let named = corpus
            .documents
            .iter()
            .find(|d| d.file == doc.file)
            .is_some_and(|d| d.has_author() && d.author != d.label);
        if named {
            out.push_str(&format!(", by {}", escape_markdown(&doc.author)));
        }
        if !doc.date.is_empty() {
            out.push_str(&format!(" ({})", escape_markdown(&doc.date)));
        }
        out.push('\n');
    }
    for q in &report.questions {
        out.push_str(&format!("\n## {}\n\n", escape_markdown(&q.title)));
        let question = corpus.questions.iter().find(|c| c.id == q.id);
        if let Some(question) = question {
            out.push_str(&format!("*{}*\n\n", escape_markdown(&question.prompt)));
            for (stance, side) in [(Stance::Pro, &question.pro), (Stance::Con, &question.con)] {
                if let Some(side) = side {
                    out.push_str(&format!(
                        "- {} means: {}\n",
                        stance_label(stance),
                        escape_markdown(side)
                    ));
                }
            }
            if question.has_sides() {
                out.push('\n');
            }
        }
        for doc in &report.documents {
            let author = escape_markdown(author_of(report, corpus, &doc.file));
            let passages: Vec<&ReportPassage> =
                q.passages.iter().filter(|p| p.file == doc.file).collect();
            match q.positions.iter().find(|p| p.file == doc.file) {
                Some(position) => out.push_str(&format!(
                    "### {author}: {}\n\n",
                    stance_label(position.stance)
                )),
                None => out.push_str(&format!("### {author}\n\n")),
            }
            if passages.is_empty() {
                out.push_str("No passage on this question.\n\n");
            }
            for p in passages {
                out.push_str(&format!(
                    "> **Line {}** · {}\\\n> {}\n\n",
                    p.line,
                    p.stance.word(),
                    escape_markdown(&p.text)
                ));
            }
        }
    }
    out
}

/// Backslash-escapes what Markdown would read as syntax — emphasis, code, links, raw HTML,
/// entities, tables — and what would start a list or heading, so the text renders as written.
pub fn escape_markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    for line in text.lines() {
        if !out.is_empty() {
            out.push(' ');
        }
        let trimmed = line.trim_start();
        let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
        for (i, c) in trimmed.char_indices() {
            let starts_block = (i == 0 && matches!(c, '-' | '+' | '='))
                || (i == digits && digits > 0 && matches!(c, '.' | ')'));
            if starts_block
                || matches!(
                    c,
                    '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '~' | '&'
                )
            {
                out.push('\\');
            }
            out.push(c);
        }
    }
    out
}

/// `question,author,stance,line,passage`, one row per passage, RFC 4180: comma-separated,
/// CRLF line ends, a field with a comma, quote or line break in quotes, quotes doubled.
///
/// `question` is the question's title, `author` the column label the widget shows, `stance`
/// the badge word (`yes`, `no`, `neutral`) rather than the JSON's `+`/`-`/`0`: a cell that is
/// a bare `-` or `+` reads as the start of a formula in spreadsheets, and a word needs no
/// exception to the guard below. Every text cell starting with `=`, `+`, `-`, `@`, a tab or a
/// carriage return gets a leading `'` (OWASP's advice against formula injection), so a
/// passage opening "-5% growth" reads `'-5% growth`.
pub fn to_csv(report: &Report, corpus: &Corpus) -> String {
    let mut out = String::from("question,author,stance,line,passage\r\n");
    for q in &report.questions {
        for p in &q.passages {
            let line = p.line.to_string();
            let fields = [
                q.title.as_str(),
                author_of(report, corpus, &p.file),
                p.stance.word(),
                line.as_str(),
                p.text.as_str(),
            ];
            for (i, field) in fields.into_iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                out.push_str(&csv_field(field));
            }
            out.push_str("\r\n");
        }
    }
    out
}

/// One CSV cell: guarded against formula injection, then quoted if it needs to be.
pub fn csv_field(value: &str) -> String {
    let guarded;
    let value = if value.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        guarded = format!("'{value}");
        guarded.as_str()
    } else {
        value
    };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;
    use crate::question::Question;
    use crate::report::{ReportDocument, ReportPosition, ReportQuestion};

    fn corpus() -> Corpus {
        let mut ann = Document::new("a.txt", "x", Some("Alpha, a Study"), Some("Ann Lee"));
        ann.label = "Ann".into();
        Corpus {
            documents: vec![
                ann,
                Document::new("b.txt", "y", Some("Beta"), None),
                Document::new("c.txt", "z", Some("Gamma"), Some("Cy")),
            ],
            questions: vec![Question {
                id: "office".into(),
                title: "Back to the office?".into(),
                prompt: "Should people return to the office?".into(),
                keywords: vec![],
                pro: Some("Yes, mostly.".into()),
                con: Some("No, stay remote.".into()),
            }],
        }
    }

    fn passage(file: &str, line: usize, stance: Stance, text: &str) -> ReportPassage {
        ReportPassage {
            file: file.into(),
            line,
            score: 0.5,
            stance,
            cue: String::new(),
            text: text.into(),
        }
    }

    /// A report on [`corpus`] with passages chosen by hand. Built through `Report::new` and
    /// then changed, so fields the report gains later need no edit here.
    fn report() -> Report {
        let mut report = Report::new(&crate::Engine::new(corpus()));
        report.documents[0].date = "2024-02".into();
        report.questions = vec![ReportQuestion {
            id: "office".into(),
            title: "Back to the office?".into(),
            passages: vec![
                passage("a.txt", 3, Stance::Pro, "Offices build trust, \"slowly\"."),
                passage("a.txt", 7, Stance::Neutral, "=HYPERLINK(\"x\")"),
                passage("b.txt", 2, Stance::Con, "-5% output, <script>x</script>"),
            ],
            positions: vec![
                ReportPosition {
                    file: "a.txt".into(),
                    stance: Stance::Pro,
                    line: 3,
                },
                ReportPosition {
                    file: "b.txt".into(),
                    stance: Stance::Con,
                    line: 2,
                },
            ],
        }];
        report
    }

    #[test]
    fn csv_has_the_header_and_one_row_per_passage() {
        let csv = to_csv(&report(), &corpus());
        let expected = "question,author,stance,line,passage\r\n\
            Back to the office?,Ann,yes,3,\"Offices build trust, \"\"slowly\"\".\"\r\n\
            Back to the office?,Ann,neutral,7,\"'=HYPERLINK(\"\"x\"\")\"\r\n\
            Back to the office?,Beta,no,2,\"'-5% output, <script>x</script>\"\r\n";
        assert_eq!(csv, expected);
    }

    #[test]
    fn csv_fields_are_quoted_only_when_needed() {
        assert_eq!(csv_field("plain text"), "plain text");
        assert_eq!(csv_field("a,b"), "\"a,b\"");
        assert_eq!(csv_field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(csv_field("two\nlines"), "\"two\nlines\"");
        assert_eq!(csv_field("cr\r"), "\"cr\r\"");
        assert_eq!(csv_field("مرحبا 👩\u{200D}👧"), "مرحبا 👩\u{200D}👧");
    }

    #[test]
    fn csv_guards_cells_that_would_start_a_formula() {
        for (cell, guarded) in [
            ("=1+2", "'=1+2"),
            ("+1", "'+1"),
            ("-1", "'-1"),
            ("@SUM(A1)", "'@SUM(A1)"),
            ("\tx", "'\tx"),
            ("a=b", "a=b"),
            ("'quoted", "'quoted"),
        ] {
            assert_eq!(csv_field(cell), guarded, "{cell:?}");
        }
        assert_eq!(csv_field("\rx"), "\"'\rx\"");
    }

    #[test]
    fn csv_stance_is_a_word_not_a_sign() {
        let csv = to_csv(&report(), &corpus());
        for row in csv.lines().skip(1) {
            let stance = row.split(',').nth(2).unwrap();
            assert!(["yes", "no", "neutral"].contains(&stance), "{row}");
        }
    }

    #[test]
    fn markdown_handout_lists_texts_question_sides_positions_and_passages() {
        let md = to_markdown(&report(), &corpus());
        let expected = "# How 3 texts answer 1 questions\n\n\
## The texts\n\n\
- **Ann**: *Alpha, a Study*, by Ann Lee (2024-02)\n\
- **Beta**: *Beta*\n\
- **Cy**: *Gamma*\n\
\n## Back to the office?\n\n\
*Should people return to the office?*\n\n\
- yes (+) means: Yes, mostly.\n\
- no (-) means: No, stay remote.\n\n\
### Ann: yes (+)\n\n\
> **Line 3** · yes\\\n> Offices build trust, \"slowly\".\n\n\
> **Line 7** · neutral\\\n> \\=HYPERLINK(\"x\")\n\n\
### Beta: no (-)\n\n\
> **Line 2** · no\\\n> \\-5% output, \\<script\\>x\\</script\\>\n\n\
### Cy\n\n\
No passage on this question.\n\n";
        assert_eq!(md, expected);
    }

    #[test]
    fn markdown_escapes_syntax_in_text() {
        assert_eq!(
            escape_markdown("[x](javascript:alert(1)) *b* _i_ `c` # h | t &amp; <img>"),
            "\\[x\\](javascript:alert(1)) \\*b\\* \\_i\\_ \\`c\\` \\# h \\| t \\&amp; \\<img\\>"
        );
        assert_eq!(escape_markdown("- item"), "\\- item");
        assert_eq!(escape_markdown("1. first"), "1\\. first");
        assert_eq!(escape_markdown("U.S.-China 3.5"), "U.S.-China 3.5");
        assert_eq!(escape_markdown("two\nlines"), "two lines");
    }

    #[test]
    fn json_is_the_report_itself() {
        let report = report();
        let json = to_json(&report);
        let value: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(value["questions"][0]["passages"][2]["stance"], "-");
        assert_eq!(value["documents"][0]["date"], "2024-02");
        assert_eq!(json, serde_json::to_string_pretty(&report).unwrap());
    }

    #[test]
    fn json_of_the_embedded_corpus_is_what_serde_json_writes() {
        let report = Report::new(&crate::Engine::new(crate::Corpus::embedded().clone()));
        assert_eq!(
            to_json(&report),
            serde_json::to_string_pretty(&report).unwrap()
        );
    }

    #[test]
    fn scores_print_as_serde_json_prints_the_f32() {
        let mut report = report();
        let mut empty = report.clone();
        empty.documents.clear();
        empty.questions[0].passages.clear();
        empty.questions[0].positions.clear();
        assert_eq!(
            to_json(&empty),
            serde_json::to_string_pretty(&empty).unwrap()
        );
        for n in -3..=100 {
            report.questions[0].passages[0].score = (n as f32 / 100.0 * 100.0).round() / 100.0;
            assert_eq!(
                to_json(&report),
                serde_json::to_string_pretty(&report).unwrap(),
                "{n}"
            );
        }
        report.questions[0].passages[0].score = f32::NAN;
        assert_eq!(
            to_json(&report),
            serde_json::to_string_pretty(&report).unwrap()
        );
    }

    #[test]
    fn unknown_file_falls_back_to_report_author() {
        let mut report = report();
        report.documents.push(ReportDocument {
            file: "gone.txt".into(),
            title: "Gone".into(),
            author: "Someone".into(),
            date: String::new(),
        });
        report.questions[0]
            .passages
            .push(passage("gone.txt", 1, Stance::Neutral, "text"));
        let csv = to_csv(&report, &corpus());
        assert!(
            csv.ends_with("Back to the office?,Someone,neutral,1,text\r\n"),
            "{csv}"
        );
    }
}
