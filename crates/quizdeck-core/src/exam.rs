//! Classroom exams: a self-contained exam file (RON, decks embedded) that every student
//! opens, durable per-student result files written answer by answer, and the teacher's
//! merge of a folder of result files into class results, a CSV and a per-question summary.
//!
//! # Result files
//!
//! A student's answers go to `<exam id>-<student slug>.result` in a folder the teacher
//! chose. The file starts with the line `QUIZDECK-EXAM-RESULT 1`, then one line per
//! record: `<crc32 as 8 hex digits> <compact JSON>\n`, appended and fsync'd before the
//! next question is accepted. Records are the start (exam id, student name, time), each
//! resumption after a crash, each answer (question, answer, time), checkpoints (time only)
//! and the finish.
//!
//! Each line's CRC-32 covers the exam id, the previous line's CRC and the line's JSON, so
//! the CRCs form a chain keyed with the exam id and the last line's CRC is a checksum over
//! the whole content. A half-written last line (a crash mid-write) is ignored and cut off
//! when the sitting resumes; a complete line whose CRC does not match, or a removed or
//! reordered line, marks the file as **edited**. This detects accidental damage and naive
//! hand edits (changing an answer or a time in a text editor), not a determined forger:
//! CRC-32 is not a secret-keyed MAC and the exam id is in the exam file.
//!
//! A write that fails (a full disk, a removed stick) is cut back off the file, so it never
//! garbles the records after it. [`ResultWriter::record`] then fails and records nothing;
//! [`ResultWriter::record_or_keep`] (what the app uses) keeps the answer in memory,
//! unsaved, and writes it before anything else on the next write or
//! [`ResultWriter::retry_unsaved`].
//!
//! Time used is the sum over sittings of (last record of the sitting − its start); the
//! time between a sitting's last record and a crash is not counted, which is why the app
//! should call [`ResultWriter::checkpoint`] every minute or so.

use crate::answer::normalize_for_search;
use crate::deck::{self, Deck};
use crate::ids::check_id;
use crate::quiz::{self, Answer, PracticeTest, QuestionKind, TestOptions};
use crate::store::journal::crc32;
use chrono::{DateTime, Duration, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fs::{File, OpenOptions};
use std::io::{Read, Seek, SeekFrom, Write};
use std::path::{Path, PathBuf};

pub mod sitting;
pub use sitting::{Sitting, Tick};

/// The exam file format this code writes and reads.
pub const EXAM_FORMAT: u32 = 1;
/// First line of a result file.
pub const RESULT_HEADER: &str = "QUIZDECK-EXAM-RESULT 1";
/// Extension of result files.
pub const RESULT_EXT: &str = "result";
/// Largest exam or result file read.
pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;

/// Errors of the exam area.
#[derive(Debug, thiserror::Error)]
pub enum ExamError {
    /// Reading or writing a file failed.
    #[error("could not {action} {path}: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The path involved.
        path: PathBuf,
        /// The underlying error.
        source: std::io::Error,
    },
    /// The file is larger than [`MAX_FILE_BYTES`].
    #[error("{path} is {size} bytes; the limit is {MAX_FILE_BYTES}")]
    TooLarge {
        /// The file.
        path: PathBuf,
        /// Its size.
        size: u64,
    },
    /// The file is not a readable exam.
    #[error("{path} is not a valid exam file: {message}")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The exam file was written by a newer quizdeck.
    #[error("{path} has exam format {found}; this quizdeck reads format {EXAM_FORMAT}")]
    Version {
        /// The file.
        path: PathBuf,
        /// The format found.
        found: u32,
    },
    /// An embedded deck has errors.
    #[error("deck {index} embedded in the exam has errors: {message}")]
    Deck {
        /// Position of the deck in the exam (0-based).
        index: usize,
        /// The deck errors.
        message: String,
    },
    /// This quizdeck would generate other questions from the exam's seed than the one
    /// that made the exam (a different version), or the file was edited.
    #[error(
        "{path} was made by a quizdeck that asks different questions for its seed (or it was edited); open it with the same quizdeck version as the students use"
    )]
    QuestionsDiffer {
        /// The file.
        path: PathBuf,
    },
    /// The exam settings are not usable.
    #[error("the exam is not usable: {0}")]
    Settings(String),
    /// Generating the questions failed.
    #[error(transparent)]
    Quiz(#[from] quiz::QuizError),
    /// A result file cannot be used.
    #[error("{path} is not a usable result file: {message}")]
    BadResult {
        /// The file.
        path: PathBuf,
        /// What is wrong.
        message: String,
    },
    /// The student already handed in this exam.
    #[error("{0} has already been handed in")]
    AlreadyFinished(PathBuf),
    /// The result file for this name belongs to another student whose name gives the
    /// same file name.
    #[error("{path} belongs to {recorded:?}; choose a name that tells you apart")]
    OtherStudent {
        /// The file.
        path: PathBuf,
        /// The name recorded in it.
        recorded: String,
    },
    /// The student's name is empty.
    #[error("the student's name is empty")]
    NoName,
    /// The time limit is over.
    #[error("the time for this exam is over")]
    TimeUp,
    /// No such question.
    #[error("the exam has no question {0}")]
    NoSuchQuestion(usize),
}

/// Result alias of the exam area.
pub type Result<T, E = ExamError> = std::result::Result<T, E>;

