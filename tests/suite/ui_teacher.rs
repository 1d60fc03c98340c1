//! The teacher's side of the app driven headless through egui_kittest: class deck folders
//! (decks for everyone on the PC), deck packages and the deck editor.

use super::ui::settle;
use crate::common::Dropped;
use crate::common::ui::t0;
use chrono::FixedOffset;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use quizdeck::store::{ClassDir, ClassDirSource};
use quizdeck::ui::{Action, QuizApp};
use std::path::{Path, PathBuf};

/// A data folder and a class deck folder in one temporary folder.
struct Classroom {
    dir: tempfile::TempDir,
}

impl Classroom {
    fn new() -> Classroom {
        Classroom {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    fn class_dir(&self) -> PathBuf {
        self.path().join("class-decks")
    }

    fn harness(&self) -> Harness<'static, QuizApp> {
        let class = vec![ClassDir {
            path: self.class_dir(),
            source: ClassDirSource::Argument,
        }];
        let app = QuizApp::with_class_decks(
            &self.path().join("data"),
            class,
            Box::new(t0),
            FixedOffset::east_opt(0).unwrap(),
        );
        harness_of(app)
    }

    /// Writes a small deck file into `folder` and returns its path.
    fn deck_file(&self, folder: &str, id: &str, title: &str, version: u32) -> PathBuf {
        let dir = self.path().join(folder);
        std::fs::create_dir_all(&dir).unwrap();
        let path = dir.join(format!("{id}.ron"));
        std::fs::write(
            &path,
            format!(
                "Deck(format: 1, id: \"{id}\", version: {version}, title: \"{title}\", cards: [\n\
                 Card(id: \"a\", kind: Basic(front: \"Front\", back: \"Back\")),\n])\n"
            ),
        )
        .unwrap();
        path
    }
}

fn harness_of(mut app: QuizApp) -> Harness<'static, QuizApp> {
    if app.first_start() {
        app.apply(Action::Profiles(quizdeck::ui::profiles::Msg::Create(
            "Student".into(),
        )));
    }
    let mut h = Harness::builder()
        .with_size(egui::vec2(1100.0, 800.0))
        .build_ui_state(|ui, app: &mut QuizApp| app.ui(ui), app);
    h.run();
    h
}

/// Opens the import dialog on `folder`, chooses for whom, and picks `file`.
fn import_through_dialog(h: &mut Harness<'static, QuizApp>, folder: &Path, file: &str, whom: &str) {
    h.get_by_label("Import deck…").click();
    h.run();
    crate::common::ui::open_in_picker(h, folder);
    h.get_by_role_and_label(Role::RadioButton, whom).click();
    h.run();
    h.get_by_label(file).click();
    settle(h);
}

fn create_profile(h: &mut Harness<'static, QuizApp>, name: &str) {
    h.get_by_label("Switch profile").click();
    h.run();
    h.get_by_role(Role::TextInput).focus();
    h.run();
    h.get_by_role(Role::TextInput).type_text(name);
    h.run();
    h.get_by_label("Create").click();
    h.run();
    assert_eq!(h.state().profile_name(), Some(name));
}

#[test]
fn a_deck_imported_for_everyone_appears_in_two_profiles() {
    let c = Classroom::new();
    let mut h = c.harness();
    c.deck_file("usb", "shared", "Class deck", 1);
    c.deck_file("usb", "mine", "Private deck", 1);
    import_through_dialog(
        &mut h,
        &c.path().join("usb"),
        "shared.ron",
        "Everyone on this PC",
    );
    h.get_by_label_contains("Imported \"Class deck\" (1 card) for everyone on this PC.");
    assert!(c.class_dir().join("shared/shared.ron").is_file());
    import_through_dialog(&mut h, &c.path().join("usb"), "mine.ron", "Me");
    h.get_by_label("Study Class deck");
    h.get_by_label("Study Private deck");
    h.get_by_label_contains("· from class decks (--decks-dir ");
    h.get_by_label_contains("· from your decks");

    create_profile(&mut h, "Second");
    h.get_by_label("Study Class deck");
    assert!(
        h.query_by_label("Study Private deck").is_none(),
        "a deck imported for me stays in my profile"
    );
    create_profile(&mut h, "Third");
    h.get_by_label("Study Class deck").click();
    h.run();
    assert_eq!(h.state().screen_name(), "study");
}

