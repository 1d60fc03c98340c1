//! The practice test screen (like Quizlet's Test, offline): choose decks, how many
//! questions and which forms; answer them; then the score with every mistake, its right
//! answer, note and source. A seed reproduces a test.

use super::Action;
use super::question::{Draft, Use, question_ui};
use crate::ids::DeckId;
use crate::quiz::{self, PracticeTest, QuestionKind, Report};
use crate::tr;
use egui::RichText;

/// The practice test screen.
#[derive(Debug)]
pub struct PracticeScreen {
    /// Decks offered, with whether each is chosen.
    pub decks: Vec<(DeckId, String, bool)>,
    /// Questions wanted.
    pub count: usize,
    /// Question forms, with whether each is allowed.
    pub kinds: Vec<(QuestionKind, bool)>,
    /// A seed typed by the student (empty: a new test each time).
    pub seed: String,
    /// The test being taken.
    pub test: Option<PracticeTest>,
    /// One draft answer per question.
    pub drafts: Vec<Draft>,
    /// The question shown.
    pub index: usize,
    /// The score, once finished.
    pub report: Option<Report>,
    /// A problem to show.
    pub error: Option<String>,
    /// Record the answers in the study schedule too (off by default).
    pub feed_schedule: bool,
    /// The test is being made on another thread (a big library): a spinner, and "Start
    /// test" waits.
    pub preparing: bool,
}

/// A practice test being made on another thread ([`update`], from
/// [`super::jobs::BACKGROUND_FROM_CARDS`] cards: a 100,000-card deck takes most of a
/// second).
pub(super) type TestJob = super::jobs::Job<Result<PracticeTest, crate::quiz::QuizError>>;

/// The name of a question form.
pub fn kind_label(k: QuestionKind) -> String {
    match k {
        QuestionKind::MultipleChoice => tr!("practice-multiple-choice"),
        QuestionKind::TrueFalse => tr!("practice-true-false"),
        QuestionKind::Typed => tr!("practice-typed"),
        QuestionKind::Match => tr!("practice-match"),
        QuestionKind::Order => tr!("practice-order"),
        QuestionKind::Cloze => tr!("practice-cloze"),
    }
}

/// The decks and question forms ticked in a set-up list (practice tests and new exams).
pub(super) fn chosen(
    decks: &[(DeckId, String, bool)],
    kinds: &[(QuestionKind, bool)],
) -> (Vec<DeckId>, Vec<QuestionKind>) {
    let decks = decks.iter().filter(|d| d.2).map(|d| d.0.clone()).collect();
    let kinds = kinds.iter().filter(|k| k.1).map(|k| k.0).collect();
    (decks, kinds)
}

impl PracticeScreen {
    /// A setup screen over these decks (id, title).
    pub fn new(decks: Vec<(DeckId, String)>) -> Self {
        PracticeScreen {
            decks: decks.into_iter().map(|(id, t)| (id, t, false)).collect(),
            count: 20,
            kinds: QuestionKind::ALL.iter().map(|k| (*k, true)).collect(),
            seed: String::new(),
            test: None,
            drafts: Vec::new(),
            index: 0,
            report: None,
            error: None,
            feed_schedule: false,
            preparing: false,
        }
    }

    /// Starts taking `test`.
    pub fn begin(&mut self, test: PracticeTest) {
        self.drafts = test.questions.iter().map(Draft::for_question).collect();
        self.index = 0;
        self.report = None;
        self.error = None;
        self.test = Some(test);
    }

