//! The window's frame around the screen shown: the top bar (the program's and profile's
//! names when the navigation is hidden, the drop hint, the warning while answers are not
//! on disk, the messages), the navigation panel, the exam's countdown, and the central
//! panel that draws the screen and collects what it asks for.

use super::{Action, QuizApp, Screen, exam, nav, theme};
use crate::tr;

impl QuizApp {
    /// Draws the frame and the screen; what they ask for is added to `actions`.
    pub(super) fn frame_ui(
        &mut self,
        ui: &mut egui::Ui,
        hovering: bool,
        actions: &mut Vec<Action>,
    ) {
        // The navigation names the app and the profile; without it, this bar does.
        let nav_active = self.open.is_some() && self.exam_run.is_none();
        let nav_shown = nav_active && !matches!(self.screen, Screen::Study(_));
        if nav_active {
            actions.extend(nav::shortcuts(ui.ctx()));
        }
        let top_bar = !nav_shown || hovering || self.unsaved_count() > 0 || !self.banner.is_empty();
        if top_bar {
            egui::Panel::top("top").show(ui, |ui| {
            ui.horizontal(|ui| {
                if !nav_shown {
                    ui.label(egui::RichText::new("quizdeck").strong());
                    if let Some(name) = self.profile_name() {
                        ui.label(format!("· {name}"));
                    }
                }
                if hovering {
                    let exam_setup = matches!(&self.screen, Screen::Exam(s) if matches!(s.phase, exam::Phase::Setup));
                    ui.label(
                        egui::RichText::new(if exam_setup {
                            tr!("app-drop-the-exam-file")
                        } else {
                            tr!("app-drop-the-deck-file")
                        })
                        .strong(),
                    );
                }
            });
            if let Some(status) = self.save_status() {
                ui.horizontal_wrapped(|ui| {
                    ui.colored_label(theme::wrong_color(ui), status);
                    let shortcut =
                        egui::KeyboardShortcut::new(egui::Modifiers::COMMAND, egui::Key::S);
                    if ui
                        .button(tr!("app-retry-saving"))
                        .on_hover_text("Ctrl+S")
                        .clicked()
                        || ui.input_mut(|i| i.consume_shortcut(&shortcut))
                    {
                        actions.push(Action::RetrySave);
                    }
                });
            }
            if !self.banner.is_empty() {
                for m in &self.banner {
                    ui.label(m);
                }
                if ui.button(tr!("app-ok")).on_hover_text("Esc").clicked() {
                    actions.push(Action::DismissBanner);
                }
            }
        });
        }
        // The navigation, except while no profile is open, an exam is being taken, or on
        // the study screen.
        if let Some(name) = self.profile_name().map(str::to_owned)
            && nav_shown
        {
            let screen = self.screen_name();
            let p = theme::palette(ui);
            egui::Panel::left("nav")
                .resizable(false)
                .exact_size(nav::width(ui.available_width()))
                .frame(
                    egui::Frame::new()
                        .fill(p.surface)
                        .inner_margin(egui::Margin::same(8))
                        .stroke(egui::Stroke::new(1.0, p.border)),
                )
                .show(ui, |ui| actions.extend(nav::ui(ui, screen, &name)));
        }
        // The exam's countdown, before the screen is drawn: at zero the exam is handed in
        // and the handed-in page shows in this very frame, with no input taken after it.
        self.exam_tick(ui.ctx());
        egui::CentralPanel::default_margins().show(ui, |ui| {
            // Screens without their own scrolling scroll as a whole, so nothing falls off
            // the window at large font scales (projectors).
            // Each screen has its own scroll position, and a page opens at its top: the
            // first frame of a screen other than the last one drawn starts from there (a
            // screen drawn anew for its own reasons keeps its place).
            let name = self.screen_name();
            let opened = std::mem::replace(&mut self.shown_screen, name) != name;
            // (Scroll bars take their own room: `theme::apply`.)
            let whole = |ui: &mut egui::Ui, f: &mut dyn FnMut(&mut egui::Ui) -> Option<Action>| {
                let area = page_area(("screen", name));
                let area = if opened {
                    area.vertical_scroll_offset(0.0)
                } else {
                    area
                };
                scrolled(area, ui, |ui| f(ui))
            };
            let clock = &self.clock;
            let a = match &mut self.screen {
                Screen::Profiles(s) => whole(ui, &mut |ui| s.ui(ui)),
                Screen::Library(s) => s.ui(ui),
                Screen::Study(s) => {
                    if let Some(item) = &mut s.item {
                        item.now = clock();
                    }
                    s.ui(ui)
                }
                Screen::Summary(s) => s.ui(ui),
                Screen::Settings(s) => s.ui(ui),
                Screen::Browse(s) => s.ui(ui),
                Screen::Stats(s) => s.ui(ui),
                Screen::Practice(s) => s.ui(ui),
                Screen::Teacher(s) => whole(ui, &mut |ui| s.ui(ui)),
                Screen::Editor(s) => s.ui(ui),
                Screen::Exam(s) => whole(ui, &mut |ui| {
                    s.ui(ui, actions);
                    None
                }),
                Screen::Match(s) => {
                    s.now = Some(clock());
                    if s.board.is_some() && s.finished_ms.is_none() {
                        ui.ctx()
                            .request_repaint_after(std::time::Duration::from_millis(100));
                    }
                    whole(ui, &mut |ui| s.ui(ui))
                }
            };
            actions.extend(a);
        });
        nav::keep_back_focus(ui.ctx());
    }

