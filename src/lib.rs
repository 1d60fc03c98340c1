//! quizdeck: offline flashcards and quizzes with FSRS spaced repetition.
//!
//! The library holds the whole domain (decks, scheduling, progress, answer checking);
//! only [`ui`] knows about egui. The binary in `src/main.rs` parses the command line and
//! then runs the GUI or a subcommand.

pub mod ids;
