//! `oversight report ANSWERS`: the assessment report as HTML, PDF and JSON files.

use super::output::{Request, format_parser, targets, write_all};
use super::{AssessmentArgs, BasisArg, CommandResult, Outcome, RenderArgs, print, warn_missing_glyphs};
use oversight::output::WritePolicy;
use oversight::render::{self, Format, REPORT_FORMATS, ReportOptions};
use oversight::source::Limits;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: AssessmentArgs,
    #[command(flatten)]
    basis: BasisArg,
    /// Output formats, as a comma list or repeated [default: html and pdf, or the -o file's extension]
    #[arg(long, value_delimiter = ',', value_name = "FORMAT", value_parser = format_parser(REPORT_FORMATS))]
    format: Vec<Format>,
    /// Output file (format from its extension), or folder (ending in `/`) for `<answers stem>.<ext>`
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    render: RenderArgs,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let stem = args
        .input
        .answers
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    let targets = targets(&Request {
        command: "report",
        formats: args.format.clone(),
        output: args.output.as_deref(),
        stem: &stem,
        defaults: &[Format::Html, Format::Pdf],
        allowed: REPORT_FORMATS,
    });
    let loaded = args.input.load(limits)?;
    args.render.check_date(&loaded.assessment)?;
    let options = ReportOptions {
        formats: targets.iter().map(|(format, _)| *format).collect(),
        lang: args.input.lang.clone(),
        templates: args.render.templates()?,
        report_date: args.render.date(),
        scoring: args.basis.options(),
        fonts: args.render.fonts()?,
        docx_template: args.render.docx_template()?,
        csv_delimiter: None,
    };
    let lang = oversight::report::language(options.lang.as_deref(), &loaded.checklist, &loaded.assessment);
    warn_missing_glyphs(&options.formats, &options.fonts, &loaded, lang);
    let rendered = render::report(&loaded, &options)?;
    let policy = WritePolicy {
        inputs: args.input.inputs(&loaded),
        overwrite: true,
    };
    print(&write_all(&rendered, &targets, &policy)?);
    Ok(Outcome::Success)
}
