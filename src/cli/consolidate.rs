//! `oversight consolidate ANSWERS...`: several assessors' answers for one organisation merged
//! into a draft answers file (YAML) and agreement statistics (JSON), with a summary for the
//! consensus meeting.
//!
//! The summary goes to standard output when every output goes to a file, else to standard error.

use super::output::{OutputFormat, Request, STDOUT_TAKES_ONE, targets, usage_error, write_all};
use super::terminal::{eprint, print_data};
use super::{CommandResult, Outcome, check_language, checklist_ref, print, print_diagnostics};
use oversight::assessments::assessors;
use oversight::consolidate::consolidate;
use oversight::i18n::Catalogue;
use oversight::model::Assessment;
use oversight::output::WritePolicy;
use oversight::render::consolidate::{draft_yaml, statistics_json, summary};
use oversight::source::Limits;
use oversight::source::read::is_stdin;
use std::path::{Path, PathBuf};

/// What `consolidate` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, clap::ValueEnum)]
pub enum ConsolidateFormat {
    /// The draft answers file
    Yaml,
    /// The agreement statistics
    Json,
}

impl OutputFormat for ConsolidateFormat {
    fn extension(self) -> &'static str {
        match self {
            ConsolidateFormat::Yaml => "yaml",
            ConsolidateFormat::Json => "json",
        }
    }

    fn from_extension(path: &Path) -> Option<Self> {
        match path.extension()?.to_str()?.to_ascii_lowercase().as_str() {
            "yaml" | "yml" => Some(ConsolidateFormat::Yaml),
            "json" => Some(ConsolidateFormat::Json),
            _ => None,
        }
    }
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The answers files, one per assessor (at least two)
    #[arg(value_name = "ANSWERS", required = true, num_args = 2..)]
    answers: Vec<PathBuf>,
    /// The checklist, as a path or an id [default: each answers file's `checklist:`]
    #[arg(long, value_name = "PATH|ID")]
    checklist: Option<String>,
    /// Language of the comments and the summary [default: the first answers' `language:`, then the checklist's first]
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// yaml (the draft answers file) or json (the statistics), as a comma list or repeated [default: yaml, or the -o file's extension]
    #[arg(long, value_enum, value_delimiter = ',', value_name = "FORMAT")]
    format: Vec<ConsolidateFormat>,
    /// Output file (format from its extension), folder (ending in `/`) for `consolidated.<ext>`, or `-` [default: standard output]
    #[arg(short, long, value_name = "PATH")]
    output: Option<PathBuf>,
    /// Replace output files that exist
    #[arg(long)]
    force: bool,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let to_file = args.output.as_deref().filter(|output| !is_stdin(output));
    let targets = to_file.map(|output| {
        targets(&Request {
            command: "consolidate",
            formats: args.format.clone(),
            output: Some(output),
            stem: "consolidated",
            defaults: &[ConsolidateFormat::Yaml],
            allowed: &[ConsolidateFormat::Yaml, ConsolidateFormat::Json],
        })
    });
    let formats = match &targets {
        Some(targets) => targets.iter().map(|(format, _)| *format).collect(),
        None => vec![stdout_format(&args.format)],
    };
    let set = assessors(&args.answers, checklist_ref(&args.checklist).as_ref(), limits)?;
    print_diagnostics(&set.warnings);
    let checklist = &set.loaded[0].checklist;
    check_language(args.lang.as_deref(), checklist)?;
    let assessments: Vec<&Assessment> = set.loaded.iter().map(|l| &l.assessment).collect();
    let lang = oversight::report::language(args.lang.as_deref(), checklist, assessments[0]);
    let labels = Catalogue::bundled().labels(lang);
    let consolidation = consolidate(checklist, &assessments);
    let mut rendered = Vec::new();
    for format in formats {
        let text = match format {
            ConsolidateFormat::Yaml => draft_yaml(checklist, &assessments, &consolidation, lang, &labels)?,
            ConsolidateFormat::Json => statistics_json(checklist, &assessments, &consolidation, lang),
        };
        rendered.push((format, text.into_bytes()));
    }
    let summary = summary(checklist, &assessments, &consolidation, lang, &labels);
    match targets {
        Some(targets) => {
            let mut inputs = args.answers.clone();
            inputs.extend(set.loaded.iter().map(|l| PathBuf::from(&l.checklist.origin)));
            let policy = WritePolicy {
                inputs,
                overwrite: args.force,
            };
            write_all(&rendered, &targets, &policy)?;
            print(&summary)?;
        }
        None => {
            print_data(&rendered[0].1)?;
            eprint(&summary);
        }
    }
    Ok(Outcome::Success)
}

/// The one format standard output takes: yaml unless `--format` says otherwise.
fn stdout_format(requested: &[ConsolidateFormat]) -> ConsolidateFormat {
    let mut formats = requested.to_vec();
    formats.sort();
    formats.dedup();
    if formats.len() > 1 {
        usage_error("consolidate", STDOUT_TAKES_ONE.to_owned());
    }
    formats.first().copied().unwrap_or(ConsolidateFormat::Yaml)
}
