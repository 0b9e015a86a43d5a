//! Turning what a person gives — pasted text, or a `.txt`, `.md` or `.html` file — into a
//! document text in the corpus format: one paragraph per line, with the title and author the
//! file itself states.
//!
//! Nothing here renders or executes anything. HTML goes through a small tokenizer that follows
//! the browser's tokenization rules closely enough to agree on what is markup and what is text
//! (quotes only open a value after `=`, `<script>` and `<style>` run to their end tag, a tag
//! cut off by the end of the file is dropped), then keeps only the text: scripts, styles,
//! comments and every attribute are gone. No crate was taken for this: `html2text` pulls in
//! html5ever (hundreds of KB of wasm), `nanohtml2text` carries a 2,000-entry entity table and
//! writes link targets into the text; a tokenizer of a few hundred lines does what we need.
//! The browser build does not carry it: the view reads HTML with the browser's own
//! `DOMParser` (through the `*_with` functions and an [`HtmlReader`]), which parses exactly as
//! the browser would and, in a document it creates, runs no script and loads nothing.
//!
//! Each kind of bad input is an [`ImportError`] whose message says what to do. Bytes that are
//! not UTF-8 are not an error: they are decoded as `�` and a notice says so.

use std::borrow::Cow;
use std::fmt;

/// The largest file or paste accepted, in bytes (2 MiB): far beyond any article, small enough
/// to keep realigning in the browser quick.
pub const MAX_BYTES: usize = 2 * 1024 * 1024;

/// A text ready to become a document, with what the file said about itself.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// One paragraph per line, ending with a newline.
    pub text: String,
    /// The title the file states (Markdown front matter or first `#` heading, HTML `<title>` or
    /// first `<h1>`); `None` for plain text.
    pub title: Option<String>,
    /// The author the file states (front matter `author:`, `<meta name="author">`).
    pub author: Option<String>,
    /// Things the person should know that did not stop the import (lossy decoding, a guessed
    /// format).
    pub notices: Vec<String>,
}

/// Why a text could not be imported. `Display` gives a message a person can act on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ImportError {
    /// Nothing but whitespace.
    Empty {
        /// File name, or empty for a paste.
        name: String,
    },
    /// Markup (HTML or Markdown) with no text left once the markup is removed.
    NoText {
        /// File name, or empty for a paste.
        name: String,
    },
    /// More than [`MAX_BYTES`].
    TooLarge {
        /// File name, or empty for a paste.
        name: String,
        /// Its size.
        bytes: usize,
    },
    /// Not text: NUL bytes, many control characters, or the signature of a known binary format.
    Binary {
        /// File name, or empty for a paste.
        name: String,
        /// What it seems to be, e.g. "a PDF file".
        looks_like: &'static str,
    },
}

fn label(name: &str) -> String {
    if name.trim().is_empty() {
        "The pasted text".to_string()
    } else {
        format!("“{name}”")
    }
}

/// `bytes` in MiB to one decimal, rounded half to even as `{:.1}` on the exact quotient would.
/// Integer arithmetic, because float formatting would bring ~10 KB of code into the wasm.
fn megabytes(bytes: usize) -> String {
    const MIB: u64 = 1024 * 1024;
    let scaled = bytes as u64 * 10;
    let (mut tenths, rest) = (scaled / MIB, scaled % MIB);
    if rest * 2 > MIB || (rest * 2 == MIB && tenths % 2 == 1) {
        tenths += 1;
    }
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

impl fmt::Display for ImportError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ImportError::Empty { name } => write!(
                f,
                "{} is empty: there is no text to compare. Paste or pick a text with some words in it.",
                label(name)
            ),
            ImportError::NoText { name } => write!(
                f,
                "{} holds no readable text once its markup is removed. Check that it is the article itself, not a page that loads it with scripts.",
                label(name)
            ),
            ImportError::TooLarge { name, bytes } => write!(
                f,
                "{} is {}; the limit is {}. Keep only the part you want to compare and add that.",
                label(name),
                megabytes(*bytes),
                megabytes(MAX_BYTES)
            ),
            ImportError::Binary { name, looks_like } => write!(
                f,
                "{} looks like {looks_like}, not text. Open it in the program that made it, save or copy it as plain text (.txt), and add that.",
                label(name)
            ),
        }
    }
}

impl std::error::Error for ImportError {}

/// How a text is written, which decides how it is turned into paragraphs.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Plain text (`.txt`).
    Text,
    /// Markdown (`.md`): light syntax stripped.
    Markdown,
    /// HTML (`.html`, `.htm`): text only, markup dropped.
    Html,
}

impl Format {
    /// The format a file name's extension names, if it is one we know.
    pub fn from_name(name: &str) -> Option<Format> {
        let ext = name.rsplit_once('.')?.1.to_ascii_lowercase();
        match ext.as_str() {
            "txt" | "text" => Some(Format::Text),
            "md" | "markdown" | "mdown" => Some(Format::Markdown),
            "html" | "htm" | "xhtml" => Some(Format::Html),
            _ => None,
        }
    }

    /// HTML if the text opens like an HTML page, plain text otherwise.
    pub fn sniff(text: &str) -> Format {
        let head: String = text
            .trim_start_matches('\u{feff}')
            .trim_start()
            .chars()
            .take(15)
            .collect::<String>()
            .to_ascii_lowercase();
        if head.starts_with("<!doctype html") || head.starts_with("<html") {
            Format::Html
        } else {
            Format::Text
        }
    }
}

/// Imports a file's bytes; `name` (the file name) picks the format by extension and names the
/// file in messages.
///
/// ```
/// use parallax::import::text_from_bytes;
/// let page = b"<title>On Trade</title><p>First <b>point</b>.</p><script>x()</script><p>Second.</p>";
/// let imported = text_from_bytes("trade.html", page).unwrap();
/// assert_eq!(imported.text, "First point.\nSecond.\n");
/// assert_eq!(imported.title.as_deref(), Some("On Trade"));
/// ```
pub fn text_from_bytes(name: &str, bytes: &[u8]) -> Result<Imported, ImportError> {
    text_from_bytes_with(name, bytes, html)
}

/// How an HTML page becomes text: [`html`] (the tokenizer in this module) natively. The
/// browser view passes a reader built on the browser's own `DOMParser` instead, so that the
/// tokenizer and its entity tables stay out of the wasm.
pub type HtmlReader = fn(&str) -> Extracted;

