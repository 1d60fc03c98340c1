//! The teacher's screen, apart from the students' exam screen: make an exam (decks,
//! questions, pool, forms, minutes, feedback, time policy), see the teacher's code, and
//! read a results folder into the class table and the hardest questions.

use super::Action;
use super::file_picker::PickFor;
use crate::exam::{ClassResults, Feedback, TimePolicy};
use crate::ids::DeckId;
use crate::quiz::QuestionKind;
use crate::tr;
use egui::RichText;
use std::path::PathBuf;

/// What the teacher asked for when making an exam.
#[derive(Debug, Clone, PartialEq)]
pub struct NewExam {
    /// The decks the questions come from.
    pub decks: Vec<DeckId>,
    /// The exam's title.
    pub title: String,
    /// Questions each student answers.
    pub questions: usize,
    /// A larger pool to draw them from, if any.
    pub pool: Option<usize>,
    /// Allowed question forms.
    pub kinds: Vec<QuestionKind>,
    /// Time limit in minutes.
    pub minutes: u32,
    /// When students see their results.
    pub feedback: Feedback,
    /// Whether the clock runs while the app is closed.
    pub time_policy: TimePolicy,
    /// Where to write the students' file (the key file goes beside it).
    pub output: PathBuf,
}

/// The teacher's screen.
#[derive(Debug)]
pub struct TeacherScreen {
    /// Decks offered (id, title, chosen).
    pub decks: Vec<(DeckId, String, bool)>,
    /// The exam's title.
    pub title: String,
    /// Questions per student.
    pub questions: usize,
    /// Draw from a larger pool.
    pub use_pool: bool,
    /// The pool's size.
    pub pool: usize,
    /// Question forms (kind, chosen).
    pub kinds: Vec<(QuestionKind, bool)>,
    /// Time limit in minutes.
    pub minutes: u32,
    /// When students see their results.
    pub feedback: Feedback,
    /// Whether the clock runs while the app is closed.
    pub time_policy: TimePolicy,
    /// Where to write the students' exam file.
    pub output: String,
    /// The key file to grade with.
    pub key_file: String,
    /// The results folder to read.
    pub results_dir: String,
    /// The class results read last.
    pub results: Option<ClassResults>,
    /// Where the class table was written, or why not.
    pub csv_note: Option<String>,
    /// A message (files written, the teacher's code, or what went wrong).
    pub message: Option<String>,
    /// A new message is to be brought into view (once): the button that asked for it
    /// may be far below it at a large text size.
    new_message: bool,
    /// The exam is being made on another thread (a big library): a spinner, and "Make
    /// exam" waits.
    pub making: bool,
}

/// An exam being made and written on another thread ([`update`], from
/// [`super::jobs::BACKGROUND_FROM_CARDS`] cards): the key file's path when it was made,
/// and what to say.
pub(super) type ExamJob = super::jobs::Job<(Option<String>, String)>;

impl TeacherScreen {
    /// The screen offering these decks (id, title).
    pub fn new(decks: Vec<(DeckId, String)>) -> TeacherScreen {
        TeacherScreen {
            decks: decks.into_iter().map(|(id, t)| (id, t, false)).collect(),
            title: String::new(),
            questions: 20,
            use_pool: false,
            pool: 40,
            kinds: QuestionKind::ALL.iter().map(|k| (*k, true)).collect(),
            minutes: 20,
            feedback: Feedback::AfterCode,
            time_policy: TimePolicy::WallTime,
            output: String::new(),
            key_file: String::new(),
            results_dir: String::new(),
            results: None,
            csv_note: None,
            message: None,
            new_message: false,
            making: false,
        }
    }

    /// Shows `message` at the top of the screen, brought into view.
    fn say(&mut self, message: String) {
        self.message = Some(message);
        self.new_message = true;
    }

