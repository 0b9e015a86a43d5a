//! The side a passage (or an author) takes on a question, relative to its `pro` and `con`.
//!
//! The method, general English only (nothing here knows any corpus):
//!
//! 1. **Claims.** The `pro` and `con` statements are read with the same rules as passages. Their
//!    content stems become each side's claim terms; words both sides use (the topic), answer
//!    words ("yes") and light verbs ("become", "keep") are dropped, and capitalised names are
//!    kept apart as *targets* ("moves toward the United States"). When `con` is mostly the
//!    negation of `pro` ("not an alliance"), a negated mention of a pro claim reads as con, and
//!    con's other words are context, not claims ("a partnership").
//! 2. **Direction.** When one side speaks of coming closer (strengthen, deepen, closer) and the
//!    other of drifting apart (distance, cooling, limited), a small lexicon of such words decides
//!    too; a rapprochement word pointing at the other side's target ("closer to the U.S.") counts
//!    for that side.
//! 3. **Polarity.** Each mention is negated when it stands in the scope of a negation (`not`,
//!    `n't`, `never`, `neither … nor`, `rather than`, `instead of`, `far from`, `unlikely`,
//!    `denied`, …) and hedged after `quasi-`, `some form of`, `de facto`, `arguably`, … (still
//!    its side, weaker). `not only` / `not merely` are not negations.
//! 4. **Voice.** A concession clause ("Although …,") and an `if` clause weigh less; after a
//!    contrast (`but`, `however`, `nevertheless`) the author's own view weighs more; quoted
//!    words weigh less than the author's own.
//!
//! The signed weights are summed over the passage; the strongest mention of the winning side
//! is the cue.

use serde::{Deserialize, Serialize};

use crate::question::Question;
use crate::segment::Span;
use crate::text::{self, Token};

/// Which side of a question a passage takes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Stance {
    /// Takes the question's `pro` side (`+`).
    #[serde(rename = "+")]
    Pro,
    /// Takes the question's `con` side (`-`).
    #[serde(rename = "-")]
    Con,
    /// Addresses the question without taking a side, or the question has no sides (`0`).
    #[serde(rename = "0")]
    Neutral,
}

impl Stance {
    /// `+`, `-` or `0`, as in the JSON output.
    pub fn symbol(self) -> &'static str {
        match self {
            Stance::Pro => "+",
            Stance::Con => "-",
            Stance::Neutral => "0",
        }
    }

    /// A word for a badge, so stance is never shown by colour alone.
    pub fn word(self) -> &'static str {
        match self {
            Stance::Pro => "yes",
            Stance::Con => "no",
            Stance::Neutral => "neutral",
        }
    }

    fn opposite(self) -> Stance {
        match self {
            Stance::Pro => Stance::Con,
            Stance::Con => Stance::Pro,
            Stance::Neutral => Stance::Neutral,
        }
    }

    fn sign(self) -> f32 {
        match self {
            Stance::Pro => 1.0,
            Stance::Con => -1.0,
            Stance::Neutral => 0.0,
        }
    }
}

/// The stance of one passage on a question, with the words that decided it.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Judgement {
    /// Side taken.
    pub stance: Stance,
    /// The deciding words, as a span into the document text (None when neutral by default).
    pub cue: Option<Span>,
    /// Signed weight of the evidence: positive for pro, negative for con, 0 for none. Lets the
    /// engine weigh passages against each other when it sums up an author's position.
    pub score: f32,
}

impl Judgement {
    const NEUTRAL: Judgement = Judgement {
        stance: Stance::Neutral,
        cue: None,
        score: 0.0,
    };
}

/// Evidence below this (in absolute value) leaves a passage neutral.
const DECISIVE: f32 = 0.15;

/// Judges the stance of the passage `text[passage]` on `question`, relative to its `pro` and
/// `con`. A question without sides, or a passage without evidence, is neutral.
///
/// ```
/// use parallax::{stance::judge, Question, Span, Stance};
/// let q = Question {
///     id: "alliance".into(),
///     title: "Alliance?".into(),
///     prompt: "Is it an alliance?".into(),
///     keywords: vec![],
///     pro: Some("Yes: it is an alliance.".into()),
///     con: Some("No: it is not an alliance.".into()),
/// };
/// let text = "Moscow said it would not form an alliance with anyone.";
/// let j = judge(&q, text, Span::new(0, text.len()));
/// assert_eq!(j.stance, Stance::Con);
/// assert_eq!(j.cue.unwrap().of(text), "would not form an alliance");
/// ```
pub fn judge(question: &Question, text: &str, passage: Span) -> Judgement {
    Judge::new(question).passage(text, passage, &text::tokens(text, passage))
}

/// A question's sides, read once: judging many passages on one question with this is much
/// cheaper than calling [`judge`] for each, which re-reads the `pro`/`con` statements.
pub struct Judge {
    sides: Option<Sides>,
}

