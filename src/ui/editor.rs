//! The deck editor screen: choose a deck (or start a new one; a bundled deck is copied
//! first), list and search its cards, add, edit, duplicate, delete and reorder cards of
//! every kind, edit the deck's details, see the checker's problems live (each one opens its
//! card and field), undo and redo, save with the edition raised, and never leave with
//! unsaved edits without being asked.
//!
//! The editing itself is [`crate::deck::edit::DeckEditor`] (no egui); this screen keeps the
//! form's text while a card is typed in, and asks the app for what needs files (opening,
//! saving) through [`EditorAction`].

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

/// Decks larger than this are checked on another thread (smaller ones at once).
pub const BACKGROUND_CHECK_CARDS: usize = 400;

/// What the editor asks the app for.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditorAction {
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
    map: Option<(String, super::study::PictureView)>,
    /// Where the teacher is with drawing the regions of a Locate card.
    locate: LocateTool,
}

impl Editing {
    /// Edits `editor`, saved at `path` (None: not saved yet) with pictures in `base_dir`.
    pub fn new(editor: DeckEditor, path: Option<PathBuf>, base_dir: Option<PathBuf>) -> Editing {
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
            focus: None,
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
                    EditorAction::Save
                        | EditorAction::AttachPicture(_)
                        | EditorAction::Preview
                        | EditorAction::LoadPicture(_)
                        | EditorAction::SaveAndGo
                        | EditorAction::DiscardAndGo
                        | EditorAction::Stay
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
                    action = Some(Action::Editor(EditorAction::SaveAndGo));
                }
                if ui.button(tr!("editor-discard")).clicked() {
                    action = Some(Action::Editor(EditorAction::DiscardAndGo));
                }
                if ui.button(tr!("editor-keep-editing")).clicked()
                    || ui.input(|i| i.key_pressed(Key::Escape))
                {
                    action = Some(Action::Editor(EditorAction::Stay));
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
    egui::ScrollArea::vertical()
        .id_salt("editor-choose")
        .auto_shrink([false, false])
        .show(ui, |ui| {
            ui.heading(tr!("nav-deck-editor"));
            ui.label(tr!("editor-intro"));
            if let Some(m) = message {
                ui.label(RichText::new(m).strong());
            }
            if ui.button(tr!("editor-new-deck")).clicked() {
                action = Some(Action::Editor(EditorAction::New));
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
                        action = Some(Action::Editor(EditorAction::Open(c.id.clone())));
                    }
                    ui.label(RichText::new(&c.title).strong());
                    ui.label(RichText::new(format!("· {}", c.origin)).weak());
                });
            }
        });
    action
}

/// The form's text for one card (kept while typing, so what is typed stays as typed).
struct Draft {
    card: usize,
    rev: u64,
    kind: KindName,
    texts: BTreeMap<&'static str, String>,
    reverse: bool,
    truth: bool,
}

const LIST_SEP: char = '\n';

impl Draft {
    fn of(card: &RawCard, at: usize, rev: u64) -> Draft {
        let mut texts = BTreeMap::new();
        let lines = |v: &[String]| v.join("\n");
        texts.insert("tags", card.tags.join(", "));
        let (doc, section) = card
            .source
            .as_ref()
            .map_or((String::new(), String::new()), |r| {
                (r.doc.clone(), r.section.clone())
            });
        texts.insert("source.doc", doc);
        texts.insert("source.section", section);
        texts.insert("note", card.note.clone());
        texts.insert("image", card.image.clone());
        let (mut reverse, mut truth) = (false, true);
        match &card.kind {
            RawKind::Basic {
                front,
                back,
                reverse: r,
            } => {
                texts.insert("kind.front", front.clone());
                texts.insert("kind.back", back.clone());
                reverse = *r;
            }
            RawKind::Cloze { text } => {
                texts.insert("kind.text", text.clone());
            }
            RawKind::TypeIn { question, answers } => {
                texts.insert("kind.question", question.clone());
                texts.insert("kind.answers", lines(answers));
            }
            RawKind::MultipleChoice {
                question,
                answer,
                distractors,
                also_correct,
            } => {
                texts.insert("kind.question", question.clone());
                texts.insert("kind.answer", answer.clone());
                texts.insert("kind.distractors", lines(distractors));
                texts.insert("kind.also_correct", lines(also_correct));
            }
            RawKind::TrueFalse {
                statement,
                truth: t,
                correction,
            } => {
                texts.insert("kind.statement", statement.clone());
                texts.insert("kind.correction", correction.clone());
                truth = *t;
            }
            RawKind::Order { prompt, items } => {
                texts.insert("kind.prompt", prompt.clone());
                texts.insert("kind.items", lines(items));
            }
            RawKind::Match { prompt, pairs } => {
                texts.insert("kind.prompt", prompt.clone());
                let p: Vec<String> = pairs.iter().map(|(l, r)| format!("{l} = {r}")).collect();
                texts.insert("kind.pairs", p.join("\n"));
            }
            RawKind::Locate {
                prompt,
                picture,
                answer,
                others,
            } => {
                texts.insert("kind.prompt", prompt.clone());
                texts.insert("kind.picture", picture.clone());
                let mut all = vec![answer.clone()];
                all.extend(others.iter().cloned());
                // A new card's answer is an unnamed circle of radius 0: no region yet.
                if others.is_empty() && is_unset(answer) {
                    all.clear();
                }
                texts.insert("kind.regions", regions_text(&all));
            }
        }
        Draft {
            card: at,
            rev,
            kind: kind_of(&card.kind),
            texts,
            reverse,
            truth,
        }
    }

    fn text(&self, key: &str) -> String {
        self.texts.get(key).cloned().unwrap_or_default()
    }

    /// The regions of the text field (one a line, the answer first), and the first line
    /// that does not read as a region.
    fn regions(&self) -> (Vec<RawRegion>, Option<String>) {
        let mut out = Vec::new();
        let mut error = None;
        for (n, line) in self.text("kind.regions").lines().enumerate() {
            if line.trim().is_empty() {
                continue;
            }
            match crate::deck::Region::parse_text(line) {
                Ok(r) => out.push(crate::deck::raw_region(&r)),
                Err(why) => {
                    error
                        .get_or_insert_with(|| tr!("editor-region-line", line = n + 1, why = &why));
                }
            }
        }
        (out, error)
    }

    fn list(&self, key: &str) -> Vec<String> {
        let t = self.text(key);
        if t.is_empty() {
            Vec::new()
        } else {
            t.split(LIST_SEP).map(str::to_owned).collect()
        }
    }

