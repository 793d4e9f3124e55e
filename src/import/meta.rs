//! The hidden `oversight` sheet: the format and its version, the language the drop-down
//! entries are in, and the name of every sheet by kind. A workbook without it was not written
//! by `oversight workbook`; one of a later format version is refused rather than misread.

use super::book::{Book, Grid};
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::workbook::layout::{FORMAT, FORMAT_VERSION, META_SHEET, SheetKind};
use calamine::Data;

/// What the `oversight` sheet says.
pub struct Meta {
    /// The language of the workbook's entries.
    pub lang: String,
    sheets: Vec<(String, String)>,
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
                format!("this workbook was not written by `oversight workbook`: {why}"),
            )
            .with_hint("import the workbook that `oversight workbook` wrote, filled in and saved as .xlsx")
        };
        let grid = book
            .sheet(META_SHEET)
            .ok_or_else(|| not_ours("it has no hidden `oversight` sheet"))?;
        let value = |key: &str| value(&grid, key);
        if value("format").as_deref() != Some(FORMAT) {
            return Err(not_ours("its `oversight` sheet does not name the format"));
        }
        let version = value("format_version").unwrap_or_default();
        if version.parse::<u32>().is_ok_and(|v| v > FORMAT_VERSION) {
            return Err(Diagnostic::error(
                "workbook-too-new",
                file,
                Place::File,
                format!(
                    "the workbook is of format version {version}; this version of oversight reads up to version {FORMAT_VERSION}"
                ),
            )
            .with_hint("import it with the version of oversight that wrote it, or a later one"));
        }
        let sheets = SheetKind::ALL
            .iter()
            .filter_map(|kind| {
                let name = value(&format!("sheet.{}", kind.key()))?;
                Some((kind.key().to_owned(), name))
            })
            .collect();
        Ok(Meta {
            lang: value("language").unwrap_or_default(),
            sheets,
        })
    }

    /// The sheet of a kind; a sheet renamed or deleted is an error.
    pub fn sheet<'b>(&self, book: &'b Book, kind: SheetKind) -> Result<Grid<'b>, Diagnostics> {
        let name = self
            .sheets
            .iter()
            .find(|(key, _)| key == kind.key())
            .map(|(_, name)| name.as_str());
        name.and_then(|name| book.sheet(name)).ok_or_else(|| {
            Diagnostic::error(
                "missing-sheet",
                &book.file,
                Place::File,
                format!("the workbook has no sheet `{}`", name.unwrap_or(kind.key())),
            )
            .with_hint("the sheets must keep the names `oversight workbook` gave them")
            .into()
        })
    }
}

/// The value beside `key` in the first column.
fn value(grid: &Grid, key: &str) -> Option<String> {
    let row = grid.find(0, key, 0)?;
    match grid.get(row, 1) {
        Data::String(text) => Some(text.clone()),
        Data::Int(n) => Some(n.to_string()),
        Data::Float(n) => Some(n.to_string()),
        _ => None,
    }
}
