//! Property tests of the transitions: any settings in range, any rating sequence, any
//! clock (including one moved back).
//!
//! What is guaranteed, for every answer at `now`:
//! - no panic;
//! - `now < due <= now + maximum_interval_days` (delays are at least 1 s);
//! - the four outcomes are monotone: due(Again) <= due(Hard) <= due(Good) <= due(Easy);
//! - `Review` outcomes have `1 <= interval_days <= maximum_interval_days` and are due a
//!   whole number of days after `now`;
//! - each button means something (as in Anki): for a review, Good is at least a day longer
//!   than Hard and Easy at least a day longer than Good; when Easy graduates a (re)learning
//!   item it is at least two days, and a day longer than Good when Good graduates too
//!   (all up to the maximum interval, where they may meet);
//! - memory is valid: stability > 0 and finite, difficulty in 1–10;
//! - `last_review == Some(now)`, `reps` +1, `lapses` +1 exactly for Again in `Review`;
//! - answering with the same key on the same study day gives the same result (fuzz is a
//!   function of key and day).
//!
//! Not guaranteed: that `due` is after the previous `due` or `last_review` when the clock
//! moved back — scheduling is always relative to the `now` passed in.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};
use proptest::prelude::*;
use quizdeck::ids::ItemKey;
use quizdeck::schedule::{ItemState, LeechAction, Memory, Phase, Rating, Scheduler, Settings};

fn rating() -> impl Strategy<Value = Rating> {
    prop_oneof![
        Just(Rating::Again),
        Just(Rating::Hard),
        Just(Rating::Good),
        Just(Rating::Easy)
    ]
}

fn steps() -> impl Strategy<Value = Vec<u32>> {
    prop::collection::vec(1u32..=3 * 86_400, 0..4)
}

prop_compose! {
    fn settings()(
        desired_retention in 0.70f32..=0.97,
        learning_steps_secs in steps(),
        relearning_steps_secs in steps(),
        maximum_interval_days in prop_oneof![Just(36_500u32), 3u32..=36_500],
        fuzz in any::<bool>(),
        day_cutoff_hour in 0u32..24,
        leech_lapses in 0u32..10,
        suspend_leeches in any::<bool>(),
    ) -> Settings {
        Settings {
            desired_retention,
            learning_steps_secs,
            relearning_steps_secs,
            maximum_interval_days,
            fuzz,
            day_cutoff_hour,
            leech_lapses,
            leech_action: if suspend_leeches { LeechAction::Suspend } else { LeechAction::TagOnly },
            ..Settings::default()
        }
    }
}

/// Clock moves between answers: exactly when due, or a jump from -60 days to +3 years.
#[derive(Debug, Clone, Copy)]
enum Move {
    WhenDue,
    By(i64),
}

fn clock_move() -> impl Strategy<Value = Move> {
    prop_oneof![
        2 => Just(Move::WhenDue),
        3 => (-60 * 86_400i64..3 * 365 * 86_400).prop_map(Move::By),
    ]
}

fn offset() -> impl Strategy<Value = FixedOffset> {
    (-12 * 3600i32..=14 * 3600).prop_map(|s| FixedOffset::east_opt(s).unwrap())
}

