//! The library overview: one row of figures per deck, their order and grouping, today's
//! progress and streak, and the "Study now" choice. Everything here is computed when data
//! changes (a profile opens, a session ends, a deck is imported), never per frame.
//!
//! Today's counts are what the engine's own queue would hold over every deck, deck limits
//! and overall caps included: [`figures`] files each item by the queue's rules without
//! building one (checked against the queue by a randomised test), or a [`Today`] from
//! [`session::today`](crate::session::today) is passed in.

use crate::deck::Card;
use crate::deck::model::CardOutline;
use crate::ids::{CardId, DeckId, ItemKey};
use crate::library::{self, DeckOrigin, DeckStats, Library, LibraryDeck};
use crate::schedule::queue::{DeckTally, Tally};
use crate::schedule::{
    Counts, ItemState, NewItemPosition, ReviewEntry, Settings, StateLookup, day,
};
use crate::session::Today;
use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How the library orders its decks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum SortBy {
    /// Most due today first (then in the default order).
    #[default]
    DueFirst,
    /// By title, ignoring case.
    Title,
    /// Most recently studied first; never studied last.
    LastStudied,
}

impl SortBy {
    /// Every order, in menu order.
    pub const ALL: [SortBy; 3] = [SortBy::DueFirst, SortBy::Title, SortBy::LastStudied];
}

/// How the library is shown; kept with the profile's settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(default)]
pub struct LibraryView {
    /// The order of the decks.
    pub sort: SortBy,
    /// Decks grouped under their folder ([`group_of`]).
    pub grouped: bool,
}

/// One deck as the library shows it.
#[derive(Debug, Clone, PartialEq)]
pub struct DeckRow {
    /// The deck's id.
    pub id: DeckId,
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: String,
    /// The folder it is grouped under ([`group_of`]).
    pub group: String,
    /// Imported into the profile or a class folder (removable) rather than bundled.
    pub imported: bool,
    /// In a class deck folder: every profile on this PC sees it.
    pub shared: bool,
    /// Where it comes from ("bundled with quizdeck", "your decks", "class decks (…)").
    pub origin: String,
    /// When the deck is in several places: which copy is used and where the others are.
    pub copies: Option<String>,
    /// Figures from the stored states: items by state, mastery, last studied.
    pub stats: DeckStats,
    /// What this deck offers today, within its limits and the overall caps.
    pub today: Counts,
    /// "today", "yesterday", "3 days ago" or "never".
    pub last_studied: String,
    /// Its place in the default order: imported decks (a class's, the student's own)
    /// first, then the bundled ones, each by title as in the library.
    pub order: usize,
}

impl DeckRow {
    /// Reviews and learning steps left today: the deck's one prominent number.
    pub fn due(&self) -> u32 {
        self.today.review + self.today.learning
    }
}

/// The folder a deck is grouped under: bundled decks together, imported ones together.
pub(crate) fn group_of(deck: &LibraryDeck) -> String {
    match &deck.origin {
        DeckOrigin::Bundled => "Bundled with quizdeck".into(),
        DeckOrigin::Imported(_) => "Imported decks".into(),
        DeckOrigin::Class { folder, .. } => format!("Class decks ({folder})"),
    }
}

/// Every deck's row, in library order, with today's figures taken from `today` (what
/// [`session::today`](crate::session::today) gives over the whole library: no queue is
/// built here). O(items).
pub fn rows(
    library: &Library,
    states: &impl StateLookup,
    today: &Today,
    now: DateTime<Utc>,
    offset: FixedOffset,
    settings: &Settings,
) -> Vec<DeckRow> {
    let stats = deck_stats(library, states, now, offset, settings);
    rows_from(library, stats, today, now, offset, settings.day_cutoff_hour)
}

/// Each deck's figures from the states, in library order: what [`rows`] needs beside
/// `today` ([`figures`] counts both in one pass). O(items).
pub fn deck_stats(
    library: &Library,
    states: &impl StateLookup,
    now: DateTime<Utc>,
    offset: FixedOffset,
    settings: &Settings,
) -> Vec<DeckStats> {
    // (Today's new items per deck are taken from `today` by `rows_from`.)
    (library.decks.iter())
        .map(|d| library::deck_stats(&d.deck, states, now, offset, settings, 0))
        .collect()
}

