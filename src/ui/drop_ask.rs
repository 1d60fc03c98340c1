//! The question a dropped deck, package or Anki package asks before it is imported: for
//! the open profile only, or for everyone on this PC (the class deck folder), as the
//! import dialog asks. Shown only when there is a class deck folder to import into.

use super::Action;
use std::path::PathBuf;

/// Files dropped onto the window, waiting for the teacher's answer.
#[derive(Debug, Default)]
pub struct DropAsk {
    /// The dropped files, in the order dropped.
    pub paths: Vec<PathBuf>,
    /// The class deck folder "for everyone" imports into, as shown.
    pub everyone_folder: String,
}

impl DropAsk {
    /// Draws the question in a window; returns the action chosen.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Action> {
        let mut action = None;
        let mut open = true;
        egui::Window::new("Import dropped files")
            .open(&mut open)
            .collapsible(false)
            .resizable(false)
            .anchor(egui::Align2::CENTER_CENTER, [0.0, 0.0])
            .show(ctx, |ui| {
                ui.set_max_width(ctx.content_rect().width() * 0.8);
                let names: Vec<String> = self
                    .paths
                    .iter()
                    .take(5)
                    .map(|p| {
                        p.file_name()
                            .map(|n| n.to_string_lossy().into_owned())
                            .unwrap_or_else(|| p.display().to_string())
                    })
                    .collect();
                let more = self.paths.len().saturating_sub(names.len());
                ui.label(format!(
                    "Import {}{}?",
                    names.join(", "),
                    if more > 0 {
                        format!(" and {more} more")
                    } else {
                        String::new()
                    }
                ));
                ui.label("Import for:");
                ui.horizontal_wrapped(|ui| {
                    let me = ui.button("Me");
                    if me.clicked() {
                        action = Some(Action::ImportDropped { everyone: false });
                    }
                    if !ui.memory(|m| m.focused().is_some()) {
                        me.request_focus();
                    }
                    if ui
                        .button("Everyone on this PC")
                        .on_hover_text(format!(
                            "Copied into the class deck folder {}",
                            self.everyone_folder
                        ))
                        .clicked()
                    {
                        action = Some(Action::ImportDropped { everyone: true });
                    }
                    if ui.button("Cancel").clicked() {
                        action = Some(Action::CloseDropAsk);
                    }
                });
                ui.label(
                    egui::RichText::new(format!(
                        "Everyone: every profile on this PC sees the deck (class deck folder {}).",
                        self.everyone_folder
                    ))
                    .weak(),
                );
            });
        if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = Some(Action::CloseDropAsk);
        }
        action
    }
}
