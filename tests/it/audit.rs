//! Auditor workflows against hand-computed expectations from `support::CHECKLIST`: reviewed
//! levels on either basis, accepted exceptions, compliance verdicts, evidence freshness, and
//! the validation of the new keys.

use crate::support::{CHECKLIST, answers_yaml, assert_close, indicator, load, section};
use oversight::compliance::{Compliance, Conformity, Verdict, Verdicts};
use oversight::freshness::{EvidenceFlag, Problem};
use oversight::model::{Date, ExceptionState, Number};
use oversight::score::{Basis, Exclusion, ScoreOptions, Scorecard, Status};

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

/// The evidence flags of a scorecard of `body` against `checklist`.
fn flags(checklist: &str, body: &str, card: &Scorecard) -> Vec<EvidenceFlag> {
    let loaded = load(checklist, &answers_yaml(body)).unwrap_or_else(|d| panic!("invalid input:\n{d}"));
    oversight::freshness::check(&loaded.checklist, &loaded.assessment, card)
}

fn level(value: i64) -> Option<Number> {
    Some(Number::from(value))
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
        (level(2), level(1), level(1))
    );
    assert_close(a2.score, 25.0);
    let a1 = indicator(&card, "a-1");
    assert_eq!(
        (a1.self_level, a1.verified_level, a1.level),
        (level(4), None, level(4))
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
        (level(2), level(1), level(2))
    );
}

