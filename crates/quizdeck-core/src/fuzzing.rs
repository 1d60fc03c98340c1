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
pub const TARGETS: [&str; 5] = [
    "deck_check",
    "csv_import",
    "answer_check",
    "store_recovery",
    "exam_files",
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
        _ => return false,
    }
    true
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
/// panics; an imported deck exports to JSON, and to a CSV that re-imports to the same
/// cards.
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
            // Compaction may append newer archived journals to it, never change it.
            assert!(
                after.get(&segment).is_some_and(|b| b.starts_with(&journal)),
                "the history archive is never rewritten"
            );
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
pub const FUZZ_EXAM_ID: &str = "fuzz-exam";
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
