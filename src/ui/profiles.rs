//! The profiles screen: pick, create, rename and delete (with confirmation) profiles.

use super::Action;
use crate::tr;
use egui::RichText;

/// A profile as listed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ProfileRow {
    /// Folder name (stable id).
    pub slug: String,
    /// Name shown.
    pub name: String,
}

/// The profiles screen.
#[derive(Debug, Default)]
pub struct ProfilesScreen {
    /// The profiles.
    pub rows: Vec<ProfileRow>,
    /// The open profile's slug, if any.
    pub current: Option<String>,
    /// Name typed for a new profile.
    pub new_name: String,
    /// Profile being renamed, and the name typed.
    pub renaming: Option<(String, String)>,
    /// Profile waiting for a delete confirmation.
    pub confirm_delete: Option<String>,
    /// A problem to show.
    pub error: Option<String>,
    /// The profile that just failed to open, and why: its row offers "Try again" first
    /// (its files are kept; deleting is never the first thing offered).
    pub failed: Option<(String, String)>,
    /// The very first start on this computer: ask the student's name.
    pub first_start: bool,
}

impl ProfilesScreen {
    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        if self.first_start && self.rows.is_empty() {
            return self.welcome_ui(ui);
        }
        let mut action = None;
        ui.heading(tr!("profiles-who-is-studying"));
        if let Some(e) = &self.error {
            ui.colored_label(super::theme::wrong_color(ui), e);
        }
        for row in &self.rows {
            ui.horizontal(|ui| {
                let current = self.current.as_deref() == Some(row.slug.as_str());
                let text = RichText::new(&row.name).size(20.0);
                if ui.add(egui::Button::new(text).selected(current)).clicked() {
                    action = Some(Action::Profiles(Msg::Switch(row.slug.clone())));
                }
                match (&mut self.renaming, &self.confirm_delete) {
                    (Some((slug, name)), _) if *slug == row.slug => {
                        let l = ui.label(tr!("profiles-new-name"));
                        ui.text_edit_singleline(name).labelled_by(l.id);
                        if ui.button(tr!("profiles-save-name")).clicked() {
                            action =
                                Some(Action::Profiles(Msg::Rename(slug.clone(), name.clone())));
                        }
                    }
                    (_, Some(slug)) if *slug == row.slug => {
                        ui.label(tr!("profiles-delete-confirm", name = &row.name));
                        if ui.button(tr!("profiles-yes-delete")).clicked() {
                            action = Some(Action::Profiles(Msg::Delete(row.slug.clone())));
                        }
                        let no = ui.button(tr!("profiles-no"));
                        super::safe_answer(ui, &row.slug, &no);
                        if no.clicked() {
                            self.confirm_delete = None;
                        }
                    }
                    _ => {
                        if let Some((_, why)) =
                            self.failed.as_ref().filter(|(slug, _)| *slug == row.slug)
                        {
                            ui.colored_label(
                                super::theme::wrong_color(ui),
                                tr!("profiles-could-not-open", why = why.as_str()),
                            );
                            let again = super::labelled(
                                ui.button(tr!("profiles-try-again")),
                                &tr!("profiles-try-opening-again", name = &row.name),
                            );
                            // Trying again has the keyboard (Enter), never deleting.
                            if ui.memory(|m| m.focused().is_none()) {
                                again.request_focus();
                            }
                            if again.clicked() {
                                action = Some(Action::Profiles(Msg::Switch(row.slug.clone())));
                            }
                        }
                        if super::labelled(
                            ui.button(tr!("profiles-rename")),
                            &tr!("profiles-rename-name", name = &row.name),
                        )
                        .clicked()
                        {
                            self.renaming = Some((row.slug.clone(), row.name.clone()));
                        }
                        if super::labelled(
                            ui.button(tr!("profiles-delete")),
                            &tr!("profiles-delete-name", name = &row.name),
                        )
                        .clicked()
                        {
                            self.confirm_delete = Some(row.slug.clone());
                            super::question_asked(ui, &row.slug);
                        }
                    }
                }
            });
        }
        ui.separator();
        // Wrapped: with large text or a long translation the Create button takes the next
        // line instead of leaving the window.
        ui.horizontal_wrapped(|ui| {
            let l = ui.label(tr!("profiles-new-profile"));
            let r = ui
                .text_edit_singleline(&mut self.new_name)
                .labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            if (ui.button(tr!("profiles-create")).clicked() || enter)
                && !self.new_name.trim().is_empty()
            {
                action = Some(Action::Profiles(Msg::Create(std::mem::take(
                    &mut self.new_name,
                ))));
            }
        });
        if self.current.is_some()
            && super::nav::back_button(ui, tr!("profiles-back-to-decks")).clicked()
        {
            action = Some(Action::BackToLibrary);
        }
        action
    }

    fn welcome_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        super::study::column(ui, |ui| {
            ui.add_space(24.0);
            ui.heading(tr!("profiles-welcome-to-quizdeck"));
            ui.add(egui::Label::new(tr!("profiles-what-is-your-name")).wrap());
            if let Some(e) = &self.error {
                ui.colored_label(super::theme::wrong_color(ui), e);
            }
            ui.add_space(8.0);
            let l = ui.label(tr!("profiles-your-name"));
            let r = ui
                .add(egui::TextEdit::singleline(&mut self.new_name).font(egui::TextStyle::Heading))
                .labelled_by(l.id);
            let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
            // The name field takes the keyboard at once (and again after a click
            // elsewhere), but only while nothing has it. Asking for it at every frame
            // while the window itself had no focus (`has_focus` is false then)
            // interrupted the input method at every frame: under X11 the window repainted
            // without end and never received a key, a click, or its own focus.
            if ui.memory(|m| m.focused().is_none()) {
                r.request_focus();
            }
            ui.add_space(8.0);
            ui.horizontal_wrapped(|ui| {
                let named = !self.new_name.trim().is_empty();
                let start = ui
                    .add_enabled(
                        named,
                        egui::Button::new(RichText::new(tr!("profiles-start")).size(18.0)),
                    )
                    .clicked();
                if start || (enter && named) {
                    action = Some(Action::Profiles(Msg::Create(std::mem::take(
                        &mut self.new_name,
                    ))));
                }
                if ui
                    .button(RichText::new(tr!("profiles-skip")).size(18.0))
                    .on_hover_text(tr!(
                        "profiles-study-as",
                        name = tr!("profiles-default-name")
                    ))
                    .clicked()
                {
                    action = Some(Action::Profiles(Msg::Create(tr!("profiles-default-name"))));
                }
            });
        });
        action
    }
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{OpenProfile, QuizApp, Screen};
use crate::library::{Library, Opening};
use crate::settings::ProfileSettings;
use crate::store::{
    OpenMode, OpenOptions, ProfileInfo, ProgressPaths, RecoveryReport, Store, StoreError,
};
use chrono::{DateTime, FixedOffset, Utc};
use std::path::{Path, PathBuf};

