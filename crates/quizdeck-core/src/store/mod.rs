//! The progress store: durable, crash-safe storage of every item's scheduling state and
//! the full review history of one profile.
//!
//! # How it works
//! * Every change (answer, undo, suspend, reset, edit, import) is appended to
//!   `progress/journal.log` as one self-checking line and fsync'd before the call
//!   returns (`journal`).
//! * Now and then (every [`OpenOptions::snapshot_every`] records, on [`Store::close`],
//!   or when asked) the states are written to `progress/snapshot.dat` atomically and the
//!   journal is moved into `progress/history/`, which only [`Store::history`] reads, so
//!   startup stays fast however long the history grows. Automatic snapshots are written
//!   by a background thread from its own copy of the states, so an answer never waits
//!   for one (`background`).
//! * Startup = snapshot + journal replay. Damage is repaired without losing anything
//!   that can be kept: damaged files are set aside, never overwritten, and what was done
//!   is described in a [`RecoveryReport`].
//! * A profile is locked while open ([`lock`]); a second window opens it read-only or
//!   is refused.
//! * A failed write (a full disk, a removed USB stick) is cut back off the journal so it
//!   never damages what follows. [`Store::record_answer`] then fails and changes nothing;
//!   [`Store::record_answer_or_keep`] and [`Store::undo_last_or_keep`] (what a study
//!   session uses) instead keep the change in memory, unsaved, and write it, in order,
//!   before anything else on the next write, [`Store::retry_unsaved`],
//!   [`Store::snapshot`], [`Store::close`] or when the store is dropped.
//!
//! # On-disk layout
//! ```text
//! <data dir>/                      see paths::resolve_data_dir
//!   profiles/
//!     <slug>/                      one per profile; slug is a-z0-9- (display name in profile.ron)
//!       profile.ron                display name, creation time
//!       settings.ron               settings (RON, written atomically)
//!       decks/                     the profile's imported decks
//!       lock                       OS file lock held while open
//!       lock-owner.txt             "process <pid> since <time>" (for the in-use message)
//!       progress/
//!         snapshot.dat             QUIZDECK-SNAPSHOT header + CRC'd body: all states
//!         journal.log              QUIZDECK-JOURNAL header + one CRC'd line per event
//!         folding.log              the journal a background snapshot is folding (meanwhile)
//!         history/journal-<first seq, 20 digits>.log   folded journals (history only)
//!         *.corrupt-<time>         damaged files set aside (never overwritten)
//! ```
//!
//! The store never reads the clock: every call that needs a time takes it (`at`).
//! Deck edits never delete progress: states are keyed by [`ItemKey`]; items with no
//! state are new, and states of removed cards stay until the card returns.

mod background;
mod error;
mod open;
use open::history_segments;
pub mod bundle;
#[doc(hidden)]
pub mod fault;
pub(crate) mod fsutil;
mod history_index;
pub(crate) mod journal;
pub mod lock;
pub(crate) mod paths;
pub(crate) mod profiles;
mod recovery;
mod replay;
mod snapshot;
mod states;

pub use bundle::{ExportSummary, ImportReport, ProgressBundle};
pub use error::{Result, StoreError};
pub(crate) use lock::{LockAttempt, ProfileLock, try_lock_profile};
pub use paths::{
    ClassDir, ClassDirSource, DataDir, DataDirInputs, DataDirSource, ProgressPaths,
    class_dirs_from_env, data_dir_from_env, resolve_data_dir,
};
pub use profiles::{ProfileInfo, Profiles, load_settings, save_settings};
pub use recovery::{RecoveryNote, RecoveryReport};
pub use states::States;

use crate::durable::log::Unsaved;
use crate::ids::ItemKey;
use crate::schedule::{ItemState, Phase, Rating, ReviewEntry, StateLookup};
use chrono::{DateTime, Duration, Utc};
use journal::{Before, Event, JournalWriter};
use serde::{Serialize, de::DeserializeOwned};
use std::collections::{HashMap, VecDeque};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// How to open a profile's store.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OpenMode {
    /// Take the lock; fail with [`StoreError::Locked`] if another window holds it.
    ReadWrite,
    /// Take the lock if free, otherwise open read-only (writes return
    /// [`StoreError::ReadOnly`]).
    ReadOnlyIfLocked,
    /// Never lock and never write (e.g. a teacher viewing a student's progress).
    ReadOnly,
}

/// Options for [`Store::open`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct OpenOptions {
    /// Locking and writing behaviour.
    pub mode: OpenMode,
    /// Take a snapshot automatically once the journal holds this many records.
    pub snapshot_every: usize,
}

impl Default for OpenOptions {
    fn default() -> Self {
        OpenOptions {
            mode: OpenMode::ReadWrite,
            snapshot_every: 1000,
        }
    }
}