fn io_err(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> ExamError {
    let path = path.to_owned();
    move |source| ExamError::Io {
        action,
        path,
        source,
    }
}

/// When students see their results.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, Default)]
pub enum Feedback {
    /// Right answers, notes and sources are shown once the exam is handed in.
    #[default]
    AfterEnd,
    /// Students never see their results in the app.
    Never,
}

/// An exam's settings besides its id, title and decks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ExamSettings {
    /// Number of questions.
    pub question_count: usize,
    /// Allowed question forms.
    pub kinds: Vec<QuestionKind>,
    /// Seed of the questions (the same for every student).
    pub seed: u64,
    /// Time limit in minutes.
    pub minutes: u32,
    /// When students see their results.
    pub feedback: Feedback,
}

/// A classroom exam.
#[derive(Debug, Clone, PartialEq)]
pub struct Exam {
    /// The exam id (an id as for decks: `a-z`, `0-9`, `-`); names result files.
    pub id: String,
    /// Title shown to students.
    pub title: String,
    /// The decks the questions come from (embedded in the file).
    pub decks: Vec<Deck>,
    /// Settings.
    pub settings: ExamSettings,
}

/// The exam file as written: decks as their RON text.
#[derive(Debug, Serialize, Deserialize)]
struct ExamFile {
    format: u32,
    id: String,
    title: String,
    settings: ExamSettings,
    /// CRC-32 of the generated questions (as JSON), in hex: a quizdeck that would ask
    /// different questions for the same seed refuses the exam instead of scoring the
    /// students against other questions.
    questions_crc: String,
    decks: Vec<String>,
}

/// Just the format field, read first so a newer file gets a clear message.
#[derive(Debug, Deserialize)]
struct FormatOnly {
    format: u32,
}

impl Exam {
    /// A new exam; checks the id, that there are decks, questions, forms and a time limit,
    /// and that questions can be generated.
    pub fn new(
        id: impl Into<String>,
        title: impl Into<String>,
        decks: Vec<Deck>,
        settings: ExamSettings,
    ) -> Result<Exam> {
        let exam = Exam {
            id: id.into(),
            title: title.into(),
            decks,
            settings,
        };
        exam.validate()?;
        exam.test()?;
        Ok(exam)
    }

    fn validate(&self) -> Result<()> {
        check_id(&self.id).map_err(|e| ExamError::Settings(format!("exam id: {e}")))?;
        if self.decks.is_empty() {
            return Err(ExamError::Settings("no decks".into()));
        }
        if self.settings.question_count == 0 {
            return Err(ExamError::Settings("no questions".into()));
        }
        if self.settings.kinds.is_empty() {
            return Err(ExamError::Settings("no question forms".into()));
        }
        if self.settings.minutes == 0 {
            return Err(ExamError::Settings("no time limit".into()));
        }
        Ok(())
    }

    /// The exam's questions: [`quiz::generate`] with its seed, the same for every student.
    pub fn test(&self) -> Result<PracticeTest> {
        let decks: Vec<&Deck> = self.decks.iter().collect();
        let opts = TestOptions {
            question_count: self.settings.question_count,
            kinds: self.settings.kinds.clone(),
        };
        Ok(quiz::generate(&decks, &opts, self.settings.seed)?)
    }

    /// The time limit.
    pub fn time_limit(&self) -> Duration {
        Duration::minutes(i64::from(self.settings.minutes))
    }

    /// A checksum of the exam's questions (CRC-32 of their JSON, in hex); empty when no
    /// questions can be generated.
    pub fn questions_crc(&self) -> String {
        self.test()
            .ok()
            .and_then(|t| serde_json::to_string(&t).ok())
            .map(|j| format!("{:08x}", crc32(j.as_bytes())))
            .unwrap_or_default()
    }

    /// The exam as RON text.
    pub fn to_ron(&self) -> String {
        let file = ExamFile {
            format: EXAM_FORMAT,
            id: self.id.clone(),
            title: self.title.clone(),
            settings: self.settings.clone(),
            questions_crc: self.questions_crc(),
            decks: self.decks.iter().map(deck::to_ron).collect(),
        };
        let config = ron::ser::PrettyConfig::new()
            .struct_names(true)
            .indentor("    ");
        let mut s = ron::ser::to_string_pretty(&file, config)
            .unwrap_or_else(|e| format!("// quizdeck could not write this exam: {e}\n"));
        s.push('\n');
        s
    }

    /// Writes the exam atomically (a temporary file, flushed, renamed over `path`).
    pub fn save(&self, path: &Path) -> Result<()> {
        let dir = path
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        let name = path.file_name().and_then(|n| n.to_str()).unwrap_or("exam");
        let tmp = dir.join(format!(".{name}.tmp-{}", std::process::id()));
        let mut f = File::create(&tmp).map_err(io_err("create", &tmp))?;
        f.write_all(self.to_ron().as_bytes())
            .map_err(io_err("write", &tmp))?;
        f.sync_all().map_err(io_err("flush", &tmp))?;
        drop(f);
        std::fs::rename(&tmp, path).map_err(|e| {
            let _ = std::fs::remove_file(&tmp);
            io_err("replace", path)(e)
        })
    }

