//! Lint of the bundled decks in `decks/`: content rules a `check` pass does not cover
//! (rules across decks, and the project's own rules for its bundled content).

use quizdeck::answer::normalize_for_search as fold;
use quizdeck::deck::{self, CardKind, Deck};
use std::collections::HashMap;
use std::path::Path;

/// The five source documents, by the key every deck uses for them.
const SOURCES: [(&str, &str); 5] = [
    ("occupation", "Occupation of the Baltic states"),
    (
        "occupation-1940",
        "Soviet occupation of the Baltic states (1940)",
    ),
    (
        "summary",
        "Soviet occupation of the Baltic states (1940), encyclopedia summary",
    ),
    ("relations", "Baltic–Soviet relations"),
    (
        "fifty-years",
        "Soviet Union Invasion and Occupation of the Baltic's and Bessarabia (from \"50 Years of Terror, Tyranny and Oppression 1940–1991\")",
    ),
];

fn decks() -> Vec<Deck> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
    let files = deck::discover(&[dir]).unwrap();
    files
        .iter()
        .map(|f| {
            let c = deck::check_file(f);
            assert!(
                c.diagnostics.is_empty(),
                "{} must pass check with no errors or warnings:\n{}",
                c.file,
                c.render()
            );
            c.deck.unwrap()
        })
        .collect()
}

/// True when `needle` appears in `hay` as whole words (both folded).
fn contains_words(hay: &str, needle: &str) -> bool {
    let (h, n) = (format!(" {} ", fold(hay)), format!(" {} ", fold(needle)));
    !n.trim().is_empty() && h.contains(&n)
}

#[test]
fn enough_decks_cards_and_kinds() {
    let decks = decks();
    assert!(decks.len() >= 8, "{} decks", decks.len());
    let total: usize = decks.iter().map(|d| d.cards.len()).sum();
    assert!(total >= 320, "{total} cards");
    for d in &decks {
        assert!(d.cards.len() >= 25, "{} has {} cards", d.id, d.cards.len());
        assert!(
            d.kinds_used().len() >= 4,
            "{} uses {:?}",
            d.id,
            d.kinds_used()
        );
    }
    assert!(
        decks.iter().any(|d| d
            .cards
            .iter()
            .filter(|c| matches!(c.kind, CardKind::Order { .. }))
            .count()
            >= 15),
        "a timeline deck of Order cards is expected"
    );
}

#[test]
fn card_ids_are_unique_across_decks() {
    let mut seen: HashMap<String, String> = HashMap::new();
    for d in decks() {
        for c in &d.cards {
            if let Some(other) = seen.insert(c.id.to_string(), d.id.to_string()) {
                panic!("card id {} is in both {other} and {}", c.id, d.id);
            }
        }
    }
}

#[test]
fn no_question_is_repeated_across_decks() {
    let mut seen: HashMap<String, String> = HashMap::new();
    for d in decks() {
        for c in &d.cards {
            let q = fold(&c.kind.prompt_text());
            if let Some(other) = seen.insert(q.clone(), format!("{}/{}", d.id, c.id)) {
                panic!("{}/{} repeats the question of {other}: {q}", d.id, c.id);
            }
        }
    }
}

#[test]
fn no_answer_is_given_away_in_its_question() {
    for d in decks() {
        for c in &d.cards {
            let (question, answers): (&str, Vec<&String>) = match &c.kind {
                CardKind::TypeIn { question, answers } => (question, answers.iter().collect()),
                CardKind::MultipleChoice {
                    question,
                    answer,
                    also_correct,
                    ..
                } => (
                    question,
                    std::iter::once(answer).chain(also_correct).collect(),
                ),
                _ => continue,
            };
            for a in answers {
                assert!(
                    !contains_words(question, a),
                    "{}/{}: the answer {a:?} is in the question {question:?}",
                    d.id,
                    c.id
                );
            }
        }
    }
}

#[test]
fn distractors_are_unique_and_wrong() {
    for d in decks() {
        for c in &d.cards {
            if let CardKind::MultipleChoice {
                answer,
                distractors,
                also_correct,
                ..
            } = &c.kind
            {
                let mut seen = std::collections::HashSet::new();
                for x in distractors {
                    assert!(seen.insert(fold(x)), "{}/{}: {x:?} twice", d.id, c.id);
                    assert_ne!(fold(x), fold(answer), "{}/{}", d.id, c.id);
                    assert!(!also_correct.iter().any(|a| fold(a) == fold(x)));
                }
                assert!(distractors.len() >= 2, "{}/{}: too few options", d.id, c.id);
            }
        }
    }
}

