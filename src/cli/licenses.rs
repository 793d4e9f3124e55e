//! `oversight licenses`: the tool's licence and the third-party notice, compiled in, so that a
//! binary copied onto an air-gapped machine carries them.

use super::{CommandResult, Outcome, print};

/// The Apache License 2.0, the tool's own.
const LICENSE: &str = include_str!("../../LICENSE");
/// The crates the binary is built from and their licence texts, generated from Cargo.lock.
const NOTICES: &str = include_str!("../../THIRD-PARTY-NOTICES.md");

pub fn run() -> CommandResult {
    print(&format!("{LICENSE}\n{NOTICES}"))?;
    Ok(Outcome::Success)
}
