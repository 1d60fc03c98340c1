//! Moving decks in and out of spreadsheets and tools: CSV/TSV import (teachers'
//! spreadsheets), and export to normalized JSON or to a CSV that re-imports.
//!
//! The CSV layout (one row per card, a header row naming the columns):
//!
//! | column | meaning |
//! |---|---|
//! | `id` | card id; generated from the question when empty |
//! | `kind` | `basic`, `basic-reverse`, `cloze`, `typein`, `multiple-choice`, `true-false`, `order`, `match`; when absent: `multiple-choice` if the row has distractors, else `basic` |
//! | `question` (or `front`, `statement`, `prompt`, `text`) | the question / front / statement / prompt / cloze text |
//! | `answer` (or `back`) | the answer / back; `true`/`false` for true-false; for `order` the items in order separated by ` \| `; for `match` pairs `left = right` separated by ` \| ` |
//! | `accept` | other accepted answers (typein) or options also right (multiple-choice), separated by ` \| ` |
//! | `distractor1` … `distractorN` (or `distractors`, separated by ` \| `) | wrong options |
//! | `correction` | what is true instead, for a false true-false statement |
//! | `tags` | separated by `,`, `;` or ` \| ` |
//! | `note`, `source`, `section`, `source_title`, `image` | as in the deck format |
//! | `choice_prompt` | a `locate` card's question for practice tests and exams, as in the deck format |

pub mod anki;
pub mod gift;
pub mod mapping;
pub mod quizlet;

mod export;
mod rows;

pub use export::{export_csv, export_json};
use rows::{answer_text, raw_answer, raw_prompt, row_to_card};

use crate::answer::normalize_for_search as fold;
use crate::deck::diag::MAX_DIAGNOSTICS;
use crate::deck::raw::{RawCard, RawDeck, RawKind, RawRef, RawRegion, RawSource, format_for};
use crate::deck::{self, Card, CardKind, Deck, Diagnostic, Severity};
use crate::message::Message;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// Errors of import and export.
#[derive(Debug, thiserror::Error)]
pub enum ImportExportError {
    /// Reading or writing a file failed.
    #[error("{}", self.message())]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The spreadsheet could not be read as CSV at all.
    #[error("{}", self.message())]
    Csv {
        /// The file.
        path: PathBuf,
        /// What is wrong (what the CSV reader said stays in its own words).
        message: Message,
    },
    /// Rows had problems; nothing was written.
    #[error("{}", self.message())]
    Rows {
        /// Every problem, by row.
        problems: Vec<RowProblem>,
    },
    /// The deck built from the rows does not pass `check`.
    #[error("{}", self.message())]
    Invalid {
        /// What `check` reported.
        diagnostics: Vec<Diagnostic>,
    },
    /// A file (an Anki package, a Quizlet or GIFT text) was refused as damaged, hostile
    /// or of another kind; nothing was written.
    #[error("{}", self.message())]
    Refused {
        /// The file.
        path: PathBuf,
        /// What is wrong with it, for the teacher.
        reason: Message,
    },
    /// A JSON or CSV writer failed.
    #[error("{}", self.message())]
    Write {
        /// What was being written: the id of its message (`import-what-…`).
        what: &'static str,
        /// The writer's message (a library's own words inside it stay as they are).
        message: Message,
    },
}

/// Result alias of this area.
impl ImportExportError {
    /// What went wrong, as a message for any language (a reader's or the system's own
    /// words inside it stay as they are).
    pub fn message(&self) -> crate::message::Message {
        use crate::message::{Message, io_error};
        match self {
            ImportExportError::Io {
                action,
                path,
                source,
            } => io_error(action, path, source),
            ImportExportError::Csv { path, message } => Message::new("import-bad-csv")
                .arg("path", path.display().to_string())
                .arg("reason", message),
            ImportExportError::Rows { problems } => {
                Message::new("import-rows").arg("n", problems.len())
            }
            ImportExportError::Invalid { .. } => Message::new("import-invalid"),
            ImportExportError::Refused { path, reason } => Message::new("import-refused")
                .arg("path", path.display().to_string())
                .arg("reason", reason),
            ImportExportError::Write { what, message } => Message::new("import-write")
                .arg("what", Message::new(what))
                .arg("reason", message),
        }
    }
}

pub type Result<T, E = ImportExportError> = std::result::Result<T, E>;

/// A problem with one spreadsheet row.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RowProblem {
    /// The row number as a spreadsheet shows it (the header is row 1).
    pub row: u64,
    /// Error or warning.
    pub severity: Severity,
    /// What is wrong and how to fix it (English through its `Display`).
    pub message: Message,
}

impl std::fmt::Display for RowProblem {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let word = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(f, "row {}: {word}: {}", self.row, self.message)
    }
}

/// Options for [`import_csv`].
#[derive(Debug, Clone)]
pub struct ImportOptions {
    /// The new deck's id.
    pub deck_id: String,
    /// The new deck's title.
    pub title: String,
    /// Skip rows with problems instead of refusing the whole import.
    pub keep_going: bool,
}

/// What an import produced.
#[derive(Debug, Clone)]
pub struct ImportOutcome {
    /// The deck built from the rows.
    pub deck: Deck,
    /// Warnings, and the errors of rows skipped with `keep_going`.
    pub problems: Vec<RowProblem>,
    /// How many card ids were taken over from the existing deck.
    pub reused_ids: usize,
}

const SEP: &str = " | ";

/// Splits a ` | `-separated cell into its trimmed, non-empty parts.
fn split_list(cell: &str) -> Vec<String> {
    cell.split('|')
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
        .collect()
}

