//! `oversight portfolio`: aggregates computed by hand on three small assessments, skipped
//! files, a deterministic order whatever the argument order, the exact CSV, and the examples.

use crate::report_pdf::pdf_text;
use crate::support::{CHECKLIST, answers_yaml, assert_close, load, root, run_in, stderr, stdout};
use oversight::diagnostic::Diagnostics;
use oversight::portfolio::{Member, Portfolio};
use oversight::score::score;
use std::fs;
use std::path::Path;

/// Three organisations answering the test checklist (`support::CHECKLIST`), by hand:
///
/// ```text
/// file    organisation  a            b-x          b                 overall                complete  critical
/// c.yaml  Alpha         62.5 B       50 C         min(75, 50) = 50  (62.5 + 100) / 3 C     100       b-x-1 (25)
/// a.yaml  beta          75/4 = 18.75 25/2 = 12.5  min(0, 12.5) = 0  (18.75 + 0) / 3 = 6.25 100       b-x-1 (0)
/// b.yaml  Gamma         100 A (a-2 NA) 62.5 B     62.5 B (b-1 NEI)  (100 + 125) / 3 = 75 B 3/4 = 75  none
/// ```
const FILES: [(&str, &str, &str); 3] = [
    (
        "c.yaml",
        "Alpha",
        "  a-1: {level: 4}\n  a-2: {level: 2}\n  b-1: {level: 3}\n  b-x-1: {level: 1}\n  b-x-2: {level: 3}\n",
    ),
    (
        "a.yaml",
        "beta",
        "  a-1: {level: 0}\n  a-2: {level: 1}\n  b-1: {level: 0}\n  b-x-1: {level: 0}\n  b-x-2: {level: 1}\n",
    ),
    (
        "b.yaml",
        "Gamma",
        "  a-1: {level: 4}\n  a-2: {status: not-applicable, comment: no such unit}\n  b-1: {status: not-enough-information}\n  b-x-1: {level: 2}\n  b-x-2: {level: 3}\n",
    ),
];

fn answers_of(organisation: &str, body: &str) -> String {
    answers_yaml(body).replace("organisation: Org\n", &format!("organisation: {organisation}\n"))
}

fn member(organisation: &str, body: &str) -> Member {
    let loaded = load(CHECKLIST, &answers_of(organisation, body)).unwrap_or_else(|d| panic!("{d}"));
    let scorecard = score(&loaded.checklist, &loaded.assessment);
    Member::new(&loaded.assessment, scorecard, Diagnostics::default())
}

fn portfolio(members: Vec<Member>) -> Portfolio {
    let checklist = load(CHECKLIST, &answers_yaml("")).expect("valid").checklist;
    Portfolio::new(checklist, "en", members, Vec::new())
}

fn three() -> Portfolio {
    // Given in reverse order: the portfolio sorts by name, case-insensitively.
    portfolio(
        FILES
            .iter()
            .rev()
            .map(|(_, name, body)| member(name, body))
            .collect(),
    )
}

#[test]
fn members_are_sorted_by_name_case_insensitively() {
    let names: Vec<String> = three()
        .members
        .iter()
        .map(|m| m.organisation.get("en", "en").to_owned())
        .collect();
    assert_eq!(names, ["Alpha", "beta", "Gamma"]);
}

#[test]
fn ukrainian_names_follow_the_ukrainian_alphabet_not_code_points() {
    // By code point: Є (U+0404), І (U+0406), Д (U+0414), Н (U+041D), Ґ (U+0490).
    let names = [
        "Національна поліція",
        "Державна прикордонна служба",
        "Єдиний центр",
        "Інспекція з питань праці",
        "Ґенеральний штаб",
        "Гвардія",
    ];
    let members = names
        .iter()
        .map(|name| member(name, "  a-1: {level: 1}\n"))
        .collect();
    let checklist = load(CHECKLIST, &answers_yaml("")).expect("valid").checklist;
    let sorted: Vec<String> = Portfolio::new(checklist, "uk", members, Vec::new())
        .members
        .iter()
        .map(|m| m.organisation.get("uk", "en").to_owned())
        .collect();
    assert_eq!(
        sorted,
        [
            "Гвардія",
            "Ґенеральний штаб",
            "Державна прикордонна служба",
            "Єдиний центр",
            "Інспекція з питань праці",
            "Національна поліція",
        ]
    );
}