impl Judge {
    /// Reads the `pro`/`con` statements of `question`.
    pub fn new(question: &Question) -> Judge {
        Judge {
            sides: Sides::of(question),
        }
    }

    /// The stance of `text[passage]`, whose words are `tokens` (`text::tokens(text, passage)`,
    /// which the engine keeps for every paragraph); see [`judge`].
    pub fn passage(&self, text: &str, passage: Span, tokens: &[Token]) -> Judgement {
        let Some(sides) = &self.sides else {
            return Judgement::NEUTRAL;
        };
        judge_with(sides, text, passage, tokens)
    }
}

fn judge_with(sides: &Sides, text: &str, passage: Span, tokens: &[Token]) -> Judgement {
    let mut signals = Vec::new();
    let mut rest = tokens;
    // The engine's quick splitter: Unicode sentence bounds would add ~30 KB of tables to the wasm.
    for sentence in text::quick_sentences(text, passage) {
        // No word crosses a sentence end, so the passage's words cut there are the sentence's.
        let (tokens, after) = rest.split_at(rest.partition_point(|t| t.span.end <= sentence.end));
        rest = after;
        let reading = Reading::of(text, tokens);
        signals.extend(sides.signals(tokens, &reading));
    }
    let score: f32 = signals.iter().map(|s| s.side.sign() * s.weight).sum();
    let stance = if score >= DECISIVE {
        Stance::Pro
    } else if score <= -DECISIVE {
        Stance::Con
    } else {
        return Judgement {
            score,
            ..Judgement::NEUTRAL
        };
    };
    // The strongest mention of the winning side; on a tie the later one, as authors tend to
    // state their own view after setting out others'.
    let cue = signals
        .iter()
        .filter(|s| s.side == stance)
        .reduce(|best, s| if s.weight >= best.weight { s } else { best })
        .map(|s| s.cue);
    Judgement { stance, cue, score }
}

/// An author's overall stance from the judgements of their passages, each with its relevance:
/// the sign of the relevance-weighted evidence, and the index of the passage that states it
/// best (the strongest one on the winning side). `None` when there are no judgements.
pub fn position(judgements: &[(Judgement, f32)]) -> Option<(Stance, usize)> {
    if judgements.is_empty() {
        return None;
    }
    let total: f32 = judgements.iter().map(|(j, r)| j.score * r.max(0.0)).sum();
    let stance = if total >= DECISIVE / 2.0 {
        Stance::Pro
    } else if total <= -DECISIVE / 2.0 {
        Stance::Con
    } else {
        Stance::Neutral
    };
    let strength = |(j, r): &(Judgement, f32)| match stance {
        Stance::Neutral => r.max(0.0) / (1.0 + j.score.abs()),
        side => side.sign() * j.score * r.max(0.0),
    };
    let best = (0..judgements.len())
        .max_by(|&a, &b| strength(&judgements[a]).total_cmp(&strength(&judgements[b])))?;
    Some((stance, best))
}

/// One piece of evidence: a mention that counts for `side`.
#[derive(Debug, Clone, Copy)]
struct Signal {
    side: Stance,
    weight: f32,
    cue: Span,
}

/// A capitalised name a side points at ("the United States"): its words and initials.
#[derive(Debug)]
struct Target {
    side: Stance,
    words: Vec<String>,
    initials: String,
}

/// The two sides of a question, as terms to look for.
#[derive(Debug)]
struct Sides {
    pro: Vec<String>,
    con: Vec<String>,
    /// The side that words of coming closer support, when the question has a direction.
    closer: Option<Stance>,
    targets: Vec<Target>,
}