/// Each deck's figures ([`deck_stats`]) and today's figures over the whole library (what
/// [`session::today_from`](crate::session::today_from) gives over [`Library::items`]),
/// counted together: one pass over the items, each state looked up once, and no queue
/// built. With `two_threads`, the cards are counted in two halves side by side. O(items).
///
/// Card ids are taken to be unique within a deck, as the loader makes every deck's (a
/// deck built by hand with a card id twice has that card's items counted twice, where
/// the queue keeps them once); a deck id twice is counted through the queue.
pub fn figures(
    library: &Library,
    states: &(impl StateLookup + Sync),
    answers: &[ReviewEntry],
    settings: &Settings,
    now: DateTime<Utc>,
    offset: FixedOffset,
    two_threads: bool,
) -> (Vec<DeckStats>, Today) {
    figures_outlined(
        library,
        &[],
        states,
        answers,
        settings,
        now,
        offset,
        two_threads,
    )
}

/// [`figures`], the cards of each deck with an outline in `outlines` (by the deck's
/// position; a deck without one, or past the list's end, by its cards) counted by it:
/// the figures of a library whose cards are still read ([`crate::library::Opening`]).
#[allow(clippy::too_many_arguments)]
pub(crate) fn figures_outlined(
    library: &Library,
    outlines: &[Option<&[CardOutline]>],
    states: &(impl StateLookup + Sync),
    answers: &[ReviewEntry],
    settings: &Settings,
    now: DateTime<Utc>,
    offset: FixedOffset,
    two_threads: bool,
) -> (Vec<DeckStats>, Today) {
    let decks = &library.decks;
    let cards_of = |i: usize| match outlines.get(i).copied().flatten() {
        Some(o) => Cards::Outline(o),
        None => Cards::Whole(&decks[i].deck.cards),
    };
    let mut ids: Vec<&DeckId> = decks.iter().map(|d| &d.deck.id).collect();
    ids.sort_unstable();
    if ids.windows(2).any(|w| w[0] == w[1]) && outlines.iter().all(Option::is_none) {
        // Two decks of one id (a library put together by hand): the queue keeps their
        // items once, as a session would.
        let today =
            crate::session::today_from(library.items(&[]), states, answers, settings, now, offset);
        return (deck_stats(library, states, now, offset, settings), today);
    }
    let cards: usize = (0..decks.len()).map(|i| cards_of(i).len()).sum();
    let count = |range| count_cards(library, &cards_of, states, range, settings, now, offset);
    let pieces = if two_threads {
        let half = cards / 2;
        std::thread::scope(|s| {
            let spawned = std::thread::Builder::new()
                .name("quizdeck-overview-half".into())
                .spawn_scoped(s, || count(half..cards))
                .ok();
            let mut pieces = count(0..half);
            pieces.extend(match spawned {
                Some(t) => t.join().unwrap_or_else(|e| std::panic::resume_unwind(e)),
                // No second thread: counted here.
                None => count(half..cards),
            });
            pieces
        })
    } else {
        count(0..cards)
    };
    let mut stats = vec![library::StatsTally::new(now, offset, settings); decks.len()];
    let mut tallies = vec![DeckTally::default(); decks.len()];
    for p in pieces {
        stats[p.deck].merge(&p.stats);
        tallies[p.deck].merge(p.today);
    }
    let stats: Vec<DeckStats> = (stats.into_iter().enumerate())
        .map(|(i, s)| s.finish(cards_of(i).len(), 0))
        .collect();
    let today = crate::session::today_from_tallies(
        (decks.iter().zip(tallies).zip(&stats))
            .filter(|(_, s)| s.items > 0)
            .map(|((d, t), _)| (d.deck.id.clone(), t)),
        answers,
        settings,
        now,
        offset,
    );
    (stats, today)
}

/// One deck's share of the cards counted by [`count_cards`].
struct Piece {
    deck: usize,
    stats: library::StatsTally,
    today: DeckTally,
}

/// A deck's cards as [`figures_outlined`] counts them: the cards, or their outline.
#[derive(Clone, Copy)]
enum Cards<'a> {
    Whole(&'a [Card]),
    Outline(&'a [CardOutline]),
}

impl Cards<'_> {
    fn len(self) -> usize {
        match self {
            Cards::Whole(c) => c.len(),
            Cards::Outline(o) => o.len(),
        }
    }

    /// The id and the state of each study item of the card at `i`, into `parts`.
    fn card<'s>(
        self,
        i: usize,
        key: &mut ItemKey,
        states: &'s impl StateLookup,
        parts: &mut Vec<Option<&'s ItemState>>,
    ) {
        parts.clear();
        key.card = match self {
            Cards::Whole(c) => c[i].id.clone(),
            Cards::Outline(o) => o[i].id.clone(),
        };
        let mut each = |p| {
            key.part = p;
            parts.push(states.state(key));
        };
        match self {
            Cards::Whole(c) => c[i].each_part(&mut each),
            Cards::Outline(o) => o[i].each_part(&mut each),
        }
    }
}