/// Why an item's state was set outside answering (journaled with the change).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum ChangeReason {
    /// The student suspended the item.
    Suspend,
    /// The student unsuspended the item.
    Unsuspend,
    /// Progress was reset (the item is new again).
    Reset,
    /// Any other direct edit (e.g. "set due date").
    Edit,
    /// Merged in from an imported progress file.
    Import,
}

/// An answer kept in memory for the "today" counters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct RecentAnswer {
    /// Its journal sequence number.
    pub seq: u64,
    /// When it was given.
    pub at: DateTime<Utc>,
    /// The rating.
    pub rating: Rating,
    /// True when the item had no progress (or was `Phase::New`) before it.
    pub(crate) was_new: bool,
}

/// Counts for "new items introduced today / reviews done today".
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct AnswerCounts {
    /// Answers given (undone answers excluded).
    pub answers: usize,
    /// Of those, answers to items that were new.
    pub new_items: usize,
    /// Of those, answers rated Again.
    pub again: usize,
}

/// What [`Store::undo_last`] undid.
#[derive(Debug, Clone, PartialEq)]
pub struct Undone {
    /// Sequence number of the undo record.
    pub seq: u64,
    /// The answer that was undone.
    pub entry: ReviewEntry,
    /// The state put back (`None`: the item is new again).
    pub(crate) restored: Option<ItemState>,
}

/// A change that is applied even when it could not be written yet (see
/// [`Store::record_answer_or_keep`]).
#[derive(Debug)]
pub struct Kept<T> {
    /// What the change returned (e.g. its sequence number).
    pub value: T,
    /// `None` when the change (and every earlier unsaved one) was written durably;
    /// otherwise why writing failed: the change is kept in memory, unsaved, and written
    /// with the next write or [`Store::retry_unsaved`].
    pub unsaved: Option<StoreError>,
}

/// How many answers can be undone in a row.
pub(crate) const UNDO_DEPTH: usize = 50;
/// Answers younger than this (before the latest snapshot) are kept in memory for
/// [`Store::counts_since`]; older ones are counted from the history.
pub(crate) const RECENT_WINDOW_HOURS: i64 = 72;

#[derive(Debug, Clone)]
struct UndoEntry {
    seq: u64,
    entry: ReviewEntry,
    before: Option<ItemState>,
}

/// The in-memory state rebuilt by replaying events.
#[derive(Debug, Default)]
pub(crate) struct Model {
    states: States,
    undo: VecDeque<UndoEntry>,
    recent: Vec<RecentAnswer>,
    recent_floor: Option<DateTime<Utc>>,
    last_seq: u64,
    answers: usize,
}

impl Model {
    fn from_snapshot(s: snapshot::Snapshot) -> Self {
        Model {
            states: s.states,
            undo: VecDeque::new(),
            recent: s.recent,
            recent_floor: s.recent_floor,
            last_seq: s.last_seq,
            answers: 0,
        }
    }

    /// Applies one event with the replay rule ([`replay::apply`]); events at or below
    /// `last_seq` (already folded) are skipped.
    fn apply(&mut self, seq: u64, ev: Event) {
        replay::apply(self, seq, None, ev);
    }

    fn prune_recent(&mut self, at: DateTime<Utc>) {
        let floor = at - Duration::hours(RECENT_WINDOW_HOURS);
        let floor = self.recent_floor.map_or(floor, |f| f.max(floor));
        self.recent.retain(|r| r.at >= floor);
        self.recent_floor = Some(floor);
    }
}

/// The store as the readers see it: a lookup of one item's state, whatever holds them.
impl StateLookup for Store {
    fn state(&self, key: &ItemKey) -> Option<&ItemState> {
        self.model.states.get(key)
    }
}

/// One profile's progress, open for reading and (unless read-only) writing.
///
/// Dropping a store releases its lock; [`Store::close`] also takes a final snapshot.
#[derive(Debug)]
pub struct Store {
    profile_dir: PathBuf,
    paths: ProgressPaths,
    lock: Option<ProfileLock>,
    read_only: Option<crate::message::Message>,
    model: Model,
    writer: Option<JournalWriter>,
    journal_records: usize,
    journal_first_seq: Option<u64>,
    snapshot_every: usize,
    next_auto_snapshot: usize,
    snapshot_error: Option<String>,
    /// Encoded journal lines of changes applied in memory whose write failed, in order.
    unsaved: Unsaved,
    /// Sequence number of the first of them.
    unsaved_first_seq: Option<u64>,
    /// The background snapshot writer (writable stores with automatic snapshots).
    snapper: Option<background::Snapper>,
    /// First sequence number in `folding.log` while that file exists.
    folding_first_seq: Option<u64>,
    /// Held while files move into the history and while the history is read.
    archive_lock: Arc<Mutex<()>>,
    /// Held for a whole compaction of the history (one at a time).
    compact_lock: Arc<Mutex<()>>,
}

impl std::fmt::Debug for background::Snapper {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Snapper")
    }
}

