//! Compliance: whether each indicator meets its pass mark, and the verdict for a set of them.
//!
//! Computed after scoring, from the finished [`Scorecard`]: [`Verdicts::of`] classifies every
//! indicator and gives the verdict of every section and of the whole assessment.
//!
//! The rules (also in `docs/scoring.md`):
//! - A critical failure (see [`crate::score`]) is a **major** non-conformity.
//! - Any other indicator with a score below its pass mark is a **minor** non-conformity.
//! - An indicator under a valid accepted exception is an **accepted risk**, not a
//!   non-conformity; a not-applicable one, and a non-critical one without a score, are neither.
//! - A set of indicators (a section with its sub-sections, or the whole checklist) is
//!   *compliant* without non-conformities, *compliant with minor non-conformities* with minor
//!   ones only, and *not compliant* with at least one major one; a set whose indicators are all
//!   not applicable is *not applicable*, and one wholly outside the assessment's scope *out of
//!   scope*: there is nothing in it to comply or not.

use crate::score::{IndicatorResult, Scorecard, SectionResult, Status, all_indicator_results};
use serde::Serialize;
use std::collections::HashMap;

/// What one indicator is for compliance.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Conformity {
    /// Scored at or above its pass mark.
    Conforming,
    /// A non-critical indicator scored below its pass mark.
    Minor,
    /// A critical failure.
    Major,
    /// Its deficiency is covered by a valid accepted exception.
    AcceptedRisk,
    NotApplicable,
    /// A non-critical indicator without a score: not enough information, or unanswered under
    /// `missing: exclude`.
    NotAssessed,
    /// Outside the scope the assessment chose.
    OutOfScope,
}

/// The verdict on a set of indicators.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    #[default]
    Compliant,
    /// Minor non-conformities only.
    MinorNonConformities,
    /// At least one major non-conformity.
    NotCompliant,
    /// Every indicator of the set is not applicable (or out of scope, some of them).
    NotApplicable,
    /// Every indicator of the set is out of the assessment's scope.
    OutOfScope,
}

/// The non-conformities of a set of indicators, and the verdict they give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Compliance {
    pub verdict: Verdict,
    pub major: usize,
    pub minor: usize,
    pub accepted_risks: usize,
}

/// Every indicator's conformity and every section's verdict, by id, and the overall verdict.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Verdicts {
    pub overall: Compliance,
    sections: HashMap<String, Compliance>,
    indicators: HashMap<String, Conformity>,
}

impl Verdicts {
    /// The verdicts of a scorecard.
    pub fn of(scorecard: &Scorecard) -> Verdicts {
        let mut verdicts = Verdicts::default();
        for section in &scorecard.sections {
            verdicts.section(section);
        }
        verdicts.overall = Compliance::of(verdicts.indicators.values().copied());
        verdicts
    }

    fn section(&mut self, section: &SectionResult) {
        for indicator in &section.indicators {
            self.indicators.insert(indicator.id.clone(), classify(indicator));
        }
        for child in &section.sections {
            self.section(child);
        }
        let compliance = Compliance::of(
            all_indicator_results(section)
                .into_iter()
                .map(|i| self.conformity(&i.id)),
        );
        self.sections.insert(section.id.clone(), compliance);
    }

    /// An indicator's conformity (`not-assessed` for an id the scorecard does not have).
    pub fn conformity(&self, indicator: &str) -> Conformity {
        self.indicators
            .get(indicator)
            .copied()
            .unwrap_or(Conformity::NotAssessed)
    }

    /// A section's verdict, over its indicators and its sub-sections'.
    pub fn section_compliance(&self, section: &str) -> Compliance {
        self.sections.get(section).copied().unwrap_or_default()
    }
}

/// Classifies one indicator from its scored result.
pub fn classify(result: &IndicatorResult) -> Conformity {
    if result.excepted() {
        return Conformity::AcceptedRisk;
    }
    if result.critical_failure {
        return Conformity::Major;
    }
    match (result.status, result.score) {
        (Status::NotApplicable, _) => Conformity::NotApplicable,
        (Status::OutOfScope, _) => Conformity::OutOfScope,
        (_, Some(score)) if score < result.pass => Conformity::Minor,
        (_, Some(_)) => Conformity::Conforming,
        (_, None) => Conformity::NotAssessed,
    }
}

impl Compliance {
    /// Counts the non-conformities among `conformities` and gives the verdict.
    pub fn of(conformities: impl IntoIterator<Item = Conformity>) -> Compliance {
        let mut compliance = Compliance::default();
        let (mut any, mut applicable, mut in_scope) = (false, false, false);
        for conformity in conformities {
            any = true;
            applicable |= !matches!(conformity, Conformity::NotApplicable | Conformity::OutOfScope);
            in_scope |= conformity != Conformity::OutOfScope;
            match conformity {
                Conformity::Major => compliance.major += 1,
                Conformity::Minor => compliance.minor += 1,
                Conformity::AcceptedRisk => compliance.accepted_risks += 1,
                _ => {}
            }
        }
        compliance.verdict = match (compliance.major, compliance.minor) {
            _ if any && !in_scope => Verdict::OutOfScope,
            _ if any && !applicable => Verdict::NotApplicable,
            (0, 0) => Verdict::Compliant,
            (0, _) => Verdict::MinorNonConformities,
            _ => Verdict::NotCompliant,
        };
        compliance
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn verdict(conformities: &[Conformity]) -> Verdict {
        Compliance::of(conformities.iter().copied()).verdict
    }

    #[test]
    fn a_set_with_nothing_applicable_or_in_scope_says_so() {
        use Conformity::*;
        assert_eq!(verdict(&[NotApplicable, NotApplicable]), Verdict::NotApplicable);
        assert_eq!(verdict(&[NotApplicable, OutOfScope]), Verdict::NotApplicable);
        assert_eq!(verdict(&[OutOfScope, OutOfScope]), Verdict::OutOfScope);
        // one indicator to judge is enough for the usual verdicts
        assert_eq!(verdict(&[NotApplicable, Conforming]), Verdict::Compliant);
        assert_eq!(verdict(&[OutOfScope, Minor]), Verdict::MinorNonConformities);
        assert_eq!(verdict(&[NotApplicable, NotAssessed]), Verdict::Compliant);
        assert_eq!(verdict(&[]), Verdict::Compliant);
    }
}
