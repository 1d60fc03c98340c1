//! [`States`]: every item's state as the store hands them out. Readers look states up
//! (through [`StateLookup`], which the store itself also is), count and walk them; how
//! the store keeps them is its own affair.
//!
//! The states are shared copy-on-write: cloning `States` is O(1) (a reference count), so
//! the interface can hand a copy of every state to work on another thread (the library's
//! figures, statistics, a session's queue) and the store can hand one to the background
//! snapshot writer, without copying 100k states. The map is split into [`SHARDS`] parts
//! by key, each shared on its own: the store's next change while a clone is held copies
//! only the part that holds the changed item (about 1/1024 of the states: microseconds),
//! never the whole map on the answer path.

use crate::ids::ItemKey;
use crate::schedule::{ItemState, StateLookup};
use std::hash::BuildHasher;
use std::sync::Arc;

/// Every state as one map (what [`States::take_map`] hands out and
/// [`States::from_map`] takes): keys hashed with FxHash (local data, no untrusted keys to
/// collide on purpose; three to four times cheaper than SipHash on two short ids).
pub(crate) type StateMap = std::collections::HashMap<ItemKey, ItemState, rustc_hash::FxBuildHasher>;

/// One part of the states: its entries, each key once, in the order of their [`Place`]'s
/// tag and then their key, and the tags beside them (a list of their own, so a lookup's
/// binary search reads a few cache lines of tags and then, almost always, one entry).
/// Sorted lists of 112-byte entries where a hash map kept 113 bytes a slot at half its
/// slots used (about 70 states a part at 70,000): half the memory. No spare room beyond
/// what a new item's insertion leaves (see [`Shard::grow`]).
#[derive(Debug, Clone, PartialEq, Default)]
struct Shard {
    tags: Vec<u32>,
    entries: Vec<(ItemKey, ItemState)>,
}

/// Where a key goes: its part, and its tag within the part.
#[derive(Clone, Copy)]
struct Place {
    shard: usize,
    tag: u32,
}

/// How many parts the states are split into (a power of two).
pub(crate) const SHARDS: usize = 1024;

/// Every item's state; an item without one is new. Cloning is O(1) (shared until the
/// store changes a state, and then only the changed part is copied).
#[derive(Debug, Clone, PartialEq)]
pub struct States {
    shards: Arc<Vec<Arc<Shard>>>,
    len: usize,
}

impl Default for States {
    fn default() -> Self {
        States {
            shards: Arc::new((0..SHARDS).map(|_| Arc::new(Shard::default())).collect()),
            len: 0,
        }
    }
}

/// Where `key` goes: its FxHash mixed once more, the top bits naming the part and the 32
/// bits below them its tag.
fn place(key: &ItemKey) -> Place {
    let h = rustc_hash::FxBuildHasher
        .hash_one(key)
        .wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let bits = SHARDS.trailing_zeros();
    Place {
        shard: (h >> (64 - bits)) as usize,
        tag: (h >> (32 - bits)) as u32,
    }
}

impl Shard {
    /// Where `key` (of tag `tag`) is: `Ok` at its entry, `Err` where it would go.
    fn find(&self, tag: u32, key: &ItemKey) -> Result<usize, usize> {
        let from = self.tags.partition_point(|&t| t < tag);
        for (i, &t) in self.tags.iter().enumerate().skip(from) {
            if t != tag {
                return Err(i);
            }
            match self.entries[i].0.cmp(key) {
                std::cmp::Ordering::Less => {}
                std::cmp::Ordering::Equal => return Ok(i),
                std::cmp::Ordering::Greater => return Err(i),
            }
        }
        Err(self.tags.len())
    }

    /// Room for one more entry, an eighth more than it holds (at least one): a part
    /// keeps little spare room, and items added one at a time still grow it a few times,
    /// not once each.
    fn grow(&mut self) {
        if self.entries.len() == self.entries.capacity() {
            self.entries.reserve_exact(self.entries.len() / 8 + 1);
        }
        if self.tags.len() == self.tags.capacity() {
            self.tags.reserve_exact(self.tags.len() / 8 + 1);
        }
    }
}

impl States {
    /// The part at `place`, for the store to change (copied first if a clone still
    /// shares it).
    fn shard_mut(&mut self, place: Place) -> &mut Shard {
        Arc::make_mut(&mut Arc::make_mut(&mut self.shards)[place.shard])
    }

