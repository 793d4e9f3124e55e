//! The details sheet read back: the checklist it was written for (which must be the one
//! imported against), then the assessment's header, one row per key in the hidden first
//! column, and the assessors.

use super::Reader;
use super::book::Grid;
use crate::catalog::ChecklistRef;
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::model::answers::{AnswersDoc, Assessor, Period};
use crate::model::unique_map::UniqueMap;
use crate::model::{Checklist, Text};
use crate::source::Limits;
use crate::validate::Validated;
use crate::workbook::layout::{DETAIL_KEY, DETAIL_ROLE, DETAIL_VALUE, Detail};

const KEY: u32 = DETAIL_KEY as u32;
const VALUE: u32 = DETAIL_VALUE as u32;
const ROLE: u32 = DETAIL_ROLE as u32;

/// The checklist of the workbook: `reference` when given, else the one its details name;
/// either way it must have the id and version the workbook was written for, or no row would
/// line up.
pub(super) fn checklist(
    grid: &Grid,
    file: &str,
    reference: Option<&ChecklistRef>,
    limits: &Limits,
) -> Result<Validated<Checklist>, Diagnostics> {
    let id = identity(grid, file, Detail::Checklist)?;
    let version = identity(grid, file, Detail::ChecklistVersion)?;
    let named = ChecklistRef::Id(id.0.clone());
    // of a bundled checklist, the edition the workbook was written for
    let edition = reference.unwrap_or(&named).load_edition(limits, Some(&version.0));
    let loaded = edition.map_err(|mut found| {
        for diagnostic in found.0.iter_mut().filter(|d| d.code == "unknown-checklist") {
            diagnostic.file = file.to_owned();
            diagnostic.place = id.1.clone();
        }
        found
    })?;
    same_checklist(grid, file, &loaded.value)?;
    Ok(loaded)
}

/// Refuses a checklist of another id or version than the workbook's.
pub(super) fn same_checklist(grid: &Grid, file: &str, checklist: &Checklist) -> Result<(), Diagnostics> {
    let id = identity(grid, file, Detail::Checklist)?;
    let version = identity(grid, file, Detail::ChecklistVersion)?;
    let mut found = Diagnostics::default();
    if checklist.id() != id.0 {
        found.push(
            Diagnostic::error(
                "checklist-mismatch",
                file,
                id.1,
                format!(
                    "the workbook is for `{}`, but the checklist is `{}`",
                    id.0,
                    checklist.id()
                ),
            )
            .with_hint("import it against the checklist it was written for (`--checklist`)"),
        );
    }
    if checklist.version() != version.0 {
        found.push(
            Diagnostic::error(
                "version-mismatch",
                file,
                version.1,
                format!(
                    "the workbook is for version `{}`, but the checklist is version `{}`",
                    version.0,
                    checklist.version()
                ),
            )
            .with_hint("import it against the checklist version it was written for, or write a new workbook"),
        );
    }
    if found.is_empty() { Ok(()) } else { Err(found) }
}

/// The checklist's id or version, with its cell.
fn identity(
    grid: &Grid,
    file: &str,
    detail: Detail,
) -> Result<(String, crate::diagnostic::Place), Diagnostic> {
    let row = grid.find(KEY, &detail.key(), 0).ok_or_else(|| {
        Diagnostic::error(
            "not-an-assessment-workbook",
            file,
            grid.place(0, VALUE),
            format!("the sheet has no row `{}`", detail.key()),
        )
        .with_hint("do not delete rows of the workbook that `oversight workbook` wrote")
    })?;
    let value = super::cells::text(grid, row, VALUE, file)?.unwrap_or_default();
    Ok((value, grid.place(row, VALUE)))
}

