//! The bundled method examples (`checklists/methods/`): every acceptance case of the
//! methodologies, computed by hand, scored through the real loaders.

use crate::support::{indicator, root, section};
use oversight::diagnostic::Diagnostics;
use oversight::model::grades::GradeResult;
use oversight::model::{Method, Number};
use oversight::score::{Calculation, Exclusion, Scorecard, Status, score};
use oversight::source::{Limits, Source};
use oversight::validate::{answers, checklist};

/// The text of `checklists/methods/NAME.yaml`.
fn method_checklist(name: &str) -> String {
    std::fs::read_to_string(root().join("checklists/methods").join(format!("{name}.yaml")))
        .unwrap_or_else(|e| panic!("{name}: {e}"))
}

/// Scores inline answers (the `answers:` body, indented two spaces) against a checklist text.
fn scored(checklist_text: &str, body: &str) -> Scorecard {
    try_scored(checklist_text, body).unwrap_or_else(|d| panic!("invalid input:\n{d}"))
}

fn try_scored(checklist_text: &str, body: &str) -> Result<Scorecard, Diagnostics> {
    let source = Source::from_bytes("checklist.yaml", checklist_text.as_bytes())?;
    let checklist = checklist::checklist(&source, &Limits::default())?.value;
    let text = format!(
        "checklist: {}\nchecklist_version: \"{}\"\norganisation: Org\nassessed_on: 2026-11-20\nanswers:\n{body}",
        checklist.id(),
        checklist.version()
    );
    let source = Source::from_bytes("answers.yaml", text.as_bytes())?;
    let assessment = answers::answers(&source, &checklist)?.value;
    Ok(score(&checklist, &assessment))
}

fn n(text: &str) -> Number {
    Number::parse(text).expect("a number")
}

fn grade(card: &Scorecard, section_id: &str) -> Option<String> {
    section(card, section_id).grade.as_ref().map(|g| g.code.clone())
}

#[test]
fn every_method_example_is_valid() {
    for name in [
        "gdi-style",
        "pefa-style",
        "obs-style",
        "sigma-style",
        "sai-pmf-style",
    ] {
        let text = method_checklist(name);
        let source = Source::from_bytes(name, text.as_bytes()).expect("utf-8");
        let validated =
            checklist::checklist(&source, &Limits::default()).unwrap_or_else(|d| panic!("{name}:\n{d}"));
        assert!(validated.warnings.is_empty(), "{name}: {}", validated.warnings);
    }
}

// --- GDI: a rubric, questions the mean of their indicators, the overall the mean of all
// questions (pool), half-up rounding to whole numbers before the bands A 83 / B 67 / C 50 /
// D 33 / E 17 / F 0.

/// Band indexes of the GDI example: F 0, E 1, D 2, C 3, B 4, A 5.
const GDI_C: usize = 3;

#[test]
fn gdi_a_question_is_the_mean_of_its_answered_indicators() {
    let body = "  q-scrutiny-law: {level: 100}\n  q-scrutiny-use: {level: 75}\n  q-scrutiny-info: {level: 50}
  q-scrutiny-amend: {status: not-enough-information}\n  q-scrutiny-public: {status: not-applicable, comment: no hearings}\n";
    let card = scored(&method_checklist("gdi-style"), body);
    // (100 + 75 + 50) / 3 = 75; not enough information and not applicable are left out
    let question = section(&card, "q-scrutiny");
    assert_eq!((question.score, question.rounded), (Some(75.0), Some(75.0)));
    let reasons: Vec<Exclusion> = question.trace.excluded.iter().map(|e| e.reason).collect();
    assert_eq!(
        reasons,
        [Exclusion::NotEnoughInformation, Exclusion::NotApplicable]
    );
}

#[test]
fn gdi_a_risk_area_is_rounded_half_up_before_its_band() {
    let body = "  q-budget-detail: {level: 75}\n  q-audit-scope: {level: 50}\n  q-assets-control: {level: 25}\n  q-income-disclosed: {level: 100}\n";
    let card = scored(&method_checklist("gdi-style"), body);
    // questions 75, 50, 25, 100: (75 + 50 + 25 + 100) / 4 = 62.5 → 63 → C (50 ≤ 63 < 67)
    let area = section(&card, "financial");
    assert_eq!((area.score, area.rounded), (Some(62.5), Some(63.0)));
    assert_eq!(area.band, Some(GDI_C));
}

