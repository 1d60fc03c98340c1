//! The exam screen: a student opens the teacher's exam file, enters their name and
//! answers under a visible countdown, with no right/wrong until the end. Every answer is
//! recorded by the app as it is given (a click or key at once, typed text on Enter or on
//! leaving the question); "Hand in…" sits apart from the navigation and asks first,
//! naming the unanswered questions. At zero the app hands the exam in by itself.

use super::Action;
use super::file_picker::PickFor;
use super::question::{Draft, Use, question_ui, results_ui};
use crate::exam::{Exam, Feedback, ResultFile};
use crate::quiz::{Answer, PracticeTest, QuestionForm, Report};
use crate::tr;
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
        /// The report with the questions and their answers, once results may be shown.
        report: Option<(PracticeTest, Report)>,
        /// Whether the time ran out.
        timed_out: bool,
    },
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
    /// The hand-in receipt, once the hand-in is on disk.
    pub receipt: Option<String>,
    /// The teacher's code as typed (results after the code).
    pub code: String,
    /// An unfinished sitting of this computer, offered first.
    pub resume: Option<crate::exam::ResumeOffer>,
    /// The handed-in exam waiting for the teacher's code: the students' copy and the
    /// answers recorded.
    pub locked: Option<(crate::exam::Exam, Vec<Option<Answer>>)>,
    /// The first empty field of the setup was given the keyboard focus (once, as the
    /// screen opens: a student types at once, nothing looks focused that is not).
    setup_focused: bool,
}

/// A labelled path field with the button that opens the picker for it (the field stays,
/// for typing or pasting a path). Fits any width: the field takes what the button leaves.
pub fn path_row(
    ui: &mut egui::Ui,
    label: &str,
    text: &mut String,
    button: &str,
    pick: Action,
    out: &mut Vec<Action>,
) -> egui::Response {
    let l = ui.label(label);
    ui.horizontal(|ui| {
        let b = egui::Button::new(button);
        let bw = ui.spacing().button_padding.x * 2.0
            + egui::WidgetText::from(button)
                .into_galley(
                    ui,
                    Some(egui::TextWrapMode::Extend),
                    f32::INFINITY,
                    egui::TextStyle::Button,
                )
                .size()
                .x
            + ui.spacing().item_spacing.x;
        let w = (ui.available_width() - bw).clamp(80.0, 520.0);
        let field = ui
            .add(egui::TextEdit::singleline(text).desired_width(w))
            .labelled_by(l.id);
        if ui.add(b).clicked() {
            out.push(pick);
        }
        field
    })
    .inner
}

