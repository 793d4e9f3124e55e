//! Number indicators: a quantity (a rate, a count of days) turned into points by a piecewise
//! linear function given as points `{at, points}`, flat outside the first and last.

use super::number::Number;
use super::scale::position;
use serde::{Deserialize, Serialize};

/// One corner of the function: at the value `at`, the indicator gets `points`.
#[derive(Debug, Clone, Copy, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Point {
    pub at: Number,
    pub points: Number,
}

/// The points a value gets: linear between two neighbouring corners, the first corner's points
/// below it and the last corner's above it. The corners are validated to have increasing `at`;
/// with none, every value gets 0.
pub fn points_at(corners: &[Point], value: Number) -> Number {
    let (Some(first), Some(last)) = (corners.first(), corners.last()) else {
        return Number::ZERO;
    };
    if value <= first.at {
        return first.points;
    }
    if value >= last.at {
        return last.points;
    }
    corners
        .windows(2)
        .find(|pair| value <= pair[1].at)
        .map_or(last.points, |pair| {
            let (a, b) = (pair[0], pair[1]);
            let share = value.minus(a.at).divided_by(b.at.minus(a.at));
            a.points.plus(b.points.minus(a.points).times(share)).normalized()
        })
}

/// The lowest and the highest points the function gives.
pub fn points_range(corners: &[Point]) -> (Number, Number) {
    let lowest = corners.iter().map(|c| c.points).min().unwrap_or(Number::ZERO);
    let highest = corners.iter().map(|c| c.points).max().unwrap_or(Number::ZERO);
    (lowest, highest)
}

/// The 0-100 score of `points`: their position between the lowest and the highest points the
/// function gives.
pub fn points_score(corners: &[Point], points: Number) -> f64 {
    let (low, high) = points_range(corners);
    position(points, low, high)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(text: &str) -> Number {
        Number::parse(text).expect("a number")
    }

    #[test]
    fn linear_between_and_flat_outside() {
        let rate = [
            Point {
                at: n("25"),
                points: n("0"),
            },
            Point {
                at: n("90"),
                points: n("15"),
            },
        ];
        let at = |value: &str| points_at(&rate, n(value)).to_string();
        assert_eq!(at("20"), "0");
        assert_eq!(at("25"), "0");
        assert_eq!(at("57.5"), "7.5");
        assert_eq!(at("90"), "15");
        assert_eq!(at("95"), "15");
    }
}
