//! Relevance and stance against hand annotations: per question precision, recall and F1, macro
//! F1 per corpus, stance accuracy on found passages and positions on the core questions.
//! `cargo test --test quality -- --nocapture` prints the tables; `PARALLAX_DUMP=1` adds every
//! candidate's score.
#![cfg(not(target_arch = "wasm32"))]

#[path = "support/eval.rs"]
mod eval;

use parallax::Tuning;

fn run(name: &str, folder: &str) -> eval::Quality {
    let dump = std::env::var_os("PARALLAX_DUMP").is_some();
    let quality = eval::measure(name, eval::folder(folder), Tuning::default(), dump);
    println!("{}", quality.report);
    quality
}

/// Every annotated position on `questions` the engine gets wrong, as `question file: want/got`.
fn wrong_positions(q: &eval::Quality, questions: &[&str]) -> Vec<String> {
    q.positions
        .iter()
        .filter(|(id, _, want, got)| questions.contains(&id.as_str()) && want != got)
        .map(|(id, file, want, got)| format!("{id} {file}: want {want}, got {got}"))
        .collect()
}

/// Macro F1 and stance accuracy on found passages at least `f1` and `stance`.
fn assert_floors(label: &str, q: &eval::Quality, f1: f64, stance: f64) {
    assert!(
        q.macro_f1 >= f1,
        "{label}: macro F1 {:.3} < {f1}",
        q.macro_f1
    );
    let accuracy = q.stance_accuracy();
    assert!(
        accuracy >= stance,
        "{label}: stance {accuracy:.3} < {stance}"
    );
}

#[test]
fn default_corpus_meets_its_relevance_floor() {
    let q = run("default", "seeds");
    assert!(q.macro_f1 >= 0.72, "macro F1 {:.3} < 0.72", q.macro_f1);
    for (id, _, _, f1) in &q.per_question {
        assert!(*f1 >= 0.45, "{id}: F1 {f1:.2} < 0.45");
    }
}

/// The paragraphs where an author takes a side on a question (annotated `+` or `-`) are the ones
/// a reader comes for. The target is 85 %; the engine finds 61 of 83 (73 %). The ones it
/// misses rank low: mostly passages on the US-Russia détente read as the effect of US pressure,
/// and asymmetry told without the question's words ("bargaining chip", "unfavorable for
/// China"); keeping them by their stance cost more precision than it gained (session 12).
#[test]
fn default_corpus_finds_most_passages_that_take_a_side() {
    let q = run("default", "seeds");
    let (found, all) = q.sided_found;
    assert!(
        found as f64 >= 0.72 * all as f64,
        "sided passages found {found}/{all} < 72 %"
    );
}

#[test]
fn default_corpus_meets_its_stance_floor() {
    let q = run("default", "seeds");
    let accuracy = q.stance_accuracy();
    assert!(accuracy >= 0.75, "stance accuracy {accuracy:.3} < 0.75");
    let wrong = wrong_positions(&q, &["alliance", "us_pressure"]);
    assert!(
        wrong.is_empty(),
        "positions on the core questions: {wrong:?}"
    );
}

/// Question files for the default corpus written again in other words, scored against our
/// annotations: three by us (`rephrased/`), and one by a reader who saw only the four texts
/// (`independent/`, with its own annotations too: see `an_independent_reading_…`).
const REPHRASED: [&str; 4] = [
    "rephrased/full_sentences",
    "rephrased/terse",
    "rephrased/plain",
    "independent/questions",
];

/// The default corpus with its questions written again by someone else's hand: stance and the
/// core positions must not hang on our phrasing of `pro` and `con`. The stance floor was 0.5
/// until the keywords of a yes/no question of fact counted for its Yes side and a source of
/// pressure named in the prompt stopped counting as a party (terse 32/60 → 38/60 → 41/60, its
/// US-pressure position then right too; full sentences 39/59 → 41/59; plain 45/63
/// throughout), then 0.65, the target, until passages without a side took their
/// author's (full sentences 41 → 47/59, terse 41 → 47/60, plain 45 → 54/63).
#[test]
fn rephrased_questions_keep_stance_and_positions() {
    for file in REPHRASED {
        let questions = format!("tests/corpora/{file}.toml");
        let corpus = eval::folder_with_questions("seeds", &questions);
        let q = eval::measure("default", corpus, Tuning::default(), false);
        println!("rephrased ({file}):{}", q.report);
        let accuracy = q.stance_accuracy();
        assert!(
            accuracy >= 0.72,
            "{file}: stance accuracy {accuracy:.3} < 0.72"
        );
        let wrong = wrong_positions(&q, &["alliance", "us_pressure"]);
        assert!(
            wrong.is_empty(),
            "{file}: positions on the core questions: {wrong:?}"
        );
    }
}

