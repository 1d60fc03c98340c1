//! The command line: argument parsing (clap) and dispatch to one file per area. The only
//! place, with `main.rs`, where `anyhow` is used.

mod decks;
mod exam;
mod gui;
mod interop;
mod profile;

use anyhow::{Context, Result, bail};
use clap::{Parser, Subcommand, ValueEnum};
use quizdeck::deck::{self, Checked, Deck, DeckSummary, diag};
use quizdeck::exam::{Exam, ExamSettings, Feedback};
use quizdeck::import_export::{self, ImportExportError, ImportOptions};
use quizdeck::quiz::QuestionKind;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Offline flashcards and quizzes with spaced repetition.
#[derive(Parser, Debug)]
#[command(name = "quizdeck", version, about, disable_help_subcommand = true)]
pub struct Cli {
    /// Where profiles and progress are kept (default: $QUIZDECK_DATA, a `portable` file
    /// beside the program, or the platform's data folder).
    #[arg(long, global = true)]
    data_dir: Option<PathBuf>,
    /// A class deck folder: decks every profile on this PC sees, where "for everyone"
    /// imports go (default: $QUIZDECK_DECKS; also read: `decks` beside the program in
    /// portable mode and quizdeck/decks in the system data folders).
    #[arg(long, global = true)]
    decks_dir: Option<PathBuf>,
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
    /// Export a deck (a file, or the id of a bundled deck) as JSON, CSV, an Anki package
    /// (--format apkg -o FILE.apkg) or Moodle GIFT questions.
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
    /// Import a spreadsheet (CSV or TSV), Quizlet's export text or Moodle GIFT questions as
    /// a deck file (-o DECK.ron), or open a deck package (.qdeck) or an Anki package
    /// (.apkg, .colpkg) into a profile (--profile; an Anki review log becomes the profile's
    /// progress), the class deck folder (--everyone) or a folder (-o). The format is found
    /// from the file's content unless --format says it.
    Import {
        /// The file: .csv, .tsv, Quizlet .txt, .gift, .qdeck, .apkg or .colpkg.
        file: PathBuf,
        /// The file's format (default: found from its content).
        #[arg(long, value_enum, default_value = "auto")]
        format: interop::ImportFormat,
        /// Quizlet: between term and definition (tab, comma, or your own; default: a tab
        /// when the text has one, else a comma).
        #[arg(long)]
        term_sep: Option<String>,
        /// Quizlet: between cards (newline, semicolon, or your own; default: newline).
        #[arg(long)]
        card_sep: Option<String>,
        /// Id of the deck to create (spreadsheets).
        #[arg(long)]
        deck_id: Option<String>,
        /// Title of the deck to create (spreadsheets).
        #[arg(long)]
        title: Option<String>,
        /// The deck file to write (spreadsheets; if it exists, its card ids are reused for
        /// matching rows), or the folder to unpack a package into.
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// Skip rows with problems instead of writing nothing (spreadsheets).
        #[arg(long)]
        keep_going: bool,
        /// Import the package's deck into this profile (its name or folder name).
        #[arg(long, conflicts_with = "everyone")]
        profile: Option<String>,
        /// Import the package's deck into the class deck folder: every profile sees it.
        #[arg(long)]
        everyone: bool,
    },
    /// Pack a deck file and its pictures into one .qdeck package to email or copy.
    Pack {
        /// The deck file (.ron).
        deck: PathBuf,
        /// The package to write (.qdeck).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Fit personal FSRS parameters to a profile's review history and keep them when they
    /// predict the history better than the current ones.
    Optimize {
        /// The profile (its name or folder name).
        #[arg(long)]
        profile: String,
        /// Show what would change and write nothing (works while the profile is open in
        /// the app: it reads a consistent snapshot without the write lock).
        #[arg(long)]
        dry_run: bool,
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
    /// Write a profile's progress per deck (seen, mastered, 30-day retention, time) as CSV;
    /// with --all, every profile on this PC in one CSV (one row per student and deck).
    Report {
        /// The profile (its name or folder name).
        #[arg(long, required_unless_present = "all", conflicts_with = "all")]
        profile: Option<String>,
        /// Every profile in the data folder, with a `student` column.
        #[arg(long)]
        all: bool,
        /// The CSV file to write (default: standard output).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Evaluate FSRS on a review log (CSV: card_id, review_rating, review_time,
    /// review_duration): log loss and RMSE(bins), default against optimized parameters.
    ///
    /// One training item is made per answer given on a later day (UTC) than the card's
    /// previous answer. By default (`--order time`) the items are given to the fsrs crate
    /// in the time of their last answer, as `quizdeck optimize` does: the crate's recency
    /// weights and time-series splits assume that order, so recent reviews weigh most, as
    /// they should for a student whose memory changes. `--order card` groups the items by
    /// card, as the fsrs crate's own example and the figures it publishes do; use it to
    /// compare with those figures (on py-fsrs's public log: log loss 0.4647 default /
    /// 0.4548 fitted by card, 0.4539 / 0.4458 in time order).
    Eval {
        /// The review log.
        #[arg(long)]
        revlog: PathBuf,
        /// The order the items are given to the fsrs crate in.
        #[arg(long, value_enum, default_value = "time")]
        order: EvalOrder,
    },
    /// Print help: the commands, one command's options, or `deck-format`, the guide to
    /// writing deck files (built into the program).
    Help {
        /// A command's name, or `deck-format`.
        topic: Option<String>,
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
    ///
    /// A file exported from a profile with another name is refused unless --force is given
    /// (one student's progress merged into another's cannot be taken apart again). On a PC
    /// without the profile, --create makes it first.
    Import {
        /// The profile (its name or folder name).
        #[arg(long)]
        profile: String,
        /// The progress file.
        file: PathBuf,
        /// Also take the file's settings.
        #[arg(long)]
        with_settings: bool,
        /// Merge even when the file comes from a profile with another name.
        #[arg(long)]
        force: bool,
        /// Create the profile when this PC does not have it.
        #[arg(long)]
        create: bool,
    },
    /// Add a review log (the CSV `eval --revlog` reads: card_id, review_rating,
    /// review_time, review_duration) to a profile's history, so `quizdeck optimize` can fit
    /// the student's parameters from the reviews they already have.
    ///
    /// The answers are kept under a deck of their own (`--deck`, default `review-log`)
    /// that no library shows: they feed `optimize` and the statistics and change no deck's
    /// progress. Importing the same file again adds nothing.
    ImportRevlog {
        /// The profile (its name or folder name).
        #[arg(long)]
        profile: String,
        /// The review log (CSV).
        file: PathBuf,
        /// The deck id the log's cards are kept under.
        #[arg(long, default_value = "review-log")]
        deck: String,
    },
}

#[derive(Subcommand, Debug)]
enum ExamAction {
    /// Make an exam: NAME.ron for the students (no answers in readable form) and
    /// NAME.key.ron for the teacher (answers, secrets; never hand it out).
    New {
        /// Deck files or bundled decks' ids.
        #[arg(long = "deck", required = true, num_args = 1..)]
        decks: Vec<String>,
        /// Questions each student answers.
        #[arg(long, default_value_t = 30)]
        questions: usize,
        /// Draw each student's questions from a pool of this many (default: no pool).
        #[arg(long)]
        pool: Option<usize>,
        /// Whether the clock runs while the app is closed (wall) or pauses.
        #[arg(long, value_enum, default_value = "wall")]
        time: TimeArg,
        /// Time limit in minutes.
        #[arg(long, default_value_t = 20)]
        minutes: u32,
        /// Seed of the questions (default: random); kept in the key file only.
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
        #[arg(long, value_enum, default_value = "at-hand-in")]
        feedback: FeedbackArg,
        /// The students' exam file to write (the key file goes beside it).
        #[arg(short, long)]
        output: PathBuf,
    },
    /// Merge the result files in a folder: print the summary, list edited files, write CSV.
    Results {
        /// The folder with the students' .result files.
        dir: PathBuf,
        /// The teacher's key file (NAME.key.ron).
        #[arg(long)]
        exam: PathBuf,
        /// The CSV file to write (one row per student).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// A file of the hand-in receipts noted in the room (one per line, a name may
        /// follow): handed-in files matching none are flagged.
        #[arg(long)]
        receipts: Option<PathBuf>,
        /// Write the CSV without the UTF-8 byte-order mark.
        #[arg(long)]
        no_bom: bool,
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
    /// Results shown at hand-in (sealed with a key in the file: stops a text editor).
    #[value(alias = "after-end")]
    AtHandIn,
    /// Results shown once the teacher gives the class the exam's code.
    AfterCode,
    /// Results never shown in the app.
    Never,
}

/// How `eval` orders the training items.
#[derive(Copy, Clone, Debug, ValueEnum)]
enum EvalOrder {
    /// By the time of each item's last answer (recent reviews weigh most).
    Time,
    /// Grouped by card, as the fsrs crate's published figures.
    Card,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum TimeArg {
    /// The clock runs while the app is closed.
    Wall,
    /// The clock pauses while the app is closed.
    Pause,
}

#[derive(Copy, Clone, Debug, ValueEnum)]
enum ExportFormat {
    Json,
    Csv,
    /// An Anki package (needs -o FILE.apkg).
    Apkg,
    /// Moodle GIFT questions.
    Gift,
}

/// Runs the parsed command line: a subcommand, or the app when none is given.
pub fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        None => gui::run_gui(cli.data_dir.as_deref(), cli.decks_dir.as_deref()),
        Some(Command::Check { paths, json }) => decks::check(&paths, json),
        Some(Command::List { paths }) => decks::list(&paths),
        Some(Command::Export {
            deck,
            format,
            output,
        }) => match format {
            ExportFormat::Apkg => interop::export_apkg(&deck, output.as_deref()),
            ExportFormat::Gift => interop::export_gift(&deck, output.as_deref()),
            _ => decks::export(&deck, format, output.as_deref()),
        },
        Some(Command::Import {
            file,
            format,
            term_sep,
            card_sep,
            deck_id,
            title,
            output,
            keep_going,
            profile,
            everyone,
        }) => {
            let format = match format {
                interop::ImportFormat::Auto => interop::detect(&file)?,
                f => f,
            };
            if matches!(
                format,
                interop::ImportFormat::Qdeck | interop::ImportFormat::Anki
            ) {
                let to = match (profile, everyone, output) {
                    (Some(p), false, None) => decks::PackageTarget::Profile(p),
                    (None, true, None) => decks::PackageTarget::Everyone,
                    (None, false, Some(dir)) => decks::PackageTarget::Folder(dir),
                    _ => bail!("{}", quizdeck::tr!("cli-say-where-the-package-goes")),
                };
                if format == interop::ImportFormat::Anki {
                    return interop::import_anki(
                        &file,
                        to,
                        quizdeck::import_export::anki::AnkiOptions { deck_id, title },
                        cli.data_dir.as_deref(),
                        cli.decks_dir.as_deref(),
                    );
                }
                return decks::import_package(
                    &file,
                    to,
                    cli.data_dir.as_deref(),
                    cli.decks_dir.as_deref(),
                );
            }
            let (Some(deck_id), Some(title), Some(output)) = (deck_id, title, output) else {
                bail!(
                    "{}",
                    quizdeck::tr!(
                        "cli-importing-a-spreadsheet-needs-deck",
                        value = (quizdeck::package::EXTENSION).to_string()
                    )
                );
            };
            if matches!(
                format,
                interop::ImportFormat::Quizlet | interop::ImportFormat::Gift
            ) {
                let sep = |s: Option<String>| {
                    s.map(|s| quizdeck::import_export::quizlet::parse_separator(&s))
                        .transpose()
                        .map_err(|e| anyhow::anyhow!(e))
                };
                let separators = quizdeck::import_export::quizlet::QuizletSeparators {
                    term: sep(term_sep)?,
                    card: sep(card_sep)?,
                };
                return interop::import_text(
                    &file,
                    format,
                    interop::TextImport {
                        deck_id,
                        title,
                        output,
                        keep_going,
                        separators,
                    },
                );
            }
            decks::import(&file, deck_id, title, &output, keep_going)
        }
        Some(Command::Pack { deck, output }) => decks::pack(&deck, &output),
        Some(Command::Optimize { profile, dry_run }) => {
            profile::optimize(cli.data_dir.as_deref(), &profile, dry_run)
        }
        Some(Command::Progress { action }) => profile::progress(cli.data_dir.as_deref(), action),
        Some(Command::Profiles {
            action: Some(ProfilesAction::Create { name }),
        }) => profile::create(cli.data_dir.as_deref(), &name),
        Some(Command::Profiles { action: None }) => {
            let data = quizdeck::store::data_dir_from_env(cli.data_dir.as_deref())?;
            let list = quizdeck::store::Profiles::new(&data.path).list()?;
            println!(
                "{}",
                quizdeck::tr!("cli-data-folder", path = data.path.display().to_string())
            );
            for p in list {
                println!("{:<24} {}", p.slug, p.display_name);
            }
            Ok(ExitCode::SUCCESS)
        }
        Some(Command::Exam { action }) => exam::exam(action),
        Some(Command::Report {
            profile,
            all,
            output,
        }) => match profile {
            Some(profile) if !all => {
                profile::report(cli.data_dir.as_deref(), &profile, output.as_deref())
            }
            _ => profile::report_all(cli.data_dir.as_deref(), output.as_deref()),
        },
        Some(Command::Eval { revlog, order }) => profile::eval(&revlog, order),
        Some(Command::Help { topic }) => help(topic.as_deref()),
    }
}

/// The deck format guide, built into the program: a teacher has no `docs/` folder.
const DECK_FORMAT_GUIDE: &str = include_str!("../../docs/deck-format.md");

/// The command line's definition with every help text taken from the message files
/// (`help-…` in `assets/i18n/en/cli.ftl`: `help-<command path>-about` and `-long` for a
/// command, `help-<command path>--<argument>` and `-long` for an argument), so that they
/// can be corrected and translated like every other message.
pub fn command() -> clap::Command {
    use clap::CommandFactory;
    worded(Cli::command(), "help")
}

/// The message `key`, when the files have it.
fn help_text(key: &str) -> Option<String> {
    let t = quizdeck::i18n::tr(key, &[]);
    (t != key).then_some(t)
}

fn worded(mut cmd: clap::Command, key: &str) -> clap::Command {
    if let Some(t) = help_text(&format!("{key}-about")) {
        cmd = cmd.about(t);
    }
    if let Some(t) = help_text(&format!("{key}-long")) {
        cmd = cmd.long_about(t);
    }
    let args: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in args {
        let k = format!("{key}--{id}");
        let (short, long) = (help_text(&k), help_text(&format!("{k}-long")));
        cmd = cmd.mut_arg(id, |mut a| {
            if let Some(t) = short {
                a = a.help(t);
            }
            if let Some(t) = long {
                a = a.long_help(t);
            }
            a
        });
    }
    let subs: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_owned())
        .collect();
    for name in subs {
        let k = format!("{key}-{name}");
        cmd = cmd.mut_subcommand(name, |s| worded(s, &k));
    }
    cmd
}

/// `quizdeck help [TOPIC]`.
fn help(topic: Option<&str>) -> Result<ExitCode> {
    let mut cli = command();
    match topic {
        None => cli.print_long_help()?,
        Some("deck-format") => std::io::stdout()
            .lock()
            .write_all(DECK_FORMAT_GUIDE.as_bytes())?,
        Some(name) => {
            let topics: Vec<String> = cli
                .get_subcommands()
                .map(|c| c.get_name().to_owned())
                .collect();
            match cli.find_subcommand_mut(name) {
                Some(sub) => sub
                    .clone()
                    .bin_name(quizdeck::tr!("cli-quizdeck", name = name.to_string()))
                    .print_long_help()?,
                None => bail!(
                    "{}",
                    quizdeck::tr!(
                        "cli-no-help",
                        name = name.to_string(),
                        topics = topics.join(", ")
                    )
                ),
            }
        }
    }
    Ok(ExitCode::SUCCESS)
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
    fn every_help_text_comes_from_the_message_file() {
        use clap::CommandFactory;
        // Every text clap would show (from the code's doc comments) has its message, so
        // `--help` is worded by the file; and the worded command shows the file's texts.
        fn walk(raw: &clap::Command, worded: &clap::Command, key: &str, n: &mut usize) {
            let mut check = |k: String, shown: Option<&clap::builder::StyledStr>| {
                *n += 1;
                let text = super::help_text(&k).unwrap_or_else(|| panic!("no message {k}"));
                assert_eq!(shown.map(|s| s.to_string()), Some(text), "{k}");
            };
            if raw.get_about().is_some() {
                check(format!("{key}-about"), worded.get_about());
            }
            if raw.get_long_about().is_some() {
                check(format!("{key}-long"), worded.get_long_about());
            }
            for arg in raw.get_arguments() {
                let k = format!("{key}--{}", arg.get_id());
                let w = worded
                    .get_arguments()
                    .find(|a| a.get_id() == arg.get_id())
                    .expect("the same arguments");
                if arg.get_help().is_some() {
                    check(k.clone(), w.get_help());
                }
                if arg.get_long_help().is_some() {
                    check(format!("{k}-long"), w.get_long_help());
                }
            }
            for s in raw.get_subcommands() {
                let w = worded
                    .find_subcommand(s.get_name())
                    .expect("the same commands");
                walk(s, w, &format!("{key}-{}", s.get_name()), n);
            }
        }
        let mut n = 0;
        walk(&super::Cli::command(), &super::command(), "help", &mut n);
        assert!(n > 50, "only {n} texts");
    }

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
