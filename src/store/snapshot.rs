//! Snapshots: every item's state folded out of the journal, written atomically.
//!
//! Layout: a header line `QUIZDECK-SNAPSHOT 1 <crc32 hex> <body length>` and a body of
//! lines: first a JSON meta line (last folded sequence number, time, item count, recent
//! answers for the "today" counters), then one `[[deck, card, part], state]` line per
//! item. The CRC covers the whole body, so a snapshot is used entirely or not at all.

use super::fsutil::{Capped, read_capped, write_atomic};
use super::journal::{WireKey, WireState, crc32, from_ts, key_from, key_ref, ts};
use super::{RecentAnswer, Result, StoreError};
use crate::ids::ItemKey;
use crate::schedule::ItemState;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::path::Path;

/// First bytes of a snapshot.
pub(crate) const HEADER_PREFIX: &str = "QUIZDECK-SNAPSHOT ";
/// Snapshot format version written and read by this code.
pub(crate) const VERSION: u32 = 1;
/// Snapshots larger than this are treated as damaged (4 GiB; a real one for 100k items
/// is ~15 MB).
pub(crate) const MAX_SNAPSHOT: u64 = 4 << 30;

/// The content of a snapshot.
#[derive(Debug, Clone, Default, PartialEq)]
pub(crate) struct Snapshot {
    /// Sequence number of the last journal event folded in.
    pub last_seq: u64,
    /// When it was taken (the caller's clock).
    pub at: Option<DateTime<Utc>>,
    /// Every item's state.
    pub states: HashMap<ItemKey, ItemState>,
    /// Answers kept for "reviews today" counters.
    pub recent: Vec<RecentAnswer>,
    /// Answers before this time were dropped from `recent`; `None` = none dropped.
    pub recent_floor: Option<DateTime<Utc>>,
}

#[derive(Serialize, Deserialize)]
struct Meta {
    last_seq: u64,
    at: Option<i128>,
    count: usize,
    recent_floor: Option<i128>,
    /// `(seq, at, rating, was_new)`.
    recent: Vec<(u64, i128, u8, bool)>,
}

/// Why a snapshot file could not be used.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Damage(pub String);

/// What a snapshot is written from (borrowed, so the store's maps are not cloned).
pub(crate) struct SnapshotRef<'a> {
    /// Sequence number of the last event folded in.
    pub last_seq: u64,
    /// When it is taken.
    pub at: Option<DateTime<Utc>>,
    /// Every item's state.
    pub states: &'a HashMap<ItemKey, ItemState>,
    /// Recent answers.
    pub recent: &'a [RecentAnswer],
    /// See [`Snapshot::recent_floor`].
    pub recent_floor: Option<DateTime<Utc>>,
}

impl Snapshot {
    /// Borrows this snapshot for [`encode`].
    #[cfg(test)]
    pub(crate) fn as_ref(&self) -> SnapshotRef<'_> {
        SnapshotRef {
            last_seq: self.last_seq,
            at: self.at,
            states: &self.states,
            recent: &self.recent,
            recent_floor: self.recent_floor,
        }
    }
}

/// Encodes a snapshot to bytes.
pub(crate) fn encode(s: &SnapshotRef<'_>) -> Vec<u8> {
    let mut body = Vec::with_capacity(64 + s.states.len() * 140);
    let meta = Meta {
        last_seq: s.last_seq,
        at: s.at.as_ref().map(ts),
        count: s.states.len(),
        recent_floor: s.recent_floor.as_ref().map(ts),
        recent: s
            .recent
            .iter()
            .map(|r| {
                (
                    r.seq,
                    ts(&r.at),
                    super::journal::rating_code(r.rating),
                    r.was_new,
                )
            })
            .collect(),
    };
    // Serializing numbers, strings and tuples into a Vec cannot fail.
    let _ = serde_json::to_writer(&mut body, &meta);
    body.push(b'\n');
    for (k, st) in s.states {
        let _ = serde_json::to_writer(&mut body, &(key_ref(k), WireState::from_state(st)));
        body.push(b'\n');
    }
    let mut out = format!(
        "{HEADER_PREFIX}{VERSION} {:08x} {}\n",
        crc32(&body),
        body.len()
    )
    .into_bytes();
    out.extend_from_slice(&body);
    out
}

