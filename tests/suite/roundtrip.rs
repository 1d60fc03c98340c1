//! Property tests of the deck format: any valid deck written to RON loads back equal.

use proptest::prelude::*;
use quizdeck::deck::{self, Card, CardKind, Cloze, Deck, Source, SourceRef};
use quizdeck::ids::{CardId, DeckId};
use std::collections::BTreeMap;

/// Text with the characters that stress escaping: quotes, backslashes, braces, accents,
/// Cyrillic, newlines.
fn text() -> impl Strategy<Value = String> {
    "[a-zA-Z0-9 āčēģīķļņšūžõäöüąęėįųМолтв\"\\\\{}()#,:\n]{0,12}".prop_map(|s| format!("t{s}"))
}

fn kind(seed: usize) -> impl Strategy<Value = CardKind> {
    prop_oneof![
        (text(), text(), any::<bool>()).prop_map(|(front, back, reverse)| CardKind::Basic {
            front: front.into(),
            back: back.into(),
            reverse
        }),
        (text(), 1usize..4).prop_map(|(t, n)| {
            let mut s = String::new();
            for i in 1..=n {
                s.push_str(&format!("w{i} {{{{c{i}::a{i}}}}} "));
            }
            s.push_str(&t.replace(['{', '}'], ""));
            CardKind::Cloze(Cloze::parse(&s).unwrap())
        }),
        (text(), prop::collection::vec(text(), 1..4)).prop_map(|(question, answers)| {
            let answers = answers
                .into_iter()
                .enumerate()
                .map(|(i, a)| format!("a{i} {a}").into())
                .collect();
            CardKind::TypeIn {
                question: question.into(),
                answers,
            }
        }),
        (
            text(),
            text(),
            prop::collection::vec(text(), 1..5),
            any::<bool>()
        )
            .prop_map(|(question, answer, ds, also)| CardKind::MultipleChoice {
                question: question.into(),
                answer: format!("right {answer}").into(),
                distractors: ds
                    .into_iter()
                    .enumerate()
                    .map(|(i, d)| format!("wrong{i} {d}").into())
                    .collect(),
                also_correct: if also {
                    vec!["also right".into()].into()
                } else {
                    Box::default()
                },
            }),
        (text(), any::<bool>(), text()).prop_map(|(statement, truth, c)| CardKind::TrueFalse {
            statement: statement.into(),
            truth,
            correction: if truth {
                String::new().into()
            } else {
                c.into()
            },
        }),
        (text(), prop::collection::vec(text(), 3..6)).prop_map(|(prompt, items)| {
            CardKind::Order {
                prompt: prompt.into(),
                items: items
                    .into_iter()
                    .enumerate()
                    .map(|(i, s)| format!("i{i} {s}").into())
                    .collect(),
            }
        }),
        (text(), prop::collection::vec((text(), text()), 3..5)).prop_map(move |(prompt, ps)| {
            CardKind::Match {
                prompt: prompt.into(),
                pairs: ps
                    .into_iter()
                    .enumerate()
                    .map(|(i, (l, r))| {
                        (format!("l{i}{seed} {l}").into(), format!("r{i} {r}").into())
                    })
                    .collect(),
            }
        }),
    ]
}

fn card(i: usize) -> impl Strategy<Value = Card> {
    (
        kind(i),
        prop::collection::vec("[a-z0-9]{1,6}", 0..3),
        any::<bool>(),
        text(),
        any::<bool>(),
    )
        .prop_map(move |(kind, tags, cited, note, has_note)| Card {
            id: CardId::new(format!("card-{i}")),
            tags: tags.into_iter().map(Into::into).collect(),
            source: cited.then(|| SourceRef {
                doc: "doc".into(),
                section: note.clone().into(),
            }),
            note: if has_note {
                note.into()
            } else {
                String::new().into()
            },
            image: None,
            kind,
        })
}

