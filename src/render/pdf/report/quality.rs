//! The quality-assurance record: who assessed, who audited and when, the peer reviews, the
//! comments on the draft and the disagreements on record. Nothing without `quality`.

use crate::render::pdf::blocks::{cell, column, heading, paragraph, row};
use crate::render::pdf::{Block, Cell, Column, Table, TextStyle};
use crate::report::ReportView;

pub(super) fn quality(view: &ReportView, blocks: &mut Vec<Block>) {
    let (Some(quality), labels) = (&view.quality, &view.labels) else {
        return;
    };
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
    // a name with what qualifies it (institution, date) on the line below
    let under = |first: &str, second: &Option<String>| match second {
        Some(second) => format!("{first}\n{second}"),
        None => first.to_owned(),
    };
    let or_label = |t: &Option<String>, key: &str| t.clone().unwrap_or_else(|| labels.get(key).to_owned());
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_quality")));
    blocks.push(paragraph(labels.get("quality_intro"), TextStyle::Muted));
    let mut facts = vec![(
        labels.get("label_assessed_by").to_owned(),
        quality.assessed_by.join("\n"),
    )];
    if let Some(audited) = &quality.audited_by {
        facts.push((labels.get("label_audited_by").to_owned(), audited.clone()));
    }
    if let Some(dates) = &quality.review_dates {
        facts.push((labels.get("label_review_dates").to_owned(), dates.clone()));
    }
    blocks.push(Block::KeyValues(facts));
    let column = |key: &str, width: f32| column(labels.get(key), width);
    titled_table(
        blocks,
        labels.get("heading_peer_reviews"),
        vec![
            column("label_peer_reviewer", 1.8),
            column("label_date", 1.2),
            column("label_scope", 1.8),
            column("label_conclusion", 3.0),
        ],
        quality
            .peer_reviews
            .iter()
            .map(|r| {
                vec![
                    cell(under(&r.name, &r.institution)),
                    cell(text(&r.date)),
                    cell(text(&r.scope)),
                    cell(text(&r.conclusion)),
                ]
            })
            .collect(),
    );
    titled_table(
        blocks,
        labels.get("heading_draft_comments"),
        vec![
            column("label_comment_by", 1.8),
            column("label_comment", 3.0),
            column("label_response", 3.0),
        ],
        quality
            .draft_comments
            .iter()
            .map(|c| {
                vec![
                    cell(under(&c.by, &c.date)),
                    cell(c.text.clone()),
                    cell(or_label(&c.response, "label_not_set")),
                ]
            })
            .collect(),
    );
    titled_table(
        blocks,
        labels.get("heading_disagreements"),
        vec![
            column("label_indicator", 1.0),
            column("label_disagreement", 3.6),
            column("label_resolution", 3.0),
        ],
        quality
            .disagreements
            .iter()
            .map(|d| {
                vec![
                    cell(d.indicator.clone().unwrap_or_else(|| "—".to_owned())),
                    cell(format!("{}\n{}", d.text, d.by)),
                    cell(or_label(&d.resolution, "label_unresolved")),
                ]
            })
            .collect(),
    );
}

/// A heading and a table of `rows`; nothing when there are none.
fn titled_table(blocks: &mut Vec<Block>, title: &str, columns: Vec<Column>, rows: Vec<Vec<Cell>>) {
    if rows.is_empty() {
        return;
    }
    blocks.push(heading(2, title));
    blocks.push(Block::Table(Table {
        columns,
        rows: rows.into_iter().map(row).collect(),
    }));
}
