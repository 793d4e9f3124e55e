//! `oversight import`: a filled assessment workbook read back into answers, another loader
//! that ends in the same validated [`Assessment`] as an answers file.
//!
//! The hidden `oversight` sheet ([`meta`]) names the sheets; the details sheet names the
//! checklist, which must be the one the workbook was written for. Each sheet kind has its
//! reader ([`details`], [`assessment`], [`evidence`]; a new kind is one more module and one
//! more arm in [`read_sheets`]), finding values by the hidden keys of
//! [`crate::workbook::layout`]. Every cell that cannot be read is a diagnostic at
//! `FILE.xlsx:SHEET!CELL`; the answers read are then checked by the answers rules, whose
//! findings [`places`] moves from their paths to the cells they came from. Every problem is
//! reported at once. The header's records come back from a hidden sheet ([`records`]).
//!
//! A plan workbook (`oversight plan --format xlsx`) comes back the other way ([`plan`]): its
//! actions' statuses, dates and new notes update the answers file it was written from.

mod assessment;
mod book;
mod cells;
mod details;
mod evidence;
mod meta;
mod places;
mod plan;
mod records;
mod rows;

pub use book::Book;

use crate::catalog::ChecklistRef;
use crate::diagnostic::{Diagnostic, Diagnostics, Place};
use crate::i18n::{Catalogue, Labels};
use crate::model::answers::{Answer, AnswersDoc};
use crate::model::scope::ScopeIds;
use crate::model::{Assessment, Checklist, Date, Number};
use crate::source::Limits;
use crate::validate::{Validated, answers};
use crate::workbook::choices::Choices;
use crate::workbook::layout::SheetKind;
use book::Grid;
use meta::{Meta, WorkbookKind};
use places::Places;
use std::path::Path;

/// A workbook read back: its checklist, and the assessment with its warnings.
#[derive(Debug, Clone)]
pub struct Imported {
    pub checklist: Checklist,
    pub assessment: Assessment,
    pub warnings: Diagnostics,
}

/// Reads a filled workbook of either kind: an assessment workbook against its checklist
/// (`checklist`, else the one it names), a plan workbook into the answers file it was written
/// from (`answers`, which only a plan workbook takes).
pub fn filled(
    book: &Book,
    checklist: Option<&ChecklistRef>,
    answers: Option<&Path>,
    limits: &Limits,
) -> Result<Imported, Diagnostics> {
    let meta = Meta::read(book)?;
    let kind_error = |code: &'static str, message: &str, hint: &str| -> Diagnostics {
        Diagnostic::error(code, &book.file, Place::File, message.to_owned())
            .with_hint(hint.to_owned())
            .into()
    };
    match (meta.kind, answers) {
        (WorkbookKind::Assessment, None) => workbook(book, checklist, limits),
        (WorkbookKind::Plan, Some(answers)) => {
            let loaded = crate::load::assessment(answers, checklist, limits)?;
            plan::plan(book, &meta, loaded)
        }
        (WorkbookKind::Plan, None) => Err(kind_error(
            "plan-without-answers",
            "this is a plan workbook: its statuses update the answers file it was written from",
            "give that answers file with `--answers FILE`",
        )),
        (WorkbookKind::Assessment, Some(_)) => Err(kind_error(
            "answers-without-plan",
            "this is an assessment workbook, which holds the answers itself",
            "leave out `--answers`: it is for a plan workbook (`oversight plan --format xlsx`)",
        )),
    }
}

/// Reads a filled workbook against its checklist (`checklist`, else the one its details
/// sheet names) and validates the answers.
pub fn workbook(
    book: &Book,
    checklist: Option<&ChecklistRef>,
    limits: &Limits,
) -> Result<Imported, Diagnostics> {
    let meta = Meta::read(book)?;
    let details = meta.sheet(book, SheetKind::Details)?;
    let Validated { value, warnings } = details::checklist(&details, &book.file, checklist, limits)?;
    let mut imported = read(book, &meta, value)?;
    let mut all = warnings;
    all.extend(imported.warnings);
    imported.warnings = all;
    Ok(imported)
}

/// Reads a filled workbook against a checklist already loaded, which must be the one it was
/// written for.
pub fn against(book: &Book, checklist: Checklist) -> Result<Imported, Diagnostics> {
    let meta = Meta::read(book)?;
    let details = meta.sheet(book, SheetKind::Details)?;
    details::same_checklist(&details, &book.file, &checklist)?;
    read(book, &meta, checklist)
}

/// Reads the sheets and checks the answers they give.
fn read(book: &Book, meta: &Meta, checklist: Checklist) -> Result<Imported, Diagnostics> {
    let labels = Catalogue::bundled().labels(&meta.lang);
    let mut reader = Reader::new(book, &checklist, &meta.lang, &labels);
    let doc = read_sheets(&mut reader, meta);
    let Reader {
        mut found, places, ..
    } = reader;
    let checked = doc.map(|doc| answers::document(doc, &book.file, &book.sha256, &checklist));
    match checked {
        Some(Ok(Validated { value, warnings })) if !found.has_errors() => Ok(Imported {
            assessment: value,
            warnings: places.locate(warnings, &book.file),
            checklist,
        }),
        Some(Ok(Validated { warnings: more, .. })) | Some(Err(more)) => {
            found.extend(places.locate(more, &book.file));
            Err(without_repeats(found))
        }
        None => Err(found),
    }
}

