//! The hidden `records` sheet read back: the header's records (document control, approval,
//! audit, quality) as the workbook kept them. A workbook without the sheet has none.

use super::Reader;
use crate::workbook::layout::RECORDS_SHEET;
use crate::write::answers::{Records, read_records};

/// The records; none, with a finding, when the sheet was damaged.
pub(super) fn read(reader: &mut Reader) -> Option<Records> {
    let Some(grid) = reader.book.sheet(RECORDS_SHEET) else {
        return Some(Records::default());
    };
    let lines: Vec<String> = (0..=grid.last_row())
        .map(|row| {
            super::cells::text(&grid, row, 0, reader.file())
                .ok()
                .flatten()
                .unwrap_or_default()
        })
        .collect();
    // Every line ends in a line break, the last one too, as the YAML was written.
    let text: String = lines.iter().map(|line| format!("{line}\n")).collect();
    match read_records(&text) {
        Ok(records) => Some(records),
        Err(why) => {
            reader.error(
                "damaged-sheet",
                grid.place(0, 0),
                format!("the hidden sheet `{RECORDS_SHEET}` cannot be read: {why}"),
                "write the workbook again with `oversight workbook --answers`: this sheet is not to be edited".to_owned(),
            );
            None
        }
    }
}
