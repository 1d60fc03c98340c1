//! The `quizdeck` binary: parses the command line, then runs a subcommand (or, with none,
//! the app).

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use quizdeck::deck::{self, Checked, Deck, diag};
use quizdeck::exam::{Exam, ExamSettings, Feedback};
use quizdeck::import_export::{self, ImportExportError, ImportOptions};
use quizdeck::quiz::QuestionKind;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Offline flashcards and quizzes with spaced repetition.
#[derive(Parser, Debug)]
#[command(name = "quizdeck", version, about)]
struct Cli {
    /// Where profiles and progress are kept (default: $QUIZDECK_DATA, a `portable` file
    /// beside the program, or the platform's data folder).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// Check deck files or folders and report every problem with file:line:column.
    Check {
        /// Deck files, or folders searched for *.ron.
        #[arg(required = true)]
        paths: Vec<PathBuf>,
        /// Print the diagnostics as JSON.
        #[arg(long)]
        json: bool,
    },
    /// List decks: id, title, cards, study items and kinds (the bundled decks by default).
    List {
        /// Deck files or folders; none lists the bundled decks.
        paths: Vec<PathBuf>,
    },
    /// Export a deck (a file, or the id of a bundled deck) as JSON or CSV.
    Export {
        /// A deck file, or a bundled deck's id.
        deck: String,
        /// Output format.
        #[arg(long, value_enum, default_value = "json")]
        format: ExportFormat,
        /// Write here instead of standard output.
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Import a spreadsheet (CSV or TSV) as a deck.
    Import {
        /// The .csv or .tsv file.
        file: PathBuf,
        /// Id of the deck to create.
        #[arg(long)]
        deck_id: String,
        /// Title of the deck to create.
        #[arg(long)]
        title: String,
        /// The deck file to write; if it exists, its card ids are reused for matching rows.
        #[arg(short, long)]
        output: PathBuf,
        /// Skip rows with problems instead of writing nothing.
        #[arg(long)]
        keep_going: bool,
    },
    /// Fit personal FSRS parameters to a profile's review history and keep them when they
    /// predict the history better than the current ones.
    Optimize {
        /// The profile (its name or folder name).
        #[arg(long)]
        profile: String,
    },
    /// Move a profile's progress between PCs as one file.
    Progress {
        #[command(subcommand)]
        action: ProgressAction,
    },
    /// List the profiles in the data folder.
    Profiles,
    /// Classroom exams: make an exam file, merge students' result files.
    Exam {
        #[command(subcommand)]
        action: ExamAction,
    },
    /// Write a profile's progress per deck (seen, mastered, 30-day retention, time) as CSV.
    Report {
        /// The profile (its name or folder name).
        #[arg(long)]
        profile: String,
        /// The CSV file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Evaluate FSRS on a review log (CSV: card_id, review_rating, review_time,
    /// review_duration): log loss and RMSE(bins), default against optimized parameters.
    Eval {
        /// The review log.
        #[arg(long)]
        revlog: PathBuf,
    },
}

#[derive(Subcommand, Debug)]
enum ProgressAction {
    /// Write the profile's progress (states, history, settings) to one file.
    Export {
        /// The profile (its name or folder name).
        #[arg(long)]
        profile: String,
        /// The file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Merge a progress file into a profile (per item, the more recent state wins).
    Import {
        /// The profile (its name or folder name).
        #[arg(long)]
        profile: String,
        /// The progress file.
        file: PathBuf,
        /// Also take the file's settings.
        #[arg(long)]
        with_settings: bool,
    },
}

#[derive(Subcommand, Debug)]
enum ExamAction {
    /// Make a self-contained exam file (the decks are embedded).
    New {
        /// Deck files or bundled decks' ids.
        #[arg(long = "deck", required = true, num_args = 1..)]
        decks: Vec<String>,
        /// Number of questions.
        #[arg(long, default_value_t = 30)]
        questions: usize,
        /// Time limit in minutes.
        #[arg(long, default_value_t = 20)]
        minutes: u32,
        /// Seed of the questions (default: from the clock); the same for every student.
        #[arg(long)]
        seed: Option<u64>,
        /// Allowed question forms, comma-separated (default: all).
        #[arg(long, value_enum, value_delimiter = ',', num_args = 1..)]
        kinds: Vec<KindArg>,
        /// Title shown to students.
        #[arg(long)]
        title: Option<String>,
        /// Exam id, which names result files (default: from the title and seed).
        #[arg(long)]
        id: Option<String>,
        /// When students see their results.
        #[arg(long, value_enum, default_value = "after-end")]
        feedback: FeedbackArg,
        /// The exam file to write.
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Merge the result files in a folder: print the summary, list edited files, write CSV.
    Results {
        /// The folder with the students' .result files.
        dir: PathBuf,
        /// The exam file.
        #[arg(long)]
        exam: PathBuf,
        /// The CSV file to write (one row per student).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum KindArg {
    MultipleChoice,
    TrueFalse,
    Typed,
    Match,
    Order,
    Cloze,
}

impl From<KindArg> for QuestionKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::MultipleChoice => QuestionKind::MultipleChoice,
            KindArg::TrueFalse => QuestionKind::TrueFalse,
            KindArg::Typed => QuestionKind::Typed,
            KindArg::Match => QuestionKind::Match,
            KindArg::Order => QuestionKind::Order,
            KindArg::Cloze => QuestionKind::Cloze,
        }
    }
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum FeedbackArg {
    AfterEnd,
    Never,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum ExportFormat {
    Json,
    Csv,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            eprintln!("error: {e:#}");
            ExitCode::FAILURE
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => run_gui(cli.data_dir.as_deref()),
        Some(Command::Check { paths, json }) => check(&paths, json),
        Some(Command::List { paths }) => list(&paths),
        Some(Command::Export {
            deck,
            format,
            output,
        }) => export(&deck, format, output.as_deref()),
        Some(Command::Import {
            file,
            deck_id,
            title,
            output,
            keep_going,
        }) => import(&file, deck_id, title, &output, keep_going),
        Some(Command::Optimize { profile }) => optimize(cli.data_dir.as_deref(), &profile),
        Some(Command::Progress { action }) => progress(cli.data_dir.as_deref(), action),
        Some(Command::Profiles) => {
            let data = quizdeck::store::data_dir_from_env(cli.data_dir.as_deref())?;
            let list = quizdeck::store::Profiles::new(&data.path).list()?;
            println!("data folder: {}", data.path.display());
            for p in list {
                println!("{:<24} {}", p.slug, p.display_name);
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Exam { action }) => exam(action),
        Some(Command::Report { profile, output }) => {
            report(cli.data_dir.as_deref(), &profile, &output)
        }
        Some(Command::Eval { revlog }) => {
            let report = quizdeck::schedule::optimize::eval_revlog(&revlog)
                .with_context(|| format!("evaluating {}", revlog.display()))?;
            println!("{report}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// Opens the desktop app on the chosen data folder.
fn run_gui(data_dir: Option<&Path>) -> Result<ExitCode> {
    let data = quizdeck::store::data_dir_from_env(data_dir)?;
    let offset = chrono::Local::now().fixed_offset().offset().to_owned();
    let icon = eframe::icon_data::from_png_bytes(include_bytes!("../assets/icon.png"))
        .context("the bundled icon is not a valid PNG")?;
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("quizdeck")
            .with_app_id("quizdeck")
            .with_inner_size([1100.0, 760.0])
            .with_min_inner_size([640.0, 480.0])
            .with_drag_and_drop(true)
            .with_icon(icon),
        ..Default::default()
    };
    let path = data.path.clone();
    // QUIZDECK_TIMING=1 prints the time from start to the first frame on stderr.
    let started = std::time::Instant::now();
    let timing = std::env::var_os("QUIZDECK_TIMING").is_some();
    eframe::run_native(
        "quizdeck",
        options,
        Box::new(move |cc| {
            if timing {
                let ctx = cc.egui_ctx.clone();
                std::thread::spawn(move || {
                    // The first frame is painted once egui reports a finished pass.
                    while ctx.cumulative_pass_nr() == 0 {
                        std::thread::sleep(std::time::Duration::from_millis(1));
                    }
                    eprintln!("first frame after {} ms", started.elapsed().as_millis());
                });
            }
            let clock: quizdeck::ui::Clock = Box::new(chrono::Utc::now);
            Ok(Box::new(quizdeck::ui::QuizApp::new(&path, clock, offset)))
        }),
    )
    .map_err(|e| anyhow::anyhow!("the window could not be opened: {e}"))?;
    Ok(ExitCode::SUCCESS)
}

/// Opens a profile's store for writing, by display name or folder name.
fn open_profile(
    data_dir: Option<&Path>,
    name: &str,
) -> Result<(quizdeck::store::Store, chrono::DateTime<chrono::Utc>)> {
    let (store, now, _) = open_profile_info(data_dir, name)?;
    Ok((store, now))
}

/// [`open_profile`], also giving the profile's folder information.
fn open_profile_info(
    data_dir: Option<&Path>,
    name: &str,
) -> Result<(
    quizdeck::store::Store,
    chrono::DateTime<chrono::Utc>,
    quizdeck::store::ProfileInfo,
)> {
    let now = chrono::Utc::now();
    let data = quizdeck::store::data_dir_from_env(data_dir)?;
    let list = quizdeck::store::Profiles::new(&data.path).list()?;
    let info = list
        .iter()
        .find(|p| p.slug == name || p.display_name == name)
        .with_context(|| {
            let names: Vec<&str> = list.iter().map(|p| p.display_name.as_str()).collect();
            format!(
                "no profile {name:?} in {} (profiles: {})",
                data.path.display(),
                names.join(", ")
            )
        })?;
    let (store, report) =
        quizdeck::store::Store::open(&info.dir, &quizdeck::store::OpenOptions::default(), now)?;
    if !report.is_empty() {
        eprintln!("{report}");
    }
    Ok((store, now, info.clone()))
}

fn exam(action: ExamAction) -> Result<ExitCode> {
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
            let id = id.unwrap_or_else(|| {
                let mut base = quizdeck::exam::student_slug(&title);
                base.truncate(40);
                let base = base.trim_end_matches('-');
                format!("{base}-{}", seed % 1_000_000)
            });
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

fn report(data_dir: Option<&Path>, profile: &str, output: &Path) -> Result<ExitCode> {
    let (store, now, info) = open_profile_info(data_dir, profile)?;
    let library = quizdeck::library::Library::load(Some(&info.decks_dir()));
    let history = store.history()?;
    let reports = quizdeck::report::progress_report(&library, store.states(), &history, now);
    import_export::write_atomic(output, &quizdeck::report::to_csv(&reports))?;
    println!("wrote {} ({} decks)", output.display(), reports.len());
    store.close(now)?;
    Ok(ExitCode::SUCCESS)
}

fn optimize(data_dir: Option<&Path>, profile: &str) -> Result<ExitCode> {
    use quizdeck::schedule::optimize::Verdict;
    use quizdeck::settings::ProfileSettings;
    let (store, now) = open_profile(data_dir, profile)?;
    let (mut settings, _) = store.load_settings::<ProfileSettings>(now)?;
    let history = store.history()?;
    let offset = chrono::Local::now().fixed_offset().offset().to_owned();
    let outcome = quizdeck::schedule::optimize::optimize(&history, &settings.schedule, offset)?;
    println!(
        "{} answers, {} training items",
        outcome.reviews, outcome.items
    );
    match outcome.verdict {
        Verdict::TooLittleHistory { reason } => {
            println!("kept the current parameters: {reason}");
        }
        Verdict::KeepCurrent {
            current, optimized, ..
        } => println!(
            "kept the current parameters: they predict as well (log loss {:.4}) as fitted ones ({:.4})",
            current.log_loss, optimized.log_loss
        ),
        Verdict::UseNew {
            parameters,
            current,
            optimized,
        } => {
            settings.schedule.parameters = parameters;
            store.save_settings(&settings)?;
            println!(
                "saved personal parameters: log loss {:.4} → {:.4}, RMSE(bins) {:.4} → {:.4}",
                current.log_loss, optimized.log_loss, current.rmse_bins, optimized.rmse_bins
            );
        }
    }
    store.close(now)?;
    Ok(ExitCode::SUCCESS)
}

fn progress(data_dir: Option<&Path>, action: ProgressAction) -> Result<ExitCode> {
    match action {
        ProgressAction::Export { profile, output } => {
            let (store, now) = open_profile(data_dir, &profile)?;
            let s = store.export_progress(&output, now)?;
            println!(
                "wrote {}: {} items, {} answers",
                output.display(),
                s.items,
                s.answers
            );
            store.close(now)?;
        }
        ProgressAction::Import {
            profile,
            file,
            with_settings,
        } => {
            let (mut store, now) = open_profile(data_dir, &profile)?;
            let r = store.import_progress(&file, now, with_settings)?;
            println!(
                "merged {}: {} item states taken, {} kept (newer here), {} answers added, {} already present",
                file.display(),
                r.states_taken,
                r.states_kept,
                r.history_added,
                r.history_duplicates
            );
            store.close(now)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn check(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let files = deck::discover(paths)?;
    if files.is_empty() {
        bail!("no deck files (*.ron) found in {}", show_paths(paths));
    }
    let results: Vec<Checked> = files.iter().map(|f| deck::check_file(f)).collect();
    let all: Vec<&diag::Diagnostic> = results.iter().flat_map(|c| &c.diagnostics).collect();
    let errors = all.iter().filter(|d| d.is_error()).count();
    let warnings = all.len() - errors;
    let mut out = std::io::stdout().lock();
    if json {
        let report: Vec<serde_json::Value> = results
            .iter()
            .map(|c| {
                serde_json::json!({
                    "file": c.file,
                    "ok": !c.has_errors(),
                    "cards": c.deck.as_ref().map(|d| d.cards.len()),
                    "items": c.deck.as_ref().map(Deck::item_count),
                    "diagnostics": c.diagnostics,
                })
            })
            .collect();
        writeln!(out, "{}", serde_json::to_string_pretty(&report)?)?;
    } else {
        for c in &results {
            if !c.diagnostics.is_empty() {
                writeln!(out, "{}", c.render())?;
            }
        }
        for c in &results {
            match &c.deck {
                Some(d) => writeln!(
                    out,
                    "ok    {}  ({} cards, {} study items)",
                    c.file,
                    d.cards.len(),
                    d.item_count()
                )?,
                None => writeln!(out, "FAIL  {}", c.file)?,
            }
        }
        writeln!(
            out,
            "checked {} deck file(s): {errors} error(s), {warnings} warning(s)",
            results.len()
        )?;
    }
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

fn show_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

fn list(paths: &[PathBuf]) -> Result<ExitCode> {
    let checked: Vec<Checked> = if paths.is_empty() {
        deck::bundled::check_all()
    } else {
        deck::discover(paths)?
            .iter()
            .map(|f| deck::check_file(f))
            .collect()
    };
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:<30} {:<48} {:>5} {:>5}  kinds",
        "id", "title", "cards", "items"
    )?;
    let mut failed = false;
    for c in &checked {
        match &c.deck {
            Some(d) => {
                let kinds: Vec<&str> = d.kinds_used().iter().map(|k| k.as_str()).collect();
                let title: String = d.title.chars().take(48).collect();
                writeln!(
                    out,
                    "{:<30} {:<48} {:>5} {:>5}  {}",
                    d.id,
                    title,
                    d.cards.len(),
                    d.item_count(),
                    kinds.join(", ")
                )?;
            }
            None => {
                failed = true;
                writeln!(
                    out,
                    "{:<30} (has errors: run `quizdeck check {}`)",
                    c.file, c.file
                )?;
            }
        }
    }
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// A deck from a file path, or else from the bundled decks by id.
fn find_deck(name: &str) -> Result<Deck> {
    let path = Path::new(name);
    let checked = if path.exists() {
        deck::check_file(path)
    } else {
        deck::bundled::check_all()
            .into_iter()
            .find(|c| c.deck.as_ref().is_some_and(|d| d.id.as_str() == name))
            .with_context(|| format!("{name} is neither a deck file nor a bundled deck's id"))?
    };
    if checked.has_errors() {
        eprintln!("{}", checked.render());
    }
    Ok(checked.into_result()?)
}

fn export(name: &str, format: ExportFormat, output: Option<&Path>) -> Result<ExitCode> {
    let d = find_deck(name)?;
    let text = match format {
        ExportFormat::Json => import_export::export_json(&d)?,
        ExportFormat::Csv => import_export::export_csv(&d)?,
    };
    match output {
        Some(p) => import_export::write_atomic(p, &text)?,
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

fn import(
    file: &Path,
    deck_id: String,
    title: String,
    output: &Path,
    keep_going: bool,
) -> Result<ExitCode> {
    let existing = if output.exists() {
        let c = deck::check_file(output);
        if c.has_errors() {
            eprintln!("{}", c.render());
            bail!(
                "{} exists and has errors; fix or move it first, so its card ids (and students' progress) are kept",
                output.display()
            );
        }
        c.deck
    } else {
        None
    };
    let opts = ImportOptions {
        deck_id,
        title,
        keep_going,
    };
    match import_export::import_csv(file, existing.as_ref(), &opts) {
        Ok(outcome) => {
            for p in &outcome.problems {
                eprintln!("{}: {p}", file.display());
            }
            import_export::write_atomic(output, &deck::to_ron(&outcome.deck))?;
            println!(
                "wrote {} ({} cards{})",
                output.display(),
                outcome.deck.cards.len(),
                if outcome.reused_ids > 0 {
                    format!(", {} ids kept from the existing deck", outcome.reused_ids)
                } else {
                    String::new()
                }
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportExportError::Rows { problems }) => {
            for p in &problems {
                eprintln!("{}: {p}", file.display());
            }
            eprintln!("nothing was written: fix the rows above, or pass --keep-going to skip them");
            Ok(ExitCode::FAILURE)
        }
        Err(ImportExportError::Invalid { diagnostics }) => {
            for d in &diagnostics {
                eprintln!("{}", d.one_line());
            }
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}
