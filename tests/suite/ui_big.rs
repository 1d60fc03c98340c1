//! Big collections: the profile is opened, and the library's figures, the statistics'
//! figures from the states, a session's queue and the browse index are computed, in the
//! background (a spinner meanwhile, nothing answerable before the store is open), and
//! they are the same as those computed at once.

use super::ui::{
    Fixture, answer_one_basic_card, settle, statistics_of_one_basic_answer_then_study_it,
};
use chrono::FixedOffset;
use egui::Key;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use quizdeck::store::{OpenMode, OpenOptions, Store};
use quizdeck::ui::{Action, QuizApp, Start};
use std::sync::mpsc;

const COUNTING: &str = "Counting today's cards…";

/// One screen alone, drawn by `ui` in a 1024×768 window for two frames.
fn screen_alone<S: 'static>(
    state: S,
    mut ui: impl FnMut(&mut egui::Ui, &mut S) + 'static,
) -> Harness<'static, S> {
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(move |u, s: &mut S| ui(u, s), state);
    h.run_steps(2);
    h
}

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
    study_now_studies(&mut h);
}

/// "Study now" clicked starts a session.
fn study_now_studies(h: &mut Harness<'static, QuizApp>) {
    h.get_by_label_contains("Study now").click();
    settle(h);
    assert_eq!(h.state().screen_name(), "study");
}

/// The streak's history read waits for the library's figures (both at once, on two
/// cores, made the figures come later), then the streak shows. The figures counted in
/// the background (on two threads) are those counted at once.
#[test]
fn the_streak_is_read_once_the_library_figures_are_counted() {
    let f = Fixture::new();
    let mut h = f.harness();
    answer_one_basic_card(&f, &mut h);
    h.state_mut().apply(Action::BackToLibrary);
    settle(&mut h);
    h.get_by_label("1-day streak");
    let rows = deck_rows(&h);
    let slug = quizdeck::store::Profiles::new(&f.data().join("data"))
        .list()
        .unwrap()
        .into_iter()
        .find(|p| Some(p.display_name.as_str()) == h.state().profile_name())
        .unwrap()
        .slug;
    h.state_mut()
        .apply(Action::Profiles(quizdeck::ui::profiles::Msg::Create(
            "Anna".into(),
        )));
    settle(&mut h);
    h.state_mut().set_background_from(0);
    // Both held, so that each is seen running (a small history is read at once).
    let figures = quizdeck::ui::jobs::hold_next("quizdeck-overview");
    let history = quizdeck::ui::jobs::hold_next("quizdeck-history");
    h.state_mut()
        .apply(Action::Profiles(quizdeck::ui::profiles::Msg::Switch(slug)));
    h.run_steps(3);
    assert!(h.state().figures_pending());
    h.get_by_label(COUNTING);
    assert!(
        !h.state().history_reading(),
        "the streak's read waits for the figures"
    );
    figures.send(()).unwrap();
    while h.state().figures_pending() {
        h.step();
    }
    assert!(
        !h.state().history_reading(),
        "the frame that takes the figures in draws them first"
    );
    h.step();
    assert!(h.state().history_reading(), "then the streak is read");
    history.send(()).unwrap();
    settle(&mut h);
    assert!(!h.state().background_running());
    h.get_by_label("1-day streak");
    assert_eq!(deck_rows(&h), rows);
}

