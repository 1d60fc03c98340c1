//! Kill test through the exam screen: a child process runs the app (its state machine
//! and screens, headless through egui_kittest, with a clock the test sets) and takes an
//! exam as a student does, with keys; the parent kills it with SIGKILL at several points
//! (before any answer, while an answer is typed, right after answers are shown as
//! answered, while the hand-in is confirmed, after the hand-in) and starts it again. Each
//! restart must offer the sitting with the right time left, show every answer that was
//! shown as answered before the kill, and never reopen a handed-in sitting.
//!
//! The child is this same test binary, re-executed to run the ignored test
//! `exam_child` with `QUIZDECK_EXAM_CHILD` set.

use chrono::{DateTime, Duration, FixedOffset, Utc};
use egui::accesskit::Role;
use egui::{Key, Modifiers};
use egui_kittest::Harness;
use egui_kittest::kittest::Queryable;
use quizdeck::exam::{Exam, ExamSettings, Feedback, ResultFile, TimePolicy};
use quizdeck::quiz::{Answer, QuestionKind};
use quizdeck::ui::{Action, QuizApp};
use std::cell::Cell;
use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::rc::Rc;
use std::sync::mpsc;
use std::time::Instant;

const CHILD_ENV: &str = "QUIZDECK_EXAM_CHILD";
const NOW_ENV: &str = "QUIZDECK_EXAM_NOW";
const RUN_ENV: &str = "QUIZDECK_EXAM_RUN";
const ANSWERS_ENV: &str = "QUIZDECK_EXAM_ANSWERS";
const HAND_IN_ENV: &str = "QUIZDECK_EXAM_HAND_IN";
const QUESTIONS: usize = 5;
const MINUTES: i64 = 20;
const STUDENT: &str = "Ieva Kalniņa";

fn t0() -> DateTime<Utc> {
    "2026-05-04T09:00:00Z".parse().unwrap()
}

fn exam_file(dir: &Path) -> PathBuf {
    dir.join("exam.ron")
}

fn results(dir: &Path) -> PathBuf {
    dir.join("stick")
}

fn make_exam(dir: &Path) -> Exam {
    let deck = quizdeck::deck::load_str(
        r#"Deck(format: 1, id: "caps", title: "Capitals", cards: [
            Card(id: "a", kind: TypeIn(question: "Capital of Latvia?", answers: ["Riga"])),
            Card(id: "b", kind: TypeIn(question: "Capital of Estonia?", answers: ["Tallinn"])),
            Card(id: "c", kind: TypeIn(question: "Capital of Lithuania in 1939?", answers: ["Kaunas"])),
            Card(id: "d", kind: TypeIn(question: "Port of the first Soviet base?", answers: ["Paldiski"])),
            Card(id: "e", kind: TypeIn(question: "Second city of Estonia?", answers: ["Tartu"])),
        ])"#,
        "caps.ron",
        None,
    )
    .unwrap();
    let exam = Exam::create(
        "kill-test",
        "Kill test",
        &[deck],
        ExamSettings {
            question_count: QUESTIONS,
            kinds: vec![QuestionKind::Typed],
            seed: 3,
            minutes: MINUTES as u32,
            feedback: Feedback::AtHandIn,
            time_policy: TimePolicy::WallTime,
            pool: None,
        },
        [9; 32],
    )
    .unwrap();
    exam.save(&exam_file(dir)).unwrap();
    std::fs::create_dir_all(results(dir)).unwrap();
    exam
}

fn say(s: &str) {
    let mut out = std::io::stdout().lock();
    writeln!(out, "QZ {s}").unwrap();
    out.flush().unwrap();
}

fn run(h: &mut Harness<'static, QuizApp>) {
    h.run();
}

/// Types `text` into the labelled field (replacing what it holds).
fn fill(h: &mut Harness<'static, QuizApp>, label: &str, text: &str) {
    h.get_by_role_and_label(Role::TextInput, label).focus();
    run(h);
    h.key_press_modifiers(Modifiers::COMMAND, Key::A);
    run(h);
    h.get_by_role_and_label(Role::TextInput, label)
        .type_text(text);
    run(h);
}

