//! Personal FSRS parameters from review history, and their evaluation.
//!
//! Review history becomes FSRS training items: for every answer given on a later study day
//! than the item's previous answer, the item's answers up to it, with whole study days
//! between answers (same-day answers stay in the history with 0 days: FSRS's short-term
//! path). Same-day answers are not items themselves: FSRS predicts recall 1 for them, and
//! Anki leaves them out of training too. Items are ordered by the time of their last
//! answer (the optimizer weights recent ones more; time-series splits cut by time).

use super::day::day_index;
use super::fsrs_adapter::{self, DayReview, TrainItem};
use super::revlog::read_revlog;
use super::{Error, Rating, Result, ReviewEntry, Settings};
use chrono::{DateTime, FixedOffset, Utc};
use std::collections::HashMap;
use std::fmt;
use std::path::Path;

/// Fewest training items (answers on a later study day than the item's previous answer)
/// the optimizer is run with; below it the `fsrs` crate only adjusts the initial
/// stabilities.
pub(crate) const MIN_TRAINING_ITEMS: usize = 64;

/// How well parameters predict recall: lower is better for both.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Metrics {
    /// Binary cross-entropy between predicted recall and actual pass/fail.
    pub log_loss: f32,
    /// Root mean square error between predicted and actual recall over bins of similar
    /// reviews.
    pub rmse_bins: f32,
}

/// What [`optimize()`] found.
#[derive(Debug, Clone, PartialEq)]
pub struct OptimizeOutcome {
    /// Answers in the history.
    pub reviews: usize,
    /// Training items built from them.
    pub items: usize,
    /// The decision.
    pub verdict: Verdict,
}

/// Whether to use newly fitted parameters.
#[derive(Debug, Clone, PartialEq)]
pub enum Verdict {
    /// Not enough history to fit parameters; keep the current ones.
    TooLittleHistory {
        /// A sentence for the user.
        reason: String,
    },
    /// The fitted parameters predict the history better: store them in the settings.
    UseNew {
        /// The fitted parameters (21 values).
        parameters: Vec<f32>,
        /// Current parameters on the history.
        current: Metrics,
        /// Fitted parameters on the history.
        optimized: Metrics,
    },
    /// The current parameters predict the history at least as well: keep them.
    KeepCurrent {
        /// The fitted parameters, for information.
        parameters: Vec<f32>,
        /// Current parameters on the history.
        current: Metrics,
        /// Fitted parameters on the history.
        optimized: Metrics,
    },
}

/// One answer, reduced to what training needs.
struct Answer {
    group: i64,
    at: DateTime<Utc>,
    rating: Rating,
}

/// The order training items are given to the `fsrs` crate in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ItemOrder {
    /// By the time of the item's last answer, as the `fsrs` crate expects (recency
    /// weights and time-series splits assume it).
    #[default]
    ByTime,
    /// Grouped by card (cards by id, each card's items in time order), as the `fsrs`
    /// crate's optimize example builds them. Recency weights then follow card ids, and a
    /// "time-series" split becomes a split by card. Kept to compare with figures published
    /// that way.
    ByCard,
}

/// Builds training items: one per answer given on a later study day than the item's
/// previous answer (same-day answers stay in the history as 0-day steps).
fn build_items(
    mut answers: Vec<Answer>,
    offset: FixedOffset,
    cutoff_hour: u32,
    order: ItemOrder,
) -> Vec<TrainItem> {
    answers.sort_by_key(|a| (a.group, a.at));
    let mut out: Vec<(DateTime<Utc>, i64, TrainItem)> = Vec::new();
    for card in answers.chunk_by(|a, b| a.group == b.group) {
        let mut reviews: Vec<DayReview> = Vec::with_capacity(card.len());
        let mut last_day = None;
        for a in card {
            let day = day_index(a.at, offset, cutoff_hour);
            let elapsed_days = last_day.map_or(0, |last: i64| (day - last).max(0) as u32);
            last_day = Some(day);
            reviews.push(DayReview {
                rating: a.rating,
                elapsed_days,
            });
            if elapsed_days > 0 {
                out.push((
                    a.at,
                    a.group,
                    TrainItem {
                        reviews: reviews.clone(),
                    },
                ));
            }
        }
    }
    if order == ItemOrder::ByTime {
        // Stable: ties keep card order.
        out.sort_by_key(|(at, _, _)| *at);
    }
    out.into_iter().map(|(_, _, item)| item).collect()
}

