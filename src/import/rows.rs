//! The rows of the assessment sheet lined up with the checklist's: the id in each row is
//! matched against the id expected there, so that a row deleted, a row added and a row whose
//! id was changed are each reported where they are, and every other row is still read.

use super::book::Grid;
use crate::diagnostic::{Diagnostic, Diagnostics};

/// A row of the sheet matched with the index of the checklist row it holds.
pub(super) struct Matched {
    pub row: u32,
    pub index: usize,
}

/// Lines up the ids of column `col` from row `first` with `expected`; the matches, and a
/// finding for every row that does not line up.
pub(super) fn align(
    grid: &Grid,
    col: u32,
    first: u32,
    expected: &[&str],
    file: &str,
) -> (Vec<Matched>, Diagnostics) {
    let mut matched = Vec::new();
    let mut found = Diagnostics::default();
    let id_at = |row: u32| super::cells::text(grid, row, col, file).ok().flatten();
    let last = grid.last_row().max(first);
    let mut next = 0;
    for row in first..=last {
        let id = id_at(row).unwrap_or_default();
        let ahead = expected[next..].iter().position(|e| *e == id);
        match ahead {
            Some(skipped) => {
                for missing in &expected[next..next + skipped] {
                    found.push(missing_row(grid, row, col, missing, file));
                }
                matched.push(Matched {
                    row,
                    index: next + skipped,
                });
                next += skipped + 1;
            }
            None if row_is_empty(grid, row) => {}
            None if next < expected.len() && changed(expected, next, id_at(row + 1).as_deref(), row == last) => {
                found.push(
                    Diagnostic::error(
                        "row-id-changed",
                        file,
                        grid.place(row, col),
                        format!("the row holds the id `{id}` where `{}` was written", expected[next]),
                    )
                    .with_hint(format!(
                        "put back the id `{}`: the ids tie each row to its indicator",
                        expected[next]
                    )),
                );
                next += 1;
            }
            None => found.push(
                Diagnostic::error(
                    "extra-row",
                    file,
                    grid.place(row, col),
                    match id.is_empty() {
                        true => "a row was added that the workbook did not have".to_owned(),
                        false => format!("a row `{id}` was added, or moved, that is not in this place of the checklist"),
                    },
                )
                .with_hint("delete the row: an answer goes in its indicator's row, further evidence on the evidence sheet"),
            ),
        }
    }
    for missing in &expected[next..] {
        found.push(missing_row(grid, last + 1, col, missing, file));
    }
    (matched, found)
}

/// Whether an unknown id stands in for the expected one: the next row holds the id expected
/// after it (or this is the last row, and one row is still expected).
fn changed(expected: &[&str], next: usize, following: Option<&str>, is_last: bool) -> bool {
    match expected.get(next + 1) {
        Some(after) => following == Some(*after),
        None => is_last,
    }
}

fn missing_row(grid: &Grid, row: u32, col: u32, id: &str, file: &str) -> Diagnostic {
    Diagnostic::error(
        "missing-row",
        file,
        grid.place(row, col),
        format!("the row of `{id}` was deleted"),
    )
    .with_hint("write a new workbook with `oversight workbook --answers` and copy the answers across, or undo the deletion")
}

fn row_is_empty(grid: &Grid, row: u32) -> bool {
    (0..=grid.last_col()).all(|col| grid.is_empty(row, col))
}
