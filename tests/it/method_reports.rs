//! The reports of the method examples (`examples/methods/` against `checklists/methods/`):
//! grades by their codes, values and points with their units, criteria with ticks, the D* flag,
//! "no aggregate" where a methodology gives none, and every method's calculation, in the HTML,
//! the PDF and the text of `oversight score`.

use crate::report_pdf::pdf_text;
use crate::support::{root, run_in, stderr, stdout};
use std::fs;
use std::path::Path;

const NAMES: [&str; 5] = [
    "gdi-style",
    "pefa-style",
    "obs-style",
    "sigma-style",
    "sai-pmf-style",
];

/// Renders a method example's report in `formats` into `dir`.
fn render(dir: &Path, name: &str, formats: &str) {
    let answers = format!("examples/methods/{name}.yaml");
    let checklist = format!("checklists/methods/{name}.yaml");
    let out = format!("{}/", dir.display());
    let output = run_in(
        root(),
        &[
            "report",
            &answers,
            "--checklist",
            &checklist,
            "--format",
            formats,
            "-o",
            &out,
            "--date",
            "2026-12-01",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
}

#[test]
fn every_method_example_validates_against_its_checklist() {
    for name in NAMES {
        let output = run_in(
            root(),
            &[
                "validate",
                "--checklist",
                &format!("checklists/methods/{name}.yaml"),
                &format!("examples/methods/{name}.yaml"),
            ],
        );
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
        assert!(
            stderr(&output).is_empty(),
            "{name}: no warnings: {}",
            stderr(&output)
        );
    }
}

#[test]
fn the_html_reports_show_grades_values_criteria_and_no_aggregate() {
    let dir = tempfile::tempdir().expect("temp");
    for name in NAMES {
        render(dir.path(), name, "html");
    }
    let html = |name: &str| fs::read_to_string(dir.path().join(format!("{name}.html"))).expect("written");
    let pefa = html("pefa-style");
    // M1: C, A and D* (not enough information counts as D): D+; M2: D, B, A: n 3, sum 8 → B
    for expected in [
        r#"<span class="score-num">D+</span>"#,
        r#"<span class="score-num">B</span>"#,
        "{C, A, D*}: найнижча D, інші вищі → D+",
        "{D, B, A}: n 3, сума 8 → B",
        r#"<span class="badge badge--lowest">D*: враховано за найнижчим рівнем через брак інформації</span>"#,
        r#"<span class="kpi-number kpi-number--small">без зведеної оцінки</span>"#,
        "Таблиці перетворення",
    ] {
        assert!(pefa.contains(expected), "pefa-style lacks {expected:?}");
    }
    let gdi = html("gdi-style");
    // the six questions 75, 62.5, 75, 50, 25, 100: 387.5 / 6 = 64.58 → 65 → C
    for expected in [
        "(75.0 + 62.5 + 75.0 + 50.0 + 25.0 + 100.0) ÷ 6 = 64.6 → half-up 65",
        r#"<span class="kpi-number">65</span>"#,
        r#"<span class="term-via">via 1 Political risk</span>"#,
    ] {
        assert!(gdi.contains(expected), "gdi-style lacks {expected:?}");
    }
    let sigma = html("sigma-style");
    // 4 + 0 + 7.5 = 11.5 → floor 11 → range 9–11 → 3; the rate reviewed at 50 %: 15 × 25 / 65
    for expected in [
        "4 + 0 + 7,5 = 11,5 → 11 (округлення вниз) → діапазон 9–11 → 3",
        "50\u{a0}% → бали: 5,77",
        "57,5\u{a0}%",
    ] {
        assert!(sigma.contains(expected), "sigma-style lacks {expected:?}");
    }
    let sai = html("sai-pmf-style");
    for expected in [
        r#"<li class="criterion criterion--met"><span class="tick" aria-hidden="true">✓</span><span class="sr-only">met: </span><span class="criterion-id">a</span>"#,
        r#"<li class="criterion criterion--unmet"><span class="tick" aria-hidden="true">✗</span><span class="sr-only">not met: </span><span class="criterion-id">d</span>"#,
        "3 from the criteria met: at least 3 met, including a",
    ] {
        assert!(sai.contains(expected), "sai-pmf-style lacks {expected:?}");
    }
    let obs = html("obs-style");
    assert!(obs.contains("b — To a large extent"), "a level by its code");
}

#[test]
fn the_pdf_reports_show_the_same() {
    let dir = tempfile::tempdir().expect("temp");
    for name in ["pefa-style", "sigma-style", "sai-pmf-style"] {
        render(dir.path(), name, "pdf");
    }
    let Some(pefa) = pdf_text(&dir.path().join("pefa-style.pdf")) else {
        return;
    };
    for expected in [
        "Загальна оцінка: без зведеної оцінки",
        "Оцінка: D+",
        "Формула: {C, A, D*}: найнижча D, інші вищі → D+",
        "Формула: {D, B, A}: n 3, сума 8 → B",
        "D*: враховано за найнижчим рівнем через брак інформації",
        "2 → D · 3 → D+ · 4 → C",
    ] {
        assert!(pefa.contains(expected), "pefa-style PDF lacks {expected:?}");
    }
    let sigma = pdf_text(&dir.path().join("sigma-style.pdf")).expect("pdftotext is here");
    assert!(sigma.contains("Відповідь: 50 % → бали: 5,77"), "{sigma}");
    let sai = pdf_text(&dir.path().join("sai-pmf-style.pdf")).expect("pdftotext is here");
    for expected in [
        "✓ a — The constitution establishes the SAI.",
        "✗ d — The framework is applied in practice.",
    ] {
        assert!(sai.contains(expected), "sai-pmf-style PDF lacks {expected:?}");
    }
}

#[test]
fn the_score_text_shows_grades_values_and_no_aggregate() {
    let output = run_in(
        root(),
        &[
            "score",
            "examples/methods/pefa-style.yaml",
            "--checklist",
            "checklists/methods/pefa-style.yaml",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let text = stdout(&output);
    assert!(text.contains("Загальна оцінка: без зведеної оцінки\n"), "{text}");
    assert!(
        text.contains("1.1 PI-9 Доступ громадськості до фіскальної інформації      D+\n"),
        "{text}"
    );
    assert!(
        text.contains("1.2 PI-10 Звітування про фіскальні ризики                    B\n"),
        "{text}"
    );
}

#[test]
fn the_skeleton_of_a_method_example_answers_numbers_and_criteria_and_validates() {
    let dir = tempfile::tempdir().expect("temp");
    for (name, expected) in [
        ("sigma-style", "  rate:\n    value: ~\n"),
        ("sai-pmf-style", "  sai-1-i:\n    criteria_met: ~\n"),
        (
            "pefa-style",
            "  # Scale `pefa`: D (1) = Below the basic level | C (2) = Basic level of performance",
        ),
    ] {
        let checklist = root().join(format!("checklists/methods/{name}.yaml"));
        let out = dir.path().join(format!("{name}.yaml"));
        let output = run_in(
            root(),
            &[
                "init",
                checklist.to_str().expect("utf-8"),
                "-o",
                out.to_str().expect("utf-8"),
            ],
        );
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
        let text = fs::read_to_string(&out).expect("written");
        assert!(text.contains(expected), "{name} lacks {expected:?}:\n{text}");
        let output = run_in(
            root(),
            &[
                "validate",
                "--checklist",
                checklist.to_str().expect("utf-8"),
                out.to_str().expect("utf-8"),
            ],
        );
        assert_eq!(output.status.code(), Some(0), "{name}: {}", stderr(&output));
    }
}
