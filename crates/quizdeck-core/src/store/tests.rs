//! Tests of the store as a whole.

use super::*;
use crate::schedule::Memory;

pub(crate) fn t(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
}

pub(crate) fn st(reps: u32, at: i64) -> ItemState {
    ItemState {
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
    }
}

fn answer(store: &mut Store, key: &ItemKey, at: i64) -> u64 {
    let before = store.state(key).cloned();
    let reps = before.as_ref().map_or(0, |b| b.reps) + 1;
    store
        .record_answer(
            ReviewEntry {
                key: key.clone(),
                rating: Rating::Good,
                at: t(at),
                duration_ms: 1000,
                phase: Default::default(),
            },
            before,
            st(reps, at),
        )
        .unwrap()
}

fn open(dir: &Path) -> (Store, RecoveryReport) {
    Store::open(dir, &OpenOptions::default(), t(0)).unwrap()
}

#[test]
fn answers_survive_reopen_and_snapshot() {
    let d = tempfile::tempdir().unwrap();
    let k = ItemKey::new("d", "c", 0);
    let (mut s, rep) = open(d.path());
    assert!(rep.is_empty());
    assert_eq!(answer(&mut s, &k, 1), 1);
    assert_eq!(answer(&mut s, &k, 2), 2);
    drop(s);
    let (mut s, rep) = open(d.path());
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.state(&k).unwrap().reps, 2);
    s.snapshot(t(3)).unwrap();
    assert_eq!(s.journal_len(), 0);
    answer(&mut s, &k, 4);
    drop(s);
    let (s, _) = open(d.path());
    assert_eq!(s.state(&k).unwrap().reps, 3);
    assert_eq!(s.last_seq(), 3);
    assert_eq!(s.history().unwrap().len(), 3);
}

#[test]
fn undo_walks_back_and_is_journaled() {
    let d = tempfile::tempdir().unwrap();
    let k = ItemKey::new("d", "c", 0);
    let (mut s, _) = open(d.path());
    answer(&mut s, &k, 1);
    answer(&mut s, &k, 2);
    let u = s.undo_last(t(3)).unwrap().unwrap();
    assert_eq!(u.restored.as_ref().unwrap().reps, 1);
    let u = s.undo_last(t(3)).unwrap().unwrap();
    assert_eq!(u.restored, None);
    assert!(s.state(&k).is_none());
    assert!(s.undo_last(t(3)).unwrap().is_none());
    answer(&mut s, &k, 4);
    drop(s);
    let (mut s, _) = open(d.path());
    assert_eq!(s.state(&k).unwrap().reps, 1);
    assert_eq!(s.history().unwrap().len(), 1);
    // Undo still works after reopening, for answers in the journal.
    assert!(s.undo_last(t(5)).unwrap().is_some());
    assert!(s.state(&k).is_none());
}

#[test]
fn set_state_clears_undo_for_that_item() {
    let d = tempfile::tempdir().unwrap();
    let k = ItemKey::new("d", "c", 0);
    let (mut s, _) = open(d.path());
    answer(&mut s, &k, 1);
    assert!(s.can_undo());
    s.set_suspended(&k, true, t(2)).unwrap().unwrap();
    assert!(!s.can_undo());
    assert!(s.state(&k).unwrap().suspended);
    assert_eq!(s.set_suspended(&k, true, t(2)).unwrap(), None);
    s.set_suspended(&k, false, t(3)).unwrap();
    s.reset(&k, t(4)).unwrap().unwrap();
    assert!(s.state(&k).is_none());
    let new = ItemKey::new("d", "new", 0);
    s.set_suspended(&new, true, t(5)).unwrap();
    assert_eq!(s.state(&new).unwrap().phase, Phase::New);
    drop(s);
    let (s, _) = open(d.path());
    assert!(s.state(&k).is_none());
    assert!(s.state(&new).unwrap().suspended);
    assert_eq!(s.history().unwrap().len(), 1);
}

#[test]
fn auto_snapshot_rotates_into_history() {
    let d = tempfile::tempdir().unwrap();
    let opts = OpenOptions {
        snapshot_every: 3,
        ..Default::default()
    };
    let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
    for i in 0..10 {
        answer(&mut s, &ItemKey::new("d", format!("c{i}"), 0), i);
        // Automatic snapshots are written in the background; let each finish.
        s.wait_for_snapshot();
    }
    assert!(!s.snapshot_running());
    assert!(!s.paths().folding.exists());
    assert_eq!(s.journal_len(), 1);
    // Three journals archived, possibly merged already by the background compaction.
    let segs = history_segments(&s.paths().history).unwrap();
    assert!((1..=3).contains(&segs.len()), "{segs:?}");
    assert_eq!(s.history().unwrap().len(), 10);
    s.close(t(20)).unwrap();
    let (s, rep) = open(d.path());
    assert!(rep.is_empty());
    assert_eq!(s.journal_len(), 0);
    assert_eq!(s.states().len(), 10);
}

