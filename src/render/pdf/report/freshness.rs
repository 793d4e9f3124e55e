//! The evidence freshness flags.

use crate::render::pdf::blocks::{bullets, cell, column, heading, paragraph, row};
use crate::render::pdf::{Block, Table, TextStyle};
use crate::report::ReportView;

pub(super) fn freshness(view: &ReportView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("heading_freshness")));
    blocks.push(paragraph(labels.get("freshness_rule"), TextStyle::Muted));
    blocks.push(Block::KeyValues(vec![(
        labels.get("label_evidence_max_age").to_owned(),
        view.methodology.evidence_max_age.clone(),
    )]));
    if view.freshness.is_empty() {
        blocks.push(paragraph(
            labels.get("label_no_freshness_flags"),
            TextStyle::Normal,
        ));
        return;
    }
    let rows = view
        .freshness
        .iter()
        .map(|f| {
            row(vec![
                cell(format!("{} — {}\n{}", f.id, f.text, f.section)),
                cell(bullets(&f.flags)),
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_indicator"), 2.5),
            column(labels.get("label_flags"), 3.5),
        ],
        rows,
    }));
}
