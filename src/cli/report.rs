//! `oversight report ANSWERS`: the assessment report as HTML, PDF, JSON and Word files; and the
//! rendering of one assessment that it shares with `oversight plan`.

use super::output::{Request, format_parser, stem, targets, write_all};
use super::{AssessmentArgs, BasisArg, CommandResult, Outcome, RenderArgs, warn_missing_glyphs};
use oversight::error::Result;
use oversight::load::Loaded;
use oversight::output::WritePolicy;
use oversight::render::{self, Format, REPORT_FORMATS, ReportOptions};
use oversight::source::Limits;
use std::path::{Path, PathBuf};

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: AssessmentArgs,
    #[command(flatten)]
    basis: BasisArg,
    /// Output formats, as a comma list or repeated [default: html and pdf, or the -o file's extension]
    #[arg(long, value_delimiter = ',', value_name = "FORMAT", value_parser = format_parser(REPORT_FORMATS))]
    format: Vec<Format>,
    /// Output file (format from its extension), folder (ending in `/`) for `<answers stem>.<ext>`, or `-` for standard output
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    render: RenderArgs,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let rendering = Rendering {
        command: "report",
        stem_suffix: "",
        allowed: REPORT_FORMATS,
        render: render::report,
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

/// Renders one assessment in the requested formats, all in memory.
type Renderer = fn(&Loaded, &ReportOptions) -> Result<Vec<(Format, Vec<u8>)>>;

/// What a command renders from one assessment.
pub(super) struct Rendering {
    pub command: &'static str,
    /// Added to the answers file's stem for the default output name, "-plan".
    pub stem_suffix: &'static str,
    pub allowed: &'static [Format],
    pub render: Renderer,
}

/// The arguments of a command that renders one assessment.
pub(super) struct RenderRequest<'a> {
    pub input: &'a AssessmentArgs,
    pub basis: &'a BasisArg,
    pub formats: &'a [Format],
    pub output: Option<&'a Path>,
    pub render: &'a RenderArgs,
}

impl Rendering {
    /// Loads the assessment, renders every format in memory, then writes them all.
    pub(super) fn run(&self, args: &RenderRequest, limits: &Limits) -> CommandResult {
        // Standard input gives no name: the files are named after the command.
        let named = stem(&args.input.answers, "");
        let stem = if named.is_empty() {
            self.command.to_owned()
        } else {
            format!("{named}{}", self.stem_suffix)
        };
        let targets = targets(&Request {
            command: self.command,
            formats: args.formats.to_vec(),
            output: args.output,
            stem: &stem,
            defaults: &[Format::Html, Format::Pdf],
            allowed: self.allowed,
        });
        let loaded = args.input.load(limits)?;
        args.render.check_date(&loaded.assessment)?;
        let formats = targets.iter().map(|(format, _)| *format).collect();
        let options = args
            .render
            .options(formats, args.input.lang.clone(), args.basis)?;
        let lang =
            oversight::report::language(options.lang.as_deref(), &loaded.checklist, &loaded.assessment);
        warn_missing_glyphs(&options.formats, &options.fonts, &loaded, lang);
        let rendered = (self.render)(&loaded, &options)?;
        let policy = WritePolicy {
            inputs: args.input.inputs(&loaded),
            overwrite: true,
        };
        write_all(&rendered, &targets, &policy)?;
        Ok(Outcome::Success)
    }
}
