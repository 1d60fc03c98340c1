//! Commands on a profile's progress: `report`, `optimize`, `eval`, `progress export|import|
//! import-revlog`.

use super::*;

/// Opens a profile's store for writing, by display name or folder name.
pub(super) fn open_profile(
    data_dir: Option<&Path>,
    name: &str,
) -> Result<(quizdeck::store::Store, chrono::DateTime<chrono::Utc>)> {
    let (store, now, _) = open_profile_info(data_dir, name)?;
    Ok((store, now))
}

/// [`open_profile`], also giving the profile's folder information.
pub(super) fn open_profile_info(data_dir: Option<&Path>, name: &str) -> Result<OpenedProfile> {
    open_profile_mode(data_dir, name, quizdeck::store::OpenMode::ReadWrite)
}

/// A profile's store, the time it was opened at, and its folder information.
pub(super) type OpenedProfile = (
    quizdeck::store::Store,
    chrono::DateTime<chrono::Utc>,
    quizdeck::store::ProfileInfo,
);

/// Opens the profile `name` in `mode`, printing what opening recovered.
fn open_profile_mode(
    data_dir: Option<&Path>,
    name: &str,
    mode: quizdeck::store::OpenMode,
) -> Result<OpenedProfile> {
    let now = chrono::Utc::now();
    let data = quizdeck::store::data_dir_from_env(data_dir)?;
    let info = find_profile(&data.path, name)?;
    let opts = quizdeck::store::OpenOptions {
        mode,
        ..quizdeck::store::OpenOptions::default()
    };
    let (store, report) = quizdeck::store::Store::open(&info.dir, &opts, now)?;
    if !report.is_empty() {
        eprintln!("{report}");
    }
    Ok((store, now, info))
}

/// [`open_profile_info`] without the write lock: reads what the profile's open window has
/// saved, so a teacher can report or export while a student studies. Nothing is written.
pub(super) fn open_profile_read_only(data_dir: Option<&Path>, name: &str) -> Result<OpenedProfile> {
    let opened = open_profile_mode(data_dir, name, quizdeck::store::OpenMode::ReadOnly)?;
    // What is read here includes the archive: say when lines of it are skipped.
    for note in opened.0.history_damage()?.notes {
        if let quizdeck::store::RecoveryNote::HistoryDamaged { path, lines } = note {
            eprintln!(
                "{}",
                quizdeck::tr!(
                    "cli-warning-damaged-line-s-in",
                    lines = lines.to_string(),
                    path = path.display().to_string()
                )
            );
        }
    }
    Ok(opened)
}

pub(super) fn report(
    data_dir: Option<&Path>,
    profile: &str,
    output: Option<&Path>,
) -> Result<ExitCode> {
    let (store, now, info) = open_profile_read_only(data_dir, profile)?;
    let library = quizdeck::library::Library::load(Some(&info.decks_dir()));
    let history = store.history()?;
    let reports = quizdeck::report::progress_report(&library, &store, &history, now);
    let csv = quizdeck::report::to_csv(&reports);
    emit_csv(
        output,
        &csv,
        &quizdeck::tr!("cli-decks", reports = reports.len().to_string()),
    )?;
    store.close(now)?;
    Ok(ExitCode::SUCCESS)
}

/// Writes `csv` to `output` atomically and says so (`what` counts what it holds), or to
/// standard output when no file is given.
fn emit_csv(output: Option<&Path>, csv: &str, what: &str) -> Result<()> {
    match output {
        Some(path) => {
            import_export::write_atomic(path, csv)?;
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-wrote",
                    path = path.display().to_string(),
                    what = what.to_string()
                )
            );
        }
        None => {
            let mut out = std::io::stdout().lock();
            out.write_all(csv.as_bytes())
                .and_then(|()| out.flush())
                .with_context(|| quizdeck::tr!("cli-report-to-stdout"))?;
        }
    }
    Ok(())
}

