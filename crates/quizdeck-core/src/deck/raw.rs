//! The first stage of loading: serde types that mirror the RON text exactly.
//!
//! These accept anything of the right shape; [`super::validate`] then checks the content
//! and builds the model. Unknown fields are refused here, by serde, with the list of
//! known ones.

use serde::{Deserialize, Serialize, Serializer};
use std::collections::BTreeMap;

/// The deck file format this build of quizdeck reads and writes. Format 2 added the
/// `Locate` card kind, format 3 a Locate card's `choice_prompt`; a deck is written in the
/// lowest format that holds it ([`format_for`]), so an older quizdeck reads it when it can.
pub(crate) const FORMAT_VERSION: u32 = 3;

/// The format that introduced the `Locate` card kind.
pub(crate) const LOCATE_FORMAT: u32 = 2;

/// The format that introduced a Locate card's `choice_prompt`.
pub(crate) const CHOICE_PROMPT_FORMAT: u32 = 3;

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
        /// The question as practice tests and exams ask it, as a choice among the region
        /// names with no picture shown ("Which port is Liepāja?"), format 3. Without it the
        /// card is asked only in study, where the picture is.
        #[serde(
            default,
            skip_serializing_if = "Option::is_none",
            serialize_with = "implicit_some"
        )]
        choice_prompt: Option<String>,
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

/// The lowest format that can hold `cards`: [`CHOICE_PROMPT_FORMAT`] when a Locate card
/// has a `choice_prompt`, [`LOCATE_FORMAT`] when a card is a `Locate`, 1 otherwise, so a
/// deck still opens in the oldest quizdeck that can read it.
pub fn format_for(cards: &[RawCard]) -> u32 {
    cards
        .iter()
        .map(|c| match &c.kind {
            RawKind::Locate {
                choice_prompt: Some(_),
                ..
            } => CHOICE_PROMPT_FORMAT,
            RawKind::Locate { .. } => LOCATE_FORMAT,
            _ => 1,
        })
        .max()
        .unwrap_or(1)
}

/// Only the format number, read leniently to tell "newer format" from "broken".
#[derive(Deserialize)]
#[serde(rename = "Deck")]
pub(crate) struct FormatOnly {
    pub format: u32,
}

/// A deck's fields as they are read, before the defaults (both readers fill one).
#[derive(Default)]
pub(crate) struct RawFields {
    pub(crate) format: Option<u32>,
    pub(crate) id: Option<String>,
    pub(crate) title: Option<String>,
    pub(crate) description: Option<String>,
    pub(crate) language: Option<String>,
    pub(crate) authors: Option<Vec<String>>,
    pub(crate) version: Option<u32>,
    pub(crate) sources: Option<BTreeMap<String, RawSource>>,
}

impl RawFields {
    /// The deck, with the defaults of the fields not given; the name of the first required
    /// field missing otherwise.
    pub(crate) fn finish(self, cards: Option<Vec<RawCard>>) -> Result<RawDeck, &'static str> {
        Ok(RawDeck {
            format: self.format.ok_or("format")?,
            id: self.id.ok_or("id")?,
            title: self.title.ok_or("title")?,
            description: self.description.unwrap_or_default(),
            language: self.language.unwrap_or_else(default_language),
            authors: self.authors.unwrap_or_default(),
            version: self.version.unwrap_or_else(default_version),
            sources: self.sources.unwrap_or_default(),
            cards: cards.ok_or("cards")?,
        })
    }
}

/// Where a deck read by `ron` through [`DeckSeed`] hands its cards, one at a time.
pub(crate) trait CardSink {
    /// Called when the card list begins, with the deck's `format` and `sources` if they
    /// came before it: true to be handed the cards one by one ([`CardSink::card`]), false
    /// to have them collected into [`RawDeck::cards`].
    fn start(&mut self, format: Option<u32>, sources: Option<&BTreeMap<String, RawSource>>)
    -> bool;

    /// The next card.
    fn card(&mut self, card: RawCard);
}

/// Reads a [`RawDeck`] exactly as its derived `Deserialize` does (same fields, defaults and
/// errors), but hands the cards to a [`CardSink`] as they are read instead of collecting
/// them, so a deck only `ron` can read is not held whole either. The value read is the
/// deck without the cards handed over, and whether the `format` or `sources` came after the
/// card list (then what the sink was told at the start was not the deck's: read it again
/// the usual way).
pub(crate) struct DeckSeed<'s, S>(pub(crate) &'s mut S);

