//! quizdeck: offline flashcards and quizzes with FSRS spaced repetition.
//!
//! The library holds the whole domain (decks, scheduling, progress, answer checking,
//! import and export); only the `ui` module knows about egui. The binary in `src/main.rs`
//! parses the command line and then runs the GUI or a subcommand.

pub mod answer;
pub mod browse;
pub mod deck;
pub mod exam;
#[doc(hidden)]
pub mod fuzzing;
pub mod ids;
pub mod import_export;
pub mod library;
pub mod match_game;
pub mod picture;
pub mod quiz;
pub mod report;
pub mod schedule;
pub mod session;
pub mod settings;
pub mod stats;
pub mod store;
pub mod ui;
