//! A hand-written parser for exactly what [`encode_line`] writes (compact JSON, no
//! escapes in strings). Startup replays up to millions of lines, and this is several
//! times faster than going through serde. Anything unexpected returns `None` and the
//! line is parsed by `serde_json` instead, so the two can only differ in speed.

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
