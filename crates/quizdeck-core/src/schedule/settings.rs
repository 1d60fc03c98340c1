//! Scheduling settings of a profile, with Anki-like defaults and validation.

use super::{Error, Result};
use crate::message::Message;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Lowest desired retention accepted.
pub(crate) const MIN_DESIRED_RETENTION: f32 = 0.70;
/// Highest desired retention accepted.
pub(crate) const MAX_DESIRED_RETENTION: f32 = 0.97;
/// Longest maximum interval accepted (100 years, as in Anki).
pub(crate) const MAX_INTERVAL_LIMIT_DAYS: u32 = 36_500;

/// Where new items go among the day's reviews.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum NewItemPosition {
    /// Spread new items evenly among the reviews (Anki's "mix with reviews").
    #[default]
    Mix,
    /// Show the day's new items before any review.
    BeforeReviews,
    /// Show the day's new items after all reviews.
    AfterReviews,
}

/// What happens to an item that reaches a leech threshold (see
/// [`super::transitions::is_leech_threshold`]).
///
/// The default is [`LeechAction::TagOnly`], as in current Anki: a class deck's cards are
/// exam material, and a suspended card silently leaves study until someone finds it in
/// Browse, so the student would never learn it. Tagged, it stays in study, the leech mark
/// shows in Browse (filter "leech") and the end-of-session summary names it at every
/// warning, so the student (or the teacher, who can reword the card) knows it needs
/// another approach.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default)]
pub enum LeechAction {
    /// Mark the item a leech and suspend it (it leaves study until unsuspended).
    Suspend,
    /// Only mark the item a leech; it stays in study (the default).
    #[default]
    TagOnly,
}

/// The daily limits of one deck.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct DeckLimits {
    /// New items introduced per day from this deck.
    pub new_per_day: u32,
    /// Reviews shown per day from this deck.
    pub reviews_per_day: u32,
}

/// New items allowed beyond the limits on one study day ("Study 10 more new today").
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ExtraNew {
    /// The study day (see [`super::day::day_index`]) the extra items are for.
    pub day: i64,
    /// Extra new items by deck id; each also raises the overall cap by as much.
    pub(crate) by_deck: BTreeMap<String, u32>,
}

/// Scheduling settings of one profile.
///
/// Deserializing fills missing fields with the defaults; call [`Settings::validate`] (or
/// build a [`super::Scheduler`], which validates) before use.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// The meaning of the daily-limit fields: [`LIMITS_VERSION`] now; 0 in settings saved
    /// before per-deck limits existed, when `new_per_day`/`reviews_per_day` were the only
    /// limits and every deck shared them. [`Settings::upgraded`] turns those into per-deck
    /// limits.
    #[serde(default)]
    pub limits_version: u32,
    /// Target probability of recall when an item comes due (0.70–0.97, default 0.90).
    pub desired_retention: f32,
    /// Personal FSRS parameters; empty means the FSRS-6 defaults. 17, 19 or 21 values.
    pub parameters: Vec<f32>,
    /// Delays of the learning steps of new items, in seconds (default 1 min, 10 min).
    pub learning_steps_secs: Vec<u32>,
    /// Delays of the relearning steps after a lapse, in seconds (default 10 min).
    pub relearning_steps_secs: Vec<u32>,
    /// Longest interval ever scheduled, in days (1–36500, default 36500).
    pub maximum_interval_days: u32,
    /// Randomize review intervals slightly (Anki's interval fuzz) so items added together
    /// spread out.
    pub fuzz: bool,
    /// Local hour (0–23) at which a new study day starts (default 4).
    pub day_cutoff_hour: u32,
    /// Overall cap on new items introduced per day, over every deck (default 100).
    pub new_per_day: u32,
    /// Overall cap on reviews shown per day, over every deck (default 1000).
    pub reviews_per_day: u32,
    /// New items introduced per day from each deck, unless set in `deck_limits`
    /// (default 20, as in Anki).
    pub deck_new_per_day: u32,
    /// Reviews shown per day from each deck, unless set in `deck_limits` (default 200).
    pub deck_reviews_per_day: u32,
    /// Limits of single decks, by deck id, replacing the two defaults above.
    pub deck_limits: BTreeMap<String, DeckLimits>,
    /// New items allowed today beyond the limits, asked for by the student.
    pub extra_new: ExtraNew,
    /// Where new items go among the reviews.
    pub new_position: NewItemPosition,
    /// Lapses after which an item is marked a leech (then a warning every half threshold,
    /// rounded up); 0 disables (default 8).
    pub leech_lapses: u32,
    /// What a leech threshold does besides the mark (default: tag only).
    pub leech_action: LeechAction,
    /// When nothing else is left, a learning item due within this many seconds may be
    /// shown early (default 20 min, as in Anki).
    pub learn_ahead_secs: u32,
    /// Bury the other items of a card for the rest of the day once one is answered.
    pub bury_siblings: bool,
}

