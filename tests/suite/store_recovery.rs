//! Recovery from damaged progress files: torn journal ends, garbage in the middle,
//! corrupt snapshots, hostile content.

use chrono::{DateTime, Utc};
use proptest::prelude::*;
use quizdeck::ids::ItemKey;
use quizdeck::schedule::{ItemState, Memory, Phase, Rating, ReviewEntry};
use quizdeck::store::{OpenMode, OpenOptions, ProgressPaths, RecoveryNote, RecoveryReport, Store};
use std::fs;
use std::path::Path;

fn t(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
}

fn state(reps: u32, at: i64) -> ItemState {
    ItemState {
        phase: Phase::Review,
        step: 0,
        memory: Some(Memory {
            stability_days: 2.5,
            difficulty: 4.0,
        }),
        due: t(at + 3600),
        last_review: Some(t(at)),
        interval_days: 0,
        reps,
        lapses: 0,
        leech: false,
        suspended: false,
    }
}

fn opts() -> OpenOptions {
    OpenOptions {
        mode: OpenMode::ReadWrite,
        snapshot_every: 1_000_000,
    }
}

fn open(dir: &Path) -> (Store, RecoveryReport) {
    Store::open(dir, &opts(), t(100_000)).unwrap()
}

fn answer(s: &mut Store, card: &str, at: i64) -> u64 {
    let key = ItemKey::new("deck", card, 0);
    let before = s.state(&key).cloned();
    let reps = before.as_ref().map_or(0, |b| b.reps) + 1;
    s.record_answer(
        ReviewEntry {
            key,
            rating: Rating::Good,
            at: t(at),
            duration_ms: 1234,
            phase: Default::default(),
        },
        before,
        state(reps, at),
    )
    .unwrap()
}

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let e = e.unwrap();
        let dest = to.join(e.file_name());
        if e.file_type().unwrap().is_dir() {
            copy_dir(&e.path(), &dest);
        } else {
            fs::copy(e.path(), dest).unwrap();
        }
    }
}

/// Checks the store is fully usable: reopens clean, accepts an answer, keeps it.
fn assert_healthy(dir: &Path) {
    let (mut s, rep) = open(dir);
    assert!(rep.is_empty(), "second open still reports: {rep}");
    let before = s.states().len();
    answer(&mut s, "health-check", 50_000);
    drop(s);
    let (s, rep) = open(dir);
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.states().len(), before + 1);
}

#[test]
fn truncating_the_last_record_at_every_byte_keeps_every_earlier_answer() {
    let base = tempfile::tempdir().unwrap();
    let src = base.path().join("profile");
    let journal = ProgressPaths::new(&src).journal;
    let (mut s, _) = open(&src);
    for i in 0..5 {
        answer(&mut s, &format!("c{i}"), i);
    }
    s.snapshot(t(10)).unwrap(); // a snapshot plus a journal, the normal situation
    for i in 5..10 {
        answer(&mut s, &format!("c{i}"), i);
    }
    let before_last = fs::metadata(&journal).unwrap().len();
    answer(&mut s, "last", 20);
    drop(s);
    let full = fs::read(&journal).unwrap();
    for cut in before_last..=full.len() as u64 {
        let dir = base.path().join(format!("cut-{cut}"));
        copy_dir(&src, &dir);
        let j = ProgressPaths::new(&dir).journal;
        fs::write(&j, &full[..cut as usize]).unwrap();
        let (s, rep) = open(&dir);
        for i in 0..10 {
            assert!(
                s.state(&ItemKey::new("deck", format!("c{i}"), 0)).is_some(),
                "cut {cut}: c{i} lost"
            );
        }
        let complete = cut >= full.len() as u64 - 1; // all but the newline is complete
        assert_eq!(
            s.state(&ItemKey::new("deck", "last", 0)).is_some(),
            complete,
            "cut {cut}"
        );
        let torn = cut > before_last && !complete;
        assert_eq!(!rep.is_empty(), torn, "cut {cut}: {rep}");
        if torn {
            assert!(matches!(
                rep.notes[0],
                RecoveryNote::JournalTail { lines: 1, .. }
            ));
            assert!(
                rep.to_string()
                    .contains("1 damaged line at the end of the journal")
            );
            assert_eq!(rep.answers_recovered, 5);
        }
        assert_eq!(s.history().unwrap().len(), 10 + usize::from(complete));
        drop(s);
        assert_healthy(&dir);
        fs::remove_dir_all(&dir).unwrap();
    }
}

