//! The checked deck model: what the rest of quizdeck works with once a deck has passed
//! [`super::validate`].

use crate::ids::{CardId, DeckId, ItemKey, Part};
use crate::message::Message;
use crate::text::Text;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A validated deck.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Deck {
    /// Stable deck id.
    pub id: DeckId,
    /// Title shown in the library.
    pub title: String,
    /// A paragraph about the deck.
    pub description: String,
    /// Language tag of the deck's text.
    pub language: String,
    /// Who wrote it.
    pub authors: Vec<String>,
    /// The deck's own edition number.
    pub version: u32,
    /// Cited documents by key.
    pub sources: BTreeMap<String, Source>,
    /// The cards, in deck order.
    pub cards: Vec<Card>,
    /// Where each card is in `cards`, by id: built once (by the validator, or on the
    /// first [`Deck::card`]) so looking a card up is O(1). A deck built by hand passes
    /// `CardIndex::default()`.
    #[serde(skip)]
    pub card_index: CardIndex,
}

/// A deck's card positions by id (see [`Deck::card`]). Built once; if `cards` was changed
/// after it was built, lookups notice and fall back to searching the cards. Two indexes
/// always compare equal: the index is derived data, not part of the deck.
#[derive(Clone, Default)]
pub struct CardIndex {
    built: std::sync::OnceLock<IndexMap>,
}

#[derive(Clone)]
struct IndexMap {
    /// How many cards there were when it was built.
    len: usize,
    /// [`IndexEntry`]s, sorted: 8 bytes a card and no copy of the ids (a map by id
    /// cloned every id: 100k allocations for a big deck).
    by_hash: Vec<IndexEntry>,
}

/// One card in a [`CardIndex`]: (a 32-bit hash of its id, its position). Ids of equal
/// hash (about one pair in 100,000 cards) are told apart by the cards themselves.
pub(crate) type IndexEntry = (u32, u32);

/// The hash an id is indexed by: the high half of its FxHash (the better mixed one).
fn id_hash(id: &str) -> u32 {
    use std::hash::BuildHasher;
    (rustc_hash::FxBuildHasher.hash_one(id) >> 32) as u32
}

impl CardIndex {
    /// An index of `cards`, built now.
    pub(crate) fn of(cards: &[Card]) -> Self {
        let idx = CardIndex::default();
        idx.get(cards);
        idx
    }

    /// The entry of the card `id` at `position` in an index (see [`CardIndex::from_entries`]).
    pub(crate) fn entry(id: &CardId, position: usize) -> IndexEntry {
        (id_hash(id.as_str()), position as u32)
    }

    /// An index of `len` cards from the entries of each ([`CardIndex::entry`]), sorted
    /// (kept without spare room).
    pub(crate) fn from_entries(len: usize, mut by_hash: Vec<IndexEntry>) -> Self {
        debug_assert!(by_hash.len() == len && by_hash.is_sorted());
        by_hash.shrink_to_fit();
        CardIndex {
            built: std::sync::OnceLock::from(IndexMap { len, by_hash }),
        }
    }

    fn get(&self, cards: &[Card]) -> &IndexMap {
        self.built.get_or_init(|| {
            let mut by_hash: Vec<IndexEntry> = (cards.iter().enumerate())
                .map(|(i, c)| Self::entry(&c.id, i))
                .collect();
            // Equal hashes in card order: the first card of a (refused) duplicate id
            // wins, as a search would.
            by_hash.sort_unstable();
            IndexMap {
                len: cards.len(),
                by_hash,
            }
        })
    }

    #[cfg(test)]
    /// How many entries the index holds and has room for (`None` before it is built).
    pub(crate) fn room(&self) -> Option<(usize, usize)> {
        (self.built.get()).map(|m| (m.by_hash.len(), m.by_hash.capacity()))
    }

    /// The card `id` in `cards` (the list this index was built for). O(log cards).
    fn find<'a>(&self, cards: &'a [Card], id: &CardId) -> Option<&'a Card> {
        let map = self.get(cards);
        if map.len == cards.len() {
            let h = id_hash(id.as_str());
            let from = map.by_hash.partition_point(|&(x, _)| x < h);
            let mut other = false;
            for &(x, i) in map.by_hash[from..].iter().take_while(|(x, _)| *x == h) {
                match cards.get(i as usize) {
                    Some(c) if &c.id == id => return Some(c),
                    // Another id with the same hash, or the cards were changed.
                    _ => other = x == h,
                }
            }
            if !other {
                return None;
            }
        }
        // The cards were changed after the index was built.
        cards.iter().find(|c| &c.id == id)
    }
}

impl std::fmt::Debug for CardIndex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self.built.get() {
            Some(m) => write!(f, "CardIndex({} cards)", m.len),
            None => f.write_str("CardIndex(not built)"),
        }
    }
}

impl PartialEq for CardIndex {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

/// A cited document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Source {
    /// The document's title.
    pub title: String,
    /// Where to find it (may be empty).
    pub url: String,
}

/// A card's citation: a document key and a section.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SourceRef {
    /// Key into the deck's sources.
    pub doc: Text,
    /// Section of the document (may be empty).
    pub section: Text,
}

/// A validated card.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Card {
    /// Stable card id.
    pub id: CardId,
    /// Free labels.
    pub tags: Box<[Text]>,
    /// Where the fact comes from.
    pub source: Option<SourceRef>,
    /// Context shown after the answer.
    pub note: Text,
    /// A picture relative to the deck's folder.
    pub image: Option<Text>,
    /// What is asked.
    pub kind: CardKind,
}

