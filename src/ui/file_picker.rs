//! The app's one file and folder picker (pure egui: no GTK or desktop portal), for every
//! place a file or folder is chosen: a deck to import, the exam file to take, the results
//! folder, where to save a new exam, the key file and a class's results folder. The app
//! reads folders when asked ([`Msg::Open`]); the picker only shows them and says
//! what was chosen ([`Msg::Picked`], or an import for decks).
//!
//! Keyboard: Tab moves through the places, the entries and the buttons, Enter or Space
//! opens a folder or chooses a file, Alt+Up (or Backspace outside the path field) goes to
//! the parent folder, Escape closes the picker.

use super::Action;
use crate::tr;
use egui::{Key, Modifiers, RichText};
use std::path::{Path, PathBuf};

/// What the picker chooses, and for which field.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PickFor {
    /// A deck file or package to import.
    Deck,
    /// The students' exam file to take.
    ExamFile,
    /// The folder a student's results go to.
    ResultsFolder,
    /// Where the teacher saves a new exam (the students' file; the key goes beside it).
    ExamOutput,
    /// The teacher's key file to grade with.
    KeyFile,
    /// The folder of a class's result files.
    ClassResults,
}

impl PickFor {
    /// The picker window's title.
    pub fn title(self) -> String {
        match self {
            PickFor::Deck => tr!("picker-import-a-deck"),
            PickFor::ExamFile => tr!("picker-title-exam-file"),
            PickFor::ResultsFolder => tr!("picker-title-results-folder"),
            PickFor::ExamOutput => tr!("picker-title-save-exam"),
            PickFor::KeyFile => tr!("picker-title-key-file"),
            PickFor::ClassResults => tr!("picker-title-class-results"),
        }
    }

    /// Whether a folder (not a file) is chosen.
    pub fn chooses_folder(self) -> bool {
        matches!(self, PickFor::ResultsFolder | PickFor::ClassResults)
    }

    /// Whether a file name is typed into the folder shown (saving a new file).
    pub fn saves(self) -> bool {
        self == PickFor::ExamOutput
    }

    /// Whether a file of this name is listed (folders are always listed, hidden names
    /// never): decks and packages; students' exam files (`.ron`, not `.key.ron`); key
    /// files; for saving, existing exam files (so the teacher sees what is there).
    pub fn lists(self, name: &str) -> bool {
        let lower = name.to_lowercase();
        let ron = lower.ends_with(".ron");
        let key = lower.ends_with(".key.ron");
        match self {
            PickFor::Deck => {
                ron || lower.ends_with(".apkg")
                    || lower.ends_with(".colpkg")
                    || super::import::is_text(Path::new(name))
                    || crate::package::is_package(Path::new(name))
            }
            PickFor::ExamFile | PickFor::ExamOutput => ron && !key,
            PickFor::KeyFile => key,
            PickFor::ResultsFolder | PickFor::ClassResults => {
                lower.ends_with(&format!(".{}", crate::exam::RESULT_EXT))
            }
        }
    }

    /// What the folder shows when nothing is listed.
    fn empty_note(self) -> String {
        match self {
            PickFor::Deck => tr!("picker-no-folders-ron-deck"),
            PickFor::ExamFile | PickFor::ExamOutput => tr!("picker-no-exam-files"),
            PickFor::KeyFile => tr!("picker-no-key-files"),
            PickFor::ResultsFolder | PickFor::ClassResults => tr!("picker-no-result-files"),
        }
    }
}

/// One entry of the folder shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its full path.
    pub path: PathBuf,
    /// Its name.
    pub name: String,
    /// A folder (else a file the picker lists).
    pub is_dir: bool,
}

