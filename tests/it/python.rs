//! The Python tests in `tests/python/`, run with pytest against the binary under test.
//!
//! Each Rust test here runs one Python test file and names the Python modules it needs. On CI
//! (`CI` set) they must be there (`.ci/run` installs `tests/python/requirements.txt`) and the
//! test never skips; elsewhere a missing module skips it with a note saying how to install it.
//! To add a file: write `tests/python/test_NAME.py` with the fixtures of `conftest.py`, pin its
//! packages in `requirements.txt`, and add a test below that calls [`pytest`].

use crate::support::{chromium_present, root, stderr, stdout};
use std::process::Command;

/// Runs `tests/python/FILE` with pytest, after checking that `modules` import.
fn pytest(file: &str, modules: &[&str]) {
    let mut imports = vec!["pytest"];
    imports.extend_from_slice(modules);
    let check = Command::new("python3")
        .args(["-c", &format!("import {}", imports.join(", "))])
        .output();
    if !check.as_ref().is_ok_and(|o| o.status.success()) {
        let why = check.map_or_else(|e| e.to_string(), |o| stderr(&o));
        assert!(
            std::env::var_os("CI").is_none(),
            "python3 cannot import {imports:?} on CI: .ci/run must install tests/python/requirements.txt\n{why}"
        );
        eprintln!(
            "SKIPPED: {file}: python3 cannot import {imports:?}; \
             python3 -m pip install -r tests/python/requirements.txt"
        );
        return;
    }
    let output = Command::new("python3")
        .args(["-m", "pytest", "-q", "-p", "no:cacheprovider"])
        .arg(root().join("tests/python").join(file))
        .env("OVERSIGHT_BIN", env!("CARGO_BIN_EXE_oversight"))
        .env("PYTHONDONTWRITEBYTECODE", "1")
        .current_dir(root())
        .output()
        .expect("python3 runs");
    assert!(
        output.status.success(),
        "pytest {file} failed:\n{}\n{}",
        stdout(&output),
        stderr(&output)
    );
}

/// The HTML reports in headless Chromium: search, filters, details, no requests, headers and
/// print (`tests/python/test_html_finder.py`).
#[test]
fn the_html_finder_works_in_a_real_browser() {
    if !chromium_present() {
        return;
    }
    pytest("test_html_finder.py", &["playwright"]);
}

/// The offline questionnaire in headless Chromium: answered with the mouse and the keyboard,
/// refused without a justification, saved, validated and scored, kept over a reload, opened
/// back, in two languages and at a phone's width, with no request (`tests/python/test_form.py`).
#[test]
fn the_form_is_filled_in_saved_and_opened_in_a_real_browser() {
    if !chromium_present() {
        return;
    }
    pytest("test_form.py", &["playwright"]);
}

/// The JSON Schemas, checked with the jsonschema package: every bundled checklist and example
/// fits, the corpus cases of shape do not, and a skeleton fits the schema beside it
/// (`tests/python/test_schemas.py`).
#[test]
fn the_schemas_accept_the_examples_and_refuse_the_corpus_errors_of_shape() {
    pytest("test_schemas.py", &["jsonschema", "yaml"]);
}

/// The Word reports read back by python-docx: headings and levels, the contents field, tables
/// and their header rows, scores, sign-off, language, marks, and a template's header and page
/// (`tests/python/test_docx_report.py`).
#[test]
fn the_word_reports_read_back_with_python_docx() {
    pytest("test_docx_report.py", &["docx"]);
}

/// The assessment workbook read by openpyxl (its validations, locked cells, outline and
/// pre-filled values), converted by LibreOffice, and every kind of import error edited into it
/// (`tests/python/test_workbook.py`).
#[test]
fn the_workbook_reads_in_openpyxl_and_libreoffice_and_every_import_error_has_its_cell() {
    pytest("test_workbook.py", &["openpyxl"]);
}

/// A plan workbook edited as a unit would (openpyxl) brings its statuses back through
/// `oversight import --answers` (`tests/python/test_plan_import.py`).
#[test]
fn the_plan_workbook_brings_its_statuses_back() {
    pytest("test_plan_import.py", &["openpyxl"]);
}