/// What a card asks.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind")]
pub enum CardKind {
    /// Front and back, self-rated.
    Basic {
        /// Prompt side.
        front: Text,
        /// Answer side.
        back: Text,
        /// Also asked back → front.
        reverse: bool,
    },
    /// A text with gaps.
    Cloze(Cloze),
    /// Typed answer.
    TypeIn {
        /// The question.
        question: Text,
        /// Accepted answers; the first is shown.
        answers: Box<[Text]>,
    },
    /// One right option among wrong ones.
    MultipleChoice {
        /// The question.
        question: Text,
        /// The right option.
        answer: Text,
        /// Wrong options.
        distractors: Box<[Text]>,
        /// Other options also counted right.
        also_correct: Box<[Text]>,
    },
    /// True or false.
    TrueFalse {
        /// The statement.
        statement: Text,
        /// Whether it is true.
        truth: bool,
        /// What is right instead (for false statements).
        correction: Text,
    },
    /// Put items in order.
    Order {
        /// The instruction.
        prompt: Text,
        /// Items in the correct order.
        items: Box<[Text]>,
    },
    /// Match left with right.
    Match {
        /// The instruction.
        prompt: Text,
        /// The pairs.
        pairs: Box<[(Text, Text)]>,
    },
    /// Point at a place on a picture.
    Locate {
        /// The instruction.
        prompt: Text,
        /// The question as practice tests and exams ask it, among the region names and
        /// without the picture; without it the card is asked only in study.
        choice_prompt: Option<Text>,
        /// The picture, relative to the deck's folder (also the card's `image`).
        picture: Text,
        /// The right region.
        answer: Box<Region>,
        /// Other named regions (a boxed slice: a card is as big as its biggest kind).
        others: Box<[Region]>,
    },
}

/// A named region of a picture, in the picture's pixel coordinates (x to the right, y
/// down, from the top-left corner).
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub struct Region {
    /// The region's name, shown after the answer and offered as a choice.
    pub name: String,
    /// Its outline.
    pub shape: Shape,
}

/// The outline of a [`Region`].
#[derive(Debug, Clone, PartialEq, Serialize, serde::Deserialize)]
pub enum Shape {
    /// A circle: centre and radius.
    Circle {
        /// Centre, x.
        x: f32,
        /// Centre, y.
        y: f32,
        /// Radius.
        r: f32,
    },
    /// A polygon: its corners in order (at least three).
    Polygon {
        /// The corners, `(x, y)`.
        points: Vec<(f32, f32)>,
    },
}

