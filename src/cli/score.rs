//! `oversight score ANSWERS`: the scores as text or JSON.

use super::{CommandResult, Outcome, checklist_ref, print, print_diagnostics, today};
use oversight::load;
use oversight::render::{self, json, text};
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
    /// Exit with code 3 when the overall score is below N (or there is no score)
    #[arg(long, value_name = "N")]
    fail_under: Option<f64>,
    /// Language of the texts [default: the answers' `language:`, then the checklist's first]
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let loaded = load::assessment(&args.answers, checklist_ref(&args.checklist).as_ref(), limits)?;
    print_diagnostics(&loaded.warnings);
    super::check_language(args.lang.as_deref(), &loaded.checklist)?;
    let (scorecard, view) = render::view(&loaded, args.lang.as_deref(), today());
    let output = match args.format {
        Format::Json => json::to_string(&json::result(
            &loaded.checklist,
            &loaded.assessment,
            &scorecard,
            &view.lang,
        )),
        Format::Text => text::summary(&view),
    };
    print(&output);
    match args.fail_under {
        Some(threshold) if scorecard.overall.score.is_none_or(|score| score < threshold) => {
            eprintln!(
                "gate: the overall score {} is below {threshold}",
                view.summary.score.text
            );
            Ok(Outcome::GateFailed)
        }
        _ => Ok(Outcome::Success),
    }
}
