//! Auditor workflows against hand-computed expectations from `support::CHECKLIST`: reviewed
//! levels on either basis, accepted exceptions, compliance verdicts, evidence freshness, and
//! the validation of the new keys.

use crate::support::{CHECKLIST, answers_yaml, assert_close, load};
use oversight::compliance::{Compliance, Conformity, Verdict};
use oversight::freshness::{EvidenceFlag, Problem};
use oversight::model::{Date, ExceptionState};
use oversight::score::{Basis, Exclusion, IndicatorResult, ScoreOptions, Scorecard, SectionResult, Status};

/// a-2 lowered 2 → 1, b-1 raised 3 → 4, the critical b-x-1 lowered 2 → 1 (below its pass of 50).
const REVIEWED: &str = "  a-1: {level: 4}
  a-2: {level: 2, review: {level: 1, reviewer: A. Auditor, date: 2026-12-01}}
  b-1: {level: 3, review: {level: 4}}
  b-x-1: {level: 2, review: {level: 1, comment: no minutes were kept}}
  b-x-2: {level: 3}
";

/// Assessed on 2026-11-20: a-2's exception expires in 72 days, b-1's expired 20 days before,
/// b-x-2's expires in 222 days.
const EXCEPTIONS: &str = "  a-1: {level: 4}
  a-2: {level: 1, exception: {reason: Reorganisation, approved_by: Board, expires: 2027-01-31}}
  b-1: {level: 1, exception: {reason: Old waiver, approved_by: Board, expires: 2026-10-31}}
  b-x-1: {level: 3}
  b-x-2: {level: 2, exception: {reason: Pilot, approved_by: Minister, expires: 2027-06-30}}
";

fn scored(checklist: &str, body: &str, basis: Basis) -> Scorecard {
    let loaded = load(checklist, &answers_yaml(body)).unwrap_or_else(|d| panic!("invalid input:\n{d}"));
    oversight::score::score_with(&loaded.checklist, &loaded.assessment, &ScoreOptions { basis })
}

fn section<'a>(card: &'a Scorecard, id: &str) -> &'a SectionResult {
    fn find<'a>(sections: &'a [SectionResult], id: &str) -> Option<&'a SectionResult> {
        sections.iter().find_map(|s| {
            if s.id == id {
                Some(s)
            } else {
                find(&s.sections, id)
            }
        })
    }
    find(&card.sections, id).unwrap_or_else(|| panic!("no section {id}"))
}

fn indicator<'a>(card: &'a Scorecard, id: &str) -> &'a IndicatorResult {
    card.sections
        .iter()
        .flat_map(oversight::score::all_indicator_results)
        .find(|i| i.id == id)
        .unwrap_or_else(|| panic!("no indicator {id}"))
}

fn compliance(verdict: Verdict, major: usize, minor: usize, accepted_risks: usize) -> Compliance {
    Compliance {
        verdict,
        major,
        minor,
        accepted_risks,
    }
}

#[test]
fn the_verified_basis_scores_the_reviewed_levels() {
    let card = scored(CHECKLIST, REVIEWED, Basis::Verified);
    assert_eq!(card.basis, Basis::Verified);
    // a-1 100, a-2 25 (reviewed 1), b-1 100 (reviewed 4), b-x-1 25 (reviewed 1), b-x-2 75
    // a = (1×100 + 3×25) / 4 = 43.75
    assert_close(section(&card, "a").score, 43.75);
    // b-x = (25 + 75) / 2 = 50; b = min(100, 50) = 50
    assert_close(section(&card, "b-x").score, 50.0);
    assert_close(section(&card, "b").score, 50.0);
    // overall = (1×43.75 + 2×50) / 3 = 143.75 / 3 = 47.916…, band C, not capped
    assert_close(card.overall.score, 143.75 / 3.0);
    assert_eq!((card.overall.band, card.overall.capped), (Some(1), false));
    // b-x-1 at 25 is below its pass mark of 50
    assert_eq!(card.critical_failures, ["b-x-1"]);
    let a2 = indicator(&card, "a-2");
    assert_eq!(
        (a2.self_level, a2.verified_level, a2.level),
        (Some(2), Some(1), Some(1))
    );
    assert_close(a2.score, 25.0);
    let a1 = indicator(&card, "a-1");
    assert_eq!(
        (a1.self_level, a1.verified_level, a1.level),
        (Some(4), None, Some(4))
    );
    // the default of `score` is the verified basis
    let loaded = load(CHECKLIST, &answers_yaml(REVIEWED)).expect("valid");
    assert_eq!(
        oversight::score::score(&loaded.checklist, &loaded.assessment),
        card
    );
}

