//! Asking one generated question (practice tests and exams): the student's draft answer
//! and its widget. No verdict is shown here; the caller decides when to score.

use crate::quiz::{Answer, Question, QuestionForm};
use crate::tr;
use egui::{Key, Modifiers, RichText};

/// What the student has entered so far for one question.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Draft {
    /// Typed text (typed and cloze questions).
    pub text: String,
    /// The option picked (multiple choice).
    pub choice: Option<usize>,
    /// True or false picked.
    pub truth: Option<bool>,
    /// Current order, as indices into the shown items.
    pub order: Vec<usize>,
    /// For each left item, the right item chosen.
    pub matching: Vec<Option<usize>>,
    /// The left item waiting for its partner.
    pub match_left: Option<usize>,
    /// The Order item selected (moved with Alt+Up/Down).
    pub order_selected: usize,
    /// The student moved an item or chose to keep the order shown (Order questions: an
    /// untouched order is no answer).
    pub touched: bool,
}

/// Keys 1–9 pressed this frame, as a 0-based index below `n`.
pub fn number_key(ui: &mut egui::Ui, n: usize) -> Option<usize> {
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
        .take(n)
        .position(|k| ui.input_mut(|i| i.consume_key(Modifiers::NONE, *k)))
}

/// Keys A–I pressed this frame, as a 0-based index below `n` (the right column of a Match).
pub fn letter_key(ui: &mut egui::Ui, n: usize) -> Option<usize> {
    const KEYS: [Key; 9] = [
        Key::A,
        Key::B,
        Key::C,
        Key::D,
        Key::E,
        Key::F,
        Key::G,
        Key::H,
        Key::I,
    ];
    KEYS.iter()
        .take(n)
        .position(|k| ui.input_mut(|i| i.consume_key(Modifiers::NONE, *k)))
}

/// The letter naming the `j`-th right item of a Match ("A"…).
pub fn letter(j: usize) -> char {
    (b'A' + (j.min(25) as u8)) as char
}

/// Up/Down select an item, Alt+Up/Down move it. Returns true when something changed.
pub fn order_keys(ui: &mut egui::Ui, order: &mut [impl Sized], selected: &mut usize) -> bool {
    let n = order.len();
    if n == 0 {
        return false;
    }
    *selected = (*selected).min(n - 1);
    let before = *selected;
    if ui.input_mut(|i| i.consume_key(Modifiers::ALT, Key::ArrowUp)) && *selected > 0 {
        order.swap(*selected, *selected - 1);
        *selected -= 1;
        return true;
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::ALT, Key::ArrowDown)) && *selected + 1 < n {
        order.swap(*selected, *selected + 1);
        *selected += 1;
        return true;
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowUp)) {
        *selected = selected.saturating_sub(1);
    }
    if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::ArrowDown)) {
        *selected = (*selected + 1).min(n - 1);
    }
    *selected != before
}

impl Draft {
    /// An empty draft for `q`.
    pub fn for_question(q: &Question) -> Draft {
        let mut d = Draft::default();
        match &q.form {
            QuestionForm::Order { items, .. } => d.order = (0..items.len()).collect(),
            QuestionForm::Match { left, .. } => d.matching = vec![None; left.len()],
            _ => {}
        }
        d
    }

    /// A draft holding an answer given earlier (when an exam resumes).
    pub fn from_answer(q: &Question, a: &Answer) -> Draft {
        let mut d = Draft::for_question(q);
        match a {
            Answer::Choice(i) => d.choice = Some(*i),
            Answer::Bool(b) => d.truth = Some(*b),
            Answer::Text(t) => d.text = t.clone(),
            Answer::Ordering(o) if o.len() == d.order.len() => {
                d.order = o.clone();
                d.touched = true;
            }
            Answer::Matching(m) if m.len() == d.matching.len() => {
                d.matching = m.iter().map(|j| Some(*j)).collect()
            }
            _ => {}
        }
        d
    }

    /// The answer, once the draft is complete enough to hand in.
    pub fn answer(&self, q: &Question) -> Option<Answer> {
        match &q.form {
            QuestionForm::MultipleChoice { .. } => self.choice.map(Answer::Choice),
            QuestionForm::TrueFalse { .. } => self.truth.map(Answer::Bool),
            QuestionForm::Typed { .. } | QuestionForm::Cloze { .. } => {
                (!self.text.trim().is_empty()).then(|| Answer::Text(self.text.clone()))
            }
            QuestionForm::Order { .. } => {
                self.touched.then(|| Answer::Ordering(self.order.clone()))
            }
            QuestionForm::Match { .. } => self
                .matching
                .iter()
                .copied()
                .collect::<Option<Vec<usize>>>()
                .map(Answer::Matching),
        }
    }
}

