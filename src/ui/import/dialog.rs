//! The import dialog: a spreadsheet's first rows with a field chosen for each column (like
//! Anki's import dialog), or Quizlet text with its separators; the preview follows every
//! change and names the rows with problems.

use super::Msg;
use crate::import_export::RowProblem;
use crate::import_export::mapping::{self, Field};
use crate::import_export::quizlet::{self, QuizletSeparators};
use crate::tr;
use crate::ui::Action;
use std::path::PathBuf;

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
    /// The text field takes the cursor once, when the dialog opens (the button that
    /// opened it still has the focus then).
    focus_text: bool,
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
    pub(super) fn new(source: Source, title: String, everyone: bool) -> TextDialog {
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
            focus_text: pasted,
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
    pub(super) fn name(&self) -> PathBuf {
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
    pub(super) fn ui(&mut self, ctx: &egui::Context, class_folder: Option<&str>) -> Option<Action> {
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
            // The text field has the cursor when the dialog opens (asked once: asking
            // at every frame interrupts typing under X11).
            if std::mem::take(&mut self.focus_text) {
                r.request_focus();
            }
        }
        if let Some(e) = &self.read_error {
            ui.colored_label(crate::ui::theme::wrong_color(ui), e);
            return;
        }
        if self.text.is_none() {
            ui.horizontal(|ui| {
                crate::ui::spinner::spinner(ui);
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
            ui.colored_label(crate::ui::theme::wrong_color(ui), heading);
            for p in problems.iter().take(200) {
                ui.add(egui::Label::new(row_problem(p, self.format)).wrap());
            }
            if problems.len() > 200 {
                ui.label(tr!("import-more-problems", n = problems.len() - 200));
            }
        }
        if let Some(e) = &self.error {
            ui.colored_label(crate::ui::theme::wrong_color(ui), e);
        }
        if let Some(m) = self.mapping_problem() {
            ui.colored_label(crate::ui::theme::wrong_color(ui), m);
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
            ui.colored_label(crate::ui::theme::wrong_color(ui), e);
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
pub(super) fn row_problem(p: &RowProblem, format: TextFormat) -> String {
    let warning = p.severity == crate::deck::Severity::Warning;
    let message = crate::i18n::message(&p.message);
    let message = message.as_str();
    match (format, warning) {
        (TextFormat::Columns, false) => tr!("import-row-error", row = p.row, message = message),
        (TextFormat::Columns, true) => tr!("import-row-warning", row = p.row, message = message),
        (TextFormat::Quizlet, false) => tr!("import-card-error", row = p.row, message = message),
        (TextFormat::Quizlet, true) => tr!("import-card-warning", row = p.row, message = message),
    }
}

/// A cell cut for the preview.
pub(super) fn cut(cell: &str) -> String {
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
        Field::Correction => tr!("import-field-correction"),
        Field::SourceTitle => tr!("import-field-source-title"),
        Field::ChoicePrompt => tr!("import-field-choice-prompt"),
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