#[test]
fn counts_today() {
    let d = tempfile::tempdir().unwrap();
    let (mut s, _) = open(d.path());
    let a = ItemKey::new("d", "a", 0);
    let b = ItemKey::new("d", "b", 0);
    answer(&mut s, &a, 10);
    answer(&mut s, &a, 20);
    answer(&mut s, &b, 30);
    assert_eq!(
        s.counts_since(t(15)).unwrap(),
        AnswerCounts {
            answers: 2,
            new_items: 1,
            again: 0
        }
    );
    s.undo_last(t(31)).unwrap();
    assert_eq!(s.counts_since(t(0)).unwrap().answers, 2);
    // After a snapshot far in the future, old counts come from the history.
    s.snapshot(t(10 * 86_400)).unwrap();
    assert_eq!(s.counts_since(t(0)).unwrap().answers, 2);
    assert_eq!(s.counts_since(t(0)).unwrap().new_items, 1);
    assert_eq!(s.counts_since(t(9 * 86_400)).unwrap().answers, 0);
}

#[test]
fn lock_blocks_second_writer_in_same_process() {
    let d = tempfile::tempdir().unwrap();
    let (s, _) = open(d.path());
    assert!(s.holds_lock());
    let err = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }));
    assert!(err.to_string().contains("in use by process"), "{err}");
    let (mut ro, _) = Store::open(
        d.path(),
        &OpenOptions {
            mode: OpenMode::ReadOnlyIfLocked,
            ..Default::default()
        },
        t(0),
    )
    .unwrap();
    assert!(ro.read_only());
    let k = ItemKey::new("d", "c", 0);
    let e = ro
        .record_answer(
            ReviewEntry {
                key: k.clone(),
                rating: Rating::Good,
                at: t(1),
                duration_ms: 1,
                phase: Default::default(),
            },
            None,
            st(1, 1),
        )
        .unwrap_err();
    assert!(matches!(e, StoreError::ReadOnly { .. }), "{e}");
    assert!(ro.snapshot(t(1)).is_err());
    drop(s);
    let (s2, _) = open(d.path());
    assert!(s2.holds_lock());
}

#[test]
fn deck_edits_never_delete_state() {
    let d = tempfile::tempdir().unwrap();
    let (mut s, _) = open(d.path());
    let kept = ItemKey::new("d", "removed-card", 0);
    answer(&mut s, &kept, 1);
    s.close(t(2)).unwrap();
    // The deck no longer has the card: nothing in the store changes; when the card
    // comes back its state is still there, and unknown items are new.
    let (s, _) = open(d.path());
    assert_eq!(s.state(&kept).unwrap().reps, 1);
    assert!(s.state(&ItemKey::new("d", "brand-new", 0)).is_none());
}

#[test]
fn used_up_sequence_numbers_refuse_writes_instead_of_wrapping() {
    // A journal edited to hold the last sequence number: the next record would wrap
    // to 0, look already folded and be lost.
    let d = tempfile::tempdir().unwrap();
    let p = ProgressPaths::new(d.path());
    fs::create_dir_all(&p.dir).unwrap();
    let k = ItemKey::new("d", "c", 0);
    let mut text = journal::header_line().into_bytes();
    let ev = Event::Set {
        key: k.clone(),
        state: Some(st(1, 0)),
        reason: ChangeReason::Edit,
        at: t(0),
    };
    journal::encode_line(&mut text, u64::MAX, &ev);
    fs::write(&p.journal, &text).unwrap();
    let (mut s, _) = open(d.path());
    assert_eq!(s.last_seq(), u64::MAX);
    let before = s.state(&k).cloned();
    let e = s
        .record_answer(
            ReviewEntry {
                key: k.clone(),
                rating: Rating::Good,
                at: t(1),
                duration_ms: 1000,
                phase: Phase::Review,
            },
            before.clone(),
            st(2, 1),
        )
        .unwrap_err();
    assert!(matches!(e, StoreError::SequenceExhausted { .. }), "{e}");
    assert_eq!(s.state(&k), before.as_ref());
    assert_eq!(fs::read(&p.journal).unwrap(), text, "nothing was written");
    s.close(t(2)).unwrap();
    let (s, rep) = open(d.path());
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.last_seq(), u64::MAX);
}