#[test]
fn the_self_basis_ignores_the_reviews() {
    let card = scored(CHECKLIST, REVIEWED, Basis::SelfAssessed);
    assert_eq!(card.basis, Basis::SelfAssessed);
    // a = (1×100 + 3×50) / 4 = 62.5; b-x = (50 + 75) / 2 = 62.5; b = min(75, 62.5) = 62.5
    assert_close(section(&card, "a").score, 62.5);
    assert_close(section(&card, "b").score, 62.5);
    // overall = (62.5 + 2×62.5) / 3 = 62.5, band B; b-x-1 at 50 reaches its pass mark
    assert_close(card.overall.score, 62.5);
    assert_eq!(card.overall.band, Some(2));
    assert!(card.critical_failures.is_empty());
    let a2 = indicator(&card, "a-2");
    assert_eq!(
        (a2.self_level, a2.verified_level, a2.level),
        (Some(2), Some(1), Some(2))
    );
}

#[test]
fn a_review_scores_an_answer_that_has_no_level_of_its_own() {
    let body = "  a-1: {level: 4}\n  b-1: {status: not-enough-information, review: {level: 2}}\n";
    let verified = scored(CHECKLIST, body, Basis::Verified);
    let b1 = indicator(&verified, "b-1");
    assert_eq!(
        (b1.status, b1.level, b1.self_level),
        (Status::Scored, Some(2), None)
    );
    assert_close(b1.score, 50.0);
    // b = min(50) = 50 (b-x has nothing scored); overall = (100 + 2×50) / 3
    assert_close(verified.overall.score, 200.0 / 3.0);
    assert_eq!(verified.counts.scored, 2);
    let own = scored(CHECKLIST, body, Basis::SelfAssessed);
    assert_eq!(indicator(&own, "b-1").status, Status::NotEnoughInformation);
    // only a scores: overall = 100
    assert_close(own.overall.score, 100.0);
}

#[test]
fn valid_exceptions_are_excluded_and_expired_ones_count() {
    let card = scored(CHECKLIST, EXCEPTIONS, Basis::Verified);
    let states: Vec<Option<ExceptionState>> = ["a-2", "b-1", "b-x-2", "a-1"]
        .iter()
        .map(|id| indicator(&card, id).exception)
        .collect();
    assert_eq!(
        states,
        [
            Some(ExceptionState::ExpiringSoon),
            Some(ExceptionState::Expired),
            Some(ExceptionState::Valid),
            None
        ]
    );
    // with exceptions: a-2 and b-x-2 out; b-1's exception expired, so it counts at 25
    // a = 100 / 1 = 100; b-x = 75 / 1 = 75; b = min(25, 75) = 25; overall = (100 + 2×25) / 3 = 50
    let a = section(&card, "a");
    assert_close(a.score, 100.0);
    assert_eq!(
        a.trace
            .excluded
            .iter()
            .map(|e| (e.id.as_str(), e.reason))
            .collect::<Vec<_>>(),
        [("a-2", Exclusion::AcceptedException)]
    );
    assert_close(section(&card, "b-x").score, 75.0);
    assert_close(section(&card, "b").score, 25.0);
    assert_close(card.overall.score, 50.0);
    assert_eq!(card.overall.band, Some(1), "C");
    // without exceptions: a = (100 + 3×25) / 4 = 43.75; b-x = (75 + 50) / 2 = 62.5;
    // b = min(25, 62.5) = 25; overall = (43.75 + 2×25) / 3 = 31.25
    let without = card.without_exceptions.as_ref().expect("exceptions apply");
    assert_close(without.score, 31.25);
    assert_eq!(without.band, Some(0), "D");
    // an excepted indicator keeps its own score for the reader
    assert_close(indicator(&card, "a-2").score, 25.0);
    // the expired exception's indicator is a minor non-conformity (25 < 50); the others are
    // accepted risks
    assert_eq!(indicator(&card, "b-1").conformity, Conformity::Minor);
    assert_eq!(indicator(&card, "a-2").conformity, Conformity::AcceptedRisk);
    assert_eq!(
        card.compliance,
        compliance(Verdict::MinorNonConformities, 0, 1, 2)
    );
}

