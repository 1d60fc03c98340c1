//! Importing decks: the import dialog for spreadsheets and Quizlet text (a preview of the
//! first rows with a field chosen for each column, like Anki's import dialog, or
//! Quizlet's separators), the question a dropped file asks ("for me / for everyone on
//! this PC"), and the imports themselves, which read, check, convert and copy off the
//! interface thread (see [`super::jobs`]) while a progress window shows what runs.
//!
//! It owns its state ([`Importer`]), its messages ([`Msg`]) and their handling
//! (`QuizApp::import_update`); the app only hands it messages and polls its work.

use super::drop_ask::DropAsk;
use super::jobs::Job;
use super::{Action, QuizApp, Screen};
use crate::deck::Deck;
use crate::import_export::mapping::{self, Field};
use crate::import_export::quizlet::{self, QuizletSeparators};
use crate::import_export::{ImportExportError, ImportOptions, RowProblem};
use crate::library::{self as lib, DeckOrigin, LibraryError};
use crate::package::PackageError;
use crate::tr;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

/// What the import area is asked to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Import this file for the open profile, or for everyone on this PC (the class deck
    /// folder). A spreadsheet or text file opens the import dialog first.
    File {
        /// The file chosen.
        path: PathBuf,
        /// For every profile on this PC.
        everyone: bool,
    },
    /// Files dropped onto the window (asks for whom when there is a class deck folder).
    Dropped(Vec<PathBuf>),
    /// Import the dropped files, for the open profile or for everyone.
    DroppedFor {
        /// For every profile on this PC.
        everyone: bool,
    },
    /// Forget the dropped files without importing them.
    CloseDropAsk,
    /// Open the import dialog on pasted text (a Quizlet export, or spreadsheet rows).
    Paste,
    /// Import the dialog's cards (`skip_bad_rows`: leave the rows with problems out).
    ImportText {
        /// Import the other rows when some have problems.
        skip_bad_rows: bool,
    },
    /// Close the import dialog without importing.
    CloseText,
    /// Hide the errors of a deck that was not imported.
    DismissErrors,
}

/// How the dialog reads the text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TextFormat {
    /// A spreadsheet: columns mapped to fields.
    Columns,
    /// A Quizlet export: term and definition, with separators.
    Quizlet,
}

/// A separator choice of the Quizlet format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sep {
    /// Guessed from the text (tab or comma; new line or semicolon).
    Auto,
    /// Tab (between term and definition) or new line (between cards).
    First,
    /// Comma (between term and definition) or semicolon (between cards).
    Second,
    /// The characters typed.
    Custom,
}

/// Where the dialog's text comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Source {
    /// A file (its text is read in the background).
    File(PathBuf),
    /// Text pasted into the dialog.
    Pasted,
}

/// The import dialog for spreadsheets and Quizlet text.
#[derive(Debug)]
pub struct TextDialog {
    /// Where the text comes from.
    pub source: Source,
    /// The text (None while a file is being read).
    pub text: Option<String>,
    /// Why the file could not be read.
    pub read_error: Option<String>,
    /// How the text is read.
    pub format: TextFormat,
    /// The new deck's title.
    pub title: String,
    /// For every profile on this PC (the class deck folder).
    pub everyone: bool,
    /// The first row names the columns.
    pub has_header: bool,
    /// The field of each column.
    pub mapping: Vec<Field>,
    /// Between term and definition (Quizlet).
    pub term_sep: Sep,
    /// The custom term separator typed.
    pub term_custom: String,
    /// Between cards (Quizlet).
    pub card_sep: Sep,
    /// The custom card separator typed.
    pub card_custom: String,
    /// Problems of the last import tried, by row (nothing was written).
    pub problems: Vec<RowProblem>,
    /// What the last import said when it failed as a whole.
    pub error: Option<String>,
    /// The preview as last computed, and the inputs it was computed from.
    preview: Option<(PreviewKey, PreviewShown)>,
}

/// What a preview depends on (it is computed again only when this changes).
#[derive(Debug, Clone, PartialEq)]
struct PreviewKey {
    format: TextFormat,
    text_len: usize,
    text_hash: u64,
    term: Option<String>,
    card: Option<String>,
}

/// A computed preview.
#[derive(Debug, Clone, Default)]
struct PreviewShown {
    /// Rows shown (the header first when there is one).
    rows: Vec<Vec<String>>,
    /// Rows in the part of the text previewed.
    count: usize,
    /// The guessed mapping and header (columns).
    guessed: Option<(Vec<Field>, bool)>,
    /// Problems found in the part previewed (Quizlet), or why it cannot be read.
    problems: Vec<RowProblem>,
    error: Option<String>,
}

/// Rows shown in the preview.
const PREVIEW_ROWS: usize = 6;
/// The part of the text the preview reads (the whole text is read by the import).
const PREVIEW_BYTES: usize = 64 * 1024;
/// Characters of a cell shown in the preview.
const CELL_CHARS: usize = 40;

impl TextDialog {
    fn new(source: Source, title: String, everyone: bool) -> TextDialog {
        let pasted = source == Source::Pasted;
        TextDialog {
            source,
            text: pasted.then(String::new),
            read_error: None,
            format: if pasted {
                TextFormat::Quizlet
            } else {
                TextFormat::Columns
            },
            title,
            everyone,
            has_header: true,
            mapping: Vec::new(),
            term_sep: Sep::Auto,
            term_custom: String::new(),
            card_sep: Sep::Auto,
            card_custom: String::new(),
            problems: Vec::new(),
            error: None,
            preview: None,
        }
    }

