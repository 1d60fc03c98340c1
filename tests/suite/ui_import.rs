//! The import dialog driven headless through egui_kittest: a spreadsheet imported through
//! the column-mapping preview (row problems by row, ids kept on a second import), Quizlet
//! text pasted with its separators, and imports running off the interface thread.

use super::ui::{Fixture, settle};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::{NodeT, Queryable};
use quizdeck::deck::{CardKind, Deck};
use quizdeck::ui::import::Msg;
use quizdeck::ui::{Action, QuizApp};
use std::path::{Path, PathBuf};

/// The deck file `<id>.ron` somewhere under `dir` (the profile's decks folder).
fn find_deck(dir: &Path, id: &str) -> Option<PathBuf> {
    for e in std::fs::read_dir(dir).ok()?.flatten() {
        let p = e.path();
        if p.is_dir() {
            if let Some(f) = find_deck(&p, id) {
                return Some(f);
            }
        } else if p
            .file_name()
            .is_some_and(|n| n == format!("{id}.ron").as_str())
        {
            return Some(p);
        }
    }
    None
}

fn imported(f: &Fixture, id: &str) -> Deck {
    let file = find_deck(f.data(), id).unwrap_or_else(|| panic!("no deck {id} was written"));
    quizdeck::deck::load_file(&file).unwrap()
}

/// Opens the import picker on `folder` and picks `file` (the dialog reads it).
fn pick(h: &mut Harness<'static, QuizApp>, folder: &Path, file: &str) {
    h.get_by_label("Import deck…").click();
    h.run();
    crate::common::ui::open_in_picker(h, folder);
    h.get_by_label(file).click();
    settle(h);
}

/// Chooses `field` in the mapping menu of column `column` (from 0).
fn map_column(h: &mut Harness<'static, QuizApp>, column: usize, field: &str) {
    h.get_all_by_role(Role::ComboBox)
        .nth(column)
        .expect("a mapping menu per column")
        .click();
    h.run();
    h.get_by_label(field).click();
    h.run();
}

const SHEET: &str = "Frage;Antwort;Falsch 1;Falsch 2;Thema\n\
Capital of Latvia?;Riga;Tartu;Kaunas;geo\n\
Year of the Baltic Way?;1989;1991;1940;dates\n\
Capital of Estonia?;Tallinn;Narva;Vilnius;geo\n";

/// Writes [`SHEET`] as `sheets/baltic-quiz.csv` and picks it in the import dialog;
/// returns its folder.
fn pick_sheet(f: &Fixture, h: &mut Harness<'static, QuizApp>) -> PathBuf {
    let folder = f.data().join("sheets");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("baltic-quiz.csv"), SHEET).unwrap();
    pick(h, &folder, "baltic-quiz.csv");
    folder
}

