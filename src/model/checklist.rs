//! The checklist as written in YAML: criteria in sections, answer scales, scoring settings.
//!
//! These types mirror the file format field by field (see `docs/formats.md`); unknown keys are
//! rejected when parsing. A parsed [`ChecklistDoc`] is not yet trusted: only
//! [`crate::validate::checklist`] turns it into a [`Checklist`] that later stages rely on.

use super::text::Text;
use super::unique_map::UniqueMap;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChecklistDoc {
    pub id: String,
    pub version: String,
    pub languages: Vec<String>,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default)]
    pub source: Option<Text>,
    pub scales: UniqueMap<Scale>,
    #[serde(default)]
    pub scoring: Scoring,
    pub sections: Vec<Section>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scale {
    #[serde(default)]
    pub label: Option<Text>,
    pub levels: Vec<Level>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Level {
    pub value: i64,
    pub label: Text,
    #[serde(default)]
    pub description: Option<Text>,
}

/// How children combine into a section score, and top-level sections into the overall score.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// sum(w * s) / sum(w)
    #[default]
    WeightedMean,
    /// sum(s) / n
    Mean,
    /// the lowest child score
    Min,
}

/// What an indicator without an answer contributes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Missing {
    /// Left out of every aggregate.
    #[default]
    Exclude,
    /// Scores 0 and counts.
    Zero,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scoring {
    #[serde(default)]
    pub method: Method,
    #[serde(default)]
    pub missing: Missing,
    #[serde(default = "default_pass")]
    pub pass: f64,
    #[serde(default)]
    pub bands: Vec<Band>,
    #[serde(default)]
    pub critical_cap: Option<String>,
    /// The oldest evidence, in days before the assessment date, that reports accept as current.
    #[serde(default)]
    pub evidence_max_age_days: Option<i64>,
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
        }
    }
}

fn default_pass() -> f64 {
    50.0
}

fn default_weight() -> f64 {
    1.0
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Band {
    pub min: f64,
    pub code: String,
    pub label: Text,
    /// Optional display colour, `#rrggbb`; the reports pick one per band otherwise.
    #[serde(default)]
    pub colour: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: Text,
    #[serde(default)]
    pub description: Option<Text>,
    #[serde(default = "default_weight")]
    pub weight: f64,
    /// Overrides `scoring.method` for this section's children.
    #[serde(default)]
    pub method: Option<Method>,
    #[serde(default)]
    pub sections: Vec<Section>,
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub text: Text,
    #[serde(default)]
    pub guidance: Option<Text>,
    pub scale: String,
    #[serde(default = "default_weight")]
    pub weight: f64,
    #[serde(default)]
    pub critical: bool,
    /// Overrides `scoring.pass` for this indicator.
    #[serde(default)]
    pub pass: Option<f64>,
    #[serde(default)]
    pub evidence: Vec<Text>,
    #[serde(default)]
    pub references: Vec<Text>,
    /// Overrides `scoring.evidence_max_age_days` for this indicator.
    #[serde(default)]
    pub evidence_max_age_days: Option<i64>,
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

    pub fn scoring(&self) -> &Scoring {
        &self.doc.scoring
    }

    pub fn sections(&self) -> &[Section] {
        &self.doc.sections
    }

    /// The scale an indicator answers on; validation guarantees it exists.
    pub fn scale_of(&self, indicator: &Indicator) -> &Scale {
        self.doc
            .scales
            .get(&indicator.scale)
            .expect("validated checklist: every indicator names a defined scale")
    }

    /// The method that combines this section's children.
    pub fn method_of(&self, section: &Section) -> Method {
        section.method.unwrap_or(self.doc.scoring.method)
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

    /// Every indicator, depth first in file order (a section's indicators before its sub-sections).
    pub fn indicators(&self) -> Vec<&Indicator> {
        fn walk<'a>(sections: &'a [Section], out: &mut Vec<&'a Indicator>) {
            for section in sections {
                out.extend(section.indicators.iter());
                walk(&section.sections, out);
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

impl Scale {
    pub fn lowest(&self) -> i64 {
        self.levels.first().map_or(0, |l| l.value)
    }

    pub fn highest(&self) -> i64 {
        self.levels.last().map_or(0, |l| l.value)
    }

    /// Where `value` lies on the scale: 0 at the lowest level, 100 at the highest. Computed in
    /// 128 bits, so that levels anywhere in the `i64` range cannot overflow.
    pub fn position(&self, value: i64) -> f64 {
        let span = i128::from(self.highest()) - i128::from(self.lowest());
        let above = i128::from(value) - i128::from(self.lowest());
        (100.0 * above as f64 / span as f64).clamp(0.0, 100.0)
    }

    pub fn level(&self, value: i64) -> Option<&Level> {
        self.levels.iter().find(|l| l.value == value)
    }
}
