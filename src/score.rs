//! Scoring: pure, deterministic arithmetic from a checklist and an assessment to a [`Scorecard`].
//!
//! The rules (also in `docs/scoring.md`):
//! - Basis: under the **verified** basis (the default) an answer with an auditor's `review`
//!   is scored at the reviewed level, whatever its own state; under the **self** basis every
//!   answer is scored as the organisation gave it. Reviews change nothing else.
//! - An indicator with a level scores `100 × (level − lowest) / (highest − lowest)` on its scale.
//! - Statuses: *scored*, *not-applicable*, *not-enough-information*, *unanswered*. The middle two
//!   are excluded from every aggregate. *Unanswered* is excluded under `missing: exclude` and
//!   scores 0 (and counts) under `missing: zero`.
//! - Exceptions: an answer's accepted `exception` that has not expired on the assessment date
//!   (it applies up to and including `expires`) excludes the indicator from every aggregate
//!   (reason `accepted-exception`), and the indicator is neither a critical failure nor a
//!   non-conformity. An expired exception changes nothing. The overall result is also computed
//!   with every exception ignored ([`Scorecard::without_exceptions`]).
//! - A section combines its children that have a score (its indicators, then its sub-sections,
//!   each with its weight) by its method: `weighted-mean` = Σ(w·s)/Σw, `mean` = Σs/n, `min` =
//!   the lowest. With no scored child the section has no score.
//! - The overall score combines the top-level sections by `scoring.method`.
//! - Band: the band with the highest `min` ≤ the unrounded score; no score, no band.
//! - Completeness: indicators with a level / (all indicators − not-applicable) × 100.
//! - Critical failure: a critical indicator scoring below its pass mark, unanswered, or
//!   not-enough-information. With `critical_cap`, an overall band above the cap drops to it.
//! - Compliance ([`crate::compliance`]): a critical failure is a major non-conformity, any other
//!   score below its pass mark a minor one; per section (with its sub-sections) and overall.
//! - Evidence freshness ([`crate::freshness`]) is flagged alongside and never changes a score.
//!
//! Every aggregate keeps a [`Trace`]: the children that counted with their weights and the ones
//! excluded with the reason, so a reader can recompute each number by hand. Nothing here reads
//! files, formats numbers or rounds.

use crate::compliance::{self, Compliance, Conformity};
use crate::freshness::{self, EvidenceFlag};
use crate::model::checklist::{Indicator, Method, Missing, Section};
use crate::model::{AnswerStatus, Assessment, Checklist, ExceptionState};
use serde::Serialize;

/// Which level scores an answer that an auditor reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub enum Basis {
    /// The organisation's own levels; reviews are shown but not scored.
    #[serde(rename = "self")]
    SelfAssessed,
    /// The auditor's level where an answer was reviewed, else the organisation's.
    #[default]
    #[serde(rename = "verified")]
    Verified,
}

/// How to score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ScoreOptions {
    pub basis: Basis,
}

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
    /// The state of the answer on the chosen basis.
    pub status: Status,
    /// The level scored: the reviewed level under the verified basis, else the answer's own.
    pub level: Option<i64>,
    /// 0-100 from `level` (or 0 for an unanswered indicator under `missing: zero`); `None`
    /// without a level. An indicator under an accepted exception keeps its score here but is
    /// excluded from the aggregates.
    pub score: Option<f64>,
    pub weight: f64,
    pub critical: bool,
    /// The pass mark that applies to this indicator.
    pub pass: f64,
    /// Whether this indicator is a critical failure.
    pub critical_failure: bool,
    /// The level the organisation gave.
    pub self_level: Option<i64>,
    /// The level the auditor found, when the answer was reviewed.
    pub verified_level: Option<i64>,
    /// The answer's accepted exception as seen on the assessment date.
    pub exception: Option<ExceptionState>,
    /// Whether it meets its pass mark, and how serious it is if not.
    pub conformity: Conformity,
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
    /// An accepted exception that has not expired on the assessment date.
    AcceptedException,
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
    /// The non-conformities of its indicators and of its sub-sections'.
    pub compliance: Compliance,
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
    /// The levels the scores are computed from.
    pub basis: Basis,
    pub overall: Overall,
    /// The overall result with every accepted exception ignored; `None` when no exception
    /// applies (it would equal `overall`).
    pub without_exceptions: Option<Overall>,
    /// Indicators with a level as a share of the applicable ones, 0-100.
    pub completeness: Option<f64>,
    /// Ids of critical indicators that failed, in checklist order.
    pub critical_failures: Vec<String>,
    pub counts: StatusCounts,
    /// The non-conformities of every indicator.
    pub compliance: Compliance,
    pub sections: Vec<SectionResult>,
    /// Evidence that is too old or missing, in checklist order.
    pub evidence_flags: Vec<EvidenceFlag>,
}

/// Whether accepted exceptions take their indicators out of the scores, in one scoring pass.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Exceptions {
    Applied,
    Ignored,
}

