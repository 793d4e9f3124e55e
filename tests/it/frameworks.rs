//! Frameworks from elsewhere (issue 20): the format's ids, codes, scopes, items in the
//! source's order and assessable sections (on `tests/frameworks/scoped.yaml`), and the
//! converted CISO Assistant and OSCAL files.

use crate::support::{assert_close, indicator, root, run_in, section, stderr, stdout};
use oversight::score::{Exclusion, Scorecard, Status, all_indicator_results, score};
use oversight::source::{Limits, Source};
use oversight::validate::{answers, checklist};
use std::fs;

fn scoped_checklist() -> String {
    fs::read_to_string(root().join("tests/frameworks/scoped.yaml")).expect("the scoped checklist")
}

/// Scores an answers body (indented two spaces) against the scoped checklist with `scope`;
/// panics with the diagnostics if invalid. Also returns the answers' warnings' codes.
fn scored(scope: &str, body: &str) -> (Scorecard, Vec<&'static str>) {
    let text = scoped_checklist();
    let source = Source::from_bytes("scoped.yaml", text.as_bytes()).expect("utf-8");
    let checklist = checklist::checklist(&source, &Limits::default())
        .unwrap_or_else(|d| panic!("{d}"))
        .value;
    let answers = format!(
        "checklist: scoped-test\nchecklist_version: \"1\"\norganisation: Org\nassessed_on: 2026-11-20\nscope: {scope}\nanswers:\n{body}"
    );
    let source = Source::from_bytes("answers.yaml", answers.as_bytes()).expect("utf-8");
    let validated = answers::answers(&source, &checklist).unwrap_or_else(|d| panic!("{d}"));
    let codes = validated.warnings.iter().map(|d| d.code).collect();
    (score(&checklist, &validated.value), codes)
}

const ANSWERS: &str = "  GV.OC-01: {level: 2}\n  GV.RR-01: {level: 0}\n  GV.OC-02: {level: 1}\n  \"1.2\": {level: 1}\n  1.2.1: {level: 2}\n  1.2.2: {level: 2}\n";

fn status(card: &Scorecard, id: &str) -> Status {
    indicator(card, id).status
}

#[test]
fn ids_keep_the_sources_codes_and_items_keep_their_order() {
    let (card, _) = scored("[]", ANSWERS);
    let ids: Vec<&str> = card
        .sections
        .iter()
        .flat_map(all_indicator_results)
        .map(|i| i.id.as_str())
        .collect();
    assert_eq!(ids, ["GV.OC-01", "GV.RR-01", "GV.OC-02", "1.2", "1.2.1", "1.2.2"]);
    let counted: Vec<&str> = section(&card, "GV")
        .trace
        .counted
        .iter()
        .map(|t| t.id.as_str())
        .collect();
    assert_eq!(
        counted,
        ["GV.OC-01", "GV.RR", "GV.OC-02"],
        "the sub-section between the indicators"
    );
}

#[test]
fn without_a_scope_everything_counts_and_the_assessable_section_takes_its_own_answer() {
    let (card, warnings) = scored("[]", ANSWERS);
    assert!(warnings.is_empty(), "{warnings:?}");
    // GV: mean(100, 0, 50) = 50. 1.2: its own answer, level 1 of 0..2 = 50 (its parts give 100).
    assert_close(section(&card, "GV").score, 50.0);
    assert_close(section(&card, "1.2").score, 50.0);
    assert_close(card.overall.score, 50.0);
    assert_eq!(card.counts.scored, 6);
    assert_eq!(card.counts.out_of_scope, 0);
}

#[test]
fn indicators_outside_the_scope_are_not_scored_nor_in_completeness() {
    let (card, warnings) = scored("basic", ANSWERS);
    assert_eq!(warnings, ["answer-out-of-scope"], "GV.RR-01 is `important` only");
    assert_eq!(status(&card, "GV.RR-01"), Status::OutOfScope);
    let roles = section(&card, "GV.RR");
    assert!(roles.out_of_scope && roles.score.is_none());
    let excluded = &section(&card, "GV").trace.excluded;
    assert_eq!(excluded.len(), 1);
    assert_eq!(
        (excluded[0].id.as_str(), excluded[0].reason),
        ("GV.RR", Exclusion::OutOfScope)
    );
    // GV: mean(100, 50) = 75; overall mean(75, 50) = 62.5.
    assert_close(section(&card, "GV").score, 75.0);
    assert_close(card.overall.score, 62.5);
    assert_eq!(
        (card.counts.total, card.counts.scored, card.counts.out_of_scope),
        (6, 5, 1)
    );
    assert_close(card.completeness, 100.0);
}

#[test]
fn every_chosen_dimension_restricts() {
    // `ministry`: GV.OC-02 is for the police only; the others have no organisation tag and
    // apply to every organisation. GV: 100; overall mean(100, 50) = 75.
    let (card, _) = scored("[basic, ministry]", ANSWERS);
    assert_eq!(status(&card, "GV.OC-02"), Status::OutOfScope);
    assert_eq!(status(&card, "GV.OC-01"), Status::Scored);
    assert_close(card.overall.score, 75.0);
    // Unanswered indicators in scope still lower completeness: 3 of the 4 in scope.
    let (card, _) = scored(
        "[basic, ministry]",
        "  GV.OC-01: {level: 2}\n  1.2.1: {level: 2}\n  1.2.2: {level: 1}\n",
    );
    assert_eq!(card.counts.out_of_scope, 2);
    assert_close(card.completeness, 75.0);
}

