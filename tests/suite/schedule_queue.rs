//! Queue behaviour: daily limits, burying, deck order, intraday learning, counts, undo.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use proptest::prelude::*;
use quizdeck::ids::ItemKey;
use quizdeck::schedule::queue::Counts;
use quizdeck::schedule::{
    DoneToday, ItemState, LeechAction, Memory, NewItemPosition, Phase, QueueKind, Rating,
    ReviewEntry, Scheduler, Settings,
};
use quizdeck::schedule::{Queue, QueuedItem};
use std::collections::HashMap;

fn utc() -> FixedOffset {
    FixedOffset::east_opt(0).unwrap()
}

/// 2024-05-01 12:00 UTC (the study day runs 04:00–04:00).
fn noon() -> DateTime<Utc> {
    DateTime::parse_from_rfc3339("2024-05-01T12:00:00Z")
        .unwrap()
        .to_utc()
}

fn key(card: &str, part: u32) -> ItemKey {
    ItemKey::new("deck", card, part)
}

fn review_due(due: DateTime<Utc>) -> ItemState {
    ItemState {
        phase: Phase::Review,
        memory: Some(Memory {
            stability_days: 10.0,
            difficulty: 5.0,
        }),
        due,
        last_review: Some(due - TimeDelta::days(10)),
        interval_days: 10,
        reps: 3,
        ..ItemState::new(due)
    }
}

fn learning_due(due: DateTime<Utc>) -> ItemState {
    ItemState {
        phase: Phase::Learning,
        step: 1,
        memory: Some(Memory {
            stability_days: 2.0,
            difficulty: 5.0,
        }),
        due,
        last_review: Some(due - TimeDelta::minutes(10)),
        interval_days: 0,
        reps: 1,
        ..ItemState::new(due)
    }
}

/// Overall caps of 20 new items and 200 reviews a day; no deck limits of its own (one deck
/// here: the per-deck limits have their own tests).
fn settings() -> Settings {
    Settings {
        fuzz: false,
        new_per_day: 20,
        reviews_per_day: 200,
        deck_new_per_day: u32::MAX,
        deck_reviews_per_day: u32::MAX,
        ..Settings::default()
    }
}

/// Answers whatever `next` gives with `rating`, keeping the states map in step.
fn study(
    q: &mut Queue,
    states: &mut HashMap<ItemKey, ItemState>,
    sch: &Scheduler,
    now: DateTime<Utc>,
    rating: Rating,
) -> Option<QueuedItem> {
    let item = q.next(now)?;
    let old = states
        .get(&item.key)
        .cloned()
        .unwrap_or_else(|| ItemState::new(now));
    let new = sch.answer(&item.key, &old, rating, now, utc());
    q.answered(&item.key, &new, now).unwrap();
    states.insert(item.key.clone(), new);
    Some(item)
}

#[test]
fn new_items_respect_the_daily_limit_and_deck_order() {
    let items: Vec<ItemKey> = (0..30).map(|i| key(&format!("c{i:02}"), 0)).collect();
    let mut states = HashMap::new();
    let sch = Scheduler::new(settings()).unwrap();
    let done = DoneToday { new: 5, reviews: 0 };
    let mut q = Queue::new(&items, &states, done, noon(), utc(), sch.settings());
    assert_eq!(
        q.counts(),
        Counts {
            new: 15,
            learning: 0,
            review: 0
        }
    );
    let mut seen = Vec::new();
    // Easy graduates at once, so only new items come.
    while let Some(item) = study(&mut q, &mut states, &sch, noon(), Rating::Easy) {
        assert_eq!(item.kind, QueueKind::New);
        seen.push(item.key);
    }
    assert_eq!(seen, items[..15]);
    assert_eq!(
        q.done_today(),
        DoneToday {
            new: 20,
            reviews: 0
        }
    );
    assert_eq!(q.counts(), Counts::default());
}

