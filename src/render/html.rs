//! HTML outputs: minijinja templates rendering the [`ReportView`], and through
//! [`Templates::render_entry`] the comparison and portfolio views and the plan on its own.
//!
//! The default templates (`report-templates/default/`) are compiled into the binary. A
//! `--templates DIR` folder overrides any of them by file name; names that try to leave the
//! folder (`../`, absolute paths) are refused, and so is a file that resolves outside the
//! folder through a symbolic link. Undefined variables are errors, HTML escaping is on for
//! `.html` and `.html.j2` templates, and a fuel limit stops runaway loops. The filter
//! `csp_hash` gives the Content-Security-Policy source of an inline script, so that a report's
//! policy lets exactly its own script run and forbids every request.

use crate::error::{Error, Result};
use crate::i18n::Catalogue;
use crate::report::ReportView;
use crate::source::read;
use crate::source::{Limits, Source};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use include_dir::{Dir, include_dir};
use minijinja::syntax::SyntaxConfig;
use minijinja::value::{Serde, Value};
use minijinja::{AutoEscape, Environment, ErrorKind, UndefinedBehavior};
use sha2::{Digest, Sha256};
use std::path::{Component, Path, PathBuf};

static DEFAULT_TEMPLATES: Dir<'_> = include_dir!("$CARGO_MANIFEST_DIR/report-templates/default");

/// The entry template of the HTML report.
pub const ENTRY: &str = "report.html.j2";

/// The entry template of the comparison of two rounds.
pub const COMPARE_ENTRY: &str = "compare.html.j2";
/// The entry template of the HTML portfolio.
pub const PORTFOLIO_ENTRY: &str = "portfolio.html.j2";
/// The entry template of the improvement plan on its own.
pub const PLAN_ENTRY: &str = "plan.html.j2";

/// The label catalogue's file name.
const LABELS: &str = "labels.yaml";

/// Enough for reports of tens of thousands of indicators; stops a template that never ends.
const FUEL: u64 = 200_000_000;

/// The largest HTML report rendered: far above a real one (5,000 indicators give about 35 MB),
/// it stops a template that writes a huge text over and over with little fuel.
const MAX_OUTPUT_BYTES: usize = 256 * 1024 * 1024;

/// Where templates come from: the bundled set, with an optional folder of overrides.
#[derive(Debug, Clone, Default)]
pub struct Templates {
    overrides: Option<Overrides>,
}

/// The `--templates` folder as the user named it, and with every link resolved.
#[derive(Debug, Clone)]
struct Overrides {
    folder: PathBuf,
    resolved: PathBuf,
}

impl Templates {
    /// The bundled templates, overridden file by file from `folder` when given.
    pub fn new(folder: Option<&Path>) -> Result<Templates> {
        let Some(folder) = folder else {
            return Ok(Templates::default());
        };
        let templates_error = |source| Error::Templates {
            path: folder.to_owned(),
            source,
        };
        let resolved = folder.canonicalize().map_err(templates_error)?;
        if !resolved.is_dir() {
            let source = std::io::Error::new(std::io::ErrorKind::NotFound, "not a folder");
            return Err(templates_error(source));
        }
        Ok(Templates {
            overrides: Some(Overrides {
                folder: folder.to_owned(),
                resolved,
            }),
        })
    }