/// "Question 4 is", "Questions 4 and 7 are", "Questions 1, 2 and 7 are" (1-based numbers).
pub fn unanswered_sentence(numbers: &[usize]) -> String {
    match numbers {
        [] => tr!("exam-every-question-is-answered"),
        [one] => tr!("exam-one-unanswered", number = *one),
        [rest @ .., last] => {
            let rest: Vec<String> = rest.iter().map(usize::to_string).collect();
            tr!("exam-unanswered", numbers = rest.join(", "), last = *last)
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
    /// Shows the handed-in page for `result`: the results at once when the exam shows
    /// them at hand-in, a field for the teacher's code when it shows them after it.
    pub fn show_done(&mut self, exam: &Exam, student: &str, result: &ResultFile, timed_out: bool) {
        let answers: Vec<Option<Answer>> = (0..exam.settings.question_count)
            .map(|i| result.answers.get(&i).map(|a| a.answer.clone()))
            .collect();
        for (slot, a) in self.saved.iter_mut().zip(&answers) {
            if a.is_some() {
                slot.clone_from(a);
            }
        }
        self.confirming = false;
        let report = match exam.settings.feedback {
            Feedback::AtHandIn => exam
                .unseal(None)
                .map(|key| score_paper(&key, student, &answers)),
            Feedback::AfterCode => {
                self.locked = Some((exam.clone(), answers));
                None
            }
            Feedback::Never => None,
        };
        self.phase = Phase::Done { report, timed_out };
    }

    /// Tries the teacher's code on the handed-in exam.
    pub fn unlock(&mut self, code: &str) {
        let Some((exam, answers)) = &self.locked else {
            return;
        };
        match exam.unseal(Some(code)) {
            Some(key) => {
                let r = score_paper(&key, &self.name, answers);
                self.locked = None;
                self.error = None;
                if let Phase::Done { report, .. } = &mut self.phase {
                    *report = Some(r);
                }
            }
            None => self.error = Some(tr!("exam-that-code-is-not")),
        }
    }

    /// The current question's complete answer when it differs from the recorded one.
    fn unsaved_answer(&self) -> Option<Action> {
        let test = self.test.as_ref()?;
        let q = test.questions.get(self.index)?;
        let a = self.drafts.get(self.index)?.answer(q)?;
        if self.saved.get(self.index).and_then(Option::as_ref) == Some(&a) {
            return None;
        }
        Some(Action::Exam(Msg::Answer(self.index, a)))
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
        // Unlocking the results with the teacher's code changes this screen alone.
        let mut unlock = None;
        if let Some(e) = &self.error {
            ui.colored_label(super::theme::wrong_color(ui), e.as_str());
        }
        match &self.phase {
            Phase::Setup => self.setup_ui(ui, out),
            Phase::Taking if self.confirming => self.confirm_ui(ui, out),
            Phase::Taking => self.taking_ui(ui, out),
            Phase::Done { report, timed_out } => {
                ui.horizontal_wrapped(|ui| {
                    ui.heading(tr!("exam-handed-in", title = &self.title));
                    if super::nav::back_button(ui, tr!("exam-back-to-decks")).clicked() {
                        out.push(Action::BackToLibrary);
                    }
                });
                if *timed_out {
                    ui.label(tr!("exam-the-time-is-over"));
                }
                ui.label(tr!("exam-thank-you", name = &self.name));
                if let Some(r) = &self.receipt {
                    ui.label(
                        RichText::new(tr!("exam-receipt", receipt = r.as_str()))
                            .size(20.0)
                            .strong(),
                    );
                    ui.label(tr!("exam-show-it-to-your"));
                }
                match report {
                    Some((t, r)) => results_ui(ui, t, r, None),
                    None if self.locked.is_some() => {
                        ui.label(tr!("exam-your-teacher-will-tell"));
                        let mut go = false;
                        ui.horizontal(|ui| {
                            let l = ui.label(tr!("exam-teacher-s-code"));
                            let r = ui.text_edit_singleline(&mut self.code).labelled_by(l.id);
                            go = r.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
                            go |= ui.button(tr!("exam-show-my-results")).clicked();
                        });
                        if go {
                            unlock = Some(self.code.clone());
                        }
                    }
                    None => {
                        ui.label(tr!("exam-your-teacher-will-give"));
                    }
                }
            }
        }
        if let Some(code) = unlock {
            self.unlock(&code);
        }
    }

    fn setup_ui(&mut self, ui: &mut egui::Ui, out: &mut Vec<Action>) {
        if let Some(offer) = &self.resume {
            let left = offer.left.num_seconds().max(0);
            let when = if left > 0 {
                tr!(
                    "exam-time-left-short",
                    time = format!("{:02}:{:02}", left / 60, left % 60)
                )
            } else {
                tr!("exam-time-is-up")
            };
            ui.add(
                egui::Label::new(
                    RichText::new(tr!(
                        "exam-resume-offer",
                        title = &offer.title,
                        name = &offer.entry.student,
                        when = when
                    ))
                    .size(20.0)
                    .strong(),
                )
                .wrap(),
            );
            let mut dismiss = false;
            ui.horizontal(|ui| {
                if ui
                    .button(RichText::new(tr!("exam-resume")).size(18.0))
                    .clicked()
                {
                    out.push(Action::Exam(Msg::Open {
                        exam: offer.entry.exam_path.clone(),
                        results_dir: offer.entry.results_dir.clone(),
                        student: offer.entry.student.clone(),
                    }));
                }
                dismiss = ui.button(tr!("exam-not-now")).clicked();
            });
            if dismiss {
                self.resume = None;
            }
            ui.separator();
        }
        ui.heading(tr!("exam-take-an-exam"));
        ui.label(tr!("exam-choose-type-or-drop"));
        let exam_field = path_row(
            ui,
            &tr!("exam-exam-file"),
            &mut self.exam_path,
            &tr!("exam-choose-the-exam-file"),
            Action::Picker(super::file_picker::Msg::Show(PickFor::ExamFile)),
            out,
        );
        path_row(
            ui,
            &tr!("exam-results-folder-e-g"),
            &mut self.results_dir,
            &tr!("exam-choose-the-results-folder"),
            Action::Picker(super::file_picker::Msg::Show(PickFor::ResultsFolder)),
            out,
        );
        let l = ui.label(tr!("exam-your-name"));
        let name_field = ui
            .add(
                egui::TextEdit::singleline(&mut self.name)
                    .desired_width(ui.available_width().min(420.0)),
            )
            .labelled_by(l.id);
        if !std::mem::replace(&mut self.setup_focused, true) {
            if self.exam_path.trim().is_empty() {
                exam_field.request_focus();
            } else if self.name.trim().is_empty() {
                name_field.request_focus();
            }
        }
        // Enter after the name starts the exam, as "Start exam" does.
        let entered = name_field.lost_focus() && ui.input(|i| i.key_pressed(Key::Enter));
        ui.label(RichText::new(tr!("exam-the-results-folder-defaults")).weak());
        ui.horizontal(|ui| {
            if super::nav::back_button(ui, tr!("exam-back-to-decks")).clicked() {
                out.push(Action::BackToLibrary);
            }
            let ready = !self.exam_path.trim().is_empty() && !self.name.trim().is_empty();
            let start = ui.add_enabled(
                ready,
                egui::Button::new(RichText::new(tr!("exam-start-exam")).size(18.0)),
            );
            if start.clicked() || (ready && entered) {
                let exam = PathBuf::from(self.exam_path.trim());
                let dir = match self.results_dir.trim() {
                    "" => exam.parent().map(PathBuf::from).unwrap_or_default(),
                    d => PathBuf::from(d),
                };
                out.push(Action::Exam(Msg::Open {
                    exam,
                    results_dir: dir,
                    student: self.name.trim().to_owned(),
                }));
            }
        });
    }

    fn clock_ui(&self, ui: &mut egui::Ui) {
        let left = self.seconds_left.max(0);
        let clock = RichText::new(tr!(
            "exam-time-left",
            time = format!("{:02}:{:02}", left / 60, left % 60)
        ))
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
            let b = egui::Button::new(RichText::new(tr!("exam-hand-in")).size(18.0));
            if ui.add(b).on_hover_text("Ctrl+Enter").clicked() {
                ask_hand_in = true;
            }
        });
        // Previous and Next sit above the question, so they stay on screen whatever the
        // question's length and the text size (and never where "Hand in…" is).
        let mut go = None;
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!(
                "exam-question-of",
                index = self.index + 1,
                n = n,
                answered = answered
            ));
            if ui
                .add_enabled(self.index > 0, egui::Button::new(tr!("exam-previous")))
                .clicked()
            {
                go = Some(self.index - 1);
            }
            // On the last question there is no Next: nothing takes its place, so a double
            // click on Next can never hand the exam in.
            if ui
                .add_enabled(self.index + 1 < n, egui::Button::new(tr!("exam-next")))
                .on_hover_text("Enter")
                .clicked()
            {
                go = Some(self.index + 1);
            }
        });
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
                let name = if done {
                    tr!("exam-go-to-answered", number = i + 1)
                } else {
                    tr!("exam-go-to", number = i + 1)
                };
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
        let d = &mut self.drafts[self.index];
        let mut enter = question_ui(ui, self.index, q, d, None, Use::Test).enter;
        // A click or key press is an answer given: record it now.
        if !text && self.drafts[self.index] != before {
            out.extend(self.unsaved_answer());
        }
        if !text {
            enter |= ui.input_mut(|i| i.consume_key(Modifiers::NONE, Key::Enter));
        }
        if jump.is_some() {
            go = jump;
        }
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
        ui.heading(tr!("exam-hand-in-the-exam"));
        let missing = self.unanswered();
        ui.label(RichText::new(unanswered_sentence(&missing)).size(18.0));
        ui.label(tr!("exam-after-handing-in-you"));
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
                .button(RichText::new(tr!("exam-hand-in-now-y")).size(18.0))
                .clicked()
            {
                hand_in = true;
            }
            if let Some(first) = missing.first()
                && ui
                    .button(tr!("exam-go-to-first-unanswered", number = *first))
                    .clicked()
            {
                go_first = true;
            }
            if ui.button(tr!("exam-keep-answering-esc")).clicked() {
                keep = true;
            }
        });
        if hand_in {
            self.confirming = false;
            out.push(Action::Exam(Msg::HandIn));
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
            Action::Exam(Msg::Answer(q, a)) => Some((q, a)),
            _ => None,
        }
    }
}

