//! The study screen's session flow: one item at a time, asked through the shared question
//! widget (`question.rs`) and judged at once by `ask::judge`, then the verdict, the note and
//! source, and the four rating buttons with their next intervals.

use super::Action;
use super::picture::{PictureView, picture_ui};
use super::question::{Draft, Use, mark, number_key, prompt_ui, question_ui, reveal_ui};
use super::theme::{right_color, wrong_color};
use crate::answer::{Strictness, SuggestedRating};
use crate::ask::{self, Asked, Judgement};
use crate::deck::{Card, Deck};
use crate::ids::ItemKey;
use crate::quiz::{Answer, QuestionForm};
use crate::schedule::{Counts, Rating};
use crate::tr;
use egui::{Key, Modifiers, RichText};

/// The item on screen and how far the student got with it.
#[derive(Debug)]
pub struct ShownItem {
    /// The study item.
    pub key: ItemKey,
    /// Its card.
    pub card: Card,
    /// Title of its deck.
    pub deck_title: String,
    /// "Document › Section", if the card cites one.
    pub source: Option<String>,
    /// Labels of the four rating buttons ("<1m", "2d"…).
    pub labels: [String; 4],
    /// How typed answers are judged.
    pub strictness: Strictness,
    /// When the item was shown (the app's clock; for the answer's duration).
    pub shown_at: chrono::DateTime<chrono::Utc>,
    /// The app's clock when this frame is drawn (set by the app before drawing).
    pub now: chrono::DateTime<chrono::Utc>,
    /// How the item is put: a card to reveal, or a question in the shared model.
    pub asked: Asked,
    /// The student's answer so far (questions).
    pub draft: Draft,
    /// The verdict on the answer, once checked (questions).
    pub judged: Option<Judgement>,
    /// Set once the student has answered (or revealed).
    pub outcome: Option<Outcome>,
    /// The card's picture (decoded in the background; a placeholder until then).
    pub picture: Option<PictureView>,
    /// Where the student is with a Locate card (None for every other kind).
    pub locate: Option<super::locate::LocateState>,
    /// This showing's number (every item asked takes the next): it names the showing's
    /// page, so that each opens at its top.
    pub showing: u64,
}

impl ShownItem {
    /// The item `key` of `card` (of `deck`) asked afresh: options, items and numbered places
    /// shuffled with `rng`, nothing answered yet. `labels` are the rating buttons' intervals,
    /// `picture` the card's picture as far as it is loaded.
    #[allow(clippy::too_many_arguments)]
    pub fn ask(
        deck: &Deck,
        card: Card,
        key: ItemKey,
        labels: [String; 4],
        strictness: Strictness,
        now: chrono::DateTime<chrono::Utc>,
        picture: Option<PictureView>,
        rng: &mut impl rand::Rng,
    ) -> ShownItem {
        let asked = ask::ask_item(deck, &card, key.part, rng);
        let draft = match &asked {
            Asked::Question(q) => Draft::for_question(q),
            Asked::Reveal(_) | Asked::Locate(_) => Draft::default(),
        };
        let locate = match &asked {
            Asked::Locate(l) => Some(super::locate::LocateState::new(l.others.len() + 1, rng)),
            _ => None,
        };
        static SHOWINGS: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        ShownItem {
            source: deck.source_label(&card),
            deck_title: deck.title.clone(),
            key,
            labels,
            strictness,
            shown_at: now,
            now,
            asked,
            draft,
            judged: None,
            outcome: None,
            picture,
            locate,
            card,
            showing: SHOWINGS.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        }
    }
}

/// The verdict on an answer, before it is rated.
#[derive(Debug, Clone)]
pub struct Outcome {
    /// Right or wrong, for interactive kinds; None for self-rated ones.
    pub correct: Option<bool>,
    /// The rating suggested from the verdict (Space picks it).
    pub suggested: Rating,
    /// A note from the answer checker ("accepted — it is written …").
    pub note: Option<String>,
    /// The student overrode a wrong verdict ("I was right").
    pub overridden: bool,
}

fn rating_of(s: SuggestedRating) -> Rating {
    match s {
        SuggestedRating::Again => Rating::Again,
        SuggestedRating::Hard => Rating::Hard,
        SuggestedRating::Good => Rating::Good,
    }
}

