//! Work the app runs off the interface thread so no frame waits on it: reading the whole
//! review history (statistics, the streak), the library's figures over a big collection
//! (today's counts and each deck's figures over every item), the statistics' figures from
//! the states, and decoding
//! a card's picture. Each job is a
//! thread that sends one result and then wakes the interface ([`Waker`]): the frame that
//! follows applies it. The app also polls at every frame while a job runs (asking for a
//! repaint now and then). A job whose result is no longer wanted is dropped: its thread
//! finishes and its result is discarded.

use crate::library::DeckStats;
use crate::library::{Library, Opening};
use crate::overview::{DeckRow, StudyNow};
use crate::schedule::{DoneToday, ReviewEntry, Settings, day};
use crate::session::Today;
use crate::store::{States, Store};
use chrono::{DateTime, FixedOffset, Utc};
use std::sync::{Arc, mpsc};

/// Wakes the interface when a job's result is ready, so the next frame is drawn at once
/// rather than at the app's next look ([`POLL_EVERY`]). It holds the egui context the app
/// last drew into; a job that ends before there is one wakes nothing (the first frame
/// polls it anyway). Cloning shares it.
#[derive(Clone, Default)]
pub(super) struct Waker(Arc<std::sync::Mutex<Option<egui::Context>>>);

impl Waker {
    /// Makes `ctx` the one to wake (the app calls it at every frame).
    pub(super) fn set(&self, ctx: &egui::Context) {
        if let Ok(mut held) = self.0.lock()
            && held.as_ref() != Some(ctx)
        {
            *held = Some(ctx.clone());
        }
    }

    /// Asks for a frame of the window now ([`WAKE_AFTER`]), if a context is known.
    fn wake(&self) {
        let ctx = self.0.lock().ok().and_then(|held| held.clone());
        if let Some(ctx) = ctx {
            ctx.request_repaint_after_for(WAKE_AFTER, egui::ViewportId::ROOT);
        }
    }
}

/// How soon after a job ends the window is drawn: at once, to the event loop. Not zero:
/// egui draws twice for each request of a frame at once (to let things settle), and a
/// job's result needs one frame (a test's `Harness::run` also steps only through frames
/// asked for at once, as before jobs woke the window).
pub const WAKE_AFTER: std::time::Duration = std::time::Duration::from_millis(1);

/// How often the app looks at its jobs while any runs, should a job's wake be missed: a
/// job that ends wakes the window itself, and a spinner asks for its own frames.
pub const POLL_EVERY: std::time::Duration = std::time::Duration::from_millis(250);

/// Wakes the interface when dropped (at the end of a job's thread, panicking or not).
struct WakeOnDrop(Waker);

impl Drop for WakeOnDrop {
    fn drop(&mut self) {
        self.0.wake();
    }
}

thread_local! {
    /// The waker of the app that is starting jobs on this thread ([`use_waker`]), taken
    /// by every [`Job::spawn`] (like the interface's language).
    static WAKER: std::cell::RefCell<Waker> = std::cell::RefCell::default();
}

/// Makes the jobs this thread starts from now on wake through `waker` (the app calls it
/// as it is made and at every frame).
pub(super) fn use_waker(waker: &Waker) {
    WAKER.with(|w| {
        if !Arc::ptr_eq(&w.borrow().0, &waker.0) {
            *w.borrow_mut() = waker.clone();
        }
    });
}

/// Collections with at least this many cards get their library figures and statistics
/// computed on another thread (each is O(items) or O(items log items): tens of
/// milliseconds from about 10,000 items on a slow PC). Smaller ones are computed at once, so the screen
/// never flashes a spinner.
pub const BACKGROUND_FROM_CARDS: usize = 5_000;

/// The library's figures: what was done today, the deck rows (library order) and what
/// "Study now" studies.
#[derive(Debug, Clone)]
pub struct Overview {
    /// Answers given today, by phase.
    pub done: DoneToday,
    /// One row per deck, in library order.
    pub rows: Vec<DeckRow>,
    /// What "Study now" studies (its decks in order, and today's counts).
    pub plan: StudyNow,
    /// Today's answers could not be read (the figures count none); why.
    pub unread: Option<String>,
}

