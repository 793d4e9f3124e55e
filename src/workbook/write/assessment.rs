//! The assessment sheet: a row per section, indicator and criterion in checklist order, the
//! indicator's id, text, guidance and expected evidence locked, the cells to fill unlocked
//! with their drop-downs and date rules, sections folding in the outline.

use super::Form;
use crate::error::Result;
use crate::model::answers::Answer;
use crate::model::checklist::Indicator;
use crate::model::criteria::Criterion;
use crate::model::{LevelRef, Number, Text};
use crate::render::xlsx::sheet::{Sheet, xlsx};
use crate::workbook::layout::{FIRST_ROW, Field, Input, Row, SheetKind, TITLE_ROW};
use rust_xlsxwriter::{DataValidation, DataValidationRule, Worksheet};

/// Excel's deepest outline level.
const MAX_OUTLINE: usize = 7;

pub(super) fn write(form: &Form, sheet: &mut Sheet) -> Result<()> {
    sheet
        .ws
        .set_name(form.sheet_name(SheetKind::Assessment))
        .map_err(xlsx)?;
    let fields = form.columns.assessment();
    form.columns(sheet, &fields)?;
    let rows = form.outline.rows();
    let last = FIRST_ROW + rows.len().max(1) as u32 - 1;
    for (i, (row, _)) in rows.iter().enumerate() {
        let r = FIRST_ROW + i as u32;
        for (c, field) in fields.iter().enumerate() {
            let c = c as u16;
            match row {
                Row::Section { section, number } => {
                    let value = match field {
                        Field::Id => Some(section.id.clone()),
                        Field::Text => {
                            let code = section
                                .ref_id
                                .as_ref()
                                .map(|r| format!(" {r}"))
                                .unwrap_or_default();
                            Some(format!("{number}{code} {}", form.text(&section.title)))
                        }
                        _ => None,
                    };
                    sheet.text(r, c, value.as_deref(), &form.styles.section)?;
                }
                Row::Indicator(indicator) => indicator_cell(form, sheet, (r, c), field, indicator)?,
                Row::Criterion(indicator, criterion) => {
                    criterion_cell(form, sheet, (r, c), field, indicator, criterion)?;
                }
            }
        }
    }
    for (c, field) in fields.iter().enumerate() {
        let c = c as u16;
        let rule = match field.input() {
            Input::Date => form.date_rule()?,
            Input::Status => form.list(&form.lists.formula("status"), "workbook_error_status")?,
            _ => continue,
        };
        sheet
            .ws
            .add_data_validation(FIRST_ROW, c, last, c, &rule)
            .map_err(xlsx)?;
    }
    outline(sheet.ws, rows)?;
    sheet.ws.set_freeze_panes(FIRST_ROW, 2).map_err(xlsx)?;
    sheet.ws.set_repeat_rows(TITLE_ROW, TITLE_ROW).map_err(xlsx)?;
    form.finish(sheet, true)
}

/// One cell of an indicator's row.
fn indicator_cell(
    form: &Form,
    sheet: &mut Sheet,
    (r, c): (u32, u16),
    field: &Field,
    indicator: &Indicator,
) -> Result<()> {
    let styles = &form.styles;
    let answer = form.answer(&indicator.id);
    let review = answer.and_then(|a| a.review.as_ref());
    match field {
        Field::Answer => {
            let given = answer.map(|a| (a.level.as_ref(), a.value));
            rating(form, sheet, (r, c), indicator, given)
        }
        Field::ReviewAnswer => {
            let given = review.map(|v| (v.level.as_ref(), v.value));
            rating(form, sheet, (r, c), indicator, given)
        }
        Field::Status => {
            let status = answer.and_then(|a| a.status).map(|s| form.choices.status(s));
            sheet.text(r, c, status, &styles.input)
        }
        Field::EvidenceDate | Field::ActionDue | Field::ReviewDate | Field::ExceptionExpires => {
            sheet.date(r, c, answer.and_then(|a| answer_date(a, field)), &styles.date)
        }
        _ if field.input() == Input::Fixed => {
            sheet.text(r, c, fixed_text(form, field, indicator).as_deref(), &styles.fixed)
        }
        _ => sheet.text(r, c, answer.and_then(|a| answer_text(a, field)), &styles.input),
    }
}

