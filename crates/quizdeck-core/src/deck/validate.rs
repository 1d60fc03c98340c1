//! The second stage of loading: check a parsed [`RawDeck`] and build the [`Deck`] model.
//!
//! Every problem is collected (not just the first), each with the path of the offending
//! value so the caller can point at its line and column.

use super::diag::{MAX_DIAGNOSTICS, Severity};
use super::model::{
    Card, CardKind, Cloze, ClozeProblem, Deck, KindName, Region, Shape, Source, SourceRef,
};
use super::raw::{
    CHOICE_PROMPT_FORMAT, LOCATE_FORMAT, RawCard, RawDeck, RawKind, RawRegion, RawSource,
};
use crate::answer::normalize_for_search as fold;
use crate::ids::{CardId, DeckId, check_id};
use crate::message::Message;
use rustc_hash::FxHashMap;
use std::collections::BTreeMap;
use std::path::{Component, Path};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

mod kind;
mod picture;
mod ron_cards;
mod similar;

use kind::check_kind;
use picture::{Pictures, check_image, check_locate_card};
#[cfg(test)]
use ron_cards::ron_in_halves;
pub(crate) use ron_cards::validate_ron_streamed;
use similar::SimilarKey;

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
    /// The path of the first issue beyond the cap (where the count of the rest points).
    first_omitted: Option<String>,
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
            if self.first_omitted.is_none() {
                self.first_omitted = Some(issue.path.clone());
            }
            self.spare.insert(issue)
        }
    }

    /// Whether the cap is reached: issues pushed now are only counted, and a caller with
    /// many of them may count them with [`Issues::omit`] without writing them.
    fn full(&self) -> bool {
        self.list.len() >= MAX_DIAGNOSTICS
    }

    /// Counts an issue past the cap without writing it (see [`Issues::full`]): `card` is
    /// the card it is about, and `path` (of the value it is about) is written only when it
    /// is the first one left out.
    fn omit(&mut self, severity: Severity, card: Option<usize>, path: impl FnOnce() -> String) {
        self.omitted[usize::from(severity == Severity::Error)] += 1;
        if severity == Severity::Error
            && let Some(i) = card
            && self.error_cards.last() != Some(&i)
        {
            self.error_cards.push(i);
        }
        if self.first_omitted.is_none() {
            self.first_omitted = Some(path());
        }
    }

    /// Adds `by` to the card index of every path kept (a run that counted its cards from
    /// 0 before knowing where it starts in the deck).
    fn rebase(&mut self, by: usize) {
        let shift = |path: &mut String| {
            if let Some(i) = card_index(path) {
                let end = path.find(']').map_or(path.len(), |e| e + 1);
                path.replace_range(..end, &format!("cards[{}]", i + by));
            }
        };
        for issue in &mut self.list {
            shift(&mut issue.path);
            if let Some(r) = &mut issue.related {
                shift(r);
            }
        }
        if let Some(p) = &mut self.first_omitted {
            shift(p);
        }
        for i in &mut self.error_cards {
            *i += by;
        }
    }

    /// Adds the issues of another run, keeping the cap.
    fn extend(&mut self, other: Issues) {
        for (mine, theirs) in self.omitted.iter_mut().zip(other.omitted) {
            *mine += theirs;
        }
        self.too_long += other.too_long;
        self.first_omitted = match (self.first_omitted.take(), other.first_omitted) {
            (Some(a), Some(b)) => Some(if card_index(&b) < card_index(&a) {
                b
            } else {
                a
            }),
            (a, b) => a.or(b),
        };
        self.list.extend(other.list);
        self.error_cards.extend(other.error_cards);
    }

    /// Every issue kept, in card order; past [`MAX_DIAGNOSTICS`], one last issue (at the
    /// first one left out) counts the rest.
    fn finish(self) -> Vec<Issue> {
        let Issues {
            mut list,
            mut omitted,
            first_omitted,
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
            // The first issue left out: the first of those dropped at the cap of their
            // run, or of those kept by a run but past the cap overall.
            let path = [first_omitted, rest.first().map(|i| i.path.clone())]
                .into_iter()
                .flatten()
                .min_by_key(|p| card_index(p))
                .or_else(|| list.last().map(|i| i.path.clone()))
                .unwrap_or_default();
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
    let (head, raw_cards) = split_cards(raw);
    // The per-card checks run on two threads for large decks; the deck-wide checks then
    // run in card order over what they kept.
    let total = raw_cards.len();
    let mut raw_cards = raw_cards;
    let mid = if total >= PARALLEL_MIN_CARDS {
        total / 2
    } else {
        total
    };
    let second = raw_cards.split_off(mid);
    let ctx = CardCtx {
        sources: &head.sources,
        base_dir,
        pictures,
        format: head.format,
    };
    let held = Held::default();
    let run = |cards: Vec<RawCard>, first: usize| {
        let mut run = Run::new(Keep::Cards, first, &held);
        for card in freeing(cards) {
            run.feed(&ctx, card);
        }
        run
    };
    let runs = std::thread::scope(|s| {
        let run = &run;
        let second = s.spawn(move || run(second, mid));
        let first = run(raw_cards, 0);
        let second = second
            .join()
            .unwrap_or_else(|e| std::panic::resume_unwind(e));
        vec![first, second]
    });
    let done = finish(head, runs);
    (done.deck, done.issues, done.error_cards)
}

/// The outcome of checking a deck read card by card ([`validate_streamed`]).
pub(crate) struct Validated {
    /// The deck, when there is no error and its cards were kept ([`Keep::Cards`]).
    pub(crate) deck: Option<Deck>,
    /// Every issue kept, in card order.
    pub(crate) issues: Vec<Issue>,
    /// Every card with an error, in order and once each.
    pub(crate) error_cards: Vec<usize>,
    /// What the deck holds, when there is no error.
    pub(crate) summary: Option<super::DeckSummary>,
}

/// What the per-card checks keep of each card.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Keep {
    /// The model's cards, to build the deck.
    Cards,
    /// Only what the deck-wide checks and the summary need (its id, its question's
    /// hashes, its kind and number of items): `quizdeck check` and `list` of a large deck
    /// hold a few dozen bytes a card instead of the card.
    Summary,
}