#[test]
fn gdi_82_5_rounds_to_83_and_band_a() {
    let body = "  q-scrutiny-law: {level: 100}\n  q-scrutiny-use: {level: 100}\n  q-scrutiny-info: {level: 100}
  q-scrutiny-amend: {level: 100}\n  q-scrutiny-public: {level: 50}\n  q-committee-powers: {level: 75}\n  q-committee-expertise: {level: 75}\n";
    let card = scored(&method_checklist("gdi-style"), body);
    // q-scrutiny = 450 / 5 = 90, q-committee = 75; political = (90 + 75) / 2 = 82.5 → 83 → A
    let area = section(&card, "political");
    assert_eq!(
        (area.score, area.rounded, area.band),
        (Some(82.5), Some(83.0), Some(5))
    );
}

const GDI_X_FULL_Y_NONE: &str = "  q-scrutiny-law: {level: 100}\n  q-scrutiny-use: {level: 100}\n  q-scrutiny-info: {level: 100}
  q-scrutiny-amend: {level: 100}\n  q-scrutiny-public: {level: 100}\n  q-committee-powers: {level: 100}\n  q-committee-expertise: {level: 100}
  q-budget-detail: {level: 0}\n  q-audit-scope: {level: 0}\n  q-assets-control: {level: 0}\n  q-income-disclosed: {level: 0}\n";

#[test]
fn gdi_the_overall_score_pools_every_question() {
    let card = scored(&method_checklist("gdi-style"), GDI_X_FULL_Y_NONE);
    // with pool: the six questions 100, 100, 0, 0, 0, 0 → 200 / 6 = 33.33 → 33 → D
    assert!((card.overall.score.expect("scored") - 200.0 / 6.0).abs() < 1e-12);
    assert_eq!((card.overall.rounded, card.overall.band), (Some(33.0), Some(2)));
    let counted: Vec<(&str, Option<&str>)> = card
        .overall
        .trace
        .counted
        .iter()
        .map(|t| (t.id.as_str(), t.pooled_from.as_deref()))
        .collect();
    assert_eq!(
        counted,
        [
            ("q-scrutiny", Some("political")),
            ("q-committee", Some("political")),
            ("q-budget", Some("financial")),
            ("q-audit", Some("financial")),
            ("q-assets", Some("financial")),
            ("q-income", Some("financial")),
        ]
    );
    // the risk areas still show their own scores
    assert_eq!(section(&card, "political").score, Some(100.0));
    assert_eq!(section(&card, "financial").score, Some(0.0));
    // without pool: the areas 100 and 0 → 50 → C
    let unpooled = method_checklist("gdi-style").replace("pool: true", "pool: false");
    let card = scored(&unpooled, GDI_X_FULL_Y_NONE);
    assert_eq!(
        (card.overall.score, card.overall.rounded),
        (Some(50.0), Some(50.0))
    );
    assert_eq!(card.overall.band, Some(GDI_C));
}

// --- PEFA: dimensions D 1, C 2, B 3, A 4; M1 (weakest link) and M2 (the conversion table);
// a dimension without enough information counts as D and is flagged (D*); no overall score.

fn pefa(body: &str) -> Scorecard {
    scored(&method_checklist("pefa-style"), body)
}

/// The answers body for `pi-9` (M1, three dimensions) or `pi-10` (M2, four), each dimension a
/// code, `NA`, `NEI` or `-` (unanswered).
fn dimensions(indicator: &str, given: &[&str]) -> String {
    given
        .iter()
        .enumerate()
        .map(|(i, given)| {
            let answer = match *given {
                "-" => return String::new(),
                "NA" => "{status: not-applicable, comment: n/a}".to_owned(),
                "NEI" => "{status: not-enough-information}".to_owned(),
                code => format!("{{level: {code}}}"),
            };
            format!("  {indicator}-{}: {answer}\n", i + 1)
        })
        .collect()
}