/// `quizdeck report --all`: every profile's report in one CSV. Profiles are opened
/// read-only, so a student studying on this PC is not disturbed; one that cannot be read
/// is named on standard error, the others are still written, and the exit status says
/// something was left out.
pub(super) fn report_all(data_dir: Option<&Path>, output: Option<&Path>) -> Result<ExitCode> {
    use quizdeck::store::{OpenMode, OpenOptions, Profiles, Store};
    let now = chrono::Utc::now();
    let data = quizdeck::store::data_dir_from_env(data_dir)?;
    let profiles = Profiles::new(&data.path).list()?;
    if profiles.is_empty() {
        bail!(
            "{}",
            quizdeck::tr!("cli-no-profiles-in", path = data.path.display().to_string())
        );
    }
    let read_only = OpenOptions {
        mode: OpenMode::ReadOnly,
        ..OpenOptions::default()
    };
    let mut students = Vec::new();
    let mut failed = 0;
    for info in &profiles {
        let read = Store::open(&info.dir, &read_only, now).and_then(|(store, _)| {
            let history = store.history()?;
            Ok((store, history))
        });
        match read {
            Ok((store, history)) => {
                let library = quizdeck::library::Library::load(Some(&info.decks_dir()));
                let reports = quizdeck::report::progress_report(&library, &store, &history, now);
                students.push((info.display_name.clone(), reports));
            }
            Err(e) => {
                failed += 1;
                eprintln!(
                    "{}",
                    quizdeck::tr!(
                        "cli-left-out",
                        name = info.display_name.as_str(),
                        error = e.to_string()
                    )
                );
            }
        }
    }
    let rows: usize = students.iter().map(|(_, r)| r.len()).sum();
    let csv = quizdeck::report::to_csv_by_student(&students);
    emit_csv(
        output,
        &csv,
        &quizdeck::tr!(
            "cli-students-rows",
            students = students.len().to_string(),
            rows = rows.to_string()
        ),
    )?;
    if failed > 0 {
        eprintln!(
            "{}",
            quizdeck::tr!(
                "cli-of-profiles-could-not-be",
                failed = failed.to_string(),
                profiles = profiles.len().to_string()
            )
        );
        return Ok(ExitCode::FAILURE);
    }
    Ok(ExitCode::SUCCESS)
}

/// `optimize`: fits personal parameters and saves them when they predict the history
/// better; with `dry_run`, says what would change and writes nothing (read-only, so it
/// works while the student's app is open).
pub(super) fn optimize(data_dir: Option<&Path>, profile: &str, dry_run: bool) -> Result<ExitCode> {
    use quizdeck::schedule::optimize::Verdict;
    use quizdeck::settings::ProfileSettings;
    let (store, now) = if dry_run {
        let (store, now, _) = open_profile_read_only(data_dir, profile)?;
        (store, now)
    } else {
        open_profile(data_dir, profile)?
    };
    let (mut settings, _) = store.load_settings::<ProfileSettings>(now)?;
    let history = store.history()?;
    let offset = chrono::Local::now().fixed_offset().offset().to_owned();
    let outcome = quizdeck::schedule::optimize::optimize(&history, &settings.schedule, offset)?;
    println!(
        "{}",
        quizdeck::tr!(
            "cli-answers-training-items",
            reviews = outcome.reviews.to_string(),
            items = outcome.items.to_string()
        )
    );
    match outcome.verdict {
        Verdict::TooLittleHistory { reason } => {
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-kept-the-current-parameters",
                    reason = reason.to_string()
                )
            );
        }
        Verdict::KeepCurrent {
            current, optimized, ..
        } => println!(
            "{}",
            quizdeck::tr!(
                "cli-optimize-kept",
                current = format!("{:.4}", current.log_loss),
                fitted = format!("{:.4}", optimized.log_loss)
            )
        ),
        Verdict::UseNew {
            parameters,
            current,
            optimized,
        } => {
            let figures = quizdeck::tr!(
                "cli-optimize-figures",
                loss_before = format!("{:.4}", current.log_loss),
                loss_after = format!("{:.4}", optimized.log_loss),
                rmse_before = format!("{:.4}", current.rmse_bins),
                rmse_after = format!("{:.4}", optimized.rmse_bins)
            );
            if dry_run {
                let show = |p: &[f32]| {
                    p.iter()
                        .map(|w| format!("{w:.4}"))
                        .collect::<Vec<_>>()
                        .join(", ")
                };
                println!(
                    "{}",
                    quizdeck::tr!("cli-optimize-would-save", figures = figures.as_str())
                );
                println!(
                    "  {}",
                    quizdeck::tr!(
                        "cli-optimize-now",
                        parameters = show(&settings.schedule.parameters)
                    )
                );
                println!(
                    "  {}",
                    quizdeck::tr!("cli-optimize-would", parameters = show(&parameters))
                );
            } else {
                settings.schedule.parameters = parameters;
                store.save_settings(&settings)?;
                println!(
                    "{}",
                    quizdeck::tr!("cli-optimize-saved", figures = figures.as_str())
                );
            }
        }
    }
    if dry_run {
        println!("{}", quizdeck::tr!("cli-dry-run"));
    }
    store.close(now)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn progress(data_dir: Option<&Path>, action: ProgressAction) -> Result<ExitCode> {
    match action {
        ProgressAction::Export { profile, output } => {
            let (store, now, _) = open_profile_read_only(data_dir, &profile)?;
            let s = store.export_progress(&output, now)?;
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-wrote-items-answers",
                    output = output.display().to_string(),
                    items = s.items.to_string(),
                    answers = s.answers.to_string()
                )
            );
            store.close(now)?;
        }
        ProgressAction::Import {
            profile,
            file,
            with_settings,
            force,
            create,
        } => {
            let Some(bundle) =
                checked_progress_file(data_dir, &profile, &file, ImportChecks { force, create })?
            else {
                return Ok(ExitCode::FAILURE);
            };
            let (mut store, now) = open_profile(data_dir, &profile)?;
            let r = store.import_bundle(bundle, now, with_settings)?;
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-merged-item-states-taken-kept",
                    file = file.display().to_string(),
                    states_taken = r.states_taken.to_string(),
                    states_kept = r.states_kept.to_string(),
                    history_added = r.history_added.to_string(),
                    history_duplicates = r.history_duplicates.to_string()
                )
            );
            store.close(now)?;
        }
        ProgressAction::ImportRevlog {
            profile,
            file,
            deck,
        } => return import_revlog(data_dir, &profile, &file, &deck),
    }
    Ok(ExitCode::SUCCESS)
}

