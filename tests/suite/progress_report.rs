//! Progress reports: `quizdeck report --profile` over a profile with a known history gives
//! the expected figures per deck.

use chrono::{Duration, Utc};
use quizdeck::ids::ItemKey;
use quizdeck::library::Library;
use quizdeck::schedule::{ItemState, Memory, Phase, Rating, ReviewEntry};
use quizdeck::store::{OpenOptions, Profiles, Store};
use std::process::Command;

#[test]
fn report_command_writes_per_deck_figures() {
    let dir = tempfile::tempdir().unwrap();
    let now = Utc::now();
    let profiles = Profiles::new(dir.path());
    let ann = profiles.create("Ann", now).unwrap();
    let lib = Library::load(None);
    let deck = &lib.decks[0].deck;
    let items = deck.items();
    let (a, b): (ItemKey, ItemKey) = (items[0].clone(), items[1].clone());
    let (mut store, _) = Store::open(&ann.dir, &OpenOptions::default(), now).unwrap();
    let mut mastered = ItemState::new(now);
    mastered.phase = Phase::Review;
    mastered.reps = 3;
    mastered.memory = Some(Memory {
        stability_days: 30.0,
        difficulty: 5.0,
    });
    let answers = [
        (&a, Rating::Again, 40, 10_000, mastered.clone()),
        (&a, Rating::Good, 2, 30_000, mastered.clone()),
        (&b, Rating::Again, 1, 20_000, ItemState::new(now)),
    ];
    for (key, rating, days_ago, ms, after) in answers {
        let entry = ReviewEntry {
            key: key.clone(),
            rating,
            at: now - Duration::days(days_ago),
            duration_ms: ms,
            phase: Phase::Review,
        };
        // Answers to items in review (the history records the phase before the answer).
        let before = Some(
            store
                .state(key)
                .cloned()
                .unwrap_or_else(|| mastered.clone()),
        );
        store.record_answer(entry, before, after).unwrap();
    }
    store.close(now).unwrap();

    let out = dir.path().join("report.csv");
    let o = Command::new(env!("CARGO_BIN_EXE_quizdeck"))
        .arg("--data-dir")
        .arg(dir.path())
        .args(["report", "--profile", "Ann", "-o"])
        .arg(&out)
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let csv = std::fs::read_to_string(&out).unwrap();
    // The shared CSV writer starts with a byte-order mark for spreadsheet programs.
    let csv = csv.strip_prefix('\u{feff}').expect("a byte-order mark");
    let mut lines = csv.lines();
    assert_eq!(
        lines.next().unwrap(),
        "deck_id,title,items,seen,mastered,reviews_30d,retention_30d_percent,time_studied_secs"
    );
    let row = lines
        .find(|l| l.starts_with(&format!("{},", deck.id)))
        .unwrap();
    let tail = format!(",{},2,1,2,50.0,60", items.len());
    assert!(row.ends_with(&tail), "{row}");
    assert_eq!(csv.lines().count(), lib.decks.len() + 1);
    let other = csv.lines().nth(2).unwrap();
    assert!(other.ends_with(",0,0,0,,0"), "{other}");
}