#[test]
fn a_newer_snapshot_is_moved_aside_not_a_lock_out() {
    let d = tempfile::tempdir().unwrap();
    let p = ProgressPaths::new(d.path());
    fs::create_dir_all(&p.dir).unwrap();
    fs::write(&p.snapshot, b"QUIZDECK-SNAPSHOT 3 00000000 0\n").unwrap();
    let (s, rep) = Store::open(d.path(), &OpenOptions::default(), t(0)).unwrap();
    assert!(!s.read_only());
    assert!(matches!(
        &rep.notes[..],
        [RecoveryNote::SnapshotDamaged {
            moved_to: Some(_),
            ..
        }]
    ));
}

fn keys(n: u32) -> Vec<ItemKey> {
    (0..n)
        .map(|i| ItemKey::new("d", format!("c{i}"), 0))
        .collect()
}

#[test]
fn automatic_snapshots_are_written_in_the_background_from_a_copy() {
    let d = tempfile::tempdir().unwrap();
    let opts = OpenOptions {
        snapshot_every: 5,
        ..Default::default()
    };
    let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
    let ks = keys(8);
    for (i, k) in ks.iter().cycle().take(23).enumerate() {
        answer(&mut s, k, i as i64);
        if i == 5 {
            // An undo right after a background snapshot was asked for.
            s.undo_last(t(100)).unwrap().unwrap();
        }
    }
    s.set_suspended(&ks[3], true, t(200)).unwrap();
    s.wait_for_snapshot();
    assert!(s.snapshot_error().is_none());
    let states = s.states().clone();
    let history = s.history().unwrap();
    assert_eq!(history.len(), 22);
    let snap = snapshot::load(&s.paths().snapshot)
        .unwrap()
        .unwrap()
        .unwrap();
    assert!(snap.last_seq >= 5, "an automatic snapshot was written");
    // Every state in the snapshot is the state the store had at that point: the
    // snapshot plus the journal gives exactly the store's states.
    drop(s);
    let (s, rep) = open(d.path());
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.states(), &states);
    assert_eq!(s.history().unwrap(), history);
    assert!(!s.paths().folding.exists());
}

#[test]
fn a_journal_left_folding_by_a_crash_is_replayed_and_archived() {
    let d = tempfile::tempdir().unwrap();
    let paths = ProgressPaths::new(d.path());
    let (mut s, _) = open(d.path());
    let ks = keys(4);
    for (i, k) in ks.iter().enumerate() {
        answer(&mut s, k, i as i64);
    }
    s.snapshot(t(10)).unwrap();
    for (i, k) in ks.iter().enumerate() {
        answer(&mut s, k, 20 + i as i64);
    }
    let states = s.states().clone();
    drop(s);
    // Killed right after the journal was set aside, before the snapshot was written.
    fs::rename(&paths.journal, &paths.folding).unwrap();
    let (mut s, rep) = open(d.path());
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.states(), &states);
    assert!(!paths.folding.exists(), "archived on opening");
    assert_eq!(s.history().unwrap().len(), 8);
    answer(&mut s, &ks[0], 40);
    let states = s.states().clone();
    s.snapshot(t(50)).unwrap();
    drop(s);
    // Killed after the snapshot was written, before the folded journal was archived:
    // the newest history segment is back in `folding.log`.
    let newest = history_segments(&paths.history).unwrap().pop().unwrap();
    fs::rename(&newest, &paths.folding).unwrap();
    let (s, rep) = open(d.path());
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.states(), &states);
    assert_eq!(s.history().unwrap().len(), 9, "nothing counted twice");
    assert!(!paths.folding.exists());
}

#[test]
fn a_failed_background_snapshot_is_redone_in_the_foreground_and_loses_nothing() {
    let d = tempfile::tempdir().unwrap();
    let opts = OpenOptions {
        snapshot_every: 3,
        ..Default::default()
    };
    let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
    let ks = keys(5);
    answer(&mut s, &ks[0], 1);
    answer(&mut s, &ks[1], 2);
    // A file where the history folder goes: the folded journal cannot be archived.
    fs::write(&s.paths().history, b"in the way").unwrap();
    answer(&mut s, &ks[2], 3);
    s.wait_for_snapshot();
    assert!(s.snapshot_error().is_some());
    assert!(s.paths().folding.exists(), "kept for the next snapshot");
    fs::remove_file(&s.paths().history).unwrap();
    for (i, k) in ks.iter().enumerate() {
        answer(&mut s, k, 10 + i as i64);
    }
    s.wait_for_snapshot();
    assert!(s.snapshot_error().is_none(), "{:?}", s.snapshot_error());
    assert!(!s.paths().folding.exists());
    let states = s.states().clone();
    drop(s);
    let (s, rep) = open(d.path());
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.states(), &states);
    assert_eq!(s.history().unwrap().len(), 8);
}

