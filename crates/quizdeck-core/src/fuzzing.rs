//! Fuzzing harnesses: one function per fuzz target, each running one input through the
//! code that reads untrusted files and checking what must hold for every input.
//!
//! The fuzz targets in `fuzz/` call these, and so does the regression test
//! (`tests/suite/fuzz_regressions.rs`), which replays the kept corpus and every input that
//! ever made a target fail. A harness panics exactly when the product misbehaves: a panic
//! inside the product, or a broken promise (a damaged file overwritten, an export that
//! does not re-import, a deck that does not load back from its own RON).
//!
//! Not part of the application's interface.
//!
//! Why one file over 800 lines: it is test-only code (built with the `test-support`
//! feature alone), one self-contained harness per fuzz target with its worst-case
//! generators beside it, so that a target and what it checks read together; splitting
//! it would scatter each harness's generators away from the harness.

use crate::answer::{self, Strictness, VerdictKind};
use crate::deck::{self, Deck};
use crate::exam::{self, Exam, ExamSettings, Feedback, ResultFile, ResultWriter};
use crate::ids::ItemKey;
use crate::import_export::{self, ImportOptions};
use crate::quiz::{Answer, QuestionKind};
use crate::schedule::{ItemState, Phase, Rating, ReviewEntry};
use crate::store::journal::crc32;
use crate::store::{OpenMode, OpenOptions, ProgressPaths, RecoveryNote, Store};
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;
use unicode_normalization::UnicodeNormalization;

/// The fuzz targets, by name (as in `fuzz/fuzz_targets/` and `fuzz/corpus/`).
pub const TARGETS: [&str; 10] = [
    "deck_check",
    "csv_import",
    "answer_check",
    "store_recovery",
    "exam_files",
    "picture",
    "settings_file",
    "progress_bundle",
    "package",
    "revlog",
];

/// Runs one input through the target named `name`; `scratch` is a folder the file-based
/// targets may empty and use. Returns false for an unknown name.
pub fn run(name: &str, data: &[u8], scratch: &Path) -> bool {
    match name {
        "deck_check" => deck_check(data),
        "csv_import" => csv_import(data),
        "answer_check" => answer_check(data),
        "store_recovery" => store_recovery(data, scratch),
        "exam_files" => exam_files(data, scratch),
        "picture" => picture(data),
        "settings_file" => settings_file(data, scratch),
        "progress_bundle" => progress_bundle(data),
        "package" => package(data, scratch),
        "revlog" => revlog(data),
        _ => return false,
    }
    true
}

/// A folder of this process for the file-based fuzz target `target`, on a RAM disk when
/// there is one (the targets write and fsync files); the same for every call.
pub fn scratch_dir(target: &str) -> PathBuf {
    let base = Path::new("/dev/shm");
    let base = if base.is_dir() {
        base.to_path_buf()
    } else {
        std::env::temp_dir()
    };
    base.join(format!("quizdeck-fuzz-{target}-{}", std::process::id()))
}

/// A fixed time, so that runs are reproducible.
fn at(secs: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_900_000_000 + secs, 0).unwrap_or_default()
}

/// Empties `dir` (creating it).
fn fresh_dir(dir: &Path) {
    let _ = std::fs::remove_dir_all(dir);
    std::fs::create_dir_all(dir).expect("the scratch folder can be created");
}

// ---------------------------------------------------------------------------------------
// Decks.

/// The deck loader and validator on any text: never panics, a deck exactly when there are
/// no errors, and a loaded deck written back to RON loads back equal.
pub fn deck_check(data: &[u8]) {
    let text = String::from_utf8_lossy(data);
    let checked = deck::check_text(&text, "fuzz.ron", None);
    let _ = checked.render();
    assert_eq!(
        checked.deck.is_some(),
        !checked.has_errors(),
        "a deck is returned exactly when there are no errors: {:?}",
        checked.diagnostics
    );
    if let Some(d) = &checked.deck {
        let _ = d.items();
        let again = deck::check_text(&deck::to_ron(d), "again.ron", None);
        assert_eq!(
            again.deck.as_ref(),
            Some(d),
            "the deck written to RON loads back equal: {}",
            again.render()
        );
    }
}

// ---------------------------------------------------------------------------------------
// CSV import.

const EXISTING_DECK: &str = r#"Deck(format: 1, id: "sheet", title: "Sheet", version: 3,
    sources: { "book": Source(title: "The book") },
    cards: [
        Card(id: "riga", kind: TypeIn(question: "Capital of Latvia?", answers: ["Riga", "the city of Riga"])),
        Card(id: "pact", source: Ref(doc: "book"), kind: Basic(front: "Pact signed", back: "1939")),
        Card(id: "tf", kind: TrueFalse(statement: "Tallinn is in Estonia.", truth: true)),
    ])"#;

fn existing_deck() -> &'static Deck {
    static DECK: OnceLock<Deck> = OnceLock::new();
    DECK.get_or_init(|| {
        deck::load_str(EXISTING_DECK, "sheet.ron", None).expect("the built-in deck is valid")
    })
}

