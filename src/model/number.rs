//! Exact decimal numbers for the values a methodology is made of: level values (`7.5`), grade
//! values, conversion tables, ranges, points and the quantities of number indicators.
//!
//! A [`Number`] holds what the file says, digit for digit (`0.1 + 0.2` is `0.3`), so that sums
//! match table keys and range bounds exactly and a value written back to YAML reads as it was
//! written. Scores from 0 to 100 stay `f64`; [`Number::to_f64`] converts with correct rounding.

use rust_decimal::{Decimal, RoundingStrategy};
use serde::de::{self, Deserialize, Deserializer, Unexpected, Visitor};
use std::fmt;
use std::str::FromStr;

/// A decimal number written in a checklist or an answers file.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Number(Decimal);

impl Number {
    pub const ZERO: Number = Number(Decimal::ZERO);

    /// The largest magnitude a checklist number may have, 10^20: beyond every `i64`, and small
    /// enough that sums of thousands of them stay exact.
    pub fn largest() -> Number {
        Number(Decimal::from_i128_with_scale(10_i128.pow(20), 0))
    }

    /// The number a decimal text gives exactly (`"7.5"`); `None` for anything else.
    pub fn parse(text: &str) -> Option<Number> {
        Decimal::from_str_exact(text.trim()).ok().map(Number)
    }

    /// The nearest `f64`, correctly rounded (the same for every machine).
    pub fn to_f64(self) -> f64 {
        f64::from_str(&self.0.to_string()).unwrap_or(0.0)
    }

    /// A score or other `f64` as a number, taken to nine decimal places first so that the noise
    /// of binary arithmetic (62.49999999999999 for 62.5) does not decide a rounding.
    pub fn from_f64(value: f64) -> Number {
        if !value.is_finite() {
            return Number::ZERO;
        }
        Decimal::from_str(&format!("{value:.9}"))
            .map(|d| Number(d.normalize()))
            .unwrap_or(Number::ZERO)
    }

    /// Sum that saturates instead of overflowing (checklist numbers are bounded, so it never
    /// does in practice).
    pub fn plus(self, other: Number) -> Number {
        Number(self.0.saturating_add(other.0))
    }

    pub fn minus(self, other: Number) -> Number {
        Number(self.0.saturating_sub(other.0))
    }

    pub fn times(self, other: Number) -> Number {
        Number(self.0.saturating_mul(other.0))
    }

    /// `self / other`; zero when `other` is zero.
    pub fn divided_by(self, other: Number) -> Number {
        Number(self.0.checked_div(other.0).unwrap_or(Decimal::ZERO))
    }

    /// Rounded to `digits` decimal places by `strategy`.
    pub fn round(self, digits: u32, strategy: RoundingStrategy) -> Number {
        Number(self.0.round_dp_with_strategy(digits, strategy).normalize())
    }

    /// Rounded to at most `places` decimals, a half to the even neighbour, for display.
    pub fn to_places(self, places: u32) -> Number {
        self.round(places, RoundingStrategy::MidpointNearestEven)
    }

    /// `10^-digits`, the step between two numbers rounded to `digits` places.
    pub fn step(digits: u32) -> Number {
        Number(Decimal::new(1, digits.min(28)))
    }

    pub fn abs(self) -> Number {
        Number(self.0.abs())
    }

    /// Whether it is a whole number.
    pub fn is_whole(self) -> bool {
        self.0.fract().is_zero()
    }

    /// The whole number it is, if it is one that fits.
    pub fn to_whole(self) -> Option<i64> {
        use rust_decimal::prelude::ToPrimitive;
        self.is_whole().then(|| self.0.to_i64()).flatten()
    }

    /// The same value with trailing zeros removed (`2.50` → `2.5`).
    pub fn normalized(self) -> Number {
        Number(self.0.normalize())
    }
}

impl From<i64> for Number {
    fn from(value: i64) -> Self {
        Number(Decimal::from(value))
    }
}

impl fmt::Display for Number {
    /// The shortest exact decimal form: `2`, `7.5`, `-0.25`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0.normalize())
    }
}

impl serde::Serialize for Number {
    /// A JSON number: an integer when whole (exact), else the nearest `f64`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self.to_whole() {
            Some(whole) => serializer.serialize_i64(whole),
            None => serializer.serialize_f64(self.to_f64()),
        }
    }
}

impl<'de> Deserialize<'de> for Number {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NumberVisitor)
    }
}

/// Reads a YAML number exactly; refuses strings, booleans, `.nan`, `.inf` and numbers too large.
pub(crate) struct NumberVisitor;

impl Visitor<'_> for NumberVisitor {
    type Value = Number;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a number")
    }

    fn visit_i64<E: de::Error>(self, value: i64) -> Result<Number, E> {
        Ok(Number::from(value))
    }

    fn visit_u64<E: de::Error>(self, value: u64) -> Result<Number, E> {
        Ok(Number(Decimal::from(value)))
    }

    /// The parser gives a float; its shortest decimal form is the text the file holds.
    fn visit_f64<E: de::Error>(self, value: f64) -> Result<Number, E> {
        Decimal::from_str_exact(&value.to_string())
            .map(|d| Number(d.normalize()))
            .map_err(|_| E::invalid_value(Unexpected::Float(value), &"a finite number of at most 28 digits"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn decimals_are_exact() {
        let sum = Number::parse("0.1").unwrap().plus(Number::parse("0.2").unwrap());
        assert_eq!(sum, Number::parse("0.3").unwrap());
        assert_eq!(Number::parse("2.50").unwrap().to_string(), "2.5");
        assert_eq!(Number::parse("7.5").unwrap().to_f64(), 7.5);
    }

    #[test]
    fn scores_lose_their_binary_noise_before_rounding() {
        let noisy = 62.49999999999999;
        assert_eq!(
            Number::from_f64(noisy).round(0, RoundingStrategy::MidpointAwayFromZero),
            Number::from(63)
        );
    }
}