/// One scoring pass over the checklist.
struct Scorer<'a> {
    checklist: &'a Checklist,
    assessment: &'a Assessment,
    basis: Basis,
    exceptions: Exceptions,
}

/// Scores an assessment against its checklist on the verified basis.
pub fn score(checklist: &Checklist, assessment: &Assessment) -> Scorecard {
    score_with(checklist, assessment, &ScoreOptions::default())
}

/// Scores an assessment against its checklist with the given options.
pub fn score_with(checklist: &Checklist, assessment: &Assessment, options: &ScoreOptions) -> Scorecard {
    let scorer = |exceptions| Scorer {
        checklist,
        assessment,
        basis: options.basis,
        exceptions,
    };
    let sections = scorer(Exceptions::Applied).sections(checklist.sections());
    let indicators: Vec<&IndicatorResult> = sections.iter().flat_map(all_indicator_results).collect();
    let (overall, critical_failures) = overall_of(checklist, &sections);
    let any_exception_applies = indicators
        .iter()
        .any(|i| i.exception.is_some_and(ExceptionState::applies));
    let without_exceptions = any_exception_applies.then(|| {
        let sections = scorer(Exceptions::Ignored).sections(checklist.sections());
        overall_of(checklist, &sections).0
    });
    let counts = count_statuses(&indicators);
    Scorecard {
        basis: options.basis,
        overall,
        without_exceptions,
        completeness: completeness(&counts),
        critical_failures,
        counts,
        compliance: Compliance::of(indicators.iter().map(|i| i.conformity)),
        evidence_flags: freshness::check(checklist, assessment, &indicators),
        sections,
    }
}

/// The overall result of scored top-level sections, and the critical failures under them.
fn overall_of(checklist: &Checklist, sections: &[SectionResult]) -> (Overall, Vec<String>) {
    let trace = combine_sections(checklist.scoring().method, sections);
    let critical_failures: Vec<String> = sections
        .iter()
        .flat_map(all_indicator_results)
        .filter(|i| i.critical_failure)
        .map(|i| i.id.clone())
        .collect();
    let uncapped_band = band_for(checklist, trace.score);
    let band = match (uncapped_band, checklist.cap_band()) {
        (Some(band), Some(cap)) if band > cap && !critical_failures.is_empty() => Some(cap),
        _ => uncapped_band,
    };
    let overall = Overall {
        score: trace.score,
        band,
        uncapped_band,
        capped: band != uncapped_band,
        trace,
    };
    (overall, critical_failures)
}

impl Scorer<'_> {
    fn sections(&self, sections: &[Section]) -> Vec<SectionResult> {
        sections.iter().map(|s| self.section(s)).collect()
    }

    fn section(&self, section: &Section) -> SectionResult {
        let checklist = self.checklist;
        let indicators: Vec<IndicatorResult> = section.indicators.iter().map(|i| self.indicator(i)).collect();
        let sections = self.sections(&section.sections);
        let method = checklist.method_of(section);
        let mut trace = Trace {
            method,
            counted: Vec::new(),
            excluded: Vec::new(),
            score: None,
        };
        for indicator in &indicators {
            let excepted = indicator.conformity == Conformity::AcceptedRisk;
            match indicator.score.filter(|_| !excepted) {
                Some(score) => trace.counted.push(Term {
                    id: indicator.id.clone(),
                    kind: NodeKind::Indicator,
                    score,
                    weight: indicator.weight,
                }),
                None => trace.excluded.push(Excluded {
                    id: indicator.id.clone(),
                    kind: NodeKind::Indicator,
                    reason: if excepted {
                        Exclusion::AcceptedException
                    } else {
                        exclusion_for(indicator.status)
                    },
                }),
            }
        }
        add_sections(&mut trace, &sections);
        trace.score = combine(method, &trace.counted);
        let compliance = Compliance::of(
            indicators
                .iter()
                .chain(sections.iter().flat_map(all_indicator_results))
                .map(|i| i.conformity),
        );
        SectionResult {
            id: section.id.clone(),
            weight: section.weight,
            score: trace.score,
            band: band_for(checklist, trace.score),
            trace,
            compliance,
            indicators,
            sections,
        }
    }

    fn indicator(&self, indicator: &Indicator) -> IndicatorResult {
        let checklist = self.checklist;
        let answer = self.assessment.answer(&indicator.id);
        let self_level = answer.and_then(|a| a.level);
        let verified_level = answer.and_then(|a| a.review.as_ref()).map(|r| r.level);
        let level = match self.basis {
            Basis::Verified => verified_level.or(self_level),
            Basis::SelfAssessed => self_level,
        };
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
        let exception = answer
            .and_then(|a| a.exception.as_ref())
            .map(|e| e.state_on(self.assessment.assessed_on()));
        let excepted =
            self.exceptions == Exceptions::Applied && exception.is_some_and(ExceptionState::applies);
        let pass = checklist.pass_of(indicator);
        let critical_failure = indicator.critical
            && !excepted
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
            self_level,
            verified_level,
            exception,
            conformity: compliance::classify(status, score, pass, critical_failure, excepted),
        }
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
