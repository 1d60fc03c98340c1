//! The one question widget of study, practice tests and exams: the student's draft answer,
//! drawing every question form with its keys (1–n, T/F, Enter, arrows and Alt+arrows for
//! Order, a number then a letter for Match), and once judged the same feedback everywhere
//! (the chosen option marked, ✓/✗ and words beside the colours). The caller decides when
//! to judge (study at once, tests at the end) through [`crate::ask::judge`].
//!
//! A new question form gets its arm in [`question_ui`]'s match and its own `*_ui` function.

use super::theme::{right_color, wrong_color};
use crate::answer::{DiffOp, Verdict};
use crate::ask::{Judgement, Reveal};
use crate::quiz::{Answer, PracticeTest, Question, QuestionForm, Report};
use crate::tr;
use egui::{Key, Modifiers, RichText};

/// Below this window height in points (768 pixels at 200 %, 800 at 200 %…), question
/// screens use a compact layout so that a judged question fits above the rating bar.
pub const COMPACT_BELOW: f32 = 480.0;

/// Whether the window is short enough for the compact layout (a projector's large text).
pub fn compact(ui: &egui::Ui) -> bool {
    ui.ctx().content_rect().height() < COMPACT_BELOW
}

/// Text size of questions, before the profile's font scale.
fn question_size(ui: &egui::Ui) -> f32 {
    if compact(ui) { 18.0 } else { 22.0 }
}

/// Text size of options, items and answers.
fn item_size(ui: &egui::Ui) -> f32 {
    if compact(ui) { 16.0 } else { 18.0 }
}

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

/// The keys 1–9, in order: options, Match items and ratings are picked with them.
pub const NUMBER_KEYS: [Key; 9] = [
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

/// Keys 1–9 pressed this frame, as a 0-based index below `n`.
pub fn number_key(ui: &mut egui::Ui, n: usize) -> Option<usize> {
    NUMBER_KEYS
        .iter()
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

/// Where the widget is used.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Use {
    /// Study: each answer is judged at once; the study screen's bar holds Check and the
    /// key hints.
    Study,
    /// Practice tests and exams: answers are collected and judged at the end; an untouched
    /// Order is no answer until the student keeps it (K).
    Test,
}

/// What the student did in the widget this frame.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reply {
    /// Enter asks to go on (or, in a typed answer, to check it).
    pub enter: bool,
    /// An option or True/False was picked (study judges it at once).
    pub picked: bool,
}

/// The right answer of `q` in words, in the interface's language (the engine writes a
/// true/false answer as "True"/"False" in English).
pub fn right_answer_text(q: &Question) -> String {
    match &q.form {
        QuestionForm::TrueFalse {
            truth, correction, ..
        } => {
            let verdict = if *truth {
                tr!("study-true")
            } else {
                tr!("study-false")
            };
            if !truth && !correction.is_empty() {
                format!("{verdict}: {correction}")
            } else {
                verdict
            }
        }
        _ => q.right_answer.clone(),
    }
}

/// A mark beside the colours, so right and wrong do not rest on colour alone.
pub fn mark(right: bool) -> &'static str {
    if right { "✓" } else { "✗" }
}

fn verdict_color(ui: &egui::Ui, right: bool) -> egui::Color32 {
    if right {
        right_color(ui)
    } else {
        wrong_color(ui)
    }
}

/// The prompt of a question or card, large and wrapped.
pub fn prompt_ui(ui: &mut egui::Ui, text: &str) {
    ui.add(egui::Label::new(RichText::new(text).size(question_size(ui)).strong()).wrap());
    ui.add_space(8.0);
}

/// A card to recall and reveal (study's Basic and Cloze items): the prompt, and once
/// `revealed` the filled text and the answer.
pub fn reveal_ui(ui: &mut egui::Ui, r: &Reveal, revealed: bool) {
    if !revealed {
        prompt_ui(ui, &r.prompt);
    } else if r.gap {
        prompt_ui(ui, &r.revealed);
        ui.add(
            egui::Label::new(
                RichText::new(tr!("study-answer", answer = &r.answer)).size(item_size(ui)),
            )
            .wrap(),
        );
    } else {
        prompt_ui(ui, &r.revealed);
        ui.separator();
        ui.add(egui::Label::new(RichText::new(&r.answer).size(question_size(ui))).wrap());
    }
}

