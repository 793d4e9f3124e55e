//! The comparison's follow-up of the improvement plan: each action matched by id across the
//! rounds ([`crate::compare::plan_actions`]), with its outcome, both statuses in words, and how
//! the indicators it addresses moved.

use super::view::{IndicatorMoveView, PlanFollowUpView};
use super::{Builder, kebab};
use crate::compare::plan_actions::{ActionFollowUp, IndicatorMove};
use crate::model::ActionStatus;

impl Builder<'_> {
    /// The plan's actions, overdue first (the comparison's order).
    pub(super) fn plan_follow_ups(&self) -> Vec<PlanFollowUpView> {
        self.input
            .comparison
            .plan_actions
            .iter()
            .map(|a| self.plan_follow_up(a))
            .collect()
    }

    fn plan_follow_up(&self, action: &ActionFollowUp) -> PlanFollowUpView {
        let outcome = kebab(&action.outcome);
        PlanFollowUpView {
            id: action.id.clone(),
            title: action.title.clone(),
            unit: action.unit.clone(),
            due: action.due.map(|d| self.fmt.date(d)),
            outcome_label: self.label(&format!("compare_plan_{outcome}")),
            outcome,
            old_status: self.status(action.old_status, "compare_plan_new_action"),
            new_status: self.status(action.new_status, "compare_plan_not_listed"),
            completed: action.completed.map(|d| self.fmt.date(d)),
            dropped_reason: action.dropped_reason.clone(),
            indicators: action.indicators.iter().map(|m| self.movement(m)).collect(),
        }
    }

    /// A status in words, or `missing` when the round does not list the action.
    fn status(&self, status: Option<ActionStatus>, missing: &str) -> String {
        match status {
            Some(status) => self.label(&format!("plan_status_{}", status.key())),
            None => self.label(missing),
        }
    }

    fn movement(&self, movement: &IndicatorMove) -> IndicatorMoveView {
        let direction = kebab(&movement.direction);
        IndicatorMoveView {
            id: movement.indicator.clone(),
            text: self.indicator_text(&movement.indicator),
            scores: format!(
                "{} → {}",
                self.fmt.score(movement.old_score),
                self.fmt.score(movement.new_score)
            ),
            direction_label: self.label(&format!("compare_direction_{direction}")),
            direction,
            comparable: self
                .input
                .comparison
                .indicators
                .iter()
                .find(|i| i.id == movement.indicator)
                .is_none_or(|i| i.not_comparable.is_empty()),
        }
    }
}