/// The library's figures as the screen reads them out: every text of the deck rows and
/// the header that holds a count.
fn deck_rows(h: &Harness<'static, QuizApp>) -> Vec<String> {
    let counts = [
        "Progress of",
        "mastered",
        "due",
        " card",
        "new cards",
        "done today",
    ];
    let mut v: Vec<String> = h
        .query_all(egui_kittest::kittest::by())
        .filter_map(|n| {
            let node = n.accesskit_node();
            let text = node.label().or(node.value())?.to_string();
            counts.iter().any(|c| text.contains(c)).then_some(text)
        })
        .collect();
    v.sort();
    assert!(v.iter().any(|t| t.contains("1 due today in")), "{v:?}");
    assert!(v.len() > 20, "{v:?}");
    v
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

/// Work in the background that ends without a result (its thread panicked) is let go
/// with a message: it was polled, and the window drawn, at every frame for ever, with a
/// spinner that never stopped.
#[test]
fn background_work_that_ends_without_a_result_is_said_and_let_go() {
    let f = Fixture::new();
    let mut h = f.harness();
    answer_one_basic_card(&f, &mut h);
    h.state_mut().set_background_from(0);
    // The library's figures.
    quizdeck::ui::jobs::fail_next("quizdeck-overview");
    h.state_mut().apply(Action::BackToLibrary);
    assert!(h.state().figures_pending());
    settle(&mut h);
    assert!(!h.state().background_running());
    assert!(h.query_by_label(COUNTING).is_none());
    h.get_by_label_contains("The library's figures could not be counted: the work stopped");
    // The statistics: from the states and from the history.
    quizdeck::ui::jobs::fail_next("quizdeck-stats");
    quizdeck::ui::jobs::fail_next("quizdeck-history");
    h.state_mut().apply(Action::OpenStats(None));
    h.step();
    h.state_mut().wait_for_background();
    assert!(!h.state().background_running());
    h.step();
    h.step();
    assert!(h.query_by_label("Counting the items…").is_none());
    h.get_by_label_contains("The statistics could not be counted: the work stopped");
    // The history's charts say they are not shown: no spinner turns there for ever
    // (the window settles).
    assert!(h.query_by_label("Reading the history…").is_none());
    h.get_by_label_contains("The history could not be read: the work stopped");
    h.run();
    // The list of cards.
    quizdeck::ui::jobs::fail_next("quizdeck-browse");
    h.state_mut().apply(Action::OpenBrowse);
    settle(&mut h);
    assert!(!h.state().background_running());
    h.get_by_label_contains("The list of cards could not be made: the work stopped");
    // Shown again, the library counts as it should.
    h.state_mut().apply(Action::BackToLibrary);
    settle(&mut h);
    h.get_by_label_contains("Study now");
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
        loading: false,
    };
    let h = screen_alone(
        screen,
        |ui, s: &mut quizdeck::ui::library::LibraryScreen| {
            s.ui(ui);
        },
    );
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
    let h = screen_alone(screen, |ui, s: &mut quizdeck::ui::stats::StatsScreen| {
        s.ui(ui);
    });
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

const OPENING: &str = "Opening Student's progress…";
const PREPARING: &str = "Preparing the session…";

/// The fixture's profile (made by a first start), then the app started again with every
/// profile opened in the background, that opening held until the sender says go.
fn opening_held(f: &Fixture) -> (Harness<'static, QuizApp>, mpsc::Sender<()>) {
    drop(f.app());
    let (go, hold) = mpsc::channel();
    let c = f.clock.clone();
    let app = QuizApp::starting(
        &f.data().join("data"),
        Vec::new(),
        Box::new(move || c.get()),
        FixedOffset::east_opt(0).unwrap(),
        Start {
            open_in_background_from: 0,
            hold_opening: Some(hold),
        },
    );
    let h = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(|ui, app: &mut QuizApp| app.ui(ui), app);
    (h, go)
}

#[test]
fn a_big_profile_draws_its_first_frame_before_it_is_open_and_nothing_is_answerable_meanwhile() {
    let f = Fixture::new();
    let (mut h, go) = opening_held(&f);
    // The first frames: the library with a spinner that says whose progress opens.
    assert!(h.state().profile_loading());
    assert_eq!(h.state().screen_name(), "library");
    assert_eq!(h.state().profile_name(), Some("Student"));
    assert!(h.query_by_label(OPENING).is_some());
    assert!(h.query_by_label_contains("Study now").is_none());
    assert!(h.query_by_label_contains("done today").is_none());
    // Nothing can be studied or changed before the progress is open: keys, and the
    // actions themselves.
    h.key_press(Key::Enter);
    h.run_steps(2);
    for action in [
        Action::StudyNow,
        Action::Study(Vec::new()),
        Action::OpenBrowse,
        Action::OpenStats(None),
        Action::OpenSettings,
        Action::BackToLibrary,
    ] {
        h.state_mut().apply(action);
        assert_eq!(h.state().screen_name(), "library");
        assert!(h.state().current_item().is_none());
        assert!(h.state().profile_loading());
    }
    h.run_steps(2);
    assert!(h.query_by_label(OPENING).is_some());
    // The progress arrives: the library with its figures, "Study now" working.
    go.send(()).unwrap();
    settle(&mut h);
    assert!(!h.state().profile_loading());
    assert!(!h.state().background_running());
    assert!(h.query_by_label(OPENING).is_none());
    assert_eq!(h.state().screen_name(), "library");
    h.get_by_label_contains("Study now").click();
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "study");
    assert!(h.state().current_item().is_some());
}

