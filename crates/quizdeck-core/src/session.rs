//! A study session: the queue of today's items over some decks, answering (scheduled,
//! then written durably to the store before the next item shows), undo, and the summary.
//! The clock is always passed in.

use crate::ids::{DeckId, ItemKey};
use crate::schedule::StateLookup;
use crate::schedule::queue::DeckTally;
use crate::schedule::{
    self, Blocked, Counts, DeckToday, DoneToday, ItemState, Preview, Queue, QueuedItem, Rating,
    ReviewEntry, Scheduler, Settings, day,
};
use crate::store::{self, Store};
use chrono::{DateTime, FixedOffset, Utc};

/// Errors of a study session.
#[derive(Debug, thiserror::Error)]
pub enum SessionError {
    /// The settings are out of range.
    #[error("{}", self.message())]
    Settings(#[from] schedule::Error),
    /// The answer could not be saved; it was not applied and can be given again.
    #[error("{}", self.message())]
    Store(#[from] store::StoreError),
}

impl SessionError {
    /// What went wrong, as a message for any language.
    pub fn message(&self) -> crate::message::Message {
        use crate::message::Message;
        match self {
            SessionError::Settings(e) => {
                Message::new("session-bad-settings").arg("reason", e.message())
            }
            SessionError::Store(e) => Message::new("session-not-saved").arg("error", e.message()),
        }
    }
}

/// Result alias of sessions.
pub type Result<T, E = SessionError> = std::result::Result<T, E>;

/// What happened when an answer was recorded.
#[derive(Debug, Clone, PartialEq)]
pub struct Answered {
    /// The item's new state.
    pub state: ItemState,
    /// The answer reached a leech threshold: it marked the item a leech (and suspended it
    /// when the leech action says so), or, for an item already marked, it is the warning
    /// repeated every half threshold of lapses.
    pub(crate) became_leech: bool,
    /// `None` when the answer is on disk. Otherwise writing it failed (e.g. the disk is
    /// full) and this says why: the answer counts and is kept in memory, and the store
    /// writes it with the next answer or when retried ([`Store::retry_unsaved`]).
    pub unsaved: Option<String>,
}

/// Figures for the end-of-session summary.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Summary {
    /// Answers given (undone ones excluded).
    pub studied: u32,
    /// Different items answered (an item answered three times counts once).
    pub items: u32,
    /// Items answered wrong or rated Again at least once, in the order first missed.
    pub mistakes: Vec<ItemKey>,
    /// Items still in their learning steps that come back later today.
    pub later_today: u32,
    /// When the first of them is due.
    pub next_due: Option<DateTime<Utc>>,
    /// Answers not rated Again.
    pub remembered: u32,
    /// Interactive answers judged right / judged at all.
    pub(crate) judged_right: u32,
    /// Interactive answers judged.
    pub judged: u32,
    /// Time spent answering, in seconds.
    pub time_secs: u64,
    /// Items of these decks due tomorrow (reviews and learning).
    pub due_tomorrow: usize,
    /// Items that reached a leech threshold during the session.
    pub leeches: Vec<ItemKey>,
}

impl Summary {
    /// Share of answers not rated Again, 0–1 (0 when nothing was studied).
    pub fn accuracy(&self) -> f32 {
        if self.studied == 0 {
            0.0
        } else {
            self.remembered as f32 / self.studied as f32
        }
    }
}

#[derive(Debug, Clone)]
struct Given {
    rating: Rating,
    duration_ms: u32,
    correct: Option<bool>,
    became_leech: bool,
    key: ItemKey,
}

/// Today's answers (from the start of the study day), for the daily limits: what
/// [`Session::start_from`] takes ([`Store::answers_since`]: never the whole history).
pub fn answers_today(
    store: &Store,
    now: DateTime<Utc>,
    offset: FixedOffset,
    settings: &Settings,
) -> crate::store::Result<Vec<ReviewEntry>> {
    let today = day::day_index(now, offset, settings.day_cutoff_hour);
    let since = day::day_start(today, offset, settings.day_cutoff_hour);
    store.answers_since(since)
}

/// One sitting of study over a set of items.
#[derive(Debug)]
pub struct Session {
    scheduler: Scheduler,
    settings: Settings,
    /// Today's queue, which also holds the session's items (each once, in order): a
    /// second list of them took 56 bytes an item.
    queue: Queue,
    given: Vec<Given>,
    /// Answers before this many cannot be undone (the queue was rebuilt since).
    undo_floor: usize,
}

/// What can be studied today over some items: the totals and each deck's share.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Today {
    /// New · learning · review left today over all the items (deck limits and caps).
    pub total: Counts,
    /// Each deck's figures, in the order decks first appear in the items.
    pub decks: Vec<DeckToday>,
    /// What the profile already answered today (new items and reviews, by the phase each
    /// answer was given in), over all decks.
    pub done: DoneToday,
}

