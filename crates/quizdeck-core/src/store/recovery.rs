//! What opening a profile had to repair, in words a student can read.

use std::fmt;
use std::path::{Path, PathBuf};

/// One thing that was found damaged or missing, and what was done about it.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub enum RecoveryNote {
    /// Damaged lines at the end of the journal (an answer being written when the program
    /// stopped) were dropped.
    JournalTail {
        /// The journal.
        path: PathBuf,
        /// How many damaged lines.
        lines: usize,
        /// How many bytes they held.
        bytes: u64,
    },
    /// Damaged lines in the middle of the journal were skipped.
    JournalDamaged {
        /// The journal.
        path: PathBuf,
        /// Their line numbers (1-based).
        lines: Vec<u64>,
    },
    /// The damaged journal was kept under another name before being rewritten clean.
    JournalKept {
        /// Where the damaged copy is.
        copy: PathBuf,
    },
    /// The snapshot was damaged; it was moved aside (never overwritten) and progress was
    /// rebuilt from the archived history and the journal.
    SnapshotDamaged {
        /// The snapshot.
        path: PathBuf,
        /// Where it was moved (`None` when open read-only).
        moved_to: Option<PathBuf>,
        /// What was wrong.
        reason: crate::message::Message,
    },
    /// The snapshot was missing although earlier answers exist; progress was rebuilt
    /// from the archived history and the journal.
    SnapshotMissing {
        /// Where it should be.
        path: PathBuf,
    },
    /// Damaged lines in an archived journal were skipped while rebuilding.
    HistoryDamaged {
        /// The archived journal.
        path: PathBuf,
        /// How many lines.
        lines: usize,
    },
    /// The settings file could not be read; it was moved aside and defaults are used.
    SettingsReset {
        /// The settings file.
        path: PathBuf,
        /// Where it was moved (`None` when open read-only).
        moved_to: Option<PathBuf>,
        /// What was wrong.
        reason: crate::message::Message,
    },
    /// The folder's file system cannot lock files, so two windows could write at once.
    LockUnsupported {
        /// The profile folder.
        path: PathBuf,
    },
    /// Damage was found but nothing was changed on disk because the store is read-only.
    LeftUnrepaired,
    /// The journal's header names a newer format than this version reads (a newer
    /// quizdeck's file, or a damaged header); its lines were read as this version's.
    JournalNewerHeader {
        /// The journal.
        path: PathBuf,
        /// The format version it names.
        found: u32,
    },
    /// Something of the wrong type stood where a progress file or folder belongs (a folder
    /// where the journal should be, a file where the history folder should be, a pipe, a
    /// device); it was moved aside, never deleted.
    WrongType {
        /// Where it was.
        path: PathBuf,
        /// What it was, in words.
        what: &'static str,
        /// Where it was moved (`None` when open read-only).
        moved_to: Option<PathBuf>,
    },
}

/// What [`Store::open`](super::Store::open) (or settings loading) recovered; empty when
/// everything was clean. Its `Display` is a sentence for the student.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RecoveryReport {
    /// Answers read back from the journal (and the archive, when rebuilding).
    pub answers_recovered: usize,
    /// Items with progress after opening.
    pub items: usize,
    /// What was found and done, in order.
    pub notes: Vec<RecoveryNote>,
}

impl RecoveryReport {
    /// True when nothing needed repairing.
    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }

    /// True when progress data (not only settings or locking) was damaged or missing.
    pub fn progress_damaged(&self) -> bool {
        self.notes.iter().any(|n| {
            !matches!(
                n,
                RecoveryNote::SettingsReset { .. } | RecoveryNote::LockUnsupported { .. }
            )
        })
    }
}

/// `1204` → `"1,204"`.
pub(crate) fn thousands(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::with_capacity(s.len() + s.len() / 3);
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

fn plural(n: usize, one: &str, many: &str) -> String {
    format!("{} {}", thousands(n), if n == 1 { one } else { many })
}

fn file_name(p: &Path) -> String {
    p.file_name()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| p.display().to_string())
}