#[test]
fn reviews_respect_the_daily_limit_and_come_oldest_first() {
    let items: Vec<ItemKey> = (0..250).map(|i| key(&format!("c{i:03}"), 0)).collect();
    let mut states: HashMap<ItemKey, ItemState> = items
        .iter()
        .enumerate()
        .map(|(i, k)| (k.clone(), review_due(noon() - TimeDelta::hours(i as i64))))
        .collect();
    // One not due yet.
    states.insert(items[0].clone(), review_due(noon() + TimeDelta::days(1)));
    let sch = Scheduler::new(settings()).unwrap();
    let done = DoneToday {
        new: 0,
        reviews: 190,
    };
    let mut q = Queue::new(&items, &states, done, noon(), utc(), sch.settings());
    assert_eq!(q.counts().review, 10);
    let first = study(&mut q, &mut states, &sch, noon(), Rating::Good).unwrap();
    assert_eq!(
        first,
        QueuedItem {
            key: items[249].clone(),
            kind: QueueKind::Review
        }
    );
    assert_eq!(q.counts().review, 9);
    for _ in 0..9 {
        study(&mut q, &mut states, &sch, noon(), Rating::Good).unwrap();
    }
    assert_eq!(q.next(noon()), None);
    assert_eq!(q.done_today().reviews, 200);
}

#[test]
fn a_review_due_later_today_by_clock_is_due_today() {
    // Reviews are due by study day: due at 23:00 is shown at 12:00 the same day.
    let items = [key("a", 0)];
    let states = HashMap::from([(items[0].clone(), review_due(noon() + TimeDelta::hours(11)))]);
    let q = Queue::new(
        &items,
        &states,
        DoneToday::default(),
        noon(),
        utc(),
        &settings(),
    );
    assert_eq!(q.counts().review, 1);
    // Due after the 04:00 cut-off: tomorrow.
    let states = HashMap::from([(items[0].clone(), review_due(noon() + TimeDelta::hours(17)))]);
    let q = Queue::new(
        &items,
        &states,
        DoneToday::default(),
        noon(),
        utc(),
        &settings(),
    );
    assert_eq!(q.counts().review, 0);
}

#[test]
fn siblings_are_buried_once_one_is_answered_and_undo_unburies() {
    let items = [key("a", 0), key("a", 1), key("b", 0), key("a", 2)];
    let mut states: HashMap<ItemKey, ItemState> =
        HashMap::from([(key("a", 2), review_due(noon() - TimeDelta::days(1)))]);
    let sch = Scheduler::new(Settings {
        new_position: NewItemPosition::BeforeReviews,
        ..settings()
    })
    .unwrap();
    let mut q = Queue::new(
        &items,
        &states,
        DoneToday::default(),
        noon(),
        utc(),
        sch.settings(),
    );
    assert_eq!(
        q.counts(),
        Counts {
            new: 3,
            learning: 0,
            review: 1
        }
    );
    let first = study(&mut q, &mut states, &sch, noon(), Rating::Good).unwrap();
    assert_eq!(first.key, key("a", 0));
    assert!(q.is_buried(&key("a", 1)) && q.is_buried(&key("a", 2)));
    assert!(!q.is_buried(&key("b", 0)));
    assert_eq!(
        q.counts(),
        Counts {
            new: 1,
            learning: 1,
            review: 0
        }
    );
    assert_eq!(q.next(noon()).unwrap().key, key("b", 0));
    // Undo: everything back as before the answer.
    assert_eq!(q.undo(), Some(key("a", 0)));
    assert_eq!(
        q.counts(),
        Counts {
            new: 3,
            learning: 0,
            review: 1
        }
    );
    assert!(!q.is_buried(&key("a", 1)));
    assert_eq!(q.next(noon()).unwrap().key, key("a", 0));
}

