//! The progress store: durable, crash-safe storage of every item's scheduling state and
//! the full review history of one profile.
//!
//! # How it works
//! * Every change (answer, undo, suspend, reset, edit, import) is appended to
//!   `progress/journal.log` as one self-checking line and fsync'd before the call
//!   returns ([`journal`]).
//! * Now and then (every [`OpenOptions::snapshot_every`] records, on [`Store::close`],
//!   or when asked) the states are written to `progress/snapshot.dat` atomically and the
//!   journal is moved into `progress/history/`, which only [`Store::history`] reads, so
//!   startup stays fast however long the history grows. Automatic snapshots are written
//!   by a background thread from its own copy of the states, so an answer never waits
//!   for one ([`background`]).
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
pub mod bundle;
#[doc(hidden)]
pub mod fault;
pub(crate) mod fsutil;
mod history_index;
pub mod journal;
pub mod lock;
pub mod paths;
pub mod profiles;
mod recovery;
mod replay;
mod snapshot;

pub use bundle::{ExportSummary, ImportReport, ProgressBundle};
pub use lock::{LockAttempt, ProfileLock, try_lock_profile};
pub use paths::{
    ClassDir, ClassDirSource, DataDir, DataDirInputs, DataDirSource, ProgressPaths,
    class_dirs_from_env, data_dir_from_env, resolve_data_dir,
};
pub use profiles::{ProfileInfo, Profiles, load_settings, save_settings};
pub use recovery::{RecoveryNote, RecoveryReport};

use crate::ids::ItemKey;
use crate::schedule::{ItemState, Phase, Rating, ReviewEntry};
use chrono::{DateTime, Duration, Utc};
use journal::{Before, Event, JournalWriter};
use serde::{Serialize, de::DeserializeOwned};
use std::collections::{HashMap, VecDeque};
use std::fs;
use std::io;
use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

/// Everything that can go wrong in the store. Messages say what was being done and on
/// which path.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A file operation failed.
    #[error("could not {action} {}: {source}", path.display())]
    Io {
        /// What was being done, e.g. "append to the journal".
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        source: io::Error,
    },
    /// Another running quizdeck holds the profile's lock.
    #[error(
        "the profile in {} is in use by {holder}; close the other quizdeck window first",
        path.display()
    )]
    Locked {
        /// The profile folder.
        path: PathBuf,
        /// Who holds it, as far as known.
        holder: String,
    },
    /// A change was attempted on a store opened read-only.
    #[error("cannot save changes to the profile in {}: it is open read-only ({reason})", path.display())]
    ReadOnly {
        /// The profile folder.
        path: PathBuf,
        /// Why it is read-only.
        reason: String,
    },
    /// A file was written by a newer version of quizdeck; it is left untouched.
    #[error(
        "{} was written by a newer quizdeck (format {found}); update quizdeck to open it",
        path.display()
    )]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// The format version found.
        found: u32,
    },
    /// No data folder could be chosen.
    #[error("cannot choose a data folder: {0}")]
    NoDataDir(String),
    /// A profile name was rejected.
    #[error("cannot use {name:?} as a profile name: {reason}")]
    BadProfileName {
        /// The name given.
        name: String,
        /// Why.
        reason: String,
    },
    /// A profile with that name already exists.
    #[error("a profile named {name:?} already exists")]
    ProfileExists {
        /// The name given.
        name: String,
    },
    /// No profile with that folder name exists.
    #[error("there is no profile {slug:?} in {}", dir.display())]
    NoSuchProfile {
        /// The profiles folder.
        dir: PathBuf,
        /// The folder name asked for.
        slug: String,
    },
    /// A profile name given on the command line fits several profiles.
    #[error("{name:?} could mean several profiles: {}; give the folder name", candidates.join(", "))]
    AmbiguousProfile {
        /// The name given.
        name: String,
        /// The profiles it fits, with their folders.
        candidates: Vec<String>,
    },
    /// An export file is damaged or not a quizdeck progress file.
    #[error("{} is not a usable quizdeck progress file: {reason}", path.display())]
    BadBundle {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The journal's sequence numbers are used up (only an edited or damaged journal
    /// gets there); nothing was written.
    #[error(
        "cannot record more in {}: its record numbers are used up (the progress files were edited or damaged)",
        path.display()
    )]
    SequenceExhausted {
        /// The journal.
        path: PathBuf,
    },
    /// A value could not be encoded for writing.
    #[error("could not encode {what} for {}: {reason}", path.display())]
    Encode {
        /// What was being encoded.
        what: &'static str,
        /// Where it was going.
        path: PathBuf,
        /// The encoder's message.
        reason: String,
    },
}

