//! The PDF report's content: the [`ReportView`] as a sequence of [`Block`]s.
//!
//! The same sections as the HTML report, in the same order: cover, executive summary, charts,
//! findings per section, compliance findings with the sign-off, accepted exceptions, evidence
//! freshness, action plan, methodology with the calculation traces, provenance.
//! Layout and drawing are the engine's ([`super::layout`], [`super::write`]).

use super::{Align, Bar, BarChart, Block, Cell, Column, Document, Rgb, Row, Table, TextStyle};
use crate::i18n::Labels;
use crate::report::{
    BandView, ExceptionItem, IndicatorView, ReportView, ScoreView, SectionView, TraceView, flatten,
};

/// Row shading of every PDF: light red for what needs action (overdue, major, worse), amber
/// for what needs attention.
pub(super) const ALERT_SHADE: Rgb = Rgb(0xfb, 0xe9, 0xe7);
const MINOR_SHADE: Rgb = Rgb(0xff, 0xf3, 0xd6);

/// The whole report as a document for the PDF engine.
pub fn document(view: &ReportView) -> Document {
    let labels = &view.labels;
    let mut blocks = Vec::new();
    cover(view, &mut blocks);
    summary(view, &mut blocks);
    charts(view, &mut blocks);
    findings(view, &mut blocks);
    compliance(view, &mut blocks);
    exceptions(view, &mut blocks);
    freshness(view, &mut blocks);
    actions(view, &mut blocks);
    methodology(view, &mut blocks);
    provenance(view, &mut blocks);
    Document {
        title: view.cover.title.clone(),
        author: view.cover.organisation.clone(),
        subject: format!("{}: {}", labels.get("report_kicker"), view.cover.organisation),
        date: view.provenance.report_date.0,
        footer_left: view.cover.organisation.clone(),
        page_label: labels.get("page_of").to_owned(),
        blocks,
    }
}

pub(super) fn heading(level: u8, text: impl Into<String>) -> Block {
    Block::Heading {
        level,
        text: text.into(),
        bookmark: level <= 2,
    }
}

pub(super) fn paragraph(text: impl Into<String>, style: TextStyle) -> Block {
    Block::Paragraph {
        text: text.into(),
        style,
    }
}

pub(super) fn column(header: &str, width: f32) -> Column {
    Column {
        header: header.to_owned(),
        width,
        align: Align::Left,
    }
}

pub(super) fn right(header: &str, width: f32) -> Column {
    Column {
        header: header.to_owned(),
        width,
        align: Align::Right,
    }
}

pub(super) fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        bold: false,
        colour: None,
    }
}

pub(super) fn row(cells: Vec<Cell>) -> Row {
    Row { cells, shade: None }
}

pub(super) fn band_cell(band: Option<&BandView>) -> Cell {
    match band {
        Some(band) => Cell {
            text: format!("{} {}", band.code, band.label),
            bold: true,
            colour: Some(rgb(&band.colour)),
        },
        None => cell("—"),
    }
}

/// "67.3 (C Partial)" or "—".
pub(super) fn score_text(score: &ScoreView) -> String {
    match &score.band {
        Some(band) => format!("{} ({} {})", score.text, band.code, band.label),
        None => score.text.clone(),
    }
}

