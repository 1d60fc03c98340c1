//! Lint of the bundled decks in `decks/`: content rules a `check` pass does not cover
//! (rules across decks, and the project's own rules for its bundled content).

use quizdeck::answer::normalize_for_search as fold;
use quizdeck::deck::{self, CardKind, Deck};
use std::collections::HashMap;
use std::path::Path;

/// The five source documents, by the key every deck uses for them.
const SOURCES: [(&str, &str); 5] = [
    ("occupation", "Occupation of the Baltic states"),
    (
        "occupation-1940",
        "Soviet occupation of the Baltic states (1940)",
    ),
    (
        "summary",
        "Soviet occupation of the Baltic states (1940), encyclopedia summary",
    ),
    ("relations", "Baltic–Soviet relations"),
    (
        "fifty-years",
        "Soviet Union Invasion and Occupation of the Baltic's and Bessarabia (from \"50 Years of Terror, Tyranny and Oppression 1940–1991\")",
    ),
];

fn decks() -> Vec<Deck> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("decks");
    let files = deck::discover(&[dir]).unwrap();
    files
        .iter()
        .map(|f| {
            let c = deck::check_file(f);
            assert!(
                c.diagnostics.is_empty(),
                "{} must pass check with no errors or warnings:\n{}",
                c.file,
                c.render()
            );
            c.deck.unwrap()
        })
        .collect()
}

/// True when `needle` appears in `hay` as whole words (both folded).
fn contains_words(hay: &str, needle: &str) -> bool {
    let (h, n) = (format!(" {} ", fold(hay)), format!(" {} ", fold(needle)));
    !n.trim().is_empty() && h.contains(&n)
}

#[test]
fn enough_decks_cards_and_kinds() {
    let decks = decks();
    assert!(decks.len() >= 8, "{} decks", decks.len());
    let total: usize = decks.iter().map(|d| d.cards.len()).sum();
    assert!(total >= 480, "{total} cards");
    for d in &decks {
        assert!(d.cards.len() >= 25, "{} has {} cards", d.id, d.cards.len());
        assert!(
            d.kinds_used().len() >= 4,
            "{} uses {:?}",
            d.id,
            d.kinds_used()
        );
    }
    assert!(
        decks.iter().any(|d| d
            .cards
            .iter()
            .filter(|c| matches!(c.kind, CardKind::Order { .. }))
            .count()
            >= 15),
        "a timeline deck of Order cards is expected"
    );
}

#[test]
fn card_ids_are_unique_across_decks() {
    let mut seen: HashMap<String, String> = HashMap::new();
    for d in decks() {
        for c in &d.cards {
            if let Some(other) = seen.insert(c.id.to_string(), d.id.to_string()) {
                panic!("card id {} is in both {other} and {}", c.id, d.id);
            }
        }
    }
}

#[test]
fn no_question_is_repeated_across_decks() {
    let mut seen: HashMap<String, String> = HashMap::new();
    for d in decks() {
        for c in &d.cards {
            let q = fold(&c.kind.prompt_text());
            if let Some(other) = seen.insert(q.clone(), format!("{}/{}", d.id, c.id)) {
                panic!("{}/{} repeats the question of {other}: {q}", d.id, c.id);
            }
        }
    }
}

/// Practice tests and exams ask a map card without its map: every bundled one with places
/// to choose from has a question written for that, which asks for no click.
#[test]
fn every_map_card_has_a_question_for_tests_without_the_map() {
    let mut n = 0;
    for d in decks() {
        for c in &d.cards {
            let CardKind::Locate {
                choice_prompt,
                others,
                ..
            } = &c.kind
            else {
                continue;
            };
            assert!(others.len() >= 2, "{}/{}: too few places", d.id, c.id);
            let Some(q) = choice_prompt else {
                panic!("{}/{}: no choice_prompt", d.id, c.id)
            };
            for word in ["click", "map", "point"] {
                assert!(
                    !contains_words(q, word),
                    "{}/{}: {q:?} speaks of the map",
                    d.id,
                    c.id
                );
            }
            n += 1;
        }
    }
    assert!(n >= 33, "{n} map cards");
}

