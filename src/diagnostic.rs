//! Findings in the user's files: a stable code, a severity, a location and a hint.
//!
//! Every problem with an input file (unreadable, malformed YAML, a broken rule) is a
//! [`Diagnostic`]. They are values, collected rather than thrown, so one run reports every
//! problem it can find. Operational failures (writing, rendering) live in [`crate::error`].

use std::fmt;

/// How serious a finding is: errors make the file unusable, warnings do not.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
}

/// Where in a file a finding points.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
#[serde(untagged)]
pub enum Place {
    /// The whole file.
    File,
    /// A line and column (both 1-based), as the YAML parser reports them.
    Position { line: usize, column: usize },
    /// A path of keys and ids, such as `sections[law].indicators[law-2].scale`.
    Path { path: String },
    /// A cell of a workbook's sheet, such as `Assessment!E14` (a sheet name quoted as
    /// formulas write it when it needs to be); boxed, so that a diagnostic stays as small as
    /// it was.
    Cell { cell: Box<str> },
}

/// One finding in one file.
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
pub struct Diagnostic {
    /// Stable kebab-case code, such as `unknown-scale`; documented in `docs/diagnostics.md`.
    pub code: &'static str,
    pub severity: Severity,
    /// The file as the user named it.
    pub file: String,
    pub place: Place,
    pub message: String,
    /// What would be valid here, when there is something useful to say.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
}

impl Diagnostic {
    pub fn error(code: &'static str, file: &str, place: Place, message: impl Into<String>) -> Self {
        Diagnostic {
            code,
            severity: Severity::Error,
            file: file.to_owned(),
            place,
            message: message.into(),
            hint: None,
        }
    }

    pub fn warning(code: &'static str, file: &str, place: Place, message: impl Into<String>) -> Self {
        Diagnostic {
            severity: Severity::Warning,
            ..Diagnostic::error(code, file, place, message)
        }
    }

    pub fn with_hint(mut self, hint: impl Into<String>) -> Self {
        self.hint = Some(hint.into());
        self
    }

    pub fn is_error(&self) -> bool {
        self.severity == Severity::Error
    }
}

impl Place {
    pub fn path(path: impl Into<String>) -> Self {
        Place::Path { path: path.into() }
    }

    /// The cell at `row` and `col` (both 0-based) of `sheet`.
    pub fn cell(sheet: &str, row: u32, col: u32) -> Self {
        let mut letters = String::new();
        let mut n = col + 1;
        while n > 0 {
            let digit = (n - 1) % 26;
            letters.insert(0, char::from(b'A' + digit as u8));
            n = (n - 1) / 26;
        }
        Place::Cell {
            cell: format!("{}!{letters}{}", quote_sheet(sheet), row + 1).into(),
        }
    }
}

impl fmt::Display for Place {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Place::File => Ok(()),
            Place::Position { line, column } => write!(f, ":{line}:{column}"),
            Place::Path { path } => write!(f, ": {path}"),
            Place::Cell { cell } => write!(f, ":{cell}"),
        }
    }
}

/// A sheet's name as a spreadsheet's formulas write it: quoted (`'My sheet'`) unless it is
/// letters, digits and underscores only.
fn quote_sheet(sheet: &str) -> String {
    if !sheet.is_empty() && sheet.chars().all(|c| c.is_alphanumeric() || c == '_') {
        sheet.to_owned()
    } else {
        format!("'{}'", sheet.replace('\'', "''"))
    }
}

impl fmt::Display for Diagnostic {
    /// `error[unknown-scale]: answers.yaml: sections[law].indicators[law-2].scale: message`,
    /// then the hint on its own indented line.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let severity = match self.severity {
            Severity::Error => "error",
            Severity::Warning => "warning",
        };
        write!(
            f,
            "{severity}[{}]: {}{}: {}",
            self.code, self.file, self.place, self.message
        )?;
        if let Some(hint) = &self.hint {
            write!(f, "\n  hint: {hint}")?;
        }
        Ok(())
    }
}

/// The findings of one run, in the order they were found.
#[derive(Debug, Clone, Default, PartialEq, serde::Serialize)]
#[serde(transparent)]
pub struct Diagnostics(pub Vec<Diagnostic>);

impl Diagnostics {
    pub fn push(&mut self, diagnostic: Diagnostic) {
        self.0.push(diagnostic);
    }

    pub fn extend(&mut self, other: Diagnostics) {
        self.0.extend(other.0);
    }

    pub fn has_errors(&self) -> bool {
        self.0.iter().any(Diagnostic::is_error)
    }

    pub fn error_count(&self) -> usize {
        self.0.iter().filter(|d| d.is_error()).count()
    }

    pub fn warning_count(&self) -> usize {
        self.0.len() - self.error_count()
    }

    pub fn iter(&self) -> impl Iterator<Item = &Diagnostic> {
        self.0.iter()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
}

impl From<Diagnostic> for Diagnostics {
    fn from(diagnostic: Diagnostic) -> Self {
        Diagnostics(vec![diagnostic])
    }
}

impl FromIterator<Diagnostic> for Diagnostics {
    fn from_iter<I: IntoIterator<Item = Diagnostic>>(iter: I) -> Self {
        Diagnostics(iter.into_iter().collect())
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for diagnostic in &self.0 {
            writeln!(f, "{diagnostic}")?;
        }
        Ok(())
    }
}