/// Decodes a snapshot. A newer format version is an error (not damage), so the file is
/// left alone; anything else wrong is [`Damage`].
pub(crate) fn decode(path: &Path, bytes: &[u8]) -> Result<std::result::Result<Snapshot, Damage>> {
    let dmg = |m: &str| Ok(Err(Damage(m.to_owned())));
    let Some(nl) = bytes.iter().take(200).position(|&b| b == b'\n') else {
        return dmg("no header line");
    };
    let Ok(header) = std::str::from_utf8(&bytes[..nl]) else {
        return dmg("unreadable header");
    };
    let Some(rest) = header.strip_prefix(HEADER_PREFIX) else {
        return dmg("not a quizdeck snapshot");
    };
    let mut parts = rest.split(' ');
    let Some(version) = parts.next().and_then(|v| v.parse::<u32>().ok()) else {
        return dmg("unreadable version");
    };
    if version > VERSION {
        return Err(StoreError::NewerFormat {
            path: path.to_path_buf(),
            found: version,
        });
    }
    let crc = parts.next().and_then(|c| u32::from_str_radix(c, 16).ok());
    let len = parts.next().and_then(|c| c.parse::<usize>().ok());
    let (Some(crc), Some(len)) = (crc, len) else {
        return dmg("unreadable header");
    };
    let body = &bytes[nl + 1..];
    if body.len() != len {
        return dmg("truncated or extended");
    }
    if crc32(body) != crc {
        return dmg("checksum mismatch");
    }
    let mut lines = body.split(|&b| b == b'\n');
    let Some(Ok(meta)) = lines.next().map(serde_json::from_slice::<Meta>) else {
        return dmg("unreadable summary line");
    };
    let mut snap = Snapshot {
        last_seq: meta.last_seq,
        at: meta.at.and_then(from_ts),
        // Each item line is at least ~30 bytes: a hostile count cannot force a huge
        // allocation.
        states: HashMap::with_capacity(meta.count.min(body.len() / 30)),
        recent: Vec::with_capacity(meta.recent.len()),
        recent_floor: meta.recent_floor.and_then(from_ts),
    };
    for (seq, at, rating, was_new) in meta.recent {
        let (Some(at), Some(rating)) = (from_ts(at), super::journal::rating_from(rating)) else {
            return dmg("bad recent answer");
        };
        snap.recent.push(RecentAnswer {
            seq,
            at,
            rating,
            was_new,
        });
    }
    for line in lines {
        if line.is_empty() {
            continue;
        }
        let parsed = match super::journal::fast::decode_item(line) {
            Some(x) => Ok(x),
            None => serde_json::from_slice::<(WireKey, WireState)>(line),
        };
        let Ok((k, st)) = parsed else {
            return dmg("unreadable item line");
        };
        let Some(st) = st.into_state() else {
            return dmg("bad item state");
        };
        snap.states.insert(key_from(k), st);
    }
    if snap.states.len() != meta.count {
        return dmg("item count mismatch");
    }
    Ok(Ok(snap))
}

/// Reads the snapshot at `path`: `Ok(None)` if there is none.
pub(crate) fn load(path: &Path) -> Result<Option<std::result::Result<Snapshot, Damage>>> {
    match read_capped(path, MAX_SNAPSHOT)? {
        Capped::Missing => Ok(None),
        Capped::TooLarge(n) => Ok(Some(Err(Damage(format!("{n} bytes is too large"))))),
        Capped::Bytes(b) => decode(path, &b).map(Some),
    }
}

/// Writes the snapshot atomically (temporary file, fsync, rename, folder fsync).
pub(crate) fn save(path: &Path, s: &SnapshotRef<'_>) -> Result<()> {
    write_atomic(path, &encode(s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::{Memory, Phase, Rating};

    fn sample(n: u32) -> Snapshot {
        let t = DateTime::from_timestamp(1_700_000_000, 5).unwrap();
        let mut s = Snapshot {
            last_seq: 42,
            at: Some(t),
            recent_floor: Some(t),
            ..Snapshot::default()
        };
        for i in 0..n {
            s.states.insert(
                ItemKey::new("deck", format!("card-{i}"), i % 3),
                ItemState {
                    phase: Phase::Learning,
                    step: i,
                    memory: Some(Memory {
                        stability_days: i as f32 / 7.0,
                        difficulty: f32::NAN,
                    }),
                    due: t,
                    last_review: None,
                    interval_days: i,
                    reps: i,
                    lapses: 1,
                    leech: i % 2 == 0,
                    suspended: false,
                },
            );
        }
        s.recent.push(RecentAnswer {
            seq: 41,
            at: t,
            rating: Rating::Good,
            was_new: true,
        });
        s
    }

    #[test]
    fn round_trip() {
        let s = sample(50);
        let b = encode(&s.as_ref());
        let back = decode(Path::new("s"), &b).unwrap().unwrap();
        assert_eq!(back.last_seq, 42);
        assert_eq!(back.recent, s.recent);
        assert_eq!(back.states.len(), 50);
        for (k, v) in &s.states {
            let w = &back.states[k];
            assert_eq!(format!("{v:?}"), format!("{w:?}")); // NaN-safe comparison
        }
    }

    #[test]
    fn any_damage_is_detected() {
        let b = encode(&sample(3).as_ref());
        for cut in 0..b.len() {
            assert!(decode(Path::new("s"), &b[..cut]).unwrap().is_err());
        }
        for i in 0..b.len() {
            let mut x = b.clone();
            x[i] ^= 0x10;
            // A flipped bit is damage, or (in the version digit) a newer format.
            if let Ok(r) = decode(Path::new("s"), &x) {
                assert!(r.is_err(), "flip at {i}");
            }
        }
    }

    #[test]
    fn newer_version_is_an_error() {
        let b = b"QUIZDECK-SNAPSHOT 7 00000000 0\n";
        assert!(matches!(
            decode(Path::new("s"), b),
            Err(StoreError::NewerFormat { found: 7, .. })
        ));
    }
}
