//! The second stage of loading: check a parsed [`RawDeck`] and build the [`Deck`] model.
//!
//! Every problem is collected (not just the first), each with the path of the offending
//! value so the caller can point at its line and column.

use super::diag::{MAX_DIAGNOSTICS, Severity};
use super::model::{Card, CardKind, Cloze, ClozeProblem, Deck, Region, Shape, Source, SourceRef};
use super::raw::{LOCATE_FORMAT, RawCard, RawDeck, RawKind, RawRegion, RawSource};
use crate::answer::normalize_for_search as fold;
use crate::ids::{CardId, DeckId, check_id};
use crate::message::Message;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::{Component, Path};

mod kind;
mod picture;
mod similar;

use kind::check_kind;
use picture::{Pictures, check_image, check_locate_card};
use similar::{Similar, SimilarKey};

/// A problem found by validation, placed by the path of the value it is about.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Issue {
    /// Error or warning.
    pub severity: Severity,
    /// Stable short name of the problem.
    pub code: &'static str,
    /// Path of the offending value, e.g. `cards[3].kind.answer`.
    pub path: String,
    /// What is wrong.
    pub message: Message,
    /// How to fix it.
    pub hint: Option<Message>,
    /// Another place the message refers to (e.g. the first use of a duplicated id).
    pub related: Option<String>,
}

/// The issues found so far: the first [`MAX_DIAGNOSTICS`] kept, the rest only counted,
/// so a deck with a million broken cards costs bounded memory.
#[derive(Default)]
struct Issues {
    list: Vec<Issue>,
    /// Errors and warnings found beyond the first [`MAX_DIAGNOSTICS`].
    omitted: [usize; 2],
    /// Texts refused as too long so far.
    too_long: usize,
    /// Where an issue beyond the cap is written (and then forgotten).
    spare: Option<Issue>,
    /// Every card with an error, kept or not (a spreadsheet import leaves their rows out).
    error_cards: Vec<usize>,
}

impl Issues {
    fn push(
        &mut self,
        severity: Severity,
        code: &'static str,
        path: String,
        message: Message,
        hint: Message,
    ) -> &mut Issue {
        let issue = Issue {
            severity,
            code,
            path,
            message,
            hint: Some(hint),
            related: None,
        };
        if severity == Severity::Error
            && let Some(i) = card_index(&issue.path)
            && self.error_cards.last() != Some(&i)
        {
            self.error_cards.push(i);
        }
        if self.list.len() < MAX_DIAGNOSTICS {
            self.list.push(issue);
            self.list.last_mut().expect("just pushed")
        } else {
            self.omitted[usize::from(severity == Severity::Error)] += 1;
            self.spare.insert(issue)
        }
    }

    /// Adds the issues of another run, keeping the cap.
    fn extend(&mut self, other: Issues) {
        for (mine, theirs) in self.omitted.iter_mut().zip(other.omitted) {
            *mine += theirs;
        }
        self.too_long += other.too_long;
        self.list.extend(other.list);
        self.error_cards.extend(other.error_cards);
    }

    /// Every issue kept, in card order; past [`MAX_DIAGNOSTICS`], one last issue (at the
    /// first one left out) counts the rest.
    fn finish(self) -> Vec<Issue> {
        let Issues {
            mut list,
            mut omitted,
            ..
        } = self;
        list.sort_by_key(|i| card_index(&i.path));
        // Each run kept its own first issues in card order, so the first ones overall are
        // among those kept.
        let rest = list.split_off(list.len().min(MAX_DIAGNOSTICS));
        for i in &rest {
            omitted[usize::from(i.severity == Severity::Error)] += 1;
        }
        let [warnings, errors] = omitted;
        if errors + warnings > 0 {
            let path = rest.first().map_or_else(
                || list.last().map(|i| i.path.clone()).unwrap_or_default(),
                |i| i.path.clone(),
            );
            list.push(Issue {
                severity: if errors > 0 {
                    Severity::Error
                } else {
                    Severity::Warning
                },
                code: "more-problems",
                path,
                message: Message::new("check-more-problems")
                    .arg("errors", errors)
                    .arg("warnings", warnings)
                    .arg("max", MAX_DIAGNOSTICS),
                hint: Some(Message::new("check-more-problems-hint")),
                related: None,
            });
        }
        list
    }