    /// The Quizlet separators chosen (None: guessed).
    pub fn separators(&self) -> QuizletSeparators {
        let pick = |sep: Sep, first: &str, second: &str, custom: &str| match sep {
            Sep::Auto => None,
            Sep::First => Some(first.to_owned()),
            Sep::Second => Some(second.to_owned()),
            Sep::Custom => quizlet::parse_separator(custom).ok(),
        };
        QuizletSeparators {
            term: pick(self.term_sep, "\t", ",", &self.term_custom),
            card: pick(self.card_sep, "\n", ";", &self.card_custom),
        }
    }

    /// The deck id: from the file's name (so importing the file again replaces the same
    /// deck and keeps its card ids), or from the title for pasted text.
    pub fn deck_id(&self) -> String {
        let base = match &self.source {
            Source::File(p) => p
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default(),
            Source::Pasted => self.title.clone(),
        };
        match crate::slug::slug(&base, 48) {
            s if s.is_empty() => "imported-cards".to_owned(),
            s => s,
        }
    }

    /// The file name given to the import (its extension picks the CSV delimiter).
    fn name(&self) -> PathBuf {
        match &self.source {
            Source::File(p) => p.clone(),
            Source::Pasted => PathBuf::from("pasted.txt"),
        }
    }

    /// Computes the preview again when its inputs changed: only the first
    /// [`PREVIEW_BYTES`] of the text are read, so this stays quick on any file.
    fn refresh_preview(&mut self) {
        let Some(text) = &self.text else { return };
        let mut cut = text.len().min(PREVIEW_BYTES);
        while !text.is_char_boundary(cut) {
            cut -= 1;
        }
        let part = &text[..cut];
        let seps = self.separators();
        let key = PreviewKey {
            format: self.format,
            text_len: text.len(),
            text_hash: {
                use std::hash::{Hash, Hasher};
                let mut h = std::collections::hash_map::DefaultHasher::new();
                part.hash(&mut h);
                h.finish()
            },
            term: seps.term.clone(),
            card: seps.card.clone(),
        };
        if self.preview.as_ref().is_some_and(|(k, _)| *k == key) {
            return;
        }
        // Cut at the last whole line, so the preview's last row is not a broken one.
        let part = if cut < text.len() {
            part.rfind('\n').map_or(part, |i| &part[..i])
        } else {
            part
        };
        let shown = match self.format {
            TextFormat::Columns => match mapping::preview(part, &self.name(), PREVIEW_ROWS) {
                Ok(p) => {
                    let mut rows = vec![p.first_row.clone()];
                    rows.extend(p.rows.iter().cloned());
                    rows.truncate(PREVIEW_ROWS);
                    PreviewShown {
                        rows,
                        count: p.row_count,
                        guessed: Some((p.mapping, p.has_header)),
                        ..PreviewShown::default()
                    }
                }
                Err(e) => PreviewShown {
                    error: Some(e.to_string()),
                    ..PreviewShown::default()
                },
            },
            TextFormat::Quizlet => {
                let (cards, problems) = quizlet::parse(part, &seps);
                PreviewShown {
                    count: cards.len(),
                    rows: cards
                        .into_iter()
                        .take(PREVIEW_ROWS)
                        .map(|(_, t, d)| vec![t, d])
                        .collect(),
                    problems,
                    ..PreviewShown::default()
                }
            }
        };
        // A new text or format: the guessed mapping replaces the old one.
        let text_changed = self
            .preview
            .as_ref()
            .is_none_or(|(k, _)| k.text_hash != key.text_hash || k.format != key.format);
        if text_changed && let Some((m, header)) = &shown.guessed {
            self.mapping = m.clone();
            self.has_header = *header;
        }
        self.preview = Some((key, shown));
    }

    /// What is wrong with the chosen mapping, before anything is read: no question
    /// column, or a field that takes one column chosen for two.
    fn mapping_problem(&self) -> Option<String> {
        if self.format != TextFormat::Columns || self.preview.is_none() {
            return None;
        }
        if !self.mapping.contains(&Field::Question) {
            return Some(tr!("import-no-question-column"));
        }
        Field::ALL
            .into_iter()
            .filter(|f| !matches!(f, Field::Ignore | Field::Distractor))
            .find(|f| self.mapping.iter().filter(|m| *m == f).count() > 1)
            .map(|f| tr!("import-field-twice", field = field_name(f)))
    }

    /// The number of columns the preview found.
    fn columns(&self) -> usize {
        self.preview
            .as_ref()
            .map_or(0, |(_, p)| p.rows.iter().map(Vec::len).max().unwrap_or(0))
    }

