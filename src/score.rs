//! Scoring: pure, deterministic arithmetic from a checklist and an assessment to a [`Scorecard`].
//!
//! The rules (also in `docs/scoring.md`):
//! - An indicator with a level scores `100 × (level − lowest) / (highest − lowest)` on its scale.
//! - Statuses: *scored*, *not-applicable*, *not-enough-information*, *unanswered*. The middle two
//!   are excluded from every aggregate. *Unanswered* is excluded under `missing: exclude` and
//!   scores 0 (and counts) under `missing: zero`.
//! - A section combines its children that have a score (its indicators, then its sub-sections,
//!   each with its weight) by its method: `weighted-mean` = Σ(w·s)/Σw, `mean` = Σs/n, `min` =
//!   the lowest. With no scored child the section has no score.
//! - The overall score combines the top-level sections by `scoring.method`.
//! - Band: the band with the highest `min` ≤ the unrounded score; no score, no band.
//! - Completeness: indicators with a level / (all indicators − not-applicable) × 100.
//! - Critical failure: a critical indicator scoring below its pass mark, unanswered, or
//!   not-enough-information. With `critical_cap`, an overall band above the cap drops to it.
//!
//! Every aggregate keeps a [`Trace`]: the children that counted with their weights and the ones
//! excluded with the reason, so a reader can recompute each number by hand. Nothing here reads
//! files, formats numbers or rounds.

use crate::model::checklist::{Indicator, Method, Missing, Section};
use crate::model::{AnswerStatus, Assessment, Checklist};
use serde::Serialize;

/// What became of one indicator.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Status {
    Scored,
    NotApplicable,
    NotEnoughInformation,
    Unanswered,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorResult {
    pub id: String,
    pub status: Status,
    pub level: Option<i64>,
    /// 0-100; `None` when the indicator is left out of the aggregates.
    pub score: Option<f64>,
    pub weight: f64,
    pub critical: bool,
    /// The pass mark that applies to this indicator.
    pub pass: f64,
    /// Whether this indicator is a critical failure.
    pub critical_failure: bool,
}

/// Whether a counted child is an indicator or a section.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum NodeKind {
    Indicator,
    Section,
}

/// A child that counted in an aggregate.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Term {
    pub id: String,
    pub kind: NodeKind,
    pub score: f64,
    pub weight: f64,
}

/// Why a child was left out of an aggregate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Exclusion {
    NotApplicable,
    NotEnoughInformation,
    Unanswered,
    /// A section none of whose children had a score.
    NoScore,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Excluded {
    pub id: String,
    pub kind: NodeKind,
    pub reason: Exclusion,
}

