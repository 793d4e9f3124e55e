//! The compliance findings: the verdicts (or "not enough answered to conclude") and the
//! non-conformities. The signatures are the sign-off's.

use crate::render::pdf::blocks::{ALERT_SHADE, MINOR_SHADE, cell, column, heading, paragraph, right, row};
use crate::render::pdf::{Block, Cell, Row, Table, TextStyle};
use crate::report::ReportView;

pub(super) fn compliance(view: &ReportView, blocks: &mut Vec<Block>) {
    let (compliance, labels) = (&view.compliance, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_compliance")));
    blocks.push(Block::KeyValues(vec![
        (
            labels.get("label_compliance").to_owned(),
            compliance.overall.statement.clone(),
        ),
        (labels.get("label_basis").to_owned(), view.cover.basis.clone()),
    ]));
    blocks.push(paragraph(labels.get("compliance_rule"), TextStyle::Muted));
    blocks.push(heading(2, labels.get("heading_compliance_sections")));
    let count = |n: usize| cell(n.to_string());
    let mut rows: Vec<Row> = compliance
        .sections
        .iter()
        .map(|s| {
            row(vec![
                cell(format!("{}{} {}", "   ".repeat(s.depth - 1), s.number, s.title)),
                cell(s.compliance.statement.clone()),
                count(s.compliance.major),
                count(s.compliance.minor),
                count(s.compliance.accepted_risks),
            ])
        })
        .collect();
    let overall = &compliance.overall;
    rows.push(Row {
        cells: [
            labels.get("label_total").to_owned(),
            overall.statement.clone(),
            overall.major.to_string(),
            overall.minor.to_string(),
            overall.accepted_risks.to_string(),
        ]
        .into_iter()
        .map(|text| Cell {
            text,
            bold: true,
            colour: None,
        })
        .collect(),
        shade: None,
        note: None,
    });
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_section"), 3.0),
            column(labels.get("label_compliance"), 3.0),
            right(labels.get("label_major"), 0.8),
            right(labels.get("label_minor"), 0.8),
            right(labels.get("label_accepted_risks"), 1.0),
        ],
        rows,
    }));
    blocks.push(heading(2, labels.get("heading_nonconformities")));
    if compliance.findings.is_empty() {
        blocks.push(paragraph(
            labels.get("label_no_nonconformities"),
            TextStyle::Normal,
        ));
    } else {
        let rows = compliance
            .findings
            .iter()
            .map(|f| {
                let mut severity = format!("{}\n{}", f.severity_label, f.reason);
                if let Some(note) = &f.expired_exception {
                    severity.push_str(&format!("\n{note}"));
                }
                Row {
                    cells: vec![
                        cell(f.number.to_string()),
                        cell(format!("{} — {}", f.id, f.text)),
                        cell(f.section.clone()),
                        cell(severity),
                        cell(f.levels.clone()),
                        cell(format!("{} / {}", f.score, f.pass)),
                    ],
                    shade: Some(if f.severity == "major" {
                        ALERT_SHADE
                    } else {
                        MINOR_SHADE
                    }),
                    note: None,
                }
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                right(labels.get("label_number"), 0.4),
                column(labels.get("label_indicator"), 2.6),
                column(labels.get("label_section"), 1.8),
                column(labels.get("label_severity"), 1.8),
                right(labels.get("label_levels"), 1.0),
                right(labels.get("label_score_vs_pass"), 0.9),
            ],
            rows,
        }));
    }
}
