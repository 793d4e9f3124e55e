//! Writes that fail: a full disk (a small tmpfs, and `/dev/full` for standard output), a rename
//! that fails after another output was replaced, and a run killed while it writes. Each must
//! exit 1 with a message that says what was and was not replaced, and leave no mixed set of
//! old and new reports behind.

use crate::support::{CHECKLIST, answers_yaml, binary, json_report, run_in, stderr};
use oversight::catalog::ChecklistRef;
use oversight::source::Limits;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write checklist");
    let answers = answers_yaml("  a-1: {level: 2}\n  b-x-1: {level: 3}\n");
    fs::write(dir.path().join("a.yaml"), answers).expect("write answers");
    dir
}

const REPORT: [&str; 8] = [
    "report",
    "a.yaml",
    "--checklist",
    "test.yaml",
    "--date",
    "2026-11-28",
    "--format",
    "html,pdf,json",
];

/// Whether `unshare` can give a test its own mount namespace, where it may mount a small
/// tmpfs that disappears with it. Whether the kernel allows user namespaces is the machine's
/// setting, not a package `.ci/run` can install, so where it does not (some containers) the test
/// says so and is skipped, on CI too; the `/dev/full` tests below still run everywhere.
fn can_mount() -> bool {
    let tried = Command::new("unshare")
        .args(["--user", "--map-root-user", "--mount", "true"])
        .status();
    if tried.is_ok_and(|status| status.success()) {
        return true;
    }
    eprintln!(
        "SKIPPED: the disk-full test needs `unshare --user --map-root-user --mount`, which this machine refuses"
    );
    false
}

#[test]
fn a_full_disk_replaces_no_report_and_leaves_no_temporary_file() {
    if !can_mount() {
        return;
    }
    let dir = workspace();
    // The sizes of the three reports, written where there is room.
    let sized = run_in(dir.path(), &[&REPORT[..], &["-o", "sized/"]].concat());
    assert_eq!(sized.status.code(), Some(0), "{}", stderr(&sized));
    let size = |ext: &str| {
        fs::metadata(dir.path().join(format!("sized/a.{ext}")))
            .expect("written")
            .len()
    };
    let page = 4096;
    let pages = |bytes: u64| bytes.div_ceil(page) * page;
    // Room for the three old reports and the new HTML, not for the new PDF as well.
    let room = 3 * page + pages(size("html")) + size("pdf") / 2;
    assert!(room < 3 * page + pages(size("html")) + pages(size("pdf")));
    // In its own mount namespace: a tmpfs of `room` bytes holding the old reports, the run,
    // then what the folder holds afterwards.
    let script = r#"
        set -e
        mount -t tmpfs -o "size=$1" tmpfs disk
        for ext in html pdf json; do echo "old $ext" > "disk/a.$ext"; done
        shift
        set +e
        "$@" -o disk/
        echo "exit $?"
        cd disk && for f in $(ls -A); do echo "$f: $(head -c 8 "$f")"; done
    "#;
    fs::create_dir(dir.path().join("disk")).expect("mkdir");
    let output = Command::new("unshare")
        .current_dir(dir.path())
        .args(["--user", "--map-root-user", "--mount", "sh", "-c", script, "sh"])
        .arg(room.to_string())
        .arg(binary().get_program())
        .args(REPORT)
        .output()
        .expect("unshare runs");
    let err = stderr(&output);
    assert!(
        err.starts_with(
            "error: cannot write `disk/a.pdf`; no output was replaced\n  caused by: No space left on device"
        ),
        "{err}"
    );
    assert_eq!(
        String::from_utf8_lossy(&output.stdout),
        "exit 1\na.html: old html\na.json: old json\na.pdf: old pdf\n",
        "the old reports stay, all three, and no temporary file is left"
    );
}

#[test]
fn a_failed_write_to_standard_output_exits_1() {
    let dir = workspace();
    let full = || {
        fs::OpenOptions::new()
            .write(true)
            .open("/dev/full")
            .expect("/dev/full")
    };
    let runs: &[&[&str]] = &[
        &["score", "a.yaml", "--checklist", "test.yaml"],
        &["score", "a.yaml", "--checklist", "test.yaml", "--format", "json"],
        &["init", "test.yaml"],
        &["init", "test.yaml", "-o", "-"],
        &["validate", "a.yaml", "--checklist", "test.yaml"],
        &["checklists"],
        &[
            "report",
            "a.yaml",
            "--checklist",
            "test.yaml",
            "--format",
            "pdf",
            "-o",
            "-",
        ],
        &[
            "compare",
            "a.yaml",
            "a.yaml",
            "--checklist",
            "test.yaml",
            "--format",
            "json",
            "-o",
            "-",
        ],
        &["consolidate", "a.yaml", "a.yaml", "--checklist", "test.yaml"],
        &[
            "portfolio",
            "a.yaml",
            "--checklist",
            "test.yaml",
            "--format",
            "csv",
            "-o",
            "-",
        ],
        &json_report("a.yaml", "r.json"),
    ];
    for args in runs {
        let output = binary()
            .current_dir(dir.path())
            .args(*args)
            .stdout(full())
            .stderr(Stdio::piped())
            .output()
            .expect("runs");
        let err = stderr(&output);
        assert_eq!(output.status.code(), Some(1), "{args:?}: {err}");
        assert!(
            err.ends_with(
                "error: cannot write to standard output\n  caused by: No space left on device (os error 28)\n"
            ),
            "{args:?}: {err}"
        );
    }
}

