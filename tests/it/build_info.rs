//! Which build made an output: `--version`, and the build recorded in the provenance of every
//! report (HTML, PDF and JSON of `report`, `compare` and `portfolio`).

use crate::report_pdf::pdf_text;
use crate::support::{root, run_in, stderr, stdout};
use oversight::build_info::BUILD;
use oversight::i18n::Catalogue;
use oversight::report::ToolView;
use serde_json::{Value, json};
use std::path::Path;
use std::process::Command;

/// What git says of the checked-out commit, run in the repository root; `None` without git.
fn git(args: &[&str]) -> Option<String> {
    let output = Command::new("git")
        .args(args)
        .current_dir(root())
        .env("TZ", "UTC")
        .output()
        .ok()?;
    output
        .status
        .success()
        .then(|| String::from_utf8_lossy(&output.stdout).trim().to_owned())
}

#[test]
fn version_names_the_commit_and_its_date() {
    let output = run_in(root(), &["--version"]);
    assert_eq!(output.status.code(), Some(0));
    assert_eq!(stdout(&output), format!("oversight {BUILD}\n"));
    let Some(head) = git(&["rev-parse", "HEAD"]) else {
        assert_eq!(BUILD.commit, None, "no git here, so no commit was recorded");
        return;
    };
    assert_eq!(BUILD.commit, Some(head.as_str()));
    if std::env::var_os("SOURCE_DATE_EPOCH").is_none() {
        let date = git(&["log", "-1", "--date=format-local:%Y-%m-%d", "--format=%cd"]);
        assert_eq!(
            BUILD.date,
            date.as_deref(),
            "the build date is the commit's, in UTC"
        );
    }
}

/// The provenance keys of the tool that every JSON report has.
fn tool_json(lang: &str) -> Value {
    let labels = Catalogue::bundled().labels(lang);
    json!({
        "tool": "oversight",
        "tool_version": BUILD.version,
        "tool_commit": BUILD.commit,
        "tool_build_date": BUILD.date,
        "tool_build": ToolView::new(&labels).build,
    })
}

/// Runs a command that writes `<stem>.html`, `.pdf` and `.json` into a fresh folder, and checks
/// that each of them records this build.
fn assert_every_format_records_the_build(args: &[&str], stem: &str, lang: &str) {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = format!("{}/", dir.path().display());
    let mut all = args.to_vec();
    all.extend(["--format", "html,pdf,json", "--date", "2026-11-28", "-o", &out]);
    let output = run_in(root(), &all);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let file = |ext: &str| dir.path().join(format!("{stem}.{ext}"));

    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(file("json")).expect("json")).expect("JSON");
    let expected = tool_json(lang);
    for (key, value) in expected.as_object().expect("an object") {
        assert_eq!(&report["provenance"][key], value, "provenance.{key}");
    }

    let build = expected["tool_build"].as_str().expect("text");
    let label = Catalogue::bundled().labels(lang).get("label_build").to_owned();
    let html = std::fs::read_to_string(file("html")).expect("html");
    let row = format!("<tr><th scope=\"row\">{label}</th><td>{build}</td></tr>");
    assert!(html.contains(&row), "the HTML has {row}");
    assert_pdf_has(&file("pdf"), &format!("{label} {build}"));
}

fn assert_pdf_has(pdf: &Path, text: &str) {
    if let Some(all) = pdf_text(pdf) {
        assert!(all.contains(text), "the PDF has `{text}`");
    }
}

#[test]
fn the_report_records_the_build() {
    assert_every_format_records_the_build(
        &["report", "examples/edition-1.0/answers/police-en-partial.yaml"],
        "police-en-partial",
        "en",
    );
}

#[test]
fn the_comparison_records_the_build() {
    assert_every_format_records_the_build(
        &[
            "compare",
            "examples/rounds/2025/border-guard-west.yaml",
            "examples/edition-1.0/rounds/2026/border-guard-west.yaml",
            "--lang",
            "uk",
        ],
        "border-guard-west-compare",
        "uk",
    );
}

#[test]
fn the_portfolio_records_the_build() {
    assert_every_format_records_the_build(
        &["portfolio", "examples/edition-1.0/portfolio/", "--lang", "en"],
        "portfolio",
        "en",
    );
}

#[test]
fn a_build_without_git_says_so_in_words() {
    let bare = oversight::build_info::BuildInfo {
        version: "1.0.0",
        commit: None,
        date: None,
    };
    let en = ToolView::of(&bare, &Catalogue::bundled().labels("en"));
    assert_eq!(en.build, "no git commit recorded, build date unknown");
    assert_eq!((en.commit, en.build_date), (None, None));
    let uk = ToolView::of(&bare, &Catalogue::bundled().labels("uk"));
    assert_eq!(uk.build, "коміт git не записано, дата збірки невідома");
    let known = oversight::build_info::BuildInfo {
        commit: Some("0123456789abcdef0123456789abcdef01234567"),
        date: Some("2026-12-01"),
        ..bare
    };
    let uk = ToolView::of(&known, &Catalogue::bundled().labels("uk"));
    assert_eq!(
        uk.build,
        "коміт 0123456789abcdef0123456789abcdef01234567, дата збірки 2026-12-01"
    );
}
