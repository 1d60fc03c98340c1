//! The validated-deck cache: a deck that passed every check is kept in a compact binary
//! form (postcard), keyed by a hash of the deck file's bytes and the program's version,
//! so a profile's imported decks open without parsing and validating their RON again.
//!
//! The RON file stays the source of truth: any change to its bytes (or a new version of
//! quizdeck, whose checks may differ) gives another key and a full check. Pictures are
//! checked on the file system again on every load, as the validator does, since they
//! can change without the deck file changing. A cache file that is damaged, truncated,
//! from another version or unreadable is ignored and rewritten; writing the cache is
//! best effort and never fails a load. Only decks without errors are cached (a broken
//! deck is checked every time, so its diagnostics are always current), and without
//! their warnings: this is for opening the library, which shows none for a valid deck
//! (`quizdeck check` and importing check the file in full).
//!
//! The bundled decks, whose text is part of the program, are kept in a profile's cache
//! too, keyed by the hash of their text ([`check_text_cached`]), so opening a profile
//! does not check them again until quizdeck changes.
//!
//! Opening does not read an unchanged deck file at all: a link file named by the file's
//! metadata (path, size, times, inode; see [`check_file_cached_how`]) holds the hash of
//! its bytes. Links are written only for files whose time had settled before they were
//! read, so an edit within a coarse file system's time step is still seen.
//!
//! Entries and links say which version wrote them. A load removes this version's files
//! it did not use; another version's are kept for [`OTHER_VERSION_KEPT`], so two
//! versions sharing a folder do not remove each other's entries at every load (once both
//! have this rule: versions before it remove every entry they did not use).
//!
//! A cache file: `QZDECKCACHE6\n` (the format's number rises whenever what a deck may
//! hold changes, so an entry never serves a deck now refused: 3 when decks were first
//! refused for the memory their cards take, 4 when each study item's share was counted
//! too; or when the layout changes: 5 when the outline came in, 6 when a Locate card
//! gained its `choice_prompt`), the program version and
//! its length, the 128-bit xxh3 hash of the deck file, the hash of the payload and the
//! hash of its first two pieces, then the payload: the deck without its cards (postcard,
//! after its length as 4 bytes), the cards' outline (each card's id and study items, the
//! same way: [`CardOutline`]), then the cards in pieces of at most [`CHUNK`] cards taking
//! about [`CHUNK_BYTES`] once decoded (each postcard, after its length).
//!
//! A library can be read in two steps ([`check_file_outlined`], `outline.rs`): the deck
//! without its cards and their outline first, checked by their own hash, so the library's
//! figures are counted while the cards are read; then the cards ([`Pending::finish`]),
//! each checked to be the one the outline names there. Two threads take
//! the pieces one at a time, read each from the file into a buffer they keep (the file
//! is never read whole into memory first), and decode it straight into its own part of
//! the deck's card list (reserved once for every card, from the counts at the start of
//! each piece), building the card index's entries as they go. The pieces are read in
//! the file's order and hashed as they are read; the deck is given back only if that
//! hash is the payload's.

use super::model::{CardIndex, CardOutline, IndexEntry};
use super::{Card, Checked, Deck, Source};
use crate::ids::DeckId;
use crate::text::Arena;
use serde::Serialize;
use std::collections::{BTreeMap, HashSet};
use std::mem::MaybeUninit;
use std::path::{Path, PathBuf};

mod bytes;
mod form;
mod outline;
use bytes::{Bytes, CacheFile, Window};
use form::{CCard, CDeck, card_from_cache, card_to_cache, head_to_cache, s};
pub(crate) use outline::{Found, Pending};
use outline::{Start, start_from};

/// The cache folder's name inside a decks folder.
pub const CACHE_DIR: &str = ".cache";
const MAGIC: &[u8] = b"QZDECKCACHE6\n";
/// Most cards per piece of the cache file (pieces are decoded in parallel).
const CHUNK: usize = 4096;
/// About the most memory a piece's cards take once decoded ([`Card::memory_bytes`]; far
/// fewer bytes in the file): a piece of long texts ends sooner.
const CHUNK_BYTES: usize = 1 << 20;
const APP_VERSION: &str = env!("CARGO_PKG_VERSION");
/// The seed of the hash that keys a bundled deck's entry ([`check_text_cached`]): not a
/// file's (seed 0).
const BUNDLED_SEED: u64 = 0x7164_6275_6e64_6c65;
/// Cache files larger than this are ignored (decks are at most 64 MiB of text).
const MAX_CACHE: u64 = 256 << 20;

/// One thread's share of the deck's card list while the cache is decoded: slots of the
/// list's spare capacity, filled in order. Dropped, it drops the cards it holds (a piece
/// that fails to decode leaves none behind); [`Slots::hand_over`] gives them to the list.
struct Slots<'a> {
    slots: &'a mut [MaybeUninit<Card>],
    /// How many of `slots`, from the first, hold a card.
    filled: usize,
    /// The position of the first slot in the whole list.
    first: usize,
    /// The outline of the cards that go in the slots, in order.
    outline: &'a [CardOutline],
    /// The card index's entries of these cards ([`CardIndex::entry`]).
    index: Vec<IndexEntry>,
    /// True once a card with a picture was put here.
    pictures: bool,
}

impl Slots<'_> {
    /// Puts `card` in the next slot; false when every slot is taken already, or the card
    /// is not the one the outline names there.
    fn push(&mut self, card: Card) -> bool {
        let Some(slot) = self.slots.get_mut(self.filled) else {
            return false;
        };
        if !self
            .outline
            .get(self.filled)
            .is_some_and(|o| o.is_of(&card))
        {
            return false;
        }
        self.index
            .push(CardIndex::entry(&card.id, self.first + self.filled));
        self.pictures |= card.image.is_some();
        slot.write(card);
        self.filled += 1;
        true
    }

    /// True when every slot holds a card.
    fn full(&self) -> bool {
        self.filled == self.slots.len()
    }

    /// The cards now belong to the list (which the caller lengthens over them).
    fn hand_over(mut self) {
        self.filled = 0;
    }
}

impl Drop for Slots<'_> {
    fn drop(&mut self) {
        for slot in &mut self.slots[..self.filled] {
            // SAFETY: the first `filled` slots were written by `push`, and they were not
            // handed over (`hand_over` sets `filled` to 0).
            unsafe { slot.assume_init_drop() };
        }
    }
}

/// Decodes one piece (a postcard list of cards) into the next slots of `out`. The
/// piece's cards are read in the cache's form first (their texts borrowed from `piece`),
/// then every text is copied once into one buffer for the piece ([`Arena`]), which the
/// cards' texts are slices of. `None` if the piece does not decode whole, holds more
/// cards than slots are left, or a card does not hold ([`card_from_cache`]).
fn decode_piece(piece: &[u8], out: &mut Slots<'_>) -> Option<()> {
    let (cards, rest) = postcard::take_from_bytes::<Vec<CCard<'_>>>(piece).ok()?;
    if !rest.is_empty() || cards.len() > out.slots.len() - out.filled {
        return None;
    }
    let mut arena = Arena::new(|f| cards.iter().for_each(|c| c.each_text(f)));
    for c in cards {
        if !card_from_cache(c, &mut arena).is_some_and(|card| out.push(card)) {
            return None;
        }
    }
    Some(())
}

/// The pieces of cards left to decode, in the file's order, each with where it is (its
/// length's first byte), its length and its part of the card list; and the hash of the
/// payload's bytes read so far. A decoding thread takes the next piece and reads it under
/// this lock, so the bytes are hashed in the file's order and compared with the
/// payload's hash once every piece is read.
struct Pieces<'s, 'a, S: ?Sized> {
    source: &'s S,
    left: std::vec::IntoIter<(u64, usize, Part<'a>)>,
    hash: xxhash_rust::xxh3::Xxh3,
}

impl<'a, S: Bytes + ?Sized> Pieces<'_, 'a, S> {
    /// Reads the next piece, its length first, into `buf` and adds it to the hash.
    /// `Some(None)` when no piece is left, `None` when it cannot be read.
    fn next_into(&mut self, buf: &mut Vec<u8>) -> Option<Option<Part<'a>>> {
        let Some((at, len, part)) = self.left.next() else {
            return Some(None);
        };
        // Only growth is zero-filled: the read writes every byte.
        buf.resize(4 + len, 0);
        self.source.read_at(at, buf)?;
        // The length hashed is the one the piece was cut by (a file changed in place
        // since it was scanned is refused here, or by the hash).
        (buf[..4] == (len as u32).to_le_bytes()).then_some(())?;
        self.hash.update(buf);
        Some(Some(part))
    }
}

/// A piece's part of the card list, the position of the part's first card, and the
/// outline of the part's cards.
type Part<'a> = (&'a mut [MaybeUninit<Card>], usize, &'a [CardOutline]);

/// What one decoding thread filled: its parts of the list, and their cards' index
/// entries, sorted.
type Filled<'a> = (Vec<Slots<'a>>, Vec<IndexEntry>);