/// `quizdeck progress import-revlog`: a review log's answers added to a profile's history.
fn import_revlog(
    data_dir: Option<&Path>,
    profile: &str,
    file: &Path,
    deck: &str,
) -> Result<ExitCode> {
    use quizdeck::schedule::revlog::{history_from_revlog, read_revlog};
    quizdeck::ids::check_id(deck).map_err(|e| {
        anyhow::anyhow!(
            "{}",
            quizdeck::tr!("cli-bad-deck-option", deck = deck, reason = e.message())
        )
    })?;
    let rows = read_revlog(file)
        .with_context(|| quizdeck::tr!("cli-reading-2", file = file.display().to_string()))?;
    let (mut store, now, info) = open_profile_info(data_dir, profile)?;
    let (settings, _) = store.load_settings::<quizdeck::settings::ProfileSettings>(now)?;
    let offset = *chrono::Local::now().fixed_offset().offset();
    let history = history_from_revlog(
        &rows,
        &quizdeck::ids::DeckId::new(deck),
        now,
        offset,
        settings.schedule.day_cutoff_hour,
    )
    .with_context(|| quizdeck::tr!("cli-reading-2", file = file.display().to_string()))?;
    let cards = rows
        .iter()
        .map(|r| r.card_id)
        .collect::<std::collections::HashSet<_>>()
        .len();
    let bundle = quizdeck::store::ProgressBundle {
        format: quizdeck::store::bundle::FORMAT.to_owned(),
        version: quizdeck::store::bundle::VERSION,
        exported_at: now,
        profile_name: None,
        states: Vec::new(),
        history,
        settings: None,
    };
    let r = store.import_bundle(bundle, now, false)?;
    println!(
        "{}",
        quizdeck::tr!(
            "cli-added-answers-of-cards-to",
            history_added = r.history_added.to_string(),
            cards = cards.to_string(),
            display_name = info.display_name.to_string(),
            deck = deck.to_string(),
            history_duplicates = r.history_duplicates.to_string()
        )
    );
    println!(
        "{}",
        quizdeck::tr!("cli-next-optimize", name = info.display_name.as_str())
    );
    store.close(now)?;
    Ok(ExitCode::SUCCESS)
}

