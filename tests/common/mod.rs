//! Helpers shared by the integration test binaries (`tests/tests.rs` and `tests/crash.rs`):
//! a fixed clock, a plausible review state, the fixture exam, a child process's
//! acknowledgement lines, and running the `quizdeck` command.
#![allow(dead_code)] // each binary uses its own part

pub mod ui;

use chrono::{DateTime, Utc};
use quizdeck::exam::{Exam, ExamSettings, Feedback, TimePolicy};
use quizdeck::quiz::QuestionKind;
use quizdeck::schedule::{ItemState, Memory, Phase};
use quizdeck::store::ProgressPaths;
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Output};
use std::sync::mpsc;
use std::time::Duration;

/// A fixed moment plus `s` seconds.
pub fn t(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
}

/// A review state after `reps` good answers, the last at `t(at)`, due a day later.
pub fn review_state(reps: u32, at: i64) -> ItemState {
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

/// An exam of `question_count` questions of every kind from the fixture deck, with a
/// time limit no test reaches.
pub fn fixture_exam(id: &str, title: &str, question_count: usize, seed: u64, minutes: u32) -> Exam {
    let deck = quizdeck::deck::load_file(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-kind.ron"),
    )
    .unwrap();
    Exam::create(
        id,
        title,
        &[deck],
        ExamSettings {
            question_count,
            kinds: QuestionKind::ALL.to_vec(),
            seed,
            minutes,
            feedback: Feedback::AtHandIn,
            time_policy: TimePolicy::WallTime,
            pool: None,
        },
        [seed as u8; 32],
    )
    .unwrap()
}

/// The lines a child process prints after `QZ ` (the test harness may print before
/// them on the same line), sent as they come; the channel closes when the child's
/// output does.
pub fn acknowledgements(child: &mut Child) -> mpsc::Receiver<String> {
    let stdout = child.stdout.take().expect("stdout is piped");
    let (tx, rx) = mpsc::channel::<String>();
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

/// Every line still to come from a child that has been killed and reaped: waits until its
/// output closes. Lines the child wrote before it died may still be in the pipe or in the
/// reader thread (a loaded machine delays that thread), so `try_iter` would miss them; a
/// step the child started or finished must never be missed.
pub fn rest_of_acknowledgements(rx: &mpsc::Receiver<String>) -> Vec<String> {
    let mut rest = Vec::new();
    loop {
        match rx.recv_timeout(Duration::from_secs(60)) {
            Ok(line) => rest.push(line),
            Err(mpsc::RecvTimeoutError::Disconnected) => return rest,
            Err(mpsc::RecvTimeoutError::Timeout) => {
                panic!("the child's output did not close within 60 s of its death")
            }
        }
    }
}

/// Sequence numbers of the journal's lines (archive first), in file order. A line is
/// `<crc> <body>`; the body is compact (`A <seq> …`) or a JSON array (`[<seq>,…`).
pub fn journal_seqs(dir: &Path) -> Vec<u64> {
    let paths = ProgressPaths::new(dir);
    let mut files: Vec<_> = std::fs::read_dir(&paths.history)
        .map(|rd| {
            rd.map(|e| e.unwrap().path())
                .filter(|p| p.extension().is_some_and(|x| x == "log"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    files.push(paths.folding.clone());
    files.push(paths.journal.clone());
    let mut seqs = Vec::new();
    for f in files {
        let Ok(text) = std::fs::read_to_string(&f) else {
            continue;
        };
        for line in text.lines().skip(1) {
            let (_, body) = line.split_once(' ').expect("crc and record");
            let seq = match body.strip_prefix('[') {
                Some(json) => json.split(',').next(),
                None => body.split(' ').nth(1),
            };
            seqs.push(seq.expect("a sequence number").parse().unwrap());
        }
    }
    seqs
}

/// Runs the `quizdeck` binary with `args` in the project folder and waits for it.
pub fn quizdeck(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_quizdeck"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .expect("run quizdeck")
}

/// A finished command's standard output.
pub fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

/// A finished command's standard error.
pub fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// A dropped file, as the window system hands it over (for the app's tests).
#[derive(Debug)]
pub struct Dropped(pub std::path::PathBuf);

impl egui::DroppedFile for Dropped {
    fn path(&self) -> &std::path::Path {
        &self.0
    }
    fn bytes(&self) -> Result<Vec<u8>, String> {
        std::fs::read(&self.0).map_err(|e| e.to_string())
    }
}
