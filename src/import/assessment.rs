//! The assessment sheet read back: the hidden key row names each column's field, the rows are
//! lined up with the checklist's ([`super::rows`]), and each indicator's row (with the ticks
//! in its criteria's rows) becomes its answer: the level or number, the status, the comment,
//! the first evidence item, the action, the review and the exception.

use super::Reader;
use super::book::Grid;
use super::rows::{Matched, align};
use crate::model::answers::{Action, Answer, Evidence, EvidenceKind};
use crate::model::audit::{Exception, Review};
use crate::model::checklist::Indicator;
use crate::model::{AnswerStatus, Date, LevelRef, Number, Text};
use crate::workbook::choices::{Choices, STATUSES, TICKS};
use crate::workbook::layout::{FIRST_ROW, Field, KEY_ROW, Outline, Row};
use std::collections::HashMap;

/// The columns of a sheet by field, from its hidden key row.
pub(super) struct Columns(Vec<(Field, u32)>);

impl Columns {
    pub(super) fn read(reader: &Reader, grid: &Grid) -> Columns {
        let columns = (0..=grid.last_col())
            .filter_map(|col| {
                let key = super::cells::text(grid, KEY_ROW, col, reader.file()).ok()??;
                Some((Field::from_key(&key)?, col))
            })
            .collect();
        Columns(columns)
    }