#[test]
fn garbage_in_the_middle_is_skipped_reported_and_kept_aside() {
    let d = tempfile::tempdir().unwrap();
    let journal = ProgressPaths::new(d.path()).journal;
    let (mut s, _) = open(d.path());
    for i in 0..6 {
        answer(&mut s, &format!("c{i}"), i);
    }
    drop(s);
    let text = fs::read(&journal).unwrap();
    let lines: Vec<&[u8]> = text.split_inclusive(|&b| b == b'\n').collect();
    // lines[0] is the header; garble the record of c2 and insert junk after c3.
    let mut damaged = Vec::new();
    for (i, l) in lines.iter().enumerate() {
        if i == 3 {
            let mut l = l.to_vec();
            l[20] ^= 0x20;
            damaged.extend_from_slice(&l);
        } else {
            damaged.extend_from_slice(l);
        }
        if i == 4 {
            damaged.extend_from_slice(b"\0\0\0\0 random junk \xff\xfe\n");
        }
    }
    fs::write(&journal, &damaged).unwrap();
    let (s, rep) = open(d.path());
    assert_eq!(s.states().len(), 5);
    assert!(s.state(&ItemKey::new("deck", "c2", 0)).is_none());
    let RecoveryNote::JournalDamaged { lines, .. } = &rep.notes[0] else {
        panic!("{rep:?}")
    };
    assert_eq!(lines, &[4, 6]);
    let RecoveryNote::JournalKept { copy } = &rep.notes[1] else {
        panic!("{rep:?}")
    };
    assert_eq!(
        fs::read(copy).unwrap(),
        damaged,
        "damaged original kept as is"
    );
    assert!(
        rep.to_string()
            .contains("2 damaged lines in the middle of the journal")
    );
    drop(s);
    assert_healthy(d.path());
}

#[test]
fn corrupt_snapshot_is_moved_aside_never_overwritten_and_rebuilt() {
    let d = tempfile::tempdir().unwrap();
    let paths = ProgressPaths::new(d.path());
    let (mut s, _) = open(d.path());
    for i in 0..4 {
        answer(&mut s, &format!("c{i}"), i);
    }
    s.snapshot(t(5)).unwrap();
    for i in 4..8 {
        answer(&mut s, &format!("c{i}"), i);
    }
    s.snapshot(t(9)).unwrap();
    answer(&mut s, "c0", 10);
    s.undo_last(t(11)).unwrap();
    answer(&mut s, "c8", 12);
    let expected = s.states().clone();
    drop(s);

    let mut snap = fs::read(&paths.snapshot).unwrap();
    let n = snap.len();
    snap[n / 2] ^= 0xff;
    fs::write(&paths.snapshot, &snap).unwrap();

    let (s, rep) = open(d.path());
    assert_eq!(s.states(), &expected);
    let RecoveryNote::SnapshotDamaged {
        moved_to: Some(aside),
        ..
    } = &rep.notes[0]
    else {
        panic!("{rep:?}")
    };
    assert!(
        aside
            .file_name()
            .unwrap()
            .to_string_lossy()
            .starts_with("snapshot.dat.corrupt-")
    );
    assert_eq!(
        fs::read(aside).unwrap(),
        snap,
        "damaged snapshot kept byte for byte"
    );
    assert!(
        rep.to_string().contains("rebuilt from the history"),
        "{rep}"
    );
    assert_eq!(s.history().unwrap().len(), 9);
    drop(s);
    assert_healthy(d.path());

    // A second corruption gets its own aside name; the first is not overwritten.
    fs::write(&paths.snapshot, b"junk").unwrap();
    let (s, rep) = open(d.path());
    assert_eq!(s.states().len(), expected.len() + 1);
    let RecoveryNote::SnapshotDamaged {
        moved_to: Some(aside2),
        ..
    } = &rep.notes[0]
    else {
        panic!()
    };
    assert_ne!(aside, aside2);
    assert_eq!(fs::read(aside).unwrap(), snap);
}

#[test]
fn missing_snapshot_is_rebuilt_from_history() {
    let d = tempfile::tempdir().unwrap();
    let paths = ProgressPaths::new(d.path());
    let (mut s, _) = open(d.path());
    answer(&mut s, "a", 1);
    s.snapshot(t(2)).unwrap();
    answer(&mut s, "b", 3);
    drop(s);
    fs::remove_file(&paths.snapshot).unwrap();
    let (s, rep) = open(d.path());
    assert_eq!(s.states().len(), 2);
    assert!(matches!(rep.notes[0], RecoveryNote::SnapshotMissing { .. }));
}

#[test]
fn read_only_open_reports_but_changes_nothing() {
    let d = tempfile::tempdir().unwrap();
    let paths = ProgressPaths::new(d.path());
    let (mut s, _) = open(d.path());
    answer(&mut s, "a", 1);
    answer(&mut s, "b", 2);
    drop(s);
    let mut j = fs::read(&paths.journal).unwrap();
    j.extend_from_slice(b"deadbeef [3,");
    fs::write(&paths.journal, &j).unwrap();
    fs::write(&paths.snapshot, b"QUIZDECK-SNAPSHOT 1 zz").unwrap();
    let ro = OpenOptions {
        mode: OpenMode::ReadOnly,
        ..opts()
    };
    let listing = |p: &Path| {
        let mut v: Vec<_> = fs::read_dir(p)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        v.sort();
        v
    };
    let before = listing(&paths.dir);
    let (s, rep) = Store::open(d.path(), &ro, t(5)).unwrap();
    assert!(s.read_only());
    assert_eq!(s.states().len(), 2);
    assert!(rep.notes.contains(&RecoveryNote::LeftUnrepaired));
    assert_eq!(listing(&paths.dir), before);
    assert_eq!(fs::read(&paths.journal).unwrap(), j);
}

