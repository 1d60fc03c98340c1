//! `quizdeck import` and `export` for other tools' formats: Anki packages, Quizlet text,
//! Moodle GIFT; the format of an imported file is found from its content.

use super::*;
use quizdeck::import_export::anki::{self, AnkiOptions};
use quizdeck::import_export::gift;
use quizdeck::import_export::quizlet::{self, QuizletSeparators};

/// The format of a file to import.
#[derive(Copy, Clone, Debug, PartialEq, Eq, ValueEnum)]
pub(super) enum ImportFormat {
    /// Found from the file's content.
    Auto,
    /// A spreadsheet with a header row (CSV or TSV).
    Csv,
    /// Quizlet's export text (term and definition per line).
    Quizlet,
    /// Moodle GIFT questions.
    Gift,
    /// An Anki package (.apkg or .colpkg).
    Anki,
    /// A quizdeck package (.qdeck).
    Qdeck,
}

/// The header names a spreadsheet's question column may have.
const QUESTION_HEADERS: [&str; 6] = ["question", "front", "statement", "prompt", "text", "term"];

/// The format of `file`, from its content (zip entries, GIFT markers, a header row)
/// and, for ties, its extension.
pub(super) fn detect(file: &Path) -> Result<ImportFormat> {
    let ext = file
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    let (mut f, _) = quizdeck_core::input::open_regular(file)
        .with_context(|| quizdeck::tr!("cli-opening", path = file.display().to_string()))?;
    let mut head = [0u8; 4];
    let n = std::io::Read::read(&mut f, &mut head).unwrap_or(0);
    if n == 4 && (head == *b"PK\x03\x04" || head == *b"PK\x05\x06") {
        return Ok(if anki::is_anki_package(file) {
            ImportFormat::Anki
        } else {
            ImportFormat::Qdeck
        });
    }
    if ext == "qdeck" {
        return Ok(ImportFormat::Qdeck);
    }
    if ext == "apkg" || ext == "colpkg" {
        return Ok(ImportFormat::Anki);
    }
    match ext.as_str() {
        "csv" | "tsv" => return Ok(ImportFormat::Csv),
        "gift" => return Ok(ImportFormat::Gift),
        _ => {}
    }
    // A header row naming a question column is a spreadsheet (its cells may hold cloze
    // braces that look like GIFT); then GIFT's markers; else Quizlet's plain lines.
    let text = read_text(file)?;
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .next()
        .unwrap_or("")
        .to_lowercase();
    let has_header = first
        .split([',', ';', '\t'])
        .any(|c| QUESTION_HEADERS.contains(&c.trim().trim_matches('"')));
    Ok(if has_header {
        ImportFormat::Csv
    } else if gift::looks_like_gift(&text) {
        ImportFormat::Gift
    } else {
        ImportFormat::Quizlet
    })
}

fn read_text(file: &Path) -> Result<String> {
    let bytes = quizdeck_core::input::read_regular(file, import_export::MAX_CSV_BYTES)
        .with_context(|| quizdeck::tr!("cli-reading", path = file.display().to_string()))?
        .map_err(|t| {
            anyhow::anyhow!(
                "{}",
                quizdeck::tr!(
                    "cli-text-import-too-large",
                    file = file.display().to_string(),
                    size = t.size.div_ceil(1 << 20).to_string(),
                    limit = (import_export::MAX_CSV_BYTES >> 20).to_string()
                )
            )
        })?;
    import_export::decode_text(bytes).map_err(|m| anyhow::anyhow!("{}: {m}", file.display()))
}

/// What a text import needs besides the file.
pub(super) struct TextImport {
    pub deck_id: String,
    pub title: String,
    pub output: PathBuf,
    pub keep_going: bool,
    pub separators: QuizletSeparators,
}

/// `quizdeck import FILE` of Quizlet or GIFT text into a deck file.
pub(super) fn import_text(file: &Path, format: ImportFormat, t: TextImport) -> Result<ExitCode> {
    let text = read_text(file)?;
    let opts = ImportOptions {
        deck_id: t.deck_id,
        title: t.title,
        keep_going: t.keep_going,
    };
    if format == ImportFormat::Gift {
        decks::import_into_file(file, &t.output, "line", |_| {
            gift::import_gift_text(&text, file, &opts)
        })
    } else {
        decks::import_into_file(file, &t.output, "card", |existing| {
            quizlet::import_quizlet_text(&text, &t.separators, existing, &opts)
        })
    }
}

