//! Spaced-repetition scheduling: card states, ratings and the pure transitions between them.
//!
//! Everything here is a pure function of its inputs: the clock is always passed in.
//! The `fsrs` crate is only used inside [`fsrs_adapter`].

use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};

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
}
