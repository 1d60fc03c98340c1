//! The deck editor screen: choose a deck (or start a new one; a bundled deck is copied
//! first), list and search its cards, add, edit, duplicate, delete and reorder cards of
//! every kind, edit the deck's details, see the checker's problems live (each one opens its
//! card and field), undo and redo, save with the edition raised, and never leave with
//! unsaved edits without being asked.
//!
//! The editing itself is [`crate::deck::edit::DeckEditor`] (no egui); this screen keeps the
//! form's text while a card is typed in, and asks the app for what needs files (opening,
//! saving) through [`Msg`].

use super::Action;
use crate::deck::edit::{DeckEditor, DeckMeta, convert_kind, kind_of, main_text};
use crate::deck::raw::{RawCard, RawDeck, RawKind, RawRef, RawRegion, RawSource};
use crate::deck::validate::Issue;
use crate::deck::{KindName, Severity};
use crate::ids::DeckId;
use crate::tr;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};
use std::collections::BTreeMap;
use std::path::PathBuf;
use std::sync::mpsc;

mod files;
mod form;
mod map;
mod problems;
pub use files::*;
use form::*;
use map::*;
pub use problems::*;

/// Decks larger than this are checked on another thread (smaller ones at once).
pub const BACKGROUND_CHECK_CARDS: usize = 400;

/// What the editor asks the app for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Msg {
    /// Open this deck of the library (a bundled deck opens as a copy).
    Open(DeckId),
    /// Start a new deck.
    New,
    /// Save the deck being edited.
    Save,
    /// Go back to the list of decks.
    Leave,
    /// Answer to "save your changes?" when leaving: save, then go on.
    SaveAndGo,
    /// Answer to "save your changes?": drop the edits and go on.
    DiscardAndGo,
    /// Answer to "save your changes?": stay.
    Stay,
    /// Copy this PNG into the deck's folder and make it the current card's picture.
    AttachPicture(PathBuf),
    /// Show the current card as a student sees it.
    Preview,
    /// Read the picture of the Locate card in the form (a file of the deck's folder or a
    /// built-in map), to draw its regions on.
    LoadPicture(String),
}

/// A deck offered for editing.
#[derive(Debug, Clone)]
pub struct DeckChoice {
    /// Its id.
    pub id: DeckId,
    /// Its title.
    pub title: String,
    /// Where it comes from, as the library says it.
    pub origin: String,
    /// False for bundled decks (they open as a copy).
    pub editable: bool,
}

/// Where a deck that has no file yet is saved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// The open profile's decks.
    Me,
    /// The class deck folder: every profile on this PC.
    Everyone,
}

/// A deck being edited.
pub struct Editing {
    /// The deck and its edits.
    pub editor: DeckEditor,
    /// Its file; None until a new deck or a copy is first saved.
    pub path: Option<PathBuf>,
    /// For a deck with no file yet: where it goes.
    pub target: Target,
    /// The deck's folder (pictures are checked there).
    pub base_dir: Option<PathBuf>,
    /// Raise the edition when saving (so students' copies are replaced by this one).
    pub bump: bool,
    selected: usize,
    search: String,
    /// Cards matching the search, for (revision, search).
    shown: Vec<usize>,
    shown_for: Option<(u64, String)>,
    draft: Option<Draft>,
    meta_draft: Option<MetaDraft>,
    show_meta: bool,
    add_kind: KindName,
    /// The checker's problems and the revision they are for.
    problems: Vec<Issue>,
    problems_for: Option<u64>,
    job: Option<(u64, mpsc::Receiver<Vec<Issue>>)>,
    /// Problems per card (by position), for the list.
    card_problems: BTreeMap<usize, Severity>,
    /// A field to focus on the next frame (a clicked problem).
    focus: Option<String>,
    /// In a narrow window, the card list is shown instead of the card.
    list_view: bool,
    /// A picture's path typed to be copied into the deck.
    picture_from: String,
    /// Pictures checked by earlier runs of the checker (each read once while editing).
    pictures: std::sync::Arc<crate::deck::validate::PictureCache>,
    /// The card shown as a student sees it (answers go nowhere).
    pub preview: Option<Box<super::study::StudyScreen>>,
    /// The picture of the Locate card in the form, and the path it was read for.
    map: Option<(String, super::picture::PictureView)>,
    /// Where the teacher is with drawing the regions of a Locate card.
    locate: LocateTool,
}

