//! One case per validation rule: the exact code and location it reports.

use crate::support::{CHECKLIST, answers_with, answers_yaml, checklist_from, codes, load};
use oversight::diagnostic::{Diagnostics, Severity};

#[track_caller]
fn checklist_errors(text: &str) -> Vec<String> {
    match checklist_from(text) {
        Ok(_) => panic!("expected the checklist to be refused"),
        Err(diagnostics) => codes(&Diagnostics(
            diagnostics.0.into_iter().filter(|d| d.is_error()).collect(),
        )),
    }
}

#[track_caller]
fn answers_errors(body: &str) -> Vec<String> {
    answers_file_errors(&answers_yaml(body))
}

#[track_caller]
fn answers_file_errors(text: &str) -> Vec<String> {
    match load(CHECKLIST, text) {
        Ok(_) => panic!("expected the answers to be refused"),
        Err(diagnostics) => codes(&diagnostics),
    }
}

#[test]
fn the_test_checklist_is_valid() {
    checklist_from(CHECKLIST).expect("valid");
}

#[test]
fn checklist_rules() {
    let cases: &[(&str, &str, &str)] = &[
        ("id: test", "id: test 1", "bad-id at checklist.yaml: id"),
        (
            "version: \"1\"",
            "version: \"\"",
            "empty-value at checklist.yaml: version",
        ),
        (
            "languages: [en, uk]",
            "languages: []",
            "no-languages at checklist.yaml: languages",
        ),
        (
            "languages: [en, uk]",
            "languages: [en, en, uk]",
            "duplicate-language at checklist.yaml: languages[1]",
        ),
        (
            "languages: [en, uk]",
            "languages: [en, uk, English]",
            "bad-language at checklist.yaml: languages[2]",
        ),
        (
            "title: {en: Test, uk: Тест}",
            "title: {en: Test, uk: Тест, fr: Test}",
            "unknown-language at checklist.yaml: title.fr",
        ),
        (
            "title: {en: Test, uk: Тест}",
            "title: \"  \"",
            "empty-value at checklist.yaml: title",
        ),
        (
            "{value: 3, label: Three}",
            "{value: 1, label: Three}",
            "levels-not-increasing at checklist.yaml: scales[s].levels[3].value",
        ),
        (
            "  missing: exclude",
            "  missing: exclude\n  pass: 120",
            "out-of-range at checklist.yaml: scoring.pass",
        ),
        (
            "{min: 0, code: D, label: Weak}",
            "{min: 10, code: D, label: Weak}",
            "bands-start at checklist.yaml: scoring.bands[0].min",
        ),
        (
            "{min: 60, code: B, label: Good}",
            "{min: 30, code: B, label: Good}",
            "bands-not-increasing at checklist.yaml: scoring.bands[2].min",
        ),
        (
            "{min: 60, code: B, label: Good}",
            "{min: 60, code: C, label: Good}",
            "duplicate-band at checklist.yaml: scoring.bands[2].code",
        ),
        (
            "{min: 60, code: B, label: Good}",
            "{min: 60, code: B, label: Good, colour: green}",
            "bad-colour at checklist.yaml: scoring.bands[2].colour",
        ),
        (
            "critical_cap: C",
            "critical_cap: X",
            "unknown-band at checklist.yaml: scoring.critical_cap",
        ),
        (
            "{id: a-1, text: A one, scale: s}",
            "{id: a-1, text: A one, scale: t}",
            "unknown-scale at checklist.yaml: sections[a].indicators[a-1].scale",
        ),
        (
            "{id: a-2, text: A two, scale: s, weight: 3}",
            "{id: a-2, text: A two, scale: s, weight: 0}",
            "bad-weight at checklist.yaml: sections[a].indicators[a-2].weight",
        ),
        (
            "    weight: 2\n",
            "    weight: -1\n",
            "bad-weight at checklist.yaml: sections[b].weight",
        ),
        (
            "critical: true, pass: 50}",
            "critical: true, pass: -5}",
            "out-of-range at checklist.yaml: sections[b].sections[b-x].indicators[b-x-1].pass",
        ),
        (
            "{id: b-x-2, text: BX two",
            "{id: a-1, text: BX two",
            "duplicate-id at checklist.yaml: sections[b].sections[b-x].indicators[a-1].id",
        ),
        (
            "{id: a-2, text: A two, scale: s, weight: 3}",
            "{id: a-2, text: \"\", scale: s, weight: 3}",
            "empty-value at checklist.yaml: sections[a].indicators[a-2].text",
        ),
    ];
    for (from, to, expected) in cases {
        assert!(CHECKLIST.contains(from), "fixture lacks {from:?}");
        let errors = checklist_errors(&CHECKLIST.replacen(from, to, 1));
        assert_eq!(errors, [*expected], "replacing {from:?} with {to:?}");
    }
}