/// A big profile whose imported deck the deck cache serves opens in two steps: its
/// library shows with the figures counted by the cards' outline (those counted over the
/// whole library) while the cards are still read, and what the student asks for meanwhile
/// (Enter on "Study now", which has the focus) waits for the cards, then is done.
#[test]
fn a_library_shows_before_its_cards_are_read_and_what_is_asked_meanwhile_waits() {
    let f = Fixture::new();
    let mut first = f.harness();
    answer_one_basic_card(&f, &mut first);
    let cards: String = (0..30)
        .map(|i| format!(r#"Card(id: "c{i}", kind: Basic(front: "Front {i}", back: "Back {i}")),"#))
        .collect();
    f.import(&mut first, "outlined", &cards);
    settle(&mut first);
    first.state_mut().apply(Action::DismissBanner);
    first.state_mut().apply(Action::BackToLibrary);
    settle(&mut first);
    let rows = deck_rows(&first);
    let study_now = text(&first, "Study now");
    assert!(rows.iter().any(|r| r.contains("Test outlined")), "{rows:?}");
    drop(first);
    let cards_read = quizdeck::ui::jobs::hold_next("quizdeck-deck-cards");
    let (mut h, go) = opening_held(&f);
    go.send(()).unwrap();
    while h.state().profile_loading() {
        h.step();
    }
    h.run_steps(2);
    assert!(
        h.state().cards_reading(),
        "the imported deck's cards are still read"
    );
    assert!(!h.state().figures_pending());
    assert_eq!(deck_rows(&h), rows);
    assert_eq!(text(&h, "Study now"), study_now);
    // Asked for meanwhile: nothing happens yet, nothing is lost.
    h.key_press(Key::Enter);
    h.run_steps(2);
    assert_eq!(h.state().screen_name(), "library");
    assert!(h.state().current_item().is_none());
    cards_read.send(()).unwrap();
    while h.state().cards_reading() {
        h.step();
    }
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "study");
    assert!(h.state().current_item().is_some());
}

/// While a big profile opens, the window is drawn again now and then (its spinner turns
/// at 25 frames a second, not at every frame the display allows, which took CPU from the
/// opening); when the profile has been read, the opening wakes the window at once.
#[test]
fn a_profile_being_opened_wakes_the_window_when_it_is_read() {
    let f = Fixture::new();
    let (mut h, go) = opening_held(&f);
    h.run_steps(3);
    let (asked, repaints) = mpsc::channel();
    h.ctx.set_request_repaint_callback(move |info| {
        let _ = asked.send(info.delay);
    });
    h.run_steps(3);
    assert!(h.state().profile_loading());
    let meanwhile: Vec<_> = repaints.try_iter().collect();
    assert!(!meanwhile.is_empty(), "the spinner is drawn again");
    assert!(
        meanwhile
            .iter()
            .all(|d| *d >= std::time::Duration::from_millis(35)),
        "no frame at once while the profile opens: {meanwhile:?}"
    );
    go.send(()).unwrap();
    let woken = repaints
        .recv_timeout(std::time::Duration::from_secs(30))
        .expect("the opening wakes the window");
    assert_eq!(woken, quizdeck::ui::jobs::WAKE_AFTER, "a frame at once");
    h.step();
    assert!(
        !h.state().profile_loading(),
        "the frame woken for takes the profile in"
    );
    assert!(h.query_by_label(OPENING).is_none());
}

/// [`opening_held`] once a card was answered, with the library's figures counted in the
/// background whenever they are counted after the open.
fn answered_then_opening_held(f: &Fixture) -> (Harness<'static, QuizApp>, mpsc::Sender<()>) {
    let mut first = f.harness();
    answer_one_basic_card(f, &mut first);
    drop(first);
    let (mut h, go) = opening_held(f);
    h.state_mut().set_background_from(0);
    (h, go)
}

/// A big profile's library figures are counted in its open job: the library shows them
/// in the frame the profile opens, with nothing left to count, and they are those
/// counted again when the library is shown anew.
#[test]
fn a_profile_opened_in_the_background_shows_its_figures_as_it_opens() {
    let f = Fixture::new();
    let (mut h, go) = answered_then_opening_held(&f);
    go.send(()).unwrap();
    while h.state().profile_loading() {
        h.step();
    }
    assert!(!h.state().figures_pending(), "nothing left to count");
    assert!(
        !h.state().history_reading(),
        "the streak's read starts once the library with its figures is drawn"
    );
    h.run_steps(1);
    assert!(h.query_by_label(COUNTING).is_none());
    let rows = deck_rows(&h);
    let study_now = text(&h, "Study now");
    // Counted again, in the background: the same figures.
    h.state_mut().apply(Action::BackToLibrary);
    assert!(h.state().figures_pending());
    settle(&mut h);
    assert_eq!(deck_rows(&h), rows);
    assert_eq!(text(&h, "Study now"), study_now);
}

/// Figures that fail to count in the open job do not fail the open: the library counts
/// them when it shows.
#[test]
fn figures_that_fail_to_count_as_a_profile_opens_are_counted_when_it_shows() {
    let f = Fixture::new();
    drop(f.app());
    quizdeck::ui::jobs::fail_next("quizdeck-open-figures");
    let (mut h, go) = opening_held(&f);
    go.send(()).unwrap();
    settle(&mut h);
    assert!(!h.state().profile_loading());
    assert_eq!(h.state().screen_name(), "library");
    assert_eq!(h.state().profile_name(), Some("Student"));
    assert!(h.query_by_label(OPENING).is_none());
    study_now_studies(&mut h);
}

/// Figures counted as the profile opened on a study day that has ended by the time it is
/// open are not taken: they are counted again for the new day.
#[test]
fn figures_counted_as_a_profile_opens_are_counted_again_on_a_new_day() {
    let f = Fixture::new();
    let (mut h, go) = answered_then_opening_held(&f);
    // The open job counts for the day it started on; the profile opens the next day.
    f.clock.set(f.clock.get() + chrono::TimeDelta::days(1));
    go.send(()).unwrap();
    while h.state().profile_loading() {
        h.step();
    }
    assert!(h.state().figures_pending(), "counted again");
    settle(&mut h);
    let rows = deck_rows(&h);
    assert!(rows.iter().any(|r| r.contains("0 of")), "{rows:?}");
    h.state_mut().apply(Action::BackToLibrary);
    settle(&mut h);
    assert_eq!(deck_rows(&h), rows);
}

#[test]
fn a_profile_opened_in_the_background_still_says_it_is_read_only() {
    let f = Fixture::new();
    drop(f.app());
    let profile = std::fs::read_dir(f.data().join("data").join("profiles"))
        .unwrap()
        .flatten()
        .map(|e| e.path())
        .find(|p| p.is_dir())
        .unwrap();
    // Another window holds the profile.
    let opts = OpenOptions {
        mode: OpenMode::ReadWrite,
        ..OpenOptions::default()
    };
    let (other, _) = Store::open(&profile, &opts, super::ui::t0()).unwrap();
    let (mut h, go) = opening_held(&f);
    assert!(h.state().profile_loading());
    drop(go);
    settle(&mut h);
    assert!(!h.state().profile_loading());
    assert_eq!(h.state().screen_name(), "library");
    assert!(
        h.state()
            .banner()
            .iter()
            .any(|m| m.starts_with("Read-only")),
        "{:?}",
        h.state().banner()
    );
    drop(other);
}

#[test]
fn choosing_another_profile_while_one_opens_waits_for_it_and_closes_it() {
    let f = Fixture::new();
    let (mut h, go) = opening_held(&f);
    h.get_by_label("Choose another profile").click();
    h.run_steps(2);
    assert_eq!(h.state().screen_name(), "profiles");
    go.send(()).unwrap();
    settle(&mut h);
    // Open behind the profiles screen, which stays.
    assert_eq!(h.state().screen_name(), "profiles");
    assert!(!h.state().profile_loading());
    // (The navigation names the open profile too; its row comes last.)
    (h.get_all_by_label("Student").last())
        .expect("the profile's row")
        .click();
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "library");
    assert!(h.query_by_label_contains("Study now").is_some());
}

