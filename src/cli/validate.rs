//! `oversight validate FILE...`: checks every file and reports every problem.

use super::{CommandResult, Outcome, checklist_ref, print, print_diagnostics};
use oversight::Error;
use oversight::diagnostic::Diagnostics;
use oversight::load::{self, Checked};
use oversight::source::Limits;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Checklist and answers files (told apart by their content)
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The checklist for answers files, as a path or an id [default: each file's `checklist:`]
    #[arg(long, value_name = "PATH|ID")]
    checklist: Option<String>,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let checklist = checklist_ref(&args.checklist);
    let mut failed = Diagnostics::default();
    let mut summary = String::new();
    for file in &args.files {
        match load::any(file, checklist.as_ref(), limits) {
            Ok((checked, warnings)) => {
                print_diagnostics(&warnings);
                summary.push_str(&format!("{}: ok, {}\n", file.display(), describe(&checked)));
            }
            Err(diagnostics) => failed.extend(diagnostics),
        }
    }
    print(&summary);
    if failed.has_errors() {
        Err(Error::Invalid(failed))
    } else {
        Ok(Outcome::Success)
    }
}

fn indicators(count: usize) -> String {
    if count == 1 {
        "1 indicator".to_owned()
    } else {
        format!("{count} indicators")
    }
}

fn describe(checked: &Checked) -> String {
    match checked {
        Checked::Checklist(checklist) => format!(
            "checklist `{}` version {} with {}",
            checklist.id(),
            checklist.version(),
            indicators(checklist.indicators().len())
        ),
        Checked::Answers(loaded) => {
            let answered = loaded
                .assessment
                .answers()
                .filter(|(_, answer)| answer.is_rated() || answer.status.is_some())
                .count();
            format!(
                "answers to `{}` version {} ({answered} of {} answered)",
                loaded.checklist.id(),
                loaded.checklist.version(),
                indicators(loaded.checklist.indicators().len())
            )
        }
    }
}
