//! Which passages of which author answer which question; passage ↔ passage matches.
//!
//! Relevance is ranked retrieval, not keyword counting: every prose paragraph is indexed once
//! ([`crate::index`]); a question becomes a weighted query (keywords and their phrases first,
//! then the title, then the prompt and the words of its `pro` and `con`: another writer's
//! prompt wraps the matter in scaffolding), expanded from the corpus itself by pseudo-relevance
//! feedback; a paragraph's score mixes its BM25 with the BM25 of its best sentence, so one
//! sentence squarely on the question counts even in a long paragraph, and the section heading or
//! interviewer's question a paragraph stands under counts when it names the question's matter
//! (the writer's own word on what follows); and the cut-off adapts to
//! each question's score distribution instead of keeping a fixed top k (just under it, a
//! paragraph stays when it takes a side or holds several different question words). A question
//! whose sides disagree about direction ("getting closer" / "drifting apart") also ranks by the
//! corpus's general words of coming closer and drifting apart, as feedback terms do.
//! Words common to nearly every paragraph (the names a corpus is about) weigh almost nothing,
//! and a passage must contain at least one of the question's own words.
//!
//! Questions of one file are read together. When they are distinct matters (their best
//! paragraphs mostly differ), a paragraph well under a question's best yields to another
//! question it answers clearly better; when they are one matter seen from several sides (they
//! share their best paragraphs), a paragraph answers them all and none yields.
//!
//! The knobs live in [`Tuning`]; `examples/tune.rs` shows what each contributes on the
//! annotated corpora (`tests/annotations/`).
//!
//! The types below are the model the view draws.

use std::cell::OnceCell;

use serde::Serialize;

use crate::corpus::Corpus;
use crate::highlight::{Mark, MarkKind};
use crate::index::{FastMap, Index, Query, TermId};
use crate::order;
use crate::question::Question;
use crate::segment::{Paragraph, Span};
use crate::shared::{shared_phrases, DiffWord};
use crate::stance::{self, Stance, Tok};
use crate::text::{initials, lowercase};

/// A paragraph judged to address a question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Passage {
    /// Index of the document in the corpus.
    pub doc: usize,
    /// Index of the paragraph in [`Engine::paragraphs`] of that document.
    pub paragraph: usize,
    /// 1-based line in the source file.
    pub line: usize,
    /// Relevance, 0..=1.
    pub score: f32,
    /// Side taken.
    pub stance: Stance,
    /// The words that decided the stance, as a span into the document text. `None` with a side
    /// taken: the passage has no word of either side, and takes its author's position.
    pub cue: Option<Span>,
    /// Question terms found in the passage, as spans into the document text.
    pub terms: Vec<Span>,
}

/// An author's overall stance on a question and the line that states it best.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Position {
    /// Index of the document.
    pub doc: usize,
    /// Overall stance.
    pub stance: Stance,
    /// Index of the paragraph that states it best.
    pub paragraph: usize,
    /// 1-based line of that paragraph.
    pub line: usize,
}

/// Everything the corpus says on one question.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionAlignment {
    /// Index of the question in the corpus.
    pub question: usize,
    /// Passages in document order, then reading order.
    pub passages: Vec<Passage>,
    /// One per author who addresses the question.
    pub positions: Vec<Position>,
}

/// A phrase two passages share: spans into each document's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct SharedPhrase {
    /// Where it stands in the passage matched from.
    pub here: Span,
    /// Where it stands in the other passage.
    pub there: Span,
}

/// The closest passage of another author to a given passage.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PassageMatch {
    /// The other author's passage.
    pub passage: Passage,
    /// Similarity, 0..=1.
    pub score: f32,
    /// Wording the two share.
    pub shared: Vec<SharedPhrase>,
    /// One line on why they match (terms and cue).
    pub why: String,
}

/// The knobs of relevance. [`Tuning::default`] is what the engine uses; the fields are public so
/// that experiments (and the quality test) can vary them without touching the method.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Tuning {
    /// Weight of a keyword's words.
    pub keyword: f32,
    /// Weight of the title's and prompt's words.
    pub prompt: f32,
    /// Weight of the words of `pro` and `con`.
    pub sides: f32,
    /// Extra weight (times the phrase's idf) when a multi-word keyword stands word for word.
    pub phrase: f32,
    /// Pseudo-relevance feedback: paragraphs read.
    pub feedback_units: usize,
    /// Pseudo-relevance feedback: terms added.
    pub feedback_terms: usize,
    /// Pseudo-relevance feedback: weight of the strongest added term.
    pub feedback_weight: f32,
    /// Share of the best sentence's score in a paragraph's score.
    pub sentence_share: f32,
    /// A paragraph is kept when its score reaches this fraction of the reference score.
    pub keep_fraction: f32,
    /// Weight of the title's words (a short label: often the concept itself).
    pub title: f32,
    /// Weight of the corpus's words of direction in the ranking of a question about direction
    /// (see [`stance::Judge::about_direction`]); like feedback terms, they rank paragraphs
    /// but are not the question's own words.
    pub direction: f32,
    /// Weight of the question's words in the section heading or interviewer's question a
    /// paragraph stands under, relative to the best sentence's score (see [`Index::heading`]).
    pub heading: f32,
    /// BM25 `k1`.
    pub k1: f32,
    /// BM25 `b`.
    pub b: f32,
    /// Square root of idf rather than idf (see [`Query::idf_sqrt`]).
    pub idf_sqrt: bool,
    /// Weight of a word-family relative of a question word, relative to the word's own.
    pub family: f32,
    /// The reference score is the mean of this many best scores (1 = the maximum), so that one
    /// outstanding paragraph does not push the others out.
    pub reference_rank: usize,
    /// Below [`Tuning::keep_fraction`], a paragraph is still kept down to this fraction of the
    /// reference score when it holds [`Tuning::evidence_terms`] different question words.
    pub evidence_fraction: f32,
    /// Different question words that keep a paragraph down to [`Tuning::evidence_fraction`].
    pub evidence_terms: usize,
    /// Under this fraction of its question's reference score, a paragraph yields to a question
    /// it answers better, when the questions are distinct (see [`Tuning::shared_distinct`]).
    pub rival_zone: f32,
    /// How many times its own score (each relative to its question's reference) the other
    /// question's must be for a paragraph to yield to it.
    pub rival_lead: f32,
    /// Share of their best paragraphs (the top sixth of the corpus's) that questions have in
    /// common, on average over pairs, at and below which they are wholly distinct: the zone
    /// of [`Tuning::rival_zone`] applies in full.
    pub shared_distinct: f32,
    /// The share at and above which questions are one matter seen from several sides: no
    /// paragraph yields. In between, the zone shrinks in proportion.
    pub shared_one_matter: f32,
}