#[test]
fn a_review_scores_an_answer_that_has_no_level_of_its_own() {
    let body = "  a-1: {level: 4}\n  b-1: {status: not-enough-information, review: {level: 2}}\n";
    let verified = scored(CHECKLIST, body, Basis::Verified);
    let b1 = indicator(&verified, "b-1");
    assert_eq!(
        (b1.status, b1.level, b1.self_level),
        (Status::Scored, level(2), None)
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
    assert_eq!(Verdicts::of(&card).conformity("b-1"), Conformity::Minor);
    assert_eq!(Verdicts::of(&card).conformity("a-2"), Conformity::AcceptedRisk);
    assert_eq!(
        Verdicts::of(&card).overall,
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
    assert_eq!(
        Verdicts::of(&card).overall,
        compliance(Verdict::Compliant, 0, 0, 1)
    );
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
    let verdicts = Verdicts::of(&card);
    let conformities: Vec<(&str, Conformity)> = card
        .sections
        .iter()
        .flat_map(oversight::score::all_indicator_results)
        .map(|i| (i.id.as_str(), verdicts.conformity(&i.id)))
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
    assert_eq!(
        Verdicts::of(&card).overall,
        compliance(Verdict::NotCompliant, 1, 1, 0)
    );
    assert_eq!(
        verdicts.section_compliance("a"),
        compliance(Verdict::MinorNonConformities, 0, 1, 0)
    );
    // a section counts its sub-sections' non-conformities
    assert_eq!(
        verdicts.section_compliance("b"),
        compliance(Verdict::NotCompliant, 1, 0, 0)
    );
    // on the self basis every indicator reaches its pass mark (a-2 and b-x-1 exactly at 50)
    let own = scored(CHECKLIST, REVIEWED, Basis::SelfAssessed);
    assert_eq!(
        Verdicts::of(&own).overall,
        compliance(Verdict::Compliant, 0, 0, 0)
    );
}

#[test]
fn indicators_without_a_score_are_not_assessed_unless_critical() {
    let body = "  a-1: {status: not-enough-information}\n  a-2: {status: not-applicable, comment: x}\n  b-1: {level: 4}\n";
    let card = scored(CHECKLIST, body, Basis::Verified);
    let verdicts = Verdicts::of(&card);
    let of = |id| verdicts.conformity(id);
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
    assert_eq!(Verdicts::of(&card).conformity("b-x-2"), Conformity::Minor);
    assert_eq!(
        Verdicts::of(&card).overall,
        compliance(Verdict::NotCompliant, 1, 1, 0)
    );
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
        flags(&freshness_checklist(), FRESHNESS, &card),
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
        flags(CHECKLIST, FRESHNESS, &plain).is_empty(),
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

/// The report view of inline answers, in `lang`, on `basis`.
fn view(checklist: &str, body: &str, lang: &str, basis: Basis) -> oversight::report::ReportView {
    let loaded = load(checklist, &answers_yaml(body)).unwrap_or_else(|d| panic!("invalid input:\n{d}"));
    let date = Date::parse("2026-11-28").expect("date");
    oversight::render::view(
        &loaded,
        &oversight::i18n::Catalogue::bundled(),
        Some(lang),
        date,
        &ScoreOptions { basis },
    )
    .1
}

#[test]
fn compliance_statements_overall_and_per_section() {
    let en = view(CHECKLIST, REVIEWED, "en", Basis::Verified);
    assert_eq!(
        en.compliance.overall.statement,
        "Not compliant: 1 major non-conformity, 1 minor non-conformity"
    );
    assert_eq!(en.summary.compliance.statement, en.compliance.overall.statement);
    let sections: Vec<(&str, &str)> = en
        .compliance
        .sections
        .iter()
        .map(|s| (s.number.as_str(), s.compliance.statement.as_str()))
        .collect();
    assert_eq!(
        sections,
        [
            ("1", "Compliant with minor non-conformities (1)"),
            ("2", "Not compliant: 1 major non-conformity"),
            ("2.1", "Not compliant: 1 major non-conformity"),
        ]
    );
    assert_eq!(en.sections[0].compliance.verdict, "minor-non-conformities");
    let uk = view(CHECKLIST, REVIEWED, "uk", Basis::Verified);
    assert_eq!(
        uk.compliance.overall.statement,
        "Не відповідає вимогам: 1 значна невідповідність, 1 незначна невідповідність"
    );
    assert_eq!(
        uk.sections[0].compliance.statement,
        "Відповідає вимогам із незначними невідповідностями (1)"
    );
    let own = view(CHECKLIST, REVIEWED, "en", Basis::SelfAssessed);
    assert_eq!(own.compliance.overall.statement, "Compliant");
    assert!(own.compliance.findings.is_empty());
}

#[test]
fn counts_take_the_plural_form_of_the_language() {
    let catalogue = oversight::i18n::Catalogue::bundled();
    let uk = catalogue.labels("uk");
    let fmt = oversight::report::format::Formatter::new(&uk);
    let forms: Vec<String> = [1, 2, 4, 5, 11, 12, 14, 21, 22, 25, 101, 111]
        .iter()
        .map(|n| fmt.count("count_major", *n))
        .collect();
    assert_eq!(
        forms,
        [
            "1 значна невідповідність",
            "2 значні невідповідності",
            "4 значні невідповідності",
            "5 значних невідповідностей",
            "11 значних невідповідностей",
            "12 значних невідповідностей",
            "14 значних невідповідностей",
            "21 значна невідповідність",
            "22 значні невідповідності",
            "25 значних невідповідностей",
            "101 значна невідповідність",
            "111 значних невідповідностей",
        ]
    );
    let en = catalogue.labels("en");
    let fmt = oversight::report::format::Formatter::new(&en);
    assert_eq!(fmt.count("count_minor", 1), "1 minor non-conformity");
    assert_eq!(fmt.count("count_minor", 0), "0 minor non-conformities");
    assert_eq!(fmt.count("count_days", 21), "21 days");
}

#[test]
fn the_findings_list_puts_major_non_conformities_first() {
    let en = view(CHECKLIST, REVIEWED, "en", Basis::Verified);
    let findings: Vec<(usize, &str, &str, &str, &str, &str)> = en
        .compliance
        .findings
        .iter()
        .map(|f| {
            (
                f.number,
                f.id.as_str(),
                f.severity.as_str(),
                f.levels.as_str(),
                f.score.as_str(),
                f.reason.as_str(),
            )
        })
        .collect();
    assert_eq!(
        findings,
        [
            (1, "b-x-1", "major", "2 → 1", "25.0", "Below its pass mark of 50"),
            (2, "a-2", "minor", "2 → 1", "25.0", "Below its pass mark of 50"),
        ]
    );
    assert_eq!(en.compliance.findings[0].section, "2.1 BX");
}

#[test]
fn reviews_show_both_levels_and_the_difference() {
    let en = view(CHECKLIST, REVIEWED, "en", Basis::Verified);
    let a2 = en.sections[0].indicators[1].review.as_ref().expect("reviewed");
    assert_eq!(
        (
            a2.self_level.as_str(),
            a2.self_score.as_str(),
            a2.verified_level.as_str(),
            a2.verified_score.as_str(),
            a2.difference.as_str(),
            a2.direction.as_str(),
            a2.scored
        ),
        ("2 — Two", "50.0", "1 — One", "25.0", "−1", "lowered", true)
    );
    assert_eq!(a2.reviewer.as_deref(), Some("A. Auditor"));
    assert_eq!(a2.date.as_deref(), Some("1 December 2026"));
    let b1 = en.sections[1].indicators[0].review.as_ref().expect("reviewed");
    assert_eq!((b1.difference.as_str(), b1.direction.as_str()), ("+1", "raised"));
    assert!(en.sections[0].indicators[0].review.is_none());
    assert_eq!(en.summary.reviewed, "3 of 5");
    assert_eq!(en.summary.basis, "verified levels");
    let own = view(CHECKLIST, REVIEWED, "en", Basis::SelfAssessed);
    assert!(
        !own.sections[0].indicators[1]
            .review
            .as_ref()
            .expect("reviewed")
            .scored
    );
    assert_eq!(own.provenance.basis, "self-assessed levels");
}

#[test]
fn the_report_lists_exceptions_expiring_within_90_days() {
    let en = view(CHECKLIST, EXCEPTIONS, "en", Basis::Verified);
    let ids = |items: &[oversight::report::ExceptionItem]| -> Vec<String> {
        items.iter().map(|x| x.id.clone()).collect()
    };
    // a-2 expires 72 days after the assessment date, b-x-2 after 222 days, b-1 has expired
    assert_eq!(ids(&en.exceptions.expiring), ["a-2"]);
    assert_eq!(ids(&en.exceptions.in_force), ["a-2", "b-x-2"]);
    assert_eq!(ids(&en.exceptions.expired), ["b-1"]);
    assert_eq!(en.exceptions.expiring[0].exception.expires, "31 January 2027");
    assert_eq!(
        en.exceptions.expired[0].exception.state_label,
        "Expired (counted as usual)"
    );
    assert_eq!(en.exceptions.score.text, "50.0");
    // 31.25 is shown rounded half to even
    let without = en.exceptions.without.as_ref().expect("exceptions apply");
    assert_eq!(without.text, "31.2");
    assert_eq!(
        en.summary.without_exceptions.as_ref().map(|s| s.text.as_str()),
        Some("31.2")
    );
    // the accepted risks are no findings; b-1, whose exception expired, is, with a note
    let findings: Vec<(&str, Option<&str>)> = en
        .compliance
        .findings
        .iter()
        .map(|f| (f.id.as_str(), f.expired_exception.as_deref()))
        .collect();
    assert_eq!(
        findings,
        [("b-1", Some("Its accepted exception expired on 31 October 2026"))]
    );
}

#[test]
fn freshness_flags_read_as_sentences() {
    let en = view(&freshness_checklist(), FRESHNESS, "en", Basis::Verified);
    let flags: Vec<(&str, Vec<&str>)> = en
        .freshness
        .iter()
        .map(|f| (f.id.as_str(), f.flags.iter().map(String::as_str).collect()))
        .collect();
    assert_eq!(
        flags,
        [
            (
                "a-1",
                vec![
                    "“Minutes” is dated 1 October 2026, 50 days before the assessment; the maximum age is 30 days."
                ]
            ),
            (
                "a-2",
                vec![
                    "“Old” is dated 19 November 2025, 366 days before the assessment; the maximum age is 365 days."
                ]
            ),
            (
                "b-1",
                vec!["No evidence was given; the checklist expects: Register."]
            ),
        ]
    );
    let a2 = &en.sections[0].indicators[1];
    assert_eq!(
        a2.evidence.iter().map(|e| e.stale).collect::<Vec<_>>(),
        [true, false, false]
    );
    assert_eq!(en.methodology.evidence_max_age, "365 days");
    let uk = view(&freshness_checklist(), FRESHNESS, "uk", Basis::Verified);
    assert_eq!(
        uk.freshness[0].flags[0],
        "«Minutes» датовано 1 жовтня 2026 року, за 50 днів до оцінювання; максимальна давність — 30 днів."
    );
}

#[test]
fn the_gate_and_the_outputs_use_the_chosen_basis() {
    use crate::support::{run_in, stderr, stdout};
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    std::fs::write(dir.path().join("a.yaml"), answers_yaml(REVIEWED)).expect("write");
    let score = |extra: &[&str]| {
        let mut args = vec!["score", "a.yaml", "--checklist", "test.yaml"];
        args.extend_from_slice(extra);
        run_in(dir.path(), &args)
    };
    // verified: 47.9 < 50 fails the gate; self-assessed: 62.5 passes it
    let verified = score(&["--fail-under", "50"]);
    assert_eq!(verified.status.code(), Some(3));
    assert_eq!(stderr(&verified), "gate: the overall score 47.92 is below 50\n");
    let own = score(&["--fail-under", "50", "--basis", "self"]);
    assert_eq!(own.status.code(), Some(0), "{}", stderr(&own));
    let text = stdout(&verified);
    for line in [
        "Overall score:  47.9  C Partial\n",
        "Scoring basis: verified levels (reviewed by an auditor: 3 of 5)\n",
        "Compliance: Not compliant: 1 major non-conformity, 1 minor non-conformity\n",
    ] {
        assert!(text.contains(line), "{text}");
    }
    assert!(stdout(&own).contains("Scoring basis: self-assessed levels (reviewed by an auditor: 3 of 5)\n"));
    let json = score(&["--format", "json", "--basis", "self"]);
    let json: serde_json::Value = serde_json::from_slice(&json.stdout).expect("json");
    assert_eq!(json["basis"], "self");
    assert_eq!(json["overall"]["score"], 62.5);
    assert_eq!(
        json["sections"][0]["indicators"][1],
        serde_json::json!({"id": "a-2", "status": "scored", "level": 2, "score": 50.0, "weight": 3.0,
            "critical": false, "pass": 50.0, "critical_failure": false, "self_level": 2,
            "verified_level": 1, "exception": null, "conformity": "conforming"})
    );
    let usage = score(&["--basis", "audited"]);
    assert_eq!(usage.status.code(), Some(2));
}

#[test]
fn the_json_result_has_the_exceptions_and_the_evidence_flags() {
    use crate::support::run_in;
    let dir = tempfile::tempdir().expect("temp dir");
    std::fs::write(dir.path().join("test.yaml"), freshness_checklist()).expect("write");
    let body = FRESHNESS.replace(
        "  b-x-2: {level: 3}\n",
        "  b-x-2: {level: 2, exception: {reason: Pilot, approved_by: Minister, expires: 2027-01-31}}\n",
    );
    std::fs::write(dir.path().join("a.yaml"), answers_yaml(&body)).expect("write");
    let output = run_in(
        dir.path(),
        &["score", "a.yaml", "--checklist", "test.yaml", "--format", "json"],
    );
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).expect("json");
    // with b-x-2 out: b-x has nothing scored (b-x-1 lacks information), b = min(75) = 75;
    // a = (1×100 + 3×50) / 4 = 62.5; overall = (62.5 + 2×75) / 3 = 70.83…
    // without the exception: b-x = 50, b = min(75, 50) = 50; overall = (62.5 + 100) / 3 = 54.16…
    assert_eq!(json["overall"]["score"], 212.5 / 3.0);
    assert_eq!(json["without_exceptions"]["score"], 162.5 / 3.0);
    assert_eq!(
        json["sections"][1]["sections"][0]["trace"]["excluded"],
        serde_json::json!([
            {"id": "b-x-1", "kind": "indicator", "reason": "not-enough-information"},
            {"id": "b-x-2", "kind": "indicator", "reason": "accepted-exception"}
        ])
    );
    assert_eq!(
        json["sections"][1]["sections"][0]["indicators"][1]["exception"],
        "expiring-soon"
    );
    assert_eq!(
        json["evidence_flags"],
        serde_json::json!([
            {"indicator": "a-1", "kind": "stale", "evidence": 0, "date": "2026-10-01", "age_days": 50, "max_age_days": 30},
            {"indicator": "a-2", "kind": "stale", "evidence": 0, "date": "2025-11-19", "age_days": 366, "max_age_days": 365},
            {"indicator": "b-1", "kind": "missing"}
        ])
    );
    // b-x-1 is critical and lacks information: one major non-conformity; b-x-2 is an accepted risk
    assert_eq!(
        json["compliance"],
        serde_json::json!({"verdict": "not-compliant", "major": 1, "minor": 0, "accepted_risks": 1})
    );
}

#[test]
fn dates_and_differences_read_as_the_page_prints_them() {
    use oversight::i18n::Catalogue;
    use oversight::report::format::Formatter;
    let bundled = Catalogue::bundled();
    let uk = bundled.labels("uk");
    let fmt = Formatter::new(&uk);
    let day = |text| Date::parse(text).expect("date");
    assert_eq!(fmt.date(day("2026-12-01")), "1 грудня 2026 року");
    assert_eq!(
        fmt.dates(day("2026-11-27"), day("2026-12-02")),
        "27 листопада 2026 року – 2 грудня 2026 року"
    );
    assert_eq!(
        fmt.dates(day("2026-11-27"), day("2026-11-27")),
        "27 листопада 2026 року"
    );
    // 65.75 prints as 65.8 (half to even) and 69.05 as 69.0 (69.05 is a little below in binary):
    // the difference of the printed figures is −3.2, not the unrounded −3.3
    assert_eq!(fmt.difference(Some(65.75), Some(69.05)), "−3,2");
    assert_eq!(fmt.difference(None, Some(69.0)), "—");
    assert_eq!(
        fmt.file("<bundled>/dssg-executive.yaml"),
        "<вбудований>/dssg-executive.yaml"
    );
    // a date format an override cannot write falls back to the plain one
    let source =
        oversight::source::Source::from_bytes("labels.yaml", b"date_format: {uk: \"%Q\"}\n").expect("utf-8");
    let overridden = bundled.overridden_by(&Catalogue::parse(&source).expect("parses"));
    let labels = overridden.labels("uk");
    assert_eq!(Formatter::new(&labels).date(day("2026-12-01")), "1 грудня 2026");
}
