//! The store's error type.

use std::io;
use std::path::PathBuf;

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
