//! Asking one item: how a card's study item is put to the student (a question in the same
//! model as practice tests and exams, or a card to reveal and rate), shuffled afresh at
//! every showing, and the one grading path for every question form.
//!
//! ```
//! use quizdeck_core::ask::{self, Asked};
//! use quizdeck_core::quiz::Answer;
//! let text = r#"Deck(format: 1, id: "d", title: "D", cards: [
//!     Card(id: "c", kind: TrueFalse(statement: "Riga is in Latvia.", truth: true)),
//! ])"#;
//! let deck = quizdeck_core::deck::check_text(text, "d.ron", None).deck.unwrap();
//! let mut rng: rand::rngs::StdRng = rand::SeedableRng::seed_from_u64(1);
//! let Asked::Question(q) = ask::ask_item(&deck, &deck.cards[0], 0, &mut rng) else { panic!() };
//! let j = ask::judge(&q.form, &Answer::Bool(true), Default::default());
//! assert!(j.correct);
//! ```

use crate::answer::{self, Strictness, SuggestedRating, Verdict};
use crate::deck::{Card, CardKind, Deck};
use crate::quiz::{Answer, Question, QuestionForm, QuestionKind};
use crate::text::Text;
use rand::Rng;
use rand::seq::SliceRandom;

/// How a study item is put to the student.
#[derive(Debug, Clone, PartialEq)]
pub enum Asked {
    /// Shown, then revealed and rated by the student (Basic and Cloze cards).
    Reveal(Reveal),
    /// Answered and judged (every other kind), in the model practice tests and exams use.
    Question(Question),
    /// Pointing at a place on the card's picture (Locate cards; practice tests and exams ask
    /// them as a choice of place names instead).
    Locate(Locate),
}

/// A Locate card as study asks it: click, or point with the keyboard, at the right place.
#[derive(Debug, Clone, PartialEq)]
pub struct Locate {
    /// The question ("Where is Liepāja?").
    pub prompt: String,
    /// The right region.
    pub answer: crate::deck::Region,
    /// The other regions, offered as wrong places.
    pub others: Vec<crate::deck::Region>,
}

/// A card the student recalls, reveals and rates.
#[derive(Debug, Clone, PartialEq)]
pub struct Reveal {
    /// What is shown before the reveal.
    pub prompt: String,
    /// What replaces the prompt once revealed (a cloze text with its gaps filled).
    pub revealed: String,
    /// The answer, shown under the revealed prompt.
    pub answer: String,
    /// Whether the answer is a cloze gap's (shown as "Answer: …" under the filled text)
    /// rather than a card's back (shown as large as the question).
    pub gap: bool,
}

/// The verdict on one answer, for any question form.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Judgement {
    /// Whether the answer counts as right.
    pub correct: bool,
    /// A sentence for the student from the answer checker ("accepted — it is written …").
    pub note: Option<crate::message::Message>,
    /// The rating to offer first in study.
    pub suggested: SuggestedRating,
    /// The typed-answer verdict with its letter diff (typed and cloze forms only).
    pub verdict: Option<Verdict>,
}

impl Judgement {
    fn plain(correct: bool) -> Judgement {
        Judgement {
            correct,
            note: None,
            suggested: if correct {
                SuggestedRating::Good
            } else {
                SuggestedRating::Again
            },
            verdict: None,
        }
    }
}

/// Judges `answer` to a question of form `form`: the one grading path of study, practice
/// tests and exams. Typed answers go through [`answer::check_answer`] with `strictness`;
/// Order and Match answers are compared by the texts they put in place, so two equal items
/// may stand either way round. An answer of another form, or with indices out of range, is
/// wrong; nothing here panics.
pub fn judge(form: &QuestionForm, answer: &Answer, strictness: Strictness) -> Judgement {
    match (form, answer) {
        (QuestionForm::MultipleChoice { correct, .. }, Answer::Choice(i)) => {
            Judgement::plain(correct.contains(i))
        }
        (QuestionForm::TrueFalse { truth, .. }, Answer::Bool(b)) => Judgement::plain(truth == b),
        (QuestionForm::Typed { accepted } | QuestionForm::Cloze { accepted }, Answer::Text(t)) => {
            let v = answer::check_answer(t, accepted, strictness);
            Judgement {
                correct: v.correct,
                note: v.note.clone(),
                suggested: answer::suggested_rating(&v),
                verdict: Some(v),
            }
        }
        (
            QuestionForm::Match {
                right, solution, ..
            },
            Answer::Matching(m),
        ) => Judgement::plain(m.len() == solution.len() && same_texts(right, m, solution)),
        (QuestionForm::Order { items, solution }, Answer::Ordering(o)) => {
            Judgement::plain(o.len() == solution.len() && same_texts(items, o, solution))
        }
        _ => Judgement::plain(false),
    }
}

