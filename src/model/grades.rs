//! Grade lists: the named results of graded sections (`D`, `D+`, `C`, … `A` for PEFA), each
//! with the value the calculation gives.

use super::number::Number;
use super::scale::position;
use super::text::Text;
use serde::{Deserialize, Serialize};

/// One grade of a list.
#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Grade {
    pub value: Number,
    /// Shown wherever the grade is, "C+".
    pub code: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
}

/// A grade as results carry it: `{"code": "C+", "value": 2.5}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GradeResult {
    pub code: String,
    pub value: Number,
}

/// The grade with this value.
pub fn grade_at(grades: &[Grade], value: Number) -> Option<&Grade> {
    grades.iter().find(|g| g.value == value)
}

/// The grade after the one with this value: one step up ("D" → "D+").
pub fn grade_after(grades: &[Grade], value: Number) -> Option<&Grade> {
    let at = grades.iter().position(|g| g.value == value)?;
    grades.get(at + 1)
}

/// Where a grade value lies in its list, 0 at the first grade and 100 at the last.
pub fn grade_position(grades: &[Grade], value: Number) -> f64 {
    let low = grades.first().map_or(Number::ZERO, |g| g.value);
    let high = grades.last().map_or(Number::ZERO, |g| g.value);
    position(value, low, high)
}

impl Grade {
    pub fn result(&self) -> GradeResult {
        GradeResult {
            code: self.code.clone(),
            value: self.value,
        }
    }
}
