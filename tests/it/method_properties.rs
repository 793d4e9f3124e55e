//! Properties of the value methods and of rounding over generated checklists, loaded through the
//! real loaders: a conversion table (M2) gives the same result whatever the order of the
//! children; the weakest link never exceeds the lowest child by more than one grade; rounding
//! never moves a score across more than one band.

use crate::support::load;
use oversight::model::Number;
use oversight::model::rounding::{Rounding, RoundingMode};
use oversight::score::{SectionResult, score};
use proptest::prelude::*;
use std::fmt::Write as _;

const HEADER: &str = "id: p\nversion: \"1\"\nlanguages: [en]\ntitle: P\nscales:\n  s:\n    levels: [{value: 1, code: D, label: D}, {value: 2, code: C, label: C}, {value: 3, code: B, label: B}, {value: 4, code: A, label: A}]\n";

const GRADES: &str = "    g: [{value: 1, code: D}, {value: 1.5, code: D+}, {value: 2, code: C}, {value: 2.5, code: C+}, {value: 3, code: B}, {value: 3.5, code: B+}, {value: 4, code: A}]\n";

/// A table with a row for every count from 2 to `children`, each sum from `count` to
/// `4 × count` giving a grade value (`results`, taken in turn, index into the 7 grades).
fn table_checklist(children: usize, results: &[usize], method: &str) -> String {
    let grades = ["1", "1.5", "2", "2.5", "3", "3.5", "4"];
    let mut text = format!("{HEADER}scoring:\n  method: none\n  grades:\n{GRADES}  tables:\n    t:\n");
    let mut next = results.iter().cycle();
    for count in 2..=children {
        let entries: Vec<String> = (count..=4 * count)
            .map(|sum| {
                format!(
                    "{sum}: {}",
                    grades[next.next().copied().unwrap_or(0) % grades.len()]
                )
            })
            .collect();
        let _ = writeln!(text, "      {count}: {{{}}}", entries.join(", "));
    }
    let _ = write!(
        text,
        "sections:\n  - id: x\n    title: X\n    method: {method}\n    grade: g\n    indicators:\n"
    );
    for i in 0..children {
        let _ = writeln!(text, "      - {{id: x-{i}, text: X{i}, scale: s}}");
    }
    text
}

/// Answers giving the indicators `x-0`, `x-1`, … the levels (1 to 4, or 0 for unanswered).
fn answers(levels: &[u8]) -> String {
    let mut text =
        "checklist: p\nchecklist_version: \"1\"\norganisation: O\nassessed_on: 2026-11-20\nanswers:\n"
            .to_owned();
    for (i, level) in levels.iter().enumerate().filter(|(_, l)| **l > 0) {
        let _ = writeln!(text, "  x-{i}: {{level: {level}}}");
    }
    text
}

fn section_x(checklist: &str, levels: &[u8]) -> SectionResult {
    let loaded = load(checklist, &answers(levels)).unwrap_or_else(|d| panic!("invalid:\n{d}\n{checklist}"));
    score(&loaded.checklist, &loaded.assessment).sections[0].clone()
}

/// Levels 0 (unanswered) to 4 for 2 to 5 children, and a permutation of them.
fn levels_and_order() -> impl Strategy<Value = (Vec<u8>, Vec<u8>)> {
    prop::collection::vec(0u8..=4, 2..=5)
        .prop_flat_map(|levels| (Just(levels.clone()), Just(levels).prop_shuffle()))
}

/// Bands with minima at least `step` apart, starting at 0.
fn bands(step: f64) -> impl Strategy<Value = Vec<f64>> {
    prop::collection::btree_set(1u32..10_000, 0..6).prop_map(move |raw| {
        let mut mins = vec![0.0];
        for r in raw {
            let min = (f64::from(r) / 100.0 / step).round() * step;
            if min <= 100.0 && min - mins.last().copied().unwrap_or(0.0) >= step - 1e-9 {
                mins.push(min);
            }
        }
        mins
    })
}

/// A rounding, and bands that validation accepts with it.
fn rounding_and_bands() -> impl Strategy<Value = (Rounding, Vec<f64>)> {
    (
        0u32..=2,
        prop::sample::select(vec![
            RoundingMode::HalfUp,
            RoundingMode::HalfEven,
            RoundingMode::Floor,
            RoundingMode::Ceiling,
        ]),
    )
        .prop_flat_map(|(digits, mode)| {
            let rounding = Rounding { digits, mode };
            (Just(rounding), bands(rounding.step().to_f64()))
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn a_conversion_table_ignores_the_order_of_the_children(
        (levels, shuffled) in levels_and_order(),
        results in prop::collection::vec(0usize..7, 1..40),
    ) {
        let checklist = table_checklist(levels.len(), &results, "{table: t}");
        let first = section_x(&checklist, &levels);
        let second = section_x(&checklist, &shuffled);
        prop_assert_eq!(first.grade, second.grade);
        prop_assert_eq!(first.score, second.score);
        prop_assert_eq!(first.trace.calculation, second.trace.calculation);
    }

    #[test]
    fn the_weakest_link_is_the_lowest_child_or_one_grade_above_it((levels, shuffled) in levels_and_order()) {
        let checklist = table_checklist(levels.len(), &[0], "weakest-link");
        let result = section_x(&checklist, &levels);
        let answered: Vec<u8> = levels.iter().copied().filter(|l| *l > 0).collect();
        let grade = result.grade.as_ref().map(|g| g.value);
        match answered.iter().min() {
            None => prop_assert_eq!(grade, None),
            Some(lowest) => {
                let lowest = Number::from(i64::from(*lowest));
                let higher = answered.iter().any(|l| Number::from(i64::from(*l)) > lowest);
                let half = Number::parse("0.5").expect("a number");
                let expected = if higher { lowest.plus(half) } else { lowest };
                prop_assert_eq!(grade, Some(expected));
            }
        }
        prop_assert_eq!(section_x(&checklist, &shuffled).grade, result.grade);
    }

    #[test]
    fn rounding_never_moves_a_score_across_more_than_one_band(
        (rounding, mins) in rounding_and_bands(),
        score in 0.0f64..=100.0,
    ) {
        let bands_yaml: Vec<String> = mins
            .iter()
            .enumerate()
            .map(|(i, min)| format!("{{min: {min}, code: b{i}, label: B{i}}}"))
            .collect();
        let mode = match rounding.mode {
            RoundingMode::HalfUp => "half-up",
            RoundingMode::HalfEven => "half-even",
            RoundingMode::Floor => "floor",
            RoundingMode::Ceiling => "ceiling",
        };
        let checklist = format!(
            "{HEADER}scoring:\n  rounding: {{digits: {}, mode: {mode}}}\n  bands: [{}]\nsections:\n  - {{id: x, title: X, indicators: [{{id: x-0, text: X, scale: s}}]}}\n",
            rounding.digits,
            bands_yaml.join(", ")
        );
        let loaded = load(&checklist, &answers(&[1])).unwrap_or_else(|d| panic!("invalid:\n{d}\n{checklist}"));
        let band = |s: f64| oversight::score::band_for(&loaded.checklist, Some(s)).unwrap_or(0);
        let (before, after) = (band(score), band(rounding.apply_score(score)));
        prop_assert!(before.abs_diff(after) <= 1, "{score} → {} moved from band {before} to {after} ({mins:?})", rounding.apply_score(score));
    }
}
