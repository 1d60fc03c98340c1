//! The study screen: one item at a time, asked according to its kind, then the verdict,
//! the note and source, and the four rating buttons with their next intervals.

use super::Action;
use super::question::{letter, letter_key, number_key, order_keys};
use super::theme::{right_color, wrong_color};
use crate::answer::{self, DiffOp, Strictness, SuggestedRating, Verdict};
use crate::deck::{Card, CardKind};
use crate::ids::ItemKey;
use crate::schedule::{Counts, Rating};
use egui::{Key, Modifiers, RichText};
use rand::seq::SliceRandom;

/// Text size of questions, before the profile's font scale.
const QUESTION_SIZE: f32 = 24.0;

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
    /// What the student is doing.
    pub input: Interaction,
    /// Set once the student has answered (or revealed).
    pub outcome: Option<Outcome>,
    /// The card's picture, decoded by the app when the item was chosen.
    pub picture: Option<PictureView>,
}

/// A card picture ready to show, or why it cannot be.
pub enum PictureView {
    /// Decoded pixels; uploaded to the GPU on first draw.
    Ready(egui::ColorImage, Option<egui::TextureHandle>),
    /// The picture could not be loaded (shown as text instead).
    Failed(String),
}

impl PictureView {
    /// Reads and decodes the picture `rel` of a deck whose folder is `dir` (None: a deck
    /// with no folder, `no_folder` says why it is not shown).
    pub fn load(dir: Option<&std::path::Path>, rel: &str, no_folder: &str) -> PictureView {
        let loaded = match dir {
            Some(dir) => crate::picture::load(dir, rel).map_err(|e| e.to_string()),
            None => Err(format!("the picture {rel} {no_folder}")),
        };
        match loaded {
            Ok(p) => PictureView::Ready(
                egui::ColorImage::from_rgba_unmultiplied(
                    [p.width as usize, p.height as usize],
                    &p.rgba,
                ),
                None,
            ),
            Err(e) => PictureView::Failed(e),
        }
    }
}

impl std::fmt::Debug for PictureView {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PictureView::Ready(image, texture) => write!(
                f,
                "Ready({}x{}, uploaded: {})",
                image.size[0],
                image.size[1],
                texture.is_some()
            ),
            PictureView::Failed(why) => write!(f, "Failed({why})"),
        }
    }
}

