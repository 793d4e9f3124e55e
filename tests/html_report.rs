//! The HTML report, end to end through the binary: snapshots of both examples, escaping of
//! hostile answers, template overrides and their failures, determinism, and headless Chromium
//! checks that the file opens in a browser and prints on few enough pages. The finder's
//! behaviour in a browser is tested in `tests/python/test_html_finder.py`.

use std::ffi::OsStr;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

const DATE: &str = "2026-11-28";
const MINISTRY: &str = "examples/answers/ministry-uk.yaml";
const POLICE: &str = "examples/answers/police-en-partial.yaml";
const REVIEWED: &str = "examples/answers/ministry-uk-reviewed.yaml";
const TITLE_UK: &str = "Демократичне врядування у секторі безпеки: роль виконавчої влади";

/// `oversight report ANSWERS --format html -o OUT --date DATE [EXTRA...]`, run from the crate root.
fn run_report(answers: impl AsRef<OsStr>, out: &Path, extra: &[&OsStr]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_oversight"))
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .arg("report")
        .arg(answers)
        .args(["--format", "html", "--date", DATE, "-o"])
        .arg(out)
        .args(extra)
        .output()
        .expect("the oversight binary runs")
}

/// Renders a report that must succeed and returns its HTML.
fn render(answers: impl AsRef<OsStr>, extra: &[&OsStr]) -> String {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.html");
    let output = run_report(answers, &out, extra);
    assert!(
        output.status.success(),
        "oversight report failed ({:?}):\n{}",
        output.status,
        String::from_utf8_lossy(&output.stderr)
    );
    fs::read_to_string(&out).expect("the report was written")
}

/// The part of the page between two markers (both must be present, in order).
fn between<'a>(html: &'a str, from: &str, to: &str) -> &'a str {
    let start = html
        .find(from)
        .unwrap_or_else(|| panic!("`{from}` is in the report"));
    let end = html[start..]
        .find(to)
        .unwrap_or_else(|| panic!("`{to}` follows `{from}`"))
        + start;
    &html[start..end]
}

/// minijinja escapes `/` as `&#x2f;` too; undo only that, so assertions read like plain HTML.
fn unslash(html: &str) -> String {
    html.replace("&#x2f;", "/")
}

/// The report with this build's commit and build date in words (the provenance's `Build` row)
/// replaced by `[build]`, so that the snapshots do not change with every commit.
fn without_build(html: String, lang: &str) -> String {
    let labels = oversight::i18n::Catalogue::bundled().labels(lang);
    let build = oversight::report::ToolView::new(&labels).build;
    assert!(html.contains(&build), "the report records the build `{build}`");
    html.replace(&build, "[build]")
}

#[test]
fn snapshot_ministry_uk() {
    insta::assert_snapshot!("ministry-uk", without_build(render(MINISTRY, &[]), "uk"));
}

#[test]
fn snapshot_police_en_partial() {
    insta::assert_snapshot!("police-en-partial", without_build(render(POLICE, &[]), "en"));
}

#[test]
fn ministry_summary_figures_are_in_place() {
    let html = render(MINISTRY, &[]);
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"uk\">"));
    assert!(html.contains("<meta charset=\"utf-8\">"));
    assert!(html.contains("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"));
    assert_eq!(html.matches("<h1").count(), 1, "exactly one h1");
    assert!(between(&html, "<h1>", "</h1>").contains(TITLE_UK));

    let summary = between(&html, "id=\"summary\"", "id=\"contents\"");
    assert!(
        summary.contains("<span class=\"kpi-number\">59,8</span>"),
        "overall score in uk format: (2 × 56.25 + 4 × 59.375 + 2 × 68.75 + 4 × 62.5 + 5 × 51.667 + 3 × 66.667) / 20"
    );
    assert!(summary.contains(">C</span> <span class=\"band-badge-label\"><span class=\"sr-only\">Категорія </span>Частковий рівень</span>"));
    assert!(summary.contains("100,0\u{a0}%"), "completeness");
    assert!(
        summary.contains("href=\"#i-ovs-1\">ovs-1</a>"),
        "the critical failure is listed"
    );
    assert!(summary.contains("Нижче прохідного балу 75"), "with its reason");
    assert!(
        summary.contains("<span class=\"label\">Чому індикатор критичний:</span> Без власного штату"),
        "and why the indicator is critical"
    );
    let details = between(&html, "id=\"i-pol-1\"", "</article>");
    assert!(details.contains("<p class=\"block-label\">Походження індикатора</p>\n<p>«У будь-якій країні"));
    assert!(!summary.contains("class=\"capped\""), "band C is not lowered");

    // the overdue actions say so in words, by unit, by quarter and at the indicator
    let by_unit = between(&html, "id=\"plan-units\"", "id=\"plan-quarters\"");
    assert_eq!(by_unit.matches(" is-overdue\">").count(), 2, "mm-2 and ovs-2");
    let by_quarter = between(&html, "id=\"plan-quarters\"", "id=\"methodology\"");
    assert_eq!(by_quarter.matches("<tr class=\"is-overdue\">").count(), 2);
    for part in [by_unit, by_quarter] {
        assert_eq!(
            part.matches("<span class=\"flag-overdue\">Прострочено</span>")
                .count(),
            2
        );
    }
    assert!(between(&html, "id=\"i-mm-2\"", "</article>").contains("flag-overdue\">Прострочено"));

    // both charts, accessible
    let charts = between(&html, "id=\"charts\"", "id=\"findings\"");
    assert_eq!(
        charts.matches("<svg class=\"chart chart-bars").count(),
        2,
        "wide and narrow bar charts"
    );
    assert_eq!(charts.matches("<svg class=\"chart chart-radar\"").count(), 1);
    assert_eq!(charts.matches("role=\"img\"").count(), 3);
    assert_eq!(charts.matches("<title id=").count(), 3);
}