/// Checks a deck read card by card from `text` (see [`super::fast::each_card`]): each card
/// is checked as soon as it is read and only what [`Keep`] says is kept, so neither the
/// raw deck nor (with [`Keep::Summary`]) the model is ever held whole. An error when the
/// fast reader gives up on the text or finds fields after the cards (see
/// [`super::fast::Unread`]).
pub(crate) fn validate_streamed(
    head: RawDeck,
    text: &str,
    cards_at: usize,
    base_dir: Option<&Path>,
    keep: Keep,
) -> Result<Validated, super::fast::Unread> {
    let (head, _) = split_cards(head);
    let pictures = Pictures::default();
    let ctx = CardCtx {
        sources: &head.sources,
        base_dir,
        pictures: &pictures,
        format: head.format,
    };
    let held = Held::default();
    let mut runs = super::fast::each_card(
        text,
        cards_at,
        || Run::new(keep, 0, &held),
        |run, card| run.feed(&ctx, card),
    )?;
    // The second run counted its cards from 0.
    let mut first = 0;
    for run in &mut runs {
        run.rebase(first);
        first += run.len;
    }
    Ok(finish(head, runs))
}

/// The deck's fields but its cards: a [`RawDeck`] whose cards were taken out.
type Head = RawDeck;

/// Takes the cards out of a raw deck.
fn split_cards(mut raw: RawDeck) -> (Head, Vec<RawCard>) {
    let cards = std::mem::take(&mut raw.cards);
    (raw, cards)
}

impl RawDeck {
    /// The deck-level checks of a deck's fields; `cards` is the number of cards.
    fn check_head(&self, cards: usize, issues: &mut Issues) {
        if let Err(e) = check_id(&self.id) {
            issues.error(
                "bad-id",
                "id".into(),
                Message::new("check-bad-deck-id")
                    .arg("id", &self.id)
                    .arg("reason", e.message()),
                Message::new("check-bad-deck-id-hint"),
            );
        }
        issues.non_empty(|| "title".into(), "field-deck-title", &self.title);
        issues.fits(
            || "description".into(),
            "field-description",
            &self.description,
        );
        for (key, src) in &self.sources {
            issues.non_empty(
                || format!("sources.{key}"),
                "field-source-title",
                &src.title,
            );
        }
        if cards == 0 {
            issues.error(
                "no-cards",
                "cards".into(),
                Message::new("check-no-cards"),
                Message::new("check-no-cards-hint"),
            );
        }
    }
}

