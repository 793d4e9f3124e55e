//! `oversight validate --format json`: the documented shape, field by field (docs/cli.md).

use crate::support::{CHECKLIST, answers_yaml, run_in, stderr};
use serde_json::{Value, json};
use std::fs;

/// Validates, as JSON, a checklist, an answers file with a warning, one with a rule broken, a
/// YAML syntax error and a missing file; returns the exit code and the parsed document.
fn validate_all() -> (Option<i32>, Value) {
    let dir = tempfile::tempdir().expect("temp dir");
    let write = |name: &str, text: &str| fs::write(dir.path().join(name), text).expect("write");
    write("test.yaml", CHECKLIST);
    write(
        "late.yaml",
        &answers_yaml("  a-1: {level: 1, evidence: [{title: x, date: 2026-12-01}]}\n"),
    );
    write("bad.yaml", &answers_yaml("  a-1: {level: 9}\n"));
    write("broken.yaml", "checklist: [");
    let files = ["test.yaml", "late.yaml", "bad.yaml", "broken.yaml", "nope.yaml"];
    let mut args = vec!["validate", "--format", "json", "--checklist", "test.yaml"];
    args.extend(files);
    let output = run_in(dir.path(), &args);
    assert_eq!(stderr(&output), "", "the document holds every finding");
    let document = serde_json::from_slice(&output.stdout).expect("one JSON document");
    (output.status.code(), document)
}

/// The one diagnostic whose code is `code`.
fn diagnostic(document: &Value, code: &str) -> Value {
    let found: Vec<&Value> = document["diagnostics"]
        .as_array()
        .expect("a list of diagnostics")
        .iter()
        .filter(|d| d["code"] == code)
        .collect();
    assert_eq!(found.len(), 1, "one `{code}` in {document:#}");
    found[0].clone()
}

#[test]
fn errors_exit_1_and_the_document_lists_every_diagnostic_in_file_order() {
    let (code, document) = validate_all();
    assert_eq!(code, Some(1));
    let codes: Vec<&str> = document["diagnostics"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|d| d["code"].as_str().expect("a code"))
        .collect();
    assert_eq!(
        codes,
        [
            "evidence-after-assessment",
            "level-off-scale",
            "yaml-syntax",
            "unreadable-file"
        ]
    );
}

#[test]
fn every_diagnostic_has_every_field_in_the_documented_order() {
    let (_, document) = validate_all();
    for found in document["diagnostics"].as_array().expect("a list") {
        let keys: Vec<&String> = found.as_object().expect("an object").keys().collect();
        assert_eq!(
            keys,
            [
                "code", "severity", "file", "line", "column", "path", "message", "hint"
            ]
        );
    }
}

#[test]
fn code_is_the_stable_kebab_case_code() {
    let (_, document) = validate_all();
    assert_eq!(
        diagnostic(&document, "level-off-scale")["code"],
        "level-off-scale"
    );
}

#[test]
fn severity_is_error_or_warning() {
    let (_, document) = validate_all();
    assert_eq!(diagnostic(&document, "level-off-scale")["severity"], "error");
    assert_eq!(
        diagnostic(&document, "evidence-after-assessment")["severity"],
        "warning"
    );
}

#[test]
fn file_is_the_file_as_named() {
    let (_, document) = validate_all();
    assert_eq!(diagnostic(&document, "level-off-scale")["file"], "bad.yaml");
    assert_eq!(diagnostic(&document, "unreadable-file")["file"], "nope.yaml");
}

#[test]
fn line_and_column_are_given_for_a_yaml_position_and_null_otherwise() {
    let (_, document) = validate_all();
    let syntax = diagnostic(&document, "yaml-syntax");
    assert_eq!((&syntax["line"], &syntax["column"]), (&json!(2), &json!(1)));
    let rule = diagnostic(&document, "level-off-scale");
    assert_eq!((&rule["line"], &rule["column"]), (&Value::Null, &Value::Null));
}

#[test]
fn path_is_the_id_path_of_a_rule_and_null_otherwise() {
    let (_, document) = validate_all();
    assert_eq!(
        diagnostic(&document, "level-off-scale")["path"],
        "answers[a-1].level"
    );
    assert_eq!(
        diagnostic(&document, "evidence-after-assessment")["path"],
        "answers[a-1].evidence[0].date"
    );
    assert_eq!(diagnostic(&document, "yaml-syntax")["path"], Value::Null);
    assert_eq!(diagnostic(&document, "unreadable-file")["path"], Value::Null);
}

#[test]
fn message_is_the_text_printed_after_the_place() {
    let (_, document) = validate_all();
    assert_eq!(
        diagnostic(&document, "level-off-scale")["message"],
        "level `9` is not on the scale `s`"
    );
    assert_eq!(
        diagnostic(&document, "unreadable-file")["message"],
        "no such file"
    );
}

#[test]
fn hint_is_the_hint_or_null() {
    let (_, document) = validate_all();
    assert_eq!(
        diagnostic(&document, "level-off-scale")["hint"],
        "expected one of 0 (Zero), 1 (One), 2 (Two), 3 (Three), 4 (Four)"
    );
    assert_eq!(diagnostic(&document, "unreadable-file")["hint"], Value::Null);
}

#[test]
fn files_give_each_file_in_order_with_its_verdict() {
    let (_, document) = validate_all();
    assert_eq!(
        document["files"],
        json!([
            {"file": "test.yaml", "valid": true},
            {"file": "late.yaml", "valid": true},
            {"file": "bad.yaml", "valid": false},
            {"file": "broken.yaml", "valid": false},
            {"file": "nope.yaml", "valid": false},
        ])
    );
}

#[test]
fn summary_counts_files_errors_and_warnings() {
    let (_, document) = validate_all();
    assert_eq!(
        document["summary"],
        json!({"files": 5, "valid": 2, "invalid": 3, "errors": 3, "warnings": 1})
    );
}

#[test]
fn valid_files_exit_0_with_an_empty_list() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    let output = run_in(dir.path(), &["validate", "--format", "json", "test.yaml"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let document: Value = serde_json::from_slice(&output.stdout).expect("JSON");
    assert_eq!(document["diagnostics"], json!([]));
    assert_eq!(
        document["summary"],
        json!({"files": 1, "valid": 1, "invalid": 0, "errors": 0, "warnings": 0})
    );
}