/// Draws `q` and lets the student fill `d`, by mouse or keyboard (1–n for options, T/F,
/// Up/Down and Alt+Up/Down for Order, 1–n then A–I for Match). Returns true when Enter
/// asks to go on.
pub fn question_ui(ui: &mut egui::Ui, q: &Question, d: &mut Draft) -> bool {
    ui.add(egui::Label::new(RichText::new(&q.prompt).size(22.0).strong()).wrap());
    ui.add_space(8.0);
    let typed = matches!(
        q.form,
        QuestionForm::Typed { .. } | QuestionForm::Cloze { .. }
    );
    let mut enter = !typed && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
    match &q.form {
        QuestionForm::MultipleChoice { options, .. } => {
            for (i, opt) in options.iter().enumerate() {
                let b = egui::Button::new(RichText::new(format!("{}. {opt}", i + 1)).size(18.0))
                    .selected(d.choice == Some(i));
                if ui.add(b).clicked() {
                    d.choice = Some(i);
                }
            }
            if let Some(i) = number_key(ui, options.len()) {
                d.choice = Some(i);
            }
            ui.label(
                RichText::new(tr!("question-keys-then-enter", last = options.len().min(9))).weak(),
            );
        }
        QuestionForm::TrueFalse { statement, .. } => {
            // The prompt is usually the statement itself: print it once.
            if *statement != q.prompt {
                ui.add(egui::Label::new(RichText::new(statement).size(19.0)).wrap());
            }
            ui.horizontal(|ui| {
                let t = egui::Button::new(RichText::new(tr!("question-true-t")).size(18.0))
                    .selected(d.truth == Some(true));
                if ui.add(t).clicked() {
                    d.truth = Some(true);
                }
                let f = egui::Button::new(RichText::new(tr!("question-false-f")).size(18.0))
                    .selected(d.truth == Some(false));
                if ui.add(f).clicked() {
                    d.truth = Some(false);
                }
            });
            if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::T)) {
                d.truth = Some(true);
            }
            if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F)) {
                d.truth = Some(false);
            }
        }
        QuestionForm::Typed { .. } | QuestionForm::Cloze { .. } => {
            let l = ui.label(tr!("question-your-answer"));
            let r = ui
                .add(
                    egui::TextEdit::singleline(&mut d.text)
                        .font(egui::TextStyle::Heading)
                        .desired_width(f32::INFINITY),
                )
                .labelled_by(l.id);
            if !r.has_focus() && !r.lost_focus() {
                r.request_focus();
            }
            enter = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        }
        QuestionForm::Order { items, .. } => {
            ui.label(RichText::new(tr!("question-up-down-select-an")).weak());
            // A move with Alt+Up/Down answers the question as a click on Up/Down does.
            let before = d.order.clone();
            order_keys(ui, &mut d.order, &mut d.order_selected);
            if d.order != before {
                d.touched = true;
            }
            let mut swap = None;
            let mut select = None;
            for (pos, &i) in d.order.iter().enumerate() {
                ui.horizontal(|ui| {
                    let text = RichText::new(format!("{}. {}", pos + 1, items[i])).size(18.0);
                    if ui.selectable_label(d.order_selected == pos, text).clicked() {
                        select = Some(pos);
                    }
                    if ui
                        .add_enabled(pos > 0, egui::Button::new(tr!("question-up")))
                        .clicked()
                    {
                        swap = Some((pos, pos - 1));
                    }
                    if ui
                        .add_enabled(
                            pos + 1 < d.order.len(),
                            egui::Button::new(tr!("question-down")),
                        )
                        .clicked()
                    {
                        swap = Some((pos, pos + 1));
                    }
                });
            }
            if let Some(pos) = select {
                d.order_selected = pos;
            }
            if let Some((a, b)) = swap {
                d.order.swap(a, b);
                d.order_selected = b;
                d.touched = true;
            }
            let keep = egui::Button::new(tr!("question-keep-this-order-k")).selected(d.touched);
            if ui.add(keep).clicked() || ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::K)) {
                d.touched = true;
            }
        }
        QuestionForm::Match { left, right, .. } => {
            ui.label(tr!("question-click-an-item-on"));
            let mut pick_left = number_key(ui, left.len());
            let mut pick_right = letter_key(ui, right.len());
            ui.columns(2, |cols| {
                for (i, l) in left.iter().enumerate() {
                    let text = match d.matching[i] {
                        Some(j) => format!("{}. {l} = {}", i + 1, right[j]),
                        None => format!("{}. {l}", i + 1),
                    };
                    if cols[0]
                        .selectable_label(d.match_left == Some(i), RichText::new(text).size(18.0))
                        .clicked()
                    {
                        pick_left = Some(i);
                    }
                }
                for (j, r) in right.iter().enumerate() {
                    let used = d.matching.contains(&Some(j));
                    let b =
                        egui::Button::new(RichText::new(format!("{}. {r}", letter(j))).size(18.0))
                            .selected(used);
                    if cols[1].add(b).clicked() {
                        pick_right = Some(j);
                    }
                }
            });
            if let Some(i) = pick_left {
                d.match_left = Some(i);
            }
            if let (Some(j), Some(i)) = (pick_right, d.match_left) {
                for m in d.matching.iter_mut() {
                    if *m == Some(j) {
                        *m = None;
                    }
                }
                d.matching[i] = Some(j);
                d.match_left = d.matching.iter().position(Option::is_none);
            }
        }
    }
    enter
}
