//! The app on a profile it cannot fully use, driven through its accessibility tree: a
//! profile that fails to open (its files kept, "Try again" offered first, deleting only
//! after a confirmation) and a window opened read-only beside the window that holds the
//! profile (an answer there is refused with a message that says what works).

use super::ui::{Fixture, key, study};
use egui::Key;
use egui_kittest::kittest::{NodeT, Queryable};
use quizdeck::ids::ItemKey;
use quizdeck::store::{OpenMode, OpenOptions, Store};
use quizdeck::ui::Action;
use quizdeck::ui::profiles::Msg;

#[test]
fn a_profile_that_fails_to_open_offers_try_again_first_and_deletes_only_when_confirmed() {
    let f = Fixture::new();
    let mut h = f.harness();
    h.state_mut()
        .apply(Action::Profiles(Msg::Create("Anna".into())));
    h.run();
    assert_eq!(h.state().profile_name(), Some("Anna"));
    h.state_mut().shutdown();
    drop(h);
    let anna = f.data().join("data").join("profiles").join("anna");
    assert!(anna.is_dir());

    // Anna's drive can no longer be read: her profile fails to open.
    let unreadable = quizdeck::store::fault::unreadable_profile(&anna);
    let mut h = f.harness();
    assert_eq!(h.state().screen_name(), "profiles");
    h.get_by_label("Anna").click();
    h.run();
    assert_eq!(h.state().screen_name(), "profiles");
    assert_eq!(h.state().profile_name(), None);
    // The banner and Anna's row both say why, and that nothing was deleted.
    h.get_by_label_contains("Anna's progress could not be opened");
    h.get_by_label_contains("Input/output error); nothing was deleted");
    // The first thing offered, and the one that has the keyboard, is trying again.
    let again = h.get_by_label("Try opening Anna again");
    assert!(
        again.is_focused(),
        "\"Try again\" does not have the keyboard"
    );
    assert!(!h.get_by_label("Delete Anna").is_focused());
    let order: Vec<String> = h
        .query_all_by_role(egui::accesskit::Role::Button)
        .filter_map(|n| n.accesskit_node().label().map(|l| l.to_string()))
        .filter(|l| l.contains("Anna"))
        .collect();
    let pos = |l: &str| order.iter().position(|o| o == l);
    assert!(
        pos("Try opening Anna again") < pos("Delete Anna"),
        "Delete comes before Try again: {order:?}"
    );
    // Enter tries again (still unreadable: still offered, nothing deleted).
    key(&mut h, Key::Enter);
    assert_eq!(h.state().screen_name(), "profiles");
    h.get_by_label("Try opening Anna again");
    assert!(anna.is_dir());

    // Delete asks first; "No" keeps everything.
    h.get_by_label("Delete Anna").click();
    h.run();
    h.get_by_label_contains("Delete Anna and all their progress?");
    assert!(anna.is_dir(), "deleted without a confirmation");
    h.run();
    assert!(
        h.get_by_label("No").is_focused(),
        "the question has the keyboard, on the safe answer"
    );
    h.get_by_label("No").click();
    h.run();
    assert!(h.query_by_label("Yes, delete").is_none());
    assert!(anna.is_dir());

    // The drive reads again: "Try again" opens the profile.
    drop(unreadable);
    h.get_by_label("Try opening Anna again").click();
    h.run();
    assert_eq!(h.state().screen_name(), "library");
    assert_eq!(h.state().profile_name(), Some("Anna"));
}

#[test]
fn an_answer_in_a_read_only_window_says_it_is_not_saved_and_offers_no_retry() {
    let f = Fixture::new();
    let mut h = f.harness();
    f.import(
        &mut h,
        "basic",
        r#"Card(id: "b", kind: Basic(front: "Front side", back: "Back side")), Card(id: "c", kind: Basic(front: "Second front", back: "Second back"))"#,
    );
    h.state_mut().shutdown();
    drop(h);
    let dir = f.data().join("data").join("profiles").join("student");
    // Another window (here a second handle in this process) holds the profile.
    let (holder, _) = Store::open(
        &dir,
        &OpenOptions {
            mode: OpenMode::ReadWrite,
            ..OpenOptions::default()
        },
        super::ui::t0(),
    )
    .unwrap();
    let journal = std::fs::read(dir.join("progress").join("journal.log")).ok();

    let mut h = f.harness();
    h.get_by_label_contains("Read-only:");
    study(&mut h, "Test basic");
    let first = h.state().current_item().cloned().unwrap();
    key(&mut h, Key::Space);
    key(&mut h, Key::Num3);
    // The answer is refused: the card stays, nothing is kept to retry.
    assert_eq!(h.state().current_item(), Some(&first));
    assert_eq!(h.state().unsaved_count(), 0);
    h.get_by_label_contains("Answers are not saved in this read-only window");
    assert!(
        h.query_by_label_contains("choose the rating again")
            .is_none(),
        "the read-only window offers a retry that can never work"
    );
    assert!(h.query_by_label("Retry saving").is_none());
    // Again: the same message, still nothing written.
    key(&mut h, Key::Num3);
    h.get_by_label_contains("Answers are not saved in this read-only window");
    assert_eq!(
        std::fs::read(dir.join("progress").join("journal.log")).ok(),
        journal
    );
    drop(h);
    drop(holder);
    // Reopened, the profile has no answer of that window.
    let (store, _) = Store::open(&dir, &OpenOptions::default(), super::ui::t0()).unwrap();
    assert!(
        store
            .state(&ItemKey::new("basic", "b", 0))
            .is_none_or(|s| s.reps == 0)
    );
    assert!(
        store
            .state(&ItemKey::new("basic", "c", 0))
            .is_none_or(|s| s.reps == 0)
    );
}
