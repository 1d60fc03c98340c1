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
        for (i, card, key) in part.cards {
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
    for (i, card) in (first..).zip(raw_cards) {
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

fn check_image(
    card: &RawCard,
    at: Place,
    base_dir: Option<&Path>,
    pictures: &Pictures,
    issues: &mut Issues,
) {
    if !card.image.is_empty() {
        check_picture(&card.image, at.field("image"), base_dir, pictures, issues);
    }
}

/// The checks of a Locate card that need more than its kind: the format that introduced
/// it, its picture (present, a PNG of sane size next to the deck) and no second `image`.
/// Returns the picture's size in pixels when it could be read.
fn check_locate_card(
    card: &RawCard,
    picture: &str,
    at: Place,
    ctx: &CardCtx<'_>,
    issues: &mut Issues,
) -> Option<(u32, u32)> {
    if ctx.format < LOCATE_FORMAT {
        issues.error(
            "needs-newer-format",
            at.field("kind"),
            Message::new("check-needs-newer-format")
                .arg("needed", LOCATE_FORMAT)
                .arg("format", ctx.format),
            Message::new("check-needs-newer-format-hint").arg("needed", LOCATE_FORMAT),
        );
    }
    if !card.image.is_empty() {
        issues.error(
            "image-and-picture",
            at.field("image"),
            Message::new("check-image-and-picture"),
            Message::new("check-image-and-picture-hint"),
        );
    }
    if picture.trim().is_empty() {
        issues.error(
            "missing-picture",
            at.kind("picture"),
            Message::new("check-missing-picture"),
            Message::new("check-missing-picture-hint"),
        );
        return None;
    }
    check_picture(
        picture,
        at.kind("picture"),
        ctx.base_dir,
        ctx.pictures,
        issues,
    )
}

/// Checks a picture path of a card (at `place`): relative, inside the deck's folder, a
/// PNG; with `base_dir`, that it exists and decodes within the limits. Returns its size
/// in pixels when it was read.
fn check_picture(
    image: &str,
    place: String,
    base_dir: Option<&Path>,
    pictures: &Pictures,
    issues: &mut Issues,
) -> Option<(u32, u32)> {
    let path = Path::new(image);
    let hint = || Message::new("check-image-path-hint");
    let msg = |id: &'static str| Message::new(id).arg("path", image);
    if path.is_absolute() || image.starts_with('/') || image.starts_with('\\') {
        issues.error("bad-image-path", place, msg("check-image-absolute"), hint());
    } else if path
        .components()
        .any(|c| matches!(c, Component::ParentDir | Component::Prefix(_)))
        || image.contains("..")
    {
        issues.error("bad-image-path", place, msg("check-image-parent"), hint());
    } else if !path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"))
    {
        issues.error(
            "bad-image-path",
            place,
            msg("check-image-not-png"),
            Message::new("check-image-not-png-hint"),
        );
    } else if let Some(dir) = base_dir {
        let full = dir.join(path);
        match (full.canonicalize(), dir.canonicalize()) {
            (Ok(f), Ok(d)) if !f.starts_with(&d) => issues.error(
                "bad-image-path",
                place,
                msg("check-image-outside"),
                Message::new("check-image-outside-hint"),
            ),
            (Ok(f), _) if !f.is_file() => {
                issues.error("missing-image", place, msg("check-image-not-file"), hint())
            }
            // Not beside the deck, but one of the maps built into quizdeck.
            (Err(_), _) if super::bundled::picture_bytes(image).is_some() => {
                return super::bundled::picture_size(image);
            }
            (Err(_), _) => issues.error(
                "missing-image",
                place,
                msg("check-image-missing"),
                Message::new("check-image-missing-hint"),
            ),
            (Ok(f), _) => match pictures.check(dir, image, f) {
                Ok(size) => return Some(size),
                Err(problem) => issues.error(
                    "bad-image",
                    place,
                    problem,
                    Message::new("check-bad-image-hint")
                        .arg("side", crate::picture::MAX_SIDE_PX.to_string())
                        .arg("mib", crate::picture::MAX_FILE_BYTES / (1024 * 1024)),
                ),
            },
        }
    } else {
        // Without the deck's folder (a bundled deck), a built-in picture is still known.
        return super::bundled::picture_size(image);
    }
    None
}

/// The pictures checked so far in one validation, by canonical path: a picture used by
/// ten thousand cards is read and decoded once. Shared by the checking threads.
#[derive(Default)]
struct Pictures(std::sync::Mutex<FxHashMap<std::path::PathBuf, PictureCheck>>);

/// A picture's size in pixels, or what is wrong with it.
type PictureCheck = std::result::Result<(u32, u32), Message>;

impl Pictures {
    /// The size of the picture `image` of `dir` (canonically `canonical`), or its problem.
    fn check(&self, dir: &Path, image: &str, canonical: std::path::PathBuf) -> PictureCheck {
        let seen = |m: &Self| m.0.lock().ok()?.get(&canonical).cloned();
        if let Some(known) = seen(self) {
            return known;
        }
        let checked = crate::picture::check(dir, image).map_err(|e| e.message());
        if let Ok(mut m) = self.0.lock() {
            m.insert(canonical, checked.clone());
        }
        checked
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

/// Most regions on one Locate card (the answer and the others).
pub const MAX_REGIONS: usize = 64;
/// Most corners of one polygon region.
pub const MAX_POLYGON_POINTS: usize = 1_000;

/// Checks one region of a Locate card (at `path`): a name, a real shape, inside the
/// picture when its size is known. Returns it, and its folded name for the uniqueness
/// check.
fn check_region(
    raw: RawRegion,
    path: &str,
    size: Option<(u32, u32)>,
    issues: &mut Issues,
) -> Region {
    let (name, shape) = match raw {
        RawRegion::Circle { name, x, y, r } => (name, Shape::Circle { x, y, r }),
        RawRegion::Polygon { name, points } => (name, Shape::Polygon { points }),
    };
    issues.non_empty(|| format!("{path}.name"), "field-region-name", &name);
    let bad = |issues: &mut Issues, field: &str, message: Message, hint: &'static str| {
        let hint = Message::new(hint);
        issues.error("bad-region", format!("{path}.{field}"), message, hint);
    };
    match &shape {
        Shape::Circle { x, y, r } => {
            if !(x.is_finite() && y.is_finite() && r.is_finite()) {
                bad(
                    issues,
                    "x",
                    Message::new("check-region-not-number").arg("name", &name),
                    "check-region-not-number-hint",
                );
                return Region { name, shape };
            }
            if *r <= 0.0 {
                bad(
                    issues,
                    "r",
                    Message::new("check-circle-radius")
                        .arg("name", &name)
                        .arg("r", *r),
                    "check-circle-radius-hint",
                );
            }
        }
        Shape::Polygon { points } => {
            if points.len() < 3 {
                bad(
                    issues,
                    "points",
                    Message::new("check-polygon-few")
                        .arg("name", &name)
                        .arg("n", points.len()),
                    "check-polygon-few-hint",
                );
                return Region { name, shape };
            }
            if points.len() > MAX_POLYGON_POINTS {
                bad(
                    issues,
                    "points",
                    Message::new("check-polygon-many")
                        .arg("name", &name)
                        .arg("n", points.len())
                        .arg("max", MAX_POLYGON_POINTS),
                    "check-polygon-many-hint",
                );
                return Region { name, shape };
            }
            if let Some(j) = points
                .iter()
                .position(|(x, y)| !(x.is_finite() && y.is_finite()))
            {
                bad(
                    issues,
                    &format!("points[{j}]"),
                    Message::new("check-polygon-corner").arg("name", &name),
                    "check-polygon-corner-hint",
                );
                return Region { name, shape };
            }
            // Twice the signed area (shoelace): zero when the corners lie on one line.
            let n = points.len();
            let area2: f64 = (0..n)
                .map(|i| {
                    let (x0, y0) = points[i];
                    let (x1, y1) = points[(i + 1) % n];
                    f64::from(x0) * f64::from(y1) - f64::from(x1) * f64::from(y0)
                })
                .sum();
            if area2.abs() < 1e-6 {
                bad(
                    issues,
                    "points",
                    Message::new("check-polygon-flat").arg("name", &name),
                    "check-polygon-flat-hint",
                );
            }
        }
    }
    if let Some((w, h)) = size {
        let region = Region { name, shape };
        let (x0, y0, x1, y1) = region.bounds();
        if x0 < 0.0 || y0 < 0.0 || x1 > w as f32 || y1 > h as f32 {
            issues.error(
                "region-outside-picture",
                path.to_owned(),
                Message::new("check-region-outside")
                    .arg("name", &region.name)
                    .arg("x0", x0)
                    .arg("y0", y0)
                    .arg("x1", x1)
                    .arg("y1", y1)
                    .arg("width", w.to_string())
                    .arg("height", h.to_string()),
                Message::new("check-region-outside-hint"),
            );
        }
        return region;
    }
    Region { name, shape }
}

fn check_kind(
    kind: RawKind,
    at: Place,
    picture_size: Option<(u32, u32)>,
    issues: &mut Issues,
) -> Option<CardKind> {
    let f = |field: &str| at.kind(field);
    Some(match kind {
        RawKind::Basic {
            front,
            back,
            reverse,
        } => {
            issues.non_empty(|| f("front"), "field-front", &front);
            issues.non_empty(|| f("back"), "field-back", &back);
            CardKind::Basic {
                front,
                back,
                reverse,
            }
        }
        RawKind::Cloze { text } if text.len() > super::MAX_TEXT_BYTES => {
            issues.too_long(f("text"), "field-cloze-text", &text);
            return None;
        }
        RawKind::Cloze { text } => match Cloze::parse(&text) {
            Err(p) => {
                let (message, hint) = match p {
                    ClozeProblem::Unclosed => (
                        Message::new("check-cloze-unclosed"),
                        "check-cloze-unclosed-hint",
                    ),
                    ClozeProblem::BadMarker(m) => (
                        Message::new("check-cloze-marker").arg("marker", m),
                        "check-cloze-marker-hint",
                    ),
                    ClozeProblem::EmptyAnswer(n) => (
                        Message::new("check-cloze-empty").arg("n", n),
                        "check-cloze-empty-hint",
                    ),
                };
                issues.error("bad-cloze", f("text"), message, Message::new(hint));
                return None;
            }
            Ok(c) => {
                let numbers = c.numbers();
                if numbers.is_empty() {
                    issues.error(
                        "cloze-without-gaps",
                        f("text"),
                        Message::new("check-cloze-no-gaps"),
                        Message::new("check-cloze-no-gaps-hint"),
                    );
                } else if let Some((want, _)) = numbers
                    .iter()
                    .enumerate()
                    .map(|(i, n)| (i as u32 + 1, *n))
                    .find(|(want, n)| want != n)
                {
                    issues.error(
                        "cloze-numbering",
                        f("text"),
                        Message::new("check-cloze-numbering")
                            .arg(
                                "gaps",
                                numbers
                                    .iter()
                                    .map(|n| format!("c{n}"))
                                    .collect::<Vec<_>>()
                                    .join(", "),
                            )
                            .arg("missing", want),
                        Message::new("check-cloze-numbering-hint"),
                    );
                }
                CardKind::Cloze(c)
            }
        },
        RawKind::TypeIn { question, answers } => {
            issues.non_empty(|| f("question"), "field-question", &question);
            if answers.is_empty() {
                issues.error(
                    "no-answer",
                    f("answers"),
                    Message::new("check-no-answer"),
                    Message::new("check-no-answer-hint"),
                );
            }
            for (j, a) in answers.iter().enumerate() {
                issues.non_empty(|| f(&format!("answers[{j}]")), "field-answer", a);
            }
            let folded = fold_all(&answers);
            duplicates(
                &answers,
                &folded,
                || f("answers"),
                "",
                "field-answer",
                issues,
            );
            CardKind::TypeIn { question, answers }
        }
        RawKind::MultipleChoice {
            question,
            answer,
            distractors,
            also_correct,
        } => {
            issues.non_empty(|| f("question"), "field-question", &question);
            issues.non_empty(|| f("answer"), "field-answer", &answer);
            if distractors.is_empty() {
                issues.error(
                    "no-distractors",
                    f("distractors"),
                    Message::new("check-no-distractors"),
                    Message::new("check-no-distractors-hint"),
                );
            }
            let right: Vec<String> = std::iter::once(&answer)
                .chain(&also_correct)
                .map(|a| fold(a))
                .collect();
            let folded = fold_all(&distractors);
            for (j, (d, key)) in distractors.iter().zip(&folded).enumerate() {
                issues.non_empty(|| f(&format!("distractors[{j}]")), "field-distractor", d);
                if right.contains(key) {
                    issues.error(
                        "answer-in-distractors",
                        f(&format!("distractors[{j}]")),
                        Message::new("check-answer-in-distractors").arg("value", d),
                        Message::new("check-answer-in-distractors-hint"),
                    );
                }
            }
            for (j, a) in also_correct.iter().enumerate() {
                issues.non_empty(|| f(&format!("also_correct[{j}]")), "field-also-correct", a);
            }
            let at = || f("distractors");
            duplicates(&distractors, &folded, at, "", "field-distractor", issues);
            CardKind::MultipleChoice {
                question,
                answer,
                distractors,
                also_correct,
            }
        }
        RawKind::TrueFalse {
            statement,
            truth,
            correction,
        } => {
            issues.non_empty(|| f("statement"), "field-statement", &statement);
            issues.fits(|| f("correction"), "field-correction", &correction);
            if !truth && correction.trim().is_empty() {
                issues.error(
                    "missing-correction",
                    f("truth"),
                    Message::new("check-missing-correction"),
                    Message::new("check-missing-correction-hint"),
                );
            }
            CardKind::TrueFalse {
                statement,
                truth,
                correction,
            }
        }
        RawKind::Order { prompt, items } => {
            issues.non_empty(|| f("prompt"), "field-prompt", &prompt);
            if items.len() < 3 {
                issues.error(
                    "too-short",
                    f("items"),
                    Message::new("check-order-short").arg("n", items.len()),
                    Message::new("check-order-short-hint"),
                );
            }
            for (j, it) in items.iter().enumerate() {
                issues.non_empty(|| f(&format!("items[{j}]")), "field-item", it);
            }
            let folded = fold_all(&items);
            duplicates(&items, &folded, || f("items"), "", "field-item", issues);
            CardKind::Order { prompt, items }
        }
        RawKind::Match { prompt, pairs } => {
            issues.non_empty(|| f("prompt"), "field-prompt", &prompt);
            if pairs.len() < 3 {
                issues.error(
                    "too-short",
                    f("pairs"),
                    Message::new("check-match-short").arg("n", pairs.len()),
                    Message::new("check-match-short-hint"),
                );
            }
            for (j, (l, r)) in pairs.iter().enumerate() {
                issues.non_empty(|| f(&format!("pairs[{j}][0]")), "field-pair-left", l);
                issues.non_empty(|| f(&format!("pairs[{j}][1]")), "field-pair-right", r);
            }
            let (lefts, rights): (Vec<&str>, Vec<&str>) =
                pairs.iter().map(|(l, r)| (l.as_str(), r.as_str())).unzip();
            let at = || f("pairs");
            duplicates(
                &lefts,
                &fold_all(&lefts),
                at,
                "[0]",
                "field-pair-left",
                issues,
            );
            duplicates(
                &rights,
                &fold_all(&rights),
                at,
                "[1]",
                "field-pair-right",
                issues,
            );
            CardKind::Match { prompt, pairs }
        }
        RawKind::Locate {
            prompt,
            picture,
            answer,
            others,
        } => {
            issues.non_empty(|| f("prompt"), "field-prompt", &prompt);
            if others.len() + 1 > MAX_REGIONS {
                issues.error(
                    "too-many-regions",
                    f("others"),
                    Message::new("check-too-many-regions")
                        .arg("n", others.len() + 1)
                        .arg("max", MAX_REGIONS),
                    Message::new("check-too-many-regions-hint"),
                );
                return None;
            }
            let answer = check_region(answer, &f("answer"), picture_size, issues);
            let others: Vec<Region> = others
                .into_iter()
                .enumerate()
                .map(|(j, r)| check_region(r, &f(&format!("others[{j}]")), picture_size, issues))
                .collect();
            // Names unique (case, accents and punctuation ignored): a name is the answer.
            let mut seen: FxHashMap<String, String> = FxHashMap::default();
            for (path, region) in std::iter::once((f("answer"), &answer)).chain(
                others
                    .iter()
                    .enumerate()
                    .map(|(j, r)| (f(&format!("others[{j}]")), r)),
            ) {
                let key = fold(&region.name);
                if key.is_empty() {
                    continue;
                }
                if let Some(first) = seen.get(&key) {
                    let issue = issues.push(
                        Severity::Error,
                        "duplicate-region",
                        format!("{path}.name"),
                        Message::new("check-duplicate-region").arg("name", &region.name),
                        Message::new("check-duplicate-region-hint"),
                    );
                    issue.related = Some(format!("{first}.name"));
                } else {
                    seen.insert(key, path);
                }
            }
            CardKind::Locate {
                prompt,
                picture,
                answer,
                others,
            }
        }
    })
}

/// Every value folded for comparison (case, accents and punctuation ignored).
fn fold_all<S: AsRef<str>>(values: &[S]) -> Vec<String> {
    values.iter().map(|v| fold(v.as_ref())).collect()
}

/// Reports values that repeat, by their folded forms. Lists on a card are short, so a
/// linear scan beats hashing.
fn duplicates<S: AsRef<str>>(
    values: &[S],
    folded: &[String],
    at: impl Fn() -> String,
    suffix: &str,
    what: &'static str,
    issues: &mut Issues,
) {
    // The first place of each folded value: one hash lookup per value, so a list of
    // 100,000 distractors costs milliseconds, not the seconds of comparing every pair.
    let mut seen: FxHashMap<&str, usize> = FxHashMap::default();
    for (j, key) in folded.iter().enumerate() {
        if key.is_empty() {
            continue;
        }
        let first = *seen.entry(key.as_str()).or_insert(j);
        if first != j {
            let at = at();
            let issue = issues.push(
                Severity::Error,
                "duplicate",
                format!("{at}[{j}]{suffix}"),
                Message::new("check-duplicate")
                    .arg("what", Message::new(what))
                    .arg("value", values[j].as_ref()),
                Message::new("check-duplicate-hint"),
            );
            issue.related = Some(format!("{at}[{first}]{suffix}"));
        }
    }
}

/// What the similar-question check compares of a question: its folded text, and its
/// sorted set of words.
struct SimilarKey {
    text: String,
    words: String,
}

impl SimilarKey {
    /// The key of a card's question; `None` for Order and Match prompts (their content is
    /// in the items) and for questions without words.
    fn of(kind: &CardKind) -> Option<SimilarKey> {
        let text = match kind {
            CardKind::Order { .. } | CardKind::Match { .. } => return None,
            CardKind::Locate { prompt, answer, .. } => fold(&format!("{prompt} {}", answer.name)),
            CardKind::Cloze(c) => fold(&c.text),
            CardKind::Basic { front: q, .. }
            | CardKind::TypeIn { question: q, .. }
            | CardKind::MultipleChoice { question: q, .. }
            | CardKind::TrueFalse { statement: q, .. } => fold(q),
        };
        if text.is_empty() {
            return None;
        }
        let mut words: Vec<&str> = text.split(' ').collect();
        words.sort_unstable();
        words.dedup();
        let words = words.join(" ");
        Some(SimilarKey { text, words })
    }
}

/// The similar-question check: questions seen so far, by folded text and by their sorted
/// set of words.
#[derive(Default)]
struct Similar {
    by_text: FxHashMap<String, usize>,
    by_words: FxHashMap<String, usize>,
}

impl Similar {
    /// Warns when card `i`'s question reads the same as an earlier card's (same words,
    /// ignoring case, accents, punctuation and word order).
    fn check(&mut self, key: SimilarKey, i: usize, issues: &mut Issues) {
        let earlier = (self.by_text.get(&key.text)).or_else(|| self.by_words.get(&key.words));
        if let Some(&first) = earlier {
            let issue = issues.push(
                Severity::Warning,
                "similar-question",
                Place(i).card(),
                Message::new("check-similar-question").arg("card", first + 1),
                Message::new("check-similar-question-hint"),
            );
            issue.related = Some(format!("cards[{first}]"));
        } else {
            self.by_text.insert(key.text, i);
            self.by_words.insert(key.words, i);
        }
    }
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
