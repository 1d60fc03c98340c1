//! Anki packages: reading `.apkg` / `.colpkg` files into a deck, its pictures and the
//! review log, and writing a deck as an `.apkg` Anki and AnkiDroid open.
//!
//! Both layouts Anki writes are read: the legacy one (`collection.anki2` or
//! `collection.anki21`, a plain SQLite file of schema 11 with the note types as JSON in
//! the `col` table, and a JSON media map) and the current one (`meta` says version 3:
//! `collection.anki21b`, a zstd-compressed SQLite file of schema 18 with note types in
//! their own tables, a zstd-compressed protobuf media map, every media file compressed).
//!
//! Notes become cards: Basic (and reversed card) → `Basic` (reversed when the note type
//! has a second card asking the other way), Basic (type in the answer) → `TypeIn`, Cloze
//! → `Cloze`; any other note type with two fields or more → `Basic` of its first two
//! fields, the other fields in the card's note. HTML is reduced to text, `[sound:…]` is
//! dropped (and counted), the first picture of a note becomes the card's picture (a JPEG or GIF
//! converted to PNG within the picture limits).
//! Card ids are made from the front and the note's Anki id (`guid`), so importing the
//! same package again gives the same ids.
//!
//! Hostile packages are refused with a message before they cost much: too large files,
//! too many entries, collections that expand far beyond their packed size (zip or zstd
//! bombs), files that are not SQLite, collections of another shape (a view or virtual
//! table where a table belongs, missing columns), more notes or reviews than a deck can
//! hold. SQLite opens the collection read-only with a step budget, so no query can run
//! away.

use super::{ImportExportError, Result, slug};
use crate::deck::raw::{FORMAT_VERSION, RawCard, RawDeck, RawKind};
use crate::deck::{self, Deck};
use crate::ids::{DeckId, ItemKey};
use crate::message::Message;
use crate::schedule::{Rating, ReviewEntry};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

mod export;
pub use export::{ApkgSummary, export_apkg};

/// Largest package file opened (1 GiB: a collection with its media).
pub const MAX_PACKAGE_BYTES: u64 = 1 << 30;
/// Most entries in a package (its media files and the collection).
pub const MAX_ENTRIES: usize = 200_000;
/// Largest collection once unpacked (512 MiB).
pub const MAX_COLLECTION_BYTES: u64 = 512 << 20;
/// A collection may expand to this many times its packed size beyond the first
/// [`RATIO_FLOOR_BYTES`] (real collections compress 3 to 20 times).
pub const MAX_RATIO: u64 = 100;
/// Unpacked size always allowed, whatever the ratio.
pub const RATIO_FLOOR_BYTES: u64 = 64 << 20;
/// Most notes read from one collection.
pub const MAX_NOTES: usize = 100_000;
/// Largest text of one note (all its fields), in bytes.
pub const MAX_NOTE_BYTES: usize = 256 * 1024;
/// Largest note-type or deck list (JSON in a legacy collection), in bytes.
const MAX_JSON_BYTES: usize = 16 << 20;

/// How an Anki package was laid out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// `collection.anki2` (schema 11, JSON media map).
    Legacy1,
    /// `collection.anki21` (schema 11, JSON media map).
    Legacy2,
    /// `collection.anki21b` (schema 18, zstd, protobuf media map): Anki's default since 2.1.50.
    Latest,
}

impl Layout {
    fn collection_name(self) -> &'static str {
        match self {
            Layout::Legacy1 => "collection.anki2",
            Layout::Legacy2 => "collection.anki21",
            Layout::Latest => "collection.anki21b",
        }
    }
    fn compressed(self) -> bool {
        self == Layout::Latest
    }
}

impl std::fmt::Display for Layout {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.collection_name())
    }
}

/// One answer of the package's review log, on the study item it belongs to.
#[derive(Debug, Clone, PartialEq)]
pub struct AnkiReview {
    /// The item answered (the imported deck's card and part).
    pub key: ItemKey,
    /// The button pressed.
    pub rating: Rating,
    /// When.
    pub at: DateTime<Utc>,
    /// How long the answer took, in milliseconds.
    pub duration_ms: u32,
}

/// What an Anki import brought over and what it left out.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct AnkiReport {
    /// Notes in the collection.
    pub notes: usize,
    /// Cards made.
    pub cards: usize,
    /// Notes left out, with the reason (the first 20).
    pub skipped: Vec<String>,
    /// How many notes were left out in all.
    pub skipped_count: usize,
    /// `[sound:…]` references dropped.
    pub sounds_dropped: usize,
    /// Pictures brought over.
    pub pictures: usize,
    /// Pictures converted from JPEG or GIF to PNG (counted in `pictures` too).
    pub pictures_converted: usize,
    /// Pictures left out (not PNG, JPEG or GIF, missing, damaged or too large), with the reason (the first 20).
    pub pictures_dropped: Vec<String>,
    /// How many pictures were left out in all.
    pub pictures_dropped_count: usize,
    /// Answers of the review log kept.
    pub reviews: usize,
    /// Answers of the log left out (manual rescheduling, cards not imported, bad rows).
    pub reviews_skipped: usize,
}

/// A fact of a report, with the notes or pictures it lists (the first 20) and their count.
type Fact<'a> = (Message, Option<(&'a [String], usize)>);

impl AnkiReport {
    /// One line per fact a teacher should know, in English, for the command line: each
    /// of [`AnkiReport::messages`], a list's notes or pictures indented under it.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (message, list) in self.facts() {
            match list {
                None => out.push(message.english()),
                Some((shown, count)) => {
                    out.push(format!("{}:", message.english()));
                    out.extend(shown.iter().map(|s| format!("  {s}")));
                    if count > shown.len() {
                        out.push(format!("  … and {} more", count - shown.len()));
                    }
                }
            }
        }
        out
    }

    /// The facts a teacher should know, as messages for any language: first what was
    /// read and made, then what was converted or left out.
    pub fn messages(&self) -> Vec<Message> {
        self.facts().into_iter().map(|(m, _)| m).collect()
    }

    /// Each fact, with the notes or pictures it lists (the first 20) and their count.
    fn facts(&self) -> Vec<Fact<'_>> {
        let mut out = vec![(
            Message::new("anki-report-read")
                .arg("notes", self.notes)
                .arg("cards", self.cards)
                .arg("pictures", self.pictures)
                .arg("reviews", self.reviews),
            None,
        )];
        if self.skipped_count > 0 {
            out.push((
                Message::new("anki-report-notes-left-out").arg("n", self.skipped_count),
                Some((self.skipped.as_slice(), self.skipped_count)),
            ));
        }
        if self.pictures_converted > 0 {
            out.push((
                Message::new("anki-report-pictures-converted").arg("n", self.pictures_converted),
                None,
            ));
        }
        if self.sounds_dropped > 0 {
            out.push((
                Message::new("anki-report-sounds-dropped").arg("n", self.sounds_dropped),
                None,
            ));
        }
        if self.pictures_dropped_count > 0 {
            out.push((
                Message::new("anki-report-pictures-left-out").arg("n", self.pictures_dropped_count),
                Some((
                    self.pictures_dropped.as_slice(),
                    self.pictures_dropped_count,
                )),
            ));
        }
        if self.reviews_skipped > 0 {
            out.push((
                Message::new("anki-report-reviews-left-out").arg("n", self.reviews_skipped),
                None,
            ));
        }
        out
    }

    fn skip(&mut self, reason: String) {
        self.skipped_count += 1;
        if self.skipped.len() < 20 {
            self.skipped.push(reason);
        }
    }

    fn drop_picture(&mut self, reason: String) {
        self.pictures_dropped_count += 1;
        if self.pictures_dropped.len() < 20 {
            self.pictures_dropped.push(reason);
        }
    }
}

