//! Reference sequences from the public FSRS implementations.

use chrono::{DateTime, FixedOffset, Utc};
use quizdeck::ids::ItemKey;
use quizdeck::schedule::fsrs_adapter::{default_parameters, memory_state};
use quizdeck::schedule::{ItemState, Phase, Rating, Scheduler, Settings};

/// py-fsrs `test_review_card`: steps 1 m / 10 m, relearning 10 m, no fuzz, every answer
/// given exactly when due. Interval = whole days from the answer to the next due date.
#[test]
fn reproduces_py_fsrs_review_sequence() {
    let scheduler = Scheduler::new(Settings {
        fuzz: false,
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(scheduler.settings().learning_steps_secs, [60, 600]);
    assert_eq!(scheduler.settings().relearning_steps_secs, [600]);
    let offset = FixedOffset::east_opt(0).unwrap();
    let key = ItemKey::new("ref", "card", 0);
    let mut now: DateTime<Utc> = DateTime::parse_from_rfc3339("2024-01-01T12:00:00Z")
        .unwrap()
        .to_utc();
    let mut state = ItemState::new(now);
    let ratings = [
        [Rating::Good; 6].as_slice(),
        &[Rating::Again; 2],
        &[Rating::Good; 5],
    ]
    .concat();
    let mut intervals = Vec::new();
    let mut phases = Vec::new();
    for rating in ratings {
        state = scheduler.answer(&key, &state, rating, now, offset);
        let last = state.last_review.unwrap();
        intervals.push((state.due - last).num_days());
        phases.push(state.phase);
        now = state.due;
    }
    assert_eq!(intervals, [0, 2, 11, 46, 163, 498, 0, 0, 2, 4, 7, 12, 21]);
    assert_eq!(phases[0], Phase::Learning);
    assert_eq!(phases[6], Phase::Relearning);
    assert_eq!(state.phase, Phase::Review);
    assert_eq!(state.lapses, 1);
    assert_eq!(state.reps, 13);
}

/// fsrs-rs `test_memory_state`: ratings [1,3,3,3,3,3] at elapsed days [0,0,1,3,8,21].
#[test]
fn reproduces_fsrs_rs_memory_state() {
    let answers: Vec<(Rating, u32)> = [1, 3, 3, 3, 3, 3]
        .into_iter()
        .zip([0, 0, 1, 3, 8, 21])
        .map(|(r, d)| (Rating::from_number(r).unwrap(), d))
        .collect();
    let m = memory_state(&[], &answers).unwrap().unwrap();
    assert!((m.stability_days - 53.62691).abs() < 1e-4, "{m:?}");
    assert!((m.difficulty - 6.3574867).abs() < 1e-4, "{m:?}");
    // The same with the parameters given explicitly.
    let m2 = memory_state(default_parameters(), &answers)
        .unwrap()
        .unwrap();
    assert_eq!(m, m2);
}

/// The public sequence's first two answers with the 10-minute step crossing the 04:00 day
/// cut-off (Good at 03:55, Good at 04:05): elapsed time is counted in study days, as in
/// Anki, so the second answer is a day after the first and FSRS's long-term path gives 7
/// days instead of the same-day path's 2. py-fsrs counts elapsed days from timestamps and
/// gives 2 here.
#[test]
fn a_step_crossing_the_day_cutoff_counts_a_study_day() {
    let scheduler = Scheduler::new(Settings {
        fuzz: false,
        ..Settings::default()
    })
    .unwrap();
    assert_eq!(scheduler.settings().day_cutoff_hour, 4);
    let key = ItemKey::new("ref", "card", 0);
    let graduate = |first: &str, offset: FixedOffset| {
        let now = DateTime::parse_from_rfc3339(first).unwrap().to_utc();
        let learning = scheduler.answer(&key, &ItemState::new(now), Rating::Good, now, offset);
        assert_eq!((learning.due - now).num_seconds(), 600);
        let at = learning.due;
        let review = scheduler.answer(&key, &learning, Rating::Good, at, offset);
        assert_eq!(review.phase, Phase::Review);
        (review.due - at).num_days()
    };
    let utc = FixedOffset::east_opt(0).unwrap();
    assert_eq!(graduate("2024-01-01T12:00:00Z", utc), 2);
    assert_eq!(graduate("2024-01-01T03:55:00Z", utc), 7);
    assert_eq!(
        graduate("2024-01-01T03:40:00Z", utc),
        2,
        "both before the cut-off"
    );
    // The cut-off is local: 03:55 in Riga (UTC+2) is 01:55 UTC.
    let riga = FixedOffset::east_opt(2 * 3600).unwrap();
    assert_eq!(graduate("2024-01-01T01:55:00Z", riga), 7);
    assert_eq!(graduate("2024-01-01T03:55:00Z", riga), 2);
}
