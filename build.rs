//! Tells cargo what to rebuild on, and records which build this is for `--version` and the
//! reports' provenance (`src/build_info.rs`).
//!
//! `include_dir!` cannot tell cargo about new files, hence the folders below. The build is
//! described by two variables, each set only when it is known:
//!
//! - `OVERSIGHT_COMMIT`: the commit checked out (`git rev-parse HEAD`); unset without git or
//!   outside a repository (a source tarball, a vendored copy without `.git`). Uncommitted changes
//!   are not marked.
//! - `OVERSIGHT_BUILD_DATE`: `YYYY-MM-DD` in UTC, from `SOURCE_DATE_EPOCH` if set, else the
//!   commit's date; never the clock, so that the same sources give the same binary.

use std::path::PathBuf;
use std::process::Command;

fn main() {
    for folder in ["report-templates", "checklists", "assets"] {
        println!("cargo:rerun-if-changed={folder}");
    }
    println!("cargo:rerun-if-env-changed=SOURCE_DATE_EPOCH");
    watch_git_head();
    if let Some(commit) = git(&["rev-parse", "HEAD"]) {
        println!("cargo:rustc-env=OVERSIGHT_COMMIT={commit}");
    }
    let epoch = std::env::var("SOURCE_DATE_EPOCH")
        .ok()
        .or_else(|| git(&["log", "-1", "--format=%ct"]));
    if let Some(date) = epoch
        .and_then(|seconds| seconds.trim().parse().ok())
        .map(utc_date)
    {
        println!("cargo:rustc-env=OVERSIGHT_BUILD_DATE={date}");
    }
}

/// The trimmed output of a successful git command run in the package folder.
fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git").args(args).output().ok()?;
    let text = String::from_utf8(output.stdout).ok()?;
    (output.status.success() && !text.trim().is_empty()).then(|| text.trim().to_owned())
}

/// Rebuilds when another commit is checked out or the branch moves: git's `HEAD`, the branch's
/// ref file and `packed-refs` (only files that exist: cargo reruns on a missing one every time).
fn watch_git_head() {
    let Some(git_dir) = git(&["rev-parse", "--git-dir"]) else {
        return;
    };
    let common = git(&["rev-parse", "--git-common-dir"]).unwrap_or_else(|| git_dir.clone());
    let mut files = vec![
        PathBuf::from(&git_dir).join("HEAD"),
        PathBuf::from(&common).join("packed-refs"),
    ];
    if let Some(branch) = git(&["symbolic-ref", "-q", "HEAD"]) {
        files.push(PathBuf::from(&common).join(branch));
    }
    for file in files.iter().filter(|file| file.exists()) {
        println!("cargo:rerun-if-changed={}", file.display());
    }
}

/// The UTC calendar date of a Unix time, `YYYY-MM-DD` (the proleptic Gregorian calendar; days
/// to civil date as in Howard Hinnant's `civil_from_days`).
fn utc_date(seconds: i64) -> String {
    let days = seconds.div_euclid(86_400);
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z - era * 146_097;
    let year_of_era = (day_of_era - day_of_era / 1_460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let shifted_month = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * shifted_month + 2) / 5 + 1;
    let month = if shifted_month < 10 {
        shifted_month + 3
    } else {
        shifted_month - 9
    };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}")
}