    /// Draws the screen; returns what the teacher asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        ui.horizontal(|ui| {
            ui.heading(tr!("teacher-teacher-exams"));
            if super::nav::back_button(ui, tr!("teacher-back-to-decks")).clicked() {
                action = Some(Action::BackToLibrary);
            }
        });
        if let Some(m) = &self.message {
            let shown = ui.add(egui::Label::new(RichText::new(m).strong()).wrap());
            if std::mem::take(&mut self.new_message) {
                shown.scroll_to_me(Some(egui::Align::TOP));
            }
        }
        egui::CollapsingHeader::new(tr!("teacher-make-an-exam"))
            .default_open(true)
            .show(ui, |ui| {
                if let Some(a) = self.make_ui(ui) {
                    action = Some(a);
                }
            });
        egui::CollapsingHeader::new(tr!("teacher-read-a-class-s"))
            .default_open(true)
            .show(ui, |ui| {
                if let Some(a) = self.results_ui(ui) {
                    action = Some(a);
                }
            });
        action
    }

    fn make_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        ui.label(tr!("teacher-decks-the-questions-come"));
        super::frame::scrolled(
            egui::ScrollArea::vertical()
                .id_salt("teacher-decks")
                .max_height(140.0),
            ui,
            |ui| {
                for (_, title, on) in &mut self.decks {
                    ui.checkbox(on, title.as_str());
                }
            },
        );
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("teacher-forms"));
            for (k, on) in &mut self.kinds {
                ui.checkbox(on, super::practice::kind_label(*k));
            }
        });
        egui::Grid::new("teacher-new")
            .num_columns(2)
            .show(ui, |ui| {
                let l = ui.label(tr!("teacher-title"));
                ui.text_edit_singleline(&mut self.title).labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("teacher-questions-per-student"));
                ui.add(egui::DragValue::new(&mut self.questions).range(1..=200))
                    .labelled_by(l.id);
                ui.end_row();
                let l = ui.checkbox(&mut self.use_pool, tr!("teacher-draw-them-from-a"));
                ui.add_enabled(
                    self.use_pool,
                    egui::DragValue::new(&mut self.pool).range(1..=1000),
                )
                .labelled_by(l.id);
                ui.end_row();
                let l = ui.label(tr!("teacher-minutes"));
                ui.add(egui::DragValue::new(&mut self.minutes).range(1..=600))
                    .labelled_by(l.id);
                ui.end_row();
            });
        let mut picks = Vec::new();
        super::exam::path_row(
            ui,
            &tr!("teacher-save-the-exam-as"),
            &mut self.output,
            &tr!("teacher-choose-where-to-save"),
            Action::Picker(super::file_picker::Msg::Show(PickFor::ExamOutput)),
            &mut picks,
        );
        ui.label(tr!("teacher-students-see-their-results"));
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(
                &mut self.feedback,
                Feedback::AfterCode,
                tr!("teacher-feedback-after-code"),
            );
            ui.radio_value(
                &mut self.feedback,
                Feedback::AtHandIn,
                tr!("teacher-feedback-at-hand-in"),
            );
            ui.radio_value(
                &mut self.feedback,
                Feedback::Never,
                tr!("teacher-feedback-never"),
            );
        });
        ui.label(tr!("teacher-while-the-app-is"));
        ui.horizontal_wrapped(|ui| {
            ui.radio_value(
                &mut self.time_policy,
                TimePolicy::WallTime,
                tr!("teacher-clock-runs-on"),
            );
            ui.radio_value(
                &mut self.time_policy,
                TimePolicy::Pause,
                tr!("teacher-clock-pauses"),
            );
        });
        let (decks, kinds) = super::practice::chosen(&self.decks, &self.kinds);
        let ready = !decks.is_empty()
            && !kinds.is_empty()
            && !self.title.trim().is_empty()
            && !self.output.trim().is_empty()
            && !self.making;
        if let Some(a) = picks.pop() {
            return Some(a);
        }
        // The spinner beside the button, so it is in view wherever the button is.
        let make = ui
            .horizontal_wrapped(|ui| {
                let make = ui.add_enabled(ready, egui::Button::new(tr!("teacher-make-exam")));
                if self.making {
                    super::spinner::spinner(ui);
                    ui.label(tr!("teacher-making-exam"));
                }
                make
            })
            .inner;
        if !ready && !self.making {
            ui.label(RichText::new(tr!("teacher-make-exam-needs")).weak());
        }
        if make.clicked() {
            return Some(Action::Teacher(Msg::Create(Box::new(NewExam {
                decks,
                title: self.title.trim().to_owned(),
                questions: self.questions,
                pool: self.use_pool.then_some(self.pool.max(self.questions)),
                kinds,
                minutes: self.minutes,
                feedback: self.feedback,
                time_policy: self.time_policy,
                output: PathBuf::from(self.output.trim()),
            }))));
        }
        None
    }

    fn results_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut picks = Vec::new();
        super::exam::path_row(
            ui,
            &tr!("teacher-key-file-name-key"),
            &mut self.key_file,
            &tr!("teacher-choose-the-key-file"),
            Action::Picker(super::file_picker::Msg::Show(PickFor::KeyFile)),
            &mut picks,
        );
        super::exam::path_row(
            ui,
            &tr!("teacher-results-folder"),
            &mut self.results_dir,
            &tr!("teacher-choose-the-results-folder"),
            Action::Picker(super::file_picker::Msg::Show(PickFor::ClassResults)),
            &mut picks,
        );
        let mut action = picks.pop();
        let ready = !self.key_file.trim().is_empty() && !self.results_dir.trim().is_empty();
        if ui
            .add_enabled(ready, egui::Button::new(tr!("teacher-read-results")))
            .clicked()
        {
            action = Some(Action::Teacher(Msg::Results {
                exam: PathBuf::from(self.key_file.trim()),
                dir: PathBuf::from(self.results_dir.trim()),
            }));
        }
        if let Some(n) = &self.csv_note {
            ui.label(n);
        }
        if let Some(class) = &self.results {
            class_ui(ui, class);
        }
        action
    }
}