/// The child: starts the app on the data folder at the clock the parent set, resumes
/// the sitting (or starts it, as the student would), reports what the screen shows, then
/// answers with keys and reports each answer once the screen shows it as answered.
#[test]
#[ignore = "child process of the exam kill test; run by a_killed_exam_resumes_with_every_answer_shown"]
fn exam_child() {
    let Some(dir) = std::env::var_os(CHILD_ENV) else {
        return;
    };
    let dir = PathBuf::from(dir);
    let now: i64 = std::env::var(NOW_ENV).unwrap().parse().unwrap();
    let run_no: usize = std::env::var(RUN_ENV).unwrap().parse().unwrap();
    let plan: Vec<usize> = std::env::var(ANSWERS_ENV)
        .unwrap()
        .split(',')
        .filter(|s| !s.is_empty())
        .map(|s| s.parse().unwrap())
        .collect();
    let hand_in = std::env::var_os(HAND_IN_ENV).is_some();
    let clock = Rc::new(Cell::new(t0() + Duration::seconds(now)));
    let c = clock.clone();
    let mut app = QuizApp::new(
        &dir.join("data"),
        Box::new(move || c.get()),
        FixedOffset::east_opt(0).unwrap(),
    );
    if app.first_start() {
        app.apply(Action::Profiles(quizdeck::ui::profiles::Msg::Create(
            "Student".into(),
        )));
    }
    let mut h = Harness::builder()
        .with_size(egui::vec2(1024.0, 768.0))
        .build_ui_state(|ui, app: &mut QuizApp| app.ui(ui), app);
    run(&mut h);
    match h.query_by_label_contains("Resume the exam") {
        Some(offer) => {
            say(&format!("OFFER {}", offer.value().unwrap_or_default()));
            h.get_by_label("Resume").click();
            run(&mut h);
        }
        None => {
            say("NOOFFER");
            h.get_by_label("Take an exam…").click();
            run(&mut h);
            fill(&mut h, "Exam file:", &exam_file(&dir).display().to_string());
            fill(
                &mut h,
                "Results folder (e.g. the USB stick):",
                &results(&dir).display().to_string(),
            );
            fill(&mut h, "Your name:", STUDENT);
            h.get_by_label("Start exam").click();
            run(&mut h);
        }
    }
    if h.query_by_label_contains("Question 1 of").is_none() {
        let why = h
            .query_all_by_role(Role::Label)
            .filter_map(|n| n.value())
            .find(|v| v.contains("handed in") || v.contains("could not"))
            .unwrap_or_default();
        say(&format!("REFUSED {why}"));
        return;
    }
    let left = h
        .query_all_by_role(Role::Label)
        .filter_map(|n| n.value())
        .find(|v| v.starts_with("Time left"))
        .unwrap();
    say(&format!("LEFT {left}"));
    let answered = h
        .query_all_by_role(Role::Label)
        .filter_map(|n| n.value())
        .find(|v| v.contains(" answered"))
        .unwrap();
    say(&format!("COUNT {answered}"));
    let go = |h: &mut Harness<'static, QuizApp>, q: usize| {
        h.get_by_label_contains(&format!("Go to question {}", q + 1))
            .click();
        run(h);
        h.get_by_label_contains(&format!("Question {} of", q + 1));
    };
    for q in 0..QUESTIONS {
        go(&mut h, q);
        let shown = h.get_by_role(Role::TextInput).value().unwrap_or_default();
        say(&format!("SEE {q} {shown}"));
    }
    say("READY");
    for (k, &q) in plan.iter().enumerate() {
        go(&mut h, q);
        let text = format!("r{run_no}-a{k}");
        h.get_by_role(Role::TextInput).focus();
        run(&mut h);
        h.key_press_modifiers(Modifiers::COMMAND, Key::A);
        run(&mut h);
        h.get_by_role(Role::TextInput).type_text(&text);
        run(&mut h);
        say(&format!("GIVING {q} {text}"));
        clock.set(clock.get() + Duration::seconds(2));
        h.key_press(Key::Enter);
        run(&mut h);
        // Shown as answered: acknowledged to the student.
        h.get_by_label(&format!("Go to question {} (answered)", q + 1));
        say(&format!("ACK {q} {text}"));
    }
    if hand_in {
        h.key_press_modifiers(Modifiers::COMMAND, Key::Enter);
        run(&mut h);
        h.get_by_label_contains("Hand in the exam?");
        say("HANDING");
        h.key_press(Key::Y);
        run(&mut h);
        h.get_by_label("Kill test: handed in");
        let receipt = h
            .get_by_label_contains("Receipt: ")
            .value()
            .unwrap_or_default();
        say(&format!("HANDEDIN {receipt}"));
    }
    say("DONE");
    // Wait to be killed, as a student's open window would.
    std::thread::sleep(std::time::Duration::from_secs(30));
}