    /// The card the form describes (its id is the editor's business).
    fn card(&self, id: &str) -> RawCard {
        let tags: Vec<String> = self
            .text("tags")
            .split(',')
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect();
        let doc = self.text("source.doc");
        let source = (!doc.trim().is_empty()).then(|| RawRef {
            doc: doc.trim().to_owned(),
            section: self.text("source.section"),
        });
        let kind = match self.kind {
            KindName::Basic => RawKind::Basic {
                front: self.text("kind.front"),
                back: self.text("kind.back"),
                reverse: self.reverse,
            },
            KindName::Cloze => RawKind::Cloze {
                text: self.text("kind.text"),
            },
            KindName::TypeIn => RawKind::TypeIn {
                question: self.text("kind.question"),
                answers: self.list("kind.answers"),
            },
            KindName::MultipleChoice => RawKind::MultipleChoice {
                question: self.text("kind.question"),
                answer: self.text("kind.answer"),
                distractors: self.list("kind.distractors"),
                also_correct: self.list("kind.also_correct"),
            },
            KindName::TrueFalse => RawKind::TrueFalse {
                statement: self.text("kind.statement"),
                truth: self.truth,
                correction: self.text("kind.correction"),
            },
            KindName::Order => RawKind::Order {
                prompt: self.text("kind.prompt"),
                items: self.list("kind.items"),
            },
            KindName::Match => RawKind::Match {
                prompt: self.text("kind.prompt"),
                pairs: self
                    .list("kind.pairs")
                    .iter()
                    .map(|l| match l.split_once('=') {
                        Some((a, b)) => (a.trim().to_owned(), b.trim().to_owned()),
                        None => (l.trim().to_owned(), String::new()),
                    })
                    .collect(),
            },
            KindName::Locate => {
                let (mut regions, _) = self.regions();
                let answer = if regions.is_empty() {
                    match crate::deck::edit::empty_kind(KindName::Locate) {
                        RawKind::Locate { answer, .. } => answer,
                        _ => unreachable!("empty_kind keeps the kind"),
                    }
                } else {
                    regions.remove(0)
                };
                RawKind::Locate {
                    prompt: self.text("kind.prompt"),
                    picture: self.text("kind.picture").trim().to_owned(),
                    answer,
                    others: regions,
                }
            }
        };
        RawCard {
            id: id.to_owned(),
            tags,
            source,
            note: self.text("note"),
            image: self.text("image"),
            kind,
        }
    }
}

/// The deck details' text, kept while typing.
struct MetaDraft {
    rev: u64,
    id: String,
    title: String,
    description: String,
    language: String,
    authors: String,
    version: u32,
    /// One source a line: `key = title` (a URL after ` | `).
    sources: String,
}

impl MetaDraft {
    fn of(meta: &DeckMeta, rev: u64) -> MetaDraft {
        let sources: Vec<String> = meta
            .sources
            .iter()
            .map(|(k, s)| {
                if s.url.is_empty() {
                    format!("{k} = {}", s.title)
                } else {
                    format!("{k} = {} | {}", s.title, s.url)
                }
            })
            .collect();
        MetaDraft {
            rev,
            id: meta.id.clone(),
            title: meta.title.clone(),
            description: meta.description.clone(),
            language: meta.language.clone(),
            authors: meta.authors.join(", "),
            version: meta.version,
            sources: sources.join("\n"),
        }
    }

    fn meta(&self) -> DeckMeta {
        let mut sources = BTreeMap::new();
        for line in self.sources.lines().filter(|l| !l.trim().is_empty()) {
            let (key, rest) = line.split_once('=').unwrap_or((line, ""));
            let (title, url) = rest.split_once(" | ").unwrap_or((rest, ""));
            sources.insert(
                key.trim().to_owned(),
                RawSource {
                    title: title.trim().to_owned(),
                    url: url.trim().to_owned(),
                },
            );
        }
        DeckMeta {
            id: self.id.trim().to_owned(),
            title: self.title.clone(),
            description: self.description.clone(),
            language: self.language.trim().to_owned(),
            authors: self
                .authors
                .split(',')
                .map(|a| a.trim().to_owned())
                .filter(|a| !a.is_empty())
                .collect(),
            version: self.version,
            sources,
        }
    }
}

/// A stable number for the typing group of field `key` of card `at`.
fn group(at: usize, key: &str) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    (at, key).hash(&mut h);
    h.finish()
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
    Action::Editor(EditorAction::Save)
}

/// Starts or collects the checker's run for the deck as it is now.
fn check(ui: &egui::Ui, e: &mut Editing) {
    let rev = e.editor.revision();
    if let Some((for_rev, rx)) = &e.job {
        match rx.try_recv() {
            Ok(problems) => {
                e.problems = problems;
                e.problems_for = Some(*for_rev);
                e.job = None;
                e.card_problems = per_card(&e.problems);
            }
            Err(mpsc::TryRecvError::Empty) => {
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(50));
                return;
            }
            Err(mpsc::TryRecvError::Disconnected) => e.job = None,
        }
    }
    if e.problems_for == Some(rev) {
        return;
    }
    let raw = e.editor.to_raw();
    let dir = e.base_dir.clone();
    let pictures = e.pictures.clone();
    if raw.cards.len() <= BACKGROUND_CHECK_CARDS {
        e.problems = run_check(&raw, dir.as_deref(), &pictures);
        e.problems_for = Some(rev);
        e.card_problems = per_card(&e.problems);
    } else {
        let (tx, rx) = mpsc::channel();
        std::thread::spawn(move || {
            let _ = tx.send(run_check(&raw, dir.as_deref(), &pictures));
        });
        e.job = Some((rev, rx));
        ui.ctx()
            .request_repaint_after(std::time::Duration::from_millis(50));
    }
}

/// The problems `quizdeck check` reports for this deck.
fn run_check(
    raw: &RawDeck,
    dir: Option<&std::path::Path>,
    pictures: &crate::deck::validate::PictureCache,
) -> Vec<Issue> {
    let mut issues = crate::deck::validate::validate_cached(raw, dir, pictures).1;
    if raw.cards.is_empty() {
        issues.push(Issue {
            severity: Severity::Error,
            code: "no-cards",
            path: "cards".into(),
            message: crate::message::Message::new("editor-no-cards"),
            hint: Some(crate::message::Message::new("editor-no-cards-hint")),
            related: None,
        });
    }
    issues
}

fn per_card(issues: &[Issue]) -> BTreeMap<usize, Severity> {
    let mut m = BTreeMap::new();
    for i in issues {
        if let Some((card, _)) = split_path(&i.path) {
            let s = m.entry(card).or_insert(i.severity);
            *s = (*s).max(i.severity);
        }
    }
    m
}

/// `cards[3].kind.answer` → (3, "kind.answer"); None for the deck's own fields.
pub fn split_path(path: &str) -> Option<(usize, &str)> {
    let rest = path.strip_prefix("cards[")?;
    let (n, rest) = rest.split_once(']')?;
    Some((n.parse().ok()?, rest.strip_prefix('.').unwrap_or(rest)))
}

/// The form field a problem's path points at: `kind.distractors[1]` → `kind.distractors`;
/// a Locate card's `kind.answer.x` or `kind.others[2].name` → its regions' text.
fn field_key(path: &str) -> String {
    let key = path.split('[').next().unwrap_or(path);
    if key.starts_with("kind.answer.") || key == "kind.others" {
        return "kind.regions".into();
    }
    match key {
        "source" => "source.doc".into(),
        "kind" | "" => "kind".into(),
        k => k.into(),
    }
}

fn first_field(kind: KindName) -> &'static str {
    match kind {
        KindName::Basic => "kind.front",
        KindName::Cloze => "kind.text",
        KindName::TypeIn | KindName::MultipleChoice => "kind.question",
        KindName::TrueFalse => "kind.statement",
        KindName::Order | KindName::Match | KindName::Locate => "kind.prompt",
    }
}

