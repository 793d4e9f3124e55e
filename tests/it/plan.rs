//! The improvement plan computed by hand on the test checklist: targets, the priority order,
//! the next-level gaps from level descriptions, criteria and points, the overdue rule and the
//! risk and maturity matrix.

use crate::support::{CHECKLIST, answers_yaml, load};
use oversight::load::Loaded;
use oversight::model::{Date, Number, Rating};
use oversight::plan::{NextStep, Plan, PlanInput, TargetSource, plan};
use oversight::score::{Status, score};

fn day(text: &str) -> Date {
    Date::parse(text).expect("a date")
}

fn n(text: &str) -> Number {
    Number::parse(text).expect("a number")
}

/// The plan of `answers` (a whole answers file) against `checklist`, on 2026-12-01.
fn plan_of(checklist: &str, answers: &str) -> Plan {
    let loaded: Loaded = load(checklist, answers).unwrap_or_else(|d| panic!("invalid input:\n{d}"));
    let scorecard = score(&loaded.checklist, &loaded.assessment);
    plan(&PlanInput {
        checklist: &loaded.checklist,
        assessment: &loaded.assessment,
        scorecard: &scorecard,
        as_of: day("2026-12-01"),
    })
}

/// (indicator, critical failure, distance, priority) of every gap, in order.
fn order(plan: &Plan) -> Vec<(&str, bool, f64, f64)> {
    plan.gaps
        .iter()
        .map(|g| (g.indicator.as_str(), g.critical_failure, g.distance, g.priority))
        .collect()
}

#[test]
fn critical_failures_first_then_weight_times_distance() {
    // Scale 0..4: 25 points a level; pass mark 50 (level 2). b-1 gets a checklist target of 4.
    let checklist = CHECKLIST.replace(
        "{id: b-1, text: B one, scale: s}",
        "{id: b-1, text: B one, scale: s, target: {level: 4, by: 2028-12-31}}",
    );
    let answers = answers_yaml(
        "  a-1:\n    level: 1\n    target: {level: 4, by: 2027-12-31}\n  a-2: {level: 1}\n  b-1: {level: 3}\n  b-x-1: {level: 1}\n",
    );
    let plan = plan_of(&checklist, &answers);
    assert_eq!(
        order(&plan),
        [
            // Critical, 25 < 50: a critical failure comes first whatever its priority.
            // Target: the pass mark 50 (level 2); distance 50 − 25 = 25; weight 1 → 25.
            ("b-x-1", true, 25.0, 25.0),
            // Answer target 4 (100): 100 − 25 = 75; weight 1 → 75.
            ("a-1", false, 75.0, 75.0),
            // Pass mark target (50): 50 − 25 = 25; weight 3 → 75, a tie with a-1: checklist order.
            ("a-2", false, 25.0, 75.0),
            // Checklist target 4: 100 − 75 = 25; weight 1 → 25.
            ("b-1", false, 25.0, 25.0),
        ]
    );
    // b-x-2 is unanswered and not critical: no score, no gap.
    let sources: Vec<(TargetSource, Option<Number>, Option<Date>)> = plan
        .gaps
        .iter()
        .map(|g| (g.target.source, g.target.level, g.target.by))
        .collect();
    assert_eq!(
        sources,
        [
            (TargetSource::PassMark, Some(n("2")), None),
            (TargetSource::Answer, Some(n("4")), Some(day("2027-12-31"))),
            (TargetSource::PassMark, Some(n("2")), None),
            (TargetSource::Checklist, Some(n("4")), Some(day("2028-12-31"))),
        ]
    );
    // The next level above the current one, whose description says what it takes.
    let next: Vec<Option<NextStep>> = plan.gaps.iter().map(|g| g.next.clone()).collect();
    assert_eq!(
        next,
        [
            Some(NextStep::Level { level: n("2") }),
            Some(NextStep::Level { level: n("2") }),
            Some(NextStep::Level { level: n("2") }),
            Some(NextStep::Level { level: n("4") }),
        ]
    );
}

