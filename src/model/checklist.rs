//! The checklist as written in YAML: criteria in sections, answer scales, scoring settings.
//!
//! The parts of a methodology live beside it: scales and levels ([`super::scale`]), methods
//! ([`super::method`]), rounding, grade lists, conversion tables, ranges, number indicators'
//! points and criteria, one file each.
//!
//! These types mirror the file format field by field (see `docs/formats.md`); unknown keys are
//! rejected when parsing, and they serialize back to the same format (which is how
//! `oversight convert` writes a checklist). A parsed [`ChecklistDoc`] is not yet trusted: only
//! [`crate::validate::checklist`] turns it into a [`Checklist`] that later stages rely on, once
//! [`super::items::normalize`] has put every section's contents in one form.

use super::criteria::{CriteriaRule, Criterion};
use super::grades::Grade;
use super::items::{Child, Info, Item, Slot, own_answer};
use super::mapping::Mapping;
use super::method::{Method, Missing, NotEnoughInformation};
use super::number::Number;
use super::plan::{Rating, Target};
use super::points::Point;
use super::ranges::{Range, ValueScale};
use super::rounding::Rounding;
use super::scale::Scale;
use super::scope::{ScopeDimension, ScopeIds, in_scope};
use super::table::Table;
use super::text::Text;
use super::unique_map::UniqueMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistDoc {
    #[schemars(extend("pattern" = super::schema::ID_PATTERN))]
    pub id: String,
    pub version: String,
    #[schemars(extend("minItems" = 1, "items" = {"type": "string", "pattern": "^[a-z]{2,3}$"}))]
    pub languages: Vec<String>,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// The scope dimensions an assessment may be limited to, by id.
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    pub scopes: UniqueMap<ScopeDimension>,
    pub scales: UniqueMap<Scale>,
    #[serde(default, skip_serializing_if = "Scoring::is_default")]
    pub scoring: Scoring,
    pub sections: Vec<Section>,
    /// How an earlier version's indicator ids correspond to this version's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub mapping: Option<Mapping>,
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    #[serde(default, skip_serializing_if = "is_default")]
    pub method: Method,
    #[serde(default, skip_serializing_if = "is_default")]
    pub missing: Missing,
    #[serde(default = "default_pass", skip_serializing_if = "is_default_pass")]
    pub pass: f64,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(extend("prefixItems" = [{"properties": {"min": {"const": 0}}}]))]
    pub bands: Vec<Band>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub critical_cap: Option<String>,
    /// The oldest evidence, in days before the assessment date, that reports accept as current.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_max_age_days: Option<i64>,
    /// What a `status: not-enough-information` answer contributes.
    #[serde(default, skip_serializing_if = "is_default")]
    pub not_enough_information: NotEnoughInformation,
    /// Whether a not-applicable answer needs a comment that justifies it.
    #[serde(default = "yes", skip_serializing_if = "is_true")]
    pub justify_not_applicable: bool,
    /// Rounding of every aggregate before banding, ranges and display.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rounding: Option<Rounding>,
    /// Named grade lists, for sections whose result is a grade.
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    pub grades: UniqueMap<Vec<Grade>>,
    /// Named conversion tables, for sections with `method: {table: NAME}`.
    #[serde(default, skip_serializing_if = "UniqueMap::is_empty")]
    pub tables: UniqueMap<Table>,
    /// The least completeness, in percent of the applicable indicators, at which a section or
    /// the whole assessment is given a verdict and a band.
    #[serde(default = "default_min_completeness")]
    pub min_completeness: f64,
}

impl Default for Scoring {
    fn default() -> Self {
        Scoring {
            method: Method::default(),
            missing: Missing::default(),
            pass: default_pass(),
            bands: Vec::new(),
            critical_cap: None,
            evidence_max_age_days: None,
            not_enough_information: NotEnoughInformation::default(),
            justify_not_applicable: true,
            rounding: None,
            grades: UniqueMap::default(),
            tables: UniqueMap::default(),
            min_completeness: default_min_completeness(),
        }
    }
}

impl Scoring {
    fn is_default(&self) -> bool {
        *self == Scoring::default()
    }
}

fn default_pass() -> f64 {
    50.0
}

fn yes() -> bool {
    true
}

fn default_min_completeness() -> f64 {
    50.0
}