/// A package read into a deck.
#[derive(Debug, Clone)]
pub struct AnkiImport {
    /// The package's layout.
    pub layout: Layout,
    /// The deck (checked).
    pub deck: Deck,
    /// Its pictures: file name relative to the deck's folder, PNG bytes.
    pub pictures: Vec<(String, Vec<u8>)>,
    /// The review log on the deck's items, oldest first.
    pub reviews: Vec<AnkiReview>,
    /// What was brought over and what was left out.
    pub report: AnkiReport,
}

/// Options of [`read_package`].
#[derive(Debug, Clone, Default)]
pub struct AnkiOptions {
    /// The deck's id (default: from its title).
    pub deck_id: Option<String>,
    /// The deck's title (default: the Anki deck's name, or the file's name).
    pub title: Option<String>,
}

fn refused(path: &Path, reason: impl Into<String>) -> ImportExportError {
    ImportExportError::Refused {
        path: path.to_owned(),
        reason: reason.into(),
    }
}

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> ImportExportError {
    let path = path.to_owned();
    move |source| ImportExportError::Io {
        action,
        path,
        source,
    }
}

/// True when `path` is a zip file holding an Anki collection (judged by content: the
/// zip's entry names, not the file's extension).
pub fn is_anki_package(path: &Path) -> bool {
    let Ok((file, _)) = crate::input::open_regular(path) else {
        return false;
    };
    let Ok(archive) = zip::ZipArchive::new(std::io::BufReader::new(file)) else {
        return false;
    };
    archive
        .file_names()
        .any(|n| n.is_ok_and(|n| n.starts_with("collection.anki2")))
}

/// Reads a protobuf varint.
fn varint(buf: &[u8], at: &mut usize) -> Option<u64> {
    let mut v = 0u64;
    for shift in (0..64).step_by(7) {
        let b = *buf.get(*at)?;
        *at += 1;
        v |= u64::from(b & 0x7f) << shift;
        if b & 0x80 == 0 {
            return Some(v);
        }
    }
    None
}

/// A protobuf field's value: a varint or a length-delimited slice.
enum Pb<'a> {
    Int(u64),
    Bytes(&'a [u8]),
}

/// Most fields read from one protobuf message (a media list has one per media file).
const MAX_PROTOBUF_FIELDS: usize = MAX_ENTRIES + 16;

/// The fields of one protobuf message, in order; `None` when it is malformed or has more
/// than [`MAX_PROTOBUF_FIELDS`] fields.
fn protobuf_fields(buf: &[u8]) -> Option<Vec<(u64, Pb<'_>)>> {
    let mut out = Vec::new();
    let mut at = 0;
    while at < buf.len() {
        if out.len() >= MAX_PROTOBUF_FIELDS {
            return None;
        }
        let key = varint(buf, &mut at)?;
        let value = match key & 7 {
            0 => Pb::Int(varint(buf, &mut at)?),
            1 => {
                at = at.checked_add(8).filter(|&e| e <= buf.len())?;
                continue;
            }
            2 => {
                let len = usize::try_from(varint(buf, &mut at)?).ok()?;
                let end = at.checked_add(len).filter(|&e| e <= buf.len())?;
                let s = &buf[at..end];
                at = end;
                Pb::Bytes(s)
            }
            5 => {
                at = at.checked_add(4).filter(|&e| e <= buf.len())?;
                continue;
            }
            _ => return None,
        };
        out.push((key >> 3, value));
    }
    Some(out)
}

/// Reads one zip entry fully, refusing more than `cap` bytes (after zstd decompression
/// when `zstd` is set).
fn read_entry(
    archive: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    name: &str,
    zstd: bool,
    cap: u64,
) -> std::result::Result<Option<Vec<u8>>, String> {
    let entry = match archive.by_name(name) {
        Ok(e) => e,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(format!("\"{name}\" cannot be read: {e}")),
    };
    if entry.encrypted() {
        return Err(format!("\"{name}\" is encrypted"));
    }
    let mut out = Vec::new();
    let r = if zstd {
        let dec = zstd::stream::read::Decoder::new(entry.take(cap.saturating_mul(4) + 1))
            .map_err(|e| format!("\"{name}\" is damaged: {e}"))?;
        dec.take(cap + 1).read_to_end(&mut out)
    } else {
        entry.take(cap + 1).read_to_end(&mut out)
    };
    r.map_err(|e| format!("\"{name}\" is damaged: {e}"))?;
    if out.len() as u64 > cap {
        return Err(format!(
            "\"{name}\" unpacks to more than {} KiB, more than it can hold",
            cap / 1024
        ));
    }
    Ok(Some(out))
}

