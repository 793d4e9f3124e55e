//! One section's result: its children's terms (with pooled sub-sections opened up), combined
//! by its method under its rules.

use super::methods::{self, Outcome, Rules};
use super::trace::{Excluded, Exclusion, NodeKind, Term, Trace};
use super::{
    Exceptions, IndicatorResult, Scorer, SectionResult, Status, all_indicator_results, band_for,
    completeness, conclusive, count_statuses,
};
use crate::model::{Method, Number, Section};

/// Where a child counts from: its weight factor and the pooled section it belongs to.
#[derive(Clone, Copy)]
struct Via<'a> {
    factor: f64,
    pooled_from: Option<&'a str>,
    /// Whether the method combines values (which the terms then carry).
    values: bool,
    exceptions: Exceptions,
}

impl Scorer<'_> {
    pub(super) fn sections(&self, sections: &[Section]) -> Vec<SectionResult> {
        sections.iter().map(|s| self.section(s)).collect()
    }

    fn section(&self, section: &Section) -> SectionResult {
        let checklist = self.checklist;
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
        let (trace, outcome) = self.combine(method, &indicators, &sections, &rules);
        let all: Vec<&IndicatorResult> = indicators
            .iter()
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
            trace,
            counts,
            completeness,
            conclusive: conclusive(checklist, completeness),
            indicators,
            sections,
        }
    }

    /// Combines indicators and sub-sections by `method`: the trace, and the outcome. Under
    /// `none` nothing is combined, so the trace lists no terms.
    pub(super) fn combine(
        &self,
        method: Method,
        indicators: &[IndicatorResult],
        sections: &[SectionResult],
        rules: &Rules,
    ) -> (Trace, Outcome) {
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
        add_indicators(&mut trace, indicators, via);
        add_sections(&mut trace, sections, via);
        let outcome = methods::apply(&trace.method, &trace.counted, rules);
        trace.score = outcome.score;
        trace.rounded = outcome.rounded;
        trace.calculation = outcome.calculation.clone();
        (trace, outcome)
    }
}

fn add_indicators(trace: &mut Trace, indicators: &[IndicatorResult], via: Via) {
    for indicator in indicators {
        let excepted = via.exceptions == Exceptions::Applied && indicator.excepted();
        let child = Child {
            id: &indicator.id,
            kind: NodeKind::Indicator,
            score: indicator.score.filter(|_| !excepted),
            weight: indicator.weight,
            value: indicator.method_value,
            code: indicator.code.as_deref(),
            scored_as_lowest: indicator.scored_as_lowest,
            reason: if excepted {
                Exclusion::AcceptedException
            } else {
                exclusion_for(indicator.status)
            },
        };
        child.add_to(trace, via);
    }
}

/// Adds sub-sections as terms; a pooled one adds its own children instead, recursively.
fn add_sections(trace: &mut Trace, sections: &[SectionResult], via: Via) {
    for section in sections {
        if section.pool {
            let inner = Via {
                factor: scaled(via.factor, section.weight),
                pooled_from: Some(&section.id),
                ..via
            };
            add_indicators(trace, &section.indicators, inner);
            add_sections(trace, &section.sections, inner);
            continue;
        }
        let child = Child {
            id: &section.id,
            kind: NodeKind::Section,
            score: section.score,
            weight: section.weight,
            value: section.value,
            code: section.grade.as_ref().map(|g| g.code.as_str()),
            scored_as_lowest: false,
            reason: Exclusion::NoScore,
        };
        child.add_to(trace, via);
    }
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

fn exclusion_for(status: Status) -> Exclusion {
    match status {
        Status::NotApplicable => Exclusion::NotApplicable,
        Status::NotEnoughInformation => Exclusion::NotEnoughInformation,
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
