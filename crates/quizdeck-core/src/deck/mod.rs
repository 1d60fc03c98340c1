//! Decks: the RON file format, loading in two stages (raw serde types, then
//! [`validate`](validate::validate) into the checked [`Deck`] model), diagnostics with file,
//! line and column, and writing a deck back to RON.
//!
//! ```
//! let text = r#"Deck(format: 1, id: "demo", title: "Demo", cards: [
//!     Card(id: "riga", kind: TypeIn(question: "Capital of Latvia?", answers: ["Riga"])),
//! ])"#;
//! let checked = quizdeck_core::deck::check_text(text, "demo.ron", None);
//! let deck = checked.deck.expect("valid");
//! assert_eq!(deck.items().len(), 1);
//! ```

pub mod bundled;
pub mod cache;
pub mod diag;
pub mod edit;
pub mod fast;
pub(crate) mod model;
pub mod raw;
mod recover;
pub(crate) mod span;
mod syntax;
pub mod validate;
pub mod write;

pub use diag::{Diagnostic, Severity, Wording};
pub use model::{
    Card, CardIndex, CardKind, Cloze, ClozeGap, ClozeSegment, Deck, ITEM_BYTES, ItemAnswer,
    KindName, LocateVerdict, Region, Shape, Source, SourceRef, check_locate,
};
pub(crate) use raw::FORMAT_VERSION;

use crate::message::Message;
use crate::text::strings;
use raw::{RawCard, RawDeck, RawKind, RawRef, RawSource};
use span::SpanIndex;
use std::path::{Path, PathBuf};
use validate::Keep;

/// Largest deck file accepted, in bytes (64 MiB).
pub(crate) const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
/// Longest single text accepted (a front, a note, a cloze text…), in bytes (64 KiB): far
/// beyond any card, and small enough to show without freezing the window.
pub const MAX_TEXT_BYTES: usize = 64 * 1024;

/// The most memory a deck's cards may take once loaded for study, by
/// [`Card::memory_bytes`] (which counts each study item's share of the queue too): 128
/// MiB, above any real deck (the 55 MB deck of 128,000 cards of the performance benches
/// counts 124 MiB) and low enough that the app opening and studying a deck at the limit
/// stays within 300 MB (see `docs/reliability.md`, "Fifth pass"). A deck of a million tiny
/// cards, of lists of one-letter entries or of clozes of many one-letter gaps fits in 64
/// MiB of text but would take several times that in memory: it is refused
/// (`deck-too-large`) at the card that passes the limit.
pub const MAX_DECK_MEMORY: usize = 128 << 20;
/// Most entries in one list of a card (tags, answers, distractors, also-correct options,
/// Order items, Match pairs): far beyond any card, and it bounds what one card holds (a
/// card of millions of answers held hundreds of megabytes while it was checked).
pub const MAX_LIST_ITEMS: usize = 10_000;

/// Errors of the deck area.
#[derive(Debug, thiserror::Error)]
pub enum DeckError {
    /// The deck has errors; every problem found is listed, warnings included.
    #[error("{}", self.message())]
    Invalid {
        /// The file as named by the caller.
        file: String,
        /// Every problem found.
        diagnostics: Vec<Diagnostic>,
    },
    /// Reading or writing a file failed.
    #[error("{}", self.message())]
    Io {
        /// What was being done ("read", "write", "list").
        action: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
}

crate::durable::file_error_into!(DeckError);

impl DeckError {
    /// What went wrong, as a message for any language.
    pub fn message(&self) -> Message {
        match self {
            DeckError::Invalid { file, diagnostics } => Message::new("deck-invalid")
                .arg("file", file)
                .arg("n", diag::tally(diagnostics).0),
            DeckError::Io {
                action,
                path,
                source,
            } => crate::message::io_error(action, path, source),
        }
    }
}

/// Result alias of the deck area.
pub type Result<T, E = DeckError> = std::result::Result<T, E>;

/// The outcome of checking one deck file: the deck if it has no errors, and every
/// diagnostic found.
#[derive(Debug, Clone)]
pub struct Checked {
    /// The file as named by the caller.
    pub file: String,
    /// The deck, when there are no errors.
    pub deck: Option<Deck>,
    /// Errors and warnings, in file order.
    pub diagnostics: Vec<Diagnostic>,
    /// The file's text (for rendering snippets); empty when it could not be read.
    pub text: String,
    /// What the deck holds, from [`check_file_summary`] (which keeps no cards); `None`
    /// from the other checks (the deck is there) and when the deck has errors.
    pub summary: Option<DeckSummary>,
}

/// What a valid deck holds, for listing it without keeping its cards.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckSummary {
    /// The deck's id.
    pub id: crate::ids::DeckId,
    /// The deck's title.
    pub title: String,
    /// The deck's version (raised by its author with each fix).
    pub version: u32,
    /// Number of cards.
    pub cards: usize,
    /// Number of study items.
    pub items: usize,
    /// The kinds the deck uses, each once, in [`KindName::ALL`] order.
    pub kinds: Vec<KindName>,
    /// The pictures its cards show (paths relative to the deck's file), each once, sorted.
    pub pictures: Vec<String>,
}

impl DeckSummary {
    /// The summary of a deck.
    pub fn of(deck: &Deck) -> DeckSummary {
        DeckSummary {
            id: deck.id.clone(),
            title: deck.title.clone(),
            version: deck.version,
            cards: deck.cards.len(),
            items: deck.item_count(),
            kinds: deck.kinds_used(),
            pictures: (deck.cards.iter().filter_map(|c| c.image.as_deref()))
                .map(str::to_owned)
                .collect::<std::collections::BTreeSet<_>>()
                .into_iter()
                .collect(),
        }
    }
}

impl Checked {
    /// True when there is at least one error.
    pub fn has_errors(&self) -> bool {
        self.diagnostics.iter().any(Diagnostic::is_error)
    }

