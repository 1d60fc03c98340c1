//! The question a dropped deck, package or Anki package asks before it is imported: for
//! the open profile only, or for everyone on this PC (the class deck folder), as the
//! import dialog asks. Shown only when there is a class deck folder to import into.

use super::Action;
use super::import::Msg;
use crate::tr;
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
        egui::Window::new(tr!("drop-title"))
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
                ui.label(if more > 0 {
                    tr!("drop-question-more", files = names.join(", "), more = more)
                } else {
                    tr!("drop-question", files = names.join(", "))
                });
                ui.label(tr!("drop-import-for"));
                ui.horizontal_wrapped(|ui| {
                    let me = ui.button(tr!("picker-me"));
                    if me.clicked() {
                        action = Some(Action::Import(Msg::DroppedFor { everyone: false }));
                    }
                    if !ui.memory(|m| m.focused().is_some()) {
                        me.request_focus();
                    }
                    if ui
                        .button(tr!("picker-everyone-on-this-pc"))
                        .on_hover_text(tr!(
                            "picker-copied-into",
                            folder = self.everyone_folder.as_str()
                        ))
                        .clicked()
                    {
                        action = Some(Action::Import(Msg::DroppedFor { everyone: true }));
                    }
                    if ui.button(tr!("settings-cancel")).clicked() {
                        action = Some(Action::Import(Msg::CloseDropAsk));
                    }
                });
                ui.label(
                    egui::RichText::new(tr!(
                        "picker-every-profile-will-see",
                        folder = self.everyone_folder.as_str()
                    ))
                    .weak(),
                );
            });
        if !open || ctx.input(|i| i.key_pressed(egui::Key::Escape)) {
            action = Some(Action::Import(Msg::CloseDropAsk));
        }
        action
    }
}
