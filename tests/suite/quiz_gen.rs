//! Practice-test generation over the bundled decks and the every-kind fixture: distractors
//! are of the answer's type and never an accepted answer, a seed reproduces its test, every
//! card kind can be asked, and scoring right answers gives full marks.

use quizdeck::answer::normalize_for_search;
use quizdeck::deck::{self, CardKind, Deck};
use quizdeck::quiz::{
    Answer, AnswerKind, PracticeTest, QuestionForm, QuestionKind, TestOptions, answer_kind,
    generate, score,
};
use std::collections::HashMap;
use std::collections::HashSet;
use std::path::Path;

fn bundled() -> Vec<Deck> {
    deck::bundled::check_all()
        .into_iter()
        .map(|c| c.into_result().unwrap())
        .collect()
}

fn every_kind() -> Deck {
    deck::load_file(&Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-kind.ron"))
        .unwrap()
}

fn all(count: usize) -> TestOptions {
    TestOptions {
        question_count: count,
        kinds: QuestionKind::ALL.to_vec(),
    }
}

/// Every answer a card accepts (for every direction and gap).
fn accepted(d: &Deck, id: &str) -> Vec<String> {
    let card = d.cards.iter().find(|c| c.id.as_str() == id).unwrap();
    match &card.kind {
        CardKind::Basic { front, back, .. } => vec![front.to_string(), back.to_string()],
        CardKind::TypeIn { answers, .. } => quizdeck::text::strings(answers),
        CardKind::MultipleChoice {
            answer,
            also_correct,
            ..
        } => {
            let mut v = vec![answer.to_string()];
            v.extend(also_correct.iter().map(String::from));
            v
        }
        CardKind::Cloze(c) => c.numbers().into_iter().flat_map(|n| c.answers(n)).collect(),
        _ => Vec::new(),
    }
}

/// Every kind each text has as an answer somewhere in `decks` (with the question it
/// answers; an author's distractor with its card's question).
fn kinds_of_texts(decks: &[Deck]) -> HashMap<String, HashSet<AnswerKind>> {
    let mut m: HashMap<String, HashSet<AnswerKind>> = HashMap::new();
    let mut add = |q: &str, a: &str| {
        m.entry(normalize_for_search(a))
            .or_default()
            .insert(answer_kind(q, a));
    };
    for d in decks {
        for c in &d.cards {
            match &c.kind {
                CardKind::Basic { front, back, .. } => {
                    add(front, back);
                    add(back, front);
                }
                CardKind::TypeIn { question, answers } => {
                    answers.iter().for_each(|a| add(question, a))
                }
                CardKind::MultipleChoice {
                    question,
                    answer,
                    also_correct,
                    distractors,
                } => {
                    for a in std::iter::once(answer)
                        .chain(also_correct)
                        .chain(distractors)
                    {
                        add(question, a);
                    }
                }
                CardKind::Cloze(cl) => {
                    for n in cl.numbers() {
                        cl.answers(n).iter().for_each(|a| add("", a));
                    }
                }
                _ => {}
            }
        }
    }
    m
}

/// An option as a reader takes it: "In August 1991" is "August 1991".
fn bare(text: &str) -> String {
    let key = normalize_for_search(text);
    for lead in ["in ", "on ", "at ", "during "] {
        if let Some(rest) = key.strip_prefix(lead) {
            return rest.to_owned();
        }
    }
    key
}

#[test]
fn distractors_are_of_the_answers_type_and_never_an_accepted_answer() {
    let decks = bundled();
    let kinds = kinds_of_texts(&decks);
    let same_kind = |a: &str, b: &str| {
        // A text in no deck is a date made by moving the answer's days (a question naming
        // its month): its kind is its shape's.
        let k = |t: &str| {
            kinds
                .get(&normalize_for_search(t))
                .cloned()
                .unwrap_or_else(|| [answer_kind("", t)].into_iter().collect())
        };
        !k(a).is_disjoint(&k(b))
    };
    let refs: Vec<&Deck> = decks.iter().collect();
    let opts = TestOptions {
        question_count: 400,
        kinds: vec![QuestionKind::MultipleChoice, QuestionKind::TrueFalse],
    };
    let mut generated_mc = 0;
    for seed in 0..4 {
        let test = generate(&refs, &opts, seed).unwrap();
        assert!(test.questions.len() > 100);
        for q in &test.questions {
            let d = decks.iter().find(|d| d.id == q.deck).unwrap();
            let card = d.card(&q.cards[0]).unwrap();
            // A multiple-choice card's own distractors are the author's (of any type), and
            // so are a Locate card's other places.
            let native = matches!(
                (&card.kind, q.kind),
                (CardKind::MultipleChoice { .. } | CardKind::Locate { .. }, _)
                    | (CardKind::TrueFalse { .. }, QuestionKind::TrueFalse)
            );
            let ok: HashSet<String> = accepted(d, q.cards[0].as_str())
                .iter()
                .map(|a| bare(a))
                .collect();
            match &q.form {
                QuestionForm::MultipleChoice { options, correct } => {
                    let keys: HashSet<String> = options.iter().map(|o| bare(o)).collect();
                    assert_eq!(keys.len(), options.len(), "repeated option in {q:?}");
                    for (i, o) in options.iter().enumerate() {
                        if correct.contains(&i) {
                            continue;
                        }
                        assert!(
                            !ok.contains(&bare(o)),
                            "distractor {o:?} is an accepted answer of {q:?}"
                        );
                        if !native {
                            assert!(
                                same_kind(o, &q.right_answer),
                                "{o:?} offered for {:?} ({:?})",
                                q.right_answer,
                                q.prompt
                            );
                        }
                    }
                    if !native {
                        generated_mc += 1;
                    }
                }
                QuestionForm::TrueFalse {
                    statement,
                    truth: false,
                    correction,
                } if !native => {
                    let shown = statement.rsplit(" — ").next().unwrap();
                    assert!(!ok.contains(&normalize_for_search(shown)), "{q:?}");
                    assert!(same_kind(shown, correction), "{q:?}");
                }
                _ => {}
            }
        }
    }
    assert!(
        generated_mc > 50,
        "only {generated_mc} generated MC questions"
    );
}

#[test]
fn a_seed_reproduces_its_test() {
    let decks = bundled();
    let refs: Vec<&Deck> = decks.iter().collect();
    let a = generate(&refs, &all(40), 123).unwrap();
    let b = generate(&refs, &all(40), 123).unwrap();
    let c = generate(&refs, &all(40), 124).unwrap();
    assert_eq!(a, b);
    assert_ne!(a, c);
    assert_eq!(a.questions.len(), 40);
}

#[test]
fn every_card_kind_can_be_asked() {
    let d = every_kind();
    let mut asked: HashSet<String> = HashSet::new();
    let mut forms: HashSet<QuestionKind> = HashSet::new();
    for seed in 0..30 {
        let t = generate(&[&d], &all(100), seed).unwrap();
        for q in &t.questions {
            asked.extend(q.cards.iter().map(|c| c.to_string()));
            forms.insert(q.kind);
        }
    }
    for c in &d.cards {
        assert!(asked.contains(c.id.as_str()), "{} never asked", c.id);
    }
    for k in QuestionKind::ALL {
        assert!(forms.contains(&k), "{k:?} never asked");
    }
    // Native kinds asked as themselves.
    for (kind, id) in [
        (QuestionKind::Order, "order-one"),
        (QuestionKind::Match, "match-one"),
        (QuestionKind::Cloze, "cloze-one"),
    ] {
        let opts = TestOptions {
            question_count: 10,
            kinds: vec![kind],
        };
        let t = generate(&[&d], &opts, 1).unwrap();
        assert!(
            t.questions.iter().any(|q| q.cards[0].as_str() == id),
            "{kind:?}: {t:?}"
        );
    }
}

#[test]
fn match_questions_are_built_from_several_cards() {
    let decks = bundled();
    let refs: Vec<&Deck> = decks.iter().collect();
    let opts = TestOptions {
        question_count: 30,
        kinds: vec![QuestionKind::Match],
    };
    let t = generate(&refs, &opts, 5).unwrap();
    let built: Vec<_> = t.questions.iter().filter(|q| q.cards.len() >= 3).collect();
    assert!(!built.is_empty());
    for q in built {
        let QuestionForm::Match { left, right, .. } = &q.form else {
            panic!("{q:?}")
        };
        assert!(left.len() >= 3);
        let l: HashSet<String> = left.iter().map(|s| normalize_for_search(s)).collect();
        let r: HashSet<String> = right.iter().map(|s| normalize_for_search(s)).collect();
        assert_eq!((l.len(), r.len()), (left.len(), right.len()));
    }
}

fn right_answers(t: &PracticeTest) -> Vec<Option<Answer>> {
    t.questions
        .iter()
        .map(|q| {
            Some(match &q.form {
                QuestionForm::MultipleChoice { correct, .. } => Answer::Choice(correct[0]),
                QuestionForm::TrueFalse { truth, .. } => Answer::Bool(*truth),
                QuestionForm::Typed { accepted } | QuestionForm::Cloze { accepted } => {
                    Answer::Text(accepted[0].clone())
                }
                QuestionForm::Match { solution, .. } => Answer::Matching(solution.clone()),
                QuestionForm::Order { solution, .. } => Answer::Ordering(solution.clone()),
            })
        })
        .collect()
}

#[test]
fn right_answers_score_full_marks_with_notes_and_sources() {
    let decks = bundled();
    let refs: Vec<&Deck> = decks.iter().collect();
    let t = generate(&refs, &all(60), 77).unwrap();
    let r = score(&t, &right_answers(&t));
    assert_eq!(r.right, r.total);
    assert!((r.percent() - 100.0).abs() < 1e-9);
    assert!(r.results.iter().all(|x| !x.right_answer.is_empty()));
    assert!(r.results.iter().any(|x| !x.note.is_empty()));
    assert!(r.results.iter().all(|x| x.source.is_some()));
    let none = score(&t, &[]);
    assert_eq!(none.right, 0);
}

/// A practice test shows no map: a map card is asked with the question its author wrote
/// for a choice of place names, never with its study prompt ("Click it on the map"); and
/// only when no other card of its deck names its place in an answer (the bundled map
/// cards mostly ask where a fact happened that another card asks in words, and a test asks
/// each fact once).
#[test]
fn map_cards_are_asked_in_tests_with_their_question_for_a_choice_and_once_a_fact() {
    let decks = bundled();
    let refs: Vec<&Deck> = decks.iter().collect();
    // Each map card, with its question for a choice and whether another card of its deck
    // names its place in an answer (found here the slow way, by words).
    let mut maps: HashMap<(String, String), (String, bool)> = HashMap::new();
    for d in &decks {
        for c in &d.cards {
            let CardKind::Locate {
                choice_prompt,
                answer,
                ..
            } = &c.kind
            else {
                continue;
            };
            let place = normalize_for_search(answer.name.split(" (").next().unwrap());
            let named = d.cards.iter().any(|o| {
                let answers: Vec<String> = match &o.kind {
                    CardKind::Locate { .. } => Vec::new(),
                    CardKind::Basic {
                        front,
                        back,
                        reverse,
                    } => [Some(back), reverse.then_some(front)]
                        .into_iter()
                        .flatten()
                        .map(String::from)
                        .collect(),
                    CardKind::Match { pairs, .. } => (pairs.iter())
                        .flat_map(|(l, r)| [l.to_string(), r.to_string()])
                        .collect(),
                    CardKind::Cloze(z) => (z.gaps())
                        .flat_map(|g| g.answers.iter().map(String::from))
                        .collect(),
                    _ => accepted(d, o.id.as_str()),
                };
                answers.iter().any(|a| {
                    format!(" {} ", normalize_for_search(a)).contains(&format!(" {place} "))
                })
            });
            let choice = choice_prompt.as_ref().map(String::from).unwrap_or_default();
            maps.insert((d.id.to_string(), c.id.to_string()), (choice, named));
        }
    }
    assert!(maps.len() >= 33, "{}", maps.len());
    let mut asked: HashSet<(String, String)> = HashSet::new();
    for seed in 0..30 {
        let t = generate(&refs, &all(500), seed).unwrap();
        for q in &t.questions {
            let prompt = q.prompt.to_lowercase();
            assert!(
                !prompt.contains("click") && !prompt.contains("map"),
                "{}/{}: {:?}",
                q.deck,
                q.cards[0],
                q.prompt
            );
            let key = (q.deck.to_string(), q.cards[0].to_string());
            if let Some((choice, named)) = maps.get(&key) {
                assert_eq!(&q.prompt, choice);
                assert_eq!(q.kind, QuestionKind::MultipleChoice);
                assert!(!named, "{key:?} is asked in words by another card");
                asked.insert(key);
            }
        }
    }
    for (key, (_, named)) in &maps {
        assert_eq!(
            asked.contains(key),
            !named,
            "{key:?}: asked in tests exactly when no other card names its place"
        );
    }
    assert!(!asked.is_empty(), "some bundled map card is asked in tests");
}