impl Overview {
    /// The deck rows and "Study now" from each deck's figures and today's counts
    /// ([`crate::overview::figures`]). O(decks).
    fn from_figures(
        library: &Library,
        stats: Vec<DeckStats>,
        today: &Today,
        unread: Option<String>,
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Overview {
        let (rows, plan) =
            crate::overview::build_from(library, stats, today, now, offset, settings);
        Overview {
            done: today.done,
            rows,
            plan,
            unread,
        }
    }
}

/// The library's figures counted as a big profile opens, in its open job, right after
/// its files were read ([`ReadyFigures::count`]): the library takes them when it is
/// first shown ([`ReadyFigures::overview_for`]) instead of counting them again, so it
/// shows with its figures. They keep what they were counted for.
#[derive(Debug, Clone)]
pub struct ReadyFigures {
    stats: Vec<DeckStats>,
    today: Today,
    settings: Settings,
    offset: FixedOffset,
    day: i64,
}

impl ReadyFigures {
    /// Counts the figures of `library` over `store`'s states and today's answers, on two
    /// threads: the cards still to read of a library read in two steps (`cards`, whose
    /// preview `library` is) by their outline. `None` when today's answers cannot be
    /// read: the library counts them again when it is shown, and says why they count
    /// none. O(items).
    pub fn count(
        library: &Library,
        cards: Option<&Opening>,
        store: &Store,
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Option<ReadyFigures> {
        let answers = crate::session::answers_today(store, now, offset, settings).ok()?;
        let day = day::day_index(now, offset, settings.day_cutoff_hour);
        let states = store.states();
        let (stats, today) = match cards {
            Some(c) => c.figures(states, &answers, settings, now, offset, true),
            None => {
                crate::overview::figures(library, states, &answers, settings, now, offset, true)
            }
        };
        Some(ReadyFigures {
            stats,
            today,
            settings: settings.clone(),
            offset,
            day,
        })
    }

    /// The library's figures, if these were counted with `settings` and `offset` on the
    /// study day of `now` (for the same library and states: the caller takes them as the
    /// profile opens, before anything can change).
    pub fn overview_for(
        self,
        library: &Library,
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Option<Overview> {
        let day = day::day_index(now, offset, settings.day_cutoff_hour);
        if self.settings != *settings || self.offset != offset || self.day != day {
            return None;
        }
        let overview = Overview::from_figures(
            library,
            self.stats,
            &self.today,
            None,
            settings,
            now,
            offset,
        );
        Some(overview)
    }
}

/// What the library's figures are computed from: shared copies, so the work can run on
/// another thread while the interface goes on (the states are shared copy-on-write,
/// the library behind an `Arc`).
pub struct OverviewInput {
    /// The profile's decks.
    pub library: Arc<Library>,
    /// Every item's state.
    pub states: States,
    /// Today's answers (read by the caller: only today's, never the whole history), or
    /// why they could not be read.
    pub answers: Result<Vec<ReviewEntry>, String>,
    /// The profile's scheduling settings.
    pub settings: Settings,
    /// Now.
    pub now: DateTime<Utc>,
    /// The local UTC offset.
    pub offset: FixedOffset,
}

impl OverviewInput {
    /// Computes the figures: today's counts over every item of the library (daily limits
    /// per deck and overall, today's answers counted by phase) and each deck's figures
    /// from the states ([`crate::overview::figures`]), then the deck rows; with
    /// `two_threads`, on two threads. O(items).
    pub fn compute(self, two_threads: bool) -> Overview {
        let (answers, unread) = match self.answers {
            Ok(a) => (a, None),
            Err(e) => (Vec::new(), Some(e)),
        };
        let (library, settings) = (&self.library, &self.settings);
        let (now, offset) = (self.now, self.offset);
        // One pass over the items for both the deck figures and today's counts; with
        // `two_threads` (a big collection, counted in the background), in two halves
        // side by side (two cores: the streak's history read waits for these figures).
        let (stats, today) = crate::overview::figures(
            library,
            &self.states,
            &answers,
            settings,
            now,
            offset,
            two_threads,
        );
        Overview::from_figures(library, stats, &today, unread, settings, now, offset)
    }

    /// Computes the figures here when the collection is small, on another thread
    /// otherwise ([`BACKGROUND_FROM_CARDS`], or `background_from` when a test sets it).
    pub fn run(self, background_from: usize) -> Result<Overview, Job<Overview>> {
        let small = cards(&self.library) < background_from;
        here_or_job(small, "quizdeck-overview", move || self.compute(!small))
    }
}

/// The statistics' figures from the states (items by state, the forecast, the hardest
/// items with their names).
#[derive(Debug, Clone)]
pub struct StatesFigures {
    /// The figures (those from the history left empty).
    pub stats: crate::stats::Stats,
    /// "Deck › question" for each of `stats.hardest`.
    pub hardest_names: Vec<String>,
}

/// What the statistics' figures from the states are computed from (shared copies).
pub struct StatesInput {
    /// The profile's decks.
    pub library: Arc<Library>,
    /// The decks shown (empty: all).
    pub decks: Vec<crate::ids::DeckId>,
    /// Every item's state.
    pub states: States,
    /// Now.
    pub now: DateTime<Utc>,
    /// The local UTC offset.
    pub offset: FixedOffset,
    /// The study day's cut-off hour.
    pub cutoff_hour: u32,
}

impl StatesInput {
    /// Computes the figures: one pass over the decks' items (O(items)).
    pub fn compute(self) -> StatesFigures {
        let stats = crate::stats::from_states(
            &self.library.items(&self.decks),
            &self.states,
            self.now,
            self.offset,
            self.cutoff_hour,
        );
        let hardest_names = (stats.hardest.iter())
            .map(|h| {
                (self.library.get(&h.key.deck))
                    .and_then(|d| {
                        (d.deck.card(&h.key.card))
                            .map(|c| format!("{} › {}", d.deck.title, c.kind.prompt_text()))
                    })
                    .unwrap_or_else(|| h.key.to_string())
            })
            .collect();
        StatesFigures {
            stats,
            hardest_names,
        }
    }

    /// Computes the figures here when the collection is small, on another thread
    /// otherwise (as [`OverviewInput::run`]).
    pub fn run(self, background_from: usize) -> Result<StatesFigures, Job<StatesFigures>> {
        let small = cards(&self.library) < background_from;
        here_or_job(small, "quizdeck-stats", move || self.compute())
    }
}

/// `work`'s result now when `here`, otherwise a job running it on a thread named `name`.
pub(super) fn here_or_job<T: Send + 'static>(
    here: bool,
    name: &str,
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, Job<T>> {
    if here {
        Ok(work())
    } else {
        Err(Job::spawn(name, work))
    }
}

/// How many cards the library holds (O(decks)).
pub fn cards(library: &Library) -> usize {
    library.decks.iter().map(|d| d.deck.cards.len()).sum()
}

/// One piece of work running on its own thread.
#[derive(Debug)]
pub struct Job<T> {
    rx: mpsc::Receiver<T>,
}

/// Jobs that tests make end without a result: (the thread that starts it, its name).
static FAIL_NEXT: std::sync::Mutex<Vec<(std::thread::ThreadId, String)>> =
    std::sync::Mutex::new(Vec::new());

/// Makes the next job named `name` that this thread starts end without a result, as if
/// its work had panicked (tests: each runs on a thread of its own, so others' jobs are
/// not touched).
#[doc(hidden)]
pub fn fail_next(name: &str) {
    if let Ok(mut f) = FAIL_NEXT.lock() {
        f.push((std::thread::current().id(), name.to_owned()));
    }
}

/// Jobs that tests hold before their work starts: (the thread that starts it, its
/// name, what it waits for).
type Held = (std::thread::ThreadId, String, mpsc::Receiver<()>);
static HOLD_NEXT: std::sync::Mutex<Vec<Held>> = std::sync::Mutex::new(Vec::new());

/// Makes the next job named `name` that this thread starts wait, before its work, until
/// the returned sender sends (or is dropped). For tests, like [`fail_next`].
#[doc(hidden)]
pub fn hold_next(name: &str) -> mpsc::Sender<()> {
    let (go, wait) = mpsc::channel();
    if let Ok(mut h) = HOLD_NEXT.lock() {
        h.push((std::thread::current().id(), name.to_owned(), wait));
    }
    go
}

/// What the job `name` this thread starts now waits for first ([`hold_next`]).
fn held(name: &str) -> Option<mpsc::Receiver<()>> {
    let mut h = HOLD_NEXT.lock().ok()?;
    let me = std::thread::current().id();
    let i = h.iter().position(|(t, n, _)| *t == me && n == name)?;
    Some(h.swap_remove(i).2)
}

/// Whether the job `name` this thread starts now is to fail ([`fail_next`]).
pub(super) fn failing(name: &str) -> bool {
    let Ok(mut f) = FAIL_NEXT.lock() else {
        return false;
    };
    let me = std::thread::current().id();
    match f.iter().position(|(t, n)| *t == me && n == name) {
        Some(i) => {
            f.swap_remove(i);
            true
        }
        None => false,
    }
}

impl<T: Send + 'static> Job<T> {
    /// Starts `work` on a new thread named `name`; once its result is sent, the thread
    /// wakes the interface (the [`Waker`] this thread was given by [`use_waker`]). When
    /// the thread cannot be started, the work runs here instead (the result is then
    /// ready at once).
    pub fn spawn(name: &str, work: impl FnOnce() -> T + Send + 'static) -> Self {
        let fail = failing(name);
        let hold = held(name);
        let work = move || {
            if let Some(hold) = hold {
                let _ = hold.recv();
            }
            if fail {
                panic!("made to fail by a test");
            }
            work()
        };
        let (tx, rx) = mpsc::sync_channel(1);
        let work = std::sync::Arc::new(std::sync::Mutex::new(Some(work)));
        let theirs = work.clone();
        let tx2 = tx.clone();
        // Messages made by the work (an import's errors) are worded in the interface's
        // language, which lives on each thread.
        let lang = crate::i18n::language();
        let waker = WAKER.with(|w| w.borrow().clone());
        let started = std::thread::Builder::new()
            .name(name.to_owned())
            .spawn(move || {
                // Dropped in reverse order, also when the work panics: the result is sent
                // (or the channel closed) before the interface is woken to look at it.
                let _wake = WakeOnDrop(waker);
                let tx = tx2;
                crate::i18n::set_language(lang);
                let w = theirs.lock().ok().and_then(|mut w| w.take());
                if let Some(w) = w {
                    let _ = tx.send(w());
                }
            });
        if started.is_err() {
            let w = work.lock().ok().and_then(|mut w| w.take());
            if let Some(w) = w {
                let _ = tx.send(w());
            }
        }
        Job { rx }
    }

    /// The result if it has arrived (once); `None` while the work runs, and also when it
    /// ended without one: see [`Job::finished`], which tells the two apart.
    #[cfg(test)]
    pub fn poll(&self) -> Option<T> {
        self.rx.try_recv().ok()
    }

    /// Whether the work has ended (waiting for it when `wait`): `None` while it runs,
    /// `Some(None)` when it ended without a result (it panicked), else its result.
    pub fn finished(&self, wait: bool) -> Option<Option<T>> {
        if wait {
            return Some(self.wait());
        }
        match self.rx.try_recv() {
            Ok(v) => Some(Some(v)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(None),
        }
    }

    /// Waits for the result (`None` if the work panicked).
    pub fn wait(&self) -> Option<T> {
        self.rx.recv().ok()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A job that ends, with a result or panicking, asks the context its app draws into
    /// for a frame at once ([`WAKE_AFTER`]); one started before the app had a context
    /// wakes it too.
    #[test]
    fn a_job_that_ends_wakes_the_interface() {
        let ctx = egui::Context::default();
        let (asked, repaints) = mpsc::channel();
        // Every request (the callback a window uses is only told of the first until a
        // frame is drawn).
        ctx.set_repaint_observer(move |info| {
            let _ = asked.send(info.delay);
        });
        let waker = Waker::default();
        use_waker(&waker);
        let gate = Arc::new(std::sync::Barrier::new(2));
        let g = gate.clone();
        let early = Job::spawn("test", move || {
            g.wait();
            1
        });
        waker.set(&ctx);
        let wait = std::time::Duration::from_secs(30);
        assert!(repaints.try_recv().is_err(), "nothing ended yet");
        gate.wait();
        assert_eq!(repaints.recv_timeout(wait), Ok(WAKE_AFTER));
        assert_eq!(early.wait(), Some(1));
        let panics: Job<u8> = Job::spawn("test", || panic!("boom"));
        assert_eq!(repaints.recv_timeout(wait), Ok(WAKE_AFTER));
        assert_eq!(panics.wait(), None);
        // Drawn into another context, the app wakes that one.
        let other = egui::Context::default();
        let (asked_other, other_repaints) = mpsc::channel();
        other.set_repaint_observer(move |info| {
            let _ = asked_other.send(info.delay);
        });
        waker.set(&other);
        assert_eq!(Job::spawn("test", || 3).wait(), Some(3));
        assert_eq!(other_repaints.recv_timeout(wait), Ok(WAKE_AFTER));
        assert!(
            repaints.try_recv().is_err(),
            "the old context is left alone"
        );
        // Another app's jobs wake its own context, not this one.
        use_waker(&Waker::default());
        assert_eq!(Job::spawn("test", || 2).wait(), Some(2));
        assert!(
            repaints
                .recv_timeout(std::time::Duration::from_millis(200))
                .is_err(),
            "woken by a job of another app"
        );
    }

    #[test]
    fn a_job_gives_its_result_once_and_waits() {
        let gate = std::sync::Arc::new(std::sync::Barrier::new(2));
        let g = gate.clone();
        let job = Job::spawn("test", move || {
            g.wait();
            42
        });
        assert_eq!(job.poll(), None);
        gate.wait();
        assert_eq!(job.wait(), Some(42));
        assert_eq!(job.poll(), None);
        let panics: Job<u8> = Job::spawn("test", || panic!("boom"));
        assert_eq!(panics.wait(), None);
        let panics: Job<u8> = Job::spawn("test", || panic!("boom"));
        while panics.finished(false).is_none() {
            std::thread::yield_now();
        }
        assert_eq!(panics.finished(false), Some(None), "a panic ends the job");
        assert_eq!(Job::spawn("test", || 7).finished(true), Some(Some(7)));
    }
}
