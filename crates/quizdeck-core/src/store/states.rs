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

/// One map of states: keys hashed with FxHash (local data, no untrusted keys to collide
/// on purpose; three to four times cheaper than SipHash on two short ids).
pub(crate) type StateMap = std::collections::HashMap<ItemKey, ItemState, rustc_hash::FxBuildHasher>;

/// How many parts the states are split into (a power of two).
pub(crate) const SHARDS: usize = 1024;

/// Every item's state; an item without one is new. Cloning is O(1) (shared until the
/// store changes a state, and then only the changed part is copied).
#[derive(Debug, Clone, PartialEq)]
pub struct States {
    shards: Arc<Vec<Arc<StateMap>>>,
    len: usize,
}

impl Default for States {
    fn default() -> Self {
        States::with_capacity(0)
    }
}

/// The part that holds `key`: the top bits of its FxHash mixed once more, so the keys of
/// one part do not share the bits the part's own map probes with.
fn shard_of(key: &ItemKey) -> usize {
    let h = rustc_hash::FxBuildHasher.hash_one(key);
    (h.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SHARDS.trailing_zeros())) as usize
}

impl States {
    /// Room for `n` states.
    pub(crate) fn with_capacity(n: usize) -> Self {
        let each = n.div_ceil(SHARDS);
        States {
            shards: Arc::new(
                (0..SHARDS)
                    .map(|_| {
                        Arc::new(StateMap::with_capacity_and_hasher(
                            each,
                            rustc_hash::FxBuildHasher,
                        ))
                    })
                    .collect(),
            ),
            len: 0,
        }
    }

    /// The part holding `key`, for the store to change (copied first if a clone still
    /// shares it).
    fn shard_mut(&mut self, key: &ItemKey) -> &mut StateMap {
        let i = shard_of(key);
        Arc::make_mut(&mut Arc::make_mut(&mut self.shards)[i])
    }

    /// Sets the state of `key`, returning the one it had.
    pub(crate) fn insert(&mut self, key: ItemKey, state: ItemState) -> Option<ItemState> {
        let old = self.shard_mut(&key).insert(key, state);
        if old.is_none() {
            self.len += 1;
        }
        old
    }

    /// Removes the state of `key` (the item is new again), returning it.
    pub(crate) fn remove(&mut self, key: &ItemKey) -> Option<ItemState> {
        if !self.contains_key(key) {
            return None;
        }
        let old = self.shard_mut(key).remove(key);
        if old.is_some() {
            self.len -= 1;
        }
        old
    }

    /// The state of `key` to change in place (its part copied first if shared).
    pub(crate) fn get_mut(&mut self, key: &ItemKey) -> Option<&mut ItemState> {
        if !self.contains_key(key) {
            return None;
        }
        self.shard_mut(key).get_mut(key)
    }

    /// Takes every state out as one map, leaving none (copied first where a clone still
    /// shares them). O(states).
    pub(crate) fn take_map(&mut self) -> StateMap {
        let mut map = StateMap::with_capacity_and_hasher(self.len, rustc_hash::FxBuildHasher);
        let shards = std::mem::take(Arc::make_mut(&mut self.shards));
        for shard in shards {
            match Arc::try_unwrap(shard) {
                Ok(m) => map.extend(m),
                Err(shared) => map.extend(shared.iter().map(|(k, v)| (k.clone(), v.clone()))),
            }
        }
        *self = States::default();
        map
    }

    /// States from a map. O(states).
    pub(crate) fn from_map(map: StateMap) -> Self {
        let mut states = States::with_capacity(map.len());
        states.extend(map);
        states
    }

    /// The state of `key`; `None` means the item is new.
    pub(crate) fn get(&self, key: &ItemKey) -> Option<&ItemState> {
        self.shards[shard_of(key)].get(key)
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
            current: None,
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
    fn extend<I: IntoIterator<Item = (ItemKey, ItemState)>>(&mut self, iter: I) {
        for (k, v) in iter {
            self.insert(k, v);
        }
    }
}

/// The iterator of [`States::iter`].
#[derive(Debug)]
pub struct Iter<'a> {
    shards: std::slice::Iter<'a, Arc<StateMap>>,
    current: Option<std::collections::hash_map::Iter<'a, ItemKey, ItemState>>,
    left: usize,
}

impl<'a> Iterator for Iter<'a> {
    type Item = (&'a ItemKey, &'a ItemState);

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if let Some(x) = self.current.as_mut().and_then(Iterator::next) {
                self.left -= 1;
                return Some(x);
            }
            self.current = Some(self.shards.next()?.iter());
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
        let largest = states.shards.iter().map(|m| m.len()).max().unwrap();
        assert!(largest < 20, "parts are even: {largest}");
        let back = States::from_map(states.clone().take_map());
        assert_eq!(back, states);
    }
}
