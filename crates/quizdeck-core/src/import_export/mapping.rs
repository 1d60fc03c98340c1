//! Spreadsheet column mapping, for an import dialog like Anki's: the first rows of a
//! CSV/TSV file with a guessed field per column ([`preview`]), and the import with the
//! teacher's mapping ([`import_mapped`]) — also of files without a header row. The rows
//! go through [`super::import_csv_text`], so the checks, row problems and id reuse are
//! the spreadsheet import's own.

use super::{
    HeaderName, ImportExportError, ImportOptions, ImportOutcome, Result, detect_delimiter,
};
use crate::deck::Deck;
use crate::message::Message;
use std::path::Path;

/// What a spreadsheet column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    /// Not imported.
    Ignore,
    /// The card id.
    Id,
    /// The card kind.
    Kind,
    /// The question (front, statement, prompt, cloze text).
    Question,
    /// The answer (back).
    Answer,
    /// Other accepted answers.
    Accept,
    /// One wrong option (several columns may hold one each).
    Distractor,
    /// Tags.
    Tags,
    /// The note shown after the answer.
    Note,
    /// The source document's key.
    Source,
    /// The source's section.
    Section,
    /// A picture's path.
    Image,
    /// What is true instead, for a false true-false statement.
    Correction,
    /// The source document's title.
    SourceTitle,
    /// A map card's question for practice tests and exams (`choice_prompt`).
    ChoicePrompt,
}

impl Field {
    /// Every field, in the order a mapping menu lists them.
    pub const ALL: [Field; 15] = [
        Field::Ignore,
        Field::Question,
        Field::Answer,
        Field::Distractor,
        Field::Accept,
        Field::Tags,
        Field::Source,
        Field::Section,
        Field::Note,
        Field::Kind,
        Field::Id,
        Field::Image,
        Field::Correction,
        Field::SourceTitle,
        Field::ChoicePrompt,
    ];

    /// The field's name as a teacher reads it.
    pub(crate) fn label(self) -> &'static str {
        match self {
            Field::Ignore => "(ignore)",
            Field::Id => "id",
            Field::Kind => "kind",
            Field::Question => "question",
            Field::Answer => "answer",
            Field::Accept => "also accepted",
            Field::Distractor => "distractor",
            Field::Tags => "tags",
            Field::Note => "note",
            Field::Source => "source",
            Field::Section => "section",
            Field::Image => "picture",
            Field::Correction => "correction",
            Field::SourceTitle => "source title",
            Field::ChoicePrompt => "question for tests",
        }
    }

    /// The column name the spreadsheet import reads for this field.
    fn header(self, distractor: usize) -> String {
        match self {
            Field::Ignore => String::new(),
            Field::Accept => "accept".into(),
            Field::Distractor => format!("distractor{distractor}"),
            Field::Image => "image".into(),
            Field::SourceTitle => "source_title".into(),
            Field::ChoicePrompt => "choice_prompt".into(),
            f => f.label().into(),
        }
    }

    /// The field a header name means (as the spreadsheet import reads it).
    fn guess(name: &str) -> Field {
        match HeaderName::read(name) {
            HeaderName::Id => Field::Id,
            HeaderName::Kind => Field::Kind,
            HeaderName::Question => Field::Question,
            HeaderName::Answer => Field::Answer,
            HeaderName::Accept => Field::Accept,
            HeaderName::Tags => Field::Tags,
            HeaderName::Note => Field::Note,
            HeaderName::Source => Field::Source,
            HeaderName::Section => Field::Section,
            HeaderName::Image => Field::Image,
            HeaderName::Distractor(_) => Field::Distractor,
            HeaderName::Correction => Field::Correction,
            HeaderName::SourceTitle => Field::SourceTitle,
            HeaderName::ChoicePrompt => Field::ChoicePrompt,
            HeaderName::DistractorList | HeaderName::Unknown => Field::Ignore,
        }
    }
}

/// The first rows of a spreadsheet and a guessed mapping.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// The first row's cells.
    pub first_row: Vec<String>,
    /// The next rows (at most the number asked for).
    pub rows: Vec<Vec<String>>,
    /// The guessed field of each column.
    pub mapping: Vec<Field>,
    /// Whether the first row looks like a header (it names a known field).
    pub has_header: bool,
    /// Rows in the file, header included.
    pub row_count: usize,
}

