//! The evidence sheet read back: each filled row is one more evidence item of the indicator
//! its id names, after the item in the indicator's own row, in the order of the rows.

use super::Reader;
use super::assessment::{Columns, evidence_kind};
use super::book::Grid;
use crate::model::Text;
use crate::model::answers::Evidence;
use crate::workbook::layout::{FIRST_ROW, Field};

pub(super) fn read(reader: &mut Reader, grid: &Grid) {
    let columns = Columns::read(reader, grid);
    let Some(id_col) = columns.of(&Field::Id) else {
        return;
    };
    for row in FIRST_ROW..=grid.last_row() {
        let filled = columns.iter().any(|(_, col)| !grid.is_empty(row, *col));
        if filled {
            item(reader, grid, &columns, row, id_col);
        }
    }
}

/// One row: the indicator's id, then the item's title, date and reference.
fn item(reader: &mut Reader, grid: &Grid, columns: &Columns, row: u32, id_col: u32) {
    let id = reader.text(grid, (row, id_col), "evidence").unwrap_or_default();
    let Some(index) = reader.checklist.indicators().iter().position(|i| i.id == id) else {
        let (code, message) = match id.is_empty() {
            true => (
                "missing-value",
                "the evidence does not say which indicator it is for".to_owned(),
            ),
            false => (
                "unknown-indicator",
                format!("the checklist has no indicator `{id}`"),
            ),
        };
        reader.error(
            code,
            grid.place(row, id_col),
            message,
            "choose the ID of an indicator from the list".to_owned(),
        );
        return;
    };
    let count = reader.answers[index].as_ref().map_or(0, |a| a.evidence.len());
    let path = format!("answers[{id}].evidence[{count}]");
    let mut title = None;
    let mut date = None;
    let mut plain = None;
    let mut kind = None;
    let mut translated = Vec::new();
    for (field, col) in columns.iter() {
        let at = (row, *col);
        match field {
            Field::EvidenceTitle => title = reader.text(grid, at, &format!("{path}.title")),
            Field::EvidenceDate => date = reader.date(grid, at, &format!("{path}.date")),
            Field::EvidenceRef(None) => plain = reader.text(grid, at, &format!("{path}.ref")),
            Field::EvidenceKind => kind = evidence_kind(reader, grid, at, &format!("{path}.kind")),
            Field::EvidenceRef(Some(lang)) => {
                if let Some(text) = reader.text(grid, at, &format!("{path}.ref.{lang}")) {
                    translated.push((lang.clone(), text));
                }
            }
            _ => {}
        }
    }
    let Some(title) = title else {
        let col = columns.of(&Field::EvidenceTitle).unwrap_or(id_col);
        reader.missing(
            grid,
            (row, col),
            "the evidence's title",
            "give the title of the document, or clear the row",
        );
        return;
    };
    let reference = match plain {
        Some(text) => Some(Text::Plain(text)),
        None if !translated.is_empty() => Some(Text::Translated(translated.into_iter().collect())),
        None => None,
    };
    reader.answer(index).evidence.push(Evidence {
        title,
        date,
        reference,
        kind: kind.unwrap_or_default(),
    });
}
