//! The library screen: one "Study now" button that does the sensible thing, today's
//! progress and streak, and every deck as a row with its due count, a progress bar of its
//! items by state and its mastery; decks sorted and grouped as the student chooses, deck
//! import and removal. The figures come from [`crate::overview`], computed by the app when
//! data changes (never per frame).

use super::Action;
use super::theme::{Palette, palette};
use crate::ids::DeckId;
use crate::overview::{DeckRow, LibraryView, SortBy, TodayProgress};
use crate::stats::StateCounts;
use crate::tr;
use egui::{RichText, Stroke};

/// What the "Study now" button shows (from [`crate::overview::StudyNow`]).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct StudyNowButton {
    /// "Study now — 12 due".
    pub label: String,
    /// "then 8 new cards".
    pub then: Option<String>,
    /// There is something to study.
    pub enabled: bool,
}

/// The library screen.
#[derive(Debug, Default)]
pub struct LibraryScreen {
    /// The decks, in display order (sorted as `view` says).
    pub rows: Vec<DeckRow>,
    /// Sorting and grouping.
    pub view: LibraryView,
    /// The primary button.
    pub study_now: StudyNowButton,
    /// Today's progress and the streak.
    pub today: TodayProgress,
    /// Diagnostics of a deck that failed to import, rendered as `check` shows them.
    pub import_errors: Option<String>,
    /// Deck waiting for a removal confirmation.
    pub confirm_remove: Option<DeckId>,
    /// The figures are being computed in the background (a big collection): a spinner
    /// stands where the rows go, and "Study now" waits.
    pub counting: bool,
    /// "Study now" takes the keyboard focus at its next drawing (the library was just
    /// reached from another screen), so Enter starts studying.
    pub focus_study_now: bool,
    /// The profile is still being opened (a big collection): only a spinner with
    /// `study_now.label` and a way to choose another profile are shown.
    pub loading: bool,
}

/// Width of the due figure at the left of a row, in points.
const DUE_WIDTH: f32 = 64.0;
/// Width of the buttons at the right of a row, in points.
const BUTTONS_WIDTH: f32 = 92.0;