#[test]
fn pefa_m1_the_weakest_link_with_a_plus_when_another_dimension_is_higher() {
    let cases: &[(&[&str], &str)] = &[
        // lowest C, A and B above it: C+
        (&["C", "A", "B"], "C+"),
        // lowest B, none above: B
        (&["B", "B", "B"], "B"),
        // D* counts as D, B is above it: D+
        (&["NEI", "B", "NA"], "D+"),
        // not applicable is left out: lowest C, B above: C+
        (&["NA", "C", "B"], "C+"),
    ];
    for (given, expected) in cases {
        let card = pefa(&dimensions("pi-9", given));
        assert_eq!(grade(&card, "pi-9").as_deref(), Some(*expected), "{given:?}");
    }
    let card = pefa(&dimensions("pi-9", &["C", "A", "B"]));
    let pi9 = section(&card, "pi-9");
    assert_eq!(
        pi9.trace.calculation,
        Some(Calculation::WeakestLink {
            lowest: n("2"),
            others_higher: true
        })
    );
    assert_eq!(
        pi9.grade,
        Some(GradeResult {
            code: "C+".into(),
            value: n("2.5")
        })
    );
    // C+ is 2.5 on the grade list 1 to 4: 100 × 1.5 / 3 = 50
    assert_eq!(pi9.score, Some(50.0));
}

#[test]
fn pefa_d_star_counts_as_d_and_is_flagged_without_changing_the_answer() {
    let card = pefa(&dimensions("pi-9", &["NEI", "B", "NA"]));
    let flagged = indicator(&card, "pi-9-1");
    assert_eq!(flagged.status, Status::NotEnoughInformation);
    assert_eq!(
        (flagged.level, flagged.score, flagged.scored_as_lowest),
        (None, Some(0.0), true)
    );
    let term = &section(&card, "pi-9").trace.counted[0];
    assert_eq!(
        (term.value, term.code.as_deref(), term.scored_as_lowest),
        (Some(n("1")), Some("D"), true)
    );
}

#[test]
fn pefa_m2_the_conversion_table_by_count_and_sum() {
    let cases: &[(&[&str], Option<&str>)] = &[
        // n 2, sum 1 + 4 = 5 → 2.5
        (&["D", "A", "-", "-"], Some("C+")),
        // n 3, sum 1 + 3 + 4 = 8 → 3
        (&["D", "B", "A", "-"], Some("B")),
        // n 3, sum 3 + 4 + 4 = 11 → 4
        (&["B", "A", "A", "-"], Some("A")),
        // n 4, sum 1 + 1 + 1 + 2 = 5 → 1
        (&["D", "D", "D", "C"], Some("D")),
        // n 4, sum 1 + 2 + 2 + 4 = 9 → 2.5
        (&["D", "C", "C", "A"], Some("C+")),
        // not applicable is left out: n 2, sum 3 + 4 = 7 → 3.5
        (&["B", "NA", "A", "-"], Some("B+")),
        // one scored dimension: its own value, C
        (&["NA", "NA", "C", "-"], Some("C")),
        // nothing scored: no score
        (&["NA", "NA", "-", "-"], None),
    ];
    for (given, expected) in cases {
        let card = pefa(&dimensions("pi-10", given));
        assert_eq!(grade(&card, "pi-10").as_deref(), *expected, "{given:?}");
    }
    let card = pefa(&dimensions("pi-10", &["D", "B", "A", "-"]));
    assert_eq!(
        section(&card, "pi-10").trace.calculation,
        Some(Calculation::Table {
            table: "pefa-m2".into(),
            count: 3,
            sum: n("8"),
            rounded_sum: None
        })
    );
    let card = pefa(&dimensions("pi-10", &["NA", "NA", "-", "-"]));
    assert_eq!(section(&card, "pi-10").score, None);
}

#[test]
fn pefa_has_no_overall_score_and_levels_by_value_equal_levels_by_code() {
    let by_code = pefa(&dimensions("pi-9", &["C", "A", "B"]));
    assert_eq!(by_code.overall.trace.method, Method::None);
    assert_eq!((by_code.overall.score, by_code.overall.band), (None, None));
    assert_eq!(section(&by_code, "pillar-budget").score, None);
    let by_value = pefa("  pi-9-1: {level: 2}\n  pi-9-2: {level: 4}\n  pi-9-3: {level: 3}\n");
    assert_eq!(by_code, by_value);
}

// --- OBS: a = 100, b = 67, c = 33, d = 0, e = not applicable (no justification needed).

