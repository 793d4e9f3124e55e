//! Gaps: the indicators below their target (and the critical failures), how far they are from
//! it, what the next level asks, and the order of priority.

use super::target::{ResolvedTarget, resolve};
use super::{Action, NOISE, PlanInput};
use crate::model::criteria::CriteriaRule;
use crate::model::{ActionStatus, Indicator, Number, Scale};
use crate::score::{IndicatorResult, Status, all_indicator_results};
use serde::Serialize;
use std::cmp::Reverse;

/// One indicator below its target.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Gap {
    pub indicator: String,
    pub critical_failure: bool,
    /// Under an accepted exception in force: below its target, but not a failure.
    pub accepted_risk: bool,
    pub status: Status,
    /// The level scored (scale and criteria indicators).
    pub level: Option<Number>,
    /// The value scored (number indicators).
    pub value: Option<Number>,
    pub score: Option<f64>,
    pub target: ResolvedTarget,
    pub weight: f64,
    /// The target's score minus the current score (0 without one), in points; never below 0.
    pub distance: f64,
    /// `weight × distance`.
    pub priority: f64,
    /// What the next level asks; `None` without a current level or value, or at the top.
    pub next: Option<NextStep>,
    /// Whether an action that is not dropped addresses the indicator.
    pub addressed: bool,
}

/// What it takes to reach the next level.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum NextStep {
    /// The next level of the scale; its description says what it takes.
    Level { level: Number },
    /// The next level a criteria indicator's rules give, by the rule that needs the fewest
    /// criteria more: the criteria it names that are not met, and how many more of the others.
    Criteria {
        level: Number,
        /// The index of the rule in `levels_from_criteria`.
        rule: usize,
        missing: Vec<String>,
        more: usize,
        /// The unmet criteria the rule does not name, from which the `more` come.
        others: Vec<String>,
    },
    /// The nearest point of a number indicator's function that gives more points.
    Points { at: Number, points: Number },
}

/// Every gap, in priority order.
pub(super) fn gaps(input: &PlanInput, actions: &[Action]) -> Vec<Gap> {
    let indicators = input.checklist.indicators();
    let results = input.scorecard.sections.iter().flat_map(all_indicator_results);
    let mut gaps: Vec<(usize, Gap)> = indicators
        .into_iter()
        .zip(results)
        .enumerate()
        .filter_map(|(i, (indicator, result))| Some((i, gap(input, indicator, result, actions)?)))
        .collect();
    gaps.sort_by_key(|(i, g)| (!g.critical_failure, Reverse(six_decimals(g.priority)), *i));
    gaps.into_iter().map(|(_, g)| g).collect()
}

/// The priority compared to six decimals, so that noise in the last place never reorders.
fn six_decimals(priority: f64) -> i64 {
    (priority * 1e6).round() as i64
}

fn gap(
    input: &PlanInput,
    indicator: &Indicator,
    result: &IndicatorResult,
    actions: &[Action],
) -> Option<Gap> {
    if result.status == Status::NotApplicable {
        return None;
    }
    let answer = input.assessment.answer(&indicator.id);
    let target = resolve(
        input.checklist,
        indicator,
        answer.and_then(|a| a.target.as_deref()),
        result,
    );
    let distance = (target.score - result.score.unwrap_or(0.0)).max(0.0);
    let below = result.score.is_some() && distance > NOISE;
    if !(below || result.critical_failure) {
        return None;
    }
    Some(Gap {
        indicator: indicator.id.clone(),
        critical_failure: result.critical_failure,
        accepted_risk: result.excepted(),
        status: result.status,
        level: result.level,
        value: result.value,
        score: result.score,
        weight: indicator.weight,
        distance,
        priority: indicator.weight * distance,
        next: next_step(input, indicator, result),
        addressed: actions
            .iter()
            .any(|a| a.entry.status != ActionStatus::Dropped && a.entry.indicators.contains(&indicator.id)),
        target,
    })
}

fn next_step(input: &PlanInput, indicator: &Indicator, result: &IndicatorResult) -> Option<NextStep> {
    let Some(scale) = input.checklist.scale_of(indicator) else {
        return next_point(indicator, result.value?, result.points?);
    };
    let level = result.level?;
    match result.criteria_met.as_deref() {
        Some(met) if !indicator.criteria.is_empty() => next_criteria(indicator, scale, level, met),
        _ => scale
            .levels
            .iter()
            .find(|l| l.value > level)
            .map(|l| NextStep::Level { level: l.value }),
    }
}

/// The lowest level above `level` that a rule gives, by the rule needing the fewest criteria
/// more (the first on a tie).
fn next_criteria(indicator: &Indicator, scale: &Scale, level: Number, met: &[String]) -> Option<NextStep> {
    let rules: Vec<(usize, &CriteriaRule, Number)> = indicator
        .levels_from_criteria
        .iter()
        .enumerate()
        .filter_map(|(i, rule)| Some((i, rule, scale.resolve(&rule.level)?.value)))
        .filter(|(_, _, value)| *value > level)
        .collect();
    let next = rules.iter().map(|(_, _, value)| *value).min()?;
    rules
        .into_iter()
        .filter(|(_, _, value)| *value == next)
        .map(|(i, rule, value)| {
            let mut missing: Vec<String> = Vec::new();
            for id in rule.named().filter(|id| !met.contains(id)) {
                if !missing.contains(id) {
                    missing.push(id.clone());
                }
            }
            let more = rule.count.saturating_sub(met.len() + missing.len());
            let others = indicator
                .criteria
                .iter()
                .map(|c| &c.id)
                .filter(|id| !met.contains(id) && !missing.contains(id))
                .cloned()
                .collect::<Vec<_>>();
            NextStep::Criteria {
                level: value,
                rule: i,
                more,
                others: if more > 0 { others } else { Vec::new() },
                missing,
            }
        })
        .min_by_key(|step| match step {
            NextStep::Criteria { missing, more, .. } => missing.len() + more,
            _ => usize::MAX,
        })
}

/// The corner of the points function with the fewest points above the current ones (the one
/// nearest the current value on a tie).
fn next_point(indicator: &Indicator, value: Number, points: Number) -> Option<NextStep> {
    indicator
        .points
        .iter()
        .filter(|p| p.points > points)
        .min_by_key(|p| (p.points, p.at.minus(value).abs()))
        .map(|p| NextStep::Points {
            at: p.at,
            points: p.points,
        })
}