fn cover(view: &ReportView, blocks: &mut Vec<Block>) {
    let (cover, labels) = (&view.cover, &view.labels);
    blocks.push(Block::Title {
        text: cover.title.clone(),
        subtitle: Some(labels.get("report_kicker").to_owned()),
    });
    let mut rows = vec![
        (
            labels.get("label_organisation").to_owned(),
            cover.organisation.clone(),
        ),
        (
            labels.get("label_checklist").to_owned(),
            format!("{} {}", cover.checklist_id, cover.checklist_version),
        ),
    ];
    if let Some(period) = &cover.period {
        rows.push((labels.get("label_period").to_owned(), period.clone()));
    }
    rows.push((
        labels.get("label_assessed_on").to_owned(),
        cover.assessed_on.clone(),
    ));
    if !cover.assessors.is_empty() {
        let names: Vec<String> = cover
            .assessors
            .iter()
            .map(|a| match &a.role {
                Some(role) => format!("{}, {role}", a.name),
                None => a.name.clone(),
            })
            .collect();
        rows.push((labels.get("label_assessors").to_owned(), names.join("\n")));
    }
    rows.push((
        labels.get("label_report_date").to_owned(),
        cover.report_date.clone(),
    ));
    rows.push((labels.get("label_basis").to_owned(), cover.basis.clone()));
    if let Some(source) = &cover.source {
        rows.push((labels.get("label_source").to_owned(), source.clone()));
    }
    blocks.push(Block::KeyValues(rows));
    blocks.push(Block::Spacer(4.0));
    let summary = &view.summary;
    blocks.push(match &summary.score.band {
        Some(band) => Block::Badge {
            code: band.code.clone(),
            label: format!(
                "{}: {} {} · {}",
                labels.get("overall_score"),
                summary.score.text,
                labels.get("label_out_of_100"),
                band.label
            ),
            colour: rgb(&band.colour),
        },
        None => Block::Badge {
            code: "—".into(),
            label: format!("{}: {}", labels.get("overall_score"), summary.score.text),
            colour: Rgb(0x9e, 0x9e, 0x9e),
        },
    });
    if let Some(uncapped) = &summary.uncapped_band {
        blocks.push(paragraph(
            labels.fill("capped_note", &[("band", &uncapped.code)]),
            TextStyle::Muted,
        ));
    }
    if let Some(description) = &cover.description {
        blocks.push(paragraph(description.clone(), TextStyle::Muted));
    }
}

fn summary(view: &ReportView, blocks: &mut Vec<Block>) {
    let (summary, labels) = (&view.summary, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_summary")));
    let mut facts = vec![(labels.get("overall_score").to_owned(), score_text(&summary.score))];
    if let Some(without) = &summary.without_exceptions {
        facts.push((
            labels.get("label_score_without_exceptions").to_owned(),
            score_text(without),
        ));
    }
    facts.extend([
        (labels.get("label_basis").to_owned(), summary.basis.clone()),
        (labels.get("label_reviewed").to_owned(), summary.reviewed.clone()),
        (
            labels.get("label_compliance").to_owned(),
            summary.compliance.statement.clone(),
        ),
        (
            labels.get("completeness").to_owned(),
            summary.completeness.clone(),
        ),
    ]);
    facts.extend(
        summary
            .counts
            .iter()
            .map(|c| (c.label.clone(), c.count.to_string())),
    );
    facts.push((
        labels.get("label_total").to_owned(),
        summary.total_indicators.to_string(),
    ));
    blocks.push(Block::KeyValues(facts));
    if !view.exceptions.expiring.is_empty() {
        let items: Vec<String> = view
            .exceptions
            .expiring
            .iter()
            .map(|x| format!("{} ({})", x.id, x.exception.expires))
            .collect();
        blocks.push(paragraph(
            format!("{}: {}", labels.get("heading_expiring"), items.join(", ")),
            TextStyle::Normal,
        ));
    }
    blocks.push(heading(2, labels.get("critical_failures")));
    if summary.critical_failures.is_empty() {
        blocks.push(paragraph(
            labels.get("label_no_critical_failures"),
            TextStyle::Normal,
        ));
    } else {
        let rows = summary
            .critical_failures
            .iter()
            .map(|f| {
                row(vec![
                    cell(f.id.clone()),
                    cell(f.text.clone()),
                    cell(f.section.clone()),
                    cell(f.reason.clone()),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(labels.get("label_id"), 0.8),
                column(labels.get("label_indicator"), 3.0),
                column(labels.get("label_section"), 1.8),
                column(labels.get("label_reason"), 1.6),
            ],
            rows,
        }));
    }
    for (key, sections) in [
        ("heading_strongest", &summary.strongest),
        ("heading_weakest", &summary.weakest),
    ] {
        if sections.is_empty() {
            continue;
        }
        blocks.push(heading(2, labels.get(key)));
        let rows = sections
            .iter()
            .map(|s| {
                row(vec![
                    cell(s.number.clone()),
                    cell(s.title.clone()),
                    cell(s.score.text.clone()),
                    band_cell(s.score.band.as_ref()),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: section_score_columns(labels),
            rows,
        }));
    }
}

fn section_score_columns(labels: &Labels) -> Vec<Column> {
    vec![
        column(labels.get("label_number"), 0.5),
        column(labels.get("label_section"), 4.0),
        right(labels.get("label_score"), 0.8),
        column(labels.get("label_band"), 1.4),
    ]
}

fn charts(view: &ReportView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("heading_charts")));
    let bars = view
        .charts
        .bars
        .iter()
        .map(|bar| Bar {
            label: format!("{}{} {}", "   ".repeat(bar.depth - 1), bar.number, bar.title),
            value: bar.score.value,
            colour: bar
                .score
                .band
                .as_ref()
                .map_or(Rgb(0x9e, 0x9e, 0x9e), |b| rgb(&b.colour)),
            annotation: match &bar.score.band {
                Some(band) => format!("{} {}", bar.score.text, band.code),
                None => labels.get("label_no_score").to_owned(),
            },
        })
        .collect();
    blocks.push(Block::BarChart(BarChart {
        title: labels.get("chart_bars_title").to_owned(),
        bars,
        max: 100.0,
        marks: view.charts.marks.iter().map(|m| m.value).collect(),
    }));
}

