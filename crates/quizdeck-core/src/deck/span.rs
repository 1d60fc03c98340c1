//! Source positions for RON values.
//!
//! serde does not keep positions, so once a deck has parsed, this small structural
//! scanner walks the same text and records where every value starts, keyed by a path such
//! as `cards[3].kind.distractors[1]` or `sources.relations`. Validation reports problems by
//! path and the reporter turns the path into `line:column`.
//!
//! The scanner is iterative (an explicit stack, no recursion) and stops at
//! [`MAX_DEPTH`], so hostile nesting cannot overflow the stack. It looks at the tokens as
//! they come and keeps none (tokens borrow their text), builds a path only inside values
//! that lead to a wanted one, and stops once every wanted path is found: its memory is
//! that of the stack and of the positions it records, whatever the size of the text.

use std::borrow::Cow;
use std::collections::{HashMap, HashSet};

/// Deepest nesting of brackets accepted in a deck file.
pub(crate) const MAX_DEPTH: usize = 64;

/// A 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub(crate) struct Pos {
    /// Line number, from 1.
    pub line: usize,
    /// Column number in characters, from 1.
    pub column: usize,
}

/// Where each value of a RON document starts, by path.
#[derive(Debug, Default, Clone)]
pub(crate) struct SpanIndex {
    positions: HashMap<String, Pos>,
}

/// The scanner met nesting deeper than [`MAX_DEPTH`] at this position.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct TooDeep(pub Pos);

impl SpanIndex {
    /// Scans `text` and records the start of every value.
    #[cfg(test)]
    pub(crate) fn build(text: &str) -> Result<SpanIndex, TooDeep> {
        Self::scan(text, None)
    }

    /// Scans `text` and records the start of the values at `paths` and their ancestors
    /// only (what [`SpanIndex::find`] of those paths needs): the index of a large deck with
    /// a few problems stays small, and the scan stops once all of them are found.
    pub(crate) fn build_for<'p>(
        text: &str,
        paths: impl IntoIterator<Item = &'p str>,
    ) -> Result<SpanIndex, TooDeep> {
        let mut wanted = HashSet::new();
        for path in paths {
            let mut p = Some(path);
            while let Some(at) = p {
                if !wanted.insert(at) {
                    break;
                }
                p = parent(at);
            }
        }
        Self::scan(text, Some(&wanted))
    }

    fn scan(text: &str, wanted: Option<&HashSet<&str>>) -> Result<SpanIndex, TooDeep> {
        let mut scanner = Scanner {
            wanted,
            index: SpanIndex::default(),
            stack: Vec::new(),
            prelude: Prelude::Start,
            held: None,
            root_done: false,
            buf: String::new(),
            too_deep: None,
        };
        tokenize_each(text, |t| scanner.token(t));
        scanner.finish()
    }

    /// The position of the value at `path`, or of its nearest recorded ancestor.
    pub(crate) fn find(&self, path: &str) -> Pos {
        let mut p = path;
        loop {
            if let Some(pos) = self.positions.get(p) {
                return *pos;
            }
            match parent(p) {
                Some(up) => p = up,
                None => return Pos { line: 1, column: 1 },
            }
        }
    }

    /// The position recorded for exactly this path, if any.
    #[cfg(test)]
    pub(crate) fn get(&self, path: &str) -> Option<Pos> {
        self.positions.get(path).copied()
    }
}

/// Where the scanner is in the inner attributes (`#![enable(implicit_some)]`) that may
/// open a file.
enum Prelude {
    /// Before the first token that is not an attribute's `#`.
    Start,
    /// Inside an attribute, at this bracket depth.
    Attribute(usize),
    /// Past them.
    Done,
}

/// The state of [`SpanIndex::scan`] between tokens.
struct Scanner<'a, 'w> {
    wanted: Option<&'w HashSet<&'w str>>,
    index: SpanIndex,
    stack: Vec<Frame<'a>>,
    prelude: Prelude,
    /// An identifier whose meaning depends on the next token: a field name before `:`,
    /// a struct or variant name before its bracket, or a value.
    held: Option<Token<'a>>,
    root_done: bool,
    /// Where child paths are built before they are known to be wanted.
    buf: String,
    too_deep: Option<Pos>,
}