fn picture_ui(ui: &mut egui::Ui, view: &mut PictureView) {
    match view {
        PictureView::Ready(image, texture) => {
            let tex = texture.get_or_insert_with(|| {
                ui.ctx()
                    .load_texture("card-picture", image.clone(), egui::TextureOptions::LINEAR)
            });
            let max = egui::vec2(ui.available_width().min(640.0), 360.0);
            ui.add(
                egui::Image::new(&*tex)
                    .max_size(max)
                    .alt_text("Card picture"),
            );
        }
        PictureView::Failed(why) => {
            ui.colored_label(wrong_color(ui), why.as_str());
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

/// Kind-specific state of the question.
#[derive(Debug, Clone)]
pub enum Interaction {
    /// Basic and Cloze: show, then reveal.
    Reveal,
    /// Multiple choice: options in shown order, which are right, which was picked.
    Choice {
        /// The options, shuffled.
        options: Vec<String>,
        /// Whether each option is right.
        right: Vec<bool>,
        /// The option picked.
        picked: Option<usize>,
    },
    /// True or false: what was picked.
    TrueFalse {
        /// The student's choice.
        picked: Option<bool>,
    },
    /// Typed answer.
    Typed {
        /// What the student typed.
        text: String,
        /// The checker's verdict once submitted.
        verdict: Option<Verdict>,
    },
    /// Put items in order.
    Order {
        /// The items in the student's current order.
        current: Vec<String>,
        /// The selected item (moved with the arrow keys).
        selected: usize,
    },
    /// Match left with right.
    Match {
        /// Right-hand options, shuffled.
        rights: Vec<String>,
        /// The left item chosen, waiting for its partner.
        chosen_left: Option<usize>,
        /// For each left item, the right option paired with it.
        paired: Vec<Option<usize>>,
    },
}

/// Shuffles `v` so that it is not left in its given (solved) order, unless every element
/// is the same (then no order differs).
pub fn shuffle_unsolved<T: PartialEq + Clone>(v: &mut [T], rng: &mut impl rand::Rng) {
    let solved = v.to_vec();
    if solved.windows(2).all(|w| w[0] == w[1]) {
        return;
    }
    // Each try leaves the solved order with probability at least 1/2.
    while *v == solved[..] {
        v.shuffle(rng);
    }
}

impl Interaction {
    /// The starting state for a card: options and items shuffled afresh with `rng` at every
    /// showing (true/false stays True, False; Match and Order never start solved).
    pub fn for_card(card: &Card, rng: &mut impl rand::Rng) -> Interaction {
        match &card.kind {
            CardKind::Basic { .. } | CardKind::Cloze(_) => Interaction::Reveal,
            CardKind::MultipleChoice {
                answer,
                distractors,
                also_correct,
                ..
            } => {
                let mut opts: Vec<(String, bool)> = std::iter::once((answer.clone(), true))
                    .chain(also_correct.iter().map(|a| (a.clone(), true)))
                    .chain(distractors.iter().map(|d| (d.clone(), false)))
                    .collect();
                opts.shuffle(rng);
                Interaction::Choice {
                    options: opts.iter().map(|o| o.0.clone()).collect(),
                    right: opts.iter().map(|o| o.1).collect(),
                    picked: None,
                }
            }
            CardKind::TrueFalse { .. } => Interaction::TrueFalse { picked: None },
            CardKind::TypeIn { .. } => Interaction::Typed {
                text: String::new(),
                verdict: None,
            },
            CardKind::Order { items, .. } => {
                let mut current = items.clone();
                shuffle_unsolved(&mut current, rng);
                Interaction::Order {
                    current,
                    selected: 0,
                }
            }
            CardKind::Match { pairs, .. } => {
                let mut rights: Vec<String> = pairs.iter().map(|p| p.1.clone()).collect();
                shuffle_unsolved(&mut rights, rng);
                Interaction::Match {
                    rights,
                    chosen_left: None,
                    paired: vec![None; pairs.len()],
                }
            }
        }
    }
}

fn rating_of(s: SuggestedRating) -> Rating {
    match s {
        SuggestedRating::Again => Rating::Again,
        SuggestedRating::Hard => Rating::Hard,
        SuggestedRating::Good => Rating::Good,
    }
}

fn judged(correct: bool) -> Outcome {
    Outcome {
        correct: Some(correct),
        suggested: if correct { Rating::Good } else { Rating::Again },
        note: None,
        overridden: false,
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
}

impl StudyScreen {
    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        if ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Z)) && self.can_undo {
            action = Some(Action::Undo);
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Escape)) {
            action = Some(Action::EndSession);
        }
        egui::Panel::top("study-header")
            .show_separator_line(false)
            .show(ui, |ui| self.header_ui(ui, &mut action));
        match &mut self.item {
            None => {
                egui::ScrollArea::vertical()
                    .id_salt("study-empty")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
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
                egui::CentralPanel::default_margins().show(ui, |ui| {
                    egui::ScrollArea::vertical()
                        .id_salt("study-card")
                        .auto_shrink([false, false])
                        .show(ui, |ui| {
                            column(ui, |ui| {
                                if let Some(e) = &self.error {
                                    ui.colored_label(wrong_color(ui), e);
                                }
                                ui.add_space(16.0);
                                item_ui(ui, item);
                                if item.outcome.is_some() {
                                    details_ui(ui, item);
                                }
                                ui.add_space(16.0);
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
        column(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                let deck = self
                    .item
                    .as_ref()
                    .map_or(self.decks_label.as_str(), |i| i.deck_title.as_str());
                ui.label(RichText::new(deck).weak());
                ui.label(
                    RichText::new(format!(
                        "· New {new} · Learning {learning} · Review {review} · Done {}",
                        self.done
                    ))
                    .weak(),
                );
            });
            ui.horizontal_wrapped(|ui| {
                if ui.small_button("End session (Esc)").clicked() {
                    *action = Some(Action::EndSession);
                }
                if ui
                    .add_enabled(self.can_undo, egui::Button::new("Undo (Ctrl+Z)").small())
                    .clicked()
                {
                    *action = Some(Action::Undo);
                }
            });
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
        "All done for today. Well done!"
    } else {
        "Nothing more to study right now."
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
                .button(RichText::new(format!("Study {n} more new today")).size(18.0))
                .clicked()
        {
            *action = Some(Action::StudyMoreNew(n));
        }
        if empty.comes_back.is_some() {
            ui.button(RichText::new("Wait").size(18.0))
                .on_hover_text("Stay here: the next item shows when it is due")
                .clicked();
        }
        if ui.button(RichText::new("End").size(18.0)).clicked() {
            *action = Some(Action::EndSession);
        }
    });
}

fn question(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).size(QUESTION_SIZE).strong()).wrap());
    ui.add_space(12.0);
}

/// A mark beside the colours, so right and wrong do not rest on colour alone.
pub fn mark(right: bool) -> &'static str {
    if right { "✓" } else { "✗" }
}

/// Checks a typed answer and records the verdict.
fn submit_typed(item: &mut ShownItem) {
    if let (CardKind::TypeIn { answers, .. }, Interaction::Typed { text, verdict }) =
        (&item.card.kind, &mut item.input)
    {
        let v = answer::check_answer(text, answers, item.strictness);
        item.outcome = Some(Outcome {
            correct: Some(v.correct),
            suggested: rating_of(answer::suggested_rating(&v)),
            note: v.note.clone(),
            overridden: false,
        });
        *verdict = Some(v);
    }
}

/// Checks an Order or Match answer and records the verdict.
fn check_arrangement(item: &mut ShownItem) {
    let ok = match (&item.card.kind, &item.input) {
        (CardKind::Order { items, .. }, Interaction::Order { current, .. }) => current == items,
        (CardKind::Match { pairs, .. }, Interaction::Match { rights, paired, .. }) => {
            if paired.iter().any(Option::is_none) {
                return;
            }
            pairs
                .iter()
                .zip(paired.iter())
                .all(|((_, r), p)| p.map(|j| &rights[j]) == Some(r))
        }
        _ => return,
    };
    item.outcome = Some(judged(ok));
}

fn item_ui(ui: &mut egui::Ui, item: &mut ShownItem) {
    if let Some(p) = &mut item.picture {
        picture_ui(ui, p);
    }
    let part = item.key.part;
    let answered = item.outcome.is_some();
    match (&item.card.kind, &mut item.input) {
        (CardKind::Basic { front, back, .. }, Interaction::Reveal) => {
            let (q, a) = if part == 1 {
                (back, front)
            } else {
                (front, back)
            };
            question(ui, q);
            if answered {
                ui.separator();
                ui.label(RichText::new(a).size(QUESTION_SIZE));
            }
        }
        (CardKind::Cloze(c), Interaction::Reveal) => {
            if answered {
                question(ui, &c.full_text());
                ui.label(format!("Answer: {}", c.answers(part).join(" / ")));
            } else {
                question(ui, &c.question(part));
            }
        }
        (
            CardKind::MultipleChoice { question: q, .. },
            Interaction::Choice {
                options,
                right,
                picked,
            },
        ) => {
            question(ui, q);
            if !answered && let Some(n) = number_key(ui, options.len()) {
                *picked = Some(n);
                item.outcome = Some(judged(right[n]));
            }
            let mut clicked = None;
            for (i, opt) in options.iter().enumerate() {
                let mut label = format!("{}. {opt}", i + 1);
                let mut text = RichText::new(&label).size(18.0);
                if item.outcome.is_some() {
                    if right[i] {
                        label = format!("{} {label}", mark(true));
                        text = RichText::new(&label).size(18.0).color(right_color(ui));
                    } else if *picked == Some(i) {
                        label = format!("{} {label}", mark(false));
                        text = RichText::new(&label)
                            .size(18.0)
                            .color(wrong_color(ui))
                            .strikethrough();
                    }
                }
                let b = egui::Button::new(text).selected(*picked == Some(i));
                // Stays fully visible after the answer (no faded colours); clicks then do nothing.
                if ui.add(b).clicked() && item.outcome.is_none() {
                    clicked = Some(i);
                }
            }
            if let Some(i) = clicked {
                *picked = Some(i);
                item.outcome = Some(judged(right[i]));
            }
        }
        (
            CardKind::TrueFalse {
                statement,
                truth,
                correction,
            },
            Interaction::TrueFalse { picked },
        ) => {
            question(ui, statement);
            let mut choice = None;
            if !answered {
                if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::T)) {
                    choice = Some(true);
                }
                if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F)) {
                    choice = Some(false);
                }
            }
            ui.horizontal(|ui| {
                for (value, name) in [(true, "True (T)"), (false, "False (F)")] {
                    let mut text = RichText::new(name).size(18.0);
                    if answered && (*picked == Some(value) || value == *truth) {
                        let ok = value == *truth;
                        text = RichText::new(format!("{} {name}", mark(ok)))
                            .size(18.0)
                            .color(if ok { right_color(ui) } else { wrong_color(ui) });
                    }
                    // Stays readable after the answer (not greyed out); clicks then do nothing.
                    let b = egui::Button::new(text).selected(*picked == Some(value));
                    if ui.add(b).clicked() && !answered {
                        choice = Some(value);
                    }
                }
            });
            if let Some(c) = choice {
                *picked = Some(c);
                item.outcome = Some(judged(c == *truth));
            }
            if item.outcome.is_some() {
                ui.label(format!(
                    "The statement is {}.",
                    if *truth { "true" } else { "false" }
                ));
                if !truth && !correction.is_empty() {
                    ui.label(RichText::new(correction).size(18.0));
                }
            }
        }
        (CardKind::TypeIn { question: q, .. }, Interaction::Typed { text, verdict }) => {
            question(ui, q);
            if verdict.is_none() {
                let resp = ui.add(
                    egui::TextEdit::singleline(text)
                        .hint_text("Type your answer, then Enter")
                        .font(egui::TextStyle::Heading)
                        .desired_width(f32::INFINITY),
                );
                resp.widget_info(|| {
                    egui::WidgetInfo::text_edit(true, "", "Your answer", "Type your answer")
                });
                if !resp.has_focus() && !resp.lost_focus() {
                    resp.request_focus();
                }
                if resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)) {
                    submit_typed(item);
                }
            } else if let Some(v) = verdict {
                ui.label(RichText::new(format!("You typed: {text}")).size(18.0));
                diff_ui(ui, v);
            }
        }
        (CardKind::Order { prompt, items }, Interaction::Order { current, selected }) => {
            question(ui, prompt);
            if !answered {
                ui.label("Select an item with the Up/Down arrow keys, move it with Alt+Up/Down (or the buttons). Enter checks.");
                order_keys(ui, current, selected);
            }
            let mut swap = None;
            for (i, it) in current.iter().enumerate() {
                ui.horizontal(|ui| {
                    let mut text = RichText::new(format!("{}. {it}", i + 1)).size(18.0);
                    if answered {
                        let ok = items.get(i) == Some(it);
                        text = text.color(if ok { right_color(ui) } else { wrong_color(ui) });
                    }
                    if ui.selectable_label(*selected == i, text).clicked() && !answered {
                        *selected = i;
                    }
                    if !answered {
                        if ui
                            .add_enabled(i > 0, egui::Button::new("Up"))
                            .on_hover_text("Move up")
                            .clicked()
                        {
                            swap = Some((i, i - 1));
                        }
                        if ui
                            .add_enabled(i + 1 < current.len(), egui::Button::new("Down"))
                            .on_hover_text("Move down")
                            .clicked()
                        {
                            swap = Some((i, i + 1));
                        }
                    }
                });
            }
            if let Some((a, b)) = swap {
                current.swap(a, b);
                *selected = b;
            }
            if answered && current != items {
                ui.label("The right order:");
                for (i, it) in items.iter().enumerate() {
                    ui.label(format!("{}. {it}", i + 1));
                }
            }
        }
        (
            CardKind::Match { prompt, pairs },
            Interaction::Match {
                rights,
                chosen_left,
                paired,
            },
        ) => {
            question(ui, prompt);
            let (mut pick_left, mut pick_right) = (None, None);
            if !answered {
                ui.label(
                    "Click an item on the left, then its partner on the right (or keys 1–9, then A–I).",
                );
                pick_left = number_key(ui, pairs.len());
                pick_right = letter_key(ui, rights.len());
            }
            ui.columns(2, |cols| {
                for (i, (left, _)) in pairs.iter().enumerate() {
                    let label = match paired[i] {
                        Some(r) => format!("{}. {left} = {}", i + 1, rights[r]),
                        None => format!("{}. {left}", i + 1),
                    };
                    let mut text = RichText::new(&label).size(18.0);
                    if answered {
                        let ok = paired[i].map(|r| &rights[r]) == Some(&pairs[i].1);
                        text = RichText::new(format!("{} {label}", mark(ok)))
                            .size(18.0)
                            .color(if ok {
                                right_color(&cols[0])
                            } else {
                                wrong_color(&cols[0])
                            });
                    }
                    if cols[0]
                        .selectable_label(*chosen_left == Some(i), text)
                        .clicked()
                        && !answered
                    {
                        pick_left = Some(i);
                    }
                }
                for (j, right) in rights.iter().enumerate() {
                    let used = paired.contains(&Some(j));
                    let b = egui::Button::new(
                        RichText::new(format!("{}. {right}", letter(j))).size(18.0),
                    )
                    .selected(used);
                    if cols[1].add(b).clicked() && !answered {
                        pick_right = Some(j);
                    }
                }
            });
            if let Some(i) = pick_left {
                *chosen_left = Some(i);
            }
            if let (Some(j), Some(i)) = (pick_right, *chosen_left) {
                for p in paired.iter_mut() {
                    if *p == Some(j) {
                        *p = None;
                    }
                }
                paired[i] = Some(j);
                *chosen_left = paired.iter().position(Option::is_none);
            }
            if answered {
                ui.label("The pairs:");
                for (l, r) in pairs {
                    ui.label(format!("{l} = {r}"));
                }
            }
        }
        _ => {
            ui.label("This card cannot be shown.");
        }
    }
}