impl std::fmt::Debug for JournalWriter {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("JournalWriter")
    }
}

impl Drop for Store {
    /// A last try to write unsaved changes (see [`Store::record_answer_or_keep`]).
    fn drop(&mut self) {
        if self.unsaved.count() > 0 {
            let _ = self.retry_unsaved();
        }
        // A background snapshot finishes before the lock is released.
        self.snapper = None;
    }
}

impl Store {
    /// The profile folder.
    pub(crate) fn profile_dir(&self) -> &Path {
        &self.profile_dir
    }

    /// The progress file paths.
    pub fn paths(&self) -> &ProgressPaths {
        &self.paths
    }

    /// True when changes cannot be saved (opened read-only, or the profile is in use).
    pub fn read_only(&self) -> bool {
        self.read_only.is_some()
    }

    /// Why the store is read-only, e.g. "in use by process 1234 since …".
    pub fn read_only_reason(&self) -> Option<&crate::message::Message> {
        self.read_only.as_ref()
    }

    /// True when this store holds the profile's lock.
    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// Every item's state (items without one are new): a view to look up, count and walk,
    /// whatever holds them. Readers that only look states up (the queue, browse,
    /// statistics, library figures, reports) take it, or the store itself, as a
    /// [`StateLookup`].
    pub fn states(&self) -> &States {
        &self.model.states
    }

    /// One item's state; `None` means the item is new.
    pub fn state(&self, key: &ItemKey) -> Option<&ItemState> {
        self.model.states.get(key)
    }

    /// Sequence number of the last recorded event (0 for a new profile).
    pub fn last_seq(&self) -> u64 {
        self.model.last_seq
    }

    /// Records in the journal since the last snapshot.
    pub fn journal_len(&self) -> usize {
        self.journal_records
    }

    /// The error of the last failed automatic snapshot, if the latest attempt failed.
    /// (The answers are safe in the journal; the snapshot is retried later.)
    pub fn snapshot_error(&self) -> Option<&str> {
        self.snapshot_error.as_deref()
    }

    fn check_writable(&self) -> Result<()> {
        match &self.read_only {
            Some(reason) => Err(StoreError::ReadOnly {
                path: self.profile_dir.clone(),
                reason: reason.clone(),
            }),
            None => Ok(()),
        }
    }

    /// Changes applied in memory whose write failed (0 when everything is on disk).
    pub fn unsaved_count(&self) -> usize {
        self.unsaved.count()
    }

    /// Why the unsaved changes could not be written, as of the latest attempt.
    pub fn unsaved_error(&self) -> Option<&str> {
        self.unsaved.error()
    }

    /// Tries again to write the unsaved changes (see [`Store::record_answer_or_keep`]).
    /// Returns how many were written: 0 when there were none. On failure they stay
    /// unsaved and the error says why.
    pub fn retry_unsaved(&mut self) -> Result<usize> {
        let n = self.unsaved.count();
        if n == 0 {
            return Ok(0);
        }
        self.commit(Vec::new(), false)?;
        Ok(n)
    }

    /// Appends the unsaved changes and then `events` durably (one write, one fsync) and
    /// applies the events. When the write fails, nothing is written (the journal is cut
    /// back), and then with `keep` an I/O failure applies the events anyway and keeps them
    /// unsaved (the error is returned beside the sequence number); without `keep` the
    /// events are dropped and the error returned.
    fn commit(&mut self, events: Vec<Event>, keep: bool) -> Result<Kept<u64>> {
        self.check_writable()?;
        // Only an edited or damaged journal gets near the end of the numbers; wrapping
        // around would make the new records look already folded and lose them.
        if self
            .model
            .last_seq
            .checked_add(events.len().max(1) as u64)
            .is_none()
        {
            return Err(StoreError::SequenceExhausted {
                path: self.paths.journal.clone(),
            });
        }
        let first = self.model.last_seq + 1;
        let mut buf = Vec::with_capacity(events.len() * 300);
        journal::encode_batch(&mut buf, first, &events, |k| self.model.states.get(k));
        let (writer, path) = (&mut self.writer, &self.paths.journal);
        let kept_before = self.unsaved.count();
        let written = self.unsaved.write(
            &buf,
            events.len(),
            |e| keep && matches!(e, StoreError::Io { .. }),
            |bytes| {
                let writer = match writer {
                    Some(w) => w,
                    None => writer.insert(JournalWriter::open(path)?),
                };
                writer.append(bytes)
            },
        )?;
        let unsaved = match written {
            None => {
                self.journal_records += kept_before + events.len();
                self.journal_first_seq
                    .get_or_insert(self.unsaved_first_seq.unwrap_or(first));
                self.unsaved_first_seq = None;
                None
            }
            Some(e) => {
                self.unsaved_first_seq.get_or_insert(first);
                Some(e)
            }
        };
        for (i, ev) in events.into_iter().enumerate() {
            self.model.apply(first + i as u64, ev);
        }
        Ok(Kept {
            value: self.model.last_seq,
            unsaved,
        })
    }

