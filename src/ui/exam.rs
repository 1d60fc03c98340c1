//! The exam screen: a student opens the teacher's exam file, enters their name and
//! answers under a visible countdown, with no right/wrong until the end. Every answer is
//! written to the result file by the app as it is given; at zero the exam is handed in.

use super::Action;
use super::question::{Draft, question_ui};
use crate::quiz::{PracticeTest, Report};
use egui::RichText;
use std::path::PathBuf;

/// Where the student is in the exam.
#[derive(Debug, Default)]
pub enum Phase {
    /// Choosing the exam file, the results folder and typing a name.
    #[default]
    Setup,
    /// Answering.
    Taking,
    /// Handed in; the report when the exam shows results.
    Done(Option<Report>),
}

/// The exam screen.
#[derive(Debug, Default)]
pub struct ExamScreen {
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
    /// The question shown.
    pub index: usize,
    /// Seconds left (set by the app every frame while taking).
    pub seconds_left: i64,
    /// Where the student is.
    pub phase: Phase,
    /// A problem to show.
    pub error: Option<String>,
}

impl ExamScreen {
    /// The current question's complete answer, to be recorded.
    fn current_answer(&self) -> Option<Action> {
        let test = self.test.as_ref()?;
        let q = test.questions.get(self.index)?;
        let a = self.drafts.get(self.index)?.answer(q)?;
        Some(Action::ExamAnswer(self.index, a))
    }

    /// Draws the screen and returns what the student asked for. Several actions may be
    /// needed at once (record this answer, then hand in), so they are pushed to `out`.
    pub fn ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        if let Some(e) = &self.error {
            ui.colored_label(super::theme::wrong_color(ui), e.as_str());
        }
        match &self.phase {
            Phase::Setup => self.setup_ui(ui, out),
            Phase::Taking => self.taking_ui(ui, out),
            Phase::Done(report) => {
                ui.heading(format!("{}: handed in", self.title));
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
    }

    fn taking_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        let Some(test) = &self.test else { return };
        let n = test.questions.len();
        let left = self.seconds_left.max(0);
        ui.horizontal(|ui| {
            ui.heading(&self.title);
            let clock = RichText::new(format!("Time left {:02}:{:02}", left / 60, left % 60))
                .size(22.0)
                .strong();
            let clock = if left < 60 {
                clock.color(super::theme::wrong_color(ui))
            } else {
                clock
            };
            ui.label(clock);
        });
        let answered = test
            .questions
            .iter()
            .zip(&self.drafts)
            .filter(|(q, d)| d.answer(q).is_some())
            .count();
        ui.label(format!(
            "Question {} of {n} · {answered} answered",
            self.index + 1
        ));
        let q = &test.questions[self.index];
        let enter = question_ui(ui, q, &mut self.drafts[self.index]);
        ui.add_space(10.0);
        let mut go = None;
        let mut hand_in = false;
        ui.horizontal(|ui| {
            if ui
                .add_enabled(self.index > 0, egui::Button::new("Previous"))
                .clicked()
            {
                go = Some(self.index - 1);
            }
            if self.index + 1 < n && (ui.button("Next").clicked() || enter) {
                go = Some(self.index + 1);
            }
            if ui.button("Hand in").clicked() {
                hand_in = true;
            }
        });
        if go.is_some() || hand_in {
            out.extend(self.current_answer());
        }
        if let Some(i) = go {
            self.index = i;
        }
        if hand_in {
            out.push(Action::HandIn);
        }
    }

    /// The answer on screen, to record before handing in when the time runs out.
    pub fn pending_answer(&self) -> Option<Action> {
        self.current_answer()
    }
}
