//! Several answers files read together, for `compare` and `consolidate`: each validated against
//! its checklist with every file's problems reported at once, and the rules the set must meet.
//!
//! - `different-checklists` (error): a file answers another checklist id than the first file.
//! - `different-versions` (error): a file answers another checklist version than the first
//!   file; `compare --allow-version-change` lifts it.
//! - `different-organisations` (warning): the organisation's name differs from the first file's
//!   in one of the checklist's languages (white space aside).
//! - `same-answers-twice` (warning): two files have the same bytes.
//! - `rounds-out-of-order` (warning, `compare`): the old round is dated after the new one.

use crate::catalog::ChecklistRef;
use crate::compare::same_words;
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::load::{Loaded, Parsed};
use crate::source::Limits;
use std::path::{Path, PathBuf};

/// Valid answers files with the warnings found in them and in the set.
#[derive(Debug, Clone)]
pub struct Set {
    pub loaded: Vec<Loaded>,
    pub warnings: Diagnostics,
}

/// How `compare` finds the checklist of each round.
#[derive(Debug, Clone, Default)]
pub struct RoundsOptions {
    /// `--checklist`: the new round's checklist (and the old one's, unless versions may differ).
    pub checklist: Option<ChecklistRef>,
    /// `--old-checklist`: the old round's checklist.
    pub old_checklist: Option<ChecklistRef>,
    /// `--allow-version-change`: each round is validated against its own checklist version.
    pub allow_version_change: bool,
}

const ROUNDS_VERSION_HINT: &str = "to compare rounds of different checklist versions, add `--allow-version-change` (give the old version with `--old-checklist` if the old answers do not name its file); rows that changed are then marked not directly comparable";
const ASSESSORS_VERSION_HINT: &str = "consolidate answers to one checklist version";

/// The two rounds of `compare`: `loaded[0]` the old one, `loaded[1]` the new one.
pub fn rounds(old: &Path, new: &Path, options: &RoundsOptions, limits: &Limits) -> Result<Set, Diagnostics> {
    let (old, new) = (Parsed::read(old, limits), Parsed::read(new, limits));
    if !options.allow_version_change {
        refuse_version_change(old.as_ref().ok(), new.as_ref().ok())?;
    }
    let old_checklist = options
        .old_checklist
        .as_ref()
        .or(if options.allow_version_change {
            None
        } else {
            options.checklist.as_ref()
        });
    let mut set = load_all(
        vec![(old, old_checklist), (new, options.checklist.as_ref())],
        limits,
        options.allow_version_change,
        ROUNDS_VERSION_HINT,
    )?;
    let (old, new) = (&set.loaded[0].assessment, &set.loaded[1].assessment);
    if old.assessed_on() > new.assessed_on() {
        set.warnings.push(
            Diagnostic::warning(
                "rounds-out-of-order",
                &old.origin,
                Place::path("assessed_on"),
                format!(
                    "the old round is dated {}, after the new round `{}` ({})",
                    old.assessed_on(),
                    new.origin,
                    new.assessed_on()
                ),
            )
            .with_hint("give the older round first: `oversight compare OLD NEW`"),
        );
    }
    Ok(set)
}

/// The answers files of `consolidate`, each against `--checklist` or the checklist it names; all
/// must answer the same checklist version.
pub fn assessors(
    files: &[PathBuf],
    checklist: Option<&ChecklistRef>,
    limits: &Limits,
) -> Result<Set, Diagnostics> {
    let files = files
        .iter()
        .map(|f| (Parsed::read(f, limits), checklist))
        .collect();
    load_all(files, limits, false, ASSESSORS_VERSION_HINT)
}

