//! The library overview: one row of figures per deck, their order and grouping, today's
//! progress and streak, and the "Study now" choice. Everything here is computed when data
//! changes (a profile opens, a session ends, a deck is imported), never per frame.
//!
//! Today's counts come from the engine's own queue ([`today_counts`]): what the library
//! shows is exactly what a session would hold, daily limits included.

use crate::ids::{DeckId, ItemKey};
use crate::library::{self, DeckOrigin, DeckStats, Library, LibraryDeck};
use crate::schedule::{
    Counts, DoneToday, ItemState, NewItemPosition, Queue, ReviewEntry, Settings, StateLookup, day,
};
use chrono::{DateTime, FixedOffset, Utc};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeSet, HashMap};

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

    /// The name shown in the library.
    pub fn label(self) -> &'static str {
        match self {
            SortBy::DueFirst => "Due first",
            SortBy::Title => "Title",
            SortBy::LastStudied => "Last studied",
        }
    }
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
    /// Today's queue over this deck alone, after the daily limits ([`today_counts`]).
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
pub fn group_of(deck: &LibraryDeck) -> String {
    match &deck.origin {
        DeckOrigin::Bundled => "Bundled with quizdeck".into(),
        DeckOrigin::Imported(_) => "Imported decks".into(),
        DeckOrigin::Class { folder, .. } => format!("Class decks ({folder})"),
    }
}

/// Today's queue over `items` as the engine builds it for a session, reduced to its
/// counts (new items it would introduce, learning steps and reviews left, after the daily
/// limits). This is the one place the library reads "due" and "new" figures from.
pub fn today_counts(
    items: &[ItemKey],
    states: &impl StateLookup,
    done: DoneToday,
    now: DateTime<Utc>,
    offset: FixedOffset,
    settings: &Settings,
) -> Counts {
    Queue::new(items, states, done, now, offset, settings).counts()
}