/// Guesses the delimiter from the first line: tab, semicolon or comma, whichever occurs
/// most outside quotes (`.tsv` files are tab-separated).
pub(crate) fn detect_delimiter(text: &str, path: &Path) -> u8 {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("tsv"))
    {
        return b'\t';
    }
    let first = text.lines().next().unwrap_or("");
    let mut counts = [(b',', 0usize), (b';', 0), (b'\t', 0)];
    let mut quoted = false;
    for c in first.chars() {
        if c == '"' {
            quoted = !quoted;
        } else if !quoted {
            for (d, n) in counts.iter_mut() {
                if c == *d as char {
                    *n += 1;
                }
            }
        }
    }
    counts
        .iter()
        .max_by_key(|(d, n)| (*n, *d == b','))
        .map(|(d, _)| *d)
        .unwrap_or(b',')
}

#[derive(Default)]
struct Columns {
    id: Option<usize>,
    kind: Option<usize>,
    question: Option<usize>,
    answer: Option<usize>,
    accept: Option<usize>,
    distractors: Vec<usize>,
    distractor_list: Option<usize>,
    correction: Option<usize>,
    tags: Option<usize>,
    note: Option<usize>,
    source: Option<usize>,
    section: Option<usize>,
    source_title: Option<usize>,
    image: Option<usize>,
    choice_prompt: Option<usize>,
}

/// What a spreadsheet's header cell names. The one reading of header names: the import
/// reads a header with it, and the import dialog guesses its column menus with it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum HeaderName {
    Id,
    Kind,
    Question,
    Answer,
    Accept,
    /// All wrong options in one cell (`distractors`).
    DistractorList,
    /// One wrong option per column: `distractor1`, `wrong 2`, `Incorrect answer 3`, or
    /// unnumbered (`wrong`, several columns in a row).
    Distractor(Option<u32>),
    Correction,
    Tags,
    Note,
    Source,
    Section,
    SourceTitle,
    Image,
    /// A Locate card's prompt for practice tests and exams (`choice_prompt`).
    ChoicePrompt,
    /// Empty or not a name quizdeck knows.
    Unknown,
}

impl HeaderName {
    /// The meaning of a header cell (case, spaces and a byte-order mark do not matter).
    pub(crate) fn read(cell: &str) -> HeaderName {
        let n = cell
            .trim()
            .trim_start_matches('\u{feff}')
            .trim()
            .to_lowercase();
        match n.as_str() {
            "id" => HeaderName::Id,
            "kind" | "type" => HeaderName::Kind,
            "question" | "front" | "statement" | "prompt" | "text" | "term" => HeaderName::Question,
            "answer" | "back" | "answers" | "definition" | "correct answer" => HeaderName::Answer,
            "accept" | "also_accept" | "also_correct" | "alternatives" => HeaderName::Accept,
            "distractors" | "wrong answers" | "incorrect answers" => HeaderName::DistractorList,
            "correction" => HeaderName::Correction,
            "tags" => HeaderName::Tags,
            "note" | "notes" => HeaderName::Note,
            "source" => HeaderName::Source,
            "section" => HeaderName::Section,
            "source_title" => HeaderName::SourceTitle,
            "image" | "picture" => HeaderName::Image,
            "choice_prompt" | "choice prompt" => HeaderName::ChoicePrompt,
            other => {
                // Longest prefixes first: "wrong answer 2" is not "wrong" + "answer 2".
                const WRONG: [&str; 5] = [
                    "incorrect answer",
                    "wrong answer",
                    "distractor",
                    "incorrect",
                    "wrong",
                ];
                WRONG
                    .iter()
                    .find_map(|p| other.strip_prefix(p))
                    .and_then(|rest| {
                        let k = rest.trim_start_matches(['_', '-', ' ', '#']);
                        if k.is_empty() {
                            Some(HeaderName::Distractor(None))
                        } else {
                            k.parse::<u32>()
                                .ok()
                                .map(|k| HeaderName::Distractor(Some(k)))
                        }
                    })
                    .unwrap_or(HeaderName::Unknown)
            }
        }
    }
}

/// The header's columns, the unknown column names, and a message per column that repeats
/// an earlier one.
fn map_header(header: &csv::StringRecord) -> (Columns, Vec<String>, Vec<Message>) {
    let mut c = Columns::default();
    let mut unknown = Vec::new();
    let mut repeated = Vec::new();
    let mut repeat = |name: &str, first: usize, i: usize| {
        repeated.push(
            Message::new("import-column-repeated")
                .arg("n", i + 1)
                .arg("name", format!("{name:?}"))
                .arg("first", first + 1),
        );
    };
    // Numbered wrong options in their numbers' order, then unnumbered ones in column
    // order (`u32::MAX` sorts last; a stable sort keeps their order).
    let mut numbered: Vec<(u32, usize)> = Vec::new();
    for (i, name) in header.iter().enumerate() {
        let slot = match HeaderName::read(name) {
            HeaderName::Id => &mut c.id,
            HeaderName::Kind => &mut c.kind,
            HeaderName::Question => &mut c.question,
            HeaderName::Answer => &mut c.answer,
            HeaderName::Accept => &mut c.accept,
            HeaderName::DistractorList => &mut c.distractor_list,
            HeaderName::Correction => &mut c.correction,
            HeaderName::Tags => &mut c.tags,
            HeaderName::Note => &mut c.note,
            HeaderName::Source => &mut c.source,
            HeaderName::Section => &mut c.section,
            HeaderName::SourceTitle => &mut c.source_title,
            HeaderName::Image => &mut c.image,
            HeaderName::ChoicePrompt => &mut c.choice_prompt,
            HeaderName::Distractor(k) => {
                numbered.push((k.unwrap_or(u32::MAX), i));
                continue;
            }
            HeaderName::Unknown => {
                if !name.trim().is_empty() {
                    unknown.push(name.to_owned());
                }
                continue;
            }
        };
        match *slot {
            None => *slot = Some(i),
            Some(first) => repeat(name, first, i),
        }
    }
    numbered.sort_by_key(|&(k, _)| k);
    for w in numbered.windows(2) {
        if w[0].0 == w[1].0 && w[0].0 != u32::MAX {
            repeat(&header[w[1].1], w[0].1, w[1].1);
        }
    }
    c.distractors = numbered.into_iter().map(|(_, i)| i).collect();
    (c, unknown, repeated)
}