/// The CSV/TSV importer on any text. The first byte picks the options (bit 0: a `.tsv`
/// file, bit 1: keep going past bad rows, bit 2: re-import over an existing deck). Never
/// panics; an imported deck saved as RON loads back equal, exports to JSON, and to a CSV
/// that re-imports to the same cards.
pub fn csv_import(data: &[u8]) {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let text = String::from_utf8_lossy(rest);
    let path = Path::new(if flags & 1 != 0 { "in.tsv" } else { "in.csv" });
    let existing = (flags & 4 != 0).then(existing_deck);
    let opts = ImportOptions {
        deck_id: "sheet".into(),
        title: "Sheet".into(),
        keep_going: flags & 2 != 0,
    };
    let _ = import_export::detect_delimiter(&text, path);
    let Ok(outcome) = import_export::import_csv_text(&text, path, existing, &opts) else {
        return;
    };
    for p in &outcome.problems {
        let _ = p.to_string();
    }
    let d = &outcome.deck;
    // The import is what its deck file loads as.
    let saved = deck::check_text(&deck::to_ron(d), "imported.ron", None);
    assert_eq!(
        saved.deck.as_ref(),
        Some(d),
        "an imported deck saved as RON loads back equal: {}",
        saved.render()
    );
    import_export::export_json(d).expect("an imported deck exports to JSON");
    let csv = import_export::export_csv(d).expect("an imported deck exports to CSV");
    let opts = ImportOptions {
        keep_going: false,
        ..opts
    };
    match import_export::import_csv_text(&csv, Path::new("again.csv"), Some(d), &opts) {
        Ok(again) => assert_eq!(
            again.deck.cards, d.cards,
            "the exported CSV re-imports to the same cards:\n{csv}"
        ),
        Err(e) => panic!("the exported CSV does not re-import: {e}\n{csv}"),
    }
}

// ---------------------------------------------------------------------------------------
// Typed answers.

/// Collapses whitespace runs to one space (as the display diff shows text).
fn display_form(s: &str, max: usize) -> String {
    let mut out = String::new();
    let mut space = false;
    for c in s.trim().nfc() {
        if c.is_whitespace() {
            if !space {
                out.push(' ');
            }
            space = true;
        } else {
            out.push(c);
            space = false;
        }
    }
    out.chars().take(max).collect()
}

/// The typed-answer checker. The first byte picks the strictness; the rest is the typed
/// answer, then the accepted answers, one per line. Never panics; the verdict is
/// consistent (right only for a matching kind, an index into the accepted answers), the
/// diff spells out both sides, and every answer is right when typed as written.
pub fn answer_check(data: &[u8]) {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let strictness = match flags % 3 {
        0 => Strictness::Exact,
        1 => Strictness::IgnoreAccentsWithNote,
        _ => Strictness::IgnoreAccents,
    };
    let text = String::from_utf8_lossy(rest);
    let mut lines = text.split('\n');
    let typed = lines.next().unwrap_or("");
    let accepted: Vec<&str> = lines.take(16).collect();

    let v = answer::check_answer(typed, &accepted, strictness);
    let _ = answer::suggested_rating(&v);
    let _ = answer::normalize_for_search(typed);
    assert_eq!(v.answer_index.is_some(), !accepted.is_empty());
    if let Some(i) = v.answer_index {
        assert!(i < accepted.len());
        assert_eq!(v.answer, accepted[i].trim().nfc().collect::<String>());
    }
    match v.kind {
        VerdictKind::Exact | VerdictKind::NearMiss => assert!(v.correct, "{v:?}"),
        VerdictKind::AccentsDiffer => {
            assert_eq!(v.correct, strictness != Strictness::Exact, "{v:?}")
        }
        VerdictKind::Wrong | VerdictKind::Empty => assert!(!v.correct, "{v:?}"),
    }
    if !v.diff_truncated {
        let typed_side: String = v.diff.iter().map(|s| s.typed.as_str()).collect();
        let expected_side: String = v.diff.iter().map(|s| s.expected.as_str()).collect();
        assert_eq!(typed_side, display_form(typed, usize::MAX), "{v:?}");
        assert_eq!(expected_side, display_form(&v.answer, usize::MAX), "{v:?}");
    }
    for a in accepted.iter().take(2) {
        let own = answer::check_answer(a, &[a], strictness);
        assert!(
            own.kind == VerdictKind::Empty || (own.correct && own.kind == VerdictKind::Exact),
            "an answer typed as written is right: {a:?} → {own:?}"
        );
    }
}

// ---------------------------------------------------------------------------------------
// Progress store recovery.

/// Splits `rest` at its first NUL byte: (before, after it if any).
fn split_nul(rest: &[u8]) -> (&[u8], Option<&[u8]>) {
    match rest.iter().position(|&b| b == 0) {
        Some(i) => (&rest[..i], Some(&rest[i + 1..])),
        None => (rest, None),
    }
}