#[test]
fn no_answer_is_given_away_in_its_question() {
    for d in decks() {
        for c in &d.cards {
            let (question, answers): (&str, Vec<&quizdeck::text::Text>) = match &c.kind {
                CardKind::TypeIn { question, answers } => (question, answers.iter().collect()),
                CardKind::MultipleChoice {
                    question,
                    answer,
                    also_correct,
                    ..
                } => (
                    question,
                    std::iter::once(answer).chain(also_correct).collect(),
                ),
                CardKind::Locate {
                    prompt,
                    choice_prompt: Some(question),
                    answer,
                    ..
                } => {
                    // The place's name, and its name without the part in brackets.
                    let name = answer.name.split(" (").next().unwrap_or_default();
                    for prompt in [question, prompt] {
                        assert!(
                            !contains_words(prompt, name),
                            "{}/{}: the answer {name:?} is in {prompt:?}",
                            d.id,
                            c.id
                        );
                    }
                    continue;
                }
                _ => continue,
            };
            for a in answers {
                assert!(
                    !contains_words(question, a),
                    "{}/{}: the answer {a:?} is in the question {question:?}",
                    d.id,
                    c.id
                );
            }
        }
    }
}

#[test]
fn distractors_are_unique_and_wrong() {
    for d in decks() {
        for c in &d.cards {
            if let CardKind::MultipleChoice {
                answer,
                distractors,
                also_correct,
                ..
            } = &c.kind
            {
                let mut seen = std::collections::HashSet::new();
                for x in distractors {
                    assert!(seen.insert(fold(x)), "{}/{}: {x:?} twice", d.id, c.id);
                    assert_ne!(fold(x), fold(answer), "{}/{}", d.id, c.id);
                    assert!(!also_correct.iter().any(|a| fold(a) == fold(x)));
                }
                assert!(distractors.len() >= 2, "{}/{}: too few options", d.id, c.id);
            }
        }
    }
}

#[test]
fn every_card_cites_a_real_document_and_has_a_note() {
    for d in decks() {
        for (key, src) in &d.sources {
            let known = SOURCES.iter().find(|(k, _)| k == key);
            assert_eq!(
                known.map(|k| k.1),
                Some(src.title.as_str()),
                "{}: source {key} is not one of the five documents",
                d.id
            );
        }
        for c in &d.cards {
            let r = c
                .source
                .as_ref()
                .unwrap_or_else(|| panic!("{}/{} has no source", d.id, c.id));
            assert!(d.sources.contains_key(r.doc.as_str()), "{}/{}", d.id, c.id);
            assert!(
                !r.section.trim().is_empty(),
                "{}/{}: no section",
                d.id,
                c.id
            );
            assert!(!c.note.trim().is_empty(), "{}/{}: no note", d.id, c.id);
        }
    }
}

/// Every text a student reads on a card.
fn card_texts(c: &quizdeck::deck::Card) -> Vec<String> {
    let mut t = vec![c.note.clone()];
    let mut more: Vec<String> = Vec::new();
    match &c.kind {
        CardKind::Basic { front, back, .. } => t.extend([front.clone(), back.clone()]),
        CardKind::Cloze(cl) => t.push(cl.full_text().into()),
        CardKind::TypeIn { question, answers } => {
            t.push(question.clone());
            t.extend(answers.iter().cloned());
        }
        CardKind::MultipleChoice {
            question, answer, ..
        } => t.extend([question.clone(), answer.clone()]),
        CardKind::TrueFalse {
            statement,
            correction,
            ..
        } => t.extend([statement.clone(), correction.clone()]),
        CardKind::Order { prompt, items } => {
            t.push(prompt.clone());
            t.extend(items.iter().cloned());
        }
        CardKind::Match { prompt, pairs } => {
            t.push(prompt.clone());
            more.extend(pairs.iter().map(|(l, r)| format!("{l} {r}")));
        }
        CardKind::Locate {
            prompt,
            choice_prompt,
            ..
        } => t.extend(std::iter::once(prompt).chain(choice_prompt).cloned()),
    }
    t.iter().map(String::from).chain(more).collect()
}