/// Draws `q` and lets the student fill `d`, by mouse or keyboard. Once `judged`, the
/// answer is locked and shown with its feedback. One arm per question form.
///
/// The widgets are named after `asked`, the question asked (its number in a test, the
/// item in study): the keyboard focus never passes from an option of one question to the
/// option in its place in the next, where a focus ring looked like an answer already
/// given and Space gave it.
pub fn question_ui(
    ui: &mut egui::Ui,
    asked: impl std::hash::Hash + std::fmt::Debug,
    q: &Question,
    d: &mut Draft,
    judged: Option<&Judgement>,
    usage: Use,
) -> Reply {
    ui.push_id(asked, |ui| forms_ui(ui, q, d, judged, usage))
        .inner
}

fn forms_ui(
    ui: &mut egui::Ui,
    q: &Question,
    d: &mut Draft,
    judged: Option<&Judgement>,
    usage: Use,
) -> Reply {
    prompt_ui(ui, &q.prompt);
    let open = judged.is_none();
    let typed = matches!(
        q.form,
        QuestionForm::Typed { .. } | QuestionForm::Cloze { .. }
    );
    let mut reply = Reply {
        enter: open && !typed && ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter)),
        picked: false,
    };
    match &q.form {
        QuestionForm::MultipleChoice { options, correct } => {
            reply.picked = choice_ui(ui, options, correct, d, open, usage);
        }
        QuestionForm::TrueFalse {
            statement,
            truth,
            correction,
        } => {
            // The prompt is usually the statement itself: print it once.
            if *statement != q.prompt {
                ui.add(
                    egui::Label::new(RichText::new(statement).size(question_size(ui) - 3.0)).wrap(),
                );
            }
            reply.picked = truth_ui(ui, *truth, correction, d, open);
        }
        QuestionForm::Typed { .. } | QuestionForm::Cloze { .. } => {
            reply.enter = typed_ui(ui, d, judged);
        }
        QuestionForm::Order { items, solution } => order_ui(ui, items, solution, d, open, usage),
        QuestionForm::Match {
            left,
            right,
            solution,
        } => match_ui(ui, left, right, solution, d, open),
    }
    reply
}

fn choice_ui(
    ui: &mut egui::Ui,
    options: &[String],
    correct: &[usize],
    d: &mut Draft,
    open: bool,
    usage: Use,
) -> bool {
    let mut picked = None;
    let size = item_size(ui);
    // On a short window the options flow side by side, so that all of them fit.
    let mut draw = |ui: &mut egui::Ui| {
        for (i, opt) in options.iter().enumerate() {
            let label = format!("{}. {opt}", i + 1);
            let text = if open {
                RichText::new(label)
            } else if correct.contains(&i) {
                RichText::new(format!("{} {label}", mark(true))).color(right_color(ui))
            } else if d.choice == Some(i) {
                RichText::new(format!("{} {label}", mark(false)))
                    .color(wrong_color(ui))
                    .strikethrough()
            } else {
                RichText::new(label)
            };
            let b = egui::Button::new(text.size(size))
                .selected(d.choice == Some(i))
                .wrap();
            // Stays fully visible once judged (no faded colours); clicks then do nothing.
            if ui.add(b).clicked() && open {
                picked = Some(i);
            }
        }
    };
    if compact(ui) {
        ui.horizontal_wrapped(draw);
    } else {
        draw(ui);
    }
    if !open {
        return false;
    }
    if let Some(i) = number_key(ui, options.len()) {
        picked = Some(i);
    }
    if usage == Use::Test {
        ui.label(
            RichText::new(tr!("question-keys-then-enter", last = options.len().min(9))).weak(),
        );
    }
    if let Some(i) = picked {
        d.choice = Some(i);
    }
    picked.is_some()
}

fn truth_ui(ui: &mut egui::Ui, truth: bool, correction: &str, d: &mut Draft, open: bool) -> bool {
    let mut picked = None;
    if open {
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::T)) {
            picked = Some(true);
        }
        if ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::F)) {
            picked = Some(false);
        }
    }
    ui.horizontal_wrapped(|ui| {
        for (value, name) in [
            (true, tr!("question-true-t")),
            (false, tr!("question-false-f")),
        ] {
            let text = if !open && (d.truth == Some(value) || value == truth) {
                let ok = value == truth;
                RichText::new(format!("{} {name}", mark(ok))).color(verdict_color(ui, ok))
            } else {
                RichText::new(name)
            };
            let b = egui::Button::new(text.size(item_size(ui))).selected(d.truth == Some(value));
            if ui.add(b).clicked() && open {
                picked = Some(value);
            }
        }
    });
    if !open {
        ui.label(if truth {
            tr!("study-statement-true")
        } else {
            tr!("study-statement-false")
        });
        if !truth && !correction.is_empty() {
            ui.add(egui::Label::new(RichText::new(correction).size(item_size(ui))).wrap());
        }
    }
    if let Some(b) = picked {
        d.truth = Some(b);
    }
    picked.is_some()
}

