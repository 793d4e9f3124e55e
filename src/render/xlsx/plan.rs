//! The improvement plan as an Excel workbook (rust_xlsxwriter): a sheet of the actions, whose
//! status, completion date, reason for dropping and a new progress note are the only cells a
//! unit can change (the rest is locked, the sheet protected without a password), a sheet of the
//! gaps by priority with the priority as a formula an auditor can recompute, and a sheet per
//! risk and maturity matrix. Dates are real Excel dates, numbers are numbers; the workbook's
//! creation date is the report date, so the same inputs give the same bytes.

use super::sheet::{excel_date, xlsx};
use crate::error::Result;
use crate::model::{ActionStatus, Date};
use crate::plan::Plan;
use crate::report::ReportView;
use crate::workbook::layout::{ACTIONS_SHEET_KEY, PLAN_FORMAT, PLAN_FORMAT_VERSION, write_meta_sheet};
use rust_xlsxwriter::{
    Color, DataValidation, DataValidationRule, DocProperties, ExcelDateTime, Format, FormatAlign,
    ProtectionOptions, Workbook, Worksheet, XlsxError,
};

/// The columns of the actions sheet, in order: the label of the header, the width in
/// characters, and whether a unit fills it in.
pub const ACTION_COLUMNS: &[(&str, f64, bool)] = &[
    ("label_id", 8.0, false),
    ("label_action", 40.0, false),
    ("plan_indicators", 14.0, false),
    ("plan_unit", 22.0, false),
    ("plan_person", 18.0, false),
    ("plan_start", 11.0, false),
    ("label_due", 11.0, false),
    ("label_overdue", 10.0, false),
    ("label_status", 14.0, true),
    ("plan_completed", 11.0, true),
    ("plan_dropped_reason", 24.0, true),
    ("plan_new_note_date", 11.0, true),
    ("plan_new_note", 30.0, true),
    ("plan_priority", 10.0, false),
    ("plan_activities", 36.0, false),
    ("plan_budget_line", 16.0, false),
    ("plan_staff", 16.0, false),
    ("plan_success_indicator", 28.0, false),
    ("plan_progress", 36.0, false),
];

/// The statuses in the order of the drop-down.
pub const STATUSES: [ActionStatus; 4] = [
    ActionStatus::Planned,
    ActionStatus::InProgress,
    ActionStatus::Done,
    ActionStatus::Dropped,
];

/// The workbook of the plan; `plan` and the view's plan list the actions in the same order.
pub fn workbook(plan: &Plan, view: &ReportView) -> Result<Vec<u8>> {
    build(plan, view).map_err(xlsx)
}

/// The formats of the workbook.
struct Formats {
    header: Format,
    text: Format,
    date: Format,
    number: Format,
    editable_text: Format,
    editable_date: Format,
}

impl Formats {
    fn new() -> Formats {
        let text = Format::new().set_text_wrap().set_align(FormatAlign::Top);
        let editable = |f: Format| f.set_unlocked().set_background_color(Color::RGB(0xfff7d6));
        Formats {
            header: Format::new()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Top)
                .set_background_color(Color::RGB(0xe6eaf0)),
            date: text.clone().set_num_format("yyyy-mm-dd"),
            number: text.clone().set_num_format("0.0"),
            editable_text: editable(text.clone()),
            editable_date: editable(text.clone().set_num_format("yyyy-mm-dd")),
            text,
        }
    }
}

fn build(plan: &Plan, view: &ReportView) -> Result<Vec<u8>, XlsxError> {
    let labels = &view.labels;
    let mut workbook = Workbook::new();
    workbook.set_properties(
        &DocProperties::new()
            .set_title(format!(
                "{}: {}",
                labels.get("heading_plan"),
                view.cover.organisation
            ))
            .set_author(&view.cover.organisation)
            .set_creation_datetime(&excel_date(view.provenance.report_date)?),
    );
    sheets(&mut workbook, plan, view)?;
    workbook.save_to_buffer()
}

/// The plan's sheets, added to `workbook`: the actions, the gaps, a sheet per matrix. The
/// report's workbook holds them too.
/// The hidden `oversight` sheet, which tells `oversight import` that this workbook holds a
/// plan, for which checklist, and which sheet holds its actions.
fn meta_sheet(sheet: &mut Worksheet, view: &ReportView) -> Result<(), XlsxError> {
    let provenance = &view.provenance;
    let rows = [
        ("format", PLAN_FORMAT.to_owned()),
        ("format_version", PLAN_FORMAT_VERSION.to_string()),
        ("generator", format!("oversight {}", crate::VERSION)),
        ("language", view.lang.clone()),
        ("checklist", provenance.checklist_id.clone()),
        ("checklist_version", provenance.checklist_version.clone()),
        ("answers_sha256", provenance.answers_sha256.clone()),
    ];
    let mut rows: Vec<(String, String)> = rows.into_iter().map(|(k, v)| (k.to_owned(), v)).collect();
    let actions = view.labels.get("label_actions").to_owned();
    rows.push((format!("sheet.{ACTIONS_SHEET_KEY}"), actions));
    write_meta_sheet(sheet, &rows)?;
    sheet.protect();
    Ok(())
}