/// Shows how the typed answer differs from the right one, letter by letter: right letters
/// plain, missing letters underlined in blue, extra letters struck through in orange (the
/// Okabe–Ito colours, told apart also without colour). Not shown when the answer is far off
/// (fewer than half of its letters typed right), where it would only be noise.
fn diff_ui(ui: &mut egui::Ui, v: &Verdict) {
    let same: usize = v
        .diff
        .iter()
        .filter(|s| s.op == DiffOp::Same)
        .map(|s| s.expected.chars().count())
        .sum();
    let expected: usize = v.diff.iter().map(|s| s.expected.chars().count()).sum();
    if v.diff.is_empty() || same * 2 < expected {
        return;
    }
    let dark = ui.visuals().dark_mode;
    let missing = if dark {
        egui::Color32::from_rgb(86, 180, 233)
    } else {
        egui::Color32::from_rgb(0, 114, 178)
    };
    let extra = if dark {
        egui::Color32::from_rgb(240, 180, 60)
    } else {
        egui::Color32::from_rgb(190, 100, 0)
    };
    let font = egui::FontId::proportional(18.0);
    let normal = ui.visuals().text_color();
    let mut job = egui::text::LayoutJob::default();
    let mut push = |text: &str, color, underline: bool, strike: bool| {
        let mut fmt = egui::TextFormat::simple(font.clone(), color);
        if underline {
            fmt.underline = egui::Stroke::new(2.0, color);
        }
        if strike {
            fmt.strikethrough = egui::Stroke::new(2.0, color);
        }
        job.append(text, 0.0, fmt);
    };
    for span in &v.diff {
        match span.op {
            DiffOp::Same => push(&span.expected, normal, false, false),
            DiffOp::Missing => push(&span.expected, missing, true, false),
            DiffOp::Extra => push(&span.typed, extra, false, true),
            DiffOp::Changed => {
                push(&span.typed, extra, false, true);
                push(&span.expected, missing, true, false);
            }
        }
    }
    ui.horizontal_wrapped(|ui| {
        ui.label("Compared:");
        ui.label(job);
    });
    ui.label(
        RichText::new("Underlined: letters you left out · struck through: letters to leave out")
            .weak(),
    );
}

