//! The deck editor driven headless through egui_kittest: a bundled deck copied, a card
//! edited from the keyboard, its problem shown and undone, saved, reopened; unsaved edits
//! guarded when leaving; a new deck with every card kind written, saved and studied.

use super::ui_locate::click_at;
use crate::common::ui::t0;
use chrono::FixedOffset;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use quizdeck::deck::raw::{RawKind, RawRegion};
use quizdeck::ui::{Action, QuizApp};
use std::path::{Path, PathBuf};

fn harness(data: &Path) -> Harness<'static, QuizApp> {
    harness_sized(data, egui::vec2(1280.0, 800.0))
}

/// The app in a window of `size` points.
fn harness_sized(data: &Path, size: egui::Vec2) -> Harness<'static, QuizApp> {
    let mut app = QuizApp::new(data, Box::new(t0), FixedOffset::east_opt(0).unwrap());
    if app.first_start() {
        app.apply(Action::Profiles(quizdeck::ui::profiles::Msg::Create(
            "Teacher".into(),
        )));
    }
    let mut h = Harness::builder()
        .with_size(size)
        .build_ui_state(|ui, app: &mut QuizApp| app.ui(ui), app);
    h.run();
    h
}

/// The app on a fresh data folder with a new deck open in the editor.
fn new_deck(data: &Path) -> Harness<'static, QuizApp> {
    new_deck_sized(data, egui::vec2(1280.0, 800.0))
}

/// [`new_deck`] in a window of `size` points.
fn new_deck_sized(data: &Path, size: egui::Vec2) -> Harness<'static, QuizApp> {
    let mut h = harness_sized(data, size);
    h.get_by_label("Deck editor…").click();
    h.run();
    h.get_by_label("New deck…").click();
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

    // Preview as a student: the study screen's card; Esc comes back, nothing recorded.
    let RawKind::MultipleChoice { question, .. } = &first.kind else {
        panic!()
    };
    h.get_by_label("Preview as a student").click();
    h.run();
    h.get_by_label(question);
    h.get_by_label_contains(&answer);
    assert!(h.query_by_label("Right answer").is_none());
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Right answer");
    assert_eq!(h.state().screen_name(), "editor");

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
    h.get_by_label_contains("1 error,");

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
    // The library is read again in the background; the editor's list takes it when in.
    crate::common::ui::settle(&mut h);
    // A copy keeps the original's edition; saving an edit of a saved deck raises it.
    let edition = editing(&h).editor.meta().version;
    assert_eq!(Some(edition), editing(&h).editor.saved_version());
    h.get_by_label_contains(&format!("Saved edition {edition} to "));
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
    assert_eq!(changed.len(), 3, "{changed:?}");
    assert!(changed[0].0.contains("pact-and-bases-1939-copy"));
    assert!(changed[1].0.contains(&format!("{PACT} (copy)")));
    assert!(changed[2].0.contains("Checked again."));

    // The copy is in the library now; back to the list and open it again.
    h.get_by_label("← Decks").click();
    h.run();
    h.get_by_label(&format!("Edit {PACT} (copy)")).click();
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
    h.get_by_label_contains(&format!("Saved edition {} to ", edition + 1));
    let again = quizdeck::deck::check_file(&path);
    assert!(!again.has_errors(), "{}", again.render());
    assert_eq!(again.deck.unwrap().version, edition + 1);
    let decks: Vec<PathBuf> = ron_files(dir.path())
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("pact-and-bases"))
        .collect();
    assert_eq!(decks, vec![path]);
}

#[test]
fn leaving_with_unsaved_edits_asks_first() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = new_deck(dir.path());
    assert!(editing(&h).editor.is_dirty(), "a new deck is unsaved");
    h.get_by_label("Study").click();
    h.run();
    assert_eq!(h.state().screen_name(), "editor");
    h.get_by_label("Save your changes?");
    h.get_by_label("Keep editing").click();
    h.run();
    assert_eq!(h.state().screen_name(), "editor");
    assert!(h.query_by_label("Save your changes?").is_none());
    // Closing the window asks too.
    crate::common::ui::close_window(&mut h);
    h.run();
    h.get_by_label("Save your changes?");
    h.get_by_label("Keep editing").click();
    h.run();
    assert!(h.query_by_label("Save your changes?").is_none());
    assert!(editing(&h).editor.is_dirty());
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

