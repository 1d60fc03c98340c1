//! Failing writes: a full disk (simulated with the store's fault injection, and a real
//! one on a small tmpfs where it can be mounted) never loses an answer that was given and
//! never damages what was written before. Answers given while the disk is full are kept
//! in memory and land in the journal, in order, once it frees up.

use quizdeck::exam::{ResultFile, ResultWriter};
use quizdeck::ids::ItemKey;
use quizdeck::quiz::Answer;
use quizdeck::schedule::{Phase, Rating, ReviewEntry};
use quizdeck::store::{OpenMode, OpenOptions, ProgressPaths, Store, StoreError, fault};
use rand::rngs::StdRng;
use rand::{Rng, SeedableRng};
use std::fs;
use std::path::Path;

use crate::common::{fixture_exam, journal_seqs, review_state, t};

fn key(card: &str) -> ItemKey {
    ItemKey::new("deck", card, 0)
}

fn entry(card: &str, at: i64) -> (ReviewEntry, i64) {
    (
        ReviewEntry {
            key: key(card),
            rating: Rating::Good,
            at: t(at),
            duration_ms: 900,
            phase: Phase::Review,
        },
        at,
    )
}

fn opts(snapshot_every: usize) -> OpenOptions {
    OpenOptions {
        mode: OpenMode::ReadWrite,
        snapshot_every,
    }
}

/// Gives an answer the way a study session does; returns whether it is unsaved.
fn answer_or_keep(s: &mut Store, card: &str, at: i64) -> bool {
    let (e, at) = entry(card, at);
    let before = s.state(&e.key).cloned();
    let reps = before.as_ref().map_or(0, |b| b.reps) + 1;
    s.record_answer_or_keep(e, before, review_state(reps, at))
        .unwrap()
        .unsaved
        .is_some()
}

/// What another reader (a read-only window) finds on disk right now.
fn on_disk(dir: &Path) -> (Store, quizdeck::store::RecoveryReport) {
    let ro = OpenOptions {
        mode: OpenMode::ReadOnly,
        snapshot_every: 1000,
    };
    Store::open(dir, &ro, t(0)).unwrap()
}

#[test]
fn a_full_disk_keeps_answers_in_memory_and_writes_them_in_order_when_it_frees_up() {
    let d = tempfile::tempdir().unwrap();
    let journal = ProgressPaths::new(d.path()).journal;
    let (mut s, _) = Store::open(d.path(), &opts(1000), t(0)).unwrap();
    assert!(!answer_or_keep(&mut s, "a", 1));
    assert!(!answer_or_keep(&mut s, "b", 2));
    let good = fs::read(&journal).unwrap();

    let full = fault::disk_full(d.path());
    // The answer counts at once (the session moves on) but is not on disk.
    let (e, _) = entry("c", 3);
    let kept = s
        .record_answer_or_keep(e, None, review_state(1, 3))
        .expect("an I/O failure is kept, not returned");
    let err = kept.unsaved.expect("the write failed");
    assert!(matches!(err, StoreError::Io { .. }));
    assert!(err.to_string().contains("No space left on device"), "{err}");
    assert_eq!(s.state(&key("c")).unwrap().reps, 1);
    assert_eq!(s.unsaved_count(), 1);
    assert!(s.unsaved_error().unwrap().contains("No space left"));
    // The torn half of the record was cut back off: the journal is exactly as before.
    assert_eq!(fs::read(&journal).unwrap(), good);
    // More answers and an undo while the disk stays full, all kept.
    assert!(answer_or_keep(&mut s, "a", 4));
    assert!(answer_or_keep(&mut s, "d", 5));
    let undone = s.undo_last_or_keep(t(6)).unwrap().unwrap();
    assert_eq!(undone.value.entry.key, key("d"));
    assert!(undone.unsaved.is_some());
    assert_eq!(s.unsaved_count(), 4);
    // The strict calls refuse and change nothing.
    let (e, _) = entry("x", 7);
    assert!(s.record_answer(e, None, review_state(1, 7)).is_err());
    assert!(s.state(&key("x")).is_none());
    assert!(
        s.snapshot(t(8)).is_err(),
        "no snapshot while answers are unsaved"
    );
    assert!(s.retry_unsaved().is_err());
    assert_eq!(s.unsaved_count(), 4);
    assert_eq!(fs::read(&journal).unwrap(), good);
    assert!(full.failed() >= 6, "{}", full.failed());
    // Another reader sees only what is on disk, with nothing damaged.
    let (ro, rep) = on_disk(d.path());
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(ro.states().len(), 2);
    drop(ro);

    // The disk frees up: the next answer writes everything, in order.
    drop(full);
    assert!(!answer_or_keep(&mut s, "e", 9));
    assert_eq!(s.unsaved_count(), 0);
    assert_eq!(s.unsaved_error(), None);
    let expected = s.states().clone();
    drop(s);
    let (s, rep) = Store::open(d.path(), &opts(1000), t(10)).unwrap();
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.states(), &expected);
    assert_eq!(s.state(&key("a")).unwrap().reps, 2);
    assert!(s.state(&key("d")).is_none(), "the undo landed too");
    let at: Vec<i64> = s
        .history()
        .unwrap()
        .iter()
        .map(|e| e.at.timestamp() - 1_700_000_000)
        .collect();
    assert_eq!(at, [1, 2, 3, 4, 9]);
    assert_eq!(journal_seqs(d.path()), [1, 2, 3, 4, 5, 6, 7]);
}

