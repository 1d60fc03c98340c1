//! The compact line body (format 2): fields separated by one space.
//!
//! ```text
//! A <seq> <deck> <card> <part> <rating> <at> <duration ms> <before> <after state>
//! U <seq> <undone seq> <deck> <card> <part> <at> <restored state or ->
//! S <seq> <deck> <card> <part> <reason> <at> <state or ->
//! H <seq> <deck> <card> <part> <rating> <at> <duration ms>
//!
//! state  = <phase> <step> <memory> <due> <last review or -> <interval> <reps> <lapses> <flags>
//! memory = - | 16 hex digits: the bit patterns of stability, then difficulty (f32)
//! before = - (no progress) | =<phase> (the item's current state, left out) | state
//! ```
//!
//! `at` is in integer nanoseconds since the Unix epoch; times in a state are relative to
//! `at`: whole seconds (`86400`, `-5`), or nanoseconds with an `n` suffix when not a
//! whole number of seconds. Ids are written as they are: a key fits a compact line when
//! both ids are non-empty and free of spaces and control characters (valid ids always
//! are); other keys are written as JSON lines.

use super::{
    Before, ChangeReason, Event, ItemKey, ItemState, Memory, Phase, Resolve, ReviewEntry, datetime,
    flags_code, flags_from, from_ts, phase_code, phase_from, rating_code, rating_from, reason_code,
    reason_from, resolved_key, split_ts, ts,
};
use chrono::{DateTime, Utc};

const NANOS: i128 = 1_000_000_000;

fn id_fits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(id_byte)
}

fn id_byte(b: u8) -> bool {
    b > b' ' && b != 0x7f
}

/// True when `k` can be written in a compact line.
pub(crate) fn key_fits(k: &ItemKey) -> bool {
    id_fits(k.deck.as_str()) && id_fits(k.card.as_str())
}

fn u64(out: &mut Vec<u8>, mut v: u64) {
    let mut b = [0u8; 20];
    let mut i = b.len();
    loop {
        i -= 1;
        b[i] = b'0' + (v % 10) as u8;
        v /= 10;
        if v == 0 {
            break;
        }
    }
    out.extend_from_slice(&b[i..]);
}

fn i128(out: &mut Vec<u8>, v: i128) {
    if v < 0 {
        out.push(b'-');
    }
    let m = v.unsigned_abs();
    match u64::try_from(m) {
        Ok(m) => u64(out, m),
        Err(_) => out.extend_from_slice(m.to_string().as_bytes()),
    }
}

fn hex32(out: &mut Vec<u8>, v: u32) {
    const HEX: &[u8; 16] = b"0123456789abcdef";
    for i in 0..8 {
        out.push(HEX[(v >> (28 - 4 * i) & 0xf) as usize]);
    }
}

fn rel(out: &mut Vec<u8>, t: &DateTime<Utc>, at: i128) {
    let d = ts(t) - at;
    if d % NANOS == 0 {
        i128(out, d / NANOS);
    } else {
        i128(out, d);
        out.push(b'n');
    }
}

fn state(out: &mut Vec<u8>, s: &ItemState, at: i128) {
    out.push(b'0' + phase_code(s.phase));
    out.push(b' ');
    u64(out, s.step.into());
    out.push(b' ');
    match &s.memory {
        Some(m) => {
            hex32(out, m.stability_days.to_bits());
            hex32(out, m.difficulty.to_bits());
        }
        None => out.push(b'-'),
    }
    out.push(b' ');
    rel(out, &s.due, at);
    out.push(b' ');
    match &s.last_review {
        Some(l) => rel(out, l, at),
        None => out.push(b'-'),
    }
    for v in [s.interval_days, s.reps, s.lapses] {
        out.push(b' ');
        u64(out, v.into());
    }
    out.push(b' ');
    out.push(b'0' + flags_code(s));
}

fn opt_state(out: &mut Vec<u8>, s: Option<&ItemState>, at: i128) {
    match s {
        Some(s) => state(out, s, at),
        None => out.push(b'-'),
    }
}

