//! The improvement plan: the gaps by priority, the actions by responsible unit and by due
//! quarter, and the risk and maturity matrix as a figure with its cells in the order of risk.
//! The report's part, and the body of the plan's own document ([`crate::render::pdf::plan`]).

use crate::i18n::Labels;
use crate::render::pdf::blocks::{
    ALERT_SHADE, MINOR_SHADE, bullets, cell, column, heading, paragraph, right,
};
use crate::render::pdf::{Align, Block, Cell, Figure, Rgb, Row, Shape, Table, TextStyle};
use crate::report::{ActionGroup, GapView, MatrixView, PlanActionView, PlanView, ReportView};

/// The plan part of the report.
pub(in crate::render::pdf) fn plan(view: &ReportView, blocks: &mut Vec<Block>) {
    let (plan, labels) = (&view.plan, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_plan")));
    blocks.push(paragraph(plan.summary.clone(), TextStyle::Normal));
    gaps(plan, labels, blocks);
    by_unit(plan, labels, blocks);
    by_quarter(plan, labels, blocks);
    for matrix in &plan.matrices {
        self::matrix(matrix, labels, blocks);
    }
}

fn gaps(plan: &PlanView, labels: &Labels, blocks: &mut Vec<Block>) {
    blocks.push(heading(2, labels.get("heading_plan_gaps")));
    blocks.push(paragraph(labels.get("plan_gaps_rule"), TextStyle::Muted));
    if plan.gaps.is_empty() {
        blocks.push(paragraph(labels.get("plan_no_gaps"), TextStyle::Normal));
        return;
    }
    let rows = plan.gaps.iter().map(|g| gap_row(g, labels)).collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            right("#", 0.3),
            column(labels.get("label_indicator"), 2.4),
            column(labels.get("plan_current_target"), 1.8),
            right(labels.get("plan_priority"), 1.0),
            column(labels.get("plan_next_level"), 3.0),
            column(labels.get("label_actions"), 1.4),
        ],
        rows,
    }));
}

fn gap_row(gap: &GapView, labels: &Labels) -> Row {
    let mut indicator = format!("{} {}\n{}", gap.id, gap.text, gap.section);
    if gap.critical_failure {
        indicator.push_str(&format!("\n{}", labels.get("label_critical_failure")));
    } else if gap.accepted_risk {
        indicator.push_str(&format!("\n{}", labels.get("conformity_accepted-risk")));
    }
    let mut target = format!("{}\n→ {}", gap.current, gap.target.text);
    if let Some(by) = &gap.target.by {
        target.push_str(&format!("\n{} {by}", labels.get("plan_by")));
    }
    target.push_str(&format!("\n({})", gap.target.source_label));
    let next = match &gap.next {
        Some(next) => {
            let mut lines = vec![next.level.clone()];
            lines.extend(next.requirements.iter().map(|r| format!("• {r}")));
            lines.extend(next.more.clone());
            lines.join("\n")
        }
        None => labels.get("plan_assess_first").to_owned(),
    };
    let actions = if gap.actions.is_empty() {
        labels.get("plan_no_action").to_owned()
    } else {
        gap.actions
            .iter()
            .map(|a| a.id.clone().unwrap_or_else(|| a.title.clone()))
            .collect::<Vec<_>>()
            .join("\n")
    };
    Row {
        cells: vec![
            cell(gap.rank.to_string()),
            Cell {
                text: indicator,
                bold: gap.critical_failure,
                colour: None,
            },
            cell(target),
            cell(format!("{}\n{} × {}", gap.priority, gap.weight, gap.distance)),
            cell(next),
            Cell {
                text: actions,
                bold: gap.actions.is_empty(),
                colour: None,
            },
        ],
        shade: if gap.critical_failure {
            Some(ALERT_SHADE)
        } else {
            gap.actions.is_empty().then_some(MINOR_SHADE)
        },
        note: None,
    }
}

fn by_unit(plan: &PlanView, labels: &Labels, blocks: &mut Vec<Block>) {
    blocks.push(heading(2, labels.get("heading_plan_by_unit")));
    if plan.actions.is_empty() {
        blocks.push(paragraph(labels.get("label_no_actions"), TextStyle::Normal));
        return;
    }
    for group in &plan.by_unit {
        blocks.push(heading(3, group_title(group, labels)));
        let rows = group
            .actions
            .iter()
            .map(|i| action_row(&plan.actions[*i], labels))
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(labels.get("label_action"), 3.0),
                column(labels.get("plan_indicators"), 1.8),
                column(labels.get("plan_person_dates"), 1.5),
                column(labels.get("label_status"), 1.9),
            ],
            rows,
        }));
    }
    if plan.counts.overdue > 0 {
        blocks.push(paragraph(labels.get("note_overdue"), TextStyle::Small));
    }
}

