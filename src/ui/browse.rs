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
            if ui.button(tr!("browse-back-to-decks")).clicked() {
                action = Some(Action::BackToLibrary);
            }
            let l = ui.label(tr!("browse-search"));
            ui.add(egui::TextEdit::singleline(&mut self.query.text).desired_width(220.0))
                .labelled_by(l.id);
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
                                action = Some(Action::BrowseSelect(r.key.clone()));
                            }
                        }
                    });
            });
            if let Some(d) = &self.detail {
                ui.vertical(|ui| {
                    ui.set_width(detail_width - 16.0);
                    egui::ScrollArea::vertical()
                        .id_salt("browse-detail")
                        .show(ui, |ui| {
                            if let Some(a) = detail_ui(ui, d) {
                                action = Some(a);
                            }
                        });
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
            action = Some(Action::SetSuspended(d.key.clone(), to));
        }
        if ui
            .add_enabled(
                d.state.is_some(),
                egui::Button::new(tr!("browse-reset-progress")),
            )
            .clicked()
        {
            action = Some(Action::ResetItem(d.key.clone()));
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