/// What the profiles screen asks of the app (the profiles folder).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Open this profile.
    Switch(String),
    /// Create and open a profile with this name.
    Create(String),
    /// Rename a profile (slug, new name).
    Rename(String, String),
    /// Delete a profile.
    Delete(String),
}

/// Applies a profiles message (each needs the profiles folder).
pub(super) fn update(app: &mut QuizApp, msg: Msg) {
    let now = app.now();
    match msg {
        Msg::Switch(slug) => {
            if let Some(loading) = app.loading.as_ref().filter(|l| l.slug == slug) {
                // Still being opened: its spinner again.
                app.screen = Screen::Library(super::library::LibraryScreen::loading(tr!(
                    "library-opening",
                    name = loading.name.clone()
                )));
            } else if app.open.as_ref().is_some_and(|o| o.info.slug == slug) {
                app.show_library();
            } else {
                app.open_profile(&slug);
            }
        }
        Msg::Create(name) => match app.profiles.create(&name, now) {
            Ok(info) => app.open_profile(&info.slug),
            Err(e) => {
                app.show_profiles();
                if let Screen::Profiles(s) = &mut app.screen {
                    s.error = Some(tr!(
                        "msg-could-not-create-the",
                        error = crate::i18n::message(&e.message())
                    ));
                }
            }
        },
        Msg::Rename(slug, name) => {
            let result = app.profiles.rename(&slug, &name);
            if let (Ok(info), Some(open)) = (&result, &mut app.open)
                && open.info.slug == slug
            {
                open.info = info.clone();
            }
            app.show_profiles();
            if let (Err(e), Screen::Profiles(s)) = (result, &mut app.screen) {
                s.error = Some(tr!(
                    "msg-could-not-rename-e",
                    error = crate::i18n::message(&e.message())
                ));
            }
        }
        Msg::Delete(slug) => {
            if app.open.as_ref().is_some_and(|o| o.info.slug == slug)
                || app.loading.as_ref().is_some_and(|l| l.slug == slug)
            {
                app.close_profile();
            }
            let result = app.profiles.delete(&slug, now);
            app.show_profiles();
            if let (Err(e), Screen::Profiles(s)) = (result, &mut app.screen) {
                s.error = Some(tr!(
                    "msg-could-not-delete-e",
                    error = crate::i18n::message(&e.message())
                ));
            }
        }
    }
}