/// Reads every sheet the import needs, in the order their values depend on; none when a
/// required value of the header is missing (each such cell is reported).
fn read_sheets(reader: &mut Reader, meta: &Meta) -> Option<AnswersDoc> {
    // The records first: their scope says which indicators have a row.
    let records = records::read(reader);
    if let Some(records) = &records {
        reader.scope = records.scope.clone();
    }
    let mut header = None;
    for kind in SheetKind::ALL {
        let grid = match kind {
            SheetKind::Instructions => continue,
            _ => match meta.sheet(reader.book, kind) {
                Ok(grid) => grid,
                Err(missing) => {
                    reader.found.extend(missing);
                    continue;
                }
            },
        };
        match kind {
            SheetKind::Instructions => {}
            SheetKind::Details => header = details::read(reader, &grid),
            SheetKind::Assessment => assessment::read(reader, &grid),
            SheetKind::Evidence => evidence::read(reader, &grid),
        }
    }
    let mut doc = header?;
    doc.answers = reader
        .answers
        .iter()
        .zip(reader.checklist.indicators())
        .filter_map(|(answer, indicator)| Some((indicator.id.clone(), answer.clone()?)))
        .collect();
    let ids = reader.checklist.indicators().into_iter().map(|i| i.id.as_str());
    records?.fill(&mut doc, ids);
    Some(doc)
}

/// One finding per place and code: a cell that could not be read is not reported again by
/// the answers rules that then miss its value.
fn without_repeats(found: Diagnostics) -> Diagnostics {
    let mut kept: Vec<Diagnostic> = Vec::new();
    for diagnostic in found.0 {
        let repeat = kept
            .iter()
            .any(|k| k.place == diagnostic.place && k.is_error() && matches!(k.place, Place::Cell { .. }));
        if !repeat {
            kept.push(diagnostic);
        }
    }
    Diagnostics(kept)
}

/// The state of one import: the workbook, the checklist and its entries, the answers read
/// so far (one per indicator, in checklist order), every finding and the cell of every path.
struct Reader<'a> {
    book: &'a Book,
    checklist: &'a Checklist,
    choices: Choices<'a>,
    answers: Vec<Option<Answer>>,
    /// The scope the workbook was written for, from its records.
    scope: ScopeIds,
    found: Diagnostics,
    places: Places,
}

impl<'a> Reader<'a> {
    fn new(book: &'a Book, checklist: &'a Checklist, lang: &'a str, labels: &'a Labels) -> Reader<'a> {
        Reader {
            book,
            checklist,
            choices: Choices {
                checklist,
                lang,
                labels,
            },
            answers: vec![None; checklist.indicators().len()],
            scope: ScopeIds::default(),
            found: Diagnostics::default(),
            places: Places::default(),
        }
    }

    fn file(&self) -> &'a str {
        &self.book.file
    }

    /// The answer to the indicator at `index` in checklist order, created blank if need be.
    fn answer(&mut self, index: usize) -> &mut Answer {
        self.answers[index].get_or_insert_with(Answer::default)
    }

    /// The value of a reading, or none with its finding kept.
    fn keep<T>(&mut self, read: Result<Option<T>, Diagnostic>) -> Option<T> {
        read.unwrap_or_else(|diagnostic| {
            self.found.push(diagnostic);
            None
        })
    }

    /// An error at a cell.
    fn error(&mut self, code: &'static str, place: Place, message: String, hint: String) {
        let diagnostic = Diagnostic::error(code, self.file(), place, message).with_hint(hint);
        self.found.push(diagnostic);
    }

    /// The text of a cell, which `path` of the answers takes.
    fn text(&mut self, grid: &Grid, (row, col): (u32, u32), path: &str) -> Option<String> {
        self.places.record(path, grid.place(row, col));
        let read = cells::text(grid, row, col, self.file());
        self.keep(read)
    }

    /// The date of a cell, which `path` of the answers takes.
    fn date(&mut self, grid: &Grid, (row, col): (u32, u32), path: &str) -> Option<Date> {
        self.places.record(path, grid.place(row, col));
        let read = cells::date(grid, row, col, self.file());
        self.keep(read)
    }

    /// The number of a cell, which `path` of the answers takes.
    fn number(&mut self, grid: &Grid, (row, col): (u32, u32), path: &str) -> Option<Number> {
        self.places.record(path, grid.place(row, col));
        let read = cells::number(grid, row, col, self.file());
        self.keep(read)
    }

    /// A required value left blank while others beside it are given.
    fn missing(&mut self, grid: &Grid, (row, col): (u32, u32), what: &str, hint: &str) {
        self.error(
            "missing-value",
            grid.place(row, col),
            format!("{what} is missing"),
            hint.to_owned(),
        );
    }
}