#[test]
fn obs_the_mean_of_the_questions_answered() {
    let body = "  obs-1: {level: a}\n  obs-2: {level: b}\n  obs-3: {level: c}\n  obs-4: {level: d}\n  obs-5: {status: not-applicable}\n";
    let card = scored(&method_checklist("obs-style"), body);
    // (100 + 67 + 33 + 0) / 4 = 50
    assert_eq!(section(&card, "executive-proposal").score, Some(50.0));
    assert_eq!(card.overall.score, Some(50.0));
}

// --- SIGMA: points summed, rounded down, converted by the ranges 0-2, 3-5, 6-8, 9-11, 12-14,
// 15-18 to a value from 0 to 5; a rate turned into points.

#[test]
fn sigma_points_are_summed_rounded_and_converted_by_the_ranges() {
    let body = "  policy-framework: {level: 4}\n  policy-costing: {level: 0}\n  policy-units: {level: 7.5}\n";
    let checklist = method_checklist("sigma-style");
    let card = scored(&checklist, body);
    // 4 + 0 + 7.5 = 11.5 → floor 11 → range 9-11 (the fourth) → 3; on 0-5: 100 × 3 / 5 = 60
    let policy = section(&card, "sigma-policy");
    assert_eq!(
        policy.trace.calculation,
        Some(Calculation::Sum {
            sum: n("11.5"),
            rounded_sum: Some(n("11")),
            range: Some(3)
        })
    );
    assert_eq!((policy.value, policy.score), (Some(n("3")), Some(60.0)));
    // half-up: 11.5 → 12 → range 12-14 → 4, 80
    let half_up = checklist.replace("mode: floor", "mode: half-up");
    let policy = section(&scored(&half_up, body), "sigma-policy").clone();
    assert_eq!((policy.value, policy.score), (Some(n("4")), Some(80.0)));
}

#[test]
fn sigma_a_rate_gives_points_linearly_and_flat_outside() {
    let checklist = method_checklist("sigma-style");
    let points = |answer: &str| {
        let card = scored(&checklist, &format!("  service-appeals: {{level: 0}}\n{answer}"));
        let rate = indicator(&card, "rate");
        (rate.points, rate.score)
    };
    // points from 0 at 25 % to 15 at 90 %: 57.5 % → 15 × (57.5 − 25) / 65 = 7.5
    assert_eq!(points("  rate: {value: 20}\n"), (Some(n("0")), Some(0.0)));
    assert_eq!(points("  rate: {value: 57.5}\n"), (Some(n("7.5")), Some(50.0)));
    assert_eq!(points("  rate: {value: 90}\n"), (Some(n("15")), Some(100.0)));
    assert_eq!(points("  rate: {value: 95}\n"), (Some(n("15")), Some(100.0)));
    // unanswered, under the indicator's own `missing: zero`: 0 points, and it counts
    assert_eq!(points(""), (Some(n("0")), Some(0.0)));
    let card = scored(
        &checklist,
        "  rate: {value: 57.5}\n  service-appeals: {level: 3}\n",
    );
    // 7.5 + 3 = 10.5 → floor 10 → range 9-11 → 3
    assert_eq!(section(&card, "sigma-service").value, Some(n("3")));
}

// --- SAI PMF: the level from the criteria met, by the highest rule that holds.

#[test]
fn sai_pmf_the_level_follows_from_the_criteria_met() {
    let checklist = method_checklist("sai-pmf-style");
    let level = |met: &str| {
        let card = scored(&checklist, &format!("  sai-1-i: {{criteria_met: {met}}}\n"));
        let result = indicator(&card, "sai-1-i");
        (result.level, result.criteria_rule)
    };
    // a, b, c: not all four (no 4); three met including a: 3 (the second rule)
    assert_eq!(level("[a, b, c]"), (Some(n("3")), Some(1)));
    // b, c, d: three met but not a (no 3); at least two: 2
    assert_eq!(level("[b, c, d]"), (Some(n("2")), Some(2)));
    assert_eq!(level("[a, b, c, d]"), (Some(n("4")), Some(0)));
    // none met: the rule that always holds, 0
    assert_eq!(level("[]"), (Some(n("0")), Some(3)));
    // a level given beside the criteria must agree with them
    let agreed = scored(&checklist, "  sai-1-i: {level: 3, criteria_met: [a, b, c]}\n");
    assert_eq!(indicator(&agreed, "sai-1-i").level, Some(n("3")));
}

// --- JSON: grades by code and value, rounded aggregates beside the unrounded ones.

