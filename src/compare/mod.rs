//! Two assessment rounds of one organisation compared: pure, deterministic, typed.
//!
//! The rules (also in `docs/compare-and-consolidate.md`):
//! - **Change** = new score − old score, each taken as the reports print it ([`shown`]: one
//!   decimal), so that the figures on the page subtract, as PEFA's annex of scores requires; a
//!   difference under [`NOISE`] counts as 0. Direction: *improved* (> 0), *declined* (< 0),
//!   *unchanged* (0), *undetermined* (a score is missing in either round).
//! - **Bands** are each round's own; a section (or the whole round) with too little answered to
//!   conclude has none (see [`crate::score`]), and is marked inconclusive.
//! - **Explanations**: an indicator whose level (a number indicator's value) changed between the
//!   rounds (one in one round and none in the other counts) needs the new answer's
//!   `change_note`; [`unexplained`] lists those without one.
//! - **Pass**: an indicator passes when it has a score and `score >= pass mark`
//!   ([`IndicatorResult::score`] and [`IndicatorResult::pass`] of each round). *Newly failing*:
//!   passed in the old round, fails in the new one; *newly passing*: the reverse. Without a
//!   score in either round there is no pass transition.
//! - **Critical failures** ([`IndicatorResult::critical_failure`]): *new* when the indicator
//!   fails critically now and did not before (or did not exist), *resolved* when it did and no
//!   longer does, *persisting* when it does in both, *dropped* when it did and the new version
//!   has no such indicator.
//! - **Old actions**: an action in the old round is *still open* when the new answer to the
//!   same indicator carries an action with the same text (compared after trimming and
//!   collapsing white space), or when the indicator's new score is below its new pass mark.
//!   Otherwise it is *unverified* when the indicator has no score in the new round (or is no
//!   longer in the checklist), and *closed* when the new score reaches the pass mark.
//! - **Not directly comparable**: an indicator row whose indicator is missing in one version,
//!   or whose scale levels, weight, pass mark, critical flag or section changed, or that is
//!   unanswered in a round while `scoring.missing` changed; a section row that is missing in
//!   one version, whose weight or method changed, or that holds a row that is not comparable;
//!   the overall row when a top-level section is not comparable or `scoring.method` or
//!   `scoring.missing` changed. With one checklist version nothing is ever marked.
//! - **Mapping**: when the new checklist has a `mapping:` from the old round's version, an old
//!   indicator is compared with the new indicator the mapping leads it to (its row keeps the old
//!   id in [`IndicatorChange::old_id`] when the two differ); one the mapping leads to `~` is
//!   *unmapped*: listed with the old round's result only. Without a mapping, indicators match
//!   by id.
//! - **Plan actions** ([`plan_actions`]): the `actions:` lists matched by id: done, dropped,
//!   overdue (due before the new assessment date and not closed) or open, and how the
//!   indicators they address moved.
//!
//! Nothing here reads files or formats; the only rounding is [`shown`], the reports' own.

pub mod plan_actions;

use crate::compliance::{Conformity, Verdicts};
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::model::checklist::{Indicator, Section};
use crate::model::mapping::Mapping;
use crate::model::{Assessment, Checklist, Date, Number};
use crate::score::{IndicatorResult, Scorecard, SectionResult, Status, all_indicator_results};
use serde::Serialize;
use std::collections::HashMap;

/// Differences smaller than this (in points out of 100) are floating-point noise: unchanged.
pub const NOISE: f64 = 1e-9;

/// A score as the reports print it: rounded to one decimal exactly as `{:.1}` rounds it (the
/// report formatter prints with `{:.1}`), so that a change computed from it matches the page.
pub fn shown(score: f64) -> f64 {
    format!("{score:.1}").parse().unwrap_or(score)
}

/// One round: the checklist version it answers, the answers, and their scores.
#[derive(Debug, Clone, Copy)]
pub struct Round<'a> {
    pub checklist: &'a Checklist,
    pub assessment: &'a Assessment,
    pub scorecard: &'a Scorecard,
}

/// Which way a score moved.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Direction {
    Improved,
    Declined,
    Unchanged,
    /// A score is missing in one round or both.
    Undetermined,
}

