//! Crash test: a child process answers reviews (with undos and snapshots in between)
//! and acknowledges each answer on stdout once `record_answer` has returned; the parent
//! kills it with SIGKILL at random moments and checks that every acknowledged answer is
//! still there after recovery, nothing else appeared, and nothing is unreadable.
//!
//! The child is this same test binary, re-executed to run the ignored test
//! `crash_child` with `QUIZDECK_CRASH_CHILD` set.

use chrono::{DateTime, Utc};
use quizdeck::ids::ItemKey;
use quizdeck::schedule::{ItemState, Memory, Phase, Rating, ReviewEntry};
use quizdeck::store::{OpenMode, OpenOptions, RecoveryNote, Store};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeSet, HashMap};
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "QUIZDECK_CRASH_CHILD";
const BASE_ENV: &str = "QUIZDECK_CRASH_BASE";
const SEED_ENV: &str = "QUIZDECK_CRASH_SEED";
const RUNS: u64 = 60;
const KEYS: u32 = 200;

fn t(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
}

fn key(i: u32) -> ItemKey {
    ItemKey::new("crash", format!("card-{i}"), i % 2)
}

fn opts() -> OpenOptions {
    OpenOptions {
        mode: OpenMode::ReadWrite,
        snapshot_every: 7,
    }
}

