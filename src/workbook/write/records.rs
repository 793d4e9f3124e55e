//! The hidden `records` sheet: what the units answering do not fill in (the scope, document
//! control, approval, audit, quality, the answers' targets and the `actions:` list), as the
//! YAML of the answers model, one line per row, so that the round trip keeps them as they are.

use super::Form;
use crate::error::Result;
use crate::render::xlsx::sheet::xlsx;
use crate::workbook::layout::RECORDS_SHEET;
use crate::write::answers::{Records, records};
use rust_xlsxwriter::Worksheet;

pub(super) fn write(form: &Form, sheet: &mut Worksheet) -> Result<()> {
    sheet.set_name(RECORDS_SHEET).map_err(xlsx)?;
    let mut kept = form.doc.map(Records::of).unwrap_or_default();
    kept.scope = form.scope.clone();
    let text = records(&kept);
    for (row, line) in text.lines().enumerate() {
        sheet.write_string(row as u32, 0, line).map_err(xlsx)?;
    }
    sheet.set_hidden(true);
    super::protect(sheet);
    Ok(())
}