#[test]
fn scale_rules() {
    let one_level = CHECKLIST.replace(
        "      - {value: 1, label: One}\n      - {value: 2, label: Two}\n      - {value: 3, label: Three}\n      - {value: 4, label: Four}\n",
        "",
    );
    assert_eq!(
        checklist_errors(&one_level),
        ["too-few-levels at checklist.yaml: scales[s].levels"]
    );
    let no_scales = CHECKLIST.replace("scales:\n  s:", "scales: {}\nunused:\n  s:");
    assert_eq!(
        checklist_errors(&no_scales)[0],
        "unknown-key at checklist.yaml:7:1"
    );
}

#[test]
fn structure_rules() {
    let empty = CHECKLIST.replace(
        "      - id: b-x\n        title: BX\n        indicators:\n          - {id: b-x-1, text: BX one, scale: s, critical: true, pass: 50}\n          - {id: b-x-2, text: BX two, scale: s}\n",
        "      - {id: b-x, title: BX}\n",
    );
    assert_eq!(
        checklist_errors(&empty),
        ["empty-section at checklist.yaml: sections[b].sections[b-x]"]
    );
    let top = CHECKLIST
        .split("sections:\n  - id: a")
        .next()
        .expect("header")
        .to_owned()
        + "sections: []\n";
    assert_eq!(
        checklist_errors(&top),
        ["no-sections at checklist.yaml: sections"]
    );
}

#[test]
fn every_problem_is_reported_not_only_the_first() {
    let broken = CHECKLIST
        .replace("id: test", "id: _test")
        .replace("critical_cap: C", "critical_cap: Z")
        .replace(
            "{id: a-1, text: A one, scale: s}",
            "{id: a-1, text: A one, scale: q, weight: 0}",
        );
    assert_eq!(
        checklist_errors(&broken),
        [
            "bad-id at checklist.yaml: id",
            "unknown-band at checklist.yaml: scoring.critical_cap",
            "bad-weight at checklist.yaml: sections[a].indicators[a-1].weight",
            "unknown-scale at checklist.yaml: sections[a].indicators[a-1].scale",
        ]
    );
}

#[test]
fn warnings_do_not_refuse_a_checklist() {
    let text = CHECKLIST
        .replace("title: {en: Test, uk: Тест}", "title: {en: Test}")
        .replace(
            "scales:\n  s:",
            "scales:\n  spare:\n    levels: [{value: 0, label: x}, {value: 1, label: y}]\n  s:",
        );
    let source = oversight::source::Source::from_bytes("c.yaml", text.as_bytes()).expect("utf-8");
    let validated = oversight::validate::checklist::checklist(&source, &Default::default()).expect("valid");
    let warnings: Vec<(&str, Severity)> = validated.warnings.iter().map(|d| (d.code, d.severity)).collect();
    assert_eq!(
        warnings,
        [
            ("missing-translation", Severity::Warning),
            ("unused-scale", Severity::Warning)
        ]
    );
}