    /// Sets the state of `key`, returning the one it had.
    pub(crate) fn insert(&mut self, key: ItemKey, state: ItemState) -> Option<ItemState> {
        let at = place(&key);
        let shard = self.shard_mut(at);
        match shard.find(at.tag, &key) {
            Ok(i) => Some(std::mem::replace(&mut shard.entries[i].1, state)),
            Err(i) => {
                shard.grow();
                shard.tags.insert(i, at.tag);
                shard.entries.insert(i, (key, state));
                self.len += 1;
                None
            }
        }
    }

    /// Removes the state of `key` (the item is new again), returning it.
    pub(crate) fn remove(&mut self, key: &ItemKey) -> Option<ItemState> {
        if !self.contains_key(key) {
            return None;
        }
        let at = place(key);
        let shard = self.shard_mut(at);
        let i = shard.find(at.tag, key).ok()?;
        shard.tags.remove(i);
        let (_, old) = shard.entries.remove(i);
        self.len -= 1;
        Some(old)
    }

    /// The state of `key` to change in place (its part copied first if shared).
    pub(crate) fn get_mut(&mut self, key: &ItemKey) -> Option<&mut ItemState> {
        if !self.contains_key(key) {
            return None;
        }
        let at = place(key);
        let shard = self.shard_mut(at);
        let i = shard.find(at.tag, key).ok()?;
        Some(&mut shard.entries[i].1)
    }

    /// Takes every state out as one map, leaving none (copied first where a clone still
    /// shares them). O(states).
    pub(crate) fn take_map(&mut self) -> StateMap {
        let mut map = StateMap::with_capacity_and_hasher(self.len, rustc_hash::FxBuildHasher);
        let shards = std::mem::take(Arc::make_mut(&mut self.shards));
        for shard in shards {
            match Arc::try_unwrap(shard) {
                Ok(m) => map.extend(m.entries),
                Err(shared) => map.extend(shared.entries.iter().cloned()),
            }
        }
        *self = States::default();
        map
    }

    /// States from a map. O(states · log states).
    pub(crate) fn from_map(map: StateMap) -> Self {
        let mut states = States::default();
        states.extend(map);
        states
    }

    /// The state of `key`; `None` means the item is new.
    pub(crate) fn get(&self, key: &ItemKey) -> Option<&ItemState> {
        let at = place(key);
        let shard = &self.shards[at.shard];
        shard.find(at.tag, key).ok().map(|i| &shard.entries[i].1)
    }

    /// Whether `key` has a state.
    pub(crate) fn contains_key(&self, key: &ItemKey) -> bool {
        self.get(key).is_some()
    }

    /// How many items have a state.
    pub fn len(&self) -> usize {
        self.len
    }

    /// True when no item has a state.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Every item with a state and its state, in no particular order.
    pub(crate) fn iter(&self) -> Iter<'_> {
        Iter {
            shards: self.shards.iter(),
            current: [].iter(),
            left: self.len,
        }
    }

    #[cfg(any(test, feature = "test-support"))]
    /// Every item with a state, in no particular order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &ItemKey> {
        self.iter().map(|(k, _)| k)
    }
}

impl Extend<(ItemKey, ItemState)> for States {
    /// Sets every state of `iter` (a later one of the same key wins), filing them into
    /// their parts in one pass, each part changed made to measure once: O(n log n) for
    /// n states, where inserting them one by one would move each part's entries at every
    /// insertion. A snapshot lists the states part by part, each part in order (it is
    /// written from [`States::iter`]), so reading one sorts nothing.
    fn extend<I: IntoIterator<Item = (ItemKey, ItemState)>>(&mut self, iter: I) {
        // (A list's own iterator gives its list back without a copy.)
        let items: Vec<(ItemKey, ItemState)> = iter.into_iter().collect();
        if items.is_empty() {
            return;
        }
        let places: Vec<Place> = items.iter().map(|(k, _)| place(k)).collect();
        let mut counts = vec![0usize; SHARDS];
        for p in &places {
            counts[p.shard] += 1;
        }
        let shards = Arc::make_mut(&mut self.shards);
        // Each part that gets items: its entries so far, then room for exactly its new
        // ones.
        let mut filled: Vec<Option<Shard>> = (counts.iter().enumerate())
            .map(|(i, &n)| {
                (n > 0).then(|| {
                    let had = shards[i].entries.len();
                    self.len -= had;
                    let mut all = Shard {
                        tags: Vec::with_capacity(had + n),
                        entries: Vec::with_capacity(had + n),
                    };
                    match Arc::get_mut(&mut shards[i]) {
                        Some(own) => {
                            all.tags.append(&mut own.tags);
                            all.entries.append(&mut own.entries);
                        }
                        // Still shared with a clone: copied once, into the new part.
                        None => {
                            all.tags.extend_from_slice(&shards[i].tags);
                            all.entries.extend_from_slice(&shards[i].entries);
                        }
                    }
                    all
                })
            })
            .collect();
        for (item, p) in items.into_iter().zip(places) {
            if let Some(part) = &mut filled[p.shard] {
                part.tags.push(p.tag);
                part.entries.push(item);
            }
        }
        for (i, part) in filled.into_iter().enumerate() {
            let Some(mut all) = part else { continue };
            let in_order = (all.tags.windows(2).zip(all.entries.windows(2)))
                .all(|(t, e)| t[0] < t[1] || (t[0] == t[1] && e[0].0 < e[1].0));
            if !in_order {
                all = sorted(all);
            }
            self.len += all.entries.len();
            shards[i] = Arc::new(all);
        }
    }
}

