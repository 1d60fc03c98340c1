//! The command line as a teacher uses it, run as a real process: `report` (one profile or
//! all, to a file or standard output), `export` (valid JSON, says what it wrote), `list`
//! (aligned, long titles cut with "…"), `progress import` between profiles, syntax errors
//! and `help deck-format`.

use crate::common::{quizdeck, stderr, stdout};
use std::collections::HashSet;
use std::fmt;
use std::path::Path;
use std::process::Command;

/// A JSON value read by a parser that refuses a key given twice in one object (serde_json
/// keeps the last one silently; many readers refuse the document or keep the first).
struct StrictJson;

impl<'de> serde::Deserialize<'de> for StrictJson {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        d.deserialize_any(StrictVisitor)
    }
}

struct StrictVisitor;

impl<'de> serde::de::Visitor<'de> for StrictVisitor {
    type Value = StrictJson;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("JSON without duplicate keys")
    }
    fn visit_bool<E>(self, _: bool) -> Result<StrictJson, E> {
        Ok(StrictJson)
    }
    fn visit_i64<E>(self, _: i64) -> Result<StrictJson, E> {
        Ok(StrictJson)
    }
    fn visit_u64<E>(self, _: u64) -> Result<StrictJson, E> {
        Ok(StrictJson)
    }
    fn visit_f64<E>(self, _: f64) -> Result<StrictJson, E> {
        Ok(StrictJson)
    }
    fn visit_str<E>(self, _: &str) -> Result<StrictJson, E> {
        Ok(StrictJson)
    }
    fn visit_unit<E>(self) -> Result<StrictJson, E> {
        Ok(StrictJson)
    }
    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> Result<StrictJson, A::Error> {
        while seq.next_element::<StrictJson>()?.is_some() {}
        Ok(StrictJson)
    }
    fn visit_map<A: serde::de::MapAccess<'de>>(self, mut map: A) -> Result<StrictJson, A::Error> {
        let mut keys = HashSet::new();
        while let Some(key) = map.next_key::<String>()? {
            if !keys.insert(key.clone()) {
                return Err(serde::de::Error::custom(format!("duplicate key {key:?}")));
            }
            map.next_value::<StrictJson>()?;
        }
        Ok(StrictJson)
    }
}

fn parse_strict(text: &str) -> Result<(), String> {
    serde_json::from_str::<StrictJson>(text)
        .map(|_| ())
        .map_err(|e| e.to_string())
}