#[test]
fn siblings_of_items_answered_earlier_today_are_buried_at_build() {
    let items = [key("a", 0), key("a", 1), key("b", 0)];
    let mut answered = review_due(noon() + TimeDelta::days(3));
    answered.last_review = Some(noon() - TimeDelta::hours(2));
    let states = HashMap::from([(key("a", 0), answered)]);
    let q = Queue::new(
        &items,
        &states,
        DoneToday::default(),
        noon(),
        utc(),
        &settings(),
    );
    assert!(q.is_buried(&key("a", 1)));
    assert_eq!(q.counts().new, 1);
    // Burying can be switched off.
    let q = Queue::new(
        &items,
        &states,
        DoneToday::default(),
        noon(),
        utc(),
        &Settings {
            bury_siblings: false,
            ..settings()
        },
    );
    assert_eq!(q.counts().new, 2);
}

#[test]
fn intraday_learning_items_return_when_due_and_learn_ahead() {
    let items = [key("a", 0), key("b", 0), key("c", 0)];
    let mut states = HashMap::new();
    let sch = Scheduler::new(Settings {
        new_per_day: 2,
        ..settings()
    })
    .unwrap();
    let mut q = Queue::new(
        &items,
        &states,
        DoneToday::default(),
        noon(),
        utc(),
        sch.settings(),
    );
    // a: Good → step 1, due in 10 min.
    let a = study(&mut q, &mut states, &sch, noon(), Rating::Good).unwrap();
    assert_eq!(a.key, key("a", 0));
    assert_eq!(
        q.counts(),
        Counts {
            new: 1,
            learning: 1,
            review: 0
        }
    );
    // Not due yet and b is waiting: b comes first.
    let t1 = noon() + TimeDelta::minutes(1);
    assert_eq!(q.next(t1).unwrap().key, key("b", 0));
    study(&mut q, &mut states, &sch, t1, Rating::Again).unwrap(); // b: due in 1 min
    // Nothing else but learning items: the first one due (b, in 1 min) is shown early.
    let t2 = t1 + TimeDelta::seconds(10);
    assert_eq!(
        q.next(t2),
        Some(QueuedItem {
            key: key("b", 0),
            kind: QueueKind::Learning
        })
    );
    // At 10 min, a is due and b (due at 2 min) is overdue: b first (earlier due).
    let t3 = noon() + TimeDelta::minutes(10);
    assert_eq!(q.next(t3).unwrap().key, key("b", 0));
    study(&mut q, &mut states, &sch, t3, Rating::Easy).unwrap();
    assert_eq!(q.next(t3).unwrap().key, key("a", 0));
    // a: Hard → stays on step 1 for 10 min; beyond learn-ahead only if > 20 min.
    study(&mut q, &mut states, &sch, t3, Rating::Hard).unwrap();
    assert_eq!(q.next_learning_due(), Some(t3 + TimeDelta::minutes(10)));
    assert!(
        q.next(t3).is_some(),
        "10 min is within the 20 min learn-ahead"
    );
    let strict = Scheduler::new(Settings {
        learn_ahead_secs: 0,
        new_per_day: 2,
        ..settings()
    })
    .unwrap();
    let q2 = Queue::new(
        &items,
        &states,
        DoneToday { new: 2, reviews: 0 },
        t3,
        utc(),
        strict.settings(),
    );
    assert_eq!(q2.next(t3), None);
    assert_eq!(
        q2.counts(),
        Counts {
            new: 0,
            learning: 1,
            review: 0
        }
    );
    assert_eq!(
        q2.next(t3 + TimeDelta::minutes(10)).unwrap().key,
        key("a", 0)
    );
}

#[test]
fn learning_items_due_after_the_day_end_wait_for_tomorrow() {
    let items = [key("a", 0)];
    let late = DateTime::parse_from_rfc3339("2024-05-02T03:55:00Z")
        .unwrap()
        .to_utc();
    let states = HashMap::from([(key("a", 0), learning_due(late + TimeDelta::minutes(10)))]);
    let q = Queue::new(
        &items,
        &states,
        DoneToday::default(),
        late,
        utc(),
        &settings(),
    );
    assert_eq!(q.counts().learning, 0);
    assert_eq!(q.next(late + TimeDelta::minutes(10)), None);
    assert!(q.is_stale(late + TimeDelta::minutes(10)));
    let tomorrow = late + TimeDelta::minutes(10);
    let q = Queue::new(
        &items,
        &states,
        DoneToday::default(),
        tomorrow,
        utc(),
        &settings(),
    );
    assert_eq!(q.next(tomorrow).unwrap().kind, QueueKind::Learning);
}