#[test]
fn police_summary_figures_are_in_place() {
    // figures by hand in the example's header
    let html = render(POLICE, &[]);
    assert!(html.contains("<html lang=\"en\">"));
    let summary = between(&html, "id=\"summary\"", "id=\"contents\"");
    assert!(summary.contains("<span class=\"kpi-number\">52.6</span>"));
    assert!(summary.contains(
        ">C</span> <span class=\"band-badge-label\"><span class=\"sr-only\">Band </span>Partial</span>"
    ));
    assert!(
        summary.contains("<span class=\"kpi-number kpi-number--small\">80.0%</span>"),
        "completeness: 24 of the 30 applicable"
    );
    assert!(
        summary.contains("<span class=\"kpi-number kpi-number--small\">2</span>"),
        "two critical failures"
    );
    let failures = between(summary, "<ul class=\"failures\">", "</ul>");
    let positions: Vec<usize> = ["hr-5", "ovs-1"]
        .iter()
        .map(|id| {
            failures
                .find(&format!("href=\"#i-{id}\">{id}</a>"))
                .unwrap_or_else(|| panic!("{id} is listed"))
        })
        .collect();
    assert!(positions.windows(2).all(|w| w[0] < w[1]), "in checklist order");
    assert!(failures.contains("Unanswered") && failures.contains("Not enough information"));
    assert!(
        !failures.contains("href=\"#i-law-1\""),
        "law-1 meets a to c: 75, its pass mark"
    );

    // statuses are words, not only colours
    let hr5 = between(&html, "id=\"i-hr-5\"", "</article>");
    assert!(hr5.contains("<span class=\"status status--unanswered\">Unanswered</span>"));
    assert!(hr5.contains("<span class=\"badge badge--fail\">Critical failure</span>"));
    let ovs1 = between(&html, "id=\"i-ovs-1\"", "</article>");
    assert!(
        ovs1.contains("<span class=\"status status--not-enough-information\">Not enough information</span>")
    );
    let fin3 = between(&html, "id=\"i-fin-3\"", "</article>");
    assert!(fin3.contains("<span class=\"status status--not-applicable\">Not applicable</span>"));
    assert!(
        fin3.contains("Justification"),
        "a not-applicable indicator shows its justification"
    );
    let civ4 = between(&html, "id=\"i-civ-4\"", "</article>");
    assert!(
        civ4.contains("<span class=\"status status--out-of-scope\">Out of scope</span>"),
        "civ-4, for ministries only, is out of the police scope"
    );

    // a sub-section whose indicators are all not applicable says so; one answered too little
    // is provisional; one answered at exactly the 50 % needed concludes
    let verdict = |id: &str| {
        let header = between(&html, &format!("id=\"s-{id}\""), "</header>");
        between(header, "class=\"verdict-chip", "</span>").to_owned()
    };
    assert!(verdict("political-roles").contains("verdict--not-applicable\">Not applicable"));
    assert!(verdict("human-rights").contains("verdict--inconclusive\">Not enough answered to conclude"));
    assert!(verdict("direct-oversight").contains("verdict--not-compliant\">Not compliant"));

    // sections nest as h2 > h3, indicators one level below their section
    assert!(html.contains(
        "<h2 id=\"s-executive-roles-h\"><span class=\"num\">5</span> The executive&#x27;s roles</h2>"
    ));
    assert!(html.contains("<h3 id=\"s-direct-oversight-h\"><span class=\"num\">5.3</span>"));
    assert!(html.contains("<h4 class=\"ind-title\" id=\"i-ovs-1-h\">"));

    // the overall calculation can be followed
    let overall = between(&html, "id=\"calculation-overall\"", "id=\"calc-roles\"");
    assert!(
        overall.contains("(2 × 50.0 + 4 × 59.4 + 2 × 37.5 + 4 × 58.3 + 5 × 56.2 + 3 × 41.7) ÷ 20 = 52.6")
    );
}