/// A score in both rounds and the difference.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    pub old: Option<f64>,
    pub new: Option<f64>,
    /// `new − old` of the scores as printed ([`shown`]), itself to one decimal (so 60.6 − 56.9
    /// is 3.7, not 3.700000000000003); `None` unless both scores exist.
    pub change: Option<f64>,
    pub direction: Direction,
}

impl Change {
    pub fn between(old: Option<f64>, new: Option<f64>) -> Change {
        let change = old
            .zip(new)
            .map(|(old, new)| shown(shown(new) - shown(old)))
            .map(|d| if d.abs() < NOISE { 0.0 } else { d });
        let direction = match change {
            None => Direction::Undetermined,
            Some(d) if d > 0.0 => Direction::Improved,
            Some(d) if d < 0.0 => Direction::Declined,
            Some(_) => Direction::Unchanged,
        };
        Change {
            old,
            new,
            change,
            direction,
        }
    }
}

/// Why a row is not directly comparable between the two checklist versions.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Reason {
    /// Only in the new version.
    Added,
    /// Only in the old version.
    Removed,
    /// In the old version, and the new version's mapping says no indicator measures it.
    Unmapped,
    /// The scale's level values differ, or the criteria rules or a number's points (labels and
    /// texts may change freely).
    ScaleChanged,
    WeightChanged,
    /// The pass mark that applies (the indicator's own or `scoring.pass`) differs.
    PassChanged,
    CriticalChanged,
    /// The indicator sits in another section.
    SectionChanged,
    /// `scoring.missing` differs and the indicator is unanswered in a round.
    MissingRuleChanged,
    /// The section's (or the overall) method differs.
    MethodChanged,
    /// A row inside the section (or a top-level section) is not comparable.
    PartsChanged,
}

/// Whether an indicator passes (has a score at or above its pass mark) in each round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum PassChange {
    NewlyFailing,
    NewlyPassing,
    StillPassing,
    StillFailing,
    /// No score in one round or both.
    Undetermined,
}

/// What became of a critical failure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum CriticalChange {
    New,
    Resolved,
    Persisting,
    /// A critical failure in the old round on an indicator the new version no longer has.
    Dropped,
    /// Not a critical failure in either round.
    NotFailing,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverallChange {
    pub score: Change,
    /// The code of the old round's band, after the critical cap; `None` when inconclusive.
    pub old_band: Option<String>,
    /// The code of the new round's band, after the critical cap; `None` when inconclusive.
    pub new_band: Option<String>,
    /// Whether enough was answered in each round to conclude.
    pub old_conclusive: bool,
    pub new_conclusive: bool,
    /// Empty when the row is directly comparable.
    pub not_comparable: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionChange {
    pub id: String,
    /// "5.2": the position in the new checklist, or in the old one for a removed section.
    pub number: String,
    /// 1 for a top-level section.
    pub depth: usize,
    pub score: Change,
    /// The code of the section's band in each round; `None` when inconclusive.
    pub old_band: Option<String>,
    pub new_band: Option<String>,
    /// Whether enough of the section was answered in each round to conclude; false where the
    /// section is missing.
    pub old_conclusive: bool,
    pub new_conclusive: bool,
    pub not_comparable: Vec<Reason>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IndicatorChange {
    pub id: String,
    /// The old version's id, when the new checklist's mapping compares it under another id.
    pub old_id: Option<String>,
    /// The section holding the indicator: in the new version, or the old one if removed.
    pub section: String,
    /// The old round's result; `None` when the old version has no such indicator.
    pub old: Option<RoundResult>,
    /// The new round's result; `None` when the new version has no such indicator.
    pub new: Option<RoundResult>,
    pub score: Change,
    pub pass: PassChange,
    pub critical: CriticalChange,
    pub not_comparable: Vec<Reason>,
    /// Whether the level scored differs between the rounds (a level in one and none in the
    /// other counts); false when the indicator is in one version only.
    pub level_changed: bool,
    /// The new answer's explanation of the change.
    pub change_note: Option<String>,
}

/// What became of an action planned in the old round.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FollowUpStatus {
    StillOpen,
    Unverified,
    Closed,
}

/// Why an old action has its status.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum FollowUpReason {
    /// The new answer carries an action with the same text.
    SameAction,
    /// The new score is below the pass mark.
    BelowPassMark,
    /// The indicator has no score in the new round.
    NoScore,
    /// The new version has no such indicator.
    IndicatorRemoved,
    /// The new score reaches the pass mark and no action with the same text remains.
    PassMarkReached,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FollowUp {
    pub indicator: String,
    pub text: String,
    pub owner: Option<String>,
    pub due: Option<Date>,
    pub status: FollowUpStatus,
    pub reasons: Vec<FollowUpReason>,
}

/// How many rows of each kind, for summaries.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub improved: usize,
    pub declined: usize,
    pub unchanged: usize,
    pub undetermined: usize,
    pub newly_failing: usize,
    pub newly_passing: usize,
    pub critical_new: usize,
    pub critical_resolved: usize,
    pub critical_persisting: usize,
    pub critical_dropped: usize,
    pub not_comparable: usize,
    pub actions_still_open: usize,
    pub actions_unverified: usize,
    pub actions_closed: usize,
    /// The plan actions by outcome ([`plan_actions::Outcome`]).
    pub plan_overdue: usize,
    pub plan_open: usize,
    pub plan_done: usize,
    pub plan_dropped: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    /// Whether the rounds answer different checklist versions.
    pub version_changed: bool,
    pub overall: OverallChange,
    /// Sections in the new checklist's order (each followed by its sub-sections), then the
    /// sections only the old version has.
    pub sections: Vec<SectionChange>,
    /// Indicators in the new checklist's order, then those only the old version has.
    pub indicators: Vec<IndicatorChange>,
    /// Actions of the old round, in the old checklist's order.
    pub actions: Vec<FollowUp>,
    /// The `actions:` lists of both rounds matched by id, overdue first.
    pub plan_actions: Vec<plan_actions::ActionFollowUp>,
    pub counts: Counts,
}