#[test]
fn init_with_a_scope_leaves_out_what_is_outside_it_and_validates() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("scoped.yaml"), scoped_checklist()).expect("write");
    let output = run_in(
        dir.path(),
        &["init", "scoped.yaml", "--scope", "basic", "-o", "a.yaml"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = fs::read_to_string(dir.path().join("a.yaml")).expect("written");
    assert!(text.contains("\nscope: [\"basic\"]\n"), "{text}");
    assert!(text.contains("(count: 1)"), "{text}");
    assert!(!text.contains("GV.RR-01"), "{text}");
    assert!(text.contains("  # GV-0\n  # Read the policy first.\n"), "{text}");
    assert!(text.contains("\n  \"1.2\":\n    level: ~\n"), "{text}");
    let valid = run_in(dir.path(), &["validate", "--checklist", "scoped.yaml", "a.yaml"]);
    assert_eq!(valid.status.code(), Some(0), "{}", stderr(&valid));
    assert!(
        stdout(&valid).contains("(0 of 5 indicators in scope answered)"),
        "{}",
        stdout(&valid)
    );
}

#[test]
fn init_refuses_a_scope_value_the_checklist_lacks() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("scoped.yaml"), scoped_checklist()).expect("write");
    let output = run_in(dir.path(), &["init", "scoped.yaml", "--scope", "basic,army"]);
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error[unknown-scope]: scoped.yaml: --scope: the checklist `scoped-test` has no scope value `army`
  hint: expected one of `basic`, `important`, `ministry`, `police`
error: 1 error(s) in the input
"
    );
}

#[test]
fn a_checklist_without_bands_shows_its_scores_not_no_score() {
    let dir = tempfile::tempdir().expect("temp dir");
    fs::write(dir.path().join("scoped.yaml"), scoped_checklist()).expect("write");
    let answers = format!(
        "checklist: scoped-test\nchecklist_version: \"1\"\norganisation: Org\nassessed_on: 2026-11-20\nscope: basic\nanswers:\n{}",
        ANSWERS.replace("  GV.RR-01: {level: 0}\n", "")
    );
    fs::write(dir.path().join("a.yaml"), answers).expect("write");
    let output = run_in(
        dir.path(),
        &[
            "report",
            "a.yaml",
            "--checklist",
            "scoped.yaml",
            "-o",
            "out/",
            "--format",
            "html,pdf",
            "--date",
            "2026-12-01",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = fs::read_to_string(dir.path().join("out/a.html")).expect("html");
    // Scores without a band stand alone; only GV.RR (nothing in scope) and its out-of-scope
    // indicator have no score ("no score" once in the chart, once in its heading, once in the
    // contents).
    assert!(
        html.contains(r#"<span class="score-num">75.0</span></span>"#),
        "GV's score alone"
    );
    assert!(!html.contains(r#"75.0</span> <span class="band band--none">"#));
    assert!(!html.contains(r#"100.0</span> <span class="band band--none">"#));
    assert_eq!(html.matches(r#"<span class="band band--none">"#).count(), 3);
    assert!(html.contains(r#"<span class="kpi-number">62.5</span>"#));
    let html_order =
        [r#"id="i-GV.OC-01""#, r#"id="s-GV.RR""#, r#"id="i-GV.OC-02""#].map(|n| html.find(n).expect(n));
    assert!(html_order.windows(2).all(|w| w[0] < w[1]), "{html_order:?}");
    assert!(html.contains("GV.OC-01") && html.contains("Context. The mission is understood."));
    assert!(
        html.contains(r#"<span class="num">1</span> GV Govern</h2>"#),
        "the code before the title"
    );
    assert!(html.contains(r#"<p class="section-info-head">GV-0</p><p>Read the policy first.</p>"#));
    // GV.RR has nothing in scope: its verdict says so, not that too little was answered.
    assert_eq!(
        html.matches(r#"<span class="verdict-chip verdict--out-of-scope">Out of scope</span>"#)
            .count(),
        2,
        "in the compliance table and in the section"
    );
    assert!(
        !html.contains(r#"class="verdict-chip verdict--inconclusive""#),
        "every other section concludes"
    );
    let Some(text) = crate::report_pdf::pdf_text(&dir.path().join("out/a.pdf")) else {
        return;
    };
    assert!(
        text.contains("Overall score: 62.5 out of 100"),
        "the cover's badge: {text}"
    );
    assert!(!text.contains("— Overall score"), "no grey dash on the cover");
    // The chart's bars: each section's score, and "no score" only for GV.RR.
    assert!(text.contains("1 GV Govern 75.0"), "{text}");
    assert!(text.contains("2 1.2 Protect 50.0"), "{text}");
    assert_eq!(text.matches("— no score").count(), 1, "{text}");
    assert!(text.contains("Out of scope 1"), "the summary's count: {text}");
    assert!(
        text.contains("GV-0 Read the policy first."),
        "the informational item: {text}"
    );
    // Findings keep the checklist's order: GV.RR between GV.OC-01 and GV.OC-02.
    let findings = text.find("Findings by section 1 GV Govern").expect("findings");
    let after = |needle: &str| {
        findings
            + text[findings..]
                .find(needle)
                .unwrap_or_else(|| panic!("{needle}: {text}"))
    };
    let order = [
        after("GV.OC-01 — Context"),
        after("1.1 GV.RR Roles Score"),
        after("GV.OC-02 — Stakeholders"),
    ];
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "the checklist's order: {order:?}"
    );
}