/// [`text_from_bytes`] with HTML read by `read_html`.
pub fn text_from_bytes_with(
    name: &str,
    bytes: &[u8],
    read_html: HtmlReader,
) -> Result<Imported, ImportError> {
    if bytes.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            name: name.to_string(),
            bytes: bytes.len(),
        });
    }
    let mut notices = Vec::new();
    let text = match utf16(bytes) {
        Some(text) => text,
        None => {
            if let Some(looks_like) = binary_kind(bytes) {
                return Err(ImportError::Binary {
                    name: name.to_string(),
                    looks_like,
                });
            }
            let text = String::from_utf8_lossy(bytes);
            if let Cow::Owned(_) = text {
                notices.push(format!(
                    "{} contained bytes that are not UTF-8; they show as �. If letters look wrong, save the file as UTF-8 and add it again.",
                    label(name)
                ));
            }
            text.into_owned()
        }
    };
    let format = match Format::from_name(name) {
        Some(format) => format,
        None => {
            let format = Format::sniff(&text);
            let read_as = if format == Format::Html {
                "an HTML page"
            } else {
                "plain text"
            };
            notices.push(format!(
                "{} is not a .txt, .md or .html file; it was read as {read_as}.",
                label(name)
            ));
            format
        }
    };
    let mut imported = text_from_str_with(name, &text, format, read_html)?;
    notices.append(&mut imported.notices);
    imported.notices = notices;
    Ok(imported)
}

/// Imports pasted text: HTML if it opens like a page, plain text otherwise.
pub fn text_from_pasted(text: &str) -> Result<Imported, ImportError> {
    text_from_pasted_with(text, html)
}

/// [`text_from_pasted`] with HTML read by `read_html`.
pub fn text_from_pasted_with(text: &str, read_html: HtmlReader) -> Result<Imported, ImportError> {
    if text.len() > MAX_BYTES {
        return Err(ImportError::TooLarge {
            name: String::new(),
            bytes: text.len(),
        });
    }
    text_from_str_with("", text, Format::sniff(text), read_html)
}

/// Imports an already decoded text in a known format. `name` only names it in messages.
pub fn text_from_str(name: &str, text: &str, format: Format) -> Result<Imported, ImportError> {
    text_from_str_with(name, text, format, html)
}

/// [`text_from_str`] with HTML read by `read_html`.
pub fn text_from_str_with(
    name: &str,
    text: &str,
    format: Format,
    read_html: HtmlReader,
) -> Result<Imported, ImportError> {
    if text.trim().is_empty() {
        return Err(ImportError::Empty {
            name: name.to_string(),
        });
    }
    let text = text.trim_start_matches('\u{feff}');
    let (paragraphs, title, author) = match format {
        Format::Text => (plain_paragraphs(&newlines(text)), None, None),
        Format::Markdown => {
            let md = markdown(&newlines(text));
            (md.paragraphs, md.title, md.author)
        }
        Format::Html => {
            let html = read_html(text);
            (html.paragraphs, html.title, html.author)
        }
    };
    let paragraphs: Vec<String> = paragraphs
        .iter()
        .map(|p| without_controls(p).trim().to_string())
        .filter(|p| !p.is_empty())
        .collect();
    if paragraphs.is_empty() {
        return Err(match format {
            Format::Text => ImportError::Empty {
                name: name.to_string(),
            },
            _ => ImportError::NoText {
                name: name.to_string(),
            },
        });
    }
    let tidy = |s: Option<String>| {
        s.map(|s| collapse_whitespace(&without_controls(&s)))
            .filter(|s| !s.is_empty())
    };
    let mut out = paragraphs.join("\n");
    out.push('\n');
    Ok(Imported {
        text: out,
        title: tidy(title),
        author: tidy(author),
        notices: Vec::new(),
    })
}

/// Text saved as UTF-16 (Windows "Unicode") starts with a byte-order mark; without this it
/// would be refused as binary for its NUL bytes.
fn utf16(bytes: &[u8]) -> Option<String> {
    let little = match bytes {
        [0xFF, 0xFE, ..] => true,
        [0xFE, 0xFF, ..] => false,
        _ => return None,
    };
    let units = bytes[2..].chunks_exact(2).map(|pair| {
        let pair = [pair[0], pair[1]];
        if little {
            u16::from_le_bytes(pair)
        } else {
            u16::from_be_bytes(pair)
        }
    });
    Some(
        char::decode_utf16(units)
            .map(|c| c.unwrap_or(char::REPLACEMENT_CHARACTER))
            .collect(),
    )
}

/// What `bytes` look like if they are not text: a known signature, a NUL byte (never in text),
/// or more than one control character in ten (and more than three).
fn binary_kind(bytes: &[u8]) -> Option<&'static str> {
    const SIGNATURES: &[(&[u8], &str)] = &[
        (b"%PDF", "a PDF file"),
        (b"PK\x03\x04", "a Word (.docx), OpenDocument or ZIP file"),
        (b"\xD0\xCF\x11\xE0", "an old Word (.doc) or Office file"),
        (b"{\\rtf", "a rich-text (.rtf) file"),
        (b"\x89PNG", "an image"),
        (b"\xFF\xD8\xFF", "an image"),
        (b"GIF8", "an image"),
    ];
    for (signature, kind) in SIGNATURES {
        if bytes.starts_with(signature) {
            return Some(kind);
        }
    }
    let sample = &bytes[..bytes.len().min(64 * 1024)];
    let controls = sample
        .iter()
        .filter(|&&b| b < 0x20 && !matches!(b, b'\t' | b'\n' | b'\r' | 0x0C))
        .count();
    // A stray control or two in a short text is a slip, not a binary file.
    if bytes.contains(&0) || (controls > 3 && controls * 10 > sample.len()) {
        Some("a binary file (a PDF, a Word document or an image?)")
    } else {
        None
    }
}

/// CRLF and lone CR become LF.
fn newlines(text: &str) -> Cow<'_, str> {
    if text.contains('\r') {
        Cow::Owned(text.replace("\r\n", "\n").replace('\r', "\n"))
    } else {
        Cow::Borrowed(text)
    }
}

/// Tabs become spaces; other control characters (which no one means to keep in prose) go.
/// Format characters such as ZWJ and the bidi marks are not controls and stay.
fn without_controls(text: &str) -> Cow<'_, str> {
    if !text.chars().any(|c| c.is_control() && c != '\n') {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .filter_map(|c| match c {
                '\t' => Some(' '),
                '\n' => Some('\n'),
                c if c.is_control() => None,
                c => Some(c),
            })
            .collect(),
    )
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Lines longer than this are not hard-wrapped prose (editors wrap at 72–80).
const WRAP_WIDTH_MAX: usize = 120;

/// Paragraphs of a plain text. A file that separates paragraphs with blank lines and has no
/// line longer than a wrapped line gets each block joined into one line; otherwise every line
/// is a paragraph already (the corpus format).
fn plain_paragraphs(text: &str) -> Vec<String> {
    let blocks: Vec<Vec<&str>> = text
        .split("\n\n")
        .map(|block| {
            block
                .lines()
                .map(str::trim)
                .filter(|l| !l.is_empty())
                .collect::<Vec<_>>()
        })
        .filter(|block| !block.is_empty())
        .collect();
    let widest = text.lines().map(|l| l.chars().count()).max().unwrap_or(0);
    let hard_wrapped =
        blocks.len() > 1 && blocks.iter().any(|block| block.len() > 1) && widest <= WRAP_WIDTH_MAX;
    if !hard_wrapped {
        return blocks.into_iter().flatten().map(str::to_string).collect();
    }
    let mut out = Vec::new();
    for block in blocks {
        let mut current = String::new();
        for line in block {
            if list_item(line).is_some() && !current.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            if !current.is_empty() {
                current.push(' ');
            }
            current.push_str(line);
        }
        out.push(current);
    }
    out
}