/// Journal bytes from fuzz input: as they are, or (`fix`) each line taken as a record's
/// JSON and given its checksum, after a header line, so the fuzzer reaches the decoder.
fn journal_bytes(part: &[u8], fix: bool) -> Vec<u8> {
    if !fix {
        return part.to_vec();
    }
    let mut out = b"QUIZDECK-JOURNAL 1\n".to_vec();
    let mut lines = part.split(|&b| b == b'\n').peekable();
    while let Some(line) = lines.next() {
        let last = lines.peek().is_none();
        if last && line.is_empty() {
            break;
        }
        out.extend_from_slice(format!("{:08x} ", crc32(line)).as_bytes());
        out.extend_from_slice(line);
        if !last {
            out.push(b'\n');
        }
    }
    out
}

/// Snapshot bytes from fuzz input: as they are, or (`fix`) taken as the body and given a
/// matching header, so the fuzzer reaches the decoder.
fn snapshot_bytes(part: &[u8], fix: bool) -> Vec<u8> {
    if !fix {
        return part.to_vec();
    }
    let mut out = format!("QUIZDECK-SNAPSHOT 1 {:08x} {}\n", crc32(part), part.len()).into_bytes();
    out.extend_from_slice(part);
    out
}

/// Every file under `dir` with its bytes.
fn files_under(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    let mut out = BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let Ok(rd) = std::fs::read_dir(&d) else {
            continue;
        };
        for e in rd.flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else if let Ok(b) = std::fs::read(&p) {
                out.insert(p, b);
            }
        }
    }
    out
}

/// What the history archive held is still there, byte for byte. Compaction may append
/// newer archived journals to a file, never change what it held; a file whose lines
/// (after its header) end another one byte for byte, as a merge cut short leaves them, may
/// be removed, so its lines are then found in that other file.
fn archive_kept(segment: &Path, original: &[u8], after: &BTreeMap<PathBuf, Vec<u8>>) {
    if let Some(now) = after.get(segment) {
        assert!(
            now.starts_with(original),
            "the history archive is never rewritten"
        );
        return;
    }
    let header = original
        .iter()
        .position(|&b| b == b'\n')
        .map_or(original.len(), |i| i + 1);
    let body = &original[header..];
    assert!(
        !body.is_empty()
            && after.iter().any(|(p, b)| {
                p.parent() == segment.parent()
                    && p.extension().is_some_and(|e| e == "log")
                    && memchr::memmem::find(b, body).is_some()
            }),
        "a history file is only removed when another one holds its lines"
    );
}

fn fuzz_state(due: DateTime<Utc>) -> ItemState {
    ItemState {
        phase: Phase::Learning,
        step: 1,
        memory: None,
        due,
        last_review: Some(due),
        interval_days: 0,
        reps: 1,
        lapses: 0,
        leech: false,
        suspended: false,
    }
}

/// Opening a profile whose progress files hold the input. The first byte holds flags:
/// bit 0 gives each journal line its checksum (and the journal a header), bit 1 writes a
/// snapshot (the part after the first NUL byte), bit 2 gives the snapshot a matching
/// header, bit 3 also puts the journal in the history archive, bit 4 opens read-only.
///
/// [`Store::open`] never panics; damaged files are set aside unchanged, never
/// overwritten; read-only opening changes no file; a profile opened read-write takes
/// answers, undo, suspension, a snapshot and closing, and then opens clean with the same
/// items.
pub fn store_recovery(data: &[u8], scratch: &Path) {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    let (journal_part, snapshot_part) = split_nul(rest);
    fresh_dir(scratch);
    let profile = scratch.join("profile");
    let paths = ProgressPaths::new(&profile);
    std::fs::create_dir_all(&paths.dir).expect("scratch is writable");
    let journal = journal_bytes(journal_part, flags & 1 != 0);
    std::fs::write(&paths.journal, &journal).expect("scratch is writable");
    let snapshot =
        (flags & 2 != 0).then(|| snapshot_bytes(snapshot_part.unwrap_or_default(), flags & 4 != 0));
    if let Some(s) = &snapshot {
        std::fs::write(&paths.snapshot, s).expect("scratch is writable");
    }
    let segment = paths.history.join("journal-00000000000000000001.log");
    if flags & 8 != 0 {
        std::fs::create_dir_all(&paths.history).expect("scratch is writable");
        std::fs::write(&segment, &journal).expect("scratch is writable");
    }
    let read_only = flags & 16 != 0;
    let before = files_under(&profile);
    let opts = OpenOptions {
        mode: if read_only {
            OpenMode::ReadOnly
        } else {
            OpenMode::ReadWrite
        },
        snapshot_every: 1000,
    };
    let now = at(0);
    let Ok((mut store, report)) = Store::open(&profile, &opts, now) else {
        return;
    };
    let _ = report.to_string();
    // An automatic snapshot started by the opening and the history's compaction run in
    // the background: the files are compared once they are done, not in the middle.
    store.wait_for_background();
    let after = files_under(&profile);
    if read_only {
        assert_eq!(
            before.keys().collect::<Vec<_>>(),
            after.keys().collect::<Vec<_>>(),
            "read-only opening creates or removes no file"
        );
        assert!(before == after, "read-only opening changes no file");
    } else {
        for note in &report.notes {
            match note {
                RecoveryNote::JournalKept { copy } => assert!(
                    after.get(copy) == Some(&journal),
                    "the damaged journal is kept as it was"
                ),
                RecoveryNote::SnapshotDamaged { moved_to, .. } => {
                    let moved = moved_to
                        .as_ref()
                        .expect("a damaged snapshot is moved aside");
                    assert!(
                        after.get(moved) == snapshot.as_ref(),
                        "the damaged snapshot is kept as it was"
                    );
                }
                _ => {}
            }
        }
        if flags & 8 != 0 {
            archive_kept(&segment, &journal, &after);
        }
    }
    let _ = store.history();
    let _ = store.counts_since(now - Duration::days(1));
    if read_only {
        return;
    }

    // Writing after recovery.
    let key = ItemKey::new("fuzz", "card", 0);
    let old = store.state(&key).cloned();
    let entry = ReviewEntry {
        key: key.clone(),
        rating: Rating::Good,
        at: now,
        duration_ms: 1000,
        phase: old.as_ref().map_or(Phase::New, |s| s.phase),
    };
    if store
        .record_answer(entry, old, fuzz_state(now + Duration::minutes(10)))
        .is_err()
    {
        return;
    }
    let _ = store.undo_last(now);
    let _ = store.record_answer(
        ReviewEntry {
            key: key.clone(),
            rating: Rating::Again,
            at: now,
            duration_ms: 500,
            phase: Phase::New,
        },
        None,
        fuzz_state(now + Duration::minutes(1)),
    );
    let mut keys: Vec<ItemKey> = store.states().keys().cloned().collect();
    keys.sort();
    if let Some(first) = keys.first() {
        let _ = store.set_suspended(first, true, now);
    }
    let mut expected: Vec<ItemKey> = store.states().keys().cloned().collect();
    expected.sort();
    let last_seq = store.last_seq();
    if store.close(now).is_err() {
        return;
    }
    let (again, report) =
        Store::open(&profile, &OpenOptions::default(), at(60)).expect("a closed profile opens");
    assert!(
        !report.progress_damaged(),
        "a closed profile opens clean: {report:?}"
    );
    let mut got: Vec<ItemKey> = again.states().keys().cloned().collect();
    got.sort();
    assert_eq!(got, expected, "a closed profile opens with the same items");
    assert_eq!(again.last_seq(), last_seq);
}

