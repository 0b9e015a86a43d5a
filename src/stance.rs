//! The side a passage (or an author) takes on a question, relative to its `pro` and `con`.
//!
//! The method, general English only (nothing here knows any corpus):
//!
//! 1. **Claims.** The `pro` and `con` statements are read with the same rules as passages. Their
//!    content stems become each side's claim terms; words both sides use (the topic), answer words
//!    ("yes"), light verbs ("become", "form"), insistence adverbs ("clearly", "still"),
//!    relationship nouns ("ties", "partnership"), people in general ("customers") and hedges ("de
//!    facto") are dropped. So is what a side *describes* rather than claims: a word after an
//!    article, possessive or preposition ("the centre", "on foot"; not after a copula: "is an
//!    alliance", nor after "like": "behaves like an ally", nor after "into": "turning into
//!    allies", where the verb is no claim either; nor when the side also claims the word
//!    elsewhere), up to three words ("the *voting age*"), a word hyphened to a number
//!    ("17-*year-olds*"), and the prompt's setting ("banned *from the city centre*"), unless that
//!    is all a side says; and even then not what the prompt asks about ("No: *the voting age*
//!    should stay at 18"). Capitalised names, and every name the prompt uses, are parties, never
//!    claims; a name only one side uses, or one it turns to ("better relations *with
//!    the West*"), is its *target* ("moves toward the United States"). When `con` is mostly the
//!    negation of `pro` ("not an alliance"), a negated mention of a pro claim reads as con, and
//!    con's other words are context, not claims ("a partnership"). In a question of fact that one
//!    side answers "No" ("Does one side dominate?"), the keywords are the writer's words for what
//!    is asked: affirming one ("an asymmetrical relationship") weakly takes the Yes side, unless a
//!    keyword is itself a claim, or the prompt asks for advice ("Should cars be banned?": naming
//!    the ban takes no side). An adverb made from a claim word ("firmly" for "a firm goal")
//!    claims nothing.
//! 2. **Direction.** When a side speaks of coming closer (strengthen, deepen, closer, highest,
//!    aligned) or of drifting apart (distance, cooling, limited, marginal), a small lexicon of such
//!    words decides too, the other side taking the opposite direction. Coming closer to a side's
//!    target ("closer to the U.S.") counts for that side, and, when the apart side names someone to
//!    turn to or the question names someone acting on the relationship, so does coming closer to
//!    any third party. A source ("pressure *from the United States*") and a name that qualifies a
//!    keyword ("*US* overtures") are such third parties. Not direction: "apart from", "off limits",
//!    "close to forging", a name ("United Nations"), and a direction that governs one named party
//!    ("the decline *of the United States*"), which is that party's, not the relationship's
//!    ("deepening *China's ties* with Russia" is the relationship's).
//! 3. **Polarity.** Each mention is negated when it stands in the scope of a negation (`not`,
//!    `n't`, `never`, `neither … nor`, `rather than`, `instead of`, `far from`, `unlikely`,
//!    `denied`, a negative prefix as in "unbalanced", …); "unlikely that", "should not believe
//!    that" reach the whole clause. A hedge (`quasi-`, `some form of`, `arguably`, …) keeps the
//!    side, weaker. `not only` / `not merely` are not negations. In a question answered "No" by
//!    one side, excess said of the matter debated ("a full ban is too blunt") is that side's.
//! 4. **Voice.** A concession clause ("Although …,") and an `if` clause weigh less; after a
//!    contrast (`but`, `however`, `nevertheless`) the author's own view weighs more; quoted
//!    words weigh less than the author's own, and a view put in the mouth of unnamed others
//!    ("critics say", "those who insist") half. A question, direct or reported ("asked … if",
//!    "whether"), is too weak to decide alone; naming the measure ("the proposal to close …")
//!    takes no side; the speaker's own allies ("our allies") are not the question's parties.
//!
//! The signed weights are summed over the passage; the strongest mention of the winning side
//! is the cue.

use serde::{Deserialize, Serialize};

use crate::index::Index;
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

/// Weight of a keyword a Yes side affirms (see `Sides::concept`) against a claim word's 1:
/// the question writer's word for the matter, not a side's own.
const CONCEPT: f32 = 0.5;

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
    let tokens = text::tokens(text, passage);
    let words: Vec<Tok> = tokens.iter().map(Tok::of).collect();
    Judge::new(question).passage(text, passage, &words)
}

/// A word as the stance rules read it, borrowed: from a [`Token`], or from the engine's index,
/// which reads each distinct word of the corpus once (see [`crate::index::Index::words_of`]).
/// Judging a paragraph then copies no word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Tok<'a> {
    /// Where the word stands in the text.
    pub span: Span,
    /// Lowercased, apostrophes folded ([`Token::norm`]).
    pub norm: &'a str,
    /// Snowball stem ([`Token::stem`]).
    pub stem: &'a str,
    /// Whether it is a stop word.
    pub stop: bool,
    /// What kind of word the rules take it for.
    pub class: Class,
}

impl<'a> Tok<'a> {
    /// `token`'s words, borrowed.
    pub fn of(token: &'a Token) -> Tok<'a> {
        Tok {
            span: token.span,
            norm: &token.norm,
            stem: &token.stem,
            stop: token.stop,
            class: Class::of(&token.norm, &token.stem),
        }
    }
}

/// The kinds of word the rules ask about of every word of a passage, whatever the question:
/// found once per distinct word (the index keeps one per form) rather than by comparing each
/// mention with the word lists below, which was most of the time a judgement took.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Class(u16);

impl Class {
    /// A one-word negation (`not`, `never`, `n't`, …; see [`negation_at`]).
    const NEGATION: u16 = 1;
    /// A verb of denial (`denied`, `rejects`).
    const DENIAL: u16 = 1 << 1;
    /// A word that opens a clause ([`is_clause_word`]).
    const CLAUSE: u16 = 1 << 2;
    /// A word of contrast ([`is_contrast`]).
    const CONTRAST: u16 = 1 << 3;
    /// A verb of reporting ([`is_reporting`]).
    const REPORTING: u16 = 1 << 4;
    /// A verb of asking ([`is_asking`]).
    const ASKING: u16 = 1 << 5;
    /// A word of coming closer ([`CLOSER`]).
    const CLOSER: u16 = 1 << 6;
    /// A word of drifting apart ([`APART`]).
    const APART: u16 = 1 << 7;
    /// A word of mending ties ([`is_rapprochement`]).
    const RAPPROCHEMENT: u16 = 1 << 8;
    /// The byte length of a negative prefix ([`negative_prefix`]), in the bits from here.
    const PREFIX_SHIFT: u16 = 9;

    /// The class of the word `norm` with stem `stem`.
    pub fn of(norm: &str, stem: &str) -> Class {
        let single = listed(NEGATIONS, norm) || norm.ends_with("n't");
        let denial = ["deni", "reject", "dismiss", "refus", "fail", "lack"]
            .iter()
            .any(|d| stem == *d || (stem.starts_with(d) && stem.len() <= d.len() + 2));
        let direction = match lexicon_direction(stem) {
            Some(Direction::Closer) => Class::CLOSER,
            Some(Direction::Apart) => Class::APART,
            None => 0,
        };
        let flags = [
            (single, Class::NEGATION),
            (denial, Class::DENIAL),
            (is_clause_word(norm), Class::CLAUSE),
            (is_contrast(norm), Class::CONTRAST),
            (is_reporting(stem), Class::REPORTING),
            (is_asking(stem), Class::ASKING),
            (is_rapprochement(stem), Class::RAPPROCHEMENT),
        ];
        let prefix = negative_prefix(stem).map_or(0, |rest| stem.len() - rest.len()) as u16;
        Class((flags.iter()).filter(|(on, _)| *on).fold(
            direction | prefix << Class::PREFIX_SHIFT,
            |bits, (_, bit)| bits | bit,
        ))
    }

    fn has(self, bit: u16) -> bool {
        self.0 & bit != 0
    }

    /// The rest of `stem` (this class's word) after its negative prefix, if it has one.
    fn unprefixed(self, stem: &str) -> Option<&str> {
        let at = usize::from(self.0 >> Class::PREFIX_SHIFT);
        (at > 0).then(|| &stem[at..])
    }

    fn direction(self) -> Option<Direction> {
        if self.has(Class::CLOSER) {
            Some(Direction::Closer)
        } else if self.has(Class::APART) {
            Some(Direction::Apart)
        } else {
            None
        }
    }
}

const NEGATIONS: &[&str] = &[
    "cannot", "hardly", "little", "neither", "never", "no", "none", "nor", "not", "nothing",
    "unlikely", "without",
];

/// A question's sides, read once: judging many passages on one question with this is much
/// cheaper than calling [`judge`] for each, which re-reads the `pro`/`con` statements.
pub struct Judge {
    sides: Option<Sides>,
}

impl Judge {
    /// Reads the `pro`/`con` statements of `question`.
    pub fn new(question: &Question) -> Judge {
        Judge::with_index(question, None)
    }

    /// Whether the question is about which way the relationship moves: at least half of the
    /// words its sides claim are words of coming closer or drifting apart ("getting closer",
    /// "drifting apart", "cooling or stagnating"). Such a question's own words say little
    /// about where it is answered; the corpus's words of direction do.
    pub fn about_direction(&self) -> bool {
        self.sides.as_ref().is_some_and(|s| {
            let claims = s.pro.iter().chain(&s.con);
            let moving = claims.clone().filter(|t| is_direction_word(t)).count();
            moving > 0 && 2 * moving >= claims.count()
        })
    }

