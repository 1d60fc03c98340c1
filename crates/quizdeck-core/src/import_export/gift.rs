//! Moodle's GIFT format: export of a deck for a school's learning platform, and import of
//! the GIFT questions that map onto quizdeck's kinds.
//!
//! | quizdeck | GIFT |
//! |---|---|
//! | MultipleChoice | `{=right ~wrong ~wrong}` (other right options `~%100%…`) |
//! | TrueFalse | `{TRUE}` / `{FALSE#what is true instead}` |
//! | TypeIn | short answer `{=answer =other}` |
//! | Match | matching `{=left -> right …}` |
//!
//! Basic (self-rated), Cloze and Order cards have no GIFT form and are skipped on export
//! with a count. On import, numerical, essay and description questions are refused with
//! the line they start on; the other questions are still read.

use super::{ImportExportError, ImportOptions, ImportOutcome, Result, RowProblem};
use crate::deck::raw::{RawCard, RawDeck, RawKind, format_for};
use crate::deck::{self, CardKind, Deck, Severity};
use crate::message::Message;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::Path;

/// What [`export_gift`] wrote.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GiftExport {
    /// The GIFT text.
    pub text: String,
    /// Questions written.
    pub questions: usize,
    /// Cards skipped, by kind name (Basic, Cloze, Order).
    pub skipped: BTreeMap<&'static str, usize>,
}

/// Escapes GIFT's special characters.
fn esc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '~' | '=' | '#' | '{' | '}' | ':' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out
}

/// Writes a deck as GIFT questions in a category named after the deck (see the module
/// documentation); each question's title is the card id, its source and note a comment.
pub fn export_gift(deck: &Deck) -> GiftExport {
    let mut text = format!(
        "// {} (quizdeck deck {}, version {})\n$CATEGORY: {}\n\n",
        deck.title.replace('\n', " "),
        deck.id,
        deck.version,
        deck.title.replace('\n', " ")
    );
    let mut questions = 0;
    let mut skipped: BTreeMap<&'static str, usize> = BTreeMap::new();
    for card in &deck.cards {
        let body = match &card.kind {
            CardKind::MultipleChoice {
                question,
                answer,
                distractors,
                also_correct,
            } => {
                let mut b = format!("{} {{\n\t={}\n", esc(question), esc(answer));
                for a in also_correct {
                    b.push_str(&format!("\t~%100%{}\n", esc(a)));
                }
                for d in distractors {
                    b.push_str(&format!("\t~{}\n", esc(d)));
                }
                b.push('}');
                b
            }
            CardKind::TrueFalse {
                statement,
                truth,
                correction,
            } => {
                let mut b = format!(
                    "{} {{{}",
                    esc(statement),
                    if *truth { "TRUE" } else { "FALSE" }
                );
                if !correction.is_empty() {
                    b.push_str(&format!("#{}", esc(correction)));
                }
                b.push('}');
                b
            }
            CardKind::TypeIn { question, answers } => {
                let all: Vec<String> = answers.iter().map(|a| format!("={}", esc(a))).collect();
                format!("{} {{{}}}", esc(question), all.join(" "))
            }
            CardKind::Match { prompt, pairs } => {
                let mut b = format!("{} {{\n", esc(prompt));
                for (l, r) in pairs {
                    b.push_str(&format!("\t={} -> {}\n", esc(l), esc(r)));
                }
                b.push('}');
                b
            }
            other => {
                *skipped.entry(other.name().as_str()).or_default() += 1;
                continue;
            }
        };
        if let Some(label) = deck.source_label(card) {
            text.push_str(&format!("// Source: {}\n", label.replace('\n', " ")));
        }
        if !card.note.is_empty() {
            text.push_str(&format!("// Note: {}\n", card.note.replace('\n', " ")));
        }
        text.push_str(&format!("::{}::{}\n\n", esc(card.id.as_str()), body));
        questions += 1;
    }
    GiftExport {
        text,
        questions,
        skipped,
    }
}

/// Splits at `sep` where it is not escaped with `\`.
fn find_unescaped(s: &str, targets: &[char]) -> Option<usize> {
    let mut escaped = false;
    for (i, c) in s.char_indices() {
        if escaped {
            escaped = false;
        } else if c == '\\' {
            escaped = true;
        } else if targets.contains(&c) {
            return Some(i);
        }
    }
    None
}

fn unesc(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        if c == '\\' {
            match chars.next() {
                Some('n') => out.push('\n'),
                Some(c) => out.push(c),
                None => {}
            }
        } else {
            out.push(c);
        }
    }
    out.trim().to_owned()
}

