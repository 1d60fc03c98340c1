//! The one question widget from the keyboard alone, wherever it is used: Order moved with
//! Alt+arrows and Match paired by number then letter, with the selection shown, in study,
//! practice tests and exams; ✓/✗ marks with words on the score pages.

use super::ui::{Fixture, key, start_practice, study};
use egui::accesskit::Toggled;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use quizdeck::ids::ItemKey;
use quizdeck::quiz::QuestionKind;
use quizdeck::ui::{Action, QuizApp};
use std::path::{Path, PathBuf};

const CARDS: &str = r#"
    Card(id: "ord", note: "The order note.", kind: Order(prompt: "Earliest first", items: ["Pact", "Bases", "Ultimatums", "Annexation"])),
    Card(id: "who", kind: Match(prompt: "Pair each leader with the country", pairs: [("Päts", "Estonia"), ("Ulmanis", "Latvia"), ("Smetona", "Lithuania")]))"#;

const ORDER: [&str; 4] = ["Pact", "Bases", "Ultimatums", "Annexation"];
const PAIRS: [(&str, &str); 3] = [
    ("Päts", "Estonia"),
    ("Ulmanis", "Latvia"),
    ("Smetona", "Lithuania"),
];
/// A wrong pairing (two partners swapped).
const WRONG_PAIRS: [(&str, &str); 3] = [
    ("Päts", "Latvia"),
    ("Ulmanis", "Estonia"),
    ("Smetona", "Lithuania"),
];

fn alt(h: &mut Harness<'static, QuizApp>, k: Key) {
    h.key_press_modifiers(Modifiers::ALT, k);
    h.run();
}

/// Whether the row or tile named `label` is shown (and told to AccessKit) as selected.
fn is_selected(h: &Harness<'static, QuizApp>, label: &str) -> bool {
    h.get_by_label(label).accesskit_node().toggled() == Some(Toggled::True)
}

/// Where `item` stands in the Order rows ("1. Pact"), 0-based.
fn row_of(h: &Harness<'static, QuizApp>, item: &str) -> usize {
    (1..=ORDER.len())
        .find(|i| h.query_by_label(&format!("{i}. {item}")).is_some())
        .unwrap_or_else(|| panic!("no row shows {item}"))
        - 1
}

/// Sorts the Order question with keys alone: Up/Down select a row (the selection is
/// shown), Alt+Up moves it.
fn sort_with_keys(h: &mut Harness<'static, QuizApp>) {
    for (target, item) in ORDER.iter().enumerate() {
        let at = row_of(h, item);
        for _ in 0..ORDER.len() {
            key(h, Key::ArrowUp);
        }
        for _ in 0..at {
            key(h, Key::ArrowDown);
        }
        h.get_by_label(&format!("Selected: {item}"));
        assert!(is_selected(h, &format!("{}. {item}", at + 1)));
        for _ in target..at {
            alt(h, Key::ArrowUp);
        }
        assert_eq!(row_of(h, item), target, "Alt+Up moved {item} to its place");
    }
    // Alt+Down moves the selected item down, Alt+Up back.
    key(h, Key::ArrowUp);
    h.get_by_label(&format!("Selected: {}", ORDER[2]));
    alt(h, Key::ArrowDown);
    assert_eq!(row_of(h, ORDER[2]), 3);
    alt(h, Key::ArrowUp);
    assert_eq!(row_of(h, ORDER[2]), 2);
}

/// Pairs the Match question with keys alone: the left item's number, then the letter of
/// its partner; the chosen left item is named while its partner is awaited.
fn pair_with_keys(h: &mut Harness<'static, QuizApp>, pairs: &[(&str, &str)]) {
    for (l, r) in pairs {
        let n = (1..=pairs.len())
            .find(|n| h.query_by_label(&format!("{n}. {l}")).is_some())
            .unwrap_or_else(|| panic!("no left tile {l}"));
        let letter = ('A'..='I')
            .find(|c| h.query_by_label(&format!("{c}. {r}")).is_some())
            .unwrap_or_else(|| panic!("no right tile {r}"));
        key(h, quizdeck::ui::question::NUMBER_KEYS[n - 1]);
        h.get_by_label_contains(&format!("Chosen: {l} (key {n})"));
        assert!(
            is_selected(h, &format!("{n}. {l}")),
            "the chosen tile {l} is shown"
        );
        key(h, Key::from_name(&letter.to_string()).unwrap());
        h.get_by_label(&format!("{n}. {l} = {r}"));
    }
}

fn is_order(h: &Harness<'static, QuizApp>) -> bool {
    h.query_by_label_contains("Earliest first").is_some()
}

