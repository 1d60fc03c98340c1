//! Commands on a profile's progress: `report`, `optimize`, `progress export|import`.

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
                "warning: {lines} damaged line(s) in the archived history {} were skipped",
                path.display()
            );
        }
    }
    Ok(opened)
}

pub(super) fn report(data_dir: Option<&Path>, profile: &str, output: &Path) -> Result<ExitCode> {
    let (store, now, info) = open_profile_read_only(data_dir, profile)?;
    let library = quizdeck::library::Library::load(Some(&info.decks_dir()));
    let history = store.history()?;
    let reports = quizdeck::report::progress_report(&library, store.states(), &history, now);
    import_export::write_atomic(output, &quizdeck::report::to_csv(&reports))?;
    println!("wrote {} ({} decks)", output.display(), reports.len());
    store.close(now)?;
    Ok(ExitCode::SUCCESS)
}

pub(super) fn optimize(data_dir: Option<&Path>, profile: &str) -> Result<ExitCode> {
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

pub(super) fn progress(data_dir: Option<&Path>, action: ProgressAction) -> Result<ExitCode> {
    match action {
        ProgressAction::Export { profile, output } => {
            let (store, now, _) = open_profile_read_only(data_dir, &profile)?;
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

/// The profile `name` means ([`quizdeck::store::Profiles::find`]: exact display name, then
/// folder name, then a unique loose match); when there is none, the error lists them all.
pub(super) fn find_profile(data: &Path, name: &str) -> Result<quizdeck::store::ProfileInfo> {
    let profiles = quizdeck::store::Profiles::new(data);
    match profiles.find(name) {
        Err(quizdeck::store::StoreError::NoSuchProfile { .. }) => {
            let list = profiles.list()?;
            let names: Vec<&str> = list.iter().map(|p| p.display_name.as_str()).collect();
            bail!(
                "no profile {name:?} in {} (profiles: {})",
                data.display(),
                names.join(", ")
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
        "created the profile {} (folder {})",
        info.display_name,
        info.dir.display()
    );
    Ok(ExitCode::SUCCESS)
}
