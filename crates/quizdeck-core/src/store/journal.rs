//! The append-only review journal: one self-checking line per event.
//!
//! A journal file starts with the header line `QUIZDECK-JOURNAL <version>`, then one
//! line per event: `<crc32 as 8 hex digits> <body>\n`. The CRC-32 (IEEE) covers the
//! body bytes, so a torn (half-written) or garbled line is detected and never applied.
//!
//! Two body shapes exist, told apart by their first byte, and both are read in any file:
//!
//! * **JSON** (format 1, and format 2 for keys outside the compact alphabet): `[seq,
//!   event]` with short tuple encodings (timestamps as integer nanoseconds, f32 values as
//!   their bit patterns).
//! * **Compact** (format 2): space-separated fields, see [`compact`]. Times inside a state
//!   are written relative to the event's time (whole seconds where exact), and an answer's
//!   `before` state is left out when it is the item's current state, which replaying the
//!   journal in order recovers. A compact answer line is under half the size of a JSON one.
//!
//! A left-out `before` is whatever state replaying the lines before it gives the item.
//! That is exactly the state it had when the answer was written, unless a line in between
//! was damaged and skipped; then it is the state the rest of the replay builds on too.
//!
//! A file headed `QUIZDECK-JOURNAL 1` holds JSON lines only, so an older quizdeck can
//! still read it; before compact lines are appended to such a file its header is raised
//! to 2 in place (older versions then refuse the file instead of discarding lines they
//! cannot parse).
//!
//! Reading ([`scan`]) cuts the file into pieces of whole lines that are read and decoded
//! (CRC included) on two threads for large journals, while the lines are applied in file
//! order on the calling thread.

use super::fsutil::{io_err, sync_dir};
use super::{ChangeReason, Result};
use crate::durable::log::{AppendLog, Words};
use crate::ids::ItemKey;
use crate::schedule::{ItemState, Memory, Phase, Rating, ReviewEntry};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::{BTreeMap, HashSet};
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Mutex, PoisonError, mpsc};

/// First bytes of a journal file's header line.
pub(crate) const HEADER_PREFIX: &str = "QUIZDECK-JOURNAL ";
/// The journal format version this code writes; every version up to it is read.
pub(crate) const VERSION: u32 = 2;
/// Longest line accepted; longer lines are treated as damaged (and never buffered whole).
pub(crate) const MAX_LINE: usize = 1 << 20;

pub use crate::durable::crc32;

// ---------------------------------------------------------------------------------------
// Compact wire encoding of the schedule types.

/// A timestamp as integer nanoseconds since the Unix epoch (covers chrono's whole range).
pub(crate) fn ts(t: &DateTime<Utc>) -> i128 {
    t.timestamp() as i128 * 1_000_000_000 + t.timestamp_subsec_nanos() as i128
}

/// Inverse of [`ts`]; `None` when out of chrono's range.
pub(crate) fn from_ts(n: i128) -> Option<DateTime<Utc>> {
    let (secs, nanos) = split_ts(n)?;
    datetime(secs, nanos)
}

/// Integer nanoseconds as whole seconds and nanoseconds (`0..1e9`).
fn split_ts(n: i128) -> Option<(i64, u32)> {
    // Every time until the year 2262 fits an i64, whose division is much cheaper.
    if let Ok(n) = i64::try_from(n) {
        return Some((
            n.div_euclid(1_000_000_000),
            n.rem_euclid(1_000_000_000) as u32,
        ));
    }
    let secs = i64::try_from(n.div_euclid(1_000_000_000)).ok()?;
    Some((secs, n.rem_euclid(1_000_000_000) as u32))
}

thread_local! {
    /// The last two days turned into dates on this thread (a journal's times fall on
    /// few days, and the calendar arithmetic is a large part of decoding a line).
    static DAYS: Cell<[(i64, NaiveDate); 2]> = const { Cell::new([(i64::MIN, NaiveDate::MIN); 2]) };
}

/// `DateTime::from_timestamp(secs, nanos)`, remembering recent dates.
pub(crate) fn datetime(secs: i64, nanos: u32) -> Option<DateTime<Utc>> {
    // Days from 0001-01-01 to 1970-01-01, as in chrono.
    const UNIX_EPOCH_DAY: i64 = 719_163;
    let days = secs.div_euclid(86_400) + UNIX_EPOCH_DAY;
    let time =
        NaiveTime::from_num_seconds_from_midnight_opt(secs.rem_euclid(86_400) as u32, nanos)?;
    let date = DAYS.with(|c| {
        let mut d = c.get();
        if d[0].0 != days {
            if d[1].0 == days {
                d.swap(0, 1);
            } else {
                d[1] = d[0];
                d[0] = (
                    days,
                    NaiveDate::from_num_days_from_ce_opt(i32::try_from(days).ok()?)?,
                );
            }
            c.set(d);
        }
        Some(d[0].1)
    })?;
    Some(date.and_time(time).and_utc())
}

pub(crate) type WireKeyRef<'a> = (&'a str, &'a str, u32);
pub(crate) type WireKey = (String, String, u32);

pub(crate) fn key_ref(k: &ItemKey) -> WireKeyRef<'_> {
    (k.deck.as_str(), k.card.as_str(), k.part)
}

pub(crate) fn key_from(k: WireKey) -> ItemKey {
    ItemKey::new(k.0, k.1, k.2)
}

/// `(phase, step, memory bits, due, last_review, interval, reps, lapses, flags)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct WireState(
    u8,
    u32,
    Option<(u32, u32)>,
    i128,
    Option<i128>,
    u32,
    u32,
    u32,
    u8,
);

impl WireState {
    pub(crate) fn from_state(s: &ItemState) -> Self {
        WireState(
            match s.phase {
                Phase::New => 0,
                Phase::Learning => 1,
                Phase::Review => 2,
                Phase::Relearning => 3,
            },
            s.step,
            s.memory
                .map(|m| (m.stability_days.to_bits(), m.difficulty.to_bits())),
            ts(&s.due),
            s.last_review.as_ref().map(ts),
            s.interval_days,
            s.reps,
            s.lapses,
            u8::from(s.leech) | (u8::from(s.suspended) << 1),
        )
    }

    pub(crate) fn into_state(self) -> Option<ItemState> {
        let phase = match self.0 {
            0 => Phase::New,
            1 => Phase::Learning,
            2 => Phase::Review,
            3 => Phase::Relearning,
            _ => return None,
        };
        if self.8 > 3 {
            return None;
        }
        let last_review = match self.4 {
            Some(n) => Some(from_ts(n)?),
            None => None,
        };
        Some(ItemState {
            phase,
            step: self.1,
            memory: self.2.map(|(s, d)| Memory {
                stability_days: f32::from_bits(s),
                difficulty: f32::from_bits(d),
            }),
            due: from_ts(self.3)?,
            last_review,
            interval_days: self.5,
            reps: self.6,
            lapses: self.7,
            leech: self.8 & 1 != 0,
            suspended: self.8 & 2 != 0,
        })
    }
}

pub(crate) fn rating_code(r: Rating) -> u8 {
    r as u8
}

pub(crate) fn rating_from(c: u8) -> Option<Rating> {
    Some(match c {
        1 => Rating::Again,
        2 => Rating::Hard,
        3 => Rating::Good,
        4 => Rating::Easy,
        _ => return None,
    })
}

fn reason_code(r: ChangeReason) -> u8 {
    match r {
        ChangeReason::Suspend => 1,
        ChangeReason::Unsuspend => 2,
        ChangeReason::Reset => 3,
        ChangeReason::Edit => 4,
        ChangeReason::Import => 5,
    }
}

fn reason_from(c: u8) -> Option<ChangeReason> {
    Some(match c {
        1 => ChangeReason::Suspend,
        2 => ChangeReason::Unsuspend,
        3 => ChangeReason::Reset,
        4 => ChangeReason::Edit,
        5 => ChangeReason::Import,
        _ => return None,
    })
}

/// The JSON shape of an event; `K` is a borrowed key when writing, owned when reading.
#[derive(Serialize, Deserialize)]
enum WireEvent<K> {
    /// Answer: key, rating, at, duration, before, after.
    A(K, u8, i128, u32, Option<WireState>, WireState),
    /// Undo: undone seq, key, restored state, at.
    U(u64, K, Option<WireState>, i128),
    /// Set state: key, new state, reason, at.
    S(K, Option<WireState>, u8, i128),
    /// History only (imported answer): key, rating, at, duration.
    H(K, u8, i128, u32),
}