impl Region {
    /// Whether the point `(x, y)` is inside the region (on a circle's edge counts as
    /// inside; a polygon is tested by the even-odd rule, so it may be concave).
    pub(crate) fn contains(&self, x: f32, y: f32) -> bool {
        match &self.shape {
            Shape::Circle { x: cx, y: cy, r } => {
                let (dx, dy) = (x - cx, y - cy);
                dx * dx + dy * dy <= r * r
            }
            Shape::Polygon { points } => {
                let mut inside = false;
                let n = points.len();
                for i in 0..n {
                    let (xi, yi) = points[i];
                    let (xj, yj) = points[(i + n - 1) % n];
                    if (yi > y) != (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi {
                        inside = !inside;
                    }
                }
                inside
            }
        }
    }

    /// A point inside the region for a marker or a label: a circle's centre; for a
    /// polygon, the middle of its widest stretch along the horizontal line halfway down
    /// it (inside even for concave shapes), else the mean of its corners, else its first
    /// corner (a polygon with no area).
    pub fn anchor(&self) -> (f32, f32) {
        match &self.shape {
            Shape::Circle { x, y, .. } => (*x, *y),
            Shape::Polygon { points } => {
                let (_, y0, _, y1) = self.bounds();
                let y = (y0 + y1) / 2.0;
                let mut xs: Vec<f32> = (0..points.len())
                    .filter_map(|i| {
                        let (xa, ya) = points[i];
                        let (xb, yb) = points[(i + 1) % points.len()];
                        ((ya > y) != (yb > y)).then(|| xa + (y - ya) * (xb - xa) / (yb - ya))
                    })
                    .collect();
                xs.sort_by(f32::total_cmp);
                let n = points.len().max(1) as f32;
                let (sx, sy) = points
                    .iter()
                    .fold((0.0, 0.0), |(a, b), (x, y)| (a + x, b + y));
                let mean = (sx / n, sy / n);
                xs.chunks_exact(2)
                    .max_by(|a, b| (a[1] - a[0]).total_cmp(&(b[1] - b[0])))
                    .map(|w| ((w[0] + w[1]) / 2.0, y))
                    .filter(|&(x, y)| self.contains(x, y))
                    .or_else(|| self.contains(mean.0, mean.1).then_some(mean))
                    .or_else(|| points.first().copied())
                    .unwrap_or(mean)
            }
        }
    }

    /// The smallest rectangle holding the region: `(min x, min y, max x, max y)`.
    pub fn bounds(&self) -> (f32, f32, f32, f32) {
        match &self.shape {
            Shape::Circle { x, y, r } => (x - r, y - r, x + r, y + r),
            Shape::Polygon { points } => points.iter().fold(
                (
                    f32::INFINITY,
                    f32::INFINITY,
                    f32::NEG_INFINITY,
                    f32::NEG_INFINITY,
                ),
                |(a, b, c, d), &(x, y)| (a.min(x), b.min(y), c.max(x), d.max(y)),
            ),
        }
    }

    /// The region as one line of text, for spreadsheets and reports:
    /// `Name @ circle(x, y, r)` or `Name @ polygon(x y, x y, …)`.
    pub fn to_text(&self) -> String {
        match &self.shape {
            Shape::Circle { x, y, r } => format!("{} @ circle({x}, {y}, {r})", self.name),
            Shape::Polygon { points } => format!(
                "{} @ polygon({})",
                self.name,
                points
                    .iter()
                    .map(|(x, y)| format!("{x} {y}"))
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        }
    }
}

impl Region {
    /// Reads the text form written by [`Region::to_text`] (`Name @ circle(x, y, r)` or
    /// `Name @ polygon(x y, x y, x y)`), or says what is wrong with it.
    pub fn parse_text(text: &str) -> Result<Region, Message> {
        let m = |id: &'static str| Message::new(id).arg("region", text.trim());
        let (name, shape) = text.rsplit_once('@').ok_or_else(|| m("region-no-at"))?;
        let shape = shape.trim();
        let (head, args) = shape
            .strip_suffix(')')
            .and_then(|s| s.split_once('('))
            .ok_or_else(|| m("region-bad-form"))?;
        let num = |t: &str| {
            t.trim()
                .parse::<f32>()
                .ok()
                .filter(|v| v.is_finite())
                .ok_or_else(|| m("region-not-number").arg("value", t.trim()))
        };
        let shape = match head.trim().to_lowercase().as_str() {
            "circle" => {
                let v = args.split(',').map(num).collect::<Result<Vec<f32>, _>>()?;
                let [x, y, r] = v[..] else {
                    return Err(m("region-circle-args"));
                };
                Shape::Circle { x, y, r }
            }
            "polygon" => Shape::Polygon {
                points: args
                    .split(',')
                    .map(|pt| {
                        let mut it = pt.split_whitespace();
                        match (it.next(), it.next(), it.next()) {
                            (Some(x), Some(y), None) => Ok((num(x)?, num(y)?)),
                            _ => Err(m("region-bad-corner").arg("corner", pt.trim())),
                        }
                    })
                    .collect::<Result<Vec<_>, _>>()?,
            },
            other => return Err(m("region-unknown-shape").arg("shape", other)),
        };
        Ok(Region {
            name: name.trim().to_owned(),
            shape,
        })
    }
}

/// Where a click on a Locate card landed.
#[derive(Debug, Clone, PartialEq)]
pub struct LocateVerdict {
    /// Inside the right region.
    pub right: bool,
    /// The name of the region hit: the right one, another named one, or `None` for a
    /// point outside every region.
    pub hit: Option<String>,
}

/// Checks a point against a Locate card's regions: right inside `answer` (even where it
/// overlaps another region), otherwise the first other region holding the point is named.
pub fn check_locate(answer: &Region, others: &[Region], x: f32, y: f32) -> LocateVerdict {
    if answer.contains(x, y) {
        return LocateVerdict {
            right: true,
            hit: Some(answer.name.clone()),
        };
    }
    LocateVerdict {
        right: false,
        hit: others
            .iter()
            .find(|r| r.contains(x, y))
            .map(|r| r.name.clone()),
    }
}

/// The kinds of card, without their content.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum KindName {
    /// [`CardKind::Basic`].
    Basic,
    /// [`CardKind::Cloze`].
    Cloze,
    /// [`CardKind::TypeIn`].
    TypeIn,
    /// [`CardKind::MultipleChoice`].
    MultipleChoice,
    /// [`CardKind::TrueFalse`].
    TrueFalse,
    /// [`CardKind::Order`].
    Order,
    /// [`CardKind::Match`].
    Match,
    /// [`CardKind::Locate`].
    Locate,
}

impl KindName {
    /// Every kind, in a fixed order.
    pub const ALL: [KindName; 8] = [
        KindName::Basic,
        KindName::Cloze,
        KindName::TypeIn,
        KindName::MultipleChoice,
        KindName::TrueFalse,
        KindName::Order,
        KindName::Match,
        KindName::Locate,
    ];

    /// The name as written in deck files.
    pub fn as_str(self) -> &'static str {
        match self {
            KindName::Basic => "Basic",
            KindName::Cloze => "Cloze",
            KindName::TypeIn => "TypeIn",
            KindName::MultipleChoice => "MultipleChoice",
            KindName::TrueFalse => "TrueFalse",
            KindName::Order => "Order",
            KindName::Match => "Match",
            KindName::Locate => "Locate",
        }
    }
}

impl std::fmt::Display for KindName {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

/// A cloze text split into plain text and gaps.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Cloze {
    /// The text as written, with its markers.
    pub text: Text,
    /// The text split into pieces.
    #[serde(skip)]
    pub segments: Vec<ClozeSegment>,
}

/// A piece of a cloze text.
#[derive(Debug, Clone, PartialEq)]
pub enum ClozeSegment {
    /// Plain text.
    Text(Text),
    /// A gap.
    Gap(ClozeGap),
}

/// One `{{cN::answer::hint}}` gap.
#[derive(Debug, Clone, PartialEq)]
pub struct ClozeGap {
    /// The gap number N (the study item's part).
    pub number: u32,
    /// Accepted answers; the first is shown.
    pub answers: Vec<Text>,
    /// Optional hint shown in the gap.
    pub hint: Option<Text>,
}

/// A problem found while splitting a cloze text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ClozeProblem {
    /// `{{` without a matching `}}`.
    Unclosed,
    /// A marker that is not `cN::…`.
    BadMarker(String),
    /// A gap whose answer is empty.
    EmptyAnswer(u32),
}

