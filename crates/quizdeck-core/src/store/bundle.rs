//! Export and import of a profile's progress as one file, for moving between PCs.
//!
//! The file is a header line `QUIZDECK-PROGRESS 1 crc32=<hex> bytes=<n>` followed by a
//! JSON document ([`ProgressBundle`]: format name and version, states, full history and
//! the settings text). The CRC covers the JSON, so a file damaged on a USB stick is
//! refused instead of half-imported. Import merges: per item the state with the later
//! `last_review` wins; histories are unioned without duplicates.

use super::fsutil::{Capped, read_capped, write_atomic};
use super::journal::{Event, crc32};
use super::paths::SETTINGS_FILE;
use super::{ChangeReason, Result, Store, StoreError};
use crate::ids::ItemKey;
use crate::schedule::{ItemState, Rating, ReviewEntry};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;
use std::path::Path;

/// Format name inside the file.
pub const FORMAT: &str = "quizdeck-progress";
/// Format version written and read.
pub const VERSION: u32 = 1;
/// First bytes of the file.
pub(crate) const HEADER_PREFIX: &str = "QUIZDECK-PROGRESS ";
/// Files larger than this are refused.
pub(crate) const MAX_BUNDLE_BYTES: u64 = 1 << 30;

/// One item's state in a bundle.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BundleItem {
    /// The item.
    pub key: ItemKey,
    /// Its state.
    pub state: ItemState,
}

/// The content of a progress file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProgressBundle {
    /// Always [`FORMAT`].
    pub format: String,
    /// Format version ([`VERSION`]).
    pub version: u32,
    /// When it was exported (the caller's clock).
    pub exported_at: DateTime<Utc>,
    /// The profile's display name, if known.
    pub profile_name: Option<String>,
    /// Every item's state.
    pub states: Vec<BundleItem>,
    /// The full review history.
    pub history: Vec<ReviewEntry>,
    /// The settings file's text (RON), if any.
    pub settings: Option<String>,
}

/// What an export wrote.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportSummary {
    /// Items with progress.
    pub items: usize,
    /// Answers in the history.
    pub answers: usize,
    /// Bytes written.
    pub bytes: u64,
}

/// What an import changed.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ImportReport {
    /// Items whose state was taken from the file (newer or previously missing).
    pub states_taken: usize,
    /// Items where this profile's state was newer (or equal) and was kept.
    pub states_kept: usize,
    /// Answers added to the history.
    pub history_added: usize,
    /// Answers in the file already present here.
    pub history_duplicates: usize,
    /// True when the file's settings replaced this profile's.
    pub(crate) settings_replaced: bool,
    /// Name of the profile the file came from.
    pub from_profile: Option<String>,
}

type EntryId = (ItemKey, DateTime<Utc>, Rating, u32);

fn entry_id(e: &ReviewEntry) -> EntryId {
    (e.key.clone(), e.at, e.rating, e.duration_ms)
}

