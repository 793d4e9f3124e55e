//! `report --format xlsx`, read with calamine: the sheets, numbers as numbers, and a
//! calculation an auditor can redo: every weighted mean recomputed from its terms' scores and
//! weights equals the engine's result beside it, and the formula written there says so.

use crate::support::{root, run_in, stderr};
use calamine::{Data, Reader, Xlsx, open_workbook};

fn number(cell: Option<&Data>) -> Option<f64> {
    match cell? {
        Data::Float(n) => Some(*n),
        Data::Int(n) => Some(*n as f64),
        _ => None,
    }
}

#[test]
fn the_report_workbook_can_be_recomputed() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("report.xlsx");
    let output = run_in(
        root(),
        &[
            "report",
            "examples/edition-1.0/answers/police-en-partial.yaml",
            "--date",
            "2026-12-01",
            "-o",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut book: Xlsx<_> = open_workbook(&out).expect("an xlsx workbook");
    assert_eq!(
        book.sheet_names(),
        [
            "Sections",
            "Indicators",
            "Calculation",
            "Non-conformities",
            "Actions",
            "Gaps",
            "Risk matrix 1",
            "Risk matrix 2",
            "oversight"
        ]
    );
    // The plan's own sheets, as `oversight plan --format xlsx` writes them: the five answers'
    // actions of the example.
    let actions = book.worksheet_range("Actions").expect("actions");
    let titles: Vec<String> = actions.rows().skip(1).map(|row| row[1].to_string()).collect();
    assert_eq!(titles.len(), 5, "{titles:?}");
    assert!(
        titles.contains(
            &"Revise or repeal the 14 outdated regional orders and set up a register with review dates"
                .to_owned()
        ),
        "{titles:?}"
    );
    let sections = book.worksheet_range("Sections").expect("sections");
    let first = sections.rows().nth(1).expect("a section");
    assert_eq!(
        first[1],
        Data::String("Consistency with the values and laws of society".into())
    );
    assert!(matches!(first[4], Data::Float(_)), "{:?}", first[4]);
    let calculation = book.worksheet_range("Calculation").expect("calculation");
    let formulas = book.worksheet_formula("Calculation").expect("formulas");
    let rows: Vec<&[Data]> = calculation.rows().collect();
    let mut checked = 0;
    let mut terms: Vec<(f64, f64)> = Vec::new();
    for (r, row) in rows.iter().enumerate().skip(1) {
        match (number(row.get(2)), number(row.get(3)), number(row.get(6))) {
            (Some(score), Some(weight), _) => terms.push((score, weight)),
            (None, None, Some(result)) => {
                let formula = formulas.get_value((r as u32, 5)).cloned().unwrap_or_default();
                if formula.starts_with("SUMPRODUCT(") {
                    let sum: f64 = terms.iter().map(|(s, w)| s * w).sum();
                    let weights: f64 = terms.iter().map(|(_, w)| w).sum();
                    assert!(
                        (sum / weights - result).abs() < 1e-9,
                        "row {}: {sum}/{weights} is not {result}",
                        r + 1
                    );
                    checked += 1;
                }
                terms.clear();
            }
            _ => terms.clear(),
        }
    }
    assert!(checked >= 10, "only {checked} weighted means were checked");
}

/// `compare --format xlsx`: both rounds' scores as numbers, and the change a formula on the
/// scores as printed, 65.0 → 75.0 giving 10.0 and 50.0 → 57.142… giving 7.1.
#[test]
fn the_comparison_workbook_subtracts_as_the_page_does() {
    let dir = tempfile::tempdir().expect("temp dir");
    let out = dir.path().join("compare.xlsx");
    let output = run_in(
        root(),
        &[
            "compare",
            "examples/rounds/2025/border-guard-west.yaml",
            "examples/edition-1.0/rounds/2026/border-guard-west.yaml",
            "--date",
            "2026-12-20",
            "-o",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mut book: Xlsx<_> = open_workbook(&out).expect("an xlsx workbook");
    assert_eq!(book.sheet_names(), ["Sections", "Indicators"]);
    let sections = book.worksheet_range("Sections").expect("sections");
    let formulas = book.worksheet_formula("Sections").expect("formulas");
    let row = |r: usize| sections.rows().nth(r).expect("a row").to_vec();
    assert_eq!(
        row(1)[1],
        Data::String("Consistency with the values and laws of society".into())
    );
    assert_eq!(
        (number(row(1).get(2)), number(row(1).get(3))),
        (Some(65.0), Some(75.0))
    );
    assert_eq!(
        formulas.get_value((1, 4)).map(String::as_str),
        Some("ROUND(D2,1)-ROUND(C2,1)")
    );
    assert_eq!(number(row(1).get(4)), Some(10.0));
    assert_eq!(number(row(2).get(3)), Some(57.142857142857146));
    let change = number(row(2).get(4)).expect("a change");
    assert!((change - 7.1).abs() < 1e-9, "{change}");
    assert_eq!(row(1)[5], Data::String("Improved".into()));
}