impl Cloze {
    /// Splits `text` into segments, or says what is wrong with its markers. The
    /// segments, answers and hints are slices of the text (no copies of their own).
    pub fn parse(text: impl Into<Text>) -> Result<Cloze, ClozeProblem> {
        let text: Text = text.into();
        let mut segments = Vec::new();
        let mut rest = 0;
        while let Some(start) = text[rest..].find("{{").map(|i| rest + i) {
            if start > rest {
                segments.push(ClozeSegment::Text(text.slice(rest..start)));
            }
            let inner = start + 2;
            let end = text[inner..].find("}}").ok_or(ClozeProblem::Unclosed)? + inner;
            segments.push(ClozeSegment::Gap(parse_gap(&text, inner..end)?));
            rest = end + 2;
        }
        if rest < text.len() {
            segments.push(ClozeSegment::Text(text.slice(rest..text.len())));
        }
        Ok(Cloze { text, segments })
    }

    /// The distinct gap numbers, sorted.
    pub fn numbers(&self) -> Vec<u32> {
        let mut n: Vec<u32> = self.gaps().map(|g| g.number).collect();
        n.sort_unstable();
        n.dedup();
        n
    }

    /// All gaps in text order.
    pub fn gaps(&self) -> impl Iterator<Item = &ClozeGap> {
        self.segments.iter().filter_map(|s| match s {
            ClozeSegment::Gap(g) => Some(g),
            ClozeSegment::Text(_) => None,
        })
    }

    /// The text with gap `number` hidden (as `[…]` or `[hint]`) and the others filled.
    pub(crate) fn question(&self, number: u32) -> String {
        self.render(|g| {
            if g.number == number {
                match &g.hint {
                    Some(h) => format!("[{h}]"),
                    None => "[…]".to_owned(),
                }
            } else {
                g.answers[0].to_string()
            }
        })
    }

    /// The text with every gap filled.
    pub fn full_text(&self) -> String {
        self.render(|g| g.answers[0].to_string())
    }

    /// Accepted answers for gap `number` (several gaps with one number join with " … ").
    pub fn answers(&self, number: u32) -> Vec<String> {
        let gaps: Vec<&ClozeGap> = self.gaps().filter(|g| g.number == number).collect();
        match gaps.as_slice() {
            [] => Vec::new(),
            [one] => one.answers.iter().map(String::from).collect(),
            many => vec![
                many.iter()
                    .map(|g| g.answers[0].as_str())
                    .collect::<Vec<_>>()
                    .join(" … "),
            ],
        }
    }

    fn render(&self, gap: impl Fn(&ClozeGap) -> String) -> String {
        let mut out = String::new();
        for s in &self.segments {
            match s {
                ClozeSegment::Text(t) => out.push_str(t),
                ClozeSegment::Gap(g) => out.push_str(&gap(g)),
            }
        }
        out
    }
}

/// The gap written at `range` of `text` (between its braces).
fn parse_gap(text: &Text, range: std::ops::Range<usize>) -> Result<ClozeGap, ClozeProblem> {
    let inner = &text[range];
    let bad = || ClozeProblem::BadMarker(inner.to_owned());
    let mut parts = inner.splitn(3, "::");
    let head = parts.next().ok_or_else(bad)?;
    let number: u32 = head
        .strip_prefix('c')
        .or_else(|| head.strip_prefix('C'))
        .and_then(|n| n.parse().ok())
        .ok_or_else(bad)?;
    let answer = parts.next().ok_or_else(bad)?;
    let answers: Vec<Text> = answer
        .split('|')
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| text.slice_of(a))
        .collect();
    if answers.is_empty() {
        return Err(ClozeProblem::EmptyAnswer(number));
    }
    let hint = parts
        .next()
        .map(str::trim)
        .filter(|h| !h.is_empty())
        .map(|h| text.slice_of(h));
    Ok(ClozeGap {
        number,
        answers,
        hint,
    })
}

impl CardKind {
    /// The kind's name.
    pub(crate) fn name(&self) -> KindName {
        match self {
            CardKind::Basic { .. } => KindName::Basic,
            CardKind::Cloze(_) => KindName::Cloze,
            CardKind::TypeIn { .. } => KindName::TypeIn,
            CardKind::MultipleChoice { .. } => KindName::MultipleChoice,
            CardKind::TrueFalse { .. } => KindName::TrueFalse,
            CardKind::Order { .. } => KindName::Order,
            CardKind::Match { .. } => KindName::Match,
            CardKind::Locate { .. } => KindName::Locate,
        }
    }

    /// The main text a student reads first (question, front, statement, prompt, cloze
    /// text with every gap filled).
    pub fn prompt_text(&self) -> String {
        match self {
            CardKind::Basic { front, .. } => front.to_string(),
            CardKind::Cloze(c) => c.full_text(),
            CardKind::TypeIn { question, .. } | CardKind::MultipleChoice { question, .. } => {
                question.to_string()
            }
            CardKind::TrueFalse { statement, .. } => statement.to_string(),
            CardKind::Order { prompt, .. }
            | CardKind::Match { prompt, .. }
            | CardKind::Locate { prompt, .. } => prompt.to_string(),
        }
    }
}

/// The right answer of one study item, as the browse details show it: the text, and for
/// a true/false statement whether it is true (for the interface to word in its language;
/// the text is then the correction).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemAnswer {
    /// True or false, for a true/false statement.
    pub truth: Option<bool>,
    /// The answer (alternatives joined with " / ", an order with " › ", pairs as
    /// "left = right" joined with "; "), or a false statement's correction.
    pub text: String,
}

impl CardKind {
    /// What study item `part` of a card of this kind shows: a cloze item's text with its
    /// gap hidden, the back of a reversed Basic card's second item, otherwise the prompt.
    pub fn item_text(&self, part: Part) -> String {
        match (self, part) {
            (CardKind::Cloze(c), n) => c.question(n),
            (CardKind::Basic { back, .. }, 1) => back.to_string(),
            (k, _) => k.prompt_text(),
        }
    }