/// The line (as a spreadsheet counts rows, from 1) where a quoted cell starts that is
/// never closed, if there is one. Quotes open a cell only at its start, as the CSV reader
/// reads them.
fn unterminated_quote(text: &str, delimiter: u8) -> Option<u64> {
    let bytes = text.as_bytes();
    let (mut line, mut opened_at) = (1u64, None);
    let mut at_cell_start = true;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        match opened_at {
            Some(_) => {
                if b == b'"' {
                    if bytes.get(i + 1) == Some(&b'"') {
                        i += 1;
                    } else {
                        opened_at = None;
                    }
                }
            }
            None => {
                if b == b'"' && at_cell_start {
                    opened_at = Some(line);
                }
                at_cell_start = b == delimiter || b == b'\n' || b == b'\r';
            }
        }
        if b == b'\n' {
            line += 1;
        }
        i += 1;
    }
    opened_at
}

/// A stable card id made from text: [`crate::slug::slug`] with at most 48 characters, or
/// `card` when the text has no letter that folds to ASCII.
pub fn slug(text: &str) -> String {
    let out = crate::slug::slug(text, 48);
    if out.is_empty() {
        "card".to_owned()
    } else {
        out
    }
}

/// Largest spreadsheet accepted by [`import_csv`], in bytes (16 MiB: some 100,000 cards).
/// A spreadsheet becomes a deck of about the same size, checked twice on the way, so this
/// keeps an import well inside the memory a deck file of [`deck::MAX_FILE_BYTES`] takes.
pub const MAX_CSV_BYTES: u64 = 16 * 1024 * 1024;

/// The text of a spreadsheet file: UTF-8 (a byte-order mark is dropped) or UTF-16 with or
/// without a byte-order mark (Excel's "Unicode text"); anything else is refused with a
/// message naming what it looks like.
pub fn decode_text(bytes: Vec<u8>) -> std::result::Result<String, Message> {
    if let [0xEF, 0xBB, 0xBF, rest @ ..] = bytes.as_slice() {
        return String::from_utf8(rest.to_vec()).map_err(|e| not_utf8(e.utf8_error()));
    }
    match crate::input::utf16_text(&bytes) {
        Some(Ok(text)) => Ok(text),
        Some(Err(crate::input::Utf16Error::Odd)) => Err(Message::new("import-utf16-odd")),
        Some(Err(crate::input::Utf16Error::Damaged)) => Err(Message::new("import-utf16-damaged")),
        None => String::from_utf8(bytes).map_err(|e| not_utf8(e.utf8_error())),
    }
}

/// The message for text that is not UTF-8, naming what it probably is.
fn not_utf8(e: std::str::Utf8Error) -> Message {
    Message::new("import-not-utf8").arg("byte", e.valid_up_to())
}

/// A spreadsheet over the size limit.
pub fn sheet_too_large(size: u64, cap: u64) -> Message {
    Message::new("import-sheet-too-large")
        .arg("size", size.div_ceil(1024 * 1024))
        .arg("cap", cap / (1024 * 1024))
}

/// What the CSV reader found wrong: the common kinds with their line and numbers; any
/// other kind (a system error) in the reader's own words.
pub(crate) fn csv_reader(e: &csv::Error) -> Message {
    let line = |pos: &Option<csv::Position>| pos.as_ref().map_or(0, csv::Position::line);
    match e.kind() {
        csv::ErrorKind::Utf8 { pos, .. } => {
            Message::new("import-csv-utf8").arg("line", line(pos).to_string())
        }
        csv::ErrorKind::UnequalLengths {
            pos,
            expected_len,
            len,
        } => Message::new("import-csv-unequal")
            .arg("line", line(pos).to_string())
            .arg("len", *len)
            .arg("expected", *expected_len),
        _ => Message::new("import-csv-reader").arg("error", e.to_string()),
    }
}

/// Reads a teacher's spreadsheet (CSV or TSV) into a deck. When `existing` is the deck
/// previously imported to the same place, its card ids are reused for rows with the same
/// question (or, failing that, the same answer), so a re-import keeps students' progress.
pub fn import_csv(
    path: &Path,
    existing: Option<&Deck>,
    opts: &ImportOptions,
) -> Result<ImportOutcome> {
    let bytes = crate::input::read_regular(path, MAX_CSV_BYTES)
        .map_err(crate::durable::io_err("read", path))?
        .map_err(|t| ImportExportError::Csv {
            path: path.to_owned(),
            message: sheet_too_large(t.size, MAX_CSV_BYTES),
        })?;
    let text = decode_text(bytes).map_err(|message| ImportExportError::Csv {
        path: path.to_owned(),
        message,
    })?;
    import_csv_text(&text, path, existing, opts)
}

