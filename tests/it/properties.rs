//! Properties of scoring over generated checklists and answers, loaded through the real loaders.
//!
//! The generator covers the three methods (overall and per section), both `missing` modes,
//! nested sections, fractional, tiny and the largest weights, scales anywhere in the `i64` range,
//! bands with a critical cap, and every answer status.

use crate::support::load;
use oversight::load::Loaded;
use oversight::render::json;
use oversight::score::{Scorecard, SectionResult, score};
use proptest::prelude::*;
use std::fmt::Write as _;

const METHODS: [&str; 3] = ["weighted-mean", "mean", "min"];

#[derive(Debug, Clone)]
struct IndicatorShape {
    scale: usize,
    weight: f64,
    critical: bool,
    pass: Option<u32>,
}

#[derive(Debug, Clone)]
struct SectionShape {
    method: Option<usize>,
    weight: f64,
    indicators: Vec<IndicatorShape>,
    sections: Vec<SectionShape>,
}

#[derive(Debug, Clone)]
struct ChecklistShape {
    method: usize,
    missing_zero: bool,
    scales: Vec<Vec<i64>>,
    bands: Vec<u32>,
    cap: Option<usize>,
    sections: Vec<SectionShape>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum AnswerShape {
    Unanswered,
    /// An index into the indicator's scale levels (taken modulo their number).
    Level(usize),
    NotApplicable,
    NotEnoughInformation,
}

fn weight() -> impl Strategy<Value = f64> {
    prop_oneof![
        4 => Just(1.0),
        2 => prop::sample::select(vec![0.1, 0.2, 0.5, 0.7, 2.0, 3.0, 3.3]),
        2 => 0.01f64..10.0,
        1 => prop::sample::select(vec![1e-300, 1e-6, 999_999.9, 1e6]),
    ]
}

fn indicator() -> impl Strategy<Value = IndicatorShape> {
    (0usize..2, weight(), any::<bool>(), prop::option::of(0u32..=100)).prop_map(
        |(scale, weight, critical, pass)| IndicatorShape {
            scale,
            weight,
            critical,
            pass,
        },
    )
}

fn section() -> impl Strategy<Value = SectionShape> {
    let leaf = (
        prop::option::of(0usize..3),
        weight(),
        prop::collection::vec(indicator(), 1..4),
    )
        .prop_map(|(method, weight, indicators)| SectionShape {
            method,
            weight,
            indicators,
            sections: Vec::new(),
        });
    leaf.prop_recursive(3, 16, 3, |inner| {
        (
            prop::option::of(0usize..3),
            weight(),
            prop::collection::vec(indicator(), 0..3),
            prop::collection::vec(inner, 1..3),
        )
            .prop_map(|(method, weight, indicators, sections)| SectionShape {
                method,
                weight,
                indicators,
                sections,
            })
    })
}

fn scale() -> impl Strategy<Value = Vec<i64>> {
    let value = prop_oneof![4 => -10i64..10, 1 => any::<i64>()];
    prop::collection::btree_set(value, 2..6).prop_map(|values| values.into_iter().collect())
}

fn checklist() -> impl Strategy<Value = ChecklistShape> {
    (
        0usize..3,
        any::<bool>(),
        prop::collection::vec(scale(), 2),
        prop::collection::btree_set(1u32..100, 0..4),
        any::<prop::sample::Index>(),
        any::<bool>(),
        prop::collection::vec(section(), 1..4),
    )
        .prop_map(|(method, missing_zero, scales, bands, cap, has_cap, sections)| {
            let mut bands: Vec<u32> = bands.into_iter().collect();
            if !bands.is_empty() {
                bands.insert(0, 0);
            }
            let cap = (has_cap && !bands.is_empty()).then(|| cap.index(bands.len()));
            ChecklistShape {
                method,
                missing_zero,
                scales,
                bands,
                cap,
                sections,
            }
        })
}

fn answer() -> impl Strategy<Value = AnswerShape> {
    prop_oneof![
        2 => Just(AnswerShape::Unanswered),
        6 => (0usize..8).prop_map(AnswerShape::Level),
        1 => Just(AnswerShape::NotApplicable),
        1 => Just(AnswerShape::NotEnoughInformation),
    ]
}

/// A checklist with one answer for each of its indicators.
fn assessment() -> impl Strategy<Value = (ChecklistShape, Vec<AnswerShape>)> {
    checklist().prop_flat_map(|shape| {
        let count = count_indicators(&shape.sections);
        (Just(shape), prop::collection::vec(answer(), count))
    })
}

fn count_indicators(sections: &[SectionShape]) -> usize {
    sections
        .iter()
        .map(|s| s.indicators.len() + count_indicators(&s.sections))
        .sum()
}

/// The scale (index) of every indicator, in checklist order: ids are `i-1`, `i-2`, ...
fn indicator_scales(sections: &[SectionShape], out: &mut Vec<usize>) {
    for section in sections {
        out.extend(section.indicators.iter().map(|i| i.scale));
        indicator_scales(&section.sections, out);
    }
}

fn checklist_yaml(shape: &ChecklistShape) -> String {
    let mut text = String::from("id: prop\nversion: \"1\"\nlanguages: [en]\ntitle: Properties\nscales:\n");
    for (i, values) in shape.scales.iter().enumerate() {
        let _ = writeln!(text, "  s{i}:\n    levels:");
        for value in values {
            let _ = writeln!(text, "      - {{value: {value}, label: L{value}}}");
        }
    }
    let _ = write!(
        text,
        "scoring:\n  method: {}\n  missing: {}\n",
        METHODS[shape.method],
        if shape.missing_zero { "zero" } else { "exclude" }
    );
    if !shape.bands.is_empty() {
        text.push_str("  bands:\n");
        for (i, min) in shape.bands.iter().enumerate() {
            let _ = writeln!(text, "    - {{min: {min}, code: B{i}, label: Band {i}}}");
        }
    }
    if let Some(cap) = shape.cap {
        let _ = writeln!(text, "  critical_cap: B{cap}");
    }
    text.push_str("sections:\n");
    let (mut sections, mut indicators) = (0, 0);
    sections_yaml(&shape.sections, 1, &mut text, &mut sections, &mut indicators);
    text
}

fn sections_yaml(
    sections: &[SectionShape],
    depth: usize,
    text: &mut String,
    section_count: &mut usize,
    indicator_count: &mut usize,
) {
    let pad = "    ".repeat(depth - 1);
    for section in sections {
        *section_count += 1;
        let _ = write!(
            text,
            "{pad}  - id: s-{section_count}\n{pad}    title: Section {section_count}\n{pad}    weight: {:?}\n",
            section.weight
        );
        if let Some(method) = section.method {
            let _ = writeln!(text, "{pad}    method: {}", METHODS[method]);
        }
        if !section.indicators.is_empty() {
            let _ = writeln!(text, "{pad}    indicators:");
        }
        for indicator in &section.indicators {
            *indicator_count += 1;
            let pass = indicator.pass.map(|p| format!(", pass: {p}")).unwrap_or_default();
            let _ = writeln!(
                text,
                "{pad}      - {{id: i-{indicator_count}, text: Indicator, scale: s{}, weight: {:?}, critical: {}{pass}}}",
                indicator.scale, indicator.weight, indicator.critical
            );
        }
        if !section.sections.is_empty() {
            let _ = writeln!(text, "{pad}    sections:");
            sections_yaml(&section.sections, depth + 1, text, section_count, indicator_count);
        }
    }
}

/// The answers file, with the entries in the given order (indices into `answers`).
fn answers_yaml(shape: &ChecklistShape, answers: &[AnswerShape], order: &[usize]) -> String {
    let mut scales = Vec::new();
    indicator_scales(&shape.sections, &mut scales);
    let mut text = String::from(
        "checklist: prop\nchecklist_version: \"1\"\norganisation: Org\nassessed_on: 2026-11-20\nanswers:\n",
    );
    for &i in order {
        let id = format!("i-{}", i + 1);
        match answers[i] {
            AnswerShape::Unanswered => {}
            AnswerShape::Level(index) => {
                let levels = &shape.scales[scales[i]];
                let _ = writeln!(text, "  {id}: {{level: {}}}", levels[index % levels.len()]);
            }
            AnswerShape::NotApplicable => {
                let _ = writeln!(text, "  {id}: {{status: not-applicable, comment: no such unit}}");
            }
            AnswerShape::NotEnoughInformation => {
                let _ = writeln!(text, "  {id}: {{status: not-enough-information}}");
            }
        }
    }
    text
}

fn loaded(shape: &ChecklistShape, answers: &[AnswerShape]) -> Loaded {
    let order: Vec<usize> = (0..answers.len()).collect();
    let checklist = checklist_yaml(shape);
    let answers = answers_yaml(shape, answers, &order);
    load(&checklist, &answers)
        .unwrap_or_else(|d| panic!("generated input is invalid:\n{d}\n{checklist}\n{answers}"))
}

/// Every section result, depth first.
fn all_sections(sections: &[SectionResult]) -> Vec<&SectionResult> {
    sections
        .iter()
        .flat_map(|s| std::iter::once(s).chain(all_sections(&s.sections)))
        .collect()
}

fn scores(card: &Scorecard) -> Vec<(String, Option<f64>)> {
    let mut out = vec![("overall".to_owned(), card.overall.score)];
    out.extend(
        all_sections(&card.sections)
            .into_iter()
            .map(|s| (s.id.clone(), s.score)),
    );
    out
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    #[test]
    fn every_score_lies_between_0_and_100((shape, answers) in assessment()) {
        let loaded = loaded(&shape, &answers);
        let card = score(&loaded.checklist, &loaded.assessment);
        let in_range = |s: Option<f64>| s.is_none_or(|s| (0.0..=100.0).contains(&s));
        for (id, value) in scores(&card) {
            prop_assert!(in_range(value), "{} scores {:?}", id, value);
        }
        for section in all_sections(&card.sections) {
            for indicator in &section.indicators {
                prop_assert!(in_range(indicator.score), "{} scores {:?}", indicator.id, indicator.score);
            }
        }
        prop_assert!(in_range(card.completeness), "completeness {:?}", card.completeness);
    }

    #[test]
    fn raising_one_level_never_lowers_an_aggregate(
        (shape, answers) in assessment(),
        pick in any::<prop::sample::Index>(),
    ) {
        let scored: Vec<usize> = (0..answers.len())
            .filter(|&i| matches!(answers[i], AnswerShape::Level(_)))
            .collect();
        prop_assume!(!scored.is_empty());
        let i = scored[pick.index(scored.len())];
        let mut scales = Vec::new();
        indicator_scales(&shape.sections, &mut scales);
        let count = shape.scales[scales[i]].len();
        let AnswerShape::Level(index) = answers[i] else { unreachable!() };
        prop_assume!(index % count + 1 < count);
        let mut raised = answers.clone();
        raised[i] = AnswerShape::Level(index % count + 1);
        let before = loaded(&shape, &answers);
        let after = loaded(&shape, &raised);
        let before = scores(&score(&before.checklist, &before.assessment));
        let after = scores(&score(&after.checklist, &after.assessment));
        for ((id, old), (_, new)) in before.iter().zip(&after) {
            match (old, new) {
                (Some(old), Some(new)) => prop_assert!(new >= old, "{} fell from {} to {}", id, old, new),
                (old, new) => prop_assert_eq!(old.is_some(), new.is_some(), "{} changed presence", id),
            }
        }
    }

    #[test]
    fn the_order_of_the_answers_does_not_matter(
        (shape, answers, order) in assessment().prop_flat_map(|(shape, answers)| {
            let order: Vec<usize> = (0..answers.len()).collect();
            (Just(shape), Just(answers), Just(order).prop_shuffle())
        }),
    ) {
        let checklist = checklist_yaml(&shape);
        let in_order: Vec<usize> = (0..answers.len()).collect();
        let first = load(&checklist, &answers_yaml(&shape, &answers, &in_order)).expect("valid");
        let shuffled = load(&checklist, &answers_yaml(&shape, &answers, &order)).expect("valid");
        prop_assert_eq!(
            score(&first.checklist, &first.assessment),
            score(&shuffled.checklist, &shuffled.assessment)
        );
    }

    #[test]
    fn all_not_applicable_gives_no_score_and_no_band((shape, answers) in assessment()) {
        let all = vec![AnswerShape::NotApplicable; answers.len()];
        let loaded = loaded(&shape, &all);
        let card = score(&loaded.checklist, &loaded.assessment);
        prop_assert_eq!(card.overall.score, None);
        prop_assert_eq!(card.overall.band, None);
        prop_assert_eq!(card.overall.uncapped_band, None);
        prop_assert_eq!(card.completeness, None);
        prop_assert!(card.critical_failures.is_empty());
        for section in all_sections(&card.sections) {
            prop_assert_eq!(section.score, None, "{}", section.id);
            prop_assert_eq!(section.band, None, "{}", section.id);
        }
    }

    #[test]
    fn the_json_result_round_trips((shape, answers) in assessment()) {
        let loaded = loaded(&shape, &answers);
        let card = score(&loaded.checklist, &loaded.assessment);
        let text = json::to_string(&json::result(&loaded.checklist, &loaded.assessment, &card, "en"));
        let value: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        prop_assert_eq!(json::to_string(&value), text);
        prop_assert_eq!(value["overall"]["score"].as_f64(), card.overall.score);
        prop_assert_eq!(value["completeness"].as_f64(), card.completeness);
        let mut json_sections = Vec::new();
        flatten_json(&value["sections"], &mut json_sections);
        let sections = all_sections(&card.sections);
        prop_assert_eq!(json_sections.len(), sections.len());
        for (json, section) in json_sections.iter().zip(sections) {
            prop_assert_eq!(json["id"].as_str(), Some(section.id.as_str()));
            prop_assert_eq!(json["score"].as_f64(), section.score);
            prop_assert_eq!(json["trace"]["score"].as_f64(), section.trace.score);
            for (json, indicator) in json["indicators"].as_array().expect("indicators").iter().zip(&section.indicators) {
                prop_assert_eq!(json["score"].as_f64(), indicator.score);
                prop_assert_eq!(json["weight"].as_f64(), Some(indicator.weight));
            }
        }
    }
}

fn flatten_json<'a>(sections: &'a serde_json::Value, out: &mut Vec<&'a serde_json::Value>) {
    for section in sections.as_array().into_iter().flatten() {
        out.push(section);
        flatten_json(&section["sections"], out);
    }
}
