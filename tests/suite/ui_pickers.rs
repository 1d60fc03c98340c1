//! The file and folder picker in the exam flows: the student chooses the exam file and
//! the results folder, the teacher where to save the exam, the key file and the class's
//! results folder, by mouse or keyboard alone, and the picker fits 1024×768 at 200 %.

use super::ui::{Fixture, key};
use egui::Key;
use egui::accesskit::Role;
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use quizdeck::ui::{Action, QuizApp};
use std::path::Path;

/// A students' exam file `exam.ron` (and its key) in `dir` (see `ui::write_exam`), with
/// a sub-folder `stick` and a file that is no exam beside it.
fn classroom(dir: &Path) -> std::path::PathBuf {
    let path = super::ui::write_exam(dir);
    std::fs::create_dir_all(dir.join("stick")).unwrap();
    std::fs::write(dir.join("notes.txt"), "not an exam").unwrap();
    path
}

use crate::common::ui::field;

/// The picker window's title is shown, and so are these entries and not those.
fn lists(h: &Harness<'static, QuizApp>, shown: &[&str], hidden: &[&str]) {
    for s in shown {
        assert!(h.query_by_label(s).is_some(), "{s} is not listed");
    }
    for s in hidden {
        assert!(h.query_by_label(s).is_none(), "{s} is listed");
    }
}

#[test]
fn a_student_chooses_the_exam_file_and_the_results_folder_and_takes_the_exam() {
    let f = Fixture::new();
    let exam = classroom(f.data());
    let mut h = f.harness();
    h.get_by_label("Take an exam…").click();
    h.run();
    // Type the folder into the picker's path field, as a student with a path would.
    h.get_by_label("Choose the exam file…").click();
    h.run();
    h.get_by_label("Choose the exam file");
    h.get_by_role_and_label(Role::TextInput, "Path:").focus();
    h.run();
    for _ in 0..300 {
        h.key_press(Key::Backspace);
    }
    h.get_by_role_and_label(Role::TextInput, "Path:")
        .type_text(&f.data().display().to_string());
    h.run();
    key(&mut h, Key::Enter);
    // The students' file and folders are listed; the key file and other files are not.
    lists(
        &h,
        &["exam.ron", "[folder] stick"],
        &["exam.key.ron", "notes.txt"],
    );
    h.get_by_label("exam.ron").click();
    h.run();
    assert!(
        h.query_by_label("Choose the exam file").is_none(),
        "the picker stays open"
    );
    assert_eq!(field(&h, "Exam file:"), exam.display().to_string());

    // The results folder starts in the exam file's folder; the stick is chosen.
    h.get_by_label("Choose the results folder…").click();
    h.run();
    h.get_by_label("[folder] stick").click();
    h.run();
    h.get_by_label_contains(&format!("Folder: {}", f.data().join("stick").display()));
    h.get_by_label("Choose this folder").click();
    h.run();
    assert_eq!(
        field(&h, "Results folder (e.g. the USB stick):"),
        f.data().join("stick").display().to_string()
    );
    crate::common::ui::type_in_field(&mut h, "Your name:", "Līga");
    h.get_by_label("Start exam").click();
    h.run();
    h.get_by_label_contains("Question 1 of 3");
    let e = quizdeck::exam::Exam::load(&exam).unwrap();
    assert!(e.result_path(&f.data().join("stick"), "Līga").exists());
}

