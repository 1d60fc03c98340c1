//! Deck packages (`.qdeck`): one file to email or copy, a zip of the deck's RON file and
//! its pictures. Packing checks the deck first; opening a package refuses anything hostile
//! before a byte is written (too many entries, names leaving the folder, links, encrypted
//! entries, sizes beyond the deck and picture limits, archives that expand far beyond
//! their size) and then imports the deck through the library's usual checks.

use crate::deck::{self, Checked};
use crate::library::{self, LibraryError};
use crate::message::Message;
use std::collections::HashSet;
use std::io::{Read, Write};
use std::path::{Component, Path, PathBuf};

/// File extension of deck packages.
pub const EXTENSION: &str = "qdeck";
/// Largest package file opened, in bytes.
pub(crate) const MAX_PACKAGE_BYTES: u64 = 256 * 1024 * 1024;
/// Most entries (files and folders) in a package.
pub(crate) const MAX_ENTRIES: usize = 2000;
/// Largest total size of a package's files once unpacked, in bytes.
pub(crate) const MAX_UNPACKED_BYTES: u64 = 512 * 1024 * 1024;
/// Longest entry name, in bytes, and deepest folder nesting.
const MAX_NAME_BYTES: usize = 255;
const MAX_DEPTH: usize = 8;
/// Unpacked size allowed per packed byte beyond the first MiB of an entry (deflate
/// reaches about 1032:1 on runs of zeros; real decks and PNGs stay far below 100:1).
const MAX_RATIO: u64 = 200;

/// Why a package could not be made or opened.
#[derive(Debug, thiserror::Error)]
pub enum PackageError {
    /// The deck to pack (or the deck inside the package) has errors.
    #[error("{}", self.message())]
    Invalid(Box<Checked>),
    /// The package was refused as unsafe or broken; nothing was written.
    #[error("{}", self.message())]
    Refused {
        /// The package.
        path: PathBuf,
        /// What is wrong with it, for the teacher.
        reason: Message,
    },
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
    /// Importing the unpacked deck failed.
    #[error(transparent)]
    Library(#[from] LibraryError),
}

impl PackageError {
    /// What went wrong, as a message for any language.
    pub fn message(&self) -> Message {
        use crate::message::io_error;
        match self {
            PackageError::Invalid(c) => Message::new("package-invalid").arg("file", &c.file),
            PackageError::Refused { path, reason } => Message::new("package-refused")
                .arg("path", path.display().to_string())
                .arg("reason", reason),
            PackageError::Io {
                action,
                path,
                source,
            } => io_error(action, path, source),
            PackageError::Library(e) => e.message(),
        }
    }
}

/// Result alias of packages.
pub type Result<T, E = PackageError> = std::result::Result<T, E>;

/// What [`pack`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PackSummary {
    /// The deck packed.
    pub deck_id: String,
    /// Its title.
    pub title: String,
    /// Cards in it.
    pub cards: usize,
    /// Picture files packed.
    pub pictures: usize,
    /// Size of the package, in bytes.
    pub bytes: u64,
}

use crate::durable::io_err as io;
crate::durable::file_error_into!(PackageError);