/// Counts the cards at `range` of the library's cards, deck after deck: a piece for each
/// deck with cards in the range.
fn count_cards<'a>(
    library: &Library,
    cards_of: &impl Fn(usize) -> Cards<'a>,
    states: &impl StateLookup,
    range: std::ops::Range<usize>,
    settings: &Settings,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Vec<Piece> {
    let tally = Tally::new(settings, now, offset);
    let mut pieces = Vec::new();
    let mut parts: Vec<Option<&ItemState>> = Vec::new();
    let mut first = 0;
    for (i, d) in library.decks.iter().enumerate() {
        let cards = cards_of(i);
        let (from, to) = (range.start.max(first), range.end.min(first + cards.len()));
        let deck_first = first;
        first += cards.len();
        if from >= to {
            continue;
        }
        let mut piece = Piece {
            deck: i,
            stats: library::StatsTally::new(now, offset, settings),
            today: DeckTally::default(),
        };
        // One key for the deck, its card and part changed in place (a deck id of more
        // than 23 bytes is shared: cloning it for each item would count its uses).
        let mut key = ItemKey::new(d.deck.id.clone(), CardId::default(), 0);
        for c in from - deck_first..to - deck_first {
            cards.card(c, &mut key, states, &mut parts);
            for &s in &parts {
                piece.stats.add(s);
            }
            tally.add_card(&parts, &mut piece.today);
        }
        pieces.push(piece);
    }
    pieces
}

/// [`rows`] from each deck's figures counted by [`deck_stats`].
fn rows_from(
    library: &Library,
    stats: Vec<DeckStats>,
    today: &Today,
    now: DateTime<Utc>,
    offset: FixedOffset,
    cutoff: u32,
) -> Vec<DeckRow> {
    let by_deck: HashMap<&DeckId, Counts> = today
        .decks
        .iter()
        .map(|t| {
            let c = Counts {
                new: t.new,
                learning: t.learning,
                review: t.review,
            };
            (&t.deck, c)
        })
        .collect();
    let today = day::day_index(now, offset, cutoff);
    let imported = library
        .decks
        .iter()
        .filter(|d| !matches!(d.origin, DeckOrigin::Bundled))
        .count();
    let mut bundled_seen = 0;
    let mut imported_seen = 0;
    debug_assert_eq!(stats.len(), library.decks.len());
    (library.decks.iter().zip(stats))
        .map(|(d, mut stats)| {
            let order = if !matches!(d.origin, DeckOrigin::Bundled) {
                imported_seen += 1;
                imported_seen - 1
            } else {
                bundled_seen += 1;
                imported + bundled_seen - 1
            };
            let counts = by_deck.get(&d.deck.id).copied().unwrap_or_default();
            stats.new_today = counts.new as usize;
            let last_studied = match stats.last_studied {
                None => "never".into(),
                Some(t) => match today - day::day_index(t, offset, cutoff) {
                    i64::MIN..=0 => "today".into(),
                    1 => "yesterday".into(),
                    n => format!("{n} days ago"),
                },
            };
            DeckRow {
                id: d.deck.id.clone(),
                title: d.deck.title.clone(),
                description: d.deck.description.clone(),
                group: group_of(d),
                imported: !matches!(d.origin, DeckOrigin::Bundled),
                shared: matches!(d.origin, DeckOrigin::Class { .. }),
                origin: d.origin.describe(),
                copies: d.copies_note(),
                stats,
                today: counts,
                last_studied,
                order,
            }
        })
        .collect()
}

/// Orders the rows (stable: ties keep the library's order).
pub fn sort(rows: &mut [DeckRow], by: SortBy) {
    match by {
        SortBy::DueFirst => rows.sort_by(|a, b| b.due().cmp(&a.due()).then(a.order.cmp(&b.order))),
        // Letters with marks sort beside their base letter (Ūdens between T and V, not after
        // Z), in every language; Cyrillic titles by their letters.
        SortBy::Title => rows.sort_by_cached_key(|r| {
            let key = crate::answer::normalize_for_search(&r.title);
            (key, r.title.to_lowercase(), r.order)
        }),
        SortBy::LastStudied => rows.sort_by(|a, b| {
            b.stats
                .last_studied
                .cmp(&a.stats.last_studied)
                .then(a.order.cmp(&b.order))
        }),
    }
}

