//! Classroom exams: the students' exam file and the teacher's key file, per-student
//! papers, durable per-student result files written answer by answer, and the teacher's
//! merge of a folder of result files into class results (see `docs/exams.md`).
//!
//! # Exam files
//!
//! [`Exam::save`] writes `NAME.ron` for the students and `NAME.key.ron` for the teacher.
//! The students' copy holds the questions without answers, notes or sources, no seed and
//! no teacher's code; the answer key is sealed in it ([`seal`]) for the feedback modes
//! that show results in the app. Each student's [`Paper`] is drawn and shuffled from a
//! secret of the exam and the student's folded name.
//!
//! Both files hold the questions as generated, so a file always gives the papers it gave
//! when it was made, whatever draw a later quizdeck would make. Format 3 (written now)
//! marks exams whose multiple-choice distractors were drawn by kind ([`quiz::AnswerKind`]:
//! people for people, places for places); format 2 files (the earlier draw) are read and
//! asked exactly as before. Format 1 files are refused ([`ExamError::Obsolete`]).
//!
//! # Result files
//!
//! A student's answers go to `<exam id>-<student slug>.result` in a folder the teacher
//! chose. The file starts with the line `QUIZDECK-EXAM-RESULT 1`, then one line per
//! record: `<check> <compact JSON>\n`, appended and fsync'd before the next question is
//! accepted. Records are the start (exam id, student name, time, [`Exam::hash`]), each
//! resumption after a crash, each answer (position on the paper, answer as shown, time),
//! checkpoints (time only) and the finish.
//!
//! Each line's check is a keyed BLAKE3 hash (with a key of the exam) of the exam id, the
//! previous line's check and the line's JSON, so the checks form a chain. A half-written
//! last line (a crash mid-write) is ignored and cut off when the sitting resumes; a
//! complete line whose check does not match, or a removed or reordered line, marks the
//! file as **edited**. The key is in the students' file: this stops a text editor and a
//! fabricated file, not a programmer with the exam file (the hand-in receipt does).
//!
//! The file is opened in append mode and locked while a writer has it: one writer per
//! sitting. A write that fails (a full disk, a removed stick) is cut back off the file, so
//! it never garbles the records after it. [`ResultWriter::record`] then fails and records
//! nothing; [`ResultWriter::record_or_keep`] (what the app uses) keeps the answer in
//! memory, unsaved, and writes it before anything else on the next write or
//! [`ResultWriter::retry_unsaved`], also when the torn end cannot be cut back yet.
//!
//! Time used follows the exam's [`TimePolicy`]: wall time since the start, or the
//! sittings plus up to [`sitting::CHECKPOINT_SECS`] of each break.

use crate::answer::normalize_for_search;
use crate::deck::Deck;
use crate::durable::crc32;
use crate::durable::log::{AppendLog, Unsaved, Words};
use crate::ids::check_id;
use crate::message::Message;
use crate::quiz::{self, Answer, PracticeTest, Question, QuestionForm, QuestionKind, TestOptions};
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::path::{Path, PathBuf};

mod class;
mod result;
pub mod seal;
pub mod sitting;
pub use class::{
    ClassResults, Outcome, QuestionSummary, StudentResult, merge_results, merge_results_with,
};
use result::line_mac;
pub use result::{ResultFile, ResultWriter, TimedAnswer};
pub use sitting::{Register, RegisterEntry, ResumeOffer, Sitting, Tick};