    /// Reads an exam file. Every problem (missing, too large, not UTF-8, not RON, newer
    /// format, invalid embedded deck, unusable settings) is an error, never a panic.
    pub fn load(path: &Path) -> Result<Exam> {
        let bytes = read_capped(path)?;
        let text = String::from_utf8(bytes).map_err(|_| ExamError::Invalid {
            path: path.to_owned(),
            message: "the file is not UTF-8 text".into(),
        })?;
        Exam::from_ron(&text, path)
    }

    /// Reads an exam from RON text; `path` names it in errors.
    pub fn from_ron(text: &str, path: &Path) -> Result<Exam> {
        let invalid = |message: String| ExamError::Invalid {
            path: path.to_owned(),
            message,
        };
        if let Ok(f) = ron::from_str::<FormatOnly>(text)
            && f.format != EXAM_FORMAT
        {
            return Err(ExamError::Version {
                path: path.to_owned(),
                found: f.format,
            });
        }
        let file: ExamFile = ron::from_str(text).map_err(|e| invalid(e.to_string()))?;
        if file.format != EXAM_FORMAT {
            return Err(ExamError::Version {
                path: path.to_owned(),
                found: file.format,
            });
        }
        let mut decks = Vec::new();
        for (index, text) in file.decks.iter().enumerate() {
            let d = deck::load_str(text, &format!("exam deck {index}"), None).map_err(|e| {
                let message = match e {
                    deck::DeckError::Invalid { diagnostics, .. } => diagnostics
                        .iter()
                        .map(|d| d.one_line())
                        .collect::<Vec<_>>()
                        .join("; "),
                    other => other.to_string(),
                };
                ExamError::Deck { index, message }
            })?;
            decks.push(d);
        }
        let exam = Exam {
            id: file.id,
            title: file.title,
            decks,
            settings: file.settings,
        };
        exam.validate()?;
        let crc = exam.questions_crc();
        if crc != file.questions_crc {
            return Err(ExamError::QuestionsDiffer {
                path: path.to_owned(),
            });
        }
        Ok(exam)
    }

    /// The result file of `student` in `dir`.
    pub fn result_path(&self, dir: &Path, student: &str) -> PathBuf {
        dir.join(format!(
            "{}-{}.{RESULT_EXT}",
            self.id,
            student_slug(student)
        ))
    }
}

fn read_capped(path: &Path) -> Result<Vec<u8>> {
    let f = File::open(path).map_err(io_err("open", path))?;
    let mut buf = Vec::new();
    f.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut buf)
        .map_err(io_err("read", path))?;
    if buf.len() as u64 > MAX_FILE_BYTES {
        return Err(ExamError::TooLarge {
            path: path.to_owned(),
            size: buf.len() as u64,
        });
    }
    Ok(buf)
}

/// A file-name-safe form of a student's name: lowercase ASCII letters and digits joined by
/// `-` (accents removed), at most 48 characters; a name with no such letters gets
/// `student-<hash>`.
pub fn student_slug(name: &str) -> String {
    let folded = normalize_for_search(name);
    let mut out = String::new();
    for word in folded.split(|c: char| !c.is_ascii_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !out.is_empty() {
            if out.len() + 1 + word.len() > 48 {
                break;
            }
            out.push('-');
        }
        out.extend(word.chars().take(48));
    }
    if out.is_empty() {
        out = format!("student-{:08x}", crc32(name.as_bytes()));
    }
    out
}

/// One record of a result file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "lowercase")]
enum Record {
    Start {
        exam: String,
        student: String,
        at: DateTime<Utc>,
    },
    Resume {
        at: DateTime<Utc>,
    },
    Answer {
        q: usize,
        answer: Answer,
        at: DateTime<Utc>,
    },
    Tick {
        at: DateTime<Utc>,
    },
    Finish {
        at: DateTime<Utc>,
    },
}

impl Record {
    fn at(&self) -> DateTime<Utc> {
        match self {
            Record::Start { at, .. }
            | Record::Resume { at }
            | Record::Answer { at, .. }
            | Record::Tick { at }
            | Record::Finish { at } => *at,
        }
    }
}

fn line_crc(exam_id: &str, prev: &str, json: &str) -> u32 {
    let mut buf = Vec::with_capacity(exam_id.len() + prev.len() + json.len() + 2);
    buf.extend_from_slice(exam_id.as_bytes());
    buf.push(b'\n');
    buf.extend_from_slice(prev.as_bytes());
    buf.push(b'\n');
    buf.extend_from_slice(json.as_bytes());
    crc32(&buf)
}

/// Whether the file at `path` is what a crash during its creation leaves: a part of the
/// header line, or the header and a torn first record.
fn only_a_torn_start(path: &Path) -> Result<bool> {
    let bytes = read_capped(path)?;
    let header = format!("{RESULT_HEADER}\n");
    Ok(if bytes.len() <= header.len() {
        header.as_bytes().starts_with(&bytes)
    } else {
        bytes.starts_with(header.as_bytes()) && !bytes[header.len()..].contains(&b'\n')
    })
}

/// An answer as recorded.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TimedAnswer {
    /// The answer.
    pub answer: Answer,
    /// When it was given.
    pub at: DateTime<Utc>,
}