#[test]
fn the_picker_works_from_the_keyboard_alone() {
    let f = Fixture::new();
    let exam = classroom(f.data());
    let mut h = f.harness();
    h.get_by_label("Take an exam…").click();
    h.run();
    // The button is reached and pressed with the keyboard.
    h.get_by_label("Choose the exam file…").focus();
    h.run();
    key(&mut h, Key::Enter);
    h.get_by_label("Choose the exam file");
    // Escape closes it without choosing.
    key(&mut h, Key::Escape);
    assert!(h.query_by_label("Choose the exam file").is_none());
    assert_eq!(field(&h, "Exam file:"), "");
    h.state_mut()
        .apply(Action::Picker(quizdeck::ui::file_picker::Msg::Show(
            quizdeck::ui::PickFor::ExamFile,
        )));
    crate::common::ui::open_in_picker(&mut h, &f.data().join("stick"));
    h.get_by_label_contains(&format!("Folder: {}", f.data().join("stick").display()));
    // Backspace (outside the path field) goes up to the parent folder.
    h.get_by_label("Parent folder").focus();
    h.run();
    key(&mut h, Key::Backspace);
    h.get_by_label("exam.ron");
    // Enter on a focused entry chooses it.
    h.get_by_label("exam.ron").focus();
    h.run();
    key(&mut h, Key::Enter);
    assert_eq!(field(&h, "Exam file:"), exam.display().to_string());
    // The name typed, Enter starts the exam (its results beside the exam file).
    crate::common::ui::type_in_field(&mut h, "Your name:", "Līga");
    key(&mut h, Key::Enter);
    h.get_by_label_contains("Question 1 of 3");
    let e = quizdeck::exam::Exam::load(&exam).unwrap();
    assert!(e.result_path(f.data(), "Līga").exists());
}

#[test]
fn a_mistyped_results_folder_is_refused_not_made() {
    let f = Fixture::new();
    let exam = classroom(f.data());
    let mut h = f.harness();
    h.get_by_label("Take an exam…").click();
    h.run();
    let typo = f.data().join("stik");
    h.state_mut()
        .apply(Action::Exam(quizdeck::ui::exam::Msg::Open {
            exam,
            results_dir: typo.clone(),
            student: "Līga".into(),
        }));
    h.run();
    h.get_by_label_contains("does not exist (is the USB stick plugged in?)");
    assert!(!typo.exists());
    assert!(h.query_by_label_contains("Question 1 of").is_none());
}

#[test]
fn a_dropped_exam_file_still_fills_the_field() {
    let f = Fixture::new();
    let exam = classroom(f.data());
    let mut h = f.harness();
    h.get_by_label("Take an exam…").click();
    h.run();
    h.input_mut()
        .dropped_files
        .push(std::sync::Arc::new(crate::common::Dropped(exam.clone())));
    h.run();
    assert_eq!(field(&h, "Exam file:"), exam.display().to_string());
    assert_eq!(h.state().screen_name(), "exam");
}

#[test]
fn a_teacher_saves_grades_and_reads_through_the_picker() {
    let f = Fixture::new();
    let mut h = f.harness();
    h.get_by_label("Teacher…").click();
    h.run();
    super::ui::teacher_exam_form(&mut h, &[("Title:", "Picked")]);
    std::fs::create_dir_all(f.data().join("class")).unwrap();
    // Where to save: a folder and a file name.
    h.get_by_label("Choose where to save…").click();
    h.run();
    crate::common::ui::open_in_picker(&mut h, &f.data().join("class"));
    crate::common::ui::type_in_field(&mut h, "File name:", "history");
    h.get_by_label("Save here").click();
    h.run();
    let out = f.data().join("class/history.ron");
    assert_eq!(field(&h, "Save the exam as:"), out.display().to_string());
    h.get_by_label("Make exam").click();
    h.run();
    h.get_by_label_contains("never hand it out");
    assert!(out.exists());
    let key_file = quizdeck::exam::Exam::key_path(&out);
    assert_eq!(
        field(&h, "Key file (NAME.key.ron):"),
        key_file.display().to_string()
    );
    // Choosing the same name again (a click on the listed file) never replaces the key.
    let key_before = std::fs::read(&key_file).unwrap();
    h.get_by_label("Choose where to save…").click();
    h.run();
    h.get_by_label("history.ron").click();
    h.run();
    h.get_by_label("Save here").click();
    h.run();
    h.get_by_label("Make exam").click();
    h.run();
    h.get_by_label_contains("already exists, the key of an earlier exam");
    assert_eq!(std::fs::read(&key_file).unwrap(), key_before);
    // A student hands in into a results folder.
    let results = f.data().join("results");
    std::fs::create_dir_all(&results).unwrap();
    let e = quizdeck::exam::Exam::load(&out).unwrap();
    let mut w = quizdeck::exam::ResultWriter::open(&results, &e, "Ona", super::ui::t0()).unwrap();
    w.finish(super::ui::t0()).unwrap();
    drop(w);

    // The key file picker lists only key files.
    h.get_by_role_and_label(Role::TextInput, "Key file (NAME.key.ron):")
        .focus();
    h.run();
    for _ in 0..300 {
        h.key_press(Key::Backspace);
    }
    h.run();
    h.get_by_label("Choose the key file…").click();
    h.run();
    crate::common::ui::open_in_picker(&mut h, &f.data().join("class"));
    lists(&h, &["history.key.ron"], &["history.ron"]);
    h.get_by_label("history.key.ron").click();
    h.run();
    assert_eq!(
        field(&h, "Key file (NAME.key.ron):"),
        key_file.display().to_string()
    );
    // The class's results folder: its result files are shown, the folder is chosen.
    h.get_by_label("Choose the class's results folder…").click();
    h.run();
    crate::common::ui::open_in_picker(&mut h, &results);
    h.get_by_label_contains("-ona.result");
    h.get_by_label("Choose this folder").click();
    h.run();
    assert_eq!(field(&h, "Results folder:"), results.display().to_string());
    h.get_by_label("Read results").click();
    h.run();
    h.get_by_label("Picked: 1 student");
}

