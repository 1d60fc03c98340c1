//! Study statistics, computed from the review history and the stored states when data
//! changes (never per frame): reviews per day by rating, the due forecast, true retention
//! per week, item states, study days and streak, the hardest items, time spent.

use crate::ids::{DeckId, ItemKey};
use crate::schedule::StateLookup;
use crate::schedule::{Phase, Rating, ReviewEntry, day};
use chrono::{DateTime, FixedOffset, Utc};
use std::collections::BTreeSet;

/// Days of history kept for the per-day charts and the calendar.
pub const HISTORY_DAYS: usize = 365;
/// Days of due forecast.
pub(crate) const FORECAST_DAYS: usize = 30;
/// Weeks of retention shown.
pub(crate) const RETENTION_WEEKS: usize = 12;
/// Interval (days) from which a review item counts as mature.
pub(crate) const MATURE_DAYS: u32 = 21;
/// How many hardest items are listed.
pub(crate) const HARDEST: usize = 20;

/// Answers on one study day, by rating.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct DayCounts {
    /// Again answers.
    pub again: u32,
    /// Hard answers.
    pub hard: u32,
    /// Good answers.
    pub good: u32,
    /// Easy answers.
    pub easy: u32,
}

impl DayCounts {
    /// All answers of the day.
    pub fn total(&self) -> u32 {
        self.again + self.hard + self.good + self.easy
    }
}

/// Items by state.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct StateCounts {
    /// Never answered.
    pub new: usize,
    /// In learning or relearning steps.
    pub learning: usize,
    /// In review with an interval under 21 days.
    pub young: usize,
    /// In review with an interval of 21 days or more.
    pub mature: usize,
    /// Suspended (leeches included).
    pub suspended: usize,
}

/// One of the hardest items.
#[derive(Debug, Clone, PartialEq)]
pub struct Hard {
    /// The item.
    pub key: ItemKey,
    /// Times forgotten after graduating.
    pub lapses: u32,
    /// FSRS difficulty (1–10).
    pub difficulty: f32,
}

/// Everything the statistics screen shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Stats {
    /// Answers per study day, oldest first; the last entry is today.
    pub per_day: Vec<DayCounts>,
    /// Items due per day from today (today includes overdue ones).
    pub forecast: Vec<usize>,
    /// Per week, oldest first (the last is the current week): share of review answers not
    /// rated Again, and how many review answers there were.
    pub retention: Vec<(Option<f32>, u32)>,
    /// Items by state.
    pub states: StateCounts,
    /// Consecutive study days ending today (or yesterday, if nothing yet today).
    pub streak_days: u32,
    /// The hardest items: most lapses, then highest difficulty.
    pub hardest: Vec<Hard>,
    /// Time spent answering, in seconds, over the whole history.
    pub time_total_secs: u64,
    /// Time spent answering today, in seconds.
    pub time_today_secs: u64,
    /// Answers in the history considered.
    pub answers: usize,
}

/// What the statistics take from the review history (the part read in the background:
/// the history can be long).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct HistoryStats {
    /// See [`Stats::per_day`].
    pub per_day: Vec<DayCounts>,
    /// See [`Stats::retention`].
    pub retention: Vec<(Option<f32>, u32)>,
    /// See [`Stats::streak_days`].
    pub streak_days: u32,
    /// See [`Stats::time_total_secs`].
    pub time_total_secs: u64,
    /// See [`Stats::time_today_secs`].
    pub time_today_secs: u64,
    /// See [`Stats::answers`].
    pub answers: usize,
    /// The study days (day indices) on which anything was answered.
    pub study_days: BTreeSet<i64>,
}

/// Computes the statistics over `items` (one deck's or all of a library's), from their
/// stored states and the review history. `decks` limits the history to those decks
/// (empty: all). The same as [`from_states`] followed by [`Stats::with_history`] of
/// [`from_history`].
pub fn compute(
    items: &[ItemKey],
    states: &impl StateLookup,
    history: &[ReviewEntry],
    decks: &[DeckId],
    now: DateTime<Utc>,
    offset: FixedOffset,
    cutoff_hour: u32,
) -> Stats {
    from_states(items, states, now, offset, cutoff_hour).with_history(from_history(
        history,
        decks,
        now,
        offset,
        cutoff_hour,
    ))
}

