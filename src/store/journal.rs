//! The append-only review journal: one self-checking line per event.
//!
//! A journal file starts with the header line `QUIZDECK-JOURNAL 1`, then one line per
//! event: `<crc32 as 8 hex digits> <compact JSON>\n`. The CRC-32 (IEEE) covers the JSON
//! bytes, so a torn (half-written) or garbled line is detected and never applied.
//! The JSON is `[seq, event]` with short tuple encodings (timestamps as integer
//! nanoseconds, f32 values as their bit patterns) so lines are small, exact and fast to
//! parse.

use super::fsutil::{io_err, sync_dir};
use super::{ChangeReason, Result, StoreError};
use crate::ids::ItemKey;
use crate::schedule::{ItemState, Memory, Phase, Rating, ReviewEntry};
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::fs::{File, OpenOptions};
use std::io::{self, BufRead, BufReader, Read, Write};
use std::path::{Path, PathBuf};

/// First bytes of a journal file's header line.
pub(crate) const HEADER_PREFIX: &str = "QUIZDECK-JOURNAL ";
/// The journal format version this code writes and reads.
pub(crate) const VERSION: u32 = 1;
/// Longest line accepted; longer lines are treated as damaged (and never buffered whole).
pub(crate) const MAX_LINE: usize = 1 << 20;

// ---------------------------------------------------------------------------------------
// CRC-32 (IEEE 802.3, reflected, poly 0xEDB88320), slicing-by-8.

const fn crc_tables() -> [[u32; 256]; 8] {
    let mut t = [[0u32; 256]; 8];
    let mut i = 0;
    while i < 256 {
        let mut c = i as u32;
        let mut k = 0;
        while k < 8 {
            c = if c & 1 != 0 {
                0xEDB8_8320 ^ (c >> 1)
            } else {
                c >> 1
            };
            k += 1;
        }
        t[0][i] = c;
        i += 1;
    }
    let mut i = 0;
    while i < 256 {
        let mut s = 1;
        while s < 8 {
            let prev = t[s - 1][i];
            t[s][i] = (prev >> 8) ^ t[0][(prev & 0xff) as usize];
            s += 1;
        }
        i += 1;
    }
    t
}

static CRC_TABLES: [[u32; 256]; 8] = crc_tables();

/// CRC-32 (IEEE) of `data`; `crc32(b"123456789") == 0xCBF4_3926`.
pub fn crc32(data: &[u8]) -> u32 {
    let t = &CRC_TABLES;
    let mut crc = !0u32;
    let mut chunks = data.chunks_exact(8);
    for c in &mut chunks {
        let lo = u32::from_le_bytes([c[0], c[1], c[2], c[3]]) ^ crc;
        let hi = u32::from_le_bytes([c[4], c[5], c[6], c[7]]);
        crc = t[7][(lo & 0xff) as usize]
            ^ t[6][((lo >> 8) & 0xff) as usize]
            ^ t[5][((lo >> 16) & 0xff) as usize]
            ^ t[4][(lo >> 24) as usize]
            ^ t[3][(hi & 0xff) as usize]
            ^ t[2][((hi >> 8) & 0xff) as usize]
            ^ t[1][((hi >> 16) & 0xff) as usize]
            ^ t[0][(hi >> 24) as usize];
    }
    for &b in chunks.remainder() {
        crc = t[0][((crc ^ b as u32) & 0xff) as usize] ^ (crc >> 8);
    }
    !crc
}

// ---------------------------------------------------------------------------------------
// Compact wire encoding of the schedule types.

/// A timestamp as integer nanoseconds since the Unix epoch (covers chrono's whole range).
pub(crate) fn ts(t: &DateTime<Utc>) -> i128 {
    t.timestamp() as i128 * 1_000_000_000 + t.timestamp_subsec_nanos() as i128
}