/// The deck-wide checks (duplicate ids, similar questions) over the runs in card order,
/// and the deck built from their cards when nothing is wrong.
fn finish(head: Head, runs: Vec<Run>) -> Validated {
    let total: usize = runs.iter().map(|r| r.len).sum();
    let mut issues = Issues::default();
    head.check_head(total, &mut issues);

    // Card ids: unique (malformed ones were reported with their card).
    let mut id_issues = Issues::default();
    {
        // Where each id first appears (its run, its place in the run), hashed with a
        // random key (ids are the deck author's; colliding ones must not make this
        // quadratic), 9 bytes a slot: a map of the ids took 25.
        use std::hash::BuildHasher;
        let state = std::hash::RandomState::new();
        let id_at = |(r, n): (u32, u32)| runs[r as usize].id(n as usize);
        let mut first_id: hashbrown::HashTable<(u32, u32)> =
            hashbrown::HashTable::with_capacity(total);
        for (r, run) in runs.iter().enumerate() {
            for (n, id) in run.ids().enumerate() {
                let i = run.first + n;
                if id.is_empty() {
                    continue;
                }
                let hash = state.hash_one(id);
                if let Some(&at) = first_id.find(hash, |&at| id_at(at) == id) {
                    let first = runs[at.0 as usize].first + at.1 as usize;
                    let issue = id_issues.push(
                        Severity::Error,
                        "duplicate-id",
                        format!("cards[{i}].id"),
                        Message::new("check-duplicate-id").arg("id", id),
                        Message::new("check-duplicate-id-hint"),
                    );
                    issue.related = Some(format!("cards[{first}].id"));
                } else {
                    first_id
                        .insert_unique(hash, (r as u32, n as u32), |&at| state.hash_one(id_at(at)));
                }
            }
        }
    }

    // Similar questions, in card order.
    let mut similar_issues = Issues::default();
    similar::check_similar(&runs, &mut similar_issues);

    // The memory the cards take once loaded: past the limit, the card that passes it.
    let mut memory_issues = Issues::default();
    let sizes = || {
        runs.iter()
            .flat_map(|r| r.sizes.iter().map(|&b| b as usize))
    };
    let memory: usize = sizes().sum();
    if memory > super::MAX_DECK_MEMORY {
        let mut sum = 0;
        let at = sizes()
            .position(|b| {
                sum += b;
                sum > super::MAX_DECK_MEMORY
            })
            .unwrap_or(0);
        memory_issues.push(
            Severity::Error,
            "deck-too-large",
            format!("cards[{at}]"),
            Message::new("check-deck-too-large")
                .arg("size", memory.div_ceil(1 << 20))
                .arg("limit", super::MAX_DECK_MEMORY >> 20),
            Message::new("check-deck-too-large-hint"),
        );
    }

    let (mut items, mut kinds) = (0, 0u16);
    let mut cards: Vec<Card> = Vec::new();
    let mut pictures = std::collections::BTreeSet::new();
    for mut run in runs {
        items += run.items;
        kinds |= run.kinds;
        pictures.append(&mut run.pictures);
        issues.extend(std::mem::take(&mut run.issues));
        let run_cards = std::mem::take(&mut run.cards);
        if cards.is_empty() {
            cards = run_cards;
        } else {
            // The first run's cards grow in place (a block of its own, remapped); the
            // second's are given back as they are moved.
            cards.reserve_exact(run_cards.len());
            cards.extend(freeing(run_cards));
        }
    }
    issues.extend(id_issues);
    issues.extend(similar_issues);
    issues.extend(memory_issues);

    let mut error_cards = std::mem::take(&mut issues.error_cards);
    error_cards.sort_unstable();
    error_cards.dedup();
    let issues = issues.finish();
    if issues.iter().any(|i| i.severity == Severity::Error) {
        return Validated {
            deck: None,
            issues,
            error_cards,
            summary: None,
        };
    }
    let summary = super::DeckSummary {
        id: DeckId::new(head.id.clone()),
        title: head.title.clone(),
        version: head.version,
        cards: total,
        items,
        kinds: KindName::ALL
            .into_iter()
            .enumerate()
            .filter(|(n, _)| kinds & (1 << n) != 0)
            .map(|(_, k)| k)
            .collect(),
        pictures: pictures.into_iter().collect(),
    };
    // Without the cards (`Keep::Summary`) there is no deck to build.
    let deck = (cards.len() == total).then(|| Deck {
        id: DeckId::new(head.id),
        title: head.title,
        description: head.description,
        language: head.language,
        authors: head.authors,
        version: head.version,
        sources: head
            .sources
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
    });
    Validated {
        deck,
        issues,
        error_cards,
        summary: Some(summary),
    }
}

/// Decks with at least this many cards are checked on two threads.
const PARALLEL_MIN_CARDS: usize = 2_000;

/// What every card's checks share.
struct CardCtx<'a> {
    sources: &'a BTreeMap<String, RawSource>,
    base_dir: Option<&'a Path>,
    pictures: &'a Pictures,
    /// The deck's declared format.
    format: u32,
}

/// Bytes of memory the cards built so far take, over the runs reading a deck at once
/// ([`Card::memory_bytes`]): past [`super::MAX_DECK_MEMORY`] no run keeps its cards. A
/// run gives back what it counted when it is dropped, so a reading given up (the fast
/// reader's split that was not a card boundary, then read again on one thread) does not
/// count its cards twice.
pub(super) type Held = Arc<AtomicUsize>;

/// Every check of one card but the deck-wide ones (ids, similar questions), over a run of
/// cards fed one at a time (one thread's share of the deck), keeping what [`Keep`] says.
struct Run {
    keep: Keep,
    /// The index of the run's first card in the deck.
    first: usize,
    /// Cards fed so far.
    len: usize,
    issues: Issues,
    /// The cards that built (with [`Keep::Cards`]).
    cards: Vec<Card>,
    /// The similar-question key of each card that has one, by its index in the run.
    keys: Vec<(u32, SimilarKey)>,
    /// Every card's id, one after the other (empty for a malformed id) …
    ids: String,
    /// … each ending here.
    id_ends: Vec<u32>,
    /// The memory each card takes once built ([`Card::memory_bytes`]; 0 for a card that
    /// did not build), by its index in the run.
    sizes: Vec<u32>,
    /// The memory count shared with the other runs reading the deck …
    held: Held,
    /// … and what this run added to it.
    added: usize,
    /// Study items of the cards that built.
    items: usize,
    /// The kinds used, a bit each in [`KindName::ALL`] order.
    kinds: u16,
    /// The pictures of its cards, each once (with [`Keep::Summary`], until a card has an
    /// error: importing a deck copies them without holding its cards).
    pictures: std::collections::BTreeSet<String>,
}

impl Run {
    fn new(keep: Keep, first: usize, held: &Held) -> Self {
        Run {
            keep,
            first,
            held: held.clone(),
            added: 0,
            len: 0,
            issues: Issues::default(),
            cards: Vec::new(),
            keys: Vec::new(),
            ids: String::new(),
            id_ends: Vec::new(),
            sizes: Vec::new(),
            items: 0,
            kinds: 0,
            pictures: std::collections::BTreeSet::new(),
        }
    }

    /// The id of the run's card `n`.
    fn id(&self, n: usize) -> &str {
        let start = n.checked_sub(1).map_or(0, |p| self.id_ends[p] as usize);
        &self.ids[start..self.id_ends[n] as usize]
    }

    /// The ids of the run's cards, in order.
    fn ids(&self) -> impl Iterator<Item = &str> {
        let mut start = 0;
        self.id_ends.iter().map(move |&end| {
            let id = &self.ids[start..end as usize];
            start = end as usize;
            id
        })
    }

