//! Shared by the benches.

use quizdeck::deck::{Card, CardKind, Deck};
use quizdeck::ids::{CardId, DeckId};

/// A deck "big" of `n` multiple-choice cards `c0`, `c1`…
pub fn big_deck(n: usize) -> Deck {
    Deck {
        card_index: Default::default(),
        id: DeckId::new("big"),
        title: "Big".into(),
        description: String::new(),
        language: "en".into(),
        authors: vec![],
        version: 1,
        sources: Default::default(),
        cards: (0..n)
            .map(|i| Card {
                id: CardId::new(format!("c{i}")),
                tags: Box::default(),
                source: None,
                note: format!("Note {i}.").into(),
                image: None,
                kind: CardKind::MultipleChoice {
                    question: format!("Question number {i} about the Baltic states?").into(),
                    answer: format!("Answer {i}").into(),
                    distractors: vec![format!("Wrong {i}a").into(), format!("Wrong {i}b").into()]
                        .into(),
                    also_correct: Box::default(),
                },
            })
            .collect(),
    }
}