#[test]
fn unsaved_answers_are_written_by_a_retry_a_snapshot_or_when_the_store_is_dropped() {
    let d = tempfile::tempdir().unwrap();
    let (mut s, _) = Store::open(d.path(), &opts(1000), t(0)).unwrap();
    // Each failure below is for the answer's write: the background thread (the history's
    // compaction after opening and after a snapshot) is let finish first, or it could
    // take the failure.
    s.wait_for_background();
    fault::fail_next_writes(d.path(), 1);
    assert!(answer_or_keep(&mut s, "a", 1));
    assert_eq!(s.retry_unsaved().unwrap(), 1);
    assert_eq!(s.retry_unsaved().unwrap(), 0);

    s.wait_for_background();
    fault::fail_next_writes(d.path(), 1);
    assert!(answer_or_keep(&mut s, "b", 2));
    s.snapshot(t(3)).unwrap();
    assert_eq!(s.unsaved_count(), 0);

    s.wait_for_background();
    fault::fail_next_writes(d.path(), 1);
    assert!(answer_or_keep(&mut s, "c", 4));
    drop(s); // the last try, as the app quits
    fault::clear(d.path());
    let (s, rep) = Store::open(d.path(), &opts(1000), t(5)).unwrap();
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.states().len(), 3);
    assert_eq!(s.history().unwrap().len(), 3);
}

#[test]
fn random_write_failures_never_lose_or_reorder_anything() {
    let d = tempfile::tempdir().unwrap();
    let mut rng = StdRng::seed_from_u64(7);
    // Small snapshot interval: automatic snapshots (atomic writes) fail too.
    let (mut s, _) = Store::open(d.path(), &opts(5), t(0)).unwrap();
    let mut failures = 0;
    for i in 1..=300 {
        if rng.random_range(0..100) < 25 {
            let n = rng.random_range(1..4);
            fault::fail_next_writes(d.path(), n);
            failures += n;
        }
        match rng.random_range(0..10) {
            0 => {
                let _ = s.undo_last_or_keep(t(i));
            }
            1 => {
                let _ = s.snapshot(t(i));
            }
            2 => {
                let _ = s.retry_unsaved();
            }
            _ => {
                answer_or_keep(&mut s, &format!("c{}", rng.random_range(0..20)), i);
            }
        }
    }
    fault::clear(d.path());
    s.retry_unsaved().unwrap();
    let expected = s.states().clone();
    let last = s.last_seq();
    s.close(t(400)).unwrap();
    let (s, rep) = Store::open(d.path(), &opts(5), t(401)).unwrap();
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.states(), &expected);
    assert_eq!(s.last_seq(), last);
    let seqs = journal_seqs(d.path());
    assert_eq!(
        seqs,
        (1..=last).collect::<Vec<_>>(),
        "every event once, in order"
    );
    assert!(failures > 50, "{failures}");
}