/// The picker's state.
#[derive(Debug)]
pub struct FilePicker {
    /// What is being chosen.
    pub purpose: PickFor,
    /// The folder shown.
    pub dir: PathBuf,
    /// Its sub-folders and the files listed for the purpose, folders first.
    pub entries: Vec<Entry>,
    /// A path typed by hand.
    pub typed: String,
    /// The file name to save as ([`PickFor::ExamOutput`]).
    pub file_name: String,
    /// Places to jump to: the home folder, USB sticks and drives (label, path).
    pub places: Vec<(String, PathBuf)>,
    /// Why the folder could not be read.
    pub error: Option<String>,
    /// The class deck folder that "for everyone on this PC" imports into (None: there is
    /// none, and the choice is not offered).
    pub everyone_folder: Option<String>,
    /// Import for every profile on this PC rather than for the open profile only.
    pub for_everyone: bool,
    /// The picker's text fields (drawn last frame): Backspace edits them, not the folder.
    text_fields: Vec<egui::Id>,
    /// The path field takes the keyboard when the picker is first drawn: the focus stayed
    /// on the button that opened it, behind the window, so Tab and typing went to the
    /// screen underneath.
    focus_path: bool,
}

impl Default for FilePicker {
    fn default() -> Self {
        FilePicker::new(PickFor::Deck)
    }
}

impl FilePicker {
    /// An empty picker for `purpose` (the app then shows a folder in it).
    pub fn new(purpose: PickFor) -> FilePicker {
        FilePicker {
            purpose,
            dir: PathBuf::new(),
            entries: Vec::new(),
            typed: String::new(),
            file_name: String::new(),
            places: Vec::new(),
            error: None,
            everyone_folder: None,
            for_everyone: false,
            text_fields: Vec::new(),
            focus_path: true,
        }
    }

    /// What choosing the file or folder `path` does.
    fn choose(&self, path: PathBuf) -> Action {
        match self.purpose {
            PickFor::Deck => Action::Import(super::import::Msg::File {
                path,
                everyone: self.for_everyone && self.everyone_folder.is_some(),
            }),
            p => Action::Picker(Msg::Picked(p, path)),
        }
    }

    /// The new exam's path: the name typed in the folder shown, `.ron` added if missing.
    fn save_path(&self) -> Option<PathBuf> {
        let name = self.file_name.trim();
        if name.is_empty() || name.contains(['/', '\\']) {
            return None;
        }
        let name = if name.to_lowercase().ends_with(".ron") {
            name.to_owned()
        } else {
            format!("{name}.ron")
        };
        Some(self.dir.join(name))
    }

    /// What the typed path leads to: a folder to show, or a file to choose.
    fn open_typed(&self) -> Option<Action> {
        let typed = self.typed.trim();
        if typed.is_empty() {
            return None;
        }
        let p = PathBuf::from(typed);
        let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
        Some(
            if !self.purpose.chooses_folder() && self.purpose.lists(name) {
                self.choose(p)
            } else {
                Action::Picker(Msg::Open(p))
            },
        )
    }

