//! Importing decks: the import dialog for spreadsheets and Quizlet text (a preview of the
//! first rows with a field chosen for each column, like Anki's import dialog, or
//! Quizlet's separators), the question a dropped file asks ("for me / for everyone on
//! this PC"), and the imports themselves, which read, check, convert and copy off the
//! interface thread (see [`super::jobs`]) while a progress window shows what runs.
//!
//! It owns its state ([`Importer`]), its messages ([`Msg`]) and their handling
//! (`QuizApp::import_update`); the app only hands it messages and polls its work.

use super::drop_ask::DropAsk;
use super::jobs::Job;
use super::{Action, QuizApp, Screen};
use crate::deck::Deck;
use crate::import_export::mapping;
use crate::import_export::quizlet;
use crate::import_export::{ImportExportError, ImportOptions, RowProblem};
use crate::library::{self as lib, DeckOrigin, LibraryError};
use crate::message::Message;
use crate::package::PackageError;
use crate::tr;
use std::collections::VecDeque;
use std::path::{Path, PathBuf};

mod dialog;
use dialog::row_problem;
pub use dialog::{Sep, Source, TextDialog, TextFormat, field_name};

/// What the import area is asked to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Import this file for the open profile, or for everyone on this PC (the class deck
    /// folder). A spreadsheet or text file opens the import dialog first.
    File {
        /// The file chosen.
        path: PathBuf,
        /// For every profile on this PC.
        everyone: bool,
    },
    /// Files dropped onto the window (asks for whom when there is a class deck folder).
    Dropped(Vec<PathBuf>),
    /// Import the dropped files, for the open profile or for everyone.
    DroppedFor {
        /// For every profile on this PC.
        everyone: bool,
    },
    /// Forget the dropped files without importing them.
    CloseDropAsk,
    /// Open the import dialog on pasted text (a Quizlet export, or spreadsheet rows).
    Paste,
    /// Import the dialog's cards (`skip_bad_rows`: leave the rows with problems out).
    ImportText {
        /// Import the other rows when some have problems.
        skip_bad_rows: bool,
    },
    /// Close the import dialog without importing.
    CloseText,
    /// Hide the errors of a deck that was not imported.
    DismissErrors,
}

/// What a background import gives back (no messages: the interface language lives on
/// the interface thread, so the sentences are made there).
enum Done {
    /// The deck was imported.
    Imported {
        /// What is said of the deck. The deck itself is dropped on the import's thread:
        /// a deck near the memory limit was held while the library read it again (385 MiB
        /// at the peak of importing a 236,297-card deck).
        deck: crate::deck::DeckSummary,
        /// From an Anki package: its report, and the progress its review log means.
        anki: Option<Box<AnkiDone>>,
        /// Warnings and skipped rows of a spreadsheet or Quizlet import.
        problems: Vec<RowProblem>,
        format: Option<TextFormat>,
        reused_ids: usize,
    },
    /// The deck has errors (diagnostics as `check` prints them).
    Invalid(String),
    /// Rows of a spreadsheet or Quizlet text have problems; nothing was written.
    Rows(Vec<RowProblem>),
    /// The import failed (a message for the banner).
    Failed(String),
}

struct AnkiDone {
    report: crate::import_export::anki::AnkiReport,
    progress: Option<crate::store::ProgressBundle>,
    future: usize,
}

/// What finished work gave back.
enum Finished {
    Read(Result<String, Message>),
    Import(Done),
}

/// Work running in the background.
enum Work {
    /// Reading a spreadsheet or text file for the dialog.
    Read(Job<Result<String, Message>>),
    /// Importing a file (or the dialog's text) into `dest`.
    Import {
        job: Job<Done>,
        everyone: bool,
        dest: PathBuf,
        /// The profile whose progress an Anki review log becomes.
        profile: String,
    },
    /// The deck was imported; the library is read again (its new deck checked and
    /// cached) before what the import did is said.
    Reload {
        /// The reading.
        read: super::LibraryRead,
        /// What the import did, said once the library is in.
        done: Box<Done>,
        /// For everyone on this PC (the class deck folder).
        everyone: bool,
        /// Where the deck was copied.
        dest: PathBuf,
        /// The profile the import was for.
        profile: String,
    },
}