/// The exam file format this code writes: 3, the questions drawn with distractors of the
/// answer's kind.
pub const EXAM_FORMAT: u32 = 3;
/// The oldest exam file format this code reads: 2, the first with the questions stored
/// (and the earlier distractor draw).
pub(crate) const OLDEST_EXAM_FORMAT: u32 = 2;
/// First line of a result file.
pub(crate) const RESULT_HEADER: &str = "QUIZDECK-EXAM-RESULT 1";
/// Extension of result files.
pub const RESULT_EXT: &str = "result";
/// Largest exam or result file read.
pub(crate) const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Errors of the exam area.
#[derive(Debug, thiserror::Error)]
pub enum ExamError {
    /// Reading or writing a file failed.
    #[error("{}", self.message())]
    Io {
        /// What was being done.
        action: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{}", self.message())]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
    },
    /// The file is not a readable exam.
    #[error("{}", self.message())]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: Message,
    },
    /// The exam file was written by a newer quizdeck.
    #[error("{}", self.message())]
    Version {
        /// The file.
        path: PathBuf,
        /// The format found.
        found: u32,
    },
    /// The exam file was written by an early quizdeck (format 1), whose exam files hold
    /// every deck with its answers in readable form, give every student the same paper
    /// and check result lines with a checksum anyone can recompute; its questions were
    /// generated anew from a seed by each reader, which this quizdeck would do otherwise.
    #[error("{}", self.message())]
    Obsolete {
        /// The file.
        path: PathBuf,
        /// The format found.
        found: u32,
    },
    /// An embedded deck has errors.
    #[error("{}", self.message())]
    Deck {
        /// Position of the deck in the exam (0-based).
        index: usize,
        /// The deck errors.
        message: String,
    },
    /// The exam settings are not usable.
    #[error("{}", self.message())]
    Settings(Message),
    /// Generating the questions failed.
    #[error(transparent)]
    Quiz(#[from] quiz::QuizError),
    /// A result file cannot be used.
    #[error("{}", self.message())]
    BadResult {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: Message,
    },
    /// The student already handed in this exam.
    #[error("{}", self.message())]
    AlreadyFinished(PathBuf),
    /// The result file for this name belongs to another student whose name gives the
    /// same file name.
    #[error("{}", self.message())]
    OtherStudent {
        /// The file.
        path: PathBuf,
        /// The name recorded in it.
        recorded: String,
    },
    /// The student's name is empty.
    #[error("{}", self.message())]
    NoName,
    /// The time limit is over.
    #[error("{}", self.message())]
    TimeUp,
    /// Another window (or program) is writing this sitting's result file.
    #[error("{}", self.message())]
    InUse(PathBuf),
    /// This PC's record says the sitting was handed in.
    #[error("{}", self.message())]
    HandedInHere(String),
    /// No such question.
    #[error("{}", self.message())]
    NoSuchQuestion(usize),
    /// Writing an exam file failed.
    #[error(transparent)]
    Store(#[from] crate::store::StoreError),
    /// Grading needs the teacher's key file, not the students' file.
    #[error("{}", self.message())]
    NeedsKey,
    /// No result file of the exam in the folder.
    #[error("{}", self.message())]
    NoResults {
        /// The folder.
        dir: PathBuf,
        /// The exam id.
        exam: String,
    },
}

impl ExamError {
    /// The exam's id is not valid.
    fn bad_id(e: crate::ids::IdError) -> ExamError {
        ExamError::Settings(Message::new("exam-bad-id").arg("reason", e.message()))
    }

    /// A failure of the system or a library while making or writing an exam (its own
    /// words kept).
    pub fn system(e: impl std::fmt::Display) -> ExamError {
        ExamError::Settings(Message::new("exam-internal").arg("error", e.to_string()))
    }

    /// What went wrong, as a message for any language (a parser's or the system's own words
    /// inside it stay as they are).
    pub fn message(&self) -> crate::message::Message {
        use crate::message::{Message, io_error};
        let shown = |p: &Path| p.display().to_string();
        match self {
            ExamError::Io {
                action,
                path,
                source,
            } => io_error(action, path, source),
            ExamError::TooLarge { path, size } => Message::new("exam-too-large")
                .arg("path", shown(path))
                .arg("size", size.to_string())
                .arg("limit", MAX_FILE_BYTES.to_string()),
            ExamError::Invalid { path, message } => Message::new("exam-invalid")
                .arg("path", shown(path))
                .arg("reason", message),
            ExamError::Version { path, found } => Message::new("exam-newer-format")
                .arg("path", shown(path))
                .arg("format", *found)
                .arg("oldest", OLDEST_EXAM_FORMAT)
                .arg("newest", EXAM_FORMAT),
            ExamError::Obsolete { path, found } => Message::new("exam-obsolete")
                .arg("path", shown(path))
                .arg("format", *found),
            ExamError::Deck { index, message } => Message::new("exam-deck-errors")
                .arg("index", *index)
                .arg("reason", message),
            ExamError::Settings(why) => Message::new("exam-not-usable").arg("reason", why),
            ExamError::Quiz(e) => e.message(),
            ExamError::BadResult { path, message } => Message::new("exam-bad-result")
                .arg("path", shown(path))
                .arg("reason", message),
            ExamError::AlreadyFinished(path) => {
                Message::new("exam-already-finished").arg("path", shown(path))
            }
            ExamError::OtherStudent { path, recorded } => Message::new("exam-other-student")
                .arg("path", shown(path))
                .arg("name", recorded),
            ExamError::NoName => Message::new("exam-no-name"),
            ExamError::TimeUp => Message::new("exam-time-up"),
            ExamError::InUse(path) => Message::new("exam-in-use").arg("path", shown(path)),
            ExamError::HandedInHere(receipt) => {
                Message::new("exam-handed-in-here").arg("receipt", receipt)
            }
            ExamError::NoSuchQuestion(n) => Message::new("exam-no-question").arg("n", *n),
            ExamError::Store(e) => e.message(),
            ExamError::NeedsKey => Message::new("exam-needs-key"),
            ExamError::NoResults { dir, exam } => Message::new("exam-no-results")
                .arg("folder", shown(dir))
                .arg("exam", exam),
        }
    }
}

/// Result alias of the exam area.
pub type Result<T, E = ExamError> = std::result::Result<T, E>;

use crate::durable::io_err;
crate::durable::file_error_into!(ExamError);

/// When students see their results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Feedback {
    /// Right answers, notes and sources are shown once the exam is handed in. They are
    /// sealed in the student's file with a key inside it: this stops a text editor, not
    /// a programmer.
    #[default]
    #[serde(alias = "AfterEnd")]
    AtHandIn,
    /// Students see their results once the teacher tells the class the exam's code; the
    /// answers are sealed in the student's file with a key derived from that code.
    AfterCode,
    /// Students never see their results in the app; the student's file holds no answers.
    Never,
}

