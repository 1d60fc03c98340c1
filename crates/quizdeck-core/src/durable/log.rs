//! The append log shared by the review journal and the exam result files: whole lines
//! appended and flushed (fdatasync) before the caller goes on, a failed append cut back
//! off the file so it never garbles the lines after it, and changes whose write failed
//! kept in memory, in order, to be written first next time.
//!
//! How a line is framed (a CRC-32 for the journal, a keyed-hash chain for exam results)
//! is the caller's; this module only sees bytes of whole lines.

use super::{Result, fault, io_err};
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

/// The words a log uses in its error messages ("could not <word> <path>: …").
#[derive(Debug)]
pub(crate) struct Words {
    /// Appending bytes.
    pub write: &'static str,
    /// Flushing them to the disk.
    pub sync: &'static str,
    /// Cutting back the torn end of an earlier failed append.
    pub(crate) repair: &'static str,
}

/// A file opened for appending whole lines durably.
#[derive(Debug)]
pub(crate) struct AppendLog {
    file: File,
    path: PathBuf,
    /// The length of the file's good part: where the next append goes.
    len: u64,
    /// A failed append could not be cut back; retried before the next append.
    dirty: bool,
    /// The file does not end with a newline (a complete last line whose newline was never
    /// written): the next append starts with one.
    needs_newline: bool,
    words: &'static Words,
}

/// True when the file at `path`, `len` bytes long, is not empty and does not end with
/// `\n`.
fn lacks_final_newline(path: &Path, len: u64) -> Result<bool> {
    if len == 0 {
        return Ok(false);
    }
    let mut f = File::open(path).map_err(io_err("open", path))?;
    let mut last = [0u8; 1];
    f.seek(SeekFrom::Start(len - 1))
        .and_then(|_| f.read_exact(&mut last))
        .map_err(io_err("read the end of", path))?;
    Ok(last[0] != b'\n')
}

impl AppendLog {
    /// Opens (creating if needed) the file at `path` for appending at its end. A file
    /// whose last line lacks its newline gets one before the next append.
    pub(crate) fn open(path: &Path, words: &'static Words, open: &'static str) -> Result<Self> {
        let file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .map_err(io_err(open, path))?;
        let len = file.metadata().map_err(io_err(open, path))?.len();
        let needs_newline = lacks_final_newline(path, len)?;
        Ok(AppendLog {
            file,
            path: path.to_path_buf(),
            len,
            dirty: false,
            needs_newline,
            words,
        })
    }

    /// A log over `file`, already opened in append mode (and locked, cut back…) by the
    /// caller, whose good part is its first `len` bytes.
    pub(crate) fn with_file(file: File, path: &Path, len: u64, words: &'static Words) -> Self {
        AppendLog {
            file,
            path: path.to_path_buf(),
            len,
            dirty: false,
            needs_newline: false,
            words,
        }
    }

    /// The length of the file's good part.
    pub(crate) fn len(&self) -> u64 {
        self.len
    }

    /// Cuts the file back to its good part (the file is in append mode: the next write
    /// goes to the new end).
    fn cut_back(&mut self) -> io::Result<()> {
        let (file, len) = (&self.file, self.len);
        fault::cut_with(&self.path, || file.set_len(len))
    }

    /// Appends `bytes` (whole lines) and flushes them. On failure the file is cut back to
    /// its previous length and an error is returned: nothing was appended. When even the
    /// cut-back fails, it is tried again before the next append (which fails with the
    /// `repair` word while it cannot be done).
    pub(crate) fn append(&mut self, bytes: &[u8]) -> Result<()> {
        if self.dirty {
            self.cut_back()
                .map_err(io_err(self.words.repair, &self.path))?;
            self.dirty = false;
        }
        let mut prefixed = Vec::new();
        let bytes = if self.needs_newline {
            prefixed.reserve(bytes.len() + 1);
            prefixed.push(b'\n');
            prefixed.extend_from_slice(bytes);
            &prefixed[..]
        } else {
            bytes
        };
        let file = &mut self.file;
        let res = fault::write_with(&self.path, bytes, |b| file.write_all(b))
            .map_err(io_err(self.words.write, &self.path))
            .and_then(|()| {
                fault::sync_with(&self.path, || self.file.sync_data())
                    .map_err(io_err(self.words.sync, &self.path))
            });
        match res {
            Ok(()) => {
                self.len += bytes.len() as u64;
                self.needs_newline = false;
                Ok(())
            }
            Err(e) => {
                if self.cut_back().is_err() {
                    self.dirty = true;
                }
                Err(e)
            }
        }
    }
}

