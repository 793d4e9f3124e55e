//! The improvement plan: the gaps in priority order, the actions grouped by responsible unit
//! and by due quarter, the risk and maturity matrix, and each indicator's target line.

use crate::model::{ActionStatus, Date, Indicator, Number, Rating};
use crate::plan::{Action, Gap, Matrix, NextStep, ResolvedTarget, TargetSource};
use crate::report::{
    ActionGroup, ActionRef, AddressedView, Builder, GapView, GridCell, IndicatorPlanView, MatrixCellView,
    MatrixRowView, MatrixView, NextView, NoteView, PlanActionView, PlanCounts, PlanView, TargetView,
    scale_level_text, status_key,
};
use crate::score::IndicatorResult;
use std::collections::HashMap;

/// Every indicator with its section and result, and every gap, by indicator id.
struct Lookup<'a> {
    entries: HashMap<&'a str, (&'a Indicator, String, &'a IndicatorResult)>,
    gaps: HashMap<&'a str, &'a Gap>,
}

impl<'a> Builder<'a> {
    fn lookup(&'a self) -> Lookup<'a> {
        Lookup {
            entries: self
                .entries()
                .into_iter()
                .map(|e| (e.indicator.id.as_str(), (e.indicator, e.section, e.result)))
                .collect(),
            gaps: self.plan.gaps.iter().map(|g| (g.indicator.as_str(), g)).collect(),
        }
    }
}

impl Builder<'_> {
    pub(in crate::report) fn plan_view(&self) -> PlanView {
        let plan = &self.plan;
        let lookup = self.lookup();
        let actions: Vec<PlanActionView> = plan
            .actions
            .iter()
            .map(|a| self.plan_action(a, &lookup))
            .collect();
        let count = |status: ActionStatus| {
            plan.actions
                .iter()
                .filter(|a| !a.overdue && a.entry.status == status)
                .count()
        };
        let counts = PlanCounts {
            gaps: plan.gaps.len(),
            critical: plan.gaps.iter().filter(|g| g.critical_failure).count(),
            unaddressed: plan.gaps.iter().filter(|g| !g.addressed).count(),
            actions: plan.actions.len(),
            overdue: plan.actions.iter().filter(|a| a.overdue).count(),
            open: count(ActionStatus::Planned) + count(ActionStatus::InProgress),
            done: count(ActionStatus::Done),
            dropped: count(ActionStatus::Dropped),
        };
        PlanView {
            as_of: self.fmt.date(plan.as_of),
            summary: self.plan_summary(&counts, plan.as_of),
            counts,
            gaps: plan
                .gaps
                .iter()
                .enumerate()
                .map(|(i, g)| self.gap_view(i + 1, g, &lookup))
                .collect(),
            by_unit: self.groups(&actions, |a| a.unit.clone(), "plan_no_unit"),
            by_quarter: self.by_quarter(&actions),
            matrices: plan.matrices.iter().map(|m| self.matrix(m, &lookup)).collect(),
            actions,
        }
    }

    /// "Gaps to the targets: 12 (critical failures: 2; …). Actions: 9 (overdue: 2; …)."
    fn plan_summary(&self, c: &PlanCounts, as_of: Date) -> String {
        self.labels.fill(
            "plan_summary",
            &[
                ("date", &self.fmt.date(as_of)),
                ("gaps", &c.gaps.to_string()),
                ("critical", &c.critical.to_string()),
                ("unaddressed", &c.unaddressed.to_string()),
                ("actions", &c.actions.to_string()),
                ("overdue", &c.overdue.to_string()),
                ("open", &c.open.to_string()),
                ("done", &c.done.to_string()),
                ("dropped", &c.dropped.to_string()),
            ],
        )
    }