fn key(out: &mut Vec<u8>, k: &ItemKey) {
    out.extend_from_slice(k.deck.as_str().as_bytes());
    out.push(b' ');
    out.extend_from_slice(k.card.as_str().as_bytes());
    out.push(b' ');
    u64(out, k.part.into());
}

/// Appends the body for `(seq, ev)`; the key must fit ([`key_fits`]).
pub(super) fn encode(out: &mut Vec<u8>, seq: u64, ev: &Event, elide_before: bool) {
    let head = |out: &mut Vec<u8>, tag: u8| {
        out.push(tag);
        out.push(b' ');
        u64(out, seq);
        out.push(b' ');
    };
    match ev {
        Event::Answer {
            entry,
            before,
            after,
        } => {
            head(out, b'A');
            key(out, &entry.key);
            out.push(b' ');
            out.push(b'0' + rating_code(entry.rating));
            out.push(b' ');
            let at = ts(&entry.at);
            i128(out, at);
            out.push(b' ');
            u64(out, entry.duration_ms.into());
            out.push(b' ');
            match before {
                Before::Given(Some(b)) if elide_before => {
                    out.push(b'=');
                    out.push(b'0' + phase_code(b.phase));
                }
                Before::Given(b) => opt_state(out, b.as_ref(), at),
                Before::Current => {
                    out.push(b'=');
                    out.push(b'0' + phase_code(entry.phase));
                }
            }
            out.push(b' ');
            state(out, after, at);
        }
        Event::Undo {
            target,
            key: k,
            restored,
            at,
        } => {
            head(out, b'U');
            u64(out, *target);
            out.push(b' ');
            key(out, k);
            out.push(b' ');
            let at = ts(at);
            i128(out, at);
            out.push(b' ');
            opt_state(out, restored.as_ref(), at);
        }
        Event::Set {
            key: k,
            state: st,
            reason,
            at,
        } => {
            head(out, b'S');
            key(out, k);
            out.push(b' ');
            out.push(b'0' + reason_code(*reason));
            out.push(b' ');
            let at = ts(at);
            i128(out, at);
            out.push(b' ');
            opt_state(out, st.as_ref(), at);
        }
        Event::HistoryOnly(e) => {
            head(out, b'H');
            key(out, &e.key);
            out.push(b' ');
            out.push(b'0' + rating_code(e.rating));
            out.push(b' ');
            i128(out, ts(&e.at));
            out.push(b' ');
            u64(out, e.duration_ms.into());
        }
    }
}

/// Appends a snapshot item, `<deck> <card> <part> <due> <state>` with the state's
/// times relative to `due` (no newline); the key must fit ([`key_fits`]).
pub(crate) fn encode_item(out: &mut Vec<u8>, k: &ItemKey, s: &ItemState) {
    let due = ts(&s.due);
    key(out, k);
    out.push(b' ');
    i128(out, due);
    out.push(b' ');
    state(out, s, due);
}

/// Decodes a snapshot item written by [`encode_item`].
pub(crate) fn decode_item(line: &[u8]) -> Option<(ItemKey, ItemState)> {
    let mut c = Cur { b: line, i: 0 };
    let (k, _) = c.key(&|_, _, _| None)?;
    c.sp()?;
    let (_, due) = c.at()?;
    c.sp()?;
    let st = c.state(due)?;
    (c.i == line.len()).then_some((k, st))
}

/// Appends a snapshot's recent answer, `<seq> <at> <rating> <was new: 0 or 1>` (no
/// newline).
pub(crate) fn encode_recent(out: &mut Vec<u8>, seq: u64, at: i128, rating: u8, new: bool) {
    u64(out, seq);
    out.push(b' ');
    i128(out, at);
    out.push(b' ');
    out.push(b'0' + rating);
    out.push(b' ');
    out.push(b'0' + u8::from(new));
}