    /// The right answer of study item `part` of a card of this kind.
    pub fn item_answer(&self, part: Part) -> ItemAnswer {
        let text = |text: String| ItemAnswer { truth: None, text };
        match (self, part) {
            (CardKind::Basic { front, .. }, 1) => text(front.to_string()),
            (CardKind::Basic { back, .. }, _) => text(back.to_string()),
            (CardKind::Cloze(c), n) => text(c.answers(n).join(" / ")),
            (CardKind::TypeIn { answers, .. }, _) => text(answers.join(" / ")),
            (CardKind::MultipleChoice { answer, .. }, _) => text(answer.to_string()),
            (
                CardKind::TrueFalse {
                    truth, correction, ..
                },
                _,
            ) => ItemAnswer {
                truth: Some(*truth),
                text: correction.to_string(),
            },
            (CardKind::Order { items, .. }, _) => text(items.join(" › ")),
            (CardKind::Match { pairs, .. }, _) => text(
                pairs
                    .iter()
                    .map(|(l, r)| format!("{l} = {r}"))
                    .collect::<Vec<_>>()
                    .join("; "),
            ),
            (CardKind::Locate { answer, .. }, _) => text(answer.name.clone()),
        }
    }
}

/// What one study item takes beyond its card while its deck is open, counted in
/// [`Card::memory_bytes`] so that the deck's memory limit bounds it too: its key in the
/// library's item list and in the queue that counts or studies it (56 bytes each, ids of
/// up to 23 bytes held inside the key), and the queue's tables, sets and index (about 50
/// bytes, and 40 more while it is built). A cloze of a thousand one-letter gaps takes far
/// more here than its text.
pub const ITEM_BYTES: usize = 208;

impl Card {
    /// How many study items the card has: 2 for a reversed Basic card, one per gap number
    /// for a cloze, 1 otherwise (what `parts().len()` is, without the list).
    pub fn part_count(&self) -> usize {
        match &self.kind {
            CardKind::Basic { reverse: true, .. } => 2,
            CardKind::Cloze(_) => self.parts().len(),
            _ => 1,
        }
    }

    /// About how many bytes the card takes in memory once loaded and studied: its own size,
    /// every allocation of its texts and lists as the allocator gives them (at least 32
    /// bytes each, in steps of 16), and [`ITEM_BYTES`] for each of its study items. What
    /// [`MAX_DECK_MEMORY`](super::MAX_DECK_MEMORY) bounds.
    pub fn memory_bytes(&self) -> usize {
        /// An allocation of `n` bytes.
        fn block(n: usize) -> usize {
            if n == 0 {
                0
            } else {
                (n + 8).div_ceil(16).max(2) * 16
            }
        }
        /// A text of its own: its buffer with the buffer's 16-byte head (a text read
        /// from the deck cache shares one buffer with its neighbours and takes less).
        fn text(s: &str) -> usize {
            if s.is_empty() { 0 } else { block(16 + s.len()) }
        }
        fn texts(v: &[Text]) -> usize {
            block(std::mem::size_of_val(v)) + v.iter().map(|s| text(s)).sum::<usize>()
        }
        fn region(r: &Region) -> usize {
            text(&r.name)
                + match &r.shape {
                    Shape::Circle { .. } => 0,
                    Shape::Polygon { points } => block(std::mem::size_of_val(points.as_slice())),
                }
        }
        let kind = match &self.kind {
            CardKind::Basic { front, back, .. } => text(front) + text(back),
            CardKind::Cloze(c) => {
                text(&c.text)
                    + block(std::mem::size_of_val(c.segments.as_slice()))
                    + c.segments
                        .iter()
                        .map(|s| match s {
                            ClozeSegment::Text(t) => text(t),
                            ClozeSegment::Gap(g) => {
                                texts(&g.answers) + g.hint.as_deref().map_or(0, text)
                            }
                        })
                        .sum::<usize>()
            }
            CardKind::TypeIn { question, answers } => text(question) + texts(answers),
            CardKind::MultipleChoice {
                question,
                answer,
                distractors,
                also_correct,
            } => text(question) + text(answer) + texts(distractors) + texts(also_correct),
            CardKind::TrueFalse {
                statement,
                correction,
                ..
            } => text(statement) + text(correction),
            CardKind::Order { prompt, items } => text(prompt) + texts(items),
            CardKind::Match { prompt, pairs } => {
                text(prompt)
                    + block(std::mem::size_of_val(&**pairs))
                    + pairs.iter().map(|(a, b)| text(a) + text(b)).sum::<usize>()
            }
            CardKind::Locate {
                prompt,
                choice_prompt,
                picture,
                answer,
                others,
            } => {
                text(prompt)
                    + choice_prompt.as_ref().map_or(0, |t| text(t))
                    + text(picture)
                    + region(answer)
                    + block(std::mem::size_of_val(&**others))
                    + others.iter().map(region).sum::<usize>()
            }
        };
        std::mem::size_of::<Card>()
            + block(self.id.heap_bytes())
            + texts(&self.tags)
            + self
                .source
                .as_ref()
                .map_or(0, |s| text(&s.doc) + text(&s.section))
            + text(&self.note)
            + self.image.as_deref().map_or(0, text)
            + kind
            + self.part_count() * ITEM_BYTES
    }

    /// The card's study items, as parts: 0, plus 1 for a reversed Basic card; one per gap
    /// number for a cloze.
    pub fn parts(&self) -> Vec<Part> {
        match &self.kind {
            CardKind::Cloze(c) => c.numbers(),
            _ => {
                let mut parts = Vec::with_capacity(2);
                self.each_part(|p| parts.push(p));
                parts
            }
        }
    }