/// Focuses the field labelled `label` and types `text` into it.
fn type_into(h: &mut Harness<'static, QuizApp>, label: &str, text: &str) {
    h.get_by_label(label).focus();
    h.run();
    h.get_by_label(label).type_text(text);
    h.run();
}

/// Copies the project's file `source` to `to`, then into the deck with "Copy picture".
fn copy_picture(h: &mut Harness<'static, QuizApp>, source: &str, to: &Path) {
    std::fs::copy(Path::new(env!("CARGO_MANIFEST_DIR")).join(source), to).unwrap();
    type_into(
        h,
        "Copy a picture into the deck from",
        &to.display().to_string(),
    );
    h.get_by_label("Copy picture").click();
    h.run();
}

/// Adds a card of the kind named `kind` (as the editor names it) after the current one.
fn add_card(h: &mut Harness<'static, QuizApp>, kind: &str) {
    h.get_by_label("New card:").click();
    h.run();
    h.get_all_by_label(kind).last().unwrap().click();
    h.run();
    h.get_by_label("Add card").click();
    h.run();
}

#[test]
fn a_new_deck_with_every_card_kind_is_written_saved_and_studied() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = new_deck(dir.path());
    // The deck's details.
    h.get_by_label("Deck details").click();
    h.run();
    h.get_by_label("Title").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Title")
        .type_text("Capitals of the Baltic states");
    h.run();
    h.get_by_label("Back to the cards").click();
    h.run();
    // Basic (the new deck's first card).
    type_into(&mut h, "Front", "Capital of Latvia");
    type_into(&mut h, "Back", "Riga");
    add_card(&mut h, "Fill the gaps (cloze)");
    type_into(
        &mut h,
        "Text with gaps",
        "The capital of Estonia is {{c1::Tallinn}}.",
    );
    add_card(&mut h, "Type the answer");
    type_into(&mut h, "Question", "What is the capital of Lithuania?");
    type_into(
        &mut h,
        "Accepted answers (one a line; the first is shown)",
        "Vilnius",
    );
    add_card(&mut h, "Multiple choice");
    type_into(&mut h, "Question", "Which city is the capital of Estonia?");
    type_into(&mut h, "Right answer", "Tallinn");
    type_into(&mut h, "Wrong options (one a line)", "Tartu");
    h.key_press(Key::Enter);
    h.get_by_label("Wrong options (one a line)")
        .type_text("Pärnu");
    h.run();
    add_card(&mut h, "True or false");
    type_into(&mut h, "Statement", "Riga lies on the Daugava.");
    add_card(&mut h, "Put in order");
    type_into(&mut h, "Instruction", "From north to south.");
    let items = "Items in the correct order (one a line, at least 3)";
    type_into(&mut h, items, "Tallinn");
    for city in ["Riga", "Vilnius"] {
        h.key_press(Key::Enter);
        h.get_by_label(items).type_text(city);
        h.run();
    }
    add_card(&mut h, "Match pairs");
    type_into(&mut h, "Instruction", "Match each capital to its country.");
    let pairs = "Pairs (one a line: left = right, at least 3)";
    type_into(&mut h, pairs, "Tallinn = Estonia");
    for pair in ["Riga = Latvia", "Vilnius = Lithuania"] {
        h.key_press(Key::Enter);
        h.get_by_label(pairs).type_text(pair);
        h.run();
    }
    h.get_by_label_contains("No problems");
    let e = editing(&h);
    assert_eq!(e.editor.len(), 7);
    let kinds: Vec<&str> = e
        .editor
        .cards()
        .map(|c| quizdeck::deck::write::kind_name(&c.kind))
        .collect();
    assert_eq!(
        kinds,
        [
            "Basic",
            "Cloze",
            "TypeIn",
            "MultipleChoice",
            "TrueFalse",
            "Order",
            "Match"
        ]
    );
    assert_eq!(e.editor.card(0).unwrap().id, "capital-of-latvia");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label_contains("Saved edition 1 to ");
    let path = editing(&h).path.clone().unwrap();
    let checked = quizdeck::deck::check_file(&path);
    assert!(!checked.has_errors(), "{}", checked.render());
    let deck = checked.deck.unwrap();
    assert_eq!(deck.title, "Capitals of the Baltic states");
    assert_eq!(deck.cards.len(), 7);

    // A picture for the last card, copied into the deck's folder.
    copy_picture(
        &mut h,
        "assets/icon.png",
        &dir.path().join("Map of Rīga.png"),
    );
    h.get_by_label_contains("The picture is now pictures/map-of-riga.png");
    assert_eq!(
        editing(&h).editor.card(6).unwrap().image,
        "pictures/map-of-riga.png"
    );
    assert!(
        path.parent()
            .unwrap()
            .join("pictures/map-of-riga.png")
            .is_file()
    );
    h.get_by_label_contains("No problems");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let checked = quizdeck::deck::check_file(&path);
    assert!(!checked.has_errors(), "{}", checked.render());
    assert_eq!(
        checked.deck.unwrap().cards[6].image.as_deref(),
        Some("pictures/map-of-riga.png")
    );

    // Studied from the library (read again in the background after the save).
    h.get_by_label("Study").click();
    crate::common::ui::settle(&mut h);
    h.get_by_label("Study Capitals of the Baltic states")
        .click();
    h.run();
    assert_eq!(h.state().screen_name(), "study");
    let item = h.state().current_item().expect("an item to study").clone();
    assert_eq!(item.deck.as_str(), "new-deck");
}

