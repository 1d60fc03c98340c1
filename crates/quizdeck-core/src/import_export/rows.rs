//! One spreadsheet row made into a card (by the mapped columns), and the prompt and
//! answer texts that match re-imported rows to the cards they update.

use super::*;

pub(super) fn raw_prompt(kind: &RawKind) -> String {
    match kind {
        RawKind::Basic { front, .. } => front.clone(),
        RawKind::Cloze { text } => text.clone(),
        RawKind::TypeIn { question, .. } | RawKind::MultipleChoice { question, .. } => {
            question.clone()
        }
        RawKind::TrueFalse { statement, .. } => statement.clone(),
        RawKind::Order { prompt, .. }
        | RawKind::Match { prompt, .. }
        | RawKind::Locate { prompt, .. } => prompt.clone(),
    }
}

pub(super) fn raw_answer(kind: &RawKind) -> String {
    match kind {
        RawKind::Basic { back, .. } => back.clone(),
        RawKind::TypeIn { answers, .. } => answers.first().cloned().unwrap_or_default(),
        RawKind::MultipleChoice { answer, .. } => answer.clone(),
        _ => String::new(),
    }
}

pub(super) fn answer_text(kind: &CardKind) -> String {
    match kind {
        CardKind::Basic { back, .. } => back.to_string(),
        CardKind::TypeIn { answers, .. } => answers.first().map(String::from).unwrap_or_default(),
        CardKind::MultipleChoice { answer, .. } => answer.to_string(),
        _ => String::new(),
    }
}

pub(super) fn row_to_card(
    rec: &csv::StringRecord,
    cols: &Columns,
) -> std::result::Result<RawCard, Message> {
    // A cell the CSV writer neutralised against spreadsheet formulas (a leading `'`)
    // reads back as it was.
    let get = |c: Option<usize>| {
        c.and_then(|i| rec.get(i))
            .map(|s| crate::csv_out::restore_cell(s.trim()))
            .unwrap_or("")
    };
    let question = get(cols.question).to_owned();
    let answer = get(cols.answer).to_owned();
    let accept = split_list(get(cols.accept));
    let mut distractors: Vec<String> = cols
        .distractors
        .iter()
        .filter_map(|&i| rec.get(i))
        .map(|s| crate::csv_out::restore_cell(s.trim()).to_owned())
        .filter(|s| !s.is_empty())
        .collect();
    distractors.extend(split_list(get(cols.distractor_list)));
    let kind_name = get(cols.kind).to_lowercase().replace(['_', ' '], "-");
    let kind_name = if kind_name.is_empty() {
        if distractors.is_empty() {
            "basic".to_owned()
        } else {
            "multiple-choice".to_owned()
        }
    } else {
        kind_name
    };
    let kind = match kind_name.as_str() {
        "basic" | "basic-reverse" | "reverse" => RawKind::Basic {
            front: question,
            back: answer,
            reverse: kind_name != "basic",
        },
        "cloze" => RawKind::Cloze { text: question },
        "typein" | "type-in" | "typed" => {
            let mut answers = Vec::new();
            if !answer.is_empty() {
                answers.push(answer);
            }
            answers.extend(accept);
            RawKind::TypeIn { question, answers }
        }
        "multiple-choice" | "multiplechoice" | "mc" => RawKind::MultipleChoice {
            question,
            answer,
            distractors,
            also_correct: accept,
        },
        "true-false" | "truefalse" | "tf" => {
            let truth = match answer.to_lowercase().as_str() {
                "true" | "t" | "yes" | "1" => true,
                "false" | "f" | "no" | "0" => false,
                other => {
                    return Err(Message::new("import-bad-truth").arg("value", format!("{other:?}")));
                }
            };
            RawKind::TrueFalse {
                statement: question,
                truth,
                correction: get(cols.correction).to_owned(),
            }
        }
        "order" => RawKind::Order {
            prompt: question,
            items: split_list(&answer),
        },
        "match" => {
            let mut pairs = Vec::new();
            for p in split_list(&answer) {
                match p.split_once('=') {
                    Some((l, r)) => pairs.push((l.trim().to_owned(), r.trim().to_owned())),
                    None => {
                        return Err(Message::new("import-bad-pair").arg("pair", format!("{p:?}")));
                    }
                }
            }
            RawKind::Match {
                prompt: question,
                pairs,
            }
        }
        "locate" => {
            let raw = |text: &str| {
                deck::Region::parse_text(text).map(|r| match r.shape {
                    deck::Shape::Circle { x, y, r: radius } => RawRegion::Circle {
                        name: r.name,
                        x,
                        y,
                        r: radius,
                    },
                    deck::Shape::Polygon { points } => RawRegion::Polygon {
                        name: r.name,
                        points,
                    },
                })
            };
            let choice = get(cols.choice_prompt);
            let kind = RawKind::Locate {
                prompt: question,
                choice_prompt: (!choice.is_empty()).then(|| choice.to_owned()),
                // A Locate card's picture is in the image column.
                picture: get(cols.image).to_owned(),
                answer: raw(&answer)?,
                others: distractors
                    .iter()
                    .map(|d| raw(d))
                    .collect::<std::result::Result<_, _>>()?,
            };
            return Ok(RawCard {
                image: String::new(),
                kind,
                ..row_card_fields(rec, cols)
            });
        }
        other => {
            return Err(Message::new("import-unknown-kind").arg("kind", format!("{other:?}")));
        }
    };
    Ok(RawCard {
        kind,
        ..row_card_fields(rec, cols)
    })
}

/// A row's fields other than the kind (id, tags, source, note, image).
fn row_card_fields(rec: &csv::StringRecord, cols: &Columns) -> RawCard {
    let get = |c: Option<usize>| {
        c.and_then(|i| rec.get(i))
            .map(|s| crate::csv_out::restore_cell(s.trim()))
            .unwrap_or("")
    };
    let source = match get(cols.source) {
        "" => None,
        doc => Some(RawRef {
            doc: doc.to_owned(),
            section: get(cols.section).to_owned(),
        }),
    };
    RawCard {
        id: get(cols.id).to_owned(),
        tags: get(cols.tags)
            .split([',', ';', '|'])
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
            .collect(),
        source,
        note: get(cols.note).to_owned(),
        image: get(cols.image).to_owned(),
        kind: RawKind::Cloze {
            text: String::new(),
        },
    }
}