/// Whether `given` and `solution` (indices into `texts`) name the same texts in turn.
fn same_texts(texts: &[String], given: &[usize], solution: &[usize]) -> bool {
    given
        .iter()
        .zip(solution)
        .all(|(g, s)| match (texts.get(*g), texts.get(*s)) {
            (Some(a), Some(b)) => a == b,
            _ => false,
        })
}

/// A permutation of `0..texts.len()` that does not leave the texts in their given (solved)
/// order, unless every text is the same (then no order differs). Each try leaves the solved
/// order with probability at least 1/2.
pub(crate) fn unsolved_permutation<T: PartialEq>(texts: &[T], rng: &mut impl Rng) -> Vec<usize> {
    let mut perm: Vec<usize> = (0..texts.len()).collect();
    if texts.windows(2).all(|w| w[0] == w[1]) {
        return perm;
    }
    while perm.iter().enumerate().all(|(i, &p)| texts[i] == texts[p]) {
        perm.shuffle(rng);
    }
    perm
}

/// `texts` shown in the order `perm`, and for each text in its given order the position
/// where it is shown (the solution of an Order or Match question).
pub(crate) fn arrange(texts: &[impl AsRef<str>], perm: &[usize]) -> (Vec<String>, Vec<usize>) {
    let shown = perm.iter().map(|&i| texts[i].as_ref().to_owned()).collect();
    let mut solution = vec![0; texts.len()];
    for (pos, &orig) in perm.iter().enumerate() {
        solution[orig] = pos;
    }
    (shown, solution)
}