/// A labelled choice of card kind.
fn kind_box(ui: &mut egui::Ui, salt: &str, label: &str, kind: &mut KindName) {
    let l = ui.label(label);
    egui::ComboBox::from_id_salt(salt)
        .selected_text(kind_label(*kind))
        // Every kind in view, none behind a scroll bar.
        .height(f32::INFINITY)
        .show_ui(ui, |ui| {
            for k in KindName::ALL {
                ui.selectable_value(kind, k, kind_label(k));
            }
        })
        .response
        .labelled_by(l.id);
}

fn kind_label(kind: KindName) -> String {
    match kind {
        KindName::Basic => tr!("editor-kind-basic"),
        KindName::Cloze => tr!("editor-kind-cloze"),
        KindName::TypeIn => tr!("editor-kind-type-in"),
        KindName::MultipleChoice => tr!("editor-kind-multiple-choice"),
        KindName::TrueFalse => tr!("editor-kind-true-false"),
        KindName::Order => tr!("editor-kind-order"),
        KindName::Match => tr!("editor-kind-match"),
        KindName::Locate => tr!("editor-kind-locate"),
    }
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
        if back.clicked() || p.ui(ui).is_some_and(|a| !matches!(a, Action::Undo)) {
            e.preview = None;
        }
        return None;
    }
    // The toolbar.
    let narrow = ui.available_width() < 640.0;
    ui.horizontal_wrapped(|ui| {
        if ui
            .button(tr!("editor-back-to-decks"))
            .on_hover_text(tr!("editor-back-to-decks-hint"))
            .clicked()
        {
            action = Some(Action::Editor(EditorAction::Leave));
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
        egui::ScrollArea::vertical()
            .id_salt("editor-meta")
            .auto_shrink([false, false])
            .show(ui, |ui| meta_form(ui, e));
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
            let a = egui::ScrollArea::vertical()
                .id_salt("editor-card")
                .auto_shrink([false, false])
                .show(ui, |ui| card_form(ui, e))
                .inner;
            action = action.or(a);
        }
    } else {
        egui::Panel::left("editor-list")
            .resizable(true)
            .default_size(260.0)
            .show(ui, |ui| card_list(ui, e));
        let a = egui::ScrollArea::vertical()
            .id_salt("editor-card")
            .auto_shrink([false, false])
            .show(ui, |ui| card_form(ui, e))
            .inner;
        action = action.or(a);
    }
    action
}

/// The count of problems, and the deck's own problems (clickable).
fn problems_line(ui: &mut egui::Ui, e: &mut Editing) {
    let Some(problems) = e.problems() else {
        ui.label(RichText::new(tr!("editor-checking")).weak());
        return;
    };
    let (errors, warnings) = problems.iter().fold((0, 0), |(er, w), i| match i.severity {
        Severity::Error => (er + 1, w),
        Severity::Warning => (er, w + 1),
    });
    let p = super::theme::palette(ui);
    let summary = if errors + warnings == 0 {
        tr!("editor-no-problems")
    } else {
        if errors > 0 {
            tr!(
                "editor-problems-errors",
                errors = errors,
                warnings = warnings
            )
        } else {
            tr!(
                "editor-problems-warnings",
                errors = errors,
                warnings = warnings
            )
        }
    };
    let color = if errors > 0 { p.wrong } else { p.weak_text };
    ui.colored_label(color, summary);
    if errors + warnings == 0 {
        return;
    }
    // Every problem, each one opening its card and field (the deck's own open the details).
    let shown: Vec<Issue> = problems.iter().take(MAX_LISTED).cloned().collect();
    egui::CollapsingHeader::new(tr!("editor-all-problems", n = errors + warnings))
        .id_salt("editor-problems")
        .show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("editor-problems-list")
                .max_height(ui.text_style_height(&egui::TextStyle::Body) * 8.0)
                .show(ui, |ui| {
                    for i in &shown {
                        let at = split_path(&i.path);
                        if problem_button(ui, i, at.map(|(c, _)| c)).clicked() {
                            match at {
                                Some((card, field)) => {
                                    e.selected = card;
                                    e.focus = Some(field_key(field));
                                    e.show_meta = false;
                                    e.list_view = false;
                                }
                                None => e.show_meta = true,
                            }
                        }
                    }
                });
        });
}

/// Problems listed at most (the checker counts the rest in its last one).
const MAX_LISTED: usize = 200;

fn problem_button(ui: &mut egui::Ui, i: &Issue, card: Option<usize>) -> egui::Response {
    let p = super::theme::palette(ui);
    let (word, color) = match i.severity {
        Severity::Error => (tr!("editor-error"), p.wrong),
        Severity::Warning => (tr!("editor-warning"), p.weak_text),
    };
    let mut text = format!("{word}: {}", crate::i18n::message(&i.message));
    if let Some(h) = &i.hint {
        text.push_str(&format!(" ({})", crate::i18n::message(h)));
    }
    if let Some(c) = card {
        text = tr!("editor-problem-in-card", card = c + 1, text = &text);
    }
    ui.add(egui::Button::new(RichText::new(text).color(color)).wrap())
        .on_hover_text(tr!("editor-go-to-field"))
}

