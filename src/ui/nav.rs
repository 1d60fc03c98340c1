//! The navigation panel at the left of the window: the profile's name with a switch, then
//! the screens in groups (Study; Practice; Class; Insight; Settings), the current one
//! marked, each reachable with Tab and Enter or its Ctrl+digit shortcut (the page it opens
//! then has the focus). The study screen hides the panel, so the card has the whole width
//! (its shortcuts still work).
//!
//! A new screen is one more line in [`ENTRIES`].

use super::Action;
use crate::i18n::tr;
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
    /// The message key of the heading it is listed under ("" for none).
    pub group: &'static str,
    /// The message key of the visible text.
    pub label: &'static str,
    /// The message key of the accessible name (contains the visible text; screen readers
    /// and tests use it).
    pub name: &'static str,
    /// The message key of what it is for, shown on hover.
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
        label: "nav-study",
        name: "nav-study-name",
        hint: "nav-study-hint",
        screens: &["library", "study", "summary"],
        shortcut: Some(Key::Num1),
        open: || Action::BackToLibrary,
    },
    Entry {
        group: "nav-group-practice",
        label: "nav-practice-test",
        name: "nav-practice-test-name",
        hint: "nav-practice-test-hint",
        screens: &["practice"],
        shortcut: Some(Key::Num2),
        open: || Action::OpenPractice,
    },
    Entry {
        group: "nav-group-practice",
        label: "nav-match-game",
        name: "nav-match-game-name",
        hint: "nav-match-game-hint",
        screens: &["match"],
        shortcut: Some(Key::Num3),
        open: || Action::OpenMatch,
    },
    Entry {
        group: "nav-group-class",
        label: "nav-take-an-exam",
        name: "nav-take-an-exam-name",
        hint: "nav-take-an-exam-hint",
        screens: &["exam"],
        shortcut: Some(Key::Num4),
        open: || Action::OpenExamScreen,
    },
    Entry {
        group: "nav-group-class",
        label: "nav-teacher",
        name: "nav-teacher-name",
        hint: "nav-teacher-hint",
        screens: &["teacher"],
        shortcut: Some(Key::Num5),
        open: || Action::OpenTeacher,
    },
    Entry {
        group: "nav-group-class",
        label: "nav-deck-editor",
        name: "nav-deck-editor-name",
        hint: "nav-deck-editor-hint",
        screens: &["editor"],
        shortcut: Some(Key::Num9),
        open: || Action::OpenEditor,
    },
    Entry {
        group: "nav-group-insight",
        label: "nav-statistics",
        name: "nav-statistics-name",
        hint: "nav-statistics-hint",
        screens: &["stats"],
        shortcut: Some(Key::Num6),
        open: || Action::OpenStats(None),
    },
    Entry {
        group: "nav-group-insight",
        label: "nav-browse",
        name: "nav-browse-name",
        hint: "nav-browse-hint",
        screens: &["browse"],
        shortcut: Some(Key::Num7),
        open: || Action::OpenBrowse,
    },
    Entry {
        group: "",
        label: "nav-settings",
        name: "nav-settings-name",
        hint: "nav-settings-hint",
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
/// focus is, and also while the panel is hidden (the study screen). The page it opens
/// takes the focus, as when an entry is opened with Enter.
pub fn shortcuts(ctx: &egui::Context) -> Option<Action> {
    let action = ENTRIES.iter().find_map(|e| {
        let key = e.shortcut?;
        ctx.input_mut(|i| i.consume_shortcut(&KeyboardShortcut::new(Modifiers::COMMAND, key)))
            .then(|| (e.open)())
    });
    if action.is_some() {
        focus_page_next(ctx);
    }
    action
}

/// Kept from the frame an entry is opened from the keyboard to the next (the pass it was
/// opened in): the page it opens takes the focus (without it the focus stayed on the
/// entry, and reaching the page took a Tab for every entry below it).
fn focus_page_id() -> egui::Id {
    egui::Id::unique("nav-focus-page")
}

/// The page drawn after this pass takes the focus (the action that opens it is applied
/// after this pass is drawn).
fn focus_page_next(ctx: &egui::Context) {
    let pass = ctx.cumulative_pass_nr();
    ctx.data_mut(|d| d.insert_temp(focus_page_id(), pass));
}

/// Set to the pass in which a page opened from the keyboard is given the focus.
fn page_focused_id() -> egui::Id {
    egui::Id::unique("nav-page-focused")
}

/// A page's "Back to decks" button (`text`), drawn as a button. A page opened from the
/// keyboard takes the focus at its first widget; when that is this button, the focus goes
/// on to the next one, so that the page starts at its own first control and Enter does not
/// leave the page at once. Tab and Shift+Tab still reach the button.
pub fn back_button(ui: &mut egui::Ui, text: String) -> egui::Response {
    let r = ui.button(text);
    let pass = ui.ctx().cumulative_pass_nr();
    let given_now = ui.data(|d| d.get_temp::<u64>(page_focused_id())) == Some(pass);
    if given_now && r.has_focus() {
        ui.memory_mut(|m| {
            m.surrender_focus(r.id);
            m.move_focus(egui::FocusDirection::Next);
        });
        ui.data_mut(|d| d.insert_temp(back_passed_id(), (pass, r.id)));
    }
    r
}

/// Set by [`back_button`] to the pass and the button it passed the focus on from.
fn back_passed_id() -> egui::Id {
    egui::Id::unique("nav-back-passed")
}

/// Called once the page is drawn: when "Back to decks" passed the focus on and no widget
/// after it took it (the button was the page's last), the button keeps it after all.
pub fn keep_back_focus(ctx: &egui::Context) {
    let pass = ctx.cumulative_pass_nr();
    let passed = ctx.data_mut(|d| {
        let p = d.get_temp::<(u64, egui::Id)>(back_passed_id());
        d.remove::<(u64, egui::Id)>(back_passed_id());
        p
    });
    if let Some((p, id)) = passed
        && p == pass
        && ctx.memory(|m| m.focused().is_none())
    {
        ctx.memory_mut(|m| m.request_focus(id));
    }
}

/// Whether `r`, clicked, was clicked from the keyboard (Enter or Space on it), not with
/// the pointer.
fn by_keyboard(r: &egui::Response) -> bool {
    r.clicked() && !r.clicked_by(egui::PointerButton::Primary)
}

/// Draws the navigation in `ui` (a side panel) and returns what was asked for. `screen`
/// is the current screen's name, `profile` the open profile's display name.
pub fn ui(ui: &mut egui::Ui, screen: &str, profile: &str) -> Option<Action> {
    let mut action = None;
    let pass = ui.ctx().cumulative_pass_nr();
    let asked = ui.data_mut(|d| d.get_temp::<u64>(focus_page_id()));
    // Taken in the pass after it was asked for (or the one after that, when egui drew a
    // pass twice); an older one (the panel was hidden, the action held) is dropped.
    let focus_page = asked.is_some_and(|p| p < pass && pass - p <= 2);
    if asked.is_some_and(|p| p < pass) {
        ui.data_mut(|d| d.remove_temp::<u64>(focus_page_id()));
    }
    let mut by_key = false;
    let p = super::theme::palette(ui);
    let here = current(screen).map(|e| e.name);
    // In a short window (1024×768 at 200 % text is 384 points high) the app's name and the
    // group headings give their room to the entries, so every one stays in view without
    // scrolling.
    let compact = ui.available_height() < 480.0;
    super::frame::scrolled(
        egui::ScrollArea::vertical()
            .id_salt("nav")
            .auto_shrink([false, true]),
        ui,
        |ui| {
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
                    egui::Button::new(crate::tr!("nav-switch-profile"))
                        .min_size(egui::vec2(ui.available_width(), 0.0))
                        .selected(selected),
                )
                .on_hover_text(crate::tr!("nav-switch-profile-hint"));
            if r.clicked() {
                action = Some(Action::OpenProfiles);
                by_key = by_keyboard(&r);
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
                            RichText::new(tr(group, &[]).to_uppercase())
                                .small()
                                .strong()
                                .color(p.weak_text),
                        );
                    }
                }
                let selected = here == Some(e.name);
                let text = if selected {
                    RichText::new(tr(e.label, &[])).strong().color(p.on_accent)
                } else {
                    RichText::new(tr(e.label, &[]))
                };
                let mut b = egui::Button::new(text)
                    .min_size(egui::vec2(ui.available_width(), 0.0))
                    .frame_when_inactive(selected);
                if selected {
                    b = b.fill(p.accent);
                }
                let hint = match e.shortcut {
                    Some(k) => format!("{} ({})", tr(e.hint, &[]), shortcut_text(k)),
                    None => tr(e.hint, &[]),
                };
                let r = ui.add(b).on_hover_text(hint);
                let enabled = r.enabled();
                r.widget_info(|| {
                    egui::WidgetInfo::selected(
                        egui::Role::Button,
                        enabled,
                        selected,
                        tr(e.name, &[]),
                    )
                });
                if r.clicked() {
                    action = Some((e.open)());
                    by_key = by_keyboard(&r);
                }
            }
        },
    );
    if by_key {
        focus_page_next(ui.ctx());
    }
    if focus_page {
        // The panel is drawn before the page: with no widget focused and the focus moving
        // on, the page's first widget that takes the focus gets it as it is drawn (a
        // widget the page itself focuses, as the library's "Study now", still wins).
        ui.data_mut(|d| d.insert_temp(page_focused_id(), pass));
        ui.memory_mut(|m| {
            if let Some(f) = m.focused() {
                m.surrender_focus(f);
            }
            m.move_focus(egui::FocusDirection::Next);
        });
    }
    action
}