/// The class table and the hardest questions.
fn class_ui(ui: &mut egui::Ui, class: &ClassResults) {
    ui.heading(tr!(
        "teacher-class-heading",
        title = &class.title,
        n = class.students.len()
    ));
    egui::ScrollArea::horizontal()
        .id_salt("class-table")
        .show(ui, |ui| {
            egui::Grid::new("class")
                .striped(true)
                .num_columns(7)
                .show(ui, |ui| {
                    for h in [
                        tr!("teacher-name"),
                        tr!("teacher-score"),
                        tr!("teacher-time"),
                        tr!("teacher-away"),
                        tr!("teacher-resumes"),
                        tr!("teacher-flags"),
                        tr!("teacher-questions"),
                    ] {
                        ui.label(RichText::new(h).strong());
                    }
                    ui.end_row();
                    for s in &class.students {
                        ui.label(&s.name);
                        ui.label(format!("{}/{} ({:.0}%)", s.score, s.asked, s.percent));
                        ui.label(format!("{}:{:02}", s.time_secs / 60, s.time_secs % 60));
                        ui.label(format!("{}:{:02}", s.away_secs / 60, s.away_secs % 60));
                        ui.label(s.resumes.to_string());
                        let flags = s.flags();
                        if flags.is_empty() {
                            ui.label("");
                        } else {
                            ui.colored_label(super::theme::wrong_color(ui), flags.join(", "));
                        }
                        let per: Vec<String> = s
                            .outcomes
                            .iter()
                            .enumerate()
                            .filter(|(_, o)| **o != crate::exam::Outcome::NotAsked)
                            .map(|(i, o)| format!("{}{}", i + 1, o.letter()))
                            .collect();
                        ui.label(per.join(" "));
                        ui.end_row();
                    }
                });
        });
    ui.label(tr!("teacher-r-right-w-wrong"));
    ui.heading(tr!("teacher-hardest-questions"));
    for q in class.summary().iter().take(5) {
        ui.add(
            egui::Label::new(tr!(
                "teacher-hardest-question",
                id = q.id.to_string(),
                percent = crate::i18n::dec(q.percent, 0),
                right = q.right,
                asked = q.asked,
                prompt = &q.prompt
            ))
            .wrap(),
        );
    }
    for (f, why) in &class.unreadable {
        ui.label(tr!(
            "teacher-unreadable",
            file = f.display().to_string(),
            why = crate::i18n::message(why)
        ));
    }
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{QuizApp, Screen};

/// What the teacher's screen asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Make an exam file.
    Create(Box<NewExam>),
    /// Merge a class's result files; writes the class CSV into the folder.
    Results {
        /// The teacher's key file.
        exam: PathBuf,
        /// The folder of result files.
        dir: PathBuf,
    },
}

