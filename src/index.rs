//! Term statistics over the corpus's prose paragraphs, and the scores built on them.
//!
//! Built once by [`crate::Engine::new`]: every Body paragraph becomes a [`Unit`] holding its
//! content-word stems (as term ids), per-sentence term counts and a unit-length tf-idf vector.
//! [`Index::score_all`] scores a weighted [`Query`] against every paragraph and its best sentence;
//! [`Index::cosine`] compares two paragraphs. Stop words never enter the index, and a term that
//! occurs in nearly every paragraph gets an inverse document frequency near zero, so the names
//! a whole corpus is about weigh almost nothing.

use std::cell::Cell;
use std::collections::{HashMap, HashSet};
use std::hash::{BuildHasherDefault, Hasher};

use crate::order;
use crate::segment::{Kind, Paragraph, Span};
use crate::stance::{Class, Tok};
use crate::text::{content_of, quick_sentences, token, tokens_with, word_indices, Token};

/// FNV-1a: the maps here are keyed by short words and small integers from our own texts, so a
/// fast non-cryptographic hash is enough and indexing a large corpus is several times faster.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map with the [`Fnv`] hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<Fnv>>;

/// A hash set with the [`Fnv`] hasher.
pub type FastSet<T> = HashSet<T, BuildHasherDefault<Fnv>>;

/// The shortest stem that has a word family (see [`Index::family`]).
pub const FAMILY_MIN: usize = 4;
/// The most letters a family member adds to the shorter stem.
pub const FAMILY_EXTRA: usize = 3;

/// A term id: an index into the vocabulary.
pub type TermId = u32;

/// One content word of a unit, where it stands in the document.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Occurrence {
    /// The stem's id.
    pub term: TermId,
    /// Byte span of the word in the document text.
    pub span: Span,
    /// Index of the sentence of the unit it belongs to.
    pub sentence: u16,
}

/// A distinct word as written, read once for the whole corpus (see [`crate::text::token`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Form {
    /// Lowercased, apostrophes folded.
    pub norm: String,
    /// Snowball stem (the acronym itself for an acronym).
    pub stem: String,
    /// Whether it is a stop word.
    pub stop: bool,
    /// What the stance rules take it for (see [`Form::class`]).
    class: Cell<Option<Class>>,
    /// Its term id; `None` for a stop word.
    pub term: Option<TermId>,
    /// The same number for the same stem, stop words included: shared wording compares words
    /// by this instead of by their stems' text.
    pub key: u32,
}

impl Form {
    /// What the stance rules take the word for, found the first time they read it: the widget
    /// first judges one question's passages, which hold a fraction of the corpus's words.
    pub fn class(&self) -> Class {
        self.class.get().unwrap_or_else(|| {
            let class = Class::of(&self.norm, &self.stem);
            self.class.set(Some(class));
            class
        })
    }
}

/// Any word of a unit, stop words included. Twelve bytes, not a [`Span`]'s sixteen and four:
/// a corpus has one per word (half a million in 200 documents).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Word {
    start: u32,
    end: u32,
    /// Index of its [`Form`] (see [`Index::form`]).
    pub form: u32,
}

impl Word {
    /// Byte span of the word in the document text.
    pub fn span(&self) -> Span {
        Span::new(self.start as usize, self.end as usize)
    }
}

/// A Body paragraph, indexed.
#[derive(Debug, Clone)]
pub struct Unit {
    /// Document index.
    pub doc: usize,
    /// Paragraph index within the document.
    pub paragraph: usize,
    /// Content words in reading order.
    pub words: Vec<Occurrence>,
    /// Every word in reading order, stop words included: the stance judge and shared wording
    /// read these instead of cutting and stemming the paragraph again.
    pub tokens: Vec<Word>,
    /// Term counts, sorted by term.
    pub counts: Vec<(TermId, u16)>,
    /// Per sentence: its number of content words, and where its term counts end in
    /// `sentence_counts` (they start where the previous sentence's end).
    pub sentences: Vec<(u32, u32)>,
    /// Every sentence's term counts, each sorted by term, one sentence after the other.
    pub sentence_counts: Vec<(TermId, u16)>,
    /// Unit-length tf-idf vector, sorted by term.
    pub vector: Vec<(TermId, f32)>,
    /// Where the terms of the heading it stands under are in the index (see
    /// [`Index::heading`]).
    heading: (u32, u32),
}

