//! The settings screen: scheduling, typed answers and display, per profile.

use super::Action;
use crate::answer::Strictness;
use crate::ids::DeckId;
use crate::schedule::DeckLimits;
use crate::schedule::LeechAction;
use crate::settings::{FONT_SCALE_RANGE_PCT, ProfileSettings, Theme};
use crate::tr;

/// The settings screen, editing a copy of the profile's settings until saved.
#[derive(Debug, Default)]
pub struct SettingsScreen {
    /// The settings being edited.
    pub draft: ProfileSettings,
    /// Learning steps as typed ("1m 10m").
    pub learning_steps: String,
    /// Relearning steps as typed ("10m").
    pub relearning_steps: String,
    /// What is wrong with the draft, if anything.
    pub error: Option<String>,
    /// The profile's decks (id, title), for limits of single decks.
    pub decks: Vec<(DeckId, String)>,
}

/// Formats step delays as "1m 10m 1h 1d".
pub fn format_steps(steps: &[u32]) -> String {
    steps
        .iter()
        .map(|s| match *s {
            s if s % 86_400 == 0 => format!("{}d", s / 86_400),
            s if s % 3600 == 0 => format!("{}h", s / 3600),
            s if s % 60 == 0 => format!("{}m", s / 60),
            s => format!("{s}s"),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Parses "1m 10m 1h" into seconds; `None` names the part that is wrong.
pub fn parse_steps(text: &str) -> Result<Vec<u32>, String> {
    text.split_whitespace()
        .map(|t| {
            let (num, unit) = t.split_at(t.find(|c: char| !c.is_ascii_digit()).unwrap_or(t.len()));
            let n: u32 = num
                .parse()
                .map_err(|_| tr!("settings-step-not-a-step", step = t))?;
            let mult = match unit {
                "s" => 1,
                "" | "m" => 60,
                "h" => 3600,
                "d" => 86_400,
                _ => return Err(tr!("settings-step-unit", step = t)),
            };
            n.checked_mul(mult)
                .filter(|v| *v > 0)
                .ok_or_else(|| tr!("settings-step-out-of-range", step = t))
        })
        .collect()
}

impl SettingsScreen {
    /// Starts editing `settings`.
    pub fn new(settings: &ProfileSettings) -> Self {
        SettingsScreen {
            learning_steps: format_steps(&settings.schedule.learning_steps_secs),
            relearning_steps: format_steps(&settings.schedule.relearning_steps_secs),
            draft: settings.clone(),
            error: None,
            decks: Vec::new(),
        }
    }

    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        // Save and Cancel stay in view at any text size; the settings scroll above them.
        egui::Panel::bottom("settings-buttons").show(ui, |ui| {
            ui.add_space(6.0);
            if let Some(e) = &self.error {
                ui.colored_label(super::theme::wrong_color(ui), e.as_str());
            }
            ui.horizontal_wrapped(|ui| {
                if ui.button(tr!("settings-save")).clicked() {
                    action = self.save();
                }
                if ui.button(tr!("settings-cancel")).clicked()
                    || ui.input(|i| i.key_pressed(egui::Key::Escape))
                {
                    action = Some(Action::BackToLibrary);
                }
            });
            ui.add_space(6.0);
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            egui::ScrollArea::vertical()
                .id_salt("settings-scroll")
                .auto_shrink([false, false])
                .show(ui, |ui| {
                    self.fields_ui(ui);
                    super::frame::follow_focus(ui);
                });
        });
        action
    }

    /// The draft with the typed steps, checked; the error is kept when it is wrong.
    fn save(&mut self) -> Option<Action> {
        match (
            parse_steps(&self.learning_steps),
            parse_steps(&self.relearning_steps),
        ) {
            (Ok(l), Ok(r)) => {
                let mut s = self.draft.clone();
                s.schedule.learning_steps_secs = l;
                s.schedule.relearning_steps_secs = r;
                // The ranges, then the FSRS parameters' values (a scheduler is built from
                // them: an edited settings file may hold values no model takes).
                let checked = s
                    .schedule
                    .validate()
                    .and_then(|()| crate::schedule::Scheduler::new(s.schedule.clone()).map(drop));
                match checked {
                    Ok(()) => return Some(Action::Settings(Msg::Save(Box::new(s)))),
                    Err(e) => self.error = Some(crate::i18n::message(&e.message())),
                }
            }
            (Err(e), _) | (_, Err(e)) => self.error = Some(e),
        }
        None
    }

    fn fields_ui(&mut self, ui: &mut egui::Ui) {
        let Self {
            draft,
            learning_steps,
            relearning_steps,
            decks,
            ..
        } = self;
        ui.heading(tr!("settings-settings"));
        egui::Grid::new("settings")
            .num_columns(2)
            .spacing([24.0, 10.0])
            .show(ui, |ui| {
                let s = &mut draft.schedule;
                let l = ui.label(tr!("settings-desired-retention"));
                ui.add(
                    egui::DragValue::new(&mut s.desired_retention)
                        .range(0.70..=0.97)
                        .speed(0.01)
                        .fixed_decimals(2),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("settings-new-items-per-day"));
                ui.add(egui::DragValue::new(&mut s.deck_new_per_day).range(0..=9999))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("settings-reviews-per-day-each"));
                ui.add(egui::DragValue::new(&mut s.deck_reviews_per_day).range(0..=99_999))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("settings-new-items-per-day-2"));
                ui.add(egui::DragValue::new(&mut s.new_per_day).range(0..=99_999))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("settings-reviews-per-day-all"));
                ui.add(egui::DragValue::new(&mut s.reviews_per_day).range(0..=999_999))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("settings-learning-steps"));
                ui.text_edit_singleline(learning_steps).labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("settings-relearning-steps"));
                ui.text_edit_singleline(relearning_steps).labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("settings-new-day-starts-at"));
                ui.add(
                    egui::DragValue::new(&mut s.day_cutoff_hour)
                        .range(0..=23)
                        .suffix(":00"),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("settings-leech-after-lapses-0"));
                ui.add(egui::DragValue::new(&mut s.leech_lapses).range(0..=99))
                    .labelled_by(l.id);
                ui.end_row();
                ui.label(tr!("settings-leeches"));
                ui.vertical(|ui| {
                    ui.radio_value(
                        &mut s.leech_action,
                        LeechAction::TagOnly,
                        tr!("settings-mark-them-keep-studying"),
                    );
                    ui.radio_value(
                        &mut s.leech_action,
                        LeechAction::Suspend,
                        tr!("settings-mark-and-suspend-them"),
                    );
                });
                ui.end_row();
                ui.label(tr!("settings-typed-answers"));
                ui.vertical(|ui| {
                    ui.radio_value(
                        &mut draft.strictness,
                        Strictness::Exact,
                        tr!("settings-exact-accents-count"),
                    );
                    ui.radio_value(
                        &mut draft.strictness,
                        Strictness::IgnoreAccentsWithNote,
                        tr!("settings-ignore-accents-but-tell"),
                    );
                    ui.radio_value(
                        &mut draft.strictness,
                        Strictness::IgnoreAccents,
                        tr!("settings-ignore-accents"),
                    );
                });
                ui.end_row();
                ui.label(tr!("settings-theme"));
                ui.horizontal(|ui| {
                    for t in Theme::ALL {
                        ui.radio_value(&mut draft.theme, t, crate::i18n::theme_name(t));
                    }
                });
                ui.end_row();
                // Named in English too, for whoever cannot read the language shown.
                let l = ui.label(crate::tr!("settings-language"));
                let name = |l: Option<crate::settings::Language>| match l {
                    Some(l) => crate::i18n::native_name(l).to_owned(),
                    None => crate::tr!(
                        "settings-language-system",
                        name = crate::i18n::native_name(crate::i18n::system_language())
                    ),
                };
                egui::ComboBox::from_id_salt("language")
                    .selected_text(name(draft.language))
                    .show_ui(ui, |ui| {
                        ui.selectable_value(&mut draft.language, None, name(None));
                        for lang in crate::settings::Language::ALL {
                            ui.selectable_value(&mut draft.language, Some(lang), name(Some(lang)));
                        }
                    })
                    .response
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("settings-text-size"));
                let (lo, hi) = FONT_SCALE_RANGE_PCT;
                ui.add(
                    egui::DragValue::new(&mut draft.font_scale_pct)
                        .range(lo..=hi)
                        .speed(5)
                        .suffix(" %"),
                )
                .labelled_by(l.id);
                ui.end_row();
            });
        egui::CollapsingHeader::new(tr!("settings-limits-of-single-decks"))
            .id_salt("deck-limits")
            .show(ui, |ui| {
                ui.label(tr!("settings-a-deck-with-its"));
                let s = &mut draft.schedule;
                for (id, title) in decks.iter() {
                    let mut own = s.deck_limits.get(id.as_str()).copied();
                    ui.horizontal_wrapped(|ui| {
                        let mut on = own.is_some();
                        if ui.checkbox(&mut on, title.as_str()).changed() {
                            own = on.then_some(DeckLimits {
                                new_per_day: s.deck_new_per_day,
                                reviews_per_day: s.deck_reviews_per_day,
                            });
                        }
                        if let Some(l) = &mut own {
                            let n = ui.label(tr!("settings-deck-new"));
                            ui.add(egui::DragValue::new(&mut l.new_per_day).range(0..=9999))
                                .labelled_by(n.id);
                            let r = ui.label(tr!("settings-deck-reviews"));
                            ui.add(egui::DragValue::new(&mut l.reviews_per_day).range(0..=99_999))
                                .labelled_by(r.id);
                        }
                    });
                    match own {
                        Some(l) => {
                            s.deck_limits.insert(id.to_string(), l);
                        }
                        None => {
                            s.deck_limits.remove(id.as_str());
                        }
                    }
                }
            });
    }
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{QuizApp, Screen};

