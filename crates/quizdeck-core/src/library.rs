//! The decks a profile can study: the bundled ones and those imported into the profile's
//! `decks/` folder, plus per-deck figures (due, new, learning, mastery, last studied)
//! computed when data changes, never per frame.

use crate::deck::cache::{Found, Pending};
use crate::deck::model::CardOutline;
use crate::deck::{self, Checked, Deck, DeckSummary};
use crate::durable;
use crate::ids::{DeckId, ItemKey};
use crate::message::Message;
use crate::schedule::StateLookup;
use crate::schedule::{ItemState, Phase, Settings, day};
use crate::stats::{MATURE_DAYS, StateCounts};
use chrono::{DateTime, FixedOffset, Utc};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// Stability (days) from which an item counts as mastered.
pub(crate) const MASTERED_STABILITY_DAYS: f32 = 21.0;

/// Errors of the library.
#[derive(Debug, thiserror::Error)]
pub enum LibraryError {
    /// The deck to import has errors; nothing was copied.
    #[error("{}", self.message())]
    Invalid(Box<Checked>),
    /// A file operation failed.
    #[error("{}", self.message())]
    Io {
        /// What was being done.
        action: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// Bundled decks are part of the program and cannot be removed.
    #[error("{}", self.message())]
    Bundled(DeckId),
    /// A picture of the deck is larger than an import copies (nothing was copied).
    #[error("{}", self.message())]
    PictureTooLarge {
        /// The picture.
        path: PathBuf,
        /// Its size in bytes.
        size: u64,
        /// The limit for one picture, in bytes.
        limit: u64,
    },
    /// The deck's pictures together are larger than an import copies (nothing was
    /// copied).
    #[error("{}", self.message())]
    PicturesTooLarge {
        /// The picture that went over the limit.
        path: PathBuf,
        /// The limit for all of them, in bytes.
        limit: u64,
    },
    /// The file holds an older version of a deck already there (nothing was changed: a
    /// package handed out again must not undo a teacher's fix).
    #[error("{}", self.message())]
    Older {
        /// The deck.
        id: DeckId,
        /// Its title in the file imported.
        title: String,
        /// The version already there.
        have: u32,
        /// The version of the file imported.
        importing: u32,
    },
}

impl LibraryError {
    /// What went wrong, as a message for any language.
    pub fn message(&self) -> crate::message::Message {
        use crate::message::{Message, io_error};
        match self {
            LibraryError::Invalid(c) => Message::new("library-invalid").arg("file", &c.file),
            LibraryError::Io {
                action,
                path,
                source,
            } => io_error(action, path, source),
            LibraryError::Bundled(id) => Message::new("library-bundled").arg("id", id.as_str()),
            LibraryError::PictureTooLarge { path, size, limit } => {
                Message::new("library-picture-too-large")
                    .arg("file", path.display().to_string())
                    .arg("size", *size)
                    .arg("limit", *limit)
            }
            LibraryError::PicturesTooLarge { path, limit } => {
                Message::new("library-pictures-too-large")
                    .arg("file", path.display().to_string())
                    .arg("limit", *limit)
            }
            LibraryError::Older {
                id: _,
                title,
                have,
                importing,
            } => Message::new("library-older")
                .arg("title", title)
                .arg("have", *have)
                .arg("importing", *importing),
        }
    }
}

/// Result alias of the library.
pub type Result<T, E = LibraryError> = std::result::Result<T, E>;

/// Where a deck comes from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DeckOrigin {
    /// Embedded in the program.
    Bundled,
    /// A file in the profile's decks folder.
    Imported(PathBuf),
    /// A file in a class deck folder, seen by every profile on the PC.
    Class {
        /// The deck file.
        file: PathBuf,
        /// The class folder, as the library names it.
        folder: String,
    },
}

impl DeckOrigin {
    /// The deck's file (None for bundled decks).
    pub fn file(&self) -> Option<&Path> {
        match self {
            DeckOrigin::Bundled => None,
            DeckOrigin::Imported(f) | DeckOrigin::Class { file: f, .. } => Some(f),
        }
    }

    /// Where the deck comes from, as the library says it.
    pub(crate) fn describe(&self) -> String {
        match self {
            DeckOrigin::Bundled => "bundled with quizdeck".into(),
            DeckOrigin::Imported(_) => "your decks".into(),
            DeckOrigin::Class { folder, .. } => format!("class decks ({folder})"),
        }
    }
}

/// Another copy of a library deck (same id) that is not used because it is older.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OtherCopy {
    /// Where it is.
    pub origin: DeckOrigin,
    /// Its edition number.
    pub version: u32,
}

/// A deck in the library.
#[derive(Debug, Clone)]
pub struct LibraryDeck {
    /// The deck.
    pub deck: Deck,
    /// Where it comes from.
    pub origin: DeckOrigin,
    /// Copies of the same deck found elsewhere and not used (older, or the same edition in
    /// a place further from the profile).
    pub other_copies: Vec<OtherCopy>,
}

impl LibraryDeck {
    /// A deck from this origin, with no other copies.
    pub(crate) fn new(deck: Deck, origin: DeckOrigin) -> LibraryDeck {
        LibraryDeck {
            deck,
            origin,
            other_copies: Vec::new(),
        }
    }

    /// The sentence the library shows when the deck exists in several places, e.g.
    /// "Using version 3 from class decks (…); also in: bundled with quizdeck (version 2)."
    pub(crate) fn copies_note(&self) -> Option<String> {
        if self.other_copies.is_empty() {
            return None;
        }
        let others: Vec<String> = self
            .other_copies
            .iter()
            .map(|c| format!("{} (version {})", c.origin.describe(), c.version))
            .collect();
        Some(format!(
            "Using the newest, version {} from {}; also in: {}.",
            self.deck.version,
            self.origin.describe(),
            others.join(", ")
        ))
    }
}

/// All decks a profile can study.
#[derive(Debug, Clone, Default)]
pub struct Library {
    /// Decks in display order: bundled first, then the others, each by title.
    pub decks: Vec<LibraryDeck>,
    /// Deck files that no longer pass the checks (shown, not studied).
    /// (Their [`Checked::text`] is not kept: rendered, they have no source lines.)
    pub broken: Vec<Checked>,
    /// Sentences for the student about decks that replaced others of the same id: which
    /// file is used and which is not.
    pub notes: Vec<Message>,
}