#[test]
fn failed_settings_and_snapshot_writes_leave_the_old_files_and_no_temporaries() {
    let d = tempfile::tempdir().unwrap();
    let paths = ProgressPaths::new(d.path());
    let (mut s, _) = Store::open(d.path(), &opts(1000), t(0)).unwrap();
    s.save_settings(&vec!["old".to_owned()]).unwrap();
    answer_or_keep(&mut s, "a", 1);
    s.snapshot(t(2)).unwrap();
    answer_or_keep(&mut s, "b", 3);
    let snapshot = fs::read(&paths.snapshot).unwrap();
    let settings = fs::read(d.path().join("settings.ron")).unwrap();
    {
        let _full = fault::disk_full(d.path());
        assert!(s.save_settings(&vec!["new".to_owned()]).is_err());
        assert!(s.snapshot(t(4)).is_err());
    }
    assert_eq!(fs::read(&paths.snapshot).unwrap(), snapshot);
    assert_eq!(fs::read(d.path().join("settings.ron")).unwrap(), settings);
    for dir in [d.path(), paths.dir.as_path()] {
        for e in fs::read_dir(dir).unwrap() {
            let name = e.unwrap().file_name();
            assert!(!name.to_string_lossy().contains(".tmp-"), "{name:?} left");
        }
    }
    drop(s);
    let (s, rep) = Store::open(d.path(), &opts(1000), t(5)).unwrap();
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.states().len(), 2);
    assert_eq!(
        s.load_settings::<Vec<String>>(t(5)).unwrap().0,
        ["old".to_owned()]
    );
}

#[test]
fn exam_answers_given_on_a_full_disk_are_kept_and_written_when_it_frees_up() {
    let d = tempfile::tempdir().unwrap();
    let e = fixture_exam("full-disk", "Full disk", 6, 1, 30);
    let mut w = ResultWriter::open(d.path(), &e, "Ada", t(0)).unwrap();
    w.record(0, Answer::Choice(1), t(10)).unwrap();
    let path = w.path().to_owned();
    let good = fs::read(&path).unwrap();

    let full = fault::disk_full(d.path());
    let kept = w.record_or_keep(1, Answer::Bool(true), t(20)).unwrap();
    assert!(kept.unwrap().to_string().contains("No space left"));
    assert_eq!(w.answers().len(), 2, "the answer counts");
    assert_eq!(w.unsaved_count(), 1);
    assert!(w.record(2, Answer::Text("x".into()), t(30)).is_err());
    assert_eq!(w.answers().len(), 2, "the strict call recorded nothing");
    assert!(w.checkpoint(t(40)).is_err());
    assert!(w.finish(t(50)).is_err(), "handing in waits for the disk");
    assert_eq!(fs::read(&path).unwrap(), good, "nothing torn was left");
    assert!(!ResultFile::read(&path, &e).unwrap().edited);
    drop(full);

    let kept = w.record_or_keep(3, Answer::Text("Riga".into()), t(60));
    assert!(kept.unwrap().is_none(), "written with the one kept before");
    assert_eq!(w.unsaved_count(), 0);
    let done = w.finish(t(70)).unwrap();
    let back = ResultFile::read(&path, &e).unwrap();
    assert_eq!(back, done);
    assert!(!back.edited);
    assert_eq!(back.answers.len(), 3);
    assert_eq!(back.answers[&1].answer, Answer::Bool(true));
    assert_eq!(back.answers[&1].at, t(20));
}

