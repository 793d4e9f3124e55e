//! The improvement plan as written: the target an indicator should reach, and the `actions:`
//! list of an answers file, each action with its indicators, people, dates, resources, status
//! and dated progress notes.
//!
//! These types mirror the file format (see `docs/formats.md`) and serialise back to it, so that
//! a program that edits a plan (the browser form, a workbook import) writes the same keys it
//! reads. What the plan stage makes of them (gaps, priorities, overdue actions) is in
//! [`crate::plan`].

use super::answers::Action;
use super::date::Date;
use super::number::Number;
use super::scale::LevelRef;
use serde::{Deserialize, Serialize};

/// A level to reach (a number indicator's value), and optionally by when: on an answer, or on
/// a checklist indicator as the default for every assessment.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// A level of the indicator's scale, by value or code (scale and criteria indicators).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<LevelRef>,
    /// The quantity to reach (number indicators).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value: Option<Number>,
    /// The date by which the target should be reached.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<Date>,
}

/// A three-step rating: an action's priority, an indicator's impact.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, Serialize, schemars::JsonSchema,
)]
#[serde(rename_all = "kebab-case")]
pub enum Rating {
    Low,
    Medium,
    High,
}

/// Where an action stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Dropped,
}

impl ActionStatus {
    /// Done or dropped: nothing more is expected of it.
    pub fn is_closed(self) -> bool {
        matches!(self, ActionStatus::Done | ActionStatus::Dropped)
    }

    /// The kebab-case name, as written in the file.
    pub fn key(self) -> &'static str {
        match self {
            ActionStatus::Planned => "planned",
            ActionStatus::InProgress => "in-progress",
            ActionStatus::Done => "done",
            ActionStatus::Dropped => "dropped",
        }
    }
}

/// One entry of the answers file's `actions:` list.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlannedAction {
    /// Unique in the file; rounds match their actions by it. Required in the `actions:` list;
    /// `None` only for an answer's own action read as a plan action ([`Self::from_answer`]).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[schemars(
        description = "Unique in the list; `oversight compare` matches the actions of two rounds by it"
    )]
    pub id: Option<String>,
    /// What the action achieves, in a line.
    pub title: String,
    /// The indicators it addresses, one or several.
    #[serde(default)]
    pub indicators: Vec<String>,
    /// The steps, in order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub activities: Vec<String>,
    #[serde(default, skip_serializing_if = "Responsible::is_empty")]
    pub responsible: Responsible,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<Date>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<Date>,
    #[serde(default, skip_serializing_if = "Resources::is_empty")]
    pub resources: Resources,
    /// How anyone can tell that it worked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub success_indicator: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub priority: Option<Rating>,
    #[serde(default)]
    pub status: ActionStatus,
    /// When it was done; required with `status: done`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed: Option<Date>,
    /// Why it was dropped; required with `status: dropped`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropped_reason: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub progress: Vec<ProgressNote>,
}

impl PlannedAction {
    /// An answer's own `action` read as a plan action for its one indicator: its text is the
    /// title, its owner the responsible unit; it is planned, and has no id.
    pub fn from_answer(indicator: &str, action: &Action) -> PlannedAction {
        PlannedAction {
            id: None,
            title: action.text.clone(),
            indicators: vec![indicator.to_owned()],
            activities: Vec::new(),
            responsible: Responsible {
                unit: action.owner.clone(),
                person: None,
            },
            start: None,
            due: action.due,
            resources: Resources::default(),
            success_indicator: None,
            priority: None,
            status: ActionStatus::Planned,
            completed: None,
            dropped_reason: None,
            progress: Vec::new(),
        }
    }
}

/// Who answers for an action.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Responsible {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
}

impl Responsible {
    fn is_empty(&self) -> bool {
        self.unit.is_none() && self.person.is_none()
    }
}

/// What an action needs.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Resources {
    /// The budget line that pays for it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub budget_line: Option<String>,
    /// The staff it takes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub staff: Option<String>,
}

impl Resources {
    fn is_empty(&self) -> bool {
        self.budget_line.is_none() && self.staff.is_none()
    }
}

/// A dated note on how an action is going.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ProgressNote {
    pub date: Date,
    pub note: String,
}
