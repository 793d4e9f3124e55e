//! "Not enough answered to conclude": a section, or the whole assessment, whose completeness is
//! under `scoring.min_completeness` keeps its score, provisional, without band or verdict.

use crate::support::{CHECKLIST, answers_yaml, checklist_from, load};
use oversight::i18n::Catalogue;
use oversight::model::Date;
use oversight::report::{ReportView, SectionView, flatten};
use oversight::score::{ScoreOptions, Scorecard, SectionResult, score};

/// The test checklist with `scoring.min_completeness` set.
fn with_min(min: &str) -> String {
    CHECKLIST.replace(
        "  critical_cap: C\n",
        &format!("  critical_cap: C\n  min_completeness: {min}\n"),
    )
}

fn card(checklist: &str, body: &str) -> Scorecard {
    let loaded = load(checklist, &answers_yaml(body)).unwrap_or_else(|d| panic!("invalid:\n{d}"));
    score(&loaded.checklist, &loaded.assessment)
}

fn view(checklist: &str, body: &str) -> ReportView {
    let loaded = load(checklist, &answers_yaml(body)).unwrap_or_else(|d| panic!("invalid:\n{d}"));
    oversight::render::view(
        &loaded,
        &Catalogue::bundled(),
        Some("en"),
        Date::parse("2026-11-28").expect("date"),
        &ScoreOptions::default(),
    )
    .1
}

fn section<'a>(card: &'a Scorecard, id: &str) -> &'a SectionResult {
    fn find<'a>(sections: &'a [SectionResult], id: &str) -> Option<&'a SectionResult> {
        sections
            .iter()
            .find_map(|s| (s.id == id).then_some(s).or_else(|| find(&s.sections, id)))
    }
    find(&card.sections, id).unwrap_or_else(|| panic!("section {id}"))
}

fn section_view<'a>(view: &'a ReportView, id: &str) -> &'a SectionView {
    flatten(&view.sections)
        .into_iter()
        .find(|s| s.id == id)
        .unwrap_or_else(|| panic!("section {id}"))
}

#[test]
fn exactly_the_minimum_concludes_and_just_under_it_does_not() {
    // a: a-1 answered, a-2 unanswered: 1 of 2 = 50 %, exactly the default minimum.
    // b: b-1 answered, b-x-1 and b-x-2 unanswered: 1 of 3 = 33.3 %. b-x: 0 of 2.
    // Overall: 2 of 5 = 40 %.
    let c = card(CHECKLIST, "  a-1: {level: 2}\n  b-1: {level: 3}\n");
    let a = section(&c, "a");
    assert_eq!((a.completeness, a.conclusive), (Some(50.0), true));
    let b = section(&c, "b");
    assert!(!b.conclusive, "b at {:?}", b.completeness);
    assert_eq!((b.counts.scored, b.counts.unanswered), (1, 2));
    assert_eq!(section(&c, "b-x").completeness, Some(0.0));
    assert!(!section(&c, "b-x").conclusive);
    assert_eq!((c.completeness, c.conclusive), (Some(40.0), false));

    // a minimum of 40 concludes the overall 40 % and not b's 33.3 %; 40.1 does not
    let c = card(&with_min("40"), "  a-1: {level: 2}\n  b-1: {level: 3}\n");
    assert!(c.conclusive && !section(&c, "b").conclusive);
    let c = card(&with_min("40.1"), "  a-1: {level: 2}\n  b-1: {level: 3}\n");
    assert!(!c.conclusive && section(&c, "a").conclusive);
    // with 0 everything answered at all concludes, and a section with nothing answered too
    let c = card(&with_min("0"), "  a-1: {level: 2}\n");
    assert!(c.conclusive && section(&c, "b").conclusive);
}

#[test]
fn not_applicable_indicators_are_left_out_and_nothing_applicable_never_concludes() {
    // b-x-1 and b-x-2 not applicable: b is 1 of 1 answered; b-x has nothing applicable.
    let body = "  b-1: {level: 3}\n  b-x-1: {status: not-applicable, comment: x}\n  b-x-2: {status: not-applicable, comment: x}\n  a-1: {level: 1}\n";
    let c = card(CHECKLIST, body);
    assert_eq!(section(&c, "b").completeness, Some(100.0));
    assert!(section(&c, "b").conclusive);
    assert_eq!(section(&c, "b-x").completeness, None);
    assert!(!section(&c, "b-x").conclusive);
    // 2 of 3 applicable overall
    assert!((c.completeness.expect("some") - 200.0 / 3.0).abs() < 1e-9);
    assert!(c.conclusive);
}

