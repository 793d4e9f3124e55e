//! An auditor's additions to an answers file: a review that verifies an answer's level, an
//! accepted exception, and the audit as a whole.
//!
//! `review:` and `exception:` are optional keys of an answer; `audit:` is an optional top-level
//! key naming who audited, for which institution, when and what. A review gives the level the
//! auditor found; an exception accepts the risk of a deficiency until a date. What they do to
//! the scores is in [`crate::score`] and `docs/scoring.md`. One review makes the report an
//! audited one ([`ReportKind`]).

use super::date::Date;
use super::number::Number;
use super::scale::LevelRef;
use serde::de::value::MapAccessDeserializer;
use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An auditor's verification of an answer: the level found, in the form the indicator is
/// answered in (a level, a number, or the criteria met). One of the three is required; without
/// any, the parser reports the missing `level`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Review {
    /// The level the auditor found, on the indicator's scale.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelRef>,
    /// The quantity the auditor found, on a number indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    /// The criteria the auditor found met, on a criteria indicator.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub criteria_met: Option<Vec<String>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reviewer: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}

/// A review's keys as written.
#[derive(Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub(super) struct ReviewKeys {
    #[serde(default)]
    level: Option<LevelRef>,
    #[serde(default)]
    value: Option<Number>,
    #[serde(default)]
    criteria_met: Option<Vec<String>>,
    #[serde(default)]
    comment: Option<String>,
    #[serde(default)]
    reviewer: Option<String>,
    #[serde(default)]
    date: Option<Date>,
}

impl<'de> Deserialize<'de> for Review {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct ReviewVisitor;

        impl<'de> Visitor<'de> for ReviewVisitor {
            type Value = Review;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a review")
            }

            /// The missing rating is reported inside the visit, where the parser places it at
            /// the review's mapping.
            fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<Review, A::Error> {
                let keys = ReviewKeys::deserialize(MapAccessDeserializer::new(map))?;
                if keys.level.is_none() && keys.value.is_none() && keys.criteria_met.is_none() {
                    return Err(de::Error::missing_field("level"));
                }
                Ok(Review {
                    level: keys.level,
                    value: keys.value,
                    criteria_met: keys.criteria_met,
                    comment: keys.comment,
                    reviewer: keys.reviewer,
                    date: keys.date,
                })
            }
        }

        deserializer.deserialize_map(ReviewVisitor)
    }
}

/// The audit that produced the reviews.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// The auditors' names; without them the report names the reviewers.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub by: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    /// The day the audit ended; without it the report gives the latest review date.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// What the audit covered, in the auditor's words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
}

/// What a report is: the organisation's own assessment, or one an auditor reviewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ReportKind {
    /// No answer was reviewed.
    SelfAssessment,
    /// At least one answer was reviewed.
    Audited,
}

/// A deficiency accepted as a risk by someone entitled to, until it expires.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exception {
    pub reason: String,
    pub approved_by: String,
    /// The last day on which the exception applies.
    pub expires: Date,
}

/// Exceptions expiring at most this many days after the assessment date are reported as
/// expiring soon.
pub const EXPIRY_NOTICE_DAYS: i64 = 90;

/// An exception seen from the assessment date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum ExceptionState {
    /// Applies, and expires more than [`EXPIRY_NOTICE_DAYS`] after the assessment date.
    Valid,
    /// Applies, and expires within [`EXPIRY_NOTICE_DAYS`] of the assessment date.
    ExpiringSoon,
    /// Expired before the assessment date: it no longer applies.
    Expired,
}

impl Exception {
    /// The exception's state on `date`: it applies up to and including its expiry date.
    pub fn state_on(&self, date: Date) -> ExceptionState {
        match self.expires.days_since(date) {
            days if days < 0 => ExceptionState::Expired,
            days if days <= EXPIRY_NOTICE_DAYS => ExceptionState::ExpiringSoon,
            _ => ExceptionState::Valid,
        }
    }
}

impl ExceptionState {
    /// Whether the exception still excludes its indicator from the scores.
    pub fn applies(self) -> bool {
        self != ExceptionState::Expired
    }
}
