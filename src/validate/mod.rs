//! Validation: turns parsed documents into trusted ones, collecting every finding.
//!
//! Each rule is one small function that pushes [`Diagnostic`]s; nothing stops at the first
//! problem. A document with errors is refused with all of them; warnings travel with the
//! validated value so the CLI can show them.

pub mod answers;
pub mod checklist;
mod report_date;
mod target;

pub use report_date::report_date;

use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::model::Scale;

/// A value that passed validation, with the warnings found on the way.
#[derive(Debug, Clone)]
pub struct Validated<T> {
    pub value: T,
    pub warnings: Diagnostics,
}

/// Collects the findings for one file.
struct Findings<'a> {
    file: &'a str,
    list: Diagnostics,
}

impl<'a> Findings<'a> {
    fn new(file: &'a str) -> Self {
        Findings {
            file,
            list: Diagnostics::default(),
        }
    }

    fn error(&mut self, code: &'static str, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        self.list
            .push(Diagnostic::error(code, self.file, Place::path(path), message));
        self.list.0.last_mut().expect("just pushed")
    }

    fn warning(&mut self, code: &'static str, path: &str, message: impl Into<String>) -> &mut Diagnostic {
        self.list
            .push(Diagnostic::warning(code, self.file, Place::path(path), message));
        self.list.0.last_mut().expect("just pushed")
    }

    /// The value if there were no errors, else every finding.
    fn finish<T>(self, value: T) -> Result<Validated<T>, Diagnostics> {
        if self.list.has_errors() {
            Err(self.list)
        } else {
            Ok(Validated {
                value,
                warnings: self.list,
            })
        }
    }
}

trait Hint {
    fn hint(&mut self, hint: impl Into<String>);
}

impl Hint for Diagnostic {
    fn hint(&mut self, hint: impl Into<String>) {
        self.hint = Some(hint.into());
    }
}

/// `a, b, c` with each item in backticks.
pub fn quoted_list<'a>(items: impl IntoIterator<Item = &'a str>) -> String {
    items
        .into_iter()
        .map(|i| format!("`{i}`"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// A scale's levels for a hint: `0 (Absent), 1 (Initial)`, or `D = 1 (Weak), C = 2 (Fair)`
/// where the levels have codes; labels in `lang`.
pub(crate) fn level_choices(scale: &Scale, lang: &str) -> String {
    scale
        .levels
        .iter()
        .map(|l| {
            let label = l.label.get(lang, lang);
            match &l.code {
                Some(code) => format!("{code} = {} ({label})", l.value),
                None => format!("{} ({label})", l.value),
            }
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Whether an id is written `[A-Za-z0-9][A-Za-z0-9._-]*`: ASCII letters and digits, then also
/// `.`, `-` and `_` (`law-1`, `GV.OC-01`, `1.2.3`).
pub(crate) fn is_valid_id(id: &str) -> bool {
    let mut bytes = id.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphanumeric())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}
