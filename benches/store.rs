//! Store benchmarks on a 100k-item collection:
//! * a durable answer vs a bare append+fsync of a line of the same size,
//! * a snapshot of 100k states,
//! * startup from a snapshot + a 1M-line journal.
//!
//! Figures are recorded in docs/performance.md.

use chrono::{DateTime, Utc};
use criterion::{Criterion, criterion_group, criterion_main};
use quizdeck::ids::ItemKey;
use quizdeck::schedule::{ItemState, Memory, Phase, Rating, ReviewEntry};
use quizdeck::store::{OpenMode, OpenOptions, Store};
use std::fs::OpenOptions as FsOpen;
use std::hint::black_box;
use std::io::Write;
use std::path::Path;
use std::time::Duration;

const ITEMS: u32 = 100_000;
const JOURNAL_LINES: u32 = 1_000_000;

fn t(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
}

fn key(i: u32) -> ItemKey {
    ItemKey::new(
        format!("history-{:03}", i / 1000),
        format!("card-{i:06}"),
        i % 2,
    )
}

fn state(i: u32, at: i64) -> ItemState {
    ItemState {
        phase: Phase::Review,
        step: 0,
        memory: Some(Memory {
            stability_days: 12.345 + i as f32 / 1000.0,
            difficulty: 5.4321,
        }),
        due: t(at + 12 * 86_400),
        last_review: Some(t(at)),
        interval_days: 12,
        reps: 7,
        lapses: 1,
        leech: false,
        suspended: false,
    }
}

/// An answer to item `i` at `at`; its `before` is the item's current state in `store`, as
/// the app passes it.
fn answer(store: &Store, i: u32, at: i64) -> (ReviewEntry, Option<ItemState>, ItemState) {
    let entry = ReviewEntry {
        key: key(i),
        rating: Rating::Good,
        at: t(at),
        duration_ms: 4321,
        phase: Default::default(),
    };
    let before = store.state(&entry.key).cloned();
    (entry, before, state(i, at))
}

fn opts() -> OpenOptions {
    OpenOptions {
        mode: OpenMode::ReadWrite,
        snapshot_every: usize::MAX,
    }
}

/// A profile with 100k items in its snapshot and an empty journal.
fn collection(dir: &Path) -> Store {
    let (mut s, _) = Store::open(dir, &opts(), t(0)).unwrap();
    s.record_answers((0..ITEMS).map(|i| answer(&s, i, 1)).collect(), t(1))
        .unwrap();
    s.snapshot(t(2)).unwrap();
    s
}

fn durable_answer(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let mut store = collection(&dir.path().join("p"));
    // Size of one journal line, for the bare baseline.
    let journal = store.paths().journal.clone();
    let before = std::fs::metadata(&journal).map_or(0, |m| m.len());
    let (e, b, a) = answer(&store, 17, 3);
    store.record_answer(e, b, a).unwrap();
    let after = std::fs::metadata(&journal).unwrap().len();
    let line_len = (after - before - if before == 0 { 19 } else { 0 }) as usize;
    eprintln!("journal line: {line_len} bytes");

    let mut g = c.benchmark_group("answer");
    let bare = dir.path().join("bare.log");
    let mut f = FsOpen::new().append(true).create(true).open(&bare).unwrap();
    let mut line = vec![b'x'; line_len - 1];
    line.push(b'\n');
    g.bench_function("bare_append_fsync_same_size", |bch| {
        bch.iter(|| {
            f.write_all(&line).unwrap();
            f.sync_data().unwrap();
        })
    });
    let mut n = 0u32;
    g.bench_function("durable_record_answer", |bch| {
        bch.iter(|| {
            n = n.wrapping_add(7919);
            let i = n % ITEMS;
            let (e, before, a) = answer(&store, i, 10 + n as i64);
            black_box(store.record_answer(e, before, a).unwrap())
        })
    });
    g.finish();
}

fn snapshot(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let mut store = collection(&dir.path().join("p"));
    let size = std::fs::metadata(&store.paths().snapshot).unwrap().len();
    eprintln!("snapshot of {ITEMS} items: {size} bytes");
    let mut g = c.benchmark_group("snapshot");
    g.sample_size(10);
    g.bench_function("snapshot_100k_states", |b| {
        b.iter(|| store.snapshot(t(5)).unwrap())
    });
    g.finish();
}

fn startup_typical(c: &mut Criterion) {
    // What a student sees: the journal is bounded by the automatic snapshot (1000).
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let p = dir.path().join("p");
    let mut store = collection(&p);
    store
        .record_answers(
            (0..999)
                .map(|i| answer(&store, i * 97 % ITEMS, 50 + i as i64))
                .collect(),
            t(2000),
        )
        .unwrap();
    drop(store);
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("open_snapshot_100k_plus_journal_1k", |b| {
        b.iter(|| black_box(Store::open(&p, &opts(), t(3000)).unwrap().0.states().len()))
    });
    g.finish();
}

fn startup(c: &mut Criterion) {
    let dir = tempfile::tempdir_in(env!("CARGO_TARGET_TMPDIR")).unwrap();
    let p = dir.path().join("p");
    let mut store = collection(&p);
    // 1M journal lines on top of the snapshot, written in batches (no item appears twice
    // in a batch, so each `before` is the item's state before it).
    let mut at = 100;
    for chunk in 0..(JOURNAL_LINES / ITEMS) {
        let batch = (0..ITEMS)
            .map(|i| {
                at += 1;
                answer(&store, (i * 7 + chunk) % ITEMS, at)
            })
            .collect();
        store.record_answers(batch, t(at)).unwrap();
    }
    assert_eq!(store.journal_len(), JOURNAL_LINES as usize);
    let size = std::fs::metadata(&store.paths().journal).unwrap().len();
    eprintln!("journal of {JOURNAL_LINES} lines: {size} bytes");
    drop(store);
    let mut g = c.benchmark_group("startup");
    g.sample_size(10);
    g.bench_function("open_snapshot_100k_plus_journal_1m", |b| {
        b.iter(|| {
            let (s, rep) = Store::open(&p, &opts(), t(at + 1)).unwrap();
            assert!(rep.is_empty());
            black_box(s.states().len())
        })
    });
    g.finish();
}

criterion_group! {
    name = benches;
    config = Criterion::default()
        .warm_up_time(Duration::from_secs(1))
        .measurement_time(Duration::from_secs(4));
    targets = durable_answer, snapshot, startup_typical, startup
}
criterion_main!(benches);
