//! The workbook file opened with calamine: its sheets by name, each a grid of cells read by
//! absolute position, with the place of every cell for a diagnostic.

use crate::diagnostic::{Diagnostic, Place};
use crate::source::Limits;
use calamine::{Data, Range, Reader, Xlsx};
use std::io::Cursor;
use std::path::Path;

/// The sheets of a workbook.
pub struct Book {
    /// The file as the user named it.
    pub file: String,
    /// SHA-256 of its bytes.
    pub sha256: String,
    sheets: Vec<(String, Range<Data>)>,
}

/// One sheet's cells.
pub struct Grid<'a> {
    pub name: &'a str,
    range: &'a Range<Data>,
}

impl Book {
    /// Reads a workbook, refusing a file too large and one that is not an xlsx workbook.
    pub fn open(path: &Path, limits: &Limits) -> Result<Book, Diagnostic> {
        let (file, bytes) = crate::source::read_bytes(path, limits)?;
        Book::from_bytes(&file, &bytes)
    }

    /// Reads a workbook already in memory.
    pub fn from_bytes(file: &str, bytes: &[u8]) -> Result<Book, Diagnostic> {
        use sha2::Digest;
        let not_xlsx = |why: String| {
            Diagnostic::error(
                "not-a-workbook",
                file,
                Place::File,
                format!("cannot read the file as an Excel workbook: {why}"),
            )
            .with_hint(
                "give the .xlsx file written by `oversight workbook`, saved in the Excel (.xlsx) format",
            )
        };
        let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| not_xlsx(e.to_string()))?;
        let mut sheets = Vec::new();
        for name in xlsx.sheet_names() {
            let range = xlsx.worksheet_range(&name).map_err(|e| not_xlsx(e.to_string()))?;
            sheets.push((name, range));
        }
        Ok(Book {
            file: file.to_owned(),
            sha256: crate::source::hex(&sha2::Sha256::digest(bytes)),
            sheets,
        })
    }

    pub fn sheet(&self, name: &str) -> Option<Grid<'_>> {
        self.sheets
            .iter()
            .find(|(n, _)| n == name)
            .map(|(name, range)| Grid { name, range })
    }
}

impl Grid<'_> {
    /// The cell at an absolute position; an empty one outside the used range.
    pub fn get(&self, row: u32, col: u32) -> &Data {
        self.range.get_value((row, col)).unwrap_or(&Data::Empty)
    }

    /// The last row that holds anything.
    pub fn last_row(&self) -> u32 {
        self.range.end().map_or(0, |(row, _)| row)
    }

    /// The last column that holds anything.
    pub fn last_col(&self) -> u32 {
        self.range.end().map_or(0, |(_, col)| col)
    }

    /// Whether a cell holds nothing (or only spaces).
    pub fn is_empty(&self, row: u32, col: u32) -> bool {
        match self.get(row, col) {
            Data::Empty => true,
            Data::String(text) => text.trim().is_empty(),
            _ => false,
        }
    }

    pub fn place(&self, row: u32, col: u32) -> Place {
        Place::cell(self.name, row, col)
    }

    /// The row of `key` in column `col`, from `first` down.
    pub fn find(&self, col: u32, key: &str, first: u32) -> Option<u32> {
        (first..=self.last_row()).find(|row| matches!(self.get(*row, col), Data::String(s) if s == key))
    }
}