/// The state an answer replaced, as far as its record tells.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Before {
    /// Written in the record (`None`: the item had no progress).
    Given(Option<ItemState>),
    /// Left out of the record because it was the item's state at that point: replaying
    /// the journal in order recovers it. The record keeps only its phase, in the entry.
    Current,
}

impl Before {
    /// The recovered state: `current` is the item's state just before the answer.
    pub(crate) fn resolve(self, current: Option<ItemState>) -> Option<ItemState> {
        match self {
            Before::Given(b) => b,
            Before::Current => current,
        }
    }
}

/// One journaled event, decoded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Event {
    /// An answer with the item's state before and after it. When decoded, the entry's
    /// `phase` is the phase of the state before.
    Answer {
        entry: ReviewEntry,
        before: Before,
        after: ItemState,
    },
    /// Undo of the answer with sequence number `target`; `restored` is the state put back.
    Undo {
        target: u64,
        key: ItemKey,
        restored: Option<ItemState>,
        at: DateTime<Utc>,
    },
    /// A state set outside answering (suspend, reset, import…); `None` = no progress.
    Set {
        key: ItemKey,
        state: Option<ItemState>,
        reason: ChangeReason,
        at: DateTime<Utc>,
    },
    /// An answer kept for history only (merged in by an import); does not change states.
    HistoryOnly(ReviewEntry),
}

impl Event {
    /// The item the event is about.
    pub(crate) fn key(&self) -> &ItemKey {
        match self {
            Event::Answer { entry, .. } | Event::HistoryOnly(entry) => &entry.key,
            Event::Undo { key, .. } | Event::Set { key, .. } => key,
        }
    }

    /// The item the event is about, for changing.
    pub(crate) fn key_mut(&mut self) -> &mut ItemKey {
        match self {
            Event::Answer { entry, .. } | Event::HistoryOnly(entry) => &mut entry.key,
            Event::Undo { key, .. } | Event::Set { key, .. } => key,
        }
    }

    /// The JSON shape.
    fn to_wire(&self) -> WireEvent<WireKeyRef<'_>> {
        match self {
            Event::Answer {
                entry,
                before,
                after,
            } => WireEvent::A(
                key_ref(&entry.key),
                rating_code(entry.rating),
                ts(&entry.at),
                entry.duration_ms,
                match before {
                    Before::Given(b) => b.as_ref().map(WireState::from_state),
                    // Never reached: `Current` is only decoded from compact lines, whose
                    // keys always fit a compact line again.
                    Before::Current => None,
                },
                WireState::from_state(after),
            ),
            Event::Undo {
                target,
                key,
                restored,
                at,
            } => WireEvent::U(
                *target,
                key_ref(key),
                restored.as_ref().map(WireState::from_state),
                ts(at),
            ),
            Event::Set {
                key,
                state,
                reason,
                at,
            } => WireEvent::S(
                key_ref(key),
                state.as_ref().map(WireState::from_state),
                reason_code(*reason),
                ts(at),
            ),
            Event::HistoryOnly(e) => WireEvent::H(
                key_ref(&e.key),
                rating_code(e.rating),
                ts(&e.at),
                e.duration_ms,
            ),
        }
    }

    fn from_wire(w: WireEvent<WireKey>) -> Option<Event> {
        let opt_state = |s: Option<WireState>| match s {
            Some(s) => s.into_state().map(Some),
            None => Some(None),
        };
        Some(match w {
            WireEvent::A(k, r, at, d, before, after) => {
                let before = opt_state(before)?;
                Event::Answer {
                    entry: ReviewEntry {
                        key: key_from(k),
                        rating: rating_from(r)?,
                        at: from_ts(at)?,
                        duration_ms: d,
                        // The phase before the answer is the `before` state's (new if none).
                        phase: before.as_ref().map(|s| s.phase).unwrap_or_default(),
                    },
                    before: Before::Given(before),
                    after: after.into_state()?,
                }
            }
            WireEvent::U(target, k, restored, at) => Event::Undo {
                target,
                key: key_from(k),
                restored: opt_state(restored)?,
                at: from_ts(at)?,
            },
            WireEvent::S(k, state, reason, at) => Event::Set {
                key: key_from(k),
                state: opt_state(state)?,
                reason: reason_from(reason)?,
                at: from_ts(at)?,
            },
            WireEvent::H(k, r, at, d) => Event::HistoryOnly(ReviewEntry {
                key: key_from(k),
                rating: rating_from(r)?,
                at: from_ts(at)?,
                duration_ms: d,
                // Imported history keeps no phase; it only feeds the optimizer and statistics.
                phase: Phase::Review,
            }),
        })
    }
}

/// Writes `<crc> <body>\n` to `out`, the body written by `body`.
fn framed(out: &mut Vec<u8>, body: impl FnOnce(&mut Vec<u8>)) {
    let start = out.len();
    out.extend_from_slice(b"00000000 ");
    body(out);
    let crc = crc32(&out[start + 9..]);
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for (i, b) in out[start..start + 8].iter_mut().enumerate() {
        *b = HEX[(crc >> (28 - 4 * i) & 0xf) as usize];
    }
    out.push(b'\n');
}

/// Appends the JSON (format 1) line for `(seq, ev)`, newline included, to `out`.
pub(crate) fn encode_json_line(out: &mut Vec<u8>, seq: u64, ev: &Event) {
    framed(out, |out| {
        let start = out.len();
        // Serializing plain tuples, integers and strings into a Vec cannot fail.
        if serde_json::to_writer(&mut *out, &(seq, ev.to_wire())).is_err() {
            out.truncate(start);
        }
    });
}

/// Appends the journal line for `(seq, ev)`, newline included, to `out`: compact when
/// the item key allows it (every valid id does), JSON otherwise. With `elide_before`, an
/// answer's `before` state is left out (the caller checked it is the item's current
/// state).
pub(crate) fn encode_line_with(out: &mut Vec<u8>, seq: u64, ev: &Event, elide_before: bool) {
    if compact::key_fits(ev.key()) {
        framed(out, |out| compact::encode(out, seq, ev, elide_before));
    } else {
        encode_json_line(out, seq, ev);
    }
}

/// Appends the journal line for `(seq, ev)` with every state written out.
#[cfg(test)]
pub(crate) fn encode_line(out: &mut Vec<u8>, seq: u64, ev: &Event) {
    encode_line_with(out, seq, ev, false);
}

/// Appends the lines of `events`, numbered from `first`, to `out`. An answer's `before`
/// is left out when it is exactly `current(key)` (the item's state before this batch, as
/// replaying the journal will find it) and no earlier event of the batch changes that
/// item.
pub(crate) fn encode_batch<'m>(
    out: &mut Vec<u8>,
    first: u64,
    events: &[Event],
    current: impl Fn(&ItemKey) -> Option<&'m ItemState>,
) {
    let mut touched: HashSet<&ItemKey> = HashSet::new();
    for (i, ev) in events.iter().enumerate() {
        let elide = match ev {
            Event::Answer {
                entry,
                before: Before::Given(Some(b)),
                ..
            } => {
                !touched.contains(&entry.key)
                    && current(&entry.key).is_some_and(|c| same_state(b, c))
            }
            _ => false,
        };
        encode_line_with(out, first + i as u64, ev, elide);
        if events.len() > 1 && !matches!(ev, Event::HistoryOnly(_)) {
            touched.insert(ev.key());
        }
    }
}

/// True when both states are journaled identically (floats compared by bits).
pub(crate) fn same_state(a: &ItemState, b: &ItemState) -> bool {
    WireState::from_state(a) == WireState::from_state(b)
}

/// The header line of a new journal file.
pub(crate) fn header_line() -> String {
    header_line_for(VERSION)
}

fn header_line_for(version: u32) -> String {
    format!("{HEADER_PREFIX}{version}\n")
}

/// Why a line could not be used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum LineError {
    /// The checksum or framing does not match: torn or garbled.
    Checksum,
    /// The checksum matches but the content does not decode (unknown value, bad time).
    Content,
}

