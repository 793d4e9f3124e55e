//! `oversight compare`: the comparison rules computed by hand on the test checklist, version
//! changes refused and marked, and the command's outputs.

use crate::support::{CHECKLIST, answers_yaml, load, root, run_in, stderr, stdout};
use oversight::compare::{
    Comparison, CriticalChange, Direction, FollowUpReason, FollowUpStatus, IndicatorChange, PassChange,
    Round, compare,
};
use oversight::load::Loaded;
use oversight::score::score;
use std::fs;
use std::path::Path;

/// The previous round. Scores (scale 0..4, 25 points a level):
/// a-1 100, a-2 25, b-1 75, b-x-1 25, b-x-2 not enough information.
const OLD: &str = "  a-1:
    level: 4
    action: {text: Keep the A-one register up to date}
  a-2:
    level: 1
    action: {text: Write the A-two procedure, owner: Unit A, due: 2026-06-30}
  b-1: {level: 3}
  b-x-1:
    level: 1
    action: {text: Train the BX staff}
  b-x-2:
    status: not-enough-information
    action: {text: Collect the BX-two figures}
";

/// The current round: a-1 25, a-2 75, b-1 75, b-x-1 50 (exactly its pass mark), b-x-2 still
/// not enough information.
const NEW: &str = "  a-1:
    level: 1
    action: {text: Restore the A-one register}
  a-2: {level: 3}
  b-1: {level: 3}
  b-x-1:
    level: 2
    action: {text: \"  Train the   BX staff \"}
  b-x-2: {status: not-enough-information}
";

fn loaded(body: &str) -> Loaded {
    load(CHECKLIST, &answers_yaml(body)).unwrap_or_else(|d| panic!("invalid input:\n{d}"))
}

pub(crate) fn comparison(old: &Loaded, new: &Loaded) -> Comparison {
    let (old_card, new_card) = (
        score(&old.checklist, &old.assessment),
        score(&new.checklist, &new.assessment),
    );
    compare(
        Round {
            checklist: &old.checklist,
            assessment: &old.assessment,
            scorecard: &old_card,
        },
        Round {
            checklist: &new.checklist,
            assessment: &new.assessment,
            scorecard: &new_card,
        },
    )
}

fn row<'a>(comparison: &'a Comparison, id: &str) -> &'a IndicatorChange {
    comparison
        .indicators
        .iter()
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("a row for {id}"))
}

#[track_caller]
fn close(actual: Option<f64>, expected: f64) {
    let actual = actual.expect("a number");
    assert!(
        (actual - expected).abs() < 1e-9,
        "expected {expected}, got {actual}"
    );
}

#[test]
fn scores_changes_and_directions_by_hand() {
    let c = comparison(&loaded(OLD), &loaded(NEW));
    // Old: a = (1 × 100 + 3 × 25) / 4 = 43.75 (C); b-x = 25 (only b-x-1 counts); b = min(75, 25)
    // = 25 (D); overall = (1 × 43.75 + 2 × 25) / 3 = 31.25 (D).
    // New: a = (1 × 25 + 3 × 75) / 4 = 62.5 (B); b-x = 50; b = min(75, 50) = 50 (C);
    // overall = (62.5 + 2 × 50) / 3 = 54.1666… (C).
    close(c.overall.score.old, 31.25);
    close(c.overall.score.new, 162.5 / 3.0);
    // The change is taken from the figures as printed, so that the page subtracts: 31.25 is
    // shown 31.2 (rounded half to even), 54.1666… is shown 54.2, and 54.2 − 31.2 = 23.0 (the
    // unrounded difference, 22.9166…, would print as 22.9 beside 31.2 and 54.2).
    close(c.overall.score.change, 23.0);
    assert_eq!(c.overall.score.direction, Direction::Improved);
    assert_eq!(
        (c.overall.old_band.as_deref(), c.overall.new_band.as_deref()),
        (Some("D"), Some("C"))
    );
    // a: 43.75 is shown 43.8, so the change printed beside 43.8 and 62.5 is 18.7.
    let sections: Vec<(&str, &str, f64, f64, f64)> = vec![
        ("a", "1", 43.75, 62.5, 18.7),
        ("b", "2", 25.0, 50.0, 25.0),
        ("b-x", "2.1", 25.0, 50.0, 25.0),
    ];
    assert_eq!(c.sections.len(), 3);
    for ((id, number, old, new, change), s) in sections.into_iter().zip(&c.sections) {
        assert_eq!((s.id.as_str(), s.number.as_str()), (id, number));
        close(s.score.old, old);
        close(s.score.new, new);
        close(s.score.change, change);
        assert_eq!(s.score.direction, Direction::Improved, "{id}");
        assert!(
            s.not_comparable.is_empty(),
            "one checklist version: nothing is marked"
        );
    }
    assert_eq!(c.sections[0].depth, 1);
    assert_eq!(c.sections[2].depth, 2);
    assert_eq!(
        (
            c.sections[0].old_band.as_deref(),
            c.sections[0].new_band.as_deref()
        ),
        (Some("C"), Some("B"))
    );

    // Indicators: (old, new, change, direction).
    let a1 = row(&c, "a-1");
    assert_eq!(
        (a1.score.old, a1.score.new, a1.score.change),
        (Some(100.0), Some(25.0), Some(-75.0))
    );
    assert_eq!(a1.score.direction, Direction::Declined);
    let a2 = row(&c, "a-2");
    assert_eq!(
        (a2.score.change, a2.score.direction),
        (Some(50.0), Direction::Improved)
    );
    let b1 = row(&c, "b-1");
    assert_eq!(
        (b1.score.change, b1.score.direction),
        (Some(0.0), Direction::Unchanged)
    );
    let bx1 = row(&c, "b-x-1");
    assert_eq!(
        (bx1.score.change, bx1.score.direction),
        (Some(25.0), Direction::Improved)
    );
    let bx2 = row(&c, "b-x-2");
    assert_eq!(
        (bx2.score.change, bx2.score.direction),
        (None, Direction::Undetermined)
    );
    assert!(c.indicators.iter().all(|i| i.not_comparable.is_empty()));
    assert!(!c.version_changed);
}

