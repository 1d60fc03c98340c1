//! A fast path for the first loading stage: a hand-written reader for the plain RON that
//! deck files are made of, producing the same [`RawDeck`] as the `ron` crate.
//!
//! It reads only a strict subset of RON (the shape [`super::to_ron`] writes, plus what
//! people commonly type: comments, any field order, trailing commas, optional struct
//! names). On anything else — an unknown or repeated field, a missing required field, an
//! unusual escape, a number with a sign or underscore, `Some(…)`, raw strings, odd
//! spacing — it gives up and returns `None`, and the caller parses with `ron`, which
//! also produces the error messages. So this module never reports an error and never
//! accepts a text that `ron` would refuse or read differently; a differential property
//! test checks exactly that.
//!
//! Why: `ron` builds the deck through serde one token at a time and needs ≈ 0.7 s for a
//! 55 MB, 100k-card deck; this reader scans strings with `memchr` and needs a fraction.
//! The card list is split at card boundaries and read on two threads.

use super::raw::{RawCard, RawDeck, RawFields, RawKind, RawRef, RawRegion, RawSource};
use super::span::MAX_DEPTH;
use std::collections::BTreeMap;

/// Cards below this many bytes of text are read on one thread (spawning costs more).
const PARALLEL_MIN_BYTES: usize = 1 << 20;

/// Reads `text` as a deck, or `None` when it is outside the subset this reader knows
/// (the caller then parses with `ron`).
pub fn parse(text: &str) -> Option<RawDeck> {
    let mut p = Parser::new(text, 0);
    let mut cards = None;
    let (fields, read) = deck_fields(&mut p, |p| set(&mut cards, p.cards()?));
    read?;
    p.skip_ws()?;
    if p.pos != p.b.len() {
        return None;
    }
    fields.finish(cards).ok()
}

/// The deck's fields before its card list, as a [`RawDeck`] without cards, and where the
/// card list begins (its `[`), for reading the cards one by one with [`each_card`]. `None`
/// when the card list is not preceded by the required fields, or when anything before it
/// is outside the subset (the caller then reads the text with [`parse`] or `ron`).
pub(crate) fn head(text: &str) -> Option<(RawDeck, usize)> {
    let mut p = Parser::new(text, 0);
    let mut cards_at = None;
    // Reading the fields stops at the card list (a `None` from the closure): whether it
    // stopped there, rather than at something it does not know, is in `cards_at`.
    let (fields, _) = deck_fields(&mut p, |p| {
        cards_at = Some(p.pos);
        None
    });
    let cards_at = cards_at?;
    Some((fields.finish(Some(Vec::new())).ok()?, cards_at))
}