/// One decoding thread: takes pieces from `work` until none is left, reads each and
/// decodes it into its part of the list. Returns the parts it filled (every slot written)
/// and their index entries, sorted; `None` if a piece fails, here or on the other thread
/// (`failed`).
fn decode_pieces<'a, S: Bytes + ?Sized>(
    work: &std::sync::Mutex<Pieces<'_, 'a, S>>,
    failed: &std::sync::atomic::AtomicBool,
) -> Option<Filled<'a>> {
    use std::sync::atomic::Ordering::Relaxed;
    let (mut parts, mut entries) = (Vec::new(), Vec::new());
    let mut buf = Vec::new();
    loop {
        if failed.load(Relaxed) {
            return None;
        }
        let next = work.lock().ok().and_then(|mut w| w.next_into(&mut buf));
        let Some(next) = next else {
            failed.store(true, Relaxed);
            return None;
        };
        let Some((slots, first, outline)) = next else {
            break;
        };
        let mut out = Slots {
            index: Vec::with_capacity(slots.len()),
            slots,
            filled: 0,
            first,
            outline,
            pictures: false,
        };
        if decode_piece(&buf[4..], &mut out).is_none() || !out.full() {
            failed.store(true, Relaxed);
            return None;
        }
        entries.append(&mut out.index);
        parts.push(out);
    }
    entries.sort_unstable();
    Some((parts, entries))
}

/// The deck back from its head (`c`, its cards left out) and its cards.
fn from_cache(c: CDeck<'_>, cards: Vec<Card>, card_index: CardIndex) -> Deck {
    let sources: BTreeMap<String, Source> = c
        .sources
        .into_iter()
        .map(|(k, title, url)| {
            (
                s(k),
                Source {
                    title: s(title),
                    url: s(url),
                },
            )
        })
        .collect();
    Deck {
        id: DeckId::new(s(c.id)),
        title: s(c.title),
        description: s(c.description),
        language: s(c.language),
        authors: c.authors.into_owned(),
        version: c.version,
        sources,
        card_index,
        cards,
    }
}

fn hash_hex(h: u128) -> String {
    format!("{h:032x}")
}

/// The cache file for a deck file with these bytes.
fn entry_path(cache_dir: &Path, content_hash: u128) -> PathBuf {
    let key =
        xxhash_rust::xxh3::xxh3_128(format!("{}/{APP_VERSION}", hash_hex(content_hash)).as_bytes());
    cache_dir.join(format!("{}.deck", hash_hex(key)))
}

/// Appends `value` to `out` as one piece: its length (4 bytes) and its postcard bytes,
/// written in place.
fn put_piece(mut out: Vec<u8>, value: &impl Serialize) -> Option<Vec<u8>> {
    let at = out.len();
    out.extend_from_slice(&[0; 4]);
    let mut out = postcard::to_extend(value, out).ok()?;
    let len = u32::try_from(out.len() - at - 4).ok()?;
    out[at..at + 4].copy_from_slice(&len.to_le_bytes());
    Some(out)
}

/// Encodes a cache file.
fn encode(deck: &Deck, content_hash: u128) -> Option<Vec<u8>> {
    // The header, then the payload written after it (the payload's hash filled in last),
    // so the file is built once.
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.push(APP_VERSION.len() as u8);
    out.extend_from_slice(APP_VERSION.as_bytes());
    out.extend_from_slice(&content_hash.to_le_bytes());
    let sum_at = out.len();
    out.extend_from_slice(&[0; 32]);
    let payload_at = out.len();
    out = put_piece(out, &head_to_cache(deck))?;
    // The cards' outline (ids and study items), hashed apart with the head: read and
    // checked before the cards ([`start_from`]).
    let outline: Vec<CardOutline> = deck.cards.iter().map(Card::outline).collect();
    out = put_piece(out, &outline)?;
    drop(outline);
    let outline_sum = xxhash_rust::xxh3::xxh3_128(&out[payload_at..]).to_le_bytes();
    out[sum_at + 16..payload_at].copy_from_slice(&outline_sum);
    // Pieces of at most CHUNK cards and about CHUNK_BYTES of memory, each written
    // straight into the file's bytes: a piece is the only copy of cards in the cache's
    // form (a deck of long texts made one piece as big as the deck, held twice).
    let mut start = 0;
    while start < deck.cards.len() {
        let mut end = start;
        let mut bytes = 0;
        while end < deck.cards.len() && end - start < CHUNK && bytes < CHUNK_BYTES {
            bytes += deck.cards[end].memory_bytes();
            end += 1;
        }
        let piece: Vec<CCard<'_>> = deck.cards[start..end].iter().map(card_to_cache).collect();
        out = put_piece(out, &piece)?;
        start = end;
    }
    let sum = xxhash_rust::xxh3::xxh3_128(&out[payload_at..]).to_le_bytes();
    out[sum_at..sum_at + 16].copy_from_slice(&sum);
    Some(out)
}

/// [`decode_from`] over a cache file's bytes in memory.
#[cfg(test)]
fn decode(bytes: &[u8], content_hash: u128) -> Option<Deck> {
    decode_from(bytes, content_hash).map(|(deck, _)| deck)
}

/// Decodes a cache file made for `content_hash` by this version, its bytes read from
/// `source`, and whether a card has a picture; `None` if it is not exactly that, whole
/// and undamaged.
fn decode_from<S: Bytes + ?Sized>(source: &S, content_hash: u128) -> Option<(Deck, bool)> {
    cards_from(source, start_from(source, content_hash)?)
}

/// The most cards a deck within [`super::MAX_DECK_MEMORY`] can have: a cache file that
/// says it holds more was not written by [`encode`].
fn most_cards() -> usize {
    super::MAX_DECK_MEMORY / std::mem::size_of::<Card>()
}

/// Reads and decodes the cards of a cache file begun by [`start_from`], and whether a card
/// has a picture: the whole deck, or `None` if the payload is not exactly what its hash
/// says or a card is not the one its outline names.
fn cards_from<S: Bytes + ?Sized>(source: &S, start: Start) -> Option<(Deck, bool)> {
    let Start {
        head,
        outline,
        at,
        sum,
        hash: hasher,
    } = start;
    // The pieces of cards, each after its length (at least one card each: `encode`
    // writes no empty piece). Only where each piece starts and how many
    // cards it says it holds are read here. No deck that passed the checks has more
    // cards than its outline names, and a cache file that says so (or has more
    // pieces than that) was not written by `encode`: it is refused as soon as the count
    // passes it, before the lists below take gigabytes for it. Nothing read here is
    // trusted beyond bounds: every byte of the payload is hashed as it is read to be
    // decoded, and the deck is refused unless the hash is the payload's.
    let most_cards = outline.len();
    let size = source.size();
    let mut at = at;
    // Each piece: where its length is, and its length.
    let mut pieces: Vec<(u64, usize)> = Vec::new();
    let mut counts = Vec::new();
    let mut count = 0usize;
    let mut window = Window::new(source);
    while at < size {
        // The length, then (for a piece of cards) its number of cards: postcard writes a
        // list's length as a varint of at most 10 bytes, as it writes a u64.
        let lead = window.get(at, usize::try_from(size - at).unwrap_or(14).min(14))?;
        let len = u32::from_le_bytes(lead.get(..4)?.try_into().ok()?) as usize;
        let end = at.checked_add(4 + len as u64).filter(|&e| e <= size)?;
        // An empty piece, or one of more than CHUNK cards, was not written by `encode`
        // (the cache folder is writable by whoever shares it).
        let (n, _) = postcard::take_from_bytes::<u64>(lead.get(4..(4 + len).min(14))?).ok()?;
        let n = usize::try_from(n)
            .ok()
            .filter(|n| (1..=CHUNK).contains(n))?;
        count = count.checked_add(n).filter(|&c| c <= most_cards)?;
        counts.push(n);
        pieces.push((at, len));
        at = end;
    }
    if count != outline.len() {
        return None;
    }
    let chunks = &pieces[..];
    // Every piece's cards go straight to their own part of one list of exactly the cards:
    // nothing is copied when the pieces are done. Two threads (one core each; a single
    // piece is decoded here) take the pieces one at a time, so neither waits for the
    // other when one of them gets less of the processor (opening a profile reads its
    // progress meanwhile).
    let mut cards: Vec<Card> = Vec::with_capacity(count);
    let mut work = Vec::with_capacity(chunks.len());
    let mut spare = &mut cards.spare_capacity_mut()[..count];
    let mut first = 0;
    for (&(at, len), &n) in chunks.iter().zip(&counts) {
        let (slots, rest) = std::mem::take(&mut spare).split_at_mut(n);
        spare = rest;
        work.push((at, len, (slots, first, &outline[first..first + n])));
        first += n;
    }
    let work = std::sync::Mutex::new(Pieces {
        source,
        left: work.into_iter(),
        hash: hasher,
    });
    let failed = std::sync::atomic::AtomicBool::new(false);
    let (mine, theirs) = std::thread::scope(|scope| {
        let other = (chunks.len() > 1)
            .then(|| {
                std::thread::Builder::new()
                    .name("quizdeck-deck-cache".into())
                    .spawn_scoped(scope, || decode_pieces(&work, &failed))
                    .ok()
            })
            .flatten();
        let mine = decode_pieces(&work, &failed);
        let theirs = match other {
            Some(t) => t.join().ok().flatten(),
            // No other thread: this one took every piece.
            None => Some((Vec::new(), Vec::new())),
        };
        (mine, theirs)
    });
    let (Some((mine, mut by_hash)), Some((theirs, their_entries))) = (mine, theirs) else {
        return None;
    };
    // Both threads ended with no piece left, so every part was filled by one of them, and
    // every byte of the payload was read once, in order, into the hash. A damaged file is
    // refused here: the parts drop the cards they hold.
    if mine
        .iter()
        .chain(&theirs)
        .map(|p| p.slots.len())
        .sum::<usize>()
        != count
        || work.into_inner().ok()?.hash.digest128() != sum
    {
        return None;
    }
    let mut pictures = false;
    for part in mine.into_iter().chain(theirs) {
        pictures |= part.pictures;
        part.hand_over();
    }
    // SAFETY: the first `count` slots of the spare capacity were split, without gaps,
    // into the pieces' parts; each part was filled (every slot written once by
    // `Slots::push`), and handed its cards over, so none is dropped by it.
    unsafe { cards.set_len(count) };
    // The two threads' index entries, each sorted, merged (a stable sort finds the two
    // runs and merges them).
    by_hash.reserve_exact(their_entries.len());
    by_hash.extend(their_entries);
    by_hash.sort();
    let index = CardIndex::from_entries(cards.len(), by_hash);
    let mut deck = head;
    (deck.cards, deck.card_index) = (cards, index);
    Some((deck, pictures))
}