    /// Takes in the outcome of a finished background snapshot (`wait`: waits for a
    /// running one).
    fn background_outcome(&mut self, wait: bool) {
        let Some(outcome) = self.snapper.as_mut().and_then(|s| s.outcome(wait)) else {
            return;
        };
        match outcome {
            Ok(()) => {
                self.folding_first_seq = None;
                self.snapshot_error = None;
            }
            Err(e) => {
                // `folding.log` stays; the next snapshot (written here) folds it.
                self.snapshot_error = Some(e);
                self.next_auto_snapshot = self.journal_records + self.snapshot_every;
            }
        }
    }

    /// True while an automatic snapshot is being written in the background.
    pub fn snapshot_running(&mut self) -> bool {
        self.background_outcome(false);
        self.snapper.as_ref().is_some_and(|s| s.running())
    }

    /// Waits for an automatic snapshot being written in the background, if any (its
    /// failure is then [`Store::snapshot_error`]).
    pub fn wait_for_snapshot(&mut self) {
        self.background_outcome(true);
    }

    /// Waits until the background thread has done everything asked of it: a snapshot
    /// being written and the history's compaction (which also runs once after opening),
    /// so that tests and fuzzing see the files at rest.
    #[cfg(feature = "test-support")]
    #[doc(hidden)]
    pub fn wait_for_background(&mut self) {
        self.background_outcome(true);
        if let Some(s) = &self.snapper {
            s.wait_idle();
        }
    }

    fn maybe_auto_snapshot(&mut self, at: DateTime<Utc>) {
        self.background_outcome(false);
        if self.journal_records >= self.snapshot_every
            && self.journal_records >= self.next_auto_snapshot
        {
            if self.snapper.as_ref().is_some_and(|s| s.running()) {
                return;
            }
            if self.snapper.is_some()
                && self.folding_first_seq.is_none()
                && self.unsaved.count() == 0
            {
                self.writer = None;
                let first = self.journal_first_seq.unwrap_or(self.model.last_seq);
                match background::start_folding(&self.paths) {
                    Ok(()) => {
                        self.model.prune_recent(at);
                        self.folding_first_seq = Some(first);
                        self.journal_records = 0;
                        self.journal_first_seq = None;
                        self.next_auto_snapshot = 0;
                        if let Some(s) = &mut self.snapper {
                            s.request(at, first, &self.model);
                        }
                    }
                    Err(e) => {
                        self.snapshot_error = Some(e.to_string());
                        self.next_auto_snapshot = self.journal_records + self.snapshot_every;
                    }
                }
                return;
            }
            match self.snapshot(at) {
                Ok(()) => self.snapshot_error = None,
                Err(e) => {
                    self.snapshot_error = Some(e.to_string());
                    self.next_auto_snapshot = self.journal_records + self.snapshot_every;
                }
            }
        }
    }

    /// Records an answer durably (written and fsync'd before returning) and returns its
    /// sequence number. `before` should be the item's state before the answer
    /// (`store.state(&key).cloned()`); it is what undo restores.
    ///
    /// May take an automatic snapshot afterwards (using `entry.at` as the time); a failed
    /// automatic snapshot does not fail the answer (see [`Store::snapshot_error`]).
    ///
    /// When the write fails, nothing is recorded and the error is returned (earlier
    /// unsaved changes, if any, stay unsaved).
    pub fn record_answer(
        &mut self,
        entry: ReviewEntry,
        before: Option<ItemState>,
        after: ItemState,
    ) -> Result<u64> {
        let at = entry.at;
        let seq = self
            .commit(
                vec![Event::Answer {
                    entry,
                    before: Before::Given(before),
                    after,
                }],
                false,
            )?
            .value;
        self.maybe_auto_snapshot(at);
        Ok(seq)
    }

    /// Records an answer like [`Store::record_answer`], but when writing fails with an
    /// I/O error (a full disk, a removed stick) the answer is applied anyway and kept in
    /// memory, unsaved ([`Kept::unsaved`] says why): it is written, before anything else,
    /// by the next successful write, [`Store::retry_unsaved`], [`Store::snapshot`],
    /// [`Store::close`] or when the store is dropped. Nothing half-written stays in the
    /// journal. Errors that retrying cannot fix (read-only) are returned as errors.
    pub fn record_answer_or_keep(
        &mut self,
        entry: ReviewEntry,
        before: Option<ItemState>,
        after: ItemState,
    ) -> Result<Kept<u64>> {
        let at = entry.at;
        let kept = self.commit(
            vec![Event::Answer {
                entry,
                before: Before::Given(before),
                after,
            }],
            true,
        )?;
        if kept.unsaved.is_none() {
            self.maybe_auto_snapshot(at);
        }
        Ok(kept)
    }