    /// Calls `f` with each of [`Card::parts`], in order, with no list made but for a
    /// cloze (listing every item of a big deck made a list for every card).
    pub(crate) fn each_part(&self, mut f: impl FnMut(Part)) {
        match &self.kind {
            CardKind::Basic { reverse: true, .. } => {
                f(0);
                f(1);
            }
            CardKind::Cloze(c) => c.numbers().into_iter().for_each(f),
            _ => f(0),
        }
    }

    /// The card's id and study items without its texts ([`CardOutline`]).
    pub(crate) fn outline(&self) -> CardOutline {
        CardOutline {
            id: self.id.clone(),
            parts: match &self.kind {
                CardKind::Basic { reverse: true, .. } => OutlineParts::Two,
                CardKind::Cloze(c) => OutlineParts::Numbers(numbers_bytes(&c.numbers())),
                _ => OutlineParts::One,
            },
        }
    }
}

/// A card's id and its study items, without its texts: what the library's figures need
/// ([`crate::overview`]). A deck cache entry holds its cards' outline ahead of the cards,
/// so a profile's library shows its figures before the cards are read
/// ([`crate::library::Opening`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct CardOutline {
    /// The card's id.
    pub(crate) id: CardId,
    /// Its study items' part numbers.
    pub(crate) parts: OutlineParts,
}

/// A card's study items' part numbers ([`Card::each_part`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) enum OutlineParts {
    /// Part 0 alone (most kinds).
    One,
    /// Parts 0 and 1 (a reversed Basic card).
    Two,
    /// A cloze's gap numbers, sorted and distinct, each as a varint ([`numbers_bytes`]):
    /// no larger in memory than in the cache file, however a forged one is made.
    Numbers(Vec<u8>),
}

/// Gap numbers as [`OutlineParts::Numbers`] holds them.
fn numbers_bytes(numbers: &[Part]) -> Vec<u8> {
    let mut out = Vec::with_capacity(numbers.len());
    for &n in numbers {
        let mut buf = [0; 5];
        if let Ok(b) = postcard::to_slice(&n, &mut buf) {
            out.extend_from_slice(b);
        }
    }
    out
}

impl CardOutline {
    /// Calls `f` with each study item's part, as [`Card::each_part`] does for the card.
    pub(crate) fn each_part(&self, mut f: impl FnMut(Part)) {
        match &self.parts {
            OutlineParts::One => f(0),
            OutlineParts::Two => {
                f(0);
                f(1);
            }
            OutlineParts::Numbers(bytes) => {
                let mut rest = &bytes[..];
                while let Ok((n, tail)) = postcard::take_from_bytes::<Part>(rest) {
                    f(n);
                    rest = tail;
                }
            }
        }
    }

    /// How many study items the outline names, if its part numbers are well formed (a
    /// cloze's: at least one, rising); `None` for a forged one.
    pub(crate) fn part_count(&self) -> Option<usize> {
        let OutlineParts::Numbers(bytes) = &self.parts else {
            return Some(if self.parts == OutlineParts::Two {
                2
            } else {
                1
            });
        };
        let (mut rest, mut n, mut last) = (&bytes[..], 0, None);
        while !rest.is_empty() {
            let (x, tail) = postcard::take_from_bytes::<Part>(rest).ok()?;
            if last.is_some_and(|l| x <= l) {
                return None;
            }
            (last, n, rest) = (Some(x), n + 1, tail);
        }
        (n > 0).then_some(n)
    }

    /// True when this is `card`'s outline (its id and its study items).
    pub(crate) fn is_of(&self, card: &Card) -> bool {
        self.id == card.id
            && match (&self.parts, &card.kind) {
                (OutlineParts::Two, CardKind::Basic { reverse, .. }) => *reverse,
                (OutlineParts::One, CardKind::Basic { reverse, .. }) => !*reverse,
                (OutlineParts::Numbers(n), CardKind::Cloze(c)) => *n == numbers_bytes(&c.numbers()),
                (OutlineParts::One, kind) => !matches!(kind, CardKind::Cloze(_)),
                _ => false,
            }
    }
}

impl Deck {
    /// The deck without its cards (its id, title, edition and sources).
    pub(crate) fn without_cards(&self) -> Deck {
        Deck {
            id: self.id.clone(),
            title: self.title.clone(),
            description: self.description.clone(),
            language: self.language.clone(),
            authors: self.authors.clone(),
            version: self.version,
            sources: self.sources.clone(),
            cards: Vec::new(),
            card_index: CardIndex::default(),
        }
    }

    /// Every study item of the deck, in deck order.
    pub fn items(&self) -> Vec<ItemKey> {
        let mut items = Vec::with_capacity(self.item_count());
        self.push_items(&mut items);
        items
    }