/// Whether the clock runs while the app is closed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum TimePolicy {
    /// Wall time since the start: closing or killing the app does not stop the clock.
    #[default]
    WallTime,
    /// The clock pauses while the app is closed (up to [`sitting::CHECKPOINT_SECS`] after
    /// the last record counts at each break).
    Pause,
}

/// An exam's settings besides its id, title and questions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamSettings {
    /// Questions each student answers.
    pub question_count: usize,
    /// Allowed question forms.
    pub kinds: Vec<QuestionKind>,
    /// Seed the questions were generated with (in the teacher's key file only; 0 in the
    /// students' file).
    pub seed: u64,
    /// Time limit in minutes.
    pub minutes: u32,
    /// When students see their results.
    pub feedback: Feedback,
    /// Whether the clock runs while the app is closed.
    #[serde(default)]
    pub time_policy: TimePolicy,
    /// Questions in the pool each student's questions are drawn from (`None`: as many as
    /// `question_count`, so every student gets the same questions in their own order).
    #[serde(default)]
    pub pool: Option<usize>,
}

/// The answer key sealed in a student's file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
struct Sealed {
    /// Argon2 salt (hex) for a key derived from the teacher's code.
    salt: String,
    /// ChaCha20-Poly1305 nonce (hex).
    nonce: String,
    /// The sealed questions (hex).
    data: String,
    /// The key itself (hex) for [`Feedback::AtHandIn`].
    key: Option<String>,
}

/// A classroom exam: the pool of questions (with their answers when read from the
/// teacher's key file, without them when read from the students' file) and the secrets
/// that shuffle each student's paper and key their result file.
#[derive(Debug, Clone, PartialEq)]
pub struct Exam {
    /// The exam id (an id as for decks: `a-z`, `0-9`, `-`); names result files.
    pub id: String,
    /// Title shown to students.
    pub title: String,
    /// Settings.
    pub settings: ExamSettings,
    /// The question pool, in the order generated; question `i` has the id `q{i+1}`.
    /// Without answers, notes and sources in a student's copy.
    pub questions: Vec<Question>,
    /// Whether the questions hold their answers (the teacher's key file).
    pub has_answers: bool,
    /// The teacher's code (key file, [`Feedback::AfterCode`] only).
    pub teacher_code: Option<String>,
    /// The exam file format the questions were made for ([`EXAM_FORMAT`] for a new exam).
    format: u32,
    shuffle_key: [u8; 32],
    mac_key: [u8; 32],
    sealed: Option<Sealed>,
}

/// Which of the two files.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
enum FileKind {
    /// The file handed to students.
    Student,
    /// The teacher's key file.
    Key,
}

/// An exam file as written.
#[derive(Debug, Serialize, Deserialize)]
struct ExamFile {
    format: u32,
    kind: FileKind,
    id: String,
    title: String,
    settings: ExamSettings,
    shuffle_key: String,
    mac_key: String,
    #[serde(default)]
    teacher_code: Option<String>,
    #[serde(default)]
    sealed: Option<Sealed>,
    questions: Vec<Question>,
}

/// Just the format field, read first so a newer file gets a clear message.
#[derive(Debug, Deserialize)]
#[serde(rename = "ExamFile")]
struct FormatOnly {
    format: u32,
}

