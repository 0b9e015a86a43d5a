//! Aligned questions packed into bytes: `build.rs` packs every question of the embedded corpus,
//! the page unpacks the one it opens on, so a permalink to any question draws without building
//! the engine. Numbers are LEB128 varints and a span list holds gaps, not offsets, because
//! every byte here is downloaded by every reader (Rust statics of the same data cost 3.7 KB
//! gzip, these about a third of it).
//!
//! A question: its passages' count, each passage, its positions' count, each position; the
//! whole preceded by its length in bytes, so that a question is found by skipping the others.
//! A passage: document, paragraph, line, the score's bits (four bytes, little end first, so
//! the unpacked score is the engine's to the bit), flags (stance, which optional parts follow),
//! the cue, the term spans if they differ from the term marks, the term marks, the cue mark if
//! it differs from the cue. A position: document, stance, paragraph, line.

use crate::align::{Passage, Position, QuestionAlignment};
use crate::marks::Prepared;
use crate::segment::Span;
use crate::stance::Stance;

const HAS_CUE: u8 = 1 << 2;
const OWN_TERMS: u8 = 1 << 3;
const OWN_CUE_MARK: u8 = 1 << 4;
const HAS_CUE_MARK: u8 = 1 << 5;

fn stance_code(stance: Stance) -> u8 {
    match stance {
        Stance::Neutral => 0,
        Stance::Pro => 1,
        Stance::Con => 2,
    }
}

fn stance_of(code: u8) -> Stance {
    match code & 3 {
        1 => Stance::Pro,
        2 => Stance::Con,
        _ => Stance::Neutral,
    }
}

/// Every question of `prepared`, one after the other.
pub fn pack(prepared: &[Prepared]) -> Vec<u8> {
    let mut out = Vec::new();
    for question in prepared {
        let body = pack_question(question);
        number(&mut out, body.len());
        out.extend(body);
    }
    out
}

fn pack_question(prepared: &Prepared) -> Vec<u8> {
    let mut out = Vec::new();
    let passages = &prepared.alignment.passages;
    number(&mut out, passages.len());
    for (n, p) in passages.iter().enumerate() {
        let (marks, cue_mark) = (&prepared.terms[n], prepared.cues[n]);
        for x in [p.doc, p.paragraph, p.line] {
            number(&mut out, x);
        }
        out.extend(p.score.to_bits().to_le_bytes());
        let (own_terms, own_cue_mark) = (p.terms != *marks, cue_mark != p.cue);
        let mut flags = stance_code(p.stance);
        if p.cue.is_some() {
            flags |= HAS_CUE;
        }
        if own_terms {
            flags |= OWN_TERMS;
        }
        if own_cue_mark {
            flags |= OWN_CUE_MARK | if cue_mark.is_some() { HAS_CUE_MARK } else { 0 };
        }
        out.push(flags);
        if let Some(cue) = p.cue {
            spans(&mut out, &[cue], false);
        }
        if own_terms {
            spans(&mut out, &p.terms, true);
        }
        spans(&mut out, marks, true);
        if let Some(mark) = cue_mark.filter(|_| own_cue_mark) {
            spans(&mut out, &[mark], false);
        }
    }
    number(&mut out, prepared.alignment.positions.len());
    for p in &prepared.alignment.positions {
        number(&mut out, p.doc);
        out.push(stance_code(p.stance));
        number(&mut out, p.paragraph);
        number(&mut out, p.line);
    }
    out
}

fn number(out: &mut Vec<u8>, mut n: usize) {
    while n >= 0x80 {
        out.push((n as u8 & 0x7f) | 0x80);
        n >>= 7;
    }
    out.push(n as u8);
}

/// `list`: a count first. Each span as the gap from the previous one's end, then its length.
/// The gap is zigzag-coded (0, −1, 1, −2 … as 0, 1, 2, 3 …): spans come in text order, but an
/// overlapping or earlier one must come back as it was too.
fn spans(out: &mut Vec<u8>, spans: &[Span], list: bool) {
    if list {
        number(out, spans.len());
    }
    let mut end = 0;
    for s in spans {
        let gap = s.start as i64 - end as i64;
        number(out, ((gap << 1) ^ (gap >> 63)) as usize);
        number(out, s.end - s.start);
        end = s.end;
    }
}

