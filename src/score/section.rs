//! One section's result: its children's terms in the checklist's order (with pooled
//! sub-sections opened up), combined by its method under its rules; an assessable section's
//! scored own answer counts instead of them.

use super::methods::{self, Outcome, Rules};
use super::trace::{Calculation, Excluded, Exclusion, NodeKind, Term, Trace};
use super::{
    Exceptions, IndicatorResult, Scorer, SectionResult, Status, all_indicator_results, band_for,
    completeness, conclusive, count_statuses,
};
use crate::model::{Method, Number, Section, Slot};

/// Where a child counts from: its weight factor and the pooled section it belongs to.
#[derive(Clone, Copy)]
struct Via<'a> {
    factor: f64,
    pooled_from: Option<&'a str>,
    /// Whether the method combines values (which the terms then carry).
    values: bool,
    exceptions: Exceptions,
}

/// The results a section's children gave, and their order.
#[derive(Clone, Copy)]
pub(super) struct Children<'r> {
    pub layout: &'r [Slot],
    pub indicators: &'r [IndicatorResult],
    pub sections: &'r [SectionResult],
}

impl<'r> Children<'r> {
    fn of(section: &'r SectionResult) -> Self {
        Children {
            layout: &section.layout,
            indicators: &section.indicators,
            sections: &section.sections,
        }
    }
}

impl Scorer<'_> {
    pub(super) fn sections(&self, sections: &[Section]) -> Vec<SectionResult> {
        sections.iter().map(|s| self.section(s)).collect()
    }

    fn section(&self, section: &Section) -> SectionResult {
        let checklist = self.checklist;
        let own = section.assessable.as_ref().map(|i| self.indicator(i));
        let indicators: Vec<IndicatorResult> = section.indicators.iter().map(|i| self.indicator(i)).collect();
        let sections = self.sections(&section.sections);
        let method = checklist.method_of(section).clone();
        let rules = Rules {
            grades: checklist.grades_of(section),
            table: match &method {
                Method::Table(name) => checklist.table(name),
                _ => None,
            },
            ranges: &section.ranges,
            value_scale: section.value_scale,
            rounding: checklist.scoring().rounding,
        };
        let children = Children {
            layout: &section.layout,
            indicators: &indicators,
            sections: &sections,
        };
        let (mut trace, mut outcome) = self.combine(method, children, &rules);
        if let Some(own) = own.as_ref().filter(|_| trace.method.aggregates()) {
            self.answered(own, &mut trace, &mut outcome);
        }
        let out_of_scope = (own.is_some() || !indicators.is_empty() || !sections.is_empty())
            && own
                .iter()
                .chain(&indicators)
                .all(|i| i.status == Status::OutOfScope)
            && sections.iter().all(|s| s.out_of_scope);
        let all: Vec<&IndicatorResult> = own
            .iter()
            .chain(&indicators)
            .chain(sections.iter().flat_map(all_indicator_results))
            .collect();
        let counts = count_statuses(&all);
        let completeness = completeness(&counts);
        SectionResult {
            id: section.id.clone(),
            weight: section.weight,
            score: outcome.score,
            rounded: outcome.rounded,
            value: outcome.value,
            grade: outcome.grade,
            pool: section.pool,
            band: band_for(checklist, outcome.rounded.or(outcome.score)),
            out_of_scope,
            trace,
            counts,
            completeness,
            conclusive: conclusive(checklist, completeness),
            own,
            indicators,
            sections,
            layout: section.layout.clone(),
        }
    }

    /// Combines indicators and sub-sections by `method`: the trace, and the outcome. Under
    /// `none` nothing is combined, so the trace lists no terms.
    pub(super) fn combine(&self, method: Method, children: Children, rules: &Rules) -> (Trace, Outcome) {
        let via = Via {
            factor: 1.0,
            pooled_from: None,
            values: method.uses_values(),
            exceptions: self.exceptions,
        };
        let mut trace = Trace::new(method);
        if !trace.method.aggregates() {
            return (trace, Outcome::default());
        }
        add_children(&mut trace, children, via);
        let outcome = methods::apply(&trace.method, &trace.counted, rules);
        trace.score = outcome.score;
        trace.rounded = outcome.rounded;
        trace.calculation = outcome.calculation.clone();
        (trace, outcome)
    }

    /// An assessable section's own answer: with a score, it replaces what the children gave
    /// (which the trace keeps as `children`); without one, it is listed as excluded.
    fn answered(&self, own: &IndicatorResult, trace: &mut Trace, outcome: &mut Outcome) {
        let excepted = self.exceptions == Exceptions::Applied && own.excepted();
        let Some(score) = own.score.filter(|_| !excepted) else {
            let left_out = Excluded {
                id: own.id.clone(),
                kind: NodeKind::Indicator,
                reason: reason(own, excepted),
                pooled_from: None,
            };
            trace.excluded.insert(0, left_out);
            return;
        };
        let calculation = Calculation::OwnAnswer {
            children: outcome.score,
        };
        *outcome = Outcome {
            score: Some(score),
            value: own.method_value,
            calculation: Some(calculation.clone()),
            ..Outcome::default()
        };
        trace.counted = vec![Term {
            id: own.id.clone(),
            kind: NodeKind::Indicator,
            score,
            weight: own.weight,
            value: own.method_value.filter(|_| trace.method.uses_values()),
            code: own.code.clone().filter(|_| trace.method.uses_values()),
            scored_as_lowest: own.scored_as_lowest,
            pooled_from: None,
        }];
        trace.excluded.clear();
        trace.calculation = Some(calculation);
        trace.score = Some(score);
        trace.rounded = None;
    }
}