/// Unpacks the collection into `to`, refusing bombs; returns the bytes written.
fn unpack_collection(
    archive: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    layout: Layout,
    package: &Path,
    to: &Path,
) -> Result<u64> {
    let name = layout.collection_name();
    let entry = archive
        .by_name(name)
        .map_err(|e| refused(package, format!("\"{name}\" cannot be read: {e}")))?;
    if entry.encrypted() {
        return Err(refused(package, format!("\"{name}\" is encrypted")));
    }
    let packed = entry.compressed_size();
    let cap = MAX_COLLECTION_BYTES.min(packed.saturating_mul(MAX_RATIO).max(RATIO_FLOOR_BYTES));
    let mut file = std::fs::File::create(to).map_err(io_err("create", to))?;
    let copied = if layout.compressed() {
        let mut dec = zstd::stream::read::Decoder::new(entry)
            .map_err(|e| refused(package, format!("the collection is damaged: {e}")))?;
        // The window a frame may ask for is bounded (128 MiB by default), so decoding
        // cannot allocate more than that whatever the frame header says.
        dec.window_log_max(27)
            .map_err(|e| refused(package, format!("the collection is damaged: {e}")))?;
        std::io::copy(&mut dec.take(cap + 1), &mut file)
    } else {
        std::io::copy(&mut entry.take(cap + 1), &mut file)
    };
    let copied = copied.map_err(|e| {
        if e.kind() == std::io::ErrorKind::Other || e.kind() == std::io::ErrorKind::InvalidData {
            refused(package, format!("the collection is damaged: {e}"))
        } else {
            ImportExportError::Io {
                action: "write",
                path: to.to_owned(),
                source: e,
            }
        }
    })?;
    if copied > cap {
        return Err(refused(
            package,
            format!(
                "the collection expands beyond {} MiB from {} KiB packed (a zip or zstd bomb?)",
                cap >> 20,
                packed.div_ceil(1024)
            ),
        ));
    }
    file.flush().map_err(io_err("write", to))?;
    Ok(copied)
}

/// A note type as far as the import needs it.
#[derive(Debug, Clone, Default)]
struct NoteType {
    name: String,
    cloze: bool,
    fields: Vec<String>,
    /// Question and answer templates, in card order.
    templates: Vec<(String, String)>,
}

impl NoteType {
    fn field_index(&self, name: &str) -> Option<usize> {
        self.fields.iter().position(|f| f == name)
    }

    /// Field names a template refers to, in order (`{{Front}}`, `{{type:Back}}`,
    /// `{{cloze:Text}}`, `{{#Field}}`…), special fields left out.
    fn refs(&self, template: &str) -> Vec<usize> {
        let mut out = Vec::new();
        let mut rest = template;
        while let Some(start) = rest.find("{{") {
            rest = &rest[start + 2..];
            let Some(end) = rest.find("}}") else { break };
            let inner = rest[..end].trim();
            rest = &rest[end + 2..];
            let name = inner
                .trim_start_matches(['#', '^', '/'])
                .rsplit(':')
                .next()
                .unwrap_or("")
                .trim();
            if let Some(i) = self.field_index(name)
                && !out.contains(&i)
            {
                out.push(i);
            }
        }
        out
    }

    fn type_in(&self) -> bool {
        self.templates.iter().any(|(q, _)| q.contains("{{type:"))
    }
}

/// A collection's rows, read.
struct Collection {
    note_types: HashMap<i64, NoteType>,
    decks: HashMap<i64, String>,
    notes: Vec<NoteRow>,
    /// Card id → (note id, template ordinal, deck id).
    cards: HashMap<i64, (i64, u32, i64)>,
    revlog: Vec<(i64, i64, i64, i64, i64)>,
}

struct NoteRow {
    id: i64,
    guid: String,
    mid: i64,
    tags: String,
    fields: String,
}

fn sql_refused(package: &Path, e: rusqlite::Error) -> ImportExportError {
    let message = match &e {
        rusqlite::Error::SqliteFailure(f, _)
            if f.code == rusqlite::ErrorCode::OperationInterrupted =>
        {
            "reading the collection took too long (a damaged or hostile file?)".to_owned()
        }
        _ => format!("the collection is not one Anki writes: {e}"),
    };
    refused(package, message)
}

