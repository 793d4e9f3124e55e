//! `oversight workbook CHECKLIST`: the assessment workbook to fill in, pre-filled from answers.

use super::output::write_one;
use super::{CommandResult, Outcome, check_language, print_diagnostics};
use oversight::catalog::ChecklistRef;
use oversight::i18n::Catalogue;
use oversight::model::ScopeIds;
use oversight::output::WritePolicy;
use oversight::source::Limits;
use oversight::workbook::{FormOptions, workbook};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The checklist, as a path or an id
    #[arg(value_name = "CHECKLIST")]
    checklist: String,
    /// An answers file to pre-fill the workbook with
    #[arg(long, value_name = "FILE")]
    answers: Option<PathBuf>,
    /// Language of every text [default: the answers' `language:`, then the checklist's first]
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
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
    let scope = match (&assessment, args.scope.is_empty()) {
        (Some(assessment), true) => assessment.scope().clone(),
        _ => ScopeIds(args.scope.clone()),
    };
    super::check_scope(&scope, &checklist)?;
    let lang = args
        .lang
        .as_deref()
        .or(assessment.as_ref().and_then(|a| a.language()))
        .unwrap_or(checklist.default_language())
        .to_owned();
    let labels = Catalogue::bundled().labels(&lang);
    let options = FormOptions {
        lang: &lang,
        auditor: args.auditor,
        scope: &scope,
    };
    let bytes = workbook(&checklist, assessment.as_ref(), &options, &labels)?;
    inputs.push(PathBuf::from(&checklist.origin));
    let policy = WritePolicy {
        inputs,
        overwrite: args.force,
    };
    write_one("workbook", &args.output, &["xlsx"], &bytes, &policy)?;
    Ok(Outcome::Success)
}