#[test]
fn without_any_valid_exception_there_is_no_second_score() {
    let expired_only = "  a-1: {level: 4, exception: {reason: r, approved_by: b, expires: 2026-11-19}}\n";
    let card = scored(CHECKLIST, expired_only, Basis::Verified);
    assert_eq!(card.without_exceptions, None);
    assert_close(card.overall.score, 100.0);
}

#[test]
fn an_accepted_exception_on_a_critical_failure_lifts_the_cap() {
    // everything 4 except the critical b-x-1 at 1, under a valid exception
    let body = "  a-1: {level: 4}\n  a-2: {level: 4}\n  b-1: {level: 4}
  b-x-1: {level: 1, exception: {reason: Vacancy, approved_by: Minister, expires: 2027-03-01}}
  b-x-2: {level: 4}\n";
    let card = scored(CHECKLIST, body, Basis::Verified);
    // b-x-1 is out: a = 100, b-x = 100, b = 100, overall = 100, band A, nothing capped
    assert_close(card.overall.score, 100.0);
    assert!(card.critical_failures.is_empty());
    assert_eq!((card.overall.band, card.overall.capped), (Some(3), false));
    assert_eq!(card.compliance, compliance(Verdict::Compliant, 0, 0, 1));
    // without it: b-x = (25 + 100) / 2 = 62.5, b = 62.5, overall = (100 + 125) / 3 = 75 → B,
    // capped at C by the critical failure
    let without = card.without_exceptions.as_ref().expect("an exception applies");
    assert_close(without.score, 75.0);
    assert_eq!(
        (without.band, without.uncapped_band, without.capped),
        (Some(1), Some(2), true)
    );
}

#[test]
fn an_exception_applies_through_its_expiry_date_and_expires_soon_within_90_days() {
    let assessed_on = Date::parse("2026-11-20").expect("date");
    let state = |expires: &str| {
        oversight::model::Exception {
            reason: "r".into(),
            approved_by: "b".into(),
            expires: Date::parse(expires).expect("date"),
        }
        .state_on(assessed_on)
    };
    assert_eq!(state("2026-11-19"), ExceptionState::Expired);
    assert_eq!(state("2026-11-20"), ExceptionState::ExpiringSoon);
    // 2026-11-20 + 90 days = 2027-02-18 (10 + 31 + 31 + 18)
    assert_eq!(state("2027-02-18"), ExceptionState::ExpiringSoon);
    assert_eq!(state("2027-02-19"), ExceptionState::Valid);
}