/// A profile's files as read for opening it: done on another thread for a big
/// collection (the window shows at once, with a spinner), at once otherwise.
pub(super) struct Loaded {
    info: ProfileInfo,
    /// The progress, or why it could not be opened (then the settings and decks are not
    /// kept).
    store: Result<(Store, RecoveryReport), StoreError>,
    settings: Option<Result<(ProfileSettings, RecoveryReport), StoreError>>,
    library: Option<Library>,
    /// The cards still to read of the decks the deck cache serves, when the library was
    /// read in two steps ([`Library::open_from`]): `library` is then its preview, and the
    /// cards are read once the profile is open (the library shows meanwhile, with its
    /// figures counted by the cards' outline, and what the student asks for waits).
    cards: Option<Opening>,
    /// The library's figures, when counted as the profile was read
    /// ([`Loaded::count_figures`]).
    figures: Option<super::jobs::ReadyFigures>,
}

impl Loaded {
    /// Opens the progress of `info` and reads its decks (the bundled ones, `class` folders
    /// and its own) at the same time, on two threads, then its settings. When the progress
    /// cannot be opened the decks are dropped unused; that is known only once both are
    /// done, so a failed open shows after the decks are read (and their checked copies
    /// may have been written to the deck cache, as any open does). With `in_steps`, the
    /// cards of the decks the deck cache serves are left to read ([`Loaded::cards`]).
    fn read(
        info: ProfileInfo,
        class: &[(PathBuf, String)],
        now: DateTime<Utc>,
        in_steps: bool,
    ) -> Loaded {
        let opts = OpenOptions {
            mode: OpenMode::ReadOnlyIfLocked,
            ..OpenOptions::default()
        };
        let decks_dir = info.decks_dir();
        let (store, library) = std::thread::scope(|s| {
            let library = s.spawn(|| {
                let opening = Library::open_from(Some(&decks_dir), class);
                match in_steps && opening.cards_pending() {
                    true => (opening.preview(), Some(opening)),
                    false => (opening.finish().0, None),
                }
            });
            let store = Store::open(&info.dir, &opts, now);
            let library = library
                .join()
                .unwrap_or_else(|e| std::panic::resume_unwind(e));
            (store, library)
        });
        let (settings, library, cards) = match &store {
            Ok((store, _)) => (
                Some(store.load_settings::<ProfileSettings>(now)),
                Some(library.0),
                library.1,
            ),
            Err(_) => (None, None, None),
        };
        Loaded {
            info,
            store,
            settings,
            library,
            cards,
            figures: None,
        }
    }