fn hex_u32(b: &[u8]) -> Option<u32> {
    let mut v = 0u32;
    for &c in b {
        let d = match c {
            b'0'..=b'9' => c - b'0',
            b'a'..=b'f' => c - b'a' + 10,
            _ => return None,
        };
        v = (v << 4) | d as u32;
    }
    Some(v)
}

/// Finds the slot of an item key (`deck`, `card`, `part`) in a replay's table; see
/// [`scan_resolved`].
pub(crate) type Resolve<'a> = &'a (dyn Fn(&[u8], &[u8], u32) -> Option<usize> + Sync);

/// The key of an event whose item was resolved to a slot: two empty strings, which
/// allocate nothing.
pub(crate) fn resolved_key() -> ItemKey {
    ItemKey {
        deck: crate::ids::DeckId(String::new()),
        card: crate::ids::CardId(String::new()),
        part: 0,
    }
}

/// Decodes one line (without its newline).
pub(crate) fn decode_line(line: &[u8]) -> std::result::Result<(u64, Event), LineError> {
    decode_line_resolved(line, &|_, _, _| None).map(|(seq, _, ev)| (seq, ev))
}

/// Decodes one line (without its newline); when `resolve` knows the event's item, its
/// slot is returned and the event's key is left empty ([`resolved_key`]).
fn decode_line_resolved(
    line: &[u8],
    resolve: Resolve<'_>,
) -> std::result::Result<(u64, Option<usize>, Event), LineError> {
    if line.len() < 10 || line[8] != b' ' {
        return Err(LineError::Checksum);
    }
    let want = hex_u32(&line[..8]).ok_or(LineError::Checksum)?;
    let body = &line[9..];
    if crc32(body) != want {
        return Err(LineError::Checksum);
    }
    if body.first() != Some(&b'[') {
        return compact::decode(body, resolve).ok_or(LineError::Content);
    }
    let (seq, w) = match fast::decode(body) {
        Some(x) => x,
        None => serde_json::from_slice::<(u64, WireEvent<WireKey>)>(body)
            .map_err(|_| LineError::Content)?,
    };
    let mut ev = Event::from_wire(w).ok_or(LineError::Content)?;
    let k = ev.key();
    let slot = resolve(
        k.deck.as_str().as_bytes(),
        k.card.as_str().as_bytes(),
        k.part,
    );
    if slot.is_some() {
        *ev.key_mut() = resolved_key();
    }
    Ok((seq, slot, ev))
}

pub(crate) mod compact;

/// A hand-written parser for exactly what [`encode_line`] writes (compact JSON, no
/// escapes in strings). Startup replays up to millions of lines, and this is several
/// times faster than going through serde. Anything unexpected returns `None` and the
/// line is parsed by `serde_json` instead, so the two can only differ in speed.
pub(crate) mod fast {
    use super::{WireEvent, WireKey, WireState};

    struct Cur<'a> {
        b: &'a [u8],
        i: usize,
    }

    impl Cur<'_> {
        fn eat(&mut self, c: u8) -> Option<()> {
            if self.b.get(self.i) == Some(&c) {
                self.i += 1;
                Some(())
            } else {
                None
            }
        }

        fn null(&mut self) -> bool {
            if self.b[self.i..].starts_with(b"null") {
                self.i += 4;
                true
            } else {
                false
            }
        }

        fn uint(&mut self) -> Option<u128> {
            let start = self.i;
            // Up to 19 digits always fit in a u64; only longer numbers use u128.
            let mut small: u64 = 0;
            while let Some(&c) = self.b.get(self.i) {
                if !c.is_ascii_digit() || self.i - start == 19 {
                    break;
                }
                small = small * 10 + (c - b'0') as u64;
                self.i += 1;
            }
            let mut v = small as u128;
            while let Some(&c) = self.b.get(self.i) {
                if !c.is_ascii_digit() {
                    break;
                }
                v = v.checked_mul(10)?.checked_add((c - b'0') as u128)?;
                self.i += 1;
            }
            let n = self.i - start;
            // No empty numbers and no leading zeros (serde_json rejects them too).
            if n == 0 || (n > 1 && self.b[start] == b'0') {
                return None;
            }
            Some(v)
        }

        fn int(&mut self) -> Option<i128> {
            if self.eat(b'-').is_some() {
                let u = self.uint()?;
                if u == 0 {
                    return None;
                }
                0i128.checked_sub_unsigned(u)
            } else {
                i128::try_from(self.uint()?).ok()
            }
        }

        fn u64(&mut self) -> Option<u64> {
            u64::try_from(self.uint()?).ok()
        }

        fn u32(&mut self) -> Option<u32> {
            u32::try_from(self.uint()?).ok()
        }

        fn u8(&mut self) -> Option<u8> {
            u8::try_from(self.uint()?).ok()
        }

        fn string(&mut self) -> Option<String> {
            self.eat(b'"')?;
            let rest = &self.b[self.i..];
            let end = rest
                .iter()
                .position(|&c| c == b'"' || c == b'\\' || c < 0x20)?;
            if rest[end] != b'"' {
                return None;
            }
            let s = std::str::from_utf8(&rest[..end]).ok()?.to_owned();
            self.i += end + 1;
            Some(s)
        }

        fn key(&mut self) -> Option<WireKey> {
            self.eat(b'[')?;
            let d = self.string()?;
            self.eat(b',')?;
            let c = self.string()?;
            self.eat(b',')?;
            let p = self.u32()?;
            self.eat(b']')?;
            Some((d, c, p))
        }

        fn opt_ts(&mut self) -> Option<Option<i128>> {
            if self.null() {
                Some(None)
            } else {
                self.int().map(Some)
            }
        }

        fn state(&mut self) -> Option<WireState> {
            self.eat(b'[')?;
            let phase = self.u8()?;
            self.eat(b',')?;
            let step = self.u32()?;
            self.eat(b',')?;
            let mem = if self.null() {
                None
            } else {
                self.eat(b'[')?;
                let s = self.u32()?;
                self.eat(b',')?;
                let d = self.u32()?;
                self.eat(b']')?;
                Some((s, d))
            };
            self.eat(b',')?;
            let due = self.int()?;
            self.eat(b',')?;
            let last = self.opt_ts()?;
            self.eat(b',')?;
            let interval = self.u32()?;
            self.eat(b',')?;
            let reps = self.u32()?;
            self.eat(b',')?;
            let lapses = self.u32()?;
            self.eat(b',')?;
            let flags = self.u8()?;
            self.eat(b']')?;
            Some(WireState(
                phase, step, mem, due, last, interval, reps, lapses, flags,
            ))
        }

        fn opt_state(&mut self) -> Option<Option<WireState>> {
            if self.null() {
                Some(None)
            } else {
                self.state().map(Some)
            }
        }
    }

    /// Parses a snapshot item line `[[deck,card,part],state]`; `None` for anything else.
    pub(crate) fn decode_item(body: &[u8]) -> Option<(WireKey, WireState)> {
        let mut c = Cur { b: body, i: 0 };
        c.eat(b'[')?;
        let k = c.key()?;
        c.eat(b',')?;
        let st = c.state()?;
        c.eat(b']')?;
        (c.i == body.len()).then_some((k, st))
    }

    /// Parses `[seq,{"X":[...]}]`; `None` for anything else.
    pub(super) fn decode(body: &[u8]) -> Option<(u64, WireEvent<WireKey>)> {
        let mut c = Cur { b: body, i: 0 };
        c.eat(b'[')?;
        let seq = c.u64()?;
        c.eat(b',')?;
        c.eat(b'{')?;
        c.eat(b'"')?;
        let tag = *c.b.get(c.i)?;
        c.i += 1;
        c.eat(b'"')?;
        c.eat(b':')?;
        c.eat(b'[')?;
        let ev = match tag {
            b'A' => {
                let k = c.key()?;
                c.eat(b',')?;
                let r = c.u8()?;
                c.eat(b',')?;
                let at = c.int()?;
                c.eat(b',')?;
                let d = c.u32()?;
                c.eat(b',')?;
                let before = c.opt_state()?;
                c.eat(b',')?;
                let after = c.state()?;
                WireEvent::A(k, r, at, d, before, after)
            }
            b'U' => {
                let target = c.u64()?;
                c.eat(b',')?;
                let k = c.key()?;
                c.eat(b',')?;
                let restored = c.opt_state()?;
                c.eat(b',')?;
                let at = c.int()?;
                WireEvent::U(target, k, restored, at)
            }
            b'S' => {
                let k = c.key()?;
                c.eat(b',')?;
                let st = c.opt_state()?;
                c.eat(b',')?;
                let reason = c.u8()?;
                c.eat(b',')?;
                let at = c.int()?;
                WireEvent::S(k, st, reason, at)
            }
            b'H' => {
                let k = c.key()?;
                c.eat(b',')?;
                let r = c.u8()?;
                c.eat(b',')?;
                let at = c.int()?;
                c.eat(b',')?;
                let d = c.u32()?;
                WireEvent::H(k, r, at, d)
            }
            _ => return None,
        };
        c.eat(b']')?;
        c.eat(b'}')?;
        c.eat(b']')?;
        (c.i == body.len()).then_some((seq, ev))
    }
}

