//! Export of a deck to normalized JSON (every field) and to a CSV that re-imports.

use super::*;
use crate::text::{Text, strings};

/// The JSON form of a card: every field, in a fixed order, the kind's fields inline.
#[derive(Serialize)]
struct JsonCard<'a> {
    id: &'a str,
    #[serde(flatten)]
    kind: &'a CardKind,
    tags: &'a [Text],
    source: Option<JsonSource<'a>>,
    note: &'a str,
    image: Option<&'a str>,
    /// The card's study items (`deck/card#part`). Not `items`: an Order card's kind
    /// already has a field of that name, and a key twice is not valid JSON for most
    /// readers.
    study_items: Vec<String>,
}

#[derive(Serialize)]
struct JsonSource<'a> {
    doc: &'a str,
    section: &'a str,
    title: &'a str,
}

#[derive(Serialize)]
struct JsonDeck<'a> {
    format: u32,
    id: &'a str,
    title: &'a str,
    description: &'a str,
    language: &'a str,
    authors: &'a [String],
    version: u32,
    sources: &'a BTreeMap<String, deck::Source>,
    cards: Vec<JsonCard<'a>>,
}

/// The deck as pretty JSON: metadata and the normalized card list (every field, stable
/// order, each card's study items as `deck/card#part`).
pub fn export_json(d: &Deck) -> Result<String> {
    let cards = d
        .cards
        .iter()
        .map(|c| JsonCard {
            id: c.id.as_str(),
            kind: &c.kind,
            tags: &c.tags,
            source: c.source.as_ref().map(|r| JsonSource {
                doc: &r.doc,
                section: &r.section,
                title: d
                    .sources
                    .get(r.doc.as_str())
                    .map(|s| s.title.as_str())
                    .unwrap_or(""),
            }),
            note: &c.note,
            image: c.image.as_deref(),
            study_items: c
                .parts()
                .into_iter()
                .map(|p| format!("{}/{}#{p}", d.id, c.id))
                .collect(),
        })
        .collect();
    let j = JsonDeck {
        format: deck::format_of(d),
        id: d.id.as_str(),
        title: &d.title,
        description: &d.description,
        language: &d.language,
        authors: &d.authors,
        version: d.version,
        sources: &d.sources,
        cards,
    };
    let mut s = serde_json::to_string_pretty(&j).map_err(|e| ImportExportError::Write {
        what: "import-what-json",
        message: crate::message::Message::new("error-system").arg("error", e.to_string()),
    })?;
    s.push('\n');
    Ok(s)
}

/// The deck as CSV in the layout [`import_csv`] reads, so it opens in a spreadsheet and
/// re-imports to the same deck.
pub fn export_csv(d: &Deck) -> Result<String> {
    let n_distractors = d
        .cards
        .iter()
        .map(|c| match &c.kind {
            CardKind::MultipleChoice { distractors, .. } => distractors.len(),
            CardKind::Locate { others, .. } => others.len(),
            _ => 0,
        })
        .max()
        .unwrap_or(0);
    let mut header: Vec<String> = ["id", "kind", "question", "answer", "accept"]
        .map(String::from)
        .to_vec();
    header.extend((1..=n_distractors).map(|i| format!("distractor{i}")));
    header.extend(
        [
            "correction",
            "tags",
            "note",
            "source",
            "section",
            "source_title",
            "image",
        ]
        .map(String::from),
    );
    // A Locate card's prompt for practice tests and exams: a column only when a card has one.
    let choice_prompt = |c: &Card| match &c.kind {
        CardKind::Locate { choice_prompt, .. } => choice_prompt.clone(),
        _ => None,
    };
    let choice_column = d.cards.iter().any(|c| choice_prompt(c).is_some());
    if choice_column {
        header.push("choice_prompt".into());
    }
    let mut rows = vec![header];
    for c in &d.cards {
        let (kind, question, answer, accept, distractors, correction): (
            &str,
            String,
            String,
            Vec<String>,
            Vec<String>,
            String,
        ) = match &c.kind {
            CardKind::Basic {
                front,
                back,
                reverse,
            } => (
                if *reverse { "basic-reverse" } else { "basic" },
                front.to_string(),
                back.to_string(),
                vec![],
                vec![],
                String::new(),
            ),
            CardKind::Cloze(cl) => (
                "cloze",
                cl.text.to_string(),
                String::new(),
                vec![],
                vec![],
                String::new(),
            ),
            CardKind::TypeIn { question, answers } => (
                "typein",
                question.to_string(),
                answers.first().map(String::from).unwrap_or_default(),
                strings(answers.get(1..).unwrap_or_default()),
                vec![],
                String::new(),
            ),
            CardKind::MultipleChoice {
                question,
                answer,
                distractors,
                also_correct,
            } => (
                "multiple-choice",
                question.to_string(),
                answer.to_string(),
                strings(also_correct),
                strings(distractors),
                String::new(),
            ),
            CardKind::TrueFalse {
                statement,
                truth,
                correction,
            } => (
                "true-false",
                statement.to_string(),
                truth.to_string(),
                vec![],
                vec![],
                correction.to_string(),
            ),
            CardKind::Order { prompt, items } => (
                "order",
                prompt.to_string(),
                items.join(SEP),
                vec![],
                vec![],
                String::new(),
            ),
            CardKind::Match { prompt, pairs } => (
                "match",
                prompt.to_string(),
                pairs
                    .iter()
                    .map(|(l, r)| format!("{l} = {r}"))
                    .collect::<Vec<_>>()
                    .join(SEP),
                vec![],
                vec![],
                String::new(),
            ),
            // Regions as text (`Name @ circle(x, y, r)`): the right one in the answer
            // column, the others in the distractor columns; the picture in `image`.
            CardKind::Locate {
                prompt,
                answer,
                others,
                ..
            } => (
                "locate",
                prompt.to_string(),
                answer.to_text(),
                vec![],
                others.iter().map(deck::Region::to_text).collect(),
                String::new(),
            ),
        };
        let mut rec = vec![
            c.id.to_string(),
            kind.to_owned(),
            question,
            answer,
            accept.join(SEP),
        ];
        rec.extend((0..n_distractors).map(|i| distractors.get(i).cloned().unwrap_or_default()));
        let (doc, section) = c
            .source
            .as_ref()
            .map(|r| (r.doc.to_string(), r.section.to_string()))
            .unwrap_or_default();
        let title = d
            .sources
            .get(&doc)
            .map(|s| s.title.clone())
            .unwrap_or_default();
        rec.extend([
            correction,
            c.tags.join(", "),
            c.note.to_string(),
            doc,
            section,
            title,
            c.image.as_deref().unwrap_or_default().to_owned(),
        ]);
        if choice_column {
            rec.push(choice_prompt(c).map(String::from).unwrap_or_default());
        }
        rows.push(rec);
    }
    // The shared writer: UTF-8 with a byte-order mark, formula cells neutralised.
    Ok(crate::csv_out::write(
        &rows,
        crate::csv_out::CsvOptions::default(),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_export_has_every_field() {
        let text = include_str!("../../../../tests/fixtures/every-kind.ron");
        let d = deck::load_str(text, "every-kind.ron", None).unwrap();
        let j: serde_json::Value = serde_json::from_str(&export_json(&d).unwrap()).unwrap();
        let first = &j["cards"][0];
        for key in [
            "id",
            "kind",
            "tags",
            "source",
            "note",
            "image",
            "study_items",
        ] {
            assert!(first.get(key).is_some(), "missing {key} in {first}");
        }
        assert_eq!(j["cards"].as_array().unwrap().len(), d.cards.len());
    }
}