#[test]
fn a_critical_failure_without_a_score_counts_from_zero_and_has_no_next_level() {
    // b-x-1 unanswered: a critical failure; 50 − 0 = 50. a-1 at its pass mark: no gap.
    let plan = plan_of(CHECKLIST, &answers_yaml("  a-1: {level: 2}\n  a-2: {level: 0}\n"));
    assert_eq!(
        order(&plan),
        [("b-x-1", true, 50.0, 50.0), ("a-2", false, 50.0, 150.0)]
    );
    assert_eq!(plan.gaps[0].status, Status::Unanswered);
    assert_eq!(plan.gaps[0].next, None);
    // A target below the current level is no gap; an exception in force keeps the gap, marked.
    let plan = plan_of(
        CHECKLIST,
        &answers_yaml(
            "  a-1:\n    level: 3\n    target: {level: 1}\n  b-x-1:\n    level: 0\n    exception: {reason: Budget, approved_by: Minister, expires: 2027-06-30}\n",
        ),
    );
    assert_eq!(order(&plan), [("b-x-1", false, 50.0, 50.0)]);
    assert!(plan.gaps[0].accepted_risk);
}

/// An SAI PMF-style criteria indicator: level 4 with all of a-d, 3 with three including a, 2
/// with two, 0 otherwise.
const CRITERIA: &str = r#"
id: crit
version: "1"
languages: [en]
title: Criteria
scales:
  sai:
    levels:
      - {value: 0, label: Not met}
      - {value: 1, label: Founding}
      - {value: 2, label: Developing}
      - {value: 3, label: Established}
      - {value: 4, label: Managed}
sections:
  - id: s
    title: S
    indicators:
      - id: c
        text: C
        scale: sai
        criteria:
          - {id: a, text: A}
          - {id: b, text: B}
          - {id: c, text: C}
          - {id: d, text: D}
        levels_from_criteria:
          - {level: 4, all: [a, b, c, d]}
          - {level: 3, count: 3, required: [a]}
          - {level: 2, count: 2}
          - {level: 0, count: 0}
      - id: n
        text: N
        kind: number
        unit: "%"
        points: [{at: 25, points: 0}, {at: 90, points: 15}]
"#;

fn criteria_answers(met: &str, rest: &str) -> String {
    format!(
        "checklist: crit\nchecklist_version: \"1\"\norganisation: Org\nassessed_on: 2026-11-20\nanswers:\n  c:\n    criteria_met: {met}\n    target: {{level: 4}}\n{rest}"
    )
}

fn next_of(plan: &Plan, id: &str) -> Option<NextStep> {
    plan.gaps
        .iter()
        .find(|g| g.indicator == id)
        .and_then(|g| g.next.clone())
}

#[test]
fn the_next_level_of_a_criteria_indicator_names_the_unmet_criteria() {
    let strings = |items: &[&str]| items.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    // b, c met: two criteria give 2. Level 3 needs three including a: a, and 3 − (2 + 1) = 0 more.
    let plan = plan_of(CRITERIA, &criteria_answers("[b, c]", ""));
    assert_eq!(
        next_of(&plan, "c"),
        Some(NextStep::Criteria {
            level: n("3"),
            rule: 1,
            missing: strings(&["a"]),
            more: 0,
            others: Vec::new(),
        })
    );
    // b met: one criterion gives 0. The next level with a rule is 2: two criteria, any, so one
    // more of a, c, d.
    let plan = plan_of(CRITERIA, &criteria_answers("[b]", ""));
    assert_eq!(
        next_of(&plan, "c"),
        Some(NextStep::Criteria {
            level: n("2"),
            rule: 2,
            missing: Vec::new(),
            more: 1,
            others: strings(&["a", "c", "d"]),
        })
    );
    // a, b, c met give 3; 4 needs all four: d.
    let plan = plan_of(CRITERIA, &criteria_answers("[a, b, c]", ""));
    assert_eq!(
        next_of(&plan, "c"),
        Some(NextStep::Criteria {
            level: n("4"),
            rule: 0,
            missing: strings(&["d"]),
            more: 0,
            others: Vec::new(),
        })
    );
    assert_eq!(plan.gaps[0].distance, 25.0, "3 → 4 on 0..4: 75 → 100");
}

