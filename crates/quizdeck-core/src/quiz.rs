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

/// Most options in a multiple-choice question (the answer plus three distractors).
pub const MAX_OPTIONS: usize = 4;
/// Fewest distractors a generated multiple-choice question needs.
pub const MIN_DISTRACTORS: usize = 2;
/// Pairs in a Match question built from several cards.
pub const MATCH_PAIRS: usize = 4;
/// Fewest pairs in a Match question built from several cards.
pub const MIN_MATCH_PAIRS: usize = 3;

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
}

impl QuizError {
    /// What went wrong, as a message for any language.
    pub fn message(&self) -> crate::message::Message {
        crate::message::Message::new(match self {
            QuizError::NoKinds => "quiz-no-kinds",
            QuizError::NoQuestionsAsked => "quiz-no-questions",
            QuizError::NothingToAsk => "quiz-nothing-to-ask",
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

/// The type of a short answer, used to pick plausible distractors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnswerClass {
    /// A year such as `1940`.
    Year,
    /// A date with a day, such as `23 August 1939`, `August 23, 1939` or `21 July`.
    FullDate,
    /// A month, or a month and year, such as `June` or `June 1941`.
    MonthYear,
    /// A span of years, such as `1941–1944`.
    YearSpan,
    /// A span of days, such as `13–14 June 1941` or `16 June – 5 August 1940`.
    DaySpan,
    /// A number or figure such as `30,000` or `12.5`.
    Number,
    /// A person's name: two to five capitalised words (`Kārlis Ulmanis`).
    PersonName,
    /// Anything else.
    Text,
}

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

fn parse_number(s: &str) -> Option<f64> {
    let t = s.trim();
    if t.is_empty()
        || !t.chars().any(|c| c.is_ascii_digit())
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ',' | '.' | ' ' | '\u{a0}' | '\u{202f}'))
    {
        return None;
    }
    let digits: String = t
        .chars()
        .filter(|c| c.is_ascii_digit() || *c == '.')
        .collect();
    digits.parse().ok()
}

/// A number written in words ("Four", "twenty-five"), up to ninety-nine.
fn number_word(s: &str) -> Option<f64> {
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = [
        "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
    ];
    let w = s.trim().to_lowercase();
    let unit = |u: &str| UNITS.iter().position(|x| *x == u).map(|n| n as f64);
    let tens = |t: &str| {
        TENS.iter()
            .position(|x| *x == t)
            .map(|n| 20.0 + 10.0 * n as f64)
    };
    match w.split_once('-') {
        Some((t, u)) => Some(tens(t)? + unit(u).filter(|n| (1.0..10.0).contains(n))?),
        None => unit(&w).or_else(|| tens(&w)),
    }
}

/// An ordinal in figures: `15th`, `1st`, `2nd`, `3rd`.
fn is_ordinal(s: &str) -> bool {
    let t = s.trim();
    let digits = t.chars().take_while(char::is_ascii_digit).count();
    digits > 0 && ["st", "nd", "rd", "th"].contains(&&t[digits..])
}

/// `1941–1944` or `1941-44` (a span of years); `13–14 June 1941` or `16 June – 5 August
/// 1940` (a span of days).
fn date_span(s: &str) -> Option<AnswerClass> {
    let (from, to) = s.split_once(['–', '-'])?;
    let (from, to) = (from.trim(), to.trim());
    let digits = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    if from.len() == 4 && digits(from) && digits(to) && matches!(to.len(), 2 | 4) {
        return Some(AnswerClass::YearSpan);
    }
    let day = from.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    ((day || is_full_date(from)) && is_full_date(to)).then_some(AnswerClass::DaySpan)
}

fn is_full_date(s: &str) -> bool {
    let words: Vec<String> = s
        .split(|c: char| c.is_whitespace() || c == ',')
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    let day = |w: &str| w.parse::<u32>().is_ok_and(|d| (1..=31).contains(&d));
    let year = |w: &str| w.len() == 4 && w.chars().all(|c| c.is_ascii_digit());
    let month = |w: &str| MONTHS.contains(&w);
    match words.as_slice() {
        [a, b, y] => year(y) && ((day(a) && month(b)) || (month(a) && day(b))),
        [a, b] => (day(a) && month(b)) || (month(a) && day(b)),
        _ => false,
    }
}

fn is_month_year(s: &str) -> bool {
    let words: Vec<String> = s.split_whitespace().map(str::to_lowercase).collect();
    match words.as_slice() {
        [m] => MONTHS.contains(&m.as_str()),
        [m, y] => {
            MONTHS.contains(&m.as_str()) && y.len() == 4 && y.chars().all(|c| c.is_ascii_digit())
        }
        _ => false,
    }
}

/// Classifies a short answer (see [`AnswerClass`]).
pub fn classify(answer: &str) -> AnswerClass {
    let t = answer.trim();
    if t.len() == 4 && t.chars().all(|c| c.is_ascii_digit()) {
        return AnswerClass::Year;
    }
    if is_full_date(t) {
        return AnswerClass::FullDate;
    }
    if is_month_year(t) {
        return AnswerClass::MonthYear;
    }
    if let Some(class) = date_span(t) {
        return class;
    }
    if parse_number(t).is_some() || number_word(t).is_some() || is_ordinal(t) {
        return AnswerClass::Number;
    }
    let words: Vec<&str> = t.split_whitespace().collect();
    let particles = ["von", "van", "de", "der", "den", "la", "du", "di"];
    // Capitalised words that mark the name of a thing, not of a person.
    let not_person = [
        "The",
        "A",
        "An",
        "Act",
        "Agreement",
        "Army",
        "Assembly",
        "Bank",
        "Committee",
        "Congress",
        "Constitution",
        "Council",
        "Day",
        "Declaration",
        "Front",
        "Government",
        "Guard",
        "Movement",
        "Pact",
        "Parliament",
        "Party",
        "Protocol",
        "Republic",
        "Sea",
        "Soviet",
        "State",
        "States",
        "Treaty",
        "Union",
        "War",
        "Street",
        "Line",
        "Way",
        "Offensive",
        "Operation",
        "Brothers",
        "Fronts",
        "League",
        "Nations",
        "Corps",
        "Battalion",
        "Division",
        "Legion",
        "Force",
        "Forces",
        "Pocket",
        "Russia",
        "Estonia",
        "Latvia",
        "Lithuania",
        "Finland",
        "Germany",
        "Poland",
    ];
    if words.iter().any(|w| not_person.contains(w)) {
        return AnswerClass::Text;
    }
    let capitalised = |w: &str| {
        let mut cs = w.chars();
        cs.next().is_some_and(char::is_uppercase)
            && w.chars()
                .all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'))
    };
    if (2..=5).contains(&words.len())
        && words
            .iter()
            .all(|w| capitalised(w) || particles.contains(w))
        && capitalised(words[0])
        && capitalised(words[words.len() - 1])
    {
        return AnswerClass::PersonName;
    }
    AnswerClass::Text
}

/// A numeric size for years and figures (to prefer distractors of similar size).
fn magnitude(answer: &str, class: AnswerClass) -> Option<f64> {
    match class {
        AnswerClass::Year | AnswerClass::Number => parse_number(answer)
            .or_else(|| number_word(answer))
            .or_else(|| {
                let t = answer.trim();
                t[..t.len().saturating_sub(2)].parse().ok()
            }),
        AnswerClass::FullDate
        | AnswerClass::MonthYear
        | AnswerClass::YearSpan
        | AnswerClass::DaySpan => answer
            .split(|c: char| c.is_whitespace() || matches!(c, ',' | '–' | '-'))
            .rev()
            .find(|w| !w.is_empty())
            .and_then(parse_number),
        _ => None,
    }
}

/// What a short answer names, used to draw distractors of the same type: dates with dates
/// (years with years, full dates with full dates), figures with figures, people with people,
/// places with places, anything else with other answers of its shape.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum AnswerKind {
    /// A year.
    Year,
    /// A date with a day.
    FullDate,
    /// A month, or a month and year.
    MonthYear,
    /// A span of years.
    YearSpan,
    /// A span of days.
    DaySpan,
    /// A number or figure.
    Number,
    /// A person.
    Person,
    /// A place: a country, city, port, island, river, camp…
    Place,
    /// Anything else.
    Other,
}