    /// Draws the screen and returns what the student asked for.
    pub fn ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        if self.test.is_some() && self.report.is_none() {
            // Taking a test: the question scrolls, the buttons that go on stay in view.
            return self.taking_ui(ui);
        }
        // Each page (set-up, score) opens at its top.
        let page = if self.report.is_some() {
            "score"
        } else {
            "setup"
        };
        egui::ScrollArea::vertical()
            .id_salt(("practice", page, self.test.as_ref().map(|t| t.seed)))
            .auto_shrink([false, false])
            .show(ui, |ui| {
                let a = self.page_ui(ui);
                super::frame::follow_focus(ui);
                a
            })
            .inner
    }

    fn page_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        if super::nav::back_button(ui, tr!("practice-back-to-decks")).clicked() {
            return Some(Action::BackToLibrary);
        }
        if let Some(e) = &self.error {
            ui.colored_label(super::theme::wrong_color(ui), e.as_str());
        }
        if let (Some(test), Some(report)) = (&self.test, &self.report) {
            let seed = tr!("practice-seed-repeats", seed = test.seed.to_string());
            super::question::results_ui(ui, test, report, Some(&seed));
            if ui.button(tr!("practice-new-test")).clicked() {
                self.test = None;
                self.report = None;
            }
            return None;
        }
        self.setup_ui(ui)
    }

    fn setup_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let mut action = None;
        ui.heading(tr!("practice-practice-test"));
        ui.label(tr!("practice-decks"));
        // Shorter on a short window, so that Start test stays in view.
        let list_height = if super::question::compact(ui) {
            100.0
        } else {
            220.0
        };
        super::frame::scrolled(
            egui::ScrollArea::vertical()
                .id_salt("practice-decks")
                .max_height(list_height),
            ui,
            |ui| {
                for (_, title, on) in &mut self.decks {
                    ui.checkbox(on, title.as_str());
                }
            },
        );
        ui.horizontal(|ui| {
            let l = ui.label(tr!("practice-questions"));
            ui.add(egui::DragValue::new(&mut self.count).range(1..=200))
                .labelled_by(l.id);
        });
        ui.horizontal_wrapped(|ui| {
            ui.label(tr!("practice-forms"));
            for (k, on) in &mut self.kinds {
                ui.checkbox(on, kind_label(*k));
            }
        });
        ui.checkbox(&mut self.feed_schedule, tr!("practice-count-my-answers-in"));
        ui.horizontal(|ui| {
            let l = ui.label(tr!("practice-seed-optional-to-repeat"));
            ui.text_edit_singleline(&mut self.seed).labelled_by(l.id);
        });
        let (decks, kinds) = chosen(&self.decks, &self.kinds);
        let ready = !decks.is_empty() && !kinds.is_empty() && !self.preparing;
        // The spinner beside the button, so it is in view wherever the button is.
        let start = ui
            .horizontal_wrapped(|ui| {
                let start = ui.add_enabled(
                    ready,
                    egui::Button::new(RichText::new(tr!("practice-start-test")).size(18.0)),
                );
                if self.preparing {
                    super::spinner::spinner(ui);
                    ui.label(tr!("practice-preparing"));
                }
                start
            })
            .inner;
        if start.clicked() {
            let seed = match self.seed.trim() {
                "" => None,
                s => match s.parse::<u64>() {
                    Ok(n) => Some(n),
                    Err(_) => {
                        self.error = Some(tr!("practice-seed-not-a-number", seed = s));
                        return None;
                    }
                },
            };
            action = Some(Action::Practice(Msg::Start {
                decks,
                options: quiz::TestOptions {
                    question_count: self.count,
                    kinds,
                },
                seed,
            }));
        }
        action
    }

    fn taking_ui(&mut self, ui: &mut egui::Ui) -> Option<Action> {
        let test = self.test.as_ref()?;
        let n = test.questions.len();
        let mut back = false;
        egui::Panel::top("practice-head").show(ui, |ui| {
            ui.horizontal_wrapped(|ui| {
                back = ui.small_button(tr!("practice-back-to-decks")).clicked();
                ui.label(tr!(
                    "practice-question-of",
                    index = self.index + 1,
                    n = n,
                    seed = test.seed.to_string()
                ));
            });
            ui.add(egui::ProgressBar::new(self.index as f32 / n.max(1) as f32).desired_height(6.0));
        });
        if back {
            return Some(Action::BackToLibrary);
        }
        let mut enter = false;
        let mut finish = false;
        // Drawn first so it keeps its place at the bottom; Enter from the question is
        // applied after the question is drawn.
        let nav = egui::Panel::bottom("practice-nav").show(ui, |ui| {
            ui.add_space(6.0);
            let mut clicked = (false, false, false, false);
            ui.horizontal_wrapped(|ui| {
                clicked.0 = ui
                    .add_enabled(self.index > 0, egui::Button::new(tr!("practice-previous")))
                    .clicked();
                if self.index + 1 < n {
                    clicked.1 = ui.button(tr!("practice-next")).clicked();
                    clicked.3 = ui.button(tr!("practice-finish-now")).clicked();
                } else {
                    clicked.2 = ui.button(tr!("practice-finish-test")).clicked();
                }
            });
            ui.add_space(6.0);
            clicked
        });
        egui::CentralPanel::default_margins().show(ui, |ui| {
            super::frame::page(("practice-question", self.index), ui, |ui| {
                super::study::column(ui, |ui| {
                    let q = &test.questions[self.index];
                    let d = &mut self.drafts[self.index];
                    enter = question_ui(ui, self.index, q, d, None, Use::Test).enter;
                })
            });
        });
        let (prev, next, last, now) = nav.inner;
        if prev {
            self.index -= 1;
        } else if self.index + 1 < n && (next || enter) {
            self.index += 1;
        } else if last || now || (enter && self.index + 1 >= n) {
            finish = true;
        }
        if !finish {
            return None;
        }
        let answers: Vec<_> = test
            .questions
            .iter()
            .zip(&self.drafts)
            .map(|(q, d)| d.answer(q))
            .collect();
        let report = quiz::score(test, &answers);
        // Questions about one card feed its schedule; Match questions built from several
        // cards do not.
        let feed: Vec<_> = report
            .results
            .iter()
            .filter(|r| r.answered)
            .filter_map(|r| {
                let q = &test.questions[r.index];
                match q.cards.as_slice() {
                    [card] => Some((q.deck.clone(), card.clone(), r.right)),
                    _ => None,
                }
            })
            .collect();
        self.report = Some(report);
        (self.feed_schedule && !feed.is_empty()).then_some(Action::Practice(Msg::ToSchedule(feed)))
    }
}

