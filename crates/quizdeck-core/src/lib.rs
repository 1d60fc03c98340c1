//! quizdeck-core: the engine of quizdeck, offline flashcards and quizzes with FSRS spaced
//! repetition.
//!
//! Decks, scheduling, study sessions, progress storage, answer checking, practice tests and
//! exams, statistics, import and export. This crate has no egui or eframe dependency: Cargo,
//! not a convention, keeps the interface out of the engine. The app crate (`quizdeck`, at
//! the repository root) holds the interface and the command line.

pub mod answer;
pub mod ask;
pub mod browse;
pub mod csv_out;
pub mod deck;
pub(crate) mod durable;
pub mod exam;
/// Fuzzing harnesses, one per fuzz target (with the `test-support` feature).
#[cfg(any(test, feature = "test-support"))]
#[doc(hidden)]
pub mod fuzzing;
/// Fuzzing harnesses: empty without the `test-support` feature.
#[cfg(not(any(test, feature = "test-support")))]
#[doc(hidden)]
pub mod fuzzing {}
pub mod ids;
pub mod import_export;
pub mod input;
pub mod library;
pub mod match_game;
pub mod message;
pub mod overview;
pub mod package;
pub mod picture;
pub mod quiz;
pub mod report;
pub mod schedule;
pub mod session;
pub mod settings;
pub mod slug;
pub mod stats;
pub mod store;
pub mod text;