/// Relevance must not hang on our own keywords and prompts either: the mean macro F1 over the
/// rephrased question files (0.646 over the first three when this floor was set, with the words
/// of direction for questions about direction; 0.634 without them, 0.612 before field agreement
/// and the evidence tier; 0.640 over all four). A guard against a rule that only helps our
/// phrasing.
#[test]
fn rephrased_questions_meet_a_relevance_floor() {
    let mut total = 0.0;
    for file in REPHRASED {
        let questions = format!("tests/corpora/{file}.toml");
        let corpus = eval::folder_with_questions("seeds", &questions);
        let q = eval::measure("default", corpus, Tuning::default(), false);
        println!("rephrased ({file}): macro F1 {:.3}", q.macro_f1);
        total += q.macro_f1;
    }
    let mean = total / REPHRASED.len() as f64;
    assert!(mean >= 0.635, "rephrased macro F1 {mean:.3} < 0.635");
}

/// Our own second debate: 0.691 until the heading a paragraph stands under counted, 0.673 after
/// (one paragraph of the interview moved across the cut of two questions; the best cut per
/// question would now reach 0.762, 0.733 before).
#[test]
fn second_corpus_meets_its_relevance_floor() {
    let q = run("car_free", "tests/corpora/car_free");
    assert!(q.macro_f1 >= 0.66, "macro F1 {:.3} < 0.66", q.macro_f1);
    for (id, _, _, f1) in &q.per_question {
        assert!(*f1 >= 0.45, "{id}: F1 {f1:.2} < 0.45");
    }
}

#[test]
fn second_corpus_meets_its_stance_floor() {
    let q = run("car_free", "tests/corpora/car_free");
    let accuracy = q.stance_accuracy();
    assert!(
        accuracy >= CAR_FREE_STANCE,
        "stance accuracy {accuracy:.3} < {CAR_FREE_STANCE}"
    );
    // On `ban`, the traders' piece reads neutral: its passages argue by consequence ("would
    // fall hardest on them"), with no word of either side.
    let wrong = wrong_positions(&q, &["ban"]);
    assert!(wrong.len() <= 1, "positions on ban: {wrong:?}");
}

/// car_free's sides are a few words each ("Yes, clearly." / "No, or only a little.", "Yes,
/// they can." / "No, not here."): they name no claim to look for, and most of its passages
/// read neutral (11/38 right before the keywords of a yes/no question of fact counted for its
/// Yes side, 15/38 after, 17/38 once passages without a side took their author's). A guard
/// against losing what the general rules do find, not a target: the default corpus's floor is
/// the one that says stance works.
const CAR_FREE_STANCE: f64 = 0.42;

/// The default corpus as another reader sees it: their question file and their annotations
/// (`tests/annotations/independent.toml`), written from the four texts alone — the nearest
/// thing here to the hidden evaluation. Macro F1 was 0.597 with their questions (0.666 with
/// ours) until the prompt weighed half the title, words no longer gained for standing in
/// several fields, and side-taking paragraphs just under the cut stayed: 0.687 (0.651 with
/// ours). Floors just under that, and the core positions right on their reading with either
/// question file: guards, since this reading was not ours to tune on.
#[test]
fn an_independent_reading_of_the_default_corpus_keeps_its_scores() {
    let theirs = eval::folder_with_questions("seeds", "tests/corpora/independent/questions.toml");
    for (label, corpus, f1, stance) in [
        ("their questions", theirs, 0.66, 0.70),
        ("our questions", eval::folder("seeds"), 0.63, 0.75),
    ] {
        let q = eval::measure("independent", corpus, Tuning::default(), false);
        println!("independent reading, {label}:{}", q.report);
        assert_floors(label, &q, f1, stance);
        let wrong = wrong_positions(&q, &["alliance", "us_pressure"]);
        assert!(wrong.is_empty(), "{label}: core positions {wrong:?}");
    }
}

