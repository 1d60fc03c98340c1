//! Writing the journal: the header, raising a format 1 header in place, and appending
//! through the durable-file layer's append log.

use super::super::Result;
use super::super::fsutil::{io_err, sync_dir};
use super::*;
use crate::durable::log::{AppendLog, Words};
use std::fs::{File, OpenOptions};
use std::io::{self, Read, Write};
use std::path::Path;

/// The journal's words in error messages.
pub(super) static WORDS: Words = Words {
    write: "append to the journal",
    sync: "sync the journal",
    repair: "repair the end of the journal",
};

/// Appends lines to the journal; each append is durable before it returns, and a failed
/// append is cut back off so it can never break the next one (see [`AppendLog`]).
pub(crate) struct JournalWriter {
    log: AppendLog,
}

/// Raises the header of a format 1 journal at `path` to the current version in place
/// (the digit has the same length), durably, so compact lines can be appended: an older
/// quizdeck then refuses the file rather than dropping lines it cannot read. Anything
/// else is left alone.
pub(super) fn upgrade_header(path: &Path) -> Result<()> {
    use std::io::{Seek, SeekFrom};
    const OLD: &str = "1\n";
    const NEW: &str = "2\n";
    const _: () = assert!(VERSION == 2, "update the header upgrade for a new version");
    let mut head = [0u8; HEADER_PREFIX.len() + OLD.len()];
    let mut f = File::open(path).map_err(io_err("open the journal", path))?;
    match f.read_exact(&mut head) {
        Ok(()) => {}
        Err(e) if e.kind() == io::ErrorKind::UnexpectedEof => return Ok(()),
        Err(e) => return Err(io_err("read the journal header", path)(e)),
    }
    if head[..HEADER_PREFIX.len()] != *HEADER_PREFIX.as_bytes()
        || head[HEADER_PREFIX.len()..] != *OLD.as_bytes()
    {
        return Ok(());
    }
    let mut f = OpenOptions::new()
        .write(true)
        .open(path)
        .map_err(io_err("open the journal for writing", path))?;
    f.seek(SeekFrom::Start(HEADER_PREFIX.len() as u64))
        .and_then(|_| f.write_all(&NEW.as_bytes()[..1]))
        .and_then(|_| f.sync_data())
        .map_err(io_err("update the journal header", path))
}

impl JournalWriter {
    /// Opens (creating if needed) the journal at `path` for appending. A new file gets
    /// the header line and its folder is fsync'd.
    pub(crate) fn open(path: &Path) -> Result<Self> {
        let log = AppendLog::open(path, &WORDS, "open the journal for writing")?;
        let mut w = JournalWriter { log };
        if w.log.len() == 0 {
            w.append(header_line().as_bytes())?;
            sync_dir(super::super::fsutil::parent_or_dot(path))?;
        } else {
            upgrade_header(path)?;
        }
        Ok(w)
    }

    /// Appends `bytes` (whole lines) and syncs. On failure the file is cut back to its
    /// previous length and an error is returned; nothing was recorded.
    pub(crate) fn append(&mut self, bytes: &[u8]) -> Result<()> {
        Ok(self.log.append(bytes)?)
    }

    /// The file's length as far as this writer knows.
    #[cfg(test)]
    pub(crate) fn len(&self) -> u64 {
        self.log.len()
    }
}