impl Sides {
    fn of(question: &Question) -> Option<Sides> {
        if !question.has_sides() {
            return None;
        }
        let mut pro = Statement::read(question.pro.as_deref().unwrap_or(""));
        let mut con = Statement::read(question.con.as_deref().unwrap_or(""));
        // Names are who the question is about, not what either side claims; a name seen at
        // a clause start ("…: Russia keeps") is still a name.
        let name_stems: Vec<String> = (pro.names.iter().chain(&con.names))
            .flatten()
            .map(|w| text::stem(w))
            .collect();
        for statement in [&mut pro, &mut con] {
            statement.affirmed.retain(|s| !name_stems.contains(s));
            statement.negated.retain(|s| !name_stems.contains(s));
        }
        let shared = |s: &String, other: &Statement| other.affirmed.iter().any(|o| o == s);
        let mut pro_terms: Vec<String> = pro
            .affirmed
            .iter()
            .filter(|s| !shared(s, &con))
            .cloned()
            .collect();
        let mut con_terms: Vec<String> = con
            .affirmed
            .iter()
            .filter(|s| !shared(s, &pro))
            .cloned()
            .collect();
        // When one side is the other's negation, that side's remaining words are context
        // ("a partnership, not an alliance"), unless they speak of direction ("distance").
        let con_negates_pro = con.negated.iter().any(|s| pro_terms.contains(s));
        let pro_negates_con = pro.negated.iter().any(|s| con_terms.contains(s));
        if con_negates_pro && !pro_negates_con {
            con_terms.retain(|s| lexicon_direction(s).is_some());
        } else if pro_negates_con && !con_negates_pro {
            pro_terms.retain(|s| lexicon_direction(s).is_some());
        }
        // Keywords that share a stem prefix with a claim spell the same claim ("allies").
        for keyword in &question.keywords {
            for stem in text::content_stems(keyword) {
                for terms in [&mut pro_terms, &mut con_terms] {
                    if !terms.contains(&stem) && terms.iter().any(|t| same_word(t, &stem)) {
                        terms.push(stem.clone());
                    }
                }
            }
        }
        let direction = |terms: &[String], negated: &[String]| {
            let mut up = false;
            let mut down = false;
            for t in terms {
                match lexicon_direction(t) {
                    Some(Direction::Closer) => up = true,
                    Some(Direction::Apart) => down = true,
                    None => {}
                }
            }
            for t in negated {
                match lexicon_direction(t) {
                    Some(Direction::Closer) => down = true,
                    Some(Direction::Apart) => up = true,
                    None => {}
                }
            }
            (up, down)
        };
        let (pro_up, pro_down) = direction(&pro.affirmed, &pro.negated);
        let (con_up, con_down) = direction(&con.affirmed, &con.negated);
        let closer = if pro_up && con_down && !pro_down && !con_up {
            Some(Stance::Pro)
        } else if con_up && pro_down && !con_down && !pro_up {
            Some(Stance::Con)
        } else {
            None
        };
        let mut targets = Vec::new();
        for (side, own, other) in [(Stance::Pro, &pro, &con), (Stance::Con, &con, &pro)] {
            for name in &own.names {
                if !name.iter().any(|w| other.words.contains(w)) {
                    targets.push(Target {
                        side,
                        initials: name.iter().filter_map(|w| w.chars().next()).collect(),
                        words: name.clone(),
                    });
                }
            }
        }
        Some(Sides {
            pro: pro_terms,
            con: con_terms,
            closer,
            targets,
        })
    }

    /// The evidence in one sentence.
    fn signals(&self, tokens: &[Token], reading: &Reading) -> Vec<Signal> {
        let mut out = Vec::new();
        for (i, tok) in tokens.iter().enumerate() {
            if tok.stop || reading.negator[i] {
                continue;
            }
            let lexicon = lexicon_direction(&tok.stem);
            // In a question of direction, a claim word that is no direction word ("pushes")
            // says less than one that is ("closer").
            let claim_weight = if self.closer.is_some() && lexicon.is_none() {
                0.6
            } else {
                1.0
            };
            let (mut side, mut weight) = if self.pro.iter().any(|t| same_word(t, &tok.stem)) {
                (Stance::Pro, claim_weight)
            } else if self.con.iter().any(|t| same_word(t, &tok.stem)) {
                (Stance::Con, claim_weight)
            } else if let (Some(closer), Some(dir)) = (self.closer, lexicon) {
                match dir {
                    Direction::Closer => (closer, 1.0),
                    Direction::Apart => (closer.opposite(), 1.0),
                }
            } else {
                (Stance::Neutral, 0.0)
            };
            // Coming closer *to someone a side names* counts for that side, whatever the word.
            let mut last = extend_right(tokens, i, reading);
            if lexicon == Some(Direction::Closer) || is_rapprochement(&tok.stem) {
                if let Some((target, end)) = self.target_after(tokens, i, reading) {
                    // Naming whom is more specific than any single word.
                    side = target;
                    weight = 1.5;
                    last = end;
                }
            }
            if side == Stance::Neutral {
                continue;
            }
            let mut cue_from = i;
            if let Some(negator) = reading.negated_by[i] {
                side = side.opposite();
                cue_from = negator;
            }
            if let Some(hedge) = hedge_before(tokens, i, reading) {
                weight *= 0.7;
                cue_from = cue_from.min(hedge);
            }
            weight *= reading.weight[i];
            let start = extend_left(tokens, cue_from, reading);
            out.push(Signal {
                side,
                weight,
                cue: Span::new(tokens[start].span.start, tokens[last].span.end),
            });
        }
        out
    }

    /// The side whose target follows token `i` through a linking word ("closer *to the U.S.*",
    /// "ties *with the United States*"), within the same clause.
    /// Returns the side and the index of the target's last word.
    fn target_after(
        &self,
        tokens: &[Token],
        i: usize,
        reading: &Reading,
    ) -> Option<(Stance, usize)> {
        let clause_end = reading.clause_end(i);
        let link = (i + 1..clause_end.min(i + 6))
            .find(|&j| {
                matches!(
                    tokens[j].norm.as_str(),
                    "to" | "with" | "toward" | "towards"
                )
            })
            .or_else(|| (i + 1 < clause_end && tokens[i + 1].norm == "of").then_some(i + 1))?;
        for j in link + 1..clause_end.min(link + 4) {
            for target in &self.targets {
                if let Some(len) = target.matches(tokens, j) {
                    return Some((target.side, j + len - 1));
                }
            }
        }
        None
    }
}

