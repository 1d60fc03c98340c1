//! Result files: a student's answers in a keyed chain of records, appended and fsync'd
//! through the durable layer's append log, locked while a writer has them, read back with
//! damage and edits found (see the format in the module above).

use super::*;

/// Locks a result file for this writer, or says another window has it.
///
/// A lock can be held for an instant by something that is not another window: a window
/// that is closing, or a program being started that inherited the file between its
/// fork and exec. So a taken lock is tried again for up to 200 ms before the file is
/// called in use.
fn lock(file: &File, path: &Path) -> Result<()> {
    for _ in 0..10 {
        match file.try_lock() {
            Ok(()) => return Ok(()),
            Err(std::fs::TryLockError::WouldBlock) => {
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            Err(std::fs::TryLockError::Error(e)) => return Err(io_err("lock", path)(e).into()),
        }
    }
    match file.try_lock() {
        Ok(()) => Ok(()),
        Err(std::fs::TryLockError::WouldBlock) => Err(ExamError::InUse(path.to_owned())),
        Err(std::fs::TryLockError::Error(e)) => Err(io_err("lock", path)(e).into()),
    }
}

/// One record of a result file.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "t", rename_all = "lowercase")]
enum Record {
    Start {
        exam: String,
        student: String,
        at: DateTime<Utc>,
        /// [`Exam::hash`] of the exam as the student's app read it.
        #[serde(default)]
        hash: String,
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

/// The check of one result line: a keyed hash (the exam's result-line key) of the exam
/// id, the previous line's check and the line's JSON, as 16 hex digits.
pub(crate) fn line_mac(key: &[u8; 32], exam_id: &str, prev: &str, json: &str) -> String {
    seal::mac(key, &[exam_id, prev, json])
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
    /// [`Exam::hash`] of the exam the student's app read (empty in old files).
    pub(crate) exam_hash: String,
    /// Bytes of the file up to the end of its last complete line (a torn tail follows).
    valid_len: u64,
    /// CRC text of the last complete line.
    last_crc: String,
}

impl ResultFile {
    /// Time used over all sittings (at most [`Duration::MAX`], however absurd the
    /// recorded times of an edited file).
    pub(crate) fn time_used(&self) -> Duration {
        self.sittings
            .iter()
            .map(|(s, e)| (*e - *s).max(Duration::zero()))
            .fold(Duration::zero(), |a, b| {
                a.checked_add(&b).unwrap_or(Duration::MAX)
            })
    }

    /// Time used with the exam's time policy: wall time from the start to the last
    /// record, or the sittings plus up to [`sitting::CHECKPOINT_SECS`] of each break.
    pub(crate) fn time_used_with(&self, policy: TimePolicy) -> Duration {
        match policy {
            TimePolicy::WallTime => {
                let last = self
                    .sittings
                    .iter()
                    .map(|s| s.1)
                    .max()
                    .unwrap_or(self.started);
                (last - self.started).max(Duration::zero())
            }
            TimePolicy::Pause => {
                let grace = Duration::seconds(sitting::CHECKPOINT_SECS);
                let breaks = self
                    .sittings
                    .windows(2)
                    .map(|w| (w[1].0 - w[0].1).clamp(Duration::zero(), grace))
                    .fold(Duration::zero(), |a, b| {
                        a.checked_add(&b).unwrap_or(Duration::MAX)
                    });
                self.time_used()
                    .checked_add(&breaks)
                    .unwrap_or(Duration::MAX)
            }
        }
    }

    /// How often the sitting was resumed (after a crash or a closed app).
    pub fn resumes(&self) -> usize {
        self.sittings.len().saturating_sub(1)
    }

    /// Time between sittings, when the app was not running.
    pub fn time_away(&self) -> Duration {
        self.sittings
            .windows(2)
            .map(|w| (w[1].0 - w[0].1).max(Duration::zero()))
            .fold(Duration::zero(), |a, b| {
                a.checked_add(&b).unwrap_or(Duration::MAX)
            })
    }

    /// A short code of the file's content (`XXXX-XXXX`), shown to the student at
    /// hand-in: a file changed afterwards no longer matches it.
    pub(crate) fn receipt(bytes: &[u8]) -> String {
        let h = blake3::hash(bytes);
        let x = seal::hex(&h.as_bytes()[..4]).to_uppercase();
        format!("{}-{}", &x[..4], &x[4..])
    }

    /// Reads a result file of `exam`. Never panics; a file that is not a result file of
    /// this exam is an error, a damaged or edited one is read and flagged.
    pub fn read(path: &Path, exam: &Exam) -> Result<ResultFile> {
        let bytes = read_capped(path)?;
        ResultFile::parse(&bytes, &exam.id, &exam.mac_key).map_err(|message| ExamError::BadResult {
            path: path.to_owned(),
            message,
        })
    }

    pub(super) fn parse(
        bytes: &[u8],
        exam_id: &str,
        mac_key: &[u8; 32],
    ) -> std::result::Result<ResultFile, Message> {
        let header_end = bytes
            .iter()
            .position(|&b| b == b'\n')
            .ok_or_else(|| Message::new("exam-result-no-header"))?;
        if &bytes[..header_end] != RESULT_HEADER.as_bytes() {
            return Err(Message::new("exam-result-no-header"));
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
            if crc != line_mac(mac_key, exam_id, &prev, &json) {
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
        let (student, started, exam_hash) = match it.next() {
            Some(Record::Start {
                exam,
                student,
                at,
                hash,
            }) => {
                if exam != exam_id {
                    return Err(Message::new("exam-result-other-exam")
                        .arg("found", exam.as_str())
                        .arg("exam", exam_id));
                }
                (student, at, hash)
            }
            Some(_) => return Err(Message::new("exam-result-no-start")),
            None => return Err(Message::new("exam-result-empty")),
        };
        let mut out = ResultFile {
            student,
            started,
            answers: BTreeMap::new(),
            sittings: vec![(started, started)],
            finished: None,
            edited,
            exam_hash,
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
    /// The result file, opened for appending and locked while this writer lives.
    log: AppendLog,
    path: PathBuf,
    exam_id: String,
    mac_key: [u8; 32],
    limit: Duration,
    questions: usize,
    state: ResultFile,
    used_before: Duration,
    sitting_start: DateTime<Utc>,
    /// Records kept in memory whose write failed, in order; written first next time.
    unsaved: Unsaved,
    /// The check of the last unsaved line (the chain goes on from it).
    unsaved_tail: String,
}

/// A result file's words in error messages.
static WORDS: Words = Words {
    write: "write",
    sync: "flush",
    repair: "repair",
};

impl Drop for ResultWriter {
    /// A last try to write unsaved answers.
    fn drop(&mut self) {
        if self.unsaved.count() > 0 {
            let _ = self.retry_unsaved();
        }
    }
}

impl ResultWriter {
    /// A writer appending to `log` (the result file at `path`) for `exam`, whose records
    /// so far are `state`; `used_before` is the time used before this sitting, which
    /// started at `sitting_start`.
    fn on(
        log: AppendLog,
        path: PathBuf,
        exam: &Exam,
        state: ResultFile,
        used_before: Duration,
        sitting_start: DateTime<Utc>,
    ) -> ResultWriter {
        ResultWriter {
            log,
            path,
            exam_id: exam.id.clone(),
            mac_key: exam.mac_key,
            limit: exam.time_limit(),
            questions: exam.settings.question_count,
            state,
            used_before,
            sitting_start,
            unsaved: Unsaved::default(),
            unsaved_tail: String::new(),
        }
    }

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
        let path = exam.result_path(dir, student);
        if path.exists() && !only_a_torn_start(&path)? {
            // One writer per sitting: the lock is taken before anything is read.
            let file = OpenOptions::new()
                .append(true)
                .open(&path)
                .map_err(io_err("open", &path))?;
            lock(&file, &path)?;
            let state = ResultFile::read(&path, exam)?;
            if fold_name(&state.student) != fold_name(student) {
                return Err(ExamError::OtherStudent {
                    path,
                    recorded: state.student,
                });
            }
            if state.finished.is_some() {
                return Err(ExamError::AlreadyFinished(path));
            }
            file.set_len(state.valid_len)
                .map_err(io_err("repair", &path))?;
            let policy = exam.settings.time_policy;
            // With wall time, the time since the start counts whether the app ran or not.
            let (used_before, sitting_start) = match policy {
                TimePolicy::WallTime => (Duration::zero(), state.started),
                TimePolicy::Pause => {
                    let mut with_break = state.clone();
                    with_break.sittings.push((now, now));
                    (with_break.time_used_with(TimePolicy::Pause), now)
                }
            };
            let log = AppendLog::with_file(file, &path, state.valid_len, &WORDS);
            let mut w = ResultWriter::on(log, path, exam, state, used_before, sitting_start);
            w.append(&Record::Resume { at: now })?;
            w.state.sittings.push((now, now));
            return Ok(w);
        }
        std::fs::create_dir_all(dir).map_err(io_err("create", dir))?;
        // A file left by a crash before its start record was complete holds nothing
        // and is started afresh.
        let file = OpenOptions::new()
            .append(true)
            .create(true)
            .open(&path)
            .map_err(io_err("create", &path))?;
        lock(&file, &path)?;
        file.set_len(0).map_err(io_err("create", &path))?;
        let mut log = AppendLog::with_file(file, &path, 0, &WORDS);
        log.append(format!("{RESULT_HEADER}\n").as_bytes())?;
        let state = ResultFile {
            student: student.to_owned(),
            started: now,
            answers: BTreeMap::new(),
            sittings: vec![(now, now)],
            finished: None,
            edited: false,
            exam_hash: exam.hash(),
            valid_len: RESULT_HEADER.len() as u64 + 1,
            last_crc: String::new(),
        };
        let mut w = ResultWriter::on(log, path, exam, state, Duration::zero(), now);
        w.append(&Record::Start {
            exam: exam.id.clone(),
            student: student.to_owned(),
            at: now,
            hash: exam.hash(),
        })?;
        crate::durable::sync_dir(crate::durable::parent_or_dot(&w.path))?;
        Ok(w)
    }

    /// Appends `r` durably (after any unsaved records); on failure nothing is written.
    fn append(&mut self, r: &Record) -> Result<()> {
        match self.write_records(Some(r.clone()), false)? {
            None => Ok(()),
            Some(e) => Err(e),
        }
    }

    /// Writes the unsaved records and then `new` in one write and one flush (see
    /// [`Unsaved::write`]). When that fails, the torn part is cut back off; then with
    /// `keep` an I/O failure keeps `new` unsaved (returned as `Ok(Some(error))`), without
    /// `keep` the error is returned and `new` dropped. Earlier unsaved records stay
    /// unsaved either way.
    fn write_records(&mut self, new: Option<Record>, keep: bool) -> Result<Option<ExamError>> {
        let mut prev = if self.unsaved.count() > 0 {
            self.unsaved_tail.clone()
        } else {
            self.state.last_crc.clone()
        };
        let mut line = String::new();
        if let Some(r) = &new {
            let json = serde_json::to_string(r).map_err(|e| ExamError::BadResult {
                path: self.path.clone(),
                message: Message::new("exam-internal").arg("error", e.to_string()),
            })?;
            let crc = line_mac(&self.mac_key, &self.exam_id, &prev, &json);
            line = format!("{crc} {json}\n");
            prev = crc;
        }
        let log = &mut self.log;
        let written = self.unsaved.write(
            line.as_bytes(),
            usize::from(new.is_some()),
            |_| keep && new.is_some(),
            |bytes| log.append(bytes).map_err(ExamError::from),
        )?;
        if written.is_none() {
            self.state.valid_len = self.log.len();
            self.state.last_crc = prev;
            self.unsaved_tail.clear();
        } else {
            self.unsaved_tail = prev;
        }
        Ok(written)
    }

    /// Answers and other records kept in memory because writing them failed.
    pub fn unsaved_count(&self) -> usize {
        self.unsaved.count()
    }

    /// Why the unsaved records could not be written, as of the latest attempt.
    pub fn unsaved_error(&self) -> Option<&str> {
        self.unsaved.error()
    }

    /// Tries again to write the unsaved records; returns how many were written (0 when
    /// there were none).
    pub(crate) fn retry_unsaved(&mut self) -> Result<usize> {
        let n = self.unsaved.count();
        if n > 0 {
            self.write_records(None, false)?;
        }
        Ok(n)
    }

    /// The exam's id.
    pub(crate) fn exam_id(&self) -> &str {
        &self.exam_id
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
    pub(crate) fn deadline(&self) -> DateTime<Utc> {
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
    pub(crate) fn state(&self) -> &ResultFile {
        &self.state
    }

    /// Hands the exam in like [`ResultWriter::finish`], but when writing fails the finish
    /// is kept in memory with any unsaved answers and written on the next retry; the
    /// sitting counts as handed in either way (used at time-up). Returns the write error,
    /// if any.
    pub(crate) fn finish_or_keep(&mut self, now: DateTime<Utc>) -> Option<ExamError> {
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

#[cfg(test)]
mod tests {
    use super::super::tests::{exam, t};
    use super::*;

    #[test]
    fn a_result_file_started_under_the_old_name_is_still_found() {
        let e = exam();
        let dir = tempfile::tempdir().unwrap();
        // Before transliteration a Cyrillic name had a hashed file name.
        let fresh = e.result_path(dir.path(), "Иван Петров");
        assert!(fresh.ends_with(format!("{}-ivan-petrov.{RESULT_EXT}", e.id)));
        let legacy = dir.path().join(format!(
            "{}-student-{:08x}.{RESULT_EXT}",
            e.id,
            crc32("Иван Петров".as_bytes())
        ));
        std::fs::write(&legacy, b"").unwrap();
        assert_eq!(e.result_path(dir.path(), "Иван Петров"), legacy);
        // Once a file under the current name exists, it wins.
        std::fs::write(&fresh, b"").unwrap();
        assert_eq!(e.result_path(dir.path(), "Иван Петров"), fresh);
        // Latin names never had another name.
        assert_eq!(
            e.result_path(dir.path(), "Jūlija"),
            dir.path().join(format!("{}-julija.{RESULT_EXT}", e.id))
        );
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
            let r = ResultFile::read(&path, &e).unwrap();
            assert!(!r.edited);
            std::fs::remove_file(&path).unwrap();
        }
        std::fs::write(&path, "something else\n").unwrap();
        assert!(ResultWriter::open(dir.path(), &e, "Ann", t(0)).is_err());
    }

    #[test]
    fn absurd_recorded_times_are_capped_not_a_panic() {
        // An edited file: hundreds of sittings, each from the earliest to the latest
        // representable time. Their sum exceeds `Duration::MAX`.
        let (min, max) = (DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC);
        let e = exam();
        let mut records = vec![Record::Start {
            exam: "unit-exam".into(),
            student: "Ann".into(),
            at: min,
            hash: e.hash(),
        }];
        for _ in 0..600 {
            records.push(Record::Resume { at: min });
            records.push(Record::Tick { at: max });
        }
        let mut text = format!("{RESULT_HEADER}\n");
        let mut prev = String::new();
        for r in &records {
            let json = serde_json::to_string(r).unwrap();
            prev = e.result_line_check(&prev, &json);
            text.push_str(&format!("{prev} {json}\n"));
        }
        let r = ResultFile::parse(text.as_bytes(), "unit-exam", &e.mac_key).unwrap();
        assert_eq!(r.time_used(), Duration::MAX);

        let dir = tempfile::tempdir().unwrap();
        std::fs::write(e.result_path(dir.path(), "Ann"), &text).unwrap();
        let class = merge_results(dir.path(), &e).unwrap();
        assert!(class.students[0].time_secs > 1_000_000);
        assert!(class.students[0].overtime);
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
        // Paused while closed; up to a checkpoint interval of the break counts.
        assert_eq!(w.remaining(t(1000)), Duration::seconds(600 - 130 - 10));
        assert_eq!(w.remaining(t(1030)), Duration::seconds(600 - 160 - 10));
        let r = w.finish(t(1030)).unwrap();
        assert_eq!(r.time_used(), Duration::seconds(160));
        // While the window is open, a second one cannot write the same sitting.
        assert!(matches!(
            ResultWriter::open(dir.path(), &e, "Ann Lee", t(1040)),
            Err(ExamError::InUse(_))
        ));
        drop(w);
        assert!(matches!(
            ResultWriter::open(
                dir.path(),
                &e,
                &format!("Ann Lee {}", "x".repeat(50)),
                t(2000)
            ),
            Err(ExamError::OtherStudent { .. })
        ));
        // The same student, typed without accents or capitals: the sitting is theirs.
        assert!(matches!(
            ResultWriter::open(dir.path(), &e, "ann  lee", t(2000)),
            Err(ExamError::AlreadyFinished(_))
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
