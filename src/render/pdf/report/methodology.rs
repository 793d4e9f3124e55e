//! The methodology: scales, scoring rules, bands, grade lists, conversion tables and every
//! calculation.

use crate::i18n::Labels;
use crate::render::pdf::blocks::{
    band_table, cell, column, heading, paragraph, right, row, score_text, unlisted_heading,
};
use crate::render::pdf::{Block, Table, TextStyle};
use crate::report::{ReportView, TraceView};

pub(super) fn methodology(view: &ReportView, blocks: &mut Vec<Block>) {
    let (method, labels) = (&view.methodology, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_methodology")));
    blocks.push(heading(2, labels.get("heading_scales")));
    for scale in &method.scales {
        let title = scale.label.clone().unwrap_or_else(|| scale.id.clone());
        blocks.push(paragraph(title, TextStyle::Bold));
        let rows = scale
            .levels
            .iter()
            .map(|l| {
                let level = match &l.code {
                    Some(code) => format!("{code} = {}", l.value),
                    None => l.value.clone(),
                };
                row(vec![
                    cell(level),
                    cell(l.label.clone()),
                    cell(l.description.clone().unwrap_or_default()),
                    cell(l.score.clone()),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(labels.get("label_level"), 0.6),
                column(labels.get("label_title"), 1.4),
                column(labels.get("label_description"), 4.2),
                right(labels.get("label_score"), 0.8),
            ],
            rows,
        }));
    }
    blocks.push(heading(2, labels.get("heading_scoring_rules")));
    let optional = [
        ("label_rounding", &method.rounding),
        ("label_not_enough_information", &method.not_enough_information),
        ("label_not_applicable", &method.not_applicable),
    ];
    let mut rules = vec![
        (
            labels.get("label_overall_method").to_owned(),
            method.method.clone(),
        ),
        (labels.get("label_missing").to_owned(), method.missing.clone()),
        (labels.get("label_basis").to_owned(), method.basis.clone()),
        (labels.get("label_default_pass").to_owned(), method.pass.clone()),
        (
            labels.get("label_compliance").to_owned(),
            labels.get("compliance_rule").to_owned(),
        ),
        (
            labels.get("label_min_completeness").to_owned(),
            format!(
                "{}. {}",
                method.min_completeness,
                labels.fill("conclusion_rule", &[("min", &method.min_completeness)])
            ),
        ),
        (
            labels.get("label_exception").to_owned(),
            labels.get("exceptions_rule").to_owned(),
        ),
        (
            labels.get("label_evidence_max_age").to_owned(),
            format!("{}. {}", method.evidence_max_age, labels.get("freshness_rule")),
        ),
    ];
    for (key, rule) in optional {
        if let Some(rule) = rule {
            rules.push((labels.get(key).to_owned(), rule.clone()));
        }
    }
    blocks.push(Block::KeyValues(rules));
    if !method.bands.is_empty() {
        blocks.push(heading(2, labels.get("heading_bands")));
        blocks.push(band_table(&method.bands, labels));
        blocks.push(paragraph(labels.get("bands_note"), TextStyle::Small));
    }
    if let Some(cap) = &method.cap {
        blocks.push(paragraph(
            labels.fill("cap_rule", &[("band", &format!("{} {}", cap.code, cap.label))]),
            TextStyle::Normal,
        ));
    }
    grades_and_tables(view, blocks);
    blocks.push(heading(2, labels.get("heading_calculation")));
    blocks.push(paragraph(labels.get("calculation_intro"), TextStyle::Muted));
    trace(&method.overall, labels, blocks);
    for section_trace in &method.traces {
        trace(section_trace, labels, blocks);
    }
}

fn trace(trace: &TraceView, labels: &Labels, blocks: &mut Vec<Block>) {
    let title = if trace.number.is_empty() {
        trace.title.clone()
    } else {
        format!("{} {}", trace.number, trace.title)
    };
    blocks.push(unlisted_heading(
        3,
        format!("{title}: {}", score_text(&trace.result, labels)),
    ));
    blocks.push(paragraph(
        format!("{}: {}", labels.get("label_method"), trace.method),
        TextStyle::Muted,
    ));
    if !trace.counted.is_empty() {
        let rows = trace
            .counted
            .iter()
            .map(|t| {
                let title = match &t.pooled_from {
                    Some(via) => format!("{} ({via})", t.title),
                    None => t.title.clone(),
                };
                let mut cells = vec![cell(t.reference.clone()), cell(title), cell(t.kind.clone())];
                if trace.values {
                    cells.push(cell(t.value.clone().unwrap_or_default()));
                }
                cells.extend([cell(t.score.clone()), cell(t.weight.clone())]);
                row(cells)
            })
            .collect();
        let mut columns = vec![
            column(labels.get("label_id"), 1.0),
            column(labels.get("label_title"), if trace.values { 2.9 } else { 3.6 }),
            column(labels.get("label_kind"), 1.0),
        ];
        if trace.values {
            columns.push(right(labels.get("label_value"), 0.7));
        }
        columns.extend([
            right(labels.get("label_score"), 0.8),
            right(labels.get("label_weight"), 0.7),
        ]);
        blocks.push(Block::Table(Table { columns, rows }));
    }
    if !trace.excluded.is_empty() {
        let items: Vec<String> = trace
            .excluded
            .iter()
            .map(|e| format!("{} ({})", e.reference, e.reason))
            .collect();
        blocks.push(paragraph(
            format!("{}: {}", labels.get("label_excluded"), items.join(", ")),
            TextStyle::Small,
        ));
    }
    blocks.push(paragraph(
        format!("{}: {}", labels.get("label_formula"), trace.formula),
        TextStyle::Small,
    ));
}

/// The grade lists and the conversion tables, where the checklist has them.
fn grades_and_tables(view: &ReportView, blocks: &mut Vec<Block>) {
    let (method, labels) = (&view.methodology, &view.labels);
    if !method.grades.is_empty() {
        blocks.push(heading(2, labels.get("heading_grades")));
    }
    for list in &method.grades {
        blocks.push(paragraph(list.id.clone(), TextStyle::Bold));
        let rows = list
            .grades
            .iter()
            .map(|g| {
                row(vec![
                    cell(g.code.clone()),
                    cell(g.value.clone()),
                    cell(g.label.clone().unwrap_or_default()),
                    cell(g.score.clone()),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(labels.get("label_code"), 0.8),
                right(labels.get("label_value"), 0.8),
                column(labels.get("label_title"), 4.6),
                right(labels.get("label_score"), 0.8),
            ],
            rows,
        }));
    }
    if method.tables.is_empty() {
        return;
    }
    blocks.push(heading(2, labels.get("heading_tables")));
    for table in &method.tables {
        blocks.push(paragraph(table.id.clone(), TextStyle::Bold));
        let rows = table
            .rows
            .iter()
            .map(|r| row(vec![cell(r.count.clone()), cell(r.entries.join(" · "))]))
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                right(labels.get("label_children"), 1.2),
                column(labels.get("label_sum_to_result"), 5.8),
            ],
            rows,
        }));
    }
    blocks.push(paragraph(labels.get("tables_note"), TextStyle::Small));
}