/// A weighted bag of terms, plus phrases that earn a bonus when their words stand together.
#[derive(Debug, Clone)]
pub struct Query {
    /// Term weights (already including how much each source of the query is trusted).
    pub weights: FastMap<TermId, f32>,
    /// Multi-word phrases (term ids in order) with their weight.
    pub phrases: Vec<(Vec<TermId>, f32)>,
    /// BM25 term-frequency saturation (`k1`).
    pub k1: f32,
    /// BM25 length normalisation (`b`).
    pub b: f32,
    /// Idf is taken as its square root: a question's rare keywords no longer outweigh its
    /// common ones by far, while a term in every paragraph still weighs nothing. (A square
    /// root, not any power: `powf` would add 1.6 KB of libm to the wasm, and the powers 0 and
    /// 1 both measured worse than 0.5 with `examples/tune.rs`.)
    pub idf_sqrt: bool,
}

impl Default for Query {
    fn default() -> Query {
        Query {
            weights: FastMap::default(),
            phrases: Vec::new(),
            k1: 1.2,
            b: 0.75,
            idf_sqrt: false,
        }
    }
}

impl Query {
    /// A term's idf as this query weighs it (see [`Query::idf_sqrt`]).
    pub fn idf_of(&self, idf: f32) -> f32 {
        if self.idf_sqrt {
            idf.sqrt()
        } else {
            idf
        }
    }

    /// Adds `weight` to a term, keeping the larger weight if it is already there.
    pub fn raise(&mut self, term: TermId, weight: f32) {
        let w = self.weights.entry(term).or_insert(0.0);
        *w = w.max(weight);
    }
}

/// The corpus's prose paragraphs with their term statistics.
#[derive(Debug, Clone, Default)]
pub struct Index {
    vocab: FastMap<String, TermId>,
    /// Word as written → its form, so each distinct word is stemmed once.
    words: FastMap<String, u32>,
    forms: Vec<Form>,
    /// Number of units each term occurs in.
    df: Vec<u32>,
    /// Inverse document frequency per term.
    idf: Vec<f32>,
    units: Vec<Unit>,
    /// The units each term occurs in, in unit order: term `t`'s are
    /// `postings[starts[t]..starts[t + 1]]`. One list for every term, since a list each was a
    /// thousand allocations (and frees) for the default corpus alone.
    postings: Vec<u32>,
    starts: Vec<u32>,
    /// Every heading's terms, one heading after the other (see [`Index::heading`]).
    headings: Vec<TermId>,
    by_place: FastMap<(usize, usize), usize>,
    /// The vocabulary sorted, for prefix look-ups.
    sorted: Vec<(String, TermId)>,
    avg_len: f32,
    avg_sentence_len: f32,
}

impl Index {
    /// Indexes the Body paragraphs of every document (`texts[d]` with `paragraphs[d]`).
    pub fn new(texts: &[&str], paragraphs: &[Vec<Paragraph>]) -> Index {
        let mut index = Index::default();
        for (doc, (text, paras)) in texts.iter().zip(paragraphs).enumerate() {
            for (paragraph, p) in paras.iter().enumerate() {
                if p.is_body() {
                    let unit = index.unit(doc, paragraph, text, p.span);
                    index.by_place.insert((doc, paragraph), index.units.len());
                    index.units.push(unit);
                }
            }
        }
        index.read_headings(texts, paragraphs);
        let terms = index.vocab.len();
        index.df = vec![0; terms];
        let (mut total, mut sentence_total, mut sentence_count) = (0usize, 0usize, 0usize);
        for unit in &index.units {
            total += unit.words.len();
            for (len, _) in &unit.sentences {
                sentence_total += *len as usize;
                sentence_count += 1;
            }
            for &(term, _) in &unit.counts {
                index.df[term as usize] += 1;
            }
        }
        let mut start = 0;
        index.starts = Vec::with_capacity(terms + 1);
        for &df in &index.df {
            index.starts.push(start);
            start += df;
        }
        index.starts.push(start);
        let mut next = index.starts.clone();
        index.postings = vec![0; start as usize];
        for (u, unit) in index.units.iter().enumerate() {
            for &(term, _) in &unit.counts {
                let at = &mut next[term as usize];
                index.postings[*at as usize] = u as u32;
                *at += 1;
            }
        }
        let n = index.units.len() as f32;
        index.idf = index
            .df
            .iter()
            .map(|&df| (1.0 + (n - df as f32 + 0.5) / (df as f32 + 0.5)).ln())
            .collect();
        index.avg_len = (total as f32 / n.max(1.0)).max(1.0);
        index.avg_sentence_len = (sentence_total as f32 / sentence_count.max(1) as f32).max(1.0);
        // A stop word's key is the term id of a content word with the same stem if there is
        // one (`further`, `furthering`; the pronoun `us`, the acronym `US`), else a number past
        // the vocabulary.
        let mut stop_stems: FastMap<String, u32> = FastMap::default();
        for form in &mut index.forms {
            form.key = match form.term.or_else(|| index.vocab.get(&form.stem).copied()) {
                Some(term) => term,
                None => {
                    let next = (terms + stop_stems.len()) as u32;
                    *stop_stems.entry(form.stem.clone()).or_insert(next)
                }
            };
        }
        index.sorted = index.vocab.iter().map(|(s, &t)| (s.clone(), t)).collect();
        order::sort(&mut index.sorted);
        for u in 0..index.units.len() {
            let vector = index.tfidf(&index.units[u].counts);
            index.units[u].vector = vector;
        }
        index
    }

