//! One case per validation rule of the methodology keys: the exact code and place.

use crate::support::{codes, load};
use oversight::source::{Limits, Source};
use oversight::validate::checklist;

/// A checklist with every methodology key, valid as it is:
///
/// ```text
/// wl   weakest-link, grade g       wl-1, wl-2 (scale coded: D 1 … A 4)
/// tb   {table: t}, grade g         tb-1, tb-2 (scale coded)
/// sm   sum, ranges, value_scale    sm-1 (scale s 0-4), rate (number, 0-10 points)
/// mn   mean                        cr (criteria a, b on scale s)
///   pl (pool)                      pl-1 (scale s)
/// ```
const BASE: &str = r#"
id: m
version: "1"
languages: [en]
title: M
scales:
  s:
    levels: [{value: 0, label: Zero}, {value: 1, label: One}, {value: 2, label: Two}, {value: 3, label: Three}, {value: 4, label: Four}]
  coded:
    levels: [{value: 1, code: D, label: Low}, {value: 2, code: C, label: Fair}, {value: 3, code: B, label: Good}, {value: 4, code: A, label: Top}]
scoring:
  method: mean
  rounding: {digits: 0, mode: half-up}
  bands: [{min: 0, code: low, label: Low}, {min: 50, code: high, label: High}]
  grades:
    g: [{value: 1, code: D}, {value: 1.5, code: D+}, {value: 2, code: C}, {value: 2.5, code: C+}, {value: 3, code: B}, {value: 3.5, code: B+}, {value: 4, code: A}]
  tables:
    t:
      2: {2: 1, 3: 1.5, 4: 2, 5: 2.5, 6: 3, 7: 3.5, 8: 4}
sections:
  - id: wl
    title: WL
    method: weakest-link
    grade: g
    indicators:
      - {id: wl-1, text: W1, scale: coded}
      - {id: wl-2, text: W2, scale: coded}
  - id: tb
    title: TB
    method: {table: t}
    grade: g
    indicators:
      - {id: tb-1, text: T1, scale: coded}
      - {id: tb-2, text: T2, scale: coded}
  - id: sm
    title: SM
    method: sum
    ranges: [{min: 0, max: 4, value: 0}, {min: 5, max: 9, value: 1}, {min: 10, max: 14, value: 2}]
    value_scale: {min: 0, max: 2}
    indicators:
      - {id: sm-1, text: S1, scale: s}
      - {id: rate, text: Rate, kind: number, unit: "%", min: 0, max: 100, points: [{at: 0, points: 0}, {at: 100, points: 10}]}
  - id: mn
    title: MN
    indicators:
      - id: cr
        text: Criteria
        scale: s
        criteria: [{id: a, text: A}, {id: b, text: B}]
        levels_from_criteria: [{level: 4, all: [a, b]}, {level: 2, count: 1}, {level: 0, count: 0}]
    sections:
      - id: pl
        title: PL
        pool: true
        indicators:
          - {id: pl-1, text: P1, scale: s}
"#;

#[track_caller]
fn replaced(from: &str, to: &str) -> String {
    assert!(BASE.contains(from), "the base checklist lacks {from:?}");
    BASE.replacen(from, to, 1)
}

/// The findings of the checklist, errors and warnings alike.
fn checklist_findings(text: &str) -> Vec<String> {
    let source = Source::from_bytes("checklist.yaml", text.as_bytes()).expect("utf-8");
    match checklist::checklist(&source, &Limits::default()) {
        Ok(validated) => codes(&validated.warnings),
        Err(diagnostics) => codes(&diagnostics),
    }
}

fn answers_for(body: &str) -> String {
    format!(
        "checklist: m\nchecklist_version: \"1\"\norganisation: Org\nassessed_on: 2026-11-20\nanswers:\n{body}"
    )
}

fn answers_findings(checklist: &str, body: &str) -> Vec<String> {
    match load(checklist, &answers_for(body)) {
        Ok(loaded) => codes(&loaded.warnings),
        Err(diagnostics) => codes(&diagnostics),
    }
}