impl Target {
    /// Whether the name starts at `tokens[at]` — its words in order, or its initials written
    /// as one word ("US", "U.S.") — and if so, how many tokens it takes.
    fn matches(&self, tokens: &[Token], at: usize) -> Option<usize> {
        let written: String = tokens[at].norm.chars().filter(|c| *c != '.').collect();
        if self.words.len() > 1
            && written == self.initials
            && tokens[at].norm.len() <= 2 * self.initials.len()
        {
            return Some(1);
        }
        let spelled = tokens.len() >= at + self.words.len()
            && self
                .words
                .iter()
                .zip(&tokens[at..])
                .all(|(w, t)| *w == t.norm);
        spelled.then_some(self.words.len())
    }
}

/// A `pro` or `con` statement, read with the same rules as passages.
struct Statement {
    /// Content stems stated as holding.
    affirmed: Vec<String>,
    /// Content stems stated as not holding.
    negated: Vec<String>,
    /// Capitalised names inside the statement, as lowercased words.
    names: Vec<Vec<String>>,
    /// Every word, lowercased.
    words: Vec<String>,
}

impl Statement {
    fn read(statement: &str) -> Statement {
        let mut affirmed = Vec::new();
        let mut negated = Vec::new();
        let mut names: Vec<Vec<String>> = Vec::new();
        let mut words = Vec::new();
        for sentence in text::quick_sentences(statement, Span::new(0, statement.len())) {
            let tokens = text::tokens(statement, sentence);
            words.extend(tokens.iter().map(|t| t.norm.clone()));
            let reading = Reading::of(statement, &tokens);
            let mut in_name = false;
            for (i, tok) in tokens.iter().enumerate() {
                let original = tok.span.of(statement);
                let capital = original.chars().next().is_some_and(char::is_uppercase);
                let opens = i == 0 || reading.clause_start[i];
                if capital && !opens {
                    if in_name {
                        names
                            .last_mut()
                            .expect("a name is open")
                            .push(tok.norm.clone());
                    } else {
                        names.push(vec![tok.norm.clone()]);
                    }
                    in_name = true;
                    continue;
                }
                in_name = false;
                if tok.stop || reading.negator[i] || is_frame_word(&tok.stem) {
                    continue;
                }
                let list = if reading.negated_by[i].is_some() {
                    &mut negated
                } else {
                    &mut affirmed
                };
                if !list.contains(&tok.stem) {
                    list.push(tok.stem.clone());
                }
            }
        }
        Statement {
            affirmed,
            negated,
            names,
            words,
        }
    }
}

/// How each token of one sentence is read: negation, clause structure, weight.
struct Reading {
    /// The token is itself a negation word (or part of one, like `than` in `rather than`).
    negator: Vec<bool>,
    /// For a negated token: the negation that covers it (odd number of covering negations).
    negated_by: Vec<Option<usize>>,
    /// Punctuation or a clause word stands right before the token.
    clause_start: Vec<bool>,
    /// How much a mention here counts: voice, concession, contrast, quotes.
    weight: Vec<f32>,
}

