//! Outputs are written safely: never over an input (also through a symbolic link), never
//! through a link onto another file, never half-written, into folders created as needed.

use crate::support::{CHECKLIST, answers_yaml, run_in, stderr};
use std::fs;
use std::path::Path;

const ANSWERS: &str = "  a-1: {level: 2}\n  b-x-1: {level: 3}\n";

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write checklist");
    fs::write(dir.path().join("a.yaml"), answers_yaml(ANSWERS)).expect("write answers");
    dir
}

/// `report ANSWERS --checklist test.yaml --format json -o OUTPUT` in `dir`.
fn report_as(dir: &Path, answers: &str, output: &str) -> std::process::Output {
    run_in(
        dir,
        &[
            "report",
            answers,
            "--checklist",
            "test.yaml",
            "--date",
            "2026-11-28",
            "--format",
            "json",
            "-o",
            output,
        ],
    )
}

fn report(dir: &Path, output: &str) -> std::process::Output {
    report_as(dir, "a.yaml", output)
}

/// Every file under `dir` whose name marks an unfinished write.
fn leftovers(dir: &Path) -> Vec<String> {
    let mut found = Vec::new();
    for entry in fs::read_dir(dir).expect("readable").flatten() {
        let path = entry.path();
        if path.is_dir() && !path.is_symlink() {
            found.extend(leftovers(&path));
        } else if path.to_string_lossy().ends_with(".part") {
            found.push(path.display().to_string());
        }
    }
    found
}

/// Answers exported as JSON (which is YAML too) are an input a JSON report could replace.
const EXPORTED: &str = "in.json";

fn refused(output: &str) -> String {
    format!("error: `{output}` is an input of this run; refusing to write the output over it\n")
}

#[test]
fn an_output_over_an_input_is_refused() {
    let dir = workspace();
    fs::write(dir.path().join(EXPORTED), answers_yaml(ANSWERS)).expect("write");
    fs::create_dir(dir.path().join("sub")).expect("mkdir");
    for (output, named) in [
        ("in.json", "in.json"),
        ("./", "./in.json"),
        ("./sub/../in.json", "./sub/../in.json"),
    ] {
        let result = report_as(dir.path(), EXPORTED, output);
        assert_eq!(result.status.code(), Some(1), "{output}: {}", stderr(&result));
        assert_eq!(stderr(&result), refused(named));
    }
    let result = report_as(dir.path(), EXPORTED, "test.json");
    assert_eq!(
        result.status.code(),
        Some(0),
        "another name is fine: {}",
        stderr(&result)
    );
    let init = run_in(dir.path(), &["init", "test.yaml", "-o", "test.yaml", "--force"]);
    assert_eq!(init.status.code(), Some(1), "{}", stderr(&init));
    assert_eq!(stderr(&init), refused("test.yaml"));
    assert_eq!(
        fs::read_to_string(dir.path().join(EXPORTED)).expect("kept"),
        answers_yaml(ANSWERS)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("test.yaml")).expect("kept"),
        CHECKLIST
    );
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[cfg(unix)]
#[test]
fn an_output_that_links_to_an_input_is_refused() {
    use std::os::unix::fs::symlink;
    let dir = workspace();
    fs::write(dir.path().join(EXPORTED), answers_yaml(ANSWERS)).expect("write");
    symlink(EXPORTED, dir.path().join("link.json")).expect("symlink");
    fs::create_dir(dir.path().join("out")).expect("mkdir");
    symlink("..", dir.path().join("out/up")).expect("symlink");
    for output in ["link.json", "out/up/in.json"] {
        let result = report_as(dir.path(), EXPORTED, output);
        assert_eq!(result.status.code(), Some(1), "{output}: {}", stderr(&result));
        assert_eq!(stderr(&result), refused(output));
    }
    assert!(
        dir.path().join("link.json").is_symlink(),
        "the link is left alone"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join(EXPORTED)).expect("kept"),
        answers_yaml(ANSWERS)
    );

    symlink("test.yaml", dir.path().join("skeleton.yaml")).expect("symlink");
    let init = run_in(
        dir.path(),
        &["init", "test.yaml", "-o", "skeleton.yaml", "--force"],
    );
    assert_eq!(init.status.code(), Some(1), "{}", stderr(&init));
    assert_eq!(stderr(&init), refused("skeleton.yaml"));
    assert_eq!(
        fs::read_to_string(dir.path().join("test.yaml")).expect("kept"),
        CHECKLIST
    );
}