/// Twelve other debates, texts, questions and annotations all written by hands that never saw
/// the engine: votes at 16, a four-day working week, and India–US relations (an analysis corpus
/// like the default one, with other parties). Each was measured as it came, the last two before
/// any change made for them: macro F1 0.518, 0.487 and 0.479. The query's weights were then set
/// on all annotated sets together (the prompt at half the title's weight, no gain for a word
/// that stands in several fields, side-taking paragraphs kept just under the cut), and long
/// paragraphs ending on a rhetorical question became prose: 0.537, 0.543 and 0.640; 0.633 for
/// India–US once bios before links, cookie notices and the interviewer's other lines stopped
/// being prose. Two are still under the 0.60. On both corpora where every paragraph
/// speaks of the measure debated, the main question keeps too much or too little; stance reads
/// 39–43 % right (`pro`/`con` there are short or name the measure, and India–US's sides name
/// the parties only). Four more came later, in other genres: a school phone ban (a radio panel
/// transcript, a headteacher's listicle, an essay, an explainer), European strategic autonomy
/// (think-tank analysis, op-ed, video interview, academic blog), new nuclear power (a Hansard
/// speech, a newsletter with footnotes, a news report, an FAQ page) and test-optional admissions
/// (a press release, a working paper, an AMA thread, an editorial with comments). As they came:
/// 0.665, 0.534, 0.655 and 0.526. Their pages' junk (time-stamped host lines, chapter lists,
/// reference lists, footnotes, figure captions, readers' comments, notices) then stopped being
/// prose: 0.700, 0.565, 0.653 and 0.540. Three more after that: rent control (a policy brief
/// extracted from a PDF, a tenants' blog with comments, a press release, a wiki article),
/// chatbots for homework (a social-media thread, a LinkedIn article, a live blog, a Medium
/// essay) and a universal basic income (a podcast transcript with ad reads, a column, a
/// think-tank report, a Q&A page): 0.484, 0.560 and 0.670 as they came; 0.508, 0.565 and 0.647
/// once wiki reference lists, press releases' end marks, blogs' comment headers, sponsor reads
/// and profile bios stopped being prose (the basic-income corpus lost a passage on each of two
/// questions as the rankings shifted). Then a paragraph far under a question's best came to
/// yield to another question it answers clearly better, when the questions of a file are
/// distinct (the default corpus's are one matter seen from several sides, and keep their
/// figures): votes 0.574, India–US 0.650, EU 0.642, basic income 0.679; nuclear 0.645, chatbots
/// 0.559 (and car_free 0.691). Stance there reads 25–49 % right, the gap the issue note
/// records. Two more in session 10: short-term holiday lets (a council livestream transcript,
/// a newsletter with numbered notes, a news page behind a consent banner, a hosts' FAQ) and
/// age checks on social media (a working paper with flattened tables, a translated op-ed, a
/// podcast page with a guest's bio, a company blog): 0.605 and 0.724 as they came; 0.611 and
/// 0.726 once numbered notes, table rows, consent banners of any length, a paper's
/// acknowledgements and "About the guest" stopped being prose (no other set moved). Then the
/// section heading or interviewer's question a paragraph stands under came to count in its
/// ranking: nine sets up (votes 0.621, India–US 0.675, nuclear 0.657, test-optional 0.560,
/// chatbots 0.598, basic income 0.709, holiday lets 0.653, four-day 0.548, rent 0.509), three
/// down (phone ban 0.683, EU 0.630, age checks 0.714); the best cut per question rose on all
/// but basic income. Floors just under the figures: guards, and the record of the gap.
#[test]
fn corpora_written_without_the_engine_keep_their_scores() {
    for (name, f1, stance) in [
        ("votes_at_16", 0.61, 0.40),
        ("four_day_week", 0.53, 0.37),
        ("india_us", 0.66, 0.36),
        ("phone_ban", 0.67, 0.25),
        ("eu_autonomy", 0.62, 0.27),
        ("nuclear", 0.65, 0.24),
        ("test_optional", 0.55, 0.44),
        ("rent_control", 0.50, 0.36),
        ("ai_homework", 0.58, 0.33),
        ("basic_income", 0.70, 0.44),
        ("short_lets", 0.64, 0.45),
        ("age_checks", 0.71, 0.40),
    ] {
        let q = run(name, &format!("tests/corpora/{name}"));
        assert_floors(name, &q, f1, stance);
    }
}
