//! The offline questionnaire (`oversight form`): one self-contained HTML page that guides a unit
//! through a checklist in the browser and saves an answers file, with no server and no network.
//!
//! [`data`] turns the checklist (and the answers it opens with) into the JSON its script renders;
//! this module puts that, the style sheet, the script and the YAML reader it uses to open
//! answers files into one page (`assets/form/`). The page's script writes the answers file in
//! the key order and quoting of [`crate::write::answers`]; a test checks that the two agree.

pub mod data;

use crate::i18n::Catalogue;
use crate::model::{AnswersDoc, Checklist};
use minijinja::{Environment, context};

const PAGE: &str = include_str!("../../assets/form/form.html.j2");
const STYLE: &str = include_str!("../../assets/form/form.css");
const SCRIPT: &str = include_str!("../../assets/form/form.js");
/// js-yaml 4.1.0 (MIT, `assets/form/js-yaml.LICENSE`), which reads an answers file back.
const YAML_READER: &str = include_str!("../../assets/form/js-yaml.min.js");

/// The questionnaire's HTML, opening in `lang`, pre-filled with `answers` when given.
pub fn form(
    checklist: &Checklist,
    answers: Option<&AnswersDoc>,
    lang: &str,
    catalogue: &Catalogue,
) -> String {
    let answers = answers.map(|doc| serde_json::to_value(doc).expect("answers serialize to JSON"));
    let data = data::form_data(checklist, lang, catalogue, answers);
    let labels = catalogue.labels(lang);
    let title = labels.fill(
        "form_title",
        &[("title", checklist.title().get(lang, checklist.default_language()))],
    );
    let mut env = Environment::new();
    env.add_template("form.html", PAGE)
        .expect("the form's page template parses");
    env.get_template("form.html")
        .and_then(|page| {
            page.render(context! {
                lang,
                version => crate::VERSION,
                title,
                noscript => labels.get("form_noscript"),
                css => STYLE,
                data => script_json(&data),
                yaml_reader => YAML_READER,
                script => SCRIPT,
            })
        })
        .expect("the form's page template renders")
}

/// JSON that may stand inside a `<script>` element: no `<` can close it or open a comment.
fn script_json(data: &data::FormData) -> String {
    serde_json::to_string(data)
        .expect("the form's data serializes")
        .replace('<', "\\u003c")
}
