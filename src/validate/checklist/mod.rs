//! The rules a checklist must meet before it is scored or rendered.
//!
//! This file holds the header, scale, band and structure rules; the methodology's rules are
//! beside it: the scoring block's rounding, grade lists and tables ([`methodology`]), each
//! section's method ([`methods`], with the values its children can take from [`values`]), and
//! number and criteria indicators ([`kinds`]); so are the scope dimensions and tags
//! ([`scopes`]) and a section's informational items and own answer ([`items`]).
//!
//! The rules see the checklist normalized ([`crate::model::items::normalize`]): a section's
//! `items:` already moved into its indicators, sub-sections and informational items.

mod items;
mod kinds;
mod methodology;
mod methods;
mod scopes;
mod values;

use super::{Findings, Hint, Validated, is_valid_id, quoted_list};
use crate::diagnostic::Diagnostics;
use crate::model::checklist::{Band, ChecklistDoc, Indicator, IndicatorKind, Section};
use crate::model::{Checklist, Method, Number, Scale, Text};
use crate::source::{Limits, Source};
use std::collections::HashSet;

/// The largest weight accepted. Weights are relative, so no checklist needs more; with it, no
/// sum of weights times scores can overflow, and every score stays a finite number.
pub const MAX_WEIGHT: f64 = 1e6;

/// Parses and checks a checklist, reporting every problem found.
pub fn checklist(source: &Source, limits: &Limits) -> Result<Validated<Checklist>, Diagnostics> {
    check(source.parse()?, source, limits)
}

/// Checks the document of a checklist, already parsed from `source`.
pub fn check(
    mut doc: ChecklistDoc,
    source: &Source,
    limits: &Limits,
) -> Result<Validated<Checklist>, Diagnostics> {
    let mixed = crate::model::items::mixed_sections(&doc.sections, "");
    crate::model::items::normalize(&mut doc);
    let mut rules = Rules {
        f: Findings::new(&source.name),
        languages: &doc.languages,
        limits,
        doc: &doc,
    };
    rules.header(&doc);
    rules.mixed_items(&mixed);
    rules.scope_dimensions();
    rules.scales(&doc);
    rules.scoring(&doc);
    rules.methodology();
    rules.structure(&doc);
    rules.mapping();
    let findings = rules.f;
    findings.finish(Checklist::new(doc, source.name.clone(), source.sha256.clone()))
}

/// `'a` for what outlives the rules (the file name, the limits), `'d` for the document, which
/// is moved into the checklist once the rules are done.
struct Rules<'a, 'd> {
    f: Findings<'a>,
    languages: &'d [String],
    limits: &'a Limits,
    doc: &'d ChecklistDoc,
}

impl Rules<'_, '_> {
    fn header(&mut self, doc: &ChecklistDoc) {
        self.id("id", &doc.id);
        if doc.id.ends_with(".yaml") || doc.id.ends_with(".yml") {
            self.f
                .error(
                    "bad-id",
                    "id",
                    format!("the checklist id `{}` reads as a file name", doc.id),
                )
                .hint("an answers file's `checklist: NAME.yaml` is read as a path: end the id otherwise");
        }
        if doc.version.trim().is_empty() {
            self.f
                .error("empty-value", "version", "the version is empty")
                .hint("write a version such as \"1.0\"");
        }
        self.languages();
        self.text("title", &doc.title, true);
        self.optional_text("description", doc.description.as_ref());
        self.optional_text("source", doc.source.as_ref());
    }

