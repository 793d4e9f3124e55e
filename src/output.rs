//! Writing outputs safely: all of a run's files or none, each atomically, never over an input,
//! never over a file unasked.
//!
//! [`write_all`] writes every output to a temporary file beside its target and syncs it; only
//! when all of them are written are they renamed over their targets, one after the other. A
//! run that fails while writing (a full disk) therefore replaces nothing: the old outputs stay
//! as they were, a mixed set of new and old files cannot arise, and the temporary files are
//! removed. A rename is all that can fail after that, and then the error names exactly the
//! files already replaced.
//!
//! A temporary file is named `.oversight-<process id>-<random>.part`. A run killed before its
//! renames (SIGKILL, a power cut) leaves it behind; the next run that writes into that folder
//! removes every such file whose process no longer runs (on Linux, where `/proc` says which
//! do). Files of a live process, and of any process where that cannot be told, are left alone.

use crate::error::{Error, Result};
use std::io::Write;
use std::path::{Path, PathBuf};

/// What an output may and may not replace.
#[derive(Debug, Clone, Default)]
pub struct WritePolicy {
    /// Files read in this run; writing over one of them is refused.
    pub inputs: Vec<PathBuf>,
    /// Whether an existing file may be replaced.
    pub overwrite: bool,
}

const PREFIX: &str = ".oversight-";
const SUFFIX: &str = ".part";

/// Writes one output; see [`write_all`].
pub fn write_atomic(path: &Path, bytes: &[u8], policy: &WritePolicy) -> Result<()> {
    write_all(&[(path, bytes)], policy)
}

/// Writes every output, or none: each to a temporary file in its target's folder first, then,
/// once all are written and synced, renamed over the targets.
pub fn write_all(outputs: &[(&Path, &[u8])], policy: &WritePolicy) -> Result<()> {
    for (path, _) in outputs {
        allowed(path, policy)?;
    }
    let mut staged = Vec::with_capacity(outputs.len());
    for (path, bytes) in outputs {
        staged.push((*path, stage(path, bytes)?));
    }
    let mut replaced = Vec::new();
    for (path, temp) in staged {
        if let Err(error) = temp.persist(path) {
            let source = error.error;
            return Err(if replaced.is_empty() {
                Error::Write {
                    path: path.to_owned(),
                    source,
                }
            } else {
                Error::PartlyReplaced {
                    path: path.to_owned(),
                    replaced,
                    source,
                }
            });
        }
        replaced.push(path.to_owned());
    }
    Ok(())
}

/// Refuses a target that is an input of the run, or that exists when it may not be replaced.
fn allowed(path: &Path, policy: &WritePolicy) -> Result<()> {
    if policy.inputs.iter().any(|input| same_file(input, path)) {
        return Err(Error::OutputIsInput {
            path: path.to_owned(),
        });
    }
    if !policy.overwrite && path.exists() {
        return Err(Error::WouldOverwrite {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// The bytes written and synced to a temporary file beside `path`, which is removed again if
/// anything fails (or if it is dropped before being renamed).
fn stage(path: &Path, bytes: &[u8]) -> Result<tempfile::NamedTempFile> {
    let write_error = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder).map_err(write_error)?;
    remove_stale(folder);
    let prefix = format!("{PREFIX}{}-", std::process::id());
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(SUFFIX);
    #[cfg(unix)]
    {
        // Reports are for sharing: `rw-r--r--`, not the temporary file's private default.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut temp = builder.tempfile_in(folder).map_err(write_error)?;
    temp.write_all(bytes).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    Ok(temp)
}

/// Removes the temporary files that killed runs left in `folder`. Best effort: a file that
/// cannot be removed stays, and is tried again next time.
fn remove_stale(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let owner = name.to_str().and_then(owner_of);
        if owner.is_some_and(|pid| !is_running(pid)) {
            let _ = std::fs::remove_file(entry.path());
        }
    }
}

/// The process id in a temporary file's name, `.oversight-<pid>-<random>.part`.
fn owner_of(name: &str) -> Option<u32> {
    let middle = name.strip_prefix(PREFIX)?.strip_suffix(SUFFIX)?;
    let (pid, random) = middle.split_once('-')?;
    if random.is_empty() {
        return None;
    }
    pid.parse().ok()
}

/// Whether the process `pid` may still be writing. Where that cannot be told (no `/proc`), it
/// may.
fn is_running(pid: u32) -> bool {
    let proc = Path::new("/proc");
    !proc.join("self").exists() || proc.join(pid.to_string()).exists()
}

/// Whether two paths name the same file (after resolving links), or the same path if neither exists.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_temporary_file_names_its_process() {
        assert_eq!(owner_of(".oversight-4242-Ab12xY.part"), Some(4242));
        for other in [
            ".oversight-Ab12xY.part",
            ".oversight-4242-.part",
            "oversight-4242-Ab12xY.part",
            ".oversight-4242-Ab12xY.yaml",
            ".oversight-x-Ab12xY.part",
        ] {
            assert_eq!(owner_of(other), None, "{other}");
        }
    }

    #[test]
    fn this_process_runs() {
        assert!(is_running(std::process::id()));
    }
}
