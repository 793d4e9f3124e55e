//! An auditor's additions to an answer: a review that verifies its level, an accepted exception.
//!
//! Both are optional keys of an answer (`review:`, `exception:`). A review gives the level the
//! auditor found; an exception accepts the risk of a deficiency until a date. What they do to
//! the scores is in [`crate::score`] and `docs/scoring.md`.

use super::date::Date;
use serde::{Deserialize, Serialize};

/// An auditor's verification of an answer.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Review {
    /// The level the auditor found, on the indicator's scale.
    pub level: i64,
    #[serde(default)]
    pub comment: Option<String>,
    #[serde(default)]
    pub reviewer: Option<String>,
    #[serde(default)]
    pub date: Option<Date>,
}

/// A deficiency accepted as a risk by someone entitled to, until it expires.
#[derive(Debug, Clone, Deserialize)]
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