/// The entry of [`Library::broken`] for an imported-decks folder that cannot be listed.
fn unreadable_folder(dir: &Path, reason: &str) -> Checked {
    let file = dir.display().to_string();
    Checked {
        file: file.clone(),
        deck: None,
        diagnostics: vec![deck::Diagnostic {
            severity: deck::Severity::Error,
            code: UNREADABLE_FOLDER,
            file,
            line: 1,
            column: 1,
            message: crate::message::Message::new("deck-folder-unreadable").arg("error", reason),
            hint: Some(crate::message::Message::new("deck-folder-unreadable-hint")),
        }],
        text: String::new(),
        summary: None,
    }
}

/// The diagnostic code of an imported-decks folder that cannot be listed (see
/// [`Library::load`]).
pub const UNREADABLE_FOLDER: &str = "unreadable-folder";

impl Library {
    /// The bundled decks plus every valid deck in `imported_dir` (if given); see
    /// [`Library::load_from`]. A folder that cannot be listed is reported in
    /// [`Library::broken`] with the code [`UNREADABLE_FOLDER`].
    pub fn load(imported_dir: Option<&Path>) -> Library {
        Library::load_from(imported_dir, &[])
    }

    /// The decks a profile sees: the bundled ones, those in each class folder (`class`:
    /// (folder, how the library names it), most important first) and those in the
    /// profile's `imported_dir`. When the same deck id is in several places the newest
    /// `version` is used; on equal versions the copy closest to the profile wins (the
    /// profile's, then the class folders in order, then the bundled one). That is how a
    /// teacher's fixed edition reaches students without losing their progress. The copies
    /// not used are listed in [`LibraryDeck::other_copies`]. O(n log n) in decks.
    pub fn load_from(imported_dir: Option<&Path>, class: &[(PathBuf, String)]) -> Library {
        Library::open_with(imported_dir, class, false).library
    }

    /// [`Library::load_from`] in two steps: the decks and their cards' outline first
    /// ([`Opening`], enough for the library's figures: [`Opening::figures`]), the cards of
    /// decks served by the deck cache read by [`Opening::finish`].
    pub fn open_from(imported_dir: Option<&Path>, class: &[(PathBuf, String)]) -> Opening {
        Library::open_with(imported_dir, class, true)
    }

    /// [`Library::open_from`], every deck read whole unless `later`.
    fn open_with(imported_dir: Option<&Path>, class: &[(PathBuf, String)], later: bool) -> Opening {
        let mut lib = Library::default();
        // (rank: lower is closer to the profile, deck, its cards when still to read)
        let mut found: Vec<(usize, LibraryDeck, Option<Pending>)> = Vec::new();
        // The bundled decks through the profile's deck cache (entries kept from pruning
        // with the profile's own), checked in full without one.
        let own_cache = imported_dir.map(|d| d.join(deck::cache::CACHE_DIR));
        let mut bundled_used = HashSet::new();
        let bundled = match &own_cache {
            Some(cache) => deck::bundled::check_all_cached(cache, &mut bundled_used),
            None => deck::bundled::check_all(),
        };
        for c in bundled {
            match c.deck {
                Some(d) => found.push((usize::MAX, LibraryDeck::new(d, DeckOrigin::Bundled), None)),
                None => lib.broken.push(c),
            }
        }
        let mut folders: Vec<(usize, &Path, Option<&str>)> = Vec::new();
        if let Some(dir) = imported_dir {
            folders.push((0, dir, None));
        }
        for (i, (dir, name)) in class.iter().enumerate() {
            folders.push((i + 1, dir, Some(name)));
        }
        // Each folder is read once, as the closest place it is listed: a class folder
        // that is the profile's own (or one listed twice) would show its decks twice
        // and prune the profile's cache of the bundled decks' entries at every load.
        let mut seen: HashSet<PathBuf> = HashSet::new();
        for (rank, dir, class_name) in folders {
            if !dir.is_dir() || !seen.insert(dir.canonicalize().unwrap_or_else(|_| dir.into())) {
                continue;
            }
            let files = match deck::discover(&[dir.to_path_buf()]) {
                Ok(files) => files,
                Err(e) => {
                    // Shown like a broken deck (an `unreadable-folder` error), never as an
                    // empty library that hides the student's decks without a word.
                    lib.broken.push(unreadable_folder(dir, &e.to_string()));
                    Vec::new()
                }
            };
            // Valid decks come from the cache while their files are unchanged.
            let cache = dir.join(deck::cache::CACHE_DIR);
            let mut used = if rank == 0 {
                std::mem::take(&mut bundled_used)
            } else {
                HashSet::new()
            };
            for f in files {
                let origin = |f| match class_name {
                    None => DeckOrigin::Imported(f),
                    Some(name) => DeckOrigin::Class {
                        file: f,
                        folder: name.to_owned(),
                    },
                };
                let checked = if later {
                    deck::cache::check_file_outlined(&f, &cache, &mut used)
                } else {
                    Found::Now(deck::cache::check_file_cached(&f, &cache, &mut used))
                };
                let c = match checked {
                    Found::Now(c) => c,
                    Found::Later(p) => {
                        let head = LibraryDeck::new(p.head().clone(), origin(f));
                        found.push((rank, head, Some(p)));
                        continue;
                    }
                };
                match c.deck {
                    Some(d) => found.push((rank, LibraryDeck::new(d, origin(f)), None)),
                    // The library shows the file and its diagnostics, not their lines:
                    // the text of a deck refused for its size (up to 64 MiB) is let go.
                    None => lib.broken.push(Checked {
                        text: String::new(),
                        ..c
                    }),
                }
            }
            deck::cache::prune(&cache, &used);
        }
        // The best copy of each id first: newest version, then closest to the profile.
        found.sort_by(|(ra, a, _), (rb, b, _)| {
            (&a.deck.id, std::cmp::Reverse(a.deck.version), ra).cmp(&(
                &b.deck.id,
                std::cmp::Reverse(b.deck.version),
                rb,
            ))
        });
        // The decks used, each with its cards when still to read (a copy not used is never
        // read further).
        let mut used: Vec<(LibraryDeck, Option<Pending>)> = Vec::new();
        for (_, d, pending) in found {
            match used.last_mut().map(|(best, _)| best) {
                Some(best) if best.deck.id == d.deck.id => {
                    // Say which file won, so a teacher who fixed a deck knows which edition
                    // students see.
                    lib.notes.push(match (best.origin.file(), d.origin.file()) {
                        (Some(used), None) => Message::new("library-replaces-bundled")
                            .arg("id", best.deck.id.as_str())
                            .arg("file", used.display().to_string()),
                        (Some(used), Some(other)) => Message::new("library-same-id")
                            .arg("id", best.deck.id.as_str())
                            .arg("used", used.display().to_string())
                            .arg("other", other.display().to_string()),
                        (None, _) => {
                            Message::new("library-bundled-newer").arg("id", best.deck.id.as_str())
                        }
                    });
                    best.other_copies.push(OtherCopy {
                        origin: d.origin,
                        version: d.deck.version,
                    })
                }
                _ => used.push((d, pending)),
            }
        }
        used.sort_by(|(a, _), (b, _)| {
            let bundled = |d: &LibraryDeck| !matches!(d.origin, DeckOrigin::Bundled);
            (bundled(a), &a.deck.title).cmp(&(bundled(b), &b.deck.title))
        });
        let (decks, pending) = used.into_iter().unzip();
        lib.decks = decks;
        Opening {
            library: lib,
            pending,
            imported_dir: imported_dir.map(Path::to_owned),
            class: class.to_vec(),
        }
    }

