//! The tool that made a report, as every provenance records it: its name and version, the
//! commit it was built from and the build date ([`crate::build_info`]), with those two in words.

use crate::build_info::BuildInfo;
use crate::i18n::Labels;
use serde::Serialize;

/// Flattened into each provenance, so that its keys sit beside the input files' keys.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ToolView {
    #[serde(rename = "tool")]
    pub name: String,
    #[serde(rename = "tool_version")]
    pub version: String,
    /// 40 hex digits; `None` for a build from sources without git.
    #[serde(rename = "tool_commit")]
    pub commit: Option<String>,
    /// `YYYY-MM-DD`; `None` when unknown.
    #[serde(rename = "tool_build_date")]
    pub build_date: Option<String>,
    /// The commit and the build date in the report's language, saying which is unknown.
    #[serde(rename = "tool_build")]
    pub build: String,
}

impl ToolView {
    /// This build, described with `labels`.
    pub fn new(labels: &Labels) -> ToolView {
        ToolView::of(&crate::build_info::BUILD, labels)
    }

    pub fn of(build: &BuildInfo, labels: &Labels) -> ToolView {
        let commit = match build.commit {
            Some(commit) => labels.fill("build_commit", &[("commit", commit)]),
            None => labels.get("build_no_commit").to_owned(),
        };
        let date = match build.date {
            Some(date) => labels.fill("build_date", &[("date", date)]),
            None => labels.get("build_no_date").to_owned(),
        };
        ToolView {
            name: "oversight".to_owned(),
            version: build.version.to_owned(),
            commit: build.commit.map(str::to_owned),
            build_date: build.date.map(str::to_owned),
            build: format!("{commit}, {date}"),
        }
    }
}