/// The question of an item as asked, and its right answer, in words (summaries).
pub fn item_texts(card: &Card, part: u32) -> (String, String) {
    match &card.kind {
        CardKind::Basic { front, back, .. } => {
            if part == 1 {
                (back.clone(), front.clone())
            } else {
                (front.clone(), back.clone())
            }
        }
        CardKind::Cloze(c) => (c.question(part), c.answers(part).join(" / ")),
        CardKind::TrueFalse {
            statement,
            truth,
            correction,
        } => {
            let verdict = if *truth { "True" } else { "False" };
            let answer = if !truth && !correction.is_empty() {
                format!("{verdict}: {correction}")
            } else {
                verdict.to_owned()
            };
            (statement.clone(), answer)
        }
        CardKind::Order { prompt, items } => (prompt.clone(), items.join(" → ")),
        CardKind::Match { prompt, pairs } => (
            prompt.clone(),
            pairs
                .iter()
                .map(|(l, r)| format!("{l} = {r}"))
                .collect::<Vec<_>>()
                .join("; "),
        ),
        kind => (kind.prompt_text(), answer_text(card, part)),
    }
}

fn answer_text(card: &Card, part: u32) -> String {
    match &card.kind {
        CardKind::TypeIn { answers, .. } => answers.first().cloned().unwrap_or_default(),
        CardKind::MultipleChoice {
            answer,
            also_correct,
            ..
        } => std::iter::once(answer.as_str())
            .chain(also_correct.iter().map(String::as_str))
            .collect::<Vec<_>>()
            .join(" / "),
        CardKind::Cloze(c) => c.answers(part).join(" / "),
        _ => String::new(),
    }
}

