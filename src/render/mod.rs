//! The render stage: the report view (or the scorecard) to bytes in each output format.
//!
//! - [`html`]: minijinja templates from `report-templates/default/`, overridable per file;
//! - [`pdf`]: an A4 document laid out and written with printpdf;
//! - [`docx`]: the PDF's document of blocks as a Word document on the user's template;
//! - [`json`]: the scorecard with unrounded numbers, for other programs;
//! - [`text`]: the terminal summary of `oversight score`;
//! - [`compare`]: the comparison of two rounds in HTML, PDF and JSON;
//! - [`consolidate`]: the consolidated draft, its summary and its statistics.
//! - [`portfolio`]: many assessments side by side, in the formats above and CSV.
//! - [`plan`]: the improvement plan on its own, in HTML, PDF, JSON and an Excel workbook
//!   ([`xlsx::plan`]).

pub mod compare;
pub mod consolidate;
pub mod docx;
pub mod html;
pub mod json;
pub mod pdf;
pub mod plan;
pub mod portfolio;
pub mod text;
pub mod xlsx;

/// An output format of `oversight report` or `oversight portfolio`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Format {
    Html,
    Pdf,
    Json,
    Csv,
    Docx,
    /// An Excel workbook of the results.
    Xlsx,
}

/// The formats [`report`] writes.
pub const REPORT_FORMATS: &[Format] = &[
    Format::Html,
    Format::Pdf,
    Format::Json,
    Format::Docx,
    Format::Xlsx,
];

/// The formats [`portfolio::render`] writes.
pub const PORTFOLIO_FORMATS: &[Format] = &[
    Format::Html,
    Format::Pdf,
    Format::Json,
    Format::Csv,
    Format::Docx,
    Format::Xlsx,
];

/// The formats [`plan::render`] writes.
pub const PLAN_FORMATS: &[Format] = &[
    Format::Html,
    Format::Pdf,
    Format::Json,
    Format::Xlsx,
    Format::Docx,
];

impl Format {
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Pdf => "pdf",
            Format::Json => "json",
            Format::Csv => "csv",
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
        }
    }

    /// The format a file name's extension asks for.
    pub fn from_extension(path: &std::path::Path) -> Option<Format> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "html" | "htm" => Some(Format::Html),
            "pdf" => Some(Format::Pdf),
            "json" => Some(Format::Json),
            "csv" => Some(Format::Csv),
            "docx" => Some(Format::Docx),
            "xlsx" => Some(Format::Xlsx),
            _ => None,
        }
    }
}

use crate::error::Result;
use crate::i18n::Catalogue;
use crate::load::Loaded;
use crate::model::Date;
use crate::report::{self, ReportInput};
use crate::score::{Basis, ScoreOptions};

/// Settings for one report run, resolved from the command line.
#[derive(Debug, Clone)]
pub struct ReportOptions {
    pub formats: Vec<Format>,
    /// The report's language; `None` picks the answers' own, then the checklist's first.
    pub lang: Option<String>,
    pub templates: html::Templates,
    pub report_date: Date,
    /// How to score: on the self-assessed or the verified levels.
    pub scoring: ScoreOptions,
    /// The faces the PDF (and the Word document's charts) are drawn with.
    pub fonts: pdf::FontSet,
    /// The Word document's template (styles, page, letterhead).
    pub docx_template: docx::Template,
    /// The CSV's field separator; `None` picks `;` where the language writes decimals with a
    /// comma, else `,`.
    pub csv_delimiter: Option<u8>,
}

impl ReportOptions {
    /// A document of blocks as PDF or Word bytes.
    pub fn typeset(&self, format: Format, document: &pdf::Document) -> Result<Vec<u8>> {
        match format {
            Format::Docx => {
                docx::render(document, &self.docx_template, &self.fonts).map_err(crate::Error::Docx)
            }
            _ => pdf::render(document, &self.fonts).map_err(|e| crate::Error::Pdf(Box::new(e))),
        }
    }
}

/// The report view of an assessment: scored with `scoring`, in the chosen language.
pub fn view(
    loaded: &Loaded,
    catalogue: &Catalogue,
    lang: Option<&str>,
    report_date: Date,
    scoring: &ScoreOptions,
) -> (crate::score::Scorecard, report::ReportView) {
    let scorecard = crate::score::score_with(&loaded.checklist, &loaded.assessment, scoring);
    let counterpart = (loaded.assessment.kind() == crate::model::ReportKind::Audited).then(|| {
        let basis = match scoring.basis {
            Basis::Verified => Basis::SelfAssessed,
            Basis::SelfAssessed => Basis::Verified,
        };
        crate::score::score_with(&loaded.checklist, &loaded.assessment, &ScoreOptions { basis })
    });
    let lang = report::language(lang, &loaded.checklist, &loaded.assessment);
    let view = report::build(&ReportInput {
        checklist: &loaded.checklist,
        assessment: &loaded.assessment,
        scorecard: &scorecard,
        counterpart: counterpart.as_ref(),
        catalogue,
        lang,
        report_date,
    });
    (scorecard, view)
}

/// The scorecard and the report view of an assessment, in the options' language, date and basis.
fn view_for(
    loaded: &Loaded,
    options: &ReportOptions,
) -> Result<(crate::score::Scorecard, report::ReportView)> {
    let catalogue = options.templates.catalogue()?;
    Ok(view(
        loaded,
        &catalogue,
        options.lang.as_deref(),
        options.report_date,
        &options.scoring,
    ))
}

/// Scores an assessment and renders it in every requested format, all in memory, so that a
/// failure in any format writes nothing.
pub fn report(loaded: &Loaded, options: &ReportOptions) -> Result<Vec<(Format, Vec<u8>)>> {
    let (scorecard, view) = view_for(loaded, options)?;
    options
        .formats
        .iter()
        .map(|format| {
            let bytes = match format {
                Format::Html => options.templates.render(&view)?.into_bytes(),
                Format::Json => json::report(&loaded.checklist, &loaded.assessment, &scorecard, &view),
                Format::Pdf | Format::Docx => options.typeset(*format, &pdf::document(&view))?,
                Format::Csv => return Err(crate::Error::UnsupportedFormat { format: "csv" }),
                Format::Xlsx => {
                    let plan = plan::plan_of(loaded, &scorecard, options.report_date);
                    xlsx::report::report(&loaded.checklist, &scorecard, &plan, &view)?
                }
            };
            Ok((*format, bytes))
        })
        .collect()
}