/// [`import_csv`] on text already read; `path` names the file (and its extension picks
/// the delimiter for `.tsv`).
pub fn import_csv_text(
    text: &str,
    path: &Path,
    existing: Option<&Deck>,
    opts: &ImportOptions,
) -> Result<ImportOutcome> {
    let text = text.trim_start_matches('\u{feff}');
    let delimiter = detect_delimiter(text, path);
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .flexible(true)
        .from_reader(text.as_bytes());
    let csv_err = |e: csv::Error| ImportExportError::Csv {
        path: path.to_owned(),
        message: csv_reader(&e),
    };
    let header = reader.headers().map_err(csv_err)?.clone();
    let (cols, unknown, repeated) = map_header(&header);
    let mut problems = Vec::new();
    if !repeated.is_empty() {
        return Err(ImportExportError::Rows {
            problems: repeated
                .into_iter()
                .map(|message| RowProblem {
                    row: 1,
                    severity: Severity::Error,
                    message,
                })
                .collect(),
        });
    }
    if let Some(row) = unterminated_quote(text, delimiter) {
        return Err(ImportExportError::Rows {
            problems: vec![RowProblem {
                row,
                severity: Severity::Error,
                message: Message::new("import-quote-unclosed"),
            }],
        });
    }
    if cols.question.is_none() {
        return Err(ImportExportError::Rows {
            problems: vec![RowProblem {
                row: 1,
                severity: Severity::Error,
                message: Message::new("import-no-question-column"),
            }],
        });
    }
    // Problems of the header and of rows that make no card: the first
    // `MAX_DIAGNOSTICS` of each kept, the rest counted (a sheet of a million bad rows
    // costs no memory for their messages).
    let unknown_count = unknown.len();
    for u in unknown.into_iter().take(MAX_DIAGNOSTICS) {
        problems.push(RowProblem {
            row: 1,
            severity: Severity::Warning,
            message: Message::new("import-unknown-column").arg("name", format!("{u:?}")),
        });
    }
    if unknown_count > MAX_DIAGNOSTICS {
        problems.push(RowProblem {
            row: 1,
            severity: Severity::Warning,
            message: Message::new("import-more-unknown-columns")
                .arg("n", unknown_count - MAX_DIAGNOSTICS)
                .arg("shown", MAX_DIAGNOSTICS),
        });
    }

    // Each card and, apart, the row it comes from.
    let (mut cards, mut row_of): (Vec<RawCard>, Vec<u64>) = (Vec::new(), Vec::new());
    let (mut bad_rows, mut first_unshown) = (0usize, None);
    let mut record = csv::StringRecord::new();
    while reader.read_record(&mut record).map_err(csv_err)? {
        let row = record.position().map(|p| p.line()).unwrap_or(0);
        if record.iter().all(|f| f.trim().is_empty()) {
            continue;
        }
        match row_to_card(&record, &cols) {
            Ok(card) => {
                cards.push(card);
                row_of.push(row);
            }
            Err(message) => {
                bad_rows += 1;
                if bad_rows <= MAX_DIAGNOSTICS {
                    problems.push(RowProblem {
                        row,
                        severity: Severity::Error,
                        message,
                    });
                } else {
                    first_unshown.get_or_insert(row);
                }
            }
        }
    }
    if let Some(row) = first_unshown {
        problems.push(RowProblem {
            row,
            severity: Severity::Error,
            message: Message::new("import-more-bad-rows")
                .arg("n", bad_rows - MAX_DIAGNOSTICS)
                .arg("shown", MAX_DIAGNOSTICS),
        });
    }

    // Ids: given ones first, then reuse from the existing deck, then generated.
    let mut reused = 0;
    let mut taken: HashSet<String> = cards
        .iter()
        .filter(|c| !c.id.is_empty())
        .map(|c| c.id.clone())
        .collect();
    // Folding every question and answer costs time: only done to match an existing deck.
    let by_prompt: HashMap<String, &Card> = existing
        .map(|d| {
            d.cards
                .iter()
                .map(|c| (fold(&c.kind.prompt_text()), c))
                .collect()
        })
        .unwrap_or_default();
    let mut by_answer: HashMap<String, Vec<&Card>> = HashMap::new();
    if let Some(d) = existing {
        for c in &d.cards {
            by_answer
                .entry(fold(&answer_text(&c.kind)))
                .or_default()
                .push(c);
        }
    }
    let mut next_suffix: HashMap<String, u64> = HashMap::new();
    for card in cards.iter_mut().filter(|c| c.id.is_empty()) {
        let prompt = raw_prompt(&card.kind);
        let candidate = existing.and_then(|_| {
            by_prompt
                .get(&fold(&prompt))
                .map(|c| c.id.to_string())
                .filter(|id| !taken.contains(id))
                .or_else(|| match by_answer.get(&fold(&raw_answer(&card.kind))) {
                    Some(v) if v.len() == 1 && !taken.contains(v[0].id.as_str()) => {
                        Some(v[0].id.to_string())
                    }
                    _ => None,
                })
        });
        let id = match candidate {
            Some(id) => {
                reused += 1;
                id
            }
            None => {
                // The next suffix to try per slug: 20,000 questions with the same slug
                // cost one try each, not one per earlier question.
                let base = slug(&prompt);
                let n = next_suffix.entry(base.clone()).or_insert(2);
                let mut id = base.clone();
                while taken.contains(&id) {
                    id = format!("{base}-{n}");
                    *n += 1;
                }
                id
            }
        };
        taken.insert(id.clone());
        card.id = id;
    }

    let mut sources: BTreeMap<String, RawSource> = BTreeMap::new();
    for c in &cards {
        if let Some(r) = &c.source {
            let known = existing
                .and_then(|d| d.sources.get(&r.doc))
                .map(|s| s.title.clone());
            sources.entry(r.doc.clone()).or_insert(RawSource {
                title: known.unwrap_or_else(|| r.doc.clone()),
                url: String::new(),
            });
        }
    }
    // Source titles given in a `source_title` column win.
    if let Some(i) = cols.source_title {
        let mut reader2 = csv::ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .from_reader(text.as_bytes());
        for rec in reader2.records().flatten() {
            if let (Some(key), Some(title)) = (
                cols.source
                    .and_then(|s| rec.get(s))
                    .map(|s| crate::csv_out::restore_cell(s.trim())),
                rec.get(i).map(|s| crate::csv_out::restore_cell(s.trim())),
            ) && !key.is_empty()
                && !title.is_empty()
                && let Some(s) = sources.get_mut(key)
            {
                s.title = title.to_owned();
            }
        }
    }

    // The cards move into the deck: one copy of the sheet's texts at a time.
    let raw = RawDeck {
        format: format_for(&cards),
        id: opts.deck_id.clone(),
        title: opts.title.clone(),
        description: existing.map(|d| d.description.clone()).unwrap_or_default(),
        language: existing
            .map(|d| d.language.clone())
            .unwrap_or_else(|| "en".into()),
        authors: existing.map(|d| d.authors.clone()).unwrap_or_default(),
        version: existing.map(|d| d.version + 1).unwrap_or(1),
        sources,
        cards,
    };
    // Kept only to drop bad rows and check again when asked to keep going.
    let again = opts.keep_going.then(|| raw.clone());
    let (deck, issues, error_cards) = deck::validate::validate_marking_errors(raw);
    for issue in issues {
        let row = issue
            .path
            .strip_prefix("cards[")
            .and_then(|r| r.split(']').next())
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| row_of.get(i).copied());
        match row {
            Some(row) => problems.push(RowProblem {
                row,
                severity: issue.severity,
                message: match issue.hint {
                    Some(h) => Message::new("import-problem-with-hint")
                        .arg("message", issue.message)
                        .arg("hint", h),
                    None => issue.message,
                },
            }),
            None if issue.severity == Severity::Error => {
                return Err(ImportExportError::Invalid {
                    diagnostics: vec![sheet_diagnostic(issue, path)],
                });
            }
            None => {}
        }
    }
    problems.sort_by_key(|p| p.row);
    let has_errors = problems.iter().any(|p| p.severity == Severity::Error);
    let deck = match (deck, again) {
        // Rows that made no card are already left out.
        (Some(deck), _) if !has_errors || opts.keep_going => deck,
        (_, Some(mut raw)) => {
            // Every card with an error (also past the cap on problems) is left out.
            let mut bad = error_cards.into_iter().peekable();
            raw.cards = (0..)
                .zip(std::mem::take(&mut raw.cards))
                .filter(|(i, _)| bad.next_if_eq(i).is_none())
                .map(|(_, c)| c)
                .collect();
            // Locate cards need the format that introduced them; others keep format 1.
            raw.format = format_for(&raw.cards);
            match deck::validate::validate_owned(raw, None) {
                (Some(deck), _) => deck,
                (None, issues) => {
                    return Err(ImportExportError::Invalid {
                        diagnostics: issues
                            .into_iter()
                            .map(|i| sheet_diagnostic(i, path))
                            .collect(),
                    });
                }
            }
        }
        _ => return Err(ImportExportError::Rows { problems }),
    };
    // A cell of one letter takes a line of its own in the deck file: a sheet well under
    // its cap can make a deck file over the deck cap, which would never load again.
    if text.len() as u64 * 12 + deck.cards.len() as u64 * 1024 > deck::MAX_FILE_BYTES {
        deck_fits(&deck, path, deck::MAX_FILE_BYTES)?;
    }
    Ok(ImportOutcome {
        deck,
        problems,
        reused_ids: reused,
    })
}

