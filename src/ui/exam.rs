//! The exam screen: a student opens the teacher's exam file, enters their name and
//! answers under a visible countdown, with no right/wrong until the end. Every answer is
//! recorded by the app as it is given (a click or key at once, typed text on Enter or on
//! leaving the question); "Hand in…" sits apart from the navigation and asks first,
//! naming the unanswered questions. At zero the app hands the exam in by itself.

use super::Action;
use super::question::{Draft, question_ui};
use crate::quiz::{Answer, PracticeTest, QuestionForm, Report};
use egui::{Key, Modifiers, RichText};
use std::path::PathBuf;

/// Where the student is in the exam.
#[derive(Debug, Default)]
pub enum Phase {
    /// Choosing the exam file, the results folder and typing a name.
    #[default]
    Setup,
    /// Answering.
    Taking,
    /// Handed in (by the student, or by the app when the time ran out).
    Done {
        /// The report, when the exam shows results at hand-in.
        report: Option<Report>,
        /// Whether the time ran out.
        timed_out: bool,
    },
}

/// The teacher's part of the screen: making an exam and reading a class's results.
#[derive(Debug, Default)]
pub struct TeacherPanel {
    /// Decks offered (id, title, chosen).
    pub decks: Vec<(crate::ids::DeckId, String, bool)>,
    /// The exam's title.
    pub title: String,
    /// Questions.
    pub questions: usize,
    /// Time limit in minutes.
    pub minutes: u32,
    /// Show results to students after the end.
    pub show_results: bool,
    /// Where to write the exam file.
    pub output: String,
    /// The results folder to read.
    pub results_dir: String,
    /// The merged results, rendered as lines.
    pub results: Vec<String>,
    /// A message (file written, or what went wrong).
    pub message: Option<String>,
}

/// The exam screen.
#[derive(Debug, Default)]
pub struct ExamScreen {
    /// The teacher's panel.
    pub teacher: TeacherPanel,
    /// The exam file's path, as typed.
    pub exam_path: String,
    /// The results folder, as typed (empty: the exam file's folder).
    pub results_dir: String,
    /// The student's name.
    pub name: String,
    /// Title of the exam being taken.
    pub title: String,
    /// The questions.
    pub test: Option<PracticeTest>,
    /// One draft per question.
    pub drafts: Vec<Draft>,
    /// The answers recorded by the app (on disk, or kept in memory after a failed write);
    /// set by the app, never by the screen.
    pub saved: Vec<Option<Answer>>,
    /// The question shown.
    pub index: usize,
    /// Seconds left (set by the app every frame while taking).
    pub seconds_left: i64,
    /// The hand-in confirmation is showing.
    pub confirming: bool,
    /// Where the student is.
    pub phase: Phase,
    /// A problem to show.
    pub error: Option<String>,
}

/// "Question 4 is", "Questions 4 and 7 are", "Questions 1, 2 and 7 are" (1-based numbers).
pub fn unanswered_sentence(numbers: &[usize]) -> String {
    match numbers {
        [] => "Every question is answered.".to_owned(),
        [one] => format!("Question {one} is not answered. Hand in anyway?"),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(usize::to_string).collect();
            format!(
                "Questions {} and {last} are not answered. Hand in anyway?",
                rest.join(", ")
            )
        }
    }
}

fn is_text(form: &QuestionForm) -> bool {
    matches!(
        form,
        QuestionForm::Typed { .. } | QuestionForm::Cloze { .. }
    )
}

impl ExamScreen {
    /// The current question's complete answer when it differs from the recorded one.
    fn unsaved_answer(&self) -> Option<Action> {
        let test = self.test.as_ref()?;
        let q = test.questions.get(self.index)?;
        let a = self.drafts.get(self.index)?.answer(q)?;
        if self.saved.get(self.index).and_then(Option::as_ref) == Some(&a) {
            return None;
        }
        Some(Action::ExamAnswer(self.index, a))
    }

    /// Questions without a recorded answer, 1-based.
    pub fn unanswered(&self) -> Vec<usize> {
        (0..self.drafts.len())
            .filter(|&i| self.saved.get(i).is_none_or(Option::is_none))
            .map(|i| i + 1)
            .collect()
    }