    /// Draws the picker in a window that fits the screen; returns the action chosen.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Action> {
        let mut action = None;
        let mut file_name = None;
        let mut open = true;
        let typing = ctx
            .memory(|m| m.focused())
            .is_some_and(|f| self.text_fields.contains(&f));
        let mut text_fields = Vec::new();
        let (escape, up) = ctx.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Escape),
                i.consume_key(Modifiers::ALT, Key::ArrowUp)
                    || (!typing && i.consume_key(Modifiers::NONE, Key::Backspace)),
            )
        });
        let screen = ctx.content_rect().size();
        let width = (screen.x - 24.0).clamp(200.0, 640.0);
        egui::Window::new(self.purpose.title())
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, egui::Vec2::ZERO)
            .fixed_size([width, (screen.y - 60.0).max(160.0)])
            .show(ctx, |ui| {
                ui.add(
                    egui::Label::new(tr!(
                        "picker-folder",
                        folder = self.dir.display().to_string()
                    ))
                    .wrap(),
                );
                if let Some(folder) = &self.everyone_folder
                    && self.purpose == PickFor::Deck
                {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(tr!("picker-import-for"));
                        ui.radio_value(&mut self.for_everyone, false, tr!("picker-me"));
                        ui.radio_value(
                            &mut self.for_everyone,
                            true,
                            tr!("picker-everyone-on-this-pc"),
                        )
                        .on_hover_text(tr!("picker-copied-into", folder = folder.as_str()));
                    });
                    if self.for_everyone {
                        ui.label(
                            RichText::new(tr!(
                                "picker-every-profile-will-see",
                                folder = folder.as_str()
                            ))
                            .weak(),
                        );
                    }
                }
                if let Some(e) = &self.error {
                    ui.colored_label(super::theme::wrong_color(ui), e);
                }
                ui.horizontal_wrapped(|ui| {
                    if let Some(parent) = self.dir.parent()
                        && ui
                            .button(tr!("picker-parent-folder"))
                            .on_hover_text(tr!("picker-parent-folder-keys"))
                            .clicked()
                    {
                        action = Some(Action::Picker(Msg::Open(parent.to_path_buf())));
                    }
                    for (label, path) in &self.places {
                        if ui
                            .button(label)
                            .on_hover_text(path.display().to_string())
                            .clicked()
                        {
                            action = Some(Action::Picker(Msg::Open(path.clone())));
                        }
                    }
                });
                ui.horizontal(|ui| {
                    let l = ui.label(tr!("picker-path"));
                    let field = ui.add(
                        egui::TextEdit::singleline(&mut self.typed)
                            .desired_width((ui.available_width() - 80.0).max(80.0)),
                    );
                    text_fields.push(field.id);
                    if std::mem::take(&mut self.focus_path) {
                        field.request_focus();
                        // The folder's path is selected whole: a path typed replaces it,
                        // End or a click keeps it to add a file's name.
                        let mut state =
                            egui::TextEdit::load_state(ui.ctx(), field.id).unwrap_or_default();
                        let all = egui::text::CCursorRange::two(
                            egui::text::CCursor::new(0),
                            egui::text::CCursor::new(self.typed.chars().count()),
                        );
                        state.cursor.set_char_range(Some(all));
                        state.store(ui.ctx(), field.id);
                    }
                    field.clone().labelled_by(l.id);
                    let enter = field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                    if ui.button(tr!("picker-go")).clicked() || enter {
                        action = self.open_typed();
                    }
                });
                // The choice for folders and saving sits above the list, so it stays in
                // the window whatever the text size.
                if self.purpose.chooses_folder() {
                    let b =
                        egui::Button::new(RichText::new(tr!("picker-choose-this-folder")).strong());
                    if ui.add(b).clicked() {
                        action = Some(self.choose(self.dir.clone()));
                    }
                }
                if self.purpose.saves() {
                    let mut save = false;
                    ui.horizontal(|ui| {
                        let l = ui.label(tr!("picker-file-name"));
                        let r = ui.add(
                            egui::TextEdit::singleline(&mut self.file_name)
                                .desired_width((ui.available_width() - 120.0).max(80.0)),
                        );
                        text_fields.push(r.id);
                        r.clone().labelled_by(l.id);
                        save = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                        let ready = self.save_path().is_some();
                        save |= ui
                            .add_enabled(
                                ready,
                                egui::Button::new(RichText::new(tr!("picker-save-here")).strong()),
                            )
                            .clicked();
                    });
                    if save && let Some(p) = self.save_path() {
                        action = Some(self.choose(p));
                    }
                }
                ui.separator();
                egui::ScrollArea::vertical()
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        for e in &self.entries {
                            let label = if e.is_dir {
                                tr!("picker-folder-entry", name = &e.name)
                            } else {
                                e.name.clone()
                            };
                            // In a folder choice the files are shown, not chosen.
                            let r = if !e.is_dir && self.purpose.chooses_folder() {
                                ui.label(RichText::new(label).weak())
                            } else {
                                ui.selectable_label(false, label)
                            };
                            if r.clicked() {
                                if e.is_dir {
                                    action = Some(Action::Picker(Msg::Open(e.path.clone())));
                                } else if self.purpose.saves() {
                                    // A file's name fills the name field (this dialog alone).
                                    file_name = Some(e.name.clone());
                                } else {
                                    action = Some(self.choose(e.path.clone()));
                                }
                            }
                        }
                        if self.entries.is_empty() {
                            ui.label(self.purpose.empty_note());
                        }
                    });
            });
        self.text_fields = text_fields;
        if let Some(name) = file_name {
            self.file_name = name;
        }
        if up
            && action.is_none()
            && let Some(parent) = self.dir.parent()
        {
            action = Some(Action::Picker(Msg::Open(parent.to_path_buf())));
        }
        if !open || escape {
            action = Some(Action::Picker(Msg::Close));
        }
        action
    }
}

