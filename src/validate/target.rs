//! The rules of a target, on a checklist indicator or on an answer: a level of the indicator's
//! scale (by value or code) for a scale or criteria indicator, a value for a number indicator.

use super::{Findings, Hint, level_choices};
use crate::model::{Indicator, Scale, Target};

/// Checks `target` at `path` for `indicator`, answered on `scale` (`None` for a number
/// indicator); hints name levels in `lang`.
pub(super) fn check(
    f: &mut Findings,
    path: &str,
    target: &Target,
    indicator: &Indicator,
    scale: Option<&Scale>,
    lang: &str,
) {
    let (wanted, wrong) = match scale {
        Some(_) => ("level", target.value.is_some().then_some("value")),
        None => ("value", target.level.is_some().then_some("level")),
    };
    if let Some(key) = wrong {
        f.error(
            "target-kind-mismatch",
            &format!("{path}.{key}"),
            format!(
                "`{}` is not answered with `{key}`, so its target cannot be one",
                indicator.id
            ),
        )
        .hint(format!("give the target as `{wanted}:`"));
    }
    if target.level.is_none() && target.value.is_none() {
        f.error(
            "target-without-level",
            path,
            format!("the target of `{}` gives no `{wanted}`", indicator.id),
        )
        .hint(format!("add `{wanted}:` with what the indicator should reach"));
    }
    if let (Some(level), Some(scale)) = (&target.level, scale)
        && scale.resolve(level).is_none()
    {
        f.error(
            "target-off-scale",
            &format!("{path}.level"),
            format!(
                "level `{level}` is not on the scale `{}`",
                indicator.scale.as_deref().unwrap_or_default()
            ),
        )
        .hint(format!("expected one of {}", level_choices(scale, lang)));
    }
}