/// Applies a teacher message: making an exam, reading a class's results.
pub(super) fn update(app: &mut QuizApp, msg: Msg) {
    match msg {
        Msg::Create(new) => {
            let (Some(open), Screen::Teacher(screen)) = (&app.open, &mut app.screen) else {
                return;
            };
            // One exam at a time: two could write the same files, and one would go unsaid.
            if app.exam_job.is_some() {
                screen.making = true;
                return;
            }
            if let Some(key) = crate::exam::Exam::earlier_key(&new.output) {
                screen.say(tr!("app-exam-key-exists", key = key.display().to_string()));
                return;
            }
            let library = open.library.clone();
            let make = move || make_exam(&library, &new);
            let here = super::jobs::cards(&open.library) < app.background_from;
            match super::jobs::here_or_job(here, "quizdeck-exam", make) {
                Ok((key, said)) => take_exam(screen, key, said),
                Err(job) => {
                    screen.making = true;
                    app.exam_job = Some(job);
                }
            }
        }
        Msg::Results { exam, dir } => {
            let Screen::Teacher(screen) = &mut app.screen else {
                return;
            };
            let merged =
                crate::exam::Exam::load(&exam).and_then(|e| crate::exam::merge_results(&dir, &e));
            match merged {
                Ok(class) => {
                    let csv = dir.join(format!("class-{}.csv", class.exam_id));
                    let written = crate::import_export::write_atomic(
                        &csv,
                        &class.to_csv(crate::csv_out::CsvOptions::default()),
                    );
                    screen.csv_note = Some(match written {
                        Ok(()) => {
                            tr!("msg-class-table-written", file = csv.display().to_string())
                        }
                        Err(e) => tr!(
                            "msg-the-class-table-could",
                            error = crate::i18n::message(&e.message())
                        ),
                    });
                    screen.results = Some(class);
                }
                Err(e) => {
                    screen.results = None;
                    screen.csv_note = Some(tr!(
                        "msg-the-results-could-not",
                        error = crate::i18n::message(&e.message())
                    ));
                }
            }
        }
    }
}

/// Opens the teacher's screen.
pub(super) fn open(app: &mut QuizApp) {
    if app.open.is_none() {
        return;
    }
    let mut screen = TeacherScreen::new(app.deck_choices());
    // An exam still being made (the teacher left and came back) is waited for here.
    screen.making = app.exam_job.is_some();
    app.screen = Screen::Teacher(Box::new(screen));
}

/// Makes the exam `new` asks for from `library`'s decks and writes it: the key file's
/// path when it was made, and what to say.
fn make_exam(library: &crate::library::Library, new: &NewExam) -> (Option<String>, String) {
    let chosen: Vec<crate::deck::Deck> = (new.decks.iter())
        .filter_map(|id| library.get(id).map(|d| d.deck.clone()))
        .collect();
    let made = crate::exam::seal::fresh_master()
        .map_err(crate::exam::ExamError::system)
        .and_then(|master| {
            let seed = crate::exam::seed_from_master(&master);
            let id = crate::exam::id_from_master(&new.title, &master);
            crate::exam::Exam::create(
                id,
                new.title.clone(),
                &chosen,
                crate::exam::ExamSettings {
                    question_count: new.questions,
                    kinds: new.kinds.clone(),
                    seed,
                    minutes: new.minutes,
                    feedback: new.feedback,
                    time_policy: new.time_policy,
                    pool: new.pool,
                },
                master,
            )
        })
        .and_then(|e| e.save(&new.output).map(|()| e));
    match made {
        Ok(e) => {
            let key = crate::exam::Exam::key_path(&new.output);
            let mut m = tr!(
                "msg-exam-saved",
                exam = new.output.display().to_string(),
                questions = e.settings.question_count,
                minutes = new.minutes,
                key = key.display().to_string()
            );
            if let Some(code) = &e.teacher_code {
                m.push(' ');
                m.push_str(&tr!("msg-exam-code", code = code.as_str()));
            }
            (Some(key.display().to_string()), m)
        }
        Err(e) => (
            None,
            tr!(
                "msg-the-exam-was-not",
                error = crate::i18n::message(&e.message())
            ),
        ),
    }
}

/// Shows the exam made: its key file chosen for grading, and what to say.
fn take_exam(screen: &mut TeacherScreen, key: Option<String>, said: String) {
    screen.making = false;
    if let Some(key) = key {
        screen.key_file = key;
    }
    screen.say(said);
}

/// The exam made on another thread, once it is ready (waited for when `wait`). Said on
/// the teacher's screen if it is still open (the files are written either way).
pub(super) fn poll_exam(app: &mut QuizApp, wait: bool) {
    let Some(made) = super::ended(&app.exam_job, wait) else {
        return;
    };
    app.exam_job = None;
    let (key, said) = made.unwrap_or_else(|| {
        (
            None,
            tr!(
                "msg-the-exam-was-not",
                error = tr!("msg-stopped-unexpectedly")
            ),
        )
    });
    match &mut app.screen {
        Screen::Teacher(screen) if screen.making => take_exam(screen, key, said),
        _ => app.banner.push(said),
    }
}
