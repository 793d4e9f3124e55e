//! A worksheet being written: it remembers each column's width and gives each row the height
//! its wrapped texts need, because office suites do not size rows when they open a file
//! (LibreOffice prints every row one line high otherwise).

use crate::error::{Error, Result};
use crate::model::Date;
use rust_xlsxwriter::{ExcelDateTime, Format, Worksheet, XlsxError};
use std::collections::BTreeMap;

/// The height of one line of 10-point text, in points, and the padding of a cell.
const LINE: f64 = 12.75;
const PADDING: f64 = 3.0;
/// Characters of 10-point text on a line, per unit of column width (measured on LibreOffice's
/// rendering of Latin and Cyrillic text, rounded down so that a row is never too short).
const CHARS_PER_UNIT: f64 = 1.15;
/// Excel's paper size code of A4.
pub const A4: u8 = 9;
/// Excel's width of a column never set.
const DEFAULT_WIDTH: f64 = 8.43;

pub struct Sheet<'w> {
    pub ws: &'w mut Worksheet,
    widths: BTreeMap<u16, f64>,
    /// The most lines any cell of a row needs.
    lines: BTreeMap<u32, usize>,
}

impl<'w> Sheet<'w> {
    pub fn new(ws: &'w mut Worksheet) -> Sheet<'w> {
        Sheet {
            ws,
            widths: BTreeMap::new(),
            lines: BTreeMap::new(),
        }
    }

    pub fn width(&mut self, col: u16, width: f64) -> Result<()> {
        self.widths.insert(col, width);
        self.ws.set_column_width(col, width).map_err(xlsx)?;
        Ok(())
    }

    /// A text cell (blank without a value) whose row grows to show it whole.
    pub fn text(&mut self, row: u32, col: u16, value: Option<&str>, format: &Format) -> Result<()> {
        match value {
            Some(value) => {
                let width = self.widths.get(&col).copied().unwrap_or(DEFAULT_WIDTH);
                let lines = self.lines.entry(row).or_insert(1);
                *lines = (*lines).max(lines_needed(value, width));
                self.ws.write_string_with_format(row, col, value, format)
            }
            None => self.ws.write_blank(row, col, format),
        }
        .map_err(xlsx)?;
        Ok(())
    }

    /// A date cell, blank without a value.
    pub fn date(&mut self, row: u32, col: u16, value: Option<Date>, format: &Format) -> Result<()> {
        match value {
            Some(value) => {
                self.ws
                    .write_datetime_with_format(row, col, excel_date(value).map_err(xlsx)?, format)
            }
            None => self.ws.write_blank(row, col, format),
        }
        .map_err(xlsx)?;
        Ok(())
    }

    /// A number cell, blank without a value.
    pub fn number(&mut self, row: u32, col: u16, value: Option<f64>, format: &Format) -> Result<()> {
        match value {
            Some(value) => self.ws.write_number_with_format(row, col, value, format),
            None => self.ws.write_blank(row, col, format),
        }
        .map_err(xlsx)?;
        Ok(())
    }

    /// Prints on A4 landscape, as many pages down as it takes, one page wide.
    pub fn print_a4_landscape(&mut self) {
        self.ws
            .set_landscape()
            .set_paper_size(A4)
            .set_print_fit_to_pages(1, 0);
    }

    /// Sets the height of every row that needs more than one line.
    pub fn fit_rows(&mut self) -> Result<()> {
        for (row, lines) in &self.lines {
            if *lines > 1 {
                self.ws
                    .set_row_height(*row, *lines as f64 * LINE + PADDING)
                    .map_err(xlsx)?;
            }
        }
        Ok(())
    }
}

/// The lines a text wraps to in a column `width` characters wide, each paragraph on its own.
fn lines_needed(text: &str, width: f64) -> usize {
    let capacity = (width * CHARS_PER_UNIT - 2.0).max(1.0);
    text.split('\n')
        .map(|paragraph| {
            let chars = paragraph.chars().count() as f64;
            ((chars / capacity).ceil() as usize).max(1)
        })
        .sum()
}

/// A date as Excel holds it (from 1900 to 9999; callers refuse other dates first, and a date
/// outside is an error).
pub fn excel_date(date: Date) -> std::result::Result<ExcelDateTime, XlsxError> {
    use chrono::Datelike;
    let year = u16::try_from(date.0.year()).map_err(|_| XlsxError::DateTimeRangeError(date.to_string()))?;
    ExcelDateTime::from_ymd(year, date.0.month() as u8, date.0.day() as u8)
}

pub fn xlsx(error: XlsxError) -> Error {
    Error::Xlsx(Box::new(error))
}