/// The text with quotations removed: an official title or wording may be quoted, marked
/// with quotation marks ("…", “…”, „…“ or «…»); everything else must be our own words.
fn unquoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut quote_end: Option<char> = None;
    for c in text.chars() {
        match quote_end {
            Some(end) if c == end || (end == '"' && c == '”') => {
                quote_end = None;
                out.push(' ');
            }
            Some(_) => {}
            None => match c {
                '"' => quote_end = Some('"'),
                '“' => quote_end = Some('”'),
                '„' => quote_end = Some('“'),
                '«' => quote_end = Some('»'),
                _ => out.push(c),
            },
        }
    }
    out
}

/// The folder of source documents: `shared/seeds` beside the project or beside one of
/// its parent folders (a worktree may sit one level deeper than the main checkout).
fn seeds_dir() -> std::path::PathBuf {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    root.ancestors()
        .skip(1)
        .map(|a| a.join("shared/seeds"))
        .find(|p| p.is_dir())
        .unwrap_or_else(|| root.join("../shared/seeds"))
}

/// Cards are written in our own words: no card repeats a run of `RUN` consecutive words
/// of a source document (case, accents and punctuation ignored) outside a quotation.
#[test]
fn no_card_copies_a_sentence_from_the_sources() {
    const RUN: usize = 10;
    let seeds = seeds_dir();
    let mut runs = std::collections::HashSet::new();
    let mut docs = 0;
    for entry in std::fs::read_dir(&seeds).expect("shared/seeds beside the project") {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|e| e == "txt") {
            docs += 1;
            let text = std::fs::read_to_string(&p).unwrap();
            let words: Vec<String> = fold(&text).split(' ').map(str::to_owned).collect();
            for w in words.windows(RUN) {
                runs.insert(w.join(" "));
            }
        }
    }
    assert_eq!(docs, 5, "the five source documents");
    let mut copied = Vec::new();
    for d in decks() {
        for c in &d.cards {
            for text in card_texts(c) {
                let words: Vec<String> = fold(&unquoted(&text))
                    .split(' ')
                    .map(str::to_owned)
                    .collect();
                if let Some(w) = words.windows(RUN).find(|w| runs.contains(&w.join(" "))) {
                    copied.push(format!("{}/{}: \"{}\"", d.id, c.id, w.join(" ")));
                }
            }
        }
    }
    assert!(
        copied.is_empty(),
        "copied from the sources:\n{}",
        copied.join("\n")
    );
}

#[test]
fn quotations_are_exempt_and_the_rest_is_checked() {
    assert_eq!(unquoted("a \"b c\" d"), "a   d");
    assert_eq!(unquoted("a “b” d „e“ f «g» h"), "a   d   f   h");
    assert_eq!(unquoted("open \"quote never closed"), "open ");
}

// ---------------------------------------------------------------------------------------
// Rules across decks: each fact once, fair options, declared sections, flagged disputes.
// Each rule is a function over decks returning its problems, so that it can be run on a
// bad example as well as on the bundled decks.
// ---------------------------------------------------------------------------------------

/// The deck that may restate other decks' dates, as Order events only.
const TIMELINE_DECK: &str = "timeline-1918-1999";
/// Two cards whose question-and-answer words overlap this much (Jaccard) ask one fact.
const SAME_FACT_WORDS: f64 = 0.42;
/// Two cards with a common accepted answer whose question words overlap this much
/// (shared words over the shorter question's words) ask one fact.
const SAME_ANSWER_QUESTION: f64 = 0.3;

/// Words too common to tell two facts apart.
const STOP_WORDS: [&str; 58] = [
    "a", "an", "the", "of", "in", "on", "at", "to", "for", "by", "and", "or", "with", "from", "as",
    "is", "was", "were", "be", "been", "which", "what", "who", "whom", "whose", "when", "where",
    "how", "why", "did", "do", "does", "that", "this", "these", "those", "it", "its", "into",
    "their", "his", "her", "he", "she", "they", "them", "one", "two", "under", "after", "before",
    "about", "than", "then", "also", "not", "no", "each",
];

/// The content words of a text: folded, common words dropped, a plural `s` cut.
fn fact_words(text: &str) -> std::collections::BTreeSet<String> {
    fold(text)
        .split(' ')
        .filter(|w| !w.is_empty() && !STOP_WORDS.contains(w))
        .map(|w| match w.strip_suffix('s') {
            Some(stem) if w.len() > 3 => stem.to_owned(),
            _ => w.to_owned(),
        })
        .collect()
}

