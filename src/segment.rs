//! Cleaning scraped pages and cutting them into paragraphs, with byte spans into the source.
//!
//! A corpus file holds one paragraph per line. Scraped pages also carry junk: video timestamps,
//! captions repeated twice, bylines, navigation words. Each line is classified by its *shape*
//! (length, punctuation, repetition), never by listing strings from any particular corpus.

use serde::{Deserialize, Serialize};

use crate::text::lowercase;

/// A half-open byte range `start..end` into a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Span {
    /// First byte.
    pub start: usize,
    /// One past the last byte.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// Length in bytes.
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// Whether the span covers nothing.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// The spanned text.
    pub fn of<'t>(&self, text: &'t str) -> &'t str {
        &text[self.start..self.end]
    }
}

/// What a line of a document is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Kind {
    /// Running prose: can answer a question.
    Body,
    /// A title, section heading or other short label.
    Heading,
    /// An interviewer's question: shown, but not a passage.
    Question,
    /// Page junk: timestamps, repeated captions, bylines, navigation.
    Junk,
}

impl Kind {
    /// One letter for the kind (`B`, `H`, `Q`, `J`): how build.rs writes a document's kinds
    /// for [`crate::embedded`].
    pub fn letter(self) -> u8 {
        match self {
            Kind::Body => b'B',
            Kind::Heading => b'H',
            Kind::Question => b'Q',
            Kind::Junk => b'J',
        }
    }

    /// The kind [`Kind::letter`] wrote (any other byte reads as junk).
    pub fn of_letter(letter: u8) -> Kind {
        match letter {
            b'B' => Kind::Body,
            b'H' => Kind::Heading,
            b'Q' => Kind::Question,
            _ => Kind::Junk,
        }
    }
}

/// One non-blank line of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// 1-based line number in the source file.
    pub line: usize,
    /// Byte span of the line's trimmed text in the document (for prose, after a transcript's
    /// time stamp).
    pub span: Span,
    /// What the line is.
    pub kind: Kind,
}

impl Paragraph {
    /// Whether the paragraph is running prose (can answer a question).
    pub fn is_body(&self) -> bool {
        self.kind == Kind::Body
    }
}

/// Lines without final punctuation and shorter than this many words are headings.
const HEADING_MAX_WORDS: usize = 20;

/// Lines longer than this (in bytes) are never treated as repeated captions.
const REPEAT_MAX_BYTES: usize = 400;

/// A caption or byline that runs longer than this is prose that merely starts alike.
const BYLINE_MAX_WORDS: usize = 8;

/// A closing one-line author note ("X is a fellow at Y") is at most this long.
const BIO_MAX_WORDS: usize = 40;

/// An interviewer's question, preamble included, is shorter than this, unless a speaker's label
/// opens it ("Q:", "The Review:"); a longer paragraph that ends on a question argues and asks
/// rhetorically ("… Where are the extra carers to come from?").
const QUESTION_MAX_WORDS: usize = 40;

/// Words that make up site navigation and sharing widgets. A short line made only of these
/// (and numbers) is page chrome, whatever the site.
const NAVIGATION_WORDS: &[&str] = &[
    "back",
    "comment",
    "comments",
    "contact",
    "continue",
    "copy",
    "email",
    "exit",
    "facebook",
    "follow",
    "home",
    "leave",
    "link",
    "linkedin",
    "login",
    "menu",
    "mobile",
    "more",
    "newsletter",
    "next",
    "page",
    "previous",
    "print",
    "read",
    "related",
    "reply",
    "search",
    "share",
    "sign",
    "skip",
    "subscribe",
    "tags",
    "to",
    "top",
    "twitter",
    "version",
    "view",
    "a",
    "the",
    "this",
    "article",
    "content",
    "main",
    "up",
    "in",
    "out",
    "of",
    "on",
    "whatsapp",
    "x",
];

/// An item of a list of links is at most this many words.
const LIST_ITEM_MAX_WORDS: usize = 12;

/// The label that opens a line (`Photo:`, `Related:`, `Published:`, `About the author:`) is at
/// most this long, in bytes.
const LABEL_MAX_BYTES: usize = 24;

/// Copyright lines and subscription pitches are at most this many words.
const BOILERPLATE_MAX_WORDS: usize = 30;

/// Navigation lines are at most this many words.
const NAVIGATION_MAX_WORDS: usize = 6;

/// Words for what a person does, as an author note states it ("X is a senior fellow at Y").
const ROLE_WORDS: &[&str] = &[
    "analyst",
    "associate",
    "author",
    "chair",
    "columnist",
    "consultant",
    "contributor",
    "correspondent",
    "diplomat",
    "director",
    "doctor",
    "editor",
    "expert",
    "fellow",
    "founder",
    "head",
    "journalist",
    "lecturer",
    "member",
    "planner",
    "president",
    "professor",
    "reporter",
    "researcher",
    "scholar",
    "specialist",
    "student",
    "writer",
];

/// Field labels that open a publication or metadata line (`Publication: … Volume: 15`).
const METADATA_LABELS: &[&str] = &[
    "publication",
    "published",
    "posted",
    "updated",
    "source",
    "volume",
    "issue",
    "filed",
    "category",
    "categories",
    "tags",
    "date",
    "last modified",
    "first published",
];

/// Words that name a picture's origin at the end of a caption (`… Photo: AP`).
const CAPTION_LABELS: &[&str] = &[
    "photo",
    "photos",
    "image",
    "images",
    "picture",
    "source",
    "credit",
    "credits",
    "photograph",
    "illustration",
    "video",
    "file photo",
];

/// Cuts `text` into classified paragraphs, one per non-blank line.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
    let lines = lines(text);
    // Repetition is what marks a repeated caption; only lines short enough to be one are
    // compared, so long prose is never lowercased or hashed.
    let key = |span: &Span| {
        let line = span.of(text);
        (line.len() < REPEAT_MAX_BYTES).then(|| lowercase(line))
    };
    let keys: Vec<Option<String>> = lines.iter().map(|(_, span)| key(span)).collect();
    let mut counts = crate::index::FastMap::default();
    for k in keys.iter().flatten() {
        *counts.entry(k.as_str()).or_insert(0usize) += 1;
    }
    let mut out: Vec<Paragraph> = lines
        .iter()
        .zip(&keys)
        .map(|(&(line, span), k)| {
            let repeated = k.as_deref().is_some_and(|k| counts[k] > 1);
            Paragraph {
                line,
                span,
                kind: classify(span.of(text), repeated),
            }
        })
        .collect();
    mark_author_notes(text, &mut out);
    mark_numbered_notes(text, &mut out);
    mark_interviewer_lines(text, &mut out);
    // Prose starts after the time a transcript stamps it with (`[00:01:05] I want to start …`):
    // the reader reads what was said, not when.
    for p in out.iter_mut().filter(|p| p.kind == Kind::Body) {
        p.span.start = p.span.end - after_timestamp(p.span.of(text)).len();
    }
    out
}