/// True when every card's picture is still a file inside the deck's folder (what the
/// validator checks on the file system).
fn pictures_hold(deck: &Deck, base_dir: Option<&Path>) -> bool {
    let Some(dir) = base_dir else {
        return true;
    };
    let mut images = deck
        .cards
        .iter()
        .filter_map(|c| c.image.as_deref())
        .peekable();
    if images.peek().is_none() {
        return true;
    }
    let Ok(root) = dir.canonicalize() else {
        return false;
    };
    images.all(|i| {
        super::bundled::picture_bytes(i).is_some() && !dir.join(i).exists()
            || dir
                .join(i)
                .canonicalize()
                .is_ok_and(|f| f.starts_with(&root) && f.is_file())
    })
}

/// How [`check_file_cached`] got its answer (for tests and benches).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Served {
    /// From the cache, found through the deck file's metadata: the file was not read.
    Unread,
    /// From the cache, found through the hash of the file's bytes.
    Hashed,
    /// Checked in full (no usable cache entry, or a deck with errors).
    Checked,
}

/// The modification time of a deck file must be at least this much older than the
/// moment its bytes are read for a link to be written: a coarse file system (FAT on a
/// USB stick counts in 2 s steps) gives a file edited again within the same step the
/// same time, and its size may not change either.
const SETTLED: std::time::Duration = std::time::Duration::from_secs(3);
/// A link file: this, the length of the program's version and the version, the hash of
/// the deck file's bytes and the hash of that hash (2 since the version is in the file,
/// for [`prune`]).
const LINK_MAGIC: &[u8] = b"QZDECKLINK2\n";

/// What identifies one state of a deck file without reading it: its path, size,
/// modification and status-change times, inode and device (any write, `touch`, `cp -p`
/// over it or a replacement changes one of them), and the program's version. `None` where
/// the status-change time and the inode are not known (not Unix): there, copies keep the
/// modification time and an overwrite keeps the creation time, so no link is used.
fn stat_key(path: &Path, meta: &std::fs::Metadata) -> Option<u128> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let mut key = Vec::with_capacity(128);
        key.extend_from_slice(path.as_os_str().as_encoded_bytes());
        key.push(0);
        key.extend_from_slice(&meta.len().to_le_bytes());
        for n in [
            meta.mtime(),
            meta.mtime_nsec(),
            meta.ctime(),
            meta.ctime_nsec(),
            meta.ino() as i64,
            meta.dev() as i64,
        ] {
            key.extend_from_slice(&n.to_le_bytes());
        }
        key.extend_from_slice(APP_VERSION.as_bytes());
        Some(xxhash_rust::xxh3::xxh3_128(&key))
    }
    #[cfg(not(unix))]
    {
        let _ = (path, meta);
        None
    }
}

/// The latest of the file's modification and status-change times (both must have
/// settled before its bytes are read for a link to be written).
fn changed_at(meta: &std::fs::Metadata) -> Option<std::time::SystemTime> {
    let modified = meta.modified().ok()?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        let changed = u64::try_from(meta.ctime()).ok().map(|secs| {
            std::time::UNIX_EPOCH
                + std::time::Duration::new(secs, u32::try_from(meta.ctime_nsec()).unwrap_or(0))
        })?;
        Some(modified.max(changed))
    }
    #[cfg(not(unix))]
    Some(modified)
}

/// The deck file's metadata as of now: read through an open handle, which makes a
/// network file system (NFS, SMB) check it with the server instead of answering from
/// its attribute cache. `None` for anything but a regular file within the size limit.
fn fresh_metadata(path: &Path) -> Option<std::fs::Metadata> {
    // A FIFO or a device is refused before it is opened (opening a FIFO blocks).
    let meta = std::fs::metadata(path).ok()?;
    if !meta.is_file() {
        return None;
    }
    std::fs::File::open(path)
        .and_then(|f| f.metadata())
        .ok()
        .filter(|m| m.is_file() && m.len() <= super::MAX_FILE_BYTES)
}

/// The link file for a deck file in the state `stat_key`: it holds the hash of the
/// file's bytes, which names the cache entry.
fn link_path(cache_dir: &Path, stat_key: u128) -> PathBuf {
    cache_dir.join(format!("{}.link", hash_hex(stat_key)))
}

fn read_link(link: &Path) -> Option<u128> {
    let bytes = match crate::durable::read_capped(link, 64 + APP_VERSION.len() as u64) {
        Ok(crate::durable::Capped::Bytes(b)) => b,
        _ => return None,
    };
    let rest = bytes.strip_prefix(LINK_MAGIC)?;
    let (&n, rest) = rest.split_first()?;
    let (version, rest) = rest.split_at_checked(n as usize)?;
    (version == APP_VERSION.as_bytes()).then_some(())?;
    let (hash, sum) = rest.split_at_checked(16)?;
    (sum == xxhash_rust::xxh3::xxh3_128(hash).to_le_bytes()).then_some(())?;
    Some(u128::from_le_bytes(hash.try_into().ok()?))
}

fn link_bytes(content_hash: u128) -> Vec<u8> {
    let hash = content_hash.to_le_bytes();
    let mut out = LINK_MAGIC.to_vec();
    out.push(APP_VERSION.len() as u8);
    out.extend_from_slice(APP_VERSION.as_bytes());
    out.extend_from_slice(&hash);
    out.extend_from_slice(&xxhash_rust::xxh3::xxh3_128(&hash).to_le_bytes());
    out
}

/// The file system's own "now" in `dir` (the time it gives a file created there), so
/// that it is compared with times of the same clock; `None` if nothing can be created.
fn file_system_now(dir: &Path) -> Option<std::time::SystemTime> {
    std::fs::create_dir_all(dir).ok()?;
    let probe = dir.join(format!(
        "probe-{}-{:?}.tmp",
        std::process::id(),
        std::thread::current().id()
    ));
    let time = std::fs::File::create(&probe)
        .and_then(|f| f.metadata())
        .and_then(|m| m.modified());
    let _ = std::fs::remove_file(&probe);
    time.ok()
}

/// The decoded cache entry for a deck file whose bytes hash to `content_hash`, if it is
/// whole, of this version, and its pictures are still there.
fn cached_deck(path: &Path, entry: &Path, content_hash: u128) -> Option<Deck> {
    // Only a deck with pictures has them looked for (not every card looked at again).
    let (deck, pictures) = read_entry(entry, content_hash)?;
    (!pictures || pictures_hold(&deck, path.parent())).then_some(deck)
}

/// The cache file `entry` decoded for `content_hash` ([`decode_from`]), read a piece at a
/// time as it is decoded, and whether a card has a picture; `None` if it is missing, not
/// a regular file, larger than [`MAX_CACHE`], unreadable or not exactly that deck.
fn read_entry(entry: &Path, content_hash: u128) -> Option<(Deck, bool)> {
    let (file, size) = crate::input::open_regular(entry).ok()?;
    (size <= MAX_CACHE).then_some(())?;
    decode_from(&CacheFile(file, size), content_hash)
}

fn from_cache_checked(path: &Path, deck: Deck) -> Checked {
    cached_checked(path.display().to_string(), deck)
}

/// A deck served from the cache, as a check's result (no diagnostics, no text).
fn cached_checked(file: String, deck: Deck) -> Checked {
    Checked {
        file,
        deck: Some(deck),
        diagnostics: Vec::new(),
        text: String::new(),
        summary: None,
    }
}

