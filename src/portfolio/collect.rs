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
//!
//! The files stream through one pass: each is read, parsed once ([`load::parsed_answers`]),
//! validated and scored by one worker, which keeps only its [`Member`] (a row of the
//! portfolio) and drops the text and the answers. Without `--checklist`, the pass scores
//! against the checklist named by the first file a worker reads, and notes what each file names;
//! should most files name another, a second pass scores them all against that one. Either way
//! each file is validated against the checklist most files name, as if it had been known from
//! the start.

use super::{Member, Skipped};
use crate::catalog::ChecklistRef;
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::load;
use crate::model::{AnswersDoc, Checklist};
use crate::source::{Limits, Source};
use crate::validate::{Validated, answers};
use rayon::prelude::*;
use std::collections::HashMap;
use std::collections::hash_map::Entry;
use std::path::{Path, PathBuf};
use std::sync::OnceLock;

/// The stages of [`collect`], for a progress display.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading, validating and scoring each file.
    Scoring,
    /// Scoring each file again, against the checklist most files name, which is not the one the
    /// first pass scored against.
    Rescoring,
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
    let pass = |stage, against: &Against| {
        progress.stage(stage, files.len());
        let each = |path: &PathBuf| {
            let outcome = one_file(path, against, limits, scoring);
            progress.tick();
            outcome
        };
        files.par_iter().map(each).collect::<Vec<Outcome>>()
    };
    let (chosen, outcomes) = match checklist {
        Some(reference) => {
            let given = reference.load(limits);
            let outcomes = pass(Stage::Scoring, &Against::Given(given.as_ref().ok()));
            (given, outcomes)
        }
        None => against_the_most_named(&pass, files, limits, scoring)?,
    };
    finish(chosen, outcomes)
}

/// A checklist loaded, or why it could not be.
type Chosen = Result<Validated<Checklist>, Diagnostics>;

/// One pass over the files, against a checklist.
type Pass<'a> = dyn Fn(Stage, &Against) -> Vec<Outcome> + 'a;

/// Without `--checklist`: a pass against the checklist the first file read names, then, if
/// most files name another, a second pass against that one. Fails when no file names one.
fn against_the_most_named(
    pass: &Pass,
    files: &[PathBuf],
    limits: &Limits,
    scoring: &crate::score::ScoreOptions,
) -> Result<(Chosen, Vec<Outcome>), Diagnostics> {
    let first = OnceLock::new();
    let outcomes = pass(Stage::Scoring, &Against::FirstNamed(&first, limits));
    let Some((reference, file, version)) = most_named(&outcomes) else {
        return Err(unnamed(&outcomes));
    };
    Ok(match first.into_inner() {
        Some(((guessed, edition), loaded)) if guessed == reference && edition == version => {
            let outcomes = match &loaded {
                Ok(validated) => score_the_rest(outcomes, files, validated, limits, scoring),
                Err(_) => outcomes,
            };
            let loaded = loaded.map_err(|d| load::point_at_checklist_key(d, &file));
            (loaded, outcomes)
        }
        _ => {
            let chosen = load::load_named(&reference, version.as_deref(), &file, limits);
            let outcomes = match &chosen {
                Ok(validated) => pass(Stage::Rescoring, &Against::Given(Some(validated))),
                Err(_) => outcomes,
            };
            (chosen, outcomes)
        }
    })
}

/// Scores the files that were read before any worker had found the checklist to score against
/// (those whose own `checklist:` key could not be read), reading them again.
fn score_the_rest(
    outcomes: Vec<Outcome>,
    files: &[PathBuf],
    checklist: &Validated<Checklist>,
    limits: &Limits,
    scoring: &crate::score::ScoreOptions,
) -> Vec<Outcome> {
    let against = Against::Given(Some(checklist));
    outcomes
        .into_iter()
        .zip(files)
        .map(|(outcome, path)| match outcome {
            Outcome::Read { scored: None, .. } => one_file(path, &against, limits, scoring),
            done => done,
        })
        .collect()
}

/// The checklist a pass scores against.
enum Against<'a> {
    /// Loaded before the pass; `None` if it could not be (the pass then only reads).
    Given(Option<&'a Validated<Checklist>>),
    /// The one named by the first file a worker reads, loaded by that worker.
    FirstNamed(&'a OnceLock<(Named, Chosen)>, &'a Limits),
}

impl Against<'_> {
    fn checklist(&self, named: Option<&Named>) -> Option<&Checklist> {
        let validated = match self {
            Against::Given(given) => *given,
            Against::FirstNamed(first, limits) => {
                let loaded = match (first.get(), named) {
                    (Some(loaded), _) => loaded,
                    (None, Some(named)) => first.get_or_init(|| {
                        let (reference, version) = named;
                        (named.clone(), reference.load_named(limits, version.as_deref()))
                    }),
                    (None, None) => return None,
                };
                loaded.1.as_ref().ok()
            }
        };
        validated.map(|v| &v.value)
    }
}

/// The checklist a file names, and the version that picks a bundled checklist's edition.
type Named = (ChecklistRef, Option<String>);

/// What became of one file in a pass.
enum Outcome {
    /// It could not be read, or is not an answers file.
    Unread(Skipped),
    Read {
        file: String,
        /// What it names, when no checklist was given.
        named: Option<Result<Named, Diagnostic>>,
        /// Scored or skipped, if the pass had a checklist.
        scored: Option<Result<Box<Member>, Skipped>>,
    },
}