/// What a result file holds.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ResultFile {
    /// The student's name.
    pub student: String,
    /// When the first sitting started.
    pub started: DateTime<Utc>,
    /// The latest answer to each question (0-based).
    pub answers: BTreeMap<usize, TimedAnswer>,
    /// The sittings: (start, last record).
    pub sittings: Vec<(DateTime<Utc>, DateTime<Utc>)>,
    /// When the exam was handed in.
    pub finished: Option<DateTime<Utc>>,
    /// Whether a line fails its checksum, is unreadable, or lines were removed or moved.
    pub edited: bool,
    /// Bytes of the file up to the end of its last complete line (a torn tail follows).
    valid_len: u64,
    /// CRC text of the last complete line.
    last_crc: String,
}

impl ResultFile {
    /// Time used over all sittings (at most [`Duration::MAX`], however absurd the
    /// recorded times of an edited file).
    pub fn time_used(&self) -> Duration {
        self.sittings
            .iter()
            .map(|(s, e)| (*e - *s).max(Duration::zero()))
            .fold(Duration::zero(), |a, b| {
                a.checked_add(&b).unwrap_or(Duration::MAX)
            })
    }

    /// Reads a result file of exam `exam_id`. Never panics; a file that is not a result
    /// file of this exam is an error, a damaged or edited one is read and flagged.
    pub fn read(path: &Path, exam_id: &str) -> Result<ResultFile> {
        let bytes = read_capped(path)?;
        ResultFile::parse(&bytes, exam_id).map_err(|message| ExamError::BadResult {
            path: path.to_owned(),
            message,
        })
    }

    fn parse(bytes: &[u8], exam_id: &str) -> std::result::Result<ResultFile, String> {
        let header_end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .ok_or("no header line")?;
        if &bytes[..header_end] != RESULT_HEADER.as_bytes() {
            return Err("it does not start with the result file header".into());
        }
        let mut pos = header_end + 1;
        let mut prev = String::new();
        let mut edited = false;
        let mut records = Vec::new();
        while pos < bytes.len() {
            let Some(nl) = bytes[pos..].iter().position(|&b| b == b'\n') else {
                break; // torn tail: a crash during the last write
            };
            let line = &bytes[pos..pos + nl];
            pos += nl + 1;
            let parsed = std::str::from_utf8(line).ok().and_then(|l| {
                let (crc, json) = l.split_once(' ')?;
                Some((crc.to_owned(), json.to_owned()))
            });
            let Some((crc, json)) = parsed else {
                edited = true;
                continue;
            };
            let ok = u32::from_str_radix(&crc, 16)
                .is_ok_and(|c| crc.len() == 8 && c == line_crc(exam_id, &prev, &json));
            if !ok {
                edited = true;
            }
            prev = crc;
            match serde_json::from_str::<Record>(&json) {
                Ok(r) => records.push(r),
                Err(_) => edited = true,
            }
        }
        let valid_len = (bytes.len()
            - bytes
                .iter()
                .rev()
                .position(|&b| b == b'\n')
                .unwrap_or(bytes.len())) as u64;
        let mut it = records.into_iter();
        let (student, started) = match it.next() {
            Some(Record::Start { exam, student, at }) => {
                if exam != exam_id {
                    return Err(format!("it belongs to exam {exam:?}, not {exam_id:?}"));
                }
                (student, at)
            }
            Some(_) => return Err("it does not begin with the start of the exam".into()),
            None => return Err("it has no records".into()),
        };
        let mut out = ResultFile {
            student,
            started,
            answers: BTreeMap::new(),
            sittings: vec![(started, started)],
            finished: None,
            edited,
            valid_len,
            last_crc: prev,
        };
        let mut last_at = started;
        for r in it {
            let at = r.at();
            if at < last_at || out.finished.is_some() {
                out.edited = true; // times go forward and nothing follows the finish
            }
            last_at = last_at.max(at);
            match r {
                Record::Start { .. } => out.edited = true,
                Record::Resume { at } => out.sittings.push((at, at)),
                Record::Answer { q, answer, at } => {
                    out.answers.insert(q, TimedAnswer { answer, at });
                }
                Record::Tick { .. } => {}
                Record::Finish { at } => out.finished = Some(at),
            }
            if let Some(s) = out.sittings.last_mut() {
                s.1 = s.1.max(at);
            }
        }
        Ok(out)
    }
}

/// A student's sitting: writes each answer durably to the result file.
#[derive(Debug)]
pub struct ResultWriter {
    file: File,
    path: PathBuf,
    exam_id: String,
    limit: Duration,
    questions: usize,
    state: ResultFile,
    used_before: Duration,
    sitting_start: DateTime<Utc>,
    /// Records kept in memory whose write failed, in order; written first next time.
    unsaved: Vec<Record>,
    /// Why the latest write of the unsaved records failed.
    unsaved_error: Option<String>,
    /// A failed write could not be cut back off the file; retried before the next write.
    dirty: bool,
}

impl Drop for ResultWriter {
    /// A last try to write unsaved answers.
    fn drop(&mut self) {
        if !self.unsaved.is_empty() {
            let _ = self.retry_unsaved();
        }
    }
}