#[test]
fn newly_failing_newly_passing_and_critical_failures() {
    let c = comparison(&loaded(OLD), &loaded(NEW));
    // Pass mark 50 everywhere (the default, and b-x-1's own). a-1: 100 ≥ 50, then 25 < 50.
    assert_eq!(row(&c, "a-1").pass, PassChange::NewlyFailing);
    // a-2: 25 < 50, then 75 ≥ 50.
    assert_eq!(row(&c, "a-2").pass, PassChange::NewlyPassing);
    assert_eq!(row(&c, "b-1").pass, PassChange::StillPassing);
    // b-x-1: 25 < 50, then exactly 50: a score at the pass mark passes.
    assert_eq!(row(&c, "b-x-1").pass, PassChange::NewlyPassing);
    // b-x-2 has no score in either round.
    assert_eq!(row(&c, "b-x-2").pass, PassChange::Undetermined);
    // b-x-1 is critical: a critical failure in the old round (25 < 50), none now.
    assert_eq!(row(&c, "b-x-1").critical, CriticalChange::Resolved);
    assert_eq!(row(&c, "a-1").critical, CriticalChange::NotFailing);
    let n = &c.counts;
    assert_eq!(
        (n.improved, n.declined, n.unchanged, n.undetermined),
        (2, 1, 1, 1)
    );
    assert_eq!((n.newly_failing, n.newly_passing), (1, 2));
    assert_eq!(
        (n.critical_new, n.critical_resolved, n.critical_persisting),
        (0, 1, 0)
    );

    // The other way round, b-x-1 falls from 50 to 25: a new critical failure, newly failing.
    let back = comparison(&loaded(NEW), &loaded(OLD));
    assert_eq!(row(&back, "b-x-1").critical, CriticalChange::New);
    assert_eq!(row(&back, "b-x-1").pass, PassChange::NewlyFailing);
    assert_eq!(row(&back, "a-1").pass, PassChange::NewlyPassing);

    // Unanswered in both rounds: a critical failure that persists; no score, no pass transition.
    let persisting = comparison(&loaded("  a-1: {level: 1}\n"), &loaded("  a-1: {level: 2}\n"));
    assert_eq!(row(&persisting, "b-x-1").critical, CriticalChange::Persisting);
    assert_eq!(row(&persisting, "b-x-1").pass, PassChange::Undetermined);
    assert_eq!(persisting.counts.critical_persisting, 1);
}

