//! Classroom exams: exam files round-trip and fail cleanly, result files survive a crash
//! and resume with their answers and remaining time, fixture result files merge into the
//! expected CSV, and edited files are flagged.

use chrono::{DateTime, Duration, Utc};
use quizdeck::deck::{self, Deck};
use quizdeck::exam::{
    self, Exam, ExamError, ExamSettings, Feedback, ResultFile, ResultWriter, Sitting, Tick,
    merge_results,
};
use quizdeck::quiz::{Answer, Question, QuestionForm, QuestionKind};
use std::path::{Path, PathBuf};
use std::process::Command;

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

fn every_kind() -> Deck {
    deck::load_file(&fixture("every-kind.ron")).unwrap()
}

fn t(hms: &str) -> DateTime<Utc> {
    format!("2026-05-04T{hms}Z").parse().unwrap()
}

/// The exam the fixtures in `tests/fixtures/exam/` were written for.
fn fixture_exam() -> Exam {
    Exam::load(&fixture("exam/exam.ron")).unwrap()
}

fn new_exam() -> Exam {
    Exam::new(
        "history-test",
        "History test",
        vec![every_kind()],
        ExamSettings {
            question_count: 6,
            kinds: QuestionKind::ALL.to_vec(),
            seed: 2026,
            minutes: 20,
            feedback: Feedback::AfterEnd,
        },
    )
    .unwrap()
}

/// The right answer to a question.
fn right(q: &Question) -> Answer {
    match &q.form {
        QuestionForm::MultipleChoice { correct, .. } => Answer::Choice(correct[0]),
        QuestionForm::TrueFalse { truth, .. } => Answer::Bool(*truth),
        QuestionForm::Typed { accepted } | QuestionForm::Cloze { accepted } => {
            Answer::Text(accepted[0].clone())
        }
        QuestionForm::Match { solution, .. } => Answer::Matching(solution.clone()),
        QuestionForm::Order { solution, .. } => Answer::Ordering(solution.clone()),
    }
}

/// A wrong answer to a question.
fn wrong(q: &Question) -> Answer {
    match &q.form {
        QuestionForm::MultipleChoice { correct, options } => {
            Answer::Choice((0..options.len()).find(|i| !correct.contains(i)).unwrap())
        }
        QuestionForm::TrueFalse { truth, .. } => Answer::Bool(!truth),
        QuestionForm::Typed { .. } | QuestionForm::Cloze { .. } => Answer::Text("no idea".into()),
        QuestionForm::Match { .. } => Answer::Matching(vec![]),
        QuestionForm::Order { .. } => Answer::Ordering(vec![]),
    }
}

#[test]
fn exam_file_round_trips() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exam.ron");
    let e = new_exam();
    e.save(&path).unwrap();
    let back = Exam::load(&path).unwrap();
    assert_eq!(back, e);
    assert_eq!(back.test().unwrap(), e.test().unwrap());
    assert_eq!(back.settings.feedback, Feedback::AfterEnd);
    assert_eq!(back.time_limit(), Duration::minutes(20));
}

#[test]
fn broken_exam_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exam.ron");
    assert!(matches!(Exam::load(&path), Err(ExamError::Io { .. })));
    let text = new_exam().to_ron();
    for cut in [0, 1, 10, text.len() / 3, text.len() / 2, text.len() - 3] {
        std::fs::write(&path, &text.as_bytes()[..cut]).unwrap();
        let err = Exam::load(&path).unwrap_err();
        assert!(!err.to_string().is_empty());
    }
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    assert!(matches!(Exam::load(&path), Err(ExamError::Invalid { .. })));
    std::fs::write(
        &path,
        text.replace("format: 1,\n    id", "format: 7,\n    id"),
    )
    .unwrap();
    let err = Exam::load(&path).unwrap_err();
    assert!(err.to_string().contains("format 7"), "{err}");
    // An embedded deck edited into an invalid one.
    std::fs::write(&path, text.replacen("basic-one", "Bad Id", 1)).unwrap();
    assert!(matches!(
        Exam::load(&path),
        Err(ExamError::Deck { index: 0, .. })
    ));
}