    fn error(&mut self, code: &'static str, path: String, message: Message, hint: Message) {
        self.push(Severity::Error, code, path, message, hint);
    }

    fn warn(&mut self, code: &'static str, path: String, message: Message, hint: Message) {
        self.push(Severity::Warning, code, path, message, hint);
    }

    /// Reports an empty text. The path is built only when there is a problem (validation
    /// runs over every text of large decks).
    /// `what` is the id of the field's name (`field-…`).
    fn non_empty(&mut self, path: impl FnOnce() -> String, what: &'static str, value: &str) {
        if value.len() > super::MAX_TEXT_BYTES {
            self.too_long(path(), what, value);
        } else if value.trim().is_empty() {
            self.error(
                "empty-text",
                path(),
                Message::new("check-empty-text").arg("what", Message::new(what)),
                Message::new("check-empty-text-hint").arg("what", Message::new(what)),
            );
        }
    }
}

impl Issues {
    /// Reports a text longer than [`super::MAX_TEXT_BYTES`].
    fn too_long(&mut self, path: String, what: &'static str, value: &str) {
        self.too_long += 1;
        self.error(
            "too-long-text",
            path,
            Message::new("check-too-long-text")
                .arg("what", Message::new(what))
                .arg("size", value.len() / 1024)
                .arg("limit", super::MAX_TEXT_BYTES / 1024),
            Message::new("check-too-long-text-hint"),
        );
    }

    /// Reports `value` when it is too long (for texts that may be empty).
    fn fits(&mut self, path: impl FnOnce() -> String, what: &'static str, value: &str) {
        if value.len() > super::MAX_TEXT_BYTES {
            self.too_long(path(), what, value);
        }
    }
}

/// Checks `raw` and builds the model. `base_dir` is the deck's folder, used to check image
/// paths; without it images are checked for shape only. Returns the deck when there is no
/// error, and every issue found (warnings too). See [`validate_owned`], which moves the
/// texts into the model instead of copying them.
pub fn validate(raw: &RawDeck, base_dir: Option<&Path>) -> (Option<Deck>, Vec<Issue>) {
    validate_owned(raw.clone(), base_dir)
}

/// [`validate`], consuming the raw deck: its texts move into the model.
pub fn validate_owned(raw: RawDeck, base_dir: Option<&Path>) -> (Option<Deck>, Vec<Issue>) {
    let (deck, issues, _) = validate_with(raw, base_dir, &Pictures::default());
    (deck, issues)
}

/// [`validate_owned`], also giving the index of every card with an error, in order and
/// once each, past the cap on issues too (a spreadsheet import leaves those rows out).
pub(crate) fn validate_marking_errors(raw: RawDeck) -> (Option<Deck>, Vec<Issue>, Vec<usize>) {
    validate_with(raw, None, &Pictures::default())
}

/// Pictures already checked, kept from one validation to the next: the deck editor checks
/// its deck at every edit and reads each picture once. Forget them ([`PictureCache::clear`])
/// when the files may have changed.
#[derive(Default)]
pub struct PictureCache(Pictures);

impl PictureCache {
    /// Forgets every picture checked.
    pub fn clear(&self) {
        if let Ok(mut m) = self.0.0.lock() {
            m.clear();
        }
    }
}

impl std::fmt::Debug for PictureCache {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("PictureCache")
    }
}

/// [`validate`] with the pictures checked by earlier validations taken from `cache`.
pub fn validate_cached(
    raw: &RawDeck,
    base_dir: Option<&Path>,
    cache: &PictureCache,
) -> (Option<Deck>, Vec<Issue>) {
    let (deck, issues, _) = validate_with(raw.clone(), base_dir, &cache.0);
    (deck, issues)
}

