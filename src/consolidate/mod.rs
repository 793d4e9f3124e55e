//! Several assessors' answers for one organisation, consolidated: pure statistics per
//! indicator, agreement over all of them, and the draft answer the consensus meeting starts from.
//!
//! The rules (also in `docs/compare-and-consolidate.md`), per indicator:
//! - Each assessor gave a level, *not applicable*, *not enough information*, or nothing
//!   (*unanswered*).
//! - **Median**: the **lower median** of the levels given: sorted, the value at position
//!   ⌊(m − 1) / 2⌋ (0-based) of m levels. For an odd m it is the middle level; for an even m the
//!   lower of the two middle ones, so it is always a level of the scale (1, 2, 3, 4 → 2).
//! - **Spread**: highest level − lowest level.
//! - **Disagreement**: the highest and the lowest level are two or more *scale steps* apart
//!   (positions on the scale, which equal level differences on a scale 0, 1, 2, …).
//! - **Draft**: a status (not applicable, not enough information, unanswered) when more than
//!   half of the assessors gave it; otherwise the median level; with neither, unanswered.
//!
//! Over all indicators:
//! - **Exact agreement**: among the indicators that at least two assessors answered with a
//!   level, the share on which all those levels are equal.
//! - **Krippendorff's alpha**, ordinal ([`alpha`]): units are the indicators, coders the
//!   assessors, values the levels; statuses and unanswered indicators are missing values. So
//!   that levels of different scales can share one order, a level enters as the score it gives
//!   (0-100 on its scale); on a single scale this keeps the order of the levels.

pub mod alpha;
pub mod draft;

use crate::model::points::{points_at, points_range};
use crate::model::scale::position;
use crate::model::{Assessment, Checklist, Number};
use crate::score::{IndicatorResult, Status, all_indicator_results, score};
use serde::Serialize;
use std::collections::HashMap;

/// What one assessor answered for one indicator (or what the draft says).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Given {
    pub status: Status,
    /// Only with `status: scored`: the level, or a number indicator's value.
    pub level: Option<Number>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorConsensus {
    pub id: String,
    /// One per assessor, in the order the files were given.
    pub given: Vec<Given>,
    /// The lower median of the levels given.
    pub median: Option<Number>,
    /// Highest level − lowest level.
    pub spread: Option<Number>,
    /// Scale steps between the lowest and the highest level.
    pub steps: Option<usize>,
    /// `steps >= 2`.
    pub disagreement: bool,
    /// The draft's answer.
    pub draft: Given,
}

#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Agreement {
    /// Indicators answered with a level by at least two assessors.
    pub compared: usize,
    /// Of those, the ones on which every level given is the same.
    pub exact: usize,
    /// `exact / compared × 100`; `None` when nothing was compared.
    pub exact_share: Option<f64>,
    pub alpha: alpha::Alpha,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Consolidation {
    pub assessors: Vec<String>,
    /// Every indicator, in checklist order.
    pub indicators: Vec<IndicatorConsensus>,
    pub agreement: Agreement,
}

impl Consolidation {
    pub fn disagreements(&self) -> impl Iterator<Item = &IndicatorConsensus> {
        self.indicators.iter().filter(|i| i.disagreement)
    }
}

/// Consolidates several assessors' answers to one checklist, one file per assessor.
pub fn consolidate(checklist: &Checklist, assessments: &[&Assessment]) -> Consolidation {
    let scorecards: Vec<_> = assessments.iter().map(|a| score(checklist, a)).collect();
    let results: Vec<HashMap<&str, &IndicatorResult>> = scorecards
        .iter()
        .map(|card| {
            card.sections
                .iter()
                .flat_map(all_indicator_results)
                .map(|r| (r.id.as_str(), r))
                .collect()
        })
        .collect();
    let mut indicators = Vec::new();
    let mut units = Vec::new();
    for indicator in checklist.indicators() {
        let scale = checklist.scale_of(indicator);
        let given: Vec<Given> = results
            .iter()
            .map(|by_id| {
                let result = by_id[indicator.id.as_str()];
                Given {
                    status: result.status,
                    level: result.level.or(result.value),
                }
            })
            .collect();
        let mut levels: Vec<Number> = given.iter().filter_map(|g| g.level).collect();
        levels.sort_unstable();
        let step = |level: Number| scale?.levels.iter().position(|l| l.value == level);
        let steps = match (levels.first(), levels.last()) {
            (Some(low), Some(high)) => step(*high).zip(step(*low)).map(|(h, l)| h - l),
            _ => None,
        };
        let median = lower_median(&levels);
        let score = |level: Number| match scale {
            Some(scale) => scale.position(level),
            None => {
                let (low, high) = points_range(&indicator.points);
                position(points_at(&indicator.points, level), low, high)
            }
        };
        units.push(levels.iter().map(|level| score(*level)).collect::<Vec<f64>>());
        indicators.push(IndicatorConsensus {
            id: indicator.id.clone(),
            draft: draft_answer(&given, median),
            median,
            spread: levels
                .first()
                .zip(levels.last())
                .map(|(low, high)| high.minus(*low)),
            disagreement: steps.is_some_and(|s| s >= 2),
            steps,
            given,
        });
    }
    let compared: Vec<&IndicatorConsensus> = indicators
        .iter()
        .filter(|i| i.given.iter().filter(|g| g.level.is_some()).count() >= 2)
        .collect();
    let exact = compared.iter().filter(|i| i.spread == Some(Number::ZERO)).count();
    Consolidation {
        assessors: assessments.iter().map(|a| assessor_name(a)).collect(),
        agreement: Agreement {
            compared: compared.len(),
            exact,
            exact_share: (!compared.is_empty()).then(|| 100.0 * exact as f64 / compared.len() as f64),
            alpha: alpha::ordinal(&units),
        },
        indicators,
    }
}

/// How summaries name the assessor of a file: the names it lists, else the file's name.
pub fn assessor_name(assessment: &Assessment) -> String {
    let names: Vec<&str> = assessment.assessors().iter().map(|a| a.name.trim()).collect();
    if names.is_empty() {
        let path = std::path::Path::new(&assessment.origin);
        path.file_name()
            .map_or_else(|| assessment.origin.clone(), |n| n.to_string_lossy().into_owned())
    } else {
        names.join(", ")
    }
}

/// The lower median: the value at ⌊(m − 1) / 2⌋ of `m` sorted values.
pub fn lower_median<T: Copy>(sorted: &[T]) -> Option<T> {
    sorted.get(sorted.len().checked_sub(1)? / 2).copied()
}

/// A status more than half of the assessors gave, else the median level, else unanswered.
fn draft_answer(given: &[Given], median: Option<Number>) -> Given {
    let majority = [
        Status::NotApplicable,
        Status::NotEnoughInformation,
        Status::Unanswered,
        Status::OutOfScope,
    ]
    .into_iter()
    .find(|status| 2 * given.iter().filter(|g| g.status == *status).count() > given.len());
    match (majority, median) {
        (Some(status), _) => Given { status, level: None },
        (None, Some(level)) => Given {
            status: Status::Scored,
            level: Some(level),
        },
        (None, None) => Given {
            status: Status::Unanswered,
            level: None,
        },
    }
}