    /// Counts the library's figures for the profile just read (on two threads, in the
    /// open job of a big profile), so the library shows with them as it opens. Nothing
    /// when the progress, its settings or today's answers could not be read: the library
    /// then counts them when shown, and says what could not be read.
    /// (`fail`: made to panic by a test, [`super::jobs::fail_next`]
    /// `("quizdeck-open-figures")`.)
    fn count_figures(&mut self, now: DateTime<Utc>, offset: FixedOffset, fail: bool) {
        if let (Ok((store, _)), Some(Ok((settings, _))), Some(library)) =
            (&self.store, &self.settings, &self.library)
        {
            let settings = settings.clone().clamped().schedule;
            let cards = self.cards.as_ref();
            let count = || {
                assert!(!fail, "made to fail by a test");
                super::jobs::ReadyFigures::count(library, cards, store, &settings, now, offset)
            };
            // Figures that fail to count are counted again when the library shows (and
            // said to have failed then, if they fail again): the profile still opens.
            self.figures = std::panic::catch_unwind(std::panic::AssertUnwindSafe(count))
                .ok()
                .flatten();
        }
    }
}

/// The cards of the library just opened being read on another thread ([`Loaded::cards`]),
/// and what the student asked for meanwhile.
pub(super) struct CardsRead {
    /// The profile they are read for (its folder name).
    profile: String,
    /// [`QuizApp::library_reads`] when they started: a reading of the library started
    /// since is newer, and theirs is not taken.
    number: u64,
    /// The whole library, and whether its cards are those their outline named (the
    /// figures shown stand).
    job: super::jobs::Job<(Library, bool)>,
    /// What the student asked for meanwhile, applied in order once the cards are in.
    held: Vec<Action>,
}

impl CardsRead {
    /// Keeps `action` for when the cards are in (the same one asked for again in a row is
    /// kept once: Enter pressed twice on "Study now" starts one session). Hiding the
    /// messages bar is done at once; so is choosing a profile, and what was asked for
    /// before it is then dropped.
    pub(super) fn hold(&mut self, action: Action) -> Option<Action> {
        match action {
            Action::DismissBanner => return Some(action),
            Action::OpenProfiles | Action::Profiles(_) => {
                self.held.clear();
                return Some(action);
            }
            _ => {}
        }
        // (A few clicks and keys within a fraction of a second; a bound all the same.)
        if self.held.last() != Some(&action) && self.held.len() < 64 {
            self.held.push(action);
        }
        None
    }
}

/// A profile being opened on another thread.
pub(super) struct Loading {
    /// The profile's folder name.
    pub(super) slug: String,
    /// Its display name (shown while it opens).
    pub(super) name: String,
    job: super::jobs::Job<Loaded>,
    /// Offer to resume an exam once it is open (the app's start).
    pub(super) resume: bool,
}

/// Profiles whose progress and deck files take at least this many bytes are opened on
/// another thread (the window shows at once with a spinner): from about 5,000 studied
/// cards, or a deck of a few thousand cards.
pub const BACKGROUND_OPEN_FROM_BYTES: u64 = 2 << 20;

/// What opening the profile reads, in bytes: its progress (snapshot and journals) and
/// the deck files of its own and the class folders. A few directory listings, no reading.
fn opening_bytes(info: &ProfileInfo, class: &[(PathBuf, String)]) -> u64 {
    let size = |p: &Path| std::fs::metadata(p).map_or(0, |m| m.len());
    let progress = ProgressPaths::new(&info.dir);
    let mut total: u64 = [progress.snapshot, progress.journal, progress.folding]
        .iter()
        .map(|f| size(f))
        .sum();
    let mut dirs = vec![info.decks_dir()];
    dirs.extend(class.iter().map(|(d, _)| d.clone()));
    for dir in dirs.iter().filter(|d| d.is_dir()) {
        if let Ok(files) = crate::deck::discover(std::slice::from_ref(dir)) {
            total += files.iter().map(|f| size(f)).sum::<u64>();
        }
    }
    total
}

