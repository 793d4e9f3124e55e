//! The report view: every type a template or the PDF layout sees, display-ready.
//!
//! Numbers are already formatted, texts already in the chosen language, bands already carry
//! their colours. Renderers never look at the model or the scorecard directly.

use super::finder::Filter;
use crate::i18n::Labels;
use crate::model::Date;
use serde::Serialize;

#[derive(Debug, Clone, Serialize)]
pub struct ReportView {
    /// The language of every text in the view.
    pub lang: String,
    pub labels: Labels,
    /// `self-assessment` (no answer reviewed) or `audited` (at least one reviewed).
    pub kind: String,
    /// The levels scored: `verified` or `self`.
    pub basis: String,
    /// The document's number, version, status and classification, and the page marks.
    pub document: DocumentView,
    pub cover: Cover,
    pub summary: Summary,
    pub charts: Charts,
    pub sections: Vec<SectionView>,
    /// The improvement plan: gaps, actions, the risk and maturity matrix.
    pub plan: PlanView,
    /// The compliance verdicts, the non-conformities and the auditor's sign-off.
    pub compliance: ComplianceReport,
    /// The accepted exceptions: in force, expiring soon, expired.
    pub exceptions: ExceptionsReport,
    /// Indicators with stale or missing evidence, in checklist order.
    pub freshness: Vec<FreshnessView>,
    /// The finder's filters over the indicators.
    pub filters: Vec<Filter>,
    /// The quality-assurance record; absent when the answers have no `quality`.
    pub quality: Option<QualityView>,
    /// The approval (a self-assessment) or the auditor's attestation (an audited report).
    pub sign_off: SignOff,
    pub methodology: Methodology,
    pub provenance: Provenance,
}

/// Document control: which document this is, and what every page carries.
#[derive(Debug, Clone, Default, Serialize)]
pub struct DocumentView {
    /// "No. 14/2-2026", with a no-break space.
    pub number: Option<String>,
    pub version: Option<String>,
    /// `draft` or `final`; absent without document control.
    pub status: Option<String>,
    /// "Draft", "Final", or "Final, with reservations: …" when answers are missing or unverified.
    pub status_label: Option<String>,
    /// The mark on every page of a draft: "DRAFT".
    pub draft_mark: Option<String>,
    /// The classification marking, at the top and bottom of every page.
    pub classification: Option<String>,
    /// The number and version for the running footer: "No. 14/2-2026 · version 1.2"; empty
    /// without either.
    pub reference: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    pub title: String,
    pub description: Option<String>,
    pub source: Option<String>,
    pub checklist_id: String,
    pub checklist_version: String,
    pub organisation: String,
    pub period: Option<String>,
    pub assessed_on: String,
    pub report_date: String,
    pub assessors: Vec<AssessorView>,
    /// Which levels the scores use, in a sentence.
    pub basis: String,
    /// "Self-assessment report", or "Audited self-assessment report".
    pub kicker: String,
    /// The kind of report in a sentence, saying how many answers an auditor verified.
    pub kind_label: String,
    /// The audit, with the verified and self-assessed totals; absent on a self-assessment.
    pub audit: Option<AuditView>,
    /// On an audited report, the organisation's approval of its self-assessment:
    /// "Name, position, date".
    pub approved: Option<String>,
}

/// The audit as the cover shows it.
#[derive(Debug, Clone, Serialize)]
pub struct AuditView {
    /// `audit.by`, else the reviewers named in the reviews.
    pub auditors: Vec<String>,
    pub institution: Option<String>,
    /// `audit.date`, else the latest review date.
    pub date: Option<String>,
    pub scope: Option<String>,
    /// The overall score on the verified levels and on the self-assessed ones.
    pub verified: ScoreView,
    pub self_assessed: ScoreView,
    /// Verified minus self-assessed, from the figures shown: "−1.5".
    pub difference: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct AssessorView {
    pub name: String,
    pub role: Option<String>,
}

/// A rating band, with the colours to draw it in.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BandView {
    pub code: String,
    pub label: String,
    /// Background colour, `#rrggbb`.
    pub colour: String,
    /// Readable text colour on that background.
    pub text_colour: String,
}