#[test]
fn a_number_indicator_is_measured_in_points() {
    // 40 % gives 15 × (40 − 25) / 65 = 3.4615… points, a score of 100 × 15 / 65 = 23.08; the
    // pass mark 50 is the target: distance 26.92. The next point: 90 % for 15 points.
    let plan = plan_of(CRITERIA, &criteria_answers("[a, b, c, d]", "  n: {value: 40}\n"));
    assert_eq!(plan.gaps.len(), 1, "c is at its target 4");
    let gap = &plan.gaps[0];
    assert_eq!(gap.target.source, TargetSource::PassMark);
    assert!(
        (gap.distance - (50.0 - 100.0 * 15.0 / 65.0)).abs() < 1e-9,
        "{}",
        gap.distance
    );
    assert_eq!(
        gap.next,
        Some(NextStep::Points {
            at: n("90"),
            points: n("15")
        })
    );
    // A target value of 70 %: 15 × 45 / 65 = 10.3846… points, a score of 69.23.
    let plan = plan_of(
        CRITERIA,
        &criteria_answers("[a, b, c, d]", "  n:\n    value: 40\n    target: {value: 70}\n"),
    );
    let gap = &plan.gaps[0];
    assert_eq!(
        (gap.target.source, gap.target.value),
        (TargetSource::Answer, Some(n("70")))
    );
    assert!((gap.target.score - 100.0 * 45.0 / 65.0).abs() < 1e-9);
    assert!((gap.distance - 100.0 * 30.0 / 65.0).abs() < 1e-9);
}

#[test]
fn overdue_actions_come_first_then_open_ones_by_due_date_then_done_and_dropped() {
    let answers = format!(
        "{}actions:
  - {{id: A-1, title: One, indicators: [a-1], due: 2026-11-30}}
  - {{id: A-2, title: Two, indicators: [a-1, a-2], status: in-progress, due: 2026-12-01}}
  - {{id: A-3, title: Three, indicators: [b-1], status: done, completed: 2026-10-01, due: 2026-01-01}}
  - {{id: A-4, title: Four, indicators: [b-1]}}
  - {{id: A-5, title: Five, indicators: [a-2], status: dropped, dropped_reason: Merged into A-2, due: 2026-01-01}}
",
        answers_yaml("  a-1: {level: 1}\n  a-2:\n    level: 1\n    action: {text: Own action, owner: Unit A, due: 2026-06-30}\n")
    );
    let plan = plan_of(CHECKLIST, &answers);
    let rows: Vec<(Option<&str>, &str, bool)> = plan
        .actions
        .iter()
        .map(|a| (a.entry.id.as_deref(), a.entry.title.as_str(), a.overdue))
        .collect();
    assert_eq!(
        rows,
        [
            // Planned, due 2026-06-30 < 2026-12-01: overdue; the earlier due date first.
            (None, "Own action", true),
            // Planned, due 2026-11-30 < 2026-12-01: overdue.
            (Some("A-1"), "One", true),
            // Due on the plan's date itself: not overdue.
            (Some("A-2"), "Two", false),
            // Undated: last of the open ones.
            (Some("A-4"), "Four", false),
            // Done, though due long ago: never overdue.
            (Some("A-3"), "Three", false),
            (Some("A-5"), "Five", false),
        ]
    );
    let own = &plan.actions[0].entry;
    assert_eq!(
        (own.indicators.as_slice(), own.responsible.unit.as_deref()),
        (&["a-2".to_owned()][..], Some("Unit A")),
        "an answer's own action is read as a plan action for its indicator, its owner the unit"
    );
    // a-1 and a-2 are addressed; the dropped A-5 alone would not address a-2.
    assert!(plan.gaps.iter().all(|g| g.addressed || g.indicator == "b-x-1"));
}