impl Default for Tuning {
    fn default() -> Tuning {
        Tuning {
            keyword: 2.0,
            prompt: 0.5,
            sides: 0.5,
            phrase: 0.5,
            feedback_units: 5,
            feedback_terms: 8,
            feedback_weight: 0.4,
            direction: 0.4,
            heading: 0.3,
            sentence_share: 0.5,
            keep_fraction: 0.36,
            reference_rank: 2,
            title: 1.0,
            k1: 0.6,
            b: 0.3,
            family: 0.25,
            idf_sqrt: true,
            evidence_fraction: 0.3,
            evidence_terms: 3,
            rival_zone: 0.5,
            rival_lead: 1.5,
            shared_distinct: 0.12,
            shared_one_matter: 0.22,
        }
    }
}

/// The corpus, segmented and indexed once, ready to answer questions.
pub struct Engine {
    corpus: Corpus,
    paragraphs: Vec<Vec<Paragraph>>,
    index: Index,
    tuning: Tuning,
    /// Per unit of the index, its sentences as the stance rules read them, once a question
    /// has found it: most passages answer more than one question.
    sentences: Vec<OnceCell<stance::Sentences>>,
    /// Per question, its query, judge and ranking, once asked for.
    ranked: Vec<OnceCell<Ranked>>,
    /// How distinct the questions are (see [`Engine::distinctness`]), once asked for.
    distinct: OnceCell<f32>,
}

/// A question as the engine reads it: its query, its stance judge, its ranked paragraphs and
/// their cut-off (see [`Engine::cut_off`]).
struct Ranked {
    query: Query,
    judge: stance::Judge,
    ranked: Vec<Relevance>,
    cut: Cut,
}

/// A paragraph's relevance to a question, before the cut-off.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Relevance {
    /// Index of the unit in the engine's index.
    pub unit: usize,
    /// Document index.
    pub doc: usize,
    /// Paragraph index.
    pub paragraph: usize,
    /// Combined score, 0..=1 relative to the question's best paragraph.
    pub score: f32,
}

impl Engine {
    /// Segments and indexes `corpus`.
    pub fn new(corpus: Corpus) -> Engine {
        Engine::with_tuning(corpus, Tuning::default())
    }

    /// Segments and indexes `corpus`, scoring relevance with `tuning`.
    pub fn with_tuning(corpus: Corpus, tuning: Tuning) -> Engine {
        let paragraphs = corpus.paragraphs();
        Engine::with_paragraphs(corpus, paragraphs, tuning)
    }

    /// Indexes `corpus`, already cut into `paragraphs` (a list per document, as
    /// [`crate::segment::paragraphs`] cuts it).
    pub fn with_paragraphs(
        corpus: Corpus,
        paragraphs: Vec<Vec<Paragraph>>,
        tuning: Tuning,
    ) -> Engine {
        let texts: Vec<&str> = corpus.documents.iter().map(|d| d.text.as_str()).collect();
        let index = Index::new(&texts, &paragraphs);
        let sentences = index.units().iter().map(|_| OnceCell::new()).collect();
        let questions = corpus.questions.len();
        Engine {
            corpus,
            paragraphs,
            index,
            tuning,
            sentences,
            ranked: (0..questions).map(|_| OnceCell::new()).collect(),
            distinct: OnceCell::new(),
        }
    }

    /// The corpus this engine was built on.
    pub fn corpus(&self) -> &Corpus {
        &self.corpus
    }

    /// The paragraphs of document `doc`, junk included (see [`Paragraph::kind`]).
    pub fn paragraphs(&self, doc: usize) -> &[Paragraph] {
        &self.paragraphs[doc]
    }

    /// The term index over the corpus's prose paragraphs.
    pub fn index(&self) -> &Index {
        &self.index
    }