/// The rows' groups, each with the indices of its rows (in the rows' order); groups in
/// the order of their first deck in the library.
pub fn groups(rows: &[DeckRow]) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(usize, String, Vec<usize>)> = Vec::new();
    for (i, r) in rows.iter().enumerate() {
        match groups.iter_mut().find(|g| g.1 == r.group) {
            Some(g) => {
                g.0 = g.0.min(r.order);
                g.2.push(i);
            }
            None => groups.push((r.order, r.group.clone(), vec![i])),
        }
    }
    groups.sort_by_key(|g| g.0);
    groups.into_iter().map(|(_, name, ix)| (name, ix)).collect()
}

/// What "Study now" studies: every deck, reviews and learning steps first, then new items
/// within the daily limit, taken from the deck studied most recently (then the next one),
/// so a student carries on where they left off instead of opening a new topic.
#[derive(Debug, Clone, PartialEq)]
pub struct StudyNow {
    /// The decks, in the order new items are taken from them. Their items are listed
    /// only when the session starts ([`StudyNow::items`]): kept with the plan, a key of
    /// every item of the library was held the whole time the library was shown.
    pub decks: Vec<DeckId>,
    /// What the session holds today.
    pub counts: Counts,
}

impl StudyNow {
    /// Reviews and learning steps left today.
    pub fn due(&self) -> u32 {
        self.counts.review + self.counts.learning
    }

    /// The decks' study items, in the plan's order of decks (decks no longer in
    /// `library` are left out).
    pub fn items(&self, library: &Library) -> Vec<ItemKey> {
        crate::deck::Deck::items_of(
            self.decks
                .iter()
                .filter_map(|id| library.get(id))
                .map(|d| &d.deck),
        )
    }

    /// Everything left today (due and new).
    pub fn total(&self) -> u32 {
        self.due() + self.counts.new
    }

    /// The settings the session runs with: the profile's, with every review shown before
    /// the first new item.
    pub fn session_settings(settings: &Settings) -> Settings {
        Settings {
            new_position: NewItemPosition::AfterReviews,
            ..settings.clone()
        }
    }

    #[cfg(test)]
    /// The button's text: "Study now — 12 due", "Study now — 5 new", or that all is done.
    pub(crate) fn label(&self) -> String {
        match (self.due(), self.counts.new) {
            (0, 0) => "All done for today".into(),
            (0, n) => format!("Study now — {n} new"),
            (d, _) => format!("Study now — {d} due"),
        }
    }

    #[cfg(test)]
    /// What comes after the due items, e.g. "then 8 new cards" (None when nothing does).
    pub(crate) fn then_label(&self) -> Option<String> {
        match (self.due(), self.counts.new) {
            (0, _) | (_, 0) => None,
            (_, 1) => Some("then 1 new card".into()),
            (_, n) => Some(format!("then {n} new cards")),
        }
    }
}

/// Chooses what "Study now" studies (see [`StudyNow`]). `rows` in any order; the counts
/// are `today`'s totals over every deck (the daily caps do not depend on the order).
pub fn study_now(rows: &[DeckRow], today: &Today) -> StudyNow {
    let mut order: Vec<&DeckRow> = rows.iter().collect();
    order.sort_by(|a, b| {
        b.stats
            .last_studied
            .cmp(&a.stats.last_studied)
            .then(a.order.cmp(&b.order))
    });
    let decks: Vec<DeckId> = order.iter().map(|r| r.id.clone()).collect();
    StudyNow {
        decks,
        counts: today.total,
    }
}

/// The deck rows (in library order) and the "Study now" choice over them, from today's
/// figures over the whole library (`today`, see [`session::today`](crate::session::today)).
pub fn build(
    library: &Library,
    states: &impl StateLookup,
    today: &Today,
    now: DateTime<Utc>,
    offset: FixedOffset,
    settings: &Settings,
) -> (Vec<DeckRow>, StudyNow) {
    build_from(
        library,
        deck_stats(library, states, now, offset, settings),
        today,
        now,
        offset,
        settings,
    )
}

/// [`build`] from each deck's figures counted by [`deck_stats`].
pub fn build_from(
    library: &Library,
    stats: Vec<DeckStats>,
    today: &Today,
    now: DateTime<Utc>,
    offset: FixedOffset,
    settings: &Settings,
) -> (Vec<DeckRow>, StudyNow) {
    let rows = rows_from(library, stats, today, now, offset, settings.day_cutoff_hour);
    let plan = study_now(&rows, today);
    (rows, plan)
}

/// Today's progress and the streak, as the library's header shows them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TodayProgress {
    /// Answers given today.
    pub done: usize,
    /// Items left today (all decks).
    pub left: u32,
    /// Consecutive study days ending today (or yesterday).
    pub streak_days: u32,
}

