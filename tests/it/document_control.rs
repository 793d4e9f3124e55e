//! Document control and honest dates: the number and version in every footer, the draft mark and
//! the classification on every page, a final report that says what it lacks, and the report date
//! that may not come before the work it shows.

use crate::report_pdf::pdf_pages;
use crate::support::{CHECKLIST, answers_with, answers_yaml, root, run_in, stderr, stdout};
use std::fs;
use std::path::Path;

const DRAFT: &str = "examples/answers/patrol-police-uk-draft.yaml";

fn report(dir: &Path, answers: &str, formats: &str) {
    let out = format!("{}/", dir.display());
    let output = run_in(
        root(),
        &[
            "report",
            answers,
            "--format",
            formats,
            "-o",
            &out,
            "--date",
            "2026-11-30",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn every_page_of_a_draft_carries_the_draft_mark_and_the_classification() {
    let dir = tempfile::tempdir().expect("temp");
    report(dir.path(), DRAFT, "pdf,html,json");
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("patrol-police-uk-draft.json")).expect("json"))
            .expect("parses");
    assert_eq!(
        json["document"],
        serde_json::json!({
            "number": "3817/41/01-2026",
            "version": "0.3",
            "status": "draft",
            "classification": "Для службового користування"
        })
    );
    let html = fs::read_to_string(dir.path().join("patrol-police-uk-draft.html")).expect("html");
    assert!(html.contains("<body class=\"is-draft\">"));
    assert!(html.contains("<p class=\"draft-mark\" role=\"note\"><span>ПРОЄКТ</span></p>"));
    assert_eq!(
        html.matches("<p class=\"classification classification--").count(),
        2,
        "top and bottom of the page"
    );
    // printed, the page margins carry the marks on every page
    assert!(html.contains("@top-center { content: \"Для службового користування\";"));
    assert!(html.contains("@bottom-center { content: \"Для службового користування\";"));
    assert!(html.contains("@top-right { content: \"ПРОЄКТ\";"));

    let Some(pages) = pdf_pages(&dir.path().join("patrol-police-uk-draft.pdf")) else {
        return;
    };
    assert!(pages.len() > 10, "{} pages", pages.len());
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(
            page.matches("ДЛЯ СЛУЖБОВОГО КОРИСТУВАННЯ").count(),
            2,
            "page {}: the classification at the top and the bottom: {page}",
            i + 1
        );
        // the mark at the top right and the one across the page
        assert_eq!(page.matches("ПРОЄКТ").count(), 2, "page {}: {page}", i + 1);
        // (the no-break space after № reads as a space here)
        assert!(
            page.contains(
                "Департамент патрульної поліції Національної поліції України · № 3817/41/01-2026 · версія 0.3"
            ),
            "page {}: the number and version in the footer",
            i + 1
        );
    }
    // too little answered for a conclusion (15 of 34 applicable), and the cover says so; by
    // hand over the four sections with a score: (2 × 43.75 + 4 × 57.8125 + 2 × 43.75 + 4 × 75) / 12
    assert!(
        pages[0].contains("Загальна оцінка: 58,9 зі 100 · попередня"),
        "{}",
        pages[0]
    );
    assert!(pages[0].contains("Відповіді надано лише на 44,1 % застосовних індикаторів, тоді як для висновку потрібно щонайменше 50 %"));
    assert!(pages[0].contains("Статус документа Проєкт"));
}

#[test]
fn a_final_report_has_the_classification_but_no_draft_mark() {
    let dir = tempfile::tempdir().expect("temp");
    report(dir.path(), "examples/answers/ministry-uk.yaml", "pdf,html");
    let html = fs::read_to_string(dir.path().join("ministry-uk.html")).expect("html");
    assert!(!html.contains("draft-mark\"") && !html.contains("@top-right"));
    let Some(pages) = pdf_pages(&dir.path().join("ministry-uk.pdf")) else {
        return;
    };
    for (i, page) in pages.iter().enumerate() {
        assert_eq!(
            page.matches("ДЛЯ СЛУЖБОВОГО КОРИСТУВАННЯ").count(),
            2,
            "page {}",
            i + 1
        );
        assert!(!page.contains("ПРОЄКТ"), "page {}", i + 1);
    }
}

/// A folder with the test checklist and `answers` as `a.yaml`, and `oversight report a.yaml
/// --checklist test.yaml ARGS` run in it.
fn report_test(answers: &str, args: &[&str]) -> (tempfile::TempDir, std::process::Output) {
    let dir = tempfile::tempdir().expect("temp");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    fs::write(dir.path().join("a.yaml"), answers).expect("write");
    let mut all = vec!["report", "a.yaml", "--checklist", "test.yaml"];
    all.extend_from_slice(args);
    let output = run_in(dir.path(), &all);
    (dir, output)
}

#[test]
fn a_classification_cannot_break_out_of_the_stylesheet() {
    let hostile = answers_with(
        "document: {status: draft, classification: \"x\\\"; } </style><script>alert(1)</script> \\\\\"}",
        "  a-1: {level: 2}\n",
    );
    let (dir, output) = report_test(&hostile, &["-o", "a.html", "--date", "2026-11-30"]);
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let html = fs::read_to_string(dir.path().join("a.html")).expect("html");
    assert!(!html.contains("<script>alert"), "no script gets in");
    assert!(html.contains(
        "@top-center { content: \"x\\000022\\00003b \\00007d \\00003c\\00002fstyle\\00003e\\00003cscript\\00003ealert\\000028"
    ));
    assert!(
        html.contains("&lt;&#x2f;style&gt;&lt;script&gt;alert(1)&lt;&#x2f;script&gt;"),
        "escaped as text"
    );
}

const FUTURE_REVIEW: &str = "  a-1: {level: 2, review: {level: 1, reviewer: A, date: 2999-01-15}}\n";

#[test]
fn a_default_report_date_before_a_review_is_an_error_and_nothing_is_written() {
    let (dir, output) = report_test(&answers_yaml(FUTURE_REVIEW), &["-o", "out/"]);
    assert_eq!(output.status.code(), Some(1));
    assert!(
        stderr(&output).starts_with(
            "error[report-date-before-review]: a.yaml: answers[a-1].review.date: the report is dated "
        ),
        "{}",
        stderr(&output)
    );
    assert!(stderr(&output).ends_with(
        ", before the review dated 2999-01-15
  hint: the report date defaults to today; give `--date 2999-01-15` or later, or correct the date in the answers
error: 1 error(s) in the input
"
    ));
    assert_eq!(stdout(&output), "");
    assert!(!dir.path().join("out").exists(), "nothing written");
}

#[test]
fn an_explicit_report_date_before_the_work_is_a_warning() {
    let answers = answers_with(
        "approval: {position: Head, name: A. B., date: 2026-12-03}",
        &format!("{FUTURE_REVIEW}  a-2: {{level: 2, review: {{level: 2, date: 2026-12-20}}}}\n"),
    );
    let (_dir, output) = report_test(
        &answers,
        &["--format", "json", "-o", "a.json", "--date", "2026-12-01"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stderr(&output),
        "warning[report-date-before-review]: a.yaml: answers[a-1].review.date: the report is dated 2026-12-01, before the review dated 2999-01-15 (and 2 other date(s) after the report date)
  hint: the report shows work done after its own date; check `--date`
"
    );
    assert_eq!(stdout(&output), "wrote a.json\n");
    // on or after the latest date, nothing is said
    let (_dir, output) = report_test(&answers, &["-o", "b.json", "--date", "2999-01-15"]);
    assert_eq!(stderr(&output), "");
}