#[test]
fn old_actions_still_open_unverified_or_closed() {
    let c = comparison(&loaded(OLD), &loaded(NEW));
    let actions: Vec<(&str, FollowUpStatus, &[FollowUpReason])> = c
        .actions
        .iter()
        .map(|a| (a.indicator.as_str(), a.status, a.reasons.as_slice()))
        .collect();
    assert_eq!(
        actions,
        [
            // 25 < 50 now; the new, different action does not matter.
            (
                "a-1",
                FollowUpStatus::StillOpen,
                &[FollowUpReason::BelowPassMark][..]
            ),
            // 75 ≥ 50 and no action with the same text.
            (
                "a-2",
                FollowUpStatus::Closed,
                &[FollowUpReason::PassMarkReached][..]
            ),
            // 50 ≥ 50, but "  Train the   BX staff " has the same words as "Train the BX staff".
            (
                "b-x-1",
                FollowUpStatus::StillOpen,
                &[FollowUpReason::SameAction][..]
            ),
            // Not enough information again: nothing shows whether it was done.
            (
                "b-x-2",
                FollowUpStatus::Unverified,
                &[FollowUpReason::NoScore][..]
            ),
        ]
    );
    let a2 = &c.actions[1];
    assert_eq!(
        (
            a2.text.as_str(),
            a2.owner.as_deref(),
            a2.due.map(|d| d.to_string())
        ),
        (
            "Write the A-two procedure",
            Some("Unit A"),
            Some("2026-06-30".to_owned())
        )
    );
    assert_eq!(
        (
            c.counts.actions_still_open,
            c.counts.actions_unverified,
            c.counts.actions_closed
        ),
        (2, 1, 1)
    );

    // Both reasons at once: the same action planned again, and still below the pass mark.
    let both = comparison(
        &loaded("  a-1:\n    level: 1\n    action: {text: Fix it}\n"),
        &loaded("  a-1:\n    level: 0\n    action: {text: Fix  it}\n"),
    );
    assert_eq!(
        both.actions[0].reasons,
        [FollowUpReason::SameAction, FollowUpReason::BelowPassMark]
    );
    // Case counts: "fix it" is another text, but 0 < 50 keeps it open.
    let case = comparison(
        &loaded("  a-1:\n    level: 1\n    action: {text: Fix it}\n"),
        &loaded("  a-1:\n    level: 3\n    action: {text: fix it}\n"),
    );
    assert_eq!(case.actions[0].status, FollowUpStatus::Closed);
}

/// Version 2 of the test checklist: a-2 weighs 2 instead of 3, b-1 moves to a three-level scale,
/// b-x-1's pass mark rises to 75, b-x-2 is gone and b-x-3 is new.
fn checklist_v2() -> String {
    CHECKLIST
        .replace("version: \"1\"", "version: \"2\"")
        .replace(
            "      - {value: 4, label: Four}\n",
            "      - {value: 4, label: Four}\n  s3:\n    levels:\n      - {value: 0, label: Low}\n      - {value: 1, label: Mid}\n      - {value: 2, label: High}\n",
        )
        .replace("{id: a-2, text: A two, scale: s, weight: 3}", "{id: a-2, text: A two, scale: s, weight: 2}")
        .replace("{id: b-1, text: B one, scale: s}", "{id: b-1, text: B one, scale: s3}")
        .replace("critical: true, pass: 50}", "critical: true, pass: 75}")
        .replace("{id: b-x-2, text: BX two, scale: s}", "{id: b-x-3, text: BX three, scale: s}")
}

fn workspace() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    fs::write(dir.path().join("test-v2.yaml"), checklist_v2()).expect("write");
    fs::write(dir.path().join("old.yaml"), answers_yaml(OLD)).expect("write");
    let new_v2 = answers_yaml(
        "  a-1: {level: 1}\n  a-2: {level: 3}\n  b-1: {level: 2}\n  b-x-1: {level: 3}\n  b-x-3: {level: 4}\n",
    )
    .replace("checklist_version: \"1\"", "checklist_version: \"2\"");
    fs::write(dir.path().join("new-v2.yaml"), new_v2).expect("write");
    dir
}