    /// Draws the screen and returns what the student asked for. Several actions may be
    /// needed at once (record this answer, then hand in), so they are pushed to `out`.
    pub fn ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        if let Some(e) = &self.error {
            ui.colored_label(super::theme::wrong_color(ui), e.as_str());
        }
        match &self.phase {
            Phase::Setup => self.setup_ui(ui, out),
            Phase::Taking if self.confirming => self.confirm_ui(ui, out),
            Phase::Taking => self.taking_ui(ui, out),
            Phase::Done { report, timed_out } => {
                ui.heading(format!("{}: handed in", self.title));
                if *timed_out {
                    ui.label("The time is over, so your exam was handed in.");
                }
                ui.label(format!("Thank you, {}. Your answers are saved.", self.name));
                match (report, &self.test) {
                    (Some(r), Some(t)) => super::practice::results_ui(ui, t, r),
                    _ => {
                        ui.label("Your teacher will give you the results.");
                    }
                }
                if ui.button("Back to decks").clicked() {
                    out.push(Action::BackToLibrary);
                }
            }
        }
    }

    fn setup_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        ui.heading("Take an exam");
        egui::Grid::new("exam-setup").num_columns(2).show(ui, |ui| {
            let l = ui.label("Exam file:");
            ui.add(egui::TextEdit::singleline(&mut self.exam_path).desired_width(420.0))
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Results folder (e.g. the USB stick):");
            ui.add(egui::TextEdit::singleline(&mut self.results_dir).desired_width(420.0))
                .labelled_by(l.id);
            ui.end_row();
            let l = ui.label("Your name:");
            ui.add(egui::TextEdit::singleline(&mut self.name).desired_width(420.0))
                .labelled_by(l.id);
            ui.end_row();
        });
        ui.label(RichText::new("The results folder defaults to the exam file's folder.").weak());
        ui.horizontal(|ui| {
            if ui.button("Back to decks").clicked() {
                out.push(Action::BackToLibrary);
            }
            let ready = !self.exam_path.trim().is_empty() && !self.name.trim().is_empty();
            if ui
                .add_enabled(
                    ready,
                    egui::Button::new(RichText::new("Start exam").size(18.0)),
                )
                .clicked()
            {
                let exam = PathBuf::from(self.exam_path.trim());
                let dir = match self.results_dir.trim() {
                    "" => exam.parent().map(PathBuf::from).unwrap_or_default(),
                    d => PathBuf::from(d),
                };
                out.push(Action::OpenExam {
                    exam,
                    results_dir: dir,
                    student: self.name.trim().to_owned(),
                });
            }
        });
        ui.separator();
        egui::CollapsingHeader::new("For teachers: make an exam, read a class's results")
            .show(ui, |ui| {
                teacher_ui(ui, &mut self.teacher, &self.exam_path, out)
            });
    }

    fn clock_ui(&self, ui: &mut egui::Ui) {
        let left = self.seconds_left.max(0);
        let clock = RichText::new(format!("Time left {:02}:{:02}", left / 60, left % 60))
            .size(22.0)
            .strong();
        let clock = if left < 60 {
            clock.color(super::theme::wrong_color(ui))
        } else {
            clock
        };
        ui.label(clock);
    }

    /// Moves to question `i`, recording the answer being left first.
    fn go_to(&mut self, i: usize, out: &mut Vec<Action>) {
        out.extend(self.unsaved_answer());
        self.index = i.min(self.drafts.len().saturating_sub(1));
    }

    fn taking_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let Some(test) = &self.test else { return };
        let n = test.questions.len();
        if n == 0 || self.drafts.len() != n {
            return;
        }
        // Ctrl+Enter asks to hand in, before the question's own keys see Enter.
        let hand_in_key = ui.input_mut(|i| i.consume_key(Modifiers::COMMAND, Key::Enter));
        let answered = n - self.unanswered().len();
        let mut ask_hand_in = hand_in_key;
        ui.horizontal_wrapped(|ui| {
            ui.heading(&self.title);
            self.clock_ui(ui);
            ui.add_space(24.0);
            let b = egui::Button::new(RichText::new("Hand in…").size(18.0));
            if ui.add(b).on_hover_text("Ctrl+Enter").clicked() {
                ask_hand_in = true;
            }
        });
        ui.label(format!(
            "Question {} of {n} · {answered} answered",
            self.index + 1
        ));
        // Every question by number: answered ones are marked.
        let mut jump = None;
        ui.horizontal_wrapped(|ui| {
            for i in 0..n {
                let done = self.saved.get(i).is_some_and(Option::is_some);
                // Answered numbers are bold and underlined.
                let text = RichText::new(format!("{}", i + 1));
                let text = if done {
                    text.strong().underline()
                } else {
                    text
                };
                let name = format!(
                    "Go to question {}{}",
                    i + 1,
                    if done { " (answered)" } else { "" }
                );
                let r = ui.add(egui::Button::new(text).selected(i == self.index));
                if super::labelled(r, &name).clicked() {
                    jump = Some(i);
                }
            }
        });
        ui.separator();
        let q = &test.questions[self.index];
        let text = is_text(&q.form);
        let before = self.drafts[self.index].clone();
        let mut enter = question_ui(ui, q, &mut self.drafts[self.index]);
        // A click or key press is an answer given: record it now.
        if !text && self.drafts[self.index] != before {
            out.extend(self.unsaved_answer());
        }
        if !text {
            enter |= ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
        }
        ui.add_space(10.0);
        let mut go = jump;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(self.index > 0, egui::Button::new("Previous"))
                .clicked()
            {
                go = Some(self.index - 1);
            }
            // On the last question there is no Next: nothing takes its place, so a double
            // click on Next can never hand the exam in.
            if ui
                .add_enabled(self.index + 1 < n, egui::Button::new("Next"))
                .on_hover_text("Enter")
                .clicked()
            {
                go = Some(self.index + 1);
            }
        });
        if enter {
            if self.index + 1 < n {
                go = Some(self.index + 1);
            } else {
                out.extend(self.unsaved_answer());
            }
        }
        if let Some(i) = go {
            self.go_to(i, out);
        }
        if ask_hand_in {
            out.extend(self.unsaved_answer());
            self.confirming = true;
        }
    }

    fn confirm_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        ui.horizontal_wrapped(|ui| {
            ui.heading(&self.title);
            self.clock_ui(ui);
        });
        ui.heading("Hand in the exam?");
        let missing = self.unanswered();
        ui.label(RichText::new(unanswered_sentence(&missing)).size(18.0));
        ui.label("After handing in you cannot change your answers.");
        let (yes, go, back) = ui.input_mut(|i| {
            (
                i.consume_key(Modifiers::NONE, Key::Y),
                i.consume_key(Modifiers::NONE, Key::G),
                i.consume_key(Modifiers::NONE, Key::Escape),
            )
        });
        let mut hand_in = yes;
        let mut go_first = go && !missing.is_empty();
        let mut keep = back;
        ui.horizontal_wrapped(|ui| {
            if ui
                .button(RichText::new("Hand in now (Y)").size(18.0))
                .clicked()
            {
                hand_in = true;
            }
            if let Some(first) = missing.first()
                && ui
                    .button(format!("Go to question {first}, the first unanswered (G)"))
                    .clicked()
            {
                go_first = true;
            }
            if ui.button("Keep answering (Esc)").clicked() {
                keep = true;
            }
        });
        if hand_in {
            self.confirming = false;
            out.push(Action::HandIn);
        } else if go_first {
            self.confirming = false;
            self.index = missing[0] - 1;
        } else if keep {
            self.confirming = false;
        }
    }

    /// The answer on screen (complete but not recorded yet), to record when the time runs
    /// out: question index and answer.
    pub fn pending_answer(&self) -> Option<(usize, Answer)> {
        match self.unsaved_answer()? {
            Action::ExamAnswer(q, a) => Some((q, a)),
            _ => None,
        }
    }
}

