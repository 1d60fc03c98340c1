//! Big collections: the library's figures and the statistics' figures from the states are
//! computed in the background (a spinner meanwhile), and they are the same figures as
//! those computed at once.

use super::ui::{
    Fixture, answer_one_basic_card, settle, statistics_of_one_basic_answer_then_study_it,
};
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use quizdeck::ui::{Action, QuizApp};

const COUNTING: &str = "Counting today's cards…";

/// The text of the first node whose name contains `part` (a text label's is its value).
fn text(h: &Harness<'static, QuizApp>, part: &str) -> String {
    let n = h.get_by_label_contains(part);
    let node = n.accesskit_node();
    node.value().or(node.label()).unwrap().to_string()
}

#[test]
fn the_library_counts_a_big_collection_in_the_background() {
    let f = Fixture::new();
    let mut h = f.harness();
    // Computed at once (the bundled decks are small): the figures as reference.
    let study_now = text(&h, "Study now");
    let done = text(&h, "done today");
    assert!(h.query_by_label(COUNTING).is_none());
    assert!(!h.state().figures_pending());

    // From any size on: the figures go to another thread, the screen does not wait.
    h.state_mut().set_background_from(0);
    h.state_mut().apply(Action::BackToLibrary);
    assert!(h.state().figures_pending());
    assert_eq!(h.state().screen_name(), "library");
    settle(&mut h);
    assert!(!h.state().figures_pending());
    assert!(!h.state().background_running());
    assert!(h.query_by_label(COUNTING).is_none());
    assert_eq!(text(&h, "Study now"), study_now);
    assert_eq!(text(&h, "done today"), done);
    // "Study now" studies the plan those figures made.
    h.get_by_label_contains("Study now").click();
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "study");
}

#[test]
fn figures_for_a_library_left_meanwhile_are_dropped() {
    let f = Fixture::new();
    let mut h = f.harness();
    h.state_mut().set_background_from(0);
    h.state_mut().apply(Action::BackToLibrary);
    h.state_mut().apply(Action::OpenSettings);
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "settings");
    assert!(!h.state().background_running());
}

/// While counting, the library shows a spinner and no figures, and "Study now" waits.
#[test]
fn the_library_shows_a_spinner_while_counting() {
    let screen = quizdeck::ui::library::LibraryScreen {
        rows: Vec::new(),
        view: Default::default(),
        study_now: quizdeck::ui::library::StudyNowButton {
            label: COUNTING.into(),
            then: None,
            enabled: false,
        },
        today: Default::default(),
        import_errors: None,
        confirm_remove: None,
        counting: true,
        focus_study_now: true,
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(
            |ui, s: &mut quizdeck::ui::library::LibraryScreen| {
                s.ui(ui);
            },
            screen,
        );
    h.run_steps(2);
    assert!(h.query_all_by_label(COUNTING).count() >= 1);
    assert!(h.query_by_label_contains("done today").is_none());
    assert!(h.query_by_label_contains("Study now").is_none());
}

/// While the states' figures are counted, the statistics show spinners where they go and
/// no "Study these items now".
#[test]
fn the_statistics_show_a_spinner_while_counting() {
    let screen = quizdeck::ui::stats::StatsScreen {
        states_ready: false,
        ..Default::default()
    };
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(
            |ui, s: &mut quizdeck::ui::stats::StatsScreen| {
                s.ui(ui);
            },
            screen,
        );
    h.run_steps(2);
    assert!(h.query_all_by_label("Counting the items…").count() >= 2);
    assert!(h.query_by_label("Study these items now").is_none());
}

#[test]
fn statistics_count_a_big_collection_in_the_background() {
    let f = Fixture::new();
    let mut h = f.harness();
    answer_one_basic_card(&f, &mut h);
    h.state_mut().set_background_from(0);
    h.state_mut().apply(Action::OpenStats(None));
    assert_eq!(h.state().screen_name(), "stats");
    assert!(h.state().background_running());
    settle(&mut h);
    assert!(h.query_by_label("Counting the items…").is_none());
    statistics_of_one_basic_answer_then_study_it(&mut h);
}
