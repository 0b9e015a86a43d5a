//! Cleaning scraped pages and cutting them into paragraphs, with byte spans into the source.
//!
//! A corpus file holds one paragraph per line. Scraped pages also carry junk: video timestamps,
//! captions repeated twice, bylines, navigation words. Each line is classified by its *shape*
//! (length, punctuation, repetition), never by listing strings from any particular corpus.

use serde::{Deserialize, Serialize};

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

/// One non-blank line of a document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Paragraph {
    /// 1-based line number in the source file.
    pub line: usize,
    /// Byte span of the line's trimmed text in the document.
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

/// Words shorter than this make a line without final punctuation a heading.
const HEADING_MAX_WORDS: usize = 14;

/// Cuts `text` into classified paragraphs, one per non-blank line.
pub fn paragraphs(text: &str) -> Vec<Paragraph> {
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
    let key = |span: &Span| span.of(text).to_lowercase();
    let mut counts = std::collections::HashMap::new();
    for (_, span) in &lines {
        *counts.entry(key(span)).or_insert(0usize) += 1;
    }
    lines
        .iter()
        .map(|&(line, span)| {
            let repeated = counts[&key(&span)] > 1;
            Paragraph {
                line,
                span,
                kind: classify(span.of(text), repeated),
            }
        })
        .collect()
}

fn classify(line: &str, repeated: bool) -> Kind {
    let words = line.split_whitespace().count();
    if is_timestamp(line) || (repeated && words < 40) {
        return Kind::Junk;
    }
    if line.ends_with('?') {
        return Kind::Question;
    }
    let last = line.chars().last().unwrap_or(' ');
    let ends_sentence = matches!(last, '.' | '!' | '"' | '”' | '’' | '\'' | ')' | '…');
    if words < 4 || (!ends_sentence && words < HEADING_MAX_WORDS) {
        return if words <= 4 && !ends_sentence {
            Kind::Junk
        } else {
            Kind::Heading
        };
    }
    Kind::Body
}

/// `02:27`, `1:02:03`: a video's running time left in the scraped text.
fn is_timestamp(line: &str) -> bool {
    let parts: Vec<&str> = line.split(':').collect();
    parts.len() >= 2
        && parts.len() <= 3
        && parts
            .iter()
            .all(|p| !p.is_empty() && p.len() <= 2 && p.bytes().all(|b| b.is_ascii_digit()))
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
    fn prose_is_body_with_line_numbers_and_trimmed_spans() {
        let text = "Title Here\n\n  The two countries signed a long agreement on trade and energy last year.  \n";
        let paras = paragraphs(text);
        assert_eq!(paras[1].line, 3);
        assert_eq!(paras[1].kind, Kind::Body);
        assert!(paras[1].span.of(text).starts_with("The two"));
        assert!(paras[1].span.of(text).ends_with("year."));
    }

    #[test]
    fn title_skips_breadcrumb_prefix() {
        let text = "Home News The Real Title\n\nThe Real Title\n\nBody text that goes on for a while and ends.";
        assert_eq!(title_of(text).as_deref(), Some("The Real Title"));
    }
}
