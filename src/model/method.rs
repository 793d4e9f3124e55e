//! How the children of a section (or the top-level sections) combine: the aggregation methods,
//! and what an indicator without a level contributes.
//!
//! The formulas are in [`crate::score`] and `docs/scoring.md`.

use serde::de::{self, Deserializer, MapAccess, Visitor};
use serde::{Deserialize, Serialize};
use std::fmt;

/// An aggregation method, written `weighted-mean`, `mean`, `min`, `weakest-link`, `sum`, `none`
/// or `{table: NAME}`.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// Σ(w·s) / Σw over the children's 0-100 scores.
    #[default]
    WeightedMean,
    /// Σs / n.
    Mean,
    /// The lowest child score.
    Min,
    /// PEFA's M1: the lowest child value, one grade up when another child is higher.
    WeakestLink,
    /// The sum of the children's values, optionally converted by ranges.
    Sum,
    /// PEFA's M2: a conversion table from the number of children and the sum of their values.
    Table(String),
    /// No aggregate: the section (or the checklist) has no score of its own.
    None,
}

impl Method {
    /// Whether the method combines the children's values (levels, points, grades) rather than
    /// their 0-100 scores.
    pub fn uses_values(&self) -> bool {
        matches!(self, Method::WeakestLink | Method::Sum | Method::Table(_))
    }

    /// Whether the method gives a result at all.
    pub fn aggregates(&self) -> bool {
        *self != Method::None
    }

    /// The method's name as written, `{table: NAME}` for a table.
    pub fn name(&self) -> String {
        match self {
            Method::WeightedMean => "weighted-mean".into(),
            Method::Mean => "mean".into(),
            Method::Min => "min".into(),
            Method::WeakestLink => "weakest-link".into(),
            Method::Sum => "sum".into(),
            Method::Table(table) => format!("{{table: {table}}}"),
            Method::None => "none".into(),
        }
    }
}

impl<'de> Deserialize<'de> for Method {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MethodVisitor;

        impl<'de> Visitor<'de> for MethodVisitor {
            type Value = Method;

            fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
                f.write_str("a method name, or `{table: NAME}`")
            }

            fn visit_str<E: de::Error>(self, name: &str) -> Result<Method, E> {
                Ok(match name {
                    "weighted-mean" => Method::WeightedMean,
                    "mean" => Method::Mean,
                    "min" => Method::Min,
                    "weakest-link" => Method::WeakestLink,
                    "sum" => Method::Sum,
                    "none" => Method::None,
                    other => return Err(E::unknown_variant(other, METHOD_NAMES_AND_TABLE)),
                })
            }

            fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Method, A::Error> {
                let key: String = map
                    .next_key()?
                    .ok_or_else(|| de::Error::invalid_length(0, &"`{table: NAME}`"))?;
                if key != "table" {
                    return Err(de::Error::unknown_field(&key, &["table"]));
                }
                let table: String = map.next_value()?;
                if let Some(extra) = map.next_key::<String>()? {
                    return Err(de::Error::unknown_field(&extra, &["table"]));
                }
                Ok(Method::Table(table))
            }
        }

        deserializer.deserialize_any(MethodVisitor)
    }
}

const METHOD_NAMES_AND_TABLE: &[&str] = &[
    "weighted-mean",
    "mean",
    "min",
    "weakest-link",
    "sum",
    "none",
    "{table: NAME}",
];

/// What an indicator without an answer contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum Missing {
    /// Left out of every aggregate.
    #[default]
    Exclude,
    /// Scores 0 (the lowest level or points) and counts.
    Zero,
}

/// What an answer of `status: not-enough-information` contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum NotEnoughInformation {
    /// Left out of every aggregate.
    #[default]
    Exclude,
    /// Scored at the scale's lowest level (PEFA's D*), and flagged; the answer keeps its status.
    Lowest,
}
