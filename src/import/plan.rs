//! A filled plan workbook (`oversight plan --format xlsx`, or the plan's sheets of the report's
//! workbook) read back into the answers file it was written from: each action's status,
//! completion date and reason for dropping as the cells now say, and a new dated progress note
//! where one was written, matched to the answers' `actions:` by id. The updated answers are
//! validated like any answers file, every finding at the cell its value came from.

use super::book::{Book, Grid};
use super::cells;
use super::meta::Meta;
use super::places::Places;
use super::{Imported, without_repeats};
use crate::diagnostic::{Diagnostic, Diagnostics};
use crate::i18n::{Catalogue, Labels};
use crate::load::Loaded;
use crate::model::plan::{ActionStatus, PlannedAction, ProgressNote};
use crate::render::xlsx::plan::{ACTION_COLUMNS, STATUSES};
use crate::validate::Validated;
use crate::validate::answers;
use crate::workbook::layout::ACTIONS_SHEET_KEY;

/// The answers of `loaded` with their actions updated from the plan workbook `book`.
pub fn plan(book: &Book, meta: &Meta, loaded: Loaded) -> Result<Imported, Diagnostics> {
    let Loaded {
        checklist,
        assessment,
        warnings,
    } = loaded;
    same_checklist(book, meta, checklist.id(), checklist.version())?;
    let grid = meta.sheet_of(book, ACTIONS_SHEET_KEY)?;
    let labels = Catalogue::bundled().labels(&meta.lang);
    let mut doc = assessment.doc().clone();
    let mut update = Update {
        grid: &grid,
        file: &book.file,
        labels: &labels,
        found: Diagnostics::default(),
        places: Places::default(),
    };
    for row in 1..=grid.last_row() {
        update.row(row, &mut doc.actions);
    }
    let Update {
        mut found, places, ..
    } = update;
    match answers::document(doc, &book.file, &book.sha256, &checklist) {
        Ok(Validated {
            value,
            warnings: more,
        }) if !found.has_errors() => {
            let mut all = warnings;
            all.extend(places.locate(more, &book.file));
            Ok(Imported {
                checklist,
                assessment: value,
                warnings: all,
            })
        }
        Ok(Validated { warnings: more, .. }) | Err(more) => {
            found.extend(places.locate(more, &book.file));
            Err(without_repeats(found))
        }
    }
}

/// The workbook must be the plan of an assessment against this checklist.
fn same_checklist(book: &Book, meta: &Meta, id: &str, version: &str) -> Result<(), Diagnostics> {
    let written = (meta.value("checklist"), meta.value("checklist_version"));
    if written == (Some(id), Some(version)) {
        return Ok(());
    }
    let (wid, wversion) = (written.0.unwrap_or("?"), written.1.unwrap_or("?"));
    Err(Diagnostic::error(
        "checklist-mismatch",
        &book.file,
        crate::diagnostic::Place::File,
        format!("the plan is of an assessment against `{wid}` version {wversion}, but the answers are against `{id}` version {version}"),
    )
    .with_hint("give with --answers the answers file the plan was written from")
    .into())
}

/// One pass over the actions sheet.
struct Update<'a> {
    grid: &'a Grid<'a>,
    file: &'a str,
    labels: &'a Labels,
    found: Diagnostics,
    places: Places,
}

/// The column of an actions sheet field, by the label key of its header.
fn column(key: &str) -> u32 {
    ACTION_COLUMNS
        .iter()
        .position(|(label, _, _)| *label == key)
        .map_or(u32::MAX, |i| i as u32)
}