/// The student's paper from the unsealed exam, scored.
fn score_paper(key: &Exam, student: &str, answers: &[Option<Answer>]) -> (PracticeTest, Report) {
    let test = key.paper(student).test;
    let report = crate::quiz::score(&test, answers);
    (test, report)
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{QuizApp, Screen};

/// What the exam screen asks of the app (the sitting and its result file).
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Start (or resume) an exam.
    Open {
        /// The exam file.
        exam: PathBuf,
        /// Where result files go.
        results_dir: PathBuf,
        /// The student's name.
        student: String,
    },
    /// Record the answer to question N (0-based).
    Answer(usize, Answer),
    /// Hand the exam in.
    HandIn,
}

/// An exam being taken: the file and the sitting (countdown and durable result file).
/// It stays after hand-in while records are kept in memory after a failed write.
pub(super) struct ExamRun {
    /// The students' copy of the exam.
    pub(super) exam: crate::exam::Exam,
    /// Its file.
    pub(super) exam_path: PathBuf,
    /// The name the student gave.
    pub(super) student: String,
    pub(super) sitting: crate::exam::Sitting,
    /// The hand-in is noted in this computer's register.
    pub(super) registered: bool,
}

/// Applies an exam message: the sitting, its answers and the hand-in.
pub(super) fn update(app: &mut QuizApp, msg: Msg) {
    let now = app.now();
    match msg {
        Msg::Open {
            exam,
            results_dir,
            student,
        } => {
            let Screen::Exam(screen) = &mut app.screen else {
                return;
            };
            if app
                .exam_run
                .as_ref()
                .is_some_and(|r| !r.sitting.is_closed())
            {
                screen.error = Some(tr!("app-an-exam-is-already"));
                return;
            }
            // A mistyped folder would put the answers where the teacher never looks.
            if !results_dir.is_dir() {
                screen.error = Some(tr!(
                    "app-results-folder-missing",
                    folder = results_dir.display().to_string(),
                    button = tr!("exam-choose-the-results-folder")
                ));
                return;
            }
            let register = crate::exam::Register::new(app.profiles.root());
            let opened = crate::exam::Exam::load(&exam).and_then(|e| {
                let test = e.paper(&student).test;
                let sitting = crate::exam::Sitting::open_registered(
                    &register,
                    &exam,
                    &results_dir,
                    &e,
                    &student,
                    now,
                )?;
                Ok((e, test, sitting))
            });
            match opened {
                Ok((e, test, sitting)) => {
                    let answers = sitting.answers();
                    screen.drafts = test
                        .questions
                        .iter()
                        .enumerate()
                        .map(|(i, q)| match answers.get(&i) {
                            Some(a) => super::question::Draft::from_answer(q, &a.answer),
                            None => super::question::Draft::for_question(q),
                        })
                        .collect();
                    screen.saved = (0..test.questions.len())
                        .map(|i| answers.get(&i).map(|a| a.answer.clone()))
                        .collect();
                    screen.title = e.title.clone();
                    screen.name = student.clone();
                    screen.test = Some(test);
                    screen.index = 0;
                    screen.confirming = false;
                    screen.error = None;
                    screen.seconds_left = sitting.remaining(now).num_seconds();
                    screen.phase = Phase::Taking;
                    app.exam_run = Some(ExamRun {
                        exam: e,
                        exam_path: exam,
                        student,
                        sitting,
                        registered: false,
                    });
                }
                Err(e) => screen.error = Some(crate::i18n::message(&e.message())),
            }
        }
        Msg::Answer(q, answer) => {
            let (Some(run), Screen::Exam(screen)) = (&mut app.exam_run, &mut app.screen) else {
                return;
            };
            match run.sitting.answer(q, answer.clone(), now) {
                Ok(kept) => {
                    if kept.is_none() {
                        screen.error = None;
                    }
                    // On disk, or kept in memory (the warning at the top says so).
                    if let Some(slot) = screen.saved.get_mut(q) {
                        *slot = Some(answer);
                    }
                }
                Err(e) => {
                    screen.error = Some(tr!(
                        "msg-the-answer-was-not",
                        error = crate::i18n::message(&e.message())
                    ))
                }
            }
        }
        Msg::HandIn => {
            let (Some(run), Screen::Exam(screen)) = (&mut app.exam_run, &mut app.screen) else {
                return;
            };
            match run.sitting.hand_in(now) {
                Ok(result) => {
                    screen.error = None;
                    screen.show_done(&run.exam, &run.student, &result, false);
                }
                Err(e) => {
                    screen.error = Some(tr!(
                        "msg-the-exam-could-not",
                        error = crate::i18n::message(&e.message())
                    ))
                }
            }
        }
    }
}

