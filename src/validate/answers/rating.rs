//! What an answer or a review rates an indicator at, checked against the indicator's kind: a
//! level on its scale (by value or code), a number within its bounds, or criteria it lists
//! (with a level, if given, equal to the one they give).

use super::Rules;
use crate::model::criteria::deciding_rule;
use crate::model::{Indicator, LevelRef, Number, Scale};
use crate::validate::{Hint, level_choices, quoted_list};
use std::collections::HashSet;

/// The rating keys of an answer or a review.
pub(super) struct Given<'a> {
    pub level: Option<&'a LevelRef>,
    pub value: Option<Number>,
    pub criteria_met: Option<&'a [String]>,
}

impl Rules<'_> {
    /// Checks a rating at `path` (an answer, or its review); `off_scale` is the code for a level
    /// that is not on the scale.
    pub(super) fn rating(
        &mut self,
        off_scale: &'static str,
        path: &str,
        given: &Given,
        indicator: &Indicator,
    ) {
        let Some(scale) = self.checklist.scale_of(indicator) else {
            self.kind_mismatch(path, "level", given.level.is_some(), indicator, "`value`");
            self.kind_mismatch(
                path,
                "criteria_met",
                given.criteria_met.is_some(),
                indicator,
                "`value`",
            );
            if let Some(value) = given.value {
                self.within_bounds(&format!("{path}.value"), value, indicator);
            }
            return;
        };
        let wanted = if indicator.criteria.is_empty() {
            "`level`"
        } else {
            "`criteria_met`"
        };
        self.kind_mismatch(path, "value", given.value.is_some(), indicator, wanted);
        if indicator.criteria.is_empty() {
            self.kind_mismatch(
                path,
                "criteria_met",
                given.criteria_met.is_some(),
                indicator,
                wanted,
            );
        }
        let level = given
            .level
            .and_then(|level| self.on_scale(off_scale, &format!("{path}.level"), level, indicator, scale));
        match given.criteria_met.filter(|_| !indicator.criteria.is_empty()) {
            Some(met) => self.criteria_met(path, met, level, indicator, scale),
            // an off-scale level has its error already; the warning would only repeat it
            None if level.is_some() && !indicator.criteria.is_empty() => {
                self.f
                    .warning(
                        "level-without-criteria",
                        &format!("{path}.level"),
                        "the level is taken as given: no criteria are ticked to show it",
                    )
                    .hint(format!(
                        "list the criteria met in `criteria_met` ({}), and the level follows from them",
                        quoted_list(indicator.criteria.iter().map(|c| c.id.as_str()))
                    ));
            }
            None => {}
        }
    }

    fn kind_mismatch(&mut self, path: &str, key: &str, present: bool, indicator: &Indicator, wanted: &str) {
        if !present {
            return;
        }
        let kind = if indicator.scale.is_none() {
            "a number indicator"
        } else if indicator.criteria.is_empty() {
            "a scale indicator"
        } else {
            "a criteria indicator"
        };
        self.f
            .error(
                "answer-kind-mismatch",
                &format!("{path}.{key}"),
                format!("`{}` is {kind}: it is not answered with `{key}`", indicator.id),
            )
            .hint(format!("answer it with {wanted}"));
    }

    fn within_bounds(&mut self, path: &str, value: Number, indicator: &Indicator) {
        let below = indicator.min.filter(|min| value < *min);
        let above = indicator.max.filter(|max| value > *max);
        if below.is_some() || above.is_some() {
            let bound = |b: Option<Number>| b.map_or_else(|| "…".to_owned(), |b| b.to_string());
            self.f
                .error(
                    "value-out-of-range",
                    path,
                    format!(
                        "the value {value} is outside {}–{}, the bounds of `{}`",
                        bound(indicator.min),
                        bound(indicator.max),
                        indicator.id
                    ),
                )
                .hint("check the figure and its unit");
        }
    }

    /// The level a reference names on the scale; reports `code` when there is none.
    fn on_scale(
        &mut self,
        code: &'static str,
        path: &str,
        level: &LevelRef,
        indicator: &Indicator,
        scale: &Scale,
    ) -> Option<Number> {
        if let Some(found) = scale.resolve(level) {
            return Some(found.value);
        }
        let lang = self.checklist.default_language();
        self.f
            .error(
                code,
                path,
                format!(
                    "level `{level}` is not on the scale `{}`",
                    indicator.scale.as_deref().unwrap_or_default()
                ),
            )
            .hint(format!("expected one of {}", level_choices(scale, lang)));
        None
    }

    /// The criteria met are the indicator's, each once; a level given beside them equals the
    /// level they give.
    fn criteria_met(
        &mut self,
        path: &str,
        met: &[String],
        level: Option<Number>,
        indicator: &Indicator,
        scale: &Scale,
    ) {
        let mut seen = HashSet::new();
        let mut known = true;
        for (i, id) in met.iter().enumerate() {
            let at = format!("{path}.criteria_met[{i}]");
            if !indicator.criteria.iter().any(|c| c.id == *id) {
                known = false;
                self.f
                    .error(
                        "unknown-criterion",
                        &at,
                        format!("`{}` has no criterion `{id}`", indicator.id),
                    )
                    .hint(format!(
                        "expected one of {}",
                        quoted_list(indicator.criteria.iter().map(|c| c.id.as_str()))
                    ));
            } else if !seen.insert(id.as_str()) {
                known = false;
                self.f
                    .error("duplicate-criterion", &at, format!("`{id}` is listed twice"));
            }
        }
        let derived = deciding_rule(&indicator.levels_from_criteria, scale, met).map(|(_, l)| l);
        if let (true, Some(given), Some(derived)) = (known, level, derived)
            && given != derived
        {
            self.f
                .error(
                    "level-contradicts-criteria",
                    &format!("{path}.level"),
                    format!(
                        "the level {} contradicts the criteria met, which give {}",
                        scale.show(given),
                        scale.show(derived)
                    ),
                )
                .hint(
                    "correct the level or the criteria, or leave the level out: it follows from the criteria",
                );
        }
    }
}