    /// [`Judge::new`]; with the corpus's `index`, the question's words the corpus has are
    /// taken from it, already read and stemmed ([`Index::tokens`]).
    pub fn with_index(question: &Question, index: Option<&Index>) -> Judge {
        Judge {
            sides: Sides::of(question, Words(index)),
        }
    }

    /// The stance of `text[passage]`, whose words are `tokens` (those of
    /// `text::tokens(text, passage)`, which the engine keeps for every paragraph); see [`judge`].
    pub fn passage(&self, text: &str, passage: Span, tokens: &[Tok]) -> Judgement {
        self.read(tokens, &Sentences::of(text, passage, tokens))
    }

    /// The stance of a passage whose words are `tokens`, already read into `sentences` (from
    /// these same `tokens`): the engine reads each paragraph once for all the questions that
    /// find it.
    pub fn read(&self, tokens: &[Tok], sentences: &Sentences) -> Judgement {
        let Some(sides) = &self.sides else {
            return Judgement::NEUTRAL;
        };
        judge_with(sides, tokens, sentences)
    }
}

/// A passage's sentences, each read for stance (negation, clauses, weight): what the stance
/// rules see whatever the question, so a passage several questions find is read once. Per
/// sentence: the index just past its last token, and its reading.
pub struct Sentences(Vec<(usize, Reading)>);

impl Sentences {
    /// Reads `text[passage]`, whose words are `tokens`.
    pub fn of(text: &str, passage: Span, tokens: &[Tok]) -> Sentences {
        let mut out = Vec::new();
        let mut end = 0;
        let mut quotes = Quotes::from(passage.start);
        // The engine's quick splitter: Unicode sentence bounds would add ~30 KB of tables to the wasm.
        for sentence in text::quick_sentences(text, passage) {
            // No word crosses a sentence end, so the passage's words cut there are the sentence's.
            let start = end;
            end += tokens[end..].partition_point(|t| t.span.end <= sentence.end);
            out.push((end, Reading::of(text, &tokens[start..end], &mut quotes)));
        }
        Sentences(out)
    }
}

fn judge_with(sides: &Sides, tokens: &[Tok], sentences: &Sentences) -> Judgement {
    let mut signals = Vec::new();
    let mut start = 0;
    for (end, reading) in &sentences.0 {
        signals.extend(sides.signals(&tokens[start..*end], reading));
        start = *end;
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
    /// Words of every name the prompt and the sides use, but for a source ("pressure *from*
    /// the United States"): the parties, not third ones.
    parties: Vec<String>,
    /// Whether the question names someone who acts on the relationship (a source of
    /// pressure, "US overtures"): turning to anyone but the parties is then turning elsewhere.
    acted_on: bool,
    /// Stems of the question's keywords: the measure or matter debated.
    topic: Vec<String>,
    /// The side that answers "No", if one does.
    answers_no: Option<Stance>,
    /// In a question of fact answered "No" by one side ("Does one side dominate?"), the
    /// keywords are the writer's words for what is asked ("asymmetry", "dependence"): a
    /// passage that affirms one takes the Yes side, more weakly than with a claim word (see
    /// [`concept_of`]).
    concept: Vec<String>,
}

impl Sides {
    fn of(question: &Question, read: Words) -> Option<Sides> {
        if !question.has_sides() {
            return None;
        }
        let mut pro = Statement::read(question.pro.as_deref().unwrap_or(""), read);
        let mut con = Statement::read(question.con.as_deref().unwrap_or(""), read);
        // Names are who the question is about, not what either side claims; a name seen at
        // a clause start ("…: Russia keeps") is still a name, and so is one the prompt names.
        let asked = Statement::read(&question.prompt, read);
        let name_stems: Vec<String> = (pro.names.iter().chain(&con.names).chain(&asked.names))
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
        // A side's claim is its predicate ("should be closed", "hurts"), not what it describes
        // ("the centre", "on foot"): described words are dropped unless they speak of
        // direction or are all the side says, and then still those the prompt uses ("No: the
        // voting age should stay at 18" for "Should the voting age be lowered?"): what is asked
        // about is no side's claim.
        for (terms, statement) in [(&mut pro_terms, &pro), (&mut con_terms, &con)] {
            let described = |t: &String| statement.described.contains(t);
            if terms.iter().any(|t| !described(t)) {
                terms.retain(|t| !described(t) || lexicon_direction(t).is_some());
            } else {
                terms.retain(|t| !asked.affirmed.contains(t) && !asked.negated.contains(t));
            }
        }
        // Where the prompt sets the question ("banned *from the city centre*") is what both
        // sides talk about, not a claim: a side's words that the prompt puts after a
        // preposition are dropped, unless the prompt names both sides' claims (an either/or
        // question) or they are all the side claims. The prompt's predicate ("Is it an
        // alliance?", "Is it fair?") stays a claim.
        if !con_negates_pro && !pro_negates_con {
            let setting = prompt_setting(&asked.tokens);
            let in_setting = |t: &String| setting.iter().any(|p| same_word(p, t));
            let either_or = pro_terms.iter().any(in_setting) && con_terms.iter().any(in_setting);
            if !either_or {
                for terms in [&mut pro_terms, &mut con_terms] {
                    if terms.iter().any(|t| !in_setting(t)) {
                        terms.retain(|t| !in_setting(t) || lexicon_direction(t).is_some());
                    }
                }
            }
        }
        // Each keyword's stems, one keyword after the other: keyword `k`'s end at `ends[k]`.
        let mut topic: Vec<String> = Vec::new();
        let mut ends = Vec::with_capacity(question.keywords.len());
        for keyword in &question.keywords {
            topic.extend(text::content_of(read.all(keyword)));
            ends.push(topic.len());
        }
        // Keywords that share a stem prefix with a claim spell the same claim ("allies").
        for stem in &topic {
            for terms in [&mut pro_terms, &mut con_terms] {
                if !terms.contains(stem) && terms.iter().any(|t| same_word(t, stem)) {
                    terms.push(stem.clone());
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
        // One side speaking of direction is enough: "backing is limited" makes coming closer
        // the other side's.
        let closer = if (pro_up || con_down) && !pro_down && !con_up {
            Some(Stance::Pro)
        } else if (con_up || pro_down) && !con_down && !pro_up {
            Some(Stance::Con)
        } else {
            None
        };
        let mut targets = Vec::new();
        for (side, own, other) in [(Stance::Pro, &pro, &con), (Stance::Con, &con, &pro)] {
            // The parties the prompt names are both sides' subject, not one side's target; a
            // name only one side uses, or one it turns to ("better relations with the West"),
            // is.
            for name in &own.names {
                let in_prompt = name.iter().any(|w| asked.has_word(w));
                let in_other = name.iter().any(|w| other.has_word(w));
                if !in_prompt && (!in_other || own.turned_to.contains(name)) {
                    targets.push(Target {
                        side,
                        initials: name.iter().filter_map(|w| w.chars().next()).collect(),
                        words: name.clone(),
                    });
                }
            }
        }
        // Where pressure comes from ("pressure *from the United States*") is no party to the
        // relationship asked about: turning to it is turning elsewhere. Nor is a name that
        // qualifies the matter debated ("*US* overtures", "*Western* sanctions" when the
        // keywords are overtures and sanctions), wherever the question names it: whoever acts
        // on the relationship.
        let mut acting: Vec<&Vec<String>> = Vec::new();
        for statement in [&pro, &con, &asked] {
            for (name, after) in statement.names.iter().zip(&statement.before_word) {
                if !after.is_empty() && !is_relationship(after) && topic.contains(after) {
                    acting.push(name);
                }
            }
        }
        let mut parties = Vec::new();
        let mut sources = 0;
        for statement in [&pro, &con, &asked] {
            for (k, name) in statement.names.iter().enumerate() {
                if statement.sources.contains(&k) {
                    sources += 1;
                    continue;
                }
                if acting.contains(&name) {
                    continue;
                }
                parties.extend(name.iter().cloned());
                if name.len() > 1 {
                    parties.push(name.iter().filter_map(|w| w.chars().next()).collect());
                }
            }
        }
        let says_no = |statement: Option<&str>| {
            let first =
                statement.and_then(|s| s.trim_start().split(|c: char| !c.is_alphabetic()).next());
            first.is_some_and(|w| w.eq_ignore_ascii_case("no"))
        };
        let answers_no = if says_no(question.con.as_deref()) {
            Some(Stance::Con)
        } else if says_no(question.pro.as_deref()) {
            Some(Stance::Pro)
        } else {
            None
        };
        let concept = match answers_no {
            Some(no) => {
                let no_side = if no == Stance::Con { &con } else { &pro };
                let claims = [&pro_terms[..], &con_terms[..]];
                let keywords = (&question.keywords[..], &topic[..], &ends[..]);
                concept_of(keywords, &asked, no_side, claims, &name_stems)
            }
            None => Vec::new(),
        };
        Some(Sides {
            pro: pro_terms,
            con: con_terms,
            closer,
            targets,
            parties,
            acted_on: sources + acting.len() > 0,
            topic,
            answers_no,
            concept,
        })
    }

    /// The evidence in one sentence.
    fn signals(&self, tokens: &[Tok], reading: &Reading) -> Vec<Signal> {
        let mut out = Vec::new();
        for (i, tok) in tokens.iter().enumerate() {
            if tok.stop || reading.negator(i) {
                continue;
            }
            // A name is no direction word ("the United Nations"), nor are "apart from" and
            // "off limits"; a direction that governs a single name is that party's own
            // ("the decline of the United States"), not the relationship's.
            let word_direction = (!reading.capital(i))
                .then(|| direction_at(tokens, i))
                .flatten();
            let of_one_party = word_direction.is_some() && governs_one_name(tokens, i, reading);
            let lexicon = word_direction.filter(|_| !of_one_party);
            // "Close to forging", "close to collapse": nearness to an act or a state, not
            // coming closer to someone.
            if tok.stem.starts_with("close") && near_an_act(tokens, i, reading) {
                continue;
            }
            // A claim word owned by the speaker ("our allies") is about the speaker's side, not
            // about the parties the question asks about.
            if i > 0 && matches!(tokens[i - 1].norm, "our" | "my" | "your") {
                continue;
            }
            // In a question of direction, a claim word that is no direction word ("pushes")
            // says less than one that is ("closer").
            let claim_weight = if self.closer.is_some() && lexicon.is_none() {
                0.6
            } else {
                1.0
            };
            let claim_side = |stem: &str| {
                if self.pro.iter().any(|t| same_word(t, stem)) {
                    Some(Stance::Pro)
                } else if self.con.iter().any(|t| same_word(t, stem)) {
                    Some(Stance::Con)
                } else {
                    None
                }
            };
            // A name in the passage is no claim word ("Russian" is not "Russia's" claim,
            // "United Nations" not "unite").
            // Nor is an adverb made from a claim word: "firmly opposed" claims nothing "firm",
            // "closely watched" nothing "close" (the stemmer gives both one stem).
            let adverb = tok.norm.ends_with("ly")
                && !tok.stem.ends_with("li")
                && tok.norm.len() > tok.stem.len() + 1;
            let claim =
                claim_side(tok.stem).filter(|_| !of_one_party && !reading.capital(i) && !adverb);
            // "unbalanced", "disunity": a claim word with a negative prefix is its negation.
            let prefixed = || {
                (tok.class.unprefixed(tok.stem))
                    .filter(|_| !reading.capital(i))
                    .and_then(claim_side)
            };
            let (mut side, mut weight) = if let Some(claimed) = claim {
                (claimed, claim_weight)
            } else if let Some(negated) = prefixed() {
                (negated.opposite(), claim_weight)
            } else if let (Some(closer), Some(dir)) = (self.closer, lexicon) {
                match dir {
                    Direction::Closer => (closer, 1.0),
                    Direction::Apart => (closer.opposite(), 1.0),
                }
            } else if let Some(no) = self.answers_no.filter(|_| {
                let given = i > 0 && listed(DEFINITE, tokens[i - 1].norm);
                !(reading.capital(i) || given)
                    && self.concept.iter().any(|t| same_word(t, tok.stem))
            }) {
                (no.opposite(), CONCEPT * claim_weight)
            } else {
                (Stance::Neutral, 0.0)
            };
            // Coming closer *to someone a side names* counts for that side, whatever the word.
            let mut last = extend_right(tokens, i, reading);
            if word_direction == Some(Direction::Closer) || tok.class.has(Class::RAPPROCHEMENT) {
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
            if let Some(negator) = reading.negated_by(i) {
                side = side.opposite();
                cue_from = negator;
            }
            if let Some(hedge) = hedge_before(tokens, i, reading) {
                weight *= 0.7;
                cue_from = cue_from.min(hedge);
            }
            weight *= reading.weight(i);
            // "The proposal to close the centre" names what is debated; it does not take a
            // side on it.
            if i >= 2
                && matches!(tokens[i - 1].norm, "to" | "of")
                && is_proposal(tokens[i - 2].stem)
            {
                weight *= 0.1;
            }
            let start = extend_left(tokens, cue_from, reading);
            out.push(Signal {
                side,
                weight,
                cue: Span::new(tokens[start].span.start, tokens[last].span.end),
            });
        }
        // "A full ban is too blunt": excess said of the matter debated is the No side's.
        if let Some(no) = self.answers_no {
            for j in 1..tokens.len().saturating_sub(1) {
                if tokens[j].norm != "too" || tokens[j + 1].stop || reading.clause_start(j + 1) {
                    continue;
                }
                let from = (0..=j)
                    .rev()
                    .find(|&k| reading.clause_start(k))
                    .unwrap_or(0);
                let of_topic =
                    (from..j).any(|k| (self.topic.iter()).any(|t| same_word(t, tokens[k].stem)));
                if of_topic {
                    let side = if reading.negated_by(j).is_some() {
                        no.opposite()
                    } else {
                        no
                    };
                    out.push(Signal {
                        side,
                        weight: reading.weight(j),
                        cue: Span::new(tokens[j].span.start, tokens[j + 1].span.end),
                    });
                }
            }
        }
        out
    }

    /// The side whose target follows token `i` through a linking word ("closer *to the U.S.*",
    /// "ties *with the United States*"), within the same clause.
    /// Returns the side and the index of the target's last word.
    fn target_after(&self, tokens: &[Tok], i: usize, reading: &Reading) -> Option<(Stance, usize)> {
        let clause_end = reading.clause_end(i);
        let link = (i + 1..clause_end.min(i + 6))
            .find(|&j| listed(LINKS, tokens[j].norm))
            .or_else(|| (i + 1 < clause_end && tokens[i + 1].norm == "of").then_some(i + 1))?;
        // When the side of drifting apart names someone to turn to, turning to any third
        // party counts for it: the question's author wrote "Washington", the text says "the U.S.".
        let apart = self.closer.map(Stance::opposite);
        let turns_elsewhere = self.acted_on || self.targets.iter().any(|t| Some(t.side) == apart);
        for j in link + 1..clause_end.min(link + 4) {
            for target in &self.targets {
                if let Some(len) = target.matches(tokens, j) {
                    return Some((target.side, j + len - 1));
                }
            }
            if let (true, Some(apart)) = (turns_elsewhere && reading.capital(j), apart) {
                let word = tokens[j].norm.trim_end_matches("'s").replace('.', "");
                if !self.parties.contains(&word) {
                    return Some((apart, j));
                }
            }
        }
        None
    }
}

impl Target {
    /// Whether the name starts at `tokens[at]` — its words in order, or its initials written
    /// as one word ("US", "U.S.") — and if so, how many tokens it takes.
    fn matches(&self, tokens: &[Tok], at: usize) -> Option<usize> {
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

/// The keywords a passage affirms for the Yes side of a yes/no question (see
/// `Sides::concept`): a keyword's stems, unless it is a name ("United States") or one of them is
/// a claim, a direction word or a word of the No side (`no_side`). None at all when a keyword is
/// wholly a side's claim ("alliance" in "Yes: an alliance"): that claim then names the matter,
/// and the other keywords are its surroundings ("entente", "bloc"). None either when the prompt
/// asks for advice ("Should cars be banned?"): naming the ban takes no side on it.
///
/// `keywords`: the question's keywords as written, all their stems one keyword after the
/// other, and where each keyword's stems end (as `Sides::of` reads them for the topic).
fn concept_of(
    (keywords, stems, ends): (&[String], &[String], &[usize]),
    asked: &Statement,
    no_side: &Statement,
    claims: [&[String]; 2],
    names: &[String],
) -> Vec<String> {
    let mut out = Vec::new();
    if (asked.tokens.first()).is_some_and(|t| listed(ADVICE, &t.norm)) {
        return out;
    }
    for (k, keyword) in keywords.iter().enumerate() {
        if keyword.chars().any(char::is_uppercase) {
            continue;
        }
        let own = &stems[k.checked_sub(1).map_or(0, |j| ends[j])..ends[k]];
        let mut wholly_claimed = !own.is_empty();
        for stem in own {
            if claims
                .iter()
                .any(|side| side.iter().any(|c| same_word(c, stem)))
            {
                continue;
            }
            wholly_claimed = false;
            let of_no_side = no_side.tokens.iter().any(|w| same_word(&w.stem, stem));
            if !names.contains(stem) && lexicon_direction(stem).is_none() && !of_no_side {
                out.push(stem.clone());
            }
        }
        if wholly_claimed {
            return Vec::new();
        }
    }
    out
}

/// Words that make a noun phrase refer to something already given ("to judge *the* ban")
/// rather than say that it holds ("an asymmetrical relationship").
const DEFINITE: &[&str] = &["that", "the", "these", "this", "those"];

/// Words that open a prompt asking what ought to be done.
const ADVICE: &[&str] = &["must", "ought", "should"];

/// The content stems of a prompt (its `tokens`) that stand in a prepositional phrase (up to
/// three words after `from`, `in`, `to`, …): where and about whom the question is set, not
/// what it asks.
fn prompt_setting(tokens: &[Token]) -> Vec<String> {
    let mut after = usize::MAX;
    let mut out = Vec::new();
    for (i, tok) in tokens.iter().enumerate() {
        if listed(PREPOSITIONS, &tok.norm) {
            after = i;
        } else if !tok.stop && after != usize::MAX && i <= after + 3 {
            out.push(tok.stem.clone());
        }
    }
    out
}

const PREPOSITIONS: &[&str] = &[
    "across", "at", "for", "from", "in", "into", "of", "on", "to", "with", "within",
];

/// The direction word at token `i`, unless it is part of a phrase that means something else:
/// "apart from" and "aside from" (except), "off limits" (forbidden).
fn direction_at(tokens: &[Tok], i: usize) -> Option<Direction> {
    let next = tokens.get(i + 1).map(|t| t.norm);
    let before = i.checked_sub(1).map(|j| tokens[j].norm);
    if next == Some("from") || before == Some("off") {
        return None;
    }
    tokens[i].class.direction()
}

/// Whether the direction word at `i` governs one named party: "declining *the West*", "the
/// rise *of China's* power". Two names joined by a hyphen or `and` ("*Sino-Russian* ties"),
/// or a name owning a relationship ("deepening *China's ties* with Russia"), are the
/// relationship and do not count.
fn governs_one_name(tokens: &[Tok], i: usize, reading: &Reading) -> bool {
    let mut j = i + 1;
    for word in ["of", "the"] {
        if tokens.get(j).is_some_and(|t| t.norm == word) {
            j += 1;
        }
    }
    if j >= tokens.len() || reading.clause_start(j) || !reading.capital(j) || reading.hyphened(j) {
        return false;
    }
    let after = (j + 1..tokens.len()).find(|&k| !reading.capital(k));
    !after.is_some_and(|k| tokens[k].norm == "and" || is_relationship(tokens[k].stem))
}

/// Nouns of a relationship between parties.
fn is_relationship(stem: &str) -> bool {
    listed(RELATIONSHIP_NOUNS, stem)
}

const RELATIONSHIP_NOUNS: &[&str] = &[
    "allianc",
    "bond",
    "cooper",
    "coordin",
    "friendship",
    "link",
    "partnership",
    "relat",
    "relationship",
    "tie",
];

/// Whether `close to` at token `i` is followed by a word that is neither a name, an article nor
/// a pronoun ("close *to forging*"): nearness to an act, not to a party.
fn near_an_act(tokens: &[Tok], i: usize, reading: &Reading) -> bool {
    let (Some(to), Some(after)) = (tokens.get(i + 1), tokens.get(i + 2)) else {
        return false;
    };
    to.norm == "to"
        && !reading.capital(i + 2)
        && !is_describer(after.norm)
        && !listed(OBJECT_PRONOUNS, after.norm)
}

const OBJECT_PRONOUNS: &[&str] = &["both", "each", "her", "him", "it", "one", "them", "us"];

/// The rest of a stem after a negative prefix (`un`, `non`, `dis`, `in`, `im`), when what is
/// left is a word of its own (four letters or more).
fn negative_prefix(stem: &str) -> Option<&str> {
    ["un", "non", "dis", "in", "im"]
        .iter()
        .find_map(|p| stem.strip_prefix(p))
        .filter(|rest| rest.chars().count() >= 4)
}

/// Where a question's words are read: by [`text::tokens`], or from the corpus's index.
#[derive(Clone, Copy)]
struct Words<'a>(Option<&'a Index>);

impl Words<'_> {
    /// The words of `text[within]`.
    fn of(self, text: &str, within: Span) -> Vec<Token> {
        match self.0 {
            Some(index) => index.tokens(text, within),
            None => text::tokens(text, within),
        }
    }

    /// The words of all of `text`.
    fn all(self, text: &str) -> Vec<Token> {
        self.of(text, Span::new(0, text.len()))
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
    /// Every word, read.
    tokens: Vec<Token>,
    /// Names the statement turns to ("relations *with the West*", "toward *the United
    /// States*").
    turned_to: Vec<Vec<String>>,
    /// Stems right after an article, a possessive or a preposition ("*the* centre", "*on*
    /// foot"): what a claim is about rather than the claim, unless a copula introduces them
    /// ("is *an* alliance").
    described: Vec<String>,
    /// Which of `names` the statement gives as where something comes from ("pressure *from
    /// the United States*", "sanctions imposed *by the West*").
    sources: Vec<usize>,
    /// Per name, the stem of the word right after it (after the last of names joined by "and"),
    /// or empty: "US *overtures*", "Russia-China *relationship*".
    before_word: Vec<String>,
}

impl Statement {
    /// Whether the statement has the word `norm` (lowercased).
    fn has_word(&self, norm: &str) -> bool {
        self.tokens.iter().any(|t| t.norm == norm)
    }

    fn read(statement: &str, read: Words) -> Statement {
        let mut affirmed: Vec<String> = Vec::new();
        let mut negated: Vec<String> = Vec::new();
        let mut names: Vec<Vec<String>> = Vec::new();
        let mut described = Vec::new();
        let mut claimed: Vec<String> = Vec::new();
        let mut turned_to = Vec::new();
        let mut sources = Vec::new();
        let mut before_word = Vec::new();
        let mut all = Vec::new();
        for sentence in text::quick_sentences(statement, Span::new(0, statement.len())) {
            let owned = read.of(statement, sentence);
            let tokens: Vec<Tok> = owned.iter().map(Tok::of).collect();
            let reading = Reading::of(statement, &tokens, &mut Quotes::from(sentence.start));
            // The last word described, and how many words its phrase has so far.
            let mut phrase: Option<(usize, usize)> = None;
            let mut in_name = false;
            // Names waiting for the word after them, one or several joined by "and" ("US and
            // Western *policy*").
            let mut waiting: Vec<usize> = Vec::new();
            for (i, tok) in tokens.iter().enumerate() {
                let original = tok.span.of(statement);
                let capital = original.chars().next().is_some_and(char::is_uppercase);
                let opens = i == 0 || reading.clause_start(i);
                if capital && !opens {
                    if in_name {
                        names
                            .last_mut()
                            .expect("a name is open")
                            .push(tok.norm.to_string());
                    } else {
                        names.push(vec![tok.norm.to_string()]);
                        before_word.push(String::new());
                        waiting.push(names.len() - 1);
                        let link = (i.checked_sub(1))
                            .filter(|&j| tokens[j].norm == "the")
                            .map_or(i.checked_sub(1), |j| j.checked_sub(1));
                        let turns = link.is_some_and(|j| listed(LINKS, tokens[j].norm));
                        if turns {
                            turned_to.push(names.len() - 1);
                        }
                        if link.is_some_and(|j| matches!(tokens[j].norm, "from" | "by")) {
                            sources.push(names.len() - 1);
                        }
                    }
                    in_name = true;
                    continue;
                }
                in_name = false;
                if tok.norm != "and" {
                    for k in waiting.drain(..) {
                        before_word[k] = tok.stem.to_string();
                    }
                }
                // A hedge ("de facto") or a word of two letters ("de") qualifies a claim
                // without being one.
                let qualifier = is_hedge(tok.norm) || tok.norm.chars().count() <= 2;
                // "Turning into", "growing into": a verb before "into" says what something
                // becomes, and what it becomes is the claim.
                let becomes = tokens.get(i + 1).is_some_and(|t| t.norm == "into");
                // A word hyphened to a number measures ("17-*year*-*olds*", "a 20-*mile*
                // trip"): it says which, not what a side holds.
                let mut j = i;
                while j > 0
                    && Span::new(tokens[j - 1].span.end, tokens[j].span.start).of(statement) == "-"
                {
                    j -= 1;
                }
                let measure = j < i && tokens[j].norm.starts_with(|c: char| c.is_ascii_digit());
                let no_claim = tok.stop || reading.negator(i) || is_frame_word(tok.stem);
                if measure || no_claim || qualifier || becomes {
                    continue;
                }
                let before = (0..i).rev().find(|&j| !is_hedge(tokens[j].norm));
                let word_at = |j: Option<usize>| j.map_or("", |j| tokens[j].norm);
                let copula_before = |j: Option<usize>| {
                    let w = word_at(j.and_then(|j| j.checked_sub(1)));
                    listed(COPULAS, w)
                        || w.starts_with("becom")
                        || w.starts_with("remain")
                        || w == "into"
                        || w == "like"
                };
                // What an article or preposition introduces runs on for up to three words,
                // word after word ("the *voting age*", "an *early first* vote").
                let in_phrase =
                    phrase.filter(|&(last, n)| last + 1 == i && n < 3 && !reading.clause_start(i));
                if let Some((_, n)) = in_phrase {
                    phrase = Some((i, n + 1));
                    described.push(tok.stem.to_string());
                } else if is_describer(word_at(before)) && !copula_before(before) {
                    phrase = Some((i, 1));
                    described.push(tok.stem.to_string());
                } else {
                    claimed.push(tok.stem.to_string());
                }
                let list = if reading.negated_by(i).is_some() {
                    &mut negated
                } else {
                    &mut affirmed
                };
                if list.iter().all(|s| s != tok.stem) {
                    list.push(tok.stem.to_string());
                }
            }
            all.extend(owned);
        }
        // A word the statement also claims ("they are *allies*, or turning into allies") is
        // a claim wherever else it stands.
        described.retain(|s| !claimed.contains(s));
        let turned_to = turned_to.iter().map(|&k| names[k].clone()).collect();
        Statement {
            affirmed,
            negated,
            names,
            tokens: all,
            turned_to,
            described,
            sources,
            before_word,
        }
    }
}

/// Whether the reading stands inside a quotation, and the byte it has read up to.
#[derive(Debug, Clone, Copy)]
struct Quotes {
    at: usize,
    open: bool,
}

impl Quotes {
    /// Outside any quotation, reading from byte `at`.
    fn from(at: usize) -> Quotes {
        Quotes { at, open: false }
    }

    /// Follows the quotation marks in `gap`: curly and guillemet marks open and close,
    /// straight double quotes toggle.
    fn read(&mut self, gap: &str) {
        for c in gap.chars() {
            match c {
                '“' | '«' => self.open = true,
                '”' | '»' => self.open = false,
                '"' => self.open = !self.open,
                _ => {}
            }
        }
    }
}

/// How each token of one sentence is read: negation, clause structure, weight. Kept per
/// paragraph for every question (see [`Sentences`]), so one small record per token.
struct Reading(Vec<TokenReading>);

#[derive(Clone, Copy)]
struct TokenReading {
    /// The token is itself a negation word (or part of one, like `than` in `rather than`).
    negator: bool,
    /// For a negated token: the negation that covers it (odd number of covering negations).
    negated_by: Option<u32>,
    /// Punctuation or a clause word stands right before the token.
    clause_start: bool,
    /// How much a mention here counts: voice, concession, contrast, quotes.
    weight: f32,
    /// The token is capitalised and does not open the sentence: part of a name.
    capital: bool,
    /// The token is joined by a hyphen to the word before or after it ("Sino-Russian").
    hyphened: bool,
}

impl Reading {
    /// Reads one sentence's `tokens`; `quotes` carries the quotation state from the end of the
    /// sentence before (so a quotation running over several sentences still counts as quoted)
    /// and is moved to the end of this one.
    fn of(text: &str, tokens: &[Tok], quotes: &mut Quotes) -> Reading {
        let n = tokens.len();
        // The text before each word, from the word before it ("" before the first).
        let gaps: Vec<&str> = (0..n)
            .map(|i| match i {
                0 => "",
                i => Span::new(tokens[i - 1].span.end, tokens[i].span.start).of(text),
            })
            .collect();
        let mut words: Vec<TokenReading> = (0..n)
            .map(|i| TokenReading {
                negator: false,
                // Per word: the last negation that covers it, while an odd number do.
                negated_by: None,
                clause_start: i == 0
                    || gap_breaks_clause(text, tokens[i - 1].span, gaps[i])
                    || tokens[i].class.has(Class::CLAUSE),
                weight: 1.0,
                capital: i > 0
                    && (tokens[i].span.of(text).chars().next()).is_some_and(char::is_uppercase),
                hyphened: gaps[i] == "-" || gaps.get(i + 1) == Some(&"-"),
            })
            .collect();
        let neither_at = tokens.iter().position(|t| t.norm == "neither");
        for i in 0..n {
            let Some((first, scope_from)) = negation_at(tokens, i) else {
                continue;
            };
            for word in &mut words[first..scope_from] {
                word.negator = true;
            }
            // `nor` after `neither` is the same negation, already in scope.
            if tokens[i].norm == "nor" && neither_at.is_some_and(|at| at < i) {
                continue;
            }
            // `neither … nor` negates the whole predicate that follows; others a short reach.
            // "unlikely that …", "denied that …" govern the whole clause they introduce.
            // So does a negated belief: "we should not believe that …", "it is not true that …".
            let that_at = |j: usize| tokens.get(j).is_some_and(|t| t.norm == "that");
            let whole_clause = tokens[i].norm == "neither"
                || (scope_from == i + 1
                    && that_at(i + 1)
                    && !matches!(tokens[i].norm, "not" | "no" | "nor"))
                || (tokens.get(scope_from).is_some_and(|t| is_belief(t.stem))
                    && that_at(scope_from + 1));
            let reach = if whole_clause { n } else { scope_from + 7 };
            let mut j = scope_from;
            while j < n && j < reach {
                if words[j].clause_start {
                    break;
                }
                words[j].negated_by = match words[j].negated_by {
                    Some(_) => None,
                    None => Some(first as u32),
                };
                j += 1;
            }
        }

        if let Some(first) = tokens.first() {
            // "Although …, main clause": the concession counts less than the main clause.
            let opener = first.norm;
            let lowered = if listed(CONCESSIONS, opener) {
                Some(0.4)
            } else if matches!(opener, "if" | "unless") {
                Some(0.5)
            } else {
                None
            };
            if let Some(factor) = lowered {
                let until = (1..n)
                    .find(|&j| gap_breaks_clause(text, tokens[j - 1].span, gaps[j]))
                    .unwrap_or(n);
                for w in &mut words[..until] {
                    w.weight *= factor;
                }
            }
            if listed(CONTRAST_OPENERS, opener) {
                for w in &mut words {
                    w.weight *= 1.2;
                }
            }
        }
        // A contrast inside the sentence: what follows is the author's point.
        if let Some(turn) = (1..n).find(|&j| tokens[j].class.has(Class::CONTRAST)) {
            for (j, w) in words.iter_mut().enumerate() {
                w.weight *= if j > turn { 1.25 } else { 0.8 };
            }
        }
        // Quoted words are someone else's. Only the gaps between words are read, from where
        // the last sentence ended: rescanning the passage (or document) from its start for each
        // sentence was half of the engine's time.
        for (j, tok) in tokens.iter().enumerate() {
            quotes.read(&text[quotes.at.min(tok.span.start)..tok.span.start]);
            quotes.at = tok.span.end;
            if quotes.open {
                words[j].weight *= 0.6;
            }
        }
        // A view put in the mouth of an unnamed group ("critics say …", "traders fear that …",
        // "those who insist …") is usually one the author sets up to answer: it counts half,
        // until its clause ends. A named source ("Karaganov has said …") is one the author
        // builds on, and "I think", "we believe" are the author's own.
        let mut reported = false;
        let mut named = false;
        for j in 0..n {
            if j > 0 && words[j].clause_start && tokens[j].norm != "that" {
                reported = false;
            }
            if reported {
                words[j].weight *= 0.5;
            }
            let speaker = j.checked_sub(1).map_or("", |k| tokens[k].norm);
            if tokens[j].class.has(Class::REPORTING) && !named && !matches!(speaker, "i" | "we") {
                reported = true;
            }
            named |= words[j].capital;
        }
        // A question asks, it does not claim (too weak to decide alone): a direct question ("…?"), or what follows
        // "whether", or "if" after a verb of asking ("the reporter asked … if there is …").
        let asks = (text[tokens.last().map_or(0, |t| t.span.end)..].chars())
            .find(|c| !c.is_whitespace() && !matches!(c, '"' | '”' | '’' | '\'' | ')' | '»'))
            == Some('?');
        let (mut asking, mut asked) = (false, false);
        for (j, tok) in tokens.iter().enumerate() {
            let w = tok.norm;
            if w == "whether" || (w == "if" && asked) {
                asking = true;
            }
            asked |= tok.class.has(Class::ASKING);
            if asks || asking {
                words[j].weight *= 0.1;
            }
        }
        Reading(words)
    }

    /// The index of the first token after `i` that opens a new clause (or the end).
    fn clause_end(&self, i: usize) -> usize {
        (i + 1..self.0.len())
            .find(|&j| self.0[j].clause_start)
            .unwrap_or(self.0.len())
    }

    fn negator(&self, i: usize) -> bool {
        self.0[i].negator
    }

    fn negated_by(&self, i: usize) -> Option<usize> {
        self.0[i].negated_by.map(|at| at as usize)
    }

    fn clause_start(&self, i: usize) -> bool {
        self.0[i].clause_start
    }

    fn weight(&self, i: usize) -> f32 {
        self.0[i].weight
    }

    fn capital(&self, i: usize) -> bool {
        self.0[i].capital
    }

    fn hyphened(&self, i: usize) -> bool {
        self.0[i].hyphened
    }
}

/// A negation starting at token `i`: the index of its first word and of the first word it
/// governs (the one-word negations are [`Class::of`]'s). `not only`, `not merely`, `no doubt` are not negations.
fn negation_at(tokens: &[Tok], i: usize) -> Option<(usize, usize)> {
    let word = tokens[i].norm;
    let next = tokens.get(i + 1).map(|t| t.norm);
    let single = tokens[i].class.has(Class::NEGATION);
    if single {
        let concessive = next.is_some_and(|next| listed(CONCESSIVE_AFTER_NEGATION, next));
        if (word == "little" && next != Some("to")) || (concessive && word != "without") {
            return None;
        }
        // "little to no impact": one negation over both words.
        if word == "little" {
            return (tokens.get(i + 2).map(|t| t.norm) == Some("no")).then_some((i, i + 3));
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
    let denial = tokens[i].class.has(Class::DENIAL);
    denial.then_some((i, i + 1))
}

/// The index of a hedge word just before token `i` in its clause ("quasi-", "some form of",
/// "de facto", "arguably"), including the words that open it ("some", "de").
fn hedge_before(tokens: &[Tok], i: usize, reading: &Reading) -> Option<usize> {
    let from = i.saturating_sub(3);
    for j in (from..i).rev() {
        // A clause boundary between the hedge and the word: not its hedge.
        if reading.clause_start(j + 1) {
            return None;
        }
        let w = tokens[j].norm;
        let hedge = is_hedge(w)
            || (matches!(w, "form" | "sort" | "kind")
                && tokens.get(j + 1).is_some_and(|t| t.norm == "of"));
        if hedge {
            let opener = j
                .checked_sub(1)
                .filter(|&k| matches!(tokens[k].norm, "some" | "a" | "de"));
            return Some(opener.unwrap_or(j));
        }
    }
    None
}

/// Words that hedge the claim after them ("quasi-allies", "de facto alliance").
fn is_hedge(w: &str) -> bool {
    listed(HEDGES, w)
}

const HEDGES: &[&str] = &[
    "almost",
    "arguably",
    "could",
    "facto",
    "informal",
    "may",
    "maybe",
    "might",
    "near",
    "nearly",
    "perhaps",
    "possible",
    "potential",
    "pseudo",
    "quasi",
    "semi",
    "tacit",
    "virtual",
    "virtually",
];

/// Widens a cue to the left over the auxiliaries and adverbs that belong to it ("*would* not
/// form", "*will only* strengthen").
fn extend_left(tokens: &[Tok], from: usize, reading: &Reading) -> usize {
    let mut start = from;
    while start > 0 && !reading.clause_start(start) {
        let w = tokens[start - 1].norm;
        let joins = listed(CUE_AUXILIARIES, w);
        if !joins {
            break;
        }
        start -= 1;
    }
    start
}

const CUE_AUXILIARIES: &[&str] = &[
    "already",
    "also",
    "are",
    "be",
    "been",
    "can",
    "could",
    "did",
    "do",
    "does",
    "even",
    "ever",
    "further",
    "had",
    "has",
    "have",
    "increasingly",
    "is",
    "may",
    "might",
    "must",
    "only",
    "shall",
    "should",
    "still",
    "was",
    "were",
    "will",
    "would",
];

/// Widens a cue to the right over a pronoun object or particle ("strengthen *this*", "closer
/// *together*").
fn extend_right(tokens: &[Tok], from: usize, reading: &Reading) -> usize {
    let mut end = from;
    while end + 1 < tokens.len() && !reading.clause_start(end + 1) && end < from + 2 {
        let w = tokens[end + 1].norm;
        if listed(CUE_OBJECTS, w) {
            end += 1;
        } else {
            break;
        }
    }
    end
}

/// Whether `gap`, the text between the word at `before` and the next, ends a clause: clause
/// punctuation, or a full stop not part of an abbreviation like `U.S.`.
fn gap_breaks_clause(text: &str, before: Span, gap: &str) -> bool {
    gap.chars().any(|c| match c {
        ',' | ';' | ':' | '(' | ')' | '—' | '–' | '!' | '?' | '…' => true,
        '.' => !before.of(text).contains('.'),
        _ => false,
    })
}

fn is_clause_word(norm: &str) -> bool {
    listed(CLAUSE_WORDS, norm)
}

const CLAUSE_WORDS: &[&str] = &[
    "although",
    "because",
    "but",
    "however",
    "nevertheless",
    "though",
    "whereas",
    "which",
    "while",
    "who",
    "yet",
];

/// Verbs of belief and saying, whose negation reaches the whole clause after `that`.
fn is_belief(stem: &str) -> bool {
    listed(BELIEF_VERBS, stem)
}

const BELIEF_VERBS: &[&str] = &[
    "accept", "agre", "assum", "believ", "claim", "expect", "follow", "imagin", "mean", "said",
    "say", "seem", "suggest", "think", "thought", "true",
];

/// Articles, possessives and prepositions: the word after one is described, not claimed.
fn is_describer(w: &str) -> bool {
    listed(DESCRIBERS, w)
}

const DESCRIBERS: &[&str] = &[
    "a", "an", "at", "by", "for", "from", "her", "his", "in", "its", "of", "on", "our", "the",
    "their", "these", "this", "those", "to", "with",
];

/// Nouns that name a measure under debate ("the plan to …", "the idea of …").
fn is_proposal(stem: &str) -> bool {
    listed(PROPOSAL_NOUNS, stem)
}

const PROPOSAL_NOUNS: &[&str] = &[
    "bid", "call", "idea", "motion", "plan", "propos", "scheme", "suggest",
];

/// Verbs that report what someone else holds.
fn is_reporting(stem: &str) -> bool {
    listed(REPORTING_VERBS, stem)
}

const REPORTING_VERBS: &[&str] = &[
    "argu", "assert", "claim", "contend", "derid", "fear", "insist", "said", "say",
];

/// Verbs of asking, after which `if` opens a question.
fn is_asking(stem: &str) -> bool {
    matches!(stem, "ask" | "wonder" | "inquir" | "question")
}

fn is_contrast(norm: &str) -> bool {
    matches!(
        norm,
        "but" | "however" | "nevertheless" | "nonetheless" | "yet"
    )
}

/// Answer words and light verbs: they frame a claim without being it.
fn is_frame_word(stem: &str) -> bool {
    [
        LIGHT_WORDS,
        INSISTENCE_ADVERBS,
        THE_RELATIONSHIP,
        PEOPLE_IN_GENERAL,
    ]
    .iter()
    .any(|list| listed(list, stem))
}

/// Answer words and light verbs.
const LIGHT_WORDS: &[&str] = &[
    "becom", "come", "form", "get", "go", "hand", "keep", "like", "make", "move", "remain", "seem",
    "side", "stay", "take", "thing", "toward", "way", "yes",
];
/// Adverbs of insistence frame an answer ("Yes, clearly", "still allowed").
const INSISTENCE_ADVERBS: &[&str] = &["certain", "clear", "clearli", "definit", "realli", "still"];
/// The relationship itself, which every passage on it names, is no side's claim.
const THE_RELATIONSHIP: &[&str] = &["partner", "partnership", "relat", "relationship", "tie"];
/// People in general are who a claim is about ("customers go elsewhere").
const PEOPLE_IN_GENERAL: &[&str] = &[
    "citizen", "custom", "driver", "everyon", "peopl", "person", "public", "resid", "shopper",
    "someon", "user", "visitor",
];

/// Whether `word` is in `list`: one small loop in the wasm, where a long `matches!` on strings
/// compiles to a comparison per word. Not a binary search: on lists this short, comparing
/// lengths first (as `==` does) rejects most entries faster than ordering strings does.
fn listed(list: &[&str], word: &str) -> bool {
    list.contains(&word)
}

/// Words that link a direction or relationship to whom it is with ("closer *to*", "ties *with*").
const LINKS: &[&str] = &["to", "toward", "towards", "with"];
const COPULAS: &[&str] = &["are", "be", "been", "being", "is", "was", "were"];
/// Openers of a concession ("Although …,").
const CONCESSIONS: &[&str] = &["although", "despite", "even", "though", "whereas", "while"];
/// Openers of a contrast ("However, …").
const CONTRAST_OPENERS: &[&str] = &[
    "but",
    "however",
    "nevertheless",
    "nonetheless",
    "still",
    "yet",
];
/// After a negation, these make it concessive ("not only", "no doubt").
const CONCESSIVE_AFTER_NEGATION: &[&str] = &[
    "doubt", "just", "least", "less", "matter", "merely", "only", "so",
];
/// Pronoun objects and particles a cue takes on its right ("strengthen *this*").
const CUE_OBJECTS: &[&str] = &["apart", "further", "them", "this", "together"];

/// Whether two stems are the same word: equal, or one a prefix (≥ 4 letters) of the other, as
/// Snowball leaves `alli` (allies) and `allianc` (alliance) apart.
fn same_word(a: &str, b: &str) -> bool {
    // Every word of a passage is tried against every claim: the first byte settles most pairs.
    if a.as_bytes().first() != b.as_bytes().first() {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    short == long || (long.starts_with(short) && short.chars().count() >= 4)
}

/// Which way a word moves a relationship.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Direction {
    Closer,
    Apart,
}

/// General English words of coming closer or drifting apart, as Snowball stems; among them
/// height and unity ("at the highest level in history", "aligned on many subjects") and
/// smallness ("energy ties are marginal", "support is thin"). Sorted, for [`inflects_any`].
const CLOSER: &[&str] = &[
    "acceler",
    "align",
    "bolster",
    "boost",
    "cement",
    "closer",
    "closest",
    "consolid",
    "converg",
    "deepen",
    "deeper",
    "enhanc",
    "expand",
    "grow",
    "growth",
    "harmoni",
    "highest",
    "increas",
    "intensifi",
    "rapproch",
    "reinforc",
    "rise",
    "risen",
    "rose",
    "strengthen",
    "stronger",
    "strongest",
    "tighten",
    "togeth",
    "unit",
    "uniti",
];
const APART: &[&str] = &[
    "apart",
    "cool",
    "declin",
    "decreas",
    "deterior",
    "distanc",
    "diverg",
    "drift",
    "erod",
    "erosion",
    "fade",
    "fractur",
    "hinder",
    "limit",
    "loosen",
    "margin",
    "minor",
    "peripher",
    "reduc",
    "rift",
    "secondari",
    "shrink",
    "sour",
    "split",
    "stall",
    "strain",
    "thin",
    "undermin",
    "weak",
    "weaken",
    "weaker",
];

/// Whether `stem` is a general word of coming closer or drifting apart ([`CLOSER`], [`APART`]).
pub fn is_direction_word(stem: &str) -> bool {
    lexicon_direction(stem).is_some()
}

fn lexicon_direction(stem: &str) -> Option<Direction> {
    if inflects_any(stem, CLOSER) {
        Some(Direction::Closer)
    } else if inflects_any(stem, APART) {
        Some(Direction::Apart)
    } else {
        None
    }
}

/// Words of mending ties, which only say where someone turns when they name whom.
fn is_rapprochement(stem: &str) -> bool {
    inflects_any(stem, RAPPROCHEMENT)
}

/// Sorted, for [`inflects_any`].
const RAPPROCHEMENT: &[&str] = &[
    "close", "eas", "improv", "mend", "normal", "reset", "stabil", "tie", "warm",
];

/// Whether `stem` [`inflects`] any of `words`, which are sorted: called for every distinct
/// word of the corpus against every lexicon entry, so only the entries that begin with the
/// stem's first byte are compared.
fn inflects_any(stem: &str, words: &[&str]) -> bool {
    let Some(&first) = stem.as_bytes().first() else {
        return false;
    };
    let from = words.partition_point(|w| w.as_bytes()[0] < first);
    words[from..]
        .iter()
        .take_while(|w| w.as_bytes()[0] == first)
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
    fn sides_that_disagree_on_direction_make_a_question_about_direction() {
        let about = |pro: Option<&str>, con: Option<&str>| {
            Judge::new(&question(pro, con, &[])).about_direction()
        };
        assert!(about(
            Some("Getting closer every year."),
            Some("Drifting apart.")
        ));
        assert!(about(
            Some("Relations are getting closer and stronger."),
            Some("Relations are cooling or stagnating.")
        ));
        // Claims of another kind, with at most a word of direction among them.
        assert!(!Judge::new(&alliance()).about_direction());
        assert!(!about(
            Some("It is lopsided: one partner depends on the other and benefits more."),
            Some("It is an equal partnership of mutual benefit.")
        ));
        assert!(!about(None, None));
    }

    #[test]
    fn lexicons_are_sorted_for_inflects_any() {
        for list in [CLOSER, APART, RAPPROCHEMENT] {
            assert!(list.windows(2).all(|w| w[0] < w[1]), "{list:?}");
        }
        // Only the entries with the stem's first letter are compared, and all of them are.
        assert!(inflects_any("tightened", CLOSER));
        assert!(inflects_any("acceler", CLOSER) && inflects_any("uniti", CLOSER));
        assert!(!inflects_any("source", APART) && !inflects_any("", APART));
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
    fn a_quotation_over_several_sentences_is_quoted_throughout() {
        let q = alliance();
        let own = "They spoke at length. We are allies.";
        let quoted = "They said: “We spoke at length. We are allies.”";
        let score = |text: &str| judge(&q, text, Span::new(0, text.len())).score;
        assert!(score(own) > 0.0);
        assert!(
            score(quoted) < score(own),
            "the second quoted sentence weighs less: {} vs {}",
            score(quoted),
            score(own)
        );
        // A quotation closed in an earlier paragraph does not reach into the next one.
        let text = format!("{quoted}\n{own}");
        let second = Span::new(quoted.len() + 1, text.len());
        assert_eq!(judge(&q, &text, second).score, score(own));
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
    fn comparatives_keep_their_direction() {
        stance!(sanctions(),
            "Their relations are closer than ever." => Stance::Pro,
            "Their relations are no closer than they were a decade ago." => Stance::Con,
            "Ties are weaker than at any time since 1990." => Stance::Con,
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
    fn where_pressure_comes_from_is_a_third_party() {
        // The prompt names the United States, but as the source of the pressure: coming
        // closer to it is turning elsewhere, which the side that names the West claims.
        let q = Question {
            prompt: "How does pressure from the United States affect Iran and Venezuela?".into(),
            ..question(
                Some("It drives them closer together."),
                Some("It has little effect; Caracas still courts the West."),
                &["pressure"],
            )
        };
        assert_eq!(
            judged(&q, "Caracas has moved to get closer to the U.S. this year."),
            (Stance::Con, Some("closer to the U.S".to_string()))
        );
        // A party the prompt names as such stays one: closer to it is no turning away.
        let parties = Question {
            prompt: "How does pressure on the United States affect Iran and Venezuela?".into(),
            ..q
        };
        stance!(parties, "Caracas has moved to get closer to the U.S. this year." => Stance::Pro);
    }

    #[test]
    fn a_word_a_side_claims_stays_its_claim_where_it_also_describes() {
        // "allies" is claimed after "are" and described after "into": still a claim, so
        // denying it takes the other side.
        let q = question(
            Some("The two are allies in substance, or are turning into allies."),
            Some("They are not allies and do not intend to become allies."),
            &["alliance"],
        );
        stance!(q,
            "Lavrov made it clear that Russia would not form an alliance with China." => Stance::Con,
            "Russia and China are not allies." => Stance::Con,
            "Russia and China are quasi-allies." => Stance::Pro,
        );
    }

    #[test]
    fn what_a_side_turns_into_is_its_claim_not_the_turning() {
        let q = question(
            Some("They are turning into a bloc."),
            Some("They are not a bloc."),
            &[],
        );
        stance!(q,
            "Beijing turns to Moscow for oil." => Stance::Neutral,
            "They now form a bloc in all but name." => Stance::Pro,
            "They are not a bloc." => Stance::Con,
        );
    }

    #[test]
    fn what_a_side_is_like_is_its_claim() {
        let q = question(
            Some("India behaves like an ally of the United States."),
            Some("India keeps its options open."),
            &[],
        );
        stance!(q,
            "India is now a de facto ally." => Stance::Pro,
            "India is no ally of anyone." => Stance::Con,
        );
    }

    #[test]
    fn an_adverb_made_from_a_claim_word_claims_nothing() {
        let q = question(
            Some("Employers should make the move to a shorter week at full pay, now or as a firm goal."),
            Some("Employers should not make the move, and the five-day week should remain the norm."),
            &[],
        );
        stance!(q,
            "The owners spoke firmly about it." => Stance::Neutral,
            "It should be a firm goal for every employer." => Stance::Pro,
        );
    }

    #[test]
    fn whoever_the_matter_debated_names_as_acting_is_a_third_party() {
        // "US overtures", with overtures a keyword: the United States acts on the
        // relationship, so coming closer to it is turning elsewhere.
        let q = Question {
            prompt: "How do US overtures affect the bond between Moscow and Beijing?".into(),
            ..question(
                Some("They drive the two closer together."),
                Some("They pull the two apart."),
                &["overtures"],
            )
        };
        stance!(q,
            "Moscow has moved closer to the U.S. this year." => Stance::Con,
            "Moscow has moved closer to Beijing this year." => Stance::Pro,
        );
        // When "US" qualifies no keyword, it is a party like the others.
        let plain = Question {
            keywords: vec!["contacts".into()],
            ..q
        };
        stance!(plain, "Moscow has moved closer to the U.S. this year." => Stance::Pro);
    }

    /// A question whose sides restate who would vote and what the age is.
    fn voting_age() -> Question {
        Question {
            prompt: "Should the voting age be lowered to 16?".into(),
            ..question(
                Some("Yes: 16- and 17-year-olds should be given the vote."),
                Some("No: the voting age should stay at 18."),
                &[],
            )
        }
    }

    #[test]
    fn words_hyphened_to_a_number_measure_and_claim_nothing() {
        // "17-year-olds" says who; were "year" and "olds" claims, every mention of the age
        // group would take the Yes side.
        stance!(voting_age(),
            "Sixteen-year-olds are not ready, said the 16-year-olds I taught." => Stance::Neutral,
            "We should give them the vote." => Stance::Pro,
        );
    }

    #[test]
    fn a_noun_phrase_the_prompt_names_is_the_question_not_a_sides_claim() {
        // "the voting age" is all the No side names, and the prompt names it too: it is what
        // is asked about, not what No holds.
        stance!(voting_age(),
            "When the voting age came down from twenty-one to eighteen, opponents warned." =>
                Stance::Neutral,
        );
    }

    /// A policy question whose sides are short and whose prompt names the place.
    fn car_ban() -> Question {
        Question {
            prompt: "Should private cars be banned from the city centre?".into(),
            ..question(
                Some("Yes, the centre should be closed to cars."),
                Some("No, cars should still be allowed in."),
                &["ban"],
            )
        }
    }

    #[test]
    fn where_the_prompt_sets_the_question_is_no_claim() {
        stance!(car_ban(),
            "The centre is busy on Saturdays." => Stance::Neutral,
            "The council should close the centre to private cars." => Stance::Pro,
        );
        // The one word a side claims stays a claim, even when the prompt asks exactly that.
        let fair = Question {
            prompt: "Is a car ban fair to people who live far away?".into(),
            ..question(Some("Yes, it is fair."), Some("No, it hurts them."), &[])
        };
        stance!(fair, "A ban can be made fair with good buses." => Stance::Pro);
        // The prompt's predicate is the claim, whatever else a side says.
        let alliance = Question {
            prompt: "Is the relationship an alliance?".into(),
            ..question(
                Some("Yes, a de facto alliance."),
                Some("No, a loose partnership."),
                &[],
            )
        };
        stance!(alliance, "By now the two have formed an alliance." => Stance::Pro);
    }

    #[test]
    fn what_a_side_describes_is_not_its_claim() {
        let shops = question(
            Some("It helps shops: people on foot visit more often."),
            Some("It hurts shops: takings fall."),
            &[],
        );
        stance!(shops,
            "Most of them came on foot from the station." => Stance::Neutral,
            "A car ban helps the shops on the square." => Stance::Pro,
        );
        // After a copula the noun is the claim.
        stance!(alliance(), "They have formed an alliance." => Stance::Pro);
    }

    #[test]
    fn a_view_of_unnamed_others_weighs_less_than_the_authors_own() {
        let shops = question(
            Some("It would help them."),
            Some("It would hurt them."),
            &[],
        );
        stance!(shops,
            "Critics say the ban will hurt shops. It helps them." => Stance::Pro,
            "Some claim that it will help the shops. It hurts them." => Stance::Con,
        );
        // A named source is one the author builds on.
        stance!(shops, "Dr Smith has said that it will help them." => Stance::Pro);
    }

    #[test]
    fn excess_said_of_the_measure_is_the_no_sides() {
        let ban = question(Some("Yes, they can."), Some("No, not here."), &["ban"]);
        let text = "A full ban on private cars is too blunt for a town of our size.";
        assert_eq!(
            judged(&ban, text),
            (Stance::Con, Some("too blunt".to_string()))
        );
        stance!(ban,
            "The ban is not too blunt at all." => Stance::Pro,
            "It is too early to judge the ban." => Stance::Neutral,
        );
    }

    #[test]
    fn people_in_general_are_no_claim() {
        let shops = question(
            Some("It helps shops: customers and residents visit more often."),
            Some("It hurts shops: shoppers and drivers go elsewhere."),
            &[],
        );
        stance!(shops,
            "Residents and customers filled the square." => Stance::Neutral,
            "Drivers and shoppers queued at the lights." => Stance::Neutral,
            "It helps them." => Stance::Pro,
        );
    }

    #[test]
    fn naming_the_proposal_takes_no_side() {
        stance!(car_ban(),
            "The proposal to close the centre to cars comes up at the council on Monday." => Stance::Neutral,
            "The council should close the centre to cars." => Stance::Pro,
        );
    }

    #[test]
    fn hedges_and_short_words_are_no_claims() {
        let alliance = question(Some("Yes, a de facto alliance."), Some("No."), &[]);
        stance!(alliance, "Both sides expected de-escalation of the tensions." => Stance::Neutral);
    }

    #[test]
    fn adverbs_of_insistence_are_no_claims() {
        stance!(car_ban(), "It is still unclear how many drivers would stay away." => Stance::Neutral);
        let air = question(Some("Yes, clearly."), Some("No, or only a little."), &[]);
        stance!(air, "The figures are clearly visible on the chart." => Stance::Neutral);
    }

    #[test]
    fn the_relationship_itself_is_no_sides_claim() {
        let energy = question(
            Some("Energy and nuclear cooperation are a strategic pillar that deepens the partnership."),
            Some("Energy ties are limited or secondary."),
            &[],
        );
        stance!(energy,
            "Their ties were discussed at the summit." => Stance::Neutral,
            "The partnership was discussed at the summit." => Stance::Neutral,
        );
    }

    #[test]
    fn one_side_speaking_of_direction_gives_the_other_the_opposite() {
        let backing = question(
            Some("Yes: they coordinate and support each other."),
            Some("No: backing is limited."),
            &[],
        );
        stance!(backing,
            "Their harmony has strengthened in a remarkable way." => Stance::Pro,
            "Since then their ties have weakened." => Stance::Con,
        );
    }

    #[test]
    fn apart_from_and_off_limits_are_no_direction() {
        stance!(sanctions(),
            "Apart from trade, the two discussed nothing of note." => Stance::Neutral,
            "The oil sector was long off limits to foreign firms." => Stance::Neutral,
        );
    }

    #[test]
    fn the_direction_of_one_named_party_is_not_the_relationships() {
        stance!(sanctions(),
            "The crisis hastened the decline of Britain in the region." => Stance::Neutral,
            "It has strengthened Brazil's hand at the talks." => Stance::Neutral,
            "Venezuela-Iran ties have weakened." => Stance::Con,
            "Sanctions deepened Venezuela's ties with Iran." => Stance::Pro,
        );
    }

    #[test]
    fn the_speakers_own_allies_are_not_the_parties() {
        stance!(alliance(),
            "“We will defend our partners, our allies,” the minister said." => Stance::Neutral,
        );
    }

    #[test]
    fn a_negative_prefix_negates_the_claim() {
        let balance = question(
            Some("It is asymmetric: one side gains more."),
            Some("It is balanced and mutual."),
            &[],
        );
        stance!(balance, "Their trade is deeply unbalanced." => Stance::Pro);
    }

    #[test]
    fn a_negated_belief_reaches_the_whole_clause() {
        stance!(sanctions(),
            "We should not believe that their cooperation with each other is limited." => Stance::Pro,
        );
    }

    #[test]
    fn a_question_asks_rather_than_claims() {
        stance!(alliance(),
            "Will the two states ever form an alliance?" => Stance::Neutral,
            "The reporter asked if the two would form a sort of alliance." => Stance::Neutral,
        );
    }

    #[test]
    fn the_highest_level_and_unity_read_as_closer() {
        stance!(sanctions(),
            "Their relations are at the highest level in history." => Stance::Pro,
            "The two are aligned on many subjects at the Security Council." => Stance::Pro,
        );
    }

    /// The sanctions question as someone else might write it: the parties named at clause
    /// starts, the third party by another name than the texts use.
    fn sanctions_retold() -> Question {
        Question {
            prompt: "Do American sanctions drive Iran and Venezuela together?".into(),
            ..question(
                Some("Yes: sanctions bring Tehran and Caracas closer."),
                Some("No: sanctions do not unite them; Venezuela seeks better relations with Washington."),
                &["sanctions"],
            )
        }
    }

    #[test]
    fn a_party_the_prompt_names_is_no_claim() {
        stance!(sanctions_retold(),
            "Venezuelan oil still reaches Asian buyers." => Stance::Neutral,
            "Officials at the United Nations met on Monday." => Stance::Neutral,
        );
    }

    #[test]
    fn turning_to_a_third_party_reads_for_the_side_that_names_one() {
        stance!(sanctions_retold(),
            "Caracas has moved to get closer to the U.S. this year." => Stance::Con,
            "It hopes to improve its ties with the European Union." => Stance::Con,
            "Venezuela wants closer ties with Iran." => Stance::Pro,
        );
    }

    #[test]
    fn a_name_a_side_turns_to_is_its_target_even_if_both_use_it() {
        let q = question(
            Some("Pressure from the West brings Iran and Venezuela closer together."),
            Some("It does not; Venezuela wants better relations with the West."),
            &["pressure"],
        );
        stance!(q,
            "Caracas has moved to get closer to the U.S. this year." => Stance::Con,
            "It seeks better relations with the West." => Stance::Con,
            "Pressure has pushed the two closer together." => Stance::Pro,
        );
    }

    #[test]
    fn close_to_an_act_is_no_rapprochement() {
        stance!(sanctions(),
            "Washington is getting close to forging a coalition of its own." => Stance::Neutral,
            "The two have grown close to each other." => Stance::Pro,
        );
    }

    #[test]
    fn light_verbs_and_smallness_words() {
        let forming = question(
            Some("They are allies, or an alliance is forming."),
            Some("There is no alliance."),
            &[],
        );
        stance!(forming, "The former Soviet republics joined the talks." => Stance::Neutral);
        let energy = question(
            Some("Yes, energy cooperation is central and growing."),
            Some("No, energy cooperation is marginal."),
            &[],
        );
        stance!(energy, "Gas deliveries remain thin and of minor weight." => Stance::Con);
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

    /// "Does one side dominate?", with keywords that name the matter and sides that do not.
    fn dominance() -> Question {
        Question {
            prompt: "Does one side dominate the trade relationship?".into(),
            ..question(
                Some("Yes, one partner holds the upper hand."),
                Some("No, both gain equally."),
                &["asymmetry", "dependence", "United States"],
            )
        }
    }

    #[test]
    fn a_keyword_affirmed_takes_the_yes_side_of_a_question_of_fact() {
        assert_eq!(
            judged(&dominance(), "It is an asymmetrical relationship."),
            (Stance::Pro, Some("asymmetrical".to_string()))
        );
        stance!(dominance(),
            "Theirs is not a relationship of dependence." => Stance::Con,
            // Naming the matter as given ("the asymmetry") does not say that it holds, and a
            // name among the keywords is a party.
            "It is too early to judge the asymmetry." => Stance::Neutral,
            "The United States watches." => Stance::Neutral,
        );
    }

    #[test]
    fn keywords_take_no_side_when_a_claim_or_advice_names_the_matter() {
        let alliance = question(
            Some("Yes: it is an alliance."),
            Some("No: it is not."),
            &["alliance", "entente"],
        );
        stance!(alliance,
            "They have an entente." => Stance::Neutral,
            "They have an alliance." => Stance::Pro,
        );
        let ban = Question {
            keywords: vec!["ban".into()],
            ..car_ban()
        };
        stance!(ban, "A ban is coming in May." => Stance::Neutral);
        let fact = Question {
            prompt: "Did the city ban cars?".into(),
            ..ban
        };
        stance!(fact, "A ban is coming in May." => Stance::Pro);
    }
}
