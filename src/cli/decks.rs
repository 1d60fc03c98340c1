//! Commands on deck files: `check`, `list`, `export`, `import`, `pack`.

use super::*;

pub(super) fn check(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
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

pub(super) fn show_paths(paths: &[PathBuf]) -> String {
    paths
        .iter()
        .map(|p| p.display().to_string())
        .collect::<Vec<_>>()
        .join(", ")
}

pub(super) fn list(paths: &[PathBuf]) -> Result<ExitCode> {
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
pub(super) fn find_deck(name: &str) -> Result<Deck> {
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

pub(super) fn export(name: &str, format: ExportFormat, output: Option<&Path>) -> Result<ExitCode> {
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

pub(super) fn import(
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
            "the package must end in .{}: {}",
            package::EXTENSION,
            output.display()
        );
    }
    match package::pack(deck_file, output) {
        Ok(s) => {
            println!(
                "wrote {} (\"{}\": {} cards, {} pictures, {} KiB)",
                output.display(),
                s.title,
                s.cards,
                s.pictures,
                s.bytes.div_ceil(1024)
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(PackageError::Invalid(checked)) => {
            eprintln!("{}", checked.render());
            eprintln!("nothing was written: fix the errors above first");
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
            println!("unpacked {} into {}", deck_file.display(), dir.display());
            return Ok(ExitCode::SUCCESS);
        }
        PackageTarget::Profile(name) => {
            let (_store, _, info) = super::profile::open_profile_info(data_dir, &name)?;
            (
                package::import_package(file, &info.decks_dir()),
                format!("profile {}", info.display_name),
            )
        }
        PackageTarget::Everyone => {
            let class = quizdeck::store::class_dirs_from_env(decks_dir);
            let Some(first) = class.first() else {
                bail!("there is no class deck folder: pass --decks-dir FOLDER");
            };
            (
                package::import_package(file, &first.path),
                format!("everyone on this PC ({})", first.describe()),
            )
        }
    };
    match result {
        Ok(d) => {
            println!(
                "imported \"{}\" ({} cards) for {whom}",
                d.title,
                d.cards.len()
            );
            Ok(ExitCode::SUCCESS)
        }
        Err(PackageError::Library(LibraryError::Invalid(checked))) => {
            eprintln!("{}", checked.render());
            eprintln!(
                "the deck in {} has errors; nothing was imported",
                file.display()
            );
            Ok(ExitCode::FAILURE)
        }
        Err(e) => Err(e.into()),
    }
}
