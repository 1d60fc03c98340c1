//! Loading and validating a large deck: a generated 100k-card deck of mixed kinds.
//! Target: ≤ 0.5 s for load + validate on the 2-core reference machine.

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use quizdeck::deck::{self, Card, CardKind, Cloze, Deck, Source, SourceRef};
use quizdeck::ids::{CardId, DeckId};
use std::collections::BTreeMap;
use std::hint::black_box;

/// A deck of `n` cards cycling through every kind, with realistic text lengths.
pub fn generated_deck(n: usize) -> Deck {
    let cards = (0..n)
        .map(|i| {
            let kind = match i % 7 {
                0 => CardKind::Basic {
                    front: format!("Which treaty of {i} settled the border of Estonia?").into(),
                    back: format!("The peace treaty number {i}, signed at Tartu").into(),
                    reverse: i % 2 == 0,
                },
                1 => CardKind::Cloze(
                    Cloze::parse(format!(
                        "In {{{{c1::June 1940}}}} the ultimatum {i} went to {{{{c2::Lithuania::a country}}}}."
                    ))
                    .expect("valid cloze"),
                ),
                2 => CardKind::TypeIn {
                    question: format!("Who headed the government in case {i}?").into(),
                    answers: vec![format!("Kārlis Ulmanis {i}").into(), format!("Ulmanis {i}").into()].into(),
                },
                3 => CardKind::MultipleChoice {
                    question: format!("When was agreement {i} signed?").into(),
                    answer: format!("23 August {i}").into(),
                    distractors: vec![
                        format!("1 September {i}").into(),
                        format!("17 September {i}").into(),
                        format!("28 September {i}").into(),
                    ]
                    .into(),
                    also_correct: vec![format!("24 August {i}").into()].into(),
                },
                4 => CardKind::TrueFalse {
                    statement: format!("Statement {i} about the bases is true.").into(),
                    truth: i % 2 == 0,
                    correction: format!("Correction {i}: the pacts allowed bases.").into(),
                },
                5 => CardKind::Order {
                    prompt: format!("Order set {i}, earliest first.").into(),
                    items: (0..4).map(|k| format!("Event {k} of {i}").into()).collect(),
                },
                _ => CardKind::Match {
                    prompt: format!("Match set {i}.").into(),
                    pairs: (0..4)
                        .map(|k| (format!("Leader {k}/{i}").into(), format!("Country {k}/{i}").into()))
                        .collect(),
                },
            };
            Card {
                id: CardId::new(format!("card-{i}")),
                tags: vec!["generated".into()].into(),
                source: Some(SourceRef {
                    doc: "relations".into(),
                    section: "Section".into(),
                }),
                note: format!("Context for card {i}, one sentence long.").into(),
                image: None,
                kind,
            }
        })
        .collect();
    Deck {
        card_index: Default::default(),
        id: DeckId::new("big"),
        title: "Big".into(),
        description: String::new(),
        language: "en".into(),
        authors: vec![],
        version: 1,
        sources: BTreeMap::from([(
            "relations".to_owned(),
            Source {
                title: "Baltic–Soviet relations".into(),
                url: String::new(),
            },
        )]),
        cards,
    }
}

fn load_validate(c: &mut Criterion) {
    let text = deck::to_ron(&generated_deck(100_000));
    let mut g = c.benchmark_group("deck");
    g.sample_size(10);
    g.throughput(Throughput::Bytes(text.len() as u64));
    // Freeing the deck afterwards is not part of loading it: `iter_with_large_drop`.
    g.bench_function("load_validate_100k_cards", |b| {
        b.iter_with_large_drop(|| {
            let checked = deck::check_text(black_box(&text), "big.ron", None);
            assert!(!checked.has_errors());
            checked
        })
    });
    // The parts: the reader alone (the fast path decks take), the `ron` crate alone (the
    // fallback for text outside the fast reader's subset), and validation of a parsed deck.
    g.bench_function("parse_only_100k_cards", |b| {
        b.iter_with_large_drop(|| {
            quizdeck::deck::fast::parse(black_box(&text)).expect("fast path reads it")
        })
    });
    g.bench_function("ron_parse_only_100k_cards", |b| {
        b.iter_with_large_drop(|| {
            ron::Options::default()
                .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
                .from_str::<quizdeck::deck::raw::RawDeck>(black_box(&text))
                .expect("parses")
        })
    });
    let raw = quizdeck::deck::fast::parse(&text).expect("parses");
    g.bench_function("validate_only_100k_cards", |b| {
        b.iter_batched(
            || raw.clone(),
            |raw| quizdeck::deck::validate::validate_owned(raw, None),
            criterion::BatchSize::LargeInput,
        )
    });
    g.finish();
}

criterion_group!(benches, load_validate);
criterion_main!(benches);
