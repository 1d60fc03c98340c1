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
use crate::deck::raw::{RawCard, RawDeck, RawKind, format_for};
use crate::deck::{self, Deck};
use crate::ids::{DeckId, ItemKey};
use crate::message::Message;
use crate::schedule::{Rating, ReviewEntry};
use chrono::{DateTime, Utc};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

mod build;
mod collection;
mod export;
mod html;
mod protobuf;
mod unpack;

use build::build;
use collection::read_collection;
pub use export::{ApkgSummary, export_apkg};
pub(crate) use html::html_to_text;
use protobuf::{Pb, protobuf_fields};
use unpack::{read_entry, unpack_collection};

/// Largest package file opened (1 GiB: a collection with its media).
pub(crate) const MAX_PACKAGE_BYTES: u64 = 1 << 30;
/// Most entries in a package (its media files and the collection).
pub(crate) const MAX_ENTRIES: usize = 200_000;
/// Largest collection once unpacked (512 MiB).
pub(crate) const MAX_COLLECTION_BYTES: u64 = 512 << 20;
/// A collection may expand to this many times its packed size beyond the first
/// [`RATIO_FLOOR_BYTES`] (real collections compress 3 to 20 times).
pub(crate) const MAX_RATIO: u64 = 100;
/// Unpacked size always allowed, whatever the ratio.
pub(crate) const RATIO_FLOOR_BYTES: u64 = 64 << 20;
/// Most notes read from one collection.
pub(crate) const MAX_NOTES: usize = 100_000;
/// Largest text of one note (all its fields), in bytes.
pub(crate) const MAX_NOTE_BYTES: usize = 256 * 1024;
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
    pub skipped: Vec<Message>,
    /// How many notes were left out in all.
    pub(crate) skipped_count: usize,
    /// `[sound:…]` references dropped.
    pub(crate) sounds_dropped: usize,
    /// Pictures brought over.
    pub pictures: usize,
    /// Pictures converted from JPEG or GIF to PNG (counted in `pictures` too).
    pub(crate) pictures_converted: usize,
    /// Pictures left out (not PNG, JPEG or GIF, missing, damaged or too large), with the reason (the first 20).
    pub(crate) pictures_dropped: Vec<Message>,
    /// How many pictures were left out in all.
    pub(crate) pictures_dropped_count: usize,
    /// Answers of the review log kept.
    pub reviews: usize,
    /// Answers of the log left out (manual rescheduling, cards not imported, bad rows).
    pub(crate) reviews_skipped: usize,
}

/// A fact of a report, with the notes or pictures it lists (the first 20) and their count.
type Fact<'a> = (Message, Option<(&'a [Message], usize)>);

impl AnkiReport {
    /// One line per fact a teacher should know, in English, for the command line: each
    /// of [`AnkiReport::details`], a list's notes or pictures indented under it.
    pub fn lines(&self) -> Vec<String> {
        let mut out = Vec::new();
        for (message, list) in self.facts() {
            match list {
                None => out.push(message.english()),
                Some((shown, count)) => {
                    out.push(format!("{}:", message.english()));
                    out.extend(shown.iter().map(|s| format!("  {s}")));
                    if count > shown.len() {
                        let more = Message::new("anki-report-more").arg("n", count - shown.len());
                        out.push(format!("  {more}"));
                    }
                }
            }
        }
        out
    }

    /// The facts a teacher should know (first what was read and made, then what was
    /// converted or left out), each with its detail lines (the notes or pictures left out
    /// and why, at most `max` of them, then how many more), as messages for any language.
    pub fn details(&self, max: usize) -> Vec<(Message, Vec<Message>)> {
        self.facts()
            .into_iter()
            .map(|(m, list)| {
                let mut lines = Vec::new();
                if let Some((shown, count)) = list {
                    let shown = &shown[..shown.len().min(max)];
                    lines.extend(shown.iter().cloned());
                    if count > shown.len() {
                        lines.push(Message::new("anki-report-more").arg("n", count - shown.len()));
                    }
                }
                (m, lines)
            })
            .collect()
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

    fn skip(&mut self, reason: Message) {
        self.skipped_count += 1;
        if self.skipped.len() < 20 {
            self.skipped.push(reason);
        }
    }

    fn drop_picture(&mut self, reason: Message) {
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

fn refused(path: &Path, reason: Message) -> ImportExportError {
    ImportExportError::Refused {
        path: path.to_owned(),
        reason,
    }
}

use crate::durable::io_err;

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

/// Reads an Anki package (`.apkg` or `.colpkg`, either layout) into a checked deck, its
/// pictures and its review log. `work_dir` is a folder where the collection is unpacked
/// for SQLite to read (the file is removed afterwards).
pub fn read_package(path: &Path, work_dir: &Path, opts: &AnkiOptions) -> Result<AnkiImport> {
    let (file, _) = crate::input::open_regular(path).map_err(io_err("open", path))?;
    let len = file.metadata().map_err(io_err("read", path))?.len();
    if len > MAX_PACKAGE_BYTES {
        return Err(refused(
            path,
            Message::new("anki-too-large")
                .arg("size", len >> 20)
                .arg("max", MAX_PACKAGE_BYTES >> 20),
        ));
    }
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| {
        refused(
            path,
            Message::new("anki-not-zip").arg("error", e.to_string()),
        )
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(refused(
            path,
            Message::new("anki-too-many-entries")
                .arg("n", archive.len())
                .arg("max", MAX_ENTRIES),
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
                return Err(refused(path, Message::new("anki-no-collection")));
            }
        }
        Some(v) => {
            return Err(refused(path, Message::new("anki-newer").arg("version", v)));
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
            .ok_or_else(|| refused(package, Message::new("anki-media-unreadable")))?;
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
        let json: HashMap<String, String> = serde_json::from_slice(&bytes).map_err(|e| {
            refused(
                package,
                Message::new("anki-media-damaged").arg("error", e.to_string()),
            )
        })?;
        if json.len() > MAX_ENTRIES {
            return Err(refused(package, Message::new("anki-media-too-many")));
        }
        map = json.into_iter().map(|(k, v)| (v, k)).collect();
    }
    Ok(map)
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
pub fn import_into(imp: &AnkiImport, decks_dir: &Path) -> Result<deck::DeckSummary> {
    std::fs::create_dir_all(decks_dir).map_err(io_err("create", decks_dir))?;
    let tmp = decks_dir.join(format!(".anki.unpacking-{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(io_err("clear", &tmp))?;
    }
    let result = write_deck_folder(imp, &tmp).and_then(|file| {
        crate::library::import_deck(&file, decks_dir).map_err(|e| ImportExportError::Write {
            what: "import-what-imported-deck",
            message: e.message(),
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
