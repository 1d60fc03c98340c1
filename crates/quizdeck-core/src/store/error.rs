//! The store's error type.

use crate::message::Message;
use std::io;
use std::path::PathBuf;

/// Everything that can go wrong in the store. Messages say what was being done and on
/// which path.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum StoreError {
    /// A file operation failed.
    #[error("{}", self.message())]
    Io {
        /// What was being done, e.g. "append to the journal".
        action: &'static str,
        /// The file or folder.
        path: PathBuf,
        /// The OS error.
        source: io::Error,
    },
    /// Another running quizdeck holds the profile's lock.
    #[error("{}", self.message())]
    Locked {
        /// The profile folder.
        path: PathBuf,
        /// Who holds it, as far as known.
        holder: String,
    },
    /// A change was attempted on a store opened read-only.
    #[error("{}", self.message())]
    ReadOnly {
        /// The profile folder.
        path: PathBuf,
        /// Why it is read-only.
        reason: Message,
    },
    /// A file was written by a newer version of quizdeck; it is left untouched.
    #[error("{}", self.message())]
    NewerFormat {
        /// The file.
        path: PathBuf,
        /// The format version found.
        found: u32,
    },
    /// No data folder could be chosen.
    #[error("{}", self.message())]
    NoDataDir(Message),
    /// A profile name was rejected.
    #[error("{}", self.message())]
    BadProfileName {
        /// The name given.
        name: String,
        /// Why.
        reason: Message,
    },
    /// A profile with that name already exists.
    #[error("{}", self.message())]
    ProfileExists {
        /// The name given.
        name: String,
    },
    /// No profile with that folder name exists.
    #[error("{}", self.message())]
    NoSuchProfile {
        /// The profiles folder.
        dir: PathBuf,
        /// The folder name asked for.
        slug: String,
    },
    /// A profile name given on the command line fits several profiles.
    #[error("{}", self.message())]
    AmbiguousProfile {
        /// The name given.
        name: String,
        /// The profiles it fits, with their folders.
        candidates: Vec<String>,
    },
    /// An export file is damaged or not a quizdeck progress file.
    #[error("{}", self.message())]
    BadBundle {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        reason: String,
    },
    /// The journal's sequence numbers are used up (only an edited or damaged journal
    /// gets there); nothing was written.
    #[error("{}", self.message())]
    SequenceExhausted {
        /// The journal.
        path: PathBuf,
    },
    /// A value could not be encoded for writing.
    #[error("{}", self.message())]
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
impl StoreError {
    /// What went wrong, as a message for any language.
    pub fn message(&self) -> crate::message::Message {
        use crate::message::{Message, io_error};
        let path = |p: &std::path::Path| p.display().to_string();
        match self {
            StoreError::Io {
                action,
                path,
                source,
            } => io_error(action, path, source),
            StoreError::Locked { path: p, holder } => Message::new("store-locked")
                .arg("path", path(p))
                .arg("holder", super::lock::holder_message(holder)),
            StoreError::ReadOnly { path: p, reason } => Message::new("store-read-only")
                .arg("path", path(p))
                .arg("reason", reason),
            StoreError::NewerFormat { path: p, found } => Message::new("store-newer-format")
                .arg("path", path(p))
                .arg("format", *found),
            StoreError::NoDataDir(why) => {
                Message::new("store-no-data-dir").arg("reason", why.clone())
            }
            StoreError::BadProfileName { name, reason } => Message::new("store-bad-profile-name")
                .arg("name", name)
                .arg("reason", reason),
            StoreError::ProfileExists { name } => {
                Message::new("store-profile-exists").arg("name", name)
            }
            StoreError::NoSuchProfile { dir, slug } => Message::new("store-no-such-profile")
                .arg("name", slug)
                .arg("folder", path(dir)),
            StoreError::AmbiguousProfile { name, candidates } => {
                Message::new("store-ambiguous-profile")
                    .arg("name", name)
                    .arg("candidates", candidates.join(", "))
            }
            StoreError::BadBundle { path: p, reason } => Message::new("store-bad-bundle")
                .arg("path", path(p))
                .arg("reason", reason),
            StoreError::SequenceExhausted { path: p } => {
                Message::new("store-sequence-exhausted").arg("path", path(p))
            }
            StoreError::Encode {
                what,
                path: p,
                reason,
            } => Message::new("store-encode")
                .arg("what", *what)
                .arg("path", path(p))
                .arg("reason", reason),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