    /// Every diagnostic rendered compiler-style, with source snippets.
    pub fn render(&self) -> String {
        self.render_worded(&diag::ENGLISH)
    }

    /// [`Checked::render`] in the words of `w` (the interface's language).
    pub fn render_worded(&self, w: &diag::Wording<'_>) -> String {
        let lines = diag::LineIndex::new(&self.text);
        self.diagnostics
            .iter()
            .map(|d| d.render_worded(&lines, w))
            .collect::<Vec<_>>()
            .join("\n")
    }

    /// The deck, or [`DeckError::Invalid`] with every diagnostic.
    pub fn into_result(self) -> Result<Deck> {
        match self.deck {
            Some(d) => Ok(d),
            None => Err(DeckError::Invalid {
                file: self.file,
                diagnostics: self.diagnostics,
            }),
        }
    }
}

fn diagnostic(
    file: &str,
    severity: Severity,
    code: &'static str,
    line: usize,
    column: usize,
    message: Message,
    hint: Option<Message>,
) -> Diagnostic {
    Diagnostic {
        severity,
        code,
        file: file.to_owned(),
        line,
        column,
        message,
        hint,
    }
}

/// Warns on `c` when its deck's id was already used by a file checked before it (`seen`:
/// id → file) or by a bundled deck (`bundled`: id → text; a file identical to the bundled
/// deck is its source, not a rival): the library would use only one of them. Records the
/// id in `seen`.
pub fn warn_duplicate_id(
    c: &mut Checked,
    seen: &mut std::collections::HashMap<String, String>,
    bundled: &std::collections::HashMap<String, String>,
) {
    let id = (c.deck.as_ref().map(|d| &d.id))
        .or_else(|| c.summary.as_ref().map(|s| &s.id))
        .map(|id| id.as_str().to_owned());
    let Some(id) = id else {
        return;
    };
    let message = match seen.get(&id) {
        Some(first) => Message::new("deck-duplicate-id")
            .arg("id", &id)
            .arg("file", first),
        None if bundled.get(&id).is_some_and(|text| *text != c.text) => {
            Message::new("deck-bundled-id").arg("id", &id)
        }
        None => {
            seen.insert(id, c.file.clone());
            return;
        }
    };
    let pos = SpanIndex::build_for(&c.text, ["id"])
        .map(|s| s.find("id"))
        .unwrap_or(span::Pos { line: 1, column: 1 });
    let d = diagnostic(
        &c.file,
        Severity::Warning,
        "duplicate-deck-id",
        pos.line,
        pos.column,
        message,
        Some(Message::new("deck-duplicate-id-hint")),
    );
    let at = c
        .diagnostics
        .partition_point(|x| x.code != "more-problems" && (x.line, x.column) <= (d.line, d.column));
    c.diagnostics.insert(at, d);
}

/// Reads and checks a deck file. Never fails: I/O problems, oversize files and invalid
/// UTF-8 become diagnostics too. Image paths are checked against the file's folder.
pub fn check_file(path: &Path) -> Checked {
    check_path(path, Keep::Cards)
}

/// [`check_file`] without keeping the cards: [`Checked::deck`] is `None` and
/// [`Checked::summary`] says what a valid deck holds. Checking a large deck this way holds
/// its text and a few dozen bytes a card (what `quizdeck check` and `list` need).
pub fn check_file_summary(path: &Path) -> Checked {
    check_path(path, Keep::Summary)
}

fn check_path(path: &Path, keep: Keep) -> Checked {
    let file = path.display().to_string();
    let fail = |code, message: Message, hint: Message, line, column| Checked {
        file: file.clone(),
        deck: None,
        diagnostics: vec![diagnostic(
            &file,
            Severity::Error,
            code,
            line,
            column,
            message,
            Some(hint),
        )],
        text: String::new(),
        summary: None,
    };
    let bytes = match crate::input::read_regular(path, MAX_FILE_BYTES) {
        Ok(Ok(b)) => b,
        Ok(Err(too_large)) => {
            return fail(
                "too-large",
                Message::new("deck-file-too-large")
                    .arg("size", too_large.size / (1024 * 1024))
                    .arg("limit", MAX_FILE_BYTES / (1024 * 1024)),
                Message::new("deck-split-hint"),
                1,
                1,
            );
        }
        Err(e) => {
            let hint = if crate::input::is_wrong_type(&e) {
                "deck-wrong-type-hint"
            } else {
                "deck-check-path-hint"
            };
            let message = Message::new("deck-unreadable").arg("error", e.to_string());
            return fail("io", message, Message::new(hint), 1, 1);
        }
    };
    match deck_text(bytes) {
        Ok(text) => check_owned(std::borrow::Cow::Owned(text), &file, path.parent(), keep),
        Err((message, line, column)) => fail(
            "not-utf8",
            message,
            Message::new("deck-not-utf8-hint"),
            line,
            column,
        ),
    }
}

/// A deck file's text: UTF-8, or UTF-16 (Windows Notepad's "Unicode", with or without a
/// byte-order mark) made UTF-8. Otherwise what is wrong and where (line, column).
pub(crate) fn deck_text(bytes: Vec<u8>) -> std::result::Result<String, (Message, usize, usize)> {
    match crate::input::utf16_text(&bytes) {
        Some(Ok(text)) => return Ok(text),
        Some(Err(_)) => return Err((Message::new("deck-utf16-damaged"), 1, 1)),
        None => {}
    }
    String::from_utf8(bytes).map_err(|e| {
        let valid = &e.as_bytes()[..e.utf8_error().valid_up_to()];
        let valid = std::str::from_utf8(valid).unwrap_or_default();
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        (Message::new("deck-not-utf8"), line, column)
    })
}

fn ron_options() -> ron::Options {
    ron::Options::default()
        .with_default_extension(ron::extensions::Extensions::IMPLICIT_SOME)
        .with_recursion_limit(span::MAX_DEPTH)
}