/// Every deck's row, in library order. O(items · log items).
pub fn rows(
    library: &Library,
    states: &HashMap<ItemKey, ItemState>,
    done: DoneToday,
    now: DateTime<Utc>,
    offset: FixedOffset,
    settings: &Settings,
) -> Vec<DeckRow> {
    let new_left = settings.new_per_day.saturating_sub(done.new) as usize;
    let cutoff = settings.day_cutoff_hour;
    let today = day::day_index(now, offset, cutoff);
    let imported = library
        .decks
        .iter()
        .filter(|d| !matches!(d.origin, DeckOrigin::Bundled))
        .count();
    let mut bundled_seen = 0;
    let mut imported_seen = 0;
    library
        .decks
        .iter()
        .map(|d| {
            let order = if !matches!(d.origin, DeckOrigin::Bundled) {
                imported_seen += 1;
                imported_seen - 1
            } else {
                bundled_seen += 1;
                imported + bundled_seen - 1
            };
            let stats = library::deck_stats(&d.deck, states, now, offset, settings, new_left);
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
                today: today_counts(&d.deck.items(), states, done, now, offset, settings),
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
    /// The decks, in the order new items are taken from them.
    pub decks: Vec<DeckId>,
    /// Their study items, in that order.
    pub items: Vec<ItemKey>,
    /// What the session holds today.
    pub counts: Counts,
}

impl StudyNow {
    /// Reviews and learning steps left today.
    pub fn due(&self) -> u32 {
        self.counts.review + self.counts.learning
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

    /// The button's text: "Study now — 12 due", "Study now — 5 new", or that all is done.
    pub fn label(&self) -> String {
        match (self.due(), self.counts.new) {
            (0, 0) => "All done for today".into(),
            (0, n) => format!("Study now — {n} new"),
            (d, _) => format!("Study now — {d} due"),
        }
    }

    /// What comes after the due items, e.g. "then 8 new cards" (None when nothing does).
    pub fn then_label(&self) -> Option<String> {
        match (self.due(), self.counts.new) {
            (0, _) | (_, 0) => None,
            (_, 1) => Some("then 1 new card".into()),
            (_, n) => Some(format!("then {n} new cards")),
        }
    }
}

/// Chooses what "Study now" studies (see [`StudyNow`]). `rows` in any order.
pub fn study_now(
    library: &Library,
    rows: &[DeckRow],
    states: &impl StateLookup,
    done: DoneToday,
    now: DateTime<Utc>,
    offset: FixedOffset,
    settings: &Settings,
) -> StudyNow {
    let mut order: Vec<&DeckRow> = rows.iter().collect();
    order.sort_by(|a, b| {
        b.stats
            .last_studied
            .cmp(&a.stats.last_studied)
            .then(a.order.cmp(&b.order))
    });
    let decks: Vec<DeckId> = order.iter().map(|r| r.id.clone()).collect();
    let items: Vec<ItemKey> = decks
        .iter()
        .filter_map(|id| library.get(id))
        .flat_map(|d| d.deck.items())
        .collect();
    let counts = today_counts(
        &items,
        states,
        done,
        now,
        offset,
        &StudyNow::session_settings(settings),
    );
    StudyNow {
        decks,
        items,
        counts,
    }
}

/// The deck rows (in library order) and the "Study now" choice over them.
pub fn build(
    library: &Library,
    states: &HashMap<ItemKey, ItemState>,
    done: DoneToday,
    now: DateTime<Utc>,
    offset: FixedOffset,
    settings: &Settings,
) -> (Vec<DeckRow>, StudyNow) {
    let rows = rows(library, states, done, now, offset, settings);
    let plan = study_now(library, &rows, states, done, now, offset, settings);
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

    /// "14 of 40 done today".
    pub fn label(&self) -> String {
        format!(
            "{} of {} done today",
            self.done,
            self.done + self.left as usize
        )
    }

    /// "3-day streak", "1-day streak", or an invitation when there is none.
    pub fn streak_label(&self) -> String {
        match self.streak_days {
            0 => "No streak yet: study today to start one".into(),
            n => format!("{n}-day streak"),
        }
    }
}

/// The study days (day indices, see [`day::day_index`]) on which anything was answered.
pub fn study_days(history: &[ReviewEntry], offset: FixedOffset, cutoff_hour: u32) -> BTreeSet<i64> {
    history
        .iter()
        .map(|e| day::day_index(e.at, offset, cutoff_hour))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck;
    use crate::library::LibraryDeck;
    use crate::schedule::{Memory, Phase};

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
            DoneToday::default(),
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
        // offers at most 2.
        let done = DoneToday {
            new: 18,
            reviews: 0,
        };
        let r = rows(&library, &states, done, t(NOW), utc(), &settings);
        assert!(r.iter().all(|row| row.today.new == 2));
    }

    #[test]
    fn sorting_and_grouping() {
        let (library, states) = fixture();
        let mut r = rows(
            &library,
            &states,
            DoneToday::default(),
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
        let done = DoneToday {
            new: 17,
            reviews: 0,
        };
        let r = rows(&library, &states, done, t(NOW), utc(), &settings);
        let plan = study_now(&library, &r, &states, done, t(NOW), utc(), &settings);
        assert_eq!(
            plan.decks.iter().map(|d| d.as_str()).collect::<Vec<_>>(),
            ["gamma", "beta", "alpha"]
        );
        assert_eq!((plan.due(), plan.counts.new), (1, 3));
        assert_eq!(plan.label(), "Study now — 1 due");
        assert_eq!(plan.then_label().as_deref(), Some("then 3 new cards"));
        let session = StudyNow::session_settings(&settings);
        let mut q = Queue::new(&plan.items, &states, done, t(NOW), utc(), &session);
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
            DoneToday::default(),
            later,
            utc(),
            &settings,
        );
        let plan = study_now(
            &library,
            &r,
            &states2,
            DoneToday::default(),
            later,
            utc(),
            &settings,
        );
        assert_eq!(plan.due(), 0);
        assert_eq!(plan.counts.new, 13);
        assert_eq!(plan.label(), "Study now — 13 new");
        assert_eq!(plan.then_label(), None);
        let done = DoneToday {
            new: 20,
            reviews: 0,
        };
        let plan = study_now(&library, &r, &states2, done, later, utc(), &settings);
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
        let days = study_days(&history, utc(), 4);
        assert_eq!(days.len(), 1);
        let today = day::day_index(t("2026-03-09T12:00:00Z"), utc(), 4);
        assert_eq!(crate::stats::streak_days(&days, today), 1);
        assert_eq!(crate::stats::streak_days(&days, today + 1), 0);
    }
}
