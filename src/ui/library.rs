//! The library screen: every deck with its figures, study buttons, deck import and
//! removal.

use super::Action;
use crate::ids::DeckId;
use crate::library::DeckStats;
use egui::RichText;

/// One row of the library, computed when data changes (never per frame).
#[derive(Debug, Clone)]
pub struct DeckRow {
    /// The deck's id.
    pub id: DeckId,
    /// Its title.
    pub title: String,
    /// Its description.
    pub description: String,
    /// Figures from the profile's progress.
    pub stats: DeckStats,
    /// "3 days ago", "today", "never".
    pub last_studied: String,
    /// Imported into the profile or a class folder (removable) rather than bundled.
    pub imported: bool,
    /// In a class deck folder: every profile on this PC sees it.
    pub shared: bool,
    /// Where it comes from ("bundled with quizdeck", "your decks", "class decks (…)").
    pub origin: String,
    /// When the deck is in several places: which copy is used and where the others are.
    pub copies: Option<String>,
}

/// The library screen.
#[derive(Debug, Default)]
pub struct LibraryScreen {
    /// The decks, in display order.
    pub rows: Vec<DeckRow>,
    /// Display name of the open profile.
    pub profile_name: String,
    /// Diagnostics of a deck that failed to import, rendered as `check` shows them.
    pub import_errors: Option<String>,
    /// Deck waiting for a removal confirmation.
    pub confirm_remove: Option<DeckId>,
    /// New items the profile may still start today (the daily limit is per profile).
    pub new_left_today: usize,
}

impl LibraryScreen {
    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        ui.horizontal(|ui| {
            ui.heading("Decks");
            ui.label(RichText::new(format!("Profile: {}", self.profile_name)).weak());
        });
        ui.horizontal_wrapped(|ui| {
            let due: usize = self
                .rows
                .iter()
                .map(|r| r.stats.due + r.stats.learning)
                .sum();
            let new: usize = self
                .rows
                .iter()
                .map(|r| r.stats.new_today)
                .sum::<usize>()
                .min(self.new_left_today);
            if ui
                .button(RichText::new(format!("Study all ({due} due, {new} new)")).size(18.0))
                .clicked()
            {
                action = Some(Action::Study(Vec::new()));
            }
            if ui.button("Import deck…").clicked() {
                action = Some(Action::OpenFilePicker);
            }
            if ui.button("Match game…").clicked() {
                action = Some(Action::OpenMatch);
            }
            if ui.button("Exam…").clicked() {
                action = Some(Action::OpenExamScreen);
            }
            if ui.button("Practice test…").clicked() {
                action = Some(Action::OpenPractice);
            }
            if ui.button("Statistics…").clicked() {
                action = Some(Action::OpenStats(None));
            }
            if ui.button("Browse…").clicked() {
                action = Some(Action::OpenBrowse);
            }
            if ui.button("Settings…").clicked() {
                action = Some(Action::OpenSettings);
            }
            if ui.button("Profiles…").clicked() {
                action = Some(Action::OpenProfiles);
            }
        });
        ui.label(
            RichText::new(
                "Tip: drop a .ron deck file or a .qdeck package onto the window to import it.",
            )
            .weak(),
        );
        if let Some(errors) = &self.import_errors {
            ui.separator();
            ui.colored_label(super::theme::wrong_color(ui), "The deck was not imported:");
            egui::ScrollArea::vertical()
                .id_salt("import-errors")
                .max_height(220.0)
                .show(ui, |ui| {
                    ui.add(egui::Label::new(RichText::new(errors).monospace()).wrap());
                });
            if ui.button("Dismiss").clicked() {
                action = Some(Action::DismissImportErrors);
            }
        }
        ui.separator();
        egui::ScrollArea::vertical()
            .id_salt("decks")
            .show(ui, |ui| {
                for row in &self.rows {
                    if let Some(a) = self.row_ui(ui, row) {
                        action = Some(a);
                    }
                    ui.separator();
                }
            });
        action
    }

    fn row_ui(&self, ui: &mut egui::Ui, row: &DeckRow) -> Option<Action> {
        let mut action = None;
        let s = &row.stats;
        // Buttons first, so long titles wrap in the space left instead of running under
        // them at large font scales.
        ui.horizontal(|ui| {
            let b = egui::Button::new(RichText::new("Study").size(16.0));
            if super::labelled(ui.add(b), &format!("Study {}", row.title)).clicked() {
                action = Some(Action::Study(vec![row.id.clone()]));
            }
            if row.imported && self.confirm_remove.as_ref() != Some(&row.id) {
                let r = ui
                    .button("Remove")
                    .on_hover_text("Remove this imported deck (progress is kept)");
                if super::labelled(r, &format!("Remove {}", row.title)).clicked() {
                    action = Some(Action::AskRemove(row.id.clone()));
                }
            }
            ui.vertical(|ui| {
                ui.add(egui::Label::new(RichText::new(&row.title).size(19.0).strong()).wrap());
                ui.add(
                    egui::Label::new(format!(
                        "{} cards · due {} · new today {} · learning {} · mastered {:.0}% · last studied {} · from {}",
                        s.cards,
                        s.due,
                        s.new_today,
                        s.learning,
                        s.mastery * 100.0,
                        row.last_studied,
                        row.origin
                    ))
                    .wrap(),
                );
                if let Some(copies) = &row.copies {
                    ui.add(egui::Label::new(RichText::new(copies).weak()).wrap());
                }
                if self.confirm_remove.as_ref() == Some(&row.id) {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(if row.shared {
                            "Remove this deck for everyone on this PC? Progress is kept."
                        } else {
                            "Remove this deck? Progress is kept."
                        });
                        if ui.button("Yes, remove").clicked() {
                            action = Some(Action::RemoveDeck(row.id.clone()));
                        }
                        if ui.button("Keep").clicked() {
                            action = Some(Action::CancelRemove);
                        }
                    });
                }
            });
        });
        action
    }
}
