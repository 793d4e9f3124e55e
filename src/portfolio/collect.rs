//! Reading and scoring many answers files in parallel, against one checklist.
//!
//! A folder stands for every `*.yaml` and `*.yml` entry directly in it, in name order; a file
//! reached under several names counts once. The files
//! are read, validated and scored on rayon's thread pool; a file that fails becomes a
//! [`Skipped`] with its diagnostics and never stops the others.
//!
//! The checklist is the one given (`--checklist`), else the one most files name in their
//! `checklist:` key (on a tie, the one named by the first file in path order). Every file is
//! validated against it, so a file for another checklist id or version is skipped with
//! `checklist-mismatch` or `version-mismatch`.

use super::{Member, Skipped};
use crate::catalog::ChecklistRef;
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::load;
use crate::model::Checklist;
use crate::source::{Limits, Source};
use crate::validate::{Validated, answers};
use rayon::prelude::*;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};

/// The stages of [`collect`], for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading each file and telling which checklist it answers.
    Reading,
    /// Validating each file against the checklist and scoring it.
    Scoring,
}

/// What the caller sees of the work as it goes: a progress bar, or nothing (`()`).
pub trait Progress: Sync {
    /// A stage starts with `total` files to go through.
    fn stage(&self, stage: Stage, total: usize);
    /// One more file of the current stage is done (called from any thread).
    fn tick(&self);
}

impl Progress for () {
    fn stage(&self, _: Stage, _: usize) {}
    fn tick(&self) {}
}

/// The scored files, the skipped ones, and the checklist they were scored against.
#[derive(Debug, Clone)]
pub struct Collected {
    pub checklist: Checklist,
    /// Warnings found in the checklist.
    pub checklist_warnings: Diagnostics,
    /// In the order of the files given.
    pub members: Vec<Member>,
    pub skipped: Vec<Skipped>,
}

/// The answers files that the arguments name.
#[derive(Debug, Clone, Default)]
pub struct Expanded {
    /// Each file once, in the order found.
    pub files: Vec<PathBuf>,
    /// Folders that hold no answers file or cannot be listed.
    pub skipped: Vec<Skipped>,
    /// `same-file-twice`: a file reached again under another name, counted once.
    pub warnings: Diagnostics,
}

/// The files named by the arguments: a file as given, a folder as every entry directly in it
/// named `*.yaml` or `*.yml`, in name order. Entries that are not regular files (a FIFO, a
/// device, a link to nowhere or to itself) are kept, so that reading them reports why they
/// are left out. A file reached twice, under any name (`a.yaml`, `./a.yaml`, a link to it), is
/// kept once, by its path with every link resolved.
pub fn expand(arguments: &[PathBuf]) -> Expanded {
    let mut expanded = Expanded::default();
    let mut seen: HashMap<PathBuf, String> = HashMap::new();
    for argument in arguments {
        let found = if argument.is_dir() {
            yaml_files(argument)
        } else {
            Ok(vec![argument.clone()])
        };
        match found {
            Ok(found) => {
                for file in found {
                    expanded.add(file, &mut seen);
                }
            }
            Err(message) => expanded.skipped.push(Skipped {
                file: argument.display().to_string(),
                diagnostics: Diagnostic::error(
                    "unreadable-file",
                    &argument.display().to_string(),
                    Place::File,
                    message,
                )
                .into(),
            }),
        }
    }
    expanded
}

impl Expanded {
    /// Keeps `file` unless it was seen under another name; `seen` maps resolved paths to the
    /// name first seen.
    fn add(&mut self, file: PathBuf, seen: &mut HashMap<PathBuf, String>) {
        let name = file.display().to_string();
        let resolved = file.canonicalize().unwrap_or_else(|_| file.clone());
        match seen.entry(resolved) {
            Entry::Occupied(first) => self.warnings.push(
                Diagnostic::warning(
                    "same-file-twice",
                    &name,
                    Place::File,
                    format!("this is the file `{}` again; it is counted once", first.get()),
                )
                .with_hint("each file is read once, however many names lead to it"),
            ),
            Entry::Vacant(slot) => {
                slot.insert(name);
                self.files.push(file);
            }
        }
    }
}

