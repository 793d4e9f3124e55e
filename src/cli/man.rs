//! `oversight man [-o DIR]`: the manual pages, generated from the clap definitions by
//! clap_mangen: `oversight.1` on standard output, or one page per command written into a folder
//! (`oversight.1`, `oversight-validate.1`, ...) for `man` to find.
//!
//! The pages are dated with the build date, so the same build always writes the same pages.

use super::{CommandResult, Outcome, print, print_data};
use clap_mangen::Man;
use oversight::build_info::BUILD;
use oversight::output::{WritePolicy, write_atomic};
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Write every command's page into this folder (created if missing; pages there are
    /// replaced) instead of printing the main page
    #[arg(short, long, value_name = "DIR")]
    output: Option<PathBuf>,
}

pub fn run(args: &Args) -> CommandResult {
    let mut command = super::command().disable_help_subcommand(true);
    command.build();
    let Some(folder) = &args.output else {
        print_data(&page(command).1)?;
        return Ok(Outcome::Success);
    };
    let policy = WritePolicy {
        inputs: Vec::new(),
        overwrite: true,
    };
    for (name, bytes) in pages(command) {
        let path = folder.join(name);
        write_atomic(&path, &bytes, &policy)?;
        print(&format!("wrote {}\n", path.display()))?;
    }
    Ok(Outcome::Success)
}

/// The page of `command` and those of its subcommands, depth first: (file name, roff).
fn pages(command: clap::Command) -> Vec<(String, Vec<u8>)> {
    let mut all = Vec::new();
    for sub in command.get_subcommands().filter(|s| !s.is_hide_set()) {
        all.extend(pages(sub.clone()));
    }
    all.insert(0, page(command));
    all
}

/// One page: its file name (`oversight-validate.1`) and its roff text.
fn page(command: clap::Command) -> (String, Vec<u8>) {
    let mut man = Man::new(command).source(format!("oversight {}", BUILD.version));
    if let Some(date) = BUILD.date {
        man = man.date(date);
    }
    let mut roff = Vec::new();
    man.render(&mut roff).expect("writing into memory cannot fail");
    (man.get_filename(), roff)
}
