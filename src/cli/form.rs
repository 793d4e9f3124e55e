//! `oversight form CHECKLIST`: the offline questionnaire, one HTML file, pre-filled from answers.

use super::output::write_one;
use super::{CommandResult, Outcome, PrefillArgs};
use oversight::i18n::Catalogue;
use oversight::output::WritePolicy;
use oversight::source::Limits;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    prefill: PrefillArgs,
    /// The form to write, FILE.html
    #[arg(short, long, value_name = "FILE.html")]
    output: PathBuf,
    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,
}

/// The form opens in `--lang` (or the default) and can switch to the checklist's other languages.
pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let prefill = args.prefill.load(limits)?;
    let html = oversight::form::form(
        &prefill.checklist,
        prefill.assessment.as_ref().map(|a| a.doc()),
        &prefill.lang,
        &Catalogue::bundled(),
    );
    let policy = WritePolicy {
        inputs: prefill.inputs,
        overwrite: args.force,
    };
    write_one("form", &args.output, &["html", "htm"], html.as_bytes(), &policy)?;
    Ok(Outcome::Success)
}