/// The current meaning of the daily-limit fields (see [`Settings::limits_version`]).
pub(crate) const LIMITS_VERSION: u32 = 1;

impl Settings {
    /// Brings settings saved by an older quizdeck to the current meaning of the daily
    /// limits: the old shared limits become every deck's own limits, under the default
    /// overall caps (never lower than the old limits), so one deck no longer uses up the
    /// others' new items. Settings already current are returned unchanged.
    pub(crate) fn upgraded(mut self) -> Self {
        if self.limits_version < LIMITS_VERSION {
            let d = Settings::default();
            self.deck_new_per_day = self.new_per_day;
            self.deck_reviews_per_day = self.reviews_per_day;
            self.new_per_day = self.new_per_day.max(d.new_per_day);
            self.reviews_per_day = self.reviews_per_day.max(d.reviews_per_day);
            self.limits_version = LIMITS_VERSION;
        }
        self
    }
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            desired_retention: 0.90,
            parameters: Vec::new(),
            learning_steps_secs: vec![60, 600],
            relearning_steps_secs: vec![600],
            maximum_interval_days: MAX_INTERVAL_LIMIT_DAYS,
            fuzz: true,
            day_cutoff_hour: 4,
            new_per_day: 100,
            reviews_per_day: 1000,
            deck_new_per_day: 20,
            deck_reviews_per_day: 200,
            deck_limits: BTreeMap::new(),
            extra_new: ExtraNew::default(),
            new_position: NewItemPosition::Mix,
            leech_lapses: 8,
            leech_action: LeechAction::TagOnly,
            learn_ahead_secs: 20 * 60,
            bury_siblings: true,
            limits_version: LIMITS_VERSION,
        }
    }
}

impl Settings {
    /// The daily limits of `deck`, without today's extra new items.
    pub(crate) fn limits_of(&self, deck: &str) -> DeckLimits {
        self.deck_limits.get(deck).copied().unwrap_or(DeckLimits {
            new_per_day: self.deck_new_per_day,
            reviews_per_day: self.deck_reviews_per_day,
        })
    }

    /// Extra new items allowed from `deck` on study day `day`.
    pub fn extra_new_of(&self, deck: &str, day: i64) -> u32 {
        if self.extra_new.day == day {
            self.extra_new.by_deck.get(deck).copied().unwrap_or(0)
        } else {
            0
        }
    }

    /// Allows `n` more new items from `deck` on study day `day` (dropping extras of other
    /// days).
    pub(crate) fn add_extra_new(&mut self, deck: &str, n: u32, day: i64) {
        if self.extra_new.day != day {
            self.extra_new = ExtraNew {
                day,
                by_deck: BTreeMap::new(),
            };
        }
        let e = self.extra_new.by_deck.entry(deck.to_owned()).or_insert(0);
        *e = e.saturating_add(n);
    }

    /// The overall caps of study day `day` (new, reviews), with today's extras.
    pub(crate) fn caps_on(&self, day: i64) -> (u32, u32) {
        let extra = if self.extra_new.day == day {
            self.extra_new
                .by_deck
                .values()
                .fold(0u32, |a, n| a.saturating_add(*n))
        } else {
            0
        };
        (self.new_per_day.saturating_add(extra), self.reviews_per_day)
    }

    /// Checks every range and the number of FSRS parameters; their values are checked
    /// when a [`super::Scheduler`] is built from the settings.
    pub fn validate(&self) -> Result<()> {
        let r = self.desired_retention;
        if !(MIN_DESIRED_RETENTION..=MAX_DESIRED_RETENTION).contains(&r) {
            return Err(invalid(
                "desired_retention",
                Message::new("schedule-outside")
                    .arg("value", r)
                    .arg("min", MIN_DESIRED_RETENTION)
                    .arg("max", MAX_DESIRED_RETENTION),
            ));
        }
        if !(1..=MAX_INTERVAL_LIMIT_DAYS).contains(&self.maximum_interval_days) {
            return Err(invalid(
                "maximum_interval_days",
                Message::new("schedule-outside")
                    .arg("value", self.maximum_interval_days)
                    .arg("min", 1u32)
                    .arg("max", MAX_INTERVAL_LIMIT_DAYS),
            ));
        }
        let max_step_secs = u64::from(self.maximum_interval_days) * 86_400;
        for (name, steps) in [
            ("learning_steps_secs", &self.learning_steps_secs),
            ("relearning_steps_secs", &self.relearning_steps_secs),
        ] {
            if steps.len() > 32 {
                let m = Message::new("schedule-too-many-steps").arg("n", steps.len());
                return Err(invalid(name, m));
            }
            if let Some(s) = steps
                .iter()
                .find(|&&s| s == 0 || u64::from(s) > max_step_secs)
            {
                return Err(invalid(
                    name,
                    Message::new("schedule-bad-step").arg("secs", *s),
                ));
            }
        }
        // The values themselves are checked when a scheduler is built; a list of another
        // length is never a model (and a huge one would make a settings file that saves
        // larger than it may be read back).
        if ![0, 17, 19, 21].contains(&self.parameters.len()) {
            return Err(invalid(
                "parameters",
                Message::new("schedule-parameter-count").arg("n", self.parameters.len()),
            ));
        }
        if self.day_cutoff_hour > 23 {
            return Err(invalid(
                "day_cutoff_hour",
                Message::new("schedule-bad-hour").arg("hour", self.day_cutoff_hour),
            ));
        }
        if self.learn_ahead_secs > 86_400 {
            return Err(invalid(
                "learn_ahead_secs",
                Message::new("schedule-learn-ahead").arg("secs", self.learn_ahead_secs),
            ));
        }
        Ok(())
    }
}