/// The JSON result of inline answers against a method example.
fn json_of(name: &str, body: &str) -> serde_json::Value {
    let checklist_text = method_checklist(name);
    let source = Source::from_bytes("checklist.yaml", checklist_text.as_bytes()).expect("utf-8");
    let checklist = checklist::checklist(&source, &Limits::default())
        .expect("valid")
        .value;
    let text = format!(
        "checklist: {name}\nchecklist_version: \"1.0\"\norganisation: Org\nassessed_on: 2026-11-20\nanswers:\n{body}"
    );
    let source = Source::from_bytes("answers.yaml", text.as_bytes()).expect("utf-8");
    let assessment = answers::answers(&source, &checklist).expect("valid").value;
    let card = score(&checklist, &assessment);
    let result = oversight::render::json::result(&checklist, &assessment, &card, "en");
    serde_json::from_str(&oversight::render::json::to_string(&result)).expect("JSON")
}

#[test]
fn json_a_graded_section_has_its_grade_by_code_and_value() {
    let json = json_of("pefa-style", &dimensions("pi-9", &["NEI", "A", "B"]));
    let pi9 = &json["sections"][0]["sections"][0];
    assert_eq!(pi9["id"], "pi-9");
    assert_eq!(pi9["grade"], serde_json::json!({"code": "D+", "value": 1.5}));
    assert_eq!(pi9["trace"]["method"], "weakest-link");
    assert_eq!(
        pi9["trace"]["calculation"],
        serde_json::json!({"kind": "weakest-link", "lowest": 1, "others_higher": true})
    );
    let flagged = &pi9["trace"]["counted"][0];
    assert_eq!(
        (&flagged["value"], &flagged["code"], &flagged["scored_as_lowest"]),
        (
            &serde_json::json!(1),
            &serde_json::json!("D"),
            &serde_json::json!(true)
        )
    );
    assert_eq!(pi9["indicators"][0]["scored_as_lowest"], true);
    assert_eq!(pi9["indicators"][0]["status"], "not-enough-information");
    // no overall score, and the table method by name
    assert_eq!(json["overall"]["score"], serde_json::Value::Null);
    assert_eq!(json["overall"]["trace"]["method"], "none");
    let pi10 = &json["sections"][0]["sections"][1];
    assert_eq!(pi10["trace"]["method"], serde_json::json!({"table": "pefa-m2"}));
}

#[test]
fn json_a_rounded_aggregate_has_its_score_and_the_rounded_one() {
    let body = "  q-budget-detail: {level: 75}\n  q-audit-scope: {level: 50}\n  q-assets-control: {level: 25}\n  q-income-disclosed: {level: 100}\n";
    let json = json_of("gdi-style", body);
    let area = &json["sections"][1];
    assert_eq!(
        (&area["score"], &area["rounded"]),
        (&serde_json::json!(62.5), &serde_json::json!(63.0))
    );
    assert_eq!(area["band"]["code"], "C");
    assert_eq!(
        (&json["overall"]["score"], &json["overall"]["rounded"]),
        (&serde_json::json!(62.5), &serde_json::json!(63.0))
    );
}

#[test]
fn json_numbers_and_criteria_as_answered() {
    let json = json_of(
        "sigma-style",
        "  policy-units: {level: 7.5}\n  rate: {value: 57.5}\n",
    );
    let policy = &json["sections"][0];
    assert_eq!(policy["indicators"][2]["level"], 7.5);
    assert_eq!(
        policy["trace"]["calculation"],
        serde_json::json!({"kind": "sum", "sum": 7.5, "rounded_sum": 7, "range": 2})
    );
    assert_eq!(policy["value"], 2);
    let rate = &json["sections"][1]["indicators"][0];
    assert_eq!(
        (&rate["value"], &rate["points"], &rate["score"]),
        (
            &serde_json::json!(57.5),
            &serde_json::json!(7.5),
            &serde_json::json!(50.0)
        )
    );
    let json = json_of("sai-pmf-style", "  sai-1-i: {criteria_met: [a, b, c]}\n");
    let dimension = &json["sections"][0]["indicators"][0];
    assert_eq!(dimension["criteria_met"], serde_json::json!(["a", "b", "c"]));
    assert_eq!(
        (&dimension["level"], &dimension["criteria_rule"]),
        (&serde_json::json!(3), &serde_json::json!(1))
    );
}
