//! Interval fuzz, as in Anki: review intervals of 2.5 days or more get a small random
//! spread so items learned together do not stay together.
//!
//! The randomness is a deterministic function of the item key and the study day, so the
//! same answer on the same day always gives the same interval (the preview matches the
//! answer, and tests can pin values).

use crate::ids::ItemKey;

/// One band of the fuzz: intervals between `start_days` and `end_days` add `factor` of
/// their length in that band to the fuzz range.
struct FuzzRange {
    start_days: f32,
    end_days: f32,
    factor: f32,
}

/// Anki's bands: 2.5–7 d ±15 %, 7–20 d ±10 %, over 20 d ±5 %, on top of ±1 day.
const FUZZ_RANGES: [FuzzRange; 3] = [
    FuzzRange {
        start_days: 2.5,
        end_days: 7.0,
        factor: 0.15,
    },
    FuzzRange {
        start_days: 7.0,
        end_days: 20.0,
        factor: 0.10,
    },
    FuzzRange {
        start_days: 20.0,
        end_days: f32::MAX,
        factor: 0.05,
    },
];

/// A seed for [`fuzz_factor`] from the item key and the study day of the answer
/// (FNV-1a over the key, mixed with the day; stable across platforms and versions).
pub(crate) fn fuzz_seed(key: &ItemKey, day: i64) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for &b in bytes {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    };
    eat(key.deck.as_str().as_bytes());
    eat(&[0xff]);
    eat(key.card.as_str().as_bytes());
    eat(&[0xff]);
    eat(&key.part.to_le_bytes());
    eat(&day.to_le_bytes());
    h
}

/// A number in `[0, 1)` derived from `seed` (SplitMix64 finalizer).
pub(crate) fn fuzz_factor(seed: u64) -> f32 {
    let mut z = seed.wrapping_add(0x9e37_79b9_7f4a_7c15);
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^= z >> 31;
    // 24 random bits give an exactly representable f32 below 1.
    (z >> 40) as f32 / (1u64 << 24) as f32
}

/// Half-width of the fuzz range for an interval, in days (0 below 2.5 days).
fn fuzz_delta(interval_days: f32) -> f32 {
    if interval_days < 2.5 {
        return 0.0;
    }
    FUZZ_RANGES.iter().fold(1.0, |delta, range| {
        delta + range.factor * (interval_days.min(range.end_days) - range.start_days).max(0.0)
    })
}

/// The whole-day range `[lower, upper]` an interval may be fuzzed to, kept inside
/// `[minimum_days, maximum_days]`.
pub(crate) fn fuzz_bounds(interval_days: f32, minimum_days: u32, maximum_days: u32) -> (u32, u32) {
    let minimum_days = minimum_days.min(maximum_days);
    let interval = interval_days.clamp(minimum_days as f32, maximum_days as f32);
    let delta = fuzz_delta(interval);
    let lower = ((interval - delta).round() as u32).clamp(minimum_days, maximum_days);
    let mut upper = ((interval + delta).round() as u32).clamp(minimum_days, maximum_days);
    if upper == lower && upper > 2 && upper < maximum_days {
        upper = lower + 1;
    }
    (lower, upper)
}

/// The whole-day review interval for an FSRS interval: rounded and kept in
/// `[minimum_days, maximum_days]`, then fuzzed if `factor` (in `[0, 1)`) is given.
pub(crate) fn review_interval_days(
    interval_days: f32,
    minimum_days: u32,
    maximum_days: u32,
    factor: Option<f32>,
) -> u32 {
    let interval_days = if interval_days.is_nan() {
        minimum_days as f32
    } else {
        interval_days
    };
    match factor {
        Some(f) => {
            let (lower, upper) = fuzz_bounds(interval_days, minimum_days, maximum_days);
            let fuzzed = (lower as f32 + f.clamp(0.0, 1.0) * (1 + upper - lower) as f32).floor();
            (fuzzed as u32).clamp(lower, upper)
        }
        None => {
            let min = minimum_days.min(maximum_days);
            (interval_days.round().clamp(min as f32, maximum_days as f32)) as u32
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bands_match_anki() {
        assert_eq!(fuzz_bounds(1.0, 1, 36500), (1, 1));
        assert_eq!(fuzz_bounds(2.0, 1, 36500), (2, 2));
        // 2.5 d: ±1 day.
        assert_eq!(fuzz_bounds(3.0, 1, 36500), (2, 4));
        // 7 d: 1 + 0.15·4.5 = ±1.675 days.
        assert_eq!(fuzz_bounds(7.0, 1, 36500), (5, 9));
        // 20 d: 1 + 0.675 + 1.3 = ±2.975 days.
        assert_eq!(fuzz_bounds(20.0, 1, 36500), (17, 23));
        // 100 d: 2.975 + 0.05·80 = ±6.975 days.
        assert_eq!(fuzz_bounds(100.0, 1, 36500), (93, 107));
        // The maximum interval caps the range.
        assert_eq!(fuzz_bounds(100.0, 1, 100), (93, 100));
    }

    #[test]
    fn factors_are_in_unit_interval_and_deterministic() {
        let key = ItemKey::new("deck", "card", 0);
        let a = fuzz_factor(fuzz_seed(&key, 19_000));
        assert_eq!(a, fuzz_factor(fuzz_seed(&key, 19_000)));
        assert_ne!(fuzz_seed(&key, 19_000), fuzz_seed(&key, 19_001));
        assert_ne!(
            fuzz_seed(&key, 19_000),
            fuzz_seed(&ItemKey::new("deck", "card", 1), 19_000)
        );
        for seed in 0..10_000u64 {
            let f = fuzz_factor(seed);
            assert!((0.0..1.0).contains(&f));
        }
    }

    #[test]
    fn fuzzed_intervals_cover_the_range() {
        let (lo, hi) = fuzz_bounds(30.0, 1, 36500);
        let got: std::collections::BTreeSet<u32> = (0..2000u64)
            .map(|s| review_interval_days(30.0, 1, 36500, Some(fuzz_factor(s))))
            .collect();
        assert_eq!(got.first(), Some(&lo));
        assert_eq!(got.last(), Some(&hi));
        assert_eq!(review_interval_days(30.4, 1, 36500, None), 30);
        assert_eq!(review_interval_days(0.2, 1, 36500, None), 1);
        assert_eq!(review_interval_days(f32::INFINITY, 1, 365, None), 365);
        assert_eq!(review_interval_days(f32::NAN, 1, 365, Some(0.5)), 1);
    }
}