#[test]
fn an_inconclusive_score_is_provisional_without_band_or_verdict() {
    let v = view(CHECKLIST, "  a-1: {level: 2}\n  b-1: {level: 3}\n");
    // a: 50.0 concluded, with its band C and its verdict
    let a = section_view(&v, "a");
    assert_eq!(a.score.text, "50.0");
    assert_eq!(a.score.band.as_ref().map(|b| b.code.as_str()), Some("C"));
    assert!(!a.score.provisional);
    assert_eq!(a.completeness, "50.0%");
    assert_eq!(a.answered, "1 of 2 applicable indicators answered");
    assert_eq!(a.compliance.verdict, "compliant");
    // b: min(75, no score) = 75.0, provisional, no band, no verdict
    let b = section_view(&v, "b");
    assert_eq!(b.score.text, "75.0");
    assert!(b.score.band.is_none() && b.score.provisional);
    assert_eq!(b.compliance.verdict, "inconclusive");
    assert_eq!(b.compliance.statement, "Not enough answered to conclude");
    assert_eq!(b.answered, "1 of 3 applicable indicators answered");
    // the whole: (1 × 50 + 2 × 75) ÷ 3 = 66.7, provisional at 40 %
    assert_eq!(v.summary.score.text, "66.7");
    assert!(v.summary.score.band.is_none() && v.summary.score.provisional);
    assert!(!v.summary.conclusive);
    assert_eq!(v.summary.compliance.verdict, "inconclusive");
    assert_eq!(
        v.summary.inconclusive_note.as_deref(),
        Some(
            "Only 40.0% of the applicable indicators are answered, less than the 50% needed for a conclusion: the score is provisional, and no band and no compliance verdict are given."
        )
    );
    // the critical b-x-1 is unanswered: a critical failure all the same, but no cap is claimed
    assert_eq!(v.summary.critical_failures.len(), 1);
    assert!(!v.summary.capped && v.summary.uncapped_band.is_none());
    // an inconclusive section is neither among the strongest nor the weakest
    assert!(
        v.summary
            .strongest
            .iter()
            .chain(&v.summary.weakest)
            .all(|s| s.id != "b")
    );
    // the calculation shows the same provisional result
    let trace = v.methodology.traces.iter().find(|t| t.id == "b").expect("trace");
    assert!(trace.result.provisional && trace.result.band.is_none());
    assert_eq!(v.methodology.min_completeness, "50%");
}

#[test]
fn the_minimum_is_a_share_between_0_and_100() {
    for bad in ["101", "-1"] {
        let diagnostics = checklist_from(&with_min(bad)).expect_err("refused");
        let codes: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{} at {}{}", d.code, d.file, d.place))
            .collect();
        assert_eq!(
            codes,
            ["out-of-range at checklist.yaml: scoring.min_completeness"]
        );
    }
}

#[test]
fn the_json_says_whether_each_part_concludes() {
    let loaded = load(CHECKLIST, &answers_yaml("  a-1: {level: 2}\n  b-1: {level: 3}\n")).expect("valid");
    let c = score(&loaded.checklist, &loaded.assessment);
    let json = oversight::render::json::to_string(&oversight::render::json::result(
        &loaded.checklist,
        &loaded.assessment,
        &c,
        "en",
    ));
    let value: serde_json::Value = serde_json::from_str(&json).expect("json");
    assert_eq!(value["conclusive"], false);
    assert_eq!(value["kind"], "self-assessment");
    assert_eq!(value["sections"][0]["completeness"], 50.0);
    assert_eq!(value["sections"][0]["conclusive"], true);
    assert_eq!(value["sections"][1]["conclusive"], false);
    assert_eq!(value["sections"][1]["counts"]["unanswered"], 2);
}
