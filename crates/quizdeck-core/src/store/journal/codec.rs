//! The journal's codec: the wire forms of the schedule types and events, line framing
//! (CRC-32 and body) and decoding a line, in either body shape (JSON or compact).

use super::super::ChangeReason;
use super::*;
use crate::ids::ItemKey;
use crate::schedule::{ItemState, Memory, Phase, Rating, ReviewEntry};
use chrono::{DateTime, NaiveDate, NaiveTime, Utc};
use serde::{Deserialize, Serialize};
use std::cell::Cell;
use std::collections::HashSet;

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
pub(super) fn split_ts(n: i128) -> Option<(i64, u32)> {
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

/// The code of a phase as both journal encodings and the snapshot store it.
pub(crate) fn phase_code(p: Phase) -> u8 {
    match p {
        Phase::New => 0,
        Phase::Learning => 1,
        Phase::Review => 2,
        Phase::Relearning => 3,
    }
}

/// The phase of a code written by [`phase_code`]; `None` for anything else.
pub(crate) fn phase_from(c: u8) -> Option<Phase> {
    Some(match c {
        0 => Phase::New,
        1 => Phase::Learning,
        2 => Phase::Review,
        3 => Phase::Relearning,
        _ => return None,
    })
}

/// A state's flags as stored: bit 0 leech, bit 1 suspended.
pub(crate) fn flags_code(s: &ItemState) -> u8 {
    u8::from(s.leech) | (u8::from(s.suspended) << 1)
}

/// `(leech, suspended)` of flags written by [`flags_code`]; `None` for unknown bits.
pub(crate) fn flags_from(c: u8) -> Option<(bool, bool)> {
    (c <= 3).then_some((c & 1 != 0, c & 2 != 0))
}

/// `(phase, step, memory bits, due, last_review, interval, reps, lapses, flags)`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct WireState(
    pub(super) u8,
    pub(super) u32,
    pub(super) Option<(u32, u32)>,
    pub(super) i128,
    pub(super) Option<i128>,
    pub(super) u32,
    pub(super) u32,
    pub(super) u32,
    pub(super) u8,
);

impl WireState {
    pub(crate) fn from_state(s: &ItemState) -> Self {
        WireState(
            phase_code(s.phase),
            s.step,
            s.memory
                .map(|m| (m.stability_days.to_bits(), m.difficulty.to_bits())),
            ts(&s.due),
            s.last_review.as_ref().map(ts),
            s.interval_days,
            s.reps,
            s.lapses,
            flags_code(s),
        )
    }

    pub(crate) fn into_state(self) -> Option<ItemState> {
        let phase = phase_from(self.0)?;
        let (leech, suspended) = flags_from(self.8)?;
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
            leech,
            suspended,
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

pub(super) fn reason_code(r: ChangeReason) -> u8 {
    match r {
        ChangeReason::Suspend => 1,
        ChangeReason::Unsuspend => 2,
        ChangeReason::Reset => 3,
        ChangeReason::Edit => 4,
        ChangeReason::Import => 5,
    }
}

pub(super) fn reason_from(c: u8) -> Option<ChangeReason> {
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
pub(super) enum WireEvent<K> {
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
    pub(super) fn to_wire(&self) -> WireEvent<WireKeyRef<'_>> {
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

    pub(super) fn from_wire(w: WireEvent<WireKey>) -> Option<Event> {
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
pub(super) fn framed(out: &mut Vec<u8>, body: impl FnOnce(&mut Vec<u8>)) {
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

pub(super) fn header_line_for(version: u32) -> String {
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

pub(super) fn hex_u32(b: &[u8]) -> Option<u32> {
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
        deck: crate::ids::DeckId::default(),
        card: crate::ids::CardId::default(),
        part: 0,
    }
}

/// Decodes one line (without its newline).
pub(crate) fn decode_line(line: &[u8]) -> std::result::Result<(u64, Event), LineError> {
    decode_line_resolved(line, &|_, _, _| None).map(|(seq, _, ev)| (seq, ev))
}

/// Decodes one line (without its newline); when `resolve` knows the event's item, its
/// slot is returned and the event's key is left empty ([`resolved_key`]).
pub(super) fn decode_line_resolved(
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
