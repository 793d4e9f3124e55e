//! `oversight plan ANSWERS`: the improvement plan on its own, as HTML, PDF, JSON and an Excel
//! workbook, named `<answers stem>-plan.<ext>` by default.

use super::output::format_parser;
use super::report::{RenderRequest, Rendering};
use super::{AssessmentArgs, BasisArg, CommandResult, RenderArgs};
use oversight::render::{self, Format, PLAN_FORMATS};
use oversight::source::Limits;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: AssessmentArgs,
    #[command(flatten)]
    basis: BasisArg,
    /// Output formats, as a comma list or repeated [default: html and pdf, or the -o file's extension]
    #[arg(long, value_delimiter = ',', value_name = "FORMAT", value_parser = format_parser(PLAN_FORMATS))]
    format: Vec<Format>,
    /// Output file (format from its extension), or folder (ending in `/`) for `<answers stem>-plan.<ext>`
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    render: RenderArgs,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let rendering = Rendering {
        command: "plan",
        stem_suffix: "-plan",
        allowed: PLAN_FORMATS,
        render: render::plan::render,
    };
    let request = RenderRequest {
        input: &args.input,
        basis: &args.basis,
        formats: &args.format,
        output: args.output.as_deref(),
        render: &args.render,
    };
    rendering.run(&request, limits)
}
