//! The desktop app (egui/eframe). One file per screen, owning its state, its `Msg` enum
//! and its `update`: a screen's `ui` keeps to itself what changes only the screen and
//! returns an [`Action`] for the rest, which [`QuizApp::apply`] routes after drawing:
//! navigation here, a screen's message to that screen's `update` (the one place it
//! touches the profile, the store, the session or the exam sitting). Rules live in the
//! engine. Screens do no file I/O while drawing and never loop over every card: figures
//! are computed when data changes.

pub mod browse;
pub mod drop_ask;
pub mod editor;
pub mod exam;
pub mod file_picker;
pub mod fonts;
mod frame;
pub mod import;
pub mod jobs;
pub mod library;
pub mod locate;
pub mod match_game;
mod memory;
pub use memory::{MMAP_THRESHOLD, fixed_mmap_threshold, release_free_memory};
pub mod nav;
pub mod picture;
pub mod practice;
pub mod profiles;
pub mod question;
pub mod settings;
pub mod spinner;
pub mod stats;
pub mod study;
pub mod summary;
pub mod teacher;
pub mod theme;
mod unsaved;
pub use unsaved::SAVE_RETRY_SECS;
pub mod window;

use crate::ids::{DeckId, ItemKey};
use crate::library::Library;
use crate::session::Session;
use crate::settings::ProfileSettings;
use crate::store::{ClassDir, ProfileInfo, Profiles, Store};
use crate::tr;
use chrono::{DateTime, FixedOffset, Utc};
use file_picker::FilePicker;
pub use file_picker::PickFor;
use library::LibraryScreen;
use profiles::ProfilesScreen;
use settings::SettingsScreen;
use std::path::{Path, PathBuf};
use study::StudyScreen;
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

/// What a screen asks the app to do; applied after drawing. The app routes it: it
/// navigates itself, and hands each screen's own message ([`study::Msg`],
/// [`library::Msg`], …) to that screen's `update`, which needs the profile, its store or
/// the session. Messages that only change a screen (a confirmation, a toggle) never come
/// here: the screen handles them while drawing.
#[must_use]
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Study these decks (all decks when empty).
    Study(Vec<DeckId>),
    /// Study what is due today, then new items (see [`crate::overview::StudyNow`]).
    StudyNow,
    /// Study these items now, due or not (answers are scheduled as usual).
    StudyItems(Vec<ItemKey>),
    /// Go back to the deck list.
    BackToLibrary,
    /// Open the settings.
    OpenSettings,
    /// Open the profiles screen.
    OpenProfiles,
    /// Open the browse screen.
    OpenBrowse,
    /// Open the statistics of a deck (None: all decks).
    OpenStats(Option<DeckId>),
    /// Open the practice test set-up.
    OpenPractice,
    /// Open the match game.
    OpenMatch,
    /// Open the exam screen.
    OpenExamScreen,
    /// Open the teacher's screen (make an exam, read results).
    OpenTeacher,
    /// Open the deck editor.
    OpenEditor,
    /// Hide the messages bar.
    DismissBanner,
    /// Try again now to save answers that could not be written (e.g. a full disk).
    RetrySave,
    /// What the import area asks for (files, the import dialog, dropped files).
    Import(import::Msg),
    /// The library screen's message.
    Library(library::Msg),
    /// The study screen's message (answers, undo, end).
    Session(study::Msg),
    /// The settings screen's message.
    Settings(settings::Msg),
    /// The profiles screen's message.
    Profiles(profiles::Msg),
    /// The file picker's message.
    Picker(file_picker::Msg),
    /// The browse screen's message.
    Browse(browse::Msg),
    /// The practice test screen's message.
    Practice(practice::Msg),
    /// The match game's message.
    Match(match_game::Msg),
    /// The exam screen's message.
    Exam(exam::Msg),
    /// The teacher's screen's message.
    Teacher(teacher::Msg),
    /// The deck editor's message (open, save, leave).
    Editor(editor::Msg),
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