#[test]
fn truncating_an_exam_result_file_at_every_byte_of_its_last_record_keeps_the_rest() {
    let d = tempfile::tempdir().unwrap();
    let e = fixture_exam("full-disk", "Full disk", 6, 1, 30);
    let mut w = ResultWriter::open(d.path(), &e, "Ben", t(0)).unwrap();
    for q in 0..4 {
        w.record(q, Answer::Choice(q), t(10 * q as i64 + 10))
            .unwrap();
    }
    let path = w.path().to_owned();
    let before_last = fs::metadata(&path).unwrap().len() as usize;
    w.record(4, Answer::Text("last".into()), t(100)).unwrap();
    drop(w);
    let full = fs::read(&path).unwrap();
    for cut in before_last..=full.len() {
        fs::write(&path, &full[..cut]).unwrap();
        let back = ResultFile::read(&path, &e).unwrap();
        assert!(
            !back.edited,
            "cut {cut}: a torn end is a crash, not an edit"
        );
        let complete = cut == full.len();
        assert_eq!(back.answers.len(), 4 + usize::from(complete), "cut {cut}");
        // Resuming cuts the torn end off and goes on cleanly.
        let mut w = ResultWriter::open(d.path(), &e, "Ben", t(200)).unwrap();
        assert_eq!(w.answers().len(), 4 + usize::from(complete), "cut {cut}");
        w.record(5, Answer::Bool(false), t(210)).unwrap();
        drop(w);
        let back = ResultFile::read(&path, &e).unwrap();
        assert!(!back.edited, "cut {cut}");
        assert_eq!(back.answers.len(), 5 + usize::from(complete), "cut {cut}");
    }
}

/// A real tmpfs, unmounted when dropped.
struct Tmpfs(std::path::PathBuf);

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = std::process::Command::new("umount")
            .arg("-l")
            .arg(&self.0)
            .status();
    }
}

/// Mounts a 512 KiB tmpfs on `dir`, or `None` where that is not allowed (not root, no
/// mount namespace).
fn small_tmpfs(dir: &Path) -> Option<Tmpfs> {
    if !cfg!(target_os = "linux") {
        return None;
    }
    let ok = std::process::Command::new("mount")
        .args(["-t", "tmpfs", "-o", "size=512k", "quizdeck-test"])
        .arg(dir)
        .stderr(std::process::Stdio::null())
        .status()
        .is_ok_and(|s| s.success());
    ok.then(|| Tmpfs(dir.to_path_buf()))
}

#[test]
fn a_real_full_disk_keeps_the_answer_and_saves_it_once_space_is_freed() {
    let d = tempfile::tempdir().unwrap();
    let mnt = d.path().join("mnt");
    fs::create_dir(&mnt).unwrap();
    let Some(_tmpfs) = small_tmpfs(&mnt) else {
        eprintln!("skipped: cannot mount a tmpfs here (needs root on Linux)");
        return;
    };
    let profile = mnt.join("profile");
    let (mut s, _) = Store::open(&profile, &opts(1000), t(0)).unwrap();
    // Fill the disk.
    let filler = mnt.join("filler");
    let mut f = fs::File::create(&filler).unwrap();
    let chunk = vec![0u8; 4096];
    let err = loop {
        if let Err(e) = std::io::Write::write_all(&mut f, &chunk) {
            break e;
        }
    };
    assert_eq!(err.kind(), std::io::ErrorKind::StorageFull, "{err}");
    drop(f);
    // The first answer needs the journal file's first block: there is none left.
    assert!(answer_or_keep(&mut s, "a", 1), "the write failed");
    assert!(s.unsaved_error().unwrap().contains("No space left"));
    assert_eq!(s.state(&key("a")).unwrap().reps, 1);
    let journal = ProgressPaths::new(&profile).journal;
    assert_eq!(fs::metadata(&journal).map_or(0, |m| m.len()), 0);
    // Space is freed: the retry lands it.
    fs::remove_file(&filler).unwrap();
    assert_eq!(s.retry_unsaved().unwrap(), 1);
    assert!(!answer_or_keep(&mut s, "b", 2));
    drop(s);
    let (s, rep) = Store::open(&profile, &opts(1000), t(3)).unwrap();
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.states().len(), 2);
}