    /// The text of a template or asset by file name: the override if there is one, else the
    /// bundled one. An override that resolves outside the folder, or cannot be read, is an error.
    fn load(&self, name: &str) -> std::result::Result<Option<String>, minijinja::Error> {
        let Some(relative) = safe_relative(name) else {
            return Ok(None);
        };
        if let Some(path) = self.override_path(&relative)? {
            let unreadable = |why: String| {
                minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    format!("cannot read `{name}`: {why}"),
                )
            };
            let max_bytes = Limits::default().max_file_bytes;
            let bytes = read::file(&path, max_bytes).map_err(|why| unreadable(why.describe(max_bytes)))?;
            return String::from_utf8(bytes)
                .map(Some)
                .map_err(|_| unreadable("it is not UTF-8 text".to_owned()));
        }
        Ok(DEFAULT_TEMPLATES
            .get_file(&relative)
            .and_then(|f| f.contents_utf8())
            .map(str::to_owned))
    }

    /// The file in the override folder for `relative`, if there is one and it stays inside.
    fn override_path(&self, relative: &Path) -> std::result::Result<Option<PathBuf>, minijinja::Error> {
        let Some(overrides) = &self.overrides else {
            return Ok(None);
        };
        let candidate = overrides.folder.join(relative);
        if std::fs::symlink_metadata(&candidate).is_err() {
            return Ok(None);
        }
        match candidate.canonicalize() {
            Ok(path) if path.starts_with(&overrides.resolved) => match std::fs::metadata(&path)
                .map_err(|e| e.to_string())
                .and_then(|m| read::regular(&m).map_err(|why| why.describe(0)))
            {
                Ok(()) => Ok(Some(candidate)),
                Err(why) => Err(minijinja::Error::new(
                    ErrorKind::InvalidOperation,
                    format!("the override `{}` cannot be used: {why}", relative.display()),
                )),
            },
            _ => Err(minijinja::Error::new(
                ErrorKind::InvalidOperation,
                format!(
                    "`{}` leads outside the template folder; templates may only use files inside it",
                    relative.display()
                ),
            )),
        }
    }

    /// The label catalogue: the bundled one, with the translations of a `labels.yaml` in the
    /// override folder replacing or adding to it (an organisation's wording, a third language).
    pub fn catalogue(&self) -> Result<Catalogue> {
        let path = self
            .override_path(Path::new(LABELS))
            .map_err(|source| Error::Template {
                name: LABELS.to_owned(),
                source,
            })?;
        let Some(path) = path else {
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
        env.add_filter("csp_hash", csp_hash);
        env.add_filter("css_string", css_string);
        let templates = self.clone();
        env.set_loader(move |name| templates.load(name));
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
        let mut output = Bounded(Vec::new());
        template
            .render_captured_to(Serde(view), &mut output)
            .map_err(template_error)?;
        Ok(
            String::from_utf8(output.0)
                .unwrap_or_else(|e| String::from_utf8_lossy(e.as_bytes()).into_owned()),
        )
    }
}

/// The rendered report, refusing to grow past [`MAX_OUTPUT_BYTES`].
struct Bounded(Vec<u8>);

impl std::io::Write for Bounded {
    fn write(&mut self, bytes: &[u8]) -> std::io::Result<usize> {
        if self.0.len() + bytes.len() > MAX_OUTPUT_BYTES {
            return Err(std::io::Error::other(format!(
                "the report would be larger than {MAX_OUTPUT_BYTES} bytes"
            )));
        }
        self.0.extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

/// The Content-Security-Policy source that allows an inline script of exactly `text`:
/// `'sha256-…'`, the base64 of its SHA-256.
fn csp_hash(text: &str) -> Value {
    let digest = Sha256::digest(text.as_bytes());
    Value::from_safe_string(format!("'sha256-{}'", STANDARD.encode(digest)))
}

/// `text` as a quoted CSS string (for `content:` in a stylesheet): every character but letters,
/// digits and spaces written as a hex escape, so that no quote, backslash, brace or `</style>`
/// in the text can end the string or the stylesheet.
fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in text.chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:06x}", u32::from(c)));
        }
    }
    out.push('"');
    out
}

/// `name` as a path inside the template folder, or `None` if it would leave it.
fn safe_relative(name: &str) -> Option<PathBuf> {
    let path = Path::new(name);
    let inside = path.components().all(|c| matches!(c, Component::Normal(_))) && !name.contains('\\');
    (inside && !name.is_empty()).then(|| path.to_owned())
}