#[test]
fn the_strict_parser_refuses_duplicate_keys() {
    assert!(parse_strict(r#"{"a": [1, {"b": 2, "c": null}], "d": true}"#).is_ok());
    let err = parse_strict(r#"{"cards": [{"items": [1], "items": [2]}]}"#).unwrap_err();
    assert!(err.contains("duplicate key \"items\""), "{err}");
}

#[test]
fn every_json_export_is_valid_json() {
    let mut decks: Vec<quizdeck::deck::Deck> = quizdeck::deck::bundled::check_all()
        .into_iter()
        .map(|c| c.deck.expect("bundled decks load"))
        .collect();
    assert!(!decks.is_empty());
    let every_kind = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/every-kind.ron");
    decks.push(quizdeck::deck::load_file(&every_kind).unwrap());
    let mut order_cards = 0;
    for d in &decks {
        let json = quizdeck::import_export::export_json(d).unwrap();
        parse_strict(&json).unwrap_or_else(|e| panic!("{}: {e}", d.id));
        let v: serde_json::Value = serde_json::from_str(&json).unwrap();
        for (card, c) in v["cards"].as_array().unwrap().iter().zip(&d.cards) {
            let items = card["study_items"].as_array().unwrap();
            assert_eq!(items.len(), c.parts().len(), "{}", c.id);
            if card["kind"] == "Order" {
                order_cards += 1;
                assert!(card["items"].as_array().unwrap().len() >= 2);
            }
        }
    }
    assert!(order_cards > 0, "an Order card was exported");
    // The command writes the same.
    let o = quizdeck(&[
        "export",
        "tests/fixtures/every-kind.ron",
        "--format",
        "json",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    parse_strict(&stdout(&o)).unwrap();
}

#[test]
fn list_aligns_its_columns_and_marks_cut_titles() {
    let o = quizdeck(&["list"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines.len() > 8, "{out}");
    // Every row's numbers end in the same column as the header's "items" (the titles hold
    // Baltic letters and dashes: columns are counted in characters, not bytes).
    let column_of = |line: &str, needle: &str| {
        let at = line
            .find(needle)
            .unwrap_or_else(|| panic!("{needle} in {line}"));
        line[..at].chars().count() + needle.chars().count()
    };
    let items_end = column_of(lines[0], "items");
    let title_start = column_of(lines[0], "title") - "title".len();
    for line in &lines[1..] {
        let kinds_at = line
            .find("  Basic")
            .or_else(|| line.find("  TypeIn"))
            .unwrap();
        assert_eq!(line[..kinds_at].chars().count(), items_end, "{line}");
        let title_col = line
            .find(' ')
            .map(|i| i + line[i..].len() - line[i..].trim_start().len());
        assert_eq!(
            line[..title_col.unwrap()].chars().count(),
            title_start,
            "{line}"
        );
    }
    // Long titles are cut and say so.
    let cut: Vec<&&str> = lines.iter().filter(|l| l.contains('…')).collect();
    assert!(!cut.is_empty(), "{out}");
    let full = quizdeck::deck::bundled::check_all()
        .into_iter()
        .filter_map(|c| c.deck)
        .find(|d| d.title.chars().count() > 48)
        .expect("a bundled deck with a long title");
    let row = lines
        .iter()
        .find(|l| l.starts_with(full.id.as_str()))
        .unwrap();
    let shown: String = full.title.chars().take(20).collect();
    assert!(row.contains(&shown) && row.contains('…'), "{row}");
    assert!(!row.contains(&full.title), "{row}");
}

#[test]
fn export_to_a_file_says_what_it_wrote() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("every.json");
    let o = quizdeck(&[
        "export",
        "tests/fixtures/every-kind.ron",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    // The message goes to standard error, so `-o -` leaves standard output to the export.
    assert!(stdout(&o).is_empty(), "{}", stdout(&o));
    let said = stderr(&o);
    let bytes = std::fs::metadata(&out).unwrap().len();
    assert_eq!(
        said.trim(),
        format!(
            "wrote {} (JSON of deck every-kind: 7 cards, 9 study items, {bytes} bytes)",
            out.display()
        )
    );
}

/// A data folder with two profiles (one with a name in Latvian) that answered a card of a
/// bundled deck.
fn two_students(dir: &Path) -> String {
    use quizdeck::schedule::{ItemState, Phase, Rating, ReviewEntry};
    use quizdeck::store::{OpenOptions, Profiles, Store};
    let now = chrono::Utc::now();
    let pact = quizdeck::deck::bundled::check_all()
        .into_iter()
        .filter_map(|c| c.deck)
        .find(|d| d.id.as_str() == "pact-and-bases-1939")
        .unwrap();
    let items = pact.items();
    let profiles = Profiles::new(dir);
    for (name, answers) in [("Jūlija Bērziņa", 2), ("Ann", 1)] {
        let info = profiles.create(name, now).unwrap();
        let (mut store, _) = Store::open(&info.dir, &OpenOptions::default(), now).unwrap();
        for key in &items[..answers] {
            let entry = ReviewEntry {
                key: key.clone(),
                rating: Rating::Good,
                at: now,
                duration_ms: 30_000,
                phase: Phase::New,
            };
            store
                .record_answer(entry, None, ItemState::new(now))
                .unwrap();
        }
        store.close(now).unwrap();
    }
    dir.to_str().unwrap().to_owned()
}

#[test]
fn report_goes_to_standard_output_or_a_file_and_all_profiles_fit_one_csv() {
    let dir = tempfile::tempdir().unwrap();
    let data = two_students(dir.path());
    let decks = quizdeck::deck::bundled::check_all().len();
    // One profile, to standard output.
    let o = quizdeck(&["--data-dir", &data, "report", "--profile", "Ann"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let csv = stdout(&o);
    // The shared CSV writer starts with a byte-order mark (Excel reads UTF-8 then).
    let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    assert!(csv.starts_with("deck_id,title,"), "{csv}");
    assert_eq!(csv.lines().count(), 1 + decks);
    // Every profile, to a file.
    let out = dir.path().join("class.csv");
    let o = quizdeck(&[
        "--data-dir",
        &data,
        "report",
        "--all",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(&format!("(2 students, {} rows)", 2 * decks)),
        "{}",
        stdout(&o)
    );
    let text = std::fs::read_to_string(&out).unwrap();
    let mut reader = csv::Reader::from_reader(text.trim_start_matches('\u{feff}').as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(&header[..3], ["student", "deck_id", "title"]);
    let rows: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), 2 * decks);
    let seen = |student: &str| {
        rows.iter()
            .find(|r| &r[0] == student && &r[1] == "pact-and-bases-1939")
            .map(|r| r[4].to_owned())
    };
    assert_eq!(seen("Ann").as_deref(), Some("1"));
    assert_eq!(seen("Jūlija Bērziņa").as_deref(), Some("2"));
    // --all to standard output too; --profile and --all together are refused.
    let o = quizdeck(&["--data-dir", &data, "report", "--all"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).starts_with("\u{feff}student,deck_id"),
        "{}",
        stdout(&o)
    );
    let o = quizdeck(&["--data-dir", &data, "report", "--all", "--profile", "Ann"]);
    assert!(!o.status.success());
    let o = quizdeck(&["--data-dir", &data, "report"]);
    assert!(!o.status.success());
}

#[test]
fn progress_import_checks_whose_file_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let data = two_students(dir.path());
    let file = dir.path().join("julija.progress");
    let file = file.to_str().unwrap();
    let o = quizdeck(&[
        "--data-dir",
        &data,
        "progress",
        "export",
        "--profile",
        "Jūlija Bērziņa",
        "-o",
        file,
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let history_of = |name: &str| {
        use quizdeck::store::{OpenMode, OpenOptions, Profiles, Store};
        let list = Profiles::new(Path::new(&data)).list().unwrap();
        let info = list.iter().find(|p| p.display_name == name)?;
        let ro = OpenOptions {
            mode: OpenMode::ReadOnly,
            ..OpenOptions::default()
        };
        let (store, _) = Store::open(&info.dir, &ro, chrono::Utc::now()).unwrap();
        Some(store.history().unwrap().len())
    };
    // Into another student's profile: refused, nothing merged.
    let import = |extra: &[&str]| {
        let mut args = vec!["--data-dir", &data, "progress", "import", file];
        args.extend_from_slice(extra);
        quizdeck(&args)
    };
    let o = import(&["--profile", "Ann"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("holds the progress of \"Jūlija Bērziņa\", not of \"Ann\""),
        "{}",
        stderr(&o)
    );
    assert!(stderr(&o).contains("--force"), "{}", stderr(&o));
    assert_eq!(history_of("Ann"), Some(1));
    // With --force it is merged, with a warning.
    let o = import(&["--profile", "Ann", "--force"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stderr(&o).contains("warning: merging"), "{}", stderr(&o));
    // (Ann's one answer is the same as Jūlija's first: one answer added.)
    assert_eq!(history_of("Ann"), Some(2));
    // Into the same name (any case): no question asked.
    let o = import(&["--profile", "Jūlija Bērziņa"]);
    assert!(o.status.success(), "{}", stderr(&o));
    // On a PC without the profile: --create is offered, then makes it.
    let other = tempfile::tempdir().unwrap();
    let other_data = other.path().to_str().unwrap();
    let o = quizdeck(&[
        "--data-dir",
        other_data,
        "progress",
        "import",
        file,
        "--profile",
        "Jūlija Bērziņa",
    ]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("pass --create"), "{}", stderr(&o));
    let o = quizdeck(&[
        "--data-dir",
        other_data,
        "progress",
        "import",
        file,
        "--profile",
        "Jūlija Bērziņa",
        "--create",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("created profile \"Jūlija Bērziņa\""),
        "{}",
        stdout(&o)
    );
    assert!(stdout(&o).contains("2 answers added"), "{}", stdout(&o));
    let list = quizdeck::store::Profiles::new(other.path()).list().unwrap();
    assert_eq!(list.len(), 1);
    assert_eq!(list[0].slug, "julija-berzina");
}

#[test]
fn syntax_errors_name_the_real_cause_and_point_to_the_built_in_guide() {
    let dir = tempfile::tempdir().unwrap();
    let check = |name: &str, text: &str| {
        let path = dir.path().join(name);
        std::fs::write(&path, text).unwrap();
        let o = quizdeck(&["check", path.to_str().unwrap()]);
        assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
        stdout(&o)
    };
    let card = r#"        Card(id: "a", kind: Basic(front: "F", back: "B")),"#;
    // An unterminated string: reported at its opening quote (line 4), not where the
    // parser gave up (line 6).
    let out = check(
        "unterminated.ron",
        &format!(
            "Deck(\n    format: 1,\n    id: \"syntax\",\n    title: \"Syntax,\n    cards: [\n{card}\n    ],\n)\n"
        ),
    );
    assert!(
        out.contains("error[unterminated-string]: this string is never closed"),
        "{out}"
    );
    assert!(out.contains("unterminated.ron:4:12"), "{out}");
    assert!(out.contains("quizdeck help deck-format"), "{out}");
    // The final `)` missing: the `(` of `Deck(` is named.
    let out = check(
        "unclosed.ron",
        &format!(
            "Deck(\n    format: 1,\n    id: \"syntax\",\n    title: \"Syntax\",\n    cards: [\n{card}\n    ],\n"
        ),
    );
    assert!(
        out.contains("error[unclosed]: this `(` is never closed: the file ends first"),
        "{out}"
    );
    assert!(out.contains("unclosed.ron:1:5"), "{out}");
    assert!(out.contains("add the missing `)`"), "{out}");
    // A card's `)` missing: its `(` is named, not the next card.
    let out = check(
        "card.ron",
        "Deck(\n    format: 1,\n    id: \"syntax\",\n    title: \"Syntax\",\n    cards: [\n        Card(id: \"a\", kind: Basic(front: \"F\", back: \"B\"),\n        Card(id: \"b\", kind: Basic(front: \"G\", back: \"C\")),\n    ],\n)\n",
    );
    assert!(out.contains("card.ron:6:13"), "{out}");
    assert!(
        out.contains("the `]` at line 8, column 5 comes while it is still open"),
        "{out}"
    );
    // Other parse errors keep the parser's position, with the guide in the hint.
    let out = check(
        "other.ron",
        "Deck(format: 1, id: \"x\", title: \"X\", cards: [] ]",
    );
    assert!(out.contains("quizdeck help deck-format"), "{out}");
}

#[test]
fn every_card_that_cannot_be_read_is_named_in_one_check() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("hand.ron");
    // Four mistakes a hand-written deck has: an unknown field, a string never closed, an
    // unknown kind, a missing comma; and good cards between them.
    let text = r#"Deck(
    format: 1,
    id: "hand",
    title: "Written by hand",
    cards: [
        Card(id: "a", kind: Basic(front: "A", back: "a")),
        Card(id: "b", colour: "red", kind: Basic(front: "B", back: "b")),
        Card(id: "c", kind: Basic(front: "C, back: "c")),
        Card(id: "d", kind: Basic(front: "D", back: "d")),
        Card(id: "e", kind: Guess(front: "E", back: "e")),
        Card(id: "f",
             kind: Basic(front: "F" back: "f")),
    ],
)
"#;
    std::fs::write(&path, text).unwrap();
    let o = quizdeck(&["check", path.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    let out = stdout(&o);
    // Each at its own line, in the file's order.
    let places = [
        "hand.ron:7:23",
        "hand.ron:8:",
        "hand.ron:10:",
        "hand.ron:12:",
    ];
    let mut at = 0;
    for p in places {
        let i = out[at..]
            .find(p)
            .unwrap_or_else(|| panic!("{p} not after {at}: {out}"));
        at += i + p.len();
    }
    assert!(out.contains("error[unknown-field]"), "{out}");
    assert!(out.contains("error[unknown-kind]"), "{out}");
    // The good cards are not named, and nothing is named twice.
    for good in ["hand.ron:6:", "hand.ron:9:"] {
        assert!(!out.contains(good), "{good}: {out}");
    }
    assert!(out.contains("4 error(s), 0 warning(s)"), "{out}");
}

#[test]
fn help_deck_format_prints_the_guide_from_the_program() {
    let o = quizdeck(&["help", "deck-format"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let guide =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/deck-format.md"))
            .unwrap();
    assert_eq!(stdout(&o), guide);
    // It works from any folder: the text is inside the binary.
    let elsewhere = Command::new(env!("CARGO_BIN_EXE_quizdeck"))
        .args(["help", "deck-format"])
        .current_dir(std::env::temp_dir())
        .output()
        .unwrap();
    assert_eq!(stdout(&elsewhere), guide);
    let o = quizdeck(&["help", "report"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("--all"), "{}", stdout(&o));
    let o = quizdeck(&["help", "nonsense"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("deck-format"), "{}", stderr(&o));
    let o = quizdeck(&["help"]);
    assert!(o.status.success());
    assert!(stdout(&o).contains("deck-format"), "{}", stdout(&o));
}