    /// The study items of `decks`, deck after deck, in one list sized first (a list grown
    /// by doubling held up to twice the keys).
    pub fn items_of<'a>(decks: impl Iterator<Item = &'a Deck> + Clone) -> Vec<ItemKey> {
        let mut items = Vec::with_capacity(decks.clone().map(Deck::item_count).sum());
        for d in decks {
            d.push_items(&mut items);
        }
        items
    }

    /// Appends the deck's study items to `out`, in card order (see [`Deck::items`]).
    fn push_items(&self, out: &mut Vec<ItemKey>) {
        for c in &self.cards {
            c.each_part(|p| out.push(ItemKey::new(self.id.clone(), c.id.clone(), p)));
        }
    }

    /// Number of study items.
    pub fn item_count(&self) -> usize {
        self.cards.iter().map(Card::part_count).sum()
    }

    /// The card with this id, in O(1) through [`Deck::card_index`].
    pub fn card(&self, id: &CardId) -> Option<&Card> {
        self.card_index.find(&self.cards, id)
    }

    /// The kinds the deck uses, each once, in [`KindName::ALL`] order.
    pub fn kinds_used(&self) -> Vec<KindName> {
        KindName::ALL
            .into_iter()
            .filter(|k| self.cards.iter().any(|c| c.kind.name() == *k))
            .collect()
    }

    /// A card's source as a reader sees it: "Document title › Section".
    pub fn source_label(&self, card: &Card) -> Option<String> {
        let r = card.source.as_ref()?;
        let title = self
            .sources
            .get(r.doc.as_str())
            .map(|s| s.title.as_str())
            .unwrap_or(&r.doc);
        Some(if r.section.is_empty() {
            title.to_owned()
        } else {
            format!("{title} › {}", r.section)
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn circle(name: &str, x: f32, y: f32, r: f32) -> Region {
        Region {
            name: name.into(),
            shape: Shape::Circle { x, y, r },
        }
    }

    /// The memory a card is counted for includes its study items' share: a reversed card
    /// counts one item more, and a cloze of many one-letter gaps counts for its gaps,
    /// not its few bytes of text.
    #[test]
    fn a_cards_memory_counts_each_of_its_study_items() {
        let card = |kind: CardKind| Card {
            id: CardId::new("c1"),
            tags: Box::default(),
            source: None,
            note: String::new().into(),
            image: None,
            kind,
        };
        let basic = |reverse| {
            card(CardKind::Basic {
                front: "Front".into(),
                back: "Back".into(),
                reverse,
            })
        };
        assert_eq!(
            basic(true).memory_bytes(),
            basic(false).memory_bytes() + ITEM_BYTES
        );
        let gaps = (1..=500)
            .map(|n| format!("{{{{c{n}::a}}}}"))
            .collect::<Vec<_>>();
        let cloze = card(CardKind::Cloze(Cloze::parse(gaps.join(" ")).unwrap()));
        assert_eq!(cloze.part_count(), 500);
        assert!(cloze.memory_bytes() > 500 * ITEM_BYTES);
        // An id of up to 23 bytes sits inside the card; a longer one is counted.
        let mut long = basic(false);
        long.id = CardId::new("an-id-longer-than-the-inline-limit");
        assert!(long.memory_bytes() >= basic(false).memory_bytes() + 16 + long.id.as_str().len());
    }

    #[test]
    fn each_study_item_has_its_text_and_its_answer() {
        let basic = CardKind::Basic {
            front: "Front".into(),
            back: "Back".into(),
            reverse: true,
        };
        assert_eq!(
            (basic.item_text(0), basic.item_text(1)),
            ("Front".into(), "Back".into())
        );
        let text = |t: &str| ItemAnswer {
            truth: None,
            text: t.into(),
        };
        assert_eq!(basic.item_answer(0), text("Back"));
        assert_eq!(basic.item_answer(1), text("Front"));
        let c = Cloze::parse("{{c1::Riga}} and {{c2::Tallinn}}").unwrap();
        let question = c.question(2);
        let cloze = CardKind::Cloze(c);
        assert_eq!(cloze.item_text(2), question);
        assert_eq!(cloze.item_answer(2), text("Tallinn"));
        let tf = CardKind::TrueFalse {
            statement: "Riga is in Estonia.".into(),
            truth: false,
            correction: "In Latvia.".into(),
        };
        assert_eq!(tf.item_text(0), "Riga is in Estonia.");
        assert_eq!(
            tf.item_answer(0),
            ItemAnswer {
                truth: Some(false),
                text: "In Latvia.".into()
            }
        );
        let pairs = CardKind::Match {
            prompt: "Match".into(),
            pairs: vec![("a".into(), "1".into()), ("b".into(), "2".into())].into(),
        };
        assert_eq!(pairs.item_answer(0), text("a = 1; b = 2"));
    }

    #[test]
    fn points_are_checked_against_circles_and_polygons() {
        let c = circle("Riga", 100.0, 100.0, 10.0);
        assert!(c.contains(100.0, 100.0));
        assert!(c.contains(110.0, 100.0), "the edge is inside");
        assert!(!c.contains(108.0, 108.0));
        // A concave "L": the notch is outside.
        let l = Region {
            name: "L".into(),
            shape: Shape::Polygon {
                points: vec![
                    (0.0, 0.0),
                    (10.0, 0.0),
                    (10.0, 4.0),
                    (4.0, 4.0),
                    (4.0, 10.0),
                    (0.0, 10.0),
                ],
            },
        };
        assert!(l.contains(2.0, 8.0));
        assert!(l.contains(8.0, 2.0));
        assert!(!l.contains(8.0, 8.0), "the notch");
        assert!(!l.contains(-1.0, 5.0));
        let (ax, ay) = l.anchor();
        assert!(l.contains(ax, ay), "the anchor is inside");
        // A "U" whose mean falls in the gap: the anchor is in one of its arms.
        let u = Region {
            name: "U".into(),
            shape: Shape::Polygon {
                points: vec![
                    (0.0, 0.0),
                    (2.0, 0.0),
                    (2.0, 8.0),
                    (8.0, 8.0),
                    (8.0, 0.0),
                    (10.0, 0.0),
                    (10.0, 10.0),
                    (0.0, 10.0),
                ],
            },
        };
        let (ux, uy) = u.anchor();
        assert!(u.contains(ux, uy), "{ux},{uy}");
        assert_eq!(l.bounds(), (0.0, 0.0, 10.0, 10.0));
        assert_eq!(c.to_text(), "Riga @ circle(100, 100, 10)");
        assert!(l.to_text().starts_with("L @ polygon(0 0, 10 0, 10 4"));
        for r in [&c, &l] {
            assert_eq!(&Region::parse_text(&r.to_text()).unwrap(), r);
        }
        let frac = circle("Kaunas @ night", 1.5, 2.25, 3.0);
        assert_eq!(Region::parse_text(&frac.to_text()).unwrap(), frac);
        for bad in [
            "Riga",
            "Riga @ circle(1, 2)",
            "Riga @ square(1, 2, 3)",
            "Riga @ circle(1, x, 3)",
            "Riga @ polygon(1 2 3, 4 5)",
            "Riga @ circle(1, NaN, 3)",
        ] {
            assert!(Region::parse_text(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn a_locate_answer_is_right_inside_the_answer_even_where_regions_overlap() {
        let answer = circle("Liepāja", 50.0, 50.0, 10.0);
        let others = [
            circle("Ventspils", 55.0, 50.0, 10.0),
            circle("Riga", 200.0, 50.0, 10.0),
        ];
        let v = check_locate(&answer, &others, 52.0, 50.0);
        assert!(v.right);
        assert_eq!(v.hit.as_deref(), Some("Liepāja"));
        let v = check_locate(&answer, &others, 201.0, 52.0);
        assert!(!v.right);
        assert_eq!(v.hit.as_deref(), Some("Riga"));
        let v = check_locate(&answer, &others, 500.0, 500.0);
        assert_eq!(
            v,
            LocateVerdict {
                right: false,
                hit: None
            }
        );
    }

    #[test]
    fn cloze_parses_gaps_hints_and_alternatives() {
        let c = Cloze::parse("Signed on {{c1::23 August|24 August::a day}} by {{c2::Molotov}}.")
            .unwrap();
        assert_eq!(c.numbers(), vec![1, 2]);
        assert_eq!(c.question(1), "Signed on [a day] by Molotov.");
        assert_eq!(c.question(2), "Signed on 23 August by […].");
        assert_eq!(c.answers(1), vec!["23 August", "24 August"]);
        assert_eq!(c.full_text(), "Signed on 23 August by Molotov.");
    }

    #[test]
    fn cloze_problems_are_named() {
        assert_eq!(Cloze::parse("a {{c1::b"), Err(ClozeProblem::Unclosed));
        assert!(matches!(
            Cloze::parse("a {{x::b}}"),
            Err(ClozeProblem::BadMarker(_))
        ));
        assert_eq!(
            Cloze::parse("a {{c2::}}"),
            Err(ClozeProblem::EmptyAnswer(2))
        );
        assert!(Cloze::parse("no gaps").unwrap().numbers().is_empty());
    }

    #[test]
    fn same_number_gaps_are_one_item() {
        let c = Cloze::parse("{{c1::A}} and {{c1::B}} then {{c2::C}}").unwrap();
        assert_eq!(c.numbers(), vec![1, 2]);
        assert_eq!(c.answers(1), vec!["A … B"]);
        assert_eq!(c.question(1), "[…] and […] then C");
    }

    fn basic(id: &str) -> Card {
        Card {
            id: CardId::new(id),
            tags: Box::default(),
            source: None,
            note: String::new().into(),
            image: None,
            kind: CardKind::Basic {
                front: format!("front {id}").into(),
                back: "back".into(),
                reverse: false,
            },
        }
    }

    fn deck_of(card_index: CardIndex, cards: Vec<Card>) -> Deck {
        Deck {
            id: DeckId::new("d"),
            title: "D".into(),
            description: String::new(),
            language: "en".into(),
            authors: vec![],
            version: 1,
            sources: BTreeMap::new(),
            card_index,
            cards,
        }
    }

    #[test]
    fn card_lookup_uses_the_index_and_survives_later_edits() {
        let cards: Vec<Card> = (0..1000).map(|i| basic(&format!("c{i}"))).collect();
        let mut deck = deck_of(CardIndex::of(&cards), cards);
        for i in [0, 1, 499, 999] {
            let id = CardId::new(format!("c{i}"));
            assert_eq!(deck.card(&id).map(|c| &c.id), Some(&id));
        }
        assert!(deck.card(&CardId::new("c1000")).is_none());
        assert!(format!("{:?}", deck.card_index).contains("1000 cards"));
        // Changed after the index was built: still answered right.
        deck.cards.swap(0, 999);
        assert_eq!(deck.card(&CardId::new("c0")).unwrap().id.as_str(), "c0");
        deck.cards.push(basic("late"));
        assert_eq!(deck.card(&CardId::new("late")).unwrap().id.as_str(), "late");
        assert!(deck.card(&CardId::new("nope")).is_none());
    }

    #[test]
    fn a_deck_built_by_hand_indexes_on_first_lookup() {
        let deck = deck_of(CardIndex::default(), vec![basic("a"), basic("b")]);
        assert!(format!("{:?}", deck.card_index).contains("not built"));
        assert_eq!(deck.card(&CardId::new("b")).unwrap().id.as_str(), "b");
        assert!(format!("{:?}", deck.card_index).contains("2 cards"));
        assert_eq!(deck.clone(), deck);
        // A (refused) duplicate id: the first card wins, as a search would.
        let cards = vec![basic("x"), basic("a"), basic("a"), basic("y")];
        let deck = deck_of(CardIndex::of(&cards), cards);
        let found = deck.card(&CardId::new("a")).unwrap();
        assert!(std::ptr::eq(found, &deck.cards[1]));
    }
}