/// Why nothing is shown, and what the student can do about it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct EmptyState {
    /// Sentences saying why ("The daily limit of 20 new items of Treaties is reached.").
    pub reasons: Vec<String>,
    /// "Study N more new today" is offered with this N (new items are held back).
    pub more_new: Option<u32>,
    /// Items come back later today: "3 items come back in 8 min (10:42)".
    pub comes_back: Option<String>,
}

/// The widest the card column gets, in points, so lines stay readable on wide windows.
pub const COLUMN_WIDTH: f32 = 760.0;

/// Draws `add` in a centred column at most [`COLUMN_WIDTH`] wide.
pub fn column<R>(ui: &mut egui::Ui, add: impl FnOnce(&mut egui::Ui) -> R) -> R {
    let width = ui.available_width().min(COLUMN_WIDTH);
    let margin = ((ui.available_width() - width) / 2.0).max(0.0);
    ui.horizontal(|ui| {
        ui.add_space(margin);
        ui.vertical(|ui| {
            ui.set_width(width);
            add(ui)
        })
        .inner
    })
    .inner
}

/// The study screen.
#[derive(Debug, Default)]
pub struct StudyScreen {
    /// The item shown, or None when nothing is due right now.
    pub item: Option<ShownItem>,
    /// New · learning · review still to do.
    pub counts: Counts,
    /// Answers given in this session.
    pub done: usize,
    /// An answer can be undone.
    pub can_undo: bool,
    /// Why nothing is shown (set when `item` is None).
    pub empty: EmptyState,
    /// The session's decks, as the header names them.
    pub decks_label: String,
    /// A problem to show (e.g. an answer that could not be saved).
    pub error: Option<String>,
    /// The session's queue is being built in the background (a big collection): a
    /// spinner shows; Esc goes back.
    pub preparing: bool,
}

impl StudyScreen {
    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        if self.preparing {
            if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
                action = Some(Action::Session(Msg::EndSession));
            }
            ui.horizontal(|ui| {
                super::spinner::spinner(ui);
                ui.label(RichText::new(tr!("library-preparing")).size(16.0));
            });
            ui.add_space(8.0);
            if ui.button(tr!("summary-back-to-decks")).clicked() {
                action = Some(Action::Session(Msg::EndSession));
            }
            return action;
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Z)) && self.can_undo {
            action = Some(Action::Session(Msg::Undo));
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            action = Some(Action::Session(Msg::EndSession));
        }
        egui::Panel::top("study-header")
            .show_separator_line(false)
            .show(ui, |ui| self.header_ui(ui, &mut action));
        match &mut self.item {
            None => {
                super::frame::page("study-empty", ui, |ui| {
                    column(ui, |ui| {
                        if let Some(e) = &self.error {
                            ui.colored_label(wrong_color(ui), e);
                        }
                        empty_ui(ui, &self.empty, &mut action)
                    })
                });
            }
            Some(item) => {
                // Keys rate only from the frame after the answer, so the Enter or Space
                // that answered does not also rate.
                let answered_before = item.outcome.is_some();
                egui::Panel::bottom("study-actions")
                    .show_separator_line(true)
                    .show(ui, |ui| {
                        ui.add_space(6.0);
                        column(ui, |ui| {
                            if let Some(a) = actions_ui(ui, item, answered_before) {
                                action = Some(a);
                            }
                        });
                        ui.add_space(6.0);
                    });
                // Each showing of an item has a page of its own (its scroll position and
                // the focus it followed), which opens at its top: the page scrolled down
                // for the last answer (a map brought into view at 200 %) showed the next
                // question scrolled out of view.
                let showing = item.showing;
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    // The card's scroll bar floats (it shows while the pointer is over the
                    // card): a judged question at a projector's size (1280×800 at 250 %)
                    // fits above the rating bar only with the whole width for its lines.
                    ui.spacing_mut().scroll = egui::style::ScrollStyle::floating();
                    ui.push_id(showing, |ui| {
                        super::frame::page("study-card", ui, |ui| {
                            column(ui, |ui| {
                                if let Some(e) = &self.error {
                                    ui.colored_label(wrong_color(ui), e);
                                }
                                let compact = super::question::compact(ui);
                                ui.add_space(if compact { 4.0 } else { 16.0 });
                                item_ui(ui, item);
                                if item.outcome.is_some() {
                                    details_ui(ui, item);
                                }
                                ui.add_space(16.0);
                                super::frame::page_keys(ui);
                            })
                        })
                    });
                });
                if item.outcome.is_some() != answered_before {
                    ui.ctx().request_repaint();
                }
            }
        }
        action
    }

    fn header_ui(&self, ui: &mut egui::Ui, action: &mut Option<Action>) {
        let Counts {
            new,
            learning,
            review,
        } = self.counts;
        let compact = super::question::compact(ui);
        let can_undo = self.can_undo;
        let buttons = |ui: &mut egui::Ui, action: &mut Option<Action>| {
            if ui.small_button(tr!("study-end-session-esc")).clicked() {
                *action = Some(Action::Session(Msg::EndSession));
            }
            if ui
                .add_enabled(
                    can_undo,
                    egui::Button::new(tr!("study-undo-ctrl-z")).small(),
                )
                .clicked()
            {
                *action = Some(Action::Session(Msg::Undo));
            }
        };
        column(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let deck = self
                    .item
                    .as_ref()
                    .map_or(self.decks_label.as_str(), |i| i.deck_title.as_str());
                ui.label(RichText::new(deck).weak());
                ui.label(
                    RichText::new(tr!(
                        "study-counts",
                        new = new,
                        learning = learning,
                        review = review,
                        done = self.done
                    ))
                    .weak(),
                );
                // On a short window the buttons follow on the same row.
                if compact {
                    buttons(ui, action);
                }
            });
            if !compact {
                ui.horizontal_wrapped(|ui| buttons(ui, action));
            }
            let remaining = (new + learning + review) as f32;
            let total = remaining + self.done as f32;
            let frac = if total > 0.0 {
                self.done as f32 / total
            } else {
                1.0
            };
            ui.add(
                egui::ProgressBar::new(frac)
                    .desired_height(6.0)
                    .desired_width(ui.available_width()),
            );
        });
    }
}

