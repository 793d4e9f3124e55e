//! Criteria indicators: the criteria an assessor ticks, and the rules that give a level from
//! the ticked ones (SAI PMF style: "level 3 when three criteria are met, including a").

use super::number::Number;
use super::scale::{LevelRef, Scale};
use super::text::Text;
use serde::{Deserialize, Serialize};

/// One criterion of an indicator.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Criterion {
    /// Unique within the indicator; answers list the ones met by it.
    pub id: String,
    pub text: Text,
}

/// A rule of `levels_from_criteria`: the level holds when every criterion in `all` and in
/// `required` is met, and at least `count` criteria are met in total.
#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CriteriaRule {
    /// A level of the indicator's scale, by value or code.
    pub level: LevelRef,
    /// Criteria that must all be met (reads best when it lists every criterion).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub all: Vec<String>,
    /// At least this many criteria met.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub count: usize,
    /// Criteria that must be met, together with `count` (reads best beside a count).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub required: Vec<String>,
    /// What the level means for this indicator, in words (a level-0 rule says what "none"
    /// looks like).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
}

fn is_zero(count: &usize) -> bool {
    *count == 0
}

impl CriteriaRule {
    /// Whether the rule holds for the criteria met.
    pub fn holds(&self, met: &[String]) -> bool {
        let is_met = |id: &String| met.contains(id);
        met.len() >= self.count && self.all.iter().all(is_met) && self.required.iter().all(is_met)
    }

    /// Every criterion the rule names, `all` then `required`.
    pub fn named(&self) -> impl Iterator<Item = &String> {
        self.all.iter().chain(&self.required)
    }
}

/// The rule that decides the level, and the level: among the rules that hold, the one with the
/// highest level (the first such in the list on a tie). Rules whose level is not on `scale`
/// never decide (validation refuses them).
pub fn deciding_rule(rules: &[CriteriaRule], scale: &Scale, met: &[String]) -> Option<(usize, Number)> {
    let mut best: Option<(usize, Number)> = None;
    for (i, rule) in rules.iter().enumerate() {
        let Some(level) = scale.resolve(&rule.level).filter(|_| rule.holds(met)) else {
            continue;
        };
        if best.is_none_or(|(_, top)| level.value > top) {
            best = Some((i, level.value));
        }
    }
    best
}