/// Packs the deck file `deck_file` (checked first: a deck with errors is not packed) and
/// the pictures its cards name into the package `out`, written atomically. The deck is
/// stored as `<deck id>.ron`, the pictures at their paths relative to the deck.
pub fn pack(deck_file: &Path, out: &Path) -> Result<PackSummary> {
    let checked = deck::check_file(deck_file);
    if checked.has_errors() {
        return Err(PackageError::Invalid(Box::new(checked)));
    }
    let d = checked.deck.as_ref().expect("no errors means a deck");
    let src_dir = deck_file.parent().unwrap_or(Path::new("."));
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let zerr = |e: zip::result::ZipError| PackageError::Io {
        action: "write",
        path: out.to_owned(),
        source: std::io::Error::other(e),
    };
    let deflated = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated)
        .unix_permissions(0o644);
    zip.start_file(format!("{}.ron", d.id), deflated)
        .map_err(zerr)?;
    zip.write_all(checked.text.as_bytes())
        .map_err(io("write", out))?;
    let mut pictures: Vec<&str> = d.cards.iter().filter_map(|c| c.image.as_deref()).collect();
    pictures.sort_unstable();
    pictures.dedup();
    for pic in &pictures {
        // Validation checked the path is relative, inside the deck's folder, and exists.
        let path = src_dir.join(pic);
        let bytes = match crate::deck::bundled::picture_bytes(pic).filter(|_| !path.exists()) {
            // A map built into quizdeck travels in the package too.
            Some(b) => b.to_vec(),
            // Read capped: the picture may have grown since it was checked.
            None => match crate::durable::read_capped(&path, crate::picture::MAX_FILE_BYTES)? {
                crate::durable::Capped::Bytes(b) => b,
                crate::durable::Capped::Missing => {
                    return Err(io("read", &path)(std::io::ErrorKind::NotFound.into()).into());
                }
                crate::durable::Capped::TooLarge(size) => {
                    return Err(io("read", &path)(std::io::Error::other(format!(
                        "the picture is {size} bytes; pictures are limited to {} MiB",
                        crate::picture::MAX_FILE_BYTES / (1024 * 1024)
                    )))
                    .into());
                }
            },
        };
        let stored = deflated.compression_method(zip::CompressionMethod::Stored);
        zip.start_file(pic.replace('\\', "/"), stored)
            .map_err(zerr)?;
        zip.write_all(&bytes).map_err(io("write", out))?;
    }
    let bytes = zip.finish().map_err(zerr)?.into_inner();
    crate::durable::write_atomic(out, &bytes)?;
    Ok(PackSummary {
        deck_id: d.id.to_string(),
        title: d.title.clone(),
        cards: d.cards.len(),
        pictures: pictures.len(),
        bytes: bytes.len() as u64,
    })
}

/// True when `path` names a deck package (by its extension).
pub fn is_package(path: &Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(EXTENSION))
}

/// A checked entry name: relative, plain components, no `..`, no drive or root.
fn safe_name(name: &str) -> std::result::Result<PathBuf, Message> {
    let entry = |id: &'static str| Message::new(id).arg("name", cut(name));
    if name.len() > MAX_NAME_BYTES {
        return Err(entry("package-name-too-long"));
    }
    if name.contains('\\') || name.contains('\0') || name.contains(':') {
        return Err(entry("package-name-bad-char"));
    }
    let path = Path::new(name.trim_end_matches('/'));
    let mut depth = 0;
    for c in path.components() {
        match c {
            Component::Normal(_) => depth += 1,
            Component::CurDir => {}
            Component::ParentDir => {
                return Err(entry("package-name-outside"));
            }
            Component::RootDir | Component::Prefix(_) => {
                return Err(entry("package-name-absolute"));
            }
        }
    }
    if depth == 0 {
        return Err(Message::new("package-name-empty"));
    }
    if depth > MAX_DEPTH {
        return Err(entry("package-name-too-deep"));
    }
    Ok(path.to_path_buf())
}

fn cut(s: &str) -> String {
    s.chars().take(80).collect()
}