/// Compares two rounds.
pub fn compare(old: Round, new: Round) -> Comparison {
    let old_side = Side::new(old, mapping_between(old.checklist, new.checklist));
    let new_side = Side::new(new, None);
    let missing_rule_changed = old.checklist.scoring().missing != new.checklist.scoring().missing;
    let mut indicators: Vec<IndicatorChange> = new_side
        .indicators
        .iter()
        .map(|(id, _)| indicator_change(id, &old_side, &new_side, missing_rule_changed))
        .collect();
    indicators.extend(
        old_side
            .indicators
            .iter()
            .filter(|(id, _)| !new_side.has_indicator(id))
            .map(|(id, _)| indicator_change(id, &old_side, &new_side, missing_rule_changed)),
    );
    let marked: HashMap<&str, bool> = indicators
        .iter()
        .map(|i| (i.id.as_str(), !i.not_comparable.is_empty()))
        .collect();
    let sections = section_changes(&old_side, &new_side, &marked);
    let overall = overall_change(old, new, &sections);
    let actions = follow_ups(&old_side, &new_side);
    let plan_actions = plan_actions::follow_ups(old, new, &indicators);
    let counts = counts(&indicators, &actions, &plan_actions);
    Comparison {
        version_changed: old.checklist.version() != new.checklist.version(),
        overall,
        sections,
        indicators,
        actions,
        plan_actions,
        counts,
    }
}

/// The new checklist's mapping, when it maps the old round's version of the same checklist.
fn mapping_between<'a>(old: &Checklist, new: &'a Checklist) -> Option<&'a Mapping> {
    new.mapping()
        .filter(|m| old.id() == new.id() && old.version() != new.version() && m.from == old.version())
}

/// An indicator's result in one round, with its compliance conformity.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoundResult {
    #[serde(flatten)]
    pub result: IndicatorResult,
    pub conformity: Conformity,
}

/// One round indexed by the ids its indicators are compared under: their own, or, for an old
/// round, the ids the new checklist's mapping leads them to.
struct Side<'a> {
    round: Round<'a>,
    /// The round's own id of each indicator compared under another one.
    own_ids: HashMap<&'a str, &'a str>,
    /// The indicators the mapping leads nowhere.
    unmapped: std::collections::HashSet<&'a str>,
    mapping: Option<&'a Mapping>,
    /// Every indicator with its section id, in checklist order.
    indicators: Vec<(&'a str, &'a str)>,
    parents: HashMap<&'a str, &'a str>,
    definitions: HashMap<&'a str, &'a Indicator>,
    results: HashMap<&'a str, &'a IndicatorResult>,
    /// Every section with its number, in checklist order (depth first).
    sections: Vec<(&'a Section, String)>,
    section_index: HashMap<&'a str, &'a Section>,
    section_results: HashMap<&'a str, &'a SectionResult>,
    verdicts: Verdicts,
}