fn card_list(ui: &mut egui::Ui, e: &mut Editing) {
    ui.horizontal(|ui| {
        let l = ui.label(tr!("editor-search"));
        ui.add(
            egui::TextEdit::singleline(&mut e.search)
                .id_salt("editor-search")
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    });
    let key = (e.editor.revision(), e.search.clone());
    if e.shown_for.as_ref() != Some(&key) {
        let needle = crate::answer::normalize_for_search(e.search.trim());
        e.shown = e
            .editor
            .cards()
            .enumerate()
            .filter(|(_, c)| {
                needle.is_empty()
                    || crate::answer::normalize_for_search(main_text(&c.kind)).contains(&needle)
                    || c.id.contains(&needle)
                    || c.tags.iter().any(|t| t.contains(&needle))
            })
            .map(|(n, _)| n)
            .collect();
        e.shown_for = Some(key);
    }
    ui.horizontal_wrapped(|ui| {
        kind_box(
            ui,
            "editor-add-kind",
            &tr!("editor-new-card-kind"),
            &mut e.add_kind,
        );
        if ui
            .button(tr!("editor-add-card"))
            .on_hover_text("Ctrl+N")
            .clicked()
        {
            let at = e.editor.add_card(e.selected + 1, e.add_kind);
            e.selected = at;
            e.focus = Some(first_field(e.add_kind).into());
            e.list_view = false;
        }
    });
    ui.label(
        RichText::new(tr!(
            "editor-shown-cards",
            shown = e.shown.len(),
            n = e.editor.len()
        ))
        .weak(),
    );
    let row_h = ui.text_style_height(&egui::TextStyle::Button) + 6.0;
    let p = super::theme::palette(ui);
    egui::ScrollArea::vertical()
        .id_salt("editor-cards")
        .auto_shrink([false, false])
        .show_rows(ui, row_h, e.shown.len(), |ui, range| {
            for &n in &e.shown[range] {
                let Some(card) = e.editor.card(n) else {
                    continue;
                };
                let mut text: String = main_text(&card.kind).chars().take(60).collect();
                if text.trim().is_empty() {
                    text = tr!(
                        "editor-new-card-label",
                        kind = kind_label(kind_of(&card.kind)).to_lowercase()
                    );
                }
                let label = format!("{}. {text}", n + 1);
                let mut rt = RichText::new(label);
                match e.card_problems.get(&n) {
                    Some(Severity::Error) => rt = rt.color(p.wrong),
                    Some(Severity::Warning) => rt = rt.italics(),
                    None => {}
                }
                let r = ui.add(
                    egui::Button::selectable(n == e.selected, rt)
                        .truncate()
                        .min_size(egui::vec2(ui.available_width(), 0.0)),
                );
                if r.clicked() {
                    e.selected = n;
                    e.list_view = false;
                }
            }
        });
}

fn card_form(ui: &mut egui::Ui, e: &mut Editing) -> Option<Action> {
    let n = e.selected;
    let Some(card) = e.editor.card(n).cloned() else {
        ui.label(tr!("editor-empty-deck"));
        return None;
    };
    let rev = e.editor.revision();
    if e.draft.as_ref().is_none_or(|d| d.card != n || d.rev != rev) {
        e.draft = Some(Draft::of(&card, n, rev));
    }
    let sources: Vec<String> = e.editor.meta().sources.keys().cloned().collect();
    let focus = e.focus.take();
    let problems: Vec<Issue> = e
        .problems()
        .map(|ps| {
            ps.iter()
                .filter(|i| split_path(&i.path).is_some_and(|(c, _)| c == n))
                .cloned()
                .collect()
        })
        .unwrap_or_default();
    let d = e.draft.as_mut()?;
    let mut changed: Option<&'static str> = None;
    let mut card_action: Option<CardAction> = None;
    let mut locate_action = None;
    ui.horizontal_wrapped(|ui| {
        ui.heading(tr!("editor-card-of", n = n + 1, total = e.editor.len()));
        let new = e.editor.is_new(n);
        ui.label(
            RichText::new(if new {
                tr!("editor-card-id-new", id = card.id.to_string())
            } else {
                tr!("editor-card-id", id = card.id.to_string())
            })
            .weak(),
        );
    });
    ui.horizontal_wrapped(|ui| {
        if ui.button(tr!("editor-duplicate")).clicked() {
            card_action = Some(CardAction::Duplicate);
        }
        if ui.button(tr!("editor-delete")).clicked() {
            card_action = Some(CardAction::Delete);
        }
        if ui
            .button(tr!("editor-preview"))
            .on_hover_text(tr!("editor-preview-hint"))
            .clicked()
        {
            card_action = Some(CardAction::Preview);
        }
        if ui
            .add_enabled(n > 0, egui::Button::new(tr!("editor-move-up")))
            .on_hover_text("Alt+↑")
            .clicked()
        {
            card_action = Some(CardAction::Move(n.saturating_sub(1)));
        }
        if ui
            .add_enabled(
                n + 1 < e.editor.len(),
                egui::Button::new(tr!("editor-move-down")),
            )
            .on_hover_text("Alt+↓")
            .clicked()
        {
            card_action = Some(CardAction::Move(n + 1));
        }
    });
    // The card's problems, beside it.
    for i in &problems {
        if problem_button(ui, i, None).clicked() {
            let key = split_path(&i.path).map(|(_, f)| field_key(f));
            e.focus = key;
        }
    }
    let focus = focus.or_else(|| e.focus.take());
    ui.horizontal_wrapped(|ui| {
        let before = d.kind;
        kind_box(ui, "editor-kind", &tr!("editor-kind"), &mut d.kind);
        if d.kind != before {
            // The card as it was, turned into the new kind (its main text kept).
            let to = d.kind;
            d.kind = before;
            let mut c = d.card(&card.id);
            c.kind = convert_kind(&c.kind, to);
            *d = Draft::of(&c, n, rev);
            changed = Some("kind");
        }
    });
    macro_rules! field {
        ($ui:expr, $d:expr, $key:expr, $label:expr, $rows:expr, $hint:expr $(,)?) => {
            if text_field($ui, $d, $key, $label, $rows, $hint, focus.as_deref()) {
                changed = Some($key);
            }
        };
    }
    match d.kind {
        KindName::Basic => {
            field!(
                ui,
                d,
                "kind.front",
                &tr!("editor-front"),
                2,
                &tr!("editor-front-hint")
            );
            field!(
                ui,
                d,
                "kind.back",
                &tr!("editor-back"),
                2,
                &tr!("editor-back-hint")
            );
            if ui.checkbox(&mut d.reverse, tr!("editor-reverse")).changed() {
                changed = Some("kind.reverse");
            }
        }
        KindName::Cloze => {
            field!(
                ui,
                d,
                "kind.text",
                &tr!("editor-cloze-text"),
                4,
                &tr!("editor-cloze-example"),
            );
            ui.label(RichText::new(tr!("editor-cloze-help")).weak());
        }
        KindName::TypeIn => {
            field!(ui, d, "kind.question", &tr!("editor-question"), 2, "");
            field!(
                ui,
                d,
                "kind.answers",
                &tr!("editor-accepted-answers"),
                3,
                "",
            );
        }
        KindName::MultipleChoice => {
            field!(ui, d, "kind.question", &tr!("editor-question"), 2, "");
            field!(ui, d, "kind.answer", &tr!("editor-right-answer"), 1, "");
            field!(
                ui,
                d,
                "kind.distractors",
                &tr!("editor-wrong-options"),
                3,
                "",
            );
            field!(
                ui,
                d,
                "kind.also_correct",
                &tr!("editor-also-correct"),
                1,
                "",
            );
        }
        KindName::TrueFalse => {
            field!(ui, d, "kind.statement", &tr!("editor-statement"), 2, "");
            ui.horizontal(|ui| {
                if ui
                    .radio_value(&mut d.truth, true, tr!("editor-true"))
                    .changed()
                {
                    changed = Some("kind.truth");
                }
                if ui
                    .radio_value(&mut d.truth, false, tr!("editor-false"))
                    .changed()
                {
                    changed = Some("kind.truth");
                }
            });
            field!(ui, d, "kind.correction", &tr!("editor-correction"), 2, "",);
        }
        KindName::Order => {
            field!(
                ui,
                d,
                "kind.prompt",
                &tr!("editor-instruction"),
                1,
                &tr!("editor-order-example")
            );
            field!(ui, d, "kind.items", &tr!("editor-order-items"), 5, "",);
        }
        KindName::Match => {
            field!(
                ui,
                d,
                "kind.prompt",
                &tr!("editor-instruction"),
                1,
                &tr!("editor-match-example")
            );
            field!(
                ui,
                d,
                "kind.pairs",
                &tr!("editor-pairs"),
                5,
                &tr!("editor-pairs-example"),
            );
        }
        KindName::Locate => {
            let (c, a) = locate_form(ui, d, &mut e.locate, &mut e.map, focus.as_deref());
            if c.is_some() {
                changed = c;
            }
            locate_action = a;
        }
    }
    ui.separator();
    field!(
        ui,
        d,
        "tags",
        &tr!("editor-tags"),
        1,
        &tr!("editor-tags-example")
    );
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("editor-source"));
        let doc = d.texts.entry("source.doc").or_default();
        let before = doc.clone();
        let r = egui::ComboBox::from_id_salt("editor-field-source")
            .selected_text(if doc.is_empty() {
                tr!("editor-none")
            } else {
                doc.clone()
            })
            .show_ui(ui, |ui| {
                ui.selectable_value(doc, String::new(), tr!("editor-none"));
                for s in &sources {
                    ui.selectable_value(doc, s.clone(), s);
                }
            })
            .response
            .labelled_by(l.id);
        if focus.as_deref() == Some("source.doc") {
            r.request_focus();
        }
        if *doc != before {
            changed = Some("source.doc");
        }
    });
    if sources.is_empty() {
        ui.label(RichText::new(tr!("editor-source-hint")).weak());
    }
    field!(ui, d, "source.section", &tr!("editor-section"), 1, "");
    field!(ui, d, "note", &tr!("editor-note"), 2, "");
    field!(ui, d, "image", &tr!("editor-picture"), 1, "",);
    let mut attach = None;
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("editor-copy-picture-from"));
        ui.add(
            egui::TextEdit::singleline(&mut e.picture_from)
                .id_salt("editor-picture-from")
                .hint_text("/media/usb/map.png")
                .desired_width(240.0),
        )
        .labelled_by(l.id);
        if ui
            .add_enabled(
                !e.picture_from.trim().is_empty(),
                egui::Button::new(tr!("editor-copy-picture")),
            )
            .on_hover_text(tr!("editor-copy-picture-hint"))
            .clicked()
        {
            attach = Some(PathBuf::from(e.picture_from.trim()));
        }
    });
    // While a Locate card's regions' text has a line that does not read, the card keeps
    // its regions (the form keeps what was typed; a line says why); its other fields
    // still change.
    let unreadable = d.kind == KindName::Locate && d.regions().1.is_some();
    if let Some(key) = changed {
        let mut c = d.card(&card.id);
        if unreadable
            && let (
                RawKind::Locate { answer, others, .. },
                RawKind::Locate {
                    answer: kept,
                    others: kept_others,
                    ..
                },
            ) = (&mut c.kind, &card.kind)
        {
            answer.clone_from(kept);
            others.clone_from(kept_others);
        }
        e.editor.set_card(n, c, Some(group(n, key)));
        // The form stays as typed: it follows the editor's revision from here.
        if let Some(d) = e.draft.as_mut() {
            d.rev = e.editor.revision();
        }
        // A new card's id follows its text: keep the draft in step with no other change.
    }
    if let Some(path) = attach {
        e.picture_from.clear();
        return Some(Action::Editor(EditorAction::AttachPicture(path)));
    }
    if let Some(a) = locate_action {
        return Some(a);
    }
    match card_action {
        Some(CardAction::Preview) => return Some(Action::Editor(EditorAction::Preview)),
        Some(CardAction::Duplicate) => {
            if let Some(at) = e.editor.duplicate(n) {
                e.selected = at;
            }
        }
        Some(CardAction::Delete) => {
            e.editor.delete(n);
            e.selected = n.min(e.editor.len().saturating_sub(1));
        }
        Some(CardAction::Move(to)) => {
            e.editor.move_card(n, to);
            e.selected = to;
        }
        None => {}
    }
    None
}

