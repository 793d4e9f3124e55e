//! The report as an Excel workbook, for an auditor to recompute and to sort: the scores of the
//! sections, the indicators, the calculation of every aggregate and the non-conformities, each
//! a sheet, and the improvement plan's sheets ([`super::plan`]). Scores, weights, levels and
//! pass marks are numbers (shown with one decimal, held unrounded), bands and verdicts are
//! text, dates are dates; the calculation sheet gives each aggregate's terms with a formula
//! that recomputes it beside the engine's result.

use super::sheet::{Sheet, xlsx};
use crate::error::Result;
use crate::model::{Checklist, Method, Number};
use crate::plan::Plan;
use crate::report::{IndicatorView, ReportView, SectionView};
use crate::score::trace::Trace;
use crate::score::{IndicatorResult, Scorecard, SectionResult};
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook};

/// What every sheet is written from.
struct Book<'a> {
    checklist: &'a Checklist,
    view: &'a ReportView,
    title: Format,
    text: Format,
    number: Format,
}

/// The workbook's bytes.
pub fn report(
    checklist: &Checklist,
    scorecard: &Scorecard,
    plan: &Plan,
    view: &ReportView,
) -> Result<Vec<u8>> {
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let book = Book {
        checklist,
        view,
        title: cell.clone().set_bold().set_text_wrap(),
        text: cell.clone().set_text_wrap(),
        number: cell.set_num_format("0.0"),
    };
    let sections = section_results(&scorecard.sections);
    let mut workbook = Workbook::new();
    book.sections(&mut Sheet::new(workbook.add_worksheet()), scorecard, &sections)?;
    book.indicators(&mut Sheet::new(workbook.add_worksheet()), &sections)?;
    book.calculation(&mut Sheet::new(workbook.add_worksheet()), scorecard, &sections)?;
    book.findings(&mut Sheet::new(workbook.add_worksheet()), &sections)?;
    super::plan::sheets(&mut workbook, plan, view).map_err(xlsx)?;
    workbook.save_to_buffer().map_err(xlsx)
}

/// Every section, each followed by its sub-sections (`children`).
fn flatten<T>(sections: &[T], children: fn(&T) -> &[T]) -> Vec<&T> {
    let mut out = Vec::new();
    for section in sections {
        out.push(section);
        out.extend(flatten(children(section), children));
    }
    out
}

/// Every section result, each followed by its sub-sections'.
fn section_results(sections: &[SectionResult]) -> Vec<&SectionResult> {
    flatten(sections, |s| &s.sections)
}

/// Every section view, each followed by its sub-sections'.
fn section_views(sections: &[SectionView]) -> Vec<&SectionView> {
    flatten(sections, |s| &s.sections)
}