#[test]
fn the_risk_matrix_lists_the_high_impact_low_level_cell_first() {
    let checklist = CHECKLIST
        .replace(
            "{id: a-1, text: A one, scale: s}",
            "{id: a-1, text: A one, scale: s, impact: high}",
        )
        .replace(
            "{id: a-2, text: A two, scale: s, weight: 3}",
            "{id: a-2, text: A two, scale: s, weight: 3, impact: high}",
        )
        .replace(
            "{id: b-1, text: B one, scale: s}",
            "{id: b-1, text: B one, scale: s, impact: low}",
        )
        .replace(
            "critical: true, pass: 50}",
            "critical: true, pass: 50, impact: medium}",
        )
        .replace(
            "{id: b-x-2, text: BX two, scale: s}",
            "{id: b-x-2, text: BX two, scale: s, impact: high}",
        );
    let plan = plan_of(
        &checklist,
        &answers_yaml("  a-1: {level: 1}\n  a-2: {level: 3}\n  b-1: {level: 0}\n  b-x-1: {level: 2}\n"),
    );
    assert_eq!(plan.matrices.len(), 1);
    let matrix = &plan.matrices[0];
    assert_eq!(matrix.scale, "s");
    assert_eq!(
        matrix.cells.len(),
        3 * 6,
        "three impacts × five levels and `no level`"
    );
    let filled: Vec<(Rating, Option<Number>, Vec<&str>)> = matrix
        .cells
        .iter()
        .filter(|c| !c.indicators.is_empty())
        .map(|c| {
            (
                c.impact,
                c.level,
                c.indicators.iter().map(String::as_str).collect(),
            )
        })
        .collect();
    assert_eq!(
        filled,
        [
            (Rating::High, Some(n("1")), vec!["a-1"]),
            (Rating::High, Some(n("3")), vec!["a-2"]),
            (Rating::High, None, vec!["b-x-2"]),
            (Rating::Medium, Some(n("2")), vec!["b-x-1"]),
            (Rating::Low, Some(n("0")), vec!["b-1"]),
        ]
    );
    assert!(
        plan_of(CHECKLIST, &answers_yaml("  a-1: {level: 1}\n"))
            .matrices
            .is_empty()
    );
}