    /// The deck with this id.
    pub fn get(&self, id: &DeckId) -> Option<&LibraryDeck> {
        self.decks.iter().find(|d| &d.deck.id == id)
    }

    /// Study items of the given decks (all decks when `ids` is empty), in deck order.
    pub fn items(&self, ids: &[DeckId]) -> Vec<ItemKey> {
        Deck::items_of(
            (self.decks.iter())
                .filter(|d| ids.is_empty() || ids.contains(&d.deck.id))
                .map(|d| &d.deck),
        )
    }
}

/// A library being read in two steps ([`Library::open_from`]): every deck, with the
/// cards of those the deck cache serves still to read; their outline (ids and study
/// items) is read already, so the library's figures can be counted and shown meanwhile.
pub struct Opening {
    /// The decks in the library's order; a deck whose cards are still to read has none.
    library: Library,
    /// For each deck, its cards still to read.
    pending: Vec<Option<Pending>>,
    /// What the library was read from (read again if a deck's cards fail).
    imported_dir: Option<PathBuf>,
    class: Vec<(PathBuf, String)>,
}

impl Opening {
    /// The library's decks in order, with their origins and copies, every one without its
    /// cards: for showing the library's rows while the cards are read, never for studying.
    pub fn preview(&self) -> Library {
        let decks = (self.library.decks.iter())
            .map(|d| LibraryDeck {
                deck: d.deck.without_cards(),
                origin: d.origin.clone(),
                other_copies: d.other_copies.clone(),
            })
            .collect();
        Library {
            decks,
            broken: self.library.broken.clone(),
            notes: self.library.notes.clone(),
        }
    }

    /// True when some deck's cards are still to read.
    pub fn cards_pending(&self) -> bool {
        self.pending.iter().any(Option::is_some)
    }

    /// The library's figures, counted as [`crate::overview::figures`] counts them over the
    /// whole library, each deck whose cards are still to read by its outline.
    pub fn figures(
        &self,
        states: &(impl StateLookup + Sync),
        answers: &[crate::schedule::ReviewEntry],
        settings: &Settings,
        now: DateTime<Utc>,
        offset: FixedOffset,
        two_threads: bool,
    ) -> (Vec<DeckStats>, crate::session::Today) {
        let outlines: Vec<Option<&[CardOutline]>> = (self.pending.iter())
            .map(|p| p.as_ref().map(Pending::outline))
            .collect();
        crate::overview::figures_outlined(
            &self.library,
            &outlines,
            states,
            answers,
            settings,
            now,
            offset,
            two_threads,
        )
    }

    /// Reads the cards still to read: the whole library, and whether every deck's cards
    /// are those its outline named (the figures of [`Opening::figures`] are then the
    /// library's). When an entry fails on the way (damaged, or a picture gone), the
    /// library is read again as [`Library::load_from`] reads it, and `false`.
    pub fn finish(self) -> (Library, bool) {
        let Opening {
            mut library,
            pending,
            imported_dir,
            class,
        } = self;
        for (d, p) in library.decks.iter_mut().zip(pending) {
            let Some(p) = p else { continue };
            match p.finish() {
                (
                    Checked {
                        deck: Some(deck), ..
                    },
                    true,
                ) => d.deck = deck,
                _ => {
                    drop(library);
                    let again = Library::open_with(imported_dir.as_deref(), &class, false);
                    return (again.library, false);
                }
            }
        }
        (library, true)
    }
}

durable::file_error_into!(LibraryError);

/// How much of pictures an imported deck may bring along into the profile.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PictureCopyLimits {
    /// Largest picture copied, in bytes (16 MiB: the picture limit of `check`).
    pub each: u64,
    /// Most bytes of all of a deck's pictures together (256 MiB).
    pub total: u64,
}

impl Default for PictureCopyLimits {
    fn default() -> Self {
        PictureCopyLimits {
            each: crate::picture::MAX_FILE_BYTES,
            total: 256 * 1024 * 1024,
        }
    }
}

/// Checks a deck file and, when it has no errors, copies it with its pictures into its own
/// folder `decks_dir/<deck id>/` (replacing an earlier copy of the same deck). Returns what
/// the deck holds; its cards are not kept (the library reads the copy when it loads), so
/// importing a deck near the memory limit beside an open library holds its text, not its
/// cards.
pub fn import_deck(src: &Path, decks_dir: &Path) -> Result<DeckSummary> {
    import_deck_with(src, decks_dir, &PictureCopyLimits::default())
}