fn add_children(trace: &mut Trace, children: Children, via: Via) {
    for slot in children.layout {
        match *slot {
            Slot::Indicator(i) => add_indicator(trace, &children.indicators[i], via),
            Slot::Section(i) => add_section(trace, &children.sections[i], via),
            Slot::Info(_) => {}
        }
    }
}

fn add_indicator(trace: &mut Trace, indicator: &IndicatorResult, via: Via) {
    let excepted = via.exceptions == Exceptions::Applied && indicator.excepted();
    let child = Child {
        id: &indicator.id,
        kind: NodeKind::Indicator,
        score: indicator.score.filter(|_| !excepted),
        weight: indicator.weight,
        value: indicator.method_value,
        code: indicator.code.as_deref(),
        scored_as_lowest: indicator.scored_as_lowest,
        reason: reason(indicator, excepted),
    };
    child.add_to(trace, via);
}

/// Adds a sub-section as a term; a pooled one adds its own answer and children instead,
/// recursively.
fn add_section(trace: &mut Trace, section: &SectionResult, via: Via) {
    if section.pool {
        let inner = Via {
            factor: scaled(via.factor, section.weight),
            pooled_from: Some(&section.id),
            ..via
        };
        if let Some(own) = &section.own {
            add_indicator(trace, own, inner);
        }
        add_children(trace, Children::of(section), inner);
        return;
    }
    let child = Child {
        id: &section.id,
        kind: NodeKind::Section,
        score: section.score,
        weight: section.weight,
        value: section.value,
        code: section.grade.as_ref().map(|g| g.code.as_str()),
        scored_as_lowest: false,
        reason: if section.out_of_scope {
            Exclusion::OutOfScope
        } else {
            Exclusion::NoScore
        },
    };
    child.add_to(trace, via);
}

/// A child as its parent's trace takes it: counted when it has a score, else excluded.
struct Child<'r> {
    id: &'r str,
    kind: NodeKind,
    score: Option<f64>,
    weight: f64,
    value: Option<Number>,
    code: Option<&'r str>,
    scored_as_lowest: bool,
    /// Why it is left out, when it has no score.
    reason: Exclusion,
}

impl Child<'_> {
    fn add_to(self, trace: &mut Trace, via: Via) {
        let pooled_from = via.pooled_from.map(str::to_owned);
        match self.score {
            Some(score) => trace.counted.push(Term {
                id: self.id.to_owned(),
                kind: self.kind,
                score,
                weight: scaled(self.weight, via.factor),
                value: self.value.filter(|_| via.values),
                code: self.code.filter(|_| via.values).map(str::to_owned),
                scored_as_lowest: self.scored_as_lowest,
                pooled_from,
            }),
            None => trace.excluded.push(Excluded {
                id: self.id.to_owned(),
                kind: self.kind,
                reason: self.reason,
                pooled_from,
            }),
        }
    }
}

fn reason(indicator: &IndicatorResult, excepted: bool) -> Exclusion {
    if excepted {
        return Exclusion::AcceptedException;
    }
    match indicator.status {
        Status::NotApplicable => Exclusion::NotApplicable,
        Status::NotEnoughInformation => Exclusion::NotEnoughInformation,
        Status::OutOfScope => Exclusion::OutOfScope,
        Status::Unanswered | Status::Scored => Exclusion::Unanswered,
    }
}

/// A weight times a pool factor, kept positive and finite (weights of 1e308 and 1e-300 are
/// valid, and so must their products be).
fn scaled(weight: f64, factor: f64) -> f64 {
    if factor == 1.0 {
        weight
    } else {
        (weight * factor).clamp(f64::MIN_POSITIVE, f64::MAX)
    }
}