impl ResultWriter {
    /// Starts `student`'s sitting of `exam` in `dir`, or resumes it when the result file
    /// exists (after a crash): the answers so far are kept, a torn last line is cut off and
    /// the remaining time is the limit minus the time used in earlier sittings. A file
    /// recorded under another name with the same slug is refused
    /// ([`ExamError::OtherStudent`]), as is a handed-in one.
    pub fn open(dir: &Path, exam: &Exam, student: &str, now: DateTime<Utc>) -> Result<Self> {
        let student = student.trim();
        if student.is_empty() {
            return Err(ExamError::NoName);
        }
        let questions = exam.test()?.questions.len();
        let path = exam.result_path(dir, student);
        if path.exists() && !only_a_torn_start(&path)? {
            let state = ResultFile::read(&path, &exam.id)?;
            if state.student.trim() != student {
                return Err(ExamError::OtherStudent {
                    path,
                    recorded: state.student,
                });
            }
            if state.finished.is_some() {
                return Err(ExamError::AlreadyFinished(path));
            }
            let mut file = OpenOptions::new()
                .read(true)
                .write(true)
                .open(&path)
                .map_err(io_err("open", &path))?;
            file.set_len(state.valid_len)
                .map_err(io_err("repair", &path))?;
            file.seek(SeekFrom::Start(state.valid_len))
                .map_err(io_err("seek in", &path))?;
            let used_before = state.time_used();
            let mut w = ResultWriter {
                file,
                path,
                exam_id: exam.id.clone(),
                limit: exam.time_limit(),
                questions,
                state,
                used_before,
                sitting_start: now,
                unsaved: Vec::new(),
                unsaved_error: None,
                dirty: false,
            };
            w.append(&Record::Resume { at: now })?;
            w.state.sittings.push((now, now));
            return Ok(w);
        }
        std::fs::create_dir_all(dir).map_err(io_err("create", dir))?;
        // A file left by a crash before its start record was complete holds nothing
        // and is started afresh.
        let mut file = OpenOptions::new()
            .write(true)
            .create(true)
            .truncate(true)
            .open(&path)
            .map_err(io_err("create", &path))?;
        file.write_all(format!("{RESULT_HEADER}\n").as_bytes())
            .map_err(io_err("write", &path))?;
        let state = ResultFile {
            student: student.to_owned(),
            started: now,
            answers: BTreeMap::new(),
            sittings: vec![(now, now)],
            finished: None,
            edited: false,
            valid_len: RESULT_HEADER.len() as u64 + 1,
            last_crc: String::new(),
        };
        let mut w = ResultWriter {
            file,
            path,
            exam_id: exam.id.clone(),
            limit: exam.time_limit(),
            questions,
            state,
            used_before: Duration::zero(),
            sitting_start: now,
            unsaved: Vec::new(),
            unsaved_error: None,
            dirty: false,
        };
        w.append(&Record::Start {
            exam: exam.id.clone(),
            student: student.to_owned(),
            at: now,
        })?;
        if let Some(parent) = w.path.parent() {
            File::open(parent).and_then(|d| d.sync_all()).ok();
        }
        Ok(w)
    }