/// What a card asks and what it answers, as two texts.
fn question_and_answer(c: &quizdeck::deck::Card) -> (String, String) {
    match &c.kind {
        CardKind::Basic { front, back, .. } => (front.to_string(), back.to_string()),
        CardKind::Cloze(cl) => (cl.full_text(), String::new()),
        CardKind::TypeIn { question, answers } => (question.to_string(), answers[0].to_string()),
        CardKind::MultipleChoice {
            question, answer, ..
        } => (question.to_string(), answer.to_string()),
        CardKind::TrueFalse {
            statement,
            correction,
            ..
        } => (statement.to_string(), correction.to_string()),
        CardKind::Order { prompt, items } => (prompt.to_string(), items.join(" ")),
        CardKind::Match { prompt, pairs } => (
            prompt.to_string(),
            pairs
                .iter()
                .map(|(l, r)| format!("{l} {r}"))
                .collect::<Vec<_>>()
                .join(" "),
        ),
        CardKind::Locate { prompt, answer, .. } => (prompt.to_string(), answer.name.clone()),
    }
}

/// Every answer a card accepts (folded): typed answers, options counted right, cloze gaps.
fn accepted_answers(c: &quizdeck::deck::Card) -> std::collections::BTreeSet<String> {
    match &c.kind {
        CardKind::TypeIn { answers, .. } => answers.iter().map(|a| fold(a)).collect(),
        CardKind::MultipleChoice {
            answer,
            also_correct,
            ..
        } => std::iter::once(answer)
            .chain(also_correct)
            .map(|a| fold(a))
            .collect(),
        CardKind::Cloze(cl) => cl
            .gaps()
            .flat_map(|g| g.answers.iter().map(|a| fold(a)))
            .collect(),
        _ => Default::default(),
    }
}

fn jaccard<T: Ord>(a: &std::collections::BTreeSet<T>, b: &std::collections::BTreeSet<T>) -> f64 {
    let common = a.intersection(b).count();
    let all = a.len() + b.len() - common;
    if all == 0 {
        0.0
    } else {
        common as f64 / all as f64
    }
}

fn overlap<T: Ord>(a: &std::collections::BTreeSet<T>, b: &std::collections::BTreeSet<T>) -> f64 {
    let least = a.len().min(b.len());
    if least == 0 {
        0.0
    } else {
        a.intersection(b).count() as f64 / least as f64
    }
}

/// Pairs of cards in different decks that ask the same fact in other words: their question
/// and answer share most of their words, or they accept a common answer to questions that
/// share many words, or one side of a Match pair is another card's answer to a question
/// holding the pair's other side. The timeline deck's Order cards may restate dates.
fn same_fact_across_decks(decks: &[Deck]) -> Vec<String> {
    struct Fact<'a> {
        deck: &'a str,
        card: &'a str,
        words: std::collections::BTreeSet<String>,
        question: std::collections::BTreeSet<String>,
        answers: std::collections::BTreeSet<String>,
        /// For a Match card: each side of each pair (folded), with the other side's words.
        pairs: Vec<(String, std::collections::BTreeSet<String>)>,
    }
    let mut facts = Vec::new();
    for d in decks {
        for c in &d.cards {
            if d.id.as_str() == TIMELINE_DECK && matches!(c.kind, CardKind::Order { .. }) {
                continue;
            }
            let (q, a) = question_and_answer(c);
            let question = fact_words(&q);
            let words = question.union(&fact_words(&a)).cloned().collect();
            let pairs = match &c.kind {
                CardKind::Match { pairs, .. } => pairs
                    .iter()
                    .flat_map(|(l, r)| [(fold(l), fact_words(r)), (fold(r), fact_words(l))])
                    .collect(),
                _ => Vec::new(),
            };
            facts.push(Fact {
                deck: d.id.as_str(),
                card: c.id.as_str(),
                words,
                question,
                answers: accepted_answers(c),
                pairs,
            });
        }
    }
    let mut found = Vec::new();
    for (i, x) in facts.iter().enumerate() {
        for y in &facts[i + 1..] {
            if x.deck == y.deck {
                continue;
            }
            let words = jaccard(&x.words, &y.words);
            let same_answer = x.answers.intersection(&y.answers).next().is_some();
            let question = overlap(&x.question, &y.question);
            // A Match pair asks the same fact as a card that accepts one side as its answer
            // to a question holding the other side's words.
            let pair_asked = |m: &Fact, other: &Fact| {
                m.pairs.iter().any(|(side, words)| {
                    let shared = words.intersection(&other.question).count();
                    other.answers.contains(side)
                        && shared >= words.len().min(2)
                        && overlap(words, &other.question) >= 0.5
                })
            };
            let in_pair = pair_asked(x, y) || pair_asked(y, x);
            if words >= SAME_FACT_WORDS
                || (same_answer && question >= SAME_ANSWER_QUESTION)
                || in_pair
            {
                found.push(format!(
                    "{}/{} and {}/{} ask one fact (words {words:.2}, same answer {same_answer}, question {question:.2}, in a Match pair {in_pair})",
                    x.deck, x.card, y.deck, y.card
                ));
            }
        }
    }
    found
}