/// Loads every file, then applies the set rules; fails with every error of every file.
fn load_all(
    files: Vec<(Result<Parsed, Diagnostic>, Option<&ChecklistRef>)>,
    limits: &Limits,
    allow_version_change: bool,
    version_hint: &str,
) -> Result<Set, Diagnostics> {
    let mut errors = Diagnostics::default();
    let mut loaded = Vec::new();
    for (parsed, checklist) in files {
        match parsed
            .map_err(Diagnostics::from)
            .and_then(|p| p.load(checklist, limits))
        {
            Ok(one) => loaded.push(one),
            Err(diagnostics) => errors.extend(diagnostics),
        }
    }
    if errors.has_errors() {
        return Err(errors);
    }
    let mut warnings = Diagnostics::default();
    for one in &loaded {
        warnings.extend(one.warnings.clone());
    }
    warnings.extend(set_rules(&loaded, allow_version_change, version_hint));
    if warnings.has_errors() {
        return Err(warnings);
    }
    Ok(Set { loaded, warnings })
}

fn set_rules(loaded: &[Loaded], allow_version_change: bool, version_hint: &str) -> Diagnostics {
    let mut found = Diagnostics::default();
    let Some(first) = loaded.first() else {
        return found;
    };
    let (checklist, origin) = (&first.checklist, &first.assessment.origin);
    for (i, other) in loaded.iter().enumerate().skip(1) {
        let file = &other.assessment.origin;
        if other.checklist.id() != checklist.id() {
            found.push(
                Diagnostic::error(
                    "different-checklists",
                    file,
                    Place::path("checklist"),
                    format!(
                        "these answers are to the checklist `{}`, but `{origin}` answers `{}`",
                        other.checklist.id(),
                        checklist.id()
                    ),
                )
                .with_hint("only answers to the same checklist can be read together"),
            );
        } else if other.checklist.version() != checklist.version() && !allow_version_change {
            found.push(different_versions(
                file,
                other.checklist.version(),
                origin,
                checklist.version(),
                version_hint,
            ));
        }
        let differs = checklist.languages().iter().any(|lang| {
            let name = |l: &Loaded| {
                l.assessment
                    .organisation()
                    .get(lang, l.checklist.default_language())
                    .to_owned()
            };
            !same_words(&name(first), &name(other))
        });
        if differs {
            let lang = checklist.default_language();
            found.push(
                Diagnostic::warning(
                    "different-organisations",
                    file,
                    Place::path("organisation"),
                    format!(
                        "the organisation `{}` differs from `{}` in `{origin}`",
                        other.assessment.organisation().get(lang, lang),
                        first.assessment.organisation().get(lang, lang)
                    ),
                )
                .with_hint("check that every file assesses the same organisation"),
            );
        }
        if let Some(twin) = loaded[..i]
            .iter()
            .find(|l| l.assessment.sha256 == other.assessment.sha256)
        {
            found.push(
                Diagnostic::warning(
                    "same-answers-twice",
                    file,
                    Place::File,
                    format!("this file has the same content as `{}`", twin.assessment.origin),
                )
                .with_hint(
                    "each file counts as a separate assessor or round; check that the right files were given",
                ),
            );
        }
    }
    found
}

fn different_versions(file: &str, version: &str, first: &str, first_version: &str, hint: &str) -> Diagnostic {
    Diagnostic::error(
        "different-versions",
        file,
        Place::path("checklist_version"),
        format!("these answers are to version `{version}` of the checklist, but `{first}` answers version `{first_version}`"),
    )
    .with_hint(hint)
}

/// Refuses rounds of different checklist versions from their `checklist_version:` keys, before
/// either is validated against a checklist that would not fit it.
fn refuse_version_change(old: Option<&Parsed>, new: Option<&Parsed>) -> Result<(), Diagnostics> {
    fn header(parsed: Option<&Parsed>) -> Option<(&str, String)> {
        Some((&parsed?.source.name, parsed?.checklist_version()?))
    }
    match (header(old), header(new)) {
        (Some((old_name, old_version)), Some((new_name, new_version))) if old_version != new_version => {
            Err(different_versions(
                new_name,
                &new_version,
                old_name,
                &old_version,
                ROUNDS_VERSION_HINT,
            )
            .into())
        }
        _ => Ok(()),
    }
}
