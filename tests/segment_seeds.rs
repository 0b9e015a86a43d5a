//! The default corpus segmented: every prose paragraph of the four seed files is Body and every
//! scraped line (captions, timestamps, bylines, bios, navigation) is not. The expected kinds were
//! read off the files by hand (`cat -n seeds/*.txt`); the engine never sees these line numbers.

#![cfg(not(target_arch = "wasm32"))]

use parallax::{Corpus, Engine, Kind};

fn kinds_of(file: &str) -> Vec<(usize, Kind)> {
    let corpus = Corpus::embedded();
    let doc = corpus
        .documents
        .iter()
        .position(|d| d.file == file)
        .expect("seed file is embedded");
    let engine = Engine::new(corpus.clone());
    engine
        .paragraphs(doc)
        .iter()
        .map(|p| (p.line, p.kind))
        .collect()
}

fn body_lines(file: &str) -> Vec<usize> {
    kinds_of(file)
        .into_iter()
        .filter(|(_, k)| *k == Kind::Body)
        .map(|(line, _)| line)
        .collect()
}

#[test]
fn analysis_with_byline_conclusions_and_bio() {
    let mut expected: Vec<usize> = (8..=46).step_by(2).collect();
    expected.extend([50, 52, 54]);
    assert_eq!(body_lines("000_1ae05535f9ca31e9.txt"), expected);
}

#[test]
fn op_ed_with_video_captions_photo_credit_and_author_line() {
    let mut expected: Vec<usize> = (2..=13).filter(|l| *l != 8).collect();
    expected.extend([17, 18, 19, 20, 24, 25, 26, 27, 31, 32]);
    assert_eq!(body_lines("001_62601f8aaf7a05d7.txt"), expected);
}

#[test]
fn monitor_article_with_publication_line_and_source_caption() {
    assert_eq!(
        body_lines("002_fbb29aa8b82af950.txt"),
        vec![9, 11, 13, 15, 17, 19]
    );
    let kinds = kinds_of("002_fbb29aa8b82af950.txt");
    assert!(kinds.contains(&(3, Kind::Heading)));
}

#[test]
fn interview_questions_are_questions_not_passages() {
    let file = "004_f4d7401ad7038861.txt";
    assert_eq!(body_lines(file), vec![5, 7, 11, 13, 15, 19, 21, 25, 27, 29]);
    let questions: Vec<usize> = kinds_of(file)
        .into_iter()
        .filter(|(_, k)| *k == Kind::Question)
        .map(|(line, _)| line)
        .collect();
    assert_eq!(questions, vec![3, 9, 17, 23]);
}

/// The second corpus (written for these tests) has its own junk: bylines, a publication line,
/// captions with credits, a video timestamp and title, closing author lines, navigation.
#[test]
fn second_corpus_prose_is_body_and_its_junk_is_not() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/corpora/car_free");
    let corpus = Corpus::from_folder(&dir, None).expect("corpus reads");
    let engine = Engine::new(corpus);
    let body = |file: &str| -> Vec<usize> {
        let d = engine
            .corpus()
            .documents
            .iter()
            .position(|d| d.file == file)
            .unwrap();
        engine
            .paragraphs(d)
            .iter()
            .filter(|p| p.kind == Kind::Body)
            .map(|p| p.line)
            .collect()
    };
    assert_eq!(
        body("a_streets_back.txt"),
        vec![7, 9, 11, 13, 17, 19, 21, 23, 25, 33]
    );
    assert_eq!(
        body("b_traders_warning.txt"),
        vec![9, 11, 13, 15, 19, 21, 23, 25, 27, 29]
    );
    assert_eq!(
        body("c_interview_health.txt"),
        vec![5, 9, 13, 15, 19, 21, 25, 29, 31]
    );
    assert_eq!(
        body("d_middle_way.txt"),
        vec![7, 9, 11, 13, 17, 19, 21, 23, 25]
    );
}