impl Update<'_> {
    /// Reads one row into the action with its id; a row without an id (an answer's own action,
    /// which nothing could bring back) is left alone.
    fn row(&mut self, row: u32, actions: &mut [PlannedAction]) {
        let Some(id) = self.text(row, column("label_id")) else {
            return;
        };
        let Some(action) = actions.iter_mut().find(|a| a.id.as_deref() == Some(id.as_str())) else {
            let known: Vec<String> = actions.iter().filter_map(|a| a.id.clone()).collect();
            self.found.push(
                Diagnostic::error(
                    "unknown-action",
                    self.file,
                    self.grid.place(row, column("label_id")),
                    format!("the answers have no action `{id}`"),
                )
                .with_hint(format!(
                    "give with --answers the answers file the plan was written from (its actions: {})",
                    super::assessment::quoted(&known)
                )),
            );
            return;
        };
        let path = format!("actions[{id}]");
        let at = |key| self.grid.place(row, column(key));
        self.places.record(format!("{path}.status"), at("label_status"));
        self.places
            .record(format!("{path}.completed"), at("plan_completed"));
        self.places
            .record(format!("{path}.dropped_reason"), at("plan_dropped_reason"));
        self.places.record(path.clone(), at("label_id"));
        if let Some(status) = self.status(row) {
            action.status = status;
        }
        action.completed = self.date(row, column("plan_completed"));
        action.dropped_reason = self.text(row, column("plan_dropped_reason"));
        if let Some(note) = self.note(row) {
            let place = at("plan_new_note");
            self.places
                .record(format!("{path}.progress[{}]", action.progress.len()), place);
            action.progress.push(note);
        }
    }

    /// The status a drop-down entry names, in the workbook's language or as the file writes it.
    fn status(&mut self, row: u32) -> Option<ActionStatus> {
        let col = column("label_status");
        let text = self.text(row, col)?;
        let label = |s: &ActionStatus| self.labels.get(&format!("plan_status_{}", s.key())).to_owned();
        let found = STATUSES
            .iter()
            .find(|s| label(s) == text.trim() || s.key() == text.trim());
        if found.is_none() {
            let entries: Vec<String> = STATUSES.iter().map(label).collect();
            self.found.push(
                Diagnostic::error(
                    "unknown-choice",
                    self.file,
                    self.grid.place(row, col),
                    format!("`{text}` is not a status"),
                )
                .with_hint(format!(
                    "choose one of {} from the drop-down",
                    super::assessment::quoted(&entries)
                )),
            );
        }
        found.copied()
    }

    /// A new progress note: its date and its text, both or neither.
    fn note(&mut self, row: u32) -> Option<ProgressNote> {
        let (date_col, note_col) = (column("plan_new_note_date"), column("plan_new_note"));
        let date = self.date(row, date_col);
        let note = self.text(row, note_col);
        let missing = |this: &mut Self, col: u32, what: &str| {
            this.found.push(
                Diagnostic::error(
                    "missing-value",
                    this.file,
                    this.grid.place(row, col),
                    format!("the new note has no {what}"),
                )
                .with_hint("give a new progress note its date and its text, or neither"),
            );
        };
        match (date, note) {
            (Some(date), Some(note)) => Some(ProgressNote { date, note }),
            (None, None) => None,
            (Some(_), None) => {
                missing(self, note_col, "text");
                None
            }
            (None, Some(_)) => {
                if !self
                    .found
                    .0
                    .iter()
                    .any(|d| d.place == self.grid.place(row, date_col))
                {
                    missing(self, date_col, "date");
                }
                None
            }
        }
    }

    fn text(&mut self, row: u32, col: u32) -> Option<String> {
        let read = cells::text(self.grid, row, col, self.file);
        self.kept(read)
            .map(|t| t.trim().to_owned())
            .filter(|t| !t.is_empty())
    }

    fn date(&mut self, row: u32, col: u32) -> Option<crate::model::Date> {
        let read = cells::date(self.grid, row, col, self.file);
        self.kept(read)
    }

    /// The value read, or none with its finding kept.
    fn kept<T>(&mut self, read: Result<Option<T>, Diagnostic>) -> Option<T> {
        read.unwrap_or_else(|finding| {
            self.found.push(finding);
            None
        })
    }
}
