//! The load stage: from file names to a validated checklist and assessment.
//!
//! An answers file names its checklist (`checklist:`); `--checklist` overrides that. The result
//! carries every warning found on the way, for the caller to show. A valid file is parsed once:
//! its document answers the kind probe and the `checklist:` key too ([`parsed_answers`]).

use crate::catalog::ChecklistRef;
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::model::{AnswersDoc, Assessment, Checklist};
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
    Parsed::read(path, limits)?.load(checklist, limits)
}

/// An answers file read, with its document when it parses ([`parsed_answers`]).
#[derive(Debug)]
pub struct Parsed {
    pub source: Source,
    pub doc: Option<AnswersDoc>,
}

impl Parsed {
    /// Reads and parses an answers file.
    pub fn read(path: &Path, limits: &Limits) -> Result<Parsed, Diagnostic> {
        Ok(Parsed::new(Source::read(path, limits)?))
    }

    pub fn new(source: Source) -> Parsed {
        let doc = parsed_answers(&source);
        Parsed { source, doc }
    }

    /// Validates the file against the checklist given, else the one it names.
    pub fn load(self, checklist: Option<&ChecklistRef>, limits: &Limits) -> Result<Loaded, Diagnostics> {
        assessment_from(&self.source, self.doc, checklist, limits)
    }

    /// The `checklist_version:` key, if the file has one, whether or not the rest is valid.
    pub fn checklist_version(&self) -> Option<String> {
        #[derive(serde::Deserialize)]
        struct Header {
            checklist_version: Option<String>,
        }
        match &self.doc {
            Some(doc) if !is_null(&doc.checklist_version) => Some(doc.checklist_version.clone()),
            _ => self.source.parse::<Header>().ok()?.checklist_version,
        }
    }
}

/// The document of an answers file, parsed once, when it parses and names its checklist.
///
/// Such a document answers every question the steps before it would ask the text: it is an
/// answers file (it has a `checklist:` key, so the kind probe says so) and it names its
/// checklist (the key's value). Otherwise `None`: the caller then takes the steps one by one
/// ([`refuse_checklist`], [`checklist_ref`], [`answers::answers`]), each parsing the text again,
/// so that the first of them that fails gives the diagnostic, at its line and column, exactly
/// as if no document had been tried. Only a file with an error, or one answering an older
/// edition of a bundled checklist (see `version_for`), is parsed more than once.
pub fn parsed_answers(source: &Source) -> Option<AnswersDoc> {
    let doc: AnswersDoc = source.parse().ok()?;
    // A null `checklist:` reads as the text `~` here, but as no key to the steps.
    (!is_null(&doc.checklist)).then_some(doc)
}

/// The plain scalars YAML reads as null.
fn is_null(value: &str) -> bool {
    ["", "~", "null", "Null", "NULL"].contains(&value)
}

/// Refuses a checklist given where an answers file is expected (`not-answers`).
pub fn refuse_checklist(source: &Source) -> Result<(), Diagnostic> {
    if source.kind()? == DocumentKind::Checklist {
        return Err(Diagnostic::error(
            "not-answers",
            &source.name,
            Place::File,
            "this is a checklist; expected an answers file",
        )
        .with_hint("pass the answers file, and the checklist with `--checklist` if needed"));
    }
    Ok(())
}

