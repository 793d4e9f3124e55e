//! Spreadsheets (xlsx) of the results, written with rust_xlsxwriter: numbers stay numbers,
//! bands are text, and every calculation can be recomputed from the columns beside it.

pub mod compare;
pub mod plan;
pub mod report;
pub mod sheet;