/// The import area's state: the dialogs, the files waiting, the work running.
#[derive(Default)]
pub struct Importer {
    /// Dropped files waiting for "for me / for everyone".
    pub drop_ask: Option<DropAsk>,
    /// The spreadsheet and Quizlet dialog.
    pub text: Option<Box<TextDialog>>,
    /// Pasted text closed without importing (Escape, the close button, "Cancel"): the
    /// next "Paste cards…" opens with it, so a slip of a key loses nothing.
    paste_draft: Option<Box<TextDialog>>,
    /// Files waiting to be imported (for everyone?), one after the other.
    queue: VecDeque<(PathBuf, bool)>,
    work: Option<(String, Work)>,
    /// Tests hold the next import (or reading of the library) here until they send (or
    /// drop the sender).
    pub(super) gate: Option<std::sync::mpsc::Receiver<()>>,
}

impl Importer {
    /// Whether one of the import dialogs is shown (the text dialog, or "for me / for
    /// everyone" for dropped files).
    pub(super) fn dialog_open(&self) -> bool {
        self.text.is_some() || self.drop_ask.is_some()
    }

    /// Forgets pasted text kept from a closed dialog (the profile is closing).
    pub(super) fn forget_paste_draft(&mut self) {
        self.paste_draft = None;
    }
}

impl std::fmt::Debug for Importer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Importer")
            .field("queue", &self.queue)
            .field("running", &self.work.as_ref().map(|w| &w.0))
            .finish_non_exhaustive()
    }
}

/// Whether a file is read through the import dialog (spreadsheets and text).
pub fn is_text(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| ["csv", "tsv", "txt"].contains(&e.to_ascii_lowercase().as_str()))
}

impl Importer {
    /// True while a file is read or imported in the background.
    pub fn busy(&self) -> bool {
        self.work.is_some()
    }

    /// Holds the next background import (or, once one has ended, the library's reading
    /// after it) until `gate` receives (or its sender is dropped), so a test can see the
    /// window while the import runs.
    #[doc(hidden)]
    pub fn hold_next(&mut self, gate: std::sync::mpsc::Receiver<()>) {
        self.gate = Some(gate);
    }

    /// Draws the import windows (the dialog, the dropped-file question, the progress);
    /// returns the action chosen.
    pub fn ui(&mut self, ctx: &egui::Context, class_folder: Option<&str>) -> Vec<Action> {
        let mut actions = Vec::new();
        if let Some((what, work @ (Work::Import { .. } | Work::Reload { .. }))) = &self.work {
            // While the library is read again with the old one let go, nothing else
            // can be done for that moment: the window does not say one can keep working.
            let waiting = matches!(work, Work::Reload { read, .. } if read.emptied);
            egui::Window::new(tr!("import-running-title"))
                .collapsible(false)
                .resizable(false)
                .anchor(egui::Align2::RIGHT_BOTTOM, [-12.0, -12.0])
                .show(ctx, |ui| {
                    ui.horizontal_wrapped(|ui| {
                        super::spinner::spinner(ui);
                        ui.label(tr!("import-running", file = what.as_str()));
                    });
                    if !waiting {
                        ui.label(egui::RichText::new(tr!("import-running-keep-working")).weak());
                    }
                });
        } else if let Some(t) = &mut self.text {
            actions.extend(t.ui(ctx, class_folder));
        } else if let Some(d) = &mut self.drop_ask {
            actions.extend(d.ui(ctx));
        }
        actions
    }
}

/// A file's name as messages show it.
fn file_name(path: &Path) -> String {
    path.file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| path.display().to_string())
}

impl QuizApp {
    /// Holds the next background import (or, once one has ended, the library's reading
    /// after it) until `gate` receives (or its sender is dropped), so a test sees the
    /// window while it runs.
    #[doc(hidden)]
    pub fn hold_next_import(&mut self, gate: std::sync::mpsc::Receiver<()>) {
        self.import.hold_next(gate);
    }

