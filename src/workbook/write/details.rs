//! The details sheet: the assessment's header as labelled cells, one row per [`Detail`] (the
//! checklist and its version locked, the organisation, the dates and the language to fill),
//! then a row per assessor, name and role.

use super::Form;
use crate::error::Result;
use crate::model::{Date, Text};
use crate::render::xlsx::sheet::{Sheet, xlsx};
use crate::workbook::layout::{DETAIL_KEY, DETAIL_LABEL, DETAIL_ROLE, DETAIL_VALUE, Detail, SheetKind};

/// Blank assessor rows below the ones the answers give.
const SPARE_ASSESSORS: usize = 5;

/// One value of the details sheet.
enum Value<'a> {
    Fixed(&'a str),
    Text(Option<&'a str>),
    Date(Option<Date>),
    Language(Option<&'a str>),
}

pub(super) fn write(form: &Form, sheet: &mut Sheet) -> Result<()> {
    sheet
        .ws
        .set_name(form.sheet_name(SheetKind::Details))
        .map_err(xlsx)?;
    let styles = &form.styles;
    sheet.ws.set_column_hidden(DETAIL_KEY).map_err(xlsx)?;
    sheet.width(DETAIL_LABEL, 34.0)?;
    sheet.width(DETAIL_VALUE, 50.0)?;
    sheet.width(DETAIL_ROLE, 50.0)?;
    let title = form
        .labels
        .fill("workbook_title", &[("title", form.text(form.checklist.title()))]);
    sheet
        .ws
        .write_string_with_format(0, DETAIL_LABEL, &title, &styles.heading)
        .map_err(xlsx)?;
    let mut row = 2;
    for (detail, value) in values(form) {
        write_row(form, sheet, row, &detail, &value)?;
        row += 1;
    }
    row += 1;
    sheet.text(
        row,
        DETAIL_LABEL,
        Some(form.label("label_assessors")),
        &styles.title,
    )?;
    sheet.text(
        row,
        DETAIL_VALUE,
        Some(form.label("workbook_assessor_name")),
        &styles.title,
    )?;
    sheet.text(
        row,
        DETAIL_ROLE,
        Some(form.label("workbook_assessor_role")),
        &styles.title,
    )?;
    let assessors = form.doc.map_or(&[][..], |d| &d.assessors[..]);
    for i in 0..assessors.len() + SPARE_ASSESSORS {
        row += 1;
        let assessor = assessors.get(i);
        sheet
            .ws
            .write_string(row, DETAIL_KEY, Detail::Assessor.key())
            .map_err(xlsx)?;
        let label = form
            .labels
            .fill(Detail::Assessor.label(), &[("number", &(i + 1).to_string())]);
        sheet.text(row, DETAIL_LABEL, Some(&label), &styles.fixed)?;
        sheet.text(
            row,
            DETAIL_VALUE,
            assessor.map(|a| a.name.as_str()),
            &styles.input,
        )?;
        sheet.text(
            row,
            DETAIL_ROLE,
            assessor.and_then(|a| a.role.as_deref()),
            &styles.input,
        )?;
    }
    form.finish(sheet, false)
}

/// The rows before the assessors, with the answers' values.
fn values<'a>(form: &'a Form) -> Vec<(Detail, Value<'a>)> {
    let doc = form.doc;
    let checklist = form.checklist;
    let mut rows = vec![
        (Detail::Checklist, Value::Fixed(checklist.id())),
        (Detail::ChecklistVersion, Value::Fixed(checklist.version())),
    ];
    match doc.map(|d| &d.organisation) {
        Some(Text::Translated(names)) => {
            for lang in checklist.languages() {
                let name = names.get(lang).map(String::as_str);
                rows.push((Detail::Organisation(Some(lang.clone())), Value::Text(name)));
            }
        }
        Some(Text::Plain(name)) => rows.push((Detail::Organisation(None), Value::Text(Some(name)))),
        None => rows.push((Detail::Organisation(None), Value::Text(None))),
    }
    let period = doc.and_then(|d| d.period.as_ref());
    rows.extend([
        (Detail::AssessedOn, Value::Date(doc.map(|d| d.assessed_on))),
        (Detail::PeriodFrom, Value::Date(period.map(|p| p.from))),
        (Detail::PeriodTo, Value::Date(period.map(|p| p.to))),
        (
            Detail::Language,
            Value::Language(match doc {
                Some(doc) => doc.language.as_deref(),
                None => Some(form.lang),
            }),
        ),
    ]);
    rows
}

fn write_row(form: &Form, sheet: &mut Sheet, row: u32, detail: &Detail, value: &Value) -> Result<()> {
    let styles = &form.styles;
    sheet
        .ws
        .write_string(row, DETAIL_KEY, detail.key())
        .map_err(xlsx)?;
    let label = match detail {
        Detail::Organisation(Some(lang)) => form.labels.fill(detail.label(), &[("language", lang)]),
        _ => form.label(detail.label()).to_owned(),
    };
    sheet.text(row, DETAIL_LABEL, Some(&label), &styles.title)?;
    match value {
        Value::Fixed(text) => sheet.text(row, DETAIL_VALUE, Some(text), &styles.fixed)?,
        Value::Text(value) => sheet.text(row, DETAIL_VALUE, *value, &styles.input)?,
        Value::Date(value) => {
            sheet.date(row, DETAIL_VALUE, *value, &styles.date)?;
            sheet
                .ws
                .add_data_validation(row, DETAIL_VALUE, row, DETAIL_VALUE, &form.date_rule()?)
                .map_err(xlsx)?;
        }
        Value::Language(value) => {
            sheet.text(row, DETAIL_VALUE, *value, &styles.input)?;
            let rule = form.list(&form.lists.formula("language"), "workbook_error_language")?;
            sheet
                .ws
                .add_data_validation(row, DETAIL_VALUE, row, DETAIL_VALUE, &rule)
                .map_err(xlsx)?;
        }
    }
    Ok(())
}