/// Nouns that, after "which" or "what", ask for a person.
const PERSON_NOUNS: [&str; 41] = [
    "leader",
    "leaders",
    "minister",
    "president",
    "general",
    "commander",
    "diplomat",
    "politician",
    "historian",
    "man",
    "woman",
    "person",
    "author",
    "writer",
    "poet",
    "officer",
    "ambassador",
    "envoy",
    "chairman",
    "secretary",
    "premier",
    "dictator",
    "king",
    "official",
    "commissar",
    "marshal",
    "admiral",
    "statesman",
    "negotiator",
    "prime",
    "head",
    "scholar",
    "signatory",
    "representative",
    "professor",
    "journalist",
    "researcher",
    "lawyer",
    "governor",
    "deputy",
    "employee",
];

/// Nouns that, after "which" or "what", ask for a place.
const PLACE_NOUNS: [&str; 34] = [
    "city",
    "cities",
    "town",
    "towns",
    "capital",
    "country",
    "countries",
    "port",
    "ports",
    "island",
    "islands",
    "village",
    "river",
    "region",
    "republic",
    "republics",
    "state",
    "place",
    "harbour",
    "harbor",
    "county",
    "sea",
    "lake",
    "camp",
    "prison",
    "territory",
    "province",
    "peninsula",
    "bay",
    "gulf",
    "coast",
    "district",
    "oblast",
    "nation",
];

/// Words skipped before the noun of "which …"/"what …"; after it, the verb ends the noun.
const FILLERS: [&str; 16] = [
    "was", "were", "is", "are", "did", "does", "do", "had", "has", "the", "a", "an", "name",
    "names", "of", "in",
];

