//! The study screen: one item at a time, asked according to its kind, then the verdict,
//! the note and source, and the four rating buttons with their next intervals.

use super::Action;
use super::theme::{right_color, wrong_color};
use crate::answer::{self, DiffOp, Strictness, SuggestedRating, Verdict};
use crate::deck::{Card, CardKind};
use crate::ids::ItemKey;
use crate::schedule::{Counts, Rating};
use egui::{Key, Modifiers, RichText};
use rand::SeedableRng;
use rand::seq::SliceRandom;
use std::hash::{Hash, Hasher};

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

fn seeded_rng(key: &ItemKey) -> rand::rngs::StdRng {
    let mut h = std::collections::hash_map::DefaultHasher::new();
    key.hash(&mut h);
    rand::rngs::StdRng::seed_from_u64(h.finish())
}

impl Interaction {
    /// The starting state for a card, shuffled deterministically from the item key.
    pub fn for_card(card: &Card, key: &ItemKey) -> Interaction {
        let mut rng = seeded_rng(key);
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
                opts.shuffle(&mut rng);
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
                while current.len() > 1 && current == *items {
                    current.shuffle(&mut rng);
                }
                Interaction::Order {
                    current,
                    selected: 0,
                }
            }
            CardKind::Match { pairs, .. } => {
                let mut rights: Vec<String> = pairs.iter().map(|p| p.1.clone()).collect();
                rights.shuffle(&mut rng);
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
    /// Learning items come back at this local time ("10:42"), when only they remain.
    pub waiting_until: Option<String>,
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
        self.header_ui(ui, &mut action);
        ui.separator();
        if let Some(e) = &self.error {
            ui.colored_label(wrong_color(ui), e);
        }
        match &mut self.item {
            None => {
                ui.add_space(40.0);
                ui.vertical_centered(|ui| {
                    match &self.waiting_until {
                        Some(t) => ui.heading(format!(
                            "Nothing more right now. Cards you are learning come back at {t}."
                        )),
                        None => ui.heading("All done for now."),
                    };
                    if ui.button("Finish session").clicked() {
                        action = Some(Action::EndSession);
                    }
                });
            }
            Some(item) => {
                egui::ScrollArea::vertical().show(ui, |ui| {
                    if let Some(a) = item_ui(ui, item) {
                        action = Some(a);
                    }
                });
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
        ui.horizontal(|ui| {
            if ui.button("End session (Esc)").clicked() {
                *action = Some(Action::EndSession);
            }
            if ui
                .add_enabled(self.can_undo, egui::Button::new("Undo (Ctrl+Z)"))
                .clicked()
            {
                *action = Some(Action::Undo);
            }
            ui.label(format!(
                "New {new} · Learning {learning} · Review {review} · Done {}",
                self.done
            ));
        });
        let remaining = (new + learning + review) as f32;
        let total = remaining + self.done as f32;
        let frac = if total > 0.0 {
            self.done as f32 / total
        } else {
            1.0
        };
        ui.add(egui::ProgressBar::new(frac).show_percentage());
    }
}

fn question(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).size(QUESTION_SIZE).strong()).wrap());
    ui.add_space(12.0);
}

/// Keys 1..=9 pressed this frame, as a 0-based index.
fn number_key(ui: &mut egui::Ui) -> Option<usize> {
    const KEYS: [Key; 9] = [
        Key::Num1,
        Key::Num2,
        Key::Num3,
        Key::Num4,
        Key::Num5,
        Key::Num6,
        Key::Num7,
        Key::Num8,
        Key::Num9,
    ];
    KEYS.iter()
        .position(|k| ui.input_mut(|i| i.consume_key(Modifiers::NONE, *k)))
}

