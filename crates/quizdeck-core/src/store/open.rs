//! Opening a profile's progress: the lock, leftovers of an interrupted write, the
//! snapshot (or its absence or damage), the folded journal, the journal replayed, the
//! history's segments checked; what was repaired is reported.

use super::*;
use crate::message::Message;

/// Sets the damaged journal aside (a copy, byte for byte) and replaces it with a clean
/// copy of its good lines; returns where the copy is.
pub(super) fn repair_journal(paths: &ProgressPaths, at: DateTime<Utc>) -> Result<PathBuf> {
    let copy = fsutil::keep_aside(&paths.journal, "corrupt", at)?;
    let tmp = paths.dir.join(format!(
        ".{}{}repair",
        paths::JOURNAL_FILE,
        fsutil::TMP_MARK
    ));
    let replaced = journal::write_clean_copy(&paths.journal, &tmp).and_then(|_| {
        fs::rename(&tmp, &paths.journal).map_err(fsutil::io_err(
            "replace the damaged journal",
            &paths.journal,
        ))
    });
    if let Err(e) = replaced {
        // The copy set aside stays (it is the damaged journal, byte for byte).
        let _ = fs::remove_file(&tmp);
        return Err(e);
    }
    fsutil::sync_dir(&paths.dir)?;
    Ok(copy)
}

/// What is at `path` when it is not what belongs there (a folder when `want_dir`, else a
/// regular file); `None` when it is right or absent.
fn wrong_type(path: &Path, want_dir: bool) -> Option<&'static str> {
    let meta = match fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return None,
        // A link that leads back to itself (or cannot be followed for another reason):
        // reading it would fail, so it is set aside like any wrong file.
        Err(_) => {
            return fs::symlink_metadata(path)
                .is_ok_and(|m| m.file_type().is_symlink())
                .then_some("a link that cannot be followed");
        }
    };
    let t = meta.file_type();
    if want_dir {
        return (!t.is_dir()).then_some("a file where a folder belongs");
    }
    if t.is_file() {
        return None;
    }
    Some(if t.is_dir() {
        "a folder where a file belongs"
    } else {
        "not a regular file (a pipe or a device)"
    })
}

/// Moves `path` aside (never deleting it) when it is of the wrong type, noting it.
fn set_aside_if_wrong_type(
    path: &Path,
    want_dir: bool,
    at: DateTime<Utc>,
    report: &mut RecoveryReport,
) -> Result<()> {
    if let Some(what) = wrong_type(path, want_dir) {
        let moved_to = fsutil::move_aside(path, "wrong-type", at)?;
        report.notes.push(RecoveryNote::WrongType {
            path: path.to_path_buf(),
            what,
            moved_to: Some(moved_to),
        });
    }
    Ok(())
}

/// The archived journals in `dir`, oldest first.
pub(super) fn history_segments(dir: &Path) -> Result<Vec<PathBuf>> {
    let rd = match fs::read_dir(dir) {
        Ok(rd) => rd,
        Err(e) if e.kind() == io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(e) => return Err(fsutil::io_err("list the history folder", dir)(e)),
    };
    let mut v: Vec<PathBuf> = rd
        .flatten()
        .filter(|e| paths::is_history_segment(&e.file_name()))
        .map(|e| e.path())
        .collect();
    // By first sequence number, then by the `-N` suffix of a name taken twice (sorting
    // the names as text would put `…1-2.log` before `…1.log`).
    v.sort_by_cached_key(|p| {
        let name = p.file_name().map(|n| n.to_string_lossy().into_owned());
        let name = name.unwrap_or_default();
        let stem = name
            .strip_prefix("journal-")
            .and_then(|n| n.strip_suffix(".log"))
            .unwrap_or("");
        let (first, n) = stem.split_once('-').unwrap_or((stem, "1"));
        (
            first.parse::<u64>().unwrap_or(u64::MAX),
            n.parse::<u64>().unwrap_or(u64::MAX),
            name,
        )
    });
    Ok(v)
}