/// A score ready to print: `text` is "72.5" or "—" (a grade "C+", a sum's value "3", a rounded
/// score "63", or "no aggregate" for a section or checklist with `method: none`).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ScoreView {
    /// The 0-100 score, unrounded: bar lengths and rankings use it.
    pub value: Option<f64>,
    pub text: String,
    /// Absent without a score, and when too little was answered to conclude.
    pub band: Option<BandView>,
    /// `method: none`: no score by design, not for want of answers.
    pub no_aggregate: bool,
    /// Too little was answered to conclude: the score is shown, marked provisional.
    pub provisional: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct Summary {
    pub score: ScoreView,
    /// The band the score alone would give, when a critical failure lowered it.
    pub uncapped_band: Option<BandView>,
    pub capped: bool,
    pub completeness: String,
    /// "28 of 44 applicable indicators answered".
    pub answered: String,
    /// Whether enough was answered for a band and a compliance verdict.
    pub conclusive: bool,
    /// Why there is no band and no verdict; absent when conclusive.
    pub inconclusive_note: Option<String>,
    pub critical_failures: Vec<CriticalFailureView>,
    pub strongest: Vec<SectionRef>,
    pub weakest: Vec<SectionRef>,
    pub counts: Vec<CountView>,
    pub total_indicators: usize,
    /// Which levels the scores use, in a few words ("verified levels").
    pub basis: String,
    /// How many indicators an auditor reviewed, "10 of 47".
    pub reviewed: String,
    /// The overall score with every accepted exception ignored; absent when none applies.
    pub without_exceptions: Option<ScoreView>,
    pub compliance: ComplianceView,
}