fn default_weight() -> f64 {
    1.0
}

fn is_default<T: Default + PartialEq>(value: &T) -> bool {
    *value == T::default()
}

fn is_default_pass(pass: &f64) -> bool {
    *pass == default_pass()
}

fn is_true(value: &bool) -> bool {
    *value
}

fn is_false(value: &bool) -> bool {
    !*value
}

fn is_one(weight: &f64) -> bool {
    *weight == 1.0
}

#[derive(Debug, Clone, PartialEq, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: f64,
    pub code: String,
    pub label: Text,
    /// Optional display colour, `#rrggbb`; the reports pick one per band otherwise.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub colour: Option<String>,
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Section {
    #[schemars(extend("pattern" = super::schema::ID_PATTERN))]
    pub id: String,
    /// The source's own code for the section ("GV"), shown beside its title.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub ref_id: Option<String>,
    pub title: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<Text>,
    #[serde(default = "default_weight", skip_serializing_if = "is_one")]
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 1_000_000))]
    pub weight: f64,
    /// Overrides `scoring.method` for this section's children.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub method: Option<Method>,
    /// The grade list the section's result is a grade of.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grade: Option<String>,
    /// Whether the parent combines this section's children directly, as if they were its own.
    #[serde(default, skip_serializing_if = "is_false")]
    pub pool: bool,
    /// With `method: sum`: the ranges that convert the sum into the section's value.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub ranges: Vec<Range>,
    /// The section's values that score 0 and 100.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub value_scale: Option<ValueScale>,
    /// The scope values the section, and everything under it, applies to.
    #[serde(default, skip_serializing_if = "ScopeIds::is_empty")]
    pub scopes: ScopeIds,
    /// The section's own answer, when the section is answered itself; a scored own answer
    /// counts instead of the children. Its id is the section's, its text by default the
    /// section's title.
    #[serde(
        default,
        deserialize_with = "own_answer",
        skip_serializing_if = "Option::is_none"
    )]
    #[schemars(schema_with = "super::schema::own_answer")]
    pub assessable: Option<Indicator>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indicators: Vec<Indicator>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub sections: Vec<Section>,
    /// Indicators, sub-sections and informational items in the source's order, instead of
    /// `indicators` and `sections`; normalization moves them there.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[schemars(
        description = "Indicators, sub-sections and informational items in the source's order, instead of `indicators` and `sections`"
    )]
    pub items: Vec<Item>,
    /// The informational items (filled by normalization).
    #[serde(skip)]
    pub infos: Vec<Info>,
    /// Every child in order (filled by normalization).
    #[serde(skip)]
    pub layout: Vec<Slot>,
    /// Whether the file gave the contents as `items:` (for the paths of messages).
    #[serde(skip)]
    pub written_as_items: bool,
    /// Its scope tags with the ones it inherits (filled by normalization).
    #[serde(skip)]
    pub effective_scopes: ScopeIds,
}

impl Section {
    /// Its title as every report shows it: after the source's code, when it has one
    /// ("GV Govern").
    pub fn heading(&self, lang: &str, fallback: &str) -> String {
        let title = self.title.get(lang, fallback);
        match &self.ref_id {
            Some(code) => format!("{code} {title}"),
            None => title.to_owned(),
        }
    }

    /// The key under which the file lists a child indicator (or, with `section`, a child
    /// section): `items`, else `indicators` or `sections`.
    pub fn child_key(&self, section: bool) -> &'static str {
        match (self.written_as_items, section) {
            (true, _) => "items",
            (false, false) => "indicators",
            (false, true) => "sections",
        }
    }
}

