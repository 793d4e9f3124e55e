//! The quality-assurance record of an assessment (the optional answers key `quality:`).
//!
//! Modelled on PEFA's Box 1.1 (assessment management and quality assurance: who reviewed the
//! draft and when, the comments received) and on the independent review statement of SAI PMF
//! (who reviewed, what they reviewed, what they concluded): peer reviews, the organisation's
//! comments on the draft and how they were handled, and disagreements recorded with their
//! resolution. Who assessed is the answers' `assessors`; who audited, the reviews and `audit`.

use super::date::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Quality {
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub peer_reviews: Vec<PeerReview>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub draft_comments: Vec<DraftComment>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub disagreements: Vec<Disagreement>,
}

impl Quality {
    /// Whether nothing is recorded.
    pub fn is_empty(&self) -> bool {
        self.peer_reviews.is_empty() && self.draft_comments.is_empty() && self.disagreements.is_empty()
    }
}

/// A review of the draft by someone outside the assessment team.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PeerReview {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub institution: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    /// What was reviewed: the whole draft, some sections, the evidence of some indicators.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// The reviewer's conclusion, in their words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
}

/// A comment on the draft, by the organisation or one of its units, and what was done with it.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DraftComment {
    pub by: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
    pub text: String,
    /// How the assessors answered it: accepted, changed, rejected and why.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub response: Option<String>,
}

/// A disagreement that was not settled by consensus, recorded with its resolution.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Disagreement {
    /// The indicator it concerns, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    pub by: String,
    pub text: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub resolution: Option<String>,
}