    /// Draws the dialog; returns the action chosen.
    fn ui(&mut self, ctx: &egui::Context, class_folder: Option<&str>) -> Option<Action> {
        self.refresh_preview();
        // Escape closes an open column menu first, not the dialog.
        let menu_open = egui::Popup::is_any_open(ctx);
        let mut action = None;
        let mut open = true;
        let screen = ctx.content_rect();
        egui::Window::new(tr!("import-title"))
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .max_width(screen.width() * 0.9)
            .show(ctx, |ui| {
                ui.set_max_width(screen.width() * 0.9 - 24.0);
                let line = ui.text_style_height(&egui::TextStyle::Button)
                    + 2.0 * ui.spacing().button_padding.y
                    + ui.spacing().item_spacing.y;
                // The buttons below always stay in the window; the rest scrolls.
                let body = (screen.height() * 0.9 - 4.0 * line).max(line * 3.0);
                egui::ScrollArea::vertical()
                    .id_salt("import-body")
                    .max_height(body)
                    .auto_shrink([false, true])
                    .show(ui, |ui| self.body_ui(ui, class_folder));
                ui.separator();
                self.buttons_ui(ui, &mut action);
            });
        if !open || (!menu_open && ctx.input(|i| i.key_pressed(egui::Key::Escape))) {
            action = Some(Action::Import(Msg::CloseText));
        }
        action
    }

    fn body_ui(&mut self, ui: &mut egui::Ui, class_folder: Option<&str>) {
        ui.label(match &self.source {
            Source::File(p) => tr!(
                "import-from-file",
                file = p
                    .file_name()
                    .map(|n| n.to_string_lossy().into_owned())
                    .unwrap_or_default()
            ),
            Source::Pasted => tr!("import-paste-here"),
        });
        if self.source == Source::Pasted {
            let label = ui.label(tr!("import-pasted-text"));
            let text = self.text.get_or_insert_with(String::new);
            let r = ui
                .add(
                    egui::TextEdit::multiline(text)
                        .desired_rows(5)
                        .desired_width(f32::INFINITY)
                        .hint_text(tr!("import-paste-hint")),
                )
                .labelled_by(label.id);
            // The text field has the cursor when the dialog opens.
            if text.is_empty() && !ui.memory(|m| m.focused().is_some()) {
                r.request_focus();
            }
        }
        if let Some(e) = &self.read_error {
            ui.colored_label(super::theme::wrong_color(ui), e);
            return;
        }
        if self.text.is_none() {
            ui.horizontal(|ui| {
                ui.spinner();
                ui.label(tr!("import-reading"));
            });
            return;
        }
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(tr!("import-deck-title"));
            ui.add(egui::TextEdit::singleline(&mut self.title).desired_width(240.0))
                .labelled_by(l.id);
        });
        if let Some(folder) = class_folder {
            ui.checkbox(&mut self.everyone, tr!("picker-everyone-on-this-pc"))
                .on_hover_text(tr!("picker-copied-into", folder = folder));
        }
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("import-read-as"));
            ui.radio_value(
                &mut self.format,
                TextFormat::Columns,
                tr!("import-format-columns"),
            );
            ui.radio_value(
                &mut self.format,
                TextFormat::Quizlet,
                tr!("import-format-quizlet"),
            );
        });
        match self.format {
            TextFormat::Columns => {
                ui.checkbox(&mut self.has_header, tr!("import-first-row-names"));
            }
            TextFormat::Quizlet => self.separators_ui(ui),
        }
        ui.separator();
        self.preview_ui(ui);
        // The problems of the import tried, else those the preview already shows.
        let problems = match (&self.problems, &self.preview) {
            (p, _) if !p.is_empty() => Some((p, tr!("import-problems", n = p.len()))),
            (_, Some((_, shown))) if !shown.problems.is_empty() => Some((
                &shown.problems,
                tr!("import-preview-problems", n = shown.problems.len()),
            )),
            _ => None,
        };
        if let Some((problems, heading)) = problems {
            ui.separator();
            ui.colored_label(super::theme::wrong_color(ui), heading);
            for p in problems.iter().take(200) {
                ui.add(egui::Label::new(row_problem(p, self.format)).wrap());
            }
            if problems.len() > 200 {
                ui.label(tr!("import-more-problems", n = problems.len() - 200));
            }
        }
        if let Some(e) = &self.error {
            ui.colored_label(super::theme::wrong_color(ui), e);
        }
        if let Some(m) = self.mapping_problem() {
            ui.colored_label(super::theme::wrong_color(ui), m);
        }
    }

    fn separators_ui(&mut self, ui: &mut egui::Ui) {
        let row = |ui: &mut egui::Ui,
                   label: String,
                   sep: &mut Sep,
                   custom: &mut String,
                   names: [String; 2]| {
            ui.horizontal_wrapped(|ui| {
                ui.label(label);
                ui.radio_value(sep, Sep::Auto, tr!("import-sep-auto"));
                let [a, b] = names;
                ui.radio_value(sep, Sep::First, a);
                ui.radio_value(sep, Sep::Second, b);
                ui.radio_value(sep, Sep::Custom, tr!("import-sep-custom"));
                if *sep == Sep::Custom {
                    ui.add(egui::TextEdit::singleline(custom).desired_width(60.0))
                        .on_hover_text(tr!("import-sep-custom-hint"));
                }
            });
        };
        row(
            ui,
            tr!("import-term-sep"),
            &mut self.term_sep,
            &mut self.term_custom,
            [tr!("import-sep-tab"), tr!("import-sep-comma")],
        );
        row(
            ui,
            tr!("import-card-sep"),
            &mut self.card_sep,
            &mut self.card_custom,
            [tr!("import-sep-newline"), tr!("import-sep-semicolon")],
        );
    }

    fn preview_ui(&mut self, ui: &mut egui::Ui) {
        let Some((_, shown)) = &self.preview else {
            return;
        };
        if let Some(e) = &shown.error {
            ui.colored_label(super::theme::wrong_color(ui), e);
            return;
        }
        let shown = shown.clone();
        let columns = self.columns();
        if self.format == TextFormat::Columns {
            self.mapping.resize(columns, Field::Ignore);
        }
        ui.label(match self.format {
            TextFormat::Columns => tr!("import-preview", n = shown.count),
            TextFormat::Quizlet => tr!("import-preview-cards", n = shown.count),
        });
        egui::ScrollArea::horizontal()
            .id_salt("import-preview")
            .show(ui, |ui| {
                egui::Grid::new("import-grid")
                    .striped(true)
                    .spacing([12.0, 4.0])
                    .show(ui, |ui| match self.format {
                        TextFormat::Columns => {
                            for (i, field) in self.mapping.iter_mut().enumerate() {
                                field_choice(ui, i, field);
                            }
                            ui.end_row();
                            for (r, row) in shown.rows.iter().enumerate() {
                                for c in 0..columns {
                                    let cell = row.get(c).map(String::as_str).unwrap_or("");
                                    let text = egui::RichText::new(cut(cell));
                                    ui.label(if r == 0 && self.has_header {
                                        text.strong()
                                    } else {
                                        text
                                    });
                                }
                                ui.end_row();
                            }
                        }
                        TextFormat::Quizlet => {
                            ui.label(egui::RichText::new(tr!("import-term")).strong());
                            ui.label(egui::RichText::new(tr!("import-definition")).strong());
                            ui.end_row();
                            for row in &shown.rows {
                                for cell in row {
                                    ui.label(cut(cell));
                                }
                                ui.end_row();
                            }
                        }
                    });
            });
    }

    fn buttons_ui(&mut self, ui: &mut egui::Ui, action: &mut Option<Action>) {
        ui.horizontal_wrapped(|ui| {
            let ready = self.text.as_ref().is_some_and(|t| !t.trim().is_empty())
                && !self.title.trim().is_empty()
                && self.mapping_problem().is_none();
            let import = ui.add_enabled(ready, egui::Button::new(tr!("import-import")));
            if import.clicked() {
                *action = Some(Action::Import(Msg::ImportText {
                    skip_bad_rows: false,
                }));
            }
            let errors = self
                .problems
                .iter()
                .any(|p| p.severity == crate::deck::Severity::Error);
            if errors
                && ui
                    .add_enabled(ready, egui::Button::new(tr!("import-skip-bad-rows")))
                    .clicked()
            {
                *action = Some(Action::Import(Msg::ImportText {
                    skip_bad_rows: true,
                }));
            }
            if ui.button(tr!("settings-cancel")).clicked() {
                *action = Some(Action::Import(Msg::CloseText));
            }
            if !ui.memory(|m| m.focused().is_some()) && ready {
                import.request_focus();
            }
        });
    }
}