#[derive(Debug, Clone, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    /// Written for every indicator but an assessable section's answer, which takes the
    /// section's.
    #[serde(skip_serializing_if = "String::is_empty")]
    #[schemars(extend("pattern" = super::schema::ID_PATTERN))]
    pub id: String,
    /// The source's own code for the indicator ("GV.OC-01"), shown beside its title.
    #[serde(default, rename = "ref", skip_serializing_if = "Option::is_none")]
    pub ref_id: Option<String>,
    /// A short name shown before the text, where the source gives one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<Text>,
    #[serde(skip_serializing_if = "Text::is_blank")]
    pub text: Text,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<Text>,
    /// Where the indicator comes from: a sentence of the checklist's source, or what an
    /// elaboration beyond it draws on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<Text>,
    /// What the answer gives: a level on a scale (the default), or a number.
    #[serde(default, skip_serializing_if = "is_default")]
    pub kind: IndicatorKind,
    /// The scale a `scale` indicator is answered on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<String>,
    /// A number indicator's unit, shown after its value ("%", "days").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<Text>,
    /// A number indicator's points: piecewise linear in the value, flat outside.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub points: Vec<Point>,
    /// The lowest value a number indicator's answer may give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<Number>,
    /// The highest value a number indicator's answer may give.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<Number>,
    /// Overrides `scoring.missing` for this indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub missing: Option<Missing>,
    /// The criteria an assessor ticks; the level then follows from `levels_from_criteria`.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<Criterion>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub levels_from_criteria: Vec<CriteriaRule>,
    #[serde(default = "default_weight", skip_serializing_if = "is_one")]
    #[schemars(extend("exclusiveMinimum" = 0, "maximum" = 1_000_000))]
    pub weight: f64,
    #[serde(default, skip_serializing_if = "is_false")]
    pub critical: bool,
    /// Why the indicator is critical and why its pass mark is where it is, in one line.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rationale: Option<Text>,
    /// Overrides `scoring.pass` for this indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pass: Option<f64>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub evidence: Vec<Text>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub references: Vec<Text>,
    /// Overrides `scoring.evidence_max_age_days` for this indicator.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence_max_age_days: Option<i64>,
    /// The level every assessment should reach, unless its answer sets its own target.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// The harm a failure here would do, for the risk and maturity matrix.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub impact: Option<Rating>,
    /// The scope values the indicator applies to.
    #[serde(default, skip_serializing_if = "ScopeIds::is_empty")]
    pub scopes: ScopeIds,
    /// Its scope tags with the ones it inherits (filled by normalization).
    #[serde(skip)]
    pub effective_scopes: ScopeIds,
}

impl Indicator {
    /// Its text as every report shows it: after its title, when it has one, and the source's
    /// code, when that is not already its id ("GV.OC-01" is shown as the id).
    pub fn heading(&self, lang: &str, fallback: &str) -> String {
        let mut out = String::new();
        if let Some(code) = self.ref_id.as_ref().filter(|code| **code != self.id) {
            out.push_str(code);
            out.push(' ');
        }
        if let Some(title) = &self.title {
            let title = title.get(lang, fallback).trim_end();
            if !title.is_empty() {
                out.push_str(title);
                if !title.ends_with(['.', '?', '!', ':']) {
                    out.push('.');
                }
                out.push(' ');
            }
        }
        out.push_str(self.text.get(lang, fallback));
        out
    }
}

/// What an indicator's answer gives.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, schemars::JsonSchema)]
#[serde(rename_all = "kebab-case")]
pub enum IndicatorKind {
    /// A level of its scale (`level:`), or ticked criteria (`criteria_met:`) when it has some.
    #[default]
    Scale,
    /// A quantity (`value:`), turned into points.
    Number,
}

/// A checklist that passed validation: every id unique, every scale known, every number sane.
///
/// Only [`crate::validate::checklist`] builds one, so later stages never check input again.
#[derive(Debug, Clone)]
pub struct Checklist {
    doc: ChecklistDoc,
    /// Where it was read from, as the user named it (or the bundled name).
    pub origin: String,
    /// SHA-256 of the file's bytes, lowercase hex.
    pub sha256: String,
}

impl Checklist {
    pub(crate) fn new(doc: ChecklistDoc, origin: String, sha256: String) -> Self {
        Checklist { doc, origin, sha256 }
    }

    pub fn id(&self) -> &str {
        &self.doc.id
    }

    pub fn version(&self) -> &str {
        &self.doc.version
    }

    pub fn languages(&self) -> &[String] {
        &self.doc.languages
    }

    /// The first language listed: the fallback for every text.
    pub fn default_language(&self) -> &str {
        &self.doc.languages[0]
    }

    pub fn title(&self) -> &Text {
        &self.doc.title
    }

    pub fn description(&self) -> Option<&Text> {
        self.doc.description.as_ref()
    }

    pub fn source(&self) -> Option<&Text> {
        self.doc.source.as_ref()
    }