#[test]
fn mixing_spreads_new_items_among_reviews() {
    let items: Vec<ItemKey> = (0..6).map(|i| key(&format!("c{i}"), 0)).collect();
    let mut states: HashMap<ItemKey, ItemState> = items[2..]
        .iter()
        .map(|k| (k.clone(), review_due(noon() - TimeDelta::days(1))))
        .collect();
    let sch = Scheduler::new(settings()).unwrap();
    let mut q = Queue::new(
        &items,
        &states,
        DoneToday::default(),
        noon(),
        utc(),
        sch.settings(),
    );
    let kinds: Vec<QueueKind> = std::iter::from_fn(|| {
        study(&mut q, &mut states, &sch, noon(), Rating::Easy).map(|i| i.kind)
    })
    .collect();
    use QueueKind::{New as N, Review as R};
    assert_eq!(kinds, [N, R, R, N, R, R]);
}

#[test]
fn suspended_and_leech_items_leave_the_queue() {
    let items = [key("a", 0), key("b", 0)];
    let mut leechy = review_due(noon() - TimeDelta::days(1));
    leechy.lapses = 7;
    let mut states = HashMap::from([
        (key("a", 0), review_due(noon()).suspend()),
        (key("b", 0), leechy.clone()),
    ]);
    let sch = Scheduler::new(Settings {
        leech_action: LeechAction::Suspend,
        ..settings()
    })
    .unwrap();
    let mut q = Queue::new(
        &items,
        &states,
        DoneToday::default(),
        noon(),
        utc(),
        sch.settings(),
    );
    assert_eq!(
        q.counts(),
        Counts {
            new: 0,
            learning: 0,
            review: 1
        }
    );
    study(&mut q, &mut states, &sch, noon(), Rating::Again).unwrap();
    assert!(states[&key("b", 0)].leech && states[&key("b", 0)].suspended);
    assert_eq!(q.counts(), Counts::default());
    // Unsuspending re-files the item.
    let back = states[&key("a", 0)].unsuspend();
    q.update(&key("a", 0), &back).unwrap();
    assert_eq!(q.kind_of(&key("a", 0)), Some(QueueKind::Review));

    // Tag only (the default): marked, and still studied in its relearning step.
    let mut states = HashMap::from([(key("b", 0), leechy)]);
    let sch = Scheduler::new(settings()).unwrap();
    let mut q = Queue::new(
        &items[1..],
        &states,
        DoneToday::default(),
        noon(),
        utc(),
        sch.settings(),
    );
    study(&mut q, &mut states, &sch, noon(), Rating::Again).unwrap();
    let b = &states[&key("b", 0)];
    assert!(b.leech && !b.suspended && b.phase == Phase::Relearning);
    assert_eq!(q.kind_of(&key("b", 0)), Some(QueueKind::Learning));
}

#[test]
fn done_today_is_counted_from_history() {
    let entry = |at: DateTime<Utc>, phase| ReviewEntry {
        key: key("a", 0),
        rating: Rating::Good,
        at,
        duration_ms: 1000,
        phase,
    };
    let history = [
        entry(noon() - TimeDelta::days(1), Phase::New),
        entry(noon() - TimeDelta::hours(7), Phase::New), // 05:00: today
        entry(noon() - TimeDelta::hours(9), Phase::Review), // 03:00: yesterday
        entry(noon(), Phase::Review),
        entry(noon(), Phase::Learning),
    ];
    assert_eq!(
        DoneToday::from_history(&history, noon(), utc(), 4),
        DoneToday { new: 1, reviews: 1 }
    );
}

#[derive(Debug, Clone)]
enum Init {
    New,
    ReviewDue(i64),
    ReviewLater(i64),
    Learning(i64),
    Suspended,
}

