//! The sign-off: a self-assessment's approval («ЗАТВЕРДЖУЮ») with the assessors who prepared
//! it, or an audited report's attestation; each signatory a row of position, name, date and
//! signature, with what the answers do not give left blank to fill in by hand.

use crate::i18n::Labels;
use crate::render::pdf::blocks::{cell, column, heading, paragraph, row};
use crate::render::pdf::{Block, Cell, Table, TextStyle};
use crate::report::{ReportView, Signatory};

pub(super) fn sign_off(view: &ReportView, blocks: &mut Vec<Block>) {
    let (sign_off, labels) = (&view.sign_off, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, &sign_off.heading));
    if !sign_off.assessors.is_empty() {
        blocks.push(heading(2, labels.get("label_assessors")));
        blocks.push(signatures(
            &sign_off.assessors,
            labels.get("label_position"),
            labels,
        ));
    }
    if let Some(stamp) = &sign_off.stamp {
        blocks.push(Block::Spacer(4.0));
        blocks.push(paragraph(stamp.clone(), TextStyle::Bold));
    }
    blocks.push(paragraph(sign_off.statement.clone(), TextStyle::Normal));
    if let Some(scope) = &sign_off.scope {
        blocks.push(paragraph(
            format!("{}: {scope}", labels.get("label_audit_scope")),
            TextStyle::Normal,
        ));
    }
    blocks.push(signatures(
        &sign_off.signatories,
        &sign_off.position_label,
        labels,
    ));
}

/// A row per signatory; the empty cells are tall enough to sign in.
fn signatures(rows: &[Signatory], position_label: &str, labels: &Labels) -> Block {
    let blank = || cell("\n\n");
    let or_blank = |text: &Option<String>| text.clone().map_or_else(blank, cell);
    Block::Table(Table {
        columns: vec![
            column(position_label, 2.4),
            column(labels.get("label_name"), 2.0),
            column(labels.get("label_date"), 1.3),
            column(labels.get("label_signature"), 1.5),
        ],
        rows: rows
            .iter()
            .map(|s| {
                row(vec![
                    or_blank(&s.position),
                    Cell {
                        bold: true,
                        ..or_blank(&s.name)
                    },
                    or_blank(&s.date),
                    blank(),
                ])
            })
            .collect(),
    })
}
