//! Answer scales: levels with a value, an optional short code and a label, and the level an
//! answer names by its value (`level: 2`) or its code (`level: C`).

use super::number::{Number, NumberVisitor};
use super::text::Text;
use serde::de::{self, Deserializer, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub label: Option<Text>,
    pub levels: Vec<Level>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Level {
    /// The level's value: a whole number or a decimal (`7.5`).
    pub value: Number,
    /// A short code shown instead of the value (`C`, `B+`); answers may name the level by it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    pub label: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

/// A level as an answer, a review or a criteria rule writes it: by value or by code.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LevelRef {
    Value(Number),
    Code(String),
}

impl Scale {
    pub fn lowest(&self) -> Number {
        self.levels.first().map_or(Number::ZERO, |l| l.value)
    }

    pub fn highest(&self) -> Number {
        self.levels.last().map_or(Number::ZERO, |l| l.value)
    }

    /// Where `value` lies on the scale: 0 at the lowest level, 100 at the highest.
    pub fn position(&self, value: Number) -> f64 {
        position(value, self.lowest(), self.highest())
    }

    pub fn level(&self, value: Number) -> Option<&Level> {
        self.levels.iter().find(|l| l.value == value)
    }

    /// The level a reference names: its value, or its code.
    pub fn resolve(&self, reference: &LevelRef) -> Option<&Level> {
        match reference {
            LevelRef::Value(value) => self.level(*value),
            LevelRef::Code(code) => self.levels.iter().find(|l| l.code.as_deref() == Some(code)),
        }
    }

    /// Whether its levels have codes.
    pub fn has_codes(&self) -> bool {
        self.levels.iter().any(|l| l.code.is_some())
    }

    /// How a reader sees a value: its code where the scale has codes, else the value.
    pub fn show(&self, value: Number) -> String {
        self.level(value)
            .and_then(|l| l.code.clone())
            .unwrap_or_else(|| value.to_string())
    }
}

/// `100 × (value − low) / (high − low)`, clamped to 0-100; 0 when `high` equals `low`. The
/// differences are exact, each converted to `f64` once.
pub fn position(value: Number, low: Number, high: Number) -> f64 {
    let span = high.minus(low).to_f64();
    if span == 0.0 {
        return 0.0;
    }
    (100.0 * value.minus(low).to_f64() / span).clamp(0.0, 100.0)
}

impl fmt::Display for LevelRef {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            LevelRef::Value(value) => write!(f, "{value}"),
            LevelRef::Code(code) => f.write_str(code),
        }
    }
}

impl serde::Serialize for LevelRef {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            LevelRef::Value(value) => value.serialize(serializer),
            LevelRef::Code(code) => serializer.serialize_str(code),
        }
    }
}

impl<'de> Deserialize<'de> for LevelRef {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct LevelVisitor;

        impl Visitor<'_> for LevelVisitor {
            type Value = LevelRef;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a level value or a level code")
            }

            fn visit_i64<E: de::Error>(self, value: i64) -> Result<LevelRef, E> {
                NumberVisitor.visit_i64(value).map(LevelRef::Value)
            }

            fn visit_u64<E: de::Error>(self, value: u64) -> Result<LevelRef, E> {
                NumberVisitor.visit_u64(value).map(LevelRef::Value)
            }

            fn visit_f64<E: de::Error>(self, value: f64) -> Result<LevelRef, E> {
                NumberVisitor.visit_f64(value).map(LevelRef::Value)
            }

            fn visit_str<E: de::Error>(self, code: &str) -> Result<LevelRef, E> {
                Ok(LevelRef::Code(code.to_owned()))
            }
        }

        deserializer.deserialize_any(LevelVisitor)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_level_is_written_back_as_it_was_given() {
        let given =
            |yaml: &str| serde_json::to_string(&serde_json::from_str::<LevelRef>(yaml).expect("a level"));
        assert_eq!(given("\"C+\"").expect("JSON"), "\"C+\"");
        assert_eq!(given("7.5").expect("JSON"), "7.5");
        assert_eq!(given("3").expect("JSON"), "3");
    }
}