    /// Gives every unit the terms of the heading it stands under ([`Index::heading`]), once the
    /// vocabulary is whole: a heading's words count only as the prose's words.
    fn read_headings(&mut self, texts: &[&str], paragraphs: &[Vec<Paragraph>]) {
        // Units are the prose paragraphs, in order.
        let mut unit = 0;
        for (text, paras) in texts.iter().zip(paragraphs) {
            let mut heading = (0, 0);
            let mut prose_seen = false;
            for p in paras {
                match p.kind {
                    Kind::Heading | Kind::Question if prose_seen => {
                        let start = self.headings.len();
                        for stem in self.stems(text, p.span) {
                            if let Some(term) = self.term(&stem) {
                                if !self.headings[start..].contains(&term) {
                                    self.headings.push(term);
                                }
                            }
                        }
                        heading = (start as u32, self.headings.len() as u32);
                    }
                    Kind::Body => {
                        prose_seen = true;
                        self.units[unit].heading = heading;
                        unit += 1;
                    }
                    _ => {}
                }
            }
        }
    }

    fn unit(&mut self, doc: usize, paragraph: usize, text: &str, span: Span) -> Unit {
        let bounds = quick_sentences(text, span);
        let found = word_indices(span.of(text));
        // Every word is a token; only content words are `words`, so that one grows.
        let mut words = Vec::new();
        let mut tokens = Vec::with_capacity(found.len());
        let mut sentence = 0usize;
        for (at, word) in found {
            let start = span.start + at;
            while sentence + 1 < bounds.len() && bounds[sentence].end <= start {
                sentence += 1;
            }
            let span = Span::new(start, start + word.len());
            let form = self.form_of(word, span);
            let offset = |at: usize| u32::try_from(at).expect("a document is under 4 GiB");
            tokens.push(Word {
                start: offset(span.start),
                end: offset(span.end),
                form,
            });
            if let Some(term) = self.forms[form as usize].term {
                words.push(Occurrence {
                    term,
                    span,
                    sentence: sentence.min(u16::MAX as usize) as u16,
                });
            }
        }
        let mut scratch = Vec::with_capacity(words.len());
        let mut counts = Vec::new();
        count_into(&words, &mut scratch, &mut counts);
        // Words come in sentence order: each sentence's are the next run of them.
        let mut rest = &words[..];
        let mut sentence_counts = Vec::with_capacity(words.len());
        let sentences = (0..bounds.len().max(1))
            .map(|s| {
                let own = rest.iter().take_while(|w| w.sentence as usize == s).count();
                count_into(&rest[..own], &mut scratch, &mut sentence_counts);
                rest = &rest[own..];
                (own as u32, sentence_counts.len() as u32)
            })
            .collect();
        Unit {
            doc,
            paragraph,
            words,
            tokens,
            counts,
            sentences,
            sentence_counts,
            vector: Vec::new(),
            heading: (0, 0),
        }
    }

    /// The form of a raw word, adding it (and its stem, unless a stop word) to the vocabulary.
    fn form_of(&mut self, word: &str, span: Span) -> u32 {
        if let Some(&known) = self.words.get(word) {
            return known;
        }
        let Token {
            norm, stem, stop, ..
        } = token(word, span);
        let term = (!stop).then(|| {
            let next = self.vocab.len() as TermId;
            *self.vocab.entry(stem.clone()).or_insert(next)
        });
        let id = self.forms.len() as u32;
        self.forms.push(Form {
            class: Cell::new(None),
            norm,
            stem,
            stop,
            term,
            key: 0,
        });
        self.words.insert(word.to_string(), id);
        id
    }