/// Prepositions that may come before "who"/"where" in a question ("by whom", "after
/// whose", "from where").
const PREPOSITIONS: [&str; 12] = [
    "by", "to", "from", "with", "of", "for", "after", "against", "under", "before", "on", "in",
];

/// What `question` asks for, from its words: "who" or "which minister" a person, "where"
/// or "which port" a place, "which treaty" something else; `None` when it does not say
/// (or is not a question: in a statement "who" is a relative pronoun).
fn asked_for(question: &str) -> Option<AnswerKind> {
    if !question.trim_end().ends_with('?') {
        return None;
    }
    let words: Vec<String> = question
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .collect();
    for (i, w) in words.iter().enumerate() {
        let opens = i == 0 || PREPOSITIONS.contains(&words[i - 1].as_str());
        match w.as_str() {
            "who" | "whom" | "whose" if opens => return Some(AnswerKind::Person),
            "where" if opens => return Some(AnswerKind::Place),
            "which" | "what" => {
                // "What was the name of the Soviet foreign minister": look at the first
                // three words that are not fillers, up to the verb ("Which treaty did the
                // minister sign" asks for a treaty).
                let mut content = 0;
                for n in &words[i + 1..] {
                    let n = n.as_str();
                    if FILLERS.contains(&n) {
                        if content > 0 {
                            break;
                        }
                        continue;
                    }
                    if PERSON_NOUNS.contains(&n) {
                        return Some(AnswerKind::Person);
                    }
                    if PLACE_NOUNS.contains(&n) {
                        return Some(AnswerKind::Place);
                    }
                    content += 1;
                    if content == 3 {
                        break;
                    }
                }
                // The first "which"/"what" names what is asked; later ones are clauses.
                return None;
            }
            _ => {}
        }
    }
    None
}

/// The [`AnswerKind`] of `answer` given as the answer to `question`: dates and figures by
/// their shape, people and places by what the question asks for ("who", "where", "which
/// port"), else a name of two to five capitalised words is a person.
pub fn answer_kind(question: &str, answer: &str) -> AnswerKind {
    match classify(answer) {
        AnswerClass::Year => AnswerKind::Year,
        AnswerClass::FullDate => AnswerKind::FullDate,
        AnswerClass::MonthYear => AnswerKind::MonthYear,
        AnswerClass::YearSpan => AnswerKind::YearSpan,
        AnswerClass::DaySpan => AnswerKind::DaySpan,
        AnswerClass::Number => AnswerKind::Number,
        class => match asked_for(question) {
            Some(kind) => kind,
            None if class == AnswerClass::PersonName => AnswerKind::Person,
            None => AnswerKind::Other,
        },
    }
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
    pub fn is_right(&self, answer: &Answer) -> bool {
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

/// A short answer of some card, usable as a distractor for another.
#[derive(Debug, Clone)]
struct PoolAnswer {
    text: String,
    key: String,
    kind: AnswerKind,
    size: Option<f64>,
    words: usize,
    chars: usize,
    capital: bool,
    /// The ending of a one-word answer ("-ed", "-ing", "-ly", "-s"), else none.
    ending: &'static str,
}

impl PoolAnswer {
    /// How unlike `other` this answer looks: words, length, a leading capital and, for a
    /// single word, its ending (so a one-word place is offered other short capitalised
    /// words, a sentence other sentences, "arrested" other words in "-ed").
    fn shape_distance(&self, other: &PoolAnswer) -> f64 {
        let ending = if self.ending == other.ending {
            0.0
        } else {
            2.0
        };
        let words = (self.words as f64 - other.words as f64).abs().min(6.0);
        let len = ((self.chars.max(1) as f64) / (other.chars.max(1) as f64))
            .ln()
            .abs();
        let capital = if self.capital == other.capital {
            0.0
        } else {
            2.0
        };
        words + 2.0 * len + capital + ending
    }
}

/// `text` as a pool answer, of the kind it has as the answer to `question`.
fn pool_entry(question: &str, text: &str) -> Option<PoolAnswer> {
    let key = normalize_for_search(text);
    if key.is_empty() {
        return None;
    }
    let class = classify(text);
    let text = text.trim();
    Some(PoolAnswer {
        text: text.to_owned(),
        key,
        kind: answer_kind(question, text),
        size: magnitude(text, class),
        words: text.split_whitespace().count(),
        chars: text.chars().count(),
        capital: text.chars().next().is_some_and(char::is_uppercase),
        ending: match text.split_whitespace().count() {
            1 => ["ing", "ed", "ly", "s"]
                .into_iter()
                .find(|e| text.to_lowercase().ends_with(e))
                .unwrap_or(""),
            _ => "",
        },
    })
}

/// The question–answer view of a card that can be asked in generated forms.
#[derive(Debug, Clone)]
struct Fact {
    question: String,
    /// Accepted answers; the first is shown.
    accepted: Vec<String>,
}

fn facts(card: &Card) -> Vec<Fact> {
    match &card.kind {
        CardKind::Basic {
            front,
            back,
            reverse,
        } => {
            let mut v = vec![Fact {
                question: front.clone(),
                accepted: vec![back.clone()],
            }];
            if *reverse {
                v.push(Fact {
                    question: back.clone(),
                    accepted: vec![front.clone()],
                });
            }
            v
        }
        CardKind::TypeIn { question, answers } if !answers.is_empty() => vec![Fact {
            question: question.clone(),
            accepted: answers.clone(),
        }],
        CardKind::MultipleChoice {
            question,
            answer,
            also_correct,
            ..
        } => {
            let mut accepted = vec![answer.clone()];
            accepted.extend(also_correct.iter().cloned());
            vec![Fact {
                question: question.clone(),
                accepted,
            }]
        }
        _ => Vec::new(),
    }
}

struct Ctx<'a> {
    pool: Vec<PoolAnswer>,
    /// The person or place an answer text names wherever some question says so (a cloze
    /// gap or a reversed card does not), by normalised text.
    named: HashMap<String, AnswerKind>,
    decks: &'a [&'a Deck],
}

