//! The comparison of two rounds in every output format: HTML (`compare.html.j2`), PDF
//! ([`super::pdf::compare`]) and JSON (the [`Comparison`] with unrounded numbers).

use super::{Format, ReportOptions, html::COMPARE_ENTRY, json, pdf};
use crate::compare::{Comparison, Round, compare, unexplained};
use crate::diagnostic::Diagnostics;
use crate::error::Result;
use crate::i18n::Catalogue;
use crate::load::Loaded;
use crate::model::Date;
use crate::report::compare::{CompareInput, CompareProvenance, CompareView, build};
use crate::score::{ScoreOptions, Scorecard, score_with};
use serde::Serialize;

/// The comparison language: the one asked for, else the new answers' own, else the new
/// checklist's first.
pub fn language<'a>(requested: Option<&'a str>, new: &'a Loaded) -> &'a str {
    crate::report::language(requested, &new.checklist, &new.assessment)
}

/// Scores both rounds on the default basis (verified levels, exceptions applied) and compares them.
pub fn comparison(old: &Loaded, new: &Loaded) -> (Scorecard, Scorecard, Comparison) {
    comparison_with(old, new, &ScoreOptions::default())
}

/// Scores both rounds on the given basis and compares them.
pub fn comparison_with(
    old: &Loaded,
    new: &Loaded,
    options: &ScoreOptions,
) -> (Scorecard, Scorecard, Comparison) {
    let old_card = score_with(&old.checklist, &old.assessment, options);
    let new_card = score_with(&new.checklist, &new.assessment, options);
    let comparison = compare(round(old, &old_card), round(new, &new_card));
    (old_card, new_card, comparison)
}

fn round<'a>(loaded: &'a Loaded, scorecard: &'a Scorecard) -> Round<'a> {
    Round {
        checklist: &loaded.checklist,
        assessment: &loaded.assessment,
        scorecard,
    }
}

/// The comparison view, in the chosen language.
pub fn view(
    old: &Loaded,
    new: &Loaded,
    catalogue: &Catalogue,
    lang: Option<&str>,
    report_date: Date,
    scoring: &ScoreOptions,
) -> (Comparison, CompareView) {
    let (old_card, new_card, comparison) = comparison_with(old, new, scoring);
    let view = build(&CompareInput {
        old: round(old, &old_card),
        new: round(new, &new_card),
        comparison: &comparison,
        catalogue,
        lang: language(lang, new),
        report_date,
    });
    (comparison, view)
}

/// The comparison's files, and its warnings: `change-unexplained` for every level that changed
/// without a `change_note`.
pub struct Rendered {
    pub files: Vec<(Format, Vec<u8>)>,
    pub warnings: Diagnostics,
}

/// Compares the rounds and renders every requested format in memory, so that a failure in any
/// format writes nothing.
pub fn render(old: &Loaded, new: &Loaded, options: &ReportOptions) -> Result<Rendered> {
    let catalogue = options.templates.catalogue()?;
    let (comparison, view) = view(
        old,
        new,
        &catalogue,
        options.lang.as_deref(),
        options.report_date,
        &options.scoring,
    );
    let files = options
        .formats
        .iter()
        .map(|format| {
            let bytes = match format {
                Format::Html => options.templates.render_entry(COMPARE_ENTRY, &view)?.into_bytes(),
                Format::Json => to_json(old, new, &comparison, &view),
                Format::Pdf | Format::Docx => options.typeset(*format, &pdf::compare::document(&view))?,
                Format::Csv => return Err(crate::Error::UnsupportedFormat { format: "csv" }),
                Format::Xlsx => super::xlsx::compare::compare(&view)?,
            };
            Ok((*format, bytes))
        })
        .collect::<Result<_>>()?;
    Ok(Rendered {
        files,
        warnings: unexplained(&comparison, &new.assessment),
    })
}

#[derive(Serialize)]
struct CompareJson<'a> {
    checklist: &'a str,
    old_version: &'a str,
    new_version: &'a str,
    organisation: &'a str,
    old_assessed_on: Date,
    new_assessed_on: Date,
    language: &'a str,
    #[serde(flatten)]
    comparison: &'a Comparison,
    report_date: Date,
    provenance: &'a CompareProvenance,
}

/// The comparison as JSON: unrounded numbers, bands by code.
fn to_json(old: &Loaded, new: &Loaded, comparison: &Comparison, view: &CompareView) -> Vec<u8> {
    json::to_string(&CompareJson {
        checklist: new.checklist.id(),
        old_version: old.checklist.version(),
        new_version: new.checklist.version(),
        organisation: &view.cover.organisation,
        old_assessed_on: old.assessment.assessed_on(),
        new_assessed_on: new.assessment.assessed_on(),
        language: &view.lang,
        comparison,
        report_date: view.provenance.report_date,
        provenance: &view.provenance,
    })
    .into_bytes()
}
