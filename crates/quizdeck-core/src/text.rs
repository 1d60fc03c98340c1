//! [`Text`]: how a card holds its texts (questions, answers, notes, tags, sources).
//!
//! A `Text` is a shared slice of a string: 16 bytes, read as a `&str`, cloned without
//! copying. A card read from the deck cache holds slices of one buffer made for each
//! piece of the cache entry ([`Arena`]), so its texts are not allocations of their own: a
//! 100,000-card deck's texts are a few buffers instead of 600,000 allocations (each
//! rounded up and with its allocator's header). A `Text` made from a `String` (a card
//! built by the validator, the editor, an import) holds a buffer of its own.
//!
//! `arcstr::Substr` stays behind this type: the rest of quizdeck sees a string.

use arcstr::{ArcStr, Substr};
use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

/// A card's text: read it as a `&str` (it dereferences to one); compare it with strings;
/// make one from a `String` or a `&str` with `into()`.
#[derive(Clone, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Text(Substr);

impl Text {
    /// The text as a string slice.
    pub fn as_str(&self) -> &str {
        self.0.as_str()
    }

    /// Whether two texts are slices of the same buffer (an [`Arena`]'s, or a text and its
    /// clone): what the deck cache's reader promises for a piece's cards.
    pub fn shares_buffer(&self, other: &Text) -> bool {
        ArcStr::ptr_eq(self.0.parent(), other.0.parent())
    }

    /// The part `range` of this text (byte offsets), sharing its buffer.
    ///
    /// # Panics
    /// If `range` is out of bounds or not on character boundaries, as slicing a `str`.
    pub(crate) fn slice(&self, range: std::ops::Range<usize>) -> Text {
        Text(self.0.substr(range))
    }

    /// `part`, which must be a slice of this text (a `&self[..]` or a trim of it), as a
    /// `Text` sharing its buffer; any other string is copied into a buffer of its own.
    pub(crate) fn slice_of(&self, part: &str) -> Text {
        self.0
            .try_substr_from(part)
            .map(Text)
            .unwrap_or_else(|| Text::from(part))
    }
}

/// Owned copies of `texts` (for what keeps strings of its own: a question put to the
/// student, a row written out).
pub fn strings(texts: &[Text]) -> Vec<String> {
    texts.iter().map(String::from).collect()
}

impl Deref for Text {
    type Target = str;
    fn deref(&self) -> &str {
        self.0.as_str()
    }
}

impl AsRef<str> for Text {
    fn as_ref(&self) -> &str {
        self.0.as_str()
    }
}

impl Borrow<str> for Text {
    fn borrow(&self) -> &str {
        self.0.as_str()
    }
}

impl fmt::Debug for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for Text {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl From<&str> for Text {
    fn from(s: &str) -> Self {
        Text(Substr::from(s))
    }
}

impl From<&String> for Text {
    fn from(s: &String) -> Self {
        Text(Substr::from(s.as_str()))
    }
}

impl From<String> for Text {
    fn from(s: String) -> Self {
        Text(Substr::from(s))
    }
}

impl From<&Text> for Text {
    fn from(s: &Text) -> Self {
        s.clone()
    }
}

impl From<&Text> for String {
    fn from(t: &Text) -> Self {
        t.as_str().to_owned()
    }
}

impl From<Text> for String {
    fn from(t: Text) -> Self {
        t.as_str().to_owned()
    }
}

impl From<std::borrow::Cow<'_, str>> for Text {
    fn from(s: std::borrow::Cow<'_, str>) -> Self {
        Text::from(&*s)
    }
}

impl PartialEq<str> for Text {
    fn eq(&self, o: &str) -> bool {
        self.as_str() == o
    }
}

impl PartialEq<&str> for Text {
    fn eq(&self, o: &&str) -> bool {
        self.as_str() == *o
    }
}

impl PartialEq<String> for Text {
    fn eq(&self, o: &String) -> bool {
        self.as_str() == o.as_str()
    }
}

impl PartialEq<Text> for str {
    fn eq(&self, o: &Text) -> bool {
        self == o.as_str()
    }
}

impl PartialEq<Text> for &str {
    fn eq(&self, o: &Text) -> bool {
        *self == o.as_str()
    }
}

impl PartialEq<Text> for String {
    fn eq(&self, o: &Text) -> bool {
        self.as_str() == o.as_str()
    }
}

impl serde::Serialize for Text {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for Text {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        String::deserialize(d).map(Text::from)
    }
}

/// One buffer for many texts: what the deck cache's reader makes for each piece of a
/// cache entry. [`Arena::new`] copies every text in once; [`Arena::take`] then hands
/// them out in the same order as slices of that buffer.
pub(crate) struct Arena {
    buf: Substr,
    at: usize,
}

impl Arena {
    /// A buffer holding, one after another, the texts `each` gives the function it is
    /// passed (it is called twice, and must give the same texts both times: once to
    /// count them, once to copy them).
    pub(crate) fn new(each: impl Fn(&mut dyn FnMut(&str))) -> Arena {
        let mut len = 0;
        each(&mut |t| len += t.len());
        let mut all = String::with_capacity(len);
        each(&mut |t| all.push_str(t));
        Arena {
            buf: Substr::full(ArcStr::from(all)),
            at: 0,
        }
    }

    /// `s` as a slice of the buffer, where the next text is expected to be. A text taken
    /// out of order (which the reader never does: its tests check every text comes back
    /// sharing the buffer) is copied into a buffer of its own rather than sliced wrong.
    pub(crate) fn take(&mut self, s: &str) -> Text {
        let end = self.at + s.len();
        match self.buf.get(self.at..end) {
            Some(here) if here == s => {
                let t = Text(self.buf.substr(self.at..end));
                self.at = end;
                t
            }
            _ => {
                debug_assert!(false, "a text taken out of order: {s:?}");
                Text::from(s)
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_arena_hands_out_its_texts_in_order_sharing_one_buffer() {
        let texts = ["Tallinn", "", "Rīga – Vilnius", "Rīga"];
        let mut a = Arena::new(|f| texts.iter().for_each(|t| f(t)));
        let got: Vec<Text> = texts.iter().map(|t| a.take(t)).collect();
        assert_eq!(got, texts);
        assert!(got.windows(2).all(|w| w[0].shares_buffer(&w[1])));
        // Texts made on their own do not share.
        assert!(!Text::from("Rīga").shares_buffer(&got[3]));
        assert_eq!(std::mem::size_of::<Text>(), 16);
        assert_eq!(std::mem::size_of::<Option<Text>>(), 16);
    }

    #[test]
    fn a_slice_of_a_text_shares_it_and_anything_else_is_copied() {
        let t = Text::from("  Kārlis Ulmanis ");
        let trimmed = t.slice_of(t.trim());
        assert_eq!(trimmed, "Kārlis Ulmanis");
        assert!(trimmed.shares_buffer(&t));
        let other = t.slice_of("Kārlis");
        assert_eq!(other, "Kārlis");
        assert!(!other.shares_buffer(&t));
        assert_eq!(t.slice(2..8), "Kārli");
    }
}