impl fmt::Display for RecoveryReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.is_empty() {
            return f.write_str("Your progress was loaded without problems.");
        }
        let mut parts: Vec<String> = Vec::new();
        if self.progress_damaged() {
            let mut first = format!(
                "Recovered {}",
                plural(self.answers_recovered, "answer", "answers")
            );
            if self.items > 0 {
                first += &format!(" (progress on {})", plural(self.items, "item", "items"));
            }
            parts.push(first);
        }
        for n in &self.notes {
            parts.push(match n {
                RecoveryNote::JournalTail { lines, .. } => format!(
                    "{} at the end of the journal {} set aside (it was being saved when \
                     quizdeck stopped)",
                    plural(*lines, "damaged line", "damaged lines"),
                    if *lines == 1 { "was" } else { "were" }
                ),
                RecoveryNote::JournalDamaged { lines, .. } => format!(
                    "{} in the middle of the journal {} skipped",
                    plural(lines.len(), "damaged line", "damaged lines"),
                    if lines.len() == 1 { "was" } else { "were" }
                ),
                RecoveryNote::JournalKept { copy } => {
                    format!(
                        "a copy of the damaged journal was kept as {}",
                        file_name(copy)
                    )
                }
                RecoveryNote::SnapshotDamaged {
                    moved_to, reason, ..
                } => match moved_to {
                    Some(to) => format!(
                        "the saved progress file was damaged ({reason}), so it was moved \
                         aside as {} and your progress was rebuilt from the history",
                        file_name(to)
                    ),
                    None => format!(
                        "the saved progress file is damaged ({reason}); progress was \
                         rebuilt from the history"
                    ),
                },
                RecoveryNote::JournalNewerHeader { found, .. } => format!(
                    "the journal's header names format {found}, newer than this quizdeck \
                     reads (a newer quizdeck wrote it, or the header is damaged); its lines \
                     were read as this version's"
                ),
                RecoveryNote::WrongType {
                    path,
                    what,
                    moved_to,
                } => match moved_to {
                    Some(to) => format!(
                        "{} was {what}, so it was moved aside as {}",
                        file_name(path),
                        file_name(to)
                    ),
                    None => format!("{} is {what}, so it was not read", file_name(path)),
                },
                RecoveryNote::SnapshotMissing { .. } => {
                    "the saved progress file was missing, so your progress was rebuilt from \
                     the history"
                        .to_owned()
                }
                RecoveryNote::HistoryDamaged { path, lines } => format!(
                    "{} in the archived history ({}) {} skipped",
                    plural(*lines, "damaged line", "damaged lines"),
                    file_name(path),
                    if *lines == 1 { "was" } else { "were" }
                ),
                RecoveryNote::SettingsReset {
                    moved_to, reason, ..
                } => match moved_to {
                    Some(to) => format!(
                        "the settings file could not be read ({reason}), so it was moved \
                         aside as {} and default settings are used",
                        file_name(to)
                    ),
                    None => format!(
                        "the settings file could not be read ({reason}); default settings \
                         are used"
                    ),
                },
                RecoveryNote::LockUnsupported { .. } => {
                    "this folder cannot be locked, so make sure quizdeck is not open twice \
                     on the same profile"
                        .to_owned()
                }
                RecoveryNote::LeftUnrepaired => {
                    "nothing was repaired on disk because the progress is open read-only".to_owned()
                }
            });
        }
        let text = parts.join("; ");
        let mut chars = text.chars();
        if let Some(c) = chars.next() {
            write!(f, "{}{}.", c.to_uppercase(), chars.as_str())?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentence_for_a_torn_tail() {
        let r = RecoveryReport {
            answers_recovered: 1204,
            items: 0,
            notes: vec![
                RecoveryNote::JournalTail {
                    path: "j".into(),
                    lines: 1,
                    bytes: 20,
                },
                RecoveryNote::JournalKept {
                    copy: "/p/journal.log.corrupt-20240101T000000Z".into(),
                },
            ],
        };
        assert_eq!(
            r.to_string(),
            "Recovered 1,204 answers; 1 damaged line at the end of the journal was set aside \
             (it was being saved when quizdeck stopped); a copy of the damaged journal was \
             kept as journal.log.corrupt-20240101T000000Z."
        );
    }

    #[test]
    fn settings_only_and_clean() {
        assert!(RecoveryReport::default().is_empty());
        let r = RecoveryReport {
            notes: vec![RecoveryNote::SettingsReset {
                path: "s".into(),
                moved_to: None,
                reason: crate::message::Message::new("store-settings-not-text"),
            }],
            ..Default::default()
        };
        assert!(!r.progress_damaged());
        assert!(
            r.to_string()
                .starts_with("The settings file could not be read")
        );
    }

    #[test]
    fn thousands_separators() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1,000");
        assert_eq!(thousands(1234567), "1,234,567");
    }
}