impl<'a> Ctx<'a> {
    /// The distractor pool of `decks`: every card's answers (of each direction and gap)
    /// and the authors' own distractors of multiple-choice cards, each of the kind its
    /// question gives it.
    fn new(decks: &'a [&'a Deck]) -> Ctx<'a> {
        let mut pool = Vec::new();
        for d in decks {
            for c in &d.cards {
                for f in facts(c) {
                    if let Some(p) = f.accepted.first().and_then(|a| pool_entry(&f.question, a)) {
                        pool.push(p);
                    }
                }
                match &c.kind {
                    CardKind::Cloze(cl) => {
                        for n in cl.numbers() {
                            if let Some(p) = cl.answers(n).first().and_then(|a| pool_entry("", a)) {
                                pool.push(p);
                            }
                        }
                    }
                    CardKind::MultipleChoice {
                        question,
                        distractors,
                        ..
                    } => pool.extend(distractors.iter().filter_map(|t| pool_entry(question, t))),
                    _ => {}
                }
            }
        }
        // A text named a place by any question is a place ("Who was first to declare
        // independence?" asks for a state), else a person if any question says so.
        let mut named: HashMap<String, AnswerKind> = HashMap::new();
        for p in &pool {
            match p.kind {
                AnswerKind::Place => {
                    named.insert(p.key.clone(), AnswerKind::Place);
                }
                AnswerKind::Person => {
                    named.entry(p.key.clone()).or_insert(AnswerKind::Person);
                }
                _ => {}
            }
        }
        for p in &mut pool {
            if matches!(
                p.kind,
                AnswerKind::Other | AnswerKind::Person | AnswerKind::Place
            ) && let Some(&k) = named.get(&p.key)
            {
                p.kind = k;
            }
        }
        Ctx { pool, named, decks }
    }
}

impl Ctx<'_> {
    /// Up to `n` distractors for `accepted` as the answer to `question`, of the answer's
    /// [`AnswerKind`], none equal to an accepted answer or to each other; similar sizes
    /// first for years, dates and figures, similar shapes for the rest. `also_banned` are
    /// further texts never to offer (such as the other gaps of a cloze, which the question
    /// shows).
    fn distractors(
        &self,
        question: &str,
        accepted: &[String],
        also_banned: &[String],
        n: usize,
        rng: &mut StdRng,
    ) -> Vec<String> {
        let Some(mut answer) = accepted.first().and_then(|a| pool_entry(question, a)) else {
            return Vec::new();
        };
        if matches!(
            answer.kind,
            AnswerKind::Other | AnswerKind::Person | AnswerKind::Place
        ) && let Some(&k) = self.named.get(&answer.key)
        {
            answer.kind = k;
        }
        let banned: HashSet<String> = accepted
            .iter()
            .chain(also_banned)
            .map(|a| normalize_for_search(a))
            .collect();
        // Never offer what the question itself names ("Whose name stands beside
        // Molotov's…?" does not offer "Molotov").
        let asked = format!(" {} ", normalize_for_search(question));
        let shown = |key: &str| key.chars().count() >= 3 && asked.contains(&format!(" {key} "));
        let mut seen: HashSet<&str> = HashSet::new();
        let mut cands: Vec<&PoolAnswer> = self
            .pool
            .iter()
            .filter(|p| p.kind == answer.kind && !banned.contains(&p.key) && !shown(&p.key))
            .filter(|p| seen.insert(p.key.as_str()))
            .collect();
        cands.shuffle(rng);
        // Prefer the most alike (figures of similar size, texts of similar shape), then
        // pick among the closest few so that tests vary.
        let dist = |p: &PoolAnswer| match (answer.size, p.size) {
            (Some(a), Some(b)) if a > 0.0 && b > 0.0 => (b.ln() - a.ln()).abs(),
            (Some(a), Some(b)) => (b - a).abs(),
            (Some(_), None) => f64::INFINITY,
            (None, _) => answer.shape_distance(p),
        };
        cands.sort_by(|a, b| dist(a).total_cmp(&dist(b)));
        cands.truncate(2 * n);
        cands.shuffle(rng);
        cands.into_iter().take(n).map(|p| p.text.clone()).collect()
    }
}

