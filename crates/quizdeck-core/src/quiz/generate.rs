//! Generating a practice test: the answer pool of the chosen decks, questions in every
//! form from any card (distractors of the answer's class and kind from other cards'
//! answers and the author's distractors; Match from several cards), seeded.

use super::*;
use crate::text::strings;

/// A short answer of some card, usable as a distractor for another.
#[derive(Debug, Clone)]
struct PoolAnswer {
    text: String,
    key: String,
    kind: AnswerKind,
    /// How it reads on its own ([`classify::sort`]): options are drawn of one sort.
    sort: classify::Sort,
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

/// An answer as compared with others: normalised, without a leading word that leaves its
/// meaning as it is ([`crate::answer::without_plain_lead`]), so a test never offers one
/// answer twice ("August 1991" beside "In August 1991"), nor the right one again as a
/// wrong one.
fn option_key(text: &str) -> String {
    normalize_for_search(crate::answer::without_plain_lead(text))
}

/// `text` as a pool answer, of the kind it has as the answer to `question`.
fn pool_entry(question: &str, text: &str) -> Option<PoolAnswer> {
    let key = option_key(text);
    if key.is_empty() {
        return None;
    }
    let class = classify(text);
    let text = text.trim();
    Some(PoolAnswer {
        text: text.to_owned(),
        key,
        kind: answer_kind(question, text),
        sort: classify::sort(text),
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
                question: front.to_string(),
                accepted: vec![back.to_string()],
            }];
            if *reverse {
                v.push(Fact {
                    question: back.to_string(),
                    accepted: vec![front.to_string()],
                });
            }
            v
        }
        CardKind::TypeIn { question, answers } if !answers.is_empty() => vec![Fact {
            question: question.to_string(),
            accepted: strings(answers),
        }],
        CardKind::MultipleChoice {
            question,
            answer,
            also_correct,
            ..
        } => {
            let mut accepted = vec![answer.to_string()];
            accepted.extend(also_correct.iter().map(String::from));
            vec![Fact {
                question: question.to_string(),
                accepted,
            }]
        }
        _ => Vec::new(),
    }
}

/// The longest place name, in words, looked for in other cards' answers.
const MOST_PLACE_WORDS: usize = 6;