fn empty_ui(ui: &mut egui::Ui, empty: &EmptyState, action: &mut Option<Action>) {
    ui.add_space(32.0);
    ui.heading(if empty.reasons.is_empty() && empty.comes_back.is_none() {
        tr!("study-all-done-for-today")
    } else {
        tr!("study-nothing-more-to-study")
    });
    ui.add_space(8.0);
    for r in &empty.reasons {
        ui.add(egui::Label::new(RichText::new(r).size(18.0)).wrap());
    }
    if let Some(c) = &empty.comes_back {
        ui.add(egui::Label::new(RichText::new(c).size(18.0)).wrap());
    }
    ui.add_space(12.0);
    ui.horizontal_wrapped(|ui| {
        if let Some(n) = empty.more_new
            && ui
                .button(RichText::new(tr!("study-more-new", n = n)).size(18.0))
                .clicked()
        {
            *action = Some(Action::Session(Msg::StudyMoreNew(n)));
        }
        if empty.comes_back.is_some() {
            ui.button(RichText::new(tr!("study-wait")).size(18.0))
                .on_hover_text(tr!("study-stay-here-the-next"))
                .clicked();
        }
        if ui
            .button(RichText::new(tr!("study-end")).size(18.0))
            .clicked()
        {
            *action = Some(Action::Session(Msg::EndSession));
        }
    });
}

/// Checks the answer given to the question on screen and records the verdict. An
/// incomplete Match is not checked.
fn check(item: &mut ShownItem) {
    let Asked::Question(q) = &item.asked else {
        return;
    };
    let d = &item.draft;
    let answer = match &q.form {
        QuestionForm::Typed { .. } | QuestionForm::Cloze { .. } => Answer::Text(d.text.clone()),
        // In study, checking is keeping the order shown.
        QuestionForm::Order { .. } => Answer::Ordering(d.order.clone()),
        _ => match d.answer(q) {
            Some(a) => a,
            None => return,
        },
    };
    let j = ask::judge(&q.form, &answer, item.strictness);
    item.outcome = Some(Outcome {
        correct: Some(j.correct),
        suggested: rating_of(j.suggested),
        note: j.note.as_ref().map(crate::i18n::message),
        overridden: false,
    });
    item.judged = Some(j);
}

/// The outcome of a Locate answer (right or not; no typed-answer note).
fn located(right: bool) -> Outcome {
    Outcome {
        correct: Some(right),
        suggested: if right { Rating::Good } else { Rating::Again },
        note: None,
        overridden: false,
    }
}