    /// The words of `text[within]` as [`crate::text::tokens`] reads them; a word the corpus
    /// has is copied from its form rather than read (and stemmed) again. A question's words
    /// are mostly the corpus's, and every question reads its fields several times.
    pub fn tokens(&self, text: &str, within: Span) -> Vec<Token> {
        tokens_with(text, within, |word, span| match self.words.get(word) {
            Some(&id) => {
                let form = self.form(id);
                Token {
                    span,
                    norm: form.norm.clone(),
                    stem: form.stem.clone(),
                    stop: form.stop,
                }
            }
            None => token(word, span),
        })
    }

    /// Form `id` of the corpus's words (see [`Word::form`]).
    pub fn form(&self, id: u32) -> &Form {
        &self.forms[id as usize]
    }

    /// The words of unit `unit` as [`crate::text::tokens`] reads them, borrowed from the forms:
    /// neither read nor copied again.
    pub fn words_of(&self, unit: usize) -> Vec<Tok<'_>> {
        self.units[unit]
            .tokens
            .iter()
            .map(|w| {
                let form = self.form(w.form);
                Tok {
                    span: w.span(),
                    norm: &form.norm,
                    stem: &form.stem,
                    stop: form.stop,
                    class: form.class(),
                }
            })
            .collect()
    }

    /// The id of a stem, if the corpus has it.
    pub fn term(&self, stem: &str) -> Option<TermId> {
        self.vocab.get(stem).copied()
    }

    /// Other stems of the same word family as `stem` (`deep` ~ `deepen`, `alli` ~ `allianc`,
    /// `grow` ~ `growth`): one is a prefix of the other, the shorter has at least
    /// [`FAMILY_MIN`] letters and the longer adds at most [`FAMILY_EXTRA`]. The stemmer keeps
    /// these apart, yet a question asking about `deepening` ties should find `deep` ties.
    pub fn family(&self, stem: &str) -> Vec<TermId> {
        let mut out = Vec::new();
        let len = stem.chars().count();
        if len < FAMILY_MIN {
            return out;
        }
        let from = self.sorted.partition_point(|(s, _)| s.as_str() < stem);
        for (s, t) in &self.sorted[from..] {
            if !s.starts_with(stem) {
                break;
            }
            if s != stem && s.chars().count() <= len + FAMILY_EXTRA {
                out.push(*t);
            }
        }
        let chars: Vec<(usize, char)> = stem.char_indices().collect();
        for cut in FAMILY_MIN.max(len.saturating_sub(FAMILY_EXTRA))..len {
            if let Some(&t) = self.vocab.get(&stem[..chars[cut].0]) {
                out.push(t);
            }
        }
        out
    }

    /// The corpus's stems, sorted, with their term ids.
    pub fn vocabulary(&self) -> &[(String, TermId)] {
        &self.sorted
    }

    /// The indexed units (Body paragraphs), in document then reading order.
    pub fn units(&self) -> &[Unit] {
        &self.units
    }

    /// The unit of paragraph `paragraph` of document `doc`, if it is a Body paragraph.
    pub fn unit_at(&self, doc: usize, paragraph: usize) -> Option<usize> {
        self.by_place.get(&(doc, paragraph)).copied()
    }

    /// The stems of the content words of `text[within]` (see [`Index::tokens`]).
    pub fn stems(&self, text: &str, within: Span) -> Vec<String> {
        content_of(self.tokens(text, within))
    }

    /// The terms of the section heading or interviewer's question unit `unit` stands under,
    /// each once: what the writer says this part of the text is about. None before a
    /// document's first prose paragraph, whose title heads the whole text.
    pub fn heading(&self, unit: usize) -> &[TermId] {
        let (start, end) = self.units[unit].heading;
        &self.headings[start as usize..end as usize]
    }

    /// Inverse document frequency of a term.
    pub fn idf(&self, term: TermId) -> f32 {
        self.idf[term as usize]
    }

    /// Number of units a term occurs in.
    pub fn df(&self, term: TermId) -> u32 {
        self.df[term as usize]
    }

    /// Number of units.
    pub fn len(&self) -> usize {
        self.units.len()
    }

    /// Whether nothing is indexed.
    pub fn is_empty(&self) -> bool {
        self.units.is_empty()
    }

    /// For every unit holding a query term: (unit, paragraph BM25 with phrase bonus, best
    /// sentence BM25). The query's weights are laid out densely once, so scoring a unit costs
    /// one array read per distinct word.
    pub fn score_all(&self, query: &Query) -> Vec<(usize, f32, f32)> {
        let mut dense = vec![0.0f32; self.vocab.len()];
        for (&term, &w) in &query.weights {
            dense[term as usize] = w * query.idf_of(self.idf(term));
        }
        let score = |counts: &[(TermId, u16)], len: f32, avg: f32| -> f32 {
            let norm = query.k1 * (1.0 - query.b + query.b * len / avg);
            // Most of a unit's words are not the query's: skipping their zero terms leaves the
            // sum as it was.
            counts
                .iter()
                .filter(|&&(term, _)| dense[term as usize] != 0.0)
                .map(|&(term, tf)| {
                    let tf = tf as f32;
                    dense[term as usize] * tf * (query.k1 + 1.0) / (tf + norm)
                })
                .sum()
        };
        self.candidates(query)
            .into_iter()
            .map(|u| {
                let unit = &self.units[u];
                let paragraph = score(&unit.counts, unit.words.len() as f32, self.avg_len)
                    + self.phrase_bonus(query, u);
                let (mut sentence, mut from) = (0.0f32, 0);
                for &(len, end) in &unit.sentences {
                    let counts = &unit.sentence_counts[from..end as usize];
                    sentence = sentence.max(score(counts, len as f32, self.avg_sentence_len));
                    from = end as usize;
                }
                (u, paragraph, sentence)
            })
            .collect()
    }

    /// Units that contain at least one query term.
    pub fn candidates(&self, query: &Query) -> Vec<usize> {
        let mut hit = vec![false; self.units.len()];
        for &term in query.weights.keys() {
            let (from, to) = (self.starts[term as usize], self.starts[term as usize + 1]);
            for &u in &self.postings[from as usize..to as usize] {
                hit[u as usize] = true;
            }
        }
        (0..self.units.len()).filter(|&u| hit[u]).collect()
    }

    fn phrase_bonus(&self, query: &Query, u: usize) -> f32 {
        let words = &self.units[u].words;
        query
            .phrases
            .iter()
            .filter(|(phrase, _)| {
                phrase.len() <= words.len()
                    && words
                        .windows(phrase.len())
                        .any(|w| w.iter().zip(phrase).all(|(o, t)| o.term == *t))
            })
            .map(|(phrase, weight)| weight * phrase.iter().map(|&t| self.idf(t)).sum::<f32>())
            .sum()
    }

    /// A unit-length tf-idf vector of term counts.
    pub fn tfidf(&self, counts: &[(TermId, u16)]) -> Vec<(TermId, f32)> {
        let mut v: Vec<(TermId, f32)> = counts
            .iter()
            .map(|&(t, c)| (t, (1.0 + (c as f32).ln()) * self.idf(t)))
            .collect();
        let norm = v.iter().map(|(_, w)| w * w).sum::<f32>().sqrt();
        if norm > 0.0 {
            for (_, w) in &mut v {
                *w /= norm;
            }
        }
        v
    }

    /// Cosine similarity of two units' tf-idf vectors, with the terms that contributed, largest
    /// contribution first.
    pub fn cosine(&self, a: usize, b: usize) -> (f32, Vec<(TermId, f32)>) {
        let mut shared: Vec<(TermId, f32)> = self.common(a, b).collect();
        let score = shared.iter().map(|(_, w)| w).sum();
        order::sort_by(&mut shared, |x, y| y.1.total_cmp(&x.1));
        (score, shared)
    }

    /// The score of [`Index::cosine`] alone, without collecting and ranking the terms: what
    /// ranking many candidates needs.
    pub fn similarity(&self, a: usize, b: usize) -> f32 {
        self.common(a, b).map(|(_, w)| w).sum()
    }

    /// The terms two units share, in term order, with the product of their weights.
    fn common(&self, a: usize, b: usize) -> impl Iterator<Item = (TermId, f32)> + '_ {
        let (va, vb) = (&self.units[a].vector, &self.units[b].vector);
        let (mut i, mut j) = (0, 0);
        std::iter::from_fn(move || {
            while i < va.len() && j < vb.len() {
                let (ta, wa) = va[i];
                let (tb, wb) = vb[j];
                i += usize::from(ta <= tb);
                j += usize::from(tb <= ta);
                if ta == tb {
                    return Some((ta, wa * wb));
                }
            }
            None
        })
    }
}

