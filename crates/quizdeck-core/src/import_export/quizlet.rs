//! Quizlet's export text: one card per line (or per `;`, or a separator of the
//! teacher's choice), term and definition separated by a tab (or `,`, or their own
//! separator), as Quizlet's "Export" box writes it. The cards go through the
//! spreadsheet import ([`super::import_csv_text`]), so ids, checks and the reuse of ids on
//! a re-import are the same; problems are reported by card number.

use super::{ImportExportError, ImportOptions, ImportOutcome, Result, RowProblem};
use crate::deck::{Deck, Severity};
use crate::message::{Arg, Message};
use std::path::Path;

/// Separators of a Quizlet export.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct QuizletSeparators {
    /// Between term and definition (default: a tab when the text has one, else `,`).
    pub term: Option<String>,
    /// Between cards (default: a new line when the text has one, else `;`).
    pub card: Option<String>,
}

/// Parses a separator as a teacher types it: `tab`, `comma`, `semicolon`, `newline`
/// (or `\t`, `\n`), or the characters themselves.
pub fn parse_separator(s: &str) -> std::result::Result<String, String> {
    let sep = match s.to_ascii_lowercase().as_str() {
        "tab" | "\\t" => "\t".to_owned(),
        "comma" => ",".to_owned(),
        "semicolon" => ";".to_owned(),
        "newline" | "new-line" | "\\n" => "\n".to_owned(),
        "" => return Err("a separator cannot be empty".into()),
        _ => s.to_owned(),
    };
    Ok(sep)
}

/// The cards of a Quizlet export as (card number from 1, term, definition), with a
/// problem for each card that has no separator or an empty side.
pub fn parse(
    text: &str,
    seps: &QuizletSeparators,
) -> (Vec<(u64, String, String)>, Vec<RowProblem>) {
    let text = text.trim_start_matches('\u{feff}').replace("\r\n", "\n");
    let term_sep = seps.term.clone().unwrap_or_else(|| {
        if text.contains('\t') {
            "\t".into()
        } else {
            ",".into()
        }
    });
    let card_sep = seps.card.clone().unwrap_or_else(|| {
        if text.trim_end().contains('\n') || !text.contains(';') {
            "\n".into()
        } else {
            ";".into()
        }
    });
    let mut cards = Vec::new();
    let mut problems = Vec::new();
    let shown = |s: &str| match s {
        "\t" => Arg::from(Message::new("quizlet-sep-tab")),
        "\n" => Arg::from(Message::new("quizlet-sep-newline")),
        s => Arg::from(format!("{s:?}")),
    };
    for (i, raw) in text.split(card_sep.as_str()).enumerate() {
        let n = i as u64 + 1;
        if raw.trim().is_empty() {
            continue;
        }
        match raw.split_once(term_sep.as_str()) {
            Some((term, def)) if !term.trim().is_empty() && !def.trim().is_empty() => {
                cards.push((n, term.trim().to_owned(), def.trim().to_owned()));
            }
            Some(_) => problems.push(RowProblem {
                row: n,
                severity: Severity::Error,
                message: Message::new("quizlet-empty-side"),
            }),
            None => problems.push(RowProblem {
                row: n,
                severity: Severity::Error,
                message: Message::new("quizlet-no-separator")
                    .arg("separator", shown(&term_sep))
                    .arg(
                        "text",
                        format!("{:?}", raw.chars().take(60).collect::<String>()),
                    ),
            }),
        }
    }
    (cards, problems)
}