#[test]
fn a_large_deck_is_checked_off_the_ui_thread_and_its_problems_open_their_card() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    // More cards than the editor checks at once.
    let n = quizdeck::ui::editor::BACKGROUND_CHECK_CARDS + 200;
    let cards: Vec<String> = (0..n)
        .map(|i| {
            format!(
                "        Card(id: \"c{i}\", kind: TypeIn(question: \"Question number {i}?\", answers: [\"A{i}\"])),"
            )
        })
        .collect();
    let file = dir.path().join("big.ron");
    std::fs::write(
        &file,
        format!(
            "Deck(\n    format: 1,\n    id: \"big\",\n    title: \"Big deck\",\n    cards: [\n{}\n    ],\n)\n",
            cards.join("\n")
        ),
    )
    .unwrap();
    crate::common::ui::import_file(&mut h, &file, false);
    h.get_by_label("Deck editor…").click();
    h.run();
    h.get_by_label("Edit Big deck").click();
    h.step();
    h.step();
    // The first frames show the deck at once and say it is being checked.
    assert!(editing(&h).problems().is_none(), "checked on the UI thread");
    h.get_by_label("Checking…");
    // The problems arrive from the checking thread while frames go on.
    let wait = |h: &mut Harness<'static, QuizApp>| {
        for _ in 0..500 {
            if editing(h).problems().is_some() {
                return;
            }
            std::thread::sleep(std::time::Duration::from_millis(10));
            h.step();
        }
        panic!("the check never finished");
    };
    wait(&mut h);
    h.run();
    h.get_by_label_contains("No problems");
    // Card 451 loses its answer (the editor's model, as the form would do it).
    h.get_by_label("Search").focus();
    h.run();
    h.get_by_label("Search").type_text("number 450");
    h.run();
    h.get_by_label_contains("451. Question number 450?").click();
    h.run();
    assert_eq!(editing(&h).selected(), 450);
    h.get_by_label("Accepted answers (one a line; the first is shown)")
        .focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.step();
    assert!(editing(&h).problems().is_none());
    wait(&mut h);
    h.run();
    h.get_by_label_contains("1 error,");
    // Another card shown, then the problem clicked: its card is shown again.
    h.get_by_label("Search").focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.key_press(Key::Backspace);
    h.run();
    h.get_by_label_contains("1. Question number 0?").click();
    h.run();
    assert_eq!(editing(&h).selected(), 0);
    h.get_by_label_contains("All problems (1)").click();
    h.run();
    h.get_by_label_contains("Card 451: Error:").click();
    h.run();
    assert_eq!(editing(&h).selected(), 450);
}

const CHOICE_PROMPT: &str = "Question for practice tests and exams (asked with the place names as choices and no picture; left empty, the card is asked only in study)";

const REGIONS: &str = "Regions as text, one a line, the answer first: Name @ circle(x, y, r) or Name @ polygon(x y, x y, x y)";

