//! A damaged profile always opens: a wrong header version, a folder where a file belongs
//! (and the reverse), a pipe as a journal, and a repair that cannot be written. Whatever
//! can be rebuilt is rebuilt; what is in the way is set aside, never deleted.

use quizdeck::ids::ItemKey;
use quizdeck::schedule::{Rating, ReviewEntry};
use quizdeck::store::{
    OpenMode, OpenOptions, ProgressPaths, RecoveryNote, RecoveryReport, Store, StoreError, fault,
};
use std::fs;
use std::path::Path;

use crate::common::{review_state, t};

fn opts() -> OpenOptions {
    OpenOptions {
        mode: OpenMode::ReadWrite,
        snapshot_every: 1_000_000,
    }
}

fn open(dir: &Path) -> (Store, RecoveryReport) {
    Store::open(dir, &opts(), t(100_000)).expect("a damaged profile still opens")
}

fn answer(s: &mut Store, card: &str, at: i64) -> quizdeck::store::Result<u64> {
    let key = ItemKey::new("deck", card, 0);
    let before = s.state(&key).cloned();
    let reps = before.as_ref().map_or(0, |b| b.reps) + 1;
    s.record_answer(
        ReviewEntry {
            key,
            rating: Rating::Good,
            at: t(at),
            duration_ms: 1000,
            phase: Default::default(),
        },
        before,
        review_state(reps, at),
    )
}

/// A profile with five answers folded into a snapshot (and the history) and three more
/// in the journal.
fn profile(dir: &Path) {
    let (mut s, _) = open(dir);
    for i in 0..5 {
        answer(&mut s, &format!("c{i}"), i).unwrap();
    }
    s.snapshot(t(10)).unwrap();
    for i in 5..8 {
        answer(&mut s, &format!("c{i}"), i).unwrap();
    }
}

fn has_all_eight(s: &Store) {
    for i in 0..8 {
        assert!(
            s.state(&ItemKey::new("deck", format!("c{i}"), 0)).is_some(),
            "c{i} lost"
        );
    }
}

/// Replaces the version (the second word of the first line) of a progress file.
fn set_header_version(path: &Path, version: &str) {
    let bytes = fs::read(path).unwrap();
    let nl = bytes.iter().position(|&b| b == b'\n').unwrap();
    let header = std::str::from_utf8(&bytes[..nl]).unwrap();
    let mut words: Vec<&str> = header.split(' ').collect();
    assert_ne!(words[1], version);
    words[1] = version;
    let mut out = words.join(" ").into_bytes();
    out.extend_from_slice(&bytes[nl..]);
    fs::write(path, out).unwrap();
}

/// Opens again: clean, writable, every answer there, a new answer kept.
fn assert_healthy(dir: &Path) {
    let (mut s, rep) = open(dir);
    assert!(rep.is_empty(), "second open still reports: {rep}");
    assert!(!s.read_only());
    has_all_eight(&s);
    answer(&mut s, "after", 50_000).unwrap();
    drop(s);
    let (s, _) = open(dir);
    assert!(s.state(&ItemKey::new("deck", "after", 0)).is_some());
}

#[test]
fn a_newer_snapshot_header_is_set_aside_and_progress_rebuilt_from_the_history() {
    let d = tempfile::tempdir().unwrap();
    profile(d.path());
    let p = ProgressPaths::new(d.path());
    set_header_version(&p.snapshot, "3");
    let damaged = fs::read(&p.snapshot).unwrap();
    let (s, rep) = open(d.path());
    has_all_eight(&s);
    let moved = rep
        .notes
        .iter()
        .find_map(|n| match n {
            RecoveryNote::SnapshotDamaged {
                moved_to: Some(to),
                reason,
                ..
            } => {
                assert!(reason.contains("format 3"), "{reason}");
                Some(to.clone())
            }
            _ => None,
        })
        .unwrap_or_else(|| panic!("no snapshot note: {rep:?}"));
    assert_eq!(fs::read(moved).unwrap(), damaged, "set aside unchanged");
    assert!(rep.to_string().contains("format 3"), "{rep}");
    drop(s);
    assert_healthy(d.path());
}

