//! `oversight report ANSWERS`: the assessment report as HTML, PDF and JSON files.

use super::output::{self, Request};
use super::{AssessmentArgs, CommandResult, Outcome, today};
use oversight::model::Date;
use oversight::output::WritePolicy;
use oversight::render::{self, Format, REPORT_FORMATS, ReportOptions, html::Templates};
use oversight::source::Limits;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: AssessmentArgs,
    /// Output formats, as a comma list or repeated [default: html and pdf, or the -o file's extension]
    #[arg(long, value_delimiter = ',', value_name = "FORMAT", value_parser = output::format_parser(REPORT_FORMATS))]
    format: Vec<Format>,
    /// Output file (format from its extension), or folder (ending in `/`) for `<answers stem>.<ext>`
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Folder of templates overriding the bundled ones by file name
    #[arg(long, value_name = "DIR")]
    templates: Option<PathBuf>,
    /// Report date, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = parse_date)]
    date: Option<Date>,
}

pub fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text)
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let stem = args
        .input
        .answers
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    let targets = output::targets(&Request {
        command: "report",
        allowed: REPORT_FORMATS,
        formats: &args.format,
        output: args.output.as_deref(),
        stem: &stem,
    });
    let loaded = args.input.load(limits)?;
    let options = ReportOptions {
        formats: targets.iter().map(|(format, _)| *format).collect(),
        lang: args.input.lang.clone(),
        templates: Templates::new(args.templates.as_deref())?,
        report_date: args.date.unwrap_or_else(today),
    };
    let rendered = render::report(&loaded, &options)?;
    let policy = WritePolicy {
        inputs: args.input.inputs(&loaded),
        overwrite: true,
    };
    output::write(&rendered, &targets, &policy)?;
    Ok(Outcome::Success)
}
