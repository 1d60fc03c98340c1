//! The first stage of loading: serde types that mirror the RON text exactly.
//!
//! These accept anything of the right shape; [`super::validate`] then checks the content
//! and builds the model. Unknown fields are refused here, by serde, with the list of
//! known ones.

use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;

/// The deck file format this build of quizdeck reads and writes. Format 2 added the
/// `Locate` card kind; a deck without one is still written as format 1, so an older
/// quizdeck reads it.
pub(crate) const FORMAT_VERSION: u32 = 2;

/// The format that introduced the `Locate` card kind.
pub(crate) const LOCATE_FORMAT: u32 = 2;

fn default_language() -> String {
    "en".to_owned()
}

fn default_version() -> u32 {
    1
}

fn is_false(b: &bool) -> bool {
    !*b
}

fn is_en(s: &str) -> bool {
    s == "en"
}

fn is_one(v: &u32) -> bool {
    *v == 1
}

/// Writes `Some(x)` as plain `x`, the way deck authors write it.
fn implicit_some<S: Serializer, T: Serialize>(v: &Option<T>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(inner) => inner.serialize(s),
        None => s.serialize_none(),
    }
}

/// A deck file as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Deck", deny_unknown_fields)]
pub struct RawDeck {
    /// Format version of the file.
    pub format: u32,
    /// Stable deck id.
    pub id: String,
    /// Title shown in the library.
    pub title: String,
    /// A paragraph about the deck.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub description: String,
    /// Language tag of the deck's text.
    #[serde(default = "default_language", skip_serializing_if = "is_en")]
    pub language: String,
    /// Who wrote the deck.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    /// The deck's own edition number.
    #[serde(default = "default_version", skip_serializing_if = "is_one")]
    pub version: u32,
    /// Documents the cards cite, by key.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub sources: BTreeMap<String, RawSource>,
    /// The cards.
    pub cards: Vec<RawCard>,
}

/// A cited document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Source", deny_unknown_fields)]
pub struct RawSource {
    /// The document's title.
    pub title: String,
    /// Where to find it, if anywhere.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub url: String,
}

/// A card's reference to a source document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Ref", deny_unknown_fields)]
pub struct RawRef {
    /// Key into the deck's `sources`.
    pub doc: String,
    /// The section of the document.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub section: String,
}

/// A card as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename = "Card", deny_unknown_fields)]
pub struct RawCard {
    /// Stable card id.
    pub id: String,
    /// Free labels.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    /// Where the fact comes from.
    #[serde(
        default,
        skip_serializing_if = "Option::is_none",
        serialize_with = "implicit_some"
    )]
    pub source: Option<RawRef>,
    /// Context shown after the answer.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub note: String,
    /// A picture, relative to the deck's folder.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub image: String,
    /// What is asked.
    pub kind: RawKind,
}

/// The card kinds, as written.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum RawKind {
    /// Front and back, self-rated; optionally asked both ways.
    Basic {
        /// The prompt side.
        front: String,
        /// The answer side.
        back: String,
        /// Also ask back → front.
        #[serde(default, skip_serializing_if = "is_false")]
        reverse: bool,
    },
    /// A text with `{{cN::answer}}` gaps.
    Cloze {
        /// The text with its gaps.
        text: String,
    },
    /// A question answered by typing.
    TypeIn {
        /// The question.
        question: String,
        /// Accepted answers, the first shown as the answer.
        answers: Vec<String>,
    },
    /// A question with one right option among wrong ones.
    MultipleChoice {
        /// The question.
        question: String,
        /// The right option.
        answer: String,
        /// Wrong options.
        distractors: Vec<String>,
        /// Other options also counted right.
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        also_correct: Vec<String>,
    },
    /// A statement judged true or false.
    TrueFalse {
        /// The statement.
        statement: String,
        /// Whether it is true.
        truth: bool,
        /// What is right instead, for false statements.
        #[serde(default, skip_serializing_if = "String::is_empty")]
        correction: String,
    },
    /// Items to put in order.
    Order {
        /// The instruction.
        prompt: String,
        /// The items, in the correct order.
        items: Vec<String>,
    },
    /// Pairs to match.
    Match {
        /// The instruction.
        prompt: String,
        /// Left–right pairs.
        pairs: Vec<(String, String)>,
    },
    /// A place to point at on a picture (format 2).
    Locate {
        /// The instruction ("Click where Liepāja is").
        prompt: String,
        /// The picture, a PNG relative to the deck's folder.
        picture: String,
        /// The right region.
        answer: RawRegion,
        /// Other named regions (wrong answers, and the choices offered from the keyboard).
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        others: Vec<RawRegion>,
    },
}

/// A named region of a picture, in the picture's pixel coordinates (x to the right, y
/// down, from the top-left corner).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub enum RawRegion {
    /// A circle.
    Circle {
        /// The region's name.
        name: String,
        /// Centre, x.
        x: f32,
        /// Centre, y.
        y: f32,
        /// Radius.
        r: f32,
    },
    /// A polygon (at least three corners, in order).
    Polygon {
        /// The region's name.
        name: String,
        /// The corners, `(x, y)`.
        points: Vec<(f32, f32)>,
    },
}

/// The lowest format that can hold `cards`: [`LOCATE_FORMAT`] when a card is a `Locate`,
/// 1 otherwise, so a deck written without one still opens in an older quizdeck.
pub fn format_for(cards: &[RawCard]) -> u32 {
    if cards
        .iter()
        .any(|c| matches!(c.kind, RawKind::Locate { .. }))
    {
        LOCATE_FORMAT
    } else {
        1
    }
}

/// Only the format number, read leniently to tell "newer format" from "broken".
#[derive(Deserialize)]
#[serde(rename = "Deck")]
pub(crate) struct FormatOnly {
    pub format: u32,
}