// ---------------------------------------------------------------------------------------
// Reading.

/// One raw line handed out by [`for_each_line`].
pub(crate) enum RawLine<'a> {
    /// A line's bytes (no newline).
    Line { bytes: &'a [u8] },
    /// A line longer than [`MAX_LINE`] (its bytes were skipped).
    TooLong,
}

/// Calls `f` for each line of `r`, never buffering more than [`MAX_LINE`] bytes.
pub(crate) fn for_each_line<R: Read>(
    r: R,
    mut f: impl FnMut(RawLine<'_>) -> io::Result<()>,
) -> io::Result<()> {
    let mut r = BufReader::with_capacity(1 << 20, r);
    let mut line: Vec<u8> = Vec::with_capacity(512);
    let mut oversize = false;
    loop {
        let buf = match r.fill_buf() {
            Ok(b) => b,
            Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
            Err(e) => return Err(e),
        };
        if buf.is_empty() {
            if oversize {
                f(RawLine::TooLong)?;
            } else if !line.is_empty() {
                f(RawLine::Line { bytes: &line })?;
            }
            return Ok(());
        }
        let mut consumed = 0;
        let mut rest = buf;
        while let Some(nl) = rest.iter().position(|&b| b == b'\n') {
            let piece = &rest[..nl];
            if oversize || line.len() + piece.len() > MAX_LINE {
                f(RawLine::TooLong)?;
            } else if line.is_empty() {
                f(RawLine::Line { bytes: piece })?;
            } else {
                line.extend_from_slice(piece);
                f(RawLine::Line { bytes: &line })?;
            }
            line.clear();
            oversize = false;
            consumed += nl + 1;
            rest = &rest[nl + 1..];
        }
        if !oversize {
            if line.len() + rest.len() > MAX_LINE {
                oversize = true;
                line.clear();
            } else {
                line.extend_from_slice(rest);
            }
        }
        consumed += rest.len();
        r.consume(consumed);
    }
}

/// What reading a journal file found.
#[derive(Debug, Default, Clone, PartialEq)]
pub(crate) struct ScanReport {
    /// Events decoded and handed to the callback.
    pub good: usize,
    /// Line numbers (1-based) of damaged lines followed by at least one good line.
    pub middle: Vec<u64>,
    /// Line numbers of damaged lines after the last good line (a torn or garbled end).
    pub tail: Vec<u64>,
    /// Bytes in the damaged end.
    pub tail_bytes: u64,
    /// Sequence number of the first good line.
    pub first_seq: Option<u64>,
    /// Largest sequence number seen in good lines.
    pub last_seq: Option<u64>,
    /// True when the file does not exist.
    pub missing: bool,
    /// The format version of a header that names a newer format than this version reads
    /// (a flipped digit, or a newer quizdeck's file): its lines were read as this
    /// version's, and those that do not decode counted as damaged.
    pub newer_header: Option<u32>,
}

impl ScanReport {
    /// True when any line was damaged, or the header names a newer format.
    pub fn damaged(&self) -> bool {
        !self.middle.is_empty() || !self.tail.is_empty() || self.newer_header.is_some()
    }
}

/// Journals at least this large are decoded on two threads when the machine has them.
const PARALLEL_MIN: u64 = 2 << 20;
/// Journals are read and decoded in pieces of about this many bytes (whole lines).
const CHUNK: usize = 1 << 20;

/// What one line of a journal turned out to be.
#[expect(
    clippy::large_enum_variant,
    reason = "nearly every line is a good record; boxing would allocate for each"
)]
enum Decoded {
    /// The header line (line 1) announcing this format version.
    Header(u32),
    /// A good record, with its item's slot when resolved.
    Good(u64, Option<usize>, Event),
    /// A damaged line of this many bytes (its newline included).
    Bad(u64),
}

/// A piece of a journal as read: whole lines, or one line too long to buffer.
enum Piece {
    /// Whole lines, each ending with a newline, except possibly the last one of the file.
    Lines(Vec<u8>),
    /// One line longer than [`MAX_LINE`] (its bytes were skipped).
    TooLong,
}

/// Cuts a reader into [`Piece`]s of about [`CHUNK`] bytes, never buffering a line
/// longer than [`MAX_LINE`] whole.
struct Chunker<R> {
    r: R,
    /// The start of a line whose end was not read yet.
    carry: Vec<u8>,
    eof: bool,
}

impl<R: Read> Chunker<R> {
    /// Reads up to `want` more bytes into `buf`; sets `eof` at the end of the input.
    fn fill(&mut self, buf: &mut Vec<u8>, want: usize) -> io::Result<()> {
        buf.reserve(want);
        let n = (&mut self.r).take(want as u64).read_to_end(buf)?;
        if n < want {
            self.eof = true;
        }
        Ok(())
    }

    /// The next piece, read into `buf` (recycled); `None` at the end.
    fn next(&mut self, mut buf: Vec<u8>) -> io::Result<Option<Piece>> {
        buf.clear();
        buf.append(&mut self.carry);
        loop {
            if !self.eof {
                let want = CHUNK.saturating_sub(buf.len()).max(64 << 10);
                self.fill(&mut buf, want)?;
            }
            if self.eof {
                return Ok((!buf.is_empty()).then_some(Piece::Lines(buf)));
            }
            if let Some(nl) = memchr::memrchr(b'\n', &buf) {
                self.carry.extend_from_slice(&buf[nl + 1..]);
                buf.truncate(nl + 1);
                return Ok(Some(Piece::Lines(buf)));
            }
            if buf.len() > MAX_LINE {
                // One line too long to keep: skip to its end.
                loop {
                    buf.clear();
                    self.fill(&mut buf, CHUNK)?;
                    if let Some(nl) = memchr::memchr(b'\n', &buf) {
                        self.carry.extend_from_slice(&buf[nl + 1..]);
                        return Ok(Some(Piece::TooLong));
                    }
                    if self.eof {
                        return Ok(Some(Piece::TooLong));
                    }
                }
            }
        }
    }
}

/// Parses the version of a header line; `None` if `line` is not one.
fn header_version(line: &[u8]) -> Option<u32> {
    let rest = line.strip_prefix(HEADER_PREFIX.as_bytes())?;
    std::str::from_utf8(rest).ok()?.trim().parse().ok()
}

/// Decodes every line of `piece` into `out`; `first` when it starts the file.
fn decode_piece(piece: &Piece, first: bool, resolve: Resolve<'_>, out: &mut Vec<Decoded>) {
    let buf = match piece {
        Piece::Lines(b) => b,
        Piece::TooLong => {
            out.push(Decoded::Bad(MAX_LINE as u64));
            return;
        }
    };
    let mut pos = 0;
    while pos < buf.len() {
        let (line, next) = match memchr::memchr(b'\n', &buf[pos..]) {
            Some(n) => (&buf[pos..pos + n], pos + n + 1),
            None => (&buf[pos..], buf.len()),
        };
        out.push(if line.len() > MAX_LINE {
            Decoded::Bad(MAX_LINE as u64)
        } else if let Some(v) = (first && pos == 0).then(|| header_version(line)).flatten() {
            Decoded::Header(v)
        } else {
            match decode_line_resolved(line, resolve) {
                Ok((seq, slot, ev)) => Decoded::Good(seq, slot, ev),
                Err(_) => Decoded::Bad((next - pos) as u64),
            }
        });
        pos = next;
    }
}

/// Per-line bookkeeping, in file order.
struct Scanner {
    rep: ScanReport,
    line_no: u64,
    pending: Vec<u64>,
    pending_bytes: u64,
    newer: Option<u32>,
}

