//! The load stage: from file names to a validated checklist and assessment.
//!
//! An answers file names its checklist (`checklist:`); `--checklist` overrides that. The result
//! carries every warning found on the way, for the caller to show.

use crate::catalog::ChecklistRef;
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::model::{Assessment, Checklist};
use crate::source::{DocumentKind, Limits, Source};
use crate::validate::{Validated, answers, checklist};
use std::path::Path;

/// A checklist and an assessment of it, both valid.
#[derive(Debug, Clone)]
pub struct Loaded {
    pub checklist: Checklist,
    pub assessment: Assessment,
    pub warnings: Diagnostics,
}

/// Reads an answers file and its checklist, and validates both.
pub fn assessment(
    path: &Path,
    checklist: Option<&ChecklistRef>,
    limits: &Limits,
) -> Result<Loaded, Diagnostics> {
    let source = answers_source(path, limits)?;
    assessment_from(&source, checklist, limits)
}

/// Reads a file that must be an answers file: a checklist is refused (`not-answers`).
pub fn answers_source(path: &Path, limits: &Limits) -> Result<Source, Diagnostics> {
    let source = Source::read(path, limits)?;
    if source.kind()? == DocumentKind::Checklist {
        let diagnostic = Diagnostic::error(
            "not-answers",
            &source.name,
            Place::File,
            "this is a checklist; expected an answers file",
        )
        .with_hint("pass the answers file, and the checklist with `--checklist` if needed");
        return Err(diagnostic.into());
    }
    Ok(source)
}

fn assessment_from(
    source: &Source,
    checklist: Option<&ChecklistRef>,
    limits: &Limits,
) -> Result<Loaded, Diagnostics> {
    let loaded = match checklist {
        Some(reference) => reference.load_edition(limits, header(source)?.version().as_deref()),
        None => named_checklist(source, limits),
    };
    let Validated {
        value: checklist,
        warnings: mut all,
    } = loaded?;
    let Validated {
        value: assessment,
        warnings,
    } = answers::answers(source, &checklist)?;
    all.extend(warnings);
    Ok(Loaded {
        checklist,
        assessment,
        warnings: all,
    })
}

/// What one file passed to `validate` turned out to be.
#[derive(Debug, Clone)]
pub enum Checked {
    Checklist(Box<Checklist>),
    Answers(Box<Loaded>),
}

/// Validates a file of either kind, telling them apart by content.
pub fn any(
    path: &Path,
    checklist: Option<&ChecklistRef>,
    limits: &Limits,
) -> Result<(Checked, Diagnostics), Diagnostics> {
    let source = Source::read(path, limits)?;
    match source.kind()? {
        DocumentKind::Checklist => {
            let Validated { value, warnings } = checklist::checklist(&source, limits)?;
            Ok((Checked::Checklist(Box::new(value)), warnings))
        }
        DocumentKind::Answers => {
            let loaded = assessment_from(&source, checklist, limits)?;
            let warnings = loaded.warnings.clone();
            Ok((Checked::Answers(Box::new(loaded)), warnings))
        }
    }
}

/// Blames an unknown checklist id, or a file that is not a checklist, on the answers file's
/// `checklist:` key that named it.
fn point_at_checklist_key(mut diagnostics: Diagnostics, source: &Source) -> Diagnostics {
    let misnamed = |d: &&mut Diagnostic| matches!(d.code, "unknown-checklist" | "not-a-checklist");
    for diagnostic in diagnostics.0.iter_mut().filter(misnamed) {
        diagnostic.file = source.name.clone();
        diagnostic.place = Place::path("checklist");
    }
    diagnostics
}

/// The checklist an answers file names in its `checklist:` key, read and validated: of a
/// bundled checklist, the edition its `checklist_version:` names.
pub fn named_checklist(source: &Source, limits: &Limits) -> Result<Validated<Checklist>, Diagnostics> {
    let header = header(source)?;
    header
        .reference(source)?
        .load_named(limits, header.version().as_deref())
        .map_err(|d| point_at_checklist_key(d, source))
}

/// The keys of an answers file that say which checklist it answers.
#[derive(serde::Deserialize)]
struct Header {
    checklist: Option<String>,
    /// Any YAML value: a version that is not text is refused later, by validation.
    checklist_version: Option<serde_yaml::Value>,
}

impl Header {
    fn version(&self) -> Option<String> {
        self.checklist_version.as_ref()?.as_str().map(str::to_owned)
    }

    /// The checklist its `checklist:` names: an id, or a `.yaml`/`.yml` file.
    fn reference(&self, source: &Source) -> Result<ChecklistRef, Diagnostic> {
        match &self.checklist {
            Some(named) => ChecklistRef::named_in_answers(named).map_err(|message| {
                Diagnostic::error("not-a-checklist", &source.name, Place::path("checklist"), message)
                    .with_hint(
                        "name a bundled checklist by its id, or a checklist file ending in `.yaml` or `.yml`",
                    )
            }),
            None => Err(Diagnostic::error(
                "missing-key",
                &source.name,
                Place::path("checklist"),
                "the answers file does not say which checklist it answers",
            )
            .with_hint("add `checklist: <id>` or pass `--checklist PATH|ID`")),
        }
    }
}

fn header(source: &Source) -> Result<Header, Diagnostic> {
    source.parse()
}

/// The checklist an answers file names in its `checklist:` key: an id, or a `.yaml`/`.yml` file.
pub fn checklist_ref(source: &Source) -> Result<ChecklistRef, Diagnostic> {
    header(source)?.reference(source)
}