/// The figures from the history: answers per day, retention, streak, time. O(history);
/// run it off the interface thread.
pub fn from_history(
    history: &[ReviewEntry],
    decks: &[DeckId],
    now: DateTime<Utc>,
    offset: FixedOffset,
    cutoff_hour: u32,
) -> HistoryStats {
    let today = day::day_index(now, offset, cutoff_hour);
    let mut s = HistoryStats {
        per_day: vec![DayCounts::default(); HISTORY_DAYS],
        retention: vec![(None, 0); RETENTION_WEEKS],
        ..HistoryStats::default()
    };
    let mut week_right = [0u32; RETENTION_WEEKS];
    for e in history
        .iter()
        .filter(|e| decks.is_empty() || decks.contains(&e.key.deck))
    {
        s.answers += 1;
        let d = day::day_index(e.at, offset, cutoff_hour);
        s.study_days.insert(d);
        s.time_total_secs += u64::from(e.duration_ms) / 1000;
        if d == today {
            s.time_today_secs += u64::from(e.duration_ms) / 1000;
        }
        let ago = today - d;
        if (0..HISTORY_DAYS as i64).contains(&ago) {
            let c = &mut s.per_day[HISTORY_DAYS - 1 - ago as usize];
            match e.rating {
                Rating::Again => c.again += 1,
                Rating::Hard => c.hard += 1,
                Rating::Good => c.good += 1,
                Rating::Easy => c.easy += 1,
            }
        }
        let week_ago = ago.div_euclid(7);
        if e.phase == Phase::Review && (0..RETENTION_WEEKS as i64).contains(&week_ago) {
            let w = RETENTION_WEEKS - 1 - week_ago as usize;
            s.retention[w].1 += 1;
            if e.rating != Rating::Again {
                week_right[w] += 1;
            }
        }
    }
    for (w, r) in s.retention.iter_mut().enumerate() {
        if r.1 > 0 {
            r.0 = Some(week_right[w] as f32 / r.1 as f32);
        }
    }
    s.streak_days = streak_days(&s.study_days, today);
    s
}

/// The figures from the stored states: items by state, the due forecast, the hardest
/// items (the history's figures empty until [`Stats::with_history`]). O(items).
pub fn from_states(
    items: &[ItemKey],
    states: &impl StateLookup,
    now: DateTime<Utc>,
    offset: FixedOffset,
    cutoff_hour: u32,
) -> Stats {
    let today = day::day_index(now, offset, cutoff_hour);
    let mut s = Stats {
        per_day: vec![DayCounts::default(); HISTORY_DAYS],
        forecast: vec![0; FORECAST_DAYS],
        retention: vec![(None, 0); RETENTION_WEEKS],
        ..Stats::default()
    };
    // The hardest items: (lapses, difficulty, position) of every candidate, the keys
    // cloned only for the few kept (no allocation per item).
    let mut hardest: Vec<(u32, f32, usize)> = Vec::new();
    for (i, key) in items.iter().enumerate() {
        let Some(st) = states.state(key) else {
            s.states.new += 1;
            continue;
        };
        if st.suspended {
            s.states.suspended += 1;
        } else {
            match st.phase {
                Phase::New => s.states.new += 1,
                Phase::Learning | Phase::Relearning => s.states.learning += 1,
                Phase::Review if st.interval_days >= MATURE_DAYS => s.states.mature += 1,
                Phase::Review => s.states.young += 1,
            }
            if st.phase != Phase::New {
                let due_in = (day::day_index(st.due, offset, cutoff_hour) - today).max(0);
                if let Some(slot) = s.forecast.get_mut(due_in as usize) {
                    *slot += 1;
                }
            }
        }
        if st.lapses > 0 || st.memory.is_some() {
            hardest.push((st.lapses, st.memory.map_or(0.0, |m| m.difficulty), i));
        }
    }
    // Most lapses first, then the highest difficulty, then item order: a total order, so
    // choosing the first HARDEST before sorting them gives what sorting all would.
    let order = |a: &(u32, f32, usize), b: &(u32, f32, usize)| {
        b.0.cmp(&a.0).then(b.1.total_cmp(&a.1)).then(a.2.cmp(&b.2))
    };
    if hardest.len() > HARDEST {
        hardest.select_nth_unstable_by(HARDEST, order);
        hardest.truncate(HARDEST);
    }
    hardest.sort_unstable_by(order);
    s.hardest = hardest
        .into_iter()
        .map(|(lapses, difficulty, i)| Hard {
            key: items[i].clone(),
            lapses,
            difficulty,
        })
        .collect();
    s
}

