//! The end-of-session summary: a word of encouragement, the session's progress bar, the
//! figures (items and answers counted apart, one accuracy), what comes back when, and
//! every mistake with its right answer.

use super::Action;
use crate::session::Summary;
use crate::tr;
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
pub fn headline(s: &Summary) -> String {
    match (s.studied, s.accuracy()) {
        (0, _) => tr!("summary-no-answers-this-time"),
        (_, a) if a >= 0.9 => tr!("summary-excellent-work"),
        (_, a) if a >= 0.7 => tr!("summary-well-done-steady-progress"),
        _ => tr!("summary-good-effort-the-items"),
    }
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
                    .button(RichText::new(tr!("summary-back-to-decks")).size(18.0))
                    .clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Enter))
                {
                    action = Some(Action::BackToLibrary);
                }
            });
            ui.add_space(6.0);
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            super::frame::page("summary-scroll", ui, |ui| self.figures_ui(ui));
        });
        action
    }

    fn figures_ui(&self, ui: &mut egui::Ui) {
        super::study::column(ui, |ui| {
            let s = &self.summary;
            ui.add_space(16.0);
            ui.heading(tr!("summary-session-finished"));
            ui.add(egui::Label::new(RichText::new(headline(s)).size(20.0)).wrap());
            ui.add_space(8.0);
            // Only once something was answered: an empty session shows no 0 %.
            if s.studied > 0 {
                // The words above the bar, not in it: over a short fill ("2 %") the
                // number sat in the fill's round end, hard to read.
                ui.label(tr!(
                    "summary-queue-done",
                    percent = crate::i18n::dec(f64::from(self.progress) * 100.0, 0)
                ));
                ui.add(egui::ProgressBar::new(self.progress).desired_height(10.0));
            }
            ui.add_space(12.0);
            let line = |ui: &mut egui::Ui, text: String| {
                ui.add(egui::Label::new(RichText::new(text).size(18.0)).wrap());
            };
            if s.studied > 0 {
                line(
                    ui,
                    tr!(
                        "summary-studied-given",
                        items = s.items,
                        answers = s.studied
                    ),
                );
                line(
                    ui,
                    tr!(
                        "summary-remembered",
                        right = s.remembered,
                        answers = s.studied,
                        percent = crate::i18n::dec(f64::from(s.accuracy()) * 100.0, 0)
                    ),
                );
                line(
                    ui,
                    tr!("summary-time", min = s.time_secs / 60, s = s.time_secs % 60),
                );
            }
            if s.later_today > 0 {
                line(
                    ui,
                    match &self.comes_back {
                        Some(when) => tr!("summary-comes-back", n = s.later_today, when = when),
                        None => tr!("summary-comes-back-later", n = s.later_today),
                    },
                );
            }
            line(ui, tr!("summary-due-tomorrow", n = s.due_tomorrow as u64));
            if !self.mistakes.is_empty() {
                ui.add_space(12.0);
                ui.label(
                    RichText::new(tr!("summary-to-look-at-again"))
                        .strong()
                        .size(18.0),
                );
                for m in &self.mistakes {
                    ui.separator();
                    ui.add(egui::Label::new(RichText::new(&m.question).strong()).wrap());
                    ui.add(
                        egui::Label::new(
                            RichText::new(tr!("summary-right-answer", answer = &m.answer))
                                .color(super::theme::right_color(ui)),
                        )
                        .wrap(),
                    );
                }
            }
            if !self.leech_names.is_empty() {
                ui.add_space(8.0);
                let heading = if self.leeches_suspended {
                    tr!("summary-these-items-keep-slipping")
                } else {
                    tr!("summary-these-items-keep-slipping-2")
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

// The app's side of this screen.
use super::{QuizApp, Screen};

/// Shows the summary of `session`, which just ended.
pub(super) fn open(app: &mut QuizApp, session: &crate::session::Session) {
    let now = app.now();
    let Some(open) = &app.open else { return };
    let summary = session.summary(&open.store, now, app.offset);
    let counts = session.counts();
    let left = counts.new + counts.learning + counts.review;
    let done = session.answered_count() as f32;
    let progress = if done + left as f32 > 0.0 {
        done / (done + left as f32)
    } else {
        1.0
    };
    let mistakes = summary
        .mistakes
        .iter()
        .filter_map(|k| {
            let deck = &open.library.get(&k.deck)?.deck;
            let card = deck.card(&k.card)?;
            let (question, answer) = super::study::item_texts(deck, card, k.part);
            Some(Mistake { question, answer })
        })
        .collect();
    let comes_back = summary.next_due.map(|due| {
        let (mins, time) = super::study::comes_back_in(due, now, app.offset);
        tr!("app-in-minutes", mins = mins, time = time)
    });
    let leech_names = summary
        .leeches
        .iter()
        .map(|k| {
            let deck = open.library.get(&k.deck);
            let text = deck
                .and_then(|d| d.deck.card(&k.card))
                .map(|c| c.kind.prompt_text())
                .unwrap_or_else(|| k.to_string());
            match deck {
                Some(d) => format!("{} › {text}", d.deck.title),
                None => text,
            }
        })
        .collect();
    let leeches_suspended =
        open.settings.schedule.leech_action == crate::schedule::LeechAction::Suspend;
    app.screen = Screen::Summary(SummaryScreen {
        summary,
        leech_names,
        leeches_suspended,
        mistakes,
        comes_back,
        progress,
    });
}
