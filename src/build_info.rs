//! Which build of `oversight` this is: its version, the commit it was built from and the build
//! date, as `build.rs` found them. `--version` prints it; every report records it in its
//! provenance, so a figure can be traced to the code that computed it.
//!
//! The build date is `SOURCE_DATE_EPOCH` or the commit's date, never the clock: building the
//! same commit twice gives the same binary, and the same reports.

use std::fmt;
use std::sync::OnceLock;

/// One build of the tool.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BuildInfo {
    /// The package version, such as `0.1.0`.
    pub version: &'static str,
    /// The git commit, 40 hex digits; `None` for a build from sources without git.
    pub commit: Option<&'static str>,
    /// `YYYY-MM-DD` (UTC); `None` when there was neither `SOURCE_DATE_EPOCH` nor a commit.
    pub date: Option<&'static str>,
}

/// This build.
pub const BUILD: BuildInfo = BuildInfo {
    version: crate::VERSION,
    commit: option_env!("OVERSIGHT_COMMIT"),
    date: option_env!("OVERSIGHT_BUILD_DATE"),
};

impl fmt::Display for BuildInfo {
    /// `0.1.0 (commit 3327b05c…, 2026-12-01)`, or `0.1.0 (no git commit, build date unknown)`.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} (", self.version)?;
        match self.commit {
            Some(commit) => write!(f, "commit {commit}, ")?,
            None => write!(f, "no git commit, ")?,
        }
        match self.date {
            Some(date) => write!(f, "{date})"),
            None => write!(f, "build date unknown)"),
        }
    }
}

/// [`BUILD`] as text, made once: what `--version` prints after the program's name.
pub fn version_line() -> &'static str {
    static LINE: OnceLock<String> = OnceLock::new();
    LINE.get_or_init(|| BUILD.to_string())
}

#[cfg(test)]
mod tests {
    use super::BuildInfo;

    #[test]
    fn says_what_is_known_and_what_is_not() {
        let full = BuildInfo {
            version: "1.2.3",
            commit: Some("0123456789abcdef0123456789abcdef01234567"),
            date: Some("2026-12-01"),
        };
        assert_eq!(
            full.to_string(),
            "1.2.3 (commit 0123456789abcdef0123456789abcdef01234567, 2026-12-01)"
        );
        let bare = BuildInfo {
            commit: None,
            date: None,
            ..full
        };
        assert_eq!(bare.to_string(), "1.2.3 (no git commit, build date unknown)");
        let dated = BuildInfo { commit: None, ..full };
        assert_eq!(dated.to_string(), "1.2.3 (no git commit, 2026-12-01)");
    }
}