/// Reads deck text into the raw types (stage one only, no validation): None when it does
/// not parse (then [`check_text`] says why). A byte-order mark must be removed first.
pub fn parse_raw(text: &str) -> Option<RawDeck> {
    match fast::parse(text) {
        Some(raw) => Some(raw),
        None => ron_options().from_str(text).ok(),
    }
}

/// Checks deck text. `file` names it in diagnostics; `base_dir` is its folder, for
/// checking image paths.
pub fn check_text(text: &str, file: &str, base_dir: Option<&Path>) -> Checked {
    check_owned(
        std::borrow::Cow::Borrowed(text),
        file,
        base_dir,
        Keep::Cards,
    )
}

/// [`check_text`] of a text it may own (kept in [`Checked::text`] without a copy),
/// keeping the cards or not.
fn check_owned(
    mut owned: std::borrow::Cow<'_, str>,
    file: &str,
    base_dir: Option<&Path>,
    keep: Keep,
) -> Checked {
    // Windows Notepad starts UTF-8 files with a byte-order mark; it is not part of the deck.
    if owned.starts_with('\u{feff}') {
        match &mut owned {
            std::borrow::Cow::Borrowed(t) => *t = &t['\u{feff}'.len_utf8()..],
            std::borrow::Cow::Owned(t) => {
                t.drain(..'\u{feff}'.len_utf8());
            }
        }
    }
    let (deck, diagnostics, summary) = check_str(&owned, file, base_dir, keep);
    let summary = match keep {
        Keep::Summary => summary.or_else(|| deck.as_ref().map(DeckSummary::of)),
        Keep::Cards => None,
    };
    Checked {
        file: file.to_owned(),
        deck: if keep == Keep::Cards { deck } else { None },
        diagnostics,
        text: owned.into_owned(),
        summary,
    }
}

/// What [`check_owned`] finds: the deck (with [`Keep::Cards`]), the diagnostics, and the
/// summary when the cards were not kept.
type Found = (Option<Deck>, Vec<Diagnostic>, Option<DeckSummary>);

fn check_str(text: &str, file: &str, base_dir: Option<&Path>, keep: Keep) -> Found {
    let done = |deck, diagnostics| (deck, diagnostics, None);
    if text.len() as u64 > MAX_FILE_BYTES {
        let d = diagnostic(
            file,
            Severity::Error,
            "too-large",
            1,
            1,
            Message::new("deck-text-too-large"),
            Some(Message::new("deck-split-hint")),
        );
        return done(None, vec![d]);
    }
    // The fast reader handles the plain RON decks are made of: the deck's fields, then its
    // cards one by one, each checked as it is read (the cards are never all held raw).
    // Anything else (and every error message) comes from `ron`.
    let mut fast_gave_up = false;
    let mut streamed = None;
    // The format it declares, checked before its cards when newer than this program (its
    // syntax may be what is new), after them when 0 (a syntax error says more).
    let mut declared = None;
    if let Some((head, cards_at)) = fast::head(text) {
        if head.format > FORMAT_VERSION {
            return done(
                None,
                format_problem(file, text, head.format)
                    .into_iter()
                    .collect(),
            );
        }
        declared = Some(head.format);
        match validate::validate_streamed(head, text, cards_at, base_dir, keep) {
            Ok(v) => streamed = Some(v),
            Err(fast::Unread::Outside) => fast_gave_up = true,
            // Fields after the cards: the fast reader reads the text whole below.
            Err(fast::Unread::FieldsAfter) => declared = None,
        }
    }
    if let Some(d) = declared
        .filter(|_| streamed.is_some())
        .and_then(|f| format_problem(file, text, f))
    {
        return done(None, vec![d]);
    }
    // Then the fast reader on the whole text (when its head did not read, or fields come
    // after the cards), and `ron`, which also hands over the cards one by one.
    let mut whole = None;
    if streamed.is_none() {
        let fast = if fast_gave_up {
            None
        } else {
            fast::parse(text)
        };
        match fast {
            Some(raw) => whole = Some(raw),
            None => match validate::validate_ron_streamed(text, &ron_options(), base_dir, keep) {
                Ok(Some((format, v))) => {
                    if let Some(d) = format_problem(file, text, format) {
                        return done(None, vec![d]);
                    }
                    streamed = Some(v);
                }
                // Its format or sources came after its cards: read whole below.
                Ok(None) => {}
                Err(e) => return done(None, syntax::syntax_diagnostics(file, text, &e)),
            },
        }
    }
    let (deck, issues, summary) = match streamed {
        Some(v) => (v.deck, v.issues, v.summary),
        None => {
            let raw = match whole.map_or_else(|| ron_options().from_str(text), Ok) {
                Ok(raw) => raw,
                Err(e) => return done(None, syntax::syntax_diagnostics(file, text, &e)),
            };
            if let Some(d) = format_problem(file, text, raw.format) {
                return done(None, vec![d]);
            }
            let (deck, issues) = validate::validate_owned(raw, base_dir);
            (deck, issues, None)
        }
    };
    if issues.is_empty() {
        return (deck, Vec::new(), summary);
    }
    let wanted = issues
        .iter()
        .flat_map(|i| std::iter::once(i.path.as_str()).chain(i.related.as_deref()));
    let spans = SpanIndex::build_for(text, wanted).unwrap_or_default();
    let mut diags: Vec<Diagnostic> = issues
        .into_iter()
        .map(|i| {
            let pos = spans.find(&i.path);
            let mut message = i.message;
            if let Some(rel) = &i.related {
                let p = spans.find(rel);
                message = Message::new("check-with-related")
                    .arg("message", message)
                    .arg("line", p.line.to_string())
                    .arg("column", p.column.to_string());
            }
            diagnostic(
                file, i.severity, i.code, pos.line, pos.column, message, i.hint,
            )
        })
        .collect();
    // The count of problems left out (see `validate`) stays last.
    diags.sort_by_key(|d| (d.code == "more-problems", d.line, d.column));
    (deck, diags, summary)
}

