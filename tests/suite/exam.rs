//! Classroom exams: the two exam files (no answer readable in the students' file, the
//! answer key sealed per feedback mode), per-student papers merged by question id, result
//! files that survive a crash, and each way a student might cheat with a text editor or
//! `kill -9`, caught or made impossible.

use chrono::{DateTime, Duration, Utc};
use quizdeck::csv_out::CsvOptions;
use quizdeck::deck::{self, Deck};
use quizdeck::exam::{
    Exam, ExamError, ExamSettings, Feedback, Outcome, Register, ResultFile, ResultWriter, Sitting,
    Tick, TimePolicy, merge_results, merge_results_with,
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

fn settings(feedback: Feedback, policy: TimePolicy, pool: Option<usize>) -> ExamSettings {
    ExamSettings {
        question_count: 6,
        kinds: QuestionKind::ALL.to_vec(),
        seed: 2026,
        minutes: 20,
        feedback,
        time_policy: policy,
        pool,
    }
}

fn exam_with(feedback: Feedback, policy: TimePolicy, pool: Option<usize>) -> Exam {
    Exam::create(
        "history-test",
        "History test",
        &[every_kind()],
        settings(feedback, policy, pool),
        [42; 32],
    )
    .unwrap()
}

/// The teacher's exam (with answers): results at hand-in, wall time.
fn new_exam() -> Exam {
    exam_with(Feedback::AtHandIn, TimePolicy::WallTime, None)
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

/// Every answer text of a question that is not shown with it (typed and cloze answers,
/// corrections of false statements, the right order or pairs as written out, notes and
/// sources), for grepping files. (The options of a multiple-choice question, the items
/// to order and the match columns are shown, so they are in the file by necessity; which
/// of them is right is not.)
fn answer_texts(q: &Question) -> Vec<String> {
    let mut v = Vec::new();
    match &q.form {
        QuestionForm::Typed { accepted } | QuestionForm::Cloze { accepted } => {
            v.push(q.right_answer.clone());
            v.extend(accepted.iter().cloned())
        }
        QuestionForm::TrueFalse { correction, .. } => v.push(correction.clone()),
        QuestionForm::Order { .. } | QuestionForm::Match { .. } => v.push(q.right_answer.clone()),
        QuestionForm::MultipleChoice { .. } => {}
    }
    v.extend(q.source.clone());
    if !q.note.is_empty() {
        v.push(q.note.clone());
    }
    v.retain(|s| s.chars().count() >= 3);
    v
}

/// What the questions show a student (prompts, statements, options, items, columns).
fn shown_text(questions: &[Question]) -> String {
    let mut out = String::new();
    for q in questions {
        out.push_str(&q.prompt);
        out.push('\n');
        let parts: Vec<&String> = match &q.form {
            QuestionForm::MultipleChoice { options, .. } => options.iter().collect(),
            QuestionForm::TrueFalse { statement, .. } => vec![statement],
            QuestionForm::Order { items, .. } => items.iter().collect(),
            QuestionForm::Match { left, right, .. } => left.iter().chain(right).collect(),
            _ => Vec::new(),
        };
        for p in parts {
            out.push_str(p);
            out.push('\n');
        }
    }
    out
}

/// The answer texts of the exam that the questions do not show anyway.
fn hidden_answers(e: &Exam) -> Vec<String> {
    let shown = shown_text(&e.questions);
    let mut v: Vec<String> = e
        .questions
        .iter()
        .flat_map(answer_texts)
        .filter(|a| !shown.contains(a.as_str()))
        .collect();
    v.sort();
    v.dedup();
    v
}

#[test]
fn the_students_file_holds_no_answer_in_any_feedback_mode() {
    let dir = tempfile::tempdir().unwrap();
    for (i, fb) in [Feedback::Never, Feedback::AfterCode, Feedback::AtHandIn]
        .into_iter()
        .enumerate()
    {
        let e = exam_with(fb, TimePolicy::WallTime, Some(8));
        let path = dir.path().join(format!("exam{i}.ron"));
        e.save(&path).unwrap();
        let key = Exam::load(&Exam::key_path(&path)).unwrap();
        assert_eq!(key, e, "the key file round-trips");
        let student_text = std::fs::read_to_string(&path).unwrap();
        assert!(
            !student_text.contains("seed: 2026"),
            "the seed stays with the teacher"
        );
        let hidden = hidden_answers(&e);
        assert!(hidden.len() >= 5, "{hidden:?}");
        let key_text = std::fs::read_to_string(Exam::key_path(&path)).unwrap();
        for a in &hidden {
            assert!(key_text.contains(a.as_str()), "the key file has {a:?}");
            assert!(
                !student_text.contains(a.as_str()),
                "{fb:?}: the students' file shows the answer {a:?}"
            );
        }
        if let Some(code) = &e.teacher_code {
            assert!(!student_text.contains(code.as_str()));
        }
        let student = Exam::load(&path).unwrap();
        assert!(!student.has_answers);
        assert_eq!(student.hash(), e.hash());
        match fb {
            Feedback::Never => assert!(student.unseal(None).is_none()),
            Feedback::AtHandIn => assert_eq!(student.unseal(None).unwrap().questions, e.questions),
            Feedback::AfterCode => {
                assert!(student.unseal(None).is_none());
                assert!(student.unseal(Some("AAAA-AAAA")).is_none());
                let code = e.teacher_code.clone().unwrap();
                let typed = code.to_lowercase();
                assert_eq!(student.unseal(Some(&typed)).unwrap().questions, e.questions);
            }
        }
        // A sitting writes no answer key either.
        let mut s = Sitting::open(dir.path(), &student, "Anna", t("09:00:00")).unwrap();
        s.answer(0, Answer::Text("x".into()), t("09:00:10"))
            .unwrap();
        s.hand_in(t("09:00:20")).unwrap();
        let result = std::fs::read_to_string(s.writer().path()).unwrap();
        for a in &hidden {
            assert!(
                !result.contains(a.as_str()),
                "{fb:?}: the result file shows {a:?}"
            );
        }
        drop(s);
        std::fs::remove_file(e.result_path(dir.path(), "Anna")).unwrap();
    }
}

#[test]
fn broken_exam_files_are_clear_errors() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exam.ron");
    assert!(matches!(Exam::load(&path), Err(ExamError::Io { .. })));
    let text = new_exam().student_copy().to_ron();
    for cut in [0, 1, 10, text.len() / 3, text.len() / 2, text.len() - 3] {
        std::fs::write(&path, &text.as_bytes()[..cut]).unwrap();
        let err = Exam::load(&path).unwrap_err();
        assert!(!err.to_string().is_empty());
    }
    std::fs::write(&path, [0xff, 0xfe, 0x00, 0x41]).unwrap();
    assert!(matches!(Exam::load(&path), Err(ExamError::Invalid { .. })));
    std::fs::write(&path, text.replacen("format: 3", "format: 7", 1)).unwrap();
    let err = Exam::load(&path).unwrap_err();
    assert!(err.to_string().contains("format 7"), "{err}");
    // Grading needs the key file.
    std::fs::write(&path, &text).unwrap();
    let student = Exam::load(&path).unwrap();
    assert!(matches!(
        merge_results(dir.path(), &student),
        Err(ExamError::NeedsKey)
    ));
}

#[test]
fn papers_differ_per_student_and_merge_by_question_id() {
    let dir = tempfile::tempdir().unwrap();
    let e = exam_with(Feedback::Never, TimePolicy::WallTime, Some(8));
    let pool = e.questions.len();
    assert!(pool > 6, "a pool larger than each paper");
    let student = e.student_copy();
    let names = [
        "Anna Bērziņa",
        "Jonas Petraitis",
        "Mari Tamm",
        "Peeter Kask",
    ];
    let papers: Vec<_> = names.iter().map(|n| student.paper(n)).collect();
    assert!(
        papers
            .windows(2)
            .any(|w| w[0].pool_index != w[1].pool_index),
        "question order and choice differ between students"
    );
    // The same student typed without accents or capitals gets the same paper.
    assert_eq!(student.paper("anna berzina"), papers[0]);
    // Each student answers their own paper: all right, except the first question wrong.
    for n in names {
        let key_paper = e.paper(n);
        let mut s = Sitting::open(dir.path(), &student, n, t("09:00:00")).unwrap();
        for (i, q) in key_paper.test.questions.iter().enumerate() {
            let a = if i == 0 { wrong(q) } else { right(q) };
            s.answer(i, a, t("09:01:00")).unwrap();
        }
        s.hand_in(t("09:02:00")).unwrap();
    }
    let class = merge_results(dir.path(), &e).unwrap();
    assert_eq!(class.students.len(), 4);
    for (s, p) in class.students.iter().zip({
        let mut sorted = names;
        sorted.sort();
        sorted.map(|n| e.paper(n))
    }) {
        assert_eq!(s.score, 5, "{}", s.name);
        assert_eq!(s.outcomes[p.pool_index[0]], Outcome::Wrong);
        assert_eq!(
            s.outcomes
                .iter()
                .filter(|o| **o == Outcome::NotAsked)
                .count(),
            pool - 6
        );
        assert!(s.flags().is_empty(), "{:?}", s.flags());
    }
    // The summary is by pool question: each was asked of some students.
    let summary = class.summary();
    assert_eq!(summary.len(), pool);
    let asked: usize = summary.iter().map(|q| q.asked).sum();
    assert_eq!(asked, 4 * 6);
    assert!(summary.windows(2).all(|w| w[0].percent <= w[1].percent));
}

#[test]
fn a_killed_sitting_resumes_with_its_answers_and_remaining_time_when_paused() {
    let dir = tempfile::tempdir().unwrap();
    let e = exam_with(Feedback::AtHandIn, TimePolicy::Pause, None);
    let test = e.paper("Līga Ozola").test;
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
    // Paused while closed; up to one checkpoint interval (10 s) of the break counts.
    assert_eq!(
        w.remaining(t("10:30:00")),
        Duration::minutes(15) - Duration::seconds(10)
    );
    w.record(1, right(&test.questions[1]), t("10:32:00"))
        .unwrap();
    assert_eq!(w.remaining(t("10:45:00")), Duration::zero());
    assert!(matches!(
        w.record(3, right(&test.questions[3]), t("10:46:00")),
        Err(ExamError::TimeUp)
    ));
    let done = w.finish(t("10:46:00")).unwrap();
    assert!(!done.edited);
    drop(w);
    let back = ResultFile::read(&path, &e).unwrap();
    assert_eq!(back, done);
    assert!(!back.edited, "a torn tail is a crash, not an edit");
    assert_eq!(back.resumes(), 1);
    assert_eq!(back.time_away(), Duration::minutes(25));
    let class = merge_results(dir.path(), &e).unwrap();
    assert_eq!(class.students[0].resumes, 1);
    assert_eq!(class.students[0].away_secs, 25 * 60);
}

#[test]
fn killing_the_app_again_and_again_does_not_stop_the_wall_clock() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let start = t("09:00:00");
    // Killed every 50 seconds, restarted at once: 20 sittings.
    for k in 0..20 {
        let now = start + Duration::seconds(50 * k);
        let mut s = Sitting::open(dir.path(), &e, "Ivo", now).unwrap();
        let _ = s.tick(now + Duration::seconds(49));
        drop(s);
    }
    let now = start + Duration::seconds(50 * 20);
    let s = Sitting::open(dir.path(), &e, "Ivo", now).unwrap();
    assert_eq!(
        s.remaining(now),
        Duration::minutes(20) - Duration::seconds(1000)
    );
    // The clock also ran while the app was closed for a long time.
    drop(s);
    let later = start + Duration::minutes(21);
    let mut s = Sitting::open(dir.path(), &e, "Ivo", later).unwrap();
    assert_eq!(s.tick(later), Tick::Over);
    assert!(matches!(
        s.answer(0, Answer::Bool(true), later),
        Err(ExamError::TimeUp)
    ));
}