/// Decodes a recent answer written by [`encode_recent`]: `(seq, at, rating, was new)`.
pub(crate) fn decode_recent(line: &[u8]) -> Option<(u64, i128, u8, bool)> {
    let mut c = Cur { b: line, i: 0 };
    let seq = c.u64()?;
    c.sp()?;
    let at = c.i128()?;
    c.sp()?;
    let rating = c.digit(9)?;
    c.sp()?;
    let new = c.digit(1)? == 1;
    (c.i == line.len()).then_some((seq, at, rating, new))
}

/// Writes `v` as [`encode`] does.
#[cfg(test)]
fn i128_for_test(out: &mut Vec<u8>, v: i128) {
    i128(out, v);
}

/// Parses all of `b` as one signed number, as [`decode`] does.
#[cfg(test)]
fn parse_i128_for_test(b: &[u8]) -> Option<i128> {
    let mut c = Cur { b, i: 0 };
    let v = c.i128()?;
    (c.i == b.len()).then_some(v)
}

/// A time as whole seconds and nanoseconds, for cheap relative times.
#[derive(Clone, Copy)]
struct At {
    t: DateTime<Utc>,
    ns: i128,
    secs: i64,
    nanos: u32,
}

/// `HEX_VALUE[c]`: the value of the lowercase hex digit `c`, 0x80 if it is none.
const HEX_VALUE: [u8; 256] = {
    let mut t = [0x80u8; 256];
    let mut i = 0;
    while i < 16 {
        t[b"0123456789abcdef"[i] as usize] = i as u8;
        i += 1;
    }
    t
};

/// A cursor over a body.
struct Cur<'a> {
    b: &'a [u8],
    i: usize,
}

/// The value of 8 ASCII digits (the first in the lowest byte), `None` unless all 8
/// are digits.
fn eight_digits(x: u64) -> Option<u64> {
    const ZEROS: u64 = 0x3030_3030_3030_3030;
    const HIGH: u64 = 0xF0F0_F0F0_F0F0_F0F0;
    // Each byte is 0x30..=0x3F, and adding 6 keeps it below 0x40 (so at most '9').
    if x & HIGH != ZEROS || (x.wrapping_add(0x0606_0606_0606_0606) & HIGH) != ZEROS {
        return None;
    }
    let d = x - ZEROS;
    // Pairs of digits, then fours, then all eight.
    let d = (d * 10 + (d >> 8)) & 0x00FF_00FF_00FF_00FF;
    let d = (d * 100 + (d >> 16)) & 0x0000_FFFF_0000_FFFF;
    Some((d * 10_000 + (d >> 32)) & 0xFFFF_FFFF)
}

impl<'a> Cur<'a> {
    fn sp(&mut self) -> Option<()> {
        if self.b.get(self.i) == Some(&b' ') {
            self.i += 1;
            Some(())
        } else {
            None
        }
    }

    fn dash(&mut self) -> bool {
        if self.b.get(self.i) == Some(&b'-') {
            self.i += 1;
            true
        } else {
            false
        }
    }

    /// `-` as a whole field: nothing (a negative number is not).
    fn none(&mut self) -> bool {
        if self.b.get(self.i) == Some(&b'-') && matches!(self.b.get(self.i + 1), None | Some(&b' '))
        {
            self.i += 1;
            true
        } else {
            false
        }
    }

    fn digit(&mut self, max: u8) -> Option<u8> {
        let d = self.b.get(self.i)?.wrapping_sub(b'0');
        if d > max {
            return None;
        }
        self.i += 1;
        Some(d)
    }

