//! The offline questionnaire (`oversight form`): the YAML its script writes is the YAML the
//! engine's serialiser writes, no text of the checklist reaches the page as markup, and `form`
//! and `schema` refuse an output file of another kind.
//!
//! Each example answers file opens pre-filled in headless Chromium (`--dump-dom`); the answers
//! file the page would save (shown in its `#answers-yaml` preview) must parse to the same
//! answers document as the example itself and as `write::answers::yaml` of it. The interactive
//! part (mouse, keyboard, saving, opening) is `tests/python/test_form.py`.

use crate::support::{binary, chromium_present, root, stderr};
use oversight::model::AnswersDoc;
use oversight::source::Source;
use oversight::write::answers::yaml;
use std::path::Path;
use std::process::Command;

const CHROMIUM: &str = "/usr/bin/chromium";

/// The page's DOM once its script ran, from a fresh browser profile; `None` (with a note) where
/// there is no Chromium and `CI` is not set.
fn rendered(html: &Path, profile: &Path) -> Option<String> {
    if !chromium_present() {
        return None;
    }
    let output = Command::new(CHROMIUM)
        .args(["--headless", "--no-sandbox", "--disable-gpu"])
        .args([
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ])
        .arg(format!("--user-data-dir={}", profile.display()))
        .arg("--dump-dom")
        .arg(format!("file://{}", html.display()))
        .output()
        .expect("chromium runs");
    assert!(output.status.success(), "chromium: {}", stderr(&output));
    Some(String::from_utf8(output.stdout).expect("the DOM is UTF-8"))
}

/// The text of the element `<tag id="id">` in serialised HTML, its entities decoded.
fn text_of(dom: &str, tag: &str, id: &str) -> String {
    let open = format!("<{tag} id=\"{id}\">");
    let start = dom.find(&open).unwrap_or_else(|| panic!("no {open} in the page")) + open.len();
    let end = start
        + dom[start..]
            .find(&format!("</{tag}>"))
            .expect("the element closes");
    dom[start..end]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&nbsp;", "\u{a0}")
        .replace("&amp;", "&")
}

fn parse(name: &str, text: &str) -> AnswersDoc {
    Source::from_bytes(name, text.as_bytes())
        .and_then(|source| source.parse())
        .unwrap_or_else(|d| panic!("{name} does not parse: {d}\n{text}"))
}

/// The form pre-filled with `answers` (against `checklist` when given), as the page renders it.
fn form_of(answers: &str, checklist: Option<&str>, dir: &Path) -> Option<String> {
    let html = dir.join("form.html");
    let mut command = binary();
    command.current_dir(root()).arg("form");
    command.arg(checklist.unwrap_or("dssg-executive"));
    command.args(["--answers", answers, "--force", "-o"]).arg(&html);
    let output = command.output().expect("the binary runs");
    assert!(output.status.success(), "oversight form: {}", stderr(&output));
    rendered(&html, &dir.join("profile"))
}

#[test]
fn the_form_writes_every_example_back_as_the_engines_serialiser_does() {
    let methods = [
        "gdi-style",
        "obs-style",
        "pefa-style",
        "sai-pmf-style",
        "sigma-style",
    ];
    let mut cases: Vec<(String, Option<String>)> = [
        "examples/answers/ministry-uk.yaml",
        "examples/answers/ministry-uk-reviewed.yaml",
        "examples/answers/patrol-police-uk-draft.yaml",
        "examples/answers/police-en-partial.yaml",
        "examples/rounds/2025/border-guard-west.yaml",
        "examples/rounds/2026/border-guard-west.yaml",
        "examples/assessors/melnyk.yaml",
        "examples/edition-1.0/answers/ministry-uk-reviewed.yaml",
        "examples/edition-1.0/answers/police-en-partial.yaml",
    ]
    .iter()
    .map(|path| ((*path).to_owned(), None))
    .collect();
    cases.extend(methods.iter().map(|name| {
        (
            format!("examples/methods/{name}.yaml"),
            Some(format!("checklists/methods/{name}.yaml")),
        )
    }));
    for (answers, checklist) in cases {
        let dir = tempfile::tempdir().expect("a temporary folder");
        let Some(dom) = form_of(&answers, checklist.as_deref(), dir.path()) else {
            return;
        };
        let written = text_of(&dom, "pre", "answers-yaml");
        let from_form = parse("form.yaml", &written);
        let text = std::fs::read_to_string(root().join(&answers)).expect("the example reads");
        let original = parse(&answers, &text);
        assert_eq!(from_form, original, "{answers}: the form's YAML:\n{written}");
        assert_eq!(
            from_form,
            parse("serialised.yaml", &yaml(&original)),
            "{answers}: the serialiser's YAML"
        );
    }
}

#[test]
fn no_text_of_the_checklist_is_read_as_markup() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let checklist = dir.path().join("hostile.yaml");
    let title = "</script><b id=\"bold\">Bold</b> & <!-- more";
    std::fs::write(
        &checklist,
        format!(
            "id: hostile\nversion: \"1\"\nlanguages: [en]\ntitle: '{title}'\n\
             scales: {{s: {{levels: [{{value: 0, label: No}}, {{value: 1, label: Yes}}]}}}}\n\
             sections: [{{id: a, title: A, indicators: [{{id: a-1, text: '<img src=x>', scale: s}}]}}]\n"
        ),
    )
    .expect("the checklist is written");
    let html = dir.path().join("form.html");
    let output = binary()
        .args(["form"])
        .arg(&checklist)
        .arg("-o")
        .arg(&html)
        .output()
        .expect("the binary runs");
    assert!(output.status.success(), "{}", stderr(&output));
    let page = std::fs::read_to_string(&html).expect("the form reads");
    assert_eq!(
        page.matches("</script>").count(),
        3,
        "the data, js-yaml and the form's script"
    );
    let Some(dom) = rendered(&html, &dir.path().join("profile")) else {
        return;
    };
    assert!(
        !dom.contains("<b ") && !dom.contains("<img"),
        "no element made of a text"
    );
    assert!(dom.contains(
        "Self-assessment form: &lt;/script&gt;&lt;b id=\"bold\"&gt;Bold&lt;/b&gt; &amp; &lt;!-- more"
    ));
}

#[test]
fn the_form_and_the_schemas_refuse_an_output_of_another_kind() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let form = crate::support::run_in(dir.path(), &["form", "dssg-executive", "-o", "form.txt"]);
    assert_eq!(form.status.code(), Some(2));
    assert_eq!(
        stderr(&form),
        "error: `-o form.txt` must name a .html or .htm file, or be `-` for standard output\n\n\
         Usage: oversight form [OPTIONS] --output <FILE.html> <CHECKLIST>\n\n\
         For more information, try '--help'.\n"
    );
    let schema = crate::support::run_in(dir.path(), &["schema", "checklist", "-o", "s.yaml"]);
    assert_eq!(schema.status.code(), Some(2));
    assert!(
        stderr(&schema)
            .starts_with("error: `-o s.yaml` must name a .json file, or be `-` for standard output\n"),
        "{}",
        stderr(&schema)
    );
    assert_eq!(
        std::fs::read_dir(dir.path()).expect("the folder").count(),
        0,
        "nothing written"
    );
}