// ---------------------------------------------------------------------------------------
// Exam and result files.

const EXAM_DECK: &str = r#"Deck(format: 1, id: "every-kind", title: "Every kind", cards: [
    Card(id: "basic", kind: Basic(front: "Front text", back: "Back text", reverse: true)),
    Card(id: "cloze", kind: Cloze(text: "{{c1::Riga|Rīga}} is the capital of {{c2::Latvia}}.")),
    Card(id: "typein", kind: TypeIn(question: "Who led Latvia in 1940?", answers: ["Kārlis Ulmanis", "Ulmanis"])),
    Card(id: "mc", kind: MultipleChoice(question: "When was the pact signed?", answer: "23 August 1939",
        distractors: ["1 September 1939", "17 September 1939"], also_correct: ["24 August 1939"])),
    Card(id: "tf", kind: TrueFalse(statement: "The pacts forbade Soviet bases.", truth: false,
        correction: "They allowed them.")),
    Card(id: "order", kind: Order(prompt: "Earliest first.", items: ["Pact", "Bases", "Ultimatums"])),
    Card(id: "match", kind: Match(prompt: "Leader to country.",
        pairs: [("Päts", "Estonia"), ("Ulmanis", "Latvia"), ("Smetona", "Lithuania")])),
])"#;

/// The id of the exam the result files are read against.
pub(crate) const FUZZ_EXAM_ID: &str = "fuzz-exam";
/// The student whose result file the input becomes.
pub const FUZZ_STUDENT: &str = "Ann";

/// The exam the result files belong to (every question form).
pub fn fuzz_exam() -> &'static Exam {
    static EXAM: OnceLock<Exam> = OnceLock::new();
    EXAM.get_or_init(|| {
        let d = deck::load_str(EXAM_DECK, "every-kind.ron", None).expect("the deck is valid");
        Exam::create(
            FUZZ_EXAM_ID,
            "Fuzz",
            &[d],
            ExamSettings {
                question_count: 8,
                kinds: QuestionKind::ALL.to_vec(),
                seed: 11,
                minutes: 30,
                feedback: Feedback::AtHandIn,
                // Paused time sums the sittings: the sums that once overflowed.
                time_policy: exam::TimePolicy::Pause,
                pool: None,
            },
            [11; 32],
        )
        .expect("the exam is valid")
    })
}

/// Result-file bytes from fuzz input: each line taken as a record's JSON, given its
/// chained checksum, after the header line, so the fuzzer reaches the record parser.
fn chained_result(part: &[u8]) -> Vec<u8> {
    let mut out = format!("{}\n", exam::RESULT_HEADER).into_bytes();
    let mut prev = String::new();
    let mut lines = part.split(|&b| b == b'\n').peekable();
    while let Some(json) = lines.next() {
        let last = lines.peek().is_none();
        if last && json.is_empty() {
            break;
        }
        prev = fuzz_exam().result_line_check(&prev, &String::from_utf8_lossy(json));
        out.extend_from_slice(prev.as_bytes());
        out.push(b' ');
        out.extend_from_slice(json);
        if !last {
            out.push(b'\n');
        }
    }
    out
}

