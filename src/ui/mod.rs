//! The desktop app (egui/eframe). One struct and file per screen; each screen's `ui`
//! returns an [`Action`] that [`QuizApp`] applies after drawing. Screens do no file I/O
//! and never loop over every card: figures are computed when data changes.

pub mod browse;
pub mod exam;
pub mod file_picker;
pub mod library;
pub mod match_game;
pub mod practice;
pub mod profiles;
pub mod question;
pub mod settings;
pub mod stats;
pub mod study;
pub mod summary;
pub mod theme;

use crate::deck::CardKind;
use crate::ids::{DeckId, ItemKey};
use crate::library::{self as lib, DeckOrigin, Library, LibraryError};
use crate::schedule::{Rating, day};
use crate::session::Session;
use crate::settings::ProfileSettings;
use crate::store::{OpenMode, OpenOptions, ProfileInfo, Profiles, Store};
use chrono::{DateTime, FixedOffset, Utc};
use file_picker::{Entry, FilePicker};
use library::{DeckRow, LibraryScreen};
use profiles::{ProfileRow, ProfilesScreen};
use settings::SettingsScreen;
use std::path::{Path, PathBuf};
use study::{Interaction, ShownItem, StudyScreen};
use summary::SummaryScreen;

/// Gives a widget an accessible name different from its visible text (for screen readers
/// and tests), e.g. a "Study" button named "Study Treaties 1920–1933".
pub fn labelled(resp: egui::Response, label: &str) -> egui::Response {
    let enabled = resp.enabled();
    let label = label.to_owned();
    resp.widget_info(|| egui::WidgetInfo::labeled(egui::Role::Button, enabled, &label));
    resp
}

/// A "Deck" chooser: one of `decks` (id, title) or all decks (`None`).
pub fn deck_combo(ui: &mut egui::Ui, decks: &[(DeckId, String)], selected: &mut Option<DeckId>) {
    let current = selected
        .as_ref()
        .and_then(|id| decks.iter().find(|d| &d.0 == id))
        .map_or("all decks".to_owned(), |d| d.1.clone());
    let l = ui.label("Deck:");
    egui::ComboBox::from_id_salt("deck-chooser")
        .selected_text(current)
        .show_ui(ui, |ui| {
            ui.selectable_value(selected, None, "all decks");
            for (id, title) in decks {
                ui.selectable_value(selected, Some(id.clone()), title);
            }
        })
        .response
        .labelled_by(l.id);
}

/// What a screen asks the app to do; applied after drawing.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Study these decks (all decks when empty).
    Study(Vec<DeckId>),
    /// Record an answer.
    Answer {
        /// The item answered.
        key: ItemKey,
        /// The rating chosen.
        rating: Rating,
        /// Time taken, in milliseconds.
        duration_ms: u32,
        /// Verdict of an interactive card.
        correct: Option<bool>,
    },
    /// Undo the last answer.
    Undo,
    /// End the session and show the summary.
    EndSession,
    /// Go back to the deck list.
    BackToLibrary,
    /// Open the settings.
    OpenSettings,
    /// Save these settings.
    SaveSettings(Box<ProfileSettings>),
    /// Open the profiles screen.
    OpenProfiles,
    /// Open this profile.
    SwitchProfile(String),
    /// Create and open a profile with this name.
    CreateProfile(String),
    /// Rename a profile (slug, new name).
    RenameProfile(String, String),
    /// Delete a profile.
    DeleteProfile(String),
    /// Show the import file picker.
    OpenFilePicker,
    /// Show this folder in the picker.
    PickerOpen(PathBuf),
    /// Close the picker.
    ClosePicker,
    /// Check and import this deck file.
    ImportDeck(PathBuf),
    /// Hide the import errors.
    DismissImportErrors,
    /// Ask to confirm removing a deck.
    AskRemove(DeckId),
    /// Do not remove.
    CancelRemove,
    /// Remove an imported deck (progress kept).
    RemoveDeck(DeckId),
    /// Hide the messages bar.
    DismissBanner,
    /// Try again now to save answers that could not be written (e.g. a full disk).
    RetrySave,
    /// Open the browse screen.
    OpenBrowse,
    /// Show this item's details in the browser.
    BrowseSelect(ItemKey),
    /// Suspend (true) or unsuspend (false) an item.
    SetSuspended(ItemKey, bool),
    /// Forget an item's progress (its history is kept).
    ResetItem(ItemKey),
    /// Open the statistics of a deck (None: all decks).
    OpenStats(Option<DeckId>),
    /// Study these items now, due or not (answers are scheduled as usual).
    StudyItems(Vec<ItemKey>),
    /// Open the practice test set-up.
    OpenPractice,
    /// Record practice-test answers in the study schedule: (deck, card, right).
    PracticeToSchedule(Vec<(DeckId, crate::ids::CardId, bool)>),
    /// Open the match game.
    OpenMatch,
    /// Start a match game on a deck (None: all decks).
    StartMatch(Option<DeckId>),
    /// A match game ended in this time (milliseconds, penalties included).
    MatchFinished(Option<DeckId>, u64),
    /// Open the exam screen.
    OpenExamScreen,
    /// Start (or resume) an exam.
    OpenExam {
        /// The exam file.
        exam: PathBuf,
        /// Where result files go.
        results_dir: PathBuf,
        /// The student's name.
        student: String,
    },
    /// Make an exam file (teachers).
    CreateExam {
        /// The decks the questions come from.
        decks: Vec<DeckId>,
        /// The title.
        title: String,
        /// Number of questions.
        questions: usize,
        /// Time limit.
        minutes: u32,
        /// Students see results after handing in.
        show_results: bool,
        /// Where to save it.
        output: PathBuf,
    },
    /// Merge a class's result files (teachers); writes the class CSV into the folder.
    ExamResults {
        /// The exam file.
        exam: PathBuf,
        /// The folder of result files.
        dir: PathBuf,
    },
    /// Record the answer to exam question N (0-based).
    ExamAnswer(usize, crate::quiz::Answer),
    /// Hand the exam in.
    HandIn,
    /// Generate a practice test (a new seed when none is given).
    StartPractice {
        /// The decks to draw from.
        decks: Vec<DeckId>,
        /// How many questions, which forms.
        options: crate::quiz::TestOptions,
        /// The seed to repeat a test.
        seed: Option<u64>,
    },
}