/// The header, with no answers yet; none when the organisation or the date is missing.
pub(super) fn read(reader: &mut Reader, grid: &Grid) -> Option<AnswersDoc> {
    let row_of = |detail: &Detail| grid.find(KEY, &detail.key(), 0);
    let row = |detail: Detail| (row_of(&detail).unwrap_or(0), VALUE);
    let organisation = organisation(reader, grid);
    let assessed_on = reader.date(grid, row(Detail::AssessedOn), "assessed_on");
    let (date_row, _) = row(Detail::AssessedOn);
    if assessed_on.is_none() && grid.is_empty(date_row, VALUE) {
        reader.missing(
            grid,
            row(Detail::AssessedOn),
            "the assessment date",
            "type the date of the assessment",
        );
    }
    let from = reader.date(grid, row(Detail::PeriodFrom), "period.from");
    let to = reader.date(grid, row(Detail::PeriodTo), "period.to");
    reader
        .places
        .record("period", grid.place(row(Detail::PeriodFrom).0, VALUE));
    let period = match (from, to) {
        (Some(from), Some(to)) => Some(Period { from, to }),
        (None, None) => None,
        (Some(_), None) => {
            reader.missing(
                grid,
                row(Detail::PeriodTo),
                "the end of the period",
                "give both ends of the period, or neither",
            );
            None
        }
        (None, Some(_)) => {
            reader.missing(
                grid,
                row(Detail::PeriodFrom),
                "the start of the period",
                "give both ends of the period, or neither",
            );
            None
        }
    };
    let language = reader.text(grid, row(Detail::Language), "language");
    let assessors = assessors(reader, grid);
    Some(AnswersDoc {
        checklist: reader.checklist.id().to_owned(),
        checklist_version: reader.checklist.version().to_owned(),
        organisation: organisation?,
        assessed_on: assessed_on?,
        period,
        language,
        scope: Default::default(),
        assessors,
        document: None,
        approval: None,
        audit: None,
        quality: None,
        answers: UniqueMap::default(),
        actions: Vec::new(),
    })
}

/// The organisation's name: one plain row, or one row per language (the ones filled in).
fn organisation(reader: &mut Reader, grid: &Grid) -> Option<Text> {
    let mut plain = None;
    let mut translated = Vec::new();
    let mut first = None;
    for row in 0..=grid.last_row() {
        let key = super::cells::text(grid, row, KEY, reader.file()).ok().flatten();
        match key.as_deref().and_then(Detail::from_key) {
            Some(Detail::Organisation(None)) => {
                first.get_or_insert(row);
                plain = reader.text(grid, (row, VALUE), "organisation");
            }
            Some(Detail::Organisation(Some(lang))) => {
                first.get_or_insert(row);
                let path = format!("organisation.{lang}");
                reader.places.record("organisation", grid.place(row, VALUE));
                if let Some(name) = reader.text(grid, (row, VALUE), &path) {
                    translated.push((lang, name));
                }
            }
            _ => {}
        }
    }
    let text = match plain {
        Some(name) => Some(Text::Plain(name)),
        None if !translated.is_empty() => Some(Text::Translated(translated.into_iter().collect())),
        None => None,
    };
    if text.is_none() {
        let row = first.unwrap_or(0);
        reader.missing(
            grid,
            (row, VALUE),
            "the organisation's name",
            "type the name of the organisation assessed",
        );
    }
    text
}

/// The assessor rows with a name (a role without a name is an error).
fn assessors(reader: &mut Reader, grid: &Grid) -> Vec<Assessor> {
    let key = Detail::Assessor.key();
    let mut assessors = Vec::new();
    let mut row = 0;
    while let Some(found) = grid.find(KEY, &key, row) {
        row = found + 1;
        let path = format!("assessors[{}]", assessors.len());
        let name = reader.text(grid, (found, VALUE), &format!("{path}.name"));
        let role = reader.text(grid, (found, ROLE), &format!("{path}.role"));
        match name {
            Some(name) => assessors.push(Assessor { name, role }),
            None if role.is_some() => {
                reader.missing(
                    grid,
                    (found, VALUE),
                    "the assessor's name",
                    "give the name beside the role, or clear the role",
                );
            }
            None => {}
        }
    }
    assessors
}