impl QuizApp {
    pub(super) fn open_profile(&mut self, slug: &str) {
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
        let class = self.class_folders();
        if opening_bytes(&info, &class) < self.open_background_from {
            let loaded = Loaded::read(info, &class, now, false);
            return self.finish_opening(loaded);
        }
        // A big collection: the window goes on drawing (a spinner on the library) while
        // the progress and the decks are read; nothing can be studied until they are.
        let (slug, name) = (info.slug.clone(), info.display_name.clone());
        let hold = self.hold_opening.take();
        let offset = self.offset;
        let fail_figures = super::jobs::failing("quizdeck-open-figures");
        let job = super::jobs::Job::spawn("quizdeck-open", move || {
            if let Some(hold) = hold {
                let _ = hold.recv();
            }
            let mut loaded = Loaded::read(info, &class, now, true);
            // The library's figures too, here: it then shows with them.
            loaded.count_figures(now, offset, fail_figures);
            // What reading the files left with the allocator goes back to the system at
            // the end of the streak's history read, which starts once the library has
            // shown with its figures (`QuizApp::start_days_read`): not here, where the
            // library would wait for it. A profile whose progress could not be opened
            // has no such read.
            if loaded.store.is_err() {
                super::release_free_memory();
            }
            loaded
        });
        self.loading = Some(Loading {
            slug,
            name: name.clone(),
            job,
            resume: false,
        });
        self.screen = Screen::Library(super::library::LibraryScreen::loading(tr!(
            "library-opening",
            name = name
        )));
    }

    /// The profile being opened has been read: applies it (polled at every frame; waited
    /// for when `wait`). Returns true when it arrived.
    pub(super) fn poll_loading(&mut self, wait: bool) -> bool {
        let Some(loading) = &self.loading else {
            return false;
        };
        let Some(result) = loading.job.finished(wait) else {
            return false;
        };
        let loading = self.loading.take().expect("checked above");
        let shown = matches!(&self.screen, Screen::Library(s) if s.loading);
        match result {
            Some(loaded) => {
                self.finish_opening(loaded);
                if !shown && let Screen::Library(_) = self.screen {
                    // The student went to the profiles meanwhile: they stay there.
                    self.show_profiles();
                }
                if loading.resume {
                    self.offer_resume();
                }
            }
            None => {
                // The thread ended without a result (it panicked): said like a failure,
                // and what it had read goes back to the system.
                super::release_free_memory();
                self.banner.push(tr!(
                    "msg-progress-not-opened",
                    name = &loading.name,
                    error = tr!("msg-opening-stopped")
                ));
                self.show_profiles();
            }
        }
        true
    }

    /// Waits for a profile still being opened and closes it (before another is opened,
    /// or the app ends).
    pub(super) fn end_loading(&mut self) {
        if let Some(loading) = self.loading.take()
            && let Some(Some(loaded)) = loading.job.finished(true)
            && let Ok((store, _)) = loaded.store
            && let Err(e) = store.close(self.now())
        {
            self.banner.push(tr!(
                "msg-progress-could-not-be",
                error = crate::i18n::message(&e.message())
            ));
        }
    }