/// A row problem as the dialog lists it (rows of a spreadsheet, cards of a Quizlet text).
fn row_problem(p: &RowProblem, format: TextFormat) -> String {
    let warning = p.severity == crate::deck::Severity::Warning;
    match (format, warning) {
        (TextFormat::Columns, false) => tr!("import-row-error", row = p.row, message = &p.message),
        (TextFormat::Columns, true) => {
            tr!("import-row-warning", row = p.row, message = &p.message)
        }
        (TextFormat::Quizlet, false) => {
            tr!("import-card-error", row = p.row, message = &p.message)
        }
        (TextFormat::Quizlet, true) => {
            tr!("import-card-warning", row = p.row, message = &p.message)
        }
    }
}

/// A cell cut for the preview.
fn cut(cell: &str) -> String {
    let one_line = cell.replace(['\n', '\r'], " ");
    if one_line.chars().count() > CELL_CHARS {
        let mut s: String = one_line.chars().take(CELL_CHARS - 1).collect();
        s.push('…');
        s
    } else {
        one_line
    }
}

/// The field of a column, as the mapping menu names it.
pub fn field_name(f: Field) -> String {
    match f {
        Field::Ignore => tr!("import-field-ignore"),
        Field::Id => tr!("import-field-id"),
        Field::Kind => tr!("import-field-kind"),
        Field::Question => tr!("import-field-question"),
        Field::Answer => tr!("import-field-answer"),
        Field::Accept => tr!("import-field-accept"),
        Field::Distractor => tr!("import-field-distractor"),
        Field::Tags => tr!("import-field-tags"),
        Field::Note => tr!("import-field-note"),
        Field::Source => tr!("import-field-source"),
        Field::Section => tr!("import-field-section"),
        Field::Image => tr!("import-field-picture"),
    }
}

/// The mapping menu of column `i`: a combo box (Tab reaches it, Space opens it), and
/// while it has the focus the arrow keys step through the fields as in a native list box.
fn field_choice(ui: &mut egui::Ui, i: usize, field: &mut Field) {
    let r = egui::ComboBox::from_id_salt(("import-column", i))
        .selected_text(field_name(*field))
        .show_ui(ui, |ui| {
            for f in Field::ALL {
                ui.selectable_value(field, f, field_name(f));
            }
        })
        .response
        .on_hover_text(tr!("import-column-n", n = i + 1));
    if r.has_focus() {
        ui.memory_mut(|m| {
            m.set_focus_lock_filter(
                r.id,
                egui::EventFilter {
                    vertical_arrows: true,
                    ..Default::default()
                },
            )
        });
        let (down, up) = ui.input_mut(|inp| {
            (
                inp.consume_key(egui::Modifiers::NONE, egui::Key::ArrowDown),
                inp.consume_key(egui::Modifiers::NONE, egui::Key::ArrowUp),
            )
        });
        let at = Field::ALL.iter().position(|f| f == field).unwrap_or(0);
        let n = Field::ALL.len();
        if down {
            *field = Field::ALL[(at + 1) % n];
        } else if up {
            *field = Field::ALL[(at + n - 1) % n];
        }
    }
}