    /// Appends `r` durably (after any unsaved records); on failure nothing is written.
    fn append(&mut self, r: &Record) -> Result<()> {
        match self.write_records(Some(r.clone()), false)? {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }

    /// Cuts the file back to its last complete record and puts the cursor there.
    fn cut_back(&mut self) -> std::io::Result<()> {
        let (file, len) = (&mut self.file, self.state.valid_len);
        crate::store::fault::cut_with(&self.path, || {
            file.set_len(len)?;
            file.seek(SeekFrom::Start(len))?;
            Ok(())
        })
    }

    /// Writes the unsaved records and then `new` in one write and one flush. When that
    /// fails, the torn part is cut back off; then with `keep` an I/O failure keeps `new`
    /// unsaved (returned as `Ok(Some(error))`), without `keep` the error is returned and
    /// `new` dropped. Earlier unsaved records stay unsaved either way.
    fn write_records(&mut self, new: Option<Record>, keep: bool) -> Result<Option<ExamError>> {
        if self.dirty {
            if let Err(e) = self.cut_back() {
                // The torn end of an earlier failed write is still in the file: nothing
                // can be appended safely. The new record is kept, not lost.
                let e = io_err("repair", &self.path)(e);
                self.unsaved_error = Some(e.to_string());
                if keep && let Some(r) = new {
                    self.unsaved.push(r);
                    return Ok(Some(e));
                }
                return Err(e);
            }
            self.dirty = false;
        }
        let mut lines = String::new();
        let mut prev = self.state.last_crc.clone();
        for r in self.unsaved.iter().chain(new.iter()) {
            let json = serde_json::to_string(r).map_err(|e| ExamError::BadResult {
                path: self.path.clone(),
                message: e.to_string(),
            })?;
            let crc = format!("{:08x}", line_crc(&self.exam_id, &prev, &json));
            lines.push_str(&crc);
            lines.push(' ');
            lines.push_str(&json);
            lines.push('\n');
            prev = crc;
        }
        if lines.is_empty() {
            return Ok(None);
        }
        let file = &mut self.file;
        let written =
            crate::store::fault::write_with(&self.path, lines.as_bytes(), |b| file.write_all(b))
                .map_err(io_err("write", &self.path))
                .and_then(|()| self.file.sync_data().map_err(io_err("flush", &self.path)));
        match written {
            Ok(()) => {
                self.state.valid_len += lines.len() as u64;
                self.state.last_crc = prev;
                self.unsaved.clear();
                self.unsaved_error = None;
                Ok(None)
            }
            Err(e) => {
                if self.cut_back().is_err() {
                    self.dirty = true;
                }
                if keep && let Some(r) = new {
                    self.unsaved.push(r);
                    self.unsaved_error = Some(e.to_string());
                    return Ok(Some(e));
                }
                if !self.unsaved.is_empty() {
                    self.unsaved_error = Some(e.to_string());
                }
                Err(e)
            }
        }
    }

    /// Answers and other records kept in memory because writing them failed.
    pub fn unsaved_count(&self) -> usize {
        self.unsaved.len()
    }

    /// Why the unsaved records could not be written, as of the latest attempt.
    pub fn unsaved_error(&self) -> Option<&str> {
        self.unsaved_error.as_deref()
    }

    /// Tries again to write the unsaved records; returns how many were written (0 when
    /// there were none).
    pub fn retry_unsaved(&mut self) -> Result<usize> {
        let n = self.unsaved.len();
        if n > 0 {
            self.write_records(None, false)?;
        }
        Ok(n)
    }

    /// Where the answers are written.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The answers so far (question index, 0-based → latest answer).
    pub fn answers(&self) -> &BTreeMap<usize, TimedAnswer> {
        &self.state.answers
    }

    /// Time left at `now` (never negative).
    pub fn remaining(&self, now: DateTime<Utc>) -> Duration {
        let used = self
            .used_before
            .checked_add(&(now - self.sitting_start).max(Duration::zero()))
            .unwrap_or(Duration::MAX);
        (self.limit - used).max(Duration::zero())
    }

    /// Records the answer to question `q` (0-based), durably, before returning. When
    /// writing fails nothing is recorded (see [`ResultWriter::record_or_keep`]).
    pub fn record(&mut self, q: usize, answer: Answer, now: DateTime<Utc>) -> Result<()> {
        match self.record_impl(q, answer, now, false)? {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }

    /// Records the answer like [`ResultWriter::record`], but when writing fails with an
    /// I/O error (a full disk) the answer counts anyway: it is kept in memory, unsaved,
    /// and written before anything else by the next record, checkpoint, hand-in or
    /// [`ResultWriter::retry_unsaved`]. Returns `Ok(Some(error))` in that case.
    pub fn record_or_keep(
        &mut self,
        q: usize,
        answer: Answer,
        now: DateTime<Utc>,
    ) -> Result<Option<ExamError>> {
        self.record_impl(q, answer, now, true)
    }

    fn record_impl(
        &mut self,
        q: usize,
        answer: Answer,
        now: DateTime<Utc>,
        keep: bool,
    ) -> Result<Option<ExamError>> {
        if self.state.finished.is_some() {
            return Err(ExamError::AlreadyFinished(self.path.clone()));
        }
        if q >= self.questions {
            return Err(ExamError::NoSuchQuestion(q));
        }
        if self.remaining(now) <= Duration::zero() {
            return Err(ExamError::TimeUp);
        }
        let unsaved = self.write_records(
            Some(Record::Answer {
                q,
                answer: answer.clone(),
                at: now,
            }),
            keep,
        )?;
        self.state
            .answers
            .insert(q, TimedAnswer { answer, at: now });
        if let Some(s) = self.state.sittings.last_mut() {
            s.1 = s.1.max(now);
        }
        Ok(unsaved)
    }

    /// Records that the student is still sitting the exam at `now`, so that after a crash
    /// the time up to `now` counts as used (call it every minute or so; without it, the
    /// time between the last answer and a crash is not counted).
    pub fn checkpoint(&mut self, now: DateTime<Utc>) -> Result<()> {
        self.append(&Record::Tick { at: now })?;
        if let Some(s) = self.state.sittings.last_mut() {
            s.1 = s.1.max(now);
        }
        Ok(())
    }

    /// When the time runs out if the sitting goes on without a break.
    pub fn deadline(&self) -> DateTime<Utc> {
        let left = self
            .limit
            .checked_sub(&self.used_before)
            .unwrap_or(Duration::zero())
            .max(Duration::zero());
        self.sitting_start
            .checked_add_signed(left)
            .unwrap_or(DateTime::<Utc>::MAX_UTC)
    }

    /// What the result file holds so far (answers kept in memory included).
    pub fn state(&self) -> &ResultFile {
        &self.state
    }

    /// Hands the exam in like [`ResultWriter::finish`], but when writing fails the finish
    /// is kept in memory with any unsaved answers and written on the next retry; the
    /// sitting counts as handed in either way (used at time-up). Returns the write error,
    /// if any.
    pub fn finish_or_keep(&mut self, now: DateTime<Utc>) -> Option<ExamError> {
        if self.state.finished.is_some() {
            return None;
        }
        let failed = match self.write_records(Some(Record::Finish { at: now }), true) {
            Ok(e) => e,
            Err(e) => Some(e),
        };
        self.state.finished = Some(now);
        if let Some(s) = self.state.sittings.last_mut() {
            s.1 = s.1.max(now);
        }
        failed
    }

    /// Hands the exam in (once the time is up too), writing any unsaved answers first;
    /// the file is complete afterwards. When writing fails nothing changes and hand-in
    /// can be tried again.
    pub fn finish(&mut self, now: DateTime<Utc>) -> Result<ResultFile> {
        if self.state.finished.is_some() {
            return Err(ExamError::AlreadyFinished(self.path.clone()));
        }
        self.append(&Record::Finish { at: now })?;
        self.state.finished = Some(now);
        if let Some(s) = self.state.sittings.last_mut() {
            s.1 = s.1.max(now);
        }
        Ok(self.state.clone())
    }
}

/// One student's results.
#[derive(Debug, Clone, PartialEq)]
pub struct StudentResult {
    /// The name the student gave.
    pub name: String,
    /// The result file.
    pub file: PathBuf,
    /// Questions right.
    pub score: usize,
    /// Share right, 0–100.
    pub percent: f64,
    /// Time used, in whole seconds.
    pub time_secs: i64,
    /// Per question: right or not (unanswered is wrong).
    pub right: Vec<bool>,
    /// Whether the exam was handed in.
    pub finished: bool,
    /// Whether the file was flagged as edited.
    pub edited: bool,
}

/// One question's class figures.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSummary {
    /// Question number, 1-based.
    pub number: usize,
    /// The question's prompt.
    pub prompt: String,
    /// Students who got it right.
    pub right: usize,
    /// Share of students right, 0–100.
    pub percent: f64,
}

/// A class's merged results.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassResults {
    /// The exam's id.
    pub exam_id: String,
    /// The exam's title.
    pub title: String,
    /// The questions' prompts.
    pub prompts: Vec<String>,
    /// Students, by name (then file).
    pub students: Vec<StudentResult>,
    /// Result files of this exam that could not be used, with the reason.
    pub unreadable: Vec<(PathBuf, String)>,
}