impl<'a> Side<'a> {
    fn new(round: Round<'a>, mapping: Option<&'a Mapping>) -> Side<'a> {
        fn walk<'a>(sections: &'a [Section], prefix: &str, side: &mut Side<'a>) {
            for (i, section) in sections.iter().enumerate() {
                let number = format!("{prefix}{}", i + 1);
                side.sections.push((section, number.clone()));
                side.section_index.insert(&section.id, section);
                for indicator in &section.indicators {
                    let key = side.key(&indicator.id);
                    side.indicators.push((key, &section.id));
                    side.parents.insert(key, &section.id);
                    side.definitions.insert(key, indicator);
                }
                walk(&section.sections, &format!("{number}."), side);
            }
        }
        fn index<'a>(results: &'a [SectionResult], out: &mut HashMap<&'a str, &'a SectionResult>) {
            for result in results {
                out.insert(&result.id, result);
                index(&result.sections, out);
            }
        }
        let mut side = Side {
            round,
            own_ids: HashMap::new(),
            unmapped: std::collections::HashSet::new(),
            mapping,
            indicators: Vec::new(),
            parents: HashMap::new(),
            definitions: HashMap::new(),
            results: HashMap::new(),
            sections: Vec::new(),
            section_index: HashMap::new(),
            section_results: HashMap::new(),
            verdicts: Verdicts::of(round.scorecard),
        };
        walk(round.checklist.sections(), "", &mut side);
        side.results = round
            .scorecard
            .sections
            .iter()
            .flat_map(all_indicator_results)
            .map(|r| (side.key(&r.id), r))
            .collect();
        index(&round.scorecard.sections, &mut side.section_results);
        side
    }

    /// The id an indicator is compared under, noting those the mapping renames or leads
    /// nowhere (which keep their own id: validation makes sure the new version has no such id).
    fn key(&mut self, id: &'a str) -> &'a str {
        let Some(mapping) = self.mapping else {
            return id;
        };
        match mapping.target(id) {
            Some(target) if target != id => {
                self.own_ids.insert(target, id);
                target
            }
            Some(_) => id,
            None => {
                self.unmapped.insert(id);
                id
            }
        }
    }

    fn has_indicator(&self, id: &str) -> bool {
        self.definitions.contains_key(id)
    }

    fn section_of(&self, indicator: &str) -> Option<&'a str> {
        self.parents.get(indicator).copied()
    }

    fn section(&self, id: &str) -> Option<&'a Section> {
        self.section_index.get(id).copied()
    }

    /// What answering an indicator means: its scale's level values and its criteria rules,
    /// or a number indicator's points. Labels and texts may change freely.
    fn levels(&self, indicator: &Indicator) -> Vec<String> {
        let levels = self
            .round
            .checklist
            .scale_of(indicator)
            .into_iter()
            .flat_map(|s| &s.levels);
        let rules = indicator
            .levels_from_criteria
            .iter()
            .map(|r| format!("{} {:?} {} {:?}", r.level, r.all, r.count, r.required));
        let points = indicator.points.iter().map(|p| format!("{} {}", p.at, p.points));
        levels
            .map(|l| l.value.to_string())
            .chain(indicator.criteria.iter().map(|c| c.id.clone()))
            .chain(rules)
            .chain(points)
            .collect()
    }
}

fn passed(result: &IndicatorResult) -> Option<bool> {
    result.score.map(|score| score >= result.pass)
}

