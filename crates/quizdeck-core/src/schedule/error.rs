//! The error type of the scheduling area and its `Result` alias.

use crate::ids::ItemKey;

/// Everything that can go wrong in scheduling, optimizing and reading review logs.
///
/// Answering an item and building a queue never fail for valid [`super::Settings`]; errors
/// come from invalid settings, unknown items, or review-log files and the optimizer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A setting is outside its allowed range.
    #[error("invalid scheduling setting `{setting}`: {reason}")]
    InvalidSetting {
        /// The setting's field name.
        setting: &'static str,
        /// What is wrong and what is allowed.
        reason: String,
    },
    /// The FSRS parameters are not usable (wrong count or not finite).
    #[error("invalid FSRS parameters: {0}")]
    InvalidParameters(String),
    /// The item is not part of the queue.
    #[error("item {0} is not in the study queue")]
    UnknownItem(ItemKey),
    /// The FSRS model failed (optimizer or evaluation).
    #[error("FSRS model error: {0}")]
    Model(String),
    /// The review log could not be opened or read.
    #[error("cannot read review log {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The review log is not valid CSV in the expected format.
    #[error("review log line {line}: {reason}")]
    Revlog {
        /// 1-based line number in the file (the header is line 1).
        line: u64,
        /// What is wrong with the line.
        reason: String,
    },
}

/// Result alias for the scheduling area.
pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_well() {
        let e = Error::InvalidSetting {
            setting: "desired_retention",
            reason: "0.5 is outside 0.70–0.97".into(),
        };
        assert_eq!(
            e.to_string(),
            "invalid scheduling setting `desired_retention`: 0.5 is outside 0.70–0.97"
        );
        let e = Error::UnknownItem(ItemKey::new("d", "c", 0));
        assert_eq!(e.to_string(), "item d/c#0 is not in the study queue");
    }
}
