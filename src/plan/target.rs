//! Targets: the level an indicator should reach, from the answer, the checklist or the pass
//! mark, with the score it gives.

use crate::model::points::{points_at, points_score};
use crate::model::{Checklist, Date, Indicator, Number, Target};
use crate::score::IndicatorResult;
use serde::Serialize;

/// Where a target comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TargetSource {
    /// The answer's `target`.
    Answer,
    /// The checklist indicator's `target`.
    Checklist,
    /// Neither gives one: the pass mark.
    PassMark,
}

/// A target as the plan uses it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ResolvedTarget {
    pub source: TargetSource,
    /// The level to reach, on a scale or criteria indicator.
    pub level: Option<Number>,
    /// The value to reach, on a number indicator with a target value.
    pub value: Option<Number>,
    /// The 0-100 score the target gives.
    pub score: f64,
    pub by: Option<Date>,
}

/// The target of an indicator, for its result in this assessment.
pub fn resolve(
    checklist: &Checklist,
    indicator: &Indicator,
    answer_target: Option<&Target>,
    result: &IndicatorResult,
) -> ResolvedTarget {
    let given = answer_target
        .map(|t| (TargetSource::Answer, t))
        .or_else(|| indicator.target.as_ref().map(|t| (TargetSource::Checklist, t)));
    let scale = checklist.scale_of(indicator);
    match (given, scale) {
        (Some((source, target)), Some(scale)) => {
            let level = target
                .level
                .as_ref()
                .and_then(|l| scale.resolve(l))
                .map(|l| l.value);
            ResolvedTarget {
                source,
                score: level.map_or(result.pass, |l| scale.position(l)),
                level,
                value: None,
                by: target.by,
            }
        }
        (Some((source, target)), None) => ResolvedTarget {
            source,
            score: target.value.map_or(result.pass, |v| {
                points_score(&indicator.points, points_at(&indicator.points, v))
            }),
            level: None,
            value: target.value,
            by: target.by,
        },
        (None, scale) => {
            let level = scale.and_then(|s| {
                s.levels
                    .iter()
                    .find(|l| s.position(l.value) >= result.pass)
                    .map(|l| l.value)
            });
            ResolvedTarget {
                source: TargetSource::PassMark,
                score: level.zip(scale).map_or(result.pass, |(l, s)| s.position(l)),
                level,
                value: None,
                by: None,
            }
        }
    }
}