/// `quizdeck import FILE.apkg --profile NAME | --everyone | -o FOLDER`: the deck, its
/// pictures and (into a profile) the review log as the profile's progress.
pub(super) fn import_anki(
    file: &Path,
    to: decks::PackageTarget,
    opts: AnkiOptions,
    data_dir: Option<&Path>,
    decks_dir: Option<&Path>,
) -> Result<ExitCode> {
    let scratch = std::env::temp_dir();
    let imp = match anki::read_package(file, &scratch, &opts) {
        Ok(imp) => imp,
        Err(ImportExportError::Invalid { diagnostics }) => {
            for d in &diagnostics {
                eprintln!("{}", d.one_line());
            }
            eprintln!(
                "{}",
                quizdeck::tr!(
                    "cli-made-deck-has-errors",
                    file = file.display().to_string()
                )
            );
            return Ok(ExitCode::FAILURE);
        }
        Err(e) => return Err(e.into()),
    };
    for line in imp.report.lines() {
        eprintln!("{line}");
    }
    match to {
        decks::PackageTarget::Folder(dir) => {
            let deck_file = anki::write_deck_folder(&imp, &dir)?;
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-anki-wrote-folder",
                    file = deck_file.display().to_string(),
                    cards = imp.deck.cards.len(),
                    pictures = imp.pictures.len()
                )
            );
        }
        decks::PackageTarget::Everyone => {
            let class = quizdeck::store::class_dirs_from_env(decks_dir);
            let Some(first) = class.first() else {
                bail!("{}", quizdeck::tr!("cli-there-is-no-class-deck"));
            };
            let d = anki::import_into(&imp, &first.path)?;
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-anki-imported-everyone",
                    title = d.title.as_str(),
                    cards = d.cards,
                    place = first.describe()
                )
            );
        }
        decks::PackageTarget::Profile(name) => {
            let (mut store, now, info) = super::profile::open_profile_info(data_dir, &name)?;
            let d = anki::import_into(&imp, &info.decks_dir())?;
            let (settings, _) = store.load_settings::<quizdeck::settings::ProfileSettings>(now)?;
            let scheduler = quizdeck::schedule::Scheduler::new(settings.schedule.clone())?;
            let offset = *chrono::Local::now().fixed_offset().offset();
            let (states, history, future) =
                anki::progress_from_reviews(&imp.reviews, &scheduler, offset, now);
            let items = states.len();
            let bundle = quizdeck::store::ProgressBundle {
                format: quizdeck::store::bundle::FORMAT.to_owned(),
                version: quizdeck::store::bundle::VERSION,
                exported_at: now,
                profile_name: None,
                states,
                history,
                settings: None,
            };
            let r = store.import_bundle(bundle, now, false)?;
            store.close(now)?;
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-anki-imported-profile",
                    title = d.title.as_str(),
                    cards = d.cards,
                    profile = info.display_name.as_str(),
                    added = r.history_added,
                    duplicates = r.history_duplicates,
                    items = items
                )
            );
            if future > 0 {
                eprintln!("{}", quizdeck::tr!("cli-anki-future", n = future));
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// `quizdeck export DECK --format apkg -o FILE.apkg`.
pub(super) fn export_apkg(name: &str, output: Option<&Path>) -> Result<ExitCode> {
    let Some(out) = output else {
        bail!("{}", quizdeck::tr!("cli-apkg-needs-output"));
    };
    let d = decks::find_deck(name)?;
    let path = Path::new(name);
    let dir = path
        .exists()
        .then(|| path.parent().unwrap_or(Path::new(".")));
    let s = anki::export_apkg(&d, dir, out, chrono::Utc::now())?;
    eprintln!(
        "{}",
        quizdeck::tr!(
            "cli-apkg-wrote",
            file = out.display().to_string(),
            deck = d.id.as_str(),
            notes = s.notes,
            cards = s.cards,
            pictures = s.pictures,
            kib = s.bytes.div_ceil(1024)
        )
    );
    Ok(ExitCode::SUCCESS)
}

/// `quizdeck export DECK --format gift`.
pub(super) fn export_gift(name: &str, output: Option<&Path>) -> Result<ExitCode> {
    let d = decks::find_deck(name)?;
    let g = gift::export_gift(&d);
    let skipped = g
        .skipped
        .iter()
        .map(|(k, n)| format!("{n} {k}"))
        .collect::<Vec<_>>()
        .join(", ");
    match output {
        Some(p) => import_export::write_atomic(p, &g.text)?,
        None => std::io::stdout().lock().write_all(g.text.as_bytes())?,
    }
    let mut line = quizdeck::tr!(
        "cli-gift-questions",
        n = g.questions.to_string(),
        deck = d.id.as_str()
    );
    if let Some(p) = output {
        line = quizdeck::tr!(
            "cli-gift-wrote",
            file = p.display().to_string(),
            what = line
        );
    }
    if !skipped.is_empty() {
        line.push_str(&quizdeck::tr!("cli-gift-skipped", kinds = skipped.as_str()));
    }
    eprintln!("{line}");
    Ok(ExitCode::SUCCESS)
}
