//! The improvement plan followed up across two rounds: the `actions:` lists of both answers
//! files matched by action id.
//!
//! The rules (also in `docs/compare-and-consolidate.md`):
//! - An action is judged on its **latest entry**: the new round's when the new file still lists
//!   the id, else the old round's (an action the new file no longer lists keeps the state it
//!   was left in).
//! - Its **outcome**: *done* or *dropped* (with the reason) as that entry says; otherwise
//!   *overdue* when its due date is before the new round's assessment date, else *open*.
//! - **Movement**: each indicator the latest entry addresses, with its score in both rounds and
//!   the direction of the change ([`super::Direction`], from the comparison's indicator rows).
//! - **Order**: overdue first, then open, done and dropped; within each, the old file's order,
//!   then the actions only the new file lists, in its order.
//!
//! An answer's own `action` has no id and is followed up by indicator instead ([`super::FollowUp`]).

use super::{Direction, IndicatorChange, Round};
use crate::model::{ActionStatus, Date, PlannedAction};
use serde::Serialize;

/// What became of an action by the new round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Outcome {
    /// Neither done nor dropped, and due before the new assessment date.
    Overdue,
    /// Neither done nor dropped, and not yet due (or undated).
    Open,
    Done,
    Dropped,
}

/// One action of either round's plan, matched by id.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ActionFollowUp {
    pub id: String,
    /// The latest entry's title, unit, dates and reason.
    pub title: String,
    pub unit: Option<String>,
    pub due: Option<Date>,
    pub completed: Option<Date>,
    pub dropped_reason: Option<String>,
    /// The status in the old round; `None` when only the new file lists the action.
    pub old_status: Option<ActionStatus>,
    /// The status in the new round; `None` when the new file no longer lists it.
    pub new_status: Option<ActionStatus>,
    pub outcome: Outcome,
    /// The indicators the latest entry addresses, and how they moved.
    pub indicators: Vec<IndicatorMove>,
}

/// How an indicator an action addresses moved between the rounds.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorMove {
    pub indicator: String,
    pub old_score: Option<f64>,
    pub new_score: Option<f64>,
    /// `Undetermined` also when neither version has the indicator.
    pub direction: Direction,
}

/// Every action with an id in either round, in the order of the rules above.
pub fn follow_ups(old: Round, new: Round, indicators: &[IndicatorChange]) -> Vec<ActionFollowUp> {
    let old_list = with_ids(old);
    let new_list = with_ids(new);
    let only_new = new_list
        .iter()
        .filter(|(id, _)| !old_list.iter().any(|(o, _)| o == id));
    let on = new.assessment.assessed_on();
    let mut rows: Vec<ActionFollowUp> = old_list
        .iter()
        .map(|(id, entry)| {
            let newer = find(&new_list, id);
            follow_up(id, Some(*entry), newer, newer.unwrap_or(entry), on, indicators)
        })
        .chain(only_new.map(|(id, entry)| follow_up(id, None, Some(*entry), entry, on, indicators)))
        .collect();
    rows.sort_by_key(|r| r.outcome);
    rows
}

fn with_ids<'a>(round: Round<'a>) -> Vec<(&'a str, &'a PlannedAction)> {
    round
        .assessment
        .actions()
        .iter()
        .filter_map(|a| Some((a.id.as_deref()?, a)))
        .collect()
}

fn find<'a>(list: &[(&str, &'a PlannedAction)], id: &str) -> Option<&'a PlannedAction> {
    list.iter().find(|(i, _)| *i == id).map(|(_, a)| *a)
}

/// The outcome of an action's latest entry on `on`.
pub fn outcome(entry: &PlannedAction, on: Date) -> Outcome {
    match entry.status {
        ActionStatus::Done => Outcome::Done,
        ActionStatus::Dropped => Outcome::Dropped,
        _ if entry.due.is_some_and(|due| due < on) => Outcome::Overdue,
        _ => Outcome::Open,
    }
}

/// One action's row; `latest` is `new`, or `old` when the new file no longer lists it.
fn follow_up(
    id: &str,
    old: Option<&PlannedAction>,
    new: Option<&PlannedAction>,
    latest: &PlannedAction,
    on: Date,
    indicators: &[IndicatorChange],
) -> ActionFollowUp {
    ActionFollowUp {
        id: id.to_owned(),
        title: latest.title.clone(),
        unit: latest.responsible.unit.clone(),
        due: latest.due,
        completed: latest.completed,
        dropped_reason: latest.dropped_reason.clone(),
        old_status: old.map(|a| a.status),
        new_status: new.map(|a| a.status),
        outcome: outcome(latest, on),
        indicators: latest
            .indicators
            .iter()
            .map(|id| movement(id, indicators))
            .collect(),
    }
}

fn movement(id: &str, indicators: &[IndicatorChange]) -> IndicatorMove {
    let row = indicators.iter().find(|i| i.id == id);
    IndicatorMove {
        indicator: id.to_owned(),
        old_score: row.and_then(|r| r.score.old),
        new_score: row.and_then(|r| r.score.new),
        direction: row.map_or(Direction::Undetermined, |r| r.score.direction),
    }
}