fn indicator_change(id: &str, old: &Side, new: &Side, missing_rule_changed: bool) -> IndicatorChange {
    let old_result = old.results.get(id).map(|r| (*r).clone());
    let new_result = new.results.get(id).map(|r| (*r).clone());
    let with_conformity = |side: &Side, result: Option<IndicatorResult>| {
        result.map(|result| RoundResult {
            conformity: side.verdicts.conformity(&result.id),
            result,
        })
    };
    let mut reasons = Vec::new();
    match (old.definitions.get(id), new.definitions.get(id)) {
        (None, _) => reasons.push(Reason::Added),
        (_, None) if old.unmapped.contains(id) => reasons.push(Reason::Unmapped),
        (_, None) => reasons.push(Reason::Removed),
        (Some(o), Some(n)) => {
            let (o_result, n_result) = (old.results[id], new.results[id]);
            if old.levels(o) != new.levels(n) {
                reasons.push(Reason::ScaleChanged);
            }
            if o.weight != n.weight {
                reasons.push(Reason::WeightChanged);
            }
            if o_result.pass != n_result.pass {
                reasons.push(Reason::PassChanged);
            }
            if o.critical != n.critical {
                reasons.push(Reason::CriticalChanged);
            }
            if old.section_of(id) != new.section_of(id) {
                reasons.push(Reason::SectionChanged);
            }
            let unanswered = |r: &IndicatorResult| r.status == crate::score::Status::Unanswered;
            if missing_rule_changed && (unanswered(o_result) || unanswered(n_result)) {
                reasons.push(Reason::MissingRuleChanged);
            }
        }
    }
    let score = Change::between(
        old_result.as_ref().and_then(|r| r.score),
        new_result.as_ref().and_then(|r| r.score),
    );
    let pass = match (
        old_result.as_ref().and_then(passed),
        new_result.as_ref().and_then(passed),
    ) {
        (Some(true), Some(false)) => PassChange::NewlyFailing,
        (Some(false), Some(true)) => PassChange::NewlyPassing,
        (Some(true), Some(true)) => PassChange::StillPassing,
        (Some(false), Some(false)) => PassChange::StillFailing,
        _ => PassChange::Undetermined,
    };
    let failing = |r: &Option<IndicatorResult>| r.as_ref().map(|r| r.critical_failure);
    let critical = match (failing(&old_result), failing(&new_result)) {
        (Some(true), Some(true)) => CriticalChange::Persisting,
        (Some(true), Some(false)) => CriticalChange::Resolved,
        (Some(true), None) => CriticalChange::Dropped,
        (_, Some(true)) => CriticalChange::New,
        _ => CriticalChange::NotFailing,
    };
    let level_changed = match (&old_result, &new_result) {
        (Some(o), Some(n)) => rated(o) != rated(n),
        _ => false,
    };
    IndicatorChange {
        level_changed,
        change_note: new
            .round
            .assessment
            .answer(id)
            .and_then(|a| a.change_note.clone())
            .filter(|n| !n.trim().is_empty()),
        id: id.to_owned(),
        old_id: old.own_ids.get(id).map(|own| (*own).to_owned()),
        section: new
            .section_of(id)
            .or_else(|| old.section_of(id))
            .unwrap_or_default()
            .to_owned(),
        old: with_conformity(old, old_result),
        new: with_conformity(new, new_result),
        score,
        pass,
        critical,
        not_comparable: reasons,
    }
}

fn section_changes(old: &Side, new: &Side, marked: &HashMap<&str, bool>) -> Vec<SectionChange> {
    // Depth first, so a section's sub-sections are decided before it.
    let mut decided: HashMap<String, bool> = HashMap::new();
    let mut rows: Vec<SectionChange> = Vec::new();
    let listed: Vec<&(&Section, String)> = new
        .sections
        .iter()
        .chain(old.sections.iter().filter(|(s, _)| new.section(&s.id).is_none()))
        .collect();
    for (section, number) in listed.into_iter().rev() {
        let (o, n) = (old.section(&section.id), new.section(&section.id));
        let mut reasons = Vec::new();
        match (o, n) {
            (None, _) => reasons.push(Reason::Added),
            (_, None) => reasons.push(Reason::Removed),
            (Some(o), Some(n)) => {
                if o.weight != n.weight {
                    reasons.push(Reason::WeightChanged);
                }
                if old.round.checklist.method_of(o) != new.round.checklist.method_of(n)
                    || method_rules(old.round.checklist, o) != method_rules(new.round.checklist, n)
                {
                    reasons.push(Reason::MethodChanged);
                }
                let parts_marked = [o, n].iter().any(|s| {
                    s.indicators
                        .iter()
                        .any(|i| marked.get(i.id.as_str()).copied().unwrap_or(true))
                        || s.sections
                            .iter()
                            .any(|c| decided.get(&c.id).copied().unwrap_or(true))
                });
                if parts_marked {
                    reasons.push(Reason::PartsChanged);
                }
            }
        }
        decided.insert(section.id.clone(), !reasons.is_empty());
        let old_result = old.section_results.get(section.id.as_str()).copied();
        let new_result = new.section_results.get(section.id.as_str()).copied();
        rows.push(SectionChange {
            id: section.id.clone(),
            number: number.clone(),
            depth: number.split('.').count(),
            score: Change::between(old_result.and_then(|r| r.score), new_result.and_then(|r| r.score)),
            old_band: band_code(
                old.round,
                old_result.filter(|r| r.conclusive).and_then(|r| r.band),
            ),
            new_band: band_code(
                new.round,
                new_result.filter(|r| r.conclusive).and_then(|r| r.band),
            ),
            old_conclusive: old_result.is_some_and(|r| r.conclusive),
            new_conclusive: new_result.is_some_and(|r| r.conclusive),
            not_comparable: reasons,
        });
    }
    rows.reverse();
    rows
}