impl Store {
    /// Opens the progress of the profile in `profile_dir` (created if missing, unless
    /// read-only), repairing what it must. `at` is the current time, used to name files
    /// set aside and the lock's owner note.
    ///
    /// Returns the store and a report of what was recovered (empty when all was clean).
    pub fn open(
        profile_dir: &Path,
        opts: &OpenOptions,
        at: DateTime<Utc>,
    ) -> Result<(Store, RecoveryReport)> {
        if let Some(e) = super::fault::open_error(profile_dir) {
            return Err(fsutil::io_err("read the profile folder", profile_dir)(e));
        }
        let paths = ProgressPaths::new(profile_dir);
        let mut report = RecoveryReport::default();
        let mut read_only = None;
        let mut lock = None;
        // When a repair (or the lock, or a folder) cannot be written — a full disk, a
        // read-only folder — the profile still opens, read-only, saying why.
        let cannot_write = |read_only: &mut Option<Message>,
                            lock: &mut Option<ProfileLock>,
                            report: &mut RecoveryReport,
                            e: StoreError| {
            *read_only = Some(Message::new("store-cannot-write").arg("error", e.message()));
            *lock = None;
            report.notes.push(RecoveryNote::LeftUnrepaired);
        };
        match opts.mode {
            OpenMode::ReadOnly => read_only = Some(Message::new("store-opened-read-only")),
            OpenMode::ReadWrite | OpenMode::ReadOnlyIfLocked => {
                let locked = fs::create_dir_all(profile_dir)
                    .map_err(fsutil::io_err("create the profile folder", profile_dir))
                    .and_then(|()| {
                        // A lock that is not a file (a folder, a pipe) is set aside first.
                        set_aside_if_wrong_type(
                            &profile_dir.join(lock::LOCK_FILE),
                            false,
                            at,
                            &mut report,
                        )?;
                        try_lock_profile(profile_dir, at)
                    });
                match locked {
                    Ok(LockAttempt::Acquired(l)) => lock = Some(l),
                    Ok(LockAttempt::Held(holder)) if opts.mode == OpenMode::ReadWrite => {
                        return Err(StoreError::Locked {
                            path: profile_dir.to_path_buf(),
                            holder,
                        });
                    }
                    Ok(LockAttempt::Held(holder)) => {
                        read_only = Some(
                            Message::new("store-in-use")
                                .arg("holder", super::lock::holder_message(&holder)),
                        );
                    }
                    Ok(LockAttempt::Unsupported) => {
                        report.notes.push(RecoveryNote::LockUnsupported {
                            path: profile_dir.to_path_buf(),
                        })
                    }
                    Err(e) if profile_dir.is_dir() => {
                        cannot_write(&mut read_only, &mut lock, &mut report, e);
                    }
                    Err(e) => return Err(e),
                }
            }
        }
        if read_only.is_none() {
            let made = set_aside_if_wrong_type(&paths.dir, true, at, &mut report).and_then(|()| {
                fs::create_dir_all(&paths.dir)
                    .map_err(fsutil::io_err("create the progress folder", &paths.dir))
            });
            match made {
                Ok(()) => {
                    fsutil::remove_stale_tmp(profile_dir);
                    fsutil::remove_stale_tmp(&paths.dir);
                }
                Err(e) => cannot_write(&mut read_only, &mut lock, &mut report, e),
            }
        }
        // Structural damage — a folder where a file should be, a file where the history
        // folder should be, a pipe or a device — is set aside like any damaged file.
        let mut unusable = |path: &Path, want_dir: bool, read_only: &mut Option<Message>| {
            let found = wrong_type(path, want_dir);
            if let Some(what) = found {
                let moved = match read_only {
                    None => set_aside_if_wrong_type(path, want_dir, at, &mut report),
                    Some(_) => {
                        report.notes.push(RecoveryNote::WrongType {
                            path: path.to_path_buf(),
                            what,
                            moved_to: None,
                        });
                        Ok(())
                    }
                };
                if let Err(e) = moved {
                    cannot_write(read_only, &mut lock, &mut report, e);
                }
            }
            found.is_some()
        };
        let history_unusable = unusable(&paths.history, true, &mut read_only);
        let snapshot_unusable = unusable(&paths.snapshot, false, &mut read_only);
        let journal_unusable = unusable(&paths.journal, false, &mut read_only);
        let folding_unusable = unusable(&paths.folding, false, &mut read_only);

        // 1. The snapshot.
        let mut model = Model::default();
        let segments = if history_unusable {
            Vec::new()
        } else {
            history_segments(&paths.history)?
        };
        let mut rebuild = false;
        let mut snapshot_missing = snapshot_unusable;
        let loaded = if snapshot_unusable {
            None
        } else {
            snapshot::load(&paths.snapshot)?
        };
        match loaded {
            Some(Ok(s)) => model = Model::from_snapshot(s),
            Some(Err(snapshot::Damage(reason))) => {
                let moved_to = match read_only {
                    None => match fsutil::move_aside(&paths.snapshot, "corrupt", at) {
                        Ok(to) => Some(to),
                        Err(e) => {
                            cannot_write(&mut read_only, &mut lock, &mut report, e);
                            None
                        }
                    },
                    Some(_) => None,
                };
                report.notes.push(RecoveryNote::SnapshotDamaged {
                    path: paths.snapshot.clone(),
                    moved_to,
                    reason,
                });
                rebuild = true;
            }
            None => snapshot_missing = true,
        }
        if snapshot_missing && !segments.is_empty() {
            report.notes.push(RecoveryNote::SnapshotMissing {
                path: paths.snapshot.clone(),
            });
            rebuild = true;
        }

        // 2. Without a usable snapshot, replay the archive.
        if rebuild {
            for seg in &segments {
                let rep = journal::scan(seg, |seq, ev| model.apply(seq, ev))?;
                if rep.damaged() {
                    report.notes.push(RecoveryNote::HistoryDamaged {
                        path: seg.clone(),
                        lines: rep.middle.len() + rep.tail.len(),
                    });
                }
            }
            // Answers folded before this session are not undoable.
            model.undo.clear();
        }

        // 3. A journal that a background snapshot was folding when the program stopped.
        let folding = if folding_unusable {
            journal::ScanReport {
                missing: true,
                ..journal::ScanReport::default()
            }
        } else {
            journal::scan(&paths.folding, |seq, ev| model.apply(seq, ev))?
        };
        if folding.damaged() {
            report.notes.push(RecoveryNote::HistoryDamaged {
                path: paths.folding.clone(),
                lines: folding.middle.len() + folding.tail.len(),
            });
        }

        // 4. The journal.
        let rep = if journal_unusable {
            journal::ScanReport {
                missing: true,
                ..journal::ScanReport::default()
            }
        } else {
            replay::journal(&mut model, &paths.journal)?
        };
        let first_unfolded = if folding.missing {
            rep.first_seq
        } else {
            folding.first_seq.or(rep.first_seq)
        };
        if snapshot_missing && !rebuild && first_unfolded.is_some_and(|s| s > 1) {
            report.notes.push(RecoveryNote::SnapshotMissing {
                path: paths.snapshot.clone(),
            });
        }
        if let Some(found) = rep.newer_header {
            report.notes.push(RecoveryNote::JournalNewerHeader {
                path: paths.journal.clone(),
                found,
            });
        }
        if !rep.tail.is_empty() {
            report.notes.push(RecoveryNote::JournalTail {
                path: paths.journal.clone(),
                lines: rep.tail.len(),
                bytes: rep.tail_bytes,
            });
        }
        if !rep.middle.is_empty() {
            report.notes.push(RecoveryNote::JournalDamaged {
                path: paths.journal.clone(),
                lines: rep.middle.clone(),
            });
        }
        if rep.damaged() {
            if read_only.is_none() {
                match repair_journal(&paths, at) {
                    Ok(copy) => report.notes.push(RecoveryNote::JournalKept { copy }),
                    Err(e) => cannot_write(&mut read_only, &mut lock, &mut report, e),
                }
            } else if !report.notes.contains(&RecoveryNote::LeftUnrepaired) {
                report.notes.push(RecoveryNote::LeftUnrepaired);
            }
        } else if read_only.is_some()
            && rebuild
            && !report.notes.contains(&RecoveryNote::LeftUnrepaired)
        {
            report.notes.push(RecoveryNote::LeftUnrepaired);
        }
        let writable = read_only.is_none();
        report.answers_recovered = model.answers;
        report.items = model.states.len();

        let mut store = Store {
            profile_dir: profile_dir.to_path_buf(),
            paths,
            lock,
            read_only,
            model,
            writer: None,
            journal_records: rep.good,
            journal_first_seq: rep.first_seq,
            snapshot_every: opts.snapshot_every.max(1),
            next_auto_snapshot: 0,
            snapshot_error: None,
            unsaved: Unsaved::default(),
            unsaved_first_seq: None,
            snapper: None,
            folding_first_seq: None,
            archive_lock: Arc::new(Mutex::new(())),
            compact_lock: Arc::new(Mutex::new(())),
        };
        // Finish folding a journal left by a snapshot that did not complete.
        let folding_left = !folding.missing;
        if !folding.missing {
            store.folding_first_seq = Some(folding.first_seq.unwrap_or(store.model.last_seq));
        }
        if writable && (rebuild || folding_left) {
            // Replace the damaged snapshot now; if that fails, the journal still holds
            // everything and the next snapshot will try again.
            if let Err(e) = store.snapshot(at) {
                store.snapshot_error = Some(e.to_string());
            }
        }
        if writable && store.snapshot_every != usize::MAX {
            // Without a thread, automatic snapshots are written on the answer path.
            store.snapper = background::Snapper::start(
                &store.paths,
                store.archive_lock.clone(),
                store.compact_lock.clone(),
            )
            .ok();
        }
        Ok((store, report))
    }
}
