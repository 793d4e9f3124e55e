//! The quality-assurance record: who assessed, who audited and when, the peer reviews, the
//! comments on the draft and the disagreements on record. Nothing without `quality`.

use crate::render::pdf::blocks::{cell, column, heading, paragraph, row};
use crate::render::pdf::{Block, Table, TextStyle};
use crate::report::ReportView;

pub(super) fn quality(view: &ReportView, blocks: &mut Vec<Block>) {
    let (Some(quality), labels) = (&view.quality, &view.labels) else {
        return;
    };
    let text = |t: &Option<String>| t.clone().unwrap_or_default();
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
    if !quality.peer_reviews.is_empty() {
        blocks.push(heading(2, labels.get("heading_peer_reviews")));
        let rows = quality
            .peer_reviews
            .iter()
            .map(|r| {
                let who = match &r.institution {
                    Some(institution) => format!("{}\n{institution}", r.name),
                    None => r.name.clone(),
                };
                row(vec![
                    cell(who),
                    cell(text(&r.date)),
                    cell(text(&r.scope)),
                    cell(text(&r.conclusion)),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(labels.get("label_peer_reviewer"), 1.8),
                column(labels.get("label_date"), 1.2),
                column(labels.get("label_scope"), 1.8),
                column(labels.get("label_conclusion"), 3.0),
            ],
            rows,
        }));
    }
    if !quality.draft_comments.is_empty() {
        blocks.push(heading(2, labels.get("heading_draft_comments")));
        let rows = quality
            .draft_comments
            .iter()
            .map(|c| {
                let by = match &c.date {
                    Some(date) => format!("{}\n{date}", c.by),
                    None => c.by.clone(),
                };
                let response = c
                    .response
                    .clone()
                    .unwrap_or_else(|| labels.get("label_not_set").to_owned());
                row(vec![cell(by), cell(c.text.clone()), cell(response)])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(labels.get("label_comment_by"), 1.8),
                column(labels.get("label_comment"), 3.0),
                column(labels.get("label_response"), 3.0),
            ],
            rows,
        }));
    }
    if !quality.disagreements.is_empty() {
        blocks.push(heading(2, labels.get("heading_disagreements")));
        let rows = quality
            .disagreements
            .iter()
            .map(|d| {
                let resolution = d
                    .resolution
                    .clone()
                    .unwrap_or_else(|| labels.get("label_unresolved").to_owned());
                row(vec![
                    cell(d.indicator.clone().unwrap_or_else(|| "—".to_owned())),
                    cell(format!("{}\n{}", d.text, d.by)),
                    cell(resolution),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(labels.get("label_indicator"), 1.0),
                column(labels.get("label_disagreement"), 3.6),
                column(labels.get("label_resolution"), 3.0),
            ],
            rows,
        }));
    }
}