    /// Records many answers with a single write and fsync (all or nothing); returns the
    /// last sequence number. `at` is used for a possible automatic snapshot.
    pub fn record_answers(
        &mut self,
        answers: Vec<(ReviewEntry, Option<ItemState>, ItemState)>,
        at: DateTime<Utc>,
    ) -> Result<u64> {
        if answers.is_empty() {
            return Ok(self.model.last_seq);
        }
        let seq = self
            .commit(
                answers
                    .into_iter()
                    .map(|(entry, before, after)| Event::Answer {
                        entry,
                        before: Before::Given(before),
                        after,
                    })
                    .collect(),
                false,
            )?
            .value;
        self.maybe_auto_snapshot(at);
        Ok(seq)
    }

    #[cfg(test)]
    /// True when [`Store::undo_last`] has an answer to undo.
    pub(crate) fn can_undo(&self) -> bool {
        !self.model.undo.is_empty()
    }

    /// The answer [`Store::undo_last`] would undo. (tests: `test-support`)
    #[cfg(any(test, feature = "test-support"))]
    pub fn last_undoable(&self) -> Option<&ReviewEntry> {
        self.model.undo.back().map(|u| &u.entry)
    }

    /// Undoes the latest answer not yet undone (journaled), restoring the state before
    /// it. Repeated calls walk further back (up to [`UNDO_DEPTH`] answers, within the
    /// answers since the profile was opened or the last snapshot before that). Returns
    /// `None` when there is nothing to undo. Suspending, resetting or editing an item
    /// clears its answers from the undo list.
    pub fn undo_last(&mut self, at: DateTime<Utc>) -> Result<Option<Undone>> {
        Ok(self.undo_impl(at, false)?.map(|k| k.value))
    }

    /// Undoes like [`Store::undo_last`], but keeps the undo in memory, unsaved, when it
    /// cannot be written (as [`Store::record_answer_or_keep`] does for answers).
    pub fn undo_last_or_keep(&mut self, at: DateTime<Utc>) -> Result<Option<Kept<Undone>>> {
        self.undo_impl(at, true)
    }

    fn undo_impl(&mut self, at: DateTime<Utc>, keep: bool) -> Result<Option<Kept<Undone>>> {
        self.check_writable()?;
        let Some(top) = self.model.undo.back().cloned() else {
            return Ok(None);
        };
        let kept = self.commit(
            vec![Event::Undo {
                target: top.seq,
                key: top.entry.key.clone(),
                restored: top.before.clone(),
                at,
            }],
            keep,
        )?;
        if kept.unsaved.is_none() {
            self.maybe_auto_snapshot(at);
        }
        Ok(Some(Kept {
            value: Undone {
                seq: kept.value,
                entry: top.entry,
                restored: top.before,
            },
            unsaved: kept.unsaved,
        }))
    }

    /// Sets (or with `None`, removes: the item becomes new) an item's state outside of
    /// answering, journaled with its reason. Returns the sequence number.
    pub(crate) fn set_state(
        &mut self,
        key: ItemKey,
        state: Option<ItemState>,
        reason: ChangeReason,
        at: DateTime<Utc>,
    ) -> Result<u64> {
        let seq = self
            .commit(
                vec![Event::Set {
                    key,
                    state,
                    reason,
                    at,
                }],
                false,
            )?
            .value;
        self.maybe_auto_snapshot(at);
        Ok(seq)
    }

    /// Suspends or unsuspends an item. A new item being suspended gets a `New` state
    /// with `suspended` set. Returns `None` when nothing changed.
    pub fn set_suspended(
        &mut self,
        key: &ItemKey,
        suspended: bool,
        at: DateTime<Utc>,
    ) -> Result<Option<u64>> {
        let new = match self.state(key) {
            Some(s) if s.suspended == suspended => return Ok(None),
            Some(s) => ItemState {
                suspended,
                ..s.clone()
            },
            None if !suspended => return Ok(None),
            None => ItemState {
                phase: Phase::New,
                step: 0,
                memory: None,
                due: at,
                last_review: None,
                interval_days: 0,
                reps: 0,
                lapses: 0,
                leech: false,
                suspended: true,
            },
        };
        let reason = if suspended {
            ChangeReason::Suspend
        } else {
            ChangeReason::Unsuspend
        };
        self.set_state(key.clone(), Some(new), reason, at).map(Some)
    }

    /// Forgets an item's progress (it becomes new); its history is kept. Returns `None`
    /// when it had no progress.
    pub fn reset(&mut self, key: &ItemKey, at: DateTime<Utc>) -> Result<Option<u64>> {
        if self.state(key).is_none() {
            return Ok(None);
        }
        self.set_state(key.clone(), None, ChangeReason::Reset, at)
            .map(Some)
    }