/// [`import_deck`] with these limits on the pictures copied. A deck over them is refused
/// with a message naming the picture and the limit, and nothing of it is left behind (an
/// earlier copy of the deck stays as it was). A file holding an older version of a deck
/// already in `decks_dir` is refused too ([`LibraryError::Older`]); the same version or a
/// newer one replaces the copy.
pub fn import_deck_with(
    src: &Path,
    decks_dir: &Path,
    limits: &PictureCopyLimits,
) -> Result<DeckSummary> {
    let mut checked = deck::check_file_summary(src);
    if checked.has_errors() {
        return Err(LibraryError::Invalid(Box::new(checked)));
    }
    let io = durable::io_err;
    let summary = checked.summary.take().expect("no errors means a summary");
    let dest_dir = decks_dir.join(summary.id.as_str());
    // The copy already there, read for its version alone (one that cannot be read is
    // replaced: importing again is how it is repaired).
    let here = dest_dir.join(format!("{}.ron", summary.id));
    if here.is_file()
        && let Some(have) = deck::check_file_summary(&here).summary
        && have.id == summary.id
        && have.version > summary.version
    {
        return Err(LibraryError::Older {
            id: summary.id,
            title: summary.title,
            have: have.version,
            importing: summary.version,
        });
    }
    let tmp_dir = decks_dir.join(format!(".{}.importing", summary.id));
    if tmp_dir.exists() {
        std::fs::remove_dir_all(&tmp_dir).map_err(io("clear", &tmp_dir))?;
    }
    std::fs::create_dir_all(&tmp_dir).map_err(io("create", &tmp_dir))?;
    if let Err(e) = copy_into(src, &summary, &checked.text, &tmp_dir, limits) {
        // A refused or failed copy leaves nothing half-copied behind.
        let _ = std::fs::remove_dir_all(&tmp_dir);
        return Err(e);
    }
    if dest_dir.exists() {
        std::fs::remove_dir_all(&dest_dir).map_err(io("replace", &dest_dir))?;
    }
    std::fs::rename(&tmp_dir, &dest_dir).map_err(io("replace", &dest_dir))?;
    durable::sync_dir(decks_dir)?;
    Ok(summary)
}

/// Copies a checked deck's text and its pictures (within `limits`) into `tmp_dir`, every
/// file and folder fsync'd.
fn copy_into(
    src: &Path,
    deck: &DeckSummary,
    text: &str,
    tmp_dir: &Path,
    limits: &PictureCopyLimits,
) -> Result<()> {
    let src_dir = src.parent().unwrap_or(Path::new("."));
    // Every folder written into, fsync'd once its files are in (the deck's own last).
    let mut folders = std::collections::BTreeSet::new();
    let mut total = 0u64;
    // The summary names each picture once.
    for image in &deck.pictures {
        // Validation checked the path is relative, inside the deck's folder, and a PNG
        // within the limits; the copy reads no more than the limit even if the file grew
        // since, and all of a deck's pictures together are capped too.
        let from = src_dir.join(image);
        let builtin = crate::deck::bundled::picture_bytes(image).filter(|_| !from.exists());
        let bytes = match builtin {
            // A map built into quizdeck that the deck's folder does not have.
            Some(b) if b.len() as u64 <= limits.each => b.to_vec(),
            Some(b) => return Err(too_large(from, b.len() as u64, limits.each)),
            None => {
                match crate::input::read_regular(&from, limits.each)
                    .map_err(durable::io_err("read", &from))?
                {
                    Ok(b) => b,
                    Err(t) => return Err(too_large(from, t.size, limits.each)),
                }
            }
        };
        total += bytes.len() as u64;
        if total > limits.total {
            return Err(LibraryError::PicturesTooLarge {
                path: from,
                limit: limits.total,
            });
        }
        let to = tmp_dir.join(image);
        if let Some(parent) = to.parent() {
            std::fs::create_dir_all(parent).map_err(durable::io_err("create", parent))?;
            for folder in parent.ancestors().take_while(|f| *f != tmp_dir) {
                folders.insert(folder.to_owned());
            }
        }
        durable::write_new(&to, &bytes)?;
    }
    let file = tmp_dir.join(format!("{}.ron", deck.id));
    durable::write_new(&file, text.as_bytes())?;
    for folder in folders.iter().rev() {
        durable::sync_dir(folder)?;
    }
    durable::sync_dir(tmp_dir)?;
    Ok(())
}

/// A picture of `size` bytes is not copied.
fn too_large(path: PathBuf, size: u64, limit: u64) -> LibraryError {
    LibraryError::PictureTooLarge { path, size, limit }
}

/// The folder of a deck's pictures: its file's folder (None for bundled decks).
pub fn deck_dir(deck: &LibraryDeck) -> Option<&Path> {
    deck.origin.file().and_then(Path::parent)
}

/// Removes an imported or class deck (its folder, with its pictures; a class deck is
/// removed for every profile). Its progress stays in the store and returns if the deck is
/// imported again.
pub fn remove_deck(deck: &LibraryDeck) -> Result<()> {
    match deck.origin.file() {
        None => Err(LibraryError::Bundled(deck.deck.id.clone())),
        Some(path) => {
            let own_folder = path
                .parent()
                .filter(|p| p.file_name().is_some_and(|n| n == deck.deck.id.as_str()));
            let result = match own_folder {
                Some(dir) => std::fs::remove_dir_all(dir),
                None => std::fs::remove_file(path),
            };
            result.map_err(|source| LibraryError::Io {
                action: "remove",
                path: path.to_owned(),
                source,
            })
        }
    }
}

/// Figures for one deck, as the library shows them.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct DeckStats {
    /// Cards in the deck.
    pub cards: usize,
    /// Study items in the deck.
    pub items: usize,
    /// Reviews due by the end of today's study day (not suspended).
    pub due: usize,
    /// New items that could be introduced today (within the daily limit).
    pub(crate) new_today: usize,
    /// Items in learning or relearning steps.
    pub learning: usize,
    /// Share of items with stability ≥ 21 days, 0–1.
    pub mastery: f32,
    /// Last answer to any of its items.
    pub last_studied: Option<DateTime<Utc>>,
    /// Items by state (new, learning, young, mature, suspended), as Statistics counts them.
    pub states: StateCounts,
}

/// Computes a deck's figures from the stored states. O(items); call when data changes.
/// `new_left_today` is what remains of the profile's daily new-item limit.
pub(crate) fn deck_stats(
    d: &Deck,
    states: &impl StateLookup,
    now: DateTime<Utc>,
    offset: FixedOffset,
    settings: &Settings,
    new_left_today: usize,
) -> DeckStats {
    let mut s = StatsTally::new(now, offset, settings);
    for key in &d.items() {
        s.add(states.state(key));
    }
    s.finish(d.cards.len(), new_left_today)
}

/// A deck's figures ([`DeckStats`]) added up item by item, in any order and in pieces
/// ([`StatsTally::merge`]), so they can be counted beside today's figures in one pass.
#[derive(Debug, Clone, Copy)]
pub(crate) struct StatsTally {
    s: DeckStats,
    new: usize,
    mastered: usize,
    day_end: DateTime<Utc>,
}

impl StatsTally {
    /// No items yet, for the study day containing `now`.
    pub(crate) fn new(now: DateTime<Utc>, offset: FixedOffset, settings: &Settings) -> Self {
        let today = day::day_index(now, offset, settings.day_cutoff_hour);
        StatsTally {
            s: DeckStats::default(),
            new: 0,
            mastered: 0,
            day_end: day::day_start(today + 1, offset, settings.day_cutoff_hour),
        }
    }