/// Reads `Deck(` and its fields up to its `)`, the card list's value with `cards`; gives
/// the fields read, and `None` beside them when it gave up (or `cards` did).
fn deck_fields(
    p: &mut Parser<'_>,
    mut cards: impl FnMut(&mut Parser<'_>) -> Option<()>,
) -> (RawFields, Option<()>) {
    let mut f = RawFields::default();
    let mut read = || {
        p.skip_ws()?;
        p.opt_name(b"Deck")?;
        p.expect(b'(')?;
        p.fields(|p, name| match name {
            b"format" => set(&mut f.format, p.uint()?),
            b"id" => set(&mut f.id, p.string()?),
            b"title" => set(&mut f.title, p.string()?),
            b"description" => set(&mut f.description, p.string()?),
            b"language" => set(&mut f.language, p.string()?),
            b"authors" => set(&mut f.authors, p.list(Parser::string)?),
            b"version" => set(&mut f.version, p.uint()?),
            b"sources" => set(&mut f.sources, p.sources()?),
            b"cards" => cards(p),
            _ => None,
        })
    };
    let read = read();
    (f, read)
}

/// Reads the card list at `at` (see [`head`]) and the end of the deck after it, handing
/// each card to `feed` as soon as it is read, so the cards are never held together. A long
/// list is split at a card boundary and read on two threads, each feeding a state of its
/// own made by `new`; the states come back in list order (each counts its own cards).
/// A card's lists keep at most one entry past the cap (see `Parser::card_list`).
pub(crate) fn each_card<S: Send>(
    text: &str,
    at: usize,
    new: impl Fn() -> S + Sync,
    feed: impl Fn(&mut S, RawCard) + Sync,
) -> Result<Vec<S>, Unread> {
    let mut p = Parser::new(text, at).capping();
    let total = text.len() - at;
    let mut parts = None;
    if total >= PARALLEL_MIN_BYTES
        && let Some(split) = p.card_boundary(at + total / 2)
    {
        // As in `Parser::cards`: if the split was not a real boundary, read on one thread.
        let (first, second) = std::thread::scope(|s| {
            let second = s.spawn(|| {
                let mut q = Parser::new(text, split).capping();
                let mut state = new();
                q.cards_tail(|c| feed(&mut state, c))?;
                Some((state, q.pos))
            });
            let mut state = new();
            let first = Parser::new(text, at)
                .capping()
                .cards_until(split, |c| feed(&mut state, c))
                .map(|()| state);
            (first, second.join().ok().flatten())
        });
        if let (Some(a), Some((b, end))) = (first, second) {
            p.pos = end;
            parts = Some(vec![a, b]);
        }
    }
    let parts = match parts {
        Some(parts) => parts,
        None => {
            let mut state = new();
            p.cards_each(|c| feed(&mut state, c))
                .ok_or(Unread::Outside)?;
            vec![state]
        }
    };
    // The rest of the deck: an optional comma and its closing parenthesis.
    let end = |p: &mut Parser<'_>| -> Option<Result<(), Unread>> {
        if p.separator(b')')? {
            p.skip_ws()?;
            if p.peek()? != b')' {
                return Some(Err(Unread::FieldsAfter));
            }
            p.pos += 1;
        }
        p.skip_ws()?;
        Some(if p.pos == p.b.len() {
            Ok(())
        } else {
            Err(Unread::Outside)
        })
    };
    end(&mut p).unwrap_or(Err(Unread::Outside))?;
    Ok(parts)
}

/// Why [`each_card`] gave no cards.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Unread {
    /// The text is outside the subset (the caller reads it with `ron`).
    Outside,
    /// The cards were read, but fields follow them (which may be what checking the cards
    /// needs, such as `sources`): the caller reads the text whole with [`parse`].
    FieldsAfter,
}

/// A position at or after `from` where a card may begin (see `Parser::card_boundary`):
/// only a candidate, for splitting a long text between two readers, each of which must
/// then read its part strictly.
pub(crate) fn card_boundary(text: &str, from: usize) -> Option<usize> {
    Parser::new(text, 0).card_boundary(from)
}

/// Stores a field's value; `None` (give up) when the field was already given.
fn set<T>(slot: &mut Option<T>, value: T) -> Option<()> {
    if slot.is_some() {
        return None;
    }
    *slot = Some(value);
    Some(())
}

struct Parser<'a> {
    text: &'a str,
    b: &'a [u8],
    pos: usize,
    /// Whether a card's lists keep at most one entry past the cap (see
    /// [`Parser::card_list`]): when the cards are read to be checked, not to be edited.
    cap_lists: bool,
}

impl<'a> Parser<'a> {
    fn new(text: &'a str, pos: usize) -> Self {
        Parser {
            text,
            b: text.as_bytes(),
            pos,
            cap_lists: false,
        }
    }

    /// This parser, its cards' lists capped (see [`Parser::card_list`]).
    fn capping(mut self) -> Self {
        self.cap_lists = true;
        self
    }

    fn peek(&self) -> Option<u8> {
        self.b.get(self.pos).copied()
    }

    /// Skips ASCII whitespace and comments (`//…` and nested `/* … */`).
    fn skip_ws(&mut self) -> Option<()> {
        const SPACES: u64 = u64::from_ne_bytes([b' '; 8]);
        loop {
            // Indentation: eight spaces at a time.
            while let Some(chunk) = self.b.get(self.pos..self.pos + 8) {
                if u64::from_ne_bytes(chunk.try_into().ok()?) != SPACES {
                    break;
                }
                self.pos += 8;
            }
            match self.peek() {
                Some(b' ' | b'\n' | b'\t' | b'\r') => self.pos += 1,
                Some(b'/') => match self.b.get(self.pos + 1) {
                    Some(b'/') => {
                        self.pos = memchr::memchr(b'\n', &self.b[self.pos..])
                            .map_or(self.b.len(), |n| self.pos + n + 1);
                    }
                    Some(b'*') => self.block_comment()?,
                    _ => return None,
                },
                _ => return Some(()),
            }
        }
    }