#[test]
fn a_fabricated_or_hand_edited_result_file_is_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let test = e.paper("Ann").test;
    let mut w = ResultWriter::open(dir.path(), &e, "Ann", t("09:00:00")).unwrap();
    for (i, q) in test.questions.iter().enumerate() {
        w.record(i, wrong(q), t("09:01:00")).unwrap();
    }
    let path = w.path().to_owned();
    w.finish(t("09:02:00")).unwrap();
    drop(w);
    assert!(!ResultFile::read(&path, &e).unwrap().edited);
    let text = std::fs::read_to_string(&path).unwrap();

    // An answer changed in a text editor.
    let changed = text.replacen("\"Text\":\"no idea\"", "\"Text\":\"Back text\"", 1);
    assert_ne!(changed, text);
    std::fs::write(&path, &changed).unwrap();
    assert!(ResultFile::read(&path, &e).unwrap().edited);

    // A line removed.
    let lines: Vec<&str> = text.lines().collect();
    let removed = lines
        .iter()
        .enumerate()
        .filter(|(i, _)| *i != 2)
        .map(|(_, l)| format!("{l}\n"))
        .collect::<String>();
    std::fs::write(&path, removed).unwrap();
    assert!(ResultFile::read(&path, &e).unwrap().edited);

    // A file fabricated from scratch by someone who knows the format but not the exam's
    // secret (here: written for an exam made with another secret): every answer right.
    let other = Exam::create(
        "history-test",
        "History test",
        &[every_kind()],
        settings(Feedback::AtHandIn, TimePolicy::WallTime, None),
        [7; 32],
    )
    .unwrap();
    std::fs::remove_file(&path).unwrap();
    let mut w = ResultWriter::open(dir.path(), &other, "Ann", t("09:00:00")).unwrap();
    for (i, q) in e.paper("Ann").test.questions.iter().enumerate() {
        w.record(i, right(q), t("09:01:00")).unwrap();
    }
    w.finish(t("09:02:00")).unwrap();
    drop(w);
    let class = merge_results(dir.path(), &e).unwrap();
    let s = &class.students[0];
    assert!(s.edited && s.exam_edited, "{:?}", s.flags());
    assert!(!class.edited().is_empty());
}