/// Something that can become a question: a card (one of its facts or gaps) or a group of
/// cards for a Match.
#[derive(Debug, Clone)]
enum Candidate {
    Card {
        deck: usize,
        card: usize,
        part: usize,
    },
    MatchGroup {
        deck: usize,
        cards: Vec<(usize, usize)>,
    },
}

fn card_source(deck: &Deck, card: &Card) -> Option<String> {
    deck.source_label(card)
}

fn shuffled_options(
    right: &[String],
    wrong: Vec<String>,
    rng: &mut StdRng,
) -> (Vec<String>, Vec<usize>) {
    let mut opts: Vec<(String, bool)> = right.iter().map(|r| (r.clone(), true)).collect();
    opts.extend(wrong.into_iter().map(|w| (w, false)));
    opts.shuffle(rng);
    let correct = opts
        .iter()
        .enumerate()
        .filter(|(_, (_, ok))| *ok)
        .map(|(i, _)| i)
        .collect();
    (opts.into_iter().map(|(t, _)| t).collect(), correct)
}

fn permutation(n: usize, rng: &mut StdRng) -> Vec<usize> {
    let mut p: Vec<usize> = (0..n).collect();
    p.shuffle(rng);
    if n > 1 && p.iter().enumerate().all(|(i, &x)| i == x) {
        p.rotate_left(1);
    }
    p
}

/// Builds one question from a card, in form `kind`, or `None` when the card cannot be
/// asked so.
fn ask_card(
    ctx: &Ctx<'_>,
    deck: &Deck,
    card: &Card,
    part: usize,
    kind: QuestionKind,
    rng: &mut StdRng,
) -> Option<Question> {
    let base = |kind, prompt: String, form, right_answer: String| Question {
        kind,
        deck: deck.id.clone(),
        cards: vec![card.id.clone()],
        prompt,
        form,
        right_answer,
        note: card.note.clone(),
        source: card_source(deck, card),
    };
    match (&card.kind, kind) {
        (CardKind::Cloze(c), QuestionKind::Cloze) => {
            let n = *c.numbers().get(part)?;
            let accepted = c.answers(n);
            let first = accepted.first()?.clone();
            Some(base(
                kind,
                c.question(n),
                QuestionForm::Cloze { accepted },
                first,
            ))
        }
        (CardKind::Cloze(c), QuestionKind::MultipleChoice) => {
            let n = *c.numbers().get(part)?;
            if c.gaps().filter(|g| g.number == n).count() != 1 {
                return None; // several gaps at once make a poor option
            }
            let accepted = c.answers(n);
            let others: Vec<String> = c.gaps().flat_map(|g| g.answers.clone()).collect();
            let wrong = ctx.distractors("", &accepted, &others, MAX_OPTIONS - 1, rng);
            if wrong.len() < MIN_DISTRACTORS {
                return None;
            }
            let first = accepted.first()?.clone();
            let (options, correct) = shuffled_options(std::slice::from_ref(&first), wrong, rng);
            Some(base(
                kind,
                c.question(n),
                QuestionForm::MultipleChoice { options, correct },
                first,
            ))
        }
        (
            CardKind::TrueFalse {
                statement,
                truth,
                correction,
            },
            QuestionKind::TrueFalse,
        ) => Some(base(
            kind,
            statement.clone(),
            QuestionForm::TrueFalse {
                statement: statement.clone(),
                truth: *truth,
                correction: correction.clone(),
            },
            if *truth {
                "True".to_owned()
            } else if correction.is_empty() {
                "False".to_owned()
            } else {
                format!("False — {correction}")
            },
        )),
        (CardKind::Order { prompt, items }, QuestionKind::Order) => {
            if items.len() < 2 {
                return None;
            }
            // solution[k] = position in `shown` of the k-th item in the right order
            let (shown, solution) = crate::ask::arrange(items, &permutation(items.len(), rng));
            Some(base(
                kind,
                prompt.clone(),
                QuestionForm::Order {
                    items: shown,
                    solution,
                },
                items.join(" → "),
            ))
        }
        (CardKind::Match { prompt, pairs }, QuestionKind::Match) => {
            let (left, right): (Vec<String>, Vec<String>) = pairs.iter().cloned().unzip();
            Some(base(
                kind,
                prompt.clone(),
                match_form(left, right.clone(), rng),
                pairs
                    .iter()
                    .map(|(l, r)| format!("{l} — {r}"))
                    .collect::<Vec<_>>()
                    .join("; "),
            ))
        }
        (
            CardKind::MultipleChoice {
                question,
                answer,
                distractors,
                also_correct,
            },
            QuestionKind::MultipleChoice,
        ) => {
            let mut right = vec![answer.clone()];
            right.extend(also_correct.iter().cloned());
            let banned: HashSet<String> = right.iter().map(|r| normalize_for_search(r)).collect();
            let mut wrong: Vec<String> = distractors
                .iter()
                .filter(|d| !banned.contains(&normalize_for_search(d)))
                .cloned()
                .collect();
            wrong.shuffle(rng);
            wrong.truncate(MAX_OPTIONS - 1);
            let (options, correct) = shuffled_options(&right, wrong, rng);
            Some(base(
                kind,
                question.clone(),
                QuestionForm::MultipleChoice { options, correct },
                answer.clone(),
            ))
        }
        (
            CardKind::Locate {
                prompt,
                answer,
                others,
                ..
            },
            QuestionKind::MultipleChoice,
        ) => {
            let mut wrong: Vec<String> = others.iter().map(|r| r.name.clone()).collect();
            wrong.shuffle(rng);
            wrong.truncate(MAX_OPTIONS - 1);
            if wrong.len() < MIN_DISTRACTORS {
                return None;
            }
            let right = std::slice::from_ref(&answer.name);
            let (options, correct) = shuffled_options(right, wrong, rng);
            Some(base(
                kind,
                prompt.clone(),
                QuestionForm::MultipleChoice { options, correct },
                answer.name.clone(),
            ))
        }
        (CardKind::Locate { .. }, _) => None,
        (_, QuestionKind::Typed | QuestionKind::MultipleChoice | QuestionKind::TrueFalse) => {
            let fact = facts(card).into_iter().nth(part)?;
            let first = fact.accepted.first()?.clone();
            match kind {
                QuestionKind::Typed => Some(base(
                    kind,
                    fact.question,
                    QuestionForm::Typed {
                        accepted: fact.accepted,
                    },
                    first,
                )),
                QuestionKind::MultipleChoice => {
                    let wrong =
                        ctx.distractors(&fact.question, &fact.accepted, &[], MAX_OPTIONS - 1, rng);
                    if wrong.len() < MIN_DISTRACTORS {
                        return None;
                    }
                    let (options, correct) =
                        shuffled_options(std::slice::from_ref(&first), wrong, rng);
                    Some(base(
                        kind,
                        fact.question,
                        QuestionForm::MultipleChoice { options, correct },
                        first,
                    ))
                }
                _ => {
                    // A multiple-choice card's own distractors make the best false
                    // statements; other cards borrow a same-type answer.
                    let own: Vec<String> = match &card.kind {
                        CardKind::MultipleChoice { distractors, .. } => {
                            let banned: HashSet<String> = fact
                                .accepted
                                .iter()
                                .map(|a| normalize_for_search(a))
                                .collect();
                            distractors
                                .iter()
                                .filter(|d| !banned.contains(&normalize_for_search(d)))
                                .cloned()
                                .collect()
                        }
                        _ => Vec::new(),
                    };
                    let wrong = if own.is_empty() {
                        ctx.distractors(&fact.question, &fact.accepted, &[], 1, rng)
                            .into_iter()
                            .next()?
                    } else {
                        own[rng.random_range(0..own.len())].clone()
                    };
                    let truth = rng.random_bool(0.5);
                    let shown = if truth { first.clone() } else { wrong };
                    let statement = format!("{} — {}", fact.question, shown);
                    Some(base(
                        kind,
                        statement.clone(),
                        QuestionForm::TrueFalse {
                            statement,
                            truth,
                            correction: if truth { String::new() } else { first.clone() },
                        },
                        if truth {
                            "True".to_owned()
                        } else {
                            format!("False — {first}")
                        },
                    ))
                }
            }
        }
        _ => None,
    }
}

