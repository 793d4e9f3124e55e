//! `oversight compare OLD NEW`: two rounds of one organisation compared, as HTML, PDF, JSON and Word.

use super::output::{Request, format_parser, stem, targets, write_all};
use super::{
    BasisArg, CommandResult, Outcome, RenderArgs, check_language, checklist_ref, print_diagnostics,
    warn_missing_glyphs,
};
use oversight::assessments::{RoundsOptions, rounds};
use oversight::output::WritePolicy;
use oversight::render::{self, Format, REPORT_FORMATS};
use oversight::source::Limits;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The previous round's answers file
    #[arg(value_name = "OLD")]
    old: PathBuf,
    /// The current round's answers file
    #[arg(value_name = "NEW")]
    new: PathBuf,
    /// The checklist, as a path or an id; with --allow-version-change, the new round's only [default: the answers' `checklist:`]
    #[arg(long, value_name = "PATH|ID")]
    checklist: Option<String>,
    /// The old round's checklist, as a path or an id [default: --checklist, or with --allow-version-change the old answers' `checklist:`]
    #[arg(long, value_name = "PATH|ID")]
    old_checklist: Option<String>,
    /// Compare rounds of different checklist versions; rows that changed are marked not directly comparable
    #[arg(long)]
    allow_version_change: bool,
    /// Language of every text [default: the new answers' `language:`, then the checklist's first]
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    #[command(flatten)]
    basis: BasisArg,
    /// Output formats, as a comma list or repeated [default: html and pdf, or the -o file's extension]
    #[arg(long, value_delimiter = ',', value_name = "FORMAT", value_parser = format_parser(REPORT_FORMATS))]
    format: Vec<Format>,
    /// Output file (format from its extension), folder (ending in `/`) for `<NEW stem>-compare.<ext>`, or `-` for standard output
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    #[command(flatten)]
    render: RenderArgs,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let stem = stem(&args.new, "rounds");
    let targets = targets(&Request {
        command: "compare",
        formats: args.format.clone(),
        output: args.output.as_deref(),
        stem: &format!("{stem}-compare"),
        defaults: &[Format::Html, Format::Pdf],
        allowed: REPORT_FORMATS,
    });
    let options = RoundsOptions {
        checklist: checklist_ref(&args.checklist),
        old_checklist: checklist_ref(&args.old_checklist),
        allow_version_change: args.allow_version_change,
    };
    let set = rounds(&args.old, &args.new, &options, limits)?;
    print_diagnostics(&set.warnings);
    let (old, new) = (&set.loaded[0], &set.loaded[1]);
    check_language(args.lang.as_deref(), &new.checklist)?;
    let formats = targets.iter().map(|(format, _)| *format).collect();
    let options = args.render.options(formats, args.lang.clone(), &args.basis)?;
    for round in [old, new] {
        let lang = oversight::report::language(options.lang.as_deref(), &round.checklist, &round.assessment);
        warn_missing_glyphs(&options.formats, &options.fonts, round, lang);
    }
    let rendered = render::compare::render(old, new, &options)?;
    print_diagnostics(&rendered.warnings);
    let policy = WritePolicy {
        inputs: vec![
            args.old.clone(),
            args.new.clone(),
            PathBuf::from(&old.checklist.origin),
            PathBuf::from(&new.checklist.origin),
        ],
        overwrite: true,
    };
    write_all(&rendered.files, &targets, &policy)?;
    Ok(Outcome::Success)
}