#[test]
fn compliance_classifies_major_and_minor_non_conformities() {
    let card = scored(CHECKLIST, REVIEWED, Basis::Verified);
    // b-x-1 is a critical failure: major; a-2 at 25 < 50: minor; the rest reach 50
    let conformities: Vec<(&str, Conformity)> = card
        .sections
        .iter()
        .flat_map(oversight::score::all_indicator_results)
        .map(|i| (i.id.as_str(), i.conformity))
        .collect();
    assert_eq!(
        conformities,
        [
            ("a-1", Conformity::Conforming),
            ("a-2", Conformity::Minor),
            ("b-1", Conformity::Conforming),
            ("b-x-1", Conformity::Major),
            ("b-x-2", Conformity::Conforming),
        ]
    );
    assert_eq!(card.compliance, compliance(Verdict::NotCompliant, 1, 1, 0));
    assert_eq!(
        section(&card, "a").compliance,
        compliance(Verdict::MinorNonConformities, 0, 1, 0)
    );
    // a section counts its sub-sections' non-conformities
    assert_eq!(
        section(&card, "b").compliance,
        compliance(Verdict::NotCompliant, 1, 0, 0)
    );
    // on the self basis every indicator reaches its pass mark (a-2 and b-x-1 exactly at 50)
    let own = scored(CHECKLIST, REVIEWED, Basis::SelfAssessed);
    assert_eq!(own.compliance, compliance(Verdict::Compliant, 0, 0, 0));
}

#[test]
fn indicators_without_a_score_are_not_assessed_unless_critical() {
    let body = "  a-1: {status: not-enough-information}\n  a-2: {status: not-applicable, comment: x}\n  b-1: {level: 4}\n";
    let card = scored(CHECKLIST, body, Basis::Verified);
    let of = |id| indicator(&card, id).conformity;
    assert_eq!(
        [of("a-1"), of("a-2"), of("b-x-1"), of("b-x-2")],
        [
            Conformity::NotAssessed,
            Conformity::NotApplicable,
            Conformity::Major,
            Conformity::NotAssessed
        ]
    );
    // under `missing: zero` the unanswered b-x-2 scores 0 < 50: a minor non-conformity
    let zero = CHECKLIST.replace("missing: exclude", "missing: zero");
    let card = scored(&zero, body, Basis::Verified);
    assert_eq!(indicator(&card, "b-x-2").conformity, Conformity::Minor);
    assert_eq!(card.compliance, compliance(Verdict::NotCompliant, 1, 1, 0));
}

/// The test checklist with a maximum evidence age of 365 days, 30 for a-1, and expected
/// evidence for a-2 and b-1.
fn freshness_checklist() -> String {
    CHECKLIST
        .replace(
            "  critical_cap: C\n",
            "  critical_cap: C\n  evidence_max_age_days: 365\n",
        )
        .replace(
            "{id: a-1, text: A one, scale: s}",
            "{id: a-1, text: A one, scale: s, evidence_max_age_days: 30}",
        )
        .replace(
            "{id: a-2, text: A two, scale: s, weight: 3}",
            "{id: a-2, text: A two, scale: s, weight: 3, evidence: [Minutes]}",
        )
        .replace(
            "{id: b-1, text: B one, scale: s}",
            "{id: b-1, text: B one, scale: s, evidence: [Register]}",
        )
}

const FRESHNESS: &str = "  a-1: {level: 4, evidence: [{title: Minutes, date: 2026-10-01}]}
  a-2: {level: 2, evidence: [{title: Old, date: 2025-11-19}, {title: A year, date: 2025-11-20}, {title: Undated}]}
  b-1: {level: 3}
  b-x-1: {status: not-enough-information}
  b-x-2: {level: 3}
";