    pub(super) fn of(&self, field: &Field) -> Option<u32> {
        self.0.iter().find(|(f, _)| f == field).map(|(_, col)| *col)
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = &(Field, u32)> {
        self.0.iter()
    }
}

/// What the cells of one indicator (and of its criteria) gave.
#[derive(Default)]
struct Given {
    row: u32,
    level: Option<LevelRef>,
    value: Option<Number>,
    criteria_met: Option<Vec<String>>,
    status: Option<AnswerStatus>,
    evidence_kind: Option<EvidenceKind>,
    texts: HashMap<String, String>,
    dates: HashMap<String, Date>,
    review_level: Option<LevelRef>,
    review_value: Option<Number>,
    review_criteria: Option<Vec<String>>,
}

pub(super) fn read(reader: &mut Reader, grid: &Grid) {
    let columns = Columns::read(reader, grid);
    let Some(id_col) = columns.of(&Field::Id) else {
        reader.error(
            "not-an-assessment-workbook",
            grid.place(KEY_ROW, 0),
            "the sheet's hidden first row, which names its columns, is missing".to_owned(),
            "do not delete rows of the workbook that `oversight workbook` wrote".to_owned(),
        );
        return;
    };
    let checklist = reader.checklist;
    let scope = reader.scope.clone();
    let outline = Outline::of(checklist, &scope);
    let rows = outline.rows();
    let expected: Vec<&str> = rows.iter().map(|(row, _)| row.id()).collect();
    let (matched, misaligned) = align(grid, id_col, FIRST_ROW, &expected, reader.file());
    reader.found.extend(misaligned);
    let index: HashMap<&str, usize> = checklist
        .indicators()
        .iter()
        .enumerate()
        .map(|(i, indicator)| (indicator.id.as_str(), i))
        .collect();
    let mut given: HashMap<usize, Given> = HashMap::new();
    for Matched { row, index: at } in matched {
        match rows[at].0 {
            Row::Section { .. } => {}
            Row::Indicator(indicator) => {
                let cells = indicator_row(reader, grid, &columns, row, indicator);
                given.insert(index[indicator.id.as_str()], cells);
            }
            Row::Criterion(indicator, criterion) => {
                let Some(cells) = given.get_mut(&index[indicator.id.as_str()]) else {
                    continue;
                };
                let path = format!("answers[{}]", indicator.id);
                let tick = |field: Field| columns.of(&field).map(|col| (row, col));
                if let Some(at) = tick(Field::Answer) {
                    let met = read_tick(reader, grid, at, &format!("{path}.criteria_met"));
                    add_tick(&mut cells.criteria_met, met, &criterion.id);
                }
                if let Some(at) = tick(Field::ReviewAnswer) {
                    let met = read_tick(reader, grid, at, &format!("{path}.review.criteria_met"));
                    add_tick(&mut cells.review_criteria, met, &criterion.id);
                }
            }
        }
    }
    let mut indices: Vec<usize> = given.keys().copied().collect();
    indices.sort_unstable();
    for i in indices {
        let cells = given.remove(&i).unwrap_or_default();
        let indicator = checklist.indicators()[i];
        if let Some(answer) = assemble(reader, grid, &columns, indicator, cells) {
            *reader.answer(i) = answer;
        }
    }
}

/// The cells of an indicator's own row.
fn indicator_row(
    reader: &mut Reader,
    grid: &Grid,
    columns: &Columns,
    row: u32,
    indicator: &Indicator,
) -> Given {
    let path = format!("answers[{}]", indicator.id);
    let mut given = Given {
        row,
        ..Given::default()
    };
    for (field, col) in columns.iter() {
        let at = (row, *col);
        let key = field.key();
        let field_path = format!("{path}.{}", path_of(field));
        match field {
            Field::Id | Field::Text | Field::Guidance | Field::ExpectedEvidence => {}
            Field::Answer => (given.level, given.value) = rating(reader, grid, at, indicator, &path),
            Field::ReviewAnswer => {
                (given.review_level, given.review_value) =
                    rating(reader, grid, at, indicator, &format!("{path}.review"));
            }
            Field::Status => given.status = status(reader, grid, at, &field_path),
            Field::EvidenceKind => given.evidence_kind = evidence_kind(reader, grid, at, &field_path),
            Field::EvidenceDate | Field::ActionDue | Field::ReviewDate | Field::ExceptionExpires => {
                if let Some(date) = reader.date(grid, at, &field_path) {
                    given.dates.insert(key, date);
                }
            }
            _ => {
                if let Some(text) = reader.text(grid, at, &field_path) {
                    given.texts.insert(key, text);
                }
            }
        }
    }
    reader
        .places
        .record(&path, grid.place(row, columns.of(&Field::Answer).unwrap_or(0)));
    given
}

/// The path of a field's value within its answer.
fn path_of(field: &Field) -> String {
    match field {
        Field::Answer => "level".to_owned(),
        Field::EvidenceTitle => "evidence[0].title".to_owned(),
        Field::EvidenceDate => "evidence[0].date".to_owned(),
        Field::EvidenceRef(None) => "evidence[0].ref".to_owned(),
        Field::EvidenceRef(Some(lang)) => format!("evidence[0].ref.{lang}"),
        Field::EvidenceKind => "evidence[0].kind".to_owned(),
        Field::ReviewAnswer => "review.level".to_owned(),
        Field::Reviewer => "review.reviewer".to_owned(),
        Field::ExceptionApprovedBy => "exception.approved_by".to_owned(),
        other => other.key(),
    }
}

/// A level (from the drop-down, or its value or code typed alone) or a number.
fn rating(
    reader: &mut Reader,
    grid: &Grid,
    at: (u32, u32),
    indicator: &Indicator,
    path: &str,
) -> (Option<LevelRef>, Option<Number>) {
    let checklist = reader.checklist;
    let Some(scale) = checklist.scale_of(indicator) else {
        return (None, reader.number(grid, at, &format!("{path}.value")));
    };
    let Some(text) = reader.text(grid, at, &format!("{path}.level")) else {
        return (None, None);
    };
    let Some(value) = reader.choices.parse_level(scale, &text) else {
        let entries = reader.choices.levels(scale);
        reader.error(
            "unknown-level",
            grid.place(at.0, at.1),
            format!("`{text}` is not a level of the indicator's scale"),
            format!("choose one of {}", quoted(&entries)),
        );
        return (None, None);
    };
    let level = scale.level(value).and_then(|l| l.code.clone());
    (Some(level.map_or(LevelRef::Value(value), LevelRef::Code)), None)
}

fn status(reader: &mut Reader, grid: &Grid, at: (u32, u32), path: &str) -> Option<AnswerStatus> {
    let entries = STATUSES.map(|s| reader.choices.status(s).to_owned());
    let parse = |choices: &Choices, text: &str| choices.parse_status(text);
    choice(reader, grid, (at, path), parse, (&entries, "a status"))
}

/// An evidence item's kind, by its file key (`record`, `act-in-force`).
pub(super) fn evidence_kind(
    reader: &mut Reader,
    grid: &Grid,
    at: (u32, u32),
    path: &str,
) -> Option<EvidenceKind> {
    let entries = [EvidenceKind::Record, EvidenceKind::ActInForce].map(|k| k.key().to_owned());
    let parse = |_: &Choices, text: &str| EvidenceKind::from_key(text);
    choice(reader, grid, (at, path), parse, (&entries, "a kind of evidence"))
}

fn read_tick(reader: &mut Reader, grid: &Grid, at: (u32, u32), path: &str) -> Option<bool> {
    let entries = TICKS.map(|t| reader.choices.tick(t).to_owned());
    let parse = |choices: &Choices, text: &str| choices.parse_tick(text);
    choice(
        reader,
        grid,
        (at, path),
        parse,
        (&entries, "a tick of a criterion"),
    )
}

/// A drop-down's entry, read by `parse`; anything else is `unknown-choice`, listing `entries`.
fn choice<T>(
    reader: &mut Reader,
    grid: &Grid,
    (at, path): ((u32, u32), &str),
    parse: impl Fn(&Choices, &str) -> Option<T>,
    (entries, what): (&[String], &str),
) -> Option<T> {
    let text = reader.text(grid, at, path)?;
    let value = parse(&reader.choices, &text);
    if value.is_none() {
        reader.error(
            "unknown-choice",
            grid.place(at.0, at.1),
            format!("`{text}` is not {what}"),
            format!("choose {}, or leave the cell empty", quoted(entries)),
        );
    }
    value
}

/// Adds a criterion's tick: once any criterion is ticked, the list exists.
fn add_tick(list: &mut Option<Vec<String>>, met: Option<bool>, id: &str) {
    if let Some(met) = met {
        let list = list.get_or_insert_with(Vec::new);
        if met {
            list.push(id.to_owned());
        }
    }
}

/// The answer the cells give; none when every cell is empty.
fn assemble(
    reader: &mut Reader,
    grid: &Grid,
    columns: &Columns,
    indicator: &Indicator,
    mut given: Given,
) -> Option<Answer> {
    let row = given.row;
    let required = |reader: &mut Reader, field: Field, what: &str, hint: &str| {
        let col = columns.of(&field).unwrap_or(0);
        reader.missing(grid, (row, col), what, hint);
    };
    let mut take = |key: Field| given.texts.remove(&key.key());
    let comment = take(Field::Comment);
    let change_note = take(Field::ChangeNote);
    let title = take(Field::EvidenceTitle);
    let plain_ref = take(Field::EvidenceRef(None));
    let translated: Vec<(String, String)> = reader
        .checklist
        .languages()
        .iter()
        .filter_map(|lang| Some((lang.clone(), take(Field::EvidenceRef(Some(lang.clone())))?)))
        .collect();
    let action_text = take(Field::ActionText);
    let owner = take(Field::ActionOwner);
    let review_comment = take(Field::ReviewComment);
    let reviewer = take(Field::Reviewer);
    let reason = take(Field::ExceptionReason);
    let approved_by = take(Field::ExceptionApprovedBy);
    let date = |key: Field| given.dates.get(&key.key()).copied();
    let reference = match plain_ref {
        Some(text) => Some(Text::Plain(text)),
        None if !translated.is_empty() => Some(Text::Translated(translated.into_iter().collect())),
        None => None,
    };
    let evidence_date = date(Field::EvidenceDate);
    let evidence = match title {
        Some(title) => vec![Evidence {
            title,
            date: evidence_date,
            reference,
            kind: given.evidence_kind.unwrap_or_default(),
        }],
        None if evidence_date.is_some() || reference.is_some() => {
            required(
                reader,
                Field::EvidenceTitle,
                "the evidence's title",
                "give the title of the document, or clear its date and reference",
            );
            Vec::new()
        }
        None => Vec::new(),
    };
    let due = date(Field::ActionDue);
    let action = match action_text {
        Some(text) => Some(Action { text, owner, due }),
        None if owner.is_some() || due.is_some() => {
            required(
                reader,
                Field::ActionText,
                "the action's text",
                "describe the action, or clear its owner and due date",
            );
            None
        }
        None => None,
    };
    let review_date = date(Field::ReviewDate);
    let reviewed =
        given.review_level.is_some() || given.review_value.is_some() || given.review_criteria.is_some();
    let review = if reviewed {
        Some(Review {
            level: given.review_level,
            value: given.review_value,
            criteria_met: given.review_criteria,
            comment: review_comment,
            reviewer,
            date: review_date,
        })
    } else {
        if review_comment.is_some() || reviewer.is_some() || review_date.is_some() {
            let what = match indicator.criteria.is_empty() {
                true => "the verified level or value",
                false => "the verified level or the criteria found met",
            };
            required(
                reader,
                Field::ReviewAnswer,
                what,
                "give what the review found, or clear the review's other cells",
            );
        }
        None
    };
    let expires = date(Field::ExceptionExpires);
    let exception = match (reason, approved_by, expires) {
        (Some(reason), Some(approved_by), Some(expires)) => Some(Exception {
            reason,
            approved_by,
            expires,
        }),
        (None, None, None) => None,
        (reason, approved_by, expires) => {
            let hint = "an accepted exception needs its reason, who approved it and its expiry date";
            if reason.is_none() {
                required(reader, Field::ExceptionReason, "the exception's reason", hint);
            }
            if approved_by.is_none() {
                required(
                    reader,
                    Field::ExceptionApprovedBy,
                    "who approved the exception",
                    hint,
                );
            }
            if expires.is_none() {
                required(
                    reader,
                    Field::ExceptionExpires,
                    "the exception's expiry date",
                    hint,
                );
            }
            None
        }
    };
    let answer = Answer {
        level: given.level,
        value: given.value,
        criteria_met: given.criteria_met,
        status: given.status,
        comment,
        evidence,
        action: action.map(Box::new),
        target: None,
        review: review.map(Box::new),
        exception: exception.map(Box::new),
        change_note,
    };
    (answer != Answer::default()).then_some(answer)
}

/// `` `a`, `b` or `c` ``.
pub(super) fn quoted(entries: &[String]) -> String {
    let quoted: Vec<String> = entries.iter().map(|e| format!("`{e}`")).collect();
    match quoted.split_last() {
        Some((last, rest)) if !rest.is_empty() => format!("{} or {last}", rest.join(", ")),
        _ => quoted.join(""),
    }
}