/// Lines that open with numbers counting up one by one (`1 See the council's register …`,
/// `2 Listings on …`), a bare number each: the notes a newsletter or a paper's text lists at
/// its end. Prose numbers its points `1.` or `(1)` and has prose between them.
fn mark_numbered_notes(text: &str, paras: &mut [Paragraph]) {
    let number = |p: &Paragraph| {
        let (first, rest) = p.span.of(text).split_once(' ')?;
        let n: u32 = first.parse().ok().filter(|_| first.len() <= 3)?;
        rest.starts_with(|c: char| c.is_uppercase() || "“\"‘'".contains(c))
            .then_some(n)
    };
    let mut start = 0;
    while start < paras.len() {
        let mut end = start + 1;
        if let Some(first) = number(&paras[start]) {
            while end < paras.len() && number(&paras[end]) == Some(first + (end - start) as u32) {
                end += 1;
            }
            if end - start >= 2 {
                for p in &mut paras[start..end] {
                    p.kind = Kind::Junk;
                }
            }
        }
        start = end;
    }
}

/// A line that opens with the label of whoever asks the questions is theirs too, question or
/// not ("The Review: Some would say … Relations were improving.", "Q: Thank you.").
fn mark_interviewer_lines(text: &str, paras: &mut [Paragraph]) {
    let label = |p: &Paragraph| speaker_label(p.span.of(text));
    let asking: Vec<&str> = (paras.iter())
        .filter(|p| p.kind == Kind::Question)
        .filter_map(label)
        .collect();
    for p in paras.iter_mut() {
        if p.kind == Kind::Body && label(p).is_some_and(|l| asking.contains(&l)) {
            p.kind = Kind::Question;
        }
    }
}

/// The non-blank lines of `text`: 1-based line number and the byte span of the trimmed line.
pub fn lines(text: &str) -> Vec<(usize, Span)> {
    let mut lines = Vec::new();
    let mut offset = 0;
    for (index, raw) in text.split_inclusive('\n').enumerate() {
        let trimmed = raw.trim();
        if !trimmed.is_empty() {
            let start = offset + (raw.len() - raw.trim_start().len());
            lines.push((index + 1, Span::new(start, start + trimmed.len())));
        }
        offset += raw.len();
    }
    lines
}

/// Everything after an "About the author" heading is a biography, and so is a closing
/// one-line note that introduces a person ("X is an expert at Y"): neither argues the case.
fn mark_author_notes(text: &str, paras: &mut [Paragraph]) {
    if let Some(at) = paras.iter().position(|p| is_about_author(p.span.of(text))) {
        for p in &mut paras[at..] {
            p.kind = Kind::Junk;
        }
    }
    // A press release's end mark and a blog's header over its comments close the text wherever
    // they stand after prose.
    if let Some(first) = paras.iter().position(|p| p.kind == Kind::Body) {
        let closing = (paras[first..].iter()).position(|p| {
            let line = p.span.of(text);
            is_end_mark(line) || is_comments_header(line)
        });
        if let Some(at) = closing {
            for p in &mut paras[first + at..] {
                p.kind = Kind::Junk;
            }
        }
    }
    let author = paras
        .iter()
        .take_while(|p| p.kind != Kind::Body)
        .find_map(|p| byline_name(p.span.of(text)));
    // After the last paragraph long enough to argue, a count of readers' comments opens the
    // comments, and a line that introduces a person is a note on a contributor ("Dr Jane Doe
    // is a consultant …"), wherever links put it.
    let argued = (paras.iter()).rposition(|p| {
        p.kind == Kind::Body && p.span.of(text).split_whitespace().count() > BIO_MAX_WORDS
    });
    if let Some(argued) = argued {
        let comments = (paras[argued + 1..].iter()).position(|p| is_comment_count(p.span.of(text)));
        if let Some(at) = comments {
            for p in &mut paras[argued + 1 + at..] {
                p.kind = Kind::Junk;
            }
        }
        for p in &mut paras[argued + 1..] {
            if p.kind == Kind::Body && is_author_note(p.span.of(text)) {
                p.kind = Kind::Junk;
            }
        }
    }
    // The last words: the last line of prose, and a heading after it (links to related pieces
    // may follow the note, or the note may lack a full stop). Both are found before either is
    // marked, so that marking one does not bring an earlier line into view.
    let last = |headings_too: bool| {
        paras
            .iter()
            .rposition(|p| p.kind == Kind::Body || (headings_too && p.kind == Kind::Heading))
    };
    let (prose, heading) = (last(false), last(true));
    for index in [prose, heading.filter(|&h| Some(h) != prose)]
        .into_iter()
        .flatten()
    {
        let line = paras[index].span.of(text);
        let names_author = author.as_deref().is_some_and(|name| {
            line.starts_with(name) && line.split_whitespace().count() <= BIO_MAX_WORDS
        });
        if index > 0 && (is_author_note(line) || names_author) {
            paras[index].kind = Kind::Junk;
        }
    }
}

/// Words counted on a line, at most: the rules below compare the count with 40 at most, and a
/// line of prose has hundreds.
const COUNTED_WORDS: usize = 41;

fn classify(line: &str, repeated: bool) -> Kind {
    let words = line.split_whitespace().take(COUNTED_WORDS).count();
    if is_timestamp(line) || (repeated && words < 40) {
        return Kind::Junk;
    }
    let short = words <= NAVIGATION_MAX_WORDS && is_navigation(line);
    let page_furniture = is_byline(line)
        || is_metadata(line)
        || is_caption(line)
        || is_list_of_links(line)
        || is_reference(line)
        || is_arrow_link(line)
        || is_note_or_figure(line)
        || is_link_label(line)
        || is_consent_notice(line)
        || is_table_row(line)
        || is_paper_apparatus(line);
    if short || page_furniture || is_boilerplate(line, words) || is_sponsor_read(line) {
        return Kind::Junk;
    }
    if line.ends_with('?') && (words < QUESTION_MAX_WORDS || speaker_label(line).is_some()) {
        return Kind::Question;
    }
    if line.ends_with(':') && words < HEADING_MAX_WORDS {
        return Kind::Heading;
    }
    let ends_sentence = ends_sentence(line);
    if words < 4 || (!ends_sentence && words < HEADING_MAX_WORDS) {
        return if words <= 4 && !ends_sentence {
            Kind::Junk
        } else {
            Kind::Heading
        };
    }
    Kind::Body
}

/// The speaker's label a line opens with, if any: up to three words, capitalised, before a
/// colon ("Q", "The Review").
fn speaker_label(line: &str) -> Option<&str> {
    let (head, _) = after_timestamp(line).split_once(':')?;
    // "HOST (PRIYA SANDHU)" is the host, whichever name follows.
    let head = head.split(" (").next().unwrap_or(head).trim_end();
    (head.split_whitespace().count() <= 3 && head.starts_with(|c: char| c.is_uppercase()))
        .then_some(head)
}