#[test]
fn a_newer_journal_header_keeps_every_line_and_the_original_aside() {
    let d = tempfile::tempdir().unwrap();
    profile(d.path());
    let p = ProgressPaths::new(d.path());
    set_header_version(&p.journal, "3");
    let damaged = fs::read(&p.journal).unwrap();
    let (s, rep) = open(d.path());
    has_all_eight(&s);
    assert!(
        rep.notes.contains(&RecoveryNote::JournalNewerHeader {
            path: p.journal.clone(),
            found: 3
        }),
        "{rep:?}"
    );
    let copy = rep
        .notes
        .iter()
        .find_map(|n| match n {
            RecoveryNote::JournalKept { copy } => Some(copy.clone()),
            _ => None,
        })
        .expect("a copy kept");
    assert_eq!(fs::read(copy).unwrap(), damaged);
    drop(s);
    assert_healthy(d.path());
}

/// Puts `make` where `path` is, opens, and checks it was set aside with a note.
fn wrong_type_is_set_aside(
    path_of: impl Fn(&ProgressPaths, &Path) -> std::path::PathBuf,
    make: impl Fn(&Path),
) {
    let d = tempfile::tempdir().unwrap();
    profile(d.path());
    let p = ProgressPaths::new(d.path());
    let path = path_of(&p, d.path());
    if path.is_dir() {
        fs::remove_dir_all(&path).unwrap();
    } else if path.exists() {
        fs::remove_file(&path).unwrap();
    }
    make(&path);
    let (s, rep) = open(d.path());
    let moved = rep
        .notes
        .iter()
        .find_map(|n| match n {
            RecoveryNote::WrongType {
                path: at,
                moved_to: Some(to),
                ..
            } if *at == path => Some(to.clone()),
            _ => None,
        })
        .unwrap_or_else(|| panic!("{} not set aside: {rep:?}", path.display()));
    assert!(
        fs::symlink_metadata(&moved).is_ok(),
        "kept at {}",
        moved.display()
    );
    assert!(!rep.to_string().is_empty());
    drop(s);
    let (mut s, _) = open(d.path());
    answer(&mut s, "after", 50_000).unwrap();
}

#[test]
fn folders_where_files_belong_and_the_reverse_are_set_aside() {
    let dir_with_a_file = |p: &Path| {
        fs::create_dir_all(p).unwrap();
        fs::write(p.join("inside"), b"x").unwrap();
    };
    let file = |p: &Path| fs::write(p, b"not a folder").unwrap();
    wrong_type_is_set_aside(|p, _| p.journal.clone(), dir_with_a_file);
    wrong_type_is_set_aside(|p, _| p.snapshot.clone(), dir_with_a_file);
    wrong_type_is_set_aside(|p, _| p.history.clone(), file);
    wrong_type_is_set_aside(|_, d| d.join("lock"), dir_with_a_file);
    wrong_type_is_set_aside(|p, _| p.folding.clone(), dir_with_a_file);
}

/// A link to itself (a loop) as the journal, the snapshot, the journal being folded, the
/// history folder or the lock made the profile fail to open ("Too many levels of symbolic
/// links"); it is set aside like any wrong file.
#[cfg(unix)]
#[test]
fn links_that_lead_to_themselves_are_set_aside() {
    let looping = |p: &Path| std::os::unix::fs::symlink(p.file_name().unwrap(), p).unwrap();
    wrong_type_is_set_aside(|p, _| p.journal.clone(), looping);
    wrong_type_is_set_aside(|p, _| p.snapshot.clone(), looping);
    wrong_type_is_set_aside(|p, _| p.folding.clone(), looping);
    wrong_type_is_set_aside(|p, _| p.history.clone(), looping);
    wrong_type_is_set_aside(|_, d| d.join("lock"), looping);
}