#[test]
fn the_reviewed_report_shows_the_audit() {
    // figures by hand in the example's header: 62.9 verified with tr-6 accepted, 60.4 counting it
    let html = render(REVIEWED, &[]);
    let summary = between(&html, "id=\"summary\"", "id=\"contents\"");
    assert!(summary.contains("<span class=\"kpi-number\">62,9</span>"));
    assert!(summary.contains(
        "<a href=\"#exceptions\">Оцінка без урахування винятків</a>: <span class=\"score\"><span class=\"score-num\">60,4</span>"
    ));
    assert!(summary.contains(
        "<p class=\"verdict-statement\">Не відповідає вимогам: 2\u{a0}значні невідповідності, 7\u{a0}незначних невідповідностей</p>"
    ));
    assert!(
        summary.contains("перевірені рівні · <span class=\"label\">Перевірено аудитором:</span> 10 з 33"),
        "of the 33 indicators in scope, not of all 36"
    );
    assert!(
        summary.contains("<a href=\"#i-tr-6\">tr-6</a> (15 лютого 2027 року)"),
        "the exception expiring soon"
    );

    // the self-assessed and the verified level side by side, the scored one marked
    let hr1 = between(&html, "id=\"i-hr-1\"", "</article>");
    assert!(hr1.contains(
        "<tr><th scope=\"row\">За самооцінюванням</th><td>3 — Відстежуваний</td><td class=\"num-col\">75,0</td></tr>"
    ));
    assert!(hr1.contains("<tr class=\"is-scored\"><th scope=\"row\">За результатами перевірки <span class=\"scored-tag\">враховано в оцінці</span></th><td>2 — Впроваджений</td><td class=\"num-col\">50,0</td></tr>"));
    assert!(hr1.contains("−1 · Знижено аудитором"));
    assert!(hr1.contains("<span class=\"badge badge--fail\">Критична невідповідність</span>"));

    // the non-conformities, major ones first, and the sign-off
    let compliance = between(&html, "id=\"compliance\"", "id=\"exceptions\"");
    let order: Vec<usize> = [
        "hr-1", "ovs-1", "hr-2", "civ-2", "civ-4", "sd-6", "fin-3", "ovs-2", "inc-3",
    ]
    .iter()
    .map(|id| {
        compliance
            .find(&format!("href=\"#i-{id}\">{id}</a>"))
            .unwrap_or_else(|| panic!("{id} is listed"))
    })
    .collect();
    assert!(
        order.windows(2).all(|w| w[0] < w[1]),
        "majors first, then checklist order"
    );
    assert!(
        !compliance.contains("href=\"#i-tr-6\""),
        "the accepted tr-6 is not a non-conformity"
    );
    assert!(
        compliance
            .contains("<td class=\"num-col\" data-label=\"Рівень: самооцінювання → перевірка\">3 → 1</td>")
    );
    assert!(compliance.contains("Строк дії прийнятого винятку минув 30 вересня 2026 року"));
    // the auditor's attestation, with what was verified, in the sign-off
    let sign_off = between(&html, "id=\"sign-off\"", "id=\"methodology\"");
    for line in [
        "<h2 id=\"sign-off-h\">Засвідчення аудитора</h2>",
        "Відповіді самооцінювання, перевірені мною за доказами: 10 з 33",
        "Решту відповідей (23) надала сама організація",
        "Власне ім’я та прізвище",
        "<td class=\"sign-name\" data-label=\"Власне ім’я та прізвище\">Віталій САВЧУК</td>",
        "<td data-label=\"Установа\">Рахункова палата</td>",
    ] {
        assert!(sign_off.contains(line), "{line}");
    }
    assert!(
        !compliance.contains("sign-table"),
        "no signature inside the findings"
    );

    // the exceptions, and the evidence to refresh
    let exceptions = between(&html, "id=\"exceptions\"", "id=\"freshness\"");
    let in_force = between(exceptions, "Чинні винятки", "</table>");
    assert!(in_force.contains("href=\"#i-tr-6\"") && !in_force.contains("href=\"#i-fin-3\""));
    assert!(
        in_force.contains("Строк дії спливає протягом 90 днів"),
        "tr-6 flagged as expiring"
    );
    assert_eq!(
        exceptions.matches("href=\"#i-tr-6\"").count(),
        1,
        "tr-6 listed once"
    );
    assert!(between(exceptions, "Винятки, строк дії яких минув", "</table>").contains("href=\"#i-fin-3\""));
    let freshness = unslash(between(&html, "id=\"freshness\"", "id=\"plan\""));
    // 2023-11-20 to 2026-11-24: 366 + 365 + 365 + 4 days
    assert!(freshness.contains(
        "«Положення про Управління внутрішнього контролю та аудиту МВС» датовано 20 листопада 2023 року, за 1100\u{a0}днів до оцінювання; максимальна давність — 730\u{a0}днів."
    ));
    assert!(
        !freshness.contains("392/2020"),
        "the 2020 decree behind sd-2 is an act in force, never stale"
    );
    assert_eq!(
        freshness.matches("<th scope=\"row\"").count(),
        3,
        "ovs-1 and lead-1 stale, tr-6 without evidence"
    );

    // the basis is stated on the cover, in the methodology and the provenance
    for part in [
        between(&html, "class=\"cover\"", "id=\"summary\""),
        between(&html, "id=\"methodology\"", "id=\"provenance\""),
    ] {
        assert!(part.contains("Перевірені рівні: рівень, встановлений аудитором"));
    }
    assert!(between(&html, "id=\"provenance\"", "</section>").contains("<td>перевірені рівні</td>"));

    // on the self-assessed basis: section 5 is (87.5 + 25 + 37.5 + 58.333 + 100) / 5 = 61.667
    let own = render(REVIEWED, &[OsStr::new("--basis"), OsStr::new("self")]);
    assert!(own.contains("<span class=\"kpi-number\">62,3</span>"));
    assert!(own.contains(
        "<tr class=\"is-scored\"><th scope=\"row\">За самооцінюванням <span class=\"scored-tag\">"
    ));
    assert!(between(&own, "id=\"provenance\"", "</section>").contains("<td>рівні самооцінювання</td>"));
}