/// What a background import gives back (no messages: the interface language lives on
/// the interface thread, so the sentences are made there).
enum Done {
    /// The deck was imported.
    Imported {
        deck: Box<Deck>,
        /// From an Anki package: its report, and the progress its review log means.
        anki: Option<Box<AnkiDone>>,
        /// Warnings and skipped rows of a spreadsheet or Quizlet import.
        problems: Vec<RowProblem>,
        format: Option<TextFormat>,
        reused_ids: usize,
    },
    /// The deck has errors (diagnostics as `check` prints them).
    Invalid(String),
    /// Rows of a spreadsheet or Quizlet text have problems; nothing was written.
    Rows(Vec<RowProblem>),
    /// The import failed (a message for the banner).
    Failed(String),
}

struct AnkiDone {
    report: crate::import_export::anki::AnkiReport,
    progress: Option<crate::store::ProgressBundle>,
    future: usize,
}

/// Work running in the background.
enum Work {
    /// Reading a spreadsheet or text file for the dialog.
    Read(Job<Result<String, String>>),
    /// Importing a file (or the dialog's text) into `dest`.
    Import {
        job: Job<Done>,
        everyone: bool,
        dest: PathBuf,
        /// The profile whose progress an Anki review log becomes.
        profile: String,
    },
}

/// The import area's state: the dialogs, the files waiting, the work running.
#[derive(Default)]
pub struct Importer {
    /// Dropped files waiting for "for me / for everyone".
    pub drop_ask: Option<DropAsk>,
    /// The spreadsheet and Quizlet dialog.
    pub text: Option<Box<TextDialog>>,
    /// Files waiting to be imported (for everyone?), one after the other.
    queue: VecDeque<(PathBuf, bool)>,
    work: Option<(String, Work)>,
    /// Tests hold the next import here until they send (or drop the sender).
    gate: Option<std::sync::mpsc::Receiver<()>>,
}

impl std::fmt::Debug for Importer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Importer")
            .field("queue", &self.queue)
            .field("running", &self.work.as_ref().map(|w| &w.0))
            .finish_non_exhaustive()
    }
}

/// Whether a file is read through the import dialog (spreadsheets and text).
pub fn is_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["csv", "tsv", "txt"].contains(&e.to_ascii_lowercase().as_str()))
}

impl Importer {
    /// True while a file is read or imported in the background.
    pub fn busy(&self) -> bool {
        self.work.is_some()
    }

    /// Holds the next background import until `gate` receives (or its sender is
    /// dropped), so a test can see the window while the import runs.
    #[doc(hidden)]
    pub fn hold_next(&mut self, gate: std::sync::mpsc::Receiver<()>) {
        self.gate = Some(gate);
    }

    /// Draws the import windows (the dialog, the dropped-file question, the progress);
    /// returns the action chosen.
    pub fn ui(&mut self, ctx: &egui::Context, class_folder: Option<&str>) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some((what, Work::Import { .. })) = &self.work {
            egui::Window::new(tr!("import-running-title"))
                .collapsible(false)
                .resizable(false)
                .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
                .show(ctx, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        ui.spinner();
                        ui.label(tr!("import-running", file = what.as_str()));
                    });
                    ui.label(egui::RichText::new(tr!("import-running-keep-working")).weak());
                });
        } else if let Some(t) = &mut self.text {
            actions.extend(t.ui(ctx, class_folder));
        } else if let Some(d) = &mut self.drop_ask {
            actions.extend(d.ui(ctx));
        }
        actions
    }
}

/// A file's name as messages show it.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

impl QuizApp {
    /// Holds the next background import until `gate` receives (or its sender is
    /// dropped), so a test sees the window while the import runs.
    #[doc(hidden)]
    pub fn hold_next_import(&mut self, gate: std::sync::mpsc::Receiver<()>) {
        self.import.hold_next(gate);
    }

    /// Handles a message of the import area.
    pub(super) fn import_update(&mut self, msg: Msg) {
        match msg {
            Msg::File { path, everyone } => {
                self.picker = None;
                self.import.queue.push_back((path, everyone));
                self.import_next();
            }
            Msg::Dropped(paths) => match (self.class_dirs.first(), &self.open) {
                // With a class deck folder, ask for whom, as the picker does.
                (Some(class), Some(_)) => {
                    let ask = self.import.drop_ask.get_or_insert_with(Default::default);
                    ask.everyone_folder = class.describe();
                    ask.paths.extend(paths);
                }
                _ => {
                    self.import
                        .queue
                        .extend(paths.into_iter().map(|p| (p, false)));
                    self.import_next();
                }
            },
            Msg::DroppedFor { everyone } => {
                let paths = self.import.drop_ask.take().map(|d| d.paths);
                self.import
                    .queue
                    .extend(paths.unwrap_or_default().into_iter().map(|p| (p, everyone)));
                self.import_next();
            }
            Msg::CloseDropAsk => self.import.drop_ask = None,
            Msg::Paste => {
                if self.open.is_some() && self.import.text.is_none() {
                    self.import.text = Some(Box::new(TextDialog::new(
                        Source::Pasted,
                        tr!("import-pasted-deck-title"),
                        false,
                    )));
                }
            }
            Msg::ImportText { skip_bad_rows } => self.import_text(skip_bad_rows),
            Msg::CloseText => {
                self.import.text = None;
                self.import_next();
            }
            Msg::DismissErrors => {
                if let Screen::Library(s) = &mut self.screen {
                    s.import_errors = None;
                }
            }
        }
    }