    /// Decimal digits (at least one) as a u128; `None` on overflow.
    fn magnitude(&mut self) -> Option<u128> {
        let start = self.i;
        // Up to 19 digits always fit a u64.
        let mut v = 0u64;
        while let Some(&c) = self.b.get(self.i) {
            let d = c.wrapping_sub(b'0');
            if d > 9 || self.i - start == 19 {
                break;
            }
            v = v * 10 + u64::from(d);
            self.i += 1;
        }
        if self.i == start {
            return None;
        }
        let mut v = u128::from(v);
        while let Some(&c) = self.b.get(self.i) {
            let d = c.wrapping_sub(b'0');
            if d > 9 {
                break;
            }
            v = v.checked_mul(10)?.checked_add(u128::from(d))?;
            self.i += 1;
        }
        Some(v)
    }

    fn u64(&mut self) -> Option<u64> {
        u64::try_from(self.magnitude()?).ok()
    }

    fn u32(&mut self) -> Option<u32> {
        u32::try_from(self.magnitude()?).ok()
    }

    fn i128(&mut self) -> Option<i128> {
        let neg = self.dash();
        // Times are long numbers: take groups of eight digits while they fit a u64,
        // then single digits up to 19 (which always fit).
        let start = self.i;
        let mut v = 0u64;
        while self.i - start < 16 {
            let Some(group) = self.b.get(self.i..self.i + 8) else {
                break;
            };
            let mut bytes = [0u8; 8];
            bytes.copy_from_slice(group);
            let Some(x) = eight_digits(u64::from_le_bytes(bytes)) else {
                break;
            };
            v = v * 100_000_000 + x;
            self.i += 8;
        }
        while self.i - start < 19 {
            match self.b.get(self.i).map(|c| c.wrapping_sub(b'0')) {
                Some(d) if d <= 9 => {
                    v = v * 10 + u64::from(d);
                    self.i += 1;
                }
                _ => break,
            }
        }
        let m = if self.b.get(self.i).is_some_and(u8::is_ascii_digit) {
            // Longer than 19 digits: start again in 128 bits.
            self.i = start;
            self.magnitude()?
        } else if self.i == start {
            return None;
        } else {
            u128::from(v)
        };
        if neg {
            0i128.checked_sub_unsigned(m)
        } else {
            i128::try_from(m).ok()
        }
    }

    fn at(&mut self) -> Option<(DateTime<Utc>, At)> {
        let ns = self.i128()?;
        let (secs, nanos) = split_ts(ns)?;
        let t = datetime(secs, nanos)?;
        Some((t, At { t, ns, secs, nanos }))
    }

    fn rel(&mut self, at: At) -> Option<DateTime<Utc>> {
        let d = self.i128()?;
        if self.b.get(self.i) == Some(&b'n') {
            self.i += 1;
            return from_ts(at.ns.checked_add(d)?);
        }
        if d == 0 {
            return Some(at.t);
        }
        datetime(at.secs.checked_add(i64::try_from(d).ok()?)?, at.nanos)
    }

    fn hex32(&mut self) -> Option<u32> {
        let h = self.b.get(self.i..self.i + 8)?;
        let mut v = 0u32;
        let mut bad = 0u8;
        for &c in h {
            let d = HEX_VALUE[usize::from(c)];
            bad |= d;
            v = (v << 4) | u32::from(d & 0xf);
        }
        if bad & 0x80 != 0 {
            return None;
        }
        self.i += 8;
        Some(v)
    }

