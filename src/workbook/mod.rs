//! The assessment workbook: a checklist, and the answers so far, as an Excel workbook that a
//! unit fills in without any other tool; `oversight import` ([`crate::import`]) reads it back.
//!
//! [`layout`] is the contract between the two: the sheets, the key of every column and row,
//! the rows of the assessment sheet. [`choices`] holds the drop-down entries both sides turn
//! into values. [`write`] writes the workbook with rust_xlsxwriter.

pub mod choices;
pub mod layout;
pub mod write;

pub use write::{FormOptions, workbook};