impl Scanner {
    /// Handles the next line. Returns true (keep reading): a newer-format header is
    /// noted and the lines are read as this version's (a flipped digit must not lock a
    /// student out of a journal whose every line is fine).
    fn line(&mut self, d: Decoded, f: &mut impl FnMut(u64, Option<usize>, Event)) -> bool {
        self.line_no += 1;
        match d {
            Decoded::Header(v) if v > VERSION => {
                self.newer = Some(v);
            }
            Decoded::Header(_) => {}
            Decoded::Good(seq, slot, ev) => {
                let rep = &mut self.rep;
                rep.good += 1;
                rep.first_seq.get_or_insert(seq);
                rep.last_seq = Some(rep.last_seq.map_or(seq, |l| l.max(seq)));
                rep.middle.append(&mut self.pending);
                self.pending_bytes = 0;
                f(seq, slot, ev);
            }
            Decoded::Bad(len) => {
                self.pending.push(self.line_no);
                self.pending_bytes += len;
            }
        }
        true
    }

    fn finish(mut self) -> ScanReport {
        self.rep.newer_header = self.newer;
        self.rep.tail = self.pending;
        self.rep.tail_bytes = self.pending_bytes;
        self.rep
    }
}

/// The reading side of a scan, shared by the threads that decode.
struct Reader<'r, R> {
    source: Mutex<Source<R>>,
    resolve: Resolve<'r>,
    /// Set when the applying side wants no more pieces.
    stop: AtomicBool,
    /// Emptied buffers, for reuse.
    bufs: Mutex<Vec<Vec<u8>>>,
    outs: Mutex<Vec<Vec<Decoded>>>,
}

struct Source<R> {
    chunker: Chunker<R>,
    next: usize,
    done: bool,
    error: Option<io::Error>,
}

fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

impl<R: Read> Reader<'_, R> {
    /// Reads the next piece and decodes it: `(its index, its lines)`.
    fn next(&self) -> Option<(usize, Vec<Decoded>)> {
        if self.stop.load(Ordering::Relaxed) {
            return None;
        }
        let buf = lock(&self.bufs).pop().unwrap_or_default();
        let (i, piece) = {
            let mut s = lock(&self.source);
            if s.done {
                return None;
            }
            match s.chunker.next(buf) {
                Ok(Some(p)) => {
                    s.next += 1;
                    (s.next - 1, p)
                }
                Ok(None) => {
                    s.done = true;
                    return None;
                }
                Err(e) => {
                    s.done = true;
                    s.error = Some(e);
                    return None;
                }
            }
        };
        let mut out = lock(&self.outs).pop().unwrap_or_default();
        decode_piece(&piece, i == 0, self.resolve, &mut out);
        if let Piece::Lines(b) = piece {
            lock(&self.bufs).push(b);
        }
        Some((i, out))
    }
}

/// Reads and decodes `r` piece by piece and hands every line to `sc` in order. With
/// `two_threads`, a second thread reads and decodes too while this one also applies.
fn scan_reader<R: Read + Send>(
    r: R,
    two_threads: bool,
    resolve: Resolve<'_>,
    sc: &mut Scanner,
    f: &mut impl FnMut(u64, Option<usize>, Event),
) -> io::Result<()> {
    let reader = Reader {
        resolve,
        source: Mutex::new(Source {
            chunker: Chunker {
                r,
                carry: Vec::new(),
                eof: false,
            },
            next: 0,
            done: false,
            error: None,
        }),
        stop: AtomicBool::new(false),
        bufs: Mutex::new(Vec::new()),
        outs: Mutex::new(Vec::new()),
    };
    type Done = (usize, Vec<Decoded>);
    // Applies pieces in order, taking them from the other thread (`rx`) when it has
    // decoded some, decoding one here otherwise.
    let mut apply = |rx: Option<&mpsc::Receiver<Done>>| {
        let mut ready: BTreeMap<usize, Vec<Decoded>> = BTreeMap::new();
        let mut next = 0;
        loop {
            while let Some(mut lines) = ready.remove(&next) {
                next += 1;
                for d in lines.drain(..) {
                    if !sc.line(d, f) {
                        reader.stop.store(true, Ordering::Relaxed);
                        return;
                    }
                }
                lock(&reader.outs).push(lines);
            }
            let got = match rx.and_then(|rx| rx.try_recv().ok()) {
                Some(x) => x,
                None => match reader.next() {
                    Some(x) => x,
                    // Nothing left to read: wait for what the other thread is decoding.
                    None => match rx.and_then(|rx| rx.recv().ok()) {
                        Some(x) => x,
                        None => return,
                    },
                },
            };
            ready.insert(got.0, got.1);
        }
    };
    if two_threads {
        std::thread::scope(|scope| {
            let (tx, rx) = mpsc::sync_channel::<Done>(4);
            let reader = &reader;
            let worker = scope.spawn(move || {
                while let Some(x) = reader.next() {
                    if tx.send(x).is_err() {
                        break;
                    }
                }
            });
            apply(Some(&rx));
            drop(rx);
            if let Err(panic) = worker.join() {
                std::panic::resume_unwind(panic);
            }
        });
    } else {
        apply(None);
    }
    let mut source = lock(&reader.source);
    match source.error.take() {
        Some(e) => Err(e),
        None => Ok(()),
    }
}

/// Reads a journal file, calling `f(seq, event)` for every good line in order.
///
/// Damaged lines are counted, never applied. A header announcing a newer format version
/// is reported ([`ScanReport::newer_header`]) and the lines read as this version's. Large journals are read and
/// decoded on two threads while the lines are applied in order.
pub(crate) fn scan(path: &Path, mut f: impl FnMut(u64, Event)) -> Result<ScanReport> {
    scan_resolved(path, &|_, _, _| None, |seq, _, ev| f(seq, ev))
}

/// [`scan`], with each event's item looked up by `resolve` while decoding (on the
/// decoding threads): `f(seq, slot, event)` gets the slot when it is known, and then the
/// event's key is empty ([`resolved_key`]) and no key was allocated.
pub(crate) fn scan_resolved(
    path: &Path,
    resolve: Resolve<'_>,
    mut f: impl FnMut(u64, Option<usize>, Event),
) -> Result<ScanReport> {
    // Refused by type before opening: a FIFO would block, a device never end.
    let file = match crate::input::open_regular(path).map(|(f, _)| f) {
        Ok(file) => file,
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            return Ok(ScanReport {
                missing: true,
                ..ScanReport::default()
            });
        }
        Err(e) => return Err(io_err("open the journal", path)(e)),
    };
    let len = file
        .metadata()
        .map_err(io_err("read the size of the journal", path))?
        .len();
    let mut sc = Scanner {
        rep: ScanReport::default(),
        line_no: 0,
        pending: Vec::new(),
        pending_bytes: 0,
        newer: None,
    };
    let two_threads =
        len >= PARALLEL_MIN && std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    scan_reader(file, two_threads, resolve, &mut sc, &mut f)
        .map_err(io_err("read the journal", path))?;
    Ok(sc.finish())
}

/// Writes a clean copy of a damaged journal (header plus every good line) to `dest`,
/// fsync'd. Returns the number of good lines.
pub(crate) fn write_clean_copy(src: &Path, dest: &Path) -> Result<usize> {
    let mut out = OpenOptions::new()
        .write(true)
        .create(true)
        .truncate(true)
        .open(dest)
        .map_err(io_err("create the repaired journal", dest))?;
    let mut buf = Vec::new();
    let mut n = 0;
    let mut first = true;
    let file = File::open(src).map_err(io_err("open the journal", src))?;
    for_each_line(file, |raw| {
        if std::mem::take(&mut first) {
            // Keep the original's format version (an older one means JSON lines only).
            let v = match &raw {
                RawLine::Line { bytes, .. } => header_version(bytes).filter(|&v| v <= VERSION),
                RawLine::TooLong => None,
            };
            buf.extend_from_slice(header_line_for(v.unwrap_or(VERSION)).as_bytes());
            if v.is_some() {
                return Ok(());
            }
        }
        if let RawLine::Line { bytes, .. } = raw
            && decode_line(bytes).is_ok()
        {
            buf.extend_from_slice(bytes);
            buf.push(b'\n');
            n += 1;
            if buf.len() > 1 << 20 {
                super::fault::write_with(dest, &buf, |b| out.write_all(b))?;
                buf.clear();
            }
        }
        Ok(())
    })
    .and_then(|_| {
        if first {
            buf.extend_from_slice(header_line().as_bytes());
        }
        super::fault::write_with(dest, &buf, |b| out.write_all(b))
    })
    .map_err(io_err("write the repaired journal", dest))?;
    out.sync_all()
        .map_err(io_err("sync the repaired journal", dest))?;
    Ok(n)
}