fn validate_with(
    raw: RawDeck,
    base_dir: Option<&Path>,
    pictures: &Pictures,
) -> (Option<Deck>, Vec<Issue>, Vec<usize>) {
    let mut issues = Issues::default();
    let RawDeck {
        format,
        id,
        title,
        description,
        language,
        authors,
        version,
        sources,
        cards: raw_cards,
    } = raw;

    if let Err(e) = check_id(&id) {
        issues.error(
            "bad-id",
            "id".into(),
            Message::new("check-bad-deck-id")
                .arg("id", &id)
                .arg("reason", e.message()),
            Message::new("check-bad-deck-id-hint"),
        );
    }
    issues.non_empty(|| "title".into(), "field-deck-title", &title);
    issues.fits(|| "description".into(), "field-description", &description);
    for (key, src) in &sources {
        issues.non_empty(
            || format!("sources.{key}"),
            "field-source-title",
            &src.title,
        );
    }
    if raw_cards.is_empty() {
        issues.error(
            "no-cards",
            "cards".into(),
            Message::new("check-no-cards"),
            Message::new("check-no-cards-hint"),
        );
    }

    // Card ids: well formed and unique.
    let mut first_id: FxHashMap<&str, usize> = FxHashMap::default();
    first_id.reserve(raw_cards.len());
    for (i, card) in raw_cards.iter().enumerate() {
        if let Err(e) = check_id(&card.id) {
            issues.error(
                "bad-id",
                format!("cards[{i}].id"),
                Message::new("check-bad-card-id")
                    .arg("id", &card.id)
                    .arg("reason", e.message()),
                Message::new("check-bad-card-id-hint"),
            );
        } else if let Some(&first) = first_id.get(card.id.as_str()) {
            let issue = issues.push(
                Severity::Error,
                "duplicate-id",
                format!("cards[{i}].id"),
                Message::new("check-duplicate-id").arg("id", &card.id),
                Message::new("check-duplicate-id-hint"),
            );
            issue.related = Some(format!("cards[{first}].id"));
        } else {
            first_id.insert(&card.id, i);
        }
    }
    drop(first_id);

    // The per-card checks run on two threads for large decks; the similar-question check
    // then runs in card order over the keys they computed.
    let total = raw_cards.len();
    let mut raw_cards = raw_cards;
    let mid = if total >= PARALLEL_MIN_CARDS {
        total / 2
    } else {
        total
    };
    let second = raw_cards.split_off(mid);
    let ctx = CardCtx {
        sources: &sources,
        base_dir,
        pictures,
        format,
    };
    let (first, second) = std::thread::scope(|s| {
        let second = s.spawn(|| check_cards(second, mid, &ctx));
        let first = check_cards(raw_cards, 0, &ctx);
        let second = second
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        (first, second)
    });
    let mut similar = Similar::default();
    // Each run of checks keeps its own first issues (see `Issues::finish`).
    let mut similar_issues = Issues::default();
    let mut cards = Vec::with_capacity(total);
    for part in [first, second] {
        issues.extend(part.issues);
        for (i, card, key) in freeing(part.cards) {
            if let Some(key) = key {
                similar.check(key, i, &mut similar_issues);
            }
            cards.push(card);
        }
    }
    issues.extend(similar_issues);

    // Ids were checked first; report in card order.
    let mut error_cards = std::mem::take(&mut issues.error_cards);
    error_cards.sort_unstable();
    error_cards.dedup();
    let issues = issues.finish();
    if issues.iter().any(|i| i.severity == Severity::Error) {
        return (None, issues, error_cards);
    }
    let deck = Deck {
        id: DeckId::new(id),
        title,
        description,
        language,
        authors,
        version,
        sources: sources
            .into_iter()
            .map(|(k, s)| {
                (
                    k,
                    Source {
                        title: s.title,
                        url: s.url,
                    },
                )
            })
            .collect(),
        card_index: super::model::CardIndex::of(&cards),
        cards,
    };
    (Some(deck), issues, error_cards)
}

/// Decks with at least this many cards are checked on two threads.
const PARALLEL_MIN_CARDS: usize = 2_000;

/// The outcome of [`check_cards`]: the cards that built, each with its index and its
/// similar-question key, and the issues found.
struct CardsChecked {
    cards: Vec<(usize, Card, Option<SimilarKey>)>,
    issues: Issues,
}

/// What every card's checks share.
struct CardCtx<'a> {
    sources: &'a BTreeMap<String, RawSource>,
    base_dir: Option<&'a Path>,
    pictures: &'a Pictures,
    /// The deck's declared format.
    format: u32,
}