    /// An indicator's target, whether it is reached, the next level and the actions on it:
    /// for an indicator with a gap, or with a target of its own.
    pub(in crate::report) fn indicator_plan(
        &self,
        indicator: &Indicator,
        result: &IndicatorResult,
    ) -> Option<IndicatorPlanView> {
        let gap = self.plan.gaps.iter().find(|g| g.indicator == indicator.id);
        let own_target = self
            .input
            .assessment
            .answer(&indicator.id)
            .and_then(|a| a.target.as_deref())
            .or(indicator.target.as_ref());
        if gap.is_none() && (own_target.is_none() || result.score.is_none()) {
            return None;
        }
        let target = match gap {
            Some(gap) => gap.target.clone(),
            None => crate::plan::target::resolve(
                self.input.checklist,
                indicator,
                self.input
                    .assessment
                    .answer(&indicator.id)
                    .and_then(|a| a.target.as_deref()),
                result,
            ),
        };
        Some(IndicatorPlanView {
            target: self.target_view(indicator, &target),
            reached: gap.is_none(),
            next: gap
                .and_then(|g| g.next.as_ref())
                .map(|n| self.next_view(indicator, n)),
            actions: self.action_refs(&indicator.id),
        })
    }

    fn gap_view(&self, rank: usize, gap: &Gap, lookup: &Lookup) -> GapView {
        let (indicator, section, _) = &lookup.entries[gap.indicator.as_str()];
        GapView {
            rank,
            id: gap.indicator.clone(),
            text: self.text(&indicator.text),
            section: section.clone(),
            critical_failure: gap.critical_failure,
            accepted_risk: gap.accepted_risk,
            current: self.current(indicator, gap.level, gap.value, gap.status),
            target: self.target_view(indicator, &gap.target),
            distance: self.fmt.score(Some(gap.distance)),
            weight: self.fmt.plain(gap.weight),
            priority: self.fmt.score(Some(gap.priority)),
            next: gap.next.as_ref().map(|n| self.next_view(indicator, n)),
            actions: self.action_refs(&gap.indicator),
        }
    }

    /// What the indicator stands at: its level, its value, or its status.
    fn current(
        &self,
        indicator: &Indicator,
        level: Option<Number>,
        value: Option<Number>,
        status: crate::score::Status,
    ) -> String {
        match (level, value) {
            (Some(_), _) => self.level(indicator, level),
            (None, Some(value)) => self.fmt.quantity(value, self.unit(indicator).as_deref()),
            (None, None) => self
                .labels
                .get(&format!("status_{}", status_key(status)))
                .to_owned(),
        }
    }

    fn target_view(&self, indicator: &Indicator, target: &ResolvedTarget) -> TargetView {
        let text = match (target.level, target.value) {
            (Some(_), _) => self.level(indicator, target.level),
            (None, Some(value)) => self.fmt.quantity(value, self.unit(indicator).as_deref()),
            (None, None) => self
                .labels
                .fill("plan_target_score", &[("score", &self.fmt.plain(target.score))]),
        };
        let source = match target.source {
            TargetSource::Answer => "answer",
            TargetSource::Checklist => "checklist",
            TargetSource::PassMark => "pass-mark",
        };
        TargetView {
            text,
            source: source.to_owned(),
            source_label: self.labels.get(&format!("plan_target_{source}")).to_owned(),
            by: target.by.map(|d| self.fmt.date(d)),
        }
    }

    fn next_view(&self, indicator: &Indicator, next: &NextStep) -> NextView {
        let criterion = |id: &String| {
            let text = indicator
                .criteria
                .iter()
                .find(|c| c.id == *id)
                .map(|c| self.text(&c.text))
                .unwrap_or_default();
            format!("{id}: {text}")
        };
        match next {
            NextStep::Level { level } => NextView {
                level: self.level(indicator, Some(*level)),
                requirements: self
                    .input
                    .checklist
                    .scale_of(indicator)
                    .and_then(|s| s.level(*level))
                    .and_then(|l| self.optional(l.description.as_ref()))
                    .into_iter()
                    .collect(),
                more: None,
            },
            NextStep::Criteria {
                level,
                missing,
                more,
                others,
                ..
            } => NextView {
                level: self.level(indicator, Some(*level)),
                requirements: missing.iter().map(criterion).collect(),
                more: (*more > 0).then(|| {
                    self.labels.fill(
                        "plan_more_criteria",
                        &[("count", &more.to_string()), ("ids", &others.join(", "))],
                    )
                }),
            },
            NextStep::Points { at, points } => NextView {
                level: self.labels.fill(
                    "answer_points",
                    &[
                        ("value", &self.fmt.quantity(*at, self.unit(indicator).as_deref())),
                        ("points", &self.fmt.number(*points)),
                    ],
                ),
                requirements: Vec::new(),
                more: None,
            },
        }
    }