/// `part`'s entries in order of tag and key, a key kept once with the last state it was
/// given (the part's own entries come before the ones added), without spare room.
fn sorted(part: Shard) -> Shard {
    let mut both: Vec<(u32, (ItemKey, ItemState))> =
        part.tags.into_iter().zip(part.entries).collect();
    // Stable: entries of one key stay in the order they were set.
    both.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.0.cmp(&b.1.0)));
    both.dedup_by(|later, kept| {
        let same = later.1.0 == kept.1.0;
        if same {
            std::mem::swap(&mut later.1.1, &mut kept.1.1);
        }
        same
    });
    let (tags, entries) = both.into_iter().unzip();
    Shard { tags, entries }
}

/// The iterator of [`States::iter`].
#[derive(Debug)]
pub struct Iter<'a> {
    shards: std::slice::Iter<'a, Arc<Shard>>,
    current: std::slice::Iter<'a, (ItemKey, ItemState)>,
    left: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a ItemKey, &'a ItemState);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some((k, v)) = self.current.next() {
                self.left -= 1;
                return Some((k, v));
            }
            self.current = self.shards.next()?.entries.iter();
        }
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        (self.left, Some(self.left))
    }
}

impl ExactSizeIterator for Iter<'_> {}

impl StateLookup for States {
    fn state(&self, key: &ItemKey) -> Option<&ItemState> {
        self.get(key)
    }
}

impl<'a> IntoIterator for &'a States {
    type Item = (&'a ItemKey, &'a ItemState);
    type IntoIter = Iter<'a>;

    fn into_iter(self) -> Self::IntoIter {
        self.iter()
    }
}

impl FromIterator<(ItemKey, ItemState)> for States {
    fn from_iter<I: IntoIterator<Item = (ItemKey, ItemState)>>(iter: I) -> Self {
        let mut states = States::default();
        states.extend(iter);
        states
    }
}

impl std::ops::Index<&ItemKey> for States {
    type Output = ItemState;