/// Where the app reads the time (replaceable in tests).
pub type Clock = Box<dyn Fn() -> DateTime<Utc>>;

enum Screen {
    Profiles(ProfilesScreen),
    Library(LibraryScreen),
    Study(Box<StudyScreen>),
    Summary(SummaryScreen),
    Settings(SettingsScreen),
    Browse(Box<browse::BrowseScreen>),
    Stats(Box<stats::StatsScreen>),
    Practice(Box<practice::PracticeScreen>),
    Exam(Box<exam::ExamScreen>),
    Match(Box<match_game::MatchScreen>),
}

/// An exam being taken: the file and its durable results writer.
struct ExamRun {
    exam: crate::exam::Exam,
    writer: crate::exam::ResultWriter,
    last_checkpoint: DateTime<Utc>,
    /// The last frame's time while time was left: an answer on screen when the time runs
    /// out is recorded as given then.
    last_in_time: DateTime<Utc>,
}

struct OpenProfile {
    info: ProfileInfo,
    store: Store,
    settings: ProfileSettings,
    library: Library,
}

/// The quizdeck desktop app.
pub struct QuizApp {
    profiles: Profiles,
    open: Option<OpenProfile>,
    session: Option<Session>,
    screen: Screen,
    picker: Option<FilePicker>,
    exam_run: Option<ExamRun>,
    banner: Vec<String>,
    clock: Clock,
    offset: FixedOffset,
    style_dirty: bool,
    /// When unsaved answers were last retried automatically.
    last_save_retry: Option<DateTime<Utc>>,
    /// A close of the window was held back once because answers were unsaved.
    close_held: bool,
}

/// How often unsaved answers (a full disk) are retried while the app is open.
pub const SAVE_RETRY_SECS: i64 = 15;

impl QuizApp {
    /// Starts the app on the data folder `data_dir`: opens the only profile, creates a
    /// first one when there is none, or asks who is studying when there are several.
    pub fn new(data_dir: &Path, clock: Clock, offset: FixedOffset) -> QuizApp {
        let profiles = Profiles::new(data_dir);
        let mut app = QuizApp {
            profiles,
            open: None,
            session: None,
            screen: Screen::Profiles(ProfilesScreen::default()),
            picker: None,
            exam_run: None,
            banner: Vec::new(),
            clock,
            offset,
            style_dirty: true,
            last_save_retry: None,
            close_held: false,
        };
        match app.profiles.list() {
            Ok(list) if list.is_empty() => {
                app.apply(Action::CreateProfile("Student".into()));
            }
            Ok(list) if list.len() == 1 => {
                app.apply(Action::SwitchProfile(list[0].slug.clone()));
            }
            Ok(_) => app.show_profiles(),
            Err(e) => app.banner.push(format!("Could not read the profiles: {e}")),
        }
        app
    }

    /// The open profile's settings (defaults when none is open).
    pub fn settings(&self) -> ProfileSettings {
        self.open
            .as_ref()
            .map(|o| o.settings.clone())
            .unwrap_or_default()
    }

    /// The open profile's display name.
    pub fn profile_name(&self) -> Option<&str> {
        self.open.as_ref().map(|o| o.info.display_name.as_str())
    }

    /// The open profile's stored state of an item.
    pub fn item_state(&self, key: &ItemKey) -> Option<crate::schedule::ItemState> {
        self.open.as_ref()?.store.state(key).cloned()
    }

    /// The item on the study screen, if any.
    pub fn current_item(&self) -> Option<&ItemKey> {
        match &self.screen {
            Screen::Study(s) => s.item.as_ref().map(|i| &i.key),
            _ => None,
        }
    }