/// The child: answers, undoes and snapshots until killed (or 3000 steps).
#[test]
#[ignore = "child process of the crash test; run by killed_children_never_lose_an_acknowledged_answer"]
fn crash_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let base: i64 = std::env::var(BASE_ENV).unwrap().parse().unwrap();
    let seed: u64 = std::env::var(SEED_ENV).unwrap().parse().unwrap();
    let mut rng = StdRng::seed_from_u64(seed);
    let (mut store, _) = Store::open(Path::new(&dir), &opts(), t(base)).unwrap();
    let mut out = std::io::stdout().lock();
    let mut say = |s: String| {
        writeln!(out, "QZ {s}").unwrap();
        out.flush().unwrap();
    };
    say("OPEN".into());
    for i in 1..3000 {
        let at = base + i;
        let r = rng.random_range(0..100);
        if r < 10 {
            if let Some(e) = store.last_undoable() {
                let x = e.at.timestamp() - 1_700_000_000;
                say(format!("UNDOING {x}"));
                let u = store.undo_last(t(at)).unwrap().unwrap();
                assert_eq!(u.entry.at.timestamp() - 1_700_000_000, x);
                say(format!("UNDONE {x}"));
            }
        } else if r < 15 {
            say("SNAPPING".into());
            store.snapshot(t(at)).unwrap();
            say("SNAPPED".into());
        } else {
            let k = key(rng.random_range(0..KEYS));
            let before = store.state(&k).cloned();
            let reps = before.as_ref().map_or(0, |b| b.reps) + 1;
            let after = ItemState {
                phase: Phase::Review,
                step: 0,
                memory: Some(Memory {
                    stability_days: reps as f32,
                    difficulty: 5.0,
                }),
                due: t(at + 86_400),
                last_review: Some(t(at)),
                interval_days: 1,
                reps,
                lapses: 0,
                leech: false,
                suspended: false,
            };
            say(format!("ANSWERING {at}"));
            store
                .record_answer(
                    ReviewEntry {
                        key: k,
                        rating: Rating::Good,
                        at: t(at),
                        duration_ms: 700,
                        phase: Default::default(),
                    },
                    before,
                    after,
                )
                .unwrap();
            say(format!("ACK {at}"));
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Pending {
    None,
    Answer(i64),
    Undo(i64),
    Snapshot,
}

#[test]
fn killed_children_never_lose_an_acknowledged_answer() {
    let started = Instant::now();
    let tmp = tempfile::tempdir().unwrap();
    let profile = tmp.path().join("profile");
    let exe = std::env::current_exe().unwrap();
    let mut rng = StdRng::seed_from_u64(0x5EED_2024);
    let mut acked: BTreeSet<i64> = BTreeSet::new();
    let mut killed_in = HashMap::<&str, usize>::new();
    let mut torn_tails = 0;

    for run in 0..RUNS {
        let base = run as i64 * 1_000_000;
        let mut child = Command::new(&exe)
            .args([
                "crash_child",
                "--exact",
                "--ignored",
                "--nocapture",
                "--test-threads=1",
            ])
            .env(CHILD_ENV, &profile)
            .env(BASE_ENV, base.to_string())
            .env(SEED_ENV, rng.random::<u64>().to_string())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, rx) = mpsc::channel::<String>();
        let reader = std::thread::spawn(move || {
            for line in BufReader::new(stdout).lines() {
                let Ok(line) = line else { break };
                // The harness may print "test crash_child ... " before the first line.
                if let Some(i) = line.find("QZ ") {
                    let _ = tx.send(line[i + 3..].to_owned());
                }
            }
        });

        // Kill strategy: after a random delay, or right when the child starts its k-th
        // snapshot or undo.
        let strategy = run % 3;
        let delay = Duration::from_millis(rng.random_range(2..120));
        let nth = rng.random_range(1..4);
        let mut seen = 0;
        let mut opened_at: Option<Instant> = None;
        let mut lines = Vec::new();
        let deadline = Instant::now() + Duration::from_secs(20);
        loop {
            let msg = rx.recv_timeout(Duration::from_millis(1));
            let mut hit = false;
            match msg {
                Ok(m) => {
                    if m == "OPEN" {
                        opened_at = Some(Instant::now());
                    }
                    if (strategy == 1 && m == "SNAPPING")
                        || (strategy == 2 && m.starts_with("UNDOING"))
                    {
                        seen += 1;
                        hit = seen == nth;
                    }
                    lines.push(m);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => break,
            }
            let elapsed = opened_at.map_or(Duration::ZERO, |o| o.elapsed());
            // Time-based kill; event strategies give up waiting after 1 s.
            let timed_out = match strategy {
                0 => elapsed >= delay,
                _ => elapsed >= Duration::from_secs(1),
            };
            if hit || timed_out || Instant::now() > deadline {
                break;
            }
        }
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        reader.join().unwrap();
        lines.extend(rx.try_iter());

        let mut pending = Pending::None;
        for l in &lines {
            let mut it = l.split(' ');
            let (cmd, arg) = (
                it.next().unwrap(),
                it.next().map(|a| a.parse::<i64>().unwrap()),
            );
            match cmd {
                "ANSWERING" => pending = Pending::Answer(arg.unwrap()),
                "ACK" => {
                    assert_eq!(pending, Pending::Answer(arg.unwrap()));
                    acked.insert(arg.unwrap());
                    pending = Pending::None;
                }
                "UNDOING" => pending = Pending::Undo(arg.unwrap()),
                "UNDONE" => {
                    assert!(acked.remove(&arg.unwrap()), "undid an unknown answer");
                    pending = Pending::None;
                }
                "SNAPPING" => pending = Pending::Snapshot,
                "SNAPPED" => pending = Pending::None,
                _ => {}
            }
        }
        *killed_in
            .entry(match pending {
                Pending::None => "between steps",
                Pending::Answer(_) => "answer",
                Pending::Undo(_) => "undo",
                Pending::Snapshot => "snapshot",
            })
            .or_default() += 1;

        // Recover and check.
        let (store, report) = Store::open(&profile, &opts(), t(base + 500_000)).unwrap();
        for n in &report.notes {
            match n {
                RecoveryNote::JournalTail { .. } => torn_tails += 1,
                RecoveryNote::JournalKept { .. } => {}
                other => panic!("run {run}: unexpected damage {other:?}: {report}"),
            }
        }
        let history = store.history().unwrap();
        let present: BTreeSet<i64> = history
            .iter()
            .map(|e| e.at.timestamp() - 1_700_000_000)
            .collect();
        assert_eq!(
            present.len(),
            history.len(),
            "run {run}: duplicated answers"
        );
        // The operation in flight may or may not have become durable.
        match pending {
            Pending::Answer(x) if present.contains(&x) => {
                acked.insert(x);
            }
            Pending::Undo(x) if !present.contains(&x) => {
                acked.remove(&x);
            }
            _ => {}
        }
        let lost: Vec<_> = acked.difference(&present).collect();
        assert!(
            lost.is_empty(),
            "run {run}: acknowledged answers lost: {lost:?}"
        );
        let extra: Vec<_> = present.difference(&acked).collect();
        assert!(extra.is_empty(), "run {run}: unexpected answers: {extra:?}");
        // States agree with the history (each answer adds one rep; undo restores).
        let mut per_key: HashMap<ItemKey, u32> = HashMap::new();
        for e in &history {
            *per_key.entry(e.key.clone()).or_default() += 1;
        }
        for i in 0..KEYS {
            let k = key(i);
            let reps = store.state(&k).map_or(0, |s| s.reps);
            assert_eq!(
                reps,
                per_key.get(&k).copied().unwrap_or(0),
                "run {run}: {k}"
            );
        }
        drop(store);
    }
    eprintln!(
        "crash test: {RUNS} kills {killed_in:?}, {torn_tails} torn tails, {} answers kept, {:.1?}",
        acked.len(),
        started.elapsed()
    );
    assert!(
        killed_in.get("snapshot").copied().unwrap_or(0) > 0,
        "{killed_in:?}"
    );
    assert!(
        killed_in.get("undo").copied().unwrap_or(0) > 0,
        "{killed_in:?}"
    );
    assert!(acked.len() > 100);
}