/// How one aggregate was computed.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Trace {
    pub method: Method,
    pub counted: Vec<Term>,
    pub excluded: Vec<Excluded>,
    pub score: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionResult {
    pub id: String,
    pub weight: f64,
    pub score: Option<f64>,
    /// Index into the checklist's bands.
    pub band: Option<usize>,
    pub trace: Trace,
    pub indicators: Vec<IndicatorResult>,
    pub sections: Vec<SectionResult>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    pub score: Option<f64>,
    /// Index into the checklist's bands, after the critical cap.
    pub band: Option<usize>,
    /// The band the score alone would give.
    pub uncapped_band: Option<usize>,
    /// Whether a critical failure lowered the band.
    pub capped: bool,
    pub trace: Trace,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct StatusCounts {
    pub total: usize,
    pub scored: usize,
    pub not_applicable: usize,
    pub not_enough_information: usize,
    pub unanswered: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    pub overall: Overall,
    /// Indicators with a level as a share of the applicable ones, 0-100.
    pub completeness: Option<f64>,
    /// Ids of critical indicators that failed, in checklist order.
    pub critical_failures: Vec<String>,
    pub counts: StatusCounts,
    pub sections: Vec<SectionResult>,
}

/// Scores an assessment against its checklist.
pub fn score(checklist: &Checklist, assessment: &Assessment) -> Scorecard {
    let sections: Vec<SectionResult> = checklist
        .sections()
        .iter()
        .map(|s| score_section(checklist, assessment, s))
        .collect();
    let trace = combine_sections(checklist.scoring().method, &sections);
    let indicators: Vec<&IndicatorResult> = sections.iter().flat_map(all_indicator_results).collect();
    let counts = count_statuses(&indicators);
    let critical_failures: Vec<String> = indicators
        .iter()
        .filter(|i| i.critical_failure)
        .map(|i| i.id.clone())
        .collect();
    let uncapped_band = band_for(checklist, trace.score);
    let band = match (uncapped_band, checklist.cap_band()) {
        (Some(band), Some(cap)) if band > cap && !critical_failures.is_empty() => Some(cap),
        _ => uncapped_band,
    };
    Scorecard {
        overall: Overall {
            score: trace.score,
            band,
            uncapped_band,
            capped: band != uncapped_band,
            trace,
        },
        completeness: completeness(&counts),
        critical_failures,
        counts,
        sections,
    }
}

fn score_section(checklist: &Checklist, assessment: &Assessment, section: &Section) -> SectionResult {
    let indicators: Vec<IndicatorResult> = section
        .indicators
        .iter()
        .map(|i| score_indicator(checklist, assessment, i))
        .collect();
    let sections: Vec<SectionResult> = section
        .sections
        .iter()
        .map(|s| score_section(checklist, assessment, s))
        .collect();
    let method = checklist.method_of(section);
    let mut trace = Trace {
        method,
        counted: Vec::new(),
        excluded: Vec::new(),
        score: None,
    };
    for indicator in &indicators {
        match (indicator.score, indicator.status) {
            (Some(score), _) => trace.counted.push(Term {
                id: indicator.id.clone(),
                kind: NodeKind::Indicator,
                score,
                weight: indicator.weight,
            }),
            (None, status) => trace.excluded.push(Excluded {
                id: indicator.id.clone(),
                kind: NodeKind::Indicator,
                reason: exclusion_for(status),
            }),
        }
    }
    add_sections(&mut trace, &sections);
    trace.score = combine(method, &trace.counted);
    SectionResult {
        id: section.id.clone(),
        weight: section.weight,
        score: trace.score,
        band: band_for(checklist, trace.score),
        trace,
        indicators,
        sections,
    }
}

fn score_indicator(checklist: &Checklist, assessment: &Assessment, indicator: &Indicator) -> IndicatorResult {
    let answer = assessment.answer(&indicator.id);
    let level = answer.and_then(|a| a.level);
    let status = match (level, answer.and_then(|a| a.status)) {
        (Some(_), _) => Status::Scored,
        (None, Some(AnswerStatus::NotApplicable)) => Status::NotApplicable,
        (None, Some(AnswerStatus::NotEnoughInformation)) => Status::NotEnoughInformation,
        (None, None) => Status::Unanswered,
    };
    let scale = checklist.scale_of(indicator);
    let score = match (level, status) {
        (Some(level), _) => Some(scale.position(level)),
        (None, Status::Unanswered) if checklist.scoring().missing == Missing::Zero => Some(0.0),
        _ => None,
    };
    let pass = checklist.pass_of(indicator);
    let critical_failure = indicator.critical
        && match status {
            Status::Scored => score.is_some_and(|s| s < pass),
            Status::Unanswered | Status::NotEnoughInformation => true,
            Status::NotApplicable => false,
        };
    IndicatorResult {
        id: indicator.id.clone(),
        status,
        level,
        score,
        weight: indicator.weight,
        critical: indicator.critical,
        pass,
        critical_failure,
    }
}

fn combine_sections(method: Method, sections: &[SectionResult]) -> Trace {
    let mut trace = Trace {
        method,
        counted: Vec::new(),
        excluded: Vec::new(),
        score: None,
    };
    add_sections(&mut trace, sections);
    trace.score = combine(method, &trace.counted);
    trace
}

fn add_sections(trace: &mut Trace, sections: &[SectionResult]) {
    for section in sections {
        match section.score {
            Some(score) => trace.counted.push(Term {
                id: section.id.clone(),
                kind: NodeKind::Section,
                score,
                weight: section.weight,
            }),
            None => trace.excluded.push(Excluded {
                id: section.id.clone(),
                kind: NodeKind::Section,
                reason: Exclusion::NoScore,
            }),
        }
    }
}

/// Combines the counted terms by `method`; `None` when there are none.
///
/// A mean lies between its lowest and highest term; the result is kept there, where floating
/// point rounding could otherwise step out (weights 0.7 and 0.2 of two scores of 100 would give
/// 100.00000000000001).
pub fn combine(method: Method, terms: &[Term]) -> Option<f64> {
    let lowest = terms.iter().map(|t| t.score).reduce(f64::min)?;
    let highest = terms.iter().map(|t| t.score).fold(lowest, f64::max);
    let result = match method {
        Method::WeightedMean => {
            // Weights scaled by a power of two, which changes no digit of the result, so that
            // huge weights (1e308) cannot overflow to infinity.
            let largest = terms.iter().map(|t| t.weight).fold(0.0, f64::max);
            let scale = if largest > 1.0 {
                2f64.powi(-(largest.log2().floor() as i32))
            } else {
                1.0
            };
            let weighted: f64 = terms.iter().map(|t| t.weight * scale * t.score).sum();
            let weights: f64 = terms.iter().map(|t| t.weight * scale).sum();
            weighted / weights
        }
        Method::Mean => terms.iter().map(|t| t.score).sum::<f64>() / terms.len() as f64,
        Method::Min => lowest,
    };
    Some(result.clamp(lowest, highest))
}

fn exclusion_for(status: Status) -> Exclusion {
    match status {
        Status::NotApplicable => Exclusion::NotApplicable,
        Status::NotEnoughInformation => Exclusion::NotEnoughInformation,
        Status::Unanswered | Status::Scored => Exclusion::Unanswered,
    }
}

/// The band with the highest `min` at or below the unrounded score.
pub fn band_for(checklist: &Checklist, score: Option<f64>) -> Option<usize> {
    let score = score?;
    checklist
        .scoring()
        .bands
        .iter()
        .rposition(|band| band.min <= score)
}

fn completeness(counts: &StatusCounts) -> Option<f64> {
    let applicable = counts.total - counts.not_applicable;
    (applicable > 0).then(|| 100.0 * counts.scored as f64 / applicable as f64)
}

fn count_statuses(indicators: &[&IndicatorResult]) -> StatusCounts {
    let mut counts = StatusCounts {
        total: indicators.len(),
        ..StatusCounts::default()
    };
    for indicator in indicators {
        match indicator.status {
            Status::Scored => counts.scored += 1,
            Status::NotApplicable => counts.not_applicable += 1,
            Status::NotEnoughInformation => counts.not_enough_information += 1,
            Status::Unanswered => counts.unanswered += 1,
        }
    }
    counts
}

/// Every indicator result under a section, depth first in checklist order.
pub fn all_indicator_results(section: &SectionResult) -> Vec<&IndicatorResult> {
    let mut out: Vec<&IndicatorResult> = section.indicators.iter().collect();
    for child in &section.sections {
        out.extend(all_indicator_results(child));
    }
    out
}
