//! The improvement plan: what each indicator should reach, how far it is from it and what the
//! next level asks, the order to work in, the actions that address the gaps, and the risk and
//! maturity matrix. Computed after scoring, from the finished [`Scorecard`], like the
//! compliance verdicts; pure, with no formatting.
//!
//! The rules (also in `docs/plan.md`):
//! - **Target** ([`target`]): the answer's `target`, else the checklist indicator's, else the
//!   pass mark: the lowest level whose score reaches it (for a number indicator, the pass mark
//!   as a score).
//! - **Gap** ([`gap`]): an indicator whose score is below its target's, or a critical failure.
//!   Its distance is the target's score minus the current one (from 0 without a score);
//!   not-applicable indicators, and others without a score, have no gap.
//! - **Priority**: critical failures first, then `weight × distance`, largest first (compared
//!   to six decimals), ties in checklist order.
//! - **Next level**: the next level of the scale above the current one, whose description says
//!   what it takes; for a criteria indicator, the criteria the cheapest rule of the next level
//!   still needs; for a number indicator, the nearest point of its function that gives more.
//! - **Actions** ([`actions`]): the `actions:` list and every answer's own `action`, each read
//!   as a plan action for its one indicator. An action is **overdue** when it is neither done
//!   nor dropped and its due date is before the plan's date. Overdue actions come first, then
//!   the open ones by due date (undated last), then the done and the dropped ones.
//! - **Matrix** ([`matrix`]): the indicators the checklist rates for `impact`, by impact and
//!   current level, one matrix per scale; the high-impact, low-level cell first.

pub mod actions;
pub mod gap;
pub mod matrix;
pub mod target;

pub use actions::Action;
pub use gap::{Gap, NextStep};
pub use matrix::{Matrix, MatrixCell};
pub use target::{ResolvedTarget, TargetSource};

use crate::model::{Assessment, Checklist, Date};
use crate::score::Scorecard;
use serde::Serialize;

/// Differences smaller than this (in points out of 100) are floating-point noise.
pub const NOISE: f64 = 1e-9;

/// What a plan is computed from.
#[derive(Debug, Clone, Copy)]
pub struct PlanInput<'a> {
    pub checklist: &'a Checklist,
    pub assessment: &'a Assessment,
    pub scorecard: &'a Scorecard,
    /// The day the plan is read on: actions due before it and not closed are overdue.
    pub as_of: Date,
}

/// The improvement plan of one assessment.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Plan {
    pub as_of: Date,
    /// In priority order.
    pub gaps: Vec<Gap>,
    /// Overdue first, then open by due date, then done, then dropped.
    pub actions: Vec<Action>,
    /// One per scale of the impact-rated indicators; empty when the checklist rates none.
    pub matrices: Vec<Matrix>,
}

/// Computes the plan.
pub fn plan(input: &PlanInput) -> Plan {
    let actions = actions::actions(input);
    Plan {
        as_of: input.as_of,
        gaps: gap::gaps(input, &actions),
        matrices: matrix::matrices(input),
        actions,
    }
}