    /// The words of paragraph `paragraph` of document `doc` as the index read them, borrowed;
    /// none for a paragraph that is not prose (only prose is a passage, and only passages are
    /// marked).
    pub fn words(&self, doc: usize, paragraph: usize) -> Vec<Tok<'_>> {
        self.index
            .unit_at(doc, paragraph)
            .map_or_else(Vec::new, |unit| self.index.words_of(unit))
    }

    /// The question as a weighted query over the corpus vocabulary, before feedback.
    ///
    /// A word weighs what its weightiest field gives it. The prompt weighs least after the
    /// sides: a question written by someone else wraps its matter in scaffolding ("between
    /// 2020 and 2024, did … move into …") and names the setting every paragraph shares; the
    /// keywords and the title are the writer's words for the matter itself.
    fn query_for(&self, q: &Question) -> Query {
        let t = &self.tuning;
        let mut query = Query::default();
        let add = |text: &str, weight: f32, query: &mut Query| {
            let stems = self.index.stems(text, Span::new(0, text.len()));
            for stem in &stems {
                for id in self.index.family(stem) {
                    query.raise(id, t.family * weight);
                }
            }
            let ids: Vec<Option<TermId>> = stems.iter().map(|s| self.index.term(s)).collect();
            for id in ids.iter().flatten() {
                query.raise(*id, weight);
            }
            ids
        };
        for keyword in &q.keywords {
            if let Some(id) = initials(keyword).and_then(|a| self.index.term(&a)) {
                query.raise(id, t.keyword);
            }
            let ids = add(keyword, t.keyword, &mut query);
            if ids.len() >= 2 && ids.iter().all(Option::is_some) {
                query
                    .phrases
                    .push((ids.into_iter().flatten().collect(), t.phrase));
            }
        }
        add(&q.title, t.title, &mut query);
        add(&q.prompt, t.prompt, &mut query);
        for side in [&q.pro, &q.con].into_iter().flatten() {
            add(side, t.sides, &mut query);
        }
        query.k1 = t.k1;
        query.b = t.b;
        query.idf_sqrt = t.idf_sqrt;
        query
    }

    /// Adds to `query` the terms that stand out in its best paragraphs (pseudo-relevance
    /// feedback), so a question's own vocabulary is widened by the corpus's words for it.
    fn expand(&self, query: &mut Query, raw: &[(usize, f32, f32)]) {
        let mut ranked: Vec<&(usize, f32, f32)> = raw.iter().collect();
        order::sort_by(&mut ranked, |a, b| b.1.total_cmp(&a.1));
        let mut gain: FastMap<TermId, (f32, usize)> = FastMap::default();
        for &&(u, _, _) in ranked.iter().take(self.tuning.feedback_units) {
            for &(term, w) in &self.index.units()[u].vector {
                let entry = gain.entry(term).or_insert((0.0, 0));
                entry.0 += w;
                entry.1 += 1;
            }
        }
        let mut extra: Vec<(TermId, f32)> = gain
            .into_iter()
            .filter(|(term, (_, seen))| {
                *seen >= 2 && self.index.df(*term) >= 2 && !query.weights.contains_key(term)
            })
            .map(|(term, (w, _))| (term, w))
            .collect();
        order::sort_by(&mut extra, |a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
        let top = extra.first().map_or(1.0, |e| e.1).max(f32::EPSILON);
        for (term, w) in extra.into_iter().take(self.tuning.feedback_terms) {
            query.raise(term, self.tuning.feedback_weight * w / top);
        }
    }

    /// Every candidate paragraph's relevance to question `question`, best first.
    pub fn relevance(&self, question: usize) -> Vec<Relevance> {
        self.question(question).ranked.clone()
    }

    /// Question `question` read and ranked, once.
    fn question(&self, question: usize) -> &Ranked {
        self.ranked[question].get_or_init(|| {
            let q = &self.corpus.questions[question];
            let query = self.query_for(q);
            let judge = stance::Judge::with_index(q, Some(&self.index));
            let ranked = self.ranked(&query, judge.about_direction());
            let cut = self.cut_off(&ranked);
            Ranked {
                query,
                judge,
                ranked,
                cut,
            }
        })
    }

    /// How distinct the questions are, 0..=1: 1 when they share at most
    /// [`Tuning::shared_distinct`] of their best paragraphs (the top sixth of the corpus's),
    /// on average over pairs, 0 when they share [`Tuning::shared_one_matter`] or more, in
    /// proportion between. Asks for every question's ranking, once.
    pub fn distinctness(&self) -> f32 {
        *self.distinct.get_or_init(|| {
            let questions = self.corpus.questions.len();
            let units = self.index.units().len();
            let best = (units / 6).max(1);
            let tops: Vec<Vec<bool>> = (0..questions)
                .map(|q| {
                    let mut top = vec![false; units];
                    for x in self.question(q).ranked.iter().take(best) {
                        top[x.unit] = true;
                    }
                    top
                })
                .collect();
            let (mut shared, mut pairs) = (0.0, 0);
            for q in 0..questions {
                for other in &tops[q + 1..] {
                    let top = self.question(q).ranked.iter().take(best);
                    shared += top.filter(|x| other[x.unit]).count() as f32 / best as f32;
                    pairs += 1;
                }
            }
            if pairs == 0 {
                return 0.0;
            }
            let t = &self.tuning;
            let span = (t.shared_one_matter - t.shared_distinct).max(f32::EPSILON);
            ((t.shared_one_matter - shared / pairs as f32) / span).clamp(0.0, 1.0)
        })
    }

    /// This engine, told how distinct its questions are (what [`Engine::distinctness`] found
    /// ahead of time, as `build.rs` does for the embedded corpus), so that aligning one
    /// question need not rank the others first.
    pub fn knowing_distinctness(self, distinct: f32) -> Engine {
        let _ = self.distinct.set(distinct);
        self
    }

    /// Per unit, the best score another question than `question` gives it, relative to that
    /// question's reference score.
    fn rival_scores(&self, question: usize) -> Vec<f32> {
        let mut best = vec![0.0f32; self.index.units().len()];
        for q in (0..self.corpus.questions.len()).filter(|&q| q != question) {
            let other = self.question(q);
            let reference = other.cut.reference.max(f32::EPSILON);
            for r in &other.ranked {
                best[r.unit] = best[r.unit].max(r.score / reference);
            }
        }
        best
    }

    /// Every candidate paragraph's relevance to `query` widened by feedback (and, for a
    /// question `about_direction`, by the corpus's words of direction), best first.
    fn ranked(&self, own: &Query, about_direction: bool) -> Vec<Relevance> {
        let mut query = own.clone();
        if about_direction {
            for (stem, term) in self.index.vocabulary() {
                if stance::is_direction_word(stem) && !query.weights.contains_key(term) {
                    query.raise(*term, self.tuning.direction);
                }
            }
        }
        let raw = self.index.score_all(&query);
        self.expand(&mut query, &raw);
        let raw = self.index.score_all(&query);
        let max_p = raw.iter().map(|r| r.1).fold(0.0, f32::max);
        let max_s = raw.iter().map(|r| r.2).fold(0.0, f32::max);
        if max_p <= 0.0 {
            return Vec::new();
        }
        let share = self.tuning.sentence_share;
        let units = self.index.units();
        let relative = |s: f32| if max_s > 0.0 { s / max_s } else { 0.0 };
        let mut out: Vec<Relevance> = raw
            .iter()
            .map(|&(unit, p, s)| Relevance {
                unit,
                doc: units[unit].doc,
                paragraph: units[unit].paragraph,
                score: (1.0 - share) * p / max_p
                    + share * relative(s)
                    + self.tuning.heading * relative(self.heading_weight(own, unit)).min(1.0),
            })
            .collect();
        order::sort_by(&mut out, |a, b| {
            b.score.total_cmp(&a.score).then(a.unit.cmp(&b.unit))
        });
        let top = out[0].score.max(f32::EPSILON);
        for r in &mut out {
            r.score = (r.score / top).clamp(0.0, 1.0);
        }
        out
    }

    /// The weight of the words of `query` that carry the question in the heading unit `unit`
    /// stands under: a sentence holding each once scores about that. `query` is the question's
    /// own, before feedback: a heading is the writer's word on what follows, not the corpus's.
    fn heading_weight(&self, query: &Query, unit: usize) -> f32 {
        let mut weight = 0.0;
        for &term in self.index.heading(unit) {
            if let Some(w) = self.carried(query, term) {
                weight += w * query.idf_of(self.index.idf(term));
            }
        }
        weight
    }

    /// The adaptive cut-off over ranked scores: fractions of a reference score taken from the
    /// top of the ranking (see [`Cut`]).
    fn cut_off(&self, ranked: &[Relevance]) -> Cut {
        let t = &self.tuning;
        let k = t.reference_rank.clamp(1, ranked.len().max(1));
        let reference = ranked.iter().take(k).map(|r| r.score).sum::<f32>() / k as f32;
        Cut {
            reference,
            sure: t.keep_fraction * reference,
            with_evidence: t.evidence_fraction.min(t.keep_fraction) * reference,
            evidence: t.evidence_terms,
        }
    }

    /// The passages and positions on question `question`.
    pub fn align(&self, question: usize) -> QuestionAlignment {
        let Ranked {
            query,
            judge,
            ranked,
            cut,
        } = self.question(question);
        // Well under the question's best, a paragraph that another, distinct question claims
        // clearly more is that question's.
        let zone = self.distinctness() * self.tuning.rival_zone * cut.reference;
        let rivals = if zone > cut.with_evidence {
            self.rival_scores(question)
        } else {
            Vec::new()
        };
        let yields = |r: &Relevance| {
            r.score < zone && rivals[r.unit] * cut.reference > self.tuning.rival_lead * r.score
        };
        // The signed weight of each passage's stance words, decisive or not.
        let mut evidence = Vec::new();
        // A paragraph reached only through feedback terms or words common to the whole corpus
        // does not carry the question itself: it needs at least one of the question's words.
        let mut passages: Vec<Passage> = ranked
            .iter()
            .filter(|r| r.score >= cut.with_evidence && !yields(r))
            .map(|r| (r, self.term_spans(query, r.unit)))
            .filter(|(_, terms)| !terms.is_empty())
            .filter_map(|(r, terms)| {
                let text = &self.corpus.documents[r.doc].text;
                let span = self.paragraphs[r.doc][r.paragraph].span;
                let words = self.index.words_of(r.unit);
                let sentences = self.sentences[r.unit]
                    .get_or_init(|| stance::Sentences::of(text, span, &words));
                let judgement = judge.read(&words, sentences);
                let sided = judgement.stance != Stance::Neutral;
                if !cut.keeps(r.score, sided, || self.distinct_terms(query, r.unit)) {
                    return None;
                }
                evidence.push(judgement.score);
                Some(Passage {
                    doc: r.doc,
                    paragraph: r.paragraph,
                    line: self.paragraphs[r.doc][r.paragraph].line,
                    score: r.score,
                    stance: judgement.stance,
                    cue: judgement.cue,
                    terms,
                })
            })
            .collect();
        let positions = positions(&passages, self.corpus.documents.len());
        lean_on_positions(&mut passages, &evidence, &positions);
        order::sort_by_key(&mut passages, |p| (p.doc, p.paragraph));
        QuestionAlignment {
            question,
            passages,
            positions,
        }
    }

    /// Spans of the words of unit `unit` that carry the question (enough weight and idf).
    fn term_spans(&self, query: &Query, unit: usize) -> Vec<Span> {
        self.index.units()[unit]
            .words
            .iter()
            .filter(|w| self.carries(query, w.term))
            .map(|w| w.span)
            .collect()
    }

    /// Whether `term` carries the question: enough weight in `query` times its idf.
    fn carries(&self, query: &Query, term: TermId) -> bool {
        self.carried(query, term).is_some()
    }

    /// `term`'s weight in `query` when it carries the question (see [`Engine::carries`]).
    fn carried(&self, query: &Query, term: TermId) -> Option<f32> {
        let weight = *query.weights.get(&term)?;
        (weight * self.index.idf(term) >= 0.5).then_some(weight)
    }

    /// How many different words of unit `unit` carry the question: the words
    /// [`Engine::term_spans`] marks, each counted once.
    fn distinct_terms(&self, query: &Query, unit: usize) -> usize {
        let mut terms: Vec<TermId> = self.index.units()[unit]
            .words
            .iter()
            .map(|w| w.term)
            .filter(|&term| self.carries(query, term))
            .collect();
        order::sort_values(&mut terms);
        terms.dedup();
        terms.len()
    }

    /// For `from`, the closest passage on `alignment`'s question of every other author.
    pub fn closest(&self, alignment: &QuestionAlignment, from: &Passage) -> Vec<PassageMatch> {
        let Some(here_unit) = self.index.unit_at(from.doc, from.paragraph) else {
            return Vec::new();
        };
        // Per other document: its closest passage so far, with the similarity and its unit.
        let mut best: FastMap<usize, (f32, &Passage, usize)> = FastMap::default();
        for p in alignment.passages.iter().filter(|p| p.doc != from.doc) {
            let Some(there_unit) = self.index.unit_at(p.doc, p.paragraph) else {
                continue;
            };
            let score = self.index.similarity(here_unit, there_unit);
            let better = best.get(&p.doc).is_none_or(|(s, _, _)| score > *s);
            if better {
                best.insert(p.doc, (score, p, there_unit));
            }
        }
        let here_words = self.diff_words(here_unit);
        let mut out: Vec<PassageMatch> = best
            .into_values()
            .map(|(score, p, there_unit)| {
                let (_, shared) = self.index.cosine(here_unit, there_unit);
                PassageMatch {
                    passage: p.clone(),
                    score: score.clamp(0.0, 1.0),
                    shared: shared_phrases(&here_words, &self.diff_words(there_unit)),
                    why: self.why(here_unit, &shared, p),
                }
            })
            .collect();
        order::sort_by_key(&mut out, |m| m.passage.doc);
        out
    }

    /// The words of unit `unit` as shared wording compares them.
    fn diff_words(&self, unit: usize) -> Vec<DiffWord> {
        self.index.units()[unit]
            .tokens
            .iter()
            .map(|w| {
                let form = self.index.form(w.form);
                DiffWord {
                    span: w.span(),
                    key: form.key,
                    stop: form.stop,
                }
            })
            .collect()
    }

    /// "shared terms: alliance, cold war; cue: would not form an alliance".
    fn why(&self, here_unit: usize, shared: &[(TermId, f32)], there: &Passage) -> String {
        let words = &self.index.units()[here_unit].words;
        let text = &self.corpus.documents[self.index.units()[here_unit].doc].text;
        let mut names: Vec<String> = Vec::new();
        for (term, _) in shared.iter().take(4) {
            if let Some(w) = words.iter().find(|w| w.term == *term) {
                let name = lowercase(w.span.of(text));
                if !names.contains(&name) {
                    names.push(name);
                }
            }
        }
        let mut why = if names.is_empty() {
            "no shared terms".to_string()
        } else {
            format!("shared terms: {}", crate::text::join(&names, ", "))
        };
        if let Some(cue) = there.cue {
            why.push_str(&format!(
                "; cue: {}",
                cue.of(&self.corpus.documents[there.doc].text)
            ));
        }
        why
    }
}

