//! The only door to the `fsrs` crate: conversions at the edge and thin wrappers.
//!
//! Nothing outside this file names an `fsrs` type. The rest of the schedule area works with
//! [`Memory`], [`Rating`], [`NextMemory`], [`TrainItem`] and [`Metrics`].

use super::optimize::Metrics;
use super::{Error, Memory, Rating, Result};
use std::collections::HashMap;

/// The FSRS-6 default parameters (21 values), used when a profile has no personal ones.
pub fn default_parameters() -> &'static [f32; 21] {
    &fsrs::DEFAULT_PARAMETERS
}

impl From<Memory> for fsrs::MemoryState {
    fn from(m: Memory) -> Self {
        Self {
            stability: m.stability_days,
            difficulty: m.difficulty,
        }
    }
}

impl From<fsrs::MemoryState> for Memory {
    fn from(m: fsrs::MemoryState) -> Self {
        Self {
            stability_days: m.stability,
            difficulty: m.difficulty,
        }
    }
}

impl From<Rating> for u32 {
    fn from(r: Rating) -> Self {
        r as u32
    }
}

/// Memory state and unrounded FSRS interval after one possible answer.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) struct NextMemory {
    /// The memory state after the answer.
    pub memory: Memory,
    /// The interval FSRS proposes for the desired retention, in (fractional) days.
    pub interval_days: f32,
}

impl From<fsrs::ItemState> for NextMemory {
    fn from(s: fsrs::ItemState) -> Self {
        Self {
            memory: s.memory.into(),
            interval_days: s.interval,
        }
    }
}

/// An FSRS model with fixed parameters.
#[derive(Debug, Clone)]
pub(crate) struct Model {
    fsrs: fsrs::FSRS,
}

impl Model {
    /// Builds a model; `parameters` may be empty (defaults) or hold 17, 19 or 21 values.
    pub(crate) fn new(parameters: &[f32]) -> Result<Self> {
        fsrs::FSRS::new(parameters)
            .map(|fsrs| Self { fsrs })
            .map_err(|e| {
                Error::InvalidParameters(
                    crate::message::Message::new("schedule-parameter-values")
                        .arg("n", parameters.len())
                        .arg("error", format!("{e:?}")),
                )
            })
    }

    /// The next memory state and interval for each rating (indexed `rating as usize - 1`),
    /// from the current memory (`None` for a new item) after `elapsed_days` whole days
    /// (0 = same day: FSRS's short-term path).
    pub(crate) fn next(
        &self,
        memory: Option<Memory>,
        desired_retention: f32,
        elapsed_days: u32,
    ) -> Result<[NextMemory; 4]> {
        let next = self
            .fsrs
            .next_states(memory.map(Into::into), desired_retention, elapsed_days)
            .map_err(|e| Error::Model(format!("{e:?}")))?;
        Ok([
            next.again.into(),
            next.hard.into(),
            next.good.into(),
            next.easy.into(),
        ])
    }
}

/// The memory state after a sequence of answers, each given `elapsed_days` after the
/// previous one (the first one's elapsed days are ignored), with the same FSRS path the
/// scheduler uses on every answer.
pub fn memory_state(parameters: &[f32], answers: &[(Rating, u32)]) -> Result<Option<Memory>> {
    let model = Model::new(parameters)?;
    let mut memory = None;
    for &(rating, elapsed_days) in answers {
        let next = model.next(memory, 0.9, elapsed_days)?;
        memory = Some(next[rating as usize - 1].memory);
    }
    Ok(memory)
}

/// One answer in a training item: the rating and whole days since the previous answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct DayReview {
    /// Rating 1–4.
    pub rating: Rating,
    /// Whole days since the item's previous answer (0 for the first and same-day answers).
    pub elapsed_days: u32,
}

/// The answers of one item up to and including the one to predict.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub(crate) struct TrainItem {
    /// Answers in time order.
    pub reviews: Vec<DayReview>,
}

impl TrainItem {
    /// Answers given at least one day after the previous one.
    pub(crate) fn long_term_reviews(&self) -> usize {
        self.reviews.iter().filter(|r| r.elapsed_days > 0).count()
    }
}

impl From<&TrainItem> for fsrs::FSRSItem {
    fn from(item: &TrainItem) -> Self {
        Self {
            reviews: item
                .reviews
                .iter()
                .map(|r| fsrs::FSRSReview {
                    rating: r.rating.into(),
                    delta_t: r.elapsed_days,
                })
                .collect(),
        }
    }
}

impl From<fsrs::ModelEvaluation> for Metrics {
    fn from(e: fsrs::ModelEvaluation) -> Self {
        Self {
            log_loss: e.log_loss,
            rmse_bins: e.rmse_bins,
        }
    }
}

fn to_fsrs_items(items: &[TrainItem]) -> Vec<fsrs::FSRSItem> {
    items.iter().map(Into::into).collect()
}

fn model_error(e: fsrs::FSRSError) -> Error {
    match e {
        fsrs::FSRSError::NotEnoughData => {
            Error::Model("not enough review history to fit parameters".into())
        }
        other => Error::Model(format!("{other:?}")),
    }
}

/// Fits FSRS parameters to `items` (sorted by the time of their last answer) with
/// `fsrs::compute_parameters` (short-term parameters enabled, default training).
pub(crate) fn compute_parameters(items: &[TrainItem]) -> Result<Vec<f32>> {
    fsrs::compute_parameters(fsrs::ComputeParametersInput {
        train_set: to_fsrs_items(items),
        ..Default::default()
    })
    .map_err(model_error)
}