fn per_item(history: &[ReviewEntry], key: &ItemKey) -> Vec<ReviewEntry> {
    history.iter().filter(|e| &e.key == key).cloned().collect()
}

#[test]
fn item_history_reads_the_index_and_matches_the_full_history() {
    let d = tempfile::tempdir().unwrap();
    let opts = OpenOptions {
        snapshot_every: 7,
        ..Default::default()
    };
    let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
    let ks = keys(6);
    for i in 0..400i64 {
        let k = &ks[(i * i % 6) as usize];
        answer(&mut s, k, i);
        if i % 11 == 0 {
            s.undo_last(t(i)).unwrap();
        }
        if i % 50 == 0 {
            s.snapshot(t(i)).unwrap();
        }
        s.wait_for_snapshot();
    }
    s.compact_history().unwrap();
    let history = s.history().unwrap();
    assert!(history.len() > 300);
    for k in &ks {
        assert_eq!(s.item_history(k).unwrap(), per_item(&history, k), "{k}");
    }
    assert!(
        s.item_history(&ItemKey::new("d", "none", 0))
            .unwrap()
            .is_empty()
    );
    // Bounded: each segment at least twice the next, so about log2(400 / 7) files.
    let segs = history_segments(&s.paths().history).unwrap();
    assert!(segs.len() <= 8, "{} segments", segs.len());
    for seg in &segs {
        assert!(history_index::index_path(seg).exists(), "{}", seg.display());
    }
    // Each item's lines were found through the index, not by scanning.
    let hits: usize = segs
        .iter()
        .map(|seg| history_index::lookup(seg, &ks[1]).unwrap().len())
        .sum();
    assert!(hits > 0);

    // A damaged or missing index is ignored (the segment is scanned) and rebuilt.
    let idx = history_index::index_path(&segs[0]);
    fs::write(&idx, b"QUIZDECK-HINDEX 1 garbage").unwrap();
    assert!(history_index::lookup(&segs[0], &ks[1]).is_none());
    fs::remove_file(history_index::index_path(segs.last().unwrap())).unwrap();
    for k in &ks {
        assert_eq!(s.item_history(k).unwrap(), per_item(&history, k), "{k}");
    }
    s.compact_history().unwrap();
    assert!(history_index::lookup(&segs[0], &ks[1]).is_some());
    drop(s);
    let (s, rep) = open(d.path());
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.history().unwrap(), history);
}

/// The answers of `history` from `t(from)` on.
fn from_on(history: &[ReviewEntry], from: i64) -> Vec<ReviewEntry> {
    history
        .iter()
        .filter(|e| e.at >= t(from))
        .cloned()
        .collect()
}

#[test]
fn answers_since_reads_only_recent_answers_and_matches_the_full_history() {
    let d = tempfile::tempdir().unwrap();
    let opts = OpenOptions {
        snapshot_every: 5,
        ..Default::default()
    };
    let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
    let ks = keys(4);
    for i in 0..300i64 {
        answer(&mut s, &ks[(i % 4) as usize], i * 60);
        if i % 13 == 0 {
            s.undo_last(t(i * 60)).unwrap();
        }
        s.wait_for_snapshot();
    }
    s.compact_history().unwrap();
    let history = s.history().unwrap();
    let since = |from: i64| from_on(&history, from);
    for from in [0, 60, 3_000, 9_000, 17_940, 17_941, 20_000] {
        assert_eq!(
            s.answers_since(t(from)).unwrap(),
            since(from),
            "since {from}"
        );
    }
    // A later study day: its answers are archived in newer, smaller files.
    for i in 0..12i64 {
        answer(&mut s, &ks[(i % 4) as usize], 100_000 + i * 60);
        s.wait_for_snapshot();
    }
    s.compact_history().unwrap();
    let history = s.history().unwrap();
    let since = |from: i64| from_on(&history, from);
    assert_eq!(s.answers_since(t(100_000)).unwrap(), since(100_000));
    // The archive is read by a binary search from the oldest answer wanted.
    let segs = history_segments(&s.paths().history).unwrap();
    assert!(segs.len() >= 2, "{segs:?}");
    let last = segs.last().unwrap();
    let all = history_index::events_from_seq(last, 0).unwrap();
    let mid = all[all.len() / 2].0;
    let tail = history_index::events_from_seq(last, mid).unwrap();
    assert_eq!(tail.len(), all.len() - all.len() / 2);
    assert!(tail.iter().all(|(seq, _)| *seq >= mid));
    assert!(
        history_index::events_from_seq(last, u64::MAX)
            .unwrap()
            .is_empty()
    );

    // After reopening, the recent answers come from the snapshot's list; the oldest
    // history file is never read (made unreadable here, which the full history
    // reports).
    drop(s);
    let (s, _) = open(d.path());
    let oldest = &segs[0];
    fs::remove_file(oldest).unwrap();
    fs::create_dir(oldest).unwrap();
    assert!(s.history().is_err());
    let recent = s.answers_since(t(100_000)).unwrap();
    assert_eq!(recent, since(100_000));
    assert!(!recent.is_empty());
}