fn deck_strategy() -> impl Strategy<Value = Deck> {
    (1usize..12)
        .prop_flat_map(|n| {
            let cards: Vec<_> = (0..n).map(card).collect();
            (cards, text(), text(), 1u32..50)
        })
        .prop_map(|(cards, title, description, version)| Deck {
            card_index: Default::default(),
            id: DeckId::new("generated-deck"),
            title,
            description,
            language: "en".into(),
            authors: vec!["a \"quoted\" author".into()],
            version,
            sources: BTreeMap::from([(
                "doc".to_owned(),
                Source {
                    title: "Baltic–Soviet relations".into(),
                    url: String::new(),
                },
            )]),
            cards,
        })
}

fn ron_parse(text: &str) -> Option<deck::raw::RawDeck> {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .from_str(text)
        .ok()
}

/// Every deck in the repository (bundled and test fixtures): the fast reader either gives
/// up or reads it exactly as `ron` does, and the bundled decks all take the fast path.
#[test]
fn fast_reader_agrees_with_ron_on_every_deck_in_the_repository() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let files = deck::discover(&[root.join("decks"), root.join("tests/fixtures")]).unwrap();
    assert!(files.len() > 11, "{files:?}");
    let mut fast_count = 0;
    for f in &files {
        let Ok(text) = std::fs::read_to_string(f) else {
            continue;
        };
        if let Some(fast) = deck::fast::parse(&text) {
            fast_count += 1;
            assert_eq!(Some(fast), ron_parse(&text), "{}", f.display());
        } else if f.starts_with(root.join("decks")) {
            panic!("the fast reader gave up on bundled deck {}", f.display());
        }
    }
    assert!(fast_count >= 11);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn any_valid_deck_round_trips_through_ron(d in deck_strategy()) {
        let text = deck::to_ron(&d);
        let checked = deck::check_text(&text, "gen.ron", None);
        prop_assert!(!checked.has_errors(), "{}\n{}", checked.render(), text);
        prop_assert_eq!(checked.deck.unwrap(), d);
    }

    /// The fast reader takes everything the writer writes, and reads it as `ron` does.
    #[test]
    fn fast_reader_reads_what_the_writer_writes(d in deck_strategy()) {
        let text = deck::to_ron(&d);
        let fast = deck::fast::parse(&text);
        prop_assert!(fast.is_some(), "fast reader gave up on\n{}", text);
        prop_assert_eq!(fast, Some(ron_parse(&text).expect("ron reads it")));
    }

    /// Whatever the fast reader accepts of a damaged deck, `ron` reads identically; it
    /// never accepts what `ron` refuses.
    #[test]
    fn fast_reader_never_disagrees_with_ron(
        d in deck_strategy(),
        cut in 0usize..4000,
        len in 0usize..6,
        junk in "[()\\[\\]{}:,\"a-z0-9 /*\\\\\n]{0,5}",
    ) {
        let text = deck::to_ron(&d);
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let mut end = (at + len).min(text.len());
        while !text.is_char_boundary(end) { end += 1; }
        for mutated in [
            format!("{}{}{}", &text[..at], junk, &text[at..]),
            format!("{}{}{}", &text[..at], junk, &text[end..]),
        ] {
            if let Some(fast) = deck::fast::parse(&mutated) {
                prop_assert_eq!(Some(fast), ron_parse(&mutated), "on\n{}", mutated);
            }
        }
    }

    #[test]
    fn arbitrary_text_never_panics(s in "\\PC{0,200}") {
        let _ = deck::check_text(&s, "any.ron", None);
    }

    #[test]
    fn mutated_decks_never_panic(cut in 0usize..2000, junk in "[()\\[\\]{}:,\"a-z0-9 ]{0,5}") {
        let text = include_str!("../fixtures/every-kind.ron");
        let mut at = cut.min(text.len());
        while !text.is_char_boundary(at) { at -= 1; }
        let mutated = format!("{}{}{}", &text[..at], junk, &text[at..]);
        let _ = deck::check_text(&mutated, "m.ron", None);
        let _ = deck::check_text(&text[..at], "t.ron", None);
    }
}
