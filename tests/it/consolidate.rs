//! `oversight consolidate`: median, spread, disagreements, draft statuses, exact agreement and
//! Krippendorff's alpha computed by hand, the draft validating, and the command's files.

use crate::support::{CHECKLIST, answers_yaml, load, root, run_in, stderr, stdout};
use oversight::consolidate::alpha::ordinal;
use oversight::consolidate::{Consolidation, Given, consolidate, lower_median};
use oversight::load::Loaded;
use oversight::model::Assessment;
use oversight::model::{LevelRef, Number};
use oversight::score::Status;
use oversight::source::Source;
use std::fs;

/// Three assessors of the test checklist (scale 0..4):
///
/// ```text
///          Anna    Borys   Chrystia
/// a-1      2       2       2
/// a-2      1       3       not applicable
/// b-1      3       3       3
/// b-x-1    4       –       –             (– = unanswered)
/// b-x-2    n.e.i.  n.e.i.  1             (n.e.i. = not enough information)
/// ```
const ANNA: &str = "  a-1: {level: 2, comment: Anna on a-1}
  a-2:
    level: 1
    comment: The procedure is a draft.
    evidence: [{title: Draft procedure, date: 2026-05-01}]
    action: {text: Adopt the procedure, owner: Unit A}
  b-1: {level: 3}
  b-x-1: {level: 4}
  b-x-2: {status: not-enough-information}
";
const BORYS: &str = "  a-1: {level: 2}
  a-2:
    level: 3
    comment: The procedure is applied.
    evidence: [{title: Draft procedure, date: 2026-05-01}, {title: Training log}]
    action: {text: \" Adopt  the procedure\", owner: Unit B}
  b-1: {level: 3}
  b-x-2: {status: not-enough-information}
";
const CHRYSTIA: &str = "  a-1: {level: 2}
  a-2: {status: not-applicable, comment: No such unit here.}
  b-1: {level: 3}
  b-x-2: {level: 1}
";

fn named(body: &str, name: &str) -> Loaded {
    let text = answers_yaml(body).replace(
        "answers:\n",
        &format!("assessors: [{{name: {name}}}]\nanswers:\n"),
    );
    load(CHECKLIST, &text).unwrap_or_else(|d| panic!("invalid input:\n{d}"))
}

fn three() -> (Vec<Loaded>, Consolidation) {
    let loaded = vec![
        named(ANNA, "Anna"),
        named(BORYS, "Borys"),
        named(CHRYSTIA, "Chrystia"),
    ];
    let assessments: Vec<&Assessment> = loaded.iter().map(|l| &l.assessment).collect();
    let consolidation = consolidate(&loaded[0].checklist, &assessments);
    (loaded, consolidation)
}

fn level(level: i64) -> Given {
    Given {
        status: Status::Scored,
        level: Some(Number::from(level)),
    }
}

fn status(status: Status) -> Given {
    Given { status, level: None }
}

#[test]
fn median_spread_disagreements_and_draft_by_hand() {
    let (_, c) = three();
    assert_eq!(c.assessors, ["Anna", "Borys", "Chrystia"]);
    /// id, median, spread, steps, disagreement, draft.
    type Row<'a> = (&'a str, Option<i64>, Option<i64>, Option<usize>, bool, Given);
    let rows: Vec<Row> = c
        .indicators
        .iter()
        .map(|i| {
            (
                i.id.as_str(),
                i.median.and_then(Number::to_whole),
                i.spread.and_then(Number::to_whole),
                i.steps,
                i.disagreement,
                i.draft,
            )
        })
        .collect();
    assert_eq!(
        rows,
        [
            // 2, 2, 2: median 2, spread 0.
            ("a-1", Some(2), Some(0), Some(0), false, level(2)),
            // Levels 1 and 3 (the third assessor: not applicable, one of three, no majority):
            // the lower median of two levels is the lower one, 1; spread 3 − 1 = 2, two scale
            // steps: a disagreement.
            ("a-2", Some(1), Some(2), Some(2), true, level(1)),
            ("b-1", Some(3), Some(0), Some(0), false, level(3)),
            // One level (4), but two of three left it unanswered: the draft is unanswered.
            (
                "b-x-1",
                Some(4),
                Some(0),
                Some(0),
                false,
                status(Status::Unanswered)
            ),
            // Two of three: not enough information, the majority.
            (
                "b-x-2",
                Some(1),
                Some(0),
                Some(0),
                false,
                status(Status::NotEnoughInformation)
            ),
        ]
    );
    assert_eq!(
        c.indicators[1].given,
        [level(1), level(3), status(Status::NotApplicable)]
    );
    assert_eq!(
        c.disagreements().map(|i| i.id.as_str()).collect::<Vec<_>>(),
        ["a-2"]
    );
}