fn item_ui(ui: &mut egui::Ui, item: &mut ShownItem) {
    if let (Asked::Locate(l), Some(state)) = (&item.asked, &mut item.locate) {
        // The picture is the map itself, drawn by the Locate widget.
        prompt_ui(ui, &l.prompt);
        let answered =
            super::locate::locate_ui(ui, item.picture.as_mut(), &l.answer, &l.others, state);
        if let Some(right) = answered
            && item.outcome.is_none()
        {
            item.outcome = Some(located(right));
        }
        if let Some(said) = super::locate::pointed_at(state) {
            ui.label(RichText::new(said).size(18.0));
        }
        return;
    }
    if let Some(p) = &mut item.picture {
        picture_ui(ui, p);
    }
    let reply = match &item.asked {
        Asked::Reveal(r) => {
            reveal_ui(ui, r, item.outcome.is_some());
            return;
        }
        Asked::Question(q) => {
            let (draft, judged) = (&mut item.draft, item.judged.as_ref());
            question_ui(ui, &item.key, q, draft, judged, Use::Study)
        }
        Asked::Locate(_) => return,
    };
    let typed = matches!(
        &item.asked,
        Asked::Question(q) if matches!(q.form, QuestionForm::Typed { .. } | QuestionForm::Cloze { .. })
    );
    if item.outcome.is_none() && (reply.picked || (typed && reply.enter)) {
        check(item);
    }
}

/// The question of an item as asked, and its right answer, in words (summaries).
pub fn item_texts(deck: &Deck, card: &Card, part: u32) -> (String, String) {
    // The shuffles do not change the words.
    let mut rng: rand::rngs::StdRng = rand::SeedableRng::seed_from_u64(0);
    match ask::ask_item(deck, card, part, &mut rng) {
        Asked::Reveal(r) => (r.prompt, r.answer),
        Asked::Question(q) => {
            let answer = super::question::right_answer_text(&q);
            (q.prompt, answer)
        }
        Asked::Locate(l) => (l.prompt, l.answer.name),
    }
}

/// The right answer, the note and the source, under the card once answered.
fn details_ui(ui: &mut egui::Ui, item: &ShownItem) {
    let Some(outcome) = &item.outcome else {
        return;
    };
    ui.add_space(8.0);
    let shown = match &item.asked {
        Asked::Question(q)
            if matches!(
                q.form,
                QuestionForm::MultipleChoice { .. }
                    | QuestionForm::Typed { .. }
                    | QuestionForm::Cloze { .. }
            ) =>
        {
            q.right_answer.as_str()
        }
        Asked::Locate(l) => l.answer.name.as_str(),
        _ => "",
    };
    // Also after "I was right", so the student sees what was expected.
    if (outcome.correct == Some(false) || outcome.overridden) && !shown.is_empty() {
        ui.add(
            egui::Label::new(RichText::new(tr!("study-the-answer", answer = shown)).size(18.0))
                .wrap(),
        );
    }
    if let Some(n) = &outcome.note {
        ui.add(egui::Label::new(n.as_str()).wrap());
    }
    if !item.card.note.is_empty() {
        ui.add_space(6.0);
        ui.add(egui::Label::new(RichText::new(&item.card.note).italics()).wrap());
    }
    if let Some(s) = &item.source {
        ui.add(egui::Label::new(RichText::new(tr!("study-source", source = s)).weak()).wrap());
    }
}