/// Reads, parses, validates and scores one file, keeping only its portfolio row.
fn one_file(
    path: &Path,
    against: &Against,
    limits: &Limits,
    scoring: &crate::score::ScoreOptions,
) -> Outcome {
    match Source::read(path, limits) {
        Ok(source) => one_source(&source, against, scoring),
        Err(unread) => Outcome::Unread(Skipped {
            file: path.display().to_string(),
            diagnostics: unread.into(),
        }),
    }
}

/// [`one_file`] for a file already read.
fn one_source(source: &Source, against: &Against, scoring: &crate::score::ScoreOptions) -> Outcome {
    let doc = load::parsed_answers(source);
    if doc.is_none()
        && let Err(not_answers) = load::refuse_checklist(source)
    {
        return Outcome::Unread(Skipped {
            file: source.name.clone(),
            diagnostics: not_answers.into(),
        });
    }
    let named = match against {
        Against::Given(_) => None,
        Against::FirstNamed(..) => Some(load::named_by(source, doc.as_ref())),
    };
    let checklist = against.checklist(named.as_ref().and_then(|n| n.as_ref().ok()));
    let scored = checklist.map(|checklist| score(source, doc, checklist, scoring));
    Outcome::Read {
        file: source.name.clone(),
        named,
        scored,
    }
}

fn score(
    source: &Source,
    doc: Option<AnswersDoc>,
    checklist: &Checklist,
    scoring: &crate::score::ScoreOptions,
) -> Result<Box<Member>, Skipped> {
    let validated = match doc {
        Some(doc) => answers::check(doc, source, checklist),
        None => answers::answers(source, checklist),
    };
    validated
        .map(|Validated { value, warnings }| {
            let scorecard = crate::score::score_with(checklist, &value, scoring);
            Box::new(Member::new(&value, scorecard, warnings))
        })
        .map_err(|diagnostics| Skipped {
            file: source.name.clone(),
            diagnostics,
        })
}

/// The members and skipped files of the last pass, or, if the checklist could not be loaded,
/// its diagnostics after those of the files that could not be read.
fn finish(chosen: Chosen, outcomes: Vec<Outcome>) -> Result<Collected, Diagnostics> {
    let mut skipped = Vec::new();
    let mut members = Vec::new();
    let mut scored = Vec::new();
    for outcome in outcomes {
        match outcome {
            Outcome::Unread(failed) => skipped.push(failed),
            Outcome::Read { scored: Some(s), .. } => scored.push(s),
            Outcome::Read { scored: None, .. } => {}
        }
    }
    let Validated {
        value: checklist,
        warnings: checklist_warnings,
    } = chosen.map_err(|failed| {
        let mut all = Diagnostics::default();
        for unread in &skipped {
            all.extend(unread.diagnostics.clone());
        }
        all.extend(failed);
        all
    })?;
    for one in scored {
        match one {
            Ok(member) => members.push(*member),
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

/// The checklist most files name, and the first file in path order that names it; `None` if
/// no file names one it can be read from. A file whose `checklist:` key cannot be read does not
/// count here; its validation reports the problem.
fn most_named(outcomes: &[Outcome]) -> Option<(ChecklistRef, String, Option<String>)> {
    // (what is named, how many files name it, the first of them in path order, its version)
    let mut named: Vec<(&ChecklistRef, usize, &str, &Option<String>)> = Vec::new();
    for outcome in outcomes {
        let Outcome::Read {
            file,
            named: Some(Ok((reference, version))),
            ..
        } = outcome
        else {
            continue;
        };
        match named.iter_mut().find(|(r, ..)| *r == reference) {
            Some((_, count, first, first_version)) => {
                *count += 1;
                if file.as_str() < *first {
                    (*first, *first_version) = (file, version);
                }
            }
            None => named.push((reference, 1, file, version)),
        }
    }
    let chosen = named
        .iter()
        .max_by(|a, b| a.1.cmp(&b.1).then_with(|| b.2.cmp(a.2)));
    chosen.map(|(reference, _, file, version)| ((*reference).clone(), (*file).to_owned(), (*version).clone()))
}

/// Why no file names a checklist it can be read from: the error of each.
fn unnamed(outcomes: &[Outcome]) -> Diagnostics {
    Diagnostics(
        outcomes
            .iter()
            .filter_map(|outcome| match outcome {
                Outcome::Read {
                    named: Some(Err(why)),
                    ..
                } => Some(why.clone()),
                _ => None,
            })
            .collect(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reading the `checklist:` key, validating and scoring take one parse of the file, with the
    /// checklist found from it (the first file) or given.
    #[test]
    fn each_file_is_parsed_once() {
        let text = include_str!("../../examples/answers/ministry-uk.yaml");
        let limits = Limits::default();
        let first = OnceLock::new();
        let given = ChecklistRef::Id("dssg-executive".to_owned())
            .load(&limits)
            .expect("bundled");
        for against in [Against::FirstNamed(&first, &limits), Against::Given(Some(&given))] {
            let source = Source::from_bytes("police.yaml", text.as_bytes()).expect("UTF-8");
            let outcome = one_source(&source, &against, &Default::default());
            assert!(matches!(
                outcome,
                Outcome::Read {
                    scored: Some(Ok(_)),
                    ..
                }
            ));
            assert_eq!(source.parses(), 1);
        }
    }
}
