//! Fault injection as the store's tests see it: the durable-file layer's one hook
//! (`durable::fault`, re-exported here), and a pause inside background snapshots
//! for the crash test.
//!
//! Hidden from the documentation and never used by the app itself; the functions that
//! register faults exist with the `test-support` feature only.

use std::sync::atomic::{AtomicU64, Ordering};

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