fn read_collection(
    db_path: &Path,
    db_bytes: u64,
    package: &Path,
    latest: bool,
) -> Result<Collection> {
    let mut head = [0u8; 16];
    std::fs::File::open(db_path)
        .and_then(|mut f| f.read_exact(&mut head))
        .map_err(|_| refused(package, "the collection is not a SQLite database"))?;
    if &head != b"SQLite format 3\0" {
        return Err(refused(package, "the collection is not a SQLite database"));
    }
    use rusqlite::OpenFlags;
    let conn = rusqlite::Connection::open_with_flags(
        db_path,
        OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX,
    )
    .map_err(|e| sql_refused(package, e))?;
    let sql = |e| sql_refused(package, e);
    // No query may run away: a step budget in proportion to the file, checked every
    // thousand steps. Strings and blobs are capped, and nothing in the file's schema
    // (triggers, views, functions) is trusted.
    let budget = 100_000_000u64.saturating_add(db_bytes.saturating_mul(64)) / 1000;
    let mut steps = 0u64;
    conn.progress_handler(
        1000,
        Some(move || {
            steps += 1;
            steps > budget
        }),
    );
    conn.set_limit(rusqlite::limits::Limit::SQLITE_LIMIT_LENGTH, 32 << 20)
        .map_err(sql)?;
    conn.execute_batch(
        "PRAGMA trusted_schema = OFF; PRAGMA cell_size_check = ON; PRAGMA query_only = ON;",
    )
    .map_err(sql)?;

    // The tables read must be plain tables (a view could compute forever).
    let mut kinds: HashMap<String, String> = HashMap::new();
    {
        let mut st = conn
            .prepare("SELECT name, type, coalesce(sql, '') FROM sqlite_master LIMIT 10000")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, String>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, String>(2)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (name, kind, text) = row.map_err(sql)?;
            let kind = if text.to_ascii_uppercase().contains("VIRTUAL") {
                "virtual table".to_owned()
            } else {
                kind
            };
            kinds.insert(name.to_ascii_lowercase(), kind);
        }
    }
    let schema18 = kinds.contains_key("notetypes");
    let mut needed = vec!["col", "notes", "cards"];
    if schema18 {
        needed.extend(["notetypes", "fields", "templates", "decks"]);
    }
    for t in needed {
        match kinds.get(t).map(String::as_str) {
            Some("table") => {}
            Some(other) => {
                return Err(refused(
                    package,
                    format!("the collection's \"{t}\" is a {other}, not a table"),
                ));
            }
            None => {
                return Err(refused(
                    package,
                    format!("the collection has no \"{t}\" table: it is not an Anki collection"),
                ));
            }
        }
    }
    if latest && !schema18 {
        return Err(refused(
            package,
            "collection.anki21b holds a collection of the old shape",
        ));
    }
    let has_revlog = kinds.get("revlog").is_some_and(|k| k == "table");

    let mut note_types = HashMap::new();
    let mut decks = HashMap::new();
    if schema18 {
        let mut st = conn
            .prepare("SELECT id, name, config FROM notetypes")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, String>(1)?,
                    r.get::<_, Vec<u8>>(2)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (id, name, config) = row.map_err(sql)?;
            let cloze = protobuf_fields(&config)
                .unwrap_or_default()
                .iter()
                .any(|(f, v)| *f == 1 && matches!(v, Pb::Int(1)));
            note_types.insert(
                id,
                NoteType {
                    name,
                    cloze,
                    ..NoteType::default()
                },
            );
            if note_types.len() > 10_000 {
                return Err(refused(
                    package,
                    "the collection has more than 10,000 note types",
                ));
            }
        }
        let mut st = conn
            .prepare("SELECT ntid, name FROM fields ORDER BY ntid, ord LIMIT 1000000")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(sql)?;
        for row in rows {
            let (ntid, name) = row.map_err(sql)?;
            if let Some(nt) = note_types.get_mut(&ntid) {
                nt.fields.push(name);
            }
        }
        let mut st = conn
            .prepare("SELECT ntid, config FROM templates ORDER BY ntid, ord LIMIT 1000000")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, Vec<u8>>(1)?)))
            .map_err(sql)?;
        for row in rows {
            let (ntid, config) = row.map_err(sql)?;
            let (mut q, mut a) = (String::new(), String::new());
            for (f, v) in protobuf_fields(&config).unwrap_or_default() {
                if let Pb::Bytes(b) = v {
                    match f {
                        1 => q = String::from_utf8_lossy(b).into_owned(),
                        2 => a = String::from_utf8_lossy(b).into_owned(),
                        _ => {}
                    }
                }
            }
            if let Some(nt) = note_types.get_mut(&ntid) {
                nt.templates.push((q, a));
            }
        }
        let mut st = conn
            .prepare("SELECT id, name FROM decks LIMIT 100000")
            .map_err(sql)?;
        let rows = st
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))
            .map_err(sql)?;
        for row in rows {
            let (id, name) = row.map_err(sql)?;
            decks.insert(id, name.replace('\u{1f}', "::"));
        }
    } else {
        let (models, deck_json): (String, String) = conn
            .query_row("SELECT models, decks FROM col LIMIT 1", [], |r| {
                Ok((r.get(0)?, r.get(1)?))
            })
            .map_err(sql)?;
        if models.len() > MAX_JSON_BYTES || deck_json.len() > MAX_JSON_BYTES {
            return Err(refused(
                package,
                "the collection's note types or decks are too large",
            ));
        }
        let bad_json = |what: &str, e: serde_json::Error| {
            refused(package, format!("the collection's {what} are damaged: {e}"))
        };
        let models: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&models).map_err(|e| bad_json("note types", e))?;
        for (id, m) in models {
            let Ok(id) = id.parse::<i64>() else { continue };
            let text = |v: &serde_json::Value, k: &str| {
                v.get(k).and_then(|x| x.as_str()).unwrap_or("").to_owned()
            };
            let list = |k: &str| {
                m.get(k)
                    .and_then(|x| x.as_array())
                    .cloned()
                    .unwrap_or_default()
            };
            note_types.insert(
                id,
                NoteType {
                    name: text(&m, "name"),
                    cloze: m.get("type").and_then(|t| t.as_i64()) == Some(1),
                    fields: list("flds").iter().map(|f| text(f, "name")).collect(),
                    templates: list("tmpls")
                        .iter()
                        .map(|t| (text(t, "qfmt"), text(t, "afmt")))
                        .collect(),
                },
            );
        }
        let deck_map: serde_json::Map<String, serde_json::Value> =
            serde_json::from_str(&deck_json).map_err(|e| bad_json("decks", e))?;
        for (id, d) in deck_map {
            if let (Ok(id), Some(name)) =
                (id.parse::<i64>(), d.get("name").and_then(|n| n.as_str()))
            {
                decks.insert(id, name.to_owned());
            }
        }
    }

    let mut notes = Vec::new();
    {
        let mut st = conn
            .prepare("SELECT id, guid, mid, tags, flds FROM notes ORDER BY id LIMIT ?1")
            .map_err(sql)?;
        let rows = st
            .query_map([MAX_NOTES as i64 + 1], |r| {
                Ok(NoteRow {
                    id: r.get(0)?,
                    guid: r.get(1)?,
                    mid: r.get(2)?,
                    tags: r.get(3)?,
                    fields: r.get(4)?,
                })
            })
            .map_err(sql)?;
        for row in rows {
            notes.push(row.map_err(sql)?);
            if notes.len() > MAX_NOTES {
                return Err(refused(
                    package,
                    format!(
                        "the collection has more than {MAX_NOTES} notes; a deck holds fewer (export one Anki deck at a time)"
                    ),
                ));
            }
        }
    }
    let mut cards = HashMap::new();
    {
        let mut st = conn
            .prepare("SELECT id, nid, ord, did FROM cards LIMIT ?1")
            .map_err(sql)?;
        let rows = st
            .query_map([(MAX_NOTES * 20) as i64 + 1], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    r.get::<_, i64>(1)?,
                    r.get::<_, i64>(2)?,
                    r.get::<_, i64>(3)?,
                ))
            })
            .map_err(sql)?;
        for row in rows {
            let (id, nid, ord, did) = row.map_err(sql)?;
            cards.insert(id, (nid, u32::try_from(ord).unwrap_or(u32::MAX), did));
            if cards.len() > MAX_NOTES * 20 {
                return Err(refused(package, "the collection has too many cards"));
            }
        }
    }
    let mut revlog = Vec::new();
    if has_revlog {
        let max = crate::schedule::revlog::MAX_REVLOG_ROWS;
        let mut st = conn
            .prepare("SELECT id, cid, ease, time, type FROM revlog ORDER BY id LIMIT ?1")
            .map_err(sql)?;
        let rows = st
            .query_map([max as i64 + 1], |r| {
                Ok((r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?))
            })
            .map_err(sql)?;
        for row in rows {
            revlog.push(row.map_err(sql)?);
            if revlog.len() > max {
                return Err(refused(
                    package,
                    format!("the review log has more than {max} answers"),
                ));
            }
        }
    }
    Ok(Collection {
        note_types,
        decks,
        notes,
        cards,
        revlog,
    })
}

