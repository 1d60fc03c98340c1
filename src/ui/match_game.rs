//! The match game screen: pick a deck, then match 6–8 pairs against the clock; the best
//! time per deck is kept with the profile.

use super::Action;
use crate::ids::DeckId;
use crate::match_game::Board;
use crate::tr;
use chrono::{DateTime, Utc};
use egui::RichText;

/// The match game screen.
#[derive(Debug, Default)]
pub struct MatchScreen {
    /// Decks offered (id, title).
    pub decks: Vec<(DeckId, String)>,
    /// The deck chosen (None: all decks).
    pub deck: Option<DeckId>,
    /// The game in progress.
    pub board: Option<Board>,
    /// When the game started.
    pub started: Option<DateTime<Utc>>,
    /// The time now (set by the app every frame).
    pub now: Option<DateTime<Utc>>,
    /// The final time, once done.
    pub finished_ms: Option<u64>,
    /// The best time for the chosen deck.
    pub best_ms: Option<u64>,
    /// The last pair tried was wrong.
    pub wrong: bool,
    /// The tile given the keyboard focus at the next frame: a pair matched from the
    /// keyboard leaves its tiles, and the focus goes on to the next tile left.
    pub focus_tile: Option<usize>,
}

fn secs(ms: u64) -> String {
    tr!(
        "match-seconds",
        s = crate::i18n::dec((ms / 100) as f64 / 10.0, 1)
    )
}

impl MatchScreen {
    /// Milliseconds since the start.
    pub fn elapsed_ms(&self) -> u64 {
        match (self.started, self.now) {
            (Some(s), Some(n)) => (n - s).num_milliseconds().max(0) as u64,
            _ => 0,
        }
    }

    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        ui.horizontal(|ui| {
            if super::nav::back_button(ui, tr!("match-back-to-decks")).clicked() {
                action = Some(Action::BackToLibrary);
            }
            super::deck_combo(ui, &self.decks, &mut self.deck);
            if ui
                .button(RichText::new(tr!("match-new-game")).size(18.0))
                .clicked()
            {
                action = Some(Action::Match(Msg::Start(self.deck.clone())));
            }
        });
        if let Some(best) = self.best_ms {
            ui.label(tr!("match-best-time", time = secs(best)));
        }
        let Some(board) = &mut self.board else {
            ui.label(tr!("match-match-each-item-with"));
            return action;
        };
        if let Some(ms) = self.finished_ms {
            ui.heading(tr!(
                "match-done-in",
                time = secs(ms),
                mistakes = board.mistakes
            ));
            return action;
        }
        let elapsed = self
            .started
            .zip(self.now)
            .map_or(0, |(s, n)| (n - s).num_milliseconds().max(0) as u64);
        ui.label(RichText::new(tr!("match-time", time = secs(board.score_ms(elapsed)))).size(20.0));
        if self.wrong {
            ui.colored_label(super::theme::wrong_color(ui), tr!("match-not-a-pair-1"));
        }
        // As many columns of tiles as fit (up to 4); a matched tile leaves its place empty,
        // so the others never move.
        let gap = 8.0;
        let columns = (((ui.available_width() + gap) / (160.0 + gap)).floor() as usize).clamp(1, 4);
        let tile_w = ((ui.available_width() + gap) / columns as f32 - gap).min(260.0);
        let tile = egui::vec2(tile_w, 60.0);
        let mut clicked = None;
        egui::Grid::new("match-board")
            .spacing([gap, gap])
            .min_col_width(tile_w)
            .max_col_width(tile_w)
            .show(ui, |ui| {
                for (i, t) in board.tiles.iter().enumerate() {
                    if t.matched {
                        ui.allocate_exact_size(tile, egui::Sense::hover());
                    } else {
                        let b = egui::Button::new(RichText::new(&t.text).size(16.0))
                            .wrap()
                            .selected(board.selected == Some(i))
                            .min_size(tile);
                        // An id of the tile's own, not one counted from the widgets
                        // before it (the "not a pair" line above the board comes and
                        // goes): the focus stays on it.
                        let id = egui::Id::unique(("quizdeck-match-tile", i));
                        let r = ui
                            .scope_builder(egui::UiBuilder::new().scope_id(id), |ui| ui.add(b))
                            .inner;
                        if self.focus_tile == Some(i) {
                            r.request_focus();
                            self.focus_tile = None;
                        }
                        if r.clicked() {
                            clicked = Some((i, r.has_focus()));
                        }
                    }
                    if (i + 1) % columns == 0 {
                        ui.end_row();
                    }
                }
            });
        if let Some((i, focused)) = clicked {
            match board.click(i) {
                Some(ok) => self.wrong = !ok,
                None => self.wrong = false,
            }
            let n = board.tiles.len();
            if focused && board.tiles[i].matched {
                self.focus_tile = (1..n)
                    .map(|k| (i + k) % n)
                    .find(|&k| !board.tiles[k].matched);
            }
            if board.done() {
                let ms = board.score_ms(elapsed);
                self.finished_ms = Some(ms);
                action = Some(Action::Match(Msg::Finished(self.deck.clone(), ms)));
            }
        }
        action
    }
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{QuizApp, Screen};

/// What the match game asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Start a game on a deck (None: all decks).
    Start(Option<DeckId>),
    /// A game ended in this time (milliseconds, penalties included).
    Finished(Option<DeckId>, u64),
}

/// Applies a match game message (the decks and the best times are the profile's).
pub(super) fn update(app: &mut QuizApp, msg: Msg) {
    let now = app.now();
    match msg {
        Msg::Start(deck) => {
            let (Some(open), Screen::Match(screen)) = (&app.open, &mut app.screen) else {
                return;
            };
            let decks: Vec<&crate::deck::Deck> = open
                .library
                .decks
                .iter()
                .filter(|d| deck.as_ref().is_none_or(|id| &d.deck.id == id))
                .map(|d| &d.deck)
                .collect();
            let seed = now.timestamp_subsec_nanos() as u64 ^ now.timestamp() as u64;
            let pairs = crate::match_game::pick_pairs(&decks, 8, seed);
            let key = deck.as_ref().map_or("all".to_owned(), |d| d.to_string());
            screen.best_ms = open.settings.best_match_ms.get(&key).copied();
            screen.deck = deck.clone();
            screen.finished_ms = None;
            screen.wrong = false;
            if pairs.len() < 3 {
                screen.board = None;
                app.banner.push(tr!("app-this-deck-has-too"));
            } else {
                screen.board = Some(crate::match_game::Board::new(&pairs, seed));
                screen.started = Some(now);
            }
        }
        Msg::Finished(deck, ms) => {
            let Some(open) = &mut app.open else { return };
            let key = deck.as_ref().map_or("all".to_owned(), |d| d.to_string());
            let best = open.settings.best_match_ms.get(&key).copied();
            if best.is_none_or(|b| ms < b) {
                open.settings.best_match_ms.insert(key, ms);
                if let Err(e) = open.store.save_settings(&open.settings) {
                    app.banner.push(tr!(
                        "msg-the-best-time-could",
                        error = crate::i18n::message(&e.message())
                    ));
                }
                if let Screen::Match(s) = &mut app.screen {
                    s.best_ms = Some(ms);
                }
            }
        }
    }
}

/// Opens the match game.
pub(super) fn open(app: &mut QuizApp) {
    let Some(open) = &app.open else { return };
    app.screen = Screen::Match(Box::new(MatchScreen {
        decks: app.deck_choices(),
        best_ms: open.settings.best_match_ms.get("all").copied(),
        ..Default::default()
    }));
}
