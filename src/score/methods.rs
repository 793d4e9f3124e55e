//! The aggregation methods, each a pure function of the counted terms and the section's rules.
//!
//! - `weighted-mean` Σ(w·s)/Σw, `mean` Σs/n, `min`: over the children's 0-100 scores, then
//!   rounded when the checklist rounds;
//! - `weakest-link` (PEFA M1): the lowest child value; when another child is higher, the grade
//!   after it ("C" → "C+");
//! - `{table: NAME}` (PEFA M2): n children whose values sum to s give `table[n][s]` (one child:
//!   its own value); the sum is rounded first when the checklist rounds;
//! - `sum`: the sum of the values, rounded when the checklist rounds, then converted by the
//!   first range that holds it;
//! - `none`: no result.
//!
//! A value method's 0-100 score is the value's position on `value_scale`, else in the grade
//! list, else between the lowest and highest range value; a table without grades gives a 0-100
//! score directly.

use super::trace::{Calculation, Term};
use crate::model::grades::{Grade, GradeResult, grade_after, grade_at, grade_position};
use crate::model::ranges::{Range, ValueScale, range_for};
use crate::model::rounding::Rounding;
use crate::model::scale::position;
use crate::model::table::Table;
use crate::model::{Method, Number};

/// What a section (or the checklist) brings to its method.
#[derive(Debug, Clone, Copy, Default)]
pub struct Rules<'a> {
    pub grades: Option<&'a [Grade]>,
    pub table: Option<&'a Table>,
    pub ranges: &'a [Range],
    pub value_scale: Option<ValueScale>,
    pub rounding: Option<Rounding>,
}

/// The result of one aggregate.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Outcome {
    pub score: Option<f64>,
    pub rounded: Option<f64>,
    pub value: Option<Number>,
    pub grade: Option<GradeResult>,
    pub calculation: Option<Calculation>,
}

/// Applies `method` to the counted terms; no result when nothing counted.
pub fn apply(method: &Method, terms: &[Term], rules: &Rules) -> Outcome {
    if terms.is_empty() {
        return Outcome::default();
    }
    match method {
        Method::WeightedMean | Method::Mean | Method::Min => {
            let score = combine(method, terms);
            Outcome {
                score,
                rounded: rules.rounding.zip(score).map(|(r, s)| r.apply_score(s)),
                ..Outcome::default()
            }
        }
        Method::WeakestLink => weakest_link(terms, rules),
        Method::Table(name) => table(name, terms, rules),
        Method::Sum => sum(terms, rules),
        Method::None => Outcome::default(),
    }
}

/// Combines the counted scores by `weighted-mean`, `mean` or `min`; `None` when there are none
/// (and for the other methods, which do not combine scores).
///
/// A mean lies between its lowest and highest term; the result is kept there, where floating
/// point rounding could otherwise step out (weights 0.7 and 0.2 of two scores of 100 would give
/// 100.00000000000001).
pub fn combine(method: &Method, terms: &[Term]) -> Option<f64> {
    let lowest = terms.iter().map(|t| t.score).reduce(f64::min)?;
    let highest = terms.iter().map(|t| t.score).fold(lowest, f64::max);
    let result = match method {
        Method::WeightedMean => {
            // Weights scaled by a power of two, which changes no digit of the result, so that
            // huge weights (1e308) cannot overflow to infinity.
            let largest = terms.iter().map(|t| t.weight).fold(0.0, f64::max);
            let scale = if largest > 1.0 {
                2f64.powi(-(largest.log2().floor() as i32))
            } else {
                1.0
            };
            let weighted: f64 = terms.iter().map(|t| t.weight * scale * t.score).sum();
            let weights: f64 = terms.iter().map(|t| t.weight * scale).sum();
            weighted / weights
        }
        Method::Mean => terms.iter().map(|t| t.score).sum::<f64>() / terms.len() as f64,
        Method::Min => lowest,
        _ => return None,
    };
    Some(result.clamp(lowest, highest))
}

fn values(terms: &[Term]) -> Vec<Number> {
    terms.iter().filter_map(|t| t.value).collect()
}

fn weakest_link(terms: &[Term], rules: &Rules) -> Outcome {
    let values = values(terms);
    let Some(lowest) = values.iter().copied().min() else {
        return Outcome::default();
    };
    let others_higher = values.iter().any(|v| *v > lowest);
    let grades = rules.grades.unwrap_or_default();
    let grade = if others_higher {
        grade_after(grades, lowest)
    } else {
        grade_at(grades, lowest)
    };
    valued(
        grade.map(|g| g.value),
        rules,
        Calculation::WeakestLink {
            lowest,
            others_higher,
        },
    )
}

fn table(name: &str, terms: &[Term], rules: &Rules) -> Outcome {
    let values = values(terms);
    let (sum, rounded_sum) = summed(&values, rules);
    let value = match values.as_slice() {
        [only] => Some(*only),
        _ => rules
            .table
            .and_then(|t| t.lookup(values.len() as u64, rounded_sum.unwrap_or(sum))),
    };
    valued(
        value,
        rules,
        Calculation::Table {
            table: name.to_owned(),
            count: values.len(),
            sum,
            rounded_sum,
        },
    )
}

fn sum(terms: &[Term], rules: &Rules) -> Outcome {
    let (sum, rounded_sum) = summed(&values(terms), rules);
    let key = rounded_sum.unwrap_or(sum);
    let range = (!rules.ranges.is_empty())
        .then(|| range_for(rules.ranges, key))
        .flatten();
    let value = if rules.ranges.is_empty() {
        Some(key)
    } else {
        range.map(|r| rules.ranges[r].value)
    };
    valued(
        value,
        rules,
        Calculation::Sum {
            sum,
            rounded_sum,
            range,
        },
    )
}

/// The exact sum, and the sum after rounding when the checklist rounds.
fn summed(values: &[Number], rules: &Rules) -> (Number, Option<Number>) {
    let sum = values.iter().fold(Number::ZERO, |total, v| total.plus(*v));
    (sum, rules.rounding.map(|r| r.apply(sum)))
}

/// The outcome of a value method: the value, its grade and its 0-100 score.
fn valued(value: Option<Number>, rules: &Rules, calculation: Calculation) -> Outcome {
    Outcome {
        score: value.and_then(|v| score_of(v, rules)),
        value,
        grade: value
            .zip(rules.grades)
            .and_then(|(v, grades)| grade_at(grades, v))
            .map(Grade::result),
        calculation: Some(calculation),
        rounded: None,
    }
}

/// A value's 0-100 score: on the value scale, else in the grade list, else between the lowest
/// and highest range value, else the value itself (a table without grades gives scores).
fn score_of(value: Number, rules: &Rules) -> Option<f64> {
    if let Some(scale) = rules.value_scale {
        return Some(position(value, scale.min, scale.max));
    }
    if let Some(grades) = rules.grades {
        return Some(grade_position(grades, value));
    }
    let range_values = rules.ranges.iter().map(|r| r.value);
    match (range_values.clone().min(), range_values.max()) {
        (Some(low), Some(high)) => Some(position(value, low, high)),
        _ => Some(value.to_f64().clamp(0.0, 100.0)),
    }
}