#[cfg(unix)]
#[test]
fn an_output_that_links_elsewhere_replaces_the_link_not_its_target() {
    use std::os::unix::fs::symlink;
    let dir = workspace();
    let elsewhere = tempfile::tempdir().expect("temp dir");
    let target = elsewhere.path().join("precious.json");
    fs::write(&target, "precious").expect("write");
    symlink(&target, dir.path().join("r.json")).expect("symlink");
    let result = report(dir.path(), "r.json");
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    assert_eq!(fs::read_to_string(&target).expect("kept"), "precious");
    let written = dir.path().join("r.json");
    assert!(!written.is_symlink(), "the report is a file of its own");
    assert!(fs::read_to_string(&written).expect("written").starts_with("{\n"));
}

#[test]
fn missing_folders_are_created_and_nothing_is_left_half_written() {
    let dir = workspace();
    let result = run_in(
        dir.path(),
        &[
            "report",
            "a.yaml",
            "--checklist",
            "test.yaml",
            "--date",
            "2026-11-28",
            "--format",
            "html,json",
            "-o",
            "reports/2026/q4/",
        ],
    );
    assert_eq!(result.status.code(), Some(0), "{}", stderr(&result));
    assert_eq!(
        String::from_utf8_lossy(&result.stdout),
        "wrote reports/2026/q4/a.html\nwrote reports/2026/q4/a.json\n"
    );
    let html = fs::read_to_string(dir.path().join("reports/2026/q4/a.html")).expect("written");
    assert!(html.trim_end().ends_with("</html>"));
    let json = fs::read_to_string(dir.path().join("reports/2026/q4/a.json")).expect("written");
    serde_json::from_str::<serde_json::Value>(&json).expect("complete JSON");

    let single = report(dir.path(), "deeper/still/r.json");
    assert_eq!(single.status.code(), Some(0), "{}", stderr(&single));
    assert!(dir.path().join("deeper/still/r.json").is_file());
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}

#[test]
fn a_failed_write_leaves_the_old_file_or_nothing() {
    let dir = workspace();
    fs::write(dir.path().join("blocker"), "a file, not a folder").expect("write");
    let result = report(dir.path(), "blocker/r.json");
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(
        stderr(&result)
            .starts_with("error: cannot write `blocker/r.json`; no output was replaced\n  caused by: "),
        "{}",
        stderr(&result)
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("blocker")).expect("kept"),
        "a file, not a folder"
    );

    fs::write(dir.path().join("old.json"), "old report").expect("write");
    let broken_templates = dir.path().join("tpl");
    fs::create_dir(&broken_templates).expect("mkdir");
    fs::write(broken_templates.join("_cover.html.j2"), "{% if %}\n").expect("write");
    let result = run_in(
        dir.path(),
        &[
            "report",
            "a.yaml",
            "--checklist",
            "test.yaml",
            "--templates",
            "tpl",
            "--format",
            "json,html",
            "-o",
            "./",
        ],
    );
    assert_eq!(result.status.code(), Some(1), "{}", stderr(&result));
    assert!(
        !dir.path().join("a.json").exists(),
        "no format is written when one fails"
    );
    assert!(!dir.path().join("a.html").exists());
    assert_eq!(
        fs::read_to_string(dir.path().join("old.json")).expect("kept"),
        "old report"
    );
    assert_eq!(leftovers(dir.path()), Vec::<String>::new());
}