fn init() -> impl Strategy<Value = Init> {
    prop_oneof![
        3 => Just(Init::New),
        3 => (0i64..30).prop_map(Init::ReviewDue),
        1 => (1i64..30).prop_map(Init::ReviewLater),
        1 => (-60i64..300).prop_map(Init::Learning),
        1 => Just(Init::Suspended),
    ]
}

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        Just(Rating::Again),
        Just(Rating::Hard),
        Just(Rating::Good),
        Just(Rating::Easy)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(128))]

    /// Studying a random collection: every shown item is eligible, limits hold, and the
    /// incrementally updated queue always equals a queue rebuilt from the current states.
    #[test]
    fn incremental_queue_equals_a_rebuilt_one(
        inits in prop::collection::vec((0usize..8, init()), 1..30),
        answers in prop::collection::vec((rating(), 0i64..600), 0..60),
        new_per_day in 0u32..10,
        reviews_per_day in 0u32..20,
        position in prop_oneof![Just(NewItemPosition::Mix), Just(NewItemPosition::BeforeReviews), Just(NewItemPosition::AfterReviews)],
        undo_every in 0usize..5,
    ) {
        let settings = Settings {
            new_per_day,
            reviews_per_day,
            new_position: position,
            ..settings()
        };
        let sch = Scheduler::new(settings.clone()).unwrap();
        let mut items = Vec::new();
        let mut states = HashMap::new();
        for (i, (card, init)) in inits.iter().enumerate() {
            let k = ItemKey::new("deck", format!("c{card}"), i as u32);
            let state = match init {
                Init::New => None,
                Init::ReviewDue(d) => Some(review_due(noon() - TimeDelta::days(*d))),
                Init::ReviewLater(d) => Some(review_due(noon() + TimeDelta::days(*d))),
                Init::Learning(m) => Some(learning_due(noon() + TimeDelta::minutes(*m))),
                Init::Suspended => Some(review_due(noon()).suspend()),
            };
            if let Some(s) = state {
                states.insert(k.clone(), s);
            }
            items.push(k);
        }
        let mut q = Queue::new(&items, &states, DoneToday::default(), noon(), utc(), &settings);
        let mut now = noon();
        let mut history: Vec<(ItemKey, Option<ItemState>)> = Vec::new();
        for (n, (rating, wait)) in answers.into_iter().enumerate() {
            now += TimeDelta::seconds(wait);
            let before = q.counts();
            let Some(item) = q.next(now) else { break };
            let old = states.get(&item.key).cloned();
            let state = old.clone().unwrap_or_else(|| ItemState::new(now));
            prop_assert!(!state.suspended);
            match item.kind {
                QueueKind::New => prop_assert_eq!(state.phase, Phase::New),
                QueueKind::Review => prop_assert!(state.is_day_based()),
                QueueKind::Learning => {
                    prop_assert!(!state.is_day_based());
                    prop_assert!(state.due <= now + TimeDelta::seconds(i64::from(settings.learn_ahead_secs)));
                }
            }
            let new = sch.answer(&item.key, &state, rating, now, utc());
            q.answered(&item.key, &new, now).unwrap();
            states.insert(item.key.clone(), new);
            history.push((item.key.clone(), old));
            let after = q.counts();
            prop_assert!(after.new <= before.new && after.review <= before.review);
            let done = q.done_today();
            prop_assert!(done.new <= new_per_day && done.reviews <= reviews_per_day);
            if undo_every > 0 && n % undo_every == undo_every - 1 {
                let (k, old) = history.pop().unwrap();
                prop_assert_eq!(q.undo(), Some(k.clone()));
                match old {
                    Some(s) => states.insert(k, s),
                    None => states.remove(&k),
                };
                prop_assert_eq!(q.counts(), before);
            }
            let rebuilt = Queue::new(&items, &states, q.done_today(), now, utc(), &settings);
            prop_assert_eq!(rebuilt.counts(), q.counts());
            for k in &items {
                prop_assert_eq!(rebuilt.kind_of(k), q.kind_of(k), "{}", k);
            }
        }
    }
}