/// The answer field, focused; once judged what was typed and how it differs. Returns true
/// when Enter was pressed in the field.
fn typed_ui(ui: &mut egui::Ui, d: &mut Draft, judged: Option<&Judgement>) -> bool {
    if let Some(j) = judged {
        ui.horizontal_wrapped(|ui| {
            ui.label(
                RichText::new(mark(j.correct))
                    .size(item_size(ui))
                    .color(verdict_color(ui, j.correct)),
            );
            ui.add(
                egui::Label::new(
                    RichText::new(tr!("study-you-typed", text = &d.text)).size(item_size(ui)),
                )
                .wrap(),
            );
        });
        if let Some(v) = &j.verdict {
            diff_ui(ui, v);
        }
        return false;
    }
    let l = ui.label(tr!("question-your-answer"));
    let r = ui
        .add(
            egui::TextEdit::singleline(&mut d.text)
                .hint_text(tr!("study-type-your-answer-then"))
                .font(egui::TextStyle::Heading)
                .desired_width(f32::INFINITY),
        )
        .labelled_by(l.id);
    // Asked once, not at every frame: `Response::has_focus` is false while the window
    // itself has no focus, and a request at every frame interrupts the input method.
    if !ui.memory(|m| m.has_focus(r.id)) && !r.lost_focus() {
        r.request_focus();
    }
    r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter))
}