/// Puts part `part` of `card` (of `deck`) to the student: options and items shuffled
/// afresh with `rng` at every showing (true/false stays True, False; Match and Order never
/// start solved).
pub fn ask_item(deck: &Deck, card: &Card, part: u32, rng: &mut impl Rng) -> Asked {
    let question = |kind, prompt: &str, form, right_answer: String| {
        Asked::Question(Question {
            kind,
            deck: deck.id.clone(),
            cards: vec![card.id.clone()],
            prompt: prompt.to_owned(),
            form,
            right_answer,
            note: card.note.to_string(),
            source: deck.source_label(card),
        })
    };
    match &card.kind {
        CardKind::Locate {
            prompt,
            answer,
            others,
            ..
        } => Asked::Locate(Locate {
            prompt: prompt.to_string(),
            answer: crate::deck::Region::clone(answer),
            others: others.to_vec(),
        }),
        CardKind::Basic { front, back, .. } => {
            let (prompt, answer) = if part == 1 {
                (back, front)
            } else {
                (front, back)
            };
            Asked::Reveal(Reveal {
                prompt: prompt.to_string(),
                revealed: prompt.to_string(),
                answer: answer.to_string(),
                gap: false,
            })
        }
        CardKind::Cloze(c) => Asked::Reveal(Reveal {
            prompt: c.question(part),
            revealed: c.full_text(),
            answer: c.answers(part).join(" / "),
            gap: true,
        }),
        CardKind::MultipleChoice {
            question: q,
            answer,
            distractors,
            also_correct,
        } => {
            let mut opts: Vec<(String, bool)> = std::iter::once((answer.to_string(), true))
                .chain(also_correct.iter().map(|a| (a.to_string(), true)))
                .chain(distractors.iter().map(|d| (d.to_string(), false)))
                .collect();
            opts.shuffle(rng);
            let correct = (0..opts.len()).filter(|&i| opts[i].1).collect();
            let right = std::iter::once(answer.as_str())
                .chain(also_correct.iter().map(Text::as_str))
                .collect::<Vec<_>>()
                .join(" / ");
            question(
                QuestionKind::MultipleChoice,
                q,
                QuestionForm::MultipleChoice {
                    options: opts.into_iter().map(|o| o.0).collect(),
                    correct,
                },
                right,
            )
        }
        CardKind::TrueFalse {
            statement,
            truth,
            correction,
        } => {
            let verdict = if *truth { "True" } else { "False" };
            let right = if !truth && !correction.is_empty() {
                format!("{verdict}: {correction}")
            } else {
                verdict.to_owned()
            };
            question(
                QuestionKind::TrueFalse,
                statement,
                QuestionForm::TrueFalse {
                    statement: statement.to_string(),
                    truth: *truth,
                    correction: correction.to_string(),
                },
                right,
            )
        }
        CardKind::TypeIn {
            question: q,
            answers,
        } => question(
            QuestionKind::Typed,
            q,
            QuestionForm::Typed {
                accepted: crate::text::strings(answers),
            },
            answers.first().map(String::from).unwrap_or_default(),
        ),
        CardKind::Order { prompt, items } => {
            let (shown, solution) = arrange(items, &unsolved_permutation(items, rng));
            question(
                QuestionKind::Order,
                prompt,
                QuestionForm::Order {
                    items: shown,
                    solution,
                },
                items.join(" → "),
            )
        }
        CardKind::Match { prompt, pairs } => {
            let (left, right): (Vec<String>, Vec<String>) = (pairs.iter())
                .map(|(l, r)| (l.to_string(), r.to_string()))
                .unzip();
            let (shown, solution) = arrange(&right, &unsolved_permutation(&right, rng));
            question(
                QuestionKind::Match,
                prompt,
                QuestionForm::Match {
                    left,
                    right: shown,
                    solution,
                },
                pairs
                    .iter()
                    .map(|(l, r)| format!("{l} = {r}"))
                    .collect::<Vec<_>>()
                    .join("; "),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    fn deck() -> Deck {
        crate::deck::check_text(
            r#"Deck(format: 1, id: "d", title: "D", cards: [
                Card(id: "m", kind: Match(prompt: "Pair", pairs: [("Päts", "Estonia"), ("Ulmanis", "Latvia"), ("Smetona", "Lithuania")])),
                Card(id: "o", kind: Order(prompt: "Order", items: ["1939", "1940", "1941"])),
                Card(id: "c", kind: MultipleChoice(question: "City?", answer: "Riga", distractors: ["Tallinn", "Kaunas", "Vilnius"])),
                Card(id: "t", kind: TypeIn(question: "Who?", answers: ["Kārlis Ulmanis"])),
            ])"#,
            "d.ron",
            None,
        )
        .deck
        .unwrap()
    }

    fn asked(d: &Deck, i: usize, rng: &mut StdRng) -> Question {
        match ask_item(d, &d.cards[i], 0, rng) {
            Asked::Question(q) => q,
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn match_and_order_never_start_solved_and_the_solution_is_right() {
        let d = deck();
        let mut rng = StdRng::seed_from_u64(9);
        for _ in 0..200 {
            let q = asked(&d, 0, &mut rng);
            let QuestionForm::Match {
                right, solution, ..
            } = &q.form
            else {
                panic!()
            };
            assert_ne!(right, &["Estonia", "Latvia", "Lithuania"]);
            assert!(
                judge(
                    &q.form,
                    &Answer::Matching(solution.clone()),
                    Strictness::Exact
                )
                .correct
            );
            let q = asked(&d, 1, &mut rng);
            let QuestionForm::Order { items, solution } = &q.form else {
                panic!()
            };
            assert_ne!(items, &["1939", "1940", "1941"]);
            assert!(
                judge(
                    &q.form,
                    &Answer::Ordering(solution.clone()),
                    Strictness::Exact
                )
                .correct
            );
            assert!(!judge(&q.form, &Answer::Ordering(vec![0, 1, 2]), Strictness::Exact).correct);
        }
        // Nothing to shuffle when every item is the same: no endless loop, and it is right.
        let same = vec!["x".to_owned(), "x".to_owned()];
        assert_eq!(unsolved_permutation(&same, &mut rng), [0, 1]);
        let form = QuestionForm::Order {
            items: same,
            solution: vec![0, 1],
        };
        assert!(judge(&form, &Answer::Ordering(vec![1, 0]), Strictness::Exact).correct);
    }

    #[test]
    fn choices_move_and_typed_answers_are_judged_with_the_strictness() {
        let d = deck();
        let mut rng = StdRng::seed_from_u64(2);
        let mut at = std::collections::BTreeSet::new();
        for _ in 0..100 {
            let QuestionForm::MultipleChoice { correct, .. } = asked(&d, 2, &mut rng).form else {
                panic!()
            };
            at.insert(correct[0]);
        }
        assert_eq!(at.len(), 4);
        let q = asked(&d, 3, &mut rng);
        let text = Answer::Text("karlis ulmanis".into());
        let lenient = judge(&q.form, &text, Strictness::IgnoreAccentsWithNote);
        assert!(lenient.correct && lenient.note.is_some() && lenient.verdict.is_some());
        assert!(!judge(&q.form, &text, Strictness::Exact).correct);
    }

    #[test]
    fn answers_of_another_form_or_out_of_range_are_wrong() {
        let d = deck();
        let mut rng = StdRng::seed_from_u64(4);
        let q = asked(&d, 1, &mut rng);
        for a in [
            Answer::Ordering(vec![7, 8, 9]),
            Answer::Ordering(vec![0]),
            Answer::Choice(0),
        ] {
            assert!(!judge(&q.form, &a, Strictness::Exact).correct, "{a:?}");
        }
    }
}