/// The first item and the rows that the work done at once gives, as reference.
fn reference(f: &Fixture) -> (quizdeck::ids::ItemKey, String) {
    let mut h = f.harness();
    h.get_by_label_contains("Study now").click();
    settle(&mut h);
    let first = h.state().current_item().cloned().expect("a first item");
    h.state_mut().apply(Action::OpenBrowse);
    settle(&mut h);
    let rows = text(&h, " items");
    (first, rows)
}

#[test]
fn study_now_and_browse_over_a_big_collection_prepare_in_the_background() {
    let f = Fixture::new();
    let (first, rows) = reference(&f);
    let mut h = f.harness();
    h.state_mut().set_background_from(0);
    h.state_mut().apply(Action::BackToLibrary);
    settle(&mut h);
    h.get_by_label_contains("Study now").click();
    h.step();
    // The queue is built on another thread: no item yet, nothing to answer.
    assert_eq!(h.state().screen_name(), "study");
    assert!(h.state().session_preparing());
    assert!(h.state().current_item().is_none());
    settle(&mut h);
    assert!(!h.state().session_preparing());
    assert_eq!(h.state().current_item(), Some(&first));

    // Going back while it is prepared drops it.
    h.state_mut().apply(Action::BackToLibrary);
    settle(&mut h);
    h.get_by_label_contains("Study now").click();
    h.step();
    assert!(h.state().session_preparing());
    // (Applied before the next frame polls the job, so it cannot have arrived; Esc on
    // the spinner asks for this, see `the_study_screen_shows_a_spinner_while_preparing`.)
    h.state_mut()
        .apply(Action::Session(quizdeck::ui::study::Msg::EndSession));
    settle(&mut h);
    assert_eq!(h.state().screen_name(), "library");
    assert!(h.state().current_item().is_none());
    assert!(!h.state().background_running());

    h.state_mut().apply(Action::OpenBrowse);
    assert_eq!(h.state().screen_name(), "browse");
    assert!(h.state().background_running());
    settle(&mut h);
    assert!(h.query_by_label("Listing the items…").is_none());
    assert_eq!(text(&h, " items"), rows);
}

