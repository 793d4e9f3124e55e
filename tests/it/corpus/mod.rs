//! The hostile-input corpus: every case in `tests/corpus/<case>/` run through the binary.
//!
//! A case folder holds its input files and an `expect.yaml`: the arguments, the exit code
//! (1 unless said otherwise), the diagnostic's code, severity (`error` unless said otherwise)
//! and where it points (`at`, the text after `error[code]: `), texts that must appear nowhere
//! in the output (`absent`), and a file to give on standard input (`stdin`). Inputs too big or
//! too odd to commit (an oversized file, deep nesting, alias bombs, a folder, a FIFO, links)
//! are written at test time, as `generate` says.
//!
//! A case that must succeed gives `exit: 0` and no code (`validate` must then say `ok`).
//!
//! Each case runs in a copy of its folder under two caps: a CPU time cap (`prlimit --cpu`: five
//! seconds, or the case's `seconds` for the inputs of several megabytes, generous enough for
//! the debug build and far below what a quadratic path takes; CPU time, unlike the time on the
//! clock, does not grow with the load of a shared machine), and a memory cap (`prlimit --as`) of the
//! bound that `docs/limits.md` states for any input: [`MEMORY_PER_INPUT_BYTE`] times the bytes
//! of the case's inputs, plus [`MEMORY_BASE`]. An input that hangs, allocates past the bound
//! or panics fails the case.

mod generate;

use crate::support::{binary, root, stderr, stdout};
use std::fmt::Write as _;
use std::fs;
use std::io::{Read as _, Write as _};
use std::os::unix::process::ExitStatusExt as _;
use std::path::Path;
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

