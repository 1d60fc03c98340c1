//! The navigation panel at the left of the window: the profile's name with a switch, then
//! the screens in groups (Study; Practice; Class; Insight; Settings), the current one
//! marked, each reachable with Tab and Enter or its Ctrl+digit shortcut. The study screen
//! hides the panel, so the card has the whole width (its shortcuts still work).
//!
//! A new screen is one more line in [`ENTRIES`].

use super::Action;
use egui::{Key, KeyboardShortcut, Modifiers, RichText};

/// Width of the navigation panel in a window `window` points wide: 150 points, narrower
/// in small windows (1024×768 at 200 % text is 512 points wide), never under the longest
/// label.
pub fn width(window: f32) -> f32 {
    (window * 0.2).clamp(124.0, 150.0)
}

/// One place in the navigation.
#[derive(Debug, Clone, Copy)]
pub struct Entry {
    /// The heading it is listed under ("" for none).
    pub group: &'static str,
    /// The visible text.
    pub label: &'static str,
    /// The accessible name (contains the visible text; screen readers and tests use it).
    pub name: &'static str,
    /// What it is for, shown on hover.
    pub hint: &'static str,
    /// The screens ([`super::QuizApp::screen_name`]) during which it is the current entry.
    pub screens: &'static [&'static str],
    /// Ctrl + this key opens it, from anywhere.
    pub shortcut: Option<Key>,
    /// What opening it does.
    pub open: fn() -> Action,
}

/// The navigation, in display order.
pub const ENTRIES: &[Entry] = &[
    Entry {
        group: "",
        label: "Study",
        name: "Study",
        hint: "Your decks and what is due today",
        screens: &["library", "study", "summary"],
        shortcut: Some(Key::Num1),
        open: || Action::BackToLibrary,
    },
    Entry {
        group: "Practice",
        label: "Practice test",
        name: "Practice test…",
        hint: "A test from any decks, scored with every mistake explained",
        screens: &["practice"],
        shortcut: Some(Key::Num2),
        open: || Action::OpenPractice,
    },
    Entry {
        group: "Practice",
        label: "Match game",
        name: "Match game…",
        hint: "Match pairs against the clock",
        screens: &["match"],
        shortcut: Some(Key::Num3),
        open: || Action::OpenMatch,
    },
    Entry {
        group: "Class",
        label: "Take an exam",
        name: "Take an exam…",
        hint: "Sit an exam from the file your teacher gave you",
        screens: &["exam"],
        shortcut: Some(Key::Num4),
        open: || Action::OpenExamScreen,
    },
    Entry {
        group: "Class",
        label: "Teacher",
        name: "Teacher…",
        hint: "Make an exam, show the teacher's code, read a class's results",
        screens: &["teacher"],
        shortcut: Some(Key::Num5),
        open: || Action::OpenTeacher,
    },
    Entry {
        group: "Class",
        label: "Deck editor",
        name: "Deck editor…",
        hint: "Write a deck, or fix one: every card kind, problems shown as you type",
        screens: &["editor"],
        shortcut: Some(Key::Num9),
        open: || Action::OpenEditor,
    },
    Entry {
        group: "Insight",
        label: "Statistics",
        name: "Statistics…",
        hint: "Reviews per day, retention, study days and the hardest items",
        screens: &["stats"],
        shortcut: Some(Key::Num6),
        open: || Action::OpenStats(None),
    },
    Entry {
        group: "Insight",
        label: "Browse",
        name: "Browse…",
        hint: "Every item of every deck: search, filter, suspend, reset",
        screens: &["browse"],
        shortcut: Some(Key::Num7),
        open: || Action::OpenBrowse,
    },
    Entry {
        group: "",
        label: "Settings",
        name: "Settings…",
        hint: "Theme, text size, daily limits, answer checking",
        screens: &["settings"],
        shortcut: Some(Key::Num8),
        open: || Action::OpenSettings,
    },
];

/// The entry current on `screen`, if any.
pub fn current(screen: &str) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.screens.contains(&screen))
}

/// The entry opened by Ctrl + `key`, if any.
pub fn by_shortcut(key: Key) -> Option<&'static Entry> {
    ENTRIES.iter().find(|e| e.shortcut == Some(key))
}

fn shortcut_text(key: Key) -> String {
    format!("Ctrl+{}", key.symbol_or_name())
}

/// The entry whose Ctrl+digit shortcut was pressed, if any (consumed). Works wherever the
/// focus is, and also while the panel is hidden (the study screen).
pub fn shortcuts(ctx: &egui::Context) -> Option<Action> {
    ENTRIES.iter().find_map(|e| {
        let key = e.shortcut?;
        ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)))
            .then(|| (e.open)())
    })
}

/// Draws the navigation in `ui` (a side panel) and returns what was asked for. `screen`
/// is the current screen's name, `profile` the open profile's display name.
pub fn ui(ui: &mut egui::Ui, screen: &str, profile: &str) -> Option<Action> {
    let mut action = None;
    let p = super::theme::palette(ui);
    let here = current(screen).map(|e| e.name);
    // In a short window (1024×768 at 200 % text is 384 points high) the app's name and the
    // group headings give their room to the entries, so every one stays in view without
    // scrolling.
    let compact = ui.available_height() < 480.0;
    egui::ScrollArea::vertical()
        .id_salt("nav")
        .auto_shrink([false, true])
        .show(ui, |ui| {
            if !compact {
                ui.add_space(4.0);
                ui.label(
                    RichText::new("quizdeck")
                        .size(20.0)
                        .strong()
                        .color(p.accent),
                );
            }
            // The profile and its switch, first, so they never scroll out of sight.
            ui.add(egui::Label::new(RichText::new(profile).strong()).wrap());
            let selected = screen == "profiles";
            let r = ui
                .add(
                    egui::Button::new("Switch profile")
                        .min_size(egui::vec2(ui.available_width(), 0.0))
                        .selected(selected),
                )
                .on_hover_text("Choose who is studying, or add, rename or delete a profile");
            if r.clicked() {
                action = Some(Action::OpenProfiles);
            }
            ui.add_space(4.0);
            ui.separator();
            let mut group = "";
            for e in ENTRIES {
                if e.group != group {
                    group = e.group;
                    if !compact {
                        ui.add_space(4.0);
                    }
                    // In a short window the headings give their room to the entries.
                    if !group.is_empty() && !compact {
                        ui.label(
                            RichText::new(group.to_uppercase())
                                .small()
                                .strong()
                                .color(p.weak_text),
                        );
                    }
                }
                let selected = here == Some(e.name);
                let text = if selected {
                    RichText::new(e.label).strong().color(p.on_accent)
                } else {
                    RichText::new(e.label)
                };
                let mut b = egui::Button::new(text)
                    .min_size(egui::vec2(ui.available_width(), 0.0))
                    .frame_when_inactive(selected);
                if selected {
                    b = b.fill(p.accent);
                }
                let hint = match e.shortcut {
                    Some(k) => format!("{} ({})", e.hint, shortcut_text(k)),
                    None => e.hint.to_owned(),
                };
                let r = ui.add(b).on_hover_text(hint);
                let enabled = r.enabled();
                r.widget_info(|| {
                    egui::WidgetInfo::selected(egui::Role::Button, enabled, selected, e.name)
                });
                if r.clicked() {
                    action = Some((e.open)());
                }
            }
        });
    action
}