impl Editing {
    /// Edits `editor`, saved at `path` (None: not saved yet) with pictures in `base_dir`.
    pub fn new(editor: DeckEditor, path: Option<PathBuf>, base_dir: Option<PathBuf>) -> Editing {
        // The deck opens ready to edit: its first card's first field has the focus, so a
        // keyboard user starts there, not back at the window's first widget.
        let focus = (editor.card(0)).map(|c| form::first_field(kind_of(&c.kind)).to_owned());
        Editing {
            editor,
            path,
            target: Target::Me,
            base_dir,
            bump: true,
            selected: 0,
            search: String::new(),
            shown: Vec::new(),
            shown_for: None,
            draft: None,
            meta_draft: None,
            show_meta: false,
            add_kind: KindName::Basic,
            problems: Vec::new(),
            problems_for: None,
            job: None,
            card_problems: BTreeMap::new(),
            focus,
            list_view: false,
            picture_from: String::new(),
            pictures: std::sync::Arc::default(),
            preview: None,
            map: None,
            locate: LocateTool::default(),
        }
    }

    /// The card shown.
    pub fn selected(&self) -> usize {
        self.selected
    }

    /// The checker's problems for the deck as it is now (None while it is being checked).
    pub fn problems(&self) -> Option<&[Issue]> {
        (self.problems_for == Some(self.editor.revision())).then_some(&self.problems[..])
    }

    /// True when the edition will be raised on saving.
    pub fn will_bump(&self) -> bool {
        self.bump
            && self.path.is_some()
            && self.editor.saved_version() == Some(self.editor.meta().version)
    }
}

/// The deck editor screen.
#[derive(Default)]
pub struct EditorScreen {
    /// Decks that can be opened.
    pub choices: Vec<DeckChoice>,
    /// The deck being edited.
    pub editing: Option<Box<Editing>>,
    /// What happened last (saved, or what went wrong).
    pub message: Option<String>,
    /// Where the class deck folder is, if there is one ("for everyone" saves go there).
    pub class_folder: Option<String>,
    /// What the teacher asked for while edits were unsaved (asked "save your changes?").
    pub held: Option<Box<Action>>,
    /// The window was asked to close while edits were unsaved.
    pub close_held: bool,
    /// The window may close now (the edits were saved or dropped).
    pub close_now: bool,
}

impl EditorScreen {
    /// The screen listing these decks.
    pub fn new(choices: Vec<DeckChoice>, class_folder: Option<String>) -> EditorScreen {
        EditorScreen {
            choices,
            class_folder,
            ..EditorScreen::default()
        }
    }

    /// True when there are unsaved edits.
    pub fn is_dirty(&self) -> bool {
        self.editing.as_ref().is_some_and(|e| e.editor.is_dirty())
    }

    /// True when `action` would leave the deck and its unsaved edits (then the app holds
    /// it and asks first).
    pub fn guards(&self, action: &Action) -> bool {
        self.is_dirty()
            && !matches!(
                action,
                Action::Editor(
                    Msg::Save
                        | Msg::AttachPicture(_)
                        | Msg::Preview
                        | Msg::LoadPicture(_)
                        | Msg::SaveAndGo
                        | Msg::DiscardAndGo
                        | Msg::Stay
                ) | Action::DismissBanner
                    | Action::RetrySave
            )
    }