/// Encodes a bundle into the file format.
pub(crate) fn encode_bundle(b: &ProgressBundle) -> Vec<u8> {
    // Plain data with string keys: serialization cannot fail.
    let body = serde_json::to_vec(b).unwrap_or_default();
    let mut out = format!(
        "{HEADER_PREFIX}{VERSION} crc32={:08x} bytes={}\n",
        crc32(&body),
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(&body);
    out
}

/// Decodes and checks a progress file's bytes (`path` is only used in errors).
pub(crate) fn decode_bundle(path: &Path, bytes: &[u8]) -> Result<ProgressBundle> {
    let bad = |reason: &str| StoreError::BadBundle {
        path: path.to_path_buf(),
        reason: reason.to_owned(),
    };
    let nl = bytes
        .iter()
        .take(200)
        .position(|&b| b == b'\n')
        .ok_or_else(|| bad("it has no quizdeck header"))?;
    let header = std::str::from_utf8(&bytes[..nl]).map_err(|_| bad("unreadable header"))?;
    let rest = header
        .strip_prefix(HEADER_PREFIX)
        .ok_or_else(|| bad("it is not a quizdeck progress file"))?;
    let mut parts = rest.split(' ');
    let version: u32 = parts
        .next()
        .and_then(|v| v.parse().ok())
        .ok_or_else(|| bad("unreadable version"))?;
    if version > VERSION {
        return Err(StoreError::NewerFormat {
            path: path.to_path_buf(),
            found: version,
        });
    }
    let crc = parts
        .next()
        .and_then(|c| c.strip_prefix("crc32="))
        .and_then(|c| u32::from_str_radix(c, 16).ok());
    let len = parts
        .next()
        .and_then(|c| c.strip_prefix("bytes="))
        .and_then(|c| c.parse::<usize>().ok());
    let (Some(crc), Some(len)) = (crc, len) else {
        return Err(bad("unreadable header"));
    };
    let body = &bytes[nl + 1..];
    if body.len() != len {
        return Err(bad("the file is incomplete (was it copied completely?)"));
    }
    if crc32(body) != crc {
        return Err(bad("the file is damaged (checksum mismatch)"));
    }
    let b: ProgressBundle =
        serde_json::from_slice(body).map_err(|e| bad(&format!("unreadable content: {e}")))?;
    if b.format != FORMAT {
        return Err(bad("unknown format name"));
    }
    if b.version > VERSION {
        return Err(StoreError::NewerFormat {
            path: path.to_path_buf(),
            found: b.version,
        });
    }
    Ok(b)
}

/// The most problems of a progress file listed in the refusal.
const MAX_LISTED_PROBLEMS: usize = 10;

/// "n problems: a; b; c (and k more)".
fn problems_sentence(problems: &[String]) -> String {
    let shown: Vec<&str> = problems
        .iter()
        .take(MAX_LISTED_PROBLEMS)
        .map(String::as_str)
        .collect();
    let more = problems.len().saturating_sub(MAX_LISTED_PROBLEMS);
    format!(
        "{} problem(s), nothing was imported: {}{}",
        problems.len(),
        shown.join("; "),
        if more > 0 {
            format!(" (and {more} more)")
        } else {
            String::new()
        }
    )
}

/// Everything wrong in a decoded progress file, as sentences: every key (valid deck and
/// card ids), every number (in range) and every date (not before 1970, review times not
/// after tomorrow; due dates within the longest interval). An edited file with a review
/// in the year 262142 would otherwise win every later merge. `at` is now.
pub(crate) fn check_bundle(b: &ProgressBundle, at: DateTime<Utc>) -> Vec<String> {
    use crate::schedule::settings::MAX_INTERVAL_LIMIT_DAYS;
    let epoch = DateTime::<Utc>::UNIX_EPOCH;
    let tomorrow = at + chrono::Duration::days(1);
    let latest_due = tomorrow + chrono::Duration::days(i64::from(MAX_INTERVAL_LIMIT_DAYS) + 1);
    // Far beyond any real card: a step count or a number of reviews no one reaches.
    const MAX_COUNT: u32 = 1_000_000;
    const MAX_PART: u32 = 10_000;
    let mut problems = Vec::new();
    let key_problem = |what: &str, key: &ItemKey, problems: &mut Vec<String>| {
        for (name, id) in [("deck", key.deck.as_str()), ("card", key.card.as_str())] {
            if let Err(e) = crate::ids::check_id(id) {
                problems.push(format!("{what}: the {name} id {id:?} is not valid ({e})"));
            }
        }
        if key.part > MAX_PART {
            problems.push(format!("{what}: part {} is out of range", key.part));
        }
    };
    let date = |what: &str, name: &str, d: DateTime<Utc>, latest: DateTime<Utc>| {
        (d < epoch || d > latest).then(|| format!("{what}: the {name} {d} is out of range"))
    };
    for (i, item) in b.states.iter().enumerate() {
        let what = format!("state {} ({})", i + 1, item.key);
        key_problem(&what, &item.key, &mut problems);
        let s = &item.state;
        for (name, n) in [("reps", s.reps), ("lapses", s.lapses), ("step", s.step)] {
            if n > MAX_COUNT {
                problems.push(format!("{what}: {name} {n} is out of range"));
            }
        }
        if s.interval_days > MAX_INTERVAL_LIMIT_DAYS {
            problems.push(format!(
                "{what}: the interval of {} days is longer than {MAX_INTERVAL_LIMIT_DAYS}",
                s.interval_days
            ));
        }
        if let Some(m) = &s.memory {
            let ok = m.stability_days.is_finite()
                && m.stability_days >= 0.0
                && m.stability_days <= 1e6
                && m.difficulty.is_finite()
                && (0.0..=11.0).contains(&m.difficulty);
            if !ok {
                problems.push(format!(
                    "{what}: the memory values (stability {}, difficulty {}) are out of range",
                    m.stability_days, m.difficulty
                ));
            }
        }
        problems.extend(date(&what, "due date", s.due, latest_due));
        if let Some(r) = s.last_review {
            problems.extend(date(&what, "last review", r, tomorrow));
        }
    }
    for (i, e) in b.history.iter().enumerate() {
        let what = format!("answer {} ({})", i + 1, e.key);
        key_problem(&what, &e.key, &mut problems);
        problems.extend(date(&what, "time", e.at, tomorrow));
    }
    problems
}

/// Reads and checks a progress file (size, header, checksum, format, and every key, number
/// and date with [`check_bundle`]; `at` is now) without merging it, e.g. to see whose
/// progress it holds before [`Store::import_bundle`].
pub fn read_bundle(src: &Path, at: DateTime<Utc>) -> Result<ProgressBundle> {
    let bytes = match read_capped(src, MAX_BUNDLE_BYTES)? {
        Capped::Missing => {
            return Err(StoreError::BadBundle {
                path: src.to_path_buf(),
                reason: "the file does not exist".into(),
            });
        }
        Capped::TooLarge(n) => {
            return Err(StoreError::BadBundle {
                path: src.to_path_buf(),
                reason: format!("{n} bytes is too large"),
            });
        }
        Capped::Bytes(b) => b,
    };
    let b = decode_bundle(src, &bytes)?;
    let problems = check_bundle(&b, at);
    if !problems.is_empty() {
        return Err(StoreError::BadBundle {
            path: src.to_path_buf(),
            reason: problems_sentence(&problems),
        });
    }
    Ok(b)
}

impl Store {
    /// Builds the bundle of this profile's progress (states, full history, settings).
    pub(crate) fn bundle(&self, at: DateTime<Utc>) -> Result<ProgressBundle> {
        let mut states: Vec<BundleItem> = self
            .states()
            .iter()
            .map(|(k, s)| BundleItem {
                key: k.clone(),
                state: s.clone(),
            })
            .collect();
        states.sort_by(|a, b| a.key.cmp(&b.key));
        let settings = match read_capped(
            &self.profile_dir().join(SETTINGS_FILE),
            super::profiles::MAX_SETTINGS_BYTES,
        )? {
            Capped::Bytes(b) => String::from_utf8(b).ok(),
            _ => None,
        };
        let profile_name = super::profiles::display_name_of(self.profile_dir());
        Ok(ProgressBundle {
            format: FORMAT.to_owned(),
            version: VERSION,
            exported_at: at,
            profile_name,
            states,
            history: self.history()?,
            settings,
        })
    }

    /// Exports this profile's progress to `dest` (written atomically). Works on a
    /// read-only store too.
    pub fn export_progress(&self, dest: &Path, at: DateTime<Utc>) -> Result<ExportSummary> {
        let b = self.bundle(at)?;
        let bytes = encode_bundle(&b);
        // `-` is standard output, links are written through, special files refused.
        match crate::input::output_target(dest).map_err(super::fsutil::io_err("write", dest))? {
            crate::input::OutputTarget::Stdout => {
                use std::io::Write;
                let mut out = std::io::stdout().lock();
                out.write_all(&bytes)
                    .and_then(|()| out.flush())
                    .map_err(super::fsutil::io_err("write", dest))?;
            }
            crate::input::OutputTarget::File(target) => write_atomic(&target, &bytes)?,
        }
        Ok(ExportSummary {
            items: b.states.len(),
            answers: b.history.len(),
            bytes: bytes.len() as u64,
        })
    }

    /// Merges a progress file into this profile: per item the state with the later
    /// `last_review` wins (ties keep this profile's), the histories are unioned without
    /// duplicates, and with `take_settings` the file's settings replace this profile's.
    /// Everything is journaled in one durable write, then a snapshot is taken.
    pub fn import_progress(
        &mut self,
        src: &Path,
        at: DateTime<Utc>,
        take_settings: bool,
    ) -> Result<ImportReport> {
        self.check_writable()?;
        let b = read_bundle(src, at)?;
        self.import_bundle(b, at, take_settings)
    }

    /// Merges an already decoded bundle (see [`Store::import_progress`]).
    pub fn import_bundle(
        &mut self,
        b: ProgressBundle,
        at: DateTime<Utc>,
        take_settings: bool,
    ) -> Result<ImportReport> {
        self.check_writable()?;
        let mut rep = ImportReport {
            from_profile: b.profile_name.clone(),
            ..ImportReport::default()
        };
        let mut seen: HashSet<EntryId> = self.history()?.iter().map(entry_id).collect();
        let mut events = Vec::new();
        for e in b.history {
            if seen.insert(entry_id(&e)) {
                rep.history_added += 1;
                events.push(Event::HistoryOnly(e));
            } else {
                rep.history_duplicates += 1;
            }
        }
        let mut taken_keys = HashSet::new();
        for item in b.states {
            if !taken_keys.insert(item.key.clone()) {
                continue; // duplicate key in the file: first one wins
            }
            let theirs_newer = match self.state(&item.key) {
                None => true,
                Some(mine) => item.state.last_review > mine.last_review,
            };
            if theirs_newer {
                rep.states_taken += 1;
                events.push(Event::Set {
                    key: item.key,
                    state: Some(item.state),
                    reason: ChangeReason::Import,
                    at,
                });
            } else {
                rep.states_kept += 1;
            }
        }
        if !events.is_empty() {
            self.commit(events, false)?;
        }
        if take_settings
            && let Some(text) = b.settings
            && ron::from_str::<ron::Value>(&text).is_ok()
        {
            super::profiles::save_settings_text(self.profile_dir(), &text)?;
            rep.settings_replaced = true;
        }
        self.snapshot(at)?;
        Ok(rep)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::OpenOptions;
    use crate::store::tests::{st, t};

    fn entry(card: &str, at: i64) -> ReviewEntry {
        ReviewEntry {
            key: ItemKey::new("d", card, 0),
            rating: Rating::Good,
            at: t(at),
            duration_ms: 900,
            phase: Default::default(),
        }
    }

    #[test]
    fn export_import_merges() {
        let d = tempfile::tempdir().unwrap();
        let (mut a, _) = Store::open(&d.path().join("a"), &OpenOptions::default(), t(0)).unwrap();
        let (mut b, _) = Store::open(&d.path().join("b"), &OpenOptions::default(), t(0)).unwrap();
        // Shared history entry on both, then diverging progress.
        a.record_answer(entry("x", 1), None, st(1, 1)).unwrap();
        b.record_answer(entry("x", 1), None, st(1, 1)).unwrap();
        a.record_answer(entry("x", 5), Some(st(1, 1)), st(2, 5))
            .unwrap(); // a newer on x
        b.record_answer(entry("y", 3), None, st(1, 3)).unwrap(); // only b has y
        a.record_answer(entry("z", 2), None, st(1, 2)).unwrap();
        b.record_answer(entry("z", 9), None, st(7, 9)).unwrap(); // b newer on z
        crate::store::save_settings(b.profile_dir(), &vec![1u8, 2]).unwrap();
        let file = d.path().join("b.quizdeck");
        let sum = b.export_progress(&file, t(10)).unwrap();
        assert_eq!((sum.items, sum.answers), (3, 3));

        let rep = a.import_progress(&file, t(11), true).unwrap();
        assert_eq!(rep.states_taken, 2);
        assert_eq!(rep.states_kept, 1);
        assert_eq!(rep.history_added, 2);
        assert_eq!(rep.history_duplicates, 1);
        assert!(rep.settings_replaced);
        assert_eq!(a.state(&ItemKey::new("d", "x", 0)).unwrap().reps, 2);
        assert_eq!(a.state(&ItemKey::new("d", "y", 0)).unwrap().reps, 1);
        assert_eq!(a.state(&ItemKey::new("d", "z", 0)).unwrap().reps, 7);
        assert_eq!(a.history().unwrap().len(), 5);
        let (v, _) = a.load_settings::<Vec<u8>>(t(12)).unwrap();
        assert_eq!(v, [1, 2]);
        // Importing again changes nothing.
        let rep = a.import_progress(&file, t(12), false).unwrap();
        assert_eq!((rep.states_taken, rep.history_added), (0, 0));
        // Survives reopen.
        drop(a);
        let (a, r) = Store::open(&d.path().join("a"), &OpenOptions::default(), t(13)).unwrap();
        assert!(r.is_empty());
        assert_eq!(a.history().unwrap().len(), 5);
        assert_eq!(a.states().len(), 3);
    }

    #[test]
    fn edited_keys_numbers_and_dates_are_refused_with_the_first_problems() {
        let d = tempfile::tempdir().unwrap();
        let (mut a, _) = Store::open(&d.path().join("a"), &OpenOptions::default(), t(0)).unwrap();
        a.record_answer(entry("x", 1), None, st(1, 1)).unwrap();
        let good = a.bundle(t(2)).unwrap();
        assert!(check_bundle(&good, t(2)).is_empty());
        let file = d.path().join("edited.quizdeck");
        let refused = |b: &ProgressBundle, a: &mut Store| {
            std::fs::write(&file, encode_bundle(b)).unwrap();
            match a.import_progress(&file, t(3), false) {
                Err(StoreError::BadBundle { reason, .. }) => reason,
                other => panic!("{other:?}"),
            }
        };
        let mut b = good.clone();
        b.states[0].key = ItemKey::new("../../etc", "x", 0);
        let why = refused(&b, &mut a);
        assert!(why.contains("deck id \"../../etc\""), "{why}");
        let mut b = good.clone();
        b.history[0].key = ItemKey::new("d", "two\nlines", 0);
        assert!(refused(&b, &mut a).contains("card id"));
        let mut b = good.clone();
        b.states[0].state.reps = u32::MAX;
        assert!(refused(&b, &mut a).contains("reps 4294967295"));
        let mut b = good.clone();
        b.states[0].state.last_review = DateTime::from_timestamp(32_503_680_000, 0);
        assert!(refused(&b, &mut a).contains("last review"));
        let mut b = good.clone();
        b.history[0].at = DateTime::from_timestamp(-1, 0).unwrap();
        assert!(refused(&b, &mut a).contains("time"));
        // Many problems: the first ten, and a count.
        let mut b = good.clone();
        for _ in 0..30 {
            b.history.push(ReviewEntry {
                key: ItemKey::new("BAD ID", "x", 0),
                ..b.history[0].clone()
            });
        }
        let why = refused(&b, &mut a);
        assert!(
            why.starts_with("30 problem(s), nothing was imported"),
            "{why}"
        );
        assert!(why.ends_with("(and 20 more)"), "{why}");
        // Nothing was imported by any of them.
        assert_eq!(a.history().unwrap().len(), 1);
        assert_eq!(a.state(&ItemKey::new("d", "x", 0)).unwrap().reps, 1);
    }

    #[test]
    fn damaged_or_foreign_files_are_refused() {
        let d = tempfile::tempdir().unwrap();
        let (mut a, _) = Store::open(&d.path().join("a"), &OpenOptions::default(), t(0)).unwrap();
        a.record_answer(entry("x", 1), None, st(1, 1)).unwrap();
        let file = d.path().join("a.quizdeck");
        a.export_progress(&file, t(2)).unwrap();
        let good = std::fs::read(&file).unwrap();
        let mut bad = good.clone();
        let n = bad.len();
        bad[n - 5] ^= 1;
        std::fs::write(&file, &bad).unwrap();
        assert!(matches!(
            a.import_progress(&file, t(3), false),
            Err(StoreError::BadBundle { .. })
        ));
        std::fs::write(&file, &good[..good.len() - 1]).unwrap();
        assert!(a.import_progress(&file, t(3), false).is_err());
        std::fs::write(&file, b"PK\x03\x04 a zip").unwrap();
        assert!(a.import_progress(&file, t(3), false).is_err());
        assert!(
            a.import_progress(&d.path().join("none"), t(3), false)
                .is_err()
        );
        assert_eq!(a.history().unwrap().len(), 1);
    }
}
