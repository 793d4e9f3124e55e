//! Scoring: pure, deterministic arithmetic from a checklist and an assessment to a [`Scorecard`].
//!
//! The rules (also in `docs/scoring.md`):
//! - Basis: under the **verified** basis (the default) an answer with an auditor's `review`
//!   is scored as reviewed, whatever its own state; under the **self** basis every answer is
//!   scored as the organisation gave it. Reviews change nothing else.
//! - An indicator with a level scores `100 × (level − lowest) / (highest − lowest)` on its scale;
//!   a criteria indicator's level is the one its ticked criteria give ([`indicator`]); a number
//!   indicator scores its points' position between the lowest and highest points.
//! - Scope: an indicator outside the scope the answers chose is *out-of-scope*, whatever its
//!   answer: excluded from every aggregate and from completeness, never a critical failure.
//! - Statuses: *scored*, *not-applicable*, *not-enough-information*, *unanswered*. The middle two
//!   are excluded from every aggregate, except that under `not_enough_information: lowest` the
//!   third counts at the lowest level, flagged. *Unanswered* is excluded under `missing: exclude`
//!   and scores 0 (the lowest level or points, and counts) under `missing: zero`.
//! - Exceptions: an answer's accepted `exception` that has not expired on the assessment date
//!   (it applies up to and including `expires`) excludes the indicator from every aggregate
//!   (reason `accepted-exception`), and the indicator is not a critical failure. An expired
//!   exception changes nothing. The overall result is also computed with every exception
//!   ignored ([`Scorecard::without_exceptions`]).
//! - A section combines its children that have a score (its indicators and sub-sections in the
//!   checklist's order, each with its weight; a `pool: true` sub-section's own children instead
//!   of it, their weights times its weight) by its method ([`methods`]). With no scored child
//!   the section has no score; under `method: none` it has none by design.
//! - An assessable section whose own answer has a score takes that score; its children are
//!   scored and shown but do not count. Without a scored own answer, its children combine as
//!   usual. Pooled into its parent, its own answer counts there beside its children.
//! - The overall score combines the top-level sections by `scoring.method`.
//! - Rounding: with `scoring.rounding`, each aggregate of scores is rounded before its band and
//!   its display, and each sum before its table or ranges; parents combine unrounded scores.
//! - Band: the band with the highest `min` ≤ the (rounded) score; no score, no band.
//! - Completeness: indicators with a level / (all indicators − not-applicable − out-of-scope)
//!   × 100, for the whole assessment and for each section with its sub-sections.
//! - Conclusion: a section, or the whole assessment, is *conclusive* when its completeness is at
//!   least `scoring.min_completeness` (default 50); an inconclusive one keeps its score, but the
//!   reports give it no band and no compliance verdict ("not enough answered to conclude").
//! - Critical failure: a critical indicator scoring below its pass mark, unanswered, or
//!   not-enough-information. With `critical_cap`, an overall band above the cap drops to it.
//!
//! The compliance verdicts ([`crate::compliance`]) and the evidence flags ([`crate::freshness`])
//! are computed afterwards, from the finished scorecard; this module knows neither.
//!
//! Every aggregate keeps a [`Trace`]: the children that counted with their weights (and values),
//! the ones excluded with the reason, and the method's steps, so a reader can recompute each
//! number by hand. Nothing here reads files or formats numbers.

mod indicator;
pub mod methods;
mod section;
mod summary;
pub mod trace;