/// Multiple-choice cards whose answer is more than twice as long as their longest
/// distractor (the length alone would give the answer away).
fn answer_longer_than_options(decks: &[Deck]) -> Vec<String> {
    let mut found = Vec::new();
    for d in decks {
        for c in &d.cards {
            if let CardKind::MultipleChoice {
                answer,
                distractors,
                ..
            } = &c.kind
            {
                let longest = distractors
                    .iter()
                    .map(|x| x.chars().count())
                    .max()
                    .unwrap_or(0);
                let len = answer.chars().count();
                if len > 2 * longest {
                    found.push(format!(
                        "{}/{}: the answer has {len} characters, the longest distractor {longest}",
                        d.id, c.id
                    ));
                }
            }
        }
    }
    found
}

/// The declared section names per document key, from the ```` ```sections ```` block of
/// `decks/README.md`: `[key]` lines open a document, the lines under it are its sections.
fn declared_sections(readme: &str) -> HashMap<String, std::collections::HashSet<String>> {
    let block = readme
        .split_once("```sections\n")
        .and_then(|(_, rest)| rest.split_once("```"))
        .map(|(block, _)| block)
        .expect("a ```sections block in decks/README.md");
    let mut out: HashMap<String, std::collections::HashSet<String>> = HashMap::new();
    let mut doc: Option<String> = None;
    for line in block.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if let Some(key) = line.strip_prefix('[').and_then(|l| l.strip_suffix(']')) {
            doc = Some(key.to_owned());
            out.entry(key.to_owned()).or_default();
        } else {
            let key = doc
                .as_ref()
                .expect("a [document] line before the first section");
            assert!(
                out.get_mut(key).unwrap().insert(line.to_owned()),
                "section {line:?} declared twice for {key}"
            );
        }
    }
    out
}

/// Cards whose cited section is not one declared for their document.
fn undeclared_sections(
    decks: &[Deck],
    declared: &HashMap<String, std::collections::HashSet<String>>,
) -> Vec<String> {
    let mut found = Vec::new();
    for d in decks {
        for c in &d.cards {
            let Some(r) = &c.source else { continue };
            if !(declared.get(r.doc.as_str())).is_some_and(|s| s.contains(r.section.as_str())) {
                found.push(format!(
                    "{}/{}: section {:?} is not declared for {} in decks/README.md",
                    d.id, c.id, r.section, r.doc
                ));
            }
        }
    }
    found
}

/// True when a note speaks of the documents disagreeing: it says they differ or disagree,
/// or sets "one document" against "another document".
fn note_mentions_disagreement(note: &str) -> bool {
    let folded = fold(note);
    let words: Vec<&str> = folded.split(' ').collect();
    words.iter().any(|w| {
        matches!(
            *w,
            "differ" | "differs" | "disagree" | "disagrees" | "disagreement"
        )
    }) || words
        .windows(2)
        .any(|w| matches!(w, ["one" | "another", "document"]))
}