/// One labelled text field of the card form; true when it changed.
fn text_field(
    ui: &mut egui::Ui,
    d: &mut Draft,
    key: &'static str,
    label: &str,
    rows: usize,
    hint: &str,
    focus: Option<&str>,
) -> bool {
    let l = ui.label(label);
    let text = d.texts.entry(key).or_default();
    let te = if rows > 1 {
        egui::TextEdit::multiline(text).desired_rows(rows)
    } else {
        egui::TextEdit::singleline(text)
    };
    let r = ui
        .add(
            te.id_salt(("editor-field", key))
                .desired_width(f32::INFINITY)
                .hint_text(hint),
        )
        .labelled_by(l.id);
    if focus == Some(key) {
        r.request_focus();
        r.scroll_to_me(Some(egui::Align::Center));
    }
    r.changed()
}

enum CardAction {
    Preview,
    Duplicate,
    Delete,
    Move(usize),
}

fn meta_form(ui: &mut egui::Ui, e: &mut Editing) {
    let rev = e.editor.revision();
    if e.meta_draft.as_ref().is_none_or(|m| m.rev != rev) {
        e.meta_draft = Some(MetaDraft::of(e.editor.meta(), rev));
    }
    let id_editable = e.editor.id_editable();
    let Some(m) = e.meta_draft.as_mut() else {
        return;
    };
    let mut changed = None;
    ui.heading(tr!("editor-deck-details"));
    if ui.button(tr!("editor-back-to-cards")).clicked() {
        e.show_meta = false;
    }
    let mut line = |ui: &mut egui::Ui,
                    key: &'static str,
                    label: &str,
                    text: &mut String,
                    rows: usize,
                    enabled: bool| {
        let l = ui.label(label);
        let te = if rows > 1 {
            egui::TextEdit::multiline(text).desired_rows(rows)
        } else {
            egui::TextEdit::singleline(text)
        };
        let r = ui
            .add_enabled(
                enabled,
                te.desired_width(f32::INFINITY)
                    .id_salt(("editor-meta", key)),
            )
            .labelled_by(l.id);
        if r.changed() {
            changed = Some(key);
        }
    };
    line(
        ui,
        "title",
        &tr!("editor-meta-title"),
        &mut m.title,
        1,
        true,
    );
    line(
        ui,
        "id",
        &if id_editable {
            tr!("editor-meta-id-new")
        } else {
            tr!("editor-meta-id-fixed")
        },
        &mut m.id,
        1,
        id_editable,
    );
    line(
        ui,
        "description",
        &tr!("editor-meta-description"),
        &mut m.description,
        3,
        true,
    );
    line(
        ui,
        "language",
        &tr!("editor-meta-language"),
        &mut m.language,
        1,
        true,
    );
    line(
        ui,
        "authors",
        &tr!("editor-meta-authors"),
        &mut m.authors,
        1,
        true,
    );
    line(
        ui,
        "sources",
        &tr!("editor-meta-sources"),
        &mut m.sources,
        4,
        true,
    );
    ui.horizontal(|ui| {
        let l = ui.label(tr!("editor-meta-edition"));
        if ui
            .add(egui::DragValue::new(&mut m.version).range(1..=u32::MAX))
            .labelled_by(l.id)
            .changed()
        {
            changed = Some("version");
        }
    });
    if let Some(key) = changed {
        let meta = m.meta();
        m.rev = u64::MAX;
        e.editor.set_meta(meta);
        let _ = key;
        if let Some(m) = e.meta_draft.as_mut() {
            m.rev = e.editor.revision();
        }
    }
}

/// A deck id not in `taken`: `base`, else `base-2`, `base-3`…
pub fn unique_id(base: &str, taken: &dyn Fn(&str) -> bool) -> String {
    if !taken(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken(id))
        .unwrap_or_else(|| base.to_owned())
}

/// The library's decks as the editor offers them.
pub fn choices(library: &crate::library::Library) -> Vec<DeckChoice> {
    library
        .decks
        .iter()
        .map(|d| DeckChoice {
            id: d.deck.id.clone(),
            title: d.deck.title.clone(),
            origin: crate::i18n::origin_names(&d.origin).0,
            editable: d.origin.file().is_some(),
        })
        .collect()
}

