//! `oversight portfolio ANSWERS...`: many organisations' assessments of one checklist side by
//! side, as HTML, PDF, JSON, CSV and Word files.

use super::output::{self, Request};
use super::{BasisArg, CommandResult, Outcome, RenderArgs, check_language, checklist_ref, print_diagnostics};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use oversight::Error;
use oversight::diagnostic::Diagnostics;
use oversight::output::WritePolicy;
use oversight::portfolio::collect::{self, Progress, Stage};
use oversight::portfolio::{self, Portfolio};
use oversight::render::{Format, PORTFOLIO_FORMATS};
use oversight::source::Limits;
use std::io::IsTerminal;
use std::path::PathBuf;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Answers files, or folders of them (each *.yaml and *.yml file directly inside)
    #[arg(required = true, value_name = "ANSWERS")]
    files: Vec<PathBuf>,
    /// The checklist, as a path or an id [default: the one most files name]
    #[arg(long, value_name = "PATH|ID")]
    checklist: Option<String>,
    /// Language of every text [default: the answers' `language:` if they all agree, else the checklist's first]
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    #[command(flatten)]
    basis: BasisArg,
    /// Output formats, as a comma list or repeated [default: html and pdf, or the -o file's extension]
    #[arg(long, value_delimiter = ',', value_name = "FORMAT", value_parser = output::format_parser(PORTFOLIO_FORMATS))]
    format: Vec<Format>,
    /// Output file (format from its extension), folder (ending in `/`) for `portfolio.<ext>`, or `-` for standard output
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// The CSV's field separator: `,`, `;` or `tab` [default: `;` in a language that writes
    /// decimals with a comma (uk), else `,`]
    #[arg(long, value_name = "CHAR", value_parser = csv_delimiter)]
    csv_delimiter: Option<u8>,
    #[command(flatten)]
    render: RenderArgs,
}

/// Reads `--csv-delimiter`.
fn csv_delimiter(value: &str) -> Result<u8, String> {
    match value {
        "," => Ok(b','),
        ";" => Ok(b';'),
        "tab" | "\\t" | "\t" => Ok(b'\t'),
        _ => Err("expected `,`, `;` or `tab`".to_owned()),
    }
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let targets = output::targets(&Request {
        command: "portfolio",
        allowed: PORTFOLIO_FORMATS,
        formats: args.format.clone(),
        output: args.output.as_deref(),
        stem: "portfolio",
        defaults: &[Format::Html, Format::Pdf],
    });
    let formats = targets.iter().map(|(format, _)| *format).collect();
    let mut options = args.render.options(formats, None, &args.basis)?;
    options.csv_delimiter = args.csv_delimiter;
    let collect::Expanded {
        files,
        mut skipped,
        warnings,
    } = collect::expand(&args.files);
    print_diagnostics(&warnings);
    let bar = Bar::new();
    let collected = collect::collect(
        &files,
        checklist_ref(&args.checklist).as_ref(),
        limits,
        &args.basis.options(),
        &bar,
    );
    bar.0.finish_and_clear();
    let collected = collected.map_err(|failed| {
        let mut all = Diagnostics::default();
        for s in &skipped {
            all.extend(s.diagnostics.clone());
        }
        all.extend(failed);
        Error::Invalid(all)
    })?;
    print_diagnostics(&collected.checklist_warnings);
    let checklist = collected.checklist;
    check_language(args.lang.as_deref(), &checklist)?;
    skipped.extend(collected.skipped);
    let members = collected.members;

    // Every file's warnings or errors, in path order whatever order the work finished in.
    let mut findings: Vec<(&str, &Diagnostics)> = members
        .iter()
        .map(|m| (m.origin.as_str(), &m.warnings))
        .chain(skipped.iter().map(|s| (s.file.as_str(), &s.diagnostics)))
        .collect();
    findings.sort_by_key(|(file, _)| *file);
    for (_, diagnostics) in findings {
        print_diagnostics(diagnostics);
    }
    if members.is_empty() {
        return Err(Error::NothingToReport);
    }

    let lang = portfolio::language(args.lang.as_deref(), &checklist, &members).to_owned();
    let mut inputs = files.clone();
    inputs.push(PathBuf::from(&checklist.origin));
    let total = members.len() + skipped.len();
    let portfolio = Portfolio::new(checklist, &lang, members, skipped);
    options.lang = Some(lang);
    if options.formats.contains(&Format::Pdf) {
        print_diagnostics(&oversight::render::pdf::glyphs::check_portfolio(
            &options.fonts,
            &portfolio,
        ));
    }
    let rendered = oversight::render::portfolio::render(&portfolio, &options)?;
    let policy = WritePolicy {
        inputs,
        overwrite: true,
    };
    output::write_all(&rendered, &targets, &policy)?;
    if portfolio.skipped.is_empty() {
        Ok(Outcome::Success)
    } else {
        Err(Error::Skipped {
            skipped: portfolio.skipped.len(),
            total,
        })
    }
}

/// A progress bar on standard error while files are read and scored; hidden when standard
/// error is not a terminal.
struct Bar(ProgressBar);

impl Bar {
    fn new() -> Bar {
        let target = if std::io::stderr().is_terminal() {
            ProgressDrawTarget::stderr()
        } else {
            ProgressDrawTarget::hidden()
        };
        let bar = ProgressBar::with_draw_target(None, target);
        if let Ok(style) = ProgressStyle::with_template("{msg:8} [{bar:40}] {pos}/{len} files, {elapsed}") {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar(bar)
    }
}

impl Progress for Bar {
    fn stage(&self, stage: Stage, total: usize) {
        self.0.set_message(match stage {
            Stage::Scoring => "scoring",
            Stage::Rescoring => "rescoring",
        });
        self.0.set_length(total as u64);
        self.0.set_position(0);
    }

    fn tick(&self) {
        self.0.inc(1);
    }
}
