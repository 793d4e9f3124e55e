//! The rules of each kind of indicator: a scale indicator names a known scale (and, with
//! criteria, has rules that give a level for every set of ticked criteria); a number indicator
//! has points that make a function and bounds in order; neither has the other's keys.

use super::Rules;
use crate::model::checklist::IndicatorKind;
use crate::model::criteria::CriteriaRule;
use crate::model::{Indicator, Number, Scale};
use crate::validate::{Hint, is_valid_id, level_choices, quoted_list};
use std::collections::HashSet;

impl Rules<'_, '_> {
    pub(super) fn indicator_kind(&mut self, path: &str, indicator: &Indicator) {
        match indicator.kind {
            IndicatorKind::Scale => self.scale_indicator(path, indicator),
            IndicatorKind::Number => self.number_indicator(path, indicator),
        }
    }

    fn scale_indicator(&mut self, path: &str, indicator: &Indicator) {
        let keys = [
            ("unit", indicator.unit.is_some()),
            ("points", !indicator.points.is_empty()),
            ("min", indicator.min.is_some()),
            ("max", indicator.max.is_some()),
        ];
        self.keys_not_for_kind(path, &keys, "`kind: number`");
        let Some(name) = indicator.scale.as_deref() else {
            self.f
                .error("missing-scale", path, "the indicator names no scale")
                .hint("add `scale: NAME`, or `kind: number` for an indicator answered with a number");
            return;
        };
        let doc = self.doc;
        let Some(scale) = doc.scales.get(name) else {
            let diagnostic = self.f.error(
                "unknown-scale",
                &format!("{path}.scale"),
                format!("no scale is named `{name}`"),
            );
            if !doc.scales.is_empty() {
                diagnostic.hint(format!("expected one of {}", quoted_list(doc.scales.keys())));
            }
            return;
        };
        self.criteria(path, indicator, scale);
    }

    fn number_indicator(&mut self, path: &str, indicator: &Indicator) {
        let keys = [
            ("scale", indicator.scale.is_some()),
            ("criteria", !indicator.criteria.is_empty()),
            ("levels_from_criteria", !indicator.levels_from_criteria.is_empty()),
        ];
        self.keys_not_for_kind(path, &keys, "scale indicators (`kind: scale`)");
        self.optional_text(&format!("{path}.unit"), indicator.unit.as_ref());
        let points = &indicator.points;
        if points.len() < 2 {
            self.f
                .error(
                    "too-few-points",
                    &format!("{path}.points"),
                    format!("a number indicator needs at least two points, it has {}", points.len()),
                )
                .hint("give the points the lowest and highest values earn, e.g. `[{at: 25, points: 0}, {at: 90, points: 15}]`");
        }
        for (i, point) in points.iter().enumerate() {
            self.magnitude(&format!("{path}.points[{i}].at"), point.at);
            self.magnitude(&format!("{path}.points[{i}].points"), point.points);
        }
        let values: Vec<(String, Number)> = points
            .iter()
            .enumerate()
            .map(|(i, p)| (format!("{path}.points[{i}].at"), p.at))
            .collect();
        self.increasing(
            "points-not-increasing",
            &values,
            "`at`",
            "list the points by increasing `at`",
        );
        if points.len() >= 2 && points.iter().all(|p| p.points == points[0].points) {
            self.f
                .error(
                    "flat-points",
                    &format!("{path}.points"),
                    format!(
                        "every point gives {} points, so no value scores better than another",
                        points[0].points
                    ),
                )
                .hint("give the best value more points than the worst");
        }
        for (key, bound) in [("min", indicator.min), ("max", indicator.max)] {
            if let Some(bound) = bound {
                self.magnitude(&format!("{path}.{key}"), bound);
            }
        }
        if let (Some(min), Some(max)) = (indicator.min, indicator.max)
            && min > max
        {
            self.bounds_reversed(&format!("{path}.max"), min, max);
        }
    }