    /// While the study screen waits for a learning item to come due, draws again when it
    /// does.
    pub(super) fn wait_for_learning(&mut self, ctx: &egui::Context) {
        // A learning item may come due while the student waits.
        if let Screen::Study(s) = &self.screen
            && s.item.is_none()
            && let Some(session) = &self.session
        {
            let now = (self.clock)();
            if session.next(now).is_some() {
                self.show_next();
                ctx.request_repaint();
            } else if let Some(due) = session.next_learning_due() {
                let wait = (due - now).to_std().unwrap_or_default();
                ctx.request_repaint_after(wait);
            }
        }
    }
}

/// Brings into view the widget the keyboard focus has just moved to, in the scroll area
/// around `ui` (called at the end of its content), when the widget is in it. egui moves
/// the focus on Tab but not the page: at 200 % the next field of a long form was below
/// the window's edge, typed into unseen. Each area keeps its own record of the focus it
/// followed, so a screen of several areas (a list beside a form) scrolls the one that
/// holds the widget; an area inside another scrolls, and the outer one brings it in. A
/// widget focused by a click is left where it is, and so is one of a menu or popup drawn
/// over the area. An area drawn for the first time opens at its top: the focus it finds
/// may still be on a widget of the screen before, whose place is read from the frame
/// before (a session started with Enter on a deck's Study button opened the card
/// scrolled to where the button had been, its question out of view).
pub(super) fn follow_focus(ui: &egui::Ui) {
    let key = ui.scope_id().with("quizdeck-focus-followed");
    let focused = ui.ctx().memory(|m| m.focused());
    let before = ui.data_mut(|d| {
        let before = d.get_temp::<Option<egui::Id>>(key);
        d.insert_temp(key, focused);
        before
    });
    // A widget focused by a click is where the pointer is (and scrolling under it would
    // move a menu it just opened away from it).
    let by_pointer = ui.input(|i| i.pointer.any_pressed() || i.pointer.any_released());
    if let Some(before) = before
        && focused != before
        && !by_pointer
        && let Some(r) = focused.and_then(|id| ui.ctx().read_response(id))
        && r.layer_id == ui.layer_id()
        && ui.min_rect().contains(r.rect.center())
    {
        r.scroll_to_me(None);
    }
}

/// PageUp and PageDown scroll the scroll area around `ui` (called inside its content, not
/// in a scroll area within it) by what it shows less a few lines, whatever has the focus:
/// egui's scroll areas take no keys, so a student without a mouse could not reach what
/// lay below a card at 200 %.
pub(super) fn page_keys(ui: &egui::Ui) {
    let page = (ui.clip_rect().height() - 40.0).max(ui.clip_rect().height() * 0.5);
    let (down, up) = ui.input_mut(|i| {
        (
            i.consume_key(egui::Modifiers::NONE, egui::Key::PageDown),
            i.consume_key(egui::Modifiers::NONE, egui::Key::PageUp),
        )
    });
    let delta = match (down, up) {
        (true, false) => -page,
        (false, true) => page,
        _ => return,
    };
    ui.scroll_with_delta(egui::vec2(0.0, delta));
}

/// `content` in the scroll area `area`, the widget the keyboard focus moves to in it
/// brought into view ([`follow_focus`]).
pub(super) fn scrolled<R>(
    area: egui::ScrollArea,
    ui: &mut egui::Ui,
    content: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    area.show(ui, |ui| {
        let r = content(ui);
        follow_focus(ui);
        r
    })
    .inner
}

/// `content` in a vertical scroll area filling the room left (`salt` tells the page's
/// scroll position from other pages'), as [`scrolled`].
pub(super) fn page<R>(
    salt: impl std::hash::Hash + std::fmt::Debug,
    ui: &mut egui::Ui,
    content: impl FnOnce(&mut egui::Ui) -> R,
) -> R {
    scrolled(page_area(salt), ui, content)
}

/// The vertical scroll area of a page, filling the room left (`salt` tells the page's
/// scroll position from other pages').
fn page_area(salt: impl std::hash::Hash + std::fmt::Debug) -> egui::ScrollArea {
    egui::ScrollArea::vertical()
        .id_salt(salt)
        .auto_shrink([false, false])
}