fn findings(view: &ReportView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_findings")));
    for section in flatten(&view.sections) {
        section_findings(section, labels, blocks);
    }
}

fn section_findings(section: &SectionView, labels: &Labels, blocks: &mut Vec<Block>) {
    let level = (section.depth + 1).min(3) as u8;
    blocks.push(heading(level, format!("{} {}", section.number, section.title)));
    blocks.push(paragraph(
        format!(
            "{}: {} · {}: {} · {}: {}",
            labels.get("label_score"),
            score_text(&section.score),
            labels.get("label_weight"),
            section.weight,
            labels.get("label_method"),
            section.method
        ),
        TextStyle::Muted,
    ));
    blocks.push(paragraph(
        format!(
            "{}: {}",
            labels.get("label_compliance"),
            section.compliance.statement
        ),
        TextStyle::Muted,
    ));
    for indicator in &section.indicators {
        indicator_findings(indicator, labels, blocks);
    }
}

fn indicator_findings(indicator: &IndicatorView, labels: &Labels, blocks: &mut Vec<Block>) {
    let critical = if indicator.critical {
        format!(" [{}]", labels.get("label_critical"))
    } else {
        String::new()
    };
    blocks.push(Block::Spacer(1.5));
    blocks.push(paragraph(
        format!("{}{critical} — {}", indicator.id, indicator.text),
        TextStyle::Bold,
    ));
    let mut facts = vec![format!(
        "{}: {}",
        labels.get("label_status"),
        indicator.status_label
    )];
    if !indicator.level.is_empty() {
        facts.push(format!("{}: {}", labels.get("label_answer"), indicator.level));
        facts.push(format!("{}: {}", labels.get("label_score"), indicator.score.text));
    }
    let reached = match indicator.passed {
        Some(true) => format!(" ({})", labels.get("label_pass_reached")),
        Some(false) => format!(" ({})", labels.get("label_pass_not_reached")),
        None => String::new(),
    };
    facts.push(format!(
        "{}: {}{reached}",
        labels.get("label_pass_mark"),
        indicator.pass
    ));
    if indicator.critical_failure {
        facts.push(labels.get("label_critical_failure").to_uppercase());
    }
    if matches!(indicator.conformity.as_str(), "minor" | "major" | "accepted-risk") {
        facts.push(indicator.conformity_label.clone());
    }
    blocks.push(paragraph(facts.join(" · "), TextStyle::Small));
    if let Some(review) = &indicator.review {
        let scored = |yes: bool| {
            if yes {
                format!(" ({})", labels.get("label_scored_level"))
            } else {
                String::new()
            }
        };
        let mut lines = vec![
            format!("{} — {}", labels.get("heading_review"), review.direction_label),
            format!(
                "{}{}: {} ({})",
                labels.get("label_self_assessed"),
                scored(!review.scored),
                review.self_level,
                review.self_score
            ),
            format!(
                "{}{}: {} ({})",
                labels.get("label_verified"),
                scored(review.scored),
                review.verified_level,
                review.verified_score
            ),
            format!("{}: {}", labels.get("label_difference"), review.difference),
        ];
        let mut by = Vec::new();
        if let Some(reviewer) = &review.reviewer {
            by.push(format!("{}: {reviewer}", labels.get("label_reviewer")));
        }
        if let Some(date) = &review.date {
            by.push(format!("{}: {date}", labels.get("label_review_date")));
        }
        if !by.is_empty() {
            lines.push(by.join(" · "));
        }
        if let Some(comment) = &review.comment {
            lines.push(format!("{}: {comment}", labels.get("label_review_comment")));
        }
        blocks.push(paragraph(lines.join("\n"), TextStyle::Small));
    }
    if let Some(exception) = &indicator.exception {
        blocks.push(paragraph(
            format!(
                "{} — {}: {}\n{}: {} · {}: {}",
                labels.get("label_exception"),
                exception.state_label,
                exception.reason,
                labels.get("label_approved_by"),
                exception.approved_by,
                labels.get("label_expires"),
                exception.expires
            ),
            TextStyle::Small,
        ));
    }
    let note = match indicator.status.as_str() {
        "unanswered" => Some(labels.get("note_unanswered").to_owned()),
        "not-enough-information" => Some(labels.get("note_not_enough_information").to_owned()),
        _ => None,
    };
    if let Some(note) = note {
        blocks.push(paragraph(note, TextStyle::Muted));
    }
    if let Some(comment) = &indicator.comment {
        let key = if indicator.status == "not-applicable" {
            "label_justification"
        } else {
            "label_comment"
        };
        blocks.push(paragraph(
            format!("{}: {comment}", labels.get(key)),
            TextStyle::Normal,
        ));
    }
    if !indicator.evidence.is_empty() {
        let items: Vec<String> = indicator
            .evidence
            .iter()
            .map(|e| {
                let mut text = format!("• {}", e.title);
                if let Some(date) = &e.date {
                    text.push_str(&format!(" ({date})"));
                }
                if e.stale {
                    text.push_str(&format!(" [{}]", labels.get("label_stale")));
                }
                if let Some(reference) = &e.reference {
                    text.push_str(&format!(" — {reference}"));
                }
                text
            })
            .collect();
        blocks.push(paragraph(
            format!("{}:\n{}", labels.get("label_evidence"), items.join("\n")),
            TextStyle::Small,
        ));
    }
    if !indicator.evidence_flags.is_empty() {
        blocks.push(paragraph(
            format!(
                "{}:\n{}",
                labels.get("heading_freshness"),
                bullets(&indicator.evidence_flags)
            ),
            TextStyle::Small,
        ));
    }
    if let Some(action) = &indicator.action {
        blocks.push(paragraph(
            format!(
                "{}: {}",
                labels.get("label_planned_action"),
                action_line(action, labels)
            ),
            TextStyle::Small,
        ));
    }
}