fn match_form(left: Vec<String>, right: Vec<String>, rng: &mut StdRng) -> QuestionForm {
    let (shown, solution) = crate::ask::arrange(&right, &permutation(right.len(), rng));
    QuestionForm::Match {
        left,
        right: shown,
        solution,
    }
}

fn ask_group(decks: &[&Deck], deck: usize, cards: &[(usize, usize)]) -> Option<Question> {
    let d = decks[deck];
    let mut left = Vec::new();
    let mut right = Vec::new();
    let mut ids = Vec::new();
    let mut notes = Vec::new();
    for &(_, ci) in cards {
        let card = &d.cards[ci];
        let fact = facts(card).into_iter().next()?;
        left.push(fact.question);
        right.push(fact.accepted.first()?.clone());
        ids.push(card.id.clone());
        if !card.note.is_empty() {
            notes.push(card.note.clone());
        }
    }
    let source = cards
        .first()
        .and_then(|&(_, ci)| card_source(d, &d.cards[ci]));
    let right_answer = left
        .iter()
        .zip(&right)
        .map(|(l, r)| format!("{l} — {r}"))
        .collect::<Vec<_>>()
        .join("; ");
    Some(Question {
        kind: QuestionKind::Match,
        deck: d.id.clone(),
        cards: ids,
        prompt: "Match each question with its answer.".to_owned(),
        form: QuestionForm::Match {
            left,
            right,
            solution: Vec::new(),
        },
        right_answer,
        note: notes.join(" "),
        source,
    })
}

