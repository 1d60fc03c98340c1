//! Helpers shared by the interface tests (`tests/suite/ui*.rs`): the fixed clock, a
//! temporary data folder with the app on it, keys and settling, importing a file, opening a
//! folder in the file picker.

use chrono::{DateTime, FixedOffset, Utc};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use quizdeck::ui::{Action, QuizApp};
use std::cell::Cell;
use std::path::{Path, PathBuf};
use std::rc::Rc;

pub fn t0() -> DateTime<Utc> {
    "2026-03-02T09:00:00Z".parse().unwrap()
}

/// A temporary data folder and a clock the test moves (shared with `ui_library`).
pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub clock: Rc<Cell<DateTime<Utc>>>,
}

impl Fixture {
    pub fn new() -> Fixture {
        Fixture {
            dir: tempfile::tempdir().unwrap(),
            clock: Rc::new(Cell::new(t0())),
        }
    }

    pub fn data(&self) -> &Path {
        self.dir.path()
    }

    /// The app on the fixture's data folder; on the very first start the student skips the
    /// name question (see `the_first_start_asks_for_a_name`).
    pub fn app(&self) -> QuizApp {
        let c = self.clock.clone();
        let mut app = QuizApp::new(
            &self.data().join("data"),
            Box::new(move || c.get()),
            FixedOffset::east_opt(0).unwrap(),
        );
        if app.first_start() {
            app.apply(Action::Profiles(quizdeck::ui::profiles::Msg::Create(
                "Student".into(),
            )));
        }
        app
    }

    pub fn harness(&self) -> Harness<'static, QuizApp> {
        self.harness_sized(egui::vec2(1100.0, 800.0))
    }

    /// The app in a window of this size (points).
    pub fn harness_sized(&self, size: egui::Vec2) -> Harness<'static, QuizApp> {
        let mut h = Harness::builder()
            .with_size(size)
            .build_ui_state(|ui, app: &mut QuizApp| app.ui(ui), self.app());
        // The profile's history (for the streak) is read in the background from the
        // start: let it end, so that no test depends on how fast that is.
        h.state_mut().wait_for_background();
        h.run();
        h
    }

    /// Writes a one-deck file with these cards and imports it into the open profile.
    pub fn import(&self, h: &mut Harness<'static, QuizApp>, id: &str, cards: &str) -> PathBuf {
        let path = self.data().join(format!("{id}.ron"));
        std::fs::write(
            &path,
            format!("Deck(format: 1, id: \"{id}\", title: \"Test {id}\", cards: [{cards}])"),
        )
        .unwrap();
        import_file(h, &path, false);
        path
    }
}

pub fn study(h: &mut Harness<'static, QuizApp>, title: &str) {
    h.get_by_label(&format!("Study {title}")).click();
    settle(h);
    assert_eq!(h.state().screen_name(), "study");
}

/// Opens the practice test screen and starts a test of `count` questions of the forms
/// `kinds` from `decks`, with `seed` (the frame after it not yet run).
pub fn start_practice(
    h: &mut Harness<'static, QuizApp>,
    decks: Vec<quizdeck::ids::DeckId>,
    count: usize,
    kinds: Vec<quizdeck::quiz::QuestionKind>,
    seed: u64,
) {
    h.state_mut().apply(Action::OpenPractice);
    h.state_mut()
        .apply(Action::Practice(quizdeck::ui::practice::Msg::Start {
            decks,
            options: quizdeck::quiz::TestOptions {
                question_count: count,
                kinds,
            },
            seed: Some(seed),
        }));
}

pub fn key(h: &mut Harness<'static, QuizApp>, k: Key) {
    h.key_press(k);
    settle(h);
}

/// Runs the frame that handles the last input, waits for the work it started in the
/// background (the history's figures, a card's picture), then lets the window settle.
pub fn settle(h: &mut Harness<'static, QuizApp>) {
    h.step();
    h.state_mut().wait_for_background();
    h.run();
}

/// Imports the deck, package or spreadsheet file `path` as dropped on the window (for the
/// open profile, or for everyone on this PC), then lets the import end.
pub fn import_file(h: &mut Harness<'static, QuizApp>, path: &Path, everyone: bool) {
    h.state_mut()
        .apply(Action::Import(quizdeck::ui::import::Msg::File {
            path: path.to_path_buf(),
            everyone,
        }));
    h.state_mut().wait_for_background();
    h.run();
}

/// Shows the folder `folder` in the open file picker.
pub fn open_in_picker(h: &mut Harness<'static, QuizApp>, folder: &Path) {
    h.state_mut()
        .apply(Action::Picker(quizdeck::ui::file_picker::Msg::Open(
            folder.to_path_buf(),
        )));
    h.run();
}

/// What the text field named `label` holds.
pub fn field(h: &Harness<'static, QuizApp>, label: &str) -> String {
    h.get_by_role_and_label(Role::TextInput, label)
        .value()
        .unwrap_or_default()
}

/// Types `text` into the text field named `label` (focused first).
pub fn type_in_field(h: &mut Harness<'static, QuizApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    h.run();
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    h.run();
}

/// Asks to close the window (the title bar's close button; the frame that handles it is
/// the caller's to run).
pub fn close_window(h: &mut Harness<'static, QuizApp>) {
    h.input_mut()
        .viewports
        .entry(egui::ViewportId::ROOT)
        .or_default()
        .events
        .push(egui::ViewportEvent::Close);
}