    pub fn scales(&self) -> impl Iterator<Item = (&str, &Scale)> {
        self.doc.scales.iter()
    }

    /// The scope dimensions, in file order.
    pub fn scopes(&self) -> &UniqueMap<ScopeDimension> {
        &self.doc.scopes
    }

    /// Whether an indicator is in the scope an assessment chose (see [`super::scope`]).
    pub fn in_scope(&self, indicator: &Indicator, chosen: &ScopeIds) -> bool {
        in_scope(&self.doc.scopes, &indicator.effective_scopes, chosen)
    }

    /// Whether an informational item is in the scope an assessment chose.
    pub fn info_in_scope(&self, info: &Info, chosen: &ScopeIds) -> bool {
        in_scope(&self.doc.scopes, &info.effective_scopes, chosen)
    }

    /// The mapping from an earlier version's indicator ids, when the checklist has one.
    pub fn mapping(&self) -> Option<&Mapping> {
        self.doc.mapping.as_ref()
    }

    pub fn scoring(&self) -> &Scoring {
        &self.doc.scoring
    }

    pub fn sections(&self) -> &[Section] {
        &self.doc.sections
    }

    /// The scale an indicator answers on; `None` for a number indicator. Validation guarantees
    /// that every scale indicator names a defined scale.
    pub fn scale_of(&self, indicator: &Indicator) -> Option<&Scale> {
        self.doc.scales.get(indicator.scale.as_deref()?)
    }

    /// The method that combines this section's children.
    pub fn method_of<'a>(&'a self, section: &'a Section) -> &'a Method {
        section.method.as_ref().unwrap_or(&self.doc.scoring.method)
    }

    /// The grade list a section's result is a grade of.
    pub fn grades_of(&self, section: &Section) -> Option<&[Grade]> {
        self.doc
            .scoring
            .grades
            .get(section.grade.as_deref()?)
            .map(Vec::as_slice)
    }

    /// A conversion table by name.
    pub fn table(&self, name: &str) -> Option<&Table> {
        self.doc.scoring.tables.get(name)
    }

    /// What an unanswered indicator contributes.
    pub fn missing_of(&self, indicator: &Indicator) -> Missing {
        indicator.missing.unwrap_or(self.doc.scoring.missing)
    }

    /// The pass mark (0-100) of an indicator.
    pub fn pass_of(&self, indicator: &Indicator) -> f64 {
        indicator.pass.unwrap_or(self.doc.scoring.pass)
    }

    /// The oldest evidence (in days before the assessment date) accepted as current for an
    /// indicator; `None` when neither the indicator nor the checklist sets a limit.
    pub fn evidence_max_age_of(&self, indicator: &Indicator) -> Option<i64> {
        indicator
            .evidence_max_age_days
            .or(self.doc.scoring.evidence_max_age_days)
    }

    /// The index of the band that caps the overall band after a critical failure.
    pub fn cap_band(&self) -> Option<usize> {
        let code = self.doc.scoring.critical_cap.as_deref()?;
        self.doc.scoring.bands.iter().position(|b| b.code == code)
    }

    /// Every section, depth first in file order.
    pub fn all_sections(&self) -> Vec<&Section> {
        all_sections(&self.doc.sections)
    }

    /// Every indicator, depth first in the checklist's order: an assessable section's own
    /// answer first, then its children in order (without `items:`, its indicators before its
    /// sub-sections).
    pub fn indicators(&self) -> Vec<&Indicator> {
        fn walk<'a>(sections: &'a [Section], out: &mut Vec<&'a Indicator>) {
            for section in sections {
                out.extend(section.assessable.iter());
                for child in section.children() {
                    match child {
                        Child::Indicator(indicator) => out.push(indicator),
                        Child::Section(sub) => walk(std::slice::from_ref(sub), out),
                        Child::Info(_) => {}
                    }
                }
            }
        }
        let mut out = Vec::new();
        walk(&self.doc.sections, &mut out);
        out
    }

    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators().into_iter().find(|i| i.id == id)
    }
}

/// Every section of `sections`, each followed by its sub-sections.
pub fn all_sections(sections: &[Section]) -> Vec<&Section> {
    let mut out = Vec::new();
    for section in sections {
        out.push(section);
        out.extend(all_sections(&section.sections));
    }
    out
}