/// Refuses a deck whose file would be larger than `cap` (the size a deck file may be).
fn deck_fits(deck: &Deck, path: &Path, cap: u64) -> Result<()> {
    let bytes = deck::ron_len(deck);
    if bytes <= cap {
        return Ok(());
    }
    Err(ImportExportError::Invalid {
        diagnostics: vec![Diagnostic {
            severity: Severity::Error,
            code: "too-large",
            file: path.display().to_string(),
            line: 1,
            column: 1,
            message: crate::message::Message::new("import-deck-too-large")
                .arg("size", bytes.div_ceil(1 << 20))
                .arg("cap", cap >> 20),
            hint: Some(crate::message::Message::new("import-deck-too-large-hint")),
        }],
    })
}

/// A problem of the deck a spreadsheet makes that no row explains, at the file's start.
fn sheet_diagnostic(issue: deck::validate::Issue, path: &Path) -> Diagnostic {
    Diagnostic {
        severity: issue.severity,
        code: issue.code,
        file: path.display().to_string(),
        line: 1,
        column: 1,
        message: issue.message,
        hint: issue.hint,
    }
}

/// The deck an import built, written as RON and read back through `check` (as a deck
/// file is), so an imported deck is exactly what loading its file gives.
pub(crate) fn checked_deck(raw: &RawDeck, path: &Path) -> Result<Deck> {
    let text = ron::ser::to_string(raw).map_err(|e| ImportExportError::Write {
        what: "import-what-deck",
        message: crate::message::Message::new("error-system").arg("error", e.to_string()),
    })?;
    let checked = deck::check_text(&text, &path.display().to_string(), None);
    match checked.deck {
        Some(deck) if !checked.has_errors() => {
            // Written out pretty, short texts take a line each (see `import_csv_text`).
            if text.len() as u64 * 8 + deck.cards.len() as u64 * 1024 > deck::MAX_FILE_BYTES {
                deck_fits(&deck, path, deck::MAX_FILE_BYTES)?;
            }
            Ok(deck)
        }
        _ => Err(ImportExportError::Invalid {
            diagnostics: checked.diagnostics,
        }),
    }
}

/// Writes `contents` to `path` atomically with the durable-file layer: a temporary file
/// beside it, flushed to disk, renamed over the target, and the folder flushed. `-` and `/dev/stdout` mean standard output; a symbolic
/// link is written through to its target; a FIFO, device or folder is refused (see
/// [`crate::input::output_target`]).
pub fn write_atomic(path: &Path, contents: &str) -> Result<()> {
    write_atomic_bytes(path, contents.as_bytes())
}