    fn languages(&mut self) {
        if self.languages.is_empty() {
            self.f
                .error("no-languages", "languages", "the checklist lists no language")
                .hint("list at least one language code, the default first, e.g. `[en, uk]`");
        }
        let mut seen = HashSet::new();
        for (i, lang) in self.languages.iter().enumerate() {
            let well_formed = (2..=3).contains(&lang.len()) && lang.bytes().all(|b| b.is_ascii_lowercase());
            if !well_formed {
                self.f
                    .error(
                        "bad-language",
                        &format!("languages[{i}]"),
                        format!("`{lang}` is not a language code"),
                    )
                    .hint("use a two- or three-letter lowercase ISO 639 code such as `en` or `uk`");
            }
            if !seen.insert(lang) {
                self.f.error(
                    "duplicate-language",
                    &format!("languages[{i}]"),
                    format!("`{lang}` is listed twice"),
                );
            }
        }
    }

    fn scales(&mut self, doc: &ChecklistDoc) {
        if doc.scales.is_empty() {
            self.f.error("no-scales", "scales", "the checklist defines no answer scale").hint(
                "define at least one scale, e.g. `maturity: {levels: [{value: 0, label: Absent}, {value: 1, label: Present}]}`",
            );
        }
        for (name, scale) in doc.scales.iter() {
            self.scale(name, scale);
        }
        let used: HashSet<&str> = all_indicators(&doc.sections)
            .filter_map(|(_, i)| i.scale.as_deref())
            .collect();
        for name in doc.scales.keys().filter(|name| !used.contains(name)) {
            self.f.warning(
                "unused-scale",
                &format!("scales[{name}]"),
                format!("no indicator uses the scale `{name}`"),
            );
        }
    }

    fn scale(&mut self, name: &str, scale: &Scale) {
        let path = format!("scales[{name}]");
        self.optional_text(&format!("{path}.label"), scale.label.as_ref());
        if scale.levels.len() < 2 {
            self.f
                .error(
                    "too-few-levels",
                    &format!("{path}.levels"),
                    format!("the scale `{name}` has {} level(s)", scale.levels.len()),
                )
                .hint("a scale needs at least two levels");
        }
        let values: Vec<(String, Number)> = scale
            .levels
            .iter()
            .enumerate()
            .map(|(i, l)| (format!("{path}.levels[{i}].value"), l.value))
            .collect();
        self.increasing(
            "levels-not-increasing",
            &values,
            "level value",
            "list the levels from lowest to highest, each value greater than the one before",
        );
        self.level_codes(name, scale);
        for (i, level) in scale.levels.iter().enumerate() {
            self.magnitude(&format!("{path}.levels[{i}].value"), level.value);
            self.text(&format!("{path}.levels[{i}].label"), &level.label, true);
            self.optional_text(
                &format!("{path}.levels[{i}].description"),
                level.description.as_ref(),
            );
        }
    }

    /// Level codes: on all levels of a scale or on none, each non-blank, unique and not a
    /// number (so that an answer's `level: 2` always means a value).
    fn level_codes(&mut self, name: &str, scale: &Scale) {
        if !scale.has_codes() {
            return;
        }
        let mut seen = HashSet::new();
        for (i, level) in scale.levels.iter().enumerate() {
            let path = format!("scales[{name}].levels[{i}].code");
            match level.code.as_deref() {
                None => {
                    self.f
                        .error(
                            "missing-level-code",
                            &path,
                            format!("other levels of the scale `{name}` have codes, this one has none"),
                        )
                        .hint("give every level of the scale a code, or none");
                }
                Some(code) if code.trim().is_empty() => {
                    self.f.error("empty-value", &path, "the level code is empty");
                }
                Some(code) if Number::parse(code).is_some() => {
                    self.f
                        .error(
                            "numeric-level-code",
                            &path,
                            format!("the code `{code}` reads as a number, which an answer's `level:` takes as a value"),
                        )
                        .hint("use a code with letters, such as `A` or `B+`");
                }
                Some(code) if !seen.insert(code) => {
                    self.f.error(
                        "duplicate-level-code",
                        &path,
                        format!("the code `{code}` is used twice in the scale `{name}`"),
                    );
                }
                Some(_) => {}
            }
        }
    }

