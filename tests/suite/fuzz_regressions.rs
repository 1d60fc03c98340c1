//! The fuzz targets' inputs replayed: every input that ever made a target fail
//! (`tests/fixtures/fuzz/<target>/`) and the kept corpus (`fuzz/corpus/<target>/`), each
//! through the same harness the fuzz target runs (`quizdeck::fuzzing`). A harness panics
//! when the product misbehaves, so these tests pass only while every input is handled.

use quizdeck::fuzzing;
use std::path::{Path, PathBuf};

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// The files of `dir`, sorted (none when it does not exist).
fn inputs(dir: &Path) -> Vec<PathBuf> {
    let mut v: Vec<PathBuf> = std::fs::read_dir(dir)
        .map(|rd| rd.flatten().map(|e| e.path()).collect())
        .unwrap_or_default();
    v.retain(|p| p.is_file());
    v.sort();
    v
}

/// A scratch folder, on a RAM disk when there is one (the store target fsyncs).
fn scratch() -> tempfile::TempDir {
    let shm = Path::new("/dev/shm");
    if shm.is_dir()
        && let Ok(d) = tempfile::Builder::new()
            .prefix("quizdeck-fuzz-test")
            .tempdir_in(shm)
    {
        return d;
    }
    tempfile::tempdir().unwrap()
}

/// Runs every kept input of `target`; fails naming each input that panics.
fn replay(target: &str) {
    let corpus = inputs(&root().join("fuzz/corpus").join(target));
    assert!(
        !corpus.is_empty(),
        "the corpus of {target} is kept in the repository"
    );
    let crashes = inputs(&root().join("tests/fixtures/fuzz").join(target));
    let dir = scratch();
    let work = dir.path().join("work");
    let mut failed = Vec::new();
    for p in crashes.iter().chain(&corpus) {
        let data = std::fs::read(p).unwrap();
        let run = std::panic::catch_unwind(|| fuzzing::run(target, &data, &work));
        match run {
            Ok(known) => assert!(known, "{target} is a fuzz target"),
            Err(_) => failed.push(p.display().to_string()),
        }
    }
    assert!(failed.is_empty(), "{target} fails on: {failed:#?}");
}

#[test]
fn fuzz_deck_check_inputs() {
    replay("deck_check");
}

#[test]
fn fuzz_csv_import_inputs() {
    replay("csv_import");
}

#[test]
fn fuzz_answer_check_inputs() {
    replay("answer_check");
}

#[test]
fn fuzz_store_recovery_inputs() {
    replay("store_recovery");
}

#[test]
fn fuzz_exam_files_inputs() {
    replay("exam_files");
}

#[test]
fn fuzz_picture_inputs() {
    replay("picture");
}

#[test]
fn fuzz_settings_file_inputs() {
    replay("settings_file");
}

#[test]
fn fuzz_progress_bundle_inputs() {
    replay("progress_bundle");
}

#[test]
fn fuzz_package_inputs() {
    replay("package");
}

#[test]
fn fuzz_revlog_inputs() {
    replay("revlog");
}

/// Runs the size-scaled worst cases of `target` (1 MiB each) through its harness.
fn replay_size_scaled(target: &str) {
    let inputs = fuzzing::size_scaled(target, 1 << 20);
    assert!(!inputs.is_empty(), "{target} has size-scaled inputs");
    let dir = scratch();
    let work = dir.path().join("work");
    for (name, data) in &inputs {
        assert!(data.len() >= 1 << 20, "{name} is {} bytes", data.len());
        let run = std::panic::catch_unwind(|| fuzzing::run(target, data, &work));
        assert!(matches!(run, Ok(true)), "{target} fails on {name}");
    }
}

#[test]
fn size_scaled_inputs_of_the_readers_of_text() {
    for t in [
        "deck_check",
        "csv_import",
        "answer_check",
        "settings_file",
        "revlog",
    ] {
        replay_size_scaled(t);
    }
}

#[test]
fn size_scaled_inputs_of_the_readers_of_files() {
    for t in [
        "store_recovery",
        "exam_files",
        "picture",
        "progress_bundle",
        "package",
    ] {
        replay_size_scaled(t);
    }
}

/// Writes the kept seeds of the newer targets into `fuzz/corpus/<target>/` and the
/// size-scaled corpus (1, 4 and 10 MiB) into `fuzz/corpus-large/<target>/` (not kept in
/// the repository); run by `fuzz/size-corpus.sh`.
#[test]
#[ignore]
fn write_fuzz_corpora() {
    for t in fuzzing::TARGETS {
        let large = root().join("fuzz/corpus-large").join(t);
        std::fs::create_dir_all(&large).unwrap();
        for size in [1 << 20, 4 << 20, 10 << 20] {
            for (name, data) in fuzzing::size_scaled(t, size) {
                std::fs::write(large.join(name), data).unwrap();
            }
        }
        let seeds = root().join("fuzz/corpus").join(t);
        if seeds.is_dir() {
            continue;
        }
        std::fs::create_dir_all(&seeds).unwrap();
        for (name, data) in fuzzing::size_scaled(t, 2048) {
            std::fs::write(seeds.join(name), data).unwrap();
        }
        for (name, data) in fuzzing::seeds(t) {
            std::fs::write(seeds.join(name), data).unwrap();
        }
    }
}