#[test]
fn the_base_checklist_is_valid_without_warnings() {
    assert_eq!(checklist_findings(BASE), Vec::<String>::new());
}

#[test]
fn checklist_methodology_rules() {
    // (replace this, by this, the findings)
    let cases: &[(&str, &str, &str)] = &[
        // levels and codes
        (
            "{value: 2, code: C, label: Fair}",
            "{value: 2, label: Fair}",
            "missing-level-code at checklist.yaml: scales[coded].levels[1].code",
        ),
        (
            "{value: 2, code: C, label: Fair}",
            "{value: 2, code: \"2\", label: Fair}",
            "numeric-level-code at checklist.yaml: scales[coded].levels[1].code",
        ),
        (
            "{value: 2, code: C, label: Fair}",
            "{value: 2, code: D, label: Fair}",
            "duplicate-level-code at checklist.yaml: scales[coded].levels[1].code",
        ),
        (
            "{value: 2, code: C, label: Fair}",
            "{value: 2, code: \" \", label: Fair}",
            "empty-value at checklist.yaml: scales[coded].levels[1].code",
        ),
        (
            "value_scale: {min: 0, max: 2}",
            "value_scale: {min: 0, max: 2e21}",
            "out-of-range at checklist.yaml: sections[sm].value_scale.max",
        ),
        // the scoring block
        (
            "  method: mean\n",
            "  method: sum\n",
            "method-not-for-overall at checklist.yaml: scoring.method",
        ),
        (
            "mode: half-up}",
            "mode: half-up}\n  not_enough_information: lowest",
            "",
        ),
        (
            "{digits: 0, mode: half-up}",
            "{digits: 7, mode: half-up}",
            "out-of-range at checklist.yaml: scoring.rounding.digits",
        ),
        (
            "{min: 50, code: high, label: High}",
            "{min: 0.5, code: high, label: High}",
            "bands-finer-than-rounding at checklist.yaml: scoring.bands[1].min",
        ),
        (
            "{value: 1.5, code: D+}",
            "{value: 1.5, code: D}",
            "duplicate-grade-code at checklist.yaml: scoring.grades[g][1].code",
        ),
        (
            "      2: {2: 1,",
            "      0: {}\n      2: {2: 1,",
            "bad-table-row at checklist.yaml: scoring.tables[t][0]",
        ),
        // a section's method
        (
            "method: {table: t}",
            "method: {table: u}",
            "unused-table at checklist.yaml: scoring.tables[t] | unknown-table at checklist.yaml: sections[tb].method",
        ),
        (
            "    method: weakest-link\n    grade: g",
            "    method: weakest-link\n    grade: h",
            "unknown-grades at checklist.yaml: sections[wl].grade",
        ),
        (
            "    method: weakest-link\n    grade: g\n",
            "    method: weakest-link\n",
            "missing-grade at checklist.yaml: sections[wl]",
        ),
        (
            "  - id: mn\n    title: MN\n",
            "  - id: mn\n    title: MN\n    grade: g\n",
            "key-not-for-method at checklist.yaml: sections[mn].grade",
        ),
        (
            "  - id: mn\n    title: MN\n",
            "  - id: mn\n    title: MN\n    ranges: [{min: 0, max: 100, value: 1}]\n",
            "key-not-for-method at checklist.yaml: sections[mn].ranges",
        ),
        (
            "value_scale: {min: 0, max: 2}",
            "value_scale: {min: 2, max: 2}",
            "bounds-reversed at checklist.yaml: sections[sm].value_scale",
        ),
        (
            "{min: 5, max: 9, value: 1}",
            "{min: 9, max: 5, value: 1}",
            "ranges-not-increasing at checklist.yaml: sections[sm].ranges[1]",
        ),
        (
            "{min: 5, max: 9, value: 1}",
            "{min: 4, max: 9, value: 1}",
            "ranges-not-increasing at checklist.yaml: sections[sm].ranges[1].min",
        ),
        (
            "{min: 10, max: 14, value: 2}",
            "{min: 10, max: 13, value: 2}",
            "ranges-do-not-cover at checklist.yaml: sections[sm].ranges",
        ),
        (
            "  - id: mn\n    title: MN\n",
            "  - id: mn\n    title: MN\n    method: none\n",
            "unaggregated-child at checklist.yaml: sections[mn].method | pool-ignored at checklist.yaml: sections[mn].sections[pl].pool",
        ),
        (
            "      2: {2: 1, 3: 1.5, 4: 2, 5: 2.5, 6: 3, 7: 3.5, 8: 4}",
            "      2: {2: 1, 3: 1.5, 4: 2, 5: 2.5, 6: 3, 7: 3.5}",
            "missing-table-entry at checklist.yaml: sections[tb].method",
        ),
        (
            "8: 4}",
            "8: 4.2}",
            "value-not-a-grade at checklist.yaml: scoring.tables[t][2][8]",
        ),
        (
            "      - {id: wl-2, text: W2, scale: coded}",
            "      - {id: wl-2, text: W2, scale: s}",
            "value-not-a-grade at checklist.yaml: sections[wl].indicators[wl-2]",
        ),
        (
            "{value: 2.5, code: C+}, ",
            "",
            "missing-plus-grade at checklist.yaml: sections[wl].grade | value-not-a-grade at checklist.yaml: scoring.tables[t][2][5]",
        ),
        (
            "      - {id: tb-2, text: T2, scale: coded}",
            "      - {id: tb-2, text: T2, scale: coded}\n      - {id: tb-3, text: T3, scale: coded}",
            "missing-table-row at checklist.yaml: sections[tb].method",
        ),
        // indicator kinds
        (
            "{id: sm-1, text: S1, scale: s}",
            "{id: sm-1, text: S1}",
            "missing-scale at checklist.yaml: sections[sm].indicators[sm-1]",
        ),
        (
            "{id: sm-1, text: S1, scale: s}",
            "{id: sm-1, text: S1, scale: s, unit: days}",
            "key-not-for-kind at checklist.yaml: sections[sm].indicators[sm-1].unit",
        ),
        (
            "kind: number, unit",
            "kind: number, scale: s, unit",
            "key-not-for-kind at checklist.yaml: sections[sm].indicators[rate].scale",
        ),
        (
            "points: [{at: 0, points: 0}, {at: 100, points: 10}]",
            "points: [{at: 0, points: 0}]",
            "too-few-points at checklist.yaml: sections[sm].indicators[rate].points",
        ),
        (
            "points: [{at: 0, points: 0}, {at: 100, points: 10}]",
            "points: [{at: 100, points: 0}, {at: 0, points: 10}]",
            "points-not-increasing at checklist.yaml: sections[sm].indicators[rate].points[1].at",
        ),
        (
            "points: [{at: 0, points: 0}, {at: 100, points: 10}]",
            "points: [{at: 0, points: 10}, {at: 100, points: 10}]",
            "flat-points at checklist.yaml: sections[sm].indicators[rate].points",
        ),
        (
            "min: 0, max: 100,",
            "min: 100, max: 0,",
            "bounds-reversed at checklist.yaml: sections[sm].indicators[rate].max",
        ),
        // criteria
        (
            "        levels_from_criteria: [{level: 4, all: [a, b]}, {level: 2, count: 1}, {level: 0, count: 0}]\n",
            "",
            "incomplete-criteria at checklist.yaml: sections[mn].indicators[cr].criteria",
        ),
        (
            "[{id: a, text: A}, {id: b, text: B}]",
            "[{id: a, text: A}, {id: a, text: B}]",
            "duplicate-criterion at checklist.yaml: sections[mn].indicators[cr].criteria[1].id | unknown-criterion at checklist.yaml: sections[mn].indicators[cr].levels_from_criteria[0]",
        ),
        (
            "[{id: a, text: A}, {id: b, text: B}]",
            "[{id: a, text: A}, {id: b, text: B}, {id: c 3, text: C}]",
            "bad-id at checklist.yaml: sections[mn].indicators[cr].criteria[2].id",
        ),
        (
            "{level: 4, all: [a, b]}",
            "{level: 5, all: [a, b]}",
            "rule-level-off-scale at checklist.yaml: sections[mn].indicators[cr].levels_from_criteria[0].level",
        ),
        (
            "{level: 4, all: [a, b]}",
            "{level: 4, all: [a, c]}",
            "unknown-criterion at checklist.yaml: sections[mn].indicators[cr].levels_from_criteria[0]",
        ),
        (
            "{level: 2, count: 1}",
            "{level: 2, count: 3}",
            "out-of-range at checklist.yaml: sections[mn].indicators[cr].levels_from_criteria[1].count",
        ),
        (
            ", {level: 0, count: 0}]",
            "]",
            "criteria-rules-incomplete at checklist.yaml: sections[mn].indicators[cr].levels_from_criteria",
        ),
        // a parent that takes no aggregate, and lists nobody uses (warnings)
        (
            "  method: mean\n  rounding",
            "  method: none\n  rounding",
            "pool-ignored at checklist.yaml: sections[mn].sections[pl].pool",
        ),
        (
            "  tables:\n",
            "  tables:\n    spare: {2: {2: 1}}\n",
            "unused-table at checklist.yaml: scoring.tables[spare]",
        ),
        (
            "  tables:\n",
            "    spare: [{value: 1, code: X}, {value: 2, code: Y}]\n  tables:\n",
            "unused-grades at checklist.yaml: scoring.grades[spare]",
        ),
        // parse errors of the new keys
        (
            "method: weakest-link",
            "method: weakest",
            "unknown-value at checklist.yaml:23:13",
        ),
        (
            "      2: {2: 1,",
            "      two: {2: 1,",
            "wrong-type at checklist.yaml:19:7",
        ),
        (
            "{2: 1, 3: 1.5,",
            "{2: 1, 2.0: 1.5,",
            "duplicate-key at checklist.yaml:19:10",
        ),
    ];
    for (from, to, expected) in cases {
        let found = checklist_findings(&replaced(from, to));
        // several findings are written `first | second`
        let expected: Vec<&str> = expected.split(" | ").filter(|e| !e.is_empty()).collect();
        assert_eq!(found, expected, "replacing {from:?} by {to:?}");
    }
}