/// The bar under the card: the button that answers (Show answer, Check…), then the verdict
/// and the four rating buttons. Always in view, whatever the text size.
fn actions_ui(ui: &mut egui::Ui, item: &mut ShownItem, keys_enabled: bool) -> Option<Action> {
    let Some(outcome) = item.outcome.clone() else {
        let big = |t: String| egui::Button::new(RichText::new(t).size(18.0));
        let form = match &item.asked {
            Asked::Question(q) => &q.form,
            Asked::Locate(l) => {
                let Some(state) = &mut item.locate else {
                    return None;
                };
                ui.label(super::locate::hint(state));
                // In its place from the start (greyed until the first arrow), so that the
                // bar, and the map sized to the room above it, keep their size.
                if ui
                    .add_enabled(state.marker.is_some(), big(tr!("study-check-marker")))
                    .clicked()
                    && let Some(right) = state.confirm_marker(&l.answer, &l.others)
                {
                    item.outcome = Some(located(right));
                }
                return None;
            }
            Asked::Reveal(_) => {
                let reveal = ui.add(big(tr!("study-show-answer"))).clicked()
                    || ui.input_mut(|i| {
                        i.consume_key(Modifiers::NONE, Key::Space)
                            || i.consume_key(Modifiers::NONE, Key::Enter)
                    });
                if reveal {
                    item.outcome = Some(Outcome {
                        correct: None,
                        suggested: Rating::Good,
                        note: None,
                        overridden: false,
                    });
                }
                return None;
            }
        };
        // What answers each form: a pick at once, or a check of the whole answer.
        let check_button = match form {
            QuestionForm::MultipleChoice { options, .. } => {
                ui.label(tr!("study-pick-an-answer", last = options.len().min(9)));
                None
            }
            QuestionForm::TrueFalse { .. } => {
                ui.label(tr!("study-true-or-false-keys"));
                None
            }
            QuestionForm::Typed { .. } | QuestionForm::Cloze { .. } => {
                Some((tr!("study-check-answer"), true, false))
            }
            QuestionForm::Order { .. } => Some((tr!("study-check-order"), true, true)),
            QuestionForm::Match { .. } => {
                let all = item.draft.matching.iter().all(Option::is_some);
                Some((tr!("study-check-pairs"), all, all))
            }
        };
        // (label, enabled, Enter here checks: the answer field handles its own Enter)
        if let Some((label, enabled, enter)) = check_button
            && (ui.add_enabled(enabled, big(label)).clicked()
                || (enter && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))))
        {
            check(item);
        }
        return None;
    };
    let compact = super::question::compact(ui);
    let big = if compact { 19.0 } else { 22.0 };
    let hint = if compact {
        tr!("study-keys-space", rating = rating_name(outcome.suggested))
    } else {
        tr!("study-how-well", rating = rating_name(outcome.suggested))
    };
    // The verdict and the hint share a row, so that the question keeps the room.
    ui.horizontal_wrapped(|ui| {
        if let Some(correct) = outcome.correct {
            let (text, color) = if correct {
                (
                    if outcome.overridden {
                        tr!("study-counted-as-right")
                    } else {
                        tr!("study-right")
                    },
                    right_color(ui),
                )
            } else {
                (tr!("study-not-quite"), wrong_color(ui))
            };
            ui.label(RichText::new(mark(correct)).size(big).strong().color(color));
            ui.label(RichText::new(text).size(big).strong().color(color));
            if !correct
                && ui
                    .button(tr!("study-i-was-right"))
                    .on_hover_text(tr!("study-count-this-answer-as"))
                    .clicked()
            {
                item.outcome = Some(Outcome {
                    correct: Some(true),
                    suggested: Rating::Good,
                    note: outcome.note.clone(),
                    overridden: true,
                });
            }
            ui.add_space(8.0);
        }
        ui.label(hint);
    });
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        for (i, r) in Rating::ALL.into_iter().enumerate() {
            // One line each on a short window, two (name over interval) otherwise.
            let (text, size, min) = if compact {
                let t = format!("{} {} · {}", i + 1, rating_name(r), item.labels[i]);
                (t, 16.0, egui::vec2(0.0, 30.0))
            } else {
                let t = format!("{} {}\n{}", i + 1, rating_name(r), item.labels[i]);
                (t, 18.0, egui::vec2(100.0, 44.0))
            };
            let b = egui::Button::new(RichText::new(text).size(size))
                .selected(r == outcome.suggested)
                .min_size(min);
            let resp = ui.add(b);
            if super::labelled(resp, &format!("{} {}", i + 1, rating_name(r))).clicked() {
                chosen = Some(r);
            }
        }
    });
    if keys_enabled {
        if let Some(n) = number_key(ui, 4) {
            chosen = Some(Rating::ALL[n]);
        }
        if ui.input_mut(|i| {
            i.consume_key(Modifiers::NONE, Key::Space) || i.consume_key(Modifiers::NONE, Key::Enter)
        }) {
            chosen = Some(outcome.suggested);
        }
    }
    chosen.map(|rating| {
        Action::Session(Msg::Answer {
            key: item.key.clone(),
            rating,
            duration_ms: answer_duration_ms(item.shown_at, item.now),
            correct: outcome.correct,
        })
    })
}