/// While the queue is prepared, the study screen shows a spinner and a way back.
#[test]
fn the_study_screen_shows_a_spinner_while_preparing() {
    let screen = quizdeck::ui::study::StudyScreen {
        preparing: true,
        ..Default::default()
    };
    type State = (quizdeck::ui::study::StudyScreen, Vec<Action>);
    let mut h = screen_alone((screen, Vec::new()), |ui, (s, asked): &mut State| {
        asked.extend(s.ui(ui))
    });
    assert!(h.query_by_label(PREPARING).is_some());
    assert!(h.query_by_label("Back to decks").is_some());
    assert!(h.query_by_label_contains("Again").is_none());
    assert!(h.state().1.is_empty());
    // Esc (or the button) goes back.
    h.key_press(Key::Escape);
    h.run_steps(1);
    let end = Action::Session(quizdeck::ui::study::Msg::EndSession);
    assert_eq!(h.state().1, vec![end.clone()]);
    h.get_by_label("Back to decks").click();
    h.run_steps(1);
    assert_eq!(h.state().1, vec![end.clone(), end]);
}

/// While the index is built, the browse screen shows a spinner and no rows.
#[test]
fn the_browse_screen_shows_a_spinner_while_listing() {
    let screen = quizdeck::ui::browse::BrowseScreen {
        building: true,
        ..Default::default()
    };
    let h = screen_alone(screen, |ui, s: &mut quizdeck::ui::browse::BrowseScreen| {
        s.ui(ui);
    });
    assert!(h.query_by_label("Listing the items…").is_some());
    assert!(h.query_by_label_contains(" of 0 items").is_none());
}

