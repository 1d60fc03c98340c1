//! `quizdeck exam new|results`: classroom exams from the command line.

use super::decks::find_deck;
use super::*;

pub(super) fn exam(action: ExamAction) -> Result<ExitCode> {
    match action {
        ExamAction::New {
            decks,
            questions,
            minutes,
            seed,
            kinds,
            title,
            id,
            feedback,
            output,
        } => {
            let decks: Vec<Deck> = decks.iter().map(|d| find_deck(d)).collect::<Result<_>>()?;
            let seed = seed.unwrap_or_else(|| chrono::Utc::now().timestamp_micros() as u64);
            let kinds: Vec<QuestionKind> = if kinds.is_empty() {
                QuestionKind::ALL.to_vec()
            } else {
                kinds.into_iter().map(QuestionKind::from).collect()
            };
            let title = title.unwrap_or_else(|| {
                let titles: Vec<&str> = decks.iter().map(|d| d.title.as_str()).collect();
                format!("Exam: {}", titles.join(", "))
            });
            let id = id.unwrap_or_else(|| quizdeck::exam::exam_id(&title, seed));
            let settings = ExamSettings {
                question_count: questions,
                kinds,
                seed,
                minutes,
                feedback: match feedback {
                    FeedbackArg::AfterEnd => Feedback::AfterEnd,
                    FeedbackArg::Never => Feedback::Never,
                },
            };
            let e = Exam::new(id, title, decks, settings)?;
            let n = e.test()?.questions.len();
            e.save(&output)?;
            println!(
                "wrote {} (exam {}, {n} questions, {minutes} minutes, seed {seed})",
                output.display(),
                e.id
            );
            if n < questions {
                eprintln!("note: these decks give only {n} questions in the chosen forms");
            }
            Ok(ExitCode::SUCCESS)
        }
        ExamAction::Results { dir, exam, output } => {
            let e = Exam::load(&exam)?;
            let class = quizdeck::exam::merge_results(&dir, &e)?;
            let mut out = std::io::stdout().lock();
            writeln!(
                out,
                "{} ({}): {} student(s)",
                class.title,
                class.exam_id,
                class.students.len()
            )?;
            for s in &class.students {
                writeln!(
                    out,
                    "  {:<30} {:>3}/{} {:>5.1}%  {:>5} s{}{}",
                    s.name,
                    s.score,
                    s.right.len(),
                    s.percent,
                    s.time_secs,
                    if s.finished { "" } else { "  (not handed in)" },
                    if s.edited { "  EDITED" } else { "" }
                )?;
            }
            writeln!(out, "questions, hardest first:")?;
            for q in class.summary() {
                let prompt: String = q.prompt.chars().take(70).collect();
                writeln!(
                    out,
                    "  q{:<3} {:>5.1}% right  {prompt}",
                    q.number, q.percent
                )?;
            }
            let edited = class.edited();
            if !edited.is_empty() {
                writeln!(out, "flagged as edited (checksums do not match):")?;
                for s in edited {
                    writeln!(out, "  {}", s.file.display())?;
                }
            }
            for (f, why) in &class.unreadable {
                eprintln!("skipped {}: {why}", f.display());
            }
            if let Some(path) = output {
                import_export::write_atomic(&path, &class.to_csv())?;
                writeln!(out, "wrote {}", path.display())?;
            }
            Ok(ExitCode::SUCCESS)
        }
    }
}
