//! The portfolio in every output format: HTML (the `portfolio.html.j2` template), PDF, JSON and
//! CSV, all rendered in memory first so that a failure in any format writes nothing.

pub mod csv;
pub mod json;
pub mod xlsx;

use super::html::PORTFOLIO_ENTRY;
use super::{Format, ReportOptions, pdf};
use crate::error::Result;
use crate::portfolio::Portfolio;
use crate::report::portfolio::build;

/// Renders the portfolio in every requested format. `options.lang` is not read: the portfolio
/// was ordered in its language already ([`Portfolio::lang`]).
pub fn render(portfolio: &Portfolio, options: &ReportOptions) -> Result<Vec<(Format, Vec<u8>)>> {
    let catalogue = options.templates.catalogue()?;
    let view = build(portfolio, &catalogue, options.report_date);
    options
        .formats
        .iter()
        .map(|format| {
            let bytes = match format {
                Format::Html => options
                    .templates
                    .render_entry(PORTFOLIO_ENTRY, &view)?
                    .into_bytes(),
                Format::Pdf | Format::Docx => options.typeset(*format, &pdf::portfolio_document(&view))?,
                Format::Json => json::portfolio(portfolio, &view),
                Format::Xlsx => xlsx::portfolio(portfolio, &catalogue.labels(&portfolio.lang))?,
                Format::Csv => csv::portfolio(
                    portfolio,
                    &catalogue.labels(&portfolio.lang),
                    options.csv_delimiter,
                )?,
            };
            Ok((*format, bytes))
        })
        .collect()
}