    /// Where an import goes: the open profile's decks, or the first class deck folder.
    /// None (with a message) when there is nowhere.
    fn import_target(&mut self, everyone: bool) -> Option<(PathBuf, String)> {
        let open = self.open.as_ref()?;
        match (everyone, self.class_dirs.first()) {
            (false, _) => Some((open.info.decks_dir(), open.info.slug.clone())),
            (true, Some(class)) => Some((class.path.clone(), open.info.slug.clone())),
            (true, None) => {
                self.banner.push(tr!("msg-no-class-folder"));
                None
            }
        }
    }

    /// Starts the next queued file when nothing else runs and no dialog is open.
    fn import_next(&mut self) {
        if self.import.work.is_some() || self.import.text.is_some() {
            return;
        }
        let Some((path, everyone)) = self.import.queue.pop_front() else {
            return;
        };
        let Some((dest, profile)) = self.import_target(everyone) else {
            return;
        };
        let name = file_name(&path);
        if is_text(&path) {
            let title = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.import.text = Some(Box::new(TextDialog::new(
                Source::File(path.clone()),
                title,
                everyone,
            )));
            let job = Job::spawn("quizdeck-import-read", move || read_text(&path));
            self.import.work = Some((name, Work::Read(job)));
            return;
        }
        let gate = self.import.gate.take();
        let schedule = (!everyone)
            .then(|| self.open.as_ref().map(|o| o.settings.schedule.clone()))
            .flatten();
        let (offset, now) = (self.offset, self.now());
        let to = dest.clone();
        let job = Job::spawn("quizdeck-import", move || {
            if let Some(g) = gate {
                let _ = g.recv();
            }
            import_file(&path, &to, schedule, offset, now)
        });
        self.import.work = Some((
            name,
            Work::Import {
                job,
                everyone,
                dest,
                profile,
            },
        ));
    }

    /// Imports the dialog's text in the background.
    fn import_text(&mut self, skip_bad_rows: bool) {
        let Some(dialog) = &mut self.import.text else {
            return;
        };
        let Some(text) = dialog.text.clone() else {
            return;
        };
        let everyone = dialog.everyone;
        let Some((dest, profile)) = self.import_target(everyone) else {
            return;
        };
        let Some(dialog) = &mut self.import.text else {
            return;
        };
        dialog.problems.clear();
        dialog.error = None;
        let mut id = dialog.deck_id();
        // A bundled deck of that id stays: the import gets an id of its own.
        let existing = self
            .open
            .as_ref()
            .and_then(|o| o.library.get(&crate::ids::DeckId::new(id.clone())));
        let existing = match existing {
            Some(d) if d.origin == DeckOrigin::Bundled => {
                id.push_str("-imported");
                None
            }
            Some(d) => Some(d.deck.clone()),
            None => None,
        };
        let opts = ImportOptions {
            deck_id: id,
            title: dialog.title.trim().to_owned(),
            keep_going: skip_bad_rows,
        };
        let format = dialog.format;
        let mapping = dialog.mapping.clone();
        let has_header = dialog.has_header;
        let seps = dialog.separators();
        let name = dialog.name();
        let gate = self.import.gate.take();
        let to = dest.clone();
        let job = Job::spawn("quizdeck-import", move || {
            if let Some(g) = gate {
                let _ = g.recv();
            }
            let outcome = match format {
                TextFormat::Columns => mapping::import_mapped(
                    &text,
                    &name,
                    &mapping,
                    has_header,
                    existing.as_ref(),
                    &opts,
                ),
                TextFormat::Quizlet => {
                    quizlet::import_quizlet_text(&text, &seps, existing.as_ref(), &opts)
                }
            };
            match outcome {
                Ok(out) => match write_text_deck(&out.deck, &name, &to) {
                    Ok(deck) => Done::Imported {
                        deck: Box::new(deck),
                        anki: None,
                        problems: out.problems,
                        format: Some(format),
                        reused_ids: out.reused_ids,
                    },
                    Err(d) => *d,
                },
                Err(ImportExportError::Rows { problems }) => Done::Rows(problems),
                Err(ImportExportError::Invalid { diagnostics }) => {
                    Done::Invalid(one_per_line(&diagnostics))
                }
                Err(e) => Done::Failed(e.to_string()),
            }
        });
        let title = dialog.title.clone();
        self.import.work = Some((
            title,
            Work::Import {
                job,
                everyone,
                dest,
                profile,
            },
        ));
    }

