//! The scheduling commands run as a real process: `eval --order`, `progress
//! import-revlog` then `optimize` on the imported history.

use crate::common::{quizdeck, stderr, stdout};
use std::path::Path;

/// A review log of 80 cards answered six times each over a month in 2024 (480 answers,
/// 400 answers on a later day than the card's previous one).
fn write_revlog(path: &Path) {
    let mut text = String::from("card_id,review_rating,review_time,review_duration\n");
    for card in 0..80i64 {
        for (i, day) in [0, 1, 3, 7, 15, 30].into_iter().enumerate() {
            let n = card * 7 + i as i64;
            let rating = if n % 5 == 0 {
                1
            } else if n % 7 == 0 {
                2
            } else if n % 11 == 0 {
                4
            } else {
                3
            };
            let minute = card % 60;
            text.push_str(&format!(
                "{},{rating},2024-01-{:02}T09:{minute:02}:00+00:00,{}\n",
                1_700_000_000_000 + card,
                1 + day,
                3000 + n * 10
            ));
        }
    }
    std::fs::write(path, text).unwrap();
}

#[test]
fn eval_help_names_the_default_order_and_why() {
    let o = quizdeck(&["eval", "--help"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let help = stdout(&o);
    assert!(help.contains("--order <ORDER>"), "{help}");
    assert!(help.contains("[default: time]"), "{help}");
    assert!(help.contains("recent reviews weigh most"), "{help}");
    assert!(help.contains("--order card"), "{help}");
}

#[test]
fn eval_counts_in_either_order() {
    let dir = tempfile::tempdir().unwrap();
    let log = dir.path().join("log.csv");
    write_revlog(&log);
    let log = log.to_str().unwrap();
    let by_time = quizdeck(&["eval", "--revlog", log]);
    assert!(by_time.status.success(), "{}", stderr(&by_time));
    assert!(
        stdout(&by_time).contains(
            "480 reviews of 80 cards -> 400 FSRS items (days in UTC, items in time order)"
        ),
        "{}",
        stdout(&by_time)
    );
    let by_card = quizdeck(&["eval", "--revlog", log, "--order", "card"]);
    assert!(by_card.status.success(), "{}", stderr(&by_card));
    assert!(
        stdout(&by_card).contains("items grouped by card"),
        "{}",
        stdout(&by_card)
    );
    let bad = quizdeck(&["eval", "--revlog", log, "--order", "random"]);
    assert!(!bad.status.success());
}

#[test]
fn an_imported_review_log_feeds_optimize() {
    use quizdeck::store::{OpenOptions, Profiles, Store};
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let now = chrono::Utc::now();
    Profiles::new(&data).create("Jūlija", now).unwrap();
    let log = dir.path().join("anki.csv");
    write_revlog(&log);
    let args = |extra: &[&'static str]| -> Vec<String> {
        let mut v: Vec<String> = [
            "--data-dir",
            data.to_str().unwrap(),
            "progress",
            "import-revlog",
        ]
        .map(String::from)
        .to_vec();
        v.extend(extra.iter().map(|s| s.to_string()));
        v.push("--profile".into());
        v.push("Jūlija".into());
        v.push(log.to_str().unwrap().into());
        v
    };
    let run = |extra: &[&'static str]| {
        let a = args(extra);
        quizdeck(&a.iter().map(String::as_str).collect::<Vec<_>>())
    };
    let o = run(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains(
            "added 480 answers of 80 cards to Jūlija's history (deck review-log); 0 already present"
        ),
        "{}",
        stdout(&o)
    );
    // Again: nothing added.
    let o = run(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(stdout(&o).contains("added 0 answers"), "{}", stdout(&o));
    assert!(stdout(&o).contains("480 already present"), "{}", stdout(&o));
    // A bad deck id is refused before anything is written.
    let o = run(&["--deck", "Not An Id"]);
    assert!(!o.status.success());
    assert!(stderr(&o).contains("--deck"), "{}", stderr(&o));

    let info = Profiles::new(&data).list().unwrap().remove(0);
    let (store, _) = Store::open(&info.dir, &OpenOptions::default(), now).unwrap();
    let history = store.history().unwrap();
    assert_eq!(history.len(), 480);
    assert!(history.iter().all(|e| e.key.deck.as_str() == "review-log"));
    assert!(store.states().is_empty(), "no deck's progress is touched");
    store.close(now).unwrap();

    // A dry run while the student's app holds the profile: it says what would change
    // and no file changes (contents, names or times).
    fn tree(
        dir: &std::path::Path,
        out: &mut Vec<(std::path::PathBuf, Vec<u8>, std::time::SystemTime)>,
    ) {
        let mut entries: Vec<_> = std::fs::read_dir(dir).unwrap().flatten().collect();
        entries.sort_by_key(|e| e.path());
        for e in entries {
            let p = e.path();
            let modified = e.metadata().unwrap().modified().unwrap();
            if p.is_dir() {
                out.push((p.clone(), Vec::new(), modified));
                tree(&p, out);
            } else {
                out.push((p.clone(), std::fs::read(&p).unwrap(), modified));
            }
        }
    }
    let held = Store::open(&info.dir, &OpenOptions::default(), now).unwrap();
    let mut during = Vec::new();
    tree(&data, &mut during);
    let optimize = |extra: &[&str]| {
        let mut a = vec![
            "--data-dir",
            data.to_str().unwrap(),
            "optimize",
            "--profile",
            "Jūlija",
        ];
        a.extend_from_slice(extra);
        quizdeck(&a)
    };
    let o = optimize(&["--dry-run"]);
    assert!(o.status.success(), "{}", stderr(&o));
    let out = stdout(&o);
    assert!(out.contains("480 answers, 400 training items"), "{out}");
    assert!(
        out.contains("would save personal parameters: log loss"),
        "{out}"
    );
    assert!(
        out.contains("  now:   [") && out.contains("  would: ["),
        "{out}"
    );
    assert!(out.contains("dry run: nothing was written"), "{out}");
    let mut after = Vec::new();
    tree(&data, &mut after);
    assert_eq!(during, after, "a dry run changed files");
    drop(held);

    let o = optimize(&[]);
    assert!(o.status.success(), "{}", stderr(&o));
    assert!(
        stdout(&o).contains("480 answers, 400 training items"),
        "{}",
        stdout(&o)
    );
    // The real run saves what the dry run showed.
    assert!(
        stdout(&o).contains("saved personal parameters: log loss"),
        "{}",
        stdout(&o)
    );
    let (store, _) = Store::open(&info.dir, &OpenOptions::default(), now).unwrap();
    let (settings, _) = store
        .load_settings::<quizdeck::settings::ProfileSettings>(now)
        .unwrap();
    assert_ne!(
        settings.schedule.parameters,
        quizdeck::settings::ProfileSettings::default()
            .schedule
            .parameters,
        "the real run saves the parameters"
    );
    store.close(now).unwrap();
}
