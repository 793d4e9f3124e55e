//! The hidden `oversight` sheet: the format (an assessment workbook or a plan workbook) and its
//! version, the language the drop-down entries are in, and the name of every sheet by kind. A
//! workbook without it was not written by oversight; one of a later format version is refused
//! rather than misread.

use super::book::{Book, Grid};
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::workbook::layout::{
    FORMAT, FORMAT_VERSION, META_SHEET, PLAN_FORMAT, PLAN_FORMAT_VERSION, SheetKind,
};
use calamine::Data;

/// Which workbook it is, from the `format` its `oversight` sheet names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookKind {
    /// `oversight workbook`: an assessment to fill in.
    Assessment,
    /// `oversight plan --format xlsx`: the improvement plan, whose statuses a unit updates.
    Plan,
}

/// What the `oversight` sheet says.
pub struct Meta {
    pub kind: WorkbookKind,
    /// The language of the workbook's entries.
    pub lang: String,
    /// Every key and value of the sheet, in order.
    values: Vec<(String, String)>,
}

impl Meta {
    /// Reads the `oversight` sheet of `book`.
    pub fn read(book: &Book) -> Result<Meta, Diagnostic> {
        let file = &book.file;
        let not_ours = |why: &str| {
            Diagnostic::error(
                "not-an-assessment-workbook",
                file,
                Place::File,
                format!("this workbook was not written by `oversight workbook` or `oversight plan`: {why}"),
            )
            .with_hint("import the workbook that `oversight workbook` (or `oversight plan --format xlsx`) wrote, filled in and saved as .xlsx")
        };
        let grid = book
            .sheet(META_SHEET)
            .ok_or_else(|| not_ours("it has no hidden `oversight` sheet"))?;
        let values: Vec<(String, String)> = (0..=grid.last_row())
            .filter_map(|row| Some((value_at(&grid, row, 0)?, value_at(&grid, row, 1)?)))
            .collect();
        let value = |key: &str| values.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        let (kind, readable) = match value("format").as_deref() {
            Some(FORMAT) => (WorkbookKind::Assessment, FORMAT_VERSION),
            Some(PLAN_FORMAT) => (WorkbookKind::Plan, PLAN_FORMAT_VERSION),
            _ => return Err(not_ours("its `oversight` sheet does not name the format")),
        };
        let version = value("format_version").unwrap_or_default();
        if version.parse::<u32>().is_ok_and(|v| v > readable) {
            return Err(Diagnostic::error(
                "workbook-too-new",
                file,
                Place::File,
                format!(
                    "the workbook is of format version {version}; this version of oversight reads up to version {readable}"
                ),
            )
            .with_hint("import it with the version of oversight that wrote it, or a later one"));
        }
        Ok(Meta {
            kind,
            lang: value("language").unwrap_or_default(),
            values,
        })
    }

    /// The value under `key`.
    pub fn value(&self, key: &str) -> Option<&str> {
        self.values
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    }

    /// The sheet of a kind; a sheet renamed or deleted is an error.
    pub fn sheet<'b>(&self, book: &'b Book, kind: SheetKind) -> Result<Grid<'b>, Diagnostics> {
        self.sheet_of(book, kind.key())
    }

    /// The sheet named under `sheet.<key>`; a sheet renamed or deleted is an error.
    pub fn sheet_of<'b>(&self, book: &'b Book, key: &str) -> Result<Grid<'b>, Diagnostics> {
        let name = self.value(&format!("sheet.{key}"));
        name.and_then(|name| book.sheet(name)).ok_or_else(|| {
            Diagnostic::error(
                "missing-sheet",
                &book.file,
                Place::File,
                format!("the workbook has no sheet `{}`", name.unwrap_or(key)),
            )
            .with_hint("the sheets must keep the names oversight gave them")
            .into()
        })
    }
}

/// A cell of the `oversight` sheet as text.
fn value_at(grid: &Grid, row: u32, col: u32) -> Option<String> {
    match grid.get(row, col) {
        Data::String(text) => Some(text.clone()),
        Data::Int(n) => Some(n.to_string()),
        Data::Float(n) => Some(n.to_string()),
        _ => None,
    }
}