#[cfg(unix)]
#[test]
fn a_pipe_as_the_journal_does_not_block_the_open() {
    let made = |p: &Path| {
        let ok = std::process::Command::new("mkfifo").arg(p).status();
        assert!(ok.is_ok_and(|s| s.success()), "mkfifo");
    };
    if std::process::Command::new("mkfifo")
        .arg("--version")
        .output()
        .is_err()
    {
        eprintln!("skipped: no mkfifo");
        return;
    }
    wrong_type_is_set_aside(|p, _| p.journal.clone(), made);
    wrong_type_is_set_aside(|p, _| p.snapshot.clone(), made);
}

/// A link to `/dev/zero` as the snapshot once read 4 GiB before it was set aside; devices
/// are refused by type, before a byte is read.
#[cfg(unix)]
#[test]
fn devices_linked_as_the_journal_or_snapshot_are_set_aside_unread() {
    let link_to =
        |device: &'static str| move |p: &Path| std::os::unix::fs::symlink(device, p).unwrap();
    wrong_type_is_set_aside(|p, _| p.snapshot.clone(), link_to("/dev/zero"));
    wrong_type_is_set_aside(|p, _| p.journal.clone(), link_to("/dev/zero"));
    wrong_type_is_set_aside(|p, _| p.journal.clone(), link_to("/dev/full"));
}

#[test]
fn a_repair_that_cannot_be_written_opens_read_only_and_says_why() {
    let d = tempfile::tempdir().unwrap();
    profile(d.path());
    let p = ProgressPaths::new(d.path());
    // Garbage in the middle of the journal: it needs rewriting.
    let mut bytes = fs::read(&p.journal).unwrap();
    let second = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    bytes.splice(second..second, b"garbage line\n".iter().copied());
    fs::write(&p.journal, &bytes).unwrap();
    {
        let _full = fault::disk_full(d.path());
        let (mut s, rep) = open(d.path());
        has_all_eight(&s);
        assert!(s.read_only());
        let why = s.read_only_reason().unwrap().to_owned();
        assert!(why.contains("cannot be written"), "{why}");
        assert!(rep.notes.contains(&RecoveryNote::LeftUnrepaired), "{rep:?}");
        assert!(matches!(
            answer(&mut s, "refused", 60_000),
            Err(StoreError::ReadOnly { .. })
        ));
        drop(s);
        assert_eq!(
            fs::read(&p.journal).unwrap(),
            bytes,
            "the journal is untouched"
        );
    }
    // Once the disk has room, the repair happens.
    let (s, rep) = open(d.path());
    assert!(!s.read_only());
    assert!(rep.progress_damaged(), "{rep}");
    drop(s);
    assert_healthy(d.path());
}

#[test]
fn damaged_lines_in_the_archived_history_are_reported() {
    let d = tempfile::tempdir().unwrap();
    profile(d.path());
    let p = ProgressPaths::new(d.path());
    let seg = fs::read_dir(&p.history)
        .unwrap()
        .next()
        .expect("a history segment")
        .unwrap()
        .path();
    let mut bytes = fs::read(&seg).unwrap();
    let second = bytes.iter().position(|&b| b == b'\n').unwrap() + 1;
    bytes[second + 3] ^= 0x01;
    fs::write(&seg, &bytes).unwrap();
    let (s, rep) = open(d.path());
    assert!(rep.is_empty(), "the snapshot is sound: {rep}");
    let damage = s.history_damage().unwrap();
    assert_eq!(
        damage.notes,
        [RecoveryNote::HistoryDamaged {
            path: seg.clone(),
            lines: 1
        }]
    );
    assert_eq!(
        s.history().unwrap().len(),
        7,
        "one of eight answers skipped"
    );
}