pub(super) fn sheets(workbook: &mut Workbook, plan: &Plan, view: &ReportView) -> Result<(), XlsxError> {
    let labels = &view.labels;
    let formats = Formats::new();
    actions_sheet(workbook.add_worksheet(), plan, view, &formats)?;
    gaps_sheet(workbook.add_worksheet(), plan, view, &formats)?;
    for (i, matrix) in view.plan.matrices.iter().enumerate() {
        let sheet = workbook.add_worksheet();
        sheet.set_name(format!("{} {}", labels.get("plan_matrix_sheet"), i + 1))?;
        sheet.write_string_with_format(
            0,
            0,
            format!("{} \\ {}", labels.get("plan_impact"), labels.get("plan_level")),
            &formats.header,
        )?;
        sheet.set_column_width(0, 18.0)?;
        for (j, column) in matrix.columns.iter().enumerate() {
            let col = u16::try_from(j + 1).unwrap_or(u16::MAX);
            sheet.write_string_with_format(0, col, column, &formats.header)?;
            sheet.set_column_width(col, 18.0)?;
        }
        for (r, row) in matrix.rows.iter().enumerate() {
            let r = u32::try_from(r + 1).unwrap_or(u32::MAX);
            sheet.write_string_with_format(r, 0, &row.impact_label, &formats.header)?;
            for (j, cell) in row.cells.iter().enumerate() {
                let shade = match cell.risk.as_str() {
                    "high" => 0xf4c7c3,
                    "medium" => 0xffe8b3,
                    _ => 0xd7ecd9,
                };
                let format = formats.text.clone().set_background_color(Color::RGB(shade));
                let col = u16::try_from(j + 1).unwrap_or(u16::MAX);
                sheet.write_string_with_format(r, col, cell.indicators.join(", "), &format)?;
            }
        }
        sheet.protect();
    }
    meta_sheet(workbook.add_worksheet(), view)?;
    Ok(())
}

/// Writes `date` at (row, col), or leaves the cell empty in the same format.
fn write_date(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    date: Option<Date>,
    format: &Format,
) -> Result<(), XlsxError> {
    match date {
        Some(date) => sheet.write_datetime_with_format(row, col, excel_date(date)?, format)?,
        None => sheet.write_blank(row, col, format)?,
    };
    Ok(())
}

fn actions_sheet(
    sheet: &mut Worksheet,
    plan: &Plan,
    view: &ReportView,
    f: &Formats,
) -> Result<(), XlsxError> {
    let labels = &view.labels;
    sheet.set_name(labels.get("label_actions"))?;
    for (col, (label, width, _)) in ACTION_COLUMNS.iter().enumerate() {
        let col = col as u16;
        sheet.write_string_with_format(0, col, labels.get(label), &f.header)?;
        sheet.set_column_width(col, *width)?;
    }
    let statuses: Vec<String> = STATUSES
        .iter()
        .map(|s| labels.get(&format!("plan_status_{}", s.key())).to_owned())
        .collect();
    for (i, (action, shown)) in plan.actions.iter().zip(&view.plan.actions).enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        let entry = &action.entry;
        // An answer's own action has no id, so nothing could bring its status back: locked.
        let (edit_text, edit_date) = match entry.id {
            Some(_) => (&f.editable_text, &f.editable_date),
            None => (&f.text, &f.date),
        };
        let text = |value: Option<&String>| value.cloned().unwrap_or_default();
        let cells: [(u16, String); 12] = [
            (0, entry.id.clone().unwrap_or_default()),
            (1, entry.title.clone()),
            (2, entry.indicators.join(", ")),
            (3, text(entry.responsible.unit.as_ref())),
            (4, text(entry.responsible.person.as_ref())),
            (
                7,
                if action.overdue {
                    labels.get("label_overdue").to_owned()
                } else {
                    String::new()
                },
            ),
            (13, shown.priority_label.clone().unwrap_or_default()),
            (14, entry.activities.join("\n")),
            (15, text(entry.resources.budget_line.as_ref())),
            (16, text(entry.resources.staff.as_ref())),
            (17, text(entry.success_indicator.as_ref())),
            (
                18,
                entry
                    .progress
                    .iter()
                    .map(|n| format!("{}: {}", n.date, n.note))
                    .collect::<Vec<_>>()
                    .join("\n"),
            ),
        ];
        for (col, value) in cells {
            sheet.write_string_with_format(row, col, value, &f.text)?;
        }
        write_date(sheet, row, 5, entry.start, &f.date)?;
        write_date(sheet, row, 6, entry.due, &f.date)?;
        sheet.write_string_with_format(
            row,
            8,
            labels.get(&format!("plan_status_{}", entry.status.key())),
            edit_text,
        )?;
        write_date(sheet, row, 9, entry.completed, edit_date)?;
        sheet.write_string_with_format(row, 10, text(entry.dropped_reason.as_ref()), edit_text)?;
        write_date(sheet, row, 11, None, edit_date)?;
        sheet.write_blank(row, 12, edit_text)?;
    }
    let last = u32::try_from(plan.actions.len()).unwrap_or(u32::MAX).max(1);
    sheet.add_data_validation(
        1,
        8,
        last,
        8,
        &DataValidation::new().allow_list_strings(&statuses)?,
    )?;
    let dates = DataValidation::new().allow_date(DataValidationRule::Between(
        ExcelDateTime::from_ymd(2000, 1, 1)?,
        ExcelDateTime::from_ymd(2100, 12, 31)?,
    ));
    sheet.add_data_validation(1, 9, last, 9, &dates)?;
    sheet.add_data_validation(1, 11, last, 11, &dates)?;
    sheet.set_freeze_panes(1, 2)?;
    sheet.autofilter(0, 0, last, (ACTION_COLUMNS.len() - 1) as u16)?;
    sheet.set_landscape().set_paper_size(9).set_repeat_rows(0, 0)?;
    sheet.protect_with_options(&ProtectionOptions {
        use_autofilter: true,
        sort: true,
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::new()
    });
    Ok(())
}

