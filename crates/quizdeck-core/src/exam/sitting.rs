//! A student's sitting of an exam, as the app runs it: the countdown (with the clock
//! injected as `now`), answers recorded as they are given, the list of unanswered
//! questions for the hand-in confirmation, and the close at time-up after which no
//! answer is accepted, whatever the state of the disk.

use super::{Exam, ExamError, Result, ResultFile, ResultWriter, TimedAnswer};
use crate::durable::log::{AppendLog, Words};
use crate::quiz::Answer;
use chrono::{DateTime, Duration, Utc};
use std::collections::BTreeMap;
use std::path::Path;

/// How often the sitting notes the time in its result file while it runs, in seconds.
pub(crate) const CHECKPOINT_SECS: i64 = 10;

/// What the countdown says at one moment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tick {
    /// Time is left.
    Running {
        /// Whole seconds shown on the clock (rounded up: 00:00 is never shown while time
        /// is left).
        seconds_left: i64,
        /// When the clock shows the next second: repaint then.
        repaint_in: std::time::Duration,
        /// A checkpoint was due and could not be written (the sitting goes on).
        checkpoint_failed: bool,
    },
    /// The time is over (or the exam was handed in): no answer is accepted any more.
    Over,
}

/// A student's sitting of an exam.
#[derive(Debug)]
pub struct Sitting {
    writer: ResultWriter,
    questions: usize,
    /// The latest moment seen with time left.
    last_in_time: DateTime<Utc>,
    last_checkpoint: DateTime<Utc>,
    /// Handed in or timed out: nothing more is accepted.
    closed: bool,
}

impl Sitting {
    /// Starts or resumes `student`'s sitting of `exam`, writing to `dir` (see
    /// [`ResultWriter::open`]).
    pub fn open(dir: &Path, exam: &Exam, student: &str, now: DateTime<Utc>) -> Result<Sitting> {
        let questions = exam.settings.question_count;
        let writer = ResultWriter::open(dir, exam, student, now)?;
        Ok(Sitting {
            writer,
            questions,
            last_in_time: now,
            last_checkpoint: now,
            closed: false,
        })
    }

    /// The result file's writer (path, unsaved answers).
    pub fn writer(&self) -> &ResultWriter {
        &self.writer
    }

    /// The answers recorded so far, on disk or kept in memory after a failed write.
    pub fn answers(&self) -> &BTreeMap<usize, TimedAnswer> {
        self.writer.answers()
    }

    /// The questions (0-based) without a recorded answer, in order.
    pub fn unanswered(&self) -> Vec<usize> {
        (0..self.questions)
            .filter(|q| !self.writer.answers().contains_key(q))
            .collect()
    }

    /// Whether the sitting is over (handed in or timed out).
    pub fn is_closed(&self) -> bool {
        self.closed
    }

    /// Time left at `now` (zero once closed).
    pub fn remaining(&self, now: DateTime<Utc>) -> Duration {
        if self.closed {
            Duration::zero()
        } else {
            self.writer.remaining(now)
        }
    }

    /// Advances the countdown to `now`: notes the time in the result file every
    /// [`CHECKPOINT_SECS`] and says what the clock shows and when it next changes. Once it
    /// says [`Tick::Over`], call [`Sitting::time_up`].
    pub fn tick(&mut self, now: DateTime<Utc>) -> Tick {
        let left = self.remaining(now);
        if left <= Duration::zero() {
            return Tick::Over;
        }
        self.last_in_time = self.last_in_time.max(now);
        let mut checkpoint_failed = false;
        if now - self.last_checkpoint >= Duration::seconds(CHECKPOINT_SECS) {
            self.last_checkpoint = now;
            checkpoint_failed = self.writer.checkpoint(now).is_err();
        }
        let ms = left.num_milliseconds().max(1);
        let seconds_left = (ms + 999) / 1000;
        let until_next = (ms - (seconds_left - 1) * 1000).clamp(1, 1000);
        Tick::Running {
            seconds_left,
            repaint_in: std::time::Duration::from_millis(until_next as u64),
            checkpoint_failed,
        }
    }