#[test]
fn hostile_answers_are_escaped_and_unsafe_links_stay_text() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("hostile.yaml");
    fs::write(
        &answers,
        r#"checklist: dssg-executive
checklist_version: "1.0"
organisation: "Org <i>&</i>"
assessed_on: 2026-11-20
language: en
answers:
  law-1:
    level: 3
    comment: "<script>alert(1)</script>"
    evidence:
      - {title: "<b>x</b>", ref: "javascript:alert(1)"}
      - {title: y, ref: "https://example.org/a?b=1&c=2"}
"#,
    )
    .unwrap();
    let html = render(&answers, &[]);
    let plain = unslash(&html);
    assert!(plain.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    assert_eq!(
        html.to_ascii_lowercase().matches("<script").count(),
        1,
        "only the finder's script element"
    );
    assert_eq!(
        the_script(&html),
        FINDER_JS.trim_end(),
        "the script is the bundled one, untouched"
    );
    assert!(
        !html.to_ascii_lowercase().contains("href=\"javascript:"),
        "no javascript: link"
    );
    assert!(html.contains("href=\"https://example.org/a?b=1&amp;c=2\""));
    assert!(plain.contains("&lt;b&gt;x&lt;/b&gt;"));
    assert!(
        plain.contains("<span class=\"ev-ref\">javascript:alert(1)</span>"),
        "the unsafe reference stays text"
    );
    assert!(plain.contains("Org &lt;i&gt;&amp;&lt;/i&gt;"));
    assert!(!html.contains("<i>&</i>") && !html.contains("<b>x</b>"));
}

#[test]
fn capped_band_is_explained() {
    let dir = tempfile::tempdir().unwrap();
    let answers = dir.path().join("capped.yaml");
    // the first two sections answered, every other indicator not applicable: complete enough
    // to conclude, and scored as if the rest were left out
    let checklist = oversight::catalog::ChecklistRef::Id("dssg-executive".into())
        .load_edition(&oversight::source::Limits::default(), Some("1.0"))
        .expect("bundled")
        .value;
    let rest: String = checklist
        .indicators()
        .iter()
        .skip(9)
        .map(|i| {
            format!(
                "  {}: {{status: not-applicable, comment: outside this test}}\n",
                i.id
            )
        })
        .collect();
    fs::write(
        &answers,
        r#"checklist: dssg-executive
checklist_version: "1.0"
organisation: Capped
assessed_on: 2026-11-20
language: en
answers:
  law-1: {level: 0}
  law-2: {level: 4}
  law-3: {level: 4}
  law-4: {level: 4}
  hr-1: {level: 4}
  hr-2: {level: 4}
  hr-3: {level: 4}
  hr-4: {level: 4}
  hr-5: {level: 1}
"#
        .to_owned()
            + &rest,
    )
    .unwrap();
    let html = render(&answers, &[]);
    let summary = between(&html, "id=\"summary\"", "id=\"contents\"");
    assert!(summary.contains("<span class=\"kpi-number\">80.0</span>"));
    assert!(
        summary.contains("<span class=\"sr-only\">Band </span>Partial</span>"),
        "capped to C"
    );
    assert!(
        summary.contains(
            "<p class=\"capped\">Lowered from band B (Substantial) because of a critical failure</p>"
        )
    );
}

