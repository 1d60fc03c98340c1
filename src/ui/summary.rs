//! The end-of-session summary: a word of encouragement, the session's progress bar, the
//! figures (items and answers counted apart, one accuracy), what comes back when, and
//! every mistake with its right answer.

use super::Action;
use crate::session::Summary;
use egui::RichText;

/// One item missed in the session.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Mistake {
    /// The question as it was asked.
    pub question: String,
    /// The right answer.
    pub answer: String,
}

/// The summary screen.
#[derive(Debug, Default)]
pub struct SummaryScreen {
    /// The session's figures.
    pub summary: Summary,
    /// Leeches met, as readable names ("Deck › card").
    pub leech_names: Vec<String>,
    /// The profile's leech action suspends leeches (otherwise they stay in study).
    pub leeches_suspended: bool,
    /// The items missed, with their right answers.
    pub mistakes: Vec<Mistake>,
    /// "in 8 min (10:42)": when the first learning item comes back, if any does today.
    pub comes_back: Option<String>,
    /// Share of the session's queue done when it ended, 0–1.
    pub progress: f32,
}

/// A short word for the session: encouraging, and honest about an empty one.
pub fn headline(s: &Summary) -> &'static str {
    match (s.studied, s.accuracy()) {
        (0, _) => "No answers this time. Come back when you are ready.",
        (_, a) if a >= 0.9 => "Excellent work!",
        (_, a) if a >= 0.7 => "Well done: steady progress.",
        _ => "Good effort: the items you missed come back soon, and that is how they stick.",
    }
}

fn plural(n: impl Into<u64>, one: &str, many: &str) -> String {
    let n = n.into();
    format!("{n} {}", if n == 1 { one } else { many })
}

impl SummaryScreen {
    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        // "Back to decks" stays in view; the figures and mistakes scroll above it.
        egui::Panel::bottom("summary-buttons").show(ui, |ui| {
            ui.add_space(6.0);
            super::study::column(ui, |ui| {
                if ui
                    .button(RichText::new("Back to decks").size(18.0))
                    .clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Enter))
                {
                    action = Some(Action::BackToLibrary);
                }
            });
            ui.add_space(6.0);
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("summary-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| self.figures_ui(ui));
        });
        action
    }

    fn figures_ui(&self, ui: &mut egui::Ui) {
        super::study::column(ui, |ui| {
            let s = &self.summary;
            ui.add_space(16.0);
            ui.heading("Session finished");
            ui.add(egui::Label::new(RichText::new(headline(s)).size(20.0)).wrap());
            ui.add_space(8.0);
            // Only once something was answered: an empty session shows no 0 %.
            if s.studied > 0 {
                ui.add(
                    egui::ProgressBar::new(self.progress)
                        .desired_height(10.0)
                        .text(format!(
                            "{:.0} % of this session's queue done",
                            self.progress * 100.0
                        )),
                );
            }
            ui.add_space(12.0);
            let line = |ui: &mut egui::Ui, text: String| {
                ui.add(egui::Label::new(RichText::new(text).size(18.0)).wrap());
            };
            if s.studied > 0 {
                line(
                    ui,
                    format!(
                        "{} studied, {} given.",
                        plural(s.items, "item", "items"),
                        plural(s.studied, "answer", "answers")
                    ),
                );
                line(
                    ui,
                    format!(
                        "Remembered: {} of {} answers ({:.0} %).",
                        s.remembered,
                        s.studied,
                        s.accuracy() * 100.0
                    ),
                );
                line(
                    ui,
                    format!("Time: {} min {} s.", s.time_secs / 60, s.time_secs % 60),
                );
            }
            if s.later_today > 0 {
                line(
                    ui,
                    format!(
                        "{} back {}.",
                        plural(s.later_today, "item comes", "items come"),
                        self.comes_back.as_deref().unwrap_or("later today")
                    ),
                );
            }
            line(
                ui,
                format!(
                    "Due tomorrow: {}.",
                    plural(s.due_tomorrow as u64, "item", "items")
                ),
            );
            if !self.mistakes.is_empty() {
                ui.add_space(12.0);
                ui.label(RichText::new("To look at again").strong().size(18.0));
                for m in &self.mistakes {
                    ui.separator();
                    ui.add(egui::Label::new(RichText::new(&m.question).strong()).wrap());
                    ui.add(
                        egui::Label::new(
                            RichText::new(format!("Right answer: {}", m.answer))
                                .color(super::theme::right_color(ui)),
                        )
                        .wrap(),
                    );
                }
            }
            if !self.leech_names.is_empty() {
                ui.add_space(8.0);
                let heading = if self.leeches_suspended {
                    "These items keep slipping away and were suspended (leeches; Browse brings them back):"
                } else {
                    "These items keep slipping away (leeches): try a new way to remember them, or ask your teacher to reword them:"
                };
                ui.add(egui::Label::new(RichText::new(heading).strong()).wrap());
                for n in &self.leech_names {
                    ui.add(egui::Label::new(format!("• {n}")).wrap());
                }
            }
            ui.add_space(16.0);
        });
    }
}