#[test]
fn answers_rules() {
    let cases: &[(&str, &str)] = &[
        (
            "  a-1: {level: 7}\n",
            "level-off-scale at answers.yaml: answers[a-1].level",
        ),
        (
            "  a-1: {level: 2, status: not-applicable, comment: x}\n",
            "level-and-status at answers.yaml: answers[a-1]",
        ),
        (
            "  a-1: {status: not-applicable}\n",
            "missing-justification at answers.yaml: answers[a-1].comment",
        ),
        (
            "  a-1: {status: not-applicable, comment: \" \"}\n",
            "missing-justification at answers.yaml: answers[a-1].comment",
        ),
        (
            "  a-9: {level: 1}\n",
            "unknown-indicator at answers.yaml: answers[a-9]",
        ),
        (
            "  b-x: {level: 1}\n",
            "unknown-indicator at answers.yaml: answers[b-x]",
        ),
        (
            "  a-1: {level: 1, evidence: [{title: \"\"}]}\n",
            "empty-value at answers.yaml: answers[a-1].evidence[0].title",
        ),
        (
            "  a-1: {level: 1, action: {text: \"\"}}\n",
            "empty-value at answers.yaml: answers[a-1].action.text",
        ),
        ("  a-1: {level: 1, levl: 2}\n", "unknown-key at answers.yaml:6:19"),
        (
            "  a-1: {level: 1}\n  a-1: {level: 2}\n",
            "duplicate-key at answers.yaml:7:3",
        ),
        (
            "  a-1: {level: 1, comment: \"level: 2, level: 3\", level: 2}\n",
            "duplicate-key at answers.yaml:6:50",
        ),
        (
            "  \"a`1\": {level: 1}\n  \"a`1\": {level: 2}\n",
            "duplicate-key at answers.yaml:7:3",
        ),
        (
            "  \"a`1\": {level: 1, level: 2}\n",
            "duplicate-key at answers.yaml:6:21",
        ),
        ("  a-1: {level: high}\n", "wrong-type at answers.yaml:6:16"),
        ("  a-1: {status: done}\n", "unknown-value at answers.yaml:6:17"),
        (
            "  a-1: {level: 1, action: {text: x, due: 2027-02-29}}\n",
            "invalid-date at answers.yaml:6:42",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(answers_errors(body), [*expected], "answers {body:?}");
    }
}

/// docs/formats.md, "Dates": exactly `YYYY-MM-DD`; every other form is refused where it stands.
#[test]
fn dates_only_in_the_documented_form() {
    assert!(
        load(
            CHECKLIST,
            &answers_yaml("  a-1: {level: 1, action: {text: x, due: 2027-02-03}}\n")
        )
        .is_ok()
    );
    for date in [
        "2027-2-3",
        "2027-02-3",
        "+2026-11-20",
        "\" 2026-11-20\"",
        "\"2026-11-20 \"",
        "20261-11-20",
        "2026-11-20T00:00:00",
    ] {
        let body = format!("  a-1: {{level: 1, action: {{text: x, due: {date}}}}}\n");
        assert_eq!(
            answers_errors(&body),
            ["invalid-date at answers.yaml:6:42"],
            "{date}"
        );
    }
}

#[test]
fn answers_header_rules() {
    let header = answers_yaml("  a-1: {level: 1}\n");
    let cases: &[(&str, &str, &str)] = &[
        (
            "checklist: test",
            "checklist: other",
            "checklist-mismatch at answers.yaml: checklist",
        ),
        (
            "checklist_version: \"1\"",
            "checklist_version: \"2\"",
            "version-mismatch at answers.yaml: checklist_version",
        ),
        (
            "assessed_on: 2026-11-20",
            "assessed_on: 2026-11-20\nlanguage: fr",
            "unknown-language at answers.yaml: language",
        ),
        (
            "assessed_on: 2026-11-20",
            "assessed_on: 2026-11-20\nperiod: {from: 2026-06-01, to: 2026-01-01}",
            "period-reversed at answers.yaml: period",
        ),
        (
            "assessed_on: 2026-11-20",
            "assessed_on: 2026-02-30",
            "invalid-date at answers.yaml:4:14",
        ),
        (
            "organisation: Org",
            "organisation: {en: Org, de: Org}",
            "unknown-language at answers.yaml: organisation.de",
        ),
        ("assessed_on: 2026-11-20\n", "", "missing-key at answers.yaml:1:1"),
    ];
    for (from, to, expected) in cases {
        assert!(header.contains(from), "fixture lacks {from:?}");
        assert_eq!(
            answers_file_errors(&header.replacen(from, to, 1)),
            [*expected],
            "replacing {from:?}"
        );
    }
}

#[test]
fn an_unknown_indicator_suggests_the_nearest_id() {
    let diagnostics = load(CHECKLIST, &answers_yaml("  a-11: {level: 1}\n")).expect_err("refused");
    let hint = diagnostics.iter().next().and_then(|d| d.hint.clone());
    assert_eq!(hint.as_deref(), Some("did you mean `a-1`?"));
}

#[test]
fn evidence_after_the_assessment_is_a_warning() {
    let loaded = load(
        CHECKLIST,
        &answers_yaml("  a-1: {level: 1, evidence: [{title: x, date: 2026-12-01}]}\n"),
    )
    .expect("valid with a warning");
    assert_eq!(
        codes(&loaded.warnings),
        ["evidence-after-assessment at answers.yaml: answers[a-1].evidence[0].date"]
    );
}

#[test]
fn bom_and_crlf_are_accepted() {
    let text = format!(
        "\u{feff}{}",
        answers_yaml("  a-1: {level: 1}\n").replace('\n', "\r\n")
    );
    load(CHECKLIST, &text).expect("a BOM and CRLF line ends are fine");
}

/// `code at place` of every diagnostic, errors and warnings, of answers with `record` (top-level
/// keys) before `answers:`.
fn record_findings(record: &str, body: &str) -> Vec<String> {
    match load(CHECKLIST, &answers_with(record, body)) {
        Ok(loaded) => codes(&loaded.warnings),
        Err(diagnostics) => codes(&diagnostics),
    }
}

#[test]
fn the_record_of_the_report_is_validated() {
    let reviewed = "  a-1: {level: 1, review: {level: 2}}\n";
    let cases: &[(&str, &str, &str)] = &[
        (
            "approval: {position: \" \", name: A, date: 2026-11-25}",
            reviewed,
            "empty-value at answers.yaml: approval.position",
        ),
        (
            "approval: {position: Head, name: A, date: 2026-11-19}",
            reviewed,
            "approval-before-assessment at answers.yaml: approval.date",
        ),
        (
            "approval: {name: A}",
            reviewed,
            "missing-key at answers.yaml:5:11",
        ),
        (
            "audit: {by: [A], date: 2026-11-19}",
            reviewed,
            "review-before-assessment at answers.yaml: audit.date",
        ),
        (
            "audit: {by: [\"\"], institution: Chamber}",
            reviewed,
            "empty-value at answers.yaml: audit.by[0]",
        ),
        (
            "audit: {by: [A]}",
            "  a-1: {level: 1}\n",
            "audit-without-reviews at answers.yaml: audit",
        ),
        (
            "quality: {peer_reviews: [{name: \" \"}]}",
            reviewed,
            "empty-value at answers.yaml: quality.peer_reviews[0].name",
        ),
        (
            "quality: {draft_comments: [{by: Unit, text: \"\"}]}",
            reviewed,
            "empty-value at answers.yaml: quality.draft_comments[0].text",
        ),
        (
            "quality: {disagreements: [{indicator: a-3, by: Unit, text: No}]}",
            reviewed,
            "unknown-indicator at answers.yaml: quality.disagreements[0].indicator",
        ),
        (
            "document: {number: \"1\"}",
            reviewed,
            "missing-key at answers.yaml:5:11",
        ),
        (
            "document: {status: approved}",
            reviewed,
            "unknown-value at answers.yaml:5:20",
        ),
    ];
    for (record, body, expected) in cases {
        assert_eq!(record_findings(record, body), [*expected], "{record}");
    }
    let fine = "document: {number: 14/2, version: \"1.0\", status: final, classification: Restricted}\n\
        approval: {position: Head, name: A. B.}\n\
        audit: {by: [C. D.], institution: Chamber, date: 2026-11-27, scope: All answers}\n\
        quality: {peer_reviews: [{name: E}], draft_comments: [{by: Unit, text: T}], disagreements: [{indicator: a-1, by: Unit, text: No}]}";
    assert!(record_findings(fine, reviewed).is_empty());
}
