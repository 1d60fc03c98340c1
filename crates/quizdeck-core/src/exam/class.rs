//! A class's results: every student's result file merged by question id against the
//! teacher's key, outcomes and flags per student, the class CSV and the per-question
//! summary.

use super::*;

/// Seconds over the time limit tolerated before a result is flagged (a slow disk at
/// time-up, a clock read a moment late).
pub(crate) const OVERTIME_GRACE_SECS: i64 = 30;

/// What a student did with one question of the pool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// Answered right.
    Right,
    /// Answered wrong.
    Wrong,
    /// On the student's paper, not answered.
    Unanswered,
    /// Not on the student's paper (a pool larger than each paper).
    NotAsked,
}

impl Outcome {
    /// One letter for tables: R, W, -, or empty when not asked.
    pub fn letter(self) -> &'static str {
        match self {
            Outcome::Right => "R",
            Outcome::Wrong => "W",
            Outcome::Unanswered => "-",
            Outcome::NotAsked => "",
        }
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
    /// Questions on the student's paper.
    pub asked: usize,
    /// Share right, 0–100.
    pub percent: f64,
    /// Time used under the exam's time policy, in whole seconds.
    pub time_secs: i64,
    /// Time between sittings (app closed or killed), in whole seconds.
    pub away_secs: i64,
    /// How often the sitting was resumed.
    pub resumes: usize,
    /// Per pool question (by id `q1`, `q2`, …): the outcome.
    pub outcomes: Vec<Outcome>,
    /// Whether the exam was handed in.
    pub finished: bool,
    /// Whether the file fails its checks (edited, fabricated, damaged).
    pub edited: bool,
    /// Whether the student's app read an exam other than the key's (edited minutes,
    /// feedback, questions).
    pub exam_edited: bool,
    /// Whether the time used exceeds the limit plus [`OVERTIME_GRACE_SECS`].
    pub overtime: bool,
    /// The receipt code of the file as it is now.
    pub receipt: String,
    /// Receipts were given and this handed-in file matches none of them.
    pub receipt_mismatch: bool,
}

impl StudentResult {
    /// The flags, as short words for tables ("EDITED", "EXAM EDITED", …).
    pub fn flags(&self) -> Vec<&'static str> {
        let mut v = Vec::new();
        if !self.finished {
            v.push("NOT HANDED IN");
        }
        if self.edited {
            v.push("EDITED");
        }
        if self.exam_edited {
            v.push("EXAM EDITED");
        }
        if self.overtime {
            v.push("OVER TIME");
        }
        if self.receipt_mismatch {
            v.push("RECEIPT MISMATCH");
        }
        v
    }
}

/// One pool question's class figures.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionSummary {
    /// The question's id (`q1`, …).
    pub id: String,
    /// The question's prompt.
    pub prompt: String,
    /// Students who had it on their paper.
    pub asked: usize,
    /// Students who got it right.
    pub right: usize,
    /// Share of those asked who got it right, 0–100 (0 when nobody was asked).
    pub percent: f64,
}

/// A class's merged results.
#[derive(Debug, Clone, PartialEq)]
pub struct ClassResults {
    /// The exam's id.
    pub exam_id: String,
    /// The exam's title.
    pub title: String,
    /// The pool questions' prompts (question `i` has id `q{i+1}`).
    pub(crate) prompts: Vec<String>,
    /// Students, by name (then file).
    pub students: Vec<StudentResult>,
    /// Result files of this exam that could not be used, with the reason.
    pub unreadable: Vec<(PathBuf, Message)>,
}

