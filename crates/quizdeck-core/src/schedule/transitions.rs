//! Card-state transitions: what an answer does to an item's [`ItemState`].
//!
//! [`Scheduler`] bundles validated [`Settings`] with the FSRS model they name; its methods
//! are pure functions of (state, rating, now, local offset, settings, fuzz seed).
//!
//! Rules (Anki with FSRS; `docs/scheduling.md` lists where they differ from py-fsrs):
//! - The FSRS memory is updated on every answer, with the whole study days since the
//!   previous answer (0 on the same day: FSRS's short-term path). Days are study days
//!   (they begin at the day cut-off), so a 10-minute step at 03:55 answered at 04:05
//!   counts one day.
//! - New / learning: Again → step 0; Hard → repeat the step (on the first step: the
//!   average of steps 0 and 1, or 1.5 × step 0 capped at step 0 + 1 day when there is a
//!   single step; a first-step Hard delay over a day is rounded to whole days); Good →
//!   next step, graduating after the last; Easy → graduate at once, at least one day
//!   longer than Good's graduating interval.
//! - Review: Again → a lapse (+1 lapses, leech check) into the relearning steps (or, with
//!   none, straight to a review interval); Hard / Good / Easy → the FSRS interval, with
//!   Good at least one day longer than Hard and Easy at least one day longer than Good
//!   (so each button means something).
//! - Relearning: like learning with the relearning steps, graduating back to review.
//! - Graduating / review intervals: `round(interval).max(1)` days, fuzzed like Anki when
//!   enabled (the fuzz range starts at the minimum above), capped at the maximum
//!   interval. Step delays are capped at it too.
//! - The four outcomes are then made monotone: the delay of a better rating is never
//!   shorter than the delay of a worse one.
//! - Leeches: at the leech threshold of lapses, and again every half threshold (rounded
//!   up: 8 → 8, 12, 16; 5 → 5, 8, 11), the answer is a leech warning; the item is marked
//!   a leech and, with [`LeechAction::Suspend`], suspended.
//!
//! Guarantees for any state, rating and clock (including a clock moved back): no panic;
//! `last_review == Some(now)`; `reps` +1; `now < due <= now + maximum interval` (except
//! where `now + 1 s` is beyond what `DateTime<Utc>` can hold, where `due` saturates);
//! `interval_days >= 1` in `Review` and `<= maximum_interval_days`; memory finite with
//! stability > 0 and difficulty in 1–10.

use super::day::{add_secs, day_index};
use super::fsrs_adapter::{Model, NextMemory};
use super::fuzz::{fuzz_factor, fuzz_seed, review_interval_days};
use super::preview::{Choice, Interval, Preview};
use super::settings::LeechAction;
use super::{ItemState, Memory, Phase, Rating, Result, Settings};
use crate::ids::ItemKey;
use chrono::{DateTime, FixedOffset, Utc};

const SECS_PER_DAY: i64 = 86_400;

/// Validated settings plus the FSRS model they name. Cheap to clone and share.
#[derive(Debug, Clone)]
pub struct Scheduler {
    settings: Settings,
    model: Model,
}

/// Where the steps send an item after an answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum StepMove {
    /// Stay in (re)learning at `step`, due after `delay_secs`.
    Step { step: u32, delay_secs: i64 },
    /// Leave the steps for a review interval.
    Graduate,
}

/// The phase-level result of an answer before it becomes an [`ItemState`].
#[derive(Debug, Clone, Copy)]
struct Outcome {
    phase: Phase,
    step: u32,
    delay_secs: i64,
    /// Whole days for `Review` outcomes.
    review_days: Option<u32>,
    lapsed: bool,
}

impl Scheduler {
    /// Validates `settings` and builds the FSRS model from its parameters.
    pub fn new(settings: Settings) -> Result<Self> {
        settings.validate()?;
        let model = Model::new(&settings.parameters)?;
        Ok(Self { settings, model })
    }

    /// The settings this scheduler was built from.
    pub fn settings(&self) -> &Settings {
        &self.settings
    }

    /// True when the answer that turned `before` into `after` reached a leech threshold
    /// (see [`is_leech_threshold`]): the first time it marks the item a leech, and again
    /// every half threshold of lapses after that, so the student is told again.
    pub fn is_leech_warning(&self, before: &ItemState, after: &ItemState) -> bool {
        after.lapses > before.lapses && is_leech_threshold(after.lapses, self.settings.leech_lapses)
    }