    /// Records the answer to question `q` given at `now`, durably before returning; when
    /// the write fails the answer is kept in memory and written on the next write or
    /// retry (`Ok(Some(error))`). After time-up or hand-in the answer is refused
    /// ([`ExamError::TimeUp`]) and nothing is recorded.
    pub fn answer(
        &mut self,
        q: usize,
        answer: Answer,
        now: DateTime<Utc>,
    ) -> Result<Option<ExamError>> {
        if self.closed || self.writer.remaining(now) <= Duration::zero() {
            return Err(ExamError::TimeUp);
        }
        if self
            .writer
            .answers()
            .get(&q)
            .is_some_and(|a| a.answer == answer)
        {
            return Ok(None);
        }
        self.last_in_time = self.last_in_time.max(now);
        self.writer.record_or_keep(q, answer, now)
    }

    /// Hands the exam in at the student's request; when the finish cannot be written the
    /// sitting stays open (the student may try again) and the error is returned.
    pub fn hand_in(&mut self, now: DateTime<Utc>) -> Result<ResultFile> {
        if self.closed {
            return Err(ExamError::AlreadyFinished(self.writer.path().to_owned()));
        }
        let r = self.writer.finish(now)?;
        self.closed = true;
        Ok(r)
    }

    /// Closes the sitting when the time is over: `pending` (the answer that was on
    /// screen in the last moment with time left, such as typed text not yet confirmed)
    /// is recorded as given then, and the exam is handed in. Whatever the disk does, the
    /// sitting is closed afterwards; records that could not be written are kept in memory
    /// and written by [`Sitting::retry_unsaved`].
    pub fn time_up(&mut self, pending: Option<(usize, Answer)>, now: DateTime<Utc>) -> ResultFile {
        if !self.closed {
            if let Some((q, a)) = pending
                && q < self.questions
                && self
                    .writer
                    .answers()
                    .get(&q)
                    .is_none_or(|old| old.answer != a)
            {
                let _ = self.writer.record_or_keep(q, a, self.last_in_time);
            }
            let at = now.min(self.writer.deadline()).max(self.last_in_time);
            let _ = self.writer.finish_or_keep(at);
            self.closed = true;
        }
        self.writer.state().clone()
    }

    /// Answers and the finish kept in memory because writing them failed.
    pub fn unsaved_count(&self) -> usize {
        self.writer.unsaved_count()
    }

    /// Tries again to write what is kept in memory; returns how many records were written.
    pub fn retry_unsaved(&mut self) -> Result<usize> {
        self.writer.retry_unsaved()
    }
}

/// File name of this computer's record of exam sittings, in the data folder.
pub(crate) const REGISTER_FILE: &str = "exam-sittings.jsonl";

/// One line of the register.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct RegisterEntry {
    /// `open` (a sitting started or resumed) or `handin`.
    pub event: String,
    /// The exam's id.
    pub exam: String,
    /// The student's name as typed.
    pub student: String,
    /// The exam file (students' copy).
    pub exam_path: std::path::PathBuf,
    /// The results folder.
    pub results_dir: std::path::PathBuf,
    /// The hand-in receipt (`handin` only).
    #[serde(default)]
    pub receipt: String,
}

/// This computer's own record of exam sittings (in the data folder, apart from the
/// result files): which sittings are open, to offer them at start-up, and which were
/// handed in, so a finished sitting never reopens, even when its result file lost its
/// `finish` line or was deleted.
#[derive(Debug, Clone)]
pub struct Register {
    path: std::path::PathBuf,
}

impl Register {
    /// The register in data folder `data_dir`.
    pub fn new(data_dir: &Path) -> Register {
        Register {
            path: data_dir.join(REGISTER_FILE),
        }
    }

    /// Every readable entry, oldest first (damaged lines are skipped).
    pub(crate) fn entries(&self) -> Vec<RegisterEntry> {
        let Ok(text) = std::fs::read_to_string(&self.path) else {
            return Vec::new();
        };
        text.lines()
            .filter_map(|l| serde_json::from_str(l).ok())
            .collect()
    }

    fn append(&self, e: &RegisterEntry) -> Result<()> {
        static WORDS: Words = Words {
            write: "write",
            sync: "write",
            repair: "repair",
        };
        let line = serde_json::to_string(e).map_err(ExamError::system)?;
        if let Some(dir) = self.path.parent() {
            std::fs::create_dir_all(dir).map_err(super::io_err("create", dir))?;
        }
        let mut log = AppendLog::open(&self.path, &WORDS, "open")?;
        Ok(log.append(format!("{line}\n").as_bytes())?)
    }