    /// An id's bytes (checked to be UTF-8 only when a key is made of them).
    fn id(&mut self) -> Option<&'a [u8]> {
        let start = self.i;
        while let Some(&c) = self.b.get(self.i) {
            if c == b' ' {
                break;
            }
            if !id_byte(c) {
                return None;
            }
            self.i += 1;
        }
        if self.i == start {
            return None;
        }
        Some(&self.b[start..self.i])
    }

    /// The key, or its slot when `resolve` knows it (then nothing is allocated).
    fn key(&mut self, resolve: Resolve<'_>) -> Option<(ItemKey, Option<usize>)> {
        let deck = self.id()?;
        self.sp()?;
        let card = self.id()?;
        self.sp()?;
        let part = self.u32()?;
        // A resolver only knows keys made of UTF-8 ids, so a resolved id is UTF-8.
        Some(match resolve(deck, card, part) {
            Some(slot) => (resolved_key(), Some(slot)),
            None => (
                ItemKey::new(
                    std::str::from_utf8(deck).ok()?,
                    std::str::from_utf8(card).ok()?,
                    part,
                ),
                None,
            ),
        })
    }

    fn phase(&mut self) -> Option<Phase> {
        phase_from(self.digit(3)?)
    }

    fn state(&mut self, at: At) -> Option<ItemState> {
        let phase = self.phase()?;
        self.sp()?;
        let step = self.u32()?;
        self.sp()?;
        let memory = if self.none() {
            None
        } else {
            let s = self.hex32()?;
            let d = self.hex32()?;
            Some(Memory {
                stability_days: f32::from_bits(s),
                difficulty: f32::from_bits(d),
            })
        };
        self.sp()?;
        let due = self.rel(at)?;
        self.sp()?;
        let last_review = if self.none() {
            None
        } else {
            Some(self.rel(at)?)
        };
        self.sp()?;
        let interval_days = self.u32()?;
        self.sp()?;
        let reps = self.u32()?;
        self.sp()?;
        let lapses = self.u32()?;
        self.sp()?;
        let (leech, suspended) = flags_from(self.digit(3)?)?;
        Some(ItemState {
            phase,
            step,
            memory,
            due,
            last_review,
            interval_days,
            reps,
            lapses,
            leech,
            suspended,
        })
    }

    fn opt_state(&mut self, at: At) -> Option<Option<ItemState>> {
        if self.none() {
            Some(None)
        } else {
            self.state(at).map(Some)
        }
    }
}

