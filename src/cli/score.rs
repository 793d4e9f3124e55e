//! `oversight score ANSWERS`: the scores as text or JSON.

use super::{CommandResult, Outcome, checklist_ref, print, print_diagnostics};
use oversight::load;
use oversight::source::Limits;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The answers file
    #[arg(value_name = "ANSWERS")]
    answers: PathBuf,
    /// The checklist, as a path or an id [default: the answers' `checklist:`]
    #[arg(long, value_name = "PATH|ID")]
    checklist: Option<String>,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let loaded = load::assessment(&args.answers, checklist_ref(&args.checklist).as_ref(), limits)?;
    print_diagnostics(&loaded.warnings);
    let scorecard = oversight::score::score(&loaded.checklist, &loaded.assessment);
    let text = match args.format {
        Format::Json => serde_json::to_string_pretty(&scorecard).unwrap_or_default(),
        Format::Text => format!("{scorecard:?}"),
    };
    print(&text);
    Ok(Outcome::Success)
}