#[test]
fn a_killed_sitting_resumes_with_its_answers_and_remaining_time() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let test = e.test().unwrap();
    let mut w = ResultWriter::open(dir.path(), &e, "Līga Ozola", t("10:00:00")).unwrap();
    assert_eq!(
        w.path(),
        dir.path().join("history-test-liga-ozola.result").as_path()
    );
    w.record(0, right(&test.questions[0]), t("10:01:00"))
        .unwrap();
    w.record(1, wrong(&test.questions[1]), t("10:03:00"))
        .unwrap();
    w.record(2, right(&test.questions[2]), t("10:05:00"))
        .unwrap();
    let path = w.path().to_owned();
    drop(w); // the app is killed: nothing more is written
    // A torn half line from the moment of the crash.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"1234abcd {\"t\":\"answ");
    std::fs::write(&path, &bytes).unwrap();

    let mut w = ResultWriter::open(dir.path(), &e, "Līga Ozola", t("10:30:00")).unwrap();
    assert_eq!(w.answers().len(), 3);
    assert_eq!(w.answers()[&1].answer, wrong(&test.questions[1]));
    assert_eq!(w.answers()[&2].at, t("10:05:00"));
    assert_eq!(w.remaining(t("10:30:00")), Duration::minutes(15));
    assert_eq!(w.remaining(t("10:40:00")), Duration::minutes(5));
    w.record(1, right(&test.questions[1]), t("10:32:00"))
        .unwrap();
    assert_eq!(w.remaining(t("10:45:00")), Duration::zero());
    assert!(matches!(
        w.record(3, right(&test.questions[3]), t("10:46:00")),
        Err(ExamError::TimeUp)
    ));
    let done = w.finish(t("10:46:00")).unwrap();
    assert!(!done.edited);
    let back = ResultFile::read(&path, &e.id).unwrap();
    assert_eq!(back, done);
    assert!(!back.edited, "a torn tail is a crash, not an edit");
    assert_eq!(back.time_used(), Duration::minutes(5 + 16));
    assert_eq!(back.answers[&1].answer, right(&test.questions[1]));
}

#[test]
fn fixture_results_merge_into_the_expected_csv() {
    let e = fixture_exam();
    let class = merge_results(&fixture("exam"), &e).unwrap();
    let expected = std::fs::read_to_string(fixture("exam/class.csv")).unwrap();
    assert_eq!(class.to_csv(), expected);
    let edited: Vec<&str> = class.edited().iter().map(|s| s.name.as_str()).collect();
    assert_eq!(edited, ["Peeter Kask"]);
    assert_eq!(class.unreadable.len(), 1, "{:?}", class.unreadable);
    let summary = class.summary();
    assert_eq!(summary.len(), e.settings.question_count);
    assert!(summary.windows(2).all(|w| w[0].percent <= w[1].percent));
}

#[test]
fn a_hand_edited_result_file_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let test = e.test().unwrap();
    let mut w = ResultWriter::open(dir.path(), &e, "Ann", t("09:00:00")).unwrap();
    for (i, q) in test.questions.iter().enumerate() {
        w.record(i, wrong(q), t("09:01:00")).unwrap();
    }
    let path = w.path().to_owned();
    w.finish(t("09:02:00")).unwrap();
    assert!(!ResultFile::read(&path, &e.id).unwrap().edited);
    let text = std::fs::read_to_string(&path).unwrap();

    // An answer changed in a text editor.
    let changed = text.replacen("\"Text\":\"no idea\"", "\"Text\":\"Back text\"", 1);
    assert_ne!(changed, text);
    std::fs::write(&path, &changed).unwrap();
    assert!(ResultFile::read(&path, &e.id).unwrap().edited);

    // A line removed.
    let lines: Vec<&str> = text.lines().collect();
    let removed = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 2)
        .map(|(_, l)| format!("{l}\n"))
        .collect::<String>();
    std::fs::write(&path, removed).unwrap();
    assert!(ResultFile::read(&path, &e.id).unwrap().edited);

    // The same file checked against another exam id.
    std::fs::write(&path, &text).unwrap();
    assert!(ResultFile::read(&path, "other-exam").is_err());
}

#[test]
fn garbage_result_files_never_panic() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let path = dir.path().join("history-test-x.result");
    let good = {
        let mut w = ResultWriter::open(dir.path(), &e, "X", t("09:00:00")).unwrap();
        w.record(0, Answer::Text("é".into()), t("09:00:10"))
            .unwrap();
        w.finish(t("09:00:20")).unwrap();
        std::fs::read(&path).unwrap()
    };
    for cut in 0..good.len() {
        std::fs::write(&path, &good[..cut]).unwrap();
        let _ = ResultFile::read(&path, &e.id);
    }
    for junk in [
        &b"\xff\xfe\n\n"[..],
        b"QUIZDECK-EXAM-RESULT 1\n\n\n",
        b"x y\n",
    ] {
        std::fs::write(&path, junk).unwrap();
        assert!(ResultFile::read(&path, &e.id).is_err());
    }
    // merging a folder of such files reports them rather than failing
    let class = merge_results(dir.path(), &e).unwrap();
    assert!(class.students.is_empty());
    assert_eq!(class.unreadable.len(), 1);
}