#[test]
fn an_overridden_partial_replaces_only_itself() {
    let templates = tempfile::tempdir().unwrap();
    fs::write(
        templates.path().join("_cover.html.j2"),
        "<header class=\"cover\" id=\"top\"><h1>{{ cover.title }}</h1><p>CUSTOM-COVER-MARKER {{ cover.organisation }}</p></header>\n",
    )
    .unwrap();
    fs::write(
        templates.path().join("style.css"),
        "/* CUSTOM-STYLE-MARKER */ body { color: #000; }\n",
    )
    .unwrap();
    let html = render(
        MINISTRY,
        &[OsStr::new("--templates"), templates.path().as_os_str()],
    );
    assert!(html.contains("<p>CUSTOM-COVER-MARKER Міністерство внутрішніх справ України</p>"));
    assert!(
        !html.contains("class=\"cover-meta\""),
        "the bundled cover is gone"
    );
    let style = between(&html, "<style>", "</style>");
    assert!(style.contains("/* CUSTOM-STYLE-MARKER */ body { color: #000; }"));
    assert!(!style.contains(".cover-meta"), "the bundled stylesheet is gone");
    assert!(
        style.contains(".finder-field"),
        "the finder's styles are still there"
    );
    // the rest of the report is the bundled one
    assert!(html.contains("<span class=\"kpi-number\">59,8</span>"));
    for part in [
        "id=\"summary\"",
        "id=\"contents\"",
        "id=\"charts\"",
        "id=\"findings\"",
        "id=\"plan\"",
        "id=\"methodology\"",
        "id=\"provenance\"",
    ] {
        assert!(html.contains(part), "{part} is still rendered");
    }
    assert!(html.trim_end().ends_with("</html>"));
}

#[test]
fn an_undefined_variable_names_the_template_and_line() {
    let templates = tempfile::tempdir().unwrap();
    fs::write(
        templates.path().join("_cover.html.j2"),
        "<header>\n{{ cover.no_such_field }}\n</header>\n",
    )
    .unwrap();
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("report.html");
    let output = run_report(
        MINISTRY,
        &out,
        &[OsStr::new("--templates"), templates.path().as_os_str()],
    );
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(
        stderr.contains("_cover.html.j2:2"),
        "stderr names the template and line: {stderr}"
    );
    assert!(
        stderr.contains("undefined"),
        "stderr says what is wrong: {stderr}"
    );
    assert!(!out.exists(), "nothing is written");
}

#[test]
fn templates_cannot_include_files_outside_their_folder() {
    let root = tempfile::tempdir().unwrap();
    let secret = root.path().join("secret.txt");
    fs::write(&secret, "TOP-SECRET-MARKER").unwrap();
    let templates = root.path().join("templates");
    fs::create_dir(&templates).unwrap();
    let out = root.path().join("report.html");
    for include in [
        "../labels.yaml".to_owned(),
        "../secret.txt".to_owned(),
        secret.display().to_string(),
    ] {
        fs::write(
            templates.join("_cover.html.j2"),
            format!("{{% include \"{include}\" %}}\n"),
        )
        .unwrap();
        let output = run_report(
            MINISTRY,
            &out,
            &[OsStr::new("--templates"), templates.as_os_str()],
        );
        let stderr = String::from_utf8_lossy(&output.stderr);
        assert_eq!(
            output.status.code(),
            Some(1),
            "including {include} must fail; stderr: {stderr}"
        );
        assert!(
            stderr.contains("_cover.html.j2"),
            "stderr names the template: {stderr}"
        );
        assert!(!stderr.contains("TOP-SECRET-MARKER"));
        assert!(!out.exists(), "nothing is written after including {include}");
    }
}

#[test]
fn two_runs_are_byte_identical() {
    for answers in [MINISTRY, POLICE] {
        let dir = tempfile::tempdir().unwrap();
        let (first, second) = (dir.path().join("first.html"), dir.path().join("second.html"));
        for out in [&first, &second] {
            assert!(run_report(answers, out, &[]).status.success());
        }
        assert_eq!(
            fs::read(&first).unwrap(),
            fs::read(&second).unwrap(),
            "{answers} renders the same twice"
        );
    }
}

/// The bundled finder script, which every HTML report carries inline.
const FINDER_JS: &str = include_str!("../report-templates/default/finder.js");

/// The text of the page's one `<script>` element.
fn the_script(html: &str) -> &str {
    between(html, "<script>", "</script>")
        .strip_prefix("<script>")
        .expect("the script element")
}

#[test]
fn the_report_is_self_contained() {
    for answers in [MINISTRY, POLICE] {
        let page = render(answers, &[]);
        // One inline script, which its policy names by hash; the policy forbids every request.
        let digest = <sha2::Sha256 as sha2::Digest>::digest(the_script(&page).as_bytes());
        let hash = base64::Engine::encode(&base64::engine::general_purpose::STANDARD, digest);
        assert!(page.contains(&format!(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{hash}'\">"
        )));
        let html = page.to_ascii_lowercase();
        assert_eq!(
            html.matches("<script").count(),
            1,
            "{answers}: one script element"
        );
        for forbidden in [
            "<script src",
            "fetch(",
            "xmlhttprequest",
            "websocket",
            "<link",
            "<img",
            "<iframe",
            "@import",
            "url(",
            "@font-face",
            " src=\"",
        ] {
            assert!(
                !html.contains(forbidden),
                "{answers}: the report must not contain `{forbidden}`"
            );
        }
    }
}