/// "Legal Support Unit (1 overdue)".
fn group_title(group: &ActionGroup, labels: &Labels) -> String {
    if group.overdue == 0 {
        group.title.clone()
    } else {
        labels.fill(
            "plan_group_overdue",
            &[("group", &group.title), ("count", &group.overdue.to_string())],
        )
    }
}

fn action_row(a: &PlanActionView, labels: &Labels) -> Row {
    let mut action = match &a.id {
        Some(id) => format!("{id} {}", a.title),
        None => a.title.clone(),
    };
    if !a.activities.is_empty() {
        action.push_str(&format!("\n{}", bullets(&a.activities)));
    }
    for (key, value) in [
        ("plan_budget_line", &a.budget_line),
        ("plan_staff", &a.staff),
        ("plan_success_indicator", &a.success_indicator),
    ] {
        if let Some(value) = value {
            action.push_str(&format!("\n{}: {value}", labels.get(key)));
        }
    }
    let indicators = a
        .indicators
        .iter()
        .map(|i| format!("{}: {}", i.id, i.levels))
        .collect::<Vec<_>>()
        .join("\n");
    let not_set = labels.get("label_not_set");
    let mut people = vec![a.person.clone().unwrap_or_else(|| not_set.to_owned())];
    if let Some(start) = &a.start {
        people.push(format!("{}: {start}", labels.get("plan_start")));
    }
    people.push(format!(
        "{}: {}",
        labels.get("label_due"),
        a.due.clone().unwrap_or_else(|| not_set.to_owned())
    ));
    Row {
        cells: vec![
            cell(action),
            cell(indicators),
            cell(people.join("\n")),
            Cell {
                text: status_text(a, labels),
                bold: a.overdue,
                colour: None,
            },
        ],
        shade: a.overdue.then_some(ALERT_SHADE),
        note: None,
    }
}

/// The status in words, with the overdue flag, the priority, the completion date or the
/// reason for dropping it, and the progress notes.
fn status_text(a: &PlanActionView, labels: &Labels) -> String {
    let mut lines = vec![a.status_label.clone()];
    if a.overdue {
        lines.push(labels.get("label_overdue").to_owned());
    }
    if let Some(priority) = &a.priority_label {
        lines.push(format!("{}: {priority}", labels.get("plan_priority")));
    }
    if let Some(completed) = &a.completed {
        lines.push(format!("{}: {completed}", labels.get("plan_completed")));
    }
    if let Some(reason) = &a.dropped_reason {
        lines.push(reason.clone());
    }
    lines.extend(a.progress.iter().map(|n| format!("{}: {}", n.date, n.note)));
    lines.join("\n")
}

fn by_quarter(plan: &PlanView, labels: &Labels, blocks: &mut Vec<Block>) {
    if plan.actions.is_empty() {
        return;
    }
    blocks.push(heading(2, labels.get("heading_plan_by_quarter")));
    let not_set = labels.get("label_not_set");
    let mut rows = Vec::new();
    for group in &plan.by_quarter {
        for (n, i) in group.actions.iter().enumerate() {
            let a = &plan.actions[*i];
            let mut status = a.status_label.clone();
            if a.overdue {
                status.push_str(&format!("\n{}", labels.get("label_overdue")));
            }
            rows.push(Row {
                cells: vec![
                    Cell {
                        text: if n == 0 {
                            group.title.clone()
                        } else {
                            String::new()
                        },
                        bold: true,
                        colour: None,
                    },
                    cell(match &a.id {
                        Some(id) => format!("{id} {}", a.title),
                        None => a.title.clone(),
                    }),
                    cell(a.unit.clone().unwrap_or_else(|| not_set.to_owned())),
                    cell(a.due.clone().unwrap_or_else(|| not_set.to_owned())),
                    cell(status),
                ],
                shade: a.overdue.then_some(ALERT_SHADE),
                note: None,
            });
        }
    }
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("plan_quarter"), 1.0),
            column(labels.get("label_action"), 3.0),
            column(labels.get("plan_unit"), 1.6),
            column(labels.get("label_due"), 1.1),
            column(labels.get("label_status"), 1.0),
        ],
        rows,
    }));
}

/// Risk shades of the matrix cells, from the cell's `risk`.
fn risk_colour(risk: &str) -> Rgb {
    match risk {
        "high" => Rgb(0xf4, 0xc7, 0xc3),
        "medium" => Rgb(0xff, 0xe8, 0xb3),
        _ => Rgb(0xd7, 0xec, 0xd9),
    }
}

