//! Crash test: a child process answers reviews (with undos and snapshots in between) and
//! exam questions (a sitting resumed in every run), and acknowledges each answer on
//! stdout once `record_answer` / `ResultWriter::record` has returned; the parent kills it
//! with SIGKILL at random moments, right as it starts a chosen kind of step, or while an
//! automatic snapshot is being written in the background (slowed down for that), and
//! checks that every acknowledged answer is still there after recovery (in the progress
//! store and in the exam result file), nothing else appeared, and nothing is unreadable.
//!
//! The child is this same test binary, re-executed to run the ignored test
//! `crash_child` with `QUIZDECK_CRASH_CHILD` set.

mod common;

use common::{acknowledgements, fixture_exam, rest_of_acknowledgements, review_state, t};
use quizdeck::exam::{Exam, ResultFile, ResultWriter};
use quizdeck::ids::ItemKey;
use quizdeck::quiz::Answer;
use quizdeck::schedule::{Rating, ReviewEntry};
use quizdeck::store::{OpenMode, OpenOptions, RecoveryNote, Store};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::mpsc;
use std::time::{Duration, Instant};

const CHILD_ENV: &str = "QUIZDECK_CRASH_CHILD";
const BASE_ENV: &str = "QUIZDECK_CRASH_BASE";
const SEED_ENV: &str = "QUIZDECK_CRASH_SEED";
const EXAM_ENV: &str = "QUIZDECK_CRASH_EXAM";
/// Kill points: each run kills one child.
const RUNS: u64 = 240;
const KEYS: u32 = 200;
const QUESTIONS: usize = 6;
const STUDENT: &str = "Crash Test";

fn key(i: u32) -> ItemKey {
    ItemKey::new("crash", format!("card-{i}"), i % 2)
}

fn opts() -> OpenOptions {
    OpenOptions {
        mode: OpenMode::ReadWrite,
        snapshot_every: 7,
    }
}

/// The answer the child gives at time `at` (unique, so the parent can tell them apart).
fn exam_answer(at: i64) -> Answer {
    Answer::Text(format!("answer at {at}"))
}

fn results_dir(profile: &Path) -> PathBuf {
    profile.with_file_name("results")
}

/// The child: answers, undoes, snapshots and answers exam questions until killed (or
/// 3000 steps).
#[test]
#[ignore = "child process of the crash test; run by killed_children_never_lose_an_acknowledged_answer"]
fn crash_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let base: i64 = std::env::var(BASE_ENV).unwrap().parse().unwrap();
    let seed: u64 = std::env::var(SEED_ENV).unwrap().parse().unwrap();
    let mut rng = StdRng::seed_from_u64(seed);
    let exam = Exam::load(Path::new(&std::env::var_os(EXAM_ENV).unwrap())).unwrap();
    let mut sitting = ResultWriter::open(&results_dir(Path::new(&dir)), &exam, STUDENT, t(base))
        .expect("the sitting resumes");
    // Background snapshots pause between their steps, so that kills land inside them.
    quizdeck::store::fault::slow_background_snapshots(10);
    let (mut store, _) = Store::open(Path::new(&dir), &opts(), t(base)).unwrap();
    let mut out = std::io::stdout().lock();
    let mut say = |s: String| {
        writeln!(out, "QZ {s}").unwrap();
        out.flush().unwrap();
    };
    say("OPEN".into());
    let mut snapping = false;
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
        } else if r < 35 {
            let q = rng.random_range(0..QUESTIONS);
            say(format!("EXAMING {at} {q}"));
            sitting.record(q, exam_answer(at), t(at)).unwrap();
            say(format!("EXAMACK {at} {q}"));
        } else {
            let k = key(rng.random_range(0..KEYS));
            let before = store.state(&k).cloned();
            let reps = before.as_ref().map_or(0, |b| b.reps) + 1;
            let after = review_state(reps, at);
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
            if !snapping && store.snapshot_running() {
                say("BGSNAP".into());
            }
        }
        snapping = store.snapshot_running();
    }
    say("DONE".into());
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Pending {
    None,
    Answer(i64),
    Undo(i64),
    Snapshot,
    Exam(i64, usize),
}

