//! The executive summary: key figures, critical failures, strongest and weakest sections.

use crate::i18n::Labels;
use crate::render::pdf::blocks::{band_cell, cell, column, heading, paragraph, right, row, score_text};
use crate::render::pdf::{Block, Column, Table, TextStyle};
use crate::report::ReportView;

pub(super) fn summary(view: &ReportView, blocks: &mut Vec<Block>) {
    let (summary, labels) = (&view.summary, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_summary")));
    let mut facts = vec![(labels.get("overall_score").to_owned(), score_text(&summary.score))];
    if let Some(without) = &summary.without_exceptions {
        facts.push((
            labels.get("label_score_without_exceptions").to_owned(),
            score_text(without),
        ));
    }
    facts.extend([
        (labels.get("label_basis").to_owned(), summary.basis.clone()),
        (labels.get("label_reviewed").to_owned(), summary.reviewed.clone()),
        (
            labels.get("label_compliance").to_owned(),
            summary.compliance.statement.clone(),
        ),
        (
            labels.get("completeness").to_owned(),
            summary.completeness.clone(),
        ),
    ]);
    facts.extend(
        summary
            .counts
            .iter()
            .map(|c| (c.label.clone(), c.count.to_string())),
    );
    facts.push((
        labels.get("label_total").to_owned(),
        summary.total_indicators.to_string(),
    ));
    blocks.push(Block::KeyValues(facts));
    if !view.exceptions.expiring.is_empty() {
        let items: Vec<String> = view
            .exceptions
            .expiring
            .iter()
            .map(|x| format!("{} ({})", x.id, x.exception.expires))
            .collect();
        blocks.push(paragraph(
            format!("{}: {}", labels.get("heading_expiring"), items.join(", ")),
            TextStyle::Normal,
        ));
    }
    blocks.push(heading(2, labels.get("critical_failures")));
    if summary.critical_failures.is_empty() {
        blocks.push(paragraph(
            labels.get("label_no_critical_failures"),
            TextStyle::Normal,
        ));
    } else {
        let rows = summary
            .critical_failures
            .iter()
            .map(|f| {
                row(vec![
                    cell(f.id.clone()),
                    cell(f.text.clone()),
                    cell(f.section.clone()),
                    cell(f.reason.clone()),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(labels.get("label_id"), 0.8),
                column(labels.get("label_indicator"), 3.0),
                column(labels.get("label_section"), 1.8),
                column(labels.get("label_reason"), 1.6),
            ],
            rows,
        }));
    }
    for (key, sections) in [
        ("heading_strongest", &summary.strongest),
        ("heading_weakest", &summary.weakest),
    ] {
        if sections.is_empty() {
            continue;
        }
        blocks.push(heading(2, labels.get(key)));
        let rows = sections
            .iter()
            .map(|s| {
                row(vec![
                    cell(s.number.clone()),
                    cell(s.title.clone()),
                    cell(s.score.text.clone()),
                    band_cell(s.score.band.as_ref()),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: section_score_columns(labels),
            rows,
        }));
    }
}

fn section_score_columns(labels: &Labels) -> Vec<Column> {
    vec![
        column(labels.get("label_number"), 0.5),
        column(labels.get("label_section"), 4.0),
        right(labels.get("label_score"), 0.8),
        column(labels.get("label_band"), 1.4),
    ]
}