/// Result alias for the store.
pub type Result<T, E = StoreError> = std::result::Result<T, E>;

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
pub enum ChangeReason {
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
pub struct RecentAnswer {
    /// Its journal sequence number.
    pub seq: u64,
    /// When it was given.
    pub at: DateTime<Utc>,
    /// The rating.
    pub rating: Rating,
    /// True when the item had no progress (or was `Phase::New`) before it.
    pub was_new: bool,
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
    pub restored: Option<ItemState>,
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
pub const UNDO_DEPTH: usize = 50;
/// Answers younger than this (before the latest snapshot) are kept in memory for
/// [`Store::counts_since`]; older ones are counted from the history.
pub const RECENT_WINDOW_HOURS: i64 = 72;

#[derive(Debug, Clone)]
struct UndoEntry {
    seq: u64,
    entry: ReviewEntry,
    before: Option<ItemState>,
}

/// The in-memory state rebuilt by replaying events.
#[derive(Debug, Default)]
pub(crate) struct Model {
    states: HashMap<ItemKey, ItemState>,
    undo: VecDeque<UndoEntry>,
    recent: Vec<RecentAnswer>,
    recent_floor: Option<DateTime<Utc>>,
    last_seq: u64,
    answers: usize,
}

fn set_or_remove(states: &mut HashMap<ItemKey, ItemState>, key: ItemKey, s: Option<ItemState>) {
    match s {
        Some(s) => {
            states.insert(key, s);
        }
        None => {
            states.remove(&key);
        }
    }
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

    /// Applies one event; events at or below `last_seq` (already folded) are skipped.
    fn apply(&mut self, seq: u64, ev: Event) {
        if seq <= self.last_seq {
            return;
        }
        self.last_seq = seq;
        match ev {
            Event::Answer {
                entry,
                before,
                after,
            } => {
                self.answers += 1;
                let was_new = match &before {
                    Before::Given(b) => b.as_ref().is_none_or(|b| b.phase == Phase::New),
                    Before::Current => entry.phase == Phase::New,
                };
                self.recent.push(RecentAnswer {
                    seq,
                    at: entry.at,
                    rating: entry.rating,
                    was_new,
                });
                let current = match self.states.get_mut(&entry.key) {
                    Some(s) => Some(std::mem::replace(s, after)),
                    None => {
                        self.states.insert(entry.key.clone(), after);
                        None
                    }
                };
                let before = before.resolve(current);
                self.undo.push_back(UndoEntry { seq, entry, before });
                if self.undo.len() > UNDO_DEPTH {
                    self.undo.pop_front();
                }
            }
            Event::Undo {
                target,
                key,
                restored,
                ..
            } => {
                set_or_remove(&mut self.states, key, restored);
                if let Some(i) = self.undo.iter().rposition(|u| u.seq == target) {
                    self.undo.remove(i);
                }
                if let Some(i) = self.recent.iter().rposition(|r| r.seq == target) {
                    self.recent.remove(i);
                }
            }
            Event::Set { key, state, .. } => {
                self.undo.retain(|u| u.entry.key != key);
                set_or_remove(&mut self.states, key, state);
            }
            Event::HistoryOnly(_) => {}
        }
    }

    fn prune_recent(&mut self, at: DateTime<Utc>) {
        let floor = at - Duration::hours(RECENT_WINDOW_HOURS);
        let floor = self.recent_floor.map_or(floor, |f| f.max(floor));
        self.recent.retain(|r| r.at >= floor);
        self.recent_floor = Some(floor);
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
    read_only: Option<String>,
    model: Model,
    writer: Option<JournalWriter>,
    journal_records: usize,
    journal_first_seq: Option<u64>,
    snapshot_every: usize,
    next_auto_snapshot: usize,
    snapshot_error: Option<String>,
    /// Encoded journal lines of changes applied in memory whose write failed, in order.
    unsaved: Vec<u8>,
    /// How many changes `unsaved` holds.
    unsaved_count: usize,
    /// Sequence number of the first of them.
    unsaved_first_seq: Option<u64>,
    /// Why the latest write of them failed.
    unsaved_error: Option<String>,
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
        if self.unsaved_count > 0 {
            let _ = self.retry_unsaved();
        }
        // A background snapshot finishes before the lock is released.
        self.snapper = None;
    }
}

/// Sets the damaged journal aside (a copy, byte for byte) and replaces it with a clean
/// copy of its good lines; returns where the copy is.
fn repair_journal(paths: &ProgressPaths, at: DateTime<Utc>) -> Result<PathBuf> {
    let copy = fsutil::keep_aside(&paths.journal, "corrupt", at)?;
    let tmp = paths.dir.join(format!(
        ".{}{}repair",
        paths::JOURNAL_FILE,
        fsutil::TMP_MARK
    ));
    let replaced = journal::write_clean_copy(&paths.journal, &tmp).and_then(|_| {
        fs::rename(&tmp, &paths.journal).map_err(fsutil::io_err(
            "replace the damaged journal",
            &paths.journal,
        ))
    });
    if let Err(e) = replaced {
        // The copy set aside stays (it is the damaged journal, byte for byte).
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    fsutil::sync_dir(&paths.dir)?;
    Ok(copy)
}

/// What is at `path` when it is not what belongs there (a folder when `want_dir`, else a
/// regular file); `None` when it is right or absent.
fn wrong_type(path: &Path, want_dir: bool) -> Option<&'static str> {
    let meta = fs::metadata(path).ok()?;
    let t = meta.file_type();
    if want_dir {
        return (!t.is_dir()).then_some("a file where a folder belongs");
    }
    if t.is_file() {
        return None;
    }
    Some(if t.is_dir() {
        "a folder where a file belongs"
    } else {
        "not a regular file (a pipe or a device)"
    })
}

/// Moves `path` aside (never deleting it) when it is of the wrong type, noting it.
fn set_aside_if_wrong_type(
    path: &Path,
    want_dir: bool,
    at: DateTime<Utc>,
    report: &mut RecoveryReport,
) -> Result<()> {
    if let Some(what) = wrong_type(path, want_dir) {
        let moved_to = fsutil::move_aside(path, "wrong-type", at)?;
        report.notes.push(RecoveryNote::WrongType {
            path: path.to_path_buf(),
            what,
            moved_to: Some(moved_to),
        });
    }
    Ok(())
}

/// The archived journals in `dir`, oldest first.
fn history_segments(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(fsutil::io_err("list the history folder", dir)(e)),
    };
    let mut v: Vec<PathBuf> = rd
        .flatten()
        .filter(|e| paths::is_history_segment(&e.file_name()))
        .map(|e| e.path())
        .collect();
    // By first sequence number, then by the `-N` suffix of a name taken twice (sorting
    // the names as text would put `…1-2.log` before `…1.log`).
    v.sort_by_cached_key(|p| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        let stem = name
            .strip_prefix("journal-")
            .and_then(|n| n.strip_suffix(".log"))
            .unwrap_or("");
        let (first, n) = stem.split_once('-').unwrap_or((stem, "1"));
        (
            first.parse::<u64>().unwrap_or(u64::MAX),
            n.parse::<u64>().unwrap_or(u64::MAX),
            name,
        )
    });
    Ok(v)
}

