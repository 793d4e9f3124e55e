//! `oversight convert`: checklists from other frameworks' files, with what they cannot hold.
//!
//! Each converter reads its source through [`Source`] (so the usual limits and YAML/JSON
//! diagnostics apply) and builds a [`ChecklistDoc`], which serializes to the checklist format.
//! Whatever the source holds that the format cannot is listed as a [`Note`], never dropped
//! silently; the CLI prints them. The result is validated before it is written.

pub mod ciso_assistant;
mod ids;
pub mod oscal;

use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::model::checklist::{Indicator, IndicatorKind};
use crate::model::{Checklist, ChecklistDoc, Item, ScopeIds, Section, Text};
use crate::source::{Limits, Source};
use crate::validate::{self, Validated};
use std::path::Path;

/// The formats `oversight convert` reads.
#[derive(Debug, Clone)]
pub enum From {
    CisoAssistant(ciso_assistant::Options),
    Oscal { scale: oscal::ScaleChoice, lang: String },
}

/// Reads `path` and converts it; a file that cannot be converted is a `not-convertible`
/// diagnostic, a bad `--lang` an `unknown-language` one.
pub fn convert_file(path: &Path, from: &From, limits: &Limits) -> Result<Conversion, Diagnostics> {
    let source = Source::read(path, limits)?;
    let value: serde_yaml::Value = source.parse()?;
    let refuse = |code: &'static str, message: String| -> Diagnostics {
        Diagnostic::error(code, &source.name, Place::File, message).into()
    };
    match from {
        From::CisoAssistant(options) => ciso_assistant::convert(value, options).map_err(|e| match e {
            ciso_assistant::ConvertError::Refused(ciso_assistant::Refusal::UnknownLanguage {
                lang,
                available,
            }) => Diagnostic::error(
                "unknown-language",
                &source.name,
                Place::path("--lang"),
                format!("the library has no locale `{lang}`"),
            )
            .with_hint(format!("expected one of {available}"))
            .into(),
            other => refuse("not-convertible", other.to_string()),
        }),
        From::Oscal { scale, lang } => {
            oscal::convert(value, *scale, lang).map_err(|e| refuse("not-convertible", e.to_string()))
        }
    }
}

/// A converted checklist and what the source held that it does not.
#[derive(Debug, Clone)]
pub struct Conversion {
    pub checklist: ChecklistDoc,
    pub notes: Vec<Note>,
}

/// Something of the source the checklist does not hold, or holds differently.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Note {
    /// Where in the source: a key path, a node's code, or the whole file.
    pub place: String,
    pub text: String,
}

impl Note {
    pub fn new(place: impl Into<String>, text: impl Into<String>) -> Self {
        Note {
            place: place.into(),
            text: text.into(),
        }
    }
}

impl Conversion {
    /// The checklist as YAML text, after a header comment naming the source.
    pub fn to_yaml(&self, source_name: &str) -> String {
        let body = serde_yaml::to_string(&self.checklist).unwrap_or_default();
        format!("# Converted by `oversight convert` from {source_name}.\n{body}")
    }

    /// Validates the YAML text it writes (to `written_as`), as `oversight validate` would read
    /// it back.
    pub fn validate(
        &self,
        source_name: &str,
        written_as: &str,
        limits: &Limits,
    ) -> Result<Validated<Checklist>, Diagnostics> {
        let text = self.to_yaml(source_name);
        let source = Source::from_bytes(written_as, text.as_bytes())?;
        validate::checklist::checklist(&source, limits)
    }
}

/// A section with the format's defaults: weight 1, no method of its own, its contents as
/// `items` in the source's order.
fn section(id: String, ref_id: Option<String>, title: Text, items: Vec<Item>) -> Section {
    Section {
        id,
        ref_id,
        title,
        description: None,
        weight: 1.0,
        method: None,
        grade: None,
        pool: false,
        ranges: Vec::new(),
        value_scale: None,
        scopes: ScopeIds::default(),
        assessable: None,
        indicators: Vec::new(),
        sections: Vec::new(),
        items,
        infos: Vec::new(),
        layout: Vec::new(),
        written_as_items: false,
        effective_scopes: ScopeIds::default(),
    }
}

/// An indicator answered on `scale`, with the format's defaults (weight 1, not critical).
fn indicator(id: String, text: Text, scale: &str) -> Indicator {
    Indicator {
        id,
        ref_id: None,
        title: None,
        text,
        guidance: None,
        source: None,
        kind: IndicatorKind::Scale,
        scale: Some(scale.to_owned()),
        unit: None,
        points: Vec::new(),
        min: None,
        max: None,
        missing: None,
        criteria: Vec::new(),
        levels_from_criteria: Vec::new(),
        weight: 1.0,
        critical: false,
        rationale: None,
        pass: None,
        evidence: Vec::new(),
        references: Vec::new(),
        evidence_max_age_days: None,
        target: None,
        impact: None,
        scopes: ScopeIds::default(),
        effective_scopes: ScopeIds::default(),
    }
}