/// `chromium` (or `chromium-browser`) on PATH.
fn find_chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    std::env::split_paths(&path)
        .flat_map(|dir| ["chromium", "chromium-browser"].map(|name| dir.join(name)))
        .find(|candidate| candidate.is_file())
}

/// Chromium, or `None` (with a note) where it is not installed; on CI it must be.
fn chromium_or_skip() -> Option<PathBuf> {
    let found = find_chromium();
    if found.is_none() {
        if std::env::var_os("CI").is_some() {
            panic!("chromium is not installed, and CI must never skip this test (apt-get install chromium)");
        }
        eprintln!("skipped: chromium not installed (apt-get install chromium)");
    }
    found
}

/// Runs headless Chromium on `page` with `args` (its standard output to `stdout`), in a fresh
/// profile under `dir`, with no background traffic; fails after 90 seconds.
fn headless(chromium: &Path, dir: &Path, args: &[String], page: &Path, stdout: fs::File) {
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", dir.join("profile").display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(stdout)
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let deadline = Instant::now() + Duration::from_secs(90);
    let status = loop {
        if let Some(status) = child.try_wait().expect("waiting for chromium") {
            break status;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            let _ = child.wait();
            panic!("chromium did not finish within 90 seconds");
        }
        std::thread::sleep(Duration::from_millis(100));
    };
    assert!(status.success(), "chromium failed: {status:?}");
}

#[test]
fn headless_chromium_renders_the_report() {
    let Some(chromium) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let report = dir.path().join("ministry-uk.html");
    assert!(run_report(MINISTRY, &report, &[]).status.success());
    let dom_file = dir.path().join("dom.html");
    let dom_out = fs::File::create(&dom_file).unwrap();
    headless(
        &chromium,
        dir.path(),
        &["--dump-dom".to_owned()],
        &report,
        dom_out,
    );
    let dom = fs::read_to_string(&dom_file).unwrap();
    assert!(dom.contains(TITLE_UK), "the DOM has the checklist title");
    assert!(
        dom.contains("<span class=\"kpi-number\">59,8</span>"),
        "the DOM has the overall score"
    );
    assert!(dom.contains("</html>"));
}

/// The page count of a PDF, by pdfinfo (poppler-utils, which CI installs with Chromium).
fn pdf_pages(path: &Path) -> usize {
    let output = Command::new("pdfinfo")
        .arg(path)
        .output()
        .expect("pdfinfo runs (apt-get install poppler-utils)");
    String::from_utf8_lossy(&output.stdout)
        .lines()
        .find_map(|l| l.strip_prefix("Pages:"))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("pdfinfo reads {}", path.display()))
}

