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
}

/// A language of the interface (deck content keeps its own language).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum Language {
    /// English, the source language of the message files.
    En,
    /// Estonian.
    Et,
    /// Latvian.
    Lv,
    /// Lithuanian.
    Lt,
    /// Russian.
    Ru,
}

impl Language {
    /// Every interface language, in menu order.
    pub const ALL: [Language; 5] = [
        Language::En,
        Language::Et,
        Language::Lv,
        Language::Lt,
        Language::Ru,
    ];

    /// The language's code (ISO 639-1), as in `LANG=et_EE.UTF-8` and the message folders.
    pub fn code(self) -> &'static str {
        match self {
            Language::En => "en",
            Language::Et => "et",
            Language::Lv => "lv",
            Language::Lt => "lt",
            Language::Ru => "ru",
        }
    }

    /// The language with this code, if it is one of ours.
    pub(crate) fn from_code(code: &str) -> Option<Language> {
        Language::ALL
            .into_iter()
            .find(|l| l.code().eq_ignore_ascii_case(code))
    }

    /// The language named by a POSIX locale such as `et_EE.UTF-8`, `lv`, or `ru_RU@latin`;
    /// `None` for `C`, `POSIX` and every language we have no messages for.
    pub(crate) fn from_locale(locale: &str) -> Option<Language> {
        let lang = locale
            .split(['_', '.', '@', '-'])
            .next()
            .unwrap_or_default();
        Language::from_code(lang)
    }

    /// The language the system asks for: the first of `LC_ALL`, `LC_MESSAGES` and `LANG`
    /// that is set and not empty (POSIX's order), given here as a lookup so that the
    /// caller reads the environment; English when that locale is not one of ours.
    pub fn from_env(var: impl Fn(&str) -> Option<String>) -> Language {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .into_iter()
            .filter_map(&var)
            .find(|v| !v.is_empty())
            .and_then(|v| Language::from_locale(&v))
            .unwrap_or(Language::En)
    }
}

/// Reads the language field leniently, as its code (`Some("lt")`): a code this quizdeck
/// does not know (a settings file from a newer version, or edited by hand) means "the
/// system's language", not a lost settings file.
fn lenient_language<'de, D>(d: D) -> Result<Option<Language>, D::Error>
where
    D: serde::Deserializer<'de>,
{
    let code: Option<String> = Option::deserialize(d)?;
    Ok(code.and_then(|c| Language::from_code(&c)))
}

/// Writes the language field as its code (see [`lenient_language`]).
fn language_code<S>(lang: &Option<Language>, s: S) -> Result<S::Ok, S::Error>
where
    S: serde::Serializer,
{
    lang.map(Language::code).serialize(s)
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
    /// The interface language; `None` follows the system's locale (see [`Language::from_env`]).
    #[serde(
        deserialize_with = "lenient_language",
        serialize_with = "language_code"
    )]
    pub language: Option<Language>,
    /// The library's notes (two files with one deck id, a bundled deck newer than a
    /// copy) already shown to this profile, as their English text: each is said once,
    /// and again only after it has gone and come back. Only the notes of the library as
    /// last opened are kept.
    pub seen_notes: std::collections::BTreeSet<String>,
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
            language: None,
            seen_notes: Default::default(),
        }
    }
}

impl ProfileSettings {
    /// Brings every value into its allowed range (settings files can be edited by hand) and
    /// settings saved by an older quizdeck to their current meaning.
    pub fn clamped(mut self) -> Self {
        self.schedule = self.schedule.upgraded();
        // A parameter list of no model's length is dropped alone (FSRS defaults), so the
        // other schedule settings are kept.
        if ![0, 17, 19, 21].contains(&self.schedule.parameters.len()) {
            self.schedule.parameters.clear();
        }
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
        assert_eq!(s.language, None);
    }

    #[test]
    fn language_round_trips_and_unknown_codes_fall_back() {
        let s = ProfileSettings {
            language: Some(Language::Lt),
            ..Default::default()
        };
        let text = ron::to_string(&s).unwrap();
        let back: ProfileSettings = ron::from_str(&text).unwrap();
        assert_eq!(back.language, Some(Language::Lt));
        assert!(text.contains("language:Some(\"lt\")"), "{text}");
        let odd: ProfileSettings = ron::from_str("(theme: Dark, language: Some(\"fi\"))").unwrap();
        assert_eq!((odd.theme, odd.language), (Theme::Dark, None));
    }

    #[test]
    fn language_from_the_locale() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |k: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == k)
                    .map(|(_, v)| v.to_string())
            }
        };
        assert_eq!(
            Language::from_env(env(&[("LANG", "et_EE.UTF-8")])),
            Language::Et
        );
        assert_eq!(
            Language::from_env(env(&[("LANG", "de_DE.UTF-8"), ("LC_MESSAGES", "lv_LV")])),
            Language::Lv
        );
        assert_eq!(
            Language::from_env(env(&[("LC_ALL", "ru_RU.UTF-8"), ("LANG", "lt_LT")])),
            Language::Ru
        );
        assert_eq!(
            Language::from_env(env(&[("LC_ALL", ""), ("LANG", "lt")])),
            Language::Lt
        );
        assert_eq!(
            Language::from_env(env(&[("LANG", "C.UTF-8")])),
            Language::En
        );
        assert_eq!(
            Language::from_env(env(&[("LANG", "fi_FI.UTF-8")])),
            Language::En
        );
        assert_eq!(Language::from_env(env(&[])), Language::En);
    }
}