/// Every check of one card but the deck-wide ones (ids, similar questions), for a run of
/// cards starting at index `first`; builds the model's cards, moving the texts.
fn check_cards(raw_cards: Vec<RawCard>, first: usize, ctx: &CardCtx<'_>) -> CardsChecked {
    let mut issues = Issues::default();
    let mut cards = Vec::with_capacity(raw_cards.len());
    for (i, card) in (first..).zip(freeing(raw_cards)) {
        let at = Place(i);
        check_source(ctx.sources, &card, at, &mut issues);
        check_image(&card, at, ctx.base_dir, ctx.pictures, &mut issues);
        // A Locate card's picture: its size, when it could be read, bounds the regions.
        let picture_size = match &card.kind {
            RawKind::Locate { picture, .. } => {
                check_locate_card(&card, picture, at, ctx, &mut issues)
            }
            _ => None,
        };
        let too_long_before = issues.too_long;
        issues.fits(|| at.field("note"), "field-note", &card.note);
        if card.note.len() <= super::MAX_TEXT_BYTES && sentence_count(&card.note) > 3 {
            issues.warn(
                "long-note",
                at.field("note"),
                Message::new("check-long-note"),
                Message::new("check-long-note-hint"),
            );
        }
        let RawCard {
            id,
            tags,
            source,
            note,
            image,
            kind,
        } = card;
        let kind = check_kind(kind, at, picture_size, &mut issues);
        // A Locate card's picture is also the card's picture, so that importing,
        // packaging and showing it work as for any card's image.
        let image = match &kind {
            Some(CardKind::Locate { picture, .. }) => picture.clone(),
            _ => image,
        };
        // An oversized text refuses the deck anyway; comparing it would take long.
        let oversized = issues.too_long > too_long_before;
        if let Some(kind) = kind {
            let key = if oversized {
                None
            } else {
                SimilarKey::of(&kind)
            };
            let card = Card {
                id: CardId::new(id),
                tags,
                source: source.map(|r| SourceRef {
                    doc: r.doc,
                    section: r.section,
                }),
                note,
                image: (!image.is_empty()).then_some(image),
                kind,
            };
            cards.push((i, card, key));
        }
    }
    CardsChecked { cards, issues }
}

/// The items of `v` in order, its memory given back as they are taken (every 4,096
/// items once less than half of it is used): the raw cards and the checked ones of a
/// large deck were each held whole until the last was moved on, so a deck of a million
/// small cards held both at once.
fn freeing<T>(mut v: Vec<T>) -> impl Iterator<Item = T> {
    v.reverse();
    std::iter::from_fn(move || {
        let item = v.pop()?;
        if v.len().is_multiple_of(4096) && v.capacity() > 2 * v.len() + 4096 {
            v.shrink_to_fit();
        }
        Some(item)
    })
}

/// The card an issue path is about (`cards[7].kind` → 7); deck-level paths first.
fn card_index(path: &str) -> Option<usize> {
    path.strip_prefix("cards[")?.split(']').next()?.parse().ok()
}

/// Where a card is, for issue paths; the path text is built only when there is an issue.
#[derive(Clone, Copy)]
struct Place(usize);

impl Place {
    fn card(self) -> String {
        format!("cards[{}]", self.0)
    }

    fn field(self, field: &str) -> String {
        format!("cards[{}].{field}", self.0)
    }

    fn kind(self, field: &str) -> String {
        format!("cards[{}].kind.{field}", self.0)
    }
}

fn check_source(
    sources: &BTreeMap<String, RawSource>,
    card: &RawCard,
    at: Place,
    issues: &mut Issues,
) {
    match &card.source {
        Some(r) if !sources.contains_key(&r.doc) => {
            let known: Vec<&str> = sources.keys().map(String::as_str).collect();
            let hint = if known.is_empty() {
                Message::new("check-unknown-source-hint-none")
            } else {
                Message::new("check-unknown-source-hint").arg("keys", known.join(", "))
            };
            issues.error(
                "unknown-source",
                at.field("source.doc"),
                Message::new("check-unknown-source").arg("key", &r.doc),
                hint,
            );
        }
        None if !sources.is_empty() => issues.warn(
            "missing-source",
            at.card(),
            Message::new("check-missing-source").arg("id", &card.id),
            Message::new("check-missing-source-hint"),
        ),
        _ => {}
    }
}