impl Reading {
    fn of(text: &str, tokens: &[Token]) -> Reading {
        let n = tokens.len();
        let clause_start: Vec<bool> = (0..n)
            .map(|i| {
                i == 0
                    || gap_breaks_clause(
                        text,
                        tokens[i - 1].span.of(text),
                        Span::new(tokens[i - 1].span.end, tokens[i].span.start),
                    )
                    || is_clause_word(&tokens[i].norm)
            })
            .collect();
        let mut negator = vec![false; n];
        let mut covering: Vec<Vec<usize>> = vec![Vec::new(); n];
        let neither_at = tokens.iter().position(|t| t.norm == "neither");
        for i in 0..n {
            let Some((first, scope_from)) = negation_at(tokens, i) else {
                continue;
            };
            for flag in &mut negator[first..scope_from] {
                *flag = true;
            }
            // `nor` after `neither` is the same negation, already in scope.
            if tokens[i].norm == "nor" && neither_at.is_some_and(|at| at < i) {
                continue;
            }
            // `neither … nor` negates the whole predicate that follows; others a short reach.
            // "unlikely that …", "denied that …" govern the whole clause they introduce.
            let whole_clause = tokens[i].norm == "neither"
                || (scope_from == i + 1
                    && tokens.get(i + 1).is_some_and(|t| t.norm == "that")
                    && !matches!(tokens[i].norm.as_str(), "not" | "no" | "nor"));
            let reach = if whole_clause { n } else { scope_from + 7 };
            let mut j = scope_from;
            while j < n && j < reach {
                if clause_start[j] {
                    break;
                }
                covering[j].push(first);
                j += 1;
            }
        }
        let negated_by = covering
            .iter()
            .map(|c| (c.len() % 2 == 1).then(|| *c.last().expect("odd is non-empty")))
            .collect();

        let mut weight = vec![1.0f32; n];
        if let Some(first) = tokens.first() {
            // "Although …, main clause": the concession counts less than the main clause.
            let opener = first.norm.as_str();
            let lowered = match opener {
                "although" | "though" | "while" | "whereas" | "despite" | "even" => Some(0.4),
                "if" | "unless" => Some(0.5),
                _ => None,
            };
            if let Some(factor) = lowered {
                let until = (1..n)
                    .find(|&j| {
                        gap_breaks_clause(
                            text,
                            tokens[j - 1].span.of(text),
                            Span::new(tokens[j - 1].span.end, tokens[j].span.start),
                        )
                    })
                    .unwrap_or(n);
                for w in &mut weight[..until] {
                    *w *= factor;
                }
            }
            if matches!(
                opener,
                "however" | "nevertheless" | "nonetheless" | "but" | "yet" | "still"
            ) {
                for w in &mut weight {
                    *w *= 1.2;
                }
            }
        }
        // A contrast inside the sentence: what follows is the author's point.
        if let Some(turn) = (1..n).find(|&j| is_contrast(&tokens[j].norm)) {
            for (j, w) in weight.iter_mut().enumerate() {
                *w *= if j > turn { 1.25 } else { 0.8 };
            }
        }
        // Quoted words are someone else's.
        let mut quoted = false;
        let mut at = 0;
        for (j, tok) in tokens.iter().enumerate() {
            for c in text[at..tok.span.start].chars() {
                match c {
                    '“' | '«' => quoted = true,
                    '”' | '»' => quoted = false,
                    '"' => quoted = !quoted,
                    _ => {}
                }
            }
            at = tok.span.end;
            if quoted {
                weight[j] *= 0.6;
            }
        }
        Reading {
            negator,
            negated_by,
            clause_start,
            weight,
        }
    }

    /// The index of the first token after `i` that opens a new clause (or the end).
    fn clause_end(&self, i: usize) -> usize {
        (i + 1..self.clause_start.len())
            .find(|&j| self.clause_start[j])
            .unwrap_or(self.clause_start.len())
    }
}

/// A negation starting at token `i`: the index of its first word and of the first word it
/// governs. `not only`, `not merely`, `no doubt` are not negations.
fn negation_at(tokens: &[Token], i: usize) -> Option<(usize, usize)> {
    let word = tokens[i].norm.as_str();
    let next = tokens.get(i + 1).map(|t| t.norm.as_str());
    let single = matches!(
        word,
        "not"
            | "no"
            | "never"
            | "nor"
            | "neither"
            | "none"
            | "nothing"
            | "cannot"
            | "without"
            | "hardly"
            | "unlikely"
            | "little"
    ) || word.ends_with("n't");
    if single {
        let concessive = matches!(
            next,
            Some("only" | "merely" | "just" | "least" | "less" | "doubt" | "matter" | "so")
        );
        if (word == "little" && next != Some("to")) || (concessive && word != "without") {
            return None;
        }
        // "little to no impact": one negation over both words.
        if word == "little" {
            return (tokens.get(i + 2).map(|t| t.norm.as_str()) == Some("no"))
                .then_some((i, i + 3));
        }
        return Some((i, i + 1));
    }
    let pair = matches!(
        (word, next),
        ("rather" | "better", Some("than"))
            | ("far", Some("from"))
            | ("instead", Some("of"))
            | ("ruled", Some("out"))
    );
    if pair {
        return Some((i, i + 2));
    }
    let stem = tokens[i].stem.as_str();
    let denial = ["deni", "reject", "dismiss", "refus", "fail", "lack"]
        .iter()
        .any(|d| stem == *d || (stem.starts_with(d) && stem.len() <= d.len() + 2));
    denial.then_some((i, i + 1))
}

/// The index of a hedge word just before token `i` in its clause ("quasi-", "some form of",
/// "de facto", "arguably"), including the words that open it ("some", "de").
fn hedge_before(tokens: &[Token], i: usize, reading: &Reading) -> Option<usize> {
    let from = i.saturating_sub(3);
    for j in (from..i).rev() {
        // A clause boundary between the hedge and the word: not its hedge.
        if reading.clause_start[j + 1] {
            return None;
        }
        let w = tokens[j].norm.as_str();
        let hedge = matches!(
            w,
            "quasi"
                | "semi"
                | "pseudo"
                | "facto"
                | "virtual"
                | "virtually"
                | "near"
                | "nearly"
                | "almost"
                | "arguably"
                | "potential"
                | "possible"
                | "perhaps"
                | "maybe"
                | "might"
                | "may"
                | "could"
                | "informal"
                | "tacit"
        ) || (matches!(w, "form" | "sort" | "kind")
            && tokens.get(j + 1).is_some_and(|t| t.norm == "of"));
        if hedge {
            let opener = j
                .checked_sub(1)
                .filter(|&k| matches!(tokens[k].norm.as_str(), "some" | "a" | "de"));
            return Some(opener.unwrap_or(j));
        }
    }
    None
}