    /// The actions on an indicator, but the dropped ones, in the plan's order.
    fn action_refs(&self, id: &str) -> Vec<ActionRef> {
        self.plan
            .actions
            .iter()
            .filter(|a| a.entry.status != ActionStatus::Dropped && a.entry.indicators.iter().any(|i| i == id))
            .map(|a| ActionRef {
                id: a.entry.id.clone(),
                title: a.entry.title.clone(),
                status: a.entry.status.key().to_owned(),
                overdue: a.overdue,
            })
            .collect()
    }

    fn plan_action(&self, action: &Action, lookup: &Lookup) -> PlanActionView {
        let entry = &action.entry;
        let status = entry.status.key();
        let priority = entry.priority.map(rating_key);
        PlanActionView {
            id: entry.id.clone(),
            title: entry.title.clone(),
            indicators: entry
                .indicators
                .iter()
                .map(|id| self.addressed(id, lookup))
                .collect(),
            activities: entry.activities.clone(),
            unit: non_blank(entry.responsible.unit.as_ref()),
            person: non_blank(entry.responsible.person.as_ref()),
            start: entry.start.map(|d| self.fmt.date(d)),
            due: entry.due.map(|d| self.fmt.date(d)),
            quarter: entry.due.map(|d| self.quarter(d)),
            budget_line: non_blank(entry.resources.budget_line.as_ref()),
            staff: non_blank(entry.resources.staff.as_ref()),
            success_indicator: non_blank(entry.success_indicator.as_ref()),
            priority_label: priority.map(|p| self.labels.get(&format!("plan_priority_{p}")).to_owned()),
            priority: priority.map(str::to_owned),
            status: status.to_owned(),
            status_label: self.labels.get(&format!("plan_status_{status}")).to_owned(),
            completed: entry.completed.map(|d| self.fmt.date(d)),
            dropped_reason: non_blank(entry.dropped_reason.as_ref()),
            progress: entry
                .progress
                .iter()
                .map(|n| NoteView {
                    date: self.fmt.date(n.date),
                    note: n.note.clone(),
                })
                .collect(),
            overdue: action.overdue,
            from_answer: entry.id.is_none(),
        }
    }

    /// An indicator with its current level, and its target when it has a gap.
    fn addressed(&self, id: &str, lookup: &Lookup) -> AddressedView {
        let (indicator, _, result) = &lookup.entries[id];
        let current = self.current(indicator, result.level, result.value, result.status);
        let levels = match lookup.gaps.get(id) {
            Some(gap) => format!("{current} → {}", self.target_view(indicator, &gap.target).text),
            None => current,
        };
        AddressedView {
            id: id.to_owned(),
            text: self.text(&indicator.text),
            levels,
        }
    }

    /// "Q1 2027", "I квартал 2027 р.".
    fn quarter(&self, date: Date) -> String {
        use chrono::Datelike;
        let quarter = (date.0.month0() / 3 + 1).to_string();
        self.labels.fill(
            &format!("plan_quarter_{quarter}"),
            &[("year", &date.0.year().to_string())],
        )
    }

    /// The actions by the quarter they are due in, earliest first, undated last.
    fn by_quarter(&self, actions: &[PlanActionView]) -> Vec<ActionGroup> {
        let mut groups = self.groups(actions, |a| a.quarter.clone(), "plan_no_due_date");
        let due = |group: &ActionGroup| {
            let first = group.actions.first().map(|&i| &self.plan.actions[i]);
            first.and_then(|a| a.entry.due)
        };
        groups.sort_by_key(|g| (due(g).is_none(), due(g)));
        groups
    }