/// Unpacks the package into `dest` (created; it must not exist yet) after checking every
/// entry, and returns the deck file inside. Refuses (writing nothing) packages that are
/// too big, have too many entries, names outside the folder, links, encrypted entries,
/// files beyond the deck or picture size limits, or not exactly one deck at the top.
pub fn unpack(package: &Path, dest: &Path) -> Result<PathBuf> {
    let refuse = |reason: Message| PackageError::Refused {
        path: package.to_owned(),
        reason,
    };
    let file = std::fs::File::open(package).map_err(io("open", package))?;
    let len = file.metadata().map_err(io("read", package))?.len();
    if len > MAX_PACKAGE_BYTES {
        return Err(refuse(
            Message::new("package-too-large")
                .arg("size", len >> 20)
                .arg("max", MAX_PACKAGE_BYTES >> 20),
        ));
    }
    let mut archive = zip::ZipArchive::new(std::io::BufReader::new(file)).map_err(|e| {
        refuse(
            Message::new("package-not-zip")
                .arg("extension", EXTENSION)
                .arg("error", e.to_string()),
        )
    })?;
    if archive.len() > MAX_ENTRIES {
        return Err(refuse(
            Message::new("package-too-many-entries")
                .arg("n", archive.len())
                .arg("max", MAX_ENTRIES),
        ));
    }
    // First pass: every entry's name, kind and declared size, before anything is written.
    struct Plan {
        index: usize,
        path: PathBuf,
        limit: u64,
        packed: u64,
    }
    let mut plan = Vec::new();
    let mut seen = HashSet::new();
    let mut decks = Vec::new();
    let mut total: u64 = 0;
    for i in 0..archive.len() {
        let entry = archive.by_index_raw(i).map_err(|e| {
            refuse(
                Message::new("package-entry-unreadable")
                    .arg("n", i + 1)
                    .arg("error", e.to_string()),
            )
        })?;
        let name = entry
            .name()
            .map_err(|e| {
                refuse(
                    Message::new("package-entry-bad-name")
                        .arg("n", i + 1)
                        .arg("error", e.to_string()),
                )
            })?
            .into_owned();
        let path = safe_name(&name).map_err(&refuse)?;
        if entry.is_symlink() {
            return Err(refuse(
                Message::new("package-entry-link").arg("name", cut(&name)),
            ));
        }
        if entry.encrypted() {
            return Err(refuse(
                Message::new("package-entry-encrypted").arg("name", cut(&name)),
            ));
        }
        if !seen.insert(path.to_string_lossy().to_lowercase()) {
            return Err(refuse(
                Message::new("package-entry-twice").arg("name", cut(&name)),
            ));
        }
        if entry.is_dir() {
            continue;
        }
        let is_deck = path.extension().is_some_and(|e| e == "ron");
        let limit = if is_deck {
            deck::MAX_FILE_BYTES
        } else {
            crate::picture::MAX_FILE_BYTES
        };
        if entry.size() > limit {
            return Err(refuse(
                Message::new("package-entry-too-large")
                    .arg("name", cut(&name))
                    .arg("size", entry.size() >> 20)
                    .arg("kind", if is_deck { "deck" } else { "picture" })
                    .arg("max", limit >> 20),
            ));
        }
        if entry.size() > (1 << 20) && entry.size() / entry.compressed_size().max(1) > MAX_RATIO {
            return Err(refuse(
                Message::new("package-entry-bomb")
                    .arg("name", cut(&name))
                    .arg("ratio", entry.size() / entry.compressed_size().max(1)),
            ));
        }
        total = total.saturating_add(entry.size());
        if total > MAX_UNPACKED_BYTES {
            return Err(refuse(
                Message::new("package-unpacked-too-large").arg("max", MAX_UNPACKED_BYTES >> 20),
            ));
        }
        if is_deck && path.components().count() == 1 {
            decks.push(path.clone());
        }
        plan.push(Plan {
            index: i,
            path,
            limit,
            packed: entry.compressed_size(),
        });
    }
    let deck_file = match decks.as_slice() {
        [one] => one.clone(),
        [] => return Err(refuse(Message::new("package-no-deck"))),
        _ => {
            return Err(refuse(
                Message::new("package-several-decks").arg("n", decks.len()),
            ));
        }
    };
    // Second pass: unpack with the limits enforced on the bytes actually produced (the
    // declared sizes may lie).
    std::fs::create_dir(dest).map_err(io("create", dest))?;
    let result = (|| {
        for p in &plan {
            let entry = archive.by_index(p.index).map_err(|e| {
                refuse(
                    Message::new("package-file-unreadable")
                        .arg("name", p.path.display().to_string())
                        .arg("error", e.to_string()),
                )
            })?;
            let cap = p.limit.min(p.packed.saturating_mul(MAX_RATIO).max(1 << 20));
            let mut bytes = Vec::new();
            entry.take(cap + 1).read_to_end(&mut bytes).map_err(|e| {
                refuse(
                    Message::new("package-file-damaged")
                        .arg("name", p.path.display().to_string())
                        .arg("error", e.to_string()),
                )
            })?;
            if bytes.len() as u64 > cap {
                return Err(refuse(
                    Message::new("package-file-bomb").arg("name", p.path.display().to_string()),
                ));
            }
            let to = dest.join(&p.path);
            if let Some(parent) = to.parent() {
                std::fs::create_dir_all(parent).map_err(io("create", parent))?;
            }
            std::fs::write(&to, &bytes).map_err(io("write", &to))?;
        }
        Ok(dest.join(&deck_file))
    })();
    if result.is_err() {
        let _ = std::fs::remove_dir_all(dest);
    }
    result
}