/// HTML of a field reduced to text: tags dropped (line breaks for `<br>` and block
/// ends), entities decoded, `[sound:…]` removed; returns the text, the `src` of each
/// picture, and how many sounds were dropped.
pub fn html_to_text(html: &str) -> (String, Vec<String>, usize) {
    let mut out = String::with_capacity(html.len());
    let mut images = Vec::new();
    let mut sounds = 0;
    let mut rest = html;
    while let Some(i) = rest.find(['<', '&', '[']) {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        if rest.starts_with("[sound:") {
            match rest.find(']') {
                Some(end) => {
                    sounds += 1;
                    rest = &rest[end + 1..];
                }
                None => {
                    out.push('[');
                    rest = &rest[1..];
                }
            }
        } else if rest.starts_with('<') {
            let Some(end) = rest.find('>') else {
                out.push_str(rest);
                rest = "";
                break;
            };
            let tag = &rest[1..end];
            rest = &rest[end + 1..];
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            match name.as_str() {
                "br" | "div" | "p" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "ul" | "ol"
                | "hr" => out.push('\n'),
                "td" | "th" => out.push(' '),
                "img" => {
                    if let Some(src) = attribute(tag, "src") {
                        images.push(decode_entities(&src));
                    }
                }
                "script" | "style" if !tag.starts_with('/') => {
                    let close = format!("</{name}");
                    let lower = rest.to_ascii_lowercase();
                    rest = match lower.find(&close) {
                        Some(at) => &rest[at..],
                        None => "",
                    };
                }
                _ => {}
            }
        } else if rest.starts_with('&') {
            let end =
                rest[1..].find(|c: char| c == ';' || c.is_whitespace() || c == '&' || c == '<');
            match end {
                Some(e) if rest.as_bytes()[e + 1] == b';' && e <= 10 => {
                    let entity = &rest[..e + 2];
                    out.push_str(&decode_entities(entity));
                    rest = &rest[e + 2..];
                }
                _ => {
                    out.push('&');
                    rest = &rest[1..];
                }
            }
        } else {
            out.push('[');
            rest = &rest[1..];
        }
    }
    out.push_str(rest);
    // Spaces collapsed within lines, blank lines dropped.
    let text = out
        .lines()
        .map(|l| l.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|l| !l.is_empty())
        .collect::<Vec<_>>()
        .join("\n");
    (text, images, sounds)
}

/// The value of `name="…"` (or `'…'`, or unquoted) in a tag's text.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let mut from = 0;
    while let Some(i) = lower[from..].find(name) {
        let at = from + i;
        from = at + name.len();
        let before_ok = at == 0 || lower.as_bytes()[at - 1].is_ascii_whitespace();
        let rest = tag[from..].trim_start();
        if !before_ok || !rest.starts_with('=') {
            continue;
        }
        let v = rest[1..].trim_start();
        return Some(match v.chars().next() {
            Some(q @ ('"' | '\'')) => v[1..].split(q).next().unwrap_or("").to_owned(),
            _ => v
                .split(|c: char| c.is_whitespace() || c == '/')
                .next()
                .unwrap_or("")
                .to_owned(),
        });
    }
    None
}