/// The error for a deck's declared `format`: newer than this program reads, or 0.
fn format_problem(file: &str, text: &str, format: u32) -> Option<Diagnostic> {
    let (code, message, hint) = if format > FORMAT_VERSION {
        (
            "newer-format",
            Message::new("deck-newer-format")
                .arg("format", format)
                .arg("supported", FORMAT_VERSION),
            Message::new("deck-newer-format-hint"),
        )
    } else if format == 0 {
        (
            "bad-format",
            Message::new("deck-format-zero"),
            Message::new("deck-format-zero-hint").arg("format", FORMAT_VERSION),
        )
    } else {
        return None;
    };
    let pos = format_pos(text);
    Some(diagnostic(
        file,
        Severity::Error,
        code,
        pos.line,
        pos.column,
        message,
        Some(hint),
    ))
}

/// Where the deck's `format` field is (line 1, column 1 if it cannot be found).
fn format_pos(text: &str) -> span::Pos {
    SpanIndex::build_for(text, ["format"])
        .map(|s| s.find("format"))
        .unwrap_or(span::Pos { line: 1, column: 1 })
}

/// Loads a deck file: the deck, or [`DeckError::Invalid`] with every problem.
pub fn load_file(path: &Path) -> Result<Deck> {
    check_file(path).into_result()
}

/// Loads deck text: the deck, or [`DeckError::Invalid`] with every problem.
pub fn load_str(text: &str, file: &str, base_dir: Option<&Path>) -> Result<Deck> {
    check_text(text, file, base_dir).into_result()
}