    /// Makes a profile read by [`Loaded::read`] the open one and shows its library, or
    /// says why it could not be opened (the damaged-profile row of the profiles screen).
    fn finish_opening(&mut self, loaded: Loaded) {
        let now = self.now();
        let Loaded {
            info,
            store,
            settings,
            library,
            cards,
            figures,
        } = loaded;
        let (store, report) = match store {
            Ok(x) => x,
            Err(e) => {
                self.banner.push(tr!(
                    "msg-progress-not-opened",
                    name = &info.display_name,
                    error = crate::i18n::message(&e.message())
                ));
                self.show_profiles();
                if let Screen::Profiles(screen) = &mut self.screen {
                    screen.failed = Some((info.slug, crate::i18n::message(&e.message())));
                }
                return;
            }
        };
        if !report.is_empty() {
            self.banner.push(crate::i18n::recovery_sentence(&report));
        }
        if let Some(why) = store.read_only_reason() {
            self.banner.push(tr!("msg-read-only", why = why));
        }
        let settings = match settings.unwrap_or_else(|| store.load_settings(now)) {
            Ok((s, rep)) => {
                if !rep.is_empty() {
                    self.banner.push(crate::i18n::recovery_sentence(&rep));
                }
                s.clamped()
            }
            Err(e) => {
                self.banner.push(tr!(
                    "msg-settings-could-not-be",
                    error = crate::i18n::message(&e.message())
                ));
                ProfileSettings::default()
            }
        };
        let library = library.unwrap_or_else(|| self.load_library(&info));
        // The streak needs every study day: the history is read in the background (the
        // library shows the streak once it is read), as a stream of days, once the
        // library's figures are counted (`QuizApp::start_days_read`).
        self.days_job = None;
        self.days_pending = Some(super::DaysRead {
            reader: store.history_reader(),
            offset: self.offset,
            cutoff: settings.schedule.day_cutoff_hour,
        });
        self.stats_job = None;
        self.picture_job = None;
        // What the library says is worded in the profile's language, set before it opens.
        crate::i18n::set_language(
            settings
                .language
                .unwrap_or_else(crate::i18n::system_language),
        );
        let library = std::sync::Arc::new(library);
        self.open = Some(OpenProfile {
            info,
            store,
            settings,
            library: library.clone(),
            plan: None,
            study_days: Default::default(),
        });
        // Said once the profile is open: a note already seen by it is not said again.
        self.say_library(&library);
        self.style_dirty = true;
        self.sync_language();
        // The cards' read first: the library is never counted over a preview without them.
        if let Some(cards) = cards {
            self.read_cards(cards);
        }
        self.show_library_counted(figures);
    }

    /// Reads the cards of the library just opened in two steps, on another thread
    /// ([`Loaded::cards`]). Until they are in, the library shows with its figures and what
    /// the student asks for waits ([`CardsRead::hold`]).
    fn read_cards(&mut self, cards: Opening) {
        let Some(open) = &self.open else {
            return;
        };
        let job = super::jobs::Job::spawn("quizdeck-deck-cards", move || cards.finish());
        self.cards_read = Some(CardsRead {
            profile: open.info.slug.clone(),
            number: self.library_reads,
            job,
            held: Vec::new(),
        });
    }

    /// True while the cards of the library just opened are read ([`CardsRead`]): the
    /// library shows with its figures, and what the student asks for waits.
    pub fn cards_reading(&self) -> bool {
        self.cards_read.is_some()
    }

    /// Takes in the cards of the library just opened once they are read (waiting for them
    /// when `wait`), then applies what the student asked for meanwhile. When they are not
    /// the cards their outline named (an entry damaged since, a picture gone), the
    /// library's figures are counted again and what it has to say is said.
    pub(super) fn poll_cards_read(&mut self, wait: bool) {
        let Some(result) = self.cards_read.as_ref().and_then(|r| r.job.finished(wait)) else {
            return;
        };
        let read = self.cards_read.take().expect("checked above");
        let Some(info) = (self.open.as_ref())
            .filter(|o| o.info.slug == read.profile)
            .map(|o| o.info.clone())
        else {
            return;
        };
        // A reading of the library started since (an import ending) is newer: it brings
        // the cards. Ended without its result (it panicked): the library is read again
        // here.
        let newer = read.number != self.library_reads;
        let (library, same) = match result {
            _ if newer => (None, true),
            Some((library, same)) => (Some(library), same),
            None => (Some(self.load_library(&info)), false),
        };
        if let Some(library) = library {
            if !same {
                self.say_library(&library);
            }
            if let Some(open) = &mut self.open {
                open.library = std::sync::Arc::new(library);
            }
        }
        // Counted again when they were not those of the outline, or were waiting for the
        // cards (a new study day began as the profile opened).
        if matches!(&self.screen, Screen::Library(s) if !same || s.counting) {
            self.show_library();
        }
        for action in read.held {
            self.apply(action);
        }
    }