    /// Writes a snapshot of every state (atomically) and moves the folded journal into
    /// the history archive. Always writes, even if nothing changed. Unsaved changes are
    /// written to the journal first; if that fails, so does the snapshot.
    pub fn snapshot(&mut self, at: DateTime<Utc>) -> Result<()> {
        self.check_writable()?;
        self.background_outcome(true);
        self.retry_unsaved()?;
        fs::create_dir_all(&self.paths.dir).map_err(fsutil::io_err(
            "create the progress folder",
            &self.paths.dir,
        ))?;
        self.model.prune_recent(at);
        snapshot::save(
            &self.paths.snapshot,
            &snapshot::SnapshotRef {
                last_seq: self.model.last_seq,
                at: Some(at),
                states: &self.model.states,
                recent: &self.model.recent,
                recent_floor: self.model.recent_floor,
            },
        )?;
        self.next_auto_snapshot = 0;
        if let Some(first) = self.folding_first_seq {
            background::archive(&self.paths.folding, first, &self.paths)?;
            self.folding_first_seq = None;
        }
        if self.journal_records == 0 {
            return Ok(());
        }
        // Close the journal before renaming it (required on Windows).
        self.writer = None;
        let first = self.journal_first_seq.unwrap_or(self.model.last_seq);
        background::archive(&self.paths.journal, first, &self.paths)?;
        self.journal_records = 0;
        self.journal_first_seq = None;
        if let Some(s) = &self.snapper {
            s.compact();
        }
        Ok(())
    }

    /// Takes a final snapshot if the journal has records, then releases the lock.
    /// (Dropping the store without closing loses nothing: the journal is replayed on the
    /// next open.) Unsaved changes are written first; when that fails the error is
    /// returned and they are lost (after one more try as the store is dropped): a caller
    /// that must not lose them checks [`Store::unsaved_count`] and
    /// [`Store::retry_unsaved`] before closing, and keeps the store open while it fails.
    pub fn close(mut self, at: DateTime<Utc>) -> Result<()> {
        self.background_outcome(true);
        if !self.read_only()
            && (self.journal_records > 0
                || self.unsaved.count() > 0
                || self.folding_first_seq.is_some())
        {
            self.snapshot(at)?;
        }
        Ok(())
    }

    /// Calls `f` for every event ever recorded (archive, then journal), in order.
    fn for_each_event(&self, f: impl FnMut(u64, Event)) -> Result<()> {
        self.history_reader().for_each_event(f)
    }

    /// A handle that reads this profile's whole history on another thread (e.g. for the
    /// statistics, off the interface thread): what [`Store::history`] gives, at the time
    /// it is read.
    pub fn history_reader(&self) -> HistoryReader {
        HistoryReader {
            paths: self.paths.clone(),
            archive_lock: self.archive_lock.clone(),
        }
    }

    /// Damaged lines in the archived history (which opening does not read when the
    /// snapshot is sound), reported like damaged journal lines: one note per archived
    /// journal with damage. Reads the whole archive; changes nothing.
    pub fn history_damage(&self) -> Result<RecoveryReport> {
        let mut report = RecoveryReport::default();
        for seg in history_segments(&self.paths.history)? {
            let rep = journal::scan(&seg, |_, _| {})?;
            let lines = rep.middle.len() + rep.tail.len();
            if lines > 0 {
                report
                    .notes
                    .push(RecoveryNote::HistoryDamaged { path: seg, lines });
            }
        }
        Ok(report)
    }

    /// The full review history: every answer ever recorded (undone answers excluded,
    /// imported answers included), oldest first. Reads the archive, so it is slower
    /// than everything else here; damaged lines in the archive are skipped.
    pub fn history(&self) -> Result<Vec<ReviewEntry>> {
        self.history_reader().history()
    }

    /// Indexes and compacts the history archive now, on the calling thread (a writable
    /// store also does it in the background after each snapshot): at the end the
    /// archive is a few files, each at least twice as long as the next, each with its
    /// index by item.
    pub fn compact_history(&self) -> Result<()> {
        self.check_writable()?;
        let _one_at_a_time = self.compact_lock.lock().unwrap_or_else(|p| p.into_inner());
        let never = std::sync::atomic::AtomicBool::new(false);
        history_index::compact(&self.paths, &self.archive_lock, &never).map(|_| ())
    }

