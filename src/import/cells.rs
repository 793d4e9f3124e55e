//! What a cell holds, read as the value its column expects: a text, a date or a number. A
//! value of another kind is a diagnostic at the cell, never a guess: a date Excel stored as
//! text is refused, and so is a number typed as text.

use super::book::Grid;
use crate::diagnostic::Diagnostic;
use crate::model::{Date, Number};
use calamine::Data;

/// A cell's text; a number or a date is read as it shows (`2026`, `2026-11-20`).
pub fn text(grid: &Grid, row: u32, col: u32, file: &str) -> Result<Option<String>, Diagnostic> {
    Ok(match grid.get(row, col) {
        Data::Empty => None,
        Data::String(text) if text.is_empty() => None,
        Data::String(text) => Some(text.clone()),
        Data::Int(n) => Some(n.to_string()),
        Data::Float(n) => Some(n.to_string()),
        Data::Bool(b) => Some(b.to_string()),
        Data::DateTime(d) => Some(date_of(d).map_or_else(|| d.as_f64().to_string(), |d| d.to_string())),
        Data::DateTimeIso(text) | Data::DurationIso(text) => Some(text.clone()),
        Data::Error(error) => return Err(cell_error(grid, row, col, file, error)),
    })
}

/// A cell's date: Excel's own date, not a text that looks like one.
pub fn date(grid: &Grid, row: u32, col: u32, file: &str) -> Result<Option<Date>, Diagnostic> {
    let place = grid.place(row, col);
    match grid.get(row, col) {
        Data::Empty => Ok(None),
        Data::String(text) if text.trim().is_empty() => Ok(None),
        Data::DateTime(d) => date_of(d).map(Some).ok_or_else(|| {
            Diagnostic::error("wrong-type", file, place, "the cell holds a time or a duration, not a date")
                .with_hint("type a date, for example 2026-11-20")
        }),
        Data::String(text) => Err(Diagnostic::error(
            "date-as-text",
            file,
            place,
            format!("the cell holds the text `{text}`, not a date"),
        )
        .with_hint(
            "retype it as a date, for example 2026-11-20 (a date typed after an apostrophe, or into a cell formatted as text, stays text)",
        )),
        Data::Error(error) => Err(cell_error(grid, row, col, file, error)),
        other => Err(Diagnostic::error(
            "wrong-type",
            file,
            place,
            format!("the cell holds {}, not a date", describe(other)),
        )
        .with_hint("type a date, for example 2026-11-20")),
    }
}

/// A cell's number, exactly as the workbook stores it.
pub fn number(grid: &Grid, row: u32, col: u32, file: &str) -> Result<Option<Number>, Diagnostic> {
    let place = grid.place(row, col);
    match grid.get(row, col) {
        Data::Empty => Ok(None),
        Data::String(text) if text.trim().is_empty() => Ok(None),
        Data::Int(n) => Ok(Some(Number::from(*n))),
        Data::Float(n) => Number::parse(&n.to_string()).map(Some).ok_or_else(|| {
            Diagnostic::error("wrong-type", file, place, format!("the number {n} is too large"))
        }),
        Data::String(text) => Err(Diagnostic::error(
            "number-as-text",
            file,
            place,
            format!("the cell holds the text `{text}`, not a number"),
        )
        .with_hint("type the number alone, without its unit, as a number (not after an apostrophe)")),
        Data::Error(error) => Err(cell_error(grid, row, col, file, error)),
        other => Err(Diagnostic::error(
            "wrong-type",
            file,
            place,
            format!("the cell holds {}, not a number", describe(other)),
        )
        .with_hint("type a number")),
    }
}

/// The calendar date of an Excel date (its time of day ignored); none for a duration or for
/// Excel's 29 February 1900, a day that never was.
fn date_of(value: &calamine::ExcelDateTime) -> Option<Date> {
    if !value.is_datetime() {
        return None;
    }
    let (year, month, day, ..) = value.to_ymd_hms_milli();
    chrono::NaiveDate::from_ymd_opt(i32::from(year), u32::from(month), u32::from(day)).map(Date)
}

fn describe(data: &Data) -> String {
    match data {
        Data::Int(n) => format!("the number {n}"),
        Data::Float(n) => format!("the number {n}"),
        Data::Bool(b) => format!("the value {}", if *b { "TRUE" } else { "FALSE" }),
        Data::DateTime(_) | Data::DateTimeIso(_) => "a date".to_owned(),
        Data::DurationIso(_) => "a duration".to_owned(),
        _ => "a value".to_owned(),
    }
}

fn cell_error(grid: &Grid, row: u32, col: u32, file: &str, error: &calamine::CellErrorType) -> Diagnostic {
    Diagnostic::error(
        "wrong-type",
        file,
        grid.place(row, col),
        format!("the cell holds the error `{error}`"),
    )
    .with_hint("replace it with a value")
}