/// Chooses the built-in map `name` for the Locate card in the form.
fn choose_map(h: &mut Harness<'static, QuizApp>, name: &str) {
    h.get_by_label("Built-in map").click();
    h.run();
    h.get_by_label(name).click();
    h.run();
    // The app reads the picture after the frame; the next frame draws it.
    h.run();
}

/// Types `line` as a new last line of the Locate card's regions text.
fn append_region(h: &mut Harness<'static, QuizApp>, line: &str) {
    h.get_by_label(REGIONS).focus();
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.key_press(Key::Enter);
    h.get_by_label(REGIONS).type_text(line);
    h.run();
}

/// The picture of the Locate form and its scale (points per picture pixel).
fn form_map(h: &Harness<'static, QuizApp>, width_px: f32) -> (egui::Rect, f32) {
    let r = h.get_by_label_contains("click to add a region").rect();
    (r, r.width() / width_px)
}

fn locate_kind(h: &Harness<'static, QuizApp>, n: usize) -> RawKind {
    editing(h).editor.card(n).unwrap().kind.clone()
}

#[test]
fn a_locate_card_is_made_from_the_keyboard_and_by_clicks_saved_and_studied() {
    let dir = tempfile::tempdir().unwrap();
    // A tall window: the clicks land on the map and the buttons under it without
    // scrolling.
    let mut h = new_deck_sized(dir.path(), egui::vec2(1280.0, 1600.0));
    type_into(&mut h, "Front", "Capital of Latvia");
    type_into(&mut h, "Back", "Riga");

    // From the keyboard: the regions typed as text, one a line, the answer first.
    add_card(&mut h, "Point at a place (map)");
    type_into(&mut h, "Instruction", "Click where Liepāja is.");
    type_into(&mut h, CHOICE_PROMPT, "Which of these is Liepāja?");
    type_into(&mut h, REGIONS, "Liepāja @ circle(224.6, 480.5, 14)");
    h.key_press(Key::Enter);
    h.get_by_label(REGIONS)
        .type_text("Riga @ circle(418.8, 430, 14)");
    h.run();
    choose_map(&mut h, "maps/baltic-states.png");
    let RawKind::Locate {
        prompt,
        choice_prompt,
        picture,
        answer,
        others,
    } = locate_kind(&h, 1)
    else {
        panic!("a Locate card")
    };
    assert_eq!(prompt, "Click where Liepāja is.");
    assert_eq!(choice_prompt.as_deref(), Some("Which of these is Liepāja?"));
    assert_eq!(picture, "maps/baltic-states.png");
    assert_eq!(
        answer,
        RawRegion::Circle {
            name: "Liepāja".into(),
            x: 224.6,
            y: 480.5,
            r: 14.0
        }
    );
    assert_eq!(others.len(), 1);
    assert_eq!(
        editing(&h).editor.card(1).unwrap().id,
        "click-where-liepaja-is"
    );
    // The regions are outlined and named on the picture.
    h.get_by_label("Picture with 2 regions: click to add a region");
    h.get_by_label_contains("No problems");
    // Previewed with the study screen's map.
    h.get_by_label("Preview as a student").click();
    h.run();
    h.get_by_label("Map: 2 numbered places");
    h.key_press(Key::Escape);
    h.run();
    h.get_by_label("Picture with 2 regions: click to add a region");

    // A region outside the picture is the checker's error, shown beside the card.
    append_region(&mut h, "Mars @ circle(5000, 480, 14)");
    h.get_by_label_contains("1 error,");
    // A line that does not read keeps the card as it was and says why.
    append_region(&mut h, "Tallinn @ square");
    h.get_by_label_contains("Region line 4");
    let RawKind::Locate { others, .. } = locate_kind(&h, 1) else {
        panic!()
    };
    assert_eq!(others.len(), 2, "the card keeps its regions");
    // Its other fields still change meanwhile.
    type_into(
        &mut h,
        "Note (shown after the answer)",
        "A port on the Baltic Sea.",
    );
    assert_eq!(
        editing(&h).editor.card(1).unwrap().note,
        "A port on the Baltic Sea."
    );
    h.get_by_label_contains("Region line 4");
    let RawKind::Locate { others, .. } = locate_kind(&h, 1) else {
        panic!()
    };
    assert_eq!(others.len(), 2);
    // Undone from the keyboard: the note, then the region outside the picture.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    // Undone from the keyboard: back to the two good regions.
    h.key_press_modifiers(Modifiers::COMMAND, Key::Z);
    h.run();
    let RawKind::Locate { others, .. } = locate_kind(&h, 1) else {
        panic!()
    };
    assert_eq!(others.len(), 1);
    h.get_by_label_contains("No problems");

    // By clicks: a circle placed on the map, named; a polygon of three corners, made the
    // answer.
    add_card(&mut h, "Point at a place (map)");
    type_into(&mut h, "Instruction", "Click the port of Ventspils.");
    choose_map(&mut h, "maps/baltic-states.png");
    let (rect, scale) = form_map(&h, 1000.0);
    click_at(&mut h, rect.min + egui::vec2(259.1, 378.1) * scale);
    h.get_by_label("Picture with 1 region: click to add a region");
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Name of the selected region")
        .type_text("Ventspils");
    h.run();
    let RawKind::Locate { answer, .. } = locate_kind(&h, 2) else {
        panic!()
    };
    let RawRegion::Circle { name, x, y, r } = answer else {
        panic!("a circle: {answer:?}")
    };
    assert_eq!(name, "Ventspils");
    assert!(
        (x - 259.1).abs() < 1.5 && (y - 378.1).abs() < 1.5,
        "{x} {y}"
    );
    assert_eq!(r, 14.0);
    // The radius from the keyboard, with the picture focused: + twice.
    h.get_by_label_contains("click to add a region").focus();
    h.run();
    h.get_by_label_contains("click to add a region").focus();
    h.run();
    h.key_press(Key::Plus);
    h.key_press(Key::Plus);
    h.run();
    let RawKind::Locate { answer, others, .. } = locate_kind(&h, 2) else {
        panic!()
    };
    assert!(others.is_empty(), "{others:?}");
    assert!(
        matches!(answer, RawRegion::Circle { r, .. } if r == 16.0),
        "{answer:?}"
    );

    // A drag draws a circle as large as the drag; it is deleted from the list.
    let from = rect.min + egui::vec2(700.0, 150.0) * scale;
    let to = from + egui::vec2(30.0 * scale, 0.0);
    h.hover_at(from);
    h.run();
    h.drag_at(from);
    h.run();
    h.hover_at(from + egui::vec2(10.0, 0.0));
    h.run();
    h.hover_at(to);
    h.run();
    h.drop_at(to);
    h.run();
    let RawKind::Locate { others, .. } = locate_kind(&h, 2) else {
        panic!()
    };
    let [RawRegion::Circle { name, x, r, .. }] = &others[..] else {
        panic!("one more circle: {others:?}")
    };
    assert_eq!(name, "Place 2");
    assert!((x - 700.0).abs() < 1.5 && (r - 30.0).abs() < 1.5, "{x} {r}");
    h.get_by_label("Delete region Place 2").click();
    h.run();
    let RawKind::Locate { others, .. } = locate_kind(&h, 2) else {
        panic!()
    };
    assert!(others.is_empty(), "{others:?}");

    h.get_by_label("add polygon corners").click();
    h.run();
    let (rect, scale) = form_map(&h, 1000.0);
    for (x, y) in [(500.0, 500.0), (600.0, 500.0), (550.0, 600.0)] {
        click_at(&mut h, rect.min + egui::vec2(x, y) * scale);
    }
    h.get_by_label("3 corners");
    // Enter, with the picture focused (the clicks focus it), ends the polygon.
    h.key_press(Key::Enter);
    h.run();
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    h.get_by_label("Name of the selected region")
        .type_text("Inland");
    h.run();
    h.get_by_label("Make Inland the answer").click();
    h.run();
    let RawKind::Locate { answer, others, .. } = locate_kind(&h, 2) else {
        panic!()
    };
    let RawRegion::Polygon { name, points } = &answer else {
        panic!("a polygon: {answer:?}")
    };
    assert_eq!(name, "Inland");
    assert_eq!(points.len(), 3);
    assert!((points[0].0 - 500.0).abs() < 1.5, "{points:?}");
    assert!(matches!(&others[..], [RawRegion::Circle { name, .. }] if name == "Ventspils"));
    // The text shows what was drawn, in the CSV export's form.
    let text = h.get_by_label(REGIONS).value().unwrap_or_default();
    assert!(text.starts_with("Inland @ polygon("), "{text}");
    assert!(text.contains("\nVentspils @ circle("), "{text}");
    h.get_by_label_contains("No problems");

    // Saved: format 3 (the first map card has a question for tests), and the deck studies.
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    h.get_by_label_contains("Saved edition 1 to ");
    let path = editing(&h).path.clone().unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("    format: 3,"), "{text}");
    assert!(
        text.contains("choice_prompt: \"Which of these is Liepāja?\","),
        "{text}"
    );
    let checked = quizdeck::deck::check_file(&path);
    assert!(!checked.has_errors(), "{}", checked.render());
    assert_eq!(checked.deck.unwrap().cards.len(), 3);

    // A picture of the teacher's own, copied into the deck's folder, becomes the map the
    // regions are drawn on (not a second picture beside it).
    let from = dir.path().join("My map.png");
    copy_picture(&mut h, "decks/maps/baltic-states.png", &from);
    h.run();
    let card = editing(&h).editor.card(2).unwrap().clone();
    let RawKind::Locate { picture, .. } = &card.kind else {
        panic!()
    };
    assert_eq!(picture, "pictures/my-map.png");
    assert!(card.image.is_empty());
    h.get_by_label("Picture with 2 regions: click to add a region");
    h.get_by_label_contains("No problems");
    h.key_press_modifiers(Modifiers::COMMAND, Key::S);
    h.run();
    let checked = quizdeck::deck::check_file(&path);
    assert!(!checked.has_errors(), "{}", checked.render());

    // The library is read again in the background after the save.
    h.get_by_label("Study").click();
    crate::common::ui::settle(&mut h);
    h.get_by_label("Study New deck").click();
    h.run();
    assert_eq!(h.state().screen_name(), "study");
    // Answer cards until a Locate card of this deck is asked; pick its numbered place.
    let mut seen = 0;
    for _ in 0..12 {
        // Each answer shows the next card, whose picture is decoded in the background.
        if h.state().current_locate().is_some() {
            seen += 1;
            h.key_press(Key::Num1);
            super::ui::settle(&mut h);
            assert!(h.state().current_locate().unwrap().verdict.is_some());
            h.key_press(Key::Num3);
            super::ui::settle(&mut h);
        } else if h.state().current_asked().is_some() {
            h.key_press(Key::Space);
            super::ui::settle(&mut h);
            h.key_press(Key::Num3);
            super::ui::settle(&mut h);
        } else {
            break;
        }
        if seen == 2 {
            break;
        }
    }
    assert_eq!(seen, 2, "both Locate cards were studied");
}