/// What the streak's history read needs, kept until it starts (`QuizApp::days_pending`).
struct DaysRead {
    reader: crate::store::HistoryReader,
    offset: FixedOffset,
    cutoff: u32,
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
    /// What had the keyboard when a dialog (the file picker, the import dialogs) opened:
    /// it gets it back when the dialog closes.
    focus_behind_dialog: Option<egui::Id>,
    /// The widget that had the keyboard at the end of the last frame (egui lets go of it
    /// when Escape is pressed, before the frame is drawn).
    focus_last_frame: Option<egui::Id>,
    /// The screen drawn last: a page left and opened again starts at its top
    /// (`frame.rs`).
    shown_screen: &'static str,
    profiles: Profiles,
    /// Class deck folders (decks every profile sees), most important first.
    class_dirs: Vec<ClassDir>,
    open: Option<OpenProfile>,
    session: Option<Session>,
    screen: Screen,
    picker: Option<FilePicker>,
    /// The folder the picker showed last: where it opens next for a field naming none.
    picker_folder: Option<PathBuf>,
    /// Imports: the dialogs, the files waiting, the work running.
    import: import::Importer,
    exam_run: Option<exam::ExamRun>,
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
    /// Reading the history for the streak (the study days), started when a profile opens
    /// and its library's figures are counted (`days_pending` meanwhile).
    days_job: Option<jobs::Job<Result<crate::stats::HistoryStats, String>>>,
    /// The streak's history read, waiting for the library's figures: on two cores, both
    /// at once made the figures (what the student waits for) come later.
    days_pending: Option<DaysRead>,
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
    /// The profile being opened in the background (a big collection).
    loading: Option<profiles::Loading>,
    /// A session's queue being built in the background (a big collection).
    session_job: Option<study::Starting>,
    /// The browse screen's index being built in the background (a big collection).
    browse_job: Option<jobs::Job<crate::browse::Index>>,
    /// A practice test, or an exam, being made on another thread (a big library).
    test_job: Option<practice::TestJob>,
    exam_job: Option<teacher::ExamJob>,
    /// Profiles whose files take at least this many bytes are opened in the background.
    open_background_from: u64,
    /// Tests: the next opening in the background waits for a message on this first.
    hold_opening: Option<std::sync::mpsc::Receiver<()>>,
    /// The library being read again after a deck was removed or saved in the editor.
    library_read: Option<LibraryRead>,
    /// The cards of the library just opened being read ([`profiles::CardsRead`]).
    cards_read: Option<profiles::CardsRead>,
    /// How many readings of the library were started: only the latest is taken in (a
    /// reading started before a later change would put back a stale library).
    library_reads: u64,
    /// Wakes the interface when a background job ends ([`jobs::Waker`]).
    waker: jobs::Waker,
}

/// The open profile's library being read again off the interface thread (after an import,
/// a removal or a save in the deck editor).
pub(super) struct LibraryRead {
    /// The profile it is read for (its folder name).
    profile: String,
    /// The reading itself.
    job: jobs::Job<Library>,
    /// Its number in [`QuizApp::library_reads`].
    number: u64,
    /// The old library was let go first (the library screen waits with a spinner and
    /// takes no action), so a deck replaced is not held twice; otherwise it stays in use
    /// until the new one is in.
    emptied: bool,
}

/// How the app starts (see [`QuizApp::starting`]).
#[derive(Debug)]
pub struct Start {
    /// Profiles whose progress and deck files take at least this many bytes are opened
    /// on another thread, the window drawing a spinner meanwhile
    /// ([`profiles::BACKGROUND_OPEN_FROM_BYTES`] by default; 0: always).
    pub open_in_background_from: u64,
    /// For tests: an opening on another thread waits for a message (or the sender's
    /// end) on this before it reads anything, so the state while it runs can be seen.
    pub hold_opening: Option<std::sync::mpsc::Receiver<()>>,
}

impl Default for Start {
    fn default() -> Self {
        Start {
            open_in_background_from: profiles::BACKGROUND_OPEN_FROM_BYTES,
            hold_opening: None,
        }
    }
}

/// Where a screen notes, for a frame, which row's button was replaced by its question.
const QUESTION_ASKED: &str = "quizdeck-question-asked";

/// A row's button (Remove, Delete) was pressed and its question (Yes / No) replaces it:
/// the question takes the keyboard at its next drawing ([`safe_answer`]), or the focus
/// would be lost with the button.
pub(super) fn question_asked(ui: &egui::Ui, row: &str) {
    ui.data_mut(|d| d.insert_temp(egui::Id::unique(QUESTION_ASKED), row.to_owned()));
}

