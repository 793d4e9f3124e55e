//! The comparison view: every type the comparison's HTML template and PDF layout see.
//!
//! Like the report view, it is display-ready: texts in one language, numbers formatted,
//! bands with their colours, each flag with its words.

use crate::compare::Counts;
use crate::i18n::Labels;
use crate::model::Date;
use crate::report::finder::Filter;
use crate::report::{AssessorView, BandView, ScoreView};
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct CompareView {
    /// The language of every text in the view.
    pub lang: String,
    pub labels: Labels,
    pub cover: CompareCover,
    pub overall: ChangeView,
    pub counts: Counts,
    /// The current checklist version's bands, lowest first, for the legend of the tables.
    pub bands: Vec<BandView>,
    pub sections: Vec<SectionRow>,
    /// Indicators that newly fail, newly pass, and critical failures new, resolved and dropped.
    pub attention: Attention,
    /// Indicator rows grouped by the section that holds them.
    pub groups: Vec<IndicatorGroup>,
    /// The finder's filters over the indicator rows.
    pub filters: Vec<Filter>,
    /// The old round's actions: still open first, then unverified, then closed.
    pub actions: Vec<FollowUpView>,
    /// The `actions:` lists of both rounds matched by id: overdue, open, done, dropped.
    pub plan_actions: Vec<PlanFollowUpView>,
    pub provenance: CompareProvenance,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompareCover {
    /// The checklist's title (of the new version).
    pub title: String,
    pub checklist_id: String,
    /// The organisation as the new round names it.
    pub organisation: String,
    pub old: RoundView,
    pub new: RoundView,
    pub report_date: String,
    pub version_changed: bool,
    /// Whether the organisation's name differs between the rounds.
    pub organisation_differs: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundView {
    pub organisation: String,
    pub checklist_version: String,
    pub assessed_on: String,
    pub period: Option<String>,
    pub assessors: Vec<AssessorView>,
    pub answers_file: String,
}

/// A score in both rounds and what happened to it.
#[derive(Debug, Clone, Serialize)]
pub struct ChangeView {
    pub old: ScoreView,
    pub new: ScoreView,
    /// "+4.2", "−1.0", "0.0" or "—".
    pub change: String,
    /// `improved`, `declined`, `unchanged` or `undetermined`.
    pub direction: String,
    pub direction_label: String,
    /// ▲, ▼ or =, shown next to the words, never alone; empty when undetermined.
    pub arrow: String,
    /// Whether the two scores can be compared as they stand.
    pub comparable: bool,
    /// Why not, in words.
    pub reasons: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionRow {
    pub id: String,
    pub number: String,
    pub title: String,
    /// 1 for a top-level section.
    pub depth: usize,
    pub change: ChangeView,
}

/// A section's heading and its rows, in the order of the sections. The HTML nests a group's
/// sub-sections inside it (so that the finder hides a heading with nothing left under it): a
/// `parent` stays open, and `closes` says how many open parents end after this group.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorGroup {
    pub section_id: String,
    pub number: String,
    pub title: String,
    pub depth: usize,
    /// Its rows; none for a section whose indicators all sit in its sub-sections.
    pub rows: Vec<IndicatorRow>,
    /// Whether groups of its sub-sections follow, inside it.
    pub parent: bool,
    pub closes: usize,
    /// "only in version 1.0": a section of the previous round's checklist that the current one
    /// no longer has (its number is the old one).
    pub only_in: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRow {
    pub id: String,
    pub text: String,
    /// Critical in either round.
    pub critical: bool,
    /// The answer in each round: "3 — Established", a status, or "not in this version".
    pub old_answer: String,
    pub new_answer: String,
    pub change: ChangeView,
    /// `newly-failing`, `newly-passing`, `still-passing`, `still-failing` or `undetermined`.
    pub pass: String,
    pub pass_label: String,
    /// `new`, `resolved`, `persisting`, `dropped` or `not-failing`.
    pub critical_change: String,
    pub critical_label: String,
    /// The finder's tokens for this row (see [`crate::report::finder`]).
    pub finder_tags: String,
    /// The current answer's explanation of the change.
    pub change_note: Option<String>,
    /// Whether the level changed, so that an explanation is due.
    pub level_changed: bool,
}

/// A short reference to an indicator row, for the lists that need attention.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorRef {
    pub id: String,
    pub text: String,
    /// "1.2 Title" of the section that holds it.
    pub section: String,
    pub old_answer: String,
    pub new_answer: String,
    pub change: ChangeView,
}

#[derive(Debug, Clone, Serialize)]
pub struct Attention {
    pub newly_failing: Vec<IndicatorRef>,
    pub newly_passing: Vec<IndicatorRef>,
    pub critical_new: Vec<IndicatorRef>,
    pub critical_resolved: Vec<IndicatorRef>,
    pub critical_persisting: Vec<IndicatorRef>,
    pub critical_dropped: Vec<IndicatorRef>,
}

#[derive(Debug, Clone, Serialize)]
pub struct FollowUpView {
    pub indicator_id: String,
    pub indicator_text: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    /// `still-open`, `unverified` or `closed`.
    pub status: String,
    pub status_label: String,
    /// Why, in words.
    pub reasons: Vec<String>,
    /// The new round's answer to the indicator.
    pub new_answer: String,
}

/// One action of the plan, followed up across the rounds.
#[derive(Debug, Clone, Serialize)]
pub struct PlanFollowUpView {
    pub id: String,
    pub title: String,
    pub unit: Option<String>,
    pub due: Option<String>,
    /// `overdue`, `open`, `done` or `dropped`.
    pub outcome: String,
    pub outcome_label: String,
    /// The status in each round, in words ("new in this round", "no longer in the plan").
    pub old_status: String,
    pub new_status: String,
    pub completed: Option<String>,
    pub dropped_reason: Option<String>,
    pub indicators: Vec<IndicatorMoveView>,
}

/// How an indicator an action addresses moved.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorMoveView {
    pub id: String,
    pub text: String,
    /// "25,0 → 75,0".
    pub scores: String,
    /// `improved`, `declined`, `unchanged` or `undetermined`.
    pub direction: String,
    pub direction_label: String,
    /// Whether the indicator's row is directly comparable; a change of version can move a
    /// score that the organisation did not move.
    pub comparable: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct CompareProvenance {
    #[serde(flatten)]
    pub tool: crate::report::ToolView,
    pub old: RoundFiles,
    pub new: RoundFiles,
    /// The report's date (ISO 8601 in every language; the PDF's creation date).
    pub report_date: Date,
    /// The report's date as a reader writes it.
    pub date: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RoundFiles {
    pub checklist_id: String,
    pub checklist_version: String,
    pub checklist_file: String,
    pub checklist_sha256: String,
    pub answers_file: String,
    pub answers_sha256: String,
}
