//! The plan's actions: the `actions:` list and every answer's own `action`, in the plan's
//! order, each marked overdue or not.

use super::PlanInput;
use crate::model::{ActionStatus, Date, PlannedAction};
use serde::Serialize;

/// One action of the plan.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Action {
    /// The action as written; an answer's own action read as one has no `id`.
    #[serde(flatten)]
    pub entry: PlannedAction,
    /// Neither done nor dropped, and due before the plan's date.
    pub overdue: bool,
}

/// Whether an action is overdue on `as_of`: neither done nor dropped, and due before it.
pub fn is_overdue(entry: &PlannedAction, as_of: Date) -> bool {
    !entry.status.is_closed() && entry.due.is_some_and(|due| due < as_of)
}

/// Every action, overdue first, then open by due date (undated last), then done, then
/// dropped; the `actions:` list in file order, then the answers' own in checklist order.
pub(super) fn actions(input: &PlanInput) -> Vec<Action> {
    let own = input.checklist.indicators().into_iter().filter_map(|indicator| {
        let action = input.assessment.answer(&indicator.id)?.action.as_ref()?;
        Some(PlannedAction::from_answer(&indicator.id, action))
    });
    let mut actions: Vec<Action> = input
        .assessment
        .actions()
        .iter()
        .cloned()
        .chain(own)
        .map(|entry| Action {
            overdue: is_overdue(&entry, input.as_of),
            entry,
        })
        .collect();
    actions.sort_by_key(|a| {
        let rank = match a.entry.status {
            _ if a.overdue => 0,
            ActionStatus::Planned | ActionStatus::InProgress => 1,
            ActionStatus::Done => 2,
            ActionStatus::Dropped => 3,
        };
        (rank, a.entry.due.is_none(), a.entry.due)
    });
    actions
}