fn reader<'a>(text: &'a str, path: &Path) -> csv::Reader<&'a [u8]> {
    csv::ReaderBuilder::new()
        .delimiter(detect_delimiter(text, path))
        .flexible(true)
        .has_headers(false)
        .from_reader(text.as_bytes())
}

/// The first `max_rows` rows of a spreadsheet after its first row, and a mapping
/// guessed from the first row (without a header: question, answer, then ignore).
pub fn preview(text: &str, path: &Path, max_rows: usize) -> Result<Preview> {
    let text = text.trim_start_matches('\u{feff}');
    let mut records = reader(text, path).into_records();
    let bad = |e: csv::Error| ImportExportError::Csv {
        path: path.to_owned(),
        message: super::csv_reader(&e),
    };
    let first: Vec<String> = match records.next() {
        Some(r) => r.map_err(bad)?.iter().map(str::to_owned).collect(),
        None => Vec::new(),
    };
    let mut rows = Vec::new();
    let mut row_count = usize::from(!first.is_empty());
    let mut columns = first.len();
    for r in records {
        let r = r.map_err(bad)?;
        row_count += 1;
        if rows.len() < max_rows {
            columns = columns.max(r.len());
            rows.push(r.iter().map(str::to_owned).collect());
        }
    }
    let guessed: Vec<Field> = first.iter().map(|h| Field::guess(h)).collect();
    let has_header = guessed.contains(&Field::Question);
    let mapping = if has_header {
        let mut m = guessed;
        m.resize(columns, Field::Ignore);
        m
    } else {
        (0..columns)
            .map(|i| match i {
                0 => Field::Question,
                1 => Field::Answer,
                _ => Field::Ignore,
            })
            .collect()
    };
    Ok(Preview {
        first_row: first,
        rows,
        mapping,
        has_header,
        row_count,
    })
}