/// Places to offer besides the folder shown: the home folder, removable media
/// (`/media/USER/*`, `/run/media/USER/*`, `/Volumes/*`) and, on Windows, the drives.
/// Reads a few folders (the app calls it when the picker opens, never per frame).
pub fn places() -> Vec<(String, PathBuf)> {
    let mut out = Vec::new();
    if let Some(home) = directories::UserDirs::new().map(|u| u.home_dir().to_path_buf()) {
        out.push((tr!("picker-home"), home));
    }
    let user = std::env::var("USER")
        .or_else(|_| std::env::var("USERNAME"))
        .unwrap_or_default();
    let mut roots = vec![PathBuf::from("/Volumes")];
    if !user.is_empty() {
        roots.push(Path::new("/media").join(&user));
        roots.push(Path::new("/run/media").join(&user));
    }
    for root in roots {
        let Ok(rd) = std::fs::read_dir(&root) else {
            continue;
        };
        let mut found: Vec<PathBuf> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| p.is_dir())
            .collect();
        found.sort();
        for p in found.into_iter().take(8) {
            let name = p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default();
            out.push((name, p));
        }
    }
    if cfg!(windows) {
        for letter in b'A'..=b'Z' {
            let drive = PathBuf::from(format!("{}:\\", letter as char));
            if drive.is_dir() {
                out.push((format!("{}:", letter as char), drive));
            }
        }
    }
    out
}

/// The folder to show first for a field holding `current` (a file or folder path, or
/// empty): that folder, or the folder of that file, if it exists; else the home folder.
pub fn start_folder(current: &str) -> PathBuf {
    let p = PathBuf::from(current.trim());
    if !current.trim().is_empty() {
        if p.is_dir() {
            return p;
        }
        if let Some(parent) = p.parent().filter(|d| d.is_dir()) {
            return parent.to_path_buf();
        }
    }
    directories::UserDirs::new()
        .map(|u| u.home_dir().to_path_buf())
        .or_else(|| std::env::current_dir().ok())
        .unwrap_or_else(|| PathBuf::from("/"))
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{QuizApp, Screen};
use crate::store::ClassDir;

/// What the picker (or a screen with a field it fills) asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Show the picker to choose this (a deck to import, an exam file, a folder…),
    /// starting where the field it fills points.
    Show(PickFor),
    /// Show this folder in the picker (the import picker if none is open).
    Open(PathBuf),
    /// The picker chose this file or folder for this field.
    Picked(PickFor, PathBuf),
    /// Close the picker.
    Close,
}