#[test]
fn an_edited_exam_and_time_over_the_limit_are_flagged() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let path = dir.path().join("exam.ron");
    e.save(&path).unwrap();
    let text = std::fs::read_to_string(&path).unwrap();
    for (what, edited) in [
        ("minutes", text.replacen("minutes: 20", "minutes: 600", 1)),
        (
            "feedback",
            text.replacen("feedback: AtHandIn", "feedback: Never", 1),
        ),
        (
            "a question",
            text.replacen("prompt: \"", "prompt: \"Edited ", 1),
        ),
    ] {
        assert_ne!(edited, text, "{what}");
        std::fs::write(&path, &edited).unwrap();
        let student = Exam::load(&path).unwrap();
        let name = format!("Student {what}");
        let mut s = Sitting::open(dir.path(), &student, &name, t("09:00:00")).unwrap();
        s.hand_in(t("09:10:00")).unwrap();
    }
    // Honest, but 7,201 s used in a 20-minute exam (a forged clock).
    std::fs::write(&path, &text).unwrap();
    let student = Exam::load(&path).unwrap();
    let mut w = ResultWriter::open(dir.path(), &student, "Slow", t("09:00:00")).unwrap();
    w.checkpoint(t("09:19:00")).unwrap();
    drop(w);
    let mut bytes = std::fs::read_to_string(e.result_path(dir.path(), "Slow")).unwrap();
    // Append a finish two hours later with a valid check (what a programmer with the
    // students' file could do): caught by the time limit.
    let last = bytes
        .lines()
        .last()
        .unwrap()
        .split(' ')
        .next()
        .unwrap()
        .to_owned();
    let json = r#"{"t":"finish","at":"2026-05-04T11:00:01Z"}"#;
    bytes.push_str(&format!("{} {json}\n", e.result_line_check(&last, json)));
    std::fs::write(e.result_path(dir.path(), "Slow"), bytes).unwrap();

    let class = merge_results(dir.path(), &e).unwrap();
    for s in &class.students {
        if s.name.starts_with("Student") {
            assert!(s.exam_edited, "{}: {:?}", s.name, s.flags());
            assert!(!s.edited);
        } else {
            assert_eq!(s.name, "Slow");
            assert!(s.overtime && !s.exam_edited && !s.edited, "{:?}", s.flags());
            assert_eq!(s.time_secs, 7201);
        }
    }
}

