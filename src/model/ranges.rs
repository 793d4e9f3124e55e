//! Ranges that convert a sum of points into a section's value (SIGMA: 9-11 points → 3), and
//! the value scale that maps such a value to a 0-100 score.

use super::number::Number;
use serde::{Deserialize, Serialize};

/// Sums from `min` to `max` (both included) give `value`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Range {
    pub min: Number,
    pub max: Number,
    pub value: Number,
}

/// The values of a section: `min` scores 0, `max` scores 100, linearly between.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValueScale {
    pub min: Number,
    pub max: Number,
}

/// The index of the range that holds `sum`.
pub fn range_for(ranges: &[Range], sum: Number) -> Option<usize> {
    ranges.iter().position(|r| r.min <= sum && sum <= r.max)
}