    /// Counts one item with its stored state (`None`: never answered).
    pub(crate) fn add(&mut self, state: Option<&ItemState>) {
        let s = &mut self.s;
        s.items += 1;
        let Some(st) = state else {
            self.new += 1;
            s.states.new += 1;
            return;
        };
        s.last_studied = s.last_studied.max(st.last_review);
        if st
            .memory
            .is_some_and(|m| m.stability_days >= MASTERED_STABILITY_DAYS)
        {
            self.mastered += 1;
        }
        if st.suspended {
            s.states.suspended += 1;
            return;
        }
        match st.phase {
            Phase::New => s.states.new += 1,
            Phase::Learning | Phase::Relearning => s.states.learning += 1,
            Phase::Review if st.interval_days >= MATURE_DAYS => s.states.mature += 1,
            Phase::Review => s.states.young += 1,
        }
        match st.phase {
            Phase::New => self.new += 1,
            Phase::Learning | Phase::Relearning => s.learning += 1,
            Phase::Review if st.due < self.day_end => s.due += 1,
            Phase::Review => {}
        }
    }

    /// Adds the items counted by `other` (the same deck's other items, the same day).
    pub(crate) fn merge(&mut self, other: &StatsTally) {
        let (s, o) = (&mut self.s, &other.s);
        s.items += o.items;
        s.due += o.due;
        s.learning += o.learning;
        s.last_studied = s.last_studied.max(o.last_studied);
        s.states.new += o.states.new;
        s.states.learning += o.states.learning;
        s.states.young += o.states.young;
        s.states.mature += o.states.mature;
        s.states.suspended += o.states.suspended;
        self.new += other.new;
        self.mastered += other.mastered;
    }