fn yaml_files(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let listing_error = |e: std::io::Error| format!("cannot list the folder: {e}");
    let mut files = Vec::new();
    for entry in std::fs::read_dir(folder).map_err(listing_error)? {
        let path = entry.map_err(listing_error)?.path();
        let yaml = path
            .extension()
            .and_then(|e| e.to_str())
            .is_some_and(|e| e.eq_ignore_ascii_case("yaml") || e.eq_ignore_ascii_case("yml"));
        if yaml {
            files.push(path);
        }
    }
    if files.is_empty() {
        return Err("the folder holds no `.yaml` or `.yml` file".to_owned());
    }
    files.sort();
    Ok(files)
}

/// Reads, validates and scores every file against one checklist, in parallel. Fails only when
/// there is no checklist to score against (it cannot be loaded, or no file names one), with
/// the diagnostics of the files that could not be read as well.
pub fn collect(
    files: &[PathBuf],
    checklist: Option<&ChecklistRef>,
    limits: &Limits,
    scoring: &crate::score::ScoreOptions,
    progress: &dyn Progress,
) -> Result<Collected, Diagnostics> {
    progress.stage(Stage::Reading, files.len());
    // Each file, and the checklist it names when the caller did not give one.
    let sources: Vec<Result<(Source, Option<ChecklistRef>), Skipped>> = files
        .par_iter()
        .map(|path| {
            let read = load::answers_source(path, limits)
                .map(|source| {
                    let named = checklist
                        .is_none()
                        .then(|| load::checklist_ref(&source).ok())
                        .flatten();
                    (source, named)
                })
                .map_err(|diagnostics| Skipped {
                    file: path.display().to_string(),
                    diagnostics,
                });
            progress.tick();
            read
        })
        .collect();
    let mut skipped = Vec::new();
    let mut read = Vec::new();
    for source in sources {
        match source {
            Ok(source) => read.push(source),
            Err(failed) => skipped.push(failed),
        }
    }
    let Validated {
        value: checklist,
        warnings: checklist_warnings,
    } = match checklist {
        Some(reference) => reference.load(limits),
        None => most_named_checklist(&read, limits),
    }
    .map_err(|failed| {
        let mut all = Diagnostics::default();
        for skipped in skipped.iter().cloned() {
            all.extend(skipped.diagnostics);
        }
        all.extend(failed);
        all
    })?;

    progress.stage(Stage::Scoring, read.len());
    let scored: Vec<Result<Member, Skipped>> = read
        .par_iter()
        .map(|(source, _)| {
            let member = answers::answers(source, &checklist)
                .map(|validated| Member {
                    scorecard: crate::score::score_with(&checklist, &validated.value, scoring),
                    assessment: validated.value,
                    warnings: validated.warnings,
                })
                .map_err(|diagnostics| Skipped {
                    file: source.name.clone(),
                    diagnostics,
                });
            progress.tick();
            member
        })
        .collect();
    let mut members = Vec::new();
    for member in scored {
        match member {
            Ok(member) => members.push(member),
            Err(failed) => skipped.push(failed),
        }
    }
    Ok(Collected {
        checklist,
        checklist_warnings,
        members,
        skipped,
    })
}

/// The checklist most files name, loaded. A file whose `checklist:` key cannot be read does not
/// count here; its validation reports the problem.
fn most_named_checklist(
    sources: &[(Source, Option<ChecklistRef>)],
    limits: &Limits,
) -> Result<Validated<Checklist>, Diagnostics> {
    // (what is named, how many files name it, the first of them in path order)
    let mut named: Vec<(&ChecklistRef, usize, &Source)> = Vec::new();
    for (source, reference) in sources {
        let Some(reference) = reference else { continue };
        match named.iter_mut().find(|(r, _, _)| *r == reference) {
            Some((_, count, first)) => {
                *count += 1;
                if source.name < first.name {
                    *first = source;
                }
            }
            None => named.push((reference, 1, source)),
        }
    }
    let chosen = named
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.2.name.cmp(&a.2.name)));
    match chosen {
        Some((_, _, source)) => load::named_checklist(source, limits),
        // No file names a checklist it can be read from: say why for each.
        None => Err(Diagnostics(
            sources
                .iter()
                .filter_map(|(source, _)| load::checklist_ref(source).err())
                .collect(),
        )),
    }
}
