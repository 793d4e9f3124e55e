//! Operational failures: everything that can go wrong besides findings in the user's files.

use crate::diagnostic::Diagnostics;
use std::path::PathBuf;

#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// One or more input files broke the rules; the diagnostics say where and how.
    #[error("{} error(s) in the input", .0.error_count())]
    Invalid(Diagnostics),

    /// Writing an output failed before any output of the run was replaced.
    #[error("cannot write `{}`; no output was replaced", path.display())]
    Write {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    /// Renaming an output into place failed after others were.
    #[error("cannot write `{}` after replacing {}; the other outputs were not replaced", path.display(), list(replaced))]
    PartlyReplaced {
        path: PathBuf,
        replaced: Vec<PathBuf>,
        #[source]
        source: std::io::Error,
    },

    #[error("cannot write to standard output")]
    Stdout(#[source] std::io::Error),

    #[error("`{}` already exists", path.display())]
    WouldOverwrite { path: PathBuf },

    #[error("`{}` is an input of this run; refusing to write the output over it", path.display())]
    OutputIsInput { path: PathBuf },

    #[error("cannot read the template folder `{}`", path.display())]
    Templates {
        path: PathBuf,
        #[source]
        source: std::io::Error,
    },

    #[error("cannot render the template `{name}`")]
    Template {
        name: String,
        #[source]
        source: minijinja::Error,
    },

    #[error("cannot use the font `{}`", path.display())]
    Font {
        path: PathBuf,
        #[source]
        source: crate::render::pdf::FontError,
    },

    #[error("cannot render the PDF")]
    Pdf(#[source] Box<dyn std::error::Error + Send + Sync>),

    #[error("cannot use the Word template `{}`", path.display())]
    DocxTemplate {
        path: PathBuf,
        #[source]
        source: crate::render::docx::TemplateError,
    },

    #[error("cannot write the Word document")]
    Docx(#[source] crate::render::docx::DocxError),

    #[error("cannot write the workbook")]
    Xlsx(#[source] Box<rust_xlsxwriter::XlsxError>),

    #[error("cannot write the CSV")]
    Csv(#[source] csv::Error),

    #[error("the report has no {format} format")]
    UnsupportedFormat { format: &'static str },

    #[error("{skipped} of {total} answers files were skipped; the outputs cover the others")]
    Skipped { skipped: usize, total: usize },

    #[error("no answers file could be scored; nothing was written")]
    NothingToReport,
}

impl From<crate::diagnostic::Diagnostic> for Error {
    fn from(diagnostic: crate::diagnostic::Diagnostic) -> Self {
        Error::Invalid(diagnostic.into())
    }
}

impl From<Diagnostics> for Error {
    fn from(diagnostics: Diagnostics) -> Self {
        Error::Invalid(diagnostics)
    }
}

/// "`a.html`, `a.pdf`"
fn list(paths: &[PathBuf]) -> String {
    let quoted: Vec<String> = paths.iter().map(|p| format!("`{}`", p.display())).collect();
    quoted.join(", ")
}

pub type Result<T, E = Error> = std::result::Result<T, E>;