#[test]
fn a_spreadsheet_imports_through_the_column_mapping_preview() {
    let f = Fixture::new();
    let mut h = f.harness();
    let folder = pick_sheet(&f, &mut h);
    // The preview: the first rows, one menu per column, guessed as question and answer
    // (the header names nothing quizdeck knows, so it is taken for a card).
    h.get_by_label("Import cards");
    h.get_by_label("From baltic-quiz.csv");
    h.get_by_label("Year of the Baltic Way?");
    assert_eq!(h.get_all_by_role(Role::ComboBox).count(), 5);
    h.get_by_label("The first row names the columns (it is not a card)")
        .click();
    h.run();
    // Two answer columns: said at once, and Import waits for a choice.
    map_column(&mut h, 2, "Answer");
    h.get_by_label_contains("Two columns are set to Answer: keep one");
    assert!(h.get_by_label("Import").accesskit_node().is_disabled());
    map_column(&mut h, 2, "Wrong option");
    assert!(
        h.query_by_label_contains("Two columns are set to")
            .is_none()
    );
    map_column(&mut h, 3, "Wrong option");
    // Escape closes an open column menu, not the dialog.
    h.get_all_by_role(Role::ComboBox).nth(4).unwrap().click();
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Import cards");
    map_column(&mut h, 4, "Tags");
    h.get_by_label("Import").click();
    settle(&mut h);
    assert!(
        h.query_by_label("Import cards").is_none(),
        "the dialog closes"
    );
    h.get_by_label_contains("Imported \"baltic-quiz\" (3 cards)");
    let deck = imported(&f, "baltic-quiz");
    assert_eq!(deck.cards.len(), 3);
    let riga = &deck.cards[0];
    assert_eq!(*riga.tags, ["geo"]);
    match &riga.kind {
        CardKind::MultipleChoice {
            answer,
            distractors,
            ..
        } => {
            assert_eq!(answer, "Riga");
            assert_eq!(**distractors, ["Tartu", "Kaunas"]);
        }
        k => panic!("{k:?}"),
    }

    // Again, reordered, with a broken row: the problem is listed by row, nothing written
    // until the teacher chooses to leave it out; the ids of the other cards are kept.
    let ids = |d: &Deck| {
        d.cards
            .iter()
            .map(|c| (c.kind.prompt_text(), c.id.to_string()))
            .collect::<std::collections::BTreeMap<_, _>>()
    };
    let before = ids(&deck);
    std::fs::write(
        folder.join("baltic-quiz.csv"),
        "Frage;Antwort;Falsch 1;Falsch 2;Thema\n\
         Capital of Estonia?;Tallinn;Narva;Vilnius;geo\n\
         Which treaty?;;;;\n\
         Capital of Latvia?;Riga;Tartu;Kaunas;geo\n",
    )
    .unwrap();
    pick(&mut h, &folder, "baltic-quiz.csv");
    h.get_by_label("The first row names the columns (it is not a card)")
        .click();
    h.run();
    map_column(&mut h, 2, "Wrong option");
    map_column(&mut h, 3, "Wrong option");
    map_column(&mut h, 4, "Tags");
    h.get_by_label("Import").click();
    settle(&mut h);
    h.get_by_label_contains("1 problem; nothing was imported");
    h.get_by_label_contains("Row 3: ");
    assert_eq!(
        imported(&f, "baltic-quiz").cards.len(),
        3,
        "nothing written"
    );
    h.get_by_label("Import the other rows").click();
    settle(&mut h);
    h.get_by_label_contains("Imported \"baltic-quiz\" (2 cards)");
    h.get_by_label_contains("Card ids kept from the earlier import (progress kept): 2.");
    h.get_by_label_contains("Rows left out because of problems: 1.");
    let after = ids(&imported(&f, "baltic-quiz"));
    for (prompt, id) in &after {
        assert_eq!(before.get(prompt), Some(id), "{prompt} keeps its id");
    }
}

#[test]
fn the_mapping_dialog_works_from_the_keyboard_and_fits_at_200_percent() {
    let f = Fixture::new();
    let mut h = f.harness_sized(egui::vec2(1024.0, 768.0));
    let mut settings = h.state().settings();
    settings.font_scale_pct = 200;
    h.state_mut()
        .apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
            Box::new(settings),
        )));
    settle(&mut h);
    let folder = f.data().join("sheets");
    std::fs::create_dir_all(&folder).unwrap();
    let mut sheet = String::from("question,answer,note\n");
    for i in 0..40 {
        sheet.push_str(&format!(
            "A rather long question number {i} about the occupation years?,Answer {i},A note that runs on and on {i}\n"
        ));
    }
    std::fs::write(folder.join("long.csv"), sheet).unwrap();
    h.state_mut().apply(Action::Import(Msg::File {
        path: folder.join("long.csv"),
        everyone: false,
    }));
    settle(&mut h);
    // The header named the fields: guessed, and the first row is not a card.
    h.get_by_label_contains("A rather long question number 0");
    let window = egui::Rect::from_min_size(egui::Pos2::ZERO, egui::vec2(1024.0, 768.0));
    for key in ["Import", "Cancel"] {
        let r = h.get_by_label(key).rect();
        assert!(window.contains_rect(r), "{key} at {r:?} leaves the window");
    }
    // A column's menu from the keyboard: Tab reaches it, the arrows step through the
    // fields. The note column becomes tags.
    h.get_all_by_role(Role::ComboBox).nth(2).unwrap().focus();
    h.run();
    let position = |f| {
        quizdeck::import_export::mapping::Field::ALL
            .iter()
            .position(|x| *x == f)
            .unwrap()
    };
    let (tags, note) = (
        position(quizdeck::import_export::mapping::Field::Tags),
        position(quizdeck::import_export::mapping::Field::Note),
    );
    for _ in 0..note.abs_diff(tags) {
        h.key_press(if tags < note {
            Key::ArrowUp
        } else {
            Key::ArrowDown
        });
        h.run();
    }
    // Enter on the import button imports.
    h.get_by_label("Import").focus();
    h.run();
    h.key_press(Key::Enter);
    settle(&mut h);
    h.get_by_label_contains("Imported \"long\" (40 cards)");
    let long = imported(&f, "long");
    assert_eq!(long.cards[0].note, "", "the note column was mapped to tags");
    assert!(!long.cards[0].tags.is_empty(), "{:?}", long.cards[0]);
}