#[test]
fn killed_children_never_lose_an_acknowledged_answer() {
    let started = Instant::now();
    let tmp = tempfile::tempdir().unwrap();
    let profile = tmp.path().join("profile");
    let exam_file = tmp.path().join("exam.ron");
    let exam = fixture_exam("crash-exam", "Crash exam", QUESTIONS, 7, 100_000_000);
    exam.save(&exam_file).unwrap();
    let result_file = exam.result_path(&results_dir(&profile), STUDENT);
    let exe = std::env::current_exe().unwrap();
    let mut rng = StdRng::seed_from_u64(0x5EED_2024);
    let mut acked: BTreeSet<i64> = BTreeSet::new();
    // Question → time of its latest acknowledged answer.
    let mut exam_acked: BTreeMap<usize, i64> = BTreeMap::new();
    let mut exam_answers = 0;
    let mut killed_in = HashMap::<&str, usize>::new();
    let mut torn_tails = 0;
    let mut torn_results = 0;
    let mut killed_in_background = 0;

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
            .env(EXAM_ENV, &exam_file)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        let rx = acknowledgements(&mut child);

        // Kill strategy: after a random delay, or right when the child starts its k-th
        // snapshot, undo, exam answer or answer, or its k-th background snapshot.
        let strategy = run % 6;
        let delay = Duration::from_millis(rng.random_range(2..120));
        let nth = rng.random_range(1..4);
        let mut seen = 0;
        let mut opened_at: Option<Instant> = None;
        let mut lines = Vec::new();
        let mut exited = false;
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
                        || (strategy == 3 && m.starts_with("EXAMING"))
                        || (strategy == 4 && m.starts_with("ANSWERING"))
                        || (strategy == 5 && m == "BGSNAP")
                    {
                        seen += 1;
                        hit = seen == nth;
                    }
                    lines.push(m);
                }
                Err(mpsc::RecvTimeoutError::Timeout) => {}
                Err(mpsc::RecvTimeoutError::Disconnected) => {
                    exited = true;
                    break;
                }
            }
            let elapsed = opened_at.map_or(Duration::ZERO, |o| o.elapsed());
            // Time-based kill; event strategies give up waiting after 1 s.
            let timed_out = match strategy {
                0 => elapsed >= delay,
                _ => elapsed >= Duration::from_secs(1),
            };
            if hit || timed_out || Instant::now() > deadline {
                if hit && strategy == 5 {
                    killed_in_background += 1;
                }
                break;
            }
        }
        let _ = child.kill(); // SIGKILL on Unix
        let _ = child.wait();
        // Every line the child wrote before it died, not only those read so far: a step
        // it started (or acknowledged) in the last moments must count as in flight (or
        // acknowledged).
        lines.extend(rest_of_acknowledgements(&rx));
        assert!(
            !exited || lines.iter().any(|l| l == "DONE"),
            "run {run}: the child failed on its own: {:?}",
            lines.last()
        );

        let mut pending = Pending::None;
        for l in &lines {
            let mut it = l.split(' ');
            let (cmd, arg, q) = (
                it.next().unwrap(),
                it.next().map(|a| a.parse::<i64>().unwrap()),
                it.next().map(|a| a.parse::<usize>().unwrap()),
            );
            match cmd {
                "EXAMING" => pending = Pending::Exam(arg.unwrap(), q.unwrap()),
                "EXAMACK" => {
                    assert_eq!(pending, Pending::Exam(arg.unwrap(), q.unwrap()));
                    exam_acked.insert(q.unwrap(), arg.unwrap());
                    exam_answers += 1;
                    pending = Pending::None;
                }
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
                Pending::Exam(..) => "exam answer",
            })
            .or_default() += 1;

        // The exam result file: every acknowledged answer is there, none other, and a
        // torn last line is a crash, never an edit.
        let read = result_file
            .exists()
            .then(|| ResultFile::read(&result_file, &exam));
        match read {
            Some(Ok(back)) => {
                if std::fs::read(&result_file).unwrap().last() != Some(&b'\n') {
                    torn_results += 1;
                }
                assert!(!back.edited, "run {run}: the result file reads as edited");
                assert!(back.finished.is_none());
                if let Pending::Exam(at, q) = pending
                    && back.answers.get(&q).map(|a| &a.answer) == Some(&exam_answer(at))
                {
                    exam_acked.insert(q, at);
                }
                let found: BTreeMap<usize, i64> = back
                    .answers
                    .iter()
                    .map(|(q, a)| (*q, a.at.timestamp() - 1_700_000_000))
                    .collect();
                assert_eq!(found, exam_acked, "run {run}: exam answers differ");
                for (q, a) in &back.answers {
                    assert_eq!(a.answer, exam_answer(found[q]), "run {run}: question {q}");
                }
            }
            // Killed while creating the file, before its first record was whole (the
            // next sitting starts it afresh), or before creating it.
            Some(Err(e)) => assert!(exam_acked.is_empty(), "run {run}: {e}"),
            None => assert!(exam_acked.is_empty(), "run {run}: the result file is gone"),
        }

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
            // The history by item (through the index of compacted segments) agrees
            // (a tenth of the items each run, to keep the test quick).
            if u64::from(i % 10) == run % 10 {
                let mine: Vec<_> = history.iter().filter(|e| e.key == k).cloned().collect();
                assert_eq!(store.item_history(&k).unwrap(), mine, "run {run}: {k}");
            }
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
        "crash test: {RUNS} kills {killed_in:?}, {torn_tails} torn journal tails, \
         {torn_results} torn result files, {killed_in_background} kills during a background \
         snapshot, {} answers kept, {exam_answers} exam answers acknowledged, {:.1?}",
        acked.len(),
        started.elapsed()
    );
    for kind in ["answer", "snapshot", "undo", "exam answer"] {
        assert!(
            killed_in.get(kind).copied().unwrap_or(0) > 0,
            "never killed in {kind}: {killed_in:?}"
        );
    }
    assert!(killed_in_background > 10, "{killed_in_background}");
    assert!(exam_answers > 50, "{exam_answers}");
    assert!(acked.len() > 100);
}
