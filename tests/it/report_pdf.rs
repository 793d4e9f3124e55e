//! The PDF report and the report command's file handling.

use crate::support::{CHECKLIST, answers_yaml, root, run_in, stderr, stdout};
use std::fs;
use std::path::Path;
use std::process::Command;

#[path = "../../examples/synthetic.rs"]
pub(crate) mod synthetic;

fn report(dir: &Path, args: &[&str]) -> std::process::Output {
    let mut all = vec!["report"];
    all.extend_from_slice(args);
    all.extend_from_slice(&["--date", "2026-11-28"]);
    run_in(dir, &all)
}

/// Whether a poppler tool is here; on CI it must be (`.ci/run` installs poppler-utils).
pub(crate) fn have(tool: &str) -> bool {
    if Command::new(tool).arg("-v").output().is_ok() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "{tool} is missing on CI: .ci/run must install poppler-utils"
    );
    eprintln!("SKIPPED: {tool} (poppler-utils) is not installed; apt-get install poppler-utils");
    false
}

/// pdftotext's output for a PDF, pages ended by form feeds; `None` without pdftotext.
fn pdftotext(path: &Path) -> Option<String> {
    if !have("pdftotext") {
        return None;
    }
    let output = Command::new("pdftotext")
        .arg(path)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(output.status.success(), "{}", stderr(&output));
    Some(String::from_utf8_lossy(&output.stdout).into_owned())
}