impl<'a> Scanner<'a, '_> {
    /// Takes the next token; false once the scan is over (too deep, or everything
    /// wanted was found).
    fn token(&mut self, t: Token<'a>) -> bool {
        match self.prelude {
            Prelude::Start if t.tok == Tok::Hash => {
                self.prelude = Prelude::Attribute(0);
                return true;
            }
            Prelude::Start => self.prelude = Prelude::Done,
            Prelude::Attribute(depth) => {
                self.prelude = match t.tok {
                    Tok::Open(_) => Prelude::Attribute(depth + 1),
                    Tok::Close(_) if depth <= 1 => Prelude::Start,
                    Tok::Close(_) => Prelude::Attribute(depth - 1),
                    _ => Prelude::Attribute(depth),
                };
                return true;
            }
            Prelude::Done => {}
        }
        if let Some(held) = self.held.take() {
            let Tok::Ident(name) = held.tok else {
                unreachable!("only identifiers are held")
            };
            match t.tok {
                Tok::Colon if self.stack.last().is_some_and(|f| f.bracket == '(') => {
                    if let Some(f) = self.stack.last_mut() {
                        f.pending_field = Some(Cow::Borrowed(name));
                    }
                    return true;
                }
                Tok::Open(b) => {
                    // `Some(x)` is transparent: x keeps the path of the field.
                    self.value(&held, Some((b, name == "Some" && b == '(', t.pos)));
                    return self.going_on();
                }
                _ => {
                    self.value(&held, None);
                    if !self.going_on() {
                        return false;
                    }
                }
            }
        }
        match t.tok {
            Tok::Ident(_) => self.held = Some(t),
            Tok::Comma => {
                if let Some(f) = self.stack.last_mut() {
                    f.expect_key = f.bracket == '{';
                    f.pending_field = None;
                }
            }
            Tok::Colon => {
                if let Some(f) = self.stack.last_mut() {
                    f.expect_key = false;
                }
            }
            Tok::Close(_) => {
                self.stack.pop();
            }
            Tok::Hash => {}
            Tok::Open(b) => self.value(&t, Some((b, false, t.pos))),
            Tok::Str(_) | Tok::Other => self.value(&t, None),
        }
        self.going_on()
    }

    /// False once the scan can stop.
    fn going_on(&self) -> bool {
        self.too_deep.is_none()
            && self
                .wanted
                .is_none_or(|w| self.index.positions.len() < w.len())
    }

    /// The start of a value (or of a map key) at token `t`, opening a bracket when
    /// `opener` is `(bracket, transparent, where)`.
    fn value(&mut self, t: &Token<'a>, opener: Option<(char, bool, Pos)>) {
        // Whether the value's path may lead to a wanted one (else no path is built).
        let live = match self.stack.last_mut() {
            None => {
                if self.root_done {
                    return;
                }
                self.root_done = true;
                self.buf.clear();
                self.wanted.is_none_or(|w| w.contains(""))
            }
            Some(f) if f.path.is_none() => false,
            Some(f) => {
                f.child_path(&t.tok, &mut self.buf);
                self.wanted.is_none_or(|w| w.contains(self.buf.as_str()))
            }
        };
        if live && !self.index.positions.contains_key(self.buf.as_str()) {
            self.index.positions.insert(self.buf.clone(), t.pos);
        }
        if let Some((bracket, transparent, at)) = opener {
            if self.stack.len() >= MAX_DEPTH {
                self.too_deep = Some(at);
                return;
            }
            self.stack.push(Frame {
                bracket,
                path: live.then(|| self.buf.clone()),
                index: 0,
                pending_field: None,
                expect_key: bracket == '{',
                transparent,
            });
        }
    }

    fn finish(mut self) -> Result<SpanIndex, TooDeep> {
        if let Some(held) = self.held.take()
            && self.too_deep.is_none()
        {
            self.value(&held, None);
        }
        match self.too_deep {
            Some(at) => Err(TooDeep(at)),
            None => Ok(self.index),
        }
    }
}

/// The path one level up: `a.b[2]` → `a.b`, `a.b` → `a`, `a` → ``.
fn parent(path: &str) -> Option<&str> {
    if path.is_empty() {
        return None;
    }
    if path.ends_with(']')
        && let Some(at) = path.rfind('[')
    {
        return Some(&path[..at]);
    }
    match path.rfind('.') {
        Some(at) => Some(&path[..at]),
        None => Some(""),
    }
}