/// The allocator gives big blocks pages of their own, given back when freed, however big
/// the blocks freed before (glibc raised that size with each such block freed: after a
/// deck's text was dropped, the next deck's cards came from a heap that keeps its pages).
/// Run in a process of its own (this test again), where no other test allocates.
#[cfg(all(target_os = "linux", target_env = "gnu"))]
#[test]
fn big_blocks_keep_pages_of_their_own_after_bigger_ones_were_freed() {
    const CHILD: &str = "QUIZDECK_TEST_ALLOCATOR_CHILD";
    if std::env::var_os(CHILD).is_some() {
        quizdeck::ui::fixed_mmap_threshold();
        // SAFETY: mallinfo2 only reads the allocator's statistics.
        let mapped = || unsafe { libc::mallinfo2() }.hblkhd;
        let text = std::hint::black_box(vec![1u8; 16 << 20]);
        drop(text);
        let before = mapped();
        let cards = std::hint::black_box(vec![1u8; 2 << 20]);
        let after = mapped();
        assert!(
            after >= before + cards.len(),
            "a block of 2 MiB came from the heap ({before} → {after} bytes mapped)"
        );
        println!("mapped on its own");
        return;
    }
    let name = "suite::ui_big::big_blocks_keep_pages_of_their_own_after_bigger_ones_were_freed";
    let out = std::process::Command::new(std::env::current_exe().unwrap())
        .args(["--exact", name, "--nocapture", "--test-threads=1"])
        .env(CHILD, "1")
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        out.status.success() && stdout.contains("mapped on its own"),
        "{stdout}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// Every name and value shown, in order.
fn everything(h: &Harness<'static, QuizApp>) -> Vec<String> {
    let all = egui_kittest::kittest::By::new().predicate(|_| true);
    (h.query_all(all))
        .map(|n| {
            let node = n.accesskit_node();
            format!("{:?} {:?}", node.label(), node.value())
        })
        .collect()
}

/// Opens the practice test's set-up with the bundled deck `title` ticked and every form
/// allowed (no seed typed: the fixture's clock is fixed, so each test is the same).
fn practice_setup(h: &mut Harness<'static, QuizApp>, title: &str) {
    h.state_mut().apply(Action::OpenPractice);
    h.run();
    h.get_by_label(title).click();
    h.run();
}

/// The app with every job in the background, at the practice set-up of `title`.
fn big_practice(f: &Fixture, title: &str) -> Harness<'static, QuizApp> {
    let mut h = f.harness();
    h.state_mut().set_background_from(0);
    practice_setup(&mut h, title);
    h
}