fn collapse(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The text of a PDF, whitespace collapsed; `None` without pdftotext.
pub(crate) fn pdf_text(path: &Path) -> Option<String> {
    pdftotext(path).map(|text| collapse(&text))
}

/// The text of every page of a PDF, whitespace collapsed; `None` without pdftotext.
pub(crate) fn pdf_pages(path: &Path) -> Option<Vec<String>> {
    let text = pdftotext(path)?;
    let mut pages: Vec<String> = text.split('\u{c}').map(collapse).collect();
    if pages.last().is_some_and(String::is_empty) {
        pages.pop();
    }
    Some(pages)
}

/// The page count; `None` without pdfinfo.
fn pages(path: &Path) -> Option<usize> {
    if !have("pdfinfo") {
        return None;
    }
    let output = Command::new("pdfinfo").arg(path).output().expect("pdfinfo runs");
    let text = String::from_utf8_lossy(&output.stdout).into_owned();
    text.lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
}

#[test]
fn the_ukrainian_pdf_has_real_ukrainian_text() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("r.pdf");
    let output = report(
        root(),
        &[
            "examples/answers/ministry-uk.yaml",
            "-o",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let bytes = fs::read(&out).expect("written");
    assert!(bytes.starts_with(b"%PDF-"));
    let Some(text) = pdf_text(&out) else { return };
    for expected in [
        "Демократичне врядування у секторі безпеки: роль виконавчої влади",
        "Міністерство внутрішніх справ України",
        "Загальна оцінка: 59,8 зі 100",
        "Повнота 100,0 % — застосовні індикатори з відповіддю: 33 з 33",
        "Критичні невідповідності",
        "ovs-1",
        "Чому індикатор критичний: Без власного штату",
        "План заходів з удосконалення",
        "Методика оцінювання",
        // the same parts as the HTML: the status chart, the band legend, the radar and its table
        "Індикатори за статусом Оцінено 33 з 36",
        "Поза обсягом оцінювання 3 з 36",
        "Вертикальні лінії позначають нижні межі категорій оцінок.",
        "Профіль основних розділів",
        "1 · 56,2",
        "5 Ролі виконавчої влади 51,7 (C Частковий рівень)",
        "Сторінка 1 з",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
}

#[test]
fn the_english_pdf_marks_every_status() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("r.pdf");
    let output = report(
        root(),
        &[
            "examples/edition-1.0/answers/police-en-partial.yaml",
            "-o",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let Some(text) = pdf_text(&out) else { return };
    for expected in [
        "Overall score: 64.7 out of 100",
        "63.6%",
        "Not applicable",
        "Not enough information",
        "Unanswered",
        "Page 1 of",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
}

#[test]
fn the_reviewed_pdf_has_the_audit_parts() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("r.pdf");
    let output = report(
        root(),
        &[
            "examples/edition-1.0/answers/ministry-uk-reviewed.yaml",
            "-o",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let Some(text) = pdf_text(&out) else { return };
    for expected in [
        "Загальна оцінка: 65,8 зі 100",
        "Оцінка без урахування винятків 64,0 (C Частковий рівень)",
        "Основа оцінювання перевірені рівні",
        "Перевірено аудитором 10 з 47",
        "Не відповідає вимогам: 2 значні невідповідності, 4 незначні невідповідності",
        "Перевірка аудитора — Знижено аудитором",
        "За самооцінюванням: 3 — Усталений (75,0)",
        "За результатами перевірки (враховано в оцінці): 1 — Початковий (25,0)",
        "Висновки щодо відповідності",
        "Невідповідності",
        "Засвідчення аудитора",
        "Відповіді самооцінювання, перевірені мною за доказами: 10 з 47",
        "Прийняті винятки",
        "Винятки, строк дії яких спливає протягом 90 днів після дати оцінювання",
        "Винятки, строк дії яких минув",
        "Актуальність доказів",
        "за 2258 днів до оцінювання",
    ] {
        assert!(text.contains(expected), "missing {expected:?}");
    }
}

#[test]
fn the_pdf_is_byte_identical_for_the_same_inputs_and_date() {
    let dir = tempfile::tempdir().expect("temp");
    let answers = root().join("examples/answers/ministry-uk.yaml");
    let answers = answers.to_str().expect("utf-8");
    for name in ["a.pdf", "b.pdf"] {
        let output = report(dir.path(), &[answers, "-o", name]);
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    let a = fs::read(dir.path().join("a.pdf")).expect("a");
    let b = fs::read(dir.path().join("b.pdf")).expect("b");
    assert!(a == b, "two runs differ");
    assert!(
        String::from_utf8_lossy(&a).contains("D:20261128"),
        "creation date is the report date"
    );
}

#[test]
fn page_count_grows_with_content_and_empty_comments_render() {
    let dir = tempfile::tempdir().expect("temp");
    fs::write(dir.path().join("small-checklist.yaml"), synthetic::checklist(30)).expect("write");
    fs::write(dir.path().join("small.yaml"), synthetic::answers(30)).expect("write");
    fs::write(dir.path().join("big-checklist.yaml"), synthetic::checklist(300)).expect("write");
    fs::write(dir.path().join("big.yaml"), synthetic::answers(300)).expect("write");
    for (answers, checklist) in [
        ("small.yaml", "small-checklist.yaml"),
        ("big.yaml", "big-checklist.yaml"),
    ] {
        let output = report(
            dir.path(),
            &[answers, "--checklist", checklist, "--format", "pdf", "-o", "out/"],
        );
        assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    }
    let small = dir.path().join("out/small.pdf");
    let big = dir.path().join("out/big.pdf");
    if let (Some(small), Some(big)) = (pages(&small), pages(&big)) {
        assert!(big > 3 * small, "300 indicators: {big} pages, 30: {small}");
    }
    // an assessment with no comments, evidence or actions at all
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    fs::write(dir.path().join("bare.yaml"), answers_yaml("  a-1: {level: 2}\n")).expect("write");
    let output = report(
        dir.path(),
        &["bare.yaml", "--checklist", "test.yaml", "-o", "bare.pdf"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
}

#[test]
fn output_paths_follow_the_extension_or_the_folder() {
    let dir = tempfile::tempdir().expect("temp");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    fs::write(dir.path().join("a.yaml"), answers_yaml("  a-1: {level: 2}\n")).expect("write");
    let output = report(
        dir.path(),
        &[
            "a.yaml",
            "--checklist",
            "test.yaml",
            "--format",
            "pdf,json",
            "-o",
            "nested/out/",
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert_eq!(
        stdout(&output),
        "wrote nested/out/a.pdf\nwrote nested/out/a.json\n"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&fs::read(dir.path().join("nested/out/a.json")).expect("json"))
            .expect("valid json");
    assert_eq!(json["report_date"], "2026-11-28");
    assert_eq!(json["overall"]["score"], 50.0);
    assert_eq!(json["provenance"]["answers_file"], "a.yaml");
    assert_eq!(
        json["provenance"]["answers_sha256"].as_str().map(str::len),
        Some(64)
    );

    let output = report(
        dir.path(),
        &["a.yaml", "--checklist", "test.yaml", "-o", "one.json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    assert!(dir.path().join("one.json").is_file());
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .expect("list")
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().ends_with(".part"))
        .collect();
    assert!(leftovers.is_empty(), "temporary files left behind");
}

#[test]
fn contradictory_output_requests_are_usage_errors() {
    let dir = tempfile::tempdir().expect("temp");
    let output = report(dir.path(), &["a.yaml", "--format", "pdf,json", "-o", "one.pdf"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains("`-o one.pdf` names one pdf file, but --format asks for other formats"),
        "{}",
        stderr(&output)
    );
    let output = report(dir.path(), &["a.yaml", "-o", "report.odt"]);
    assert_eq!(output.status.code(), Some(2));
    assert!(
        stderr(&output).contains(
            "cannot tell the format of `report.odt`: use a .html, .pdf, .json, .docx or .xlsx name"
        ),
        "{}",
        stderr(&output)
    );
}

#[test]
fn invalid_input_writes_nothing_and_an_input_is_never_overwritten() {
    let dir = tempfile::tempdir().expect("temp");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    fs::write(dir.path().join("bad.yaml"), answers_yaml("  a-1: {level: 9}\n")).expect("write");
    let output = report(
        dir.path(),
        &["bad.yaml", "--checklist", "test.yaml", "-o", "out/"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert!(
        !dir.path().join("out").exists(),
        "nothing written for invalid input"
    );

    let original = answers_yaml("  a-1: {level: 2}\n");
    fs::write(dir.path().join("a.json"), &original).expect("write");
    let output = report(
        dir.path(),
        &["a.json", "--checklist", "test.yaml", "-o", "a.json"],
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: `a.json` is an input of this run; refusing to write the output over it\n"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("a.json")).expect("kept"),
        original
    );
}

#[test]
fn the_language_can_be_chosen() {
    let dir = tempfile::tempdir().expect("temp");
    let out = dir.path().join("en.pdf");
    let output = report(
        root(),
        &[
            "examples/answers/ministry-uk.yaml",
            "--lang",
            "en",
            "-o",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let Some(text) = pdf_text(&out) else { return };
    assert!(text.contains("Democratic security sector governance: the role of the Executive"));
    assert!(text.contains("Ministry of Internal Affairs of Ukraine"));
    assert!(text.contains("Overall score: 59.8 out of 100"));
    let output = report(
        root(),
        &[
            "examples/answers/ministry-uk.yaml",
            "--lang",
            "de",
            "-o",
            "/nonexistent/x.pdf",
        ],
    );
    assert_eq!(output.status.code(), Some(1));
}

#[test]
fn a_labels_file_in_the_templates_folder_changes_the_wording() {
    let dir = tempfile::tempdir().expect("temp");
    fs::create_dir(dir.path().join("brand")).expect("mkdir");
    fs::write(
        dir.path().join("brand/labels.yaml"),
        "overall_score: {en: Total mark}\n",
    )
    .expect("write");
    let out = dir.path().join("r.pdf");
    let templates = dir.path().join("brand");
    let output = report(
        root(),
        &[
            "examples/edition-1.0/answers/police-en-partial.yaml",
            "--templates",
            templates.to_str().expect("utf-8"),
            "-o",
            out.to_str().expect("utf-8"),
        ],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let Some(text) = pdf_text(&out) else { return };
    assert!(
        text.contains("Total mark: 64.7 out of 100"),
        "the override is used"
    );
    assert!(
        text.contains("Critical failures"),
        "labels it does not name keep their text"
    );
}

#[cfg(unix)]
#[test]
fn reports_are_readable_by_others() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().expect("temp");
    fs::write(dir.path().join("test.yaml"), CHECKLIST).expect("write");
    fs::write(dir.path().join("a.yaml"), answers_yaml("  a-1: {level: 2}\n")).expect("write");
    let output = report(
        dir.path(),
        &["a.yaml", "--checklist", "test.yaml", "-o", "a.json"],
    );
    assert_eq!(output.status.code(), Some(0), "{}", stderr(&output));
    let mode = fs::metadata(dir.path().join("a.json"))
        .expect("written")
        .permissions()
        .mode();
    assert_eq!(mode & 0o777, 0o644);
}