impl Store {
    /// Opens the progress of the profile in `profile_dir` (created if missing, unless
    /// read-only), repairing what it must. `at` is the current time, used to name files
    /// set aside and the lock's owner note.
    ///
    /// Returns the store and a report of what was recovered (empty when all was clean).
    pub fn open(
        profile_dir: &Path,
        opts: &OpenOptions,
        at: DateTime<Utc>,
    ) -> Result<(Store, RecoveryReport)> {
        let paths = ProgressPaths::new(profile_dir);
        let mut report = RecoveryReport::default();
        let mut read_only = None;
        let mut lock = None;
        // When a repair (or the lock, or a folder) cannot be written — a full disk, a
        // read-only folder — the profile still opens, read-only, saying why.
        let cannot_write = |read_only: &mut Option<String>,
                            lock: &mut Option<ProfileLock>,
                            report: &mut RecoveryReport,
                            e: StoreError| {
            *read_only = Some(format!("the profile cannot be written: {e}"));
            *lock = None;
            report.notes.push(RecoveryNote::LeftUnrepaired);
        };
        match opts.mode {
            OpenMode::ReadOnly => read_only = Some("opened read-only".to_owned()),
            OpenMode::ReadWrite | OpenMode::ReadOnlyIfLocked => {
                let locked = fs::create_dir_all(profile_dir)
                    .map_err(fsutil::io_err("create the profile folder", profile_dir))
                    .and_then(|()| {
                        // A lock that is not a file (a folder, a pipe) is set aside first.
                        set_aside_if_wrong_type(
                            &profile_dir.join(lock::LOCK_FILE),
                            false,
                            at,
                            &mut report,
                        )?;
                        try_lock_profile(profile_dir, at)
                    });
                match locked {
                    Ok(LockAttempt::Acquired(l)) => lock = Some(l),
                    Ok(LockAttempt::Held(holder)) if opts.mode == OpenMode::ReadWrite => {
                        return Err(StoreError::Locked {
                            path: profile_dir.to_path_buf(),
                            holder,
                        });
                    }
                    Ok(LockAttempt::Held(holder)) => {
                        read_only = Some(format!("in use by {holder}"));
                    }
                    Ok(LockAttempt::Unsupported) => {
                        report.notes.push(RecoveryNote::LockUnsupported {
                            path: profile_dir.to_path_buf(),
                        })
                    }
                    Err(e) if profile_dir.is_dir() => {
                        cannot_write(&mut read_only, &mut lock, &mut report, e);
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        if read_only.is_none() {
            let made = set_aside_if_wrong_type(&paths.dir, true, at, &mut report).and_then(|()| {
                fs::create_dir_all(&paths.dir)
                    .map_err(fsutil::io_err("create the progress folder", &paths.dir))
            });
            match made {
                Ok(()) => {
                    fsutil::remove_stale_tmp(profile_dir);
                    fsutil::remove_stale_tmp(&paths.dir);
                }
                Err(e) => cannot_write(&mut read_only, &mut lock, &mut report, e),
            }
        }
        // Structural damage — a folder where a file should be, a file where the history
        // folder should be, a pipe or a device — is set aside like any damaged file.
        let mut unusable = |path: &Path, want_dir: bool, read_only: &mut Option<String>| {
            let found = wrong_type(path, want_dir);
            if let Some(what) = found {
                let moved = match read_only {
                    None => set_aside_if_wrong_type(path, want_dir, at, &mut report),
                    Some(_) => {
                        report.notes.push(RecoveryNote::WrongType {
                            path: path.to_path_buf(),
                            what,
                            moved_to: None,
                        });
                        Ok(())
                    }
                };
                if let Err(e) = moved {
                    cannot_write(read_only, &mut lock, &mut report, e);
                }
            }
            found.is_some()
        };
        let history_unusable = unusable(&paths.history, true, &mut read_only);
        let snapshot_unusable = unusable(&paths.snapshot, false, &mut read_only);
        let journal_unusable = unusable(&paths.journal, false, &mut read_only);

        // 1. The snapshot.
        let mut model = Model::default();
        let segments = if history_unusable {
            Vec::new()
        } else {
            history_segments(&paths.history)?
        };
        let mut rebuild = false;
        let mut snapshot_missing = snapshot_unusable;
        let loaded = if snapshot_unusable {
            None
        } else {
            snapshot::load(&paths.snapshot)?
        };
        match loaded {
            Some(Ok(s)) => model = Model::from_snapshot(s),
            Some(Err(snapshot::Damage(reason))) => {
                let moved_to = match read_only {
                    None => match fsutil::move_aside(&paths.snapshot, "corrupt", at) {
                        Ok(to) => Some(to),
                        Err(e) => {
                            cannot_write(&mut read_only, &mut lock, &mut report, e);
                            None
                        }
                    },
                    Some(_) => None,
                };
                report.notes.push(RecoveryNote::SnapshotDamaged {
                    path: paths.snapshot.clone(),
                    moved_to,
                    reason,
                });
                rebuild = true;
            }
            None => snapshot_missing = true,
        }
        if snapshot_missing && !segments.is_empty() {
            report.notes.push(RecoveryNote::SnapshotMissing {
                path: paths.snapshot.clone(),
            });
            rebuild = true;
        }

        // 2. Without a usable snapshot, replay the archive.
        if rebuild {
            for seg in &segments {
                let rep = journal::scan(seg, |seq, ev| model.apply(seq, ev))?;
                if rep.damaged() {
                    report.notes.push(RecoveryNote::HistoryDamaged {
                        path: seg.clone(),
                        lines: rep.middle.len() + rep.tail.len(),
                    });
                }
            }
            // Answers folded before this session are not undoable.
            model.undo.clear();
        }

        // 3. A journal that a background snapshot was folding when the program stopped.
        let folding = journal::scan(&paths.folding, |seq, ev| model.apply(seq, ev))?;
        if folding.damaged() {
            report.notes.push(RecoveryNote::HistoryDamaged {
                path: paths.folding.clone(),
                lines: folding.middle.len() + folding.tail.len(),
            });
        }

        // 4. The journal.
        let rep = if journal_unusable {
            journal::ScanReport {
                missing: true,
                ..journal::ScanReport::default()
            }
        } else {
            replay::journal(&mut model, &paths.journal)?
        };
        let first_unfolded = if folding.missing {
            rep.first_seq
        } else {
            folding.first_seq.or(rep.first_seq)
        };
        if snapshot_missing && !rebuild && first_unfolded.is_some_and(|s| s > 1) {
            report.notes.push(RecoveryNote::SnapshotMissing {
                path: paths.snapshot.clone(),
            });
        }
        if let Some(found) = rep.newer_header {
            report.notes.push(RecoveryNote::JournalNewerHeader {
                path: paths.journal.clone(),
                found,
            });
        }
        if !rep.tail.is_empty() {
            report.notes.push(RecoveryNote::JournalTail {
                path: paths.journal.clone(),
                lines: rep.tail.len(),
                bytes: rep.tail_bytes,
            });
        }
        if !rep.middle.is_empty() {
            report.notes.push(RecoveryNote::JournalDamaged {
                path: paths.journal.clone(),
                lines: rep.middle.clone(),
            });
        }
        if rep.damaged() {
            if read_only.is_none() {
                match repair_journal(&paths, at) {
                    Ok(copy) => report.notes.push(RecoveryNote::JournalKept { copy }),
                    Err(e) => cannot_write(&mut read_only, &mut lock, &mut report, e),
                }
            } else if !report.notes.contains(&RecoveryNote::LeftUnrepaired) {
                report.notes.push(RecoveryNote::LeftUnrepaired);
            }
        } else if read_only.is_some()
            && rebuild
            && !report.notes.contains(&RecoveryNote::LeftUnrepaired)
        {
            report.notes.push(RecoveryNote::LeftUnrepaired);
        }
        let writable = read_only.is_none();
        report.answers_recovered = model.answers;
        report.items = model.states.len();

        let mut store = Store {
            profile_dir: profile_dir.to_path_buf(),
            paths,
            lock,
            read_only,
            model,
            writer: None,
            journal_records: rep.good,
            journal_first_seq: rep.first_seq,
            snapshot_every: opts.snapshot_every.max(1),
            next_auto_snapshot: 0,
            snapshot_error: None,
            unsaved: Vec::new(),
            unsaved_count: 0,
            unsaved_first_seq: None,
            unsaved_error: None,
            snapper: None,
            folding_first_seq: None,
            archive_lock: Arc::new(Mutex::new(())),
            compact_lock: Arc::new(Mutex::new(())),
        };
        // Finish folding a journal left by a snapshot that did not complete.
        let folding_left = !folding.missing;
        if !folding.missing {
            store.folding_first_seq = Some(folding.first_seq.unwrap_or(store.model.last_seq));
        }
        if writable && (rebuild || folding_left) {
            // Replace the damaged snapshot now; if that fails, the journal still holds
            // everything and the next snapshot will try again.
            if let Err(e) = store.snapshot(at) {
                store.snapshot_error = Some(e.to_string());
            }
        }
        if writable && store.snapshot_every != usize::MAX {
            // Without a thread, automatic snapshots are written on the answer path.
            store.snapper = background::Snapper::start(
                &store.model,
                &store.paths,
                store.archive_lock.clone(),
                store.compact_lock.clone(),
            )
            .ok();
        }
        Ok((store, report))
    }

    /// The profile folder.
    pub fn profile_dir(&self) -> &Path {
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
    pub fn read_only_reason(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// True when this store holds the profile's lock.
    pub fn holds_lock(&self) -> bool {
        self.lock.is_some()
    }

    /// Every item's state. Items without an entry are new.
    pub fn states(&self) -> &HashMap<ItemKey, ItemState> {
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
        self.unsaved_count
    }

    /// Why the unsaved changes could not be written, as of the latest attempt.
    pub fn unsaved_error(&self) -> Option<&str> {
        self.unsaved_error.as_deref()
    }

    /// Tries again to write the unsaved changes (see [`Store::record_answer_or_keep`]).
    /// Returns how many were written: 0 when there were none. On failure they stay
    /// unsaved and the error says why.
    pub fn retry_unsaved(&mut self) -> Result<usize> {
        if self.unsaved_count == 0 {
            return Ok(0);
        }
        let n = self.unsaved_count;
        self.commit(Vec::new(), false)?;
        Ok(n)
    }

    /// Appends `bytes` (whole lines) to the journal, opening it first if needed.
    fn append_journal(&mut self, bytes: &[u8]) -> Result<()> {
        let writer = match &mut self.writer {
            Some(w) => w,
            None => self
                .writer
                .insert(JournalWriter::open(&self.paths.journal)?),
        };
        writer.append(bytes)
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
        let mut buf = Vec::with_capacity(self.unsaved.len() + events.len() * 300);
        buf.extend_from_slice(&self.unsaved);
        journal::encode_batch(&mut buf, first, &events, |k| self.model.states.get(k));
        let unsaved = match self.append_journal(&buf) {
            Ok(()) => {
                self.journal_records += self.unsaved_count + events.len();
                self.journal_first_seq
                    .get_or_insert(self.unsaved_first_seq.unwrap_or(first));
                self.unsaved = Vec::new();
                self.unsaved_count = 0;
                self.unsaved_first_seq = None;
                self.unsaved_error = None;
                None
            }
            Err(e) if keep && matches!(e, StoreError::Io { .. }) => {
                self.unsaved = buf;
                self.unsaved_count += events.len();
                self.unsaved_first_seq.get_or_insert(first);
                self.unsaved_error = Some(e.to_string());
                Some(e)
            }
            Err(e) => {
                if self.unsaved_count > 0 {
                    self.unsaved_error = Some(e.to_string());
                }
                return Err(e);
            }
        };
        if let Some(s) = &self.snapper {
            s.events(first, events.clone());
        }
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

    fn maybe_auto_snapshot(&mut self, at: DateTime<Utc>) {
        self.background_outcome(false);
        if self.journal_records >= self.snapshot_every
            && self.journal_records >= self.next_auto_snapshot
        {
            if self.snapper.as_ref().is_some_and(|s| s.running()) {
                return;
            }
            if self.snapper.is_some() && self.folding_first_seq.is_none() && self.unsaved_count == 0
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
                            s.request(at, first);
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

    /// True when [`Store::undo_last`] has an answer to undo.
    pub fn can_undo(&self) -> bool {
        !self.model.undo.is_empty()
    }

    /// The answer [`Store::undo_last`] would undo.
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
    pub fn set_state(
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
                || self.unsaved_count > 0
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
mod tests {
    use super::*;
    use crate::schedule::Memory;

    pub(crate) fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
    }

    pub(crate) fn st(reps: u32, at: i64) -> ItemState {
        ItemState {
            phase: Phase::Review,
            step: 0,
            memory: Some(Memory {
                stability_days: reps as f32,
                difficulty: 5.0,
            }),
            due: t(at + 86_400),
            last_review: Some(t(at)),
            interval_days: 1,
            reps,
            lapses: 0,
            leech: false,
            suspended: false,
        }
    }

    fn answer(store: &mut Store, key: &ItemKey, at: i64) -> u64 {
        let before = store.state(key).cloned();
        let reps = before.as_ref().map_or(0, |b| b.reps) + 1;
        store
            .record_answer(
                ReviewEntry {
                    key: key.clone(),
                    rating: Rating::Good,
                    at: t(at),
                    duration_ms: 1000,
                    phase: Default::default(),
                },
                before,
                st(reps, at),
            )
            .unwrap()
    }

    fn open(dir: &Path) -> (Store, RecoveryReport) {
        Store::open(dir, &OpenOptions::default(), t(0)).unwrap()
    }

    #[test]
    fn answers_survive_reopen_and_snapshot() {
        let d = tempfile::tempdir().unwrap();
        let k = ItemKey::new("d", "c", 0);
        let (mut s, rep) = open(d.path());
        assert!(rep.is_empty());
        assert_eq!(answer(&mut s, &k, 1), 1);
        assert_eq!(answer(&mut s, &k, 2), 2);
        drop(s);
        let (mut s, rep) = open(d.path());
        assert!(rep.is_empty(), "{rep}");
        assert_eq!(s.state(&k).unwrap().reps, 2);
        s.snapshot(t(3)).unwrap();
        assert_eq!(s.journal_len(), 0);
        answer(&mut s, &k, 4);
        drop(s);
        let (s, _) = open(d.path());
        assert_eq!(s.state(&k).unwrap().reps, 3);
        assert_eq!(s.last_seq(), 3);
        assert_eq!(s.history().unwrap().len(), 3);
    }

    #[test]
    fn undo_walks_back_and_is_journaled() {
        let d = tempfile::tempdir().unwrap();
        let k = ItemKey::new("d", "c", 0);
        let (mut s, _) = open(d.path());
        answer(&mut s, &k, 1);
        answer(&mut s, &k, 2);
        let u = s.undo_last(t(3)).unwrap().unwrap();
        assert_eq!(u.restored.as_ref().unwrap().reps, 1);
        let u = s.undo_last(t(3)).unwrap().unwrap();
        assert_eq!(u.restored, None);
        assert!(s.state(&k).is_none());
        assert!(s.undo_last(t(3)).unwrap().is_none());
        answer(&mut s, &k, 4);
        drop(s);
        let (mut s, _) = open(d.path());
        assert_eq!(s.state(&k).unwrap().reps, 1);
        assert_eq!(s.history().unwrap().len(), 1);
        // Undo still works after reopening, for answers in the journal.
        assert!(s.undo_last(t(5)).unwrap().is_some());
        assert!(s.state(&k).is_none());
    }

    #[test]
    fn set_state_clears_undo_for_that_item() {
        let d = tempfile::tempdir().unwrap();
        let k = ItemKey::new("d", "c", 0);
        let (mut s, _) = open(d.path());
        answer(&mut s, &k, 1);
        assert!(s.can_undo());
        s.set_suspended(&k, true, t(2)).unwrap().unwrap();
        assert!(!s.can_undo());
        assert!(s.state(&k).unwrap().suspended);
        assert_eq!(s.set_suspended(&k, true, t(2)).unwrap(), None);
        s.set_suspended(&k, false, t(3)).unwrap();
        s.reset(&k, t(4)).unwrap().unwrap();
        assert!(s.state(&k).is_none());
        let new = ItemKey::new("d", "new", 0);
        s.set_suspended(&new, true, t(5)).unwrap();
        assert_eq!(s.state(&new).unwrap().phase, Phase::New);
        drop(s);
        let (s, _) = open(d.path());
        assert!(s.state(&k).is_none());
        assert!(s.state(&new).unwrap().suspended);
        assert_eq!(s.history().unwrap().len(), 1);
    }

    #[test]
    fn auto_snapshot_rotates_into_history() {
        let d = tempfile::tempdir().unwrap();
        let opts = OpenOptions {
            snapshot_every: 3,
            ..Default::default()
        };
        let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
        for i in 0..10 {
            answer(&mut s, &ItemKey::new("d", format!("c{i}"), 0), i);
            // Automatic snapshots are written in the background; let each finish.
            s.wait_for_snapshot();
        }
        assert!(!s.snapshot_running());
        assert!(!s.paths().folding.exists());
        assert_eq!(s.journal_len(), 1);
        // Three journals archived, possibly merged already by the background compaction.
        let segs = history_segments(&s.paths().history).unwrap();
        assert!((1..=3).contains(&segs.len()), "{segs:?}");
        assert_eq!(s.history().unwrap().len(), 10);
        s.close(t(20)).unwrap();
        let (s, rep) = open(d.path());
        assert!(rep.is_empty());
        assert_eq!(s.journal_len(), 0);
        assert_eq!(s.states().len(), 10);
    }

    #[test]
    fn counts_today() {
        let d = tempfile::tempdir().unwrap();
        let (mut s, _) = open(d.path());
        let a = ItemKey::new("d", "a", 0);
        let b = ItemKey::new("d", "b", 0);
        answer(&mut s, &a, 10);
        answer(&mut s, &a, 20);
        answer(&mut s, &b, 30);
        assert_eq!(
            s.counts_since(t(15)).unwrap(),
            AnswerCounts {
                answers: 2,
                new_items: 1,
                again: 0
            }
        );
        s.undo_last(t(31)).unwrap();
        assert_eq!(s.counts_since(t(0)).unwrap().answers, 2);
        // After a snapshot far in the future, old counts come from the history.
        s.snapshot(t(10 * 86_400)).unwrap();
        assert_eq!(s.counts_since(t(0)).unwrap().answers, 2);
        assert_eq!(s.counts_since(t(0)).unwrap().new_items, 1);
        assert_eq!(s.counts_since(t(9 * 86_400)).unwrap().answers, 0);
    }

    #[test]
    fn lock_blocks_second_writer_in_same_process() {
        let d = tempfile::tempdir().unwrap();
        let (s, _) = open(d.path());
        assert!(s.holds_lock());
        let err = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap_err();
        assert!(matches!(err, StoreError::Locked { .. }));
        assert!(err.to_string().contains("in use by process"), "{err}");
        let (mut ro, _) = Store::open(
            d.path(),
            &OpenOptions {
                mode: OpenMode::ReadOnlyIfLocked,
                ..Default::default()
            },
            t(0),
        )
        .unwrap();
        assert!(ro.read_only());
        let k = ItemKey::new("d", "c", 0);
        let e = ro
            .record_answer(
                ReviewEntry {
                    key: k.clone(),
                    rating: Rating::Good,
                    at: t(1),
                    duration_ms: 1,
                    phase: Default::default(),
                },
                None,
                st(1, 1),
            )
            .unwrap_err();
        assert!(matches!(e, StoreError::ReadOnly { .. }), "{e}");
        assert!(ro.snapshot(t(1)).is_err());
        drop(s);
        let (s2, _) = open(d.path());
        assert!(s2.holds_lock());
    }

    #[test]
    fn deck_edits_never_delete_state() {
        let d = tempfile::tempdir().unwrap();
        let (mut s, _) = open(d.path());
        let kept = ItemKey::new("d", "removed-card", 0);
        answer(&mut s, &kept, 1);
        s.close(t(2)).unwrap();
        // The deck no longer has the card: nothing in the store changes; when the card
        // comes back its state is still there, and unknown items are new.
        let (s, _) = open(d.path());
        assert_eq!(s.state(&kept).unwrap().reps, 1);
        assert!(s.state(&ItemKey::new("d", "brand-new", 0)).is_none());
    }

    #[test]
    fn used_up_sequence_numbers_refuse_writes_instead_of_wrapping() {
        // A journal edited to hold the last sequence number: the next record would wrap
        // to 0, look already folded and be lost.
        let d = tempfile::tempdir().unwrap();
        let p = ProgressPaths::new(d.path());
        fs::create_dir_all(&p.dir).unwrap();
        let k = ItemKey::new("d", "c", 0);
        let mut text = journal::header_line().into_bytes();
        let ev = Event::Set {
            key: k.clone(),
            state: Some(st(1, 0)),
            reason: ChangeReason::Edit,
            at: t(0),
        };
        journal::encode_line(&mut text, u64::MAX, &ev);
        fs::write(&p.journal, &text).unwrap();
        let (mut s, _) = open(d.path());
        assert_eq!(s.last_seq(), u64::MAX);
        let before = s.state(&k).cloned();
        let e = s
            .record_answer(
                ReviewEntry {
                    key: k.clone(),
                    rating: Rating::Good,
                    at: t(1),
                    duration_ms: 1000,
                    phase: Phase::Review,
                },
                before.clone(),
                st(2, 1),
            )
            .unwrap_err();
        assert!(matches!(e, StoreError::SequenceExhausted { .. }), "{e}");
        assert_eq!(s.state(&k), before.as_ref());
        assert_eq!(fs::read(&p.journal).unwrap(), text, "nothing was written");
        s.close(t(2)).unwrap();
        let (s, rep) = open(d.path());
        assert!(rep.is_empty(), "{rep}");
        assert_eq!(s.last_seq(), u64::MAX);
    }

    #[test]
    fn a_newer_snapshot_is_moved_aside_not_a_lock_out() {
        let d = tempfile::tempdir().unwrap();
        let p = ProgressPaths::new(d.path());
        fs::create_dir_all(&p.dir).unwrap();
        fs::write(&p.snapshot, b"QUIZDECK-SNAPSHOT 3 00000000 0\n").unwrap();
        let (s, rep) = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap();
        assert!(!s.read_only());
        assert!(matches!(
            &rep.notes[..],
            [RecoveryNote::SnapshotDamaged {
                moved_to: Some(_),
                ..
            }]
        ));
    }

    fn keys(n: u32) -> Vec<ItemKey> {
        (0..n)
            .map(|i| ItemKey::new("d", format!("c{i}"), 0))
            .collect()
    }

    #[test]
    fn automatic_snapshots_are_written_in_the_background_from_a_copy() {
        let d = tempfile::tempdir().unwrap();
        let opts = OpenOptions {
            snapshot_every: 5,
            ..Default::default()
        };
        let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
        let ks = keys(8);
        for (i, k) in ks.iter().cycle().take(23).enumerate() {
            answer(&mut s, k, i as i64);
            if i == 5 {
                // An undo right after a background snapshot was asked for.
                s.undo_last(t(100)).unwrap().unwrap();
            }
        }
        s.set_suspended(&ks[3], true, t(200)).unwrap();
        s.wait_for_snapshot();
        assert!(s.snapshot_error().is_none());
        let states = s.states().clone();
        let history = s.history().unwrap();
        assert_eq!(history.len(), 22);
        let snap = snapshot::load(&s.paths().snapshot)
            .unwrap()
            .unwrap()
            .unwrap();
        assert!(snap.last_seq >= 5, "an automatic snapshot was written");
        // Every state in the snapshot is the state the store had at that point: the
        // snapshot plus the journal gives exactly the store's states.
        drop(s);
        let (s, rep) = open(d.path());
        assert!(rep.is_empty(), "{rep}");
        assert_eq!(s.states(), &states);
        assert_eq!(s.history().unwrap(), history);
        assert!(!s.paths().folding.exists());
    }

    #[test]
    fn a_journal_left_folding_by_a_crash_is_replayed_and_archived() {
        let d = tempfile::tempdir().unwrap();
        let paths = ProgressPaths::new(d.path());
        let (mut s, _) = open(d.path());
        let ks = keys(4);
        for (i, k) in ks.iter().enumerate() {
            answer(&mut s, k, i as i64);
        }
        s.snapshot(t(10)).unwrap();
        for (i, k) in ks.iter().enumerate() {
            answer(&mut s, k, 20 + i as i64);
        }
        let states = s.states().clone();
        drop(s);
        // Killed right after the journal was set aside, before the snapshot was written.
        fs::rename(&paths.journal, &paths.folding).unwrap();
        let (mut s, rep) = open(d.path());
        assert!(rep.is_empty(), "{rep}");
        assert_eq!(s.states(), &states);
        assert!(!paths.folding.exists(), "archived on opening");
        assert_eq!(s.history().unwrap().len(), 8);
        answer(&mut s, &ks[0], 40);
        let states = s.states().clone();
        s.snapshot(t(50)).unwrap();
        drop(s);
        // Killed after the snapshot was written, before the folded journal was archived:
        // the newest history segment is back in `folding.log`.
        let newest = history_segments(&paths.history).unwrap().pop().unwrap();
        fs::rename(&newest, &paths.folding).unwrap();
        let (s, rep) = open(d.path());
        assert!(rep.is_empty(), "{rep}");
        assert_eq!(s.states(), &states);
        assert_eq!(s.history().unwrap().len(), 9, "nothing counted twice");
        assert!(!paths.folding.exists());
    }

    #[test]
    fn a_failed_background_snapshot_is_redone_in_the_foreground_and_loses_nothing() {
        let d = tempfile::tempdir().unwrap();
        let opts = OpenOptions {
            snapshot_every: 3,
            ..Default::default()
        };
        let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
        let ks = keys(5);
        answer(&mut s, &ks[0], 1);
        answer(&mut s, &ks[1], 2);
        // A file where the history folder goes: the folded journal cannot be archived.
        fs::write(&s.paths().history, b"in the way").unwrap();
        answer(&mut s, &ks[2], 3);
        s.wait_for_snapshot();
        assert!(s.snapshot_error().is_some());
        assert!(s.paths().folding.exists(), "kept for the next snapshot");
        fs::remove_file(&s.paths().history).unwrap();
        for (i, k) in ks.iter().enumerate() {
            answer(&mut s, k, 10 + i as i64);
        }
        s.wait_for_snapshot();
        assert!(s.snapshot_error().is_none(), "{:?}", s.snapshot_error());
        assert!(!s.paths().folding.exists());
        let states = s.states().clone();
        drop(s);
        let (s, rep) = open(d.path());
        assert!(rep.is_empty(), "{rep}");
        assert_eq!(s.states(), &states);
        assert_eq!(s.history().unwrap().len(), 8);
    }

    fn per_item(history: &[ReviewEntry], key: &ItemKey) -> Vec<ReviewEntry> {
        history.iter().filter(|e| &e.key == key).cloned().collect()
    }

    #[test]
    fn item_history_reads_the_index_and_matches_the_full_history() {
        let d = tempfile::tempdir().unwrap();
        let opts = OpenOptions {
            snapshot_every: 7,
            ..Default::default()
        };
        let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
        let ks = keys(6);
        for i in 0..400i64 {
            let k = &ks[(i * i % 6) as usize];
            answer(&mut s, k, i);
            if i % 11 == 0 {
                s.undo_last(t(i)).unwrap();
            }
            if i % 50 == 0 {
                s.snapshot(t(i)).unwrap();
            }
            s.wait_for_snapshot();
        }
        s.compact_history().unwrap();
        let history = s.history().unwrap();
        assert!(history.len() > 300);
        for k in &ks {
            assert_eq!(s.item_history(k).unwrap(), per_item(&history, k), "{k}");
        }
        assert!(
            s.item_history(&ItemKey::new("d", "none", 0))
                .unwrap()
                .is_empty()
        );
        // Bounded: each segment at least twice the next, so about log2(400 / 7) files.
        let segs = history_segments(&s.paths().history).unwrap();
        assert!(segs.len() <= 8, "{} segments", segs.len());
        for seg in &segs {
            assert!(history_index::index_path(seg).exists(), "{}", seg.display());
        }
        // Each item's lines were found through the index, not by scanning.
        let hits: usize = segs
            .iter()
            .map(|seg| history_index::lookup(seg, &ks[1]).unwrap().len())
            .sum();
        assert!(hits > 0);

        // A damaged or missing index is ignored (the segment is scanned) and rebuilt.
        let idx = history_index::index_path(&segs[0]);
        fs::write(&idx, b"QUIZDECK-HINDEX 1 garbage").unwrap();
        assert!(history_index::lookup(&segs[0], &ks[1]).is_none());
        fs::remove_file(history_index::index_path(segs.last().unwrap())).unwrap();
        for k in &ks {
            assert_eq!(s.item_history(k).unwrap(), per_item(&history, k), "{k}");
        }
        s.compact_history().unwrap();
        assert!(history_index::lookup(&segs[0], &ks[1]).is_some());
        drop(s);
        let (s, rep) = open(d.path());
        assert!(rep.is_empty(), "{rep}");
        assert_eq!(s.history().unwrap(), history);
    }

    /// The answers of `history` from `t(from)` on.
    fn from_on(history: &[ReviewEntry], from: i64) -> Vec<ReviewEntry> {
        history
            .iter()
            .filter(|e| e.at >= t(from))
            .cloned()
            .collect()
    }

    #[test]
    fn answers_since_reads_only_recent_answers_and_matches_the_full_history() {
        let d = tempfile::tempdir().unwrap();
        let opts = OpenOptions {
            snapshot_every: 5,
            ..Default::default()
        };
        let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
        let ks = keys(4);
        for i in 0..300i64 {
            answer(&mut s, &ks[(i % 4) as usize], i * 60);
            if i % 13 == 0 {
                s.undo_last(t(i * 60)).unwrap();
            }
            s.wait_for_snapshot();
        }
        s.compact_history().unwrap();
        let history = s.history().unwrap();
        let since = |from: i64| from_on(&history, from);
        for from in [0, 60, 3_000, 9_000, 17_940, 17_941, 20_000] {
            assert_eq!(
                s.answers_since(t(from)).unwrap(),
                since(from),
                "since {from}"
            );
        }
        // A later study day: its answers are archived in newer, smaller files.
        for i in 0..12i64 {
            answer(&mut s, &ks[(i % 4) as usize], 100_000 + i * 60);
            s.wait_for_snapshot();
        }
        s.compact_history().unwrap();
        let history = s.history().unwrap();
        let since = |from: i64| from_on(&history, from);
        assert_eq!(s.answers_since(t(100_000)).unwrap(), since(100_000));
        // The archive is read by a binary search from the oldest answer wanted.
        let segs = history_segments(&s.paths().history).unwrap();
        assert!(segs.len() >= 2, "{segs:?}");
        let last = segs.last().unwrap();
        let all = history_index::events_from_seq(last, 0).unwrap();
        let mid = all[all.len() / 2].0;
        let tail = history_index::events_from_seq(last, mid).unwrap();
        assert_eq!(tail.len(), all.len() - all.len() / 2);
        assert!(tail.iter().all(|(seq, _)| *seq >= mid));
        assert!(
            history_index::events_from_seq(last, u64::MAX)
                .unwrap()
                .is_empty()
        );

        // After reopening, the recent answers come from the snapshot's list; the oldest
        // history file is never read (made unreadable here, which the full history
        // reports).
        drop(s);
        let (s, _) = open(d.path());
        let oldest = &segs[0];
        fs::remove_file(oldest).unwrap();
        fs::create_dir(oldest).unwrap();
        assert!(s.history().is_err());
        let recent = s.answers_since(t(100_000)).unwrap();
        assert_eq!(recent, since(100_000));
        assert!(!recent.is_empty());
    }

    #[test]
    fn a_merge_cut_short_repeats_nothing_and_is_cleaned_up() {
        let d = tempfile::tempdir().unwrap();
        let (mut s, _) = open(d.path());
        let ks = keys(3);
        for round in 0..2 {
            for (i, k) in ks.iter().enumerate() {
                answer(&mut s, k, round * 10 + i as i64);
            }
            s.snapshot(t(round * 10 + 5)).unwrap();
        }
        let hist = s.paths().history.clone();
        let before = history_segments(&hist).unwrap();
        assert_eq!(before.len(), 2);
        let newer = fs::read(&before[1]).unwrap();
        s.compact_history().unwrap();
        assert_eq!(history_segments(&hist).unwrap().len(), 1, "merged");
        // As if killed between renaming the merged file and deleting the newer one.
        fs::write(&before[1], &newer).unwrap();
        let history = s.history().unwrap();
        assert_eq!(history.len(), 6, "nothing twice");
        assert_eq!(s.item_history(&ks[0]).unwrap().len(), 2);
        s.compact_history().unwrap();
        assert_eq!(history_segments(&hist).unwrap(), before[..1].to_vec());
        assert_eq!(s.history().unwrap(), history);
    }

    #[test]
    fn history_segments_are_ordered_by_sequence_then_suffix() {
        let d = tempfile::tempdir().unwrap();
        let names = [
            "journal-00000000000000000010.log",
            "journal-00000000000000000001-2.log",
            "journal-00000000000000000001.log",
            "journal-00000000000000000001-10.log",
        ];
        for n in names {
            fs::write(d.path().join(n), b"").unwrap();
        }
        fs::write(d.path().join("journal-00000000000000000001.idx"), b"").unwrap();
        let got: Vec<String> = history_segments(d.path())
            .unwrap()
            .iter()
            .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
            .collect();
        assert_eq!(got, [names[2], names[1], names[3], names[0]]);
    }
}