/// The line after the time a transcript stamps it with (`[02:14] HOST: …`, `02:14 HOST: …`).
fn after_timestamp(line: &str) -> &str {
    let (first, rest) = line.split_once(' ').unwrap_or((line, ""));
    if is_timestamp(first.trim_start_matches('[').trim_end_matches(']')) {
        rest.trim_start()
    } else {
        line
    }
}

/// Whether the line closes like a sentence: `.`, `!`, `…`, possibly inside a closing quote or
/// parenthesis. A title that ends on a quotation (`Relations: “The danger is …”`) does not.
fn ends_sentence(line: &str) -> bool {
    let closers = ['"', '”', '’', '\'', ')', ']', '»'];
    let core = line.trim_end_matches(closers);
    let last = core.chars().last().unwrap_or(' ');
    matches!(last, '.' | '!' | '…') || (last == '?' && core.len() < line.len())
}

/// `02:27`, `1:02:03`: a video's running time left in the scraped text.
fn is_timestamp(line: &str) -> bool {
    let mut parts = 0;
    for part in line.split(':') {
        parts += 1;
        let digits =
            !part.is_empty() && part.len() <= 2 && part.bytes().all(|b| b.is_ascii_digit());
        if parts > 3 || !digits {
            return false;
        }
    }
    parts >= 2
}

/// Items a page lists on one line: video chapters (`00:00 Intro · 03:15 The word …`), links
/// (`Ep 141: … · Ep 140: …`), numbered headlines (`1. Council tax rises  2. Rail strike …`).
/// Three or more short items, or three or more running times, are no sentence of the text.
fn is_list_of_links(line: &str) -> bool {
    // Each test first looks for what it needs (a colon, a separator, a leading "1."), so a line
    // of prose, nearly every line, is read once.
    let times = line.contains(':')
        && (line.split_whitespace())
            .filter(|w| w.contains(':'))
            .filter(|w| is_timestamp(w.trim_matches(|c: char| !c.is_ascii_digit())))
            .nth(2)
            .is_some();
    let separated = line.contains('|') || line.contains('·') || line.contains('•');
    let short_items = separated
        && line.matches(['·', '|', '•']).nth(1).is_some()
        && (line.split(['·', '|', '•']))
            .all(|item| item.split_whitespace().nth(LIST_ITEM_MAX_WORDS).is_none());
    times || short_items || numbered_headlines(line)
}

/// "1. Council … 2. Rail … 3. The …": the numbers in order, each opening a capitalised item that
/// follows the last without punctuation, as headlines do (prose counting "1. the cost; 2. the
/// time" punctuates, and does not capitalise).
fn numbered_headlines(line: &str) -> bool {
    if !line.starts_with("1. ") {
        return false;
    }
    let mut next = 1u32;
    let mut before = "";
    let mut words = line.split_whitespace().peekable();
    while let Some(word) = words.next() {
        let number = word.strip_suffix('.').and_then(|n| n.parse::<u32>().ok());
        let opens = words.peek().is_some_and(|w| starts_upper(w));
        let unpunctuated = !before.ends_with([',', ';', ':', '.', '!', '?']);
        if number == Some(next) && opens && unpunctuated {
            next += 1;
        }
        before = word;
    }
    next > 3
}

/// A footnote (`[1] Lazard, …`, `¹ Registration fees …`) or a figure's or table's caption
/// (`Figure 4: Event-study estimates …`, `Table 1 – Predictive validity …`): apparatus around
/// the argument, not the argument.
fn is_note_or_figure(line: &str) -> bool {
    let marker = line.strip_prefix('[').and_then(|rest| rest.split_once(']'));
    let bracketed =
        marker.is_some_and(|(n, _)| !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()));
    let superscript = line.starts_with(['¹', '²', '³', '⁴', '⁵', '⁶', '⁷', '⁸', '⁹']);
    let mut words = line.split_whitespace();
    let (first, second) = (words.next().unwrap_or(""), words.next().unwrap_or(""));
    let figure = [
        "figure", "fig.", "table", "chart", "graph", "map", "exhibit",
    ]
    .iter()
    .any(|f| first.eq_ignore_ascii_case(f))
        && second.starts_with(|c: char| c.is_ascii_digit())
        && (second.ends_with([':', '.'])
            || words
                .next()
                .is_some_and(|w| matches!(w, "–" | "—" | "-" | ":")));
    bracketed || superscript || figure
}

/// `Related: …`, `Read more: …`, `Suggested citation: …`: a label that points elsewhere.
fn is_link_label(line: &str) -> bool {
    let Some(label) = opening_label(line) else {
        return false;
    };
    label.split_whitespace().count() <= 4
        && [
            "related",
            "read more",
            "read next",
            "see also",
            "more from",
            "suggested citation",
            "cite this",
        ]
        .iter()
        .any(|l| label.starts_with(l))
}

/// `Fiott, D. (2018) ‘Strategic autonomy …’`, `European Commission (2024) A New …`: an entry of a
/// reference list, whose author (capitalised words and initials) is followed by a year and a
/// title.
fn is_reference(line: &str) -> bool {
    // `^ Krugman, Paul (7 June 2000). "Reckonings". …`: a wiki's reference list, whose entries
    // open with the caret that links back to the text.
    if line.starts_with("^ ") {
        return true;
    }
    let is_year = |w: &str| {
        let w = w.trim_end_matches(['.', ',']);
        w.len() == 6
            && w.starts_with('(')
            && w.ends_with(')')
            && w[1..5].bytes().all(|b| b.is_ascii_digit())
    };
    // The authors: capitalised words and initials, up to nine ("Autor, D., Palmer, C. and
    // Pathak, P."), then the year, then a title ("(2024) A New …", "(2018) ‘Strategic …"); a
    // verb would make it a sentence citing the work ("Tocci (2021) argues …").
    let mut words = line.split_whitespace();
    for author_words in 0..10 {
        let Some(word) = words.next() else {
            return false;
        };
        if is_year(word) {
            let titled = words
                .next()
                .is_some_and(|w| starts_upper(w) || w.starts_with(['‘', '“', '"', '\'', '*', '_']));
            return author_words > 0 && titled;
        }
        if !(starts_upper(word) || word == "&" || word == "and") {
            return false;
        }
    }
    false
}

/// `← Previous post: …`, `Next: Summer uniform reminders →`: a link to another page.
fn is_arrow_link(line: &str) -> bool {
    line.starts_with(['←', '‹', '«']) || line.ends_with(['→', '›', '»'])
}

/// The short label before a line's first colon (`Related` in `Related: …`), lowercased; none
/// when the line has no colon or what precedes it is too long to be a label.
fn opening_label(line: &str) -> Option<String> {
    let (label, _) = line.split_once(':')?;
    (label.len() <= LABEL_MAX_BYTES).then(|| lowercase(label))
}