fn order_ui(
    ui: &mut egui::Ui,
    items: &[String],
    solution: &[usize],
    d: &mut Draft,
    open: bool,
    usage: Use,
) {
    if d.order.len() != items.len() {
        d.order = (0..items.len()).collect();
    }
    if open {
        ui.label(RichText::new(tr!("question-order-keys")).weak());
        // A move with Alt+Up/Down answers the question as a click on Up/Down does.
        let before = d.order.clone();
        order_keys(ui, &mut d.order, &mut d.order_selected);
        if d.order != before {
            d.touched = true;
        }
    }
    if !open {
        // Judged: each item marked where it stands, and where it belongs when misplaced.
        for (pos, &i) in d.order.iter().enumerate() {
            let Some(item) = items.get(i) else { continue };
            let ok = solution.get(pos).and_then(|&s| items.get(s)) == Some(item);
            let mut text = format!("{} {}. {item}", mark(ok), pos + 1);
            if !ok && let Some(at) = solution.iter().position(|&s| items.get(s) == Some(item)) {
                text.push_str(&tr!("question-belongs-at", position = at + 1));
            }
            let color = verdict_color(ui, ok);
            ui.add(egui::Label::new(RichText::new(text).size(item_size(ui)).color(color)).wrap());
        }
    }
    let mut swap = None;
    let mut select = None;
    for (pos, &i) in d.order.iter().enumerate().filter(|_| open) {
        // The buttons first and the item after them, wrapped in the width left: a long
        // item at a large text size no longer pushes its buttons off the screen.
        ui.horizontal(|ui| {
            let up = ui.add_enabled(pos > 0, egui::Button::new(tr!("question-up")));
            if super::labelled(up, &tr!("question-move-item-up", item = &items[i]))
                .on_hover_text(tr!("question-move-up-keys"))
                .clicked()
            {
                swap = Some((pos, pos - 1));
            }
            let down = ui.add_enabled(
                pos + 1 < d.order.len(),
                egui::Button::new(tr!("question-down")),
            );
            if super::labelled(down, &tr!("question-move-item-down", item = &items[i]))
                .on_hover_text(tr!("question-move-down-keys"))
                .clicked()
            {
                swap = Some((pos, pos + 1));
            }
            let text = RichText::new(format!("{}. {}", pos + 1, items[i])).size(item_size(ui));
            let item = egui::Button::selectable(d.order_selected == pos, text).wrap();
            if ui.add(item).clicked() {
                select = Some(pos);
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
    if open {
        if let Some(&i) = d.order.get(d.order_selected) {
            ui.label(RichText::new(tr!("question-selected", item = &items[i])).strong());
        }
        if usage == Use::Test {
            let keep = egui::Button::new(tr!("question-keep-this-order-k")).selected(d.touched);
            if ui.add(keep).clicked() || ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::K)) {
                d.touched = true;
            }
        }
    } else {
        let right: Vec<&String> = solution.iter().filter_map(|&s| items.get(s)).collect();
        let given: Vec<&String> = d.order.iter().filter_map(|&s| items.get(s)).collect();
        if right != given {
            ui.label(tr!("study-the-right-order"));
            for (pos, it) in right.iter().enumerate() {
                ui.label(format!("{}. {it}", pos + 1));
            }
        }
    }
}

fn match_ui(
    ui: &mut egui::Ui,
    left: &[String],
    right: &[String],
    solution: &[usize],
    d: &mut Draft,
    open: bool,
) {
    if d.matching.len() != left.len() {
        d.matching = vec![None; left.len()];
    }
    let (mut pick_left, mut pick_right) = (None, None);
    if open {
        ui.label(RichText::new(tr!("question-click-an-item-on")).weak());
        pick_left = number_key(ui, left.len());
        pick_right = letter_key(ui, right.len());
    }
    let size = item_size(ui);
    if !open {
        // Judged: each pair marked, with the right partner beside a wrong one.
        for (i, l) in left.iter().enumerate() {
            let given = d.matching[i].and_then(|j| right.get(j));
            let due = solution.get(i).and_then(|&s| right.get(s));
            let ok = given.is_some() && given == due;
            let mut text = format!("{} {}. {l} = {}", mark(ok), i + 1, given.map_or("?", |g| g));
            if !ok && let Some(r) = due {
                text.push_str(&tr!("question-right-partner", partner = r));
            }
            let color = verdict_color(ui, ok);
            ui.add(egui::Label::new(RichText::new(text).size(size).color(color)).wrap());
        }
        return;
    }
    ui.columns(2, |cols| {
        for (i, l) in left.iter().enumerate() {
            let label = match d.matching[i].and_then(|j| right.get(j)) {
                Some(r) => format!("{}. {l} = {r}", i + 1),
                None => format!("{}. {l}", i + 1),
            };
            let chosen = d.match_left == Some(i);
            if cols[0]
                .selectable_label(chosen, RichText::new(label).size(size))
                .clicked()
            {
                pick_left = Some(i);
            }
        }
        for (j, r) in right.iter().enumerate() {
            let used = d.matching.contains(&Some(j));
            let b = egui::Button::new(RichText::new(format!("{}. {r}", letter(j))).size(size))
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
    if let Some(i) = d.match_left {
        ui.label(
            RichText::new(tr!(
                "question-chosen-partner",
                item = &left[i],
                key = i + 1,
                last = letter(right.len().saturating_sub(1)).to_string()
            ))
            .strong(),
        );
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
    if v.diff.is_empty() || same * 2 < expected || v.diff.iter().all(|s| s.op == DiffOp::Same) {
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
    let font = egui::FontId::proportional(item_size(ui));
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
        ui.label(tr!("study-compared"));
        ui.label(job);
    });
    ui.label(RichText::new(tr!("study-underlined-letters-you-left")).weak());
}

/// The score of a practice test or exam, with `subtitle` under it: every question with ✓
/// or ✗ and a word beside the colour, and under each mistake its right answer, note and
/// source.
pub fn results_ui(ui: &mut egui::Ui, test: &PracticeTest, report: &Report, subtitle: Option<&str>) {
    ui.heading(tr!(
        "exam-score",
        right = report.right,
        total = report.total,
        percent = crate::i18n::dec(report.percent(), 0)
    ));
    if let Some(s) = subtitle {
        ui.label(s);
    }
    for r in &report.results {
        let Some(q) = test.questions.get(r.index) else {
            continue;
        };
        ui.separator();
        ui.horizontal_wrapped(|ui| {
            let color = verdict_color(ui, r.right);
            let word = match (r.right, r.answered) {
                (true, _) => tr!("question-verdict-right"),
                (false, true) => tr!("question-verdict-wrong"),
                (false, false) => tr!("question-verdict-not-answered"),
            };
            ui.label(RichText::new(mark(r.right)).strong().color(color));
            ui.label(RichText::new(word).strong().color(color));
            ui.add(
                egui::Label::new(RichText::new(format!("{}. {}", r.index + 1, q.prompt)).strong())
                    .wrap(),
            );
        });
        if r.right {
            continue;
        }
        ui.add(
            egui::Label::new(
                RichText::new(tr!("exam-right-answer", answer = right_answer_text(q)))
                    .color(right_color(ui)),
            )
            .wrap(),
        );
        if !r.note.is_empty() {
            ui.add(egui::Label::new(RichText::new(&r.note).italics()).wrap());
        }
        if let Some(s) = &r.source {
            ui.add(egui::Label::new(RichText::new(tr!("exam-source", source = s)).weak()).wrap());
        }
    }
    if report.right == report.total {
        ui.label(tr!("exam-no-mistakes"));
    }
}