    fn keys_not_for_kind(&mut self, path: &str, keys: &[(&str, bool)], wanted: &str) {
        for (key, present) in keys {
            if *present {
                self.f
                    .error(
                        "key-not-for-kind",
                        &format!("{path}.{key}"),
                        format!("`{key}` does not apply to this kind of indicator"),
                    )
                    .hint(format!("`{key}` applies to {wanted}; remove it or change `kind`"));
            }
        }
    }

    /// Criteria and their rules come together; every rule names known criteria and a level of
    /// the scale; some rule holds when no criterion is met (so every set of ticks has a level).
    fn criteria(&mut self, path: &str, indicator: &Indicator, scale: &Scale) {
        let (criteria, rules) = (&indicator.criteria, &indicator.levels_from_criteria);
        if criteria.is_empty() != rules.is_empty() {
            let (key, missing) = if criteria.is_empty() {
                ("levels_from_criteria", "criteria")
            } else {
                ("criteria", "levels_from_criteria")
            };
            self.f
                .error(
                    "incomplete-criteria",
                    &format!("{path}.{key}"),
                    format!("`{key}` is given without `{missing}`"),
                )
                .hint("a criteria indicator lists its `criteria` and the `levels_from_criteria` rules that give its level");
            return;
        }
        let mut ids = HashSet::new();
        for (i, criterion) in criteria.iter().enumerate() {
            let at = format!("{path}.criteria[{i}]");
            if !is_valid_id(&criterion.id) {
                self.f
                    .error(
                        "bad-id",
                        &format!("{at}.id"),
                        format!("`{}` is not a valid id", criterion.id),
                    )
                    .hint(super::ID_HINT);
            }
            if !ids.insert(criterion.id.as_str()) {
                self.f.error(
                    "duplicate-criterion",
                    &format!("{at}.id"),
                    format!("the criterion `{}` is listed twice", criterion.id),
                );
            }
            self.text(&format!("{at}.text"), &criterion.text, true);
        }
        for (i, rule) in rules.iter().enumerate() {
            self.criteria_rule(
                &format!("{path}.levels_from_criteria[{i}]"),
                rule,
                &ids,
                scale,
                indicator,
            );
        }
        if !rules.is_empty() && !rules.iter().any(|r| r.holds(&[])) {
            self.f
                .error(
                    "criteria-rules-incomplete",
                    &format!("{path}.levels_from_criteria"),
                    "no rule holds when no criterion is met, so some answers would have no level",
                )
                .hint("add a rule for the lowest level that always holds, e.g. `{level: 0, count: 0}`");
        }
    }

    fn criteria_rule(
        &mut self,
        path: &str,
        rule: &CriteriaRule,
        ids: &HashSet<&str>,
        scale: &Scale,
        indicator: &Indicator,
    ) {
        self.optional_text(&format!("{path}.description"), rule.description.as_ref());
        if scale.resolve(&rule.level).is_none() {
            let lang = self.languages.first().map_or("", String::as_str);
            self.f
                .error(
                    "rule-level-off-scale",
                    &format!("{path}.level"),
                    format!(
                        "level `{}` is not on the scale `{}`",
                        rule.level,
                        indicator.scale.as_deref().unwrap_or_default()
                    ),
                )
                .hint(format!("expected one of {}", level_choices(scale, lang)));
        }
        let known = || {
            let mut listed: Vec<&str> = Vec::new();
            for criterion in &indicator.criteria {
                if !listed.contains(&criterion.id.as_str()) {
                    listed.push(&criterion.id);
                }
            }
            quoted_list(listed)
        };
        for id in rule.named().filter(|id| !ids.contains(id.as_str())) {
            self.f
                .error(
                    "unknown-criterion",
                    path,
                    format!("the rule names the criterion `{id}`, which the indicator does not list"),
                )
                .hint(format!("expected one of {}", known()));
        }
        if rule.count > ids.len() {
            self.f
                .error(
                    "out-of-range",
                    &format!("{path}.count"),
                    format!(
                        "the rule asks for {} criteria met, and there are {}",
                        rule.count,
                        ids.len()
                    ),
                )
                .hint("a count is at most the number of criteria");
        }
    }
}