impl QuestionAlignment {
    /// The marks to draw on `passage`: its question terms and its stance cue.
    pub fn marks(&self, passage: &Passage) -> Vec<Mark> {
        let mut marks: Vec<Mark> = passage
            .terms
            .iter()
            .map(|&span| Mark {
                span,
                kind: MarkKind::Term,
            })
            .collect();
        if let Some(span) = passage.cue {
            marks.push(Mark {
                span,
                kind: MarkKind::Cue,
            });
        }
        marks
    }
}

/// Which ranked paragraphs a question keeps: those reaching `sure`, and those reaching the lower
/// `with_evidence` that carry at least `evidence` different question words. Just under the
/// cut, a paragraph that names several sides of the question is more likely on it than one
/// that reaches the same score with one rare word.
#[derive(Debug, Clone, Copy, PartialEq)]
struct Cut {
    reference: f32,
    sure: f32,
    with_evidence: f32,
    evidence: usize,
}

impl Cut {
    /// Whether a paragraph of relevance `score` is kept: just under the cut, when it takes a
    /// side (`sided`: it argues the question rather than mentions it) or holds several question
    /// words (`distinct` counts them, asked only there).
    fn keeps(&self, score: f32, sided: bool, distinct: impl FnOnce() -> usize) -> bool {
        score >= self.sure
            || (score >= self.with_evidence && (sided || distinct() >= self.evidence))
    }
}