/// `quizdeck eval`: default and fitted parameters on a review log, items in `order`.
pub(super) fn eval(revlog: &Path, order: EvalOrder) -> Result<ExitCode> {
    use quizdeck::schedule::ItemOrder;
    let order = match order {
        EvalOrder::Time => ItemOrder::ByTime,
        EvalOrder::Card => ItemOrder::ByCard,
    };
    let report = quizdeck::schedule::optimize::eval_revlog_ordered(revlog, order)
        .with_context(|| quizdeck::tr!("cli-evaluating", revlog = revlog.display().to_string()))?;
    println!("{report}");
    Ok(ExitCode::SUCCESS)
}

/// What `progress import` may do beyond a plain merge.
struct ImportChecks {
    /// Merge a file from a profile with another name.
    force: bool,
    /// Create the target profile when missing.
    create: bool,
}

/// Reads a progress file for `progress import` into `profile` and checks it belongs there:
/// a file from a profile with another name is refused (with a warning naming both)
/// unless `checks.force`; a missing profile is created with `checks.create`, otherwise the
/// error offers `--create`. `None` when the import must not go on (already explained on
/// standard error).
fn checked_progress_file(
    data_dir: Option<&Path>,
    profile: &str,
    file: &Path,
    checks: ImportChecks,
) -> Result<Option<quizdeck::store::ProgressBundle>> {
    let bundle = quizdeck::store::bundle::read_bundle(file, chrono::Utc::now())?;
    let data = quizdeck::store::data_dir_from_env(data_dir)?;
    let profiles = quizdeck::store::Profiles::new(&data.path);
    let target = match profiles.find(profile) {
        Ok(info) => info.display_name,
        Err(quizdeck::store::StoreError::NoSuchProfile { .. }) if checks.create => {
            let info = profiles.create(profile, chrono::Utc::now())?;
            println!(
                "{}",
                quizdeck::tr!(
                    "cli-created-profile",
                    name = info.display_name.as_str(),
                    dir = info.dir.display().to_string()
                )
            );
            info.display_name
        }
        Err(quizdeck::store::StoreError::NoSuchProfile { .. }) => bail!(
            "{}",
            quizdeck::tr!(
                "cli-no-profile-create",
                name = profile,
                folder = data.path.display().to_string()
            )
        ),
        Err(e) => return Err(e.into()),
    };
    let same = |from: &str| from.trim().to_lowercase() == target.to_lowercase();
    match &bundle.profile_name {
        Some(from) if !same(from) && !checks.force => {
            eprintln!(
                "{}",
                quizdeck::tr!(
                    "cli-other-students-progress",
                    file = file.display().to_string(),
                    from = from.as_str(),
                    target = target.as_str()
                )
            );
            Ok(None)
        }
        Some(from) if !same(from) => {
            eprintln!(
                "{}",
                quizdeck::tr!(
                    "cli-merging-forced",
                    from = from.as_str(),
                    target = target.as_str()
                )
            );
            Ok(Some(bundle))
        }
        _ => Ok(Some(bundle)),
    }
}

/// The profile `name` means ([`quizdeck::store::Profiles::find`]: exact display name, then
/// folder name, then a unique loose match); when there is none, the error lists them all.
pub(super) fn find_profile(data: &Path, name: &str) -> Result<quizdeck::store::ProfileInfo> {
    let profiles = quizdeck::store::Profiles::new(data);
    match profiles.find(name) {
        Err(quizdeck::store::StoreError::NoSuchProfile { .. }) => {
            let list = profiles.list()?;
            let names: Vec<&str> = list.iter().map(|p| p.display_name.as_str()).collect();
            bail!(
                "{}",
                quizdeck::tr!(
                    "cli-no-profile",
                    name = name,
                    folder = data.display().to_string(),
                    profiles = names.join(", ")
                )
            )
        }
        other => Ok(other?),
    }
}

/// `quizdeck profiles create NAME`.
pub(super) fn create(data_dir: Option<&Path>, name: &str) -> Result<ExitCode> {
    let data = quizdeck::store::data_dir_from_env(data_dir)?;
    let info = quizdeck::store::Profiles::new(&data.path).create(name, chrono::Utc::now())?;
    println!(
        "{}",
        quizdeck::tr!(
            "cli-created-the-profile-folder",
            display_name = info.display_name.to_string(),
            dir = info.dir.display().to_string()
        )
    );
    Ok(ExitCode::SUCCESS)
}
