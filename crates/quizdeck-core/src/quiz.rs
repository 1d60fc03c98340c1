//! Practice tests: questions generated from any card of some decks, seeded so that one seed
//! always gives the same test (with the same build of quizdeck), and scored into a report.
//!
//! A Basic or TypeIn card can be asked typed, as multiple choice (distractors are other
//! cards' answers and the authors' own distractors from the same decks, of the same
//! [`AnswerKind`]: years with years, full dates with dates, spans with spans, figures of
//! similar size with figures, people with people and places with places — what the
//! question asks for, "who", "where", "which port", decides — never a text the question
//! itself names) or as true/false (its question paired with a wrong answer of the same
//! kind, or its own right answer half the time). Match questions are also built from several such cards. Native
//! kinds (multiple choice, true/false, order, match, cloze) are asked as themselves.
//! Distractors never equal, after [`normalize_for_search`], the answer or any accepted answer.

use crate::answer::{Strictness, normalize_for_search};
use crate::deck::{Card, CardKind, Deck};
use crate::ids::{CardId, DeckId};
use rand::rngs::StdRng;
use rand::seq::SliceRandom;
use rand::{Rng, SeedableRng};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};

mod classify;
mod generate;
pub(crate) use classify::classify;
use classify::magnitude;
pub use classify::{AnswerKind, answer_kind};
pub use generate::generate;

/// Most options in a multiple-choice question (the answer plus three distractors).
pub(crate) const MAX_OPTIONS: usize = 4;
/// Fewest distractors a generated multiple-choice question needs.
pub(crate) const MIN_DISTRACTORS: usize = 2;
/// Pairs in a Match question built from several cards.
pub(crate) const MATCH_PAIRS: usize = 4;
/// Fewest pairs in a Match question built from several cards.
pub(crate) const MIN_MATCH_PAIRS: usize = 3;

/// Errors of practice-test generation.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum QuizError {
    /// No question form was allowed.
    #[error("{}", self.message())]
    NoKinds,
    /// The question count was zero.
    #[error("{}", self.message())]
    NoQuestionsAsked,
    /// No card of the decks can be asked in the allowed forms.
    #[error("{}", self.message())]
    NothingToAsk,
    /// No card of the decks can be asked in the allowed forms, and some are map cards
    /// that would be, with a question written for tests (`choice_prompt`).
    #[error("{}", self.message())]
    MapsWithoutQuestion,
}

impl QuizError {
    /// What went wrong, as a message for any language.
    pub fn message(&self) -> crate::message::Message {
        crate::message::Message::new(match self {
            QuizError::NoKinds => "quiz-no-kinds",
            QuizError::NoQuestionsAsked => "quiz-no-questions",
            QuizError::NothingToAsk => "quiz-nothing-to-ask",
            QuizError::MapsWithoutQuestion => "quiz-maps-without-question",
        })
    }
}

/// Result alias of the quiz area.
pub type Result<T, E = QuizError> = std::result::Result<T, E>;

/// The forms a question can take.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum QuestionKind {
    /// Pick one option.
    MultipleChoice,
    /// True or false.
    TrueFalse,
    /// Type the answer.
    Typed,
    /// Match left with right.
    Match,
    /// Put items in order.
    Order,
    /// Fill a gap in a text.
    Cloze,
}

impl QuestionKind {
    /// Every form, in a fixed order.
    pub const ALL: [QuestionKind; 6] = [
        QuestionKind::MultipleChoice,
        QuestionKind::TrueFalse,
        QuestionKind::Typed,
        QuestionKind::Match,
        QuestionKind::Order,
        QuestionKind::Cloze,
    ];
}

/// What a test should contain.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct TestOptions {
    /// How many questions (fewer when the decks cannot give that many).
    pub question_count: usize,
    /// The allowed question forms.
    pub kinds: Vec<QuestionKind>,
}

/// How a question is answered and what is right.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum QuestionForm {
    /// Pick one of `options`; any index in `correct` is right.
    MultipleChoice {
        /// The options, shuffled.
        options: Vec<String>,
        /// Indices of the right options.
        correct: Vec<usize>,
    },
    /// Say whether the statement is true.
    TrueFalse {
        /// The statement shown.
        statement: String,
        /// Whether it is true.
        truth: bool,
        /// What is right instead, for a false statement (may be empty).
        correction: String,
    },
    /// Type the answer.
    Typed {
        /// Accepted answers; the first is shown as the right one.
        accepted: Vec<String>,
    },
    /// Fill the gap of a cloze text (shown in the prompt).
    Cloze {
        /// Accepted answers for the gap.
        accepted: Vec<String>,
    },
    /// Match each left item with a right item.
    Match {
        /// Left items, in the order asked.
        left: Vec<String>,
        /// Right items, shuffled.
        right: Vec<String>,
        /// For each left item, the index of its right item.
        solution: Vec<usize>,
    },
    /// Put the items in order.
    Order {
        /// The items, shuffled.
        items: Vec<String>,
        /// Indices into `items` in the right order.
        solution: Vec<usize>,
    },
}

