//! The organisation's approval of its self-assessment (the optional answers key `approval:`):
//! the head of the organisation who approves it («ЗАТВЕРДЖУЮ»), by position and name, and the date.

use super::date::Date;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// The approver's position, such as "Minister of Internal Affairs of Ukraine".
    pub position: String,
    /// The approver's given name and surname.
    pub name: String,
    /// The day of the approval; absent, the report leaves a line to write it by hand.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<Date>,
}
