//! `oversight validate FILE...`: checks every file and reports every problem.

use super::validate_json::Report;
use super::{CommandResult, Outcome, checklist_ref, print, print_data, print_diagnostics};
use oversight::Error;
use oversight::diagnostic::Diagnostics;
use oversight::load::{self, Checked};
use oversight::source::Limits;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Checklist and answers files (told apart by their content)
    #[arg(required = true, value_name = "FILE")]
    files: Vec<PathBuf>,
    /// The checklist for answers files, as a path or an id [default: each file's `checklist:`]
    #[arg(long, value_name = "PATH|ID")]
    checklist: Option<String>,
    /// `text`: diagnostics on standard error, one line per valid file on standard output;
    /// `json`: one document on standard output (docs/cli.md)
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
}

/// What checking one file gave: the file and its warnings, or every finding.
type Check = Result<(Checked, Diagnostics), Diagnostics>;

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let checklist = checklist_ref(&args.checklist);
    let check = |file: &Path| load::any(file, checklist.as_ref(), limits);
    match args.format {
        Format::Text => text(&args.files, check),
        Format::Json => json(&args.files, check),
    }
}

/// Prints each valid file's warnings as soon as it is checked, the `ok` lines after all files,
/// and the errors last.
fn text(files: &[PathBuf], check: impl Fn(&Path) -> Check) -> CommandResult {
    let mut failed = Diagnostics::default();
    let mut summary = String::new();
    for file in files {
        match check(file) {
            Ok((checked, warnings)) => {
                print_diagnostics(&warnings);
                summary.push_str(&format!("{}: ok, {}\n", origin(&checked), describe(&checked)));
            }
            Err(diagnostics) => failed.extend(diagnostics),
        }
    }
    print(&summary)?;
    if failed.has_errors() {
        Err(Error::Invalid(failed))
    } else {
        Ok(Outcome::Success)
    }
}

/// Prints one JSON document; errors only set the exit code, as the document holds them.
fn json(files: &[PathBuf], check: impl Fn(&Path) -> Check) -> CommandResult {
    let mut report = Report::default();
    for file in files {
        let diagnostics = match check(file) {
            Ok((_, warnings)) => warnings,
            Err(found) => found,
        };
        report.push(file.display().to_string(), diagnostics);
    }
    print_data(report.to_json().as_bytes())?;
    Ok(if report.has_errors() {
        Outcome::Reported
    } else {
        Outcome::Success
    })
}

fn indicators(count: usize) -> String {
    if count == 1 {
        "1 indicator".to_owned()
    } else {
        format!("{count} indicators")
    }
}

/// The file as messages name it (`<stdin>` for `-`).
fn origin(checked: &Checked) -> &str {
    match checked {
        Checked::Checklist(checklist) => &checklist.origin,
        Checked::Answers(loaded) => &loaded.assessment.origin,
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
            let (checklist, assessment) = (&loaded.checklist, &loaded.assessment);
            let (answered, in_scope) = assessment.answered_in_scope(checklist);
            let of = match assessment.scope().is_empty() {
                true => indicators(in_scope),
                false => format!("{} in scope", indicators(in_scope)),
            };
            format!(
                "answers to `{}` version {} ({answered} of {of} answered)",
                checklist.id(),
                checklist.version(),
            )
        }
    }
}
