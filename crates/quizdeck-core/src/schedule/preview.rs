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
    /// The same delay as parts, for an interface that words the units in its language.
    pub interval: Interval,
}

impl Choice {
    /// The button label, e.g. "<10m" or "11d" (English units, for the command line;
    /// made on demand, not with every preview).
    pub fn label(&self) -> String {
        self.interval.label()
    }
}

/// The unit of an [`Interval`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum IntervalUnit {
    /// Seconds.
    Seconds,
    /// Minutes.
    Minutes,
    /// Hours.
    Hours,
    /// Days.
    Days,
    /// Months (a twelfth of 365 days).
    Months,
    /// Years (365 days).
    Years,
}

impl IntervalUnit {
    /// The short English unit of the labels ("s", "m", "h", "d", "mo", "y").
    pub(crate) fn short(self) -> &'static str {
        match self {
            IntervalUnit::Seconds => "s",
            IntervalUnit::Minutes => "m",
            IntervalUnit::Hours => "h",
            IntervalUnit::Days => "d",
            IntervalUnit::Months => "mo",
            IntervalUnit::Years => "y",
        }
    }
}

/// A delay in its natural unit, rounded as the labels show it: whole seconds, minutes and
/// days; hours, months and years to one decimal.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    /// The amount in `unit`, already rounded.
    pub amount: f64,
    /// The unit.
    pub unit: IntervalUnit,
    /// How many decimals `amount` carries (0, or 1 when its tenth is not 0).
    pub decimals: u8,
    /// The delay is shorter than the learn-ahead limit: shown with a leading "<".
    pub less_than: bool,
}

impl Interval {
    /// `secs` in its natural unit; `less_than` when shorter than `learn_ahead_secs`.
    pub fn new(secs: i64, learn_ahead_secs: u32) -> Interval {
        let less_than = secs < i64::from(learn_ahead_secs);
        let secs = secs.max(0) as f64;
        let (amount, unit, decimals) = if secs < MINUTE {
            (secs, IntervalUnit::Seconds, false)
        } else if secs < HOUR {
            (secs / MINUTE, IntervalUnit::Minutes, false)
        } else if secs < DAY {
            (secs / HOUR, IntervalUnit::Hours, true)
        } else if secs < MONTH {
            (secs / DAY, IntervalUnit::Days, false)
        } else if secs < YEAR {
            (secs / MONTH, IntervalUnit::Months, true)
        } else {
            (secs / YEAR, IntervalUnit::Years, true)
        };
        let (amount, decimals) = if decimals {
            let tenths = (amount * 10.0).round();
            if tenths % 10.0 == 0.0 {
                (tenths / 10.0, 0)
            } else {
                (tenths / 10.0, 1)
            }
        } else {
            (amount.round(), 0)
        };
        Interval {
            amount,
            unit,
            decimals,
            less_than,
        }
    }

    /// As an answer button's label: "45s", "1.5h", "<10m" (English units).
    pub fn label(&self) -> String {
        format!(
            "{}{:.*}{}",
            if self.less_than { "<" } else { "" },
            usize::from(self.decimals),
            self.amount,
            self.unit.short()
        )
    }
}

/// The four choices for an item, from Again to Easy.
#[derive(Debug, Clone, PartialEq)]
pub struct Preview {
    /// Again, Hard, Good, Easy.
    pub choices: [Choice; 4],
}

/// A duration in Anki's natural unit: seconds, minutes, hours, days, months or years, e.g.
/// "45s", "10m", "1.5h", "11d", "1.3mo", "2.1y". Seconds, minutes and days are whole
/// numbers; hours, months and years have one decimal (dropped when it is 0). Negative
/// durations read as 0 seconds.
#[cfg(test)]
fn format_interval(secs: i64) -> String {
    Interval {
        less_than: false,
        ..Interval::new(secs, 0)
    }
    .label()
}

/// An answer-button label: like [`format_interval`], with a leading "<" when the delay is
/// shorter than the learn-ahead limit (the item may come back a little earlier), as Anki
/// shows "<1m" and "<10m" for learning steps.
#[cfg(test)]
fn format_interval_label(secs: i64, learn_ahead_secs: u32) -> String {
    Interval::new(secs, learn_ahead_secs).label()
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
        assert_eq!(format_interval(86_400 * 364), "12mo");
        assert_eq!(format_interval(3599), "60m");
    }

    #[test]
    fn interval_parts() {
        let i = Interval::new(40 * 86_400, 1200);
        assert_eq!(
            (i.amount, i.unit, i.decimals, i.less_than),
            (1.3, IntervalUnit::Months, 1, false)
        );
        let i = Interval::new(600, 1200);
        assert_eq!(
            (i.amount, i.unit, i.decimals, i.less_than),
            (10.0, IntervalUnit::Minutes, 0, true)
        );
        let i = Interval::new(365 * 86_400, 1200);
        assert_eq!(
            (i.amount, i.unit, i.decimals),
            (1.0, IntervalUnit::Years, 0)
        );
    }
}
