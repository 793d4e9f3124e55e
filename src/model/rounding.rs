//! Rounding of aggregates before banding, ranges and display (`rounding: {digits: 0, mode:
//! half-up}`), as methods such as the GDI publish integer scores.

use super::number::Number;
use rust_decimal::RoundingStrategy;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rounding {
    /// Decimal places kept: 0 rounds to whole numbers.
    pub digits: u32,
    pub mode: RoundingMode,
}

/// How a value between two rounded numbers is rounded.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum RoundingMode {
    /// To the nearest; a half away from zero (62.5 → 63), as spreadsheets' ROUND does.
    HalfUp,
    /// To the nearest; a half to the even neighbour (62.5 → 62, 63.5 → 64).
    HalfEven,
    /// Down, towards minus infinity (11.9 → 11).
    Floor,
    /// Up, towards plus infinity (11.1 → 12).
    Ceiling,
}

/// The most decimal places `digits` may ask for.
pub const MAX_DIGITS: u32 = 6;

impl Rounding {
    pub fn apply(&self, value: Number) -> Number {
        let strategy = match self.mode {
            RoundingMode::HalfUp => RoundingStrategy::MidpointAwayFromZero,
            RoundingMode::HalfEven => RoundingStrategy::MidpointNearestEven,
            RoundingMode::Floor => RoundingStrategy::ToNegativeInfinity,
            RoundingMode::Ceiling => RoundingStrategy::ToPositiveInfinity,
        };
        value.round(self.digits.min(MAX_DIGITS), strategy)
    }

    /// A 0-100 score rounded: taken to nine decimal places first (see [`Number::from_f64`]).
    pub fn apply_score(&self, score: f64) -> f64 {
        self.apply(Number::from_f64(score)).to_f64()
    }

    /// The distance between two neighbouring rounded values.
    pub fn step(&self) -> Number {
        Number::step(self.digits.min(MAX_DIGITS))
    }
}

impl RoundingMode {
    /// The name as written in the checklist.
    pub fn name(self) -> &'static str {
        match self {
            RoundingMode::HalfUp => "half-up",
            RoundingMode::HalfEven => "half-even",
            RoundingMode::Floor => "floor",
            RoundingMode::Ceiling => "ceiling",
        }
    }
}
