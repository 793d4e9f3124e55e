//! `oversight convert --from FORMAT FILE -o CHECKLIST`: a checklist from another framework's
//! file, validated, with what it could not hold printed.

use super::{CommandResult, Outcome, print, print_diagnostics};
use oversight::convert::ciso_assistant::{self, Method};
use oversight::convert::oscal::ScaleChoice;
use oversight::convert::{Conversion, From, convert_file};
use oversight::model::Checklist;
use oversight::output::{WritePolicy, write_atomic};
use oversight::source::Limits;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum Format {
    /// A CISO Assistant library (YAML)
    CisoAssistant,
    /// An OSCAL catalog (JSON or YAML)
    Oscal,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum MethodArg {
    /// CISO Assistant's AVG: the weighted mean of every answer
    Avg,
    /// CISO Assistant's AVG_OF_AVG: the mean of the categories' means
    AvgOfAvg,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ScaleArg {
    /// 0 Non-existent to 5 Optimised
    Maturity,
    /// 0 No, 1 Yes
    YesNo,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The source's format
    #[arg(long, value_name = "FORMAT")]
    from: Format,
    /// The library or catalog
    #[arg(value_name = "FILE")]
    file: PathBuf,
    /// The checklist to write
    #[arg(short, long, value_name = "CHECKLIST")]
    output: PathBuf,
    /// Replace the output file if it exists
    #[arg(long)]
    force: bool,
    /// CISO Assistant: the score calculation method the overall score reproduces
    #[arg(long, value_name = "METHOD", default_value = "avg")]
    method: MethodArg,
    /// The checklist's first language (CISO Assistant: one of the library's locales [default:
    /// its locale]; OSCAL: the catalog's language [default: en])
    #[arg(long, value_name = "LANG")]
    lang: Option<String>,
    /// OSCAL: the scale every control is answered on
    #[arg(long, value_name = "SCALE", default_value = "maturity")]
    scale: ScaleArg,
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let from = match args.from {
        Format::CisoAssistant => From::CisoAssistant(ciso_assistant::Options {
            method: match args.method {
                MethodArg::Avg => Method::Avg,
                MethodArg::AvgOfAvg => Method::AvgOfAvg,
            },
            lang: args.lang.clone(),
        }),
        Format::Oscal => From::Oscal {
            scale: match args.scale {
                ScaleArg::Maturity => ScaleChoice::Maturity,
                ScaleArg::YesNo => ScaleChoice::YesNo,
            },
            lang: args.lang.clone().unwrap_or_else(|| "en".to_owned()),
        },
    };
    let conversion = convert_file(&args.file, &from, limits)?;
    let name = args.file.display().to_string();
    let validated = conversion.validate(&name, &args.output.display().to_string(), limits)?;
    write_atomic(
        &args.output,
        conversion.to_yaml(&name).as_bytes(),
        &WritePolicy {
            inputs: vec![args.file.clone()],
            overwrite: args.force,
        },
    )?;
    if !validated.warnings.is_empty() {
        print_diagnostics(&validated.warnings);
    }
    print(&summary(&conversion, &validated.value, args))?;
    Ok(Outcome::Success)
}

/// What was written, then every note on what the checklist does not hold.
fn summary(conversion: &Conversion, checklist: &Checklist, args: &Args) -> String {
    let sections = checklist.all_sections();
    let infos: usize = sections.iter().map(|s| s.infos.len()).sum();
    let mut out = format!(
        "{}: checklist `{}` version {} written to {}: {} sections, {} indicators, {} informational items, languages {}\n",
        args.file.display(),
        checklist.id(),
        checklist.version(),
        args.output.display(),
        sections.len(),
        checklist.indicators().len(),
        infos,
        checklist.languages().join(", "),
    );
    if conversion.notes.is_empty() {
        out.push_str("nothing of the source was left out\n");
        return out;
    }
    out.push_str(&format!("not held or changed ({}):\n", conversion.notes.len()));
    for note in &conversion.notes {
        out.push_str(&format!("  {}: {}\n", note.place, note.text));
    }
    out
}