/// [`RawDeck`]'s field names, in the order its derived `Deserialize` lists them.
pub(crate) const DECK_FIELDS: [&str; 9] = [
    "format",
    "id",
    "title",
    "description",
    "language",
    "authors",
    "version",
    "sources",
    "cards",
];

impl<'de, S: CardSink> serde::de::DeserializeSeed<'de> for DeckSeed<'_, S> {
    type Value = (RawDeck, bool);

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<Self::Value, D::Error> {
        d.deserialize_struct("Deck", &DECK_FIELDS, self)
    }
}

impl<'de, S: CardSink> serde::de::Visitor<'de> for DeckSeed<'_, S> {
    type Value = (RawDeck, bool);

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("struct Deck")
    }

    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        use serde::de::Error;
        let mut f = RawFields::default();
        let mut cards: Option<Vec<RawCard>> = None;
        // Whether the cards went to the sink, and whether what it was told came later.
        let mut streamed = false;
        let mut late = false;
        // As the derived reading does: a repeated field is refused before its value is read.
        macro_rules! put {
            ($slot:ident, $name:literal) => {{
                if f.$slot.is_some() {
                    return Err(A::Error::duplicate_field($name));
                }
                f.$slot = Some(map.next_value()?);
            }};
        }
        while let Some(key) = map.next_key::<DeckField>()? {
            match key {
                DeckField::Format => {
                    late |= streamed;
                    put!(format, "format")
                }
                DeckField::Id => put!(id, "id"),
                DeckField::Title => put!(title, "title"),
                DeckField::Description => put!(description, "description"),
                DeckField::Language => put!(language, "language"),
                DeckField::Authors => put!(authors, "authors"),
                DeckField::Version => put!(version, "version"),
                DeckField::Sources => {
                    late |= streamed;
                    put!(sources, "sources")
                }
                DeckField::Cards => {
                    if cards.is_some() {
                        return Err(A::Error::duplicate_field("cards"));
                    }
                    if self.0.start(f.format, f.sources.as_ref()) {
                        map.next_value_seed(CardsSeed(&mut *self.0))?;
                        streamed = true;
                        cards = Some(Vec::new());
                    } else {
                        cards = Some(map.next_value()?);
                    }
                }
            }
        }
        let deck = f.finish(cards).map_err(A::Error::missing_field)?;
        Ok((deck, late))
    }
}

/// A [`RawDeck`] field's name.
enum DeckField {
    Format,
    Id,
    Title,
    Description,
    Language,
    Authors,
    Version,
    Sources,
    Cards,
}

impl<'de> Deserialize<'de> for DeckField {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        struct V;
        impl serde::de::Visitor<'_> for V {
            type Value = DeckField;
            fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
                f.write_str("field identifier")
            }
            fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<DeckField, E> {
                Ok(match v {
                    "format" => DeckField::Format,
                    "id" => DeckField::Id,
                    "title" => DeckField::Title,
                    "description" => DeckField::Description,
                    "language" => DeckField::Language,
                    "authors" => DeckField::Authors,
                    "version" => DeckField::Version,
                    "sources" => DeckField::Sources,
                    "cards" => DeckField::Cards,
                    _ => return Err(E::unknown_field(v, &DECK_FIELDS)),
                })
            }
        }
        d.deserialize_identifier(V)
    }
}

/// The card list, each card handed to the sink as it is read (the sink's `start` is not
/// called: the caller knows what the cards are checked against).
pub(crate) struct CardsSeed<'s, S>(pub(crate) &'s mut S);

impl<'de, S: CardSink> serde::de::DeserializeSeed<'de> for CardsSeed<'_, S> {
    type Value = ();

    fn deserialize<D: serde::Deserializer<'de>>(self, d: D) -> Result<(), D::Error> {
        d.deserialize_seq(self)
    }
}

impl<'de, S: CardSink> serde::de::Visitor<'de> for CardsSeed<'_, S> {
    type Value = ();

    fn expecting(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("a sequence")
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<(), A::Error> {
        while let Some(card) = seq.next_element::<RawCard>()? {
            self.0.card(card);
        }
        Ok(())
    }
}
