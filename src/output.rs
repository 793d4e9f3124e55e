//! Writing outputs safely: atomically, never over an input, never over a file unasked.

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

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename, so a
/// failed run leaves either the old file or nothing, never half a file.
pub fn write_atomic(path: &Path, bytes: &[u8], policy: &WritePolicy) -> Result<()> {
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
    let write_error = |source| Error::Write {
        path: path.to_owned(),
        source,
    };
    let folder = match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    };
    std::fs::create_dir_all(folder).map_err(write_error)?;
    let mut builder = tempfile::Builder::new();
    builder.prefix(".oversight-").suffix(".part");
    #[cfg(unix)]
    {
        // Reports are for sharing: `rw-r--r--`, not the temporary file's private default.
        use std::os::unix::fs::PermissionsExt;
        builder.permissions(std::fs::Permissions::from_mode(0o644));
    }
    let mut temp = builder.tempfile_in(folder).map_err(write_error)?;
    temp.write_all(bytes).map_err(write_error)?;
    temp.as_file().sync_all().map_err(write_error)?;
    temp.persist(path).map_err(|e| write_error(e.error))?;
    Ok(())
}

/// Whether two paths name the same file (after resolving links), or the same path if neither exists.
fn same_file(a: &Path, b: &Path) -> bool {
    match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    }
}