// The app's side of this screen: its messages applied with the profile, the store and
// the session (`QuizApp::apply` routes them here).
use super::{QuizApp, Screen};
use crate::ids::ItemKey;

/// What the practice test screen asks of the app.
#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    /// Generate a practice test (a new seed when none is given).
    Start {
        /// The decks to draw from.
        decks: Vec<DeckId>,
        /// How many questions, which forms.
        options: crate::quiz::TestOptions,
        /// The seed to repeat a test.
        seed: Option<u64>,
    },
    /// Record practice-test answers in the study schedule: (deck, card, right).
    ToSchedule(Vec<(DeckId, crate::ids::CardId, bool)>),
}

/// Applies a practice message (a test from the profile's decks, answers into the schedule).
pub(super) fn update(app: &mut QuizApp, msg: Msg) {
    let now = app.now();
    match msg {
        Msg::Start {
            decks,
            options,
            seed,
        } => {
            let (Some(open), Screen::Practice(screen)) = (&app.open, &mut app.screen) else {
                return;
            };
            let seed = seed
                .unwrap_or_else(|| now.timestamp_subsec_nanos() as u64 ^ now.timestamp() as u64);
            let library = open.library.clone();
            let make = move || {
                let chosen: Vec<&crate::deck::Deck> = (decks.iter())
                    .filter_map(|id| library.get(id).map(|d| &d.deck))
                    .collect();
                crate::quiz::generate(&chosen, &options, seed)
            };
            screen.error = None;
            let here = super::jobs::cards(&open.library) < app.background_from;
            match super::jobs::here_or_job(here, "quizdeck-test", make) {
                Ok(made) => take_test(screen, Some(made)),
                Err(job) => {
                    screen.preparing = true;
                    app.test_job = Some(job);
                }
            }
        }
        Msg::ToSchedule(answers) => {
            let Some(open) = &mut app.open else { return };
            // Each card's first item, answered as in study (through a session).
            let answers: Vec<(ItemKey, bool)> = (answers.into_iter())
                .filter_map(|(deck, card, right)| {
                    let part = (open.library.get(&deck))
                        .and_then(|d| d.deck.card(&card))
                        .and_then(|c| c.parts().first().copied())?;
                    Some((ItemKey::new(deck, card, part), right))
                })
                .collect();
            let (recorded, error) = crate::session::record_practice(
                &mut open.store,
                &answers,
                &open.settings.schedule,
                now,
                app.offset,
            );
            match error {
                Some(crate::session::SessionError::Settings(e)) => {
                    return app.banner.push(crate::i18n::message(&e.message()));
                }
                // A failed write keeps the answer unsaved (shown at the top, retried).
                Some(crate::session::SessionError::Store(e)) => app.banner.push(tr!(
                    "msg-an-answer-could-not",
                    error = crate::i18n::message(&e.message())
                )),
                None => {}
            }
            app.banner.push(tr!("msg-answers-added", n = recorded));
        }
    }
}

/// Opens the practice test set-up.
pub(super) fn open(app: &mut QuizApp) {
    if app.open.is_none() {
        return;
    }
    app.screen = Screen::Practice(Box::new(PracticeScreen::new(app.deck_choices())));
}

/// Shows the test made (or why there is none; `None`: the work stopped unexpectedly).
fn take_test(
    screen: &mut PracticeScreen,
    made: Option<Result<PracticeTest, crate::quiz::QuizError>>,
) {
    screen.preparing = false;
    match made {
        Some(Ok(test)) if !test.questions.is_empty() => screen.begin(test),
        Some(Ok(_)) => screen.error = Some(tr!("app-these-decks-give-no")),
        Some(Err(e)) => screen.error = Some(crate::i18n::message(&e.message())),
        None => {
            screen.error = Some(tr!(
                "practice-not-made",
                error = tr!("msg-stopped-unexpectedly")
            ))
        }
    }
}

/// The test made on another thread, once it is ready (waited for when `wait`); one for a
/// practice screen left meanwhile is not wanted.
pub(super) fn poll_test(app: &mut QuizApp, wait: bool) {
    let Some(made) = super::ended(&app.test_job, wait) else {
        return;
    };
    app.test_job = None;
    if let Screen::Practice(screen) = &mut app.screen
        && screen.preparing
    {
        take_test(screen, made);
    }
}