    /// The name of the screen shown (for tests and diagnostics).
    pub fn screen_name(&self) -> &'static str {
        match self.screen {
            Screen::Profiles(_) => "profiles",
            Screen::Library(_) => "library",
            Screen::Study(_) => "study",
            Screen::Summary(_) => "summary",
            Screen::Settings(_) => "settings",
            Screen::Browse(_) => "browse",
            Screen::Stats(_) => "stats",
            Screen::Practice(_) => "practice",
            Screen::Exam(_) => "exam",
            Screen::Match(_) => "match",
        }
    }

    /// Messages shown in the bar at the top.
    pub fn banner(&self) -> &[String] {
        &self.banner
    }

    /// Answers (study and exam) given but not yet on disk because writing failed.
    pub fn unsaved_count(&self) -> usize {
        self.open.as_ref().map_or(0, |o| o.store.unsaved_count())
            + self
                .exam_run
                .as_ref()
                .map_or(0, |r| r.writer.unsaved_count())
    }

    /// The warning shown at the top while answers are not on disk, if any.
    pub fn save_status(&self) -> Option<String> {
        let n = self.unsaved_count();
        if n == 0 {
            return None;
        }
        let why = self
            .open
            .as_ref()
            .and_then(|o| o.store.unsaved_error())
            .or_else(|| {
                self.exam_run
                    .as_ref()
                    .and_then(|r| r.writer.unsaved_error())
            })
            .unwrap_or("the disk refused the write");
        let what = if n == 1 {
            "1 answer is".to_owned()
        } else {
            format!("{n} answers are")
        };
        Some(format!(
            "Not saved yet: {what} kept in memory because writing failed ({why}). \
             Free some disk space or check the drive, then press Ctrl+S; quizdeck also tries again with each \
             answer, every {SAVE_RETRY_SECS} seconds and before closing."
        ))
    }

    /// Retries writing unsaved answers; says so in the banner when they got saved.
    fn retry_unsaved(&mut self) {
        let mut saved = 0;
        if let Some(open) = &mut self.open {
            saved += open.store.retry_unsaved().unwrap_or(0);
        }
        if let Some(run) = &mut self.exam_run {
            saved += run.writer.retry_unsaved().unwrap_or(0);
        }
        if saved > 0 && self.unsaved_count() == 0 {
            self.banner.push(if saved == 1 {
                "The unsaved answer is now saved.".to_owned()
            } else {
                format!("The {saved} unsaved answers are now saved.")
            });
        }
    }

    /// Before closing the profile or the exam: retries unsaved answers; false (with a
    /// message) when some are still not on disk.
    fn saved_before_closing(&mut self) -> bool {
        if self.unsaved_count() == 0 {
            return true;
        }
        self.retry_unsaved();
        let n = self.unsaved_count();
        if n > 0 {
            self.banner.push(format!(
                "{n} answer(s) could not be saved yet, so the profile stays open. Free some \
                 disk space and press \"Retry saving\"."
            ));
        }
        n == 0
    }

    /// Draws one frame and applies what the screens asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if self.style_dirty {
            theme::apply(ui.ctx(), &self.settings());
            self.style_dirty = false;
        }
        // Answers that could not be written (a full disk) are retried now and then; the
        // window does not close on them without a second request.
        if self.unsaved_count() > 0 {
            let now = (self.clock)();
            let due = self
                .last_save_retry
                .is_none_or(|t| now - t >= chrono::TimeDelta::seconds(SAVE_RETRY_SECS));
            if due {
                self.last_save_retry = Some(now);
                self.retry_unsaved();
            }
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_secs(SAVE_RETRY_SECS as u64));
            if ui.ctx().input(|i| i.viewport().close_requested()) {
                self.retry_unsaved();
                if self.unsaved_count() > 0 && !self.close_held {
                    self.close_held = true;
                    ui.ctx()
                        .send_viewport_cmd(egui::ViewportCommand::CancelClose);
                    self.banner.push(
                        "Some answers are not saved yet. Free some disk space and press \
                         \"Retry saving\"; closing the window again quits without them."
                            .into(),
                    );
                }
            }
        }
        let mut actions = Vec::new();
        // Decks dropped onto the window are imported.
        let dropped: Vec<PathBuf> = ui.ctx().input(|i| {
            i.raw
                .dropped_files
                .iter()
                .map(|f| f.path().to_path_buf())
                .filter(|p| !p.as_os_str().is_empty())
                .collect()
        });
        actions.extend(dropped.into_iter().map(Action::ImportDeck));
        let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());

        egui::Panel::top("top").show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(egui::RichText::new("quizdeck").strong());
                if let Some(name) = self.profile_name() {
                    ui.label(format!("· {name}"));
                }
                if hovering {
                    ui.label(egui::RichText::new("Drop the deck file to import it").strong());
                }
            });
            if let Some(status) = self.save_status() {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(theme::wrong_color(ui), status);
                    let shortcut =
                        egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);
                    if ui.button("Retry saving").on_hover_text("Ctrl+S").clicked()
                        || ui.input_mut(|i| i.consume_shortcut(&shortcut))
                    {
                        actions.push(Action::RetrySave);
                    }
                });
            }
            if !self.banner.is_empty() {
                for m in &self.banner {
                    ui.label(m);
                }
                if ui.button("OK").clicked() {
                    actions.push(Action::DismissBanner);
                }
            }
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            // Screens without their own scrolling scroll as a whole, so nothing falls off
            // the window at large font scales (projectors).
            let whole = |ui: &mut egui::Ui, f: &mut dyn FnMut(&mut egui::Ui) -> Option<Action>| {
                egui::ScrollArea::vertical()
                    .id_salt("screen")
                    .auto_shrink([false, false])
                    .show(ui, |ui| f(ui))
                    .inner
            };
            let clock = &self.clock;
            let a = match &mut self.screen {
                Screen::Profiles(s) => whole(ui, &mut |ui| s.ui(ui)),
                Screen::Library(s) => s.ui(ui),
                Screen::Study(s) => s.ui(ui),
                Screen::Summary(s) => whole(ui, &mut |ui| s.ui(ui)),
                Screen::Settings(s) => whole(ui, &mut |ui| s.ui(ui)),
                Screen::Browse(s) => s.ui(ui),
                Screen::Stats(s) => s.ui(ui),
                Screen::Practice(s) => whole(ui, &mut |ui| s.ui(ui)),
                Screen::Exam(s) => whole(ui, &mut |ui| {
                    s.ui(ui, &mut actions);
                    None
                }),
                Screen::Match(s) => {
                    s.now = Some(clock());
                    if s.board.is_some() && s.finished_ms.is_none() {
                        ui.ctx()
                            .request_repaint_after(std::time::Duration::from_millis(100));
                    }
                    whole(ui, &mut |ui| s.ui(ui))
                }
            };
            actions.extend(a);
        });
        if let Some(p) = &mut self.picker {
            actions.extend(p.ui(ui.ctx()));
        }
        // The exam's countdown: hand in at zero; note the time every minute.
        if let (Screen::Exam(s), Some(run)) = (&mut self.screen, &mut self.exam_run)
            && matches!(s.phase, exam::Phase::Taking)
        {
            let now = (self.clock)();
            s.seconds_left = run.writer.remaining(now).num_seconds();
            if s.seconds_left <= 0 {
                actions.extend(s.pending_answer());
                actions.push(Action::HandIn);
            } else {
                run.last_in_time = now;
                if now - run.last_checkpoint >= chrono::TimeDelta::seconds(60) {
                    run.last_checkpoint = now;
                    if let Err(e) = run.writer.checkpoint(now) {
                        s.error = Some(format!("The time could not be saved: {e}"));
                    }
                }
                ui.ctx()
                    .request_repaint_after(std::time::Duration::from_millis(500));
            }
        }
        // A learning item may come due while the student waits.
        if let Screen::Study(s) = &self.screen
            && s.item.is_none()
            && let Some(session) = &self.session
        {
            let now = (self.clock)();
            if session.next(now).is_some() {
                self.show_next();
            } else if let Some(due) = session.next_learning_due() {
                let wait = (due - now).to_std().unwrap_or_default();
                ui.ctx().request_repaint_after(wait);
            }
        }
        let unsaved = self.unsaved_count();
        for a in actions {
            self.apply(a);
        }
        if self.unsaved_count() != unsaved {
            // Show or clear the warning at once.
            ui.ctx().request_repaint();
        }
    }

    fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    fn show_profiles(&mut self) {
        let rows = match self.profiles.list() {
            Ok(list) => list
                .into_iter()
                .map(|p| ProfileRow {
                    slug: p.slug,
                    name: p.display_name,
                })
                .collect(),
            Err(e) => {
                self.banner
                    .push(format!("Could not read the profiles: {e}"));
                Vec::new()
            }
        };
        self.screen = Screen::Profiles(ProfilesScreen {
            rows,
            current: self.open.as_ref().map(|o| o.info.slug.clone()),
            ..ProfilesScreen::default()
        });
    }

    /// Rebuilds the library rows from the store (O(items); only when data changed).
    fn show_library(&mut self) {
        let now = self.now();
        let Some(open) = &self.open else {
            self.show_profiles();
            return;
        };
        let cutoff = open.settings.schedule.day_cutoff_hour;
        let today = day::day_index(now, self.offset, cutoff);
        let start = day::day_start(today, self.offset, cutoff);
        let done = open.store.counts_since(start).unwrap_or_default();
        let new_left = (open.settings.schedule.new_per_day as usize).saturating_sub(done.new_items);
        let rows = open
            .library
            .decks
            .iter()
            .map(|d| {
                let stats = lib::deck_stats(
                    &d.deck,
                    open.store.states(),
                    now,
                    self.offset,
                    &open.settings.schedule,
                    new_left,
                );
                DeckRow {
                    id: d.deck.id.clone(),
                    title: d.deck.title.clone(),
                    description: d.deck.description.clone(),
                    last_studied: match stats.last_studied {
                        None => "never".into(),
                        Some(t) => {
                            let days = today - day::day_index(t, self.offset, cutoff);
                            match days {
                                i64::MIN..=0 => "today".into(),
                                1 => "yesterday".into(),
                                n => format!("{n} days ago"),
                            }
                        }
                    },
                    stats,
                    imported: matches!(d.origin, DeckOrigin::Imported(_)),
                }
            })
            .collect();
        // Import errors stay on screen until dismissed; a pending removal does not.
        let import_errors = match &mut self.screen {
            Screen::Library(s) => s.import_errors.take(),
            _ => None,
        };
        self.screen = Screen::Library(LibraryScreen {
            rows,
            profile_name: open.info.display_name.clone(),
            import_errors,
            confirm_remove: None,
            new_left_today: new_left,
        });
    }

    fn close_profile(&mut self) {
        self.retry_unsaved();
        self.session = None;
        if let Some(open) = self.open.take()
            && let Err(e) = open.store.close(self.now())
        {
            self.banner
                .push(format!("Progress could not be snapshotted: {e}"));
        }
    }

    fn open_profile(&mut self, slug: &str) {
        let now = self.now();
        if !self.saved_before_closing() {
            return;
        }
        self.close_profile();
        let info = match self
            .profiles
            .list()
            .ok()
            .and_then(|l| l.into_iter().find(|p| p.slug == slug))
        {
            Some(i) => i,
            None => {
                self.banner.push(format!("There is no profile {slug}."));
                return self.show_profiles();
            }
        };
        let opts = OpenOptions {
            mode: OpenMode::ReadOnlyIfLocked,
            ..OpenOptions::default()
        };
        let (store, report) = match Store::open(&info.dir, &opts, now) {
            Ok(x) => x,
            Err(e) => {
                self.banner.push(format!(
                    "{}'s progress could not be opened: {e}. Nothing was deleted; close other \
                     quizdeck windows or free some disk space, then try again.",
                    info.display_name
                ));
                self.show_profiles();
                if let Screen::Profiles(screen) = &mut self.screen {
                    screen.failed = Some((slug.to_owned(), e.to_string()));
                }
                return;
            }
        };
        if !report.is_empty() {
            self.banner.push(report.to_string());
        }
        if let Some(why) = store.read_only_reason() {
            self.banner.push(format!(
                "Read-only: {why}. You can look around, but answers are not saved in this window."
            ));
        }
        let settings = match store.load_settings::<ProfileSettings>(now) {
            Ok((s, rep)) => {
                if !rep.is_empty() {
                    self.banner.push(rep.to_string());
                }
                s.clamped()
            }
            Err(e) => {
                self.banner
                    .push(format!("Settings could not be read ({e}); using defaults."));
                ProfileSettings::default()
            }
        };
        let library = Library::load(Some(&info.decks_dir()));
        self.banner.extend(library.notes.iter().cloned());
        for broken in &library.broken {
            self.banner.push(format!(
                "The deck {} has errors and is not shown; run `quizdeck check` on it.",
                broken.file
            ));
        }
        self.open = Some(OpenProfile {
            info,
            store,
            settings,
            library,
        });
        self.style_dirty = true;
        self.show_library();
    }

    /// Shows the study screen on a started session (or says why it could not start).
    fn begin_session(&mut self, started: crate::session::Result<Session>) {
        match started {
            Ok(s) => {
                self.session = Some(s);
                self.screen = Screen::Study(Box::default());
                self.show_next();
            }
            Err(e) => self.banner.push(format!("Could not start studying: {e}")),
        }
    }

    /// The open profile's decks as (id, title), for deck choosers.
    fn deck_choices(&self) -> Vec<(DeckId, String)> {
        self.open
            .as_ref()
            .map(|o| {
                o.library
                    .decks
                    .iter()
                    .map(|d| (d.deck.id.clone(), d.deck.title.clone()))
                    .collect()
            })
            .unwrap_or_default()
    }

    fn show_next(&mut self) {
        let now = self.now();
        let (Some(open), Some(session), Screen::Study(screen)) =
            (&self.open, &mut self.session, &mut self.screen)
        else {
            return;
        };
        session.refresh_if_new_day(&open.store, now, self.offset);
        screen.counts = session.counts();
        screen.done = session.answered_count();
        screen.can_undo = session.can_undo();
        screen.error = None;
        screen.waiting_until = None;
        screen.item = None;
        let Some(q) = session.next(now) else {
            screen.waiting_until = session
                .next_learning_due()
                .map(|t| t.with_timezone(&self.offset).format("%H:%M").to_string());
            return;
        };
        let Some(ld) = open.library.get(&q.key.deck) else {
            return;
        };
        let Some(card) = ld.deck.card(&q.key.card).cloned() else {
            return;
        };
        let preview = session.preview(&q.key, &open.store, now, self.offset);
        let labels = preview.choices.clone().map(|c| c.label);
        let input = Interaction::for_card(&card, &q.key);
        let picture = card.image.as_deref().map(|rel| {
            let loaded = match lib::deck_dir(ld) {
                Some(dir) => crate::picture::load(dir, rel).map_err(|e| e.to_string()),
                None => Err(format!(
                    "the picture {rel} is not available for a bundled deck"
                )),
            };
            match loaded {
                Ok(p) => study::PictureView::Ready(
                    egui::ColorImage::from_rgba_unmultiplied(
                        [p.width as usize, p.height as usize],
                        &p.rgba,
                    ),
                    None,
                ),
                Err(e) => study::PictureView::Failed(e),
            }
        });
        screen.item = Some(ShownItem {
            source: ld.deck.source_label(&card),
            deck_title: ld.deck.title.clone(),
            key: q.key,
            labels,
            strictness: open.settings.strictness,
            shown_at: std::time::Instant::now(),
            input,
            outcome: None,
            picture,
            card,
        });
    }

    fn read_folder(dir: &Path) -> Result<Vec<Entry>, String> {
        let rd =
            std::fs::read_dir(dir).map_err(|e| format!("cannot open {}: {e}", dir.display()))?;
        let mut entries: Vec<Entry> = rd
            .filter_map(|e| e.ok())
            .map(|e| e.path())
            .filter(|p| {
                let hidden = p
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with('.'));
                !hidden && (p.is_dir() || p.extension().is_some_and(|e| e == "ron"))
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

    /// Applies one action (public so tests can drive the app without pixels).
    pub fn apply(&mut self, action: Action) {
        let now = self.now();
        match action {
            Action::Study(decks) => {
                let Some(open) = &self.open else { return };
                let items = open.library.items(&decks);
                let started = Session::start(
                    items,
                    &open.store,
                    &open.settings.schedule,
                    now,
                    self.offset,
                );
                self.begin_session(started);
            }
            Action::Answer {
                key,
                rating,
                duration_ms,
                correct,
            } => {
                let (Some(open), Some(session)) = (&mut self.open, &mut self.session) else {
                    return;
                };
                match session.answer(
                    &mut open.store,
                    &key,
                    rating,
                    duration_ms,
                    correct,
                    now,
                    self.offset,
                ) {
                    Ok(_) => self.show_next(),
                    Err(e) => {
                        // Read-only: retrying can never work here, so say what can.
                        let next = if open.store.read_only() {
                            "Answers are not saved in this read-only window: close it and \
                             study in the window that has the profile open"
                        } else {
                            "Nothing was lost: choose the rating again to retry"
                        };
                        if let Screen::Study(s) = &mut self.screen {
                            s.error = Some(format!("{e}. {next}."));
                        }
                    }
                }
            }
            Action::Undo => {
                let (Some(open), Some(session)) = (&mut self.open, &mut self.session) else {
                    return;
                };
                match session.undo(&mut open.store, now) {
                    Ok(_) => self.show_next(),
                    Err(e) => {
                        if let Screen::Study(s) = &mut self.screen {
                            s.error = Some(format!("Could not undo: {e}"));
                        }
                    }
                }
            }
            Action::EndSession => {
                let Some(open) = &self.open else { return };
                let Some(session) = self.session.take() else {
                    return self.show_library();
                };
                let summary = session.summary(&open.store, now, self.offset);
                let leech_names = summary
                    .leeches
                    .iter()
                    .map(|k| {
                        let deck = open.library.get(&k.deck);
                        let text = deck
                            .and_then(|d| d.deck.card(&k.card))
                            .map(|c| c.kind.prompt_text())
                            .unwrap_or_else(|| k.to_string());
                        match deck {
                            Some(d) => format!("{} › {text}", d.deck.title),
                            None => text,
                        }
                    })
                    .collect();
                self.screen = Screen::Summary(SummaryScreen {
                    summary,
                    leech_names,
                });
            }
            Action::BackToLibrary => self.show_library(),
            Action::OpenSettings => {
                self.screen = Screen::Settings(SettingsScreen::new(&self.settings()));
            }
            Action::SaveSettings(s) => {
                let Some(open) = &mut self.open else { return };
                match open.store.save_settings(&*s) {
                    Ok(()) => {
                        open.settings = *s;
                        self.style_dirty = true;
                        self.show_library();
                    }
                    Err(e) => {
                        if let Screen::Settings(scr) = &mut self.screen {
                            scr.error = Some(format!("Could not save the settings: {e}"));
                        }
                    }
                }
            }
            Action::OpenProfiles => self.show_profiles(),
            Action::SwitchProfile(slug) => {
                if self.open.as_ref().is_some_and(|o| o.info.slug == slug) {
                    self.show_library();
                } else {
                    self.open_profile(&slug);
                }
            }
            Action::CreateProfile(name) => match self.profiles.create(&name, now) {
                Ok(info) => self.open_profile(&info.slug),
                Err(e) => {
                    self.show_profiles();
                    if let Screen::Profiles(s) = &mut self.screen {
                        s.error = Some(format!("Could not create the profile: {e}"));
                    }
                }
            },
            Action::RenameProfile(slug, name) => {
                let result = self.profiles.rename(&slug, &name);
                if let (Ok(info), Some(open)) = (&result, &mut self.open)
                    && open.info.slug == slug
                {
                    open.info = info.clone();
                }
                self.show_profiles();
                if let (Err(e), Screen::Profiles(s)) = (result, &mut self.screen) {
                    s.error = Some(format!("Could not rename: {e}"));
                }
            }
            Action::DeleteProfile(slug) => {
                if self.open.as_ref().is_some_and(|o| o.info.slug == slug) {
                    self.close_profile();
                }
                let result = self.profiles.delete(&slug, now);
                self.show_profiles();
                if let (Err(e), Screen::Profiles(s)) = (result, &mut self.screen) {
                    s.error = Some(format!("Could not delete: {e}"));
                }
            }
            Action::OpenFilePicker => {
                let start = directories::UserDirs::new()
                    .map(|u| u.home_dir().to_path_buf())
                    .or_else(|| std::env::current_dir().ok())
                    .unwrap_or_else(|| PathBuf::from("/"));
                self.apply(Action::PickerOpen(start));
            }
            Action::PickerOpen(dir) => {
                let picker = self.picker.get_or_insert_with(FilePicker::default);
                match Self::read_folder(&dir) {
                    Ok(entries) => {
                        picker.entries = entries;
                        picker.typed = dir.display().to_string();
                        picker.dir = dir;
                        picker.error = None;
                    }
                    Err(e) => picker.error = Some(e),
                }
            }
            Action::ClosePicker => self.picker = None,
            Action::ImportDeck(path) => {
                self.picker = None;
                let Some(open) = &mut self.open else { return };
                match lib::import_deck(&path, &open.info.decks_dir()) {
                    Ok(deck) => {
                        open.library = Library::load(Some(&open.info.decks_dir()));
                        self.banner.push(format!(
                            "Imported \"{}\" ({} cards).",
                            deck.title,
                            deck.cards.len()
                        ));
                        self.show_library();
                    }
                    Err(LibraryError::Invalid(checked)) => {
                        self.show_library();
                        if let Screen::Library(s) = &mut self.screen {
                            s.import_errors = Some(checked.render());
                        }
                    }
                    Err(e) => self.banner.push(e.to_string()),
                }
            }
            Action::DismissImportErrors => {
                if let Screen::Library(s) = &mut self.screen {
                    s.import_errors = None;
                }
            }
            Action::AskRemove(id) => {
                if let Screen::Library(s) = &mut self.screen {
                    s.confirm_remove = Some(id);
                }
            }
            Action::CancelRemove => {
                if let Screen::Library(s) = &mut self.screen {
                    s.confirm_remove = None;
                }
            }
            Action::RemoveDeck(id) => {
                let Some(open) = &mut self.open else { return };
                if let Some(d) = open.library.get(&id) {
                    match lib::remove_deck(d) {
                        Ok(()) => {
                            open.library = Library::load(Some(&open.info.decks_dir()));
                            self.banner
                                .push("The deck was removed; its progress is kept.".into());
                        }
                        Err(e) => self.banner.push(e.to_string()),
                    }
                }
                self.show_library();
            }
            Action::DismissBanner => self.banner.clear(),
            Action::RetrySave => {
                self.last_save_retry = Some(now);
                self.retry_unsaved();
            }
            Action::OpenBrowse => {
                let Some(open) = &self.open else { return };
                let index = crate::browse::Index::build(
                    &open.library,
                    open.store.states(),
                    now,
                    self.offset,
                    open.settings.schedule.day_cutoff_hour,
                );
                let mut screen = browse::BrowseScreen {
                    tags: index.tags(),
                    decks: self.deck_choices(),
                    index,
                    ..Default::default()
                };
                screen.refilter();
                self.screen = Screen::Browse(Box::new(screen));
            }
            Action::BrowseSelect(key) => self.load_detail(&key),
            Action::OpenStats(deck) => {
                let Some(open) = &self.open else { return };
                let decks: Vec<DeckId> = deck.iter().cloned().collect();
                let history = match open.store.history() {
                    Ok(h) => h,
                    Err(e) => {
                        self.banner
                            .push(format!("The history could not be read: {e}"));
                        Vec::new()
                    }
                };
                let stats = crate::stats::compute(
                    &open.library.items(&decks),
                    open.store.states(),
                    &history,
                    &decks,
                    now,
                    self.offset,
                    open.settings.schedule.day_cutoff_hour,
                );
                let hardest_names = stats
                    .hardest
                    .iter()
                    .map(|h| {
                        open.library
                            .get(&h.key.deck)
                            .and_then(|d| {
                                d.deck
                                    .card(&h.key.card)
                                    .map(|c| format!("{} › {}", d.deck.title, c.kind.prompt_text()))
                            })
                            .unwrap_or_else(|| h.key.to_string())
                    })
                    .collect();
                let year = matches!(&self.screen, Screen::Stats(s) if s.year);
                self.screen = Screen::Stats(Box::new(stats::StatsScreen {
                    stats,
                    deck,
                    decks: self.deck_choices(),
                    hardest_names,
                    year,
                }));
            }
            Action::PracticeToSchedule(answers) => {
                let Some(open) = &mut self.open else { return };
                let scheduler =
                    match crate::schedule::Scheduler::new(open.settings.schedule.clone()) {
                        Ok(s) => s,
                        Err(e) => return self.banner.push(e.to_string()),
                    };
                let mut recorded = 0;
                for (deck, card, right) in answers {
                    let Some(part) = open
                        .library
                        .get(&deck)
                        .and_then(|d| d.deck.card(&card))
                        .and_then(|c| c.parts().first().copied())
                    else {
                        continue;
                    };
                    let key = ItemKey::new(deck, card, part);
                    let before = open.store.state(&key).cloned();
                    let current = before
                        .clone()
                        .unwrap_or_else(|| crate::schedule::ItemState::new(now));
                    if current.suspended {
                        continue;
                    }
                    let rating = if right { Rating::Good } else { Rating::Again };
                    let after = scheduler.answer(&key, &current, rating, now, self.offset);
                    let entry = crate::schedule::ReviewEntry {
                        key,
                        rating,
                        at: now,
                        duration_ms: 0,
                        phase: current.phase,
                    };
                    // A failed write keeps the answer unsaved (shown at the top, retried).
                    match open.store.record_answer_or_keep(entry, before, after) {
                        Ok(_) => recorded += 1,
                        Err(e) => {
                            self.banner
                                .push(format!("An answer could not be saved: {e}"));
                            break;
                        }
                    }
                }
                self.banner.push(format!(
                    "{recorded} answer(s) added to your study schedule."
                ));
            }
            Action::OpenMatch => {
                let Some(open) = &self.open else { return };
                self.screen = Screen::Match(Box::new(match_game::MatchScreen {
                    decks: self.deck_choices(),
                    best_ms: open.settings.best_match_ms.get("all").copied(),
                    ..Default::default()
                }));
            }
            Action::StartMatch(deck) => {
                let (Some(open), Screen::Match(screen)) = (&self.open, &mut self.screen) else {
                    return;
                };
                let decks: Vec<&crate::deck::Deck> = open
                    .library
                    .decks
                    .iter()
                    .filter(|d| deck.as_ref().is_none_or(|id| &d.deck.id == id))
                    .map(|d| &d.deck)
                    .collect();
                let seed = now.timestamp_subsec_nanos() as u64 ^ now.timestamp() as u64;
                let pairs = crate::match_game::pick_pairs(&decks, 8, seed);
                let key = deck.as_ref().map_or("all".to_owned(), |d| d.to_string());
                screen.best_ms = open.settings.best_match_ms.get(&key).copied();
                screen.deck = deck.clone();
                screen.finished_ms = None;
                screen.wrong = false;
                if pairs.len() < 3 {
                    screen.board = None;
                    self.banner
                        .push("This deck has too few short pairs for a match game.".into());
                } else {
                    screen.board = Some(crate::match_game::Board::new(&pairs, seed));
                    screen.started = Some(now);
                }
            }
            Action::MatchFinished(deck, ms) => {
                let Some(open) = &mut self.open else { return };
                let key = deck.as_ref().map_or("all".to_owned(), |d| d.to_string());
                let best = open.settings.best_match_ms.get(&key).copied();
                if best.is_none_or(|b| ms < b) {
                    open.settings.best_match_ms.insert(key, ms);
                    if let Err(e) = open.store.save_settings(&open.settings) {
                        self.banner
                            .push(format!("The best time could not be saved: {e}"));
                    }
                    if let Screen::Match(s) = &mut self.screen {
                        s.best_ms = Some(ms);
                    }
                }
            }
            Action::OpenExamScreen => {
                let mut screen = exam::ExamScreen::default();
                if let Some(open) = &self.open {
                    screen.teacher = exam::TeacherPanel {
                        decks: open
                            .library
                            .decks
                            .iter()
                            .map(|d| (d.deck.id.clone(), d.deck.title.clone(), false))
                            .collect(),
                        questions: 30,
                        minutes: 20,
                        show_results: true,
                        ..Default::default()
                    };
                }
                self.screen = Screen::Exam(Box::new(screen));
            }
            Action::CreateExam {
                decks,
                title,
                questions,
                minutes,
                show_results,
                output,
            } => {
                let (Some(open), Screen::Exam(screen)) = (&self.open, &mut self.screen) else {
                    return;
                };
                let chosen: Vec<crate::deck::Deck> = decks
                    .iter()
                    .filter_map(|id| open.library.get(id).map(|d| d.deck.clone()))
                    .collect();
                let seed = now.timestamp_subsec_nanos() as u64 ^ now.timestamp() as u64;
                let id = format!("{}-{}", crate::import_export::slug(&title), seed % 100_000);
                let made = crate::exam::Exam::new(
                    id,
                    title,
                    chosen,
                    crate::exam::ExamSettings {
                        question_count: questions,
                        kinds: crate::quiz::QuestionKind::ALL.to_vec(),
                        seed,
                        minutes,
                        feedback: if show_results {
                            crate::exam::Feedback::AfterEnd
                        } else {
                            crate::exam::Feedback::Never
                        },
                    },
                )
                .and_then(|e| e.save(&output).map(|()| e));
                screen.teacher.message = Some(match made {
                    Ok(e) => format!(
                        "Saved {} ({} questions, {} minutes). Give students this file.",
                        output.display(),
                        e.test().map(|t| t.questions.len()).unwrap_or(0),
                        minutes
                    ),
                    Err(e) => format!("The exam was not made: {e}"),
                });
            }
            Action::ExamResults { exam, dir } => {
                let Screen::Exam(screen) = &mut self.screen else {
                    return;
                };
                let merged = crate::exam::Exam::load(&exam)
                    .and_then(|e| crate::exam::merge_results(&dir, &e));
                match merged {
                    Ok(class) => {
                        let csv = dir.join(format!("class-{}.csv", class.exam_id));
                        let written = crate::import_export::write_atomic(&csv, &class.to_csv());
                        let mut lines = vec![format!(
                            "{}: {} student(s)",
                            class.title,
                            class.students.len()
                        )];
                        for s in &class.students {
                            lines.push(format!(
                                "{} · {} right ({:.0}%) · {} min{}{}",
                                s.name,
                                s.score,
                                s.percent,
                                s.time_secs / 60,
                                if s.finished { "" } else { " · not handed in" },
                                if s.edited { " · FILE EDITED" } else { "" }
                            ));
                        }
                        for q in class.summary().iter().take(5) {
                            lines.push(format!(
                                "Question {}: {:.0}% right · {}",
                                q.number, q.percent, q.prompt
                            ));
                        }
                        for (f, why) in &class.unreadable {
                            lines.push(format!("Unreadable: {} ({why})", f.display()));
                        }
                        lines.push(match written {
                            Ok(()) => format!("Class table written to {}", csv.display()),
                            Err(e) => format!("The class table could not be written: {e}"),
                        });
                        screen.teacher.results = lines;
                    }
                    Err(e) => {
                        screen.teacher.results = vec![format!("The results could not be read: {e}")]
                    }
                }
            }
            Action::OpenExam {
                exam,
                results_dir,
                student,
            } => {
                let Screen::Exam(screen) = &mut self.screen else {
                    return;
                };
                let opened = crate::exam::Exam::load(&exam).and_then(|e| {
                    let test = e.test()?;
                    let writer = crate::exam::ResultWriter::open(&results_dir, &e, &student, now)?;
                    Ok((e, test, writer))
                });
                match opened {
                    Ok((e, test, writer)) => {
                        screen.drafts = test
                            .questions
                            .iter()
                            .enumerate()
                            .map(|(i, q)| match writer.answers().get(&i) {
                                Some(a) => question::Draft::from_answer(q, &a.answer),
                                None => question::Draft::for_question(q),
                            })
                            .collect();
                        screen.title = e.title.clone();
                        screen.test = Some(test);
                        screen.index = 0;
                        screen.error = None;
                        screen.seconds_left = writer.remaining(now).num_seconds();
                        screen.phase = exam::Phase::Taking;
                        self.exam_run = Some(ExamRun {
                            exam: e,
                            writer,
                            last_checkpoint: now,
                            last_in_time: now,
                        });
                    }
                    Err(e) => screen.error = Some(e.to_string()),
                }
            }
            Action::ExamAnswer(q, answer) => {
                let (Some(run), Screen::Exam(screen)) = (&mut self.exam_run, &mut self.screen)
                else {
                    return;
                };
                let same = run
                    .writer
                    .answers()
                    .get(&q)
                    .is_some_and(|a| a.answer == answer);
                let at = if run.writer.remaining(now) > chrono::TimeDelta::zero() {
                    now
                } else {
                    run.last_in_time
                };
                if !same {
                    match run.writer.record_or_keep(q, answer, at) {
                        Ok(None) => screen.error = None,
                        // Kept in memory; the warning at the top says so until it is saved.
                        Ok(Some(_)) => {}
                        Err(e) => {
                            screen.error = Some(format!("The answer could not be saved: {e}"))
                        }
                    }
                }
            }
            Action::HandIn => {
                let (Some(run), Screen::Exam(screen)) = (&mut self.exam_run, &mut self.screen)
                else {
                    return;
                };
                let feedback = run.exam.settings.feedback;
                match run.writer.finish(now) {
                    Ok(result) => {
                        self.exam_run = None;
                        let report = screen
                            .test
                            .as_ref()
                            .filter(|_| feedback == crate::exam::Feedback::AfterEnd)
                            .map(|t| {
                                let answers: Vec<Option<crate::quiz::Answer>> =
                                    (0..t.questions.len())
                                        .map(|i| result.answers.get(&i).map(|a| a.answer.clone()))
                                        .collect();
                                crate::quiz::score(t, &answers)
                            });
                        screen.phase = exam::Phase::Done(report);
                    }
                    Err(e) => screen.error = Some(format!("The exam could not be handed in: {e}")),
                }
            }
            Action::OpenPractice => {
                if self.open.is_none() {
                    return;
                }
                self.screen =
                    Screen::Practice(Box::new(practice::PracticeScreen::new(self.deck_choices())));
            }
            Action::StartPractice {
                decks,
                options,
                seed,
            } => {
                let (Some(open), Screen::Practice(screen)) = (&self.open, &mut self.screen) else {
                    return;
                };
                let chosen: Vec<&crate::deck::Deck> = decks
                    .iter()
                    .filter_map(|id| open.library.get(id).map(|d| &d.deck))
                    .collect();
                let seed = seed.unwrap_or_else(|| {
                    now.timestamp_subsec_nanos() as u64 ^ now.timestamp() as u64
                });
                match crate::quiz::generate(&chosen, &options, seed) {
                    Ok(test) if !test.questions.is_empty() => screen.begin(test),
                    Ok(_) => {
                        screen.error =
                            Some("These decks give no question of the chosen forms.".into())
                    }
                    Err(e) => screen.error = Some(e.to_string()),
                }
            }
            Action::StudyItems(items) => {
                let Some(open) = &self.open else { return };
                let started = Session::start_cram(
                    items,
                    &open.store,
                    &open.settings.schedule,
                    now,
                    self.offset,
                );
                self.begin_session(started);
            }
            Action::SetSuspended(key, suspended) => {
                let Some(open) = &mut self.open else { return };
                if let Err(e) = open.store.set_suspended(&key, suspended, now) {
                    self.banner.push(format!("Could not change the item: {e}"));
                }
                self.after_item_change(&key);
            }
            Action::ResetItem(key) => {
                let Some(open) = &mut self.open else { return };
                if let Err(e) = open.store.reset(&key, now) {
                    self.banner.push(format!("Could not reset the item: {e}"));
                }
                self.after_item_change(&key);
            }
        }
    }

    /// Loads an item's card, state and history into the browse screen (reads the history
    /// from disk: only on selection, never per frame).
    fn load_detail(&mut self, key: &ItemKey) {
        let (Some(open), Screen::Browse(screen)) = (&self.open, &mut self.screen) else {
            return;
        };
        let Some(card) = open
            .library
            .get(&key.deck)
            .and_then(|d| d.deck.card(&key.card))
        else {
            return;
        };
        let text = match (&card.kind, key.part) {
            (CardKind::Cloze(c), n) => c.question(n),
            (CardKind::Basic { back, .. }, 1) => back.clone(),
            (k, _) => k.prompt_text(),
        };
        let answer = match (&card.kind, key.part) {
            (CardKind::Basic { front, .. }, 1) => front.clone(),
            (CardKind::Basic { back, .. }, _) => back.clone(),
            (CardKind::Cloze(c), n) => c.answers(n).join(" / "),
            (CardKind::TypeIn { answers, .. }, _) => answers.join(" / "),
            (CardKind::MultipleChoice { answer, .. }, _) => answer.clone(),
            (
                CardKind::TrueFalse {
                    truth, correction, ..
                },
                _,
            ) => format!("{} {correction}", if *truth { "True." } else { "False." }),
            (CardKind::Order { items, .. }, _) => items.join(" › "),
            (CardKind::Match { pairs, .. }, _) => pairs
                .iter()
                .map(|(l, r)| format!("{l} = {r}"))
                .collect::<Vec<_>>()
                .join("; "),
        };
        let history = match open.store.history() {
            Ok(h) => h.into_iter().filter(|e| &e.key == key).collect(),
            Err(e) => {
                self.banner
                    .push(format!("The history could not be read: {e}"));
                Vec::new()
            }
        };
        screen.detail = Some(browse::Detail {
            key: key.clone(),
            text,
            answer,
            state: open.store.state(key).cloned(),
            history,
        });
    }

    /// Refreshes the browse row and details after an item's state changed.
    fn after_item_change(&mut self, key: &ItemKey) {
        let now = self.now();
        if let (Some(open), Screen::Browse(screen)) = (&self.open, &mut self.screen) {
            let cutoff = open.settings.schedule.day_cutoff_hour;
            let day_end = day::day_start(
                day::day_index(now, self.offset, cutoff) + 1,
                self.offset,
                cutoff,
            );
            screen.index.update(key, open.store.state(key), day_end);
            screen.refilter();
        }
        self.load_detail(key);
    }

    /// Writes a snapshot and releases the profile (called when the window closes).
    pub fn shutdown(&mut self) {
        self.close_profile();
    }
}

impl eframe::App for QuizApp {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        QuizApp::ui(self, ui);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.shutdown();
    }
}