impl Stats {
    /// These figures with the history's added (see [`from_history`]).
    pub fn with_history(mut self, h: HistoryStats) -> Stats {
        self.per_day = h.per_day;
        self.retention = h.retention;
        self.streak_days = h.streak_days;
        self.time_total_secs = h.time_total_secs;
        self.time_today_secs = h.time_today_secs;
        self.answers = h.answers;
        self
    }
}

/// Consecutive study days ending `today` (or yesterday, if `today` is not among them),
/// from the set of study-day indices on which something was answered.
pub fn streak_days(studied: &BTreeSet<i64>, today: i64) -> u32 {
    let mut d = if studied.contains(&today) {
        today
    } else {
        today - 1
    };
    let mut n = 0;
    while studied.contains(&d) {
        n += 1;
        d -= 1;
    }
    n
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::schedule::ItemState;
    use crate::schedule::Memory;
    use std::collections::HashMap;

    fn t(s: &str) -> DateTime<Utc> {
        s.parse().unwrap()
    }

    fn e(card: &str, at: &str, rating: Rating, phase: Phase, ms: u32) -> ReviewEntry {
        ReviewEntry {
            key: ItemKey::new("d", card, 0),
            rating,
            at: t(at),
            duration_ms: ms,
            phase,
        }
    }

    /// A fixture journal whose figures were worked out by hand (UTC, cut-off 4:00, now
    /// = 2026-03-10 12:00, so "today" is the study day starting 2026-03-10 04:00).
    #[test]
    fn figures_match_a_hand_computed_fixture() {
        use Phase::*;
        use Rating::*;
        let history = vec![
            // Three days ago (2026-03-07): a new card learned.
            e("a", "2026-03-07T10:00:00Z", Good, New, 4000),
            // Two days ago (03-08): two reviews, one forgotten.
            e("a", "2026-03-08T10:00:00Z", Again, Review, 6000),
            e("b", "2026-03-08T11:00:00Z", Good, Review, 2000),
            // 03:30 on 03-10 is still yesterday's study day (before the 4:00 cut-off).
            e("b", "2026-03-10T03:30:00Z", Easy, Review, 3000),
            // Today.
            e("c", "2026-03-10T09:00:00Z", Hard, Learning, 5000),
            // Another deck: ignored when filtering to deck "d".
            ReviewEntry {
                key: ItemKey::new("other", "x", 0),
                rating: Again,
                at: t("2026-03-10T09:00:00Z"),
                duration_ms: 9000,
                phase: Review,
            },
        ];
        let now = t("2026-03-10T12:00:00Z");
        let utc = FixedOffset::east_opt(0).unwrap();
        let mut states = HashMap::new();
        let mut a = ItemState::new(now);
        a.phase = Phase::Review;
        a.interval_days = 30;
        a.lapses = 2;
        a.memory = Some(Memory {
            stability_days: 30.0,
            difficulty: 7.0,
        });
        a.due = t("2026-03-12T08:00:00Z");
        states.insert(ItemKey::new("d", "a", 0), a.clone());
        let mut b = a.clone();
        b.interval_days = 5;
        b.lapses = 0;
        b.memory = Some(Memory {
            stability_days: 5.0,
            difficulty: 3.0,
        });
        b.due = t("2026-03-09T08:00:00Z"); // overdue: counts today
        states.insert(ItemKey::new("d", "b", 0), b);
        let mut c = a.clone();
        c.phase = Phase::Learning;
        c.lapses = 0;
        c.memory = Some(Memory {
            stability_days: 1.0,
            difficulty: 9.0,
        });
        c.due = t("2026-03-10T12:10:00Z");
        states.insert(ItemKey::new("d", "c", 0), c);
        let mut s_ = a.clone();
        s_.suspended = true;
        states.insert(ItemKey::new("d", "s", 0), s_);
        let items: Vec<ItemKey> = ["a", "b", "c", "s", "n"]
            .iter()
            .map(|c| ItemKey::new("d", *c, 0))
            .collect();
        let s = compute(&items, &states, &history, &[DeckId::new("d")], now, utc, 4);
        assert_eq!(s.answers, 5);
        let last4: Vec<u32> = s.per_day[HISTORY_DAYS - 4..]
            .iter()
            .map(DayCounts::total)
            .collect();
        assert_eq!(last4, vec![1, 2, 1, 1]);
        assert_eq!(s.per_day[HISTORY_DAYS - 3].again, 1);
        assert_eq!(s.per_day[HISTORY_DAYS - 2].easy, 1);
        assert_eq!(s.per_day[HISTORY_DAYS - 1].hard, 1);
        // Reviews in the last 7 days: Again, Good, Easy → 2 of 3 remembered.
        assert_eq!(s.retention[RETENTION_WEEKS - 1], (Some(2.0 / 3.0), 3));
        assert_eq!(s.retention[RETENTION_WEEKS - 2], (None, 0));
        assert_eq!(
            s.states,
            StateCounts {
                new: 1,
                learning: 1,
                young: 1,
                mature: 1,
                suspended: 1
            }
        );
        // Today: b (overdue) and c (learning, later today); a in two days.
        assert_eq!(&s.forecast[..3], &[2, 0, 1]);
        // Study days 03-07, 03-08, 03-09 (the 03:30 answer) and 03-10: a streak of 4.
        assert_eq!(s.streak_days, 4);
        assert_eq!(s.time_total_secs, 4 + 6 + 2 + 3 + 5);
        assert_eq!(s.time_today_secs, 5);
        let hardest: Vec<&str> = s.hardest.iter().map(|h| h.key.card.as_str()).collect();
        assert_eq!(hardest, vec!["a", "s", "c", "b"]);
    }

    #[test]
    fn no_history_no_panic() {
        let now = t("2026-03-10T12:00:00Z");
        let s = compute(
            &[],
            &HashMap::new(),
            &[],
            &[],
            now,
            FixedOffset::east_opt(3600).unwrap(),
            4,
        );
        assert_eq!(s.streak_days, 0);
        assert!(s.hardest.is_empty());
        assert_eq!(s.per_day.len(), HISTORY_DAYS);
    }

    /// Choosing the hardest items among many (ties included) gives what a stable sort of
    /// all of them gives.
    #[test]
    fn the_hardest_of_many_are_those_a_full_sort_gives() {
        use crate::schedule::ItemState;
        let now = t("2026-03-10T12:00:00Z");
        let items: Vec<ItemKey> = (0..500)
            .map(|i| ItemKey::new("d", format!("c{i}"), 0))
            .collect();
        let mut states = HashMap::new();
        for (i, k) in items.iter().enumerate() {
            if i % 7 == 0 {
                continue; // new
            }
            let mut st = ItemState::new(now);
            st.lapses = (i * 31 % 5) as u32;
            st.memory = (i % 3 != 0).then_some(Memory {
                stability_days: 1.0,
                difficulty: (i * 17 % 4) as f32,
            });
            states.insert(k.clone(), st);
        }
        let s = from_states(&items, &states, now, FixedOffset::east_opt(0).unwrap(), 4);
        let mut all: Vec<Hard> = items
            .iter()
            .filter_map(|k| states.get(k).map(|st| (k, st)))
            .filter(|(_, st)| st.lapses > 0 || st.memory.is_some())
            .map(|(k, st)| Hard {
                key: k.clone(),
                lapses: st.lapses,
                difficulty: st.memory.map_or(0.0, |m| m.difficulty),
            })
            .collect();
        all.sort_by(|a, b| {
            b.lapses
                .cmp(&a.lapses)
                .then(b.difficulty.total_cmp(&a.difficulty))
        });
        all.truncate(HARDEST);
        assert_eq!(s.hardest, all);
    }
}