/// Checks a deck that is part of the program (a bundled deck: `text`, named `file` in
/// diagnostics) like [`super::check_text`] without a folder, through the cache in
/// `cache_dir`, keyed like a file's entry by the hash of its text. The cache folder is
/// written only when it exists already (its decks folder is not made for this). Its
/// entry joins `used`, for [`prune`].
pub(crate) fn check_text_cached(
    text: &str,
    file: &str,
    cache_dir: &Path,
    used: &mut HashSet<PathBuf>,
) -> Checked {
    // Keyed apart from a deck file of the same bytes: a bundled deck is checked without
    // a folder (its pictures are the program's), a file's copy with the pictures of its
    // folder, so the one's entry must never serve the other.
    let content_hash = xxhash_rust::xxh3::xxh3_128_with_seed(text.as_bytes(), BUNDLED_SEED);
    let entry = entry_path(cache_dir, content_hash);
    if let Some((deck, _)) = read_entry(&entry, content_hash) {
        used.insert(entry);
        return cached_checked(file.to_owned(), deck);
    }
    let checked = super::check_text(text, file, None);
    if let Some(deck) = &checked.deck
        && cache_dir.parent().is_some_and(Path::is_dir)
        && let Some(out) = encode(deck, content_hash)
        && std::fs::create_dir_all(cache_dir).is_ok()
        // Best effort: without it the next load checks the text again. Not flushed to
        // disk: eleven entries would wait for the disk twice each on a profile's first
        // opening, and an entry a power cut damaged is ignored and rewritten.
        && crate::durable::write_unflushed(&entry, &out).is_ok()
    {
        used.insert(entry);
    }
    checked
}

/// Checks a deck file like [`super::check_file`], through the cache in `cache_dir`
/// (created when needed). `used` collects the cache files this load relied on, for
/// [`prune`]. A deck loaded from the cache has no diagnostics and no text; a deck
/// checked now keeps its diagnostics, and its text when it has errors.
pub(crate) fn check_file_cached(
    path: &Path,
    cache_dir: &Path,
    used: &mut HashSet<PathBuf>,
) -> Checked {
    check_file_cached_how(path, cache_dir, used).0
}

/// [`check_file_cached`], and how it answered.
///
/// A deck file whose metadata has not changed since its bytes were hashed is not read
/// at all: a link file named by the metadata ([`stat_key`]) gives the hash of its
/// bytes, which names the entry. Links are written only for files whose modification
/// time was [`SETTLED`] before they were read (by the file system's clock), so an edit
/// made within the file system's time step cannot hide behind an unchanged time.
pub(crate) fn check_file_cached_how(
    path: &Path,
    cache_dir: &Path,
    used: &mut HashSet<PathBuf>,
) -> (Checked, Served) {
    let (found, served) = check_file_found(path, cache_dir, used, false);
    match found {
        Found::Now(checked) => (checked, served),
        // (Not asked for.)
        Found::Later(pending) => (pending.finish().0, served),
    }
}

/// [`check_file_cached`], with the cards of a deck served by the cache read only by
/// [`Pending::finish`]: the deck without its cards and their outline come first.
pub(crate) fn check_file_outlined(
    path: &Path,
    cache_dir: &Path,
    used: &mut HashSet<PathBuf>,
) -> Found {
    check_file_found(path, cache_dir, used, true).0
}

/// [`check_file_cached_how`], a deck served by the cache [`Found::Later`] when `later`.
fn check_file_found(
    path: &Path,
    cache_dir: &Path,
    used: &mut HashSet<PathBuf>,
    later: bool,
) -> (Found, Served) {
    let serve = |entry: &Path, content_hash: u128| -> Option<Found> {
        if later {
            let pending = Pending::open(path, cache_dir, entry, content_hash)?;
            return Some(Found::Later(pending));
        }
        let deck = cached_deck(path, entry, content_hash)?;
        Some(Found::Now(from_cache_checked(path, deck)))
    };
    let meta = fresh_metadata(path);
    let link = meta
        .as_ref()
        .and_then(|m| stat_key(path, m))
        .map(|key| link_path(cache_dir, key));
    if let Some(link) = &link
        && let Some(content_hash) = read_link(link)
    {
        let entry = entry_path(cache_dir, content_hash);
        if let Some(found) = serve(&entry, content_hash) {
            used.insert(link.clone());
            used.insert(entry);
            return (found, Served::Unread);
        }
    }
    // Whether a link may be written once the bytes are read: the file's time is settled
    // by the file system's clock now, before reading.
    let settled = link.is_some()
        && meta.as_ref().and_then(changed_at).is_some_and(|changed| {
            file_system_now(cache_dir)
                .and_then(|now| now.duration_since(changed).ok())
                .is_some_and(|age| age >= SETTLED)
        });
    // Only regular files within the size limit; anything else is worded by `check_file`.
    let Ok(Ok(bytes)) = crate::input::read_regular(path, super::MAX_FILE_BYTES) else {
        return (Found::Now(super::check_file(path)), Served::Checked);
    };
    let content_hash = xxhash_rust::xxh3::xxh3_128(&bytes);
    let entry = entry_path(cache_dir, content_hash);
    used.insert(entry.clone());
    // The link names the metadata read before the bytes: if the file changed in
    // between, its metadata changed too and the link is never found.
    let write_link = |used: &mut HashSet<PathBuf>| {
        if let Some(link) = link.as_ref().filter(|_| settled) {
            used.insert(link.clone());
            let _ = crate::durable::write_atomic(link, &link_bytes(content_hash));
        }
    };
    // The file's bytes are not held while its cache entry is decoded (both together
    // were the peak of an open), so they are read again if the entry fails.
    let bytes = if entry.is_file() {
        drop(bytes);
        if let Some(found) = serve(&entry, content_hash) {
            write_link(used);
            return (found, Served::Hashed);
        }
        match crate::input::read_regular(path, super::MAX_FILE_BYTES) {
            Ok(Ok(b)) if xxhash_rust::xxh3::xxh3_128(&b) == content_hash => b,
            // Changed since: checked as it is now, and not cached this time.
            _ => return (Found::Now(super::check_file(path)), Served::Checked),
        }
    } else {
        bytes
    };
    let mut checked = match super::deck_text(bytes) {
        Ok(text) => super::check_owned(
            std::borrow::Cow::Owned(text),
            &path.display().to_string(),
            path.parent(),
            super::Keep::Cards,
        ),
        Err(_) => super::check_file(path),
    };
    if checked.deck.is_some() {
        // Opening the library shows nothing of a valid deck's text: it is not kept
        // while the cache entry is built.
        checked.text = String::new();
    }
    if let Some(deck) = &checked.deck
        && let Some(out) = encode(deck, content_hash)
        && std::fs::create_dir_all(cache_dir).is_ok()
        // Best effort: without it the next load checks the file again.
        && crate::durable::write_atomic(&entry, &out).is_ok()
    {
        write_link(used);
    }
    (Found::Now(checked), Served::Checked)
}

/// How long the entries and links of another version of quizdeck are kept while this one
/// does not use them, by their modification time. Two versions sharing a decks folder (a
/// class folder on a network share reached from PCs not yet updated, a profile on a USB
/// stick opened by an older copy) would otherwise remove each other's entries at every
/// load, and each would check its decks in full again at every opening; an old version's
/// files left after an update go once this has passed.
const OTHER_VERSION_KEPT: std::time::Duration = std::time::Duration::from_secs(30 * 24 * 3600);

/// How far ahead of the folder's clock another version's file may be dated and still be
/// kept ([`prune`]).
const FUTURE_SLACK: std::time::Duration = std::time::Duration::from_secs(24 * 3600);

/// Whose a file of a cache folder is, by its first bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Whose {
    /// An entry or link this version wrote.
    Ours,
    /// An entry or link of another version of quizdeck, of a format that did not say its
    /// version (the first links), or one that cannot be read now (another program may
    /// be replacing it).
    Other,
    /// Not a cache file quizdeck wrote.
    Unknown,
}

/// Whose the entry or link at `path` is: after its magic line (`QZDECK…\n`) every format
/// that names its version has it there, after its length.
fn whose(path: &Path) -> Whose {
    use std::io::Read;
    let mut first = Vec::new();
    let read = crate::input::open_regular(path)
        .and_then(|(f, _)| f.take(32 + 256).read_to_end(&mut first));
    if read.is_err() {
        return Whose::Other;
    }
    if !first.starts_with(b"QZDECK") {
        return Whose::Unknown;
    }
    let Some(line) = first.iter().take(32).position(|&b| b == b'\n') else {
        return Whose::Unknown;
    };
    let rest = &first[line + 1..];
    let version = rest
        .split_first()
        .and_then(|(&n, rest)| rest.get(..n as usize));
    if version == Some(APP_VERSION.as_bytes()) {
        Whose::Ours
    } else {
        Whose::Other
    }
}

