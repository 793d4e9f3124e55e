//! The checklists compiled into the binary, and how a checklist named by id or path is found.
//!
//! An id resolves to a bundled checklist first, then to `./checklists/<id>.yaml` (or `.yml`);
//! anything that looks like a path (has a `/`, or ends in `.yaml`/`.yml`) is read as a file.

use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::model::Checklist;
use crate::source::{Limits, Source};
use crate::validate::{Validated, checklist};
use std::path::{Path, PathBuf};

/// A checklist shipped inside the binary.
pub struct Bundled {
    pub id: &'static str,
    pub text: &'static str,
}

/// Every bundled checklist; the file name under `checklists/` is the id.
pub const BUNDLED: &[Bundled] = &[Bundled {
    id: "dssg-executive",
    text: include_str!("../checklists/dssg-executive.yaml"),
}];

/// How the user named a checklist.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChecklistRef {
    Path(PathBuf),
    Id(String),
}

impl ChecklistRef {
    /// Reads `--checklist` or an answers file's `checklist:` value.
    pub fn parse(value: &str) -> ChecklistRef {
        let looks_like_path = value.contains('/')
            || value.contains('\\')
            || value.ends_with(".yaml")
            || value.ends_with(".yml");
        if looks_like_path {
            ChecklistRef::Path(PathBuf::from(value))
        } else {
            ChecklistRef::Id(value.to_owned())
        }
    }

    /// Finds, reads and validates the checklist.
    pub fn load(&self, limits: &Limits) -> Result<Validated<Checklist>, Diagnostics> {
        let source = match self {
            ChecklistRef::Path(path) => Source::read(path, limits)?,
            ChecklistRef::Id(id) => find_by_id(id, limits)?,
        };
        checklist::checklist(&source, limits)
    }
}

fn find_by_id(id: &str, limits: &Limits) -> Result<Source, Diagnostic> {
    if let Some(bundled) = BUNDLED.iter().find(|b| b.id == id) {
        return Source::from_bytes(&format!("<bundled>/{id}.yaml"), bundled.text.as_bytes());
    }
    let local = ["yaml", "yml"]
        .iter()
        .map(|ext| Path::new("checklists").join(format!("{id}.{ext}")))
        .find(|p| p.is_file());
    match local {
        Some(path) => Source::read(&path, limits),
        None => {
            let known: Vec<&str> = BUNDLED.iter().map(|b| b.id).collect();
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
