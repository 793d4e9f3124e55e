//! `oversight validate --format json`: every file's verdict and every diagnostic, as one JSON
//! document whose shape is documented in docs/cli.md.
//!
//! Each diagnostic is one flat object with every field present (`null` where a finding has no
//! line, column, path or hint), so a program reads it without knowing the kinds of place.

use oversight::diagnostic::{Diagnostic, Diagnostics, Place, Severity};
use serde::Serialize;

/// The whole output: the files in the order given, their diagnostics, and the counts.
#[derive(Debug, Default, Serialize)]
pub struct Report {
    files: Vec<FileVerdict>,
    diagnostics: Vec<Record>,
    summary: Summary,
}

/// Whether one file is usable: it has no error (warnings allowed).
#[derive(Debug, Serialize)]
struct FileVerdict {
    file: String,
    valid: bool,
}

/// One diagnostic, flat.
#[derive(Debug, Serialize)]
struct Record {
    code: &'static str,
    severity: Severity,
    file: String,
    line: Option<usize>,
    column: Option<usize>,
    path: Option<String>,
    message: String,
    hint: Option<String>,
}

#[derive(Debug, Default, Serialize)]
struct Summary {
    files: usize,
    valid: usize,
    invalid: usize,
    errors: usize,
    warnings: usize,
}

impl Report {
    /// Adds one file as the user named it, with what its check found.
    pub fn push(&mut self, file: String, diagnostics: Diagnostics) {
        let valid = !diagnostics.has_errors();
        self.summary.files += 1;
        if valid {
            self.summary.valid += 1;
        } else {
            self.summary.invalid += 1;
        }
        self.summary.errors += diagnostics.error_count();
        self.summary.warnings += diagnostics.warning_count();
        self.files.push(FileVerdict { file, valid });
        self.diagnostics
            .extend(diagnostics.0.into_iter().map(Record::from));
    }

    pub fn has_errors(&self) -> bool {
        self.summary.errors > 0
    }

    /// The document, indented, with a final newline, and the invisible characters of a file
    /// name written as escapes, as in every JSON output.
    pub fn to_json(&self) -> String {
        oversight::render::json::to_string(self)
    }
}

impl From<Diagnostic> for Record {
    fn from(diagnostic: Diagnostic) -> Self {
        let (line, column, path) = match diagnostic.place {
            Place::File => (None, None, None),
            Place::Position { line, column } => (Some(line), Some(column), None),
            Place::Path { path } => (None, None, Some(path)),
            // A workbook's cell (`Assessment!E4`) stands where a path would.
            Place::Cell { cell } => (None, None, Some(cell.into())),
        };
        Record {
            code: diagnostic.code,
            severity: diagnostic.severity,
            file: diagnostic.file,
            line,
            column,
            path,
            message: diagnostic.message,
            hint: diagnostic.hint,
        }
    }
}