/// Exam files and result files. The first byte picks what the rest is: an exam file
/// (RON), a result file as it is, or result records given their chained checksums.
///
/// Never panics. A loaded exam writes back to RON and loads back equal. A result file is
/// read, merged into the class results (scored against the exam's questions), and resumed
/// by its student: answering, a checkpoint and handing in after the resumption must
/// work, and the file then reads back as handed in with the new answer.
pub fn exam_files(data: &[u8], scratch: &Path) {
    let (flags, rest) = data.split_first().map_or((0, data), |(f, r)| (*f, r));
    if flags % 3 == 0 {
        let text = String::from_utf8_lossy(rest);
        if let Ok(e) = Exam::from_ron(&text, Path::new("fuzz.exam")) {
            let _ = e.paper(FUZZ_STUDENT);
            let _ = e.unseal(Some("ABCD-EFGH"));
            let again = Exam::from_ron(&e.to_ron(), Path::new("again.exam"))
                .expect("a loaded exam loads back from its own RON");
            assert_eq!(again, e);
        }
        return;
    }
    let bytes = if flags % 3 == 1 {
        rest.to_vec()
    } else {
        chained_result(rest)
    };
    fresh_dir(scratch);
    let exam = fuzz_exam();
    let path = exam.result_path(scratch, FUZZ_STUDENT);
    std::fs::write(&path, &bytes).expect("scratch is writable");
    let read = ResultFile::read(&path, exam);
    if let Ok(r) = &read {
        let _ = r.time_used();
    }
    if let Ok(class) = exam::merge_results(scratch, exam) {
        let _ = class.to_csv(Default::default());
        let _ = class.summary();
        let _ = class.edited();
    }
    let Ok(mut w) = ResultWriter::open(scratch, exam, FUZZ_STUDENT, at(0)) else {
        return;
    };
    let _ = w.remaining(at(0));
    let _ = w.answers();
    w.checkpoint(at(1)).expect("a checkpoint after resuming");
    let answered = w.record(0, Answer::Text("Riga".into()), at(2));
    let done = w.finish(at(3)).expect("handing in after resuming");
    let back = ResultFile::read(&path, exam).expect("the handed-in file reads back");
    assert_eq!(back.finished, done.finished);
    assert!(back.finished.is_some());
    if answered.is_ok() {
        assert_eq!(
            back.answers.get(&0).map(|a| &a.answer),
            Some(&Answer::Text("Riga".into()))
        );
    }
}

// ---------------------------------------------------------------------------------------
// Pictures, settings, progress files, packages, review logs.

/// The picture decoder on any bytes: never panics, and a decoded picture is within the
/// limits (at most [`MAX_SIDE_PX`](crate::picture::MAX_SIDE_PX) on each side, one RGBA
/// quadruple per pixel).
pub fn picture(data: &[u8]) {
    use crate::picture::{MAX_SIDE_PX, decode};
    if let Ok(p) = decode(data, Path::new("fuzz.png")) {
        assert!(p.width <= MAX_SIDE_PX && p.height <= MAX_SIDE_PX);
        assert_eq!(p.rgba.len(), p.width as usize * p.height as usize * 4);
    }
}

/// A profile's settings file with any content: loading never panics; a damaged file is
/// moved aside byte for byte (defaults used); settings that load save and load back the
/// same.
pub fn settings_file(data: &[u8], scratch: &Path) {
    use crate::settings::ProfileSettings;
    use crate::store::{load_settings, save_settings};
    fresh_dir(scratch);
    let file = scratch.join("settings.ron");
    std::fs::write(&file, data).expect("the scratch folder is writable");
    let (settings, report) =
        load_settings::<ProfileSettings>(scratch, at(0)).expect("a settings file never fails");
    if report.is_empty() {
        let settings = settings.clamped();
        save_settings(scratch, &settings).expect("settings save");
        let saved = std::fs::read(&file).expect("saved settings read back");
        let (again, report) =
            load_settings::<ProfileSettings>(scratch, at(1)).expect("saved settings load");
        assert!(report.is_empty(), "saved settings load back: {report}");
        save_settings(scratch, &again).expect("settings save");
        assert_eq!(
            std::fs::read(&file).expect("saved settings read back"),
            saved,
            "saved settings load back the same"
        );
    } else {
        assert!(!file.exists(), "a damaged settings file is moved aside");
        let aside: Vec<PathBuf> = std::fs::read_dir(scratch)
            .expect("the scratch folder lists")
            .flatten()
            .map(|e| e.path())
            .collect();
        assert_eq!(aside.len(), 1, "{aside:?}");
        assert_eq!(std::fs::read(&aside[0]).expect("kept aside"), data);
    }
}