#[test]
fn exact_agreement_and_alpha_by_hand() {
    let (_, c) = three();
    // Indicators with levels from at least two assessors: a-1 (2 2 2), a-2 (1 3), b-1 (3 3 3).
    // All levels equal on a-1 and b-1: exact agreement 2 of 3 = 66.67 %.
    assert_eq!((c.agreement.compared, c.agreement.exact), (2 + 1, 2));
    let share = c.agreement.exact_share.expect("defined");
    assert!((share - 200.0 / 3.0).abs() < 1e-9, "{share}");
    // Alpha, ordinal. Units with two or more levels: {2, 2, 2}, {1, 3}, {3, 3, 3}; b-x-1 {4} and
    // b-x-2 {1} have one level each and cannot be paired.
    //   coincidences: o(2,2) = 6 ordered pairs × 1/(3 − 1) = 3; o(1,3) = o(3,1) = 1 × 1/(2 − 1) = 1;
    //                 o(3,3) = 6 × 1/2 = 3
    //   totals:       n(1) = 1, n(2) = 3, n(3) = 4, n = 8
    //   ordinal δ²:   δ²(1,2) = (n1 + n2 − (n1 + n2)/2)² = (4 − 2)² = 4
    //                 δ²(2,3) = (3 + 4 − (3 + 4)/2)² = 3.5² = 12.25
    //                 δ²(1,3) = (1 + 3 + 4 − (1 + 4)/2)² = 5.5² = 30.25
    //   observed:     Σ o δ² = o(1,3) δ²(1,3) + o(3,1) δ²(3,1) = 2 × 30.25 = 60.5
    //   expected:     Σ n n δ² = 2 × (1·3·4 + 1·4·30.25 + 3·4·12.25) = 2 × (12 + 121 + 147) = 560
    //   alpha = 1 − (n − 1) × observed / expected = 1 − 7 × 60.5 / 560 = 1 − 0.75625 = 0.24375
    // (Levels enter as their scores, 25 points a level; the ordinal metric depends only on order.)
    let alpha = c.agreement.alpha;
    assert!(
        (alpha.value.expect("defined") - 0.24375).abs() < 1e-12,
        "{alpha:?}"
    );
    assert_eq!((alpha.pairable_units, alpha.pairable_values), (3, 8));
}

#[test]
fn alpha_on_its_own() {
    // The same units as above, given directly, with a unit that cannot be paired.
    let alpha = ordinal(&[
        vec![2.0, 2.0, 2.0],
        vec![1.0, 3.0],
        vec![3.0, 3.0, 3.0],
        vec![4.0],
    ]);
    assert!((alpha.value.expect("defined") - 0.24375).abs() < 1e-12);
    // Perfect agreement is 1; no pairs, or no variation at all, leave alpha undefined.
    assert_eq!(ordinal(&[vec![0.0, 0.0], vec![4.0, 4.0, 4.0]]).value, Some(1.0));
    assert_eq!(ordinal(&[vec![1.0], vec![]]).value, None);
    assert_eq!(ordinal(&[vec![2.0, 2.0], vec![2.0, 2.0, 2.0]]).value, None);
    // Two coders who always disagree by the whole scale, on two units:
    // o(0,4) = o(4,0) = 2, n(0) = n(4) = 2, n = 4, δ²(0,4) = (4 − 2)² = 4;
    // alpha = 1 − 3 × (2 × 2 × 4) / (2 × 2·2·4) = 1 − 3 × 16 / 32 = −0.5.
    let opposed = ordinal(&[vec![0.0, 4.0], vec![4.0, 0.0]]).value.expect("defined");
    assert!((opposed + 0.5).abs() < 1e-12, "{opposed}");
}

