//! Document control: the number, version, status and security classification of the report an
//! answers file produces (the optional answers key `document:`).
//!
//! The report prints the number and version on its cover and in its footer, marks every page of
//! a draft, and carries the classification at the top and bottom of every page.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentControl {
    /// The organisation's registration number of the report, such as `14/2-2026`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// The report's version, such as `1.2`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub version: Option<String>,
    pub status: DocumentStatus,
    /// The security classification marking, such as «Для службового користування».
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub classification: Option<String>,
}

/// Whether the report is still a draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentStatus {
    Draft,
    Final,
}