    /// Says in the messages bar what the library has to say: decks that replaced others
    /// of the same id (once per profile: not again at every start while nothing changes),
    /// and decks that cannot be shown (each once a start, until they are fixed).
    pub(super) fn say_library(&mut self, library: &Library) {
        let say = |this: &mut Self, m: String| {
            if !this.banner.contains(&m) {
                this.banner.push(m);
            }
        };
        let notes: std::collections::BTreeSet<String> =
            library.notes.iter().map(|n| n.english()).collect();
        let seen = (self.open.as_ref()).map(|o| o.settings.seen_notes.clone());
        for note in &library.notes {
            if !seen.as_ref().is_some_and(|s| s.contains(&note.english())) {
                say(self, crate::i18n::message(note));
            }
        }
        // Kept with the profile: the notes shown, those of this library only (a profile
        // opened read-only, which says so already, keeps nothing).
        if let Some(open) = &mut self.open
            && open.settings.seen_notes != notes
            && !open.store.read_only()
        {
            open.settings.seen_notes = notes;
            if let Err(e) = open.store.save_settings(&open.settings) {
                let error = crate::i18n::message(&e.message());
                say(self, tr!("msg-library-notes-not-kept", error = error));
            }
        }
        for broken in &library.broken {
            let unreadable = broken
                .diagnostics
                .iter()
                .find(|d| d.code == crate::library::UNREADABLE_FOLDER);
            say(
                self,
                match unreadable {
                    Some(d) => tr!(
                        "app-imported-not-shown",
                        why = &d.message,
                        file = broken.file.to_string()
                    ),
                    // The first error, so a student can tell the teacher what is wrong.
                    None => match (broken.diagnostics.iter())
                        .find(|d| d.severity == crate::deck::Severity::Error)
                    {
                        Some(d) => tr!(
                            "app-deck-has-errors",
                            file = broken.file.to_string(),
                            error = &d.message,
                            line = d.line
                        ),
                        None => broken.render(),
                    },
                },
            );
        }
    }

    pub(super) fn show_profiles(&mut self) {
        let rows = match self.profiles.list() {
            Ok(list) => list
                .into_iter()
                .map(|p| ProfileRow {
                    slug: p.slug,
                    name: p.display_name,
                })
                .collect(),
            Err(e) => {
                self.banner.push(tr!(
                    "msg-could-not-read-the",
                    error = crate::i18n::message(&e.message())
                ));
                Vec::new()
            }
        };
        self.screen = Screen::Profiles(ProfilesScreen {
            rows,
            current: self.open.as_ref().map(|o| o.info.slug.clone()),
            ..ProfilesScreen::default()
        });
    }

    pub(super) fn close_profile(&mut self) {
        self.end_loading();
        self.cards_read = None;
        self.days_pending = None;
        self.retry_unsaved();
        self.session = None;
        // Pasted text belongs to the student who pasted it, not the next one.
        self.import.forget_paste_draft();
        if let Some(open) = self.open.take()
            && let Err(e) = open.store.close(self.now())
        {
            self.banner.push(tr!(
                "msg-progress-could-not-be",
                error = crate::i18n::message(&e.message())
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What the student asks for while the cards of the library just opened are read is
    /// kept in order, the same action twice in a row once; hiding the messages bar goes
    /// through and keeps the rest; choosing a profile goes through and drops the rest.
    #[test]
    fn actions_asked_for_while_the_cards_are_read_are_kept_in_order() {
        let mut read = CardsRead {
            profile: "student".into(),
            number: 0,
            job: super::super::jobs::Job::spawn("test-cards", || (Library::default(), true)),
            held: Vec::new(),
        };
        for a in [
            Action::StudyNow,
            Action::StudyNow,
            Action::OpenBrowse,
            Action::StudyNow,
        ] {
            assert_eq!(read.hold(a), None);
        }
        assert_eq!(
            read.hold(Action::DismissBanner),
            Some(Action::DismissBanner)
        );
        assert_eq!(
            read.held,
            [Action::StudyNow, Action::OpenBrowse, Action::StudyNow]
        );
        assert_eq!(read.hold(Action::OpenProfiles), Some(Action::OpenProfiles));
        assert!(read.held.is_empty());
        for _ in 0..100 {
            let _ = read.hold(Action::OpenStats(None));
            let _ = read.hold(Action::OpenSettings);
        }
        assert_eq!(read.held.len(), 64, "bounded");
    }
}