use crate::model::grades::GradeResult;
use crate::model::{Assessment, Checklist, ExceptionState, Number, Slot};
use serde::Serialize;
pub use trace::{Calculation, Excluded, Exclusion, NodeKind, Term, Trace};

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
    /// Outside the scope the answers chose.
    OutOfScope,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorResult {
    pub id: String,
    /// The state of the answer on the chosen basis.
    pub status: Status,
    /// The level scored (on a scale or criteria indicator): the reviewed one under the verified
    /// basis, else the answer's own.
    pub level: Option<Number>,
    /// 0-100 from the level or the points (or 0 when counted at the bottom: unanswered under
    /// `missing: zero`, not enough information under `not_enough_information: lowest`); `None`
    /// otherwise. An indicator under an accepted exception keeps its score here but is excluded
    /// from the aggregates.
    pub score: Option<f64>,
    pub weight: f64,
    pub critical: bool,
    /// The pass mark that applies to this indicator.
    pub pass: f64,
    /// Whether this indicator is a critical failure.
    pub critical_failure: bool,
    /// The level the organisation gave.
    pub self_level: Option<Number>,
    /// The level the auditor found, when the answer was reviewed.
    pub verified_level: Option<Number>,
    /// The answer's accepted exception as seen on the assessment date.
    pub exception: Option<ExceptionState>,
    /// A number indicator's quantity on the chosen basis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    /// A number indicator's points: from its value, or the lowest when counted at the bottom.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub points: Option<Number>,
    /// A criteria indicator's criteria met, on the chosen basis.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria_met: Option<Vec<String>>,
    /// The index of the `levels_from_criteria` rule that gave the level.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria_rule: Option<usize>,
    /// Counted at the lowest level because of `not_enough_information: lowest` (PEFA's D*).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub scored_as_lowest: bool,
    /// The value `weakest-link`, `table` and `sum` combine: the level, or the points.
    #[serde(skip)]
    pub method_value: Option<Number>,
    /// The code of that value's level, on a scale with codes.
    #[serde(skip)]
    pub code: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionResult {
    pub id: String,
    pub weight: f64,
    /// The 0-100 score, unrounded.
    pub score: Option<f64>,
    /// The score after `rounding` (methods that combine scores only).
    pub rounded: Option<f64>,
    /// The value a value method gave (a grade value, a range's value, a sum).
    pub value: Option<Number>,
    /// The grade, for a section with `grade:`.
    pub grade: Option<GradeResult>,
    /// Whether its children combine directly in its parent.
    pub pool: bool,
    /// Index into the checklist's bands.
    pub band: Option<usize>,
    /// Whether every indicator under it is out of scope.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub out_of_scope: bool,
    pub trace: Trace,
    /// Its indicators and its sub-sections' by status.
    pub counts: StatusCounts,
    /// Indicators with a level as a share of the applicable ones, 0-100.
    pub completeness: Option<f64>,
    /// Whether enough was answered to conclude: completeness at least `scoring.min_completeness`.
    pub conclusive: bool,
    /// An assessable section's own answer.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub own: Option<IndicatorResult>,
    pub indicators: Vec<IndicatorResult>,
    pub sections: Vec<SectionResult>,
    /// Its children's order (the checklist section's layout).
    #[serde(skip)]
    pub layout: Vec<Slot>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Overall {
    pub score: Option<f64>,
    /// The score after `rounding`.
    pub rounded: Option<f64>,
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
    #[serde(skip_serializing_if = "is_zero")]
    pub out_of_scope: usize,
}

impl StatusCounts {
    /// The indicators that count towards completeness: neither not applicable nor out of scope.
    pub fn applicable(&self) -> usize {
        self.total - self.not_applicable - self.out_of_scope
    }

    /// The indicators the assessment answers for: every one but those out of its scope. An
    /// auditor's "10 of 33" counts these.
    pub fn in_scope(&self) -> usize {
        self.total - self.out_of_scope
    }
}

fn is_zero(count: &usize) -> bool {
    *count == 0
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
    /// Whether enough was answered to conclude: completeness at least `scoring.min_completeness`.
    pub conclusive: bool,
    /// Ids of critical indicators that failed, in checklist order.
    pub critical_failures: Vec<String>,
    pub counts: StatusCounts,
    pub sections: Vec<SectionResult>,
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
    let applied = scorer(Exceptions::Applied);
    let sections = applied.sections(checklist.sections());
    let indicators: Vec<&IndicatorResult> = sections.iter().flat_map(all_indicator_results).collect();
    let overall = applied.overall(&sections);
    let any_exception_applies = indicators
        .iter()
        .any(|i| i.exception.is_some_and(ExceptionState::applies));
    let without_exceptions = any_exception_applies.then(|| {
        let ignored = scorer(Exceptions::Ignored);
        ignored.overall(&ignored.sections(checklist.sections()))
    });
    let counts = count_statuses(&indicators);
    let completeness = completeness(&counts);
    Scorecard {
        basis: options.basis,
        overall,
        without_exceptions,
        completeness,
        conclusive: conclusive(checklist, completeness),
        critical_failures: indicators
            .iter()
            .filter(|i| i.critical_failure)
            .map(|i| i.id.clone())
            .collect(),
        counts,
        sections,
    }
}

impl Scorer<'_> {
    /// The overall result of scored top-level sections, with the critical cap.
    fn overall(&self, sections: &[SectionResult]) -> Overall {
        let checklist = self.checklist;
        let layout: Vec<Slot> = (0..sections.len()).map(Slot::Section).collect();
        let children = section::Children {
            layout: &layout,
            indicators: &[],
            sections,
        };
        let rules = methods::Rules {
            rounding: checklist.scoring().rounding,
            ..methods::Rules::default()
        };
        let trace = self
            .combine(checklist.scoring().method.clone(), children, &rules)
            .0;
        let critical_failure = sections
            .iter()
            .flat_map(all_indicator_results)
            .any(|i| i.critical_failure);
        let uncapped_band = band_for(checklist, trace.rounded.or(trace.score));
        let band = match (uncapped_band, checklist.cap_band()) {
            (Some(band), Some(cap)) if band > cap && critical_failure => Some(cap),
            _ => uncapped_band,
        };
        Overall {
            score: trace.score,
            rounded: trace.rounded,
            band,
            uncapped_band,
            capped: band != uncapped_band,
            trace,
        }
    }
}

/// The band with the highest `min` at or below the score (the rounded score where the
/// checklist rounds).
pub fn band_for(checklist: &Checklist, score: Option<f64>) -> Option<usize> {
    let score = score?;
    checklist
        .scoring()
        .bands
        .iter()
        .rposition(|band| band.min <= score)
}

fn completeness(counts: &StatusCounts) -> Option<f64> {
    let applicable = counts.applicable();
    (applicable > 0).then(|| 100.0 * counts.scored as f64 / applicable as f64)
}

/// Whether `completeness` reaches the checklist's `min_completeness`; never without a completeness.
fn conclusive(checklist: &Checklist, completeness: Option<f64>) -> bool {
    completeness.is_some_and(|c| c >= checklist.scoring().min_completeness)
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
            Status::OutOfScope => counts.out_of_scope += 1,
        }
    }
    counts
}

/// Every indicator result under a section, depth first in checklist order (an assessable
/// section's own answer first).
pub fn all_indicator_results(section: &SectionResult) -> Vec<&IndicatorResult> {
    let mut out: Vec<&IndicatorResult> = section.own.iter().collect();
    for slot in &section.layout {
        match *slot {
            Slot::Indicator(i) => out.push(&section.indicators[i]),
            Slot::Section(i) => out.extend(all_indicator_results(&section.sections[i])),
            Slot::Info(_) => {}
        }
    }
    out
}

impl IndicatorResult {
    /// Whether an accepted exception in force takes it out of the aggregates.
    pub fn excepted(&self) -> bool {
        self.exception.is_some_and(ExceptionState::applies)
    }
}
