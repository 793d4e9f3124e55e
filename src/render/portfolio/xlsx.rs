//! The portfolio as an Excel workbook: the heat map (one row per organisation, a column per
//! top-level section, the overall score, its band, completeness and critical failures) with
//! every score a number and each cell coloured by its band through conditional formats, so
//! that a score changed by hand takes its band's colour; then the skipped files.

use super::super::xlsx::sheet::{Sheet, xlsx};
use crate::error::Result;
use crate::i18n::Labels;
use crate::portfolio::Portfolio;
use crate::report::bands::band_views;
use rust_xlsxwriter::{
    Color, ConditionalFormatBlank, ConditionalFormatCell, ConditionalFormatCellRule, Format, FormatAlign,
    FormatBorder, Workbook, Worksheet,
};

/// The first row of data, below the column titles.
const FIRST_ROW: u32 = 1;

/// The workbook's bytes.
pub fn portfolio(portfolio: &Portfolio, labels: &Labels) -> Result<Vec<u8>> {
    let mut book = Workbook::new();
    heat_map(portfolio, labels, &mut Sheet::new(book.add_worksheet()))?;
    skipped(portfolio, labels, &mut Sheet::new(book.add_worksheet()))?;
    book.save_to_buffer().map_err(xlsx)
}

fn heat_map(portfolio: &Portfolio, labels: &Labels, sheet: &mut Sheet) -> Result<()> {
    let (checklist, lang) = (&portfolio.checklist, portfolio.lang.as_str());
    let fallback = checklist.default_language();
    sheet
        .ws
        .set_name(sheet_name(labels.get("xlsx_sheet_scores")))
        .map_err(xlsx)?;
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let title = cell.clone().set_bold().set_text_wrap();
    let score = cell.clone().set_num_format("0.0");
    let text = cell.clone().set_text_wrap();
    let sections = checklist.sections();
    let mut titles = vec![labels.get("label_organisation").to_owned()];
    titles.extend(sections.iter().map(|s| s.title.get(lang, fallback).to_owned()));
    titles.extend(
        [
            "portfolio_label_overall",
            "label_band",
            "completeness",
            "critical_failures",
            "portfolio_label_file",
        ]
        .map(|key| labels.get(key).to_owned()),
    );
    let overall = sections.len() as u16 + 1;
    for (col, name) in titles.iter().enumerate() {
        let col = col as u16;
        let width = match col {
            0 => 40.0,
            _ if col == overall + 4 => 40.0,
            _ => 14.0,
        };
        sheet.width(col, width)?;
        sheet.text(0, col, Some(name), &title)?;
    }
    for (i, member) in portfolio.members.iter().enumerate() {
        let row = FIRST_ROW + i as u32;
        let card = &member.scorecard;
        let name = member.organisation.get(lang, fallback);
        sheet.text(row, 0, Some(name), &text)?;
        for (col, section) in card.sections.iter().enumerate() {
            sheet.number(row, col as u16 + 1, section.score, &score)?;
        }
        sheet.number(row, overall, card.overall.score, &score)?;
        let band = card
            .overall
            .band
            .map(|b| checklist.scoring().bands[b].code.as_str());
        sheet.text(row, overall + 1, band, &text)?;
        sheet.number(row, overall + 2, card.completeness, &score)?;
        sheet.number(row, overall + 3, Some(card.critical_failures.len() as f64), &text)?;
        sheet.text(row, overall + 4, Some(&member.origin), &text)?;
    }
    let last = FIRST_ROW + portfolio.members.len().max(1) as u32 - 1;
    colour_by_band(portfolio, sheet.ws, (FIRST_ROW, last), overall)?;
    sheet.ws.set_freeze_panes(FIRST_ROW, 1).map_err(xlsx)?;
    sheet.fit_rows()?;
    sheet.print_a4_landscape();
    Ok(())
}

/// Colours the score columns (1 to `last_col`) by band: blank cells stay white, then the
/// highest band whose minimum a score reaches gives its colour.
fn colour_by_band(
    portfolio: &Portfolio,
    sheet: &mut Worksheet,
    (first, last): (u32, u32),
    last_col: u16,
) -> Result<()> {
    let checklist = &portfolio.checklist;
    let blank = ConditionalFormatBlank::new().set_stop_if_true(true);
    sheet
        .add_conditional_format(first, 1, last, last_col, &blank)
        .map_err(xlsx)?;
    let views = band_views(checklist, &portfolio.lang);
    for (band, view) in checklist.scoring().bands.iter().zip(&views).rev() {
        let colour =
            |hex: &str| Color::RGB(u32::from_str_radix(hex.trim_start_matches('#'), 16).unwrap_or(0xFFFFFF));
        let format = Format::new()
            .set_background_color(colour(&view.colour))
            .set_font_color(colour(&view.text_colour));
        let rule = ConditionalFormatCell::new()
            .set_rule(ConditionalFormatCellRule::GreaterThanOrEqualTo(band.min))
            .set_format(format)
            .set_stop_if_true(true);
        sheet
            .add_conditional_format(first, 1, last, last_col, &rule)
            .map_err(xlsx)?;
    }
    Ok(())
}

/// The files left out, each with its first error.
fn skipped(portfolio: &Portfolio, labels: &Labels, sheet: &mut Sheet) -> Result<()> {
    sheet
        .ws
        .set_name(sheet_name(labels.get("portfolio_heading_skipped")))
        .map_err(xlsx)?;
    let title = Format::new().set_bold().set_border(FormatBorder::Thin);
    let text = Format::new().set_text_wrap().set_border(FormatBorder::Thin);
    sheet.width(0, 40.0)?;
    sheet.width(1, 90.0)?;
    sheet.text(0, 0, Some(labels.get("portfolio_label_file")), &title)?;
    sheet.text(0, 1, Some(labels.get("portfolio_label_errors")), &title)?;
    for (i, file) in portfolio.skipped.iter().enumerate() {
        let row = FIRST_ROW + i as u32;
        let error = file
            .diagnostics
            .iter()
            .find(|d| d.is_error())
            .map(|d| format!("{}: {}", d.code, d.message));
        sheet.text(row, 0, Some(&file.file), &text)?;
        sheet.text(row, 1, error.as_deref(), &text)?;
    }
    sheet.fit_rows()
}

/// A sheet's name as Excel allows it: at most 31 characters, none of `[]:*?/\`.
fn sheet_name(text: &str) -> String {
    text.chars()
        .filter(|c| !"[]:*?/\\".contains(*c))
        .take(31)
        .collect()
}