fn action_line(action: &crate::report::ActionView, labels: &Labels) -> String {
    let mut text = action.text.clone();
    if let Some(owner) = &action.owner {
        text.push_str(&format!(" — {}: {owner}", labels.get("label_owner")));
    }
    if let Some(due) = &action.due {
        text.push_str(&format!(" — {}: {due}", labels.get("label_due")));
    }
    if action.overdue {
        text.push_str(&format!(" ({})", labels.get("label_overdue")));
    }
    text
}

/// "• a\n• b".
fn bullets(items: &[String]) -> String {
    items
        .iter()
        .map(|i| format!("• {i}"))
        .collect::<Vec<_>>()
        .join("\n")
}

fn compliance(view: &ReportView, blocks: &mut Vec<Block>) {
    let (compliance, labels) = (&view.compliance, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_compliance")));
    blocks.push(Block::KeyValues(vec![
        (
            labels.get("label_compliance").to_owned(),
            compliance.overall.statement.clone(),
        ),
        (labels.get("label_basis").to_owned(), view.cover.basis.clone()),
    ]));
    blocks.push(paragraph(labels.get("compliance_rule"), TextStyle::Muted));
    blocks.push(heading(2, labels.get("heading_compliance_sections")));
    let count = |n: usize| cell(n.to_string());
    let mut rows: Vec<Row> = compliance
        .sections
        .iter()
        .map(|s| {
            row(vec![
                cell(format!("{}{} {}", "   ".repeat(s.depth - 1), s.number, s.title)),
                cell(s.compliance.statement.clone()),
                count(s.compliance.major),
                count(s.compliance.minor),
                count(s.compliance.accepted_risks),
            ])
        })
        .collect();
    let overall = &compliance.overall;
    rows.push(Row {
        cells: [
            labels.get("label_total").to_owned(),
            overall.statement.clone(),
            overall.major.to_string(),
            overall.minor.to_string(),
            overall.accepted_risks.to_string(),
        ]
        .into_iter()
        .map(|text| Cell {
            text,
            bold: true,
            colour: None,
        })
        .collect(),
        shade: None,
    });
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_section"), 3.0),
            column(labels.get("label_compliance"), 3.0),
            right(labels.get("label_major"), 0.8),
            right(labels.get("label_minor"), 0.8),
            right(labels.get("label_accepted_risks"), 1.0),
        ],
        rows,
    }));
    blocks.push(heading(2, labels.get("heading_nonconformities")));
    if compliance.findings.is_empty() {
        blocks.push(paragraph(
            labels.get("label_no_nonconformities"),
            TextStyle::Normal,
        ));
    } else {
        let rows = compliance
            .findings
            .iter()
            .map(|f| {
                let mut severity = format!("{}\n{}", f.severity_label, f.reason);
                if let Some(note) = &f.expired_exception {
                    severity.push_str(&format!("\n{note}"));
                }
                Row {
                    cells: vec![
                        cell(f.number.to_string()),
                        cell(format!("{} — {}", f.id, f.text)),
                        cell(f.section.clone()),
                        cell(severity),
                        cell(f.levels.clone()),
                        cell(format!("{} / {}", f.score, f.pass)),
                    ],
                    shade: Some(if f.severity == "major" {
                        ALERT_SHADE
                    } else {
                        MINOR_SHADE
                    }),
                }
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                right(labels.get("label_number"), 0.4),
                column(labels.get("label_indicator"), 2.6),
                column(labels.get("label_section"), 1.8),
                column(labels.get("label_severity"), 1.8),
                right(labels.get("label_levels"), 1.0),
                right(labels.get("label_score_vs_pass"), 0.9),
            ],
            rows,
        }));
    }
    blocks.push(heading(2, labels.get("heading_signature")));
    blocks.push(paragraph(labels.get("signature_statement"), TextStyle::Normal));
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_auditor_name"), 2.0),
            column(labels.get("label_date"), 1.0),
            column(labels.get("label_signature"), 2.0),
        ],
        rows: vec![row(vec![cell("\n\n\n"), cell("\n\n\n"), cell("\n\n\n")])],
    }));
}