/// The deck files named by `paths`: files as they are, folders searched (recursively)
/// for `*.ron`, sorted.
pub fn discover(paths: &[PathBuf]) -> Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            walk(p, &mut out, 0)?;
        } else {
            out.push(p.clone());
        }
    }
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>, depth: usize) -> Result<()> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(crate::durable::io_err("list", dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    entries.sort();
    for p in entries {
        // Symlinked folders are not followed (no loops, no escaping the tree), nor hidden
        // ones (a deck being imported or unpacked is in a dot-folder until it is complete).
        let is_link = p
            .symlink_metadata()
            .is_ok_and(|m| m.file_type().is_symlink());
        let hidden = p
            .file_name()
            .is_some_and(|n| n.to_string_lossy().starts_with('.'));
        if p.is_dir() && !is_link && !hidden && depth < 16 {
            walk(&p, out, depth + 1)?;
        } else if p.extension().is_some_and(|e| e == "ron") && p.is_file() {
            out.push(p);
        }
    }
    Ok(())
}

/// The format a deck is written in: the lowest that holds its cards (see
/// [`raw::format_for`]).
pub(crate) fn format_of(d: &Deck) -> u32 {
    d.cards
        .iter()
        .map(|c| match &c.kind {
            CardKind::Locate {
                choice_prompt: Some(_),
                ..
            } => raw::CHOICE_PROMPT_FORMAT,
            CardKind::Locate { .. } => raw::LOCATE_FORMAT,
            _ => 1,
        })
        .max()
        .unwrap_or(1)
}

impl From<&Deck> for RawDeck {
    fn from(d: &Deck) -> Self {
        RawDeck {
            cards: d.cards.iter().map(RawCard::from).collect(),
            ..raw_head(d)
        }
    }
}

/// The deck's fields but its cards (none).
fn raw_head(d: &Deck) -> RawDeck {
    RawDeck {
        format: format_of(d),
        id: d.id.to_string(),
        title: d.title.clone(),
        description: d.description.clone(),
        language: d.language.clone(),
        authors: d.authors.clone(),
        version: d.version,
        sources: d
            .sources
            .iter()
            .map(|(k, s)| {
                (
                    k.clone(),
                    RawSource {
                        title: s.title.clone(),
                        url: s.url.clone(),
                    },
                )
            })
            .collect(),
        cards: Vec::new(),
    }
}

impl From<&Card> for RawCard {
    fn from(c: &Card) -> Self {
        RawCard {
            id: c.id.to_string(),
            tags: strings(&c.tags),
            source: c.source.as_ref().map(|r| RawRef {
                doc: r.doc.to_string(),
                section: r.section.to_string(),
            }),
            note: c.note.to_string(),
            // A Locate card's picture is written in its kind.
            image: match &c.kind {
                CardKind::Locate { .. } => String::new(),
                _ => c.image.as_deref().unwrap_or_default().to_owned(),
            },
            kind: match &c.kind {
                CardKind::Basic {
                    front,
                    back,
                    reverse,
                } => RawKind::Basic {
                    front: front.to_string(),
                    back: back.to_string(),
                    reverse: *reverse,
                },
                CardKind::Cloze(cl) => RawKind::Cloze {
                    text: cl.text.to_string(),
                },
                CardKind::TypeIn { question, answers } => RawKind::TypeIn {
                    question: question.to_string(),
                    answers: strings(answers),
                },
                CardKind::MultipleChoice {
                    question,
                    answer,
                    distractors,
                    also_correct,
                } => RawKind::MultipleChoice {
                    question: question.to_string(),
                    answer: answer.to_string(),
                    distractors: strings(distractors),
                    also_correct: strings(also_correct),
                },
                CardKind::TrueFalse {
                    statement,
                    truth,
                    correction,
                } => RawKind::TrueFalse {
                    statement: statement.to_string(),
                    truth: *truth,
                    correction: correction.to_string(),
                },
                CardKind::Order { prompt, items } => RawKind::Order {
                    prompt: prompt.to_string(),
                    items: strings(items),
                },
                CardKind::Match { prompt, pairs } => RawKind::Match {
                    prompt: prompt.to_string(),
                    pairs: (pairs.iter())
                        .map(|(l, r)| (l.to_string(), r.to_string()))
                        .collect(),
                },
                CardKind::Locate {
                    prompt,
                    choice_prompt,
                    picture,
                    answer,
                    others,
                } => RawKind::Locate {
                    prompt: prompt.to_string(),
                    choice_prompt: choice_prompt.as_ref().map(|t| t.to_string()),
                    picture: picture.to_string(),
                    answer: raw_region(answer),
                    others: others.iter().map(raw_region).collect(),
                },
            },
        }
    }
}

/// A region as written in a deck file (the inverse of [`region_of`]).
pub fn raw_region(r: &Region) -> raw::RawRegion {
    match &r.shape {
        Shape::Circle { x, y, r: radius } => raw::RawRegion::Circle {
            name: r.name.clone(),
            x: *x,
            y: *y,
            r: *radius,
        },
        Shape::Polygon { points } => raw::RawRegion::Polygon {
            name: r.name.clone(),
            points: points.clone(),
        },
    }
}

/// A region of a deck file as the model holds it (not checked: see [`validate`]).
pub fn region_of(raw: &raw::RawRegion) -> Region {
    match raw {
        raw::RawRegion::Circle { name, x, y, r } => Region {
            name: name.clone(),
            shape: Shape::Circle {
                x: *x,
                y: *y,
                r: *r,
            },
        },
        raw::RawRegion::Polygon { name, points } => Region {
            name: name.clone(),
            shape: Shape::Polygon {
                points: points.clone(),
            },
        },
    }
}

/// Writes a deck as RON in the same style as hand-written decks (struct names, four-space
/// indent, defaults left out).
pub fn to_ron(deck: &Deck) -> String {
    let mut s = ron::ser::to_string_pretty(&RawDeck::from(deck), ron_config())
        .unwrap_or_else(|e| format!("// quizdeck could not write this deck: {e}\n"));
    s.push('\n');
    s
}

fn ron_config() -> ron::ser::PrettyConfig {
    ron::ser::PrettyConfig::new()
        .struct_names(true)
        .indentor("    ")
        .escape_strings(true)
}

/// How many bytes [`to_ron`] writes for `deck`, counted without building the text or
/// copying the deck: its cards are written (and counted) a few thousand at a time, each
/// card's text being the same wherever it is in the list.
pub(crate) fn ron_len(deck: &Deck) -> u64 {
    struct Count(u64);
    impl std::fmt::Write for Count {
        fn write_str(&mut self, s: &str) -> std::fmt::Result {
            self.0 += s.len() as u64;
            Ok(())
        }
    }
    let count = |raw: &RawDeck| {
        let mut count = Count(0);
        let _ = ron::ser::to_writer_pretty(&mut count, raw, ron_config());
        count.0
    };
    let mut raw = raw_head(deck);
    let Some(first) = deck.cards.first() else {
        return count(&raw) + 1;
    };
    // The text around the cards: a deck of one card, less that card (known from a deck
    // of the same card twice).
    raw.cards = vec![RawCard::from(first), RawCard::from(first)];
    let two = count(&raw);
    raw.cards.pop();
    let one = count(&raw);
    let frame = (2 * one).saturating_sub(two);
    let mut total = frame + 1;
    for chunk in deck.cards.chunks(RON_LEN_CHUNK) {
        raw.cards = chunk.iter().map(RawCard::from).collect();
        total += count(&raw).saturating_sub(frame);
    }
    total
}

/// Cards written at a time by [`ron_len`].
const RON_LEN_CHUNK: usize = 2048;

#[cfg(test)]
mod tests {
    use super::*;

    const GOOD: &str = r#"Deck(
    format: 1,
    id: "demo",
    title: "Demo",
    sources: { "rel": Source(title: "Relations") },
    cards: [
        Card(id: "a", source: Ref(doc: "rel", section: "Pact"), kind: Basic(front: "F", back: "B", reverse: true)),
        Card(id: "b", source: Some(Ref(doc: "rel")), kind: Cloze(text: "{{c1::x}} and {{c2::y}}")),
    ],
)"#;

    #[test]
    fn the_length_of_a_deck_file_is_counted_exactly_without_writing_it() {
        let good = check_text(GOOD, "d.ron", None).deck.unwrap();
        assert_eq!(ron_len(&good), to_ron(&good).len() as u64);
        // Several chunks of cards of the shapes a bundled deck has.
        let d = bundled::check_all().swap_remove(0).deck.unwrap();
        let mut big = d.clone();
        while big.cards.len() <= RON_LEN_CHUNK * 2 {
            big.cards.extend(d.cards.iter().cloned());
        }
        assert_eq!(ron_len(&d), to_ron(&d).len() as u64);
        assert_eq!(ron_len(&big), to_ron(&big).len() as u64);
        let mut empty = good;
        empty.cards.clear();
        assert_eq!(ron_len(&empty), to_ron(&empty).len() as u64);
    }

    #[test]
    fn a_byte_order_mark_is_accepted() {
        let text = "\u{feff}Deck(format: 1, id: \"d\", title: \"D\", cards: [\n    Card(id: \"a\", kind: Basic(front: \"q\", back: \"\")),\n])";
        let c = check_text(text, "d.ron", None);
        assert_eq!(c.diagnostics.len(), 1, "{}", c.render());
        // Positions are those of the text without the mark.
        assert_eq!(
            (c.diagnostics[0].line, c.diagnostics[0].code),
            (2, "empty-text")
        );
        assert!(
            check_text(&text.replace("\"\"", "\"b\""), "d.ron", None)
                .deck
                .is_some()
        );
    }

    #[test]
    fn loads_a_good_deck_and_lists_items() {
        let d = load_str(GOOD, "demo.ron", None).unwrap();
        assert_eq!(d.item_count(), 4);
        assert_eq!(d.items()[3].to_string(), "demo/b#2");
        assert_eq!(
            d.source_label(&d.cards[0]).as_deref(),
            Some("Relations › Pact")
        );
    }

    #[test]
    fn round_trips_through_ron() {
        let d = load_str(GOOD, "demo.ron", None).unwrap();
        let again = load_str(&to_ron(&d), "again.ron", None).unwrap();
        assert_eq!(d, again);
    }

    #[test]
    fn unknown_fields_name_the_known_ones_and_their_place() {
        let text = "Deck(format: 1, id: \"d\", title: \"T\", cards: [\n  Card(id: \"a\", colour: 3, kind: Basic(front: \"f\", back: \"b\")),\n])";
        let c = check_text(text, "x.ron", None);
        let d = &c.diagnostics[0];
        assert_eq!((d.code, d.line, d.column), ("unknown-field", 2, 17));
        assert!(d.message.contains("colour"), "{}", d.message);
        assert!(d.message.contains("`kind`"), "{}", d.message);
    }

    #[test]
    fn newer_format_is_named() {
        let text = "Deck(format: 7, id: \"d\", title: \"T\", shiny: true, cards: [])";
        let c = check_text(text, "x.ron", None);
        assert_eq!(c.diagnostics.len(), 1);
        assert!(
            c.diagnostics[0]
                .message
                .contains("made for a newer quizdeck (format 7)")
        );
    }

    #[test]
    fn validation_issues_are_placed_at_their_value() {
        let text = "Deck(format: 1, id: \"d\", title: \"T\", cards: [\n  Card(id: \"a\", kind: Basic(front: \"f\", back: \"b\")),\n  Card(id: \"a\", kind: Basic(front: \"g\", back: \"\")),\n])";
        let c = check_text(text, "x.ron", None);
        let got: Vec<(&str, usize, usize)> = c
            .diagnostics
            .iter()
            .map(|d| (d.code, d.line, d.column))
            .collect();
        assert_eq!(got, vec![("duplicate-id", 3, 12), ("empty-text", 3, 47)]);
        assert!(c.diagnostics[0].message.contains("see line 2, column 12"));
    }

    #[test]
    fn hostile_nesting_is_refused_quickly() {
        let text = format!(
            "Deck(format: 1, id: \"d\", title: \"T\", junk: {}, cards: [])",
            "[".repeat(100_000)
        );
        let c = check_text(&text, "x.ron", None);
        assert!(c.has_errors());
        let text = "[".repeat(100_000);
        assert!(check_text(&text, "x.ron", None).has_errors());
    }

    #[test]
    fn invalid_utf8_and_missing_files_are_diagnostics() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("bad.ron");
        std::fs::write(&p, b"Deck(\n  title: \"caf\xe9\")").unwrap();
        let c = check_file(&p);
        assert_eq!(
            (
                c.diagnostics[0].code,
                c.diagnostics[0].line,
                c.diagnostics[0].column
            ),
            ("not-utf8", 2, 14)
        );
        let c = check_file(&dir.path().join("none.ron"));
        assert_eq!(c.diagnostics[0].code, "io");
    }

    #[test]
    fn a_deck_saved_as_utf16_is_read_as_its_text_says() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Deck(format: 1, id: \"u\", title: \"Rīga, Tallinn\", cards: [\n  Card(id: \"a\", kind: Basic(front: \"Capital of Latvia?\", back: \"Rīga\")),\n])";
        let units: Vec<u16> = text.encode_utf16().collect();
        let le: Vec<u8> = units.iter().flat_map(|u| u.to_le_bytes()).collect();
        let be: Vec<u8> = units.iter().flat_map(|u| u.to_be_bytes()).collect();
        // Windows Notepad's "Unicode" (a mark, little-endian), without the mark, and
        // big-endian with its mark.
        for (name, bytes) in [
            ("le-mark.ron", [&[0xFF, 0xFE][..], &le].concat()),
            ("le.ron", le.clone()),
            ("be-mark.ron", [&[0xFE, 0xFF][..], &be].concat()),
        ] {
            let p = dir.path().join(name);
            std::fs::write(&p, &bytes).unwrap();
            let c = check_file(&p);
            assert!(!c.has_errors(), "{name}: {}", c.render());
            let deck = c.deck.unwrap();
            assert_eq!(deck.title, "Rīga, Tallinn");
            assert_eq!(c.text, text, "{name}: the text is kept as UTF-8");
            // The summary's check (`quizdeck check`, imports) reads it the same way.
            let s = check_file_summary(&p);
            assert_eq!(s.summary.map(|s| s.cards), Some(1), "{name}");
        }
        // Damaged UTF-16 is said to be so, not "expected `Deck`".
        let p = dir.path().join("odd.ron");
        std::fs::write(&p, [&[0xFF, 0xFE][..], &le[..le.len() - 1]].concat()).unwrap();
        let c = check_file(&p);
        assert_eq!(c.diagnostics[0].code, "not-utf8");
        assert!(c.render().contains("looks like UTF-16"), "{}", c.render());
    }

    /// A folder holding `map.png` (the 128×128 icon).
    fn map_dir() -> tempfile::TempDir {
        let dir = tempfile::tempdir().unwrap();
        let icon = include_bytes!("../../../../assets/icon.png");
        std::fs::write(dir.path().join("map.png"), icon).unwrap();
        dir
    }

    fn locate_deck(format: u32, kind: &str) -> String {
        format!(
            "Deck(format: {format}, id: \"d\", title: \"T\", cards: [\n  Card(id: \"a\", note: \"n\", kind: {kind}),\n])"
        )
    }

    const GOOD_LOCATE: &str = "Locate(\n    prompt: \"Click where Liepāja is.\",\n    picture: \"map.png\",\n    answer: Circle(name: \"Liepāja\", x: 20, y: 60, r: 8),\n    others: [\n      Circle(name: \"Riga\", x: 70.5, y: 50, r: 8),\n      Polygon(name: \"Estonia\", points: [(60, 5), (120, 5), (120, 30), (60, 30)]),\n    ],\n  )";

    #[test]
    fn a_locate_card_loads_with_its_regions_and_picture() {
        let dir = map_dir();
        let c = check_text(&locate_deck(2, GOOD_LOCATE), "d.ron", Some(dir.path()));
        assert!(c.diagnostics.is_empty(), "{}", c.render());
        let deck = c.deck.unwrap();
        let card = &deck.cards[0];
        assert_eq!(
            card.image.as_deref(),
            Some("map.png"),
            "the picture is the card's"
        );
        let CardKind::Locate { answer, others, .. } = &card.kind else {
            panic!("{:?}", card.kind);
        };
        assert_eq!(answer.name, "Liepāja");
        assert_eq!(others.len(), 2);
        assert!(check_locate(answer, others, 21.0, 61.0).right);
        assert_eq!(
            check_locate(answer, others, 100.0, 20.0).hit.as_deref(),
            Some("Estonia")
        );
        assert_eq!(card.kind.name(), KindName::Locate);
        // Written back: format 2, the picture in the kind, no `image`; reads the same.
        let text = to_ron(&deck);
        assert!(text.contains("format: 2"), "{text}");
        assert!(!text.contains("image:"), "{text}");
        let again = check_text(&text, "again.ron", Some(dir.path()));
        assert_eq!(again.deck.as_ref(), Some(&deck), "{}", again.render());
        // A deck without Locate cards is still written as format 1.
        let plain = check_text(GOOD, "g.ron", None).deck.unwrap();
        assert!(to_ron(&plain).contains("format: 1"));
    }

    #[test]
    fn a_locate_card_in_a_format_1_deck_asks_for_format_2() {
        let dir = map_dir();
        let c = check_text(&locate_deck(1, GOOD_LOCATE), "d.ron", Some(dir.path()));
        assert!(c.deck.is_none());
        let d = &c.diagnostics[0];
        assert_eq!(
            (d.code, d.line, d.column),
            ("needs-newer-format", 2, 34),
            "{}",
            c.render()
        );
        assert!(d.hint.as_ref().unwrap().contains("format: 2"));
    }

    /// A deck's memory is mostly its cards (100,000 of them in the performance targets),
    /// and every card is as big as the biggest kind: a field added to one kind must not
    /// grow them all (a Locate card's `choice_prompt` did, until its other regions were
    /// boxed). Its lists are boxed slices, 8 bytes less than a vector each (the tags: 192
    /// bytes a card before).
    #[test]
    fn a_card_takes_at_most_184_bytes() {
        assert!(
            std::mem::size_of::<Card>() <= 184,
            "{}",
            std::mem::size_of::<Card>()
        );
        assert!(std::mem::size_of::<CardKind>() <= 80);
    }

    #[test]
    fn a_question_for_tests_asks_for_format_3_is_read_written_and_never_empty() {
        let dir = map_dir();
        let kind = GOOD_LOCATE.replace(
            "    picture:",
            "    choice_prompt: \"Which of these is Liepāja?\",\n    picture:",
        );
        // In a format-2 deck: the error is at the field, and asks for format 3.
        let c = check_text(&locate_deck(2, &kind), "d.ron", Some(dir.path()));
        assert!(c.deck.is_none());
        let d = &c.diagnostics[0];
        assert_eq!(
            (d.code, d.line),
            ("needs-newer-format", 4),
            "{}",
            c.render()
        );
        assert!(d.message.contains("choice_prompt"), "{}", d.message);
        assert!(d.hint.as_ref().unwrap().contains("format: 3"));
        // In a format-3 deck it loads, and is written back (as format 3) the same.
        let c = check_text(&locate_deck(3, &kind), "d.ron", Some(dir.path()));
        assert!(c.diagnostics.is_empty(), "{}", c.render());
        let deck = c.deck.unwrap();
        let CardKind::Locate { choice_prompt, .. } = &deck.cards[0].kind else {
            panic!("{:?}", deck.cards[0].kind);
        };
        assert_eq!(choice_prompt.as_deref(), Some("Which of these is Liepāja?"));
        let text = to_ron(&deck);
        assert!(text.contains("format: 3"), "{text}");
        // Written as authors write it (not `Some("…")`), which the fast reader reads.
        assert!(
            text.contains("choice_prompt: \"Which of these is Liepāja?\""),
            "{text}"
        );
        assert!(fast::parse(&text).is_some(), "{text}");
        let again = check_text(&text, "again.ron", Some(dir.path()));
        assert_eq!(again.deck.as_ref(), Some(&deck), "{}", again.render());
        // Without one, a Locate deck is still written as format 2.
        let plain = check_text(&locate_deck(3, GOOD_LOCATE), "d.ron", Some(dir.path()));
        assert!(to_ron(&plain.deck.unwrap()).contains("format: 2"));
        // An empty one is refused, not taken as "none".
        let empty = GOOD_LOCATE.replace("    picture:", "    choice_prompt: \" \",\n    picture:");
        let c = check_text(&locate_deck(3, &empty), "d.ron", Some(dir.path()));
        assert!(c.deck.is_none());
        assert_eq!(
            (c.diagnostics[0].code, c.diagnostics[0].line),
            ("empty-text", 4),
            "{}",
            c.render()
        );
    }

    #[test]
    fn a_format_1_quizdeck_says_a_locate_deck_needs_a_newer_quizdeck() {
        // What this build says of a deck from the next format is what a format-1 build
        // says of a Locate deck: the format is read before the unknown kind.
        let text = locate_deck(FORMAT_VERSION + 1, "Hologram(depth: 3)");
        let c = check_text(&text, "d.ron", None);
        assert_eq!(c.diagnostics.len(), 1, "{}", c.render());
        assert_eq!(c.diagnostics[0].code, "newer-format");
        assert!(c.diagnostics[0].message.contains("newer quizdeck"));
    }

    #[test]
    fn bad_regions_are_named_at_their_line_and_column() {
        let dir = map_dir();
        let kind = "Locate(\n    prompt: \"Where?\",\n    picture: \"map.png\",\n    answer: Circle(name: \"Riga\", x: 120, y: 60, r: 20),\n    others: [\n      Circle(name: \"riga\", x: 10, y: 10, r: 5),\n      Circle(name: \"Tartu\", x: 10, y: 10, r: 0),\n      Polygon(name: \"Line\", points: [(1, 1), (2, 2), (3, 3)]),\n      Polygon(name: \"Two\", points: [(1, 1), (2, 2)]),\n      Polygon(name: \"Far\", points: [(1, 1), (200, 2), (3, 30)]),\n      Circle(name: \"\", x: 50, y: 50, r: 5),\n    ],\n  )";
        let c = check_text(&locate_deck(2, kind), "d.ron", Some(dir.path()));
        assert!(c.deck.is_none());
        let got: Vec<(&str, usize, usize)> = c
            .diagnostics
            .iter()
            .map(|d| (d.code, d.line, d.column))
            .collect();
        let want = [
            ("region-outside-picture", 5, 13), // x + r = 140 > 128
            ("duplicate-region", 7, 20),       // "riga" folds to "Riga"
            ("bad-region", 8, 46),             // r: 0
            ("bad-region", 9, 37),             // corners on one line
            ("bad-region", 10, 36),            // two corners
            ("region-outside-picture", 11, 7), // x 200 > 128
            ("empty-text", 12, 20),            // no name
        ];
        for w in want {
            assert!(got.contains(&w), "{w:?} not in {got:?}\n{}", c.render());
        }
        assert_eq!(got.len(), want.len(), "{}", c.render());
    }

    #[test]
    fn a_locate_picture_must_be_there_and_be_a_png() {
        let dir = map_dir();
        std::fs::write(dir.path().join("fake.png"), b"GIF89a").unwrap();
        for (picture, code) in [
            ("gone.png", "missing-image"),
            ("fake.png", "bad-image"),
            ("map.jpg", "bad-image-path"),
            ("../map.png", "bad-image-path"),
            ("", "missing-picture"),
        ] {
            let kind = GOOD_LOCATE.replace("map.png", picture);
            let c = check_text(&locate_deck(2, &kind), "d.ron", Some(dir.path()));
            let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
            assert_eq!(codes, [code], "{picture}: {}", c.render());
            assert_eq!(c.diagnostics[0].line, 4, "{}", c.render());
        }
        // A Locate card with an `image` besides its picture.
        let text =
            locate_deck(2, GOOD_LOCATE).replace("note: \"n\",", "note: \"n\", image: \"map.png\",");
        let c = check_text(&text, "d.ron", Some(dir.path()));
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["image-and-picture"], "{}", c.render());
    }

    #[test]
    fn regions_with_nan_infinite_or_huge_numbers_are_errors_not_panics() {
        let dir = map_dir();
        for bad in ["x: NaN", "x: inf", "x: 1e39", "x: -5"] {
            let kind = GOOD_LOCATE.replace("x: 20", bad);
            let c = check_text(&locate_deck(2, &kind), "d.ron", Some(dir.path()));
            assert!(c.has_errors(), "{bad}: {}", c.render());
            assert!(
                c.diagnostics[0].line >= 4,
                "{bad}: placed at the region: {}",
                c.render()
            );
        }
    }

    #[test]
    fn too_many_regions_are_refused() {
        let others: Vec<String> = (0..70)
            .map(|i| format!("Circle(name: \"p{i}\", x: 5, y: 5, r: 1)"))
            .collect();
        let kind = format!(
            "Locate(prompt: \"Where?\", picture: \"map.png\", answer: Circle(name: \"a\", x: 5, y: 5, r: 1), others: [{}])",
            others.join(", ")
        );
        let c = check_text(&locate_deck(2, &kind), "d.ron", None);
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["too-many-regions"], "{}", c.render());
    }

    #[test]
    fn a_teachers_deck_may_name_a_built_in_map() {
        let dir = tempfile::tempdir().unwrap(); // no maps folder here
        let kind = GOOD_LOCATE.replace("map.png", "maps/baltic-states.png");
        let c = check_text(&locate_deck(2, &kind), "d.ron", Some(dir.path()));
        assert!(c.diagnostics.is_empty(), "{}", c.render());
        // Its regions are checked against the built-in map's size (1000×820).
        let far = kind.replace("x: 20, y: 60, r: 8", "x: 1200, y: 60, r: 8");
        let c = check_text(&locate_deck(2, &far), "d.ron", Some(dir.path()));
        let codes: Vec<&str> = c.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["region-outside-picture"], "{}", c.render());
        assert!(
            c.diagnostics[0].message.contains("1000×820"),
            "{}",
            c.render()
        );
        // The same without a folder (as bundled decks are checked).
        let c = check_text(&locate_deck(2, &far), "d.ron", None);
        assert_eq!(c.diagnostics.len(), 1, "{}", c.render());
        // A file of that name beside the deck takes precedence.
        std::fs::create_dir(dir.path().join("maps")).unwrap();
        let icon = include_bytes!("../../../../assets/icon.png");
        std::fs::write(dir.path().join("maps/baltic-states.png"), icon).unwrap();
        let mid = kind.replace("x: 20, y: 60, r: 8", "x: 500, y: 60, r: 8");
        assert!(
            check_text(&locate_deck(2, &mid), "d.ron", None)
                .diagnostics
                .is_empty()
        );
        let c = check_text(&locate_deck(2, &mid), "d.ron", Some(dir.path()));
        assert!(
            c.diagnostics[0].message.contains("128×128"),
            "{}",
            c.render()
        );
    }
}
