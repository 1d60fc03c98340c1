//! Fault injection as the store's tests see it: the durable-file layer's one hook
//! (`durable::fault`, re-exported here), a profile whose drive fails to read (the one
//! way left for a profile to fail to open, short of a real failing drive), and a pause
//! inside background snapshots for the crash test.
//!
//! Hidden from the documentation and never used by the app itself; the functions that
//! register faults exist with the `test-support` feature only.

use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

#[cfg(test)]
pub(crate) use crate::durable::fault::fail_next_syncs;
pub(crate) use crate::durable::fault::write_with;
#[cfg(any(test, feature = "test-support"))]
pub use crate::durable::fault::{DiskFull, clear, disk_full, drive_removed, fail_next_writes};

static SNAPSHOT_PAUSE_MS: AtomicU64 = AtomicU64::new(0);

/// Makes every background snapshot of this process pause `ms` milliseconds before
/// writing the snapshot and again before moving the folded journal into the history, so
/// that the crash test can kill a process in the middle of one. 0 turns it off.
#[cfg(any(test, feature = "test-support"))]
pub fn slow_background_snapshots(ms: u64) {
    SNAPSHOT_PAUSE_MS.store(ms, Ordering::SeqCst);
}

/// Called by the background snapshot writer between its steps.
pub(crate) fn background_snapshot_pause() {
    let ms = SNAPSHOT_PAUSE_MS.load(Ordering::Relaxed);
    if ms > 0 {
        std::thread::sleep(std::time::Duration::from_millis(ms));
    }
}

static UNREADABLE_ACTIVE: AtomicBool = AtomicBool::new(false);
static UNREADABLE: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn unreadable_dirs() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    UNREADABLE.lock().unwrap_or_else(|p| p.into_inner())
}

/// Makes opening the profile in `dir` fail with an input/output error, as on a drive
/// that can no longer be read, until the returned guard is dropped.
#[cfg(any(test, feature = "test-support"))]
#[must_use = "the profile is unreadable only while the guard lives"]
pub fn unreadable_profile(dir: &Path) -> UnreadableProfile {
    unreadable_dirs().push(dir.to_path_buf());
    UNREADABLE_ACTIVE.store(true, Ordering::SeqCst);
    UnreadableProfile {
        dir: dir.to_path_buf(),
    }
}

/// A profile folder that fails to read; dropping it makes it readable again.
#[cfg(any(test, feature = "test-support"))]
#[derive(Debug)]
pub struct UnreadableProfile {
    dir: PathBuf,
}

#[cfg(any(test, feature = "test-support"))]
impl Drop for UnreadableProfile {
    fn drop(&mut self) {
        let mut v = unreadable_dirs();
        if let Some(i) = v.iter().position(|d| *d == self.dir) {
            v.remove(i);
        }
        if v.is_empty() {
            UNREADABLE_ACTIVE.store(false, Ordering::SeqCst);
        }
    }
}

/// The error opening the profile in `dir` gives under [`unreadable_profile`]; `None`
/// (one atomic load) when no such fault is registered.
pub(crate) fn open_error(dir: &Path) -> Option<std::io::Error> {
    if !UNREADABLE_ACTIVE.load(Ordering::Relaxed) {
        return None;
    }
    unreadable_dirs()
        .iter()
        .any(|d| d == dir)
        .then(|| std::io::Error::other("Input/output error"))
}
