//! A checklist's mapping from the indicator ids of an earlier version to its own, so that
//! `oversight compare` can put a round of that version beside a round of this one indicator
//! by indicator where the two measure the same thing.

use super::unique_map::UniqueMap;
use serde::{Deserialize, Serialize};

/// `mapping: {from: "1.0", indicators: {law-1: law-1, sd-1: ~}}`.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// The earlier version the ids are of.
    pub from: String,
    /// Each earlier id, with the id in this version that measures the same thing, or `~` when
    /// none does. An earlier id not listed matches the same id in this version.
    pub indicators: UniqueMap<Option<String>>,
}

impl Mapping {
    /// The id in this version that an earlier id compares with; `None` when it has none.
    pub fn target<'a>(&'a self, earlier: &'a str) -> Option<&'a str> {
        match self.indicators.get(earlier) {
            Some(target) => target.as_deref(),
            None => Some(earlier),
        }
    }
}