    /// Applies the background work that has finished (waits for it when `wait`).
    pub(super) fn import_poll(&mut self, wait: bool) {
        while let Some((_, work)) = &self.import.work {
            let finished = match work {
                Work::Read(job) => job.finished(wait).map(|r| r.map(Ok)),
                Work::Import { job, .. } => job.finished(wait).map(|r| r.map(Err)),
            };
            // Still running.
            let Some(result) = finished else { return };
            let Some((name, work)) = self.import.work.take() else {
                return;
            };
            match (result, work) {
                (Some(Ok(read)), _) => {
                    match &mut self.import.text {
                        Some(t) => match read {
                            Ok(text) => t.text = Some(text),
                            Err(e) => t.read_error = Some(e),
                        },
                        // The dialog was closed while its file was read: the next file.
                        None => self.import_next(),
                    }
                }
                (
                    Some(Err(done)),
                    Work::Import {
                        everyone,
                        dest,
                        profile,
                        ..
                    },
                ) => {
                    self.import_done(done, &name, everyone, &dest, &profile);
                    self.import_next();
                }
                // The work ended without a result (it panicked): say so.
                (_, _) => {
                    self.import.text = None;
                    self.banner
                        .push(tr!("import-failed-unexpectedly", file = name.as_str()));
                    self.import_next();
                }
            }
            if !wait {
                return;
            }
        }
    }

    /// Shows what a finished import did.
    fn import_done(&mut self, done: Done, name: &str, everyone: bool, dest: &Path, profile: &str) {
        let whom = if everyone {
            tr!("msg-for-everyone")
        } else {
            String::new()
        };
        match done {
            Done::Imported {
                deck,
                anki,
                problems,
                format,
                reused_ids,
            } => {
                self.import.text = None;
                let mut message = match &anki {
                    Some(a) => tr!(
                        "app-anki-imported",
                        title = deck.title.as_str(),
                        cards = deck.cards.len(),
                        pictures = a.report.pictures,
                        whom = whom.as_str()
                    ),
                    None => tr!(
                        "msg-imported",
                        title = &deck.title,
                        cards = deck.cards.len(),
                        whom = whom.as_str()
                    ),
                };
                if reused_ids > 0 {
                    message.push(' ');
                    message.push_str(&tr!("import-ids-kept", n = reused_ids));
                }
                if let Some(a) = anki {
                    self.anki_progress(*a, profile, &mut message);
                }
                self.reload_library();
                self.banner.push(message);
                if let Some(format) = format {
                    let skipped = problems
                        .iter()
                        .filter(|p| p.severity == crate::deck::Severity::Error)
                        .count();
                    if skipped > 0 {
                        self.banner.push(tr!("import-rows-skipped", n = skipped));
                    }
                    for p in problems.iter().take(10) {
                        self.banner.push(row_problem(p, format));
                    }
                }
                if let Some(shown) = self.open.as_ref().and_then(|o| o.library.get(&deck.id))
                    && shown.deck.version > deck.version
                {
                    self.banner.push(tr!(
                        "msg-newer-version",
                        version = shown.deck.version,
                        place = crate::i18n::origin_names(&shown.origin).0
                    ));
                }
                self.show_library();
            }
            Done::Rows(problems) => {
                if let Some(t) = &mut self.import.text {
                    t.problems = problems;
                }
            }
            Done::Invalid(errors) => {
                if let Some(t) = &mut self.import.text {
                    t.error = Some(errors);
                    return;
                }
                self.show_library();
                if let Screen::Library(s) = &mut self.screen {
                    s.import_errors = Some(errors);
                }
            }
            Done::Failed(e) => {
                let e = format!("{name}: {e}");
                let message = if everyone {
                    tr!(
                        "msg-class-folder-not-writable",
                        error = e,
                        folder = dest.display().to_string()
                    )
                } else {
                    e
                };
                match &mut self.import.text {
                    Some(t) => t.error = Some(message),
                    None => self.banner.push(message),
                }
            }
        }
    }

    /// Keeps an Anki review log as the progress of the profile it was imported for, and
    /// adds the report's lines to `message`.
    fn anki_progress(&mut self, a: AnkiDone, profile: &str, message: &mut String) {
        if a.future > 0 {
            message.push(' ');
            message.push_str(&tr!("app-anki-future", n = a.future));
        }
        if let Some(bundle) = a.progress {
            let now = self.now();
            match &mut self.open {
                Some(open) if open.info.slug == profile => {
                    match open.store.import_bundle(bundle, now, false) {
                        Ok(r) => {
                            message.push(' ');
                            message.push_str(&tr!("app-anki-kept", n = r.history_added));
                        }
                        Err(e) => {
                            message.push(' ');
                            message.push_str(&tr!("app-anki-not-kept", error = e.to_string()));
                        }
                    }
                }
                _ => {
                    message.push(' ');
                    message.push_str(&tr!(
                        "app-anki-not-kept",
                        error = tr!("import-profile-changed")
                    ));
                }
            }
        }
        for line in a
            .report
            .lines()
            .into_iter()
            .skip(1)
            .filter(|l| !l.starts_with("  "))
        {
            message.push(' ');
            message.push_str(&line);
            message.push('.');
        }
    }
}

/// Reads a spreadsheet or text file for the dialog (within the spreadsheet size limit,
/// in any encoding the spreadsheet import reads).
fn read_text(path: &Path) -> Result<String, String> {
    let cap = crate::import_export::MAX_CSV_BYTES;
    let bytes = match quizdeck_core::input::read_regular(path, cap) {
        Ok(Ok(b)) => b,
        Ok(Err(t)) => {
            return Err(tr_free_too_large(path, t.size, cap));
        }
        Err(e) => return Err(format!("{}: {e}", path.display())),
    };
    crate::import_export::decode_text(bytes).map_err(|m| format!("{}: {m}", path.display()))
}