/// A compliance verdict with its statement.
#[derive(Debug, Clone, Serialize)]
pub struct ComplianceView {
    /// `compliant`, `minor-non-conformities`, `not-compliant`, `inconclusive` when too little
    /// was answered to conclude, or (a section) `out-of-scope` when nothing in it is in scope
    /// and `not-applicable` when everything in scope in it is not applicable.
    pub verdict: String,
    /// "Compliant", "Compliant with minor non-conformities (3)", "Not compliant: 1 major …".
    pub statement: String,
    pub major: usize,
    pub minor: usize,
    pub accepted_risks: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct CriticalFailureView {
    pub id: String,
    pub text: String,
    pub section: String,
    /// Why it fails: below its pass mark, unanswered, not enough information.
    pub reason: String,
    /// Why the indicator is critical, when the checklist says.
    pub rationale: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionRef {
    pub id: String,
    pub number: String,
    pub title: String,
    pub score: ScoreView,
}

#[derive(Debug, Clone, Serialize)]
pub struct CountView {
    /// `scored`, `not-applicable`, `not-enough-information` or `unanswered`.
    pub status: String,
    pub label: String,
    pub count: usize,
}

#[derive(Debug, Clone, Serialize)]
pub struct Charts {
    /// One bar per section, nested ones after their parent.
    pub bars: Vec<BarView>,
    /// Gridlines at the band thresholds.
    pub marks: Vec<MarkView>,
    /// The top-level sections on a radar; absent with fewer than three of them.
    pub radar: Option<Radar>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BarView {
    pub id: String,
    pub number: String,
    pub title: String,
    /// 1 for a top-level section.
    pub depth: usize,
    pub score: ScoreView,
    /// Bar length as a share of the full width, 0-100.
    pub width: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct MarkView {
    pub value: f64,
    pub text: String,
}

/// Radar geometry in a square `size` × `size` viewBox centred at (`centre`, `centre`).
#[derive(Debug, Clone, Serialize)]
pub struct Radar {
    pub size: f64,
    pub centre: f64,
    pub radius: f64,
    pub axes: Vec<RadarAxis>,
    /// Polygon points ("x,y x,y ...") of the guide rings at 25, 50, 75 and 100.
    pub rings: Vec<String>,
    /// Polygon points of the scores (sections without a score sit at the centre).
    pub shape: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct RadarAxis {
    pub number: String,
    pub title: String,
    pub score: ScoreView,
    pub x: f64,
    pub y: f64,
    pub label_x: f64,
    pub label_y: f64,
    /// SVG `text-anchor`: start, middle or end.
    pub anchor: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionView {
    pub id: String,
    pub number: String,
    pub title: String,
    pub description: Option<String>,
    /// 1 for a top-level section.
    pub depth: usize,
    pub weight: String,
    pub method: String,
    pub score: ScoreView,
    /// The share of its applicable indicators answered, "33.3 %".
    pub completeness: String,
    /// "1 of 3 applicable indicators answered".
    pub answered: String,
    /// The verdict on its indicators and its sub-sections'.
    pub compliance: ComplianceView,
    /// Its informational items in scope, shown at its head.
    pub infos: Vec<InfoView>,
    pub indicators: Vec<IndicatorView>,
    pub sections: Vec<SectionView>,
    /// Its indicators and sub-sections in the checklist's order.
    pub order: Vec<ChildView>,
}

/// A section's child, in the checklist's order: `indicator` or `section`, and its index into
/// the section's `indicators` or `sections`.
#[derive(Debug, Clone, Serialize)]
pub struct ChildView {
    pub kind: &'static str,
    pub index: usize,
}

/// An informational item: text an assessor reads, never scored.
#[derive(Debug, Clone, Serialize)]
pub struct InfoView {
    /// Its code and title, "GV-0 Before you start"; absent without either.
    pub heading: Option<String>,
    pub text: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct IndicatorView {
    pub id: String,
    pub text: String,
    pub guidance: Option<String>,
    /// Where the indicator comes from in the checklist's source, or what it elaborates on.
    pub source: Option<String>,
    pub critical: bool,
    /// Why it is critical; only on a critical indicator.
    pub rationale: Option<String>,
    pub weight: String,
    /// `scored`, `not-applicable`, `not-enough-information` or `unanswered`.
    pub status: String,
    pub status_label: String,
    /// The answer scored: a level, "3 — Established" ("C — Basic" by its code); a number with
    /// its unit and points, "57.5 % → 7.5 points"; or empty without one.
    pub level: String,
    pub score: ScoreView,
    pub pass: String,
    /// Whether the score reaches the pass mark; absent without a score.
    pub passed: Option<bool>,
    pub critical_failure: bool,
    /// `conforming`, `minor`, `major`, `accepted-risk`, `not-applicable` or `not-assessed`.
    pub conformity: String,
    pub conformity_label: String,
    pub review: Option<ReviewView>,
    pub exception: Option<ExceptionView>,
    pub comment: Option<String>,
    pub evidence: Vec<EvidenceView>,
    /// Stale or missing evidence, one sentence each.
    pub evidence_flags: Vec<String>,
    pub action: Option<ActionView>,
    /// Why the answer changed since the previous round.
    pub change_note: Option<String>,
    /// Its target and the next level, when it has a gap or a target of its own.
    pub plan: Option<IndicatorPlanView>,
    pub expected_evidence: Vec<String>,
    pub references: Vec<String>,
    /// The finder's tokens for this indicator (see [`super::finder`]).
    pub finder_tags: String,
    /// How it is answered: `scale`, `number` or `criteria`.
    pub kind: String,
    /// A criteria indicator's criteria, each ticked or not.
    pub criteria: Vec<CriterionView>,
    /// The rule that gave a criteria indicator its level, "3 from the criteria met: at least 3,
    /// including a".
    pub criteria_rule: Option<String>,
    /// What levels mean for this indicator where its rules say so (a level-0 rule describes
    /// what "none met" looks like), shown beside its criteria.
    pub level_meanings: Vec<LevelMeaningView>,
    /// Set when counted at the lowest level for want of information: "D*: scored at the
    /// lowest level for want of information".
    pub lowest: Option<String>,
}

/// One criterion of a criteria indicator, with whether it is met.
#[derive(Debug, Clone, Serialize)]
pub struct CriterionView {
    pub id: String,
    pub text: String,
    pub met: bool,
}

/// A level described by a criteria indicator's own rule: "0 — Absent", "No approved act …".
#[derive(Debug, Clone, Serialize)]
pub struct LevelMeaningView {
    /// The level as the reader sees it, "0 — Absent".
    pub level: String,
    pub text: String,
    /// Whether the indicator's level came from this rule.
    pub reached: bool,
}

/// An auditor's review next to the self-assessment.
#[derive(Debug, Clone, Serialize)]
pub struct ReviewView {
    /// "3 — Established", or "—" without a self-assessed level.
    pub self_level: String,
    pub self_score: String,
    pub verified_level: String,
    pub verified_score: String,
    /// Verified minus self-assessed level: "+1", "−2", "0"; "—" without a self-assessed level.
    pub difference: String,
    /// `raised`, `lowered`, `confirmed`, or `rated` (no self-assessed level).
    pub direction: String,
    pub direction_label: String,
    /// Whether the verified level is the one scored (the verified basis).
    pub scored: bool,
    pub comment: Option<String>,
    pub reviewer: Option<String>,
    pub date: Option<String>,
}

/// An accepted exception.
#[derive(Debug, Clone, Serialize)]
pub struct ExceptionView {
    pub reason: String,
    pub approved_by: String,
    pub expires: String,
    /// `valid`, `expiring-soon` or `expired`.
    pub state: String,
    pub state_label: String,
    /// Whether it takes its indicator out of the scores (not expired).
    pub applies: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct EvidenceView {
    pub title: String,
    pub date: Option<String>,
    pub reference: Option<String>,
    /// The reference as a link target, only for `http`, `https` and relative links.
    pub href: Option<String>,
    /// Older than the indicator's maximum evidence age.
    pub stale: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ActionView {
    pub indicator_id: String,
    pub indicator_text: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<String>,
    /// Due before the assessment date.
    pub overdue: bool,
}

/// The compliance part of the report: verdicts, the non-conformities to sign off.
#[derive(Debug, Clone, Serialize)]
pub struct ComplianceReport {
    pub overall: ComplianceView,
    /// Every section, nested ones after their parent.
    pub sections: Vec<SectionComplianceView>,
    /// Major non-conformities first, then minor ones, each in checklist order.
    pub findings: Vec<FindingView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct SectionComplianceView {
    pub id: String,
    pub number: String,
    pub title: String,
    pub depth: usize,
    pub compliance: ComplianceView,
}

/// One non-conformity.
#[derive(Debug, Clone, Serialize)]
pub struct FindingView {
    /// 1, 2, … in the order of the list.
    pub number: usize,
    pub id: String,
    pub text: String,
    /// "2.1 Title".
    pub section: String,
    /// `major` or `minor`.
    pub severity: String,
    pub severity_label: String,
    /// The self-assessed level, with the verified one after an arrow when reviewed: "3 → 1",
    /// "2"; "—" for no level.
    pub levels: String,
    pub score: String,
    pub pass: String,
    /// Why it fails: below the pass mark, unanswered, not enough information.
    pub reason: String,
    /// When the indicator's accepted exception expired, "Accepted exception expired on …".
    pub expired_exception: Option<String>,
}

/// The accepted exceptions and what they do to the overall score.
#[derive(Debug, Clone, Serialize)]
pub struct ExceptionsReport {
    /// The overall score with the exceptions in force.
    pub score: ScoreView,
    /// The overall score with every exception ignored; absent when none is in force.
    pub without: Option<ScoreView>,
    /// Exceptions in force, in checklist order, those expiring soon flagged.
    pub in_force: Vec<ExceptionItem>,
    /// Exceptions in force that expire within 90 days of the assessment date, soonest first.
    pub expiring: Vec<ExceptionItem>,
    /// Expired exceptions, in checklist order.
    pub expired: Vec<ExceptionItem>,
}

/// An exception with its indicator.
#[derive(Debug, Clone, Serialize)]
pub struct ExceptionItem {
    pub id: String,
    pub text: String,
    pub section: String,
    pub critical: bool,
    /// The indicator's own score, which the exception takes out of the aggregates.
    pub score: ScoreView,
    pub pass: String,
    pub exception: ExceptionView,
}

/// An indicator with stale or missing evidence.
#[derive(Debug, Clone, Serialize)]
pub struct FreshnessView {
    pub id: String,
    pub text: String,
    pub section: String,
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Methodology {
    pub scales: Vec<ScaleView>,
    /// How the top-level sections combine, e.g. "Weighted mean".
    pub method: String,
    /// What unanswered indicators contribute.
    pub missing: String,
    pub pass: String,
    /// Which levels the scores use, in a sentence.
    pub basis: String,
    /// "730 days", or "not set".
    pub evidence_max_age: String,
    /// The least completeness for a band and a verdict, "50%".
    pub min_completeness: String,
    pub bands: Vec<BandRangeView>,
    pub cap: Option<BandView>,
    /// How aggregates are rounded, in a sentence; absent when they are not.
    pub rounding: Option<String>,
    /// What a not-enough-information answer counts as, when not left out.
    pub not_enough_information: Option<String>,
    /// Set when a not-applicable answer needs no justification.
    pub not_applicable: Option<String>,
    pub grades: Vec<GradeListView>,
    pub tables: Vec<TableView>,
    pub overall: TraceView,
    /// One per section, in checklist order (nested ones after their parent).
    pub traces: Vec<TraceView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ScaleView {
    pub id: String,
    pub label: Option<String>,
    /// Whether its levels have codes (a column for them).
    pub has_codes: bool,
    pub levels: Vec<LevelView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct LevelView {
    /// The level's value as written, "2" or "7.5".
    pub value: String,
    /// Its short code, where the scale has codes.
    pub code: Option<String>,
    pub label: String,
    pub description: Option<String>,
    /// The indicator score this level gives.
    pub score: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct BandRangeView {
    pub band: BandView,
    /// "70–85" or "85–100".
    pub range: String,
}

/// How one aggregate was computed, for a reader to recompute by hand.
#[derive(Debug, Clone, Serialize)]
pub struct TraceView {
    pub id: String,
    pub number: String,
    pub title: String,
    pub method: String,
    pub counted: Vec<TermView>,
    pub excluded: Vec<ExcludedView>,
    /// Whether the method combines values (`weakest-link`, `table`, `sum`): the terms then
    /// show them.
    pub values: bool,
    /// The arithmetic, e.g. "(2 × 75.0 + 1 × 50.0) ÷ 3 = 66.7", "{B, C, A}: n 3, sum 9 → B".
    pub formula: String,
    pub result: ScoreView,
}

#[derive(Debug, Clone, Serialize)]
pub struct TermView {
    pub id: String,
    /// How a reader finds it: an indicator's id, a section's number.
    pub reference: String,
    pub title: String,
    pub kind: String,
    pub score: String,
    pub weight: String,
    /// The value counted by a value method: a code ("B", "D*" at the lowest level for want of
    /// information) or a number ("7.5").
    pub value: Option<String>,
    /// "via 2.1 Title" when it counts through a pooled section.
    pub pooled_from: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ExcludedView {
    pub id: String,
    /// How a reader finds it: an indicator's id, a section's number.
    pub reference: String,
    pub title: String,
    pub kind: String,
    pub reason: String,
    pub pooled_from: Option<String>,
}

/// A grade list of the methodology.
#[derive(Debug, Clone, Serialize)]
pub struct GradeListView {
    pub id: String,
    pub grades: Vec<GradeView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct GradeView {
    pub code: String,
    pub value: String,
    pub label: Option<String>,
    /// The section score the grade gives, 0-100.
    pub score: String,
}

/// A conversion table of the methodology, a row per number of children.
#[derive(Debug, Clone, Serialize)]
pub struct TableView {
    pub id: String,
    pub rows: Vec<TableRowView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct TableRowView {
    pub count: String,
    /// "sum → result" pairs, "9 → B".
    pub entries: Vec<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Provenance {
    #[serde(flatten)]
    pub tool: super::ToolView,
    pub checklist_id: String,
    pub checklist_version: String,
    pub checklist_file: String,
    pub checklist_sha256: String,
    pub answers_file: String,
    pub answers_sha256: String,
    /// The report's date (ISO 8601 in every language; the PDF's creation date).
    pub report_date: Date,
    /// The report's date as a reader writes it.
    pub date: String,
    /// Which levels the scores use, in a few words.
    pub basis: String,
}

/// The quality-assurance record: who assessed, who reviewed and when, peer reviews, the
/// comments on the draft and the disagreements on record.
#[derive(Debug, Clone, Serialize)]
pub struct QualityView {
    /// "Name, role" of each assessor.
    pub assessed_by: Vec<String>,
    /// The auditors, with their institution; absent on a self-assessment.
    pub audited_by: Option<String>,
    /// The day of the reviews, or the first and last: "27 – 28 November 2026".
    pub review_dates: Option<String>,
    pub peer_reviews: Vec<PeerReviewView>,
    pub draft_comments: Vec<DraftCommentView>,
    pub disagreements: Vec<DisagreementView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct PeerReviewView {
    pub name: String,
    pub institution: Option<String>,
    pub date: Option<String>,
    pub scope: Option<String>,
    pub conclusion: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DraftCommentView {
    pub by: String,
    pub date: Option<String>,
    pub text: String,
    pub response: Option<String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct DisagreementView {
    /// The indicator's id, a reference to its finding.
    pub indicator: Option<String>,
    pub by: String,
    pub text: String,
    pub resolution: Option<String>,
}

/// The signatures that close the report: the head of the organisation's approval of a
/// self-assessment, with the assessors', or the auditor's attestation of an audited report.
#[derive(Debug, Clone, Serialize)]
pub struct SignOff {
    /// `approval` or `attestation`.
    pub role: String,
    pub heading: String,
    /// «ЗАТВЕРДЖУЮ» above an approval; absent on an attestation.
    pub stamp: Option<String>,
    /// What the signature confirms; an attestation says how many answers were verified.
    pub statement: String,
    /// The audit's scope, on an attestation.
    pub scope: Option<String>,
    /// The heading of the first column: the position, or the auditor's institution.
    pub position_label: String,
    /// Who signs, a row each; what is not known is left blank to fill in by hand.
    pub signatories: Vec<Signatory>,
    /// The assessors, who sign a self-assessment as having prepared it; empty on an attestation.
    pub assessors: Vec<Signatory>,
}

#[derive(Debug, Clone, Serialize)]
pub struct Signatory {
    pub position: Option<String>,
    pub name: Option<String>,
    pub date: Option<String>,
}

/// The improvement plan, display-ready: a part of the report, and the body of `oversight plan`.
#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    /// The day overdue actions are judged on, "1 December 2026".
    pub as_of: String,
    pub counts: PlanCounts,
    /// The counts in a sentence.
    pub summary: String,
    /// The gaps to the targets, in priority order.
    pub gaps: Vec<GapView>,
    /// Every action, overdue first, then open by due date, then done, then dropped.
    pub actions: Vec<PlanActionView>,
    /// The actions by responsible unit, units in the order of their first action above
    /// (actions without a unit last); each group holds positions in `actions`.
    pub by_unit: Vec<ActionGroup>,
    /// The actions by the quarter they are due in, earliest first, undated last.
    pub by_quarter: Vec<ActionGroup>,
    /// The risk and maturity matrices; empty when the checklist rates no impact.
    pub matrices: Vec<MatrixView>,
}

#[derive(Debug, Clone, Copy, Default, Serialize)]
pub struct PlanCounts {
    pub gaps: usize,
    pub critical: usize,
    /// Gaps that no action (other than a dropped one) addresses.
    pub unaddressed: usize,
    pub actions: usize,
    pub overdue: usize,
    /// Planned or in progress, and not overdue.
    pub open: usize,
    pub done: usize,
    pub dropped: usize,
}

/// One gap to a target.
#[derive(Debug, Clone, Serialize)]
pub struct GapView {
    /// 1, 2, … in priority order.
    pub rank: usize,
    pub id: String,
    pub text: String,
    /// "2.1 Title".
    pub section: String,
    pub critical_failure: bool,
    pub accepted_risk: bool,
    /// The current level, "1 — Initial"; a value, "40 %"; or the status, "Unanswered".
    pub current: String,
    pub target: TargetView,
    /// Points to the target, "25.0".
    pub distance: String,
    pub weight: String,
    /// Weight × distance, "75.0".
    pub priority: String,
    pub next: Option<NextView>,
    /// The actions that address it (a dropped one is not listed).
    pub actions: Vec<ActionRef>,
}

/// A target as a reader sees it.
#[derive(Debug, Clone, Serialize)]
pub struct TargetView {
    /// "3 — Established", "70 %", or the pass mark "50" for a number indicator.
    pub text: String,
    /// `answer`, `checklist` or `pass-mark`.
    pub source: String,
    pub source_label: String,
    pub by: Option<String>,
}

/// What the next level requires.
#[derive(Debug, Clone, Serialize)]
pub struct NextView {
    /// "2 — Developing", or "90 % → 15 points".
    pub level: String,
    /// The level's description, or the criteria still to meet, "a: The constitution …".
    pub requirements: Vec<String>,
    /// "and 1 more of: c, d" when a rule also counts criteria.
    pub more: Option<String>,
}

/// An indicator's place in the plan.
#[derive(Debug, Clone, Serialize)]
pub struct IndicatorPlanView {
    pub target: TargetView,
    /// Whether it reaches its target (then it has no gap).
    pub reached: bool,
    pub next: Option<NextView>,
    pub actions: Vec<ActionRef>,
}

/// A short reference to an action.
#[derive(Debug, Clone, Serialize)]
pub struct ActionRef {
    /// The `actions:` id; `None` for an answer's own action.
    pub id: Option<String>,
    pub title: String,
    pub status: String,
    pub overdue: bool,
}

/// One action of the plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanActionView {
    pub id: Option<String>,
    pub title: String,
    /// The indicators it addresses, each with its current level and target.
    pub indicators: Vec<AddressedView>,
    pub activities: Vec<String>,
    pub unit: Option<String>,
    pub person: Option<String>,
    pub start: Option<String>,
    pub due: Option<String>,
    /// "Q1 2027"; `None` without a due date.
    pub quarter: Option<String>,
    pub budget_line: Option<String>,
    pub staff: Option<String>,
    pub success_indicator: Option<String>,
    /// `high`, `medium` or `low`.
    pub priority: Option<String>,
    pub priority_label: Option<String>,
    /// `planned`, `in-progress`, `done` or `dropped`.
    pub status: String,
    pub status_label: String,
    pub completed: Option<String>,
    pub dropped_reason: Option<String>,
    pub progress: Vec<NoteView>,
    pub overdue: bool,
    /// Written as an answer's own `action`.
    pub from_answer: bool,
}

/// An indicator an action addresses.
#[derive(Debug, Clone, Serialize)]
pub struct AddressedView {
    pub id: String,
    pub text: String,
    /// "1 — Initial → 3 — Established"; the current level alone when it has no gap.
    pub levels: String,
}

/// A dated progress note.
#[derive(Debug, Clone, Serialize)]
pub struct NoteView {
    pub date: String,
    pub note: String,
}

/// Actions under one heading: a unit, or a quarter.
#[derive(Debug, Clone, Serialize)]
pub struct ActionGroup {
    pub title: String,
    /// Positions in [`PlanView::actions`].
    pub actions: Vec<usize>,
    pub overdue: usize,
}

/// The risk and maturity matrix of one scale.
#[derive(Debug, Clone, Serialize)]
pub struct MatrixView {
    /// The scale's name for readers.
    pub scale: String,
    /// The column headings: each level, "0 — Absent", then "No level".
    pub columns: Vec<String>,
    /// High impact first.
    pub rows: Vec<MatrixRowView>,
    /// The cells that hold indicators, in the order of risk: high impact and low level first.
    pub ranked: Vec<MatrixCellView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixRowView {
    /// `high`, `medium` or `low`.
    pub impact: String,
    pub impact_label: String,
    /// One per column.
    pub cells: Vec<GridCell>,
}

/// One cell of the matrix.
#[derive(Debug, Clone, Serialize)]
pub struct GridCell {
    /// The ids of the indicators there, in checklist order.
    pub indicators: Vec<String>,
    /// How urgent the cell is, `high`, `medium` or `low`: from the impact and how far the
    /// level is from the top of the scale (see `docs/plan.md`).
    pub risk: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct MatrixCellView {
    pub impact: String,
    pub impact_label: String,
    /// The column heading.
    pub level: String,
    pub indicators: Vec<AddressedView>,
}
