//! The rules of the answers file's `actions:` list: each action has a well-formed id that no
//! other action has, a title, the indicators of the checklist it addresses (at least one, each
//! once), a due date on or after its start, a completion date when done and a reason when
//! dropped; its activities and progress notes are not blank.

use super::Rules;
use crate::model::{ActionStatus, PlannedAction};
use crate::validate::Hint;
use std::collections::{HashMap, HashSet};

impl Rules<'_> {
    pub(super) fn actions(&mut self, actions: &[PlannedAction]) {
        let mut first: HashMap<&str, usize> = HashMap::new();
        for (i, action) in actions.iter().enumerate() {
            let unique = self.action_id(i, action, &mut first);
            let path = match (&action.id, unique) {
                (Some(id), true) => format!("actions[{id}]"),
                _ => format!("actions[{i}]"),
            };
            self.action(&path, action);
        }
    }

    /// Checks the id of the `i`-th action; whether it is well formed and the first of its kind.
    fn action_id<'d>(
        &mut self,
        i: usize,
        action: &'d PlannedAction,
        first: &mut HashMap<&'d str, usize>,
    ) -> bool {
        let path = format!("actions[{i}].id");
        let Some(id) = action.id.as_deref() else {
            self.f
                .error("action-without-id", &path, "the action has no `id`")
                .hint("give it an id such as `A-1`; rounds match their actions by it");
            return false;
        };
        if !is_action_id(id) {
            self.f
                .error("bad-action-id", &path, format!("`{id}` is not a valid action id"))
                .hint("use letters, digits, `-`, `_` and `.` only, e.g. `A-1`");
            return false;
        }
        if let Some(earlier) = first.get(id) {
            self.f
                .error(
                    "duplicate-action-id",
                    &path,
                    format!("the action id `{id}` is already used by actions[{earlier}]"),
                )
                .hint("give every action its own id; rounds match their actions by it");
            return false;
        }
        first.insert(id, i);
        true
    }

    fn action(&mut self, path: &str, action: &PlannedAction) {
        if action.title.trim().is_empty() {
            self.f
                .error("empty-value", &format!("{path}.title"), "the action has no title");
        }
        self.action_indicators(path, action);
        for (j, activity) in action.activities.iter().enumerate() {
            if activity.trim().is_empty() {
                self.f.error(
                    "empty-value",
                    &format!("{path}.activities[{j}]"),
                    "the activity is empty",
                );
            }
        }
        for (j, note) in action.progress.iter().enumerate() {
            if note.note.trim().is_empty() {
                self.f.error(
                    "empty-value",
                    &format!("{path}.progress[{j}].note"),
                    "the progress note is empty",
                );
            }
        }
        self.action_dates(path, action);
    }

    fn action_indicators(&mut self, path: &str, action: &PlannedAction) {
        if action.indicators.is_empty() {
            self.f
                .error(
                    "action-without-indicators",
                    &format!("{path}.indicators"),
                    "the action addresses no indicator",
                )
                .hint("list the ids of the indicators it improves, e.g. `indicators: [law-2]`");
        }
        let mut seen = HashSet::new();
        for (j, id) in action.indicators.iter().enumerate() {
            let at = format!("{path}.indicators[{j}]");
            if self.checklist.indicator(id).is_none() {
                self.unknown_indicator(&at, id);
            } else if !seen.insert(id.as_str()) {
                self.f.error(
                    "duplicate-action-indicator",
                    &at,
                    format!("the action lists `{id}` twice"),
                );
            }
        }
    }

    fn action_dates(&mut self, path: &str, action: &PlannedAction) {
        if let (Some(start), Some(due)) = (action.start, action.due)
            && due < start
        {
            self.f
                .error(
                    "due-before-start",
                    &format!("{path}.due"),
                    format!("the action is due on {due}, before it starts on {start}"),
                )
                .hint("the due date must be on or after `start`");
        }
        match action.status {
            ActionStatus::Done if action.completed.is_none() => {
                self.f
                    .error(
                        "done-without-date",
                        &format!("{path}.completed"),
                        "the action is done but gives no completion date",
                    )
                    .hint("add `completed: YYYY-MM-DD`, the day it was done");
            }
            ActionStatus::Dropped
                if action
                    .dropped_reason
                    .as_deref()
                    .is_none_or(|r| r.trim().is_empty()) =>
            {
                self.f
                    .error(
                        "dropped-without-reason",
                        &format!("{path}.dropped_reason"),
                        "the action is dropped but does not say why",
                    )
                    .hint("add `dropped_reason:`, which the next round's comparison reports");
            }
            status if status != ActionStatus::Done && action.completed.is_some() => {
                self.f
                    .warning(
                        "completed-but-not-done",
                        &format!("{path}.completed"),
                        format!(
                            "the action has a completion date but its status is `{}`",
                            status.key()
                        ),
                    )
                    .hint("set `status: done`, or remove `completed`");
            }
            _ => {}
        }
    }
}

/// Letters and digits of any script, `-`, `_` and `.`; not empty.
fn is_action_id(id: &str) -> bool {
    !id.is_empty()
        && id
            .chars()
            .all(|c| c.is_alphanumeric() || matches!(c, '-' | '_' | '.'))
}