/// Drops `[html]`-style format markers and `#feedback` of an answer.
fn clean(s: &str) -> String {
    let s = match find_unescaped(s, &['#']) {
        Some(i) => &s[..i],
        None => s,
    };
    let s = s.trim_start();
    let s = if s.starts_with('[') {
        s.split_once(']').map(|(_, r)| r).unwrap_or(s)
    } else {
        s
    };
    unesc(s)
}

/// One question's text split into its answer choices (`=`/`~` marks, text).
fn choices(block: &str) -> Vec<(char, String)> {
    let mut out = Vec::new();
    let mut rest = block;
    while let Some(i) = find_unescaped(rest, &['=', '~']) {
        let mark = rest[i..].chars().next().unwrap_or('=');
        rest = &rest[i + 1..];
        let end = find_unescaped(rest, &['=', '~']).unwrap_or(rest.len());
        out.push((mark, rest[..end].to_owned()));
        rest = &rest[end..];
    }
    out
}

/// The kind a GIFT question maps to, or why it cannot be imported.
fn question_kind(question: &str, block: &str) -> std::result::Result<RawKind, Message> {
    let b = block.trim();
    let tf = b
        .split('#')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_uppercase();
    if matches!(tf.as_str(), "T" | "TRUE" | "F" | "FALSE") {
        let truth = tf.starts_with('T');
        let correction = find_unescaped(b, &['#'])
            .map(|i| clean(&b[i + 1..].replace('#', "")))
            .unwrap_or_default();
        return Ok(RawKind::TrueFalse {
            statement: question.to_owned(),
            truth,
            correction: if truth { String::new() } else { correction },
        });
    }
    if b.is_empty() {
        return Err(Message::new("gift-essay"));
    }
    if b.starts_with('#') {
        return Err(Message::new("gift-numerical"));
    }
    let list = choices(b);
    if list.is_empty() {
        return Err(Message::new("gift-answer-marks"));
    }
    if list.iter().all(|(m, t)| *m == '=' && t.contains("->")) {
        let pairs: Vec<(String, String)> = list
            .iter()
            .filter_map(|(_, t)| t.split_once("->"))
            .map(|(l, r)| (clean(l), clean(r)))
            .collect();
        return Ok(RawKind::Match {
            prompt: question.to_owned(),
            pairs,
        });
    }
    let right: Vec<String> = list
        .iter()
        .filter(|(m, _)| *m == '=')
        .map(|(_, t)| clean(t))
        .collect();
    let full: Vec<String> = list
        .iter()
        .filter(|(m, t)| *m == '~' && t.trim_start().starts_with("%100%"))
        .map(|(_, t)| clean(t.trim_start().trim_start_matches("%100%")))
        .collect();
    let wrong: Vec<String> = list
        .iter()
        .filter(|(m, t)| *m == '~' && !t.trim_start().starts_with("%100%"))
        .map(|(_, t)| {
            let t = t.trim_start();
            // Partial credit counts as wrong here.
            let t = match t.strip_prefix('%') {
                Some(rest) => rest.split_once('%').map(|(_, r)| r).unwrap_or(t),
                None => t,
            };
            clean(t)
        })
        .collect();
    if wrong.is_empty() {
        if right.is_empty() {
            return Err(Message::new("gift-no-right-answer"));
        }
        return Ok(RawKind::TypeIn {
            question: question.to_owned(),
            answers: right,
        });
    }
    let mut right = right.into_iter().chain(full);
    let Some(answer) = right.next() else {
        return Err(Message::new("gift-choice-needs-right"));
    };
    Ok(RawKind::MultipleChoice {
        question: question.to_owned(),
        answer,
        distractors: wrong,
        also_correct: right.collect(),
    })
}