    /// Counts the run's cards from `first` (issue paths are written with the index in
    /// the deck, so those kept are rewritten).
    fn rebase(&mut self, first: usize) {
        let by = first - self.first;
        self.first = first;
        if by > 0 {
            self.issues.rebase(by);
        }
    }

    /// Checks the next card.
    fn feed(&mut self, ctx: &CardCtx<'_>, card: RawCard) {
        let local = self.len;
        self.len += 1;
        self.sizes.push(0);
        let i = self.first + local;
        let at = Place(i);
        let issues = &mut self.issues;
        if let Err(e) = check_id(&card.id) {
            issues.error(
                "bad-id",
                at.field("id"),
                Message::new("check-bad-card-id")
                    .arg("id", &card.id)
                    .arg("reason", e.message()),
                Message::new("check-bad-card-id-hint"),
            );
        } else {
            self.ids.push_str(&card.id);
        }
        self.id_ends
            .push(u32::try_from(self.ids.len()).unwrap_or(u32::MAX));
        kind::list_fits(card.tags.len(), || at.field("tags"), issues);
        check_source(ctx.sources, &card, at, issues);
        check_image(&card, at, ctx.base_dir, ctx.pictures, issues);
        // A Locate card's picture: its size, when it could be read, bounds the regions.
        let picture_size = match &card.kind {
            RawKind::Locate { picture, .. } => check_locate_card(&card, picture, at, ctx, issues),
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
        let Some(kind) = check_kind(kind, at, picture_size, issues) else {
            return;
        };
        // An oversized text refuses the deck anyway; comparing it would take long.
        if issues.too_long == too_long_before
            && let Some(key) = SimilarKey::of(&kind)
        {
            self.keys
                .push((u32::try_from(local).unwrap_or(u32::MAX), key));
        }
        // A Locate card's picture is also the card's picture, so that importing,
        // packaging and showing it work as for any card's image.
        let image = match &kind {
            CardKind::Locate { picture, .. } => picture.clone(),
            _ => image.into(),
        };
        let card = Card {
            id: CardId::new(id),
            tags: kind::texts(tags),
            source: source.map(|r| SourceRef {
                doc: r.doc.into(),
                section: r.section.into(),
            }),
            note: note.into(),
            image: (!image.is_empty()).then_some(image),
            kind,
        };
        self.items += card.part_count();
        // A card with an error refuses the deck anyway and is not counted: its lists may
        // hold more than the cap, which the two readers keep differently.
        let bytes = if self.issues.error_cards.last() == Some(&i) {
            0
        } else {
            card.memory_bytes()
        };
        if let Some(size) = self.sizes.last_mut() {
            *size = u32::try_from(bytes).unwrap_or(u32::MAX);
        }
        self.added += bytes;
        let held = self.held.fetch_add(bytes, Ordering::Relaxed) + bytes;
        let name = card.kind.name();
        if let Some(bit) = KindName::ALL.iter().position(|k| *k == name) {
            self.kinds |= 1 << bit;
        }
        // A deck with an error is not built: its cards are not kept past the first
        // (a deck of a million good cards and one bad one held them all to refuse it).
        let clean = self.issues.error_cards.is_empty();
        if self.keep == Keep::Summary
            && let Some(image) = card.image.as_ref().filter(|_| clean)
            && !self.pictures.contains(image.as_str())
        {
            self.pictures.insert(image.to_string());
        } else if !clean && !self.pictures.is_empty() {
            self.pictures = std::collections::BTreeSet::new();
        }
        if self.keep == Keep::Cards && clean && held <= super::MAX_DECK_MEMORY {
            self.cards.push(card);
        } else if !self.cards.is_empty() {
            self.cards = Vec::new();
        }
    }
}

impl Drop for Run {
    fn drop(&mut self) {
        self.held.fetch_sub(self.added, Ordering::Relaxed);
    }
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
    use crate::deck::MAX_LIST_ITEMS;
    use crate::deck::diag::MAX_DIAGNOSTICS;
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