#[test]
fn snapshot_then_crash_before_rotation_is_consistent() {
    // Simulate a crash after the snapshot rename but before the journal moved: the
    // journal still holds folded records, which must not be applied twice.
    let d = tempfile::tempdir().unwrap();
    let paths = ProgressPaths::new(d.path());
    let (mut s, _) = open(d.path());
    answer(&mut s, "a", 1);
    answer(&mut s, "a", 2);
    let journal_copy = fs::read(&paths.journal).unwrap();
    s.snapshot(t(3)).unwrap();
    drop(s);
    // One archived journal (beside it, perhaps, its index by item).
    let hist: Vec<_> = fs::read_dir(&paths.history)
        .unwrap()
        .filter(|e| {
            e.as_ref()
                .unwrap()
                .path()
                .extension()
                .is_some_and(|x| x == "log")
        })
        .collect();
    assert_eq!(hist.len(), 1);
    fs::remove_dir_all(&paths.history).unwrap();
    fs::write(&paths.journal, journal_copy).unwrap();
    let (mut s, rep) = open(d.path());
    assert!(rep.is_empty(), "{rep}");
    assert_eq!(s.state(&ItemKey::new("deck", "a", 0)).unwrap().reps, 2);
    assert_eq!(answer(&mut s, "a", 4), 3);
    s.snapshot(t(5)).unwrap();
    assert_eq!(s.history().unwrap().len(), 3);
}

#[test]
fn hostile_huge_line_and_binary_files_do_not_panic() {
    let d = tempfile::tempdir().unwrap();
    let paths = ProgressPaths::new(d.path());
    fs::create_dir_all(&paths.dir).unwrap();
    let mut j = vec![b'7'; 3 << 20];
    j.extend_from_slice(b"\n\xff\xff\n");
    fs::write(&paths.journal, &j).unwrap();
    fs::write(&paths.snapshot, vec![0u8; 1000]).unwrap();
    fs::create_dir_all(&paths.history).unwrap();
    fs::write(
        paths.history.join("journal-00000000000000000001.log"),
        b"\x00\x01\x02",
    )
    .unwrap();
    let (s, rep) = open(d.path());
    assert!(s.states().is_empty());
    assert!(!rep.is_empty());
    drop(s);
    assert_healthy(d.path());
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, .. ProptestConfig::default() })]

    #[test]
    fn arbitrary_file_content_never_panics(
        journal in proptest::collection::vec(any::<u8>(), 0..600),
        snapshot in proptest::option::of(proptest::collection::vec(any::<u8>(), 0..300)),
        settings in proptest::collection::vec(any::<u8>(), 0..200),
    ) {
        let d = tempfile::tempdir().unwrap();
        let paths = ProgressPaths::new(d.path());
        fs::create_dir_all(&paths.dir).unwrap();
        fs::write(&paths.journal, &journal).unwrap();
        if let Some(sn) = &snapshot {
            fs::write(&paths.snapshot, sn).unwrap();
        }
        fs::write(d.path().join("settings.ron"), &settings).unwrap();
        if let Ok((s, _)) = Store::open(d.path(), &opts(), t(0)) {
            let _ = s.history();
            let _ = s.load_settings::<Vec<String>>(t(0));
            drop(s);
            assert_healthy(d.path());
        }
    }

    #[test]
    fn states_round_trip_exactly(
        reps in 0u32..1000, step in 0u32..10, secs in -5_000_000_000i64..5_000_000_000,
        nanos in 0u32..1_000_000_000, stab in any::<f32>(), diff in any::<f32>(),
        flags in 0u8..4, phase in 0u8..4, has_mem: bool, has_last: bool,
    ) {
        let at = DateTime::from_timestamp(secs, nanos).unwrap();
        let st = ItemState {
            phase: [Phase::New, Phase::Learning, Phase::Review, Phase::Relearning][phase as usize],
            step,
            memory: has_mem.then_some(Memory { stability_days: stab, difficulty: diff }),
            due: at,
            last_review: has_last.then_some(at),
            interval_days: reps * 3,
            reps,
            lapses: reps / 2,
            leech: flags & 1 != 0,
            suspended: flags & 2 != 0,
        };
        let d = tempfile::tempdir().unwrap();
        let key = ItemKey::new("d", "c", 0);
        let (mut s, _) = open(d.path());
        s.record_answer(
            ReviewEntry { key: key.clone(), rating: Rating::Easy, at, duration_ms: reps, phase: st.phase },
            Some(st.clone()),
            st.clone(),
        ).unwrap();
        drop(s);
        let (mut s, _) = open(d.path());
        // Debug comparison so NaN bit patterns compare equal.
        prop_assert_eq!(format!("{:?}", s.state(&key).unwrap()), format!("{:?}", st));
        s.snapshot(t(0)).unwrap();
        drop(s);
        let (s, _) = open(d.path());
        prop_assert_eq!(format!("{:?}", s.state(&key).unwrap()), format!("{:?}", st));
    }
}