/// The lines a child prints after `QZ `, as they come.
fn lines_of(child: &mut Child) -> mpsc::Receiver<String> {
    let stdout = child.stdout.take().unwrap();
    let (tx, rx) = mpsc::channel();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let Ok(line) = line else { break };
            if let Some(i) = line.find("QZ ") {
                let _ = tx.send(line[i + 3..].to_owned());
            }
        }
    });
    rx
}

/// Where the parent kills the child.
#[derive(Debug, Clone, Copy, PartialEq)]
enum KillAt {
    /// As soon as the child reports what the screen shows, before any answer.
    Ready,
    /// While the `n`-th answer (1-based) is typed and Enter is being pressed.
    Giving(usize),
    /// Right after the `n`-th answer is shown as answered.
    Ack(usize),
    /// While the hand-in is being confirmed.
    Handing,
    /// After the handed-in page shows.
    Done,
}

/// What one child run reported.
#[derive(Debug, Default)]
struct Report {
    offer: Option<String>,
    refused: Option<String>,
    left: Option<String>,
    count: Option<String>,
    seen: BTreeMap<usize, String>,
    given: Vec<(usize, String)>,
    acked: Vec<(usize, String)>,
    handed_in: bool,
}

fn run_child(
    dir: &Path,
    run_no: usize,
    now: i64,
    plan: &[usize],
    hand_in: bool,
    kill: KillAt,
) -> Report {
    let mut cmd = Command::new(std::env::current_exe().unwrap());
    cmd.args([
        "exam_child",
        "--exact",
        "--ignored",
        "--nocapture",
        "--test-threads=1",
    ])
    .env(CHILD_ENV, dir)
    .env(NOW_ENV, now.to_string())
    .env(RUN_ENV, run_no.to_string())
    .env(
        ANSWERS_ENV,
        plan.iter()
            .map(usize::to_string)
            .collect::<Vec<_>>()
            .join(","),
    )
    .stdout(Stdio::piped())
    .stderr(Stdio::null());
    if hand_in {
        cmd.env(HAND_IN_ENV, "1");
    }
    let mut child = cmd.spawn().unwrap();
    let rx = lines_of(&mut child);
    let mut r = Report::default();
    let deadline = Instant::now() + std::time::Duration::from_secs(60);
    let mut gave = 0;
    let mut acks = 0;
    while let Ok(m) = rx.recv_timeout(deadline.saturating_duration_since(Instant::now())) {
        let (word, rest) = m.split_once(' ').unwrap_or((m.as_str(), ""));
        let q_text = || {
            let (q, t) = rest.split_once(' ').unwrap_or((rest, ""));
            (q.parse::<usize>().unwrap(), t.to_owned())
        };
        let stop = match word {
            "OFFER" => {
                r.offer = Some(rest.to_owned());
                false
            }
            "REFUSED" => {
                r.refused = Some(rest.to_owned());
                true
            }
            "LEFT" => {
                r.left = Some(rest.to_owned());
                false
            }
            "COUNT" => {
                r.count = Some(rest.to_owned());
                false
            }
            "SEE" => {
                let (q, t) = q_text();
                r.seen.insert(q, t);
                false
            }
            "READY" => kill == KillAt::Ready,
            "GIVING" => {
                r.given.push(q_text());
                gave += 1;
                kill == KillAt::Giving(gave)
            }
            "ACK" => {
                r.acked.push(q_text());
                acks += 1;
                kill == KillAt::Ack(acks)
            }
            "HANDING" => kill == KillAt::Handing,
            "HANDEDIN" => {
                r.handed_in = true;
                kill == KillAt::Done
            }
            "DONE" => true,
            _ => false,
        };
        if stop {
            break;
        }
    }
    // SIGKILL: no destructor, no flush, no goodbye.
    let _ = child.kill();
    let _ = child.wait();
    r
}

/// The answers run `run_no` gives, in order: `r<run>-a<k>` to question `plan[k]`.
fn given_by(run_no: usize, plan: &[usize]) -> Vec<(usize, String)> {
    plan.iter()
        .enumerate()
        .map(|(k, &q)| (q, format!("r{run_no}-a{k}")))
        .collect()
}

/// "MM:SS" of a number of seconds.
fn mm_ss(secs: i64) -> String {
    format!("{:02}:{:02}", secs / 60, secs % 60)
}