    fn scoring(&mut self, doc: &ChecklistDoc) {
        self.pass_mark("scoring.pass", doc.scoring.pass);
        self.min_completeness("scoring.min_completeness", doc.scoring.min_completeness);
        if let Some(days) = doc.scoring.evidence_max_age_days {
            self.max_age("scoring.evidence_max_age_days", days);
        }
        self.bands(&doc.scoring.bands);
        if let Some(cap) = &doc.scoring.critical_cap
            && !doc.scoring.bands.iter().any(|b| &b.code == cap)
        {
            let codes = quoted_list(doc.scoring.bands.iter().map(|b| b.code.as_str()));
            self.f
                .error(
                    "unknown-band",
                    "scoring.critical_cap",
                    format!("no band has the code `{cap}`"),
                )
                .hint(if codes.is_empty() {
                    "define `scoring.bands` first".to_owned()
                } else {
                    format!("expected one of {codes}")
                });
        }
    }

    fn bands(&mut self, bands: &[Band]) {
        if let Some(first) = bands.first()
            && first.min != 0.0
        {
            self.f
                .error(
                    "bands-start",
                    "scoring.bands[0].min",
                    format!("the first band starts at `{}`", first.min),
                )
                .hint("the first band must start at 0 so that every score has a band");
        }
        for (i, pair) in bands.windows(2).enumerate() {
            if pair[1].min.partial_cmp(&pair[0].min) != Some(std::cmp::Ordering::Greater) {
                self.f
                    .error(
                        "bands-not-increasing",
                        &format!("scoring.bands[{}].min", i + 1),
                        format!(
                            "band minimum `{}` does not exceed the previous minimum `{}`",
                            pair[1].min, pair[0].min
                        ),
                    )
                    .hint("list the bands from lowest to highest, each `min` greater than the one before");
            }
        }
        let mut codes = HashSet::new();
        for (i, band) in bands.iter().enumerate() {
            let path = format!("scoring.bands[{i}]");
            if !(0.0..=100.0).contains(&band.min) {
                self.f.error(
                    "out-of-range",
                    &format!("{path}.min"),
                    format!("band minimum `{}` is outside 0-100", band.min),
                );
            }
            if band.code.trim().is_empty() {
                self.f
                    .error("empty-value", &format!("{path}.code"), "the band code is empty");
            } else if !codes.insert(band.code.as_str()) {
                self.f.error(
                    "duplicate-band",
                    &format!("{path}.code"),
                    format!("the band code `{}` is used twice", band.code),
                );
            }
            if let Some(colour) = &band.colour
                && !is_hex_colour(colour)
            {
                self.f
                    .error(
                        "bad-colour",
                        &format!("{path}.colour"),
                        format!("`{colour}` is not a colour"),
                    )
                    .hint("write a colour as `#rrggbb`, e.g. `#2e7d32`");
            }
            self.text(&format!("{path}.label"), &band.label, true);
        }
    }

    fn structure(&mut self, doc: &ChecklistDoc) {
        if doc.sections.is_empty() {
            self.f
                .error("no-sections", "sections", "the checklist has no section")
                .hint("add at least one section with indicators");
        }
        let mut ids: HashSet<&str> = HashSet::new();
        let top = Children {
            parent: "",
            key: "sections",
            depth: 1,
        };
        self.sections(top, &doc.sections, &mut ids, &doc.scoring.method);
        let count = all_indicators(&doc.sections).count();
        if count > self.limits.max_indicators {
            self.f
                .error(
                    "too-many-indicators",
                    "sections",
                    format!(
                        "the checklist has {count} indicators, more than the limit of {}",
                        self.limits.max_indicators
                    ),
                )
                .hint("raise the limit with `--max-indicators N` if the checklist is genuine");
        }
    }

