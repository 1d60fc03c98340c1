//! Automatic snapshots written off the answer path.
//!
//! When the journal is long enough for an automatic snapshot, the answering thread only
//! renames `journal.log` to `folding.log` (and starts a fresh journal with the next
//! write) and hands the background thread a copy of its model as it is at that moment
//! (holding exactly the folded events): the states are shared copy-on-write
//! ([`super::States`]), so the copy costs O(1) and the answers given while the snapshot
//! is written copy only the small parts of the states they change. The thread writes the
//! snapshot from that copy, drops it, and moves `folding.log` into the history. Between
//! snapshots no second copy of the states is kept.
//!
//! Crash safety: until the new snapshot is in place, the old one plus `folding.log` plus
//! `journal.log` hold everything (open replays all three; events already folded are
//! skipped by sequence number). Once it is in place, `folding.log` only holds folded
//! events until it is moved into the history.
//!
//! The same thread indexes and compacts the history ([`history_index::compact`]) after
//! each snapshot and once when the store opens; closing the store stops a compaction
//! between steps (it resumes the next time).

use super::paths::ProgressPaths;
use super::{Model, Result, fsutil, history_index, paths, snapshot};
use chrono::{DateTime, Utc};
use std::fs;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::thread::JoinHandle;

enum Msg {
    /// Write a snapshot of `copy`, then archive `folding.log`, whose first event is
    /// `folding_first`.
    Snapshot {
        at: DateTime<Utc>,
        folding_first: u64,
        copy: Box<Model>,
    },
    /// Index and compact the history.
    Compact,
    /// Answer once everything asked before is done (tests and fuzzing).
    #[cfg(feature = "test-support")]
    Idle(mpsc::Sender<()>),
}

/// The background snapshot writer of one store.
pub(super) struct Snapper {
    tx: Option<mpsc::Sender<Msg>>,
    done: mpsc::Receiver<std::result::Result<(), String>>,
    running: bool,
    thread: Option<JoinHandle<()>>,
    stop: Arc<AtomicBool>,
}

impl Snapper {
    /// Starts a writer. `archive_lock` is held while files move into the history, so
    /// that a reader of the history sees each event once.
    pub(super) fn start(
        paths: &ProgressPaths,
        archive_lock: Arc<Mutex<()>>,
        compact_lock: Arc<Mutex<()>>,
    ) -> std::io::Result<Snapper> {
        let (tx, rx) = mpsc::channel::<Msg>();
        let (done_tx, done) = mpsc::channel();
        let paths = paths.clone();
        let stop = Arc::new(AtomicBool::new(false));
        let stopping = stop.clone();
        let compact = move |paths: &ProgressPaths, lock: &Mutex<()>| {
            // A failed compaction loses nothing (every file stays readable); it is tried
            // again after the next snapshot.
            let _one_at_a_time = compact_lock.lock().unwrap_or_else(|p| p.into_inner());
            let _ = history_index::compact(paths, lock, &stopping);
        };
        let thread = std::thread::Builder::new()
            .name("quizdeck-snapshot".into())
            .spawn(move || {
                for msg in rx {
                    match msg {
                        Msg::Snapshot {
                            at,
                            folding_first,
                            copy,
                        } => {
                            let r = write(&copy, &paths, at, folding_first, &archive_lock);
                            // The states the store changed since are its own again.
                            drop(copy);
                            let ok = r.is_ok();
                            if done_tx.send(r.map_err(|e| e.to_string())).is_err() {
                                return;
                            }
                            if ok {
                                compact(&paths, &archive_lock);
                            }
                        }
                        Msg::Compact => compact(&paths, &archive_lock),
                        #[cfg(feature = "test-support")]
                        Msg::Idle(reply) => {
                            let _ = reply.send(());
                        }
                    }
                }
            })?;
        let _ = tx.send(Msg::Compact);
        Ok(Snapper {
            tx: Some(tx),
            done,
            running: false,
            thread: Some(thread),
            stop,
        })
    }