/// Gives the keyboard to `answer`, the safe answer of `row`'s question, when the question
/// has just been asked ([`question_asked`]); Shift+Tab reaches the other answer.
pub(super) fn safe_answer(ui: &egui::Ui, row: &str, answer: &egui::Response) {
    let asked = ui.data_mut(|d| d.remove_temp::<String>(egui::Id::unique(QUESTION_ASKED)));
    if asked.is_some_and(|r| r == row) {
        answer.request_focus();
        // At large text the question may start at the window's bottom edge.
        answer.scroll_to_me(None);
    }
}

/// The result of `job` once it has ended (waiting for it when `wait`): `None` while it
/// runs (or when there is none), `Some(None)` when it ended without a result.
fn ended<T: Send + 'static>(job: &Option<jobs::Job<T>>, wait: bool) -> Option<Option<T>> {
    job.as_ref().and_then(|j| j.finished(wait))
}

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
        QuizApp::starting(data_dir, class_dirs, clock, offset, Start::default())
    }

    /// Like [`QuizApp::with_class_decks`], choosing from what size a profile is opened in
    /// the background ([`Start`]).
    pub fn starting(
        data_dir: &Path,
        class_dirs: Vec<ClassDir>,
        clock: Clock,
        offset: FixedOffset,
        start: Start,
    ) -> QuizApp {
        let profiles = Profiles::new(data_dir);
        let mut app = QuizApp {
            profiles,
            class_dirs,
            open: None,
            session: None,
            screen: Screen::Profiles(ProfilesScreen::default()),
            picker: None,
            picker_folder: None,
            import: import::Importer::default(),
            focus_behind_dialog: None,
            focus_last_frame: None,
            shown_screen: "",
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
            days_pending: None,
            stats_job: None,
            picture_job: None,
            overview_job: None,
            stats_states_job: None,
            background_from: jobs::BACKGROUND_FROM_CARDS,
            loading: None,
            session_job: None,
            browse_job: None,
            test_job: None,
            exam_job: None,
            open_background_from: start.open_in_background_from,
            hold_opening: start.hold_opening,
            library_read: None,
            cards_read: None,
            library_reads: 0,
            waker: jobs::Waker::default(),
        };
        // Jobs started from here on (the profile's opening, below) wake the interface.
        jobs::use_waker(&app.waker);
        match app.profiles.list() {
            Ok(list) if list.is_empty() => {
                app.screen = Screen::Profiles(ProfilesScreen {
                    first_start: true,
                    ..ProfilesScreen::default()
                });
            }
            Ok(list) if list.len() == 1 => {
                app.apply(Action::Profiles(profiles::Msg::Switch(
                    list[0].slug.clone(),
                )));
            }
            Ok(_) => app.show_profiles(),
            Err(e) => app.banner.push(tr!(
                "msg-could-not-read-the",
                error = crate::i18n::message(&e.message())
            )),
        }
        match &mut app.loading {
            // Offered once the profile is open.
            Some(loading) => loading.resume = true,
            None => app.offer_resume(),
        }
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

    /// The open profile's display name (or that of the profile being opened).
    pub fn profile_name(&self) -> Option<&str> {
        (self.open.as_ref().map(|o| o.info.display_name.as_str()))
            .or(self.loading.as_ref().map(|l| l.name.as_str()))
    }

    /// True while a profile is being opened in the background (the library shows a
    /// spinner; nothing can be studied).
    pub fn profile_loading(&self) -> bool {
        self.loading.is_some()
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
        self.waker.set(ui.ctx());
        jobs::use_waker(&self.waker);
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
            if self.days_pending.is_some()
                && self.overview_job.is_none()
                && self.cards_read.is_none()
            {
                // The streak's read starts at the next frame, right after this one.
                ui.ctx().request_repaint();
            }
            // Jobs wake the window when they end; this is the safety net.
            ui.ctx().request_repaint_after(jobs::POLL_EVERY);
        }
        self.retry_unsaved_now_and_then(ui.ctx());
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
                    Action::Editor(editor::Msg::AttachPicture(p))
                } else {
                    Action::Import(import::Msg::File {
                        path: p,
                        everyone: false,
                    })
                }
            }));
        } else if !dropped.is_empty() {
            actions.push(Action::Import(import::Msg::Dropped(dropped)));
        }
        let hovering = ui.ctx().input(|i| !i.raw.hovered_files.is_empty());
        // Behind a dialog the window takes neither the keyboard nor clicks: Tab stays in
        // the dialog, and Space cannot open a screen under it.
        let behind_dialog = self.dialog_open();
        ui.add_enabled_ui(!behind_dialog, |ui| {
            self.frame_ui(ui, hovering, &mut actions)
        });
        if let Some(p) = &mut self.picker {
            actions.extend(p.ui(ui.ctx()));
        }
        let class = self.class_dirs.first().map(|c| c.describe());
        actions.extend(self.import.ui(ui.ctx(), class.as_deref()));
        self.wait_for_learning(ui.ctx());
        // Escape puts the messages away when nothing else took it: no dialog is open and
        // the screen asked for nothing (its own Escape: leaving the study screen, the
        // settings' Cancel, a dialog's close, come first).
        if !self.banner.is_empty()
            && !self.dialog_open()
            && actions.is_empty()
            && ui.input_mut(|i| i.consume_key(egui::Modifiers::NONE, egui::Key::Escape))
        {
            actions.push(Action::DismissBanner);
            // The keyboard stays where it was, not back at the start: egui let go of it on
            // Escape. On the library it goes to "Study now" when the screen is drawn
            // again (the messages' panel closing moves the screen up).
            if let Screen::Library(s) = &mut self.screen {
                s.focus_study_now = true;
            } else if let Some(id) = self.focus_last_frame {
                ui.ctx().memory_mut(|m| m.request_focus(id));
            }
        }
        let unsaved = self.unsaved_count();
        let dialog_was_open = self.dialog_open();
        let focused = ui.ctx().memory(|m| m.focused());
        for a in actions {
            self.apply(a);
        }
        // A dialog takes the keyboard; once it closes, the focus goes back to what had it
        // (the button that opened it), so a keyboard user carries on from there.
        match (dialog_was_open, self.dialog_open()) {
            (false, true) => self.focus_behind_dialog = focused,
            (true, false) => {
                if let Some(id) = self.focus_behind_dialog.take() {
                    ui.ctx().memory_mut(|m| m.request_focus(id));
                }
            }
            _ => {}
        }
        if self.unsaved_count() != unsaved {
            // Show or clear the warning at once.
            ui.ctx().request_repaint();
        }
        self.focus_last_frame = ui.ctx().memory(|m| m.focused());
    }

    fn now(&self) -> DateTime<Utc> {
        (self.clock)()
    }

    /// Whether a dialog is over the screen: the file picker or an import dialog.
    fn dialog_open(&self) -> bool {
        self.picker.is_some() || self.import.dialog_open()
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
            let history = reader
                .history()
                .map_err(|e| crate::i18n::message(&e.message()))?;
            Ok(crate::stats::from_history(
                &history, &decks, now, offset, cutoff,
            ))
        })
    }

    /// Starts the streak's history read once no figures are being counted and the cards
    /// of the library just opened are in (what "Study now" needs comes first). Returns
    /// true when it started it now.
    fn start_days_read(&mut self) -> bool {
        if self.overview_job.is_some() || self.cards_read.is_some() {
            return false;
        }
        let Some(DaysRead {
            reader,
            offset,
            cutoff,
        }) = self.days_pending.take()
        else {
            return false;
        };
        self.days_job = Some(jobs::Job::spawn("quizdeck-history", move || {
            let study_days =
                (reader.study_days(offset, cutoff)).map_err(|e| crate::i18n::message(&e.message()));
            // The history was read in pieces: they go back to the system.
            release_free_memory();
            Ok(crate::stats::HistoryStats {
                study_days: study_days?,
                ..Default::default()
            })
        }));
        true
    }

    /// Takes in the streak's study days once read (waiting for them when `wait`).
    fn poll_days(&mut self, wait: bool) {
        let Some(result) = ended(&self.days_job, wait) else {
            return;
        };
        self.days_job = None;
        match result.unwrap_or_else(|| Err(tr!("msg-stopped-unexpectedly"))) {
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

    /// True while work runs in the background (the frame asks to be drawn again soon).
    pub fn background_running(&self) -> bool {
        self.days_job.is_some()
            || self.days_pending.is_some()
            || self.loading.is_some()
            || self.session_job.is_some()
            || self.browse_job.is_some()
            || self.test_job.is_some()
            || self.exam_job.is_some()
            || self.stats_job.is_some()
            || self.picture_job.is_some()
            || self.import.busy()
            || self.overview_job.is_some()
            || self.stats_states_job.is_some()
            || self.library_read.is_some()
            || self.cards_read.is_some()
    }

    /// True while the history is read for the streak (in the background, once the
    /// library's figures are counted).
    pub fn history_reading(&self) -> bool {
        self.days_job.is_some()
    }

    /// True while the library's figures are computed in the background (the library
    /// shows a spinner).
    pub fn figures_pending(&self) -> bool {
        self.overview_job.is_some()
            || matches!(&self.screen, Screen::Library(s) if s.counting && self.cards_read.is_some())
    }

    /// Waits for the work running in the background (the history's figures, imports, a card's
    /// picture) and applies it, as the next frames would. For tests and scripts.
    pub fn wait_for_background(&mut self) {
        self.apply_background(true);
    }

    /// Applies the background work that has finished (all of it when `wait`).
    fn apply_background(&mut self, wait: bool) {
        // First: figures that arrive in this frame (with the profile, or counted) are
        // drawn before the streak's read takes a core.
        self.start_days_read();
        self.poll_loading(wait);
        self.poll_session_job(wait);
        self.import_poll(wait);
        self.poll_library_read(wait);
        self.poll_cards_read(wait);
        practice::poll_test(self, wait);
        teacher::poll_exam(self, wait);
        // Each job's result once it has ended: `Some(None)` when it ended without one (its
        // work panicked). Such a job is let go with a message, or it would be polled, and
        // the window drawn, at every frame for ever.
        let stopped = || tr!("msg-stopped-unexpectedly");
        self.poll_days(wait);
        if let Some(overview) = ended(&self.overview_job, wait) {
            self.overview_job = None;
            // Figures for a library left meanwhile are not wanted.
            match overview {
                Some(o) if matches!(&self.screen, Screen::Library(s) if s.counting) => {
                    self.show_overview(o)
                }
                Some(_) => {}
                None => {
                    self.banner
                        .push(tr!("msg-figures-not-counted", error = stopped()));
                    // No rows and no figures, with the message above; "Study now"
                    // cannot say what it would study, so it waits. Shown again, the
                    // library counts anew.
                    if let Screen::Library(s) = &mut self.screen {
                        s.counting = false;
                        s.study_now.label = tr!("library-study-now");
                    }
                }
            }
        }
        // The streak's read, held back while the figures were counted: at the next
        // frame, once they are drawn (the call at the top), or now when waiting for
        // everything.
        if wait && self.start_days_read() {
            self.poll_days(true);
        }
        if let Some(index) = ended(&self.browse_job, wait) {
            self.browse_job = None;
            match index {
                // An index for a browse screen left meanwhile is not wanted.
                Some(index) => {
                    if let Screen::Browse(s) = &mut self.screen
                        && s.building
                    {
                        s.set_index(index);
                    }
                }
                None => {
                    self.banner
                        .push(tr!("msg-browse-not-built", error = stopped()));
                    if let Screen::Browse(s) = &mut self.screen {
                        s.set_index(crate::browse::Index::default());
                    }
                }
            }
        }
        if let Some(figures) = ended(&self.stats_states_job, wait) {
            self.stats_states_job = None;
            match figures {
                Some(f) => {
                    if let Screen::Stats(s) = &mut self.screen {
                        // The history's figures may already be in: only the states' are set.
                        s.stats.states = f.stats.states;
                        s.stats.forecast = f.stats.forecast;
                        s.stats.hardest = f.stats.hardest;
                        s.hardest_names = f.hardest_names;
                        s.states_ready = true;
                    }
                }
                None => {
                    self.banner
                        .push(tr!("msg-stats-not-counted", error = stopped()));
                    if let Screen::Stats(s) = &mut self.screen {
                        s.states_ready = true;
                    }
                }
            }
        }
        if let Some(result) = ended(&self.stats_job, wait) {
            self.stats_job = None;
            if let Screen::Stats(s) = &mut self.screen {
                match result.unwrap_or_else(|| Err(stopped())) {
                    Ok(h) => {
                        s.stats = std::mem::take(&mut s.stats).with_history(h);
                        s.history = stats::HistoryState::Ready;
                    }
                    Err(e) => s.history = stats::HistoryState::Failed(e),
                }
            }
        }
        let picture = (self.picture_job.as_ref())
            .and_then(|(key, job)| job.finished(wait).map(|r| (key.clone(), r)));
        if let Some((key, result)) = picture {
            self.picture_job = None;
            if let Screen::Study(screen) = &mut self.screen
                && let Some(item) = &mut screen.item
                && item.key == key
            {
                item.picture = Some(match result.unwrap_or_else(|| Err(stopped())) {
                    Ok(p) => picture::PictureView::Ready(
                        egui::ColorImage::from_rgba_unmultiplied(
                            [p.width as usize, p.height as usize],
                            &p.rgba,
                        ),
                        None,
                    ),
                    Err(e) => picture::PictureView::Failed(e),
                });
            }
        }
    }

    /// The class deck folders with the names the library gives them, for reading a
    /// library (on any thread).
    fn class_folders(&self) -> Vec<(PathBuf, String)> {
        (self.class_dirs.iter())
            .map(|d| (d.path.clone(), d.describe()))
            .collect()
    }

    /// The decks the profile sees: bundled, class folders and its own.
    fn load_library(&self, info: &ProfileInfo) -> Library {
        Library::load_from(Some(&info.decks_dir()), &self.class_folders())
    }

    /// Reads the open profile's library again in the background (after a removal or a
    /// save in the deck editor); the screen shown takes the new one when it is in.
    fn reload_library(&mut self) {
        // A test holds the reading as it holds an import.
        let gate = self.import.gate.take();
        self.library_read = self.start_library_read(gate);
    }

    /// Starts reading the open profile's library again off the interface thread. From the
    /// library screen the old library is let go first and the screen waits (see
    /// [`LibraryRead::emptied`]). `gate` holds the reading (tests).
    fn start_library_read(
        &mut self,
        gate: Option<std::sync::mpsc::Receiver<()>>,
    ) -> Option<LibraryRead> {
        // Already let go for an earlier reading still running: still so.
        let emptied = matches!(self.screen, Screen::Library(_)) || self.library_emptied();
        let class = self.class_folders();
        let open = self.open.as_mut()?;
        let decks_dir = open.info.decks_dir();
        let profile = open.info.slug.clone();
        if emptied {
            open.library = std::sync::Arc::new(Library::default());
            // (A job counting the old library's figures holds it until it ends.)
            self.overview_job = None;
        }
        self.library_reads += 1;
        let number = self.library_reads;
        if emptied {
            self.show_library_reading();
        }
        let job = jobs::Job::spawn("quizdeck-library", move || {
            let library = Library::load_from(Some(&decks_dir), &class);
            release_free_memory();
            // Held after the reading, so a test can make it stale.
            if let Some(g) = gate {
                let _ = g.recv();
            }
            library
        });
        Some(LibraryRead {
            profile,
            job,
            number,
            emptied,
        })
    }

    /// Takes in the library `read` gave (waiting for it when `wait`): `None` while it is
    /// still being read, else whether it was taken in. A reading that ended without a
    /// result (it panicked) is done again here; one for a profile closed meanwhile, or
    /// followed by a later reading, is dropped.
    fn finish_library_read(&mut self, read: &LibraryRead, wait: bool) -> Option<bool> {
        let result = read.job.finished(wait)?;
        let info = match &self.open {
            Some(open) if open.info.slug == read.profile && read.number == self.library_reads => {
                open.info.clone()
            }
            _ => return Some(false),
        };
        let library = result.unwrap_or_else(|| self.load_library(&info));
        if let Some(open) = &mut self.open {
            open.library = std::sync::Arc::new(library);
        }
        Some(true)
    }

    /// Applies the library read after a removal or a save, once it is in.
    fn poll_library_read(&mut self, wait: bool) {
        let Some(read) = self.library_read.take() else {
            return;
        };
        let Some(taken) = self.finish_library_read(&read, wait) else {
            self.library_read = Some(read);
            return;
        };
        // A reading dropped changes nothing shown (another profile may be opening).
        if !taken {
            return;
        }
        match &mut self.screen {
            Screen::Library(_) => self.show_library(),
            Screen::Editor(s) => {
                if let Some(open) = &self.open {
                    s.choices = editor::choices(&open.library);
                }
            }
            _ => {}
        }
    }

    /// Whether the open profile's library was let go while it is read again (actions
    /// wait until it is in).
    fn library_emptied(&self) -> bool {
        let Some(open) = &self.open else {
            return false;
        };
        let ours = |r: &LibraryRead| {
            r.emptied && r.profile == open.info.slug && r.number == self.library_reads
        };
        self.library_read.as_ref().is_some_and(ours) || self.import_reading().is_some_and(ours)
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

    /// Applies one action (public so tests can drive the app without pixels).
    pub fn apply(&mut self, action: Action) {
        // While the cards of the library just opened are read, what the student asks for
        // waits for them (the library shows meanwhile, with its figures).
        let Some(action) = (match &mut self.cards_read {
            Some(read) => read.hold(action),
            None => Some(action),
        }) else {
            return;
        };
        // While a profile is being opened, or its library read again (after an import, a
        // removal or a save in the editor) with the old one let go, only choosing a
        // profile (this one or another) and the messages bar work, and files dropped or
        // chosen meanwhile go to the import (whose checks do not use the library; the
        // spreadsheet dialog's import, which does, waits): nothing is studied or changed
        // before its progress and decks are in.
        if (self.loading.is_some()
            && !matches!(
                action,
                Action::OpenProfiles | Action::Profiles(_) | Action::DismissBanner
            ))
            || (self.library_emptied()
                && !matches!(
                    action,
                    Action::OpenProfiles
                        | Action::Profiles(_)
                        | Action::DismissBanner
                        | Action::Import(
                            import::Msg::File { .. }
                                | import::Msg::Dropped(_)
                                | import::Msg::DroppedFor { .. }
                                | import::Msg::CloseDropAsk
                        )
                ))
        {
            return;
        }
        // Leaving the deck editor with unsaved edits asks first.
        if let Screen::Editor(s) = &mut self.screen
            && s.guards(&action)
        {
            s.held = Some(Box::new(action));
            return;
        }
        match action {
            Action::Study(decks) => study::start(self, decks),
            Action::StudyNow => study::study_now(self),
            Action::StudyItems(items) => study::study_items(self, items),
            Action::BackToLibrary => self.show_library(),
            Action::OpenSettings => settings::open(self),
            Action::OpenProfiles => self.show_profiles(),
            Action::OpenBrowse => browse::open(self),
            Action::OpenStats(deck) => stats::open(self, deck),
            Action::OpenPractice => practice::open(self),
            Action::OpenMatch => match_game::open(self),
            Action::OpenExamScreen => exam::open(self),
            Action::OpenTeacher => teacher::open(self),
            Action::OpenEditor => editor::open(self),
            Action::DismissBanner => self.banner.clear(),
            Action::RetrySave => {
                self.last_save_retry = Some(self.now());
                self.retry_unsaved();
            }
            Action::Import(msg) => self.import_update(msg),
            Action::Library(msg) => library::update(self, msg),
            Action::Session(msg) => study::update(self, msg),
            Action::Settings(msg) => settings::update(self, msg),
            Action::Profiles(msg) => profiles::update(self, msg),
            Action::Picker(msg) => file_picker::update(self, msg),
            Action::Browse(msg) => browse::update(self, msg),
            Action::Practice(msg) => practice::update(self, msg),
            Action::Match(msg) => match_game::update(self, msg),
            Action::Exam(msg) => exam::update(self, msg),
            Action::Teacher(msg) => teacher::update(self, msg),
            Action::Editor(msg) => editor::update(self, msg),
        }
    }

    /// Writes a snapshot and releases the profile (called when the window closes).
    pub fn shutdown(&mut self) {
        // An exam being written is finished, so no key file is left without its exam.
        teacher::poll_exam(self, true);
        self.close_profile();
    }
}