impl LibraryScreen {
    /// The screen while the profile is opened in the background, saying `label`.
    pub fn loading(label: String) -> LibraryScreen {
        LibraryScreen {
            study_now: StudyNowButton {
                label,
                then: None,
                enabled: false,
            },
            counting: true,
            focus_study_now: true,
            loading: true,
            ..LibraryScreen::default()
        }
    }

    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        if self.loading {
            let mut action = None;
            ui.horizontal(|ui| {
                super::spinner::spinner(ui);
                ui.label(RichText::new(&self.study_now.label).size(16.0));
            });
            ui.add_space(8.0);
            if ui.button(tr!("library-other-profile")).clicked() {
                action = Some(Action::OpenProfiles);
            }
            return action;
        }
        let mut action = None;
        // Asking to confirm a removal (or not) changes this screen alone.
        let mut confirm = None;
        super::frame::page("library", ui, |ui| {
            if self.counting {
                ui.horizontal(|ui| {
                    super::spinner::spinner(ui);
                    ui.label(RichText::new(&self.study_now.label).size(16.0));
                });
            } else {
                self.header_ui(ui, &mut action);
                self.focus_study_now = false;
            }
            ui.add_space(8.0);
            self.deck_actions_ui(ui, &mut action);
            self.import_errors_ui(ui, &mut action);
            ui.add_space(4.0);
            if self.counting {
                return;
            }
            legend_ui(ui);
            ui.add_space(4.0);
            if self.view.grouped {
                for (group, ix) in crate::overview::groups(&self.rows) {
                    ui.add_space(6.0);
                    ui.label(RichText::new(group).size(17.0).strong());
                    for i in ix {
                        self.row_ui(ui, &self.rows[i], &mut action, &mut confirm);
                    }
                }
            } else {
                for row in &self.rows {
                    self.row_ui(ui, row, &mut action, &mut confirm);
                }
            }
        });
        if let Some(confirm) = confirm {
            self.confirm_remove = confirm;
        }
        action
    }

    /// "Study now", today's progress and the streak.
    fn header_ui(&self, ui: &mut egui::Ui, action: &mut Option<Action>) {
        let p = palette(ui);
        ui.horizontal_wrapped(|ui| {
            let b = super::theme::primary_button(ui, &self.study_now.label, 22.0)
                .min_size(egui::vec2(0.0, 44.0));
            let r = ui
                .add_enabled(self.study_now.enabled, b)
                .on_hover_text(tr!("library-reviews-due-today-first"));
            if self.focus_study_now && self.study_now.enabled {
                r.request_focus();
            }
            super::theme::primary_focus_ring(ui, &r);
            if r.clicked() {
                *action = Some(Action::StudyNow);
            }
            if let Some(then) = &self.study_now.then {
                ui.add(
                    egui::Label::new(RichText::new(then).size(16.0).color(p.weak_text))
                        .wrap_mode(egui::TextWrapMode::Extend),
                );
            }
        });
        ui.add_space(4.0);
        ui.horizontal_wrapped(|ui| {
            ui.add(
                egui::Label::new(
                    RichText::new(tr!(
                        "library-done-today",
                        done = self.today.done,
                        total = self.today.done + self.today.left as usize
                    ))
                    .size(16.0)
                    .strong(),
                )
                .wrap_mode(egui::TextWrapMode::Extend),
            );
            ui.add(
                egui::ProgressBar::new(self.today.fraction())
                    .desired_width(160.0)
                    .desired_height(10.0)
                    .fill(p.good),
            );
            let streak_color = if self.today.streak_days > 0 {
                p.hard
            } else {
                p.weak_text
            };
            ui.add(
                egui::Label::new(
                    RichText::new(tr!("library-streak", n = self.today.streak_days))
                        .size(16.0)
                        .color(streak_color),
                )
                // The longest of the row (a whole sentence in some languages): it wraps
                // rather than widen the screen past the window at large text.
                .wrap_mode(egui::TextWrapMode::Wrap),
            );
        });
    }

    /// The row of deck actions: import, sorting and grouping. (Further deck actions, such
    /// as making or editing a deck, belong here too.)
    fn deck_actions_ui(&self, ui: &mut egui::Ui, action: &mut Option<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.label(RichText::new(tr!("library-decks")).size(17.0).strong());
            if ui
                .button(tr!("library-import-deck"))
                .on_hover_text(tr!("library-import-a-ron-deck"))
                .clicked()
            {
                *action = Some(Action::Picker(super::file_picker::Msg::Show(
                    super::file_picker::PickFor::Deck,
                )));
            }
            if ui
                .button(tr!("library-paste-cards"))
                .on_hover_text(tr!("library-paste-cards-hint"))
                .clicked()
            {
                *action = Some(Action::Import(super::import::Msg::Paste));
            }
            ui.separator();
            ui.label(tr!("library-sort"));
            for by in SortBy::ALL {
                let r = ui.selectable_label(self.view.sort == by, crate::i18n::sort_name(by));
                if r.clicked() && self.view.sort != by {
                    *action = Some(Action::Library(Msg::SetView(LibraryView {
                        sort: by,
                        ..self.view
                    })));
                }
            }
            let mut grouped = self.view.grouped;
            if ui
                .checkbox(&mut grouped, tr!("library-group-by-folder"))
                .on_hover_text(tr!("library-bundled-decks-and-imported"))
                .changed()
            {
                *action = Some(Action::Library(Msg::SetView(LibraryView {
                    grouped,
                    ..self.view
                })));
            }
        });
    }

    fn import_errors_ui(&self, ui: &mut egui::Ui, action: &mut Option<Action>) {
        let Some(errors) = &self.import_errors else {
            return;
        };
        ui.separator();
        ui.colored_label(
            super::theme::wrong_color(ui),
            tr!("library-the-deck-was-not"),
        );
        egui::ScrollArea::vertical()
            .id_salt("import-errors")
            .max_height(220.0)
            .show(ui, |ui| {
                ui.add(egui::Label::new(RichText::new(errors).monospace()).wrap());
            });
        if ui.button(tr!("library-dismiss")).clicked() {
            *action = Some(Action::Import(super::import::Msg::DismissErrors));
        }
        ui.separator();
    }

    /// One deck's row; `confirm` gets the deck whose removal is to be confirmed (None: no
    /// longer).
    fn row_ui(
        &self,
        ui: &mut egui::Ui,
        row: &DeckRow,
        action: &mut Option<Action>,
        confirm: &mut Option<Option<DeckId>>,
    ) {
        let p = palette(ui);
        let s = &row.stats;
        egui::Frame::new()
            .fill(p.surface)
            .stroke(Stroke::new(1.0, p.border))
            .corner_radius(8)
            .inner_margin(egui::Margin::symmetric(10, 8))
            .outer_margin(egui::Margin::symmetric(0, 3))
            .show(ui, |ui| {
                ui.set_width(ui.available_width() - 4.0);
                ui.horizontal_top(|ui| {
                    let middle =
                        (ui.available_width() - DUE_WIDTH - BUTTONS_WIDTH - 24.0).max(120.0);
                    // The due count: the one number that matters today.
                    ui.allocate_ui_with_layout(
                        egui::vec2(DUE_WIDTH, 0.0),
                        egui::Layout::top_down(egui::Align::Center),
                        |ui| {
                            ui.set_width(DUE_WIDTH);
                            let due = row.due();
                            let color = if due > 0 { p.accent } else { p.weak_text };
                            let n = ui.label(
                                RichText::new(due.to_string())
                                    .size(30.0)
                                    .strong()
                                    .color(color),
                            );
                            n.widget_info(|| {
                                egui::WidgetInfo::labeled(
                                    egui::Role::Label,
                                    true,
                                    tr!("library-due-today-in", n = due, deck = &row.title),
                                )
                            });
                            ui.label(
                                RichText::new(tr!("library-due", n = due))
                                    .small()
                                    .color(p.weak_text),
                            );
                        },
                    );
                    ui.allocate_ui_with_layout(
                        egui::vec2(middle, 0.0),
                        egui::Layout::top_down(egui::Align::Min),
                        |ui| {
                            ui.set_width(middle);
                            ui.add(
                                egui::Label::new(RichText::new(&row.title).size(18.0).strong())
                                    .wrap(),
                            );
                            ui.horizontal_wrapped(|ui| {
                                // Beside the figure when there is room, else above it.
                                let bar = if middle >= 320.0 {
                                    (middle - 110.0).min(480.0)
                                } else {
                                    middle - 4.0
                                };
                                state_bar(ui, p, &s.states, bar, &row.title);
                                ui.label(
                                    RichText::new(tr!(
                                        "library-mastered",
                                        percent = crate::i18n::percent(f64::from(s.mastery))
                                    ))
                                    .strong(),
                                );
                            });
                            let new = match row.today.new {
                                0 => String::new(),
                                n => tr!("library-new-today", n = n),
                            };
                            // New items are counted by study item: say how many there are
                            // when a card has several, so "2 cards · 3 new today" never reads.
                            let cards = match (s.cards, s.items) {
                                (1, 1) => tr!("library-cards", n = 1),
                                (c, i) if c == i => tr!("library-cards", n = c),
                                (1, i) => tr!("library-cards-items", cards = 1, items = i),
                                (c, i) => tr!("library-cards-items", cards = c, items = i),
                            };
                            ui.add(
                                egui::Label::new(
                                    RichText::new(tr!(
                                        "library-deck-line",
                                        cards = cards,
                                        new = new,
                                        last = row.last_studied.clone(),
                                        origin = if row.imported {
                                            tr!("library-from", origin = &row.origin)
                                        } else {
                                            row.origin.clone()
                                        }
                                    ))
                                    .color(p.weak_text),
                                )
                                .wrap(),
                            );
                            // A deck in several places: which copy is used, where the others are.
                            if let Some(copies) = &row.copies {
                                ui.add(
                                    egui::Label::new(RichText::new(copies).color(p.weak_text))
                                        .wrap(),
                                );
                            }
                        },
                    );
                    ui.allocate_ui_with_layout(
                        egui::vec2(BUTTONS_WIDTH, 0.0),
                        egui::Layout::top_down(egui::Align::Max),
                        |ui| {
                            let b =
                                egui::Button::new(RichText::new(tr!("library-study")).size(16.0))
                                    .min_size(egui::vec2(0.0, 30.0));
                            let r = ui.add(b).on_hover_text(tr!(
                                "library-due-and-new",
                                due = row.due(),
                                new = row.today.new
                            ));
                            if super::labelled(r, &tr!("library-study-deck", deck = &row.title))
                                .clicked()
                            {
                                *action = Some(Action::Study(vec![row.id.clone()]));
                            }
                            if row.imported && self.confirm_remove.as_ref() != Some(&row.id) {
                                let r = ui
                                    .button(tr!("library-remove"))
                                    .on_hover_text(tr!("library-remove-this-imported-deck"));
                                if super::labelled(
                                    r,
                                    &tr!("library-remove-deck", deck = &row.title),
                                )
                                .clicked()
                                {
                                    *confirm = Some(Some(row.id.clone()));
                                    super::question_asked(ui, row.id.as_str());
                                }
                            }
                        },
                    );
                });
                if self.confirm_remove.as_ref() == Some(&row.id) {
                    ui.horizontal_wrapped(|ui| {
                        ui.label(if row.shared {
                            tr!("library-remove-this-deck-for")
                        } else {
                            tr!("library-remove-this-deck-progress")
                        });
                        if ui.button(tr!("library-yes-remove")).clicked() {
                            *action = Some(Action::Library(Msg::Remove(row.id.clone())));
                        }
                        let keep = ui.button(tr!("library-keep"));
                        super::safe_answer(ui, row.id.as_str(), &keep);
                        if keep.clicked() {
                            *confirm = Some(None);
                        }
                    });
                }
            });
    }
}