#[test]
fn a_handed_in_sitting_never_reopens_and_changes_after_hand_in_break_the_receipt() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let results = dir.path().join("usb");
    let e = new_exam();
    let exam_path = dir.path().join("exam.ron");
    e.save(&exam_path).unwrap();
    let student = Exam::load(&exam_path).unwrap();
    let register = Register::new(&data);
    let q = e.paper("Anna").test.questions;
    let mut s = Sitting::open_registered(
        &register,
        &exam_path,
        &results,
        &student,
        "Anna",
        t("09:00:00"),
    )
    .unwrap();
    assert_eq!(register.unfinished().unwrap().student, "Anna");
    s.answer(0, wrong(&q[0]), t("09:01:00")).unwrap();
    s.hand_in(t("09:02:00")).unwrap();
    let receipt = s.register_hand_in(&register, &exam_path, "Anna").unwrap();
    drop(s);
    assert!(register.unfinished().is_none());
    let path = e.result_path(&results, "Anna");
    let text = std::fs::read_to_string(&path).unwrap();

    // The finish line removed (the chain stays valid): this PC refuses to reopen.
    let without: String = text
        .lines()
        .filter(|l| !l.contains("\"finish\""))
        .map(|l| format!("{l}\n"))
        .collect();
    std::fs::write(&path, &without).unwrap();
    for name in ["Anna", "anna", "ANNA "] {
        assert!(matches!(
            Sitting::open_registered(&register, &exam_path, &results, &student, name, t("09:03:00")),
            Err(ExamError::HandedInHere(r)) if r == receipt
        ));
    }
    // The file deleted: still refused here.
    std::fs::remove_file(&path).unwrap();
    assert!(
        Sitting::open_registered(
            &register,
            &exam_path,
            &results,
            &student,
            "Anna",
            t("09:04:00")
        )
        .is_err()
    );
    // The teacher sees a file without finish as not handed in.
    std::fs::write(&path, &without).unwrap();
    let class = merge_results(&results, &e).unwrap();
    assert_eq!(class.students[0].flags(), ["NOT HANDED IN"]);

    // A file changed after hand-in (a second try on another PC, re-handed in) no longer
    // matches the receipt the teacher noted.
    std::fs::write(&path, &without).unwrap();
    let mut w = ResultWriter::open(&results, &student, "Anna", t("09:05:00")).unwrap();
    w.record(0, right(&q[0]), t("09:06:00")).unwrap();
    w.finish(t("09:07:00")).unwrap();
    drop(w);
    let receipts = [receipt.clone()];
    let class = merge_results_with(&results, &e, Some(&receipts)).unwrap();
    assert!(
        class.students[0].receipt_mismatch,
        "{:?}",
        class.students[0].flags()
    );
    // The untouched file matches.
    std::fs::write(&path, &text).unwrap();
    let class = merge_results_with(&results, &e, Some(&receipts)).unwrap();
    assert!(!class.students[0].receipt_mismatch);
    assert_eq!(class.students[0].receipt, receipt);
}