/// Imports a spreadsheet with the teacher's `mapping` (one field per column; columns
/// beyond it are ignored). With `has_header`, the first row is skipped; row numbers in
/// problems are the file's own either way.
pub fn import_mapped(
    text: &str,
    path: &Path,
    mapping: &[Field],
    has_header: bool,
    existing: Option<&Deck>,
    opts: &ImportOptions,
) -> Result<ImportOutcome> {
    let single = |f: Field| mapping.iter().filter(|&&m| m == f).count() > 1;
    for f in Field::ALL {
        if f != Field::Ignore && f != Field::Distractor && single(f) {
            return Err(ImportExportError::Refused {
                path: path.to_owned(),
                reason: Message::new("import-mapping-twice").arg("field", f.label()),
            });
        }
    }
    if !mapping.contains(&Field::Question) {
        return Err(ImportExportError::Refused {
            path: path.to_owned(),
            reason: Message::new("import-mapping-no-question"),
        });
    }
    let text = text.trim_start_matches('\u{feff}');
    let mut header = Vec::with_capacity(mapping.len());
    let mut distractors = 0;
    for f in mapping {
        if *f == Field::Distractor {
            distractors += 1;
        }
        header.push(f.header(distractors));
    }
    // The header written, then every row as it is (a blank row stands for a skipped
    // header so that row numbers stay the file's).
    let write_err = |e: csv::Error| ImportExportError::Write {
        what: "import-what-mapped-rows",
        message: crate::message::Message::new("error-system").arg("error", e.to_string()),
    };
    let mut w = csv::WriterBuilder::new()
        .flexible(true)
        .from_writer(Vec::with_capacity(text.len() + 64));
    w.write_record(&header).map_err(write_err)?;
    for (i, r) in reader(text, path).into_records().enumerate() {
        let r = r.map_err(|e| ImportExportError::Csv {
            path: path.to_owned(),
            message: super::csv_reader(&e),
        })?;
        if i == 0 && has_header {
            continue;
        }
        let cells: Vec<&str> = r.iter().take(mapping.len()).collect();
        w.write_record(&cells).map_err(write_err)?;
    }
    let bytes = w.into_inner().map_err(|e| ImportExportError::Write {
        what: "import-what-mapped-rows",
        message: crate::message::Message::new("error-system").arg("error", e.to_string()),
    })?;
    let csv_text = String::from_utf8(bytes).unwrap_or_default();
    let shift = |mut p: super::RowProblem| {
        if !has_header && p.row > 1 {
            p.row -= 1;
        }
        p
    };
    match super::import_csv_text(&csv_text, Path::new("mapped.csv"), existing, opts) {
        Ok(mut out) => {
            out.problems = out.problems.into_iter().map(shift).collect();
            Ok(out)
        }
        Err(ImportExportError::Rows { problems }) => Err(ImportExportError::Rows {
            problems: problems.into_iter().map(shift).collect(),
        }),
        Err(e) => Err(e),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opts() -> ImportOptions {
        ImportOptions {
            deck_id: "mapped".into(),
            title: "Mapped".into(),
            keep_going: false,
        }
    }

    #[test]
    fn a_header_is_guessed_and_a_bare_sheet_gets_question_and_answer() {
        let p = preview(
            "Term;Definition;Wrong\nRiga;Latvia;Tartu\nTallinn;Estonia;Kaunas\n",
            Path::new("a.csv"),
            1,
        )
        .unwrap();
        assert!(p.has_header);
        // "Wrong" is a wrong option, as the import reads it.
        assert_eq!(
            p.mapping,
            [Field::Question, Field::Answer, Field::Distractor]
        );
        assert_eq!((p.rows.len(), p.row_count), (1, 3));
        let bare = preview("Riga\tLatvia\tx\nTallinn\tEstonia\n", Path::new("b.tsv"), 5).unwrap();
        assert!(!bare.has_header);
        assert_eq!(
            bare.mapping,
            [Field::Question, Field::Answer, Field::Ignore]
        );
    }

    #[test]
    fn a_deck_exported_to_a_spreadsheet_comes_back_whole_through_the_mapping() {
        // Every column the export writes has a field of its own: a false statement's
        // correction, the source's title and a map card's question for tests were dropped.
        let text = r#"Deck(format: 3, id: "mapped", title: "Mapped", sources: {"doc": Source(title: "A document")}, cards: [
            Card(id: "tf", source: Ref(doc: "doc", section: "One"), kind: TrueFalse(statement: "Riga is in Estonia.", truth: false, correction: "Riga is in Latvia.")),
            Card(id: "port", kind: Locate(prompt: "Click Liepāja.", choice_prompt: "Which of these is Liepāja?", picture: "maps/baltic.png",
                answer: Circle(name: "Liepāja", x: 10, y: 10, r: 5),
                others: [Circle(name: "Riga", x: 40, y: 10, r: 5), Circle(name: "Tallinn", x: 40, y: 40, r: 5)])),
        ])"#;
        let d = crate::deck::load_str(text, "m.ron", None).unwrap();
        let csv = super::super::export_csv(&d).unwrap();
        let p = preview(&csv, Path::new("m.csv"), 5).unwrap();
        assert!(!p.mapping.contains(&Field::Ignore), "{:?}", p.mapping);
        let back = import_mapped(&csv, Path::new("m.csv"), &p.mapping, true, None, &opts())
            .unwrap()
            .deck;
        assert_eq!(back.cards, d.cards);
        assert_eq!(back.sources, d.sources);
    }

    #[test]
    fn the_teachers_mapping_decides_and_rows_keep_their_numbers() {
        let text = "Which capital?,Riga,Tartu,Kaunas,geo\nWhich year?,,1939,1941,dates\n";
        let mapping = [
            Field::Question,
            Field::Answer,
            Field::Distractor,
            Field::Distractor,
            Field::Tags,
        ];
        let err =
            import_mapped(text, Path::new("x.csv"), &mapping, false, None, &opts()).unwrap_err();
        let ImportExportError::Rows { problems } = err else {
            panic!("{err:?}")
        };
        assert_eq!(problems[0].row, 2, "{problems:?}");
        let out = import_mapped(
            text,
            Path::new("x.csv"),
            &mapping,
            false,
            None,
            &ImportOptions {
                keep_going: true,
                ..opts()
            },
        )
        .unwrap();
        assert_eq!(out.deck.cards.len(), 1);
        let c = &out.deck.cards[0];
        assert_eq!(*c.tags, ["geo"]);
        assert!(
            matches!(&c.kind, crate::deck::CardKind::MultipleChoice { distractors, .. } if distractors.len() == 2)
        );
        let twice = [Field::Question, Field::Question];
        assert!(import_mapped(text, Path::new("x.csv"), &twice, false, None, &opts()).is_err());
        let none = [Field::Answer];
        assert!(import_mapped(text, Path::new("x.csv"), &none, false, None, &opts()).is_err());
    }
}
