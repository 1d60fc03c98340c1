//! The per-profile lock that keeps a second running quizdeck from writing the same
//! progress.
//!
//! The lock is an OS file lock ([`File::try_lock`]) on `<profile>/lock`. The OS releases
//! it when the holding process exits or is killed, so the lock itself is never stale.
//! After taking it, the holder writes its process id and start time to
//! `<profile>/lock-owner.txt` (a separate file, because on Windows a locked file cannot be
//! read by others); that text is only used to word the "in use" message. A process that
//! is killed leaves its owner note behind: it is never trusted (only read while the OS
//! lock is held by someone) and the next process to take the lock overwrites it.

use super::Result;
use super::fsutil::io_err;
use chrono::{DateTime, Utc};
use std::fs::{self, File, OpenOptions, TryLockError};
use std::io;
use std::path::{Path, PathBuf};

/// Name of the lock file inside a profile folder.
pub(crate) const LOCK_FILE: &str = "lock";
/// Name of the informational owner file inside a profile folder.
pub const OWNER_FILE: &str = "lock-owner.txt";

/// A held profile lock; released when dropped.
#[derive(Debug)]
pub(crate) struct ProfileLock {
    file: File,
    path: PathBuf,
}

impl Drop for ProfileLock {
    fn drop(&mut self) {
        if let Some(dir) = self.path.parent() {
            let _ = fs::remove_file(dir.join(OWNER_FILE));
        }
        let _ = self.file.unlock();
    }
}

/// Result of [`try_lock_profile`].
#[derive(Debug)]
pub(crate) enum LockAttempt {
    /// The lock is ours.
    Acquired(ProfileLock),
    /// Another process (or another open handle in this process) holds it; the text says
    /// who, as far as known.
    Held(String),
    /// The file system cannot lock files (some network shares); proceeding unlocked.
    Unsupported,
}

/// Tries to take the lock of the profile in `profile_dir` (which must exist), without
/// waiting. `at` is written to the owner file.
pub(crate) fn try_lock_profile(profile_dir: &Path, at: DateTime<Utc>) -> Result<LockAttempt> {
    let path = profile_dir.join(LOCK_FILE);
    let file = OpenOptions::new()
        .read(true)
        .write(true)
        .create(true)
        .truncate(false)
        .open(&path)
        .map_err(io_err("open the lock file", &path))?;
    match file.try_lock() {
        Ok(()) => {
            let owner = format!(
                "process {} since {}\n",
                std::process::id(),
                at.format("%Y-%m-%d %H:%M UTC")
            );
            // Informational only: failing to write it does not matter.
            let _ = fs::write(profile_dir.join(OWNER_FILE), owner);
            Ok(LockAttempt::Acquired(ProfileLock { file, path }))
        }
        Err(TryLockError::WouldBlock) => {
            // A note only: read it only when it is a small regular file.
            let who = crate::input::read_regular(&profile_dir.join(OWNER_FILE), 4096)
                .ok()
                .and_then(Result::ok)
                .map(|b| String::from_utf8_lossy(&b).into_owned())
                .map(|s| s.chars().take(200).collect::<String>().trim().to_owned())
                .filter(|s| !s.is_empty())
                .unwrap_or_else(|| UNKNOWN_HOLDER.to_owned());
            Ok(LockAttempt::Held(who))
        }
        Err(TryLockError::Error(e)) if e.kind() == io::ErrorKind::Unsupported => {
            Ok(LockAttempt::Unsupported)
        }
        Err(TryLockError::Error(e)) => Err(io_err("lock", &path)(e)),
    }
}

/// Who holds a lock when its owner note cannot be read.
const UNKNOWN_HOLDER: &str = "another quizdeck window";

/// Who holds a lock (the owner note [`try_lock_profile`] writes, "process 1234 since
/// 2026-03-02 09:00 UTC"), as a message for any language; a note of another form (an
/// older or edited one) is shown as it is.
pub(crate) fn holder_message(holder: &str) -> crate::message::Message {
    use crate::message::Message;
    if holder == UNKNOWN_HOLDER {
        return Message::new("store-holder-unknown");
    }
    let parsed = holder
        .strip_prefix("process ")
        .and_then(|rest| rest.split_once(" since "))
        .filter(|(pid, _)| !pid.is_empty() && pid.chars().all(|c| c.is_ascii_digit()));
    match parsed {
        Some((pid, since)) => Message::new("store-holder-process")
            .arg("pid", pid)
            .arg("since", since),
        None => Message::new("error-system").arg("error", holder),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_handle_in_same_process_sees_the_lock() {
        let d = tempfile::tempdir().unwrap();
        let at = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let LockAttempt::Acquired(first) = try_lock_profile(d.path(), at).unwrap() else {
            panic!("first lock failed");
        };
        match try_lock_profile(d.path(), at).unwrap() {
            LockAttempt::Held(who) => {
                assert!(who.contains(&std::process::id().to_string()), "{who}")
            }
            other => panic!("expected held, got {other:?}"),
        }
        assert_eq!(
            holder_message("process 42 since 2026-03-02 09:00 UTC").english(),
            "process 42 since 2026-03-02 09:00 UTC"
        );
        assert_eq!(holder_message(UNKNOWN_HOLDER).id, "store-holder-unknown");
        assert_eq!(holder_message("someone").english(), "someone");
        drop(first);
        assert!(matches!(
            try_lock_profile(d.path(), at).unwrap(),
            LockAttempt::Acquired(_)
        ));
    }
}