/// Reads GIFT text into a deck: the questions that map onto quizdeck's kinds become
/// cards; each other question is a problem naming the line it starts on (with
/// `keep_going`, the rest is still imported).
pub fn import_gift_text(text: &str, path: &Path, opts: &ImportOptions) -> Result<ImportOutcome> {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let mut problems = Vec::new();
    let mut cards: Vec<(u64, RawCard)> = Vec::new();
    let mut ids: HashSet<String> = HashSet::new();
    let mut next_suffix: HashMap<String, u64> = HashMap::new();
    let mut chunk = String::new();
    let mut start = 0u64;
    let mut category: Vec<String> = Vec::new();
    let flush = |chunk: &mut String,
                 start: u64,
                 cards: &mut Vec<(u64, RawCard)>,
                 problems: &mut Vec<RowProblem>,
                 ids: &mut HashSet<String>,
                 next_suffix: &mut HashMap<String, u64>,
                 category: &[String]| {
        let q = std::mem::take(chunk);
        if q.trim().is_empty() {
            return;
        }
        let err = |message: Message| RowProblem {
            row: start,
            severity: Severity::Error,
            message,
        };
        let mut body = q.trim();
        let mut title = String::new();
        if let Some(rest) = body.strip_prefix("::")
            && let Some(end) = rest.find("::")
        {
            title = unesc(&rest[..end]);
            body = rest[end + 2..].trim();
        }
        let Some(open) = find_unescaped(body, &['{']) else {
            problems.push(err(Message::new("gift-description")));
            return;
        };
        let Some(close) = find_unescaped(&body[open..], &['}']).map(|c| c + open) else {
            problems.push(err(Message::new("gift-answer-unclosed")));
            return;
        };
        let before = clean(&body[..open]);
        let after = unesc(&body[close + 1..]);
        let question = if after.is_empty() {
            before
        } else {
            format!("{before} ___ {after}")
        };
        if question.is_empty() {
            problems.push(err(Message::new("gift-empty-question")));
            return;
        }
        match question_kind(&question, &body[open + 1..close]) {
            Ok(kind) => {
                let base = match crate::ids::check_id(&title) {
                    Ok(()) => title.clone(),
                    Err(_) => super::slug(if title.is_empty() { &question } else { &title }),
                };
                // The next suffix to try per base: many questions of one slug cost one
                // try each.
                let n = next_suffix.entry(base.clone()).or_insert(2);
                let mut id = base.clone();
                while !ids.insert(id.clone()) {
                    id = format!("{base}-{n}");
                    *n += 1;
                }
                cards.push((
                    start,
                    RawCard {
                        id,
                        tags: category.to_vec(),
                        source: None,
                        note: String::new(),
                        image: String::new(),
                        kind,
                    },
                ));
            }
            Err(message) => problems.push(err(message)),
        }
    };
    // A blank line after the last one ends the last question.
    for (i, line) in text.lines().chain([""]).enumerate() {
        let n = i as u64 + 1;
        let t = line.trim();
        if t.starts_with("//") {
            continue;
        }
        // A blank line or a new category ends a question.
        let new_category = t.strip_prefix("$CATEGORY:");
        if new_category.is_some() || t.is_empty() {
            flush(
                &mut chunk,
                start,
                &mut cards,
                &mut problems,
                &mut ids,
                &mut next_suffix,
                &category,
            );
            if let Some(c) = new_category {
                let s = crate::slug::slug(c.rsplit('/').next().unwrap_or(c), 40);
                category = if s.is_empty() { vec![] } else { vec![s] };
            }
            continue;
        }
        if chunk.is_empty() {
            start = n;
        }
        chunk.push_str(line);
        chunk.push('\n');
    }

    let raw_cards: Vec<RawCard> = cards.iter().map(|(_, c)| c.clone()).collect();
    let raw = RawDeck {
        // The lowest format that holds the cards, so an older quizdeck reads the deck.
        format: format_for(&raw_cards),
        id: opts.deck_id.clone(),
        title: opts.title.clone(),
        description: String::new(),
        language: "en".into(),
        authors: Vec::new(),
        version: 1,
        sources: BTreeMap::new(),
        cards: raw_cards,
    };
    let (_, issues) = deck::validate::validate(&raw, None);
    let mut bad = HashSet::new();
    for issue in issues.iter().filter(|i| i.severity == Severity::Error) {
        let row = issue
            .path
            .strip_prefix("cards[")
            .and_then(|r| r.split(']').next())
            .and_then(|i| i.parse::<usize>().ok())
            .and_then(|i| cards.get(i).map(|c| c.0));
        match row {
            Some(row) => {
                bad.insert(row);
                problems.push(RowProblem {
                    row,
                    severity: Severity::Error,
                    message: issue.message.clone(),
                });
            }
            None => {
                return Err(ImportExportError::Refused {
                    path: path.to_owned(),
                    reason: issue.message.clone(),
                });
            }
        }
    }
    problems.sort_by_key(|p| p.row);
    if !problems.is_empty() && !opts.keep_going {
        return Err(ImportExportError::Rows { problems });
    }
    let mut raw = raw;
    raw.cards = cards
        .into_iter()
        .filter(|(row, _)| !bad.contains(row))
        .map(|(_, c)| c)
        .collect();
    Ok(ImportOutcome {
        deck: super::checked_deck(&raw, path)?,
        problems,
        reused_ids: 0,
    })
}