/// Decodes a compact body (see [`super::decode_line_resolved`]); `None` when it is
/// not one.
pub(super) fn decode(body: &[u8], resolve: Resolve<'_>) -> Option<(u64, Option<usize>, Event)> {
    let mut c = Cur { b: body, i: 0 };
    let tag = *body.first()?;
    c.i = 1;
    c.sp()?;
    let seq = c.u64()?;
    c.sp()?;
    let (slot, ev) = match tag {
        b'A' => {
            let (key, slot) = c.key(resolve)?;
            c.sp()?;
            let rating = rating_from(c.digit(9)?)?;
            c.sp()?;
            let (at, a) = c.at()?;
            c.sp()?;
            let duration_ms = c.u32()?;
            c.sp()?;
            let (before, phase) = if c.b.get(c.i) == Some(&b'=') {
                c.i += 1;
                (Before::Current, c.phase()?)
            } else {
                let b = c.opt_state(a)?;
                let phase = b.as_ref().map_or(Phase::New, |s| s.phase);
                (Before::Given(b), phase)
            };
            c.sp()?;
            let after = c.state(a)?;
            let ev = Event::Answer {
                entry: ReviewEntry {
                    key,
                    rating,
                    at,
                    duration_ms,
                    phase,
                },
                before,
                after,
            };
            (slot, ev)
        }
        b'U' => {
            let target = c.u64()?;
            c.sp()?;
            let (key, slot) = c.key(resolve)?;
            c.sp()?;
            let (at, a) = c.at()?;
            c.sp()?;
            let restored = c.opt_state(a)?;
            let ev = Event::Undo {
                target,
                key,
                restored,
                at,
            };
            (slot, ev)
        }
        b'S' => {
            let (key, slot) = c.key(resolve)?;
            c.sp()?;
            let reason: ChangeReason = reason_from(c.digit(9)?)?;
            c.sp()?;
            let (at, a) = c.at()?;
            c.sp()?;
            let state = c.opt_state(a)?;
            let ev = Event::Set {
                key,
                state,
                reason,
                at,
            };
            (slot, ev)
        }
        b'H' => {
            let (key, slot) = c.key(resolve)?;
            c.sp()?;
            let rating = rating_from(c.digit(9)?)?;
            c.sp()?;
            let (at, _) = c.at()?;
            c.sp()?;
            let duration_ms = c.u32()?;
            let ev = Event::HistoryOnly(ReviewEntry {
                key,
                rating,
                at,
                duration_ms,
                // Imported history keeps no phase (as in JSON lines).
                phase: Phase::Review,
            });
            (slot, ev)
        }
        _ => return None,
    };
    (c.i == body.len()).then_some((seq, slot, ev))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{answer, body_of, state, t};
    use super::super::{
        Before, ChangeReason, Event, LineError, crc32, decode_line, encode_line, encode_line_with,
    };
    use super::*;
    use crate::schedule::Rating;

    #[test]
    fn compact_lines_are_exact_and_small() {
        let key = ItemKey::new("history-012", "card-012345", 1);
        let at = DateTime::from_timestamp(1_700_000_101, 0).unwrap();
        let mut after = state(7);
        after.due = at + chrono::Duration::days(12);
        after.last_review = Some(at);
        let mut buf = Vec::new();
        encode_line(
            &mut buf,
            1_000_001,
            &answer(&key, at, Some(state(6)), after.clone()),
        );
        let full = buf.len();
        // Whole-second times inside states are written as seconds from the answer.
        assert!(
            body_of(&buf).ends_with(" 2 0 4050000040b00000 1036800 0 1 7 0 2"),
            "{}",
            body_of(&buf)
        );
        buf.clear();
        encode_line_with(
            &mut buf,
            1_000_001,
            &answer(&key, at, Some(state(6)), after),
            true,
        );
        assert_eq!(
            body_of(&buf),
            "A 1000001 history-012 card-012345 1 3 1700000101000000000 1234 =2 \
             2 0 4050000040b00000 1036800 0 1 7 0 2"
        );
        assert!(buf.len() < 115 && full < 180, "{} {full}", buf.len());
        let (_, back) = decode_line(&buf[..buf.len() - 1]).unwrap();
        let Event::Answer { entry, before, .. } = back else {
            panic!()
        };
        assert_eq!(before, Before::Current);
        assert_eq!(entry.phase, Phase::Review);
    }
    #[test]
    fn compact_extremes_round_trip() {
        let mut odd = state(u32::MAX);
        odd.phase = Phase::Relearning;
        odd.step = u32::MAX;
        odd.memory = Some(Memory {
            stability_days: f32::NAN,
            difficulty: -0.0,
        });
        odd.interval_days = u32::MAX;
        odd.lapses = u32::MAX;
        odd.leech = true;
        odd.due = DateTime::<Utc>::MAX_UTC;
        odd.last_review = Some(DateTime::<Utc>::MIN_UTC);
        let mut new = state(0);
        new.phase = Phase::New;
        new.memory = None;
        new.last_review = None;
        new.due = t(-7) + chrono::Duration::nanoseconds(1);
        let key = ItemKey::new("d\"q\\é", "ü", u32::MAX);
        let times = [
            DateTime::<Utc>::MIN_UTC,
            DateTime::<Utc>::MAX_UTC,
            DateTime::from_timestamp(-1, 999_999_999).unwrap(),
            DateTime::from_timestamp(0, 0).unwrap(),
            t(0),
        ];
        for at in times {
            let evs = [
                answer(&key, at, Some(odd.clone()), new.clone()),
                answer(&key, at, None, odd.clone()),
                Event::Undo {
                    target: u64::MAX,
                    key: key.clone(),
                    restored: Some(odd.clone()),
                    at,
                },
                Event::Undo {
                    target: 0,
                    key: key.clone(),
                    restored: None,
                    at,
                },
                Event::Set {
                    key: key.clone(),
                    state: Some(new.clone()),
                    reason: ChangeReason::Import,
                    at,
                },
                Event::HistoryOnly(ReviewEntry {
                    key: key.clone(),
                    rating: Rating::Again,
                    at,
                    duration_ms: u32::MAX,
                    phase: Phase::Review,
                }),
            ];
            for ev in evs {
                let mut buf = Vec::new();
                encode_line(&mut buf, u64::MAX, &ev);
                assert_ne!(buf[9], b'[');
                let (seq, back) = decode_line(&buf[..buf.len() - 1]).unwrap();
                assert_eq!(seq, u64::MAX);
                // Debug comparison so NaN bit patterns compare equal.
                assert_eq!(format!("{back:?}"), format!("{ev:?}"));
            }
        }
    }
    #[test]
    fn keys_outside_the_compact_alphabet_are_written_as_json() {
        for key in [
            ItemKey::new("a b", "c", 0),
            ItemKey::new("a", "line\nbreak", 0),
            ItemKey::new("", "c", 0),
            ItemKey::new("a", "tab\t", 0),
        ] {
            let ev = answer(&key, t(0), Some(state(1)), state(2));
            let mut buf = Vec::new();
            encode_line_with(&mut buf, 5, &ev, true);
            assert_eq!(buf[9], b'[', "{key:?}");
            assert_eq!(decode_line(&buf[..buf.len() - 1]).unwrap(), (5, ev));
        }
    }
    #[test]
    fn malformed_compact_bodies_are_content_damage() {
        let good = "S 3 d c 0 4 1700000000000000000 2 0 - 5 - 0 0 0 0";
        let mut l = format!("{:08x} {good}", crc32(good.as_bytes())).into_bytes();
        assert!(decode_line(&l).is_ok());
        for bad in [
            "S 3 d c 0 4 1700000000000000000 2 0 - 5 - 0 0 0 0 ",
            "S 3 d c 0 4 1700000000000000000 2 0 - 5 - 0 0 0 4",
            "S 3 d c 0 9 1700000000000000000 -",
            "S 3 d c 0 4 1700000000000000000 7 0 - 5 - 0 0 0 0",
            "S 3 d c 0 4 1700000000000000000 2 0 123 5 - 0 0 0 0",
            "S 3 d c 4294967296 4 1700000000000000000 -",
            "S 3 d  c 0 4 1700000000000000000 -",
            "S 18446744073709551616 d c 0 4 1700000000000000000 -",
            "S 3 d c 0 4 99999999999999999999999999999999 -",
            "A 3 d c 0 3 1700000000000000000 1 =7 2 0 - 5 - 0 0 0 0",
            "A 3 d c 0 0 1700000000000000000 1 - 2 0 - 5 - 0 0 0 0",
            "X 3 d c 0",
            "H 3 d c 0 1 5",
            "S 3 d c 0 4 1700000000000000000 2 0 - 5 --5 0 0 0 0",
            "S 3 d c 0 4 1700000000000000000 2 0 - 5 5nn 0 0 0 0",
        ] {
            l = format!("{:08x} {bad}", crc32(bad.as_bytes())).into_bytes();
            assert_eq!(decode_line(&l).unwrap_err(), LineError::Content, "{bad}");
        }
    }
    #[test]
    fn compact_numbers_of_every_length_parse() {
        let mut nums: Vec<i128> = vec![0, 1, 9, 10, 99_999_999, 100_000_000, i128::MAX, i128::MIN];
        let mut v: i128 = 1;
        while let Some(n) = v.checked_mul(7) {
            nums.extend([n, n - 1, -n, n / 3 * 3 + 1]);
            v = n;
        }
        for n in nums {
            let mut out = Vec::new();
            i128_for_test(&mut out, n);
            assert_eq!(parse_i128_for_test(&out), Some(n), "{n}");
            out.extend_from_slice(b"0");
            if n != 0 && n.checked_mul(10).is_none() {
                assert_eq!(parse_i128_for_test(&out), None, "{n}0");
            }
        }
        for bad in ["", "-", "12345678x", "1234567a9012345678", "--1"] {
            assert_eq!(parse_i128_for_test(bad.as_bytes()), None, "{bad}");
        }
        assert_eq!(
            parse_i128_for_test(b"0000000000000000000000000000000000000000007"),
            Some(7)
        );
    }
}