#[test]
fn a_second_window_on_the_same_sitting_opens_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let q = e.paper("Rasa").test.questions;
    let mut first = Sitting::open(dir.path(), &e, "Rasa", t("09:00:00")).unwrap();
    first.answer(0, right(&q[0]), t("09:00:30")).unwrap();
    for name in ["Rasa", "rasa"] {
        assert!(matches!(
            Sitting::open(dir.path(), &e, name, t("09:01:00")),
            Err(ExamError::InUse(_))
        ));
    }
    first.answer(1, right(&q[1]), t("09:01:30")).unwrap();
    first.hand_in(t("09:02:00")).unwrap();
    let path = first.writer().path().to_owned();
    drop(first);
    let back = ResultFile::read(&path, &e).unwrap();
    assert!(!back.edited);
    assert_eq!(back.answers.len(), 2);
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
        let _ = ResultFile::read(&path, &e);
    }
    for junk in [
        &b"\xff\xfe\n\n"[..],
        b"QUIZDECK-EXAM-RESULT 1\n\n\n",
        b"x y\n",
    ] {
        std::fs::write(&path, junk).unwrap();
        assert!(ResultFile::read(&path, &e).is_err());
    }
    // merging a folder of such files reports them rather than failing
    let class = merge_results(dir.path(), &e).unwrap();
    assert!(class.students.is_empty());
    assert_eq!(class.unreadable.len(), 1);
    // A folder without result files of the exam says so.
    std::fs::remove_file(&path).unwrap();
    assert!(matches!(
        merge_results(dir.path(), &e),
        Err(ExamError::NoResults { .. })
    ));
}

