//! The consolidation's outputs: the draft answers file (checked to validate), the summary for
//! the terminal, and the statistics as JSON with unrounded numbers.

use super::json;
use crate::consolidate::Consolidation;
use crate::consolidate::draft::{agreement_line, draft, draft_note, given_text};
use crate::diagnostic::Diagnostics;
use crate::i18n::Labels;
use crate::model::{Assessment, Checklist};
use crate::report::format::Formatter;
use crate::report::status_key;
use crate::score::Status;
use crate::source::Source;
use serde::Serialize;
use std::fmt::Write;

/// The draft answers file, after checking that it validates against `checklist`.
pub fn draft_yaml(
    checklist: &Checklist,
    assessments: &[&Assessment],
    consolidation: &Consolidation,
    lang: &str,
    labels: &Labels,
) -> Result<String, Diagnostics> {
    let text = draft(checklist, assessments, consolidation, lang, labels);
    let source = Source::from_bytes("<consolidated draft>", text.as_bytes())?;
    crate::validate::answers::answers(&source, checklist)?;
    Ok(text)
}

/// Agreement, the draft's answers by status, and every disagreement, for the consensus meeting.
pub fn summary(
    checklist: &Checklist,
    assessments: &[&Assessment],
    consolidation: &Consolidation,
    lang: &str,
    labels: &Labels,
) -> String {
    let fmt = Formatter::new(labels);
    let fallback = checklist.default_language();
    let mut out = String::new();
    let count = assessments.len().to_string();
    let _ = writeln!(
        out,
        "{}",
        labels.fill(
            "consolidate_summary_title",
            &[
                ("count", &count),
                ("organisation", assessments[0].organisation().get(lang, fallback)),
                ("checklist", checklist.id()),
                ("version", checklist.version()),
            ],
        )
    );
    for (assessment, name) in assessments.iter().zip(&consolidation.assessors) {
        let _ = writeln!(out, "  {} — {name}", assessment.origin);
    }
    let _ = writeln!(out, "{}", agreement_line(consolidation, labels, &fmt));
    let alpha = &consolidation.agreement.alpha;
    let detail = match alpha.value {
        Some(_) => labels.fill(
            "consolidate_alpha_detail",
            &[
                ("values", &alpha.pairable_values.to_string()),
                ("units", &alpha.pairable_units.to_string()),
            ],
        ),
        None => labels.get("consolidate_alpha_undefined").to_owned(),
    };
    let alpha_line = labels.fill(
        "consolidate_alpha_line",
        &[("alpha", &fmt.coefficient(alpha.value))],
    );
    let _ = writeln!(out, "{} ({detail}).", alpha_line.trim_end_matches('.'));
    let counts: Vec<String> = [
        Status::Scored,
        Status::NotApplicable,
        Status::NotEnoughInformation,
        Status::Unanswered,
        Status::OutOfScope,
    ]
    .into_iter()
    .filter_map(|status| {
        let n = consolidation
            .indicators
            .iter()
            .filter(|i| i.draft.status == status)
            .count();
        let label = labels
            .get(&format!("status_{}", status_key(status)))
            .to_lowercase();
        (n > 0).then(|| labels.fill("count_status", &[("count", &n.to_string()), ("status", &label)]))
    })
    .collect();
    let _ = writeln!(
        out,
        "{}: {}",
        labels.get("consolidate_draft_counts"),
        counts.join(", ")
    );
    let disagreements: Vec<_> = consolidation.disagreements().collect();
    let _ = writeln!(
        out,
        "{}: {}",
        labels.get("consolidate_disagreements"),
        disagreements.len()
    );
    for indicator in disagreements {
        let answers: Vec<String> = consolidation
            .assessors
            .iter()
            .zip(&indicator.given)
            .map(|(name, given)| format!("{name} {}", given_text(given, labels)))
            .collect();
        let _ = writeln!(out, "  {}: {}", indicator.id, answers.join(" · "));
        let _ = writeln!(out, "    {}", draft_note(indicator, labels));
    }
    out
}

#[derive(Serialize)]
struct StatisticsJson<'a> {
    checklist: super::json::ChecklistJson<'a>,
    organisation: &'a str,
    language: &'a str,
    files: Vec<FileJson<'a>>,
    disagreements: Vec<&'a str>,
    #[serde(flatten)]
    consolidation: &'a Consolidation,
}

#[derive(Serialize)]
struct FileJson<'a> {
    file: &'a str,
    assessor: &'a str,
    sha256: &'a str,
}

/// The statistics as JSON: agreement, and per indicator every answer, median, spread and draft.
pub fn statistics_json(
    checklist: &Checklist,
    assessments: &[&Assessment],
    consolidation: &Consolidation,
    lang: &str,
) -> String {
    json::to_string(&StatisticsJson {
        checklist: super::json::ChecklistJson {
            id: checklist.id(),
            version: checklist.version(),
        },
        organisation: assessments[0]
            .organisation()
            .get(lang, checklist.default_language()),
        language: lang,
        files: assessments
            .iter()
            .zip(&consolidation.assessors)
            .map(|(a, name)| FileJson {
                file: &a.origin,
                assessor: name,
                sha256: &a.sha256,
            })
            .collect(),
        disagreements: consolidation.disagreements().map(|i| i.id.as_str()).collect(),
        consolidation,
    })
}