#[test]
fn the_lower_median_stays_on_the_scale() {
    assert_eq!(lower_median::<i64>(&[]), None);
    assert_eq!(lower_median(&[3]), Some(3));
    assert_eq!(lower_median(&[1, 3]), Some(1));
    assert_eq!(lower_median(&[1, 2, 3, 4]), Some(2));
    assert_eq!(lower_median(&[0, 0, 4, 4]), Some(0));
    assert_eq!(lower_median(&[1, 2, 3, 4, 5]), Some(3));
}

#[test]
fn statuses_need_a_strict_majority() {
    let loaded = [
        named("  a-1: {status: not-applicable, comment: x}\n", "A"),
        named("  a-1: {status: not-applicable, comment: y}\n", "B"),
        named(
            "  a-1: {level: 3}\n  a-2: {status: not-applicable, comment: z}\n",
            "C",
        ),
        named(
            "  a-1: {level: 1}\n  a-2: {status: not-enough-information}\n",
            "D",
        ),
    ];
    let assessments: Vec<&Assessment> = loaded.iter().map(|l| &l.assessment).collect();
    let c = consolidate(&loaded[0].checklist, &assessments);
    // a-1: 2 of 4 said not applicable, not more than half: the lower median of 1 and 3.
    assert_eq!(c.indicators[0].draft, level(1));
    // a-2: unanswered by 2, not applicable 1, not enough information 1: no majority, no level.
    assert_eq!(c.indicators[1].draft, status(Status::Unanswered));
    // a-2: no level at all, so no median and no spread.
    assert_eq!((c.indicators[1].median, c.indicators[1].spread), (None, None));
}

#[test]
fn disagreements_count_scale_steps_not_values() {
    // A scale 0, 5, 10: levels 0 and 5 are one step apart (spread 5, no disagreement);
    // 0 and 10 are two steps apart.
    let checklist = CHECKLIST.replace(
        "      - {value: 0, label: Zero}\n      - {value: 1, label: One}\n      - {value: 2, label: Two}\n      - {value: 3, label: Three}\n      - {value: 4, label: Four}\n",
        "      - {value: 0, label: Zero}\n      - {value: 5, label: Five}\n      - {value: 10, label: Ten}\n",
    );
    let loaded: Vec<Loaded> = [
        "  a-1: {level: 0}\n  a-2: {level: 0}\n",
        "  a-1: {level: 5}\n  a-2: {level: 10}\n",
    ]
    .iter()
    .map(|body| load(&checklist, &answers_yaml(body)).unwrap_or_else(|d| panic!("{d}")))
    .collect();
    let assessments: Vec<&Assessment> = loaded.iter().map(|l| &l.assessment).collect();
    let c = consolidate(&loaded[0].checklist, &assessments);
    let a1 = &c.indicators[0];
    assert_eq!(
        (a1.spread.and_then(Number::to_whole), a1.steps, a1.disagreement),
        (Some(5), Some(1), false)
    );
    let a2 = &c.indicators[1];
    assert_eq!(
        (a2.spread.and_then(Number::to_whole), a2.steps, a2.disagreement),
        (Some(10), Some(2), true)
    );
}