    /// Handles a message of the import area.
    pub(super) fn import_update(&mut self, msg: Msg) {
        match msg {
            Msg::File { path, everyone } => {
                self.picker = None;
                self.import.queue.push_back((path, everyone));
                self.import_next();
            }
            Msg::Dropped(paths) => match (self.class_dirs.first(), &self.open) {
                // With a class deck folder, ask for whom, as the picker does.
                (Some(class), Some(_)) => {
                    let ask = self.import.drop_ask.get_or_insert_with(Default::default);
                    ask.everyone_folder = class.describe();
                    ask.paths.extend(paths);
                }
                _ => {
                    self.import
                        .queue
                        .extend(paths.into_iter().map(|p| (p, false)));
                    self.import_next();
                }
            },
            Msg::DroppedFor { everyone } => {
                let paths = self.import.drop_ask.take().map(|d| d.paths);
                self.import
                    .queue
                    .extend(paths.unwrap_or_default().into_iter().map(|p| (p, everyone)));
                self.import_next();
            }
            Msg::CloseDropAsk => self.import.drop_ask = None,
            Msg::Paste => {
                if self.open.is_some() && self.import.text.is_none() {
                    let dialog = self.import.paste_draft.take().unwrap_or_else(|| {
                        Box::new(TextDialog::new(
                            Source::Pasted,
                            tr!("import-pasted-deck-title"),
                            false,
                        ))
                    });
                    self.import.text = Some(dialog);
                }
            }
            Msg::ImportText { skip_bad_rows } => self.import_text(skip_bad_rows),
            Msg::CloseText => {
                if let Some(d) = self.import.text.take()
                    && d.source == Source::Pasted
                    && d.text.as_deref().is_some_and(|t| !t.trim().is_empty())
                {
                    self.import.paste_draft = Some(d);
                }
                self.import_next();
            }
            Msg::DismissErrors => {
                if let Screen::Library(s) = &mut self.screen {
                    s.import_errors = None;
                }
            }
        }
    }

    /// Where an import goes: the open profile's decks, or the first class deck folder.
    /// None (with a message) when there is nowhere.
    fn import_target(&mut self, everyone: bool) -> Option<(PathBuf, String)> {
        let open = self.open.as_ref()?;
        match (everyone, self.class_dirs.first()) {
            (false, _) => Some((open.info.decks_dir(), open.info.slug.clone())),
            (true, Some(class)) => Some((class.path.clone(), open.info.slug.clone())),
            (true, None) => {
                self.banner.push(tr!("msg-no-class-folder"));
                None
            }
        }
    }

    /// Starts the next queued file when nothing else runs and no dialog is open.
    fn import_next(&mut self) {
        if self.import.work.is_some() || self.import.text.is_some() {
            return;
        }
        let Some((path, everyone)) = self.import.queue.pop_front() else {
            return;
        };
        let Some((dest, profile)) = self.import_target(everyone) else {
            return;
        };
        let name = file_name(&path);
        if is_text(&path) {
            let title = path
                .file_stem()
                .map(|s| s.to_string_lossy().into_owned())
                .unwrap_or_default();
            self.import.text = Some(Box::new(TextDialog::new(
                Source::File(path.clone()),
                title,
                everyone,
            )));
            let job = Job::spawn("quizdeck-import-read", move || read_text(&path));
            self.import.work = Some((name, Work::Read(job)));
            return;
        }
        let gate = self.import.gate.take();
        let schedule = (!everyone)
            .then(|| self.open.as_ref().map(|o| o.settings.schedule.clone()))
            .flatten();
        let (offset, now) = (self.offset, self.now());
        let to = dest.clone();
        let job = Job::spawn("quizdeck-import", move || {
            if let Some(g) = gate {
                let _ = g.recv();
            }
            let done = import_file(&path, &to, schedule, offset, now);
            // The deck checked and copied here is gone: its pages go back before the
            // library loads it again.
            super::release_free_memory();
            done
        });
        self.import.work = Some((
            name,
            Work::Import {
                job,
                everyone,
                dest,
                profile,
            },
        ));
    }