/// A progress file (`progress export`) with any content: decoding and checking never
/// panic, and a file that decodes encodes to bytes that decode to the same.
pub fn progress_bundle(data: &[u8]) {
    use crate::store::bundle::{check_bundle, decode_bundle, encode_bundle};
    let Ok(b) = decode_bundle(Path::new("fuzz.qprogress"), data) else {
        return;
    };
    let _ = check_bundle(&b, at(0));
    let bytes = encode_bundle(&b);
    let again = decode_bundle(Path::new("again.qprogress"), &bytes)
        .expect("an encoded progress file decodes");
    assert_eq!(
        encode_bundle(&again),
        bytes,
        "a progress file encodes the same"
    );
}

/// A deck package (`.qdeck`) with any content: unpacking never panics; a refused package
/// leaves nothing behind; an unpacked one is a folder of regular files within the size
/// limit, with its deck file inside.
pub fn package(data: &[u8], scratch: &Path) {
    use crate::package::{MAX_UNPACKED_BYTES, unpack};
    fresh_dir(scratch);
    let file = scratch.join("in.qdeck");
    std::fs::write(&file, data).expect("the scratch folder is writable");
    let dest = scratch.join("out");
    match unpack(&file, &dest) {
        Err(_) => assert!(!dest.exists(), "a refused package leaves nothing behind"),
        Ok(deck) => {
            assert!(
                deck.starts_with(&dest) && deck.is_file(),
                "{}",
                deck.display()
            );
            fn walk(dir: &Path, total: &mut u64) {
                for e in std::fs::read_dir(dir)
                    .expect("unpacked folder lists")
                    .flatten()
                {
                    let meta = std::fs::symlink_metadata(e.path()).expect("entry reads");
                    assert!(!meta.file_type().is_symlink(), "no link is unpacked");
                    if meta.is_dir() {
                        walk(&e.path(), total);
                    } else {
                        *total += meta.len();
                    }
                }
            }
            let mut total = 0;
            walk(&dest, &mut total);
            assert!(total <= MAX_UNPACKED_BYTES);
        }
    }
}

/// A review log (py-fsrs CSV) with any content: reading never panics; rows read turn
/// into one history entry each, or a clear refusal.
pub fn revlog(data: &[u8]) {
    use crate::schedule::revlog::{history_from_revlog, parse_revlog};
    let Ok(rows) = parse_revlog(data) else {
        return;
    };
    let deck: crate::ids::DeckId = "review-log".into();
    let offset = chrono::FixedOffset::east_opt(0).unwrap_or_else(|| unreachable!());
    if let Ok(h) = history_from_revlog(&rows, &deck, at(0), offset, 4) {
        assert_eq!(h.len(), rows.len());
    }
}

// ---------------------------------------------------------------------------------------
// The size-scaled corpus.

/// A zip archive written in memory.
type ZipOut = zip::ZipWriter<std::io::Cursor<Vec<u8>>>;

/// PNG bytes: the signature, then `chunks` (type, data), each with its length and CRC.
fn png(chunks: &[(&[u8; 4], &[u8])]) -> Vec<u8> {
    let mut v = b"\x89PNG\r\n\x1a\n".to_vec();
    for (ty, data) in chunks {
        v.extend((data.len() as u32).to_be_bytes());
        let mut body = ty.to_vec();
        body.extend_from_slice(data);
        v.extend_from_slice(&body);
        v.extend(crc32(&body).to_be_bytes());
    }
    v
}

/// An IHDR chunk's data: 8-bit RGBA of the given size.
fn ihdr(width: u32, height: u32) -> Vec<u8> {
    let mut d = width.to_be_bytes().to_vec();
    d.extend(height.to_be_bytes());
    d.extend([8, 6, 0, 0, 0]);
    d
}