/// The locked texts of an indicator's row.
fn fixed_text(form: &Form, field: &Field, indicator: &Indicator) -> Option<String> {
    match field {
        Field::Id => Some(indicator.id.clone()),
        Field::Text => Some(indicator_text(form, indicator)),
        Field::Guidance => indicator.guidance.as_ref().map(|g| form.text(g).to_owned()),
        Field::ExpectedEvidence if !indicator.evidence.is_empty() => Some(
            indicator
                .evidence
                .iter()
                .map(|e| format!("• {}", form.text(e)))
                .collect::<Vec<_>>()
                .join("\n"),
        ),
        _ => None,
    }
}

/// The indicator's text, after its source code (where it differs from the id) and title, and
/// marked when it is critical.
fn indicator_text(form: &Form, indicator: &Indicator) -> String {
    let code = indicator.ref_id.as_deref().filter(|r| *r != indicator.id);
    let title = indicator.title.as_ref().map(|t| form.text(t));
    let heading: Vec<&str> = code.into_iter().chain(title).collect();
    let mut text = form.text(&indicator.text).to_owned();
    if !heading.is_empty() {
        text = format!("{}\n{text}", heading.join(" "));
    }
    if indicator.critical {
        text = format!("{text}\n({})", form.label("init_critical"));
    }
    text
}

/// A text the answer gives in a column: its first evidence item's, its action's, its
/// review's, its exception's.
fn answer_text<'a>(answer: &'a Answer, field: &Field) -> Option<&'a str> {
    let evidence = answer.evidence.first();
    let action = answer.action.as_ref();
    let review = answer.review.as_ref();
    let exception = answer.exception.as_ref();
    match field {
        Field::Comment => answer.comment.as_deref(),
        Field::ChangeNote => answer.change_note.as_deref(),
        Field::EvidenceTitle => evidence.map(|e| e.title.as_str()),
        Field::EvidenceRef(lang) => evidence.and_then(|e| reference(e.reference.as_ref(), lang.as_deref())),
        Field::EvidenceKind => evidence.map(|e| e.kind.key()),
        Field::ActionText => action.map(|a| a.text.as_str()),
        Field::ActionOwner => action.and_then(|a| a.owner.as_deref()),
        Field::ReviewComment => review.and_then(|v| v.comment.as_deref()),
        Field::Reviewer => review.and_then(|v| v.reviewer.as_deref()),
        Field::ExceptionReason => exception.map(|e| e.reason.as_str()),
        Field::ExceptionApprovedBy => exception.map(|e| e.approved_by.as_str()),
        _ => None,
    }
}

/// An evidence reference in the plain column (`lang` none) or in a language's column.
pub(super) fn reference<'a>(reference: Option<&'a Text>, lang: Option<&str>) -> Option<&'a str> {
    match (reference?, lang) {
        (Text::Plain(text), None) => Some(text),
        (Text::Translated(map), Some(lang)) => map.get(lang).map(String::as_str),
        _ => None,
    }
}

fn answer_date(answer: &Answer, field: &Field) -> Option<crate::model::Date> {
    match field {
        Field::EvidenceDate => answer.evidence.first()?.date,
        Field::ActionDue => answer.action.as_ref()?.due,
        Field::ReviewDate => answer.review.as_ref()?.date,
        Field::ExceptionExpires => Some(answer.exception.as_ref()?.expires),
        _ => None,
    }
}