    /// Asks for a snapshot of `model` (copied in O(1): its states are shared
    /// copy-on-write); `folding.log` must have just been made from the journal, its
    /// first event being `folding_first`, and `model` must hold exactly the events
    /// written so far.
    pub(super) fn request(&mut self, at: DateTime<Utc>, folding_first: u64, model: &Model) {
        let copy = Box::new(Model {
            states: model.states.clone(),
            undo: Default::default(),
            recent: model.recent.clone(),
            recent_floor: model.recent_floor,
            last_seq: model.last_seq,
            answers: 0,
        });
        if let Some(tx) = &self.tx {
            self.running = tx
                .send(Msg::Snapshot {
                    at,
                    folding_first,
                    copy,
                })
                .is_ok();
        }
    }

    /// Asks for the history to be indexed and compacted (after a snapshot written on the
    /// calling thread).
    pub(super) fn compact(&self) {
        if let Some(tx) = &self.tx {
            let _ = tx.send(Msg::Compact);
        }
    }

    /// Waits until the thread has done everything asked of it so far (the compaction
    /// started by the opening included).
    #[cfg(feature = "test-support")]
    pub(super) fn wait_idle(&self) {
        if let Some(tx) = &self.tx {
            let (reply, idle) = mpsc::channel();
            if tx.send(Msg::Idle(reply)).is_ok() {
                let _ = idle.recv();
            }
        }
    }

    /// True while a requested snapshot has not reported back.
    pub(super) fn running(&self) -> bool {
        self.running
    }

    /// The outcome of the requested snapshot if it has finished (`wait`: waiting for
    /// it); `None` when none is running (or, without `wait`, it is still running).
    pub(super) fn outcome(&mut self, wait: bool) -> Option<std::result::Result<(), String>> {
        if !self.running {
            return None;
        }
        let r = if wait {
            self.done
                .recv()
                .unwrap_or_else(|_| Err("the snapshot writer stopped".into()))
        } else {
            match self.done.try_recv() {
                Ok(r) => r,
                Err(mpsc::TryRecvError::Empty) => return None,
                Err(mpsc::TryRecvError::Disconnected) => Err("the snapshot writer stopped".into()),
            }
        };
        self.running = false;
        Some(r)
    }
}

impl Drop for Snapper {
    /// Lets a running snapshot finish before the store (and its lock) goes.
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        self.tx = None;
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

fn write(
    copy: &Model,
    paths: &ProgressPaths,
    at: DateTime<Utc>,
    folding_first: u64,
    archive_lock: &Mutex<()>,
) -> Result<()> {
    super::fault::background_snapshot_pause();
    snapshot::save(
        &paths.snapshot,
        &snapshot::SnapshotRef {
            last_seq: copy.last_seq,
            at: Some(at),
            states: &copy.states,
            recent: &copy.recent,
            recent_floor: copy.recent_floor,
        },
    )?;
    super::fault::background_snapshot_pause();
    let _guard = archive_lock.lock().unwrap_or_else(|p| p.into_inner());
    archive(&paths.folding, folding_first, paths)
}

/// Moves a folded journal (`src`, first event `first`) into the history, durably.
pub(super) fn archive(src: &Path, first: u64, paths: &ProgressPaths) -> Result<()> {
    let hist = &paths.history;
    fs::create_dir_all(hist).map_err(fsutil::io_err("create the history folder", hist))?;
    let mut dest = hist.join(paths::history_segment_name(first));
    let mut n = 2;
    while dest.symlink_metadata().is_ok() {
        dest = hist.join(format!("journal-{first:020}-{n}.log"));
        n += 1;
    }
    fs::rename(src, &dest).map_err(fsutil::io_err("move the journal into the history", src))?;
    fsutil::sync_dir(hist)?;
    fsutil::sync_dir(&paths.dir)
}

/// Renames the journal to `folding.log` durably (the answering thread's part).
pub(super) fn start_folding(paths: &ProgressPaths) -> Result<()> {
    fs::rename(&paths.journal, &paths.folding).map_err(fsutil::io_err(
        "set the journal aside for a snapshot",
        &paths.journal,
    ))?;
    fsutil::sync_dir(&paths.dir)
}