// ---------------------------------------------------------------------------------------
// Writing.

/// The journal's words in error messages.
static WORDS: Words = Words {
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
fn upgrade_header(path: &Path) -> Result<()> {
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
            sync_dir(super::fsutil::parent_or_dot(path))?;
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

#[cfg(test)]
mod tests {
    use super::*;

    pub(crate) fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_700_000_000 + s, 123_456_789).unwrap()
    }

    pub(crate) fn state(reps: u32) -> ItemState {
        ItemState {
            phase: Phase::Review,
            step: 0,
            memory: Some(Memory {
                stability_days: 3.25,
                difficulty: 5.5,
            }),
            due: t(86_400),
            last_review: Some(t(0)),
            interval_days: 1,
            reps,
            lapses: 0,
            leech: false,
            suspended: true,
        }
    }

    #[test]
    fn crc_check_value() {
        assert_eq!(crc32(b"123456789"), 0xCBF4_3926);
        assert_eq!(crc32(b""), 0);
        // Agrees with the bit-at-a-time definition (reflected, poly 0xEDB88320).
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 31 % 251) as u8).collect();
        let mut bitwise = !0u32;
        for &b in &data {
            bitwise ^= u32::from(b);
            for _ in 0..8 {
                bitwise = if bitwise & 1 != 0 {
                    0xEDB8_8320 ^ (bitwise >> 1)
                } else {
                    bitwise >> 1
                };
            }
        }
        assert_eq!(crc32(&data), !bitwise);
    }

    #[test]
    fn events_round_trip() {
        let key = ItemKey::new("ww2", "pact-1939", 1);
        let evs = vec![
            Event::Answer {
                entry: ReviewEntry {
                    key: key.clone(),
                    rating: Rating::Hard,
                    at: t(5),
                    duration_ms: 4200,
                    phase: Default::default(),
                },
                before: Before::Given(None),
                after: state(1),
            },
            Event::Undo {
                target: 7,
                key: key.clone(),
                restored: Some(state(3)),
                at: t(6),
            },
            Event::Set {
                key: key.clone(),
                state: None,
                reason: ChangeReason::Reset,
                at: t(7),
            },
            Event::HistoryOnly(ReviewEntry {
                key,
                rating: Rating::Easy,
                at: t(-5),
                duration_ms: 0,
                phase: Phase::Review,
            }),
        ];
        for (i, ev) in evs.into_iter().enumerate() {
            for json in [false, true] {
                let mut buf = Vec::new();
                if json {
                    encode_json_line(&mut buf, i as u64 + 1, &ev);
                } else {
                    encode_line(&mut buf, i as u64 + 1, &ev);
                }
                assert_eq!(buf.last(), Some(&b'\n'));
                assert_eq!(buf[9] == b'[', json);
                let (seq, back) = decode_line(&buf[..buf.len() - 1]).unwrap();
                assert_eq!(seq, i as u64 + 1);
                assert_eq!(back, ev);
            }
        }
    }

    #[test]
    fn fast_parser_agrees_with_serde() {
        let key = ItemKey::new("ww2", "pact-1939", 1);
        let weird = ItemKey::new("d\"q\\", "ü\n\u{1}", u32::MAX);
        let far = DateTime::<Utc>::MIN_UTC;
        let mut s = state(4);
        s.due = far;
        s.memory = None;
        let evs = [
            Event::Answer {
                entry: ReviewEntry {
                    key: key.clone(),
                    rating: Rating::Again,
                    at: t(-2_000_000_000),
                    duration_ms: u32::MAX,
                    phase: s.phase,
                },
                before: Before::Given(Some(s.clone())),
                after: state(0),
            },
            Event::Undo {
                target: u64::MAX,
                key: weird.clone(),
                restored: None,
                at: DateTime::<Utc>::MAX_UTC,
            },
            Event::Set {
                key: weird,
                state: Some(s),
                reason: ChangeReason::Import,
                at: far,
            },
            Event::HistoryOnly(ReviewEntry {
                key,
                rating: Rating::Easy,
                at: t(0),
                duration_ms: 0,
                phase: Default::default(),
            }),
        ];
        for ev in evs {
            let mut buf = Vec::new();
            encode_json_line(&mut buf, 99, &ev);
            let body = &buf[9..buf.len() - 1];
            let slow: (u64, WireEvent<WireKey>) = serde_json::from_slice(body).unwrap();
            let slow = (slow.0, Event::from_wire(slow.1).unwrap());
            if let Some(f) = fast::decode(body) {
                assert_eq!((f.0, Event::from_wire(f.1).unwrap()), slow);
            }
            assert_eq!(decode_line(&buf[..buf.len() - 1]).unwrap(), slow);
        }
        // The common case takes the fast path.
        let mut buf = Vec::new();
        encode_json_line(
            &mut buf,
            1,
            &Event::Set {
                key: ItemKey::new("a", "b", 0),
                state: Some(state(1)),
                reason: ChangeReason::Edit,
                at: t(0),
            },
        );
        assert!(fast::decode(&buf[9..buf.len() - 1]).is_some());
        // Leading zeros and trailing bytes are refused by both.
        assert!(fast::decode(b"[01,{\"H\":[[\"a\",\"b\",0],1,0,0]}]").is_none());
        assert!(fast::decode(b"[1,{\"H\":[[\"a\",\"b\",0],1,0,0]}] ").is_none());
    }

    #[test]
    fn damaged_lines_are_rejected() {
        let mut buf = Vec::new();
        encode_line(
            &mut buf,
            1,
            &Event::Set {
                key: ItemKey::new("d", "c", 0),
                state: Some(state(2)),
                reason: ChangeReason::Edit,
                at: t(0),
            },
        );
        let line = &buf[..buf.len() - 1];
        for cut in 0..line.len() {
            assert!(decode_line(&line[..cut]).is_err(), "cut at {cut}");
        }
        for i in 0..line.len() {
            let mut bad = line.to_vec();
            bad[i] ^= 0x04;
            assert!(decode_line(&bad).is_err(), "flip at {i}");
        }
        assert!(decode_line(b"\xff\xfe garbage").is_err());
        // A checksum-valid line with an unknown phase is content damage.
        let body = br#"[1,{"S":[["d","c",0],[9,0,null,0,null,0,0,0,0],1,0]}]"#;
        let mut l = format!("{:08x} ", crc32(body)).into_bytes();
        l.extend_from_slice(body);
        assert_eq!(decode_line(&l).unwrap_err(), LineError::Content);
    }

    #[test]
    fn remembered_dates_match_chrono() {
        let mut secs = vec![
            0,
            -1,
            59,
            86_399,
            86_400,
            -86_400,
            -86_401,
            1_700_000_000,
            i64::MIN,
            i64::MAX,
            DateTime::<Utc>::MAX_UTC.timestamp(),
            DateTime::<Utc>::MAX_UTC.timestamp() + 1,
            DateTime::<Utc>::MIN_UTC.timestamp(),
            DateTime::<Utc>::MIN_UTC.timestamp() - 1,
        ];
        secs.extend((0..2000).map(|i: i64| i * 7_919_993 - 3_000_000_000));
        for &s in secs.iter().chain(secs.iter().rev()) {
            for nanos in [
                0,
                1,
                999_999_999,
                1_000_000_000,
                1_999_999_999,
                2_000_000_000,
            ] {
                assert_eq!(
                    datetime(s, nanos),
                    DateTime::from_timestamp(s, nanos),
                    "{s} {nanos}"
                );
            }
        }
    }

    #[test]
    fn extreme_timestamps_round_trip() {
        for t in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC, t(0)] {
            assert_eq!(from_ts(ts(&t)), Some(t));
        }
        assert_eq!(from_ts(i128::MAX), None);
    }

    #[test]
    fn line_reader_handles_long_and_unterminated_lines() {
        let mut data = b"a\n".to_vec();
        data.extend(std::iter::repeat_n(b'x', MAX_LINE + 5));
        data.extend_from_slice(b"\nb\nc");
        let mut seen = Vec::new();
        for_each_line(&data[..], |l| {
            seen.push(match l {
                RawLine::Line { bytes } => String::from_utf8_lossy(bytes).into_owned(),
                RawLine::TooLong => "long".into(),
            });
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["a", "long", "b", "c"]);
    }

    #[test]
    fn failed_append_is_cut_back() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("journal.log");
        let mut w = JournalWriter::open(&p).unwrap();
        let header = header_line().len();
        let data = || std::fs::read(&p).unwrap()[header..].to_vec();
        w.append(b"first\n").unwrap();
        super::super::fault::fail_next_writes(d.path(), 1);
        let err = w.append(b"second\n").unwrap_err();
        assert!(err.to_string().contains("append to the journal"), "{err}");
        assert_eq!(data(), b"first\n");
        super::super::fault::fail_next_syncs(d.path(), 1);
        assert!(w.append(b"third\n").is_err());
        assert_eq!(data(), b"first\n");
        w.append(b"fourth\n").unwrap();
        assert_eq!(data(), b"first\nfourth\n");
        assert_eq!(w.len() as usize, header + 13);
        super::super::fault::clear(d.path());
    }

    #[test]
    fn append_after_unterminated_record_starts_a_new_line() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("journal.log");
        std::fs::write(&p, b"QUIZDECK-JOURNAL 1\nabc").unwrap();
        let mut w = JournalWriter::open(&p).unwrap();
        w.append(b"def\n").unwrap();
        // The format 1 header was raised to 2 before appending.
        assert_eq!(
            std::fs::read(&p).unwrap(),
            b"QUIZDECK-JOURNAL 2\nabc\ndef\n"
        );
    }

    #[test]
    fn scan_classifies_damage() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("journal.log");
        let mut buf = header_line().into_bytes();
        for seq in 1..=3 {
            encode_line(
                &mut buf,
                seq,
                &Event::Set {
                    key: ItemKey::new("d", "c", seq as u32),
                    state: Some(state(1)),
                    reason: ChangeReason::Edit,
                    at: t(0),
                },
            );
        }
        let mut data = buf.clone();
        // Garble line 3 (seq 2) in the middle, and add a torn tail.
        let second_start = buf
            .iter()
            .enumerate()
            .filter(|(_, b)| **b == b'\n')
            .nth(1)
            .unwrap()
            .0
            + 1;
        data[second_start + 12] ^= 1;
        data.extend_from_slice(b"0badc0de [4,");
        std::fs::write(&p, &data).unwrap();
        let mut seqs = Vec::new();
        let rep = scan(&p, |s, _| seqs.push(s)).unwrap();
        assert_eq!(seqs, [1, 3]);
        assert_eq!(rep.middle, [3]);
        assert_eq!(rep.tail, [5]);
        assert_eq!(rep.tail_bytes, 12);
        let clean = d.path().join("clean");
        assert_eq!(write_clean_copy(&p, &clean).unwrap(), 2);
        let rep2 = scan(&clean, |_, _| {}).unwrap();
        assert!(!rep2.damaged());
        assert_eq!(rep2.good, 2);
    }

    #[test]
    fn large_journal_two_thread_scan_matches_line_numbers() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("journal.log");
        let mut buf = header_line().into_bytes();
        let mut starts = Vec::new();
        let mut seq = 0u64;
        while (buf.len() as u64) < PARALLEL_MIN + 1000 {
            seq += 1;
            starts.push(buf.len());
            encode_line(
                &mut buf,
                seq,
                &Event::Set {
                    key: ItemKey::new("deck", format!("card-{seq}"), 0),
                    state: Some(state(1)),
                    reason: ChangeReason::Edit,
                    at: t(0),
                },
            );
        }
        // Garble one record in each half, then add a torn tail.
        let a = starts[10];
        let b = starts[starts.len() - 10];
        buf[a + 15] ^= 1;
        buf[b + 15] ^= 1;
        buf.extend_from_slice(b"12345678 [99");
        std::fs::write(&p, &buf).unwrap();
        let mut seen = 0u64;
        let mut last = 0;
        let rep = scan(&p, |s, _| {
            assert!(s > last);
            last = s;
            seen += 1;
        })
        .unwrap();
        // Line numbers: header is line 1, record i (0-based) is line i + 2.
        assert_eq!(rep.middle, [12, starts.len() as u64 - 8]);
        assert_eq!(rep.tail, [starts.len() as u64 + 2]);
        assert_eq!(seen, seq - 2);
        assert_eq!(rep.good as u64, seq - 2);
    }

    #[test]
    fn a_newer_header_is_reported_and_its_lines_read() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("journal.log");
        let mut text = format!("{HEADER_PREFIX}99\nwhatever\n").into_bytes();
        let ev = Event::Set {
            key: ItemKey::new("d", "c", 0),
            state: Some(state(2)),
            reason: ChangeReason::Edit,
            at: t(0),
        };
        encode_line(&mut text, 1, &ev);
        std::fs::write(&p, &text).unwrap();
        let mut seen = Vec::new();
        let rep = scan(&p, |seq, _| seen.push(seq)).unwrap();
        assert_eq!(rep.newer_header, Some(99));
        assert!(rep.damaged());
        assert_eq!(rep.middle, [2]);
        assert_eq!(seen, [1]);
        // The clean copy carries this version's header and the good line.
        let clean = d.path().join("clean.log");
        assert_eq!(write_clean_copy(&p, &clean).unwrap(), 1);
        let rep = scan(&clean, |_, _| {}).unwrap();
        assert!(!rep.damaged());
        assert_eq!(rep.good, 1);
    }

    pub(crate) fn answer(
        key: &ItemKey,
        at: DateTime<Utc>,
        before: Option<ItemState>,
        after: ItemState,
    ) -> Event {
        Event::Answer {
            entry: ReviewEntry {
                key: key.clone(),
                rating: Rating::Good,
                at,
                duration_ms: 1234,
                phase: before.as_ref().map_or(Phase::New, |b| b.phase),
            },
            before: Before::Given(before),
            after,
        }
    }

    pub(crate) fn body_of(line: &[u8]) -> &str {
        std::str::from_utf8(&line[9..line.len() - 1]).unwrap()
    }

    #[test]
    fn batches_leave_out_only_recoverable_befores() {
        let a = ItemKey::new("d", "a", 0);
        let b = ItemKey::new("d", "b", 0);
        let c = ItemKey::new("d", "c", 0);
        let mut nan = state(3);
        nan.memory = Some(Memory {
            stability_days: f32::NAN,
            difficulty: 1.0,
        });
        let mut negzero = state(4);
        negzero.memory = Some(Memory {
            stability_days: -0.0,
            difficulty: 1.0,
        });
        let mut zero = negzero.clone();
        zero.memory = Some(Memory {
            stability_days: 0.0,
            difficulty: 1.0,
        });
        let mut states = std::collections::HashMap::new();
        states.insert(a.clone(), state(1));
        states.insert(b.clone(), nan.clone());
        states.insert(c.clone(), zero.clone());
        let events = [
            answer(&a, t(1), Some(state(1)), state(2)), // current: left out
            answer(&a, t(2), Some(state(2)), state(3)), // a changed in this batch
            answer(&b, t(3), Some(nan.clone()), state(2)), // same bits (NaN): left out
            answer(&c, t(4), Some(negzero), state(2)),  // -0.0 is not 0.0
            answer(&c, t(5), Some(state(9)), state(2)),
        ];
        let mut buf = Vec::new();
        encode_batch(&mut buf, 10, &events, |k| states.get(k));
        let elided: Vec<bool> = buf
            .split(|&x| x == b'\n')
            .filter(|l| !l.is_empty())
            .map(|l| body_of(&[l, b"\n"].concat()).contains(" ="))
            .collect();
        assert_eq!(elided, [true, false, true, false, false]);
        // A single event is checked against the current state alone.
        buf.clear();
        encode_batch(&mut buf, 10, &events[1..2], |k| states.get(k));
        assert!(!body_of(&buf).contains(" ="));
    }

    /// Lines exactly as format 1 wrote them.
    const FORMAT_1: &str = "QUIZDECK-JOURNAL 1\n\
        7d91376c [1,{\"A\":[[\"ww2\",\"pact-1939\",1],3,1700000005123456789,4200,null,[1,0,[1078984704,1085276160],1700000605123456789,1700000005123456789,0,1,0,0]]}]\n\
        9cdea4d2 [2,{\"A\":[[\"ww2\",\"pact-1939\",1],4,1700000000000000000,1500,[1,0,[1078984704,1085276160],1700000605123456789,1700000005123456789,0,1,0,0],[2,0,[1095237632,1083703296],1701036800000000000,1700000000000000000,12,2,0,2]]}]\n\
        33ee4798 [3,{\"S\":[[\"ww2\",\"yalta\",0],[2,0,[1095237632,1083703296],1701036800000000000,1700000000000000000,12,2,0,2],4,1700000001000000000]}]\n\
        4fa3f126 [4,{\"H\":[[\"ww2\",\"yalta\",0],1,1600000000000000000,0]}]\n";

    #[test]
    fn format_1_journals_still_read_and_are_upgraded_before_appending() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("journal.log");
        std::fs::write(&p, FORMAT_1).unwrap();
        let mut evs = Vec::new();
        let rep = scan(&p, |s, e| evs.push((s, e))).unwrap();
        assert!(!rep.damaged());
        assert_eq!(rep.good, 4);
        let Event::Answer {
            entry,
            before: Before::Given(Some(before)),
            after,
        } = &evs[1].1
        else {
            panic!("{:?}", evs[1])
        };
        assert_eq!(entry.phase, Phase::Learning);
        assert_eq!(before.memory.unwrap().stability_days, 3.25);
        assert_eq!(after.interval_days, 12);
        assert!(after.suspended);
        assert!(matches!(evs[3].1, Event::HistoryOnly(_)));

        // A clean copy keeps format 1.
        let copy = d.path().join("copy");
        assert_eq!(write_clean_copy(&p, &copy).unwrap(), 4);
        assert_eq!(std::fs::read_to_string(&copy).unwrap(), FORMAT_1);

        // Appending raises the header first; both shapes then read back.
        let mut w = JournalWriter::open(&p).unwrap();
        let mut buf = Vec::new();
        encode_line(&mut buf, 5, &evs[0].1);
        w.append(&buf).unwrap();
        let text = std::fs::read_to_string(&p).unwrap();
        assert!(text.starts_with("QUIZDECK-JOURNAL 2\n"));
        assert_eq!(
            &text[19..],
            &format!("{}{}", &FORMAT_1[19..], String::from_utf8(buf).unwrap())
        );
        let mut n = 0;
        assert!(!scan(&p, |_, _| n += 1).unwrap().damaged());
        assert_eq!(n, 5);
        // A format 2 header is left as it is.
        drop(w);
        JournalWriter::open(&p).unwrap();
        assert_eq!(std::fs::read_to_string(&p).unwrap(), text);
    }

    #[test]
    fn format_1_journal_opens_in_a_store_with_undo() {
        use crate::store::{OpenOptions, Store};
        let d = tempfile::tempdir().unwrap();
        let paths = crate::store::ProgressPaths::new(d.path());
        std::fs::create_dir_all(&paths.dir).unwrap();
        std::fs::write(&paths.journal, FORMAT_1).unwrap();
        let (mut s, rep) = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap();
        assert!(rep.is_empty(), "{rep}");
        let pact = ItemKey::new("ww2", "pact-1939", 1);
        assert_eq!(s.state(&pact).unwrap().reps, 2);
        let u = s.undo_last(t(10)).unwrap().unwrap();
        assert_eq!(u.restored.as_ref().unwrap().reps, 1);
        drop(s);
        let (mut s, _) = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap();
        assert_eq!(s.state(&pact).unwrap().reps, 1);
        assert_eq!(s.undo_last(t(11)).unwrap().unwrap().restored, None);
        assert!(s.state(&pact).is_none());
        assert_eq!(s.history().unwrap().len(), 1);
    }

    #[test]
    fn left_out_befores_are_recovered_by_replay_for_undo() {
        use crate::store::{OpenOptions, Store};
        let d = tempfile::tempdir().unwrap();
        let k = ItemKey::new("d", "c", 0);
        let (mut s, _) = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap();
        let mut prev = None;
        for reps in 1..=4 {
            let mut after = state(reps);
            after.due = t(reps as i64) + chrono::Duration::nanoseconds(reps as i64);
            s.record_answer(
                ReviewEntry {
                    key: k.clone(),
                    rating: Rating::Good,
                    at: t(reps as i64),
                    duration_ms: 1,
                    phase: Phase::New,
                },
                prev.clone(),
                after.clone(),
            )
            .unwrap();
            prev = Some(after);
        }
        // Every `before` after the first was the current state, so it was left out.
        let text = std::fs::read_to_string(&s.paths().journal).unwrap();
        assert_eq!(text.matches(" =").count(), 3, "{text}");
        drop(s);
        let (mut s, rep) = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap();
        assert!(rep.is_empty());
        for reps in (0..4).rev() {
            let u = s.undo_last(t(9)).unwrap().unwrap();
            assert_eq!(
                u.restored.as_ref().map(|s| s.reps),
                (reps > 0).then_some(reps)
            );
            if reps > 0 {
                assert_eq!(
                    u.restored.unwrap().due,
                    t(reps as i64) + chrono::Duration::nanoseconds(reps as i64)
                );
            }
        }
        assert!(s.state(&k).is_none());
        assert_eq!(s.counts_since(t(0)).unwrap().answers, 0);
    }

    #[test]
    fn two_thread_scan_across_pieces_with_long_and_mixed_lines() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("journal.log");
        let mut buf = header_line().into_bytes();
        let mut want = Vec::new();
        let mut line_no = 1u64;
        let mut long_lines = Vec::new();
        let mut seq = 0u64;
        while buf.len() < 3 * CHUNK + PARALLEL_MIN as usize {
            seq += 1;
            line_no += 1;
            let ev = Event::Set {
                key: ItemKey::new("deck", format!("card-{seq}"), 0),
                state: Some(state(seq as u32)),
                reason: ChangeReason::Edit,
                at: t(seq as i64),
            };
            if seq.is_multiple_of(3) {
                encode_json_line(&mut buf, seq, &ev);
            } else {
                encode_line(&mut buf, seq, &ev);
            }
            want.push(seq);
            if seq.is_multiple_of(9000) {
                // A line too long to keep, straddling piece boundaries.
                buf.extend(std::iter::repeat_n(b'z', MAX_LINE + 10 + seq as usize % 7));
                buf.push(b'\n');
                line_no += 1;
                long_lines.push(line_no);
            }
        }
        // An unterminated but complete last record.
        seq += 1;
        encode_line(
            &mut buf,
            seq,
            &Event::HistoryOnly(ReviewEntry {
                key: ItemKey::new("d", "last", 0),
                rating: Rating::Hard,
                at: t(0),
                duration_ms: 0,
                phase: Phase::Review,
            }),
        );
        buf.pop();
        want.push(seq);
        std::fs::write(&p, &buf).unwrap();
        assert!(!long_lines.is_empty());
        let mut seen = Vec::new();
        let rep = scan(&p, |s, _| seen.push(s)).unwrap();
        assert_eq!(seen, want);
        assert_eq!(rep.middle, long_lines);
        assert!(rep.tail.is_empty());
        // Streaming through one thread gives the same.
        let mut sc = Scanner {
            rep: ScanReport::default(),
            line_no: 0,
            pending: Vec::new(),
            pending_bytes: 0,
            newer: None,
        };
        let mut one = Vec::new();
        scan_reader(&buf[..], false, &|_, _, _| None, &mut sc, &mut |s, _, _| {
            one.push(s)
        })
        .unwrap();
        assert_eq!(one, want);
        assert_eq!(sc.finish(), rep);
        // A long line at the very end is one damaged tail line.
        buf.push(b'\n');
        buf.extend(std::iter::repeat_n(b'y', 3 * MAX_LINE));
        std::fs::write(&p, &buf).unwrap();
        let rep = scan(&p, |_, _| {}).unwrap();
        assert_eq!(rep.tail, [line_no + 2]);
        assert_eq!(rep.tail_bytes, MAX_LINE as u64);
    }
}
