//! The first of a cache entry's two readings: the deck without its cards and the cards'
//! outline (their ids and study items, checked by a hash of their own), read before the
//! cards, so a profile's library shows its figures while the cards are still read
//! ([`Pending`], [`crate::library::Opening`]). The cards are read by
//! [`super::cards_from`].

use super::bytes::{Bytes, CacheFile};
use super::{APP_VERSION, CDeck, MAGIC, MAX_CACHE, Served, from_cache, most_cards};
use crate::deck::model::{CardIndex, CardOutline};
use crate::deck::{Checked, Deck};
use std::collections::HashSet;
use std::path::{Path, PathBuf};

/// A deck file's check ([`super::check_file_outlined`]): done, or served by the cache with
/// its cards still to read. (One for each deck file as a library is read, never kept:
/// both variants are a few hundred bytes.)
#[allow(clippy::large_enum_variant)]
pub(crate) enum Found {
    /// Checked in full, or served by the cache whole.
    Now(Checked),
    /// Served by the cache: the deck without its cards, and its outline; the cards are
    /// read by [`Pending::finish`].
    Later(Pending),
}

/// A deck served by the cache whose cards are still to read: its entry's head and outline
/// read and checked. (The entry is not kept open meanwhile: a library of hundreds of decks
/// would hold as many files.)
pub(crate) struct Pending {
    entry: PathBuf,
    start: Start,
    /// The deck file (its folder's pictures are looked for once the cards are read, and
    /// it is checked in full if the entry fails then).
    path: PathBuf,
    cache_dir: PathBuf,
}

impl Pending {
    /// Opens the entry `entry` of the deck file `path` and reads what comes before the
    /// cards; `None` if it is missing, not a regular file, too large, not made for
    /// `content_hash` by this version, or damaged there.
    pub(super) fn open(
        path: &Path,
        cache_dir: &Path,
        entry: &Path,
        content_hash: u128,
    ) -> Option<Pending> {
        let file = open_entry(entry)?;
        let start = start_from(&file, content_hash)?;
        Some(Pending {
            entry: entry.to_owned(),
            start,
            path: path.to_owned(),
            cache_dir: cache_dir.to_owned(),
        })
    }

    /// The deck, its cards not read yet.
    pub(crate) fn head(&self) -> &Deck {
        &self.start.head
    }

    /// Its cards' outline.
    pub(crate) fn outline(&self) -> &[CardOutline] {
        &self.start.outline
    }

    /// Reads the cards: the deck as the cache holds it and `true`; or, when the rest of
    /// the entry does not hold (damaged, a card not the one its outline names) or a
    /// card's picture is gone, the file checked again through the cache as any load does
    /// and `false` (its cards may then differ from the outline, or the deck fail).
    pub(crate) fn finish(self) -> (Checked, bool) {
        let Pending {
            entry,
            start,
            path,
            cache_dir,
        } = self;
        // (Opened again: whatever changed in between is refused by the payload's hash.)
        if let Some((deck, pictures)) =
            open_entry(&entry).and_then(|f| super::cards_from(&f, start))
            && (!pictures || super::pictures_hold(&deck, path.parent()))
        {
            return (super::from_cache_checked(&path, deck), true);
        }
        let (checked, _): (Checked, Served) =
            super::check_file_cached_how(&path, &cache_dir, &mut HashSet::new());
        (checked, false)
    }
}

/// What is read of a cache entry before its cards ([`start_from`]): the deck without its
/// cards, their outline (checked by its own hash), where the pieces of cards start, and
/// the payload's hash so far.
pub(super) struct Start {
    pub(super) head: Deck,
    pub(super) outline: Vec<CardOutline>,
    /// Where the first piece of cards starts.
    pub(super) at: u64,
    /// The payload's hash, from the header.
    pub(super) sum: u128,
    /// The payload's bytes read so far (the head and the outline), hashed.
    pub(super) hash: xxhash_rust::xxh3::Xxh3,
}

/// The cache file `entry` opened for reading: `None` if it is missing, not a regular file
/// or larger than [`MAX_CACHE`].
fn open_entry(entry: &Path) -> Option<CacheFile> {
    let (file, size) = crate::input::open_regular(entry).ok()?;
    (size <= MAX_CACHE).then_some(CacheFile(file, size))
}

/// Reads a cache file's header, the deck without its cards and the cards' outline,
/// checked against the outline's own hash; `None` if the file is not one made for
/// `content_hash` by this version, or those are damaged. The cards are read by
/// [`cards_from`].
pub(super) fn start_from<S: Bytes + ?Sized>(source: &S, content_hash: u128) -> Option<Start> {
    let mut header = vec![0; MAGIC.len() + 1 + APP_VERSION.len() + 48];
    source.read_at(0, &mut header)?;
    let rest = header.strip_prefix(MAGIC)?;
    let (&n, rest) = rest.split_first()?;
    let (version, rest) = rest.split_at_checked(n as usize)?;
    if version != APP_VERSION.as_bytes() {
        return None;
    }
    let (hash, rest) = rest.split_at_checked(16)?;
    if u128::from_le_bytes(hash.try_into().ok()?) != content_hash {
        return None;
    }
    let (sum, outline_sum) = rest.split_at_checked(16)?;
    let sum = u128::from_le_bytes(sum.try_into().ok()?);
    let outline_sum = u128::from_le_bytes(outline_sum.try_into().ok()?);
    // The head, then the outline, each after its length: no longer than the file, and
    // read whole (the outline of the largest deck is a few megabytes).
    let size = source.size();
    let mut at = header.len() as u64;
    let read_piece = |at: &mut u64| -> Option<Vec<u8>> {
        let mut len = [0; 4];
        source.read_at(*at, &mut len)?;
        let len = u32::from_le_bytes(len) as u64;
        let end = at.checked_add(4 + len).filter(|&e| e <= size)?;
        let mut piece = vec![0; usize::try_from(4 + len).ok()?];
        source.read_at(*at, &mut piece)?;
        *at = end;
        Some(piece)
    };
    let head = read_piece(&mut at)?;
    let outline = read_piece(&mut at)?;
    let mut hasher = xxhash_rust::xxh3::Xxh3::new();
    hasher.update(&head);
    hasher.update(&outline);
    if hasher.digest128() != outline_sum {
        return None;
    }
    let c = match postcard::take_from_bytes::<CDeck<'_>>(&head[4..]).ok()? {
        (c, []) if c.cards.is_empty() => c,
        _ => return None,
    };
    // No deck that passed the checks has more cards than its memory limit holds: a
    // forged outline that says so is refused before its list is made.
    let (n, _) = postcard::take_from_bytes::<u64>(&outline[4..]).ok()?;
    usize::try_from(n).ok().filter(|&n| n <= most_cards())?;
    let outline = match postcard::take_from_bytes::<Vec<CardOutline>>(&outline[4..]).ok()? {
        (o, []) => o,
        _ => return None,
    };
    // Nor more study items than its memory limit holds (a forged cloze of millions of
    // gaps would have the figures look up every one), nor a cloze of no gap or of gaps
    // out of order.
    let most_items = crate::deck::MAX_DECK_MEMORY / crate::deck::model::ITEM_BYTES;
    let mut items = 0usize;
    for o in &outline {
        items = (items.checked_add(o.part_count()?)).filter(|&n| n <= most_items)?;
    }
    Some(Start {
        head: from_cache(c, Vec::new(), CardIndex::default()),
        outline,
        at,
        sum,
        hash: hasher,
    })
}
