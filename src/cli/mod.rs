//! The command line: clap types, raw flags resolved into settings, and the only printing.
//!
//! Each command lives in its own file and returns `Result<Outcome>`; [`main`] prints what went
//! wrong and maps it to the documented exit code (0 ok, 1 bad input or failed operation,
//! 2 usage, 3 a failed gate).

mod checklists;
mod compare;
mod completions;
mod consolidate;
mod convert;
mod form;
mod import;
mod init;
mod licenses;
mod man;
mod output;
mod plan;
mod portfolio;
mod report;
mod schema;
mod score;
mod terminal;
mod validate;
mod validate_json;
mod workbook;

use clap::{CommandFactory, Parser, Subcommand};
use oversight::source::Limits;
use oversight::{Error, Result};
use std::process::ExitCode;
use terminal::{print, print_data, print_diagnostics, print_error};

#[derive(Debug, Parser)]
#[command(
    name = "oversight",
    version = oversight::build_info::version_line(),
    about = "Oversight self-assessments of the security sector: validate, score and report"
)]
struct Cli {
    #[command(flatten)]
    limits: LimitArgs,
    #[command(subcommand)]
    command: Command,
}

/// Input limits; see docs/limits.md.
#[derive(Debug, clap::Args)]
struct LimitArgs {
    /// Largest input file accepted, in bytes
    #[arg(long, global = true, value_name = "N", default_value_t = Limits::default().max_file_bytes)]
    max_file_bytes: u64,
    /// Deepest nesting of checklist sections
    #[arg(long, global = true, value_name = "N", default_value_t = Limits::default().max_section_depth)]
    max_depth: usize,
    /// Most indicators in one checklist
    #[arg(long, global = true, value_name = "N", default_value_t = Limits::default().max_indicators)]
    max_indicators: usize,
}

