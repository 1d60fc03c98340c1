//! Spaced-repetition scheduling: card states, ratings and the pure transitions between them.
//!
//! Everything here is a pure function of its inputs: the clock is always passed in.
//! The `fsrs` crate is only used inside [`fsrs_adapter`].
//!
//! - [`Settings`] → [`Scheduler`]: answers ([`Scheduler::answer`]) and previews
//!   ([`Scheduler::preview`]) with FSRS-6 memory, Anki-style (re)learning steps and fuzz.
//! - [`Queue`]: what to study next today (limits, burying, intraday learning, undo).
//! - [`optimize()`] and [`eval_revlog`]: personal parameters from review history.

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

pub mod day;
mod error;
pub mod fsrs_adapter;
pub(crate) mod fuzz;
pub mod optimize;
pub(crate) mod preview;
pub mod queue;
pub mod revlog;
pub mod settings;
pub(crate) mod transitions;

pub use day::day_index;
pub use error::{Error, Result};
pub use optimize::{
    EvalReport, ItemOrder, Metrics, OptimizeOutcome, Verdict, eval_revlog, eval_revlog_ordered,
    optimize,
};
pub use preview::{Choice, Interval, IntervalUnit, Preview};
pub use queue::{Blocked, Counts, DeckToday, DoneToday, Queue, QueueKind, QueuedItem, StateLookup};
pub use revlog::{RevlogRow, read_revlog};
pub use settings::{DeckLimits, ExtraNew, LeechAction, NewItemPosition, Settings};
pub use transitions::Scheduler;

/// How well the student remembered an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Rating {
    /// Forgotten.
    Again = 1,
    /// Remembered with serious difficulty.
    Hard = 2,
    /// Remembered.
    Good = 3,
    /// Remembered easily.
    Easy = 4,
}

/// Where an item is in its life cycle.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum Phase {
    /// Never answered.
    #[default]
    New,
    /// In the learning steps after its first answers.
    Learning,
    /// Graduated: scheduled in days.
    Review,
    /// Forgotten after graduating: in the relearning steps.
    Relearning,
}

/// FSRS memory state of an item.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Memory {
    /// Days until recall probability falls to 90 %.
    pub stability_days: f32,
    /// Difficulty, 1 (easy) to 10 (hard).
    pub difficulty: f32,
}

/// The scheduling state of one study item.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ItemState {
    /// Life-cycle phase.
    pub phase: Phase,
    /// Index of the current learning or relearning step.
    pub step: u32,
    /// FSRS memory state; `None` until the first answer.
    pub memory: Option<Memory>,
    /// When the item is next due.
    pub due: DateTime<Utc>,
    /// When it was last answered.
    pub last_review: Option<DateTime<Utc>>,
    /// The interval that was scheduled at the last answer, in whole days (0 inside a day).
    pub interval_days: u32,
    /// Number of answers.
    pub reps: u32,
    /// Number of times a graduated item was forgotten.
    pub lapses: u32,
    /// Marked as a leech (too many lapses).
    pub leech: bool,
    /// Excluded from study until unsuspended.
    pub suspended: bool,
}

/// One answer as kept in the review history (what the optimizer and statistics read).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReviewEntry {
    /// The item answered.
    pub key: crate::ids::ItemKey,
    /// The rating given.
    pub rating: Rating,
    /// When it was answered.
    pub at: DateTime<Utc>,
    /// How long the student took, in milliseconds.
    pub duration_ms: u32,
    /// The item's phase just before this answer (what the daily limits count: `New`
    /// answers count as new items, `Review` answers as reviews). Entries written before
    /// this field existed read as `New`.
    #[serde(default)]
    pub phase: Phase,
}

impl Rating {
    /// All four ratings, from Again to Easy.
    pub const ALL: [Rating; 4] = [Rating::Again, Rating::Hard, Rating::Good, Rating::Easy];

    /// The rating for a number 1–4 (as in review logs), or `None`.
    pub fn from_number(n: u32) -> Option<Rating> {
        match n {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        }
    }

    /// 0 for Again … 3 for Easy (index into per-rating arrays).
    pub fn index(self) -> usize {
        self as usize - 1
    }
}

impl Memory {
    /// True when both numbers are finite and stability is positive.
    pub fn is_valid(&self) -> bool {
        self.stability_days.is_finite() && self.stability_days > 0.0 && self.difficulty.is_finite()
    }
}

impl ItemState {
    /// The state of an item never answered, due at `now`.
    pub fn new(now: DateTime<Utc>) -> Self {
        Self {
            phase: Phase::New,
            step: 0,
            memory: None,
            due: now,
            last_review: None,
            interval_days: 0,
            reps: 0,
            lapses: 0,
            leech: false,
            suspended: false,
        }
    }

    /// True when the item is scheduled by study day rather than by the minute: graduated
    /// items and (re)learning steps of a day or more.
    pub fn is_day_based(&self) -> bool {
        self.phase == Phase::Review
            || (matches!(self.phase, Phase::Learning | Phase::Relearning) && self.interval_days > 0)
    }

    /// A copy excluded from study.
    pub fn suspend(&self) -> Self {
        Self {
            suspended: true,
            ..self.clone()
        }
    }

    /// A copy back in study (the leech mark stays until [`ItemState::reset`]).
    pub fn unsuspend(&self) -> Self {
        Self {
            suspended: false,
            ..self.clone()
        }
    }

    #[cfg(test)]
    /// A copy with the leech mark cleared (and still suspended or not as before).
    pub(crate) fn clear_leech(&self) -> Self {
        Self {
            leech: false,
            ..self.clone()
        }
    }

    #[cfg(test)]
    /// Forgets all progress: a new item due at `now`, not suspended, no leech mark, counts
    /// reset. The review history is kept elsewhere and is not touched.
    pub(crate) fn reset(&self, now: DateTime<Utc>) -> Self {
        Self::new(now)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    #[test]
    fn new_state_is_new_and_due_now() {
        let s = ItemState::new(now());
        assert_eq!(s.phase, Phase::New);
        assert_eq!(s.due, now());
        assert!(s.memory.is_none() && s.last_review.is_none());
        assert!(!s.is_day_based());
    }

    #[test]
    fn suspend_unsuspend_reset() {
        let mut s = ItemState::new(now());
        s.phase = Phase::Review;
        s.interval_days = 5;
        s.lapses = 8;
        s.leech = true;
        let sus = s.suspend();
        assert!(sus.suspended && sus.leech);
        let un = sus.unsuspend();
        assert!(!un.suspended && un.leech);
        assert!(!un.clear_leech().leech);
        let later = now() + chrono::TimeDelta::days(1);
        let r = sus.reset(later);
        assert_eq!(r, ItemState::new(later));
    }

    #[test]
    fn ratings_number_and_index() {
        for (i, r) in Rating::ALL.into_iter().enumerate() {
            assert_eq!(r.index(), i);
            assert_eq!(Rating::from_number(i as u32 + 1), Some(r));
        }
        assert_eq!(Rating::from_number(0), None);
        assert_eq!(Rating::from_number(5), None);
    }
}