#[test]
fn section_means_and_counts_below_the_pass_mark() {
    let p = three();
    let ids: Vec<(&str, usize)> = p.sections.iter().map(|s| (s.id.as_str(), s.depth)).collect();
    assert_eq!(ids, [("a", 1), ("b", 1), ("b-x", 2)]);
    // a: (62.5 + 18.75 + 100) / 3; only beta's 18.75 is below the pass mark of 50.
    assert_close(p.sections[0].mean, 181.25 / 3.0);
    // b: (50 + 0 + 62.5) / 3 = 37.5; Alpha's 50 is at the pass mark, not below it.
    assert_close(p.sections[1].mean, 37.5);
    // b-x: (50 + 12.5 + 62.5) / 3.
    assert_close(p.sections[2].mean, 125.0 / 3.0);
    for stats in &p.sections {
        assert_eq!(
            (stats.scored, stats.no_score, stats.below_pass),
            (3, 0, 1),
            "{}",
            stats.id
        );
        assert!(stats.has_indicators);
    }
}

#[test]
fn weakest_sections_come_lowest_mean_first() {
    let p = three();
    let order: Vec<&str> = p.weakest.iter().map(|&i| p.sections[i].id.as_str()).collect();
    // b 37.5 < b-x 41.67 < a 60.42
    assert_eq!(order, ["b", "b-x", "a"]);
}

#[test]
fn distribution_of_overall_scores() {
    let d = three().distribution;
    // Bands D, C, B, A: beta 6.25 D, Alpha 54.17 C, Gamma 75 B.
    assert_eq!(d.bands, [1, 1, 1, 0]);
    assert_eq!((d.scored, d.no_score), (3, 0));
    assert_close(d.min, 6.25);
    assert_close(d.median, 162.5 / 3.0);
    assert_close(d.max, 75.0);
    // (162.5 / 3 + 6.25 + 75) / 3 = 406.25 / 9
    assert_close(d.mean, 406.25 / 9.0);
}

/// A member keeps every score and band, and none of the indicators' results or traces.
#[test]
fn a_member_keeps_the_scores_not_the_details() {
    let loaded = load(CHECKLIST, &answers_of("Alpha", FILES[0].2)).expect("valid");
    let full = score(&loaded.checklist, &loaded.assessment);
    let kept = Member::new(&loaded.assessment, full.clone(), Diagnostics::default()).scorecard;
    let scores = |card: &oversight::score::Scorecard| -> Vec<(String, Option<f64>, Option<usize>)> {
        card.sections
            .iter()
            .map(|s| (s.id.clone(), s.score, s.band))
            .collect()
    };
    assert_eq!(scores(&kept), scores(&full));
    let kept_scores: Vec<Option<f64>> = kept.sections.iter().map(|s| s.score).collect();
    assert_eq!(kept_scores, [Some(62.5), Some(50.0)]);
    assert_eq!(kept.overall.score, full.overall.score);
    assert!(full.sections.iter().all(|s| !s.indicators.is_empty()));
    assert!(
        kept.sections
            .iter()
            .all(|s| s.indicators.is_empty() && s.trace.counted.is_empty())
    );
}