#[test]
fn different_versions_are_refused_without_the_flag() {
    let dir = workspace();
    let output = run_in(
        dir.path(),
        &[
            "compare",
            "old.yaml",
            "new-v2.yaml",
            "--checklist",
            "test-v2.yaml",
            "-o",
            "c.json",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[different-versions]: new-v2.yaml: checklist_version: these answers are to version `2` of the checklist, but `old.yaml` answers version `1`
  hint: to compare rounds of different checklist versions, add `--allow-version-change` (give the old version with `--old-checklist` if the old answers do not name its file); rows that changed are then marked not directly comparable
error: 1 error(s) in the input
"
    );
    assert!(!dir.path().join("c.json").exists());
}

#[test]
fn across_versions_changed_rows_are_marked_not_directly_comparable() {
    let dir = workspace();
    let output = run_in(
        dir.path(),
        &[
            "compare",
            "old.yaml",
            "new-v2.yaml",
            "--allow-version-change",
            "--old-checklist",
            "test.yaml",
            "--checklist",
            "test-v2.yaml",
            "-o",
            "c.json",
            "--date",
            "2026-11-28",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("c.json")).expect("written")).expect("json");
    assert_eq!(json["version_changed"], true);
    assert_eq!(
        (json["old_version"].as_str(), json["new_version"].as_str()),
        (Some("1"), Some("2"))
    );
    let marks = |id: &str, list: &str| -> Vec<String> {
        let rows = json[list].as_array().expect("rows");
        let row = rows
            .iter()
            .find(|r| r["id"] == id)
            .unwrap_or_else(|| panic!("{id}"));
        row["not_comparable"]
            .as_array()
            .expect("list")
            .iter()
            .map(|r| r.as_str().expect("text").to_owned())
            .collect()
    };
    assert!(marks("a-1", "indicators").is_empty(), "unchanged indicator");
    assert_eq!(marks("a-2", "indicators"), ["weight-changed"]);
    assert_eq!(marks("b-1", "indicators"), ["scale-changed"]);
    assert_eq!(marks("b-x-1", "indicators"), ["pass-changed"]);
    assert_eq!(marks("b-x-3", "indicators"), ["added"]);
    assert_eq!(marks("b-x-2", "indicators"), ["removed"]);
    for section in ["a", "b", "b-x"] {
        assert_eq!(marks(section, "sections"), ["parts-changed"], "{section}");
    }
    assert_eq!(
        json["overall"]["not_comparable"],
        serde_json::json!(["parts-changed"])
    );
    assert_eq!(json["counts"]["not_comparable"], 5);
    // Rows in the new version's order, then the removed one.
    let order: Vec<&str> = json["indicators"]
        .as_array()
        .expect("rows")
        .iter()
        .map(|r| r["id"].as_str().expect("id"))
        .collect();
    assert_eq!(order, ["a-1", "a-2", "b-1", "b-x-1", "b-x-3", "b-x-2"]);
    // b-x-1 at level 3 scores 75, exactly its new pass mark of 75: no critical failure now.
    let bx1 = &json["indicators"][3];
    assert_eq!(
        (bx1["new"]["score"].as_f64(), bx1["new"]["pass"].as_f64()),
        (Some(75.0), Some(75.0))
    );
    assert_eq!(bx1["critical"], "resolved");
    // The removed indicator keeps its old result and has no new one; the added one the reverse.
    assert_eq!(json["indicators"][5]["new"], serde_json::Value::Null);
    assert_eq!(json["indicators"][4]["old"], serde_json::Value::Null);
    // The old round's b-x-2 action: the indicator is gone, so it cannot be confirmed.
    let bx2 = json["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .find(|a| a["indicator"] == "b-x-2")
        .expect("b-x-2");
    assert_eq!(
        (bx2["status"].as_str(), bx2["reasons"][0].as_str()),
        (Some("unverified"), Some("indicator-removed"))
    );
}

#[test]
fn another_checklist_is_refused_and_another_organisation_warned() {
    let dir = workspace();
    let other = CHECKLIST.replace("id: test", "id: other");
    fs::write(dir.path().join("other.yaml"), other).expect("write");
    fs::write(
        dir.path().join("other-answers.yaml"),
        answers_yaml("  a-1: {level: 1}\n").replace("checklist: test", "checklist: other.yaml"),
    )
    .expect("write");
    let output = run_in(
        dir.path(),
        &[
            "compare",
            "old.yaml",
            "other-answers.yaml",
            "--old-checklist",
            "test.yaml",
            "-o",
            "c.json",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with("error[different-checklists]: other-answers.yaml: checklist: these answers are to the checklist `other`, but `old.yaml` answers `test`\n"),
        "{}",
        stderr(&output)
    );

    let renamed = answers_yaml(NEW)
        .replace("organisation: Org", "organisation: Another Org")
        .replace("assessed_on: 2026-11-20", "assessed_on: 2025-11-20");
    fs::write(dir.path().join("renamed.yaml"), renamed).expect("write");
    let output = run_in(
        dir.path(),
        &[
            "compare",
            "old.yaml",
            "renamed.yaml",
            "--checklist",
            "test.yaml",
            "-o",
            "c.json",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "warning[different-organisations]: renamed.yaml: organisation: the organisation `Another Org` differs from `Org` in `old.yaml`
  hint: check that every file assesses the same organisation
warning[rounds-out-of-order]: old.yaml: assessed_on: the old round is dated 2026-11-20, after the new round `renamed.yaml` (2025-11-20)
  hint: give the older round first: `oversight compare OLD NEW`
warning[change-unexplained]: renamed.yaml: answers[a-1].change_note: the level changed from `4` to `1` without an explanation
  hint: add `change_note:` to the answer, saying why the level changed since the previous round
warning[change-unexplained]: renamed.yaml: answers[a-2].change_note: the level changed from `1` to `3` without an explanation
  hint: add `change_note:` to the answer, saying why the level changed since the previous round
warning[change-unexplained]: renamed.yaml: answers[b-x-1].change_note: the level changed from `1` to `2` without an explanation
  hint: add `change_note:` to the answer, saying why the level changed since the previous round
"
    );
    assert_eq!(stdout(&output), "wrote c.json\n");
}

const ROUNDS: [&str; 2] = [
    "examples/rounds/2025/border-guard-west.yaml",
    "examples/edition-1.0/rounds/2026/border-guard-west.yaml",
];

/// Runs `compare` on the example rounds into `dir`, with extra arguments.
fn compare_examples(dir: &Path, extra: &[&str]) -> std::process::Output {
    let out = format!("{}/", dir.display());
    let mut args = vec![
        "compare",
        ROUNDS[0],
        ROUNDS[1],
        "-o",
        &out,
        "--date",
        "2026-11-28",
    ];
    args.extend_from_slice(extra);
    run_in(root(), &args)
}

#[test]
fn the_example_rounds_compare_as_expected() {
    let dir = tempfile::tempdir().expect("temp");
    let output = compare_examples(dir.path(), &["--format", "json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(stderr(&output), "", "the examples give no warning");
    let json: serde_json::Value = serde_json::from_slice(
        &fs::read(dir.path().join("border-guard-west-compare.json")).expect("written"),
    )
    .expect("json");
    let counts = &json["counts"];
    let get = |k: &str| counts[k].as_u64().expect(k);
    assert_eq!((get("newly_failing"), get("newly_passing")), (3, 6));
    assert_eq!(
        (
            get("critical_new"),
            get("critical_resolved"),
            get("critical_persisting")
        ),
        (1, 1, 1)
    );
    assert_eq!(
        (
            get("actions_still_open"),
            get("actions_unverified"),
            get("actions_closed")
        ),
        (3, 1, 3)
    );
    assert_eq!(get("not_comparable"), 0);
}

/// The 2025 round answers 1.0, the 2026 round 2.0: compared through the checklist's mapping.
#[test]
fn the_example_rounds_across_editions_compare_through_the_mapping() {
    let dir = tempfile::tempdir().expect("temp");
    let out = format!("{}/", dir.path().display());
    let output = run_in(
        root(),
        &[
            "compare",
            ROUNDS[0],
            "examples/rounds/2026/border-guard-west.yaml",
            "--allow-version-change",
            "--format",
            "json,html,pdf",
            "-o",
            &out,
            "--date",
            "2026-11-28",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "",
        "every changed level is explained; civ-4, inc-4 and tr-5, out of the 2026 scope, need no note"
    );
    let json: serde_json::Value = serde_json::from_slice(
        &fs::read(dir.path().join("border-guard-west-compare.json")).expect("written"),
    )
    .expect("json");
    // 2026 by hand: (2 × 62.5 + 4 × 56.25 + 2 × 62.5 + 4 × 41.667 + 5 × 35 + 3 × 58.333) / 20
    let score = &json["overall"]["score"];
    assert_eq!(score["new"].as_f64().map(|s| (s * 1000.0).round()), Some(49583.0));
    assert_eq!(
        (score["change"].as_f64(), score["direction"].as_str()),
        (Some(-7.3), Some("declined"))
    );
    let counts = &json["counts"];
    let get = |k: &str| counts[k].as_u64().expect(k);
    assert_eq!((get("improved"), get("declined"), get("unchanged")), (5, 4, 13));
    assert_eq!(
        (get("critical_new"), get("critical_persisting")),
        (1, 1),
        "hr-5 new, ovs-1 still"
    );
    assert_eq!(
        get("not_comparable"),
        54,
        "36 rows of 2.0 and the 18 unmapped rows of 1.0"
    );
    let html = fs::read_to_string(dir.path().join("border-guard-west-compare.html")).expect("html");
    // a section's group holds its sub-sections' groups, so its heading goes with them
    let roles = &html[html.find("id=\"g-executive-roles\"").expect("section 5")..];
    let budgets = roles.find("id=\"g-budgets\"").expect("5.1 inside 5");
    assert!(
        !roles[..budgets].contains("<table"),
        "section 5 has no rows of its own"
    );
    assert!(html.contains(
        "id=\"g-financial-oversight\"><span class=\"num\">5.2</span> Financial oversight of budgets and expenditure <span class=\"only-in\">(only in version 1.0)</span></h3>"
    ));
    // fin-3 falls from 100 to 25 because 1.0 rated it yes or no: the plan says so too
    let plan = &html[html.find("id=\"plan-followup\"").expect("plan")..];
    let fin3 = &plan[plan.find("href=\"#i-fin-3\"").expect("fin-3 in the plan")..];
    assert!(
        fin3[..400].contains("≠ Not directly comparable"),
        "{}",
        &fin3[..400]
    );
    // on paper: the level labels whole in their columns, the explanation on a line under the row
    let Some(text) = crate::report_pdf::pdf_text(&dir.path().join("border-guard-west-compare.pdf")) else {
        return;
    };
    for whole in [
        "2 — Developing",
        "3 — Monitored",
        "1 — On paper",
        "Not applicable",
    ] {
        assert!(text.contains(whole), "{whole}");
    }
    for broken in [
        "Devel- oping",
        "Moni- tored",
        "pa- per",
        "applic- able",
        "Ap- plied",
    ] {
        assert!(!text.contains(broken), "{broken}");
    }
    assert!(text.contains("Explanation of change: Up from 2: quarterly expenditure reports"));
}

#[test]
fn the_html_is_self_contained_escaped_and_free_of_label_keys() {
    let dir = tempfile::tempdir().expect("temp");
    let hostile =
        answers_yaml(&NEW.replace("Restore the A-one register", "<script>alert(1)</script> & more"));
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    fs::write(
        dir.path().join("old.yaml"),
        answers_yaml(&OLD.replace("Keep the A-one register up to date", "<b>bold</b>")),
    )
    .expect("write");
    fs::write(dir.path().join("new.yaml"), hostile).expect("write");
    let output = run_in(
        dir.path(),
        &[
            "compare",
            "old.yaml",
            "new.yaml",
            "--checklist",
            "test.yaml",
            "-o",
            "c.html",
            "--date",
            "2026-11-28",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = fs::read_to_string(dir.path().join("c.html")).expect("written");
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"));
    assert!(
        html.contains("&lt;b&gt;bold&lt;&#x2f;b&gt;"),
        "the old action is escaped"
    );
    assert!(!html.contains("<b>bold"));
    for forbidden in ["<script src", "<link", "src=\"http", "@import", "url("] {
        assert!(!html.contains(forbidden), "{forbidden}");
    }
    assert_eq!(html.matches("<script").count(), 1, "only the finder's script");
    assert_no_label_keys(&html);
    // Hand-computed figures appear as a reader sees them.
    assert!(
        html.contains("<span class=\"change-num\">+23.0</span>"),
        "overall 31.2 → 54.2, as shown"
    );
    // 31.25 is shown as 31.2 (a tie goes to the even digit), 54.1666… as 54.2.
    assert!(html.contains(">31.2<") && html.contains(">54.2<"));
}

/// No raw catalogue key (such as `compare_heading_rules`) reaches a reader.
#[track_caller]
fn assert_no_label_keys(text: &str) {
    for prefix in ["compare_", "consolidate_", "label_", "heading_", "status_"] {
        assert!(!text.contains(prefix), "`{prefix}…` in the output");
    }
}

#[test]
fn every_format_is_deterministic_and_the_pdf_reads_in_ukrainian() {
    let (one, two) = (
        tempfile::tempdir().expect("temp"),
        tempfile::tempdir().expect("temp"),
    );
    for dir in [&one, &two] {
        let output = compare_examples(dir.path(), &["--format", "html,pdf,json", "--lang", "uk"]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
        assert_eq!(
            stdout(&output),
            format!(
                "wrote {0}/border-guard-west-compare.html\nwrote {0}/border-guard-west-compare.pdf\nwrote {0}/border-guard-west-compare.json\n",
                dir.path().display()
            )
        );
    }
    for ext in ["html", "pdf", "json"] {
        let name = format!("border-guard-west-compare.{ext}");
        assert_eq!(
            fs::read(one.path().join(&name)).expect("one"),
            fs::read(two.path().join(&name)).expect("two"),
            "{name}"
        );
    }
    let pdf = one.path().join("border-guard-west-compare.pdf");
    let Ok(text) = std::process::Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
    else {
        eprintln!("SKIPPED: pdftotext (poppler-utils) is not installed");
        return;
    };
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    for expected in [
        "Порівняння двох раундів оцінювання",
        "Західне регіональне управління Державної прикордонної служби України",
        "Заходи з попереднього раунду",
        "Досі не виконано",
        "▲ +3,7",
    ] {
        assert!(text.contains(expected), "`{expected}` in the PDF text");
    }
    assert_no_label_keys(&text);
}

#[test]
fn every_direction_reason_and_status_has_words() {
    let name = |value: serde_json::Value| value.as_str().expect("a name").to_owned();
    let mut keys: Vec<String> = Vec::new();
    for d in [
        Direction::Improved,
        Direction::Declined,
        Direction::Unchanged,
        Direction::Undetermined,
    ] {
        keys.push(format!("compare_direction_{}", name(serde_json::json!(d))));
    }
    for p in [
        PassChange::NewlyFailing,
        PassChange::NewlyPassing,
        PassChange::StillPassing,
        PassChange::StillFailing,
        PassChange::Undetermined,
    ] {
        keys.push(format!("compare_pass_{}", name(serde_json::json!(p))));
    }
    for c in [
        CriticalChange::New,
        CriticalChange::Resolved,
        CriticalChange::Persisting,
        CriticalChange::Dropped,
        CriticalChange::NotFailing,
    ] {
        keys.push(format!("compare_critical_{}", name(serde_json::json!(c))));
    }
    use oversight::compare::Reason;
    for r in [
        Reason::Added,
        Reason::Removed,
        Reason::ScaleChanged,
        Reason::WeightChanged,
        Reason::PassChanged,
        Reason::CriticalChanged,
        Reason::SectionChanged,
        Reason::MissingRuleChanged,
        Reason::MethodChanged,
        Reason::PartsChanged,
    ] {
        keys.push(format!("compare_reason_{}", name(serde_json::json!(r))));
    }
    for s in [
        FollowUpStatus::StillOpen,
        FollowUpStatus::Unverified,
        FollowUpStatus::Closed,
    ] {
        keys.push(format!("compare_followup_{}", name(serde_json::json!(s))));
    }
    for r in [
        FollowUpReason::SameAction,
        FollowUpReason::BelowPassMark,
        FollowUpReason::NoScore,
        FollowUpReason::IndicatorRemoved,
        FollowUpReason::PassMarkReached,
    ] {
        keys.push(format!("compare_followup_{}", name(serde_json::json!(r))));
    }
    let catalogue = oversight::i18n::Catalogue::bundled();
    for lang in ["en", "uk"] {
        let labels = catalogue.labels(lang);
        for key in &keys {
            assert_ne!(labels.get(key), key, "no `{key}` in labels.yaml");
        }
    }
}

#[test]
fn a_level_that_changed_needs_its_explanation() {
    let explained = NEW.replace(
        "  a-2: {level: 3}\n",
        "  a-2: {level: 3, change_note: \"The A-two procedure was written in June\"}\n",
    );
    let (old, new) = (loaded(OLD), loaded(&explained));
    let c = comparison(&old, &new);
    // a-1 4 → 1, a-2 1 → 3 and b-x-1 1 → 2 changed; b-1 stayed at 3, b-x-2 has no level in either
    let changed: Vec<(&str, bool)> = c
        .indicators
        .iter()
        .map(|i| (i.id.as_str(), i.level_changed))
        .collect();
    assert_eq!(
        changed,
        [
            ("a-1", true),
            ("a-2", true),
            ("b-1", false),
            ("b-x-1", true),
            ("b-x-2", false)
        ]
    );
    assert_eq!(
        row(&c, "a-2").change_note.as_deref(),
        Some("The A-two procedure was written in June")
    );
    let warnings: Vec<String> = oversight::compare::unexplained(&c, &new.assessment)
        .iter()
        .map(|d| format!("{} at {}{}: {}", d.code, d.file, d.place, d.message))
        .collect();
    assert_eq!(
        warnings,
        [
            "change-unexplained at answers.yaml: answers[a-1].change_note: the level changed from `4` to `1` without an explanation",
            "change-unexplained at answers.yaml: answers[b-x-1].change_note: the level changed from `1` to `2` without an explanation",
        ]
    );
}

#[test]
fn the_annex_shows_each_explanation_beside_its_change() {
    let dir = tempfile::tempdir().expect("temp");
    let output = compare_examples(dir.path(), &["--format", "html,json"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = fs::read_to_string(dir.path().join("border-guard-west-compare.html")).expect("html");
    let row = between_rows(&html, "id=\"i-law-2\"");
    assert!(row.contains(
        "<td data-label=\"Explanation of change\" class=\"explanation\">Up from 1: the register of regional orders set up in April got 19 of the 22 outdated orders revised or repealed.</td>"
    ));
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("border-guard-west-compare.json")).expect("json"))
            .expect("parses");
    // the overall change is taken from the scores as printed: 60.6 − 56.9 = 3.7
    assert_eq!(json["overall"]["score"]["change"], 3.7);
    assert!(html.contains("<span class=\"change-num\">+3.7</span>"));
}

/// One table row of the HTML, from its opening tag.
fn between_rows<'a>(html: &'a str, marker: &str) -> &'a str {
    let start = html.find(marker).unwrap_or_else(|| panic!("{marker}"));
    let end = html[start..].find("</tr>").expect("row end") + start;
    &html[start..end]
}

/// The previous round's plan (the rounds are both dated 2026-11-20).
const OLD_PLAN: &str = "actions:
  - {id: P-1, title: Registers, indicators: [a-1, a-2], due: 2026-06-30}
  - {id: P-2, title: Train BX, indicators: [b-x-1], due: 2026-11-20}
  - {id: P-3, title: B procedure, indicators: [b-1], status: in-progress}
  - {id: P-4, title: BX-two figures, indicators: [b-x-2], due: 2026-01-31}
  - {id: P-5, title: A-two guide, indicators: [a-2], due: 2026-03-31}
";

/// The current round's plan: P-5 is no longer listed, P-6 is new.
const NEW_PLAN: &str = "actions:
  - {id: P-1, title: Registers, indicators: [a-1, a-2], due: 2026-06-30, status: in-progress}
  - {id: P-2, title: Train BX, indicators: [b-x-1], due: 2026-11-20}
  - {id: P-3, title: B procedure, indicators: [b-1], status: done, completed: 2026-10-01}
  - {id: P-4, title: BX-two figures, indicators: [b-x-2], status: dropped, dropped_reason: Merged into P-2}
  - {id: P-6, title: B register, indicators: [b-1], due: 2027-01-31}
";

#[test]
fn plan_actions_are_matched_by_id_overdue_first() {
    use oversight::compare::plan_actions::Outcome;
    use oversight::model::ActionStatus::{Done, Dropped, InProgress, Planned};
    let old = loaded(&format!("{OLD}{OLD_PLAN}"));
    let new = loaded(&format!("{NEW}{NEW_PLAN}"));
    let comparison = comparison(&old, &new);
    let rows: Vec<_> = comparison
        .plan_actions
        .iter()
        .map(|a| (a.id.as_str(), a.outcome, a.old_status, a.new_status))
        .collect();
    assert_eq!(
        rows,
        [
            // due 30 June, before 20 November, and in progress: overdue
            ("P-1", Outcome::Overdue, Some(Planned), Some(InProgress)),
            // no longer listed: judged on the old entry, due 31 March
            ("P-5", Outcome::Overdue, Some(Planned), None),
            // due on the assessment day itself: not before it, so open
            ("P-2", Outcome::Open, Some(Planned), Some(Planned)),
            // only in the new plan, due next year
            ("P-6", Outcome::Open, None, Some(Planned)),
            ("P-3", Outcome::Done, Some(InProgress), Some(Done)),
            ("P-4", Outcome::Dropped, Some(Planned), Some(Dropped)),
        ]
    );
    let dropped = &comparison.plan_actions[5];
    assert_eq!(dropped.dropped_reason.as_deref(), Some("Merged into P-2"));
    let done = &comparison.plan_actions[4];
    assert_eq!(
        done.completed.map(|d| d.to_string()).as_deref(),
        Some("2026-10-01")
    );
    // a-1 100 → 25, a-2 25 → 75 (see OLD and NEW); b-1 75 → 75; b-x-2 has no score.
    let moves = |i: usize| -> Vec<(String, Direction)> {
        comparison.plan_actions[i]
            .indicators
            .iter()
            .map(|m| (m.indicator.clone(), m.direction))
            .collect()
    };
    assert_eq!(
        moves(0),
        [
            ("a-1".into(), Direction::Declined),
            ("a-2".into(), Direction::Improved)
        ]
    );
    assert_eq!(moves(4), [("b-1".into(), Direction::Unchanged)]);
    assert_eq!(moves(5), [("b-x-2".into(), Direction::Undetermined)]);
    close(comparison.plan_actions[0].indicators[1].new_score, 75.0);
    let c = comparison.counts;
    assert_eq!(
        (c.plan_overdue, c.plan_open, c.plan_done, c.plan_dropped),
        (2, 2, 1, 1)
    );
    // the answers' own actions are still followed up by indicator
    assert_eq!(comparison.actions.len(), 4);
}
