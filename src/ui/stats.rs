//! The statistics screen (egui_plot): reviews per day, due forecast, retention per week,
//! item states, the study calendar and streak, the hardest items, time spent. The figures
//! from the stored states are computed by the app when the screen opens (in the background
//! for a big collection); those from the history (which can be long) in the background,
//! with a spinner until each arrives. Never per frame.

use super::Action;
use crate::ids::DeckId;
use crate::stats::{HISTORY_DAYS, Stats};
use crate::tr;
use egui::{Color32, RichText};
use egui_plot::{Bar, BarChart, Corner, Legend, Line, Plot};

/// Where the history's figures are.
#[derive(Debug, Clone, Default, PartialEq)]
pub enum HistoryState {
    /// Being read in the background.
    #[default]
    Reading,
    /// In [`StatsScreen::stats`].
    Ready,
    /// The history could not be read (why).
    Failed(String),
}

/// The statistics screen.
#[derive(Debug, Default)]
pub struct StatsScreen {
    /// The figures.
    pub stats: Stats,
    /// Whether the history's figures (answers per day, retention, streak, time) are in.
    pub history: HistoryState,
    /// The deck shown (None: all decks).
    pub deck: Option<DeckId>,
    /// Deck ids and titles for the selector.
    pub decks: Vec<(DeckId, String)>,
    /// Readable names of the hardest items ("Deck › question"), parallel to
    /// `stats.hardest`.
    pub hardest_names: Vec<String>,
    /// Show the last 365 days instead of 30.
    pub year: bool,
    /// Whether the figures from the states (items by state, forecast, hardest items) are
    /// in; false while a big collection's are computed in the background.
    pub states_ready: bool,
}

const AGAIN: Color32 = Color32::from_rgb(200, 60, 50);
const HARD: Color32 = Color32::from_rgb(220, 150, 30);
const GOOD: Color32 = Color32::from_rgb(60, 150, 60);
const EASY: Color32 = Color32::from_rgb(50, 110, 200);