/// A student's answer to one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Answer {
    /// The index of the option picked.
    Choice(usize),
    /// True or false.
    Bool(bool),
    /// A typed answer (typed and cloze questions).
    Text(String),
    /// For each left item, the index of the right item chosen.
    Matching(Vec<usize>),
    /// Indices into the shown items, in the order the student put them.
    Ordering(Vec<usize>),
}

/// One question of a practice test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Question {
    /// The form it is asked in.
    pub kind: QuestionKind,
    /// The deck of the card(s) asked.
    pub deck: DeckId,
    /// The card(s) asked (several for a Match built from cards).
    pub cards: Vec<CardId>,
    /// What the student reads.
    pub prompt: String,
    /// How it is answered and what is right.
    pub form: QuestionForm,
    /// The right answer as a reader sees it.
    pub right_answer: String,
    /// The card's note (notes of several cards joined).
    pub note: String,
    /// The card's source label ("Document › Section"), if any.
    pub source: Option<String>,
}

impl Question {
    /// Whether `answer` is right (typed answers are checked as in study, accents ignored
    /// with a note, slips of one letter accepted).
    pub(crate) fn is_right(&self, answer: &Answer) -> bool {
        crate::ask::judge(&self.form, answer, Strictness::IgnoreAccentsWithNote).correct
    }
}

/// A generated practice test.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PracticeTest {
    /// The seed it was generated with.
    pub seed: u64,
    /// The questions, in the order asked.
    pub questions: Vec<Question>,
}

/// The outcome of one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionResult {
    /// Position in the test (0-based).
    pub index: usize,
    /// Whether it was answered right (unanswered is wrong).
    pub right: bool,
    /// Whether it was answered at all.
    pub answered: bool,
    /// The right answer as a reader sees it.
    pub right_answer: String,
    /// The card's note.
    pub note: String,
    /// The card's source label.
    pub source: Option<String>,
}

/// A scored test.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Report {
    /// One result per question, in test order.
    pub results: Vec<QuestionResult>,
    /// Questions answered right.
    pub right: usize,
    /// Questions in the test.
    pub total: usize,
}

impl Report {
    /// Share right, 0–100 (0 for an empty test).
    pub fn percent(&self) -> f64 {
        if self.total == 0 {
            0.0
        } else {
            100.0 * self.right as f64 / self.total as f64
        }
    }
}