    /// Imports the dialog's text in the background.
    fn import_text(&mut self, skip_bad_rows: bool) {
        let Some(dialog) = &mut self.import.text else {
            return;
        };
        let Some(text) = dialog.text.clone() else {
            return;
        };
        let everyone = dialog.everyone;
        let Some((dest, profile)) = self.import_target(everyone) else {
            return;
        };
        let Some(dialog) = &mut self.import.text else {
            return;
        };
        dialog.problems.clear();
        dialog.error = None;
        let mut id = dialog.deck_id();
        // A bundled deck of that id stays: the import gets an id of its own.
        let existing = self
            .open
            .as_ref()
            .and_then(|o| o.library.get(&crate::ids::DeckId::new(id.clone())));
        let existing = match existing {
            Some(d) if d.origin == DeckOrigin::Bundled => {
                id.push_str("-imported");
                None
            }
            Some(d) => Some(d.deck.clone()),
            None => None,
        };
        let opts = ImportOptions {
            deck_id: id,
            title: dialog.title.trim().to_owned(),
            keep_going: skip_bad_rows,
        };
        let format = dialog.format;
        let mapping = dialog.mapping.clone();
        let has_header = dialog.has_header;
        let seps = dialog.separators();
        let name = dialog.name();
        let gate = self.import.gate.take();
        let to = dest.clone();
        let job = Job::spawn("quizdeck-import", move || {
            if let Some(g) = gate {
                let _ = g.recv();
            }
            let outcome = match format {
                TextFormat::Columns => mapping::import_mapped(
                    &text,
                    &name,
                    &mapping,
                    has_header,
                    existing.as_ref(),
                    &opts,
                ),
                TextFormat::Quizlet => {
                    quizlet::import_quizlet_text(&text, &seps, existing.as_ref(), &opts)
                }
            };
            match outcome {
                Ok(out) => match write_text_deck(&out.deck, &name, &to) {
                    Ok(deck) => Done::Imported {
                        deck,
                        anki: None,
                        problems: out.problems,
                        format: Some(format),
                        reused_ids: out.reused_ids,
                    },
                    Err(d) => *d,
                },
                Err(ImportExportError::Rows { problems }) => Done::Rows(problems),
                Err(ImportExportError::Invalid { diagnostics }) => {
                    Done::Invalid(one_per_line(&diagnostics))
                }
                Err(e) => Done::Failed(crate::i18n::message(&e.message())),
            }
        });
        let title = dialog.title.clone();
        self.import.work = Some((
            title,
            Work::Import {
                job,
                everyone,
                dest,
                profile,
            },
        ));
    }

    /// Applies the background work that has finished (waits for it when `wait`).
    pub(super) fn import_poll(&mut self, wait: bool) {
        while let Some((_, work)) = &self.import.work {
            if let Work::Reload { .. } = work {
                if !self.reload_poll(wait) || !wait {
                    return;
                }
                continue;
            }
            // `None` while it runs; `Some(None)` when it ended without a result (it
            // panicked).
            let finished = match work {
                Work::Read(job) => job.finished(wait).map(|r| r.map(Finished::Read)),
                Work::Import { job, .. } => job.finished(wait).map(|r| r.map(Finished::Import)),
                // (Handled above.)
                Work::Reload { .. } => return,
            };
            // Still running.
            let Some(result) = finished else { return };
            let Some((name, work)) = self.import.work.take() else {
                return;
            };
            match (result, work) {
                (Some(Finished::Read(read)), _) => {
                    match &mut self.import.text {
                        Some(t) => match read {
                            Ok(text) => t.text = Some(text),
                            Err(e) => t.read_error = Some(crate::i18n::message(&e)),
                        },
                        // The dialog was closed while its file was read: the next file.
                        None => self.import_next(),
                    }
                }
                (
                    Some(Finished::Import(done)),
                    Work::Import {
                        everyone,
                        dest,
                        profile,
                        ..
                    },
                ) => {
                    // The library is read again off this thread before the import is
                    // said done. (A test holds the reading as it holds an import.)
                    let gate =
                        matches!(done, Done::Imported { .. }).then(|| self.import.gate.take());
                    if let Some(gate) = gate
                        && let Some(read) = self.start_library_read(gate)
                    {
                        let reload = Work::Reload {
                            read,
                            done: Box::new(done),
                            everyone,
                            dest,
                            profile,
                        };
                        self.import.work = Some((name, reload));
                        continue;
                    }
                    self.import_done(done, &name, everyone, &dest, &profile);
                    self.import_next();
                }
                // The work ended without a result (it panicked): say so.
                (_, _) => {
                    self.import.text = None;
                    self.banner
                        .push(tr!("import-failed-unexpectedly", file = name.as_str()));
                    self.import_next();
                }
            }
            if !wait {
                return;
            }
        }
    }