    /// The review history of one item (undone answers excluded, imported answers
    /// included), oldest first: what [`Store::history`] holds for `key`. Reads only that
    /// item's lines of the archive, through its index, and the current journal, so it
    /// takes about the same time however long the history is.
    pub fn item_history(&self, key: &ItemKey) -> Result<Vec<ReviewEntry>> {
        let _guard = self.archive_lock.lock().unwrap_or_else(|p| p.into_inner());
        let mut events: Vec<(u64, Event)> = Vec::new();
        let scan = |path: &Path, events: &mut Vec<(u64, Event)>| {
            journal::scan(path, |seq, ev| {
                if ev.key() == key {
                    events.push((seq, ev));
                }
            })
            .map(|_| ())
        };
        for seg in history_segments(&self.paths.history)? {
            match history_index::lookup(&seg, key) {
                Some(found) => events.extend(found),
                None => scan(&seg, &mut events)?,
            }
        }
        scan(&self.paths.folding, &mut events)?;
        scan(&self.paths.journal, &mut events)?;
        // A segment left by an interrupted merge repeats events: keep each once.
        events.sort_by_key(|e| e.0);
        events.dedup_by_key(|e| e.0);
        let mut out: Vec<(Option<u64>, ReviewEntry)> = Vec::new();
        for (seq, ev) in events {
            match ev {
                Event::Answer { entry, .. } => out.push((Some(seq), entry)),
                Event::HistoryOnly(entry) => out.push((None, entry)),
                Event::Undo { target, .. } => {
                    if let Some(i) = out.iter().rposition(|(s, _)| *s == Some(target)) {
                        out.remove(i);
                    }
                }
                Event::Set { .. } => {}
            }
        }
        let mut v: Vec<ReviewEntry> = out.into_iter().map(|(_, e)| e).collect();
        v.sort_by_key(|e| e.at);
        Ok(v)
    }

    /// The answers given at or after `since` (undone answers excluded), oldest first:
    /// what [`Store::history`] holds from `since` on, e.g. today's answers by deck and
    /// phase for the daily limits. For `since` within [`RECENT_WINDOW_HOURS`] of the last
    /// snapshot (always the case for "today") it reads only those answers: the ones in the
    /// journal, and those already archived through a binary search of the newest history
    /// files, never the whole history. History imported from elsewhere (a progress
    /// bundle, a review log) counts only while it is in the journal.
    pub fn answers_since(&self, since: DateTime<Utc>) -> Result<Vec<ReviewEntry>> {
        if self.model.recent_floor.is_some_and(|f| since < f) {
            return Ok(self
                .history()?
                .into_iter()
                .filter(|e| e.at >= since)
                .collect());
        }
        let mut wanted: std::collections::HashSet<u64> = self
            .model
            .recent
            .iter()
            .filter(|r| r.at >= since)
            .map(|r| r.seq)
            .collect();
        let mut found: Vec<(u64, ReviewEntry)> = Vec::with_capacity(wanted.len());
        let mut take = |seq: u64, ev: Event, found: &mut Vec<(u64, ReviewEntry)>| match ev {
            Event::Answer { entry, .. } if wanted.remove(&seq) => found.push((seq, entry)),
            Event::HistoryOnly(entry) if entry.at >= since => found.push((seq, entry)),
            _ => {}
        };
        let _guard = self.archive_lock.lock().unwrap_or_else(|p| p.into_inner());
        journal::scan(&self.paths.journal, |seq, ev| take(seq, ev, &mut found))?;
        journal::scan(&self.paths.folding, |seq, ev| take(seq, ev, &mut found))?;
        // The rest are archived: newest files first, each read from the oldest answer
        // still missing.
        let mut segments = history_segments(&self.paths.history)?;
        while let Some(min) = wanted.iter().min().copied() {
            let Some(seg) = segments.pop() else { break };
            for (seq, ev) in history_index::events_from_seq(&seg, min)? {
                if let Event::Answer { entry, .. } = ev
                    && wanted.remove(&seq)
                {
                    found.push((seq, entry));
                }
            }
        }
        drop(_guard);
        if !wanted.is_empty() {
            // Not where they should be (a history file out of order): read it all.
            return Ok(self
                .history()?
                .into_iter()
                .filter(|e| e.at >= since)
                .collect());
        }
        found.sort_by_key(|(seq, _)| *seq);
        found.dedup_by_key(|(seq, _)| *seq);
        let mut v: Vec<ReviewEntry> = found.into_iter().map(|(_, e)| e).collect();
        v.sort_by_key(|e| e.at);
        Ok(v)
    }

    /// Counts answers given at or after `since` (e.g. the start of today for "reviews
    /// done today" and "new items introduced today"). Fast for `since` within
    /// [`RECENT_WINDOW_HOURS`] of the last snapshot; older times read the history.
    pub fn counts_since(&self, since: DateTime<Utc>) -> Result<AnswerCounts> {
        let mut c = AnswerCounts::default();
        let mut add = |at: DateTime<Utc>, rating: Rating, was_new: bool, sign: isize| {
            if at >= since {
                c.answers = c.answers.wrapping_add_signed(sign);
                if was_new {
                    c.new_items = c.new_items.wrapping_add_signed(sign);
                }
                if rating == Rating::Again {
                    c.again = c.again.wrapping_add_signed(sign);
                }
            }
        };
        if self.model.recent_floor.is_none_or(|f| since >= f) {
            for r in &self.model.recent {
                add(r.at, r.rating, r.was_new, 1);
            }
        } else {
            let mut answers: HashMap<u64, (DateTime<Utc>, Rating, bool)> = HashMap::new();
            self.for_each_event(|seq, ev| match ev {
                Event::Answer { entry, .. } => {
                    // Read back, an answer's phase is the phase of the state before it.
                    let was_new = entry.phase == Phase::New;
                    answers.insert(seq, (entry.at, entry.rating, was_new));
                }
                Event::Undo { target, .. } => {
                    answers.remove(&target);
                }
                _ => {}
            })?;
            for (at, rating, was_new) in answers.into_values() {
                add(at, rating, was_new, 1);
            }
        }
        Ok(c)
    }

