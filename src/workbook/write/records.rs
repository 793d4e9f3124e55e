//! The hidden `records` sheet: the header's records that the units answering do not fill in
//! (document control, approval, audit, quality), as the YAML of the answers model, one line per
//! row, so that the round trip keeps them as they are.

use super::Form;
use crate::error::Result;
use crate::render::xlsx::sheet::xlsx;
use crate::workbook::layout::RECORDS_SHEET;
use crate::write::answers::{Records, records};
use rust_xlsxwriter::Worksheet;

pub(super) fn write(form: &Form, sheet: &mut Worksheet) -> Result<()> {
    sheet.set_name(RECORDS_SHEET).map_err(xlsx)?;
    let text = form.doc.map(|doc| records(&Records::of(doc))).unwrap_or_default();
    for (row, line) in text.lines().enumerate() {
        sheet.write_string(row as u32, 0, line).map_err(xlsx)?;
    }
    sheet.set_hidden(true);
    super::protect(sheet);
    Ok(())
}
