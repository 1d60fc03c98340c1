//! The browse screen: every study item in a searchable, filterable table (only the visible
//! rows are built each frame), with one item's card, schedule and history beside it.

use super::Action;
use crate::browse::{Index, Query, SortBy, Status};
use crate::ids::{DeckId, ItemKey};
use crate::schedule::{ItemState, ReviewEntry};
use crate::tr;
use egui::RichText;

/// The selected item's details, loaded by the app.
#[derive(Debug, Clone)]
pub struct Detail {
    /// The item.
    pub key: ItemKey,
    /// The question as shown.
    pub text: String,
    /// The answer(s).
    pub answer: String,
    /// Its stored state (None = new).
    pub state: Option<ItemState>,
    /// Its answers, oldest first.
    pub history: Vec<ReviewEntry>,
}

/// The browse screen.
#[derive(Debug, Default)]
pub struct BrowseScreen {
    /// Every item (built by the app when data changes).
    pub index: Index,
    /// Deck ids and titles for the deck filter.
    pub decks: Vec<(DeckId, String)>,
    /// Tags for the tag filter.
    pub tags: Vec<String>,
    /// The filters.
    pub query: Query,
    /// Rows matching the query, in order (recomputed when the query changes).
    pub visible: Vec<usize>,
    /// The item shown in detail.
    pub detail: Option<Detail>,
    /// The index is being built in the background (a big collection): a spinner shows
    /// where the rows go.
    pub building: bool,
    /// The search field takes the keyboard at its next drawing (the screen was just
    /// opened), so typing searches at once.
    pub focus_search: bool,
}

const ROW_HEIGHT: f32 = 22.0;