/// Rough count of sentences, for the long-note warning.
fn sentence_count(text: &str) -> usize {
    let t = text.trim();
    if t.is_empty() {
        return 0;
    }
    let ends = t
        .char_indices()
        .filter(|&(i, c)| {
            matches!(c, '.' | '!' | '?')
                && t[i + c.len_utf8()..]
                    .chars()
                    .next()
                    .is_none_or(char::is_whitespace)
        })
        .count();
    ends.max(1)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck::raw::{RawRef, RawSource};

    fn card(id: &str, kind: RawKind) -> RawCard {
        RawCard {
            id: id.into(),
            tags: vec![],
            source: None,
            note: String::new(),
            image: String::new(),
            kind,
        }
    }

    fn deck(cards: Vec<RawCard>) -> RawDeck {
        RawDeck {
            format: 1,
            id: "d".into(),
            title: "D".into(),
            description: String::new(),
            language: "en".into(),
            authors: vec![],
            version: 1,
            sources: Default::default(),
            cards,
        }
    }

    fn codes(issues: &[Issue]) -> Vec<(&'static str, String)> {
        issues.iter().map(|i| (i.code, i.path.clone())).collect()
    }

    fn basic(front: &str) -> RawKind {
        RawKind::Basic {
            front: front.into(),
            back: "b".into(),
            reverse: false,
        }
    }

    #[test]
    fn a_good_deck_builds_with_no_issues() {
        let (d, issues) = validate(&deck(vec![card("a", basic("x"))]), None);
        assert!(issues.is_empty(), "{issues:?}");
        assert_eq!(d.unwrap().cards.len(), 1);
    }

    #[test]
    fn all_problems_are_reported_at_once() {
        let raw = deck(vec![
            card("a", basic("")),
            card("a", basic("y")),
            card(
                "mc",
                RawKind::MultipleChoice {
                    question: "q".into(),
                    answer: "Riga".into(),
                    distractors: vec!["riga".into(), "Tallinn".into(), "Tallinn".into()],
                    also_correct: vec![],
                },
            ),
            card(
                "cl",
                RawKind::Cloze {
                    text: "{{c1::a}} {{c3::b}}".into(),
                },
            ),
            card(
                "t",
                RawKind::TypeIn {
                    question: "q2".into(),
                    answers: vec![],
                },
            ),
            card(
                "o",
                RawKind::Order {
                    prompt: "p".into(),
                    items: vec!["1".into(), "2".into()],
                },
            ),
            card(
                "tf",
                RawKind::TrueFalse {
                    statement: "s".into(),
                    truth: false,
                    correction: String::new(),
                },
            ),
            card(
                "Bad_Id",
                RawKind::Match {
                    prompt: "m".into(),
                    pairs: vec![("a".into(), "1".into()), ("a".into(), "2".into())],
                },
            ),
        ]);
        let (d, issues) = validate(&raw, None);
        assert!(d.is_none());
        let c = codes(&issues);
        let want = [
            ("empty-text", "cards[0].kind.front"),
            ("duplicate-id", "cards[1].id"),
            ("answer-in-distractors", "cards[2].kind.distractors[0]"),
            ("duplicate", "cards[2].kind.distractors[2]"),
            ("cloze-numbering", "cards[3].kind.text"),
            ("no-answer", "cards[4].kind.answers"),
            ("too-short", "cards[5].kind.items"),
            ("missing-correction", "cards[6].kind.truth"),
            ("bad-id", "cards[7].id"),
            ("too-short", "cards[7].kind.pairs"),
            ("duplicate", "cards[7].kind.pairs[1][0]"),
        ];
        for (code, path) in want {
            assert!(
                c.contains(&(code, path.to_owned())),
                "missing {code} at {path} in {c:?}"
            );
        }
        assert_eq!(issues.len(), want.len(), "{c:?}");
    }

    #[test]
    fn sources_and_images_are_checked() {
        let mut raw = deck(vec![card("a", basic("x")), card("b", basic("y"))]);
        raw.sources.insert(
            "rel".into(),
            RawSource {
                title: "R".into(),
                url: String::new(),
            },
        );
        raw.cards[0].source = Some(RawRef {
            doc: "nope".into(),
            section: String::new(),
        });
        raw.cards[1].image = "../secret.png".into();
        let (_, issues) = validate(&raw, None);
        let c = codes(&issues);
        assert!(c.contains(&("unknown-source", "cards[0].source.doc".into())));
        assert!(c.contains(&("missing-source", "cards[1]".into())));
        assert!(c.contains(&("bad-image-path", "cards[1].image".into())));
        raw.cards[1].image = "/etc/passwd".into();
        let (_, issues) = validate(&raw, None);
        assert!(issues.iter().any(|i| i.message.contains("absolute")));
    }

    #[test]
    fn missing_image_is_an_error_and_present_one_is_fine() {
        let dir = tempfile::tempdir().unwrap();
        let icon = include_bytes!("../../../../assets/icon.png");
        std::fs::write(dir.path().join("map.png"), icon).unwrap();
        let mut raw = deck(vec![card("a", basic("x"))]);
        raw.cards[0].image = "map.png".into();
        assert!(validate(&raw, Some(dir.path())).1.is_empty());
        raw.cards[0].image = "gone.png".into();
        let (_, issues) = validate(&raw, Some(dir.path()));
        assert_eq!(issues[0].code, "missing-image");
    }

    #[test]
    fn pictures_are_checked_once_each_before_a_student_sees_them() {
        let dir = tempfile::tempdir().unwrap();
        let d = dir.path();
        let icon = include_bytes!("../../../../assets/icon.png");
        std::fs::write(d.join("good.png"), icon).unwrap();
        std::fs::write(d.join("empty.png"), b"").unwrap();
        std::fs::write(d.join("gif.png"), b"GIF89a\x01\x00\x01\x00").unwrap();
        std::fs::write(d.join("cut.png"), &icon[..icon.len() / 2]).unwrap();
        std::fs::File::create(d.join("huge.png"))
            .unwrap()
            .set_len(crate::picture::MAX_FILE_BYTES + 1)
            .unwrap();
        let names = ["good", "empty", "gif", "cut", "huge", "good"];
        let cards = names
            .iter()
            .enumerate()
            .map(|(i, n)| {
                let mut c = card(&format!("c{i}"), basic(&format!("question {i}")));
                c.image = format!("{n}.png");
                c
            })
            .collect();
        let (d, issues) = validate(&deck(cards), Some(d));
        assert!(d.is_none());
        let bad: Vec<&str> = issues
            .iter()
            .map(|i| {
                assert_eq!(i.code, "bad-image", "{i:?}");
                i.path.as_str()
            })
            .collect();
        assert_eq!(
            bad,
            [
                "cards[1].image",
                "cards[2].image",
                "cards[3].image",
                "cards[4].image"
            ]
        );
        assert!(
            issues[3].message.contains("limited to 16 MiB"),
            "{}",
            issues[3].message
        );
    }

    #[test]
    fn similar_questions_warn_but_do_not_fail() {
        let raw = deck(vec![
            card("a", basic("When was the pact signed?")),
            card("b", basic("when was the PACT signed")),
            card("c", basic("Signed: when was the pact?")),
        ]);
        let (d, issues) = validate(&raw, None);
        assert!(d.is_some());
        assert_eq!(issues.len(), 2);
        assert!(issues.iter().all(|i| i.code == "similar-question"));
        assert_eq!(issues[0].related.as_deref(), Some("cards[0]"));
    }

    #[test]
    fn large_decks_checked_on_two_threads_report_like_small_ones() {
        let n = PARALLEL_MIN_CARDS * 2;
        let mut cards: Vec<RawCard> = (0..n)
            .map(|i| card(&format!("c{i}"), basic(&format!("question number {i}"))))
            .collect();
        cards[10].kind = basic("");
        cards[n - 5].kind = basic("question number 3");
        cards[n - 4].id = "c1".into();
        let (d, issues) = validate(&deck(cards), None);
        assert!(d.is_none());
        let c = codes(&issues);
        assert_eq!(
            c,
            vec![
                ("empty-text", "cards[10].kind.front".to_owned()),
                ("similar-question", format!("cards[{}]", n - 5)),
                ("duplicate-id", format!("cards[{}].id", n - 4)),
            ]
        );
        assert_eq!(issues[1].related.as_deref(), Some("cards[3]"));
        let fine: Vec<RawCard> = (0..n)
            .map(|i| card(&format!("c{i}"), basic(&format!("question number {i}"))))
            .collect();
        let (d, issues) = validate(&deck(fine), None);
        assert!(issues.is_empty());
        let d = d.expect("valid");
        assert!(
            d.cards
                .iter()
                .enumerate()
                .all(|(i, c)| c.id.as_str() == format!("c{i}"))
        );
    }

    #[test]
    fn issues_past_the_cap_are_counted_in_one_last_issue() {
        // Two runs of checks (two threads) and the similar-question check each find more
        // than the cap: the first issues in card order are kept, the rest counted.
        let n = 2 * MAX_DIAGNOSTICS + PARALLEL_MIN_CARDS;
        let cards: Vec<RawCard> = (0..n)
            .map(|i| {
                if i % 2 == 0 {
                    card(&format!("c{i}"), basic(""))
                } else {
                    card(&format!("c{i}"), basic("the same question"))
                }
            })
            .collect();
        let (d, issues) = validate(&deck(cards), None);
        assert!(d.is_none());
        assert_eq!(issues.len(), MAX_DIAGNOSTICS + 1);
        let kept: Vec<Option<usize>> = issues[..MAX_DIAGNOSTICS]
            .iter()
            .map(|i| card_index(&i.path))
            .collect();
        // Card 0 empty, card 1 the first of its question, then one issue per card.
        assert_eq!(kept[0], Some(0));
        assert_eq!(kept[1], Some(2));
        assert_eq!(kept[2], Some(3));
        assert_eq!(kept[MAX_DIAGNOSTICS - 1], Some(MAX_DIAGNOSTICS));
        let last = &issues[MAX_DIAGNOSTICS];
        assert_eq!(last.code, "more-problems");
        assert_eq!(last.severity, Severity::Error);
        assert_eq!(last.path, format!("cards[{}]", MAX_DIAGNOSTICS + 1));
        let (errors, warnings) = (n / 2, n / 2 - 1);
        let shown_errors = issues[..MAX_DIAGNOSTICS]
            .iter()
            .filter(|i| i.severity == Severity::Error)
            .count();
        assert_eq!(
            last.message,
            Message::new("check-more-problems")
                .arg("errors", errors - shown_errors)
                .arg("warnings", warnings - (MAX_DIAGNOSTICS - shown_errors))
                .arg("max", MAX_DIAGNOSTICS)
        );
    }

    #[test]
    fn every_repeat_of_a_distractor_is_found_once() {
        let mut distractors: Vec<String> = (0..50).map(|i| format!("wrong {i}")).collect();
        distractors.push("Wrong 3".into());
        distractors.push("wrong 3".into());
        distractors.push("WRONG 7".into());
        let kind = RawKind::MultipleChoice {
            question: "q".into(),
            answer: "right".into(),
            distractors,
            also_correct: vec![],
        };
        let (_, issues) = validate(&deck(vec![card("a", kind)]), None);
        let found: Vec<(&str, Option<&str>)> = issues
            .iter()
            .map(|i| (i.path.as_str(), i.related.as_deref()))
            .collect();
        assert_eq!(
            found,
            vec![
                (
                    "cards[0].kind.distractors[50]",
                    Some("cards[0].kind.distractors[3]")
                ),
                (
                    "cards[0].kind.distractors[51]",
                    Some("cards[0].kind.distractors[3]")
                ),
                (
                    "cards[0].kind.distractors[52]",
                    Some("cards[0].kind.distractors[7]")
                ),
            ]
        );
    }

    #[test]
    fn sentences_are_counted() {
        assert_eq!(sentence_count(""), 0);
        assert_eq!(sentence_count("One. Two! Three? Four."), 4);
        assert_eq!(sentence_count("In 1940 (approx.) it fell"), 1);
        assert_eq!(sentence_count("No end"), 1);
    }
}