/// Changes applied in memory whose write failed: their encoded lines, in order, written
/// before anything else by the next write.
#[derive(Debug, Default)]
pub(crate) struct Unsaved {
    bytes: Vec<u8>,
    count: usize,
    error: Option<String>,
}

impl Unsaved {
    /// How many changes are kept unsaved.
    pub(crate) fn count(&self) -> usize {
        self.count
    }

    /// Why they could not be written, as of the latest attempt.
    pub(crate) fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// Writes the kept lines and then `new` (`count` changes, whole lines) with `append`,
    /// in one call. On success nothing is kept any more. On failure nothing was written
    /// (`append` cuts back): when `keep(&error)` the new changes join the kept ones and
    /// the error is returned as `Ok(Some(error))`; otherwise the new changes are dropped
    /// and the error returned. Earlier kept changes stay kept either way.
    pub(crate) fn write<E: std::fmt::Display>(
        &mut self,
        new: &[u8],
        count: usize,
        keep: impl FnOnce(&E) -> bool,
        append: impl FnOnce(&[u8]) -> std::result::Result<(), E>,
    ) -> std::result::Result<Option<E>, E> {
        let old_len = self.bytes.len();
        self.bytes.extend_from_slice(new);
        match append(&self.bytes) {
            Ok(()) => {
                *self = Unsaved::default();
                Ok(None)
            }
            Err(e) if keep(&e) => {
                self.count += count;
                self.error = Some(e.to_string());
                Ok(Some(e))
            }
            Err(e) => {
                self.bytes.truncate(old_len);
                if self.count > 0 {
                    self.error = Some(e.to_string());
                }
                Err(e)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::durable::FileError;

    const WORDS: Words = Words {
        write: "append to",
        sync: "sync",
        repair: "repair",
    };

    #[test]
    fn failed_appends_are_cut_back_and_kept_changes_written_first() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("x.log");
        let mut log = AppendLog::open(&p, &WORDS, "open").unwrap();
        log.append(b"one\n").unwrap();
        let mut kept = Unsaved::default();
        fault::fail_next_writes(d.path(), 1);
        let e = kept
            .write(b"two\n", 1, |_: &FileError| true, |b| log.append(b))
            .unwrap();
        assert!(e.unwrap().to_string().contains("append to"));
        assert_eq!(
            std::fs::read(&p).unwrap(),
            b"one\n",
            "the torn write is cut back"
        );
        assert_eq!((kept.count(), kept.error().is_some()), (1, true));
        fault::fail_next_syncs(d.path(), 1);
        let e = kept
            .write(b"three\n", 1, |_: &FileError| false, |b| log.append(b))
            .unwrap_err();
        assert!(e.to_string().contains("sync"), "{e}");
        assert_eq!(std::fs::read(&p).unwrap(), b"one\n");
        assert_eq!(kept.count(), 1, "a change that was not kept is dropped");
        assert!(
            kept.write(b"four\n", 1, |_: &FileError| true, |b| log.append(b))
                .unwrap()
                .is_none()
        );
        assert_eq!(std::fs::read(&p).unwrap(), b"one\ntwo\nfour\n");
        assert_eq!((kept.count(), kept.error()), (0, None));
        assert_eq!(log.len(), 13);
        fault::clear(d.path());
    }

    #[test]
    fn a_missing_final_newline_is_added_before_the_next_line() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("x.log");
        std::fs::write(&p, b"abc").unwrap();
        let mut log = AppendLog::open(&p, &WORDS, "open").unwrap();
        log.append(b"def\n").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"abc\ndef\n");
    }

    #[test]
    fn a_cut_back_that_fails_is_retried_before_the_next_append() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("x.log");
        let mut log = AppendLog::open(&p, &WORDS, "open").unwrap();
        let gone = fault::drive_removed(d.path());
        assert!(log.append(b"torn line\n").is_err());
        let e = log.append(b"next\n").unwrap_err();
        assert!(e.to_string().contains("repair"), "{e}");
        drop(gone);
        log.append(b"next\n").unwrap();
        assert_eq!(std::fs::read(&p).unwrap(), b"next\n");
    }
}
