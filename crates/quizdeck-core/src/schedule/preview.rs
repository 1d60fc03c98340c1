//! What each answer button would do, and Anki-style interval labels ("<10m", "2d", "1.3mo").

use super::{ItemState, Rating};

const MINUTE: f64 = 60.0;
const HOUR: f64 = 3600.0;
const DAY: f64 = 86_400.0;
const YEAR: f64 = 365.0 * DAY;
const MONTH: f64 = YEAR / 12.0;

/// The result of one possible answer.
#[derive(Debug, Clone, PartialEq)]
pub struct Choice {
    /// The rating of this button.
    pub rating: Rating,
    /// The item's state after this answer.
    pub state: ItemState,
    /// Seconds from now until the item is due again.
    pub delay_secs: i64,
    /// The button label, e.g. "<10m" or "11d".
    pub label: String,
}

/// The four choices for an item, from Again to Easy.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// Again, Hard, Good, Easy.
    pub choices: [Choice; 4],
}

impl Preview {
    /// The choice for `rating`.
    pub fn choice(&self, rating: Rating) -> &Choice {
        &self.choices[rating.index()]
    }
}

/// A duration in Anki's natural unit: seconds, minutes, hours, days, months or years, e.g.
/// "45s", "10m", "1.5h", "11d", "1.3mo", "2.1y". Seconds, minutes and days are whole
/// numbers; hours, months and years have one decimal (dropped when it is 0). Negative
/// durations read as 0 seconds.
pub fn format_interval(secs: i64) -> String {
    let secs = secs.max(0) as f64;
    let (amount, unit, decimals) = if secs < MINUTE {
        (secs, "s", false)
    } else if secs < HOUR {
        (secs / MINUTE, "m", false)
    } else if secs < DAY {
        (secs / HOUR, "h", true)
    } else if secs < MONTH {
        (secs / DAY, "d", false)
    } else if secs < YEAR {
        (secs / MONTH, "mo", true)
    } else {
        (secs / YEAR, "y", true)
    };
    if decimals {
        let text = format!("{amount:.1}");
        let text = text.strip_suffix(".0").unwrap_or(&text);
        format!("{text}{unit}")
    } else {
        format!("{}{unit}", amount.round())
    }
}

/// An answer-button label: like [`format_interval`], with a leading "<" when the delay is
/// shorter than the learn-ahead limit (the item may come back a little earlier), as Anki
/// shows "<1m" and "<10m" for learning steps.
pub fn format_interval_label(secs: i64, learn_ahead_secs: u32) -> String {
    let text = format_interval(secs);
    if secs < i64::from(learn_ahead_secs) {
        format!("<{text}")
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_like_anki() {
        let la = 1200;
        assert_eq!(format_interval_label(60, la), "<1m");
        assert_eq!(format_interval_label(330, la), "<6m");
        assert_eq!(format_interval_label(600, la), "<10m");
        assert_eq!(format_interval(600), "10m");
        assert_eq!(format_interval_label(1800, la), "30m");
        assert_eq!(format_interval(5400), "1.5h");
        assert_eq!(format_interval(2 * 86_400), "2d");
        assert_eq!(format_interval(11 * 86_400), "11d");
        assert_eq!(format_interval(40 * 86_400), "1.3mo");
        assert_eq!(format_interval(766 * 86_400), "2.1y");
        assert_eq!(format_interval(365 * 86_400), "1y");
        assert_eq!(format_interval(45), "45s");
        assert_eq!(format_interval(-5), "0s");
    }
}