    /// The fuzz seed for answering `key` at `now`: the item key and the study day.
    pub fn fuzz_seed(&self, key: &ItemKey, now: DateTime<Utc>, offset: FixedOffset) -> u64 {
        fuzz_seed(key, day_index(now, offset, self.settings.day_cutoff_hour))
    }

    /// The state of `key` after answering `rating` at `now` (local UTC `offset`).
    pub fn answer(
        &self,
        key: &ItemKey,
        state: &ItemState,
        rating: Rating,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> ItemState {
        self.answer_seeded(state, rating, now, offset, self.fuzz_seed(key, now, offset))
    }

    /// Like [`Scheduler::answer`] with an explicit fuzz seed (ignored when fuzz is off).
    pub(crate) fn answer_seeded(
        &self,
        state: &ItemState,
        rating: Rating,
        now: DateTime<Utc>,
        offset: FixedOffset,
        fuzz_seed: u64,
    ) -> ItemState {
        let [again, hard, good, easy] = self.next_states(state, now, offset, fuzz_seed);
        match rating {
            Rating::Again => again,
            Rating::Hard => hard,
            Rating::Good => good,
            Rating::Easy => easy,
        }
    }

    /// The four possible next states (Again, Hard, Good, Easy) of `state` answered at `now`.
    pub fn next_states(
        &self,
        state: &ItemState,
        now: DateTime<Utc>,
        offset: FixedOffset,
        fuzz_seed: u64,
    ) -> [ItemState; 4] {
        let s = &self.settings;
        let cutoff = s.day_cutoff_hour;
        let today = day_index(now, offset, cutoff);
        let elapsed_days = state.last_review.map_or(0, |last| {
            (today - day_index(last, offset, cutoff)).clamp(0, i64::from(u32::MAX)) as u32
        });
        let memory = state.memory.filter(Memory::is_valid);
        let next = self.next_memories(memory, elapsed_days);

        let fuzz = s.fuzz.then(|| fuzz_factor(fuzz_seed));
        let max_days = s.maximum_interval_days;
        let max_secs = i64::from(max_days) * SECS_PER_DAY;

        let review = |days_f: f32, minimum_days: u32| {
            let days = review_interval_days(days_f, minimum_days, max_days, fuzz);
            Outcome {
                phase: Phase::Review,
                step: 0,
                delay_secs: i64::from(days) * SECS_PER_DAY,
                review_days: Some(days),
                lapsed: false,
            }
        };
        let stepped = |phase: Phase, step: u32, delay_secs: i64| Outcome {
            phase,
            step,
            delay_secs: delay_secs.min(max_secs),
            review_days: None,
            lapsed: false,
        };
        let fsrs_days = |rating: Rating| next[rating.index()].interval_days;
        // Easy graduating from the steps: at least a day longer than Good would graduate,
        // and than the delays of Again, Hard and Good (a long step, or Good raised to
        // Hard's rounded step by the monotone rule below).
        let easy_graduation_minimum = |others: &[Outcome]| {
            let good = review_interval_days(fsrs_days(Rating::Good), 1, max_days, fuzz);
            let longest = others.iter().map(|o| ceil_days(o.delay_secs)).max();
            good.max(longest.unwrap_or(0)).saturating_add(1)
        };

        let mut outcomes = [stepped(Phase::Learning, 0, 0); 4];
        // The fewest days the next passing review rating may take: Hard at least as long
        // as Again's relearning step, then each rating a day longer than the one before.
        let mut minimum_days = 1u32;
        for rating in Rating::ALL {
            outcomes[rating.index()] = match state.phase {
                Phase::New | Phase::Learning | Phase::Relearning => {
                    let (steps, step) = match state.phase {
                        Phase::New => (&s.learning_steps_secs, 0),
                        Phase::Learning => (&s.learning_steps_secs, state.step),
                        _ => (&s.relearning_steps_secs, state.step),
                    };
                    let phase = if state.phase == Phase::Relearning {
                        Phase::Relearning
                    } else {
                        Phase::Learning
                    };
                    match step_move(steps, step, rating) {
                        StepMove::Step { step, delay_secs } => stepped(phase, step, delay_secs),
                        StepMove::Graduate if rating == Rating::Easy => review(
                            fsrs_days(rating),
                            easy_graduation_minimum(&outcomes[..rating.index()]),
                        ),
                        StepMove::Graduate => review(fsrs_days(rating), 1),
                    }
                }
                Phase::Review => {
                    let mut outcome = match (rating, s.relearning_steps_secs.first()) {
                        (Rating::Again, Some(&first)) => {
                            stepped(Phase::Relearning, 0, i64::from(first))
                        }
                        (Rating::Again, None) => review(fsrs_days(rating), 1),
                        _ => review(fsrs_days(rating), minimum_days),
                    };
                    minimum_days = match outcome.review_days {
                        Some(days) if rating != Rating::Again => days.saturating_add(1),
                        // Whole days covering Again's delay.
                        _ => ceil_days(outcome.delay_secs).max(1),
                    };
                    outcome.lapsed = rating == Rating::Again;
                    outcome
                }
            };
        }

        // A better rating never comes back sooner than a worse one.
        for i in 1..4 {
            let floor = outcomes[i - 1].delay_secs;
            let o = &mut outcomes[i];
            if o.delay_secs < floor {
                match &mut o.review_days {
                    Some(days) => {
                        *days = (floor + SECS_PER_DAY - 1).div_euclid(SECS_PER_DAY) as u32;
                        o.delay_secs = i64::from(*days) * SECS_PER_DAY;
                    }
                    None => o.delay_secs = floor,
                }
            }
        }

        let mut i = 0;
        outcomes.map(|o| {
            let memory = next[i].memory;
            i += 1;
            self.to_state(state, o, memory, now)
        })
    }

    /// The four next states with their delays and button labels, for the answer buttons.
    pub fn preview(
        &self,
        key: &ItemKey,
        state: &ItemState,
        now: DateTime<Utc>,
        offset: FixedOffset,
    ) -> Preview {
        let states = self.next_states(state, now, offset, self.fuzz_seed(key, now, offset));
        let mut i = 0;
        let choices = states.map(|state| {
            let rating = Rating::ALL[i];
            i += 1;
            let delay_secs = (state.due - now).num_seconds();
            Choice {
                rating,
                interval: Interval::new(delay_secs, self.settings.learn_ahead_secs),
                delay_secs,
                state,
            }
        });
        Preview { choices }
    }

    fn next_memories(&self, memory: Option<Memory>, elapsed_days: u32) -> [NextMemory; 4] {
        let retention = self.settings.desired_retention;
        self.model
            .next(memory, retention, elapsed_days)
            .or_else(|_| self.model.next(None, retention, 0))
            .expect("validated parameters give finite initial memory states")
    }

    fn to_state(
        &self,
        old: &ItemState,
        o: Outcome,
        memory: Memory,
        now: DateTime<Utc>,
    ) -> ItemState {
        let lapses = old.lapses.saturating_add(u32::from(o.lapsed));
        let became_leech = o.lapsed && is_leech_threshold(lapses, self.settings.leech_lapses);
        let suspend = became_leech && self.settings.leech_action == LeechAction::Suspend;
        let interval_days = o
            .review_days
            .unwrap_or((o.delay_secs / SECS_PER_DAY) as u32);
        ItemState {
            phase: o.phase,
            step: o.step,
            memory: Some(memory),
            due: add_secs(now, o.delay_secs),
            last_review: Some(now),
            interval_days,
            reps: old.reps.saturating_add(1),
            lapses,
            leech: old.leech || became_leech,
            suspended: old.suspended || suspend,
        }
    }
}

/// Anki's leech rule: at `threshold` lapses, then every half threshold (rounded up) more:
/// 8 → 8, 12, 16…; 5 → 5, 8, 11…; 0 never.
pub(crate) fn is_leech_threshold(lapses: u32, threshold: u32) -> bool {
    if threshold == 0 || lapses < threshold {
        return false;
    }
    (lapses - threshold).is_multiple_of(threshold.div_ceil(2).max(1))
}

/// Whole days covering `delay_secs` (0 for none).
fn ceil_days(delay_secs: i64) -> u32 {
    let days = delay_secs.max(0).div_euclid(SECS_PER_DAY)
        + i64::from(delay_secs.rem_euclid(SECS_PER_DAY) > 0 && delay_secs > 0);
    days.min(i64::from(u32::MAX)) as u32
}

/// The delay of Hard on the first step: over a day it is rounded to whole days, so the
/// answer gives the same day whatever the hour (as in Anki).
fn round_in_days(delay_secs: i64) -> i64 {
    if delay_secs > SECS_PER_DAY {
        (delay_secs as f64 / SECS_PER_DAY as f64).round() as i64 * SECS_PER_DAY
    } else {
        delay_secs
    }
}

/// Where (re)learning `steps` send an item at `step` answered with `rating`.
fn step_move(steps: &[u32], step: u32, rating: Rating) -> StepMove {
    if steps.is_empty() {
        return StepMove::Graduate;
    }
    let len = steps.len();
    let idx = step as usize;
    if idx >= len && rating != Rating::Again {
        // The steps were shortened since this item entered them.
        return StepMove::Graduate;
    }
    let delay = |i: usize| i64::from(steps[i]);
    match rating {
        Rating::Again => StepMove::Step {
            step: 0,
            delay_secs: delay(0),
        },
        Rating::Hard => {
            let delay_secs = if idx == 0 {
                round_in_days(match steps.get(1) {
                    Some(&next) => (delay(0) + i64::from(next)) / 2,
                    None => (delay(0) * 3 / 2).min(delay(0) + SECS_PER_DAY),
                })
            } else {
                delay(idx)
            };
            StepMove::Step { step, delay_secs }
        }
        Rating::Good if idx + 1 < len => StepMove::Step {
            step: step + 1,
            delay_secs: delay(idx + 1),
        },
        Rating::Good | Rating::Easy => StepMove::Graduate,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::TimeDelta;

    fn utc() -> FixedOffset {
        FixedOffset::east_opt(0).unwrap()
    }

    /// 2024-05-01 12:00 UTC, far from the 04:00 cutoff.
    fn noon() -> DateTime<Utc> {
        DateTime::parse_from_rfc3339("2024-05-01T12:00:00Z")
            .unwrap()
            .to_utc()
    }

    fn sched() -> Scheduler {
        Scheduler::new(Settings {
            fuzz: false,
            ..Settings::default()
        })
        .unwrap()
    }

    fn delay(s: &ItemState, now: DateTime<Utc>) -> i64 {
        (s.due - now).num_seconds()
    }

    fn answer(s: &ItemState, r: Rating, now: DateTime<Utc>) -> ItemState {
        sched().answer_seeded(s, r, now, utc(), 0)
    }

    fn learning(step: u32) -> ItemState {
        let new = ItemState::new(noon());
        let mut s = answer(&new, Rating::Good, noon());
        s.step = step;
        s
    }

    fn review(interval_days: u32) -> ItemState {
        let mut s = answer(&ItemState::new(noon()), Rating::Easy, noon());
        s.interval_days = interval_days;
        s.due = noon() + TimeDelta::days(interval_days.into());
        s
    }

    fn relearning(step: u32) -> ItemState {
        let r = review(10);
        let now = r.due;
        let mut s = answer(&r, Rating::Again, now);
        s.step = step;
        s
    }

    #[test]
    fn new_item_each_rating() {
        let new = ItemState::new(noon());
        let a = answer(&new, Rating::Again, noon());
        assert_eq!(
            (a.phase, a.step, delay(&a, noon())),
            (Phase::Learning, 0, 60)
        );
        let h = answer(&new, Rating::Hard, noon());
        assert_eq!(
            (h.phase, h.step, delay(&h, noon())),
            (Phase::Learning, 0, 330)
        );
        let g = answer(&new, Rating::Good, noon());
        assert_eq!(
            (g.phase, g.step, delay(&g, noon())),
            (Phase::Learning, 1, 600)
        );
        let e = answer(&new, Rating::Easy, noon());
        assert_eq!(e.phase, Phase::Review);
        // Easy's initial stability 8.2956 days → 8 days.
        assert_eq!((e.interval_days, delay(&e, noon())), (8, 8 * 86_400));
        for s in [&a, &h, &g, &e] {
            assert_eq!(s.reps, 1);
            assert_eq!(s.last_review, Some(noon()));
            assert!(s.memory.is_some());
            assert_eq!(s.lapses, 0);
        }
        assert_eq!(a.interval_days, 0);
    }

    #[test]
    fn learning_step_one_each_rating() {
        let s = learning(1);
        let now = s.due;
        let a = answer(&s, Rating::Again, now);
        assert_eq!((a.phase, a.step, delay(&a, now)), (Phase::Learning, 0, 60));
        let h = answer(&s, Rating::Hard, now);
        assert_eq!((h.phase, h.step, delay(&h, now)), (Phase::Learning, 1, 600));
        let g = answer(&s, Rating::Good, now);
        assert_eq!(g.phase, Phase::Review);
        assert!(g.interval_days >= 1);
        let e = answer(&s, Rating::Easy, now);
        assert_eq!(e.phase, Phase::Review);
        assert!(e.interval_days >= g.interval_days);
        assert_eq!(e.reps, s.reps + 1);
    }

    #[test]
    fn learning_step_zero_hard_and_single_step() {
        let s = learning(0);
        let h = answer(&s, Rating::Hard, s.due);
        assert_eq!((h.step, delay(&h, s.due)), (0, 330));
        let one = Scheduler::new(Settings {
            learning_steps_secs: vec![600],
            fuzz: false,
            ..Settings::default()
        })
        .unwrap();
        let new = ItemState::new(noon());
        let h = one.answer_seeded(&new, Rating::Hard, noon(), utc(), 0);
        assert_eq!(delay(&h, noon()), 900);
        let g = one.answer_seeded(&new, Rating::Good, noon(), utc(), 0);
        assert_eq!(g.phase, Phase::Review);
    }

    #[test]
    fn review_each_rating() {
        let s = review(10);
        let now = s.due;
        let a = answer(&s, Rating::Again, now);
        assert_eq!(
            (a.phase, a.step, delay(&a, now)),
            (Phase::Relearning, 0, 600)
        );
        assert_eq!((a.lapses, a.interval_days), (1, 0));
        let [h, g, e] = [Rating::Hard, Rating::Good, Rating::Easy].map(|r| answer(&s, r, now));
        for x in [&h, &g, &e] {
            assert_eq!(x.phase, Phase::Review);
            assert_eq!(x.lapses, 0);
            assert_eq!(delay(x, now), i64::from(x.interval_days) * 86_400);
        }
        assert!(h.interval_days < g.interval_days && g.interval_days < e.interval_days);
        // A success after 10 days grows stability.
        assert!(g.memory.unwrap().stability_days > s.memory.unwrap().stability_days);
    }

    #[test]
    fn review_lapse_without_relearning_steps_stays_in_review() {
        let sch = Scheduler::new(Settings {
            relearning_steps_secs: vec![],
            fuzz: false,
            ..Settings::default()
        })
        .unwrap();
        let s = review(10);
        let a = sch.answer_seeded(&s, Rating::Again, s.due, utc(), 0);
        assert_eq!((a.phase, a.lapses), (Phase::Review, 1));
        assert!(a.interval_days >= 1);
    }

    #[test]
    fn relearning_each_rating() {
        let s = relearning(0);
        let now = s.due;
        let a = answer(&s, Rating::Again, now);
        assert_eq!(
            (a.phase, a.step, delay(&a, now)),
            (Phase::Relearning, 0, 600)
        );
        assert_eq!(a.lapses, s.lapses, "only a review lapse counts");
        let h = answer(&s, Rating::Hard, now);
        assert_eq!(
            (h.phase, h.step, delay(&h, now)),
            (Phase::Relearning, 0, 900)
        );
        let g = answer(&s, Rating::Good, now);
        let e = answer(&s, Rating::Easy, now);
        assert_eq!((g.phase, e.phase), (Phase::Review, Phase::Review));
        assert!(g.interval_days >= 1 && e.interval_days >= g.interval_days);
    }

    #[test]
    fn shortened_steps_graduate() {
        let s = learning(5);
        let g = answer(&s, Rating::Hard, s.due);
        assert_eq!(g.phase, Phase::Review);
        let a = answer(&s, Rating::Again, s.due);
        assert_eq!((a.phase, a.step), (Phase::Learning, 0));
    }

    #[test]
    fn leech_at_threshold_then_every_half_rounded_up() {
        let hits = |threshold: u32| -> Vec<u32> {
            (0..=20)
                .filter(|&l| is_leech_threshold(l, threshold))
                .collect()
        };
        assert_eq!(hits(8), [8, 12, 16, 20]);
        assert_eq!(hits(5), [5, 8, 11, 14, 17, 20]);
        assert_eq!(hits(3), [3, 5, 7, 9, 11, 13, 15, 17, 19]);
        assert_eq!(hits(1), (1..=20).collect::<Vec<_>>());
        assert!(hits(0).is_empty());
        // Default action: tag only, the item stays in study.
        let mut s = review(10);
        s.lapses = 7;
        let a = answer(&s, Rating::Again, s.due);
        assert_eq!(a.lapses, 8);
        assert!(a.leech && !a.suspended);
        assert!(sched().is_leech_warning(&s, &a));
        let g = answer(&s, Rating::Good, s.due);
        assert!(!g.leech && !g.suspended);
        assert!(!sched().is_leech_warning(&s, &g));
        // Suspend: marked and suspended.
        let suspending = Scheduler::new(Settings {
            fuzz: false,
            leech_action: LeechAction::Suspend,
            ..Settings::default()
        })
        .unwrap();
        let a = suspending.answer_seeded(&s, Rating::Again, s.due, utc(), 0);
        assert!(a.leech && a.suspended);
        // The warning comes again at 12 lapses (threshold 8), not at 9–11.
        let mut marked = review(10);
        marked.leech = true;
        for (lapses, warns) in [(8, false), (9, false), (10, false), (11, true), (12, false)] {
            marked.lapses = lapses;
            let a = answer(&marked, Rating::Again, marked.due);
            assert_eq!(
                sched().is_leech_warning(&marked, &a),
                warns,
                "{lapses} → {}",
                a.lapses
            );
        }
    }

    #[test]
    fn review_buttons_are_a_day_apart() {
        // A young review card: FSRS gives Hard and Good (and Good and Easy) close enough
        // to round to the same day; Anki keeps them a day apart.
        let mut s = review(1);
        s.memory = Some(Memory {
            stability_days: 1.2,
            difficulty: 9.0,
        });
        let now = s.due;
        let [_, h, g, e] = sched().next_states(&s, now, utc(), 0);
        assert!(g.interval_days > h.interval_days, "{h:?} {g:?}");
        assert!(e.interval_days > g.interval_days, "{g:?} {e:?}");
        // Capped at the maximum interval, they may meet there.
        let capped = Scheduler::new(Settings {
            fuzz: false,
            maximum_interval_days: 2,
            ..Settings::default()
        })
        .unwrap();
        let [_, h, g, e] = capped.next_states(&s, now, utc(), 0);
        assert!(h.interval_days <= 2 && g.interval_days <= 2 && e.interval_days <= 2);
        assert_eq!(e.interval_days, 2);
    }

    #[test]
    fn easy_graduation_is_a_day_longer_than_good() {
        // A hard item on its last learning step, answered the same day: FSRS gives Good
        // 0.55 d and Easy 0.95 d, both 1 day once rounded; Easy becomes 2 days.
        let mut s = learning(1);
        s.memory = Some(Memory {
            stability_days: 0.5,
            difficulty: 9.0,
        });
        let now = s.due;
        let [_, _, g, e] = sched().next_states(&s, now, utc(), 0);
        assert_eq!((g.phase, g.interval_days), (Phase::Review, 1));
        assert_eq!((e.phase, e.interval_days), (Phase::Review, 2));
        // On the first step Good stays in the steps; Easy still beats Good's graduation.
        let mut first = learning(0);
        first.memory = s.memory;
        let [_, _, g, e] = sched().next_states(&first, now, utc(), 0);
        assert_eq!(g.phase, Phase::Learning);
        assert_eq!(e.interval_days, 2);
        // With fuzz, across many seeds.
        let fuzzy = Scheduler::new(Settings::default()).unwrap();
        for seed in 0..200 {
            let [_, _, g, e] = fuzzy.next_states(&s, now, utc(), seed);
            assert!(e.interval_days > g.interval_days, "seed {seed}");
        }
    }

    #[test]
    fn hard_on_a_long_single_step_is_whole_days() {
        // One step of 1.2 days: Hard = min(1.5 × 1.2 d, 1.2 d + 1 d) = 1.8 d → 2 days.
        let sch = Scheduler::new(Settings {
            learning_steps_secs: vec![103_680],
            fuzz: false,
            ..Settings::default()
        })
        .unwrap();
        let new = ItemState::new(noon());
        let h = sch.answer_seeded(&new, Rating::Hard, noon(), utc(), 0);
        assert_eq!(delay(&h, noon()), 2 * 86_400);
        assert_eq!(h.interval_days, 2);
        // Three days: 4.5 d capped at 4 d.
        let three = Scheduler::new(Settings {
            learning_steps_secs: vec![3 * 86_400],
            fuzz: false,
            ..Settings::default()
        })
        .unwrap();
        let h = three.answer_seeded(&new, Rating::Hard, noon(), utc(), 0);
        assert_eq!(delay(&h, noon()), 4 * 86_400);
        // Under a day nothing is rounded: 16 h → 24 h exactly stays as is.
        assert_eq!(round_in_days(57_600), 57_600);
        assert_eq!(round_in_days(86_400), 86_400);
        assert_eq!(round_in_days(86_401), 86_400);
        assert_eq!(round_in_days(130_000), 172_800);
    }

    #[test]
    fn same_day_answers_use_the_short_term_path() {
        let s = learning(1);
        // 10 minutes later, same study day: elapsed 0.
        let g = answer(&s, Rating::Good, s.due);
        let model = Model::new(&[]).unwrap();
        let expected = model.next(s.memory, 0.9, 0).unwrap()[2].memory;
        assert_eq!(g.memory, Some(expected));
    }

    #[test]
    fn maximum_interval_caps() {
        let sch = Scheduler::new(Settings {
            maximum_interval_days: 5,
            ..Settings::default()
        })
        .unwrap();
        let mut s = review(100);
        s.memory = Some(Memory {
            stability_days: 300.0,
            difficulty: 5.0,
        });
        for r in Rating::ALL {
            let n = sch.answer_seeded(&s, r, s.due, utc(), 42);
            assert!(
                n.interval_days <= 5 && delay(&n, s.due) <= 5 * 86_400,
                "{r:?}"
            );
        }
    }

    #[test]
    fn fuzz_is_pinned_by_key_and_day() {
        let fuzzy = Scheduler::new(Settings::default()).unwrap();
        let key = ItemKey::new("history", "pact-1939", 0);
        let mut s = review(30);
        s.memory = Some(Memory {
            stability_days: 30.0,
            difficulty: 5.0,
        });
        let now = s.due;
        let a = fuzzy.answer(&key, &s, Rating::Good, now, utc());
        let b = fuzzy.answer(&key, &s, Rating::Good, now + TimeDelta::hours(1), utc());
        assert_eq!(a.interval_days, b.interval_days, "same day, same fuzz");
        let plain = sched().answer_seeded(&s, Rating::Good, now, utc(), 0);
        let (lo, hi) = super::super::fuzz::fuzz_bounds(
            plain.interval_days as f32,
            1,
            fuzzy.settings().maximum_interval_days,
        );
        assert!((lo..=hi).contains(&a.interval_days));
        // Pinned value: changing the seed function or the fuzz would show up here.
        assert_eq!((plain.interval_days, a.interval_days), (85, 90));
    }

    #[test]
    fn clock_moved_back_still_schedules_forward() {
        let s = review(10);
        let earlier = noon() - TimeDelta::days(3);
        for r in Rating::ALL {
            let n = answer(&s, r, earlier);
            assert!(n.due > earlier);
            assert_eq!(n.last_review, Some(earlier));
        }
    }

    #[test]
    fn invalid_memory_is_replaced() {
        let mut s = review(10);
        s.memory = Some(Memory {
            stability_days: f32::NAN,
            difficulty: 5.0,
        });
        let n = answer(&s, Rating::Good, s.due);
        assert!(n.memory.unwrap().is_valid());
    }

    #[test]
    fn suspended_flag_survives_answers() {
        let s = review(10).suspend();
        assert!(answer(&s, Rating::Good, s.due).suspended);
    }
}