/// What a section's method works with beyond its name: its grades, its table, its ranges,
/// its value scale, whether it is pooled, and the checklist's rounding.
type MethodRules<'a> = (
    Option<&'a [crate::model::grades::Grade]>,
    Option<&'a crate::model::table::Table>,
    &'a [crate::model::ranges::Range],
    Option<crate::model::ranges::ValueScale>,
    bool,
    Option<crate::model::rounding::Rounding>,
);

fn method_rules<'a>(checklist: &'a Checklist, section: &'a Section) -> MethodRules<'a> {
    let table = match checklist.method_of(section) {
        crate::model::Method::Table(name) => checklist.table(name),
        _ => None,
    };
    (
        checklist.grades_of(section),
        table,
        &section.ranges,
        section.value_scale,
        section.pool,
        checklist.scoring().rounding,
    )
}

fn overall_change(old: Round, new: Round, sections: &[SectionChange]) -> OverallChange {
    let mut reasons = Vec::new();
    let (o, n) = (old.checklist.scoring(), new.checklist.scoring());
    if o.method != n.method || o.rounding != n.rounding {
        reasons.push(Reason::MethodChanged);
    }
    if o.missing != n.missing || o.not_enough_information != n.not_enough_information {
        reasons.push(Reason::MissingRuleChanged);
    }
    if sections
        .iter()
        .any(|s| s.depth == 1 && !s.not_comparable.is_empty())
    {
        reasons.push(Reason::PartsChanged);
    }
    OverallChange {
        score: Change::between(old.scorecard.overall.score, new.scorecard.overall.score),
        old_band: band_code(
            old,
            old.scorecard.overall.band.filter(|_| old.scorecard.conclusive),
        ),
        new_band: band_code(
            new,
            new.scorecard.overall.band.filter(|_| new.scorecard.conclusive),
        ),
        old_conclusive: old.scorecard.conclusive,
        new_conclusive: new.scorecard.conclusive,
        not_comparable: reasons,
    }
}

fn band_code(round: Round, band: Option<usize>) -> Option<String> {
    band.map(|b| round.checklist.scoring().bands[b].code.clone())
}

/// Every action of the old round, in the old checklist's order, with what became of it: an
/// indicator the mapping renames is followed up under its new id.
fn follow_ups(old: &Side, new: &Side) -> Vec<FollowUp> {
    old.round
        .checklist
        .indicators()
        .into_iter()
        .filter_map(|indicator| {
            let action = old.round.assessment.answer(&indicator.id)?.action.as_ref()?;
            let own = indicator.id.as_str();
            // Unmapped: its own id, which validation keeps out of the new version.
            let id = old.mapping.map_or(Some(own), |m| m.target(own)).unwrap_or(own);
            let same_text = new
                .round
                .assessment
                .answer(id)
                .and_then(|a| a.action.as_ref())
                .is_some_and(|a| same_words(&a.text, &action.text));
            let result = new.results.get(id);
            let mut reasons = Vec::new();
            if same_text {
                reasons.push(FollowUpReason::SameAction);
            }
            if result.and_then(|r| passed(r)) == Some(false) {
                reasons.push(FollowUpReason::BelowPassMark);
            }
            let status = if !reasons.is_empty() {
                FollowUpStatus::StillOpen
            } else if result.is_none() {
                reasons.push(FollowUpReason::IndicatorRemoved);
                FollowUpStatus::Unverified
            } else if result.and_then(|r| r.score).is_none() {
                reasons.push(FollowUpReason::NoScore);
                FollowUpStatus::Unverified
            } else {
                reasons.push(FollowUpReason::PassMarkReached);
                FollowUpStatus::Closed
            };
            Some(FollowUp {
                indicator: id.to_owned(),
                text: action.text.clone(),
                owner: action.owner.clone(),
                due: action.due,
                status,
                reasons,
            })
        })
        .collect()
}

