//! The executive summary: key figures, critical failures, strongest and weakest sections, and the
//! indicators by status as a chart.

use crate::i18n::Labels;
use crate::render::pdf::blocks::{band_cell, cell, column, heading, paragraph, right, row, score_text};
use crate::render::pdf::{Bar, BarChart, Block, Column, Rgb, Table, TextStyle};
use crate::report::ReportView;

pub(super) fn summary(view: &ReportView, blocks: &mut Vec<Block>) {
    let (summary, labels) = (&view.summary, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_summary")));
    let mut facts = vec![(
        labels.get("overall_score").to_owned(),
        score_text(&summary.score, labels),
    )];
    if let Some(without) = &summary.without_exceptions {
        facts.push((
            labels.get("label_score_without_exceptions").to_owned(),
            score_text(without, labels),
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
            format!("{} — {}", summary.completeness, summary.answered),
        ),
    ]);
    blocks.push(Block::KeyValues(facts));
    if let Some(note) = &summary.inconclusive_note {
        blocks.push(paragraph(note.clone(), TextStyle::Bold));
    }
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
                let text = match &f.rationale {
                    Some(why) => format!("{}\n{}: {why}", f.text, labels.get("label_rationale")),
                    None => f.text.clone(),
                };
                row(vec![
                    cell(f.id.clone()),
                    cell(text),
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
    blocks.push(heading(2, labels.get("heading_counts")));
    blocks.push(status_chart(view));
}

/// The indicators by status as bars on one scale, the total at full length, as in the HTML.
fn status_chart(view: &ReportView) -> Block {
    let summary = &view.summary;
    let total = summary.total_indicators;
    let bars = summary
        .counts
        .iter()
        .map(|c| Bar {
            label: c.label.clone(),
            value: Some(c.count as f64),
            colour: STATUS_COLOURS
                .iter()
                .find(|(status, _)| *status == c.status)
                .map_or(Rgb(0x9e, 0x9e, 0x9e), |(_, colour)| *colour),
            annotation: view.labels.fill(
                "reviewed_of",
                &[("reviewed", &c.count.to_string()), ("total", &total.to_string())],
            ),
        })
        .collect();
    Block::BarChart(BarChart {
        // the heading above names it
        title: String::new(),
        bars,
        max: total.max(1) as f64,
        marks: Vec::new(),
    })
}

/// The colours of the statuses, as the HTML's share bars draw them.
const STATUS_COLOURS: [(&str, Rgb); 4] = [
    ("scored", Rgb(0x14, 0x32, 0x5c)),
    ("not-applicable", Rgb(0x8a, 0x95, 0xa3)),
    ("not-enough-information", Rgb(0xc2, 0x8a, 0x12)),
    ("unanswered", Rgb(0xa4, 0x26, 0x2c)),
];

fn section_score_columns(labels: &Labels) -> Vec<Column> {
    vec![
        column(labels.get("label_number"), 0.5),
        column(labels.get("label_section"), 4.0),
        right(labels.get("label_score"), 0.8),
        column(labels.get("label_band"), 1.4),
    ]
}