#[test]
fn the_class_csv_neutralises_formulas_and_has_a_bom() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    for name in ["=HYPERLINK(\"http://x\",\"Bērziņa\")", "Anna Bērziņa"] {
        let mut s = Sitting::open(dir.path(), &e, name, t("09:00:00")).unwrap();
        s.hand_in(t("09:00:10")).unwrap();
    }
    let class = merge_results(dir.path(), &e).unwrap();
    let csv = class.to_csv(CsvOptions::default());
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("\"'=HYPERLINK("), "{csv}");
    assert!(csv.contains("Anna Bērziņa,0,6,"), "{csv}");
    assert!(
        !class
            .to_csv(CsvOptions { bom: false })
            .starts_with('\u{feff}')
    );
}

#[test]
fn cli_exam_new_and_results() {
    let dir = tempfile::tempdir().unwrap();
    let exam_path = dir.path().join("exam.ron");
    let make = || {
        Command::new(env!("CARGO_BIN_EXE_quizdeck"))
            .args(["exam", "new", "--deck"])
            .arg(fixture("every-kind.ron"))
            .args([
                "--questions",
                "4",
                "--pool",
                "6",
                "--minutes",
                "10",
                "--seed",
                "9",
            ])
            .args(["--kinds", "typed,true-false,order", "--title", "Quiz"])
            .args(["--feedback", "after-code", "-o"])
            .arg(&exam_path)
            .output()
            .unwrap()
    };
    let o = make();
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let key = Exam::load(&dir.path().join("exam.key.ron")).unwrap();
    assert_eq!(key.settings.feedback, Feedback::AfterCode);
    assert_eq!(key.settings.seed, 9);
    assert!(!out.contains("seed"), "{out}");
    let code = key.teacher_code.clone().unwrap();
    assert!(out.contains(&code), "{out}");
    let student = Exam::load(&exam_path).unwrap();
    assert_eq!(student.settings.seed, 0);
    // Made again at the same place, it would replace the key of the first: refused.
    let key_text = std::fs::read(dir.path().join("exam.key.ron")).unwrap();
    let again = make();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already exists"));
    assert_eq!(
        std::fs::read(dir.path().join("exam.key.ron")).unwrap(),
        key_text
    );

    let results = dir.path().join("results");
    std::fs::create_dir_all(&results).unwrap();
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_quizdeck"))
            .args(["exam", "results"])
            .arg(&results)
            .arg("--exam")
            .arg(dir.path().join("exam.key.ron"))
            .args(args)
            .output()
            .unwrap()
    };
    // No result files yet: said, and a failure.
    let o = run(&[]);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("no result files"));

    let mut s = Sitting::open(&results, &student, "Ona", t("09:00:00")).unwrap();
    s.answer(0, Answer::Text("x".into()), t("09:00:30"))
        .unwrap();
    s.hand_in(t("09:01:00")).unwrap();
    let receipt = s.receipt().unwrap();
    drop(s);
    let receipts = dir.path().join("receipts.txt");
    std::fs::write(&receipts, "0000-0000 Someone\n").unwrap();
    let csv = dir.path().join("class.csv");
    let o = run(&[
        "--receipts",
        receipts.to_str().unwrap(),
        "-o",
        csv.to_str().unwrap(),
        "--no-bom",
    ]);
    let out = String::from_utf8_lossy(&o.stdout);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(out.contains("hardest first"), "{out}");
    assert!(out.contains("RECEIPT MISMATCH"), "{out}");
    let text = std::fs::read_to_string(&csv).unwrap();
    assert!(text.starts_with("name,score,asked,"), "{text}");
    std::fs::write(&receipts, format!("{receipt} Ona\n")).unwrap();
    let o = run(&["--receipts", receipts.to_str().unwrap()]);
    assert!(!String::from_utf8_lossy(&o.stdout).contains("RECEIPT MISMATCH"));
}