#[test]
fn a_killed_exam_resumes_with_every_answer_shown() {
    let started = Instant::now();
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let exam = make_exam(dir);
    // (seconds after the start, questions answered in order, hand in, where killed)
    let runs: &[(i64, &[usize], bool, KillAt)] = &[
        (0, &[0, 1, 2], false, KillAt::Ack(2)),
        (95, &[2, 3], false, KillAt::Giving(1)),
        (170, &[], false, KillAt::Ready),
        (260, &[3, 0, 4], false, KillAt::Ack(3)),
        (400, &[1], false, KillAt::Giving(1)),
        (520, &[2], true, KillAt::Handing),
        (600, &[1], true, KillAt::Done),
        (700, &[], false, KillAt::Ready),
    ];
    // Question → the answer last shown as answered.
    let mut acked: BTreeMap<usize, String> = BTreeMap::new();
    // Every answer the runs so far may have given (the child may get further than its
    // last report before the kill lands).
    let mut given: Vec<(usize, String)> = Vec::new();
    let mut handed_in = false;
    for (run_no, &(at, plan, hand_in, kill)) in runs.iter().enumerate() {
        let on_disk = ResultFile::read(&exam.result_path(&results(dir), STUDENT), &exam).ok();
        let finished_on_disk = on_disk.as_ref().is_some_and(|f| f.finished.is_some());
        let r = run_child(dir, run_no, at, plan, hand_in && !handed_in, kill);
        let what = format!("run {run_no} ({kill:?}): {r:?}");
        if run_no == 0 {
            assert!(r.offer.is_none(), "{what}");
        } else if handed_in || finished_on_disk {
            // A handed-in sitting is never offered and never reopens.
            assert!(r.offer.is_none(), "offered after the hand-in: {what}");
            assert!(
                r.refused
                    .as_deref()
                    .is_some_and(|w| w.contains("handed in")),
                "{what}"
            );
            assert!(r.seen.is_empty(), "{what}");
            handed_in = true;
            continue;
        } else {
            // The resume offer, with the time left on the wall clock.
            let left = mm_ss(MINUTES * 60 - at);
            let offer = r
                .offer
                .as_deref()
                .unwrap_or_else(|| panic!("no offer: {what}"));
            assert!(offer.contains("Kill test"), "{what}");
            assert!(offer.contains(STUDENT), "{what}");
            assert!(offer.contains(&format!("({left} left)")), "{what}");
            assert_eq!(
                r.left.as_deref(),
                Some(format!("Time left {left}").as_str()),
                "{what}"
            );
        }
        // Every answer shown as answered before a kill is on the screen after it; an
        // answer given but not yet shown may or may not be there, and nothing else is.
        for q in 0..QUESTIONS {
            let seen = r
                .seen
                .get(&q)
                .unwrap_or_else(|| panic!("question {q} not seen: {what}"));
            match acked.get(&q) {
                Some(a) if seen == a => {}
                _ if !seen.is_empty() && given.contains(&(q, seen.clone())) => {
                    // Recorded, killed before the screen showed it: kept, and fine.
                    acked.insert(q, seen.clone());
                }
                None if seen.is_empty() => {}
                _ => panic!(
                    "question {q} shows {seen:?}, acknowledged {:?}: {what}",
                    acked.get(&q)
                ),
            }
        }
        let n = acked.len();
        assert!(
            r.count
                .as_deref()
                .is_some_and(|c| c.ends_with(&format!("· {n} answered"))),
            "{what}"
        );
        assert!(
            r.given.iter().all(|g| given_by(run_no, plan).contains(g)),
            "{what}"
        );
        given.extend(given_by(run_no, plan));
        for (q, t) in &r.acked {
            acked.insert(*q, t.clone());
        }
        handed_in |= r.handed_in;
    }
    assert!(handed_in, "the exam was never handed in");
    // The teacher's view agrees: every acknowledged answer, one finish, nothing flagged.
    let file = ResultFile::read(&exam.result_path(&results(dir), STUDENT), &exam).unwrap();
    assert!(file.finished.is_some());
    assert!(!file.edited, "{file:?}");
    for (q, a) in &acked {
        assert_eq!(
            file.answers[q].answer,
            Answer::Text(a.clone()),
            "question {q}"
        );
    }
    assert!(file.sittings.len() >= 6, "resumes: {:?}", file.sittings);
    assert!(
        started.elapsed() < std::time::Duration::from_secs(60),
        "the kill test took {:?}",
        started.elapsed()
    );
}