/// Widens a cue to the left over the auxiliaries and adverbs that belong to it ("*would* not
/// form", "*will only* strengthen").
fn extend_left(tokens: &[Token], from: usize, reading: &Reading) -> usize {
    let mut start = from;
    while start > 0 && !reading.clause_start[start] {
        let w = tokens[start - 1].norm.as_str();
        let joins = matches!(
            w,
            "will"
                | "would"
                | "shall"
                | "should"
                | "can"
                | "could"
                | "may"
                | "might"
                | "must"
                | "do"
                | "does"
                | "did"
                | "is"
                | "are"
                | "was"
                | "were"
                | "be"
                | "been"
                | "has"
                | "have"
                | "had"
                | "only"
                | "further"
                | "even"
                | "increasingly"
                | "ever"
                | "already"
                | "still"
                | "also"
        );
        if !joins {
            break;
        }
        start -= 1;
    }
    start
}

/// Widens a cue to the right over a pronoun object or particle ("strengthen *this*", "closer
/// *together*").
fn extend_right(tokens: &[Token], from: usize, reading: &Reading) -> usize {
    let mut end = from;
    while end + 1 < tokens.len() && !reading.clause_start[end + 1] && end < from + 2 {
        let w = tokens[end + 1].norm.as_str();
        if matches!(w, "this" | "them" | "together" | "apart" | "further") {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// Whether the text between two tokens ends a clause: clause punctuation, or a full stop not
/// part of an abbreviation like `U.S.`.
fn gap_breaks_clause(text: &str, before: &str, gap: Span) -> bool {
    gap.of(text).chars().any(|c| match c {
        ',' | ';' | ':' | '(' | ')' | '—' | '–' | '!' | '?' | '…' => true,
        '.' => !before.contains('.'),
        _ => false,
    })
}

fn is_clause_word(norm: &str) -> bool {
    matches!(
        norm,
        "but"
            | "yet"
            | "however"
            | "although"
            | "though"
            | "while"
            | "whereas"
            | "because"
            | "which"
            | "who"
            | "nevertheless"
    )
}

fn is_contrast(norm: &str) -> bool {
    matches!(
        norm,
        "but" | "however" | "nevertheless" | "nonetheless" | "yet"
    )
}

/// Answer words and light verbs: they frame a claim without being it.
fn is_frame_word(stem: &str) -> bool {
    matches!(
        stem,
        "yes"
            | "becom"
            | "get"
            | "make"
            | "keep"
            | "move"
            | "take"
            | "go"
            | "come"
            | "seem"
            | "remain"
            | "stay"
            | "toward"
            | "like"
            | "way"
            | "thing"
            | "side"
            | "hand"
    )
}

/// Whether two stems are the same word: equal, or one a prefix (≥ 4 letters) of the other, as
/// Snowball leaves `alli` (allies) and `allianc` (alliance) apart.
fn same_word(a: &str, b: &str) -> bool {
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (short.chars().count() >= 4 && long.starts_with(short))
}

/// Which way a word moves a relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Closer,
    Apart,
}

/// General English words of coming closer or drifting apart, as Snowball stems.
const CLOSER: &[&str] = &[
    "closer",
    "strengthen",
    "stronger",
    "deepen",
    "deeper",
    "reinforc",
    "consolid",
    "tighten",
    "bolster",
    "cement",
    "enhanc",
    "grow",
    "growth",
    "increas",
    "expand",
    "boost",
    "intensifi",
    "acceler",
    "rapproch",
    "converg",
    "togeth",
];
const APART: &[&str] = &[
    "weaken",
    "weaker",
    "cool",
    "declin",
    "distanc",
    "drift",
    "limit",
    "loosen",
    "erod",
    "erosion",
    "deterior",
    "stall",
    "strain",
    "sour",
    "diverg",
    "undermin",
    "hinder",
    "reduc",
    "decreas",
    "shrink",
    "fade",
    "fractur",
    "split",
    "rift",
    "apart",
    "secondari",
];

fn lexicon_direction(stem: &str) -> Option<Direction> {
    let hit = |list: &[&str]| list.iter().any(|w| inflects(stem, w));
    if hit(CLOSER) {
        Some(Direction::Closer)
    } else if hit(APART) {
        Some(Direction::Apart)
    } else {
        None
    }
}

/// Words of mending ties, which only say where someone turns when they name whom.
fn is_rapprochement(stem: &str) -> bool {
    [
        "improv", "eas", "normal", "warm", "mend", "reset", "stabil", "close", "tie",
    ]
    .iter()
    .any(|w| inflects(stem, w))
}

/// Whether `stem` is the lexicon stem `word` or an inflection Snowball left longer
/// (`strengthen` → `strengthened` is cut, `deterior` → `deteriorating` is not). Short words
/// must match exactly, so `sour` never matches `source`.
fn inflects(stem: &str, word: &str) -> bool {
    stem == word || (word.len() >= 5 && stem.starts_with(word) && stem.len() <= word.len() + 3)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn question(pro: Option<&str>, con: Option<&str>, keywords: &[&str]) -> Question {
        Question {
            id: "q".into(),
            title: "Q".into(),
            prompt: "Is the relationship an alliance, or becoming one, or not?".into(),
            keywords: keywords.iter().map(|k| k.to_string()).collect(),
            pro: pro.map(str::to_string),
            con: con.map(str::to_string),
        }
    }

    /// The alliance-or-not shape: con is the negation of pro.
    fn alliance() -> Question {
        question(
            Some("Yes: it is an alliance, or is becoming one."),
            Some("No: it is a partnership, not an alliance, and will not become one."),
            &["alliance", "allies", "partnership"],
        )
    }

    /// A directional question on another debate, with a name on the con side.
    fn sanctions() -> Question {
        question(
            Some("It pushes Iran and Venezuela closer together."),
            Some("They do not: Venezuela keeps its distance from Iran or moves toward the United States."),
            &["sanctions", "pressure"],
        )
    }

    fn judged(q: &Question, text: &str) -> (Stance, Option<String>) {
        let j = judge(q, text, Span::new(0, text.len()));
        (j.stance, j.cue.map(|c| c.of(text).to_string()))
    }

    /// `stance!(question, text => expected)` for tables of sentences.
    macro_rules! stance {
        ($q:expr, $($text:expr => $want:expr),+ $(,)?) => {
            $(assert_eq!(judged(&$q, $text).0, $want, "{:?}", $text);)+
        };
    }

    #[test]
    fn negated_alliance_reads_as_con() {
        stance!(alliance(),
            "The two states would not form an alliance with each other." => Stance::Con,
            "What they have is not an alliance." => Stance::Con,
            "Moscow has never sought an alliance with Beijing." => Stance::Con,
            "They don't want a formal alliance." => Stance::Con,
        );
    }

    #[test]
    fn affirmed_alliance_reads_as_pro() {
        stance!(alliance(),
            "The two states have in effect formed an alliance." => Stance::Pro,
            "Officials now openly call each other allies." => Stance::Pro,
        );
    }

    #[test]
    fn neither_nor_reads_as_con() {
        stance!(alliance(),
            "The two will neither form an alliance nor seek confrontation." => Stance::Con,
            "Neither Paris nor Berlin will ever join such an alliance." => Stance::Con,
        );
    }

    #[test]
    fn rather_than_negates_what_follows() {
        stance!(alliance(),
            "They settled on a loose partnership rather than an alliance." => Stance::Con,
            "They are building an alliance rather than a loose partnership." => Stance::Pro,
            "They chose close ties instead of an alliance." => Stance::Con,
        );
    }

    #[test]
    fn quasi_allies_reads_as_hedged_pro() {
        let text = "Some experts describe the two countries as quasi-allies.";
        let j = judge(&alliance(), text, Span::new(0, text.len()));
        assert_eq!(j.stance, Stance::Pro);
        assert_eq!(j.cue.map(|c| c.of(text)), Some("quasi-allies"));
        assert!(j.score < 1.0, "a hedge weighs less than a plain claim");
        stance!(alliance(),
            "The evidence of some form of alliance is mounting." => Stance::Pro,
        );
    }

    #[test]
    fn not_merely_is_not_a_negation() {
        stance!(alliance(), "This is not merely an alliance on paper." => Stance::Pro);
    }

    #[test]
    fn no_longer_and_far_from_negate() {
        stance!(alliance(),
            "The pact is no longer an alliance in any real sense." => Stance::Con,
            "The relationship is far from an alliance." => Stance::Con,
        );
    }

    #[test]
    fn unlikely_and_denied_govern_the_clause_they_introduce() {
        stance!(alliance(),
            "It is unlikely that the two will ever form a military alliance." => Stance::Con,
            "The minister denied the possibility of an alliance." => Stance::Con,
        );
    }

    #[test]
    fn the_clause_after_a_contrast_carries_the_view() {
        stance!(alliance(),
            "Many call it an alliance, but it is not an alliance." => Stance::Con,
            "Although some deny that any alliance exists, the signs of an alliance are everywhere." => Stance::Pro,
        );
    }

    #[test]
    fn quoted_words_weigh_less_than_the_authors_own() {
        stance!(alliance(),
            "“We are allies,” the officials said; in truth it is not an alliance." => Stance::Con,
        );
    }

    #[test]
    fn pressure_strengthens_reads_as_pro() {
        let q = sanctions();
        let text = "Each new round of sanctions will only strengthen this partnership.";
        assert_eq!(
            judged(&q, text),
            (Stance::Pro, Some("will only strengthen this".to_string()))
        );
        stance!(q,
            "Pressure has pushed the two governments closer together." => Stance::Pro,
            "Their cooperation keeps deepening." => Stance::Pro,
        );
    }

    #[test]
    fn drifting_apart_reads_as_con() {
        stance!(sanctions(),
            "Since then the two governments have drifted apart." => Stance::Con,
            "Ties between them have weakened and cooled." => Stance::Con,
            "Sanctions did not push them closer together." => Stance::Con,
        );
    }

    #[test]
    fn coming_closer_to_the_other_sides_name_reads_for_that_side() {
        let q = sanctions();
        let text = "Caracas has moved to get closer to the U.S. this year.";
        assert_eq!(
            judged(&q, text),
            (Stance::Con, Some("closer to the U.S".to_string()))
        );
        stance!(q,
            "It wants to improve its ties with the United States." => Stance::Con,
        );
    }

    #[test]
    fn question_without_sides_is_neutral() {
        let q = question(None, None, &["alliance"]);
        let text = "The two states would not form an alliance.";
        assert_eq!(
            judge(&q, text, Span::new(0, text.len())),
            Judgement::NEUTRAL
        );
    }

    #[test]
    fn passage_without_evidence_is_neutral() {
        assert_eq!(
            judged(&alliance(), "Trade grew by a fifth in the first quarter."),
            (Stance::Neutral, None)
        );
    }

    #[test]
    fn cue_span_covers_the_deciding_words() {
        let text = "Lavrov said again that Russia would not form an alliance with China.";
        assert_eq!(
            judged(&alliance(), text).1.as_deref(),
            Some("would not form an alliance")
        );
        let text = "They will neither form an alliance nor a bloc.";
        assert_eq!(
            judged(&alliance(), text).1.as_deref(),
            Some("will neither form an alliance")
        );
    }

    #[test]
    fn cue_points_into_the_document_not_the_passage() {
        let text = "Heading\nThe two states would not form an alliance.\n";
        let passage = Span::new(8, text.len() - 1);
        let j = judge(&alliance(), text, passage);
        let cue = j.cue.expect("a cue");
        assert!(cue.start >= passage.start && cue.end <= passage.end);
        assert_eq!(cue.of(text), "would not form an alliance");
    }

    #[test]
    fn position_is_the_relevance_weighted_sign_with_its_best_passage() {
        let j = |score: f32| Judgement {
            stance: if score > 0.0 {
                Stance::Pro
            } else {
                Stance::Con
            },
            cue: None,
            score,
        };
        assert_eq!(
            position(&[(j(1.0), 0.2), (j(-1.0), 0.9), (j(-0.5), 0.5)]),
            Some((Stance::Con, 1))
        );
        assert_eq!(position(&[]), None);
    }

    /// Checks against the default corpus (found by their words, not their line): what the
    /// authors argue, read as a person reads it.
    #[test]
    fn seed_sentences_read_as_their_authors_mean_them() {
        let corpus = crate::Corpus::embedded();
        let q = |id: &str| {
            corpus
                .questions
                .iter()
                .find(|q| q.id == id)
                .expect("seed question")
                .clone()
        };
        let check = |question: &Question, words: &str, want: Stance, cue: &str| {
            let (doc, at) = corpus
                .documents
                .iter()
                .find_map(|d| d.text.find(words).map(|at| (d, at)))
                .expect("seed sentence");
            let span = Span::new(at, at + words.len());
            let j = judge(question, &doc.text, span);
            assert_eq!(j.stance, want, "{words}");
            assert_eq!(j.cue.map(|c| c.of(&doc.text)), Some(cue), "{words}");
        };
        let alliance = q("alliance");
        check(
            &alliance,
            "Lavrov made it clear that Russia would not form an alliance with China",
            Stance::Con,
            "would not form an alliance",
        );
        check(
            &alliance,
            "has already said that Russia and China are quasi-allies",
            Stance::Pro,
            "are quasi-allies",
        );
        check(
            &alliance,
            "But the rapprochement it made with China was not an alliance.",
            Stance::Con,
            "was not an alliance",
        );
        check(
            &alliance,
            "yet he also said that the two countries will neither form alliance nor confrontation",
            Stance::Con,
            "will neither form alliance",
        );
        let pressure = q("us_pressure");
        check(
            &pressure,
            "Western antagonism will only strengthen this",
            Stance::Pro,
            "will only strengthen this",
        );
        check(&pressure, "Russia in return, moves to get closer to the U.S. by adopting its current position on China.", Stance::Con, "closer to the U.S");
    }
}