fn invalid(setting: &'static str, reason: Message) -> Error {
    Error::InvalidSetting { setting, reason }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_are_valid_and_anki_like() {
        let s = Settings::default();
        s.validate().unwrap();
        assert_eq!(s.desired_retention, 0.90);
        assert_eq!(s.learning_steps_secs, [60, 600]);
        assert_eq!(s.relearning_steps_secs, [600]);
        assert_eq!(s.maximum_interval_days, 36_500);
        assert_eq!(s.day_cutoff_hour, 4);
        assert_eq!((s.new_per_day, s.reviews_per_day), (100, 1000));
        assert_eq!((s.deck_new_per_day, s.deck_reviews_per_day), (20, 200));
        assert_eq!(s.leech_lapses, 8);
        assert_eq!(s.leech_action, LeechAction::TagOnly);
    }

    #[test]
    fn settings_from_before_per_deck_limits_become_per_deck_limits() {
        // A settings file written before per-deck limits: 15 new and 150 reviews a day were
        // shared by every deck.
        let old: Settings =
            ron::from_str("(new_per_day: 15, reviews_per_day: 150, desired_retention: 0.85)")
                .unwrap();
        assert_eq!(old.limits_version, 0);
        let s = old.upgraded();
        assert_eq!((s.deck_new_per_day, s.deck_reviews_per_day), (15, 150));
        assert_eq!((s.new_per_day, s.reviews_per_day), (100, 1000));
        assert_eq!(s.desired_retention, 0.85);
        assert_eq!(s.limits_version, LIMITS_VERSION);
        // Current settings are left alone, however low their caps.
        let cur = Settings {
            new_per_day: 5,
            ..Settings::default()
        };
        assert_eq!(cur.clone().upgraded(), cur);
        // And they keep their version through a save and a load.
        let text = ron::to_string(&cur).unwrap();
        assert_eq!(ron::from_str::<Settings>(&text).unwrap().upgraded(), cur);
    }

    #[test]
    fn deck_limits_and_extras_of_one_day() {
        let mut s = Settings::default();
        s.deck_limits.insert(
            "ww2".into(),
            DeckLimits {
                new_per_day: 5,
                reviews_per_day: 50,
            },
        );
        assert_eq!(s.limits_of("ww2").new_per_day, 5);
        assert_eq!(s.limits_of("other").new_per_day, 20);
        s.add_extra_new("ww2", 10, 7);
        s.add_extra_new("ww2", 10, 7);
        assert_eq!(s.extra_new_of("ww2", 7), 20);
        assert_eq!(s.extra_new_of("ww2", 8), 0, "extras are for one day");
        assert_eq!(s.caps_on(7), (120, 1000));
        s.add_extra_new("x", 1, 8);
        assert_eq!(s.extra_new_of("ww2", 8), 0);
        assert_eq!(s.caps_on(8), (101, 1000));
    }

    #[test]
    fn retention_is_range_checked() {
        for (r, ok) in [(0.69, false), (0.70, true), (0.97, true), (0.98, false)] {
            let s = Settings {
                desired_retention: r,
                ..Settings::default()
            };
            assert_eq!(s.validate().is_ok(), ok, "{r}");
        }
        let nan = Settings {
            desired_retention: f32::NAN,
            ..Settings::default()
        };
        assert!(nan.validate().is_err());
    }

    #[test]
    fn other_ranges_are_checked() {
        let bad = [
            Settings {
                maximum_interval_days: 0,
                ..Settings::default()
            },
            Settings {
                learning_steps_secs: vec![60, 0],
                ..Settings::default()
            },
            Settings {
                maximum_interval_days: 1,
                relearning_steps_secs: vec![2 * 86_400],
                ..Settings::default()
            },
            Settings {
                day_cutoff_hour: 24,
                ..Settings::default()
            },
        ];
        for s in bad {
            assert!(s.validate().is_err(), "{s:?}");
        }
        let no_steps = Settings {
            learning_steps_secs: vec![],
            relearning_steps_secs: vec![],
            ..Settings::default()
        };
        no_steps.validate().unwrap();
    }
}