/// Validates an answers file against the checklist given, else the one it names; `doc` is its
/// document from [`parsed_answers`].
fn assessment_from(
    source: &Source,
    doc: Option<AnswersDoc>,
    checklist: Option<&ChecklistRef>,
    limits: &Limits,
) -> Result<Loaded, Diagnostics> {
    if doc.is_none() {
        refuse_checklist(source)?;
    }
    let loaded = match checklist {
        Some(reference) => {
            reference.load_edition(limits, version_for(source, doc.as_ref(), reference)?.as_deref())
        }
        None => {
            let (reference, version) = named_by(source, doc.as_ref())?;
            load_named(&reference, version.as_deref(), &source.name, limits)
        }
    };
    let Validated {
        value: checklist,
        warnings: mut all,
    } = loaded?;
    let Validated {
        value: assessment,
        warnings,
    } = match doc {
        Some(doc) => answers::check(doc, source, &checklist),
        None => answers::answers(source, &checklist),
    }?;
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

/// Validates a file of either kind, telling them apart by content. The document of the kind
/// the text suggests is tried first (see [`parsed_answers`]); a guess that is wrong costs a
/// parse, never a different outcome.
pub fn any(
    path: &Path,
    checklist: Option<&ChecklistRef>,
    limits: &Limits,
) -> Result<(Checked, Diagnostics), Diagnostics> {
    any_of(&Source::read(path, limits)?, checklist, limits)
}

/// [`any`] for a file already read.
pub fn any_of(
    source: &Source,
    checklist: Option<&ChecklistRef>,
    limits: &Limits,
) -> Result<(Checked, Diagnostics), Diagnostics> {
    let answers_doc = if looks_like_checklist(&source.text) {
        if let Ok(doc) = source.parse() {
            return checked_checklist(checklist::check(doc, source, limits)?);
        }
        None
    } else {
        parsed_answers(source)
    };
    if answers_doc.is_none() && source.kind()? == DocumentKind::Checklist {
        return checked_checklist(checklist::checklist(source, limits)?);
    }
    let loaded = assessment_from(source, answers_doc, checklist, limits)?;
    let warnings = loaded.warnings.clone();
    Ok((Checked::Answers(Box::new(loaded)), warnings))
}

fn checked_checklist(validated: Validated<Checklist>) -> Result<(Checked, Diagnostics), Diagnostics> {
    let Validated { value, warnings } = validated;
    Ok((Checked::Checklist(Box::new(value)), warnings))
}

/// Whether a top-level key of a checklist starts a line of the text.
fn looks_like_checklist(text: &str) -> bool {
    text.lines()
        .any(|line| line.starts_with("sections:") || line.starts_with("scales:"))
}

/// Blames an unknown checklist id, or a file that is not a checklist, on the `checklist:` key
/// of the answers file `file` that named it.
pub(crate) fn point_at_checklist_key(mut diagnostics: Diagnostics, file: &str) -> Diagnostics {
    let misnamed = |d: &&mut Diagnostic| matches!(d.code, "unknown-checklist" | "not-a-checklist");
    for diagnostic in diagnostics.0.iter_mut().filter(misnamed) {
        diagnostic.file = file.to_owned();
        diagnostic.place = Place::path("checklist");
    }
    diagnostics
}

/// The checklist an answers file names, and the version that picks a bundled checklist's
/// edition: from its document ([`parsed_answers`]) when it has one, else from its header.
pub fn named_by(
    source: &Source,
    doc: Option<&AnswersDoc>,
) -> Result<(ChecklistRef, Option<String>), Diagnostic> {
    let reference = match doc {
        Some(doc) => reference_named(Some(doc.checklist.clone()), &source.name)?,
        None => checklist_ref(source)?,
    };
    let version = version_for(source, doc, &reference)?;
    Ok((reference, version))
}

/// The version that picks the edition of `reference`, if it is a bundled checklist: the
/// `checklist_version:` key when it is text in YAML, else none (the newest edition).
///
/// The document holds the key as text even when it is written as a number (`1.0` without
/// quotes), which the header reads as no version. That changes the edition only when the text
/// names an older edition of `reference`; only then is the header read, a second parse.
fn version_for(
    source: &Source,
    doc: Option<&AnswersDoc>,
    reference: &ChecklistRef,
) -> Result<Option<String>, Diagnostic> {
    match doc {
        Some(doc) if !names_an_older_edition(reference, &doc.checklist_version) => {
            Ok(Some(doc.checklist_version.clone()))
        }
        _ => Ok(header(source)?.version()),
    }
}

/// Whether `version` is a bundled edition of `reference` other than its newest.
fn names_an_older_edition(reference: &ChecklistRef, version: &str) -> bool {
    let ChecklistRef::Id(id) = reference else {
        return false;
    };
    let edition = |version| crate::catalog::bundled(id, version).map(|b| b.version);
    edition(Some(version)) == Some(version) && edition(None) != Some(version)
}

/// The checklist that the answers file `file` names as `reference`, read and validated: of a
/// bundled checklist, the edition `version` names.
pub fn load_named(
    reference: &ChecklistRef,
    version: Option<&str>,
    file: &str,
    limits: &Limits,
) -> Result<Validated<Checklist>, Diagnostics> {
    reference
        .load_named(limits, version)
        .map_err(|d| point_at_checklist_key(d, file))
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
}

fn header(source: &Source) -> Result<Header, Diagnostic> {
    source.parse()
}

/// The checklist an answers file names in its `checklist:` key: an id, or a `.yaml`/`.yml` file.
pub fn checklist_ref(source: &Source) -> Result<ChecklistRef, Diagnostic> {
    reference_named(header(source)?.checklist, &source.name)
}

/// What the `checklist:` key of the answers file `file` names, if it has one.
pub(crate) fn reference_named(named: Option<String>, file: &str) -> Result<ChecklistRef, Diagnostic> {
    match named {
        Some(named) => ChecklistRef::named_in_answers(&named).map_err(|message| {
            Diagnostic::error("not-a-checklist", file, Place::path("checklist"), message).with_hint(
                "name a bundled checklist by its id, or a checklist file ending in `.yaml` or `.yml`",
            )
        }),
        None => Err(Diagnostic::error(
            "missing-key",
            file,
            Place::path("checklist"),
            "the answers file does not say which checklist it answers",
        )
        .with_hint("add `checklist: <id>` or pass `--checklist PATH|ID`")),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CHECKLIST: &str = include_str!("../checklists/dssg-executive.yaml");
    /// Answers to the newest edition of the bundled checklist.
    const ANSWERS: &str = include_str!("../examples/answers/ministry-uk.yaml");
    /// Answers to its first edition, `checklist_version: "1.0"`.
    const FIRST_EDITION: &str = include_str!("../examples/edition-1.0/answers/police-en-partial.yaml");

    fn source(name: &str, text: &str) -> Source {
        Source::from_bytes(name, text.as_bytes()).expect("UTF-8 text")
    }

    /// The kind probe, the `checklist:` key and the document come from one parse. The document
    /// reads `checklist_version: 1.0` and `"1.0"` alike, so when that names an older edition,
    /// only the header tells which edition the file picks: a second parse.
    #[test]
    fn a_valid_answers_file_is_parsed_once_unless_it_answers_an_older_edition() {
        for (text, edition, parses) in [(ANSWERS, "2.0", 1), (FIRST_EDITION, "1.0", 2)] {
            let answers = source("answers.yaml", text);
            let loaded = Parsed::new(answers.clone()).load(None, &Limits::default());
            assert_eq!(loaded.expect("valid").checklist.version(), edition);
            assert_eq!(answers.parses(), parses, "{edition}");
        }
    }

    /// `compare` reads each round's version before validating it: from the same parse.
    #[test]
    fn the_version_key_comes_from_the_same_parse() {
        let answers = source("answers.yaml", ANSWERS);
        let parsed = Parsed::new(answers.clone());
        assert_eq!(parsed.checklist_version().as_deref(), Some("2.0"));
        parsed.load(None, &Limits::default()).expect("valid");
        assert_eq!(answers.parses(), 1);
    }

    #[test]
    fn each_kind_is_parsed_once_by_validate() {
        for (name, text) in [("answers.yaml", ANSWERS), ("checklist.yaml", CHECKLIST)] {
            let file = source(name, text);
            any_of(&file, None, &Limits::default()).expect("valid");
            assert_eq!(file.parses(), 1, "{name}");
        }
    }

    /// An invalid file is parsed again, step by step, for the diagnostic the steps give:
    /// here the kind probe's, as before there was a single parse.
    #[test]
    fn an_invalid_file_gets_the_diagnostic_of_the_first_failing_step() {
        let checklist = source("checklist.yaml", CHECKLIST);
        let refused = Parsed::new(checklist)
            .load(None, &Limits::default())
            .expect_err("a checklist");
        assert_eq!(refused.0[0].code, "not-answers");
        let nameless = source(
            "answers.yaml",
            &ANSWERS.replace("checklist: dssg-executive", "checklist: ~"),
        );
        let missing = Parsed::new(nameless)
            .load(None, &Limits::default())
            .expect_err("no checklist");
        assert_eq!(
            (missing.0[0].code, &missing.0[0].place),
            ("missing-key", &Place::path("checklist"))
        );
    }
}