/// Checks every guarantee for the four outcomes of answering `state` at `now`.
fn check_answer(
    sch: &Scheduler,
    key: &ItemKey,
    state: &ItemState,
    now: DateTime<Utc>,
    offset: FixedOffset,
) -> Result<[ItemState; 4], TestCaseError> {
    let s = sch.settings();
    let seed = sch.fuzz_seed(key, now, offset);
    let outs = sch.next_states(state, now, offset, seed);
    let max_secs = i64::from(s.maximum_interval_days) * 86_400;
    for (i, out) in outs.iter().enumerate() {
        let rating = Rating::ALL[i];
        let delay = (out.due - now).num_seconds();
        prop_assert!(
            delay >= 1,
            "{rating:?}: due {} not after now {now}",
            out.due
        );
        prop_assert!(
            delay <= max_secs,
            "{rating:?}: delay {delay} s over the maximum"
        );
        if out.phase == Phase::Review {
            prop_assert!(out.interval_days >= 1 && out.interval_days <= s.maximum_interval_days);
            prop_assert_eq!(delay, i64::from(out.interval_days) * 86_400);
        }
        prop_assert_ne!(out.phase, Phase::New);
        let m = out.memory.expect("memory after an answer");
        prop_assert!(m.is_valid(), "{m:?}");
        prop_assert!((1.0..=10.0).contains(&m.difficulty), "{m:?}");
        prop_assert_eq!(out.last_review, Some(now));
        prop_assert_eq!(out.reps, state.reps + 1);
        let lapse = state.phase == Phase::Review && rating == Rating::Again;
        prop_assert_eq!(out.lapses, state.lapses + u32::from(lapse));
        // A leech threshold marks the item, and suspends it only with that action.
        if sch.is_leech_warning(state, out) {
            prop_assert!(out.leech);
            prop_assert_eq!(
                out.suspended,
                state.suspended || s.leech_action == LeechAction::Suspend
            );
        } else {
            prop_assert_eq!(out.leech, state.leech);
            prop_assert_eq!(out.suspended, state.suspended);
        }
        if i > 0 {
            prop_assert!(outs[i - 1].due <= out.due, "not monotone at {rating:?}");
        }
    }
    // Each button a day apart (up to the maximum interval).
    let max_days = s.maximum_interval_days;
    let days = |i: usize| outs[i].interval_days;
    let at_least = |floor: u32| floor.min(max_days);
    if state.phase == Phase::Review {
        for out in &outs[1..] {
            prop_assert_eq!(out.phase, Phase::Review);
        }
        prop_assert!(
            days(2) >= at_least(days(1) + 1),
            "Hard {} Good {}",
            days(1),
            days(2)
        );
        prop_assert!(
            days(3) >= at_least(days(2) + 1),
            "Good {} Easy {}",
            days(2),
            days(3)
        );
    } else if outs[3].phase == Phase::Review {
        prop_assert!(days(3) >= at_least(2), "Easy graduated at {} days", days(3));
        if outs[2].phase == Phase::Review {
            prop_assert!(
                days(3) >= at_least(days(2) + 1),
                "Good {} Easy {}",
                days(2),
                days(3)
            );
        }
    }
    // Same key, same day: the same answer.
    let again = sch.answer(key, state, Rating::Good, now, offset);
    prop_assert_eq!(&again, &outs[2]);
    Ok(outs)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    #[test]
    fn any_rating_sequence_and_clock_keeps_the_guarantees(
        settings in settings(),
        offset in offset(),
        start in 0i64..4_000_000_000,
        answers in prop::collection::vec((rating(), clock_move()), 1..40),
        part in 0u32..3,
    ) {
        let sch = Scheduler::new(settings).unwrap();
        let key = ItemKey::new("deck", "card", part);
        let mut now = DateTime::from_timestamp(start, 0).unwrap();
        let mut state = ItemState::new(now);
        for (rating, mv) in answers {
            let outs = check_answer(&sch, &key, &state, now, offset)?;
            state = outs[rating.index()].clone();
            now = match mv {
                Move::WhenDue => state.due,
                Move::By(secs) => now + TimeDelta::seconds(secs),
            };
        }
    }

    #[test]
    fn review_intervals_are_positive_and_monotone_for_any_memory(
        stability in 0.001f32..36_500.0,
        difficulty in 1.0f32..=10.0,
        elapsed_days in 0i64..5_000,
        retention in 0.70f32..=0.97,
        fuzz in any::<bool>(),
        interval_days in 1u32..36_500,
    ) {
        let sch = Scheduler::new(Settings {
            desired_retention: retention,
            fuzz,
            ..Settings::default()
        })
        .unwrap();
        let utc = FixedOffset::east_opt(0).unwrap();
        let last = DateTime::from_timestamp(1_700_000_000, 0).unwrap();
        let now = last + TimeDelta::days(elapsed_days);
        let state = ItemState {
            phase: Phase::Review,
            memory: Some(Memory { stability_days: stability, difficulty }),
            last_review: Some(last),
            interval_days,
            due: now,
            reps: 5,
            ..ItemState::new(last)
        };
        let outs = check_answer(&sch, &ItemKey::new("d", "c", 0), &state, now, utc)?;
        let days: Vec<u32> = outs[1..].iter().map(|s| s.interval_days).collect();
        prop_assert!(days.iter().all(|&d| d >= 1));
        // A day apart, except where the maximum interval makes them meet.
        let max = sch.settings().maximum_interval_days;
        prop_assert!(days[1] >= (days[0] + 1).min(max), "{days:?}");
        prop_assert!(days[2] >= (days[1] + 1).min(max), "{days:?}");
    }

    #[test]
    fn arbitrary_stored_states_do_not_panic(
        phase in prop_oneof![Just(Phase::New), Just(Phase::Learning), Just(Phase::Review), Just(Phase::Relearning)],
        step in 0u32..10,
        stability in prop_oneof![Just(f32::NAN), Just(-1.0f32), Just(0.0f32), Just(f32::INFINITY), 0.0001f32..1e6],
        difficulty in prop_oneof![Just(f32::NAN), -5.0f32..20.0],
        interval_days in any::<u32>(),
        reps in any::<u32>(),
        lapses in any::<u32>(),
        last in prop::option::of(-100_000_000_000i64..100_000_000_000),
        now in -100_000_000_000i64..100_000_000_000,
        r in rating(),
    ) {
        let sch = Scheduler::new(Settings::default()).unwrap();
        let now = DateTime::from_timestamp(now, 0).unwrap();
        let state = ItemState {
            phase,
            step,
            memory: Some(Memory { stability_days: stability, difficulty }),
            due: now,
            last_review: last.map(|t| DateTime::from_timestamp(t, 0).unwrap()),
            interval_days,
            reps,
            lapses,
            leech: false,
            suspended: false,
        };
        let key = ItemKey::new("d", "c", 0);
        let out = sch.answer(&key, &state, r, now, FixedOffset::east_opt(0).unwrap());
        prop_assert!(out.due > now);
        prop_assert!(out.memory.unwrap().is_valid());
        let _ = sch.preview(&key, &state, now, FixedOffset::east_opt(0).unwrap());
    }
}

#[test]
fn extreme_clocks_do_not_panic() {
    let sch = Scheduler::new(Settings::default()).unwrap();
    let key = ItemKey::new("d", "c", 0);
    let off = FixedOffset::east_opt(14 * 3600).unwrap();
    for now in [DateTime::<Utc>::MIN_UTC, DateTime::<Utc>::MAX_UTC] {
        let mut state = ItemState::new(now);
        for r in [Rating::Good, Rating::Good, Rating::Again, Rating::Easy] {
            state = sch.answer(&key, &state, r, now, off);
            assert!(state.due >= now);
            let _ = sch.preview(&key, &state, now, off);
        }
    }
}