/// Clicks `button` with the next job named `job` held until the sender sends.
fn click_held(h: &mut Harness<'static, QuizApp>, button: &str, job: &str) -> mpsc::Sender<()> {
    let go = quizdeck::ui::jobs::hold_next(job);
    h.get_by_label(button).click();
    h.run();
    go
}

/// Goes back to the library, then lets the held job run and takes its result there.
fn leave_then_finish(h: &mut Harness<'static, QuizApp>, go: mpsc::Sender<()>) {
    h.state_mut().apply(Action::BackToLibrary);
    h.run();
    go.send(()).unwrap();
    h.state_mut().wait_for_background();
    h.run();
    assert_eq!(h.state().screen_name(), "library");
}

/// Clicks "Start test" with the job that makes the test held until the sender sends.
fn start_held(h: &mut Harness<'static, QuizApp>) -> mpsc::Sender<()> {
    click_held(h, "Start test", "quizdeck-test")
}

#[test]
fn a_practice_test_of_a_big_library_is_made_in_the_background() {
    let f = Fixture::new();
    let deck = "The 1939 pact and the Soviet bases";
    // Made at once (the bundled decks are small): the test as reference.
    let mut h = f.harness();
    practice_setup(&mut h, deck);
    h.get_by_label("Start test").click();
    h.run();
    let first = everything(&h);
    assert!(h.query_by_label_contains("Question 1 of").is_some());
    // (Each harness below opens the profile anew: this one lets it go first.)
    drop(h);

    // From any size on: the test is made on another thread; meanwhile the screen says
    // so, draws, and "Start test" waits.
    let mut h = big_practice(&f, deck);
    let go = start_held(&mut h);
    // Said beside the button, so it is in view wherever the button is.
    let making = h.get_by_label("Making the test…").rect();
    let button = h.get_by_label("Start test").rect();
    assert!(
        button.y_range().contains(making.center().y),
        "{making:?} {button:?}"
    );
    assert!(h.get_by_label("Start test").accesskit_node().is_disabled());
    assert!(h.query_by_label_contains("Question 1 of").is_none());
    go.send(()).unwrap();
    h.state_mut().wait_for_background();
    h.run();
    // The same test as made at once (same decks, forms and seed), shown the same.
    assert_eq!(everything(&h), first);
    assert!(h.query_by_label("Making the test…").is_none());
    drop(h);

    // Work that stops unexpectedly is said, and the set-up can start again.
    let mut h = big_practice(&f, deck);
    quizdeck::ui::jobs::fail_next("quizdeck-test");
    h.get_by_label("Start test").click();
    h.run();
    h.state_mut().wait_for_background();
    h.run();
    h.get_by_label_contains("The test was not made");
    assert!(!h.get_by_label("Start test").accesskit_node().is_disabled());
    drop(h);

    // A test made for a set-up left meanwhile is not shown on coming back.
    let mut h = big_practice(&f, deck);
    let go = start_held(&mut h);
    leave_then_finish(&mut h, go);
    h.state_mut().apply(Action::OpenPractice);
    h.run();
    assert!(h.query_by_label_contains("Question 1 of").is_none());
    assert!(h.query_by_label("Making the test…").is_none());
}

/// The teacher's form filled for an exam "Unit test" written to `file`.
fn exam_form(h: &mut Harness<'static, QuizApp>, file: &std::path::Path) {
    super::ui::teacher_exam_form(
        h,
        &[
            ("Title:", "Unit test"),
            ("Save the exam as:", &file.display().to_string()),
        ],
    );
}

/// The app with every job in the background, at the teacher's screen, its form filled
/// for an exam written to `file`.
fn big_teacher(f: &Fixture, file: &std::path::Path) -> Harness<'static, QuizApp> {
    let mut h = f.harness();
    h.state_mut().set_background_from(0);
    h.state_mut().apply(Action::OpenTeacher);
    h.run();
    exam_form(&mut h, file);
    h
}