const INK: Rgb = Rgb(0x1f, 0x29, 0x37);
const GRID: Rgb = Rgb(0xff, 0xff, 0xff);

fn matrix(matrix: &MatrixView, labels: &Labels, blocks: &mut Vec<Block>) {
    blocks.push(heading(
        2,
        labels.fill("heading_plan_matrix", &[("scale", &matrix.scale)]),
    ));
    blocks.push(paragraph(labels.get("plan_matrix_rule"), TextStyle::Muted));
    blocks.push(Block::Figure(matrix_figure(matrix, labels)));
    let rows = matrix
        .ranked
        .iter()
        .map(|c| Row {
            cells: vec![
                cell(c.impact_label.clone()),
                cell(c.level.clone()),
                cell(
                    c.indicators
                        .iter()
                        .map(|i| format!("{} {} ({})", i.id, i.text, i.levels))
                        .collect::<Vec<_>>()
                        .join("\n"),
                ),
            ],
            shade: None,
            note: None,
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("plan_impact"), 0.9),
            column(labels.get("plan_level"), 1.3),
            column(labels.get("plan_indicators"), 4.5),
        ],
        rows,
    }));
}

/// The grid: a row per impact (high at the top), a column per level (lowest at the left) and
/// one for indicators without a level; each cell on its risk shade, with its count and ids.
fn matrix_figure(matrix: &MatrixView, labels: &Labels) -> Figure {
    let (label_w, head_h, cell_h) = (28.0, 12.0, 16.0);
    let columns = matrix.columns.len().max(1) as f32;
    let cell_w = ((170.0 - label_w) / columns).min(30.0);
    let width = label_w + cell_w * columns;
    let mut shapes = Vec::new();
    let label = |x: f32, y: f32, text: String, size: f32, bold: bool, anchor: Align| Shape::Label {
        x,
        y,
        text,
        size,
        bold,
        colour: INK,
        anchor,
    };
    shapes.push(label(
        0.0,
        4.0,
        labels.get("plan_impact").to_owned(),
        7.0,
        true,
        Align::Left,
    ));
    for (j, heading) in matrix.columns.iter().enumerate() {
        let x = label_w + cell_w * (j as f32 + 0.5);
        let (code, rest) = heading.split_once(" — ").unwrap_or((heading, ""));
        shapes.push(label(x, 5.0, code.to_owned(), 8.0, true, Align::Center));
        shapes.push(label(x, 9.5, shorten(rest, cell_w), 6.0, false, Align::Center));
    }
    for (i, row) in matrix.rows.iter().enumerate() {
        let y = head_h + cell_h * i as f32;
        shapes.push(label(
            0.0,
            y + cell_h / 2.0 + 1.5,
            row.impact_label.clone(),
            8.0,
            true,
            Align::Left,
        ));
        for (j, grid) in row.cells.iter().enumerate() {
            let x = label_w + cell_w * j as f32;
            shapes.push(Shape::Rect {
                x,
                y,
                w: cell_w,
                h: cell_h,
                fill: risk_colour(&grid.risk),
            });
            shapes.push(Shape::Line {
                from: (x, y),
                to: (x, y + cell_h),
                width: 1.5,
                colour: GRID,
            });
            if grid.indicators.is_empty() {
                continue;
            }
            let centre = x + cell_w / 2.0;
            shapes.push(label(
                centre,
                y + 6.5,
                grid.indicators.len().to_string(),
                10.0,
                true,
                Align::Center,
            ));
            let ids = match grid.indicators.len() {
                1..=2 => grid.indicators.join(", "),
                _ => format!("{}, …", grid.indicators[..2].join(", ")),
            };
            shapes.push(label(
                centre,
                y + 12.0,
                shorten(&ids, cell_w),
                6.0,
                false,
                Align::Center,
            ));
        }
        shapes.push(Shape::Line {
            from: (label_w, y),
            to: (width, y),
            width: 1.5,
            colour: GRID,
        });
    }
    Figure {
        width,
        height: head_h + cell_h * matrix.rows.len() as f32,
        shapes,
    }
}

/// `text` cut with "…" to about what a cell of `width` mm holds at 6 pt.
fn shorten(text: &str, width: f32) -> String {
    let room = (width / 1.3) as usize;
    if text.chars().count() <= room {
        text.to_owned()
    } else {
        let cut: String = text.chars().take(room.saturating_sub(1)).collect();
        format!("{}…", cut.trim_end())
    }
}
