//! `oversight workbook CHECKLIST`: the assessment workbook to fill in, pre-filled from answers.

use super::output::write_one;
use super::{CommandResult, Outcome, Prefill, PrefillArgs};
use oversight::i18n::Catalogue;
use oversight::model::ScopeIds;
use oversight::output::WritePolicy;
use oversight::source::Limits;
use oversight::workbook::{FormOptions, workbook};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    prefill: PrefillArgs,
    /// Add the auditor's columns: the verified level, comment, reviewer and date, and the
    /// accepted exception (added anyway when the answers hold reviews or exceptions)
    #[arg(long)]
    auditor: bool,
    /// The workbook to write, FILE.xlsx
    #[arg(short, long, value_name = "FILE.xlsx")]
    output: PathBuf,
    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,
    /// Limit the workbook to the indicators in these scope values (repeat or separate by
    /// commas) [default: the answers' `scope:`]
    #[arg(long, value_name = "VALUE", value_delimiter = ',')]
    scope: Vec<String>,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let Prefill {
        checklist,
        assessment,
        lang,
        inputs,
    } = args.prefill.load(limits)?;
    let scope = match (&assessment, args.scope.is_empty()) {
        (Some(assessment), true) => assessment.scope().clone(),
        _ => ScopeIds(args.scope.clone()),
    };
    super::check_scope(&scope, &checklist)?;
    let labels = Catalogue::bundled().labels(&lang);
    let options = FormOptions {
        lang: &lang,
        auditor: args.auditor,
        scope: &scope,
    };
    let bytes = workbook(&checklist, assessment.as_ref(), &options, &labels)?;
    let policy = WritePolicy {
        inputs,
        overwrite: args.force,
    };
    write_one("workbook", &args.output, &["xlsx"], &bytes, &policy)?;
    Ok(Outcome::Success)
}
