//! `oversight form CHECKLIST`: the offline questionnaire, one HTML file, pre-filled from answers.

use super::output::write_one;
use super::{CommandResult, Outcome, check_language, print_diagnostics};
use oversight::catalog::ChecklistRef;
use oversight::i18n::Catalogue;
use oversight::output::WritePolicy;
use oversight::source::Limits;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The checklist, as a path or an id
    #[arg(value_name = "CHECKLIST")]
    checklist: String,
    /// An answers file to pre-fill the form with
    #[arg(long, value_name = "FILE")]
    answers: Option<PathBuf>,
    /// The language the form opens in [default: the answers' `language:`, then the checklist's
    /// first]; the form can switch to the checklist's other languages
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// The form to write, FILE.html
    #[arg(short, long, value_name = "FILE.html")]
    output: PathBuf,
    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let reference = ChecklistRef::parse(&args.checklist);
    let (checklist, assessment, mut inputs) = match &args.answers {
        Some(answers) => {
            let loaded = oversight::load::assessment(answers, Some(&reference), limits)?;
            print_diagnostics(&loaded.warnings);
            (loaded.checklist, Some(loaded.assessment), vec![answers.clone()])
        }
        None => {
            let loaded = reference.load(limits)?;
            print_diagnostics(&loaded.warnings);
            (loaded.value, None, Vec::new())
        }
    };
    check_language(args.lang.as_deref(), &checklist)?;
    let lang = args
        .lang
        .as_deref()
        .or(assessment.as_ref().and_then(|a| a.language()))
        .unwrap_or(checklist.default_language())
        .to_owned();
    let html = oversight::form::form(
        &checklist,
        assessment.as_ref().map(|a| a.doc()),
        &lang,
        &Catalogue::bundled(),
    );
    inputs.push(PathBuf::from(&checklist.origin));
    let policy = WritePolicy {
        inputs,
        overwrite: args.force,
    };
    write_one("form", &args.output, &["html", "htm"], html.as_bytes(), &policy)?;
    Ok(Outcome::Success)
}
