//! The deck editor driven headless through egui_kittest: a bundled deck copied, a card
//! edited from the keyboard, its problem shown and undone, saved, reopened; unsaved edits
//! guarded when leaving; a new deck with every card kind written, saved and studied.

use chrono::{DateTime, FixedOffset, Utc};
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use quizdeck::deck::raw::RawKind;
use quizdeck::ui::{Action, QuizApp};
use std::path::{Path, PathBuf};

fn t0() -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse().unwrap()
}

fn harness(data: &Path) -> Harness<'static, QuizApp> {
    let mut app = QuizApp::new(data, Box::new(t0), FixedOffset::east_opt(0).unwrap());
    if app.first_start() {
        app.apply(Action::CreateProfile("Teacher".into()));
    }
    let mut h = Harness::builder()
        .with_size(egui::vec2(1280.0, 800.0))
        .build_ui_state(|ui, app: &mut QuizApp| app.ui(ui), app);
    h.run();
    h
}

const PACT: &str = "The 1939 pact and the Soviet bases";

fn editing<'a>(h: &'a Harness<'static, QuizApp>) -> &'a quizdeck::ui::editor::Editing {
    h.state()
        .editor()
        .and_then(|s| s.editing.as_deref())
        .expect("a deck is open in the editor")
}

/// The deck files under `dir`, recursively.
fn ron_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in std::fs::read_dir(&d).into_iter().flatten().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if p.extension().is_some_and(|x| x == "ron") {
                out.push(p);
            }
        }
    }
    out
}

#[test]
fn a_bundled_deck_is_copied_edited_from_the_keyboard_checked_undone_saved_and_reopened() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Deck editor…").click();
    h.run();
    assert_eq!(h.state().screen_name(), "editor");
    h.get_by_label(&format!("Copy to edit {PACT}")).click();
    h.run();
    let e = editing(&h);
    assert_eq!(e.editor.meta().id, "pact-and-bases-1939-copy");
    assert!(e.path.is_none());
    let first = e.editor.card(0).unwrap().clone();
    let RawKind::MultipleChoice { answer, .. } = &first.kind else {
        panic!("the first card is a multiple-choice card");
    };
    let answer = answer.clone();
    h.get_by_label_contains("No problems");

    // A wrong option that is the right answer, typed from the keyboard.
    h.get_by_label("Wrong options (one a line)").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.key_press(Key::Enter);
    h.get_by_label("Wrong options (one a line)")
        .type_text(&answer);
    h.run();
    let card = editing(&h).editor.card(0).unwrap().clone();
    assert_eq!(card.id, first.id, "the card keeps its id");
    let RawKind::MultipleChoice { distractors, .. } = &card.kind else {
        panic!()
    };
    assert!(distractors.contains(&answer), "{distractors:?}");
    h.get_by_label_contains(&format!(
        "Error: the distractor {answer:?} is a right answer"
    ));
    h.get_by_label_contains("1 error(s)");

    // Undone with Ctrl+Z (the editor's undo, not the text field's): the problem goes.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(editing(&h).editor.card(0), Some(&first));
    h.get_by_label_contains("No problems");
    // Redo, undo again.
    h.key_press_modifiers(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z);
    h.run();
    assert_ne!(editing(&h).editor.card(0), Some(&first));
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    assert_eq!(editing(&h).editor.card(0), Some(&first));

    // A new note, then Ctrl+S: saved into the profile's decks.
    h.get_by_label("Note (shown after the answer)").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.get_by_label("Note (shown after the answer)")
        .type_text(" Checked again.");
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label_contains("Saved edition 2 to ");
    let e = editing(&h);
    assert!(!e.editor.is_dirty());
    let path = e.path.clone().expect("saved");
    assert!(path.starts_with(dir.path()));
    let saved = std::fs::read_to_string(&path).unwrap();
    let bundled = quizdeck::deck::bundled::BUNDLED
        .iter()
        .find(|(n, _)| *n == "pact-and-bases-1939.ron")
        .unwrap()
        .1;
    // Only the id line and the edited note differ from the bundled file.
    let changed: Vec<(&str, &str)> = saved
        .lines()
        .zip(bundled.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(saved.lines().count(), bundled.lines().count());
    assert_eq!(changed.len(), 2, "{changed:?}");
    assert!(changed[0].0.contains("pact-and-bases-1939-copy"));
    assert!(changed[1].0.contains("Checked again."));

    // The copy is in the library now; back to the list and open it again.
    h.get_by_label("← Decks").click();
    h.run();
    h.get_by_label(&format!("Edit {PACT}")).click();
    h.run();
    let e = editing(&h);
    assert_eq!(e.path.as_deref(), Some(path.as_path()));
    assert!(e.editor.card(0).unwrap().note.ends_with("Checked again."));
    assert_eq!(
        e.editor.text(),
        saved,
        "opened and unchanged: the same bytes"
    );
    // The edition is raised when saving an edit of a saved deck.
    assert!(e.will_bump());
    h.get_by_label("Note (shown after the answer)").focus();
    h.run();
    h.get_by_label("Note (shown after the answer)")
        .type_text("x");
    h.run();
    h.get_by_label("Save").click();
    h.run();
    h.get_by_label_contains("Saved edition 3 to ");
    let again = quizdeck::deck::check_file(&path);
    assert!(!again.has_errors(), "{}", again.render());
    assert_eq!(again.deck.unwrap().version, 3);
    let decks: Vec<PathBuf> = ron_files(dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("pact-and-bases"))
        .collect();
    assert_eq!(decks, vec![path]);
}

#[test]
fn leaving_with_unsaved_edits_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Deck editor…").click();
    h.run();
    h.get_by_label("New deck…").click();
    h.run();
    assert!(editing(&h).editor.is_dirty(), "a new deck is unsaved");
    h.get_by_label("Study").click();
    h.run();
    assert_eq!(h.state().screen_name(), "editor");
    h.get_by_label("Save your changes?");
    h.get_by_label("Keep editing").click();
    h.run();
    assert_eq!(h.state().screen_name(), "editor");
    assert!(h.query_by_label("Save your changes?").is_none());
    // Ctrl+digit from the navigation is held too; this time the edits are dropped.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Num1);
    h.run();
    h.get_by_label("Discard changes").click();
    h.run();
    assert_eq!(h.state().screen_name(), "library");
    assert!(
        ron_files(dir.path())
            .iter()
            .all(|p| !p.to_string_lossy().contains("new-deck")),
        "nothing was saved"
    );
}
