//! The binary as a user meets it: exit codes, exact messages, files written or not.

use crate::support::{CHECKLIST, answers_yaml, json_report, root, run_in, stderr, stdout};
use std::fs;

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write checklist");
    dir
}

#[test]
fn validate_reports_every_error_with_file_and_place() {
    let dir = workspace();
    let body = "  a-1: {level: 9}\n  a-2: {status: not-applicable}\n  zz-1: {level: 1}\n";
    fs::write(dir.path().join("bad.yaml"), answers_yaml(body)).expect("write");
    let output = run_in(dir.path(), &["validate", "--checklist", "test.yaml", "bad.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[level-off-scale]: bad.yaml: answers[a-1].level: level `9` is not on the scale `s`
  hint: expected one of 0 (Zero), 1 (One), 2 (Two), 3 (Three), 4 (Four)
error[missing-justification]: bad.yaml: answers[a-2].comment: a not-applicable answer needs a comment that justifies it
  hint: say why the indicator does not apply to this organisation
error[unknown-indicator]: bad.yaml: answers[zz-1]: the checklist `test` has no indicator `zz-1`
  hint: list the checklist's indicators with `oversight init`
error: 3 error(s) in the input
"
    );
}

#[test]
fn validate_tells_checklists_from_answers_and_checks_all_files() {
    let dir = workspace();
    fs::write(dir.path().join("good.yaml"), answers_yaml("  a-1: {level: 1}\n")).expect("write");
    fs::write(dir.path().join("broken.yaml"), "checklist: [").expect("write");
    let output = run_in(
        dir.path(),
        &[
            "validate",
            "--checklist",
            "test.yaml",
            "test.yaml",
            "good.yaml",
            "broken.yaml",
            "nope.yaml",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "test.yaml: ok, checklist `test` version 1 with 5 indicators\ngood.yaml: ok, answers to `test` version 1 (1 of 5 indicators answered)\n"
    );
    let err = stderr(&output);
    assert!(
        err.starts_with("error[yaml-syntax]: broken.yaml:2:1: did not find expected node content"),
        "{err}"
    );
    assert!(
        err.contains("error[unreadable-file]: nope.yaml: no such file\n"),
        "{err}"
    );
}

#[test]
fn validate_the_bundled_examples() {
    let output = run_in(
        root(),
        &[
            "validate",
            "checklists/dssg-executive.yaml",
            "examples/answers/ministry-uk.yaml",
            "examples/edition-1.0/answers/police-en-partial.yaml",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "");
}

#[test]
fn an_unknown_checklist_id_points_at_the_answers_key() {
    let dir = workspace();
    let text = answers_yaml("  a-1: {level: 1}\n").replace("checklist: test", "checklist: nothing-like-it");
    fs::write(dir.path().join("a.yaml"), text).expect("write");
    let output = run_in(dir.path(), &["score", "a.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[unknown-checklist]: a.yaml: checklist: no checklist has the id `nothing-like-it`
  hint: bundled: dssg-executive; a local one must be `checklists/nothing-like-it.yaml`, or pass a path with `--checklist`
error: 1 error(s) in the input
"
    );
}

#[test]
fn a_checklist_id_resolves_to_the_local_checklists_folder() {
    let dir = workspace();
    fs::create_dir(dir.path().join("checklists")).expect("mkdir");
    fs::rename(
        dir.path().join("test.yaml"),
        dir.path().join("checklists/test.yaml"),
    )
    .expect("move");
    fs::write(dir.path().join("a.yaml"), answers_yaml("  a-1: {level: 3}\n")).expect("write");
    let output = run_in(dir.path(), &["score", "a.yaml", "--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["overall"]["score"], 75.0);
}

#[test]
fn score_json_has_the_documented_shape() {
    let dir = workspace();
    let body =
        "  a-1: {level: 4}\n  a-2: {level: 2}\n  b-1: {level: 3}\n  b-x-1: {level: 1}\n  b-x-2: {level: 3}\n";
    fs::write(dir.path().join("a.yaml"), answers_yaml(body)).expect("write");
    let output = run_in(
        dir.path(),
        &["score", "a.yaml", "--checklist", "test.yaml", "--format", "json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(
        json["checklist"],
        serde_json::json!({"id": "test", "version": "1"})
    );
    assert_eq!(json["organisation"], "Org");
    assert_eq!(json["assessed_on"], "2026-11-20");
    assert_eq!(json["overall"]["score"], 162.5 / 3.0);
    assert_eq!(
        json["overall"]["band"],
        serde_json::json!({"code": "C", "label": "Partial"})
    );
    assert_eq!(json["completeness"], 100.0);
    assert_eq!(json["critical_failures"], serde_json::json!(["b-x-1"]));
    assert_eq!(json["sections"][0]["id"], "a");
    assert_eq!(json["sections"][0]["score"], 62.5);
    assert_eq!(json["sections"][0]["band"]["code"], "B");
    assert_eq!(json["sections"][1]["sections"][0]["id"], "b-x");
    assert_eq!(
        json["sections"][0]["indicators"][0],
        serde_json::json!({"id": "a-1", "status": "scored", "level": 4, "score": 100.0, "weight": 1.0,
            "critical": false, "pass": 50.0, "critical_failure": false, "self_level": 4,
            "verified_level": null, "exception": null, "conformity": "conforming"})
    );
    assert_eq!(json["basis"], "verified");
    assert_eq!(json["without_exceptions"], serde_json::Value::Null);
    assert_eq!(
        json["compliance"],
        serde_json::json!({"verdict": "not-compliant", "major": 1, "minor": 0, "accepted_risks": 0})
    );
    assert_eq!(json["sections"][0]["compliance"]["verdict"], "compliant");
    assert_eq!(json["evidence_flags"], serde_json::json!([]));
}

#[test]
fn score_text_summarises() {
    let dir = workspace();
    let body =
        "  a-1: {level: 4}\n  a-2: {level: 2}\n  b-1: {level: 3}\n  b-x-1: {level: 1}\n  b-x-2: {level: 3}\n";
    fs::write(dir.path().join("a.yaml"), answers_yaml(body)).expect("write");
    let output = run_in(dir.path(), &["score", "a.yaml", "--checklist", "test.yaml"]);
    let text = stdout(&output);
    assert!(text.contains("Overall score:  54.2  C Partial\n"), "{text}");
    assert!(text.contains("Completeness: 100.0% (5 scored)\n"), "{text}");
    assert!(
        text.contains("Critical failures: b-x-1 (below its pass mark of 50)\n"),
        "{text}"
    );
    let line = text
        .lines()
        .find(|l| l.starts_with("  2.1 BX "))
        .expect("a line for 2.1");
    assert!(line.ends_with(" 50.0  C Partial"), "{line}");
}

#[test]
fn fail_under_is_a_gate_with_exit_code_3() {
    let dir = workspace();
    fs::write(dir.path().join("a.yaml"), answers_yaml("  a-1: {level: 3}\n")).expect("write");
    let below = run_in(
        dir.path(),
        &[
            "score",
            "a.yaml",
            "--checklist",
            "test.yaml",
            "--fail-under",
            "80",
        ],
    );
    assert_eq!(below.status.code(), Some(3));
    assert_eq!(stderr(&below), "gate: the overall score 75.00 is below 80\n");
    let above = run_in(
        dir.path(),
        &[
            "score",
            "a.yaml",
            "--checklist",
            "test.yaml",
            "--fail-under",
            "75",
        ],
    );
    assert_eq!(above.status.code(), Some(0));
}

#[test]
fn usage_errors_exit_2() {
    let dir = workspace();
    for args in [
        &["score"][..],
        &["frobnicate"],
        &["score", "a.yaml", "--format", "xml"],
        &["report", "a.yaml", "--date", "2026-02-30"],
    ] {
        let output = run_in(dir.path(), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}: {}", stderr(&output));
    }
}

#[test]
fn init_writes_a_skeleton_that_validates_and_never_overwrites() {
    let dir = workspace();
    let output = run_in(
        dir.path(),
        &["init", "dssg-executive", "--lang", "uk", "-o", "new.yaml"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = fs::read_to_string(dir.path().join("new.yaml")).expect("written");
    assert!(
        text.contains("checklist_version: \"2.0\"\n"),
        "a bare id is the newest edition"
    );
    assert!(text.contains("  law-1:\n    criteria_met: ~\n"), "{text}");
    assert!(text.contains("# Шкала `maturity`: 0 = Відсутній"), "{text}");
    assert!(
        text.contains("  # Чому індикатор критичний: Конституція, ст. 19:"),
        "{text}"
    );
    assert!(
        text.contains("  # Рівень 0: Переліку повноважень органів немає"),
        "{text}"
    );
    let valid = run_in(dir.path(), &["validate", "new.yaml"]);
    assert_eq!(valid.status.code(), Some(0), "{}", stderr(&valid));
    filled_in_with_the_header_examples(dir.path(), &text);
    // The editor's schema, beside the skeleton, is the one `oversight schema` prints.
    assert!(text.starts_with("# yaml-language-server: $schema=./dssg-executive.answers.schema.json\n"));
    let schema = run_in(
        dir.path(),
        &[
            "schema",
            "answers",
            "--checklist",
            "dssg-executive",
            "--lang",
            "uk",
        ],
    );
    assert_eq!(schema.status.code(), Some(0), "{}", stderr(&schema));
    let beside = fs::read(dir.path().join("dssg-executive.answers.schema.json")).expect("written");
    assert!(schema.stdout == beside, "the schema beside the skeleton differs");
    let value: serde_json::Value = serde_json::from_slice(&beside).expect("JSON");
    assert_eq!(value["$schema"], "https://json-schema.org/draft/2020-12/schema");
    assert_eq!(
        value["properties"]["answers"]["properties"]["law-1"]["properties"]["level"],
        serde_json::json!({"enum": [0, 1, 2, 3, 4, null]})
    );

    fs::write(dir.path().join("new.yaml"), "mine").expect("write");
    let again = run_in(dir.path(), &["init", "dssg-executive", "-o", "new.yaml"]);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(stderr(&again), "error: `new.yaml` already exists\n");
    assert_eq!(
        fs::read_to_string(dir.path().join("new.yaml")).expect("kept"),
        "mine"
    );
    let forced = run_in(
        dir.path(),
        &["init", "dssg-executive", "-o", "new.yaml", "--force"],
    );
    assert_eq!(forced.status.code(), Some(0));
    assert_ne!(
        fs::read_to_string(dir.path().join("new.yaml")).expect("replaced"),
        "mine"
    );
}

/// The optional parts the skeleton's header shows (evidence, action, review, exception) are
/// valid answers keys: uncommented under an indicator, the file still validates without a warning.
fn filled_in_with_the_header_examples(dir: &std::path::Path, skeleton: &str) {
    let examples: Vec<&str> = skeleton
        .lines()
        .filter_map(|line| line.strip_prefix("#     "))
        .collect();
    let keys: Vec<&str> = examples.iter().filter_map(|l| l.split(':').next()).collect();
    assert_eq!(keys, ["evidence", "action", "review", "exception"], "{skeleton}");
    let answer = examples.iter().map(|l| format!("    {l}\n")).collect::<String>();
    let today = skeleton
        .lines()
        .find(|l| l.starts_with("assessed_on: "))
        .expect("assessed_on");
    let filled = skeleton.replacen(today, "assessed_on: 2026-11-20", 1).replacen(
        "  law-1:\n    criteria_met: ~\n",
        &format!("  law-1:\n    criteria_met: [a, b, c]\n{answer}"),
        1,
    );
    fs::write(dir.join("filled.yaml"), filled).expect("write");
    let valid = run_in(dir, &["validate", "filled.yaml"]);
    assert_eq!(valid.status.code(), Some(0), "{}", stderr(&valid));
    assert_eq!(stderr(&valid), "");
    assert!(
        stdout(&valid).contains("(1 of 36 indicators answered)"),
        "{}",
        stdout(&valid)
    );
}

#[test]
fn init_refuses_a_language_the_checklist_lacks() {
    let dir = workspace();
    let output = run_in(dir.path(), &["init", "dssg-executive", "--lang", "fr"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(stderr(&output).starts_with("error[unknown-language]: <bundled>/dssg-executive.yaml: languages: the checklist has no language `fr`\n"));
}

#[test]
fn checklists_lists_the_bundled_ones() {
    let output = run_in(root(), &["checklists"]);
    assert_eq!(output.status.code(), Some(0));
    let text = stdout(&output);
    assert!(text.starts_with("ID "), "{text}");
    assert!(text.contains("dssg-executive           1.0               47  Democratic security sector governance: the role of the Executive\n"), "{text}");
}

/// Runs the binary in `dir` with `input` on its standard input.
fn run_with_stdin(dir: &std::path::Path, args: &[&str], input: &[u8]) -> std::process::Output {
    use std::io::Write as _;
    let mut child = crate::support::binary()
        .current_dir(dir)
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("the binary runs");
    let mut stdin = child.stdin.take().expect("stdin");
    let input = input.to_vec();
    let writer = std::thread::spawn(move || {
        let _ = stdin.write_all(&input);
    });
    let output = child.wait_with_output().expect("ends");
    writer.join().expect("written");
    output
}

#[test]
fn a_dash_reads_standard_input_and_writes_standard_output() {
    let dir = workspace();
    let answers = answers_yaml("  a-1: {level: 3}\n  b-1: {level: 1}\n");
    fs::write(dir.path().join("a.yaml"), &answers).expect("write");
    let args = |input: &'static str| {
        [
            "report",
            input,
            "--checklist",
            "test.yaml",
            "--format",
            "json",
            "--date",
            "2026-11-28",
            "-o",
            "-",
        ]
    };
    let from_file = run_in(dir.path(), &args("a.yaml"));
    let from_stdin = run_with_stdin(dir.path(), &args("-"), answers.as_bytes());
    assert_eq!(from_file.status.code(), Some(0), "{}", stderr(&from_file));
    assert_eq!(from_stdin.status.code(), Some(0), "{}", stderr(&from_stdin));
    let json = |output: &std::process::Output| -> serde_json::Value {
        serde_json::from_slice(&output.stdout).expect("the JSON report, and nothing else")
    };
    let (file, piped) = (json(&from_file), json(&from_stdin));
    assert_eq!(file["scores"], piped["scores"]);
    assert_eq!(piped["provenance"]["answers_file"], "<stdin>");
    assert_eq!(
        fs::read_dir(dir.path()).expect("readable").count(),
        2,
        "no file written"
    );

    // The checklist on standard input, and `<stdin>` in the summary.
    for (args, input, name) in [
        (["a.yaml", "--checklist", "-"], CHECKLIST, "a.yaml"),
        (["-", "--checklist", "test.yaml"], answers.as_str(), "<stdin>"),
    ] {
        let checked = run_with_stdin(dir.path(), &[&["validate"], &args[..]].concat(), input.as_bytes());
        assert_eq!(
            stdout(&checked),
            format!("{name}: ok, answers to `test` version 1 (2 of 5 indicators answered)\n")
        );
    }
    // Files named after the input are named after the command for standard input.
    let named = run_with_stdin(dir.path(), &json_report("-", "out/"), answers.as_bytes());
    assert_eq!(stdout(&named), "wrote out/report.json\n", "{}", stderr(&named));
}

#[test]
fn dash_o_writes_the_bytes_a_file_would_hold() {
    let dir = workspace();
    fs::write(dir.path().join("a.yaml"), answers_yaml("  a-1: {level: 3}\n")).expect("write");
    fs::write(dir.path().join("b.yaml"), answers_yaml("  a-1: {level: 1}\n")).expect("write");
    // (command, its format and date, the file it writes)
    let runs = [
        (
            "compare",
            &["--format", "pdf", "--date", "2026-11-28"][..],
            "c.pdf",
        ),
        ("portfolio", &["--format", "csv", "--date", "2026-11-28"], "p.csv"),
        (
            "portfolio",
            &["--format", "html", "--date", "2026-11-28"],
            "p.html",
        ),
        ("consolidate", &[], "d.yaml"),
        ("init", &[], "s.yaml"),
    ];
    for (command, options, file) in runs {
        let inputs: &[&str] = if command == "init" {
            &["test.yaml"]
        } else {
            &["a.yaml", "b.yaml", "--checklist", "test.yaml"]
        };
        let args = |output: &'static str| [&[command], inputs, options, &["-o", output]].concat();
        let to_file = run_in(dir.path(), &args(file));
        assert_eq!(to_file.status.code(), Some(0), "{command}: {}", stderr(&to_file));
        let to_stdout = run_in(dir.path(), &args("-"));
        assert_eq!(
            to_stdout.status.code(),
            Some(0),
            "{command}: {}",
            stderr(&to_stdout)
        );
        let mut written = fs::read(dir.path().join(file)).expect("written");
        assert!(!written.is_empty(), "{command}");
        if command == "init" {
            // Only a file gets the line that points at the schema written beside it.
            let line = b"# yaml-language-server: $schema=./test.answers.schema.json\n";
            assert!(written.starts_with(line), "init: no schema line");
            written.drain(..line.len());
        }
        assert!(
            to_stdout.stdout == written,
            "{command}: standard output differs from `{file}`"
        );
    }
}

#[test]
fn standard_output_takes_one_format() {
    let dir = workspace();
    fs::write(dir.path().join("a.yaml"), answers_yaml("  a-1: {level: 3}\n")).expect("write");
    for (args, message) in [
        (
            &[
                "report",
                "a.yaml",
                "--checklist",
                "test.yaml",
                "--format",
                "html,pdf",
                "-o",
                "-",
            ][..],
            "standard output takes one format; write several with `-o FOLDER/`",
        ),
        (
            &["report", "a.yaml", "--checklist", "test.yaml", "-o", "-"][..],
            "`-o -` writes one format to standard output: name it with --format",
        ),
        (
            &[
                "consolidate",
                "a.yaml",
                "a.yaml",
                "--checklist",
                "test.yaml",
                "--format",
                "yaml,json",
                "-o",
                "-",
            ][..],
            "standard output takes one format; write several with `-o FOLDER/`",
        ),
    ] {
        let output = run_in(dir.path(), args);
        assert_eq!(output.status.code(), Some(2), "{args:?}");
        let command = args[0];
        assert_eq!(
            stderr(&output),
            format!(
                "error: {message}\n\nUsage: oversight {command} [OPTIONS] {}\n\nFor more information, try '--help'.\n",
                if command == "report" {
                    "<ANSWERS>"
                } else {
                    "<ANSWERS> <ANSWERS>..."
                }
            )
        );
    }
}

#[test]
fn control_characters_never_reach_the_terminal_raw() {
    let dir = workspace();
    // A file name is the one text no validation rule can refuse.
    let name = "\u{1b}]0;owned\u{7}\r.yaml";
    fs::write(dir.path().join(name), answers_yaml("  a-1: {level: 9}\n")).expect("write");
    let output = run_in(dir.path(), &["validate", name, "--checklist", "test.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[level-off-scale]: \\u{1b}]0;owned\\u{7}\\u{d}.yaml: answers[a-1].level: level `9` is not on the scale `s`
  hint: expected one of 0 (Zero), 1 (One), 2 (Two), 3 (Three), 4 (Four)
error: 1 error(s) in the input
"
    );
    fs::write(dir.path().join(name), answers_yaml("  a-1: {level: 1}\n")).expect("write");
    let output = run_in(dir.path(), &["validate", name, "--checklist", "test.yaml"]);
    assert_eq!(
        stdout(&output),
        "\\u{1b}]0;owned\\u{7}\\u{d}.yaml: ok, answers to `test` version 1 (1 of 5 indicators answered)\n"
    );
    let json = run_in(
        dir.path(),
        &["score", name, "--checklist", "test.yaml", "--format", "json"],
    );
    assert!(
        !stdout(&json).contains('\u{1b}'),
        "JSON escapes it: {}",
        stdout(&json)
    );
    // DEL and a right-to-left override, which serde_json leaves raw, in `validate --format json`.
    let hidden = "a\u{7f}\u{202e}lmth.yaml";
    fs::write(dir.path().join(hidden), answers_yaml("  a-1: {level: 9}\n")).expect("write");
    let listed = run_in(
        dir.path(),
        &["validate", hidden, "--checklist", "test.yaml", "--format", "json"],
    );
    let text = stdout(&listed);
    assert!(text.contains(r#""file": "a\u007f\u202elmth.yaml""#), "{text}");
    let document: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
    assert_eq!(
        document["diagnostics"][0]["file"], hidden,
        "the escapes read back"
    );
}

/// A missing key says which key to add, and where.
#[test]
fn a_missing_key_names_the_key_to_add() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(
        dir.path().join("answers.yaml"),
        "checklist: dssg-executive\nchecklist_version: \"2.0\"\norganisation: X\nassessed_on: 2026-11-01\nanswers:\n  law-1:\n    evidence: [{date: 2026-01-01}]\n",
    )
    .expect("write");
    let output = run_in(dir.path(), &["validate", "answers.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[missing-key]: answers.yaml:7:16: answers.law-1.evidence[0]: missing field `title`\n  \
         hint: add `title:` to this mapping; docs/formats.md lists the keys each part of the file requires\n\
         error: 1 error(s) in the input\n"
    );
}

/// A skeleton of a checklist with criteria says how they are answered; one without, does not.
#[test]
fn the_skeleton_says_how_criteria_are_answered_where_there_are_any() {
    let criteria = stdout(&run_in(root(), &["init", "dssg-executive"]));
    let line =
        "# An indicator with criteria is answered by the criteria met: list their ids in `criteria_met:`\n";
    assert!(criteria.contains(line), "{criteria}");
    let levels = stdout(&run_in(root(), &["init", "checklists/dssg-executive-1.0.yaml"]));
    assert!(levels.starts_with("# Answers to "), "{levels}");
    assert!(!levels.contains("criteria_met:`"), "{levels}");
}