fn gaps_sheet(sheet: &mut Worksheet, plan: &Plan, view: &ReportView, f: &Formats) -> Result<(), XlsxError> {
    let labels = &view.labels;
    sheet.set_name(labels.get("plan_gaps_sheet"))?;
    let headers = [
        ("#", 5.0),
        (labels.get("label_id"), 10.0),
        (labels.get("label_indicator"), 40.0),
        (labels.get("label_critical_failure"), 10.0),
        (labels.get("plan_current"), 18.0),
        (labels.get("plan_target"), 18.0),
        (labels.get("plan_by"), 11.0),
        (labels.get("label_weight"), 8.0),
        (labels.get("plan_distance"), 10.0),
        (labels.get("plan_priority"), 10.0),
        (labels.get("plan_next_level"), 40.0),
        (labels.get("label_actions"), 20.0),
    ];
    for (col, (header, width)) in headers.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *header, &f.header)?;
        sheet.set_column_width(col as u16, *width)?;
    }
    for (i, (raw, gap)) in plan.gaps.iter().zip(&view.plan.gaps).enumerate() {
        let row = u32::try_from(i + 1).unwrap_or(u32::MAX);
        sheet.write_number_with_format(row, 0, gap.rank as f64, &f.text)?;
        sheet.write_string_with_format(row, 1, &gap.id, &f.text)?;
        sheet.write_string_with_format(row, 2, format!("{}\n{}", gap.text, gap.section), &f.text)?;
        let critical = if gap.critical_failure {
            labels.get("label_yes")
        } else {
            ""
        };
        sheet.write_string_with_format(row, 3, critical, &f.text)?;
        sheet.write_string_with_format(row, 4, &gap.current, &f.text)?;
        sheet.write_string_with_format(row, 5, &gap.target.text, &f.text)?;
        sheet.write_string_with_format(row, 6, gap.target.by.clone().unwrap_or_default(), &f.text)?;
        sheet.write_number_with_format(row, 7, raw.weight, &f.number)?;
        sheet.write_number_with_format(row, 8, raw.distance, &f.number)?;
        let excel_row = row + 1;
        sheet.write_formula_with_format(row, 9, format!("=H{excel_row}*I{excel_row}").as_str(), &f.number)?;
        let next = gap.next.as_ref().map_or_else(
            || labels.get("plan_assess_first").to_owned(),
            |n| {
                let mut lines = vec![n.level.clone()];
                lines.extend(n.requirements.iter().cloned());
                lines.extend(n.more.clone());
                lines.join("\n")
            },
        );
        sheet.write_string_with_format(row, 10, next, &f.text)?;
        let actions: Vec<String> = gap
            .actions
            .iter()
            .map(|a| a.id.clone().unwrap_or_else(|| a.title.clone()))
            .collect();
        sheet.write_string_with_format(row, 11, actions.join("\n"), &f.text)?;
    }
    sheet.set_freeze_panes(1, 2)?;
    sheet.set_landscape().set_paper_size(9).set_repeat_rows(0, 0)?;
    sheet.protect();
    Ok(())
}