/// True when `text` looks like GIFT: a question with an answer block in braces, or GIFT's
/// `::title::` or `$CATEGORY:` markers, outside comments.
pub fn looks_like_gift(text: &str) -> bool {
    let mut braces = false;
    for line in text.lines().take(200) {
        let t = line.trim();
        if t.starts_with("//") {
            continue;
        }
        if t.starts_with("::") || t.starts_with("$CATEGORY:") {
            return true;
        }
        if t.contains('{') && (t.contains('}') || t.ends_with('{')) {
            braces = true;
        }
    }
    braces
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts(keep_going: bool) -> ImportOptions {
        ImportOptions {
            deck_id: "gift".into(),
            title: "GIFT".into(),
            keep_going,
        }
    }

    const DECK: &str = r#"Deck(format: 1, id: "g", title: "Baltic {states}", cards: [
        Card(id: "mc", note: "See: 1940.", kind: MultipleChoice(question: "Capital of Latvia?", answer: "Riga", distractors: ["Tartu", "Kaunas=1"], also_correct: ["Rīga"])),
        Card(id: "tf", kind: TrueFalse(statement: "Tallinn is in Lithuania.", truth: false, correction: "Tallinn is in Estonia.")),
        Card(id: "tf2", kind: TrueFalse(statement: "Riga is in Latvia.", truth: true)),
        Card(id: "ty", kind: TypeIn(question: "Year of the Baltic Way?", answers: ["1989", "in 1989"])),
        Card(id: "ma", kind: Match(prompt: "Match the capitals", pairs: [("Latvia", "Riga"), ("Estonia", "Tallinn"), ("Lithuania", "Vilnius")])),
        Card(id: "b", kind: Basic(front: "Front", back: "Back")),
        Card(id: "c", kind: Cloze(text: "In {{c1::1991}}.")),
    ])"#;

    #[test]
    fn export_then_import_keeps_every_gift_kind() {
        let deck = deck::load_str(DECK, "g.ron", None).unwrap();
        let g = export_gift(&deck);
        assert_eq!(g.questions, 5);
        assert_eq!(g.skipped.values().sum::<usize>(), 2);
        assert!(g.text.contains("::mc::Capital of Latvia? {"), "{}", g.text);
        assert!(g.text.contains("~Kaunas\\=1"), "{}", g.text);
        assert!(
            g.text.contains("{FALSE#Tallinn is in Estonia.}"),
            "{}",
            g.text
        );
        assert!(g.text.contains("// Note: See\\: 1940.") || g.text.contains("// Note: See: 1940."));
        assert!(looks_like_gift(&g.text));
        let back = import_gift_text(&g.text, Path::new("x.gift"), &opts(false)).unwrap();
        let by_id = |id: &str| {
            back.deck
                .cards
                .iter()
                .find(|c| c.id.as_str() == id)
                .unwrap_or_else(|| panic!("{id}: {:#?}", back.deck.cards))
                .kind
                .clone()
        };
        for id in ["mc", "tf", "tf2", "ty", "ma"] {
            assert_eq!(
                by_id(id),
                deck.card(&crate::ids::CardId::new(id)).unwrap().kind,
                "{id}"
            );
        }
    }

    #[test]
    fn unsupported_questions_are_named_by_line() {
        let text = "// a comment\n::n::How many? {#3}\n\nWrite an essay {}\n\nJust a description.\n\n\
                    Who signed? {=Molotov ~Ribbentrop}\n\nBroken { =a\n\nThe pact of {=1939} was secret.\n";
        let err = import_gift_text(text, Path::new("x.gift"), &opts(false)).unwrap_err();
        let ImportExportError::Rows { problems } = err else {
            panic!("{err:?}")
        };
        let rows: Vec<u64> = problems.iter().map(|p| p.row).collect();
        assert_eq!(rows, [2, 4, 6, 10], "{problems:?}");
        assert!(problems[0].message.contains("numerical"));
        assert!(problems[3].message.contains("never closed"));
        let out = import_gift_text(text, Path::new("x.gift"), &opts(true)).unwrap();
        assert_eq!(out.deck.cards.len(), 2);
        assert!(
            out.deck
                .cards
                .iter()
                .any(|c| c.kind.prompt_text() == "The pact of ___ was secret.")
        );
    }

    #[test]
    fn hostile_gift_text_is_quick_and_safe() {
        // 4 MiB of braces, escapes and unclosed blocks: no panic, linear time.
        let nasty: String = (0..200_000)
            .map(|i| match i % 4 {
                0 => "{{{\\\n",
                1 => "::a::{=\\}~\n\n",
                2 => "é{=ā->ē}\n\n",
                _ => "~~~===\n",
            })
            .collect();
        let _ = import_gift_text(&nasty, Path::new("x.gift"), &opts(true));
        let long_line = format!("Q {{={}}}", "~x".repeat(1_000_000));
        let _ = import_gift_text(&long_line, Path::new("x.gift"), &opts(true));
    }
}