/// The right answer, the note and the source, under the card once answered.
fn details_ui(ui: &mut egui::Ui, item: &ShownItem) {
    let Some(outcome) = &item.outcome else {
        return;
    };
    ui.add_space(8.0);
    let shown = answer_text(&item.card, item.key.part);
    // Also after "I was right", so the student sees what was expected.
    if (outcome.correct == Some(false) || outcome.overridden) && !shown.is_empty() {
        ui.add(egui::Label::new(RichText::new(format!("The answer: {shown}")).size(18.0)).wrap());
    }
    if let Some(n) = &outcome.note {
        ui.add(egui::Label::new(n.as_str()).wrap());
    }
    if !item.card.note.is_empty() {
        ui.add_space(6.0);
        ui.add(egui::Label::new(RichText::new(&item.card.note).italics()).wrap());
    }
    if let Some(s) = &item.source {
        ui.add(egui::Label::new(RichText::new(format!("Source: {s}")).weak()).wrap());
    }
}

/// The bar under the card: the button that answers (Show answer, Check…), then the verdict
/// and the four rating buttons. Always in view, whatever the text size.
fn actions_ui(ui: &mut egui::Ui, item: &mut ShownItem, keys_enabled: bool) -> Option<Action> {
    let Some(outcome) = item.outcome.clone() else {
        let big = |t: &str| egui::Button::new(RichText::new(t).size(18.0));
        match &item.input {
            Interaction::Reveal => {
                let reveal = ui.add(big("Show answer (Space)")).clicked()
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
            }
            Interaction::Choice { options, .. } => {
                ui.label(format!("Pick an answer: keys 1–{}.", options.len().min(9)));
            }
            Interaction::TrueFalse { .. } => {
                ui.label("True or false? Keys T and F.");
            }
            Interaction::Typed { .. } => {
                if ui.add(big("Check answer (Enter)")).clicked() {
                    submit_typed(item);
                }
            }
            Interaction::Order { .. } => {
                if ui.add(big("Check order (Enter)")).clicked()
                    || ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter))
                {
                    check_arrangement(item);
                }
            }
            Interaction::Match { paired, .. } => {
                let all = paired.iter().all(Option::is_some);
                if ui.add_enabled(all, big("Check pairs (Enter)")).clicked()
                    || (all && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)))
                {
                    check_arrangement(item);
                }
            }
        }
        return None;
    };
    if let Some(correct) = outcome.correct {
        ui.horizontal_wrapped(|ui| {
            let (text, color) = if correct {
                (
                    if outcome.overridden {
                        "Counted as right"
                    } else {
                        "Right"
                    },
                    right_color(ui),
                )
            } else {
                ("Not quite", wrong_color(ui))
            };
            ui.label(
                RichText::new(mark(correct))
                    .size(22.0)
                    .strong()
                    .color(color),
            );
            ui.label(RichText::new(text).size(22.0).strong().color(color));
            if !correct
                && ui
                    .button("I was right")
                    .on_hover_text("Count this answer as right")
                    .clicked()
            {
                item.outcome = Some(Outcome {
                    correct: Some(true),
                    suggested: Rating::Good,
                    note: outcome.note.clone(),
                    overridden: true,
                });
            }
        });
    }
    ui.label(format!(
        "How well did you know it? Keys 1–4; Space = {}.",
        rating_name(outcome.suggested)
    ));
    let mut chosen = None;
    ui.horizontal_wrapped(|ui| {
        for (i, r) in Rating::ALL.into_iter().enumerate() {
            let text = format!("{} {}\n{}", i + 1, rating_name(r), item.labels[i]);
            let b = egui::Button::new(RichText::new(text).size(18.0))
                .selected(r == outcome.suggested)
                .min_size(egui::vec2(100.0, 44.0));
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
    chosen.map(|rating| Action::Answer {
        key: item.key.clone(),
        rating,
        duration_ms: answer_duration_ms(item.shown_at, item.now),
        correct: outcome.correct,
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
pub fn rating_name(r: Rating) -> &'static str {
    match r {
        Rating::Again => "Again",
        Rating::Hard => "Hard",
        Rating::Good => "Good",
        Rating::Easy => "Easy",
    }
}