/// Decodes the HTML entities Anki writes (named ones of common use, and numeric ones).
fn decode_entities(s: &str) -> String {
    if !s.contains('&') {
        return s.to_owned();
    }
    let mut out = String::new();
    let mut rest = s;
    while let Some(i) = rest.find('&') {
        out.push_str(&rest[..i]);
        rest = &rest[i..];
        let Some(end) = rest.find(';').filter(|&e| e <= 10) else {
            out.push('&');
            rest = &rest[1..];
            continue;
        };
        let name = &rest[1..end];
        let c = match name {
            "nbsp" => Some(' '),
            "amp" => Some('&'),
            "lt" => Some('<'),
            "gt" => Some('>'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "ndash" => Some('–'),
            "mdash" => Some('—'),
            "hellip" => Some('…'),
            "laquo" => Some('«'),
            "raquo" => Some('»'),
            "bdquo" => Some('„'),
            "ldquo" => Some('“'),
            "rdquo" => Some('”'),
            "lsquo" => Some('‘'),
            "rsquo" => Some('’'),
            _ => name
                .strip_prefix("#x")
                .or_else(|| name.strip_prefix("#X"))
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| name.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match c {
            Some(c) => {
                out.push(c);
                rest = &rest[end + 1..];
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// Reads an Anki package (`.apkg` or `.colpkg`, either layout) into a checked deck, its
/// pictures and its review log. `work_dir` is a folder where the collection is unpacked
/// for SQLite to read (the file is removed afterwards).
pub fn read_package(path: &Path, work_dir: &Path, opts: &AnkiOptions) -> Result<AnkiImport> {
    let (file, _) = crate::input::open_regular(path).map_err(io_err("open", path))?;
    let len = file.metadata().map_err(io_err("read", path))?.len();
    if len > MAX_PACKAGE_BYTES {
        return Err(refused(
            path,
            format!(
                "it is {} MiB; Anki packages are read up to {} MiB",
                len >> 20,
                MAX_PACKAGE_BYTES >> 20
            ),
        ));
    }
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file))
        .map_err(|e| refused(path, format!("it is not an Anki package (a zip file): {e}")))?;
    if archive.len() > MAX_ENTRIES {
        return Err(refused(
            path,
            format!(
                "it has {} entries; at most {MAX_ENTRIES} are read",
                archive.len()
            ),
        ));
    }
    let meta = read_entry(&mut archive, "meta", false, 1024).map_err(|r| refused(path, r))?;
    let version = meta.as_deref().map(|m| {
        protobuf_fields(m)
            .unwrap_or_default()
            .iter()
            .find_map(|(f, v)| match (f, v) {
                (1, Pb::Int(n)) => Some(*n),
                _ => None,
            })
            .unwrap_or(0)
    });
    let has = |a: &zip::ZipArchive<_>, n: &str| a.index_for_name(n).is_some();
    let layout = match version {
        Some(3) => Layout::Latest,
        Some(1 | 2) | None => {
            if has(&archive, "collection.anki21") {
                Layout::Legacy2
            } else if has(&archive, "collection.anki2") {
                Layout::Legacy1
            } else if has(&archive, "collection.anki21b") {
                Layout::Latest
            } else {
                return Err(refused(
                    path,
                    "it holds no Anki collection (collection.anki2, .anki21 or .anki21b)",
                ));
            }
        }
        Some(v) => {
            return Err(refused(
                path,
                format!(
                    "it was written by a newer Anki (package version {v}); export it again with \"Support older Anki versions\" ticked"
                ),
            ));
        }
    };
    std::fs::create_dir_all(work_dir).map_err(io_err("create", work_dir))?;
    let db_path = work_dir.join(format!(".anki-import-{}.sqlite", std::process::id()));
    let result = (|| {
        let bytes = unpack_collection(&mut archive, layout, path, &db_path)?;
        read_collection(&db_path, bytes, path, layout == Layout::Latest)
    })();
    let _ = std::fs::remove_file(&db_path);
    let col = result?;
    build(path, layout, col, &mut archive, opts)
}

/// The media map: file name → zip entry name.
fn media_map(
    archive: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    layout: Layout,
    package: &Path,
) -> Result<HashMap<String, String>> {
    // A media list names each file in some 40 to 100 bytes: 16 MiB is room for far more
    // files than a package may hold.
    let Some(bytes) = read_entry(archive, "media", layout.compressed(), 16 << 20)
        .map_err(|r| refused(package, r))?
    else {
        return Ok(HashMap::new());
    };
    let mut map = HashMap::new();
    if layout.compressed() {
        let entries = protobuf_fields(&bytes)
            .ok_or_else(|| refused(package, "its media list is damaged or names too many files"))?;
        for (index, (_, entry)) in entries.iter().filter(|(f, _)| *f == 1).enumerate() {
            let Pb::Bytes(entry) = entry else { continue };
            let mut name = None;
            let mut zip_name = index.to_string();
            for (f, v) in protobuf_fields(entry).unwrap_or_default() {
                match (f, v) {
                    (1, Pb::Bytes(b)) => name = Some(String::from_utf8_lossy(b).into_owned()),
                    (255, Pb::Int(n)) => zip_name = n.to_string(),
                    _ => {}
                }
            }
            if let Some(name) = name {
                map.insert(name, zip_name);
            }
        }
    } else if !bytes.iter().all(u8::is_ascii_whitespace) {
        let json: HashMap<String, String> = serde_json::from_slice(&bytes)
            .map_err(|e| refused(package, format!("its media list is damaged: {e}")))?;
        if json.len() > MAX_ENTRIES {
            return Err(refused(package, "its media list names too many files"));
        }
        map = json.into_iter().map(|(k, v)| (v, k)).collect();
    }
    Ok(map)
}

/// A stable card id: the slug of the front and a short hash of the note's Anki id.
fn card_id(front: &str, guid: &str, suffix: &str) -> String {
    let base = crate::slug::slug(front, 40);
    let hash = xxhash_rust::xxh3::xxh3_64(guid.as_bytes());
    let short = format!("{:06x}", hash & 0xff_ffff);
    let mut id = if base.is_empty() {
        format!("card-{short}")
    } else {
        format!("{base}-{short}")
    };
    if !suffix.is_empty() {
        id.push('-');
        id.push_str(suffix);
    }
    id
}

/// The name a picture gets in the deck's folder: `media/<slug>.png`, unique.
fn picture_name(src: &str, taken: &mut HashSet<String>) -> String {
    let stem = src.rsplit_once('.').map(|(s, _)| s).unwrap_or(src);
    let base = match crate::slug::slug(stem, 48) {
        s if s.is_empty() => "picture".to_owned(),
        s => s,
    };
    let mut name = format!("media/{base}.png");
    let mut n = 2;
    while !taken.insert(name.clone()) {
        name = format!("media/{base}-{n}.png");
        n += 1;
    }
    name
}

fn build(
    path: &Path,
    layout: Layout,
    col: Collection,
    archive: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    opts: &AnkiOptions,
) -> Result<AnkiImport> {
    let mut report = AnkiReport {
        notes: col.notes.len(),
        ..AnkiReport::default()
    };
    // Each note's deck: the deck of its first card.
    let mut note_deck: HashMap<i64, (u32, i64)> = HashMap::new();
    for &(nid, ord, did) in col.cards.values() {
        let e = note_deck.entry(nid).or_insert((ord, did));
        if ord < e.0 {
            *e = (ord, did);
        }
    }
    let deck_of = |nid: i64| {
        note_deck
            .get(&nid)
            .and_then(|(_, did)| col.decks.get(did))
            .cloned()
            .unwrap_or_default()
    };
    // The title: the top-level deck most notes are in.
    let mut tops: HashMap<String, usize> = HashMap::new();
    for n in &col.notes {
        let d = deck_of(n.id);
        let top = d.split("::").next().unwrap_or("").to_owned();
        *tops.entry(top).or_default() += 1;
    }
    let top = tops
        .iter()
        .filter(|(name, _)| !name.is_empty())
        .max_by(|a, b| a.1.cmp(b.1).then(b.0.cmp(a.0)))
        .map(|(n, _)| n.clone());
    let several_decks = col
        .notes
        .iter()
        .map(|n| note_deck.get(&n.id).map(|d| d.1))
        .collect::<HashSet<_>>()
        .len()
        > 1;
    let stem = path
        .file_stem()
        .map(|s| s.to_string_lossy().into_owned())
        .unwrap_or_else(|| "Anki".into());
    let title = opts
        .title
        .clone()
        .or_else(|| top.filter(|t| t != "Default"))
        .unwrap_or(stem);
    let deck_id = opts.deck_id.clone().unwrap_or_else(|| slug(&title));
    crate::ids::check_id(&deck_id)
        .map_err(|e| refused(path, format!("the deck id {deck_id:?} is not valid: {e}")))?;

    let media = media_map(archive, layout, path)?;
    let mut picture_names: HashSet<String> = HashSet::new();
    let mut pictures: Vec<(String, Vec<u8>)> = Vec::new();
    let mut picture_by_src: HashMap<String, Option<String>> = HashMap::new();
    let mut picture_bytes = 0u64;

    let mut cards: Vec<RawCard> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut next_suffix: HashMap<String, u64> = HashMap::new();
    // (note id, template ordinal) → (card id, part)
    let mut items: HashMap<(i64, u32), (String, u32)> = HashMap::new();
    for note in &col.notes {
        if note.fields.len() > MAX_NOTE_BYTES {
            report.skip(format!(
                "note {}: {} KiB of text, more than a card holds",
                note.id,
                note.fields.len() / 1024
            ));
            continue;
        }
        let Some(nt) = col.note_types.get(&note.mid) else {
            report.skip(format!(
                "note {}: its note type is missing from the collection",
                note.id
            ));
            continue;
        };
        let mut texts = Vec::new();
        let mut images = Vec::new();
        for f in note.fields.split('\u{1f}') {
            let (t, imgs, sounds) = html_to_text(f);
            report.sounds_dropped += sounds;
            texts.push(t);
            images.push(imgs);
        }
        let field = |i: usize| texts.get(i).cloned().unwrap_or_default();
        let (kind, front_i, back_i, parts): (RawKind, usize, Option<usize>, Vec<(u32, u32)>) =
            if nt.cloze {
                let t0 = nt.templates.first().map(|t| t.0.as_str()).unwrap_or("");
                let text_i = nt
                    .fields
                    .iter()
                    .position(|f| t0.contains(&format!("cloze:{f}}}")))
                    .unwrap_or(0);
                let text = field(text_i);
                let numbers = cloze_numbers(&text);
                if numbers.is_empty() {
                    report.skip(format!(
                        "note {} ({}): a cloze note without a {{{{c1::…}}}} gap",
                        note.id, nt.name
                    ));
                    continue;
                }
                let parts = numbers.iter().map(|&n| (n - 1, n)).collect();
                (RawKind::Cloze { text }, text_i, None, parts)
            } else {
                if nt.fields.len() < 2 || nt.templates.is_empty() {
                    report.skip(format!(
                        "note {} ({}): a note type with fewer than two fields",
                        note.id, nt.name
                    ));
                    continue;
                }
                let q_refs = nt.refs(&nt.templates[0].0);
                let front_i = q_refs.first().copied().unwrap_or(0);
                let back_i = nt
                    .refs(&nt.templates[0].1)
                    .into_iter()
                    .chain(q_refs.iter().copied())
                    .find(|&i| i != front_i)
                    .unwrap_or(if front_i == 0 { 1 } else { 0 });
                let front = field(front_i);
                let back = field(back_i);
                if nt.type_in() {
                    (
                        RawKind::TypeIn {
                            question: front,
                            answers: vec![back],
                        },
                        front_i,
                        Some(back_i),
                        vec![(0, 0)],
                    )
                } else {
                    let reverse = nt
                        .templates
                        .get(1)
                        .is_some_and(|(q, _)| nt.refs(q).first() == Some(&back_i));
                    let mut parts = vec![(0, 0)];
                    if reverse {
                        parts.push((1, 1));
                    }
                    (
                        RawKind::Basic {
                            front,
                            back,
                            reverse,
                        },
                        front_i,
                        Some(back_i),
                        parts,
                    )
                }
            };
        let mut kind = kind;
        let picture_src = std::iter::once(front_i)
            .chain(back_i)
            .chain(0..images.len())
            .find_map(|i| images.get(i).and_then(|v| v.first()).cloned());
        // A side that is only a picture still needs words.
        match &mut kind {
            RawKind::Basic { front, back, .. } => {
                if front.is_empty() && picture_src.is_some() {
                    *front = "What does the picture show?".into();
                }
                if back.is_empty() && picture_src.is_some() {
                    *back = "(see the picture)".into();
                }
            }
            RawKind::TypeIn { question, .. } if question.is_empty() && picture_src.is_some() => {
                *question = "What does the picture show?".into();
            }
            _ => {}
        }
        let empty = match &kind {
            RawKind::Basic { front, back, .. } => front.is_empty() || back.is_empty(),
            RawKind::TypeIn {
                question, answers, ..
            } => question.is_empty() || answers.iter().all(String::is_empty),
            _ => false,
        };
        if empty {
            report.skip(format!(
                "note {} ({}): an empty question or answer",
                note.id, nt.name
            ));
            continue;
        }
        // Other fields go into the note, with their names.
        let mut note_lines = Vec::new();
        for (i, t) in texts.iter().enumerate() {
            if i == front_i || Some(i) == back_i || t.is_empty() {
                continue;
            }
            let name = nt.fields.get(i).map(String::as_str).unwrap_or("");
            if nt.cloze
                && (name.eq_ignore_ascii_case("back extra") || name.eq_ignore_ascii_case("extra"))
            {
                note_lines.push(t.clone());
            } else {
                note_lines.push(format!("{name}: {t}"));
            }
        }
        let image = match picture_src {
            Some(src) => {
                let known = picture_by_src.get(&src).cloned();
                match known {
                    Some(v) => v,
                    None => {
                        let got = fetch_picture(archive, layout, &media, &src, &mut picture_bytes);
                        let v = match got {
                            Ok((bytes, converted)) => {
                                let name = picture_name(&src, &mut picture_names);
                                pictures.push((name.clone(), bytes));
                                report.pictures += 1;
                                if converted.is_some() {
                                    report.pictures_converted += 1;
                                }
                                Some(name)
                            }
                            Err(reason) => {
                                report.drop_picture(format!("{src}: {reason}"));
                                None
                            }
                        };
                        picture_by_src.insert(src, v.clone());
                        v
                    }
                }
            }
            None => None,
        };
        let id_text = match &kind {
            RawKind::Cloze { text } => crate::deck::Cloze::parse(text)
                .map(|c| c.full_text())
                .unwrap_or_else(|_| text.clone()),
            _ => field(front_i),
        };
        let first = card_id(&id_text, &note.guid, "");
        let mut id = first.clone();
        // The next suffix per id: notes with one front and one Anki id cost one try each.
        let n = next_suffix.entry(first.clone()).or_insert(2u64);
        while ids.contains(&id) {
            id = card_id(&id_text, &note.guid, &n.to_string());
            *n += 1;
        }
        ids.insert(id.clone());
        let mut tags: Vec<String> = note
            .tags
            .split_whitespace()
            .filter_map(|t| {
                let s = crate::slug::slug(&t.replace("::", " "), 40);
                (!s.is_empty()).then_some(s)
            })
            .collect();
        if several_decks {
            let d = deck_of(note.id);
            if let Some(leaf) = d.rsplit("::").next() {
                let s = crate::slug::slug(leaf, 40);
                if !s.is_empty() && !tags.contains(&s) {
                    tags.push(s);
                }
            }
        }
        tags.sort();
        tags.dedup();
        for (ord, part) in parts {
            items.insert((note.id, ord), (id.clone(), part));
        }
        cards.push(RawCard {
            id,
            tags,
            source: None,
            note: note_lines.join("\n"),
            image: image.unwrap_or_default(),
            kind,
        });
    }
    report.cards = cards.len();
    if cards.is_empty() {
        return Err(refused(
            path,
            match report.skipped.first() {
                Some(first) => {
                    format!("none of its notes could be made into cards (first: {first})")
                }
                None => "it holds no notes".to_owned(),
            },
        ));
    }

    let raw = RawDeck {
        format: FORMAT_VERSION,
        id: deck_id.clone(),
        title,
        description: format!(
            "Imported from the Anki package {}.",
            path.file_name()
                .map(|f| f.to_string_lossy().into_owned())
                .unwrap_or_default()
        ),
        language: "en".into(),
        authors: Vec::new(),
        version: 1,
        sources: BTreeMap::new(),
        cards,
    };
    // Pictures were checked when read; the deck is checked as its file would be.
    let deck = super::checked_deck(&raw, path)?;

    // The review log, on the imported items.
    let deck_key = DeckId::new(&deck_id);
    let mut reviews = Vec::new();
    for &(id, cid, ease, time, kind) in &col.revlog {
        let item = col
            .cards
            .get(&cid)
            .and_then(|&(nid, ord, _)| items.get(&(nid, ord)));
        let rating = match ease {
            1 => Some(Rating::Again),
            2 => Some(Rating::Hard),
            3 => Some(Rating::Good),
            4 => Some(Rating::Easy),
            _ => None,
        };
        let at = DateTime::<Utc>::from_timestamp_millis(id);
        match (item, rating, at, (0..=3).contains(&kind)) {
            (Some((card, part)), Some(rating), Some(at), true) => reviews.push(AnkiReview {
                key: ItemKey::new(deck_key.clone(), card.clone(), *part),
                rating,
                at,
                duration_ms: u32::try_from(time.max(0)).unwrap_or(u32::MAX),
            }),
            _ => report.reviews_skipped += 1,
        }
    }
    reviews.sort_by_key(|r| r.at);
    report.reviews = reviews.len();
    Ok(AnkiImport {
        layout,
        deck,
        pictures,
        reviews,
        report,
    })
}

/// The gap numbers of an Anki cloze text, sorted, without repeats.
fn cloze_numbers(text: &str) -> Vec<u32> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("{{c") {
        rest = &rest[i + 3..];
        let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
        if rest[digits.len()..].starts_with("::")
            && let Ok(n) = digits.parse::<u32>()
            && n > 0
        {
            out.push(n);
        }
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Reads one picture from the package within the picture limits: a PNG as it is, a JPEG
/// or GIF converted to PNG (the format converted from is returned).
fn fetch_picture(
    archive: &mut zip::ZipArchive<std::io::BufReader<std::fs::File>>,
    layout: Layout,
    media: &HashMap<String, String>,
    src: &str,
    total: &mut u64,
) -> std::result::Result<(Vec<u8>, Option<&'static str>), String> {
    let name = media
        .get(src)
        .or_else(|| media.get(&percent_decode(src)))
        .ok_or("not in the package")?;
    let bytes = read_entry(
        archive,
        name,
        layout.compressed(),
        crate::picture::MAX_FILE_BYTES,
    )?
    .ok_or("not in the package")?;
    let mut converted = None;
    let bytes = if bytes.starts_with(&[0xff, 0xd8]) || bytes.starts_with(b"GIF8") {
        // JPEG (photos) and GIF (its first frame) become PNG within the picture limits.
        let c = crate::picture::convert_to_png(&bytes, Path::new(src)).map_err(|e| match e {
            crate::picture::PictureError::TooBig { width, height, .. } => format!(
                "{width}×{height} pixels, too large to convert (at most {} on each side)",
                crate::picture::MAX_CONVERT_SIDE_PX
            ),
            e => format!("could not be converted to PNG: {e}"),
        })?;
        converted = Some(c.from);
        c.png
    } else {
        bytes
    };
    if !bytes.starts_with(b"\x89PNG\r\n\x1a\n") {
        let what = if bytes.len() > 12 && &bytes[8..12] == b"WEBP" {
            "WebP"
        } else if bytes.starts_with(b"<svg") || bytes.starts_with(b"<?xml") {
            "SVG"
        } else {
            "an unknown format"
        };
        return Err(format!(
            "{what}; quizdeck shows PNG pictures (save it as PNG and add it in the deck)"
        ));
    }
    crate::picture::decode(&bytes, Path::new(src)).map_err(|e| e.to_string())?;
    *total += bytes.len() as u64;
    if *total > crate::library::MAX_PICTURE_BYTES {
        return Err("the deck's pictures together are too large".into());
    }
    Ok((bytes, converted))
}

fn percent_decode(s: &str) -> String {
    let b = s.as_bytes();
    let hex = |c: u8| (c as char).to_digit(16).map(|d| d as u8);
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        match (
            b[i],
            b.get(i + 1).copied().and_then(hex),
            b.get(i + 2).copied().and_then(hex),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push(h * 16 + l);
                i += 3;
            }
            (c, _, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Writes the imported deck (`<id>.ron`) and its pictures into `dir` (created), ready for
/// [`crate::library::import_deck`]; returns the deck file.
pub fn write_deck_folder(imp: &AnkiImport, dir: &Path) -> Result<PathBuf> {
    std::fs::create_dir_all(dir.join("media")).map_err(io_err("create", dir))?;
    for (name, bytes) in &imp.pictures {
        let to = dir.join(name);
        std::fs::write(&to, bytes).map_err(io_err("write", &to))?;
    }
    let file = dir.join(format!("{}.ron", imp.deck.id));
    std::fs::write(&file, deck::to_ron(&imp.deck)).map_err(io_err("write", &file))?;
    Ok(file)
}

/// Imports a package's deck with its pictures into `decks_dir` (a profile's decks folder
/// or a class deck folder) through the library's usual checks.
pub fn import_into(imp: &AnkiImport, decks_dir: &Path) -> Result<Deck> {
    std::fs::create_dir_all(decks_dir).map_err(io_err("create", decks_dir))?;
    let tmp = decks_dir.join(format!(".anki.unpacking-{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(io_err("clear", &tmp))?;
    }
    let result = write_deck_folder(imp, &tmp).and_then(|file| {
        crate::library::import_deck(&file, decks_dir).map_err(|e| ImportExportError::Write {
            what: "the imported deck",
            message: e.to_string(),
        })
    });
    let _ = std::fs::remove_dir_all(&tmp);
    result
}

/// The progress an Anki review log means under quizdeck's rules: each item's answers
/// replayed through `scheduler` in time order (the phase before each answer recorded),
/// giving the history entries and each item's state now. Answers after `now` are left
/// out (a wrong clock); their count is returned.
pub fn progress_from_reviews(
    reviews: &[AnkiReview],
    scheduler: &crate::schedule::Scheduler,
    offset: chrono::FixedOffset,
    now: DateTime<Utc>,
) -> (
    Vec<crate::store::bundle::BundleItem>,
    Vec<ReviewEntry>,
    usize,
) {
    let mut order: Vec<&AnkiReview> = reviews.iter().filter(|r| r.at <= now).collect();
    let future = reviews.len() - order.len();
    order.sort_by(|a, b| a.key.cmp(&b.key).then(a.at.cmp(&b.at)));
    let mut states = Vec::new();
    let mut history = Vec::with_capacity(order.len());
    let mut i = 0;
    while i < order.len() {
        let key = &order[i].key;
        let mut state = crate::schedule::ItemState::new(order[i].at);
        while i < order.len() && &order[i].key == key {
            let r = order[i];
            history.push(ReviewEntry {
                key: key.clone(),
                rating: r.rating,
                at: r.at,
                duration_ms: r.duration_ms,
                phase: state.phase,
            });
            state = scheduler.answer(key, &state, r.rating, r.at, offset);
            i += 1;
        }
        states.push(crate::store::bundle::BundleItem {
            key: key.clone(),
            state,
        });
    }
    history.sort_by_key(|e| e.at);
    (states, history, future)
}

#[cfg(test)]
mod tests;