#[test]
fn the_draft_validates_and_carries_everything_for_the_meeting() {
    let (loaded, c) = three();
    let assessments: Vec<&Assessment> = loaded.iter().map(|l| &l.assessment).collect();
    let labels = oversight::i18n::Catalogue::bundled().labels("en");
    let text =
        oversight::render::consolidate::draft_yaml(&loaded[0].checklist, &assessments, &c, "en", &labels)
            .unwrap_or_else(|d| panic!("the draft must validate:\n{d}"));
    let source = Source::from_bytes("draft.yaml", text.as_bytes()).expect("utf-8");
    let draft = oversight::validate::answers::answers(&source, &loaded[0].checklist)
        .expect("valid")
        .value;
    assert_eq!(
        draft.answer("a-2").and_then(|a| a.level.clone()),
        Some(LevelRef::Value(Number::from(1)))
    );
    assert_eq!(draft.answer("b-x-1").and_then(|a| a.level.clone()), None);
    assert_eq!(
        draft.answer("b-x-2").and_then(|a| a.status),
        Some(oversight::model::AnswerStatus::NotEnoughInformation)
    );
    let a2 = draft.answer("a-2").expect("a-2");
    assert_eq!(
        a2.comment.as_deref(),
        Some(
            "Anna: The procedure is a draft.\nBorys: The procedure is applied.\nChrystia: No such unit here."
        )
    );
    // The same evidence from two assessors once; both actions have the same words: kept.
    let titles: Vec<&str> = a2.evidence.iter().map(|e| e.title.as_str()).collect();
    assert_eq!(titles, ["Draft procedure", "Training log"]);
    assert_eq!(
        a2.action.as_ref().map(|a| a.text.as_str()),
        Some("Adopt the procedure")
    );
    let names: Vec<&str> = draft.assessors().iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Anna", "Borys", "Chrystia"]);
    // The comments for the meeting.
    for line in [
        "# Exact agreement: 2 of 3 indicators (66.7%). Krippendorff's alpha (ordinal): 0.244.",
        "# Disagreements (levels two or more scale steps apart): a-2",
        "  # Answers: Anna 1 · Borys 3 · Chrystia not applicable",
        "  # Draft: 1, the lower median of 1, 3; spread 2",
        "  # DISAGREEMENT: the levels are 2 scale steps apart; settle it at the consensus meeting",
        "  # Draft: unanswered, the majority (2 of 3 assessors)",
        "  # Draft: not enough information, the majority (2 of 3 assessors)",
    ] {
        assert!(
            text.contains(&format!("{line}\n")),
            "missing `{line}` in:\n{text}"
        );
    }
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    for (name, body) in [("anna", ANNA), ("borys", BORYS), ("chrystia", CHRYSTIA)] {
        fs::write(dir.path().join(format!("{name}.yaml")), answers_yaml(body)).expect("write");
    }
    dir
}

const FILES: [&str; 3] = ["anna.yaml", "borys.yaml", "chrystia.yaml"];

#[test]
fn without_o_the_draft_goes_to_stdout_and_the_summary_to_stderr() {
    let dir = workspace();
    let mut args = vec!["consolidate", "--checklist", "test.yaml"];
    args.extend(FILES);
    let output = run_in(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).contains("checklist: \"test\"\n"));
    assert_eq!(
        stderr(&output),
        "Consolidated 3 answers files: Org (test 1)
  anna.yaml — anna.yaml
  borys.yaml — borys.yaml
  chrystia.yaml — chrystia.yaml
Exact agreement: 2 of 3 indicators (66.7%).
Krippendorff's alpha (ordinal): 0.244 (from 8 levels on 3 indicators).
Draft: 3 scored, 1 not enough information, 1 unanswered
Disagreements (levels two or more scale steps apart): 1
  a-2: anna.yaml 1 · borys.yaml 3 · chrystia.yaml not applicable
    Draft: 1, the lower median of 1, 3; spread 2
"
    );
    let mut json_args = args.clone();
    json_args.extend(["--format", "json"]);
    let output = run_in(dir.path(), &json_args);
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    assert_eq!(json["agreement"]["exact"], 2);
    assert_eq!(
        json["agreement"]["alpha"]["value"]
            .as_f64()
            .map(|a| (a * 1e5).round()),
        Some(24375.0)
    );
    assert_eq!(json["disagreements"], serde_json::json!(["a-2"]));
    assert_eq!(
        json["indicators"][1]["draft"],
        serde_json::json!({"status": "scored", "level": 1})
    );
}

