//! Commands on deck files: `check`, `list`, `export`, `import`, `pack`.

use super::*;

pub(super) fn check(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let files = deck::discover(paths)?;
    if files.is_empty() {
        bail!(
            "{}",
            quizdeck::tr!(
                "cli-no-deck-files-ron-found",
                value = (show_paths(paths)).to_string()
            )
        );
    }
    // One file at a time, written out as it is checked: memory holds one deck (and at
    // most `diag::MAX_DIAGNOSTICS` diagnostics), whatever the number of files.
    let (mut errors, mut warnings) = (0, 0);
    let mut summary = Vec::with_capacity(files.len());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    if json {
        writeln!(out, "[")?;
    }
    let mut ids = std::collections::HashMap::new();
    let bundled: std::collections::HashMap<String, String> = deck::bundled::check_all()
        .into_iter()
        .filter_map(|c| Some((c.deck?.id.as_str().to_owned(), c.text)))
        .collect();
    for (n, f) in files.iter().enumerate() {
        let mut c = deck::check_file_summary(f);
        deck::warn_duplicate_id(&mut c, &mut ids, &bundled);
        let (e, w) = diag::tally(&c.diagnostics);
        errors += e;
        warnings += w;
        if json {
            let report = serde_json::json!({
                "file": c.file,
                "ok": !c.has_errors(),
                "cards": c.summary.as_ref().map(|s| s.cards),
                "items": c.summary.as_ref().map(|s| s.items),
                "diagnostics": c.diagnostics,
            });
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out, "{}", if n + 1 < files.len() { "," } else { "" })?;
        } else {
            if !c.diagnostics.is_empty() {
                writeln!(out, "{}", c.render())?;
            }
            summary.push(match &c.summary {
                Some(d) => quizdeck::tr!(
                    "cli-ok-cards-study-items",
                    file = c.file.to_string(),
                    cards = d.cards.to_string(),
                    item_count = d.items.to_string()
                ),
                None => quizdeck::tr!("cli-fail", file = c.file.to_string()),
            });
        }
    }
    if json {
        writeln!(out, "]")?;
    } else {
        for line in &summary {
            writeln!(out, "{line}")?;
        }
        writeln!(
            out,
            "{}",
            quizdeck::tr!(
                "cli-checked-files",
                files = files.len().to_string(),
                errors = errors.to_string(),
                warnings = warnings.to_string()
            )
        )?;
    }
    out.flush()?;
    Ok(if errors > 0 {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

pub(super) fn show_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn list(paths: &[PathBuf]) -> Result<ExitCode> {
    // Files are checked one at a time: memory holds one deck and the (small) table rows,
    // which are all needed before the columns can be aligned.
    let checked: Box<dyn Iterator<Item = Checked>> = if paths.is_empty() {
        Box::new(deck::bundled::check_all().into_iter())
    } else {
        Box::new(
            deck::discover(paths)?
                .into_iter()
                .map(|f| deck::check_file_summary(&f)),
        )
    };
    let rows: Vec<ListRow> = checked.map(|c| ListRow::of(&c)).collect();
    let mut out = std::io::stdout().lock();
    write!(out, "{}", format_list(&rows))?;
    let failed = rows.iter().any(|r| matches!(r, ListRow::Broken { .. }));
    Ok(if failed {
        ExitCode::FAILURE
    } else {
        ExitCode::SUCCESS
    })
}

/// Longest title `list` shows; longer ones are cut and end with "…".
const LIST_TITLE_WIDTH: usize = 48;

/// One line of `quizdeck list`.
enum ListRow {
    Deck {
        id: String,
        title: String,
        cards: usize,
        items: usize,
        kinds: String,
    },
    Broken {
        file: String,
    },
}

impl ListRow {
    fn of(c: &Checked) -> ListRow {
        let summary = (c.summary.clone()).or_else(|| c.deck.as_ref().map(DeckSummary::of));
        match summary {
            Some(d) => ListRow::Deck {
                id: d.id.to_string(),
                title: d.title,
                cards: d.cards,
                items: d.items,
                kinds: d
                    .kinds
                    .iter()
                    .map(|k| k.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            },
            None => ListRow::Broken {
                file: c.file.clone(),
            },
        }
    }
}

/// The `list` table: columns as wide as their widest cell (titles at most
/// [`LIST_TITLE_WIDTH`] columns, cut with "…"), widths counted in terminal columns so
/// Baltic letters and wide characters line up.
fn format_list(rows: &[ListRow]) -> String {
    use unicode_width::UnicodeWidthStr;
    let words = (
        quizdeck::tr!("cli-list-id"),
        quizdeck::tr!("cli-list-title"),
        quizdeck::tr!("cli-list-cards"),
        quizdeck::tr!("cli-list-items"),
    );
    let header = (
        words.0.as_str(),
        words.1.as_str(),
        words.2.as_str(),
        words.3.as_str(),
    );
    let decks = || {
        rows.iter().filter_map(|r| match r {
            ListRow::Deck {
                id,
                title,
                cards,
                items,
                kinds,
            } => Some((
                id,
                cut_to_width(title, LIST_TITLE_WIDTH),
                cards,
                items,
                kinds,
            )),
            ListRow::Broken { .. } => None,
        })
    };
    let id_w = decks()
        .map(|d| d.0.width())
        .fold(header.0.width(), usize::max);
    let title_w = decks()
        .map(|d| d.1.width())
        .fold(header.1.width(), usize::max);
    let cards_w = decks()
        .map(|d| d.2.to_string().len())
        .fold(header.2.width(), usize::max);
    let items_w = decks()
        .map(|d| d.3.to_string().len())
        .fold(header.3.width(), usize::max);
    let pad = |s: &str, w: usize| format!("{s}{}", " ".repeat(w.saturating_sub(s.width())));
    let mut out = format!(
        "{} {} {:>cards_w$} {:>items_w$}  {}\n",
        pad(header.0, id_w),
        pad(header.1, title_w),
        header.2,
        header.3,
        quizdeck::tr!("cli-list-kinds")
    );
    let mut decks = decks();
    for r in rows {
        match r {
            ListRow::Deck { .. } => {
                let (id, title, cards, items, kinds) = decks.next().expect("one per deck row");
                out.push_str(&format!(
                    "{} {} {cards:>cards_w$} {items:>items_w$}  {kinds}\n",
                    pad(id, id_w),
                    pad(&title, title_w),
                ));
            }
            ListRow::Broken { file } => out.push_str(&format!(
                "{} {}\n",
                pad(file, id_w),
                quizdeck::tr!("cli-list-broken", file = file.as_str())
            )),
        }
    }
    out
}

/// `text` in at most `width` terminal columns: cut, with "…" as the last column, when
/// longer.
fn cut_to_width(text: &str, width: usize) -> String {
    use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = c.width().unwrap_or(0);
        if used + w > width.saturating_sub(1) {
            break;
        }
        used += w;
        out.push(c);
    }
    let trimmed = out.trim_end().len();
    out.truncate(trimmed);
    out.push('…');
    out
}

/// A deck from a file path, or else from the bundled decks by id.
pub(super) fn find_deck(name: &str) -> Result<Deck> {
    let path = Path::new(name);
    let checked = if path.exists() {
        deck::check_file(path)
    } else {
        deck::bundled::check_all()
            .into_iter()
            .find(|c| c.deck.as_ref().is_some_and(|d| d.id.as_str() == name))
            .with_context(|| quizdeck::tr!("cli-is-neither-a-deck-file", name = name.to_string()))?
    };
    if checked.has_errors() {
        eprintln!("{}", checked.render());
    }
    Ok(checked.into_result()?)
}

pub(super) fn export(name: &str, format: ExportFormat, output: Option<&Path>) -> Result<ExitCode> {
    let d = find_deck(name)?;
    let text = match format {
        ExportFormat::Json => import_export::export_json(&d)?,
        ExportFormat::Csv => import_export::export_csv(&d)?,
        ExportFormat::Apkg | ExportFormat::Gift => {
            bail!("{}", quizdeck::tr!("cli-export-own-commands"))
        }
    };
    match output {
        Some(p) => {
            import_export::write_atomic(p, &text)?;
            // On standard error: with `-o -` or `-o /dev/stdout` the output is the export.
            eprintln!(
                "{}",
                quizdeck::tr!(
                    "cli-wrote-of-deck-cards-study",
                    p = p.display().to_string(),
                    value = (match format {
                        ExportFormat::Json => "JSON",
                        _ => "CSV",
                    })
                    .to_string(),
                    id = d.id.to_string(),
                    cards = d.cards.len().to_string(),
                    item_count = d.item_count().to_string(),
                    text = text.len().to_string()
                )
            );
        }
        None => std::io::stdout().lock().write_all(text.as_bytes())?,
    }
    Ok(ExitCode::SUCCESS)
}

pub(super) fn import(
    file: &Path,
    deck_id: String,
    title: String,
    output: &Path,
    keep_going: bool,
) -> Result<ExitCode> {
    let opts = ImportOptions {
        deck_id,
        title,
        keep_going,
    };
    import_into_file(file, output, "row", |existing| {
        import_export::import_csv(file, existing, &opts)
    })
}

/// A text import (spreadsheet, Quizlet, GIFT) written to the deck file `output`: the deck
/// already there (if any) lends its card ids; problems are printed by `unit` (row, card,
/// line); nothing is written while one is an error.
pub(super) fn import_into_file(
    file: &Path,
    output: &Path,
    unit: &str,
    run: impl FnOnce(
        Option<&Deck>,
    ) -> std::result::Result<import_export::ImportOutcome, ImportExportError>,
) -> Result<ExitCode> {
    let existing = if output.exists() {
        let c = deck::check_file(output);
        if c.has_errors() {
            eprintln!("{}", c.render());
            bail!(
                "{}",
                quizdeck::tr!(
                    "cli-exists-and-has-errors-fix",
                    output = output.display().to_string()
                )
            );
        }
        c.deck
    } else {
        None
    };
    let show = |p: &import_export::RowProblem| {
        let s = p.to_string();
        s.strip_prefix("row ")
            .map_or(s.clone(), |r| format!("{unit} {r}"))
    };
    match run(existing.as_ref()) {
        Ok(outcome) => {
            for p in &outcome.problems {
                eprintln!("{}: {}", file.display(), show(p));
            }
            import_export::write_atomic(output, &deck::to_ron(&outcome.deck))?;
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-wrote-cards",
                    output = output.display().to_string(),
                    cards = outcome.deck.cards.len().to_string(),
                    value = (if outcome.reused_ids > 0 {
                        quizdeck::tr!("cli-ids-kept", n = outcome.reused_ids.to_string())
                    } else {
                        String::new()
                    })
                    .to_string()
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(ImportExportError::Rows { problems }) => {
            for p in &problems {
                eprintln!("{}: {}", file.display(), show(p));
            }
            eprintln!(
                "{}",
                quizdeck::tr!("cli-nothing-was-written-fix-the", unit = unit)
            );
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

/// Where `import FILE.qdeck` puts the deck.
pub(super) enum PackageTarget {
    /// Into one profile's decks.
    Profile(String),
    /// Into the class deck folder (every profile sees it).
    Everyone,
    /// Unpacked into a folder (a deck file and its pictures).
    Folder(PathBuf),
}

/// `quizdeck pack DECK -o FILE.qdeck`.
pub(super) fn pack(deck_file: &Path, output: &Path) -> Result<ExitCode> {
    use quizdeck::package::{self, PackageError};
    if !package::is_package(output) {
        bail!(
            "{}",
            quizdeck::tr!(
                "cli-the-package-must-end-in",
                value = (package::EXTENSION).to_string(),
                output = output.display().to_string()
            )
        );
    }
    match package::pack(deck_file, output) {
        Ok(s) => {
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-wrote-cards-pictures-kib",
                    output = output.display().to_string(),
                    title = s.title.to_string(),
                    cards = s.cards.to_string(),
                    pictures = s.pictures.to_string(),
                    value = (s.bytes.div_ceil(1024)).to_string()
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(PackageError::Invalid(checked)) => {
            eprintln!("{}", checked.render());
            eprintln!("{}", quizdeck::tr!("cli-nothing-was-written-fix-the-2"));
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

/// `quizdeck import FILE.qdeck --profile NAME | --everyone | -o FOLDER`.
pub(super) fn import_package(
    file: &Path,
    to: PackageTarget,
    data_dir: Option<&Path>,
    decks_dir: Option<&Path>,
) -> Result<ExitCode> {
    use quizdeck::library::LibraryError;
    use quizdeck::package::{self, PackageError};
    let (result, whom) = match to {
        PackageTarget::Folder(dir) => {
            let deck_file = package::unpack(file, &dir)?;
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-unpacked-into",
                    deck_file = deck_file.display().to_string(),
                    dir = dir.display().to_string()
                )
            );
            return Ok(ExitCode::SUCCESS);
        }
        PackageTarget::Profile(name) => {
            let (_store, _, info) = super::profile::open_profile_info(data_dir, &name)?;
            (
                package::import_package(file, &info.decks_dir()),
                quizdeck::tr!("cli-profile", display_name = info.display_name.to_string()),
            )
        }
        PackageTarget::Everyone => {
            let class = quizdeck::store::class_dirs_from_env(decks_dir);
            let Some(first) = class.first() else {
                bail!("{}", quizdeck::tr!("cli-there-is-no-class-deck"));
            };
            (
                package::import_package(file, &first.path),
                quizdeck::tr!(
                    "cli-everyone-on-this-pc",
                    describe = first.describe().to_string()
                ),
            )
        }
    };
    match result {
        Ok(d) => {
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-imported-cards-for",
                    title = d.title.to_string(),
                    cards = d.cards.to_string(),
                    whom = whom.to_string()
                )
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(PackageError::Library(LibraryError::Invalid(checked))) => {
            eprintln!("{}", checked.render());
            eprintln!(
                "{}",
                quizdeck::tr!(
                    "cli-the-deck-in-has-errors",
                    file = file.display().to_string()
                )
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_cut_with_an_ellipsis_at_a_column_width() {
        assert_eq!(cut_to_width("Short", 10), "Short");
        assert_eq!(cut_to_width("Exactly ten", 11), "Exactly ten");
        assert_eq!(
            cut_to_width("The Molotov–Ribbentrop pact", 12),
            "The Molotov…"
        );
        assert_eq!(cut_to_width("Jūrmala ir pilsēta", 8), "Jūrmala…");
        assert_eq!(cut_to_width("张伟张伟张伟", 6), "张伟…");
    }
}
