//! Stable identifiers: deck ids, card ids and the study-item key built from them.
//!
//! Progress is keyed by [`ItemKey`] = (deck id, card id, part). Ids are written by the
//! deck's author and never generated from content, so fixing a card's wording keeps
//! students' progress.

use serde::{Deserialize, Serialize};
use smol_str::SmolStr;
use std::fmt;

/// Longest id accepted for decks and cards.
pub(crate) const MAX_ID_LEN: usize = 64;

/// Why a string is not a valid deck or card id.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum IdError {
    /// The id is the empty string.
    #[error("{}", self.message())]
    Empty,
    /// The id is longer than [`MAX_ID_LEN`] characters.
    #[error("{}", self.message())]
    TooLong(usize),
    /// The id contains a character outside `a-z`, `0-9` and `-`.
    #[error("{}", self.message())]
    BadChar(char),
    /// The id starts or ends with `-`.
    #[error("{}", self.message())]
    EdgeDash,
}

impl IdError {
    /// Why the id is not valid, as a message for any language.
    pub fn message(&self) -> crate::message::Message {
        use crate::message::Message;
        match self {
            IdError::Empty => Message::new("id-empty"),
            IdError::TooLong(len) => Message::new("id-too-long")
                .arg("len", *len)
                .arg("max", MAX_ID_LEN),
            IdError::BadChar(c) => Message::new("id-bad-char").arg("char", c.to_string()),
            IdError::EdgeDash => Message::new("id-edge-dash"),
        }
    }
}

/// Checks that `s` is a valid id: 1–64 characters of `a-z`, `0-9`, `-`, no leading or
/// trailing `-`.
pub fn check_id(s: &str) -> Result<(), IdError> {
    if s.is_empty() {
        return Err(IdError::Empty);
    }
    let len = s.chars().count();
    if len > MAX_ID_LEN {
        return Err(IdError::TooLong(len));
    }
    if let Some(c) = s
        .chars()
        .find(|c| !(c.is_ascii_lowercase() || c.is_ascii_digit() || *c == '-'))
    {
        return Err(IdError::BadChar(c));
    }
    if s.starts_with('-') || s.ends_with('-') {
        return Err(IdError::EdgeDash);
    }
    Ok(())
}

macro_rules! string_id {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        ///
        /// Held as a [`SmolStr`]: ids of up to 23 bytes sit inside the value and longer
        /// ones are shared, so copying an id (every study item's key holds two) never
        /// allocates.
        #[derive(
            Debug, Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
        )]
        #[serde(transparent)]
        pub struct $name(SmolStr);

        impl $name {
            /// Wraps a string without checking it (see [`check_id`]).
            pub fn new(s: impl AsRef<str>) -> Self {
                Self(SmolStr::new(s))
            }
            /// Heap bytes this id holds (0 when it sits inside the value; a shared id
            /// counts whole here, as each deck's ids are its own).
            pub fn heap_bytes(&self) -> usize {
                if self.0.is_heap_allocated() {
                    2 * std::mem::size_of::<usize>() + self.0.len()
                } else {
                    0
                }
            }
            /// The id as a string slice.
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl From<&str> for $name {
            fn from(s: &str) -> Self {
                Self(SmolStr::new(s))
            }
        }

        impl From<String> for $name {
            fn from(s: String) -> Self {
                Self(SmolStr::from(s))
            }
        }

        impl std::borrow::Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }
    };
}

string_id!(
    /// A deck's stable id, unique in a library.
    DeckId
);
string_id!(
    /// A card's stable id, unique in its deck.
    CardId
);

/// Which study item of a card: 0 for the forward side, 1 for a reversed Basic card,
/// N for the cloze gap `cN`.
pub(crate) type Part = u32;

/// The key progress is stored under: one schedulable study item.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct ItemKey {
    /// The deck the card belongs to.
    pub deck: DeckId,
    /// The card within the deck.
    pub card: CardId,
    /// The item within the card.
    pub part: Part,
}

impl ItemKey {
    /// Builds a key from its three parts.
    pub fn new(deck: impl Into<DeckId>, card: impl Into<CardId>, part: Part) -> Self {
        Self {
            deck: deck.into(),
            card: card.into(),
            part,
        }
    }

    #[cfg(test)]
    /// True when both keys are items of the same card (siblings, or the same item).
    pub(crate) fn same_card(&self, other: &ItemKey) -> bool {
        self.deck == other.deck && self.card == other.card
    }
}

impl fmt::Display for ItemKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}#{}", self.deck, self.card, self.part)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Copying a key copies no text: short ids sit inside it, longer ones are shared.
    #[test]
    fn copying_an_item_key_copies_no_text() {
        let short = ItemKey::new("baltic-1940", "ultimatum-lithuania", 0);
        assert_eq!(short.card.heap_bytes(), 0);
        assert_eq!(short.deck.heap_bytes(), 0);
        let long = ItemKey::new("baltic-1940", "the-ultimatum-to-lithuania-of-june-1940", 1);
        assert!(long.card.heap_bytes() > long.card.as_str().len());
        let copy = long.clone();
        assert_eq!(copy, long);
        assert!(
            std::ptr::eq(copy.card.as_str(), long.card.as_str()),
            "shared"
        );
        // Ordered, compared and hashed as their text.
        let (a, b) = (
            CardId::new("a-long-id-that-is-on-the-heap"),
            CardId::new("b"),
        );
        assert!(a < b);
        let hash = |x: &dyn Fn(&mut std::collections::hash_map::DefaultHasher)| {
            use std::hash::Hasher;
            let mut h = std::collections::hash_map::DefaultHasher::new();
            x(&mut h);
            h.finish()
        };
        use std::hash::Hash;
        assert_eq!(hash(&|h| a.hash(h)), hash(&|h| a.as_str().hash(h)));
        assert_eq!(
            serde_json::to_string(&a).unwrap(),
            "\"a-long-id-that-is-on-the-heap\""
        );
    }

    #[test]
    fn ids_are_checked() {
        assert_eq!(check_id("pact-1939"), Ok(()));
        assert_eq!(check_id(""), Err(IdError::Empty));
        assert_eq!(check_id("Pact"), Err(IdError::BadChar('P')));
        assert_eq!(check_id("-a"), Err(IdError::EdgeDash));
        assert_eq!(check_id(&"a".repeat(65)), Err(IdError::TooLong(65)));
    }

    #[test]
    fn item_keys_display_and_compare() {
        let a = ItemKey::new("d", "c", 1);
        let b = ItemKey::new("d", "c", 2);
        assert!(a.same_card(&b));
        assert_eq!(a.to_string(), "d/c#1");
        assert!(a < b);
    }
}
