//! Study days: the day boundary is a configurable local hour (Anki's "next day starts at").
//!
//! A study day runs from `cutoff_hour` local time to `cutoff_hour` the next local day. Days
//! are numbered consecutively (day 0 starts at 1970-01-01 `cutoff_hour` local time), so the
//! number of days between two answers is a subtraction. The local UTC offset is always
//! passed in: nothing here reads the clock or the environment.

use chrono::{DateTime, FixedOffset, TimeDelta, Utc};

const SECS_PER_DAY: i64 = 86_400;

/// The study-day number of instant `at`, for a local `offset` and a day that starts at
/// `cutoff_hour` (0–23) local time.
pub fn day_index(at: DateTime<Utc>, offset: FixedOffset, cutoff_hour: u32) -> i64 {
    let local_secs =
        at.timestamp() + i64::from(offset.local_minus_utc()) - i64::from(cutoff_hour) * 3600;
    local_secs.div_euclid(SECS_PER_DAY)
}

/// The instant study day `day` starts (see [`day_index`]).
///
/// Saturates at the limits of `DateTime<Utc>` for absurd day numbers.
pub fn day_start(day: i64, offset: FixedOffset, cutoff_hour: u32) -> DateTime<Utc> {
    let secs = day
        .saturating_mul(SECS_PER_DAY)
        .saturating_sub(i64::from(offset.local_minus_utc()))
        .saturating_add(i64::from(cutoff_hour) * 3600);
    DateTime::from_timestamp(secs, 0).unwrap_or(if secs < 0 {
        DateTime::<Utc>::MIN_UTC
    } else {
        DateTime::<Utc>::MAX_UTC
    })
}

/// Whole study days from `earlier` to `later` (negative if the clock went back).
#[cfg(test)]
pub(crate) fn days_between(
    earlier: DateTime<Utc>,
    later: DateTime<Utc>,
    offset: FixedOffset,
    cutoff_hour: u32,
) -> i64 {
    day_index(later, offset, cutoff_hour) - day_index(earlier, offset, cutoff_hour)
}

/// `at + secs` seconds, saturating at the limits of `DateTime<Utc>` instead of panicking.
pub(crate) fn add_secs(at: DateTime<Utc>, secs: i64) -> DateTime<Utc> {
    at.checked_add_signed(TimeDelta::seconds(secs))
        .unwrap_or(if secs < 0 {
            DateTime::<Utc>::MIN_UTC
        } else {
            DateTime::<Utc>::MAX_UTC
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(s: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(s).unwrap().to_utc()
    }

    #[test]
    fn day_changes_at_the_cutoff_hour_local_time() {
        let cet = FixedOffset::east_opt(3600).unwrap();
        // 02:59 UTC = 03:59 local: still the previous study day.
        let before = day_index(t("2024-05-02T02:59:00Z"), cet, 4);
        let after = day_index(t("2024-05-02T03:00:00Z"), cet, 4);
        assert_eq!(after - before, 1);
        assert_eq!(day_start(after, cet, 4), t("2024-05-02T03:00:00Z"));
        assert_eq!(
            days_between(t("2024-05-01T22:00:00Z"), t("2024-05-02T03:00:00Z"), cet, 4),
            1
        );
    }

    #[test]
    fn utc_midnight_days() {
        let utc = FixedOffset::east_opt(0).unwrap();
        assert_eq!(day_index(t("1970-01-01T00:00:00Z"), utc, 0), 0);
        assert_eq!(day_index(t("1969-12-31T23:59:59Z"), utc, 0), -1);
        assert_eq!(day_start(1, utc, 0), t("1970-01-02T00:00:00Z"));
    }

    #[test]
    fn arithmetic_saturates() {
        let utc = FixedOffset::east_opt(0).unwrap();
        assert_eq!(
            add_secs(DateTime::<Utc>::MAX_UTC, 10),
            DateTime::<Utc>::MAX_UTC
        );
        assert_eq!(day_start(i64::MAX, utc, 4), DateTime::<Utc>::MAX_UTC);
        assert_eq!(day_start(i64::MIN, utc, 4), DateTime::<Utc>::MIN_UTC);
    }
}
