//! The action plan.

use crate::render::pdf::blocks::{ALERT_SHADE, cell, column, heading, paragraph};
use crate::render::pdf::{Block, Cell, Row, Table, TextStyle};
use crate::report::ReportView;

pub(super) fn actions(view: &ReportView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("heading_actions")));
    if view.actions.is_empty() {
        blocks.push(paragraph(labels.get("label_no_actions"), TextStyle::Normal));
        return;
    }
    let not_set = labels.get("label_not_set");
    let rows = view
        .actions
        .iter()
        .map(|a| {
            let due = a.due.clone().unwrap_or_else(|| not_set.to_owned());
            let due = if a.overdue {
                format!("{due}\n{}", labels.get("label_overdue"))
            } else {
                due
            };
            Row {
                cells: vec![
                    cell(a.indicator_id.clone()),
                    cell(a.text.clone()),
                    cell(a.owner.clone().unwrap_or_else(|| not_set.to_owned())),
                    Cell {
                        text: due,
                        bold: a.overdue,
                        colour: None,
                    },
                ],
                shade: a.overdue.then_some(ALERT_SHADE),
            }
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_id"), 0.8),
            column(labels.get("label_action"), 3.6),
            column(labels.get("label_owner"), 1.6),
            column(labels.get("label_due"), 1.2),
        ],
        rows,
    }));
    if view.actions.iter().any(|a| a.overdue) {
        blocks.push(paragraph(labels.get("note_overdue"), TextStyle::Small));
    }
}