#[test]
fn a_closed_pipe_only_ends_the_output() {
    let dir = workspace();
    let mut child = binary()
        .current_dir(dir.path())
        .args(["init", "test.yaml"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs");
    drop(child.stdout.take());
    let output = child.wait_with_output().expect("ends");
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}

#[cfg(unix)]
#[test]
fn a_rename_that_fails_names_the_outputs_already_replaced() {
    let dir = workspace();
    // A folder where the JSON report should go: the HTML and PDF are renamed into place, then
    // renaming the JSON over a folder fails.
    fs::create_dir_all(dir.path().join("out/a.json")).expect("mkdir");
    let output = run_in(dir.path(), &[&REPORT[..], &["-o", "out/"]].concat());
    assert_eq!(output.status.code(), Some(1));
    let err = stderr(&output);
    assert!(
        err.starts_with("error: cannot write `out/a.json` after replacing `out/a.html`, `out/a.pdf`; the other outputs were not replaced\n  caused by: "),
        "{err}"
    );
    assert!(dir.path().join("out/a.html").is_file());
    assert_eq!(temporaries(&dir.path().join("out")), Vec::<PathBuf>::new());
}

/// The `.oversight-*.part` files in `folder`.
fn temporaries(folder: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(folder)
        .expect("readable")
        .flatten()
        .map(|entry| entry.path())
        .filter(|path| {
            let name = path.file_name().unwrap_or_default().to_string_lossy();
            name.starts_with(".oversight-") && name.ends_with(".part")
        })
        .collect();
    found.sort();
    found
}

/// An assessment of the bundled checklist with a long comment on every indicator (about
/// 6 MB), so that writing its report takes long enough to be interrupted.
fn long_assessment(dir: &Path) {
    let bundled = ChecklistRef::Id("dssg-executive".to_owned());
    let checklist = bundled
        .load_edition(&Limits::default(), Some("1.0"))
        .expect("bundled")
        .value;
    let comment = "word ".repeat(25_000);
    let mut text =
        "checklist: dssg-executive\nchecklist_version: \"1.0\"\norganisation: Unit\nassessed_on: 2026-11-20\nanswers:\n"
            .to_owned();
    for indicator in checklist.indicators() {
        text.push_str(&format!(
            "  {}:\n    level: 1\n    comment: {comment}\n",
            indicator.id
        ));
    }
    fs::write(dir.join("long.yaml"), text).expect("write");
}

#[test]
fn a_later_run_removes_what_a_killed_run_left() {
    let dir = workspace();
    long_assessment(dir.path());
    fs::create_dir(dir.path().join("out")).expect("mkdir");
    fs::write(dir.path().join("out/long.html"), "old").expect("write");
    let run = || {
        binary()
            .current_dir(dir.path())
            .args([
                "report",
                "long.yaml",
                "--format",
                "html,json",
                "-o",
                "out/",
                "--date",
                "2026-11-28",
            ])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("runs")
    };
    // Kill a run (SIGKILL) as soon as its first temporary file appears; a run may be too
    // quick to be caught on a fast disk, so try a few times.
    let mut left = Vec::new();
    for _ in 0..20 {
        let mut child = run();
        let start = Instant::now();
        while start.elapsed() < Duration::from_secs(60) && child.try_wait().expect("waits").is_none() {
            if !temporaries(&dir.path().join("out")).is_empty() {
                child.kill().expect("kills");
                break;
            }
            std::thread::sleep(Duration::from_micros(200));
        }
        let _ = child.wait();
        left = temporaries(&dir.path().join("out"));
        if !left.is_empty() {
            break;
        }
        fs::write(dir.path().join("out/long.html"), "old").expect("write");
    }
    assert!(!left.is_empty(), "no run was caught while writing");
    assert_eq!(
        fs::read_to_string(dir.path().join("out/long.html")).expect("kept"),
        "old"
    );
    // A file of a process that still runs is left alone.
    let live = dir
        .path()
        .join(format!("out/.oversight-{}-live.part", std::process::id()));
    fs::write(&live, "being written").expect("write");

    let later = run_in(dir.path(), &json_report("a.yaml", "out/"));
    assert_eq!(later.status.code(), Some(0), "{}", stderr(&later));
    assert_eq!(temporaries(&dir.path().join("out")), vec![live]);
}