#[test]
fn a_printed_report_has_at_most_half_as_many_pages_again_as_the_pdf() {
    let Some(chromium) = chromium_or_skip() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    for answers in [MINISTRY, REVIEWED, POLICE] {
        let html = dir.path().join("report.html");
        let native = dir.path().join("report.pdf");
        let printed = dir.path().join("printed.pdf");
        assert!(run_report(answers, &html, &[]).status.success());
        let output = Command::new(env!("CARGO_BIN_EXE_oversight"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(["report", answers, "--format", "pdf", "--date", DATE, "-o"])
            .arg(&native)
            .output()
            .expect("the oversight binary runs");
        assert!(
            output.status.success(),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let args = [
            "--no-pdf-header-footer".to_owned(),
            format!("--print-to-pdf={}", printed.display()),
        ];
        headless(
            &chromium,
            dir.path(),
            &args,
            &html,
            fs::File::create(dir.path().join("out")).unwrap(),
        );
        let (printed, native) = (pdf_pages(&printed), pdf_pages(&native));
        assert!(
            2 * printed <= 3 * native,
            "{answers}: printed from the browser on {printed} pages, the PDF has {native}"
        );
    }
}

/// Runs a report with `templates` as `--templates`, expecting failure; returns stderr.
fn failing_report(templates: &Path) -> String {
    let out_dir = tempfile::tempdir().unwrap();
    let out = out_dir.path().join("report.html");
    let output = run_report(
        MINISTRY,
        &out,
        &[OsStr::new("--templates"), templates.as_os_str()],
    );
    let stderr = String::from_utf8_lossy(&output.stderr).into_owned();
    assert_eq!(output.status.code(), Some(1), "stderr: {stderr}");
    assert!(!out.exists(), "nothing is written");
    assert!(!stderr.contains("panicked"), "{stderr}");
    stderr
}

#[cfg(unix)]
#[test]
fn a_symlink_cannot_lead_a_template_out_of_its_folder() {
    use std::os::unix::fs::symlink;
    let root = tempfile::tempdir().unwrap();
    let secret = root.path().join("secret.txt");
    fs::write(&secret, "TOP-SECRET-MARKER").unwrap();
    let templates = root.path().join("templates");
    fs::create_dir(&templates).unwrap();

    // An include of a link inside the folder that points outside it.
    symlink(&secret, templates.join("innocent.html")).unwrap();
    fs::write(
        templates.join("_cover.html.j2"),
        "{% include \"innocent.html\" %}\n",
    )
    .unwrap();
    let stderr = failing_report(&templates);
    assert!(
        stderr.contains("`innocent.html` leads outside the template folder"),
        "{stderr}"
    );
    assert!(stderr.contains("_cover.html.j2"), "{stderr}");
    assert!(!stderr.contains("TOP-SECRET-MARKER"));

    // A link in place of a template, and a linked folder.
    fs::remove_file(templates.join("_cover.html.j2")).unwrap();
    symlink(&secret, templates.join("_cover.html.j2")).unwrap();
    let stderr = failing_report(&templates);
    assert!(
        stderr.contains("`_cover.html.j2` leads outside the template folder"),
        "{stderr}"
    );
    assert!(!stderr.contains("TOP-SECRET-MARKER"));
    fs::remove_file(templates.join("_cover.html.j2")).unwrap();
    symlink(root.path(), templates.join("up")).unwrap();
    fs::write(
        templates.join("_cover.html.j2"),
        "{% include \"up/secret.txt\" %}\n",
    )
    .unwrap();
    let stderr = failing_report(&templates);
    assert!(
        stderr.contains("`up/secret.txt` leads outside the template folder"),
        "{stderr}"
    );
    assert!(!stderr.contains("TOP-SECRET-MARKER"));

    // A labels.yaml that is a link out of the folder.
    fs::remove_file(templates.join("_cover.html.j2")).unwrap();
    symlink(&secret, templates.join("labels.yaml")).unwrap();
    let stderr = failing_report(&templates);
    assert!(
        stderr.contains("`labels.yaml` leads outside the template folder"),
        "{stderr}"
    );
}

#[cfg(unix)]
#[test]
fn links_that_stay_inside_the_folder_work() {
    use std::os::unix::fs::symlink;
    let root = tempfile::tempdir().unwrap();
    let real = root.path().join("real");
    fs::create_dir(&real).unwrap();
    fs::write(real.join("cover.html"), "<header>LINKED-COVER-MARKER</header>\n").unwrap();
    symlink("cover.html", real.join("_cover.html.j2")).unwrap();
    // The folder itself may be reached through a link.
    let linked = root.path().join("linked");
    symlink(&real, &linked).unwrap();
    let html = render(MINISTRY, &[OsStr::new("--templates"), linked.as_os_str()]);
    assert!(html.contains("<header>LINKED-COVER-MARKER</header>"));
}

#[cfg(unix)]
#[test]
fn an_override_that_is_not_a_regular_file_is_an_error() {
    let templates = tempfile::tempdir().unwrap();
    let fifo = templates.path().join("_cover.html.j2");
    let made = Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
    assert!(made.success());
    let start = Instant::now();
    let stderr = failing_report(templates.path());
    assert!(start.elapsed() < Duration::from_secs(20), "a FIFO is not opened");
    assert!(
        stderr.contains(
            "the override `_cover.html.j2` cannot be used: this is a named pipe (FIFO), not a regular file"
        ),
        "{stderr}"
    );
    fs::remove_file(&fifo).unwrap();
    fs::create_dir(&fifo).unwrap();
    let stderr = failing_report(templates.path());
    assert!(
        stderr.contains("the override `_cover.html.j2` cannot be used: this is a folder, not a regular file"),
        "{stderr}"
    );
    fs::remove_dir(&fifo).unwrap();
    std::os::unix::fs::symlink("/dev/zero", templates.path().join("labels.yaml")).unwrap();
    let stderr = failing_report(templates.path());
    assert!(stderr.contains("leads outside the template folder"), "{stderr}");
}

#[test]
fn a_template_syntax_error_names_the_file_and_line() {
    let templates = tempfile::tempdir().unwrap();
    fs::write(
        templates.path().join("_summary.html.j2"),
        "<section>\n{% for x in %}\n</section>\n",
    )
    .unwrap();
    let stderr = failing_report(templates.path());
    assert_eq!(
        stderr,
        "error: cannot render the template `_summary.html.j2`\n  caused by: syntax error: unexpected end of block (in _summary.html.j2:2)\n"
    );
}

#[test]
fn a_runaway_template_runs_out_of_fuel() {
    let templates = tempfile::tempdir().unwrap();
    fs::write(
        templates.path().join("_toc.html.j2"),
        "{% for a in range(100000) %}{% for b in range(100000) %}{{ a }}{% endfor %}{% endfor %}\n",
    )
    .unwrap();
    let start = Instant::now();
    let stderr = failing_report(templates.path());
    assert!(stderr.contains("engine ran out of fuel"), "{stderr}");
    assert!(stderr.contains("_toc.html.j2"), "{stderr}");
    assert!(
        start.elapsed() < Duration::from_secs(60),
        "took {:?}",
        start.elapsed()
    );

    fs::write(
        templates.path().join("_toc.html.j2"),
        "{% macro again(n) %}{{ again(n + 1) }}{% endmacro %}{{ again(0) }}\n",
    )
    .unwrap();
    let stderr = failing_report(templates.path());
    assert!(stderr.contains("_toc.html.j2"), "{stderr}");

    // Little fuel, but 300 MB of output.
    fs::write(
        templates.path().join("_toc.html.j2"),
        "{% set big = \"x\" * 1000000 %}{% for i in range(300) %}{{ big }}{% endfor %}\n",
    )
    .unwrap();
    let stderr = failing_report(templates.path());
    assert!(
        stderr.contains("the report would be larger than 268435456 bytes"),
        "{stderr}"
    );
}

#[test]
fn every_user_written_text_is_escaped() {
    // Closes an attribute, opens an element with a handler, and holds an entity.
    const EVIL: &str = r#""'><x-evil onmouseover="alert(1)">&amp;</x-evil>"#;
    let dir = tempfile::tempdir().unwrap();
    let q = |text: &str| format!("'{}'", text.replace('\'', "''"));
    let evil = q(EVIL);
    let checklist = format!(
        r#"id: evil
version: {evil}
languages: [en]
title: {evil}
description: {evil}
source: {evil}
scales:
  {evil}:
    label: {evil}
    levels:
      - {{value: 0, label: {evil}, description: {evil}}}
      - {{value: 1, label: {evil}}}
      - {{value: 2, label: {evil}}}
scoring:
  bands:
    - {{min: 0, code: {evil}, label: {evil}}}
    - {{min: 50, code: {code}, label: {evil}}}
  critical_cap: {evil}
sections:
  - id: s-1
    title: {evil}
    description: {evil}
    indicators:
      - {{id: i-1, text: {evil}, guidance: {evil}, scale: {evil}, critical: true, evidence: [{evil}], references: [{evil}]}}
      - {{id: i-2, text: {evil}, scale: {evil}}}
  - id: s-2
    title: {evil}
    indicators:
      - {{id: i-3, text: {evil}, scale: {evil}}}
  - id: s-3
    title: {evil}
    indicators:
      - {{id: i-4, text: {evil}, scale: {evil}}}
"#,
        code = q(&format!("{EVIL}2")),
    );
    let answers = format!(
        r#"checklist: evil
checklist_version: {evil}
organisation: {evil}
assessed_on: 2026-11-20
period: {{from: 2026-01-01, to: 2026-06-30}}
assessors: [{{name: {evil}, role: {evil}}}]
answers:
  i-1:
    level: 0
    comment: {evil}
    evidence: [{{title: {evil}, ref: {evil}}}, {{title: {evil}, ref: {js}}}]
    action: {{text: {evil}, owner: {evil}, due: 2026-12-01}}
  i-2: {{status: not-applicable, comment: {evil}}}
  i-3: {{level: 2}}
  i-4: {{status: not-enough-information, comment: {evil}}}
"#,
        js = q(&format!("javascript:{EVIL}")),
    );
    fs::write(dir.path().join("evil.yaml"), checklist).unwrap();
    fs::write(dir.path().join("answers.yaml"), answers).unwrap();
    let checklist_path = dir.path().join("evil.yaml");
    let html = render(
        dir.path().join("answers.yaml"),
        &[OsStr::new("--checklist"), checklist_path.as_os_str()],
    );
    assert!(!html.contains("<x-evil"), "a user-written text became markup");
    assert!(!html.contains("onmouseover=\"alert"), "a text left its attribute");
    assert!(!html.to_ascii_lowercase().contains("href=\"javascript:"));
    let escaped = html
        .matches("&lt;x-evil onmouseover=&quot;alert(1)&quot;&gt;&amp;amp;")
        .count();
    assert!(escaped >= 30, "the texts are shown, escaped ({escaped} times)");
}

#[test]
fn a_criteria_indicator_says_what_its_level_0_means() {
    let html = render(MINISTRY, &[]);
    // tr-6 meets none of its criteria: its level-0 description is the one that applies
    let tr6 = between(&html, "id=\"i-tr-6\"", "</article>");
    assert!(tr6.contains(
        "<p class=\"level-meaning level-meaning--reached\"><span class=\"level-meaning-level\">0 — Відсутній:</span> Пріоритети щодо залучення визначають без оприлюдненого порядку.</p>"
    ));
    // law-1 meets all four: the description is there to read, not the one reached
    let law1 = between(&html, "id=\"i-law-1\"", "</article>");
    assert!(law1.contains(
        "<p class=\"level-meaning\"><span class=\"level-meaning-level\">0 — Відсутній:</span> Переліку повноважень органів немає"
    ));
}