/// Inverse of [`ts`]; `None` when out of chrono's range.
pub(crate) fn from_ts(n: i128) -> Option<DateTime<Utc>> {
    let secs = i64::try_from(n.div_euclid(1_000_000_000)).ok()?;
    let nanos = n.rem_euclid(1_000_000_000) as u32;
    DateTime::from_timestamp(secs, nanos)
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
#[derive(Debug, Clone, Serialize, Deserialize)]
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

/// One journaled event, decoded.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Event {
    /// An answer with the item's state before and after it.
    Answer {
        entry: ReviewEntry,
        before: Option<ItemState>,
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
                before.as_ref().map(WireState::from_state),
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
                    before,
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

/// Appends the full journal line for `(seq, ev)`, newline included, to `out`.
pub(crate) fn encode_line(out: &mut Vec<u8>, seq: u64, ev: &Event) {
    let start = out.len();
    out.extend_from_slice(b"00000000 ");
    // Serializing plain tuples, integers and strings into a Vec cannot fail.
    if serde_json::to_writer(&mut *out, &(seq, ev.to_wire())).is_err() {
        out.truncate(start);
        return;
    }
    let crc = crc32(&out[start + 9..]);
    let hex = format!("{crc:08x}");
    out[start..start + 8].copy_from_slice(hex.as_bytes());
    out.push(b'\n');
}

/// The header line of a new journal file.
pub(crate) fn header_line() -> String {
    format!("{HEADER_PREFIX}{VERSION}\n")
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

/// Decodes one line (without its newline).
pub(crate) fn decode_line(line: &[u8]) -> std::result::Result<(u64, Event), LineError> {
    if line.len() < 10 || line[8] != b' ' {
        return Err(LineError::Checksum);
    }
    let want = hex_u32(&line[..8]).ok_or(LineError::Checksum)?;
    let body = &line[9..];
    if crc32(body) != want {
        return Err(LineError::Checksum);
    }
    let (seq, w) = match fast::decode(body) {
        Some(x) => x,
        None => serde_json::from_slice::<(u64, WireEvent<WireKey>)>(body)
            .map_err(|_| LineError::Content)?,
    };
    let ev = Event::from_wire(w).ok_or(LineError::Content)?;
    Ok((seq, ev))
}

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
    /// A line's bytes (no newline); `complete` is false for a last line without newline.
    Line { bytes: &'a [u8], complete: bool },
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
                f(RawLine::Line {
                    bytes: &line,
                    complete: false,
                })?;
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
                f(RawLine::Line {
                    bytes: piece,
                    complete: true,
                })?;
            } else {
                line.extend_from_slice(piece);
                f(RawLine::Line {
                    bytes: &line,
                    complete: true,
                })?;
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
}

impl ScanReport {
    /// True when any line was damaged.
    pub fn damaged(&self) -> bool {
        !self.middle.is_empty() || !self.tail.is_empty()
    }
}

/// Journals at least this large are decoded on two threads when the machine has them.
const PARALLEL_MIN: u64 = 8 << 20;
/// Journals larger than this are streamed instead of read whole.
const PARALLEL_MAX: u64 = 1 << 30;

/// Per-line bookkeeping shared by the streaming and the two-thread readers.
struct Scanner {
    rep: ScanReport,
    line_no: u64,
    pending: Vec<u64>,
    pending_bytes: u64,
    newer: Option<u32>,
}

impl Scanner {
    /// Handles one line; `decoded` is the line's decoding, `None` if damaged.
    /// Returns false when a newer-format header was found (stop reading).
    fn line(
        &mut self,
        bytes: Option<&[u8]>,
        len: u64,
        decoded: Option<(u64, Event)>,
        f: &mut impl FnMut(u64, Event),
    ) -> bool {
        self.line_no += 1;
        if self.line_no == 1
            && let Some(b) = bytes
            && b.starts_with(HEADER_PREFIX.as_bytes())
        {
            let v = std::str::from_utf8(&b[HEADER_PREFIX.len()..])
                .ok()
                .and_then(|s| s.trim().parse::<u32>().ok());
            match v {
                Some(v) if v > VERSION => {
                    self.newer = Some(v);
                    return false;
                }
                Some(_) => return true,
                None => {}
            }
        }
        match decoded {
            Some((seq, ev)) => {
                let rep = &mut self.rep;
                rep.good += 1;
                rep.first_seq.get_or_insert(seq);
                rep.last_seq = Some(rep.last_seq.map_or(seq, |l| l.max(seq)));
                rep.middle.append(&mut self.pending);
                self.pending_bytes = 0;
                f(seq, ev);
            }
            None => {
                self.pending.push(self.line_no);
                self.pending_bytes += len;
            }
        }
        true
    }

    /// Handles one raw line, decoding it here.
    fn raw(&mut self, raw: RawLine<'_>, f: &mut impl FnMut(u64, Event)) -> bool {
        match raw {
            RawLine::Line { bytes, complete } => {
                let len = bytes.len() as u64 + u64::from(complete);
                self.line(Some(bytes), len, decode_line(bytes).ok(), f)
            }
            RawLine::TooLong => self.line(None, MAX_LINE as u64, None, f),
        }
    }

    fn finish(mut self, path: &Path) -> Result<ScanReport> {
        if let Some(found) = self.newer {
            return Err(StoreError::NewerFormat {
                path: path.to_path_buf(),
                found,
            });
        }
        self.rep.tail = self.pending;
        self.rep.tail_bytes = self.pending_bytes;
        Ok(self.rep)
    }
}

/// Reads a journal file, calling `f(seq, event)` for every good line in order.
///
/// Damaged lines are counted, never applied. A header announcing a newer format version
/// is an error (the file is left alone) rather than damage. Large journals are decoded
/// on two threads (the second half is decoded while the first is applied).
pub(crate) fn scan(path: &Path, mut f: impl FnMut(u64, Event)) -> Result<ScanReport> {
    let mut file = match File::open(path) {
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
    let two_threads = std::thread::available_parallelism().is_ok_and(|n| n.get() > 1);
    if !(two_threads && (PARALLEL_MIN..=PARALLEL_MAX).contains(&len)) {
        let res = for_each_line(file, |raw| {
            if sc.raw(raw, &mut f) {
                Ok(())
            } else {
                Err(io::Error::other("newer format"))
            }
        });
        if sc.newer.is_none() {
            res.map_err(io_err("read the journal", path))?;
        }
        return sc.finish(path);
    }

    let mut bytes = Vec::with_capacity(len as usize + 1);
    file.read_to_end(&mut bytes)
        .map_err(io_err("read the journal", path))?;
    // Split after a newline near the middle, so no line is cut.
    let mid = bytes[bytes.len() / 2..]
        .iter()
        .position(|&b| b == b'\n')
        .map_or(bytes.len(), |p| bytes.len() / 2 + p + 1);
    let (first, second) = bytes.split_at(mid);
    type Decoded = (Option<(u64, Event)>, u64);
    std::thread::scope(|scope| {
        let worker = scope.spawn(move || {
            let mut out: Vec<Decoded> = Vec::new();
            let _ = for_each_line(second, |raw| {
                out.push(match raw {
                    RawLine::Line { bytes, complete } => (
                        decode_line(bytes).ok(),
                        bytes.len() as u64 + u64::from(complete),
                    ),
                    RawLine::TooLong => (None, MAX_LINE as u64),
                });
                Ok(())
            });
            out
        });
        let _ = for_each_line(first, |raw| {
            if sc.raw(raw, &mut f) {
                Ok(())
            } else {
                Err(io::Error::other("newer format"))
            }
        });
        // A panic in the worker would be a bug in decoding; treat its lines as unread.
        let rest = worker.join().unwrap_or_default();
        if sc.newer.is_none() {
            for (decoded, len) in rest {
                sc.line(Some(&[]), len, decoded, &mut f);
            }
        }
    });
    sc.finish(path)
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
    let mut buf = header_line().into_bytes();
    let mut n = 0;
    let file = File::open(src).map_err(io_err("open the journal", src))?;
    for_each_line(file, |raw| {
        if let RawLine::Line { bytes, .. } = raw
            && decode_line(bytes).is_ok()
        {
            buf.extend_from_slice(bytes);
            buf.push(b'\n');
            n += 1;
            if buf.len() > 1 << 20 {
                out.write_all(&buf)?;
                buf.clear();
            }
        }
        Ok(())
    })
    .and_then(|_| out.write_all(&buf))
    .map_err(io_err("write the repaired journal", dest))?;
    out.sync_all()
        .map_err(io_err("sync the repaired journal", dest))?;
    Ok(n)
}

// ---------------------------------------------------------------------------------------
// Writing.

/// What the journal writer needs from a file; lets tests inject failing writes.
pub(crate) trait Sink {
    /// Appends all of `b`.
    fn append_all(&mut self, b: &[u8]) -> io::Result<()>;
    /// Makes appended data durable (fdatasync).
    fn sync(&mut self) -> io::Result<()>;
    /// Cuts the file back to `len` bytes.
    fn truncate(&mut self, len: u64) -> io::Result<()>;
}

impl Sink for File {
    fn append_all(&mut self, b: &[u8]) -> io::Result<()> {
        self.write_all(b)
    }
    fn sync(&mut self) -> io::Result<()> {
        self.sync_data()
    }
    fn truncate(&mut self, len: u64) -> io::Result<()> {
        self.set_len(len)
    }
}

/// Appends lines to the journal; each append is durable before it returns, and a failed
/// append is cut back off so it can never break the next one.
pub(crate) struct JournalWriter<F: Sink = File> {
    file: F,
    path: PathBuf,
    len: u64,
    /// A failed append could not be cut back; retried before the next append.
    dirty: bool,
    /// The file does not end with a newline (a complete last record whose newline was
    /// never written): the next append starts with one.
    needs_newline: bool,
}

/// True when the non-empty file at `path` does not end with `\n`.
fn lacks_final_newline(path: &Path, len: u64) -> Result<bool> {
    use std::io::{Seek, SeekFrom};
    if len == 0 {
        return Ok(false);
    }
    let mut f = File::open(path).map_err(io_err("open the journal", path))?;
    let mut last = [0u8; 1];
    f.seek(SeekFrom::Start(len - 1))
        .and_then(|_| f.read_exact(&mut last))
        .map_err(io_err("read the end of the journal", path))?;
    Ok(last[0] != b'\n')
}

impl JournalWriter<File> {
    /// Opens (creating if needed) the journal at `path` for appending. A new file gets
    /// the header line and its folder is fsync'd.
    pub(crate) fn open(path: &Path) -> Result<Self> {
        let file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(path)
            .map_err(io_err("open the journal for writing", path))?;
        let len = file
            .metadata()
            .map_err(io_err("read the size of the journal", path))?
            .len();
        let mut w = JournalWriter {
            file,
            path: path.to_path_buf(),
            len,
            dirty: false,
            needs_newline: lacks_final_newline(path, len)?,
        };
        if len == 0 {
            w.append(header_line().as_bytes())?;
            sync_dir(super::fsutil::parent_or_dot(path))?;
        }
        Ok(w)
    }
}

impl<F: Sink> JournalWriter<F> {
    #[cfg(test)]
    pub(crate) fn with_sink(file: F, path: &Path, len: u64) -> Self {
        JournalWriter {
            file,
            path: path.to_path_buf(),
            len,
            dirty: false,
            needs_newline: false,
        }
    }

    /// Appends `bytes` (whole lines) and syncs. On failure the file is cut back to its
    /// previous length and an error is returned; nothing was recorded.
    pub(crate) fn append(&mut self, bytes: &[u8]) -> Result<()> {
        if self.dirty {
            self.file
                .truncate(self.len)
                .map_err(io_err("repair the end of the journal", &self.path))?;
            self.dirty = false;
        }
        let mut prefixed = Vec::new();
        let bytes = if self.needs_newline {
            prefixed.reserve(bytes.len() + 1);
            prefixed.push(b'\n');
            prefixed.extend_from_slice(bytes);
            &prefixed[..]
        } else {
            bytes
        };
        let res = super::fault::write_with(&self.path, bytes, |b| self.file.append_all(b))
            .map_err(io_err("append to the journal", &self.path))
            .and_then(|_| {
                self.file
                    .sync()
                    .map_err(io_err("sync the journal", &self.path))
            });
        match res {
            Ok(()) => {
                self.len += bytes.len() as u64;
                self.needs_newline = false;
                Ok(())
            }
            Err(e) => {
                if self.file.truncate(self.len).is_err() {
                    self.dirty = true;
                }
                Err(e)
            }
        }
    }

    /// The file's length as far as this writer knows.
    #[cfg(test)]
    pub(crate) fn len(&self) -> u64 {
        self.len
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
        // Slicing path and byte path agree.
        let data: Vec<u8> = (0..1000u32).map(|i| (i * 31 % 251) as u8).collect();
        let mut bytewise = !0u32;
        for &b in &data {
            bytewise = CRC_TABLES[0][((bytewise ^ b as u32) & 0xff) as usize] ^ (bytewise >> 8);
        }
        assert_eq!(crc32(&data), !bytewise);
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
                before: None,
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
            let mut buf = Vec::new();
            encode_line(&mut buf, i as u64 + 1, &ev);
            assert_eq!(buf.last(), Some(&b'\n'));
            let (seq, back) = decode_line(&buf[..buf.len() - 1]).unwrap();
            assert_eq!(seq, i as u64 + 1);
            assert_eq!(back, ev);
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
                    phase: Default::default(),
                },
                before: Some(s.clone()),
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
            encode_line(&mut buf, 99, &ev);
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
        encode_line(
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
                RawLine::Line { bytes, complete } => {
                    format!("{}{}", String::from_utf8_lossy(bytes), complete)
                }
                RawLine::TooLong => "long".into(),
            });
            Ok(())
        })
        .unwrap();
        assert_eq!(seen, ["atrue", "long", "btrue", "cfalse"]);
    }

    struct Flaky {
        data: Vec<u8>,
        fail_write_after: Option<usize>,
        fail_sync: bool,
    }

    impl Sink for Flaky {
        fn append_all(&mut self, b: &[u8]) -> io::Result<()> {
            if let Some(n) = self.fail_write_after.take() {
                self.data.extend_from_slice(&b[..n.min(b.len())]);
                return Err(io::Error::other("disk full"));
            }
            self.data.extend_from_slice(b);
            Ok(())
        }
        fn sync(&mut self) -> io::Result<()> {
            if std::mem::take(&mut self.fail_sync) {
                return Err(io::Error::other("EIO"));
            }
            Ok(())
        }
        fn truncate(&mut self, len: u64) -> io::Result<()> {
            self.data.truncate(len as usize);
            Ok(())
        }
    }

    #[test]
    fn failed_append_is_cut_back() {
        let sink = Flaky {
            data: Vec::new(),
            fail_write_after: None,
            fail_sync: false,
        };
        let mut w = JournalWriter::with_sink(sink, Path::new("j"), 0);
        w.append(b"first\n").unwrap();
        w.file.fail_write_after = Some(3);
        let err = w.append(b"second\n").unwrap_err();
        assert!(err.to_string().contains("append to the journal"), "{err}");
        assert_eq!(w.file.data, b"first\n");
        w.file.fail_sync = true;
        assert!(w.append(b"third\n").is_err());
        assert_eq!(w.file.data, b"first\n");
        w.append(b"fourth\n").unwrap();
        assert_eq!(w.file.data, b"first\nfourth\n");
        assert_eq!(w.len(), 13);
    }

    #[test]
    fn append_after_unterminated_record_starts_a_new_line() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("journal.log");
        std::fs::write(&p, b"QUIZDECK-JOURNAL 1\nabc").unwrap();
        let mut w = JournalWriter::open(&p).unwrap();
        w.append(b"def\n").unwrap();
        assert_eq!(
            std::fs::read(&p).unwrap(),
            b"QUIZDECK-JOURNAL 1\nabc\ndef\n"
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
    fn newer_journal_is_refused_not_repaired() {
        let d = tempfile::tempdir().unwrap();
        let p = d.path().join("journal.log");
        std::fs::write(&p, format!("{HEADER_PREFIX}99\nwhatever\n")).unwrap();
        assert!(matches!(
            scan(&p, |_, _| {}),
            Err(StoreError::NewerFormat { found: 99, .. })
        ));
    }
}