#[test]
fn a_card_opened_from_the_list_with_the_keyboard_is_ready_to_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = new_deck(dir.path());
    type_into(&mut h, "Front", "Capital of Latvia");
    type_into(&mut h, "Back", "Riga");
    // Enter on the card in the list: its form, with the focus in its first field.
    h.get_by_label_contains("1. Capital of Latvia").focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    assert_eq!(editing(&h).selected(), 0);
    assert!(
        h.get_by_label("Front").is_focused(),
        "the first field has the focus"
    );
    // Typing goes on from there.
    h.key_press_modifiers(Modifiers::COMMAND, Key::End);
    h.get_by_label("Front").type_text("?");
    h.run();
    let RawKind::Basic { front, .. } = &editing(&h).editor.card(0).unwrap().kind else {
        panic!("a Basic card")
    };
    assert_eq!(front, "Capital of Latvia?");
}

#[test]
fn a_deck_opened_in_the_editor_from_the_keyboard_is_ready_to_edit() {
    let dir = tempfile::tempdir().unwrap();
    let mut h = harness(dir.path());
    h.get_by_label("Deck editor…").click();
    h.run();
    // "Copy to edit" from the keyboard: the first card's first field has the focus.
    h.get_by_label(&format!("Copy to edit {PACT}")).focus();
    h.run();
    h.key_press(Key::Enter);
    h.run();
    h.run();
    let RawKind::MultipleChoice { question, .. } = &editing(&h).editor.card(0).unwrap().kind else {
        panic!("the first card is a multiple-choice card")
    };
    let question = question.clone();
    let field = h.get_by_value(&question);
    assert!(
        field.is_focused(),
        "the first card's question has the focus"
    );
}
