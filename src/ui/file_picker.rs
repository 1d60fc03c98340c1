//! A small in-app file picker for deck files and packages (pure egui: no GTK or desktop portal). The
//! app reads folders when asked (`Action::PickerOpen`); the picker only shows them.

use super::Action;
use crate::tr;
use std::path::PathBuf;

/// One entry of the folder shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entry {
    /// Its full path.
    pub path: PathBuf,
    /// Its name.
    pub name: String,
    /// A folder (else a deck file).
    pub is_dir: bool,
}

/// The picker's state.
#[derive(Debug, Default)]
pub struct FilePicker {
    /// The folder shown.
    pub dir: PathBuf,
    /// Its sub-folders, `.ron` deck files and `.qdeck` packages, folders first.
    pub entries: Vec<Entry>,
    /// A path typed by hand.
    pub typed: String,
    /// Why the folder could not be read.
    pub error: Option<String>,
    /// The class deck folder that "for everyone on this PC" imports into (None: there is
    /// none, and the choice is not offered).
    pub everyone_folder: Option<String>,
    /// Import for every profile on this PC rather than for the open profile only.
    pub for_everyone: bool,
}

impl FilePicker {
    /// The import of `path` for whom the picker says.
    fn import(&self, path: PathBuf) -> Action {
        if self.for_everyone && self.everyone_folder.is_some() {
            Action::ImportDeckForEveryone(path)
        } else {
            Action::ImportDeck(path)
        }
    }

    /// Draws the picker in a window; returns the action chosen.
    pub fn ui(&mut self, ctx: &egui::Context) -> Option<Action> {
        let mut action = None;
        let mut open = true;
        egui::Window::new(tr!("picker-import-a-deck"))
            .open(&mut open)
            .collapsible(false)
            .default_size([520.0, 420.0])
            .show(ctx, |ui| {
                ui.label(tr!(
                    "picker-folder",
                    folder = self.dir.display().to_string()
                ));
                if let Some(folder) = &self.everyone_folder {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(tr!("picker-import-for"));
                        ui.radio_value(&mut self.for_everyone, false, tr!("picker-me"));
                        ui.radio_value(
                            &mut self.for_everyone,
                            true,
                            tr!("picker-everyone-on-this-pc"),
                        )
                        .on_hover_text(tr!("picker-copied-into", folder = folder.as_str()));
                    });
                    if self.for_everyone {
                        ui.label(
                            egui::RichText::new(tr!(
                                "picker-every-profile-will-see",
                                folder = folder.as_str()
                            ))
                            .weak(),
                        );
                    }
                }
                if let Some(e) = &self.error {
                    ui.colored_label(super::theme::wrong_color(ui), e);
                }
                ui.horizontal(|ui| {
                    if let Some(parent) = self.dir.parent()
                        && ui.button(tr!("picker-parent-folder")).clicked()
                    {
                        action = Some(Action::PickerOpen(parent.to_path_buf()));
                    }
                    let l = ui.label(tr!("picker-path"));
                    ui.text_edit_singleline(&mut self.typed).labelled_by(l.id);
                    if ui.button(tr!("picker-open")).clicked() && !self.typed.trim().is_empty() {
                        let p = PathBuf::from(self.typed.trim());
                        let deck = p.extension().is_some_and(|e| e == "ron")
                            || crate::package::is_package(&p);
                        action = Some(if deck {
                            self.import(p)
                        } else {
                            Action::PickerOpen(p)
                        });
                    }
                });
                ui.separator();
                egui::ScrollArea::vertical()
                    .max_height(300.0)
                    .show(ui, |ui| {
                        for e in &self.entries {
                            let label = if e.is_dir {
                                tr!("picker-folder-entry", name = &e.name)
                            } else {
                                e.name.clone()
                            };
                            if ui.selectable_label(false, label).clicked() {
                                action = Some(if e.is_dir {
                                    Action::PickerOpen(e.path.clone())
                                } else {
                                    self.import(e.path.clone())
                                });
                            }
                        }
                        if self.entries.is_empty() {
                            ui.label(tr!("picker-no-folders-ron-deck"));
                        }
                    });
            });
        if !open {
            action = Some(Action::ClosePicker);
        }
        action
    }
}