#[test]
fn every_target_has_its_folders() {
    for t in fuzzing::TARGETS {
        assert!(
            root()
                .join("fuzz/fuzz_targets")
                .join(format!("{t}.rs"))
                .is_file(),
            "fuzz target {t}"
        );
    }
    assert!(!fuzzing::run("no-such-target", b"", Path::new(".")));
}

fn fixture(target: &str, name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures/fuzz").join(target).join(name)).unwrap()
}

fn at(secs: i64) -> chrono::DateTime<chrono::Utc> {
    chrono::DateTime::from_timestamp(1_900_000_000 + secs, 0).unwrap()
}

#[test]
fn a_result_file_whose_sittings_add_up_past_the_longest_duration_is_capped() {
    use quizdeck::exam::{self, ExamError, ResultWriter};
    use quizdeck::quiz::Answer;
    // Six hundred sittings from the earliest to the latest time chrono knows: their sum
    // used to overflow (a panic) when the teacher merged the results.
    let data = fixture("exam_files", "sittings-add-up-past-the-longest-duration");
    assert_eq!(data[0] % 3, 1, "a result file as it is");
    let dir = scratch();
    let exam = fuzzing::fuzz_exam();
    std::fs::write(
        exam.result_path(dir.path(), fuzzing::FUZZ_STUDENT),
        &data[1..],
    )
    .unwrap();
    let class = exam::merge_results(dir.path(), exam).unwrap();
    assert_eq!(class.students.len(), 1);
    assert_eq!(
        class.students[0].time_secs,
        chrono::Duration::MAX.num_seconds()
    );
    let mut w = ResultWriter::open(dir.path(), exam, fuzzing::FUZZ_STUDENT, at(0)).unwrap();
    assert_eq!(w.remaining(at(0)), chrono::Duration::zero());
    assert!(matches!(
        w.record(0, Answer::Bool(true), at(1)),
        Err(ExamError::TimeUp)
    ));
}

#[test]
fn a_journal_at_the_last_sequence_number_refuses_more_records() {
    use quizdeck::ids::ItemKey;
    use quizdeck::schedule::{Rating, ReviewEntry};
    use quizdeck::store::{OpenOptions, ProgressPaths, Store, StoreError};
    // The next record used to overflow the sequence number (a panic; in release builds
    // it wrapped to 0 and the answer was silently lost).
    let data = fixture("store_recovery", "journal-at-the-last-sequence-number");
    assert_eq!(data[0], 0, "a journal as it is, no snapshot");
    let dir = scratch();
    let paths = ProgressPaths::new(dir.path());
    std::fs::create_dir_all(&paths.dir).unwrap();
    std::fs::write(&paths.journal, &data[1..]).unwrap();
    let (mut store, _) = Store::open(dir.path(), &OpenOptions::default(), at(0)).unwrap();
    assert_eq!(store.last_seq(), u64::MAX);
    let key = ItemKey::new("deck", "a", 0);
    let before = store.state(&key).cloned();
    let after = before.clone().unwrap();
    let e = store
        .record_answer(
            ReviewEntry {
                key,
                rating: Rating::Good,
                at: at(1),
                duration_ms: 1000,
                phase: after.phase,
            },
            before,
            after,
        )
        .unwrap_err();
    assert!(matches!(e, StoreError::SequenceExhausted { .. }), "{e}");
    assert!(e.to_string().contains("used up"), "{e}");
    assert_eq!(std::fs::read(&paths.journal).unwrap(), &data[1..]);
}

#[test]
fn a_settings_file_of_330000_parameters_is_reset_to_the_default_model_and_saves_small() {
    use quizdeck::settings::ProfileSettings;
    use quizdeck::store::{load_settings, save_settings};
    // Read, it fit the 4 MiB cap; saved pretty (a value a line), it passed it, so the next
    // start set the student's settings aside. A list of no model's length is now dropped.
    let data = fixture(
        "settings_file",
        "parameters-that-save-past-the-settings-cap",
    );
    let dir = scratch();
    std::fs::write(dir.path().join("settings.ron"), &data).unwrap();
    let (settings, report) = load_settings::<ProfileSettings>(dir.path(), at(0)).unwrap();
    assert!(report.is_empty(), "{report}");
    assert_eq!(settings.schedule.parameters.len(), 330_000);
    assert!(settings.schedule.validate().is_err());
    let settings = settings.clamped();
    assert!(settings.schedule.parameters.is_empty());
    assert_eq!(
        settings.schedule.learning_steps_secs,
        ProfileSettings::default().schedule.learning_steps_secs
    );
    save_settings(dir.path(), &settings).unwrap();
    let (again, report) = load_settings::<ProfileSettings>(dir.path(), at(1)).unwrap();
    assert!(report.is_empty(), "{report}");
    assert_eq!(again, settings);
}