    /// The figures of a deck of `cards` cards whose items were all added.
    pub(crate) fn finish(self, cards: usize, new_left_today: usize) -> DeckStats {
        let mut s = self.s;
        s.cards = cards;
        s.new_today = self.new.min(new_left_today);
        s.mastery = if s.items == 0 {
            0.0
        } else {
            self.mastered as f32 / s.items as f32
        };
        s
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::ItemState;
    use crate::schedule::Memory;
    use std::collections::HashMap;

    const DECK: &str = r#"Deck(format: 1, id: "mini", title: "Mini", cards: [
        Card(id: "a", kind: Basic(front: "F", back: "B", reverse: true)),
        Card(id: "b", kind: TypeIn(question: "Q", answers: ["A"])),
        Card(id: "c", kind: TrueFalse(statement: "S", truth: true)),
    ])"#;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    #[test]
    fn stats_count_due_new_learning_and_mastery() {
        let d = deck::load_str(DECK, "mini.ron", None).unwrap();
        let now = t("2026-03-01T12:00:00Z");
        let utc = FixedOffset::east_opt(0).unwrap();
        let mut states = HashMap::new();
        let mut review = ItemState::new(now);
        review.phase = Phase::Review;
        review.due = t("2026-03-01T20:00:00Z");
        review.last_review = Some(t("2026-02-01T10:00:00Z"));
        review.memory = Some(Memory {
            stability_days: 30.0,
            difficulty: 5.0,
        });
        states.insert(ItemKey::new("mini", "a", 0), review.clone());
        let mut later = review.clone();
        later.due = t("2026-03-05T20:00:00Z");
        later.memory = None;
        states.insert(ItemKey::new("mini", "a", 1), later);
        let mut learning = ItemState::new(now);
        learning.phase = Phase::Learning;
        learning.last_review = Some(t("2026-03-01T11:00:00Z"));
        states.insert(ItemKey::new("mini", "b", 0), learning);
        let s = deck_stats(&d, &states, now, utc, &Settings::default(), 20);
        assert_eq!(
            (s.cards, s.items, s.due, s.learning, s.new_today),
            (3, 4, 1, 1, 1)
        );
        assert_eq!(s.mastery, 0.25);
        // Neither review has an interval yet (young); "c" is new.
        assert_eq!(
            s.states,
            StateCounts {
                new: 1,
                learning: 1,
                young: 2,
                mature: 0,
                suspended: 0
            }
        );
        assert_eq!(s.last_studied, Some(t("2026-03-01T11:00:00Z")));
        let s = deck_stats(&d, &states, now, utc, &Settings::default(), 0);
        assert_eq!(s.new_today, 0);
    }

    #[test]
    fn a_deck_naming_a_built_in_map_imports_with_a_copy_of_it() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("maps-deck.ron");
        std::fs::write(
            &src,
            "Deck(format: 2, id: \"my-maps\", title: \"Mine\", cards: [\n  Card(id: \"a\", kind: Locate(prompt: \"Where is Riga?\", picture: \"maps/baltic-states.png\", answer: Circle(name: \"Riga\", x: 418.8, y: 430, r: 14))),\n])",
        )
        .unwrap();
        let decks = dir.path().join("decks");
        import_deck(&src, &decks).unwrap();
        let lib = Library::load(Some(&decks));
        let d = lib.get(&crate::ids::DeckId::new("my-maps")).unwrap();
        let copied = std::fs::read(deck_dir(d).unwrap().join("maps/baltic-states.png")).unwrap();
        assert_eq!(
            Some(copied.as_slice()),
            crate::deck::bundled::picture_bytes("maps/baltic-states.png")
        );
    }

    #[test]
    fn a_deck_saved_as_utf16_is_imported_as_utf8() {
        let dir = tempfile::tempdir().unwrap();
        let text = "Deck(format: 1, id: \"u\", title: \"Rīga\", cards: [Card(id: \"a\", kind: Basic(front: \"Capital of Latvia?\", back: \"Rīga\"))])";
        let bytes: Vec<u8> = [0xFF, 0xFE]
            .into_iter()
            .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let src = dir.path().join("u.ron");
        std::fs::write(&src, bytes).unwrap();
        let decks = dir.path().join("decks");
        assert_eq!(import_deck(&src, &decks).unwrap().title, "Rīga");
        assert_eq!(
            std::fs::read_to_string(decks.join("u").join("u.ron")).unwrap(),
            text
        );
    }

    #[test]
    fn a_broken_deck_is_shown_by_its_diagnostics_without_its_text() {
        let dir = tempfile::tempdir().unwrap();
        let decks = dir.path().join("decks");
        std::fs::create_dir_all(&decks).unwrap();
        let padding = "// a comment line to make the file long\n".repeat(10_000);
        std::fs::write(
            decks.join("bad.ron"),
            format!("{padding}Deck(format: 1, id: \"x\", title: \"\", cards: [])"),
        )
        .unwrap();
        let lib = Library::load(Some(&decks));
        assert_eq!(lib.broken.len(), 1);
        let broken = &lib.broken[0];
        assert!(broken.has_errors(), "{broken:?}");
        assert!(broken.text.is_empty(), "the library keeps no text");
        let shown = broken.render();
        assert!(shown.contains("bad.ron:10001:"), "{shown}");
    }

    /// A profile's byte-for-byte copy of a bundled deck is checked with the pictures of
    /// its own folder: the bundled deck's cache entry (checked with the program's
    /// pictures) never serves it.
    #[test]
    fn a_copy_of_a_bundled_deck_is_checked_with_its_own_folders_pictures() {
        let dir = tempfile::tempdir().unwrap();
        let decks = dir.path().join("decks");
        let own = decks.join("copy");
        std::fs::create_dir_all(own.join("maps")).unwrap();
        let bundled = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../decks/pact-and-bases-1939.ron");
        std::fs::copy(&bundled, own.join("copy.ron")).unwrap();
        // Its folder has a picture of the name the cards use, and it is not a picture.
        std::fs::write(own.join("maps/gulf-of-finland.png"), b"not a png").unwrap();
        assert!(deck::check_file(&own.join("copy.ron")).has_errors());
        // Twice: the second time the bundled decks come from the cache.
        for _ in 0..2 {
            let lib = Library::load(Some(&decks));
            assert_eq!(lib.broken.len(), 1, "{:?}", lib.broken);
            assert!(lib.decks.iter().all(|d| d.origin == DeckOrigin::Bundled));
        }
    }

    #[test]
    fn import_checks_first_and_imported_decks_replace_bundled_ones() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.ron");
        std::fs::write(&bad, "Deck(format: 1, id: \"x\", title: \"\", cards: [])").unwrap();
        let decks = dir.path().join("decks");
        let Err(LibraryError::Invalid(c)) = import_deck(&bad, &decks) else {
            panic!("a broken deck must not be imported");
        };
        assert!(c.has_errors());
        assert!(!decks.exists());

        let bundled = Library::load(None);
        let first = bundled.decks[0].deck.clone();
        let mut fixed = first.clone();
        fixed.version += 1;
        fixed.title = format!("{} (fixed)", first.title);
        let src = dir.path().join("fixed.ron");
        std::fs::write(&src, deck::to_ron(&fixed)).unwrap();
        import_deck(&src, &decks).unwrap();
        let lib = Library::load(Some(&decks));
        assert_eq!(lib.decks.len(), bundled.decks.len());
        let got = lib.get(&first.id).unwrap();
        assert_eq!(got.deck.title, fixed.title);
        assert!(matches!(got.origin, DeckOrigin::Imported(_)));
        // Opened again, the imported deck comes from the validated-deck cache.
        // (Beside one entry for each bundled deck, kept in the profile's cache too.)
        let cache = decks.join(deck::cache::CACHE_DIR);
        let bundled_entries = deck::bundled::check_all().len();
        assert_eq!(
            std::fs::read_dir(&cache).unwrap().count(),
            1 + bundled_entries
        );
        let again = Library::load(Some(&decks));
        assert_eq!(again.get(&first.id).unwrap().deck, got.deck);
        remove_deck(got).unwrap();
        assert_eq!(
            Library::load(Some(&decks)).get(&first.id).unwrap().origin,
            DeckOrigin::Bundled
        );
        assert_eq!(
            std::fs::read_dir(&cache).unwrap().count(),
            bundled_entries,
            "pruned"
        );
        assert!(remove_deck(Library::load(None).get(&first.id).unwrap()).is_err());
    }

    /// A class folder that is the profile's own decks folder, and one listed twice, are
    /// read once: no deck shows as its own copy, and the bundled decks' cache entries
    /// are not pruned by the second reading.
    #[test]
    fn a_folder_listed_twice_is_read_once() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("profile-decks");
        let src = dir.path().join("d.ron");
        std::fs::write(
            &src,
            r#"Deck(format: 1, id: "own", title: "Own", cards: [
                Card(id: "a", kind: Basic(front: "F", back: "B")),
            ])"#,
        )
        .unwrap();
        import_deck(&src, &mine).unwrap();
        // The same folder again, by another spelling of its path.
        let again = mine.join("..").join("profile-decks");
        let folders = vec![
            (again.clone(), "class folder".to_owned()),
            (again, "listed twice".to_owned()),
        ];
        let cache = mine.join(deck::cache::CACHE_DIR);
        let bundled_entries = deck::bundled::check_all().len();
        for _ in 0..2 {
            let lib = Library::load_from(Some(&mine), &folders);
            let d = lib.get(&DeckId::new("own")).unwrap();
            assert!(matches!(d.origin, DeckOrigin::Imported(_)));
            assert_eq!(d.copies_note(), None);
            assert!(lib.broken.is_empty());
            assert_eq!(
                std::fs::read_dir(&cache).unwrap().count(),
                1 + bundled_entries,
                "the bundled decks' entries are kept"
            );
        }
    }

    /// A library opened in two steps ([`Library::open_from`]) is the library loaded at
    /// once: the deck the cache serves comes first without its cards, its figures counted
    /// by its outline are the whole library's, and [`Opening::finish`] reads its cards.
    /// An entry damaged after its outline was read makes the library read again whole
    /// (and says so); a copy of the deck not used is never read further.
    #[test]
    fn a_library_opened_in_two_steps_is_the_library_loaded_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let mine = dir.path().join("profile-decks");
        let class = dir.path().join("class-decks");
        let cards: String = (0..3000)
            .map(|i| match i % 3 {
                0 => format!(
                    r#"Card(id: "c{i}", kind: Basic(front: "F{i}", back: "B", reverse: true)),"#
                ),
                1 => format!(
                    r#"Card(id: "c{i}", kind: Cloze(text: "T{i} {{{{c1::a}}}} {{{{c2::b}}}}")),"#
                ),
                _ => {
                    format!(r#"Card(id: "c{i}", kind: TypeIn(question: "Q{i}", answers: ["A"])),"#)
                }
            })
            .collect();
        for (folder, version) in [(&mine, 2), (&class, 1)] {
            let src = dir.path().join("big.ron");
            let text = format!(
                r#"Deck(format: 1, id: "big", title: "Big", version: {version}, cards: [{cards}])"#
            );
            std::fs::write(&src, text).unwrap();
            import_deck(&src, folder).unwrap();
        }
        let folders = vec![(class.clone(), "class".to_owned())];
        let whole = Library::load_from(Some(&mine), &folders);
        let big = whole.get(&DeckId::new("big")).unwrap();
        assert_eq!((big.deck.cards.len(), big.other_copies.len()), (3000, 1));
        // Some items studied, due at various times.
        let now = t("2026-03-01T12:00:00Z");
        let utc = FixedOffset::east_opt(0).unwrap();
        let mut states = HashMap::new();
        for (i, key) in whole
            .items(&[])
            .into_iter()
            .enumerate()
            .filter(|(i, _)| i % 5 != 0)
        {
            let mut s = ItemState::new(now);
            s.phase = [Phase::Review, Phase::Learning][i % 2];
            s.due = now + chrono::Duration::hours(i as i64 % 50 - 25);
            s.last_review = Some(now - chrono::Duration::days(3));
            states.insert(key, s);
        }
        let settings = Settings::default();
        let expected = crate::overview::figures(&whole, &states, &[], &settings, now, utc, false);
        assert!(expected.1.total.review > 0 && expected.1.total.new > 0);
        let same_decks = |a: &Library, b: &Library| {
            assert_eq!(a.decks.len(), b.decks.len());
            for (x, y) in a.decks.iter().zip(&b.decks) {
                assert_eq!(x.deck, y.deck);
                assert_eq!(x.other_copies.len(), y.other_copies.len());
            }
        };
        let opening = Library::open_from(Some(&mine), &folders);
        assert!(opening.cards_pending());
        let preview = opening.preview();
        let shown = preview.get(&DeckId::new("big")).unwrap();
        assert!(preview.decks.iter().all(|d| d.deck.cards.is_empty()));
        assert_eq!((shown.deck.version, shown.other_copies.len()), (2, 1));
        for two_threads in [false, true] {
            let got = opening.figures(&states, &[], &settings, now, utc, two_threads);
            assert_eq!(got, expected, "two threads: {two_threads}");
        }
        let (lib, same) = opening.finish();
        assert!(same);
        same_decks(&lib, &whole);
        // A byte of the last card of the big deck's entry in `folder`'s cache changed.
        let damage = |folder: &Path| {
            let cache = folder.join(deck::cache::CACHE_DIR);
            let entry = (std::fs::read_dir(&cache).unwrap())
                .map(|e| e.unwrap().path())
                .max_by_key(|p| p.metadata().unwrap().len())
                .unwrap();
            let mut bytes = std::fs::read(&entry).unwrap();
            let last = bytes.len() - 3;
            bytes[last] ^= 1;
            std::fs::write(&entry, &bytes).unwrap();
        };
        // The entry damaged once its outline was read: read again.
        let opening = Library::open_from(Some(&mine), &folders);
        damage(&mine);
        let (lib, same) = opening.finish();
        assert!(!same);
        same_decks(&lib, &whole);
        // And the entry written again: served whole next time. The class folder's older
        // copy, not used, is never read past its outline: its entry damaged there goes
        // unnoticed.
        damage(&class);
        let (lib, same) = Library::open_from(Some(&mine), &folders).finish();
        assert!(same);
        same_decks(&lib, &whole);
    }

    /// A package handed out again must not undo a teacher's fix: an older version of a
    /// deck already there is refused and the copy left as it was; the same version or a
    /// newer one replaces it, and a deck removed first can go back to any version.
    #[test]
    fn an_older_version_of_a_deck_already_there_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let write = |version: u32, front: &str| {
            let src = dir.path().join(format!("v{version}.ron"));
            std::fs::write(
                &src,
                format!(
                    r#"Deck(format: 1, id: "fix", version: {version}, title: "Fixed", cards: [
                    Card(id: "a", kind: Basic(front: "{front}", back: "B")),
                ])"#
                ),
            )
            .unwrap();
            src
        };
        let decks = dir.path().join("decks");
        let copy = decks.join("fix").join("fix.ron");
        import_deck(&write(2, "Fixed wording"), &decks).unwrap();
        let fixed = std::fs::read(&copy).unwrap();
        let err = import_deck(&write(1, "Old wording"), &decks).unwrap_err();
        let LibraryError::Older {
            id,
            have,
            importing,
            ..
        } = &err
        else {
            panic!("{err:?}");
        };
        assert_eq!((id.as_str(), *have, *importing), ("fix", 2, 1));
        assert_eq!(std::fs::read(&copy).unwrap(), fixed, "the copy was changed");
        let said = err.message().english();
        assert!(
            said.contains("version 1") && said.contains("version 2") && said.contains("Fixed"),
            "{said}"
        );
        // The same version again, and a newer one, replace it.
        assert_eq!(
            import_deck(&write(2, "Fixed wording"), &decks)
                .unwrap()
                .version,
            2
        );
        assert_eq!(import_deck(&write(3, "Newer"), &decks).unwrap().version, 3);
        // Removed first, the deck can go back to an older version.
        std::fs::remove_dir_all(decks.join("fix")).unwrap();
        assert_eq!(
            import_deck(&write(1, "Old wording"), &decks)
                .unwrap()
                .version,
            1
        );
    }

    #[test]
    fn class_decks_are_seen_and_the_newest_copy_of_an_id_wins() {
        let dir = tempfile::tempdir().unwrap();
        let write = |name: &str, version: u32, title: &str| {
            let src = dir.path().join(format!("{name}.ron"));
            std::fs::write(
                &src,
                format!(
                    r#"Deck(format: 1, id: "shared", version: {version}, title: "{title}", cards: [
                    Card(id: "a", kind: Basic(front: "F", back: "B")),
                ])"#
                ),
            )
            .unwrap();
            src
        };
        let mine = dir.path().join("profile-decks");
        let class = dir.path().join("class");
        let system = dir.path().join("system");
        let folders = vec![
            (class.clone(), "class folder".to_owned()),
            (system.clone(), "system folder".to_owned()),
        ];
        import_deck(&write("v2", 2, "Second"), &class).unwrap();
        let lib = Library::load_from(Some(&mine), &folders);
        let d = lib.get(&DeckId::new("shared")).unwrap();
        assert_eq!(d.deck.title, "Second");
        assert!(matches!(&d.origin, DeckOrigin::Class { folder, .. } if folder == "class folder"));
        assert_eq!(d.copies_note(), None);
        // An older copy in the profile does not hide the class folder's newer one.
        import_deck(&write("v1", 1, "First"), &mine).unwrap();
        import_deck(&write("v3", 3, "Third"), &system).unwrap();
        let lib = Library::load_from(Some(&mine), &folders);
        let d = lib.get(&DeckId::new("shared")).unwrap();
        assert_eq!((d.deck.title.as_str(), d.deck.version), ("Third", 3));
        assert_eq!(
            d.copies_note().unwrap(),
            "Using the newest, version 3 from class decks (system folder); also in: class \
             decks (class folder) (version 2), your decks (version 1)."
        );
        assert_eq!(
            lib.decks
                .iter()
                .filter(|x| x.deck.id.as_str() == "shared")
                .count(),
            1
        );
        // Equal versions: the copy closest to the profile.
        import_deck(&write("v3b", 3, "Mine"), &mine).unwrap();
        let lib = Library::load_from(Some(&mine), &folders);
        assert_eq!(lib.get(&DeckId::new("shared")).unwrap().deck.title, "Mine");
        // Removing a class deck removes it for everyone; the other copies come back.
        let lib = Library::load_from(None, &folders);
        remove_deck(lib.get(&DeckId::new("shared")).unwrap()).unwrap();
        let lib = Library::load_from(None, &folders);
        assert_eq!(
            lib.get(&DeckId::new("shared")).unwrap().deck.title,
            "Second"
        );
        // A missing class folder (an unplugged network share) is skipped.
        let gone = vec![(dir.path().join("gone"), "gone".to_owned())];
        assert_eq!(
            Library::load_from(None, &gone).decks.len(),
            Library::load(None).decks.len()
        );
    }

    #[test]
    fn imported_decks_bring_their_pictures() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("teacher");
        std::fs::create_dir_all(src.join("maps")).unwrap();
        std::fs::write(
            src.join("maps/riga.png"),
            include_bytes!("../../../assets/icon.png"),
        )
        .unwrap();
        std::fs::write(
            src.join("pics.ron"),
            r#"Deck(format: 1, id: "pics", title: "Pictures", cards: [
                Card(id: "a", image: "maps/riga.png", kind: Basic(front: "Which city?", back: "Riga")),
            ])"#,
        )
        .unwrap();
        let decks = dir.path().join("profile-decks");
        import_deck(&src.join("pics.ron"), &decks).unwrap();
        let lib = Library::load(Some(&decks));
        assert!(
            lib.broken.is_empty(),
            "{:?}",
            lib.broken.iter().map(|c| c.render()).collect::<Vec<_>>()
        );
        let d = lib.get(&DeckId::new("pics")).unwrap();
        let pic = crate::picture::load(deck_dir(d).unwrap(), "maps/riga.png").unwrap();
        assert_eq!(pic.width, 128);
        remove_deck(d).unwrap();
        assert!(!decks.join("pics").exists());
    }

    #[test]
    fn picture_copies_over_either_limit_are_refused_and_leave_nothing_behind() {
        let dir = tempfile::tempdir().unwrap();
        let src = dir.path().join("teacher");
        std::fs::create_dir_all(src.join("maps")).unwrap();
        let icon = include_bytes!("../../../assets/icon.png");
        let size = icon.len() as u64;
        for name in ["riga", "tallinn", "vilnius"] {
            std::fs::write(src.join(format!("maps/{name}.png")), icon).unwrap();
        }
        let deck = src.join("pics.ron");
        std::fs::write(
            &deck,
            r#"Deck(format: 1, id: "pics", title: "Pictures", cards: [
                Card(id: "a", image: "maps/riga.png", kind: Basic(front: "Which city?", back: "Riga")),
                Card(id: "b", image: "maps/tallinn.png", kind: Basic(front: "And this one?", back: "Tallinn")),
                Card(id: "c", image: "maps/vilnius.png", kind: Basic(front: "And here?", back: "Vilnius")),
                Card(id: "d", image: "maps/riga.png", kind: Basic(front: "Riga again?", back: "Riga")),
            ])"#,
        )
        .unwrap();
        let decks = dir.path().join("profile-decks");
        let entries = |d: &Path| {
            let mut v: Vec<String> = walk(d);
            v.sort();
            v
        };
        fn walk(d: &Path) -> Vec<String> {
            let mut out = Vec::new();
            for e in std::fs::read_dir(d).unwrap().flatten() {
                out.push(e.path().display().to_string());
                if e.path().is_dir() {
                    out.extend(walk(&e.path()));
                }
            }
            out
        }
        let message = |e: LibraryError| e.to_string();

        // One picture over the limit of each.
        let each = PictureCopyLimits {
            each: size - 1,
            ..PictureCopyLimits::default()
        };
        std::fs::create_dir_all(&decks).unwrap();
        // Refused with the picture and the limit named, nothing left behind.
        let refused = |limits: &PictureCopyLimits, picture: &str, why: &str| {
            let e = message(import_deck_with(&deck, &decks, limits).unwrap_err());
            assert!(e.contains(picture) && e.contains(why), "{e}");
            assert!(
                entries(&decks).is_empty(),
                "left behind: {:?}",
                entries(&decks)
            );
        };
        refused(
            &each,
            "riga.png",
            &format!(
                "is {size} bytes; pictures are limited to {} bytes",
                size - 1
            ),
        );
        // Each within its limit, the third over the total (a repeat counts once).
        let total = PictureCopyLimits {
            total: 2 * size + size / 2,
            ..PictureCopyLimits::default()
        };
        refused(
            &total,
            "vilnius.png",
            &format!(
                "the deck's pictures add up to more than {} bytes",
                total.total
            ),
        );
        // Exactly at the limits, it is copied.
        let exact = PictureCopyLimits {
            each: size,
            total: 3 * size,
        };
        import_deck_with(&deck, &decks, &exact).unwrap();
        let before = entries(&decks);
        assert_eq!(before.len(), 6, "{before:?}");
        // Refused again over an earlier copy: the earlier copy stays whole.
        import_deck_with(&deck, &decks, &total).unwrap_err();
        assert_eq!(entries(&decks), before);
        assert_eq!(
            std::fs::read(decks.join("pics/maps/vilnius.png")).unwrap(),
            icon
        );
        // The real limits: 16 MiB each, 256 MiB in all.
        assert_eq!(
            PictureCopyLimits::default(),
            PictureCopyLimits {
                each: 16 * 1024 * 1024,
                total: 256 * 1024 * 1024
            }
        );
    }
}