#[test]
fn cli_exam_new_and_results() {
    let dir = tempfile::tempdir().unwrap();
    let exam_path = dir.path().join("exam.ron");
    let o = Command::new(env!("CARGO_BIN_EXE_quizdeck"))
        .args(["exam", "new", "--deck"])
        .arg(fixture("every-kind.ron"))
        .args(["--questions", "5", "--minutes", "10", "--seed", "9"])
        .args(["--kinds", "typed,true-false,order", "--title", "Quiz"])
        .args(["--feedback", "never", "-o"])
        .arg(&exam_path)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let e = Exam::load(&exam_path).unwrap();
    assert_eq!(e.settings.feedback, Feedback::Never);
    assert_eq!(e.settings.seed, 9);
    assert_eq!(e.id, "quiz-9");

    let csv = dir.path().join("class.csv");
    let o = Command::new(env!("CARGO_BIN_EXE_quizdeck"))
        .args(["exam", "results"])
        .arg(fixture("exam"))
        .arg("--exam")
        .arg(fixture("exam/exam.ron"))
        .arg("-o")
        .arg(&csv)
        .output()
        .unwrap();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("hardest first"), "{out}");
    assert!(out.contains("flagged as edited"), "{out}");
    assert!(out.contains("exam-fixture-peeter-kask.result"), "{out}");
    assert_eq!(
        std::fs::read_to_string(&csv).unwrap(),
        std::fs::read_to_string(fixture("exam/class.csv")).unwrap()
    );
}

/// Writes `tests/fixtures/exam/` again (run with `--ignored` after a change to the exam or
/// result format, then check the new `class.csv` by hand).
#[test]
#[ignore]
fn regenerate_exam_fixtures() {
    let dir = fixture("exam");
    for f in std::fs::read_dir(&dir).unwrap() {
        std::fs::remove_file(f.unwrap().path()).unwrap();
    }
    let e = Exam::new(
        "exam-fixture",
        "Fixture exam",
        vec![every_kind()],
        ExamSettings {
            question_count: 6,
            kinds: QuestionKind::ALL.to_vec(),
            seed: 11,
            minutes: 30,
            feedback: Feedback::AfterEnd,
        },
    )
    .unwrap();
    e.save(&dir.join("exam.ron")).unwrap();
    let qs = e.test().unwrap().questions;
    let secs = |s: i64| t("09:00:00") + Duration::seconds(s);

    // Anna: everything right, handed in.
    let mut w = ResultWriter::open(&dir, &e, "Anna Bērziņa", secs(0)).unwrap();
    for (i, q) in qs.iter().enumerate() {
        w.record(i, right(q), secs(30 * (i as i64 + 1))).unwrap();
    }
    w.finish(secs(200)).unwrap();

    // Jonas: wrong on q1 and q3, a crash after q2, resumed ten minutes later.
    let mut w = ResultWriter::open(&dir, &e, "Jonas Petraitis", secs(0)).unwrap();
    w.record(0, wrong(&qs[0]), secs(40)).unwrap();
    w.record(1, right(&qs[1]), secs(90)).unwrap();
    drop(w);
    let mut w = ResultWriter::open(&dir, &e, "Jonas Petraitis", secs(600)).unwrap();
    for (i, q) in qs.iter().enumerate().skip(2) {
        let a = if i == 2 { wrong(q) } else { right(q) };
        w.record(i, a, secs(600 + 20 * i as i64)).unwrap();
    }
    w.finish(secs(700)).unwrap();

    // Mari: two answers, never handed in, a torn last line.
    let mut w = ResultWriter::open(&dir, &e, "Mari Tamm", secs(5)).unwrap();
    w.record(0, right(&qs[0]), secs(65)).unwrap();
    w.record(1, wrong(&qs[1]), secs(125)).unwrap();
    let path = w.path().to_owned();
    drop(w);
    let mut bytes = std::fs::read(&path).unwrap();
    bytes.extend_from_slice(b"0badc0de {\"t\":\"ans");
    std::fs::write(&path, bytes).unwrap();

    // Peeter: all wrong, then q1 changed by hand to the right answer.
    let mut w = ResultWriter::open(&dir, &e, "Peeter Kask", secs(0)).unwrap();
    for (i, q) in qs.iter().enumerate() {
        w.record(i, wrong(q), secs(10 * (i as i64 + 1))).unwrap();
    }
    let path = w.path().to_owned();
    w.finish(secs(100)).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    let wrong0 = serde_json::to_string(&wrong(&qs[0])).unwrap();
    let right0 = serde_json::to_string(&right(&qs[0])).unwrap();
    let edited = text.replacen(&wrong0, &right0, 1);
    assert_ne!(edited, text);
    std::fs::write(&path, edited).unwrap();

    // A result file of this exam that is not one.
    std::fs::write(dir.join("exam-fixture-broken.result"), "hello\n").unwrap();
    // A result file of another exam: ignored.
    std::fs::write(dir.join("other-exam-someone.result"), "hello\n").unwrap();

    let class = merge_results(&dir, &e).unwrap();
    std::fs::write(dir.join("class.csv"), class.to_csv()).unwrap();
    let _ = exam::student_slug("");
}