/// Cards tagged `contested` whose note says nothing of a disagreement, and cards whose
/// note discusses one without the tag.
fn contested_tag_mismatches(decks: &[Deck]) -> Vec<String> {
    let mut found = Vec::new();
    for d in decks {
        for c in &d.cards {
            let tagged = c.tags.iter().any(|t| t == "contested");
            let noted = note_mentions_disagreement(&c.note);
            if tagged != noted {
                found.push(format!(
                    "{}/{}: {}",
                    d.id,
                    c.id,
                    if tagged {
                        "tagged contested, but its note does not say how the documents differ"
                    } else {
                        "its note discusses a disagreement, but it is not tagged contested"
                    }
                ));
            }
        }
    }
    found
}

fn readme() -> String {
    std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("decks/README.md")).unwrap()
}

#[test]
fn each_fact_is_asked_once_across_decks() {
    let found = same_fact_across_decks(&decks());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn no_answer_is_far_longer_than_its_options() {
    let found = answer_longer_than_options(&decks());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn every_card_cites_a_declared_section() {
    let declared = declared_sections(&readme());
    for (key, _) in SOURCES {
        assert!(declared.contains_key(key), "no sections declared for {key}");
    }
    let found = undeclared_sections(&decks(), &declared);
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn contested_tag_if_and_only_if_the_note_discusses_a_disagreement() {
    let found = contested_tag_mismatches(&decks());
    assert!(found.is_empty(), "{}", found.join("\n"));
}

/// A deck built from cards written as RON, for trying the rules on bad examples.
fn example_deck(id: &str, cards: &str) -> Deck {
    let text = format!(
        r#"Deck(format: 1, id: "{id}", title: "Example",
            sources: {{ "relations": Source(title: "Baltic–Soviet relations") }},
            cards: [{cards}])"#
    );
    deck::load_str(&text, "example.ron", None).unwrap()
}

#[test]
fn the_cross_deck_rules_catch_bad_examples() {
    // One fact in other words, in two decks: caught by its shared answer...
    let a = example_deck(
        "a",
        r#"Card(id: "x", kind: TypeIn(question: "On 3 June 1940 all Soviet forces based in the Baltic states were concentrated under one commander. Who was he?", answers: ["Aleksandr Loktionov", "Loktionov"]))"#,
    );
    let b = example_deck(
        "b",
        r#"Card(id: "y", kind: TypeIn(question: "On 3 June 1940, which commander was given charge of every Soviet military force based in the Baltic states?", answers: ["Loktionov"]))"#,
    );
    assert_eq!(same_fact_across_decks(&[a.clone(), b.clone()]).len(), 1);
    // ...and by its words, when the kinds differ.
    let c = example_deck(
        "c",
        r#"Card(id: "z", kind: Match(prompt: "Match each Baltic state to the day in August 1940 on which it was incorporated into the USSR.", pairs: [("Lithuania", "3 August 1940"), ("Latvia", "5 August 1940"), ("Estonia", "6 August 1940")]))"#,
    );
    let d = example_deck(
        "d",
        r#"Card(id: "w", kind: Match(prompt: "Each republic was taken into the USSR on a different day of August 1940. Match them.", pairs: [("Lithuania", "3 August 1940"), ("Latvia", "5 August 1940"), ("Estonia", "6 August 1940")]))"#,
    );
    assert_eq!(same_fact_across_decks(&[c.clone(), d.clone()]).len(), 1);
    // In one deck, or as an Order card of the timeline deck, it is allowed.
    let both = example_deck(
        "e",
        r#"Card(id: "x", kind: TypeIn(question: "On 3 June 1940 all Soviet forces based in the Baltic states were concentrated under one commander. Who was he?", answers: ["Loktionov"])),
           Card(id: "y", kind: TypeIn(question: "On 3 June 1940, which commander was given charge of every Soviet military force based in the Baltic states?", answers: ["Loktionov"]))"#,
    );
    assert!(same_fact_across_decks(&[both]).is_empty());
    let order = r#"Card(id: "o", kind: Order(prompt: "Match each Baltic state to the day in August 1940 on which it was incorporated into the USSR.", items: ["Lithuania 3 August 1940", "Latvia 5 August 1940", "Estonia 6 August 1940"]))"#;
    assert!(same_fact_across_decks(&[c.clone(), example_deck(TIMELINE_DECK, order)]).is_empty());
    assert_eq!(
        same_fact_across_decks(&[c, example_deck("f", order)]).len(),
        1
    );
    // ...and when one deck asks it as a Match pair and another as a question.
    let pairs = example_deck(
        "m",
        r#"Card(id: "p", kind: Match(prompt: "Match each emissary with the country whose takeover he oversaw.", pairs: [("Vladimir Dekanozov", "Lithuania"), ("Andrey Vyshinsky", "Latvia"), ("Andrey Zhdanov", "Estonia")]))"#,
    );
    let single = example_deck(
        "n",
        r#"Card(id: "q", kind: MultipleChoice(question: "Whom did Moscow dispatch to oversee the takeover of Latvia in June 1940?", answer: "Andrey Vyshinsky", distractors: ["Andrey Zhdanov", "Vladimir Dekanozov"]))"#,
    );
    assert_eq!(same_fact_across_decks(&[pairs.clone(), single]).len(), 1);
    let other = example_deck(
        "o",
        r#"Card(id: "r", kind: MultipleChoice(question: "Which Soviet statesman, in charge of foreign affairs, gave his name to the pact with Germany?", answer: "Andrey Vyshinsky", distractors: ["Andrey Zhdanov", "Vladimir Dekanozov"]))"#,
    );
    assert!(same_fact_across_decks(&[pairs, other]).is_empty());
    // Different facts about one person are not flagged.
    let e = example_deck(
        "g",
        r#"Card(id: "v", kind: TypeIn(question: "Which Soviet leader gave the secret speech after which deportees could return?", answers: ["Nikita Khrushchev"]))"#,
    );
    let f = example_deck(
        "h",
        r#"Card(id: "u", kind: TypeIn(question: "Who came to power and answered the period of stagnation with glasnost?", answers: ["Mikhail Gorbachev"]))"#,
    );
    assert!(same_fact_across_decks(&[e, f]).is_empty());

    // An answer more than twice as long as every distractor; twice as long is allowed.
    let long = example_deck(
        "i",
        r#"Card(id: "l", kind: MultipleChoice(question: "Where?", answer: "At the Soviet Embassy in London", distractors: ["In Moscow", "In Riga"])),
           Card(id: "m", kind: MultipleChoice(question: "When?", answer: "1234567890", distractors: ["12345", "123"]))"#,
    );
    let found = answer_longer_than_options(&[long]);
    assert_eq!(found.len(), 1);
    assert!(found[0].starts_with("i/l:"), "{found:?}");

    // A section not on the declared list, or declared for another document.
    let declared = declared_sections(
        "x\n```sections\n[relations]\nPeace treaties\n\n[summary]\nSummary\n```\n",
    );
    let sections = example_deck(
        "j",
        r#"Card(id: "ok", source: Ref(doc: "relations", section: "Peace treaties"), kind: TrueFalse(statement: "s", truth: true)),
           Card(id: "synonym", source: Ref(doc: "relations", section: "The peace treaties"), kind: TrueFalse(statement: "t", truth: true)),
           Card(id: "other-doc", source: Ref(doc: "relations", section: "Summary"), kind: TrueFalse(statement: "u", truth: true))"#,
    );
    let found = undeclared_sections(&[sections], &declared);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("j/synonym:") && found[1].starts_with("j/other-doc:"));

    // The contested tag and the note must agree, both ways.
    let tags = example_deck(
        "k",
        r#"Card(id: "both", tags: ["contested"], note: "The documents differ: 23 or 24 August.", kind: TrueFalse(statement: "s", truth: true)),
           Card(id: "neither", note: "Signed in Moscow.", kind: TrueFalse(statement: "t", truth: true)),
           Card(id: "tag-only", tags: ["contested"], note: "Signed in Moscow.", kind: TrueFalse(statement: "u", truth: true)),
           Card(id: "note-only", note: "One document gives 30,000, another document 25,000.", kind: TrueFalse(statement: "v", truth: true))"#,
    );
    let found = contested_tag_mismatches(&[tags]);
    assert_eq!(found.len(), 2, "{found:?}");
    assert!(found[0].starts_with("k/tag-only:") && found[1].starts_with("k/note-only:"));
    assert!(!note_mentions_disagreement(
        "Nazi racial attitudes towards the three peoples differed."
    ));
}