/// Opens deck `id` of the library: its file, or for a bundled deck a copy with its own id
/// (saved where the teacher chooses). Errors are sentences for the screen.
pub fn open_deck(library: &crate::library::Library, id: &DeckId) -> Result<Editing, String> {
    let deck = library
        .get(id)
        .ok_or_else(|| tr!("editor-deck-gone", id = id.to_string()))?;
    match deck.origin.file() {
        Some(path) => {
            let editor =
                DeckEditor::open_file(path).map_err(|e| crate::i18n::edit_error_text(&e))?;
            Ok(Editing::new(
                editor,
                Some(path.to_owned()),
                path.parent().map(std::path::Path::to_path_buf),
            ))
        }
        None => {
            let name = format!("{id}.ron");
            let text = crate::deck::bundled::BUNDLED
                .iter()
                .find(|(n, _)| *n == name)
                .or_else(|| {
                    crate::deck::bundled::BUNDLED.iter().find(|(_, t)| {
                        crate::deck::parse_raw(t).is_some_and(|r| r.id == id.as_str())
                    })
                })
                .map(|(_, t)| *t)
                .ok_or_else(|| tr!("editor-bundled-missing", id = id.to_string()))?;
            let taken = |s: &str| library.get(&DeckId::new(s)).is_some();
            let new_id = unique_id(&format!("{id}-copy"), &taken);
            let editor = DeckEditor::open(text, &name)
                .map_err(|e| crate::i18n::edit_error_text(&e))?
                .into_copy(&new_id, &format!("{} (copy)", deck.deck.title));
            Ok(Editing::new(editor, None, None))
        }
    }
}

/// A new deck with an id no deck of the library has.
pub fn new_deck(library: &crate::library::Library) -> Editing {
    let taken = |s: &str| library.get(&DeckId::new(s)).is_some();
    let id = unique_id("new-deck", &taken);
    Editing::new(
        DeckEditor::new_deck(&id, "New deck", KindName::Basic),
        None,
        None,
    )
}

/// Saves the deck being edited: to its file, or (a new deck or a copy) into its own folder
/// in `my_decks` or the class folder `class`. Returns the sentence to show.
pub fn save(
    e: &mut Editing,
    my_decks: &std::path::Path,
    class: Option<&std::path::Path>,
    library: &crate::library::Library,
) -> Result<String, String> {
    let path = match &e.path {
        Some(p) => p.clone(),
        None => {
            let id = e.editor.meta().id.clone();
            crate::ids::check_id(&id)
                .map_err(|err| tr!("editor-bad-id", id = &id, err = &err.message()))?;
            if library.get(&DeckId::new(&id)).is_some() {
                return Err(tr!("editor-id-taken", id = &id));
            }
            let dir = match (e.target, class) {
                (Target::Everyone, Some(c)) => c,
                _ => my_decks,
            };
            let path = dir.join(&id).join(format!("{id}.ron"));
            if path.exists() {
                return Err(tr!("editor-path-exists", path = path.display().to_string()));
            }
            path
        }
    };
    e.editor.save(&path).map_err(|err| {
        tr!(
            "editor-save-failed",
            err = crate::i18n::edit_error_text(&err)
        )
    })?;
    e.base_dir = path.parent().map(std::path::Path::to_path_buf);
    e.path = Some(path.clone());
    // The deck has a folder now: a map picture not found before is read again.
    e.map = None;
    let errors = e.problems().map_or(0, |p| {
        p.iter().filter(|i| i.severity == Severity::Error).count()
    });
    let mut msg = tr!(
        "editor-saved",
        edition = e.editor.meta().version,
        path = path.display().to_string()
    );
    if errors > 0 {
        msg.push_str(&format!(
            " {}",
            tr!("editor-saved-with-errors", errors = errors)
        ));
    }
    Ok(msg)
}

/// Copies the picture `src` into the deck's folder and makes it the shown card's picture
/// (one undo step). Returns the sentence to show.
pub fn attach_picture(e: &mut Editing, src: &std::path::Path) -> String {
    let Some(dir) = e.base_dir.clone() else {
        return tr!("editor-picture-save-first");
    };
    let at = e.selected;
    let Some(mut card) = e.editor.card(at).cloned() else {
        return tr!("editor-picture-no-card");
    };
    match crate::deck::edit::copy_picture(src, &dir) {
        Ok(rel) => {
            e.pictures.clear();
            // A Locate card's picture is the one its regions are drawn on.
            match &mut card.kind {
                RawKind::Locate { picture, .. } => *picture = rel.clone(),
                _ => card.image = rel.clone(),
            }
            e.editor.set_card(at, card, None);
            tr!("editor-picture-copied", picture = &rel, card = at + 1)
        }
        Err(err) => tr!(
            "editor-picture-failed",
            err = crate::i18n::edit_error_text(&err)
        ),
    }
}

/// Shows the current card as a student sees it: the card checked on its own (the deck's
/// other cards may still have errors) and its picture read. Returns a sentence when it
/// cannot be shown.
pub fn preview(
    e: &mut Editing,
    strictness: crate::answer::Strictness,
    now: chrono::DateTime<chrono::Utc>,
    rng: &mut impl rand::Rng,
) -> Option<String> {
    let card = e.editor.card(e.selected)?.clone();
    let mut raw = e.editor.to_raw_meta();
    raw.cards = vec![card];
    raw.format = raw.format.max(crate::deck::raw::format_for(&raw.cards));
    let (deck, issues) = crate::deck::validate::validate(&raw, e.base_dir.as_deref());
    let Some(deck) = deck else {
        let first = issues
            .iter()
            .find(|i| i.severity == Severity::Error)
            .map(|i| crate::i18n::message(&i.message))
            .unwrap_or_default();
        return Some(tr!("editor-preview-errors", first = first));
    };
    let card = deck.cards.first()?.clone();
    let key = deck.items().into_iter().next()?;
    let picture = card.image.as_deref().map(|rel| {
        super::study::PictureView::load(
            e.base_dir.as_deref(),
            rel,
            &tr!("editor-picture-after-save"),
        )
    });
    let screen = super::study::StudyScreen {
        item: Some(super::study::ShownItem::ask(
            &deck,
            card,
            key,
            [60, 360, 86_400, 3 * 86_400]
                .map(|secs| crate::i18n::interval(&crate::schedule::Interval::new(secs, 0))),
            strictness,
            now,
            picture,
            rng,
        )),
        decks_label: tr!("editor-preview-deck", title = &deck.title),
        ..Default::default()
    };
    e.preview = Some(Box::new(screen));
    None
}

/// The radius of a circle region placed by a click (the bundled maps' cities use it).
const NEW_RADIUS: f32 = 14.0;
/// Tallest the picture is drawn in the form, in points.
const FORM_MAP_HEIGHT: f32 = 420.0;

/// Drawing the regions of a Locate card on its picture.
#[derive(Debug, Default)]
struct LocateTool {
    /// Clicks add polygon corners (else they place circles).
    polygon: bool,
    /// The corners of the polygon being drawn, in picture pixels.
    corners: Vec<(f32, f32)>,
    /// The region the name and radius fields and the keys act on.
    selected: usize,
    /// Where a drag that makes a circle started (its centre).
    drag_from: Option<(f32, f32)>,
    /// Focus the selected region's name field at the next frame (a region was added).
    focus_name: bool,
}

/// True for the answer of a Locate card made in the editor before any region is drawn.
fn is_unset(r: &RawRegion) -> bool {
    matches!(r, RawRegion::Circle { name, r, .. } if name.is_empty() && *r == 0.0)
}

/// Regions as text, one a line (`Name @ circle(x, y, r)`, the CSV export's form).
fn regions_text(regions: &[RawRegion]) -> String {
    regions
        .iter()
        .map(|r| crate::deck::region_of(r).to_text())
        .collect::<Vec<_>>()
        .join("\n")
}