/// Merges every `<exam id>-*.result` file in `dir` into class results.
pub fn merge_results(dir: &Path, exam: &Exam) -> Result<ClassResults> {
    let test = exam.test()?;
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_err("list", dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == RESULT_EXT)
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&format!("{}-", exam.id)))
        })
        .collect();
    files.sort();
    let mut out = ClassResults {
        exam_id: exam.id.clone(),
        title: exam.title.clone(),
        prompts: test.questions.iter().map(|q| q.prompt.clone()).collect(),
        students: Vec::new(),
        unreadable: Vec::new(),
    };
    for f in files {
        let r = match ResultFile::read(&f, &exam.id) {
            Ok(r) => r,
            Err(e) => {
                out.unreadable.push((f, e.to_string()));
                continue;
            }
        };
        let answers: Vec<Option<Answer>> = (0..test.questions.len())
            .map(|i| r.answers.get(&i).map(|a| a.answer.clone()))
            .collect();
        let report = quiz::score(&test, &answers);
        out.students.push(StudentResult {
            name: r.student.clone(),
            file: f,
            score: report.right,
            percent: report.percent(),
            time_secs: r.time_used().num_seconds(),
            right: report.results.iter().map(|q| q.right).collect(),
            finished: r.finished.is_some(),
            edited: r.edited,
        });
    }
    out.students
        .sort_by(|a, b| (&a.name, &a.file).cmp(&(&b.name, &b.file)));
    Ok(out)
}

impl ClassResults {
    /// One row per student: `name,score,percent,time_secs,q1..qN (1/0),edited`.
    pub fn to_csv(&self) -> String {
        let mut w = csv::Writer::from_writer(Vec::new());
        let mut header = vec![
            "name".to_owned(),
            "score".into(),
            "percent".into(),
            "time_secs".into(),
        ];
        header.extend((1..=self.prompts.len()).map(|i| format!("q{i}")));
        header.push("edited".into());
        let _ = w.write_record(&header);
        for s in &self.students {
            let mut row = vec![
                s.name.clone(),
                s.score.to_string(),
                format!("{:.1}", s.percent),
                s.time_secs.to_string(),
            ];
            row.extend(
                s.right
                    .iter()
                    .map(|&r| if r { "1" } else { "0" }.to_owned()),
            );
            row.push(if s.edited { "1" } else { "0" }.to_owned());
            let _ = w.write_record(&row);
        }
        let bytes = w.into_inner().unwrap_or_default();
        String::from_utf8(bytes).unwrap_or_default()
    }