#[test]
fn old_and_missing_evidence_is_flagged_without_changing_the_score() {
    let checklist = freshness_checklist();
    let card = scored(&checklist, FRESHNESS, Basis::Verified);
    let stale = |indicator: &str, evidence, date, age_days, max_age_days| EvidenceFlag {
        indicator: indicator.to_owned(),
        problem: Problem::Stale {
            evidence,
            date: Date::parse(date).expect("date"),
            age_days,
            max_age_days,
        },
    };
    assert_eq!(
        card.evidence_flags,
        [
            // 2026-10-01 → 2026-11-20 is 50 days, over a-1's own limit of 30
            stale("a-1", 0, "2026-10-01", 50, 30),
            // 366 days is over the checklist's 365; exactly 365 days (2025-11-20) is not;
            // undated evidence is never stale
            stale("a-2", 0, "2025-11-19", 366, 365),
            // b-1 expects a register and has no evidence; b-x-1 is not scored, b-x-2 expects none
            EvidenceFlag {
                indicator: "b-1".to_owned(),
                problem: Problem::Missing,
            },
        ]
    );
    let plain = scored(CHECKLIST, FRESHNESS, Basis::Verified);
    assert!(
        plain.evidence_flags.is_empty(),
        "no limit and no expected evidence"
    );
    assert_eq!(card.overall, plain.overall);
}

/// `code at place` of every diagnostic of inline answers, or of the loaded warnings.
fn findings(checklist: &str, body: &str) -> Vec<String> {
    let diagnostics = match load(checklist, &answers_yaml(body)) {
        Ok(loaded) => loaded.warnings,
        Err(diagnostics) => diagnostics,
    };
    diagnostics
        .iter()
        .map(|d| format!("{} at {}{}", d.code, d.file, d.place))
        .collect()
}

#[test]
fn reviews_and_exceptions_are_validated() {
    let cases: &[(&str, &str)] = &[
        (
            "  a-1: {level: 1, review: {level: 7}}\n",
            "review-level-off-scale at answers.yaml: answers[a-1].review.level",
        ),
        (
            "  a-1: {level: 1, review: {level: 2, date: 2026-11-19}}\n",
            "review-before-assessment at answers.yaml: answers[a-1].review.date",
        ),
        (
            "  a-1: {level: 1, review: {comment: lower}}\n",
            "missing-key at answers.yaml:6:27",
        ),
        (
            "  a-1: {level: 1, review: {level: 2, date: 2026-13-01}}\n",
            "invalid-date at answers.yaml:6:44",
        ),
        (
            "  a-1: {status: not-applicable, comment: x, exception: {reason: r, approved_by: b, expires: 2027-01-01}}\n",
            "exception-not-applicable at answers.yaml: answers[a-1].exception",
        ),
        (
            "  a-1: {level: 1, exception: {reason: \" \", approved_by: b, expires: 2027-01-01}}\n",
            "empty-value at answers.yaml: answers[a-1].exception.reason",
        ),
        (
            "  a-1: {level: 1, exception: {reason: r, approved_by: b}}\n",
            "missing-key at answers.yaml:6:30",
        ),
        (
            "  a-1: {level: 1, exception: {reason: r, approved_by: b, expires: soon}}\n",
            "invalid-date at answers.yaml:6:67",
        ),
    ];
    for (body, expected) in cases {
        assert_eq!(findings(CHECKLIST, body), [*expected], "answers {body:?}");
    }
    // a review of an unanswered indicator and an exception on one are both fine
    let fine = "  a-1: {review: {level: 2, reviewer: A, date: 2026-11-20}, exception: {reason: r, approved_by: b, expires: 2027-01-01}}\n";
    assert!(findings(CHECKLIST, fine).is_empty());
}

#[test]
fn the_maximum_evidence_age_is_at_least_one_day() {
    let checklist = freshness_checklist();
    for (from, to, expected) in [
        (
            "evidence_max_age_days: 365",
            "evidence_max_age_days: 0",
            "out-of-range at checklist.yaml: scoring.evidence_max_age_days",
        ),
        (
            "evidence_max_age_days: 30",
            "evidence_max_age_days: -30",
            "out-of-range at checklist.yaml: sections[a].indicators[a-1].evidence_max_age_days",
        ),
    ] {
        let diagnostics = crate::support::checklist_from(&checklist.replace(from, to)).expect_err("refused");
        let codes: Vec<String> = diagnostics
            .iter()
            .map(|d| format!("{} at {}{}", d.code, d.file, d.place))
            .collect();
        assert_eq!(codes, [expected]);
    }
}