/// If `line` starts a list item (`- `, `* `, `+ `, `• `, `1. `, `1) `), the item's text and
/// whether the marker was a bullet (numbers are kept, bullets are not).
fn list_item(line: &str) -> Option<(&str, bool)> {
    let trimmed = line.trim_start();
    for bullet in ["- ", "* ", "+ ", "• "] {
        if let Some(rest) = trimmed.strip_prefix(bullet) {
            return Some((rest, true));
        }
    }
    let digits = trimmed.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=3).contains(&digits) {
        let rest = &trimmed[digits..];
        if rest.starts_with(". ") || rest.starts_with(") ") {
            return Some((trimmed, false));
        }
    }
    None
}

/// The text of a marked-up page, before the common clean-up of [`text_from_str`].
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Extracted {
    /// One entry per block of text (paragraph, heading, list item), whitespace collapsed.
    pub paragraphs: Vec<String>,
    /// The title the page states, if any.
    pub title: Option<String>,
    /// The author the page states, if any.
    pub author: Option<String>,
}

// ---------------------------------------------------------------------------------------------
// Markdown

/// Markdown, lightly: paragraphs joined as CommonMark joins them, headings and list items on
/// lines of their own, code blocks kept line by line, and the inline syntax (emphasis, links,
/// images, code spans) reduced to its text.
fn markdown(text: &str) -> Extracted {
    let mut lines = text.lines().peekable();
    let mut title = None;
    let mut author = None;

    // Front matter: `---` on the first line, `key: value` lines, `---`.
    if lines.peek().map(|l| l.trim_end()) == Some("---") {
        let mut front = Vec::new();
        lines.next();
        let mut closed = false;
        for line in lines.by_ref() {
            if matches!(line.trim_end(), "---" | "...") {
                closed = true;
                break;
            }
            front.push(line);
        }
        if closed {
            for line in front {
                if let Some((key, value)) = line.split_once(':') {
                    let value = value.trim().trim_matches(|c| c == '"' || c == '\'');
                    match key.trim().to_ascii_lowercase().as_str() {
                        "title" if !value.is_empty() => title = Some(value.to_string()),
                        "author" if !value.is_empty() => author = Some(value.to_string()),
                        _ => {}
                    }
                }
            }
        } else {
            // No closing `---`: it was not front matter; read it again as text.
            lines = text.lines().peekable();
        }
    }

    let mut out = Vec::new();
    let mut current: Vec<String> = Vec::new();
    let mut fence: Option<&str> = None;
    let mut first_heading: Option<String> = None;
    let flush = |current: &mut Vec<String>, out: &mut Vec<String>| {
        if !current.is_empty() {
            out.push(current.join(" "));
            current.clear();
        }
    };

    for line in lines {
        let trimmed = line.trim();
        if let Some(marker) = fence {
            if trimmed.starts_with(marker) {
                fence = None;
            } else if !trimmed.is_empty() {
                out.push(line.trim_end().to_string());
            }
            continue;
        }
        if trimmed.starts_with("```") || trimmed.starts_with("~~~") {
            flush(&mut current, &mut out);
            fence = Some(&trimmed[..3]);
            continue;
        }
        if trimmed.is_empty() {
            flush(&mut current, &mut out);
            continue;
        }
        if let Some(heading) = atx_heading(trimmed) {
            flush(&mut current, &mut out);
            let heading = collapse_whitespace(&strip_inline(heading));
            if trimmed.starts_with("# ") && first_heading.is_none() {
                first_heading = Some(heading.clone());
            }
            out.push(heading);
            continue;
        }
        if is_rule(trimmed, '=') || is_rule(trimmed, '-') {
            // A setext underline makes the single line above it a heading; otherwise a rule.
            if current.len() == 1 {
                let heading = current.remove(0);
                if trimmed.starts_with('=') && first_heading.is_none() {
                    first_heading = Some(heading.clone());
                }
                out.push(heading);
            } else {
                flush(&mut current, &mut out);
            }
            continue;
        }
        if is_rule(trimmed, '*') || is_rule(trimmed, '_') || is_reference_definition(trimmed) {
            flush(&mut current, &mut out);
            continue;
        }
        if trimmed.starts_with('|') {
            flush(&mut current, &mut out);
            if !trimmed.chars().all(|c| matches!(c, '|' | '-' | ':' | ' ')) {
                let cells: Vec<String> = trimmed
                    .trim_matches('|')
                    .split('|')
                    .map(|cell| strip_inline(cell.trim()))
                    .collect();
                out.push(cells.join(" | "));
            }
            continue;
        }
        let mut content = trimmed;
        while let Some(rest) = content.strip_prefix('>') {
            content = rest.trim_start();
        }
        if let Some((item, bullet)) = list_item(content) {
            flush(&mut current, &mut out);
            content = if bullet { item } else { content };
        }
        let content = collapse_whitespace(&strip_inline(content));
        if !content.is_empty() {
            current.push(content);
        }
    }
    flush(&mut current, &mut out);
    Extracted {
        paragraphs: out,
        title: title.or(first_heading),
        author,
    }
}

fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return None;
    }
    let rest = &line[hashes..];
    if !(rest.is_empty() || rest.starts_with(' ')) {
        return None;
    }
    Some(rest.trim().trim_end_matches('#').trim_end())
}

/// Three or more of `c` (spaces allowed between): a rule or setext underline.
fn is_rule(line: &str, c: char) -> bool {
    line.chars().filter(|&x| x == c).count() >= 3 && line.chars().all(|x| x == c || x == ' ')
}

/// `[label]: https://…` — the target of a reference link, not text.
fn is_reference_definition(line: &str) -> bool {
    line.starts_with('[')
        && line
            .split_once("]:")
            .is_some_and(|(label, target)| !label.contains(']') && !target.trim().is_empty())
}