#[test]
fn o_writes_atomically_and_never_overwrites_without_force() {
    let dir = workspace();
    let mut args = vec!["consolidate", "--checklist", "test.yaml", "-o", "draft.yaml"];
    args.extend(FILES);
    let output = run_in(dir.path(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).starts_with("wrote draft.yaml\nConsolidated 3 answers files"),
        "{}",
        stdout(&output)
    );
    assert_eq!(stderr(&output), "");
    let valid = run_in(
        dir.path(),
        &["validate", "--checklist", "test.yaml", "draft.yaml"],
    );
    assert_eq!(valid.status.code(), Some(0), "{}", stderr(&valid));

    fs::write(dir.path().join("draft.yaml"), "mine").expect("write");
    let again = run_in(dir.path(), &args);
    assert_eq!(again.status.code(), Some(1));
    assert_eq!(stderr(&again), "error: `draft.yaml` already exists\n");
    assert_eq!(
        fs::read_to_string(dir.path().join("draft.yaml")).expect("kept"),
        "mine"
    );
    args.push("--force");
    assert_eq!(run_in(dir.path(), &args).status.code(), Some(0));
    assert_ne!(
        fs::read_to_string(dir.path().join("draft.yaml")).expect("replaced"),
        "mine"
    );

    // Both formats into a folder; two formats cannot share standard output.
    let mut both = vec![
        "consolidate",
        "--checklist",
        "test.yaml",
        "--format",
        "yaml,json",
        "-o",
        "out/",
    ];
    both.extend(FILES);
    let output = run_in(dir.path(), &both);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(stdout(&output).starts_with("wrote out/consolidated.yaml\nwrote out/consolidated.json\n"));
    let mut no_folder = vec!["consolidate", "--checklist", "test.yaml", "--format", "yaml,json"];
    no_folder.extend(FILES);
    assert_eq!(run_in(dir.path(), &no_folder).status.code(), Some(2));
    // An output may never replace an input.
    let mut over = vec![
        "consolidate",
        "--checklist",
        "test.yaml",
        "-o",
        "anna.yaml",
        "--force",
    ];
    over.extend(FILES);
    let output = run_in(dir.path(), &over);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: `anna.yaml` is an input of this run; refusing to write the output over it\n"
    );
}

