//! `oversight completions SHELL`: the shell's completion script for every command and flag,
//! generated from the clap definitions by clap_complete, on standard output.

use super::{CommandResult, Outcome, print_data};
use clap_complete::Shell;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The shell to complete in
    #[arg(value_name = "SHELL")]
    shell: Shell,
}

pub fn run(args: &Args) -> CommandResult {
    let mut command = super::command();
    let name = command.get_name().to_owned();
    let mut script = Vec::new();
    clap_complete::generate(args.shell, &mut command, name, &mut script);
    print_data(&script)?;
    Ok(Outcome::Success)
}