/// A coordinate rounded to a tenth of a pixel, as the bundled decks write them.
fn tenth(v: f32) -> f32 {
    (v * 10.0).round() / 10.0
}

fn region_name(r: &RawRegion) -> &str {
    match r {
        RawRegion::Circle { name, .. } | RawRegion::Polygon { name, .. } => name,
    }
}

fn region_name_mut(r: &mut RawRegion) -> &mut String {
    match r {
        RawRegion::Circle { name, .. } | RawRegion::Polygon { name, .. } => name,
    }
}

/// "Place N", not yet taken by a region.
fn free_name(regions: &[RawRegion]) -> String {
    (regions.len() + 1..)
        .map(|n| format!("Place {n}"))
        .find(|n| regions.iter().all(|r| region_name(r) != n))
        .unwrap_or_default()
}

/// The Locate card's fields: instruction, picture (a file or a built-in map), the regions
/// drawn on the picture (clicks place circles or polygon corners, a drag sets a circle's
/// radius; with the picture focused, + and − change the radius, the arrows move the
/// region, Enter ends a polygon, Delete removes the region), a list to name them and pick
/// the answer, and the same regions as text. Returns the field changed and an action (the
/// picture to read).
fn locate_form(
    ui: &mut egui::Ui,
    d: &mut Draft,
    tool: &mut LocateTool,
    map: &mut Option<(String, super::study::PictureView)>,
    focus: Option<&str>,
) -> (Option<&'static str>, Option<Action>) {
    let mut changed = None;
    let mut action = None;
    if text_field(
        ui,
        d,
        "kind.prompt",
        &tr!("editor-instruction"),
        1,
        &tr!("editor-locate-example"),
        focus,
    ) {
        changed = Some("kind.prompt");
    }
    if text_field(
        ui,
        d,
        "kind.picture",
        &tr!("editor-locate-picture"),
        1,
        "maps/baltic-states.png",
        focus,
    ) {
        changed = Some("kind.picture");
    }
    ui.horizontal_wrapped(|ui| {
        let l = ui.label(tr!("editor-builtin-map"));
        let picture = d.texts.entry("kind.picture").or_default();
        let before = picture.clone();
        egui::ComboBox::from_id_salt("editor-builtin-map")
            .selected_text(if before.starts_with("maps/") {
                before.clone()
            } else {
                tr!("editor-choose")
            })
            .show_ui(ui, |ui| {
                for (name, _) in crate::deck::bundled::PICTURES {
                    if name.starts_with("maps/") {
                        ui.selectable_value(picture, (*name).to_owned(), *name);
                    }
                }
            })
            .response
            .labelled_by(l.id);
        if *picture != before {
            changed = Some("kind.picture");
        }
    });
    let rel = d.text("kind.picture").trim().to_owned();
    if rel.is_empty() {
        *map = None;
    } else if map.as_ref().is_none_or(|(name, _)| *name != rel) {
        action = Some(Action::Editor(EditorAction::LoadPicture(rel.clone())));
    }
    let (mut regions, error) = d.regions();
    let before = regions.clone();
    tool.selected = tool.selected.min(regions.len().saturating_sub(1));
    ui.horizontal_wrapped(|ui| {
        ui.label(tr!("editor-clicks"));
        ui.radio_value(&mut tool.polygon, false, tr!("editor-tool-circle"));
        ui.radio_value(&mut tool.polygon, true, tr!("editor-tool-polygon"));
    });
    let picture = map
        .as_mut()
        .filter(|(name, _)| *name == rel)
        .map(|(_, view)| view);
    match picture {
        Some(super::study::PictureView::Ready(image, texture)) if error.is_none() => {
            let px = egui::vec2(image.size[0] as f32, image.size[1] as f32);
            let tex = texture
                .get_or_insert_with(|| {
                    ui.ctx()
                        .load_texture("editor-map", image.clone(), egui::TextureOptions::LINEAR)
                })
                .clone();
            map_canvas(ui, &tex, px, &mut regions, tool);
        }
        Some(super::study::PictureView::Failed(why)) => {
            ui.colored_label(super::theme::wrong_color(ui), why.as_str());
        }
        Some(_) => {
            ui.label(tr!("editor-fix-regions"));
        }
        None if rel.is_empty() => {
            ui.label(tr!("editor-choose-picture"));
        }
        None => {
            ui.label(tr!("editor-reading-picture"));
        }
    }
    if tool.polygon && !tool.corners.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("editor-corners", n = tool.corners.len()));
            if ui
                .add_enabled(
                    tool.corners.len() >= 3,
                    egui::Button::new(tr!("editor-finish-polygon")),
                )
                .on_hover_text(tr!("editor-finish-polygon-hint"))
                .clicked()
            {
                finish_polygon(&mut regions, tool);
            }
            if ui.button(tr!("editor-remove-corner")).clicked() {
                tool.corners.pop();
            }
            if ui.button(tr!("editor-cancel-polygon")).clicked() {
                tool.corners.clear();
            }
        });
    }
    if error.is_none() && !regions.is_empty() {
        ui.label(tr!("editor-regions"));
        let mut make_answer = None;
        let mut delete = None;
        for (i, r) in regions.iter().enumerate() {
            ui.horizontal_wrapped(|ui| {
                let shape = match r {
                    RawRegion::Circle { .. } => tr!("editor-circle"),
                    RawRegion::Polygon { .. } => tr!("editor-polygon"),
                };
                let text = if i == 0 {
                    tr!(
                        "editor-region-answer",
                        name = region_name(r),
                        shape = &shape
                    )
                } else {
                    format!("{} ({shape})", region_name(r))
                };
                if ui.selectable_label(tool.selected == i, text).clicked() {
                    tool.selected = i;
                }
                if i > 0 {
                    let label = tr!("editor-make-answer-name", name = region_name(r));
                    let b = ui.small_button(tr!("editor-make-answer"));
                    if super::labelled(b, &label).clicked() {
                        make_answer = Some(i);
                    }
                }
                let label = tr!("editor-delete-region", name = region_name(r));
                if super::labelled(ui.small_button(tr!("editor-delete")), &label).clicked() {
                    delete = Some(i);
                }
            });
        }
        if let Some(i) = make_answer {
            let r = regions.remove(i);
            regions.insert(0, r);
            tool.selected = 0;
        }
        if let Some(i) = delete {
            regions.remove(i);
            tool.selected = tool.selected.min(regions.len().saturating_sub(1));
        }
        if let Some(r) = regions.get_mut(tool.selected) {
            ui.horizontal_wrapped(|ui| {
                let l = ui.label(tr!("editor-region-name"));
                let name = region_name_mut(r);
                let resp = ui
                    .add(
                        egui::TextEdit::singleline(name)
                            .id_salt("editor-region-name")
                            .desired_width(200.0),
                    )
                    .labelled_by(l.id);
                if std::mem::take(&mut tool.focus_name) {
                    resp.request_focus();
                }
                if let RawRegion::Circle { r, .. } = r {
                    let l = ui.label(tr!("editor-radius"));
                    ui.add(egui::DragValue::new(r).range(1.0..=2000.0).speed(0.5))
                        .labelled_by(l.id);
                }
            });
        }
    }
    if regions != before {
        d.texts.insert("kind.regions", regions_text(&regions));
        changed = Some("kind.regions");
    }
    // Under the picture, so that the picture does not move while regions are added.
    if text_field(
        ui,
        d,
        "kind.regions",
        &tr!("editor-regions-text"),
        3,
        "Liepāja @ circle(120, 340, 14)",
        focus,
    ) {
        changed = Some("kind.regions");
    }
    if let (_, Some(why)) = d.regions() {
        ui.colored_label(
            super::theme::wrong_color(ui),
            tr!("editor-regions-unread", why = why.to_string()),
        );
    }
    (changed, action)
}