/// Imports a Quizlet export as a deck of Basic cards (see the module documentation).
pub fn import_quizlet_text(
    text: &str,
    seps: &QuizletSeparators,
    existing: Option<&Deck>,
    opts: &ImportOptions,
) -> Result<ImportOutcome> {
    let (cards, mut problems) = parse(text, seps);
    if !problems.is_empty() && !opts.keep_going {
        return Err(ImportExportError::Rows { problems });
    }
    // Card numbers of the kept cards, to report the spreadsheet's rows as cards.
    let numbers: Vec<u64> = cards.iter().map(|c| c.0).collect();
    let mut w = csv::WriterBuilder::new()
        .delimiter(b'\t')
        .from_writer(Vec::new());
    let write_err = |e: csv::Error| ImportExportError::Write {
        what: "import-what-cards",
        message: crate::message::Message::new("error-system").arg("error", e.to_string()),
    };
    w.write_record(["question", "answer"]).map_err(write_err)?;
    for (_, t, d) in &cards {
        w.write_record([t, d]).map_err(write_err)?;
    }
    let tsv = String::from_utf8(w.into_inner().map_err(|e| ImportExportError::Write {
        what: "import-what-cards",
        message: crate::message::Message::new("error-system").arg("error", e.to_string()),
    })?)
    .unwrap_or_default();
    let to_card = |p: RowProblem| RowProblem {
        row: numbers
            .get((p.row as usize).saturating_sub(2))
            .copied()
            .unwrap_or(p.row),
        ..p
    };
    match super::import_csv_text(&tsv, Path::new("quizlet.tsv"), existing, opts) {
        Ok(mut out) => {
            problems.extend(out.problems.drain(..).map(to_card));
            out.problems = problems;
            Ok(out)
        }
        Err(ImportExportError::Rows { problems: p }) => Err(ImportExportError::Rows {
            problems: p.into_iter().map(to_card).collect(),
        }),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ImportOptions {
        ImportOptions {
            deck_id: "quiz".into(),
            title: "Quiz".into(),
            keep_going: false,
        }
    }

    #[test]
    fn default_and_chosen_separators() {
        let (c, p) = parse(
            "Riga\tcapital of Latvia\nTallinn\tcapital, of Estonia\n",
            &QuizletSeparators::default(),
        );
        assert!(p.is_empty());
        assert_eq!(c[1], (2, "Tallinn".into(), "capital, of Estonia".into()));
        let (c, p) = parse(
            "Riga,Latvia;Tallinn,Estonia;",
            &QuizletSeparators::default(),
        );
        assert!(p.is_empty(), "{p:?}");
        assert_eq!(c.len(), 2);
        let seps = QuizletSeparators {
            term: Some(" - ".into()),
            card: Some(parse_separator("newline").unwrap()),
        };
        let (c, _) = parse(
            "1940 - Soviet occupation\r\n1991 - independence restored",
            &seps,
        );
        assert_eq!(c[1], (2, "1991".into(), "independence restored".into()));
    }

    #[test]
    fn problems_name_the_card() {
        let text = "Riga\tLatvia\nno separator here\n\tempty term\nTallinn\tEstonia";
        let err =
            import_quizlet_text(text, &QuizletSeparators::default(), None, &opts()).unwrap_err();
        let ImportExportError::Rows { problems } = err else {
            panic!()
        };
        assert_eq!(problems.iter().map(|p| p.row).collect::<Vec<_>>(), [2, 3]);
        assert!(
            problems[0]
                .message
                .contains("no separator (a tab) between term and definition")
        );
        let out = import_quizlet_text(
            text,
            &QuizletSeparators::default(),
            None,
            &ImportOptions {
                keep_going: true,
                ..opts()
            },
        )
        .unwrap();
        assert_eq!(out.deck.cards.len(), 2);
    }

    #[test]
    fn a_reimport_keeps_ids_and_a_big_export_is_fast_enough() {
        let first = import_quizlet_text(
            "Riga\tLatvia\nTallinn\tEstonia",
            &Default::default(),
            None,
            &opts(),
        )
        .unwrap();
        let again = import_quizlet_text(
            "Vilnius\tLithuania\nTallinn\tEstonia (capital)\nRiga\tLatvia",
            &Default::default(),
            Some(&first.deck),
            &opts(),
        )
        .unwrap();
        let id = |d: &Deck, q: &str| {
            d.cards
                .iter()
                .find(|c| c.kind.prompt_text() == q)
                .unwrap()
                .id
                .clone()
        };
        assert_eq!(id(&first.deck, "Riga"), id(&again.deck, "Riga"));
        assert_eq!(id(&first.deck, "Tallinn"), id(&again.deck, "Tallinn"));
        // 4 MiB of cards with the same term: linear, no quadratic id search.
        let big: String = (0..100_000)
            .map(|i| format!("term\tdefinition number {i}\n"))
            .collect();
        let out = import_quizlet_text(&big, &Default::default(), None, &opts()).unwrap();
        assert_eq!(out.deck.cards.len(), 100_000);
    }
}
