//! Snapshots: every item's state folded out of the journal, written atomically.
//!
//! Layout: a header line `QUIZDECK-SNAPSHOT <version> <crc32 hex> <body length>` and a
//! body of lines. The CRC covers the whole body, so a snapshot is used entirely or not at
//! all.
//!
//! * Format 2 (written now): a summary line `<last seq> <time> <item count> <recent
//!   floor> <recent count>` (times in integer nanoseconds, `-` for none), one line per
//!   recent answer `<seq> <time> <rating> <was new: 0|1>`, then one line per item in the
//!   journal's compact shape, `<deck> <card> <part> <due> <state>` (the state's times
//!   relative to `due`, see [`compact`](super::journal::compact)), or a JSON item line as
//!   in format 1 for a key that does not fit a compact line.
//! * Format 1 (still read): a JSON summary line (last folded sequence number, time, item
//!   count, recent answers), then one `[[deck, card, part], state]` JSON line per item.
//!
//! Large snapshots are decoded on two threads.

use super::fsutil::{Capped, read_capped, write_atomic};
use super::journal::{WireKey, WireState, compact, crc32, from_ts, key_from, key_ref, ts};
use super::{RecentAnswer, Result, States};
use crate::ids::ItemKey;
use crate::schedule::ItemState;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::path::Path;

/// First bytes of a snapshot.
pub(crate) const HEADER_PREFIX: &str = "QUIZDECK-SNAPSHOT ";
/// Snapshot format version written by this code; every version up to it is read.
pub(crate) const VERSION: u32 = 2;
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
    pub states: States,
    /// Answers kept for "reviews today" counters.
    pub recent: Vec<RecentAnswer>,
    /// Answers before this time were dropped from `recent`; `None` = none dropped.
    pub(crate) recent_floor: Option<DateTime<Utc>>,
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
pub(crate) struct Damage(pub crate::message::Message);

/// What a snapshot is written from (borrowed, so the store's maps are not cloned).
pub(crate) struct SnapshotRef<'a> {
    /// Sequence number of the last event folded in.
    pub last_seq: u64,
    /// When it is taken.
    pub at: Option<DateTime<Utc>>,
    /// Every item's state.
    pub states: &'a States,
    /// Recent answers.
    pub recent: &'a [RecentAnswer],
    /// See [`Snapshot::recent_floor`].
    pub(crate) recent_floor: Option<DateTime<Utc>>,
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

