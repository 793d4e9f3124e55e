//! HTML outputs: minijinja templates rendering the [`ReportView`], and through
//! [`Templates::render_entry`] the comparison and portfolio views.
//!
//! The default templates (`report-templates/default/`) are compiled into the binary. A
//! `--templates DIR` folder overrides any of them by file name; names that try to leave the
//! folder (`../`, absolute paths) are refused. Undefined variables are errors, HTML escaping
//! is on for `.html` and `.html.j2` templates, and a fuel limit stops runaway loops.

use crate::error::{Error, Result};
use crate::i18n::Catalogue;
use crate::report::ReportView;
use crate::source::{Limits, Source};
use include_dir::{Dir, include_dir};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::Serde;
use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use std::path::{Component, Path, PathBuf};

static DEFAULT_TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/report-templates/default");

/// The entry template of the HTML report.
pub const ENTRY: &str = "report.html.j2";

/// The entry template of the comparison of two rounds.
pub const COMPARE_ENTRY: &str = "compare.html.j2";
/// The entry template of the HTML portfolio.
pub const PORTFOLIO_ENTRY: &str = "portfolio.html.j2";

/// The label catalogue's file name.
const LABELS: &str = "labels.yaml";

/// Enough for reports of tens of thousands of indicators; stops a template that never ends.
const FUEL: u64 = 200_000_000;

/// Where templates come from: the bundled set, with an optional folder of overrides.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    overrides: Option<PathBuf>,
}

impl Templates {
    /// The bundled templates, overridden file by file from `folder` when given.
    pub fn new(folder: Option<&Path>) -> Result<Templates> {
        if let Some(folder) = folder
            && !folder.is_dir()
        {
            let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder");
            return Err(Error::Templates {
                path: folder.to_owned(),
                source,
            });
        }
        Ok(Templates {
            overrides: folder.map(Path::to_owned),
        })
    }

    /// The text of a template or asset by file name: the override if there is one, else the bundled one.
    pub fn read(&self, name: &str) -> Option<String> {
        let relative = safe_relative(name)?;
        if let Some(folder) = &self.overrides {
            let path = folder.join(&relative);
            if path.is_file() {
                return std::fs::read_to_string(path).ok();
            }
        }
        DEFAULT_TEMPLATES
            .get_file(&relative)
            .and_then(|f| f.contents_utf8())
            .map(str::to_owned)
    }

    /// The label catalogue: the bundled one, with the translations of a `labels.yaml` in the
    /// override folder replacing or adding to it (an organisation's wording, a third language).
    pub fn catalogue(&self) -> Result<Catalogue> {
        let Some(path) = self
            .overrides
            .as_ref()
            .map(|f| f.join(LABELS))
            .filter(|p| p.is_file())
        else {
            return Ok(Catalogue::bundled());
        };
        let source = Source::read(&path, &Limits::default())?;
        Ok(Catalogue::bundled().overridden_by(&Catalogue::parse(&source)?))
    }

    fn environment(&self) -> Environment<'_> {
        let mut env = Environment::new();
        env.set_undefined_behavior(UndefinedBehavior::Strict);
        env.set_fuel(Some(FUEL));
        env.set_auto_escape_callback(|name| {
            if name.ends_with(".html") || name.ends_with(".html.j2") || name.ends_with(".svg.j2") {
                AutoEscape::Html
            } else {
                AutoEscape::None
            }
        });
        if let Ok(syntax) = SyntaxConfig::builder()
            .trim_blocks(true)
            .lstrip_blocks(true)
            .build()
        {
            env.set_syntax(syntax);
        }
        let templates = self.clone();
        env.set_loader(move |name| Ok(templates.read(name)));
        env
    }

    /// Renders the HTML report.
    pub fn render(&self, view: &ReportView) -> Result<String> {
        self.render_entry(ENTRY, view)
    }

    /// Renders the template `entry` (such as [`COMPARE_ENTRY`]) with `view` as its context.
    pub fn render_entry(&self, entry: &str, view: &impl serde::Serialize) -> Result<String> {
        let env = self.environment();
        let template_error = |source: minijinja::Error| {
            let name = source.name().unwrap_or(entry).to_owned();
            Error::Template { name, source }
        };
        let template = env.get_template(entry).map_err(template_error)?;
        template.render(Serde(view)).map_err(template_error)
    }
}

/// `name` as a path inside the template folder, or `None` if it would leave it.
fn safe_relative(name: &str) -> Option<PathBuf> {
    let path = Path::new(name);
    let inside = path.components().all(|c| matches!(c, Component::Normal(_))) && !name.contains('\\');
    (inside && !name.is_empty()).then(|| path.to_owned())
}