impl StatsScreen {
    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        ui.horizontal_wrapped(|ui| {
            if super::nav::back_button(ui, tr!("stats-back-to-decks")).clicked() {
                action = Some(Action::BackToLibrary);
            }
            let mut chosen = self.deck.clone();
            super::deck_combo(ui, &self.decks, &mut chosen);
            if chosen != self.deck {
                action = Some(Action::OpenStats(chosen));
            }
            ui.checkbox(&mut self.year, tr!("stats-last-365-days"));
        });
        let s = &self.stats;
        let history_ready = self.history == HistoryState::Ready;
        match &self.history {
            HistoryState::Ready => {
                ui.label(tr!(
                    "stats-summary",
                    answers = s.answers,
                    streak = s.streak_days,
                    today = s.time_today_secs / 60,
                    hours = s.time_total_secs / 3600,
                    minutes = (s.time_total_secs % 3600) / 60
                ));
            }
            HistoryState::Reading => {
                ui.horizontal(|ui| {
                    super::spinner::spinner(ui);
                    ui.label(tr!("stats-reading-history"));
                });
            }
            HistoryState::Failed(why) => {
                ui.colored_label(
                    AGAIN,
                    tr!("msg-the-history-could-not", error = why.as_str()),
                );
            }
        }
        let st = s.states;
        if self.states_ready {
            ui.label(tr!(
                "stats-items",
                new = st.new,
                learning = st.learning,
                young = st.young,
                mature = st.mature,
                suspended = st.suspended
            ));
        } else {
            counting(ui);
        }
        super::frame::scrolled(egui::ScrollArea::vertical(), ui, |ui| {
            ui.heading(tr!("stats-reviews-per-day"));
            if history_ready {
                self.reviews_plot(ui);
            } else {
                waiting(ui, &self.history);
            }
            ui.heading(tr!("stats-due-in-the-next"));
            let max_due = s.forecast.iter().copied().max().unwrap_or(0);
            if !self.states_ready {
                counting(ui);
            } else if max_due == 0 {
                not_enough(ui, &tr!("stats-nothing-is-due-in"));
            } else {
                let bars = s
                    .forecast
                    .iter()
                    .enumerate()
                    .map(|(d, n)| Bar::new(d as f64, *n as f64).fill(EASY))
                    .collect();
                chart("forecast", 0.0, s.forecast.len() as f64, max_due as f64)
                    .x_axis_label(tr!("stats-axis-days-from-today"))
                    .y_axis_label(tr!("stats-axis-items-due"))
                    .show(ui, |p| {
                        p.bar_chart(BarChart::new(tr!("stats-series-due"), bars).color(EASY))
                    });
            }
            ui.heading(tr!("stats-true-retention-per-week"));
            let weeks = s.retention.len();
            let points: Vec<[f64; 2]> = s
                .retention
                .iter()
                .enumerate()
                .filter_map(|(w, (r, _))| {
                    r.map(|r| [w as f64 - (weeks as f64 - 1.0), f64::from(r) * 100.0])
                })
                .collect();
            if !history_ready {
                waiting(ui, &self.history);
            } else if points.is_empty() {
                not_enough(ui, &tr!("stats-not-enough-reviews-yet"));
            } else {
                chart("retention", -(weeks as f64 - 1.0).max(1.0), 0.0, 100.0)
                    .x_axis_label(tr!("stats-axis-weeks-ago"))
                    .y_axis_label(tr!("stats-axis-remembered"))
                    .show(ui, |p| {
                        p.line(Line::new(tr!("stats-series-retention"), points).color(GOOD))
                    });
            }
            ui.heading(tr!("stats-study-days"));
            if history_ready {
                calendar_ui(ui, s);
            } else {
                waiting(ui, &self.history);
            }
            ui.heading(tr!("stats-hardest-items"));
            if !self.states_ready {
                counting(ui);
            } else if s.hardest.is_empty() {
                ui.label(tr!("stats-no-item-has-been"));
            } else {
                if ui.button(tr!("stats-study-these-items-now")).clicked() {
                    action = Some(Action::StudyItems(
                        s.hardest.iter().map(|h| h.key.clone()).collect(),
                    ));
                }
                for (h, name) in s.hardest.iter().zip(&self.hardest_names) {
                    ui.add(
                        egui::Label::new(tr!(
                            "stats-hardest-item",
                            name = name,
                            lapses = h.lapses,
                            difficulty = crate::i18n::dec(f64::from(h.difficulty), 1)
                        ))
                        .wrap(),
                    );
                }
            }
        });
        action
    }

    fn reviews_plot(&self, ui: &mut egui::Ui) {
        let days = if self.year { HISTORY_DAYS } else { 30 };
        let data = &self.stats.per_day[HISTORY_DAYS - days..];
        let max = data.iter().map(|c| c.total()).max().unwrap_or(0);
        if max == 0 {
            not_enough(ui, &tr!("stats-not-enough-data-yet"));
            return;
        }
        let series = |f: fn(&crate::stats::DayCounts) -> u32| -> Vec<Bar> {
            data.iter()
                .enumerate()
                .map(|(i, c)| Bar::new(i as f64 - (days - 1) as f64, f64::from(f(c))))
                .collect()
        };
        let filled = |bars: Vec<Bar>, color| bars.into_iter().map(|b| b.fill(color)).collect();
        let again = BarChart::new(
            super::study::rating_name(crate::schedule::Rating::Again),
            filled(series(|c| c.again), AGAIN),
        )
        .color(AGAIN);
        let hard = BarChart::new(
            super::study::rating_name(crate::schedule::Rating::Hard),
            filled(series(|c| c.hard), HARD),
        )
        .color(HARD)
        .stack_on(&[&again]);
        let good = BarChart::new(
            super::study::rating_name(crate::schedule::Rating::Good),
            filled(series(|c| c.good), GOOD),
        )
        .color(GOOD)
        .stack_on(&[&again, &hard]);
        let easy = BarChart::new(
            super::study::rating_name(crate::schedule::Rating::Easy),
            filled(series(|c| c.easy), EASY),
        )
        .color(EASY)
        .stack_on(&[&again, &hard, &good]);
        chart("per-day", -(days as f64), 1.0, f64::from(max))
            .height(180.0)
            // Top left, over the oldest days: today's bar stays in view.
            .legend(
                Legend::default()
                    .follow_insertion_order(true)
                    .position(Corner::LeftTop),
            )
            .x_axis_label(tr!("stats-axis-days-ago"))
            .y_axis_label(tr!("stats-axis-answers"))
            .show(ui, |p| {
                p.bar_chart(again);
                p.bar_chart(hard);
                p.bar_chart(good);
                p.bar_chart(easy);
            });
    }
}

/// A chart that does not move, over x in `x0..x1` and y from 0 to `y_max`.
fn chart(id: &str, x0: f64, x1: f64, y_max: f64) -> Plot<'static> {
    Plot::new(id)
        .height(160.0)
        .default_x_bounds(x0 - 0.5, x1 + 0.5)
        .default_y_bounds(0.0, y_max.max(1.0) * 1.05)
        .allow_zoom(false)
        .allow_drag(false)
        .allow_scroll(false)
        .allow_boxed_zoom(false)
        .allow_double_click_reset(false)
}