#[test]
fn completeness_and_critical_failures_per_organisation() {
    let p = three();
    let per: Vec<(Option<f64>, Vec<String>)> = p
        .members
        .iter()
        .map(|m| (m.scorecard.completeness, m.scorecard.critical_failures.clone()))
        .collect();
    assert_eq!(
        per,
        [
            (Some(100.0), vec!["b-x-1".to_owned()]),
            (Some(100.0), vec!["b-x-1".to_owned()]),
            // 3 scored of 5 − 1 not applicable; b-x-1 at 50 reaches its pass mark.
            (Some(75.0), vec![]),
        ]
    );
}

#[test]
fn an_even_count_takes_the_mean_of_the_middle_scores_and_no_score_is_counted_apart() {
    let p = portfolio(vec![
        member("Alpha", FILES[0].2),
        member("Gamma", FILES[2].2),
        member("Empty", ""),
    ]);
    let d = &p.distribution;
    assert_eq!((d.scored, d.no_score), (2, 1));
    assert_eq!(d.bands, [0, 1, 1, 0]);
    assert_close(d.median, (162.5 / 3.0 + 75.0) / 2.0);
    // Empty has no score for any section: the means are over the two others.
    assert_close(p.sections[0].mean, (62.5 + 100.0) / 2.0);
    assert_eq!((p.sections[0].scored, p.sections[0].no_score), (2, 1));
}

/// A folder with the test checklist and the three answers files.
fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    for (file, name, body) in FILES {
        fs::write(dir.path().join(file), answers_of(name, body)).expect("write");
    }
    dir
}

fn portfolio_in(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["portfolio", "--checklist", "test.yaml", "--date", "2026-11-28"];
    all.extend_from_slice(args);
    run_in(dir, &all)
}

/// The CSV of a.yaml, b.yaml and c.yaml: a byte-order mark, then every number rounded to one
/// decimal as the reports show it (54.1666… is 54.2, 18.75 is 18.8, 6.25 is 6.2: to the even
/// digit, as the reports round a half that is exact in binary).
const CSV: &str = "\u{feff}organisation,a,b,overall,band,completeness,critical_failures,file,skipped
Alpha,62.5,50.0,54.2,C,100.0,1,c.yaml,
beta,18.8,0.0,6.2,D,100.0,1,a.yaml,
Gamma,100.0,62.5,75.0,B,75.0,0,b.yaml,
";