/// The CPU seconds of an ordinary case: far more than the debug build needs; an input that
/// loops fails here.
const CPU_SECONDS: u64 = 5;
/// When a run that waits without using the CPU (on a FIFO, say) is killed.
const KILL_AFTER: Duration = Duration::from_secs(300);
/// The memory bound of `docs/limits.md`: address space per byte of input, and for the program
/// (its base grew from 192 to 200 MiB with the second edition of the bundled checklist: the
/// debug build's text segment, about 0.4 MB more, put the 8 MiB key case 57 KB past 192).
const MEMORY_PER_INPUT_BYTE: u64 = 64;
const MEMORY_BASE: u64 = 200 * 1024 * 1024;

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Expect {
    args: Vec<String>,
    #[serde(default = "one")]
    exit: i32,
    #[serde(default)]
    code: Option<String>,
    #[serde(default = "error")]
    severity: String,
    #[serde(default)]
    at: Option<String>,
    /// More diagnostics expected besides `code` and `at`.
    #[serde(default)]
    also: Vec<Also>,
    #[serde(default)]
    absent: Vec<String>,
    #[serde(default)]
    stdin: Option<String>,
    #[serde(default)]
    seconds: Option<u64>,
    #[serde(default)]
    generate: Vec<Generate>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Generate {
    kind: String,
    file: String,
    /// Where a generated link points.
    #[serde(default)]
    target: Option<String>,
}

#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
struct Also {
    code: String,
    at: String,
    #[serde(default = "error")]
    severity: String,
}

fn one() -> i32 {
    1
}

fn error() -> String {
    "error".to_owned()
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
    for generate in &expect.generate {
        generate::write(
            work.path(),
            &generate.kind,
            &generate.file,
            generate.target.as_deref(),
        )?;
    }
    let stdin = match &expect.stdin {
        Some(file) => fs::read(work.path().join(file)).map_err(|e| format!("stdin {file}: {e}"))?,
        None => Vec::new(),
    };
    let memory = MEMORY_PER_INPUT_BYTE * (input_bytes(work.path()) + stdin.len() as u64) + MEMORY_BASE;
    let cpu = expect.seconds.unwrap_or(CPU_SECONDS);
    let output = run(work.path(), &expect.args, &stdin, Caps { memory, cpu })?;
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
    if err.contains("memory allocation of") {
        problems.push(format!("went past the memory cap of {memory} bytes"));
    }
    // Past the soft CPU limit the kernel sends SIGXCPU, past the hard one SIGKILL.
    if output
        .status
        .signal()
        .is_some_and(|signal| signal == libc::SIGXCPU || signal == libc::SIGKILL)
    {
        problems.push(format!("went past its CPU time cap of {cpu} s"));
    }
    let out = stdout(&output);
    for text in &expect.absent {
        if err.contains(text.as_str()) || out.contains(text.as_str()) {
            problems.push(format!("the output shows `{text}`"));
        }
    }
    let has_line = |severity: &str, code: &str, at: &str| {
        let wanted = format!("{severity}[{code}]: {at}");
        if err.starts_with(&wanted) || err.contains(&format!("\n{wanted}")) {
            None
        } else {
            Some(format!("no line starting `{wanted}`"))
        }
    };
    problems.extend(
        expect
            .also
            .iter()
            .filter_map(|also| has_line(&also.severity, &also.code, &also.at)),
    );
    match (&expect.code, &expect.at) {
        (Some(code), Some(at)) => problems.extend(has_line(&expect.severity, code, at)),
        (None, None) if expect.exit == 0 => {
            if expect.args.first().is_some_and(|a| a == "validate") && !out.contains(": ok, ") {
                problems.push("no `ok` line".to_owned());
            }
        }
        _ => problems.push("expect.yaml needs both `code` and `at`, or exit 0".to_owned()),
    }
    if problems.is_empty() {
        Ok(())
    } else {
        Err(format!("{}\nstderr:\n{}", problems.join("; "), shortened(&err)))
    }
}

/// The bytes of the regular files in a case's folder and its sub-folders (links not followed).
fn input_bytes(folder: &Path) -> u64 {
    let Ok(entries) = fs::read_dir(folder) else {
        return 0;
    };
    entries
        .filter_map(Result::ok)
        .filter_map(|entry| Some((entry.path(), entry.file_type().ok()?)))
        .map(|(path, kind)| {
            if kind.is_dir() {
                input_bytes(&path)
            } else if kind.is_file() {
                fs::metadata(&path).map_or(0, |m| m.len())
            } else {
                0
            }
        })
        .sum()
}

/// The first lines of a long stderr (a case may print thousands of diagnostics).
fn shortened(text: &str) -> String {
    let lines: Vec<&str> = text.lines().take(20).collect();
    lines.join("\n")
}

/// What a case may use: bytes of address space and seconds of CPU time.
#[derive(Clone, Copy)]
struct Caps {
    memory: u64,
    cpu: u64,
}

/// Runs the binary in `dir` under its caps (`prlimit`), with `stdin` on its standard input,
/// killing it after [`KILL_AFTER`].
fn run(dir: &Path, args: &[String], stdin: &[u8], caps: Caps) -> Result<Output, String> {
    let start = Instant::now();
    let mut child = Command::new("prlimit")
        .arg(format!("--as={}", caps.memory))
        .arg(format!("--cpu={}:{}", caps.cpu, caps.cpu + 1))
        .arg("--")
        .arg(binary().get_program())
        .current_dir(dir)
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .map_err(|e| format!("cannot run prlimit (util-linux): {e}"))?;
    // Threads feed standard input and drain the outputs, so that no pipe can block the run; a
    // binary that does not read its input closes that pipe, which is its right.
    let mut input = child.stdin.take().ok_or("no stdin")?;
    let stdin = stdin.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = input.write_all(&stdin);
    });
    let drain = |pipe: Option<Box<dyn std::io::Read + Send>>| {
        std::thread::spawn(move || {
            let mut bytes = Vec::new();
            if let Some(mut pipe) = pipe {
                let _ = pipe.read_to_end(&mut bytes);
            }
            bytes
        })
    };
    let out = drain(
        child
            .stdout
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    let err = drain(
        child
            .stderr
            .take()
            .map(|p| Box::new(p) as Box<dyn std::io::Read + Send>),
    );
    let status = loop {
        if let Some(status) = child.try_wait().map_err(|e| e.to_string())? {
            break status;
        }
        if start.elapsed() > KILL_AFTER {
            let _ = child.kill();
            let _ = child.wait();
            return Err(format!("still running after {KILL_AFTER:?}: killed"));
        }
        std::thread::sleep(Duration::from_millis(2));
    };
    let _ = writer.join();
    let output = Output {
        status,
        stdout: out.join().map_err(|_| "the stdout reader panicked")?,
        stderr: err.join().map_err(|_| "the stderr reader panicked")?,
    };
    Ok(output)
}