#[test]
fn the_library_says_which_copy_of_a_deck_it_uses() {
    let c = Classroom::new();
    let mut h = c.harness();
    let old = c.deck_file("v1", "shared", "Old edition", 1);
    let new = c.deck_file("v2", "shared", "New edition", 2);
    crate::common::ui::import_file(&mut h, &new, true);
    crate::common::ui::import_file(&mut h, &old, false);
    h.get_by_label_contains("A newer version (2) of this deck is in class decks");
    h.get_by_label("Study New edition");
    assert!(h.query_by_label("Study Old edition").is_none());
    h.get_by_label_contains("Using the newest, version 2 from class decks");
    h.get_by_label_contains("also in: your decks (version 1).");
    h.get_by_label("OK").click();
    h.run();
    // Removing the class copy removes it for everyone; the older own copy returns.
    h.get_by_label("Remove New edition").click();
    h.run();
    h.get_by_label("Remove this deck for everyone on this PC? Progress is kept.");
    h.get_by_label("Yes, remove").click();
    // The library is read again in the background.
    settle(&mut h);
    h.get_by_label("Study Old edition");
}

#[test]
fn without_a_class_folder_the_dialog_does_not_offer_everyone() {
    let dir = tempfile::tempdir().unwrap();
    let app = QuizApp::new(
        &dir.path().join("data"),
        Box::new(t0),
        FixedOffset::east_opt(0).unwrap(),
    );
    let mut h = harness_of(app);
    crate::common::ui::open_in_picker(&mut h, dir.path());
    assert!(h.query_by_label("Everyone on this PC").is_none());
    crate::common::ui::import_file(&mut h, &dir.path().join("x.ron"), true);
    h.get_by_label_contains("There is no class deck folder");
}

#[test]
fn a_dropped_package_imports_its_deck_and_a_hostile_one_is_refused() {
    let c = Classroom::new();
    let mut h = c.harness();
    let deck = c.deck_file("teacher", "packed", "Packed deck", 1);
    let package = c.path().join("packed.qdeck");
    quizdeck::package::pack(&deck, &package).unwrap();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(package)));
    h.run();
    // Dropped files ask for whom, as the import dialog does.
    assert!(h.query_by_label("Study Packed deck").is_none());
    h.get_by_label("Me").click();
    settle(&mut h);
    h.get_by_label("Study Packed deck");
    let hostile = c.path().join("hostile.qdeck");
    std::fs::write(&hostile, "not a zip").unwrap();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(hostile)));
    h.run();
    h.get_by_label("Me").click();
    settle(&mut h);
    h.get_by_label("The deck was not imported:");
    h.get_by_label_contains("hostile.qdeck was refused: it is not a readable .qdeck package");
}

#[test]
fn a_dropped_deck_asks_for_whom_and_for_everyone_reaches_every_profile() {
    let c = Classroom::new();
    let mut h = c.harness();
    let deck = c.deck_file("teacher", "dropped", "Dropped deck", 1);
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(deck.clone())));
    h.run();
    h.get_by_label_contains("Import dropped.ron?");
    // Escape forgets the drop: nothing is imported.
    h.key_press(egui::Key::Escape);
    h.run();
    assert!(h.query_by_label_contains("Import dropped.ron?").is_none());
    assert!(h.query_by_label("Study Dropped deck").is_none());
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(deck)));
    h.run();
    h.get_by_label("Everyone on this PC").click();
    settle(&mut h);
    h.get_by_label("Study Dropped deck");
    assert!(c.class_dir().join("dropped").join("dropped.ron").exists());
    create_profile(&mut h, "Second");
    h.get_by_label("Study Dropped deck");
}

#[test]
fn a_dropped_anki_package_imports_with_its_picture_and_review_log() {
    let c = Classroom::new();
    // The fixture's answers were given when it was made: the clock is after them.
    let app = QuizApp::with_class_decks(
        &c.path().join("data"),
        vec![ClassDir {
            path: c.class_dir(),
            source: ClassDirSource::Argument,
        }],
        Box::new(|| "2030-01-01T09:00:00Z".parse().unwrap()),
        FixedOffset::east_opt(0).unwrap(),
    );
    let mut h = harness_of(app);
    let apkg = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/anki/basic-latest.apkg");
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(Dropped(apkg)));
    h.run();
    h.get_by_label("Me").click();
    settle(&mut h);
    h.get_by_label("Study Baltic history");
    h.get_by_label_contains("from Anki (6 cards, 1 picture)");
    h.get_by_label_contains("Answers of its review log kept as your progress: 3");
    h.get_by_label_contains("1 sounds dropped");
    let folder = c.path().join("data/profiles/student/decks/baltic-history");
    assert!(
        folder.join("media/riga.png").exists(),
        "the picture is copied"
    );
}
