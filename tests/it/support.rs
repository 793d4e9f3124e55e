//! Shared test helpers: inline YAML to validated documents, and running the binary.

use oversight::diagnostic::Diagnostics;
use oversight::load::Loaded;
use oversight::model::Checklist;
use oversight::score::{IndicatorResult, SectionResult};
use oversight::score::{Scorecard, score};
use oversight::source::{Limits, Source};
use oversight::validate::{answers, checklist};
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

/// A checklist for the scoring tests (hand-computed expectations refer to it):
///
/// ```text
/// a   (weight 1, weighted mean)    a-1 (w 1), a-2 (w 3)
/// b   (weight 2, min)              b-1 (w 1)
///   b-x (weight 1, weighted mean)  b-x-1 (w 1, critical, pass 50), b-x-2 (w 1)
/// ```
/// Scale `s`: 0..=4; bands D 0, C 40, B 60, A 80; cap C.
pub const CHECKLIST: &str = r#"
id: test
version: "1"
languages: [en, uk]
title: {en: Test, uk: Тест}
scales:
  s:
    levels:
      - {value: 0, label: Zero}
      - {value: 1, label: One}
      - {value: 2, label: Two}
      - {value: 3, label: Three}
      - {value: 4, label: Four}
scoring:
  method: weighted-mean
  missing: exclude
  bands:
    - {min: 0, code: D, label: Weak}
    - {min: 40, code: C, label: Partial}
    - {min: 60, code: B, label: Good}
    - {min: 80, code: A, label: Strong}
  critical_cap: C
sections:
  - id: a
    title: A
    indicators:
      - {id: a-1, text: A one, scale: s}
      - {id: a-2, text: A two, scale: s, weight: 3}
  - id: b
    title: B
    weight: 2
    method: min
    indicators:
      - {id: b-1, text: B one, scale: s}
    sections:
      - id: b-x
        title: BX
        indicators:
          - {id: b-x-1, text: BX one, scale: s, critical: true, pass: 50}
          - {id: b-x-2, text: BX two, scale: s}
"#;

/// An answers file for [`CHECKLIST`] with the given `answers:` body (indented two spaces).
pub fn answers_yaml(body: &str) -> String {
    format!(
        "checklist: test\nchecklist_version: \"1\"\norganisation: Org\nassessed_on: 2026-11-20\nanswers:\n{body}"
    )
}

/// An answers file for [`CHECKLIST`] with top-level `record` keys (such as `document:`) before
/// the `answers:` body.
pub fn answers_with(record: &str, body: &str) -> String {
    answers_yaml(body).replace("answers:\n", &format!("{record}\nanswers:\n"))
}

/// The arguments of a JSON report of `answers` against `test.yaml` (the [`CHECKLIST`]) to
/// `output`.
pub fn json_report<'a>(answers: &'a str, output: &'a str) -> [&'a str; 8] {
    [
        "report",
        answers,
        "--checklist",
        "test.yaml",
        "--format",
        "json",
        "-o",
        output,
    ]
}

pub fn checklist_from(text: &str) -> Result<Checklist, Diagnostics> {
    let source = Source::from_bytes("checklist.yaml", text.as_bytes())?;
    checklist::checklist(&source, &Limits::default()).map(|v| v.value)
}

pub fn load(checklist_text: &str, answers_text: &str) -> Result<Loaded, Diagnostics> {
    let checklist = checklist_from(checklist_text)?;
    let source = Source::from_bytes("answers.yaml", answers_text.as_bytes())?;
    let validated = answers::answers(&source, &checklist)?;
    Ok(Loaded {
        checklist,
        assessment: validated.value,
        warnings: validated.warnings,
    })
}

/// Scores inline answers against an inline checklist; panics with the diagnostics if invalid.
pub fn score_with(checklist_text: &str, body: &str) -> Scorecard {
    let loaded = load(checklist_text, &answers_yaml(body)).unwrap_or_else(|d| panic!("invalid input:\n{d}"));
    score(&loaded.checklist, &loaded.assessment)
}

/// Asserts two scores agree to 1e-9.
#[track_caller]
pub fn assert_close(actual: Option<f64>, expected: f64) {
    let actual = actual.unwrap_or_else(|| panic!("expected a score of {expected}, got none"));
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

pub fn binary() -> Command {
    Command::new(env!("CARGO_BIN_EXE_oversight"))
}

/// Runs the binary in `dir` with `args`.
pub fn run_in(dir: &Path, args: &[&str]) -> Output {
    binary()
        .current_dir(dir)
        .args(args)
        .output()
        .expect("the binary runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}

/// The repository root, where `examples/` and `checklists/` live.
pub fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Every answers file under `examples/`, sorted, with the checklist it answers when that is
/// not the bundled one it names: the methods examples answer the checklists of the same name in
/// `checklists/methods/`.
pub fn example_answers() -> Vec<(PathBuf, Option<oversight::catalog::ChecklistRef>)> {
    fn walk(dir: &Path, out: &mut Vec<PathBuf>) {
        for entry in std::fs::read_dir(dir).expect("examples/ reads").flatten() {
            let path = entry.path();
            if path.is_dir() {
                walk(&path, out);
            } else if path.extension().is_some_and(|e| e == "yaml") {
                out.push(path);
            }
        }
    }
    let mut files = Vec::new();
    walk(&root().join("examples"), &mut files);
    files.sort();
    files
        .into_iter()
        .map(|file| {
            let methods = file.parent().is_some_and(|dir| dir.ends_with("methods"));
            let checklist = methods.then(|| {
                let stem = file.file_stem().unwrap_or_default().to_string_lossy();
                oversight::catalog::ChecklistRef::Path(
                    root().join("checklists/methods").join(format!("{stem}.yaml")),
                )
            });
            (file, checklist)
        })
        .collect()
}

/// `code at file<place>` for every diagnostic, in order.
pub fn codes(diagnostics: &Diagnostics) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| format!("{} at {}{}", d.code, d.file, d.place))
        .collect()
}

/// A section's result by id, at any depth.
pub fn section<'a>(card: &'a Scorecard, id: &str) -> &'a SectionResult {
    fn find<'a>(sections: &'a [SectionResult], id: &str) -> Option<&'a SectionResult> {
        sections.iter().find_map(|s| {
            if s.id == id {
                Some(s)
            } else {
                find(&s.sections, id)
            }
        })
    }
    find(&card.sections, id).unwrap_or_else(|| panic!("no section {id}"))
}

/// An indicator's result by id.
pub fn indicator<'a>(card: &'a Scorecard, id: &str) -> &'a IndicatorResult {
    card.sections
        .iter()
        .flat_map(oversight::score::all_indicator_results)
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

/// Whether Debian's Chromium is there for a browser test. On CI (`CI` set) it must be; elsewhere
/// its absence skips the test with a note.
pub fn chromium_present() -> bool {
    if std::path::Path::new("/usr/bin/chromium").exists() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "/usr/bin/chromium is missing on CI: .ci/run must install chromium"
    );
    eprintln!("SKIPPED: the browser tests need Debian's chromium (apt-get install chromium)");
    false
}
