//! The accepted exceptions: in force (those expiring soon flagged) and expired; nothing when
//! there is none.

use crate::i18n::Labels;
use crate::render::pdf::blocks::{ALERT_SHADE, cell, column, heading, paragraph, right, score_text};
use crate::render::pdf::{Block, Cell, Row, Table, TextStyle};
use crate::report::{ExceptionItem, ReportView};

pub(super) fn exceptions(view: &ReportView, blocks: &mut Vec<Block>) {
    let (exceptions, labels) = (&view.exceptions, &view.labels);
    if exceptions.in_force.is_empty() && exceptions.expired.is_empty() {
        return;
    }
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_exceptions")));
    blocks.push(paragraph(labels.get("exceptions_rule"), TextStyle::Muted));
    if let Some(without) = &exceptions.without {
        blocks.push(Block::KeyValues(vec![
            (
                labels.get("label_score_with_exceptions").to_owned(),
                score_text(&exceptions.score, labels),
            ),
            (
                labels.get("label_score_without_exceptions").to_owned(),
                score_text(without, labels),
            ),
        ]));
    }
    for (key, items) in [
        ("heading_exceptions_in_force", &exceptions.in_force),
        ("heading_expired", &exceptions.expired),
    ] {
        if !items.is_empty() {
            blocks.push(heading(2, labels.get(key)));
            blocks.push(Block::Table(exception_table(items, labels)));
        }
    }
}

fn exception_table(items: &[ExceptionItem], labels: &Labels) -> Table {
    let rows = items
        .iter()
        .map(|x| {
            let mut expires = x.exception.expires.clone();
            if x.exception.state != "valid" {
                expires.push_str(&format!("\n{}", x.exception.state_label));
            }
            Row {
                cells: vec![
                    cell(format!("{} — {}\n{}", x.id, x.text, x.section)),
                    cell(x.exception.reason.clone()),
                    cell(x.exception.approved_by.clone()),
                    Cell {
                        text: expires,
                        bold: !x.exception.applies,
                        colour: None,
                    },
                    cell(format!("{} / {}", x.score.text, x.pass)),
                ],
                shade: (!x.exception.applies).then_some(ALERT_SHADE),
                note: None,
            }
        })
        .collect();
    Table {
        columns: vec![
            column(labels.get("label_indicator"), 2.6),
            column(labels.get("label_reason"), 2.4),
            column(labels.get("label_approved_by"), 1.4),
            column(labels.get("label_expires"), 1.2),
            right(labels.get("label_score_vs_pass"), 1.0),
        ],
        rows,
    }
}