#[test]
fn the_paste_dialog_opened_from_the_keyboard_takes_what_is_typed() {
    let f = Fixture::new();
    let mut h = f.harness();
    // Opened with the keyboard, the button keeps the focus behind the dialog: the text
    // field must still get what is typed next, with no click.
    h.get_by_label("Paste cards…").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.get_by_label("Import cards");
    h.event(egui::Event::Text("Riga, capital of Latvia".into()));
    h.run();
    let field = h.get_by_label("Pasted text");
    assert!(
        field.is_focused(),
        "the text field does not have the keyboard"
    );
    assert_eq!(field.value().as_deref(), Some("Riga, capital of Latvia"));
}

#[test]
fn a_closed_dialog_gives_the_keyboard_back_to_the_button_that_opened_it() {
    let f = Fixture::new();
    let mut h = f.harness();
    // The paste dialog, from the keyboard alone.
    h.get_by_label("Paste cards…").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.event(egui::Event::Text("Riga, capital of Latvia".into()));
    h.run();
    h.key_press(Key::Escape);
    h.run();
    h.run();
    assert!(h.query_by_label("Import cards").is_none());
    assert!(
        h.get_by_label("Paste cards…").is_focused(),
        "the focus is lost when the paste dialog closes"
    );
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(
        h.get_by_label("Pasted text").value().as_deref(),
        Some("Riga, capital of Latvia")
    );
    h.key_press(Key::Escape);
    h.run();
    h.run();
    // The file picker.
    h.get_by_label("Import deck…").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert!(
        h.query_by_label("Parent folder").is_some(),
        "Enter opens the picker"
    );
    // The keyboard is in the picker: its path field takes what is typed.
    assert!(
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path:")
            .is_focused(),
        "the path field has the focus"
    );
    // The folder's path in it is selected: a path typed replaces it (it was added to it,
    // "/home/student/home/student/deck.ron").
    let shown = (h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path:"))
        .value()
        .unwrap_or_default();
    assert!(!shown.is_empty(), "the picker shows its folder");
    h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path:")
        .type_text("/typed/deck.ron");
    h.run();
    assert_eq!(
        h.get_by_role_and_label(egui::accesskit::Role::TextInput, "Path:")
            .value()
            .as_deref(),
        Some("/typed/deck.ron")
    );
    h.key_press(Key::Escape);
    h.run();
    h.run();
    assert!(h.query_by_label("Parent folder").is_none());
    assert!(
        h.get_by_label("Import deck…").is_focused(),
        "the focus is lost when the picker closes"
    );
}

#[test]
fn pasted_text_closed_by_a_slip_of_escape_is_there_when_the_dialog_opens_again() {
    let f = Fixture::new();
    let mut h = f.harness();
    let text = "Riga, capital of Latvia\nTallinn, capital of Estonia";
    h.get_by_label("Paste cards…").click();
    h.run();
    h.get_by_label("Pasted text").focus();
    h.run();
    h.get_by_label("Pasted text").type_text(text);
    h.run();
    h.key_press(Key::Escape);
    h.run();
    assert!(
        h.query_by_label("Import cards").is_none(),
        "Escape closes the dialog"
    );
    h.get_by_label("Paste cards…").click();
    h.run();
    assert_eq!(h.get_by_label("Pasted text").value().as_deref(), Some(text));
    // Another student's profile never sees it.
    h.key_press(Key::Escape);
    h.run();
    h.state_mut()
        .apply(Action::Profiles(quizdeck::ui::profiles::Msg::Create(
            "Ieva".into(),
        )));
    h.run();
    h.get_by_label("Paste cards…").click();
    h.run();
    assert_eq!(h.get_by_label("Pasted text").value().as_deref(), Some(""));
}

#[test]
fn quizlet_text_is_pasted_with_its_separators() {
    let f = Fixture::new();
    let mut h = f.harness();
    h.get_by_label("Paste cards…").click();
    h.run();
    h.get_by_label("Import cards");
    h.get_by_label("Pasted text").focus();
    h.run();
    // Quizlet's export with custom separators: " - " between term and definition, cards
    // separated by ";".
    h.get_by_label("Pasted text")
        .type_text("Riga - capital of Latvia;Tallinn - capital of Estonia;Vilnius");
    h.run();
    h.get_all_by_label("Custom").next().unwrap().click();
    h.run();
    h.get_all_by_role(Role::TextInput).last().unwrap().focus();
    h.run();
    h.get_all_by_role(Role::TextInput)
        .last()
        .unwrap()
        .type_text(" - ");
    h.run();
    // (the custom field of the term separator is the only one-line text field besides
    // the title; the preview follows the choice at once)
    h.get_by_label("capital of Estonia");
    h.get_by_label_contains("Card 3: no separator");
    h.get_by_label("Import").click();
    settle(&mut h);
    h.get_by_label_contains("Card 3: no separator");
    h.get_by_label("Import the other rows").click();
    settle(&mut h);
    h.get_by_label_contains("Imported \"Pasted cards\" (2 cards)");
    let deck = imported(&f, "pasted-cards");
    assert!(matches!(
        &deck.cards[1].kind,
        CardKind::Basic { front, back, .. } if front == "Tallinn" && back == "capital of Estonia"
    ));
}

#[test]
fn a_deck_is_checked_and_copied_off_the_interface_thread() {
    let f = Fixture::new();
    let mut h = f.harness();
    let file = f.data().join("big-deck.ron");
    let mut text =
        String::from("Deck(format: 1, id: \"big-deck\", title: \"Big deck\", cards: [\n");
    // 5,000 cards (about 400 KB): checking and copying them is work for the background.
    for i in 0..5000 {
        text.push_str(&format!(
            "Card(id: \"c{i}\", kind: Basic(front: \"Question {i}\", back: \"Answer {i}\")),\n"
        ));
    }
    text.push_str("])\n");
    std::fs::write(&file, text).unwrap();
    let (release, gate) = std::sync::mpsc::channel();
    h.state_mut().hold_next_import(gate);
    h.state_mut().apply(Action::Import(Msg::File {
        path: file,
        everyone: false,
    }));
    // Frames go on while the deck is checked: the progress shows at every one of them,
    // the window answers.
    for _ in 0..3 {
        h.step();
    }
    for _ in 0..10 {
        h.step();
        assert!(h.state().background_running());
        h.get_by_label("Importing big-deck.ron…");
    }
    h.get_by_label("Importing");
    h.get_by_label("Settings…").click();
    h.step();
    h.step();
    assert_eq!(h.state().screen_name(), "settings", "the window answers");
    release.send(()).unwrap();
    settle(&mut h);
    assert!(!h.state().background_running());
    assert!(h.query_by_label("Importing big-deck.ron…").is_none());
    h.get_by_label_contains("Imported \"Big deck\" (5,000 cards)");
    assert_eq!(h.state().screen_name(), "library");
}

#[test]
fn a_picture_column_brings_the_pictures_beside_the_spreadsheet() {
    let f = Fixture::new();
    let mut h = f.harness();
    let folder = f.data().join("sheets");
    std::fs::create_dir_all(folder.join("pics")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("assets/icon.png"),
        folder.join("pics/riga.png"),
    )
    .unwrap();
    std::fs::write(
        folder.join("cities.csv"),
        "question,answer,image\nWhich city is this?,Riga,pics/riga.png\n",
    )
    .unwrap();
    h.state_mut().apply(Action::Import(Msg::File {
        path: folder.join("cities.csv"),
        everyone: false,
    }));
    settle(&mut h);
    h.get_by_label("Import").click();
    settle(&mut h);
    h.get_by_label_contains("Imported \"cities\" (1 card)");
    let file = find_deck(&f.data().join("data"), "cities").unwrap();
    let deck = quizdeck::deck::load_file(&file).unwrap();
    assert_eq!(deck.cards[0].image.as_deref(), Some("pics/riga.png"));
    assert!(file.parent().unwrap().join("pics/riga.png").is_file());
    // Nothing is left beside the spreadsheet.
    let left: Vec<_> = std::fs::read_dir(&folder)
        .unwrap()
        .flatten()
        .map(|e| e.file_name())
        .collect();
    assert_eq!(left.len(), 2, "{left:?}");
}

#[test]
fn an_oversized_or_undecodable_spreadsheet_is_refused_with_the_reason() {
    let f = Fixture::new();
    let mut h = f.harness();
    let folder = f.data().join("sheets");
    std::fs::create_dir_all(&folder).unwrap();
    // 17 MiB (sparse: nothing is written): refused by its size before it is read.
    std::fs::File::create(folder.join("huge.csv"))
        .unwrap()
        .set_len(17 * 1024 * 1024)
        .unwrap();
    h.state_mut().apply(Action::Import(Msg::File {
        path: folder.join("huge.csv"),
        everyone: false,
    }));
    settle(&mut h);
    h.get_by_label_contains("spreadsheets are limited to 16 MiB");
    assert!(h.get_by_label("Import").accesskit_node().is_disabled());
    h.key_press(Key::Escape);
    settle(&mut h);
    assert!(h.query_by_label("Import cards").is_none());
    // Windows-1252 text: named, not imported as garbage.
    std::fs::write(
        folder.join("legacy.csv"),
        b"question,answer\nV\xf5ru,Estonia\n",
    )
    .unwrap();
    h.state_mut().apply(Action::Import(Msg::File {
        path: folder.join("legacy.csv"),
        everyone: false,
    }));
    settle(&mut h);
    h.get_by_label_contains("not UTF-8 text");
}

/// Draws frames (background work going on meanwhile) until `label` is shown, for at most
/// two seconds; fails if it is not.
fn step_until_shown(h: &mut Harness<'static, QuizApp>, label: &str) {
    for _ in 0..200 {
        h.step();
        if h.query_by_label(label).is_some() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(10));
    }
    h.get_by_label(label);
}

