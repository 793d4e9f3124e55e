//! `oversight import FILE.xlsx`: a filled assessment workbook back into an answers file,
//! validated like any answers file; every problem is reported at its cell.

use super::output::write_one;
use super::{CommandResult, Outcome, checklist_ref, print_diagnostics};
use oversight::import::{Book, workbook};
use oversight::output::WritePolicy;
use oversight::source::Limits;
use oversight::write::answers::yaml;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The filled workbook, FILE.xlsx, written by `oversight workbook`
    #[arg(value_name = "FILE.xlsx")]
    workbook: PathBuf,
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
    let imported = workbook(&book, checklist_ref(&args.checklist).as_ref(), limits)?;
    print_diagnostics(&imported.warnings);
    let mut inputs = vec![args.workbook.clone(), PathBuf::from(&imported.checklist.origin)];
    inputs.dedup();
    let policy = WritePolicy {
        inputs,
        overwrite: args.force,
    };
    let text = yaml(imported.assessment.doc());
    write_one("import", &args.output, &["yaml", "yml"], text.as_bytes(), &policy)?;
    Ok(Outcome::Success)
}
