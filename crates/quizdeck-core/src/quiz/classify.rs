//! Answer classes and kinds: what shape an answer has (a year, a date, a span, a figure,
//! a name…) and what a question asks for (a person, a place), so that distractors are of
//! the answer's class and kind.

use super::*;

/// The type of a short answer, used to pick plausible distractors.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub(crate) enum AnswerClass {
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

/// The months (0 = January) that `text` names, as whole words, in English.
pub(super) fn months_named(text: &str) -> Vec<usize> {
    let mut found: Vec<usize> = text
        .split(|c: char| !c.is_alphabetic())
        .filter_map(|w| MONTHS.iter().position(|m| w.eq_ignore_ascii_case(m)))
        .collect();
    found.sort_unstable();
    found.dedup();
    found
}

/// `date` with each day number (one or two figures, not a year) moved by `by` days, or
/// `None` when a day would leave 1–28 (so that every month has it) or there is no day.
pub(super) fn days_moved(date: &str, by: i32) -> Option<String> {
    let mut out = String::with_capacity(date.len());
    let mut digits = String::new();
    let mut moved = false;
    let mut flush = |digits: &mut String, out: &mut String| -> Option<()> {
        if digits.len() <= 2 && !digits.is_empty() {
            let day = digits.parse::<i32>().ok()? + by;
            if !(1..=28).contains(&day) {
                return None;
            }
            out.push_str(&day.to_string());
            moved = true;
        } else {
            out.push_str(digits);
        }
        digits.clear();
        Some(())
    };
    for c in date.chars() {
        if c.is_ascii_digit() {
            digits.push(c);
        } else {
            flush(&mut digits, &mut out)?;
            out.push(c);
        }
    }
    flush(&mut digits, &mut out)?;
    moved.then_some(out)
}

/// Classifies a short answer (see [`AnswerClass`]).
/// A quantity written with its scale, an approximation or a unit, and its value: "Two
/// hundred" (200), "two thousand", "about 10,000", "some forty", "over 1.5 million", "Ten
/// years", "25,000 troops", "15%", "25 per cent". Plain figures and number words are
/// [`parse_number`]'s and [`number_word`]'s.
fn quantity(s: &str) -> Option<f64> {
    /// Units a figure may be given in.
    const UNITS: [&str; 24] = [
        "year",
        "years",
        "month",
        "months",
        "week",
        "weeks",
        "day",
        "days",
        "hour",
        "hours",
        "km",
        "kilometres",
        "kilometers",
        "mile",
        "miles",
        "percent",
        "tonnes",
        "tons",
        "men",
        "people",
        "persons",
        "troops",
        "soldiers",
        "%",
    ];
    const APPROX: [&[&str]; 15] = [
        &["about"],
        &["some"],
        &["around"],
        &["nearly"],
        &["almost"],
        &["over"],
        &["under"],
        &["roughly"],
        &["approximately"],
        &["more", "than"],
        &["fewer", "than"],
        &["less", "than"],
        &["at", "least"],
        &["up", "to"],
        &["as", "many", "as"],
    ];
    let lower = s.trim().to_lowercase();
    let mut words: Vec<&str> = lower.split_whitespace().collect();
    let approx = APPROX.iter().find(|a| words.starts_with(a));
    if let Some(a) = approx {
        words.drain(..a.len());
    }
    // A unit after the figure: "years", "per cent", or "%" written on to it ("15%").
    let mut unit = false;
    if words.ends_with(&["per", "cent"]) {
        words.truncate(words.len() - 2);
        unit = true;
    } else if let Some(&last) = words.last()
        && words.len() > 1
        && UNITS.contains(&last)
    {
        words.pop();
        unit = true;
    }
    let bare_percent;
    if let Some(last) = words.last_mut()
        && let Some(figure) = last.strip_suffix('%')
        && !figure.is_empty()
    {
        bare_percent = figure.to_owned();
        *last = &bare_percent;
        unit = true;
    }
    let mut scale = 1.0;
    while let Some(&last) = words.last() {
        scale *= match last {
            "hundred" => 100.0,
            "thousand" => 1e3,
            "million" => 1e6,
            "billion" => 1e9,
            _ => break,
        };
        words.pop();
    }
    if words.is_empty() || (approx.is_none() && scale == 1.0 && !unit) {
        return None;
    }
    let n = words.join(" ");
    let n = parse_number(&n).or_else(|| number_word(&n))?;
    Some(n * scale)
}

/// How an answer reads on its own, beyond its kind: a name or noun phrase ("Popular
/// Fronts"), a phrase that leans on its own question for its sense ("Its runway": it opens
/// with a pronoun or a possessive), or an action ("Proclaimed full independence": a verb
/// in the past, then a word in lower case), or a clause ("That they would defend Riga",
/// "Because it feared a landing": it opens with "that" or "because"). Beside another
/// question's answers, one of another sort reads as no answer at all, so options are
/// drawn of one sort.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Sort {
    /// A name or a noun phrase.
    Name,
    /// A phrase that needs its question.
    Leaning,
    /// An action.
    Action,
    /// A clause.
    Clause,
}

/// The [`Sort`] of `answer`.
pub(super) fn sort(answer: &str) -> Sort {
    const LEANING: [&str; 13] = [
        "its", "their", "his", "her", "it", "they", "he", "she", "this", "these", "those", "them",
        "him",
    ];
    let mut words = answer.split_whitespace();
    let Some(first) = words.next() else {
        return Sort::Name;
    };
    let lower = first.to_lowercase();
    if LEANING.contains(&lower.as_str()) {
        return Sort::Leaning;
    }
    if ["that", "because"].contains(&lower.as_str()) && answer.split_whitespace().nth(1).is_some() {
        return Sort::Clause;
    }
    let next_lower = words
        .next()
        .is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase));
    if lower.len() > 4 && lower.ends_with("ed") && next_lower {
        return Sort::Action;
    }
    Sort::Name
}