#[test]
fn study_order_and_match_by_keys_alone() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "qk", CARDS);
    study(&mut h, "Test qk");
    for _ in 0..2 {
        if is_order(&h) {
            sort_with_keys(&mut h);
        } else {
            pair_with_keys(&mut h, &PAIRS);
        }
        // Enter checks; the verdict has a mark and a word beside its colour.
        key(&mut h, Key::Enter);
        h.get_by_label("Right");
        h.get_by_label("✓");
        key(&mut h, Key::Num3);
    }
    for card in ["ord", "who"] {
        let state = h.state().item_state(&ItemKey::new("qk", card, 0));
        assert_eq!(state.map(|s| s.reps), Some(1), "{card} answered and rated");
    }
}

#[test]
fn practice_order_and_match_by_keys_and_the_score_marks_each_question() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "qk", CARDS);
    start_practice(
        &mut h,
        vec!["qk".into()],
        2,
        vec![QuestionKind::Order, QuestionKind::Match],
        11,
    );
    h.run();
    for _ in 0..2 {
        if is_order(&h) {
            sort_with_keys(&mut h);
        } else {
            pair_with_keys(&mut h, &WRONG_PAIRS);
        }
        key(&mut h, Key::Enter);
    }
    h.get_by_label("Score: 1 of 2 (50%)");
    // Colour, symbol and word for each question.
    h.get_by_label("✓");
    h.get_by_label("Right");
    h.get_by_label("✗");
    h.get_by_label("Wrong");
    h.get_by_label_contains("Right answer: Päts");
    h.get_by_label_contains(". Earliest first");
}