#[test]
fn answers_to_different_versions_are_refused() {
    let dir = workspace();
    fs::write(
        dir.path().join("test-v2.yaml"),
        CHECKLIST.replace("version: \"1\"", "version: \"2\""),
    )
    .expect("write");
    let v2 = answers_yaml("  a-1: {level: 1}\n")
        .replace("checklist: test", "checklist: test-v2.yaml")
        .replace("checklist_version: \"1\"", "checklist_version: \"2\"");
    fs::write(dir.path().join("v2.yaml"), v2).expect("write");
    let text = answers_yaml("  a-1: {level: 1}\n").replace("checklist: test", "checklist: test.yaml");
    fs::write(dir.path().join("v1.yaml"), text).expect("write");
    let output = run_in(dir.path(), &["consolidate", "v1.yaml", "v2.yaml"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[different-versions]: v2.yaml: checklist_version: these answers are to version `2` of the checklist, but `v1.yaml` answers version `1`
  hint: consolidate answers to one checklist version
error: 1 error(s) in the input
"
    );
}

#[test]
fn the_example_assessors_consolidate_into_a_valid_draft() {
    // (folder, exact agreement, alpha): the 2.0 figures in examples/assessors/bondar.yaml's
    // header, the 1.0 ones of the previous round
    for (folder, exact, alpha) in [
        (
            "examples/assessors",
            "Exact agreement: 15 of 28 indicators (53.6%).\n",
            "Krippendorff's alpha (ordinal): 0.580 (from 80 levels on 28 indicators).\n",
        ),
        (
            "examples/edition-1.0/assessors",
            "Exact agreement: 28 of 43 indicators (65.1%).\n",
            "Krippendorff's alpha (ordinal): 0.755 (from 128 levels on 43 indicators).\n",
        ),
    ] {
        let dir = tempfile::tempdir().expect("temp");
        let draft = dir.path().join("draft.yaml");
        let draft_arg = draft.to_str().expect("utf-8");
        let files: Vec<String> = ["bondar", "hrytsenko", "melnyk"]
            .iter()
            .map(|name| format!("{folder}/{name}.yaml"))
            .collect();
        let mut args: Vec<&str> = vec!["consolidate"];
        args.extend(files.iter().map(String::as_str));
        args.extend(["-o", draft_arg]);
        let output = run_in(root(), &args);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(stderr(&output), "", "the examples give no warning");
        let text = stdout(&output);
        assert!(text.contains(exact), "{text}");
        assert!(text.contains(alpha), "{text}");
        assert!(
            text.contains("Disagreements (levels two or more scale steps apart): 5\n"),
            "{text}"
        );
        let valid = run_in(root(), &["validate", draft_arg]);
        assert_eq!(valid.status.code(), Some(0), "{}", stderr(&valid));
        assert_eq!(
            stderr(&valid),
            "",
            "{folder}: no warning, not even level-without-criteria"
        );
    }
}

#[test]
fn the_second_edition_draft_keeps_the_scope_the_criteria_and_the_acts_in_force() {
    let dir = tempfile::tempdir().expect("temp");
    let draft = dir.path().join("draft.yaml");
    let draft_arg = draft.to_str().expect("utf-8");
    let output = run_in(
        root(),
        &[
            "consolidate",
            "examples/assessors/bondar.yaml",
            "examples/assessors/hrytsenko.yaml",
            "examples/assessors/melnyk.yaml",
            "-o",
            draft_arg,
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(
        stdout(&output).contains(
            "Draft: 28 scored, 2 not applicable, 2 not enough information, 1 unanswered, 3 out of scope\n"
        ),
        "civ-4, inc-4 and tr-5 are out of the `other` scope, not unanswered: {}",
        stdout(&output)
    );
    let text = fs::read_to_string(&draft).expect("draft");
    assert!(text.contains("\nscope: [other]\n"), "the assessors' common scope");
    for id in ["civ-4", "inc-4", "tr-5"] {
        assert!(
            !text.contains(&format!("\n  {id}:\n")),
            "{id} is out of scope: no answer"
        );
    }
    // mm-2: Bondar 3, Hrytsenko 3, Melnyk 1; the draft's 3 ticks the first assessor's criteria
    let mm2 = &text[text.find("\n  mm-2:\n").expect("mm-2")..];
    assert!(mm2.starts_with(
        "\n  mm-2:\n    # The criteria are those of the answer whose level is the draft's: Iryna Bondar\n    criteria_met: [a, b, c]\n"
    ));
    // the law in force since 2003 stays an act in force, so it is not flagged as stale
    let law1 = &text[text.find("\n  law-1:\n").expect("law-1")..];
    let law = &law1[law1
        .find("On the State Border Guard Service of Ukraine")
        .expect("the law")..];
    assert!(law[..200].contains("kind: act-in-force"), "{}", &law[..200]);
    let scored = run_in(root(), &["score", draft_arg]);
    assert!(
        stdout(&scored).contains(
            "Completeness: 90.3% (28 scored, 2 not applicable, 2 not enough information, 1 unanswered, 3 out of scope)"
        ),
        "{}",
        stdout(&scored)
    );
}

#[test]
fn assessors_who_chose_different_scopes_leave_it_to_the_meeting() {
    let dir = tempfile::tempdir().expect("temp");
    for (name, scope) in [("a", "police"), ("b", "ministry")] {
        fs::write(
            dir.path().join(format!("{name}.yaml")),
            format!(
                "checklist: dssg-executive\nchecklist_version: \"2.0\"\norganisation: Org\nassessed_on: 2026-11-20\n\
                 language: en\nscope: [{scope}]\nassessors: [{{name: {name}}}]\nanswers:\n  law-1: {{criteria_met: [a]}}\n"
            ),
        )
        .expect("write");
    }
    let output = run_in(
        dir.path(),
        &["consolidate", "a.yaml", "b.yaml", "-o", "draft.yaml"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = fs::read_to_string(dir.path().join("draft.yaml")).expect("draft");
    assert!(
        text.contains(
            "# The assessors chose different scopes (a: [police] · b: [ministry]); the draft has none until the\n# meeting settles it\n"
        ),
        "{text}"
    );
    assert!(!text.contains("\nscope:"), "{text}");
}