impl Book<'_> {
    fn label(&self, key: &'static str) -> &str {
        self.view.labels.get(key)
    }

    /// A sheet's name and its row of column titles with their widths.
    fn head(&self, sheet: &mut Sheet, name: &'static str, columns: &[(&'static str, f64)]) -> Result<()> {
        sheet.ws.set_name(self.label(name)).map_err(xlsx)?;
        for (col, (key, width)) in columns.iter().enumerate() {
            sheet.width(col as u16, *width)?;
            sheet.text(0, col as u16, Some(self.label(key)), &self.title)?;
        }
        sheet.ws.set_freeze_panes(1, 0).map_err(xlsx)?;
        sheet.print_a4_landscape();
        Ok(())
    }

    fn indicator_view(&self, id: &str) -> Option<&IndicatorView> {
        section_views(&self.view.sections)
            .into_iter()
            .flat_map(|s| &s.indicators)
            .find(|i| i.id == id)
    }

    fn band(&self, band: Option<usize>) -> Option<&str> {
        band.map(|b| self.checklist.scoring().bands[b].code.as_str())
    }

    /// The sections' scores, then the overall score.
    fn sections(&self, sheet: &mut Sheet, card: &Scorecard, sections: &[&SectionResult]) -> Result<()> {
        let columns = [
            ("label_number", 8.0),
            ("label_section", 48.0),
            ("label_method", 18.0),
            ("label_weight", 9.0),
            ("label_score", 9.0),
            ("label_band", 9.0),
            ("completeness", 12.0),
        ];
        self.head(sheet, "xlsx_sheet_sections", &columns)?;
        let views = section_views(&self.view.sections);
        for (i, (result, view)) in sections.iter().zip(&views).enumerate() {
            let row = i as u32 + 1;
            sheet.text(row, 0, Some(&view.number), &self.text)?;
            sheet.text(row, 1, Some(&view.title), &self.text)?;
            sheet.text(row, 2, Some(&view.method), &self.text)?;
            sheet.number(row, 3, Some(result.weight), &self.number)?;
            sheet.number(row, 4, result.score, &self.number)?;
            sheet.text(row, 5, self.band(result.band), &self.text)?;
            sheet.number(row, 6, result.completeness, &self.number)?;
        }
        let row = sections.len() as u32 + 1;
        sheet.text(row, 1, Some(self.label("portfolio_label_overall")), &self.title)?;
        sheet.number(row, 4, card.overall.score, &self.number)?;
        sheet.text(row, 5, self.band(card.overall.band), &self.text)?;
        sheet.number(row, 6, card.completeness, &self.number)?;
        sheet.fit_rows()
    }

    /// One row per indicator: its level, score, weight and pass mark as numbers.
    fn indicators(&self, sheet: &mut Sheet, sections: &[&SectionResult]) -> Result<()> {
        let columns = [
            ("label_section", 10.0),
            ("label_id", 10.0),
            ("label_indicator", 50.0),
            ("label_status", 16.0),
            ("label_level", 9.0),
            ("label_score", 9.0),
            ("label_weight", 9.0),
            ("label_pass_mark", 9.0),
            ("label_critical", 10.0),
            ("xlsx_col_conformity", 18.0),
        ];
        self.head(sheet, "xlsx_sheet_indicators", &columns)?;
        let views = section_views(&self.view.sections);
        let mut row = 1;
        for (section, view) in sections.iter().zip(&views) {
            for indicator in &section.indicators {
                self.indicator_row(sheet, row, &view.number, indicator)?;
                row += 1;
            }
        }
        sheet.fit_rows()
    }

    fn indicator_row(
        &self,
        sheet: &mut Sheet,
        row: u32,
        section: &str,
        result: &IndicatorResult,
    ) -> Result<()> {
        let view = self.indicator_view(&result.id);
        sheet.text(row, 0, Some(section), &self.text)?;
        sheet.text(row, 1, Some(&result.id), &self.text)?;
        sheet.text(row, 2, view.map(|v| v.text.as_str()), &self.text)?;
        sheet.text(row, 3, view.map(|v| v.status_label.as_str()), &self.text)?;
        sheet.number(row, 4, result.level.map(Number::to_f64), &self.number)?;
        sheet.number(row, 5, result.score, &self.number)?;
        sheet.number(row, 6, Some(result.weight), &self.number)?;
        sheet.number(row, 7, Some(result.pass), &self.number)?;
        let critical = result.critical.then(|| self.label("label_critical"));
        sheet.text(row, 8, critical, &self.text)?;
        sheet.text(row, 9, view.map(|v| v.conformity_label.as_str()), &self.text)
    }

    /// Each aggregate: its terms (score, weight, weight × score), then a formula that
    /// recomputes it from them where the method is a mean or a minimum, beside the engine's
    /// result and the report's own formula.
    fn calculation(&self, sheet: &mut Sheet, card: &Scorecard, sections: &[&SectionResult]) -> Result<()> {
        let columns = [
            ("label_number", 8.0),
            ("label_title", 44.0),
            ("label_score", 9.0),
            ("label_weight", 9.0),
            ("xlsx_col_weighted", 11.0),
            ("xlsx_col_recomputed", 14.0),
            ("label_result", 10.0),
            ("label_formula", 50.0),
        ];
        self.head(sheet, "xlsx_sheet_calculation", &columns)?;
        let traces = &self.view.methodology;
        let mut row = 1;
        for (section, view) in sections.iter().zip(&traces.traces) {
            row = self.aggregate(
                sheet,
                row,
                (&view.number, &view.title, &view.formula),
                &section.trace,
            )? + 1;
        }
        let overall = &traces.overall;
        self.aggregate(
            sheet,
            row,
            (&overall.number, &overall.title, &overall.formula),
            &card.overall.trace,
        )?;
        sheet.fit_rows()
    }

    /// One aggregate's rows from `row`; the row after them.
    fn aggregate(
        &self,
        sheet: &mut Sheet,
        row: u32,
        (number, title, formula): (&str, &str, &str),
        trace: &Trace,
    ) -> Result<u32> {
        sheet.text(row, 0, Some(number), &self.title)?;
        sheet.text(row, 1, Some(title), &self.title)?;
        let first = row + 1;
        for (i, term) in trace.counted.iter().enumerate() {
            let r = first + i as u32;
            sheet.text(r, 0, Some(&term.id), &self.text)?;
            let name = self.indicator_view(&term.id).map(|v| v.text.as_str());
            sheet.text(r, 1, name, &self.text)?;
            sheet.number(r, 2, Some(term.score), &self.number)?;
            sheet.number(r, 3, Some(term.weight), &self.number)?;
            let product = Formula::new(format!("=C{n}*D{n}", n = r + 1))
                .set_result((term.score * term.weight).to_string());
            sheet
                .ws
                .write_formula_with_format(r, 4, product, &self.number)
                .map_err(xlsx)?;
        }
        let end = first + trace.counted.len() as u32;
        let result_row = end;
        let range = |col: char| format!("{col}{}:{col}{}", first + 1, end);
        let recompute = match trace.method {
            _ if trace.counted.is_empty() => None,
            Method::WeightedMean => Some(format!(
                "=SUMPRODUCT({},{})/SUM({})",
                range('C'),
                range('D'),
                range('D')
            )),
            Method::Mean => Some(format!("=AVERAGE({})", range('C'))),
            Method::Min => Some(format!("=MIN({})", range('C'))),
            _ => None,
        };
        if let Some(recompute) = recompute {
            let formula =
                Formula::new(recompute).set_result(trace.score.map(|s| s.to_string()).unwrap_or_default());
            sheet
                .ws
                .write_formula_with_format(result_row, 5, formula, &self.number)
                .map_err(xlsx)?;
        }
        sheet.number(result_row, 6, trace.score, &self.number)?;
        sheet.text(result_row, 7, Some(formula), &self.text)?;
        Ok(result_row + 1)
    }

    /// The non-conformities, major first.
    fn findings(&self, sheet: &mut Sheet, sections: &[&SectionResult]) -> Result<()> {
        let columns = [
            ("label_number", 6.0),
            ("label_id", 10.0),
            ("label_indicator", 44.0),
            ("label_section", 30.0),
            ("xlsx_col_severity", 14.0),
            ("label_level", 10.0),
            ("label_score", 9.0),
            ("label_pass_mark", 9.0),
            ("label_reason", 40.0),
        ];
        self.head(sheet, "xlsx_sheet_findings", &columns)?;
        let results: Vec<&IndicatorResult> = sections.iter().flat_map(|s| &s.indicators).collect();
        for (i, finding) in self.view.compliance.findings.iter().enumerate() {
            let row = i as u32 + 1;
            let result = results.iter().find(|r| r.id == finding.id);
            sheet.number(row, 0, Some(finding.number as f64), &self.text)?;
            sheet.text(row, 1, Some(&finding.id), &self.text)?;
            sheet.text(row, 2, Some(&finding.text), &self.text)?;
            sheet.text(row, 3, Some(&finding.section), &self.text)?;
            sheet.text(row, 4, Some(&finding.severity_label), &self.text)?;
            sheet.text(row, 5, Some(&finding.levels), &self.text)?;
            sheet.number(row, 6, result.and_then(|r| r.score), &self.number)?;
            sheet.number(row, 7, result.map(|r| r.pass), &self.number)?;
            sheet.text(row, 8, Some(&finding.reason), &self.text)?;
        }
        sheet.fit_rows()
    }
}
