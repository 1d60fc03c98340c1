//! [`States`]: every item's state as the store hands them out. Readers look states up
//! (through [`StateLookup`], which the store itself also is), count and walk them; how
//! the store keeps them is its own affair.

use crate::ids::ItemKey;
use crate::schedule::{ItemState, StateLookup};
use std::collections::HashMap;

/// Every item's state; an item without one is new.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct States {
    pub(crate) map: HashMap<ItemKey, ItemState>,
}

impl States {
    /// Room for `n` states.
    pub(crate) fn with_capacity(n: usize) -> Self {
        States {
            map: HashMap::with_capacity(n),
        }
    }

    /// The state of `key`; `None` means the item is new.
    pub fn get(&self, key: &ItemKey) -> Option<&ItemState> {
        self.map.get(key)
    }

    /// Whether `key` has a state.
    pub fn contains_key(&self, key: &ItemKey) -> bool {
        self.map.contains_key(key)
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
    pub fn iter(&self) -> impl Iterator<Item = (&ItemKey, &ItemState)> {
        self.map.iter()
    }

    /// Every item with a state, in no particular order.
    pub fn keys(&self) -> impl Iterator<Item = &ItemKey> {
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
        States {
            map: iter.into_iter().collect(),
        }
    }
}

impl std::ops::Index<&ItemKey> for States {
    type Output = ItemState;

    /// The state of `key`; panics when it has none (use [`States::get`] otherwise).
    fn index(&self, key: &ItemKey) -> &ItemState {
        &self.map[key]
    }
}