/// In Ukrainian the decimals take a comma, so the fields are separated by `;`, as Excel set to
/// Ukrainian expects; `--csv-delimiter` chooses another separator.
#[test]
fn the_csv_follows_the_language_and_the_delimiter_asked_for() {
    let dir = workspace();
    let output = portfolio_in(
        dir.path(),
        &["a.yaml", "b.yaml", "c.yaml", "--lang", "uk", "-o", "uk.csv"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("uk.csv")).expect("csv"),
        "\u{feff}organisation;a;b;overall;band;completeness;critical_failures;file;skipped
Alpha;62,5;50,0;54,2;C;100,0;1;c.yaml;
beta;18,8;0,0;6,2;D;100,0;1;a.yaml;
Gamma;100,0;62,5;75,0;B;75,0;0;b.yaml;
"
    );
    let output = portfolio_in(
        dir.path(),
        &[
            "a.yaml",
            "b.yaml",
            "c.yaml",
            "--csv-delimiter",
            "tab",
            "-o",
            "tab.csv",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        fs::read_to_string(dir.path().join("tab.csv")).expect("csv"),
        CSV.replace(',', "\t")
    );
    let output = portfolio_in(dir.path(), &["a.yaml", "--csv-delimiter", "|", "-o", "x.csv"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with(
            "error: invalid value '|' for '--csv-delimiter <CHAR>': expected `,`, `;` or `tab`\n"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn csv_content_is_exact() {
    let dir = workspace();
    let output = portfolio_in(dir.path(), &["a.yaml", "b.yaml", "c.yaml", "-o", "out.csv"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stdout(&output), "wrote out.csv\n");
    // No progress bar when standard error is not a terminal.
    assert_eq!(stderr(&output), "");
    assert_eq!(fs::read_to_string(dir.path().join("out.csv")).expect("csv"), CSV);
}

/// OWASP's CSV injection: a text cell that a spreadsheet would read as a formula starts with `'`.
#[test]
fn csv_cells_that_read_as_formulas_are_neutralised() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    let body = "  a-1: {level: 4}\n";
    for (file, name) in [
        ("1.yaml", "'=HYPERLINK(\"http://x\")'"),
        ("2.yaml", "\"+1\""),
        ("3.yaml", "\"@SUM(A1)\""),
        ("-4.yaml", "\"\\t-5\""),
    ] {
        fs::write(dir.path().join(file), answers_of(name, body)).expect("write");
    }
    let output = portfolio_in(
        dir.path(),
        &["-o", "out.csv", "--", "1.yaml", "2.yaml", "3.yaml", "-4.yaml"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let csv = fs::read_to_string(dir.path().join("out.csv")).expect("csv");
    let rows: Vec<&str> = csv.lines().skip(1).collect();
    // Only `a-1` is answered: overall 100, capped to C by the unanswered critical `b-x-1`;
    // numbers with one decimal, as the reports show them.
    // The rows are in the collator's order of the names (tab, `@`, `+`, `=`).
    assert_eq!(
        rows,
        [
            "'\t-5,100.0,,100.0,C,20.0,1,'-4.yaml,",
            "'@SUM(A1),100.0,,100.0,C,20.0,1,3.yaml,",
            "'+1,100.0,,100.0,C,20.0,1,2.yaml,",
            "\"'=HYPERLINK(\"\"http://x\"\")\",100.0,,100.0,C,20.0,1,1.yaml,",
        ]
    );
}

#[test]
fn a_bad_file_is_skipped_the_others_are_reported_and_the_exit_code_is_1() {
    let dir = workspace();
    fs::write(
        dir.path().join("bad.yaml"),
        answers_of("Bad", "  a-1: {level: 9}\n"),
    )
    .expect("write");
    let other = answers_of("Other", "  a-1: {level: 1}\n").replace("checklist: test", "checklist: other");
    fs::write(dir.path().join("other.yaml"), other).expect("write");
    let output = portfolio_in(
        dir.path(),
        &[
            "bad.yaml",
            "a.yaml",
            "nope.yaml",
            "b.yaml",
            "other.yaml",
            "c.yaml",
            "--format",
            "csv,json",
            "-o",
            "out/",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stdout(&output),
        "wrote out/portfolio.json\nwrote out/portfolio.csv\n"
    );
    assert_eq!(
        stderr(&output),
        "error[level-off-scale]: bad.yaml: answers[a-1].level: level `9` is not on the scale `s`
  hint: expected one of 0 (Zero), 1 (One), 2 (Two), 3 (Three), 4 (Four)
error[unreadable-file]: nope.yaml: no such file
error[checklist-mismatch]: other.yaml: checklist: the answers are for `other`, but the checklist is `test`
  hint: pass the matching checklist with `--checklist`, or correct the `checklist` key
error: 3 of 6 answers files were skipped; the outputs cover the others
"
    );
    let csv = fs::read_to_string(dir.path().join("out/portfolio.csv")).expect("csv");
    assert_eq!(
        csv,
        format!(
            "{CSV},,,,,,,bad.yaml,level-off-scale: level `9` is not on the scale `s`
,,,,,,,nope.yaml,unreadable-file: no such file
,,,,,,,other.yaml,\"checklist-mismatch: the answers are for `other`, but the checklist is `test`\"
"
        )
    );
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("out/portfolio.json")).expect("json"))
            .expect("parses");
    let skipped: Vec<&str> = json["skipped"]
        .as_array()
        .expect("a list")
        .iter()
        .map(|s| s["file"].as_str().expect("a file"))
        .collect();
    assert_eq!(skipped, ["bad.yaml", "nope.yaml", "other.yaml"]);
    assert_eq!(json["skipped"][0]["diagnostics"][0]["code"], "level-off-scale");
    assert_eq!(json["organisations"].as_array().map(Vec::len), Some(3));
}

#[test]
fn the_json_holds_the_aggregates() {
    let dir = workspace();
    let output = portfolio_in(dir.path(), &["a.yaml", "b.yaml", "c.yaml", "-o", "out.json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("out.json")).expect("json")).expect("parses");
    assert_eq!(
        json["checklist"],
        serde_json::json!({"id": "test", "version": "1"})
    );
    assert_eq!(json["weakest"], serde_json::json!(["b", "b-x", "a"]));
    assert_eq!(
        json["sections"][1],
        serde_json::json!({"id": "b", "depth": 1, "mean": 37.5, "scored": 3, "no_score": 0, "below_pass": 1})
    );
    assert_eq!(json["distribution"]["median"], 162.5 / 3.0);
    assert_eq!(
        json["distribution"]["bands"][0],
        serde_json::json!({"code": "D", "label": "Weak", "count": 1})
    );
    let alpha = &json["organisations"][0];
    assert_eq!(alpha["organisation"], "Alpha");
    assert_eq!(alpha["overall"]["band"]["code"], "C");
    assert_eq!(alpha["critical_failures"], serde_json::json!(["b-x-1"]));
    assert_eq!(
        alpha["sections"][2],
        serde_json::json!({"id": "b-x", "score": 50.0, "band": {"code": "C", "label": "Partial"}})
    );
    assert_eq!(json["provenance"]["files"][0]["file"], "c.yaml");
}

#[test]
fn the_order_is_the_same_whatever_the_argument_order() {
    let dir = workspace();
    fs::create_dir(dir.path().join("p")).expect("mkdir");
    for (file, _, _) in FILES {
        fs::rename(dir.path().join(file), dir.path().join("p").join(file)).expect("move");
    }
    let outputs = |args: &[&str]| {
        let mut all = args.to_vec();
        all.extend_from_slice(&["--format", "html,json,csv", "-o", "out/"]);
        let output = portfolio_in(dir.path(), &all);
        assert_eq!(output.status.code(), Some(0), "{args:?}: {}", stderr(&output));
        ["html", "json", "csv"]
            .map(|ext| fs::read(dir.path().join(format!("out/portfolio.{ext}"))).expect("written"))
    };
    let first = outputs(&["p/a.yaml", "p/b.yaml", "p/c.yaml"]);
    for args in [
        &["p/c.yaml", "p/b.yaml", "p/a.yaml"][..],
        &["p/b.yaml", "p/a.yaml", "p/c.yaml", "p/a.yaml"],
        &["p"],
        &["p", "p/b.yaml"],
    ] {
        assert!(outputs(args) == first, "{args:?} gave other bytes");
    }
    let csv = String::from_utf8(first[2].clone()).expect("utf-8");
    assert!(
        csv.contains("\nAlpha,62.5,50.0,54.2,C,100.0,1,p/c.yaml,\n"),
        "{csv}"
    );
}

/// Without `--checklist`, every file is validated against the checklist most files name. On
/// one thread the first file read is the first given, so each order below makes the pass start
/// from another checklist: the stray one (all files are then scored again against `test`),
/// `test` itself, or none (a file whose `checklist:` cannot be read, scored once `test` is
/// found). The outcome is the same.
#[test]
fn without_checklist_the_one_most_files_name_is_used() {
    let dir = workspace();
    let local = dir.path().join("checklists");
    fs::create_dir(&local).expect("mkdir");
    fs::rename(dir.path().join("test.yaml"), local.join("test.yaml")).expect("move");
    let stray =
        answers_of("Stray", "  law-1: {level: 1}\n").replace("checklist: test", "checklist: dssg-executive");
    fs::write(dir.path().join("0-stray.yaml"), stray).expect("write");
    let unnamed = answers_of("Unnamed", "").replace("checklist: test", "checklist: [1]");
    fs::write(dir.path().join("1-unnamed.yaml"), unnamed).expect("write");
    let expected = "\
error[checklist-mismatch]: 0-stray.yaml: checklist: the answers are for `dssg-executive`, but the checklist is `test`
  hint: pass the matching checklist with `--checklist`, or correct the `checklist` key
error[unknown-indicator]: 0-stray.yaml: answers[law-1]: the checklist `test` has no indicator `law-1`
  hint: list the checklist's indicators with `oversight init`
error[wrong-type]: 1-unnamed.yaml:1:12: checklist: invalid type: sequence, expected a string
error: 2 of 5 answers files were skipped; the outputs cover the others
";
    for order in [
        ["0-stray.yaml", "a.yaml", "b.yaml", "c.yaml", "1-unnamed.yaml"],
        ["a.yaml", "0-stray.yaml", "b.yaml", "c.yaml", "1-unnamed.yaml"],
        ["1-unnamed.yaml", "a.yaml", "b.yaml", "c.yaml", "0-stray.yaml"],
    ] {
        let output = crate::support::binary()
            .current_dir(dir.path())
            .env("RAYON_NUM_THREADS", "1")
            .args(["portfolio", "--format", "csv", "-o", "out.csv"])
            .args(order)
            .output()
            .expect("the binary runs");
        assert_eq!(output.status.code(), Some(1), "{order:?}");
        assert_eq!(stderr(&output), expected, "{order:?}");
        let csv = fs::read_to_string(dir.path().join("out.csv")).expect("csv");
        assert!(csv.starts_with(CSV), "{order:?}: {csv}");
    }
}

#[test]
fn usage_and_input_errors() {
    let dir = workspace();
    let output = portfolio_in(dir.path(), &["a.yaml", "-o", "x.odt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).starts_with("error: cannot tell the format of `x.odt`: use a .html, .pdf, .json, .csv, .docx or .xlsx name, or a folder ending in `/`\n"),
        "{}",
        stderr(&output)
    );
    let output = portfolio_in(dir.path(), &["a.yaml", "--lang", "fr", "-o", "x.csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with(
            "error[unknown-language]: test.yaml: languages: the checklist has no language `fr`\n"
        )
    );
    fs::create_dir(dir.path().join("empty")).expect("mkdir");
    let output = portfolio_in(dir.path(), &["empty", "nope.yaml", "-o", "x.csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[unreadable-file]: empty: the folder holds no `.yaml` or `.yml` file
error[unreadable-file]: nope.yaml: no such file
error: no answers file could be scored; nothing was written
"
    );
    assert!(!dir.path().join("x.csv").exists());
    // Without --checklist, a run where no file names a checklist fails, saying why.
    fs::write(
        dir.path().join("k.yaml"),
        answers_yaml("").replace("checklist: test", "checklist: [1]"),
    )
    .expect("write");
    let output = run_in(dir.path(), &["portfolio", "k.yaml", "-o", "x.csv"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[wrong-type]: k.yaml:1:12: checklist: invalid type: sequence, expected a string\nerror: 1 error(s) in the input\n"
    );
    // The report command still refuses CSV.
    let output = run_in(
        dir.path(),
        &["report", "a.yaml", "--checklist", "test.yaml", "-o", "x.csv"],
    );
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("use a .html, .pdf, .json, .docx or .xlsx name"),
        "{}",
        stderr(&output)
    );
}

#[test]
fn every_example_portfolio_file_validates_without_warnings() {
    let mut files: Vec<_> = ["examples/portfolio", "examples/edition-1.0/portfolio"]
        .iter()
        .flat_map(|folder| fs::read_dir(root().join(folder)).expect("folder"))
        .map(|e| e.expect("entry").path())
        .collect();
    files.sort();
    assert_eq!(files.len(), 10, "five organisations in each edition: {files:?}");
    let mut languages = Vec::new();
    for path in &files {
        let loaded = oversight::load::assessment(path, None, &oversight::source::Limits::default())
            .unwrap_or_else(|d| panic!("{d}"));
        assert!(
            loaded.warnings.is_empty(),
            "{}: {}",
            path.display(),
            loaded.warnings
        );
        languages.push(loaded.assessment.language().map(str::to_owned));
    }
    assert!(languages.contains(&Some("uk".into())) && languages.contains(&Some("en".into())));
}

#[test]
fn the_example_portfolio_in_html_and_pdf() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("out");
    let out = format!("{}/", out.display());
    let output = run_in(
        root(),
        &[
            "portfolio",
            "examples/portfolio",
            "--lang",
            "uk",
            "--format",
            "html,pdf",
            "-o",
            &out,
            "--date",
            "2026-11-28",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = fs::read_to_string(dir.path().join("out/portfolio.html")).expect("html");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"uk\">"));
    assert!(!html.contains("http://") && !html.contains("https://"));
    assert_eq!(html.matches("<script").count(), 1, "only the finder's script");
    assert!(!html.contains("<script src"));
    // Ukrainian order; each cell shows the score and the band code, not only a colour.
    let first = html
        .find("Адміністрація Державної прикордонної служби України")
        .expect("row");
    assert!(first < html.find("Національна гвардія України").expect("row"));
    // the border guard by hand: (2 × 75 + 4 × 78.125 + 2 × 81.25 + 4 × 71.875 + 5 × 60
    // + 3 × 91.667) / 20 = 74.375
    assert!(
        html.contains("<span class=\"hm-score\">74,4</span> <span class=\"hm-code\">B</span>"),
        "overall of the border guard"
    );
    assert!(html.contains("Розділи з найнижчими середніми оцінками"));
    if let Some(text) = pdf_text(&dir.path().join("out/portfolio.pdf")) {
        for expected in [
            "Порівняльний огляд самооцінювання організацій",
            "74,4 B",
            "Розділи з найнижчими середніми оцінками",
            "Середня оцінка",
            "Сторінка 1 з",
        ] {
            assert!(text.contains(expected), "`{expected}` in {text}");
        }
    }
}

/// The portfolio workbook, read with calamine: every score a number, unrounded (the cells show
/// one decimal), the band as text, the skipped files on their own sheet.
#[test]
fn the_portfolio_workbook_holds_numbers_and_bands() {
    use calamine::{Data, Reader, Xlsx, open_workbook};
    let dir = workspace();
    let output = portfolio_in(dir.path(), &["a.yaml", "b.yaml", "c.yaml", "-o", "out.xlsx"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut book: Xlsx<_> = open_workbook(dir.path().join("out.xlsx")).expect("an xlsx workbook");
    assert_eq!(book.sheet_names(), ["Scores", "Skipped files"]);
    let scores = book.worksheet_range("Scores").expect("the scores sheet");
    let row = |r: usize| scores.rows().nth(r).expect("a row").to_vec();
    assert_eq!(
        row(0),
        [
            "Organisation",
            "A",
            "B",
            "Overall",
            "Band",
            "Completeness",
            "Critical failures",
            "File"
        ]
        .map(|s| Data::String(s.into()))
    );
    assert_eq!(row(1)[0], Data::String("Alpha".into()));
    assert_eq!(row(1)[1], Data::Float(62.5));
    assert_eq!(row(1)[2], Data::Float(50.0));
    assert_eq!(row(1)[3], Data::Float(54.166666666666664));
    assert_eq!(row(1)[4], Data::String("C".into()));
    assert_eq!(row(1)[5], Data::Float(100.0));
    assert_eq!(row(1)[6], Data::Float(1.0));
    assert_eq!(row(3)[0], Data::String("Gamma".into()));
    assert_eq!(row(3)[3], Data::Float(75.0));
    assert_eq!(row(3)[4], Data::String("B".into()));
}