/// Scores `answers` (one slot per question, `None` for unanswered; missing slots count as
/// unanswered, extra ones are ignored).
pub fn score(test: &PracticeTest, answers: &[Option<Answer>]) -> Report {
    let results: Vec<QuestionResult> = test
        .questions
        .iter()
        .enumerate()
        .map(|(i, q)| {
            let a = answers.get(i).and_then(Option::as_ref);
            QuestionResult {
                index: i,
                right: a.is_some_and(|a| q.is_right(a)),
                answered: a.is_some(),
                right_answer: q.right_answer.clone(),
                note: q.note.clone(),
                source: q.source.clone(),
            }
        })
        .collect();
    let right = results.iter().filter(|r| r.right).count();
    Report {
        total: results.len(),
        results,
        right,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::deck;

    const DECK: &str = r#"Deck(format: 1, id: "d", title: "D", cards: [
        Card(id: "y1", kind: TypeIn(question: "Year of the pact?", answers: ["1939"])),
        Card(id: "y2", kind: TypeIn(question: "Year of the ultimatums?", answers: ["1940"])),
        Card(id: "y3", kind: TypeIn(question: "Year of the first deportation?", answers: ["1941"])),
        Card(id: "y4", kind: TypeIn(question: "Year of independence?", answers: ["1918"])),
        Card(id: "n1", kind: Basic(front: "How many troops?", back: "25,000", reverse: false)),
        Card(id: "n2", kind: Basic(front: "How many deported?", back: "30,000", reverse: false)),
        Card(id: "n3", kind: Basic(front: "How many bases?", back: "12", reverse: false)),
        Card(id: "p1", kind: TypeIn(question: "Latvian leader?", answers: ["Kārlis Ulmanis", "Ulmanis"])),
        Card(id: "p2", kind: TypeIn(question: "Estonian leader?", answers: ["Konstantin Päts"])),
        Card(id: "p3", kind: TypeIn(question: "Lithuanian leader?", answers: ["Antanas Smetona"])),
    ])"#;

    const LOCATE_DECK: &str = r#"Deck(format: 3, id: "m", title: "M", cards: [
        Card(id: "l1", note: "n", kind: Locate(prompt: "Click the port on the map.",
            choice_prompt: "Which of these is the port?", picture: "map.png",
            answer: Circle(name: "Liepāja", x: 10, y: 10, r: 5),
            others: [Circle(name: "Riga", x: 40, y: 10, r: 5), Circle(name: "Tallinn", x: 40, y: 40, r: 5),
                     Polygon(name: "Narva", points: [(0, 50), (20, 50), (10, 60)])])),
        Card(id: "l2", kind: Locate(prompt: "Where is the lone place?", choice_prompt: "Which place?",
            picture: "map.png", answer: Circle(name: "Paldiski", x: 10, y: 10, r: 5))),
        Card(id: "l3", kind: Locate(prompt: "Click the capital on the map.", picture: "map.png",
            answer: Circle(name: "Riga", x: 40, y: 10, r: 5),
            others: [Circle(name: "Liepāja", x: 10, y: 10, r: 5), Circle(name: "Tallinn", x: 40, y: 40, r: 5)])),
    ])"#;

    #[test]
    fn locate_cards_are_asked_as_a_choice_of_region_names() {
        let deck = deck::check_text(LOCATE_DECK, "m.ron", None).deck.unwrap();
        let opts = TestOptions {
            question_count: 10,
            kinds: QuestionKind::ALL.to_vec(),
        };
        for seed in 0..20 {
            let test = generate(&[&deck], &opts, seed).unwrap();
            // The card without other regions cannot be asked as a choice, nor the card
            // without a question written for a choice (its prompt needs the map).
            assert_eq!(test.questions.len(), 1);
            let q = &test.questions[0];
            assert_eq!(q.kind, QuestionKind::MultipleChoice);
            assert_eq!(q.prompt, "Which of these is the port?");
            assert_eq!(q.right_answer, "Liepāja");
            let QuestionForm::MultipleChoice { options, correct } = &q.form else {
                panic!("{:?}", q.form);
            };
            assert_eq!(options.len(), MAX_OPTIONS);
            assert_eq!(correct.len(), 1);
            assert_eq!(options[correct[0]], "Liepāja");
            assert!(q.is_right(&Answer::Choice(correct[0])));
            let wrong = (0..options.len()).find(|i| !correct.contains(i)).unwrap();
            assert!(!q.is_right(&Answer::Choice(wrong)));
            assert_eq!(q.note, "n");
        }
        let typed_only = TestOptions {
            question_count: 10,
            kinds: vec![QuestionKind::Typed, QuestionKind::TrueFalse],
        };
        assert_eq!(
            generate(&[&deck], &typed_only, 1),
            Err(QuizError::NothingToAsk)
        );
        // Only map cards without a question for tests: the error says what they need.
        let unasked = LOCATE_DECK.replace("choice_prompt: \"Which of these is the port?\",", "");
        let deck = deck::check_text(&unasked, "m.ron", None).deck.unwrap();
        let err = generate(&[&deck], &opts, 1).unwrap_err();
        assert_eq!(err, QuizError::MapsWithoutQuestion);
        assert!(err.to_string().contains("choice_prompt"), "{err}");
    }

    /// The map cards of `text` (with the deck [`LOCATE_DECK`]'s l1 and l2) asked in 20
    /// tests of every card.
    fn maps_asked(extra: &str) -> HashSet<String> {
        let text = LOCATE_DECK.replace("    ])", &format!("        {extra}\n    ])"));
        let deck = deck::check_text(&text, "m.ron", None).deck.unwrap();
        let opts = TestOptions {
            question_count: 100,
            kinds: QuestionKind::ALL.to_vec(),
        };
        let mut asked = HashSet::new();
        for seed in 0..20 {
            for q in generate(&[&deck], &opts, seed).unwrap().questions {
                if q.cards[0].as_str().starts_with('l') {
                    asked.insert(q.cards[0].to_string());
                }
            }
        }
        asked
    }

    #[test]
    fn a_map_card_whose_place_another_card_names_in_an_answer_is_left_out_of_tests() {
        let only_l1 = HashSet::from(["l1".to_owned()]);
        // Another card's answer names Liepāja: as itself, within a phrase, as a cloze gap,
        // as one side of a pair, or as a reversed card's front.
        for other in [
            r#"Card(id: "t", kind: TypeIn(question: "Which port had the base?", answers: ["Liepaja"]))"#,
            r#"Card(id: "t", kind: MultipleChoice(question: "Which treaty?", answer: "The Port of Liepāja treaty", distractors: ["A", "B"]))"#,
            r#"Card(id: "t", kind: Cloze(text: "The base was at {{c1::Liepāja}}."))"#,
            r#"Card(id: "t", kind: Match(prompt: "Pair", pairs: [("naval base", "Liepāja"), ("radar", "Skrunda"), ("space", "Ventspils")]))"#,
            r#"Card(id: "t", kind: Basic(front: "Liepāja", back: "A port", reverse: true))"#,
        ] {
            assert!(maps_asked(other).is_empty(), "{other}");
        }
        // Not as whole words, in a question, or on a card's front asked one way only: asked.
        for other in [
            r#"Card(id: "t", kind: TypeIn(question: "Which port had the base?", answers: ["Liepājas osta"]))"#,
            r#"Card(id: "t", kind: TypeIn(question: "What was at Liepāja?", answers: ["A naval base"]))"#,
            r#"Card(id: "t", kind: Basic(front: "Liepāja", back: "A port"))"#,
        ] {
            assert_eq!(maps_asked(other), only_l1, "{other}");
        }
        assert_eq!(maps_asked(""), only_l1);
        // A place named with another name in brackets is found by its first name too.
        let leningrad = r#"Card(id: "l4", kind: Locate(prompt: "Click it.", choice_prompt: "Which city?", picture: "map.png",
            answer: Circle(name: "Leningrad (Saint Petersburg)", x: 10, y: 10, r: 5),
            others: [Circle(name: "Riga", x: 40, y: 10, r: 5), Circle(name: "Tallinn", x: 40, y: 40, r: 5)])),"#;
        let asked = maps_asked(&format!(
            r#"{leningrad}
        Card(id: "t", kind: TypeIn(question: "Which city did Moscow fear for?", answers: ["Leningrad"]))"#
        ));
        assert_eq!(asked, only_l1);
        assert!(maps_asked(leningrad).contains("l4"));
    }

    #[test]
    fn a_deck_of_many_map_cards_and_long_answers_makes_its_test() {
        // 10,000 map cards and 10,000 cards whose 60-word answers each name one place (6 MB
        // of deck): each answer's runs of words are looked up once, not matched against
        // every place.
        const N: usize = 10_000;
        let mut text = String::from(r#"Deck(format: 3, id: "m", title: "M", cards: ["#);
        for i in 0..N {
            text.push_str(&format!(
                r#"Card(id: "l{i}", kind: Locate(prompt: "p", choice_prompt: "Which place {i}?", picture: "map.png",
                answer: Circle(name: "Place number {i}", x: 10, y: 10, r: 5),
                others: [Circle(name: "Other {i}", x: 40, y: 10, r: 5), Circle(name: "Third {i}", x: 40, y: 40, r: 5)])),
                Card(id: "b{i}", kind: Basic(front: "What happened {i}?", back: "{} at place number {} {}")),"#,
                "word ".repeat(30),
                i * 2,
                "more ".repeat(26)
            ));
        }
        text.push_str("])");
        let deck = deck::check_text(&text, "m.ron", None).deck.unwrap();
        let opts = TestOptions {
            question_count: 100,
            kinds: vec![QuestionKind::MultipleChoice],
        };
        let mut maps = 0;
        for q in generate(&[&deck], &opts, 1).unwrap().questions {
            if let Some(n) = q.cards[0].as_str().strip_prefix('l') {
                // The even-numbered places are named in an answer: never asked.
                assert!(n.parse::<usize>().unwrap() % 2 == 1, "{}", q.cards[0]);
                maps += 1;
            }
        }
        assert!(maps > 0);
    }

    #[test]
    fn distractors_have_the_answers_class_and_differ_from_it() {
        let d = deck::load_str(DECK, "d.ron", None).unwrap();
        let opts = TestOptions {
            question_count: 50,
            kinds: vec![QuestionKind::MultipleChoice],
        };
        for seed in 0..20 {
            let t = generate(&[&d], &opts, seed).unwrap();
            assert!(!t.questions.is_empty());
            for q in &t.questions {
                let QuestionForm::MultipleChoice { options, correct } = &q.form else {
                    panic!("{q:?}")
                };
                let class = classify(&q.right_answer);
                assert_eq!(correct.len(), 1);
                for (i, o) in options.iter().enumerate() {
                    assert_eq!(classify(o), class, "{o} for {}", q.right_answer);
                    if !correct.contains(&i) {
                        assert_ne!(
                            normalize_for_search(o),
                            normalize_for_search(&q.right_answer)
                        );
                        assert_ne!(normalize_for_search(o), "ulmanis");
                    }
                }
            }
        }
    }

    const KINDS: &str = r#"Deck(format: 1, id: "k", title: "K", cards: [
        Card(id: "pl1", kind: TypeIn(question: "Where was the first base?", answers: ["Paldiski"])),
        Card(id: "pl2", kind: TypeIn(question: "In which city did the assembly meet?", answers: ["Tallinn"])),
        Card(id: "pl3", kind: TypeIn(question: "Which port was blockaded?", answers: ["Liepāja"])),
        Card(id: "pl4", kind: TypeIn(question: "Where were the deportees taken?", answers: ["Siberia"])),
        Card(id: "st1", kind: TypeIn(question: "Which state took on the burden of withdrawing the troops?", answers: ["Russia"])),
        Card(id: "st2", kind: TypeIn(question: "Which country did the Soviet Union attack in November 1939?", answers: ["Finland"])),
        Card(id: "st3", kind: TypeIn(question: "Which of the Baltic states was first to declare independence?", answers: ["Lithuania"])),
        Card(id: "st4", kind: TypeIn(question: "Which republic held Vilnius between the wars?", answers: ["Poland"])),
        Card(id: "pe1", kind: TypeIn(question: "Who signed for the Soviet side?", answers: ["Molotov"])),
        Card(id: "pe2", kind: TypeIn(question: "Who was sent to Estonia?", answers: ["Zhdanov"])),
        Card(id: "pe3", kind: TypeIn(question: "Which envoy went to Latvia?", answers: ["Vyshinsky"])),
        Card(id: "pe4", kind: TypeIn(question: "Who went to Lithuania?", answers: ["Dekanozov"])),
        Card(id: "th1", kind: TypeIn(question: "Which newspaper printed it?", answers: ["Izvestia"])),
        Card(id: "th2", kind: TypeIn(question: "What was the airliner called?", answers: ["Kaleva"])),
        Card(id: "th3", kind: TypeIn(question: "What code name did the attack have?", answers: ["Barbarossa"])),
        Card(id: "th4", kind: TypeIn(question: "Which decree was it?", answers: ["Ordinance"])),
        Card(id: "sp1", kind: TypeIn(question: "Over which days were the elections held?", answers: ["14–15 July 1940"])),
        Card(id: "sp2", kind: TypeIn(question: "During which night were they deported?", answers: ["13–14 June 1941"])),
        Card(id: "sp3", kind: TypeIn(question: "Over which days did the strike last?", answers: ["2–3 May 1940"])),
        Card(id: "dt1", kind: TypeIn(question: "On what date was it signed?", answers: ["23 August 1939"])),
        Card(id: "dt2", kind: TypeIn(question: "On what date was the pact agreed?", answers: ["28 September 1939"])),
        Card(id: "dt3", kind: TypeIn(question: "On what date did it begin?", answers: ["17 June 1940"])),
    ])"#;

    /// One-word capitalised places, people and things all looked alike to the earlier
    /// draw; now each is offered only its own kind, and spans of days only spans. A state
    /// is offered states: "Which state took on the burden…?" was offered "Vilnius" and
    /// "Kaliningrad" beside "Russia".
    #[test]
    fn distractors_are_people_for_people_places_for_places_states_for_states() {
        let d = deck::load_str(KINDS, "k.ron", None).unwrap();
        let group = |text: &str| -> &str {
            let c = d
                .cards
                .iter()
                .find(|c| matches!(&c.kind, CardKind::TypeIn { answers, .. } if answers[0] == text))
                .unwrap_or_else(|| panic!("{text:?} is no card's answer"));
            &c.id.as_str()[..2]
        };
        let opts = TestOptions {
            question_count: 50,
            kinds: vec![QuestionKind::MultipleChoice, QuestionKind::TrueFalse],
        };
        let mut mc = 0;
        for seed in 0..30 {
            for q in generate(&[&d], &opts, seed).unwrap().questions {
                match &q.form {
                    QuestionForm::MultipleChoice { options, .. } => {
                        let want = group(&q.right_answer);
                        mc += 1;
                        assert!(options.len() > MIN_DISTRACTORS, "{q:?}");
                        for o in options {
                            assert_eq!(group(o), want, "{o:?} offered for {:?}", q.prompt);
                        }
                    }
                    QuestionForm::TrueFalse {
                        statement,
                        truth: false,
                        correction,
                    } => {
                        let shown = statement.rsplit(" — ").next().unwrap();
                        assert_eq!(group(shown), group(correction), "{statement:?}");
                    }
                    _ => {}
                }
            }
        }
        assert!(mc > 100, "{mc}");
    }

    /// A front and back card whose back is an explanation is never asked to be typed: no
    /// one could type it as written, and nothing else is accepted. Short backs, short
    /// choices and every typed-answer card still are.
    #[test]
    fn explanations_are_not_asked_to_be_typed() {
        const LONG: &str = r#"Deck(format: 1, id: "l", title: "L", cards: [
            Card(id: "why", kind: Basic(front: "Why do the documents call the July 1940 elections rigged?",
                back: "Only one list of candidates was allowed, and the results were published before the count ended", reverse: true)),
            Card(id: "mc", kind: MultipleChoice(question: "What did the new assemblies ask for?",
                answer: "A request to join the Soviet Union at once and without any vote",
                distractors: ["A new election under observers from abroad", "A return to the constitution of 1922"])),
            Card(id: "short", kind: Basic(front: "How many troops?", back: "25,000", reverse: false)),
            Card(id: "typed", kind: TypeIn(question: "Which pact?", answers: ["Pact of defence and mutual assistance between the states"])),
        ])"#;
        let d = deck::load_str(LONG, "l.ron", None).unwrap();
        let typed_only = TestOptions {
            question_count: 10,
            kinds: vec![QuestionKind::Typed],
        };
        let mut asked = std::collections::BTreeSet::new();
        for seed in 0..40 {
            for q in generate(&[&d], &typed_only, seed).unwrap().questions {
                assert_eq!(q.kind, QuestionKind::Typed);
                asked.insert(q.right_answer.clone());
            }
        }
        assert_eq!(
            asked.into_iter().collect::<Vec<_>>(),
            [
                "25,000",
                "Pact of defence and mutual assistance between the states"
            ]
        );
        // The long cards are still asked, as choices or statements.
        let all = TestOptions {
            question_count: 10,
            kinds: QuestionKind::ALL.to_vec(),
        };
        let mut long_asked = 0;
        for seed in 0..40 {
            for q in generate(&[&d], &all, seed).unwrap().questions {
                if q.prompt.starts_with("Why") || q.prompt.starts_with("What did") {
                    assert_ne!(q.kind, QuestionKind::Typed, "{q:?}");
                    long_asked += 1;
                }
            }
        }
        assert!(long_asked > 0);
    }

    /// The questions of forty multiple-choice tests of `count` questions (seeds 0 to 39)
    /// over the deck written in `text`.
    fn choice_tests(text: &str, count: usize) -> Vec<Question> {
        let d = deck::load_str(text, "d.ron", None).unwrap();
        let opts = TestOptions {
            question_count: count,
            kinds: vec![QuestionKind::MultipleChoice],
        };
        (0..40)
            .flat_map(|seed| generate(&[&d], &opts, seed).unwrap().questions)
            .collect()
    }

    /// The prompt and options of every multiple-choice question of [`choice_tests`] whose
    /// prompt `asks`.
    fn options_where(
        text: &str,
        count: usize,
        asks: impl Fn(&str) -> bool,
    ) -> Vec<(String, Vec<String>)> {
        choice_tests(text, count)
            .into_iter()
            .filter(|q| asks(&q.prompt))
            .filter_map(|q| match q.form {
                QuestionForm::MultipleChoice { options, .. } => Some((q.prompt, options)),
                _ => None,
            })
            .collect()
    }

    /// "Over which two days in July 1940…?" is never answered among dates of other
    /// months, which the question itself rules out: only July dates are offered, the
    /// answer's days moved when the deck has too few. A question naming no month draws
    /// from every month as before.
    #[test]
    fn a_question_naming_the_month_is_offered_dates_of_that_month() {
        const SPANS: &str = r#"Deck(format: 1, id: "s", title: "S", cards: [
            Card(id: "in-july", kind: TypeIn(question: "Over which two days in July 1940 were the elections held?", answers: ["14–15 July 1940"])),
            Card(id: "any", kind: TypeIn(question: "Over which days did the strike last?", answers: ["2–3 May 1940"])),
            Card(id: "d1", kind: TypeIn(question: "During which night were they deported?", answers: ["13–14 June 1941"])),
            Card(id: "d2", kind: TypeIn(question: "Between which dates did it run?", answers: ["16 June – 5 August 1940"])),
            Card(id: "d3", kind: TypeIn(question: "Over which days did the congress sit?", answers: ["21–22 July 1940"])),
        ])"#;
        let (mut july, mut other_months) = (0, 0);
        for q in choice_tests(SPANS, 10) {
            let QuestionForm::MultipleChoice { options, .. } = &q.form else {
                panic!("{q:?}")
            };
            let distinct: std::collections::HashSet<_> = options.iter().collect();
            assert_eq!(distinct.len(), options.len(), "{options:?}");
            if q.prompt.contains("July") {
                july += 1;
                assert_eq!(options.len(), MAX_OPTIONS, "{options:?}");
                for o in options {
                    assert!(
                        o.contains("July") && !o.contains("June"),
                        "{o:?} for {:?}",
                        q.prompt
                    );
                }
            } else if options
                .iter()
                .any(|o| o.contains("June") || o.contains("July"))
                && q.right_answer == "2–3 May 1940"
            {
                other_months += 1;
            }
        }
        assert!(july > 0 && other_months > 0, "{july} {other_months}");
    }

    /// Figures and dates written as phrases are not names, nor are answers that lean on
    /// their own question: a name's question is never offered "Two hundred", "In
    /// December 1987", "Its runway" or "Proclaimed full independence" (an exam offered
    /// "Two hundred" and "Two thousand" for the name of the reformists' coalitions, a
    /// practice test "Its runway", then "Proclaimed full independence").
    #[test]
    fn phrases_of_figures_and_dates_are_not_offered_for_names() {
        const NAMES: &str = r#"Deck(format: 1, id: "n", title: "N", cards: [
            Card(id: "fronts", kind: TypeIn(question: "What name was given to the coalitions of reformists?", answers: ["Popular Fronts"])),
            Card(id: "chain", kind: TypeIn(question: "What name was given to the human chain?", answers: ["Baltic Way"])),
            Card(id: "lith", kind: TypeIn(question: "What name did the Lithuanian movement take?", answers: ["Sąjūdis"])),
            Card(id: "song", kind: TypeIn(question: "What name was given to the protests in song?", answers: ["Singing Revolution"])),
            Card(id: "many", kind: TypeIn(question: "How many delegates came?", answers: ["Two hundred"])),
            Card(id: "more", kind: TypeIn(question: "How many signed?", answers: ["More than two thousand"])),
            Card(id: "when", kind: TypeIn(question: "When was the first rally held?", answers: ["In December 1987"])),
            Card(id: "figure", kind: TypeIn(question: "How many people took part?", answers: ["about 10,000"])),
            Card(id: "runway", kind: TypeIn(question: "What did the base keep after 1994?", answers: ["Its runway"])),
            Card(id: "radar", kind: TypeIn(question: "What did Russia run at Skrunda?", answers: ["Its radar station"])),
            Card(id: "act", kind: TypeIn(question: "What did the council do on 20 August?", answers: ["Proclaimed full independence"])),
            Card(id: "act2", kind: TypeIn(question: "What did the congress do?", answers: ["Restored the constitution"])),
            Card(id: "plan", kind: TypeIn(question: "What did the command plan for the division?", answers: ["That they would defend Riga"])),
            Card(id: "plan2", kind: TypeIn(question: "What did the command decide for the legion?", answers: ["That they would be disbanded"])),
            Card(id: "why", kind: TypeIn(question: "Why did Moscow call up reserves?", answers: ["Because it feared a landing"])),
        ])"#;
        let figures = [
            "Two hundred",
            "More than two thousand",
            "In December 1987",
            "about 10,000",
            "Its runway",
            "Its radar station",
            "Proclaimed full independence",
            "Restored the constitution",
            "That they would defend Riga",
            "That they would be disbanded",
            "Because it feared a landing",
        ];
        let asked = options_where(NAMES, 12, |prompt| prompt.contains("name"));
        assert!(!asked.is_empty());
        for (prompt, options) in asked {
            for o in options {
                assert!(!figures.contains(&o.as_str()), "{o:?} for {prompt:?}");
            }
        }
    }

    /// A cloze gap's options are read in its sentence: "the officially […] Baltic states"
    /// was offered "neutral", "15%", "Vistula" and "25%".
    #[test]
    fn a_gaps_options_fit_its_sentence() {
        const GAPS: &str = r#"Deck(format: 1, id: "g", title: "G", cards: [
            Card(id: "c1", kind: Cloze(text: "Moscow praised its relations with the officially {{c1::neutral}} Baltic states.")),
            Card(id: "c2", kind: Cloze(text: "The treaty kept the country {{c1::independent}} in name.")),
            Card(id: "c3", kind: Cloze(text: "The republics were declared {{c1::sovereign}} in 1989.")),
            Card(id: "c4", kind: Cloze(text: "Relations were called {{c1::friendly}} in the press.")),
            Card(id: "r", kind: TypeIn(question: "Which river marked the line?", answers: ["Vistula"])),
            Card(id: "n1", kind: TypeIn(question: "What share voted yes?", answers: ["15%"])),
            Card(id: "n2", kind: TypeIn(question: "What share voted no?", answers: ["25%"])),
            Card(id: "t", kind: TypeIn(question: "What was the code name?", answers: ["Barbarossa"])),
            Card(id: "y", kind: TypeIn(question: "How long did the treaty run?", answers: ["Ten years"])),
        ])"#;
        let asked = options_where(GAPS, 20, |prompt| prompt.contains('['));
        assert!(!asked.is_empty());
        for (prompt, options) in asked {
            for o in options {
                let lower = o.chars().next().is_some_and(char::is_lowercase);
                assert!(lower, "{o:?} offered in {prompt:?}");
            }
        }
    }

    /// "In August 1991" is "August 1991": seen in a practice test that offered both, and
    /// with "In August 1993" in the pool a question answered "August 1993" could have
    /// offered its own answer again as a wrong one. Options are also shown in one style,
    /// so "In August 1993" is not the one right option that opens with "In".
    #[test]
    fn an_answer_with_a_leading_in_is_never_offered_beside_itself() {
        let mut text = String::from(r#"Deck(format: 1, id: "w", title: "W", cards: ["#);
        for (i, (q, a)) in [
            ("When did Latvia's troops leave?", "August 1993"),
            ("When was the last base handed over?", "In August 1993"),
            ("When was independence recognised?", "August 1991"),
            ("When did the coup fail?", "In August 1991"),
            ("When was the treaty signed?", "On 12 January 1991"),
            ("When did the talks start?", "March 1990"),
            ("When was the vote held?", "In March 1991"),
            ("When did the first rally take place?", "In August 1987"),
            ("When was the front founded?", "October 1988"),
        ]
        .iter()
        .enumerate()
        {
            text.push_str(&format!(
                r#"Card(id: "c{i}", kind: TypeIn(question: "{q}", answers: ["{a}"])),"#
            ));
        }
        text.push_str("])");
        let d = deck::load_str(&text, "w.ron", None).unwrap();
        let opts = TestOptions {
            question_count: 20,
            kinds: vec![QuestionKind::MultipleChoice],
        };
        let bare = |o: &str| {
            let k = normalize_for_search(o);
            k.strip_prefix("in ").map(str::to_owned).unwrap_or(k)
        };
        let mut asked = 0;
        for seed in 0..40 {
            for q in generate(&[&d], &opts, seed).unwrap().questions {
                let QuestionForm::MultipleChoice { options, .. } = &q.form else {
                    continue;
                };
                asked += 1;
                let keys: HashSet<String> = options.iter().map(|o| bare(o)).collect();
                assert_eq!(keys.len(), options.len(), "{options:?} for {:?}", q.prompt);
                // One style: no option alone keeps its "In" to give itself away.
                let led = options
                    .iter()
                    .filter(|o| bare(o) != normalize_for_search(o));
                assert!(
                    led.count() % options.len() == 0,
                    "{options:?} for {:?}",
                    q.prompt
                );
            }
        }
        assert!(asked > 100, "{asked}");
    }

    #[test]
    fn same_seed_same_test() {
        let d = deck::load_str(DECK, "d.ron", None).unwrap();
        let opts = TestOptions {
            question_count: 6,
            kinds: QuestionKind::ALL.to_vec(),
        };
        assert_eq!(
            generate(&[&d], &opts, 7).unwrap(),
            generate(&[&d], &opts, 7).unwrap()
        );
    }

    #[test]
    fn scoring_counts_right_answers() {
        let d = deck::load_str(DECK, "d.ron", None).unwrap();
        let opts = TestOptions {
            question_count: 3,
            kinds: vec![QuestionKind::Typed],
        };
        let t = generate(&[&d], &opts, 1).unwrap();
        let answers: Vec<Option<Answer>> = vec![
            Some(Answer::Text(t.questions[0].right_answer.clone())),
            Some(Answer::Text("nonsense".into())),
        ];
        let r = score(&t, &answers);
        assert_eq!((r.right, r.total), (1, 3));
        assert!(r.results[0].right && !r.results[1].right && !r.results[2].answered);
    }

    #[test]
    fn bad_options_are_errors() {
        let d = deck::load_str(DECK, "d.ron", None).unwrap();
        let none = TestOptions {
            question_count: 3,
            kinds: vec![],
        };
        assert_eq!(generate(&[&d], &none, 1), Err(QuizError::NoKinds));
        let order_only = TestOptions {
            question_count: 3,
            kinds: vec![QuestionKind::Order],
        };
        assert_eq!(
            generate(&[&d], &order_only, 1),
            Err(QuizError::NothingToAsk)
        );
        assert_eq!(generate(&[], &order_only, 1), Err(QuizError::NothingToAsk));
    }
}