/// Encodes a snapshot to bytes (format 2).
pub(crate) fn encode(s: &SnapshotRef<'_>) -> Vec<u8> {
    let mut body = Vec::with_capacity(64 + s.states.len() * 90 + s.recent.len() * 32);
    let opt = |t: Option<&DateTime<Utc>>| t.map_or_else(|| "-".to_owned(), |t| ts(t).to_string());
    body.extend_from_slice(
        format!(
            "{} {} {} {} {}\n",
            s.last_seq,
            opt(s.at.as_ref()),
            s.states.len(),
            opt(s.recent_floor.as_ref()),
            s.recent.len()
        )
        .as_bytes(),
    );
    for r in s.recent {
        compact::encode_recent(
            &mut body,
            r.seq,
            ts(&r.at),
            super::journal::rating_code(r.rating),
            r.was_new,
        );
        body.push(b'\n');
    }
    for (k, st) in s.states {
        if compact::key_fits(k) {
            compact::encode_item(&mut body, k, st);
        } else {
            // Serializing numbers, strings and tuples into a Vec cannot fail.
            let _ = serde_json::to_writer(&mut body, &(key_ref(k), WireState::from_state(st)));
        }
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

/// Encodes a snapshot in format 1, as older versions wrote it.
#[cfg(test)]
pub(crate) fn encode_v1(s: &SnapshotRef<'_>) -> Vec<u8> {
    let mut body = Vec::new();
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
    let _ = serde_json::to_writer(&mut body, &meta);
    body.push(b'\n');
    for (k, st) in s.states {
        let _ = serde_json::to_writer(&mut body, &(key_ref(k), WireState::from_state(st)));
        body.push(b'\n');
    }
    let mut out = format!("{HEADER_PREFIX}1 {:08x} {}\n", crc32(&body), body.len()).into_bytes();
    out.extend_from_slice(&body);
    out
}

/// Splits off the first line of `b`: `(line, rest)`.
fn first_line(b: &[u8]) -> (&[u8], &[u8]) {
    match memchr::memchr(b'\n', b) {
        Some(i) => (&b[..i], &b[i + 1..]),
        None => (b, &[]),
    }
}

/// The summary line of a snapshot, times in integer nanoseconds.
struct Summary {
    last_seq: u64,
    at: Option<i128>,
    count: usize,
    recent_floor: Option<i128>,
}

/// The summary line of a format 2 snapshot and its number of recent answers.
fn meta_v2(line: &[u8]) -> Option<(Summary, usize)> {
    let text = std::str::from_utf8(line).ok()?;
    let mut f = text.split(' ');
    let opt = |f: Option<&str>| -> Option<Option<i128>> {
        match f? {
            "-" => Some(None),
            t => t.parse().ok().map(Some),
        }
    };
    let m = Summary {
        last_seq: f.next()?.parse().ok()?,
        at: opt(f.next())?,
        count: f.next()?.parse().ok()?,
        recent_floor: opt(f.next())?,
    };
    let recent = f.next()?.parse().ok()?;
    f.next().is_none().then_some((m, recent))
}

/// Decodes one item line (compact, or JSON as in format 1); an error is the id of the
/// message saying what is wrong.
fn item(line: &[u8]) -> std::result::Result<(ItemKey, ItemState), &'static str> {
    if line.first() != Some(&b'[') {
        return compact::decode_item(line).ok_or("store-damage-item-line");
    }
    let parsed = match super::journal::fast::decode_item(line) {
        Some(x) => Ok(x),
        None => serde_json::from_slice::<(WireKey, WireState)>(line),
    };
    let Ok((k, st)) = parsed else {
        return Err("store-damage-item-line");
    };
    let st = st.into_state().ok_or("store-damage-item-state")?;
    Ok((key_from(k), st))
}

type Items = std::result::Result<Vec<(ItemKey, ItemState)>, &'static str>;

/// Decodes the item lines in `b` (empty lines are skipped) into a list made at its final
/// size (collected, it grew by copying itself over and over). An item line is at least
/// ~20 bytes: a file of empty lines cannot reserve more than a few times its size.
fn items(b: &[u8]) -> Items {
    let lines = (memchr::memchr_iter(b'\n', b).count() + 1).min(b.len() / 20 + 1);
    let mut out = Vec::with_capacity(lines);
    for line in b.split(|&c| c == b'\n').filter(|l| !l.is_empty()) {
        out.push(item(line)?);
    }
    Ok(out)
}

/// Items sections at least this large are decoded on two threads.
const PARALLEL_MIN: usize = 1 << 20;

/// Decodes the item lines in `b`, on two threads when it is large.
fn items_parallel(b: &[u8]) -> Items {
    let two =
        b.len() >= PARALLEL_MIN && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !two {
        return items(b);
    }
    let mid = memchr::memchr(b'\n', &b[b.len() / 2..]).map_or(b.len(), |i| b.len() / 2 + i + 1);
    let (first, second) = b.split_at(mid);
    std::thread::scope(|scope| {
        let later = scope.spawn(|| items(second));
        let mut v = items(first)?;
        match later.join() {
            Ok(rest) => v.extend(rest?),
            Err(panic) => std::panic::resume_unwind(panic),
        }
        Ok(v)
    })
}

/// Decodes a snapshot; anything wrong, a newer format version included, is [`Damage`].
pub(crate) fn decode(_path: &Path, bytes: &[u8]) -> Result<std::result::Result<Snapshot, Damage>> {
    let dmg = |id: &'static str| Ok(Err(Damage(crate::message::Message::new(id))));
    let Some(nl) = bytes.iter().take(200).position(|&b| b == b'\n') else {
        return dmg("store-damage-no-header");
    };
    let Ok(header) = std::str::from_utf8(&bytes[..nl]) else {
        return dmg("store-damage-header");
    };
    let Some(rest) = header.strip_prefix(HEADER_PREFIX) else {
        return dmg("store-damage-not-snapshot");
    };
    let mut parts = rest.split(' ');
    let Some(version) = parts.next().and_then(|v| v.parse::<u32>().ok()) else {
        return dmg("store-damage-version");
    };
    if version > VERSION {
        // Set aside like damage (moved, never overwritten) and rebuilt from the history: a
        // flipped digit must not lock the student out of their progress.
        return Ok(Err(Damage(
            crate::message::Message::new("store-damage-newer")
                .arg("format", version)
                .arg("supported", VERSION),
        )));
    }
    let crc = parts.next().and_then(|c| u32::from_str_radix(c, 16).ok());
    let len = parts.next().and_then(|c| c.parse::<usize>().ok());
    let (Some(crc), Some(len)) = (crc, len) else {
        return dmg("store-damage-header");
    };
    let body = &bytes[nl + 1..];
    if body.len() != len {
        return dmg("store-damage-length");
    }
    if crc32(body) != crc {
        return dmg("store-damage-checksum");
    }
    let (meta_line, mut rest) = first_line(body);
    let (summary, recent) = if version <= 1 {
        let Ok(meta) = serde_json::from_slice::<Meta>(meta_line) else {
            return dmg("store-damage-summary");
        };
        let summary = Summary {
            last_seq: meta.last_seq,
            at: meta.at,
            count: meta.count,
            recent_floor: meta.recent_floor,
        };
        (summary, meta.recent)
    } else {
        let Some((summary, n)) = meta_v2(meta_line) else {
            return dmg("store-damage-summary");
        };
        // Each recent line is at least 7 bytes: a hostile count cannot force a huge
        // allocation.
        let mut recent = Vec::with_capacity(n.min(rest.len() / 7));
        for _ in 0..n {
            let (line, r) = first_line(rest);
            rest = r;
            let Some(x) = compact::decode_recent(line) else {
                return dmg("store-damage-recent");
            };
            recent.push(x);
        }
        (summary, recent)
    };
    let Summary {
        last_seq,
        at,
        count,
        recent_floor,
    } = summary;
    let mut snap = Snapshot {
        last_seq,
        at: at.and_then(from_ts),
        // The parts are made to measure as the items are filed into them.
        states: States::default(),
        recent: Vec::with_capacity(recent.len()),
        recent_floor: recent_floor.and_then(from_ts),
    };
    for (seq, at, rating, was_new) in recent {
        let (Some(at), Some(rating)) = (from_ts(at), super::journal::rating_from(rating)) else {
            return dmg("store-damage-recent");
        };
        snap.recent.push(RecentAnswer {
            seq,
            at,
            rating,
            was_new,
        });
    }
    match items_parallel(rest) {
        Ok(items) => snap.states.extend(items),
        Err(reason) => return dmg(reason),
    }
    if snap.states.len() != count {
        return dmg("store-damage-count");
    }
    Ok(Ok(snap))
}

/// Reads the snapshot at `path`: `Ok(None)` if there is none.
pub(crate) fn load(path: &Path) -> Result<Option<std::result::Result<Snapshot, Damage>>> {
    match read_capped(path, MAX_SNAPSHOT)? {
        Capped::Missing => Ok(None),
        Capped::TooLarge(n) => Ok(Some(Err(Damage(
            crate::message::Message::new("store-damage-too-large").arg("size", n),
        )))),
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

    fn same(a: &Snapshot, b: &Snapshot) {
        assert_eq!(a.last_seq, b.last_seq);
        assert_eq!(a.at, b.at);
        assert_eq!(a.recent, b.recent);
        assert_eq!(a.recent_floor, b.recent_floor);
        assert_eq!(a.states.len(), b.states.len());
        for (k, v) in &a.states {
            // Debug comparison so NaN bit patterns compare equal.
            assert_eq!(format!("{v:?}"), format!("{:?}", b.states[k]), "{k:?}");
        }
    }

    #[test]
    fn format_2_is_compact_and_keeps_odd_keys_and_extremes() {
        let mut s = sample(40);
        let mut odd = s.states[&ItemKey::new("deck", "card-1", 1)].clone();
        odd.due = DateTime::<Utc>::MAX_UTC;
        odd.last_review = Some(DateTime::<Utc>::MIN_UTC);
        odd.memory = None;
        s.states
            .insert(ItemKey::new("a deck", "card\n1", 7), odd.clone());
        s.states.insert(ItemKey::new("", "x", 0), odd.clone());
        s.states.insert(ItemKey::new("ü", "-", u32::MAX), odd);
        s.at = None;
        s.recent.push(RecentAnswer {
            seq: u64::MAX,
            at: DateTime::<Utc>::MIN_UTC,
            rating: Rating::Again,
            was_new: false,
        });
        let b = encode(&s.as_ref());
        assert!(b.starts_with(b"QUIZDECK-SNAPSHOT 2 "));
        let text = String::from_utf8_lossy(&b);
        assert!(text.contains("\ndeck card-1 1 "), "{text}");
        assert!(text.contains("\n[[\"a deck\",\"card\\n1\",7],"), "{text}");
        let back = decode(Path::new("s"), &b).unwrap().unwrap();
        same(&s, &back);
        assert!(b.len() < encode_v1(&s.as_ref()).len());
    }

    #[test]
    fn format_1_snapshots_still_read() {
        let mut s = sample(30);
        let copied = s.states[&ItemKey::new("deck", "card-2", 2)].clone();
        s.states.insert(ItemKey::new("a b", "c", 0), copied);
        let b = encode_v1(&s.as_ref());
        assert!(b.starts_with(b"QUIZDECK-SNAPSHOT 1 "));
        same(&s, &decode(Path::new("s"), &b).unwrap().unwrap());
        // Exactly as format 1 was written.
        let body = concat!(
            r#"{"last_seq":7,"at":1700000000000000005,"count":1,"recent_floor":null,"#,
            r#""recent":[[7,1700000000000000000,3,true]]}"#,
            "\n",
            r#"[["ww2","yalta",0],[2,0,[1095237632,1083703296],1701036800000000000,"#,
            r#"1700000000000000000,12,2,0,2]]"#,
            "\n"
        );
        let file = format!(
            "QUIZDECK-SNAPSHOT 1 {:08x} {}\n{body}",
            crc32(body.as_bytes()),
            body.len()
        );
        let back = decode(Path::new("s"), file.as_bytes()).unwrap().unwrap();
        assert_eq!(back.last_seq, 7);
        assert_eq!(back.recent.len(), 1);
        assert!(back.recent[0].was_new);
        let st = &back.states[&ItemKey::new("ww2", "yalta", 0)];
        assert_eq!((st.interval_days, st.suspended), (12, true));
        assert_eq!(st.memory.unwrap().stability_days, 12.5);
    }

    #[test]
    fn large_snapshots_decode_on_two_threads() {
        let s = sample(25_000);
        let b = encode(&s.as_ref());
        assert!(b.len() > PARALLEL_MIN);
        same(&s, &decode(Path::new("s"), &b).unwrap().unwrap());
        // Damage in either half is found.
        for at in [b.len() / 4, b.len() * 3 / 4] {
            let mut body_only = b.clone();
            body_only[at] = b'#';
            assert!(decode(Path::new("s"), &body_only).unwrap().is_err());
        }
    }

    #[test]
    fn a_newer_version_is_damage_to_set_aside() {
        let b = b"QUIZDECK-SNAPSHOT 7 00000000 0\n";
        match decode(Path::new("s"), b) {
            Ok(Err(Damage(reason))) => assert!(reason.contains("format 7"), "{reason}"),
            other => panic!("{other:?}"),
        }
    }
}