/// A place's name as looked for in answers: normalised, its words one space apart.
fn place_key(name: &str) -> String {
    normalize_for_search(name)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// The names a map card's place goes by: its name, and its name without the part in
/// brackets ("Leningrad" for "Leningrad (Saint Petersburg)").
fn place_keys(card: &Card) -> Option<[String; 2]> {
    let CardKind::Locate { answer, .. } = &card.kind else {
        return None;
    };
    let short = answer.name.split(" (").next().unwrap_or_default();
    Some([place_key(&answer.name), place_key(short)])
}

/// The places of `d`'s map cards that its other cards name in an answer, as whole words:
/// a typed answer, a right option, a back or front, a cloze gap, either side of a pair
/// ("Riga" in "Treaty of Riga"). A test asks a map card only when its place is not among
/// them: without the map, its question asks that card's fact again. Each answer's runs of
/// up to [`MOST_PLACE_WORDS`] words are looked up once, so this is linear in the deck.
fn worded_places(d: &Deck) -> HashSet<String> {
    let names: HashSet<String> = d.cards.iter().filter_map(place_keys).flatten().collect();
    let mut found = HashSet::new();
    if names.is_empty() {
        return found;
    }
    let longest = (names.iter())
        .map(|n| n.split(' ').count())
        .max()
        .unwrap_or(1)
        .min(MOST_PLACE_WORDS);
    let mut look = |answer: &str| {
        let folded = normalize_for_search(answer);
        let words: Vec<&str> = folded.split_whitespace().collect();
        for i in 0..words.len() {
            let mut run = String::new();
            for w in words.iter().skip(i).take(longest) {
                if !run.is_empty() {
                    run.push(' ');
                }
                run.push_str(w);
                if names.contains(&run) {
                    found.insert(run.clone());
                }
            }
        }
    };
    for c in &d.cards {
        match &c.kind {
            CardKind::Locate { .. } => {}
            CardKind::Cloze(z) => z.gaps().flat_map(|g| &g.answers).for_each(|a| look(a)),
            CardKind::Match { pairs, .. } => pairs.iter().for_each(|(l, r)| {
                look(l);
                look(r);
            }),
            _ => facts(c)
                .iter()
                .flat_map(|f| &f.accepted)
                .for_each(|a| look(a)),
        }
    }
    found
}

/// Whether `card` is a map card whose place another card of its deck names in an answer
/// (`worded`, from [`worded_places`]).
fn asked_in_words(card: &Card, worded: &HashSet<String>) -> bool {
    place_keys(card).is_some_and(|keys| keys.iter().any(|k| worded.contains(k)))
}

/// Whether `spaced` (normalised text with a space at each end) holds `key` as whole words,
/// without making a string for each key looked for.
fn names_words(spaced: &str, key: &str) -> bool {
    if key.is_empty() {
        return false;
    }
    let bytes = spaced.as_bytes();
    // Every occurrence, overlapping ones too ("bora bora" in " xbora bora bora ").
    let mut from = 0;
    while let Some(found) = spaced.get(from..).and_then(|rest| rest.find(key)) {
        let at = from + found;
        let end = at + key.len();
        if at > 0 && bytes[at - 1] == b' ' && bytes.get(end) == Some(&b' ') {
            return true;
        }
        // On to the next character boundary after `at`.
        from = at + spaced[at..].chars().next().map_or(1, char::len_utf8);
    }
    false
}

/// Whether an answer of kind `k` takes the kind other questions name its text by (a
/// person, place or state is as its questions say; a date or figure is as it looks).
fn named_kind(k: AnswerKind) -> bool {
    matches!(
        k,
        AnswerKind::Other | AnswerKind::Person | AnswerKind::Place | AnswerKind::State
    )
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
        // A text named a state by any question is a state, else a place if any question
        // says so ("Who was first to declare independence?" asks for a state), else a
        // person if any question says so.
        let rank = |k: AnswerKind| match k {
            AnswerKind::State => 3,
            AnswerKind::Place => 2,
            AnswerKind::Person => 1,
            _ => 0,
        };
        let mut named: HashMap<String, AnswerKind> = HashMap::new();
        for p in pool.iter().filter(|p| rank(p.kind) > 0) {
            let k = named.entry(p.key.clone()).or_insert(p.kind);
            if rank(p.kind) > rank(*k) {
                *k = p.kind;
            }
        }
        for p in &mut pool {
            if named_kind(p.kind)
                && let Some(&k) = named.get(&p.key)
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
    /// shows); `in_text` options are read in a sentence (a cloze gap's), so they open in
    /// the case the answer does.
    fn distractors(
        &self,
        question: &str,
        accepted: &[String],
        also_banned: &[String],
        in_text: bool,
        n: usize,
        rng: &mut StdRng,
    ) -> Vec<String> {
        let Some(mut answer) = accepted.first().and_then(|a| pool_entry(question, a)) else {
            return Vec::new();
        };
        if named_kind(answer.kind)
            && let Some(&k) = self.named.get(&answer.key)
        {
            answer.kind = k;
        }
        let banned: HashSet<String> = accepted
            .iter()
            .chain(also_banned)
            .map(|a| option_key(a))
            .collect();
        // Never offer what the question itself names ("Whose name stands beside
        // Molotov's…?" does not offer "Molotov").
        let asked = format!(" {} ", normalize_for_search(question));
        let shown = |key: &str| key.chars().count() >= 3 && names_words(&asked, key);
        let mut seen: HashSet<&str> = HashSet::new();
        // A question that names the answer's month ("Over which two days in July 1940…?")
        // gives away every date of another month: only dates of that month are offered,
        // the answer's own days moved when the other answers have too few.
        let dated = matches!(answer.kind, AnswerKind::FullDate | AnswerKind::DaySpan);
        let months = classify::months_named(&answer.text);
        let same_month = (dated
            && !months.is_empty()
            && months
                .iter()
                .all(|m| classify::months_named(question).contains(m)))
        .then_some(months);
        let mut cands: Vec<&PoolAnswer> = self
            .pool
            .iter()
            // Options of one sort: "Its runway" or "Proclaimed full independence" is
            // never offered beside a name ([`classify::sort`]).
            .filter(|p| p.kind == answer.kind && p.sort == answer.sort)
            // Read in a sentence (a cloze gap), an option opens in the case its answer
            // does: "Vistula" beside "neutral" in "the officially […] Baltic states" gives
            // itself away.
            .filter(|p| !in_text || p.capital == answer.capital)
            .filter(|p| !banned.contains(&p.key) && !shown(&p.key))
            .filter(|p| {
                same_month
                    .as_ref()
                    .is_none_or(|m| classify::months_named(&p.text) == *m)
            })
            .filter(|p| seen.insert(p.key.as_str()))
            .collect();
        if same_month.is_some() && cands.len() < n {
            let mut taken: HashSet<String> = cands.iter().map(|p| p.key.clone()).collect();
            let mut made = Vec::new();
            for by in [-1, 1, -2, 2, 3, -3, 5, -5, 7, -7] {
                if cands.len() + made.len() >= n {
                    break;
                }
                let Some(text) = classify::days_moved(&answer.text, by) else {
                    continue;
                };
                let key = option_key(&text);
                if !banned.contains(&key) && taken.insert(key) {
                    made.push(text);
                }
            }
            cands.shuffle(rng);
            let mut out: Vec<String> = cands.into_iter().map(|p| p.text.clone()).collect();
            out.extend(made);
            out.truncate(n);
            return out;
        }
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

/// Options in one style: when some open with a word that leaves their meaning as it is
/// ("In August 1993") and others do not, none does, so the odd one out gives nothing away.
fn one_style(options: &mut [String]) {
    let led = |o: &String| crate::answer::without_plain_lead(o).len() != o.trim().len();
    let n = options.iter().filter(|o| led(o)).count();
    if n > 0 && n < options.len() {
        for o in options.iter_mut() {
            *o = crate::answer::without_plain_lead(o).to_owned();
        }
    }
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
        note: card.note.to_string(),
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
            let others: Vec<String> = c.gaps().flat_map(|g| strings(&g.answers)).collect();
            let wrong = ctx.distractors("", &accepted, &others, true, MAX_OPTIONS - 1, rng);
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
            statement.to_string(),
            QuestionForm::TrueFalse {
                statement: statement.to_string(),
                truth: *truth,
                correction: correction.to_string(),
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
                prompt.to_string(),
                QuestionForm::Order {
                    items: shown,
                    solution,
                },
                items.join(" → "),
            ))
        }
        (CardKind::Match { prompt, pairs }, QuestionKind::Match) => {
            let (left, right): (Vec<String>, Vec<String>) = (pairs.iter())
                .map(|(l, r)| (l.to_string(), r.to_string()))
                .unzip();
            Some(base(
                kind,
                prompt.to_string(),
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
            let mut right = vec![answer.to_string()];
            right.extend(also_correct.iter().map(String::from));
            let banned: HashSet<String> = right.iter().map(|r| normalize_for_search(r)).collect();
            let mut wrong: Vec<String> = distractors
                .iter()
                .filter(|d| !banned.contains(&normalize_for_search(d)))
                .map(String::from)
                .collect();
            wrong.shuffle(rng);
            wrong.truncate(MAX_OPTIONS - 1);
            let (options, correct) = shuffled_options(&right, wrong, rng);
            Some(base(
                kind,
                question.to_string(),
                QuestionForm::MultipleChoice { options, correct },
                answer.to_string(),
            ))
        }
        (
            CardKind::Locate {
                choice_prompt: Some(prompt),
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
                prompt.to_string(),
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
                    let wrong = ctx.distractors(
                        &fact.question,
                        &fact.accepted,
                        &[],
                        false,
                        MAX_OPTIONS - 1,
                        rng,
                    );
                    if wrong.len() < MIN_DISTRACTORS {
                        return None;
                    }
                    let mut shown: Vec<String> =
                        std::iter::once(first.clone()).chain(wrong).collect();
                    one_style(&mut shown);
                    let right = shown.remove(0);
                    let (options, correct) =
                        shuffled_options(std::slice::from_ref(&right), shown, rng);
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
                                .map(String::from)
                                .collect()
                        }
                        _ => Vec::new(),
                    };
                    let wrong = if own.is_empty() {
                        ctx.distractors(&fact.question, &fact.accepted, &[], false, 1, rng)
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
            if part >= facts(card).len() {
                Vec::new()
            } else if typeable(card, part) {
                vec![K::Typed, K::MultipleChoice, K::TrueFalse]
            } else {
                vec![K::MultipleChoice, K::TrueFalse]
            }
        }
        CardKind::MultipleChoice { .. } if typeable(card, part) => {
            vec![K::MultipleChoice, K::Typed, K::TrueFalse]
        }
        CardKind::MultipleChoice { .. } => vec![K::MultipleChoice, K::TrueFalse],
        CardKind::TrueFalse { .. } => vec![K::TrueFalse],
        CardKind::Order { .. } => vec![K::Order],
        CardKind::Match { .. } => vec![K::Match],
        CardKind::Cloze(_) => vec![K::Cloze, K::MultipleChoice],
        // Asked in tests as a choice among the card's region names, with the question its
        // author wrote for that (a prompt like "Click it on the map" means nothing there).
        CardKind::Locate {
            choice_prompt: Some(_),
            others,
            ..
        } if others.len() >= MIN_DISTRACTORS => vec![K::MultipleChoice],
        CardKind::Locate { .. } => Vec::new(),
    }
}

/// The most words an answer may have to be asked typed when its card was not written to be
/// typed: the typed-answer cards' answers are names, dates and short phrases, a front and
/// back card's back is often an explanation no one could type as written.
const MOST_TYPED_WORDS: usize = 6;
/// The most characters such an answer may have.
const MOST_TYPED_CHARS: usize = 40;

/// Whether part `part` of `card` may be asked as a typed answer: always for a typed-answer
/// card (its author chose it), otherwise only when one of its accepted answers is a few
/// words.
fn typeable(card: &Card, part: usize) -> bool {
    let short = |text: &str| {
        text.split_whitespace().count() <= MOST_TYPED_WORDS
            && text.chars().count() <= MOST_TYPED_CHARS
    };
    match &card.kind {
        CardKind::TypeIn { .. } => true,
        CardKind::Basic { front, back, .. } => short(if part == 0 { back } else { front }),
        CardKind::MultipleChoice {
            answer,
            also_correct,
            ..
        } => std::iter::once(answer)
            .chain(also_correct)
            .any(|a| short(a)),
        _ => false,
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
/// is asked at most once (a Match built from cards uses cards not asked otherwise); a map
/// card is asked only with its question for a choice, and only when no other card of its
/// deck names its place in an answer ([`worded_places`]).
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
        let worded = worded_places(d);
        for (ci, c) in d.cards.iter().enumerate() {
            // A test asks each fact once: a map card whose place another card asks in
            // words is left to that card.
            if asked_in_words(c, &worded) {
                continue;
            }
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
        // Say so when map cards would be asked with a question written for tests.
        let unasked_map = |c: &Card| {
            matches!(&c.kind, CardKind::Locate { choice_prompt: None, others, .. }
                if others.len() >= MIN_DISTRACTORS)
        };
        let maps = allowed(&QuestionKind::MultipleChoice)
            && ctx.decks.iter().any(|d| d.cards.iter().any(unasked_map));
        return Err(if maps {
            QuizError::MapsWithoutQuestion
        } else {
            QuizError::NothingToAsk
        });
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

    #[test]
    fn names_words_finds_whole_words_overlapping_ones_too() {
        assert!(names_words(" xbora bora bora ", "bora bora"));
        assert!(names_words(" the riga treaty ", "riga"));
        assert!(!names_words(" rigas treaty ", "riga"));
        assert!(!names_words(" ā riga ", "rig"));
        assert!(names_words(" ā ā ā ", "ā ā"));
        assert!(!names_words(" riga ", ""));
    }
}
