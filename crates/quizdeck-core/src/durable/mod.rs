//! The durable-file layer: every file quizdeck keeps (progress, settings, exam files and
//! results, imported decks and their pictures, the deck cache, exports) is written through
//! it, so a crash or a full disk leaves either the old or the new content, never a mix.
//!
//! * atomic replacement with the folder fsync'd ([`write_atomic`]), and durable creation
//!   of new files ([`write_new`]);
//! * capped reads of regular files ([`read_capped`], over [`crate::input::read_regular`]);
//! * setting damaged files aside without ever overwriting anything ([`move_aside`],
//!   [`keep_aside`]);
//! * the CRC- or MAC-framed append log with cut-back and kept-unsaved writes ([`log`]);
//! * the one fault-injection hook that tests use to make any of these fail ([`fault`]).
//!
//! Errors are [`FileError`]s (what was done, on which path); each area turns them into its
//! own error type's `Io` variant.

pub(crate) mod fault;
pub(crate) mod log;

use chrono::{DateTime, Utc};
use std::fs::{self, File, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// A file operation that failed: what was being done, on which path, and the OS error.
#[derive(Debug, thiserror::Error)]
#[error("could not {action} {}: {source}", path.display())]
pub(crate) struct FileError {
    /// What was being done, e.g. "append to the journal".
    pub action: &'static str,
    /// The file or folder.
    pub path: PathBuf,
    /// The OS error.
    pub source: io::Error,
}

/// CRC-32 (IEEE 802.3) of `data`, the check of journal and snapshot lines;
/// `crc32(b"123456789") == 0xCBF4_3926`.
pub(crate) fn crc32(data: &[u8]) -> u32 {
    crc32fast::hash(data)
}

/// Result alias of the durable-file layer.
pub(crate) type Result<T, E = FileError> = std::result::Result<T, E>;

/// Marker in the names of temporary files; leftovers are removed when a profile is opened.
pub(crate) const TMP_MARK: &str = ".tmp-";

/// Builds the closure that turns an [`io::Error`] into a [`FileError`] naming what was
/// being done and on which path.
pub(crate) fn io_err(action: &'static str, path: &Path) -> impl FnOnce(io::Error) -> FileError {
    let path = path.to_path_buf();
    move |source| FileError {
        action,
        path,
        source,
    }
}

/// Implements `From<FileError>` for an area's error whose `Io` variant is
/// `{ action, path, source }`, so that [`io_err`] and every helper of this layer work with
/// `?` in that area (the one adapter from a failed file operation to an area's error).
macro_rules! file_error_into {
    ($area:ident) => {
        impl From<$crate::durable::FileError> for $area {
            fn from(e: $crate::durable::FileError) -> Self {
                $area::Io {
                    action: e.action,
                    path: e.path,
                    source: e.source,
                }
            }
        }
    };
}
pub(crate) use file_error_into;

/// Flushes a directory's entries (new, renamed or removed files) to disk.
///
/// Only meaningful on Unix; elsewhere renames are made durable by the file system.
pub(crate) fn sync_dir(dir: &Path) -> Result<()> {
    #[cfg(unix)]
    {
        let d = File::open(dir).map_err(io_err("open the folder for syncing", dir))?;
        d.sync_all().map_err(io_err("sync the folder", dir))?;
    }
    #[cfg(not(unix))]
    let _ = dir;
    Ok(())
}

/// A fresh temporary name beside `path` (process id and a counter in it, marked with
/// [`TMP_MARK`] so that leftovers are found).
pub(crate) fn tmp_path(path: &Path) -> PathBuf {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    path.with_file_name(format!(".{name}{TMP_MARK}{}-{n}", std::process::id()))
}

/// Writes `bytes` to `path` atomically: a temporary file beside it is written and
/// fsync'd, renamed over `path`, and the folder is fsync'd. A crash leaves either the
/// old or the new content, never a mix.
pub(crate) fn write_atomic(path: &Path, bytes: &[u8]) -> Result<()> {
    write_replacing(path, bytes, true)
}

/// [`write_atomic`] without flushing to disk, for a cache whose damage is detected and
/// rebuilt (a checksum in the file): other processes see the old or the new content,
/// never a mix, but after a power cut the file may be empty or hold anything. It costs
/// no wait for the disk (a USB stick may take tens of milliseconds a flush).
pub(crate) fn write_unflushed(path: &Path, bytes: &[u8]) -> Result<()> {
    write_replacing(path, bytes, false)
}

fn write_replacing(path: &Path, bytes: &[u8], flush: bool) -> Result<()> {
    let tmp = tmp_path(path);
    let result = (|| {
        let mut f = OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
            .map_err(io_err("create a temporary file", &tmp))?;
        fault::write_with(&tmp, bytes, |b| f.write_all(b))
            .map_err(io_err("write the temporary file", &tmp))?;
        if !flush {
            drop(f);
            return fs::rename(&tmp, path).map_err(io_err("replace the file", path));
        }
        fault::sync_with(&tmp, || f.sync_all()).map_err(io_err("sync the temporary file", &tmp))?;
        drop(f);
        fs::rename(&tmp, path).map_err(io_err("replace the file", path))?;
        sync_dir(parent_or_dot(path))
    })();
    if result.is_err() {
        let _ = fs::remove_file(&tmp);
    }
    result
}

/// The parent folder of `path`, or `.` for a bare file name.
pub(crate) fn parent_or_dot(path: &Path) -> &Path {
    match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// A name beside `path` that does not exist yet: `<name>.<tag>-<time>` (with `-2`, `-3`…
/// appended if needed).
pub(crate) fn aside_path(path: &Path, tag: &str, at: DateTime<Utc>) -> PathBuf {
    let name = path
        .file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_default();
    let stamp = at.format("%Y%m%dT%H%M%SZ");
    let mut candidate = path.with_file_name(format!("{name}.{tag}-{stamp}"));
    let mut n = 2;
    while candidate.symlink_metadata().is_ok() {
        candidate = path.with_file_name(format!("{name}.{tag}-{stamp}-{n}"));
        n += 1;
    }
    candidate
}

/// Moves a damaged file aside (rename; never overwrites) and returns where it went.
pub(crate) fn move_aside(path: &Path, tag: &str, at: DateTime<Utc>) -> Result<PathBuf> {
    let to = aside_path(path, tag, at);
    fs::rename(path, &to).map_err(io_err("move the damaged file aside", path))?;
    sync_dir(parent_or_dot(path))?;
    Ok(to)
}

/// Keeps a copy of a damaged file aside (hard link, or a copy where links are not
/// supported, e.g. FAT USB sticks) while the original stays in place.
pub(crate) fn keep_aside(path: &Path, tag: &str, at: DateTime<Utc>) -> Result<PathBuf> {
    let to = aside_path(path, tag, at);
    if fs::hard_link(path, &to).is_err() {
        fs::copy(path, &to).map_err(io_err("copy the damaged file aside", path))?;
        let f = File::open(&to).map_err(io_err("open the copy", &to))?;
        f.sync_all().map_err(io_err("sync the copy", &to))?;
    }
    sync_dir(parent_or_dot(path))?;
    Ok(to)
}

/// Outcome of [`read_capped`].
pub(crate) enum Capped {
    /// The file does not exist.
    Missing,
    /// The file is larger than the cap (its size is given); nothing was read.
    TooLarge(u64),
    /// The whole content.
    Bytes(Vec<u8>),
}

/// Reads a whole regular file unless it is larger than `max` bytes (FIFOs, devices and
/// folders are refused by type, see [`crate::input::open_regular`]).
pub(crate) fn read_capped(path: &Path, max: u64) -> Result<Capped> {
    match crate::input::read_regular(path, max) {
        Ok(Ok(buf)) => Ok(Capped::Bytes(buf)),
        Ok(Err(t)) => Ok(Capped::TooLarge(t.size)),
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(Capped::Missing),
        Err(e) => Err(io_err("read", path)(e)),
    }
}

/// Removes leftover temporary files (from a crash during an atomic write) in `dir`.
pub(crate) fn remove_stale_tmp(dir: &Path) {
    if let Ok(rd) = fs::read_dir(dir) {
        for e in rd.flatten() {
            let name = e.file_name();
            let name = name.to_string_lossy();
            if name.starts_with('.') && name.contains(TMP_MARK) {
                let _ = fs::remove_file(e.path());
            }
        }
    }
}

/// Writes `bytes` to a new file at `path` (an existing one is replaced) and fsyncs the
/// file; the caller fsyncs the folder (with [`sync_dir`]) once its files are written.
/// Used where a whole folder is built aside and then renamed into place.
pub(crate) fn write_new(path: &Path, bytes: &[u8]) -> Result<()> {
    let mut f = File::create(path).map_err(io_err("create", path))?;
    fault::write_with(path, bytes, |b| f.write_all(b)).map_err(io_err("write", path))?;
    fault::sync_with(path, || f.sync_all()).map_err(io_err("sync", path))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at() -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000, 0).unwrap()
    }

    #[test]
    fn atomic_write_replaces_and_leaves_no_temp() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f.txt");
        write_atomic(&p, b"one").unwrap();
        write_atomic(&p, b"two").unwrap();
        assert_eq!(fs::read(&p).unwrap(), b"two");
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 1);
    }

    #[test]
    fn aside_never_overwrites() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("snap");
        fs::write(&p, b"a").unwrap();
        let a = move_aside(&p, "corrupt", at()).unwrap();
        fs::write(&p, b"b").unwrap();
        let b = move_aside(&p, "corrupt", at()).unwrap();
        assert_ne!(a, b);
        assert_eq!(fs::read(&a).unwrap(), b"a");
        assert_eq!(fs::read(&b).unwrap(), b"b");
        fs::write(&p, b"c").unwrap();
        let c = keep_aside(&p, "corrupt", at()).unwrap();
        assert_eq!(fs::read(&c).unwrap(), b"c");
        assert!(p.exists());
    }

    #[test]
    fn capped_read() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("f");
        assert!(matches!(read_capped(&p, 10).unwrap(), Capped::Missing));
        fs::write(&p, b"0123456789ab").unwrap();
        assert!(matches!(read_capped(&p, 10).unwrap(), Capped::TooLarge(12)));
        assert!(matches!(read_capped(&p, 12).unwrap(), Capped::Bytes(b) if b.len() == 12));
    }

    #[test]
    fn stale_temp_files_are_removed() {
        let d = tempfile::tempdir().unwrap();
        fs::write(d.path().join(".snapshot.tmp-1-0"), b"x").unwrap();
        fs::write(d.path().join("keep"), b"x").unwrap();
        remove_stale_tmp(d.path());
        assert_eq!(fs::read_dir(d.path()).unwrap().count(), 1);
    }
}
