//! The evidence sheet: the evidence items after the first of each indicator (the first sits
//! in the indicator's row), one row each in checklist order, then blank rows to add more,
//! each naming its indicator by id from a drop-down.

use super::Form;
use super::assessment::reference;
use crate::error::Result;
use crate::model::answers::Evidence;
use crate::render::xlsx::sheet::{Sheet, xlsx};
use crate::workbook::layout::{FIRST_ROW, Field, SheetKind, TITLE_ROW};

/// Blank rows below the items, at least this many (or one per indicator).
const SPARE_ROWS: usize = 50;

pub(super) fn write(form: &Form, sheet: &mut Sheet) -> Result<()> {
    sheet
        .ws
        .set_name(form.sheet_name(SheetKind::Evidence))
        .map_err(xlsx)?;
    let fields = form.columns.evidence();
    form.columns(sheet, &fields)?;
    let items: Vec<(&str, &Evidence)> = form
        .checklist
        .indicators()
        .into_iter()
        .filter_map(|i| form.answer(&i.id).map(|a| (i.id.as_str(), a)))
        .flat_map(|(id, a)| a.evidence.iter().skip(1).map(move |e| (id, e)))
        .collect();
    let spare = SPARE_ROWS.max(form.checklist.indicators().len());
    let last = FIRST_ROW + (items.len() + spare) as u32 - 1;
    for r in FIRST_ROW..=last {
        let item = items.get((r - FIRST_ROW) as usize);
        for (c, field) in fields.iter().enumerate() {
            let c = c as u16;
            let evidence = item.map(|(_, e)| *e);
            match field {
                Field::EvidenceDate => sheet.date(r, c, evidence.and_then(|e| e.date), &form.styles.date)?,
                Field::Id => sheet.text(r, c, item.map(|(id, _)| *id), &form.styles.input)?,
                Field::EvidenceTitle => {
                    sheet.text(r, c, evidence.map(|e| e.title.as_str()), &form.styles.input)?
                }
                Field::EvidenceKind => {
                    sheet.text(r, c, evidence.map(|e| e.kind.key()), &form.styles.input)?
                }
                Field::EvidenceRef(lang) => {
                    let value = evidence.and_then(|e| reference(e.reference.as_ref(), lang.as_deref()));
                    sheet.text(r, c, value, &form.styles.input)?;
                }
                _ => {}
            }
        }
    }
    let ids = form.list(&form.lists.formula("indicator"), "workbook_error_indicator")?;
    sheet
        .ws
        .add_data_validation(FIRST_ROW, 0, last, 0, &ids)
        .map_err(xlsx)?;
    let date_col = fields.iter().position(|f| *f == Field::EvidenceDate).unwrap_or(0) as u16;
    sheet
        .ws
        .add_data_validation(FIRST_ROW, date_col, last, date_col, &form.date_rule()?)
        .map_err(xlsx)?;
    sheet.ws.set_freeze_panes(FIRST_ROW, 0).map_err(xlsx)?;
    sheet.ws.set_repeat_rows(TITLE_ROW, TITLE_ROW).map_err(xlsx)?;
    form.finish(sheet, false)
}