/// Appends to `out` the counts of the terms of `words`, sorted by term; `scratch` is any
/// vector, reused so that counting a paragraph's sentences allocates nothing new.
fn count_into(words: &[Occurrence], scratch: &mut Vec<TermId>, out: &mut Vec<(TermId, u16)>) {
    scratch.clear();
    scratch.extend(words.iter().map(|w| w.term));
    order::sort_values(scratch);
    let from = out.len();
    for &t in scratch.iter() {
        match out[from..].last_mut() {
            Some((last, c)) if *last == t => *c = c.saturating_add(1),
            _ => out.push((t, 1)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::segment::paragraphs;
    use crate::text::stem;

    fn index_of(texts: &[&str]) -> Index {
        let paras: Vec<Vec<Paragraph>> = texts.iter().map(|t| paragraphs(t)).collect();
        Index::new(texts, &paras)
    }

    const A: &str = "Russia and China signed a gas pipeline deal for twenty years.\nRussia and China held talks about the weather and about sport today.\nRussia and China discussed an alliance, which both sides rejected firmly.";

    #[test]
    fn a_term_in_every_paragraph_weighs_almost_nothing() {
        let index = index_of(&[A]);
        let russia = index.term(&stem("russia")).unwrap();
        let gas = index.term(&stem("gas")).unwrap();
        assert!(index.idf(russia) < 0.2 * index.idf(gas));
    }

    #[test]
    fn stop_words_are_not_indexed() {
        let index = index_of(&[A]);
        assert!(index.term("the").is_none());
        assert!(index.term("and").is_none());
    }

    #[test]
    fn bm25_prefers_the_paragraph_with_the_query_term() {
        let index = index_of(&[A]);
        let mut query = Query::default();
        query.raise(index.term(&stem("pipeline")).unwrap(), 1.0);
        let scores = index.score_all(&query);
        assert_eq!(
            scores.len(),
            1,
            "only the paragraph with the term is a candidate"
        );
        assert_eq!(scores[0].0, 0);
        assert!(scores[0].1 > 0.0 && scores[0].2 > 0.0);
    }

    #[test]
    fn phrases_earn_a_bonus_only_when_their_words_stand_together() {
        let index = index_of(&["The gas pipeline opened on time this year.\nThe pipeline carried oil while the gas went elsewhere by ship."]);
        let gas = index.term(&stem("gas")).unwrap();
        let pipe = index.term(&stem("pipeline")).unwrap();
        let mut query = Query::default();
        query.raise(gas, 1.0);
        query.raise(pipe, 1.0);
        let plain = index.score_all(&query);
        query.phrases.push((vec![gas, pipe], 1.0));
        let with_phrase = index.score_all(&query);
        assert!(
            with_phrase[0].1 > plain[0].1,
            "words together earn the bonus"
        );
        assert_eq!(with_phrase[1].1, plain[1].1, "words apart do not");
    }

    #[test]
    fn cosine_of_a_paragraph_with_itself_is_one() {
        let index = index_of(&[A]);
        let (score, shared) = index.cosine(0, 0);
        assert!((score - 1.0).abs() < 1e-4);
        assert!(!shared.is_empty());
        assert!(index.cosine(0, 1).0 < 0.5);
    }

    #[test]
    fn word_families_join_stems_the_stemmer_keeps_apart() {
        let index = index_of(&["They deepen ties; the deep sea; an alliance of allies; growth grows.\nA second paragraph about other things entirely, like weather."]);
        let names = |stem: &str| -> Vec<String> {
            let mut v: Vec<String> = index
                .family(stem)
                .into_iter()
                .map(|t| {
                    index
                        .sorted
                        .iter()
                        .find(|(_, id)| *id == t)
                        .unwrap()
                        .0
                        .clone()
                })
                .collect();
            v.sort();
            v
        };
        assert_eq!(names("deep"), vec!["deepen"]);
        assert_eq!(names("alli"), vec!["allianc"]);
        assert_eq!(names("grow"), vec!["growth"]);
        assert!(names("sea").is_empty(), "too short to have a family");
    }

    #[test]
    fn words_know_their_sentence() {
        let index =
            index_of(&["First sentence has many words here about other things. Then a pipeline."]);
        let pipe = index.term(&stem("pipeline")).unwrap();
        let w = index.units()[0]
            .words
            .iter()
            .find(|w| w.term == pipe)
            .unwrap();
        assert_eq!(w.sentence, 1);
        let mut query = Query::default();
        query.raise(pipe, 1.0);
        let (_, paragraph, sentence) = index.score_all(&query)[0];
        assert!(
            sentence > paragraph,
            "a short sentence with the term outscores its paragraph"
        );
    }
}