/// `By Jane Doe`, `By Jane Doe and John Roe, Reuters`: a short line naming who wrote the page.
fn is_byline(line: &str) -> bool {
    if line.len() > 120 {
        return false;
    }
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    let rest: Vec<&str> = words.collect();
    (first.eq_ignore_ascii_case("by") || first.eq_ignore_ascii_case("written"))
        && !rest.is_empty()
        && rest.len() < BYLINE_MAX_WORDS
        && !line.ends_with('.')
        && rest
            .iter()
            .all(|w| starts_upper(w) || matches!(*w, "and" | "by" | "&" | "|" | "in"))
}

/// The name a byline gives (`By Jane Doe`, `Written by Jane Doe, chair of …` → `Jane Doe`).
fn byline_name(line: &str) -> Option<String> {
    let words: Vec<&str> = line.split_whitespace().collect();
    let by = words
        .iter()
        .take(3)
        .position(|w| w.eq_ignore_ascii_case("by"))?;
    let mut name = Vec::new();
    for w in &words[by + 1..] {
        let bare = w.trim_end_matches([',', ';', '.', '|']);
        if !starts_upper(bare) || name.len() == 4 {
            break;
        }
        name.push(bare);
        if bare.len() < w.len() {
            break;
        }
    }
    (name.len() >= 2).then(|| crate::text::join(&name, " "))
}

/// `Publication: Monitor Volume: 15 Issue: 59`: a label and a colon open the line, and the line
/// is short, so it is a record about the page rather than a sentence of it.
fn is_metadata(line: &str) -> bool {
    let Some((label, rest)) = line.split_once(':') else {
        return false;
    };
    if label.len() > 20 {
        return false;
    }
    let label = lowercase(label.trim());
    METADATA_LABELS.contains(&label.as_str())
        && rest.split_whitespace().count() < HEADING_MAX_WORDS
        && !line.ends_with('.')
}

/// A picture's caption: it closes with where the picture came from, either in parentheses
/// (`… (Source: kremlin.ru)`) or after the last sentence (`… on May 19. Photo: AP`), or it
/// opens with what it is (`Image: …`).
fn is_caption(line: &str) -> bool {
    // Or it opens with the label (`Image: Flags outside the building. Credit: …`).
    let opens_with_label = opening_label(line).is_some_and(|label| {
        CAPTION_LABELS.contains(&label.as_str()) && line.split_whitespace().count() < BIO_MAX_WORDS
    });
    if opens_with_label {
        return true;
    }
    let tail = line.trim_end_matches([')', ' ']);
    let Some(colon) = tail.rfind(':') else {
        return false;
    };
    let credit = tail[colon + 1..].trim();
    if credit.is_empty() || credit.split_whitespace().count() > 5 {
        return false;
    }
    let before = tail[..colon].trim_end();
    let label_start = before.rfind(['(', '.', '|', '/']).map_or(0, |i| i + 1);
    let label = lowercase(before[label_start..].trim());
    CAPTION_LABELS.contains(&label.as_str())
}

/// `Exit mobile version`, `Leave a Comment`, `Share this article`: a short line made only of
/// navigation words.
fn is_navigation(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(lowercase)
        .collect();
    !words.is_empty()
        && words.len() <= NAVIGATION_MAX_WORDS
        && words.iter().all(|w| {
            NAVIGATION_WORDS.contains(&w.as_str()) || w.bytes().all(|b| b.is_ascii_digit())
        })
}

/// Site boilerplate in sentence form: copyright lines and newsletter or subscription pitches.
fn is_boilerplate(line: &str, words: usize) -> bool {
    if words > BOILERPLATE_MAX_WORDS {
        return false;
    }
    let lower = lowercase(line);
    lower.contains('©')
        || lower.contains("all rights reserved")
        || lower.contains("edited for")
        || lower.contains("newsletter")
        || lower.contains("enter your email")
        || lower.contains("views expressed")
        || lower.contains("views of the author")
        || lower.contains("articles left")
        || lower.contains("comments are closed")
        || lower.contains("comments are turned off")
        || lower.contains("do not cite")
        || lower.contains("licensed under")
        || lower.contains("registered charity")
        || lower.contains("subscribers")
        || lower.contains("creative commons")
        || lower.contains("last edited on")
        || lower.contains("views my own")
        || lower.contains("views are my own")
        || lower.contains("opinions my own")
        || lower.contains("opinions are my own")
        || lower.contains("learn more at")
        || lower.contains("thanks for reading")
        || lower.contains("subscribe for free")
        || lower.contains("not peer reviewed")
        || lower.contains("not peer-reviewed")
        || lower.starts_with("this article is about")
        || lower.contains("for other uses, see")
        || has_email_address(&lower)
        || lower.starts_with("subscribe")
        || lower.starts_with("sign up")
}

/// `We use cookies to …`, `We and our 842 partners store and access information on your
/// device, such as cookies …`: a consent banner, however long it runs. Cookies alone may be
/// what a privacy debate argues about.
fn is_consent_notice(line: &str) -> bool {
    // Most lines have no cookie: they are not lowercased.
    if !line.contains("ookie") {
        return false;
    }
    let lower = lowercase(line);
    lower.contains("cookie")
        && [
            "we use cookies",
            "we and our",
            "use of cookies",
            "accept all",
            "accept cookies",
            "privacy settings",
            "manage preferences",
            "cookie settings",
            "cookie preferences",
            "cookie policy",
            "this site uses",
            "this website uses",
        ]
        .iter()
        .any(|p| lower.contains(p))
}

/// `Document + selfie 97.2 1.1 – 94 Facial estimation 94.1 3.8 …`: a table's rows flattened into
/// a line, more figures than words, and no sentence.
fn is_table_row(line: &str) -> bool {
    if ends_sentence(line) {
        return false;
    }
    let (mut tokens, mut figures) = (0, 0);
    for token in line.split_whitespace() {
        tokens += 1;
        let bare = token.trim_matches(|c: char| matches!(c, '(' | ')' | ',' | '%' | ';'));
        let figure = !bare.is_empty()
            && bare.bytes().any(|b| b.is_ascii_digit())
            && bare
                .bytes()
                .all(|b| b.is_ascii_digit() || b == b'.' || b == b',');
        figures += usize::from(figure);
    }
    figures >= 5 && figures * 20 >= tokens * 7
}

/// `Acknowledgements. We thank …`, `Funding: …`, `Competing interests: none declared.`: a
/// paper's apparatus around the argument.
fn is_paper_apparatus(line: &str) -> bool {
    // The label ends within the line's first bytes, at an ASCII stop: no need to read further.
    let Some(end) = (line.bytes().take(24)).position(|b| b == b'.' || b == b':') else {
        return false;
    };
    let label = &line[..end];
    let label = lowercase(label.trim());
    [
        "acknowledgements",
        "acknowledgments",
        "funding",
        "competing interests",
        "conflict of interest",
        "conflicts of interest",
        "data availability",
    ]
    .contains(&label.as_str())
}