fn teacher_ui(ui: &mut egui::Ui, t: &mut TeacherPanel, exam_path: &str, out: &mut Vec<Action>) {
    if let Some(m) = &t.message {
        ui.label(RichText::new(m).strong());
    }
    ui.label("Decks the questions come from:");
    egui::ScrollArea::vertical()
        .id_salt("exam-decks")
        .max_height(160.0)
        .show(ui, |ui| {
            for (_, title, on) in &mut t.decks {
                ui.checkbox(on, title.as_str());
            }
        });
    egui::Grid::new("exam-new").num_columns(2).show(ui, |ui| {
        let l = ui.label("Title:");
        ui.text_edit_singleline(&mut t.title).labelled_by(l.id);
        ui.end_row();
        let l = ui.label("Questions:");
        ui.add(egui::DragValue::new(&mut t.questions).range(1..=200))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label("Minutes:");
        ui.add(egui::DragValue::new(&mut t.minutes).range(1..=600))
            .labelled_by(l.id);
        ui.end_row();
        let l = ui.label("Save the exam as:");
        ui.text_edit_singleline(&mut t.output).labelled_by(l.id);
        ui.end_row();
    });
    ui.checkbox(
        &mut t.show_results,
        "Students see their results after handing in",
    );
    let decks: Vec<crate::ids::DeckId> = t
        .decks
        .iter()
        .filter(|d| d.2)
        .map(|d| d.0.clone())
        .collect();
    let ready = !decks.is_empty() && !t.title.trim().is_empty() && !t.output.trim().is_empty();
    if ui
        .add_enabled(ready, egui::Button::new("Make exam"))
        .clicked()
    {
        out.push(Action::CreateExam {
            decks,
            title: t.title.trim().to_owned(),
            questions: t.questions,
            minutes: t.minutes,
            show_results: t.show_results,
            output: PathBuf::from(t.output.trim()),
        });
    }
    ui.separator();
    ui.horizontal(|ui| {
        let l = ui.label("Results folder:");
        ui.text_edit_singleline(&mut t.results_dir)
            .labelled_by(l.id);
        let ready = !exam_path.trim().is_empty() && !t.results_dir.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new("Read results"))
            .on_hover_text("Uses the exam file given above")
            .clicked()
        {
            out.push(Action::ExamResults {
                exam: PathBuf::from(exam_path.trim()),
                dir: PathBuf::from(t.results_dir.trim()),
            });
        }
    });
    for line in &t.results {
        ui.label(line);
    }
}