/// Writes an exam of the Order and the Match card, with results shown at hand-in.
fn write_exam(dir: &Path) -> PathBuf {
    super::ui::save_exam(
        dir.join("keys.ron"),
        ("keys-test", "Keys test"),
        &format!(r#"Deck(format: 1, id: "qk", title: "Keys", cards: [{CARDS}])"#),
        (2, &[QuestionKind::Order, QuestionKind::Match]),
        (3, 30, quizdeck::exam::Feedback::AtHandIn),
    )
}

#[test]
fn an_exam_is_answered_by_keys_alone_and_its_results_mark_each_question() {
    let f = Fixture::new();
    let exam = write_exam(f.data());
    let mut h = f.harness();
    h.get_by_label("Take an exam…").click();
    h.run();
    h.state_mut()
        .apply(Action::Exam(quizdeck::ui::exam::Msg::Open {
            exam: exam.clone(),
            results_dir: f.data().to_path_buf(),
            student: "Marta".into(),
        }));
    h.run();
    assert_eq!(h.state().screen_name(), "exam");
    for i in 0..2 {
        h.get_by_label_contains(&format!("Question {} of 2", i + 1));
        if is_order(&h) {
            sort_with_keys(&mut h);
        } else {
            pair_with_keys(&mut h, &PAIRS);
        }
        // The answer given by keys is recorded at once.
        h.get_by_label_contains(&format!("{} answered", i + 1));
        key(&mut h, Key::Enter);
    }
    h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
    h.run();
    h.get_by_label("Every question is answered.");
    key(&mut h, Key::Y);
    h.get_by_label("Keys test: handed in");
    h.get_by_label("Score: 2 of 2 (100%)");
    assert_eq!(h.query_all_by_label("✓").count(), 2);
    assert_eq!(h.query_all_by_label("Right").count(), 2);
    h.get_by_label("No mistakes.");
}

/// Fails unless the widget whose label contains `part` lies wholly above the verdict
/// ("Right"/"Not quite") at the top of the rating bar: in view without scrolling.
fn above_the_rating_bar(h: &Harness<'static, QuizApp>, part: &str) {
    let bar = h
        .query_by_label("Not quite")
        .or_else(|| h.query_by_label("Right"))
        .expect("a verdict")
        .rect();
    let r = h.get_by_label_contains(part).rect();
    assert!(
        r.max.y <= bar.min.y && r.min.y >= 0.0,
        "{part:?} at {r:?} is not above the rating bar at {bar:?}"
    );
}

#[test]
fn the_judged_question_fits_above_the_rating_bar_at_projector_sizes() {
    for (w, ht, pct) in [(1024.0, 768.0, 200), (1280.0, 800.0, 250)] {
        judged_question_fits(w, ht, pct);
    }
}

fn judged_question_fits(w: f32, ht: f32, pct: u16) {
    let f = Fixture::new();
    let mut h = super::ui_study::projector(&f, w, ht, pct);
    f.import(
        &mut h,
        "fit",
        r#"Card(id: "mc", note: "The capital of the Latvian SSR.", kind: MultipleChoice(question: "Which city became the capital of the Latvian SSR in 1940?", answer: "Riga", distractors: ["Tallinn", "Kaunas", "Vilnius"])),
           Card(id: "ty", note: "Head of state of Latvia from 1936.", kind: TypeIn(question: "Who was the President of Latvia in June 1940?", answers: ["Kārlis Ulmanis"]))"#,
    );
    h.state_mut().apply(Action::Study(vec!["fit".into()]));
    h.run();
    // Every option, the right one and the one picked, in view once judged.
    key(&mut h, Key::Num4);
    h.run();
    for city in ["Riga", "Tallinn", "Kaunas", "Vilnius"] {
        above_the_rating_bar(&h, &format!(". {city}"));
    }
    key(&mut h, Key::Num3);
    h.get_by_role(egui::accesskit::Role::TextInput)
        .type_text("Smetona");
    h.run();
    key(&mut h, Key::Enter);
    h.run();
    above_the_rating_bar(&h, "You typed: Smetona");
    above_the_rating_bar(&h, "Who was the President");
}

/// Long Order items at 200 % on a 1024×768 projector: each row wraps within the window's
/// width, its Up and Down buttons beside it, so every item can be read and moved with the
/// mouse (the rows below the fold scroll up; nothing scrolls sideways).
#[test]
fn long_order_items_wrap_with_their_buttons_in_view_at_projector_size() {
    const ITEMS: [&str; 4] = [
        "The Estonian Supreme Council proclaims full independence during the failed August coup in Moscow",
        "The Congress of People's Deputies of the USSR condemns the 1939 pact and its secret protocols",
        "The Baltic Way: a human chain of about two million people across all three states",
        "Latvia's Supreme Council declares the restoration of independence after a transition",
    ];
    let f = Fixture::new();
    let mut h = super::ui_study::projector(&f, 1024.0, 768.0, 200);
    let items = ITEMS.map(|i| format!("{i:?}")).join(", ");
    f.import(
        &mut h,
        "long",
        &format!(r#"Card(id: "o", kind: Order(prompt: "Earliest first", items: [{items}]))"#),
    );
    h.state_mut().apply(Action::Study(vec!["long".into()]));
    h.run();
    let window = h.ctx.content_rect().expand(0.5);
    let across = |r: egui::Rect| r.min.x >= window.min.x && r.max.x <= window.max.x;
    for item in ITEMS {
        for label in [format!("Move {item} up"), format!("Move {item} down")] {
            let r = h.get_by_label(&label).rect();
            assert!(across(r), "{label:?} at {r:?} outside {window:?}");
        }
        let row = h
            .get_all_by_label_contains(item)
            .find(|n| {
                !n.accesskit_node()
                    .label()
                    .unwrap_or_default()
                    .starts_with("Move ")
            })
            .unwrap_or_else(|| panic!("no row shows {item:?}"));
        let r = row.rect();
        assert!(across(r), "{item:?} at {r:?} outside {window:?}");
    }
}

#[test]
fn a_long_right_answer_on_the_practice_score_page_stays_clear_of_the_scroll_bar() {
    // A word too long for a row is broken between letters, narrow ones here: a row of the
    // line reaches within a letter of the edge of the room it has.
    let long = format!("the Baltic Way {}", "i".repeat(600));
    let cards: String = (0..4)
        .map(|i| {
            format!(
                r#"Card(id: "l{i}", kind: TypeIn(question: "Which event {i}? {long}", answers: ["{long}"])),"#
            )
        })
        .collect();
    let f = Fixture::new();
    let mut h = super::ui_study::projector(&f, 1024.0, 768.0, 200);
    f.import(&mut h, "long", &cards);
    start_practice(&mut h, vec!["long".into()], 4, vec![QuestionKind::Typed], 3);
    super::ui::settle(&mut h);
    for _ in 0..4 {
        h.get_by_role(egui::accesskit::Role::TextInput)
            .type_text("Riga");
        h.run();
        key(&mut h, Key::Enter);
    }
    h.get_by_label("Score: 0 of 4 (0%)");
    // The page is longer than the window, so it has a scroll bar; no line runs under it.
    // (Both in AccessKit's coordinates.)
    let bounds = |n: &egui_kittest::Node<'_>| {
        let b = n
            .accesskit_node()
            .bounding_box()
            .expect("a node with bounds");
        egui::Rect::from_min_max(
            egui::pos2(b.x0 as f32, b.y0 as f32),
            egui::pos2(b.x1 as f32, b.y1 as f32),
        )
    };
    let bar = (h.query_all_by_role(egui::accesskit::Role::ScrollBar))
        .map(|n| bounds(&n))
        .max_by(|a, b| a.max.x.total_cmp(&b.max.x))
        .expect("the score page has a scroll bar");
    let lines: Vec<_> = h
        .get_all_by_label_contains("the Baltic Way iii")
        .map(|n| bounds(&n))
        .collect();
    // Each question's prompt and its right answer.
    assert_eq!(lines.len(), 8);
    for r in lines {
        assert!(
            r.max.x <= bar.min.x,
            "a line ends at {r:?}, under the scroll bar at {bar:?}"
        );
    }
}
