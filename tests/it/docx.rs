//! The Word report (`--format docx`): the same bytes for the same inputs, a bad template is
//! refused with its reason, and LibreOffice converts the Word report (the Ukrainian example on
//! the example letterhead) to a PDF that holds the overall score and every section title. What the document
//! holds (headings, contents field, tables, sign-off, the template's header) is read by
//! python-docx in `tests/python/test_docx_report.py`.

use crate::support::{root, run_in, stderr};
use oversight::load;
use oversight::source::Limits;
use std::path::Path;
use std::process::Command;

const LETTERHEAD: &str = "examples/letterhead/ministry-letterhead.docx";
const DATE: &str = "2026-11-28";

/// `oversight report` of the Ukrainian example as a Word document, with `options`.
fn report_docx(options: &[&str], out: &str) -> std::process::Output {
    let mut args = vec![
        "report",
        "examples/answers/ministry-uk.yaml",
        "--format",
        "docx",
        "-o",
        out,
    ];
    args.extend_from_slice(options);
    run_in(root(), &args)
}

/// The Ukrainian example's Word report on the example letterhead, written into `dir`.
fn example_report(dir: &Path, name: &str) -> Vec<u8> {
    let out = dir.join(name);
    let output = report_docx(
        &["--docx-template", LETTERHEAD, "--date", DATE],
        out.to_str().expect("utf-8 path"),
    );
    assert!(output.status.success(), "{}", stderr(&output));
    std::fs::read(out).expect("written")
}

#[test]
fn the_word_report_is_the_same_bytes_each_time() {
    let dir = tempfile::tempdir().unwrap();
    let first = example_report(dir.path(), "a.docx");
    assert!(first == example_report(dir.path(), "b.docx"));
}

#[test]
fn a_template_that_is_not_a_word_document_is_refused() {
    let output = report_docx(
        &["--docx-template", "README.md"],
        "/nonexistent/never-written.docx",
    );
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        stderr(&output),
        "error: cannot use the Word template `README.md`\n  caused by: it is not a Word document \
         (.docx): invalid Zip archive: Could not find EOCD\n"
    );
}

/// Whether LibreOffice is here; on CI it must be (`.ci/run` installs libreoffice-writer).
fn have_libreoffice() -> bool {
    if Path::new("/usr/bin/soffice").exists() {
        return true;
    }
    assert!(
        std::env::var_os("CI").is_none(),
        "soffice is missing on CI: .ci/run must install libreoffice-writer"
    );
    eprintln!(
        "SKIPPED: LibreOffice is not installed; apt-get install --no-install-recommends libreoffice-writer"
    );
    false
}

/// Every section's number and title, nested ones after their parent.
fn section_titles(sections: &[oversight::report::SectionView], titles: &mut Vec<String>) {
    for section in sections {
        titles.push(format!("{} {}", section.number, section.title));
        section_titles(&section.sections, titles);
    }
}

#[test]
fn libreoffice_converts_the_word_report_to_a_pdf_with_the_score_and_every_section() {
    if !have_libreoffice() || !crate::report_pdf::have("pdftotext") {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    example_report(dir.path(), "ministry-uk.docx");
    let profile = format!("-env:UserInstallation=file://{}/profile", dir.path().display());
    let output = Command::new("/usr/bin/soffice")
        .args([
            profile.as_str(),
            "--headless",
            "--norestore",
            "--convert-to",
            "pdf",
            "--outdir",
        ])
        .arg(dir.path())
        .arg(dir.path().join("ministry-uk.docx"))
        .output()
        .expect("soffice runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let pdf = dir.path().join("ministry-uk.pdf");
    let text = Command::new("pdftotext")
        .arg(&pdf)
        .arg("-")
        .output()
        .expect("pdftotext runs");
    assert!(text.status.success(), "{}", stderr(&text));
    let text = String::from_utf8_lossy(&text.stdout)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");

    let loaded = load::assessment(
        &root().join("examples/answers/ministry-uk.yaml"),
        None,
        &Limits::default(),
    )
    .expect("valid");
    let catalogue = oversight::render::html::Templates::new(None)
        .unwrap()
        .catalogue()
        .unwrap();
    let date = oversight::model::Date::parse(DATE).unwrap();
    let (_, view) = oversight::render::view(&loaded, &catalogue, None, date, &Default::default());
    // 59.791… (tests/it/examples.rs), in Ukrainian with a decimal comma, band C
    assert!(
        text.contains("59,8 (C Частковий рівень)"),
        "no overall score in the PDF"
    );
    let mut titles = Vec::new();
    section_titles(&view.sections, &mut titles);
    assert_eq!(titles.len(), 26, "6 sections and their 20 parts");
    for title in titles {
        let title = title.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(text.contains(&title), "`{title}` is not in the PDF");
    }
}