#[test]
fn a_value_method_needs_children_with_values() {
    // a pooled section's indicators count in the sum directly, with their values
    let pooled = replaced(
        "  - id: mn\n    title: MN\n",
        "  - id: mn\n    title: MN\n    method: sum\n    value_scale: {min: 0, max: 8}\n",
    );
    assert!(checklist_findings(&pooled).is_empty());
    // a sub-section with a mean has a score, no value
    let nested = replaced(
        "  - id: mn\n    title: MN\n",
        "  - id: mn\n    title: MN\n    method: sum\n    value_scale: {min: 0, max: 8}\n",
    )
    .replacen(
        "    sections:\n      - id: pl",
        "    sections:\n      - {id: inner, title: I, indicators: [{id: in-1, text: I1, scale: s}]}\n      - id: pl",
        1,
    );
    assert_eq!(
        checklist_findings(&nested),
        ["child-without-value at checklist.yaml: sections[mn].sections[inner]"]
    );
}

#[test]
fn a_grade_list_increases() {
    let found = checklist_findings(&replaced(
        "  tables:\n",
        "    spare: [{value: 2, code: X}, {value: 1, code: Y}]\n  tables:\n",
    ));
    assert_eq!(
        found,
        [
            "grades-not-increasing at checklist.yaml: scoring.grades[spare][1].value",
            "unused-grades at checklist.yaml: scoring.grades[spare]"
        ]
    );
}

