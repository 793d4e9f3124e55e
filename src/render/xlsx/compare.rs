//! The comparison of two rounds as an Excel workbook: the change of every section (and the
//! overall score) and of every indicator, each score of each round a number, and the change a
//! formula on the scores as the reports show them (one decimal), so that the sheet subtracts
//! as the page does.

use super::sheet::{Sheet, xlsx};
use crate::error::Result;
use crate::report::compare::{ChangeView, CompareView};
use crate::report::format::Formatter;
use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Formula, Workbook};

/// The formats of a sheet's cells.
struct Styles {
    title: Format,
    text: Format,
    number: Format,
}

/// The workbook's bytes.
pub fn compare(view: &CompareView) -> Result<Vec<u8>> {
    let cell = Format::new()
        .set_border(FormatBorder::Thin)
        .set_align(FormatAlign::Top);
    let styles = Styles {
        title: cell.clone().set_bold().set_text_wrap(),
        text: cell.clone().set_text_wrap(),
        number: cell.set_num_format("0.0"),
    };
    let mut book = Workbook::new();
    sections(view, &styles, &mut Sheet::new(book.add_worksheet()))?;
    indicators(view, &styles, &mut Sheet::new(book.add_worksheet()))?;
    book.save_to_buffer().map_err(xlsx)
}

/// A sheet's name and its column titles with their widths.
fn head(
    view: &CompareView,
    styles: &Styles,
    sheet: &mut Sheet,
    name: &str,
    columns: &[(&str, f64)],
) -> Result<()> {
    sheet.ws.set_name(view.labels.get(name)).map_err(xlsx)?;
    for (col, (key, width)) in columns.iter().enumerate() {
        sheet.width(col as u16, *width)?;
        sheet.text(0, col as u16, Some(view.labels.get(key)), &styles.title)?;
    }
    sheet.ws.set_freeze_panes(1, 0).map_err(xlsx)?;
    sheet.print_a4_landscape();
    Ok(())
}

/// The two scores in columns `col` and `col + 1`, their change as printed in `col + 2`, its
/// direction in words in `col + 3`.
fn change(styles: &Styles, sheet: &mut Sheet, row: u32, col: u16, change: &ChangeView) -> Result<()> {
    sheet.number(row, col, change.old.value, &styles.number)?;
    sheet.number(row, col + 1, change.new.value, &styles.number)?;
    if let (Some(old_value), Some(new_value)) = (change.old.value, change.new.value) {
        let letter = |c: u16| rust_xlsxwriter::utility::column_number_to_name(c);
        let (old, new, n) = (letter(col), letter(col + 1), row + 1);
        let shown = Formatter::shown(new_value) - Formatter::shown(old_value);
        let formula =
            Formula::new(format!("=ROUND({new}{n},1)-ROUND({old}{n},1)")).set_result(shown.to_string());
        sheet
            .ws
            .write_formula_with_format(row, col + 2, formula, &styles.number)
            .map_err(xlsx)?;
    }
    sheet.text(row, col + 3, Some(&change.direction_label), &styles.text)
}

fn sections(view: &CompareView, styles: &Styles, sheet: &mut Sheet) -> Result<()> {
    let columns = [
        ("label_number", 8.0),
        ("label_section", 48.0),
        ("compare_previous", 11.0),
        ("compare_current", 11.0),
        ("compare_label_change", 10.0),
        ("xlsx_col_direction", 18.0),
    ];
    head(view, styles, sheet, "xlsx_sheet_sections", &columns)?;
    for (i, section) in view.sections.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.text(row, 0, Some(&section.number), &styles.text)?;
        sheet.text(row, 1, Some(&section.title), &styles.text)?;
        change(styles, sheet, row, 2, &section.change)?;
    }
    let row = view.sections.len() as u32 + 1;
    sheet.text(row, 1, Some(view.labels.get("overall_score")), &styles.title)?;
    change(styles, sheet, row, 2, &view.overall)?;
    sheet.fit_rows()
}

fn indicators(view: &CompareView, styles: &Styles, sheet: &mut Sheet) -> Result<()> {
    let columns = [
        ("label_section", 8.0),
        ("label_id", 10.0),
        ("label_indicator", 44.0),
        ("compare_previous_answer", 18.0),
        ("compare_current_answer", 18.0),
        ("compare_previous", 11.0),
        ("compare_current", 11.0),
        ("compare_label_change", 10.0),
        ("xlsx_col_direction", 16.0),
        ("label_pass_mark", 18.0),
        ("label_critical", 18.0),
        ("compare_label_explanation", 36.0),
    ];
    head(view, styles, sheet, "xlsx_sheet_indicators", &columns)?;
    let mut row = 1;
    for group in &view.groups {
        for indicator in &group.rows {
            sheet.text(row, 0, Some(&group.number), &styles.text)?;
            sheet.text(row, 1, Some(&indicator.id), &styles.text)?;
            sheet.text(row, 2, Some(&indicator.text), &styles.text)?;
            sheet.text(row, 3, Some(&indicator.old_answer), &styles.text)?;
            sheet.text(row, 4, Some(&indicator.new_answer), &styles.text)?;
            change(styles, sheet, row, 5, &indicator.change)?;
            sheet.text(row, 9, Some(&indicator.pass_label), &styles.text)?;
            sheet.text(row, 10, Some(&indicator.critical_label), &styles.text)?;
            sheet.text(row, 11, indicator.change_note.as_deref(), &styles.text)?;
            row += 1;
        }
    }
    sheet.fit_rows()
}