/// Inline Markdown reduced to its text: `**b**`, `*i*`, `_i_`, `~~s~~` lose their markers,
/// `[t](u)` and `[t][r]` become `t`, images disappear, code spans keep their content,
/// `\*` is a literal `*`. Markers inside words (`snake_case`) and lone `*` between spaces stay.
fn strip_inline(line: &str) -> String {
    let chars: Vec<char> = line.chars().collect();
    let mut out = String::with_capacity(line.len());
    let mut closers = Closers::default();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        match c {
            '\\' if next.is_some_and(|n| n.is_ascii_punctuation()) => {
                out.push(next.unwrap_or(c));
                i += 2;
            }
            '`' => match closers.tick.find(&chars, i + 1) {
                Some(end) => {
                    out.extend(&chars[i + 1..end]);
                    i = end + 1;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '!' if next == Some('[') => match link_at(&chars, i + 1, &mut closers) {
                Some((_, end)) => i = end,
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '[' => match link_at(&chars, i, &mut closers) {
                Some((text, end)) => {
                    out.push_str(&strip_inline(&text));
                    i = end;
                }
                None => {
                    out.push(c);
                    i += 1;
                }
            },
            '*' | '_' | '~' if next == Some(c) => i += 2,
            '*' | '_' => {
                let before = if i == 0 { None } else { Some(chars[i - 1]) };
                let word = |x: Option<char>| x.is_some_and(|x| x.is_alphanumeric());
                let space = |x: Option<char>| x.is_none_or(|x| x.is_whitespace());
                let intraword = word(before) && word(next);
                let opens = space(before) || before.is_some_and(|b| b.is_ascii_punctuation());
                let closes = space(next) || next.is_some_and(|n| n.is_ascii_punctuation());
                let flanking = (opens && !space(next)) || (closes && !space(before));
                if flanking && !intraword {
                    i += 1;
                } else {
                    out.push(c);
                    i += 1;
                }
            }
            _ => {
                out.push(c);
                i += 1;
            }
        }
    }
    out
}

/// A link starting at `chars[open] == '['`: `[text](target)` or `[text][ref]`. Returns the
/// text and the index after the link.
fn link_at(chars: &[char], open: usize, closers: &mut Closers) -> Option<(String, usize)> {
    let close = closers.bracket.find(chars, open)?;
    // `[a [b](u)`: the link is the inner one; the outer `[` is text.
    if closers
        .open_bracket
        .find(chars, open + 1)
        .is_some_and(|o| o < close)
    {
        return None;
    }
    let text: String = chars[open + 1..close].iter().collect();
    let end = match chars.get(close + 1) {
        Some('(') => closers.paren.find(chars, close + 2)?,
        Some('[') => closers.bracket.find(chars, close + 2)?,
        _ => return None,
    };
    Some((text, end + 1))
}

/// Finders for the characters that open and close inline syntax. Without them a line of unmatched `[`
/// or backticks would be scanned to its end once per character: minutes for a 2 MB line.
struct Closers {
    open_bracket: NextOf,
    bracket: NextOf,
    paren: NextOf,
    tick: NextOf,
}

impl Default for Closers {
    fn default() -> Closers {
        Closers {
            open_bracket: NextOf::new('['),
            bracket: NextOf::new(']'),
            paren: NextOf::new(')'),
            tick: NextOf::new('`'),
        }
    }
}

/// The next occurrence of one character, remembered: after a search from `from` found
/// `found`, there is none in `from..found`, so any later search starting in that range has
/// the same answer. Searches move forward, so a line is scanned about once.
struct NextOf {
    c: char,
    from: usize,
    found: Option<usize>,
    searched: bool,
}

impl NextOf {
    fn new(c: char) -> NextOf {
        NextOf {
            c,
            from: 0,
            found: None,
            searched: false,
        }
    }

    /// Index of the first `c` in `chars` at or after `at`.
    fn find(&mut self, chars: &[char], at: usize) -> Option<usize> {
        let known = self.searched && self.from <= at && self.found.is_none_or(|f| at <= f);
        if !known {
            let start = at.min(chars.len());
            self.from = start;
            self.found = chars[start..]
                .iter()
                .position(|&x| x == self.c)
                .map(|o| start + o);
            self.searched = true;
        }
        self.found
    }
}

// ---------------------------------------------------------------------------------------------
// HTML

/// Elements whose content is not markup but runs to the matching end tag; none of it is text
/// a reader sees (`<title>` is read separately).
const RAW_TEXT: &[&str] = &[
    "script", "style", "xmp", "iframe", "noembed", "noframes", "noscript", "textarea", "title",
];

/// Elements whose whole content is dropped: not prose (graphics, media, form widgets, inert
/// templates).
const DROPPED: &[&str] = &[
    "template", "svg", "math", "object", "canvas", "video", "audio", "select", "datalist",
    "button", "map",
];

/// Elements after and before which a new line starts.
const BLOCKS: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "br",
    "caption",
    "center",
    "dd",
    "details",
    "dialog",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "figure",
    "footer",
    "form",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "header",
    "hgroup",
    "hr",
    "html",
    "legend",
    "li",
    "main",
    "menu",
    "nav",
    "ol",
    "p",
    "pre",
    "section",
    "summary",
    "table",
    "tbody",
    "tfoot",
    "thead",
    "tr",
    "ul",
];

/// Elements that end where their start tag ends.
const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source",
    "track", "wbr",
];

/// Lines of text being built: whitespace collapsed, a new line at each block boundary.
#[derive(Default)]
struct Lines {
    done: Vec<String>,
    current: String,
}

impl Lines {
    fn push(&mut self, text: &str, pre: bool) {
        for c in text.chars() {
            if c == '\n' && pre {
                self.end_line();
            } else if c.is_whitespace() {
                if !self.current.is_empty() && !self.current.ends_with(' ') {
                    self.current.push(' ');
                }
            } else {
                self.current.push(c);
            }
        }
    }

    fn end_line(&mut self) {
        let line = self.current.trim_end();
        if !line.is_empty() {
            self.done.push(line.to_string());
        }
        self.current.clear();
    }
}

/// A start or end tag, its name lowercased, the attributes we read (only for `<meta>`).
struct Tag {
    name: String,
    end: bool,
    self_closing: bool,
    attributes: Vec<(String, String)>,
    /// Index just past the `>`.
    after: usize,
}

/// Reads the tag opening at `html[at] == '<'` (followed by a letter, or `/` and a letter).
/// `None` if the input ends inside the tag: a browser drops such a tag, and so do we.
fn read_tag(html: &str, at: usize) -> Option<Tag> {
    let bytes = html.as_bytes();
    let end = bytes.get(at + 1) == Some(&b'/');
    let mut i = at + 1 + usize::from(end);
    let start = i;
    while i < bytes.len()
        && !matches!(
            bytes[i],
            b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'
        )
    {
        i += 1;
    }
    let name = html[start..i].to_ascii_lowercase();
    let mut attributes = Vec::new();
    let mut self_closing = false;
    loop {
        // Before an attribute name.
        while i < bytes.len() && matches!(bytes[i], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/') {
            self_closing = bytes[i] == b'/';
            i += 1;
        }
        match bytes.get(i)? {
            b'>' => {
                return Some(Tag {
                    name,
                    end,
                    self_closing,
                    attributes,
                    after: i + 1,
                })
            }
            _ => self_closing = false,
        }
        // The name: quotes and `<` are part of it, as in a browser. A leading `=` is too.
        let name_start = i;
        i += 1;
        while i < bytes.len()
            && !matches!(
                bytes[i],
                b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>' | b'='
            )
        {
            i += 1;
        }
        let attr = html[name_start..i].to_ascii_lowercase();
        while i < bytes.len() && matches!(bytes[i], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ') {
            i += 1;
        }
        let mut value = "";
        if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && matches!(bytes[i], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ') {
                i += 1;
            }
            match bytes.get(i)? {
                &quote @ (b'"' | b'\'') => {
                    let close = i + 1 + html[i + 1..].find(quote as char)?;
                    value = &html[i + 1..close];
                    i = close + 1;
                }
                b'>' => {}
                _ => {
                    let value_start = i;
                    while i < bytes.len()
                        && !matches!(bytes[i], b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'>')
                    {
                        i += 1;
                    }
                    value = &html[value_start..i];
                }
            }
        }
        attributes.push((attr, value.to_string()));
    }
}