#[test]
fn a_failed_write_that_cannot_be_cut_back_keeps_the_answers_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let test = e.test().unwrap();
    let mut s = Sitting::open(dir.path(), &e, "Anna", t("09:00:00")).unwrap();
    s.answer(0, right(&test.questions[0]), t("09:01:00"))
        .unwrap();
    // The stick is pulled out: writes fail half-way and the torn end cannot be cut back.
    let gone = quizdeck::store::fault::drive_removed(dir.path());
    for (i, q) in test.questions.iter().enumerate().take(4).skip(1) {
        let kept = s.answer(i, right(q), t("09:02:00")).unwrap();
        assert!(kept.is_some(), "answer {i} is kept, not dropped");
    }
    assert_eq!(s.answers().len(), 4, "every acknowledged answer counts");
    assert_eq!(s.unsaved_count(), 3);
    drop(gone);
    assert_eq!(s.retry_unsaved().unwrap(), 3);
    s.hand_in(t("09:05:00")).unwrap();
    let path = s.writer().path().to_owned();
    drop(s);
    let back = ResultFile::read(&path, &e.id).unwrap();
    assert!(!back.edited, "the torn ends were cut before the retry");
    assert_eq!(back.answers.len(), 4);
    let class = merge_results(dir.path(), &e).unwrap();
    assert_eq!(class.students[0].score, 4);
}

#[test]
fn no_late_answer_at_time_up_even_when_the_disk_fails() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let test = e.test().unwrap();
    let start = t("09:00:00");
    let mut s = Sitting::open(dir.path(), &e, "Ivo", start).unwrap();
    s.answer(0, right(&test.questions[0]), start + Duration::minutes(1))
        .unwrap();
    assert!(matches!(
        s.tick(start + Duration::minutes(19)),
        Tick::Running { .. }
    ));
    // The disk fails just as the time runs out: the hand-in is kept in memory.
    let full = quizdeck::store::fault::disk_full(dir.path());
    let end = start + Duration::minutes(20) + Duration::seconds(3);
    assert_eq!(s.tick(end), Tick::Over);
    // The answer on screen in the last moment with time left is taken, dated then.
    let r = s.time_up(Some((1, right(&test.questions[1]))), end);
    assert!(s.is_closed());
    assert!(r.finished.is_some());
    assert_eq!(r.answers[&1].at, start + Duration::minutes(19));
    // Nothing after time-up is accepted, on a failing disk or not.
    for q in 2..4 {
        assert!(matches!(
            s.answer(q, right(&test.questions[q]), end),
            Err(ExamError::TimeUp)
        ));
    }
    drop(full);
    assert_eq!(s.retry_unsaved().unwrap(), 2, "the answer and the finish");
    let path = s.writer().path().to_owned();
    drop(s);
    let back = ResultFile::read(&path, &e.id).unwrap();
    assert!(back.finished.is_some());
    assert_eq!(back.answers.len(), 2);
    assert!(back.finished.unwrap() <= start + Duration::minutes(20));
}

#[test]
fn the_clock_shows_whole_seconds_and_asks_for_the_next_one() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let start = t("09:00:00");
    let mut s = Sitting::open(dir.path(), &e, "Ivo", start).unwrap();
    let at = start + Duration::milliseconds(250);
    let Tick::Running {
        seconds_left,
        repaint_in,
        ..
    } = s.tick(at)
    else {
        panic!("time is left")
    };
    assert_eq!(seconds_left, 20 * 60);
    assert_eq!(repaint_in, std::time::Duration::from_millis(750));
    assert_eq!(
        s.unanswered(),
        (0..e.test().unwrap().questions.len()).collect::<Vec<_>>()
    );
}
