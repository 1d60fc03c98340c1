//! Source positions for RON values.
//!
//! serde does not keep positions, so once a deck has parsed, this small structural
//! scanner walks the same text and records where every value starts, keyed by a path such
//! as `cards[3].kind.distractors[1]` or `sources.relations`. Validation reports problems by
//! path and the reporter turns the path into `line:column`.
//!
//! The scanner is iterative (an explicit stack, no recursion) and stops at
//! [`MAX_DEPTH`], so hostile nesting cannot overflow the stack.

use std::collections::HashMap;

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
    pub fn build(text: &str) -> Result<SpanIndex, TooDeep> {
        Self::scan(text, None)
    }

    /// Scans `text` and records the start of the values at `paths` and their ancestors
    /// only (what [`SpanIndex::find`] of those paths needs): the index of a large deck with
    /// a few problems stays small.
    pub(crate) fn build_for<'p>(
        text: &str,
        paths: impl IntoIterator<Item = &'p str>,
    ) -> Result<SpanIndex, TooDeep> {
        let mut wanted = std::collections::HashSet::new();
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

    fn scan(
        text: &str,
        wanted: Option<&std::collections::HashSet<&str>>,
    ) -> Result<SpanIndex, TooDeep> {
        let tokens = tokenize(text);
        let mut index = SpanIndex::default();
        let mut stack: Vec<Frame> = Vec::new();
        let mut i = 0;
        // Skip inner attributes such as `#![enable(implicit_some)]`.
        while i < tokens.len() && tokens[i].tok == Tok::Hash {
            let mut depth = 0usize;
            i += 1;
            while i < tokens.len() {
                match tokens[i].tok {
                    Tok::Open(_) => depth += 1,
                    Tok::Close(_) => {
                        depth = depth.saturating_sub(1);
                        if depth == 0 {
                            i += 1;
                            break;
                        }
                    }
                    _ => {}
                }
                i += 1;
            }
        }
        let mut root_done = false;
        while i < tokens.len() {
            let t = &tokens[i];
            match &t.tok {
                Tok::Ident(name)
                    if matches!(tokens.get(i + 1).map(|t| &t.tok), Some(Tok::Colon))
                        && matches!(stack.last(), Some(f) if f.bracket == '(') =>
                {
                    if let Some(f) = stack.last_mut() {
                        f.pending_field = Some(name.clone());
                    }
                    i += 2;
                    continue;
                }
                Tok::Comma => {
                    if let Some(f) = stack.last_mut() {
                        f.expect_key = f.bracket == '{';
                        f.pending_field = None;
                    }
                }
                Tok::Colon => {
                    if let Some(f) = stack.last_mut() {
                        f.expect_key = false;
                    }
                }
                Tok::Close(_) => {
                    stack.pop();
                }
                Tok::Hash => {}
                _ => {
                    // The start of a value (or of a map key).
                    let path = match stack.last_mut() {
                        None => {
                            if root_done {
                                i += 1;
                                continue;
                            }
                            root_done = true;
                            String::new()
                        }
                        Some(f) => f.child_path(&t.tok),
                    };
                    if wanted.is_none_or(|w| w.contains(path.as_str())) {
                        index.positions.entry(path.clone()).or_insert(t.pos);
                    }
                    let mut opener = None;
                    match &t.tok {
                        Tok::Ident(name) => {
                            if let Some(Tok::Open(b)) = tokens.get(i + 1).map(|t| &t.tok) {
                                // `Some(x)` is transparent: x keeps the path of the field.
                                let transparent = name == "Some" && *b == '(';
                                opener = Some((*b, transparent));
                                i += 1;
                            }
                        }
                        Tok::Open(b) => opener = Some((*b, false)),
                        _ => {}
                    }
                    if let Some((bracket, transparent)) = opener {
                        if stack.len() >= MAX_DEPTH {
                            return Err(TooDeep(tokens[i].pos));
                        }
                        stack.push(Frame {
                            bracket,
                            path,
                            index: 0,
                            pending_field: None,
                            expect_key: bracket == '{',
                            transparent,
                        });
                    }
                }
            }
            i += 1;
        }
        Ok(index)
    }

    /// The position of the value at `path`, or of its nearest recorded ancestor.
    pub fn find(&self, path: &str) -> Pos {
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
    pub fn get(&self, path: &str) -> Option<Pos> {
        self.positions.get(path).copied()
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

struct Frame {
    bracket: char,
    path: String,
    index: usize,
    pending_field: Option<String>,
    expect_key: bool,
    transparent: bool,
}

impl Frame {
    fn child_path(&mut self, tok: &Tok) -> String {
        if self.transparent {
            return self.path.clone();
        }
        let join = |name: &str| {
            if self.path.is_empty() {
                name.to_owned()
            } else {
                format!("{}.{}", self.path, name)
            }
        };
        match self.bracket {
            '(' => match self.pending_field.take() {
                Some(name) => join(&name),
                None => {
                    self.index += 1;
                    format!("{}[{}]", self.path, self.index - 1)
                }
            },
            '{' => {
                if self.expect_key {
                    let key = match tok {
                        Tok::Str(s) => s.clone(),
                        Tok::Ident(s) => s.clone(),
                        _ => String::from("?"),
                    };
                    self.pending_field = Some(key.clone());
                    join(&key)
                } else {
                    match self.pending_field.take() {
                        Some(key) => join(&key),
                        None => join("?"),
                    }
                }
            }
            _ => {
                self.index += 1;
                format!("{}[{}]", self.path, self.index - 1)
            }
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    Open(char),
    Close(char),
    Colon,
    Comma,
    Hash,
    Ident(String),
    Str(String),
    Other,
}

pub(crate) struct Token {
    pub(crate) tok: Tok,
    pos: Pos,
    /// Byte offsets of the token in the text (start, end).
    pub(crate) bytes: (usize, usize),
}

/// A double-quoted string as the tokenizer met it, for [`structural_problem`].
struct QuotedString {
    /// Where its opening quote is.
    start: Pos,
    /// Where it ended (after its closing quote, or at the end of the text).
    end: Pos,
    /// False when the text ended inside it.
    terminated: bool,
    /// Its text holds a line break (not an escaped `\n`) followed by a line that looks
    /// like RON (`name:` or `Name(` at its start): a closing quote is probably missing.
    runs_over_ron: bool,
}

/// Splits RON text into the tokens the scanner needs, skipping comments. Never fails:
/// anything unexpected becomes `Other`.
pub(crate) fn tokenize(text: &str) -> Vec<Token> {
    tokenize_with_strings(text).0
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

/// [`tokenize`], also describing every double-quoted string.
fn tokenize_with_strings(text: &str) -> (Vec<Token>, Vec<QuotedString>) {
    let mut out = Vec::new();
    let strings = tokenize_each(text, |t| out.push(t));
    (out, strings)
}

/// The tokens of `text`, each handed to `emit` in order (none kept), and every
/// double-quoted string.
fn tokenize_each(text: &str, mut emit: impl FnMut(Token)) -> Vec<QuotedString> {
    let chars: Vec<char> = text.chars().collect();
    let mut strings = Vec::new();
    let (mut i, mut line, mut col) = (0usize, 1usize, 1usize);
    let mut byte = 0usize;
    // Advance over `n` characters, keeping line, column and byte offset.
    macro_rules! bump {
        ($n:expr) => {
            for _ in 0..$n {
                if i < chars.len() {
                    byte += chars[i].len_utf8();
                    if chars[i] == '\n' {
                        line += 1;
                        col = 1;
                    } else {
                        col += 1;
                    }
                    i += 1;
                }
            }
        };
    }
    while i < chars.len() {
        let c = chars[i];
        let pos = Pos { line, column: col };
        let start = byte;
        let next = chars.get(i + 1).copied();
        if c.is_whitespace() {
            bump!(1);
        } else if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                bump!(1);
            }
        } else if c == '/' && next == Some('*') {
            let mut depth = 0usize;
            while i < chars.len() {
                if chars[i] == '/' && chars.get(i + 1) == Some(&'*') {
                    depth += 1;
                    bump!(2);
                } else if chars[i] == '*' && chars.get(i + 1) == Some(&'/') {
                    bump!(2);
                    depth -= 1;
                    if depth == 0 {
                        break;
                    }
                } else {
                    bump!(1);
                }
            }
        } else if c == '"' || (c == 'b' && next == Some('"')) {
            if c == 'b' {
                bump!(1);
            }
            bump!(1);
            let mut s = String::new();
            let mut runs_over_ron = false;
            while i < chars.len() && chars[i] != '"' {
                if chars[i] == '\\' {
                    if let Some(&e) = chars.get(i + 1) {
                        s.push(match e {
                            'n' => '\n',
                            't' => '\t',
                            other => other,
                        });
                    }
                    bump!(2);
                } else {
                    if chars[i] == '\n' && !runs_over_ron {
                        let rest: String = chars[i + 1..]
                            .iter()
                            .take_while(|&&c| c != '\n' && c != '"')
                            .collect();
                        runs_over_ron = looks_like_ron(&rest);
                    }
                    s.push(chars[i]);
                    bump!(1);
                }
            }
            let terminated = i < chars.len();
            bump!(1);
            strings.push(QuotedString {
                start: pos,
                end: Pos { line, column: col },
                terminated,
                runs_over_ron,
            });
            emit(Token {
                tok: Tok::Str(s),
                pos,
                bytes: (start, byte),
            });
        } else if (c == 'r' || c == 'b')
            && (next == Some('#') || next == Some('"') || (c == 'b' && next == Some('r')))
            && raw_string_start(&chars, i).is_some()
        {
            let (skip, hashes) = raw_string_start(&chars, i).unwrap_or((1, 0));
            bump!(skip);
            let mut s = String::new();
            while i < chars.len() {
                if chars[i] == '"' && (1..=hashes).all(|k| chars.get(i + k) == Some(&'#')) {
                    bump!(1 + hashes);
                    break;
                }
                s.push(chars[i]);
                bump!(1);
            }
            emit(Token {
                tok: Tok::Str(s),
                pos,
                bytes: (start, byte),
            });
        } else if c == '\'' {
            // A char literal: 'x' or '\''.
            bump!(1);
            if chars.get(i) == Some(&'\\') {
                bump!(2);
            } else {
                bump!(1);
            }
            while i < chars.len() && chars[i] != '\'' && chars[i] != '\n' {
                bump!(1);
            }
            bump!(1);
            emit(Token {
                tok: Tok::Other,
                pos,
                bytes: (start, byte),
            });
        } else if c.is_alphabetic() || c == '_' {
            let mut s = String::new();
            if c == 'r' && next == Some('#') {
                bump!(2);
            }
            while i < chars.len() && (chars[i].is_alphanumeric() || chars[i] == '_') {
                s.push(chars[i]);
                bump!(1);
            }
            emit(Token {
                tok: Tok::Ident(s),
                pos,
                bytes: (start, byte),
            });
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
                while i < chars.len()
                    && !chars[i].is_whitespace()
                    && !"()[]{}:,\"".contains(chars[i])
                {
                    bump!(1);
                }
            } else {
                bump!(1);
            }
            emit(Token {
                tok,
                pos,
                bytes: (start, byte),
            });
        }
    }
    strings
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
    pub fn pos(&self) -> Pos {
        match self {
            Structural::UnterminatedString { start, .. } => *start,
            Structural::Unclosed { at, .. } | Structural::Unopened { at, .. } => *at,
        }
    }
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
    let strings = tokenize_each(text, |t| {
        if bracket.is_some() || too_deep {
            return;
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
    });
    if let Some(s) = strings.iter().find(|s| !s.terminated || s.runs_over_ron) {
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

/// If a raw string (`r"…"`, `r#"…"#`, `br"…"`) starts at `i`, how many characters its
/// opening takes and how many `#` it uses.
fn raw_string_start(chars: &[char], i: usize) -> Option<(usize, usize)> {
    let mut j = i;
    if chars.get(j) == Some(&'b') {
        j += 1;
    }
    if chars.get(j) != Some(&'r') {
        return None;
    }
    j += 1;
    let mut hashes = 0;
    while chars.get(j) == Some(&'#') {
        hashes += 1;
        j += 1;
    }
    if chars.get(j) == Some(&'"') {
        Some((j + 1 - i, hashes))
    } else {
        None
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