/// Opens a package and imports its deck with its pictures into `decks_dir` (a profile's
/// decks folder or a class deck folder), as [`library::import_deck`] does for a file.
pub fn import_package(package: &Path, decks_dir: &Path) -> Result<deck::DeckSummary> {
    std::fs::create_dir_all(decks_dir).map_err(io("create", decks_dir))?;
    // A hidden folder beside the decks: the library does not read dot-folders.
    let tmp = decks_dir.join(format!(".package.unpacking-{}", std::process::id()));
    if tmp.exists() {
        std::fs::remove_dir_all(&tmp).map_err(io("clear", &tmp))?;
    }
    let deck_file = unpack(package, &tmp)?;
    let result = library::import_deck(&deck_file, decks_dir);
    let _ = std::fs::remove_dir_all(&tmp);
    Ok(result?)
}

#[cfg(test)]
mod tests {
    use super::*;
    use zip::write::SimpleFileOptions;

    const DECK: &str = r#"Deck(format: 1, id: "pics", title: "Pictures", cards: [
        Card(id: "a", image: "maps/riga.png", kind: Basic(front: "Which city?", back: "Riga")),
        Card(id: "b", kind: TrueFalse(statement: "Riga is in Latvia.", truth: true)),
    ])"#;
    const PNG: &[u8] = include_bytes!("../../../assets/icon.png");

    /// A zip with these (name, bytes) entries, deflated.
    fn zip_of(entries: &[(&str, &[u8])]) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = SimpleFileOptions::default().compression_method(zip::CompressionMethod::Deflated);
        for (name, bytes) in entries {
            z.start_file(*name, o).unwrap();
            z.write_all(bytes).unwrap();
        }
        z.finish().unwrap().into_inner()
    }

    /// Sets the declared unpacked size of every entry (local and central headers).
    fn declare_size(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
        let mut i = 0;
        while i + 30 <= zip.len() {
            let at = match &zip[i..i + 4] {
                [0x50, 0x4b, 0x03, 0x04] => Some(i + 22),
                [0x50, 0x4b, 0x01, 0x02] => Some(i + 24),
                _ => None,
            };
            if let Some(at) = at {
                zip[at..at + 4].copy_from_slice(&size.to_le_bytes());
            }
            i += 1;
        }
        zip
    }

    /// Writes the bytes as a package and tries to import it; the refusal's message.
    fn refusal(bytes: &[u8]) -> String {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("hostile.qdeck");
        std::fs::write(&p, bytes).unwrap();
        let decks = dir.path().join("decks");
        let err = import_package(&p, &decks).unwrap_err();
        let msg = err.to_string();
        assert!(
            matches!(err, PackageError::Refused { .. }),
            "not refused: {msg}"
        );
        // Nothing was left behind: no deck, no half-unpacked folder.
        let left: Vec<_> = std::fs::read_dir(&decks).unwrap().collect();
        assert!(left.is_empty(), "{left:?}");
        assert!(!dir.path().parent().unwrap().join("evil.ron").exists());
        msg
    }

    fn source_deck(dir: &Path) -> PathBuf {
        let src = dir.join("teacher");
        std::fs::create_dir_all(src.join("maps")).unwrap();
        std::fs::write(src.join("maps/riga.png"), PNG).unwrap();
        std::fs::write(src.join("pics.ron"), DECK).unwrap();
        src.join("pics.ron")
    }

    #[test]
    fn a_packed_deck_imports_with_its_pictures() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out/pics.qdeck");
        std::fs::create_dir_all(out.parent().unwrap()).unwrap();
        let s = pack(&source_deck(dir.path()), &out).unwrap();
        assert_eq!((s.deck_id.as_str(), s.cards, s.pictures), ("pics", 2, 1));
        assert_eq!(s.bytes, std::fs::metadata(&out).unwrap().len());
        // Packing is deterministic: the same deck gives the same bytes.
        let again = dir.path().join("again.qdeck");
        pack(&dir.path().join("teacher/pics.ron"), &again).unwrap();
        assert_eq!(std::fs::read(&out).unwrap(), std::fs::read(&again).unwrap());
        assert!(is_package(&out) && is_package(Path::new("X.QDECK")));

        let decks = dir.path().join("profile-decks");
        let d = import_package(&out, &decks).unwrap();
        assert_eq!(d.id.as_str(), "pics");
        let lib = crate::library::Library::load(Some(&decks));
        assert!(lib.broken.is_empty());
        let ld = lib.get(&d.id).unwrap();
        assert_eq!(
            std::fs::read_to_string(ld.origin.file().unwrap()).unwrap(),
            DECK
        );
        let pic = crate::picture::load(library::deck_dir(ld).unwrap(), "maps/riga.png").unwrap();
        assert_eq!(pic.width, 128);
        // Only the deck's folder is left: the unpacking folder is gone (the library's
        // deck cache, `.cache`, is its own).
        let names: Vec<_> = std::fs::read_dir(&decks)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .filter(|n| n != deck::cache::CACHE_DIR)
            .collect();
        assert_eq!(names, ["pics"]);
    }

    #[test]
    fn a_built_in_map_travels_in_the_package() {
        let dir = tempfile::tempdir().unwrap();
        let deck = dir.path().join("m.ron");
        std::fs::write(
            &deck,
            r#"Deck(format: 2, id: "m", title: "M", cards: [Card(id: "a", kind: Locate(prompt: "Where is Riga?", picture: "maps/baltic-states.png", answer: Circle(name: "Riga", x: 418.8, y: 430, r: 14)))])"#,
        )
        .unwrap();
        let out = dir.path().join("m.qdeck");
        assert_eq!(pack(&deck, &out).unwrap().pictures, 1);
        let unpacked = unpack(&out, &dir.path().join("class")).unwrap();
        let folder = unpacked.parent().unwrap();
        assert_eq!(
            std::fs::read(folder.join("maps/baltic-states.png"))
                .ok()
                .as_deref(),
            crate::deck::bundled::picture_bytes("maps/baltic-states.png")
        );
    }

    #[test]
    fn a_deck_with_errors_is_neither_packed_nor_imported() {
        let dir = tempfile::tempdir().unwrap();
        let bad = dir.path().join("bad.ron");
        std::fs::write(&bad, r#"Deck(format: 1, id: "x", title: "", cards: [])"#).unwrap();
        let out = dir.path().join("bad.qdeck");
        assert!(matches!(pack(&bad, &out), Err(PackageError::Invalid(_))));
        assert!(!out.exists());
        std::fs::write(
            &out,
            zip_of(&[(
                "x.ron",
                br#"Deck(format: 1, id: "x", title: "", cards: [])"#,
            )]),
        )
        .unwrap();
        let err = import_package(&out, &dir.path().join("decks")).unwrap_err();
        assert!(
            matches!(err, PackageError::Library(LibraryError::Invalid(_))),
            "{err}"
        );
    }

    #[test]
    fn names_leaving_the_folder_are_refused() {
        for name in [
            "../evil.ron",
            "maps/../../evil.png",
            "/etc/evil.png",
            "C:/evil.png",
            "a\\..\\evil.png",
        ] {
            let msg = refusal(&zip_of(&[("pics.ron", DECK.as_bytes()), (name, b"x")]));
            assert!(
                msg.contains("outside the package")
                    || msg.contains("absolute path")
                    || msg.contains("backslash, colon"),
                "{name}: {msg}"
            );
        }
    }

    #[test]
    fn symbolic_links_are_refused() {
        let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = SimpleFileOptions::default();
        z.start_file("pics.ron", o).unwrap();
        z.write_all(DECK.as_bytes()).unwrap();
        z.add_symlink("maps/riga.png", "/etc/passwd", o).unwrap();
        let msg = refusal(&z.finish().unwrap().into_inner());
        assert!(msg.contains("is a symbolic link"), "{msg}");
    }

    #[test]
    fn thousands_of_entries_are_refused() {
        let names: Vec<String> = (0..MAX_ENTRIES + 1).map(|i| format!("p/{i}.png")).collect();
        let mut entries: Vec<(&str, &[u8])> = vec![("pics.ron", DECK.as_bytes())];
        entries.extend(names.iter().map(|n| (n.as_str(), &b""[..])));
        let msg = refusal(&zip_of(&entries));
        assert!(
            msg.contains("2002 entries; a package holds at most 2000"),
            "{msg}"
        );
    }

    #[test]
    fn zip_bombs_are_refused() {
        // Beyond the picture limit, as declared.
        let zeros = vec![0u8; 17 << 20];
        let msg = refusal(&zip_of(&[
            ("pics.ron", DECK.as_bytes()),
            ("maps/riga.png", &zeros),
        ]));
        assert!(msg.contains("pictures are limited to 16 MiB"), "{msg}");
        // Within the limit but expanding a thousand-fold.
        let msg = refusal(&zip_of(&[
            ("pics.ron", DECK.as_bytes()),
            ("maps/riga.png", &zeros[..4 << 20]),
        ]));
        assert!(msg.contains("(a zip bomb?)"), "{msg}");
        // Declaring a small size and producing megabytes.
        let lying = declare_size(zip_of(&[("pics.ron", &zeros[..8 << 20])]), 100);
        let msg = refusal(&lying);
        assert!(
            msg.contains("zip bomb") || msg.contains("is damaged"),
            "{msg}"
        );
    }

    #[test]
    fn huge_declared_sizes_are_refused_before_unpacking() {
        let huge = declare_size(zip_of(&[("pics.ron", DECK.as_bytes())]), 0xFFFF_FF00);
        let msg = refusal(&huge);
        assert!(msg.contains("deck files are limited to 64 MiB"), "{msg}");
    }

    #[test]
    fn broken_or_odd_packages_are_refused_with_the_reason() {
        let msg = refusal(b"this is not a zip file");
        assert!(msg.contains("not a readable .qdeck package"), "{msg}");
        let msg = refusal(&zip_of(&[("maps/riga.png", PNG)]));
        assert!(msg.contains("no deck file"), "{msg}");
        let msg = refusal(&zip_of(&[
            ("a.ron", DECK.as_bytes()),
            ("b.ron", DECK.as_bytes()),
        ]));
        assert!(msg.contains("2 deck files at the top"), "{msg}");
        let msg = refusal(&zip_of(&[
            ("pics.ron", DECK.as_bytes()),
            ("Pics.RON", DECK.as_bytes()),
        ]));
        assert!(msg.contains("appears twice"), "{msg}");
    }
}