    fn block_comment(&mut self) -> Option<()> {
        let mut depth = 0usize;
        loop {
            match (self.peek()?, self.b.get(self.pos + 1)) {
                (b'/', Some(b'*')) => {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return None;
                    }
                    self.pos += 2;
                }
                (b'*', Some(b'/')) => {
                    depth -= 1;
                    self.pos += 2;
                    if depth == 0 {
                        return Some(());
                    }
                }
                _ => self.pos += 1,
            }
        }
    }

    fn expect(&mut self, c: u8) -> Option<()> {
        (self.peek()? == c).then(|| self.pos += 1)
    }

    /// An optional struct or variant name right before its `(`: either exactly `name`
    /// or nothing.
    fn opt_name(&mut self, name: &[u8]) -> Option<()> {
        if self.peek()? == b'(' {
            return Some(());
        }
        let end = self.pos + name.len();
        (self.b.get(self.pos..end)? == name && self.b.get(end) == Some(&b'(')).then(|| {
            self.pos = end;
        })
    }

    /// An identifier (letters, digits, `_`), not followed by anything but `:` or `(`.
    fn ident(&mut self) -> Option<&'a [u8]> {
        let start = self.pos;
        while self
            .peek()
            .is_some_and(|c| c.is_ascii_alphanumeric() || c == b'_')
        {
            self.pos += 1;
        }
        let id = &self.b[start..self.pos];
        (!id.is_empty() && !id[0].is_ascii_digit()).then_some(id)
    }

    /// The fields of a struct whose `(` was just read, up to and including its `)`.
    /// `field` reads one value by name (and gives up on unknown names).
    fn fields(&mut self, mut field: impl FnMut(&mut Self, &'a [u8]) -> Option<()>) -> Option<()> {
        loop {
            self.skip_ws()?;
            if self.peek()? == b')' {
                self.pos += 1;
                return Some(());
            }
            let name = self.ident()?;
            self.expect(b':')?;
            self.skip_ws()?;
            field(self, name)?;
            if !self.separator(b')')? {
                return Some(());
            }
        }
    }

    /// After a value in a sequence: a `,` (true: more may follow) or the closing
    /// delimiter (consumed; false).
    fn separator(&mut self, close: u8) -> Option<bool> {
        self.skip_ws()?;
        match self.peek()? {
            b',' => {
                self.pos += 1;
                Some(true)
            }
            c if c == close => {
                self.pos += 1;
                Some(false)
            }
            _ => None,
        }
    }

    /// `[a, b, …]` with an optional trailing comma.
    fn list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let mut out = Vec::new();
        self.list_each(|p| {
            out.push(item(p)?);
            Some(())
        })?;
        Some(out)
    }

    /// [`Parser::list`], each entry read by `item` (which keeps it or not).
    fn list_each(&mut self, mut item: impl FnMut(&mut Self) -> Option<()>) -> Option<()> {
        self.expect(b'[')?;
        loop {
            self.skip_ws()?;
            if self.peek()? == b']' {
                self.pos += 1;
                return Some(());
            }
            item(self)?;
            if !self.separator(b']')? {
                return Some(());
            }
        }
    }

    /// A list of a card ([`Parser::list`]). When the cards are read to be checked
    /// ([`each_card`]), at most one entry past [`super::MAX_LIST_ITEMS`] is kept: the rest
    /// are read (the text must be right) and dropped, as validation refuses the list
    /// anyway, so a list of millions costs the memory of a few thousand. (`ron` keeps them
    /// all, and validation says the same.) Read for anything else (the editor), every
    /// entry is kept: a deck saved again must not lose any.
    fn card_list<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<Vec<T>> {
        let keep = if self.cap_lists {
            super::MAX_LIST_ITEMS + 1
        } else {
            usize::MAX
        };
        let mut out = Vec::new();
        self.list_each(|p| {
            let value = item(p)?;
            if out.len() < keep {
                out.push(value);
            }
            Some(())
        })?;
        Some(out)
    }

    /// The end of a bare word (number, `true`): the next byte must end the token.
    fn word_ends(&self) -> bool {
        matches!(
            self.peek(),
            None | Some(b' ' | b'\n' | b'\t' | b'\r' | b',' | b')' | b']' | b'}' | b'/')
        )
    }

    /// A plain decimal `u32`: digits only, no sign, underscore or leading zero.
    fn uint(&mut self) -> Option<u32> {
        let start = self.pos;
        while self.peek().is_some_and(|c| c.is_ascii_digit()) {
            self.pos += 1;
        }
        let digits = &self.b[start..self.pos];
        if digits.is_empty() || (digits.len() > 1 && digits[0] == b'0') || !self.word_ends() {
            return None;
        }
        std::str::from_utf8(digits).ok()?.parse().ok()
    }

    fn bool(&mut self) -> Option<bool> {
        let value = if self.b[self.pos..].starts_with(b"true") {
            self.pos += 4;
            true
        } else if self.b[self.pos..].starts_with(b"false") {
            self.pos += 5;
            false
        } else {
            return None;
        };
        self.word_ends().then_some(value)
    }

    /// A `"…"` string with the escapes `\"`, `\\`, `\n`, `\t` and `\r`.
    fn string(&mut self) -> Option<String> {
        self.expect(b'"')?;
        let start = self.pos;
        let rest = &self.b[start..];
        let end = memchr::memchr2(b'"', b'\\', rest)?;
        if rest[end] == b'"' {
            self.pos = start + end + 1;
            return Some(self.text[start..start + end].to_owned());
        }
        // Escapes: copy piece by piece.
        let mut out = String::with_capacity(end + 16);
        let mut from = start;
        loop {
            let rest = &self.b[from..];
            let at = from + memchr::memchr2(b'"', b'\\', rest)?;
            out.push_str(&self.text[from..at]);
            if self.b[at] == b'"' {
                self.pos = at + 1;
                return Some(out);
            }
            out.push(match self.b.get(at + 1)? {
                b'"' => '"',
                b'\\' => '\\',
                b'n' => '\n',
                b't' => '\t',
                b'r' => '\r',
                _ => return None,
            });
            from = at + 2;
        }
    }

    /// A plain decimal number as an `f32`: an optional `-`, digits, and optionally a `.`
    /// and more digits (no exponent, `+`, underscore, suffix, `inf` or `NaN`: those are
    /// left to `ron`). Read as `ron` reads it, with `f32::from_str`.
    fn float(&mut self) -> Option<f32> {
        let start = self.pos;
        if self.peek()? == b'-' {
            self.pos += 1;
        }
        let digits = |p: &mut Self| {
            let from = p.pos;
            while p.peek().is_some_and(|c| c.is_ascii_digit()) {
                p.pos += 1;
            }
            p.pos > from
        };
        if !digits(self) {
            return None;
        }
        if self.peek() == Some(b'.') {
            self.pos += 1;
            if !digits(self) {
                return None;
            }
        }
        if !self.word_ends() {
            return None;
        }
        std::str::from_utf8(&self.b[start..self.pos])
            .ok()?
            .parse()
            .ok()
    }

    /// `(x, y)`, two numbers.
    fn point(&mut self) -> Option<(f32, f32)> {
        self.tuple2(Parser::float)
    }

    /// `(a, b)` with an optional trailing comma, each read by `item`.
    fn tuple2<T>(&mut self, mut item: impl FnMut(&mut Self) -> Option<T>) -> Option<(T, T)> {
        self.expect(b'(')?;
        self.skip_ws()?;
        let a = item(self)?;
        self.skip_ws()?;
        self.expect(b',')?;
        self.skip_ws()?;
        let b = item(self)?;
        self.skip_ws()?;
        if self.peek()? == b',' {
            self.pos += 1;
            self.skip_ws()?;
        }
        self.expect(b')')?;
        Some((a, b))
    }

    /// `Circle(name: …, x: …, y: …, r: …)` or `Polygon(name: …, points: [(x, y), …])`.
    fn region(&mut self) -> Option<RawRegion> {
        let kind = self.ident()?;
        self.expect(b'(')?;
        let mut name = None;
        let mut n: [Option<f32>; 3] = [None, None, None];
        let mut points = None;
        match kind {
            b"Circle" => {
                self.fields(|p, f| match f {
                    b"name" => set(&mut name, p.string()?),
                    b"x" => set(&mut n[0], p.float()?),
                    b"y" => set(&mut n[1], p.float()?),
                    b"r" => set(&mut n[2], p.float()?),
                    _ => None,
                })?;
                Some(RawRegion::Circle {
                    name: name?,
                    x: n[0]?,
                    y: n[1]?,
                    r: n[2]?,
                })
            }
            b"Polygon" => {
                self.fields(|p, f| match f {
                    b"name" => set(&mut name, p.string()?),
                    b"points" => set(&mut points, p.list(Parser::point)?),
                    _ => None,
                })?;
                Some(RawRegion::Polygon {
                    name: name?,
                    points: points?,
                })
            }
            _ => None,
        }
    }

    /// `("left", "right")`.
    fn pair(&mut self) -> Option<(String, String)> {
        self.tuple2(Parser::string)
    }

    /// `{ "key": Source(title: …, url: …), … }` with distinct keys.
    fn sources(&mut self) -> Option<BTreeMap<String, RawSource>> {
        self.expect(b'{')?;
        let mut out = BTreeMap::new();
        loop {
            self.skip_ws()?;
            if self.peek()? == b'}' {
                self.pos += 1;
                return Some(out);
            }
            let key = self.string()?;
            self.expect(b':')?;
            self.skip_ws()?;
            self.opt_name(b"Source")?;
            self.expect(b'(')?;
            let (mut title, mut url) = (None, None);
            self.fields(|p, name| match name {
                b"title" => set(&mut title, p.string()?),
                b"url" => set(&mut url, p.string()?),
                _ => None,
            })?;
            let source = RawSource {
                title: title?,
                url: url.unwrap_or_default(),
            };
            if out.insert(key, source).is_some() {
                return None;
            }
            if !self.separator(b'}')? {
                return Some(out);
            }
        }
    }

    /// `Ref(doc: …, section: …)`, written without `Some(…)`.
    fn source_ref(&mut self) -> Option<RawRef> {
        self.opt_name(b"Ref")?;
        self.expect(b'(')?;
        let (mut doc, mut section) = (None, None);
        self.fields(|p, name| match name {
            b"doc" => set(&mut doc, p.string()?),
            b"section" => set(&mut section, p.string()?),
            _ => None,
        })?;
        Some(RawRef {
            doc: doc?,
            section: section.unwrap_or_default(),
        })
    }

    /// The card list `[Card(…), …]`; long lists are split at card boundaries and read on
    /// two threads.
    fn cards(&mut self) -> Option<Vec<RawCard>> {
        let open = self.pos;
        let total = self.b.len() - open;
        if total >= PARALLEL_MIN_BYTES
            && let Some(split) = self.card_boundary(open + total / 2)
        {
            // The first half is read up to the boundary (it must end exactly there, so a
            // boundary inside a string or comment is detected); the second half continues
            // the list from it. If the split was not a real boundary, read on one thread.
            let text = self.text;
            let (first, second) = std::thread::scope(|s| {
                let second = s.spawn(move || {
                    let mut q = Parser::new(text, split);
                    let rest = q.list_tail()?;
                    Some((rest, q.pos))
                });
                let first = Parser::new(text, open).list_head_until(split);
                (first, second.join().ok().flatten())
            });
            if let (Some(mut cards), Some((rest, end))) = (first, second) {
                cards.extend(rest);
                self.pos = end;
                return Some(cards);
            }
        }
        self.list(Parser::card)
    }

    /// A position at or after `from` where a `Card(` begins at the start of a line (after
    /// indentation) — the writer's layout. Only a candidate: both halves are parsed
    /// strictly, and the first must end exactly there after a `,`.
    fn card_boundary(&self, from: usize) -> Option<usize> {
        let window = &self.b[from..self.b.len().min(from + (1 << 22))];
        memchr::memchr_iter(b'\n', window).find_map(|nl| {
            let mut i = from + nl + 1;
            while self.b.get(i).is_some_and(|&c| c == b' ' || c == b'\t') {
                i += 1;
            }
            self.b[i..].starts_with(b"Card(").then_some(i)
        })
    }

    /// From the list's `[` up to `split`, where the next card begins: the cards before
    /// it, ending with `,` (and blanks) right before `split`.
    fn list_head_until(&mut self, split: usize) -> Option<Vec<RawCard>> {
        let mut out = Vec::new();
        self.cards_until(split, |c| out.push(c))?;
        Some(out)
    }

    /// [`Parser::list_head_until`], handing each card to `feed` as it is read.
    fn cards_until(&mut self, split: usize, mut feed: impl FnMut(RawCard)) -> Option<()> {
        self.expect(b'[')?;
        loop {
            self.skip_ws()?;
            if self.pos == split {
                return Some(());
            }
            if self.pos > split {
                return None;
            }
            feed(self.card()?);
            self.skip_ws()?;
            self.expect(b',')?;
        }
    }

    /// The rest of the card list from the start of a card, up to and including `]`.
    fn list_tail(&mut self) -> Option<Vec<RawCard>> {
        let mut out = Vec::new();
        self.cards_tail(|c| out.push(c))?;
        Some(out)
    }

    /// [`Parser::list_tail`], handing each card to `feed` as it is read.
    fn cards_tail(&mut self, mut feed: impl FnMut(RawCard)) -> Option<()> {
        loop {
            feed(self.card()?);
            if !self.separator(b']')? {
                return Some(());
            }
            self.skip_ws()?;
            if self.peek()? == b']' {
                self.pos += 1;
                return Some(());
            }
        }
    }

    /// The whole card list `[…]`, handing each card to `feed` as it is read.
    fn cards_each(&mut self, mut feed: impl FnMut(RawCard)) -> Option<()> {
        self.list_each(|p| {
            feed(p.card()?);
            Some(())
        })
    }

    fn card(&mut self) -> Option<RawCard> {
        self.opt_name(b"Card")?;
        self.expect(b'(')?;
        let mut id = None;
        let mut tags = None;
        let mut source = None;
        let mut note = None;
        let mut image = None;
        let mut kind = None;
        self.fields(|p, name| match name {
            b"id" => set(&mut id, p.string()?),
            b"tags" => set(&mut tags, p.card_list(Parser::string)?),
            b"source" => set(&mut source, p.source_ref()?),
            b"note" => set(&mut note, p.string()?),
            b"image" => set(&mut image, p.string()?),
            b"kind" => set(&mut kind, p.kind()?),
            _ => None,
        })?;
        Some(RawCard {
            id: id?,
            tags: tags.unwrap_or_default(),
            source,
            note: note.unwrap_or_default(),
            image: image.unwrap_or_default(),
            kind: kind?,
        })
    }

    fn kind(&mut self) -> Option<RawKind> {
        let name = self.ident()?;
        self.expect(b'(')?;
        let mut s: [Option<String>; 3] = [None, None, None];
        let mut lists: [Option<Vec<String>>; 2] = [None, None];
        let mut flag: Option<bool> = None;
        let mut pairs: Option<Vec<(String, String)>> = None;
        // Each kind's fields, mapped to the slots above.
        let kind = match name {
            b"Basic" => {
                self.fields(|p, f| match f {
                    b"front" => set(&mut s[0], p.string()?),
                    b"back" => set(&mut s[1], p.string()?),
                    b"reverse" => set(&mut flag, p.bool()?),
                    _ => None,
                })?;
                RawKind::Basic {
                    front: s[0].take()?,
                    back: s[1].take()?,
                    reverse: flag.unwrap_or(false),
                }
            }
            b"Cloze" => {
                self.fields(|p, f| match f {
                    b"text" => set(&mut s[0], p.string()?),
                    _ => None,
                })?;
                RawKind::Cloze { text: s[0].take()? }
            }
            b"TypeIn" => {
                self.fields(|p, f| match f {
                    b"question" => set(&mut s[0], p.string()?),
                    b"answers" => set(&mut lists[0], p.card_list(Parser::string)?),
                    _ => None,
                })?;
                RawKind::TypeIn {
                    question: s[0].take()?,
                    answers: lists[0].take()?,
                }
            }
            b"MultipleChoice" => {
                let mut also = None;
                self.fields(|p, f| match f {
                    b"question" => set(&mut s[0], p.string()?),
                    b"answer" => set(&mut s[1], p.string()?),
                    b"distractors" => set(&mut lists[0], p.card_list(Parser::string)?),
                    b"also_correct" => set(&mut also, p.card_list(Parser::string)?),
                    _ => None,
                })?;
                RawKind::MultipleChoice {
                    question: s[0].take()?,
                    answer: s[1].take()?,
                    distractors: lists[0].take()?,
                    also_correct: also.unwrap_or_default(),
                }
            }
            b"TrueFalse" => {
                self.fields(|p, f| match f {
                    b"statement" => set(&mut s[0], p.string()?),
                    b"truth" => set(&mut flag, p.bool()?),
                    b"correction" => set(&mut s[1], p.string()?),
                    _ => None,
                })?;
                RawKind::TrueFalse {
                    statement: s[0].take()?,
                    truth: flag?,
                    correction: s[1].take().unwrap_or_default(),
                }
            }
            b"Order" => {
                self.fields(|p, f| match f {
                    b"prompt" => set(&mut s[0], p.string()?),
                    b"items" => set(&mut lists[0], p.card_list(Parser::string)?),
                    _ => None,
                })?;
                RawKind::Order {
                    prompt: s[0].take()?,
                    items: lists[0].take()?,
                }
            }
            b"Match" => {
                self.fields(|p, f| match f {
                    b"prompt" => set(&mut s[0], p.string()?),
                    b"pairs" => set(&mut pairs, p.card_list(Parser::pair)?),
                    _ => None,
                })?;
                RawKind::Match {
                    prompt: s[0].take()?,
                    pairs: pairs?,
                }
            }
            b"Locate" => {
                let (mut answer, mut others, mut choice) = (None, None, None);
                self.fields(|p, f| match f {
                    b"prompt" => set(&mut s[0], p.string()?),
                    b"choice_prompt" => set(&mut choice, p.string()?),
                    b"picture" => set(&mut s[1], p.string()?),
                    b"answer" => set(&mut answer, p.region()?),
                    b"others" => set(&mut others, p.list(Parser::region)?),
                    _ => None,
                })?;
                RawKind::Locate {
                    prompt: s[0].take()?,
                    choice_prompt: choice,
                    picture: s[1].take()?,
                    answer: answer?,
                    others: others.unwrap_or_default(),
                }
            }
            _ => return None,
        };
        Some(kind)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ron(text: &str) -> Option<RawDeck> {
        ron::Options::default()
            .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
            .from_str(text)
            .ok()
    }

    /// Whatever the fast reader accepts, `ron` reads the same way.
    fn agrees(text: &str) -> Option<RawDeck> {
        let fast = parse(text);
        if let Some(deck) = &fast {
            assert_eq!(Some(deck), ron(text).as_ref(), "differs on {text}");
        }
        fast
    }

    #[test]
    fn locate_cards_are_read_as_ron_reads_them() {
        let text = r#"Deck(format: 2, id: "m", title: "M", cards: [
            Card(id: "a", kind: Locate(prompt: "Where?", choice_prompt: "Which \"one\"?", picture: "maps/x.png",
                answer: Circle(name: "Liepāja", x: 224.6, y: 480.5, r: 14),
                others: [
                    Polygon(name: "Estonia", points: [(0, 0), (10.25, 0), (5, -7.5),]),
                    Circle(r: 3.0, y: 0.1, x: 0.3, name: "B"),
                ])),
            Card(id: "b", kind: Locate(prompt: "P", picture: "p.png", answer: Circle(name: "A", x: 1, y: 2, r: 3))),
        ])"#;
        let d = agrees(text).expect("read by the fast reader");
        let RawKind::Locate {
            answer,
            others,
            choice_prompt,
            ..
        } = &d.cards[0].kind
        else {
            panic!()
        };
        assert_eq!(choice_prompt.as_deref(), Some("Which \"one\"?"));
        assert_eq!(
            answer,
            &RawRegion::Circle {
                name: "Liepāja".into(),
                x: 224.6,
                y: 480.5,
                r: 14.0
            }
        );
        assert_eq!(others.len(), 2);
        // Numbers the fast reader leaves to `ron` (which may accept or refuse them).
        for odd in ["1e2", "+1", "1_0", "inf", "NaN", "1.", ".5", "1f32", "0x10"] {
            let t = text.replace("x: 224.6", &format!("x: {odd}"));
            assert!(parse(&t).is_none(), "{odd}");
            agrees(&t);
        }
    }

    const SMALL: &str = r#"// a comment
