//! The risk and maturity matrix, as IntoSAINT draws it: the indicators the checklist rates for
//! impact, by impact and current level, one matrix per scale.

use super::PlanInput;
use crate::model::{Number, Rating};
use crate::score::{Status, all_indicator_results};
use serde::Serialize;

/// The impact-rated indicators of one scale.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Matrix {
    pub scale: String,
    /// Every cell, high impact first, and in each impact by level, lowest first, then the
    /// indicators without a level: the order of risk, the first cell the most urgent.
    pub cells: Vec<MatrixCell>,
}

/// The indicators of one impact at one level.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MatrixCell {
    pub impact: Rating,
    /// `None`: no level (unanswered, not enough information).
    pub level: Option<Number>,
    /// In checklist order.
    pub indicators: Vec<String>,
}

/// The matrices, in the order the checklist first uses their scales; not-applicable,
/// out-of-scope and number indicators are left out.
pub(super) fn matrices(input: &PlanInput) -> Vec<Matrix> {
    let rated: Vec<(&str, Rating, Option<Number>, &str)> = input
        .checklist
        .indicators()
        .into_iter()
        .zip(input.scorecard.sections.iter().flat_map(all_indicator_results))
        .filter(|(_, result)| !matches!(result.status, Status::NotApplicable | Status::OutOfScope))
        .filter_map(|(indicator, result)| {
            Some((
                indicator
                    .scale
                    .as_deref()
                    .filter(|_| input.checklist.scale_of(indicator).is_some())?,
                indicator.impact?,
                result.level,
                indicator.id.as_str(),
            ))
        })
        .collect();
    let mut scales: Vec<&str> = Vec::new();
    for (scale, ..) in &rated {
        if !scales.contains(scale) {
            scales.push(scale);
        }
    }
    scales
        .into_iter()
        .map(|name| {
            let scale = input.checklist.scales().find(|(n, _)| *n == name).map(|(_, s)| s);
            let levels: Vec<Option<Number>> = scale
                .into_iter()
                .flat_map(|s| s.levels.iter().map(|l| Some(l.value)))
                .chain([None])
                .collect();
            let cells = [Rating::High, Rating::Medium, Rating::Low]
                .into_iter()
                .flat_map(|impact| levels.iter().map(move |level| (impact, *level)))
                .map(|(impact, level)| MatrixCell {
                    impact,
                    level,
                    indicators: rated
                        .iter()
                        .filter(|(s, i, l, _)| *s == name && *i == impact && *l == level)
                        .map(|(.., id)| (*id).to_owned())
                        .collect(),
                })
                .collect();
            Matrix {
                scale: name.to_owned(),
                cells,
            }
        })
        .collect()
}