/// How far one side's weight must lead the other's, as a share of both, for an author to take
/// it; closer than that, the author is counted neutral (mixed).
const POSITION_LEAD: f32 = 0.15;

/// Each author's overall stance: the passages' stances weighted by the square of their score
/// (the passages most squarely on the question count most), a passage with a cue counting
/// double; a side wins by a clear lead ([`POSITION_LEAD`]), and neutral passages only decide
/// when no side is taken. The paragraph that states it best is the weightiest passage of the
/// winning side, on a tie the later one, whatever the order of `passages`.
fn positions(passages: &[Passage], documents: usize) -> Vec<Position> {
    let weight = |p: &Passage| p.score * p.score * if p.cue.is_some() { 2.0 } else { 1.0 };
    let mut out = Vec::new();
    for doc in 0..documents {
        let own: Vec<&Passage> = passages.iter().filter(|p| p.doc == doc).collect();
        if own.is_empty() {
            continue;
        }
        let total = |side: Stance| -> f32 {
            own.iter()
                .filter(|p| p.stance == side)
                .map(|p| weight(p))
                .sum()
        };
        let (pro, con) = (total(Stance::Pro), total(Stance::Con));
        let lead = if pro + con > 0.0 {
            (pro - con) / (pro + con)
        } else {
            0.0
        };
        let stance = if lead >= POSITION_LEAD {
            Stance::Pro
        } else if lead <= -POSITION_LEAD {
            Stance::Con
        } else {
            Stance::Neutral
        };
        let best = own
            .iter()
            .filter(|p| p.stance == stance || stance == Stance::Neutral)
            .max_by(|a, b| {
                weight(a)
                    .total_cmp(&weight(b))
                    .then(a.paragraph.cmp(&b.paragraph))
            })
            .or_else(|| own.first())
            .expect("own is not empty");
        out.push(Position {
            doc,
            stance,
            paragraph: best.paragraph,
            line: best.line,
        });
    }
    out
}

