//! `oversight import FILE.xlsx`: a filled assessment workbook back into an answers file, or a
//! plan workbook's statuses into the answers file it was written from (`--answers`); validated
//! like any answers file, every problem reported at its cell.

use super::output::write_one;
use super::{CommandResult, Outcome, checklist_ref, print_diagnostics};
use oversight::import::{Book, filled};
use oversight::output::WritePolicy;
use oversight::source::Limits;
use oversight::write::answers::yaml;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The filled workbook, FILE.xlsx, written by `oversight workbook` or `oversight plan`
    #[arg(value_name = "FILE.xlsx")]
    workbook: PathBuf,
    /// For a plan workbook: the answers file it was written from, whose actions it updates
    #[arg(long, value_name = "FILE")]
    answers: Option<PathBuf>,
    /// The checklist, as a path or an id [default: the one the workbook names]
    #[arg(long, value_name = "PATH|ID")]
    checklist: Option<String>,
    /// The answers file to write, answers.yaml
    #[arg(short, long, value_name = "FILE.yaml")]
    output: PathBuf,
    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let book = Book::open(&args.workbook, limits)?;
    let checklist = checklist_ref(&args.checklist);
    let imported = filled(&book, checklist.as_ref(), args.answers.as_deref(), limits)?;
    print_diagnostics(&imported.warnings);
    let mut inputs = vec![args.workbook.clone(), PathBuf::from(&imported.checklist.origin)];
    inputs.extend(args.answers.clone());
    inputs.dedup();
    let policy = WritePolicy {
        inputs,
        overwrite: args.force,
    };
    let text = yaml(imported.assessment.doc());
    write_one("import", &args.output, &["yaml", "yml"], text.as_bytes(), &policy)?;
    Ok(Outcome::Success)
}
