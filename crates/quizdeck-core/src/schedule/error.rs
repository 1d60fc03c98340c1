//! The error type of the scheduling area and its `Result` alias.

use crate::ids::ItemKey;

/// Everything that can go wrong in scheduling, optimizing and reading review logs.
///
/// Answering an item and building a queue never fail for valid [`super::Settings`]; errors
/// come from invalid settings, unknown items, or review-log files and the optimizer.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// A setting is outside its allowed range.
    #[error("{}", self.message())]
    InvalidSetting {
        /// The setting's field name.
        setting: &'static str,
        /// What is wrong and what is allowed.
        reason: crate::message::Message,
    },
    /// The FSRS parameters are not usable (wrong count or not finite).
    #[error("{}", self.message())]
    InvalidParameters(crate::message::Message),
    /// The item is not part of the queue.
    #[error("{}", self.message())]
    UnknownItem(ItemKey),
    /// The FSRS model failed (optimizer or evaluation).
    #[error("{}", self.message())]
    Model(String),
    /// The review log could not be opened or read.
    #[error("{}", self.message())]
    Io {
        /// The file.
        path: String,
        /// The underlying I/O error.
        source: std::io::Error,
    },
    /// The review log is not valid CSV in the expected format.
    #[error("{}", self.message())]
    Revlog {
        /// 1-based line number in the file (the header is line 1).
        line: u64,
        /// What is wrong with the line.
        reason: String,
    },
}

/// Result alias for the scheduling area.
impl Error {
    /// What went wrong, as a message for any language.
    pub fn message(&self) -> crate::message::Message {
        use crate::message::Message;
        match self {
            Error::InvalidSetting { setting, reason } => Message::new("schedule-invalid-setting")
                .arg("setting", *setting)
                .arg("reason", reason.clone()),
            Error::InvalidParameters(why) => {
                Message::new("schedule-bad-parameters").arg("reason", why.clone())
            }
            Error::UnknownItem(key) => {
                Message::new("schedule-unknown-item").arg("item", key.to_string())
            }
            Error::Model(why) => Message::new("schedule-model").arg("reason", why),
            Error::Io { path, source } => Message::new("schedule-revlog-io")
                .arg("path", path)
                .arg("error", source.to_string()),
            Error::Revlog { line, reason } => Message::new("schedule-revlog-line")
                .arg("line", line.to_string())
                .arg("reason", reason),
        }
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn errors_read_well() {
        let e = Error::InvalidSetting {
            setting: "desired_retention",
            reason: crate::message::Message::new("schedule-outside")
                .arg("value", 0.5)
                .arg("min", 0.7)
                .arg("max", 0.97),
        };
        assert_eq!(
            e.to_string(),
            "invalid scheduling setting `desired_retention`: 0.5 is outside 0.7–0.97"
        );
        let e = Error::UnknownItem(ItemKey::new("d", "c", 0));
        assert_eq!(e.to_string(), "item d/c#0 is not in the study queue");
    }
}