    /// Loads this profile's settings (see [`load_settings`]); when read-only, a damaged
    /// file is reported but not moved.
    pub fn load_settings<T: DeserializeOwned + Default>(
        &self,
        at: DateTime<Utc>,
    ) -> Result<(T, RecoveryReport)> {
        profiles::load_settings_impl(&self.profile_dir, at, !self.read_only())
    }

    /// Saves this profile's settings atomically (see [`save_settings`]).
    pub fn save_settings<T: Serialize>(&self, settings: &T) -> Result<()> {
        self.check_writable()?;
        save_settings(&self.profile_dir, settings)
    }
}

/// Reads a profile's whole review history, from any thread ([`Store::history_reader`]).
#[derive(Debug, Clone)]
pub struct HistoryReader {
    paths: ProgressPaths,
    archive_lock: Arc<Mutex<()>>,
}

impl HistoryReader {
    /// Every event of the archive, then of the journal being folded, then of the
    /// journal, each sequence number once.
    fn for_each_event(&self, mut f: impl FnMut(u64, Event)) -> Result<()> {
        let mut last = 0u64;
        let mut g = |seq: u64, ev: Event| {
            if seq > last {
                last = seq;
                f(seq, ev);
            }
        };
        // A background snapshot moving `folding.log` meanwhile would hide its events.
        let _guard = self.archive_lock.lock().unwrap_or_else(|p| p.into_inner());
        for seg in history_segments(&self.paths.history)? {
            journal::scan(&seg, &mut g)?;
        }
        journal::scan(&self.paths.folding, &mut g)?;
        journal::scan(&self.paths.journal, &mut g)?;
        Ok(())
    }

    /// The study days (day indices, with the day cut-off `cutoff_hour` in `offset`) on
    /// which an answer was given and not undone: what the streak needs, read as a stream
    /// without holding the history in memory (a million answers cost a few hundred
    /// megabytes as [`HistoryReader::history`]; this keeps a count per day).
    pub fn study_days(
        &self,
        offset: chrono::FixedOffset,
        cutoff_hour: u32,
    ) -> Result<std::collections::BTreeSet<i64>> {
        use crate::schedule::day::day_index;
        let mut per_day: std::collections::BTreeMap<i64, u32> = Default::default();
        // The latest answers not undone (an undo only reaches back UNDO_DEPTH answers).
        let mut latest: VecDeque<(u64, i64)> = VecDeque::new();
        self.for_each_event(|seq, ev| match ev {
            Event::Answer { entry, .. } => {
                let d = day_index(entry.at, offset, cutoff_hour);
                *per_day.entry(d).or_default() += 1;
                latest.push_back((seq, d));
                if latest.len() > 2 * UNDO_DEPTH {
                    latest.pop_front();
                }
            }
            Event::HistoryOnly(entry) => {
                *per_day
                    .entry(day_index(entry.at, offset, cutoff_hour))
                    .or_default() += 1;
            }
            Event::Undo { target, .. } => {
                if let Some(i) = latest.iter().rposition(|(s, _)| *s == target)
                    && let Some((_, d)) = latest.remove(i)
                    && let Some(n) = per_day.get_mut(&d)
                {
                    *n = n.saturating_sub(1);
                }
            }
            Event::Set { .. } => {}
        })?;
        Ok(per_day
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(d, _)| d)
            .collect())
    }

    /// See [`Store::history`].
    pub fn history(&self) -> Result<Vec<ReviewEntry>> {
        let mut out: Vec<Option<ReviewEntry>> = Vec::new();
        let mut index: HashMap<u64, usize> = HashMap::new();
        self.for_each_event(|seq, ev| match ev {
            Event::Answer { entry, .. } => {
                index.insert(seq, out.len());
                out.push(Some(entry));
            }
            Event::HistoryOnly(entry) => out.push(Some(entry)),
            Event::Undo { target, .. } => {
                if let Some(&i) = index.get(&target) {
                    out[i] = None;
                }
            }
            Event::Set { .. } => {}
        })?;
        let mut v: Vec<ReviewEntry> = out.into_iter().flatten().collect();
        v.sort_by_key(|e| e.at);
        Ok(v)
    }
}

#[cfg(test)]
pub(crate) mod tests;