/// What an answer rates its indicator at, on the chosen basis: a level, or a number indicator's
/// value.
fn rated(result: &IndicatorResult) -> Option<Number> {
    result.level.or(result.value)
}

/// `change-unexplained` for every indicator whose level changed without a `change_note` in the
/// new answers, at `answers[id].change_note` of `new`'s file, in the new checklist's order. An
/// indicator out of either round's scope is not answered there, so nothing is to explain.
pub fn unexplained(comparison: &Comparison, new: &Assessment) -> Diagnostics {
    let out_of_scope =
        |r: &Option<RoundResult>| r.as_ref().is_some_and(|r| r.result.status == Status::OutOfScope);
    comparison
        .indicators
        .iter()
        .filter(|i| i.level_changed && i.change_note.is_none())
        .filter(|i| !out_of_scope(&i.old) && !out_of_scope(&i.new))
        .map(|i| {
            let level = |r: &Option<RoundResult>| {
                r.as_ref()
                    .and_then(|r| rated(&r.result))
                    .map_or_else(|| "none".to_owned(), |l| format!("`{l}`"))
            };
            Diagnostic::warning(
                "change-unexplained",
                &new.origin,
                Place::path(format!("answers[{}].change_note", i.id)),
                format!(
                    "the level changed from {} to {} without an explanation",
                    level(&i.old),
                    level(&i.new)
                ),
            )
            .with_hint(
                "add `change_note:` to the answer, saying why the level changed since the previous round",
            )
        })
        .collect()
}

/// Equal after trimming and collapsing runs of white space; case and punctuation count.
pub fn same_words(a: &str, b: &str) -> bool {
    a.split_whitespace().eq(b.split_whitespace())
}

fn counts(
    indicators: &[IndicatorChange],
    actions: &[FollowUp],
    plan: &[plan_actions::ActionFollowUp],
) -> Counts {
    let mut counts = Counts::default();
    for row in indicators {
        match row.score.direction {
            Direction::Improved => counts.improved += 1,
            Direction::Declined => counts.declined += 1,
            Direction::Unchanged => counts.unchanged += 1,
            Direction::Undetermined => counts.undetermined += 1,
        }
        match row.pass {
            PassChange::NewlyFailing => counts.newly_failing += 1,
            PassChange::NewlyPassing => counts.newly_passing += 1,
            _ => {}
        }
        match row.critical {
            CriticalChange::New => counts.critical_new += 1,
            CriticalChange::Resolved => counts.critical_resolved += 1,
            CriticalChange::Persisting => counts.critical_persisting += 1,
            CriticalChange::Dropped => counts.critical_dropped += 1,
            CriticalChange::NotFailing => {}
        }
        if !row.not_comparable.is_empty() {
            counts.not_comparable += 1;
        }
    }
    for action in actions {
        match action.status {
            FollowUpStatus::StillOpen => counts.actions_still_open += 1,
            FollowUpStatus::Unverified => counts.actions_unverified += 1,
            FollowUpStatus::Closed => counts.actions_closed += 1,
        }
    }
    for action in plan {
        match action.outcome {
            plan_actions::Outcome::Overdue => counts.plan_overdue += 1,
            plan_actions::Outcome::Open => counts.plan_open += 1,
            plan_actions::Outcome::Done => counts.plan_done += 1,
            plan_actions::Outcome::Dropped => counts.plan_dropped += 1,
        }
    }
    counts
}