struct Frame<'a> {
    bracket: char,
    /// The bracket's value's path; `None` when no wanted path is inside it.
    path: Option<String>,
    index: usize,
    pending_field: Option<Cow<'a, str>>,
    expect_key: bool,
    transparent: bool,
}

impl<'a> Frame<'a> {
    /// Writes into `out` the path of the child value starting at `tok` (the frame's path
    /// must be known).
    fn child_path(&mut self, tok: &Tok<'a>, out: &mut String) {
        use std::fmt::Write;
        out.clear();
        let path = self.path.as_deref().unwrap_or_default();
        out.push_str(path);
        if self.transparent {
            return;
        }
        let join = |out: &mut String, name: &str| {
            if !path.is_empty() {
                out.push('.');
            }
            out.push_str(name);
        };
        let indexed = |out: &mut String, index: &mut usize| {
            let _ = write!(out, "[{index}]");
            *index += 1;
        };
        match self.bracket {
            '(' => match self.pending_field.take() {
                Some(name) => join(out, &name),
                None => indexed(out, &mut self.index),
            },
            '{' => {
                if self.expect_key {
                    let key = match tok {
                        Tok::Str(s) => s.clone(),
                        Tok::Ident(s) => Cow::Borrowed(*s),
                        _ => Cow::Borrowed("?"),
                    };
                    join(out, &key);
                    self.pending_field = Some(key);
                } else {
                    match self.pending_field.take() {
                        Some(key) => join(out, &key),
                        None => join(out, "?"),
                    }
                }
            }
            _ => indexed(out, &mut self.index),
        }
    }
}

/// A token of RON text; names and strings borrow the text.
#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok<'a> {
    Open(char),
    Close(char),
    Colon,
    Comma,
    Hash,
    Ident(&'a str),
    /// A string's contents (escapes resolved; borrowed when it has none).
    Str(Cow<'a, str>),
    Other,
}

pub(crate) struct Token<'a> {
    pub(crate) tok: Tok<'a>,
    pos: Pos,
    /// Byte offsets of the token in the text (start, end).
    pub(crate) bytes: (usize, usize),
}

/// A double-quoted string that is unterminated or runs over lines of RON, for
/// [`structural_problem`].
struct QuotedString {
    /// Where its opening quote is.
    start: Pos,
    /// Where it ended (after its closing quote, or at the end of the text).
    end: Pos,
    /// False when the text ended inside it (else it holds a line break, not an escaped
    /// `\n`, followed by a line that looks like RON, `name:` or `Name(` at its start: a
    /// closing quote is probably missing).
    terminated: bool,
}

/// Splits RON text into the tokens the scanner needs, skipping comments. Never fails:
/// anything unexpected becomes `Other`.
pub(crate) fn tokenize(text: &str) -> Vec<Token<'_>> {
    let mut out = Vec::new();
    tokenize_each(text, |t| {
        out.push(t);
        true
    });
    out
}

/// True when `line` starts (after spaces) like a RON field or value: `name:` or `Name(`.
fn looks_like_ron(line: &str) -> bool {
    let t = line.trim_start();
    let ident: usize = t
        .chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .map(char::len_utf8)
        .sum();
    ident > 0 && matches!(t[ident..].trim_start().chars().next(), Some(':' | '('))
}

/// A position in a text: byte offset, line and column.
struct Cursor<'a> {
    text: &'a str,
    byte: usize,
    line: usize,
    col: usize,
}