/// `oversight plan` on the 2026 border guard round, on 20 November 2026 (maturity scale 0-4,
/// 25 points a level, pass mark 50; hr-2 and ovs-1 are critical, weight 2).
#[test]
fn the_plan_command_writes_the_example_round_in_every_format() {
    use crate::support::{root, run_in, stderr};
    let dir = tempfile::tempdir().expect("temp dir");
    let out = format!("{}/", dir.path().display());
    let args = [
        "plan",
        "examples/edition-1.0/rounds/2026/border-guard-west.yaml",
        "--format",
        "html,json,xlsx",
        "--date",
        "2026-11-20",
        "-o",
        &out,
    ];
    let output = run_in(root(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let file =
        |ext: &str| std::fs::read(dir.path().join(format!("border-guard-west-plan.{ext}"))).expect("written");
    let json: serde_json::Value = serde_json::from_slice(&file("json")).expect("JSON");
    // Critical failures first: hr-2 and ovs-1 at level 1, target level 2 (the pass mark):
    // 2 × (50 − 25) = 50 each, a tie in checklist order; then weight 1 × 25 = 25.
    let gaps: Vec<(String, bool, f64)> = json["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|g| {
            let id = g["indicator"].as_str().expect("id").to_owned();
            (
                id,
                g["critical_failure"] == true,
                g["priority"].as_f64().expect("priority"),
            )
        })
        .collect();
    let expected = [
        ("hr-2", true, 50.0),
        ("ovs-1", true, 50.0),
        ("inc-3", false, 25.0),
        ("tr-3", false, 25.0),
        ("tr-5", false, 25.0),
    ];
    assert_eq!(gaps, expected.map(|(i, c, p)| (i.to_owned(), c, p)));
    // BGW-05, in progress and due 30 June, is overdue on 20 November: first; the done and the
    // dropped ones last.
    let ids: Vec<&str> = json["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| a["id"].as_str().unwrap_or("(answer)"))
        .collect();
    assert_eq!(
        ids,
        [
            "BGW-05", "BGW-03", "BGW-06", "(answer)", "(answer)", "BGW-01", "BGW-02", "BGW-04"
        ]
    );
    assert_eq!(json["actions"][0]["overdue"], true);
    // The next level of hr-2 is the maturity scale's level 2, as its description says.
    let html = String::from_utf8(file("html")).expect("UTF-8");
    let gap = &html[html
        .find("<td class=\"num-col\" data-label=\"#\">1</td>")
        .expect("first gap row")..];
    let row = &gap[..gap.find("</tr>").expect("row end")];
    assert!(row.contains("hr-2"), "{row}");
    assert!(
        row.contains("<strong>2 — Developing</strong><ul class=\"requirements\"><li>Formal rules"),
        "{row}"
    );
    // The quarters in time order, whatever the order of the actions: Q1 2026 holds the dropped
    // BGW-04 (due 31 March 2026), Q1 2027 the actions due on 31 March 2027.
    let quarters: Vec<&str> = html
        .split("<tr class=\"quarter-head\"><th scope=\"rowgroup\" colspan=\"4\">")
        .skip(1)
        .map(|rest| &rest[..rest.find('<').expect("heading end")])
        .collect();
    assert_eq!(quarters, ["Q1 2026", "Q2 2026", "Q3 2026", "Q4 2026", "Q1 2027"]);
    // The workbook is a zip archive, the same bytes on every run.
    let xlsx = file("xlsx");
    assert!(xlsx.starts_with(b"PK\x03\x04"));
    let again = run_in(root(), &args);
    assert_eq!(again.status.code(), Some(0), "{}", stderr(&again));
    assert_eq!(file("xlsx"), xlsx, "the workbook is reproducible");
}

/// The same round answered against 2.0 (criteria; 25 points a level; critical items pass at
/// 75): the gaps and the actions in the order the plan gives them, on 20 November 2026.
#[test]
fn the_second_edition_round_plans_its_gaps_by_hand() {
    use crate::support::{root, run_in, stderr};
    let dir = tempfile::tempdir().expect("temp dir");
    let plan = dir.path().join("plan.json");
    let args = [
        "plan",
        "examples/rounds/2026/border-guard-west.yaml",
        "--date",
        "2026-11-20",
        "-o",
        plan.to_str().expect("utf-8"),
    ];
    let output = run_in(root(), &args);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let json: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&plan).expect("written")).expect("JSON");
    // weight 1 × (target − score): the critical failures first (ovs-1 at 25 and hr-5 at 50, both
    // targeted at level 3, 75), then the largest gaps, ties in checklist order: hr-2 from 25 to
    // its target of 75, tr-6 and tr-3 from 0 to 50, leg-1, fin-3 and inc-3 from 25 to 50.
    let gaps: Vec<(&str, bool, f64)> = json["gaps"]
        .as_array()
        .expect("gaps")
        .iter()
        .map(|g| {
            (
                g["indicator"].as_str().expect("id"),
                g["critical_failure"] == true,
                g["priority"].as_f64().expect("priority"),
            )
        })
        .collect();
    assert_eq!(
        gaps,
        [
            ("ovs-1", true, 50.0),
            ("hr-5", true, 25.0),
            ("hr-2", false, 50.0),
            ("tr-6", false, 50.0),
            ("tr-3", false, 50.0),
            ("leg-1", false, 25.0),
            ("fin-3", false, 25.0),
            ("inc-3", false, 25.0),
        ]
    );
    let actions: Vec<(&str, &str, bool)> = json["actions"]
        .as_array()
        .expect("actions")
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap_or("(answer)"),
                a["status"].as_str().expect("status"),
                a["overdue"] == true,
            )
        })
        .collect();
    assert_eq!(
        actions,
        [
            ("BGW-05", "in-progress", true),
            ("BGW-03", "in-progress", false),
            ("BGW-06", "planned", false),
            ("(answer)", "planned", false),
            ("(answer)", "planned", false),
            ("BGW-01", "done", false),
            ("BGW-02", "done", false),
            ("BGW-04", "dropped", false),
        ]
    );
}
