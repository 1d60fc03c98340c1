//! The one fault-injection hook of the durable-file layer: make writes (or flushes) to
//! files under a folder fail as on a full disk or a pulled-out drive.
//!
//! Every durable write of quizdeck's data (journal appends, atomic replacements such as
//! snapshots and settings, exam result records) goes through [`write_with`], every flush
//! of them through [`sync_with`] and every cut-back through [`cut_with`]. With no fault
//! registered each is one atomic load. While a fault is active for a folder, a write to a
//! file under it puts part of its bytes in the file (as a real full disk does) and then
//! fails with `ENOSPC`.
//!
//! Registering faults ([`disk_full`], [`fail_next_writes`]…) is for tests only: it exists
//! with the `test-support` feature (and in the crate's own unit tests), never in the app.
//!
//! Faults are keyed by folder, so tests running in parallel on their own temporary
//! folders do not disturb each other. With no fault registered the check is one atomic
//! load.

use std::io;
use std::path::{Path, PathBuf};
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, Ordering};

#[derive(Debug)]
struct Fault {
    dir: PathBuf,
    /// Writes still to fail; `None`: every write fails until cleared.
    remaining: Option<u32>,
    /// Writes failed so far.
    failed: u32,
    /// Cutting a file back (truncation) fails too, as on a removed drive.
    removed: bool,
    /// Flushes (fsync) fail instead of writes.
    syncs: bool,
}

static ACTIVE: AtomicBool = AtomicBool::new(false);
static FAULTS: Mutex<Vec<Fault>> = Mutex::new(Vec::new());

fn faults() -> std::sync::MutexGuard<'static, Vec<Fault>> {
    FAULTS.lock().unwrap_or_else(|p| p.into_inner())
}

#[cfg(any(test, feature = "test-support"))]
fn set(dir: &Path, remaining: Option<u32>) {
    set_fault(dir, remaining, false, false);
}

#[cfg(any(test, feature = "test-support"))]
fn set_fault(dir: &Path, remaining: Option<u32>, removed: bool, syncs: bool) {
    let mut v = faults();
    v.retain(|f| f.dir != dir);
    v.push(Fault {
        dir: dir.to_path_buf(),
        remaining,
        failed: 0,
        removed,
        syncs,
    });
    ACTIVE.store(true, Ordering::SeqCst);
}

/// Makes every write to a file under `dir` fail with `ENOSPC` until the returned guard
/// is dropped (the disk "frees up") or [`clear`] is called.
#[cfg(any(test, feature = "test-support"))]
#[must_use = "the disk is full only while the guard lives"]
pub fn disk_full(dir: &Path) -> DiskFull {
    set(dir, None);
    DiskFull {
        dir: dir.to_path_buf(),
    }
}

/// Like [`disk_full`], and cutting a file back after a failed write fails too (as when
/// the drive was pulled out), until the returned guard is dropped.
#[cfg(any(test, feature = "test-support"))]
#[must_use = "the drive is gone only while the guard lives"]
pub fn drive_removed(dir: &Path) -> DiskFull {
    set_fault(dir, None, true, false);
    DiskFull {
        dir: dir.to_path_buf(),
    }
}

#[cfg(any(test, feature = "test-support"))]
/// Makes the next `n` writes to files under `dir` fail with `ENOSPC`; later writes
/// succeed again.
pub fn fail_next_writes(dir: &Path, n: u32) {
    set(dir, Some(n));
}

/// Makes the next `n` flushes (fsync) of files under `dir` fail, as on a drive that
/// reports a write error late; writes themselves succeed.
#[cfg(test)]
pub(crate) fn fail_next_syncs(dir: &Path, n: u32) {
    set_fault(dir, Some(n), false, true);
}

#[cfg(any(test, feature = "test-support"))]
/// Removes the fault registered for `dir` and returns how many writes it failed.
pub fn clear(dir: &Path) -> u32 {
    let mut v = faults();
    let failed = v
        .iter()
        .filter(|f| f.dir == dir)
        .map(|f| f.failed)
        .sum::<u32>();
    v.retain(|f| f.dir != dir);
    if v.is_empty() {
        ACTIVE.store(false, Ordering::SeqCst);
    }
    failed
}

#[cfg(any(test, feature = "test-support"))]
/// A full disk under a folder; dropping it frees the disk.
#[derive(Debug)]
pub struct DiskFull {
    dir: PathBuf,
}