    /// A repeat that differs only in accents or capitals is said to be one, with both
    /// spellings, so a teacher sees why "Karlis" repeats "Kārlis"; an exact repeat is
    /// said as before.
    #[test]
    fn a_repeat_in_other_accents_names_both_spellings() {
        let text = r#"Deck(format: 1, id: "t", title: "T", cards: [
            Card(id: "a", kind: TypeIn(question: "Who?", answers: ["Kārlis Ulmanis", "karlis ulmanis"])),
            Card(id: "b", kind: TypeIn(question: "Who else?", answers: ["Päts", "Päts"])),
        ])"#;
        let c = super::super::check_text(text, "t.ron", None);
        let said: Vec<String> = c.diagnostics.iter().map(|d| d.message.english()).collect();
        assert_eq!(said.len(), 2, "{said:?}");
        assert!(
            said[0].contains(r#""karlis ulmanis" is the same as "Kārlis Ulmanis""#),
            "{said:?}"
        );
        assert!(said[1].contains(r#""Päts" appears twice"#), "{said:?}");
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

    /// A deck text of `n` one-line cards (so it splits at card boundaries), every card
    /// made by `card(i)`.
    fn deck_text(n: usize, card: impl Fn(usize) -> String) -> String {
        let mut t = String::from(
            "Deck(\n    format: 1,\n    id: \"big\",\n    title: \"Big\",\n    sources: {\n        \"s\": Source(title: \"S\"),\n    },\n    cards: [\n",
        );
        for i in 0..n {
            t.push_str("        ");
            t.push_str(&card(i));
            t.push_str(",\n");
        }
        t.push_str("    ],\n)\n");
        t
    }

    /// A text of [`deck_text`] with its `sources` moved after its cards.
    fn sources_after_cards(text: &str) -> String {
        text.replacen(
            "    sources: {\n        \"s\": Source(title: \"S\"),\n    },\n",
            "",
            1,
        )
        .replacen(
            "    ],\n)",
            "    ],\n    sources: {\"s\": Source(title: \"S\")},\n)",
            1,
        )
    }

    /// Reads `text` card by card (as `check` does) and as a whole (as the `ron` path
    /// does), both ways, and checks they find the same.
    fn streamed_matches_whole(text: &str) -> Validated {
        let (head, at) = super::super::fast::head(text).expect("the fast reader's head");
        let whole = super::super::fast::parse(text).expect("the fast reader");
        let (deck, issues, error_cards) = validate_marking_errors(whole);
        let cards = validate_streamed(head.clone(), text, at, None, Keep::Cards).unwrap();
        assert_eq!(codes(&cards.issues), codes(&issues));
        assert_eq!(cards.issues, issues);
        assert_eq!(cards.error_cards, error_cards);
        assert_eq!(cards.deck, deck);
        let summary = validate_streamed(head, text, at, None, Keep::Summary).unwrap();
        assert_eq!(summary.issues, issues);
        assert_eq!(summary.error_cards, error_cards);
        assert_eq!(summary.deck, None);
        assert_eq!(
            summary.summary,
            deck.as_ref().map(super::super::DeckSummary::of)
        );
        cards
    }

    #[test]
    fn a_deck_checked_card_by_card_on_two_threads_finds_what_the_whole_deck_finds() {
        // 40,000 cards (over 1 MiB, so two threads read them): broken cards, repeated
        // ids and similar questions on both sides of the split, bad ids, and more
        // problems than are kept.
        let n = 40_000;
        let text = deck_text(n, |i| {
            match i % 97 {
            0 => format!(r#"Card(id: "c{i}", source: Ref(doc: "s"), kind: TypeIn(question: "", answers: []))"#),
            1 => format!(r#"Card(id: "c{}", source: Ref(doc: "s"), kind: Basic(front: "F {i}", back: "b"))"#, i % 1000),
            2 => format!(r#"Card(id: "Bad Id {i}", source: Ref(doc: "s"), kind: Basic(front: "G {i}", back: "b"))"#),
            3 => r#"Card(id: "x", source: Ref(doc: "s"), kind: Basic(front: "Who signed the pact?", back: "b"))"#.to_owned(),
            _ => format!(r#"Card(id: "c{i}", source: Ref(doc: "s"), kind: Basic(front: "Question {i}", back: "b"))"#),
        }
        });
        assert!(text.len() > 1 << 20);
        let parts = super::super::fast::each_card(
            &text,
            super::super::fast::head(&text).unwrap().1,
            || 0usize,
            |n, _| *n += 1,
        )
        .unwrap();
        assert_eq!(parts.len(), 2, "read on two threads");
        assert!(parts[0] > 0 && parts[1] > 0 && parts[0] + parts[1] == n);
        let found = streamed_matches_whole(&text);
        let codes = codes(&found.issues);
        for code in [
            "empty-text",
            "duplicate-id",
            "bad-id",
            "similar-question",
            "more-problems",
        ] {
            assert!(codes.iter().any(|(c, _)| *c == code), "{code}: {codes:?}");
        }
        // The count of the rest points at the first problem left out, right after the
        // last one kept (not half way down the file, where the second thread's are).
        let more = found.issues.last().unwrap();
        assert_eq!(more.code, "more-problems");
        let last_kept = card_index(&found.issues[found.issues.len() - 2].path).unwrap();
        assert!(
            card_index(&more.path).unwrap() <= last_kept + 97,
            "{}",
            more.path
        );
        // A repeated id in the second half names its first use in the first half.
        let text = deck_text(n, |i| {
            let id = if i == n - 10 { 5 } else { i };
            format!(
                r#"Card(id: "c{id}", source: Ref(doc: "s"), kind: Basic(front: "Question {i}", back: "b"))"#
            )
        });
        let found = streamed_matches_whole(&text);
        assert_eq!(
            found
                .issues
                .iter()
                .map(|i| (i.code, i.path.as_str(), i.related.as_deref()))
                .collect::<Vec<_>>(),
            [(
                "duplicate-id",
                format!("cards[{}].id", n - 10).as_str(),
                Some("cards[5].id")
            )]
        );
    }

    #[test]
    fn a_valid_deck_checked_card_by_card_gives_its_deck_or_its_summary() {
        let text = deck_text(30_000, |i| match i % 3 {
            0 => format!(
                r#"Card(id: "c{i}", source: Ref(doc: "s"), kind: Basic(front: "Question {i}", back: "b", reverse: true))"#
            ),
            1 => format!(
                r#"Card(id: "c{i}", source: Ref(doc: "s"), kind: Cloze(text: "In {{{{c1::{i}}}}} and {{{{c2::x}}}}"))"#
            ),
            _ => format!(
                r#"Card(id: "c{i}", source: Ref(doc: "s"), kind: TypeIn(question: "Which {i}?", answers: ["a{i}"]))"#
            ),
        });
        let found = streamed_matches_whole(&text);
        let deck = found.deck.expect("valid");
        assert_eq!(deck.cards.len(), 30_000);
        let summary = found.summary.unwrap();
        assert_eq!((summary.cards, summary.items), (30_000, 50_000));
        assert_eq!(
            summary.kinds,
            vec![KindName::Basic, KindName::Cloze, KindName::TypeIn]
        );
    }

    #[test]
    fn checking_without_the_cards_holds_a_fraction_of_the_deck() {
        // One thread (under 1 MiB), so this thread's allocations are all of it.
        let text = deck_text(9_000, |i| {
            format!(
                r#"Card(id: "c{i}", source: Ref(doc: "s"), kind: Basic(front: "Question {i}", back: "Answer {i}"))"#
            )
        });
        assert!(text.len() < 1 << 20);
        let run = |keep| {
            crate::picture::tests::peak_bytes(|| {
                let c = super::super::check_owned(
                    std::borrow::Cow::Borrowed(&text),
                    "d.ron",
                    None,
                    keep,
                );
                assert!(c.diagnostics.is_empty());
            })
            .1
        };
        let (cards, summary) = (run(Keep::Cards), run(Keep::Summary));
        // The text itself is copied into the result: at most that and half again.
        assert!(
            summary < text.len() * 5 / 2,
            "{summary} bytes for {} of text",
            text.len()
        );
        assert!(cards > text.len() * 5 / 2, "the cards held {cards} bytes");
    }

    #[test]
    fn a_list_of_a_card_past_the_cap_is_refused_whichever_reader_reads_it() {
        let answers = (0..MAX_LIST_ITEMS + 5)
            .map(|i| format!("\"a{i}\""))
            .collect::<Vec<_>>()
            .join(", ");
        let fast = format!(
            r#"Deck(format: 1, id: "d", title: "D", cards: [Card(id: "q", kind: TypeIn(question: "Q?", answers: [{answers}]))])"#
        );
        // Read to be checked, the fast reader keeps one past the cap; read whole (as the
        // editor reads it) it keeps every entry, so a deck saved again loses none; `ron`
        // (a raw string sends the text to it) keeps them all; all are refused the same way.
        let (_, at) = super::super::fast::head(&fast).unwrap();
        let kept = super::super::fast::each_card(&fast, at, Vec::new, |v, c| v.push(c)).unwrap();
        let RawKind::TypeIn { answers: kept, .. } = &kept[0][0].kind else {
            panic!()
        };
        assert_eq!(kept.len(), MAX_LIST_ITEMS + 1);
        let raw = super::super::parse_raw(&fast).unwrap();
        let RawKind::TypeIn { answers: all, .. } = &raw.cards[0].kind else {
            panic!()
        };
        assert_eq!(all.len(), MAX_LIST_ITEMS + 5);
        let slow = fast.replace(r#"question: "Q?""#, r##"question: r#"Q?"#"##);
        assert!(super::super::fast::parse(&slow).is_none());
        for text in [&fast, &slow] {
            let c = super::super::check_text(text, "d.ron", None);
            let codes: Vec<_> = c.diagnostics.iter().map(|d| d.code).collect();
            assert_eq!(codes, ["too-many"], "{text:.80}");
        }
        // Within the cap, the list is checked entry by entry.
        let within = (0..MAX_LIST_ITEMS)
            .map(|i| format!("\"a{}\"", i % (MAX_LIST_ITEMS - 1)))
            .collect::<Vec<_>>()
            .join(", ");
        let c = super::super::check_text(&fast.replace(&answers, &within), "d.ron", None);
        let codes: Vec<_> = c.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["duplicate"]);
        // The card's other checks still run, and repeats within the cap are found.
        let other = fast
            .replace(r#"question: "Q?""#, r#"question: """#)
            .replace(r#""a1", "#, r#""a0", "#);
        let c = super::super::check_text(&other, "d.ron", None);
        let mut codes: Vec<_> = c.diagnostics.iter().map(|d| d.code).collect();
        codes.sort_unstable();
        assert_eq!(codes, ["duplicate", "empty-text", "too-many"]);
        // Tags too.
        let tags = format!(
            r#"Deck(format: 1, id: "d", title: "D", cards: [Card(id: "q", tags: [{}], kind: Basic(front: "f", back: "b"))])"#,
            (0..=MAX_LIST_ITEMS)
                .map(|i| format!("\"t{i}\""))
                .collect::<Vec<_>>()
                .join(", ")
        );
        let c = super::super::check_text(&tags, "d.ron", None);
        let codes: Vec<_> = c.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["too-many"]);
    }

    #[test]
    fn a_deck_whose_cards_would_take_too_much_memory_is_refused_at_the_card_that_passes_the_limit()
    {
        use super::super::MAX_DECK_MEMORY;
        // Lists of one-letter tags: 4 bytes of text, more than 40 bytes each in memory (a
        // text of its own: 16 bytes in the list, and its buffer).
        let tags = vec!["\"a\""; MAX_LIST_ITEMS].join(",");
        let card = |i: usize| {
            format!(
                "Card(id: \"c{i}\", tags: [{tags}], kind: Basic(front: \"q{i}\", back: \"b\")),"
            )
        };
        let deck = |cards: usize, front: &str| {
            let mut text = format!("Deck(format: 1, id: \"d\", title: {front}, cards: [\n");
            for i in 0..cards {
                text.push_str(&card(i));
                text.push('\n');
            }
            text.push_str("])");
            text
        };
        let one = super::super::check_text(&deck(1, "\"D\""), "d.ron", None)
            .deck
            .unwrap();
        // Cards whose ids and questions have as many digits take as much memory.
        let each = one.cards[0].memory_bytes();
        assert!(each > 40 * MAX_LIST_ITEMS, "{each}");
        let fit = MAX_DECK_MEMORY / each;
        assert!((100..1000).contains(&fit), "{fit}");
        // Up to the limit, the deck loads; one card more and it is refused at that card,
        // by the fast reader and by `ron` (a raw string title), on two threads or one.
        for front in ["\"D\"", "r\"D\""] {
            let under = super::super::check_text(&deck(fit, front), "d.ron", None);
            assert!(under.diagnostics.is_empty(), "{:?}", under.diagnostics);
            assert_eq!(under.deck.unwrap().cards.len(), fit);
            let text = deck(fit + 3, front);
            assert!(text.len() < 16 << 20, "{}", text.len());
            let over = super::super::check_text(&text, "d.ron", None);
            assert!(over.deck.is_none());
            let found: Vec<_> = over.diagnostics.iter().map(|d| (d.code, d.line)).collect();
            // Line 1 is the deck's head; card `fit` is on line `fit + 2`.
            assert_eq!(found, [("deck-too-large", fit + 2)], "{front}");
            let message = over.diagnostics[0].message.to_string();
            assert!(
                message.contains(&format!("{} MiB", MAX_DECK_MEMORY >> 20)),
                "{message}"
            );
            // `check` (without the cards) says the same.
            let summary = super::super::check_str(&text, "d.ron", None, Keep::Summary);
            assert_eq!(
                summary
                    .1
                    .iter()
                    .map(|d| (d.code, d.line))
                    .collect::<Vec<_>>(),
                found
            );
        }
        // A card commented out before each card (a teacher disabling cards): the fast
        // reader's split lands in a comment, so it reads the deck again on one thread.
        // The cards of the reading given up are not counted twice: the deck, at 80 % of
        // the limit, loads whole.
        let most = fit * 8 / 10;
        let commented = deck(most, "\"D\"").replace(
            "\nCard(id: \"c",
            "\n/*\nCard(id: \"off\")\n*/\nCard(id: \"c",
        );
        assert_eq!(commented.matches("/*").count(), most);
        let c = super::super::check_text(&commented, "d.ron", None);
        assert!(c.diagnostics.is_empty(), "{:?}", c.diagnostics);
        assert_eq!(c.deck.map(|d| d.cards.len()), Some(most));
    }

    /// What reading `text` whole with `ron` and checking it finds, against reading it
    /// with `ron` card by card: the same error, or the same issues and deck.
    fn ron_streamed_matches_whole(text: &str) {
        let options = super::super::ron_options();
        let whole: Result<RawDeck, _> = options.from_str(text);
        let streamed = validate_ron_streamed(text, &options, None, Keep::Cards);
        match (whole, streamed) {
            (Err(a), Err(b)) => assert_eq!(a, b, "{text:.200}"),
            (Ok(raw), Ok(Some((format, v)))) => {
                assert_eq!(format, raw.format);
                let (deck, issues, error_cards) = validate_marking_errors(raw);
                assert_eq!(v.issues, issues, "{text:.200}");
                assert_eq!(v.error_cards, error_cards);
                assert_eq!(v.deck, deck);
            }
            // The deck's format or sources after its cards: read whole.
            (Ok(_), Ok(None)) => {}
            (a, b) => panic!(
                "{:?} against {:?}: {text:.200}",
                a.map(|_| ()),
                b.map(|v| v.map(|(f, _)| f))
            ),
        }
    }

    #[test]
    fn a_deck_only_ron_reads_is_checked_card_by_card_with_the_same_outcome() {
        // Every deck of the fuzzing corpus (damaged in every way the fuzzer found).
        let corpus =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../fuzz/corpus/deck_check");
        let mut n = 0;
        for entry in std::fs::read_dir(&corpus).expect("the deck_check corpus") {
            let data = std::fs::read(entry.unwrap().path()).unwrap();
            let text = String::from_utf8_lossy(&data);
            let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
            ron_streamed_matches_whole(text);
            n += 1;
        }
        assert!(n > 1000, "{n} corpus files");
        // Large decks with a raw string: broken cards, repeated ids, similar questions,
        // a syntax error at the end, sources after the cards.
        let text = deck_text(20_000, |i| match i % 97 {
            0 => format!(r#"Card(id: "c{i}", kind: TypeIn(question: "", answers: []))"#),
            1 => format!(r#"Card(id: "c{}", source: Ref(doc: "s"), kind: Basic(front: "F {i}", back: "b"))"#, i % 1000),
            3 => r#"Card(id: "x", source: Ref(doc: "s"), kind: Basic(front: "Who signed the pact?", back: "b"))"#.to_owned(),
            _ => format!(r#"Card(id: "c{i}", source: Ref(doc: "s"), kind: Basic(front: "Question {i}", back: "b"))"#),
        })
        .replacen(r#"title: "Big""#, r##"title: r#"Big"#"##, 1);
        assert!(super::super::fast::parse(&text).is_none());
        ron_streamed_matches_whole(&text);
        // Over 1 MiB: read in two halves on two threads.
        let pictures = Pictures::default();
        let options = super::super::ron_options();
        assert!(ron_in_halves(&text, &options, None, &pictures, Keep::Cards).is_some());
        // A raw string in the middle whose lines look like cards: wherever the split
        // falls, the halves do not read and the deck is read in one piece, the same.
        let fake = (0..20_000)
            .map(|i| {
                format!("\n        Card(id: \"fake{i}\", kind: Basic(front: \"f\", back: \"b\")),")
            })
            .collect::<String>();
        let mid = text.len() / 2;
        let at = mid;
        let card_at = at + text[at..].find("\n        Card(").unwrap() + 1;
        let mut tricky = text.clone();
        tricky.insert_str(
            card_at,
            &format!(
                "Card(id: \"raw\", note: r#\"{fake}\"#, kind: Basic(front: \"f\", back: \"b\")),\n"
            ),
        );
        assert!(ron_in_halves(&tricky, &options, None, &pictures, Keep::Cards).is_none());
        ron_streamed_matches_whole(&tricky);
        let cut = &text[..text.len() - 20];
        ron_streamed_matches_whole(cut);
        let late = sources_after_cards(&text);
        assert!(matches!(
            validate_ron_streamed(&late, &super::super::ron_options(), None, Keep::Cards),
            Ok(None)
        ));
        // And `check` gives what the whole read gives.
        let found = super::super::check_text(&late, "d.ron", None);
        let codes: Vec<_> = found.diagnostics.iter().map(|d| d.code).collect();
        assert!(
            codes.contains(&"duplicate-id") && codes.contains(&"more-problems"),
            "{codes:?}"
        );
    }

    #[test]
    fn problems_past_the_cap_are_counted_and_the_count_points_at_the_first_left_out() {
        // Only the second half broken (two errors a card): the second thread's run alone
        // goes past the cap, so what it leaves out is only counted, and its paths are
        // rewritten once the first half's length is known.
        let n = 40_000;
        let text = deck_text(n, |i| {
            if i >= n / 2 {
                format!(
                    r#"Card(id: "c{i}", source: Ref(doc: "s"), kind: TypeIn(question: "", answers: []))"#
                )
            } else {
                format!(
                    r#"Card(id: "c{i}", source: Ref(doc: "s"), kind: Basic(front: "Question {i}", back: "b"))"#
                )
            }
        });
        let found = streamed_matches_whole(&text);
        assert_eq!(found.issues.len(), MAX_DIAGNOSTICS + 1);
        assert_eq!(card_index(&found.issues[0].path), Some(n / 2));
        let more = found.issues.last().unwrap();
        assert_eq!(more.code, "more-problems");
        assert_eq!(more.path, format!("cards[{}].kind.question", n / 2 + 500));
        let errors = n / 2 * 2 - MAX_DIAGNOSTICS;
        assert!(
            more.message
                .args
                .iter()
                .any(|(k, v)| *k == "errors" && *v == crate::message::Arg::Int(errors as i64)),
            "{:?}",
            more.message
        );
        assert_eq!(found.error_cards.len(), n / 2);

        // One card of 3,000 answers, all but one repeats: the repeats past the cap are
        // counted without being written.
        let answers = (0..3000).map(|_| "\"same\"").collect::<Vec<_>>().join(", ");
        let text = format!(
            r#"Deck(format: 1, id: "d", title: "D", cards: [Card(id: "q", kind: TypeIn(question: "Q?", answers: [{answers}]))])"#
        );
        let found = streamed_matches_whole(&text);
        let more = found.issues.last().unwrap();
        assert_eq!(more.code, "more-problems");
        assert_eq!(
            more.path,
            format!("cards[0].kind.answers[{}]", MAX_DIAGNOSTICS + 1)
        );
        assert!(more.message.args.iter().any(|(k, v)| *k == "errors"
            && *v == crate::message::Arg::Int((2999 - MAX_DIAGNOSTICS) as i64)));
        assert_eq!(found.error_cards, [0]);
    }

    #[test]
    fn fields_after_the_cards_are_read_whole_by_the_fast_reader() {
        // `sources` (what checking a card needs) and `format` after the card list: the
        // card-by-card reading stops there and the whole text is read as before.
        let text = deck_text(3, |i| {
            format!(
                r#"Card(id: "c{i}", source: Ref(doc: "s"), kind: Basic(front: "Q{i}", back: "b"))"#
            )
        });
        let late = sources_after_cards(&text);
        let (head, at) = super::super::fast::head(&late).unwrap();
        assert!(matches!(
            validate_streamed(head, &late, at, None, Keep::Cards),
            Err(super::super::fast::Unread::FieldsAfter)
        ));
        let c = super::super::check_text(&late, "d.ron", None);
        assert!(c.diagnostics.is_empty(), "{}", c.render());
        assert_eq!(c.deck.unwrap().cards.len(), 3);
        // `format` after the cards, for `ron` (a raw string sends it there): the cards are
        // collected (what to check them against is not known yet), then checked.
        let ron_late = late
            .replacen("    format: 1,\n", "", 1)
            .replacen(r#"title: "Big""#, r##"title: r#"Big"#"##, 1)
            .replacen("    sources:", "    format: 1,\n    sources:", 1);
        let found =
            validate_ron_streamed(&ron_late, &super::super::ron_options(), None, Keep::Cards);
        assert!(matches!(&found, Ok(Some((1, v))) if v.issues.is_empty() && v.deck.is_some()));
        let c = super::super::check_text(&ron_late, "d.ron", None);
        assert!(c.diagnostics.is_empty(), "{}", c.render());
        // A format of 0 with a broken card: the syntax error, as before (not the format).
        let zero =
            text.replacen("format: 1", "format: 0", 1)
                .replacen("back: \"b\"))", "back: \"b\")", 1);
        let c = super::super::check_text(&zero, "d.ron", None);
        let codes: Vec<_> = c.diagnostics.iter().map(|d| d.code).collect();
        assert_eq!(codes, ["unclosed"], "{}", c.render());
    }
}
