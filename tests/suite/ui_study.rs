//! The study screen driven headless: shuffles at every showing, daily limits per deck and
//! what an empty deck offers, and key widgets in view at projector text sizes.

use super::ui::{Fixture, study};
use egui_kittest::Harness;
use quizdeck::ui::study::Interaction;
use quizdeck::ui::{Action, QuizApp};

const MATCH_AND_CHOICE: &str = r#"
    Card(id: "who", kind: Match(prompt: "Pair each head of state with the country", pairs: [("Päts", "Estonia"), ("Ulmanis", "Latvia"), ("Smetona", "Lithuania")])),
    Card(id: "ord", kind: Order(prompt: "Put in order", items: ["1939", "1940", "1941"])),
    Card(id: "mc", kind: MultipleChoice(question: "Which city?", answer: "Riga", distractors: ["Tallinn", "Kaunas", "Vilnius"]))"#;

/// Ends the session and studies the deck again, so that its first item is shown afresh.
fn show_again(h: &mut Harness<'static, QuizApp>) {
    h.state_mut().apply(Action::EndSession);
    h.state_mut().apply(Action::Study(vec!["shuf".into()]));
    h.run();
}

/// Every showing's question state for the first item of the deck, `n` times.
fn showings(seed: u64, n: usize) -> Vec<Interaction> {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "shuf", MATCH_AND_CHOICE);
    h.state_mut().set_shuffle_seed(seed);
    study(&mut h, "Test shuf");
    let mut out = Vec::new();
    for _ in 0..n {
        out.push(h.state().current_interaction().cloned().expect("an item"));
        show_again(&mut h);
    }
    out
}

#[test]
fn match_right_column_is_never_in_the_solved_order_and_changes_between_showings() {
    let shown = showings(7, 40);
    let mut orders = std::collections::BTreeSet::new();
    for i in &shown {
        let Interaction::Match { rights, .. } = i else {
            panic!("the Match card comes first: {i:?}")
        };
        assert_ne!(
            rights,
            &["Estonia", "Latvia", "Lithuania"],
            "shown in the solved order"
        );
        orders.insert(rights.clone());
    }
    assert!(
        orders.len() >= 2,
        "the same order at every showing: {orders:?}"
    );
    // Repeatable under the same seed.
    let again = showings(7, 5);
    for (a, b) in shown.iter().zip(&again) {
        assert_eq!(format!("{a:?}"), format!("{b:?}"));
    }
}

#[test]
fn order_items_are_never_sorted_and_choices_move_between_showings() {
    use quizdeck::deck;
    let d = deck::load_str(
        &format!("Deck(format: 1, id: \"shuf\", title: \"T\", cards: [{MATCH_AND_CHOICE}])"),
        "shuf.ron",
        None,
    )
    .unwrap();
    let mut rng: rand::rngs::StdRng = rand::SeedableRng::seed_from_u64(3);
    let mut right_at = std::collections::BTreeSet::new();
    for _ in 0..200 {
        match Interaction::for_card(&d.cards[1], &mut rng) {
            Interaction::Order { current, .. } => {
                assert_ne!(current, ["1939", "1940", "1941"], "already sorted")
            }
            other => panic!("{other:?}"),
        }
        match Interaction::for_card(&d.cards[2], &mut rng) {
            Interaction::Choice { right, .. } => {
                right_at.insert(right.iter().position(|r| *r).unwrap());
            }
            other => panic!("{other:?}"),
        }
    }
    assert_eq!(right_at.len(), 4, "the right option takes every place");
}