    /// Per-question share right, hardest first (ties by question number).
    pub fn summary(&self) -> Vec<QuestionSummary> {
        let n = self.students.len();
        let mut v: Vec<QuestionSummary> = self
            .prompts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let right = self
                    .students
                    .iter()
                    .filter(|s| s.right.get(i).copied().unwrap_or(false))
                    .count();
                QuestionSummary {
                    number: i + 1,
                    prompt: p.clone(),
                    right,
                    percent: if n == 0 {
                        0.0
                    } else {
                        100.0 * right as f64 / n as f64
                    },
                }
            })
            .collect();
        v.sort_by(|a, b| {
            a.percent
                .total_cmp(&b.percent)
                .then(a.number.cmp(&b.number))
        });
        v
    }

    /// Students whose result files were flagged as edited.
    pub fn edited(&self) -> Vec<&StudentResult> {
        self.students.iter().filter(|s| s.edited).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DECK: &str = r#"Deck(format: 1, id: "d", title: "D", cards: [
        Card(id: "a", kind: TypeIn(question: "Year of the pact?", answers: ["1939"])),
        Card(id: "b", kind: TrueFalse(statement: "Riga is in Latvia.", truth: true)),
        Card(id: "c", kind: Basic(front: "Capital of Estonia?", back: "Tallinn", reverse: false)),
    ])"#;

    fn exam() -> Exam {
        let d = deck::load_str(DECK, "d.ron", None).unwrap();
        Exam::new(
            "unit-exam",
            "Unit",
            vec![d],
            ExamSettings {
                question_count: 3,
                kinds: vec![QuestionKind::Typed, QuestionKind::TrueFalse],
                seed: 3,
                minutes: 10,
                feedback: Feedback::AfterEnd,
            },
        )
        .unwrap()
    }

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_800_000_000 + s, 0).unwrap()
    }

    #[test]
    fn slugs_are_file_safe() {
        assert_eq!(student_slug("Kārlis  Ulmanis"), "karlis-ulmanis");
        assert_eq!(student_slug("O'Brien, Ann"), "obrien-ann");
        assert!(student_slug("…").starts_with("student-"));
    }

    #[test]
    fn ron_round_trip() {
        let e = exam();
        let back = Exam::from_ron(&e.to_ron(), Path::new("x.ron")).unwrap();
        assert_eq!(back, e);
        assert_eq!(back.test().unwrap(), e.test().unwrap());
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
        let newer = text.replacen("format: 1", "format: 9", 1);
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
            let _ = ResultFile::parse(junk.as_bytes(), "x");
        }
    }

    #[test]
    fn a_crash_while_creating_the_file_starts_afresh() {
        let dir = tempfile::tempdir().unwrap();
        let e = exam();
        let path = e.result_path(dir.path(), "Ann");
        for torn in [
            "",
            "QUIZDECK-EX",
            "QUIZDECK-EXAM-RESULT 1\n",
            "QUIZDECK-EXAM-RESULT 1\nab",
        ] {
            std::fs::write(&path, torn).unwrap();
            let w = ResultWriter::open(dir.path(), &e, "Ann", t(0)).unwrap();
            assert!(w.answers().is_empty());
            drop(w);
            let r = ResultFile::read(&path, &e.id).unwrap();
            assert!(!r.edited);
            std::fs::remove_file(&path).unwrap();
        }
        std::fs::write(&path, "something else\n").unwrap();
        assert!(ResultWriter::open(dir.path(), &e, "Ann", t(0)).is_err());
    }

    #[test]
    fn an_exam_whose_questions_differ_is_refused() {
        let e = exam();
        let text = e.to_ron();
        let crc = e.questions_crc();
        assert_eq!(crc.len(), 8);
        let other = text.replace(&crc, "00000000");
        assert!(matches!(
            Exam::from_ron(&other, Path::new("x")),
            Err(ExamError::QuestionsDiffer { .. })
        ));
    }

    #[test]
    fn absurd_recorded_times_are_capped_not_a_panic() {
        // An edited file: hundreds of sittings, each from the earliest to the latest
        // representable time. Their sum exceeds `Duration::MAX`.
        let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
        let mut records = vec![Record::Start {
            exam: "unit-exam".into(),
            student: "Ann".into(),
            at: min,
        }];
        for _ in 0..600 {
            records.push(Record::Resume { at: min });
            records.push(Record::Tick { at: max });
        }
        let mut text = format!("{RESULT_HEADER}\n");
        let mut prev = String::new();
        for r in &records {
            let json = serde_json::to_string(r).unwrap();
            prev = format!("{:08x}", line_crc("unit-exam", &prev, &json));
            text.push_str(&format!("{prev} {json}\n"));
        }
        let r = ResultFile::parse(text.as_bytes(), "unit-exam").unwrap();
        assert_eq!(r.time_used(), Duration::MAX);

        let dir = tempfile::tempdir().unwrap();
        let e = exam();
        std::fs::write(e.result_path(dir.path(), "Ann"), &text).unwrap();
        let class = merge_results(dir.path(), &e).unwrap();
        assert_eq!(class.students[0].time_secs, Duration::MAX.num_seconds());
        let mut w = ResultWriter::open(dir.path(), &e, "Ann", t(0)).unwrap();
        assert_eq!(w.remaining(t(0)), Duration::zero());
        assert!(matches!(
            w.record(0, Answer::Bool(true), t(1)),
            Err(ExamError::TimeUp)
        ));
    }

    #[test]
    fn resume_keeps_answers_and_time() {
        let dir = tempfile::tempdir().unwrap();
        let e = exam();
        let mut w = ResultWriter::open(dir.path(), &e, "Ann Lee", t(0)).unwrap();
        w.record(0, Answer::Text("1939".into()), t(60)).unwrap();
        w.record(1, Answer::Bool(true), t(120)).unwrap();
        w.checkpoint(t(130)).unwrap();
        drop(w);
        let mut w = ResultWriter::open(dir.path(), &e, "Ann Lee", t(1000)).unwrap();
        assert_eq!(w.answers().len(), 2);
        assert_eq!(w.remaining(t(1000)), Duration::seconds(600 - 130));
        assert_eq!(w.remaining(t(1030)), Duration::seconds(600 - 160));
        let r = w.finish(t(1030)).unwrap();
        assert_eq!(r.time_used(), Duration::seconds(160));
        assert!(matches!(
            ResultWriter::open(dir.path(), &e, "ann lee!", t(2000)),
            Err(ExamError::OtherStudent { .. })
        ));
        assert!(matches!(
            ResultWriter::open(dir.path(), &e, "  ", t(2000)),
            Err(ExamError::NoName)
        ));
        let again = ResultWriter::open(dir.path(), &e, "Ann Lee", t(2000));
        assert!(
            matches!(again, Err(ExamError::AlreadyFinished(_))),
            "{again:?}"
        );
    }
}