/// A question as in the students' file: what is asked, without what is right.
fn blank(q: &Question) -> Question {
    let form = match &q.form {
        QuestionForm::MultipleChoice { options, .. } => QuestionForm::MultipleChoice {
            options: options.clone(),
            correct: Vec::new(),
        },
        QuestionForm::TrueFalse { statement, .. } => QuestionForm::TrueFalse {
            statement: statement.clone(),
            truth: false,
            correction: String::new(),
        },
        QuestionForm::Typed { .. } => QuestionForm::Typed {
            accepted: Vec::new(),
        },
        QuestionForm::Cloze { .. } => QuestionForm::Cloze {
            accepted: Vec::new(),
        },
        QuestionForm::Match { left, right, .. } => QuestionForm::Match {
            left: left.clone(),
            right: right.clone(),
            solution: Vec::new(),
        },
        QuestionForm::Order { items, .. } => QuestionForm::Order {
            items: items.clone(),
            solution: Vec::new(),
        },
    };
    Question {
        kind: q.kind,
        deck: q.deck.clone(),
        cards: Vec::new(),
        prompt: q.prompt.clone(),
        form,
        right_answer: String::new(),
        note: String::new(),
        source: None,
    }
}

/// `q` with its options, items and match columns in the order of `rng`.
fn shuffle(q: &Question, rng: &mut seal::Stream) -> Question {
    fn inverse(p: &[usize]) -> Vec<usize> {
        let mut inv = vec![0; p.len()];
        for (k, &i) in p.iter().enumerate() {
            inv[i] = k;
        }
        inv
    }
    let mut out = q.clone();
    out.form = match &q.form {
        QuestionForm::MultipleChoice { options, correct } => {
            let p = rng.permutation(options.len());
            QuestionForm::MultipleChoice {
                options: p.iter().map(|&i| options[i].clone()).collect(),
                correct: (0..p.len()).filter(|k| correct.contains(&p[*k])).collect(),
            }
        }
        QuestionForm::Order { items, solution } => {
            let p = rng.permutation(items.len());
            let inv = inverse(&p);
            QuestionForm::Order {
                items: p.iter().map(|&i| items[i].clone()).collect(),
                solution: solution
                    .iter()
                    .filter_map(|&s| inv.get(s).copied())
                    .collect(),
            }
        }
        QuestionForm::Match {
            left,
            right,
            solution,
        } => {
            let pl = rng.permutation(left.len());
            let pr = rng.permutation(right.len());
            let inv_r = inverse(&pr);
            QuestionForm::Match {
                left: pl.iter().map(|&i| left[i].clone()).collect(),
                right: pr.iter().map(|&i| right[i].clone()).collect(),
                solution: if solution.len() == left.len() {
                    pl.iter()
                        .filter_map(|&i| inv_r.get(solution[i]).copied())
                        .collect()
                } else {
                    Vec::new()
                },
            }
        }
        other => other.clone(),
    };
    out
}