impl LimitArgs {
    fn resolve(&self) -> Limits {
        Limits {
            max_file_bytes: self.max_file_bytes,
            max_section_depth: self.max_depth,
            max_indicators: self.max_indicators,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check checklists and answers files, reporting every problem found
    Validate(validate::Args),
    /// Score an answers file against its checklist
    Score(score::Args),
    /// Write an answers skeleton listing every indicator of a checklist
    Init(init::Args),
    /// Render the assessment report as HTML, PDF, JSON and Word files
    Report(report::Args),
    /// Render the improvement plan on its own: HTML, PDF, JSON, an Excel workbook and a Word file
    Plan(plan::Args),
    /// Compare many organisations' assessments of one checklist: HTML, PDF, JSON, CSV and Word files
    Portfolio(portfolio::Args),
    /// List the bundled checklists
    Checklists,
    /// Compare two assessment rounds of one organisation, as HTML, PDF, JSON and Word files
    Compare(compare::Args),
    /// Consolidate several assessors' answers into a draft answers file for the consensus meeting
    Consolidate(consolidate::Args),
    /// Print the completion script for a shell (bash, zsh, fish, elvish, powershell)
    Completions(completions::Args),
    /// Print the manual page, or write every command's page into a folder
    Man(man::Args),
    /// Print the licence and the notices of the third-party crates built into the binary
    Licenses,
    /// Convert a CISO Assistant library or an OSCAL catalog into a checklist
    Convert(convert::Args),
    /// Write the assessment workbook (xlsx) that a unit fills in, pre-filled from answers if given
    Workbook(workbook::Args),
    /// Read a filled assessment workbook (xlsx) back into an answers file, and validate it
    Import(import::Args),
    /// Write the offline questionnaire: one HTML file that a unit fills in in the browser
    Form(form::Args),
    /// Print the JSON Schema of checklists or of answers files, for editors
    Schema(schema::Args),
}

/// The whole command line, as clap describes it: for completions and manual pages.
fn command() -> clap::Command {
    Cli::command()
}

/// How a command ended, when it did not fail outright.
#[derive(Debug, PartialEq)]
pub enum Outcome {
    Success,
    /// A gate such as `--fail-under` was not met (exit 3).
    GateFailed,
    /// The input has errors, already reported in the command's own output (exit 1).
    Reported,
}

pub fn main() -> ExitCode {
    let cli = Cli::parse();
    let limits = cli.limits.resolve();
    let result = match &cli.command {
        Command::Validate(args) => validate::run(args, &limits),
        Command::Score(args) => score::run(args, &limits),
        Command::Init(args) => init::run(args, &limits),
        Command::Report(args) => report::run(args, &limits),
        Command::Plan(args) => plan::run(args, &limits),
        Command::Portfolio(args) => portfolio::run(args, &limits),
        Command::Checklists => checklists::run(&limits),
        Command::Compare(args) => compare::run(args, &limits),
        Command::Consolidate(args) => consolidate::run(args, &limits),
        Command::Convert(args) => convert::run(args, &limits),
        Command::Completions(args) => completions::run(args),
        Command::Man(args) => man::run(args),
        Command::Licenses => licenses::run(),
        Command::Workbook(args) => workbook::run(args, &limits),
        Command::Import(args) => import::run(args, &limits),
        Command::Form(args) => form::run(args, &limits),
        Command::Schema(args) => schema::run(args, &limits),
    };
    match result {
        Ok(Outcome::Success) => ExitCode::SUCCESS,
        Ok(Outcome::GateFailed) => ExitCode::from(3),
        Ok(Outcome::Reported) => ExitCode::from(1),
        Err(error) => {
            print_error(&error);
            ExitCode::from(1)
        }
    }
}

/// Today's date in local time, for defaults that the user can fix with a flag.
fn today() -> oversight::model::Date {
    oversight::model::Date(chrono::Local::now().date_naive())
}

/// The assessment a command works on: the answers file, its checklist and the language.
#[derive(Debug, clap::Args)]
struct AssessmentArgs {
    /// The answers file
    #[arg(value_name = "ANSWERS")]
    answers: std::path::PathBuf,
    /// The checklist, as a path or an id [default: the answers' `checklist:`]
    #[arg(long, value_name = "PATH|ID")]
    checklist: Option<String>,
    /// Language of every text [default: the answers' `language:`, then the checklist's first]
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

impl AssessmentArgs {
    /// Loads and validates the assessment, prints its warnings and checks `--lang`.
    fn load(&self, limits: &Limits) -> Result<oversight::load::Loaded> {
        let checklist = self
            .checklist
            .as_deref()
            .map(oversight::catalog::ChecklistRef::parse);
        let loaded = oversight::load::assessment(&self.answers, checklist.as_ref(), limits)?;
        print_diagnostics(&loaded.warnings);
        check_language(self.lang.as_deref(), &loaded.checklist)?;
        Ok(loaded)
    }

    /// The files this run reads, which no output may replace.
    fn inputs(&self, loaded: &oversight::load::Loaded) -> Vec<std::path::PathBuf> {
        vec![
            self.answers.clone(),
            std::path::PathBuf::from(&loaded.checklist.origin),
        ]
    }
}

/// `--basis`: which levels the scores are computed from.
#[derive(Debug, clap::Args)]
struct BasisArg {
    /// Score the auditor's verified levels where answers were reviewed, or the self-assessed ones
    #[arg(long, value_enum, default_value_t = BasisValue::Verified)]
    basis: BasisValue,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum BasisValue {
    #[value(name = "self")]
    SelfAssessed,
    Verified,
}

impl BasisArg {
    fn options(&self) -> oversight::score::ScoreOptions {
        let basis = match self.basis {
            BasisValue::SelfAssessed => oversight::score::Basis::SelfAssessed,
            BasisValue::Verified => oversight::score::Basis::Verified,
        };
        oversight::score::ScoreOptions { basis }
    }
}

/// How a report file is rendered: template overrides and the date it carries.
#[derive(Debug, clap::Args)]
struct RenderArgs {
    /// Folder of templates overriding the bundled ones by file name
    #[arg(long, value_name = "DIR")]
    templates: Option<std::path::PathBuf>,
    /// Report date, YYYY-MM-DD [default: today]
    #[arg(long, value_name = "YYYY-MM-DD", value_parser = oversight::model::Date::parse)]
    date: Option<oversight::model::Date>,
    /// A fallback font for the PDF (TrueType, OpenType or a .ttc collection), for characters the
    /// embedded fonts lack; repeat it to add more, tried in order
    #[arg(long = "font", value_name = "FILE")]
    fonts: Vec<std::path::PathBuf>,
    /// A Word document (.docx) whose styles, page size, margins, header and footer the Word
    /// output takes, as a letterhead [default: the bundled plain A4 one]
    #[arg(long, value_name = "FILE.docx")]
    docx_template: Option<std::path::PathBuf>,
}

impl RenderArgs {
    /// What these flags and `basis` ask of the renderer, for `formats` in `lang` (`None`: the
    /// answers' language); every file they name is read here, before any input is.
    fn options(
        &self,
        formats: Vec<oversight::render::Format>,
        lang: Option<String>,
        basis: &BasisArg,
    ) -> Result<oversight::render::ReportOptions> {
        Ok(oversight::render::ReportOptions {
            formats,
            lang,
            templates: self.templates()?,
            report_date: self.date(),
            scoring: basis.options(),
            fonts: self.fonts()?,
            docx_template: self.docx_template()?,
            csv_delimiter: None,
        })
    }

    fn templates(&self) -> Result<oversight::render::html::Templates> {
        oversight::render::html::Templates::new(self.templates.as_deref())
    }

    fn date(&self) -> oversight::model::Date {
        self.date.unwrap_or_else(today)
    }

    /// The embedded fonts and the `--font` files.
    fn fonts(&self) -> Result<oversight::render::pdf::FontSet> {
        oversight::render::pdf::FontSet::with_fallbacks(&self.fonts)
            .map_err(|(path, source)| Error::Font { path, source })
    }

    /// The `--docx-template` file, or the bundled template.
    fn docx_template(&self) -> Result<oversight::render::docx::Template> {
        match &self.docx_template {
            None => Ok(oversight::render::docx::Template::bundled()),
            Some(path) => {
                oversight::render::docx::Template::read(path).map_err(|source| Error::DocxTemplate {
                    path: path.clone(),
                    source,
                })
            }
        }
    }

    /// Refuses a default report date (today) before the work the report shows; a `--date`
    /// given explicitly only warns. Prints the warning.
    fn check_date(&self, assessment: &oversight::model::Assessment) -> Result<()> {
        let found = oversight::validate::report_date(assessment, self.date(), self.date.is_some());
        if found.has_errors() {
            return Err(Error::Invalid(found));
        }
        print_diagnostics(&found);
        Ok(())
    }
}

/// Prints the `missing-glyph` warnings of an assessment when a PDF of it is written.
fn warn_missing_glyphs(
    formats: &[oversight::render::Format],
    fonts: &oversight::render::pdf::FontSet,
    loaded: &oversight::load::Loaded,
    lang: &str,
) {
    if formats.contains(&oversight::render::Format::Pdf) {
        print_diagnostics(&oversight::render::pdf::glyphs::check(fonts, loaded, lang));
    }
}

/// Whether a path ends in `.ext` (in any case).
fn has_extension(path: &std::path::Path, ext: &str) -> bool {
    path.extension()
        .is_some_and(|e| e.to_string_lossy().eq_ignore_ascii_case(ext))
}

/// Reads `--checklist PATH|ID`.
fn checklist_ref(value: &Option<String>) -> Option<oversight::catalog::ChecklistRef> {
    value.as_deref().map(oversight::catalog::ChecklistRef::parse)
}

type CommandResult = Result<Outcome>;

/// Refuses a `--lang` that the checklist has no texts in.
/// Every value of `--scope` is one of the checklist's scope values.
/// The checklist of a form to fill in (`workbook`, `form`), the answers to pre-fill it with,
/// and its language.
#[derive(Debug, clap::Args)]
struct PrefillArgs {
    /// The checklist, as a path or an id
    #[arg(value_name = "CHECKLIST")]
    checklist: String,
    /// An answers file to pre-fill it with
    #[arg(long, value_name = "FILE")]
    answers: Option<std::path::PathBuf>,
    /// Language of every text [default: the answers' `language:`, then the checklist's first]
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
}

/// What [`PrefillArgs::load`] read.
struct Prefill {
    checklist: oversight::model::Checklist,
    assessment: Option<oversight::model::Assessment>,
    /// `--lang`, else the answers' `language:`, else the checklist's first language.
    lang: String,
    /// The files read, which no output may replace.
    inputs: Vec<std::path::PathBuf>,
}

impl PrefillArgs {
    /// Reads the checklist and the answers (against it, validated), prints their warnings and
    /// checks `--lang`.
    fn load(&self, limits: &Limits) -> Result<Prefill> {
        let reference = oversight::catalog::ChecklistRef::parse(&self.checklist);
        let (checklist, assessment, mut inputs) = match &self.answers {
            Some(answers) => {
                let loaded = oversight::load::assessment(answers, Some(&reference), limits)?;
                print_diagnostics(&loaded.warnings);
                (loaded.checklist, Some(loaded.assessment), vec![answers.clone()])
            }
            None => {
                let loaded = reference.load(limits)?;
                print_diagnostics(&loaded.warnings);
                (loaded.value, None, Vec::new())
            }
        };
        check_language(self.lang.as_deref(), &checklist)?;
        inputs.push(std::path::PathBuf::from(&checklist.origin));
        let lang = self
            .lang
            .as_deref()
            .or(assessment.as_ref().and_then(|a| a.language()))
            .unwrap_or(checklist.default_language())
            .to_owned();
        Ok(Prefill {
            checklist,
            assessment,
            lang,
            inputs,
        })
    }
}

fn check_scope(scope: &oversight::model::ScopeIds, checklist: &oversight::model::Checklist) -> Result<()> {
    let problems =
        oversight::validate::answers::unknown_scopes(checklist, scope, &checklist.origin, "--scope");
    if problems.is_empty() {
        return Ok(());
    }
    Err(Error::Invalid(problems))
}

fn check_language(lang: Option<&str>, checklist: &oversight::model::Checklist) -> Result<()> {
    let Some(lang) = lang else { return Ok(()) };
    if checklist.languages().iter().any(|l| l == lang) {
        return Ok(());
    }
    let diagnostic = oversight::diagnostic::Diagnostic::error(
        "unknown-language",
        &checklist.origin,
        oversight::diagnostic::Place::path("languages"),
        format!("the checklist has no language `{lang}`"),
    )
    .with_hint(format!(
        "expected one of {}",
        oversight::validate::quoted_list(checklist.languages().iter().map(String::as_str))
    ));
    Err(Error::Invalid(diagnostic.into()))
}
