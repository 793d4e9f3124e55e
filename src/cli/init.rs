//! `oversight init CHECKLIST`: an answers skeleton to fill in.

use super::terminal::print_data;
use super::{CommandResult, Outcome, print_diagnostics, today};
use oversight::catalog::ChecklistRef;
use oversight::i18n::Catalogue;
use oversight::model::Checklist;
use oversight::model::ScopeIds;
use oversight::output::{WritePolicy, write_all, write_atomic};
use oversight::skeleton::skeleton;
use oversight::source::Limits;
use oversight::source::read::is_stdin;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The checklist, as a path or an id
    #[arg(value_name = "CHECKLIST")]
    checklist: String,
    /// Language of the texts and comments [default: the checklist's first language]
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// Write to this file instead of standard output (`-` for standard output)
    #[arg(short, long, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,
    /// Limit the assessment to these scope values (repeat or separate by commas); `--type` is
    /// the same, for a checklist's organisation types (`--type police`)
    #[arg(long, visible_alias = "type", value_name = "VALUE", value_delimiter = ',')]
    scope: Vec<String>,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let reference = ChecklistRef::parse(&args.checklist);
    let loaded = reference.load(limits)?;
    print_diagnostics(&loaded.warnings);
    let checklist = loaded.value;
    super::check_language(args.lang.as_deref(), &checklist)?;
    let lang = args
        .lang
        .clone()
        .unwrap_or_else(|| checklist.default_language().to_owned());
    let scope = ScopeIds(args.scope.clone());
    super::check_scope(&scope, &checklist)?;
    let text = skeleton(
        &checklist,
        &lang,
        &Catalogue::bundled().labels(&lang),
        today(),
        &scope,
    );
    match args.output.as_deref().filter(|output| !is_stdin(output)) {
        Some(path) => {
            // The checklist may be a local file found by id: never write the skeleton over it.
            let inputs = vec![PathBuf::from(&checklist.origin)];
            let policy = WritePolicy {
                inputs,
                overwrite: args.force,
            };
            let (name, schema) = answers_schema(&checklist, &lang);
            let text = format!("# yaml-language-server: $schema=./{name}\n{text}");
            let schema_path = path.with_file_name(&name);
            // The same schema already there is left as it is; another is replaced with --force.
            if std::fs::read(&schema_path).is_ok_and(|bytes| bytes == schema.as_bytes()) {
                write_atomic(path, text.as_bytes(), &policy)?;
            } else {
                let outputs = [
                    (path, text.as_bytes()),
                    (schema_path.as_path(), schema.as_bytes()),
                ];
                write_all(&outputs, &policy)?;
            }
        }
        None => print_data(text.as_bytes())?,
    }
    Ok(Outcome::Success)
}

/// The file name of the answers schema of `checklist`, written beside the skeleton,
/// `<checklist id>.answers.schema.json`, and its text.
fn answers_schema(checklist: &Checklist, lang: &str) -> (String, String) {
    let name = format!("{}.answers.schema.json", checklist.id());
    let text = super::schema::pretty(&oversight::schema::answers(Some(checklist), lang));
    (name, text)
}