/// Clicks "Make exam" with the job that makes it held until the sender sends.
fn make_held(h: &mut Harness<'static, QuizApp>) -> mpsc::Sender<()> {
    click_held(h, "Make exam", "quizdeck-exam")
}

#[test]
fn an_exam_of_a_big_library_is_made_and_written_in_the_background() {
    let f = Fixture::new();
    let exam_file = f.data().join("made.ron");
    let mut h = big_teacher(&f, &exam_file);
    let go = make_held(&mut h);
    // Meanwhile the screen says so and draws; "Make exam" waits; nothing is written yet.
    h.get_by_label("Making the exam…");
    assert!(h.get_by_label("Make exam").accesskit_node().is_disabled());
    assert!(!exam_file.exists());
    go.send(()).unwrap();
    h.state_mut().wait_for_background();
    h.run();
    // Made and written as at once: the key file is chosen for grading, the code said.
    h.get_by_label_contains("never hand it out");
    let key_file = quizdeck::exam::Exam::key_path(&exam_file);
    let made = quizdeck::exam::Exam::load(&key_file).unwrap();
    assert_eq!(made.title, "Unit test");
    let code = made.teacher_code.clone().unwrap();
    h.get_by_label_contains(&format!("Teacher's code: {code}"));
    assert!(h.query_by_label("Making the exam…").is_none());
    assert!(!h.get_by_label("Make exam").accesskit_node().is_disabled());

    // Left and come back while it is made: the screen waits for it (one exam at a time)
    // and says it when it is ready.
    let second = f.data().join("second.ron");
    retype_exam_file(&mut h, &second);
    let go = make_held(&mut h);
    h.state_mut().apply(Action::BackToLibrary);
    h.run();
    h.state_mut().apply(Action::OpenTeacher);
    h.run();
    h.get_by_label("Making the exam…");
    assert!(h.get_by_label("Make exam").accesskit_node().is_disabled());
    go.send(()).unwrap();
    h.state_mut().wait_for_background();
    h.run();
    assert!(quizdeck::exam::Exam::key_path(&second).exists());
    assert!(h.query_by_label("Making the exam…").is_none());
    h.get_by_label_contains("never hand it out");

    // Made while the teacher went elsewhere: said in the messages bar. (The page is
    // where the message brought it: the decks are scrolled to, as a teacher would.)
    let first = quizdeck::library::Library::load(None).decks[0]
        .deck
        .title
        .clone();
    h.get_by_label(&first).scroll_to_me();
    h.run();
    let third = f.data().join("third.ron");
    exam_form(&mut h, &third);
    let go = make_held(&mut h);
    leave_then_finish(&mut h, go);
    assert!(quizdeck::exam::Exam::key_path(&third).exists());
    h.get_by_label_contains("never hand it out");
    drop(h);

    // The window closed while an exam is written: it is finished first, so no key file
    // is left without its exam.
    let fourth = f.data().join("fourth.ron");
    let mut h = big_teacher(&f, &fourth);
    let go = make_held(&mut h);
    let later = std::thread::spawn(move || {
        std::thread::sleep(std::time::Duration::from_millis(200));
        go.send(()).unwrap();
    });
    h.state_mut().shutdown();
    later.join().unwrap();
    assert!(fourth.exists() && quizdeck::exam::Exam::key_path(&fourth).exists());
}

/// Types `path` over the teacher's "Save the exam as:" field.
fn retype_exam_file(h: &mut Harness<'static, QuizApp>, path: &std::path::Path) {
    use egui::accesskit::Role;
    h.get_by_role_and_label(Role::TextInput, "Save the exam as:")
        .focus();
    h.run();
    h.key_press_modifiers(egui::Modifiers::COMMAND, Key::A);
    h.get_by_role_and_label(Role::TextInput, "Save the exam as:")
        .type_text(&path.display().to_string());
    h.run();
}
