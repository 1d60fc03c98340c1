//! [`States`]: every item's state as the store hands them out. Readers look states up
//! (through [`StateLookup`], which the store itself also is), count and walk them; how
//! the store keeps them is its own affair.
//!
//! The map is shared copy-on-write: cloning `States` is O(1) (a reference count), so the
//! interface can hand a copy of every state to work on another thread (the library's
//! figures, statistics, a session's queue) without copying 100k states on its own thread.
//! The store's next change then copies the map once if that work still holds it.

use crate::ids::ItemKey;
use crate::schedule::{ItemState, StateLookup};
use std::sync::Arc;

/// The map behind [`States`]: keys hashed with FxHash (local data, no untrusted keys to
/// collide on purpose; three to four times cheaper than SipHash on two short ids).
pub(crate) type StateMap = std::collections::HashMap<ItemKey, ItemState, rustc_hash::FxBuildHasher>;

/// Every item's state; an item without one is new. Cloning is O(1) (shared until the
/// store changes a state).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct States {
    map: Arc<StateMap>,
}

impl States {
    /// Room for `n` states.
    pub(crate) fn with_capacity(n: usize) -> Self {
        States {
            map: Arc::new(StateMap::with_capacity_and_hasher(
                n,
                rustc_hash::FxBuildHasher,
            )),
        }
    }

    /// The map, for the store to change (copied first if a clone still shares it).
    pub(crate) fn map_mut(&mut self) -> &mut StateMap {
        Arc::make_mut(&mut self.map)
    }

    /// Takes the map out, leaving no states (copied first if a clone still shares it).
    pub(crate) fn take_map(&mut self) -> StateMap {
        std::mem::take(self.map_mut())
    }

    /// States from a map.
    pub(crate) fn from_map(map: StateMap) -> Self {
        States { map: Arc::new(map) }
    }

    /// The state of `key`; `None` means the item is new.
    pub(crate) fn get(&self, key: &ItemKey) -> Option<&ItemState> {
        self.map.get(key)
    }

    /// How many items have a state.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no item has a state.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Every item with a state and its state, in no particular order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (&ItemKey, &ItemState)> {
        self.map.iter()
    }

    #[cfg(any(test, feature = "test-support"))]
    /// Every item with a state, in no particular order.
    pub(crate) fn keys(&self) -> impl Iterator<Item = &ItemKey> {
        self.map.keys()
    }
}

impl StateLookup for States {
    fn state(&self, key: &ItemKey) -> Option<&ItemState> {
        self.map.get(key)
    }
}

impl<'a> IntoIterator for &'a States {
    type Item = (&'a ItemKey, &'a ItemState);
    type IntoIter = std::collections::hash_map::Iter<'a, ItemKey, ItemState>;

    fn into_iter(self) -> Self::IntoIter {
        self.map.iter()
    }
}

impl FromIterator<(ItemKey, ItemState)> for States {
    fn from_iter<I: IntoIterator<Item = (ItemKey, ItemState)>>(iter: I) -> Self {
        States::from_map(iter.into_iter().collect())
    }
}

impl std::ops::Index<&ItemKey> for States {
    type Output = ItemState;

    /// The state of `key`; panics when it has none (use [`States::get`] otherwise).
    fn index(&self, key: &ItemKey) -> &ItemState {
        &self.map[key]
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
        assert!(Arc::ptr_eq(&states.map, &copy.map));
        let mut changed = ItemState::new(now);
        changed.reps = 3;
        states.map_mut().insert(k.clone(), changed);
        assert!(!Arc::ptr_eq(&states.map, &copy.map));
        assert_eq!(states[&k].reps, 3);
        assert_eq!(copy[&k].reps, 0);
    }
}