#[test]
fn a_merge_cut_short_repeats_nothing_and_is_cleaned_up() {
    let d = tempfile::tempdir().unwrap();
    let (mut s, _) = open(d.path());
    let ks = keys(3);
    for round in 0..2 {
        for (i, k) in ks.iter().enumerate() {
            answer(&mut s, k, round * 10 + i as i64);
        }
        s.snapshot(t(round * 10 + 5)).unwrap();
    }
    let hist = s.paths().history.clone();
    let before = history_segments(&hist).unwrap();
    assert_eq!(before.len(), 2);
    let newer = fs::read(&before[1]).unwrap();
    s.compact_history().unwrap();
    assert_eq!(history_segments(&hist).unwrap().len(), 1, "merged");
    // As if killed between renaming the merged file and deleting the newer one.
    fs::write(&before[1], &newer).unwrap();
    let history = s.history().unwrap();
    assert_eq!(history.len(), 6, "nothing twice");
    assert_eq!(s.item_history(&ks[0]).unwrap().len(), 2);
    s.compact_history().unwrap();
    assert_eq!(history_segments(&hist).unwrap(), before[..1].to_vec());
    assert_eq!(s.history().unwrap(), history);
}

#[test]
fn history_segments_are_ordered_by_sequence_then_suffix() {
    let d = tempfile::tempdir().unwrap();
    let names = [
        "journal-00000000000000000010.log",
        "journal-00000000000000000001-2.log",
        "journal-00000000000000000001.log",
        "journal-00000000000000000001-10.log",
    ];
    for n in names {
        fs::write(d.path().join(n), b"").unwrap();
    }
    fs::write(d.path().join("journal-00000000000000000001.idx"), b"").unwrap();
    let got: Vec<String> = history_segments(d.path())
        .unwrap()
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert_eq!(got, [names[2], names[1], names[3], names[0]]);
}

/// The streak's study days, read as a stream, are those of the full history: undone
/// answers (several in a row, some the only answer of their day) do not count.
#[test]
fn study_days_stream_matches_the_full_history() {
    let d = tempfile::tempdir().unwrap();
    let opts = OpenOptions {
        snapshot_every: 9,
        ..Default::default()
    };
    let (mut s, _) = Store::open(d.path(), &opts, t(0)).unwrap();
    let ks = keys(5);
    let offset = chrono::FixedOffset::east_opt(3 * 3600).unwrap();
    for i in 0..300i64 {
        // About one answer a day, some days only one, so an undo can empty a day.
        let at = i * 86_400 / 2 + (i % 3) * 3600;
        answer(&mut s, &ks[(i % 5) as usize], at);
        if i % 7 == 0 {
            s.undo_last(t(at)).unwrap();
        }
        if i % 13 == 0 {
            s.undo_last(t(at)).unwrap();
            s.undo_last(t(at)).unwrap();
        }
        s.wait_for_snapshot();
    }
    let history = s.history().unwrap();
    let full = crate::stats::from_history(&history, &[], t(300 * 86_400), offset, 4);
    let streamed = s.history_reader().study_days(offset, 4).unwrap();
    assert_eq!(streamed, full.study_days);
    assert!(streamed.len() > 50);
    // Some day lost its only answer to an undo.
    let all_days = history.len();
    assert!(all_days < 300);
}