/// Question `question` of `bytes` (as [`pack`] wrote them), `None` if there is no such
/// question or the bytes end early.
pub fn unpack(bytes: &[u8], question: usize) -> Option<Prepared> {
    let mut r = Reader { bytes, at: 0 };
    for _ in 0..question {
        let len = r.number()?;
        r.at = r.at.checked_add(len)?;
    }
    r.number()?;
    let mut alignment = QuestionAlignment {
        question,
        passages: Vec::new(),
        positions: Vec::new(),
    };
    let (mut terms, mut cues) = (Vec::new(), Vec::new());
    for _ in 0..r.number()? {
        let (doc, paragraph, line) = (r.number()?, r.number()?, r.number()?);
        let score = f32::from_bits(u32::from_le_bytes(r.take(4)?.try_into().ok()?));
        let flags = r.byte()?;
        let cue = if flags & HAS_CUE != 0 {
            Some(r.spans(1)?[0])
        } else {
            None
        };
        let own_terms = if flags & OWN_TERMS != 0 {
            let n = r.number()?;
            Some(r.spans(n)?)
        } else {
            None
        };
        let n = r.number()?;
        let marks = r.spans(n)?;
        let cue_mark = match (flags & OWN_CUE_MARK != 0, flags & HAS_CUE_MARK != 0) {
            (false, _) => cue,
            (true, true) => Some(r.spans(1)?[0]),
            (true, false) => None,
        };
        alignment.passages.push(Passage {
            doc,
            paragraph,
            line,
            score,
            stance: stance_of(flags),
            cue,
            terms: own_terms.unwrap_or_else(|| marks.clone()),
        });
        terms.push(marks);
        cues.push(cue_mark);
    }
    for _ in 0..r.number()? {
        let doc = r.number()?;
        let stance = stance_of(r.byte()?);
        let (paragraph, line) = (r.number()?, r.number()?);
        alignment.positions.push(Position {
            doc,
            stance,
            paragraph,
            line,
        });
    }
    Some(Prepared {
        alignment,
        terms,
        cues,
    })
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn take(&mut self, n: usize) -> Option<&[u8]> {
        let taken = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(taken)
    }

    fn number(&mut self) -> Option<usize> {
        let mut n = 0usize;
        for shift in (0..usize::BITS).step_by(7) {
            let b = self.byte()?;
            n |= usize::from(b & 0x7f).checked_shl(shift)?;
            if b & 0x80 == 0 {
                return Some(n);
            }
        }
        None
    }

    fn spans(&mut self, n: usize) -> Option<Vec<Span>> {
        let mut out = Vec::with_capacity(n.min(self.bytes.len()));
        let mut end = 0usize;
        for _ in 0..n {
            let zigzag = self.number()? as u64;
            let gap = (zigzag >> 1) as i64 ^ -((zigzag & 1) as i64);
            let start = usize::try_from(i64::try_from(end).ok()?.checked_add(gap)?).ok()?;
            let stop = start.checked_add(self.number()?)?;
            out.push(Span::new(start, stop));
            end = stop;
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::Engine;
    use crate::corpus::Corpus;

    fn embedded_prepared() -> Vec<Prepared> {
        let engine = Engine::new(Corpus::embedded().clone());
        (0..engine.corpus().questions.len())
            .map(|q| Prepared::new(&engine, q))
            .collect()
    }

    #[test]
    fn every_question_unpacks_as_it_was_packed() {
        let prepared = embedded_prepared();
        let bytes = pack(&prepared);
        for (q, want) in prepared.iter().enumerate() {
            assert_eq!(unpack(&bytes, q).as_ref(), Some(want), "question {q}");
        }
        assert_eq!(unpack(&bytes, prepared.len()), None);
    }

    #[test]
    fn optional_parts_and_spans_out_of_order_survive_the_round_trip() {
        let passage = |cue: Option<Span>, terms: Vec<Span>| Passage {
            doc: 3,
            paragraph: 200,
            line: 70_000,
            score: 0.123_456_7,
            stance: Stance::Con,
            cue,
            terms,
        };
        let prepared = Prepared {
            alignment: QuestionAlignment {
                question: 0,
                passages: vec![
                    passage(Some(Span::new(40, 52)), vec![Span::new(90, 95)]),
                    passage(None, vec![Span::new(9, 12), Span::new(3, 5)]),
                ],
                positions: vec![Position {
                    doc: 1,
                    stance: Stance::Pro,
                    paragraph: 2,
                    line: 5,
                }],
            },
            // Marks unlike the terms, a cue mark unlike the cue, one missing.
            terms: vec![vec![Span::new(88, 95)], vec![]],
            cues: vec![Some(Span::new(38, 52)), Some(Span::new(1, 2))],
        };
        let bytes = pack(std::slice::from_ref(&prepared));
        assert_eq!(unpack(&bytes, 0), Some(prepared));
    }

    #[test]
    fn bytes_that_end_early_unpack_to_nothing() {
        let prepared = embedded_prepared();
        let (bytes, last) = (pack(&prepared), prepared.len() - 1);
        for cut in [1, bytes.len() / 2, bytes.len() - 1] {
            // The first question may survive a late cut; none panics, and the last is gone.
            assert_eq!(unpack(&bytes[..cut], last), None, "cut at {cut}");
        }
    }
}
