//! Compliance: whether each indicator meets its pass mark, and the verdict for a set of them.
//!
//! The rules (also in `docs/scoring.md`):
//! - A critical failure (see [`crate::score`]) is a **major** non-conformity.
//! - Any other indicator with a score below its pass mark is a **minor** non-conformity.
//! - An indicator under a valid accepted exception is an **accepted risk**, not a
//!   non-conformity; a not-applicable one, and a non-critical one without a score, are neither.
//! - A set of indicators (a section with its sub-sections, or the whole checklist) is
//!   *compliant* without non-conformities, *compliant with minor non-conformities* with minor
//!   ones only, and *not compliant* with at least one major one.

use crate::score::Status;
use serde::Serialize;

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
}

/// The non-conformities of a set of indicators, and the verdict they give.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
pub struct Compliance {
    pub verdict: Verdict,
    pub major: usize,
    pub minor: usize,
    pub accepted_risks: usize,
}

/// Classifies one indicator from its scored result. `excepted` is whether a valid exception
/// covers it.
pub fn classify(
    status: Status,
    score: Option<f64>,
    pass: f64,
    critical_failure: bool,
    excepted: bool,
) -> Conformity {
    if excepted {
        return Conformity::AcceptedRisk;
    }
    if critical_failure {
        return Conformity::Major;
    }
    match (status, score) {
        (Status::NotApplicable, _) => Conformity::NotApplicable,
        (_, Some(score)) if score < pass => Conformity::Minor,
        (_, Some(_)) => Conformity::Conforming,
        (_, None) => Conformity::NotAssessed,
    }
}

impl Compliance {
    /// Counts the non-conformities among `conformities` and gives the verdict.
    pub fn of(conformities: impl IntoIterator<Item = Conformity>) -> Compliance {
        let mut compliance = Compliance::default();
        for conformity in conformities {
            match conformity {
                Conformity::Major => compliance.major += 1,
                Conformity::Minor => compliance.minor += 1,
                Conformity::AcceptedRisk => compliance.accepted_risks += 1,
                _ => {}
            }
        }
        compliance.verdict = match (compliance.major, compliance.minor) {
            (0, 0) => Verdict::Compliant,
            (0, _) => Verdict::MinorNonConformities,
            _ => Verdict::NotCompliant,
        };
        compliance
    }
}