/// Writes a deck of one Basic card asking `front`, with these fields (`head`) before its
/// cards.
fn one_card_deck(path: &Path, head: &str, front: &str) {
    std::fs::write(
        path,
        format!(
            "Deck(format: 1, {head}, cards: [Card(id: \"a\", kind: Basic(front: \"{front}\", back: \"x\"))])"
        ),
    )
    .unwrap();
}

#[test]
fn after_an_import_the_library_is_read_again_off_the_interface_thread() {
    let f = Fixture::new();
    let mut h = f.harness();
    let file = f.data().join("again.ron");
    one_card_deck(
        &file,
        r#"id: "again", title: "Read again""#,
        "Capital of Latvia?",
    );
    let bundled = "Study Elections and annexation, 1940";
    h.get_by_label(bundled);

    // From the library: the old library is let go while the new one is read; the screen
    // waits with a spinner and takes no action meanwhile.
    h.state_mut().apply(Action::Import(Msg::File {
        path: file.clone(),
        everyone: false,
    }));
    let (release, gate) = std::sync::mpsc::channel();
    h.state_mut().hold_next_import(gate);
    step_until_shown(&mut h, "Reading the decks…");
    h.get_by_label("Importing again.ron…");
    assert!(
        h.query_by_label_contains("You can keep working").is_none(),
        "nothing else can be done for that moment"
    );
    assert!(h.query_by_label(bundled).is_none());
    assert!(h.state().background_running());
    h.state_mut().apply(Action::OpenSettings);
    assert_eq!(
        h.state().screen_name(),
        "library",
        "no action while it reads"
    );
    release.send(()).unwrap();
    settle(&mut h);
    assert!(h.query_by_label("Reading the decks…").is_none());
    h.get_by_label("Study Read again");
    h.get_by_label(bundled);
    h.get_by_label_contains("Imported \"Read again\" (1 card");

    // From another screen (studying while the import runs): the old library stays in
    // use until the new one is in.
    one_card_deck(
        &file,
        r#"id: "again", version: 2, title: "Second edition""#,
        "Capital of Latvia?",
    );
    h.state_mut().apply(Action::OpenSettings);
    settle(&mut h);
    h.state_mut().apply(Action::Import(Msg::File {
        path: file,
        everyone: false,
    }));
    let (release, gate) = std::sync::mpsc::channel();
    h.state_mut().hold_next_import(gate);
    for _ in 0..50 {
        h.step();
        std::thread::sleep(std::time::Duration::from_millis(20));
    }
    h.state_mut().apply(Action::BackToLibrary);
    h.step();
    h.step();
    h.get_by_label("Study Read again");
    h.get_by_label(bundled);
    assert!(h.query_by_label("Study Second edition").is_none(), "held");
    release.send(()).unwrap();
    settle(&mut h);
    h.get_by_label("Study Second edition");
    assert!(h.query_by_label("Study Read again").is_none());

    // Removing a deck: the screen waits with a spinner (not an empty library), keeps
    // taking dropped files, and shows the library once read.
    h.get_by_label("Remove Second edition").click();
    h.run();
    let (release, gate) = std::sync::mpsc::channel();
    h.state_mut().hold_next_import(gate);
    h.get_by_label("Yes, remove").click();
    h.step();
    h.step();
    h.get_by_label("Reading the decks…");
    assert!(h.query_by_label(bundled).is_none());
    assert!(h.query_by_label_contains("All done").is_none());
    // (The removal's reading is held once it has read the decks: let it read them.)
    std::thread::sleep(std::time::Duration::from_millis(1500));
    let dropped = f.data().join("dropped.ron");
    one_card_deck(
        &dropped,
        r#"id: "dropped", title: "Dropped meanwhile""#,
        "Capital of Estonia?",
    );
    h.state_mut().apply(Action::Import(Msg::File {
        path: dropped,
        everyone: false,
    }));
    // The dropped deck's import reads the library again after the removal's reading,
    // which is still held: the later reading is taken in, and the earlier one, made
    // before the deck was copied, must not put back a library without it.
    step_until_shown(&mut h, "Study Dropped meanwhile");
    release.send(()).unwrap();
    settle(&mut h);
    h.get_by_label(bundled);
    assert!(h.query_by_label("Study Second edition").is_none());
    h.get_by_label("Study Dropped meanwhile");
}

#[test]
fn tab_stays_in_the_import_dialog_and_the_window_behind_takes_no_keys() {
    let f = Fixture::new();
    let mut h = f.harness();
    pick_sheet(&f, &mut h);
    h.get_by_label("Import cards");
    h.get_by_label("The first row names the columns (it is not a card)")
        .focus();
    h.run();
    // Round and round the dialog: never a widget of the window behind it.
    for _ in 0..30 {
        h.key_press(Key::Tab);
        h.run();
        for behind in [
            "Practice test…",
            "Match game…",
            "Take an exam…",
            "Settings…",
        ] {
            assert!(
                !h.get_by_label(behind).is_focused(),
                "Tab reached {behind:?} behind the dialog"
            );
        }
    }
    // Space acts in the dialog (here, wherever the focus is), never on the screen behind.
    h.key_press(Key::Space);
    h.run();
    assert_eq!(h.state().screen_name(), "library");
}