    /// The sections under a parent whose children combine by `parent_method`.
    fn sections<'d>(
        &mut self,
        at: Children,
        sections: &'d [Section],
        ids: &mut HashSet<&'d str>,
        parent_method: &Method,
    ) {
        let depth = at.depth;
        for section in sections {
            let path = format!("{}{}[{}]", at.parent, at.key, section.id);
            self.unique_id(&format!("{path}.id"), &section.id, ids);
            self.ref_id(&path, section.ref_id.as_deref());
            self.text(&format!("{path}.title"), &section.title, true);
            self.optional_text(&format!("{path}.description"), section.description.as_ref());
            self.weight(&format!("{path}.weight"), section.weight);
            self.scope_tags(&path, &section.scopes);
            let nothing_inside =
                section.sections.is_empty() && section.indicators.is_empty() && section.infos.is_empty();
            if nothing_inside && section.assessable.is_none() {
                self.f
                    .error(
                        "empty-section",
                        &path,
                        format!(
                            "the section `{}` has no indicators and no sub-sections",
                            section.id
                        ),
                    )
                    .hint("add indicators or remove the section");
            }
            if depth > self.limits.max_section_depth {
                self.f
                    .error(
                        "too-deep",
                        &path,
                        format!(
                            "sections nest deeper than the limit of {} levels",
                            self.limits.max_section_depth
                        ),
                    )
                    .hint("flatten the structure, or raise the limit with `--max-depth N`");
                continue;
            }
            self.section_method(&path, section, parent_method);
            if let Some(own) = &section.assessable {
                self.answered(&format!("{path}.assessable"), own);
            }
            let key = section.child_key(false);
            for indicator in &section.indicators {
                self.indicator(&format!("{path}.{key}[{}]", indicator.id), indicator, ids);
            }
            self.infos(&path, section, ids);
            let method = section.method.as_ref().unwrap_or(&self.doc.scoring.method);
            let children = Children {
                parent: &format!("{path}."),
                key: section.child_key(true),
                depth: depth + 1,
            };
            self.sections(children, &section.sections, ids, method);
        }
    }

    fn indicator<'d>(&mut self, path: &str, indicator: &'d Indicator, ids: &mut HashSet<&'d str>) {
        self.unique_id(&format!("{path}.id"), &indicator.id, ids);
        self.ref_id(path, indicator.ref_id.as_deref());
        self.answered(path, indicator);
    }

    /// The rules of what an indicator (or an assessable section's own answer) asks and how it
    /// is answered.
    fn answered(&mut self, path: &str, indicator: &Indicator) {
        self.optional_text(&format!("{path}.title"), indicator.title.as_ref());
        self.text(&format!("{path}.text"), &indicator.text, true);
        self.scope_tags(path, &indicator.scopes);
        self.optional_text(&format!("{path}.guidance"), indicator.guidance.as_ref());
        self.optional_text(&format!("{path}.source"), indicator.source.as_ref());
        self.rationale(path, indicator);
        self.weight(&format!("{path}.weight"), indicator.weight);
        if let Some(pass) = indicator.pass {
            self.pass_mark(&format!("{path}.pass"), pass);
        }
        if let Some(days) = indicator.evidence_max_age_days {
            self.max_age(&format!("{path}.evidence_max_age_days"), days);
        }
        self.indicator_kind(path, indicator);
        if let Some(target) = &indicator.target {
            let scale = indicator
                .scale
                .as_deref()
                .and_then(|name| self.doc.scales.get(name));
            if scale.is_some() || indicator.kind == IndicatorKind::Number {
                let lang = self.languages.first().map_or("", String::as_str);
                super::target::check(
                    &mut self.f,
                    &format!("{path}.target"),
                    target,
                    indicator,
                    scale,
                    lang,
                );
            }
        }
        for (i, text) in indicator.evidence.iter().enumerate() {
            self.text(&format!("{path}.evidence[{i}]"), text, true);
        }
        for (i, text) in indicator.references.iter().enumerate() {
            self.text(&format!("{path}.references[{i}]"), text, true);
        }
    }

    /// Every id a mapping leads to is an indicator of this checklist, and no two earlier ids
    /// lead to the same one.
    fn mapping(&mut self) {
        let Some(mapping) = &self.doc.mapping else {
            return;
        };
        let ids: HashSet<&str> = crate::model::checklist::all_sections(&self.doc.sections)
            .into_iter()
            .flat_map(|s| s.assessable.iter().chain(&s.indicators))
            .map(|i| i.id.as_str())
            .collect();
        let mut taken = HashSet::new();
        for (earlier, target) in mapping.indicators.iter() {
            let path = format!("mapping.indicators.{earlier}");
            let Some(target) = target.as_deref() else {
                if ids.contains(earlier) {
                    self.f
                        .error(
                            "mapping-contradiction",
                            &path,
                            format!("`{earlier}` is mapped to `~`, but this checklist has an indicator `{earlier}`"),
                        )
                        .hint(format!("map it to `{earlier}` if the two measure the same thing, or give the new indicator another id"));
                }
                continue;
            };
            if !ids.contains(target) {
                self.f
                    .error(
                        "unknown-indicator",
                        &path,
                        format!("the mapping leads `{earlier}` to `{target}`, which is no indicator of this checklist"),
                    )
                    .hint("name an indicator id of this version, or `~` when none measures the same thing");
            } else if !taken.insert(target) {
                self.f
                    .error(
                        "mapping-target-repeated",
                        &path,
                        format!("`{target}` is the target of more than one earlier indicator"),
                    )
                    .hint("map one earlier indicator to each indicator; map the others to `~`");
            }
        }
    }

    /// A rationale explains a critical indicator; on any other it explains nothing.
    fn rationale(&mut self, path: &str, indicator: &Indicator) {
        let Some(rationale) = &indicator.rationale else {
            return;
        };
        let path = format!("{path}.rationale");
        self.text(&path, rationale, false);
        if !indicator.critical {
            self.f
                .warning(
                    "rationale-without-critical",
                    &path,
                    "the indicator has a `rationale` but is not critical, so no report shows it",
                )
                .hint("add `critical: true`, or move the text to `guidance`");
        }
    }

    fn unique_id<'d>(&mut self, path: &str, id: &'d str, ids: &mut HashSet<&'d str>) {
        self.id(path, id);
        if !ids.insert(id) {
            self.f
                .error(
                    "duplicate-id",
                    path,
                    format!("the id `{id}` is used more than once"),
                )
                .hint("ids must be unique across all sections, indicators and informational items");
        }
    }

    fn id(&mut self, path: &str, id: &str) {
        if !is_valid_id(id) {
            self.f
                .error("bad-id", path, format!("`{id}` is not a valid id"))
                .hint(ID_HINT);
        }
    }

    /// A source's code, when given, is not blank.
    fn ref_id(&mut self, path: &str, ref_id: Option<&str>) {
        if ref_id.is_some_and(|r| r.trim().is_empty()) {
            self.f
                .error(
                    "empty-value",
                    &format!("{path}.ref"),
                    "the reference code is empty",
                )
                .hint("give the source's own code, such as `GV.OC-01`, or remove `ref`");
        }
    }

    fn weight(&mut self, path: &str, weight: f64) {
        let problem = if weight.is_nan() || weight <= 0.0 {
            "is not greater than 0"
        } else if weight > MAX_WEIGHT {
            "is above the largest weight, 1000000"
        } else {
            return;
        };
        // Debug formatting writes 1e308 as `1e308`, not as 309 digits.
        let shown = if weight.abs() < 1e16 {
            weight.to_string()
        } else {
            format!("{weight:?}")
        };
        self.f
            .error("bad-weight", path, format!("weight `{shown}` {problem}"))
            .hint("use a positive number up to 1000000; the default is 1");
    }

    /// Reports `code` at every value (given with its path, in order) that does not exceed the
    /// one before it.
    fn increasing(&mut self, code: &'static str, values: &[(String, Number)], what: &str, hint: &str) {
        for pair in values.windows(2) {
            let ((_, previous), (path, value)) = (&pair[0], &pair[1]);
            if value <= previous {
                self.f
                    .error(
                        code,
                        path,
                        format!("{what} `{value}` does not exceed the previous value `{previous}`"),
                    )
                    .hint(hint);
            }
        }
    }

    /// A checklist number no larger than [`Number::largest`] in magnitude.
    fn magnitude(&mut self, path: &str, value: Number) {
        if value.abs() > Number::largest() {
            self.f
                .error(
                    "out-of-range",
                    path,
                    format!("`{value}` is larger than the largest number accepted, 10^20"),
                )
                .hint("write a number between -10^20 and 10^20");
        }
    }

    fn pass_mark(&mut self, path: &str, pass: f64) {
        self.percentage(
            path,
            pass,
            "pass mark",
            "a pass mark is a score between 0 and 100",
        );
    }

    fn min_completeness(&mut self, path: &str, share: f64) {
        self.percentage(
            path,
            share,
            "minimum completeness",
            "a share of the applicable indicators, in percent, between 0 and 100; the default is 50",
        );
    }

    /// `out-of-range` unless `value` is within 0 to 100.
    fn percentage(&mut self, path: &str, value: f64, what: &str, hint: &str) {
        if !(0.0..=100.0).contains(&value) {
            self.f
                .error("out-of-range", path, format!("{what} `{value}` is outside 0-100"))
                .hint(hint);
        }
    }

    fn max_age(&mut self, path: &str, days: i64) {
        if days < 1 {
            self.f
                .error(
                    "out-of-range",
                    path,
                    format!("maximum evidence age `{days}` is not at least 1 day"),
                )
                .hint("give the oldest acceptable evidence as a number of days, e.g. `730`");
        }
    }

    fn optional_text(&mut self, path: &str, text: Option<&Text>) {
        if let Some(text) = text {
            self.text(path, text, false);
        }
    }

    /// Every translation in a known language; a warning for each language left out.
    fn text(&mut self, path: &str, text: &Text, required: bool) {
        if required && text.is_blank() {
            self.f.error("empty-value", path, "the text is empty");
        }
        let present = text.languages();
        if self.languages.is_empty() {
            return;
        }
        for lang in &present {
            if !self.languages.iter().any(|l| l == lang) {
                self.f
                    .error(
                        "unknown-language",
                        &format!("{path}.{lang}"),
                        format!("`{lang}` is not one of the checklist's languages"),
                    )
                    .hint(format!(
                        "expected one of {}",
                        quoted_list(self.languages.iter().map(String::as_str))
                    ));
            }
        }
        if present.is_empty() {
            return;
        }
        for lang in self.languages.iter().filter(|l| !present.contains(&l.as_str())) {
            self.f.warning(
                "missing-translation",
                path,
                format!("no `{lang}` translation; the default language is shown instead"),
            );
        }
    }
}

/// Where a list of sections is: the path of its parent (`sections[a].`, empty at the top), the
/// key it is under (`sections` or `items`) and its depth (1 at the top).
#[derive(Clone, Copy)]
struct Children<'p> {
    parent: &'p str,
    key: &'static str,
    depth: usize,
}

/// How a valid id is written, for the hint of `bad-id`.
pub(crate) const ID_HINT: &str =
    "start with a letter or a digit, then use letters, digits, `.`, `-` and `_`, e.g. `law-1` or `GV.OC-01`";

/// Every indicator (an assessable section's own answer first) with its section, depth first.
fn all_indicators(sections: &[Section]) -> Box<dyn Iterator<Item = (&Section, &Indicator)> + '_> {
    Box::new(sections.iter().flat_map(|s| {
        s.assessable
            .iter()
            .chain(&s.indicators)
            .map(move |i| (s, i))
            .chain(all_indicators(&s.sections))
    }))
}

fn is_hex_colour(colour: &str) -> bool {
    colour.len() == 7 && colour.starts_with('#') && colour[1..].bytes().all(|b| b.is_ascii_hexdigit())
}