    /// Draws the screen; returns what the app should do.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        if self.close_now {
            self.close_now = false;
            ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
        }
        if self.is_dirty() && ui.ctx().input(|i| i.viewport().close_requested()) {
            ui.ctx()
                .send_viewport_cmd(egui::ViewportCommand::CancelClose);
            self.close_held = true;
        }
        let mut action = None;
        if self.held.is_some() || self.close_held {
            action = self.leave_dialog(ui.ctx());
        }
        let a = match &mut self.editing {
            None => choose_ui(ui, &self.choices, self.message.as_deref()),
            Some(e) => {
                let modal = self.held.is_some() || self.close_held;
                editing_ui(
                    ui,
                    e,
                    self.message.as_deref(),
                    self.class_folder.as_deref(),
                    modal,
                )
            }
        };
        action.or(a)
    }

    fn leave_dialog(&mut self, ctx: &egui::Context) -> Option<Action> {
        let mut action = None;
        let title = self
            .editing
            .as_ref()
            .map(|e| e.editor.meta().title.clone())
            .unwrap_or_default();
        egui::Modal::new(egui::Id::unique("editor-leave")).show(ctx, |ui| {
            ui.set_max_width(420.0);
            ui.heading(tr!("editor-leave-title"));
            ui.label(tr!("editor-leave-text", title = &title));
            ui.horizontal_wrapped(|ui| {
                let save = ui.button(tr!("editor-save-and-continue"));
                if !ui.memory(|m| m.has_focus(save.id)) && ui.memory(|m| m.focused().is_none()) {
                    save.request_focus();
                }
                if save.clicked() {
                    action = Some(Action::Editor(Msg::SaveAndGo));
                }
                if ui.button(tr!("editor-discard")).clicked() {
                    action = Some(Action::Editor(Msg::DiscardAndGo));
                }
                if ui.button(tr!("editor-keep-editing")).clicked()
                    || ui.input(|i| i.key_pressed(Key::Escape))
                {
                    action = Some(Action::Editor(Msg::Stay));
                }
            });
        });
        action
    }

    /// The answer to "save your changes?" was given: what to do next (the held action),
    /// after `saved` (None: the edits were dropped; Some(false): saving failed, stay).
    pub fn release(&mut self, saved: Option<bool>) -> Option<Action> {
        match saved {
            Some(false) => {
                self.held = None;
                self.close_held = false;
                None
            }
            _ => {
                if saved.is_none() {
                    self.editing = None;
                }
                if std::mem::take(&mut self.close_held) {
                    self.close_now = true;
                }
                self.held.take().map(|a| *a)
            }
        }
    }
}

fn choose_ui(ui: &mut egui::Ui, choices: &[DeckChoice], message: Option<&str>) -> Option<Action> {
    let mut action = None;
    super::frame::page("editor-choose", ui, |ui| {
        ui.heading(tr!("nav-deck-editor"));
        ui.label(tr!("editor-intro"));
        if let Some(m) = message {
            ui.label(RichText::new(m).strong());
        }
        if ui.button(tr!("editor-new-deck")).clicked() {
            action = Some(Action::Editor(Msg::New));
        }
        ui.separator();
        for c in choices {
            ui.horizontal_wrapped(|ui| {
                let (text, name) = if c.editable {
                    (
                        tr!("editor-edit"),
                        tr!("editor-edit-name", title = &c.title),
                    )
                } else {
                    (
                        tr!("editor-copy-to-edit"),
                        tr!("editor-copy-to-edit-name", title = &c.title),
                    )
                };
                let r = ui.button(text).on_hover_text(if c.editable {
                    tr!("editor-open-hint")
                } else {
                    tr!("editor-bundled-hint")
                });
                let enabled = r.enabled();
                r.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &name));
                if r.clicked() {
                    action = Some(Action::Editor(Msg::Open(c.id.clone())));
                }
                ui.label(RichText::new(&c.title).strong());
                ui.label(RichText::new(format!("· {}", c.origin)).weak());
            });
        }
    });
    action
}

/// The editor's keys, taken before any text field sees them (a text field has its own
/// undo, which would otherwise answer Ctrl+Z).
fn shortcuts(ui: &egui::Ui, e: &mut Editing) -> Option<Action> {
    let take =
        |m: Modifiers, k: Key| ui.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(m, k)));
    let redo =
        take(Modifiers::COMMAND | Modifiers::SHIFT, Key::Z) || take(Modifiers::COMMAND, Key::Y);
    if redo {
        step(e, true);
    } else if take(Modifiers::COMMAND, Key::Z) {
        step(e, false);
    }
    if take(Modifiers::COMMAND, Key::S) {
        return Some(save_action(e));
    }
    let n = e.editor.len();
    if take(Modifiers::ALT, Key::ArrowUp) && e.selected > 0 {
        e.editor.move_card(e.selected, e.selected - 1);
        e.selected -= 1;
    }
    if take(Modifiers::ALT, Key::ArrowDown) && e.selected + 1 < n {
        e.editor.move_card(e.selected, e.selected + 1);
        e.selected += 1;
    }
    if take(Modifiers::COMMAND, Key::PageUp) {
        e.selected = e.selected.saturating_sub(1);
    }
    if take(Modifiers::COMMAND, Key::PageDown) && e.selected + 1 < n {
        e.selected += 1;
    }
    if take(Modifiers::COMMAND, Key::N) {
        let at = e.editor.add_card(e.selected + 1, e.add_kind);
        e.selected = at;
        e.focus = Some(first_field(e.add_kind).into());
    }
    None
}