/// Milliseconds from `shown` to `now` on the app's clock: 0 when the clock went back,
/// at most `u32::MAX`.
fn answer_duration_ms(
    shown: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
) -> u32 {
    (now - shown)
        .num_milliseconds()
        .clamp(0, i64::from(u32::MAX)) as u32
}

/// The name of a rating as the buttons show it.
pub fn rating_name(r: Rating) -> String {
    match r {
        Rating::Again => tr!("study-again"),
        Rating::Hard => tr!("study-hard"),
        Rating::Good => tr!("study-good"),
        Rating::Easy => tr!("study-easy"),
    }
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
mod start;
pub(super) use start::{Starting, start, study_items, study_now};

use super::{OpenProfile, QuizApp, Screen};
use crate::ids::DeckId;
use crate::library as lib;
use crate::schedule::day;
use crate::session::Session;
use chrono::{DateTime, FixedOffset, Utc};
use std::path::Path;

/// What the study screen asks of the app (each goes through the session and the store).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Record an answer.
    Answer {
        /// The item answered.
        key: ItemKey,
        /// The rating chosen.
        rating: Rating,
        /// Time taken, in milliseconds.
        duration_ms: u32,
        /// Verdict of an interactive card.
        correct: Option<bool>,
    },
    /// Undo the last answer.
    Undo,
    /// End the session and show the summary.
    EndSession,
    /// Allow this many more new items today in the session's decks held back by a limit,
    /// and go on studying.
    StudyMoreNew(u32),
}

/// Applies a study message: answers, undo and more new items go through the session.
pub(super) fn update(app: &mut QuizApp, msg: Msg) {
    let now = app.now();
    match msg {
        Msg::Answer {
            key,
            rating,
            duration_ms,
            correct,
        } => {
            let (Some(open), Some(session)) = (&mut app.open, &mut app.session) else {
                return;
            };
            match session.answer(
                &mut open.store,
                &key,
                rating,
                duration_ms,
                correct,
                now,
                app.offset,
            ) {
                Ok(_) => app.show_next(),
                Err(e) => {
                    // Read-only: retrying can never work here, so say what can.
                    let next = if open.store.read_only() {
                        tr!("app-read-only-not-saved")
                    } else {
                        tr!("app-nothing-was-lost-choose")
                    };
                    if let Screen::Study(s) = &mut app.screen {
                        s.error = Some(format!("{e}. {next}."));
                    }
                }
            }
        }
        Msg::StudyMoreNew(n) => {
            let (Some(open), Some(session)) = (&mut app.open, &mut app.session) else {
                return;
            };
            let cutoff = open.settings.schedule.day_cutoff_hour;
            let today = day::day_index(now, app.offset, cutoff);
            let mut settings = open.settings.clone();
            settings.schedule = session.more_new_settings(&settings.schedule, n, today);
            if let Err(e) = open.store.save_settings(&settings) {
                app.banner.push(tr!(
                    "msg-extra-new-session-only",
                    error = crate::i18n::message(&e.message())
                ));
            }
            if let Err(e) = session.apply_settings(&open.store, &settings.schedule, now, app.offset)
            {
                app.banner.push(tr!(
                    "msg-could-not-study-more",
                    error = crate::i18n::message(&e.message())
                ));
            }
            open.settings = settings;
            app.show_next();
        }
        Msg::Undo => {
            let (Some(open), Some(session)) = (&mut app.open, &mut app.session) else {
                return;
            };
            match session.undo(&mut open.store, now) {
                Ok(_) => app.show_next(),
                Err(e) => {
                    if let Screen::Study(s) = &mut app.screen {
                        s.error = Some(tr!(
                            "msg-could-not-undo-e",
                            error = crate::i18n::message(&e.message())
                        ));
                    }
                }
            }
        }
        Msg::EndSession => {
            if app.open.is_none() {
                return;
            }
            // A session still being prepared is not wanted any more.
            app.session_job = None;
            let Some(session) = app.session.take() else {
                return app.show_library();
            };
            super::summary::open(app, &session);
        }
    }
}

impl QuizApp {
    /// Shows the study screen on a started session (or says why it could not start).
    pub(super) fn begin_session(&mut self, started: crate::session::Result<Session>) {
        match started {
            Ok(s) => {
                self.session = Some(s);
                self.screen = Screen::Study(Box::default());
                self.show_next();
            }
            Err(e) => self.banner.push(tr!(
                "msg-could-not-start-studying",
                error = crate::i18n::message(&e.message())
            )),
        }
    }

