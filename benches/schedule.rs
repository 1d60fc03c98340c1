//! Scheduling hot path on a 100k-item collection: pick the next item and answer it
//! (queue `next` + `Scheduler::answer` + state map update + queue `answered`), no I/O.
//! Target: under 20 µs per item.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use quizdeck::ids::ItemKey;
use quizdeck::schedule::{DoneToday, ItemState, Memory, Phase, Queue, Rating, Scheduler, Settings};
use std::collections::HashMap;
use std::hint::black_box;
use std::time::{Duration, Instant};

const ITEMS: usize = 100_000;

struct Fixture {
    items: Vec<ItemKey>,
    states: HashMap<ItemKey, ItemState>,
    scheduler: Scheduler,
    offset: FixedOffset,
    start: DateTime<Utc>,
}

/// Deterministic pseudo-random numbers (xorshift64*).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

/// 50k cards × 2 parts: 30 % new, 45 % reviews due today or overdue, 15 % reviews due
/// later, 8 % in learning, 2 % suspended. Limits high enough never to stop the session.
fn fixture() -> Fixture {
    let start = DateTime::parse_from_rfc3339("2024-05-01T08:00:00Z")
        .unwrap()
        .to_utc();
    let mut rng = Rng(0x9e37_79b9_7f4a_7c15);
    let mut items = Vec::with_capacity(ITEMS);
    let mut states = HashMap::with_capacity(ITEMS);
    for i in 0..ITEMS {
        let key = ItemKey::new(
            format!("deck-{}", i / 5_000),
            format!("card-{}", i / 2),
            (i % 2) as u32,
        );
        let memory = Some(Memory {
            stability_days: 1.0 + rng.below(20_000) as f32 / 100.0,
            difficulty: 1.0 + rng.below(900) as f32 / 100.0,
        });
        let roll = rng.below(100);
        let review = |due: DateTime<Utc>, ivl: u32| ItemState {
            phase: Phase::Review,
            memory,
            due,
            last_review: Some(due - TimeDelta::days(i64::from(ivl))),
            interval_days: ivl,
            reps: 4,
            ..ItemState::new(due)
        };
        let state = match roll {
            0..30 => None,
            30..75 => {
                let ivl = 1 + rng.below(100) as u32;
                Some(review(
                    start - TimeDelta::hours(rng.below(24 * 30) as i64),
                    ivl,
                ))
            }
            75..90 => {
                let ivl = 1 + rng.below(100) as u32;
                Some(review(
                    start + TimeDelta::days(1 + rng.below(60) as i64),
                    ivl,
                ))
            }
            90..98 => Some(ItemState {
                phase: Phase::Learning,
                step: 1,
                memory,
                due: start + TimeDelta::minutes(rng.below(600) as i64),
                last_review: Some(start - TimeDelta::days(1)),
                reps: 1,
                ..ItemState::new(start)
            }),
            _ => Some(review(start, 10).suspend()),
        };
        if let Some(s) = state {
            states.insert(key.clone(), s);
        }
        items.push(key);
    }
    let scheduler = Scheduler::new(Settings {
        new_per_day: u32::MAX,
        reviews_per_day: u32::MAX,
        ..Settings::default()
    })
    .unwrap();
    Fixture {
        items,
        states,
        scheduler,
        offset: FixedOffset::east_opt(2 * 3600).unwrap(),
        start,
    }
}

/// A study session over the fixture.
struct Session {
    queue: Queue,
    states: HashMap<ItemKey, ItemState>,
    now: DateTime<Utc>,
    rng: Rng,
}

impl Session {
    fn new(fx: &Fixture) -> Self {
        let queue = Queue::new(
            &fx.items,
            &fx.states,
            DoneToday::default(),
            fx.start,
            fx.offset,
            fx.scheduler.settings(),
        );
        Self {
            queue,
            states: fx.states.clone(),
            now: fx.start,
            rng: Rng(42),
        }
    }

    /// Next item + answer. False when the queue is empty.
    fn step(&mut self, fx: &Fixture) -> bool {
        let Some(item) = self.queue.next(self.now) else {
            return false;
        };
        let rating = match self.rng.below(10) {
            0 => Rating::Again,
            1 => Rating::Hard,
            2 => Rating::Easy,
            _ => Rating::Good,
        };
        let new = {
            let old = self.states.get(&item.key);
            let fresh;
            let old = match old {
                Some(s) => s,
                None => {
                    fresh = ItemState::new(self.now);
                    &fresh
                }
            };
            fx.scheduler
                .answer(&item.key, old, rating, self.now, fx.offset)
        };
        self.queue
            .answered(&item.key, &new, self.now)
            .expect("item from the queue");
        self.states.insert(item.key, new);
        self.now += TimeDelta::milliseconds(300);
        true
    }
}

fn next_and_answer(c: &mut Criterion) {
    let fx = fixture();
    let mut session = Session::new(&fx);
    c.bench_function("next + answer, 100k items", |b| {
        b.iter_custom(|iters| {
            let mut total = Duration::ZERO;
            let mut done = 0;
            while done < iters {
                let chunk = (iters - done).min(1_000);
                let t = Instant::now();
                let mut n = 0;
                while n < chunk && session.step(&fx) {
                    n += 1;
                }
                total += t.elapsed();
                done += n;
                if n < chunk {
                    // Queue exhausted: start a new session (not timed).
                    session = Session::new(&fx);
                }
            }
            total
        })
    });

    let key = fx.items[1].clone();
    let state = fx
        .states
        .get(&key)
        .cloned()
        .unwrap_or_else(|| ItemState::new(fx.start));
    c.bench_function("Scheduler::answer alone", |b| {
        b.iter(|| {
            fx.scheduler.answer(
                black_box(&key),
                black_box(&state),
                Rating::Good,
                fx.start,
                fx.offset,
            )
        })
    });
    let session = Session::new(&fx);
    c.bench_function("Queue::next alone, 100k items", |b| {
        b.iter(|| session.queue.next(black_box(fx.start)))
    });
    c.bench_function("Scheduler::preview", |b| {
        b.iter(|| {
            fx.scheduler
                .preview(black_box(&key), black_box(&state), fx.start, fx.offset)
        })
    });
}

fn build(c: &mut Criterion) {
    let fx = fixture();
    let mut g = c.benchmark_group("build");
    g.sample_size(10);
    g.bench_function("Queue::new, 100k items", |b| {
        b.iter(|| {
            Queue::new(
                black_box(&fx.items),
                &fx.states,
                DoneToday::default(),
                fx.start,
                fx.offset,
                fx.scheduler.settings(),
            )
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(3));
    targets = next_and_answer, build
}
criterion_main!(benches);
