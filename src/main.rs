//! The `oversight` binary: parse the command line, run it, print errors, set the exit code.

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