/// Words that may come before a date given as an answer ("In December 1987").
const DATE_PREPOSITIONS: [&str; 8] = [
    "in", "on", "by", "from", "until", "since", "after", "before",
];

pub(crate) fn classify(answer: &str) -> AnswerClass {
    let t = answer.trim();
    // "In December 1987" is a date of its class, not a phrase offered beside names.
    if let Some((first, rest)) = t.split_once(char::is_whitespace)
        && DATE_PREPOSITIONS.contains(&first.to_lowercase().as_str())
    {
        let class = classify(rest);
        if matches!(
            class,
            AnswerClass::Year
                | AnswerClass::FullDate
                | AnswerClass::MonthYear
                | AnswerClass::YearSpan
                | AnswerClass::DaySpan
        ) {
            return class;
        }
    }
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
    if parse_number(t).is_some()
        || number_word(t).is_some()
        || is_ordinal(t)
        || quantity(t).is_some()
    {
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
    // Nor is a phrase that opens with a preposition ("In Riga").
    if words.iter().any(|w| not_person.contains(w))
        || words
            .first()
            .is_some_and(|w| DATE_PREPOSITIONS.contains(&w.to_lowercase().as_str()))
    {
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
pub(super) fn magnitude(answer: &str, class: AnswerClass) -> Option<f64> {
    match class {
        AnswerClass::Year | AnswerClass::Number => parse_number(answer)
            .or_else(|| number_word(answer))
            .or_else(|| quantity(answer))
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
    /// A place: a city, port, island, river, camp…
    Place,
    /// A state: asked for as a country, state, republic or nation ("Which state took on
    /// the burden…?" is offered states, never cities).
    State,
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
const PLACE_NOUNS: [&str; 28] = [
    "city",
    "cities",
    "town",
    "towns",
    "capital",
    "port",
    "ports",
    "island",
    "islands",
    "village",
    "river",
    "region",
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
];

/// Nouns that, after "which" or "what", ask for a state.
const STATE_NOUNS: [&str; 8] = [
    "country",
    "countries",
    "state",
    "states",
    "republic",
    "republics",
    "nation",
    "nations",
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
                    if STATE_NOUNS.contains(&n) {
                        return Some(AnswerKind::State);
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn days_move_within_the_month_and_years_stay() {
        assert_eq!(
            days_moved("14–15 July 1940", 1).as_deref(),
            Some("15–16 July 1940")
        );
        assert_eq!(
            days_moved("14–15 July 1940", -2).as_deref(),
            Some("12–13 July 1940")
        );
        assert_eq!(days_moved("1 July 1940", -1), None);
        assert_eq!(days_moved("28 July 1940", 1), None);
        assert_eq!(days_moved("July 1940", 1), None);
        assert_eq!(months_named("16 June – 5 August 1940"), [5, 7]);
        assert_eq!(months_named("In which month? mayor"), Vec::<usize>::new());
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
        // Quantities with their scale or an approximation are figures, never offered
        // beside names ("Two hundred" for a coalition's name).
        assert_eq!(classify("Two hundred"), AnswerClass::Number);
        assert_eq!(classify("about 10,000"), AnswerClass::Number);
        assert_eq!(classify("More than two thousand"), AnswerClass::Number);
        assert_eq!(magnitude("Two hundred", AnswerClass::Number), Some(200.0));
        assert_eq!(
            magnitude("over 1.5 million", AnswerClass::Number),
            Some(1.5e6)
        );
        // With a unit too: "Ten years" was offered for "military measures".
        for q in [
            "Ten years",
            "about five years",
            "25,000 troops",
            "15%",
            "25 per cent",
            "3 days",
        ] {
            assert_eq!(classify(q), AnswerClass::Number, "{q}");
        }
        assert_eq!(magnitude("15%", AnswerClass::Number), Some(15.0));
        assert_eq!(magnitude("Ten years", AnswerClass::Number), Some(10.0));
        for t in ["military measures", "Years of terror", "%", "Days of Song"] {
            assert_eq!(classify(t), AnswerClass::Text, "{t}");
        }
        assert_eq!(classify("Two Estonian islands"), AnswerClass::Text);
        assert_eq!(classify("Some historians"), AnswerClass::Text);
        // A date after a preposition is a date.
        assert_eq!(classify("In December 1987"), AnswerClass::MonthYear);
        assert_eq!(classify("on 23 August 1939"), AnswerClass::FullDate);
        assert_eq!(classify("In Riga"), AnswerClass::Text);
        // How an answer reads on its own.
        assert_eq!(sort("Popular Fronts"), Sort::Name);
        assert_eq!(sort("United Nations"), Sort::Name);
        assert_eq!(sort("Its runway"), Sort::Leaning);
        assert_eq!(sort("Proclaimed full independence"), Sort::Action);
        assert_eq!(sort("Deported"), Sort::Name);
        assert_eq!(sort(""), Sort::Name);
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
        assert_eq!(
            answer_kind("Which state took on the burden?", "Russia"),
            AnswerKind::State
        );
        assert_eq!(
            answer_kind("Which of the Baltic states was first?", "Lithuania"),
            AnswerKind::State
        );
        assert_eq!(
            answer_kind("In which country was it signed?", "Poland"),
            AnswerKind::State
        );
        assert_eq!(
            answer_kind("Which Latvian town had the station?", "Skrunda"),
            AnswerKind::Place
        );
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
}