Deck(
    format: 1, /* block /* nested */ */
    id: "d",
    title: "T \"quoted\" \\ back\nline",
    sources: { "rel": Source(title: "Relations", url: "u") , },
    cards: [
        Card(id: "a", tags: ["x", "y",], source: Ref(doc: "rel", section: "S"),
             kind: Basic(front: "F", back: "B", reverse: true)),
        (id: "b", kind: Cloze(text: "{{c1::Riga}} is a city")),
        Card(id: "c", kind: TypeIn(question: "Q", answers: ["A", "Ā"])),
        Card(id: "d", kind: MultipleChoice(question: "Q", answer: "A", distractors: ["B"], also_correct: ["C"])),
        Card(id: "e", note: "two
lines	and a tab", kind: TrueFalse(statement: "S", truth: false, correction: "C")),
        Card(id: "f", kind: Order(prompt: "P", items: ["1", "2", "3"])),
        Card(kind: Match(prompt: "P", pairs: [("a", "b"), ("c", "d",)]), id: "g"),
    ],
    version: 7,
)
"#;

    #[test]
    fn reads_every_kind_like_ron() {
        let deck = agrees(SMALL).expect("fast path reads it");
        assert_eq!(deck.cards.len(), 7);
        assert_eq!(deck.version, 7);
        assert_eq!(deck.title, "T \"quoted\" \\ back\nline");
    }

    #[test]
    fn gives_up_outside_its_subset() {
        for text in [
            r#"Deck(format: 1, id: "d", title: "T", cards: [], bogus: 1)"#,
            r#"Deck(format: 1, format: 1, id: "d", title: "T", cards: [])"#,
            r#"Deck(format: +1, id: "d", title: "T", cards: [])"#,
            r#"Deck(format: 01, id: "d", title: "T", cards: [])"#,
            r#"Deck(format: 1_0, id: "d", title: "T", cards: [])"#,
            r#"Deck(format: 1, id: "d\u{41}", title: "T", cards: [])"#,
            r#"Deck(format: 1, id: r"d", title: "T", cards: [])"#,
            r#"Deck(format: 1, id: "d", title: "T")"#,
            r#"Deck (format: 1, id: "d", title: "T", cards: [])"#,
            r#"Other(format: 1, id: "d", title: "T", cards: [])"#,
            r#"#![enable(implicit_some)] Deck(format: 1, id: "d", title: "T", cards: [])"#,
            r#"Deck(format: 1, id: "d", title: "T", cards: [Card(id: "a", source: Some(Ref(doc: "x")), kind: Cloze(text: "t"))])"#,
            r#"Deck(format: 1, id: "d", title: "T", cards: [Card(id: "a", kind: Cloze(text: "t", text: "u"))])"#,
            r#"Deck(format: 1, id: "d", title: "T", cards: [Card(id: "a", kind: Nope(text: "t"))])"#,
            r#"Deck(format: 1, id: "d", title: "T", sources: {"a": Source(title: "x"), "a": Source(title: "y")}, cards: [])"#,
            r#"Deck(format: 1, id: "d", title: "T", cards: []) trailing"#,
            r#"Deck(format: 1, id: "d", title: "T", cards: [] /* unclosed"#,
            r#"Deck(format: 99999999999, id: "d", title: "T", cards: [])"#,
            "Deck(format: 1, id: \"d\", title: \"T\", cards: [Card(id: \"a\", kind: TrueFalse(statement: \"s\", truth: truex))])",
        ] {
            assert_eq!(agrees(text), None, "{text}");
        }
    }

    #[test]
    fn two_thread_split_reads_the_same_cards() {
        let mut text = String::from("Deck(format: 1, id: \"big\", title: \"Big\", cards: [\n");
        let mut n = 0;
        while text.len() < 3 * PARALLEL_MIN_BYTES {
            text.push_str(&format!(
                "    Card(id: \"c{n}\", kind: Basic(front: \"Front {n}\", back: \"Back\")),\n"
            ));
            n += 1;
        }
        text.push_str("])\n");
        let deck = agrees(&text).expect("reads");
        assert_eq!(deck.cards.len(), n);
        assert!(
            deck.cards
                .iter()
                .enumerate()
                .all(|(i, c)| c.id == format!("c{i}"))
        );
        // A "Card(" inside a string at the split point must not confuse the split.
        let tricky = text.replacen(&format!("Front {}\"", n / 2), "Front\n    Card(\"", 1);
        let deck = agrees(&tricky).expect("reads");
        assert_eq!(deck.cards.len(), n);
    }

    #[test]
    fn never_panics_on_truncated_text() {
        for end in 0..SMALL.len() {
            if SMALL.is_char_boundary(end) {
                agrees(&SMALL[..end]);
            }
        }
    }
}