/// Fits personal parameters to `history` (study days per `settings.day_cutoff_hour` and
/// the local `offset`) and compares them with `settings.parameters` on that history.
///
/// Runs the `fsrs` optimizer: takes about a second per ten thousand answers on a release
/// build; call it off the UI thread.
pub fn optimize(
    history: &[ReviewEntry],
    settings: &Settings,
    offset: FixedOffset,
) -> Result<OptimizeOutcome> {
    let mut groups: HashMap<&crate::ids::ItemKey, i64> = HashMap::new();
    let answers = history
        .iter()
        .map(|e| {
            let next = groups.len() as i64;
            Answer {
                group: *groups.entry(&e.key).or_insert(next),
                at: e.at,
                rating: e.rating,
            }
        })
        .collect();
    let items = build_items(answers, offset, settings.day_cutoff_hour, ItemOrder::ByTime);
    let outcome = |verdict| OptimizeOutcome {
        reviews: history.len(),
        items: items.len(),
        verdict,
    };
    if items.len() < MIN_TRAINING_ITEMS {
        return Ok(outcome(Verdict::TooLittleHistory {
            reason: format!(
                "only {} answers came on a later day than the item's previous answer; at \
                 least {MIN_TRAINING_ITEMS} are needed to fit personal parameters",
                items.len()
            ),
        }));
    }
    let parameters = match fsrs_adapter::compute_parameters(&items) {
        Ok(p) => p,
        Err(Error::Model(reason)) => {
            return Ok(outcome(Verdict::TooLittleHistory {
                reason: format!("the optimizer could not fit parameters: {reason}"),
            }));
        }
        Err(e) => return Err(e),
    };
    if parameters.as_slice() == fsrs_adapter::default_parameters().as_slice() {
        return Ok(outcome(Verdict::TooLittleHistory {
            reason: "too few usable answers remained after removing outliers; the optimizer \
                     returned the default parameters"
                .into(),
        }));
    }
    let current = fsrs_adapter::evaluate(&settings.parameters, &items)?;
    let optimized = fsrs_adapter::evaluate(&parameters, &items)?;
    Ok(outcome(if optimized.log_loss < current.log_loss {
        Verdict::UseNew {
            parameters,
            current,
            optimized,
        }
    } else {
        Verdict::KeepCurrent {
            parameters,
            current,
            optimized,
        }
    }))
}

/// Prediction quality of default and fitted parameters on a review log (see
/// [`eval_revlog`]).
#[derive(Debug, Clone, PartialEq)]
pub struct EvalReport {
    /// Answers in the log.
    pub reviews: usize,
    /// Distinct cards.
    pub cards: usize,
    /// Training items built (answers on a later day than the card's previous one).
    pub items: usize,
    /// Default parameters on all items (recency-weighted, as `FSRS::evaluate`).
    pub default_all: Metrics,
    /// Default parameters on the time-series test segments (unweighted).
    pub default_split: Metrics,
    /// Time-series split: parameters fitted on earlier segments predict later ones
    /// (`evaluate_with_time_series_splits`, 5 folds).
    pub optimized_split: Metrics,
    /// Parameters fitted on all items, evaluated on all items (in-sample).
    pub optimized_in_sample: Metrics,
    /// The parameters fitted on all items.
    pub parameters: Vec<f32>,
    /// The order the items were given to the `fsrs` crate in.
    pub order: ItemOrder,
}

/// Reads a review log (py-fsrs CSV format, see [`super::revlog`]), builds training items
/// with days counted in UTC, and evaluates default and fitted parameters, with items in
/// time order ([`ItemOrder::ByTime`]).
pub fn eval_revlog(path: &Path) -> Result<EvalReport> {
    eval_revlog_ordered(path, ItemOrder::ByTime)
}