fn item_ui(ui: &mut egui::Ui, item: &mut ShownItem) -> Option<Action> {
    ui.label(RichText::new(&item.deck_title).weak());
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
            if !answered && let Some(n) = number_key(ui).filter(|n| *n < options.len()) {
                *picked = Some(n);
                item.outcome = Some(judged(right[n]));
            }
            let mut clicked = None;
            for (i, opt) in options.iter().enumerate() {
                let mut text = RichText::new(format!("{}. {opt}", i + 1)).size(18.0);
                if item.outcome.is_some() {
                    if right[i] {
                        text = text.color(right_color(ui));
                    } else if *picked == Some(i) {
                        text = text.color(wrong_color(ui)).strikethrough();
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
                let enabled = item.outcome.is_none();
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::new(RichText::new("True (T)").size(18.0)),
                    )
                    .clicked()
                {
                    choice = Some(true);
                }
                if ui
                    .add_enabled(
                        enabled,
                        egui::Button::new(RichText::new("False (F)").size(18.0)),
                    )
                    .clicked()
                {
                    choice = Some(false);
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
        (
            CardKind::TypeIn {
                question: q,
                answers,
            },
            Interaction::Typed { text, verdict },
        ) => {
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
                let submit = (resp.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter)))
                    | ui.button("Check answer").clicked();
                if submit {
                    let v = answer::check_answer(text, answers, item.strictness);
                    item.outcome = Some(Outcome {
                        correct: Some(v.correct),
                        suggested: rating_of(answer::suggested_rating(&v)),
                        note: v.note.clone(),
                        overridden: false,
                    });
                    *verdict = Some(v);
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
                let n = current.len();
                if ui.input_mut(|i| i.consume_key(Modifiers::ALT, Key::ArrowUp)) && *selected > 0 {
                    current.swap(*selected, *selected - 1);
                    *selected -= 1;
                } else if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp)) {
                    *selected = selected.saturating_sub(1);
                }
                if ui.input_mut(|i| i.consume_key(Modifiers::ALT, Key::ArrowDown))
                    && *selected + 1 < n
                {
                    current.swap(*selected, *selected + 1);
                    *selected += 1;
                } else if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown)) {
                    *selected = (*selected + 1).min(n.saturating_sub(1));
                }
            }
            let mut swap = None;
            for (i, it) in current.iter().enumerate() {
                ui.horizontal(|ui| {
                    let mut text = RichText::new(format!("{}. {it}", i + 1)).size(18.0);
                    if answered {
                        let ok = items.get(i) == Some(it);
                        text = text.color(if ok { right_color(ui) } else { wrong_color(ui) });
                    }
                    if ui.selectable_label(*selected == i, text).clicked() {
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
            if !answered {
                let check = ui.button("Check order").clicked()
                    || ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
                if check {
                    item.outcome = Some(judged(current == items));
                }
            } else if current != items {
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
            if !answered {
                ui.label("Click an item on the left, then its partner on the right.");
            }
            let mut pick_left = None;
            let mut pick_right = None;
            ui.columns(2, |cols| {
                for (i, (left, _)) in pairs.iter().enumerate() {
                    let label = match paired[i] {
                        Some(r) => format!("{left} = {}", rights[r]),
                        None => left.clone(),
                    };
                    let mut text = RichText::new(label).size(18.0);
                    if answered {
                        let ok = paired[i].map(|r| &rights[r]) == Some(&pairs[i].1);
                        text = text.color(if ok {
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
                    let b = egui::Button::new(RichText::new(right).size(18.0)).selected(used);
                    if cols[1].add_enabled(!answered, b).clicked() {
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
            if !answered {
                let all = paired.iter().all(Option::is_some);
                if ui
                    .add_enabled(all, egui::Button::new("Check pairs"))
                    .clicked()
                {
                    let ok = pairs
                        .iter()
                        .zip(paired.iter())
                        .all(|((_, r), p)| p.map(|j| &rights[j]) == Some(r));
                    item.outcome = Some(judged(ok));
                }
            } else {
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

    match item.outcome.clone() {
        None => {
            if matches!(item.input, Interaction::Reveal) {
                let reveal = ui
                    .button(RichText::new("Show answer (Space)").size(18.0))
                    .clicked()
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
            None
        }
        // Keys only rate from the frame after the answer, so the Enter or Space that
        // answered does not also rate.
        Some(outcome) => after_answer_ui(ui, item, outcome, answered),
    }
}

fn diff_ui(ui: &mut egui::Ui, v: &Verdict) {
    let mut job = egui::text::LayoutJob::default();
    let font = egui::FontId::proportional(18.0);
    let normal = ui.visuals().text_color();
    for span in &v.diff {
        let (text, color, strike) = match span.op {
            DiffOp::Same => (span.expected.as_str(), normal, false),
            DiffOp::Missing => (span.expected.as_str(), right_color(ui), false),
            DiffOp::Extra => (span.typed.as_str(), wrong_color(ui), true),
            DiffOp::Changed => (span.expected.as_str(), right_color(ui), false),
        };
        let mut fmt = egui::TextFormat::simple(font.clone(), color);
        if strike {
            fmt.strikethrough = egui::Stroke::new(1.5, color);
        }
        if matches!(span.op, DiffOp::Missing | DiffOp::Changed) {
            fmt.underline = egui::Stroke::new(1.5, color);
        }
        job.append(text, 0.0, fmt);
    }
    if !job.text.is_empty() {
        ui.horizontal_wrapped(|ui| {
            ui.label("Compared:");
            ui.label(job);
        });
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

fn after_answer_ui(
    ui: &mut egui::Ui,
    item: &mut ShownItem,
    outcome: Outcome,
    keys_enabled: bool,
) -> Option<Action> {
    ui.add_space(8.0);
    if let Some(correct) = outcome.correct {
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
        ui.label(RichText::new(text).size(22.0).strong().color(color));
        let shown = answer_text(&item.card, item.key.part);
        if !correct && !shown.is_empty() {
            ui.label(RichText::new(format!("The answer: {shown}")).size(18.0));
        }
        if let Some(n) = &outcome.note {
            ui.label(n);
        }
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
    }
    if !item.card.note.is_empty() {
        ui.add_space(6.0);
        ui.label(RichText::new(&item.card.note).italics());
    }
    if let Some(s) = &item.source {
        ui.label(RichText::new(format!("Source: {s}")).weak());
    }
    ui.add_space(10.0);
    ui.label(format!(
        "How well did you know it? Keys 1–4; Space = {}.",
        rating_name(outcome.suggested)
    ));
    let mut chosen = None;
    ui.horizontal(|ui| {
        for (i, r) in Rating::ALL.into_iter().enumerate() {
            let text = format!("{} {}\n{}", i + 1, rating_name(r), item.labels[i]);
            let b = egui::Button::new(RichText::new(text).size(18.0))
                .selected(r == outcome.suggested)
                .min_size(egui::vec2(110.0, 50.0));
            if ui.add(b).clicked() {
                chosen = Some(r);
            }
        }
    });
    if keys_enabled {
        if let Some(n) = number_key(ui).filter(|n| *n < 4) {
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