/// The level or number cell of an indicator (the answer's, or the review's), with its rule.
fn rating(
    form: &Form,
    sheet: &mut Sheet,
    (r, c): (u32, u16),
    indicator: &Indicator,
    given: Option<(Option<&LevelRef>, Option<Number>)>,
) -> Result<()> {
    let styles = &form.styles;
    let (level, value) = given.unwrap_or((None, None));
    match form.checklist.scale_of(indicator) {
        Some(scale) => {
            let entry = level
                .and_then(|l| scale.resolve(l))
                .map(|l| form.choices.level(scale, l.value));
            sheet.text(r, c, entry.as_deref(), &styles.input)?;
            let name = indicator.scale.as_deref().unwrap_or_default();
            let rule = form.list(
                &form.lists.formula(&format!("scale.{name}")),
                "workbook_error_level",
            )?;
            sheet.ws.add_data_validation(r, c, r, c, &rule).map_err(xlsx)?;
        }
        None => {
            let unit = indicator.unit.as_ref().map(|u| form.text(u));
            let format = styles.number(unit);
            sheet.number(r, c, value.map(Number::to_f64), &format)?;
            sheet
                .ws
                .add_data_validation(r, c, r, c, &number_rule(form, indicator)?)
                .map_err(xlsx)?;
        }
    }
    Ok(())
}

/// A number within the indicator's bounds.
fn number_rule(form: &Form, indicator: &Indicator) -> Result<DataValidation> {
    let (min, max) = (
        indicator.min.map(Number::to_f64),
        indicator.max.map(Number::to_f64),
    );
    let rule = match (min, max) {
        (Some(min), Some(max)) => DataValidationRule::Between(min, max),
        (Some(min), None) => DataValidationRule::GreaterThanOrEqualTo(min),
        (None, Some(max)) => DataValidationRule::LessThanOrEqualTo(max),
        (None, None) => DataValidationRule::Between(-1e300, 1e300),
    };
    DataValidation::new()
        .allow_decimal_number(rule)
        .set_error_message(form.label("workbook_error_number"))
        .map_err(xlsx)
}

/// One cell of a criterion's row: its id and text, and a tick for the answer and the review.
fn criterion_cell(
    form: &Form,
    sheet: &mut Sheet,
    (r, c): (u32, u16),
    field: &Field,
    indicator: &Indicator,
    criterion: &Criterion,
) -> Result<()> {
    let styles = &form.styles;
    let answer = form.answer(&indicator.id);
    let met = match field {
        Field::Answer => answer.and_then(|a| a.criteria_met.as_ref()),
        Field::ReviewAnswer => answer.and_then(|a| a.review.as_ref()?.criteria_met.as_ref()),
        Field::Id => return sheet.text(r, c, Some(&criterion.id), &styles.criterion),
        Field::Text => return sheet.text(r, c, Some(form.text(&criterion.text)), &styles.criterion),
        _ => return sheet.text(r, c, None, &styles.fixed),
    };
    let tick = met.map(|met| form.choices.tick(met.contains(&criterion.id)));
    sheet.text(r, c, tick, &styles.input)?;
    let rule = form.list(&form.lists.formula("tick"), "workbook_error_tick")?;
    sheet.ws.add_data_validation(r, c, r, c, &rule).map_err(xlsx)?;
    Ok(())
}

/// Groups each section's rows under its own, and each criteria indicator's criteria under it,
/// so that they fold; the fold's button sits on the row above the group.
fn outline(sheet: &mut Worksheet, rows: &[(Row, usize)]) -> Result<()> {
    sheet.group_symbols_above(true);
    for (i, (_, depth)) in rows.iter().enumerate() {
        let end = rows[i + 1..]
            .iter()
            .position(|(_, d)| d <= depth)
            .map_or(rows.len(), |p| i + 1 + p);
        if end > i + 1 && *depth <= MAX_OUTLINE {
            let first = FIRST_ROW + i as u32 + 1;
            sheet
                .group_rows(first, FIRST_ROW + end as u32 - 1)
                .map_err(xlsx)?;
        }
    }
    Ok(())
}
