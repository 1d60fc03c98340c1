//! The `quizdeck` command line, run as a real process: check, list, export and import on
//! good and broken decks in `tests/fixtures/`.

use crate::common::{quizdeck, stderr, stdout};
use std::path::{Path, PathBuf};

fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

#[test]
fn check_reports_every_error_at_its_line_and_column() {
    let o = quizdeck(&["check", "tests/fixtures/broken.ron"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let expected = [
        ("duplicate-id", 8, 18),
        ("unknown-source", 8, 40),
        ("empty-text", 8, 82),
        ("answer-in-distractors", 12, 80),
        ("duplicate", 12, 99),
        ("cloze-numbering", 14, 73),
        ("too-short", 15, 90),
        ("bad-image-path", 16, 63),
        ("no-answer", 16, 119),
    ];
    for (code, line, col) in expected {
        let place = format!("tests/fixtures/broken.ron:{line}:{col}");
        let block = out
            .split("\n\n")
            .find(|b| b.starts_with(&format!("error[{code}]")) && b.contains(&place));
        assert!(block.is_some(), "no {code} at {place} in:\n{out}");
        assert!(block.unwrap().contains("= help: "), "{code} has no hint");
    }
    assert!(
        out.contains("checked 1 deck file(s): 9 error(s), 0 warning(s)"),
        "{out}"
    );
}

#[test]
fn check_json_gives_the_same_places() {
    let o = quizdeck(&["check", "--json", "tests/fixtures/broken.ron"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    let diags = v[0]["diagnostics"].as_array().unwrap();
    assert_eq!(diags.len(), 9);
    assert_eq!(diags[0]["code"], "duplicate-id");
    assert_eq!(diags[0]["line"], 8);
    assert_eq!(diags[0]["column"], 18);
    assert_eq!(diags[0]["severity"], "error");
    assert_eq!(v[0]["ok"], false);
}

#[test]
fn check_names_an_unknown_field_and_the_known_ones() {
    let o = quizdeck(&["check", "tests/fixtures/syntax-error.ron"]);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    assert!(out.contains("error[unknown-field]"), "{out}");
    assert!(
        out.contains("tests/fixtures/syntax-error.ron:6:58"),
        "{out}"
    );
    assert!(out.contains("`front`, `back`, or `reverse`"), "{out}");
}

#[test]
fn check_refuses_a_newer_format_by_name() {
    let o = quizdeck(&["check", "tests/fixtures/newer-format.ron"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains("made for a newer quizdeck (format 4)"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn check_passes_good_decks_and_folders() {
    let o = quizdeck(&["check", "tests/fixtures/every-kind.ron"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("0 error(s), 0 warning(s)"));
    let o = quizdeck(&["check", "tests/fixtures"]);
    assert_eq!(o.status.code(), Some(1), "the folder holds broken decks");
    assert!(stdout(&o).contains("ok    tests/fixtures/every-kind.ron"));
}

#[test]
fn list_shows_counts_and_kinds() {
    let o = quizdeck(&["list", "tests/fixtures/every-kind.ron"]);
    assert_eq!(o.status.code(), Some(0));
    let out = stdout(&o);
    let row = out.lines().find(|l| l.starts_with("every-kind")).unwrap();
    assert!(row.contains("Every kind"), "{row}");
    let nums: Vec<&str> = row.split_whitespace().collect();
    assert!(nums.contains(&"7") && nums.contains(&"9"), "{row}");
    assert!(
        row.ends_with("Basic, Cloze, TypeIn, MultipleChoice, TrueFalse, Order, Match"),
        "{row}"
    );
    // Without paths: the bundled decks.
    let o = quizdeck(&["list"]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).lines().count() > 8, "{}", stdout(&o));
}

#[test]
fn export_csv_then_import_gives_the_same_cards() {
    let dir = tempfile::tempdir().unwrap();
    let csv = dir.path().join("deck.csv");
    let ron = dir.path().join("deck.ron");
    let f = fixture("every-kind.ron");
    let o = quizdeck(&[
        "export",
        f.to_str().unwrap(),
        "--format",
        "csv",
        "-o",
        csv.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let o = quizdeck(&[
        "import",
        csv.to_str().unwrap(),
        "--deck-id",
        "every-kind",
        "--title",
        "Every kind",
        "-o",
        ron.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    let original = quizdeck::deck::load_file(&f).unwrap();
    let back = quizdeck::deck::load_file(&ron).unwrap();
    assert_eq!(back.cards, original.cards);
    let o = quizdeck(&["check", ron.to_str().unwrap()]);
    assert!(o.status.success(), "{}", stdout(&o));
}

#[test]
fn export_json_of_a_bundled_deck_by_id() {
    let id = quizdeck::deck::bundled::check_all()
        .into_iter()
        .find_map(|c| c.deck)
        .expect("a bundled deck")
        .id;
    let o = quizdeck(&["export", id.as_str(), "--format", "json"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let v: serde_json::Value = serde_json::from_str(&stdout(&o)).unwrap();
    assert_eq!(v["id"], id.as_str());
    assert!(!v["cards"].as_array().unwrap().is_empty());
}

#[test]
fn import_a_teachers_sheet_and_reimport_keeps_ids() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("leaders.ron");
    let args = |o: &Path| {
        vec![
            "import".to_owned(),
            fixture("teacher-sheet.csv").display().to_string(),
            "--deck-id".into(),
            "leaders".into(),
            "--title".into(),
            "Leaders".into(),
            "-o".into(),
            o.display().to_string(),
        ]
    };
    let a = args(&out);
    let o = quizdeck(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", stderr(&o));
    let first = quizdeck::deck::load_file(&out).unwrap();
    assert_eq!(first.cards.len(), 2);
    // The teacher renames an id in the deck; a re-import keeps it.
    let text = std::fs::read_to_string(&out)
        .unwrap()
        .replace(first.cards[0].id.as_str(), "ulmanis-1940");
    std::fs::write(&out, text).unwrap();
    let o = quizdeck(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("2 ids kept"), "{}", stdout(&o));
    let second = quizdeck::deck::load_file(&out).unwrap();
    assert_eq!(second.cards[0].id.as_str(), "ulmanis-1940");
    assert_eq!(second.cards[1].id, first.cards[1].id);
}

#[test]
fn import_reports_bad_rows_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("bad.ron");
    let sheet = fixture("bad-sheet.csv");
    let base = [
        "import",
        sheet.to_str().unwrap(),
        "--deck-id",
        "bad",
        "--title",
        "Bad",
        "-o",
        out.to_str().unwrap(),
    ];
    let o = quizdeck(&base);
    assert_eq!(o.status.code(), Some(1));
    let err = stderr(&o);
    for row in ["row 3:", "row 4:", "row 5:"] {
        assert!(err.contains(row), "{row} missing in {err}");
    }
    assert!(!err.contains("row 2:"), "{err}");
    assert!(!out.exists(), "nothing may be written");
    let mut keep = base.to_vec();
    keep.push("--keep-going");
    let o = quizdeck(&keep);
    assert!(o.status.success(), "{}", stderr(&o));
    assert_eq!(quizdeck::deck::load_file(&out).unwrap().cards.len(), 1);
}

#[test]
fn optimize_and_progress_files_work_on_a_profile() {
    use quizdeck::ids::ItemKey;
    use quizdeck::schedule::{ItemState, Phase, Rating, ReviewEntry};
    use quizdeck::store::{OpenOptions, Profiles, Store};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().to_str().unwrap();
    let now: chrono::DateTime<chrono::Utc> = "2026-03-02T09:00:00Z".parse().unwrap();
    let profiles = Profiles::new(dir.path());
    let ann = profiles.create("Ann", now).unwrap();
    profiles.create("Ben", now).unwrap();
    let (mut store, _) = Store::open(&ann.dir, &OpenOptions::default(), now).unwrap();
    for i in 0..5 {
        let key = ItemKey::new("d", format!("c{i}").as_str(), 0);
        let entry = ReviewEntry {
            key,
            rating: Rating::Good,
            at: now,
            duration_ms: 1000,
            phase: Phase::New,
        };
        store
            .record_answer(entry, None, ItemState::new(now))
            .unwrap();
    }
    store.close(now).unwrap();

    let o = quizdeck(&["--data-dir", data, "optimize", "--profile", "Ann"]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("5 answers"), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("kept the current parameters"),
        "{}",
        stdout(&o)
    );

    let file = dir.path().join("ann.progress");
    let o = quizdeck(&[
        "--data-dir",
        data,
        "progress",
        "export",
        "--profile",
        "Ann",
        "-o",
        file.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("5 items, 5 answers"), "{}", stdout(&o));
    let o = quizdeck(&[
        "--data-dir",
        data,
        "progress",
        "import",
        "--profile",
        "Ben",
        file.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("5 item states taken"), "{}", stdout(&o));
    let o = quizdeck(&["--data-dir", data, "optimize", "--profile", "Nobody"]);
    assert!(!o.status.success());
    assert!(
        stderr(&o).contains("no profile \"Nobody\""),
        "{}",
        stderr(&o)
    );
}