/// Undoes (or redoes) the last edit and shows the card it concerned.
fn step(e: &mut Editing, redo: bool) {
    let at = if redo {
        e.editor.redo()
    } else {
        e.editor.undo()
    };
    if let Some(Some(at)) = at {
        e.selected = at.min(e.editor.len().saturating_sub(1));
    }
}

/// Raises the edition first when asked to.
fn save_action(e: &mut Editing) -> Action {
    if e.will_bump() {
        let mut meta = e.editor.meta().clone();
        meta.version += 1;
        e.editor.set_meta(meta);
    }
    Action::Editor(Msg::Save)
}

fn editing_ui(
    ui: &mut egui::Ui,
    e: &mut Editing,
    message: Option<&str>,
    class_folder: Option<&str>,
    modal: bool,
) -> Option<Action> {
    // The preview has its own keys (Alt+arrows order items there).
    let mut action = if modal || e.preview.is_some() {
        None
    } else {
        shortcuts(ui, e)
    };
    check(ui, e);
    if e.editor.is_empty() {
        e.selected = 0;
    } else {
        e.selected = e.selected.min(e.editor.len() - 1);
    }
    if let Some(p) = &mut e.preview {
        let back = ui
            .button(tr!("editor-back-to-editing"))
            .on_hover_text(tr!("editor-back-to-editing-hint"));
        ui.label(RichText::new(tr!("editor-preview-note")).weak());
        // Whatever the student would do ends the preview; nothing is recorded.
        if back.clicked()
            || p.ui(ui)
                .is_some_and(|a| !matches!(a, Action::Session(super::study::Msg::Undo)))
        {
            e.preview = None;
        }
        return None;
    }
    // The toolbar.
    let narrow = ui.available_width() < 640.0;
    ui.horizontal_wrapped(|ui| {
        if super::nav::back_button(ui, tr!("editor-back-to-decks"))
            .on_hover_text(tr!("editor-back-to-decks-hint"))
            .clicked()
        {
            action = Some(Action::Editor(Msg::Leave));
        }
        let title = e.editor.meta().title.clone();
        ui.label(RichText::new(title).strong());
        if e.editor.is_dirty() {
            ui.label(RichText::new(tr!("editor-unsaved")).weak());
        }
        for (redo, text, keys) in [
            (false, tr!("editor-undo"), "Ctrl+Z"),
            (true, tr!("editor-redo"), "Ctrl+Shift+Z"),
        ] {
            let enabled = if redo {
                e.editor.can_redo()
            } else {
                e.editor.can_undo()
            };
            if ui
                .add_enabled(enabled, egui::Button::new(text))
                .on_hover_text(keys)
                .clicked()
            {
                step(e, redo);
            }
        }
        if ui
            .add_enabled(e.editor.is_dirty(), egui::Button::new(tr!("editor-save")))
            .on_hover_text("Ctrl+S")
            .clicked()
        {
            action = Some(save_action(e));
        }
        if ui
            .selectable_label(e.show_meta, tr!("editor-deck-details"))
            .on_hover_text(tr!("editor-deck-details-hint"))
            .clicked()
        {
            e.show_meta = !e.show_meta;
        }
    });
    ui.horizontal_wrapped(|ui| {
        if let Some(v) = e.editor.saved_version()
            && v == e.editor.meta().version
            && e.path.is_some()
        {
            ui.checkbox(&mut e.bump, tr!("editor-raise-edition", edition = v + 1))
                .on_hover_text(tr!("editor-raise-edition-hint"));
        }
        if e.path.is_none() {
            ui.label(tr!("editor-save-in"));
            ui.radio_value(&mut e.target, Target::Me, tr!("editor-save-in-me"));
            if let Some(folder) = class_folder {
                ui.radio_value(
                    &mut e.target,
                    Target::Everyone,
                    tr!("editor-save-in-everyone"),
                )
                .on_hover_text(tr!("editor-class-folder", folder = folder));
            }
        }
    });
    if let Some(m) = message {
        ui.label(RichText::new(m).strong());
    }
    problems_line(ui, e);
    ui.separator();
    if e.show_meta {
        super::frame::page("editor-meta", ui, |ui| meta_form(ui, e));
        return action;
    }
    if narrow {
        ui.horizontal(|ui| {
            if ui
                .selectable_label(e.list_view, tr!("editor-cards-tab"))
                .clicked()
            {
                e.list_view = true;
            }
            if ui
                .selectable_label(!e.list_view, tr!("editor-card-tab"))
                .clicked()
            {
                e.list_view = false;
            }
        });
        if e.list_view {
            card_list(ui, e);
        } else {
            action = action.or(scrolled_card_form(ui, e));
        }
    } else {
        egui::Panel::left("editor-list")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| card_list(ui, e));
        action = action.or(scrolled_card_form(ui, e));
    }
    action
}