    /// Once the library read again after an import is in, says what the import did;
    /// false while it is still being read.
    fn reload_poll(&mut self, wait: bool) -> bool {
        let Some((name, work)) = self.import.work.take() else {
            return true;
        };
        let Work::Reload {
            read,
            done,
            everyone,
            dest,
            profile,
        } = work
        else {
            self.import.work = Some((name, work));
            return true;
        };
        let Some(taken) = self.finish_library_read(&read, wait) else {
            self.import.work = Some((
                name,
                Work::Reload {
                    read,
                    done,
                    everyone,
                    dest,
                    profile,
                },
            ));
            return false;
        };
        self.import_done(*done, &name, everyone, &dest, &profile);
        // The import was for a profile no longer open: the library read for the one
        // open is shown here, not by what the import says.
        if taken && matches!(&self.screen, Screen::Library(s) if s.loading) {
            self.show_library();
        }
        self.import_next();
        true
    }

    /// The library's reading after an import, while it runs.
    pub(super) fn import_reading(&self) -> Option<&super::LibraryRead> {
        match &self.import.work {
            Some((_, Work::Reload { read, .. })) => Some(read),
            _ => None,
        }
    }

    /// Shows what a finished import did.
    fn import_done(&mut self, done: Done, name: &str, everyone: bool, dest: &Path, profile: &str) {
        let whom = if everyone {
            tr!("msg-for-everyone")
        } else {
            String::new()
        };
        match done {
            Done::Imported {
                deck,
                anki,
                problems,
                format,
                reused_ids,
            } => {
                self.import.text = None;
                let mut message = match &anki {
                    Some(a) => tr!(
                        "app-anki-imported",
                        title = deck.title.as_str(),
                        cards = deck.cards,
                        pictures = a.report.pictures,
                        whom = whom.as_str()
                    ),
                    None => tr!(
                        "msg-imported",
                        title = &deck.title,
                        cards = deck.cards,
                        whom = whom.as_str()
                    ),
                };
                if reused_ids > 0 {
                    message.push(' ');
                    message.push_str(&tr!("import-ids-kept", n = reused_ids));
                }
                let details = match anki {
                    Some(a) => self.anki_progress(*a, profile, &mut message),
                    None => Vec::new(),
                };
                self.banner.push(message);
                self.banner.extend(details);
                if let Some(format) = format {
                    let skipped = problems
                        .iter()
                        .filter(|p| p.severity == crate::deck::Severity::Error)
                        .count();
                    if skipped > 0 {
                        self.banner.push(tr!("import-rows-skipped", n = skipped));
                    }
                    for p in problems.iter().take(10) {
                        self.banner.push(row_problem(p, format));
                    }
                }
                if let Some(shown) = self.open.as_ref().and_then(|o| o.library.get(&deck.id))
                    && shown.deck.version > deck.version
                {
                    self.banner.push(tr!(
                        "msg-newer-version",
                        version = shown.deck.version,
                        place = crate::i18n::origin_names(&shown.origin).0
                    ));
                }
                // (Not when another profile was chosen meanwhile: it is shown as it is,
                // or still being opened.)
                if self.open.as_ref().is_some_and(|o| o.info.slug == profile) {
                    self.show_library();
                }
            }
            Done::Rows(problems) => {
                if let Some(t) = &mut self.import.text {
                    t.problems = problems;
                }
            }
            Done::Invalid(errors) => {
                if let Some(t) = &mut self.import.text {
                    t.error = Some(errors);
                    return;
                }
                // Another profile was chosen meanwhile (perhaps still opening): the
                // banner says which file was not imported, the screen stays.
                if self.open.as_ref().is_none_or(|o| o.info.slug != profile) {
                    self.banner
                        .push(format!("{} {name}", tr!("library-the-deck-was-not")));
                    return;
                }
                self.show_library();
                if let Screen::Library(s) = &mut self.screen {
                    s.import_errors = Some(errors);
                }
            }
            Done::Failed(e) => {
                let e = format!("{name}: {e}");
                let message = if everyone {
                    tr!(
                        "msg-class-folder-not-writable",
                        error = e,
                        folder = dest.display().to_string()
                    )
                } else {
                    e
                };
                match &mut self.import.text {
                    Some(t) => t.error = Some(message),
                    None => self.banner.push(message),
                }
            }
        }
    }

