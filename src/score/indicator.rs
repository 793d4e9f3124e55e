//! One indicator's result: the rating on the chosen basis (a level, a number's points, or the
//! level its ticked criteria give), its status, its 0-100 score, and whether it is a critical
//! failure.

use super::{Basis, Exceptions, IndicatorResult, Scorer, Status};
use crate::model::criteria::deciding_rule;
use crate::model::points::{points_at, points_range, points_score};
use crate::model::{AnswerStatus, Indicator, LevelRef, Missing, NotEnoughInformation, Number};

/// What an answer or a review rates an indicator at.
#[derive(Debug, Clone, PartialEq)]
enum Rating {
    /// A level of the scale.
    Level(Number),
    /// A number indicator's quantity and the points it gives.
    Number { value: Number, points: Number },
    /// The criteria met, the level they give and the rule that gave it.
    Criteria {
        met: Vec<String>,
        level: Number,
        rule: usize,
    },
}

impl Rating {
    fn level(&self) -> Option<Number> {
        match self {
            Rating::Level(level) | Rating::Criteria { level, .. } => Some(*level),
            Rating::Number { .. } => None,
        }
    }

    /// The value that `weakest-link`, `table` and `sum` combine.
    fn method_value(&self) -> Number {
        match self {
            Rating::Level(level) | Rating::Criteria { level, .. } => *level,
            Rating::Number { points, .. } => *points,
        }
    }
}

impl Scorer<'_> {
    pub(super) fn indicator(&self, indicator: &Indicator) -> IndicatorResult {
        let checklist = self.checklist;
        let in_scope = checklist.in_scope(indicator, self.assessment.scope());
        // An answer to an indicator out of scope is ignored (validation warns about it).
        let answer = self.assessment.answer(&indicator.id).filter(|_| in_scope);
        let own =
            answer.and_then(|a| self.rating(indicator, a.level.as_ref(), a.value, a.criteria_met.as_deref()));
        let reviewed = answer
            .and_then(|a| a.review.as_ref())
            .and_then(|r| self.rating(indicator, r.level.as_ref(), r.value, r.criteria_met.as_deref()));
        let rating = match self.basis {
            Basis::Verified => reviewed.clone().or_else(|| own.clone()),
            Basis::SelfAssessed => own.clone(),
        };
        let status = match (&rating, answer.and_then(|a| a.status)) {
            _ if !in_scope => Status::OutOfScope,
            (Some(_), _) => Status::Scored,
            (None, Some(AnswerStatus::NotApplicable)) => Status::NotApplicable,
            (None, Some(AnswerStatus::NotEnoughInformation)) => Status::NotEnoughInformation,
            (None, None) => Status::Unanswered,
        };
        let at_bottom = match status {
            Status::NotEnoughInformation => {
                checklist.scoring().not_enough_information == NotEnoughInformation::Lowest
            }
            Status::Unanswered => checklist.missing_of(indicator) == Missing::Zero,
            Status::Scored | Status::NotApplicable | Status::OutOfScope => false,
        };
        let method_value = match &rating {
            Some(rating) => Some(rating.method_value()),
            None => at_bottom.then(|| bottom(checklist.scale_of(indicator), indicator)),
        };
        let score = match &rating {
            Some(rating) => Some(self.position(indicator, rating.method_value())),
            None => at_bottom.then_some(0.0),
        };
        let exception = answer
            .and_then(|a| a.exception.as_ref())
            .map(|e| e.state_on(self.assessment.assessed_on()));
        let excepted = self.exceptions == Exceptions::Applied && exception.is_some_and(|e| e.applies());
        let pass = checklist.pass_of(indicator);
        let critical_failure = indicator.critical
            && !excepted
            && match status {
                Status::Scored => score.is_some_and(|s| s < pass),
                Status::Unanswered | Status::NotEnoughInformation => true,
                Status::NotApplicable | Status::OutOfScope => false,
            };
        let scale = checklist.scale_of(indicator);
        IndicatorResult {
            id: indicator.id.clone(),
            status,
            level: rating.as_ref().and_then(Rating::level),
            score,
            weight: indicator.weight,
            critical: indicator.critical,
            pass,
            critical_failure,
            self_level: own.as_ref().and_then(Rating::level),
            verified_level: reviewed.as_ref().and_then(Rating::level),
            exception,
            value: match &rating {
                Some(Rating::Number { value, .. }) => Some(*value),
                _ => None,
            },
            points: method_value.filter(|_| scale.is_none()),
            criteria_met: match &rating {
                Some(Rating::Criteria { met, .. }) => Some(met.clone()),
                _ => None,
            },
            criteria_rule: match &rating {
                Some(Rating::Criteria { rule, .. }) => Some(*rule),
                _ => None,
            },
            scored_as_lowest: at_bottom && status == Status::NotEnoughInformation,
            code: scale
                .zip(method_value)
                .and_then(|(s, v)| s.level(v))
                .and_then(|l| l.code.clone()),
            method_value,
        }
    }

    /// The rating an answer or a review gives, in the indicator's own form; `None` when it
    /// gives none (validation has refused every other mismatch).
    fn rating(
        &self,
        indicator: &Indicator,
        level: Option<&LevelRef>,
        value: Option<Number>,
        criteria_met: Option<&[String]>,
    ) -> Option<Rating> {
        let Some(scale) = self.checklist.scale_of(indicator) else {
            return value.map(|value| Rating::Number {
                value,
                points: points_at(&indicator.points, value),
            });
        };
        match criteria_met.filter(|_| !indicator.criteria.is_empty()) {
            Some(met) => deciding_rule(&indicator.levels_from_criteria, scale, met).map(|(rule, level)| {
                Rating::Criteria {
                    met: met.to_vec(),
                    level,
                    rule,
                }
            }),
            None => level
                .and_then(|l| scale.resolve(l))
                .map(|l| Rating::Level(l.value)),
        }
    }

    /// The 0-100 score of a level (on the scale) or of points (between the lowest and the
    /// highest the indicator can get).
    fn position(&self, indicator: &Indicator, value: Number) -> f64 {
        match self.checklist.scale_of(indicator) {
            Some(scale) => scale.position(value),
            None => points_score(&indicator.points, value),
        }
    }
}

/// The value of an indicator counted at the bottom: its scale's lowest level, or its lowest
/// points.
fn bottom(scale: Option<&crate::model::Scale>, indicator: &Indicator) -> Number {
    match scale {
        Some(scale) => scale.lowest(),
        None => points_range(&indicator.points).0,
    }
}