impl Cursor<'_> {
    /// The character `k` characters ahead.
    fn peek(&self, k: usize) -> Option<char> {
        let rest = &self.text[self.byte..];
        if k == 0 {
            rest.chars().next()
        } else {
            rest.chars().nth(k)
        }
    }

    /// The byte `k` bytes ahead (for ASCII lookahead).
    fn byte_at(&self, k: usize) -> Option<u8> {
        self.text.as_bytes().get(self.byte + k).copied()
    }

    fn pos(&self) -> Pos {
        Pos {
            line: self.line,
            column: self.col,
        }
    }

    /// Moves past one character (none at the end).
    fn bump(&mut self) -> Option<char> {
        let c = self.peek(0)?;
        self.byte += c.len_utf8();
        if c == '\n' {
            self.line += 1;
            self.col = 1;
        } else {
            self.col += 1;
        }
        Some(c)
    }

    fn bump_n(&mut self, n: usize) {
        for _ in 0..n {
            self.bump();
        }
    }

    /// If a raw string (`r"…"`, `r#"…"#`, `br"…"`) starts here, how many characters its
    /// opening takes and how many `#` it uses.
    fn raw_string_start(&self) -> Option<(usize, usize)> {
        let mut j = 0;
        if self.byte_at(j) == Some(b'b') {
            j += 1;
        }
        if self.byte_at(j) != Some(b'r') {
            return None;
        }
        j += 1;
        let mut hashes = 0;
        while self.byte_at(j) == Some(b'#') {
            hashes += 1;
            j += 1;
        }
        (self.byte_at(j) == Some(b'"')).then_some((j + 1, hashes))
    }
}

/// The tokens of `text`, each handed to `emit` in order (none kept) until it returns
/// false, and the first double-quoted string that is unterminated or runs over lines of
/// RON, if any (among those met).
fn tokenize_each<'a>(
    text: &'a str,
    mut emit: impl FnMut(Token<'a>) -> bool,
) -> Option<QuotedString> {
    let mut bad_string = None;
    let mut cur = Cursor {
        text,
        byte: 0,
        line: 1,
        col: 1,
    };
    while let Some(c) = cur.peek(0) {
        let pos = cur.pos();
        let start = cur.byte;
        let next = cur.peek(1);
        let tok = if c.is_whitespace() {
            cur.bump();
            continue;
        } else if c == '/' && next == Some('/') {
            while cur.peek(0).is_some_and(|c| c != '\n') {
                cur.bump();
            }
            continue;
        } else if c == '/' && next == Some('*') {
            let mut depth = 0usize;
            while let Some(c) = cur.peek(0) {
                let next = cur.byte_at(1);
                if c == '/' && next == Some(b'*') {
                    depth += 1;
                    cur.bump_n(2);
                } else if c == '*' && next == Some(b'/') {
                    cur.bump_n(2);
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                } else {
                    cur.bump();
                }
            }
            continue;
        } else if c == '"' || (c == 'b' && next == Some('"')) {
            cur.bump_n(if c == 'b' { 2 } else { 1 });
            let body = cur.byte;
            let mut escaped = false;
            let mut runs_over_ron = false;
            while let Some(c) = cur.peek(0).filter(|&c| c != '"') {
                if c == '\\' {
                    escaped = true;
                    cur.bump_n(2);
                } else {
                    if c == '\n' && !runs_over_ron {
                        let rest = &text[cur.byte + 1..];
                        let end = rest.find(['\n', '"']).unwrap_or(rest.len());
                        runs_over_ron = looks_like_ron(&rest[..end]);
                    }
                    cur.bump();
                }
            }
            let raw = &text[body..cur.byte];
            let terminated = cur.bump().is_some();
            if bad_string.is_none() && (!terminated || runs_over_ron) {
                bad_string = Some(QuotedString {
                    start: pos,
                    end: cur.pos(),
                    terminated,
                });
            }
            Tok::Str(if escaped {
                Cow::Owned(unescape(raw))
            } else {
                Cow::Borrowed(raw)
            })
        } else if (c == 'r' || c == 'b')
            && let Some((skip, hashes)) = cur.raw_string_start()
        {
            cur.bump_n(skip);
            let body = cur.byte;
            let mut end = text.len();
            while let Some(c) = cur.peek(0) {
                if c == '"' && (1..=hashes).all(|k| cur.byte_at(k) == Some(b'#')) {
                    end = cur.byte;
                    cur.bump_n(1 + hashes);
                    break;
                }
                cur.bump();
            }
            Tok::Str(Cow::Borrowed(&text[body..end]))
        } else if c == '\'' {
            // A char literal: 'x' or '\''.
            cur.bump();
            if cur.peek(0) == Some('\\') {
                cur.bump_n(2);
            } else {
                cur.bump();
            }
            while cur.peek(0).is_some_and(|c| c != '\'' && c != '\n') {
                cur.bump();
            }
            cur.bump();
            Tok::Other
        } else if c.is_alphabetic() || c == '_' {
            if c == 'r' && next == Some('#') {
                cur.bump_n(2);
            }
            let name = cur.byte;
            while cur.peek(0).is_some_and(|c| c.is_alphanumeric() || c == '_') {
                cur.bump();
            }
            Tok::Ident(&text[name..cur.byte])
        } else {
            let tok = match c {
                '(' | '[' | '{' => Tok::Open(c),
                ')' | ']' | '}' => Tok::Close(c),
                ':' => Tok::Colon,
                ',' => Tok::Comma,
                '#' => Tok::Hash,
                _ => Tok::Other,
            };
            if tok == Tok::Other {
                // A number or other literal: take the whole run.
                while cur
                    .peek(0)
                    .is_some_and(|c| !c.is_whitespace() && !"()[]{}:,\"".contains(c))
                {
                    cur.bump();
                }
            } else {
                cur.bump();
            }
            tok
        };
        let more = emit(Token {
            tok,
            pos,
            bytes: (start, cur.byte),
        });
        if !more {
            break;
        }
    }
    bad_string
}