/// Worst-case inputs of about `bytes` bytes for target `name` (none for an unknown
/// name): the shapes that once took quadratic time or unbounded memory (many
/// distractors, colliding ids, thousands of diagnostics, long journals and result files,
/// oversized pictures and archives). `cargo test` replays them at 1 MiB
/// (`tests/suite/fuzz_regressions.rs`); `fuzz/size-corpus.sh` writes them at up to
/// 10 MiB for the fuzzers to start from.
pub fn size_scaled(name: &str, bytes: usize) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    let mut add = |what: &str, data: Vec<u8>| out.push((format!("{what}-{bytes}"), data));
    let fill = |unit: &dyn Fn(usize) -> String, head: &str, tail: &str| -> Vec<u8> {
        let mut t = String::from(head);
        let mut i = 0;
        while t.len() + tail.len() < bytes {
            t.push_str(&unit(i));
            i += 1;
        }
        t.push_str(tail);
        t.into_bytes()
    };
    match name {
        "deck_check" => {
            let head = r#"Deck(format: 1, id: "big", title: "Big", cards: ["#;
            add(
                "deck-many-answers",
                fill(
                    &|i| format!("\"answer {i}\", \"Answer {i}\", "),
                    &format!(r#"{head}Card(id: "a", kind: TypeIn(question: "Q?", answers: ["#),
                    "])), ])",
                ),
            );
            add(
                "deck-broken-cards",
                fill(
                    &|i| {
                        format!("Card(id: \"c{i}\", kind: TypeIn(question: \"\", answers: [])),\n")
                    },
                    head,
                    "])",
                ),
            );
            add(
                "deck-similar-questions",
                fill(
                    &|i| {
                        format!(
                            "Card(id: \"c{i}\", kind: Basic(front: \"Who signed the pact {}?\", back: \"x\")),\n",
                            i % 7
                        )
                    },
                    head,
                    "])",
                ),
            );
            add("deck-deep-nesting", fill(&|_| "[".into(), head, "])"));
        }
        "csv_import" => {
            add(
                "csv-colliding-ids",
                fill(
                    &|i| format!("Кто{}?,ответ {i}\n", "!".repeat(i % 3)),
                    "\u{0}question,answer\n",
                    "",
                ),
            );
            add(
                "csv-many-columns",
                fill(&|i| format!(",d{i}"), "\u{0}question,answer", "\nQ,A\n"),
            );
            add(
                "csv-unterminated-quote",
                fill(&|i| format!("row {i} "), "\u{0}question,answer\n\"", ""),
            );
        }
        "answer_check" => {
            let half = bytes / 2;
            let mut d = vec![1u8];
            d.extend("ā".repeat(half / 2).as_bytes());
            d.push(b'\n');
            for i in 0..16 {
                d.extend(format!("{i}{}", "a".repeat(half / 16)).as_bytes());
                d.push(b'\n');
            }
            add("answer-long", d);
        }
        "store_recovery" => {
            // A real journal of answers (flag 0: the bytes as they are, no snapshot).
            let dir = std::env::temp_dir().join(format!(
                "quizdeck-size-corpus-{}-{bytes}",
                std::process::id()
            ));
            fresh_dir(&dir);
            let opts = OpenOptions {
                snapshot_every: usize::MAX,
                ..OpenOptions::default()
            };
            if let Ok((mut store, _)) = Store::open(&dir, &opts, at(0)) {
                let paths = ProgressPaths::new(&dir);
                let mut i = 0i64;
                let mut entries = Vec::new();
                while std::fs::metadata(&paths.journal).map_or(0, |m| m.len()) < bytes as u64
                    && i < 1_000_000
                {
                    for _ in 0..500 {
                        let key = ItemKey::new("deck", format!("card{}", i % 7000), 0);
                        let before = store.state(&key).cloned();
                        let reps = before.as_ref().map_or(0, |b| b.reps) + 1;
                        entries.push((
                            ReviewEntry {
                                key,
                                rating: Rating::Good,
                                at: at(i),
                                duration_ms: 1000,
                                phase: Phase::Review,
                            },
                            before,
                            ItemState {
                                phase: Phase::Review,
                                reps,
                                last_review: Some(at(i)),
                                due: at(i + 86_400),
                                ..ItemState::new(at(i))
                            },
                        ));
                        i += 1;
                    }
                    if store
                        .record_answers(std::mem::take(&mut entries), at(i))
                        .is_err()
                    {
                        break;
                    }
                }
                drop(store);
                if let Ok(journal) = std::fs::read(&paths.journal) {
                    let mut d = vec![0u8];
                    d.extend(journal);
                    add("journal-long", d);
                }
            }
            let _ = std::fs::remove_dir_all(&dir);
        }
        "exam_files" => {
            // Result records given their checksums (mode 2): one start, then answers.
            let mut d = vec![2u8];
            let mut i = 0;
            d.extend(
                br#"{"t":"start","exam":"fuzz-exam","student":"Ann","at":"2030-01-01T00:00:00Z"}"#,
            );
            while d.len() < bytes {
                d.extend(
                    format!(
                        "\n{{\"t\":\"answer\",\"q\":{},\"answer\":{{\"Bool\":true}},\"at\":\"2030-01-01T00:00:{:02}Z\"}}",
                        i % 8,
                        i % 60
                    )
                    .as_bytes(),
                );
                i += 1;
            }
            add("results-long", d);
            add(
                "exam-many-questions",
                fill(&|i| format!("\"q{i}\", "), "\u{0}Exam(questions: [", "])"),
            );
        }
        "picture" => {
            let junk: Vec<u8> = (0..bytes).map(|i| (i * 7919 % 251) as u8).collect();
            add(
                "png-bomb-header",
                png(&[(b"IHDR", &ihdr(100_000, 100_000)), (b"IDAT", &junk)]),
            );
            add(
                "png-junk-pixels",
                png(&[
                    (b"IHDR", &ihdr(1024, 1024)),
                    (b"IDAT", &junk),
                    (b"IEND", b""),
                ]),
            );
            add(
                "png-text-chunks",
                png(&[
                    (b"IHDR", &ihdr(16, 16)),
                    (b"tEXt", &junk),
                    (b"iCCP", &[b"icc\0\0".as_slice(), &junk].concat()),
                    (b"IEND", b""),
                ]),
            );
        }
        "settings_file" => {
            add("settings-deep", fill(&|_| "(".into(), "", ""));
            add(
                "settings-long-list",
                fill(&|i| format!("{i}.5, "), "(schedule: (parameters: [", "]))"),
            );
        }
        "progress_bundle" => {
            use crate::store::bundle::{
                BundleItem, FORMAT, ProgressBundle, VERSION, encode_bundle,
            };
            let mut b = ProgressBundle {
                format: FORMAT.into(),
                version: VERSION,
                exported_at: at(0),
                profile_name: Some("Ann".into()),
                states: Vec::new(),
                history: Vec::new(),
                settings: None,
            };
            let mut i = 0;
            while i * 250 < bytes {
                let key = ItemKey::new("deck", format!("card{i}"), 0);
                b.states.push(BundleItem {
                    key: key.clone(),
                    state: ItemState::new(at(0)),
                });
                b.history.push(ReviewEntry {
                    key,
                    rating: Rating::Good,
                    at: at(-(i as i64)),
                    duration_ms: 1000,
                    phase: Phase::New,
                });
                i += 1;
            }
            add("bundle-many-items", encode_bundle(&b));
        }
        "package" => {
            use std::io::Write;
            let deflated = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            let zipped = |entries: &mut dyn FnMut(&mut ZipOut)| {
                let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
                entries(&mut z);
                z.finish().map(|c| c.into_inner()).unwrap_or_default()
            };
            add(
                "package-ratio-bomb",
                zipped(&mut |z| {
                    // 64 MiB of spaces in about 64 KiB, then a stored picture of noise
                    // up to the size wanted.
                    let _ = z.start_file("deck.ron", deflated);
                    let spaces = vec![b' '; 1 << 20];
                    for _ in 0..64 {
                        let _ = z.write_all(&spaces);
                    }
                    let stored = deflated.compression_method(zip::CompressionMethod::Stored);
                    let _ = z.start_file("noise.png", stored);
                    let noise: Vec<u8> = (0..bytes).map(|i| (i * 7919 % 251) as u8).collect();
                    let _ = z.write_all(&noise);
                }),
            );
            add(
                "package-many-entries",
                zipped(&mut |z| {
                    let _ = z.start_file("deck.ron", deflated);
                    let _ = z.write_all(br#"Deck(format: 1, id: "p", title: "P", cards: [])"#);
                    let mut n = 0;
                    while n * 110 < bytes {
                        let _ = z.start_file(format!("pictures/p{n}.png"), deflated);
                        let _ = z.write_all(b"x");
                        n += 1;
                    }
                }),
            );
        }
        "revlog" => {
            add(
                "revlog-many-rows",
                fill(
                    &|i| {
                        format!(
                            "{},3,2024-01-01T09:00:00+00:00,3000\n",
                            1_700_000_000_000i64 + i as i64
                        )
                    },
                    "card_id,review_rating,review_time,review_duration\n",
                    "",
                ),
            );
            add(
                "revlog-huge-field",
                fill(
                    &|_| "9".into(),
                    "card_id,review_rating,review_time,review_duration\n",
                    ",3,x,1\n",
                ),
            );
        }
        _ => {}
    }
    out
}

/// Valid inputs for the newer targets, the seeds the fuzzers start from beside the small
/// worst cases of [`size_scaled`].
pub fn seeds(name: &str) -> Vec<(String, Vec<u8>)> {
    let icon = include_bytes!("../../../assets/icon.png").to_vec();
    let mut out: Vec<(String, Vec<u8>)> = Vec::new();
    match name {
        "picture" => {
            out.push(("icon".into(), icon));
            out.push(("empty".into(), Vec::new()));
            out.push(("gif".into(), b"GIF89a\x01\x00\x01\x00".to_vec()));
        }
        "settings_file" => {
            let text = ron::ser::to_string_pretty(
                &crate::settings::ProfileSettings::default(),
                ron::ser::PrettyConfig::default(),
            )
            .unwrap_or_default();
            out.push(("defaults".into(), text.into_bytes()));
            out.push(("empty-struct".into(), b"()".to_vec()));
        }
        "progress_bundle" => {
            let mut b = size_scaled("progress_bundle", 600);
            if let Some((_, data)) = b.pop() {
                out.push(("small".into(), data));
            }
        }
        "package" => {
            use std::io::Write;
            let opts = zip::write::SimpleFileOptions::default()
                .compression_method(zip::CompressionMethod::Deflated);
            let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
            let _ = z.start_file("riga.ron", opts);
            let _ = z.write_all(
                br#"Deck(format: 1, id: "riga", title: "Riga", cards: [
    Card(id: "a", image: "maps/riga.png", kind: Basic(front: "Which city?", back: "Riga")),
])"#,
            );
            let _ = z.start_file(
                "maps/riga.png",
                opts.compression_method(zip::CompressionMethod::Stored),
            );
            let _ = z.write_all(&icon);
            if let Ok(c) = z.finish() {
                out.push(("deck-with-picture".into(), c.into_inner()));
            }
        }
        "revlog" => {
            out.push((
                "small".into(),
                b"card_id,review_rating,review_time,review_duration\n\
                  1,3,2024-01-01T09:00:00+00:00,3000\n\
                  1,1,2024-01-02T09:00:00+00:00,\n\
                  -2,4,2024-01-02T10:00:00+01:00,1\n"
                    .to_vec(),
            ));
        }
        _ => {}
    }
    out
}