#[test]
fn a_grade_list_needs_two_grades() {
    let found = checklist_findings(&replaced(
        "  tables:\n",
        "    one: [{value: 1, code: D}]\n  tables:\n",
    ));
    assert_eq!(
        found,
        [
            "too-few-grades at checklist.yaml: scoring.grades[one]",
            "unused-grades at checklist.yaml: scoring.grades[one]"
        ]
    );
}

#[test]
fn answers_rules_of_the_new_keys() {
    let cases: &[(&str, &str)] = &[
        (
            "  wl-1: {level: E}\n",
            "level-off-scale at answers.yaml: answers[wl-1].level",
        ),
        (
            "  sm-1: {level: 2.5}\n",
            "level-off-scale at answers.yaml: answers[sm-1].level",
        ),
        (
            "  rate: {level: 2}\n",
            "answer-kind-mismatch at answers.yaml: answers[rate].level",
        ),
        (
            "  sm-1: {value: 2}\n",
            "answer-kind-mismatch at answers.yaml: answers[sm-1].value",
        ),
        (
            "  sm-1: {criteria_met: [a]}\n",
            "answer-kind-mismatch at answers.yaml: answers[sm-1].criteria_met",
        ),
        (
            "  cr: {value: 1}\n",
            "answer-kind-mismatch at answers.yaml: answers[cr].value",
        ),
        (
            "  rate: {value: 120}\n",
            "value-out-of-range at answers.yaml: answers[rate].value",
        ),
        (
            "  rate: {value: 50, status: not-enough-information}\n",
            "level-and-status at answers.yaml: answers[rate]",
        ),
        (
            "  cr: {criteria_met: [a, z]}\n",
            "unknown-criterion at answers.yaml: answers[cr].criteria_met[1]",
        ),
        (
            "  cr: {criteria_met: [a, a]}\n",
            "duplicate-criterion at answers.yaml: answers[cr].criteria_met[1]",
        ),
        (
            "  cr: {level: 4, criteria_met: [a]}\n",
            "level-contradicts-criteria at answers.yaml: answers[cr].level",
        ),
        (
            "  cr: {criteria_met: [a], review: {criteria_met: [a, b], level: 2}}\n",
            "level-contradicts-criteria at answers.yaml: answers[cr].review.level",
        ),
        (
            "  wl-1: {level: 1, review: {level: Z}}\n",
            "review-level-off-scale at answers.yaml: answers[wl-1].review.level",
        ),
        (
            "  rate: {value: 50, review: {value: -1}}\n",
            "value-out-of-range at answers.yaml: answers[rate].review.value",
        ),
        // warnings: a criteria indicator answered with a level only
        (
            "  cr: {level: 2}\n",
            "level-without-criteria at answers.yaml: answers[cr].level",
        ),
        ("  rate: {value: many}\n", "wrong-type at answers.yaml:6:17"),
    ];
    for (body, expected) in cases {
        assert_eq!(answers_findings(BASE, body), [*expected], "answers {body:?}");
    }
}