/// A student's name as compared: accents and case folded, spaces collapsed.
pub(crate) fn fold_name(name: &str) -> String {
    normalize_for_search(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// One student's paper: which pool questions, in which order, shuffled for them.
#[derive(Debug, Clone, PartialEq)]
pub struct Paper {
    /// For each question on the paper, its index in the exam's pool.
    pub pool_index: Vec<usize>,
    /// The questions as the student sees them (answers included only when the exam was
    /// read from the key file or unsealed).
    pub test: PracticeTest,
}

impl Exam {
    /// A new exam: generates the pool (`settings.pool` questions, or `question_count`)
    /// from the decks with `settings.seed` and derives every secret from `master` (see
    /// [`seal::fresh_master`]). Checks the id, forms, counts and time limit.
    pub fn create(
        id: impl Into<String>,
        title: impl Into<String>,
        decks: &[Deck],
        settings: ExamSettings,
        master: [u8; 32],
    ) -> Result<Exam> {
        let id = id.into();
        check_id(&id).map_err(ExamError::bad_id)?;
        if decks.is_empty() {
            return Err(ExamError::Settings(Message::new("exam-no-decks")));
        }
        if settings.kinds.is_empty() {
            return Err(ExamError::Settings(Message::new("quiz-no-kinds")));
        }
        let pool = settings.pool.unwrap_or(settings.question_count);
        if pool < settings.question_count {
            return Err(ExamError::Settings(
                Message::new("exam-pool-small")
                    .arg("pool", pool)
                    .arg("n", settings.question_count),
            ));
        }
        let refs: Vec<&Deck> = decks.iter().collect();
        let opts = TestOptions {
            question_count: pool,
            kinds: settings.kinds.clone(),
        };
        let questions = quiz::generate(&refs, &opts, settings.seed)?.questions;
        let mut settings = settings;
        settings.question_count = settings.question_count.min(questions.len());
        let exam = Exam {
            id,
            title: title.into(),
            teacher_code: (settings.feedback == Feedback::AfterCode)
                .then(|| seal::teacher_code(&master)),
            settings,
            questions,
            has_answers: true,
            format: EXAM_FORMAT,
            shuffle_key: seal::derive(&master, "shuffle"),
            mac_key: seal::derive(&master, "result lines"),
            sealed: None,
        };
        let sealed = exam.make_seal(&master)?;
        let exam = Exam { sealed, ..exam };
        exam.validate()?;
        Ok(exam)
    }

    /// A new exam with a fresh random master secret.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        decks: Vec<Deck>,
        settings: ExamSettings,
    ) -> Result<Exam> {
        let master = seal::fresh_master().map_err(ExamError::system)?;
        Exam::create(id, title, &decks, settings, master)
    }

    fn make_seal(&self, master: &[u8; 32]) -> Result<Option<Sealed>> {
        let salt: [u8; 16] = seal::derive(master, "salt")[..16]
            .try_into()
            .unwrap_or([0; 16]);
        let nonce: [u8; 12] = seal::derive(master, "nonce")[..12]
            .try_into()
            .unwrap_or([0; 12]);
        let (key, stored) = match self.settings.feedback {
            Feedback::Never => return Ok(None),
            Feedback::AtHandIn => {
                let k = seal::derive(master, "seal");
                (k, Some(seal::hex(&k)))
            }
            Feedback::AfterCode => {
                let code = self.teacher_code.clone().unwrap_or_default();
                (
                    seal::key_from_code(&code, &salt).map_err(ExamError::system)?,
                    None,
                )
            }
        };
        let plain = serde_json::to_vec(&self.questions).map_err(ExamError::system)?;
        let data = seal::seal(&key, &nonce, &plain).map_err(ExamError::system)?;
        Ok(Some(Sealed {
            salt: seal::hex(&salt),
            nonce: seal::hex(&nonce),
            data: seal::hex(&data),
            key: stored,
        }))
    }

    fn validate(&self) -> Result<()> {
        check_id(&self.id).map_err(ExamError::bad_id)?;
        if self.settings.question_count == 0 || self.questions.is_empty() {
            return Err(ExamError::Settings(Message::new("quiz-no-questions")));
        }
        if self.settings.question_count > self.questions.len() {
            return Err(ExamError::Settings(
                Message::new("exam-pool-small")
                    .arg("pool", self.questions.len())
                    .arg("n", self.settings.question_count),
            ));
        }
        if self.settings.minutes == 0 {
            return Err(ExamError::Settings(Message::new("exam-no-time-limit")));
        }
        Ok(())
    }

    /// The check of a result line after the line whose check is `prev` (what the
    /// student's app writes before the line's JSON).
    pub fn result_line_check(&self, prev: &str, json: &str) -> String {
        line_mac(&self.mac_key, &self.id, prev, json)
    }

    /// The id of pool question `i` (0-based): `q1`, `q2`, …
    pub fn question_id(i: usize) -> String {
        format!("q{}", i + 1)
    }

    /// The students' copy: questions without answers, the answer key sealed as the
    /// feedback mode says, no seed, no teacher's code.
    pub fn student_copy(&self) -> Exam {
        let mut e = self.clone();
        e.settings.seed = 0;
        e.teacher_code = None;
        e.has_answers = false;
        e.questions = self.questions.iter().map(blank).collect();
        e
    }

    /// A hash of what the students' copy says (questions as asked, settings, secrets),
    /// recorded in each result file: a result file whose hash differs from the key
    /// file's was made with an edited exam.
    pub fn hash(&self) -> String {
        let copy = if self.has_answers {
            self.student_copy()
        } else {
            self.clone()
        };
        let mut s = copy.settings.clone();
        s.seed = 0;
        let body = serde_json::json!({
            "id": copy.id,
            "title": copy.title,
            "settings": s,
            "questions": copy.questions,
        });
        seal::mac(&copy.mac_key, &["exam", &body.to_string()])
    }

    /// `student`'s paper: `question_count` questions drawn from the pool, in an order
    /// and with options, items and match columns shuffled from the exam's secret and the
    /// student's folded name (so "Anna Berzina" and "Anna Bērziņa" get the same paper).
    pub fn paper(&self, student: &str) -> Paper {
        let name = fold_name(student);
        let mut rng = seal::Stream::new(&self.shuffle_key, &format!("paper\n{name}"));
        let mut pool_index = rng.permutation(self.questions.len());
        pool_index.truncate(self.settings.question_count);
        let questions = pool_index
            .iter()
            .map(|&i| shuffle(&self.questions[i], &mut rng))
            .collect();
        Paper {
            pool_index,
            test: PracticeTest { seed: 0, questions },
        }
    }

    /// The exam with its answers: the key file's as it is; a students' copy unsealed
    /// with the key in the file ([`Feedback::AtHandIn`]) or the teacher's `code`
    /// ([`Feedback::AfterCode`]). `None` when there are no answers to be had or the code
    /// is wrong.
    pub fn unseal(&self, code: Option<&str>) -> Option<Exam> {
        if self.has_answers {
            return Some(self.clone());
        }
        let s = self.sealed.as_ref()?;
        let key: [u8; 32] = match (&s.key, code) {
            (Some(k), _) => seal::unhex_n(k)?,
            (None, Some(code)) => seal::key_from_code(code, &seal::unhex(&s.salt)?).ok()?,
            (None, None) => return None,
        };
        let plain = seal::open(&key, &seal::unhex_n(&s.nonce)?, &seal::unhex(&s.data)?)?;
        let questions: Vec<Question> = serde_json::from_slice(&plain).ok()?;
        if questions.len() != self.questions.len() {
            return None;
        }
        Some(Exam {
            questions,
            has_answers: true,
            ..self.clone()
        })
    }

    /// The exam file format it was made in: [`EXAM_FORMAT`] for a new exam, the file's for
    /// one read (a format 2 exam keeps its questions of the earlier distractor draw).
    pub fn format(&self) -> u32 {
        self.format
    }

    /// The time limit.
    pub(crate) fn time_limit(&self) -> Duration {
        Duration::minutes(i64::from(self.settings.minutes))
    }

    fn file(&self) -> ExamFile {
        ExamFile {
            format: self.format,
            kind: if self.has_answers {
                FileKind::Key
            } else {
                FileKind::Student
            },
            id: self.id.clone(),
            title: self.title.clone(),
            settings: self.settings.clone(),
            shuffle_key: seal::hex(&self.shuffle_key),
            mac_key: seal::hex(&self.mac_key),
            teacher_code: self.teacher_code.clone(),
            sealed: self.sealed.clone(),
            questions: self.questions.clone(),
        }
    }

    /// The exam as RON text (the key file when it has answers, else the students' file).
    pub fn to_ron(&self) -> String {
        let config = ron::ser::PrettyConfig::new()
            .struct_names(true)
            .indentor("    ");
        let mut s = ron::ser::to_string_pretty(&self.file(), config)
            .unwrap_or_else(|e| format!("// quizdeck could not write this exam: {e}\n"));
        s.push('\n');
        s
    }

    /// The key file of an earlier exam that saving a new exam as `path` would replace, if
    /// there is one. A new exam must never replace it: that exam's results could no
    /// longer be graded.
    pub fn earlier_key(path: &Path) -> Option<PathBuf> {
        Some(Exam::key_path(path)).filter(|k| k.exists())
    }

    /// The key file's path for the students' file `path`: `NAME.ron` → `NAME.key.ron`.
    pub fn key_path(path: &Path) -> PathBuf {
        let stem = path
            .file_stem()
            .and_then(|s| s.to_str())
            .unwrap_or("exam")
            .to_owned();
        path.with_file_name(format!("{stem}.key.ron"))
    }

    /// Writes the students' file at `path` and the teacher's key file beside it
    /// ([`Exam::key_path`]), each atomically. Needs an exam with answers.
    pub fn save(&self, path: &Path) -> Result<()> {
        if !self.has_answers {
            return Err(ExamError::Settings(Message::new("exam-save-needs-key")));
        }
        write_atomic(&Exam::key_path(path), &self.to_ron())?;
        write_atomic(path, &self.student_copy().to_ron())
    }

    /// Reads an exam file (the students' or the key file). Every problem (missing, too
    /// large, not UTF-8, not RON, newer format, unusable settings) is an error, never a
    /// panic.
    pub fn load(path: &Path) -> Result<Exam> {
        let bytes = read_capped(path)?;
        let text = String::from_utf8(bytes).map_err(|_| ExamError::Invalid {
            path: path.to_owned(),
            message: Message::new("deck-not-utf8"),
        })?;
        Exam::from_ron(&text, path)
    }

    /// Reads an exam from RON text; `path` names it in errors.
    pub(crate) fn from_ron(text: &str, path: &Path) -> Result<Exam> {
        // A byte order mark, as Windows Notepad saves files, is not part of the exam.
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let invalid = |message: Message| ExamError::Invalid {
            path: path.to_owned(),
            message,
        };
        let unreadable = |found: u32| {
            (!(OLDEST_EXAM_FORMAT..=EXAM_FORMAT).contains(&found)).then(|| {
                let path = path.to_owned();
                if found < OLDEST_EXAM_FORMAT {
                    ExamError::Obsolete { path, found }
                } else {
                    ExamError::Version { path, found }
                }
            })
        };
        if let Some(e) = ron::from_str::<FormatOnly>(text)
            .ok()
            .and_then(|f| unreadable(f.format))
        {
            return Err(e);
        }
        let file: ExamFile =
            ron::from_str(text).map_err(|e| invalid(crate::message::ron_error_at(&e)))?;
        if let Some(e) = unreadable(file.format) {
            return Err(e);
        }
        let key = |t: &str| {
            seal::unhex_n::<32>(t).ok_or_else(|| invalid(Message::new("exam-damaged-key")))
        };
        let exam = Exam {
            id: file.id,
            title: file.title,
            settings: file.settings,
            has_answers: file.kind == FileKind::Key,
            teacher_code: file.teacher_code,
            format: file.format,
            shuffle_key: key(&file.shuffle_key)?,
            mac_key: key(&file.mac_key)?,
            sealed: file.sealed,
            questions: file.questions,
        };
        exam.validate()?;
        Ok(exam)
    }

    /// The result file of `student` in `dir`.
    ///
    /// A student whose sitting began under the earlier naming rule (a Cyrillic name, or a
    /// Windows device name) keeps the file already started, so a sitting resumes in it.
    pub fn result_path(&self, dir: &Path, student: &str) -> PathBuf {
        let named = |slug: &str| dir.join(format!("{}-{slug}.{RESULT_EXT}", self.id));
        let path = named(&student_slug(student));
        if !path.exists() {
            let legacy = named(&legacy_student_slug(student));
            if legacy != path && legacy.exists() {
                return legacy;
            }
        }
        path
    }
}

/// Writes `text` to `path` atomically with the durable-file layer.
fn write_atomic(path: &Path, text: &str) -> Result<()> {
    Ok(crate::durable::write_atomic(path, text.as_bytes())?)
}

/// `part` of `whole` in percent (0 for nothing).
fn share(part: usize, whole: usize) -> f64 {
    if whole == 0 {
        0.0
    } else {
        100.0 * part as f64 / whole as f64
    }
}

fn read_capped(path: &Path) -> Result<Vec<u8>> {
    crate::input::read_regular(path, MAX_FILE_BYTES)
        .map_err(io_err("read", path))?
        .map_err(|t| ExamError::TooLarge {
            path: path.to_owned(),
            size: t.size,
        })
}

/// A file-name-safe form of a student's name: [`crate::slug::slug`] with at most 48
/// characters; a name with no letter that folds to ASCII (or a Windows device name) gets
/// `student-<hash>`.
pub(crate) fn student_slug(name: &str) -> String {
    let out = crate::slug::slug(name, 48);
    if out.is_empty() || crate::slug::is_reserved_name(&out) {
        format!("student-{:08x}", crc32(name.as_bytes()))
    } else {
        out
    }
}

/// The id of a new exam made from its title and seed: the title's slug (at most 40
/// characters, `exam` when it has no letter that folds to ASCII) and the seed's last six
/// digits, so two exams with the same title differ.
pub fn exam_id(title: &str, seed: u64) -> String {
    let base = crate::slug::slug(title, 40);
    let base = if base.is_empty() { "exam" } else { &base };
    format!("{base}-{}", seed % 1_000_000)
}

/// The seed a new exam draws its papers with when none is given: the master secret's
/// first eight bytes.
pub fn seed_from_master(master: &[u8; 32]) -> u64 {
    u64::from_le_bytes(master[..8].try_into().unwrap_or_default())
}

/// The id of a new exam titled `title` with this master secret ([`exam_id`]): students
/// see it (it names result files), so its number comes from the secret's bytes that seed
/// nothing (never from the seed).
pub fn id_from_master(title: &str, master: &[u8; 32]) -> String {
    let n = u64::from(master[9]) << 16 | u64::from(master[10]) << 8 | u64::from(master[11]);
    exam_id(title, n)
}

/// The student slug of earlier versions, which dropped Cyrillic letters and allowed device
/// names (kept so that a result file started under it is still found).
fn legacy_student_slug(name: &str) -> String {
    let latin: String = name
        .chars()
        .filter(|c| !('\u{0400}'..='\u{04FF}').contains(c))
        .collect();
    let out = crate::slug::slug(&latin, 48);
    if out.is_empty() {
        format!("student-{:08x}", crc32(name.as_bytes()))
    } else {
        out
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    const DECK: &str = r#"Deck(format: 1, id: "d", title: "D", cards: [
        Card(id: "a", kind: TypeIn(question: "Year of the pact?", answers: ["1939"])),
        Card(id: "b", kind: TrueFalse(statement: "Riga is in Latvia.", truth: true)),
        Card(id: "c", kind: Basic(front: "Capital of Estonia?", back: "Tallinn", reverse: false)),
    ])"#;

    pub(crate) fn exam() -> Exam {
        let d = crate::deck::load_str(DECK, "d.ron", None).unwrap();
        Exam::create(
            "unit-exam",
            "Unit",
            &[d],
            ExamSettings {
                question_count: 3,
                kinds: vec![QuestionKind::Typed, QuestionKind::TrueFalse],
                seed: 3,
                minutes: 10,
                feedback: Feedback::AtHandIn,
                time_policy: TimePolicy::Pause,
                pool: None,
            },
            [3; 32],
        )
        .unwrap()
    }

    pub(crate) fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + s, 0).unwrap()
    }

    #[test]
    fn locate_cards_are_asked_in_exams_as_a_choice_of_places_with_the_answer_sealed() {
        let d = crate::deck::load_str(
            r#"Deck(format: 3, id: "m", title: "M", cards: [
                Card(id: "l", kind: Locate(prompt: "Click the port.", choice_prompt: "Which is the port?", picture: "maps/x.png",
                    answer: Circle(name: "Liepāja", x: 10, y: 10, r: 5),
                    others: [Circle(name: "Riga", x: 40, y: 10, r: 5), Circle(name: "Ventspils", x: 40, y: 40, r: 5)])),
            ])"#,
            "m.ron",
            None,
        )
        .unwrap();
        let e = Exam::create(
            "map-exam",
            "Maps",
            &[d],
            ExamSettings {
                question_count: 1,
                kinds: vec![QuestionKind::MultipleChoice],
                seed: 5,
                minutes: 10,
                feedback: Feedback::AtHandIn,
                time_policy: TimePolicy::Pause,
                pool: None,
            },
            [4; 32],
        )
        .unwrap();
        let teacher = e.paper("Ann");
        let q = &teacher.test.questions[0];
        assert_eq!(q.right_answer, "Liepāja");
        assert_eq!(q.prompt, "Which is the port?");
        let QuestionForm::MultipleChoice { options, correct } = &q.form else {
            panic!("{:?}", q.form);
        };
        assert_eq!(options[correct[0]], "Liepāja");
        // The students' file names the places but not which one is right.
        let student = e.student_copy();
        let text = student.to_ron();
        assert!(text.contains("Ventspils"), "the options are there");
        let sq = &student.paper("Ann").test.questions[0];
        assert!(
            matches!(&sq.form, QuestionForm::MultipleChoice { correct, .. } if correct.is_empty()),
            "{:?}",
            sq.form
        );
        assert!(sq.right_answer.is_empty());
    }

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(student_slug("Kārlis  Ulmanis"), "karlis-ulmanis");
        assert_eq!(student_slug("O'Brien, Ann"), "obrien-ann");
        assert!(student_slug("…").starts_with("student-"));
        assert_eq!(student_slug("Jūlija Bērziņa"), "julija-berzina");
        assert_eq!(student_slug("Иван Петров"), "ivan-petrov");
        assert!(student_slug("CON").starts_with("student-"));
        assert_eq!(
            exam_id("Exam: Baltic Occupation", 1_234_567),
            "exam-baltic-occupation-234567"
        );
        assert_eq!(exam_id("Экзамен", 7), "ekzamen-7");
        assert_eq!(exam_id("考试", 7), "exam-7");
    }

    #[test]
    fn ron_round_trip() {
        let e = exam();
        let back = Exam::from_ron(&e.to_ron(), Path::new("x.ron")).unwrap();
        assert_eq!(back, e);
        let student = Exam::from_ron(&e.student_copy().to_ron(), Path::new("s.ron")).unwrap();
        assert!(!student.has_answers);
        assert_eq!(student.hash(), e.hash());
        assert_eq!(student.unseal(None).unwrap().questions, e.questions);
        assert_eq!(student.paper("Ann").pool_index, e.paper("ann").pool_index);
    }

    #[test]
    fn an_exam_file_saved_by_notepad_with_a_byte_order_mark_and_crlf_loads_the_same() {
        let e = exam();
        let text = format!("\u{feff}{}", e.to_ron().replace('\n', "\r\n"));
        let back = Exam::from_ron(&text, Path::new("x.ron")).unwrap();
        assert_eq!(back, e);
        assert_eq!(back.hash(), e.hash());
    }

    #[test]
    fn garbage_never_panics() {
        let e = exam();
        let text = e.to_ron();
        for cut in (0..text.len()).step_by(37) {
            if text.is_char_boundary(cut) {
                let _ = Exam::from_ron(&text[..cut], Path::new("x"));
            }
        }
        let newer = text.replacen("format: 3", "format: 9", 1);
        assert!(matches!(
            Exam::from_ron(&newer, Path::new("x")),
            Err(ExamError::Version { found: 9, .. })
        ));
        for junk in [
            "",
            "\n",
            "QUIZDECK-EXAM-RESULT 1",
            "QUIZDECK-EXAM-RESULT 1\nzz",
        ] {
            let _ = ResultFile::parse(junk.as_bytes(), "x", &[0; 32]);
        }
    }
}
