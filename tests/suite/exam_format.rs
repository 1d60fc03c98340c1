//! Exam file formats: an exam file written by an earlier quizdeck (format 2, made with the
//! earlier distractor draw) still gives every student exactly the paper it gave before,
//! with the same exam hash, while new exams (format 3) draw same-type distractors; format 1
//! files are refused with a message that says why.

use quizdeck::exam::{EXAM_FORMAT, Exam, ExamError};
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::process::Command;

const STUDENTS: [&str; 3] = ["Anna Bērziņa", "Jonas Kazlauskas", "Mari Tamm"];

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures/exam-format-2")
        .join(name)
}

/// Every student's paper (pool indices and questions as shown) and the exam's hash.
fn papers(exam: &Exam) -> Value {
    let by_student: Vec<Value> = STUDENTS
        .iter()
        .map(|s| {
            let p = exam.paper(s);
            json!({"student": s, "pool_index": p.pool_index, "questions": p.test.questions})
        })
        .collect();
    json!({"hash": exam.hash(), "papers": by_student})
}

/// What the quizdeck of format 2 gave: `papers.json` was written with [`papers`] by that
/// quizdeck from `history.key.ron` and `history.ron`, which it made with `quizdeck exam
/// new --deck pact-and-bases-1939 --deck deportations-1940-1949 --questions 12 --pool 20
/// --seed 2026 --kinds multiple-choice true-false order typed --feedback at-hand-in`.
fn expected() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("papers.json")).unwrap()).unwrap()
}

#[test]
fn a_format_2_exam_gives_every_student_the_paper_it_gave_before() {
    let key = Exam::load(&fixture("history.key.ron")).unwrap();
    let student = Exam::load(&fixture("history.ron")).unwrap();
    assert_eq!((key.format(), student.format()), (2, 2));
    let want = expected();
    assert_eq!(papers(&key), want["key"], "the key file's papers changed");
    assert_eq!(
        papers(&student),
        want["student"],
        "the students' papers changed"
    );
    // Results written by an app that read the old file are not flagged EXAM EDITED.
    assert_eq!(key.hash(), student.hash());
    // The students' copy unseals to the very questions of the key file.
    let unsealed = student.unseal(None).unwrap();
    assert_eq!(papers(&unsealed)["papers"], want["key"]["papers"]);
    // Saved again, it stays a format 2 exam with the same questions.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("again.ron");
    key.save(&path).unwrap();
    let again = Exam::load(&Exam::key_path(&path)).unwrap();
    assert_eq!(again.format(), 2);
    assert_eq!(papers(&again), want["key"]);
}

#[test]
fn a_format_2_sitting_is_graded_with_its_key() {
    use chrono::{DateTime, Utc};
    use quizdeck::exam::{ResultWriter, merge_results};
    let key = Exam::load(&fixture("history.key.ron")).unwrap();
    let student = Exam::load(&fixture("history.ron"))
        .unwrap()
        .unseal(None)
        .unwrap();
    let dir = tempfile::tempdir().unwrap();
    let at: DateTime<Utc> = "2026-05-04T10:00:00Z".parse().unwrap();
    let paper = student.paper(STUDENTS[0]);
    let mut w = ResultWriter::open(dir.path(), &student, STUDENTS[0], at).unwrap();
    let mut right = 0;
    for (i, q) in paper.test.questions.iter().enumerate().take(5) {
        if let quizdeck::quiz::QuestionForm::MultipleChoice { correct, .. } = &q.form {
            w.record(i, quizdeck::quiz::Answer::Choice(correct[0]), at)
                .unwrap();
            right += 1;
        }
    }
    w.finish(at + chrono::Duration::minutes(3)).unwrap();
    drop(w);
    let class = merge_results(dir.path(), &key).unwrap();
    let row = &class.students[0];
    assert!(right > 0);
    assert_eq!(row.score, right, "{row:?}");
    assert!(row.finished && row.flags().is_empty(), "{:?}", row.flags());
}

#[test]
fn a_new_exam_is_format_3() {
    let key = Exam::load(&fixture("history.key.ron")).unwrap();
    assert_eq!(EXAM_FORMAT, 3);
    let decks: Vec<_> = ["pact-and-bases-1939", "deportations-1940-1949"]
        .iter()
        .map(|id| {
            quizdeck::deck::load_file(
                &Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("decks/{id}.ron")),
            )
            .unwrap()
        })
        .collect();
    let new = Exam::create("format-three", "F3", &decks, key.settings.clone(), [7; 32]).unwrap();
    assert_eq!(new.format(), EXAM_FORMAT);
    assert!(new.to_ron().contains("format: 3,"));
    assert!(new.student_copy().to_ron().contains("format: 3,"));
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("f3.ron");
    new.save(&path).unwrap();
    assert_eq!(Exam::load(&path).unwrap().format(), 3);
    // The settings and seed of the format 2 exam draw other questions now (the new draw):
    // the old file keeps its own.
    assert_ne!(new.questions, key.questions);
}

#[test]
fn a_format_1_exam_is_refused_with_the_reason() {
    let path = fixture("format-1.ron");
    let err = Exam::load(&path).unwrap_err();
    assert!(
        matches!(err, ExamError::Obsolete { found: 1, .. }),
        "{err:?}"
    );
    let msg = err.to_string();
    for part in [
        "early quizdeck",
        "every answer",
        "same paper",
        "Make the exam again",
    ] {
        assert!(msg.contains(part), "{msg}");
    }
    // The command line says so and fails.
    let out = Command::new(env!("CARGO_BIN_EXE_quizdeck"))
        .args(["exam", "results"])
        .arg(std::env::temp_dir())
        .arg("--exam")
        .arg(&path)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("early quizdeck"));
}