    pub(super) fn show_next(&mut self) {
        let now = self.now();
        let (Some(open), Some(session), Screen::Study(screen)) =
            (&self.open, &mut self.session, &mut self.screen)
        else {
            return;
        };
        session.refresh_if_new_day(&open.store, now, self.offset);
        screen.counts = session.counts();
        screen.done = session.answered_count();
        screen.can_undo = session.can_undo();
        screen.error = None;
        screen.empty = EmptyState::default();
        screen.item = None;
        let Some(q) = session.next(now) else {
            screen.empty = empty_state(session, open, now, self.offset);
            return;
        };
        let Some(ld) = open.library.get(&q.key.deck) else {
            return;
        };
        let Some(card) = ld.deck.card(&q.key.card).cloned() else {
            return;
        };
        let preview = session.preview(&q.key, &open.store, now, self.offset);
        let labels = preview
            .choices
            .clone()
            .map(|c| crate::i18n::interval(&c.interval));
        // The picture is read and decoded in the background (a placeholder meanwhile).
        self.picture_job = None;
        let picture = card.image.as_deref().map(|rel| {
            let (dir, rel) = (lib::deck_dir(ld).map(Path::to_path_buf), rel.to_owned());
            // Worded here: the job's thread does not know the profile's language.
            let missing = tr!("msg-picture-bundled", picture = rel.as_str());
            self.picture_job = Some((
                q.key.clone(),
                super::jobs::Job::spawn("quizdeck-picture", move || {
                    super::picture::read(dir.as_deref(), &rel, missing)
                }),
            ));
            PictureView::Loading
        });
        screen.item = Some(ShownItem::ask(
            &ld.deck,
            card,
            q.key,
            labels,
            open.settings.strictness,
            now,
            picture,
            &mut self.rng,
        ));
    }
}

/// The title of deck `id` (its id when the deck is gone).
pub(super) fn deck_title(open: &OpenProfile, id: &DeckId) -> String {
    open.library
        .get(id)
        .map_or_else(|| id.to_string(), |d| d.deck.title.clone())
}

/// Why a session shows nothing now, in words, with what the student can do.
fn empty_state(
    session: &Session,
    open: &OpenProfile,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> EmptyState {
    let blocked = session.blocked();
    let title = |id: &DeckId| deck_title(open, id);
    let mut reasons = Vec::new();
    for d in &blocked.decks {
        if d.held_new > 0 {
            reasons.push(tr!(
                "app-deck-new-limit",
                deck = title(&d.deck),
                limit = d.limits.new_per_day,
                waiting = d.held_new
            ));
        }
        if d.held_reviews > 0 {
            reasons.push(tr!(
                "app-deck-review-limit",
                deck = title(&d.deck),
                limit = d.limits.reviews_per_day,
                due = d.held_reviews
            ));
        }
    }
    if let Some(cap) = blocked.new_cap {
        reasons.push(tr!("app-new-cap", cap = cap));
    }
    if let Some(cap) = blocked.review_cap {
        reasons.push(tr!("app-review-cap", cap = cap));
    }
    let comes_back = blocked.next_learning.map(|due| {
        let (mins, time) = comes_back_in(due, now, offset);
        tr!(
            "app-comes-back",
            n = blocked.learning,
            mins = mins,
            time = time
        )
    });
    let more_new = (blocked.held_new() > 0 || blocked.new_cap.is_some()).then_some(10);
    EmptyState {
        reasons,
        more_new,
        comes_back,
    }
}

/// When an item due at `due` comes back, as the study screen and the summary say it: in
/// whole minutes from `now`, rounded up and at least one, and the clock time then in
/// `offset`. An item due already comes back at once: in one minute from now, not at the
/// time it fell due (a learning item left overnight said "in 1 min (at 18:47)" at 20:17).
pub(super) fn comes_back_in(
    due: chrono::DateTime<chrono::Utc>,
    now: chrono::DateTime<chrono::Utc>,
    offset: chrono::FixedOffset,
) -> (i64, String) {
    let mins = (((due - now).num_seconds().max(0) + 59) / 60).max(1);
    let at = due.max(now + chrono::Duration::minutes(1));
    (mins, at.with_timezone(&offset).format("%H:%M").to_string())
}