    /// The receipt of `student`'s hand-in of exam `exam_id` on this computer, if any
    /// (names compared accent- and case-insensitively).
    pub(crate) fn handed_in(&self, exam_id: &str, student: &str) -> Option<String> {
        let name = super::fold_name(student);
        self.entries()
            .into_iter()
            .filter(|e| e.event == "handin" && e.exam == exam_id)
            .find(|e| super::fold_name(&e.student) == name)
            .map(|e| e.receipt)
    }

    /// The latest sitting opened on this computer and not handed in.
    pub fn unfinished(&self) -> Option<RegisterEntry> {
        let entries = self.entries();
        let done: std::collections::HashSet<(String, String)> = entries
            .iter()
            .filter(|e| e.event == "handin")
            .map(|e| (e.exam.clone(), super::fold_name(&e.student)))
            .collect();
        entries
            .into_iter()
            .rev()
            .filter(|e| e.event == "open")
            .find(|e| !done.contains(&(e.exam.clone(), super::fold_name(&e.student))))
    }
}

/// A sitting with this computer's register: refuses a sitting handed in here, notes
/// the sitting as open, and notes the hand-in with its receipt.
impl Sitting {
    /// [`Sitting::open`] checked against and noted in `register`.
    pub fn open_registered(
        register: &Register,
        exam_path: &Path,
        dir: &Path,
        exam: &Exam,
        student: &str,
        now: DateTime<Utc>,
    ) -> Result<Sitting> {
        if let Some(receipt) = register.handed_in(&exam.id, student) {
            return Err(ExamError::HandedInHere(receipt));
        }
        let s = Sitting::open(dir, exam, student, now)?;
        // Whole paths, so the sitting is found again whatever the working folder.
        let whole = |p: &Path| std::fs::canonicalize(p).unwrap_or_else(|_| p.to_owned());
        // The register only helps; the sitting goes on when it cannot be written.
        let _ = register.append(&RegisterEntry {
            event: "open".into(),
            exam: exam.id.clone(),
            student: student.trim().to_owned(),
            exam_path: whole(exam_path),
            results_dir: whole(dir),
            receipt: String::new(),
        });
        Ok(s)
    }

    /// The receipt of the result file as it is on disk now.
    pub fn receipt(&self) -> Result<String> {
        let path = self.writer.path();
        let bytes = super::read_capped(path)?;
        Ok(ResultFile::receipt(&bytes))
    }

    /// Notes the hand-in in `register` with its receipt (call once the finish is on
    /// disk); returns the receipt.
    pub fn register_hand_in(
        &self,
        register: &Register,
        exam_path: &Path,
        student: &str,
    ) -> Result<String> {
        let receipt = self.receipt()?;
        register.append(&RegisterEntry {
            event: "handin".into(),
            exam: self.writer.exam_id().to_owned(),
            student: student.trim().to_owned(),
            exam_path: exam_path.to_owned(),
            results_dir: self
                .writer
                .path()
                .parent()
                .map(Path::to_path_buf)
                .unwrap_or_default(),
            receipt: receipt.clone(),
        })?;
        Ok(receipt)
    }
}

/// An unfinished sitting found in the register, as offered at start-up.
#[derive(Debug, Clone)]
pub struct ResumeOffer {
    /// What the register says.
    pub entry: RegisterEntry,
    /// The exam's title.
    pub title: String,
    /// Time left at the moment asked (zero: the time ran out; opening it hands it in).
    pub left: Duration,
}

impl Register {
    /// The latest unfinished sitting of this computer whose exam and result file can
    /// still be read and which is not handed in, with the time left at `now`.
    pub fn resume_offer(&self, now: DateTime<Utc>) -> Option<ResumeOffer> {
        let entry = self.unfinished()?;
        let exam = Exam::load(&entry.exam_path).ok()?;
        let path = exam.result_path(&entry.results_dir, &entry.student);
        let result = ResultFile::read(&path, &exam).ok()?;
        if result.finished.is_some() {
            return None;
        }
        let used = match exam.settings.time_policy {
            super::TimePolicy::WallTime => (now - result.started).max(Duration::zero()),
            super::TimePolicy::Pause => {
                let mut r = result.clone();
                r.sittings.push((now, now));
                r.time_used_with(super::TimePolicy::Pause)
            }
        };
        Some(ResumeOffer {
            title: exam.title.clone(),
            left: (exam.time_limit() - used).max(Duration::zero()),
            entry,
        })
    }
}