/// Removes cache files of `cache_dir` not in `used` (decks removed or changed): this
/// version's at once, another version's once unchanged for [`OTHER_VERSION_KEPT`] by
/// the folder's own clock (kept when it cannot be read, as in a read-only folder).
pub(crate) fn prune(cache_dir: &Path, used: &HashSet<PathBuf>) {
    let Ok(rd) = std::fs::read_dir(cache_dir) else {
        return;
    };
    // The folder's "now" (a probe file written), looked for once, and only when another
    // version's file is met.
    let mut folder_now = None;
    for e in rd.flatten() {
        let p = e.path();
        // Probe files left by a process that stopped between making and removing one.
        let probe = p
            .file_name()
            .and_then(|n| n.to_str())
            .is_some_and(|n| n.starts_with("probe-") && n.ends_with(".tmp"));
        let unused =
            p.extension().is_some_and(|x| x == "deck" || x == "link") && !used.contains(&p);
        let remove = probe
            || unused
                && match whose(&p) {
                    Whose::Ours | Whose::Unknown => true,
                    Whose::Other => {
                        let now = *folder_now.get_or_insert_with(|| file_system_now(cache_dir));
                        let modified = e.metadata().and_then(|m| m.modified()).ok();
                        // A time more than a day ahead of the folder's clock (a PC whose
                        // clock was wrong) would keep the file for ever: it goes too.
                        now.zip(modified)
                            .is_some_and(|(now, m)| match now.duration_since(m) {
                                Ok(age) => age > OTHER_VERSION_KEPT,
                                Err(ahead) => ahead.duration() > FUTURE_SLACK,
                            })
                    }
                };
        if remove {
            let _ = std::fs::remove_file(p);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::ClozeSegment;
    use crate::deck::model::OutlineParts;
    use crate::deck::{CardKind, Cloze};
    use crate::ids::CardId;
    use crate::text::Text;

    fn every_kind_text() -> String {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures/every-kind.ron");
        std::fs::read_to_string(p).unwrap()
    }

    /// A deck of `n` cards, the every-kind deck's cards in turn, each with its own id and
    /// the note `note` gives it (its own kept for `None`), its card index built.
    fn many_cards(n: usize, note: impl Fn(usize) -> Option<String>) -> Deck {
        let d = super::super::load_str(&every_kind_text(), "every-kind.ron", None).unwrap();
        let mut big = d.clone();
        big.cards = (0..n)
            .map(|i| {
                let mut c = d.cards[i % d.cards.len()].clone();
                c.id = CardId::new(format!("c{i}"));
                if let Some(note) = note(i) {
                    c.note = note.into();
                }
                c
            })
            .collect();
        big.card_index = CardIndex::of(&big.cards);
        big
    }

    #[test]
    fn every_deck_comes_back_from_the_binary_form_unchanged() {
        // Every kind's texts are taken from the piece's buffer (a text taken out of
        // order is copied into a buffer of its own, and counted as one more here).
        let mut decks: Vec<Deck> = super::super::bundled::check_all()
            .into_iter()
            .filter_map(|c| c.deck)
            .collect();
        decks.push(super::super::load_str(&every_kind_text(), "every-kind.ron", None).unwrap());
        assert!(decks.len() > 5);
        for d in decks {
            let h = 0x1234_5678_9abc_def0_u128;
            let bytes = encode(&d, h).unwrap();
            let back = decode(&bytes, h).expect("decodes");
            assert_eq!(back, d);
            assert_eq!(buffers(&back), pieces(&bytes).len(), "{}", d.id);
            assert!(back.card(&d.cards[d.cards.len() - 1].id).is_some());
            assert!(decode(&bytes, h + 1).is_none(), "another file's cache");
        }
    }

    /// A deck of several pieces (decoded on two threads) comes back whole and in order;
    /// a damaged piece anywhere makes the cache unusable.
    #[test]
    fn a_big_deck_comes_back_from_its_pieces_in_order() {
        let d = super::super::load_str(&every_kind_text(), "every-kind.ron", None).unwrap();
        let big = many_cards(CHUNK * 2 + 7, |_| None);
        let h = 7_u128;
        let bytes = encode(&big, h).unwrap();
        let back = decode(&bytes, h).expect("decodes");
        assert_eq!(back, big);
        assert_eq!(back.cards.capacity(), big.cards.len());
        // The index by id, merged from the two threads' entries, keeps no spare room.
        let n = big.cards.len();
        assert_eq!(back.card_index.room(), Some((n, n)));
        // The texts of each piece's cards are slices of one buffer for the piece.
        let n = pieces(&bytes).len();
        assert!(n >= 3, "{n}");
        assert_eq!(buffers(&back), n);
        assert!(back.card(&CardId::new(format!("c{}", CHUNK + 3))).is_some());
        // A piece cut short, with the payload's hash made to match again.
        let start = payload_at();
        let mut payload = bytes[start..].to_vec();
        let n = payload.len();
        payload.truncate(n - 10);
        let cut = sealed(&bytes, &payload);
        assert!(start_from(&cut[..], h).is_some(), "the outline holds");
        assert!(decode(&cut, h).is_none());
        // A piece claiming more cards than a piece holds (a forged entry whose hashes
        // were made to match) is refused before any memory is reserved for them.
        for claim in [0, CHUNK as u64 + 1, u64::MAX] {
            // Three such pieces: two of them taken by the same thread. (Empty ones
            // decoded as an empty deck, and were served.)
            let forged = with_forged_pieces(&bytes, claim, 3);
            assert!(decode(&forged, h).is_none(), "{claim}");
        }
        // Long texts make pieces of fewer cards: each about CHUNK_BYTES, the halves
        // decoded on two threads, the cards in order.
        let mut long = d.clone();
        let text = "word ".repeat(12_000);
        long.cards = (0..60)
            .map(|i| {
                let mut c = d.cards[0].clone();
                c.id = CardId::new(format!("c{i}"));
                c.note = format!("{i} {text}").into();
                c
            })
            .collect();
        long.card_index = CardIndex::of(&long.cards);
        let bytes = encode(&long, h).unwrap();
        let pieces = pieces(&bytes);
        assert!(pieces.len() > 3, "{pieces:?}");
        assert!(
            (pieces.iter()).all(|&p| p < CHUNK_BYTES + 2 * long.cards[0].note.len()),
            "{pieces:?}"
        );
        assert_eq!(decode(&bytes, h), Some(long));
        // An empty deck has its head and no pieces.
        let mut empty = d.clone();
        empty.cards.clear();
        empty.card_index = CardIndex::of(&empty.cards);
        assert_eq!(decode(&encode(&empty, h).unwrap(), h), Some(empty));
    }

    /// A cache entry's outline, read before its cards and checked by a hash of its own,
    /// names every card's id and study items (a reversed card's two, a cloze's gaps);
    /// changed, it is refused at once. An outline claiming more cards than a deck can hold
    /// is refused before its list is made. Cards that are not the ones their outline names
    /// (another deck's outline, the hashes made to match) refuse the entry.
    #[test]
    fn the_outline_before_the_cards_names_them_and_must_be_theirs() {
        let mut d = super::super::load_str(&every_kind_text(), "every-kind.ron", None).unwrap();
        let mut three = d.cards[0].clone();
        three.id = CardId::new("three-gaps");
        three.kind =
            CardKind::Cloze(Cloze::parse("{{c1::a}} {{c2::b}} {{c1::c}} {{c3::d}}").unwrap());
        d.cards.push(three);
        d.card_index = CardIndex::of(&d.cards);
        let h = 17_u128;
        let bytes = encode(&d, h).unwrap();
        let start = start_from(&bytes[..], h).unwrap();
        assert_eq!(start.head.id, d.id);
        assert!(start.head.cards.is_empty());
        let expected: Vec<CardOutline> = d.cards.iter().map(Card::outline).collect();
        assert_eq!(start.outline, expected);
        let mut kinds = HashSet::new();
        for (o, c) in start.outline.iter().zip(&d.cards) {
            assert!(o.is_of(c), "{}", c.id);
            let (mut a, mut b) = (Vec::new(), Vec::new());
            o.each_part(|p| a.push(p));
            c.each_part(|p| b.push(p));
            assert_eq!(a, b, "{}", c.id);
            kinds.insert(a.len().min(3));
        }
        assert_eq!(kinds.len(), 3, "cards of one, two and three or more items");
        // A byte of the outline changed: refused before any card is read.
        let p = payload_at();
        let ends = head_and_outline(&bytes[p..]);
        let mut damaged = bytes.clone();
        damaged[p + ends - 2] ^= 1;
        assert!(start_from(&damaged[..], h).is_none());
        // Another deck's outline (the same cards in another order), the hashes made to
        // match: the outline reads, the cards are refused.
        let mut other = d.clone();
        other.cards.reverse();
        let theirs = encode(&other, h).unwrap();
        let (mine, theirs) = (&bytes[p..], &theirs[p..]);
        let head = 4 + u32::from_le_bytes(mine[..4].try_into().unwrap()) as usize;
        let payload = [&mine[..head], &theirs[head..ends], &mine[ends..]].concat();
        let swapped = sealed(&bytes, &payload);
        assert!(start_from(&swapped[..], h).is_some());
        assert!(decode(&swapped, h).is_none());
        // The same ids with other study items: a reversed card not reversed, and the
        // cloze of three gaps said to have two.
        let with_outline = |outline: &[CardOutline]| {
            let piece = put_piece(Vec::new(), &outline).unwrap();
            sealed(&bytes, &[&mine[..head], &piece, &mine[ends..]].concat())
        };
        let reversed = (d.cards.iter())
            .position(|c| matches!(c.kind, CardKind::Basic { reverse: true, .. }))
            .expect("a reversed card");
        let mut other = expected.clone();
        other[reversed].parts = OutlineParts::One;
        assert!(decode(&with_outline(&expected), h).is_some());
        assert!(decode(&with_outline(&other), h).is_none(), "not reversed");
        let mut other = expected.clone();
        other.last_mut().unwrap().parts = OutlineParts::Numbers(vec![1, 2]);
        assert!(
            decode(&with_outline(&other), h).is_none(),
            "two gaps of three"
        );
        // Gap numbers that no cloze has: none, out of order, or millions of them (the
        // figures would look each up): refused with the outline.
        let rising: Vec<u8> = (1..700_000u32)
            .flat_map(|n| postcard::to_stdvec(&n).unwrap())
            .collect();
        for forged in [vec![], vec![2, 1], vec![1, 1], rising] {
            let mut other = expected.clone();
            other.last_mut().unwrap().parts = OutlineParts::Numbers(forged);
            assert!(start_from(&with_outline(&other)[..], h).is_none());
        }
        assert_eq!(decode(&bytes, h), Some(d));
        // An outline of more cards than a deck can hold, each as small as can be: refused
        // before its list (tens of MiB) is made.
        let mut claim = postcard::to_stdvec(&(most_cards() as u64 + 1)).unwrap();
        for _ in 0..=most_cards() {
            claim.extend_from_slice(&[1, b'x', 0]);
        }
        let len = (claim.len() as u32).to_le_bytes();
        let payload = [&mine[..head], &len, &claim, &mine[ends..]].concat();
        let forged = sealed(&bytes, &payload);
        let (back, peak) = crate::picture::tests::peak_bytes(|| start_from(&forged[..], h));
        assert!(back.is_none());
        assert!(peak < 2 * claim.len() + (1 << 20), "{peak} bytes");
    }

    /// The cache file `bytes` with its pieces of cards replaced by `n` forged ones, each
    /// saying it holds `claim` cards and holding nothing else, the payload's hash made to
    /// match (as whoever shares the cache folder could).
    fn with_forged_pieces(bytes: &[u8], claim: u64, n: usize) -> Vec<u8> {
        let mut payload = bytes[payload_at()..].to_vec();
        payload.truncate(head_and_outline(&payload));
        let piece = postcard::to_stdvec(&claim).unwrap();
        for _ in 0..n {
            payload.extend_from_slice(&(piece.len() as u32).to_le_bytes());
            payload.extend_from_slice(&piece);
        }
        sealed(bytes, &payload)
    }

    /// Where a cache file's payload starts, after its header.
    /// The lengths of a cache file's pieces of cards.
    fn pieces(bytes: &[u8]) -> Vec<usize> {
        let start = payload_at();
        let mut pieces = Vec::new();
        let mut rest = &bytes[start + head_and_outline(&bytes[start..])..];
        while let Some((len, tail)) = rest.split_at_checked(4) {
            let len = u32::from_le_bytes(len.try_into().unwrap()) as usize;
            pieces.push(len);
            rest = &tail[len..];
        }
        pieces
    }

    /// How many buffers a deck's texts are slices of, counted as the texts are met in
    /// order (a buffer met again after another counts again).
    fn buffers(d: &Deck) -> usize {
        let mut texts: Vec<&Text> = Vec::new();
        for c in &d.cards {
            texts.extend(&c.tags);
            texts.push(&c.note);
            texts.extend(c.source.iter().flat_map(|s| [&s.doc, &s.section]));
            texts.extend(&c.image);
            match &c.kind {
                CardKind::Basic { front, back, .. } => texts.extend([front, back]),
                CardKind::Cloze(z) => {
                    texts.push(&z.text);
                    for s in &z.segments {
                        match s {
                            ClozeSegment::Text(t) => texts.push(t),
                            ClozeSegment::Gap(g) => {
                                texts.extend(&g.answers);
                                texts.extend(&g.hint);
                            }
                        }
                    }
                }
                CardKind::TypeIn { question, answers } => {
                    texts.push(question);
                    texts.extend(answers);
                }
                CardKind::MultipleChoice {
                    question,
                    answer,
                    distractors,
                    also_correct,
                } => {
                    texts.extend([question, answer]);
                    texts.extend(distractors.iter().chain(also_correct));
                }
                CardKind::TrueFalse {
                    statement,
                    correction,
                    ..
                } => texts.extend([statement, correction]),
                CardKind::Order { prompt, items } => {
                    texts.push(prompt);
                    texts.extend(items);
                }
                CardKind::Match { prompt, pairs } => {
                    texts.push(prompt);
                    texts.extend(pairs.iter().flat_map(|(l, r)| [l, r]));
                }
                CardKind::Locate {
                    prompt,
                    choice_prompt,
                    picture,
                    ..
                } => {
                    texts.push(prompt);
                    texts.extend(choice_prompt);
                    texts.push(picture);
                }
            }
        }
        1 + texts
            .windows(2)
            .filter(|w| !w[0].shares_buffer(w[1]))
            .count()
    }

    fn payload_at() -> usize {
        MAGIC.len() + 1 + APP_VERSION.len() + 48
    }

    /// The length of a payload's first two pieces: the head and the outline.
    fn head_and_outline(payload: &[u8]) -> usize {
        let len = |at: usize| u32::from_le_bytes(payload[at..at + 4].try_into().unwrap()) as usize;
        let outline_at = 4 + len(0);
        outline_at + 4 + len(outline_at)
    }

    /// The cache file `bytes` with the payload `payload`, its hashes (the payload's, and
    /// the head and outline's) made to match, as whoever shares the cache folder could.
    fn sealed(bytes: &[u8], payload: &[u8]) -> Vec<u8> {
        let start = payload_at();
        let mut out = bytes[..start].to_vec();
        let sum = xxhash_rust::xxh3::xxh3_128(payload).to_le_bytes();
        out[start - 32..start - 16].copy_from_slice(&sum);
        let outline = &payload[..head_and_outline(payload)];
        let sum = xxhash_rust::xxh3::xxh3_128(outline).to_le_bytes();
        out[start - 16..].copy_from_slice(&sum);
        out.extend_from_slice(payload);
        out
    }

    /// A cache file is read a piece at a time by the threads that decode it, and its
    /// payload is hashed as it is read: the deck comes back whole from the file, and any
    /// byte changed, cut or added anywhere after the header (in a card's text too, which
    /// still decodes) makes the entry unusable, even once pieces before it were decoded.
    #[test]
    fn a_cache_file_read_piece_by_piece_is_refused_when_any_byte_changes() {
        let big = many_cards(CHUNK * 3 + 11, |i| {
            Some(format!(
                "the note of card {i}, long enough to be on the heap"
            ))
        });
        let h = 13_u128;
        let bytes = encode(&big, h).unwrap();
        let dir = tempfile::tempdir().unwrap();
        let entry = dir.path().join("entry.deck");
        std::fs::write(&entry, &bytes).unwrap();
        assert_eq!(read_entry(&entry, h), Some((big.clone(), false)));
        assert!(read_entry(&entry, h + 1).is_none(), "another file's cache");
        assert!(read_entry(&dir.path().join("none.deck"), h).is_none());
        let start = payload_at();
        // A letter of a card's note in the last piece: the piece still decodes.
        let note = format!("card {}, long", big.cards.len() - 1);
        let in_note = start
            + bytes[start..]
                .windows(note.len())
                .position(|w| w == note.as_bytes())
                .unwrap();
        let spread = (start..bytes.len()).step_by(bytes.len() / 40);
        for at in spread.chain([start, in_note, bytes.len() - 1]) {
            let mut damaged = bytes.clone();
            damaged[at] ^= 1;
            std::fs::write(&entry, &damaged).unwrap();
            assert!(
                read_entry(&entry, h).is_none(),
                "byte {at} of {}",
                bytes.len()
            );
        }
        for changed in [&bytes[..bytes.len() - 1], &[&bytes[..], &[0]].concat()[..]] {
            std::fs::write(&entry, changed).unwrap();
            assert!(read_entry(&entry, h).is_none(), "{} bytes", changed.len());
        }
        // Not a regular file: refused without being opened.
        std::fs::remove_file(&entry).unwrap();
        std::fs::create_dir(&entry).unwrap();
        assert!(read_entry(&entry, h).is_none());
    }

    /// A card that fails in the last piece, after the pieces before it were decoded into
    /// the list on both threads: the deck is refused and every card already decoded is
    /// dropped once (a card dropped twice would abort the test; one never dropped is
    /// counted by the test allocator).
    #[test]
    fn a_card_failing_in_a_later_piece_refuses_the_deck_and_frees_the_cards_before_it() {
        let d = super::super::load_str(&every_kind_text(), "every-kind.ron", None).unwrap();
        let cloze = (d.cards.iter())
            .find(|c| matches!(c.kind, CardKind::Cloze(_)))
            .expect("a cloze card")
            .clone();
        let mut big = many_cards(CHUNK * 3 + 5, |i| {
            Some(format!("a note long enough to be a heap text, card {i}"))
        });
        // The last card's cloze text no longer parses (as if the rules had changed).
        let mut broken = cloze;
        if let CardKind::Cloze(z) = &mut broken.kind {
            z.text = "an unclosed {{c1::gap".into();
        }
        broken.id = CardId::new("broken");
        big.cards.push(broken);
        big.card_index = CardIndex::of(&big.cards);
        let h = 11_u128;
        let bytes = encode(&big, h).unwrap();
        // Whichever thread meets the broken card, the other may be in any piece: a
        // failed decode hands no card from one thread to the other, so what this thread
        // allocated and did not free is what it leaked, but for the few bytes of the
        // other thread's handle that are freed over there. A piece's cards left behind
        // would be hundreds of KiB.
        for _ in 0..20 {
            let before = crate::picture::tests::allocated_now();
            assert!(decode(&bytes, h).is_none());
            let left = crate::picture::tests::allocated_now().saturating_sub(before);
            assert!(left < 1024, "{left} bytes left allocated");
        }
        // The same deck without the broken card decodes whole.
        big.cards.pop();
        big.card_index = CardIndex::of(&big.cards);
        assert_eq!(decode(&encode(&big, h).unwrap(), h), Some(big));
    }

    /// Pieces that each claim at most CHUNK cards, but more of them together than any
    /// deck within the memory limit has: refused before the list is reserved.
    #[test]
    fn a_cache_claiming_more_cards_than_a_deck_can_hold_reserves_nothing_for_them() {
        let d = super::super::load_str(&every_kind_text(), "every-kind.ron", None).unwrap();
        let h = 5_u128;
        let bytes = encode(&d, h).unwrap();
        let pieces = super::super::MAX_DECK_MEMORY / std::mem::size_of::<Card>() / CHUNK + 2;
        let forged = with_forged_pieces(&bytes, CHUNK as u64, pieces);
        let (back, peak) = crate::picture::tests::peak_bytes(|| decode(&forged, h));
        assert!(back.is_none());
        assert!(peak < 1 << 20, "{peak} bytes reserved");
        // Pieces of one card each, more of them than a deck can hold cards: refused as
        // the count passes the limit, before the card list is reserved for them (264
        // bytes a card: 128 MiB), and with no more than the pieces' places kept on the
        // way (a file of 256 MiB of such pieces would otherwise take gigabytes).
        let most = super::super::MAX_DECK_MEMORY / std::mem::size_of::<Card>();
        let forged = with_forged_pieces(&bytes, 1, most + 10);
        let (back, peak) = crate::picture::tests::peak_bytes(|| decode(&forged, h));
        assert!(back.is_none());
        assert!(peak < 32 << 20, "{peak} bytes for {} pieces", most + 10);
        // A file of pieces that each claim one card and hold nothing: every piece's
        // start is read before any is decoded, through a window of WINDOW bytes, not one
        // read of the file for each.
        let forged = with_forged_pieces(&bytes, 1, 50_000);
        let reads = Counted(&forged, Default::default());
        assert!(decode_from(&reads, h).is_none());
        let reads = reads.1.into_inner();
        assert!((2..200).contains(&reads), "{reads} reads for 50,000 pieces");
    }

    /// Bytes in memory that count how often they are read.
    struct Counted<'b>(&'b [u8], std::sync::atomic::AtomicUsize);

    impl Bytes for Counted<'_> {
        fn size(&self) -> u64 {
            self.0.size()
        }

        fn read_at(&self, at: u64, out: &mut [u8]) -> Option<()> {
            self.1.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
            self.0.read_at(at, out)
        }
    }

    /// The bundled decks are checked once and then served from the profile's deck cache
    /// (unchanged, and kept by the pruning); without a decks folder nothing is written.
    #[test]
    fn the_bundled_decks_are_served_from_the_cache_after_the_first_check() {
        let dir = tempfile::tempdir().unwrap();
        let decks = dir.path().join("decks");
        std::fs::create_dir(&decks).unwrap();
        let cache = decks.join(CACHE_DIR);
        let checked = super::super::bundled::check_all();
        let mut used = HashSet::new();
        let first = super::super::bundled::check_all_cached(&cache, &mut used);
        assert_eq!(used.len(), checked.len(), "one entry a deck");
        assert_eq!(entries(&cache).len(), checked.len());
        let mut again = HashSet::new();
        let second = super::super::bundled::check_all_cached(&cache, &mut again);
        assert_eq!(again, used);
        for ((c, f), s) in checked.iter().zip(&first).zip(&second) {
            assert_eq!(f.deck, c.deck, "{}", c.file);
            assert_eq!(s.deck, c.deck, "{}", c.file);
            assert_eq!(s.file, c.file);
            // Served from the cache: the check's text is not kept.
            assert!(s.text.is_empty() && s.diagnostics.is_empty());
        }
        // Served, not checked again: an entry changed (as a check never writes it) is
        // what comes back.
        let entry = used.iter().next().unwrap().clone();
        let served_from = |e: &Path| {
            let before = std::fs::read(e).unwrap();
            let mut touched = before.clone();
            // The version string's length byte: a damaged entry is checked again and
            // rewritten, so the file is the same afterwards.
            touched[MAGIC.len()] ^= 1;
            std::fs::write(e, &touched).unwrap();
            let _ = super::super::bundled::check_all_cached(&cache, &mut HashSet::new());
            std::fs::read(e).unwrap() == before
        };
        assert!(served_from(&entry), "a damaged entry is rewritten");
        // The library keeps them when it prunes the profile's cache.
        crate::library::Library::load(Some(&decks));
        assert_eq!(entries(&cache).len(), checked.len());
        // A profile without a decks folder: checked in full, nothing written.
        let none = dir.path().join("no-decks").join(CACHE_DIR);
        let mut used = HashSet::new();
        let c = super::super::bundled::check_all_cached(&none, &mut used);
        assert!(used.is_empty() && !none.parent().unwrap().exists());
        assert_eq!(c.len(), checked.len());
    }

    fn load(deck: &Path, cache: &Path) -> (Checked, HashSet<PathBuf>, Served) {
        let mut used = HashSet::new();
        let (c, how) = check_file_cached_how(deck, cache, &mut used);
        (c, used, how)
    }

    fn entries(cache: &Path) -> Vec<PathBuf> {
        let mut v: Vec<PathBuf> = std::fs::read_dir(cache)
            .map(|rd| rd.flatten().map(|e| e.path()).collect())
            .unwrap_or_default();
        v.sort();
        v
    }

    #[test]
    fn a_valid_deck_is_read_from_the_cache_until_its_file_changes() {
        let (_d, file, cache) = every_kind_file();
        let text = every_kind_text();
        let full = super::super::check_file(&file);
        let (first, used, how) = load(&file, &cache);
        assert_eq!(how, Served::Checked, "checked in full the first time");
        assert_eq!(first.deck, full.deck);
        assert_eq!(entries(&cache), used.iter().cloned().collect::<Vec<_>>());
        let (second, _, how) = load(&file, &cache);
        assert_ne!(how, Served::Checked, "read from the cache");
        assert_eq!(second.deck, full.deck);

        // The RON file is the source of truth: an edit is seen at once.
        let edited = text.replacen("Front text", "Front side", 1);
        assert_ne!(edited, text);
        std::fs::write(&file, &edited).unwrap();
        let (third, used, how) = load(&file, &cache);
        assert_eq!(how, Served::Checked);
        assert_eq!(third.deck, super::super::check_file(&file).deck);
        assert_ne!(third.deck, full.deck);
        prune(&cache, &used);
        assert_eq!(entries(&cache).len(), 1, "the old entry is pruned");
        // A file that now has errors is never served from the cache.
        std::fs::write(&file, "Deck(format: 1, id: \"x\"").unwrap();
        let (broken, _, _) = load(&file, &cache);
        assert!(broken.deck.is_none() && broken.has_errors());
        std::fs::write(&file, &text).unwrap();
        assert!(
            load(&file, &cache).2 == Served::Checked,
            "its entry was pruned"
        );
        assert!(
            load(&file, &cache).2 != Served::Checked,
            "and is written again"
        );
    }

    /// Sets a file's modification time `secs` seconds back.
    fn age(file: &Path, secs: u64) {
        let f = std::fs::File::options().write(true).open(file).unwrap();
        let modified = f.metadata().unwrap().modified().unwrap();
        f.set_modified(modified - std::time::Duration::from_secs(secs))
            .unwrap();
    }

    /// Another version's entries and links (a class folder shared with PCs not yet
    /// updated) are kept while this version does not use them, until unchanged for
    /// [`OTHER_VERSION_KEPT`]; this version's unused files, and files that are not
    /// quizdeck's, go at once.
    #[test]
    fn another_versions_cache_files_are_kept_a_while_when_unused() {
        let (_d, file, cache) = every_kind_file();
        let (c, used, _) = load(&file, &cache);
        assert!(!used.is_empty());
        // Another version's entry of this deck (as `encode` writes it there), a link in
        // the first format (no version in it), this version's entry of another deck,
        // and a file that is not a cache file.
        let entry = std::fs::read(
            used.iter()
                .find(|p| p.extension().unwrap() == "deck")
                .unwrap(),
        )
        .unwrap();
        let version = format!("{APP_VERSION}+other");
        let other = [
            MAGIC,
            &[version.len() as u8],
            version.as_bytes(),
            &entry[MAGIC.len() + 1 + APP_VERSION.len()..],
        ]
        .concat();
        let other_entry = cache.join("other.deck");
        std::fs::write(&other_entry, other).unwrap();
        let first_link = cache.join("first.link");
        std::fs::write(&first_link, [b"QZDECKLINK1\n" as &[u8], &[7; 32]].concat()).unwrap();
        let ours = entry_path(&cache, 99);
        std::fs::write(&ours, encode(c.deck.as_ref().unwrap(), 99).unwrap()).unwrap();
        let junk = cache.join("junk.deck");
        std::fs::write(&junk, b"not a cache file").unwrap();
        // What cannot be read now (here: not a file) is kept like another version's.
        let unreadable = cache.join("unreadable.deck");
        std::fs::create_dir(&unreadable).unwrap();
        assert_eq!(whose(&other_entry), Whose::Other);
        assert_eq!(whose(&ours), Whose::Ours);
        assert_eq!(whose(&junk), Whose::Unknown);
        assert_eq!(whose(&unreadable), Whose::Other);
        let mut want: Vec<PathBuf> = used.iter().cloned().collect();
        want.extend([other_entry.clone(), first_link.clone(), unreadable.clone()]);
        want.sort();
        prune(&cache, &used);
        assert_eq!(
            entries(&cache),
            want,
            "recent files of another version are kept"
        );
        // Still kept a day before their time.
        let days = |n: u64| n * 24 * 3600;
        let kept = OTHER_VERSION_KEPT.as_secs();
        for f in [&other_entry, &first_link] {
            age(f, kept - days(1));
        }
        prune(&cache, &used);
        assert_eq!(entries(&cache), want);
        for f in [&other_entry, &first_link] {
            age(f, days(2));
        }
        prune(&cache, &used);
        let mut want: Vec<PathBuf> = used.iter().cloned().collect();
        want.push(unreadable);
        want.sort();
        assert_eq!(entries(&cache), want, "then they go");
        // A file dated more than a day ahead of the folder's clock goes too (else it
        // would be kept for ever); one an hour ahead is kept.
        let ahead = |f: &Path, secs: u64| {
            let f = std::fs::File::options().write(true).open(f).unwrap();
            let modified = f.metadata().unwrap().modified().unwrap();
            f.set_modified(modified + std::time::Duration::from_secs(secs))
                .unwrap();
        };
        std::fs::write(&other_entry, b"QZDECKCACHE4\n\x00").unwrap();
        std::fs::write(&first_link, [b"QZDECKLINK1\n" as &[u8], &[7; 32]].concat()).unwrap();
        ahead(&other_entry, days(2));
        ahead(&first_link, 3600);
        prune(&cache, &used);
        assert!(!other_entry.exists(), "dated two days ahead");
        assert!(first_link.exists(), "dated an hour ahead");
        // What this version uses stays, and serves the deck without checking it.
        let (again, _, how) = load(&file, &cache);
        assert_eq!(how, Served::Hashed);
        assert_eq!(again.deck, c.deck);
    }

    /// A folder holding a deck of every kind (the folder, the deck file, its cache).
    fn every_kind_file() -> (tempfile::TempDir, PathBuf, PathBuf) {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("every-kind.ron");
        std::fs::write(&file, every_kind_text()).unwrap();
        let cache = d.path().join(CACHE_DIR);
        (d, file, cache)
    }

    /// What a load gives and how, without the files it used.
    fn served(deck: &Path, cache: &Path) -> (Checked, Served) {
        let (c, _, how) = load(deck, cache);
        (c, how)
    }

    #[test]
    fn an_unchanged_deck_file_is_not_read_again_and_any_change_is_seen() {
        let (_d, file, cache) = every_kind_file();
        let text = every_kind_text();
        let want = super::super::check_file(&file).deck;
        // A file written just now: its time may not have settled, so no link is written
        // and the next load reads and hashes it.
        assert_eq!(served(&file, &cache).1, Served::Checked);
        assert_eq!(served(&file, &cache).1, Served::Hashed);
        assert!(
            entries(&cache)
                .iter()
                .all(|e| e.extension().unwrap() == "deck"),
            "no link for a file just written: {:?}",
            entries(&cache)
        );
        // Once its times have settled (the modification time set back changes the
        // status-change time, which must settle too), the link is written, then used:
        // the file is not read.
        age(&file, 3600);
        assert_eq!(served(&file, &cache).1, Served::Hashed);
        assert!(
            entries(&cache)
                .iter()
                .all(|e| e.extension().unwrap() == "deck"),
            "no link while the status-change time is new"
        );
        std::thread::sleep(SETTLED + std::time::Duration::from_millis(200));
        assert_eq!(served(&file, &cache).1, Served::Hashed);
        let (c, how) = served(&file, &cache);
        assert_eq!((how, &c.deck), (Served::Unread, &want));
        // A damaged link is ignored (and written again).
        let (_, mut used, _) = load(&file, &cache);
        let link = entries(&cache)
            .into_iter()
            .find(|e| e.extension().unwrap() == "link" && used.contains(e))
            .expect("a link for the settled file");
        std::fs::write(&link, b"QZDECKLINK1\nnot a hash").unwrap();
        assert_eq!(served(&file, &cache).1, Served::Hashed);
        assert_eq!(served(&file, &cache).1, Served::Unread);
        // The same size and the same modification time, other bytes, as `cp -p` over
        // the file does: the status-change time differs, so it is read again.
        let edited = text.replacen("Front text", "Front side", 1);
        assert_eq!(edited.len(), text.len());
        let before = std::fs::metadata(&file).unwrap().modified().unwrap();
        std::fs::write(&file, &edited).unwrap();
        std::fs::File::options()
            .write(true)
            .open(&file)
            .unwrap()
            .set_modified(before)
            .unwrap();
        assert_eq!(
            std::fs::metadata(&file).unwrap().modified().unwrap(),
            before
        );
        let (c, how) = served(&file, &cache);
        assert_ne!(how, Served::Unread, "a changed file is read");
        assert_eq!(c.deck, super::super::check_file(&file).deck);
        assert_ne!(c.deck, want);
        // Links of files gone are pruned with their entries, and a probe file left by a
        // process that stopped.
        std::fs::write(cache.join("probe-1-ThreadId(1).tmp"), b"").unwrap();
        used.clear();
        prune(&cache, &used);
        assert!(entries(&cache).is_empty(), "{:?}", entries(&cache));
    }

    #[test]
    fn a_damaged_cache_is_ignored_and_rebuilt() {
        let (_d, file, cache) = every_kind_file();
        let want = super::super::check_file(&file).deck.unwrap();
        load(&file, &cache);
        let entry = entries(&cache).pop().unwrap();
        let good = std::fs::read(&entry).unwrap();
        let mut flipped = good.clone();
        let last = flipped.len() - 3;
        flipped[last] ^= 0x20;
        // The same entry as another version of quizdeck would have written it.
        let mut other_version = MAGIC.to_vec();
        other_version.push(5);
        other_version.extend_from_slice(b"9.9.9");
        other_version.extend_from_slice(&good[MAGIC.len() + 1 + APP_VERSION.len()..]);
        let damages: Vec<Vec<u8>> = vec![
            Vec::new(),
            b"garbage".to_vec(),
            good[..good.len() / 2].to_vec(),
            flipped,
            [good.as_slice(), b"tail"].concat(),
            other_version,
        ];
        for (i, bad) in damages.into_iter().enumerate() {
            std::fs::write(&entry, &bad).unwrap();
            let (c, _, how) = load(&file, &cache);
            assert_eq!(how, Served::Checked, "damage {i}: checked in full");
            assert_eq!(c.deck.as_ref(), Some(&want), "damage {i}");
            assert_eq!(std::fs::read(&entry).unwrap(), good, "damage {i}: rebuilt");
            assert!(
                load(&file, &cache).2 != Served::Checked,
                "damage {i}: cached again"
            );
        }
        // A cache folder that cannot be written (a file in its place) loses nothing.
        std::fs::remove_dir_all(&cache).unwrap();
        std::fs::write(&cache, b"not a folder").unwrap();
        let (c, _, _) = load(&file, &cache);
        assert_eq!(c.deck, Some(want));
    }

    #[test]
    fn a_picture_removed_after_caching_is_reported() {
        let d = tempfile::tempdir().unwrap();
        let file = d.path().join("pic.ron");
        let cache = d.path().join(CACHE_DIR);
        // A real PNG: pictures are decoded when a deck is checked.
        std::fs::write(
            d.path().join("map.png"),
            include_bytes!("../../../../assets/icon.png"),
        )
        .unwrap();
        std::fs::write(
            &file,
            r#"Deck(format: 1, id: "pic", title: "Pic", cards: [
                Card(id: "a", image: "map.png", kind: TypeIn(question: "Capital of Latvia?", answers: ["Riga"])),
            ])"#,
        )
        .unwrap();
        assert!(load(&file, &cache).0.deck.is_some());
        assert_ne!(load(&file, &cache).2, Served::Checked, "cached");
        std::fs::remove_file(d.path().join("map.png")).unwrap();
        let (c, _, _) = load(&file, &cache);
        assert!(c.deck.is_none(), "{}", c.render());
        assert!(c.render().contains("map.png"));
    }

    /// The one picture of a big deck, in its last piece (decoded by either thread), is
    /// still looked for: the entry serves the deck while the picture is there, and not
    /// once it is gone.
    #[test]
    fn a_picture_in_a_later_piece_is_looked_for() {
        let mut big = many_cards(CHUNK * 3 + 1, |_| None);
        assert!(big.cards.iter().all(|c| c.image.is_none()));
        big.cards.last_mut().unwrap().image = Some("late.png".into());
        let dir = tempfile::tempdir().unwrap();
        let (file, entry, h) = (dir.path().join("big.ron"), dir.path().join("e.deck"), 17);
        std::fs::write(&entry, encode(&big, h).unwrap()).unwrap();
        std::fs::write(dir.path().join("late.png"), b"a picture").unwrap();
        for _ in 0..5 {
            assert_eq!(cached_deck(&file, &entry, h).as_ref(), Some(&big));
        }
        std::fs::remove_file(dir.path().join("late.png")).unwrap();
        for _ in 0..5 {
            assert!(cached_deck(&file, &entry, h).is_none());
        }
    }
}
