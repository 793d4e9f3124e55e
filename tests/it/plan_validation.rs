//! The rules of targets and of the `actions:` list: every code with its exact place, the
//! messages and hints of a few, and what a valid plan leaves alone.

use crate::support::{CHECKLIST, answers_yaml, checklist_from, load, run_in, stderr};
use oversight::diagnostic::Diagnostics;

/// `code at place` for every diagnostic, errors and warnings, in order.
fn codes(diagnostics: &Diagnostics) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| format!("{} at {}", d.code, d.place).replace("at : ", "at "))
        .collect()
}

/// The findings of answers with `body` under `answers:` and `actions` after it.
fn findings(body: &str, actions: &str) -> Vec<String> {
    let text = format!("{}actions:\n{actions}", answers_yaml(body));
    match load(CHECKLIST, &text) {
        Ok(loaded) => codes(&loaded.warnings),
        Err(diagnostics) => codes(&diagnostics),
    }
}

/// One action with the given extra keys (indented four spaces).
fn action(keys: &str) -> String {
    format!("  - id: A-1\n    title: Write the procedure\n    indicators: [a-1]\n{keys}")
}

#[test]
fn a_full_plan_is_valid() {
    let actions = "  - id: A-1
    title: Write and adopt the A procedures
    indicators: [a-1, a-2]
    activities: [Draft the procedure, Consult the units, Adopt it by order]
    responsible: {unit: Unit A, person: Olena Petrenko}
    start: 2026-12-01
    due: 2027-06-30
    resources: {budget_line: \"2101\", staff: 2 lawyers for three months}
    success_indicator: The procedure is applied in every unit
    priority: high
    status: in-progress
    progress:
      - {date: 2027-01-15, note: Draft circulated}
  - id: A-2
    title: Train the BX staff
    indicators: [b-x-1]
    status: done
    completed: 2027-02-01
  - id: A-3
    title: Buy a register
    indicators: [b-1]
    status: dropped
    dropped_reason: The ministry provides one
";
    let body = "  a-1:\n    level: 1\n    target: {level: 3, by: 2027-12-31}\n";
    assert_eq!(findings(body, actions), Vec::<String>::new());
}

#[test]
fn action_rules() {
    let cases: &[(&str, &[&str])] = &[
        (
            "  - id: A-1\n    title: One\n    indicators: [a-1]\n  - id: A-1\n    title: Two\n    indicators: [a-2]\n",
            &["duplicate-action-id at actions[1].id"],
        ),
        (
            "  - id: A 1\n    title: One\n    indicators: [a-1]\n",
            &["bad-action-id at actions[0].id"],
        ),
        (
            "  - title: One\n    indicators: [a-1]\n",
            &["action-without-id at actions[0].id"],
        ),
        (
            "  - id: A-1\n    title: \" \"\n    indicators: []\n",
            &[
                "empty-value at actions[A-1].title",
                "action-without-indicators at actions[A-1].indicators",
            ],
        ),
        (
            &action("").replace("[a-1]", "[a-1, a-11, a-1]"),
            &[
                "unknown-indicator at actions[A-1].indicators[1]",
                "duplicate-action-indicator at actions[A-1].indicators[2]",
            ],
        ),
        (
            &action("    start: 2027-01-01\n    due: 2026-12-31\n"),
            &["due-before-start at actions[A-1].due"],
        ),
        (
            &action("    status: done\n"),
            &["done-without-date at actions[A-1].completed"],
        ),
        (
            &action("    status: dropped\n    dropped_reason: \"\"\n"),
            &["dropped-without-reason at actions[A-1].dropped_reason"],
        ),
        (
            &action("    status: in-progress\n    completed: 2027-01-01\n"),
            &["completed-but-not-done at actions[A-1].completed"],
        ),
        (
            &action("    activities: [One, \"\"]\n    progress:\n      - {date: 2027-01-01, note: \" \"}\n"),
            &[
                "empty-value at actions[A-1].activities[1]",
                "empty-value at actions[A-1].progress[0].note",
            ],
        ),
    ];
    for (actions, expected) in cases {
        assert_eq!(findings("", actions), *expected, "{actions}");
    }
}

#[test]
fn target_rules_in_answers() {
    let cases: &[(&str, &[&str])] = &[
        (
            "  a-1:\n    level: 1\n    target: {level: 7}\n",
            &["target-off-scale at answers[a-1].target.level"],
        ),
        (
            "  a-1:\n    target: {by: 2027-01-01}\n",
            &["target-without-level at answers[a-1].target"],
        ),
        (
            "  a-1:\n    target: {value: 3}\n",
            &["target-kind-mismatch at answers[a-1].target.value"],
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(findings(body, "  []\n"), *expected, "{body}");
    }
}

#[test]
fn target_rules_in_the_checklist() {
    let with = |target: &str| {
        CHECKLIST.replace(
            "{id: a-1, text: A one, scale: s}",
            &format!("{{id: a-1, text: A one, scale: s, target: {target}}}"),
        )
    };
    let errors = |text: &str| match checklist_from(text) {
        Ok(_) => Vec::new(),
        Err(diagnostics) => codes(&diagnostics),
    };
    assert_eq!(errors(&with("{level: 3}")), Vec::<String>::new());
    assert_eq!(
        errors(&with("{level: 9}")),
        ["target-off-scale at sections[a].indicators[a-1].target.level"]
    );
    assert_eq!(
        errors(&with("{value: 2, by: 2027-01-01}")),
        ["target-kind-mismatch at sections[a].indicators[a-1].target.value"]
    );
    let impact = CHECKLIST.replace(
        "{id: a-1, text: A one, scale: s}",
        "{id: a-1, text: A one, scale: s, impact: severe}",
    );
    assert_eq!(
        errors(&impact).len(),
        1,
        "an impact outside low, medium, high is refused"
    );
    assert!(
        errors(&impact)[0].starts_with("unknown-value at "),
        "{:?}",
        errors(&impact)
    );
}

#[test]
fn the_command_line_shows_every_plan_problem_with_its_hint() {
    let dir = tempfile::tempdir().expect("temp");
    std::fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    let text = format!(
        "{}actions:\n{}  - id: A-1\n    title: Again\n    indicators: [a-2]\n    status: done\n",
        answers_yaml("  a-1:\n    level: 1\n    target: {level: 9}\n"),
        action("    start: 2027-01-01\n    due: 2026-12-31\n").replace("[a-1]", "[a-l]"),
    );
    std::fs::write(dir.path().join("answers.yaml"), text).expect("write");
    let output = run_in(
        dir.path(),
        &["validate", "--checklist", "test.yaml", "answers.yaml"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[target-off-scale]: answers.yaml: answers[a-1].target.level: level `9` is not on the scale `s`
  hint: expected one of 0 (Zero), 1 (One), 2 (Two), 3 (Three), 4 (Four)
error[unknown-indicator]: answers.yaml: actions[A-1].indicators[0]: the checklist `test` has no indicator `a-l`
  hint: did you mean `a-1`?
error[due-before-start]: answers.yaml: actions[A-1].due: the action is due on 2026-12-31, before it starts on 2027-01-01
  hint: the due date must be on or after `start`
error[duplicate-action-id]: answers.yaml: actions[1].id: the action id `A-1` is already used by actions[0]
  hint: give every action its own id; rounds match their actions by it
error[done-without-date]: answers.yaml: actions[1].completed: the action is done but gives no completion date
  hint: add `completed: YYYY-MM-DD`, the day it was done
error: 5 error(s) in the input
"
    );
}