/// What the settings screen asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Save these settings.
    Save(Box<ProfileSettings>),
}

/// Applies a settings message (saving needs the profile's store).
pub(super) fn update(app: &mut QuizApp, msg: Msg) {
    match msg {
        Msg::Save(s) => {
            let Some(open) = &mut app.open else { return };
            match open.store.save_settings(&*s) {
                Ok(()) => {
                    open.settings = *s;
                    app.style_dirty = true;
                    app.sync_language();
                    app.show_library();
                }
                Err(e) => {
                    if let Screen::Settings(scr) = &mut app.screen {
                        scr.error = Some(tr!(
                            "msg-could-not-save-the",
                            error = crate::i18n::message(&e.message())
                        ));
                    }
                }
            }
        }
    }
}

/// Opens the settings.
pub(super) fn open(app: &mut QuizApp) {
    let mut screen = SettingsScreen::new(&app.settings());
    screen.decks = app.deck_choices();
    app.screen = Screen::Settings(screen);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn steps_parse_and_format() {
        assert_eq!(parse_steps("1m 10m"), Ok(vec![60, 600]));
        assert_eq!(parse_steps("30s 1h 2d"), Ok(vec![30, 3600, 172_800]));
        assert_eq!(parse_steps("5"), Ok(vec![300]));
        assert!(parse_steps("ten").is_err());
        assert!(parse_steps("0m").is_err());
        assert_eq!(
            format_steps(&[60, 600, 3600, 86_400, 30]),
            "1m 10m 1h 1d 30s"
        );
    }
}
