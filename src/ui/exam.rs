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
            // (the teacher's panel follows below)
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