#[cfg(any(test, feature = "test-support"))]
impl DiskFull {
    /// Writes failed so far under this guard's folder.
    pub fn failed(&self) -> u32 {
        faults()
            .iter()
            .filter(|f| f.dir == self.dir)
            .map(|f| f.failed)
            .sum()
    }
}

#[cfg(any(test, feature = "test-support"))]
impl Drop for DiskFull {
    fn drop(&mut self) {
        clear(&self.dir);
    }
}

/// The error a full disk gives.
pub(crate) fn no_space() -> io::Error {
    #[cfg(unix)]
    {
        io::Error::from_raw_os_error(28) // ENOSPC on Linux, macOS and the BSDs
    }
    #[cfg(not(unix))]
    {
        io::Error::new(io::ErrorKind::StorageFull, "no space left on device")
    }
}

/// Asked before writing `len` bytes to `path`: `None` when the write may proceed,
/// `Some(k)` when a fault is active: write only the first `k` bytes, then fail with
/// [`no_space`].
pub(crate) fn partial_write(path: &Path, len: usize) -> Option<usize> {
    if !ACTIVE.load(Ordering::Relaxed) {
        return None;
    }
    let mut v = faults();
    let f = v
        .iter_mut()
        .find(|f| !f.syncs && path.starts_with(&f.dir))?;
    match &mut f.remaining {
        Some(0) => return None,
        Some(n) => *n -= 1,
        None => {}
    }
    f.failed += 1;
    Some(len / 2)
}

/// Writes `bytes` with `write`, unless a fault is active for `path`: then only a part is
/// written and the result is a full-disk error.
pub(crate) fn write_with(
    path: &Path,
    bytes: &[u8],
    mut write: impl FnMut(&[u8]) -> io::Result<()>,
) -> io::Result<()> {
    match partial_write(path, bytes.len()) {
        None => write(bytes),
        Some(k) => {
            write(&bytes[..k])?;
            Err(no_space())
        }
    }
}

/// Flushes with `sync`, unless a [`fail_next_syncs`] fault is active for `path`: then
/// the result is an I/O error (the data may or may not have reached the disk).
pub(crate) fn sync_with(path: &Path, sync: impl FnOnce() -> io::Result<()>) -> io::Result<()> {
    if ACTIVE.load(Ordering::Relaxed) {
        let mut v = faults();
        if let Some(f) = v.iter_mut().find(|f| f.syncs && path.starts_with(&f.dir)) {
            let fail = match &mut f.remaining {
                Some(0) => false,
                Some(n) => {
                    *n -= 1;
                    true
                }
                None => true,
            };
            if fail {
                f.failed += 1;
                return Err(io::Error::other("the drive reported a write error"));
            }
        }
    }
    sync()
}

/// Cuts a file back with `cut`, unless a [`drive_removed`] fault is active for `path`:
/// then nothing is cut and the result is an I/O error.
pub(crate) fn cut_with(path: &Path, cut: impl FnOnce() -> io::Result<()>) -> io::Result<()> {
    if ACTIVE.load(Ordering::Relaxed)
        && faults()
            .iter()
            .any(|f| f.removed && path.starts_with(&f.dir))
    {
        return Err(io::Error::other("the drive is not there"));
    }
    cut()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn faults_apply_under_their_folder_only_and_are_counted() {
        let d = tempfile::tempdir().unwrap();
        let inside = d.path().join("a/b.log");
        let outside = Path::new("/elsewhere/b.log");
        let mut written = Vec::new();
        fail_next_writes(d.path(), 2);
        for _ in 0..3 {
            let r = write_with(&inside, b"abcdef", |b| {
                written.extend_from_slice(b);
                Ok(())
            });
            let _ = r.map_err(|e| assert_eq!(e.kind(), io::ErrorKind::StorageFull));
        }
        assert_eq!(
            written, b"abcabcabcdef",
            "two torn writes, then a whole one"
        );
        assert!(partial_write(outside, 4).is_none());
        assert_eq!(clear(d.path()), 2);
        let full = disk_full(d.path());
        assert!(partial_write(&inside, 4).is_some());
        assert!(partial_write(&inside, 4).is_some());
        assert_eq!(full.failed(), 2);
        drop(full);
        assert!(partial_write(&inside, 4).is_none());
    }
}
