//! `quizdeck exam new|results`: classroom exams from the command line.

use super::decks::find_deck;
use super::*;
use quizdeck::csv_out::CsvOptions;
use quizdeck::exam::{TimePolicy, merge_results_with};

pub(super) fn exam(action: ExamAction) -> Result<ExitCode> {
    match action {
        ExamAction::New {
            decks,
            questions,
            pool,
            time,
            minutes,
            seed,
            kinds,
            title,
            id,
            feedback,
            output,
        } => {
            if let Some(key) = Exam::earlier_key(&output) {
                anyhow::bail!(
                    "{}",
                    quizdeck::tr!("cli-exam-key-exists", key = key.display().to_string())
                );
            }
            let decks: Vec<Deck> = decks.iter().map(|d| find_deck(d)).collect::<Result<_>>()?;
            let master = quizdeck::exam::seal::fresh_master().map_err(anyhow::Error::msg)?;
            let seed = seed.unwrap_or_else(|| quizdeck::exam::seed_from_master(&master));
            let kinds: Vec<QuestionKind> = if kinds.is_empty() {
                QuestionKind::ALL.to_vec()
            } else {
                kinds.into_iter().map(QuestionKind::from).collect()
            };
            let title = title.unwrap_or_else(|| {
                let titles: Vec<&str> = decks.iter().map(|d| d.title.as_str()).collect();
                quizdeck::tr!("cli-exam", value = (titles.join(", ")).to_string())
            });
            let id = id.unwrap_or_else(|| quizdeck::exam::id_from_master(&title, &master));
            let settings = ExamSettings {
                question_count: questions,
                kinds,
                seed,
                minutes,
                feedback: match feedback {
                    FeedbackArg::AtHandIn => Feedback::AtHandIn,
                    FeedbackArg::AfterCode => Feedback::AfterCode,
                    FeedbackArg::Never => Feedback::Never,
                },
                time_policy: match time {
                    TimeArg::Wall => TimePolicy::WallTime,
                    TimeArg::Pause => TimePolicy::Pause,
                },
                pool,
            };
            let e = Exam::create(id, title, &decks, settings, master)?;
            e.save(&output)?;
            let n = e.settings.question_count;
            let key = Exam::key_path(&output);
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-wrote-for-the-students-exam",
                    output = output.display().to_string(),
                    id = e.id.to_string(),
                    n = n.to_string(),
                    value = (match pool {
                        Some(p) => quizdeck::tr!(
                            "cli-exam-from-pool",
                            n = e.questions.len().min(p).to_string()
                        ),
                        None => String::new(),
                    })
                    .to_string(),
                    minutes = minutes.to_string()
                )
            );
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-wrote-for-you-it-grades",
                    key = key.display().to_string()
                )
            );
            if let Some(code) = &e.teacher_code {
                println!(
                    "{}",
                    quizdeck::tr!("cli-teacher-s-code-tell-the", code = code.to_string())
                );
            }
            if n < questions || pool.is_some_and(|p| e.questions.len() < p) {
                eprintln!(
                    "{}",
                    quizdeck::tr!(
                        "cli-note-these-decks-give-only",
                        questions = e.questions.len().to_string()
                    )
                );
            }
            Ok(ExitCode::SUCCESS)
        }
        ExamAction::Results {
            dir,
            exam,
            output,
            receipts,
            no_bom,
        } => {
            let e = Exam::load(&exam)?;
            let receipts: Option<Vec<String>> = match &receipts {
                Some(path) => Some(
                    std::fs::read_to_string(path)
                        .with_context(|| {
                            quizdeck::tr!("cli-reading", path = path.display().to_string())
                        })?
                        .lines()
                        .filter_map(|l| l.split_whitespace().next().map(str::to_owned))
                        .collect(),
                ),
                None => None,
            };
            let class = match merge_results_with(&dir, &e, receipts.as_deref()) {
                Ok(c) => c,
                Err(err @ quizdeck::exam::ExamError::NoResults { .. }) => {
                    eprintln!("{err}");
                    return Ok(ExitCode::FAILURE);
                }
                Err(err) => return Err(err.into()),
            };
            let mut out = std::io::stdout().lock();
            writeln!(
                out,
                "{}",
                quizdeck::tr!(
                    "cli-exam-class",
                    title = class.title.as_str(),
                    id = class.exam_id.to_string(),
                    students = class.students.len().to_string()
                )
            )?;
            for s in &class.students {
                let flags = s.flags();
                writeln!(
                    out,
                    "  {}{}",
                    quizdeck::tr!(
                        "cli-exam-student-row",
                        name = format!("{:<30}", s.name),
                        score = format!("{:>3}", s.score),
                        asked = format!("{:<3}", s.asked),
                        percent = format!("{:>5.1}", s.percent),
                        used = format!("{:>5}", s.time_secs),
                        away = format!("{:>5}", s.away_secs),
                        resumes = s.resumes.to_string()
                    ),
                    if flags.is_empty() {
                        String::new()
                    } else {
                        format!("  {}", flags.join(", "))
                    }
                )?;
                let per: Vec<String> = s
                    .outcomes
                    .iter()
                    .enumerate()
                    .filter(|(_, o)| **o != quizdeck::exam::Outcome::NotAsked)
                    .map(|(i, o)| format!("{}:{}", Exam::question_id(i), o.letter()))
                    .collect();
                writeln!(out, "      {}", per.join(" "))?;
            }
            writeln!(out, "{}", quizdeck::tr!("cli-exam-hardest-first"))?;
            for q in class.summary() {
                let prompt: String = q.prompt.chars().take(70).collect();
                writeln!(
                    out,
                    "  {}",
                    quizdeck::tr!(
                        "cli-exam-question-row",
                        id = format!("{:<4}", q.id),
                        percent = format!("{:>5.1}", q.percent),
                        right = q.right.to_string(),
                        asked = q.asked.to_string(),
                        prompt = prompt
                    )
                )?;
            }
            let edited = class.edited();
            if !edited.is_empty() {
                writeln!(out, "{}", quizdeck::tr!("cli-exam-flagged-edited"))?;
                for s in edited {
                    writeln!(out, "  {}", s.file.display())?;
                }
            }
            for (f, why) in &class.unreadable {
                eprintln!(
                    "{}",
                    quizdeck::tr!(
                        "cli-skipped",
                        f = f.display().to_string(),
                        why = why.to_string()
                    )
                );
            }
            if let Some(path) = output {
                let csv = class.to_csv(CsvOptions { bom: !no_bom });
                import_export::write_atomic(&path, &csv)?;
                writeln!(
                    out,
                    "{}",
                    quizdeck::tr!("cli-wrote-file", path = path.display().to_string())
                )?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
