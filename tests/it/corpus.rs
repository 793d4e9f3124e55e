//! The hostile-input corpus: every case in `tests/corpus/<case>/` run through the binary.
//!
//! A case folder holds its input files and an `expect.yaml`: the arguments, the exit code
//! (1 unless said otherwise), the diagnostic code and where it points (`at`, the text after
//! `error[code]: `). Inputs too big or too odd to commit (an oversized file, deep nesting, an
//! alias bomb, a folder) are written at test time, as `generate` says. Each case runs in a copy
//! of its folder and must finish within a second, without a panic.

use crate::support::{binary, root, stderr, stdout};
use std::fmt::Write as _;
use std::fs;
use std::path::Path;
use std::process::{Output, Stdio};
use std::time::{Duration, Instant};

/// Long enough for a loaded CI machine to start the binary; an input that hangs fails here.
const BOUND: Duration = Duration::from_secs(1);
/// When a hung run is killed.
const KILL_AFTER: Duration = Duration::from_secs(20);

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    args: Vec<String>,
    #[serde(default = "one")]
    exit: i32,
    #[serde(default)]
    code: Option<String>,
    #[serde(default)]
    at: Option<String>,
    #[serde(default)]
    generate: Option<Generate>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Generate {
    kind: String,
    file: String,
}

fn one() -> i32 {
    1
}

#[test]
fn every_hostile_input_gets_a_clear_error_quickly() {
    let folder = root().join("tests/corpus");
    let mut cases: Vec<_> = fs::read_dir(&folder)
        .expect("tests/corpus exists")
        .map(|entry| entry.expect("a readable entry").path())
        .filter(|path| path.is_dir())
        .collect();
    cases.sort();
    assert!(cases.len() >= 30, "the corpus has {} cases", cases.len());
    let mut failures = String::new();
    for case in &cases {
        if let Err(failure) = run_case(case) {
            let name = case.file_name().unwrap_or_default().to_string_lossy();
            let _ = writeln!(failures, "--- {name}: {failure}");
        }
    }
    assert!(failures.is_empty(), "corpus failures:\n{failures}");
}

fn run_case(case: &Path) -> Result<(), String> {
    let expect_text =
        fs::read_to_string(case.join("expect.yaml")).map_err(|e| format!("expect.yaml: {e}"))?;
    let expect: Expect = serde_yaml::from_str(&expect_text).map_err(|e| format!("expect.yaml: {e}"))?;
    let work = tempfile::tempdir().map_err(|e| e.to_string())?;
    for entry in fs::read_dir(case).map_err(|e| e.to_string())? {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.file_name().is_some_and(|name| name != "expect.yaml") {
            fs::copy(&path, work.path().join(path.file_name().unwrap_or_default()))
                .map_err(|e| e.to_string())?;
        }
    }
    if let Some(generate) = &expect.generate {
        write_generated(&work.path().join(&generate.file), &generate.kind)?;
    }
    let (output, elapsed) = run(work.path(), &expect.args)?;
    let err = stderr(&output);
    let mut problems = Vec::new();
    if output.status.code() != Some(expect.exit) {
        problems.push(format!(
            "exit code {:?}, expected {}",
            output.status.code(),
            expect.exit
        ));
    }
    if err.contains("panicked") {
        problems.push("the binary panicked".to_owned());
    }
    if elapsed >= BOUND {
        problems.push(format!("took {elapsed:?}"));
    }
    match (&expect.code, &expect.at) {
        (Some(code), Some(at)) => {
            let wanted = format!("error[{code}]: {at}");
            if !err.starts_with(&wanted) && !err.contains(&format!("\n{wanted}")) {
                problems.push(format!("no line starting `{wanted}`"));
            }
        }
        (None, None) if expect.exit == 0 => {
            if !stdout(&output).contains(": ok, ") {
                problems.push("no `ok` line".to_owned());
            }
        }
        _ => problems.push("expect.yaml needs both `code` and `at`, or exit 0".to_owned()),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\nstderr:\n{err}", problems.join("; ")))
    }
}

/// Runs the binary in `dir`, killing it after [`KILL_AFTER`].
fn run(dir: &Path, args: &[String]) -> Result<(Output, Duration), String> {
    let start = Instant::now();
    let mut child = binary()
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| e.to_string())?;
    loop {
        if child.try_wait().map_err(|e| e.to_string())?.is_some() {
            let elapsed = start.elapsed();
            let output = child.wait_with_output().map_err(|e| e.to_string())?;
            return Ok((output, elapsed));
        }
        if start.elapsed() > KILL_AFTER {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {KILL_AFTER:?}: killed"));
        }
        std::thread::sleep(Duration::from_millis(2));
    }
}

const SCALE_HEAD: &str = "id: deep\nversion: \"1\"\nlanguages: [en]\ntitle: Deep\nscales:\n  s:\n    levels: [{value: 0, label: Zero}, {value: 1, label: One}]\n";

fn write_generated(path: &Path, kind: &str) -> Result<(), String> {
    let write = |bytes: Vec<u8>| fs::write(path, bytes).map_err(|e| e.to_string());
    match kind {
        "directory" => fs::create_dir(path).map_err(|e| e.to_string()),
        "oversized" => {
            let limit = oversight::source::Limits::default().max_file_bytes as usize;
            let mut text = "checklist: dssg-executive\n# ".to_owned().into_bytes();
            text.resize(limit + 1, b'x');
            write(text)
        }
        "flow-nesting" => {
            let depth = 5_000;
            let open = (0..depth).fold(String::new(), |mut s, i| {
                let _ = write!(s, "[{{id: s{i}, title: S, sections: ");
                s
            });
            let leaf = "[{id: leaf, title: L, indicators: [{id: i-1, text: I, scale: s}]}]";
            write(format!("{SCALE_HEAD}sections: {open}{leaf}{}\n", "}]".repeat(depth)).into_bytes())
        }
        "flow-nesting-quoted" => {
            let header = "checklist: dssg-executive\nchecklist_version: \"1.0\"\norganisation: Unit\nassessed_on: 2026-11-20\n";
            write(format!("{header}answers: {}\n", "[ \"]\", ".repeat(100_000)).into_bytes())
        }
        "block-nesting" => {
            let mut text = SCALE_HEAD.to_owned() + "sections:\n";
            for depth in 0..300 {
                let pad = "  ".repeat(depth);
                let _ = write!(text, "{pad}- id: s{depth}\n{pad}  title: S\n{pad}  sections:\n");
            }
            let pad = "  ".repeat(300);
            let _ = write!(
                text,
                "{pad}- id: leaf\n{pad}  title: L\n{pad}  indicators: [{{id: i-1, text: I, scale: s}}]\n"
            );
            write(text.into_bytes())
        }
        "alias-bomb" => {
            let mut text = SCALE_HEAD.to_owned() + "sections:\n";
            text.push_str("  - &x0 {id: a, title: A, indicators: [{id: i-1, text: I, scale: s}]}\n");
            for level in 1..10 {
                let refs = vec![format!("*x{}", level - 1); 9].join(", ");
                let _ = writeln!(text, "  - &x{level} {{id: a, title: A, sections: [{refs}]}}");
            }
            write(text.into_bytes())
        }
        other => Err(format!("unknown generate kind `{other}`")),
    }
}
