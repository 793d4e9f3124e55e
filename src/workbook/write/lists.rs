//! The two hidden sheets: `lists`, one column per drop-down (the statuses, the ticks, the
//! languages, the indicator ids, the levels of each scale), and `oversight`, which names the
//! format, its version, the language and every sheet by kind for the import.

use super::Form;
use crate::error::Result;
use crate::model::Checklist;
use crate::model::scope::ScopeIds;
use crate::render::xlsx::sheet::xlsx;
use crate::workbook::choices::{Choices, STATUSES, TICKS};
use crate::workbook::layout::{FORMAT, FORMAT_VERSION, LISTS_SHEET, SheetKind, write_meta_sheet};
use rust_xlsxwriter::Worksheet;
use rust_xlsxwriter::utility::{column_number_to_name, quote_sheet_name};

/// The drop-down lists, each a column of entries under its key.
pub(super) struct Lists {
    columns: Vec<(String, Vec<String>)>,
}

impl Lists {
    /// The lists of `checklist`; the indicator ids are those in `scope`.
    pub(super) fn new(checklist: &Checklist, scope: &ScopeIds, choices: &Choices) -> Lists {
        let mut columns = vec![
            (
                "status".to_owned(),
                STATUSES.iter().map(|s| choices.status(*s).to_owned()).collect(),
            ),
            (
                "tick".to_owned(),
                TICKS.iter().map(|t| choices.tick(*t).to_owned()).collect(),
            ),
            ("language".to_owned(), checklist.languages().to_vec()),
            (
                "indicator".to_owned(),
                checklist
                    .indicators()
                    .into_iter()
                    .filter(|i| checklist.in_scope(i, scope))
                    .map(|i| i.id.clone())
                    .collect(),
            ),
        ];
        for (name, scale) in checklist.scales() {
            columns.push((format!("scale.{name}"), choices.levels(scale)));
        }
        Lists { columns }
    }

    /// The formula of the list under `key`, such as `=lists!$B$2:$B$3`.
    pub(super) fn formula(&self, key: &str) -> String {
        let (col, entries) = self
            .columns
            .iter()
            .enumerate()
            .find(|(_, (k, _))| k == key)
            .map_or((0, 0), |(i, (_, entries))| (i, entries.len()));
        let letter = column_number_to_name(col as u16);
        format!(
            "={}!${letter}$2:${letter}${}",
            quote_sheet_name(LISTS_SHEET),
            entries.max(1) + 1
        )
    }

    pub(super) fn write(&self, sheet: &mut Worksheet) -> Result<()> {
        sheet.set_name(LISTS_SHEET).map_err(xlsx)?;
        for (col, (key, entries)) in self.columns.iter().enumerate() {
            let col = col as u16;
            sheet.write_string(0, col, key).map_err(xlsx)?;
            for (row, entry) in entries.iter().enumerate() {
                sheet.write_string(row as u32 + 1, col, entry).map_err(xlsx)?;
            }
        }
        sheet.set_hidden(true);
        super::protect(sheet);
        Ok(())
    }
}

/// The `oversight` sheet: key and value per row.
pub(super) fn write_meta(form: &Form, sheet: &mut Worksheet) -> Result<()> {
    let mut rows: Vec<(String, String)> = vec![
        ("format".into(), FORMAT.into()),
        ("format_version".into(), FORMAT_VERSION.to_string()),
        ("generator".into(), format!("oversight {}", crate::VERSION)),
        ("language".into(), form.lang.to_owned()),
    ];
    for kind in SheetKind::ALL {
        rows.push((format!("sheet.{}", kind.key()), form.sheet_name(kind).to_owned()));
    }
    write_meta_sheet(sheet, &rows).map_err(xlsx)?;
    super::protect(sheet);
    Ok(())
}