/// Merges every `<exam id>-*.result` file in `dir` into class results, graded with the
/// teacher's key (`key` must be read from the key file). With `receipts`, every
/// handed-in file must match one of them. A folder without result files of this exam
/// is an error ([`ExamError::NoResults`]).
pub fn merge_results_with(
    dir: &Path,
    key: &Exam,
    receipts: Option<&[String]>,
) -> Result<ClassResults> {
    if !key.has_answers {
        return Err(ExamError::NeedsKey);
    }
    let prefix = format!("{}-", key.id);
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(io_err("list", dir))?
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == RESULT_EXT)
                && p.file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| n.starts_with(&prefix))
        })
        .collect();
    if files.is_empty() {
        return Err(ExamError::NoResults {
            dir: dir.to_owned(),
            exam: key.id.clone(),
        });
    }
    files.sort();
    let hash = key.hash();
    let limit = key.time_limit().num_seconds() + OVERTIME_GRACE_SECS;
    let receipts: Option<Vec<String>> =
        receipts.map(|r| r.iter().map(|c| seal::normalize_code(c)).collect());
    let mut out = ClassResults {
        exam_id: key.id.clone(),
        title: key.title.clone(),
        prompts: key.questions.iter().map(|q| q.prompt.clone()).collect(),
        students: Vec::new(),
        unreadable: Vec::new(),
    };
    for f in files {
        let bytes = match read_capped(&f) {
            Ok(b) => b,
            Err(e) => {
                out.unreadable.push((f, e.message()));
                continue;
            }
        };
        let r = match ResultFile::parse(&bytes, &key.id, &key.mac_key) {
            Ok(r) => r,
            Err(e) => {
                out.unreadable.push((f, e));
                continue;
            }
        };
        let paper = key.paper(&r.student);
        let mut outcomes = vec![Outcome::NotAsked; key.questions.len()];
        let mut score = 0;
        for (pos, (&pool, q)) in paper
            .pool_index
            .iter()
            .zip(&paper.test.questions)
            .enumerate()
        {
            outcomes[pool] = match r.answers.get(&pos) {
                None => Outcome::Unanswered,
                Some(a) if q.is_right(&a.answer) => {
                    score += 1;
                    Outcome::Right
                }
                Some(_) => Outcome::Wrong,
            };
        }
        let asked = paper.pool_index.len();
        let time_secs = r.time_used_with(key.settings.time_policy).num_seconds();
        let receipt = ResultFile::receipt(&bytes);
        let finished = r.finished.is_some();
        out.students.push(StudentResult {
            name: r.student.clone(),
            file: f,
            score,
            asked,
            percent: share(score, asked),
            time_secs,
            away_secs: r.time_away().num_seconds(),
            resumes: r.resumes(),
            outcomes,
            finished,
            edited: r.edited,
            exam_edited: r.exam_hash != hash,
            overtime: time_secs > limit,
            receipt_mismatch: finished
                && receipts
                    .as_ref()
                    .is_some_and(|list| !list.contains(&seal::normalize_code(&receipt))),
            receipt,
        });
    }
    out.students
        .sort_by(|a, b| (&a.name, &a.file).cmp(&(&b.name, &b.file)));
    Ok(out)
}

/// [`merge_results_with`] without receipts.
pub fn merge_results(dir: &Path, key: &Exam) -> Result<ClassResults> {
    merge_results_with(dir, key, None)
}

impl ClassResults {
    /// The class table as CSV rows: one per student with name, score, questions asked,
    /// percent, time used, time away, resumes, flags, receipt, then R/W/- per pool
    /// question by id (empty when not asked).
    pub(crate) fn csv_rows(&self) -> Vec<Vec<String>> {
        let mut header: Vec<String> = [
            "name",
            "score",
            "asked",
            "percent",
            "time_secs",
            "away_secs",
            "resumes",
            "flags",
            "receipt",
        ]
        .map(String::from)
        .to_vec();
        header.extend((0..self.prompts.len()).map(Exam::question_id));
        let mut rows = vec![header];
        for s in &self.students {
            let mut row = vec![
                s.name.clone(),
                s.score.to_string(),
                s.asked.to_string(),
                format!("{:.1}", s.percent),
                s.time_secs.to_string(),
                s.away_secs.to_string(),
                s.resumes.to_string(),
                s.flags().join(" "),
                s.receipt.clone(),
            ];
            row.extend(s.outcomes.iter().map(|o| o.letter().to_owned()));
            rows.push(row);
        }
        rows
    }

    /// The class table as CSV text (see [`ClassResults::csv_rows`]), written by the
    /// shared CSV writer ([`crate::csv_out`]).
    pub fn to_csv(&self, opts: crate::csv_out::CsvOptions) -> String {
        crate::csv_out::write(&self.csv_rows(), opts)
    }

    /// Per-question share right among those asked, hardest first (ties by id order).
    pub fn summary(&self) -> Vec<QuestionSummary> {
        let mut v: Vec<(usize, QuestionSummary)> = self
            .prompts
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let asked = self
                    .students
                    .iter()
                    .filter(|s| s.outcomes.get(i).is_some_and(|o| *o != Outcome::NotAsked))
                    .count();
                let right = self
                    .students
                    .iter()
                    .filter(|s| s.outcomes.get(i) == Some(&Outcome::Right))
                    .count();
                (
                    i,
                    QuestionSummary {
                        id: Exam::question_id(i),
                        prompt: p.clone(),
                        asked,
                        right,
                        percent: share(right, asked),
                    },
                )
            })
            .collect();
        v.sort_by(|a, b| a.1.percent.total_cmp(&b.1.percent).then(a.0.cmp(&b.0)));
        v.into_iter().map(|(_, q)| q).collect()
    }

    /// Students whose result files fail their checks.
    pub fn edited(&self) -> Vec<&StudentResult> {
        self.students.iter().filter(|s| s.edited).collect()
    }
}