/// [`eval_revlog`] with a choice of item order.
pub fn eval_revlog_ordered(path: &Path, order: ItemOrder) -> Result<EvalReport> {
    let rows = read_revlog(path)?;
    let cards = rows
        .iter()
        .map(|r| r.card_id)
        .collect::<std::collections::HashSet<_>>()
        .len();
    let answers = rows
        .iter()
        .map(|r| Answer {
            group: r.card_id,
            at: r.at,
            rating: r.rating,
        })
        .collect();
    let utc = FixedOffset::east_opt(0).expect("zero offset");
    let items = build_items(answers, utc, 0, order);
    if items.len() < 6 * MIN_TRAINING_ITEMS {
        return Err(Error::Model(format!(
            "{} training items; a time-series evaluation needs at least {}",
            items.len(),
            6 * MIN_TRAINING_ITEMS
        )));
    }
    let default_all = fsrs_adapter::evaluate(&[], &items)?;
    let segment = items.len() / 6;
    let default_split = fsrs_adapter::evaluate_unweighted(&[], &items[segment..])?;
    let optimized_split = fsrs_adapter::evaluate_time_series_splits(&items)?;
    let parameters = fsrs_adapter::compute_parameters(&items)?;
    let optimized_in_sample = fsrs_adapter::evaluate(&parameters, &items)?;
    Ok(EvalReport {
        reviews: rows.len(),
        cards,
        items: items.len(),
        default_all,
        default_split,
        optimized_split,
        optimized_in_sample,
        parameters,
        order,
    })
}

impl fmt::Display for EvalReport {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        writeln!(
            f,
            "{} reviews of {} cards -> {} FSRS items (days in UTC, {})",
            self.reviews,
            self.cards,
            self.items,
            match self.order {
                ItemOrder::ByTime => "items in time order",
                ItemOrder::ByCard => "items grouped by card",
            }
        )?;
        writeln!(
            f,
            "{:<28} {:<36} {:>8} {:>10}",
            "parameters", "evaluated on", "log loss", "RMSE(bins)"
        )?;
        let rows = [
            ("default", "all items", self.default_all),
            ("default", "time-series test segments", self.default_split),
            (
                "fitted on earlier segments",
                "time-series test segments (5 folds)",
                self.optimized_split,
            ),
            (
                "fitted on all items",
                "all items (in-sample)",
                self.optimized_in_sample,
            ),
        ];
        for (params, on, m) in rows {
            writeln!(
                f,
                "{params:<28} {on:<36} {:>8.4} {:>10.4}",
                m.log_loss, m.rmse_bins
            )?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ids::ItemKey;
    use crate::schedule::Phase;

    fn at(day: i64, hour: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(
            1_700_000_000 - 1_700_000_000 % 86_400 + day * 86_400 + hour * 3600,
            0,
        )
        .unwrap()
    }

    #[test]
    fn items_count_study_days_and_skip_same_day_only_items() {
        let utc = FixedOffset::east_opt(0).unwrap();
        let answers = vec![
            Answer {
                group: 1,
                at: at(0, 10),
                rating: Rating::Again,
            },
            Answer {
                group: 1,
                at: at(0, 11),
                rating: Rating::Good,
            },
            Answer {
                group: 1,
                at: at(2, 3),
                rating: Rating::Good,
            },
            Answer {
                group: 2,
                at: at(0, 9),
                rating: Rating::Good,
            },
        ];
        // Cut-off at 04:00: day 2 at 03:00 still belongs to study day 1.
        let items = build_items(answers, utc, 4, ItemOrder::ByTime);
        assert_eq!(items.len(), 1);
        let days: Vec<u32> = items[0].reviews.iter().map(|r| r.elapsed_days).collect();
        assert_eq!(days, [0, 0, 1]);
    }

    #[test]
    fn too_little_history_is_reported() {
        let history: Vec<ReviewEntry> = (0..10)
            .map(|i| ReviewEntry {
                key: ItemKey::new("d", "c", 0),
                rating: Rating::Good,
                at: at(i * 3, 12),
                duration_ms: 1000,
                phase: Phase::Review,
            })
            .collect();
        let utc = FixedOffset::east_opt(0).unwrap();
        let out = optimize(&history, &Settings::default(), utc).unwrap();
        assert_eq!((out.reviews, out.items), (10, 9));
        assert!(
            matches!(out.verdict, Verdict::TooLittleHistory { .. }),
            "{out:?}"
        );
    }

    #[test]
    fn report_displays_a_table() {
        let m = Metrics {
            log_loss: 0.5,
            rmse_bins: 0.05,
        };
        let r = EvalReport {
            reviews: 10,
            cards: 2,
            items: 8,
            default_all: m,
            default_split: m,
            optimized_split: m,
            optimized_in_sample: m,
            parameters: vec![],
            order: ItemOrder::ByCard,
        };
        let text = r.to_string();
        assert!(text.contains("log loss"));
        assert!(text.contains("items grouped by card"));
        assert!(text.contains("0.5000"));
        assert_eq!(text.lines().count(), 6);
    }
}