    /// Keeps an Anki review log as the progress of the profile it was imported for, and
    /// adds the report's facts to `message`; gives back the lines under them (each note or
    /// picture left out and why), worded in the student's language.
    fn anki_progress(&mut self, a: AnkiDone, profile: &str, message: &mut String) -> Vec<String> {
        if a.future > 0 {
            message.push(' ');
            message.push_str(&tr!("app-anki-future", n = a.future));
        }
        if let Some(bundle) = a.progress {
            let now = self.now();
            match &mut self.open {
                Some(open) if open.info.slug == profile => {
                    match open.store.import_bundle(bundle, now, false) {
                        Ok(r) => {
                            message.push(' ');
                            message.push_str(&tr!("app-anki-kept", n = r.history_added));
                        }
                        Err(e) => {
                            message.push(' ');
                            message.push_str(&tr!(
                                "app-anki-not-kept",
                                error = crate::i18n::message(&e.message())
                            ));
                        }
                    }
                }
                _ => {
                    message.push(' ');
                    message.push_str(&tr!(
                        "app-anki-not-kept",
                        error = tr!("import-profile-changed")
                    ));
                }
            }
        }
        // The first fact (what was read and made) is already said; a few notes or pictures
        // of each list, so that the banner fits the window.
        let mut details = Vec::new();
        for (fact, lines) in a.report.details(5).iter().skip(1) {
            message.push(' ');
            message.push_str(&crate::i18n::message(fact));
            message.push('.');
            details.extend(
                lines
                    .iter()
                    .map(|l| format!("– {}", crate::i18n::message(l))),
            );
        }
        details
    }
}

/// Reads a spreadsheet or text file for the dialog (within the spreadsheet size limit,
/// in any encoding the spreadsheet import reads).
fn read_text(path: &Path) -> Result<String, Message> {
    let cap = crate::import_export::MAX_CSV_BYTES;
    let unreadable = |message| {
        ImportExportError::Csv {
            path: path.to_owned(),
            message,
        }
        .message()
    };
    let bytes = match quizdeck_core::input::read_regular(path, cap) {
        Ok(Ok(b)) => b,
        Ok(Err(t)) => {
            return Err(unreadable(crate::import_export::sheet_too_large(
                t.size, cap,
            )));
        }
        Err(e) => return Err(crate::message::io_error("read", path, &e)),
    };
    crate::import_export::decode_text(bytes).map_err(unreadable)
}

/// Writes a deck made from text into `dest` through the library's import (its checks,
/// its pictures copied). Pictures named by the rows are relative to the spreadsheet's
/// folder, so the deck file is written beside it for the copy, then removed.
fn write_text_deck(
    deck: &Deck,
    name: &Path,
    dest: &Path,
) -> Result<crate::deck::DeckSummary, Box<Done>> {
    let failed = |e: &dyn std::fmt::Display| Box::new(Done::Failed(e.to_string()));
    let beside = name
        .parent()
        .filter(|p| !p.as_os_str().is_empty() && deck.cards.iter().any(|c| c.image.is_some()));
    let tmp = match beside {
        Some(dir) => dir.join(format!(
            ".{}.quizdeck-import-{}",
            deck.id,
            std::process::id()
        )),
        None => dest.join(format!(".text.importing-{}", std::process::id())),
    };
    std::fs::create_dir_all(dest).map_err(|e| failed(&e))?;
    let file = if beside.is_some() {
        tmp.with_extension("ron")
    } else {
        std::fs::create_dir_all(&tmp).map_err(|e| failed(&e))?;
        tmp.join(format!("{}.ron", deck.id))
    };
    let written = crate::import_export::write_atomic(&file, &crate::deck::to_ron(deck))
        .map_err(|e| failed(&e))
        .and_then(|()| lib::import_deck(&file, dest).map_err(|e| Box::new(library_done(e))));
    let _ = std::fs::remove_file(&file);
    if beside.is_none() {
        let _ = std::fs::remove_dir_all(&tmp);
    }
    written
}