impl BrowseScreen {
    /// Recomputes the visible rows (after the index or the query changed).
    pub fn refilter(&mut self) {
        self.visible = self.index.select(&self.query);
    }

    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        let before = self.query.clone();
        ui.horizontal_wrapped(|ui| {
            if super::nav::back_button(ui, tr!("browse-back-to-decks")).clicked() {
                action = Some(Action::BackToLibrary);
            }
            let l = ui.label(tr!("browse-search"));
            let search = ui
                .add(egui::TextEdit::singleline(&mut self.query.text).desired_width(220.0))
                .labelled_by(l.id);
            if std::mem::take(&mut self.focus_search) {
                search.request_focus();
            }
            super::deck_combo(ui, &self.decks, &mut self.query.deck);
            let l = ui.label(tr!("browse-tag"));
            egui::ComboBox::from_id_salt("browse-tag")
                .selected_text(self.query.tag.clone().unwrap_or_else(|| tr!("browse-any")))
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.query.tag, None, tr!("browse-any"));
                    for t in &self.tags {
                        ui.selectable_value(&mut self.query.tag, Some(t.clone()), t);
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(tr!("browse-state"));
            egui::ComboBox::from_id_salt("browse-state")
                .selected_text(
                    self.query
                        .status
                        .map_or(tr!("browse-any"), crate::i18n::status_name),
                )
                .show_ui(ui, |ui| {
                    ui.selectable_value(&mut self.query.status, None, tr!("browse-any"));
                    for s in Status::ALL {
                        ui.selectable_value(
                            &mut self.query.status,
                            Some(s),
                            crate::i18n::status_name(s),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
            let l = ui.label(tr!("browse-sort-by"));
            egui::ComboBox::from_id_salt("browse-sort")
                .selected_text(crate::i18n::browse_sort_name(self.query.sort))
                .show_ui(ui, |ui| {
                    for s in SortBy::ALL {
                        ui.selectable_value(
                            &mut self.query.sort,
                            s,
                            crate::i18n::browse_sort_name(s),
                        );
                    }
                })
                .response
                .labelled_by(l.id);
        });
        if self.query != before {
            self.refilter();
        }
        if self.building {
            ui.horizontal(|ui| {
                super::spinner::spinner(ui);
                ui.label(RichText::new(tr!("browse-indexing")).size(16.0));
            });
            return action;
        }
        ui.label(tr!(
            "browse-shown-of",
            shown = self.visible.len(),
            total = self.index.rows.len()
        ));
        ui.separator();
        // The details take up to 360 points, never more than half of a narrow window.
        let detail_width = if self.detail.is_some() {
            (ui.available_width() * 0.5).min(360.0)
        } else {
            0.0
        };
        ui.horizontal_top(|ui| {
            let table_width = (ui.available_width() - detail_width).max(200.0);
            ui.vertical(|ui| {
                ui.set_width(table_width);
                egui::ScrollArea::vertical()
                    .id_salt("browse-rows")
                    .auto_shrink([false, false])
                    .show_rows(ui, ROW_HEIGHT, self.visible.len(), |ui, range| {
                        for &i in &self.visible[range] {
                            let r = &self.index.rows[i];
                            let selected = self.detail.as_ref().is_some_and(|d| d.key == r.key);
                            let due = r.due.map_or("—".to_owned(), |d| {
                                crate::i18n::date_short(d.date_naive())
                            });
                            // The question first, so a narrow window (or large text) cuts
                            // the figures, not the text; the whole row is in the tooltip.
                            let line = tr!(
                                "browse-row",
                                text = &r.text,
                                status = crate::i18n::status_name(r.status),
                                due = due,
                                lapses = r.lapses,
                                deck = &r.deck_title
                            );
                            let resp = ui
                                .add(
                                    egui::Button::selectable(selected, line.as_str())
                                        .truncate()
                                        .min_size(egui::vec2(table_width, ROW_HEIGHT - 2.0)),
                                )
                                .on_hover_text(line.as_str());
                            if resp.clicked() {
                                action = Some(Action::Browse(Msg::Select(r.key.clone())));
                            }
                        }
                    });
            });
            if let Some(d) = &self.detail {
                ui.vertical(|ui| {
                    ui.set_width(detail_width - 16.0);
                    super::frame::scrolled(
                        egui::ScrollArea::vertical().id_salt("browse-detail"),
                        ui,
                        |ui| {
                            if let Some(a) = detail_ui(ui, d) {
                                action = Some(a);
                            }
                        },
                    );
                });
            }
        });
        action
    }
}

fn detail_ui(ui: &mut egui::Ui, d: &Detail) -> Option<Action> {
    let mut action = None;
    // The actions come first, so they stay in view in a small window or at large text.
    ui.horizontal_wrapped(|ui| {
        let suspended = d.state.as_ref().is_some_and(|s| s.suspended);
        let (label, to) = if suspended {
            (tr!("browse-unsuspend"), false)
        } else {
            (tr!("browse-suspend"), true)
        };
        if ui.button(label).clicked() {
            action = Some(Action::Browse(Msg::SetSuspended(d.key.clone(), to)));
        }
        if ui
            .add_enabled(
                d.state.is_some(),
                egui::Button::new(tr!("browse-reset-progress")),
            )
            .clicked()
        {
            action = Some(Action::Browse(Msg::Reset(d.key.clone())));
        }
    });
    ui.add(egui::Label::new(RichText::new(&d.text).strong().size(17.0)).wrap());
    ui.add(egui::Label::new(tr!("browse-answer", answer = &d.answer)).wrap());
    ui.separator();
    match &d.state {
        None => {
            ui.label(tr!("browse-new-not-studied-yet"));
        }
        Some(s) => {
            ui.label(tr!(
                "browse-due",
                when = crate::i18n::date_time(s.due.naive_utc())
            ));
            ui.label(tr!("browse-interval", days = s.interval_days));
            if let Some(m) = s.memory {
                ui.label(tr!(
                    "browse-memory",
                    stability = crate::i18n::dec(f64::from(m.stability_days), 1),
                    difficulty = crate::i18n::dec(f64::from(m.difficulty), 1)
                ));
            }
            ui.label(tr!(
                "browse-answers-lapses",
                answers = s.reps,
                lapses = s.lapses
            ));
            if s.leech {
                ui.label(RichText::new(tr!("browse-leech")).strong());
            }
        }
    }
    ui.separator();
    ui.label(RichText::new(tr!("browse-history", n = d.history.len())).strong());
    egui::ScrollArea::vertical()
        .id_salt("browse-history")
        .max_height(260.0)
        .show(ui, |ui| {
            for e in d.history.iter().rev() {
                ui.label(tr!(
                    "browse-history-entry",
                    when = crate::i18n::date_time(e.at.naive_utc()),
                    rating = super::study::rating_name(e.rating),
                    secs = crate::i18n::dec(f64::from(e.duration_ms) / 1000.0, 1)
                ));
            }
        });
    action
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{QuizApp, Screen};
use crate::schedule::day;

/// What the browse screen asks of the app (each needs the store).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Show this item's details (its history is read from disk).
    Select(ItemKey),
    /// Suspend (true) or unsuspend (false) an item.
    SetSuspended(ItemKey, bool),
    /// Forget an item's progress (its history is kept).
    Reset(ItemKey),
}

/// Applies a browse message (details and changes need the store).
pub(super) fn update(app: &mut QuizApp, msg: Msg) {
    let now = app.now();
    match msg {
        Msg::Select(key) => app.load_detail(&key),
        Msg::SetSuspended(key, suspended) => {
            let Some(open) = &mut app.open else { return };
            if let Err(e) = open.store.set_suspended(&key, suspended, now) {
                app.banner.push(tr!(
                    "msg-could-not-change-the",
                    error = crate::i18n::message(&e.message())
                ));
            }
            app.after_item_change(&key);
        }
        Msg::Reset(key) => {
            let Some(open) = &mut app.open else { return };
            if let Err(e) = open.store.reset(&key, now) {
                app.banner.push(tr!(
                    "msg-could-not-reset-the",
                    error = crate::i18n::message(&e.message())
                ));
            }
            app.after_item_change(&key);
        }
    }
}

/// Opens the browse screen. The index over every item is built here for a small
/// library, on another thread from [`super::jobs::BACKGROUND_FROM_CARDS`] cards (a
/// spinner meanwhile; the states are shared copy-on-write).
pub(super) fn open(app: &mut QuizApp) {
    let now = app.now();
    let Some(open) = &app.open else { return };
    let (library, states) = (open.library.clone(), open.store.states().clone());
    let (offset, cutoff) = (app.offset, open.settings.schedule.day_cutoff_hour);
    let build = move || crate::browse::Index::build(&library, &states, now, offset, cutoff);
    let here = super::jobs::cards(&open.library) < app.background_from;
    let mut screen = BrowseScreen {
        decks: app.deck_choices(),
        focus_search: true,
        ..Default::default()
    };
    app.browse_job = None;
    match super::jobs::here_or_job(here, "quizdeck-browse", build) {
        Ok(index) => screen.set_index(index),
        Err(job) => {
            screen.building = true;
            app.browse_job = Some(job);
        }
    }
    app.screen = Screen::Browse(Box::new(screen));
}

impl BrowseScreen {
    /// Shows `index` (built at once or in the background).
    pub(super) fn set_index(&mut self, index: Index) {
        self.tags = index.tags();
        self.index = index;
        self.building = false;
        self.refilter();
    }
}

impl QuizApp {
    /// Loads an item's card, state and history into the browse screen (reads the history
    /// from disk: only on selection, never per frame).
    pub(super) fn load_detail(&mut self, key: &ItemKey) {
        let (Some(open), Screen::Browse(screen)) = (&self.open, &mut self.screen) else {
            return;
        };
        let Some(card) = open
            .library
            .get(&key.deck)
            .and_then(|d| d.deck.card(&key.card))
        else {
            return;
        };
        let text = card.kind.item_text(key.part);
        let answer = card.kind.item_answer(key.part);
        let answer = match answer.truth {
            Some(true) => format!("{} {}", tr!("msg-true"), answer.text),
            Some(false) => format!("{} {}", tr!("msg-false"), answer.text),
            None => answer.text,
        };
        let history = match open.store.item_history(key) {
            Ok(h) => h,
            Err(e) => {
                self.banner.push(tr!(
                    "msg-the-history-could-not",
                    error = crate::i18n::message(&e.message())
                ));
                Vec::new()
            }
        };
        screen.detail = Some(Detail {
            key: key.clone(),
            text,
            answer,
            state: open.store.state(key).cloned(),
            history,
        });
    }

    /// Refreshes the browse row and details after an item's state changed.
    pub(super) fn after_item_change(&mut self, key: &ItemKey) {
        let now = self.now();
        if let (Some(open), Screen::Browse(screen)) = (&self.open, &mut self.screen) {
            let cutoff = open.settings.schedule.day_cutoff_hour;
            let day_end = day::day_start(
                day::day_index(now, self.offset, cutoff) + 1,
                self.offset,
                cutoff,
            );
            screen.index.update(key, open.store.state(key), day_end);
            screen.refilter();
        }
        self.load_detail(key);
    }
}