/// `Sponsored by …`, `This episode is brought to you by …`, `This show was also supported by
/// …`: who paid for the page, and their advertisement, however long.
fn is_sponsor_read(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let first = words.next().unwrap_or("");
    if first.eq_ignore_ascii_case("sponsored") {
        return true;
    }
    let is = |word: &str, of: &[&str]| of.iter().any(|o| word.eq_ignore_ascii_case(o));
    let second = words.next().unwrap_or("");
    let media = is(first, &["this"])
        && is(
            second,
            &["episode", "show", "podcast", "video", "newsletter"],
        );
    // The opening's pairs of words, read without copying them.
    let mut previous = second;
    words.take(6).any(|word| {
        let pair = (previous, word);
        previous = word;
        (is(pair.0, &["brought"]) && is(pair.1, &["to"]))
            || (media && is(pair.0, &["sponsored", "supported"]) && is(pair.1, &["by"]))
    })
}

/// `letters@example.com`: a word with an `@` and a dot after it.
fn has_email_address(line: &str) -> bool {
    line.split_whitespace().any(|w| {
        w.split_once('@').is_some_and(|(user, host)| {
            !user.is_empty() && host.trim_end_matches('.').contains('.')
        })
    })
}

/// `12 Comments`, `💬 214 comments`, `View more comments (412)`: a count of readers' comments.
fn is_comment_count(line: &str) -> bool {
    line.split_whitespace().count() <= 6
        && lowercase(line).contains("comment")
        && line.bytes().any(|b| b.is_ascii_digit())
}

/// `14 thoughts on “…”`, `One response to “…”`: the header a blog puts over its readers'
/// comments, with the post's title.
fn is_comments_header(line: &str) -> bool {
    let mut words = line.split_whitespace();
    let (count, what, on) = (words.next(), words.next(), words.next());
    let title = words.next();
    count.is_some_and(|c| c.eq_ignore_ascii_case("one") || c.bytes().all(|b| b.is_ascii_digit()))
        && what.is_some_and(|w| {
            let w = w.as_bytes();
            ["thought", "response", "reply", "replies", "comment"]
                .iter()
                .any(|t| w.len() >= t.len() && w[..t.len()].eq_ignore_ascii_case(t.as_bytes()))
        })
        && on.is_some_and(|o| o == "on" || o == "to")
        && title.is_some_and(|t| t.starts_with(['“', '"', '‘', '\'']))
}

/// `-ENDS-`, `ENDS`, `###`: the mark a press release closes its text with; what follows is
/// notes to editors, the sender's boilerplate and contacts.
fn is_end_mark(line: &str) -> bool {
    let bare = line.trim_matches(|c: char| c == '-' || c == '–' || c == '—' || c.is_whitespace());
    bare.eq_ignore_ascii_case("ends") || bare == "###"
}

/// `About the author:`, `About the Authors`, `About the guest:`.
fn is_about_author(line: &str) -> bool {
    // "About the author: Dr Jane Doe is …" opens the note itself.
    let line = match line.split_once(':') {
        Some((head, _)) if head.len() <= 24 => head,
        _ => line,
    };
    if line.len() > 24 {
        return false;
    }
    let words: Vec<String> = line
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(lowercase)
        .collect();
    matches!(
        words
            .iter()
            .map(String::as_str)
            .collect::<Vec<_>>()
            .as_slice(),
        [
            "about",
            "the",
            "author" | "authors" | "guest" | "guests" | "writer" | "contributor"
        ] | ["about", "author" | "authors"]
    )
}

/// A closing note introducing a person: two or three capitalised words, then `is a`, `is an`,
/// `is the`, `is professor`…, in one short line.
fn is_author_note(line: &str) -> bool {
    let words: Vec<&str> = line.split_whitespace().collect();
    if words.len() > BIO_MAX_WORDS {
        return false;
    }
    let Some(is_at) = words.iter().take(5).position(|w| *w == "is" || *w == "was") else {
        return false;
    };
    let names_a_role = words[is_at + 1..].iter().any(|w| {
        let w = lowercase(w.trim_matches(|c: char| !c.is_alphabetic()));
        ROLE_WORDS.contains(&w.as_str())
    });
    (2..=4).contains(&is_at)
        && words[..is_at].iter().all(|w| starts_upper(w))
        && !crate::text::is_stop(&lowercase(words[0]))
        && names_a_role
}

