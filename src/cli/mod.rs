//! The command line: argument parsing (clap) and dispatch to one file per area. The only
//! place, with `main.rs`, where `anyhow` is used.

mod decks;
mod exam;
mod gui;
mod profile;

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
pub struct Cli {
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
    /// List the profiles in the data folder (or create one).
    Profiles {
        #[command(subcommand)]
        action: Option<ProfilesAction>,
    },
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

/// What to do with profiles.
#[derive(Subcommand, Debug)]
pub enum ProfilesAction {
    /// Create a profile (names are unique regardless of case: "Student" is refused when
    /// "student" exists).
    Create {
        /// The name shown in the app.
        name: String,
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

/// Runs the parsed command line: a subcommand, or the app when none is given.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => gui::run_gui(cli.data_dir.as_deref()),
        Some(Command::Check { paths, json }) => decks::check(&paths, json),
        Some(Command::List { paths }) => decks::list(&paths),
        Some(Command::Export {
            deck,
            format,
            output,
        }) => decks::export(&deck, format, output.as_deref()),
        Some(Command::Import {
            file,
            deck_id,
            title,
            output,
            keep_going,
        }) => decks::import(&file, deck_id, title, &output, keep_going),
        Some(Command::Optimize { profile }) => profile::optimize(cli.data_dir.as_deref(), &profile),
        Some(Command::Progress { action }) => profile::progress(cli.data_dir.as_deref(), action),
        Some(Command::Profiles {
            action: Some(ProfilesAction::Create { name }),
        }) => profile::create(cli.data_dir.as_deref(), &name),
        Some(Command::Profiles { action: None }) => {
            let data = quizdeck::store::data_dir_from_env(cli.data_dir.as_deref())?;
            let list = quizdeck::store::Profiles::new(&data.path).list()?;
            println!("data folder: {}", data.path.display());
            for p in list {
                println!("{:<24} {}", p.slug, p.display_name);
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Exam { action }) => exam::exam(action),
        Some(Command::Report { profile, output }) => {
            profile::report(cli.data_dir.as_deref(), &profile, &output)
        }
        Some(Command::Eval { revlog }) => {
            let report = quizdeck::schedule::optimize::eval_revlog(&revlog)
                .with_context(|| format!("evaluating {}", revlog.display()))?;
            println!("{report}");
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// An error and its causes on one line, `outer: cause: cause`, leaving out a cause whose
/// text the line already ends with (our errors name their OS error in their own message,
/// so `{:#}` would print "Is a directory (os error 21)" twice).
pub fn error_chain(e: &anyhow::Error) -> String {
    let mut line = String::new();
    for cause in e.chain() {
        let text = cause.to_string();
        if line.ends_with(&text) {
            continue;
        }
        if !line.is_empty() {
            line.push_str(": ");
        }
        line.push_str(&text);
    }
    line
}

#[cfg(test)]
mod tests {
    #[test]
    fn an_os_error_is_named_once() {
        let io = std::io::Error::from_raw_os_error(21);
        let e = anyhow::Error::new(quizdeck::store::StoreError::Io {
            action: "read",
            path: "/p/journal.log".into(),
            source: io,
        })
        .context("cannot open the profile");
        let line = super::error_chain(&e);
        assert_eq!(line.matches("os error 21").count(), 1, "{line}");
        assert!(line.starts_with("cannot open the profile: could not read /p/journal.log: "));
    }
}
