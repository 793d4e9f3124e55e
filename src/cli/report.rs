//! `oversight report ANSWERS`: the assessment report as HTML, PDF and JSON files.

use super::{AssessmentArgs, BasisArg, CommandResult, Outcome, print, today};
use clap::error::ErrorKind;
use oversight::model::Date;
use oversight::output::{WritePolicy, write_atomic};
use oversight::render::{self, Format, ReportOptions, html::Templates};
use oversight::source::Limits;
use std::path::{Path, PathBuf};

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum FormatArg {
    Html,
    Pdf,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: AssessmentArgs,
    #[command(flatten)]
    basis: BasisArg,
    /// Output formats, as a comma list or repeated [default: html and pdf, or the -o file's extension]
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMAT")]
    format: Vec<FormatArg>,
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

fn parse_date(text: &str) -> Result<Date, String> {
    Date::parse(text)
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let targets = targets(args);
    let loaded = args.input.load(limits)?;
    let options = ReportOptions {
        formats: targets.iter().map(|(format, _)| *format).collect(),
        lang: args.input.lang.clone(),
        templates: Templates::new(args.templates.as_deref())?,
        report_date: args.date.unwrap_or_else(today),
        scoring: args.basis.options(),
    };
    let rendered = render::report(&loaded, &options)?;
    let policy = WritePolicy {
        inputs: args.input.inputs(&loaded),
        overwrite: true,
    };
    let mut written = String::new();
    for ((_, bytes), (_, path)) in rendered.iter().zip(&targets) {
        write_atomic(path, bytes, &policy)?;
        written.push_str(&format!("wrote {}\n", path.display()));
    }
    print(&written);
    Ok(Outcome::Success)
}

/// Each requested format with the file it goes to; a contradiction is a usage error (exit 2).
fn targets(args: &Args) -> Vec<(Format, PathBuf)> {
    let mut formats: Vec<Format> = args.format.iter().map(|f| convert(*f)).collect();
    formats.sort();
    formats.dedup();
    let stem = args
        .input
        .answers
        .file_stem()
        .map_or_else(|| "report".into(), |s| s.to_string_lossy().into_owned());
    let into_folder = |folder: &Path, formats: Vec<Format>| {
        formats
            .into_iter()
            .map(|f| (f, folder.join(format!("{stem}.{}", f.extension()))))
            .collect()
    };
    let default_formats = || vec![Format::Html, Format::Pdf];
    match &args.output {
        None => into_folder(
            Path::new("."),
            if formats.is_empty() {
                default_formats()
            } else {
                formats
            },
        ),
        Some(path) if is_folder(path) => into_folder(
            path,
            if formats.is_empty() {
                default_formats()
            } else {
                formats
            },
        ),
        Some(path) => {
            let Some(from_extension) = Format::from_extension(path) else {
                usage_error(format!(
                    "cannot tell the format of `{}`: use a .html, .pdf or .json name, or a folder ending in `/`",
                    path.display()
                ));
            };
            if formats.iter().any(|f| *f != from_extension) {
                usage_error(format!(
                    "`-o {}` names one {} file, but --format asks for other formats; use a folder ending in `/`",
                    path.display(),
                    from_extension.extension()
                ));
            }
            vec![(from_extension, path.clone())]
        }
    }
}

fn is_folder(path: &Path) -> bool {
    let text = path.to_string_lossy();
    text.ends_with('/') || text.ends_with(std::path::MAIN_SEPARATOR) || path.is_dir()
}

fn convert(format: FormatArg) -> Format {
    match format {
        FormatArg::Html => Format::Html,
        FormatArg::Pdf => Format::Pdf,
        FormatArg::Json => Format::Json,
    }
}

/// Exits with code 2, showing the `report` command's usage line.
fn usage_error(message: String) -> ! {
    use clap::CommandFactory;
    let mut cli = super::Cli::command();
    cli.build();
    let mut report = cli.find_subcommand_mut("report").cloned().unwrap_or_default();
    report.error(ErrorKind::ArgumentConflict, message).exit()
}
