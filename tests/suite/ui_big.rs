//! Big collections: the library's figures are computed in the background (a spinner
//! meanwhile), and they are the same figures as those computed at once.

use super::ui::{Fixture, settle};
use egui_kittest::kittest::{NodeT, Queryable};
use quizdeck::ui::Action;

const COUNTING: &str = "Counting today's cards…";

#[test]
fn the_library_counts_a_big_collection_in_the_background() {
    let f = Fixture::new();
    let mut h = f.harness();
    // Computed at once (the bundled decks are small): the figures as reference.
    let study_now = h
        .get_by_label_contains("Study now")
        .accesskit_node()
        .label()
        .unwrap();
    let done = h
        .get_by_label_contains("done today")
        .accesskit_node()
        .label()
        .unwrap();
    assert!(h.query_by_label(COUNTING).is_none());

    // From any size on: the first frame shows a spinner, "Study now" waits.
    h.state_mut().set_background_from(0);
    h.state_mut().apply(Action::BackToLibrary);
    h.step();
    assert_eq!(h.state().screen_name(), "library");
    assert!(h.state().background_running());
    assert!(h.query_all_by_label(COUNTING).count() >= 1);
    assert!(h.query_by_label_contains("Study now").is_none());
    assert!(h.query_by_label_contains("done today").is_none());
    settle(&mut h);
    assert!(!h.state().background_running());
    assert!(h.query_by_label(COUNTING).is_none());
    assert_eq!(
        h.get_by_label_contains("Study now")
            .accesskit_node()
            .label()
            .unwrap(),
        study_now
    );
    assert_eq!(
        h.get_by_label_contains("done today")
            .accesskit_node()
            .label()
            .unwrap(),
        done
    );
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
    h.step();
    h.state_mut().apply(Action::OpenSettings);
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "settings");
    assert!(!h.state().background_running());
}

#[test]
fn statistics_count_a_big_collection_in_the_background() {
    use super::ui::{BASIC, key, study};
    use egui::Key;
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(&mut h, "basic", BASIC);
    study(&mut h, "Test basic");
    key(&mut h, Key::Space);
    key(&mut h, Key::Num1);
    key(&mut h, Key::Escape);
    h.get_by_label("Back to decks").click();
    settle(&mut h);
    h.state_mut().set_background_from(0);
    h.get_by_label("Statistics…").click();
    h.step();
    assert_eq!(h.state().screen_name(), "stats");
    // The first frame: spinners where the figures from the states go, no study button.
    assert!(h.query_all_by_label("Counting the items…").count() >= 1);
    assert!(h.query_by_label_contains("1 learning").is_none());
    assert!(h.query_by_label("Study these items now").is_none());
    settle(&mut h);
    assert!(!h.state().background_running());
    assert!(h.query_by_label("Counting the items…").is_none());
    h.get_by_label_contains("1 answers · streak 1 day(s)");
    h.get_by_label_contains("1 learning");
    h.get_by_label("Study these items now").scroll_to_me();
    h.run();
    h.get_by_label("Study these items now").click();
    h.run();
    assert_eq!(h.state().screen_name(), "study");
}