fn starts_upper(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// A title for a text that has none: its first heading, or the shorter heading right after it
/// when the first is a breadcrumb ending in the same words.
pub fn title_of(text: &str) -> Option<String> {
    let paras = paragraphs(text);
    let headings: Vec<&str> = paras
        .iter()
        .take(6)
        .filter(|p| p.kind != Kind::Body || p.line == 1)
        .map(|p| p.span.of(text))
        .collect();
    let first = *headings.first()?;
    let title = headings
        .iter()
        .skip(1)
        .find(|h| first.len() > h.len() && first.ends_with(**h))
        .copied()
        .unwrap_or(first);
    Some(title.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<(usize, Kind)> {
        paragraphs(text).iter().map(|p| (p.line, p.kind)).collect()
    }

    #[test]
    fn drops_video_timestamps() {
        assert_eq!(kinds("02:27\n1:02:03\n")[0].1, Kind::Junk);
        assert_eq!(kinds("02:27\n1:02:03\n")[1].1, Kind::Junk);
    }

    #[test]
    fn drops_captions_repeated_twice() {
        let text = "A caption about a video that repeats\nA caption about a video that repeats\n";
        assert!(kinds(text).iter().all(|(_, k)| *k == Kind::Junk));
    }

    #[test]
    fn short_unpunctuated_lines_are_not_passages() {
        assert_eq!(kinds("Exit the page now")[0].1, Kind::Junk);
        assert_eq!(
            kinds("A Long Title About Two Countries and Their Relations")[0].1,
            Kind::Heading
        );
    }

    #[test]
    fn interviewer_questions_are_not_passages() {
        assert_eq!(
            kinds("How dependent are the two countries on each other?")[0].1,
            Kind::Question
        );
    }

    #[test]
    fn a_long_paragraph_that_ends_on_a_rhetorical_question_is_prose() {
        let long = "In a care home the answer is brutal. Care is measured in hours of contact with \
            residents. You cannot deliver round-the-clock cover with fewer staff hours; you can only \
            deliver it with more people. Where, precisely, are the extra carers to come from, and who \
            will fund them?";
        assert_eq!(kinds(long)[0].1, Kind::Body);
        let asked = format!("The Review: {long}");
        assert_eq!(
            kinds(&asked)[0].1,
            Kind::Question,
            "a speaker's label still asks"
        );
    }

    #[test]
    fn prose_is_body_with_line_numbers_and_trimmed_spans() {
        let text = "Title Here\n\n  The two countries signed a long agreement on trade and energy last year.  \n";
        let paras = paragraphs(text);
        assert_eq!(paras[1].line, 3);
        assert_eq!(paras[1].kind, Kind::Body);
        assert!(paras[1].span.of(text).starts_with("The two"));
        assert!(paras[1].span.of(text).ends_with("year."));
    }

    const PROSE: &str = "The two countries signed a long agreement on trade and energy last year.";

    #[test]
    fn drops_bylines() {
        assert_eq!(kinds("By Jane Doe")[0].1, Kind::Junk);
        assert_eq!(kinds("By Jane Doe and John Roe")[0].1, Kind::Junk);
        assert_eq!(
            kinds("By signing the treaty, both governments made a promise they intend to keep.")[0]
                .1,
            Kind::Body
        );
    }

    #[test]
    fn drops_photo_captions_with_a_credit() {
        let caption = "The minister greets his counterpart as they arrive for a meeting at the hall in the capital on May 19 on the sidelines of the summit. Photo: AP";
        assert_eq!(kinds(caption)[0].1, Kind::Junk);
        assert_eq!(
            kinds("Two leaders in March 2018 (Source: example.org)")[0].1,
            Kind::Junk
        );
        assert_eq!(
            kinds("Leaders at the summit (Photo: Reuters)")[0].1,
            Kind::Junk
        );
    }

    #[test]
    fn a_colon_inside_prose_is_not_a_caption() {
        let text = "The message was plain: neither side wants a war, and both will say so again at the next summit.";
        assert_eq!(kinds(text)[0].1, Kind::Body);
    }

    #[test]
    fn drops_publication_lines() {
        assert_eq!(
            kinds("Publication: Weekly Monitor Volume: 15 Issue: 59")[0].1,
            Kind::Junk
        );
        assert_eq!(kinds("Posted: 12 March 2021")[0].1, Kind::Junk);
    }

    #[test]
    fn drops_navigation_lines() {
        for nav in [
            "Exit mobile version",
            "Leave a Comment",
            "Share this article",
            "Back to top",
            "Read more",
        ] {
            assert_eq!(kinds(nav)[0].1, Kind::Junk, "{nav}");
        }
    }

    #[test]
    fn drops_copyright_and_subscription_pitches() {
        for junk in [
            "© 2021 Example Media. All rights reserved.",
            "Sign up for our free newsletter to get the latest analysis delivered to your inbox every week.",
            "Subscribe now and read every article on the site for one dollar a month.",
        ] {
            assert_eq!(kinds(junk)[0].1, Kind::Junk, "{junk}");
        }
        let prose = "Both governments subscribe to the principle of non-interference, and both say so at every summit they attend.";
        assert_eq!(kinds(prose)[0].1, Kind::Body);
    }

    #[test]
    fn about_the_author_section_is_not_body() {
        let text = format!("{PROSE}\nAbout the author:\nJane Doe\nFounder of a think tank in 1993, Jane Doe is one of the experts in information analysis.\n");
        assert_eq!(
            kinds(&text),
            vec![
                (1, Kind::Body),
                (2, Kind::Junk),
                (3, Kind::Junk),
                (4, Kind::Junk)
            ]
        );
    }

    #[test]
    fn trailing_one_line_author_note_is_not_body() {
        let text = format!(
            "{PROSE}\n{PROSE} Again.\nJane Doe is an expert at the Institute of Foreign Affairs\n"
        );
        assert_eq!(kinds(&text)[2].1, Kind::Junk);
        let text = format!("{PROSE}\nJane Doe is a senior fellow at the Centre for Studies.\n");
        assert_eq!(kinds(&text)[1].1, Kind::Junk);
    }

    #[test]
    fn closing_line_about_the_bylined_author_is_not_body() {
        let text = format!("Written by Jane Doe, chair of the Traders\n{PROSE}\n{PROSE} Again.\nJane Doe runs a hardware shop on Bridge Street.\n");
        assert_eq!(kinds(&text)[3].1, Kind::Junk);
        let text =
            format!("{PROSE}\n{PROSE} Again.\nJane Doe runs a hardware shop on Bridge Street.\n");
        assert_eq!(kinds(&text)[2].1, Kind::Body);
    }

    #[test]
    fn an_author_note_followed_by_links_to_related_pieces_is_not_body() {
        let text = format!(
            "{PROSE}\n{PROSE} Again.\nArvind Kesavan is a former diplomat who served in Moscow.\nShare this article\nRelated: Why the summit keeps slipping\n"
        );
        assert_eq!(kinds(&text)[2].1, Kind::Junk);
        assert_eq!(kinds(&text)[1].1, Kind::Body);
    }

    #[test]
    fn cookie_notices_and_editors_notes_are_not_passages() {
        assert_junk_after_prose(&[
            "We use cookies to improve your experience. By continuing to browse this site you agree to our use of cookies.",
            "This interview has been condensed and edited for clarity.",
        ]);
    }

    #[test]
    fn a_line_with_the_interviewers_label_is_theirs_without_a_question_mark() {
        let text = format!(
            "The Review: Why not simply say alliance?\n{PROSE}\nThe Review: Some would say the clash is overrated. Relations were improving anyway.\n{PROSE} Again.\nThe Review: Thank you.\n"
        );
        let kinds = kinds(&text);
        assert_eq!(kinds[2].1, Kind::Question);
        assert_eq!(kinds[4].1, Kind::Question);
        assert_eq!(kinds[3].1, Kind::Body);
    }

    #[test]
    fn a_transcripts_time_stamp_does_not_hide_the_hosts_label() {
        let text = format!(
            "[01:02] HOST: Amara, you want the whole day. Why not just lessons?\n[01:08] DR. OKAFOR: {PROSE}\n[02:14] HOST: Jonas, you're already shaking your head.\n[14:14] HOST (PRIYA SANDHU): Thank you both, and goodbye from the studio.\n"
        );
        let kinds = kinds(&text);
        assert_eq!(kinds[1].1, Kind::Body, "a guest's answer");
        assert_eq!(kinds[2].1, Kind::Question);
        assert_eq!(kinds[3].1, Kind::Question, "the host, named in brackets");
    }

    /// The arguing paragraph the tests below close: longer than any author note.
    fn argued() -> String {
        format!("{PROSE} {PROSE} {PROSE} {PROSE}")
    }

    #[test]
    fn notes_on_contributors_after_the_last_argument_are_not_body() {
        let text = format!(
            "{}\nGuests\nDr Amara Okafor is a consultant psychiatrist at a hospital in Manchester.\nJonas Webb is deputy head at a school in Leeds and the author of a book.\nMore from the show\n{PROSE}\n",
            argued()
        );
        let kinds = kinds(&text);
        assert_eq!(kinds[2].1, Kind::Junk);
        assert_eq!(kinds[3].1, Kind::Junk);
        assert_eq!(kinds[5].1, Kind::Body, "short prose is not a note");
        let text = format!(
            "{PROSE}\nJane Doe is a senior fellow at the Centre.\n{}\n",
            argued()
        );
        assert_eq!(
            kinds_of(&text)[1],
            Kind::Body,
            "a note-shaped line before the argument"
        );
    }

    fn kinds_of(text: &str) -> Vec<Kind> {
        kinds(text).into_iter().map(|(_, k)| k).collect()
    }

    /// Each of `lines`, alone, is prose.
    fn assert_prose(lines: &[&str]) {
        for line in lines {
            assert_eq!(kinds_of(line), [Kind::Body], "{line}");
        }
    }

    /// Each of `lines`, after a line of prose, is junk.
    fn assert_junk_after_prose(lines: &[&str]) {
        for line in lines {
            assert_eq!(
                kinds_of(&format!("{PROSE}\n{line}\n"))[1],
                Kind::Junk,
                "{line}"
            );
        }
    }

    #[test]
    fn an_about_the_author_line_is_a_biography_with_all_after_it() {
        let text = format!(
            "{PROSE}\nAbout the author: Dr Jane Doe is a lecturer in politics at a university.\n{PROSE} Again.\n"
        );
        assert_eq!(kinds_of(&text), [Kind::Body, Kind::Junk, Kind::Junk]);
    }

    #[test]
    fn lists_of_links_chapters_and_headlines_on_one_line_are_not_passages() {
        assert_junk_after_prose(&[
            "Chapters: 00:00 Intro · 03:15 The word “autonomy” · 09:40 Trump, tariffs and Europe.",
            "Ep 141: Is homework worth it?  ·  Ep 140: Who will teach physics?  ·  Ep 139: Inside a unit.",
            "1. Council tax rises confirmed across the region  2. Rail strike dates announced  3. The best beaches within an hour.",
            "← Previous post: The European Peace Facility and the limits of spending. | Next post: Germany.",
        ]);
        // Prose that counts or lists inside one sentence stays prose.
        assert_prose(&[
            "There are three reasons: 1. the cost of the pouches, which parents pay, 2. the time it takes to check them and 3. the trust it costs.",
            "Three things matter to heads: 1. Cost; 2. Time spent checking pouches every morning; 3. Trust between staff and pupils.",
            "Poland, the Baltic states · and Finland all buy American, and they say so openly in every meeting they attend with the French and the Germans.",
        ]);
    }

    #[test]
    fn reference_list_entries_are_not_passages() {
        assert_junk_after_prose(&[
            "Fiott, D. (2018) ‘Strategic autonomy: towards “European sovereignty” in defence?’, EUISS Brief 12.",
            "European Commission (2024) A New European Defence Industrial Strategy, JOIN(2024) 10 final.",
            "^ Krugman, Paul (7 June 2000). \"Reckonings; A Rent Affair\". The New York Times. Retrieved 3 May 2023.",
            "^ a b \"Why we need rent stabilization\". National Alliance of HUD Tenants. Retrieved 11 June 2023.",
            "Autor, D., Palmer, C. and Pathak, P. (2014). Housing Market Spillovers: Evidence from the End of Rent Control. Journal of Political Economy.",
        ]);
        // A sentence that cites a work, and one with a year in brackets, stay prose.
        assert_prose(&[
            "Tocci (2021) argues that autonomy is a spectrum rather than a switch, and she is right about that.",
            "In a speech in 2018 (the year of the tariffs) the president said the union would answer.",
        ]);
    }

    #[test]
    fn paywall_disclaimer_and_follow_prompts_are_not_passages() {
        assert_junk_after_prose(&[
            "You have 2 free articles left this month. Subscribe for unlimited access.",
            "The views expressed in this analysis are those of the author and do not necessarily reflect the position of the centre.",
            "Enter your email address to follow this blog and receive notifications of new posts.",
            "Comments are turned off for this video.",
            "Image: Flags outside the building in Brussels. Credit: European Union / Wikimedia Commons, CC BY 4.0.",
        ]);
    }

    #[test]
    fn footnotes_and_figure_and_table_captions_are_not_passages() {
        assert_junk_after_prose(&[
            "[1] Lazard, Levelized Cost of Energy+, 2023 edition. Ranges are unsubsidised and rounded.",
            "¹ Registration fees, travel and lost wages on test days fall on rural applicants.",
            "Table 1 – Predictive validity of grades and scores for first-year college grades, all cohorts.",
            "Figure 4: Event-study estimates of the effect of the policy on the share of entrants.",
        ]);
        let prose = "Table 1 shows that grades alone explain a fifth of the variance, and scores add a little more.";
        assert_eq!(kinds_of(prose), [Kind::Body], "prose that cites a table");
    }

    #[test]
    fn labels_that_point_elsewhere_and_site_notices_are_not_passages() {
        assert_junk_after_prose(&[
            "Related working papers: 24-05 “Dual enrolment and college readiness” · 23-11 “Who applies early?”",
            "Suggested citation: Doe, J. (2024). What do tests add? Working Paper 24-07.",
            "Draft: June 2024 — Comments welcome. Please do not cite or circulate without permission.",
            "Contains Parliamentary information licensed under the Open Parliament Licence v3.0.",
            "The Coalition is a registered charity in England and Wales (no. 1098765).",
            "Energy economics for people who read footnotes. Over 38,000 subscribers.",
            "Letters to the editor: Have thoughts on this? Email letters@example.com. Keep it short.",
        ]);
    }

    #[test]
    fn readers_comments_after_the_article_are_not_passages() {
        let text = format!(
            "💬 214 comments\n{PROSE} Once.\n{}\n12 Comments\nmarcus_t · March 15, 2024 at 10:42 am\nHonestly the test was the only thing that got me noticed here.\n",
            argued()
        );
        assert_eq!(
            kinds_of(&text),
            [
                Kind::Junk,
                Kind::Body,
                Kind::Body,
                Kind::Junk,
                Kind::Junk,
                Kind::Junk
            ],
            "a count above the article opens nothing"
        );
    }

    #[test]
    fn a_press_releases_end_mark_closes_its_text() {
        for mark in ["-ENDS-", "ENDS", "###", "– ends –"] {
            let text = format!(
                "{PROSE}\n{mark}\nNotes to editors\n1. The member survey was conducted online between 5 and 19 February and 2,140 members responded to it in all.\nThe Association is a membership body representing more than 38,000 landlords across the country, large and small.\n"
            );
            assert_eq!(
                kinds_of(&text),
                [Kind::Body, Kind::Junk, Kind::Junk, Kind::Junk, Kind::Junk],
                "{mark}"
            );
        }
        let text = format!(
            "{PROSE}\nThe talks ends here, he said, and the rest is up to them.\n{PROSE} Again.\n"
        );
        assert_eq!(
            kinds_of(&text),
            [Kind::Body; 3],
            "a sentence is no end mark"
        );
    }

    #[test]
    fn a_transcripts_time_stamp_is_not_part_of_what_was_said() {
        let text = "[00:01:05] I want to start with Marguerite, who lives on Brannock Wynd and is in the gallery tonight.\n[00:02:01] (inaudible)\n02:14 HOST: Thank you for coming in today, it is good to have you with us at last.\n";
        let shown: Vec<(Kind, &str)> = paragraphs(text)
            .iter()
            .map(|p| (p.kind, p.span.of(text)))
            .collect();
        assert_eq!(
            shown,
            [
                (
                    Kind::Body,
                    "I want to start with Marguerite, who lives on Brannock Wynd and is in the gallery tonight."
                ),
                (Kind::Junk, "[00:02:01] (inaudible)"),
                (
                    Kind::Body,
                    "HOST: Thank you for coming in today, it is good to have you with us at last."
                ),
            ]
        );
    }

    #[test]
    fn notes_numbered_one_by_one_are_not_passages() {
        let text = format!(
            "{PROSE}\n1 See the council’s 2022 register of tourist accommodation, published in 2019.\n2 Listings on Airbnb and Vrbo, counted by consultants for the council.\n3 “The Effect of Home-Sharing on Rents”, Marketing Science, 2021.\n"
        );
        assert_eq!(
            kinds_of(&text),
            [Kind::Body, Kind::Junk, Kind::Junk, Kind::Junk]
        );
        // Points numbered in prose, and a sentence that opens with a figure, stay prose.
        let text = format!(
            "2. For Russia, China is a valuable partner, and Putin will not easily break with it.\n3. The complex relationship between the three powers will continue for some time.\n12 countries signed the treaty in 2019, and more have joined since then.\n{PROSE}\n"
        );
        assert_eq!(kinds_of(&text), [Kind::Body; 4]);
    }

    #[test]
    fn table_rows_consent_banners_and_a_papers_apparatus_are_not_passages() {
        assert_junk_after_prose(&[
            "Document + selfie 97.2 1.1 – 94 Facial estimation (2-yr buffer) 94.1 3.8 1.6 11 Behavioural inference 71.5 9.2 2.9 –",
            "We and our 842 partners store and access information on your device, such as cookies, and process personal data such as unique identifiers to show you personalised ads and content, measure performance and develop our products. You can change your choices at any time by clicking “Privacy settings” at the bottom of the page.",
            "Acknowledgements. We thank the participating schools and families, and the anonymous reviewers of an earlier draft.",
            "Funding: this work was supported by a grant from the Nuffield Foundation.",
            "Thanks for reading Rooms & Rents! Subscribe for free to receive new posts and support my work.",
            "Working paper — comments welcome. Not peer reviewed.",
        ]);
        assert_prose(&[
            "We recruited 4,812 participants aged 11 to 25 through schools in England and Portugal, with consent for those under 16.",
            "Rents rose 4.1% in 2021, 6.3% in 2022 and 7.9% in 2023, against 2.0, 2.4 and 3.1 in the rest of the country.",
            "Sites that store cookies must ask first, and most readers accept them without reading what they agree to.",
            "Funding for the scheme would come from a levy on landlords, which the council says is fair.",
        ]);
    }

    #[test]
    fn everything_after_about_the_guest_is_a_biography() {
        let text = format!(
            "{PROSE}\nAbout the guest: Siobhan Reilly is the founder of a UK charity supporting families.\nEp. 44 — Sextortion: what every parent should know\n"
        );
        assert_eq!(kinds_of(&text), [Kind::Body, Kind::Junk, Kind::Junk]);
    }

    #[test]
    fn a_blogs_header_over_its_comments_closes_the_text() {
        let text = format!(
            "{PROSE}\n14 thoughts on “No, rent stabilization won’t stop them building”\nTom B.\nI rent out the downstairs of my duplex and honestly seven per cent a year is fine by me.\n"
        );
        assert_eq!(
            kinds_of(&text),
            [Kind::Body, Kind::Junk, Kind::Junk, Kind::Junk]
        );
        let text = format!("{PROSE}\nOne thought on the matter keeps coming back to me: the cost of the whole scheme.\n{PROSE} Again.\n");
        assert_eq!(
            kinds_of(&text),
            [Kind::Body; 3],
            "prose that opens like a header"
        );
    }

    #[test]
    fn wiki_notices_bios_and_sponsor_reads_are_not_passages() {
        assert_junk_after_prose(&[
            "This article is about limits on increases to residential rents. For other uses, see Rent control.",
            "This page was last edited on 12 May 2024, at 09:41 (UTC).",
            "Text is available under the Creative Commons Attribution-ShareAlike License 4.0; additional terms may apply.",
            "Head of English at a comprehensive in Birmingham. Books, bad puns. Views my own, obviously.",
            "This episode is brought to you by Northwind Budget, the app that sorts your spending into pots automatically so you always know what is safe to spend, with three months free and terms that apply to everyone.",
            "This episode was also supported by Harbour & Finch, small-batch coffee roasted in Leith.",
            "Retire on your own terms. Find out how much you need to save with our free calculator. Learn more at example.co.uk",
        ]);
        let prose = "This scheme was supported by both parties in the council, and it has cut rents for those who needed it most.";
        assert_eq!(kinds_of(&format!("{PROSE}\n{prose}\n"))[1], Kind::Body);
    }

    #[test]
    fn a_short_closing_claim_about_a_country_stays_body() {
        let text =
            format!("{PROSE}\nThe United States is a declining power, and its rivals know it.\n");
        assert_eq!(kinds(&text)[1].1, Kind::Body);
        let text =
            format!("{PROSE}\nVladimir Putin is a pragmatist who will not burn his bridges.\n");
        assert_eq!(kinds(&text)[1].1, Kind::Body);
    }

    #[test]
    fn a_closing_argument_about_a_person_stays_body() {
        let text = format!("{PROSE}\nVladimir Putin is a leader who will not easily make a decision that is fatal to his partners, and he knows that the cost of a break would be high for both countries over the coming decade, whatever happens in the talks with the other side and whatever the markets may say next year about it.\n");
        assert_eq!(kinds(&text)[1].1, Kind::Body);
    }

    #[test]
    fn headings_are_short_unpunctuated_or_end_with_a_colon() {
        assert_eq!(
            kinds("Conclusion and Policy Recommendation:")[0].1,
            Kind::Heading
        );
        assert_eq!(
            kinds("Toward a More Perfect Alliance: Two Ministerials in the Capital")[0].1,
            Kind::Heading
        );
    }

    #[test]
    fn a_title_ending_in_a_quotation_is_a_heading() {
        assert_eq!(
            kinds("Two countries: “The danger is to see the West alone”")[0].1,
            Kind::Heading
        );
        assert_eq!(
            kinds("He said the talks were “constructive and more predictable than before.”")[0].1,
            Kind::Body
        );
    }

    #[test]
    fn numbered_conclusions_are_body() {
        let text = "1. Although there are structural problems in both countries, the easing of relations has become the general trend.";
        assert_eq!(kinds(text)[0].1, Kind::Body);
    }

    #[test]
    fn title_skips_breadcrumb_prefix() {
        let text = "Home News The Real Title\n\nThe Real Title\n\nBody text that goes on for a while and ends.";
        assert_eq!(title_of(text).as_deref(), Some("The Real Title"));
    }
}