#[test]
fn every_card_cites_a_real_document_and_has_a_note() {
    for d in decks() {
        for (key, src) in &d.sources {
            let known = SOURCES.iter().find(|(k, _)| k == key);
            assert_eq!(
                known.map(|k| k.1),
                Some(src.title.as_str()),
                "{}: source {key} is not one of the five documents",
                d.id
            );
        }
        for c in &d.cards {
            let r = c
                .source
                .as_ref()
                .unwrap_or_else(|| panic!("{}/{} has no source", d.id, c.id));
            assert!(d.sources.contains_key(&r.doc), "{}/{}", d.id, c.id);
            assert!(
                !r.section.trim().is_empty(),
                "{}/{}: no section",
                d.id,
                c.id
            );
            assert!(!c.note.trim().is_empty(), "{}/{}: no note", d.id, c.id);
        }
    }
}

/// Every text a student reads on a card.
fn card_texts(c: &quizdeck::deck::Card) -> Vec<String> {
    let mut t = vec![c.note.clone()];
    match &c.kind {
        CardKind::Basic { front, back, .. } => t.extend([front.clone(), back.clone()]),
        CardKind::Cloze(cl) => t.push(cl.full_text()),
        CardKind::TypeIn { question, answers } => {
            t.push(question.clone());
            t.extend(answers.iter().cloned());
        }
        CardKind::MultipleChoice {
            question, answer, ..
        } => t.extend([question.clone(), answer.clone()]),
        CardKind::TrueFalse {
            statement,
            correction,
            ..
        } => t.extend([statement.clone(), correction.clone()]),
        CardKind::Order { prompt, items } => {
            t.push(prompt.clone());
            t.extend(items.iter().cloned());
        }
        CardKind::Match { prompt, pairs } => {
            t.push(prompt.clone());
            t.extend(pairs.iter().map(|(l, r)| format!("{l} {r}")));
        }
    }
    t
}

/// The text with quotations removed: an official title or wording may be quoted, marked
/// with quotation marks ("…", “…”, „…“ or «…»); everything else must be our own words.
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quote_end: Option<char> = None;
    for c in text.chars() {
        match quote_end {
            Some(end) if c == end || (end == '"' && c == '”') => {
                quote_end = None;
                out.push(' ');
            }
            Some(_) => {}
            None => match c {
                '"' => quote_end = Some('"'),
                '“' => quote_end = Some('”'),
                '„' => quote_end = Some('“'),
                '«' => quote_end = Some('»'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// Cards are written in our own words: no card repeats a run of `RUN` consecutive words
/// of a source document (case, accents and punctuation ignored) outside a quotation.
#[test]
fn no_card_copies_a_sentence_from_the_sources() {
    const RUN: usize = 10;
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/seeds");
    let mut runs = std::collections::HashSet::new();
    let mut docs = 0;
    for entry in std::fs::read_dir(&seeds).expect("../shared/seeds beside the project") {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            docs += 1;
            let text = std::fs::read_to_string(&p).unwrap();
            let words: Vec<String> = fold(&text).split(' ').map(str::to_owned).collect();
            for w in words.windows(RUN) {
                runs.insert(w.join(" "));
            }
        }
    }
    assert_eq!(docs, 5, "the five source documents");
    let mut copied = Vec::new();
    for d in decks() {
        for c in &d.cards {
            for text in card_texts(c) {
                let words: Vec<String> = fold(&unquoted(&text))
                    .split(' ')
                    .map(str::to_owned)
                    .collect();
                if let Some(w) = words.windows(RUN).find(|w| runs.contains(&w.join(" "))) {
                    copied.push(format!("{}/{}: \"{}\"", d.id, c.id, w.join(" ")));
                }
            }
        }
    }
    assert!(
        copied.is_empty(),
        "copied from the sources:\n{}",
        copied.join("\n")
    );
}

#[test]
fn quotations_are_exempt_and_the_rest_is_checked() {
    assert_eq!(unquoted("a \"b c\" d"), "a   d");
    assert_eq!(unquoted("a “b” d „e“ f «g» h"), "a   d   f   h");
    assert_eq!(unquoted("open \"quote never closed"), "open ");
}