fn finish_polygon(regions: &mut Vec<RawRegion>, tool: &mut LocateTool) {
    if tool.corners.len() < 3 {
        return;
    }
    regions.push(RawRegion::Polygon {
        name: free_name(regions),
        points: std::mem::take(&mut tool.corners),
    });
    tool.selected = regions.len() - 1;
    tool.focus_name = true;
}

/// The picture with the regions outlined; clicks and drags add regions, keys change the
/// selected one.
fn map_canvas(
    ui: &mut egui::Ui,
    tex: &egui::TextureHandle,
    px: egui::Vec2,
    regions: &mut Vec<RawRegion>,
    tool: &mut LocateTool,
) {
    let scale = (ui.available_width() / px.x)
        .min(FORM_MAP_HEIGHT / px.y)
        .clamp(0.05, 2.0);
    let (rect, resp) = ui.allocate_exact_size(px * scale, egui::Sense::click_and_drag());
    let resp = resp.on_hover_cursor(egui::CursorIcon::Crosshair);
    resp.widget_info(|| {
        egui::WidgetInfo::labeled(
            egui::Role::Image,
            true,
            tr!("editor-map-label", n = regions.len()),
        )
    });
    let to_screen = |(x, y): (f32, f32)| rect.min + egui::vec2(x, y) * scale;
    let to_picture = |p: egui::Pos2| {
        let at = (p - rect.min) / scale;
        (tenth(at.x.clamp(0.0, px.x)), tenth(at.y.clamp(0.0, px.y)))
    };
    if resp.clicked()
        && let Some(p) = resp.interact_pointer_pos()
    {
        let at = to_picture(p);
        if tool.polygon {
            tool.corners.push(at);
        } else {
            regions.push(RawRegion::Circle {
                name: free_name(regions),
                x: at.0,
                y: at.1,
                r: NEW_RADIUS,
            });
            tool.selected = regions.len() - 1;
            tool.focus_name = true;
        }
        resp.request_focus();
    }
    let mut dragging = None;
    if !tool.polygon {
        // The centre is where the button was pressed (a drag starts only once the
        // pointer has moved a little).
        if resp.drag_started()
            && let Some(p) = ui
                .input(|i| i.pointer.press_origin())
                .or(resp.interact_pointer_pos())
        {
            tool.drag_from = Some(to_picture(p));
        }
        if let (Some(from), Some(p)) = (tool.drag_from, resp.interact_pointer_pos()) {
            let to = to_picture(p);
            let r = tenth(((to.0 - from.0).powi(2) + (to.1 - from.1).powi(2)).sqrt()).max(1.0);
            dragging = Some((from, r));
            if resp.drag_stopped() {
                regions.push(RawRegion::Circle {
                    name: free_name(regions),
                    x: from.0,
                    y: from.1,
                    r,
                });
                tool.selected = regions.len() - 1;
                tool.focus_name = true;
                tool.drag_from = None;
                dragging = None;
            }
        }
        if !resp.dragged() && !resp.drag_stopped() {
            tool.drag_from = None;
        }
    }
    if resp.has_focus() {
        canvas_keys(ui, regions, tool, px);
    }
    let painter = ui.painter_at(rect);
    painter.image(
        tex.id(),
        rect,
        egui::Rect::from_min_max(egui::Pos2::ZERO, egui::pos2(1.0, 1.0)),
        egui::Color32::WHITE,
    );
    let shown: Vec<crate::deck::Region> = regions.iter().map(crate::deck::region_of).collect();
    super::locate::draw_regions(ui, &painter, &shown, Some(tool.selected), scale, &to_screen);
    let pending: Vec<egui::Pos2> = tool.corners.iter().map(|p| to_screen(*p)).collect();
    let ink = super::theme::wrong_color(ui);
    for p in &pending {
        painter.circle_filled(*p, 4.0, ink);
    }
    if pending.len() > 1 {
        painter.add(egui::Shape::line(pending, egui::Stroke::new(2.0, ink)));
    }
    if let Some((c, r)) = dragging {
        painter.circle_stroke(to_screen(c), r * scale, egui::Stroke::new(2.0, ink));
    }
    if resp.has_focus() {
        painter.rect_stroke(
            rect,
            0.0,
            ui.visuals().selection.stroke,
            egui::StrokeKind::Inside,
        );
    }
}

/// With the picture focused: + and − change the selected circle's radius (Shift: by 5),
/// the arrows move the selected region (Shift: by 10 pixels), Enter ends a polygon,
/// Delete removes the selected region.
fn canvas_keys(ui: &egui::Ui, regions: &mut Vec<RawRegion>, tool: &mut LocateTool, px: egui::Vec2) {
    let (mut dr, mut dx, mut dy) = (0.0f32, 0.0f32, 0.0f32);
    let (mut enter, mut delete) = (false, false);
    ui.input_mut(|i| {
        for (m, step) in [(Modifiers::NONE, 1.0), (Modifiers::SHIFT, 10.0)] {
            for (key, x, y) in [
                (Key::ArrowLeft, -step, 0.0),
                (Key::ArrowRight, step, 0.0),
                (Key::ArrowUp, 0.0, -step),
                (Key::ArrowDown, 0.0, step),
            ] {
                while i.consume_key(m, key) {
                    dx += x;
                    dy += y;
                }
            }
            let r = if step > 1.0 { 5.0 } else { 1.0 };
            for key in [Key::Plus, Key::Equals] {
                while i.consume_key(m, key) {
                    dr += r;
                }
            }
            while i.consume_key(m, Key::Minus) {
                dr -= r;
            }
        }
        enter = i.consume_key(Modifiers::NONE, Key::Enter);
        delete = i.consume_key(Modifiers::NONE, Key::Delete);
    });
    if enter && tool.polygon {
        finish_polygon(regions, tool);
    }
    if delete && tool.selected < regions.len() {
        regions.remove(tool.selected);
        tool.selected = tool.selected.min(regions.len().saturating_sub(1));
        return;
    }
    let Some(region) = regions.get_mut(tool.selected) else {
        return;
    };
    match region {
        RawRegion::Circle { x, y, r, .. } => {
            *r = tenth((*r + dr).clamp(1.0, px.x.max(px.y)));
            *x = tenth((*x + dx).clamp(0.0, px.x));
            *y = tenth((*y + dy).clamp(0.0, px.y));
        }
        RawRegion::Polygon { points, .. } => {
            for (x, y) in points {
                *x = tenth((*x + dx).clamp(0.0, px.x));
                *y = tenth((*y + dy).clamp(0.0, px.y));
            }
        }
    }
}

/// Reads the picture `rel` of the Locate card in the form (from the deck's folder, or the
/// built-in map of that name), to draw its regions on.
pub fn load_picture(e: &mut Editing, rel: &str) {
    let view =
        super::study::PictureView::load(e.base_dir.as_deref(), rel, &tr!("editor-map-after-save"));
    e.map = Some((rel.to_owned(), view));
}