/// The four states in bar order, with their names and colours.
fn segments(p: &Palette, s: &StateCounts) -> [(&'static str, usize, egui::Color32); 5] {
    [
        ("library-state-mature", s.mature, p.mature),
        ("library-state-young", s.young, p.young),
        ("library-state-learning", s.learning, p.learning),
        ("library-state-new", s.new, p.new),
        ("library-state-suspended", s.suspended, p.suspended),
    ]
}

/// A bar of a deck's items by state (mature, young, learning, new, suspended), named for
/// screen readers with the counts.
fn state_bar(ui: &mut egui::Ui, p: &Palette, s: &StateCounts, width: f32, title: &str) {
    let height = 14.0;
    let (rect, resp) = ui.allocate_exact_size(egui::vec2(width, height), egui::Sense::hover());
    let segs = segments(p, s);
    let total: usize = segs.iter().map(|x| x.1).sum();
    let painter = ui.painter_at(rect.expand(1.0));
    painter.rect_filled(rect, 4.0, ui.visuals().extreme_bg_color);
    if total > 0 {
        let mut x = rect.left();
        for (_, n, color) in segs {
            if n == 0 {
                continue;
            }
            let w = rect.width() * n as f32 / total as f32;
            let seg = egui::Rect::from_min_max(
                egui::pos2(x, rect.top()),
                egui::pos2((x + w).min(rect.right()), rect.bottom()),
            );
            painter.rect_filled(seg, 0.0, color);
            x += w;
        }
    }
    painter.rect_stroke(
        rect,
        4.0,
        Stroke::new(1.0, p.border),
        egui::StrokeKind::Outside,
    );
    let text = segs
        .iter()
        .filter(|x| x.1 > 0)
        .map(|(key, n, _)| {
            tr!(
                "library-state-count",
                state = crate::i18n::tr(key, &[]),
                n = n
            )
        })
        .collect::<Vec<_>>()
        .join(", ");
    let name = tr!("library-progress-of", deck = title, states = &text);
    resp.clone()
        .on_hover_text(text)
        .widget_info(|| egui::WidgetInfo::labeled(egui::Role::ProgressIndicator, true, &name));
}

/// What the bar colours mean.
fn legend_ui(ui: &mut egui::Ui) {
    let p = palette(ui);
    ui.horizontal_wrapped(|ui| {
        for (name, _, color) in segments(p, &StateCounts::default()).into_iter().take(4) {
            let (rect, _) = ui.allocate_exact_size(egui::vec2(12.0, 12.0), egui::Sense::hover());
            ui.painter().rect_filled(rect, 3.0, color);
            ui.label(RichText::new(crate::i18n::tr(name, &[])).color(p.weak_text));
        }
    });
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{OpenProfile, QuizApp, Screen, jobs};
use crate::library as lib;
use crate::schedule::day;
use chrono::{DateTime, FixedOffset, Utc};

/// What the library screen asks of the app (the profile's settings and deck folders).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Sort and group the library this way (kept with the profile).
    SetView(LibraryView),
    /// Remove an imported or class deck (progress kept).
    Remove(DeckId),
}

/// Applies a library message: the order kept with the profile, a removal.
pub(super) fn update(app: &mut QuizApp, msg: Msg) {
    match msg {
        Msg::SetView(view) => {
            let Some(open) = &mut app.open else { return };
            open.settings.library_view = view;
            if let Err(e) = open.store.save_settings(&open.settings) {
                app.banner.push(tr!(
                    "msg-the-library-s-order",
                    error = crate::i18n::message(&e.message())
                ));
            }
            if let Screen::Library(s) = &mut app.screen {
                s.view = view;
                crate::overview::sort(&mut s.rows, view.sort);
            }
        }
        Msg::Remove(id) => {
            let Some(open) = &app.open else { return };
            let removed = open.library.get(&id).map(|d| {
                let everyone = matches!(d.origin, lib::DeckOrigin::Class { .. });
                lib::remove_deck(d).map(|()| everyone)
            });
            match removed {
                Some(Ok(everyone)) => {
                    app.reload_library();
                    app.banner.push(if everyone {
                        tr!("app-the-deck-was-removed")
                    } else {
                        tr!("app-the-deck-was-removed-2")
                    });
                }
                Some(Err(e)) => app.banner.push(crate::i18n::message(&e.message())),
                None => {}
            }
            app.show_library();
        }
    }
}

impl QuizApp {
    /// What the library's figures are computed from now (O(1) but for reading today's
    /// answers: shared copies of the library and the states). Today's answers that
    /// cannot be read must not silently reset the daily limits: the figures then count
    /// none and say so.
    pub(super) fn overview_input(
        open: &OpenProfile,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> jobs::OverviewInput {
        let settings = &open.settings.schedule;
        jobs::OverviewInput {
            library: open.library.clone(),
            states: open.store.states().clone(),
            answers: crate::session::answers_today(&open.store, now, offset, settings).map_err(
                |e| {
                    tr!(
                        "app-today-unreadable",
                        error = crate::i18n::message(&e.message())
                    )
                },
            ),
            settings: settings.clone(),
            now,
            offset,
        }
    }

    /// The streak shown with `today`'s progress.
    pub(super) fn streak(
        open: &OpenProfile,
        today: &crate::overview::TodayProgress,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> u32 {
        let day = day::day_index(now, offset, open.settings.schedule.day_cutoff_hour);
        let mut days = open.study_days.clone();
        if today.done > 0 {
            days.insert(day);
        }
        crate::stats::streak_days(&days, day)
    }

    /// Rebuilds the library's figures from the store (O(items); only when data changed).
    /// Over a big collection they are computed in the background, with a spinner
    /// meanwhile ([`jobs::OverviewInput::run`]).
    pub(super) fn show_library(&mut self) {
        self.show_library_counted(None);
    }

    /// [`QuizApp::show_library`] with the figures counted as the profile opened, taken
    /// when they were counted for the settings and study day of now.
    pub(super) fn show_library_counted(&mut self, ready: Option<jobs::ReadyFigures>) {
        let now = self.now();
        if self.library_emptied() {
            // The library is being read again with the old one let go: the screen waits
            // for it (and shows it when it is in), keeping what it had to say.
            self.show_library_reading();
            return;
        }
        let Some(open) = &mut self.open else {
            self.show_profiles();
            return;
        };
        open.plan = None;
        let ready = ready
            .and_then(|r| r.overview_for(&open.library, &open.settings.schedule, now, self.offset));
        if let Some(overview) = ready {
            self.overview_job = None;
            self.show_overview(overview);
            return;
        }
        // The cards of the library just opened are still read: counted once they are in
        // (`QuizApp::poll_cards_read`), a spinner meanwhile.
        let counted = match self.cards_read.is_some() {
            true => Err(None),
            false => Self::overview_input(open, now, self.offset)
                .run(self.background_from)
                .map_err(Some),
        };
        match counted {
            Ok(overview) => {
                self.overview_job = None;
                self.show_overview(overview);
            }
            Err(job) => {
                self.overview_job = job;
                let (import_errors, focus_study_now) = Self::library_carried(&mut self.screen);
                self.screen = Screen::Library(LibraryScreen {
                    rows: Vec::new(),
                    view: open.settings.library_view,
                    study_now: StudyNowButton {
                        label: tr!("library-counting"),
                        then: None,
                        enabled: false,
                    },
                    today: Default::default(),
                    import_errors,
                    confirm_remove: None,
                    counting: true,
                    focus_study_now,
                    loading: false,
                });
            }
        }
    }

    /// The library screen while the library is read again: a spinner, and the import
    /// errors it showed.
    pub(super) fn show_library_reading(&mut self) {
        let (import_errors, _) = Self::library_carried(&mut self.screen);
        self.screen = Screen::Library(LibraryScreen {
            import_errors,
            ..LibraryScreen::loading(tr!("library-reading-decks"))
        });
    }

    /// What a new library screen keeps from the one shown: import errors stay until
    /// dismissed, and "Study now" takes the focus only when the library is reached from
    /// another screen (or that focus is still pending, while figures were counted).
    fn library_carried(screen: &mut Screen) -> (Option<String>, bool) {
        match screen {
            Screen::Library(s) => (s.import_errors.take(), s.focus_study_now),
            _ => (None, true),
        }
    }

    /// Shows the library with its figures.
    pub(super) fn show_overview(&mut self, overview: jobs::Overview) {
        let now = self.now();
        let Some(open) = &mut self.open else {
            self.show_profiles();
            return;
        };
        let jobs::Overview {
            done,
            mut rows,
            plan,
            unread,
        } = overview;
        let settings = &open.settings.schedule;
        let view = open.settings.library_view;
        crate::overview::sort(&mut rows, view.sort);
        // The engine's words for where a deck comes from and when it was studied, in the
        // interface's language.
        let today = day::day_index(now, self.offset, settings.day_cutoff_hour);
        for r in &mut rows {
            r.last_studied = match r.stats.last_studied {
                None => tr!("library-never"),
                Some(t) => tr!(
                    "library-days-ago",
                    n = (today - day::day_index(t, self.offset, settings.day_cutoff_hour)).max(0)
                ),
            };
            if let Some(d) = open.library.get(&r.id) {
                (r.origin, r.group) = crate::i18n::origin_names(&d.origin);
                r.copies = (!d.other_copies.is_empty()).then(|| {
                    let others: Vec<String> = (d.other_copies.iter())
                        .map(|c| {
                            tr!(
                                "library-copy-other",
                                place = crate::i18n::origin_names(&c.origin).0,
                                version = c.version
                            )
                        })
                        .collect();
                    tr!(
                        "library-copies",
                        version = d.deck.version,
                        place = r.origin.clone(),
                        others = others.join(", ")
                    )
                });
            }
        }
        let mut progress = crate::overview::TodayProgress {
            done: (done.new + done.reviews) as usize,
            left: plan.total(),
            streak_days: 0,
        };
        progress.streak_days = Self::streak(open, &progress, now, self.offset);
        // A pending removal is not kept.
        let (import_errors, focus_study_now) = Self::library_carried(&mut self.screen);
        self.screen = Screen::Library(LibraryScreen {
            rows,
            view,
            study_now: StudyNowButton {
                label: match (plan.due(), plan.counts.new) {
                    (0, 0) => tr!("library-all-done-today"),
                    (0, n) => tr!("library-study-now-new", n = n),
                    (d, _) => tr!("library-study-now-due", n = d),
                },
                then: (plan.due() > 0 && plan.counts.new > 0)
                    .then(|| tr!("library-then-new", n = plan.counts.new)),
                enabled: plan.total() > 0,
            },
            today: progress,
            import_errors,
            confirm_remove: None,
            counting: false,
            focus_study_now,
            loading: false,
        });
        open.plan = Some(plan);
        if let Some(message) = unread
            && !self.banner.contains(&message)
        {
            self.banner.push(message);
        }
    }
}
