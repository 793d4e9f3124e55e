//! Evidence freshness: evidence too old on the assessment date, or missing where the checklist
//! expects some. Flags for the reader, computed from the finished scorecard; they never change a
//! score.
//!
//! The rules (also in `docs/scoring.md`):
//! - The maximum age of an indicator's evidence is its `evidence_max_age_days`, else
//!   `scoring.evidence_max_age_days`, else there is none.
//! - An evidence item dated more than that many days before the assessment date is **stale**.
//!   Undated evidence is never stale; evidence exactly at the maximum age is not; evidence of
//!   `kind: act-in-force` (a law or strategy in force) is never stale.
//! - A scored indicator whose checklist entry lists expected evidence, answered without any
//!   evidence, has **missing** evidence.

use crate::model::answers::EvidenceKind;
use crate::model::{Assessment, Checklist, Date};
use crate::score::{Scorecard, Status, all_indicator_results};
use serde::Serialize;

/// One freshness problem of one indicator.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct EvidenceFlag {
    pub indicator: String,
    #[serde(flatten)]
    pub problem: Problem,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Problem {
    /// An evidence item older than the maximum age.
    Stale {
        /// Its position in the answer's `evidence` list, from 0.
        evidence: usize,
        date: Date,
        age_days: i64,
        max_age_days: i64,
    },
    /// A scored answer without evidence, where the checklist expects some.
    Missing,
}

/// Every flag, in checklist order, from the finished scorecard.
pub fn check(checklist: &Checklist, assessment: &Assessment, scorecard: &Scorecard) -> Vec<EvidenceFlag> {
    let results: Vec<_> = scorecard
        .sections
        .iter()
        .flat_map(all_indicator_results)
        .collect();
    let assessed_on = assessment.assessed_on();
    let mut flags = Vec::new();
    for (indicator, result) in checklist.indicators().into_iter().zip(&results) {
        debug_assert_eq!(indicator.id, result.id, "results follow the checklist's order");
        let evidence = assessment
            .answer(&indicator.id)
            .map_or(&[][..], |a| a.evidence.as_slice());
        let flag = |problem| EvidenceFlag {
            indicator: indicator.id.clone(),
            problem,
        };
        if let Some(max_age_days) = checklist.evidence_max_age_of(indicator) {
            for (i, item) in evidence.iter().enumerate() {
                let Some(date) = item.date.filter(|_| item.kind != EvidenceKind::ActInForce) else {
                    continue;
                };
                let age_days = assessed_on.days_since(date);
                if age_days > max_age_days {
                    flags.push(flag(Problem::Stale {
                        evidence: i,
                        date,
                        age_days,
                        max_age_days,
                    }));
                }
            }
        }
        if result.status == Status::Scored && evidence.is_empty() && !indicator.evidence.is_empty() {
            flags.push(flag(Problem::Missing));
        }
    }
    flags
}