/// Where the end tag `</name` (followed by whitespace, `/` or `>`) starts, from `from` on.
fn find_end_tag(html: &str, from: usize, name: &str) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut i = from;
    while let Some(offset) = html[i..].find("</") {
        let at = i + offset;
        let name_end = at + 2 + name.len();
        if name_end <= bytes.len()
            && bytes[at + 2..name_end].eq_ignore_ascii_case(name.as_bytes())
            && bytes
                .get(name_end)
                .is_none_or(|b| matches!(b, b'\t' | b'\n' | b'\x0c' | b'\r' | b' ' | b'/' | b'>'))
        {
            return Some(at);
        }
        i = at + 2;
    }
    None
}

/// The text of an HTML page: one line per block, no markup, entities decoded.
pub fn html(html: &str) -> Extracted {
    let bytes = html.as_bytes();
    let mut lines = Lines::default();
    let mut title: Option<String> = None;
    let mut author: Option<String> = None;
    let mut h1: Option<String> = None;
    let mut in_h1: Option<String> = None;
    let mut dropped: Vec<String> = Vec::new();
    let mut pre = 0usize;
    let mut i = 0;
    let mut text_from = 0;

    while let Some(offset) = html[i..].find('<') {
        let at = i + offset;
        let next = bytes.get(at + 1).copied();
        let after_slash = bytes.get(at + 2).copied();
        let is_tag = next.is_some_and(|b| b.is_ascii_alphabetic())
            || (next == Some(b'/') && after_slash.is_some_and(|b| b.is_ascii_alphabetic()));
        let is_other_markup = matches!(next, Some(b'!' | b'?')) || next == Some(b'/');
        if !is_tag && !is_other_markup {
            // A lone `<` is text, except right before another `<`: dropping it then means no
            // `<` in the output can end up next to a letter once the tag after it is gone.
            if next == Some(b'<') {
                if dropped.is_empty() {
                    let text = decode_entities(&html[text_from..at]);
                    lines.push(&text, pre > 0);
                    if let Some(h) = in_h1.as_mut() {
                        h.push_str(&text);
                    }
                }
                text_from = at + 1;
            }
            i = at + 1;
            continue;
        }
        if dropped.is_empty() {
            let text = decode_entities(&html[text_from..at]);
            lines.push(&text, pre > 0);
            if let Some(h) = in_h1.as_mut() {
                h.push_str(&text);
            }
        }
        if !is_tag {
            // Comments (`<!-- … -->`), doctypes, `<?…>`, `</>` and `</ …>`: all dropped.
            let rest = &html[at..];
            let skip = if let Some(comment) = rest.strip_prefix("<!--") {
                if comment.starts_with('>') {
                    5
                } else if comment.starts_with("->") {
                    6
                } else {
                    comment.find("-->").map_or(rest.len(), |e| 4 + e + 3)
                }
            } else {
                rest.find('>').map_or(rest.len(), |e| e + 1)
            };
            i = at + skip;
            text_from = i;
            continue;
        }
        let Some(tag) = read_tag(html, at) else {
            // The file ends inside a tag.
            text_from = html.len();
            break;
        };
        i = tag.after;
        text_from = i;
        let name = tag.name.as_str();

        if !tag.end && RAW_TEXT.contains(&name) {
            let close = find_end_tag(html, i, name);
            let content = &html[i..close.unwrap_or(html.len())];
            if name == "title" && title.is_none() && dropped.is_empty() {
                title = Some(inline_text(content));
            }
            i = match close.and_then(|c| read_tag(html, c)) {
                Some(end) => end.after,
                None => html.len(),
            };
            text_from = i;
            continue;
        }
        if !tag.end && BLOCKS.contains(&name) && name != "br" {
            // A block start tag ends graphics, media and widgets left open, as a `<p>` breaks
            // out of `<svg>` in a browser: an unclosed one must not swallow the article.
            // Template content is inert to the end, in a browser too.
            while dropped.last().is_some_and(|top| top != "template") {
                dropped.pop();
            }
        }
        if DROPPED.contains(&name) {
            if tag.end {
                if let Some(open) = dropped.iter().rposition(|d| d == name) {
                    dropped.truncate(open);
                }
            } else if !tag.self_closing {
                dropped.push(tag.name.clone());
            }
            continue;
        }
        if !dropped.is_empty() {
            continue;
        }
        if name == "meta" && author.is_none() {
            let attribute = |key: &str| {
                tag.attributes
                    .iter()
                    .find(|(k, _)| k == key)
                    .map(|(_, v)| v.as_str())
            };
            let is_author = attribute("name").is_some_and(|n| {
                n.eq_ignore_ascii_case("author") || n.eq_ignore_ascii_case("dc.creator")
            });
            if let (true, Some(content)) = (is_author, attribute("content")) {
                author = Some(inline_text(content));
            }
        }
        if name == "pre" {
            if tag.end {
                pre = pre.saturating_sub(1);
            } else {
                pre += 1;
            }
        }
        if name == "h1" {
            if tag.end {
                if let Some(text) = in_h1.take() {
                    if h1.is_none() && !text.trim().is_empty() {
                        h1 = Some(text);
                    }
                }
            } else if !VOID.contains(&name) {
                in_h1 = Some(String::new());
            }
        }
        if BLOCKS.contains(&name) {
            lines.end_line();
        } else if matches!(name, "td" | "th") {
            lines.push(" ", false);
        }
    }
    if dropped.is_empty() && text_from < html.len() {
        lines.push(&decode_entities(&html[text_from..]), pre > 0);
    }
    lines.end_line();
    Extracted {
        paragraphs: lines.done,
        title: title.filter(|t| !t.is_empty()).or(h1),
        author,
    }
}

/// Text inside an attribute or `<title>`, made a plain string: entities decoded first, then
/// anything tag-shaped removed (a browser would show `&lt;b&gt;` as `<b>`; as a prefilled
/// title it is only noise, and a title never carries markup), whitespace collapsed. Flat on
/// purpose, no recursion into [`html`].
fn inline_text(fragment: &str) -> String {
    let decoded = decode_entities(fragment);
    let mut out = String::new();
    let mut rest: &str = &decoded;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        if after.starts_with(|c: char| c.is_ascii_alphabetic() || matches!(c, '/' | '!' | '?')) {
            rest = after.find('>').map_or("", |close| &after[close + 1..]);
        } else {
            // As in `html`: a `<` right before another `<` goes.
            if !after.starts_with('<') {
                out.push('<');
            }
            rest = after;
        }
    }
    out.push_str(rest);
    collapse_whitespace(&out)
}

/// Entity names for U+00A0..=U+00FF, in order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf",
    "laquo", "not", "shy", "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro",
    "para", "middot", "cedil", "sup1", "ordm", "raquo", "frac14", "frac12", "frac34", "iquest",
    "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig", "Ccedil", "Egrave", "Eacute",
    "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve", "Oacute",
    "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute",
    "THORN", "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil",
    "egrave", "eacute", "ecirc", "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde",
    "ograve", "oacute", "ocirc", "otilde", "ouml", "divide", "oslash", "ugrave", "uacute", "ucirc",
    "uuml", "yacute", "thorn", "yuml",
];

