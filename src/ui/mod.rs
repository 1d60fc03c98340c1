//! The desktop app (egui/eframe). One struct and file per screen; each screen's `ui`
//! returns an [`Action`] that [`QuizApp`] applies after drawing. Screens do no file I/O
//! and never loop over every card: figures are computed when data changes.

pub mod browse;
pub mod drop_ask;
pub mod editor;
pub mod exam;
pub mod file_picker;
pub mod fonts;
pub mod jobs;
pub mod library;
pub mod locate;
pub mod match_game;
pub mod nav;
pub mod practice;
pub mod profiles;
pub mod question;
pub mod settings;
pub mod stats;
pub mod study;
pub mod summary;
pub mod teacher;
pub mod theme;

use crate::deck::CardKind;
use crate::ids::{DeckId, ItemKey};
use crate::library::{self as lib, Library, LibraryError};
use crate::schedule::{Rating, day};
use crate::session::Session;
use crate::settings::ProfileSettings;
use crate::store::{ClassDir, OpenMode, OpenOptions, ProfileInfo, Profiles, Store};
use crate::tr;
use chrono::{DateTime, FixedOffset, Utc};
pub use file_picker::PickFor;
use file_picker::{Entry, FilePicker};
use library::LibraryScreen;
use profiles::{ProfileRow, ProfilesScreen};
use settings::SettingsScreen;
use std::path::{Path, PathBuf};
use study::{ShownItem, StudyScreen};
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
        .map_or(tr!("app-all-decks-lower"), |d| d.1.clone());
    let l = ui.label(tr!("app-deck"));
    egui::ComboBox::from_id_salt("deck-chooser")
        .selected_text(current)
        .show_ui(ui, |ui| {
            ui.selectable_value(selected, None, tr!("app-all-decks-lower"));
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
    /// Study what is due today, then new items (see [`crate::overview::StudyNow`]).
    StudyNow,
    /// Sort and group the library this way (kept with the profile).
    SetLibraryView(crate::overview::LibraryView),
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
    /// Allow this many more new items today in the session's decks held back by a limit,
    /// and go on studying.
    StudyMoreNew(u32),
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
    /// Show the file picker to choose this (a deck to import, an exam file, a folder…),
    /// starting where the field it fills points.
    OpenPicker(PickFor),
    /// Show this folder in the picker (the import picker if none is open).
    PickerOpen(PathBuf),
    /// Put this name in the picker's file-name field (saving a new exam).
    PickerFileName(String),
    /// The picker chose this file or folder for this field.
    Picked(PickFor, PathBuf),
    /// Close the picker.
    ClosePicker,
    /// Check and import this deck file for the open profile.
    ImportDeck(PathBuf),
    /// Check and import this deck file into the class deck folder (every profile sees it).
    ImportDeckForEveryone(PathBuf),
    /// Import the files dropped onto the window, for the open profile or for everyone.
    ImportDropped {
        /// For every profile on this PC (the class deck folder).
        everyone: bool,
    },
    /// Forget the dropped files without importing them.
    CloseDropAsk,
    /// Hide the import errors.
    DismissImportErrors,
    /// Ask to confirm removing a deck.
    AskRemove(DeckId),
    /// Do not remove.
    CancelRemove,
    /// Remove an imported or class deck (progress kept).
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
    CreateExam(Box<teacher::NewExam>),
    /// Open the teacher's screen (make an exam, read results).
    OpenTeacher,
    /// Open the deck editor.
    OpenEditor,
    /// What the deck editor asks for (open, save, leave).
    Editor(editor::EditorAction),
    /// Show the results of the handed-in exam with the teacher's code.
    ExamUnlock(String),
    /// Merge a class's result files (teachers); writes the class CSV into the folder.
    ExamResults {
        /// The teacher's key file.
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

/// The local UTC offset at an instant (the computer's time zone), injected so that a
/// daylight-saving change is followed without a restart and tests can fix it.
pub type TimeZone = Box<dyn Fn(DateTime<Utc>) -> FixedOffset>;

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
    Teacher(Box<teacher::TeacherScreen>),
    Match(Box<match_game::MatchScreen>),
    Editor(Box<editor::EditorScreen>),
}

/// An exam being taken: the file and the sitting (countdown and durable result file).
/// It stays after hand-in while records are kept in memory after a failed write.
struct ExamRun {
    /// The students' copy of the exam.
    exam: crate::exam::Exam,
    /// Its file.
    exam_path: PathBuf,
    /// The name the student gave.
    student: String,
    sitting: crate::exam::Sitting,
    /// The hand-in is noted in this computer's register.
    registered: bool,
}

struct OpenProfile {
    info: ProfileInfo,
    store: Store,
    settings: ProfileSettings,
    /// Shared with the library's figures computed in the background.
    library: std::sync::Arc<Library>,
    /// What "Study now" studies, from the library's last figures.
    plan: Option<crate::overview::StudyNow>,
    /// Study days with answers (for the streak), read in the background at opening.
    study_days: std::collections::BTreeSet<i64>,
}

/// The quizdeck desktop app.
pub struct QuizApp {
    profiles: Profiles,
    /// Class deck folders (decks every profile sees), most important first.
    class_dirs: Vec<ClassDir>,
    open: Option<OpenProfile>,
    session: Option<Session>,
    screen: Screen,
    picker: Option<FilePicker>,
    /// Dropped files waiting for "for me / for everyone".
    drop_ask: Option<drop_ask::DropAsk>,
    exam_run: Option<ExamRun>,
    banner: Vec<String>,
    clock: Clock,
    /// The local UTC offset, taken from `zone` at every frame.
    offset: FixedOffset,
    zone: Option<TimeZone>,
    style_dirty: bool,
    /// When unsaved answers were last retried automatically.
    last_save_retry: Option<DateTime<Utc>>,
    /// A close of the window was held back once because answers were unsaved.
    close_held: bool,
    /// Shuffles options and items at every showing (seeded by tests through
    /// [`QuizApp::set_shuffle_seed`]).
    rng: rand::rngs::StdRng,
    /// The bundled fonts were added to the context.
    fonts_installed: bool,
    /// Reading the history for the streak (the study days), started when a profile opens.
    days_job: Option<jobs::Job<Result<crate::stats::HistoryStats, String>>>,
    /// Reading the history for the statistics screen (for the deck shown).
    stats_job: Option<jobs::Job<Result<crate::stats::HistoryStats, String>>>,
    /// Decoding the shown card's picture.
    picture_job: Option<(ItemKey, jobs::Job<Result<crate::picture::Picture, String>>)>,
    /// Computing the statistics' figures from the states (a big collection).
    stats_states_job: Option<jobs::Job<jobs::StatesFigures>>,
    /// Computing the library's figures (a big collection).
    overview_job: Option<jobs::Job<jobs::Overview>>,
    /// Collections of at least this many cards get their figures in the background.
    background_from: usize,
}

/// How often unsaved answers (a full disk) are retried while the app is open.
pub const SAVE_RETRY_SECS: i64 = 15;

impl QuizApp {
    /// Follows the local UTC offset given by `zone` (read at every frame) instead of the
    /// fixed offset given to [`QuizApp::new`], so a daylight-saving change moves the day
    /// cut-off without a restart.
    pub fn with_time_zone(mut self, zone: TimeZone) -> QuizApp {
        self.offset = zone((self.clock)());
        self.zone = Some(zone);
        self
    }

    /// Starts the app on the data folder `data_dir` with no class deck folder: opens the
    /// only profile, creates a first one when there is none, or asks who is studying when
    /// there are several.
    pub fn new(data_dir: &Path, clock: Clock, offset: FixedOffset) -> QuizApp {
        QuizApp::with_class_decks(data_dir, Vec::new(), clock, offset)
    }

    /// Like [`QuizApp::new`], with class deck folders (decks every profile on the PC
    /// sees; "for everyone" imports go into the first).
    pub fn with_class_decks(
        data_dir: &Path,
        class_dirs: Vec<ClassDir>,
        clock: Clock,
        offset: FixedOffset,
    ) -> QuizApp {
        let profiles = Profiles::new(data_dir);
        let mut app = QuizApp {
            profiles,
            class_dirs,
            open: None,
            session: None,
            screen: Screen::Profiles(ProfilesScreen::default()),
            picker: None,
            drop_ask: None,
            exam_run: None,
            banner: Vec::new(),
            clock,
            offset,
            zone: None,
            style_dirty: true,
            last_save_retry: None,
            close_held: false,
            rng: rand::SeedableRng::from_os_rng(),
            fonts_installed: false,
            days_job: None,
            stats_job: None,
            picture_job: None,
            overview_job: None,
            stats_states_job: None,
            background_from: jobs::BACKGROUND_FROM_CARDS,
        };
        match app.profiles.list() {
            Ok(list) if list.is_empty() => {
                app.screen = Screen::Profiles(ProfilesScreen {
                    first_start: true,
                    ..ProfilesScreen::default()
                });
            }
            Ok(list) if list.len() == 1 => {
                app.apply(Action::SwitchProfile(list[0].slug.clone()));
            }
            Ok(_) => app.show_profiles(),
            Err(e) => app
                .banner
                .push(tr!("msg-could-not-read-the", error = e.to_string())),
        }
        app.offer_resume();
        app
    }

    /// True on the very first start, while the app asks for the student's name.
    pub fn first_start(&self) -> bool {
        matches!(&self.screen, Screen::Profiles(p) if p.first_start && p.rows.is_empty())
    }

    /// Computes the library's figures and statistics in the background for collections
    /// of at least `cards` cards (tests; [`jobs::BACKGROUND_FROM_CARDS`] by default).
    pub fn set_background_from(&mut self, cards: usize) {
        self.background_from = cards;
    }

    /// Makes the shuffles of options and items repeatable (tests).
    pub fn set_shuffle_seed(&mut self, seed: u64) {
        self.rng = rand::SeedableRng::seed_from_u64(seed);
    }

    /// How the study screen's item is put, if one is shown (for tests).
    pub fn current_asked(&self) -> Option<&crate::ask::Asked> {
        match &self.screen {
            Screen::Study(s) => s.item.as_ref().map(|i| &i.asked),
            _ => None,
        }
    }

    /// Where the student is with the Locate card on the study screen, if one is shown.
    pub fn current_locate(&self) -> Option<&locate::LocateState> {
        match &self.screen {
            Screen::Study(s) => s.item.as_ref().and_then(|i| i.locate.as_ref()),
            _ => None,
        }
    }

    /// The open profile's settings (defaults when none is open).
    pub fn settings(&self) -> ProfileSettings {
        self.open
            .as_ref()
            .map(|o| o.settings.clone())
            .unwrap_or_default()
    }

    /// The local UTC offset in use (days start at the cut-off hour in it).
    pub fn offset(&self) -> FixedOffset {
        self.offset
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

    /// The deck editor, when it is the screen shown (for tests).
    pub fn editor(&self) -> Option<&editor::EditorScreen> {
        match &self.screen {
            Screen::Editor(s) => Some(s),
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
            Screen::Teacher(_) => "teacher",
            Screen::Match(_) => "match",
            Screen::Editor(_) => "editor",
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
                .map_or(0, |r| r.sitting.unsaved_count())
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
                    .and_then(|r| r.sitting.writer().unsaved_error())
            })
            .map_or_else(|| tr!("msg-disk-refused"), str::to_owned);
        Some(tr!(
            "app-not-saved-yet",
            n = n,
            why = why,
            secs = SAVE_RETRY_SECS
        ))
    }

    /// Retries writing unsaved answers; says so in the banner when they got saved.
    fn retry_unsaved(&mut self) {
        let mut saved = 0;
        if let Some(open) = &mut self.open {
            saved += open.store.retry_unsaved().unwrap_or(0);
        }
        if let Some(run) = &mut self.exam_run {
            saved += run.sitting.retry_unsaved().unwrap_or(0);
        }
        if saved > 0 && self.unsaved_count() == 0 {
            self.banner.push(if saved == 1 {
                tr!("app-the-unsaved-answer-is")
            } else {
                tr!("app-unsaved-now-saved", n = saved)
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
            self.banner.push(tr!("msg-profile-stays-open", n = n));
        }
        n == 0
    }

    /// Makes the open profile's language (or the system's) the one messages are worded in.
    fn sync_language(&self) {
        crate::i18n::set_language(
            (self.open.as_ref())
                .and_then(|o| o.settings.language)
                .unwrap_or_else(crate::i18n::system_language),
        );
    }

    /// Draws one frame and applies what the screens asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) {
        if !self.fonts_installed {
            fonts::install(ui.ctx());
            self.fonts_installed = true;
        }
        if let Some(zone) = &self.zone {
            self.offset = zone((self.clock)());
        }
        self.sync_language();
        if self.style_dirty {
            theme::apply(ui.ctx(), &self.settings());
            self.style_dirty = false;
        }
        if self.background_running() {
            self.apply_background(false);
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(30));
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
                    self.banner.push(tr!("msg-close-held"));
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
        // On the exam set-up, a dropped file is the exam to take; elsewhere a deck.
        if let Screen::Exam(s) = &mut self.screen
            && matches!(s.phase, exam::Phase::Setup)
        {
            if let Some(p) = dropped.last() {
                s.exam_path = p.display().to_string();
            }
        } else if let Screen::Editor(s) = &self.screen
            && s.editing.is_some()
        {
            // In the deck editor, a dropped PNG is the card's picture.
            actions.extend(dropped.into_iter().map(|p| {
                if p.extension().is_some_and(|x| x.eq_ignore_ascii_case("png")) {
                    Action::Editor(editor::EditorAction::AttachPicture(p))
                } else {
                    Action::ImportDeck(p)
                }
            }));
        } else if !dropped.is_empty() {
            // With a class deck folder, ask for whom, as the import dialog does.
            match (self.class_dirs.first(), &self.open) {
                (Some(class), Some(_)) => {
                    let ask = self.drop_ask.get_or_insert_with(Default::default);
                    ask.everyone_folder = class.describe();
                    ask.paths.extend(dropped);
                }
                _ => actions.extend(dropped.into_iter().map(Action::ImportDeck)),
            }
        }
        let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());

        // The navigation names the app and the profile; without it, this bar does.
        let nav_active = self.open.is_some() && self.exam_run.is_none();
        let nav_shown = nav_active && !matches!(self.screen, Screen::Study(_));
        if nav_active {
            actions.extend(nav::shortcuts(ui.ctx()));
        }
        let top_bar = !nav_shown || hovering || self.unsaved_count() > 0 || !self.banner.is_empty();
        if top_bar {
            egui::Panel::top("top").show(ui, |ui| {
                ui.horizontal(|ui| {
                    if !nav_shown {
                        ui.label(egui::RichText::new("quizdeck").strong());
                        if let Some(name) = self.profile_name() {
                            ui.label(format!("· {name}"));
                        }
                    }
                    if hovering {
                        let exam_setup = matches!(&self.screen, Screen::Exam(s) if matches!(s.phase, exam::Phase::Setup));
                        ui.label(
                            egui::RichText::new(if exam_setup {
                                tr!("app-drop-the-exam-file")
                            } else {
                                tr!("app-drop-the-deck-file")
                            })
                            .strong(),
                        );
                    }
                });
                if let Some(status) = self.save_status() {
                    ui.horizontal_wrapped(|ui| {
                        ui.colored_label(theme::wrong_color(ui), status);
                        let shortcut =
                            egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);
                        if ui
                            .button(tr!("app-retry-saving"))
                            .on_hover_text("Ctrl+S")
                            .clicked()
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
                    if ui.button(tr!("app-ok")).clicked() {
                        actions.push(Action::DismissBanner);
                    }
                }
            });
        }
        // The navigation, except while no profile is open, an exam is being taken, or on
        // the study screen.
        if let Some(name) = self.profile_name().map(str::to_owned)
            && nav_shown
        {
            let screen = self.screen_name();
            let p = theme::palette(ui);
            egui::Panel::left("nav")
                .resizable(false)
                .exact_size(nav::width(ui.available_width()))
                .frame(
                    egui::Frame::new()
                        .fill(p.surface)
                        .inner_margin(egui::Margin::same(8))
                        .stroke(egui::Stroke::new(1.0, p.border)),
                )
                .show(ui, |ui| actions.extend(nav::ui(ui, screen, &name)));
        }
        // The exam's countdown, before the screen is drawn: at zero the exam is handed in
        // and the handed-in page shows in this very frame, with no input taken after it.
        self.exam_tick(ui.ctx());
        egui::CentralPanel::default_margins().show(ui, |ui| {
            // Screens without their own scrolling scroll as a whole, so nothing falls off
            // the window at large font scales (projectors).
            // Each screen has its own scroll position, so a page opens at its top.
            let salt = ("screen", self.screen_name());
            let whole = |ui: &mut egui::Ui, f: &mut dyn FnMut(&mut egui::Ui) -> Option<Action>| {
                // A solid bar takes its own room: a floating one hid the end of long lines
                // (the exam's results at 200 %).
                ui.spacing_mut().scroll = egui::style::ScrollStyle::solid();
                egui::ScrollArea::vertical()
                    .id_salt(salt)
                    .auto_shrink([false, false])
                    .show(ui, |ui| f(ui))
                    .inner
            };
            let clock = &self.clock;
            let a = match &mut self.screen {
                Screen::Profiles(s) => whole(ui, &mut |ui| s.ui(ui)),
                Screen::Library(s) => s.ui(ui),
                Screen::Study(s) => {
                    if let Some(item) = &mut s.item {
                        item.now = clock();
                    }
                    s.ui(ui)
                }
                Screen::Summary(s) => s.ui(ui),
                Screen::Settings(s) => s.ui(ui),
                Screen::Browse(s) => s.ui(ui),
                Screen::Stats(s) => s.ui(ui),
                Screen::Practice(s) => s.ui(ui),
                Screen::Teacher(s) => whole(ui, &mut |ui| s.ui(ui)),
                Screen::Editor(s) => s.ui(ui),
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
        if let Some(d) = &mut self.drop_ask {
            actions.extend(d.ui(ui.ctx()));
        }
        // A learning item may come due while the student waits.
        if let Screen::Study(s) = &self.screen
            && s.item.is_none()
            && let Some(session) = &self.session
        {
            let now = (self.clock)();
            if session.next(now).is_some() {
                self.show_next();
                ui.ctx().request_repaint();
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

    /// The exam set-up screen, offering first the unfinished sitting of this computer.
    fn exam_setup_screen(&self) -> exam::ExamScreen {
        let register = crate::exam::Register::new(self.profiles.root());
        let resume = register.resume_offer(self.now());
        let mut s = exam::ExamScreen::default();
        if let Some(o) = &resume {
            s.exam_path = o.entry.exam_path.display().to_string();
            s.results_dir = o.entry.results_dir.display().to_string();
            s.name = o.entry.student.clone();
        }
        s.resume = resume;
        s
    }

    /// At start-up: an unfinished exam sitting on this computer comes first.
    fn offer_resume(&mut self) {
        if self.open.is_none() || self.exam_run.is_some() {
            return;
        }
        let screen = self.exam_setup_screen();
        if screen.resume.is_some() {
            self.screen = Screen::Exam(Box::new(screen));
        }
    }

    /// Runs the exam's clock: shows the time left, asks for a repaint when the next second
    /// is due, and at zero hands the exam in (the answer on screen included).
    fn exam_tick(&mut self, ctx: &egui::Context) {
        let Some(run) = &mut self.exam_run else {
            return;
        };
        if run.sitting.is_closed() {
            // Handed in: the run stays only until what was kept in memory is written and
            // the hand-in is noted in this computer's register.
            if run.sitting.unsaved_count() == 0 {
                if !run.registered {
                    run.registered = true;
                    let register = crate::exam::Register::new(self.profiles.root());
                    let receipt =
                        run.sitting
                            .register_hand_in(&register, &run.exam_path, &run.student);
                    if let (Screen::Exam(s), Ok(r)) = (&mut self.screen, receipt) {
                        s.receipt = Some(r);
                    }
                    ctx.request_repaint();
                }
                self.exam_run = None;
            }
            return;
        }
        let Screen::Exam(s) = &mut self.screen else {
            return;
        };
        let now = (self.clock)();
        match run.sitting.tick(now) {
            crate::exam::Tick::Running {
                seconds_left,
                repaint_in,
                checkpoint_failed,
            } => {
                s.seconds_left = seconds_left;
                if checkpoint_failed {
                    s.error = Some(tr!("app-the-time-could-not"));
                }
                ctx.request_repaint_after(repaint_in);
            }
            crate::exam::Tick::Over => {
                let result = run.sitting.time_up(s.pending_answer(), now);
                s.seconds_left = 0;
                s.confirming = false;
                s.error = None;
                for (q, a) in &result.answers {
                    if let Some(slot) = s.saved.get_mut(*q) {
                        *slot = Some(a.answer.clone());
                    }
                }
                s.show_done(&run.exam, &run.student, &result, true);
                ctx.request_repaint();
            }
        }
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
                    .push(tr!("msg-could-not-read-the", error = e.to_string()));
                Vec::new()
            }
        };
        self.screen = Screen::Profiles(ProfilesScreen {
            rows,
            current: self.open.as_ref().map(|o| o.info.slug.clone()),
            ..ProfilesScreen::default()
        });
    }

    /// Starts reading the history of `store` on another thread and computing its figures
    /// for `decks` (empty: all).
    fn history_job(
        store: &Store,
        decks: Vec<DeckId>,
        now: DateTime<Utc>,
        offset: FixedOffset,
        settings: &ProfileSettings,
    ) -> jobs::Job<Result<crate::stats::HistoryStats, String>> {
        let reader = store.history_reader();
        let cutoff = settings.schedule.day_cutoff_hour;
        jobs::Job::spawn("quizdeck-history", move || {
            let history = reader.history().map_err(|e| e.to_string())?;
            Ok(crate::stats::from_history(
                &history, &decks, now, offset, cutoff,
            ))
        })
    }

    /// True while work runs in the background (the frame asks to be drawn again soon).
    pub fn background_running(&self) -> bool {
        self.days_job.is_some()
            || self.stats_job.is_some()
            || self.picture_job.is_some()
            || self.overview_job.is_some()
            || self.stats_states_job.is_some()
    }

    /// True while the library's figures are computed in the background (the library
    /// shows a spinner).
    pub fn figures_pending(&self) -> bool {
        self.overview_job.is_some()
    }

    /// Waits for the work running in the background (the history's figures, a card's
    /// picture) and applies it, as the next frames would. For tests and scripts.
    pub fn wait_for_background(&mut self) {
        self.apply_background(true);
    }

    /// Applies the background work that has finished (all of it when `wait`).
    fn apply_background(&mut self, wait: bool) {
        let take = |job: &Option<jobs::Job<_>>| {
            job.as_ref()
                .and_then(|j| if wait { j.wait() } else { j.poll() })
        };
        if let Some(result) = take(&self.days_job) {
            self.days_job = None;
            match result {
                Ok(h) => {
                    let now = self.now();
                    if let Some(open) = &mut self.open {
                        open.study_days = h.study_days;
                        // Only the streak changes: the figures stay.
                        if let Screen::Library(s) = &mut self.screen {
                            s.today.streak_days = Self::streak(open, &s.today, now, self.offset);
                        }
                    }
                }
                Err(e) => self
                    .banner
                    .push(tr!("msg-history-no-streak", error = e.to_string())),
            }
        }
        let overview =
            (self.overview_job.as_ref()).and_then(|j| if wait { j.wait() } else { j.poll() });
        if let Some(overview) = overview {
            self.overview_job = None;
            // Figures for a library left meanwhile are not wanted.
            if matches!(&self.screen, Screen::Library(s) if s.counting) {
                self.show_overview(overview);
            }
        }
        let figures =
            (self.stats_states_job.as_ref()).and_then(|j| if wait { j.wait() } else { j.poll() });
        if let Some(f) = figures {
            self.stats_states_job = None;
            if let Screen::Stats(s) = &mut self.screen {
                // The history's figures may already be in: only the states' are set.
                s.stats.states = f.stats.states;
                s.stats.forecast = f.stats.forecast;
                s.stats.hardest = f.stats.hardest;
                s.hardest_names = f.hardest_names;
                s.states_ready = true;
            }
        }
        if let Some(result) = take(&self.stats_job) {
            self.stats_job = None;
            if let Screen::Stats(s) = &mut self.screen {
                match result {
                    Ok(h) => {
                        s.stats = std::mem::take(&mut s.stats).with_history(h);
                        s.history = stats::HistoryState::Ready;
                    }
                    Err(e) => s.history = stats::HistoryState::Failed(e),
                }
            }
        }
        let picture = self.picture_job.as_ref().and_then(|(key, job)| {
            let r = if wait { job.wait() } else { job.poll() };
            r.map(|r| (key.clone(), r))
        });
        if let Some((key, result)) = picture {
            self.picture_job = None;
            if let Screen::Study(screen) = &mut self.screen
                && let Some(item) = &mut screen.item
                && item.key == key
            {
                item.picture = Some(match result {
                    Ok(p) => study::PictureView::Ready(
                        egui::ColorImage::from_rgba_unmultiplied(
                            [p.width as usize, p.height as usize],
                            &p.rgba,
                        ),
                        None,
                    ),
                    Err(e) => study::PictureView::Failed(e),
                });
            }
        }
    }

    /// What the library's figures are computed from now (O(1) but for reading today's
    /// answers: shared copies of the library and the states). Today's answers that
    /// cannot be read must not silently reset the daily limits: the figures then count
    /// none and say so.
    fn overview_input(
        open: &OpenProfile,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> jobs::OverviewInput {
        let settings = &open.settings.schedule;
        let day = day::day_index(now, offset, settings.day_cutoff_hour);
        let since = day::day_start(day, offset, settings.day_cutoff_hour);
        jobs::OverviewInput {
            library: open.library.clone(),
            states: open.store.states().clone(),
            answers: (open.store.answers_since(since))
                .map_err(|e| tr!("app-today-unreadable", error = e.to_string())),
            settings: settings.clone(),
            now,
            offset,
        }
    }

    /// The streak shown with `today`'s progress.
    fn streak(
        open: &OpenProfile,
        today: &crate::overview::TodayProgress,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> u32 {
        let day = day::day_index(now, offset, open.settings.schedule.day_cutoff_hour);
        let mut days = open.study_days.clone();
        if today.done > 0 {
            days.insert(day);
        }
        crate::stats::streak_days(&days, day)
    }

    /// Rebuilds the library's figures from the store (O(items log items); only when data
    /// changed).
    /// Over a big collection they are computed in the background, with a spinner
    /// meanwhile ([`jobs::OverviewInput::run`]).
    fn show_library(&mut self) {
        let now = self.now();
        let Some(open) = &mut self.open else {
            self.show_profiles();
            return;
        };
        open.plan = None;
        match Self::overview_input(open, now, self.offset).run(self.background_from) {
            Ok(overview) => {
                self.overview_job = None;
                self.show_overview(overview);
            }
            Err(job) => {
                self.overview_job = Some(job);
                let import_errors = match &mut self.screen {
                    Screen::Library(s) => s.import_errors.take(),
                    _ => None,
                };
                self.screen = Screen::Library(LibraryScreen {
                    rows: Vec::new(),
                    view: open.settings.library_view,
                    study_now: library::StudyNowButton {
                        label: tr!("library-counting"),
                        then: None,
                        enabled: false,
                    },
                    today: Default::default(),
                    import_errors,
                    confirm_remove: None,
                    counting: true,
                });
            }
        }
    }

    /// Shows the library with its figures.
    fn show_overview(&mut self, overview: jobs::Overview) {
        let now = self.now();
        let Some(open) = &mut self.open else {
            self.show_profiles();
            return;
        };
        let jobs::Overview {
            done,
            mut rows,
            plan,
            unread,
        } = overview;
        let settings = &open.settings.schedule;
        let view = open.settings.library_view;
        crate::overview::sort(&mut rows, view.sort);
        // The engine's words for where a deck comes from and when it was studied, in the
        // interface's language.
        let today = day::day_index(now, self.offset, settings.day_cutoff_hour);
        for r in &mut rows {
            r.last_studied = match r.stats.last_studied {
                None => tr!("library-never"),
                Some(t) => tr!(
                    "library-days-ago",
                    n = (today - day::day_index(t, self.offset, settings.day_cutoff_hour)).max(0)
                ),
            };
            if let Some(d) = open.library.get(&r.id) {
                (r.origin, r.group) = crate::i18n::origin_names(&d.origin);
                r.copies = (!d.other_copies.is_empty()).then(|| {
                    let others: Vec<String> = (d.other_copies.iter())
                        .map(|c| {
                            tr!(
                                "library-copy-other",
                                place = crate::i18n::origin_names(&c.origin).0,
                                version = c.version
                            )
                        })
                        .collect();
                    tr!(
                        "library-copies",
                        version = d.deck.version,
                        place = r.origin.clone(),
                        others = others.join(", ")
                    )
                });
            }
        }
        let mut progress = crate::overview::TodayProgress {
            done: (done.new + done.reviews) as usize,
            left: plan.total(),
            streak_days: 0,
        };
        progress.streak_days = Self::streak(open, &progress, now, self.offset);
        // Import errors stay on screen until dismissed; a pending removal does not.
        let import_errors = match &mut self.screen {
            Screen::Library(s) => s.import_errors.take(),
            _ => None,
        };
        self.screen = Screen::Library(LibraryScreen {
            rows,
            view,
            study_now: library::StudyNowButton {
                label: match (plan.due(), plan.counts.new) {
                    (0, 0) => tr!("library-all-done-today"),
                    (0, n) => tr!("library-study-now-new", n = n),
                    (d, _) => tr!("library-study-now-due", n = d),
                },
                then: (plan.due() > 0 && plan.counts.new > 0)
                    .then(|| tr!("library-then-new", n = plan.counts.new)),
                enabled: plan.total() > 0,
            },
            today: progress,
            import_errors,
            confirm_remove: None,
            counting: false,
        });
        open.plan = Some(plan);
        if let Some(message) = unread
            && !self.banner.contains(&message)
        {
            self.banner.push(message);
        }
    }

    /// The decks the profile sees: bundled, class folders and its own.
    fn load_library(&self, info: &ProfileInfo) -> Library {
        let class: Vec<(PathBuf, String)> = self
            .class_dirs
            .iter()
            .map(|d| (d.path.clone(), d.describe()))
            .collect();
        Library::load_from(Some(&info.decks_dir()), &class)
    }

    /// Applies what the deck editor asked for (the editing itself stays in the screen).
    fn apply_editor(&mut self, a: editor::EditorAction) {
        use editor::EditorAction as E;
        let (Some(open), Screen::Editor(s)) = (&self.open, &mut self.screen) else {
            return;
        };
        let next = match a {
            E::Open(id) => {
                match editor::open_deck(&open.library, &id) {
                    Ok(e) => s.editing = Some(Box::new(e)),
                    Err(m) => s.message = Some(m),
                }
                None
            }
            E::New => {
                s.editing = Some(Box::new(editor::new_deck(&open.library)));
                s.message = None;
                None
            }
            E::Leave => {
                s.editing = None;
                s.message = None;
                None
            }
            E::Save => {
                self.editor_save();
                None
            }
            E::SaveAndGo => {
                let saved = self.editor_save();
                let Screen::Editor(s) = &mut self.screen else {
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
                let now = (self.clock)();
                if let Some(e) = &mut s.editing {
                    s.message = editor::preview(e, strictness, now, &mut self.rng);
                }
                None
            }
            E::AttachPicture(path) => {
                if let Some(e) = &mut s.editing {
                    s.message = Some(editor::attach_picture(e, &path));
                }
                None
            }
            E::LoadPicture(rel) => {
                if let Some(e) = &mut s.editing {
                    editor::load_picture(e, &rel);
                }
                None
            }
        };
        if let Some(a) = next {
            self.apply(a);
        }
    }

    /// Saves the deck open in the editor; false (with the reason on the screen) when it
    /// could not be saved.
    fn editor_save(&mut self) -> bool {
        let class = self.class_dirs.first().map(|d| d.path.clone());
        let (Some(open), Screen::Editor(s)) = (&self.open, &mut self.screen) else {
            return false;
        };
        let Some(e) = &mut s.editing else {
            return false;
        };
        let result = editor::save(e, &open.info.decks_dir(), class.as_deref(), &open.library);
        let ok = result.is_ok();
        s.message = Some(result.unwrap_or_else(|m| m));
        if ok {
            self.reload_library();
            if let (Some(open), Screen::Editor(s)) = (&self.open, &mut self.screen) {
                s.choices = editor::choices(&open.library);
            }
        }
        ok
    }

    /// Reloads the open profile's library (after an import or removal).
    fn reload_library(&mut self) {
        if let Some(open) = &self.open {
            let library = self.load_library(&open.info);
            if let Some(open) = &mut self.open {
                open.library = std::sync::Arc::new(library);
            }
        }
    }

    /// Checks and imports a deck file for the open profile, or for everyone on this PC
    /// (into the first class deck folder).
    fn import_deck(&mut self, path: &Path, everyone: bool) {
        self.picker = None;
        let Some(open) = &self.open else { return };
        let (dest, whom) = match (everyone, self.class_dirs.first()) {
            (false, _) => (open.info.decks_dir(), String::new()),
            (true, Some(class)) => (class.path.clone(), tr!("msg-for-everyone")),
            (true, None) => {
                self.banner.push(tr!("msg-no-class-folder"));
                return;
            }
        };
        if crate::import_export::anki::is_anki_package(path) {
            self.import_anki(path, &dest, everyone, &whom);
            return;
        }
        let imported = if crate::package::is_package(path) {
            crate::package::import_package(path, &dest)
        } else {
            lib::import_deck(path, &dest).map_err(Into::into)
        };
        use crate::package::PackageError;
        match imported {
            Ok(deck) => {
                self.reload_library();
                self.banner.push(tr!(
                    "msg-imported",
                    title = &deck.title,
                    cards = deck.cards.len(),
                    whom = whom
                ));
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
            Err(
                PackageError::Library(LibraryError::Invalid(checked))
                | PackageError::Invalid(checked),
            ) => {
                self.show_library();
                if let Screen::Library(s) = &mut self.screen {
                    s.import_errors = Some(checked.render());
                }
            }
            Err(e @ PackageError::Refused { .. }) => {
                self.show_library();
                if let Screen::Library(s) = &mut self.screen {
                    s.import_errors = Some(e.to_string());
                }
            }
            Err(e) if everyone => self.banner.push(tr!(
                "msg-class-folder-not-writable",
                error = e.to_string(),
                folder = dest.display().to_string()
            )),
            Err(e) => self.banner.push(e.to_string()),
        }
    }

    /// Imports an Anki package into `dest`; for the open profile alone, its review log
    /// becomes the profile's progress on the imported cards.
    fn import_anki(&mut self, path: &Path, dest: &Path, everyone: bool, whom: &str) {
        use crate::import_export::anki;
        let now = self.now();
        let offset = self.offset;
        let result = anki::read_package(path, dest, &anki::AnkiOptions::default())
            .and_then(|imp| anki::import_into(&imp, dest).map(|d| (imp, d)));
        let (imp, deck) = match result {
            Ok(v) => v,
            Err(e) => {
                self.show_library();
                if let Screen::Library(s) = &mut self.screen {
                    s.import_errors = Some(match e {
                        crate::import_export::ImportExportError::Invalid { diagnostics } => {
                            diagnostics
                                .iter()
                                .map(|d| d.one_line())
                                .collect::<Vec<_>>()
                                .join("\n")
                        }
                        e => e.to_string(),
                    });
                }
                return;
            }
        };
        let mut message = tr!(
            "app-anki-imported",
            title = deck.title.as_str(),
            cards = deck.cards.len(),
            pictures = imp.report.pictures,
            whom = whom
        );
        if !everyone
            && !imp.reviews.is_empty()
            && let Some(open) = &mut self.open
        {
            match crate::schedule::Scheduler::new(open.settings.schedule.clone()) {
                Ok(scheduler) => {
                    let (states, history, future) =
                        anki::progress_from_reviews(&imp.reviews, &scheduler, offset, now);
                    if future > 0 {
                        message.push(' ');
                        message.push_str(&tr!("app-anki-future", n = future));
                    }
                    let bundle = crate::store::ProgressBundle {
                        format: crate::store::bundle::FORMAT.to_owned(),
                        version: crate::store::bundle::VERSION,
                        exported_at: now,
                        profile_name: None,
                        states,
                        history,
                        settings: None,
                    };
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
                Err(e) => {
                    message.push(' ');
                    message.push_str(&tr!("app-anki-not-kept", error = e.to_string()));
                }
            }
        }
        for line in imp
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
        self.reload_library();
        self.banner.push(message);
        self.show_library();
    }

    fn close_profile(&mut self) {
        self.retry_unsaved();
        self.session = None;
        if let Some(open) = self.open.take()
            && let Err(e) = open.store.close(self.now())
        {
            self.banner
                .push(tr!("msg-progress-could-not-be", error = e.to_string()));
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
                self.banner
                    .push(tr!("msg-there-is-no-profile", slug = slug.to_string()));
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
                self.banner.push(tr!(
                    "msg-progress-not-opened",
                    name = &info.display_name,
                    error = e.to_string()
                ));
                self.show_profiles();
                if let Screen::Profiles(screen) = &mut self.screen {
                    screen.failed = Some((slug.to_owned(), e.to_string()));
                }
                return;
            }
        };
        if !report.is_empty() {
            self.banner.push(crate::i18n::recovery_sentence(&report));
        }
        if let Some(why) = store.read_only_reason() {
            self.banner
                .push(tr!("msg-read-only", why = why.to_string()));
        }
        let settings = match store.load_settings::<ProfileSettings>(now) {
            Ok((s, rep)) => {
                if !rep.is_empty() {
                    self.banner.push(crate::i18n::recovery_sentence(&rep));
                }
                s.clamped()
            }
            Err(e) => {
                self.banner
                    .push(tr!("msg-settings-could-not-be", error = e.to_string()));
                ProfileSettings::default()
            }
        };
        let library = self.load_library(&info);
        // The streak needs every study day: the history is read in the background (the
        // library shows the streak once it is read), as a stream of days.
        let (reader, offset) = (store.history_reader(), self.offset);
        let cutoff = settings.schedule.day_cutoff_hour;
        self.days_job = Some(jobs::Job::spawn("quizdeck-history", move || {
            let study_days = (reader.study_days(offset, cutoff)).map_err(|e| e.to_string())?;
            Ok(crate::stats::HistoryStats {
                study_days,
                ..Default::default()
            })
        }));
        self.stats_job = None;
        self.picture_job = None;
        self.banner.extend(library.notes.iter().cloned());
        for broken in &library.broken {
            let unreadable = broken
                .diagnostics
                .iter()
                .find(|d| d.code == crate::library::UNREADABLE_FOLDER);
            self.banner.push(match unreadable {
                Some(d) => tr!(
                    "app-imported-not-shown",
                    why = &d.message,
                    file = broken.file.to_string()
                ),
                None => tr!("app-deck-has-errors", file = broken.file.to_string()),
            });
        }
        self.open = Some(OpenProfile {
            info,
            store,
            settings,
            library: std::sync::Arc::new(library),
            plan: None,
            study_days: Default::default(),
        });
        self.style_dirty = true;
        self.sync_language();
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
            Err(e) => self
                .banner
                .push(tr!("msg-could-not-start-studying", error = e.to_string())),
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
        screen.empty = study::EmptyState::default();
        screen.item = None;
        let Some(q) = session.next(now) else {
            screen.empty = empty_state(session, open, now, self.offset);
            return;
        };
        let Some(ld) = open.library.get(&q.key.deck) else {
            return;
        };
        let Some(card) = ld.deck.card(&q.key.card).cloned() else {
            return;
        };
        let preview = session.preview(&q.key, &open.store, now, self.offset);
        let labels = preview
            .choices
            .clone()
            .map(|c| crate::i18n::interval(&c.interval));
        // The picture is read and decoded in the background (a placeholder meanwhile).
        self.picture_job = None;
        let picture = card.image.as_deref().map(|rel| {
            let (dir, rel) = (lib::deck_dir(ld).map(Path::to_path_buf), rel.to_owned());
            // Worded here: the job's thread does not know the profile's language.
            let missing = tr!("msg-picture-bundled", picture = rel.as_str());
            self.picture_job = Some((
                q.key.clone(),
                jobs::Job::spawn("quizdeck-picture", move || {
                    card_picture(dir.as_deref(), &rel, missing)
                }),
            ));
            study::PictureView::Loading
        });
        screen.item = Some(ShownItem::ask(
            &ld.deck,
            card,
            q.key,
            labels,
            open.settings.strictness,
            now,
            picture,
            &mut self.rng,
        ));
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

    /// Applies one action (public so tests can drive the app without pixels).
    pub fn apply(&mut self, action: Action) {
        // Leaving the deck editor with unsaved edits asks first.
        if let Screen::Editor(s) = &mut self.screen
            && s.guards(&action)
        {
            s.held = Some(Box::new(action));
            return;
        }
        let now = self.now();
        match action {
            Action::OpenEditor => {
                let Some(open) = &self.open else { return };
                let class = self.class_dirs.first().map(|d| d.describe());
                self.screen = Screen::Editor(Box::new(editor::EditorScreen::new(
                    editor::choices(&open.library),
                    class,
                )));
            }
            Action::Editor(a) => self.apply_editor(a),
            Action::Study(decks) => {
                let Some(open) = &self.open else { return };
                let items = open.library.items(&decks);
                let label = match decks.as_slice() {
                    [] => tr!("app-all-decks"),
                    ids => ids
                        .iter()
                        .map(|id| deck_title(open, id))
                        .collect::<Vec<_>>()
                        .join(", "),
                };
                let started = Session::start(
                    items,
                    &open.store,
                    &open.settings.schedule,
                    now,
                    self.offset,
                );
                self.begin_session(started);
                if let Screen::Study(s) = &mut self.screen {
                    s.decks_label = label;
                }
            }
            Action::StudyNow => {
                let Some(open) = &mut self.open else { return };
                // The plan of the figures shown (computed again if they are not).
                let plan = match open.plan.take() {
                    Some(plan) => plan,
                    None => Self::overview_input(open, now, self.offset).compute().plan,
                };
                let started = Session::start(
                    plan.items,
                    &open.store,
                    &crate::overview::StudyNow::session_settings(&open.settings.schedule),
                    now,
                    self.offset,
                );
                self.begin_session(started);
            }
            Action::SetLibraryView(view) => {
                let Some(open) = &mut self.open else { return };
                open.settings.library_view = view;
                if let Err(e) = open.store.save_settings(&open.settings) {
                    self.banner
                        .push(tr!("msg-the-library-s-order", error = e.to_string()));
                }
                if let Screen::Library(s) = &mut self.screen {
                    s.view = view;
                    crate::overview::sort(&mut s.rows, view.sort);
                }
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
                            tr!("app-read-only-not-saved")
                        } else {
                            tr!("app-nothing-was-lost-choose")
                        };
                        if let Screen::Study(s) = &mut self.screen {
                            s.error = Some(format!("{e}. {next}."));
                        }
                    }
                }
            }
            Action::StudyMoreNew(n) => {
                let (Some(open), Some(session)) = (&mut self.open, &mut self.session) else {
                    return;
                };
                let cutoff = open.settings.schedule.day_cutoff_hour;
                let today = day::day_index(now, self.offset, cutoff);
                let mut settings = open.settings.clone();
                let blocked = session.blocked();
                // Spread the extra items over the decks that hold new items back, in order;
                // when only the overall cap holds them, the first deck of the session gets them.
                let mut left = n;
                for d in blocked.decks.iter().filter(|d| d.held_new > 0) {
                    let take = left.min(d.held_new);
                    settings
                        .schedule
                        .add_extra_new(d.deck.as_str(), take, today);
                    left -= take;
                    if left == 0 {
                        break;
                    }
                }
                if left > 0
                    && let Some(d) = session.deck_counts().first()
                {
                    settings
                        .schedule
                        .add_extra_new(d.deck.as_str(), left, today);
                }
                if let Err(e) = open.store.save_settings(&settings) {
                    self.banner
                        .push(tr!("msg-extra-new-session-only", error = e.to_string()));
                }
                if let Err(e) =
                    session.apply_settings(&open.store, &settings.schedule, now, self.offset)
                {
                    self.banner
                        .push(tr!("msg-could-not-study-more", error = e.to_string()));
                }
                open.settings = settings;
                self.show_next();
            }
            Action::Undo => {
                let (Some(open), Some(session)) = (&mut self.open, &mut self.session) else {
                    return;
                };
                match session.undo(&mut open.store, now) {
                    Ok(_) => self.show_next(),
                    Err(e) => {
                        if let Screen::Study(s) = &mut self.screen {
                            s.error = Some(tr!("msg-could-not-undo-e", error = e.to_string()));
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
                let counts = session.counts();
                let left = counts.new + counts.learning + counts.review;
                let done = session.answered_count() as f32;
                let progress = if done + left as f32 > 0.0 {
                    done / (done + left as f32)
                } else {
                    1.0
                };
                let mistakes = summary
                    .mistakes
                    .iter()
                    .filter_map(|k| {
                        let deck = &open.library.get(&k.deck)?.deck;
                        let card = deck.card(&k.card)?;
                        let (question, answer) = study::item_texts(deck, card, k.part);
                        Some(summary::Mistake { question, answer })
                    })
                    .collect();
                let comes_back = summary.next_due.map(|due| {
                    let mins = ((due - now).num_seconds().max(0) + 59) / 60;
                    tr!(
                        "app-in-minutes",
                        mins = mins,
                        time = due.with_timezone(&self.offset).format("%H:%M").to_string()
                    )
                });
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
                let leeches_suspended =
                    open.settings.schedule.leech_action == crate::schedule::LeechAction::Suspend;
                self.screen = Screen::Summary(SummaryScreen {
                    summary,
                    leech_names,
                    leeches_suspended,
                    mistakes,
                    comes_back,
                    progress,
                });
            }
            Action::BackToLibrary => self.show_library(),
            Action::OpenSettings => {
                let mut screen = SettingsScreen::new(&self.settings());
                screen.decks = self.deck_choices();
                self.screen = Screen::Settings(screen);
            }
            Action::SaveSettings(s) => {
                let Some(open) = &mut self.open else { return };
                match open.store.save_settings(&*s) {
                    Ok(()) => {
                        open.settings = *s;
                        self.style_dirty = true;
                        self.sync_language();
                        self.show_library();
                    }
                    Err(e) => {
                        if let Screen::Settings(scr) = &mut self.screen {
                            scr.error = Some(tr!("msg-could-not-save-the", error = e.to_string()));
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
                        s.error = Some(tr!("msg-could-not-create-the", error = e.to_string()));
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
                    s.error = Some(tr!("msg-could-not-rename-e", error = e.to_string()));
                }
            }
            Action::DeleteProfile(slug) => {
                if self.open.as_ref().is_some_and(|o| o.info.slug == slug) {
                    self.close_profile();
                }
                let result = self.profiles.delete(&slug, now);
                self.show_profiles();
                if let (Err(e), Screen::Profiles(s)) = (result, &mut self.screen) {
                    s.error = Some(tr!("msg-could-not-delete-e", error = e.to_string()));
                }
            }
            Action::OpenPicker(purpose) => {
                // Start where the field points (the exam file's folder for its results).
                let current = match (&self.screen, purpose) {
                    (Screen::Exam(s), PickFor::ExamFile) => s.exam_path.clone(),
                    (Screen::Exam(s), PickFor::ResultsFolder)
                        if s.results_dir.trim().is_empty() =>
                    {
                        s.exam_path.clone()
                    }
                    (Screen::Exam(s), PickFor::ResultsFolder) => s.results_dir.clone(),
                    (Screen::Teacher(s), PickFor::ExamOutput) => s.output.clone(),
                    (Screen::Teacher(s), PickFor::KeyFile) => s.key_file.clone(),
                    (Screen::Teacher(s), PickFor::ClassResults)
                        if s.results_dir.trim().is_empty() =>
                    {
                        s.key_file.clone()
                    }
                    (Screen::Teacher(s), PickFor::ClassResults) => s.results_dir.clone(),
                    _ => String::new(),
                };
                let mut picker = FilePicker::new(purpose);
                picker.everyone_folder = self.class_dirs.first().map(ClassDir::describe);
                picker.places = file_picker::places();
                if purpose == PickFor::ExamOutput {
                    picker.file_name = Path::new(current.trim())
                        .file_name()
                        .map(|n| n.to_string_lossy().into_owned())
                        .unwrap_or_default();
                }
                self.picker = Some(picker);
                self.apply(Action::PickerOpen(file_picker::start_folder(&current)));
            }
            Action::PickerFileName(name) => {
                if let Some(p) = &mut self.picker {
                    p.file_name = name;
                }
            }
            Action::Picked(purpose, path) => {
                self.picker = None;
                let text = path.display().to_string();
                match (&mut self.screen, purpose) {
                    (Screen::Exam(s), PickFor::ExamFile) => s.exam_path = text,
                    (Screen::Exam(s), PickFor::ResultsFolder) => s.results_dir = text,
                    (Screen::Teacher(s), PickFor::ExamOutput) => s.output = text,
                    (Screen::Teacher(s), PickFor::KeyFile) => s.key_file = text,
                    (Screen::Teacher(s), PickFor::ClassResults) => s.results_dir = text,
                    _ => {}
                }
            }
            Action::PickerOpen(dir) => {
                let everyone = self.class_dirs.first().map(ClassDir::describe);
                let picker = self.picker.get_or_insert_with(|| {
                    let mut p = FilePicker::new(PickFor::Deck);
                    p.everyone_folder = everyone;
                    p
                });
                match Self::read_folder(&dir, picker.purpose) {
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
            Action::ImportDeck(path) => self.import_deck(&path, false),
            Action::ImportDropped { everyone } => {
                for path in self.drop_ask.take().map(|d| d.paths).unwrap_or_default() {
                    self.import_deck(&path, everyone);
                }
            }
            Action::CloseDropAsk => self.drop_ask = None,
            Action::ImportDeckForEveryone(path) => self.import_deck(&path, true),
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
                let Some(open) = &self.open else { return };
                let removed = open.library.get(&id).map(|d| {
                    let everyone = matches!(d.origin, lib::DeckOrigin::Class { .. });
                    lib::remove_deck(d).map(|()| everyone)
                });
                match removed {
                    Some(Ok(everyone)) => {
                        self.reload_library();
                        self.banner.push(if everyone {
                            tr!("app-the-deck-was-removed")
                        } else {
                            tr!("app-the-deck-was-removed-2")
                        });
                    }
                    Some(Err(e)) => self.banner.push(e.to_string()),
                    None => {}
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
                // The figures from the states now (in the background for a big
                // collection); those from the history (which can be long) in the
                // background, shown when ready.
                let input = jobs::StatesInput {
                    library: open.library.clone(),
                    decks: decks.clone(),
                    states: open.store.states().clone(),
                    now,
                    offset: self.offset,
                    cutoff_hour: open.settings.schedule.day_cutoff_hour,
                };
                let (figures, states_ready) = match input.run(self.background_from) {
                    Ok(f) => {
                        self.stats_states_job = None;
                        (f, true)
                    }
                    Err(job) => {
                        self.stats_states_job = Some(job);
                        let empty = jobs::StatesFigures {
                            stats: Default::default(),
                            hardest_names: Vec::new(),
                        };
                        (empty, false)
                    }
                };
                self.stats_job = Some(Self::history_job(
                    &open.store,
                    decks,
                    now,
                    self.offset,
                    &open.settings,
                ));
                let year = matches!(&self.screen, Screen::Stats(s) if s.year);
                self.screen = Screen::Stats(Box::new(stats::StatsScreen {
                    stats: figures.stats,
                    history: stats::HistoryState::Reading,
                    deck,
                    decks: self.deck_choices(),
                    hardest_names: figures.hardest_names,
                    year,
                    states_ready,
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
                                .push(tr!("msg-an-answer-could-not", error = e.to_string()));
                            break;
                        }
                    }
                }
                self.banner.push(tr!("msg-answers-added", n = recorded));
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
                    self.banner.push(tr!("app-this-deck-has-too"));
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
                            .push(tr!("msg-the-best-time-could", error = e.to_string()));
                    }
                    if let Screen::Match(s) = &mut self.screen {
                        s.best_ms = Some(ms);
                    }
                }
            }
            Action::OpenExamScreen => {
                let screen = self.exam_setup_screen();
                self.screen = Screen::Exam(Box::new(screen));
            }
            Action::OpenTeacher => {
                if self.open.is_none() {
                    return;
                }
                self.screen =
                    Screen::Teacher(Box::new(teacher::TeacherScreen::new(self.deck_choices())));
            }
            Action::CreateExam(new) => {
                let (Some(open), Screen::Teacher(screen)) = (&self.open, &mut self.screen) else {
                    return;
                };
                // Never replace the key of an earlier exam: its results could no longer be
                // graded.
                let key = crate::exam::Exam::key_path(&new.output);
                if key.exists() {
                    screen.message =
                        Some(tr!("app-exam-key-exists", key = key.display().to_string()));
                    return;
                }
                let chosen: Vec<crate::deck::Deck> = new
                    .decks
                    .iter()
                    .filter_map(|id| open.library.get(id).map(|d| d.deck.clone()))
                    .collect();
                let made = crate::exam::seal::fresh_master()
                    .map_err(crate::exam::ExamError::Settings)
                    .and_then(|master| {
                        let seed = u64::from_le_bytes(master[..8].try_into().unwrap_or_default());
                        // Students see the id (it names result files): its number comes
                        // from the secret's bytes that seed nothing.
                        let n = u64::from(master[9]) << 16
                            | u64::from(master[10]) << 8
                            | u64::from(master[11]);
                        let id = crate::exam::exam_id(&new.title, n);
                        crate::exam::Exam::create(
                            id,
                            new.title.clone(),
                            &chosen,
                            crate::exam::ExamSettings {
                                question_count: new.questions,
                                kinds: new.kinds.clone(),
                                seed,
                                minutes: new.minutes,
                                feedback: new.feedback,
                                time_policy: new.time_policy,
                                pool: new.pool,
                            },
                            master,
                        )
                    })
                    .and_then(|e| e.save(&new.output).map(|()| e));
                screen.message = Some(match made {
                    Ok(e) => {
                        let key = crate::exam::Exam::key_path(&new.output);
                        screen.key_file = key.display().to_string();
                        let mut m = tr!(
                            "msg-exam-saved",
                            exam = new.output.display().to_string(),
                            questions = e.settings.question_count,
                            minutes = new.minutes,
                            key = key.display().to_string()
                        );
                        if let Some(code) = &e.teacher_code {
                            m.push(' ');
                            m.push_str(&tr!("msg-exam-code", code = code.as_str()));
                        }
                        m
                    }
                    Err(e) => tr!("msg-the-exam-was-not", error = e.to_string()),
                });
            }
            Action::ExamResults { exam, dir } => {
                let Screen::Teacher(screen) = &mut self.screen else {
                    return;
                };
                let merged = crate::exam::Exam::load(&exam)
                    .and_then(|e| crate::exam::merge_results(&dir, &e));
                match merged {
                    Ok(class) => {
                        let csv = dir.join(format!("class-{}.csv", class.exam_id));
                        let written = crate::import_export::write_atomic(
                            &csv,
                            &class.to_csv(crate::csv_out::CsvOptions::default()),
                        );
                        screen.csv_note = Some(match written {
                            Ok(()) => {
                                tr!("msg-class-table-written", file = csv.display().to_string())
                            }
                            Err(e) => tr!("msg-the-class-table-could", error = e.to_string()),
                        });
                        screen.results = Some(class);
                    }
                    Err(e) => {
                        screen.results = None;
                        screen.csv_note =
                            Some(tr!("msg-the-results-could-not", error = e.to_string()));
                    }
                }
            }
            Action::ExamUnlock(code) => {
                let Screen::Exam(screen) = &mut self.screen else {
                    return;
                };
                screen.unlock(&code);
            }
            Action::OpenExam {
                exam,
                results_dir,
                student,
            } => {
                let Screen::Exam(screen) = &mut self.screen else {
                    return;
                };
                if self
                    .exam_run
                    .as_ref()
                    .is_some_and(|r| !r.sitting.is_closed())
                {
                    screen.error = Some(tr!("app-an-exam-is-already"));
                    return;
                }
                // A mistyped folder would put the answers where the teacher never looks.
                if !results_dir.is_dir() {
                    screen.error = Some(tr!(
                        "app-results-folder-missing",
                        folder = results_dir.display().to_string(),
                        button = tr!("exam-choose-the-results-folder")
                    ));
                    return;
                }
                let register = crate::exam::Register::new(self.profiles.root());
                let opened = crate::exam::Exam::load(&exam).and_then(|e| {
                    let test = e.paper(&student).test;
                    let sitting = crate::exam::Sitting::open_registered(
                        &register,
                        &exam,
                        &results_dir,
                        &e,
                        &student,
                        now,
                    )?;
                    Ok((e, test, sitting))
                });
                match opened {
                    Ok((e, test, sitting)) => {
                        let answers = sitting.answers();
                        screen.drafts = test
                            .questions
                            .iter()
                            .enumerate()
                            .map(|(i, q)| match answers.get(&i) {
                                Some(a) => question::Draft::from_answer(q, &a.answer),
                                None => question::Draft::for_question(q),
                            })
                            .collect();
                        screen.saved = (0..test.questions.len())
                            .map(|i| answers.get(&i).map(|a| a.answer.clone()))
                            .collect();
                        screen.title = e.title.clone();
                        screen.name = student.clone();
                        screen.test = Some(test);
                        screen.index = 0;
                        screen.confirming = false;
                        screen.error = None;
                        screen.seconds_left = sitting.remaining(now).num_seconds();
                        screen.phase = exam::Phase::Taking;
                        self.exam_run = Some(ExamRun {
                            exam: e,
                            exam_path: exam,
                            student,
                            sitting,
                            registered: false,
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
                match run.sitting.answer(q, answer.clone(), now) {
                    Ok(kept) => {
                        if kept.is_none() {
                            screen.error = None;
                        }
                        // On disk, or kept in memory (the warning at the top says so).
                        if let Some(slot) = screen.saved.get_mut(q) {
                            *slot = Some(answer);
                        }
                    }
                    Err(e) => {
                        screen.error = Some(tr!("msg-the-answer-was-not", error = e.to_string()))
                    }
                }
            }
            Action::HandIn => {
                let (Some(run), Screen::Exam(screen)) = (&mut self.exam_run, &mut self.screen)
                else {
                    return;
                };
                match run.sitting.hand_in(now) {
                    Ok(result) => {
                        screen.error = None;
                        screen.show_done(&run.exam, &run.student, &result, false);
                    }
                    Err(e) => {
                        screen.error = Some(tr!("msg-the-exam-could-not", error = e.to_string()))
                    }
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
                    Ok(_) => screen.error = Some(tr!("app-these-decks-give-no")),
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
                    self.banner
                        .push(tr!("msg-could-not-change-the", error = e.to_string()));
                }
                self.after_item_change(&key);
            }
            Action::ResetItem(key) => {
                let Some(open) = &mut self.open else { return };
                if let Err(e) = open.store.reset(&key, now) {
                    self.banner
                        .push(tr!("msg-could-not-reset-the", error = e.to_string()));
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
            ) => format!(
                "{} {correction}",
                if *truth {
                    tr!("msg-true")
                } else {
                    tr!("msg-false")
                }
            ),
            (CardKind::Order { items, .. }, _) => items.join(" › "),
            (CardKind::Match { pairs, .. }, _) => pairs
                .iter()
                .map(|(l, r)| format!("{l} = {r}"))
                .collect::<Vec<_>>()
                .join("; "),
            (CardKind::Locate { answer, .. }, _) => answer.name.clone(),
        };
        let history = match open.store.item_history(key) {
            Ok(h) => h,
            Err(e) => {
                self.banner
                    .push(tr!("msg-the-history-could-not", error = e.to_string()));
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

/// The title of deck `id` (its id when the deck is gone).
fn deck_title(open: &OpenProfile, id: &DeckId) -> String {
    open.library
        .get(id)
        .map_or_else(|| id.to_string(), |d| d.deck.title.clone())
}

/// Why a session shows nothing now, in words, with what the student can do.
fn empty_state(
    session: &Session,
    open: &OpenProfile,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> study::EmptyState {
    let blocked = session.blocked();
    let title = |id: &DeckId| deck_title(open, id);
    let mut reasons = Vec::new();
    for d in &blocked.decks {
        if d.held_new > 0 {
            reasons.push(tr!(
                "app-deck-new-limit",
                deck = title(&d.deck),
                limit = d.limits.new_per_day,
                waiting = d.held_new
            ));
        }
        if d.held_reviews > 0 {
            reasons.push(tr!(
                "app-deck-review-limit",
                deck = title(&d.deck),
                limit = d.limits.reviews_per_day,
                due = d.held_reviews
            ));
        }
    }
    if let Some(cap) = blocked.new_cap {
        reasons.push(tr!("app-new-cap", cap = cap));
    }
    if let Some(cap) = blocked.review_cap {
        reasons.push(tr!("app-review-cap", cap = cap));
    }
    let comes_back = blocked.next_learning.map(|due| {
        let mins = ((due - now).num_seconds().max(0) + 59) / 60;
        let n = blocked.learning;
        tr!(
            "app-comes-back",
            n = n,
            mins = mins,
            time = due.with_timezone(&offset).format("%H:%M").to_string()
        )
    });
    let more_new = (blocked.held_new() > 0 || blocked.new_cap.is_some()).then_some(10);
    study::EmptyState {
        reasons,
        more_new,
        comes_back,
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

/// Reads and decodes the picture `rel` of a deck whose folder is `dir` (None: a bundled
/// deck), or the built-in map of that name when the folder has no such file; `missing`
/// says why a bundled deck's picture that is not a built-in map cannot be shown.
fn card_picture(
    dir: Option<&Path>,
    rel: &str,
    missing: String,
) -> Result<crate::picture::Picture, String> {
    match dir {
        Some(dir) => crate::picture::load(dir, rel)
            .or_else(|e| match dir.join(rel).exists() {
                true => Err(e),
                false => crate::deck::bundled::picture(rel).map_err(|_| e),
            })
            .map_err(|e| e.to_string()),
        None => crate::deck::bundled::picture(rel).map_err(|_| missing),
    }
}