impl TodayProgress {
    /// Share done, 0–1 (1 when there was nothing to do).
    pub fn fraction(&self) -> f32 {
        let total = self.done + self.left as usize;
        if total == 0 {
            1.0
        } else {
            self.done as f32 / total as f32
        }
    }

    #[cfg(test)]
    /// "14 of 40 done today".
    pub(crate) fn label(&self) -> String {
        format!(
            "{} of {} done today",
            self.done,
            self.done + self.left as usize
        )
    }

    #[cfg(test)]
    /// "3-day streak", "1-day streak", or an invitation when there is none.
    pub(crate) fn streak_label(&self) -> String {
        match self.streak_days {
            0 => "No streak yet: study today to start one".into(),
            n => format!("{n}-day streak"),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck;
    use crate::library::LibraryDeck;
    use crate::schedule::{ItemState, Memory, Phase, ReviewEntry};

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    fn deck(id: &str, title: &str, cards: usize, imported: bool) -> LibraryDeck {
        let cards: String = (0..cards)
            .map(|i| {
                format!(r#"Card(id: "c{i}", kind: TypeIn(question: "Q{i}", answers: ["A{i}"])),"#)
            })
            .collect();
        let text = format!(r#"Deck(format: 1, id: "{id}", title: "{title}", cards: [{cards}])"#);
        LibraryDeck::new(
            deck::load_str(&text, "x.ron", None).unwrap(),
            if imported {
                DeckOrigin::Imported(format!("/decks/{id}/{id}.ron").into())
            } else {
                DeckOrigin::Bundled
            },
        )
    }

    fn review(due: &str, last: &str, interval: u32) -> ItemState {
        let mut s = ItemState::new(t(last));
        s.phase = Phase::Review;
        s.due = t(due);
        s.last_review = Some(t(last));
        s.interval_days = interval;
        s.reps = 3;
        s.memory = Some(Memory {
            stability_days: interval as f32,
            difficulty: 5.0,
        });
        s
    }

    /// Three decks: "alpha" never studied; "beta" studied three days ago (one review due
    /// today, new items left); "gamma" studied yesterday (nothing due, new items left).
    fn fixture() -> (Library, HashMap<ItemKey, ItemState>) {
        let library = Library {
            decks: vec![
                deck("alpha", "Alpha", 5, false),
                deck("beta", "Beta", 5, false),
                deck("gamma", "Gamma", 5, true),
            ],
            broken: Vec::new(),
            notes: Vec::new(),
        };
        let mut states = HashMap::new();
        states.insert(
            ItemKey::new("beta", "c0", 0),
            review("2026-03-10T08:00:00Z", "2026-03-07T10:00:00Z", 3),
        );
        states.insert(
            ItemKey::new("beta", "c1", 0),
            review("2026-04-30T08:00:00Z", "2026-03-07T10:05:00Z", 40),
        );
        states.insert(
            ItemKey::new("gamma", "c0", 0),
            review("2026-03-20T08:00:00Z", "2026-03-09T10:00:00Z", 10),
        );
        (library, states)
    }

    const NOW: &str = "2026-03-10T12:00:00Z";

    /// Today's figures over the whole library, as the app computes them, with `new_done`
    /// new items already answered today (in a deck outside the library).
    fn today(
        library: &Library,
        states: &impl StateLookup,
        new_done: u32,
        now: DateTime<Utc>,
        settings: &Settings,
    ) -> Today {
        let answers: Vec<ReviewEntry> = (0..new_done)
            .map(|i| ReviewEntry {
                key: ItemKey::new("elsewhere", format!("c{i}"), 0),
                rating: crate::schedule::Rating::Good,
                at: now - chrono::Duration::minutes(1),
                duration_ms: 1000,
                phase: Phase::New,
            })
            .collect();
        crate::session::today_from(library.items(&[]), states, &answers, settings, now, utc())
    }

    /// A deck of `cards` cards of every kind of part count: a type-in (one item), a
    /// reversed basic card (two) and a cloze of one to three gaps.
    fn deck_of_parts(id: &str, cards: usize) -> LibraryDeck {
        let cards: String = (0..cards)
            .map(|i| match i % 4 {
                0 => {
                    format!(r#"Card(id: "c{i}", kind: TypeIn(question: "Q{i}", answers: ["A"])),"#)
                }
                1 => format!(
                    r#"Card(id: "c{i}", kind: Basic(front: "F{i}", back: "B", reverse: true)),"#
                ),
                n => {
                    // (A gap number twice too: 1, 2, 3 and 2 again.)
                    let gaps: String = ((1..=n).chain((n == 3).then_some(2)))
                        .map(|g| format!(" {{{{c{g}::g{g}}}}}"))
                        .collect();
                    format!(r#"Card(id: "c{i}", kind: Cloze(text: "T{i}{gaps}")),"#)
                }
            })
            .collect();
        let text = format!(r#"Deck(format: 1, id: "{id}", title: "{id}", cards: [{cards}])"#);
        LibraryDeck::new(
            deck::load_str(&text, "x.ron", None).unwrap(),
            DeckOrigin::Bundled,
        )
    }

    /// The library's figures counted in one pass ([`figures`], on one thread and on two)
    /// are those of today's queue built over every item ([`session::today_from`]) and of
    /// [`deck_stats`]: random libraries, states, today's answers and limits, siblings
    /// buried or not, a deck id long enough to be shared, no decks at all.
    #[test]
    fn figures_counted_in_one_pass_are_those_of_todays_queue() {
        use rand::{Rng, SeedableRng, rngs::StdRng};
        let now = t(NOW);
        let at = |hours: i64| now + chrono::Duration::hours(hours);
        let ids = ["a", "b", "a-deck-id-longer-than-twenty-three-bytes", "d"];
        let mut seen_held = (false, false);
        for seed in 0..400u64 {
            let mut rng = StdRng::seed_from_u64(seed);
            let decks: Vec<LibraryDeck> = ids[..rng.random_range(0..=ids.len())]
                .iter()
                .map(|id| deck_of_parts(id, rng.random_range(1..12)))
                .collect();
            let library = Library {
                decks,
                broken: Vec::new(),
                notes: Vec::new(),
            };
            let mut states: HashMap<ItemKey, ItemState> = HashMap::new();
            for key in library.items(&[]) {
                let last = [at(-1), at(-30), at(-200)][rng.random_range(0..3)];
                let mut s = ItemState::new(last);
                s.last_review = Some(last);
                s.due = [at(-50), at(-2), at(3), at(20), at(60)][rng.random_range(0..5)];
                match rng.random_range(0..7) {
                    0 | 1 => continue,
                    2 => s.phase = Phase::New,
                    3 => s.phase = Phase::Learning,
                    4 => {
                        s.phase = Phase::Relearning;
                        s.interval_days = rng.random_range(0..2);
                    }
                    _ => s = review("2026-03-10T08:00:00Z", "2026-03-01T08:00:00Z", 9),
                }
                if rng.random_range(0..3) == 0 {
                    s.due = [at(-50), at(-2), at(3), at(60)][rng.random_range(0..4)];
                    s.last_review = Some([at(-1), at(-30)][rng.random_range(0..2)]);
                }
                s.suspended = rng.random_range(0..8) == 0;
                states.insert(key, s);
            }
            let answers: Vec<ReviewEntry> = (0..rng.random_range(0..6))
                .map(|i| ReviewEntry {
                    key: ItemKey::new(ids[rng.random_range(0..ids.len())], format!("c{i}"), 0),
                    rating: crate::schedule::Rating::Good,
                    at: [at(-1), at(-30)][rng.random_range(0..2)],
                    duration_ms: 1000,
                    phase: [Phase::New, Phase::Review, Phase::Learning][rng.random_range(0..3)],
                })
                .collect();
            let mut settings = Settings {
                bury_siblings: rng.random(),
                new_per_day: rng.random_range(0..12),
                reviews_per_day: rng.random_range(0..12),
                deck_new_per_day: rng.random_range(0..8),
                deck_reviews_per_day: rng.random_range(0..8),
                ..Settings::default()
            };
            if rng.random() {
                let limits = crate::schedule::DeckLimits {
                    new_per_day: rng.random_range(0..4),
                    reviews_per_day: rng.random_range(0..4),
                };
                settings.deck_limits.insert("b".into(), limits);
            }
            if rng.random() {
                settings.extra_new.day = day::day_index(now, utc(), settings.day_cutoff_hour);
                settings.extra_new.by_deck.insert("a".into(), 2);
            }
            let expected = crate::session::today_from(
                library.items(&[]),
                &states,
                &answers,
                &settings,
                now,
                utc(),
            );
            seen_held.0 |= expected.decks.iter().any(|d| d.held_new > 0);
            seen_held.1 |= expected.decks.iter().any(|d| d.held_reviews > 0);
            let stats = deck_stats(&library, &states, now, utc(), &settings);
            for two_threads in [false, true] {
                let got = figures(
                    &library,
                    &states,
                    &answers,
                    &settings,
                    now,
                    utc(),
                    two_threads,
                );
                assert_eq!(got.1, expected, "seed {seed}, two threads: {two_threads}");
                assert_eq!(got.0, stats, "seed {seed}, two threads: {two_threads}");
            }
            // The same counted with some decks' cards still to read, by their outline
            // (a library as it opens: `library::Opening`).
            let outlines: Vec<Vec<CardOutline>> = (library.decks.iter())
                .map(|d| d.deck.cards.iter().map(Card::outline).collect())
                .collect();
            let mut opening = library.clone();
            let mut given = Vec::new();
            for (d, o) in opening.decks.iter_mut().zip(&outlines) {
                let later = rng.random();
                if later {
                    d.deck.cards.clear();
                }
                given.push(later.then_some(&o[..]));
            }
            let two_threads = rng.random();
            let got = figures_outlined(
                &opening,
                &given,
                &states,
                &answers,
                &settings,
                now,
                utc(),
                two_threads,
            );
            assert_eq!(got, (stats, expected), "seed {seed}, by the outline");
        }
        assert_eq!(
            seen_held,
            (true, true),
            "the limits held items back in some cases"
        );
    }

    /// Two decks of one id (a library put together by hand): their items are counted
    /// once, as the queue keeps them.
    #[test]
    fn figures_of_a_library_with_one_deck_id_twice_are_the_queues() {
        let library = Library {
            decks: vec![deck("alpha", "A", 3, false), deck("alpha", "A", 3, true)],
            broken: Vec::new(),
            notes: Vec::new(),
        };
        let states: HashMap<ItemKey, ItemState> = HashMap::new();
        let now = t(NOW);
        let settings = Settings::default();
        let got = figures(&library, &states, &[], &settings, now, utc(), true);
        assert_eq!(got.1.total.new, 3);
        assert_eq!(got.1, today(&library, &states, 0, now, &settings));
    }

    #[test]
    fn rows_count_due_new_and_states_as_the_queue_does() {
        let (library, states) = fixture();
        // A profile whose overall cap is twenty new items a day.
        let settings = Settings {
            new_per_day: 20,
            ..Settings::default()
        };
        let r = rows(
            &library,
            &states,
            &today(&library, &states, 0, t(NOW), &settings),
            t(NOW),
            utc(),
            &settings,
        );
        let beta = &r[1];
        assert_eq!((beta.due(), beta.today.new), (1, 3));
        assert_eq!(beta.stats.states.young, 1);
        assert_eq!(beta.stats.states.mature, 1);
        assert_eq!(beta.stats.states.new, 3);
        assert_eq!(r[0].due(), 0);
        assert_eq!(r[0].today.new, 5);
        assert_eq!(r[0].last_studied, "never");
        assert_eq!(beta.last_studied, "3 days ago");
        assert_eq!(r[2].last_studied, "yesterday");
        assert_eq!(r[2].group, "Imported decks");
        assert!(r[2].imported);
        // The daily limit is the engine's: with 18 of 20 new items done today, each deck
        // offers at most 2, and so do all of them together.
        let done = today(&library, &states, 18, t(NOW), &settings);
        let r = rows(&library, &states, &done, t(NOW), utc(), &settings);
        assert!(r.iter().all(|row| row.today.new == 2));
        assert!(r.iter().all(|row| row.stats.new_today == 2));
        assert_eq!(done.total.new, 2);
    }

    #[test]
    fn sorting_and_grouping() {
        let (library, states) = fixture();
        let mut r = rows(
            &library,
            &states,
            &today(&library, &states, 0, t(NOW), &Settings::default()),
            t(NOW),
            utc(),
            &Settings::default(),
        );
        let ids = |r: &[DeckRow]| r.iter().map(|x| x.id.to_string()).collect::<Vec<_>>();
        sort(&mut r, SortBy::DueFirst);
        assert_eq!(ids(&r), ["beta", "gamma", "alpha"]);
        sort(&mut r, SortBy::LastStudied);
        assert_eq!(ids(&r), ["gamma", "beta", "alpha"]);
        sort(&mut r, SortBy::Title);
        assert_eq!(ids(&r), ["alpha", "beta", "gamma"]);
        // Baltic letters beside their base letter, Cyrillic after Latin.
        let mut titled = r.clone();
        for (row, title) in titled.iter_mut().zip(["Žemaitija", "Ūdens", "Väinameri"]) {
            row.title = title.into();
        }
        titled.push(DeckRow {
            title: "Оккупация".into(),
            ..titled[0].clone()
        });
        titled.push(DeckRow {
            title: "Zemgale".into(),
            ..titled[1].clone()
        });
        sort(&mut titled, SortBy::Title);
        let titles: Vec<&str> = titled.iter().map(|x| x.title.as_str()).collect();
        assert_eq!(
            titles,
            ["Ūdens", "Väinameri", "Žemaitija", "Zemgale", "Оккупация"]
        );
        sort(&mut r, SortBy::LastStudied);
        let g = groups(&r);
        assert_eq!(g.len(), 2);
        assert_eq!(g[0], ("Imported decks".to_owned(), vec![0]));
        assert_eq!(g[1].0, "Bundled with quizdeck");
        assert_eq!(g[1].1, vec![1, 2]);
    }

    #[test]
    fn study_now_takes_reviews_first_then_new_items_from_the_deck_in_progress() {
        let (library, states) = fixture();
        // The profile mixes new items among reviews; "Study now" still shows the review
        // first.
        // A profile whose overall cap is twenty new items a day.
        let settings = Settings {
            new_per_day: 20,
            ..Settings::default()
        };
        assert_eq!(settings.new_position, NewItemPosition::Mix);
        let figures = today(&library, &states, 17, t(NOW), &settings);
        let done = figures.done;
        assert_eq!(done.new, 17);
        let r = rows(&library, &states, &figures, t(NOW), utc(), &settings);
        let plan = study_now(&r, &figures);
        assert_eq!(
            plan.decks.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
            ["gamma", "beta", "alpha"]
        );
        assert_eq!((plan.due(), plan.counts.new), (1, 3));
        assert_eq!(plan.label(), "Study now — 1 due");
        assert_eq!(plan.then_label().as_deref(), Some("then 3 new cards"));
        let session = StudyNow::session_settings(&settings);
        let mut q = crate::schedule::Queue::new(
            &plan.items(&library),
            &states,
            done,
            t(NOW),
            utc(),
            &session,
        );
        let graduated = review("2026-05-01T08:00:00Z", NOW, 30);
        let mut shown = Vec::new();
        while let Some(item) = q.next(t(NOW)) {
            shown.push(item.key.to_string());
            q.answered(&item.key, &graduated, t(NOW)).unwrap();
        }
        // The due review, then new items from "gamma" (studied yesterday), within the
        // three new items left of the daily twenty.
        assert_eq!(
            shown,
            ["beta/c0#0", "gamma/c1#0", "gamma/c2#0", "gamma/c3#0"]
        );
    }

    #[test]
    fn study_now_with_nothing_due_and_with_nothing_at_all() {
        let (library, states) = fixture();
        // A profile whose overall cap is twenty new items a day.
        let settings = Settings {
            new_per_day: 20,
            ..Settings::default()
        };
        let later = t("2026-03-10T13:00:00Z");
        let mut states2 = states.clone();
        states2.remove(&ItemKey::new("beta", "c0", 0));
        let r = rows(
            &library,
            &states2,
            &today(&library, &states2, 0, later, &settings),
            later,
            utc(),
            &settings,
        );
        let plan = study_now(&r, &today(&library, &states2, 0, later, &settings));
        assert_eq!(plan.due(), 0);
        assert_eq!(plan.counts.new, 13);
        assert_eq!(plan.label(), "Study now — 13 new");
        assert_eq!(plan.then_label(), None);
        let plan = study_now(&r, &today(&library, &states2, 20, later, &settings));
        assert_eq!(plan.total(), 0);
        assert_eq!(plan.label(), "All done for today");
    }

    #[test]
    fn progress_and_streak_labels() {
        let p = TodayProgress {
            done: 14,
            left: 26,
            streak_days: 3,
        };
        assert_eq!(p.label(), "14 of 40 done today");
        assert_eq!(p.fraction(), 0.35);
        assert_eq!(p.streak_label(), "3-day streak");
        assert_eq!(TodayProgress::default().fraction(), 1.0);
        let history: Vec<ReviewEntry> = ["2026-03-08T10:00:00Z", "2026-03-09T03:00:00Z"]
            .iter()
            .map(|at| ReviewEntry {
                key: ItemKey::new("d", "c", 0),
                rating: crate::schedule::Rating::Good,
                at: t(at),
                duration_ms: 0,
                phase: Phase::Review,
            })
            .collect();
        // 03:00 on 03-09 still belongs to 03-08's study day (cut-off 4:00).
        let now = t("2026-03-09T12:00:00Z");
        let days = crate::stats::from_history(&history, &[], now, utc(), 4).study_days;
        assert_eq!(days.len(), 1);
        let today = day::day_index(t("2026-03-09T12:00:00Z"), utc(), 4);
        assert_eq!(crate::stats::streak_days(&days, today), 1);
        assert_eq!(crate::stats::streak_days(&days, today + 1), 0);
    }
}