/// A string's contents with its escapes resolved as the scanner reads them (`\n`, `\t`,
/// and any other character as itself).
fn unescape(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut chars = raw.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            if let Some(e) = chars.next() {
                out.push(match e {
                    'n' => '\n',
                    't' => '\t',
                    other => other,
                });
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// A mistake in a deck's structure that makes it unreadable, found where it starts
/// rather than where the parser gave up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Structural {
    /// A string whose closing quote is missing: the text ends inside it, or it runs on
    /// over lines that look like RON until another string's quote closes it at `closed`.
    UnterminatedString {
        /// The opening quote.
        start: Pos,
        /// Where the parser's reading of it ends (`None`: at the end of the file).
        closed: Option<Pos>,
    },
    /// A bracket that is never closed.
    Unclosed {
        /// `(`, `[` or `{`.
        open: char,
        /// Where it is.
        at: Pos,
        /// The closing bracket met while it was still open, if any (else the file ends).
        found: Option<(char, Pos)>,
    },
    /// A closing bracket with nothing open.
    Unopened {
        /// `)`, `]` or `}`.
        close: char,
        /// Where it is.
        at: Pos,
    },
}

impl Structural {
    /// Where the mistake starts.
    pub(crate) fn pos(&self) -> Pos {
        match self {
            Structural::UnterminatedString { start, .. } => *start,
            Structural::Unclosed { at, .. } | Structural::Unopened { at, .. } => *at,
        }
    }

    /// The same mistake, found in a part of a file that starts `lines` lines down: its
    /// places as the file's.
    pub(crate) fn lines_down(self, lines: usize) -> Self {
        let down = |p: Pos| Pos {
            line: p.line + lines,
            column: p.column,
        };
        match self {
            Structural::UnterminatedString { start, closed } => Structural::UnterminatedString {
                start: down(start),
                closed: closed.map(down),
            },
            Structural::Unclosed { open, at, found } => Structural::Unclosed {
                open,
                at: down(at),
                found: found.map(|(c, p)| (c, down(p))),
            },
            Structural::Unopened { close, at } => Structural::Unopened {
                close,
                at: down(at),
            },
        }
    }
}

/// The whole number given to the deck's field `field` (at the top level, wherever it is
/// in the deck), if the text has one. One pass, stopping at the field's value.
pub(crate) fn top_level_number(text: &str, field: &str) -> Option<u64> {
    let mut depth = 0usize;
    let mut named = false;
    let mut colon = false;
    let mut found = None;
    tokenize_each(text, |t| {
        // `field`, `:`, a number, one after the other at the deck's level.
        match t.tok {
            Tok::Ident(name) => {
                named = depth == 1 && name == field;
                colon = false;
            }
            Tok::Colon => {
                colon = named;
                named = false;
            }
            Tok::Other if colon => {
                found = text[t.bytes.0..t.bytes.1].parse().ok();
                return false;
            }
            Tok::Open(_) => depth += 1,
            Tok::Close(_) => depth = depth.saturating_sub(1),
            _ => {}
        }
        if !matches!(t.tok, Tok::Ident(_) | Tok::Colon) {
            named = false;
            colon = false;
        }
        true
    });
    found
}

/// The first structural mistake in `text`, if any: an unterminated string, then a bracket
/// never closed (the innermost) or closed by the wrong kind, or a closing bracket with
/// nothing open. Comments, raw strings and char literals are skipped.
pub(crate) fn structural_problem(text: &str) -> Option<Structural> {
    // The tokens are looked at as they come, never kept: memory stays bounded however
    // long the text is. Nesting deeper than the parser accepts is its error, not ours,
    // so the stack stops there too.
    let mut stack: Vec<(char, Pos)> = Vec::new();
    let mut bracket: Option<Structural> = None;
    let mut too_deep = false;
    let bad_string = tokenize_each(text, |t| {
        if bracket.is_some() || too_deep {
            return true;
        }
        match t.tok {
            Tok::Open(c) => {
                if stack.len() > MAX_DEPTH {
                    too_deep = true;
                } else {
                    stack.push((c, t.pos));
                }
            }
            Tok::Close(c) => match stack.last() {
                Some(&(open, _)) if closing(open) == c => {
                    stack.pop();
                }
                Some(&(open, at)) => {
                    bracket = Some(Structural::Unclosed {
                        open,
                        at,
                        found: Some((c, t.pos)),
                    });
                }
                None => {
                    bracket = Some(Structural::Unopened {
                        close: c,
                        at: t.pos,
                    });
                }
            },
            _ => {}
        }
        true
    });
    if let Some(s) = bad_string {
        return Some(Structural::UnterminatedString {
            start: s.start,
            closed: s.terminated.then_some(s.end),
        });
    }
    if bracket.is_some() || too_deep {
        return bracket;
    }
    stack.pop().map(|(open, at)| Structural::Unclosed {
        open,
        at,
        found: None,
    })
}

/// The bracket that closes `open`.
fn closing(open: char) -> char {
    match open {
        '(' => ')',
        '[' => ']',
        _ => '}',
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pos(line: usize, column: usize) -> Pos {
        Pos { line, column }
    }

    #[test]
    fn structural_problems_are_found_where_they_start() {
        use Structural as S;
        let ok = "// a (comment [\nDeck(title: \"a ( \\\" [\", x: r#\"raw \" ) \"#, c: '(', n: [1, 2], /* ) */)";
        assert_eq!(structural_problem(ok), None);
        // A prose string over several lines is fine.
        let prose = "Deck(note: \"first line\nsecond line: more\n\")";
        assert_eq!(structural_problem(prose), None);
        // The file ends inside a string.
        assert_eq!(
            structural_problem("Deck(\n  title: \"open"),
            Some(S::UnterminatedString {
                start: pos(2, 10),
                closed: None
            })
        );
        // A missing quote swallows lines of RON until the next quote.
        let runs = "Deck(\n  title: \"Syntax,\n  cards: [\n    Card(id: \"a\"),\n  ],\n)";
        assert_eq!(
            structural_problem(runs),
            Some(S::UnterminatedString {
                start: pos(2, 10),
                closed: Some(pos(4, 15))
            })
        );
        // The final `)` missing: the `(` that is never closed.
        assert_eq!(
            structural_problem("Deck(\n  cards: [\n    Card(id: \"a\"),\n  ],\n"),
            Some(S::Unclosed {
                open: '(',
                at: pos(1, 5),
                found: None
            })
        );
        // A card's `)` missing: found when a `]` comes while it is open.
        let card = "Deck(cards: [\n  Card(id: \"a\",\n  Card(id: \"b\"),\n])";
        assert_eq!(
            structural_problem(card),
            Some(S::Unclosed {
                open: '(',
                at: pos(2, 7),
                found: Some((']', pos(4, 1)))
            })
        );
        assert_eq!(
            structural_problem("Deck())"),
            Some(S::Unopened {
                close: ')',
                at: pos(1, 7)
            })
        );
    }

    const TEXT: &str = r#"// comment
Deck(
    format: 1,
    sources: { "rel": Source(title: "R"), },
    cards: [
        Card(id: "a", kind: Basic(front: "x", back: "y")),
        Card(
            id: "b", /* c */ source: Some(Ref(doc: "rel")),
            kind: Match(prompt: "p", pairs: [("l", "r"), ("m", "s")]),
        ),
    ],
)"#;

    #[test]
    fn records_paths_of_values() {
        let idx = SpanIndex::build(TEXT).unwrap();
        assert_eq!(idx.get(""), Some(Pos { line: 2, column: 1 }));
        assert_eq!(
            idx.get("format"),
            Some(Pos {
                line: 3,
                column: 13
            })
        );
        assert_eq!(
            idx.get("sources.rel"),
            Some(Pos {
                line: 4,
                column: 16
            })
        );
        assert_eq!(idx.get("cards[0]"), Some(Pos { line: 6, column: 9 }));
        assert_eq!(
            idx.get("cards[0].id"),
            Some(Pos {
                line: 6,
                column: 18
            })
        );
        assert_eq!(
            idx.get("cards[0].kind.back"),
            Some(Pos {
                line: 6,
                column: 53
            })
        );
        assert_eq!(
            idx.get("cards[1].id"),
            Some(Pos {
                line: 8,
                column: 17
            })
        );
        assert_eq!(
            idx.get("cards[1].source.doc"),
            Some(Pos {
                line: 8,
                column: 52
            })
        );
        assert_eq!(
            idx.get("cards[1].kind.pairs[1][1]"),
            Some(Pos {
                line: 9,
                column: 64
            })
        );
    }

    #[test]
    fn an_index_for_some_paths_agrees_with_the_full_index() {
        let text = format!(
            "#![enable(implicit_some)]\n{}",
            TEXT.replace("\"rel\": Source", "\"r\\\"el\": Source, r#\"raw\"#: Source")
        );
        let full = SpanIndex::build(&text).unwrap();
        assert!(full.get("sources.r\"el").is_some(), "{:?}", full.positions);
        assert!(full.get("sources.raw").is_some(), "{:?}", full.positions);
        for (path, pos) in &full.positions {
            let some = SpanIndex::build_for(&text, [path.as_str()]).unwrap();
            assert_eq!(some.get(path), Some(*pos), "{path}");
            // Only the path and its ancestors are kept.
            assert!(some.positions.len() <= path.matches(['.', '[']).count() + 2);
        }
    }

    #[test]
    fn the_scan_stops_once_every_wanted_path_is_found() {
        // Whatever follows the first card (here nesting past the limit) is never read.
        let text = format!(
            "Deck(cards: [Card(id: \"a\"), {}])",
            "[".repeat(10 * MAX_DEPTH)
        );
        assert!(SpanIndex::build(&text).is_err());
        let idx = SpanIndex::build_for(&text, ["cards[0].id"]).unwrap();
        assert_eq!(
            idx.get("cards[0].id"),
            Some(Pos {
                line: 1,
                column: 23
            })
        );
    }

    #[test]
    fn find_falls_back_to_ancestors() {
        let idx = SpanIndex::build(TEXT).unwrap();
        assert_eq!(
            idx.find("cards[0].kind.reverse"),
            idx.get("cards[0].kind").unwrap()
        );
        assert_eq!(idx.find("nothing[9]"), Pos { line: 2, column: 1 });
    }

    #[test]
    fn deep_nesting_is_refused_without_recursion() {
        let text = "[".repeat(100_000);
        assert!(SpanIndex::build(&text).is_err());
    }

    #[test]
    fn structural_problems_past_the_depth_limit_are_left_to_the_parser() {
        // Millions of brackets: no stack of them is kept (the parser refuses the depth).
        let deep = "[".repeat(1_000_000);
        assert_eq!(structural_problem(&deep), None);
        // An unterminated string is still found, wherever it is.
        let text = format!("{deep}\"open");
        assert!(matches!(
            structural_problem(&text),
            Some(Structural::UnterminatedString { .. })
        ));
        // Within the limit, an unclosed bracket is still reported where it opens.
        let shallow = format!("{}x", "[".repeat(MAX_DEPTH));
        assert!(matches!(
            structural_problem(&shallow),
            Some(Structural::Unclosed { found: None, .. })
        ));
    }

    #[test]
    fn strange_input_never_panics() {
        for text in [
            "", "\"", "r#\"", "'", "/*", "((((", "))))", "{:}", "#", "b", "é:(", "r",
        ] {
            let _ = SpanIndex::build(text);
        }
    }
}
