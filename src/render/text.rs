//! The plain-text summary that `oversight score` prints on a terminal.

use crate::i18n::Labels;
use crate::report::{ReportView, ScoreView, flatten};
use std::fmt::Write;

/// Overall score, basis, completeness, critical failures, compliance and a line per section.
pub fn summary(view: &ReportView) -> String {
    let labels = &view.labels;
    let summary = &view.summary;
    let mut out = String::new();
    let _ = writeln!(
        out,
        "{} — {} {} ({})",
        view.cover.organisation,
        view.cover.checklist_id,
        view.cover.checklist_version,
        view.cover.assessed_on
    );
    let _ = writeln!(
        out,
        "{}: {}",
        labels.get("overall_score"),
        score_with_band(&summary.score, labels)
    );
    if let Some(uncapped) = &summary.uncapped_band {
        let _ = writeln!(
            out,
            "  {}",
            labels.fill("capped_note", &[("band", &uncapped.code)])
        );
    }
    if let Some(without) = &summary.without_exceptions {
        let _ = writeln!(
            out,
            "{}: {}",
            labels.get("label_score_without_exceptions"),
            score_with_band(without, labels)
        );
    }
    let _ = writeln!(
        out,
        "{}: {} ({}: {})",
        labels.get("label_basis"),
        summary.basis,
        labels.get("label_reviewed").to_lowercase(),
        summary.reviewed
    );
    let counts: Vec<String> = summary
        .counts
        .iter()
        .filter(|c| c.count > 0)
        .map(|c| {
            labels.fill(
                "count_status",
                &[
                    ("count", &c.count.to_string()),
                    ("status", &c.label.to_lowercase()),
                ],
            )
        })
        .collect();
    let _ = writeln!(
        out,
        "{}: {} ({})",
        labels.get("completeness"),
        summary.completeness,
        counts.join(", ")
    );
    let failures: Vec<String> = summary
        .critical_failures
        .iter()
        .map(|f| format!("{} ({})", f.id, f.reason.to_lowercase()))
        .collect();
    let none = labels.get("none");
    let failures = if failures.is_empty() {
        none.to_owned()
    } else {
        failures.join(", ")
    };
    let _ = writeln!(out, "{}: {failures}", labels.get("critical_failures"));
    let _ = writeln!(
        out,
        "{}: {}",
        labels.get("label_compliance"),
        summary.compliance.statement
    );
    if let Some(note) = &summary.inconclusive_note {
        let _ = writeln!(out, "  {note}");
    }
    let _ = writeln!(out);
    let sections = flatten(&view.sections);
    let width = sections
        .iter()
        .map(|s| s.title.chars().count() + 2 * s.depth + s.number.len())
        .max()
        .unwrap_or(0);
    for section in sections {
        let indent = "  ".repeat(section.depth - 1);
        let label = format!("{indent}{} {}", section.number, section.title);
        let pad = width.saturating_sub(label.chars().count()) + 2;
        let _ = writeln!(
            out,
            "{label}{}{}",
            " ".repeat(pad),
            score_with_band(&section.score, labels)
        );
    }
    out
}

/// "72.5  B Substantial", "54.2  (provisional)" or "—".
fn score_with_band(score: &ScoreView, labels: &Labels) -> String {
    match &score.band {
        Some(band) => format!("{:>5}  {} {}", score.text, band.code, band.label),
        None if score.provisional => format!("{:>5}  ({})", score.text, labels.get("label_provisional")),
        None => format!("{:>5}", score.text),
    }
}