#[test]
fn a_failed_write_that_cannot_be_cut_back_keeps_the_answers_in_memory() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let test = e.paper("Anna").test;
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
    let back = ResultFile::read(&path, &e).unwrap();
    assert!(!back.edited, "the torn ends were cut before the retry");
    assert_eq!(back.answers.len(), 4);
    let class = merge_results(dir.path(), &e).unwrap();
    assert_eq!(class.students[0].score, 4);
}

#[test]
fn no_late_answer_at_time_up_even_when_the_disk_fails() {
    let dir = tempfile::tempdir().unwrap();
    let e = new_exam();
    let test = e.paper("Ivo").test;
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
    let back = ResultFile::read(&path, &e).unwrap();
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
        (0..e.settings.question_count).collect::<Vec<_>>()
    );
}

#[test]
fn a_deck_with_formula_like_cells_round_trips_through_csv_export_and_import() {
    use quizdeck::import_export::{ImportOptions, export_csv, import_csv_text};
    let d = deck::load_str(
        r#"Deck(format: 1, id: "f", title: "Formulas", cards: [
            Card(id: "a", note: "@home, as written", kind: TypeIn(question: "=SUM(A1:A2)", answers: ["-5 km", "+ a plus"])),
            Card(id: "b", kind: Basic(front: "'=already quoted", back: "plain")),
        ])"#,
        "f.ron",
        None,
    )
    .unwrap();
    let csv = export_csv(&d).unwrap();
    assert!(csv.starts_with('\u{feff}'));
    assert!(
        csv.contains("'=SUM(A1:A2)") && csv.contains("'-5 km"),
        "{csv}"
    );
    assert!(!csv.contains(",=SUM") && !csv.contains("\n=SUM"), "{csv}");
    let back = import_csv_text(
        &csv,
        Path::new("f.csv"),
        Some(&d),
        &ImportOptions {
            deck_id: "f".into(),
            title: "Formulas".into(),
            keep_going: false,
        },
    )
    .unwrap();
    assert_eq!(back.deck.cards, d.cards);
}