fn forms_for(card: &Card, part: usize) -> Vec<QuestionKind> {
    use QuestionKind as K;
    match &card.kind {
        CardKind::Basic { .. } | CardKind::TypeIn { .. } => {
            if part < facts(card).len() {
                vec![K::Typed, K::MultipleChoice, K::TrueFalse]
            } else {
                Vec::new()
            }
        }
        CardKind::MultipleChoice { .. } => vec![K::MultipleChoice, K::Typed, K::TrueFalse],
        CardKind::TrueFalse { .. } => vec![K::TrueFalse],
        CardKind::Order { .. } => vec![K::Order],
        CardKind::Match { .. } => vec![K::Match],
        CardKind::Cloze(_) => vec![K::Cloze, K::MultipleChoice],
        // Asked in tests as a choice among the card's region names.
        CardKind::Locate { others, .. } if others.len() >= MIN_DISTRACTORS => {
            vec![K::MultipleChoice]
        }
        CardKind::Locate { .. } => Vec::new(),
    }
}

fn parts_of(card: &Card) -> usize {
    match &card.kind {
        CardKind::Cloze(c) => c.numbers().len(),
        CardKind::Basic { .. } => facts(card).len(),
        _ => 1,
    }
}

/// Generates a practice test of up to `opts.question_count` questions from `decks`, in the
/// allowed forms. The same decks, options and seed always give the same test. Each card
/// is asked at most once (a Match built from cards uses cards not asked otherwise).
pub fn generate(decks: &[&Deck], opts: &TestOptions, seed: u64) -> Result<PracticeTest> {
    if opts.kinds.is_empty() {
        return Err(QuizError::NoKinds);
    }
    if opts.question_count == 0 {
        return Err(QuizError::NoQuestionsAsked);
    }
    let mut rng = StdRng::seed_from_u64(seed);
    let ctx = Ctx::new(decks);
    let allowed = |k: &QuestionKind| opts.kinds.contains(k);

    let mut cands: Vec<Candidate> = Vec::new();
    for (di, d) in ctx.decks.iter().enumerate() {
        for (ci, c) in d.cards.iter().enumerate() {
            for part in 0..parts_of(c) {
                if forms_for(c, part).iter().any(allowed) {
                    cands.push(Candidate::Card {
                        deck: di,
                        card: ci,
                        part,
                    });
                }
            }
        }
        if allowed(&QuestionKind::Match) {
            cands.extend(match_groups(d, di, &mut rng));
        }
    }
    if cands.is_empty() {
        return Err(QuizError::NothingToAsk);
    }
    cands.shuffle(&mut rng);

    let mut used: HashSet<(usize, usize)> = HashSet::new();
    let mut questions = Vec::new();
    for cand in cands {
        if questions.len() >= opts.question_count {
            break;
        }
        match cand {
            Candidate::Card { deck, card, part } => {
                if used.contains(&(deck, card)) {
                    continue;
                }
                let d = ctx.decks[deck];
                let c = &d.cards[card];
                let mut forms: Vec<QuestionKind> =
                    forms_for(c, part).into_iter().filter(allowed).collect();
                forms.shuffle(&mut rng);
                let q = forms
                    .into_iter()
                    .find_map(|k| ask_card(&ctx, d, c, part, k, &mut rng));
                if let Some(q) = q {
                    used.insert((deck, card));
                    questions.push(q);
                }
            }
            Candidate::MatchGroup { deck, cards } => {
                if cards.iter().any(|k| used.contains(k)) {
                    continue;
                }
                if let Some(mut q) = ask_group(ctx.decks, deck, &cards) {
                    if let QuestionForm::Match { left, right, .. } = q.form {
                        q.form = match_form(left, right, &mut rng);
                    }
                    used.extend(cards.iter().copied());
                    questions.push(q);
                }
            }
        }
    }
    if questions.is_empty() {
        return Err(QuizError::NothingToAsk);
    }
    Ok(PracticeTest { seed, questions })
}