/// What a chart from the history shows while the history is read, or when it could not
/// be (then no spinner turns for ever).
fn waiting(ui: &mut egui::Ui, history: &HistoryState) {
    if matches!(history, HistoryState::Failed(_)) {
        not_enough(ui, &tr!("stats-history-unavailable"));
        return;
    }
    ui.horizontal(|ui| {
        super::spinner::spinner(ui);
        ui.label(RichText::new(tr!("stats-reading-history")).italics());
    });
    ui.add_space(8.0);
}

/// What a figure from the states shows while a big collection's are counted.
fn counting(ui: &mut egui::Ui) {
    ui.horizontal(|ui| {
        super::spinner::spinner(ui);
        ui.label(RichText::new(tr!("stats-counting")).italics());
    });
    ui.add_space(8.0);
}

/// What an empty chart says instead of drawing axes over nothing.
fn not_enough(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).italics()).wrap());
    ui.add_space(8.0);
}

/// A heat map of the last 365 days: one square per day, a column per week.
fn calendar_ui(ui: &mut egui::Ui, s: &Stats) {
    let weeks = HISTORY_DAYS.div_ceil(7);
    // The squares shrink to the width (large text, small windows); below 6 points the
    // oldest weeks are left out rather than cut at the right.
    let step = (ui.available_width() / weeks as f32).clamp(6.0, 13.0);
    let shown = ((ui.available_width() / step).floor() as usize).clamp(1, weeks);
    let first_week = weeks - shown;
    let cell = step - 2.0;
    let (rect, _) = ui.allocate_exact_size(
        egui::vec2(shown as f32 * step, 7.0 * step),
        egui::Sense::hover(),
    );
    let max = s
        .per_day
        .iter()
        .map(|c| c.total())
        .max()
        .unwrap_or(0)
        .max(1);
    let painter = ui.painter_at(rect);
    let empty = ui.visuals().faint_bg_color;
    let shade = |n: u32| {
        let a = 80 + (175 * n / max) as u8;
        Color32::from_rgba_unmultiplied(40, 160, 70, a)
    };
    for (i, c) in s.per_day.iter().enumerate().skip(first_week * 7) {
        let (w, d) = (i / 7 - first_week, i % 7);
        let pos = rect.min + egui::vec2(w as f32 * step, d as f32 * step);
        let n = c.total();
        let color = if n == 0 { empty } else { shade(n) };
        painter.rect_filled(
            egui::Rect::from_min_size(pos, egui::vec2(cell, cell)),
            2.0,
            color,
        );
    }
    // The legend draws the same squares, so it reads right in every theme.
    ui.horizontal_wrapped(|ui| {
        if shown < weeks {
            ui.label(RichText::new(tr!("stats-the-last-weeks", n = shown)).weak());
        }
        ui.label(RichText::new(tr!("stats-each-square-is-a")).weak());
        for n in [0, max / 4, max / 2, max] {
            let (r, _) = ui.allocate_exact_size(egui::vec2(cell, cell), egui::Sense::hover());
            let c = if n == 0 { empty } else { shade(n.max(1)) };
            ui.painter().rect_filled(r, 2.0, c);
        }
        ui.label(RichText::new(tr!("stats-more-up-to", max = max)).weak());
    });
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{QuizApp, Screen};

/// Opens the statistics of a deck (None: all decks).
pub(super) fn open(app: &mut QuizApp, deck: Option<DeckId>) {
    let now = app.now();
    let Some(open) = &app.open else { return };
    let decks: Vec<DeckId> = deck.iter().cloned().collect();
    // The figures from the states now (in the background for a big collection); those
    // from the history (which can be long) in the background, shown when ready.
    let input = super::jobs::StatesInput {
        library: open.library.clone(),
        decks: decks.clone(),
        states: open.store.states().clone(),
        now,
        offset: app.offset,
        cutoff_hour: open.settings.schedule.day_cutoff_hour,
    };
    let (figures, states_ready) = match input.run(app.background_from) {
        Ok(f) => {
            app.stats_states_job = None;
            (f, true)
        }
        Err(job) => {
            app.stats_states_job = Some(job);
            let empty = super::jobs::StatesFigures {
                stats: Default::default(),
                hardest_names: Vec::new(),
            };
            (empty, false)
        }
    };
    app.stats_job = Some(QuizApp::history_job(
        &open.store,
        decks,
        now,
        app.offset,
        &open.settings,
    ));
    let year = matches!(&app.screen, Screen::Stats(s) if s.year);
    app.screen = Screen::Stats(Box::new(StatsScreen {
        stats: figures.stats,
        history: HistoryState::Reading,
        deck,
        decks: app.deck_choices(),
        hardest_names: figures.hardest_names,
        year,
        states_ready,
    }));
}
