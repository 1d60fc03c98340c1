//! The end-of-session summary.

use super::Action;
use crate::session::Summary;
use egui::RichText;

/// The summary screen.
#[derive(Debug, Default)]
pub struct SummaryScreen {
    /// The session's figures.
    pub summary: Summary,
    /// Leeches met, as readable names ("Deck › card").
    pub leech_names: Vec<String>,
    /// The profile's leech action suspends leeches (otherwise they stay in study).
    pub leeches_suspended: bool,
}

impl SummaryScreen {
    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let Self {
            summary,
            leech_names,
            leeches_suspended,
        } = self;
        let mut action = None;
        ui.heading("Session finished");
        ui.add_space(8.0);
        let line = |ui: &mut egui::Ui, label: &str, value: String| {
            ui.label(RichText::new(format!("{label}: {value}")).size(18.0));
        };
        line(ui, "Items studied", summary.studied.to_string());
        line(
            ui,
            "Remembered",
            format!("{:.0}%", summary.accuracy() * 100.0),
        );
        if summary.judged > 0 {
            line(
                ui,
                "Answered right",
                format!("{} of {}", summary.judged_right, summary.judged),
            );
        }
        line(
            ui,
            "Time",
            format!(
                "{} min {} s",
                summary.time_secs / 60,
                summary.time_secs % 60
            ),
        );
        line(ui, "Due tomorrow", summary.due_tomorrow.to_string());
        if !leech_names.is_empty() {
            ui.add_space(8.0);
            let heading = if *leeches_suspended {
                "These items keep slipping away and were suspended (leeches; Browse brings them back):"
            } else {
                "These items keep slipping away (leeches): try a new way to remember them, or ask your teacher to reword them:"
            };
            ui.label(RichText::new(heading).strong());
            for n in leech_names.iter() {
                ui.label(format!("• {n}"));
            }
        }
        ui.add_space(12.0);
        if ui
            .button(RichText::new("Back to decks").size(18.0))
            .clicked()
            || ui.input(|i| i.key_pressed(egui::Key::Enter))
        {
            action = Some(Action::BackToLibrary);
        }
        action
    }
}
