//! `oversight score ANSWERS`: the scores as text or JSON.

use super::terminal::{eprint, print_data};
use super::{AssessmentArgs, BasisArg, CommandResult, Outcome, print, today};
use oversight::i18n::Catalogue;
use oversight::render::{self, json, text};
use oversight::source::Limits;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
enum Format {
    Text,
    Json,
}

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    input: AssessmentArgs,
    #[command(flatten)]
    basis: BasisArg,
    /// Output format
    #[arg(long, value_enum, default_value_t = Format::Text)]
    format: Format,
    /// Exit with code 3 when the overall score (on the chosen basis) is below N, or there is none
    #[arg(long, value_name = "N", value_parser = parse_threshold)]
    fail_under: Option<f64>,
}

/// A score between 0 and 100.
fn parse_threshold(text: &str) -> Result<f64, String> {
    match text.parse::<f64>() {
        Ok(value) if (0.0..=100.0).contains(&value) => Ok(value),
        _ => Err(format!("`{text}` is not a score between 0 and 100")),
    }
}

pub fn run(args: &Args, limits: &Limits) -> CommandResult {
    let loaded = args.input.load(limits)?;
    let (scorecard, view) = render::view(
        &loaded,
        &Catalogue::bundled(),
        args.input.lang.as_deref(),
        today(),
        &args.basis.options(),
    );
    match args.format {
        Format::Json => {
            let result = json::result(&loaded.checklist, &loaded.assessment, &scorecard, &view.lang);
            print_data(json::to_string(&result).as_bytes())?;
        }
        Format::Text => print(&text::summary(&view))?,
    }
    match args.fail_under {
        Some(threshold) => Ok(gate(scorecard.overall.score, threshold)),
        None => Ok(Outcome::Success),
    }
}

/// `--fail-under`: passes only a finite overall score at or above the threshold, and fails
/// closed on anything else (no score, or a score that is not a number).
fn gate(score: Option<f64>, threshold: f64) -> Outcome {
    match score {
        Some(score) if score.is_finite() && score >= threshold => Outcome::Success,
        Some(score) if score.is_finite() => {
            eprint(&format!(
                "gate: the overall score {score:.2} is below {threshold}\n"
            ));
            Outcome::GateFailed
        }
        Some(_) => {
            eprint("gate: the overall score is not a number; the gate fails closed\n");
            Outcome::GateFailed
        }
        None => {
            eprint("gate: there is no overall score (nothing was scored)\n");
            Outcome::GateFailed
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_gate_passes_only_a_finite_score_at_or_above_the_threshold() {
        assert_eq!(gate(Some(50.0), 50.0), Outcome::Success);
        assert_eq!(gate(Some(49.99), 50.0), Outcome::GateFailed);
        assert_eq!(gate(None, 50.0), Outcome::GateFailed);
        for not_a_score in [f64::NAN, f64::INFINITY, f64::NEG_INFINITY] {
            assert_eq!(gate(Some(not_a_score), 0.0), Outcome::GateFailed, "{not_a_score}");
        }
    }
}
