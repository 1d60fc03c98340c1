//! Starting a session: over decks, "Study now"'s plan or chosen items; its queue built
//! at once for a small set, on another thread for a big one (the study screen shows a
//! spinner meanwhile).

use super::super::jobs;
use super::{Screen, StudyScreen, deck_title};
use crate::ids::{DeckId, ItemKey};
use crate::session::Session;
use crate::tr;
use crate::ui::QuizApp;

/// Studies these decks (all decks when empty).
pub(in crate::ui) fn start(app: &mut QuizApp, decks: Vec<DeckId>) {
    let Some(open) = &app.open else { return };
    let items = open.library.items(&decks);
    let label = match decks.as_slice() {
        [] => tr!("app-all-decks"),
        ids => ids
            .iter()
            .map(|id| deck_title(open, id))
            .collect::<Vec<_>>()
            .join(", "),
    };
    let settings = open.settings.schedule.clone();
    app.start_session(items, settings, false, Some(label));
}

/// Studies what is due today, then new items.
pub(in crate::ui) fn study_now(app: &mut QuizApp) {
    let now = app.now();
    let Some(open) = &mut app.open else { return };
    // The plan of the figures shown (computed again if they are not).
    let plan = match open.plan.take() {
        Some(plan) => plan,
        None => {
            QuizApp::overview_input(open, now, app.offset)
                .compute(false)
                .plan
        }
    };
    let settings = crate::overview::StudyNow::session_settings(&open.settings.schedule);
    let items = plan.items(&open.library);
    app.start_session(items, settings, false, None);
}

/// Studies these items now, due or not.
pub(in crate::ui) fn study_items(app: &mut QuizApp, items: Vec<ItemKey>) {
    let Some(open) = &app.open else { return };
    let settings = open.settings.schedule.clone();
    app.start_session(items, settings, true, None);
}

/// A session whose queue is being built in the background, and the study screen's
/// header for it.
pub(in crate::ui) struct Starting {
    job: jobs::Job<crate::session::Result<Session>>,
    decks_label: Option<String>,
}

impl QuizApp {
    /// Starts a session over `items` (due today under `settings`, or all of them now
    /// when `cram`): its queue is built here for a small set, on another thread from
    /// [`jobs::BACKGROUND_FROM_CARDS`] items (the study screen shows a spinner
    /// meanwhile). The store is only read: the states are shared copy-on-write.
    fn start_session(
        &mut self,
        items: Vec<ItemKey>,
        settings: crate::schedule::Settings,
        cram: bool,
        decks_label: Option<String>,
    ) {
        let (now, offset) = (self.now(), self.offset);
        let Some(open) = &self.open else { return };
        let states = open.store.states().clone();
        let answers = if cram {
            Vec::new()
        } else {
            // (Answers that cannot be read count as none here; the library says so.)
            crate::session::answers_today(&open.store, now, offset, &settings).unwrap_or_default()
        };
        let here = items.len() < self.background_from;
        let work = move || {
            if cram {
                Session::start_cram_from(items, &states, &settings, now, offset)
            } else {
                Session::start_from(items, &states, &answers, &settings, now, offset)
            }
        };
        self.session_job = None;
        if here {
            self.begin_session(work());
            if let (Screen::Study(s), Some(label)) = (&mut self.screen, decks_label) {
                s.decks_label = label;
            }
        } else {
            self.session_job = Some(Starting {
                job: jobs::Job::spawn("quizdeck-session", work),
                decks_label,
            });
            self.session = None;
            self.screen = Screen::Study(Box::new(StudyScreen {
                preparing: true,
                ..StudyScreen::default()
            }));
        }
    }

    /// A session's queue built in the background has arrived: its first item shows
    /// (unless the student went back meanwhile). Waits for it when `wait`.
    pub(in crate::ui) fn poll_session_job(&mut self, wait: bool) {
        let Some(starting) = &self.session_job else {
            return;
        };
        let Some(result) = starting.job.finished(wait) else {
            return;
        };
        let Starting { decks_label, .. } = self.session_job.take().expect("checked above");
        if !matches!(&self.screen, Screen::Study(s) if s.preparing) {
            return;
        }
        match result {
            Some(started) => {
                self.begin_session(started);
                if let (Screen::Study(s), Some(label)) = (&mut self.screen, decks_label) {
                    s.decks_label = label;
                }
            }
            None => {
                self.banner.push(tr!(
                    "msg-could-not-start-studying",
                    error = tr!("msg-opening-stopped")
                ));
            }
        }
        if matches!(&self.screen, Screen::Study(s) if s.preparing) {
            // It could not start: back to the library, which says why.
            self.show_library();
        }
    }

    /// True while a session's queue is being built in the background.
    pub fn session_preparing(&self) -> bool {
        self.session_job.is_some()
    }
}