/// Other entities common in articles: markup, typography, spaces and joiners.
const NAMED: &[(&str, char)] = &[
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("ndash", '–'),
    ("mdash", '—'),
    ("hellip", '…'),
    ("lsquo", '‘'),
    ("rsquo", '’'),
    ("sbquo", '‚'),
    ("ldquo", '“'),
    ("rdquo", '”'),
    ("bdquo", '„'),
    ("lsaquo", '‹'),
    ("rsaquo", '›'),
    ("bull", '•'),
    ("prime", '′'),
    ("Prime", '″'),
    ("dagger", '†'),
    ("Dagger", '‡'),
    ("permil", '‰'),
    ("trade", '™'),
    ("euro", '€'),
    ("minus", '−'),
    ("OElig", 'Œ'),
    ("oelig", 'œ'),
    ("Scaron", 'Š'),
    ("scaron", 'š'),
    ("Yuml", 'Ÿ'),
    ("fnof", 'ƒ'),
    ("circ", 'ˆ'),
    ("tilde", '˜'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("thinsp", '\u{2009}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("larr", '←'),
    ("rarr", '→'),
    ("harr", '↔'),
    ("uarr", '↑'),
    ("darr", '↓'),
];

/// What numeric references to 0x80..=0x9F mean: Windows-1252, as browsers read them.
const WINDOWS_1252: [char; 32] = [
    '€', '\u{81}', '‚', 'ƒ', '„', '…', '†', '‡', 'ˆ', '‰', 'Š', '‹', 'Œ', '\u{8D}', 'Ž', '\u{8F}',
    '\u{90}', '‘', '’', '“', '”', '•', '–', '—', '˜', '™', 'š', '›', 'œ', '\u{9D}', 'ž', 'Ÿ',
];

fn named_entity(name: &str) -> Option<char> {
    if let Some(at) = LATIN1.iter().position(|&n| n == name) {
        return char::from_u32(0xA0 + at as u32);
    }
    NAMED.iter().find(|(n, _)| *n == name).map(|&(_, c)| c)
}

fn numeric_entity(value: u32) -> char {
    match value {
        0x80..=0x9F => WINDOWS_1252[(value - 0x80) as usize],
        0 => char::REPLACEMENT_CHARACTER,
        v => char::from_u32(v).unwrap_or(char::REPLACEMENT_CHARACTER),
    }
}

/// Decodes `&name;`, `&#123;` and `&#x7B;` (numeric ones also without `;`, and `&amp`, `&lt`,
/// `&gt`, `&quot`, `&nbsp` without it, as browsers do). Unknown names stay as written.
fn decode_entities(text: &str) -> Cow<'_, str> {
    if !text.contains('&') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        if let Some(number) = after.strip_prefix('#') {
            let (hex, digits) = match number.strip_prefix(['x', 'X']) {
                Some(hex) => (true, hex),
                None => (false, number),
            };
            let len = digits
                .bytes()
                .take_while(|b| {
                    if hex {
                        b.is_ascii_hexdigit()
                    } else {
                        b.is_ascii_digit()
                    }
                })
                .count();
            if len > 0 {
                let value = u32::from_str_radix(&digits[..len.min(8)], if hex { 16 } else { 10 })
                    .unwrap_or(u32::MAX);
                out.push(numeric_entity(value));
                let used = number.len() - digits.len() + len;
                rest = &number[used..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
                continue;
            }
        } else {
            let len = after
                .bytes()
                .take(32)
                .take_while(u8::is_ascii_alphanumeric)
                .count();
            let name = &after[..len];
            let terminated = after[len..].starts_with(';');
            let legacy = matches!(name, "amp" | "lt" | "gt" | "quot" | "nbsp")
                && !after[len..].starts_with('=');
            if let (true, Some(c)) = (terminated || legacy, named_entity(name)) {
                out.push(c);
                rest = &after[len + usize::from(terminated)..];
                continue;
            }
        }
        out.push('&');
        rest = after;
    }
    out.push_str(rest);
    Cow::Owned(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn megabytes_round_like_float_formatting() {
        // Exact ties are the odd multiples of 1/4 MiB (0.25, 0.75, …); around every
        // twentieth of a MiB the rounding turns.
        let ties = (0..40usize).map(|n| n * 256 * 1024);
        let turns = (0..400usize).map(|n| n * 1024 * 1024 / 20);
        for at in ties.chain(turns) {
            for bytes in [at.saturating_sub(1), at, at + 1] {
                let float = format!("{:.1} MB", bytes as f64 / (1024.0 * 1024.0));
                assert_eq!(megabytes(bytes), float, "{bytes} bytes");
            }
        }
        assert_eq!(megabytes(MAX_BYTES), "2.0 MB");
    }

    fn text(name: &str, input: &str) -> String {
        text_from_bytes(name, input.as_bytes()).unwrap().text
    }

    // --- bad input -------------------------------------------------------------------------

    #[test]
    fn whitespace_only_is_empty() {
        let err = text_from_bytes("blank.txt", b"  \n\t\r\n  ").unwrap_err();
        assert_eq!(
            err,
            ImportError::Empty {
                name: "blank.txt".into()
            }
        );
        assert!(err.to_string().starts_with("“blank.txt” is empty"));
    }

    #[test]
    fn empty_paste_names_the_paste() {
        let err = text_from_pasted("").unwrap_err();
        assert!(
            err.to_string().starts_with("The pasted text is empty"),
            "{err}"
        );
    }

    #[test]
    fn html_with_only_scripts_has_no_text() {
        let err =
            text_from_bytes("page.html", b"<html><script>alert(1)</script></html>").unwrap_err();
        assert!(matches!(err, ImportError::NoText { .. }));
        assert!(err.to_string().contains("no readable text"), "{err}");
    }

    #[test]
    fn over_the_limit_is_refused_before_reading() {
        let big = vec![b'a'; MAX_BYTES + 1];
        let err = text_from_bytes("big.txt", &big).unwrap_err();
        assert_eq!(
            err,
            ImportError::TooLarge {
                name: "big.txt".into(),
                bytes: MAX_BYTES + 1
            }
        );
        assert!(
            err.to_string()
                .contains("is 2.0 MB; the limit is 2.0 MB. Keep only the part"),
            "{err}"
        );
        assert!(text_from_bytes("limit.txt", &vec![b'a'; MAX_BYTES]).is_ok());
    }

    #[test]
    fn pdf_is_refused_as_binary_with_advice() {
        let err =
            text_from_bytes("paper.pdf", b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj").unwrap_err();
        assert_eq!(
            err,
            ImportError::Binary {
                name: "paper.pdf".into(),
                looks_like: "a PDF file"
            }
        );
        assert!(err.to_string().contains("save or copy it as plain text"));
    }

    #[test]
    fn docx_is_refused_as_binary() {
        let err = text_from_bytes("essay.docx", b"PK\x03\x04\x14\x00\x06\x00").unwrap_err();
        assert!(
            err.to_string().contains("looks like a Word (.docx)"),
            "{err}"
        );
    }

    #[test]
    fn nul_bytes_mean_binary_even_with_a_text_extension() {
        let err = text_from_bytes("x.txt", b"some words\0\0\0more").unwrap_err();
        assert!(matches!(err, ImportError::Binary { .. }));
    }

    #[test]
    fn many_control_characters_mean_binary() {
        let mut bytes = b"abcdefgh".repeat(10);
        bytes.extend([0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08, 0x0e, 0x0f]);
        assert!(matches!(
            text_from_bytes("x.txt", &bytes),
            Err(ImportError::Binary { .. })
        ));
    }

    #[test]
    fn invalid_utf8_is_decoded_lossily_with_a_notice() {
        let imported = text_from_bytes("latin1.txt", b"Caf\xe9 society is here.").unwrap();
        assert_eq!(imported.text, "Caf\u{FFFD} society is here.\n");
        assert_eq!(imported.notices.len(), 1);
        assert!(imported.notices[0]
            .starts_with("“latin1.txt” contained bytes that are not UTF-8; they show as �."));
    }

    #[test]
    fn unknown_extension_is_read_as_text_with_a_notice() {
        let imported = text_from_bytes("notes.rst", b"Some notes.\nMore notes.").unwrap();
        assert_eq!(imported.text, "Some notes.\nMore notes.\n");
        assert_eq!(
            imported.notices,
            vec!["“notes.rst” is not a .txt, .md or .html file; it was read as plain text."]
        );
    }

    #[test]
    fn unknown_extension_that_opens_like_a_page_is_read_as_html() {
        let imported =
            text_from_bytes("saved.php", b"<!DOCTYPE html><p>Hello <i>there</i>.</p>").unwrap();
        assert_eq!(imported.text, "Hello there.\n");
        assert!(imported.notices[0].ends_with("it was read as an HTML page."));
    }

    #[test]
    fn utf16_with_byte_order_mark_is_decoded() {
        let mut bytes = vec![0xFF, 0xFE];
        for unit in "Grüße, مرحبا".encode_utf16() {
            bytes.extend(unit.to_le_bytes());
        }
        assert_eq!(
            text_from_bytes("w.txt", &bytes).unwrap().text,
            "Grüße, مرحبا\n"
        );
    }

    // --- normalisation ----------------------------------------------------------------------

    #[test]
    fn crlf_and_cr_become_lf() {
        assert_eq!(
            text("a.txt", "One.\r\nTwo.\rThree.\n"),
            "One.\nTwo.\nThree.\n"
        );
    }

    #[test]
    fn hard_wrapped_paragraphs_separated_by_blank_lines_join() {
        let input = "The first paragraph is wrapped\nat a narrow width by an editor.\n\nThe second one\nis wrapped too.\n";
        assert_eq!(
            text("a.txt", input),
            "The first paragraph is wrapped at a narrow width by an editor.\nThe second one is wrapped too.\n"
        );
    }

    #[test]
    fn one_paragraph_per_line_files_stay_as_they_are() {
        let long = "word ".repeat(40);
        let input = format!("Title\n\n{long}\n{long}\nShort closing line.\n");
        let out = text("a.txt", &input);
        assert_eq!(out.lines().count(), 4, "{out}");
    }

    #[test]
    fn lines_without_blank_separators_are_paragraphs() {
        assert_eq!(text("a.txt", "First.\nSecond.\n"), "First.\nSecond.\n");
    }

    #[test]
    fn list_items_in_wrapped_text_keep_their_lines() {
        let input = "Points made:\n- one point\n- another\n\nA closing paragraph\nwrapped here.\n";
        assert_eq!(
            text("a.txt", input),
            "Points made:\n- one point\n- another\nA closing paragraph wrapped here.\n"
        );
    }

    #[test]
    fn tabs_become_spaces_and_controls_go() {
        assert_eq!(text("a.txt", "a\tb\x07c\n"), "a bc\n");
    }

    #[test]
    fn right_to_left_text_passes_through() {
        let arabic = "العلاقات بين البلدين قوية.";
        let hebrew = "היחסים בין המדינות חזקים.";
        let out = text("rtl.txt", &format!("{arabic}\n{hebrew}\n"));
        assert_eq!(out, format!("{arabic}\n{hebrew}\n"));
    }

    #[test]
    fn emoji_with_zwj_and_combining_marks_pass_through() {
        let family = "👩\u{200D}👩\u{200D}👧";
        let accented = "Cafe\u{0301} and n\u{0303}";
        let rtl_mark = "a\u{200F}b";
        let input = format!("{family} {accented} {rtl_mark}\n");
        assert_eq!(text("e.txt", &input), input);
        let html = format!("<p>{family} {accented}</p>");
        assert_eq!(text("e.html", &html), format!("{family} {accented}\n"));
    }

    // --- Markdown -----------------------------------------------------------------------------

    #[test]
    fn markdown_headings_lose_hashes_and_give_the_title() {
        let imported =
            text_from_bytes("a.md", b"# The Title #\n\nSome text.\n\n## Part\n").unwrap();
        assert_eq!(imported.text, "The Title\nSome text.\nPart\n");
        assert_eq!(imported.title.as_deref(), Some("The Title"));
    }

    #[test]
    fn markdown_front_matter_gives_title_and_author() {
        let md =
            "---\ntitle: \"Remote Work\"\nauthor: Ana Lima\ndate: 2024\n---\n# Heading\n\nBody.\n";
        let imported = text_from_bytes("a.md", md.as_bytes()).unwrap();
        assert_eq!(imported.title.as_deref(), Some("Remote Work"));
        assert_eq!(imported.author.as_deref(), Some("Ana Lima"));
        assert_eq!(imported.text, "Heading\nBody.\n");
    }

    #[test]
    fn markdown_paragraph_lines_join() {
        assert_eq!(
            text("a.md", "A paragraph written\nover two lines.\n\nNext.\n"),
            "A paragraph written over two lines.\nNext.\n"
        );
    }

    #[test]
    fn markdown_emphasis_markers_go_but_snake_case_and_arithmetic_stay() {
        assert_eq!(
            text(
                "a.md",
                "Some **bold**, *italic*, _also_ and ~~gone~~ words.\n"
            ),
            "Some bold, italic, also and gone words.\n"
        );
        assert_eq!(
            text("a.md", "Keep snake_case_names and 5 * 3.\n"),
            "Keep snake_case_names and 5 * 3.\n"
        );
    }

    #[test]
    fn markdown_links_keep_text_and_images_go() {
        assert_eq!(
            text(
                "a.md",
                "See [the report](https://example.org/r) and [this][ref]. ![a chart](c.png) End.\n\n[ref]: https://example.org\n"
            ),
            "See the report and this. End.\n"
        );
    }

    #[test]
    fn markdown_code_fences_are_kept_as_text() {
        assert_eq!(
            text(
                "a.md",
                "Before.\n\n```rust\nlet x = 1;\n  *y* = 2;\n```\nAfter.\n"
            ),
            "Before.\nlet x = 1;\n*y* = 2;\nAfter.\n"
        );
    }

    #[test]
    fn markdown_lists_quotes_and_setext_headings() {
        let md = "Title Here\n==========\n\n> Quoted text\n> goes on.\n\n- first item\n- second item\n1. numbered\n\n---\n";
        let imported = text_from_bytes("a.md", md.as_bytes()).unwrap();
        assert_eq!(
            imported.text,
            "Title Here\nQuoted text goes on.\nfirst item\nsecond item\n1. numbered\n"
        );
        assert_eq!(imported.title.as_deref(), Some("Title Here"));
    }

    #[test]
    fn markdown_with_unmatched_brackets_on_one_huge_line_stays_quick() {
        // Each would take minutes if every `[` scanned to the end of the line for its `]`.
        for c in ["[", "![", "[x]("] {
            let line = c.repeat(MAX_BYTES / 2 / c.len());
            let imported = text_from_bytes("huge.md", line.as_bytes()).unwrap();
            assert_eq!(imported.text.len(), line.len() + 1, "{c}");
        }
    }

    #[test]
    fn markdown_code_spans_and_links_after_failed_ones_still_resolve() {
        assert_eq!(
            text(
                "a.md",
                "[no close ( and [yes](u) then `code` and [a][r] [b]\n"
            ),
            "[no close ( and yes then code and a [b]\n"
        );
    }

    #[test]
    fn markdown_escaped_markers_stay_literal() {
        assert_eq!(
            text("a.md", "A \\*literal\\* star.\n"),
            "A *literal* star.\n"
        );
    }

    // --- HTML ---------------------------------------------------------------------------------

    #[test]
    fn html_blocks_become_lines_and_inline_tags_vanish() {
        let page = "<html><body><h1>Head</h1><p>One <b>bold</b>\n  word.</p><div>Two<br>Three</div><ul><li>A</li><li>B</li></ul></body></html>";
        assert_eq!(
            text("a.html", page),
            "Head\nOne bold word.\nTwo\nThree\nA\nB\n"
        );
    }

    #[test]
    fn html_scripts_styles_noscript_templates_and_comments_are_dropped() {
        let page = "<p>Keep.</p><script>var a = '<p>no</p>';</script><style>p{}</style><noscript>Enable JS</noscript><template><p>inert</p></template><!-- a <p>comment</p> --><p>Also.</p>";
        assert_eq!(text("a.html", page), "Keep.\nAlso.\n");
    }

    #[test]
    fn html_attributes_never_reach_the_text() {
        let page = r#"<p class="x" onclick="alert(1)" title='a > b'>Text <a href="javascript:alert(1)">link</a>.</p><img src=x onerror=alert(1)>"#;
        assert_eq!(text("a.html", page), "Text link.\n");
    }

    #[test]
    fn html_entities_are_decoded() {
        let page = "<p>&lt;tag&gt; &amp; &quot;q&quot; caf&eacute; &mdash; &#8217;&#x2019; &#150; &nbsp;x &unknown; &amp</p>";
        assert_eq!(
            text("a.html", page),
            "<tag> & \"q\" café — ’’ – x &unknown; &\n"
        );
    }

    #[test]
    fn html_title_from_title_element_and_author_from_meta() {
        let page = r#"<html><head><title> The  &amp; Title </title><meta name="Author" content="Ana &amp; Bo"></head><body><h1>Other</h1><p>Text.</p></body></html>"#;
        let imported = text_from_bytes("a.html", page.as_bytes()).unwrap();
        assert_eq!(imported.title.as_deref(), Some("The & Title"));
        assert_eq!(imported.author.as_deref(), Some("Ana & Bo"));
        assert_eq!(imported.text, "Other\nText.\n");
    }

    #[test]
    fn html_title_falls_back_to_first_h1() {
        let imported = text_from_bytes(
            "a.html",
            b"<h1>The <em>Real</em> One</h1><h1>Second</h1><p>x</p>",
        )
        .unwrap();
        assert_eq!(imported.title.as_deref(), Some("The Real One"));
    }

    #[test]
    fn html_title_holds_no_markup() {
        let imported = text_from_bytes(
            "a.html",
            b"<title><img src=x onerror=alert(1)>Safe &lt;b&gt;bold&lt;/b&gt; &amp; 1 < 2</title><p>x</p>",
        )
        .unwrap();
        assert_eq!(imported.title.as_deref(), Some("Safe bold & 1 < 2"));
    }

    #[test]
    fn html_quotes_in_attribute_names_are_not_values() {
        // As in a browser: `"""` is an attribute name, so the tag ends at the first `>` and
        // the script after it is dropped.
        assert_eq!(
            text(
                "a.html",
                r#"<p>A</p><IMG """><SCRIPT>alert("XSS")</SCRIPT>"\>"#
            ),
            "A\n\"\\>\n"
        );
    }

    #[test]
    fn html_tag_cut_off_by_the_end_is_dropped() {
        assert_eq!(text("a.html", "<p>Kept.</p><img src=\"x"), "Kept.\n");
    }

    #[test]
    fn html_lone_angle_brackets_are_text() {
        assert_eq!(
            text("a.html", "<p>1 < 2 and 3 <= 4</p>"),
            "1 < 2 and 3 <= 4\n"
        );
    }

    #[test]
    fn html_doubled_angle_bracket_cannot_leave_a_tag_shape() {
        assert_eq!(text("a.html", "<p>x <<script>y</script>z</p>"), "x z\n");
        let imported = text_from_bytes("a.html", b"<title>a <<b>c</title><p>x</p>").unwrap();
        assert_eq!(imported.title.as_deref(), Some("a c"));
    }

    #[test]
    fn html_pre_keeps_its_lines() {
        assert_eq!(
            text("a.html", "<pre>line one\nline two</pre><p>after</p>"),
            "line one\nline two\nafter\n"
        );
    }

    #[test]
    fn html_table_cells_are_separated() {
        assert_eq!(
            text(
                "a.html",
                "<table><tr><td>a</td><td>b</td></tr><tr><td>c</td></tr></table>"
            ),
            "a b\nc\n"
        );
    }

    #[test]
    fn html_svg_content_is_dropped_but_what_follows_is_kept() {
        assert_eq!(
            text(
                "a.html",
                "<p>A</p><svg><text>2020</text><svg/></svg><p>B</p>"
            ),
            "A\nB\n"
        );
    }

    #[test]
    fn html_unclosed_svg_does_not_swallow_the_article() {
        assert_eq!(
            text(
                "a.html",
                "<p>A</p><svg/onload=x><text>label</text><p>B</p><div>C</div>"
            ),
            "A\nB\nC\n"
        );
        assert_eq!(
            text("a.html", "<p>A</p><template><p>inert</p><div>still</div>"),
            "A\n"
        );
    }

    #[test]
    fn pasted_page_is_read_as_html() {
        let imported = text_from_pasted("<!doctype html><title>T</title><p>Body.</p>").unwrap();
        assert_eq!(imported.text, "Body.\n");
        assert_eq!(imported.title.as_deref(), Some("T"));
    }
}