/// The message of a text file above the spreadsheet limit (made off the interface
/// thread, so in the engine's words).
fn tr_free_too_large(path: &Path, size: u64, cap: u64) -> String {
    ImportExportError::Csv {
        path: path.to_owned(),
        message: format!(
            "the file is {} MiB; spreadsheets are limited to {} MiB (split it into several decks)",
            size.div_ceil(1024 * 1024),
            cap / (1024 * 1024)
        ),
    }
    .to_string()
}

/// Writes a deck made from text into `dest` through the library's import (its checks,
/// its pictures copied). Pictures named by the rows are relative to the spreadsheet's
/// folder, so the deck file is written beside it for the copy, then removed.
fn write_text_deck(deck: &Deck, name: &Path, dest: &Path) -> Result<Deck, Box<Done>> {
    let failed = |e: &dyn std::fmt::Display| Box::new(Done::Failed(e.to_string()));
    let beside = name
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && deck.cards.iter().any(|c| c.image.is_some()));
    let tmp = match beside {
        Some(dir) => dir.join(format!(
            ".{}.quizdeck-import-{}",
            deck.id,
            std::process::id()
        )),
        None => dest.join(format!(".text.importing-{}", std::process::id())),
    };
    std::fs::create_dir_all(dest).map_err(|e| failed(&e))?;
    let file = if beside.is_some() {
        tmp.with_extension("ron")
    } else {
        std::fs::create_dir_all(&tmp).map_err(|e| failed(&e))?;
        tmp.join(format!("{}.ron", deck.id))
    };
    let written = crate::import_export::write_atomic(&file, &crate::deck::to_ron(deck))
        .map_err(|e| failed(&e))
        .and_then(|()| lib::import_deck(&file, dest).map_err(|e| Box::new(library_done(e))));
    let _ = std::fs::remove_file(&file);
    if beside.is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    written
}

/// Diagnostics one a line, as the library shows a deck that was not imported.
fn one_per_line(diagnostics: &[crate::deck::Diagnostic]) -> String {
    diagnostics
        .iter()
        .map(|d| d.one_line())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A library error as the import's outcome.
fn library_done(e: LibraryError) -> Done {
    match e {
        LibraryError::Invalid(checked) => Done::Invalid(checked.render()),
        e => Done::Failed(e.to_string()),
    }
}

/// Imports a deck file, a `.qdeck` package or an Anki package into `dest`: all the
/// reading, checking, converting and copying (this runs off the interface thread).
/// With `schedule` (an import for the open profile alone), an Anki review log becomes
/// progress under those settings.
fn import_file(
    path: &Path,
    dest: &Path,
    schedule: Option<crate::schedule::Settings>,
    offset: chrono::FixedOffset,
    now: chrono::DateTime<chrono::Utc>,
) -> Done {
    use crate::import_export::anki;
    if anki::is_anki_package(path) {
        let result = anki::read_package(path, dest, &anki::AnkiOptions::default())
            .and_then(|imp| anki::import_into(&imp, dest).map(|d| (imp, d)));
        return match result {
            Ok((imp, deck)) => {
                let mut done = AnkiDone {
                    report: imp.report.clone(),
                    progress: None,
                    future: 0,
                };
                if let Some(settings) = schedule
                    && !imp.reviews.is_empty()
                {
                    match crate::schedule::Scheduler::new(settings) {
                        Ok(scheduler) => {
                            let (states, history, future) =
                                anki::progress_from_reviews(&imp.reviews, &scheduler, offset, now);
                            done.future = future;
                            done.progress = Some(crate::store::ProgressBundle {
                                format: crate::store::bundle::FORMAT.to_owned(),
                                version: crate::store::bundle::VERSION,
                                exported_at: now,
                                profile_name: None,
                                states,
                                history,
                                settings: None,
                            });
                        }
                        Err(e) => return Done::Failed(e.to_string()),
                    }
                }
                Done::Imported {
                    deck: Box::new(deck),
                    anki: Some(Box::new(done)),
                    problems: Vec::new(),
                    format: None,
                    reused_ids: 0,
                }
            }
            Err(ImportExportError::Invalid { diagnostics }) => {
                Done::Invalid(one_per_line(&diagnostics))
            }
            Err(e @ ImportExportError::Refused { .. }) => Done::Invalid(e.to_string()),
            Err(e) => Done::Failed(e.to_string()),
        };
    }
    let imported = if crate::package::is_package(path) {
        crate::package::import_package(path, dest)
    } else {
        lib::import_deck(path, dest).map_err(Into::into)
    };
    let deck_done = |deck| Done::Imported {
        deck: Box::new(deck),
        anki: None,
        problems: Vec::new(),
        format: None,
        reused_ids: 0,
    };
    match imported {
        Ok(deck) => deck_done(deck),
        Err(
            PackageError::Library(LibraryError::Invalid(checked)) | PackageError::Invalid(checked),
        ) => Done::Invalid(checked.render()),
        Err(e @ PackageError::Refused { .. }) => Done::Invalid(e.to_string()),
        Err(e) => Done::Failed(e.to_string()),
    }
}
