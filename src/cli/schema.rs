//! `oversight schema checklist|answers`: the JSON Schemas of the two formats, for editors.

use super::output::write_one;
use super::{CommandResult, Outcome, check_language, print_diagnostics};
use oversight::catalog::ChecklistRef;
use oversight::output::WritePolicy;
use oversight::source::Limits;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(subcommand)]
    format: Format,
    /// Write to this file instead of standard output (`-` for standard output)
    #[arg(short, long, value_name = "FILE.json", global = true)]
    output: Option<PathBuf>,
    /// Replace the output file if it exists
    #[arg(long, global = true)]
    force: bool,
}

#[derive(Debug, clap::Subcommand)]
enum Format {
    /// The schema of a checklist file
    Checklist,
    /// The schema of an answers file; with --checklist, of the answers to that checklist
    Answers {
        /// The checklist, as a path or an id: its indicator ids, levels and texts go into the schema
        #[arg(long, value_name = "PATH|ID")]
        checklist: Option<String>,
        /// Language of the indicators' texts [default: the checklist's first]
        #[arg(long, value_name = "LANG")]
        lang: Option<String>,
    },
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let mut inputs = Vec::new();
    let schema = match &args.format {
        Format::Checklist => oversight::schema::checklist(),
        Format::Answers { checklist: None, .. } => oversight::schema::answers(None, "en"),
        Format::Answers {
            checklist: Some(reference),
            lang,
        } => {
            let loaded = ChecklistRef::parse(reference).load(limits)?;
            print_diagnostics(&loaded.warnings);
            let checklist = loaded.value;
            check_language(lang.as_deref(), &checklist)?;
            let lang = lang.as_deref().unwrap_or(checklist.default_language());
            inputs.push(PathBuf::from(&checklist.origin));
            oversight::schema::answers(Some(&checklist), lang)
        }
    };
    let text = pretty(&schema);
    let output = args.output.clone().unwrap_or_else(|| PathBuf::from("-"));
    let policy = WritePolicy {
        inputs,
        overwrite: args.force,
    };
    write_one("schema", &output, &["json"], text.as_bytes(), &policy)?;
    Ok(Outcome::Success)
}

/// The schema as indented JSON with a final line end.
pub fn pretty(schema: &serde_json::Value) -> String {
    let mut text = serde_json::to_string_pretty(schema).expect("a schema is JSON");
    text.push('\n');
    text
}
