//! The report's cover page: title and kind of report; the overall rating with its completeness
//! (on an audited report, the verified and the self-assessed totals side by side); document
//! control, the assessment facts and the audit.

use crate::i18n::Labels;
use crate::render::pdf::blocks::{paragraph, rgb, score_text};
use crate::render::pdf::{Block, Rgb, TextStyle};
use crate::report::{Cover, DocumentView, ReportView, ScoreView};

pub(super) fn cover(view: &ReportView, blocks: &mut Vec<Block>) {
    let (cover, labels) = (&view.cover, &view.labels);
    blocks.push(Block::Title {
        text: cover.title.clone(),
        subtitle: Some(cover.kicker.clone()),
    });
    let summary = &view.summary;
    blocks.push(badge(&summary.score, labels));
    let mut figures = Vec::new();
    if let Some(audit) = &cover.audit {
        // the badge shows the total on the basis scored; the other one beside it
        let (key, other) = if view.basis == "verified" {
            ("label_score_self", &audit.self_assessed)
        } else {
            ("label_score_verified", &audit.verified)
        };
        figures.extend([
            (labels.get(key).to_owned(), score_text(other, labels)),
            (
                labels.get("label_score_difference").to_owned(),
                audit.difference.clone(),
            ),
        ]);
    }
    figures.push((
        labels.get("completeness").to_owned(),
        format!("{} — {}", summary.completeness, summary.answered),
    ));
    blocks.push(Block::KeyValues(figures));
    if let Some(note) = &summary.inconclusive_note {
        blocks.push(paragraph(note.clone(), TextStyle::Bold));
    }
    if let Some(uncapped) = &summary.uncapped_band {
        blocks.push(paragraph(
            labels.fill("capped_note", &[("band", &uncapped.code)]),
            TextStyle::Muted,
        ));
    }
    let (document, people) = facts(cover, &view.document, labels);
    blocks.push(Block::Spacer(3.0));
    blocks.push(Block::KeyValues(document));
    blocks.push(Block::KeyValues(people));
    if let Some(description) = &cover.description {
        blocks.push(paragraph(description.clone(), TextStyle::Muted));
    }
}

/// Label and value pairs, for a [`Block::KeyValues`].
type Facts = Vec<(String, String)>;

/// The facts under the rating, label and value: the document and the assessment, then the
/// people (two blocks, so that a long cover breaks between them).
fn facts(cover: &Cover, document: &DocumentView, labels: &Labels) -> (Facts, Facts) {
    let row = |key: &str, value: &str| (labels.get(key).to_owned(), value.to_owned());
    let mut rows = vec![row("label_kind_of_report", &cover.kind_label)];
    for (key, value) in [
        ("label_document_status", &document.status_label),
        ("label_document_number", &document.number),
        ("label_version", &document.version),
    ] {
        if let Some(value) = value {
            rows.push(row(key, value));
        }
    }
    rows.push(row("label_organisation", &cover.organisation));
    rows.push(row(
        "label_checklist",
        &format!("{} {}", cover.checklist_id, cover.checklist_version),
    ));
    if let Some(period) = &cover.period {
        rows.push(row("label_period", period));
    }
    rows.push(row("label_assessed_on", &cover.assessed_on));
    rows.push(row("label_report_date", &cover.report_date));
    rows.push(row("label_basis", &cover.basis));
    if let Some(source) = &cover.source {
        rows.push(row("label_source", source));
    }
    let mut people = Vec::new();
    if !cover.assessors.is_empty() {
        let names: Vec<String> = cover
            .assessors
            .iter()
            .map(|a| match &a.role {
                Some(role) => format!("{}, {role}", a.name),
                None => a.name.clone(),
            })
            .collect();
        people.push(row("label_assessors", &names.join("\n")));
    }
    if let Some(approved) = &cover.approved {
        people.push(row("label_self_assessment_approved", approved));
    }
    if let Some(audit) = &cover.audit {
        let mut auditors = audit.auditors.join("; ");
        if let Some(institution) = &audit.institution {
            auditors.push_str(&format!("\n{institution}"));
        }
        people.push(row("label_auditors", &auditors));
        if let Some(date) = &audit.date {
            people.push(row("label_audit_date", date));
        }
        if let Some(scope) = &audit.scope {
            people.push(row("label_audit_scope", scope));
        }
    }
    (rows, people)
}

/// The overall score in its band's colour; grey and "provisional" when provisional; the score
/// itself in navy in a checklist without bands.
fn badge(score: &ScoreView, labels: &Labels) -> Block {
    let figure = format!(
        "{}: {} {}",
        labels.get("overall_score"),
        score.text,
        labels.get("label_out_of_100")
    );
    match &score.band {
        Some(band) => Block::Badge {
            code: band.code.clone(),
            label: format!("{figure} · {}", band.label),
            colour: rgb(&band.colour),
        },
        None if score.provisional => Block::Badge {
            code: "—".into(),
            label: format!("{figure} · {}", labels.get("label_provisional")),
            colour: Rgb(0x9e, 0x9e, 0x9e),
        },
        // A checklist without bands: the score itself in the badge, in the report's navy.
        None if score.value.is_some() => Block::Badge {
            code: score.text.clone(),
            label: figure,
            colour: Rgb(0x14, 0x32, 0x5c),
        },
        None => Block::Badge {
            code: "—".into(),
            label: format!("{}: {}", labels.get("overall_score"), score.text),
            colour: Rgb(0x9e, 0x9e, 0x9e),
        },
    }
}