#[test]
fn the_picker_fits_1024x768_at_200_percent() {
    let f = Fixture::new();
    classroom(f.data());
    for (purpose, button) in [
        (quizdeck::ui::PickFor::ResultsFolder, "Choose this folder"),
        (quizdeck::ui::PickFor::ExamOutput, "Save here"),
        (quizdeck::ui::PickFor::ExamFile, "Go"),
    ] {
        let mut h = f.harness_sized(egui::vec2(1024.0, 768.0));
        let mut s = h.state().settings();
        s.font_scale_pct = 200;
        h.state_mut()
            .apply(Action::Settings(quizdeck::ui::settings::Msg::Save(
                Box::new(s),
            )));
        h.run();
        h.get_by_label("Take an exam…").click();
        h.run();
        h.state_mut()
            .apply(Action::Picker(quizdeck::ui::file_picker::Msg::Show(
                purpose,
            )));
        crate::common::ui::open_in_picker(&mut h, f.data());
        h.run();
        let screen = h.ctx.content_rect();
        for label in [button, "Parent folder", "Close window"] {
            let r = h.get_by_label(label).rect();
            assert!(screen.contains_rect(r), "{label} {r:?} outside {screen:?}");
        }
    }
}

/// The import picker opens where it was last: a teacher importing several decks from a
/// USB stick finds the stick again, not the home folder, while it is plugged in.
#[test]
fn the_import_picker_opens_where_it_was_last() {
    use quizdeck::ui::file_picker::{Msg, PickFor};
    let f = Fixture::new();
    let stick = f.data().join("stick");
    std::fs::create_dir_all(&stick).unwrap();
    let mut h = f.harness();
    let show = |h: &mut Harness<'static, QuizApp>| {
        h.state_mut()
            .apply(Action::Picker(Msg::Show(PickFor::Deck)));
        h.run();
    };
    show(&mut h);
    assert_ne!(field(&h, "Path:"), stick.display().to_string());
    crate::common::ui::open_in_picker(&mut h, &stick);
    h.state_mut().apply(Action::Picker(Msg::Close));
    h.run();
    show(&mut h);
    assert_eq!(field(&h, "Path:"), stick.display().to_string());
    // The stick pulled out: the home folder again.
    h.state_mut().apply(Action::Picker(Msg::Close));
    std::fs::remove_dir_all(&stick).unwrap();
    show(&mut h);
    assert_ne!(field(&h, "Path:"), stick.display().to_string());
}