/// Practice-test answers fed into the study schedule as the answers of a session over
/// those items (right: Good, wrong: Again; suspended items left out), so they are
/// scheduled and written exactly as study answers. Returns how many were recorded and
/// the error that stopped the rest (an answer that cannot be written is kept in memory,
/// unsaved, as in study).
pub fn record_practice(
    store: &mut Store,
    answers: &[(ItemKey, bool)],
    settings: &Settings,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> (usize, Option<SessionError>) {
    let mut seen = std::collections::HashSet::new();
    let items: Vec<ItemKey> = (answers.iter())
        .filter(|(k, _)| seen.insert(k.clone()))
        .map(|(k, _)| k.clone())
        .collect();
    let mut session = match Session::start_cram(items, store, settings, now, offset) {
        Ok(s) => s,
        Err(e) => return (0, Some(e)),
    };
    let mut recorded = 0;
    for (key, right) in answers {
        if store.state(key).is_some_and(|s| s.suspended) {
            continue;
        }
        let rating = if *right { Rating::Good } else { Rating::Again };
        match session.answer(store, key, rating, 0, None, now, offset) {
            Ok(_) => recorded += 1,
            Err(e) => return (recorded, Some(e)),
        }
    }
    (recorded, None)
}

/// What can really be studied today from `items` (e.g. every deck of the library): per
/// deck within its own limits, and in total under the overall caps, counting today's
/// answers by phase ([`Store::answers_since`]: only today's answers are read, never the
/// whole history). O(items log items + today's answers); call when data changes. An error
/// when today's answers cannot be read: the caller says so rather than show limits reset
/// to zero.
pub fn today(
    items: &[ItemKey],
    store: &Store,
    settings: &Settings,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> crate::store::Result<Today> {
    let history = answers_today(store, now, offset, settings)?;
    Ok(today_from(
        items,
        store.states(),
        &history,
        settings,
        now,
        offset,
    ))
}

/// [`today`] from given states and today's answers (`answers`; older entries are
/// ignored): pure. Given the items (a `Vec`), the queue that counts them keeps them
/// instead of copying them.
pub fn today_from(
    items: impl Into<Vec<ItemKey>>,
    states: &impl StateLookup,
    answers: &[ReviewEntry],
    settings: &Settings,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Today {
    today_with(answers, settings, now, offset, |done, by_deck| {
        let q = Queue::with_decks(items.into(), states, done, by_deck, now, offset, settings);
        (q.counts(), q.deck_counts())
    })
}

/// [`today_from`] from each deck's tally of its items ([`schedule::queue::Tally`]), each
/// deck once and in order, instead of a list of items: the same figures with no queue
/// built. O(decks + today's answers).
pub(crate) fn today_from_tallies(
    decks: impl IntoIterator<Item = (DeckId, DeckTally)>,
    answers: &[ReviewEntry],
    settings: &Settings,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Today {
    today_with(answers, settings, now, offset, |done, by_deck| {
        schedule::queue::today_from_tallies(decks, done, by_deck, settings, now, offset)
    })
}

/// Today's figures: today's `answers` counted by deck and phase, then the totals and
/// each deck's share counted by `count` from them.
fn today_with(
    answers: &[ReviewEntry],
    settings: &Settings,
    now: DateTime<Utc>,
    offset: FixedOffset,
    count: impl FnOnce(
        DoneToday,
        &std::collections::HashMap<DeckId, DoneToday>,
    ) -> (Counts, Vec<DeckToday>),
) -> Today {
    let (done, by_deck) =
        DoneToday::by_deck_from_history(answers, now, offset, settings.day_cutoff_hour);
    let (total, decks) = count(done, &by_deck);
    Today { total, decks, done }
}

impl Session {
    /// Builds today's queue over `items` (in deck order) from the stored states.
    pub fn start(
        items: Vec<ItemKey>,
        store: &Store,
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<Session> {
        // (A history that cannot be read counts as no answers here; the library says so.)
        let history = answers_today(store, now, offset, settings).unwrap_or_default();
        Self::start_from(items, store, &history, settings, now, offset)
    }

    /// [`Session::start`] from given states and today's answers ([`answers_today`]):
    /// pure, so a big collection's queue can be built on another thread over a shared
    /// copy of the states. O(items log items).
    pub fn start_from(
        items: Vec<ItemKey>,
        states: &impl StateLookup,
        answers: &[ReviewEntry],
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<Session> {
        let scheduler = Scheduler::new(settings.clone())?;
        let queue = Self::queue_from(items, states, answers, settings, now, offset);
        Ok(Session {
            scheduler,
            settings: settings.clone(),
            queue,
            given: Vec::new(),
            undo_floor: 0,
        })
    }

    fn build_queue(
        items: &[ItemKey],
        store: &Store,
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Queue {
        // (A history that cannot be read counts as no answers here; the library says so.)
        let history = answers_today(store, now, offset, settings).unwrap_or_default();
        Self::queue_from(items.to_vec(), store, &history, settings, now, offset)
    }

    /// Today's queue over `items` given today's answers (`history`), counted by the phase
    /// they were given in: learning steps are not reviews.
    fn queue_from(
        items: Vec<ItemKey>,
        states: &impl StateLookup,
        history: &[ReviewEntry],
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Queue {
        let (done, by_deck) =
            DoneToday::by_deck_from_history(history, now, offset, settings.day_cutoff_hour);
        Queue::with_decks(items, states, done, &by_deck, now, offset, settings)
    }

    /// Rebuilds the queue under new settings (e.g. after "Study 10 more new today"),
    /// keeping the session's answers for the summary. Earlier answers can no longer be
    /// undone.
    pub fn apply_settings(
        &mut self,
        store: &Store,
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<()> {
        self.scheduler = Scheduler::new(settings.clone())?;
        self.settings = settings.clone();
        self.queue = Self::build_queue(self.queue.keys(), store, settings, now, offset);
        self.undo_floor = self.given.len();
        Ok(())
    }

    /// What holds items back and what comes later, when nothing is left to show now.
    /// O(items): call when the queue runs dry, not per frame.
    pub fn blocked(&self) -> Blocked {
        self.queue.blocked()
    }

    /// Each deck's figures left today in this session. O(items).
    pub(crate) fn deck_counts(&self) -> Vec<DeckToday> {
        self.queue.deck_counts()
    }

    /// Rebuilds today's queue when the study day has changed since it was built (a session
    /// left open past the day cut-off). Returns true when it did.
    pub fn refresh_if_new_day(
        &mut self,
        store: &Store,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> bool {
        if !self.queue.is_stale(now) {
            return false;
        }
        self.queue = Self::build_queue(self.queue.keys(), store, &self.settings, now, offset);
        self.undo_floor = self.given.len();
        true
    }

    /// A session over exactly `items`, shown now whether due or not (e.g. "study the
    /// hardest items"): answers are scheduled and stored as usual, as early reviews.
    /// Suspended items are left out.
    pub fn start_cram(
        items: Vec<ItemKey>,
        store: &Store,
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<Session> {
        Self::start_cram_from(items, store, settings, now, offset)
    }

    /// [`Session::start_cram`] from given states (pure, as [`Session::start_from`]).
    pub fn start_cram_from(
        items: Vec<ItemKey>,
        stored: &impl StateLookup,
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<Session> {
        let scheduler = Scheduler::new(settings.clone())?;
        let mut states = std::collections::HashMap::new();
        for k in &items {
            if let Some(s) = stored.state(k) {
                states.insert(
                    k.clone(),
                    ItemState {
                        due: now,
                        ..s.clone()
                    },
                );
            }
        }
        let unlimited = Settings {
            new_per_day: u32::MAX,
            reviews_per_day: u32::MAX,
            deck_new_per_day: u32::MAX,
            deck_reviews_per_day: u32::MAX,
            deck_limits: Default::default(),
            bury_siblings: false,
            ..settings.clone()
        };
        let queue = Queue::with_decks(
            items,
            &states,
            DoneToday::default(),
            &std::collections::HashMap::new(),
            now,
            offset,
            &unlimited,
        );
        Ok(Session {
            scheduler,
            settings: settings.clone(),
            queue,
            given: Vec::new(),
            undo_floor: 0,
        })
    }

    /// `base` (the profile's schedule settings) allowing `n` more new items today (day
    /// `today`) in this session's decks: spread over the decks that hold new items back, in order; when
    /// only the overall cap holds them, the session's first deck gets them. Apply them
    /// with [`Session::apply_settings`] (and keep them with the profile).
    pub fn more_new_settings(&self, base: &Settings, n: u32, today: i64) -> Settings {
        let mut settings = base.clone();
        let mut left = n;
        for d in self.blocked().decks.iter().filter(|d| d.held_new > 0) {
            let take = left.min(d.held_new);
            settings.add_extra_new(d.deck.as_str(), take, today);
            left -= take;
            if left == 0 {
                break;
            }
        }
        if left > 0
            && let Some(d) = self.deck_counts().first()
        {
            settings.add_extra_new(d.deck.as_str(), left, today);
        }
        settings
    }

    /// The item to show now, if any.
    pub fn next(&self, now: DateTime<Utc>) -> Option<QueuedItem> {
        self.queue.next(now)
    }

    /// When the next learning item comes due, if the queue is only waiting for one.
    pub fn next_learning_due(&self) -> Option<DateTime<Utc>> {
        self.queue.next_learning_due()
    }

    /// New · learning · review counts still to do.
    pub fn counts(&self) -> Counts {
        self.queue.counts()
    }

    /// Answers given so far in this session.
    pub fn answered_count(&self) -> usize {
        self.given.len()
    }

    /// The four rating choices for `key`, with their next intervals.
    pub fn preview(
        &self,
        key: &ItemKey,
        store: &Store,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Preview {
        let state = store
            .state(key)
            .cloned()
            .unwrap_or_else(|| ItemState::new(now));
        self.scheduler.preview(key, &state, now, offset)
    }

    /// Schedules the answer, writes it durably (fsync) and only then updates the queue.
    /// `correct` is the verdict of an interactive card (None for self-rated ones).
    ///
    /// When the write fails with an I/O error (a full disk), the answer still counts: it
    /// is kept in memory, unsaved, and written before anything else by the next answer or
    /// a retry ([`Answered::unsaved`] says why it is not on disk yet). Other store errors
    /// (a read-only profile) leave everything unchanged.
    #[allow(clippy::too_many_arguments)]
    pub fn answer(
        &mut self,
        store: &mut Store,
        key: &ItemKey,
        rating: Rating,
        duration_ms: u32,
        correct: Option<bool>,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Result<Answered> {
        let before = store.state(key).cloned();
        let current = before.clone().unwrap_or_else(|| ItemState::new(now));
        let after = self.scheduler.answer(key, &current, rating, now, offset);
        let entry = ReviewEntry {
            key: key.clone(),
            rating,
            at: now,
            duration_ms,
            phase: current.phase,
        };
        let kept = store.record_answer_or_keep(entry, before, after.clone())?;
        self.queue.answered(key, &after, now)?;
        let became_leech = self.scheduler.is_leech_warning(&current, &after);
        self.given.push(Given {
            rating,
            duration_ms,
            correct,
            became_leech,
            key: key.clone(),
        });
        Ok(Answered {
            state: after,
            became_leech,
            unsaved: kept.unsaved.map(|e| e.to_string()),
        })
    }

    /// Undoes the last answer of this session (in the store and the queue). Returns the
    /// item to show again. Like an answer, an undo that cannot be written is kept in
    /// memory, unsaved ([`Store::unsaved_count`]).
    pub fn undo(&mut self, store: &mut Store, now: DateTime<Utc>) -> Result<Option<ItemKey>> {
        if !self.can_undo() {
            return Ok(None);
        }
        let Some(undone) = store.undo_last_or_keep(now)? else {
            return Ok(None);
        };
        self.given.pop();
        self.queue.undo();
        Ok(Some(undone.value.entry.key))
    }

    /// True when an answer of this session can be undone.
    pub fn can_undo(&self) -> bool {
        self.given.len() > self.undo_floor
    }

    /// The summary figures. Counts tomorrow's due items over the session's items: call
    /// once at the end, not per frame.
    pub fn summary(&self, store: &Store, now: DateTime<Utc>, offset: FixedOffset) -> Summary {
        let cutoff = self.settings.day_cutoff_hour;
        let today = day::day_index(now, offset, cutoff);
        let tomorrow_end = day::day_start(today + 2, offset, cutoff);
        let tomorrow_start = day::day_start(today + 1, offset, cutoff);
        let due_tomorrow = (self.queue.keys().iter())
            .filter_map(|k| store.state(k))
            .filter(|s| !s.suspended && s.due >= tomorrow_start && s.due < tomorrow_end)
            .count();
        let judged: Vec<bool> = self.given.iter().filter_map(|g| g.correct).collect();
        let mut seen = std::collections::HashSet::new();
        let items = self.given.iter().filter(|g| seen.insert(&g.key)).count() as u32;
        let mut missed = std::collections::HashSet::new();
        let mistakes = self
            .given
            .iter()
            .filter(|g| g.rating == Rating::Again || g.correct == Some(false))
            .filter(|g| missed.insert(&g.key))
            .map(|g| g.key.clone())
            .collect();
        Summary {
            studied: self.given.len() as u32,
            items,
            mistakes,
            later_today: self.queue.counts().learning,
            next_due: self.queue.next_learning_due(),
            remembered: self
                .given
                .iter()
                .filter(|g| g.rating != Rating::Again)
                .count() as u32,
            judged_right: judged.iter().filter(|c| **c).count() as u32,
            judged: judged.len() as u32,
            time_secs: self.given.iter().map(|g| g.duration_ms as u64).sum::<u64>() / 1000,
            due_tomorrow,
            leeches: self
                .given
                .iter()
                .filter(|g| g.became_leech)
                .map(|g| g.key.clone())
                .collect(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::{OpenOptions, Store};
    use chrono::TimeDelta;

    fn t0() -> DateTime<Utc> {
        "2026-03-02T09:00:00Z".parse().unwrap()
    }

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    /// An empty profile's store in a temporary folder (kept as long as the folder).
    fn fresh_store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let (store, _) = Store::open(dir.path(), &OpenOptions::default(), t0()).unwrap();
        (dir, store)
    }

    fn items(n: usize) -> Vec<ItemKey> {
        (0..n)
            .map(|i| ItemKey::new("d", format!("c{i}").as_str(), 0))
            .collect()
    }

    #[test]
    fn practice_answers_are_scheduled_as_study_answers_and_skip_suspended_items() {
        let (dir, mut store) = fresh_store();
        let settings = Settings::default();
        let keys = items(3);
        store.set_suspended(&keys[2], true, t0()).unwrap();
        // The same item twice (two questions on one card), a wrong one, a suspended one.
        let answers = vec![
            (keys[0].clone(), true),
            (keys[0].clone(), true),
            (keys[1].clone(), false),
            (keys[2].clone(), true),
        ];
        let (n, err) = record_practice(&mut store, &answers, &settings, t0(), utc());
        assert!(err.is_none(), "{err:?}");
        assert_eq!(n, 3);
        // As a study session would have scheduled them.
        let mut study = Store::open(&dir.path().join("other"), &OpenOptions::default(), t0())
            .unwrap()
            .0;
        let mut s =
            Session::start_cram(keys[..2].to_vec(), &study, &settings, t0(), utc()).unwrap();
        for (k, right) in &answers[..3] {
            let r = if *right { Rating::Good } else { Rating::Again };
            s.answer(&mut study, k, r, 0, None, t0(), utc()).unwrap();
        }
        for k in &keys[..2] {
            assert_eq!(store.state(k), study.state(k), "{k}");
        }
        assert!(store.state(&keys[2]).unwrap().suspended);
        assert_eq!(store.state(&keys[2]).unwrap().reps, 0);
    }

    #[test]
    fn answers_are_stored_before_the_queue_moves_and_undo_restores() {
        let (dir, mut store) = fresh_store();
        let settings = Settings::default();
        let mut s = Session::start(items(3), &store, &settings, t0(), utc()).unwrap();
        assert_eq!(s.counts().new, 3);
        let first = s.next(t0()).unwrap().key;
        assert_eq!(first, ItemKey::new("d", "c0", 0));
        let preview = s.preview(&first, &store, t0(), utc());
        assert_eq!(preview.choices[0].label(), "<1m");
        s.answer(
            &mut store,
            &first,
            Rating::Good,
            4000,
            Some(true),
            t0(),
            utc(),
        )
        .unwrap();
        assert!(store.state(&first).is_some(), "answer must be in the store");
        // A reopened store (a crash right now) still has it.
        let dir2 = dir.path().to_owned();
        drop(store);
        let (mut store, report) = Store::open(&dir2, &OpenOptions::default(), t0()).unwrap();
        assert!(report.is_empty(), "{report}");
        assert!(store.state(&first).is_some());
        let mut s = Session::start(items(3), &store, &settings, t0(), utc()).unwrap();
        let next = s.next(t0()).unwrap().key;
        assert_eq!(next, ItemKey::new("d", "c1", 0));
        s.answer(
            &mut store,
            &next,
            Rating::Again,
            2000,
            Some(false),
            t0(),
            utc(),
        )
        .unwrap();
        assert_eq!(s.undo(&mut store, t0()).unwrap(), Some(next.clone()));
        assert!(store.state(&next).is_none(), "undo restores 'new'");
        assert_eq!(s.next(t0()).unwrap().key, next);
        assert!(!s.can_undo());
    }

    #[test]
    fn a_session_left_open_past_the_cut_off_rebuilds_its_queue() {
        let (_dir, mut store) = fresh_store();
        let settings = Settings {
            new_per_day: 1,
            ..Settings::default()
        };
        let mut s = Session::start(items(3), &store, &settings, t0(), utc()).unwrap();
        let first = s.next(t0()).unwrap().key;
        s.answer(&mut store, &first, Rating::Easy, 1000, None, t0(), utc())
            .unwrap();
        assert!(
            s.next(t0()).is_none(),
            "the daily limit of one new item is used"
        );
        assert!(!s.refresh_if_new_day(&store, t0(), utc()));
        let tomorrow = t0() + TimeDelta::days(1);
        assert!(s.refresh_if_new_day(&store, tomorrow, utc()));
        assert_eq!(s.next(tomorrow).unwrap().key, ItemKey::new("d", "c1", 0));
    }

    fn deck_items(deck: &str, n: usize) -> Vec<ItemKey> {
        (0..n)
            .map(|i| ItemKey::new(deck, format!("c{i}").as_str(), 0))
            .collect()
    }

    #[test]
    fn each_deck_has_its_own_limit_under_the_overall_cap() {
        let (_dir, mut store) = fresh_store();
        let settings = Settings {
            new_per_day: 30,
            deck_new_per_day: 20,
            ..Settings::default()
        };
        let mut all = deck_items("a", 25);
        all.extend(deck_items("b", 25));
        let t = today(&all, &store, &settings, t0(), utc()).unwrap();
        assert_eq!(t.total.new, 30, "the overall cap");
        assert_eq!((t.decks[0].new, t.decks[0].held_new), (20, 5));
        assert_eq!((t.decks[1].new, t.decks[1].held_new), (20, 5));
        let mut s = Session::start(deck_items("a", 25), &store, &settings, t0(), utc()).unwrap();
        let mut n = 0;
        while let Some(q) = s.next(t0()) {
            assert_eq!(q.kind, schedule::QueueKind::New);
            s.answer(&mut store, &q.key, Rating::Easy, 1000, None, t0(), utc())
                .unwrap();
            n += 1;
        }
        assert_eq!(n, 20, "deck a's own limit");
        let blocked = s.blocked();
        assert_eq!(blocked.decks.len(), 1);
        assert_eq!(blocked.decks[0].held_new, 5);
        assert_eq!(blocked.decks[0].limits.new_per_day, 20);
        assert_eq!(blocked.new_cap, None);
        // Deck b still offers what is left of the overall cap (10), also after a restart.
        let t = today(&all, &store, &settings, t0(), utc()).unwrap();
        assert_eq!((t.decks[0].new, t.decks[1].new, t.total.new), (0, 10, 10));
        // "Study 5 more new today" in deck a.
        let mut more = settings.clone();
        more.add_extra_new("a", 5, day::day_index(t0(), utc(), more.day_cutoff_hour));
        s.apply_settings(&store, &more, t0(), utc()).unwrap();
        assert_eq!(s.counts().new, 5);
        assert!(!s.can_undo(), "answers before the rebuild are not undone");
        assert_eq!(s.summary(&store, t0(), utc()).studied, 20);
    }

    #[test]
    fn learning_steps_do_not_count_as_reviews_after_a_restart() {
        let (_dir, mut store) = fresh_store();
        let settings = Settings {
            reviews_per_day: 1,
            deck_reviews_per_day: 1,
            ..Settings::default()
        };
        let mut s = Session::start(items(2), &store, &settings, t0(), utc()).unwrap();
        // Three answers to learning steps of new items: none is a review.
        let mut now = t0();
        for _ in 0..3 {
            let q = s.next(now).unwrap();
            s.answer(&mut store, &q.key, Rating::Good, 1000, None, now, utc())
                .unwrap();
            now += TimeDelta::minutes(1);
        }
        let restarted = Session::start(items(2), &store, &settings, now, utc()).unwrap();
        assert_eq!(restarted.queue.done_today().reviews, 0);
        assert_eq!(restarted.queue.done_today().new, 2);
    }

    #[test]
    fn summary_counts_items_apart_from_answers_and_lists_mistakes() {
        let (_dir, mut store) = fresh_store();
        let settings = Settings::default();
        let mut s = Session::start(items(2), &store, &settings, t0(), utc()).unwrap();
        let k0 = ItemKey::new("d", "c0", 0);
        let k1 = ItemKey::new("d", "c1", 0);
        for (k, rating, right) in [
            (&k0, Rating::Again, false),
            (&k1, Rating::Good, true),
            (&k0, Rating::Again, false),
        ] {
            s.answer(&mut store, k, rating, 1000, Some(right), t0(), utc())
                .unwrap();
        }
        let sum = s.summary(&store, t0(), utc());
        assert_eq!((sum.studied, sum.items), (3, 2));
        assert_eq!(sum.mistakes, vec![k0]);
        assert_eq!(sum.later_today, 2, "both are in their learning steps");
        assert_eq!(sum.next_due, Some(t0() + TimeDelta::minutes(1)));
    }

    #[test]
    fn cram_sessions_show_items_that_are_not_due() {
        let (_dir, mut store) = fresh_store();
        let key = ItemKey::new("d", "c0", 0);
        let mut later = ItemState::new(t0());
        later.phase = crate::schedule::Phase::Review;
        later.due = t0() + TimeDelta::days(30);
        later.interval_days = 30;
        store
            .set_state(
                key.clone(),
                Some(later),
                crate::store::ChangeReason::Edit,
                t0(),
            )
            .unwrap();
        let settings = Settings::default();
        let normal = Session::start(vec![key.clone()], &store, &settings, t0(), utc()).unwrap();
        assert!(normal.next(t0()).is_none(), "not due in a normal session");
        let mut cram =
            Session::start_cram(vec![key.clone()], &store, &settings, t0(), utc()).unwrap();
        assert_eq!(cram.next(t0()).unwrap().key, key);
        cram.answer(&mut store, &key, Rating::Good, 1000, None, t0(), utc())
            .unwrap();
        assert_eq!(store.state(&key).unwrap().reps, 1);
    }

    #[test]
    fn summary_counts_accuracy_time_and_tomorrow() {
        let (_dir, mut store) = fresh_store();
        let settings = Settings {
            learning_steps_secs: vec![],
            fuzz: false,
            ..Settings::default()
        };
        let mut s = Session::start(items(2), &store, &settings, t0(), utc()).unwrap();
        let mut now = t0();
        while let Some(q) = s.next(now) {
            s.answer(&mut store, &q.key, Rating::Good, 3000, None, now, utc())
                .unwrap();
            now += TimeDelta::seconds(5);
        }
        let sum = s.summary(&store, now, utc());
        assert_eq!(sum.studied, 2);
        assert_eq!(sum.items, 2);
        assert!(sum.mistakes.is_empty());
        assert_eq!(sum.later_today, 0);
        assert_eq!(sum.accuracy(), 1.0);
        assert_eq!(sum.time_secs, 6);
        assert_eq!(sum.judged, 0);
        assert_eq!(
            sum.due_tomorrow, 0,
            "Good on a new card with no steps is due in days"
        );
    }
}