/// Groups of [`MATCH_PAIRS`] Basic/TypeIn cards of one deck whose questions and answers are
/// all distinct (after normalisation), for Match questions built from several cards.
fn match_groups(d: &Deck, di: usize, rng: &mut StdRng) -> Vec<Candidate> {
    let mut pool: Vec<usize> = d
        .cards
        .iter()
        .enumerate()
        .filter(|(_, c)| matches!(c.kind, CardKind::Basic { .. } | CardKind::TypeIn { .. }))
        .filter(|(_, c)| {
            facts(c)
                .first()
                .is_some_and(|f| f.question.chars().count() <= 120)
        })
        .map(|(i, _)| i)
        .collect();
    pool.shuffle(rng);
    let mut groups = Vec::new();
    let mut group: Vec<(usize, usize)> = Vec::new();
    let mut keys: HashSet<String> = HashSet::new();
    for ci in pool {
        let Some(f) = facts(&d.cards[ci]).into_iter().next() else {
            continue;
        };
        let q = normalize_for_search(&f.question);
        let a = f
            .accepted
            .first()
            .map(|a| normalize_for_search(a))
            .unwrap_or_default();
        if q.is_empty() || a.is_empty() || q == a || keys.contains(&q) || keys.contains(&a) {
            continue;
        }
        keys.insert(q);
        keys.insert(a);
        group.push((di, ci));
        if group.len() == MATCH_PAIRS {
            groups.push(Candidate::MatchGroup {
                deck: di,
                cards: std::mem::take(&mut group),
            });
            keys.clear();
        }
    }
    if group.len() >= MIN_MATCH_PAIRS {
        groups.push(Candidate::MatchGroup {
            deck: di,
            cards: group,
        });
    }
    groups
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

    const LOCATE_DECK: &str = r#"Deck(format: 2, id: "m", title: "M", cards: [
        Card(id: "l1", note: "n", kind: Locate(prompt: "Where is the port?", picture: "map.png",
            answer: Circle(name: "Liepāja", x: 10, y: 10, r: 5),
            others: [Circle(name: "Riga", x: 40, y: 10, r: 5), Circle(name: "Tallinn", x: 40, y: 40, r: 5),
                     Polygon(name: "Narva", points: [(0, 50), (20, 50), (10, 60)])])),
        Card(id: "l2", kind: Locate(prompt: "Where is the lone place?", picture: "map.png",
            answer: Circle(name: "Paldiski", x: 10, y: 10, r: 5))),
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
            // The card without other regions cannot be asked as a choice.
            assert_eq!(test.questions.len(), 1);
            let q = &test.questions[0];
            assert_eq!(q.kind, QuestionKind::MultipleChoice);
            assert_eq!(q.prompt, "Where is the port?");
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
    }

    #[test]
    fn classify_answers() {
        assert_eq!(classify("1940"), AnswerClass::Year);
        assert_eq!(classify("23 August 1939"), AnswerClass::FullDate);
        assert_eq!(classify("August 23, 1939"), AnswerClass::FullDate);
        assert_eq!(classify("21 July"), AnswerClass::FullDate);
        assert_eq!(classify("30,000"), AnswerClass::Number);
        assert_eq!(classify("June 1941"), AnswerClass::MonthYear);
        assert_eq!(classify("june"), AnswerClass::MonthYear);
        assert_eq!(classify("12"), AnswerClass::Number);
        assert_eq!(classify("Kārlis Ulmanis"), AnswerClass::PersonName);
        assert_eq!(classify("Latvia"), AnswerClass::Text);
        assert_eq!(classify("The Stalinist Constitution"), AnswerClass::Text);
        assert_eq!(classify("Popular Front"), AnswerClass::Text);
        assert_eq!(classify("the Baltic states"), AnswerClass::Text);
        assert_eq!(classify(""), AnswerClass::Text);
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

    #[test]
    fn answer_kinds_from_shape_and_question() {
        assert_eq!(answer_kind("", "1941–1944"), AnswerKind::YearSpan);
        assert_eq!(answer_kind("", "13–14 June 1941"), AnswerKind::DaySpan);
        assert_eq!(
            answer_kind("", "16 June – 5 August 1940"),
            AnswerKind::DaySpan
        );
        assert_eq!(answer_kind("Who?", "Twenty-five"), AnswerKind::Number);
        assert_eq!(answer_kind("", "15th"), AnswerKind::Number);
        assert_eq!(
            answer_kind("Where were they taken?", "Siberia"),
            AnswerKind::Place
        );
        assert_eq!(answer_kind("In which port?", "Paldiski"), AnswerKind::Place);
        assert_eq!(answer_kind("Who signed it?", "Molotov"), AnswerKind::Person);
        assert_eq!(
            answer_kind("After whose speech?", "Khrushchev"),
            AnswerKind::Person
        );
        assert_eq!(
            answer_kind(
                "What was the name of the Soviet foreign minister?",
                "Molotov"
            ),
            AnswerKind::Person
        );
        // The noun after "which" is the treaty, not the minister who signed it.
        assert_eq!(
            answer_kind("Which treaty did the foreign minister sign?", "Tartu"),
            AnswerKind::Other
        );
        // In a statement "who" is a relative pronoun.
        assert_eq!(
            answer_kind("The men who fled hid in the [...]", "forests"),
            AnswerKind::Other
        );
        assert_eq!(answer_kind("", "Kārlis Ulmanis"), AnswerKind::Person);
        assert_eq!(answer_kind("", "Forest Brothers"), AnswerKind::Other);
    }

    const KINDS: &str = r#"Deck(format: 1, id: "k", title: "K", cards: [
        Card(id: "pl1", kind: TypeIn(question: "Where was the first base?", answers: ["Paldiski"])),
        Card(id: "pl2", kind: TypeIn(question: "In which city did the assembly meet?", answers: ["Tallinn"])),
        Card(id: "pl3", kind: TypeIn(question: "Which port was blockaded?", answers: ["Liepāja"])),
        Card(id: "pl4", kind: TypeIn(question: "Where were the deportees taken?", answers: ["Siberia"])),
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
    /// draw; now each is offered only its own kind, and spans of days only spans.
    #[test]
    fn distractors_are_people_for_people_places_for_places() {
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
