//! The improvement plan on its own (`oversight plan`): HTML (`plan.html.j2`), PDF
//! ([`super::pdf::plan`]) and the same blocks as a Word document, JSON (the [`Plan`] with
//! unrounded numbers) and an Excel workbook ([`super::xlsx::plan`]). Every format renders the report view's plan part, so the plan
//! reads the same here and in the report.

use super::{Format, ReportOptions, html::PLAN_ENTRY, json, pdf, view_for, xlsx};
use crate::error::{Error, Result};
use crate::load::Loaded;
use crate::model::Date;
use crate::plan::{Plan, PlanInput, plan};
use crate::report::ReportView;
use crate::report::view::Provenance;
use crate::score::{Basis, Scorecard};
use serde::Serialize;

/// Scores the assessment and renders its plan in every requested format, all in memory, so
/// that a failure in any format writes nothing.
pub fn render(loaded: &Loaded, options: &ReportOptions) -> Result<Vec<(Format, Vec<u8>)>> {
    let (scorecard, view) = view_for(loaded, options)?;
    let plan = plan_of(loaded, &scorecard, options.report_date);
    options
        .formats
        .iter()
        .map(|format| {
            let bytes = match format {
                Format::Html => options.templates.render_entry(PLAN_ENTRY, &view)?.into_bytes(),
                Format::Pdf | Format::Docx => options.typeset(*format, &pdf::plan::document(&view))?,
                Format::Json => to_json(loaded, &scorecard, &plan, &view),
                Format::Xlsx => xlsx::plan::workbook(&plan, &view)?,
                Format::Csv => {
                    return Err(Error::UnsupportedFormat {
                        format: format.extension(),
                    });
                }
            };
            Ok((*format, bytes))
        })
        .collect()
}

/// The plan of a scored assessment, judged on `as_of`.
pub fn plan_of(loaded: &Loaded, scorecard: &Scorecard, as_of: Date) -> Plan {
    plan(&PlanInput {
        checklist: &loaded.checklist,
        assessment: &loaded.assessment,
        scorecard,
        as_of,
    })
}

#[derive(Serialize)]
struct PlanJson<'a> {
    checklist: json::ChecklistJson<'a>,
    organisation: &'a str,
    assessed_on: Date,
    language: &'a str,
    basis: Basis,
    #[serde(flatten)]
    plan: &'a Plan,
    report_date: Date,
    provenance: &'a Provenance,
}

fn to_json(loaded: &Loaded, scorecard: &Scorecard, plan: &Plan, view: &ReportView) -> Vec<u8> {
    json::to_string(&PlanJson {
        checklist: json::ChecklistJson {
            id: loaded.checklist.id(),
            version: loaded.checklist.version(),
        },
        organisation: &view.cover.organisation,
        assessed_on: loaded.assessment.assessed_on(),
        language: &view.lang,
        basis: scorecard.basis,
        plan,
        report_date: view.provenance.report_date,
        provenance: &view.provenance,
    })
    .into_bytes()
}
