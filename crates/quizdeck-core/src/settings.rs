//! A profile's settings: scheduling, typed-answer strictness and display preferences.
//! Stored with the profile (see [`crate::store`]); no egui types here.

use crate::answer::Strictness;
use crate::schedule;
use serde::{Deserialize, Serialize};

/// Smallest and largest font scale, in percent (projectors need large text).
pub const FONT_SCALE_RANGE_PCT: (u16, u16) = (100, 250);

/// The colour theme.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub enum Theme {
    /// Dark text on a light background.
    #[default]
    Light,
    /// Light text on a dark background.
    Dark,
    /// Black and white with strong outlines, for projectors and low vision.
    HighContrast,
}

impl Theme {
    /// Every theme, in menu order.
    pub const ALL: [Theme; 3] = [Theme::Light, Theme::Dark, Theme::HighContrast];

    /// The name shown in the settings.
    pub fn label(self) -> &'static str {
        match self {
            Theme::Light => "Light",
            Theme::Dark => "Dark",
            Theme::HighContrast => "High contrast",
        }
    }
}

/// Everything a profile can set.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct ProfileSettings {
    /// Scheduling: retention, limits, steps, day cut-off.
    pub schedule: schedule::Settings,
    /// How typed answers are compared.
    pub strictness: Strictness,
    /// Colour theme.
    pub theme: Theme,
    /// Font scale in percent, 100–250.
    pub font_scale_pct: u16,
    /// Best match-game times, in milliseconds, by deck id ("all" for all decks).
    pub best_match_ms: std::collections::BTreeMap<String, u64>,
    /// How the library orders and groups the decks.
    pub library_view: crate::overview::LibraryView,
}

impl Default for ProfileSettings {
    fn default() -> Self {
        ProfileSettings {
            schedule: schedule::Settings::default(),
            strictness: Strictness::default(),
            theme: Theme::default(),
            font_scale_pct: 100,
            best_match_ms: Default::default(),
            library_view: Default::default(),
        }
    }
}

impl ProfileSettings {
    /// Brings every value into its allowed range (settings files can be edited by hand) and
    /// settings saved by an older quizdeck to their current meaning.
    pub fn clamped(mut self) -> Self {
        self.schedule = self.schedule.upgraded();
        let (lo, hi) = FONT_SCALE_RANGE_PCT;
        self.font_scale_pct = self.font_scale_pct.clamp(lo, hi);
        if self.schedule.validate().is_err() {
            let d = schedule::Settings::default();
            let s = &mut self.schedule;
            s.desired_retention = if (0.70..=0.97).contains(&s.desired_retention) {
                s.desired_retention
            } else {
                d.desired_retention
            };
            if s.validate().is_err() {
                self.schedule = d;
            }
        }
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_clamping() {
        let s = ProfileSettings::default();
        assert_eq!(s.font_scale_pct, 100);
        assert_eq!(s.schedule.desired_retention, 0.90);
        let mut odd = s.clone();
        odd.font_scale_pct = 900;
        odd.schedule.desired_retention = 0.2;
        let fixed = odd.clamped();
        assert_eq!(fixed.font_scale_pct, 250);
        assert_eq!(fixed.schedule.desired_retention, 0.90);
    }

    #[test]
    fn missing_fields_take_defaults() {
        let s: ProfileSettings = ron::from_str("(theme: Dark)").unwrap();
        assert_eq!(s.theme, Theme::Dark);
        assert_eq!(s.font_scale_pct, 100);
    }
}