fn exceptions(view: &ReportView, blocks: &mut Vec<Block>) {
    let (exceptions, labels) = (&view.exceptions, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_exceptions")));
    blocks.push(paragraph(labels.get("exceptions_rule"), TextStyle::Muted));
    if let Some(without) = &exceptions.without {
        blocks.push(Block::KeyValues(vec![
            (
                labels.get("label_score_with_exceptions").to_owned(),
                score_text(&exceptions.score),
            ),
            (
                labels.get("label_score_without_exceptions").to_owned(),
                score_text(without),
            ),
        ]));
    }
    for (key, items, empty) in [
        (
            "heading_expiring",
            &exceptions.expiring,
            Some("label_no_expiring"),
        ),
        (
            "heading_exceptions_in_force",
            &exceptions.in_force,
            Some("label_no_exceptions"),
        ),
        ("heading_expired", &exceptions.expired, None),
    ] {
        match (items.is_empty(), empty) {
            (true, None) => continue,
            (true, Some(empty)) => {
                blocks.push(heading(2, labels.get(key)));
                blocks.push(paragraph(labels.get(empty), TextStyle::Normal));
            }
            (false, _) => {
                blocks.push(heading(2, labels.get(key)));
                blocks.push(Block::Table(exception_table(items, labels)));
            }
        }
    }
}

fn exception_table(items: &[ExceptionItem], labels: &Labels) -> Table {
    let rows = items
        .iter()
        .map(|x| {
            let mut expires = x.exception.expires.clone();
            if x.exception.state != "valid" {
                expires.push_str(&format!("\n{}", x.exception.state_label));
            }
            Row {
                cells: vec![
                    cell(format!("{} — {}\n{}", x.id, x.text, x.section)),
                    cell(x.exception.reason.clone()),
                    cell(x.exception.approved_by.clone()),
                    Cell {
                        text: expires,
                        bold: !x.exception.applies,
                        colour: None,
                    },
                    cell(format!("{} / {}", x.score.text, x.pass)),
                ],
                shade: (!x.exception.applies).then_some(ALERT_SHADE),
            }
        })
        .collect();
    Table {
        columns: vec![
            column(labels.get("label_indicator"), 2.6),
            column(labels.get("label_reason"), 2.4),
            column(labels.get("label_approved_by"), 1.4),
            column(labels.get("label_expires"), 1.2),
            right(labels.get("label_score_vs_pass"), 1.0),
        ],
        rows,
    }
}

fn freshness(view: &ReportView, blocks: &mut Vec<Block>) {
    let labels = &view.labels;
    blocks.push(heading(1, labels.get("heading_freshness")));
    blocks.push(paragraph(labels.get("freshness_rule"), TextStyle::Muted));
    blocks.push(Block::KeyValues(vec![(
        labels.get("label_evidence_max_age").to_owned(),
        view.methodology.evidence_max_age.clone(),
    )]));
    if view.freshness.is_empty() {
        blocks.push(paragraph(
            labels.get("label_no_freshness_flags"),
            TextStyle::Normal,
        ));
        return;
    }
    let rows = view
        .freshness
        .iter()
        .map(|f| {
            row(vec![
                cell(format!("{} — {}\n{}", f.id, f.text, f.section)),
                cell(bullets(&f.flags)),
            ])
        })
        .collect();
    blocks.push(Block::Table(Table {
        columns: vec![
            column(labels.get("label_indicator"), 2.5),
            column(labels.get("label_flags"), 3.5),
        ],
        rows,
    }));
}

fn actions(view: &ReportView, blocks: &mut Vec<Block>) {
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

fn methodology(view: &ReportView, blocks: &mut Vec<Block>) {
    let (method, labels) = (&view.methodology, &view.labels);
    blocks.push(Block::PageBreak);
    blocks.push(heading(1, labels.get("heading_methodology")));
    blocks.push(heading(2, labels.get("heading_scales")));
    for scale in &method.scales {
        let title = match &scale.label {
            Some(label) => format!("{label} ({})", scale.id),
            None => scale.id.clone(),
        };
        blocks.push(paragraph(title, TextStyle::Bold));
        let rows = scale
            .levels
            .iter()
            .map(|l| {
                row(vec![
                    cell(l.value.to_string()),
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
    blocks.push(Block::KeyValues(vec![
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
            labels.get("label_exception").to_owned(),
            labels.get("exceptions_rule").to_owned(),
        ),
        (
            labels.get("label_evidence_max_age").to_owned(),
            format!("{}. {}", method.evidence_max_age, labels.get("freshness_rule")),
        ),
    ]));
    if !method.bands.is_empty() {
        blocks.push(heading(2, labels.get("heading_bands")));
        let rows = method
            .bands
            .iter()
            .map(|b| row(vec![band_cell(Some(&b.band)), cell(b.range.clone())]))
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(labels.get("label_band"), 3.0),
                column(labels.get("label_range"), 2.0),
            ],
            rows,
        }));
        blocks.push(paragraph(labels.get("bands_note"), TextStyle::Small));
    }
    if let Some(cap) = &method.cap {
        blocks.push(paragraph(
            labels.fill("cap_rule", &[("band", &format!("{} {}", cap.code, cap.label))]),
            TextStyle::Normal,
        ));
    }
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
    blocks.push(heading(3, format!("{title}: {}", score_text(&trace.result))));
    blocks.push(paragraph(
        format!("{}: {}", labels.get("label_method"), trace.method),
        TextStyle::Muted,
    ));
    if !trace.counted.is_empty() {
        let rows = trace
            .counted
            .iter()
            .map(|t| {
                row(vec![
                    cell(t.id.clone()),
                    cell(t.title.clone()),
                    cell(t.kind.clone()),
                    cell(t.score.clone()),
                    cell(t.weight.clone()),
                ])
            })
            .collect();
        blocks.push(Block::Table(Table {
            columns: vec![
                column(labels.get("label_id"), 1.0),
                column(labels.get("label_title"), 3.6),
                column(labels.get("label_kind"), 1.0),
                right(labels.get("label_score"), 0.8),
                right(labels.get("label_weight"), 0.7),
            ],
            rows,
        }));
    }
    if !trace.excluded.is_empty() {
        let items: Vec<String> = trace
            .excluded
            .iter()
            .map(|e| format!("{} ({})", e.id, e.reason))
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

fn provenance(view: &ReportView, blocks: &mut Vec<Block>) {
    let (p, labels) = (&view.provenance, &view.labels);
    blocks.push(heading(1, labels.get("heading_provenance")));
    let mut rows = tool_and_checklist(
        labels,
        [&p.tool, &p.tool_version],
        [&p.checklist_id, &p.checklist_version],
        [&p.checklist_file, &p.checklist_sha256],
    );
    rows.extend([
        (
            labels.get("label_answers_file").to_owned(),
            p.answers_file.clone(),
        ),
        (sha256_of(labels, "label_answers_file"), p.answers_sha256.clone()),
        (labels.get("label_basis").to_owned(), p.basis.clone()),
        (
            labels.get("label_report_date").to_owned(),
            p.report_date.to_string(),
        ),
    ]);
    blocks.push(Block::KeyValues(rows));
    blocks.push(paragraph(labels.get("provenance_note"), TextStyle::Small));
}

/// The provenance rows every report starts with: the tool, and the checklist with its file and
/// checksum.
pub(super) fn tool_and_checklist(
    labels: &Labels,
    [tool, tool_version]: [&str; 2],
    [checklist_id, checklist_version]: [&str; 2],
    [checklist_file, checklist_sha256]: [&str; 2],
) -> Vec<(String, String)> {
    vec![
        (
            labels.get("label_tool").to_owned(),
            format!("{tool} {tool_version}"),
        ),
        (
            labels.get("label_checklist").to_owned(),
            format!("{checklist_id} {checklist_version}"),
        ),
        (
            labels.get("label_checklist_file").to_owned(),
            checklist_file.to_owned(),
        ),
        (sha256_of(labels, "label_checklist"), checklist_sha256.to_owned()),
    ]
}

/// "SHA-256 (Checklist)".
fn sha256_of(labels: &Labels, what: &str) -> String {
    format!("{} ({})", labels.get("label_sha256"), labels.get(what))
}

/// `#rrggbb` as a colour; grey for anything else (validation refuses bad colours earlier).
pub(super) fn rgb(hex: &str) -> Rgb {
    let channel = |i: usize| {
        hex.get(i..i + 2)
            .and_then(|h| u8::from_str_radix(h, 16).ok())
            .unwrap_or(0x9e)
    };
    Rgb(channel(1), channel(3), channel(5))
}
