//! The checklists compiled into the binary, and how a checklist named by id or path is found.
//!
//! An id resolves to a bundled checklist first, then to `./checklists/<id>.yaml` (or `.yml`).
//! A bundled checklist may come in several editions: an answers file's `checklist_version`
//! picks its edition, and an id alone (`init`, `oversight checklists`) the newest;
//! anything that looks like a path (has a `/`, or ends in `.yaml`/`.yml`) is read as a file.
//! The command line may name any file (`-` for standard input). An answers file, which may come
//! from anyone, may name only an id or a `.yaml`/`.yml` file, and when that file turns out not
//! to be a checklist the error says so without quoting a word of it: a crafted answers file
//! must not get another file of the machine printed, or copied into a portfolio's outputs.

use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::model::Checklist;
use crate::source::{DocumentKind, Limits, Source};
use crate::validate::{Validated, checklist};
use std::path::{Path, PathBuf};

/// A checklist shipped inside the binary: one edition of it.
pub struct Bundled {
    pub id: &'static str,
    pub version: &'static str,
    /// Its name in messages and reports: the file under `checklists/`.
    pub name: &'static str,
    pub text: &'static str,
}

/// Every bundled checklist, newest edition of each id first. The newest is
/// `checklists/<id>.yaml`, an earlier one `checklists/<id>-<version>.yaml`.
pub const BUNDLED: &[Bundled] = &[
    Bundled {
        id: "dssg-executive",
        version: "2.0",
        name: "<bundled>/dssg-executive.yaml",
        text: include_str!("../checklists/dssg-executive.yaml"),
    },
    Bundled {
        id: "dssg-executive",
        version: "1.0",
        name: "<bundled>/dssg-executive-1.0.yaml",
        text: include_str!("../checklists/dssg-executive-1.0.yaml"),
    },
];

/// The bundled edition of `id` for `version`, else its newest edition.
pub fn bundled(id: &str, version: Option<&str>) -> Option<&'static Bundled> {
    let mut editions = BUNDLED.iter().filter(|b| b.id == id).peekable();
    let newest = *editions.peek()?;
    Some(editions.find(|b| Some(b.version) == version).unwrap_or(newest))
}

/// How the user named a checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChecklistRef {
    Path(PathBuf),
    Id(String),
}

impl ChecklistRef {
    /// Reads `--checklist` or the argument of `init`: an id, a path, or `-` for standard input.
    pub fn parse(value: &str) -> ChecklistRef {
        if looks_like_path(value) || value == crate::source::read::STDIN_ARGUMENT {
            ChecklistRef::Path(PathBuf::from(value))
        } else {
            ChecklistRef::Id(value.to_owned())
        }
    }

    /// Reads an answers file's `checklist:` value: an id, or the path of a `.yaml` or `.yml`
    /// file that is one after following links. Anything else is refused with the reason.
    pub fn named_in_answers(value: &str) -> Result<ChecklistRef, String> {
        if !looks_like_path(value) {
            return Ok(ChecklistRef::Id(value.to_owned()));
        }
        let path = Path::new(value);
        if !has_yaml_extension(path) {
            return Err(format!(
                "`{value}` is neither a checklist id nor the path of a `.yaml` or `.yml` file"
            ));
        }
        match path.canonicalize() {
            Ok(real) if !has_yaml_extension(&real) => Err(format!(
                "`{value}` leads to `{}`, which is not a `.yaml` or `.yml` file",
                real.display()
            )),
            _ => Ok(ChecklistRef::Path(path.to_owned())),
        }
    }

    /// Finds, reads and validates the checklist (a bundled one's newest edition).
    pub fn load(&self, limits: &Limits) -> Result<Validated<Checklist>, Diagnostics> {
        self.load_edition(limits, None)
    }

    /// Finds, reads and validates the checklist; a bundled one in the edition `version` when
    /// it has one, else its newest.
    pub fn load_edition(
        &self,
        limits: &Limits,
        version: Option<&str>,
    ) -> Result<Validated<Checklist>, Diagnostics> {
        checklist::checklist(&self.source(limits, version)?, limits)
    }

    /// Finds, reads and validates the checklist an answers file names. A named file that is
    /// not a checklist by its top-level keys gets `not-a-checklist`, which quotes none of it;
    /// only errors of the YAML's shape (`yaml-syntax`, `too-complex`), which quote nothing,
    /// are passed on as they are.
    pub fn load_named(
        &self,
        limits: &Limits,
        version: Option<&str>,
    ) -> Result<Validated<Checklist>, Diagnostics> {
        let source = self.source(limits, version)?;
        if let ChecklistRef::Path(_) = self {
            // A file that parses as a checklist is one by its keys: no need to probe them.
            if let Ok(doc) = source.parse() {
                return checklist::check(doc, &source, limits);
            }
            match source.kind() {
                Ok(DocumentKind::Checklist) => {}
                Err(shape) if ["yaml-syntax", "too-complex"].contains(&shape.code) => {
                    return Err(shape.into());
                }
                _ => {
                    return Err(Diagnostic::error(
                        "not-a-checklist",
                        &source.name,
                        Place::File,
                        format!("`{}` is not a checklist; its content is not shown", source.name),
                    )
                    .with_hint("a checklist has the top-level keys `sections` and `scales`")
                    .into());
                }
            }
        }
        checklist::checklist(&source, limits)
    }

    fn source(&self, limits: &Limits, version: Option<&str>) -> Result<Source, Diagnostic> {
        match self {
            ChecklistRef::Path(path) => Source::read(path, limits),
            ChecklistRef::Id(id) => find_by_id(id, version, limits),
        }
    }
}

fn looks_like_path(value: &str) -> bool {
    value.contains('/') || value.contains('\\') || has_yaml_extension(Path::new(value))
}

fn has_yaml_extension(path: &Path) -> bool {
    path.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| e == "yaml" || e == "yml")
}

fn find_by_id(id: &str, version: Option<&str>, limits: &Limits) -> Result<Source, Diagnostic> {
    if let Some(bundled) = bundled(id, version) {
        return Source::from_bytes(bundled.name, bundled.text.as_bytes());
    }
    let local = ["yaml", "yml"]
        .iter()
        .map(|ext| Path::new("checklists").join(format!("{id}.{ext}")))
        .find(|p| p.is_file());
    match local {
        Some(path) => Source::read(&path, limits),
        None => {
            let mut known: Vec<&str> = BUNDLED.iter().map(|b| b.id).collect();
            known.dedup();
            Err(Diagnostic::error(
                "unknown-checklist",
                "<command line>",
                Place::File,
                format!("no checklist has the id `{id}`"),
            )
            .with_hint(format!(
                "bundled: {}; a local one must be `checklists/{id}.yaml`, or pass a path with `--checklist`",
                known.join(", ")
            )))
        }
    }
}