    /// The state of `key`; panics when it has none (use [`States::get`] otherwise).
    fn index(&self, key: &ItemKey) -> &ItemState {
        self.get(key).expect("no state for this item")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A clone shares the map until the store changes it; then each side keeps its own.
    #[test]
    fn clones_are_shared_until_changed() {
        let k = ItemKey::new("d", "c", 0);
        let now = "2026-03-02T09:00:00Z".parse().unwrap();
        let mut states: States = [(k.clone(), ItemState::new(now))].into_iter().collect();
        let copy = states.clone();
        assert!(Arc::ptr_eq(&states.shards, &copy.shards));
        let mut changed = ItemState::new(now);
        changed.reps = 3;
        states.insert(k.clone(), changed);
        assert!(!Arc::ptr_eq(&states.shards, &copy.shards));
        assert_eq!(states[&k].reps, 3);
        assert_eq!(copy[&k].reps, 0);
        // Only the changed part was copied.
        let shared = (states.shards.iter().zip(copy.shards.iter()))
            .filter(|(a, b)| Arc::ptr_eq(a, b))
            .count();
        assert_eq!(shared, SHARDS - 1);
    }

    /// Inserting, removing, counting and walking agree with a plain map, through
    /// clones taken between the changes; the parts are filled evenly.
    #[test]
    fn behaves_as_a_map_through_clones() {
        let now = "2026-03-02T09:00:00Z".parse().unwrap();
        let mut states = States::default();
        let mut plain = std::collections::HashMap::new();
        let mut clones = Vec::new();
        for i in 0..5000u32 {
            let k = ItemKey::new(format!("d{}", i % 7), format!("c{}", i % 3001), i % 2);
            let mut s = ItemState::new(now);
            s.reps = i;
            if i % 5 == 4 {
                assert_eq!(states.remove(&k), plain.remove(&k));
            } else {
                assert_eq!(states.insert(k.clone(), s.clone()), plain.insert(k, s));
            }
            if i % 1000 == 0 {
                clones.push((states.clone(), plain.clone()));
            }
        }
        assert_eq!(states.len(), plain.len());
        assert_eq!(states.iter().len(), plain.len());
        for (k, v) in &states {
            assert_eq!(plain.get(k), Some(v));
        }
        for (c, p) in clones {
            assert_eq!(c.len(), p.len());
            assert!(p.iter().all(|(k, v)| c.get(k) == Some(v)));
        }
        let largest = states.shards.iter().map(|m| m.entries.len()).max().unwrap();
        assert!(largest < 20, "parts are even: {largest}");
        let back = States::from_map(states.clone().take_map());
        assert_eq!(back, states);
    }

    /// Keys of one tag (two hashes meeting in 32 bits) are told apart by the keys
    /// themselves, in their order.
    #[test]
    fn keys_of_one_tag_are_found_by_their_order() {
        let now = "2026-03-02T09:00:00Z".parse().unwrap();
        let k = |c: &str| ItemKey::new("d", c, 0);
        let shard = Shard {
            tags: vec![5, 5, 5, 9],
            entries: ["b", "d", "f", "a"]
                .map(|c| (k(c), ItemState::new(now)))
                .into(),
        };
        assert_eq!(shard.find(5, &k("b")), Ok(0));
        assert_eq!(shard.find(5, &k("f")), Ok(2));
        assert_eq!(shard.find(5, &k("a")), Err(0));
        assert_eq!(shard.find(5, &k("e")), Err(2));
        assert_eq!(shard.find(5, &k("g")), Err(3));
        assert_eq!(shard.find(9, &k("a")), Ok(3));
        assert_eq!(shard.find(7, &k("a")), Err(3));
        assert_eq!(shard.find(10, &k("a")), Err(4));
    }

    /// Filled at once (as a snapshot is read), each part holds its entries sorted and
    /// no spare room, and the last state given for a key is the one kept; filled one by
    /// one, a part's spare room stays within an eighth of it (plus one).
    #[test]
    fn parts_are_made_to_measure_and_a_later_state_wins() {
        let now = "2026-03-02T09:00:00Z".parse().unwrap();
        let state = |reps| {
            let mut s = ItemState::new(now);
            s.reps = reps;
            s
        };
        let key = |i: u32| ItemKey::new("deck", format!("card-{i}"), i % 3);
        let n = 70_000u32;
        let mut states: States = (0..n)
            .map(|i| (key(i), state(i)))
            .chain((0..n).step_by(7).map(|i| (key(i), state(i + 1))))
            .collect();
        assert_eq!(states.len(), n as usize);
        let entries: usize = states.shards.iter().map(|p| p.entries.len()).sum();
        let room: usize = (states.shards.iter())
            .map(|p| p.entries.capacity().max(p.tags.capacity()))
            .sum();
        assert_eq!((entries, room), (n as usize, n as usize), "no spare room");
        for p in states.shards.iter() {
            let mut at = p.entries.iter().map(|(k, _)| (place(k).tag, k));
            assert!(p.tags.iter().copied().eq(at.clone().map(|(t, _)| t)));
            assert!(at.clone().zip(at.by_ref().skip(1)).all(|(a, b)| a < b));
        }
        // Read back in its own order (as a snapshot is), a part is taken as it comes.
        let again: States = states.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
        assert_eq!(again, states);
        for i in (0..n).step_by(997) {
            let want = if i % 7 == 0 { i + 1 } else { i };
            assert_eq!(states[&key(i)].reps, want);
        }
        // Extending with states already there replaces them, and counts them once.
        states.extend([(key(5), state(50)), (key(n), state(0))]);
        assert_eq!((states.len(), states[&key(5)].reps), (n as usize + 1, 50));
        // One at a time: a part grows by an eighth, not twice its size.
        for i in n + 1..n + 20_000 {
            assert_eq!(states.insert(key(i), state(i)), None);
        }
        for p in states.shards.iter() {
            let (len, room) = (p.entries.len(), p.entries.capacity());
            assert!(room <= len + len / 8 + 1, "{len} of {room}");
            assert!(p.tags.capacity() <= len + len / 8 + 1);
        }
        assert_eq!(states.len(), (n + 20_000) as usize);
    }
}