/// The card form in its own scroll area (beside the card list, or alone on a narrow window).
fn scrolled_card_form(ui: &mut egui::Ui, e: &mut Editing) -> Option<Action> {
    super::frame::page("editor-card", ui, |ui| card_form(ui, e))
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{QuizApp, Screen};

/// Opens the deck editor.
pub(super) fn open(app: &mut QuizApp) {
    let Some(open) = &app.open else { return };
    let class = app.class_dirs.first().map(|d| d.describe());
    app.screen = Screen::Editor(Box::new(EditorScreen::new(choices(&open.library), class)));
}

/// Applies what the deck editor asked for (the editing itself stays in the screen).
pub(super) fn update(app: &mut QuizApp, a: Msg) {
    use Msg as E;
    let (Some(open), Screen::Editor(s)) = (&app.open, &mut app.screen) else {
        return;
    };
    let next = match a {
        E::Open(id) => {
            match open_deck(&open.library, &id) {
                Ok(e) => s.editing = Some(Box::new(e)),
                Err(m) => s.message = Some(m),
            }
            None
        }
        E::New => {
            s.editing = Some(Box::new(new_deck(&open.library)));
            s.message = None;
            None
        }
        E::Leave => {
            s.editing = None;
            s.message = None;
            None
        }
        E::Save => {
            app.editor_save();
            None
        }
        E::SaveAndGo => {
            let saved = app.editor_save();
            let Screen::Editor(s) = &mut app.screen else {
                return;
            };
            s.release(Some(saved))
        }
        E::DiscardAndGo => s.release(None),
        E::Stay => {
            s.held = None;
            s.close_held = false;
            None
        }
        E::Preview => {
            let strictness = open.settings.strictness;
            let now = (app.clock)();
            if let Some(e) = &mut s.editing {
                s.message = preview(e, strictness, now, &mut app.rng);
            }
            None
        }
        E::AttachPicture(path) => {
            if let Some(e) = &mut s.editing {
                s.message = Some(attach_picture(e, &path));
            }
            None
        }
        E::LoadPicture(rel) => {
            if let Some(e) = &mut s.editing {
                load_picture(e, &rel);
            }
            None
        }
    };
    if let Some(a) = next {
        app.apply(a);
    }
}

impl QuizApp {
    /// Saves the deck open in the editor; false (with the reason on the screen) when it
    /// could not be saved.
    pub(super) fn editor_save(&mut self) -> bool {
        let class = self.class_dirs.first().map(|d| d.path.clone());
        let (Some(open), Screen::Editor(s)) = (&self.open, &mut self.screen) else {
            return false;
        };
        let Some(e) = &mut s.editing else {
            return false;
        };
        let result = save(e, &open.info.decks_dir(), class.as_deref(), &open.library);
        let ok = result.is_ok();
        s.message = Some(result.unwrap_or_else(|m| m));
        if ok {
            // Read again in the background; the list takes it when it is in.
            self.reload_library();
        }
        ok
    }
}
