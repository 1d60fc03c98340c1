//! quizdeck: offline flashcards and quizzes with FSRS spaced repetition.
//!
//! The engine lives in the `quizdeck-core` crate (decks, scheduling, progress, answer
//! checking, import and export), which does not depend on egui; this crate re-exports its
//! modules under the same names and adds the interface (`ui`). The binary in `src/main.rs`
//! parses the command line and then runs the GUI or a subcommand.

#[doc(hidden)]
pub use quizdeck_core::fuzzing;
pub use quizdeck_core::{
    answer, ask, browse, csv_out, deck, exam, ids, import_export, library, match_game, message,
    overview, package, picture, quiz, report, schedule, session, settings, slug, stats, store,
    text,
};
pub mod i18n;
pub mod ui;