/// A passage that takes no side, by an author who takes one on the question, is read as that
/// author's side, unless a word of the other side stands in it (`evidence`: the signed weight
/// of each passage's stance words, too weak to decide). It addresses the question inside an
/// argument whose side is known, and authors seldom argue the other side without saying so.
/// Its cue stays `None`: a side without a cue is the author's, not the passage's own.
fn lean_on_positions(passages: &mut [Passage], evidence: &[f32], positions: &[Position]) {
    for (p, weight) in passages.iter_mut().zip(evidence) {
        if p.stance != Stance::Neutral {
            continue;
        }
        let Some(position) = positions.iter().find(|x| x.doc == p.doc) else {
            continue;
        };
        let against = match position.stance {
            Stance::Pro => *weight < 0.0,
            Stance::Con => *weight > 0.0,
            Stance::Neutral => true,
        };
        if !against {
            p.stance = position.stance;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::corpus::Document;

    fn question(id: &str, prompt: &str, keywords: &[&str]) -> Question {
        Question {
            id: id.to_string(),
            title: id.to_string(),
            prompt: prompt.to_string(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            pro: None,
            con: None,
        }
    }

    fn engine() -> Engine {
        let doc = |file: &str, text: &str| Document::new(file, text, None, None);
        Engine::new(Corpus {
            documents: vec![
                doc("a.txt", "Title A\nThe gas pipeline across the border will carry more gas to the north next winter.\nThe football season ended with a surprising winner in the capital city this year.\nTeachers and schools received new funding for books and buildings this spring.\n"),
                doc("b.txt", "Title B\nA second gas pipeline is planned, and the pipeline deal fixes the gas price for decades.\nThe weather this summer was warm and dry in most of the southern provinces.\n"),
                doc("c.txt", "Title C\nMusic festivals drew large crowds to the river towns during the long holidays.\nThe museum reopened after repairs with an exhibition of old maps and coins.\n"),
            ],
            questions: vec![question("gas", "What about the gas pipeline?", &["gas", "pipeline"])],
        })
    }

    #[test]
    fn passages_are_the_paragraphs_on_the_question_only() {
        let engine = engine();
        let alignment = engine.align(0);
        let found: Vec<(usize, usize)> =
            alignment.passages.iter().map(|p| (p.doc, p.line)).collect();
        assert_eq!(found, vec![(0, 2), (1, 2)]);
        assert!(alignment
            .passages
            .iter()
            .all(|p| (0.0..=1.0).contains(&p.score)));
        assert_eq!(
            alignment.positions.len(),
            2,
            "one position per author who addresses it"
        );
    }

    #[test]
    fn a_question_nobody_addresses_has_no_passages() {
        let mut engine = engine();
        engine.corpus.questions[0] = question("tax", "Are income taxes too high?", &["tax"]);
        let alignment = engine.align(0);
        assert!(alignment.passages.is_empty());
        assert!(alignment.positions.is_empty());
    }

    #[test]
    fn a_question_about_direction_ranks_words_of_direction_up() {
        let doc = |file: &str, text: &str| Document::new(file, text, None, None);
        let mut heading = question(
            "heading",
            "Where are the ties between the towns heading?",
            &[],
        );
        heading.pro = Some("The ties are getting closer.".into());
        heading.con = Some("The ties are cooling.".into());
        let corpus = Corpus {
            documents: vec![
                doc(
                    "a.txt",
                    "Their ties have deepened and strengthened since the bridge opened.
A report on ties and more ties fills a shelf of the local archive.
",
                ),
                doc(
                    "b.txt",
                    "The harbour froze early and the ferries stopped until the spring.
The market moved to the square beside the old church last year.
",
                ),
            ],
            questions: vec![heading],
        };
        let best = |tuning: Tuning| {
            let engine = Engine::with_tuning(corpus.clone(), tuning);
            let top = engine.relevance(0)[0];
            (top.doc, top.paragraph)
        };
        let report = (0, 1);
        let deepened = (0, 0);
        assert_eq!(
            best(Tuning {
                direction: 0.0,
                ..Tuning::default()
            }),
            report
        );
        assert_eq!(best(Tuning::default()), deepened);
    }

    /// Three paragraphs on a gas pipeline, two on football, one on football that names gas in
    /// passing (document 0, paragraph 1), and others on nothing asked; `second` is the other
    /// question.
    fn gas_and(second: Question) -> Engine {
        let doc = |file: &str, text: &str| Document::new(file, text, None, None);
        Engine::new(Corpus {
            documents: vec![
                doc("a.txt", "The gas pipeline across the border will carry more gas to the north next winter.\nThe football season ended with a surprising winner, and the club's stadium still burns gas for heat.\nTeachers and schools received new funding for books and buildings this spring.\nThe museum reopened after repairs with an exhibition of old maps and coins.\nThe harbour was dredged so that larger ships can dock at the old quay.\nA new library opened in the market square with a cafe on its roof.\n"),
                doc("b.txt", "A second gas pipeline is planned, and the pipeline deal fixes the gas price for decades.\nFootball fans filled the stadium for the final, and the football cup went north.\nThe weather this summer was warm and dry in most of the southern provinces.\nMusic festivals drew large crowds to the river towns during the long holidays.\nThe railway added night trains between the two largest cities of the region.\nFarmers brought in an early harvest of apples and pears from the valley.\n"),
                doc("c.txt", "Gas from the new pipeline will reach the coast, and gas bills may fall.\nThe city council voted to plant trees along every street in the centre.\nA bakery on the corner won a prize for its rye bread and its cakes.\nThe zoo welcomed two young elephants from a park across the sea.\nVolunteers cleaned the beaches after the storms of the early spring.\nThe theatre staged an old comedy that sold out every night of its run.\n"),
            ],
            questions: vec![question("gas", "What about the gas pipeline?", &["gas", "pipeline"]), second],
        })
    }

    #[test]
    fn a_paragraph_far_under_the_best_yields_to_a_distinct_question_it_answers_better() {
        let passing = (0, 1);
        let found = |engine: &Engine, q: usize| -> Vec<(usize, usize)> {
            engine
                .align(q)
                .passages
                .iter()
                .map(|p| (p.doc, p.paragraph))
                .collect()
        };
        let football = question("football", "What about football?", &["football", "stadium"]);
        let engine = gas_and(football);
        assert!(found(&engine, 1).contains(&passing), "football's");
        assert!(!found(&engine, 0).contains(&passing), "not gas's");
        let without = Engine::with_tuning(
            engine.corpus().clone(),
            Tuning {
                rival_zone: 0.0,
                ..Tuning::default()
            },
        );
        assert!(
            found(&without, 0).contains(&passing),
            "gas's when nothing yields"
        );
        // Gas heating shares the gas question's best paragraphs: one matter, nothing yields,
        // though heating claims the paragraph more.
        let heating = question(
            "heating",
            "What about heating with gas?",
            &["gas", "heat", "stadium"],
        );
        let engine = gas_and(heating);
        let top = engine.relevance(1)[0];
        assert_eq!((top.doc, top.paragraph), passing, "heating's best");
        assert!(found(&engine, 0).contains(&passing), "one matter");
    }

    #[test]
    fn words_every_paragraph_uses_do_not_make_passages() {
        let doc = |file: &str, text: &str| Document::new(file, text, None, None);
        let engine = Engine::new(Corpus {
            documents: vec![
                doc("a.txt", "The country held a vote on the budget in the spring session.\nThe country built new roads and bridges in the northern hills.\n"),
                doc("b.txt", "The country hosted a music festival by the river last summer.\nThe country sent a team to the games and won three medals.\n"),
            ],
            questions: vec![question("country", "What about the country?", &[])],
        });
        assert!(engine.align(0).passages.is_empty());
    }

    #[test]
    fn a_paragraph_under_a_heading_on_the_question_ranks_above_the_same_words_elsewhere() {
        let doc = |file: &str, text: &str| Document::new(file, text, None, None);
        let intro = "The town council met on Monday evening to talk about many things.";
        let said =
            "The council agreed the rise was hard on families this winter, and gas was one part.";
        let engine = Engine::new(Corpus {
            documents: vec![
                doc(
                    "section.txt",
                    &format!("{intro}\nWhat the gas bill means for families\n{said}\n"),
                ),
                doc(
                    "title.txt",
                    &format!("Gas and the household budget\n{said}\n"),
                ),
                doc(
                    "other.txt",
                    &format!("{intro}\nWhat the weather did to the harvest\n{said}\n"),
                ),
            ],
            questions: vec![question("gas", "What about gas prices?", &["gas"])],
        });
        let score = |file: &str| {
            let doc = engine
                .corpus()
                .documents
                .iter()
                .position(|d| d.file == file);
            let rel = engine.relevance(0).into_iter().find(|r| Some(r.doc) == doc);
            rel.expect("the paragraph holds a question word").score
        };
        assert!(score("section.txt") > score("other.txt"));
        // A title heads the whole text, not the paragraph after it.
        assert_eq!(score("title.txt"), score("other.txt"));
    }

    #[test]
    fn terms_mark_the_question_words_in_the_passage() {
        let engine = engine();
        let alignment = engine.align(0);
        let p = &alignment.passages[0];
        let text = &engine.corpus().documents[p.doc].text;
        let words: Vec<&str> = p.terms.iter().map(|s| s.of(text)).collect();
        assert!(
            words.contains(&"pipeline") && words.contains(&"gas"),
            "{words:?}"
        );
        let marks = alignment.marks(p);
        assert_eq!(marks.len(), p.terms.len() + usize::from(p.cue.is_some()));
    }

    #[test]
    fn closest_finds_one_passage_per_other_author_with_its_shared_terms() {
        let engine = engine();
        let alignment = engine.align(0);
        let from = &alignment.passages[0];
        let matches = engine.closest(&alignment, from);
        assert_eq!(matches.len(), 1);
        let m = &matches[0];
        assert_eq!(m.passage.doc, 1);
        assert!(m.score > 0.0 && m.score <= 1.0);
        assert!(m.why.starts_with("shared terms: "), "{}", m.why);
        assert!(
            m.why.contains("pipeline") && m.why.contains("gas"),
            "{}",
            m.why
        );
    }

    #[test]
    fn a_word_weighs_what_its_weightiest_field_gives_and_the_prompt_gives_less_than_the_title() {
        let engine = engine();
        let mut q = question("Gas?", "What about the gas pipeline?", &[]);
        q.title = "Gas?".to_string();
        let query = engine.query_for(&q);
        let weight = |word: &str| query.weights[&engine.index.term(word).unwrap()];
        let t = Tuning::default();
        assert!(t.prompt < t.title);
        assert!((weight("pipelin") - t.prompt).abs() < 1e-6, "prompt only");
        assert!((weight("gas") - t.title).abs() < 1e-6, "title and prompt");
    }

    #[test]
    fn just_under_the_cut_only_paragraphs_that_take_a_side_or_hold_several_question_words_stay() {
        let cut = Cut {
            reference: 1.0,
            sure: 0.36,
            with_evidence: 0.3,
            evidence: 3,
        };
        assert!(
            cut.keeps(0.4, false, || 1),
            "above the cut, one word is enough"
        );
        assert!(
            cut.keeps(0.33, false, || 3),
            "just under it, three words keep it"
        );
        assert!(!cut.keeps(0.33, false, || 2), "two do not");
        assert!(cut.keeps(0.33, true, || 1), "taking a side does");
        assert!(!cut.keeps(0.2, true, || 9), "far under it, nothing does");
    }

    fn passage(doc: usize, paragraph: usize, score: f32, stance: Stance, cue: bool) -> Passage {
        Passage {
            doc,
            paragraph,
            line: paragraph + 1,
            score,
            stance,
            cue: cue.then(|| Span::new(0, 1)),
            terms: Vec::new(),
        }
    }

    #[test]
    fn position_follows_the_weightier_side_and_its_strongest_passage() {
        let passages = vec![
            passage(0, 1, 0.5, Stance::Pro, false),
            passage(0, 2, 0.7, Stance::Con, true),
            passage(0, 3, 0.9, Stance::Con, false),
            passage(0, 4, 1.0, Stance::Neutral, false),
        ];
        let p = positions(&passages, 1);
        assert_eq!(p[0].stance, Stance::Con);
        assert_eq!(
            p[0].paragraph, 2,
            "a cued passage outweighs a stronger uncued one"
        );
    }

    #[test]
    fn a_narrow_lead_is_a_mixed_position() {
        let passages = vec![
            passage(0, 1, 0.8, Stance::Pro, true),
            passage(0, 2, 0.75, Stance::Con, true),
        ];
        assert_eq!(positions(&passages, 1)[0].stance, Stance::Neutral);
        let passages = vec![
            passage(0, 1, 0.8, Stance::Pro, true),
            passage(0, 2, 0.5, Stance::Con, true),
        ];
        assert_eq!(positions(&passages, 1)[0].stance, Stance::Pro);
    }

    #[test]
    fn position_is_neutral_when_sides_balance_or_none_is_taken() {
        let passages = vec![
            passage(0, 1, 0.8, Stance::Pro, true),
            passage(0, 2, 0.8, Stance::Con, true),
            passage(1, 1, 0.9, Stance::Neutral, false),
        ];
        let p = positions(&passages, 3);
        assert_eq!(p.len(), 2, "document 2 does not address the question");
        assert_eq!(p[0].stance, Stance::Neutral);
        assert_eq!(p[1].stance, Stance::Neutral);
        assert_eq!(p[1].paragraph, 1);
    }

    #[test]
    fn a_passage_that_takes_no_side_takes_its_authors_unless_it_leans_the_other_way() {
        let mut passages = vec![
            passage(0, 1, 0.9, Stance::Con, true),
            passage(0, 2, 0.5, Stance::Neutral, false),
            passage(0, 3, 0.5, Stance::Neutral, false),
            passage(1, 1, 0.8, Stance::Pro, true),
            passage(1, 2, 0.8, Stance::Con, true),
            passage(1, 3, 0.6, Stance::Neutral, false),
        ];
        let evidence = [-2.0, 0.0, 0.5, 1.0, -1.0, 0.0];
        let positions = positions(&passages, 2);
        lean_on_positions(&mut passages, &evidence, &positions);
        let stances: Vec<Stance> = passages.iter().map(|p| p.stance).collect();
        assert_eq!(
            stances,
            [
                Stance::Con,
                Stance::Con,
                Stance::Neutral,
                Stance::Pro,
                Stance::Con,
                Stance::Neutral
            ],
            "no side → the author's; a weak word of the other side, or a mixed author → none"
        );
        assert_eq!(
            passages[1].cue, None,
            "the side is the author's, not the passage's"
        );
    }
}
