//! The instructions sheet, in the workbook's language: how to fill it in, what the statuses
//! and the not-applicable rule mean under this checklist's scoring, what counts as evidence,
//! and every answer scale with what its levels mean.

use super::Form;
use crate::error::Result;
use crate::model::{Missing, NotEnoughInformation, Scale};
use crate::render::xlsx::sheet::{Sheet, xlsx};
use crate::workbook::choices::STATUSES;
use crate::workbook::layout::SheetKind;

/// A line of the sheet: a heading, a paragraph's lead-in in bold, or a paragraph.
enum Line {
    Heading(String),
    Strong(String),
    Paragraph(String),
}

pub(super) fn write(form: &Form, sheet: &mut Sheet) -> Result<()> {
    sheet
        .ws
        .set_name(form.sheet_name(SheetKind::Instructions))
        .map_err(xlsx)?;
    sheet.width(0, 110.0)?;
    sheet.ws.set_screen_gridlines(false);
    let title = form
        .labels
        .fill("workbook_title", &[("title", form.text(form.checklist.title()))]);
    sheet
        .ws
        .write_string_with_format(0, 0, &title, &form.styles.heading)
        .map_err(xlsx)?;
    let mut row = 2;
    for line in lines(form) {
        let (text, format) = match &line {
            Line::Heading(text) => (text, &form.styles.title),
            Line::Strong(text) => (text, &form.styles.strong),
            Line::Paragraph(text) => (text, &form.styles.paragraph),
        };
        if matches!(line, Line::Heading(_)) {
            row += 1;
        }
        sheet.text(row, 0, Some(text), format)?;
        row += 1;
    }
    form.finish(sheet, false)
}

fn lines(form: &Form) -> Vec<Line> {
    let sheet = |kind: SheetKind| form.sheet_name(kind);
    let names = [
        ("details", sheet(SheetKind::Details)),
        ("assessment", sheet(SheetKind::Assessment)),
        ("evidence", sheet(SheetKind::Evidence)),
        ("answer", form.label("workbook_col_answer")),
        ("expected", form.label("label_expected_evidence")),
    ];
    let fill = |key: &str| Line::Paragraph(form.labels.fill(key, &names));
    let mut lines = vec![
        Line::Heading(form.label("workbook_heading_how").to_owned()),
        fill("workbook_how_fill"),
        fill("workbook_how_answer"),
    ];
    if form.checklist.indicators().iter().any(|i| !i.criteria.is_empty()) {
        lines.push(fill("workbook_how_criteria"));
    }
    lines.extend([
        fill("workbook_how_evidence"),
        fill("workbook_how_action"),
        fill("workbook_how_dates"),
    ]);
    if form.columns.auditor {
        lines.push(fill("workbook_how_auditor"));
    }
    lines.extend([fill("workbook_how_protection"), fill("workbook_how_return")]);
    lines.push(Line::Heading(form.label("workbook_heading_evidence").to_owned()));
    lines.push(fill("workbook_what_evidence"));
    lines.push(Line::Heading(form.label("workbook_heading_statuses").to_owned()));
    lines.extend(status_rules(form).into_iter().map(Line::Paragraph));
    lines.push(Line::Heading(form.label("workbook_heading_scales").to_owned()));
    for (name, scale) in form.checklist.scales() {
        lines.extend(scale_lines(form, name, scale));
    }
    lines
}

/// What each status, and no answer at all, does under this checklist's scoring.
fn status_rules(form: &Form) -> Vec<String> {
    let scoring = form.checklist.scoring();
    let [not_applicable, not_enough] = STATUSES.map(|s| form.choices.status(s));
    let mut applicable = form
        .labels
        .fill("workbook_rule_not_applicable", &[("status", not_applicable)]);
    if scoring.justify_not_applicable {
        applicable = format!("{applicable} {}", form.label("workbook_rule_justify"));
    }
    let counted = match scoring.not_enough_information {
        NotEnoughInformation::Exclude => form.label("workbook_rule_left_out"),
        NotEnoughInformation::Lowest => form.label("lowest_rule"),
    };
    let not_enough = format!(
        "{} {counted} {}",
        form.labels
            .fill("workbook_rule_not_enough_information", &[("status", not_enough)]),
        form.label("workbook_rule_critical")
    );
    let missing = form.label(match scoring.missing {
        Missing::Exclude => "missing_exclude",
        Missing::Zero => "missing_zero",
    });
    vec![applicable, not_enough, missing.to_owned()]
}

/// A scale's name, then a line per level: "3 — Established: what it means".
fn scale_lines(form: &Form, name: &str, scale: &Scale) -> Vec<Line> {
    let title = scale.label.as_ref().map_or(name, |l| form.text(l));
    let mut lines = vec![Line::Strong(title.to_owned())];
    for level in &scale.levels {
        let entry = form.choices.level(scale, level.value);
        let line = match &level.description {
            Some(description) => format!("    {entry}: {}", form.text(description)),
            None => format!("    {entry}"),
        };
        lines.push(Line::Paragraph(line));
    }
    lines
}