/// [`write_atomic`] for bytes (an `.apkg` package).
pub(crate) fn write_atomic_bytes(path: &Path, contents: &[u8]) -> Result<()> {
    use std::io::Write;
    let io = || crate::durable::io_err("write", path);
    let path = match crate::input::output_target(path).map_err(io())? {
        crate::input::OutputTarget::Stdout => {
            let mut out = std::io::stdout().lock();
            out.write_all(contents)
                .and_then(|()| out.flush())
                .map_err(io())?;
            return Ok(());
        }
        crate::input::OutputTarget::File(target) => target,
    };
    Ok(crate::durable::write_atomic(&path, contents)?)
}

crate::durable::file_error_into!(ImportExportError);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_csv_readers_mistakes_are_messages_with_their_line() {
        let mut r = csv::ReaderBuilder::new()
            .has_headers(false)
            .from_reader("a,b\nc,d,e\n".as_bytes());
        let e = r.records().find_map(Result::err).expect("unequal rows");
        let m = csv_reader(&e);
        assert_eq!(m.id, "import-csv-unequal");
        assert_eq!(m.english(), "line 2: 3 cells, where the rows before have 2");
    }

    fn opts() -> ImportOptions {
        ImportOptions {
            deck_id: "imp".into(),
            title: "Imported".into(),
            keep_going: false,
        }
    }

    fn import(text: &str, existing: Option<&Deck>) -> Result<ImportOutcome> {
        import_csv_text(text, Path::new("sheet.csv"), existing, &opts())
    }

    #[test]
    fn detects_delimiters() {
        assert_eq!(detect_delimiter("a;b;c\n", Path::new("x.csv")), b';');
        assert_eq!(detect_delimiter("a\tb\n", Path::new("x.csv")), b'\t');
        assert_eq!(detect_delimiter("\"a;b\",c\n", Path::new("x.csv")), b',');
        assert_eq!(detect_delimiter("a,b\n", Path::new("x.tsv")), b'\t');
    }

    #[test]
    fn imports_basic_and_multiple_choice_rows() {
        let text = "front;back;distractor1;distractor2;tags\nCapital of Latvia?;Riga;Tallinn;Vilnius;geo, baltic\nWho led Estonia?;Konstantin Päts;;;\n";
        let out = import(text, None).unwrap();
        let d = out.deck;
        assert_eq!(d.cards.len(), 2);
        assert_eq!(d.cards[0].id.as_str(), "capital-of-latvia");
        assert!(matches!(d.cards[0].kind, CardKind::MultipleChoice { .. }));
        assert_eq!(*d.cards[0].tags, ["geo", "baltic"]);
        assert!(matches!(d.cards[1].kind, CardKind::Basic { .. }));
    }

    #[test]
    fn row_problems_are_reported_by_row_and_nothing_is_built() {
        let text =
            "question,answer,kind\nOK?,yes,basic\n,missing question,basic\nTF?,maybe,true-false\n";
        let Err(ImportExportError::Rows { problems }) = import(text, None) else {
            panic!("expected row problems");
        };
        let rows: Vec<u64> = problems.iter().map(|p| p.row).collect();
        assert_eq!(rows, vec![3, 4], "{problems:?}");
        let mut o = opts();
        o.keep_going = true;
        let out = import_csv_text(text, Path::new("s.csv"), None, &o).unwrap();
        assert_eq!(out.deck.cards.len(), 1);
    }

    #[test]
    fn reimport_reuses_ids_so_progress_is_kept() {
        let first = import(
            "question,answer\nCapital of Latvia?,Riga\nCapital of Estonia?,Tallinn\n",
            None,
        )
        .unwrap()
        .deck;
        let mut renamed = first.clone();
        renamed.cards[0].id = "my-own-id".into();
        // The teacher fixes a typo in one question and reorders the rows.
        let second = import(
            "question,answer\nCapital of Estonia?,Tallinn\nCapitl of Latvia?,Riga\nNew one?,Yes\n",
            Some(&renamed),
        )
        .unwrap();
        let ids: Vec<&str> = second.deck.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["capital-of-estonia", "my-own-id", "new-one"]);
        assert_eq!(second.reused_ids, 2);
    }

    #[test]
    fn ids_made_by_the_old_rule_are_kept_on_reimport() {
        // Earlier versions dropped Cyrillic: these cards got `card` and `card-2`.
        let text = "question,answer\nКто подписал пакт?,Молотов\nГде?,Москва\n";
        let mut old = import(text, None).unwrap().deck;
        assert_eq!(old.cards[0].id.as_str(), "kto-podpisal-pakt");
        old.cards[0].id = "card".into();
        old.cards[1].id = "card-2".into();
        let again = import(text, Some(&old)).unwrap();
        let ids: Vec<&str> = again.deck.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(ids, vec!["card", "card-2"]);
        assert_eq!(again.reused_ids, 2);
        // A Latvian question keeps its letters folded.
        let lv = import("question,answer\nKas ir Jūrmala?,Pilsēta\n", None).unwrap();
        assert_eq!(lv.deck.cards[0].id.as_str(), "kas-ir-jurmala");
    }

    #[test]
    fn csv_export_reimports_to_the_same_deck() {
        let text = include_str!("../../../../tests/fixtures/every-kind.ron");
        let d = deck::load_str(text, "every-kind.ron", None).unwrap();
        let csv = export_csv(&d).unwrap();
        let o = ImportOptions {
            deck_id: d.id.to_string(),
            title: d.title.clone(),
            keep_going: false,
        };
        let mut back = import_csv_text(&csv, Path::new("e.csv"), None, &o)
            .unwrap()
            .deck;
        back.description = d.description.clone();
        back.authors = d.authors.clone();
        back.version = d.version;
        back.language = d.language.clone();
        assert_eq!(back, d);
    }

    const LOCATE: &str = r#"Deck(format: 2, id: "maps", title: "Maps", cards: [
        Card(id: "port", tags: ["geo"], note: "A naval port.", kind: Locate(prompt: "Where is Liepāja?", picture: "maps/baltic.png",
            answer: Circle(name: "Liepāja", x: 10.5, y: 10, r: 5),
            others: [Circle(name: "Riga", x: 40, y: 10, r: 5),
                     Polygon(name: "Estonia, north", points: [(0, 50), (20, 50), (10, 60)])])),
        Card(id: "plain", kind: TypeIn(question: "Capital of Latvia?", answers: ["Riga"])),
    ])"#;

    /// The import options of the [`LOCATE`] deck's spreadsheet.
    fn maps_options() -> ImportOptions {
        ImportOptions {
            deck_id: "maps".into(),
            title: "Maps".into(),
            keep_going: false,
        }
    }

    #[test]
    fn locate_cards_export_their_regions_as_text_and_reimport() {
        let d = deck::load_str(LOCATE, "maps.ron", None).unwrap();
        let csv = export_csv(&d).unwrap();
        assert!(csv.contains("Liepāja @ circle(10.5, 10, 5)"), "{csv}");
        assert!(
            csv.contains("Estonia, north @ polygon(0 50, 20 50, 10 60)"),
            "{csv}"
        );
        assert!(csv.contains("maps/baltic.png"), "{csv}");
        assert!(
            !csv.contains("choice_prompt"),
            "no column without a card that has one"
        );
        let o = maps_options();
        let back = import_csv_text(&csv, Path::new("m.csv"), None, &o)
            .unwrap()
            .deck;
        assert_eq!(back.cards, d.cards);
        // A broken region in a spreadsheet is named with its row.
        let broken = csv.replace("Riga @ circle(40, 10, 5)", "Riga @ circle(40, 10)");
        let e = import_csv_text(&broken, Path::new("m.csv"), None, &o).unwrap_err();
        let ImportExportError::Rows { problems } = &e else {
            panic!("{e:?}")
        };
        assert!(
            problems[0].to_string().contains("needs x, y and r"),
            "{e:?}"
        );
        // JSON: the regions with their shapes.
        let j: serde_json::Value = serde_json::from_str(&export_json(&d).unwrap()).unwrap();
        assert_eq!(j["format"], 2);
        let card = &j["cards"][0];
        assert_eq!(card["kind"], "Locate");
        assert_eq!(card["answer"]["name"], "Liepāja");
        assert_eq!(card["answer"]["shape"]["Circle"]["r"], 5.0);
        assert_eq!(card["others"][1]["shape"]["Polygon"]["points"][2][1], 60.0);
        assert_eq!(card["picture"], "maps/baltic.png");
    }

    #[test]
    fn a_locate_cards_question_for_tests_goes_through_csv_and_json() {
        let text = LOCATE.replace("format: 2", "format: 3").replace(
            "picture: \"maps/baltic.png\"",
            "choice_prompt: \"Which of these is Liepāja?\", picture: \"maps/baltic.png\"",
        );
        let d = deck::load_str(&text, "maps.ron", None).unwrap();
        let csv = export_csv(&d).unwrap();
        let header = csv.lines().next().unwrap();
        assert!(header.ends_with(",image,choice_prompt"), "{header}");
        assert!(csv.contains(",Which of these is Liepāja?"), "{csv}");
        let back = import_csv_text(&csv, Path::new("m.csv"), None, &maps_options())
            .unwrap()
            .deck;
        assert_eq!(back.cards, d.cards);
        assert_eq!(deck::format_of(&back), 3, "the format that holds it");
        let j: serde_json::Value = serde_json::from_str(&export_json(&d).unwrap()).unwrap();
        assert_eq!(j["format"], 3);
        assert_eq!(j["cards"][0]["choice_prompt"], "Which of these is Liepāja?");
    }

    #[test]
    fn keep_going_leaves_out_every_bad_row_even_past_the_cap_on_problems() {
        // 1,500 rows whose card has an error (an empty back), 1,500 that make no card (an
        // unknown kind) and 3 good ones; only the first problems of each are listed.
        let mut text = String::from("question,answer,kind\n");
        for i in 0..1_500 {
            text.push_str(&format!("Empty back {i}?,,basic\nBad kind {i}?,x,riddle\n"));
        }
        text.push_str("One?,1,basic\nTwo?,2,basic\nThree?,3,basic\n");
        let opts = ImportOptions {
            keep_going: true,
            ..opts()
        };
        let out = import_csv_text(&text, Path::new("s.csv"), None, &opts).unwrap();
        let fronts: Vec<String> = out
            .deck
            .cards
            .iter()
            .map(|c| c.kind.prompt_text())
            .collect();
        assert_eq!(fronts, ["One?", "Two?", "Three?"]);
        let errors = out
            .problems
            .iter()
            .filter(|p| p.severity == Severity::Error);
        assert!(
            errors.count() <= 2 * MAX_DIAGNOSTICS + 2,
            "{}",
            out.problems.len()
        );
        let counts: Vec<String> = out
            .problems
            .iter()
            .map(|p| p.message.english())
            .filter(|m| m.contains("not shown") || m.contains("are shown"))
            .collect();
        assert_eq!(counts.len(), 2, "{counts:?}");
        assert!(
            counts.iter().any(|m| m.starts_with("500 more rows")),
            "{counts:?}"
        );
        // Without keep going, the same sheet is refused with the same bounded list.
        let Err(ImportExportError::Rows { problems }) = import(&text, None) else {
            panic!("refused");
        };
        assert!(
            problems.len() <= 2 * MAX_DIAGNOSTICS + 2,
            "{}",
            problems.len()
        );
    }

    #[test]
    fn thousands_of_unknown_columns_are_named_up_to_the_cap() {
        let mut text = String::from("question,answer");
        for k in 0..5_000 {
            text.push_str(&format!(",extra{k}"));
        }
        text.push_str("\nQ?,A\n");
        let out = import(&text, None).unwrap();
        assert_eq!(out.deck.cards.len(), 1);
        assert_eq!(out.problems.len(), MAX_DIAGNOSTICS + 1);
        assert!(
            out.problems[MAX_DIAGNOSTICS]
                .message
                .english()
                .starts_with("4000 more unknown columns")
        );
    }

    #[test]
    fn a_sheet_whose_deck_file_would_pass_the_deck_cap_is_refused() {
        let out = import("question,answer\nOne?,1\nTwo?,2\n", None).unwrap();
        let len = deck::ron_len(&out.deck);
        assert_eq!(len, deck::to_ron(&out.deck).len() as u64);
        assert!(deck_fits(&out.deck, Path::new("s.csv"), len).is_ok());
        let Err(ImportExportError::Invalid { diagnostics }) =
            deck_fits(&out.deck, Path::new("s.csv"), len - 1)
        else {
            panic!("refused");
        };
        assert_eq!(diagnostics[0].code, "too-large");
        assert!(diagnostics[0].message.contains("a deck file may hold"));
    }

    #[test]
    fn colliding_slugs_are_numbered_in_order() {
        let mut text = String::from("question,answer\n");
        // Questions with no letter the slug keeps (Cyrillic is transliterated) all become
        // `card`.
        for (i, q) in ["考试?", "你好?", "谁?", "何时?", "哪里?", "为什么?"]
            .iter()
            .enumerate()
        {
            text.push_str(&format!("{q},a{i}\n"));
        }
        text.push_str("card-3,x\n");
        let out = import(&text, None).unwrap();
        let ids: Vec<&str> = out.deck.cards.iter().map(|c| c.id.as_str()).collect();
        assert_eq!(
            ids,
            [
                "card", "card-2", "card-3", "card-4", "card-5", "card-6", "card-3-2"
            ]
        );
    }

    #[test]
    fn wrong_options_are_read_from_the_names_teachers_give_them() {
        let text = "Question,Answer,Wrong 1,Wrong answer 2,incorrect_3,Wrong,Wrong\n\
                    q,a,w1,w2,w3,w4,w5\n";
        let out = import(text, None).unwrap();
        assert!(out.problems.is_empty(), "{:?}", out.problems);
        match &out.deck.cards[0].kind {
            CardKind::MultipleChoice { distractors, .. } => {
                assert_eq!(**distractors, ["w1", "w2", "w3", "w4", "w5"]);
            }
            other => panic!("{other:?}"),
        }
        // The dialog guesses its menus from the same names.
        assert_eq!(
            HeaderName::read(" Wrong answer 12 "),
            HeaderName::Distractor(Some(12))
        );
        assert_eq!(HeaderName::read("WRONG"), HeaderName::Distractor(None));
        assert_eq!(HeaderName::read("wrongly"), HeaderName::Unknown);
        // Two columns numbered alike are still a repeated header.
        assert!(matches!(
            import("question,answer,wrong 1,distractor1\nq,a,b,c\n", None),
            Err(ImportExportError::Rows { .. })
        ));
    }

    #[test]
    fn repeated_header_columns_are_refused() {
        for text in [
            "question,answer,Question\nq,a,b\n",
            "question,answer,distractor1,distractor 1\nq,a,b,c\n",
        ] {
            match import(text, None) {
                Err(ImportExportError::Rows { problems }) => {
                    assert_eq!(problems[0].row, 1);
                    assert!(
                        problems[0].message.contains("repeats column"),
                        "{}",
                        problems[0]
                    );
                }
                other => panic!("{text:?} imported: {other:?}"),
            }
        }
    }

    #[test]
    fn an_unterminated_quote_is_reported_where_it_starts() {
        let text = "question,answer\nq1,a1\n\"q2,a2\nq3,a3\nq4,a4\n";
        match import(text, None) {
            Err(ImportExportError::Rows { problems }) => {
                assert_eq!(problems.len(), 1);
                assert_eq!(problems[0].row, 3);
                assert!(problems[0].message.contains("never closed"));
            }
            other => panic!("imported: {other:?}"),
        }
        // Quotes that close, doubled quotes and quotes inside a cell are fine.
        let ok = "question,answer\n\"a, \"\"b\"\"\nc\",x\nq 5\" long,y\n";
        assert_eq!(import(ok, None).unwrap().deck.cards.len(), 2);
    }

    #[test]
    fn utf16_and_bom_spreadsheets_are_read_and_other_encodings_named() {
        let text = "question,answer\nKārlis,Ulmanis\n";
        let le: Vec<u8> = text.encode_utf16().flat_map(u16::to_le_bytes).collect();
        let be: Vec<u8> = text.encode_utf16().flat_map(u16::to_be_bytes).collect();
        let mut le_bom = vec![0xFF, 0xFE];
        le_bom.extend(&le);
        let mut be_bom = vec![0xFE, 0xFF];
        be_bom.extend(&be);
        let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
        utf8_bom.extend(text.as_bytes());
        for bytes in [le, be, le_bom, be_bom, utf8_bom] {
            assert_eq!(decode_text(bytes).unwrap(), text);
        }
        let latin1 = b"question,answer\nK\xe2rlis,x\n".to_vec();
        let e = decode_text(latin1).unwrap_err();
        assert!(e.contains("Windows-1252") && e.contains("byte 17"), "{e}");
    }

    #[test]
    fn slugs_are_ascii_and_bounded() {
        assert_eq!(slug("Who was Kārlis Ulmanis?"), "who-was-karlis-ulmanis");
        assert!(slug(&"word ".repeat(40)).len() <= 48);
        assert_eq!(slug("?!"), "card");
    }
}
