//! The store used end to end the way the GUI does: data folder, profiles, store,
//! settings, export/import, locking.

use chrono::{DateTime, Utc};
use quizdeck::ids::ItemKey;
use quizdeck::schedule::{ItemState, Phase, Rating, ReviewEntry};
use quizdeck::store::{
    DataDirInputs, DataDirSource, OpenMode, OpenOptions, Profiles, Store, StoreError,
    resolve_data_dir,
};
use serde::{Deserialize, Serialize};

fn t(s: i64) -> DateTime<Utc> {
    DateTime::from_timestamp(1_700_000_000 + s, 0).unwrap()
}

#[derive(Debug, Default, PartialEq, Serialize, Deserialize)]
struct Settings {
    new_per_day: u32,
}

fn learned(at: i64) -> ItemState {
    ItemState {
        phase: Phase::Learning,
        step: 1,
        memory: None,
        due: t(at + 600),
        last_review: Some(t(at)),
        interval_days: 0,
        reps: 1,
        lapses: 0,
        leech: false,
        suspended: false,
    }
}

#[test]
fn classroom_flow() {
    let usb = tempfile::tempdir().unwrap();
    let exe = usb.path().join("quizdeck.exe");
    let data = resolve_data_dir(&DataDirInputs {
        exe: Some(exe),
        portable_marker: true,
        platform: Some("/nonexistent".into()),
        ..Default::default()
    })
    .unwrap();
    assert_eq!(data.source, DataDirSource::Portable);

    let profiles = Profiles::new(&data.path);
    let ana = profiles.create("Ana María", t(0)).unwrap();
    let ben = profiles.create("Ben", t(0)).unwrap();

    let (mut store, report) = Store::open(&ana.dir, &OpenOptions::default(), t(1)).unwrap();
    assert!(report.is_empty());
    let (settings, _) = store.load_settings::<Settings>(t(1)).unwrap();
    assert_eq!(settings, Settings::default());
    store.save_settings(&Settings { new_per_day: 15 }).unwrap();

    let key = ItemKey::new("ww2", "pact-1939", 0);
    assert!(store.state(&key).is_none(), "unknown items are new");
    store
        .record_answer(
            ReviewEntry {
                key: key.clone(),
                rating: Rating::Good,
                at: t(10),
                duration_ms: 3000,
                phase: Default::default(),
            },
            None,
            learned(10),
        )
        .unwrap();
    let today = store.counts_since(t(0)).unwrap();
    assert_eq!((today.answers, today.new_items), (1, 1));

    // A second window on the same profile (separate file handle, same process).
    let err = Store::open(&ana.dir, &OpenOptions::default(), t(11)).unwrap_err();
    assert!(matches!(err, StoreError::Locked { .. }));
    let (viewer, _) = Store::open(
        &ana.dir,
        &OpenOptions {
            mode: OpenMode::ReadOnlyIfLocked,
            ..Default::default()
        },
        t(11),
    )
    .unwrap();
    assert!(viewer.read_only());
    assert!(viewer.read_only_reason().unwrap().contains("in use by"));
    assert_eq!(viewer.state(&key), store.state(&key));
    assert!(viewer.save_settings(&Settings::default()).is_err());
    drop(viewer);

    // Move Ana's progress to Ben's profile (another PC) via one file.
    let file = usb.path().join("ana.quizdeck-progress");
    store.export_progress(&file, t(12)).unwrap();
    store.close(t(13)).unwrap();
    let (mut other, _) = Store::open(&ben.dir, &OpenOptions::default(), t(14)).unwrap();
    let rep = other.import_progress(&file, t(15), true).unwrap();
    assert_eq!(rep.from_profile.as_deref(), Some("Ana María"));
    assert_eq!(other.state(&key), Some(&learned(10)));
    assert_eq!(
        other
            .load_settings::<Settings>(t(16))
            .unwrap()
            .0
            .new_per_day,
        15
    );
    drop(other);

    profiles.delete(&ana.slug, t(20)).unwrap();
    let names: Vec<_> = profiles
        .list()
        .unwrap()
        .into_iter()
        .map(|p| p.display_name)
        .collect();
    assert_eq!(names, ["Ben"]);
}