/// Applies a picker message: showing it, reading a folder, what was chosen.
pub(super) fn update(app: &mut QuizApp, msg: Msg) {
    match msg {
        Msg::Show(purpose) => {
            // Start where the field points (the exam file's folder for its results).
            let current = match (&app.screen, purpose) {
                (Screen::Exam(s), PickFor::ExamFile) => s.exam_path.clone(),
                (Screen::Exam(s), PickFor::ResultsFolder) if s.results_dir.trim().is_empty() => {
                    s.exam_path.clone()
                }
                (Screen::Exam(s), PickFor::ResultsFolder) => s.results_dir.clone(),
                (Screen::Teacher(s), PickFor::ExamOutput) => s.output.clone(),
                (Screen::Teacher(s), PickFor::KeyFile) => s.key_file.clone(),
                (Screen::Teacher(s), PickFor::ClassResults) if s.results_dir.trim().is_empty() => {
                    s.key_file.clone()
                }
                (Screen::Teacher(s), PickFor::ClassResults) => s.results_dir.clone(),
                _ => String::new(),
            };
            let mut picker = FilePicker::new(purpose);
            picker.everyone_folder = app.class_dirs.first().map(ClassDir::describe);
            picker.places = places();
            if purpose == PickFor::ExamOutput {
                picker.file_name = Path::new(current.trim())
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default();
            }
            app.picker = Some(picker);
            // A field that names no place: the folder shown last (the USB stick a teacher
            // imports several decks from), while it is there.
            let start = match &app.picker_folder {
                Some(last) if current.trim().is_empty() && last.is_dir() => last.clone(),
                _ => start_folder(&current),
            };
            app.apply(Action::Picker(Msg::Open(start)));
        }
        Msg::Open(dir) => {
            let everyone = app.class_dirs.first().map(ClassDir::describe);
            let picker = app.picker.get_or_insert_with(|| {
                let mut p = FilePicker::new(PickFor::Deck);
                p.everyone_folder = everyone;
                p
            });
            match read_folder(&dir, picker.purpose) {
                Ok(entries) => {
                    picker.entries = entries;
                    picker.typed = dir.display().to_string();
                    app.picker_folder = Some(dir.clone());
                    picker.dir = dir;
                    picker.error = None;
                }
                Err(e) => picker.error = Some(e),
            }
        }
        Msg::Picked(purpose, path) => {
            app.picker = None;
            let text = path.display().to_string();
            match (&mut app.screen, purpose) {
                (Screen::Exam(s), PickFor::ExamFile) => s.exam_path = text,
                (Screen::Exam(s), PickFor::ResultsFolder) => s.results_dir = text,
                (Screen::Teacher(s), PickFor::ExamOutput) => s.output = text,
                (Screen::Teacher(s), PickFor::KeyFile) => s.key_file = text,
                (Screen::Teacher(s), PickFor::ClassResults) => s.results_dir = text,
                _ => {}
            }
        }
        Msg::Close => app.picker = None,
    }
}

/// The sub-folders of `dir` and the files the picker lists for `purpose`.
fn read_folder(dir: &Path, purpose: PickFor) -> Result<Vec<Entry>, String> {
    let rd = std::fs::read_dir(dir).map_err(|e| {
        tr!(
            "msg-cannot-open",
            folder = dir.display().to_string(),
            error = e.to_string()
        )
    })?;
    let mut entries: Vec<Entry> = rd
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| {
            let hidden = p
                .file_name()
                .and_then(|n| n.to_str())
                .is_some_and(|n| n.starts_with('.'));
            let name = p.file_name().and_then(|n| n.to_str()).unwrap_or_default();
            !hidden && (p.is_dir() || purpose.lists(name))
        })
        .map(|p| Entry {
            name: p
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default(),
            is_dir: p.is_dir(),
            path: p,
        })
        .collect();
    entries.sort_by(|a, b| {
        (!a.is_dir, a.name.to_lowercase()).cmp(&(!b.is_dir, b.name.to_lowercase()))
    });
    Ok(entries)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_purpose_lists_its_files() {
        assert!(PickFor::Deck.lists("baltic.ron"));
        assert!(PickFor::ExamFile.lists("history.RON"));
        assert!(!PickFor::ExamFile.lists("history.key.ron"));
        assert!(PickFor::KeyFile.lists("history.key.ron"));
        assert!(!PickFor::KeyFile.lists("history.ron"));
        assert!(PickFor::ClassResults.lists("h-1-anna.result"));
        assert!(!PickFor::ClassResults.lists("notes.txt"));
        assert!(PickFor::ResultsFolder.chooses_folder() && !PickFor::ExamFile.chooses_folder());
    }

    #[test]
    fn the_saved_exam_gets_a_ron_name_in_the_folder_shown() {
        let mut p = FilePicker::new(PickFor::ExamOutput);
        p.dir = PathBuf::from("/media/stick");
        assert_eq!(p.save_path(), None);
        p.file_name = "history".into();
        assert_eq!(
            p.save_path(),
            Some(PathBuf::from("/media/stick/history.ron"))
        );
        p.file_name = "History.RON".into();
        assert_eq!(
            p.save_path(),
            Some(PathBuf::from("/media/stick/History.RON"))
        );
        p.file_name = "../escape".into();
        assert_eq!(p.save_path(), None);
    }
}