    /// The actions grouped by `key`, groups in the order of their first action, those without
    /// a key last under the label `none`.
    fn groups(
        &self,
        actions: &[PlanActionView],
        key: impl Fn(&PlanActionView) -> Option<String>,
        none: &str,
    ) -> Vec<ActionGroup> {
        let mut groups: Vec<(Option<String>, ActionGroup)> = Vec::new();
        for (i, action) in actions.iter().enumerate() {
            let key = key(action);
            let position = match groups.iter().position(|(k, _)| *k == key) {
                Some(position) => position,
                None => {
                    let title = key.clone().unwrap_or_else(|| self.labels.get(none).to_owned());
                    groups.push((
                        key,
                        ActionGroup {
                            title,
                            actions: Vec::new(),
                            overdue: 0,
                        },
                    ));
                    groups.len() - 1
                }
            };
            let group = &mut groups[position].1;
            group.actions.push(i);
            group.overdue += usize::from(action.overdue);
        }
        groups.sort_by_key(|(key, _)| key.is_none());
        groups.into_iter().map(|(_, g)| g).collect()
    }

    fn matrix(&self, matrix: &Matrix, lookup: &Lookup) -> MatrixView {
        let checklist = self.input.checklist;
        let scale = checklist
            .scales()
            .find(|(n, _)| *n == matrix.scale)
            .map(|(_, s)| s);
        let column = |level: Option<Number>| match level.zip(scale) {
            Some((level, scale)) => scale_level_text(checklist, scale, level, self.input.lang, &self.fmt),
            None => self.labels.get("plan_no_level").to_owned(),
        };
        let levels: Vec<Option<Number>> = {
            let mut levels: Vec<Option<Number>> = Vec::new();
            for cell in &matrix.cells {
                if !levels.contains(&cell.level) {
                    levels.push(cell.level);
                }
            }
            levels
        };
        let maturity = |level: Option<Number>| level.zip(scale).map_or(0.0, |(l, s)| s.position(l) / 100.0);
        let rows = [Rating::High, Rating::Medium, Rating::Low]
            .into_iter()
            .map(|impact| MatrixRowView {
                impact: rating_key(impact).to_owned(),
                impact_label: self
                    .labels
                    .get(&format!("plan_impact_{}", rating_key(impact)))
                    .to_owned(),
                cells: levels
                    .iter()
                    .map(|level| GridCell {
                        indicators: matrix
                            .cells
                            .iter()
                            .find(|c| c.impact == impact && c.level == *level)
                            .map_or_else(Vec::new, |c| c.indicators.clone()),
                        risk: risk(impact, maturity(*level)).to_owned(),
                    })
                    .collect(),
            })
            .collect();
        MatrixView {
            scale: scale
                .and_then(|s| self.optional(s.label.as_ref()))
                .unwrap_or_else(|| matrix.scale.clone()),
            columns: levels.iter().map(|l| column(*l)).collect(),
            rows,
            ranked: matrix
                .cells
                .iter()
                .filter(|c| !c.indicators.is_empty())
                .map(|c| MatrixCellView {
                    impact: rating_key(c.impact).to_owned(),
                    impact_label: self
                        .labels
                        .get(&format!("plan_impact_{}", rating_key(c.impact)))
                        .to_owned(),
                    level: column(c.level),
                    indicators: c.indicators.iter().map(|id| self.addressed(id, lookup)).collect(),
                })
                .collect(),
        }
    }
}

/// How urgent a cell is: impact (low 0, medium ½, high 1) plus the distance of the level from
/// the top of the scale (1 at the lowest level and without a level, 0 at the top); high from
/// 1.25, medium from 0.75.
fn risk(impact: Rating, maturity: f64) -> &'static str {
    let impact = match impact {
        Rating::Low => 0.0,
        Rating::Medium => 0.5,
        Rating::High => 1.0,
    };
    match impact + (1.0 - maturity) {
        r if r >= 1.25 => "high",
        r if r >= 0.75 => "medium",
        _ => "low",
    }
}

fn rating_key(rating: Rating) -> &'static str {
    match rating {
        Rating::Low => "low",
        Rating::Medium => "medium",
        Rating::High => "high",
    }
}

fn non_blank(text: Option<&String>) -> Option<String> {
    text.filter(|t| !t.trim().is_empty()).cloned()
}