/// Opens the exam screen.
pub(super) fn open(app: &mut QuizApp) {
    let screen = app.exam_setup_screen();
    app.screen = Screen::Exam(Box::new(screen));
}

impl QuizApp {
    /// The exam set-up screen, offering first the unfinished sitting of this computer.
    pub(super) fn exam_setup_screen(&self) -> ExamScreen {
        let register = crate::exam::Register::new(self.profiles.root());
        let resume = register.resume_offer(self.now());
        let mut s = ExamScreen::default();
        if let Some(o) = &resume {
            s.exam_path = o.entry.exam_path.display().to_string();
            s.results_dir = o.entry.results_dir.display().to_string();
            s.name = o.entry.student.clone();
        }
        s.resume = resume;
        s
    }

    /// At start-up: an unfinished exam sitting on this computer comes first.
    pub(super) fn offer_resume(&mut self) {
        if self.open.is_none() || self.exam_run.is_some() {
            return;
        }
        let screen = self.exam_setup_screen();
        if screen.resume.is_some() {
            self.screen = Screen::Exam(Box::new(screen));
        }
    }

    /// Runs the exam's clock: shows the time left, asks for a repaint when the next second
    /// is due, and at zero hands the exam in (the answer on screen included).
    pub(super) fn exam_tick(&mut self, ctx: &egui::Context) {
        let Some(run) = &mut self.exam_run else {
            return;
        };
        if run.sitting.is_closed() {
            // Handed in: the run stays only until what was kept in memory is written and
            // the hand-in is noted in this computer's register.
            if run.sitting.unsaved_count() == 0 {
                if !run.registered {
                    run.registered = true;
                    let register = crate::exam::Register::new(self.profiles.root());
                    let receipt =
                        run.sitting
                            .register_hand_in(&register, &run.exam_path, &run.student);
                    if let (Screen::Exam(s), Ok(r)) = (&mut self.screen, receipt) {
                        s.receipt = Some(r);
                    }
                    ctx.request_repaint();
                }
                self.exam_run = None;
            }
            return;
        }
        let Screen::Exam(s) = &mut self.screen else {
            return;
        };
        let now = (self.clock)();
        match run.sitting.tick(now) {
            crate::exam::Tick::Running {
                seconds_left,
                repaint_in,
                checkpoint_failed,
            } => {
                s.seconds_left = seconds_left;
                if checkpoint_failed {
                    s.error = Some(tr!("app-the-time-could-not"));
                }
                ctx.request_repaint_after(repaint_in);
            }
            crate::exam::Tick::Over => {
                let result = run.sitting.time_up(s.pending_answer(), now);
                s.seconds_left = 0;
                s.confirming = false;
                s.error = None;
                for (q, a) in &result.answers {
                    if let Some(slot) = s.saved.get_mut(*q) {
                        *slot = Some(a.answer.clone());
                    }
                }
                s.show_done(&run.exam, &run.student, &result, true);
                ctx.request_repaint();
            }
        }
    }
}