/// Diagnostics one a line, as the library shows a deck that was not imported.
fn one_per_line(diagnostics: &[crate::deck::Diagnostic]) -> String {
    crate::i18n::diagnostic_lines(diagnostics)
}

/// A library error as the import's outcome.
fn library_done(e: LibraryError) -> Done {
    match e {
        LibraryError::Invalid(checked) => Done::Invalid(crate::i18n::checked_text(&checked)),
        e => Done::Failed(crate::i18n::message(&e.message())),
    }
}

/// Imports a deck file, a `.qdeck` package or an Anki package into `dest`: all the
/// reading, checking, converting and copying (this runs off the interface thread).
/// With `schedule` (an import for the open profile alone), an Anki review log becomes
/// progress under those settings.
fn import_file(
    path: &Path,
    dest: &Path,
    schedule: Option<crate::schedule::Settings>,
    offset: chrono::FixedOffset,
    now: chrono::DateTime<chrono::Utc>,
) -> Done {
    use crate::import_export::anki;
    if anki::is_anki_package(path) {
        let result = anki::read_package(path, dest, &anki::AnkiOptions::default())
            .and_then(|imp| anki::import_into(&imp, dest).map(|d| (imp, d)));
        return match result {
            Ok((imp, deck)) => {
                let mut done = AnkiDone {
                    report: imp.report.clone(),
                    progress: None,
                    future: 0,
                };
                if let Some(settings) = schedule
                    && !imp.reviews.is_empty()
                {
                    match crate::schedule::Scheduler::new(settings) {
                        Ok(scheduler) => {
                            let (states, history, future) =
                                anki::progress_from_reviews(&imp.reviews, &scheduler, offset, now);
                            done.future = future;
                            done.progress = Some(crate::store::ProgressBundle {
                                format: crate::store::bundle::FORMAT.to_owned(),
                                version: crate::store::bundle::VERSION,
                                exported_at: now,
                                profile_name: None,
                                states,
                                history,
                                settings: None,
                            });
                        }
                        Err(e) => return Done::Failed(crate::i18n::message(&e.message())),
                    }
                }
                Done::Imported {
                    deck,
                    anki: Some(Box::new(done)),
                    problems: Vec::new(),
                    format: None,
                    reused_ids: 0,
                }
            }
            Err(ImportExportError::Invalid { diagnostics }) => {
                Done::Invalid(one_per_line(&diagnostics))
            }
            Err(e @ ImportExportError::Refused { .. }) => {
                Done::Invalid(crate::i18n::message(&e.message()))
            }
            Err(e) => Done::Failed(crate::i18n::message(&e.message())),
        };
    }
    let imported = if crate::package::is_package(path) {
        crate::package::import_package(path, dest)
    } else {
        lib::import_deck(path, dest).map_err(Into::into)
    };
    let deck_done = |deck: crate::deck::DeckSummary| Done::Imported {
        deck,
        anki: None,
        problems: Vec::new(),
        format: None,
        reused_ids: 0,
    };
    match imported {
        Ok(deck) => deck_done(deck),
        Err(
            PackageError::Library(LibraryError::Invalid(checked)) | PackageError::Invalid(checked),
        ) => Done::Invalid(crate::i18n::checked_text(&checked)),
        Err(e @ PackageError::Refused { .. }) => Done::Invalid(crate::i18n::message(&e.message())),
        Err(e) => Done::Failed(crate::i18n::message(&e.message())),
    }
}