#[test]
fn not_applicable_needs_a_justification_only_where_the_checklist_says_so() {
    assert_eq!(
        answers_findings(BASE, "  sm-1: {status: not-applicable}\n"),
        ["missing-justification at answers.yaml: answers[sm-1].comment"]
    );
    let relaxed = replaced(
        "  method: mean\n",
        "  method: mean\n  justify_not_applicable: false\n",
    );
    assert!(answers_findings(&relaxed, "  sm-1: {status: not-applicable}\n").is_empty());
}

#[test]
fn levels_by_code_are_a_type_error_where_no_scale_has_codes() {
    // the test checklist of the other rules has no codes: a level in words is the wrong type,
    // where it is, as before level codes existed
    let without_codes = crate::support::CHECKLIST;
    let found = match load(
        without_codes,
        &crate::support::answers_yaml("  a-1: {level: 1}\n  a-2: {level: high}\n"),
    ) {
        Ok(_) => Vec::new(),
        Err(d) => codes(&d),
    };
    assert_eq!(found, ["wrong-type at answers.yaml:7:16"]);
    // where some scale has codes, a word on a scale without them is off the scale
    assert_eq!(
        answers_findings(BASE, "  sm-1: {level: high}\n"),
        ["level-off-scale at answers.yaml: answers[sm-1].level"]
    );
}