/// In-sample evaluation (`FSRS::evaluate`: recency-weighted log loss and RMSE over bins).
pub(crate) fn evaluate(parameters: &[f32], items: &[TrainItem]) -> Result<Metrics> {
    let model = Model::new(parameters)?;
    model
        .fsrs
        .evaluate(to_fsrs_items(items), |_| true)
        .map(Into::into)
        .map_err(model_error)
}

/// Out-of-sample evaluation with `fsrs::evaluate_with_time_series_splits`: items (sorted by
/// time) are cut in 6 segments; for k = 1..=5, parameters fitted on segments before k
/// predict segment k.
pub(crate) fn evaluate_time_series_splits(items: &[TrainItem]) -> Result<Metrics> {
    fsrs::evaluate_with_time_series_splits(
        fsrs::ComputeParametersInput {
            train_set: to_fsrs_items(items),
            ..Default::default()
        },
        |_| true,
    )
    .map(Into::into)
    .map_err(model_error)
}

/// Unweighted log loss and RMSE over bins of fixed `parameters` on `items`, computed the
/// way `evaluate_with_time_series_splits` scores its test segments (every item weight 1,
/// same bins). Used to score fixed (e.g. default) parameters on the same segments.
pub(crate) fn evaluate_unweighted(parameters: &[f32], items: &[TrainItem]) -> Result<Metrics> {
    let model = Model::new(parameters)?;
    let decay = if parameters.len() == 21 {
        parameters[20]
    } else if parameters.is_empty() {
        fsrs::DEFAULT_PARAMETERS[20]
    } else {
        // 17 and 19 values are FSRS-4.5/5 parameters, whose decay is fixed.
        fsrs::FSRS5_DEFAULT_DECAY
    };
    let mut loss = 0.0f64;
    let mut bins: HashMap<(u32, u32, u32), (f64, f64, f64)> = HashMap::new();
    for item in items {
        let Some((current, history)) = item.reviews.split_last() else {
            continue;
        };
        let memory = model
            .fsrs
            .memory_state(
                fsrs::FSRSItem::from(&TrainItem {
                    reviews: history.to_vec(),
                }),
                None,
            )
            .map_err(model_error)?;
        let p = fsrs::current_retrievability(memory, current.elapsed_days as f32, decay);
        let p = f64::from(p).clamp(1e-7, 1.0 - 1e-7);
        let y = if current.rating > Rating::Again {
            1.0
        } else {
            0.0
        };
        loss -= y * p.ln() + (1.0 - y) * (1.0 - p).ln();
        let bin = bins.entry(r_matrix_index(item)).or_default();
        bin.0 += p;
        bin.1 += y;
        bin.2 += 1.0;
    }
    if items.is_empty() {
        return Err(Error::Model("no items to evaluate".into()));
    }
    let total: f64 = bins.values().map(|b| b.2).sum();
    let rmse = (bins
        .values()
        .map(|(p, y, n)| (p / n - y / n).powi(2) * n)
        .sum::<f64>()
        / total)
        .sqrt();
    Ok(Metrics {
        log_loss: (loss / items.len() as f64) as f32,
        rmse_bins: rmse as f32,
    })
}

/// The bin of an item for RMSE(bins): interval, number of long-term answers and lapses,
/// on the same log scales as the `fsrs` crate.
fn r_matrix_index(item: &TrainItem) -> (u32, u32, u32) {
    let (current, history) = item.reviews.split_last().expect("non-empty item");
    let delta_t = f64::from(current.elapsed_days);
    let delta_t_bin = (2.48 * 3.62f64.powf(delta_t.log(3.62).floor()) * 100.0).round() as u32;
    let length = item.long_term_reviews() as f64 + 1.0;
    let length_bin = (1.99 * 1.89f64.powf(length.log(1.89).floor())).round() as u32;
    let lapses = history
        .iter()
        .filter(|r| r.rating == Rating::Again && r.elapsed_days > 0)
        .count();
    if lapses == 0 {
        return (delta_t_bin, length_bin, 0);
    }
    let lapse_bin = (1.65 * 1.73f64.powf((lapses as f64).log(1.73).floor())).round() as u32;
    (delta_t_bin, length_bin, lapse_bin)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conversions_round_trip() {
        let m = Memory {
            stability_days: 3.5,
            difficulty: 6.0,
        };
        let f: fsrs::MemoryState = m.into();
        assert_eq!(Memory::from(f), m);
        assert_eq!(u32::from(Rating::Hard), 2);
    }

    #[test]
    fn new_item_next_states_match_the_default_initial_stabilities() {
        let model = Model::new(&[]).unwrap();
        let next = model.next(None, 0.9, 0).unwrap();
        let w = default_parameters();
        for (i, n) in next.iter().enumerate() {
            assert_eq!(n.memory.stability_days, w[i]);
        }
    }

    #[test]
    fn bad_parameters_are_rejected() {
        assert!(matches!(
            Model::new(&[1.0; 5]),
            Err(Error::InvalidParameters(_))
        ));
        assert!(Model::new(&[f32::NAN; 21]).is_err());
    }

    #[test]
    fn unweighted_evaluation_of_a_tiny_set() {
        let item = TrainItem {
            reviews: vec![
                DayReview {
                    rating: Rating::Good,
                    elapsed_days: 0,
                },
                DayReview {
                    rating: Rating::Good,
                    elapsed_days: 2,
                },
            ],
        };
        let m = evaluate_unweighted(&[], &[item]).unwrap();
        // Recall predicted after 2 days on stability 2.3065 is about 0.91.
        assert!((m.log_loss - 0.094).abs() < 0.01, "{m:?}");
    }
}
