//! Commands on deck files: `check`, `list`, `export`, `import`.

use super::*;

pub(super) fn check(paths: &[PathBuf], json: bool) -> Result<ExitCode> {
    let files = deck::discover(paths)?;
    if files.is_empty() {
        bail!("no deck files (*.ron) found in {}", show_paths(paths));
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
        let mut c = deck::check_file(f);
        deck::warn_duplicate_id(&mut c, &mut ids, &bundled);
        let (e, w) = diag::tally(&c.diagnostics);
        errors += e;
        warnings += w;
        if json {
            let report = serde_json::json!({
                "file": c.file,
                "ok": !c.has_errors(),
                "cards": c.deck.as_ref().map(|d| d.cards.len()),
                "items": c.deck.as_ref().map(Deck::item_count),
                "diagnostics": c.diagnostics,
            });
            serde_json::to_writer_pretty(&mut out, &report)?;
            writeln!(out, "{}", if n + 1 < files.len() { "," } else { "" })?;
        } else {
            if !c.diagnostics.is_empty() {
                writeln!(out, "{}", c.render())?;
            }
            summary.push(match &c.deck {
                Some(d) => format!(
                    "ok    {}  ({} cards, {} study items)",
                    c.file,
                    d.cards.len(),
                    d.item_count()
                ),
                None => format!("FAIL  {}", c.file),
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
            "checked {} deck file(s): {errors} error(s), {warnings} warning(s)",
            files.len()
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
    // Files are checked one at a time as the table is written: memory holds one deck.
    let checked: Box<dyn Iterator<Item = Checked>> = if paths.is_empty() {
        Box::new(deck::bundled::check_all().into_iter())
    } else {
        Box::new(
            deck::discover(paths)?
                .into_iter()
                .map(|f| deck::check_file(&f)),
        )
    };
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{:<30} {:<48} {:>5} {:>5}  kinds",
        "id", "title", "cards", "items"
    )?;
    let mut failed = false;
    for c in checked {
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
