//! The findings by section: each section with its score and compliance, each indicator with its
//! answer, review, exception, evidence and action.

use crate::freshness::{EvidenceFlag, Problem};
use crate::model::checklist::{Indicator, Section};
use crate::model::points::{points_at, points_range};
use crate::model::scale::position;
use crate::model::{Answer, ExceptionState, Number, PlannedAction, Slot};
use crate::report::{
    ActionView, Builder, ChildView, CriterionView, EvidenceView, ExceptionView, IndicatorView, InfoView,
    LevelMeaningView, ReviewView, ScoreView, SectionView, conformity_key, is_safe_link, level_text,
    status_key,
};
use crate::score::{Basis, IndicatorResult, SectionResult, Status};
use std::collections::HashSet;

impl Builder<'_> {
    pub(in crate::report) fn sections(
        &self,
        sections: &[Section],
        results: &[SectionResult],
        prefix: &str,
    ) -> Vec<SectionView> {
        sections
            .iter()
            .zip(results)
            .enumerate()
            .map(|(i, (section, result))| {
                let number = format!("{prefix}{}", i + 1);
                let values = self.input.checklist.method_of(section).uses_values();
                SectionView {
                    id: section.id.clone(),
                    depth: number.split('.').count(),
                    title: self.section_title(section),
                    description: self.optional(section.description.as_ref()),
                    weight: self.fmt.plain(section.weight),
                    method: self.method(self.input.checklist.method_of(section)),
                    score: self.section_score(result),
                    completeness: self.fmt.percent(result.completeness),
                    answered: self.answered(&result.counts),
                    compliance: self
                        .compliance(&self.verdicts.section_compliance(&section.id), result.conclusive),
                    infos: self.infos(section),
                    // An assessable section's own answer comes first, then its indicators.
                    indicators: section
                        .assessable
                        .iter()
                        .zip(&result.own)
                        .chain(section.indicators.iter().zip(&result.indicators))
                        .map(|(indicator, r)| self.indicator(indicator, r, values))
                        .collect(),
                    sections: self.sections(&section.sections, &result.sections, &format!("{number}.")),
                    order: order(section),
                    number,
                }
            })
            .collect()
    }

    /// A section's informational items in the assessment's scope.
    fn infos(&self, section: &Section) -> Vec<InfoView> {
        let input = self.input;
        section
            .infos
            .iter()
            .filter(|info| input.checklist.info_in_scope(info, input.assessment.scope()))
            .map(|info| {
                let parts = [info.ref_id.clone(), self.optional(info.title.as_ref())];
                let heading: Vec<String> = parts.into_iter().flatten().collect();
                InfoView {
                    heading: (!heading.is_empty()).then(|| heading.join(" ")),
                    text: self.text(&info.text),
                }
            })
            .collect()
    }

    /// An indicator's view; `values` is whether its section combines values, which its score
    /// then shows (its level's code, or its points) instead of the 0-100 score.
    pub(in crate::report) fn indicator(
        &self,
        indicator: &Indicator,
        result: &IndicatorResult,
        values: bool,
    ) -> IndicatorView {
        let answer = self.input.assessment.answer(&indicator.id);
        let conformity = conformity_key(self.verdicts.conformity(&indicator.id));
        let flags: Vec<&EvidenceFlag> = self
            .flags
            .get(indicator.id.as_str())
            .map_or_else(Vec::new, |flags| flags.iter().collect());
        IndicatorView {
            id: indicator.id.clone(),
            text: self.indicator_text(indicator),
            guidance: self.optional(indicator.guidance.as_ref()),
            source: self.optional(indicator.source.as_ref()),
            critical: indicator.critical,
            rationale: self.rationale(indicator),
            weight: self.fmt.plain(indicator.weight),
            status: status_key(result.status).to_owned(),
            status_label: self
                .labels
                .get(&format!("status_{}", status_key(result.status)))
                .to_owned(),
            level: self.answer_text(indicator, result),
            score: self.indicator_score(result, values),
            passed: result
                .score
                .filter(|_| result.status == Status::Scored)
                .map(|s| s >= result.pass),
            pass: self.fmt.plain(result.pass),
            critical_failure: result.critical_failure,
            conformity: conformity.to_owned(),
            conformity_label: self.labels.get(&format!("conformity_{conformity}")).to_owned(),
            review: answer.and_then(|a| self.review(indicator, result, a)),
            exception: result
                .exception
                .zip(answer)
                .and_then(|(state, a)| self.exception(state, a)),
            comment: answer
                .and_then(|a| a.comment.clone())
                .filter(|c| !c.trim().is_empty()),
            evidence: answer.map(|a| self.evidence(a, &flags)).unwrap_or_default(),
            evidence_flags: flags.iter().map(|f| self.flag(f, indicator, answer)).collect(),
            action: answer.and_then(|a| self.action(indicator, a)),
            change_note: answer
                .and_then(|a| a.change_note.clone())
                .filter(|n| !n.trim().is_empty()),
            plan: self.indicator_plan(indicator, result),
            expected_evidence: indicator.evidence.iter().map(|t| self.text(t)).collect(),
            references: indicator.references.iter().map(|t| self.text(t)).collect(),
            finder_tags: String::new(),
            kind: match (
                self.input.checklist.scale_of(indicator),
                indicator.criteria.is_empty(),
            ) {
                (None, _) => "number",
                (Some(_), true) => "scale",
                (Some(_), false) => "criteria",
            }
            .to_owned(),
            criteria: self.criteria(indicator, result),
            criteria_rule: self.criteria_rule(indicator, result),
            level_meanings: self.level_meanings(indicator, result),
            lowest: result.scored_as_lowest.then(|| {
                let lowest = self.value_text(result.code.as_deref(), result.method_value);
                self.labels.fill("lowest_flag", &[("code", &lowest)])
            }),
        }
    }

    /// The answer scored: "3 — Established", or a number with its points, "57.5 % → 7.5 points".
    fn answer_text(&self, indicator: &Indicator, result: &IndicatorResult) -> String {
        if self.input.checklist.scale_of(indicator).is_some() {
            return self.level(indicator, result.level);
        }
        match (result.value, result.points) {
            (Some(value), Some(points)) => self.number_answer(indicator, value, points),
            _ => String::new(),
        }
    }

    /// "57.5 % → 7.5 points".
    fn number_answer(&self, indicator: &Indicator, value: Number, points: Number) -> String {
        self.labels.fill(
            "answer_points",
            &[
                (
                    "value",
                    &self.fmt.quantity(value, self.unit(indicator).as_deref()),
                ),
                ("points", &self.fmt.points(points)),
            ],
        )
    }

    /// The indicator's score, or under a value method the value it counts with ("B", "D*",
    /// "7.5").
    fn indicator_score(&self, result: &IndicatorResult, values: bool) -> ScoreView {
        let mut view = self.score(
            result.score,
            crate::score::band_for(self.input.checklist, result.score),
        );
        if values && result.method_value.is_some() {
            let text = self.value_text(result.code.as_deref(), result.method_value);
            view.text = if result.scored_as_lowest {
                format!("{text}*")
            } else {
                text
            };
        }
        view
    }

    /// A value by its code where it has one, else as a number; "—" without one.
    fn value_text(&self, code: Option<&str>, value: Option<Number>) -> String {
        match (code, value) {
            (Some(code), _) => code.to_owned(),
            (None, Some(value)) => self.fmt.points(value),
            (None, None) => "—".to_owned(),
        }
    }

    /// A criteria indicator's criteria with the ones met ticked; empty unless criteria were given.
    fn criteria(&self, indicator: &Indicator, result: &IndicatorResult) -> Vec<CriterionView> {
        let Some(met) = &result.criteria_met else {
            return Vec::new();
        };
        indicator
            .criteria
            .iter()
            .map(|c| CriterionView {
                id: c.id.clone(),
                text: self.text(&c.text),
                met: met.contains(&c.id),
            })
            .collect()
    }

    /// The levels the indicator's rules describe, shown with its criteria (so empty when no
    /// criteria were given).
    fn level_meanings(&self, indicator: &Indicator, result: &IndicatorResult) -> Vec<LevelMeaningView> {
        if result.criteria_met.is_none() {
            return Vec::new();
        }
        let Some(scale) = self.input.checklist.scale_of(indicator) else {
            return Vec::new();
        };
        indicator
            .levels_from_criteria
            .iter()
            .enumerate()
            .filter_map(|(i, rule)| {
                let description = rule.description.as_ref()?;
                let level = scale.resolve(&rule.level)?;
                Some(LevelMeaningView {
                    level: self.level(indicator, Some(level.value)),
                    text: self.text(description),
                    reached: result.criteria_rule == Some(i),
                })
            })
            .collect()
    }

    /// "3 from the criteria met: at least 3, including a".
    fn criteria_rule(&self, indicator: &Indicator, result: &IndicatorResult) -> Option<String> {
        let rule = indicator.levels_from_criteria.get(result.criteria_rule?)?;
        let ids = |ids: &[String]| ids.join(", ");
        let mut conditions = Vec::new();
        if !rule.all.is_empty() {
            conditions.push(self.labels.fill("criteria_all", &[("ids", &ids(&rule.all))]));
        }
        if rule.count > 0 {
            conditions.push(
                self.labels
                    .fill("criteria_count", &[("count", &rule.count.to_string())]),
            );
        }
        if !rule.required.is_empty() {
            conditions.push(
                self.labels
                    .fill("criteria_required", &[("ids", &ids(&rule.required))]),
            );
        }
        if conditions.is_empty() {
            conditions.push(self.labels.get("criteria_always").to_owned());
        }
        let scale = self.input.checklist.scale_of(indicator)?;
        Some(self.labels.fill(
            "criteria_rule",
            &[
                ("level", &scale.show(result.level?)),
                ("condition", &conditions.join(", ")),
            ],
        ))
    }

    /// "3 — Established", or empty without a level.
    pub(in crate::report) fn level(&self, indicator: &Indicator, level: Option<Number>) -> String {
        level_text(self.input.checklist, indicator, level, self.input.lang, &self.fmt)
    }

    pub(in crate::report) fn review(
        &self,
        indicator: &Indicator,
        result: &IndicatorResult,
        answer: &Answer,
    ) -> Option<ReviewView> {
        let review = answer.review.as_ref()?;
        let scale = self.input.checklist.scale_of(indicator);
        // the levels on a scale; a number indicator's values
        let (own, reviewed) = match scale {
            Some(_) => (result.self_level, result.verified_level),
            None => (answer.value, review.value),
        };
        let score = |rating: Option<Number>| {
            self.fmt.score(rating.map(|r| match scale {
                Some(scale) => scale.position(r),
                None => {
                    let (low, high) = points_range(&indicator.points);
                    position(points_at(&indicator.points, r), low, high)
                }
            }))
        };
        let text = |rating: Option<Number>| match scale {
            Some(_) => self.level(indicator, rating),
            None => rating.map_or_else(String::new, |v| {
                self.number_answer(indicator, v, points_at(&indicator.points, v))
            }),
        };
        let (difference, direction) = match own.zip(reviewed).map(|(own, r)| r.minus(own)) {
            None => ("—".to_owned(), "rated"),
            Some(d) if d == Number::ZERO => ("0".to_owned(), "confirmed"),
            Some(d) if d > Number::ZERO => (format!("+{}", self.fmt.number(d)), "raised"),
            Some(d) => (format!("−{}", self.fmt.number(d.abs())), "lowered"),
        };
        let dash = |text: String| if text.is_empty() { "—".to_owned() } else { text };
        Some(ReviewView {
            self_level: dash(text(own)),
            self_score: score(own),
            verified_level: dash(text(reviewed)),
            verified_score: score(reviewed),
            difference,
            direction: direction.to_owned(),
            direction_label: self.labels.get(&format!("review_{direction}")).to_owned(),
            scored: self.input.scorecard.basis == Basis::Verified,
            comment: review.comment.clone().filter(|c| !c.trim().is_empty()),
            reviewer: review.reviewer.clone().filter(|r| !r.trim().is_empty()),
            date: review.date.map(|d| self.fmt.date(d)),
        })
    }

    pub(in crate::report) fn exception(
        &self,
        state: ExceptionState,
        answer: &Answer,
    ) -> Option<ExceptionView> {
        let exception = answer.exception.as_ref()?;
        let key = match state {
            ExceptionState::Valid => "valid",
            ExceptionState::ExpiringSoon => "expiring-soon",
            ExceptionState::Expired => "expired",
        };
        Some(ExceptionView {
            reason: exception.reason.clone(),
            approved_by: exception.approved_by.clone(),
            expires: self.fmt.date(exception.expires),
            state: key.to_owned(),
            state_label: self.labels.get(&format!("exception_{key}")).to_owned(),
            applies: state.applies(),
        })
    }

    pub(in crate::report) fn evidence(&self, answer: &Answer, flags: &[&EvidenceFlag]) -> Vec<EvidenceView> {
        let stale: HashSet<usize> = flags
            .iter()
            .filter_map(|f| match f.problem {
                Problem::Stale { evidence, .. } => Some(evidence),
                Problem::Missing => None,
            })
            .collect();
        answer
            .evidence
            .iter()
            .enumerate()
            .map(|(i, e)| {
                let reference = e.reference.as_ref().map(|r| self.text(r));
                EvidenceView {
                    title: e.title.clone(),
                    date: e.date.map(|d| self.fmt.date(d)),
                    href: reference
                        .as_deref()
                        .filter(|r| is_safe_link(r))
                        .map(str::to_owned),
                    reference,
                    stale: stale.contains(&i),
                }
            })
            .collect()
    }

    /// A freshness flag as a sentence.
    pub(in crate::report) fn flag(
        &self,
        flag: &EvidenceFlag,
        indicator: &Indicator,
        answer: Option<&Answer>,
    ) -> String {
        let days = |days: i64| self.fmt.count("count_days", usize::try_from(days).unwrap_or(0));
        match &flag.problem {
            Problem::Stale {
                evidence,
                date,
                age_days,
                max_age_days,
            } => {
                let title = answer
                    .and_then(|a| a.evidence.get(*evidence))
                    .map_or("", |e| e.title.as_str());
                self.labels.fill(
                    "freshness_stale",
                    &[
                        ("title", title),
                        ("date", &self.fmt.date(*date)),
                        ("age", &days(*age_days)),
                        ("max", &days(*max_age_days)),
                    ],
                )
            }
            Problem::Missing => {
                let expected: Vec<String> = indicator.evidence.iter().map(|t| self.text(t)).collect();
                self.labels
                    .fill("freshness_missing", &[("expected", &expected.join("; "))])
            }
        }
    }

    pub(in crate::report) fn action(&self, indicator: &Indicator, answer: &Answer) -> Option<ActionView> {
        let action = answer.action.as_ref()?;
        Some(ActionView {
            indicator_id: indicator.id.clone(),
            indicator_text: self.indicator_text(indicator),
            text: action.text.clone(),
            owner: action.owner.clone(),
            due: action.due.map(|d| self.fmt.date(d)),
            overdue: crate::plan::actions::is_overdue(
                &PlannedAction::from_answer(&indicator.id, action),
                self.input.report_date,
            ),
        })
    }
}

/// A section's indicators (its own answer first) and sub-sections in the checklist's order.
fn order(section: &Section) -> Vec<ChildView> {
    let own = usize::from(section.assessable.is_some());
    let first = (own == 1).then_some(ChildView {
        kind: "indicator",
        index: 0,
    });
    let children = section.layout.iter().filter_map(|slot| match *slot {
        Slot::Indicator(i) => Some(ChildView {
            kind: "indicator",
            index: i + own,
        }),
        Slot::Section(i) => Some(ChildView {
            kind: "section",
            index: i,
        }),
        Slot::Info(_) => None,
    });
    first.into_iter().chain(children).collect()
}
